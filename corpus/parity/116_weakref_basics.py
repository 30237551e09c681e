# weakref.ref: identity, callbacks (not for a weakref dropped first),
# hash and equality through the referent, and the collector clearing
# weakrefs to garbage before any finalizer runs.
import weakref, gc

class A:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "A(%s)" % self.name

a = A("a")
r = weakref.ref(a)
print(r() is a, weakref.getweakrefcount(a), weakref.getweakrefs(a) == [r])
print(weakref.ref(a) is r)
print(type(r).__name__, isinstance(r, weakref.ref))
log = []
r2 = weakref.ref(a, lambda wr: log.append(("cb", wr is r2, wr())))
print(weakref.getweakrefcount(a))
print(r == weakref.ref(a), r == r2, hash(r) == hash(a))
del a
print(r(), r2(), log)
print(repr(r).endswith("; dead>"))

# weakref dropped before the referent: no callback
b = A("b")
tmp = weakref.ref(b, lambda wr: log.append("never"))
del tmp
print(weakref.getweakrefcount(b))
del b
print(log[-1] != "never")

# the collector clears weakrefs to garbage before finalizers
order = []
class D:
    def __del__(self):
        order.append(("del", keep() is None))
c = D(); c.me = c
keep = weakref.ref(c, lambda wr: order.append(("cb", wr() is None)))
del c
gc.collect()
print(order)

try:
    weakref.ref(1)
except TypeError as e:
    print("TypeError:", e)

