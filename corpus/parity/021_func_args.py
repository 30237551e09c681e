# Function parameters: defaults, mutable default gotcha, *args, **kwargs, kw-only, pos-only.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct

print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(greeting="Yo", name="Di"))

def append_to(item, target=[]):
    target.append(item)
    return target

print(append_to(1), append_to(2), append_to(3, []), append_to(4))

def append_safe(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target

print(append_safe(1), append_safe(2))
counter_default = 10

def uses_default(x=counter_default):
    return x

counter_default = 20
print(uses_default(), counter_default)

def varargs(*args):
    return len(args), args, type(args).__name__

print(varargs(), varargs(1), varargs(1, "two", [3]))

def kwargs_only(**kw):
    return sorted(kw.items())

print(kwargs_only(), kwargs_only(b=2, a=1), kwargs_only(**{"z": 26, "y": 25}))

def everything(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)

print(everything(1, c=3))
print(everything(1, 20, 30, 40, c=3, e=5, d=6))
print(everything(*[1, 2, 3], **{"c": "C", "x": "X"}))

def kw_only(*, x, y=0):
    return x - y

print(kw_only(x=10), kw_only(y=3, x=10))
try:
    kw_only(1)
except TypeError as e:
    print("TypeError:", e)

def pos_only(a, b, /, c, *, d):
    return a + b + c + d

print(pos_only(1, 2, 3, d=4), pos_only(1, 2, c=3, d=4))
try:
    pos_only(1, b=2, c=3, d=4)
except TypeError as e:
    print("TypeError:", e)

def f2(a, b):
    return a * 10 + b

print(f2(1, 2), f2(b=1, a=2), f2(*(3, 4)), f2(**{"a": 5, "b": 6}), f2(7, *[8]))
try:
    f2(1)
except TypeError as e:
    print("TypeError:", e)
try:
    f2(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    f2(1, 2, c=3)
except TypeError as e:
    print("TypeError:", e)
try:
    f2(1, a=1)
except TypeError as e:
    print("TypeError:", e)

def no_return():
    pass

def early(x):
    if x > 0:
        return "pos"
    if x < 0:
        return
    return None

print(no_return(), early(1), early(-1), early(0))

def multi():
    return 1, [2], "three"

one, two, three = multi()
print(one, two, three, multi())

def doc():
    """This is a docstring."""
    return 7

print(doc(), doc.__name__, greet.__name__)

def apply(func, *args, **kwargs):
    return func(*args, **kwargs)

print(apply(greet, "Eve", punct="."), apply(max, 3, 9, 4), apply(sorted, [3, 1], reverse=True))
def combine(*parts, sep="-"):
    return sep.join(str(p) for p in parts)

print(combine(1, 2, 3), combine("a", "b", sep="+"), combine())
