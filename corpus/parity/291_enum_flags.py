# enum: IntEnum, StrEnum, Flag, IntFlag, FlagBoundary, verify, 3.11's
# str()/format()/repr() rules, flag composition, pseudo-members and errors.
import enum
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, verify, UNIQUE, CONTINUOUS, NAMED_FLAGS
from enum import STRICT, CONFORM, EJECT, KEEP, FlagBoundary


class Priority(IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3


print(Priority.LOW, repr(Priority.LOW), str(Priority.HIGH), format(Priority.MEDIUM), f"{Priority.HIGH:>5}|{Priority.LOW:03d}")
print(Priority.LOW + Priority.HIGH, Priority.HIGH * 2, Priority.LOW == 1, Priority.LOW < Priority.HIGH, Priority(2), int(Priority.HIGH))
print(sorted([Priority.HIGH, 1, Priority.MEDIUM]), isinstance(Priority.LOW, int), [1, 2, 3, 4][Priority.MEDIUM])
print(hash(Priority.LOW) == hash(1), {1: "one"}[Priority.LOW], Priority.HIGH.name, Priority.HIGH.value, "%d %s" % (Priority.LOW, Priority.LOW))
try:
    Priority(9)
except ValueError as e:
    print("ValueError", e)


class Mixed(int, Enum):
    A = 1
    B = 2


print(Mixed.A, repr(Mixed.B), format(Mixed.A), f"{Mixed.B}", Mixed.A + 1)


class Http(StrEnum):
    GET = auto()
    POST = auto()
    CUSTOM = "Custom-Verb"


print(Http.GET, repr(Http.POST), Http.CUSTOM, f"{Http.GET:>6}|", Http.GET == "get", Http.GET.upper(), "-".join(Http))
print(Http("post"), Http.CUSTOM.lower(), len(Http.CUSTOM), Http.GET + "!", isinstance(Http.GET, str))
try:
    class BadStr(StrEnum):
        X = 1
except TypeError as e:
    print("TypeError", e)


class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7


print(Perm.R, repr(Perm.R | Perm.W), str(Perm.R | Perm.W), repr(Perm.RWX), Perm.R | Perm.W | Perm.X is Perm.RWX)
print(list(Perm), len(Perm), list(Perm.__members__), list(Perm.RWX), len(Perm.R | Perm.X))
print(repr(Perm(0)), str(Perm(0)), bool(Perm(0)), bool(Perm.R), Perm(6), repr(Perm(3)))
print(Perm.R in Perm.RWX, Perm.W in (Perm.R | Perm.X), (Perm.R | Perm.W) & Perm.W, (Perm.R | Perm.W) ^ Perm.RWX)
print(repr(~Perm.R), repr(~Perm.RWX), repr(~Perm(0)), Perm.R.value, (Perm.R | Perm.X).value, (Perm.R | Perm.X).name)
try:
    Perm(8)
except ValueError as e:
    print("ValueError", e)
try:
    Perm("R")
except ValueError as e:
    print("ValueError", e)
try:
    Perm.R | 1
except TypeError as e:
    print("TypeError", e)
try:
    1 in Perm.R
except TypeError as e:
    print("TypeError", e)


class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE


print(list(Color), Color.WHITE, [c.value for c in Color], Color.BLUE.value, repr(Color.RED | Color.BLUE))


class Open(IntFlag):
    RDONLY = 0
    WRONLY = 1
    RDWR = 2
    APPEND = 8


print(Open.WRONLY | Open.APPEND, repr(Open.WRONLY | Open.APPEND), Open.APPEND + 1, Open.RDWR | 4, repr(Open.RDWR | 4))
print(repr(Open(0)), repr(Open(16)), repr(~Open.WRONLY), Open.WRONLY & 3, isinstance(Open.RDWR | Open.APPEND, Open), format(Open.APPEND, "04b"))
print(list(Open), str(Open.WRONLY | Open.RDWR), repr(Open(-1)), Open.RDONLY.value, bool(Open.RDONLY))


class Strict(Flag, boundary=STRICT):
    A = 1
    B = 2


class Conform(Flag, boundary=CONFORM):
    A = 1
    B = 2


class Eject(Flag, boundary=EJECT):
    A = 1
    B = 2


class Keep(Flag, boundary=KEEP):
    A = 1
    B = 2


try:
    Strict(7)
except ValueError as e:
    print("ValueError", e)
print(repr(Conform(7)), Eject(7), type(Eject(7)).__name__, repr(Eject(3)), repr(Keep(7)), repr(Keep(4)))
print(FlagBoundary.KEEP, repr(STRICT), list(FlagBoundary), Perm._boundary_ is STRICT, Open._boundary_)


@verify(UNIQUE)
class Fine(Enum):
    A = 1
    B = 2


for check, build in [
    (UNIQUE, lambda: Enum("Dup", [("A", 1), ("B", 1)])),
    (CONTINUOUS, lambda: Enum("Gap", [("A", 1), ("B", 2), ("C", 5)])),
    (CONTINUOUS, lambda: Flag("FGap", [("A", 1), ("B", 8)])),
    (NAMED_FLAGS, lambda: Flag("Unnamed", [("A", 1), ("B", 2), ("ALL", 15)])),
]:
    try:
        verify(check)(build())
        print("ok")
    except ValueError as e:
        print("ValueError", e)
print(repr(UNIQUE), CONTINUOUS.value, list(enum.EnumCheck))
print(enum.show_flag_values(13), enum.bin(10), enum.bin(~10), enum.bin(0), enum.bin(5, 8))


class Compass(Enum):
    N = "north"
    S = "south"

    def __str__(self):
        return self.value.title()

    def __format__(self, spec):
        return "<" + format(str(self), spec) + ">"


print(Compass.N, f"{Compass.S:^9}", repr(Compass.N))


class Number(float, Enum):
    PI = 3.14159
    E = 2.71828


print(Number.PI, repr(Number.E), round(Number.PI * 2, 3), Number(2.71828))
