# Float arithmetic, rounding, conversions.
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2, divmod(7.5, 2), divmod(-7.5, 2))
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(-0.5))
print(round(2.675, 2), round(1.005, 2), round(3.14159, 3), round(-3.14159, 1), round(1234.5678, -2))
print(round(5, -1), round(15, -1), round(25, -1), round(-15, -1), round(12345, -2))
print(round(2.5, 0), round(0.125, 2), round(0.375, 2), round(7.0), round(1e20))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(7, 1)).__name__)
print(int(3.9), int(-3.9), int(0.5), int(-0.5), int(1e20), int(2.5e10), int(-1e3))
print(abs(-2.5), abs(2.5), abs(-0.0), abs(float("-inf")))
print(1.5 + 2, 3 - 0.25, 2 * 1.25, 3 / 1.5, 2 ** 0.5 * 2 ** 0.5)
print(1 / 3 + 1 / 3 + 1 / 3, 0.1 + 0.7, 4.35 * 100, 1.1 + 2.2)
print(max(1.5, 2), min(-0.5, -1), sum([0.1] * 10), sum([1, 2.5, 3]))
print(float("3.25") * 4, float("1e-3") * 1000, float("-2.5e2"))
print(3.0 == 3, 2.5 < 3, 1e308 * 10 > 1e308, -1e308 * 10)
print(hash(0), hash(1), hash(-1), hash(7), hash(2 ** 10))

def mean(xs):
    return sum(xs) / len(xs)

def variance(xs):
    m = mean(xs)
    return sum((x - m) ** 2 for x in xs) / len(xs)

data = [2, 4, 4, 4, 5, 5, 7, 9]
print("mean", mean(data), "var", variance(data), "sd", variance(data) ** 0.5)
data2 = [1.5, 2.25, 3.125, 4.0625]
print("mean2", mean(data2), "var2", variance(data2))

# Newton sqrt
def nsqrt(x):
    g = x / 2.0
    for _ in range(30):
        g = (g + x / g) / 2
    return g

print("nsqrt", nsqrt(2.0), nsqrt(144.0), nsqrt(1e10))
# compound interest
bal = 1000.0
for year in range(1, 6):
    bal *= 1.05
    print("year", year, round(bal, 2), f"{bal:.2f}")
# temperature table
for c in range(-40, 101, 35):
    f = c * 9 / 5 + 32
    print(c, "C =", f, "F", round(f))
x = 10.0
x /= 4
x -= 0.5
x *= 3
x //= 2
x **= 2
x %= 5
print("aug float", x)
print("float int mix", 10 // 3.0, 10 % 3.0, -10 // 3.0, -10 % 3.0, 2 ** -1.0)
print("is_integer-ish", 3.0 == int(3.0), 3.5 == int(3.5))
print("trunc toward zero", [int(v) for v in (2.9, -2.9, 0.1, -0.1, 1e3 + 0.5)])
