# Operator overloading: arithmetic, reflected, in-place, unary, bitwise.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        return Vec(self.x + o, self.y + o)
    def __radd__(self, o):
        print("  radd with", o)
        return self + o
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __rsub__(self, o):
        return Vec(o - self.x, o - self.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return Vec(k * self.x, k * self.y)
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __pos__(self):
        return Vec(+self.x, +self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, o):
        return isinstance(o, Vec) and self.x == o.x and self.y == o.y

v = Vec(3, 4)
w = Vec(1, -2)
print(v + w, v - w, v * 2, 2 * v, v / 2, v // 2, v % 3, v ** 2, -v, +v, abs(v))
print(v + 10, 10 - v)
print(sum([v, w, Vec(0, 1)], Vec(0, 0)))
print(sum([v, w]))
print(v == Vec(3, 4), v != Vec(3, 4), v == 5, v != "x")
class Plain:
    pass

try:
    Plain() + 1
except TypeError as e:
    print("TypeError:", e)
try:
    2 * Plain()
except TypeError as e:
    print("TypeError:", e)
try:
    -Plain()
except TypeError as e:
    print("TypeError:", e)

class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, other):
        print("  iadd", other)
        self.items.append(other)
        return self
    def __isub__(self, other):
        self.items.remove(other)
        return self
    def __imul__(self, n):
        self.items = self.items * n
        return self
    def __repr__(self):
        return "Acc%r" % (self.items,)

a = Acc()
alias = a
a += 1
a += 2
a -= 1
a *= 3
print(a, alias is a)
u = Vec(1, 1)
u_alias = u
u += Vec(1, 1)
print(u, u_alias, u is u_alias)
u *= 5
u -= Vec(1, 0)
u /= 2
u //= 1
u **= 2
u %= 7
print(u)

class Bits:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return "Bits(%s)" % bin(self.n)
    def __and__(self, o):
        return Bits(self.n & o.n)
    def __or__(self, o):
        return Bits(self.n | o.n)
    def __xor__(self, o):
        return Bits(self.n ^ o.n)
    def __lshift__(self, k):
        return Bits(self.n << k)
    def __rshift__(self, k):
        return Bits(self.n >> k)
    def __invert__(self):
        return Bits(~self.n & 0xF)

p, q = Bits(0b1100), Bits(0b1010)
print(p & q, p | q, p ^ q, p << 2, p >> 2, ~p)
p |= Bits(1)
p &= Bits(0b111)
p ^= Bits(0b10)
p <<= 3
p >>= 1
print(p)

class Frac:
    def __init__(self, n, d=1):
        g = self._gcd(abs(n), abs(d)) or 1
        if d < 0:
            n, d = -n, -d
        self.n, self.d = n // g, d // g
    @staticmethod
    def _gcd(a, b):
        while b:
            a, b = b, a % b
        return a
    def __add__(self, o):
        o = o if isinstance(o, Frac) else Frac(o)
        return Frac(self.n * o.d + o.n * self.d, self.d * o.d)
    __radd__ = __add__
    def __mul__(self, o):
        o = o if isinstance(o, Frac) else Frac(o)
        return Frac(self.n * o.n, self.d * o.d)
    def __repr__(self):
        return "%d/%d" % (self.n, self.d)

h = Frac(1, 2) + Frac(1, 3)
print(h, h * 6, 1 + Frac(1, 4), Frac(3, -9), sum([Frac(1, k) for k in range(1, 7)]))
