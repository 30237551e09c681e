# pprint: collections types, SimpleNamespace and dataclasses.
import collections
import dataclasses
import pprint
import types

od = collections.OrderedDict((k, list(range(i))) for i, k in enumerate("zyxwv"))
pprint.pprint(od)
pprint.pprint(od, width=30)
pprint.pprint(collections.OrderedDict(), width=1)
dd = collections.defaultdict(list, {"b": [1, 2, 3] * 4, "a": ["x"] * 10})
pprint.pprint(dd, width=40)
pprint.pprint(collections.defaultdict(int), width=1)
c = collections.Counter("abracadabra mississippi")
pprint.pprint(c, width=30)
pprint.pprint(c)
cm = collections.ChainMap({"a": 1, "b": "two" * 8}, {"c": [3] * 12})
pprint.pprint(cm, width=30)
dq = collections.deque(range(30))
pprint.pprint(dq, width=30)
pprint.pprint(collections.deque(range(30), maxlen=25), width=30)
pprint.pprint(collections.deque(), width=1)
pprint.pprint(collections.UserList(range(30)), width=30)
pprint.pprint(collections.UserDict({"k%d" % i: i for i in range(8)}), width=20)
pprint.pprint(collections.UserString("spam and eggs " * 6), width=30)

ns = types.SimpleNamespace(alpha=1, beta=list(range(20)), gamma="text " * 10)
pprint.pprint(ns, width=40)
pprint.pprint(ns)

@dataclasses.dataclass
class Point:
    x: int
    y: int
    tags: list = dataclasses.field(default_factory=list)
    hidden: str = dataclasses.field(default="h", repr=False)

@dataclasses.dataclass
class Box:
    corner: Point
    children: list

box = Box(Point(1, 2, ["a", "b"]), [Point(i, -i) for i in range(4)])
pprint.pprint(box)
pprint.pprint(box, width=40)
pprint.pprint([box], width=60, compact=True)
print(pprint.pformat(types.MappingProxyType({"key": list(range(30))}), width=40))
