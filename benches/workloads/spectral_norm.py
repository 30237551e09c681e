"""Spectral norm of the infinite matrix A[i][j] = 1/((i+j)(i+j+1)/2 + i + 1).

Ten rounds of the power method on A^T A, truncated to n x n, approximate
the largest singular value of A; it converges to 1.274224...
Usage: spectral_norm.py [n]
"""
# bench: kind single
# bench: executors serial
# bench: size 450 quick 200 smoke 40
# (the bench runs it as NAME.py SIZE serial 1; only SIZE is read. The
# parity corpus runs it as corpus/parity/bench_spectral_norm.py, a link here.)
import sys
import math


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def a_times_u(u):
    n = len(u)
    result = []
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += eval_a(i, j) * u[j]
        result.append(total)
    return result


def at_times_u(u):
    n = len(u)
    result = []
    for i in range(n):
        total = 0.0
        for j, u_j in enumerate(u):
            total += eval_a(j, i) * u_j
        result.append(total)
    return result


def ata_times_u(u):
    return at_times_u(a_times_u(u))


def spectral_norm(n):
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = ata_times_u(u)
        u = ata_times_u(v)
    vbv = 0.0
    vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    return math.sqrt(vbv / vv)


def main(n):
    print("%.9f" % spectral_norm(n))


if __name__ == '__main__':
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
