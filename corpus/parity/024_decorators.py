# Decorators: plain, with arguments, stacked, class-based, preserving behaviour.
calls = []

def trace(func):
    def wrapper(*args, **kwargs):
        calls.append(func.__name__)
        print("->", func.__name__, args, kwargs)
        result = func(*args, **kwargs)
        print("<-", func.__name__, result)
        return result
    return wrapper

@trace
def add(a, b=0):
    return a + b

add(1, 2)
add(5, b=7)
print(calls, add.__name__)

def repeat(times):
    def deco(func):
        def wrapper(*args):
            return [func(*args) for _ in range(times)]
        return wrapper
    return deco

@repeat(3)
def hello(name):
    return "hi " + name

print(hello("ann"))

def bold(func):
    def w():
        return "<b>" + func() + "</b>"
    return w

def italic(func):
    def w():
        return "<i>" + func() + "</i>"
    return w

@bold
@italic
def text():
    return "txt"

print(text())

caches = {}

def memoize(func):
    cache = {}
    caches[func.__name__] = cache
    def wrapper(n):
        if n not in cache:
            cache[n] = func(n)
        return cache[n]
    return wrapper

@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80), len(caches["fib"]))
registry = {}

def register(name):
    def deco(func):
        registry[name] = func
        return func
    return deco

@register("double")
def _d(x):
    return 2 * x

@register("square")
def _s(x):
    return x * x

print(sorted(registry), [registry[k](7) for k in sorted(registry)], _d(4))

class CountCalls:
    def __init__(self, func):
        self.func = func
        self.n = 0
    def __call__(self, *args):
        self.n += 1
        return self.func(*args)

@CountCalls
def mul(a, b):
    return a * b

print(mul(3, 4), mul(5, 6), mul.n)

def validate(*types):
    def deco(func):
        def wrapper(*args):
            for a, t in zip(args, types):
                if not isinstance(a, t):
                    raise TypeError("bad arg %r for %s" % (a, func.__name__))
            return func(*args)
        return wrapper
    return deco

@validate(int, str)
def label(n, s):
    return s * n

print(label(3, "ab"))
try:
    label("3", "ab")
except TypeError as e:
    print("TypeError:", e)

def order(tag):
    print("decorating with", tag)
    def deco(f):
        print("applying", tag)
        return f
    return deco

@order("outer")
@order("inner")
def nothing():
    return None

print(nothing())
