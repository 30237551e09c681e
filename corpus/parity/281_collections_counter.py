# collections.Counter: counting, most_common, elements, update/subtract,
# multiset arithmetic, comparisons, total and CPython's reprs.
from collections import Counter

c = Counter("abracadabra")
print(c)
print(c["a"], c["z"], "z" in c, len(c))
print(c.most_common(), c.most_common(2), c.most_common(0), c.most_common(-1))
print(sorted(c.elements()), "".join(c.elements()))
print(c.total(), sum(c.values()))
print(Counter(), Counter({"x": 3, "y": -1}), Counter(cats=4, dogs=8))
print(Counter(["b", "a", "b", "c", "a", "b"]))

# update and subtract with iterables, mappings, Counters and keywords.
u = Counter("aab")
u.update("abc")
print(u)
u.update({"a": 10, "d": 2})
print(u)
u.update(Counter(b=5), e=1)
print(u)
u.subtract("aaa")
print(u)
u.subtract({"b": 20}, c=1)
print(u)
u.subtract(Counter(d=2))
print(u)
e = Counter()
e.update({"k": 3})
print(e)
e.update(None)
print(e)

# Missing counts are zero; deleting a missing key is no error.
m = Counter(a=1)
m["b"] += 2
del m["a"]
del m["zzz"]
print(m)
m["c"] = 0
m["d"] = -2
print(m, list(m.elements()))

# Arithmetic keeps positive counts only.
a = Counter(a=3, b=1, c=-2)
b = Counter(a=1, b=2, d=4)
print(a + b)
print(a - b)
print(b - a)
print(a | b)
print(a & b)
print(+a, -a)
x = Counter(a=3, b=1)
x += Counter(b=2, c=-1)
print(x)
x -= Counter(a=5)
print(x)
x |= Counter(b=1, z=4)
print(x)
x &= Counter(b=2, z=9)
print(x)
print(a + {"q": 1} if False else "skip")
for op in ("+", "-", "|", "&"):
    try:
        eval("a %s {'a': 1}" % op)
    except TypeError as err:
        print(op, "TypeError:", err)

# Comparisons (3.10+): missing counts are zero.
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) != Counter(a=2))
print(Counter(a=1) <= Counter(a=2), Counter(a=1) < Counter(a=1), Counter(a=2, b=1) >= Counter(a=1), Counter(a=1) > Counter())
print(Counter(a=1) == {"a": 1}, {"a": 1} == Counter(a=1))

# Reprs: most common first, ties in insertion order; unorderable counts.
print(Counter({"b": 1, "a": 1, "c": 2}))
print(Counter({"x": "s", "y": 1}))
print(Counter({"x": [1], "y": [2]}))

# Copies and subclasses.
class MyCounter(Counter):
    pass

mc = MyCounter("hello")
print(mc, type(mc.copy()).__name__, type(mc + mc).__name__, mc.copy() == mc)
print(isinstance(mc, dict), Counter("ab").keys(), sorted(Counter("ab").items()))
print(dict(Counter("aab")), list(Counter("cab")))

try:
    Counter.fromkeys("abc")
except NotImplementedError as err:
    print("NotImplementedError:", err)
try:
    hash(Counter())
except TypeError as err:
    print("TypeError:", err)
try:
    Counter(5)
except TypeError as err:
    print("TypeError:", err)
