# object.__new__: a bare instance without __init__ (what pickle and copy
# use to rebuild objects), and CPython's TypeErrors for what it cannot make.
class C:
    pass


class D:
    def __init__(self, a):
        self.a = a


class E(ValueError):
    pass


for args in [(C,), (D, 1), (C, 1), (int,), (list,), (E,), (ValueError,), (3,), ()]:
    try:
        o = object.__new__(*args)
        print(type(o).__name__, o.__dict__)
    except TypeError as e:
        print('TypeError', e)
o = C.__new__(C)
print(type(o).__name__, isinstance(o, C))
d = D.__new__(D)
print(d.__dict__, hasattr(d, 'a'))
d.__dict__.update({'a': 7})
print(d.a)
print(hasattr(C, '__new__'), C.__new__ is object.__new__)
