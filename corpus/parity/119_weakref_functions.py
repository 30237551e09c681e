# Weak references to functions: the callback runs when the function dies,
# by refcounting or by the collector (a closure that refers to itself).
import weakref, gc

log = []


def f():
    return 1


r = weakref.ref(f, lambda wr: log.append("f gone"))
print(r() is f, weakref.getweakrefcount(f))
del f
print(r(), log)


def make():
    def inner():
        return inner
    return inner


g = make()
rg = weakref.ref(g, lambda wr: log.append("inner gone"))
del g
print(rg() is not None)
gc.collect()
print(rg(), log)
