# Float repr: shortest round-trip digits and exponent switching.
vals = [0.1 + 0.2, 0.1, 0.5, 1.0, -1.0, 100.0, 1e16, 1e15, 123456789012345678.0,
        1.5e-07, 1e-5, 0.0001, 0.001, 1e-4, 1e22, 1e23, 2.5e-300, 1.7976931348623157e308,
        5e-324, 3.141592653589793, 2.0 / 3.0, 1 / 7, 0.3, 1.1 * 3, 9007199254740993.0,
        12345.678, 1e100, -1e-100, 4.35, 0.07, 100.5, 1234567890123456.7]
for v in vals:
    print(v, repr(v), str(v))
print([0.1, 0.25, 1e16, 1e-7])
print((1.0,), {"a": 2.5})
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, repr(inf), repr(nan), [inf, nan])
print(float("-inf"), float("Infinity"), float("  nan "), float("1e3"), float(" 2.5 "), float("-0"))
print(-0.0, 0.0, repr(-0.0), -0.0 == 0.0, str(-0.0))
print(inf > 1e308, -inf < -1e308, inf == inf, nan == nan, nan != nan, inf - inf)
print(inf * 0 != inf * 0, inf + 1, -inf * 2, 1 / inf, -1 / inf)
print(float(10), float(-3), float(True), float("12"), float(2 ** 70))
print(1e16 + 1, 1e16 + 2, 2 ** 53 + 1.0, 0.1 * 3, 0.7 + 0.1, 1 - 0.9)
print(1.0e0, 1.e1, .5, 5., 1_000.5, 1e-1, 1E+2)
print(3.0 * 1e300 * 1e10, -3.0 * 1e300 * 1e10)
print(2.0 ** 0.5, 10.0 ** -3, (-8.0) ** 3, 2.0 ** 100, 4 ** 0.5, 0.0 ** 0)
print(1e300 * 1e300 == inf, 1e-320, 1e-320 / 10)
s = 0.0
for i in range(10):
    s += 0.1
print("sum tenth", s, s == 1.0)
print("small", 0.000001, 0.0000001, 0.00001234, 1234567.0, 12345678901234567890.0)
print("big ints as float", 1e15 + 0.3, 1e17, 1.5e16, 99999999999999999.0)
print("halves", [n / 2 for n in range(-3, 4)])
print("thirds", [n / 3 for n in range(1, 7)])
print("powers of ten", [10.0 ** k for k in range(-6, 0)], [10.0 ** k for k in range(14, 18)])
print("powers of two", [2.0 ** k for k in (-10, -1, 52, 53, 64)])
print("negatives", -0.1, -1e-7, -1e16, -123.456, -5e-324)
print("float from int division", 7 / 7, 1 / 8, 22 / 7, -22 / 7, 10 ** 16 / 3)
print("str of floats in tuple", (0.1, -0.0, 1e300 * 10), [float("-inf"), 2.0])
for k in range(1, 8):
    x = 1.0 / (1 << k)
    print(k, x, x * 3, 1 - x)
print("near one", 1 - 1e-16, 1 + 2.220446049250313e-16, 0.9999999999999999)
print("rounding repr", 2.675, 1.005, 0.15 + 0.15, 3 * 1.1, 0.1 * 0.1)
