# The descriptor protocol: __get__/__set__/__delete__ written in Python,
# data descriptors over the instance dict, non-data descriptors under it,
# __set_name__, access through the class, the built-in descriptors'
# __get__, and a metaclass's __setattr__/__getattr__.
class Typed:
    def __init__(self, kind):
        self.kind = kind

    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return getattr(obj, self.name)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}")
        setattr(obj, self.name, value)

    def __delete__(self, obj):
        print("deleting", self.name)
        delattr(obj, self.name)


class Lazy:
    def __init__(self, func):
        self.func = func

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.func.__name__] = value
        return value


class Point:
    x = Typed(int)
    y = Typed(int)

    def __init__(self, x, y):
        self.x = x
        self.y = y

    @Lazy
    def norm2(self):
        print("computing")
        return self.x ** 2 + self.y ** 2


p = Point(3, 4)
print(p.x, p.y, sorted(vars(p)), type(Point.x).__name__)
print(p.norm2, p.norm2, "norm2" in vars(p))
try:
    p.x = "no"
except TypeError as e:
    print("TypeError:", e)
p.__dict__["x"] = 99
print(p.x)
del p.y
print(hasattr(p, "_y"))


class Verbose:
    def __get__(self, obj, owner):
        return ("get", obj is None, owner.__name__)


class Holder:
    v = Verbose()


print(Holder.v, Holder().v)


def plain(self, a):
    return (self, a)


bound = plain.__get__(10, int)
print(bound(5), plain.__get__(None, int) is plain)
cm = classmethod(lambda cls, n: (cls.__name__, n))
print(cm.__get__(None, Holder)(1), cm.__get__(Holder())(2))
sm = staticmethod(len)
print(sm.__get__(None, Holder)("abc"), sm.__func__ is len)
prop = property(lambda self: "prop of " + type(self).__name__)
print(prop.__get__(Holder()), prop.__get__(None, Holder) is prop)


class Strict(type):
    def __setattr__(cls, name, value):
        if name.startswith("_"):
            raise AttributeError(f"cannot set {name}")
        super().__setattr__(name, value)

    def __getattr__(cls, name):
        return f"<missing {name}>"


class Config(metaclass=Strict):
    debug = False


Config.debug = True
print(Config.debug, Config.anything)
try:
    Config._secret = 1
except AttributeError as e:
    print("AttributeError:", e)
