"""Annotations: __annotations__ of modules, classes and functions, docstrings
and writable function attributes (PEP 526, PEP 3107)."""
import functools

count: int = 0
names: "list[str]"
print(sorted(__annotations__.items(), key=lambda kv: kv[0]))
print(__doc__.split("\n")[0])


def scale(v: float, by: int = 2, *rest: str, clamp: bool = False, **opts: object) -> float:
    """Scale v."""
    local: int = 1  # not evaluated, not recorded
    return v * by


print(scale.__annotations__)
print(scale.__doc__, scale.__module__, scale.__name__, scale.__qualname__)


class Shape:
    """A shape."""
    sides: int
    name: str = "shape"
    if True:
        area: float = 0.0

    def describe(self) -> str:
        return f"{self.name} with {self.sides} sides"


class Square(Shape):
    sides = 4


print(Shape.__annotations__, Shape.__doc__)
print(Square.__doc__, "__annotations__" in Square.__dict__, Square().describe())


# Annotated names in a function are locals even without a value.
def unbound():
    x: int
    try:
        return x
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"


print(unbound())

# Only simple names are recorded; other targets are evaluated.
class Box:
    pass


b = Box()
b.size: int = 3
(paren): int = 5
print(b.size, paren, "paren" in __annotations__)

# Side effects of annotations happen at module and class level, in order.
trace = []


def note(tag):
    trace.append(tag)
    return tag


first: note("module") = note("value")


class Traced:
    attr: note("class")


def fn(a: note("param")) -> note("return"):
    inner: note("never") = 1


print(trace)


def plain():
    pass


print(plain.__annotations__, plain.__doc__)

# Writable function attributes.
plain.__name__ = "renamed"
plain.__qualname__ = "Outer.renamed"
plain.__doc__ = "now documented"
plain.__module__ = "elsewhere"
plain.__annotations__ = {"x": int}
print(plain.__name__, plain.__qualname__, plain.__doc__, plain.__module__, plain.__annotations__)
print(repr(plain).split(" at ")[0])
for attr, value in [("__name__", 3), ("__qualname__", None), ("__annotations__", [1])]:
    try:
        setattr(plain, attr, value)
    except TypeError as e:
        print("TypeError", e)
plain.__annotations__ = None
print(plain.__annotations__)
del plain.__doc__
print(plain.__doc__)
plain.__dict__ = {"tag": 1}
print(plain.tag)
try:
    plain.__dict__ = []
except TypeError as e:
    print("TypeError", e)


def decorate(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    return wrapper


@decorate
def documented(x: int) -> int:
    "Doubles x."
    return 2 * x


print(documented.__name__, documented.__doc__, documented.__annotations__,
      documented.__wrapped__.__name__, documented(21))
print(scale.__code__.co_name if hasattr(scale.__code__, "co_name") else "scale",
      scale.__globals__ is globals(), scale.__closure__)
