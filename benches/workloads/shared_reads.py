"""Threads reading one shared dict, one shared list and one module global.

The shape of code that free-threaded CPython still runs slower with more
threads: 3.14t runs this kind of loop at 0.28x of one thread
(modern-di #435), because every thread increfs and decrefs the same few
objects (the dict, the list, their items, the function it calls), and
those counts live on cache lines every reader writes.  Nothing is written
to the shared objects themselves.

REGISTRY is a module-global dict of 16 str keys to ints; TABLE a
module-global list of 32 ints; SCALE a module-global int; ``lookup`` a
module-level function.  SIZE reads are split into contiguous ranges over
the WORKERS (worker k takes [k * SIZE // W, (k + 1) * SIZE // W)); read i
adds ``lookup(KEYS[i % 16]) + TABLE[i % 32] * SCALE`` to a local checksum,
so the total is the same for any split.  ``serial`` does the whole range
in the main thread.

Answer: ``checksum: N``.  No metrics.

Usage: python3 shared_reads.py SIZE EXECUTOR WORKERS
"""
# bench: kind cpu
# bench: executors serial threads
# bench: workers 1 2 4
# bench: size 3000000 quick 400000 smoke 10000
# bench: python2

import sys
from _workload import in_threads, parse_args

EXECUTORS = ("serial", "threads")

KEYS = ["key%d" % k for k in range(16)]
# Values above 256, so that they are ordinary shared objects (small ints
# are immortal in CPython 3.12+ and in ftl).
REGISTRY = dict((KEYS[k], 1000 + 7 * k) for k in range(16))
TABLE = [5000 + 3 * m for m in range(32)]
SCALE = 3


def lookup(key):
    return REGISTRY[key]


def read_range(lo, hi):
    checksum = 0
    i = lo
    while i < hi:
        checksum += lookup(KEYS[i % 16]) + TABLE[i % 32] * SCALE
        i += 1
    return checksum


def run_threads(size, workers):
    def body(k):
        return read_range(k * size // workers, (k + 1) * size // workers)

    return sum(in_threads(body, workers))


def main():
    size, executor, workers = parse_args(sys.argv, EXECUTORS)
    if executor == "serial":
        checksum = read_range(0, size)
    else:
        checksum = run_threads(size, workers)
    print("checksum: %d" % checksum)


if __name__ == '__main__':
    main()
