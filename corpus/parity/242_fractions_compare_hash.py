# fractions: comparisons with ints, floats and Fractions, hashes equal to
# those of equal ints and floats, rounding (half to even, ndigits),
# math.floor/ceil/trunc, int(), sorting, dict keys, pickle and copy,
# and divmod with a Fraction on the right.
import copy
import math
import pickle
from fractions import Fraction as F


def show(label, f):
    try:
        r = f()
        print(label, '->', type(r).__name__, repr(r))
    except Exception as e:
        print(label, '!!', type(e).__name__ + ':', e)


h, t = F(1, 2), F(1, 3)
print('==', h == F(2, 4), h == 0.5, h == 1, F(4, 2) == 2, t == 1 / 3, h != 0.5)
print('<', h < 1, h < 0.6, 0.4 < h, t < h, h <= F(1, 2), h >= 0.5, 1 > h)
print('inf/nan', h < float('inf'), h > float('-inf'), h == float('nan'), h < float('nan'), h > float('nan'))
print("== 'x'", h == 'x', h != 'x')
show("h < 'x'", lambda: h < 'x')
show('h < None', lambda: h < None)
print('sorted', sorted([F(1, 2), 0.3, 1, F(1, 4), -2, F(-7, 3), 0.75]))
print('max/min', max(F(1, 2), 0.5), min(F(1, 3), 0.3), max([F(5, 2), 2, 2.25]))

# hashes agree with ints and floats
for x in [F(1, 2), F(5), F(-1), F(-5, 4), F(1, 4), F(3, 8), F(10**30), F(-7, 16)]:
    print('hash', x, hash(x) == hash(float(x)), hash(x) == hash(int(x)) if x.denominator == 1 else '-')
print('hash(F(1, 3))', hash(F(1, 3)), hash(F(-1, 3)), hash(F(2**61 - 1)), hash(F(1, 2**61 - 1)), hash(F(-1)))
d = {0.5: 'half', 2: 'two'}
print('dict', d[F(1, 2)], d[F(4, 2)], F(1, 2) in {0.5}, len({F(1, 2), 0.5, F(2, 4)}))

# rounding
for x in [F(1, 2), F(3, 2), F(5, 2), F(-1, 2), F(-3, 2), F(7, 3), F(-7, 3), F(12345, 100)]:
    print('round', x, round(x), type(round(x)).__name__, round(x, 1), round(x, 0), round(x, -1),
          math.floor(x), math.ceil(x), math.trunc(x), int(x))
show('round(F(12345), -2)', lambda: round(F(12345), -2))
show('round(F(1, 3), 5)', lambda: round(F(1, 3), 5))
show('round(F(15, 10), 0)', lambda: round(F(15, 10), 0))
show('round(F(25, 1000), 2)', lambda: round(F(25, 1000), 2))
show('round(F(35, 1000), 2)', lambda: round(F(35, 1000), 2))

# pickle and copy
for x in [F(3, 4), F(-10**20, 7), F(0)]:
    y = pickle.loads(pickle.dumps(x))
    print('pickle', repr(y), y == x, type(y).__name__)
x = F(5, 6)
print('copy', copy.copy(x) is x, copy.deepcopy(x) is x, repr(copy.copy(x)))

# divmod and % with the Fraction on the right
show('divmod(7, F(2, 3))', lambda: divmod(7, F(2, 3)))
show('divmod(-7, F(2))', lambda: divmod(-7, F(2)))
show('divmod(2.5, F(1, 3))', lambda: divmod(2.5, F(1, 3)))
show('divmod(F(7, 2), F(1, 3))', lambda: divmod(F(7, 2), F(1, 3)))
