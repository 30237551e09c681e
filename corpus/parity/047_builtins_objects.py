# Object builtins: repr of nested containers, isinstance, getattr family, callable, type, range.
data = {"quote's": ['double "q"', "both ' \"", "tab\t", "nl\n", "back\\slash"], (1, "t"): {None: [True, 1.5]}}
print(data)
print(repr(data))
print(repr("plain"), repr("it's"), repr('say "hi"'), repr("\x07\x1b"), repr("é☃"), repr(["\u0000"]))
print(repr([[], {}, (), set(), ((),), [[]]]), repr({"a": {"b": {"c": []}}}), repr([1, [2, [3, [4]]]]))
print(str(["s"]), str(("s",)), str({"s": "t"}), repr({1, 2}), repr(set()))
print(isinstance(1, int), isinstance(True, int), isinstance(1.0, int), isinstance("s", (int, str)), isinstance([], (tuple, dict)))
print(isinstance(None, object), isinstance(int, object), isinstance({}, dict), isinstance(range(3), range))
print(type(1) is int, type(True) is int, type(True) is bool, type(1.0) is float, type("") is str, type(None).__name__)
print(type([]) is list, type(()) is tuple, type({}) is dict, type(set()) is set, type(range(1)).__name__, type(b"").__name__)
print(type(3) == type(4), type(3)(7.9), type("x")(5), type([1])("ab"), int.__name__, str.__name__)

class Thing:
    color = "red"
    def __init__(self):
        self.size = 3
    def method(self):
        return "m"

t = Thing()
print(hasattr(t, "size"), hasattr(t, "color"), hasattr(t, "method"), hasattr(t, "nope"), hasattr(Thing, "size"))
print(getattr(t, "size"), getattr(t, "color"), getattr(t, "method")(), getattr(t, "nope", "default"), getattr(Thing, "color"))
setattr(t, "size", 10)
setattr(t, "extra", [1])
print(t.size, t.extra)
delattr(t, "extra")
print(hasattr(t, "extra"))
try:
    getattr(t, "nope")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(t, "nope")
except AttributeError as e:
    print("AttributeError:", e)
print(callable(len), callable(t.method), callable(Thing), callable(t), callable(None), callable(lambda: 0), callable("s"))
r = range(10, -10, -3)
print(list(r), len(r), r[0], r[-1], r[2], 4 in r, 5 in r, -8 in r, -10 in r)
print(list(range(5)), list(range(2, 8)), list(range(0, 20, 5)), list(range(5, 0, -1)), list(range(0)), list(range(3, 1)))
print(r[1:3], list(r[1:3]), list(r[::-1]), list(range(10)[::3]), list(range(10)[-3:]), list(range(0, 100, 7)[2:5]))
print(range(3), range(1, 5), range(0, 9, 2), repr(range(5, 0, -1)), range(3) == range(0, 3), range(0) == range(5, 2))
try:
    range(3)[5]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
print(sum(range(1, 1001)), max(range(7)), min(range(3, 9)), sorted(range(3), reverse=True), list(reversed(range(1, 4))))
print(len(range(-5, 5)), range(10**12)[10**11], len(range(0, 10**12, 7)))
o = object()
print(type(o).__name__, isinstance(o, object), isinstance(Thing, type), type(Thing).__name__)
print(issubclass(bool, int), issubclass(int, object), issubclass(Thing, object), issubclass(Thing, (int, Thing)))
print(id(o) == id(o), id(t) != id(o), hash(5) == 5)
