# Comparison operators, __eq__/__hash__ objects in dicts and sets, sorting custom objects.
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __repr__(self):
        return "V" + ".".join(str(p) for p in self.parts)
    def __eq__(self, o):
        return isinstance(o, Version) and self.parts == o.parts
    def __ne__(self, o):
        return not self == o
    def __lt__(self, o):
        return self.parts < o.parts
    def __le__(self, o):
        return self.parts <= o.parts
    def __gt__(self, o):
        return self.parts > o.parts
    def __ge__(self, o):
        return self.parts >= o.parts
    def __hash__(self):
        return hash(self.parts)

vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "0.9", "1.2"]]
print(sorted(vs), max(vs), min(vs))
a, b = Version("1.2"), Version("1.10")
print(a < b, a <= b, a > b, a >= b, a == b, a != b, a == Version("1.2"), a != Version("1.2"))
print(Version("1.0") < Version("1.0.0") < Version("2"), a == "1.2")
d = {a: "first"}
d[Version("1.2")] = "second"
d[b] = "third"
print(len(d), d[Version("1.2")], sorted(d.items(), key=lambda kv: kv[0]))
s = set(vs)
print(len(s), sorted(s), Version("0.9") in s, Version("9") in s)

class OnlyLt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return "L%d" % self.v

items = [OnlyLt(3), OnlyLt(1), OnlyLt(2)]
print(sorted(items), OnlyLt(5) > OnlyLt(4), max(items), min(items))

class Key:
    def __init__(self, name):
        self.name = name
    def __eq__(self, other):
        print("  eq", self.name, other.name)
        return self.name.lower() == other.name.lower()
    def __hash__(self):
        return len(self.name)
    def __repr__(self):
        return "Key(%s)" % self.name

reg = {}
reg[Key("abc")] = 1
reg[Key("ABC")] = 2
reg[Key("xyz")] = 3
print(len(reg), sorted(reg.values()))

class NoHash:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v

try:
    {NoHash(1)}
except TypeError as e:
    print("TypeError:", e)
print(NoHash(1) == NoHash(1), NoHash(1) != NoHash(2))

class Plain:
    pass

p1 = Plain()
p2 = Plain()
print(p1 == p1, p1 == p2, p1 != p2, len({p1, p2, p1}), p1 in [p2, p1])
try:
    p1 < p2
except TypeError as e:
    print("TypeError:", e)

class Money:
    def __init__(self, c):
        self.c = c
    def __eq__(self, o):
        if isinstance(o, int):
            return self.c == o
        return self.c == o.c
    def __hash__(self):
        return hash(self.c)
    def __lt__(self, o):
        return self.c < o.c

print(Money(5) == 5, 5 == Money(5), Money(3) in [1, 2, 3], [Money(1)].index(1))
print(Money(2) in {Money(2), Money(3)}, {Money(1): "x"}.get(Money(1)), {Money(1): "y"}.get(1))
print(hash(Money(7)) == hash(7), hash(Version("1.2")) == hash((1, 2)))
tally = {}
for v in ["1.0", "1.0", "2.0", "1.0", "2.0", "3.1"]:
    k = Version(v)
    tally[k] = tally.get(k, 0) + 1
print(sorted(tally.items(), key=lambda kv: (kv[1], kv[0])))
