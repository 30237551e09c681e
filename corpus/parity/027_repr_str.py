# __repr__ and __str__ used by print, str, repr, f-strings, %-format and containers.
class Both:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "Both(%r)" % (self.v,)
    def __str__(self):
        return "both:" + str(self.v)

class ReprOnly:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "ReprOnly<" + repr(self.v) + ">"

class StrOnly:
    def __str__(self):
        return "just str"

b = Both("x")
r = ReprOnly([1, "a"])
s = StrOnly()
print(b, r, s)
print(str(b), repr(b), str(r), repr(r), str(s))
print([b, r], (b,), {"k": b}, {1: r})
print(f"{b} {b!r} {r} {r!r} {s}")
print("%s %r %s" % (b, b, r))
print("{} {!r} {}".format(b, b, r))
print(format(b), "[" + str(b) + "]", [str(b)], [repr(b)])
nested = [[b, [r]], {"deep": (b, r)}]
print(nested)
print(repr(nested))

class Node:
    def __init__(self, val, children=None):
        self.val = val
        self.children = children or []
    def __repr__(self):
        if self.children:
            return "Node(%r, %r)" % (self.val, self.children)
        return "Node(%r)" % (self.val,)

tree = Node(1, [Node(2), Node(3, [Node(4)])])
print(tree)
print([tree.children[1]])

class Money:
    def __init__(self, cents):
        self.cents = cents
    def __str__(self):
        return "$%d.%02d" % divmod(self.cents, 100)
    def __repr__(self):
        return "Money(%d)" % self.cents

wallet = [Money(150), Money(99), Money(10000)]
print(wallet)
for m in wallet:
    print(m, "|", repr(m), "|", f"{str(m):>10}")
print(", ".join(str(m) for m in wallet))
print(", ".join(map(repr, wallet)))

class Quoted:
    def __repr__(self):
        return "Q'uote\"d"

print(Quoted(), [Quoted()], str(Quoted()))

class Sub(Both):
    pass

print(Sub(5), repr(Sub(5)), [Sub(6)])

class StrReturnsRepr:
    def __repr__(self):
        return "R"
    def __str__(self):
        return repr(self) + "S"

print(StrReturnsRepr(), [StrReturnsRepr()], f"{StrReturnsRepr()!s}")
print(str(None), repr(None), str(True), repr("s"), str("s"), repr(1.0), str([None, "s", 1.0]))
print(str(Both).startswith("<class"), repr(Both) == "<class '__main__.Both'>")
print(type(b), type(1), type("s"), type([]), type(None), type(b).__name__)
try:
    class BadRepr:
        def __repr__(self):
            return 42
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
