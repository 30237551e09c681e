# dataclasses: frozen, order, unsafe_hash and the __hash__ rules, slots,
# make_dataclass, replace() rules, inheritance checks, string annotations,
# pickling and copying, and the definition-time errors.
import copy
import pickle
import dataclasses
from dataclasses import dataclass, field, fields, replace, make_dataclass, FrozenInstanceError, InitVar, asdict, astuple
import typing


@dataclass(frozen=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0

    def bump(self):
        return replace(self, patch=self.patch + 1)


v = Version(1, 2)
print(v, v.bump(), hash(v) == hash((1, 2, 0)), {v: "ok"}[Version(1, 2, 0)], v == Version(1, 2))
for action in (lambda: setattr(v, "major", 9), lambda: delattr(v, "minor"), lambda: setattr(v, "extra", 1)):
    try:
        action()
    except FrozenInstanceError as e:
        print(type(e).__name__, e, isinstance(e, AttributeError))
print(copy.copy(v), copy.deepcopy(v), pickle.loads(pickle.dumps(v)) == v)


@dataclass(order=True)
class Card:
    rank: int
    suit: str = field(compare=False)


cards = [Card(10, "h"), Card(2, "s"), Card(7, "d")]
print(sorted(cards), Card(2, "x") == Card(2, "y"), Card(3, "a") < Card(4, "a"), Card(5, "a") >= Card(5, "b"))
try:
    Card(1, "a") < 5
except TypeError as e:
    print("TypeError", e)


@dataclass(order=True)
class Employee:
    dept: str
    salary: int
    name: str = field(compare=False, default="?")


print(max([Employee("b", 10), Employee("b", 30), Employee("a", 99)]))


@dataclass(unsafe_hash=True)
class Key:
    a: int
    b: list = field(hash=False, default_factory=list)


print(hash(Key(1)) == hash((1,)), Key.__hash__ is not None)


@dataclass
class NoHash:
    a: int


@dataclass(eq=False)
class IdHash:
    a: int


@dataclass
class OwnHash:
    a: int

    def __hash__(self):
        return 42


@dataclass(frozen=True, eq=False)
class FrozenNoEq:
    a: int


print(NoHash.__hash__, IdHash(1) == IdHash(1), hash(OwnHash(1)), FrozenNoEq(1) == FrozenNoEq(1), "__hash__" in FrozenNoEq.__dict__)


@dataclass(slots=True)
class Slotted:
    x: int
    y: int = 2


s = Slotted(1)
print(s, Slotted.__slots__, hasattr(s, "__dict__"), "x" in Slotted.__dict__)
try:
    s.z = 3
except AttributeError as e:
    print("AttributeError", e)


@dataclass(slots=True, frozen=True)
class FrozenSlots:
    a: int


fs = FrozenSlots(4)
print(fs, pickle.loads(pickle.dumps(fs)), fs.__getstate__() if hasattr(FrozenSlots, "__getstate__") else None)

Point3 = make_dataclass("Point3", ["x", ("y", int), ("z", int, field(default=0))],
                        namespace={"total": lambda self: self.x + self.y + self.z}, order=True)
p3 = Point3(1, 2)
print(p3, p3.total(), Point3.__doc__, [f.type for f in fields(Point3)], Point3(1, 2) < Point3(1, 3))
Frozen3 = make_dataclass("Frozen3", [("a", int)], frozen=True, bases=(object,))
print(Frozen3(1), Frozen3.__dataclass_params__.frozen)
for spec in (["a", "a"], ["class"], ["1x"], [("a", int, 1, 4)]):
    try:
        make_dataclass("Bad", spec)
    except TypeError as e:
        print("TypeError", e)


@dataclass
class WithInit:
    a: int
    scale: InitVar[int]
    b: int = field(init=False)
    c: int = 5

    def __post_init__(self, scale):
        self.b = self.a * scale


w = WithInit(2, 10)
print(w, replace(w, scale=3), replace(w, c=1, scale=1))
for kwargs in ({"b": 1, "scale": 1}, {"a": 3}):
    try:
        replace(w, **kwargs)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    replace(3)
except TypeError as e:
    print("TypeError", e)
try:
    fields(3)
except TypeError as e:
    print("TypeError", e)
try:
    asdict(WithInit)
except TypeError as e:
    print("TypeError", e)


@dataclass
class Frozenless:
    a: int = 0


@dataclass(frozen=True)
class FrozenBase:
    a: int = 0




def attempt(fn):
    try:
        fn()
        print("defined")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


def a():
    @dataclass(frozen=True)
    class A(Frozenless):
        b: int = 1


def b():
    @dataclass
    class B(FrozenBase):
        b: int = 1


def c():
    @dataclass(order=True)
    class C:
        a: int

        def __lt__(self, other):
            return True


def d():
    @dataclass(unsafe_hash=True)
    class D:
        a: int

        def __hash__(self):
            return 1


def e():
    @dataclass
    class E:
        a: list = []


def f():
    @dataclass
    class F:
        a: set = set()


def g():
    @dataclass
    class G:
        a: int = 0
        b: str


def h():
    @dataclass
    class H:
        a = field(default=1)


def i():
    field(default=1, default_factory=int)


def j():
    @dataclass(eq=False, order=True)
    class J:
        a: int


def k():
    @dataclass
    class K:
        x: typing.ClassVar[int] = field(default_factory=int)


def l():
    @dataclass
    class L:
        _: dataclasses.KW_ONLY
        a: int = 0
        __: dataclasses.KW_ONLY


def m():
    @dataclass(frozen=True)
    class M:
        a: int

        def __setattr__(self, name, value):
            pass


def n():
    @dataclass(slots=True)
    class N:
        __slots__ = ("a",)
        a: int


def o():
    @dataclass
    class O:
        x: typing.ClassVar[int] = field(kw_only=True)


def p():
    @dataclass(weakref_slot=True)
    class P:
        a: int


for fn in (a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p):
    attempt(fn)


@dataclass
class Strs:
    a: "int"
    b: "typing.ClassVar[int]" = 3
    c: "dataclasses.InitVar[int]" = 1
    d: "ClassVarNot" = 2


print([f.name for f in fields(Strs)], Strs(1), Strs.__dataclass_fields__["b"]._field_type, Strs.__dataclass_fields__["c"]._field_type)


@dataclass
class HasDescriptorDefault:
    a: object = field(default_factory=lambda: "fresh")
    b: object = None


print(HasDescriptorDefault(), HasDescriptorDefault(b=1))


@dataclass
class Base:
    x: int
    y: int = 1


@dataclass
class Child(Base):
    z: int = 2

    def __post_init__(self):
        self.total = self.x + self.y + self.z


c1 = Child(1)
print(c1, c1.total, fields(Child)[2].name, Child.__mro__[1].__name__, asdict(c1), astuple(Child(5, 6, 7)))


class NotDC(Base):
    pass


print(NotDC(3), dataclasses.is_dataclass(NotDC), fields(NotDC)[0].name)
