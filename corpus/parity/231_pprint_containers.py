# pprint: layout of dicts, lists, tuples, sets and nesting at various widths.
import pprint

data = {
    "name": "example",
    "numbers": list(range(25)),
    "nested": {"alpha": [1, 2, {"deep": ("x", "y", "z")}], "beta": (1,), "gamma": ()},
    "empty": {},
    "flags": [True, False, None],
    "floats": [0.1, 2.5e-10, 1e100, -0.0],
    "pairs": [(i, str(i) * i) for i in range(6)],
    "big": 12345678901234567890,
}

pprint.pprint(data)
pprint.pprint(data, width=40)
pprint.pprint(data, width=120, indent=4)
pprint.pprint(data, depth=1)
pprint.pprint(data, depth=2, width=50)
pprint.pprint(data, compact=True, width=50)
pprint.pprint(data, sort_dicts=False, width=60)
pprint.pp(data, width=60)
pprint.pprint(list(range(40)), width=30, compact=True)
pprint.pprint(list(range(40)), width=30)
pprint.pprint([[1, 2, 3]] * 5, width=20, indent=3)
pprint.pprint(((1, 2), (3,), [4, [5, [6, [7, [8]]]]]), width=10)
pprint.pprint({"k": (1,)}, width=5)
pprint.pprint(("single-element tuple that is long enough to wrap",), width=20)
pprint.pprint({10 ** 6: 12345678, 3: 4}, underscore_numbers=True)
pprint.pprint([10 ** 9, -(10 ** 7), 999], underscore_numbers=True, width=12)
pprint.pprint({3, 1, 2, 10, -4}, width=8)
pprint.pprint(frozenset({"pear", "apple", "fig", "banana"}), width=20)
pprint.pprint(set(), width=1)
pprint.pprint(frozenset(), width=1)
pprint.pprint({1: "a", "b": 2, (1, 2): [3]}, width=10)
pprint.pprint([{"a": 1, "b": [1, 2, 3]}, {"c": {"d": {"e": {"f": 1}}}}], width=15)
pprint.pprint([], width=1)
pprint.pprint({}, width=1)
pprint.pprint((), width=1)
print(pprint.pformat({"z": 1, "a": [1] * 30}, width=30))
print(pprint.pformat([1, 2, 3], indent=0, width=3))
print(pprint.saferepr({"b": [1, (2,)], "a": {3}}))
print(pprint.isreadable([1, "a", {"k": None}]), pprint.isreadable([object]), pprint.isrecursive([1, [2]]))

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Point(%d, %d)" % (self.x, self.y)

pprint.pprint([Point(i, i * i) for i in range(8)], width=30)
print(pprint.isreadable(Point(1, 2)), pprint.saferepr(Point(1, 2)))

class MyList(list):
    pass

class ReprList(list):
    def __repr__(self):
        return "ReprList(...)"

pprint.pprint(MyList(range(30)), width=20)
print(pprint.pformat([ReprList([1]), ReprList()], width=10))

for bad in [dict(indent=-1), dict(depth=0), dict(width=0)]:
    try:
        pprint.PrettyPrinter(**bad)
    except ValueError as e:
        print("ValueError:", e)
