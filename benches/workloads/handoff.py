"""Thread handoff through the interpreter: two threads ping-pong a token.

Two threads pass the turn back and forth SIZE times each, Beazley-style,
through two plain locks used as binary semaphores: thread 0 waits on lock
A and releases lock B, thread 1 waits on lock B and releases lock A. Every
pass is one blocking ``acquire`` (which releases the GIL while it waits)
woken by the other thread's ``release``, then a re-take of the GIL: the
whole cost of handing the running thread over, bytecode included. The
``gil_handoff`` criterion benchmark measures the same with no interpreter
around the GIL; this is its anchor against CPython.

Answer: ``handoffs: 2 * SIZE``. Metric: ``us_per_handoff`` (wall time of
the ping-pong / handoffs, in microseconds).

Usage: python3 handoff.py SIZE threads 2
"""
# bench: kind io
# bench: executors threads
# bench: workers 2
# bench: size 20000 quick 5000 smoke 200
# bench: python2
import sys
import threading
from _workload import parse_args, perf

EXECUTORS = ("threads",)


def main():
    size, executor, workers = parse_args(sys.argv, EXECUTORS, fixed_workers=2)
    a = threading.Lock()
    b = threading.Lock()
    a.acquire()
    b.acquire()
    passes = [0, 0]

    def player(me, mine, theirs):
        n = 0
        while n < size:
            mine.acquire()
            n += 1
            theirs.release()
        passes[me] = n

    t0 = threading.Thread(target=player, args=(0, a, b))
    t1 = threading.Thread(target=player, args=(1, b, a))
    start = perf()
    t0.start()
    t1.start()
    a.release()
    t0.join()
    t1.join()
    elapsed = perf() - start
    handoffs = passes[0] + passes[1]
    print("handoffs: %d" % handoffs)
    print("METRIC us_per_handoff %.3f" % (elapsed / handoffs * 1e6))


main()
