"""Fannkuch-redux: pancake flips over all permutations of 0..n-1.

For each permutation (generated in the benchmark's rotation order), count
how many prefix reversals it takes until 0 comes first. Print the signed
checksum (even-indexed permutations add their flip count, odd-indexed ones
subtract it) and the maximum flip count.
Usage: fannkuch.py [n]
"""
# bench: kind single
# bench: executors serial
# bench: size 9 quick 9 smoke 6
# (the bench runs it as NAME.py SIZE serial 1; only SIZE is read. The
# parity corpus runs it as corpus/parity/bench_fannkuch.py, a link here.)
import sys


def count_flips(perm1):
    perm = perm1[:]
    flips = 0
    k = perm[0]
    while k:
        perm[:k + 1] = perm[k::-1]
        flips += 1
        k = perm[0]
    return flips


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        if perm1[0] != 0:
            flips = count_flips(perm1)
            if flips > max_flips:
                max_flips = flips
            checksum += sign * flips
        sign = -sign
        # Advance to the next permutation: rotate the first r + 1 items
        # left by one until some counter has not run out.
        while True:
            if r == n:
                return checksum, max_flips
            first = perm1[0]
            for i in range(r):
                perm1[i] = perm1[i + 1]
            perm1[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def main(n):
    checksum, max_flips = fannkuch(n)
    print(checksum)
    print("Pfannkuchen(%d) = %d" % (n, max_flips))


if __name__ == '__main__':
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 8)
