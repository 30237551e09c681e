# tuples: creation, indexing, slicing, count/index, immutability, comparison, hashing.
t = (1, 2, 3, 2, 1)
e = ()
s = (5,)
print(t, e, s, len(t), len(e), t[0], t[-1], t[1:4], t[::-1], t[::2])
print(t.count(2), t.count(9), t.index(3), t.index(1, 1), type(t).__name__, type(s) is tuple)
try:
    t.index(42)
except ValueError as err:
    print("ValueError:", err)
try:
    t[0] = 9
except TypeError as err:
    print("TypeError:", err)
print(t + (9, 8), t * 2, (0,) * 3, () * 5, tuple([1, 2]), tuple("ab"), tuple(range(3)))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), (1, 2) == (1, 2), (1, "a") != (1, "b"))
print(3 in t, 7 not in t, (1, 2) in [(1, 2), (3, 4)])
x = 1, 2, 3
a, b, c = x
print(x, a, b, c)
nested = ((1, 2), (3, (4, 5)))
(p, q), (r, (u, v)) = nested
print(p, q, r, u, v, nested[1][1][0])
d = {(0, 0): "origin", (1, 2): "pt"}
print(d[(0, 0)], d[1, 2], (1, 2) in d)
print(hash((1, 2)) == hash((1, 2)), (1, 2) == tuple([1, 2]))
lst = [1, 2]
holder = (lst, 3)
lst.append(9)
print(holder)
print(max((3, 9, 1)), min(t), sum(t), sorted(t), list(t))

def divmod2(a, b):
    return a // b, a % b

qr = divmod2(17, 5)
print(qr, qr[0], qr[1], type(qr).__name__)
pairs = [(1, "one"), (3, "three"), (2, "two")]
pairs.sort()
print(pairs, [name for _, name in pairs])
print(repr((1,)), repr(()), str((None, True)), repr(("a", 'b"', "c'")))
coords = [(x, y) for x in range(3) for y in range(2)]
print(coords, len(coords), coords.index((2, 1)))
print(tuple(sorted({3: 0, 1: 0, 2: 0})), tuple(reversed((1, 2, 3))))
print(t[10:], t[-100:1], (1, 2, 3)[1:2], ((1,),))
