"""Count the primes below SIZE by trial division, split across WORKERS.

Reproduces seed 001's ``count_prime``: the odd candidates are dealt out
round-robin, share k of W (k = 0 .. W-1) being the odd numbers
``range(3 + 2 * k, SIZE, 2 * W)``, and share 0 also counts 2 (when
2 < SIZE). Each share counts its primes by trial division by the odd
numbers up to the square root, and the total is the sum of the share
counts. Dealing out odd numbers (not all numbers) keeps the shares equal:
with all numbers, 2 workers would split into the evens (no work) and the
odds (all of it). The exact definition is fixed because the Rust ceiling
(``benches/src/bin/ftl-ceiling.rs``) replicates it.

Executors: ``serial`` (one share, no thread), ``threads`` (one
threading.Thread per share, each writing its count into a list slot),
``processes`` (multiprocessing.Pool(W).map over one (k, W, SIZE) tuple
per share), ``interpreters`` (one PEP 734 interpreter per share, each
with its own GIL, on a thread of its own; CPython 3.14+ and ftl's GIL
runtimes).

Answer: ``primes below SIZE: COUNT``.  No metrics.

Usage: python3 count_primes.py SIZE EXECUTOR WORKERS
"""
# bench: kind cpu
# bench: executors serial threads processes interpreters
# bench: workers 1 2 4
# bench: size 2000000 quick 500000 smoke 20000
# bench: python2

import sys
from _workload import in_interpreters, in_threads, parse_args

EXECUTORS = ("serial", "threads", "processes", "interpreters")


def is_prime(x):
    # x >= 2 always.
    if x % 2 == 0:
        return x == 2
    d = 3
    while d * d <= x:
        if x % d == 0:
            return False
        d += 2
    return True


def count_range(k, w, size):
    count = 0
    if k == 0 and size > 2:
        count = 1  # the even prime
    x = 3 + 2 * k
    step = 2 * w
    while x < size:
        if is_prime(x):
            count += 1
        x += step
    return count


def count_share(job):
    """Pool worker: job is a (k, W, SIZE) tuple."""
    k, w, size = job
    return count_range(k, w, size)


def run_serial(size):
    return count_range(0, 1, size)


def run_threads(size, workers):
    return sum(in_threads(lambda k: count_range(k, workers, size), workers))


def run_processes(size, workers):
    import multiprocessing
    pool = multiprocessing.Pool(workers)
    try:
        counts = pool.map(count_share, [(k, workers, size) for k in range(workers)])
    finally:
        pool.close()
        pool.join()
    return sum(counts)


def run_interpreters(size, workers):
    return sum(in_interpreters(count_range, [(k, workers, size) for k in range(workers)]))


def main():
    size, executor, workers = parse_args(sys.argv, EXECUTORS)
    if executor == "serial":
        total = run_serial(size)
    elif executor == "threads":
        total = run_threads(size, workers)
    elif executor == "interpreters":
        total = run_interpreters(size, workers)
    else:
        total = run_processes(size, workers)
    print("primes below %d: %d" % (size, total))


if __name__ == '__main__':
    main()
