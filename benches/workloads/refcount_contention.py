"""Many threads reading the same few objects: reference-count traffic.

Every read of a shared object bumps and drops its reference count; with
free threading those counts live on cache lines that all readers write,
so a read-only workload on shared objects can still contend.  A shared
list of 64 small objects is built once: strings (m % 3 == 0), tuples of
strings (m % 3 == 1) and lists of tuples (m % 3 == 2), each of 1 to 8
elements.  SIZE reads in total are split into contiguous index ranges
over the WORKERS (worker k takes [k * SIZE // W, (k + 1) * SIZE // W));
read i takes ``item = shared[i % 64]``, ``j = i % len(item)`` and adds
``len(item) + len(item[j])`` to a local checksum.  The per-read value
depends only on i, so the total is the same for any split.  ``serial``
does the whole range in the main thread.

Answer: ``checksum: N`` (the sum of the per-worker checksums).  No metrics.

Usage: python3 refcount_contention.py SIZE EXECUTOR WORKERS
"""
# bench: kind cpu
# bench: executors serial threads
# bench: workers 1 2 4
# bench: size 6000000 quick 800000 smoke 20000
# bench: python2

import sys
from _workload import in_threads, parse_args

EXECUTORS = ("serial", "threads")


def build_shared():
    """64 small sequences whose elements are themselves sized."""
    shared = []
    for m in range(64):
        n = m % 8 + 1
        if m % 3 == 0:
            item = "abcdefgh"[:n]
        elif m % 3 == 1:
            item = tuple(["s" * (e % 4 + 1) for e in range(n)])
        else:
            item = [tuple(range(e % 5 + 1)) for e in range(n)]
        shared.append(item)
    return shared


def read_range(shared, lo, hi):
    checksum = 0
    i = lo
    while i < hi:
        item = shared[i % 64]
        j = i % len(item)
        checksum += len(item) + len(item[j])
        i += 1
    return checksum


def run_threads(shared, size, workers):
    def body(k):
        return read_range(shared, k * size // workers, (k + 1) * size // workers)

    return sum(in_threads(body, workers))


def main():
    size, executor, workers = parse_args(sys.argv, EXECUTORS)
    shared = build_shared()
    if executor == "serial":
        checksum = read_range(shared, 0, size)
    else:
        checksum = run_threads(shared, size, workers)
    print("checksum: %d" % checksum)


if __name__ == '__main__':
    main()
