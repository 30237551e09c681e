# Stress: four threads drain one shared list with pop() until it raises
# IndexError, without a lock. Each pop removes exactly one item, so the
# popped items together are exactly the original ones: nothing lost, nothing
# popped twice. The live objects are back at their baseline once the threads
# are joined (ftl only).
import sys
import threading

THREADS = 4
N = 20000


def run(n):
    go = threading.Event()
    items = [i * 7 + 3 for i in range(n)]
    original_sum = sum(items)
    results = [None] * THREADS

    def drainer(k):
        go.wait()
        got = []
        total = 0
        while True:
            try:
                v = items.pop()
            except IndexError:
                break
            got.append(v)
            total += v
        results[k] = (len(got), total, got)

    ts = [threading.Thread(target=drainer, args=(k,)) for k in range(THREADS)]
    for t in ts:
        t.start()
    go.set()
    for t in ts:
        t.join()
    count = sum(r[0] for r in results)
    total = sum(r[1] for r in results)
    popped = []
    descending = True
    for r in results:
        got = r[2]
        # pop() takes from the end, so each thread sees decreasing values.
        for a, b in zip(got, got[1:]):
            if a <= b:
                descending = False
        popped.extend(got)
    popped.sort()
    exact = popped == [i * 7 + 3 for i in range(n)]
    return count, total == original_sum, exact, descending, len(items)


run(10)
base = sys.getallocatedblocks()
count, sum_ok, exact, descending, left = run(N)
print("popped:", count, "expected:", N)
print("sum of popped == original sum:", sum_ok)
print("popped items are exactly the original ones:", exact)
print("each thread popped decreasing values:", descending)
print("left in the list:", left)
del count, sum_ok, exact, descending, left
if sys.implementation.name == "ftl":
    leaked = sys.getallocatedblocks() - base - 1  # `base` itself is one live object
    assert leaked == 0, f"{leaked} objects leaked"
print("done")
