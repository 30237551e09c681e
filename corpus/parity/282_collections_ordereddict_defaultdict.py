# collections.OrderedDict and collections.defaultdict.
from collections import OrderedDict, defaultdict

od = OrderedDict()
print(od, repr(od), len(od))
od["b"] = 2
od["a"] = 1
od["c"] = 3
print(od, list(od), list(od.keys()), list(od.values()), list(od.items()))
od.move_to_end("b")
print(od)
od.move_to_end("c", last=False)
print(od)
od.move_to_end("c")
od.move_to_end("c")
print(od, dict(od))
print(list(reversed(od)), list(reversed(od.keys())), list(reversed(od.values())), list(reversed(od.items())))
print(od.keys(), od.values(), od.items())
print(od.popitem(), od.popitem(last=False), od)
od.update([("x", 1), ("y", 2)], z=3)
od.update({"w": 0})
print(od)
print(od.pop("x"), od.pop("nope", "dflt"), od.setdefault("a", 5), od.setdefault("a", 6), od)
od["y"] = 20  # assigning an existing key keeps its place
print(od)
del od["z"]
print(od, "w" in od, od.get("w"), od.get("q", -1))

# Construction forms.
print(OrderedDict([("one", 1), ("two", 2)]), OrderedDict(x=1, y=2), OrderedDict({"k": "v"}))
print(OrderedDict.fromkeys("abc"), OrderedDict.fromkeys("ab", 0))

# Equality: order matters between OrderedDicts only.
o1 = OrderedDict([("a", 1), ("b", 2)])
o2 = OrderedDict([("b", 2), ("a", 1)])
print(o1 == o2, o1 != o2, o1 == dict(o2), dict(o1) == o2, o1 == OrderedDict(o1))
print(o1.keys() == {"a", "b"}, o1 | {"c": 3}, {"z": 0} | o1)
o1 |= {"a": 100}
print(o1, type(o1 | {}).__name__)
cp = o1.copy()
cp["new"] = 1
print(o1, cp, type(cp).__name__)

# Errors.
for f in (lambda: OrderedDict().popitem(), lambda: OrderedDict().popitem(last=False),
          lambda: OrderedDict(a=1).move_to_end("q"), lambda: OrderedDict().pop("k")):
    try:
        f()
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)

try:
    hash(OrderedDict())
except TypeError:
    print("unhashable")

# Recursive repr.
rec = OrderedDict()
rec["self"] = rec
print(rec)

class MyOD(OrderedDict):
    pass

print(MyOD(a=1), MyOD(), MyOD(a=1).copy())

# defaultdict
dd = defaultdict(int)
for ch in "mississippi":
    dd[ch] += 1
print(dd, dd.default_factory)
print(dd["zzz"], dd)
lists = defaultdict(list)
lists["a"].append(1)
lists["a"].append(2)
lists["b"].extend("xy")
print(lists, dict(lists))
print(lists.get("nope"), "nope" in lists, len(lists))
none = defaultdict()
print(none, none.default_factory)
try:
    none["k"]
except KeyError as e:
    print("KeyError", e)
print(defaultdict(None, {"a": 1}, b=2), defaultdict(str, [("x", "y")]))
dd2 = dd.copy()
dd2["new"] += 5
print(type(dd2).__name__, dd2.default_factory, dd2["new"], "new" in dd)
print(dd == dict(dd), isinstance(dd, dict))
print(defaultdict(int, a=1) | {"b": 2}, {"z": 1} | defaultdict(list, a=[1]))
def factory():
    return "made"
fd = defaultdict(factory)
print(fd["k"], dict(fd), fd.default_factory is factory)
lam = defaultdict(lambda: 0)
lam["x"]
print(len(lam), list(lam.items()))
dd.default_factory = list
print(dd["other"], dd.default_factory)
try:
    defaultdict(3)
except TypeError as e:
    print("TypeError:", e)
class Factory:
    def __init__(self, d):
        self.d = d
    def __call__(self):
        return 0
    def __repr__(self):
        return "Factory(%r)" % (self.d,)

sd = defaultdict()
sd.default_factory = Factory(sd)
sd["k"]
print(sd)

class Tree(defaultdict):
    def __init__(self):
        super().__init__(Tree)

t = Tree()
t["a"]["b"]["c"] = 1
print(t["a"]["b"]["c"], type(t["a"]).__name__)
