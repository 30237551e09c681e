# Weak references to the built-in types CPython lets one weakly reference
# (sets, bound methods, built-in functions, modules, generators, besides
# instances, functions and classes): the referent is returned while it
# lives, the callback runs when it dies by refcounting or in a collected
# cycle, and the types that cannot be weakly referenced raise TypeError.
import gc
import weakref

died = []


def note(name):
    return lambda r: died.append(name)


class Holder:
    def method(self):
        return "called"


s = {1, 2}
rs = weakref.ref(s, note("set"))
print("set:", rs() is s, weakref.getweakrefcount(s))
del s
print("after del:", rs(), died)

h = Holder()
m = h.method
rm = weakref.ref(m, note("bound method"))
print("bound method:", rm()(), rm() is m)
del m
print("after del:", rm(), died[-1])

b = [].append
rb = weakref.ref(b, note("builtin"))
print("builtin:", rb() is b)
del b
print("after del:", rb(), died[-1])


def gen():
    yield 1


g = gen()
rg = weakref.ref(g, note("generator"))
print("generator:", next(rg()))
del g
print("after del:", rg(), died[-1])

rmod = weakref.ref(gc)
print("module:", rmod() is gc, rmod().__name__)

# A set in a cycle with an instance: the callback runs when the collector
# frees it.
gc.collect()
cyc = set()
h.s = cyc
cyc.add(h)
rc = weakref.ref(cyc, note("set in a cycle"))
del cyc, h
print("before the collection:", rc() is not None)
gc.collect()
print("after the collection:", rc(), died[-1])

# A WeakSet of generators and a WeakValueDictionary of methods.
ws = weakref.WeakSet()
keep = gen()
ws.add(keep)
ws.add(gen())
print("WeakSet of generators:", len(ws), keep in ws)
wv = weakref.WeakValueDictionary()
h2 = Holder()
bm = h2.method
wv["m"] = bm
print("WeakValueDictionary of a method:", wv["m"]())
del bm
print("after del:", "m" in wv)

for obj in [1, "s", (1,), [], {}, None, 1.5, b"x"]:
    try:
        weakref.ref(obj)
    except TypeError as e:
        print(e)
