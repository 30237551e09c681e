# Stress: four threads read the same shared objects at once without a lock:
# they bind, pass, store into their own lists and drop references to a
# shared list of Point objects, its items, a shared tuple and a shared
# string, so the reference counts of those objects are incremented and
# decremented from several threads at the same time. With a count that is
# not updated atomically (or under a lock) an object would be freed while in
# use or never freed; here every sum is exact, every shared object is still
# intact afterwards, and the live objects are back at their baseline once
# the threads are joined (ftl only).
import sys
import threading

THREADS = 4
N = 6000


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


def run(n):
    points = [Point(i, -2 * i) for i in range(50)]
    pair = (points[3], points[7], "shared")
    label = "point-" + str(len(points))
    go = threading.Event()
    results = [None] * THREADS

    def reader(k):
        go.wait()
        total = 0
        kept = []
        for i in range(n):
            p = points[i % len(points)]
            q = pair[i % 2]
            total += p.norm1() + q.x
            kept.append(p)
            kept.append(pair)
            if len(kept) > 64:
                del kept[:32]
            s = label
            if s != "point-50" or pair[2] != "shared":
                total = -10 ** 9
        results[k] = total

    ts = [threading.Thread(target=reader, args=(k,)) for k in range(THREADS)]
    for t in ts:
        t.start()
    go.set()
    for t in ts:
        t.join()
    want = 0
    for i in range(n):
        p = points[i % len(points)]
        q = pair[i % 2]
        want += p.norm1() + q.x
    intact = all(p.x == i and p.y == -2 * i for i, p in enumerate(points))
    intact = intact and pair[0] is points[3] and pair[1] is points[7] and label == "point-50"
    return results == [want] * THREADS, intact, sys.getrefcount(points[3]) >= 3


run(10)
base = sys.getallocatedblocks()
exact, intact, counted = run(N)
print("every thread's sum exact:", exact)
print("shared objects intact:", intact)
print("shared point still referenced:", counted)
del exact, intact, counted
if sys.implementation.name == "ftl":
    leaked = sys.getallocatedblocks() - base - 1  # `base` itself is one live object
    assert leaked == 0, f"{leaked} objects leaked"
print("done")
