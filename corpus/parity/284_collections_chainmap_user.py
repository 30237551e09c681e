# collections.ChainMap, UserDict, UserList and UserString.
import copy
from collections import ChainMap, UserDict, UserList, UserString

base = {"a": 1, "b": 2}
over = {"b": 20, "c": 30}
cm = ChainMap(over, base)
print(cm, cm["a"], cm["b"], cm["c"], len(cm), list(cm), sorted(cm.items()))
print("a" in cm, "z" in cm, cm.get("z"), cm.get("a"), bool(cm), bool(ChainMap()), bool(ChainMap({}, {})))
cm["d"] = 4
cm["a"] = 100
print(over, base, cm.maps[0] is over)
del cm["d"]
print(cm.pop("a"), cm.pop("nope", "dflt"), cm)
child = cm.new_child()
child["x"] = 1
print(child, child.parents, child.parents.parents)
print(cm.new_child({"m": 1}), cm.new_child(k=2), cm.new_child({"m": 1}, k=3))
print(ChainMap(), ChainMap.fromkeys("ab"), ChainMap.fromkeys("ab", 0))
cc = cm.copy()
cc["new"] = 1
print(cc, "new" in cm, copy.copy(cm) == cm)
print(cm | {"z": 26}, {"z": 26} | cm)
cm2 = ChainMap({"q": 1}, {"r": 2})
cm2 |= {"s": 3}
print(cm2, dict(cm2), cm2.keys(), list(cm2.values()))
print(ChainMap({"a": 1}) == {"a": 1}, ChainMap({"a": 1}, {"a": 2}) == ChainMap({"a": 1}))
rec = ChainMap()
rec["me"] = rec
print(rec)
print(cm2.popitem(), cm2)
cm2.clear()
print(cm2)

class DefaultChain(ChainMap):
    def __missing__(self, key):
        return "missing:" + key

print(DefaultChain({"a": 1})["zz"], DefaultChain({"a": 1}).get("zz"))

for f in (lambda: ChainMap()["k"], lambda: ChainMap({}, {"k": 1}).__delitem__("k"),
          lambda: ChainMap({}, {"k": 1}).pop("k"), lambda: ChainMap({}, {"k": 1}).popitem()):
    try:
        f()
    except KeyError as e:
        print("KeyError", e)

# UserDict
ud = UserDict({"a": 1}, b=2)
print(ud, ud.data, len(ud), ud["a"], "b" in ud, list(ud), ud.get("z", 0))
ud["c"] = 3
del ud["a"]
print(ud, sorted(ud.keys()), sorted(ud.values()), sorted(ud.items()))
print(ud == {"b": 2, "c": 3}, ud | {"d": 4}, {"d": 4} | ud, type(ud | {}).__name__)
ud |= {"e": 5}
print(ud, ud.pop("e"), ud.setdefault("f", 6), ud)
ud.update([("g", 7)], h=8)
print(ud, UserDict.fromkeys("xy", 1))
cp = ud.copy()
cp["only"] = 1
print(type(cp).__name__, "only" in ud, copy.copy(ud) == ud, copy.copy(ud).data is ud.data)
print(UserDict(dict=1), UserDict(self=2))

class Missing(UserDict):
    def __missing__(self, key):
        return key * 2

mi = Missing()
print(mi["ab"], mi.get("ab"), "ab" in mi, type(mi.copy()).__name__)
try:
    UserDict()["nope"]
except KeyError as e:
    print("KeyError", e)

# UserList
ul = UserList([3, 1, 2])
print(ul, ul.data, len(ul), ul[0], ul[-1], ul[1:], type(ul[1:]).__name__)
ul.append(5)
ul.insert(0, 0)
ul.extend([9, 8])
ul.extend(UserList([7]))
print(ul, ul.pop(), ul.pop(0), ul.count(9), ul.index(2), 5 in ul)
ul.remove(9)
ul.sort()
print(ul)
ul.sort(reverse=True, key=lambda v: v % 3)
print(ul)
ul.reverse()
print(ul, ul.copy(), type(ul.copy()).__name__)
ul[0] = "first"
del ul[-1]
print(ul)
print(UserList([1]) + [2], [0] + UserList([1]), UserList([1]) + UserList([2]), UserList([1]) + (5,), UserList("ab") * 2, 3 * UserList([0]))
acc = UserList()
acc += [1]
acc += UserList([2])
acc += (3,)
acc *= 2
print(acc, acc == [1, 2, 3, 1, 2, 3], acc < [2], acc >= UserList([1, 2]), acc != acc)
acc.clear()
print(acc, UserList(), UserList((1, 2)), UserList(UserList([4])))
try:
    hash(UserList())
except TypeError as e:
    print("TypeError:", e)
print(copy.copy(UserList([1, [2]])), copy.deepcopy(UserList([1, [2]])))

# UserString
us = UserString("Hello World")
print(us, repr(us), len(us), us[0], us[-5:], type(us[0]).__name__, us.data)
print(us.upper(), us.lower(), us.swapcase(), us.title(), us.capitalize(), us.casefold())
print(us.center(15, "*"), us.ljust(13, "."), us.rjust(13), us.zfill(14))
print(us.count("o"), us.find("o"), us.rfind("o"), us.index("W"), us.rindex("l"), us.find(UserString("World")))
print(us.split(), us.split("o", 1), us.rsplit("o", 1), us.partition(" "), us.rpartition("o"))
print(us.replace("l", "L"), us.replace("l", "L", 1), us.strip("Hd"), us.lstrip("He"), us.rstrip("dl"))
print(us.startswith("Hell"), us.endswith("ld"), us.isalpha(), UserString("abc").isalpha(), UserString("12").isdigit())
print(us.encode(), UserString("a\tb").expandtabs(4), UserString("x{}y").format(1), UserString("{k}").format_map({"k": 2}))
print(us.removeprefix("Hello "), us.removesuffix(" World"), UserString("-").join("abc"), UserString("a\nb").splitlines())
print(us + "!", "!" + us, us + UserString("?"), us * 2, UserString("%s-%s") % (1, 2), type(us + "!").__name__)
print("o" in us, UserString("W") in us, us == "Hello World", us < "Z", us > UserString("A"), hash(us) == hash("Hello World"))
print(int(UserString("42")), float(UserString("2.5")), UserString(12), UserString(UserString("copy")))
print(us.translate(str.maketrans("lo", "01")), UserString.maketrans("a", "b"), list(UserString("abc")))
print(UserString("ab").isidentifier(), UserString(" ").isspace(), UserString("Ab").istitle(), UserString("AB").isupper())
