# Metaclasses and the class statement's protocol: metaclass=, class keywords,
# __prepare__ with a dict subclass recording definition order, __new__ /
# __init__ / __call__ of the metaclass, __init_subclass__, __set_name__,
# three-argument type(), __class_getitem__, __mro_entries__, metaclass
# methods and properties, and the metaclass conflict.
log = []


class RecordingDict(dict):
    def __setitem__(self, key, value):
        if not key.startswith("__"):
            log.append(key)
        super().__setitem__(key, value)


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        log.append(("prepare", name, sorted(kw)))
        return RecordingDict()

    def __new__(mcls, name, bases, ns, **kw):
        log.append(("new", name, type(ns).__name__))
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.options = kw
        return cls

    def __init__(cls, name, bases, ns, **kw):
        log.append(("init", name))
        super().__init__(name, bases, ns)

    def __call__(cls, *args, **kw):
        log.append(("call", cls.__name__, args))
        return super().__call__(*args, **kw)

    def describe(cls):
        return f"{cls.__name__} with {sorted(cls.options.items())}"

    @property
    def upper_name(cls):
        return cls.__name__.upper()

    def __len__(cls):
        return len(cls.options)

    def __getitem__(cls, key):
        return cls.options[key]

    def __iter__(cls):
        return iter(sorted(cls.options))

    def __repr__(cls):
        return f"<Meta class {cls.__name__}>"


class Widget(metaclass=Meta, color="red", size=3):
    b = 2
    a = 1

    def __init__(self, x):
        self.x = x

    def c(self):
        return self.x


w = Widget(7)
print(log)
print(type(Widget) is Meta, isinstance(Widget, type), Widget.describe(), Widget.upper_name)
print(len(Widget), Widget["color"], list(Widget), repr(Widget), w.c())


class Gadget(Widget, size=5):
    pass


print(type(Gadget).__name__, Gadget.options, Gadget.describe())


class Plugin:
    registry = {}

    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        Plugin.registry[name or cls.__name__] = cls


class Csv(Plugin, name="csv"):
    pass


class Json(Plugin):
    pass


print(sorted(Plugin.registry))


class Field:
    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.name = name


class Record:
    id = Field()
    title = Field()


print(Record.id.owner, Record.id.name, Record.title.name)

Point = type("Point", (), {"x": 0, "norm": lambda self: abs(self.x)})
p = Point()
p.x = -4
print(Point.__name__, Point.__qualname__, Point.__module__, p.norm(), type(Point) is type)
Sub = type("Sub", (Point,), {})
print(Sub.__mro__[1] is Point, Sub().norm())
print(type(5) is int, type("s").__name__)


class Box:
    def __class_getitem__(cls, item):
        return f"Box[{item.__name__}]"


print(Box[int])


class Proxy:
    def __mro_entries__(self, bases):
        return (Base,)


class Base:
    tag = "base"


class Derived(Proxy()):
    pass


print(Derived.__bases__[0] is Base, Derived.tag, Derived.__orig_bases__[0].__class__.__name__)


class M1(type): pass
class M2(type): pass
class X1(metaclass=M1): pass
class X2(metaclass=M2): pass
try:
    class X3(X1, X2): pass
except TypeError as e:
    print("TypeError:", e)

try:
    class NoKw(object, flavor=1):
        pass
except TypeError as e:
    print("TypeError:", e)


class Singleton(type):
    instances = {}

    def __call__(cls, *a):
        if cls not in Singleton.instances:
            Singleton.instances[cls] = super().__call__(*a)
        return Singleton.instances[cls]


class Config(metaclass=Singleton):
    def __init__(self):
        self.loaded = True


print(Config() is Config(), Config().loaded)


class Ordered(type):
    def __new__(mcls, name, bases, ns):
        ns["fields"] = [k for k in ns if not k.startswith("__")]
        return super().__new__(mcls, name, bases, ns)


class Row(metaclass=Ordered):
    z = 1
    y = 2
    x = 3


print(Row.fields)
