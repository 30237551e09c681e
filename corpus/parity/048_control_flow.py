# Control flow: if/elif/else, while/for with else, break/continue, conditional expressions, assert, del, pass.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n % 2 == 0:
        return "even"
    else:
        return "odd"

print([classify(n) for n in (-3, 0, 4, 7)])
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime", end="; ")
print()
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    if i == 4:
        break
    print("while body", i)
else:
    print("not printed: loop broke")
j = 0
while j < 3:
    j += 1
else:
    print("while else ran, j =", j)
for k in []:
    print("never")
else:
    print("for-else on empty loop")
total = 0
for a in range(5):
    for b in range(5):
        if b > a:
            break
        if (a + b) % 2:
            continue
        total += a * b
print("nested total", total)
x = 7
print("big" if x > 5 else "small", "even" if x % 2 == 0 else "odd", (1 if x else 0) + 1)
print([("fizz" * (n % 3 == 0) + "buzz" * (n % 5 == 0)) or n for n in range(1, 16)])
assert x == 7
assert x > 0, "x must be positive"
try:
    assert x < 0, "x is %d" % x
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("AssertionError with no message:", repr(e), e.args)
y = 10
del y
try:
    y
except NameError as e:
    print("NameError:", e)
lst = [0, 1, 2, 3, 4]
del lst[0], lst[-1]
print(lst)

class Box:
    pass

bx = Box()
bx.a = 1
bx.b = 2
del bx.a
print(hasattr(bx, "a"), bx.b)
if True:
    pass
while False:
    pass
counter = 0
while True:
    counter += 1
    if counter >= 1000:
        break
print("counter", counter)
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz 27 steps", steps)
print(0 or "" or None or "last", 1 and 2 and 3, 0 and 1/0, "" or 0, [] and "x", not [], not 5)
print(True or 1/0, False and 1/0, None is None and "yes")
grade = lambda s: "A" if s >= 90 else "B" if s >= 80 else "C" if s >= 70 else "F"
print([grade(s) for s in (95, 85, 75, 65)])
matrix = [[1, 2], [3, 4], [5, 6]]
found = None
for r, row in enumerate(matrix):
    for c, v in enumerate(row):
        if v == 4:
            found = (r, c)
            break
    if found:
        break
print("found at", found)
"""A bare string statement is a no-op."""
