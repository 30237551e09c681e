# fractions: constructing Fractions from ints, floats, strings and pairs;
# normalisation, str/repr, properties, from_float, limit_denominator and
# the constructor's error messages.
from fractions import Fraction


def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '!!', type(e).__name__ + ':', e)


# ints and pairs: lowest terms, positive denominator
show('Fraction()', lambda: Fraction())
show('Fraction(7)', lambda: Fraction(7))
show('Fraction(-7)', lambda: Fraction(-7))
show('Fraction(6, 4)', lambda: Fraction(6, 4))
show('Fraction(6, -4)', lambda: Fraction(6, -4))
show('Fraction(-6, -4)', lambda: Fraction(-6, -4))
show('Fraction(0, -5)', lambda: Fraction(0, -5))
show('Fraction(True)', lambda: Fraction(True))
show('Fraction(True, 2)', lambda: Fraction(True, 2))
show('Fraction(10**30, 4 * 10**20)', lambda: Fraction(10**30, 4 * 10**20))
show('Fraction(Fraction(1, 2), Fraction(3, 4))', lambda: Fraction(Fraction(1, 2), Fraction(3, 4)))
show('Fraction(Fraction(3, 4))', lambda: Fraction(Fraction(3, 4)))
show('Fraction(Fraction(3), 2)', lambda: Fraction(Fraction(3), 2))

# floats are exact
for x in [0.5, 0.1, -2.75, 1e-10, 3.0, 1e20, -0.0, 5e-324]:
    show('Fraction(%r)' % x, lambda: Fraction(x))
show('Fraction(nan)', lambda: Fraction(float('nan')))
show('Fraction(inf)', lambda: Fraction(float('inf')))
show('Fraction(-inf)', lambda: Fraction(float('-inf')))

# strings
for s in ['3/4', ' -1.5e3 ', '1.', '.5', '-.5e-2', '1_000/3', '1.2_3', '1.2e1_0',
          '+7', '1E-2', '12e+3', '-0', '\t5\n', '1.e5', '007/010', '3.14159',
          '1/0x', '1__0', '1.5/2', '1/-2', '1e', '_1', '1_', '3 /4', 'nan',
          'inf', '', '  ', '0x10', '3/0', '1/2/3', '.', '-', '1.5.2', 'x',
          '1.d']:
    show('Fraction(%r)' % s, lambda: Fraction(s))

# errors
show('Fraction(1, 0)', lambda: Fraction(1, 0))
show('Fraction(-3, 0)', lambda: Fraction(-3, 0))
show('Fraction(1.5, 2)', lambda: Fraction(1.5, 2))
show("Fraction('1', 2)", lambda: Fraction('1', 2))
show('Fraction(None)', lambda: Fraction(None))
show('Fraction([1])', lambda: Fraction([1]))

# str, repr, properties, as_integer_ratio
for f in [Fraction(3, 4), Fraction(-3, 4), Fraction(5), Fraction(0), Fraction(10**20, 3)]:
    print('str', str(f), 'repr', repr(f), 'num', f.numerator, 'den', f.denominator,
          'ratio', f.as_integer_ratio(), 'format', format(f), 'bool', bool(f))
show("format(Fraction(1, 2), '.3f')", lambda: format(Fraction(1, 2), '.3f'))
show('numerator is read-only', lambda: setattr(Fraction(1, 2), 'numerator', 5))

# from_float, from_decimal
show('from_float(0.1)', lambda: Fraction.from_float(0.1))
show('from_float(3)', lambda: Fraction.from_float(3))
show('from_float(-1.25)', lambda: Fraction.from_float(-1.25))
show("from_float('x')", lambda: Fraction.from_float('x'))
show('from_float(nan)', lambda: Fraction.from_float(float('nan')))
show('from_decimal(5)', lambda: Fraction.from_decimal(5))
show('from_decimal(1.5)', lambda: Fraction.from_decimal(1.5))

# limit_denominator
pi = Fraction(3.141592653589793)
for m in [1, 2, 7, 10, 100, 1000, 10**6, 10**20]:
    show('pi.limit_denominator(%d)' % m, lambda: pi.limit_denominator(m))
show('Fraction(0.1).limit_denominator()', lambda: Fraction(0.1).limit_denominator())
show('Fraction(1, 3).limit_denominator(3)', lambda: Fraction(1, 3).limit_denominator(3))
show('Fraction(-7, 9).limit_denominator(4)', lambda: Fraction(-7, 9).limit_denominator(4))
show('Fraction(4321, 8765).limit_denominator(10000)', lambda: Fraction(4321, 8765).limit_denominator(10000))
show('Fraction(1, 2).limit_denominator(0)', lambda: Fraction(1, 2).limit_denominator(0))
show('Fraction(2**0.5).limit_denominator(10**3)', lambda: Fraction(2 ** 0.5).limit_denominator(10**3))


# subclasses keep their type through the constructors
class MyFraction(Fraction):
    pass


m = MyFraction(2, 4)
print(type(m).__name__, m, repr(m), type(MyFraction.from_float(0.5)).__name__)
print(type(+m).__name__, type(m + 1).__name__, isinstance(m, Fraction))
