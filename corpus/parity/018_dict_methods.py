# dict methods: get keys values items pop setdefault update copy clear popitem fromkeys.
d = {"a": 1, "b": 2, "c": 3}
print(d, len(d), d["a"], d.get("b"), d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(list(d.keys()), list(d.values()), list(d.items()), list(d))
print(d.keys(), d.values(), d.items())
print(d.pop("b"), d, d.pop("zz", "default"))
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError:", e, repr(e))
print(d.setdefault("a", 100), d.setdefault("n", []), d)
d.setdefault("n", []).append(1)
d.setdefault("n", []).append(2)
print(d)
d.update({"c": 30, "e": 5})
d.update([("f", 6), ("g", 7)])
d.update(h=8, a=-1)
print(d)
c = d.copy()
c["new"] = True
print(len(d), len(c), "new" in d, c is d)
print(d.popitem(), d.popitem(), d)
c.clear()
print(c, len(c), bool(c))
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
print(dict.fromkeys(["x", "y", "z"]), dict.fromkeys("ab", 0), dict.fromkeys(range(3), "v"))
shared = dict.fromkeys(["p", "q"], [])
shared["p"].append(1)
print(shared)
print(dict(a=1, b=2), dict([("k", "v"), ("k2", "v2")]), dict({"m": 1}), dict({"m": 1}, n=2), dict())
print(dict(zip("abc", range(3))), dict(enumerate("xy")))
del d["a"]
print(d)
try:
    del d["a"]
except KeyError as e:
    print("KeyError:", e)
try:
    print(d["missing"])
except KeyError as e:
    print("KeyError:", e)
try:
    d[[1]] = 2
except TypeError as e:
    print("TypeError:", e)
for k in d:
    print("key", k, "->", d[k])
for k, v in d.items():
    print("item", k, v)
print(sum(v for v in d.values() if isinstance(v, int)), max(d), sorted(d, reverse=True))
d2 = {}
d2["x"] = d2.get("x", 0) + 1
d2["x"] = d2.get("x", 0) + 1
print(d2, {1: "a"} == {1: "a"}, {1: "a", 2: "b"} == {2: "b", 1: "a"}, {1: 2} != {1: 3})
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
inv = {v: k for k, v in {"one": 1, "two": 2, "uno": 1}.items()}
print(inv)
print({"k": None}.get("k", "dflt"), {}.get("k"), repr({"q'": 'd"'}))
keys_view = d.keys()
d["late"] = 1
print(list(keys_view), len(keys_view), "late" in keys_view)
