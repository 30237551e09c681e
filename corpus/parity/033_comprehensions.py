# Comprehensions: list/dict/set/generator, nested fors and ifs, scoping.
print([x * x for x in range(8)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(i)])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
print([c.upper() for c in "hello" if c not in "aeiou"])
print([x if x % 2 else -x for x in range(6)])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([v for row in matrix for v in row])
print([[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix if sum(row) > 6 for v in row if v % 2])
print({w: len(w) for w in ["apple", "fig", "kiwi"]})
print({k: v for k, v in zip("abc", range(3)) if v != 1})
print({x % 4 for x in range(20)}, {len(w) for w in "a bb cc ddd".split()})
print(sum(x for x in range(5)), list((x, y) for x in "ab" for y in "12"))
x = "outer x"
lst = [x for x in range(3)]
print(x, lst)
i = 100
sq = {i: i * i for i in range(3)}
print(i, sq)
st = {i * 2 for i in range(3)}
print(i, sorted(st))
g = list(i for i in range(2))
print(i, g)
for j in range(3):
    pass
print("loop var leaks", j)
y = 10
print([y + k for k in range(3)])

def f():
    base = 5
    return [base * k for k in range(4)]

print(f())

class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]

print(C.doubled)
words = "the quick brown fox jumps over the lazy dog".split()
print([w for w in words if len(w) > 3], sorted({w[0] for w in words}))
print({w: [v for v in words if v[0] == w[0]] for w in ["the", "fox"]})
print([(a, b, c) for a in range(1, 20) for b in range(a, 20) for c in range(b, 20) if a * a + b * b == c * c])
flat = [ch for word in ["ab", "cd"] for ch in word]
print(flat)
print([[c for c in w] for w in ("xy", "z")])
counts = {c: "mississippi".count(c) for c in "mississippi"}
print(counts)
print([n for n in range(2, 40) if all(n % d for d in range(2, n))])
nested = [[[k for k in range(m)] for m in range(n)] for n in range(3)]
print(nested)
print([(lambda v: v + 1)(v) for v in range(3)])
print([v for v in [3, 0, "", None, "a", [], [0]] if v])
pairs = [(k, v) for k, v in {"a": 1, "b": 2}.items()]
print(pairs, dict(pairs) == {"a": 1, "b": 2})
print([w[::-1] for w in words[:3]], [len(w) for w in words].count(3))
print([n for n in range(10) if (sq := n * n) > 20], sq)
total = 0
print([total := total + v for v in [1, 2, 3, 4]], total)
