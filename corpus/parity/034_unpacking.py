# Unpacking: starred, nested, swaps, in for loops, enumerate/zip/items; chained assign; walrus.
a, b = 1, 2
a, b = b, a
print(a, b)
x, y, z = "xyz"
print(x, y, z)
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = [1, 2, 3]
print(init, tail)
head, *rest = "h"
print(head, rest)
a, *b, c, d = (1, 2, 3)
print(a, b, c, d)
(p, q), r = (1, 2), 3
print(p, q, r)
[m, [n, o]] = [1, [2, 3]]
print(m, n, o)
(a, (b, *c)), d = (1, (2, 3, 4)), 5
print(a, b, c, d)
i = j = k = 0
j += 1
print(i, j, k)
l1 = l2 = []
l1.append(1)
print(l1, l2, l1 is l2)
try:
    u, v = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    u, v, w = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    u, *v, w = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    u, v = 5
except TypeError as e:
    print("TypeError:", e)
for idx, (name, score) in enumerate([("ann", 90), ("bob", 85)], start=1):
    print(idx, name, score)
for k, v in {"one": 1, "two": 2}.items():
    print(k, v)
for a, b in zip([1, 2, 3], "abc"):
    print(a, b, end=" ")
print()
for a, *rest in [(1, 2, 3), (4,), (5, 6)]:
    print(a, rest)
for (x1, y1), (x2, y2) in [((0, 0), (1, 1)), ((2, 3), (4, 5))]:
    print(x2 - x1, y2 - y1)
arr = [5, 1, 4]
arr[0], arr[2] = arr[2], arr[0]
print(arr)
fib_a, fib_b = 0, 1
for _ in range(10):
    fib_a, fib_b = fib_b, fib_a + fib_b
print(fib_a, fib_b)

def stats(*nums):
    return min(nums), max(nums), sum(nums) / len(nums)

lo, hi, avg = stats(3, 1, 4, 1, 5)
print(lo, hi, avg)
print(*[1, 2, 3], sep="-")
print(*"abc")
args = (1, 2)
kw = {"sep": "|", "end": "!\n"}
print(*args, **kw)
data = [1, 5, 2, 8, 3]
if (n := len(data)) > 3:
    print("long list", n)
while (item := data.pop()) != 2:
    print("popped", item)
print(data)
print((w := 5) * 2, w)
pts = [(1, 2), (3, 4), (5, 6)]
xs, ys = zip(*pts)
print(xs, ys)
print(1 < 2 < 3 < 4, 1 < 3 > 2, 1 == 1 < 2, 3 > 2 == 2, 1 < 2 > 3, 0 <= 5 < 10 != 11)
obj_a = [1]
obj_b = [1]
print(obj_a is obj_a, obj_a is obj_b, obj_a is not obj_b, obj_a == obj_b, None is None)
t = (1, 2, 3)
(one, two, three) = t
[uno, dos, tres] = t
print(one + two + three, uno * dos * tres)
key, val = max({"a": 3, "b": 7, "c": 5}.items(), key=lambda kv: kv[1])
print(key, val)
