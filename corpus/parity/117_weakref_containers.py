# WeakValueDictionary, WeakKeyDictionary, WeakSet and finalize drop what
# dies.
import weakref


class A:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "A(%s)" % self.name


d = weakref.WeakValueDictionary()
x = A("x"); y = A("y")
d["x"] = x; d["y"] = y
print(len(d), sorted(d.keys()), d["x"] is x)
del x
print(len(d), sorted(d.keys()), "x" in d, d.get("x"))
k = weakref.WeakKeyDictionary()
k[y] = 1
print(len(k), k[y], y in k)
ws = weakref.WeakSet()
z = A("z"); ws.add(z); ws.add(y)
print(len(ws), z in ws)
del z
print(len(ws))
calls = []
f = weakref.finalize(y, calls.append, "done")
print(f.alive)
del y
print(calls, f.alive, len(k), len(ws))
