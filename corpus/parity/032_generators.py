# Generators: yield, yield from, return in generators, genexprs, infinite generators.
def gen_basic():
    print("  start")
    yield 1
    print("  after 1")
    yield 2
    print("  after 2")

g = gen_basic()
print("created")
print(next(g))
print(next(g))
print(next(g, "finished"))
print(list(gen_basic()))

def early(n):
    for i in range(n):
        if i == 3:
            return
        yield i

print(list(early(10)), list(early(2)))

def with_return():
    yield "a"
    return "result"

g2 = with_return()
print(next(g2))
try:
    next(g2)
except StopIteration as e:
    print("StopIteration args", e.args, str(e))

def inner():
    yield 1
    yield 2
    return "inner done"

def outer():
    r = yield from inner()
    print("  inner returned", r)
    yield from [10, 20]
    yield from range(3)
    yield from "xy"

print(list(outer()))

def naturals():
    n = 0
    while True:
        yield n
        n += 1

for n in naturals():
    if n * n > 50:
        print("first square > 50 at", n)
        break

def take(k, it):
    out = []
    for x in it:
        if len(out) >= k:
            break
        out.append(x)
    return out

def primes():
    n = 2
    while True:
        if all(n % p for p in range(2, int(n ** 0.5) + 1)):
            yield n
        n += 1

print(take(15, primes()), take(5, (x * x for x in naturals())))
print(sum(x for x in range(101)), sum(x * x for x in range(10) if x % 2))
print(any(x > 5 for x in [1, 7, 3]), all(x > 0 for x in [1, 2, -1]), any(()), all(()))
print(sorted((x % 5 for x in range(12)), reverse=True), max(len(w) for w in "a bb ccc".split()))
print(min((abs(x - 7), x) for x in [1, 5, 9, 13]), list(x for x in "abc"), tuple(i for i in range(3)))
calls = []

def noisy(vals):
    for v in vals:
        calls.append(v)
        yield v

print(any(v > 2 for v in noisy([1, 3, 5, 7])), calls)
calls.clear()
print(all(v < 2 for v in noisy([1, 3, 5, 7])), calls)
ge = (i * 10 for i in range(3))
print(next(ge), list(ge), list(ge))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(12)])

def chain(*its):
    for it in its:
        yield from it

print(list(chain([1, 2], (3,), range(4, 6), "ab")))

def tree_walk(t, depth=0):
    name, kids = t
    yield depth, name
    for k in kids:
        yield from tree_walk(k, depth + 1)

tree = ("root", [("a", [("a1", []), ("a2", [])]), ("b", [("b1", [])])])
for depth, name in tree_walk(tree):
    print("  " * depth + name)

def pipeline(src):
    evens = (x for x in src if x % 2 == 0)
    squared = (x * x for x in evens)
    return list(squared)

print(pipeline(range(10)))
gen = (x for x in [1, 2])
print(type(gen).__name__, type(naturals()).__name__)
def windowed(seq, n):
    for i in range(len(seq) - n + 1):
        yield seq[i:i + n]

print(list(windowed([1, 2, 3, 4, 5], 3)), list(windowed("abcd", 2)))
