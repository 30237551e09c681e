# sets of small ints: operators, methods, printing order.
a = {5, 1, 3, 9, 7}
b = {3, 4, 5, 6}
print(a, b, len(a), 3 in a, 4 not in a, set(), {0}, {31, 2, 17, 8})
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a.union([100, 0], (2,)), a.intersection(range(6)), a.difference([1], [9]))
print({1, 2} <= {1, 2, 3}, {1, 2} >= {1}, {1, 2} <= {1, 2}, {1, 4} <= {1, 2}, {1, 2} < {1, 2}, {1} < {1, 2})
print({1}.issubset([1, 2]), {1, 2, 3}.issuperset({3}), {1}.isdisjoint({2}), {1}.isdisjoint([1]))
s = set()
for x in [4, 2, 4, 8, 2, 6, 0]:
    s.add(x)
print(s, len(s))
s.discard(4)
s.discard(42)
s.remove(8)
print(s)
try:
    s.remove(42)
except KeyError as e:
    print("KeyError:", e)
t = s.copy()
t.add(11)
print(s, t, s == t, s != t, s is t)
t.update([20, 21], {22})
print(t)
p = t.pop()
print(p, t)
t.clear()
print(t, len(t), bool(t))
u = {10, 20, 30}
u |= {40}
u &= {10, 40, 50}
u -= {50}
u ^= {1, 10}
print(u)
print(set([3, 3, 1, 2]), set(range(10, 0, -2)), set("aaa") == {"a"}, sorted(set("hello")))
words = "the cat and the hat and the bat".split()
print(sorted(set(words)), len(set(words)))
print({x % 7 for x in range(30)}, {x * x for x in range(-3, 4)})
print({1, 2, 3} == {3, 2, 1}, {1.0, 1, True}, {0, False})
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
seen = set()
dups = []
for n in [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]:
    if n in seen:
        dups.append(n)
    seen.add(n)
print(seen, dups)
primes = set(range(2, 50))
for i in range(2, 8):
    primes -= set(range(i * i, 50, i))
print(primes)
print(sum({1, 2, 3}), max({4, 9, 2}), min({4, 9, 2}), sorted({4, 9, 2}, reverse=True), list({3, 1, 2}))
big = {64, 1, 65, 33, 2}
print(big)
print(set([100, 5, 50]), {16, 8, 0, 32})
