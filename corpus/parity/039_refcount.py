# sys.getrefcount in simple, well-defined situations.
import sys

a = []
b = a
print(sys.getrefcount(a))
del b
print(sys.getrefcount(a))

class Obj:
    pass

o = Obj()
print(sys.getrefcount(o))
o2 = o
o3 = o
print(sys.getrefcount(o))
del o2, o3
print(sys.getrefcount(o))
holder = [o, o, o]
print(sys.getrefcount(o))
holder.pop()
print(sys.getrefcount(o))
holder.clear()
print(sys.getrefcount(o))
d = {"k": o}
print(sys.getrefcount(o))
d["j"] = o
print(sys.getrefcount(o))
del d
print(sys.getrefcount(o))

def in_function():
    local = Obj()
    return sys.getrefcount(local)

print(in_function())

fresh = [1, 2, 3]
print(sys.getrefcount(fresh))
t = (fresh, fresh)
print(sys.getrefcount(fresh))
del t
print(sys.getrefcount(fresh))
p = Obj()
p.attr = fresh
print(sys.getrefcount(fresh))
p.attr = None
print(sys.getrefcount(fresh))
nested = [[fresh]]
print(sys.getrefcount(fresh))
nested = None
print(sys.getrefcount(fresh))
big = {}
for i in range(5):
    big[i] = fresh
print(sys.getrefcount(fresh))
big.clear()
print(sys.getrefcount(fresh))
s = Obj()
objs = [s] * 4
print(sys.getrefcount(s))
objs = objs + objs
print(sys.getrefcount(s))
objs = []
print(sys.getrefcount(s))
