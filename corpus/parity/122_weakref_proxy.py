# weakref.proxy (attributes, operators, calls, ReferenceError once dead, the
# callback given the proxy), __weakref__, and a class's own __setattr__ /
# __delattr__ with object.__setattr__ / object.__delattr__ underneath.
import weakref
class Node:
    def __init__(self, v):
        self.v = v
        self.items = [1, 2, 3]
    def double(self):
        return self.v * 2
    def __len__(self):
        return len(self.items)
    def __iter__(self):
        return iter(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __add__(self, o):
        return self.v + o
    def __eq__(self, o):
        return isinstance(o, Node) and o.v == self.v
    def __str__(self):
        return "Node(%d)" % self.v
n = Node(5)
p = weakref.proxy(n)
print(p.v, p.double(), len(p), list(p), p[1], p + 1, str(p), p == Node(5), bool(p))
p.w = 9
print(n.w)
del p.w
print(hasattr(n, "w"))
print(type(p).__name__, isinstance(p, weakref.ProxyType), isinstance(p, weakref.ProxyTypes))
print(repr(p).startswith("<weakproxy at 0x"), "to Node at" in repr(p))
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)
print(weakref.getweakrefcount(n))
def f(x):
    return x * 3
cp = weakref.proxy(f)
print(type(cp).__name__, cp(4))
died = []
q = weakref.proxy(n, lambda pr: died.append(type(pr).__name__))
del n
print(died)
try:
    p.v
except ReferenceError as e:
    print("ReferenceError:", e)
try:
    len(q)
except ReferenceError as e:
    print("ReferenceError:", e)
class Plain:
    pass
o = Plain()
print(o.__weakref__ is None if hasattr(o, "__weakref__") else "no __weakref__")
r1 = weakref.ref(o, lambda r: None)
print(o.__weakref__ is r1)
r0 = weakref.ref(o)
print(o.__weakref__ is r0, o.__weakref__ is weakref.ref(o))
class Q:
    def __init__(self):
        self.log = []
    def __setattr__(self, k, v):
        object.__setattr__(self, k, v)
        if k != "log":
            self.log.append(k)
    def __delattr__(self, k):
        self.log.append("-" + k)
        object.__delattr__(self, k)
q = Q()
q.a = 1
q.b = 2
del q.a
print(q.log, q.b, hasattr(q, "a"))
