# collections.deque: both ends, maxlen, rotation, indexing, searching,
# comparisons, arithmetic, reprs and CPython's errors.
from collections import deque

d = deque()
print(d, len(d), bool(d), d.maxlen)
for i in range(5):
    d.append(i)
    d.appendleft(-i)
print(d, len(d), d[0], d[-1], d[4], d[-5])
print(d.pop(), d.popleft(), d)
d.extend("ab")
d.extendleft([10, 20])
print(d)
print(list(reversed(d)), list(d)[2:5])

# Growing and shrinking well past the initial buffer, from both ends.
big = deque()
for i in range(1000):
    if i % 3 == 0:
        big.appendleft(i)
    else:
        big.append(i)
print(len(big), big[0], big[-1], big[500], sum(big))
while len(big) > 10:
    big.pop()
    big.popleft()
print(big)

# maxlen: items fall off the other end.
b = deque(range(3), maxlen=3)
print(b, b.maxlen)
b.append(3)
print(b)
b.appendleft(-1)
print(b)
b.extend([7, 8])
print(b)
b.extendleft([100, 200])
print(b)
z = deque([1, 2], maxlen=0)
z.append(5)
z.appendleft(6)
print(z, len(z))
print(deque('abcdef', 4))

# Rotation, right and left, full and partly full buffers.
r = deque(range(7))
r.rotate()
print(r)
r.rotate(3)
print(r)
r.rotate(-5)
print(r)
r.rotate(14)
print(r)
r2 = deque(range(8))  # a full ring buffer
r2.rotate(3)
print(r2)
r2.rotate(-11)
print(r2)
deque().rotate(5)

# Indexing, assignment and deletion (negative indices too).
s = deque("abcdefgh")
s[0] = "A"
s[-1] = "H"
s[3] = "D"
print(s)
del s[1]
del s[-2]
del s[4]
print(s, len(s))
s.insert(0, "<")
s.insert(100, ">")
s.insert(-1, "-")
s.insert(3, "*")
s.insert(-100, "^")
print(s)

# Searching.
q = deque([1, 2, 3, 2, 1, 2])
print(q.count(2), q.count(9), q.index(2), q.index(2, 2), q.index(2, -2), q.index(1, 1, 5))
print(2 in q, 7 in q)
q.remove(2)
print(q)
q.reverse()
print(q)
c = q.copy()
c.append(99)
print(q, c, type(c).__name__)
q.clear()
print(q, len(q))

# Comparisons and arithmetic.
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) != deque([1, 3]), deque([1]) == [1])
print(deque([1, 2]) < deque([1, 3]), deque([2]) > deque([1, 9]), deque([1]) <= deque([1]), deque() >= deque())
print(deque([1, 2]) + deque([3]), deque("ab") * 3, 2 * deque([0]), deque([1]) * 0)
m = deque([1, 2, 3], maxlen=4)
print(m + deque([4, 5]), m * 2)
m += [4, 5, 6]
print(m)
m *= 2
print(m)
n = deque([1, 2])
n += n
print(n)
n.extend(n)
print(n)

# Subclasses keep their name in the repr and copies.
class MyDeque(deque):
    pass

md = MyDeque([1, 2], 5)
print(md, md.copy(), type(md.copy()).__name__, md + deque([3]), type(md + deque([3])).__name__)
nested = deque([1])
nested.append(nested)
print(nested)

# Re-initialising replaces the contents.
ri = deque([1, 2, 3])
ri.__init__([9], maxlen=2)
print(ri)

# Errors.
def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

attempt("pop", lambda: deque().pop())
attempt("popleft", lambda: deque().popleft())
attempt("index", lambda: deque([1])[1])
attempt("neg index", lambda: deque([1])[-2])
attempt("str index", lambda: deque([1])["a"])
attempt("slice", lambda: deque([1])[0:1])
attempt("remove", lambda: deque([1]).remove(2))
attempt("index()", lambda: deque([1, 2, 3]).index(3, 0, 2))
attempt("index('a')", lambda: deque(["b"]).index("a"))
attempt("full insert", lambda: deque([1], 1).insert(0, 1))
attempt("maxlen", lambda: deque(maxlen=-1))
attempt("maxlen type", lambda: deque(maxlen="a"))
attempt("rotate", lambda: deque([1]).rotate("a"))
attempt("add", lambda: deque([1]) + [2])
attempt("iterable", lambda: deque(1))
attempt("setitem", lambda: deque([1]).__setitem__(5, 0))
attempt("delitem", lambda: deque([1]).__delitem__(-3))

# Unhashable, and unordered against other types (only the exception type
# is shown: CPython's C type names itself 'collections.deque' there).
for f in (lambda: hash(deque()), lambda: deque([1]) < [1]):
    try:
        f()
    except TypeError:
        print("TypeError")

# Mutation during iteration.
for grow in (True, False):
    it_d = deque([1, 2, 3])
    try:
        for x in it_d:
            if x == 2:
                if grow:
                    it_d.append(4)
                else:
                    it_d.popleft()
        print("no error")
    except RuntimeError as e:
        print("RuntimeError:", e)
late = deque([1, 2])
it = iter(late)
print(next(it), next(it))
late.append(3)
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError:", e)
rot = deque([1, 2, 3])
it = iter(rot)
next(it)
rot.rotate()
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError:", e)
same = deque([1, 2, 3])
it = iter(same)
next(it)
same[2] = 30  # assignment keeps the iteration going
print(list(it))
rv = deque([1, 2, 3])
print(list(reversed(rv)), next(reversed(rv)))
