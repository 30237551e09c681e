# functools: reduce, partial, cmp_to_key, total_ordering, lru_cache and
# cache (results, statistics, eviction order, errors).
import functools
from functools import (reduce, partial, cmp_to_key, total_ordering,
                       lru_cache, cache)
import operator


def show(label, f):
    try:
        print(label, '->', f())
    except Exception as e:
        print(label, '!!', type(e).__name__ + ':', e)


# --- reduce
print(reduce(operator.add, [1, 2, 3, 4, 5]), reduce(operator.mul, range(1, 7)))
print(reduce(lambda acc, x: acc + [x * 2], [1, 2, 3], []))
print(reduce(operator.add, [], 'init'), reduce(operator.add, ['only']))
print(reduce(lambda a, b: a + b, 'abc', '>'), reduce(max, iter([3, 9, 2])))
calls = []


def trace(a, b):
    calls.append((a, b))
    return a - b


print(reduce(trace, [10, 1, 2, 3]), calls)
show('reduce empty', lambda: reduce(operator.add, []))
show('reduce no args', lambda: reduce())
show('reduce one arg', lambda: reduce(operator.add))
show('reduce 4 args', lambda: reduce(operator.add, [1], 0, 1))
show('reduce kw', lambda: reduce(operator.add, [1], initial=0))
show('reduce not iterable', lambda: reduce(operator.add, 5))
show('reduce raises', lambda: reduce(operator.truediv, [1, 0]))

# --- partial


def f(a, b=2, *, c=3, **kw):
    return (a, b, c, kw)


p = partial(f, 1, c=5)
print(p(), p(7), p(b=8, c=9), p(x=1))
print(p.func is f, p.args, p.keywords, type(p).__name__, type(p).__module__)
p2 = partial(p, 2, d=4)
print(p2.func is f, p2.args, p2.keywords, p2())
p3 = partial(p, c=10)
print(p3.keywords, p3())
print(partial(f)(0), partial(f, 1, 2, c=3 and 4)(), partial(int, base=2)('1010'))
print(partial(max, key=len)(['aa', 'b', 'ccc']), partial(sorted, reverse=True)([2, 3, 1]))
print(partial(partial(partial(f, 1), 2), c=3).args, list(map(partial(operator.mul, 3), [1, 2])))
show('partial()', lambda: partial())
show('partial(1)', lambda: partial(1))
show('partial(func=f)', lambda: partial(func=f))
show('partial call error', lambda: partial(f)())
print(repr(partial(len)), repr(partial(max, 1, 2, key=abs)))


class Named:
    def __repr__(self):
        return 'Named()'

    def __call__(self, *args, **kw):
        return ('called', args, kw)


print(repr(partial(Named(), 'x', [1, 2], k='v')), partial(Named(), 1)(2, z=3))
pa = partial(f, 1)
pa.note = 'attr'
pb = partial(pa, 2)
print(pb.func is pa, pb.args, pa.note, pa.__dict__)
print(repr(partial(Named(), 1)) == repr(partial(partial(Named()), 1)))


class MyPartial(partial):
    pass


mp = MyPartial(Named(), 1)
print(repr(mp), type(mp).__name__, isinstance(mp, partial), mp(2))
r = partial(Named(), 1, k=2).__reduce__()
print(r[0].__name__, r[1], r[2][1:], type(r[2][0]).__name__)
q = partial(len)
q.__setstate__((Named(), (5,), {'z': 1}, None))
print(repr(q), q())
show('setstate bad', lambda: q.__setstate__((1, 2)))
show('setstate not tuple', lambda: q.__setstate__([1, 2, 3, 4]))
show('setstate invalid', lambda: q.__setstate__((1, (), None, None)))

# --- cmp_to_key


def numeric_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)


