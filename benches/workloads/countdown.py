"""Beazley's countdown: the GIL's cost to CPU-bound threads.

David Beazley's experiment ("Understanding the Python GIL", 2009/2010):
count down from N twice, once after the other, then in two threads at
once. Under Python 2's GIL on a multicore machine the threaded run is
slower than the sequential one (the threads fight over the lock); under
Python 3.2's GIL it is about the same; without a GIL it is faster.

Here the total work is fixed at 2 * SIZE decrements: ``serial`` counts
down from SIZE twice in sequence; ``threads`` with W workers gives each of
W threads an equal share of the 2 * SIZE decrements (W = 2 is Beazley's
two threads each counting down from SIZE). The bench's threads/serial
wall-time ratio is Beazley's figure. ``interpreters`` gives the same
shares to W interpreters of PEP 734, each with its own GIL, on a thread
each (CPython 3.14+ and ftl's GIL runtimes).

Answer: ``counted down: 2 * SIZE`` (the decrements done, from the
threads' own counts). No metrics.

Usage: python3 countdown.py SIZE {serial|threads|interpreters} WORKERS
"""
# bench: kind cpu
# bench: executors serial threads interpreters
# bench: workers 1 2 4
# bench: size 20000000 quick 2500000 smoke 100000
# bench: python2

import sys
from _workload import in_interpreters, in_threads, parse_args

EXECUTORS = ("serial", "threads", "interpreters")


def countdown(n):
    """Counts down from n; returns how many decrements it did."""
    done = 0
    while n > 0:
        n -= 1
        done += 1
    return done


def shares_of(total, workers):
    share = total // workers
    shares = [share] * workers
    shares[0] += total - share * workers
    return shares


def run_threads(total, workers):
    shares = shares_of(total, workers)
    return sum(in_threads(lambda k: countdown(shares[k]), workers))


def run_interpreters(total, workers):
    return sum(in_interpreters(countdown, [(n,) for n in shares_of(total, workers)]))


def main():
    size, executor, workers = parse_args(sys.argv, EXECUTORS)
    if executor == "serial":
        done = countdown(size) + countdown(size)
    elif executor == "interpreters":
        done = run_interpreters(2 * size, workers)
    else:
        done = run_threads(2 * size, workers)
    print("counted down: %d" % done)


if __name__ == '__main__':
    main()
