# Classes: attributes, methods, class variables, properties, static/class methods.
class Dog:
    species = "canis"
    count = 0

    def __init__(self, name, age=1):
        self.name = name
        self.age = age
        self.tricks = []
        Dog.count += 1

    def add_trick(self, trick):
        self.tricks.append(trick)
        return self

    def describe(self):
        return "%s (%d) knows %s" % (self.name, self.age, ", ".join(self.tricks) or "nothing")

    @staticmethod
    def bark(times):
        return "woof " * times

    @classmethod
    def puppy(cls, name):
        return cls(name, 0)

    @classmethod
    def how_many(cls):
        return cls.count

a = Dog("rex", 3)
b = Dog.puppy("fido")
a.add_trick("sit").add_trick("roll")
print(a.describe(), "|", b.describe())
print(Dog.count, Dog.how_many(), a.how_many(), Dog.bark(2), a.bark(1))
print(a.species, b.species, Dog.species)
a.species = "own"
print(a.species, b.species, Dog.species)
Dog.species = "lupus"
print(a.species, b.species)
del a.species
print(a.species)
print(type(a).__name__, a.__class__.__name__, Dog.__name__, type(a) is Dog, isinstance(b, Dog))
m = a.describe
print(m(), m.__name__)
unbound = Dog.describe
print(unbound(b))

class Temperature:
    def __init__(self, celsius):
        self._c = celsius

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print("AttributeError")

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(1, 2)
p.z = 3
print(p.x, p.y, p.z, hasattr(p, "z"), hasattr(p, "w"), getattr(p, "w", "none"))
setattr(p, "w", 9)
print(p.w)
delattr(p, "w")
print(hasattr(p, "w"))
del p.z
try:
    print(p.z)
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)

class Empty:
    pass

e = Empty()
e.anything = [1]
print(e.anything, isinstance(e, object), type(e).__name__)

class Stack:
    """A stack with a size limit."""
    limit = 3
    def __init__(self):
        self.items = []
    def push(self, x):
        if len(self.items) >= self.limit:
            return False
        self.items.append(x)
        return True

s = Stack()
print([s.push(i) for i in range(5)], s.items)
s.limit = 5
print([s.push(i) for i in range(5)], s.items, Stack.limit)
