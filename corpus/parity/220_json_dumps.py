# json.dumps: every type, every option, CPython's exact text.
import json

values = [None, True, False, 0, -17, 12345678901234567890, 1.0, -0.0, 0.1, 1e16, 1.5e-7,
          1e22, 123456789.125, float("inf"), float("-inf"), "", "plain", "quote\" back\\slash",
          "\b\f\n\r\t\x00\x1f\x7f", "caf\u00e9 \u65e5\u672c \U0001F600", "\u2028\u2029",
          [], {}, (), [1, [2, [3]]], (1, "two", 3.0), {"k": "v"}]
for v in values:
    print(json.dumps(v), json.dumps(v, ensure_ascii=False))
print(json.dumps(float("nan")))

doc = {"name": "ftl", "version": [3, 11], "ok": True, "none": None,
       "nested": {"list": [1, 2.5, "x", [], {}], "empty": {}}, "ratio": 0.75}
print(json.dumps(doc))
print(json.dumps(doc, sort_keys=True))
print(json.dumps(doc, indent=2))
print(json.dumps(doc, indent=4, sort_keys=True))
print(json.dumps(doc, indent="\t"))
print(json.dumps(doc, indent=0))
print(json.dumps(doc, indent=""))
print(json.dumps(doc, separators=(",", ":")))
print(json.dumps(doc, indent=1, separators=(",", " = ")))
print(json.dumps([1, [2, 3]], indent=2, separators=(", ", ": ")))
print(json.dumps({3: "int", 1.5: "float", True: "t", False: "f", None: "n", "s": "str"}))
print(json.dumps({2: "b", 1: "a", 10: "c"}, sort_keys=True))
print(json.dumps({(1, 2): "tuple key", "kept": 1}, skipkeys=True))
print(json.dumps({(1, 2): "only"}, skipkeys=True), json.dumps({(1, 2): "only"}, skipkeys=True, indent=2))
print(json.dumps({"\u00e9": "\u00e9"}), json.dumps({"\u00e9": "\u00e9"}, ensure_ascii=False))
print(json.dumps([{"a": []}, [{}], [[]]], indent=3))

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

show(lambda: json.dumps(float("nan"), allow_nan=False))
show(lambda: json.dumps([1, float("inf")], allow_nan=False))
show(lambda: json.dumps({float("-inf"): 1}, allow_nan=False))
show(lambda: json.dumps({(1, 2): 3}))
show(lambda: json.dumps({b"b": 3}))
show(lambda: json.dumps(object()))
show(lambda: json.dumps({1, 2}))
show(lambda: json.dumps([b"bytes"]))
show(lambda: json.dumps({"k": 1, 2: "x"}, sort_keys=True))

a = [1]
a.append(a)
show(lambda: json.dumps(a))
d = {}
d["me"] = d
show(lambda: json.dumps(d))
show(lambda: json.dumps([d], indent=2))
shared = [1, 2]
print(json.dumps([shared, shared, {"s": shared}]))

class Thing:
    def __init__(self, n):
        self.n = n

def default(o):
    if isinstance(o, Thing):
        return {"thing": o.n}
    if isinstance(o, set):
        return sorted(o)
    raise TypeError("cannot: " + type(o).__name__)

print(json.dumps([Thing(1), {"t": Thing(2)}, {3, 1, 2}], default=default))
print(json.dumps(Thing(5), default=default, indent=2))
show(lambda: json.dumps([Thing(1), object()], default=default))
show(lambda: json.dumps(Thing(1), default=lambda o: o))
print(json.dumps("x" * 3), json.dumps(["\x00", "\x01"]))
print(json.dumps(list(range(5)), indent=None, separators=(" , ", " : ")))
print(json.dumps({"a": 1}, check_circular=False))
