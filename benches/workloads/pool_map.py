"""A pool maps n * n over range(SIZE) and the results are summed.

Reproduces seed 001's Pool map: ``Pool(W).map(square, range(SIZE))`` with
a module-level ``square(n): return n * n``.  The ``processes`` executor
uses multiprocessing.Pool (each chunk of arguments and results is
pickled through pipes to worker processes); ``threads`` uses
multiprocessing.pool.ThreadPool with the same interface.  The work per
item is tiny, so the run measures the pool's dispatch overhead.

Before the timed map, a process pool is warmed up until every worker has
answered (maps of short sleeps that return the worker's pid), so the
metric leaves out the workers' start-up, which depends on the start
method (fork on CPython 3.11 for Linux, spawn on ftl).

Answer: ``sum of squares: S`` (the sum of map's results, equal to
(SIZE - 1) * SIZE * (2 * SIZE - 1) / 6).  Metric: ``us_per_item``, the
wall time of the timed ``map`` divided by SIZE, in microseconds (the
dispatch cost per item: chunking, pickling both ways, the pipes, the
result handler).

Usage: python3 pool_map.py SIZE EXECUTOR WORKERS
"""
# bench: kind cpu
# bench: executors threads processes
# bench: workers 1 2 4
# bench: size 6000000 quick 600000 smoke 10000
# bench: python2
# bench: requires multiprocessing

import os
import sys
import time
from _workload import parse_args, perf

EXECUTORS = ("threads", "processes")


def square(n):
    return n * n


def pid_after(delay):
    time.sleep(delay)
    return os.getpid()


def warm_up(pool, workers):
    """Returns once every worker of a process pool has run a task (at most
    about 5 s of tries)."""
    seen = set()
    for _ in range(50):
        seen.update(pool.map(pid_after, [0.01] * (2 * workers), 1))
        if len(seen) >= workers:
            return


def main():
    size, executor, workers = parse_args(sys.argv, EXECUTORS)
    if executor == "threads":
        from multiprocessing.pool import ThreadPool
        pool = ThreadPool(workers)
    else:
        import multiprocessing
        pool = multiprocessing.Pool(workers)
    try:
        if executor == "processes":
            warm_up(pool, workers)
        start = perf()
        results = pool.map(square, range(size))
        elapsed = perf() - start
    finally:
        pool.close()
        pool.join()
    print("sum of squares: %d" % sum(results))
    print("METRIC us_per_item %.4f" % (elapsed / max(size, 1) * 1e6))


if __name__ == '__main__':
    main()
