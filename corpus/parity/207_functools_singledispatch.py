# functools.singledispatch: registration by class (call and decorator
# forms), dispatch along the MRO, dispatch(), registry, errors.
from functools import singledispatch


@singledispatch
def describe(obj, suffix=''):
    "Describes anything."
    return 'object:' + type(obj).__name__ + suffix


@describe.register(int)
def _(obj, suffix=''):
    return 'int:%d%s' % (obj, suffix)


@describe.register(list)
@describe.register(tuple)
def _seq(obj, suffix=''):
    return 'sequence of %d%s' % (len(obj), suffix)


def describe_str(obj, suffix=''):
    return 'str:' + obj + suffix


result = describe.register(str, describe_str)
print(result is describe_str)

print(describe(5), describe('x'), describe([1, 2]), describe((1,)), describe(2.5))
print(describe(True), describe(None), describe({}, suffix='!'), describe(7, '?'))


class Animal:
    pass


class Dog(Animal):
    pass


class Puppy(Dog):
    pass


class Cat(Animal):
    pass


@describe.register(Animal)
def _animal(obj, suffix=''):
    return 'animal ' + type(obj).__name__ + suffix


print(describe(Dog()), describe(Puppy()), describe(Cat()))


@describe.register(Dog)
def _dog(obj, suffix=''):
    return 'dog ' + type(obj).__name__ + suffix


# registering clears the dispatch cache
print(describe(Dog()), describe(Puppy()), describe(Cat()), describe(Animal()))

print(describe.dispatch(bool) is describe.dispatch(int), describe.dispatch(Puppy) is _dog)
print(describe.dispatch(float) is describe.registry[object], describe.dispatch(list) is _seq)
print(sorted(cls.__name__ for cls in describe.registry))
print(describe.__wrapped__('w'), describe.__wrapped__ is describe.registry[object])


# multiple inheritance-free diamond: the MRO decides
class Base:
    pass


class Mid(Base):
    pass


class Leaf(Mid):
    pass


@singledispatch
def which(x):
    return 'default'


which.register(Base, lambda x: 'base')
print(which(Leaf()), which(Mid()), which(1))
which.register(Mid, lambda x: 'mid')
print(which(Leaf()), which(Base()))


# exceptions follow their hierarchy
@singledispatch
def handle(exc):
    return 'unknown ' + type(exc).__name__


@handle.register(LookupError)
def _(exc):
    return 'lookup ' + type(exc).__name__


@handle.register(KeyError)
def _(exc):
    return 'key ' + str(exc)


print(handle(KeyError('k')), handle(IndexError()), handle(ValueError()), handle(Exception()))


# dispatch happens on the first positional argument only
@singledispatch
def first(a, b):
    return 'generic'


@first.register(int)
def _(a, b):
    return 'int first'


print(first(1, 'x'), first('x', 1))


def show(label, f):
    try:
        print(label, '->', f())
    except Exception as e:
        print(label, '!!', type(e).__name__ + ':', e)


show('no args', lambda: describe())
show('kw only', lambda: describe(obj=1))
show('register non-class with func', lambda: describe.register(1, describe_str))
show('register non-class', lambda: describe.register('notaclass'))


class Plain:
    def __call__(self, x):
        return x

    def __repr__(self):
        return 'Plain()'


show('register unannotated', lambda: describe.register(Plain()))
print(type(describe).__name__)
