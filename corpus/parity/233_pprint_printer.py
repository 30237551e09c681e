# pprint.PrettyPrinter: streams, recursion, depth limits, readability flags.
import pprint
import sys

class Collect:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
    def text(self):
        return "".join(self.parts)

out = Collect()
pp = pprint.PrettyPrinter(indent=2, width=30, stream=out)
pp.pprint({"one": [1, 2, 3], "two": {"x": "y" * 20}})
pp.pprint("hello")
print(out.text(), end="")
print(repr(pp.pformat([1, 2])), pp.isreadable([1]), pp.isrecursive([1]))

pprint.pprint({"to": "stream"}, stream=out)
print(out.text().splitlines()[-1])
pprint.pprint([1, 2], stream=sys.stdout)

def hide(text, *objs):
    for o in objs:
        text = text.replace(str(id(o)), "ID")
    return text

a = [1, 2]
a.append(a)
print(hide(pprint.pformat(a), a))
print(hide(pprint.saferepr(a), a), pprint.isrecursive(a), pprint.isreadable(a))
d = {"self": None, "list": [0] * 5}
d["self"] = d
print(hide(pprint.pformat(d, width=20), d))
print(hide(pprint.saferepr(d), d), pprint.isrecursive(d))
t = ([],)
t[0].append(t)
print(hide(pprint.pformat(t), t), pprint.isrecursive(t))
shared = [1, 2]
print(pprint.pformat([shared, shared, {"k": shared}]), pprint.isrecursive([shared, shared]))

deep = [1, [2, [3, [4, [5, [6]]]]]]
for depth in (1, 2, 3, 10):
    print(depth, pprint.pformat(deep, depth=depth), pprint.pformat(deep, depth=depth, width=8).count("\n"))
print(pprint.pformat({"a": {"b": {"c": {}}}}, depth=2), pprint.pformat({"a": {"b": {"c": 1}}}, depth=2))
print(pprint.pformat(((1,), ((2,),)), depth=2), pprint.pformat([(), [], {}], depth=1))
pr = pprint.PrettyPrinter(depth=1)
print(pr.format([1, [2]], {}, 1, 0), pr.format({"a": 1}, {}, 0, 0))
print(pr.isreadable([1, [2]]), pprint.PrettyPrinter().isreadable([1, [2]]))

class Sub(pprint.PrettyPrinter):
    def format(self, obj, context, maxlevels, level):
        if isinstance(obj, str):
            return obj.upper(), False, False
        return super().format(obj, context, maxlevels, level)

print(Sub().pformat({"key": ["value", 1, ("tuple", "x")]}))
print(Sub(width=10).pformat({"key": ["value", 1, ("tuple", "x")]}))
