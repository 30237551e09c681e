# A CPU-bound computation split across threads: each of 4 threads counts
# (and sums) the primes in its own range by trial division and appends its
# result to a shared list under a Lock. The results are sorted before
# printing, so the output is the same whatever the schedule.
import threading

LIMIT = 12000
NTHREADS = 4


def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


results = []
lock = threading.Lock()


def count_range(lo, hi):
    count = 0
    total = 0
    largest = None
    for n in range(lo, hi):
        if is_prime(n):
            count += 1
            total += n
            largest = n
    with lock:
        results.append((lo, hi, count, total, largest))


step = LIMIT // NTHREADS
threads = []
for i in range(NTHREADS):
    lo = i * step
    hi = LIMIT if i == NTHREADS - 1 else lo + step
    threads.append(threading.Thread(target=count_range, args=(lo, hi)))
for t in threads:
    t.start()
for t in threads:
    t.join()

results.sort()
for lo, hi, count, total, largest in results:
    print("primes in [%d, %d): count=%d sum=%d largest=%d" % (lo, hi, count, total, largest))
print("total count:", sum(r[2] for r in results))
print("total sum:", sum(r[3] for r in results))
serial = [n for n in range(LIMIT) if is_prime(n)]
print("matches serial:", len(serial) == sum(r[2] for r in results), sum(serial) == sum(r[3] for r in results))

# Interleaved work split: thread k takes every NTHREADS-th number starting
# at k, and writes only its own slot of a preallocated list (no lock needed
# for distinct slots).
slots = [None] * NTHREADS


def strided(k):
    slots[k] = sum(1 for n in range(k, LIMIT, NTHREADS) if is_prime(n))


ts = [threading.Thread(target=strided, args=(k,)) for k in range(NTHREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("strided counts:", slots, "total:", sum(slots))
