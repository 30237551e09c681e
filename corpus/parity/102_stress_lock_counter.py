# Stress: four threads increment shared counters under one threading.Lock,
# taken both with `with` and with acquire()/release(). No increment is lost
# on any runtime, so the totals are exact. The live objects are back at
# their baseline once the threads are joined (ftl only).
import sys
import threading

THREADS = 4
N = 3000


def run(n):
    lock = threading.Lock()
    go = threading.Event()
    state = {"count": 0, "sum": 0}
    box = [0]

    def worker(k):
        go.wait()
        for i in range(n):
            with lock:
                state["count"] += 1
                state["sum"] += k * n + i
            lock.acquire()
            try:
                box[0] = box[0] + 2
            finally:
                lock.release()

    ts = [threading.Thread(target=worker, args=(k,)) for k in range(THREADS)]
    for t in ts:
        t.start()
    go.set()
    for t in ts:
        t.join()
    return state["count"], state["sum"], box[0], lock.locked()


run(10)
base = sys.getallocatedblocks()
count, total, box, locked = run(N)
print("count:", count, "expected:", THREADS * N)
print("sum:", total, "expected:", sum(range(THREADS * N)))
print("box:", box, "expected:", 2 * THREADS * N)
print("lock held at the end:", locked)
del count, total, box, locked
if sys.implementation.name == "ftl":
    leaked = sys.getallocatedblocks() - base - 1  # `base` itself is one live object
    assert leaked == 0, f"{leaked} objects leaked"
print("done")
