"""Count the primes below a limit by trial division.

is_prime tries every divisor i with i * i <= n; count_primes calls it for
each number below the limit. Also prints the largest prime found and the
sum of all of them, as a checksum.
Usage: primes.py [limit]
"""
# bench: kind single
# bench: executors serial
# bench: size 1000000 quick 200000 smoke 20000
# (the bench runs it as NAME.py SIZE serial 1; only SIZE is read. The
# parity corpus runs it as corpus/parity/bench_primes.py, a link here.)
import sys


def is_prime(n):
    if n < 2:
        return False
    if n < 4:
        return True
    if n % 2 == 0:
        return False
    i = 3
    while i * i <= n:
        if n % i == 0:
            return False
        i += 2
    return True


def count_primes(limit):
    count = 0
    largest = 0
    total = 0
    for n in range(limit):
        if is_prime(n):
            count += 1
            largest = n
            total += n
    return count, largest, total


def main(limit):
    count, largest, total = count_primes(limit)
    print("primes below %d: %d" % (limit, count))
    print("largest: %d" % largest)
    print("sum: %d" % total)


if __name__ == '__main__':
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100000)
