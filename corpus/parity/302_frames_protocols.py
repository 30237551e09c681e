"""sys._getframe and code objects, the old __getitem__ iteration protocol,
str.format_map, built-in methods taken over by a user class
(`__str__ = int.__repr__`), PEP 585/604 aliases and unions."""
import sys
import types


def caller_name():
    return sys._getframe(1).f_code.co_name


def outer(a, b=2):
    total = a + b
    return caller_name(), sys._getframe().f_locals, sys._getframe().f_back.f_code.co_name


print(outer(1))
print(sys._getframe().f_code.co_name, sys._getframe().f_globals is globals())
try:
    sys._getframe(10_000)
except ValueError as e:
    print("ValueError", e)
code = outer.__code__
print(code.co_name, code.co_argcount, code.co_varnames, code.co_filename.endswith(".py"))


class Squares:
    """Iterable through __getitem__ alone."""

    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i


print(list(Squares()), 9 in Squares(), sum(Squares()), max(Squares()))
it = iter(Squares())
print(next(it), next(it), type(it).__name__)


class Defaults(dict):
    def __missing__(self, key):
        return "<" + key + ">"


print("{name} is {age!r:>4} ({city})".format_map(Defaults(name="Ada", age=36)))
try:
    "{0}".format_map({})
except ValueError as e:
    print("ValueError", e)


class Code(int):
    def __repr__(self):
        return f"Code({int(self)})"

    __str__ = int.__repr__


class Ratio(float):
    __str__ = float.__repr__

    def __repr__(self):
        return "Ratio!"


print(str(Code(7)), repr(Code(7)), f"{Code(8)}", format(Code(9), "03d"), str(Ratio(0.5)), f"{Ratio(1.5)}")
print(str.__str__("plain"), int.__repr__(Code(3)), float.__repr__(Ratio(2.0)))

for thing, key in [((1, 2), 0), ("ab", 0), (5, 0), (Squares(), 0), (Squares(), "k")]:
    try:
        del thing[key]
    except TypeError as e:
        print("TypeError", e)


class Counts(dict):
    pass


for op in ["+", "-", "*"]:
    try:
        eval("Counts() " + op + " {}")
    except TypeError as e:
        print("TypeError", e)

print(list[int], dict[str, list[int]], tuple[int, ...], type[int])
print(int | str, int | None, (int | str) == (str | int), isinstance(3, int | str), issubclass(bool, int | None))
print(type(int | str) is types.UnionType, (int | str).__args__, list[int].__origin__, list[int]([1, 2]))


class MyList(list):
    pass


print(MyList[int], (int | list[int]))
try:
    isinstance([], list[int])
except TypeError as e:
    print("TypeError", e)
print(int.__flags__ & (1 << 9) != 0, MyList.__flags__ & (1 << 9) != 0)
