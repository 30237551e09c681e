# object.__reduce_ex__ / __reduce__ / __getstate__, BaseException.__reduce__
# and copyreg's constructors: how pickle will take objects apart and
# rebuild them (functions print by name: their addresses differ per run).
import copyreg


class C:
    pass


class D:
    def __init__(self):
        self.a = 1


class R:
    def __reduce__(self):
        return (R, ())


class G:
    def __init__(self, x):
        self.x = x

    def __getnewargs__(self):
        return (self.x,)


class MyErr(ValueError):
    pass


def show(r):
    return tuple(x.__name__ if callable(x) and not isinstance(x, type) else x for x in r)


for obj in [C(), D()]:
    for proto in [0, 1, 2, 4]:
        print(type(obj).__name__, proto, show(obj.__reduce_ex__(proto)))
print(show(D().__reduce__()))
print(D().__getstate__(), C().__getstate__())
print(R().__reduce_ex__(2), R().__reduce__())
g = G(5)
print(show(g.__reduce_ex__(2)))
print(ValueError('a', 1).__reduce_ex__(2), ValueError('a', 1).__reduce__())
e = MyErr('boom')
e.code = 3
print(e.__reduce__())
for bad in [lambda: 0]:
    try:
        bad.__reduce_ex__(2)
    except TypeError as err:
        print('TypeError', err)
# Rebuilding: what the unpickler does with those tuples.
f, args, state, _, _ = D().__reduce_ex__(2)
d = f(*args)
d.__dict__.update(state)
print(type(d).__name__, d.a)
f, args, state = D().__reduce_ex__(1)
d = f(*args)
d.__dict__.update(state)
print(type(d).__name__, d.a)
print(copyreg.__newobj__(C, ).__class__.__name__, copyreg.__newobj_ex__(D, (), {}).__dict__)
cls, eargs, st = e.__reduce__()
e2 = cls(*eargs)
e2.__dict__.update(st)
print(type(e2).__name__, e2.args, e2.code)
