"""A pool maps n * n over range(SIZE) and the results are summed.

Reproduces seed 001's Pool map: ``Pool(W).map(square, range(SIZE))`` with
a module-level ``square(n): return n * n``.  The ``processes`` executor
uses multiprocessing.Pool (each chunk of arguments and results is
pickled through pipes to worker processes); ``threads`` uses
multiprocessing.pool.ThreadPool with the same interface.  The work per
item is tiny, so the run measures the pool's dispatch overhead.

Answer: ``sum of squares: S`` (the sum of map's results, equal to
(SIZE - 1) * SIZE * (2 * SIZE - 1) / 6).  No metrics.

Usage: python3 pool_map.py SIZE EXECUTOR WORKERS
"""
# bench: kind cpu
# bench: executors threads processes
# bench: workers 1 2 4
# bench: size 6000000 quick 600000 smoke 10000
# bench: python2
# bench: requires multiprocessing

import sys
from _workload import parse_args

EXECUTORS = ("threads", "processes")


def square(n):
    return n * n


def main():
    size, executor, workers = parse_args(sys.argv, EXECUTORS)
    if executor == "threads":
        from multiprocessing.pool import ThreadPool
        pool = ThreadPool(workers)
    else:
        import multiprocessing
        pool = multiprocessing.Pool(workers)
    try:
        results = pool.map(square, range(size))
    finally:
        pool.close()
        pool.join()
    print("sum of squares: %d" % sum(results))


if __name__ == '__main__':
    main()
