# Stress: the `x += 1` race from the seed article, WITHOUT a lock. Several
# threads each do `x += 1` on a global many times. `x += 1` is a load, an
# add and a store, so a thread can overwrite another's update: without a GIL
# (ft-atomic, ft-locked, CPython 3.13t) updates may be lost, and even a GIL
# may switch threads between the load and the store. So only what holds
# whatever the scheduling is printed, never the exact value: x is an int,
# it is positive (every store writes a loaded value plus one) and no
# increment was invented (at most threads * n).
# The seed's foo/bar pair (one thread adds, one subtracts) ends within
# [-N, N]. The live objects are back at their baseline once the threads are
# joined (ftl only).
import sys
import threading

THREADS = 4
N = 20000
x = 0


def run(n):
    global x
    go = threading.Event()

    def inc():
        global x
        go.wait()
        for i in range(n):
            x += 1

    x = 0
    ts = [threading.Thread(target=inc) for k in range(THREADS)]
    for t in ts:
        t.start()
    go.set()
    for t in ts:
        t.join()
    up = x

    def foo():
        global x
        for i in range(n):
            x += 1

    def bar():
        global x
        for i in range(n):
            x -= 1

    x = 0
    t1 = threading.Thread(target=foo)
    t2 = threading.Thread(target=bar)
    t1.start()
    t2.start()
    t1.join()
    t2.join()  # Wait for completion
    both = x
    x = 0
    return up, both


run(10)
base = sys.getallocatedblocks()
up, both = run(N)
print("x is an int:", type(up) is int)
print("0 < x <= threads * n:", 0 < up <= THREADS * N)
print("foo/bar result is an int:", type(both) is int)
print("-n <= x <= n after foo and bar:", -N <= both <= N)
del up, both
if sys.implementation.name == "ftl":
    leaked = sys.getallocatedblocks() - base - 1  # `base` itself is one live object
    assert leaked == 0, f"{leaked} objects leaked"
print("done")
