# Single inheritance, super(), overriding, isinstance/issubclass, class names.
class Animal:
    kind = "animal"

    def __init__(self, name):
        self.name = name
        print("Animal.__init__", name)

    def speak(self):
        return "..."

    def intro(self):
        return "%s the %s says %s" % (self.name, self.kind, self.speak())

class Dog(Animal):
    kind = "dog"

    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
        print("Dog.__init__", breed)

    def speak(self):
        return "woof"

class Puppy(Dog):
    def speak(self):
        return super().speak() + " (squeaky)"

    def intro(self):
        base = super().intro()
        return base + "!"

class Cat(Animal):
    kind = "cat"
    def speak(self):
        return "meow"

animals = [Animal("generic"), Dog("rex", "lab"), Puppy("bit", "pug"), Cat("tom")]
for a in animals:
    print(a.intro())
p = animals[2]
print(isinstance(p, Puppy), isinstance(p, Dog), isinstance(p, Animal), isinstance(p, Cat), isinstance(p, object))
print(issubclass(Puppy, Animal), issubclass(Cat, Dog), issubclass(Dog, Dog), issubclass(bool, int))
print(isinstance(p, (Cat, Dog)), isinstance(3, (str, float)), issubclass(Puppy, (Cat, Dog)))
print(type(p).__name__, p.__class__.__name__, Puppy.__name__, type(p) is Dog, type(p) == Puppy)
print(p.breed, p.name, p.kind, Puppy.kind)

class Base:
    def __init__(self):
        self.log = ["Base"]
    def hook(self):
        return "base hook"
    def run(self):
        return self.hook()

class Mid(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Mid")

class Leaf(Mid):
    def __init__(self):
        super().__init__()
        self.log.append("Leaf")
    def hook(self):
        return "leaf hook"

leaf = Leaf()
print(leaf.log, leaf.run(), Mid().run())

class Shape:
    def area(self):
        raise NotImplementedError("subclass must implement area")
    def describe(self):
        return "%s with area %.2f" % (type(self).__name__, self.area())

class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h

class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)

class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2

for s in [Rect(2, 3), Square(4), Circle(1)]:
    print(s.describe())
try:
    Shape().describe()
except NotImplementedError as e:
    print("NotImplementedError:", e)

class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1

class SubCounter(Counter):
    pass

SubCounter()
SubCounter()
Counter()
print(Counter.instances, SubCounter.instances)
