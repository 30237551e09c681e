"""__slots__ (member descriptors, no __dict__, copy/pickle of slotted objects) and private name mangling."""
class P:
    __slots__ = ("x", "y", "__priv")
    def __init__(self, x, y):
        self.x = x; self.y = y; self.__priv = 3
    def priv(self): return self.__priv
p = P(1, 2)
print(p.x, p.y, P.x, hasattr(p, "__dict__"), P.__slots__)
try:
    p.z = 3
except AttributeError as e: print("AttributeError", e)
del p.x
try:
    p.x
except AttributeError as e: print("AttributeError", e)
try:
    vars(p)
except TypeError as e: print("TypeError", e)
class Q(P):
    pass
q = Q(1, 2); q.z = 5; print(q.z, sorted(q.__dict__))
class R(P):
    __slots__ = ("w",)
r = R(1, 2)
try:
    r.k = 1
except AttributeError as e: print("AttributeError", e)
class D:
    __slots__ = ("a", "__dict__")
d = D(); d.a = 1; d.b = 2; print(d.a, d.b)
try:
    class Bad:
        __slots__ = ("a",)
        a = 1
except ValueError as e: print("ValueError", e)
try:
    class Bad2:
        __slots__ = (1,)
except TypeError as e: print("TypeError", e)
class G:
    __slots__ = ("v",)
    def __getattr__(self, n): return "fallback " + n
print(G().v, G().other)
import copy, pickle
class S:
    __slots__ = ("a", "b")
    def __init__(self): self.a = 1; self.b = [2]
s2 = copy.copy(S()); print(s2.a, s2.b)
s3 = copy.deepcopy(S()); print(s3.a, s3.b)
s4 = pickle.loads(pickle.dumps(S())); print(s4.a, s4.b)
print(S().__getstate__())
class A:
    __secret = 1
    def __init__(self, __v=5):
        self.__x = __v
        __local = 2
        self.l = __local
    def get(self): return self.__x, self.__secret, A.__secret, self.l
    def __dunder__(self): return "d"
a = A()
print(a.get(), a._A__x, a._A__secret, sorted(vars(a)), a.__dunder__())
class _B:
    def m(self):
        self.__p = 1
        return self.__p
print(_B().m(), vars(_B()) if False else sorted(vars((lambda b: (b.m(), b)[1])(_B()))))
class C(A):
    def get2(self):
        try:
            return self.__x
        except AttributeError as e:
            return str(e)
print(C().get2())
def outside():
    class D:
        def f(self):
            __q = 7
            return [__q for _ in range(1)]
    return D().f()
print(outside())
import dataclasses
@dataclasses.dataclass(slots=True, frozen=True)
class Pt:
    x: int
    y: int = 0
print(Pt(1), Pt.__slots__, hasattr(Pt(1), "__dict__"))
try:
    Pt(1).x = 5
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError", e)
