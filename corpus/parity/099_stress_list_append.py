# Stress: four threads append to one shared list without a lock. list.append
# is atomic on every runtime (under the GIL, and under the list's own lock
# without one), so no append is lost and none is duplicated: the length is
# exact and the multiset of items is exactly what was appended. The live
# objects are back at their baseline once the threads are joined (ftl only).
import sys
import threading

THREADS = 4
N = 20000


def run(n):
    go = threading.Event()
    shared = []

    def worker(k):
        go.wait()
        for i in range(n):
            shared.append(k * n + i)

    ts = [threading.Thread(target=worker, args=(k,)) for k in range(THREADS)]
    for t in ts:
        t.start()
    go.set()
    for t in ts:
        t.join()
    # Per-thread order is kept: each thread's items appear in increasing order.
    in_order = True
    last = [-1] * THREADS
    for v in shared:
        k = v // n
        if v <= last[k]:
            in_order = False
        last[k] = v
    return len(shared), sorted(shared) == list(range(THREADS * n)), sum(shared), in_order


run(10)
base = sys.getallocatedblocks()
length, exact, total, in_order = run(N)
print("length:", length, "expected:", THREADS * N)
print("items are exactly those appended:", exact)
print("sum:", total, "expected:", sum(range(THREADS * N)))
print("each thread's items in its order:", in_order)
del length, exact, total, in_order
if sys.implementation.name == "ftl":
    leaked = sys.getallocatedblocks() - base - 1  # `base` itself is one live object
    assert leaked == 0, f"{leaked} objects leaked"
print("done")
