# math module functions and constants.
import math

print(math.pi, math.e, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.sqrt(0.25), math.isqrt(17), math.isqrt(10 ** 20))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.7), math.trunc(2.7))
print(math.floor(5), math.ceil(5), type(math.floor(2.5)).__name__, math.floor(-0.5), math.ceil(-0.5))
for x in [0, 0.5, 1, math.pi / 6, math.pi / 4, math.pi / 2, math.pi]:
    print("%.6f %.6f %.6f %.6f" % (x, math.sin(x), math.cos(x), math.tan(x) if x != math.pi / 2 else 0.0))
print(math.asin(1), math.acos(0), math.atan(1), math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0, -1))
print(math.exp(0), math.exp(1), math.exp(-1), round(math.exp(10), 6))
print(math.log(math.e), math.log(1), math.log(100, 10), math.log(8, 2), math.log2(1024), math.log10(1000), math.log10(2))
print(math.log(2), math.log2(3), round(math.log(1e100), 9))
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(4, -1), math.fabs(-3), math.fabs(2.5))
print(math.hypot(3, 4), math.hypot(5, 12), math.degrees(math.pi), math.radians(180), math.degrees(1))
print(math.isnan(math.nan), math.isnan(1.0), math.isinf(math.inf), math.isinf(-math.inf), math.isinf(1e308))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isfinite(math.nan))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-12, 18), math.gcd(2 ** 40, 6 ** 20), math.gcd(7, 13))
print(math.factorial(0), math.factorial(5), math.factorial(20), math.factorial(30))
print(math.copysign(3, -0.0), math.copysign(-2, 1), math.copysign(1.5, -7))
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), -7 % 3, math.fmod(5.5, 2))
print(math.modf(3.75), math.modf(-2.5), math.modf(4.0))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
print("%.10f" % math.pi, f"{math.e:.5f}", round(math.pi, 3), round(math.sqrt(2) * math.sqrt(2), 12))

def newton(f, df, x0):
    x = x0
    for _ in range(50):
        x = x - f(x) / df(x)
    return x

root = newton(lambda x: x * x - 2, lambda x: 2 * x, 1.0)
print(root, root == math.sqrt(2), abs(root - math.sqrt(2)) < 1e-15)

def dist(p, q):
    return math.sqrt((p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2)

pts = [(0, 0), (3, 4), (6, 8), (-1, 1)]
print([round(dist(pts[0], p), 4) for p in pts])
area = 0.0
poly = [(0, 0), (4, 0), (4, 3), (0, 3)]
for i in range(len(poly)):
    x1, y1 = poly[i]
    x2, y2 = poly[(i + 1) % len(poly)]
    area += x1 * y2 - x2 * y1
print("area", abs(area) / 2)
print([math.floor(math.log10(n)) + 1 for n in (1, 9, 10, 99, 100, 12345)])
print(math.sin(math.pi), math.cos(math.pi / 2), math.tan(math.pi / 4))
