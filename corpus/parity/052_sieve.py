# Real program: sieve of Eratosthenes and prime utilities.
def sieve(n):
    is_prime = [True] * (n + 1)
    is_prime[0] = is_prime[1] = False
    p = 2
    while p * p <= n:
        if is_prime[p]:
            for m in range(p * p, n + 1, p):
                is_prime[m] = False
        p += 1
    return [i for i, flag in enumerate(is_prime) if flag]

def sieve_slices(n):
    flags = [1] * (n + 1)
    flags[0] = flags[1] = 0
    for p in range(2, int(n ** 0.5) + 1):
        if flags[p]:
            for m in range(p * p, n + 1, p):
                flags[m] = 0
    return [i for i in range(n + 1) if flags[i]]

def factorize(n):
    factors = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors.append(d)
            n //= d
        d += 1
    if n > 1:
        factors.append(n)
    return factors

primes = sieve(10000)
print(len(primes), primes[:20], primes[-5:])
print(sieve_slices(10000) == primes)
pset = set(primes)
print("twin primes under 200:", [(p, p + 2) for p in primes if p + 2 in pset and p < 200])
gaps = {}
for a, b in zip(primes, primes[1:]):
    gaps[b - a] = gaps.get(b - a, 0) + 1
print("gap histogram:", sorted(gaps.items()))
for n in [2, 12, 360, 997, 1001, 65536, 999999, 2 ** 31 - 1, 600851475143]:
    print(n, factorize(n))
goldbach = {}
for even in range(4, 60, 2):
    for p in primes:
        if even - p in pset:
            goldbach[even] = (p, even - p)
            break
print(goldbach)

def totient(n):
    result = n
    for p in set(factorize(n)):
        result = result // p * (p - 1)
    return result

print([totient(n) for n in range(1, 25)])
print("sum of primes below 2000:", sum(p for p in primes if p < 2000))
print("prime-counting:", [len([p for p in primes if p <= 10 ** k]) for k in range(1, 5)])
