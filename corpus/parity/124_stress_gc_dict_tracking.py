# Stress: dicts that hold only atoms start untracked, and threads store
# cycles into them at once. Four threads each take the same untracked dicts
# and store a list that refers back to the dict (so every thread's store may
# be the one that makes the collector track it, and all four race to do
# so), and each thread also fills untracked dicts that a neighbour made,
# hanging a finalized object off each in a cycle. Collections run meanwhile
# (a low threshold, and gc.collect() from the threads). Every cycle is
# collected, every finalizer runs exactly once, and the live objects are
# back at their baseline (ftl only).
import gc
import sys
import threading

THREADS = 4
SHARED = 300
N = 4000

finalized = [0] * THREADS


class Owner:
    def __init__(self, k, box):
        self.k = k
        self.box = box

    def __del__(self):
        finalized[self.k] += 1


def run(shared_n, n):
    shared = [{"j": j, "name": str(j)} for j in range(shared_n)]
    untracked_at_start = sum(1 for d in shared if not gc.is_tracked(d))
    boxes = [[] for _ in range(THREADS)]
    locks = [threading.Lock() for _ in range(THREADS)]
    go = threading.Event()

    def worker(k):
        go.wait()
        for d in shared:
            d[k] = [d, k]
        right = (k + 1) % THREADS
        for i in range(n):
            box = {"i": i, "from": k}
            with locks[right]:
                boxes[right].append(box)
            del box
            with locks[k]:
                mine = boxes[k]
                boxes[k] = []
            for theirs in mine:
                theirs["owner"] = Owner(k, theirs)
            mine = theirs = None
            if i % 1000 == 999:
                gc.collect()

    ts = [threading.Thread(target=worker, args=(k,)) for k in range(THREADS)]
    for t in ts:
        t.start()
    go.set()
    for t in ts:
        t.join()
    tracked = sum(1 for d in shared if gc.is_tracked(d))
    complete = sum(1 for d in shared if all(d[k][0] is d for k in range(THREADS)))
    left = sum(len(b) for b in boxes)
    for b in boxes:
        for box in b:
            box["owner"] = Owner(0, box)
    shared = boxes = b = box = None
    gc.collect()
    done = sum(finalized)
    for k in range(THREADS):
        finalized[k] = 0
    return untracked_at_start, tracked, complete, done, left


old = gc.get_threshold()
gc.set_threshold(100)
run(10, 20)
gc.collect()
base = sys.getallocatedblocks()
untracked_at_start, tracked, complete, done, left = run(SHARED, N)
gc.collect()
print("shared dicts untracked at the start:", untracked_at_start, "of", SHARED)
print("tracked after the threads stored cycles:", tracked)
print("holding every thread's list:", complete)
print("finalizers run:", done, "expected:", THREADS * N)
gc.set_threshold(*old)
del untracked_at_start, tracked, complete, done, left
if sys.implementation.name == "ftl":
    leaked = sys.getallocatedblocks() - base - 1  # `base` itself is one live object
    assert leaked == 0, f"{leaked} objects leaked"
print("done")
