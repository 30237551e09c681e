# Real program: a hand-written JSON-like serializer and pretty printer.
def escape(s):
    out = []
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 32:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'

def dumps(obj):
    if obj is None:
        return "null"
    if obj is True:
        return "true"
    if obj is False:
        return "false"
    if isinstance(obj, (int, float)):
        return repr(obj)
    if isinstance(obj, str):
        return escape(obj)
    if isinstance(obj, (list, tuple)):
        return "[" + ", ".join(dumps(x) for x in obj) + "]"
    if isinstance(obj, dict):
        return "{" + ", ".join(escape(str(k)) + ": " + dumps(v) for k, v in obj.items()) + "}"
    raise TypeError("cannot serialize %s" % type(obj).__name__)

def pretty(obj, indent=0, step=2):
    pad = " " * indent
    inner = " " * (indent + step)
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        lines = []
        for k in sorted(obj, key=str):
            lines.append(inner + escape(str(k)) + ": " + pretty(obj[k], indent + step, step))
        return "{\n" + ",\n".join(lines) + "\n" + pad + "}"
    if isinstance(obj, (list, tuple)):
        if not obj:
            return "[]"
        if all(not isinstance(x, (list, tuple, dict)) for x in obj) and len(obj) <= 4:
            return dumps(obj)
        return "[\n" + ",\n".join(inner + pretty(x, indent + step, step) for x in obj) + "\n" + pad + "]"
    return dumps(obj)

doc = {
    "name": "ftl",
    "version": [0, 1, 0],
    "stable": False,
    "ratio": 0.75,
    "big": 2 ** 70,
    "nothing": None,
    "tags": ["vm", "python", "rust", "threads", "gc"],
    "nested": {"quote": 'say "hi"', "path": "C:\\tmp", "lines": "a\nb\tc", "ctl": "\x01"},
    "matrix": [[1, 2], [3, 4]],
    "empty": {"list": [], "dict": {}},
    "people": [{"name": "ann", "age": 31}, {"name": "bob", "age": None}],
}
print(dumps(doc))
print(pretty(doc))
print(pretty([1, [2, [3, [4, [5]]]]], step=4))
print(dumps((1, "two", 3.5, True, None)), dumps({}), dumps([]), dumps(""), dumps(-0.0), dumps(1e-7))
try:
    dumps({"bad": {1, 2}})
except TypeError as e:
    print("TypeError:", e)

def count_nodes(obj):
    if isinstance(obj, dict):
        return 1 + sum(count_nodes(v) for v in obj.values())
    if isinstance(obj, (list, tuple)):
        return 1 + sum(count_nodes(v) for v in obj)
    return 1

def depth(obj):
    if isinstance(obj, dict):
        return 1 + max((depth(v) for v in obj.values()), default=0)
    if isinstance(obj, (list, tuple)):
        return 1 + max((depth(v) for v in obj), default=0)
    return 0

print("nodes", count_nodes(doc), "depth", depth(doc))
