# Stress: four threads build cyclic garbage at once (each cycle a Node with
# a __del__, a list and a dict that refer to each other), and hand half of
# their cycles to a neighbour, which drops them: containers are born on one
# thread and die on another. Automatic collections run meanwhile (a low
# threshold), and each thread also calls gc.collect() now and then, so
# collections start from several threads and stop the world under them on
# the free-threaded runtimes. Every finalizer runs exactly once, every cycle
# is freed, and the live objects are back at their baseline (ftl only).
import gc
import sys
import threading

THREADS = 4
N = 10000

finalized = [0] * THREADS


class Node:
    def __init__(self, owner, i):
        self.owner = owner
        self.i = i
        self.peer = [self]
        self.meta = {"node": self, "peer": self.peer}

    def __del__(self):
        finalized[self.owner] += 1


def run(n):
    boxes = [[] for _ in range(THREADS)]
    locks = [threading.Lock() for _ in range(THREADS)]
    go = threading.Event()
    sizes = [0] * THREADS

    def worker(k):
        go.wait()
        right = (k + 1) % THREADS
        for i in range(n):
            node = Node(k, i)
            if i % 2:
                with locks[right]:
                    boxes[right].append(node)
            del node
            with locks[k]:
                mine = boxes[k]
                boxes[k] = []
            sizes[k] += len(mine)
            del mine
            if i % 500 == 499:
                gc.collect()

    ts = [threading.Thread(target=worker, args=(k,)) for k in range(THREADS)]
    for t in ts:
        t.start()
    go.set()
    for t in ts:
        t.join()
    handed = sum(sizes) + sum(len(b) for b in boxes)
    for b in boxes:
        b.clear()
    gc.collect()
    done = sum(finalized)
    for k in range(THREADS):
        finalized[k] = 0
    return done, handed


old = gc.get_threshold()
gc.set_threshold(100)
run(20)
gc.collect()
base = sys.getallocatedblocks()
done, handed = run(N)
gc.collect()
print("finalizers run:", done, "expected:", THREADS * N)
print("cycles handed to a neighbour and dropped there:", handed, "expected:", THREADS * N // 2)
gc.set_threshold(*old)
del done, handed
if sys.implementation.name == "ftl":
    leaked = sys.getallocatedblocks() - base - 1  # `base` itself is one live object
    assert leaked == 0, f"{leaked} objects leaked"
print("done")