words = ['pear', 'fig', 'apple', 'kiwi', 'date', 'banana']
print(sorted(words, key=cmp_to_key(numeric_then_alpha)))
print(sorted(words, key=cmp_to_key(numeric_then_alpha), reverse=True))
print(min(words, key=cmp_to_key(numeric_then_alpha)), max([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
K = cmp_to_key(lambda a, b: a - b)
k1, k2 = K(1), K(2)
print(k1 < k2, k1 > k2, k1 == k2, k1 != k2, k1 <= k1, k2 >= k1, k1.obj, k2.obj)
print(type(K).__name__, type(k1).__name__, type(K).__module__)
show('key vs int', lambda: k1 < 2)
show('key hash', lambda: hash(k1) and None)
show('K()', lambda: K())
show('cmp_to_key()', lambda: cmp_to_key())

# --- total_ordering


@total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts

    def __repr__(self):
        return 'v' + '.'.join(map(str, self.parts))


a, b, c = Version(1, 2), Version(1, 10), Version(1, 2)
print(a < b, a > b, a <= c, a >= c, b >= a, b <= a, a == c, a != b)
print(sorted([Version(2), Version(1, 5), Version(1)]), max(Version(0, 1), Version(0, 0, 9)))
show('ordering vs int', lambda: a <= 3)
show('ordering vs int gt', lambda: a > 3)


@total_ordering
class Desc:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v

    def __gt__(self, other):
        return self.v > other.v


x, y = Desc(1), Desc(2)
print(x < y, x <= y, x >= y, y >= y, y < x)


@total_ordering
class LeOnly:
    def __init__(self, v):
        self.v = v

    def __le__(self, other):
        return self.v <= other.v


@total_ordering
class GeOnly:
    def __init__(self, v):
        self.v = v

    def __ge__(self, other):
        return self.v >= other.v


for cls in (LeOnly, GeOnly):
    s, t = cls(1), cls(2)
    print(cls.__name__, s < t, s > t, s <= t, s >= t, t < s, s < s, s > s)


@total_ordering
class Both:
    def __init__(self, v):
        self.v = v

    def __gt__(self, other):
        return self.v > other.v

    def __le__(self, other):
        return self.v <= other.v


print(Both(1) < Both(2), Both(3) >= Both(2))


class NoOrder:
    def __eq__(self, other):
        return True


show('total_ordering none', lambda: total_ordering(NoOrder))

# --- lru_cache
calls = []


@lru_cache(maxsize=3)
def square(n):
    calls.append(n)
    return n * n


for n in [1, 2, 3, 1, 4, 2, 5, 1, 3]:
    square(n)
print(calls, square.cache_info())
print(square.cache_parameters(), square.__wrapped__(9))
square.cache_clear()
print(square.cache_info(), square(2), square.cache_info())
info = square.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, tuple(info), info[1], len(info))
print(info == (0, 1, 3, 1), info._fields, type(info).__name__)


@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info(), fib.cache_parameters())


@lru_cache(maxsize=None)
def unbounded(x):
    return [x]


print(unbounded(1) is unbounded(1), unbounded.cache_info())

calls = []


@lru_cache(maxsize=0)
def nocache(x):
    calls.append(x)
    return x


nocache(1)
nocache(1)
print(calls, nocache.cache_info())

calls = []


@lru_cache(typed=True)
def typed(x):
    calls.append(x)
    return repr(x)


print(typed(1), typed(1.0), typed(True), typed(1), calls, typed.cache_info())
calls = []


@lru_cache()
def untyped(x, y=0, **kw):
    calls.append((x, y, kw))
    return x


untyped(1)
untyped(1.0)
untyped(1, 0)
untyped(1, y=0)
untyped(x=1)
untyped(1, z=2)
untyped(1, z=2)
print(calls, untyped.cache_info())
show('unhashable arg', lambda: untyped([1]))
print(untyped.cache_info())


@lru_cache(maxsize=-7)
def negative(x):
    return x


print(negative(1), negative(1), negative.cache_info())
show('lru_cache str', lambda: lru_cache('x'))
show('lru_cache float', lambda: lru_cache(maxsize=1.5))


# eviction keeps the most recently used entries
@lru_cache(maxsize=2)
def ident(x):
    calls.append(x)
    return x


calls = []
for x in 'abacbab':
    ident(x)
print(calls, ident.cache_info())

# a call that raises is not cached
attempts = []


@lru_cache(maxsize=4)
def flaky(x):
    attempts.append(x)
    if len(attempts) == 1:
        raise ValueError('first call fails')
    return x


show('flaky first', lambda: flaky(1))
print(flaky(1), flaky(1), attempts, flaky.cache_info())

# cache


@cache
def slow_double(x):
    calls.append(x)
    return 2 * x


calls = []
print([slow_double(i % 3) for i in range(7)], calls, slow_double.cache_info())
print(slow_double.cache_parameters(), slow_double.__wrapped__(10))
