"""A lock convoy: threads contending one Python lock with tiny critical
sections.

SIZE lock-protected increments of one shared counter are dealt out to
the WORKERS threads (each takes SIZE // WORKERS, the first ones one more
when it does not divide), every update a ``lock.acquire()``, ``n += 1``,
``lock.release()``: nothing else runs between two acquisitions. The total
work is the same for every worker count, so the time against 1 worker is
the price of contention alone, on top of nothing that could run in
parallel: under any GIL the ideal is x1.00.

This isolates the cost issue 15 found in ``race_counter``: a GIL that
hands itself directly to the next waiter (FIFO, as gil-fair does) can turn
a hot lock into a lock convoy, the GIL going to a thread that blocks on
the Python lock at once, every update then paying a context switch or
two. Under competitive succession (the holder may take the GIL back, as
the new GIL lets it) the holder runs many critical sections in a row.

Answer: ``final: SIZE`` (every update kept). Metric: ``ns_per_update``
(the wall time of the threaded part, without start-up, per update).

Usage: python3 hot_lock.py SIZE {serial|threads} WORKERS
"""
# bench: kind race
# bench: executors serial threads
# bench: workers 1 2 4
# bench: size 600000 quick 200000 smoke 5000
# bench: python2
import sys
import threading
from _workload import in_threads, parse_args, perf

EXECUTORS = ("serial", "threads")


class Counter(object):
    def __init__(self):
        self.n = 0


def updates(counter, lock, n):
    i = 0
    while i < n:
        lock.acquire()
        counter.n += 1
        lock.release()
        i += 1


def main():
    size, executor, workers = parse_args(sys.argv, EXECUTORS)
    counter = Counter()
    lock = threading.Lock()
    shares = [size // workers + (1 if k < size % workers else 0) for k in range(workers)]
    start = perf()
    if executor == "serial":
        updates(counter, lock, size)
    else:
        in_threads(lambda k: updates(counter, lock, shares[k]), workers)
    elapsed = perf() - start
    print("final: %d" % counter.n)
    print("METRIC ns_per_update %.1f" % (elapsed * 1e9 / max(size, 1)))


if __name__ == '__main__':
    main()
