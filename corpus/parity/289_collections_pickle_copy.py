# Pickling and copying the collections types and SimpleNamespace: each
# comes back with its class, contents, maxlen, default_factory and order.
import copy
import pickle
from collections import ChainMap, Counter, OrderedDict, UserDict, UserList, UserString, defaultdict, deque, namedtuple
from types import SimpleNamespace

Pair = namedtuple("Pair", "left right")


class Tagged(deque):
    pass


values = [
    deque([1, "two", (3,)]),
    deque(range(5), maxlen=3),
    deque(),
    defaultdict(list, {"a": [1], "b": []}),
    defaultdict(None, {"k": 0}),
    OrderedDict([("z", 1), ("a", 2), ("m", 3)]),
    Counter("mississippi"),
    Pair(1, [2, 3]),
    ChainMap({"a": 1}, {"b": 2}),
    UserDict({"u": 1}),
    UserList([3, 2, 1]),
    UserString("text"),
    SimpleNamespace(x=1, y=[2]),
]

for value in values:
    name = type(value).__name__
    results = []
    for proto in (2, 4, pickle.HIGHEST_PROTOCOL):
        back = pickle.loads(pickle.dumps(value, proto))
        results.append(type(back) is type(value) and back == value and repr(back) == repr(value))
    shallow = copy.copy(value)
    deep = copy.deepcopy(value)
    print(name.ljust(15), results, type(shallow) is type(value), shallow == value, deep == value, repr(deep) == repr(value))

# What the copies share.
d = deque([[1], [2]], maxlen=5)
s, dp = copy.copy(d), copy.deepcopy(d)
print(s.maxlen, dp.maxlen, s[0] is d[0], dp[0] is d[0], s is d)
dd = defaultdict(list, {"a": [1]})
s, dp = copy.copy(dd), copy.deepcopy(dd)
print(s.default_factory is list, s["a"] is dd["a"], dp["a"] is dd["a"], dp["new"], "new" in dd)
od = OrderedDict([("b", [1]), ("a", [2])])
dp = copy.deepcopy(od)
print(list(dp), dp["b"] is od["b"], dp == od)
cm = ChainMap({"a": [1]}, {"b": 2})
s = copy.copy(cm)
print(s.maps[0] is cm.maps[0], s.maps[1] is cm.maps[1], s == cm)

# A deque subclass with attributes, and an OrderedDict after move_to_end.
t = Tagged([1, 2], 4)
t.label = "mine"
back = pickle.loads(pickle.dumps(t, 2))
print(type(back).__name__, back, back.maxlen, back.label)
od.move_to_end("b")
print(pickle.loads(pickle.dumps(od, 2)))

# Reductions, as copy and pickle see them.
print(deque([1], 3).__reduce__()[:3], deque([1]).__reduce__()[:3])
print(defaultdict(int).__reduce__()[:4], Counter(a=2).__reduce__(), Pair(1, 2).__getnewargs__())
print(OrderedDict(a=1).__reduce__()[:4])
