# Stress: two threads make objects with weak references to them (each with
# a callback) and drop them soon after, while two other threads call those
# weak references over and over and use what they get back. A referent can
# die on its maker's thread or, when a reader held the last reference for a
# moment, on the reader's: on the free-threaded runtimes a weak reference
# is called while its referent dies on another thread. A reader never sees
# a freed or half-dead object, every callback runs exactly once, and the
# live objects are back at their baseline (ftl only).
import gc
import sys
import threading
import weakref

MAKERS = 2
READERS = 2
N = 20000
SLOTS = 64


class Box:
    def __init__(self, k, i):
        self.k = k
        self.i = i
        self.check = k * 1000003 + i


def run(n):
    shared = [None] * SLOTS
    died = [0]
    died_lock = threading.Lock()
    makers_done = threading.Event()
    bad = [0] * READERS
    weakrefs = [None] * MAKERS
    seen = [0] * READERS

    def on_death(wr):
        with died_lock:
            died[0] += 1

    def maker(k):
        ring = [None] * 8
        # Every weak reference stays alive (a dead weakref calls nothing
        # back), so every referent's death runs one callback.
        kept = []
        for i in range(n):
            obj = Box(k, i)
            wr = weakref.ref(obj, on_death)
            kept.append(wr)
            shared[(k * 31 + i) % SLOTS] = wr
            ring[i % 8] = obj
            del obj, wr
        ring.clear()
        weakrefs[k] = kept

    def reader(r):
        rounds = 0
        while not makers_done.is_set() or rounds < 2:
            if makers_done.is_set():
                rounds += 1
            for j in range(SLOTS):
                wr = shared[j]
                if wr is None:
                    continue
                o = wr()
                if o is not None:
                    seen[r] += 1
                    if o.check != o.k * 1000003 + o.i:
                        bad[r] += 1
                del o

    readers = [threading.Thread(target=reader, args=(r,)) for r in range(READERS)]
    makers = [threading.Thread(target=maker, args=(k,)) for k in range(MAKERS)]
    for t in readers + makers:
        t.start()
    for t in makers:
        t.join()
    makers_done.set()
    for t in readers:
        t.join()
    alive = sum(1 for wr in shared if wr is not None and wr() is not None)
    shared.clear()
    weakrefs.clear()
    gc.collect()
    return died[0], sum(bad), alive


run(50)
gc.collect()
base = sys.getallocatedblocks()
died, bad, alive = run(N)
print("callbacks run:", died, "expected:", MAKERS * N)
print("bad objects seen by readers:", bad)
print("referents alive once the makers are done:", alive)
del died, bad, alive
if sys.implementation.name == "ftl":
    leaked = sys.getallocatedblocks() - base - 1  # `base` itself is one live object
    assert leaked == 0, f"{leaked} objects leaked"
print("done")
