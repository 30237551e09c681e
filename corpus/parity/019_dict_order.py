# dict insertion order after deletes/updates, equal keys 1/1.0/True, nesting, comprehensions.
d = {}
for k in ["z", "y", "x", "w"]:
    d[k] = len(d)
print(d)
del d["y"]
d["y"] = 99
print(d)
d["z"] = -1
print(d, list(d))
d.pop("x")
d["x"] = 0
d["a"] = 1
print(d)
m = {1: "int"}
m[1.0] = "float"
m[True] = "bool"
print(m, len(m), m[1], m[1.0], m[True])
n = {True: "a", 1: "b", 1.0: "c"}
print(n)
z = {0: "zero", False: "false", 0.0: "fzero"}
print(z, z[0])
print({1: 1, 2: 2} == {2: 2, 1: 1}, hash(1) == hash(1.0) == hash(True))
print({2.0: "x"}, {-0.0: 1, 0: 2})
nested = {"cfg": {"debug": False, "levels": [1, 2, 3]}, "users": {"ann": {"age": 31}}}
nested["cfg"]["debug"] = True
nested["users"]["bob"] = {"age": 27}
nested["users"]["ann"]["age"] += 1
nested["cfg"]["levels"].append(4)
print(nested)
print(nested["users"]["bob"]["age"], len(nested["users"]), list(nested["cfg"].keys()))
sq = {x: x * x for x in range(6)}
print(sq)
even = {k: v for k, v in sq.items() if k % 2 == 0}
print(even)
pairs = {(i, j): i * j for i in range(3) for j in range(3) if i <= j}
print(pairs)
letters = {c: i for i, c in enumerate("hello")}
print(letters)
grouped = {}
for word in "apple avocado banana blueberry cherry apricot".split():
    grouped.setdefault(word[0], []).append(word)
print(grouped)
merged = {"a": 1, "b": 2}
merged.update({"b": 20, "c": 30})
merged.update({"a": 10})
print(merged)
items = list(merged.items())
items.reverse()
print(dict(items))
order = {}
for i in range(10):
    order[i % 4] = i
print(order)
for i in range(0, 10, 3):
    if i in order:
        del order[i]
order[0] = "back"
print(order)
big = {i: str(i) for i in range(100)}
for i in range(0, 100, 2):
    del big[i]
print(len(big), list(big)[:5], list(big)[-3:])
big[0] = "zero"
print(list(big)[-2:])
try:
    for k in sq:
        sq[k + 100] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
print({None: 1, "s": 2, 3: 4, (5,): 6, 7.5: 8})
