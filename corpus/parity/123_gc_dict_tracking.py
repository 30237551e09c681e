# A dict that holds only atoms cannot be in a cycle, so the collector does
# not track it (CPython's MAINTAIN_TRACKING): a new dict of atoms starts
# untracked, storing something that may be in a cycle tracks it, and a full
# collection untracks a dict whose containers were replaced by atoms. The
# rule that makes this safe: a cycle made later through a dict that was
# untracked is still collected.
import gc


class A:
    pass


class Finalized:
    deleted = 0

    def __del__(self):
        Finalized.deleted += 1


print("new:", gc.is_tracked({}), gc.is_tracked({"a": 1, 2: "b"}), gc.is_tracked({"a": []}))
print("tuple of a list:", gc.is_tracked({1: (1, [])}))
print("dict in a dict:", gc.is_tracked({1: {}}))

d = {"x": 1}
print("before a store:", gc.is_tracked(d))
d["y"] = "atom"
print("an atom stored:", gc.is_tracked(d))
d["z"] = [d]
print("a list stored:", gc.is_tracked(d))
d["z"] = 0
print("the list replaced:", gc.is_tracked(d))
gc.collect()
print("after a full collection:", gc.is_tracked(d))

print("copies:", gc.is_tracked(dict(d)), gc.is_tracked({"l": []}.copy()), gc.is_tracked({**{"a": 1}}))
e = {}
e.update({"k": [1]})
print("update with a list:", gc.is_tracked(e))
f = {}
f.setdefault("k", {})
print("setdefault with a dict:", gc.is_tracked(f))
print("dict.fromkeys:", gc.is_tracked(dict.fromkeys("abc")), gc.is_tracked(dict.fromkeys("ab", [])))


def kw(**kwargs):
    return kwargs


print("**kwargs:", gc.is_tracked(kw(a=1)), gc.is_tracked(kw(a=[])))

o = A()
o.x = 1
o.name = "o"
print("instance dict of atoms:", gc.is_tracked(o.__dict__))
o.items = []
print("instance dict with a list:", gc.is_tracked(o.__dict__))

# Cycles through dicts that were untracked when made.
gc.collect()
Finalized.deleted = 0
for i in range(100):
    box = {"i": i}
    f = Finalized()
    f.box = box
    box["owner"] = f
    ns = {"n": i}
    ns["self"] = ns
del box, f, ns
gc.collect()
print("finalizers after the cycles died:", Finalized.deleted)
print("an untracked dict's cycle is gone:", gc.collect())
