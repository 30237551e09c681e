# __len__ __bool__ __getitem__ __setitem__ __delitem__ __contains__ __call__ __getattr__.
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __len__(self):
        return self.w * self.h
    def __getitem__(self, pos):
        x, y = pos
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError("off grid: %r" % (pos,))
        return self.cells.get(pos, ".")
    def __setitem__(self, pos, val):
        print("  set", pos, val)
        self.cells[pos] = val
    def __delitem__(self, pos):
        print("  del", pos)
        del self.cells[pos]
    def __contains__(self, val):
        return val in self.cells.values()
    def __bool__(self):
        return bool(self.cells)
    def render(self):
        return "\n".join("".join(self[x, y] for x in range(self.w)) for y in range(self.h))

g = Grid(4, 3)
print(len(g), bool(g), "#" in g)
g[1, 1] = "#"
g[3, 2] = "@"
print(bool(g), "#" in g, "@" not in g, g[1, 1], g[0, 0])
print(g.render())
del g[1, 1]
print(g.render())
try:
    g[9, 9]
except IndexError as e:
    print("IndexError:", e)
if g:
    print("grid truthy")

class Empty:
    def __len__(self):
        return 0

class Falsy:
    def __bool__(self):
        return False

print(bool(Empty()), bool(Falsy()), not Empty(), len(Empty()), "yes" if Falsy() else "no")
print(Empty() or "fallback", type(Falsy() and "never").__name__)

class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError("Seq index out of range")
        return i * i
    def __iter__(self):
        for i in range(self.n):
            yield self[i]

sq = Seq(6)
print(sq[2], sq[-1], list(sq), len(sq), 16 in sq, 17 in sq, sorted(sq, reverse=True))
try:
    sq[6]
except IndexError as e:
    print("IndexError:", e)

class Polynomial:
    def __init__(self, *coeffs):
        self.coeffs = coeffs
    def __call__(self, x):
        return sum(c * x ** i for i, c in enumerate(self.coeffs))

p = Polynomial(1, 0, 2)
print(p(0), p(3), [p(x) for x in range(-2, 3)], callable(p), callable(Polynomial), callable(3))

class Config:
    defaults = {"color": "red", "size": 10}
    def __init__(self, **kw):
        self.explicit = kw
    def __getattr__(self, name):
        print("  __getattr__", name)
        if name in self.explicit:
            return self.explicit[name]
        if name in Config.defaults:
            return Config.defaults[name]
        raise AttributeError("no setting " + name)

c = Config(size=3)
print(c.size, c.color, c.explicit, getattr(c, "missing", "dflt"), hasattr(c, "nope"))
try:
    c.other
except AttributeError as e:
    print("AttributeError:", e)

class Matrix:
    def __init__(self, rows):
        self.rows = rows
    def __getitem__(self, rc):
        r, c = rc
        return self.rows[r][c]
    def __setitem__(self, rc, v):
        r, c = rc
        self.rows[r][c] = v

m = Matrix([[1, 2], [3, 4]])
m[0, 1] += 10
m[1, 0] *= 2
print(m.rows, m[0, 1])
