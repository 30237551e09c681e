# fractions: arithmetic between Fractions, ints and floats on either side:
# + - * / // % ** divmod, unary operators, exact and float results, and
# the errors of division by zero.
from fractions import Fraction as F


def show(label, f):
    try:
        r = f()
        print(label, '->', type(r).__name__, repr(r))
    except Exception as e:
        print(label, '!!', type(e).__name__ + ':', e)


a, b = F(7, 3), F(-5, 4)
show('a + b', lambda: a + b)
show('a - b', lambda: a - b)
show('a * b', lambda: a * b)
show('a / b', lambda: a / b)
show('a // b', lambda: a // b)
show('a % b', lambda: a % b)
show('divmod(a, b)', lambda: divmod(a, b))
show('b // a', lambda: b // a)
show('b % a', lambda: b % a)
show('divmod(b, a)', lambda: divmod(b, a))

# with ints on either side
show('a + 2', lambda: a + 2)
show('2 + a', lambda: 2 + a)
show('a - 2', lambda: a - 2)
show('2 - a', lambda: 2 - a)
show('a * 3', lambda: a * 3)
show('3 * a', lambda: 3 * a)
show('a / 7', lambda: a / 7)
show('7 / a', lambda: 7 / a)
show('a // 1', lambda: a // 1)
show('7 // a', lambda: 7 // a)
show('a % 1', lambda: a % 1)
show('7 % a', lambda: 7 % a)
show('divmod(a, 2)', lambda: divmod(a, 2))
show('True + a', lambda: True + a)

# with floats: the result is a float
show('a + 0.5', lambda: a + 0.5)
show('0.5 + a', lambda: 0.5 + a)
show('a - 0.25', lambda: a - 0.25)
show('2.5 - a', lambda: 2.5 - a)
show('a * 1.5', lambda: a * 1.5)
show('1.5 * a', lambda: 1.5 * a)
show('a / 0.5', lambda: a / 0.5)
show('1.5 / a', lambda: 1.5 / a)
show('a // 0.5', lambda: a // 0.5)
show('2.5 // a', lambda: 2.5 // a)
show('a % 0.75', lambda: a % 0.75)
show('2.5 % a', lambda: 2.5 % a)
show('divmod(a, 1.5)', lambda: divmod(a, 1.5))

# powers
show('a ** 2', lambda: a ** 2)
show('a ** -2', lambda: a ** -2)
show('b ** 3', lambda: b ** 3)
show('b ** -3', lambda: b ** -3)
show('a ** 0', lambda: a ** 0)
show('F(-3) ** 0', lambda: F(-3) ** 0)
show('a ** F(2)', lambda: a ** F(2))
show('F(4) ** F(1, 2)', lambda: F(4) ** F(1, 2))
show('a ** 0.5', lambda: a ** 0.5)
show('2 ** F(3)', lambda: 2 ** F(3))
show('2 ** F(-1)', lambda: 2 ** F(-1))
show('2 ** F(1, 2)', lambda: 2 ** F(1, 2))
show('2.0 ** F(1, 2)', lambda: 2.0 ** F(1, 2))
show('F(1, 2) ** F(-2)', lambda: F(1, 2) ** F(-2))
show('F(0) ** -1', lambda: F(0) ** -1)
show('F(0) ** -2', lambda: F(0) ** -2)
show('F(0) ** 0', lambda: F(0) ** 0)
show('F(2, 3) ** 100', lambda: F(2, 3) ** 100)

# unary
show('-a', lambda: -a)
show('+b', lambda: +b)
show('abs(b)', lambda: abs(b))
show('abs(a)', lambda: abs(a))

# division by zero
show('a / 0', lambda: a / 0)
show('a / F(0)', lambda: a / F(0))
show('1 / F(0)', lambda: 1 / F(0))
show('a // 0', lambda: a // 0)
show('a % 0', lambda: a % 0)
show('divmod(a, 0)', lambda: divmod(a, 0))
show('a / 0.0', lambda: a / 0.0)

# unsupported operands
show("a + 'x'", lambda: a + 'x')
show('a * None', lambda: a * None)

# exactness
third = F(1, 3)
total = F(0)
for i in range(30):
    total += third
print('30 thirds', total, total == 10)
x = F(0)
for i in range(1, 11):
    x += F(1, i * (i + 1))
print('telescoping', x)
h = F(0)
for k in range(1, 21):
    h += F(1, k)
print('H20', h, float(h))
print('float(F(1, 3))', float(F(1, 3)), float(F(10**400, 3 * 10**399)), float(F(-1, 10**400)))
print('mixed sum', sum([F(1, 2), F(1, 3), F(1, 6)]), sum([F(1, 2), 1, 0.25]))
