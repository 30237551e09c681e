# functools descriptors and annotations: cached_property (__set_name__,
# caching in __dict__, its errors), partialmethod, singledispatchmethod,
# lru_cache on methods, singledispatch registration by annotation.
from functools import (cached_property, partialmethod, singledispatchmethod,
                       singledispatch, lru_cache, partial)


def show(label, f):
    try:
        print(label, '->', f())
    except Exception as e:
        print(label, '!!', type(e).__name__ + ':', e)


# --- cached_property
class Circle:
    computed = 0

    def __init__(self, r):
        self.r = r

    @cached_property
    def area(self):
        "The area, computed once."
        Circle.computed += 1
        return 3 * self.r * self.r


c = Circle(2)
print('area' in c.__dict__, c.area, c.area, Circle.computed, c.__dict__)
c.area = 99
print(c.area, Circle.computed)
del c.area
print(c.area, Circle.computed)
print(type(Circle.area).__name__, Circle.area.attrname, Circle.area.__doc__, Circle.area.func.__name__)
d = Circle(1)
print(d.area, Circle.computed)


class Slotted:
    __slots__ = ('x',)

    @cached_property
    def value(self):
        return 1


show('no __dict__', lambda: Slotted().value)


def shared(self):
    return 1


cp = cached_property(shared)
show('unnamed', lambda: cp.__get__(Circle(1), Circle))


def two_names():
    class Twice:
        a = cp
        b = cp


show('two names', two_names)


class Same:
    x = cached_property(shared)


Same.x.__set_name__(Same, 'x')
print(Same().x)

# --- partialmethod


class Cell:
    def __init__(self):
        self.state = None

    def set_state(self, value, note=''):
        self.state = (value, note)
        return self

    set_alive = partialmethod(set_state, True)
    set_dead = partialmethod(set_state, False, note='rip')

    @classmethod
    def make(cls, a, b):
        return (cls.__name__, a, b)

    make_one = partialmethod(make, 1)

    @staticmethod
    def static(a, b):
        return (a, b)

    static_x = partialmethod(static, 'x')


cell = Cell()
print(cell.set_alive().state, cell.set_dead().state, cell.set_alive(note='hi').state)
print(Cell.make_one(2), cell.make_one(3), Cell.static_x('y'), cell.static_x('z'))
pm = Cell.__dict__['set_dead']
print(pm.func.__name__, pm.args, pm.keywords)
nested = partialmethod(pm, note='override')
print(nested.func.__name__, nested.args, nested.keywords)
print(Cell.set_alive(Cell()).state)
show('partialmethod(1)', lambda: partialmethod(1))


# --- singledispatchmethod
class Formatter:
    @singledispatchmethod
    def fmt(self, arg):
        return 'other:' + repr(arg)

    @fmt.register(int)
    def _(self, arg):
        return 'int:%d' % arg

    @fmt.register(list)
    def _(self, arg):
        return 'list:' + ','.join(self.fmt(x) for x in arg)

    @singledispatchmethod
    @classmethod
    def cls_fmt(cls, arg):
        return cls.__name__ + ' other'

    @cls_fmt.register(str)
    @classmethod
    def _(cls, arg):
        return cls.__name__ + ' str ' + arg


f = Formatter()
print(f.fmt(3), f.fmt('s'), f.fmt([1, 'a', [2]]), Formatter.cls_fmt('x'), Formatter.cls_fmt(1))
show('singledispatchmethod(1)', lambda: singledispatchmethod(1))


# --- lru_cache on methods
class Counter:
    def __init__(self, base):
        self.base = base

    @lru_cache(maxsize=4)
    def plus(self, n):
        return self.base + n

    def __hash__(self):
        return hash(self.base)

    def __eq__(self, other):
        return self.base == other.base


a, b = Counter(10), Counter(20)
print(a.plus(1), a.plus(1), b.plus(1), Counter.plus.cache_info())


# --- singledispatch by annotation
@singledispatch
def kind(x):
    return 'default'


@kind.register
def _(x: int):
    return 'int'


@kind.register
def _(x: 'str', extra: float = 0.0):
    return 'str'


print(kind(1), kind('a'), kind(1.5), sorted(c.__name__ for c in kind.registry))


def bad(x: 5):
    pass


show('annotation not a class', lambda: kind.register(bad))
