# abc: ABCMeta, ABC, abstract methods, register, __subclasshook__, the
# caches and their token, update_abstractmethods.
import abc
from abc import ABC, ABCMeta, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self):
        return 0

    @abstractmethod
    def perimeter(self):
        pass

    def describe(self):
        return "%s with area %s" % (type(self).__name__, self.area())


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2


class RealSquare(Square):
    def perimeter(self):
        return 4 * self.side

    def area(self):
        return super().area() + Shape.area(self)


print(type(Shape), type(Square), isinstance(Shape, ABCMeta), Shape.__mro__ == (Shape, ABC, object))
print(sorted(Shape.__abstractmethods__), sorted(Square.__abstractmethods__), sorted(RealSquare.__abstractmethods__))
for cls, args in ((Shape, ()), (Square, (2,))):
    try:
        cls(*args)
    except TypeError as e:
        print("TypeError:", e)
rs = RealSquare(3)
print(rs.describe(), rs.perimeter(), isinstance(rs, Shape), issubclass(RealSquare, ABC))
print(ABC.__abstractmethods__, type(ABC.__abstractmethods__).__name__, ABC.__slots__)


# A metaclass keyword instead of ABC; keyword arguments reach __init_subclass__.
class Base(metaclass=ABCMeta):
    def __init_subclass__(cls, /, tag=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.tag = tag

    @abstractmethod
    def run(self):
        ...


class Job(Base, tag="job"):
    def run(self):
        return "running"


print(Job().run(), Job.tag, type(Job).__name__)


# register: virtual subclasses, as a decorator too.
class Drawable(ABC):
    @abstractmethod
    def draw(self):
        pass


@Drawable.register
class Sprite:
    pass


class Ghost(Sprite):
    pass


print(Drawable.register(int) is int, issubclass(int, Drawable), isinstance(5, Drawable), issubclass(bool, Drawable))
print(issubclass(Sprite, Drawable), isinstance(Ghost(), Drawable), issubclass(str, Drawable), Sprite.__mro__ == (Sprite, object))
print(Drawable.register(Sprite) is Sprite)


class Tool(Drawable):
    def draw(self):
        return "drawn"


print(Drawable.register(Tool) is Tool, issubclass(Tool, Drawable))
try:
    Tool.register(Drawable)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    Drawable.register(5)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(5, Drawable)
except TypeError as e:
    print("TypeError:", e)


# Registration through an intermediate ABC.
class Animal(ABC):
    pass


class Pet(Animal):
    pass


class Dog:
    pass


Pet.register(Dog)
print(issubclass(Dog, Pet), issubclass(Dog, Animal), isinstance(Dog(), Animal))


# The cache token changes with each registration.
token = abc.get_cache_token()


class Late:
    pass


print(issubclass(Late, Animal))
Animal.register(Late)
print(abc.get_cache_token() != token, issubclass(Late, Animal), abc.get_cache_token() == abc.get_cache_token())


# __subclasshook__ decides structurally.
class Closeable(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Closeable:
            return any("close" in B.__dict__ for B in C.__mro__)
        return NotImplemented


class File:
    def close(self):
        pass


class Pipe(File):
    pass


class Stone:
    pass


class Special(Closeable):
    pass


print(issubclass(File, Closeable), isinstance(Pipe(), Closeable), issubclass(Stone, Closeable))
Closeable.register(Stone)  # the hook says False: registration does not override it
print(issubclass(Stone, Closeable), issubclass(Special, Closeable), issubclass(File, Special))


class BadHook(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 1


try:
    issubclass(int, BadHook)
except AssertionError as e:
    print("AssertionError:", e)


# update_abstractmethods after filling in a method.
class Partial(ABC):
    @abstractmethod
    def one(self):
        pass

    @abstractmethod
    def two(self):
        pass


class Filled(Partial):
    def one(self):
        return 1


print(sorted(Filled.__abstractmethods__))
Filled.two = lambda self: 2
print(sorted(Filled.__abstractmethods__))
print(abc.update_abstractmethods(Filled) is Filled, sorted(Filled.__abstractmethods__), Filled().two())


class NotAbc:
    pass


print(abc.update_abstractmethods(NotAbc) is NotAbc, hasattr(NotAbc, "__abstractmethods__"))


def m(self):
    pass


print(abstractmethod(m) is m, m.__isabstractmethod__)

# The debugging helpers.
class Reg(ABC):
    pass


Reg.register(float)
print(issubclass(float, Reg), issubclass(str, Reg))
Reg._abc_caches_clear()
print(issubclass(float, Reg))
Reg._abc_registry_clear()
Reg._abc_caches_clear()
print(issubclass(float, Reg))
