# Seed 001's count_prime, run the three ways the article runs it: one
# child Process, a multiprocessing Pool under a with-block, and a
# ProcessPoolExecutor; every answer checked against the serial one.
import math
import multiprocessing
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def count_prime(n):
    def is_prime(x):
        return not [i for i in range(2, int(math.sqrt(x)) + 1) if not x % i]
    return len([i for i in range(2, n + 1) if is_prime(i)])


def task(n):
    return n * n


def report(n):
    print(f"child counts {count_prime(n)} primes up to {n}", flush=True)


def main():
    proc = multiprocessing.Process(target=report, args=(10,))
    proc.start()
    proc.join(timeout=30)
    print("child process terminated", proc.exitcode)

    limits = [1000, 2000, 3000, 4000, 5000, 6000]
    serial = [count_prime(n) for n in limits]
    print("serial", serial)

    with multiprocessing.Pool(4) as p:
        print(p.map(task, [i for i in range(10)]))
        print("pool", p.map(count_prime, limits), p.map(count_prime, limits) == serial)

    with ProcessPoolExecutor(max_workers=2) as ex:
        got = list(ex.map(count_prime, limits, timeout=60))
        print("processes", got, got == serial)

    with ThreadPoolExecutor(max_workers=2) as ex:
        got = list(ex.map(count_prime, limits, timeout=60))
        print("threads", got, got == serial)


if __name__ == '__main__':
    main()
