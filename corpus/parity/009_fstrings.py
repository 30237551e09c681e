# f-strings: conversions, format specs, nested specs, the = specifier.
name = "Ada"
n = 42
pi = 3.14159265
neg = -7
items = [1, "two", 3.0]

class P:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"P({self.x!r})"
    def __str__(self):
        return f"<P {self.x}>"

p = P("q")
print(f"hello {name}", f"{n}", f"{n + 1}", f"{n * 2 = }", f"{name=}", f"{pi=:.2f}")
print(f"{name!r} {name!s} {ascii('é')} {p} {p!r} {p!s}")
print(f"{items} {items!r} {items[1]} {items[-1]:.2f}")
print(f"[{n:5}] [{n:<5}] [{n:^5}] [{n:>5}] [{n:05}] [{n:+}] [{neg:+}] [{n: }] [{neg: }]")
print(f"[{name:10}] [{name:>10}] [{name:^10}] [{name:*^10}] [{name:.2}] [{name:-<6}]")
print(f"[{pi:.3f}] [{pi:10.4f}] [{pi:<10.2f}] [{pi:e}] [{pi:.2e}] [{pi:g}] [{pi:%}] [{pi:.1%}]")
print(f"[{n:x}] [{n:X}] [{n:o}] [{n:b}] [{n:#x}] [{n:#o}] [{n:#b}] [{255:08b}] [{n:c}]")
print(f"[{1234567:,}] [{1234567:_}] [{1234567.891:,.2f}] [{-1234:,}] [{0xdeadbeef:_x}]")
w, prec = 12, 3
print(f"[{pi:{w}.{prec}f}] [{name:>{w}}] [{n:{'0'}{w}}] [{pi:{'<' if n else '>'}{w}.{prec}}]")
print(f"{'nested ' + f'{n:03}'}", f"{{literal braces}}", f"{{{n}}}")
print(f"{n if n > 40 else 0}", f"{[x * 2 for x in range(3)]}", f"{ {'k': 1}['k'] }")
print(f"{n!r:>6}", f"{name!r:^9}", f"{p!s:>8}", f"{p!r:<8}|")
d = {"a": 1, "b": [1, 2]}
print(f"{d['a']} {d['b'][1]} {len(d)} {d}")
x = 3.0
print(f"{x} {x:.0f} {2.5:.0f} {3.5:.0f} {-0.0} {1e20} {1e-7} {x:g} {1e20:g} {1e-7:g}")
print(f"{True} {None} {True:d} {False:>6}")
print(f"{'left':<8}|{'right':>8}|{'mid':^8}|")
for i in range(1, 4):
    print(f"{i:>2}. {'*' * i:<3} {i ** 3:>4} {1 / i:.3f}")
print(f"{n:=+8}", f"{neg:=8}", f"{neg:08}", f"{pi:+.2f}", f"{-pi:.2f}")
print(f"{'multi'}" f"{'part'}" "plain", f"a{1}b{2}c")
print(f"{n:,d} {10**9:,} {n!s:>5}")
print(f"{12.5:g} {0.0001:g} {123456789.0:g} {1.0:g} {100:g} {1e6:g} {1e-5:.3g}")
val = 0.000123456
print(f"{val:.3e} {val:.3g} {val:12.4e}| {val * 1e10:.3g}")
print(f"{'x'!r:5}|{3.75!r}|{[1, 'a']!s}")
