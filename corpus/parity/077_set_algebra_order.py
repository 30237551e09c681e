# Set algebra follows CPython's algorithms, so results iterate in CPython's
# order: binary operators, in-place operators and the *_update methods, on
# tables with deleted slots (dummies) and of different sizes.
import random

random.seed(5)
for trial in range(120):
    a = set(random.randrange(-50, 200) for _ in range(random.randrange(0, 40)))
    b = set(random.randrange(-50, 200) for _ in range(random.randrange(0, 40)))
    for x in list(a)[:random.randrange(0, 5)]:
        a.discard(x)
    op = trial % 12
    if op == 0:
        r = a | b
    elif op == 1:
        r = a & b
    elif op == 2:
        r = a - b
    elif op == 3:
        r = a ^ b
    elif op == 4:
        a |= b
        r = a
    elif op == 5:
        a &= b
        r = a
    elif op == 6:
        a -= b
        r = a
    elif op == 7:
        a ^= b
        r = a
    elif op == 8:
        a.intersection_update(b, [1, 2, 3] + list(b))
        r = a
    elif op == 9:
        a.difference_update(b)
        r = a
    elif op == 10:
        a.symmetric_difference_update(b)
        r = a
    else:
        r = a.union(b, range(5))
    print(trial, list(r))
words = {"w%d" % i for i in range(40)}
words -= {"w%d" % i for i in range(0, 40, 3)}
print(sorted(words) == sorted(set(words)), len(words))
s = {1, 2, 3}
s -= s
print(s)
