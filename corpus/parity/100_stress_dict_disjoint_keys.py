# Stress: four threads store disjoint key ranges into one shared dict without
# a lock (the dict resizes many times while they do). Every key maps to the
# value its thread stored and the length is exact; a second phase has each
# thread add one to the values of its even keys and delete the string twins of
# its odd keys. The live objects are back at their baseline once the threads
# are joined (ftl only).
import sys
import threading

THREADS = 4
N = 3000


def run(n):
    go = threading.Event()
    go2 = threading.Event()
    shared = {}

    def writer(k):
        go.wait()
        for i in range(k * n, (k + 1) * n):
            shared[i] = i * 3 + 1
            shared["s%d" % i] = -i

    def rewriter(k):
        go2.wait()
        for i in range(k * n, (k + 1) * n):
            if i % 2:
                del shared["s%d" % i]
            else:
                shared[i] = shared[i] + 1

    ts = [threading.Thread(target=writer, args=(k,)) for k in range(THREADS)]
    for t in ts:
        t.start()
    go.set()
    for t in ts:
        t.join()
    first_len = len(shared)
    first_ok = all(shared[i] == i * 3 + 1 and shared["s%d" % i] == -i for i in range(THREADS * n))
    ts = [threading.Thread(target=rewriter, args=(k,)) for k in range(THREADS)]
    for t in ts:
        t.start()
    go2.set()
    for t in ts:
        t.join()
    second_ok = True
    for i in range(THREADS * n):
        want = i * 3 + 1 + (0 if i % 2 else 1)
        if shared[i] != want:
            second_ok = False
        if (("s%d" % i) in shared) != (i % 2 == 0):
            second_ok = False
    int_keys = sorted(key for key in shared if isinstance(key, int))
    return first_len, first_ok, len(shared), second_ok, int_keys == list(range(THREADS * n))


run(10)
base = sys.getallocatedblocks()
first_len, first_ok, second_len, second_ok, keys_ok = run(N)
print("after writers: len", first_len, "expected", 2 * THREADS * N, "all values right:", first_ok)
print("after rewriters: len", second_len, "expected", THREADS * N + THREADS * N // 2, "all values right:", second_ok)
print("int keys exactly those stored:", keys_ok)
del first_len, first_ok, second_len, second_ok, keys_ok
if sys.implementation.name == "ftl":
    leaked = sys.getallocatedblocks() - base - 1  # `base` itself is one live object
    assert leaked == 0, f"{leaked} objects leaked"
print("done")
