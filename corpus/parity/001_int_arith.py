# Integer arithmetic: + - * / // % with negatives, precedence, unary ops.
print("add", 2 + 3, -2 + 3, 2 + -3, -2 + -3)
print("sub", 10 - 3, 3 - 10, -3 - -10, 0 - 0)
print("mul", 6 * 7, -6 * 7, -6 * -7, 0 * -5)
print("truediv", 7 / 2, -7 / 2, 6 / 3, 1 / 3, -1 / 3, 10 / 4)
print("truediv big", 10**20 / 10**10, 2**60 / 2**30)

# floor division and modulo follow the sign of the divisor
pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (5, 5), (-1, 10), (1, -10)]
for a, b in pairs:
    q = a // b
    r = a % b
    print("divmod-ish", a, b, q, r, q * b + r == a, divmod(a, b))

print("mod zero result", 9 % 3, -9 % 3, 9 % -3)
print("precedence", 2 + 3 * 4, (2 + 3) * 4, 2 * 3 ** 2, -2 ** 2, (-2) ** 2)
print("unary", -(-5), +(-5), -+-5, ~5, ~-1, ~0)
print("chain", 1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 != 2 != 1)
print("compare", 5 > 3, 5 >= 5, 5 < 5, 5 <= 4, -1 < 0)

x = 17
x += 5
print("iadd", x)
x -= 30
print("isub", x)
x *= -3
print("imul", x)
x //= 5
print("ifloordiv", x)
x %= 7
print("imod", x)
x **= 3
print("ipow", x)
y = 7
y /= 2
print("itruediv", y)

print("abs", abs(-17), abs(17), abs(0))
print("int()", int(3), int(-3), int("-12"), int("+7"), int("0"))
print("bool arith", True + True, True * 10, False - 1, -True)
print("mixed", 1 + 2.0, 3 * 0.5, 7 // 2.0, -7 // 2.0, 7 % 2.5, -7 % 2.5)
print("int eq float", 1 == 1.0, 2 == 2.5, 3 < 3.5, 10**20 == 1e20)

total = 0
for i in range(-10, 11):
    total += i * i - 3 * i
print("poly sum", total)

acc = 1
for i in range(1, 13):
    acc = acc * i % 1000003
print("mod product", acc)

print("divisibility", [n for n in range(1, 40) if n % 3 == 0 and n % 2 != 0])
print("neg floor", [(-n) // 4 for n in range(0, 10)])
print("neg mod", [(-n) % 4 for n in range(0, 10)])
print("mod neg divisor", [n % -4 for n in range(0, 10)])
print("digits", [1234567 // 10**k % 10 for k in range(7)])
