# enum: enum.property, member()/nonmember(), members named `name`/`value`,
# _ignore_, nested and subclass behaviour, __init_subclass__, global_enum,
# dir(), __members__, pickling of flags and functional enums, copy.
import enum
import pickle
import copy
from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, auto, member, nonmember, global_enum


class Field(Enum):
    name = 1
    value = 2
    other = 3


print(Field.name, Field.value, Field.name.name, Field.value.value, Field.other.name, Field["value"], Field(1))
print(list(Field), [m.name for m in Field])


class Shape(Enum):
    CIRCLE = 1
    SQUARE = 2
    helper = nonmember(10)

    @member
    def TRIANGLE(self):
        return "a function member"

    @enum.property
    def sides(self):
        return {1: 0, 2: 4}.get(self.value, 3)

    def area(self, size):
        return "%s of %s" % (self.name.lower(), size)


print([m.name for m in Shape], Shape.helper, Shape.CIRCLE.sides, Shape.SQUARE.area(3), Shape.TRIANGLE.value(None))


class Temps(Enum):
    _ignore_ = "Temps t"
    Temps = vars()
    for t in range(3):
        Temps["T%d" % t] = t * 10


print(list(Temps), Temps.T2.value)


class Base(Enum):
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.registered = True

    def label(self):
        return self.name.title()


class Fruit(Base):
    APPLE = auto()
    PEAR = auto()


print(Fruit.registered, Fruit.PEAR.label(), isinstance(Fruit.APPLE, Base), issubclass(Fruit, Base))


class Grade(IntEnum):
    A = 90
    B = 80
    C = 70

    @classmethod
    def of(cls, score):
        for g in cls:
            if score >= g:
                return g
        return None


print(Grade.of(85), Grade.of(95).name, Grade.of(10), sorted(Grade), Grade.A > Grade.C, Grade.B - 5)

print(sorted(n for n in dir(Fruit) if not n.startswith("_")), sorted(dir(Fruit.APPLE)))
print(sorted(n for n in dir(Shape.CIRCLE) if not n.startswith("__")))
print(list(Fruit.__members__.items()))
try:
    Fruit.__members__["KIWI"] = 3
except TypeError as e:
    print("TypeError", e)

for proto in (2, 4):
    print(pickle.loads(pickle.dumps(Grade.B, proto)) is Grade.B, pickle.loads(pickle.dumps(Fruit.PEAR, proto)) is Fruit.PEAR)


class Perm(IntFlag):
    R = 4
    W = 2
    X = 1


rw = Perm.R | Perm.W
print(pickle.loads(pickle.dumps(rw)) == rw, copy.deepcopy(rw) is rw, rw.value, list(rw), Perm.R in rw)
Level = Enum("Level", "LOW HIGH", module=__name__, qualname="Level")
print(pickle.loads(pickle.dumps(Level.HIGH)) is Level.HIGH, Level.__qualname__, Level.__module__)


class Status(StrEnum):
    def _generate_next_value_(name, start, count, last_values):
        return name.upper() + "!"

    OK = auto()
    NOT_FOUND = "missing"


print(list(Status), Status("OK!"), Status.OK.upper(), Status.NOT_FOUND + "?")


class AutoStart(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return (count + 1) * 100

    A = auto()
    B = auto()
    C = 5
    D = auto()


print(list(AutoStart))


class MultiValue(Enum):
    HIGH = 3, "high"
    LOW = 1, "low"

    def __new__(cls, level, text):
        obj = object.__new__(cls)
        obj._value_ = level
        obj.text = text
        return obj


print(MultiValue(3), MultiValue.LOW.text, MultiValue.HIGH.value, list(MultiValue))


class Mood(Enum):
    HAPPY = "happy"
    SAD = "sad"

    def __str__(self):
        return self.value

    @classmethod
    def default(cls):
        return cls.HAPPY

    @staticmethod
    def help():
        return "moods"


print(str(Mood.SAD), Mood.default(), Mood.help(), f"{Mood.HAPPY}", repr(Mood.SAD), "%s" % Mood.SAD)


class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    PURPLE = RED | BLUE
    NONE = 0


print(list(Color), Color.PURPLE, list(Color.PURPLE), Color.NONE, repr(Color(0)), len(Color.PURPLE), Color(7))
print(Color.RED | Color.BLUE is Color.PURPLE, ~Color.PURPLE, Color.PURPLE & ~Color.RED, bool(Color.NONE))
print(Color.__members__.keys() if False else list(Color.__members__), Color._member_names_)


@global_enum
class Planet(IntEnum):
    MERCURY = 1
    VENUS = 2


print(repr(MERCURY), str(VENUS), MERCURY == 1, repr(Planet.VENUS))


class Empty(Enum):
    pass


print(list(Empty), len(Empty), bool(Empty))
try:
    Empty(1)
except (ValueError, TypeError) as e:
    print(type(e).__name__, e)


class Ordinal(Enum):
    FIRST = 1
    SECOND = 2

    def __lt__(self, other):
        return self.value < other.value

    def __hash__(self):
        return hash(self.value)


print(sorted([Ordinal.SECOND, Ordinal.FIRST]), hash(Ordinal.SECOND) == hash(2), {Ordinal.FIRST: 1}[Ordinal.FIRST])
print(Enum.__members__ if False else "", type(Grade.A).__mro__)
