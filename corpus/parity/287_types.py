# types: SimpleNamespace, MappingProxyType, the built-in type names,
# new_class / prepare_class / resolve_bases, DynamicClassAttribute and
# GenericAlias.
import sys
import types
from types import SimpleNamespace, MappingProxyType

# SimpleNamespace
ns = SimpleNamespace(a=1, b="two")
print(ns, ns.a, ns.b, repr(SimpleNamespace()), vars(ns))
ns.c = [3]
del ns.a
print(ns, ns == SimpleNamespace(b="two", c=[3]), ns != SimpleNamespace(), ns == 5)
print(SimpleNamespace(x=1) == SimpleNamespace(x=1), SimpleNamespace(x=1) == SimpleNamespace(x=2))
rec = SimpleNamespace()
rec.me = rec
print(rec)
class Named(SimpleNamespace):
    pass
print(Named(k=1), Named(k=1) == SimpleNamespace(k=1), type(SimpleNamespace).__name__, SimpleNamespace.__name__)
try:
    SimpleNamespace(1)
except TypeError as e:
    print("TypeError:", e)
try:
    hash(ns)
except TypeError:
    print("unhashable")
print(getattr(ns, "zz", "no zz"), hasattr(ns, "b"))

# MappingProxyType
data = {"x": 1, "y": 2}
mp = MappingProxyType(data)
print(mp, mp["x"], len(mp), list(mp), "y" in mp, mp.get("z"), mp.get("z", 0))
print(list(mp.keys()), list(mp.values()), list(mp.items()), mp.copy(), type(mp.copy()).__name__)
data["z"] = 3
print(mp, mp == {"x": 1, "y": 2, "z": 3}, mp | {"w": 0}, {"w": 0} | mp, str(mp))
try:
    mp["x"] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    del mp["x"]
except TypeError as e:
    print("TypeError:", e)
try:
    MappingProxyType([1])
except TypeError as e:
    print("TypeError:", e)
try:
    mp["nope"]
except KeyError as e:
    print("KeyError", e)
print(type(mp).__name__, MappingProxyType.__name__, MappingProxyType(mp)["x"])

# The type names.
def f():
    pass

def g():
    yield

class C:
    def m(self):
        pass

print(isinstance(f, types.FunctionType), isinstance(lambda: 0, types.LambdaType), types.FunctionType is types.LambdaType)
print(isinstance(g(), types.GeneratorType), isinstance(C().m, types.MethodType), isinstance(len, types.BuiltinFunctionType))
print(isinstance([].append, types.BuiltinMethodType), isinstance(sys, types.ModuleType), types.NoneType is type(None))
print(types.NotImplementedType is type(NotImplemented), types.EllipsisType is type(...), isinstance(None, types.NoneType))
print(isinstance(f, types.MethodType), isinstance(C.m, types.FunctionType), isinstance(1, types.FunctionType))
try:
    raise ValueError
except ValueError as exc:
    print(isinstance(exc.__traceback__, types.TracebackType))
print(sorted(types.__all__))

# resolve_bases, prepare_class and new_class
class Entry:
    def __mro_entries__(self, bases):
        return (int, C)

print(types.resolve_bases((C, Entry())), types.resolve_bases((C,)))

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kwds):
        ns = {"prepared_by": mcls.__name__}
        ns.update(kwds)
        return ns

    def __new__(mcls, name, bases, ns, **kwds):
        return super().__new__(mcls, name, bases, ns)

    def __init__(cls, name, bases, ns, **kwds):
        super().__init__(name, bases, ns)

meta, ns2, kw = types.prepare_class("X", (), {"metaclass": Meta, "flag": 1})
print(meta.__name__, ns2, kw)
print(types.prepare_class("Y", (int,)), types.prepare_class("Z"))

def body(ns):
    ns["hello"] = lambda self: "hi from " + type(self).__name__
    ns["value"] = 42

Made = types.new_class("Made", (C,), {}, body)
print(Made.__name__, Made.__bases__, Made().hello(), Made.value, type(Made))
WithMeta = types.new_class("WithMeta", (), {"metaclass": Meta, "extra": "yes"})
print(type(WithMeta).__name__, WithMeta.prepared_by, WithMeta.extra)
Resolved = types.new_class("Resolved", (Entry(),))
print(Resolved.__bases__, Resolved.__orig_bases__[0].__class__.__name__, Resolved(7) + 1)
Plain = types.new_class("Plain")
print(Plain.__bases__, type(Plain))

class OtherMeta(type):
    pass

class Other(metaclass=OtherMeta):
    pass

try:
    types.new_class("Bad", (Other,), {"metaclass": Meta})
except TypeError as e:
    print("TypeError:", e)
try:
    types.resolve_bases((type("E", (), {"__mro_entries__": lambda self, b: [int]})(),))
except TypeError as e:
    print("TypeError:", e)

# DynamicClassAttribute: normal on instances, AttributeError on the class.
class Color:
    def __init__(self, name):
        self._name = name

    @types.DynamicClassAttribute
    def name(self):
        "The color's name."
        return self._name

print(Color("red").name, Color.__dict__["name"].__doc__)
try:
    Color.name
except AttributeError:
    print("AttributeError through the class")

# GenericAlias
ga = types.GenericAlias(dict, (str, int))
print(ga, ga.__origin__, ga.__args__, ga.__parameters__, ga == types.GenericAlias(dict, (str, int)))
print(ga(a=1), types.GenericAlias(tuple, ()), types.GenericAlias(list, int), hash(ga) == hash(types.GenericAlias(dict, (str, int))))
class Box(types.GenericAlias(list, int)):
    pass
print(Box.__bases__, types.GenericAlias(C, C))
try:
    types.GenericAlias(list, int)[str]
except TypeError as e:
    print("TypeError:", e)
