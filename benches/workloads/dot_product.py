"""Dot product of two vectors with per-worker partial sums and a mutex.

Reproduces seed 000's ``dotprod_mutex.c``: vectors a and b of length
SIZE, a[i] = float(i % 7) and b[i] = float(i % 5) (small integers, so
every partial sum is exact and the total does not depend on the order of
addition); worker k sums a[i] * b[i] over its contiguous slice
[k * SIZE // W, (k + 1) * SIZE // W) into a local partial, then adds the
partial to the global total while holding a threading.Lock.  ``serial``
does the same with one slice and no thread or lock.

Answer: ``dot = D`` (D with one decimal).  No metrics.

Usage: python3 dot_product.py SIZE EXECUTOR WORKERS
"""
# bench: kind cpu
# bench: executors serial threads
# bench: workers 1 2 4
# bench: size 12000000 quick 1200000 smoke 50000
# bench: python2

import sys
from _workload import in_threads, parse_args

EXECUTORS = ("serial", "threads")

total = 0.0


def make_vectors(size):
    # The values repeat, so share the float objects: the lists then cost
    # one pointer per element.
    sevens = [float(j) for j in range(7)]
    fives = [float(j) for j in range(5)]
    # a[i] == sevens[i % 7] and b[i] == fives[i % 5].
    a = (sevens * (size // 7 + 1))[:size]
    b = (fives * (size // 5 + 1))[:size]
    return a, b


def partial_sum(a, b, lo, hi):
    s = 0.0
    i = lo
    while i < hi:
        s += a[i] * b[i]
        i += 1
    return s


def run_serial(a, b, size):
    global total
    total = 0.0
    total += partial_sum(a, b, 0, size)
    return total


def run_threads(a, b, size, workers):
    import threading
    global total
    total = 0.0
    lock = threading.Lock()

    def body(k):
        global total
        s = partial_sum(a, b, k * size // workers, (k + 1) * size // workers)
        lock.acquire()
        try:
            total += s
        finally:
            lock.release()

    in_threads(body, workers)
    return total


def main():
    size, executor, workers = parse_args(sys.argv, EXECUTORS)
    a, b = make_vectors(size)
    if executor == "serial":
        dot = run_serial(a, b, size)
    else:
        dot = run_threads(a, b, size, workers)
    print("dot = %.1f" % dot)


if __name__ == '__main__':
    main()
