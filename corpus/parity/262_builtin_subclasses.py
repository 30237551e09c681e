# Subclasses of the built-in types: each instance carries a real list, dict,
# tuple, str, int, float, set or frozenset; the built-in methods and
# protocols act on it, the subclass's own methods come first, super() and
# explicit T.method(self, ...) reach the built-in ones.
class Stack(list):
    def push(self, x):
        self.append(x)
        return self

    def peek(self):
        return self[-1]


s = Stack([1, 2])
s.push(3).push(4)
print(s, len(s), s.peek(), s[1:3], type(s[1:3]).__name__, s.pop(), s)
print(isinstance(s, list), type(s).__name__, s == [1, 2, 3], sorted(s, reverse=True), 2 in s)
s += [9]
print(s, type(s).__name__, list(reversed(s)), sum(s), s * 2, [x * 10 for x in s])
s.name = "mine"
print(s.name, hash.__name__)
try:
    hash(s)
except TypeError as e:
    print("TypeError:", e)


class LoudList(list):
    def __getitem__(self, i):
        return ("got", super().__getitem__(i))

    def append(self, x):
        list.append(self, x * 2)


ll = LoudList([5, 6])
ll.append(7)
print(ll[0], ll[2], len(ll), list(ll))


class Defaulting(dict):
    def __missing__(self, key):
        value = self[key] = len(key)
        return value


d = Defaulting(a=1)
print(d["a"], d["abc"], d, len(d), sorted(d.keys()), d.get("zz"), "zz" in d)


class Tracking(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key, value * 10)


t = Tracking()
t["x"] = 1
t.update(y=2)
print(t, dict(t), {**t}, list(t.items()))


class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))

    @property
    def first(self):
        return self[0]

    def __repr__(self):
        return f"Pair{tuple.__repr__(self)}"


p = Pair(1, "x")
a, b = p
print(p, p.first, a, b, len(p), p + (3,), p == (1, "x"), hash(p) == hash((1, "x")), {p: 1}[(1, "x")])


class Celsius(float):
    def fahrenheit(self):
        return self * 9 / 5 + 32


c = Celsius(100)
print(c, c.fahrenheit(), c + 1, round(c), int(c), f"{c:.1f}", c > 50, type(c + 1).__name__)


class Flags(int):
    def __repr__(self):
        return f"Flags({int(self)})"

    def __or__(self, other):
        return Flags(int(self) | int(other))


f = Flags(1) | Flags(4)
print(f, repr(f), f + 1, f == 5, bin(f), f"{f:03d}", [10, 20, 30, 40, 50, 60][f], range(f)[-1], "%d" % f)


class Name(str):
    def greet(self):
        return "hello " + self

    def __str__(self):
        return self.upper()


n = Name("ada")
print(n, repr(n), n.greet(), n.title(), n + "!", len(n), n == "ada", {"ada": 1}[n], "-".join([n, n]), f"{n}")


class Tags(set):
    def add_all(self, *items):
        for i in items:
            self.add(i)


tg = Tags([1])
tg.add_all(2, 3)
print(sorted(tg), len(tg), 2 in tg, sorted(tg | {9}), type(tg).__name__)


class Frozen(frozenset):
    pass


fz = Frozen([1, 2])
print(sorted(fz), fz == frozenset([1, 2]), hash(fz) == hash(frozenset([1, 2])))


class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code


try:
    raise AppError(404, "not found")
except Exception as e:
    print(type(e).__name__, e.code, e, e.args)


class Matrix(list):
    def __init__(self, rows):
        super().__init__([list(r) for r in rows])

    @property
    def shape(self):
        return (len(self), len(self[0]))


m = Matrix([(1, 2), (3, 4), (5, 6)])
print(m, m.shape)
print(list.__len__(m), dict.__getitem__(d, "a"), str.upper(n), int.__add__(f, 1))
