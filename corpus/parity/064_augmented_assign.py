# Augmented assignment on names, attributes, subscripts, and evaluation order.
n = 10
n += 5
n -= 3
n *= 4
n //= 5
n %= 7
n **= 3
n <<= 2
n >>= 1
n |= 256
n &= 0x1FF
n ^= 0b1010
print("name", n)
f = 1.5
f += 1
f *= 2
f /= 4
f -= 0.25
print("float", f)
s = "ab"
s += "cd"
s *= 2
print("str", s)
t = (1,)
t += (2, 3)
t *= 2
print("tuple", t)
lst = [1]
alias = lst
lst += [2, 3]
lst *= 2
print("list in place", lst, alias is lst)

class Obj:
    def __init__(self):
        self.count = 0
        self.items = []
        self.name = "o"

o = Obj()
o.count += 1
o.count += 10
o.count *= 3
o.items += ["x"]
o.items += ("y", "z")
o.name += "bj"
print("attrs", o.count, o.items, o.name)
d = {"a": 1, "l": []}
d["a"] += 100
d["a"] //= 3
d["l"] += [1, 2]
d.setdefault("new", 0)
d["new"] -= 5
print("dict", d)
grid = [[0] * 3 for _ in range(2)]
grid[1][2] += 7
grid[0][0] -= 1
grid[-1][-1] *= 2
print("nested", grid)
log = []

class Tracked:
    def __init__(self):
        self.data = {"k": 1}
    def __getitem__(self, key):
        log.append("get " + key)
        return self.data[key]
    def __setitem__(self, key, value):
        log.append("set %s=%r" % (key, value))
        self.data[key] = value

def key():
    log.append("key evaluated")
    return "k"

tr = Tracked()
tr[key()] += 41
print(log, tr.data)

class Holder:
    def __init__(self):
        self.calls = 0
    def get(self):
        self.calls += 1
        return self

h = Holder()
h.get().calls += 100
print("target evaluated once:", h.calls)
counter = {}
for word in "a b a c b a".split():
    counter[word] = counter.get(word, 0) + 1
print(counter)
arr = [1, 2, 3]
i = 0
arr[i] += 10
i += 1
arr[i] += arr[i - 1]
print(arr)
total = 0
for v in range(1, 11):
    total += v if v % 2 else -v
print("alternating", total)
big = 1
for _ in range(10):
    big *= 1000
print("big", big)
neg = -7
neg //= 2
neg2 = -7
neg2 %= 3
print("neg", neg, neg2)
