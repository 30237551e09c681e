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
# bench: size 6000000 quick 1200000 smoke 20000
# bench: python2

import sys

USAGE = "usage: refcount_contention.py SIZE {serial|threads} WORKERS\n"
EXECUTORS = ("serial", "threads")


def usage_error(message):
    sys.stderr.write("refcount_contention.py: %s\n" % message)
    sys.stderr.write(USAGE)
    sys.exit(2)


def parse_args(argv):
    if len(argv) != 4:
        usage_error("expected 3 arguments, got %d" % (len(argv) - 1))
    try:
        size = int(argv[1])
        workers = int(argv[3])
    except ValueError:
        usage_error("SIZE and WORKERS must be integers")
    executor = argv[2]
    if executor not in EXECUTORS:
        usage_error("unknown or unsupported executor %r" % executor)
    if workers < 1:
        usage_error("WORKERS must be at least 1")
    if executor == "serial" and workers != 1:
        usage_error("the serial executor takes WORKERS = 1")
    return size, executor, workers


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
    import threading
    sums = [0] * workers

    def body(k):
        sums[k] = read_range(shared, k * size // workers, (k + 1) * size // workers)

    threads = [threading.Thread(target=body, args=(k,)) for k in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(sums)


def main():
    size, executor, workers = parse_args(sys.argv)
    shared = build_shared()
    if executor == "serial":
        checksum = read_range(shared, 0, size)
    else:
        checksum = run_threads(shared, size, workers)
    print("checksum: %d" % checksum)


if __name__ == '__main__':
    main()
