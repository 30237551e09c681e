# collections.namedtuple: construction forms, methods, defaults, rename,
# module, pickling and copying, CPython's errors.
import copy
import pickle
from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(11, y=22)
print(p, p.x, p.y, p[0], p[-1], p[:1], len(p), tuple(p), list(p))
x, y = p
print(x + y, p == (11, 22), (11, 22) == p, hash(p) == hash((11, 22)), p < Point(12, 0))
print(isinstance(p, tuple), type(p).__name__, Point.__name__, Point.__qualname__, Point.__module__)
print(Point.__doc__, Point._fields, Point._field_defaults, Point.__match_args__)
print(p._asdict(), p._replace(x=1), Point._make([5, 6]), Point._make(iter("ab")))
print(p.__getnewargs__(), Point(**{"x": 1, "y": 2}), Point(*range(2)))
print(p + (1,), p * 2, p.count(11), p.index(22), 22 in p)

# Field names as one string (commas and spaces), or any iterable.
P3 = namedtuple("P3", "a, b c")
print(P3(1, 2, 3), P3._fields)
P4 = namedtuple("P4", ("u",))
print(P4(1), P4(u=[]), P4._make([7]))
Empty = namedtuple("Empty", [])
print(Empty(), Empty._fields, Empty._make([]), len(Empty()))
Gen = namedtuple("Gen", (f for f in "pq"))
print(Gen(1, 2))

# Defaults apply to the rightmost fields.
D = namedtuple("D", "a b c", defaults=[20, 30])
print(D(1), D(1, 2), D(1, 2, 3), D._field_defaults, D.__new__.__defaults__)
D2 = namedtuple("D2", "a b", defaults=iter([None, 0]))
print(D2(), D2._field_defaults)

# rename replaces invalid, keyword, underscore and duplicate names.
R = namedtuple("R", ["ok", "def", "1bad", "ok", "_private", "fine"], rename=True)
print(R._fields, R(1, 2, 3, 4, 5, 6))

# module sets __module__.
M = namedtuple("M", "q", module="some.where")
print(M.__module__, repr(M(1)))

# Field access is a property; the class is a tuple subclass without __dict__.
print(type(Point.__dict__["x"]).__name__ in ("property", "_tuplegetter"), Point.x.__get__(p) if hasattr(Point.x, "__get__") else None)
try:
    p.x = 5
except AttributeError:
    print("AttributeError on assignment")

# Subclassing a namedtuple.
class Vec(namedtuple("Vec", "x y")):
    __slots__ = ()

    @property
    def norm2(self):
        return self.x * self.x + self.y * self.y

    def __repr__(self):
        return "Vec<%d,%d>" % self

v = Vec(3, 4)
print(v, v.norm2, v._replace(x=0), Vec._make([1, 1]).norm2, v._asdict())

# Pickling and copying.
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    q = pickle.loads(pickle.dumps(p, proto))
    print(proto, q, type(q) is Point, q == p)
print(copy.copy(p), copy.deepcopy(D(1, [2])), copy.copy(p) is p)

# Errors.
def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

attempt("too few", lambda: Point(1))
attempt("too many", lambda: Point(1, 2, 3))
attempt("bad keyword", lambda: Point(1, z=2))
attempt("_make", lambda: Point._make([1]))
attempt("_replace", lambda: p._replace(z=1, w=2))
attempt("ident", lambda: namedtuple("P", "x 1y"))
attempt("type ident", lambda: namedtuple("1P", "x"))
attempt("keyword", lambda: namedtuple("P", "x class"))
attempt("type keyword", lambda: namedtuple("for", "x"))
attempt("underscore", lambda: namedtuple("P", "x _y"))
attempt("duplicate", lambda: namedtuple("P", "x y x"))
attempt("defaults", lambda: namedtuple("P", "x", defaults=(1, 2)))
attempt("dash", lambda: namedtuple("P", "x-y"))
