# str.format: positional, indexed, keyword, attribute/index fields, specs.
print("{} {} {}".format(1, "b", 3.5))
print("{0} {1} {0} {2}".format("x", "y", "z"))
print("{a}-{b}-{a}".format(a=1, b=2), "{0}{k}".format("pos", k="kw"))
print("{{}} {{{}}}".format("in"), "{}".format([1, 2]), "{!r} {!s}".format("q", "q"))

class Pt:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __str__(self):
        return "Pt(%d, %d)" % (self.x, self.y)
    def __repr__(self):
        return "Pt<%r,%r>" % (self.x, self.y)

p = Pt(3, 4)
print("{0.x} {0.y} {p.x}".format(p, p=p), "{}".format(p), "{!r}".format(p))
lst = [10, 20, 30]
d = {"k": "v", "n": 5}
print("{0[0]} {0[2]} {1[k]} {1[n]}".format(lst, d), "{l[1]}".format(l=lst))
print("{:>8}|{:<8}|{:^8}|{:*^8}|{:08.3f}|{:+d}".format("r", "l", "c", "s", 3.14159, 5))
print("{0:x} {0:o} {0:b} {0:#X} {0:,}".format(123456))
print("{:.2%} {:.3e} {:g} {:.4g}".format(0.4567, 123456.0, 0.00001, 3.14159265))
print("{:{}}|{:{}.{}f}|{:>{w}}".format("ab", 5, 3.14159, 8, 2, "x", w=4))
print("{0!r:>10}|{1!s:<6}|".format("hi", 7))
print("{:d} {:5d} {:<5d}| {:^7d}|".format(1, 22, 333, -4))
print("{:c}{:c}".format(80, 121), "{:%}".format(0.5), "{:.0%}".format(0.125))
print("{:,.2f} {:_d} {:,}".format(9876543.21, 10 ** 8, -5000))
print("{:s} {}".format("str", None), "{:>6}".format(True), "{}".format(True))
print("{:n}".format(1234), "{:e}".format(0), "{:f}".format(1e20), "{:.1f}".format(0.05))
tmpl = "{name:<10} {score:>5.1f} {grade}"
for name, score in [("ann", 91.25), ("bob", 78.5), ("cy", 100.0)]:
    grade = "A" if score >= 90 else "C"
    print(tmpl.format(name=name, score=score, grade=grade))
print("{0}{0}{0}".format("ab"), "".join("{}".format(i) for i in range(4)))
kw = {"first": "A", "last": "B"}
print("{first}.{last}".format(**kw), "{}-{}".format(*["x", "y"]))
print("{:=+8d}|{:=8.2f}|{:0=6}|".format(42, -1.5, -3))
print("{:#b} {:#o} {:#x} {:#08x}".format(5, 5, 255, 255))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{missing}".format(present=1)
except KeyError as e:
    print("KeyError:", e)
print("nested {0[1][0]} {1[a][1]}".format([0, [7, 8]], {"a": "xyz"}))
