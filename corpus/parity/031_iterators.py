# Iterator protocol: __iter__/__next__ classes, iter(), next() with default, StopIteration.
class CountDown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

print(list(CountDown(5)), sum(CountDown(4)), [x * 2 for x in CountDown(3)])
cd = CountDown(2)
print(next(cd), next(cd), next(cd, "done"), next(cd, None))
try:
    next(cd)
except StopIteration as e:
    print("StopIteration caught", repr(e), e.args)

class Range2:
    """An iterable (not an iterator): each iter() gives a fresh iterator."""
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return Range2Iter(self.n)

class Range2Iter:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i - 1

r = Range2(3)
print(list(r), list(r), [(a, b) for a in r for b in r if a < b])
print(max(Range2(7)), min(Range2(7)), sorted(Range2(4), reverse=True), 2 in Range2(3), 5 in Range2(3))
it = iter([10, 20, 30])
print(next(it), list(it), list(it), next(it, "exhausted"))
s_it = iter("abc")
print(next(s_it), next(s_it), next(s_it), next(s_it, "end"))
d_it = iter({"x": 1, "y": 2})
print(next(d_it), next(d_it), next(d_it, "no more keys"))
rng = iter(range(3))
print(next(rng), next(rng), next(rng), next(rng, -1))
t_it = iter((1, 2))
print(list(t_it), list(iter(t_it)))
same = iter([1])
print(iter(same) is same)
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)

class Fib:
    def __init__(self, limit):
        self.a, self.b, self.limit = 0, 1, limit
    def __iter__(self):
        return self
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration()
        r = self.a
        self.a, self.b = self.b, self.a + self.b
        return r

print(list(Fib(100)))
for i, f in enumerate(Fib(10)):
    print(i, f, end=" | ")
print()
pairs = zip(CountDown(3), Range2(5))
print(next(pairs), list(pairs))
m = map(str, CountDown(3))
print(next(m), list(m))
flt = filter(lambda v: v % 2, Range2(8))
print(list(flt), list(flt))
en = enumerate(["a", "b"], 1)
print(next(en), next(en), next(en, "stop"))
it2 = iter([1, 2, 3, 4, 5])
for x in it2:
    if x == 2:
        break
print("after break", list(it2))
it3 = iter([1, 2, 3, 4, 5, 6])
print(list(zip(it3, it3)))
rv = reversed([1, 2, 3])
print(next(rv), list(rv))
a, b, c = CountDown(3)
print(a, b, c)
first, *rest = Range2(5)
print(first, rest)
