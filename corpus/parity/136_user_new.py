# A class's own __new__ runs when it is called (CPython's type_call): the
# result's __init__ runs only when it is an instance; exceptions through
# BaseException.__new__, whose args BaseException.__init__ then resets.
class E(Exception):
    def __new__(cls, *a):
        self = super().__new__(cls, *a)
        self.tag = 'new'
        return self
e = E(1, 2)
print(e.args, e.tag, repr(e), isinstance(e, Exception))
class F(ValueError):
    def __new__(cls, msg):
        return ValueError.__new__(cls, msg.upper())
print(F('x').args)
try:
    raise E('boom')
except E as x:
    print('caught', x, x.tag)
for bad in [lambda: BaseException.__new__(), lambda: BaseException.__new__(int), lambda: BaseException.__new__(3)]:
    try:
        bad()
    except TypeError as e:
        print(e)
import pickle
print(pickle.loads(pickle.dumps(E('p'))).args)


class Point:
    def __new__(cls, x, y):
        self = object.__new__(cls)
        self.made_by_new = True
        return self

    def __init__(self, x, y):
        self.x, self.y = x, y


p = Point(1, 2)
print(p.made_by_new, p.x, p.y)


class Singleton:
    _one = None

    def __new__(cls):
        if cls._one is None:
            cls._one = object.__new__(cls)
        return cls._one


print(Singleton() is Singleton())


class NotMine:
    def __new__(cls):
        return 42

    def __init__(self):
        print('never printed')


print(NotMine())


class Child(Point):
    pass


c = Child(3, 4)
print(type(c).__name__, c.made_by_new, c.x)
