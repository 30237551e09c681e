# Multiple inheritance: C3 linearisation, super() through it, __bases__,
# __base__, __mro__, mro(), and CPython's errors for impossible orders.
class A:
    def who(self):
        return ["A"]
    def hello(self):
        return "A.hello"


class B(A):
    def who(self):
        return ["B"] + super().who()


class C(A):
    def who(self):
        return ["C"] + super().who()
    def hello(self):
        return "C.hello"


class D(B, C):
    def who(self):
        return ["D"] + super().who()


print(D().who())
print([k.__name__ for k in D.__mro__])
print([k.__name__ for k in D.mro()])
print(D.__bases__ == (B, C), D.__base__ is B)
print(D().hello())
print(isinstance(D(), C), issubclass(D, A), issubclass(C, B))


class O: pass
class F(O): pass
class E(O): pass
class Dd(O): pass
class Cc(Dd, F): pass
class Bb(Dd, E): pass
class Aa(Bb, Cc, E): pass
print([k.__name__ for k in Aa.__mro__])


class Mixin:
    def describe(self):
        return f"{type(self).__name__}({self.value})"


class Base:
    def __init__(self, value):
        self.value = value


class Thing(Mixin, Base):
    pass


print(Thing(3).describe())


class Left:
    def __init__(self, **kw):
        self.left = kw.pop("left")
        super().__init__(**kw)


class Right:
    def __init__(self, **kw):
        self.right = kw.pop("right")
        super().__init__(**kw)


class Both(Left, Right):
    pass


b = Both(left=1, right=2)
print(b.left, b.right)


def attempt(src):
    try:
        exec(src, {})
    except TypeError as e:
        print("TypeError:", e)


attempt("class X: pass\nclass Y(X): pass\nclass Z(X, Y): pass")
attempt("class X: pass\nclass Z(X, X): pass")
attempt("class P: pass\nclass Q: pass\nclass R(P, Q): pass\nclass S(Q, P): pass\nclass T(R, S): pass")
attempt("class L(list, dict): pass")
attempt("class V(int, Exception): pass")
attempt("class W(bool): pass")
attempt("class W(range): pass")


class MyError(ValueError, KeyError):
    pass


try:
    raise MyError("both")
except KeyError as e:
    print("caught as KeyError:", type(e).__name__, [k.__name__ for k in type(e).__mro__])


class Counter:
    count = 0
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Counter.count += 1


class One(Counter): pass
class Two(One): pass
print(Counter.count)
