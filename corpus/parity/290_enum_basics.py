# enum: Enum classes, members, lookups, aliases, iteration, the functional
# API, auto(), _missing_, _generate_next_value_, methods and error messages.
import enum
from enum import Enum, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1          # an alias of RED

    def describe(self):
        return "%s is #%d" % (self.name.lower(), self.value)

    @classmethod
    def favourite(cls):
        return cls.GREEN


print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value)
print(type(Color.RED).__name__, isinstance(Color.RED, Color), isinstance(Color.RED, Enum))
print(Color(2), Color["BLUE"], Color(Color.RED), Color.CRIMSON is Color.RED)
print(list(Color), len(Color), list(reversed(Color)))
print([m.name for m in Color], list(Color.__members__))
print(Color.RED in Color, Color.describe(Color.BLUE), Color.GREEN.describe(), Color.favourite())
print(repr(Color), str(Color), Color.__name__, Color.__qualname__)
print(Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.GREEN, Color.RED is Color(1))
print(hash(Color.RED) == hash(Color.RED), {Color.RED: "r"}[Color.CRIMSON])
print(format(Color.RED), "{}".format(Color.GREEN), f"{Color.BLUE!r}", f"[{Color.RED:>12}]", "%s" % Color.RED)
print(sorted(Color, key=lambda c: c.value, reverse=True))
print(Color.__members__["CRIMSON"], len(Color.__members__), dict(Color.__members__)["GREEN"])
print(bool(Color), bool(Color.RED))
print(Color._member_names_, sorted(Color._value2member_map_))

for bad in (lambda: Color(7), lambda: Color["PURPLE"], lambda: Color("RED")):
    try:
        bad()
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)

try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError", e)
try:
    Color.RED.value = 5
except AttributeError as e:
    print("AttributeError", e)
try:
    del Color.GREEN
except AttributeError as e:
    print("AttributeError", e)
try:
    1 in Color
except TypeError as e:
    print("TypeError", e)


class Shape(Enum):
    SQUARE = auto()
    CIRCLE = auto()
    TRIANGLE = 10
    LINE = auto()


print(list(Shape), Shape.LINE.value)


class Lower(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() + str(count)

    ALPHA = auto()
    BETA = auto()


print(list(Lower), Lower("beta1"))


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        return round(6.673e-11 * self.mass / (self.radius * self.radius), 2)


print(Planet.EARTH.value, Planet.EARTH.mass, Planet.EARTH.surface_gravity, Planet((3.303e+23, 2.4397e6)))


class Coordinate(bytes, Enum):
    PX = (0, "P.X", "pixels")
    PY = (1, "P.Y", "pixels")

    def __new__(cls, value, label, unit):
        obj = bytes.__new__(cls, [value])
        obj._value_ = value
        obj.label = label
        obj.unit = unit
        return obj


print(Coordinate.PY, Coordinate.PY.label, Coordinate(0), Coordinate.PX.value)


class Status(Enum):
    ACTIVE = "active"
    INACTIVE = "inactive"

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for member in cls:
                if member.value == value.lower():
                    return member
        return None


print(Status("ACTIVE"), Status("Inactive"))
try:
    Status("gone")
except ValueError as e:
    print("ValueError", e)


class Broken(Enum):
    A = 1

    @classmethod
    def _missing_(cls, value):
        return "nope"


try:
    Broken(2)
except TypeError as e:
    print("TypeError", e, "|", type(e.__context__).__name__, e.__context__)


# functional API
Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, repr(Animal))
Pet = Enum("Pet", "dog, cat,  fish", start=10)
print(list(Pet))
Pair = Enum("Pair", [("LEFT", "l"), ("RIGHT", "r")])
print(list(Pair), Pair("r"))
Mapped = Enum("Mapped", {"ONE": 1, "TWO": 2})
print(list(Mapped), Mapped.TWO)
Named = Enum("Named", ["X", "Y"])
print(list(Named), Named.__module__)
IntColor = Enum("IntColor", "R G", type=int)
print(IntColor.G + 1, repr(IntColor.G), IntColor.G == 2)


# unique
try:
    @unique
    class Mistake(Enum):
        ONE = 1
        TWO = 2
        THREE = 3
        FOUR = 3
        UNO = 1
except ValueError as e:
    print("ValueError", e)


# definition errors
def attempt(build):
    try:
        build()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


def twice():
    class E(Enum):
        A = 1
        A = 2


def reserved():
    class E(Enum):
        _foo_ = 1


def extend():
    class More(Color):
        PINK = 4


def bad_mro_name():
    class E(Enum):
        mro = 1


def shadow():
    class E(Enum):
        A = 1

        def A(self):
            pass


attempt(twice)
attempt(reserved)
attempt(extend)
attempt(bad_mro_name)
attempt(shadow)


# Enum subclasses without members may be extended
class Ordered(Enum):
    def __lt__(self, other):
        if self.__class__ is other.__class__:
            return self.value < other.value
        return NotImplemented


class Size(Ordered):
    S = 1
    M = 2
    L = 3


print(Size.S < Size.L, sorted([Size.L, Size.S, Size.M]), max(Size))


# _ignore_ and _order_
class Week(Enum):
    _ignore_ = "day i"
    _order_ = "MON TUE WED"
    MON = 1
    TUE = 2
    WED = 3
    day = None
    i = 0


print(list(Week), hasattr(Week, "day"))

try:
    class Wrong(Enum):
        _order_ = "B A"
        A = 1
        B = 2
except TypeError as e:
    print("TypeError", e)

# pickling and copying keep the singletons
import pickle
import copy

for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    assert pickle.loads(pickle.dumps(Color.BLUE, proto)) is Color.BLUE
print(Color.RED.__reduce_ex__(4), copy.copy(Color.RED) is Color.RED, copy.deepcopy([Color.RED])[0] is Color.RED)
print(auto(), repr(auto(5)))
print(enum.EnumMeta is enum.EnumType, type(Color) is enum.EnumType)
