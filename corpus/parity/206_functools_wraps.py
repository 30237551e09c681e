# functools.update_wrapper / wraps: the copied attributes (__module__,
# __name__, __qualname__, __doc__, __annotations__), the merged __dict__
# and __wrapped__; also the names lru_cache and total_ordering give.
import functools
from functools import wraps, update_wrapper, WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES

print(WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES)


def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        print('calling', func.__name__, len(args), kwargs)
        return func(*args, **kwargs)
    return wrapper


@logged
def add(a: int, b: int = 0) -> int:
    """Adds two numbers."""
    return a + b


print(add(2, b=3))
print(add.__name__, add.__qualname__, add.__doc__, add.__module__)
print(add.__annotations__, add.__wrapped__.__name__, add.__wrapped__(1, 1))


class Box:
    @logged
    def method(self, x):
        "Doubles x."
        return 2 * x


print(Box().method(21), Box.method.__name__, Box.method.__qualname__, Box.method.__doc__)


def target():
    "target doc"


target.custom = 'from target'
target.shared = 'target value'


def wrapper():
    pass


wrapper.shared = 'wrapper value'
wrapper.own = 'kept'
result = update_wrapper(wrapper, target)
print(result is wrapper, wrapper.__name__, wrapper.__doc__, wrapper.__wrapped__ is target)
print(wrapper.custom, wrapper.shared, wrapper.own)


# only the listed attributes are copied
def w2():
    "w2 doc"


update_wrapper(w2, target, assigned=('__doc__',), updated=())
print(w2.__name__, w2.__doc__, hasattr(w2, 'custom'), w2.__wrapped__ is target)


# a __wrapped__ in the wrapped function's __dict__ does not win
def inner():
    pass


def middle():
    pass


middle.__wrapped__ = inner


def outer():
    pass


update_wrapper(outer, middle)
print(outer.__wrapped__ is middle, outer.__wrapped__.__wrapped__ is inner)


# missing attributes on the wrapped object are skipped
class CallableThing:
    def __call__(self):
        return 'thing'


thing = CallableThing()


def thing_wrapper():
    return thing()


update_wrapper(thing_wrapper, thing)
print(thing_wrapper.__name__, thing_wrapper.__module__, thing_wrapper.__wrapped__ is thing)


# wraps is a partial of update_wrapper
deco = wraps(target)
print(type(deco).__name__, deco.func is update_wrapper, sorted(deco.keywords))


# decorators stacking keeps the innermost name
def shout(func):
    @wraps(func)
    def wrapper(*a):
        return func(*a).upper()
    return wrapper


@shout
@logged
def greet(name):
    "Greets."
    return 'hello ' + name


print(greet('ann'), greet.__name__, greet.__doc__, greet.__wrapped__.__wrapped__.__name__)


# lru_cache and cache copy the name too
@functools.lru_cache(maxsize=8)
def cached_fn(x):
    "cached doc"
    return x


@functools.cache
def cached_fn2(x):
    return x


print(cached_fn.__name__, cached_fn.__doc__, cached_fn.__qualname__, cached_fn2.__name__)
print(cached_fn.__wrapped__.__name__)


# total_ordering names the methods it adds
@functools.total_ordering
class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __lt__(self, o):
        return self.v < o.v


print(V.__gt__.__name__, V.__le__.__name__, V.__ge__.__name__, V.__lt__.__name__)
print(V.__gt__.__doc__)
