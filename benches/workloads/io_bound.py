"""I/O-bound threads: blocking sleeps and pipe round trips overlap.

SIZE blocking operations in total are split as evenly as possible over
the WORKERS (worker k does SIZE // W operations, plus one if k < SIZE % W).
Each operation is ``time.sleep(0.001)`` followed by a one-byte round trip
through the worker's own os.pipe() (os.write one byte, os.read it back).
Both calls block without needing the interpreter, so threads overlap and
the ideal wall time is about SIZE milliseconds / WORKERS.  ``serial`` runs
the same operations in the main thread with one pipe.

Answer: ``operations: SIZE`` (the number of operations actually done).
Metrics: ``ops_per_s``, SIZE divided by the time measured around the
work (thread start-up and joins included, interpreter start excluded).

Usage: python3 io_bound.py SIZE EXECUTOR WORKERS
"""
# bench: kind io
# bench: executors serial threads
# bench: workers 1 2 4
# bench: size 2000 quick 200 smoke 20
# bench: python2

import os
import sys
import time
from _workload import in_threads, parse_args, perf

EXECUTORS = ("serial", "threads")


def do_ops(n):
    """n operations on a fresh pipe; return how many completed."""
    r, w = os.pipe()
    done = 0
    try:
        i = 0
        while i < n:
            time.sleep(0.001)
            os.write(w, b"x")
            if len(os.read(r, 1)) == 1:
                done += 1
            i += 1
    finally:
        os.close(r)
        os.close(w)
    return done


def share(size, workers, k):
    n = size // workers
    if k < size % workers:
        n += 1
    return n


def run_threads(size, workers):
    return sum(in_threads(lambda k: do_ops(share(size, workers, k)), workers))


def main():
    size, executor, workers = parse_args(sys.argv, EXECUTORS)
    start = perf()
    if executor == "serial":
        done = do_ops(size)
    else:
        done = run_threads(size, workers)
    elapsed = perf() - start
    print("operations: %d" % done)
    if elapsed > 0:
        print("METRIC ops_per_s %.1f" % (done / elapsed))


if __name__ == '__main__':
    main()
