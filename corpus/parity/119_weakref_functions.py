# Weak references to functions: the callback runs when the function dies,
# by refcounting or by the collector (a closure that refers to itself).
# A function defined at module level may be counted per thread and freed
# only by the collector (free-threaded CPython 3.14t defers it, and so does
# ftl's ft-biased), so its death is checked after gc.collect(); a nested
# function is never deferred and dies by refcounting on every runtime.
import weakref, gc

log = []


def make_f():
    def f():
        return 1
    return f


f = make_f()
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


def top():
    return 2


rt = weakref.ref(top, lambda wr: log.append("top gone"))
print(rt() is top, top())
del top
gc.collect()
print(rt(), log)
