# typing: NamedTuple (class syntax with defaults and methods, functional
# form, generic), TypedDict (total, Required/NotRequired, inheritance,
# functional form) and their errors.
import typing
from typing import NamedTuple, TypedDict, Generic, TypeVar, List, Optional, Required, NotRequired, get_type_hints, is_typeddict


class Point(NamedTuple):
    x: int
    y: int = 0
    label: str = "origin"

    def norm1(self) -> int:
        return abs(self.x) + abs(self.y)

    @property
    def pair(self):
        return (self.x, self.y)


p = Point(3, -4)
print(p, p.norm1(), p.pair, p.x, p[1], len(p), p._fields, p._field_defaults)
print(Point.__annotations__, p._asdict(), p._replace(label="moved"), Point._make([1, 2, "m"]))
print(isinstance(p, tuple), Point.__bases__, Point.__name__, Point.__module__, tuple(p), p == (3, -4, "origin"))
x, y, lbl = p
print(x, y, lbl, sorted([Point(2), Point(1, 5)]), Point(1) < Point(2))

Employee = NamedTuple("Employee", [("name", str), ("id", int)])
e = Employee("ann", 7)
print(e, Employee._fields, Employee.__annotations__, e._asdict())
Pet = NamedTuple("Pet", name=str, age=int)
print(Pet("rex", 3), Pet._fields)

T = TypeVar("T")


class Wrapped(NamedTuple, Generic[T]):
    value: T
    note: str = ""


print(Wrapped(5), Wrapped[int], Wrapped.__parameters__)

for build in [
    lambda: NamedTuple("Bad", [("a", int)], b=str),
]:
    try:
        build()
    except TypeError as e:
        print("TypeError", e)


def after_default():
    class Bad(NamedTuple):
        a: int = 1
        b: str


def overwrite():
    class Bad(NamedTuple):
        a: int

        def _asdict(self):
            return {}


def other_base():
    class Base:
        pass

    class Bad(NamedTuple, Base):
        a: int


for f in (after_default, overwrite, other_base):
    try:
        f()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)


class Movie(TypedDict):
    title: str
    year: int


class MovieExtra(Movie, total=False):
    rating: float
    tags: List[str]


class Strictish(TypedDict, total=False):
    id: Required[int]
    nick: NotRequired[str]
    note: str


m = Movie(title="Blade Runner", year=1982)
print(m, type(m).__name__, m["title"], Movie.__annotations__, Movie.__total__)
print(sorted(Movie.__required_keys__), sorted(Movie.__optional_keys__))
print(sorted(MovieExtra.__required_keys__), sorted(MovieExtra.__optional_keys__), MovieExtra.__total__)
print(sorted(Strictish.__required_keys__), sorted(Strictish.__optional_keys__))
print(MovieExtra(title="x", year=1, rating=2.5), MovieExtra.__mro__, is_typeddict(Movie), is_typeddict(dict))
print(get_type_hints(Strictish), get_type_hints(Strictish, include_extras=True)["id"])

Point2D = TypedDict("Point2D", {"x": int, "y": int, "label": Optional[str]}, total=False)
print(Point2D(x=1), Point2D.__annotations__, sorted(Point2D.__optional_keys__), Point2D.__total__, Point2D.__name__)
try:
    isinstance(m, Movie)
except TypeError as e:
    print("TypeError", e)
try:
    class Mixed(TypedDict, int):
        a: int
except TypeError as e:
    print("TypeError", e)
try:
    TypedDict("Both", {"a": int}, b=str)
except TypeError as e:
    print("TypeError", e)
