# Seed 001's count_prime, split across interpreters (each with its own GIL)
# with call_in_thread and a queue for the results.
from concurrent import interpreters


def is_prime(x):
    if x % 2 == 0:
        return x == 2
    d = 3
    while d * d <= x:
        if x % d == 0:
            return False
        d += 2
    return True


def count_range(k, w, size, results):
    count = 1 if k == 0 and size > 2 else 0
    x = 3 + 2 * k
    while x < size:
        if is_prime(x):
            count += 1
        x += 2 * w
    results.put((k, count))


if __name__ == "__main__":
    SIZE = 30000
    for workers in (1, 2, 3):
        results = interpreters.create_queue()
        interps = [interpreters.create() for _ in range(workers)]
        threads = [interp.call_in_thread(count_range, k, workers, SIZE, results)
                   for k, interp in enumerate(interps)]
        for t in threads:
            t.join(60)
        counts = sorted(results.get(timeout=60) for _ in range(workers))
        print(workers, counts, sum(c for _, c in counts))
        for interp in interps:
            interp.close()
