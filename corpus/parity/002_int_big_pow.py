# Big integers and exponentiation.
print(2 ** 10, 2 ** 64, 2 ** 100)
print(-2 ** 63, (-2) ** 63, (-3) ** 41)
print(10 ** 30 + 1, 10 ** 30 - 1)
big = 123456789012345678901234567890
print(big * big)
print(big // 97, big % 97, -big // 97, -big % 97)
print(big // -12345, big % -12345)
print(divmod(big, 10 ** 15))
print(big + -big, big - big * 2)
print(2 ** -1, 2 ** -3, 10 ** -2, (-2) ** -2)
print(pow(2, 10), pow(2, -2), pow(-2, 3))
print(pow(3, 200, 1000007), pow(7, 0, 13), pow(-3, 5, 7), pow(3, 5, -7))
print(pow(2, 1000, 10 ** 9 + 7))

f = 1
for i in range(1, 31):
    f *= i
print("30!", f)
print("30! digits", len(str(f)), "digit sum", sum(int(c) for c in str(f)))

fib = [0, 1]
while len(fib) < 120:
    fib.append(fib[-1] + fib[-2])
print("fib 119", fib[119])
print("fib ratio", fib[119] // fib[118])

m = 2 ** 127 - 1
print("mersenne", m, m % 1000, len(bin(m)) - 2)
print("compare big", 2 ** 100 > 2 ** 99, -(2 ** 100) < -(2 ** 99), 2 ** 64 == 18446744073709551616)
print("big neg", -(10 ** 25) // 7, -(10 ** 25) % 7)
print("big bits", (2 ** 70) >> 3, (2 ** 70) << 5, (2 ** 70 - 1) & 0xFFFF, (2 ** 70) | 1)
print("big xor", (2 ** 80 - 1) ^ (2 ** 40), ~(2 ** 70))
print("neg big and", -(2 ** 70) & 0xFF, -(2 ** 70) | 0xFF, -(2 ** 65) >> 60)
print("big to float", float(2 ** 60), float(10 ** 22), 2 ** 53 + 1 == float(2 ** 53 + 1))
print("big str", str(7 ** 77))
print("big hex", hex(2 ** 100), hex(-(2 ** 70)))
print("big truediv", (10 ** 40) / (10 ** 38), 7 ** 30 / 7 ** 28)
print("big int()", int("9" * 40) + 1)
print("big abs", abs(-(3 ** 50)))

# powers of ten round-trip
for k in (18, 19, 20, 38, 39):
    n = 10 ** k
    print(k, n, n - 1, -n, n // 3, n % 7)

# Collatz with big start
n = 2 ** 50 + 7
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)

def isqrt_newton(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x

print("isqrt", isqrt_newton(10 ** 40), isqrt_newton(2 * 10 ** 30))
print("gcd-ish", [a % b for a, b in [(10 ** 20, 7), (3 ** 40, 2 ** 20), (-(5 ** 30), 11)]])
