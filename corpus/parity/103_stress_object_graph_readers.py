# Stress: three reader threads walk a small object graph while a writer
# thread keeps replacing its attributes without a lock: `node.child = Node(...)`
# with a fresh subtree and `obj.value = tuple(...)`, always with values that
# satisfy an invariant (a tuple whose items sum to TOTAL; a child whose
# `pair` sums to its `level`). Each attribute store replaces one reference
# with another complete object, so a reader always sees either the old or
# the new object, never a torn or freed one: no violations. The live objects
# are back at their baseline once the threads are joined (ftl only).
import sys
import threading

TOTAL = 1000
READERS = 3
WRITES = 2000


class Node:
    def __init__(self, level, a):
        self.level = level
        self.pair = (a, level - a)
        self.child = None


class Holder:
    def __init__(self):
        self.value = (TOTAL, 0, 0)
        self.node = Node(10, 3)
        self.node.child = Node(20, 5)


def run(writes):
    h = Holder()
    go = threading.Event()
    stop = threading.Event()
    results = [None] * READERS

    def writer():
        go.wait()
        for i in range(writes):
            a = i % TOTAL
            b = (i * 7) % (TOTAL - a + 1)
            h.value = tuple([a, b, TOTAL - a - b])
            child = Node(20 + i % 5, i % 11)
            child.child = Node(30, i % 13)
            h.node.child = child
            if i % 50 == 0:
                h.node = Node(10, i % 9)
                h.node.child = Node(20, 1)
        stop.set()

    def reader(k):
        go.wait()
        reads = 0
        bad = 0
        while True:
            finished = stop.is_set()
            v = h.value
            if len(v) != 3 or sum(v) != TOTAL:
                bad += 1
            n = h.node
            if n.pair[0] + n.pair[1] != n.level:
                bad += 1
            c = n.child
            if c is not None:
                if c.pair[0] + c.pair[1] != c.level or not 20 <= c.level < 25:
                    bad += 1
                g = c.child
                if g is not None and g.pair[0] + g.pair[1] != g.level:
                    bad += 1
            reads += 1
            if finished:
                break
        results[k] = (reads, bad)

    ts = [threading.Thread(target=reader, args=(k,)) for k in range(READERS)]
    ts.append(threading.Thread(target=writer))
    for t in ts:
        t.start()
    go.set()
    for t in ts:
        t.join()
    violations = sum(r[1] for r in results)
    every_reader_read = all(r[0] >= 1 for r in results)
    final = sum(h.value) == TOTAL and h.node.child.level in (20, 21, 22, 23, 24)
    return violations, every_reader_read, final


run(10)
base = sys.getallocatedblocks()
violations, every_reader_read, final = run(WRITES)
print("violations == 0:", violations == 0)
print("every reader read:", every_reader_read)
print("final graph satisfies the invariants:", final)
del violations, every_reader_read, final
if sys.implementation.name == "ftl":
    leaked = sys.getallocatedblocks() - base - 1  # `base` itself is one live object
    assert leaked == 0, f"{leaked} objects leaked"
print("done")
