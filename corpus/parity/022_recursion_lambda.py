# Recursion, lambdas, higher-order functions, functions as values.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src, moves)

def flatten(x):
    if isinstance(x, list):
        out = []
        for item in x:
            out.extend(flatten(item))
        return out
    return [x]

def permutations(seq):
    if len(seq) <= 1:
        return [seq]
    res = []
    for i in range(len(seq)):
        for rest in permutations(seq[:i] + seq[i + 1:]):
            res.append(seq[i:i + 1] + rest)
    return res

def is_even(n):
    return True if n == 0 else is_odd(n - 1)

def is_odd(n):
    return False if n == 0 else is_even(n - 1)

print([fact(i) for i in range(10)], fact(25))
print([fib(i) for i in range(15)])
print(ackermann(2, 3), ackermann(1, 5))
moves = []
hanoi(4, "A", "C", "B", moves)
print(len(moves), moves[:5])
print(flatten([1, [2, [3, [4, []]], 5], [[6]]]))
print(permutations("abc"), len(permutations([1, 2, 3, 4])))
print(is_even(10), is_odd(7), is_even(7))
sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(7), add(1), add(1, 2), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, z=2))
print(list(map(lambda x: x * 3, [1, 2, 3])), list(filter(lambda s: len(s) > 2, ["ab", "abc", "abcd"])))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print([ops[o](6, 3) for o in "+-*"])

def compose(*fs):
    def run(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return run

inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(5))

def make_multiplier(n):
    return lambda x: x * n

triple = make_multiplier(3)
print(triple(4), make_multiplier(-1)(8), triple.__name__, fact.__name__)
funcs = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in funcs])
late = [lambda x: x + i for i in range(3)]
print([f(10) for f in late])

def reduce(f, items, init):
    acc = init
    for it in items:
        acc = f(acc, it)
    return acc

print(reduce(lambda a, b: a + b, range(101), 0), reduce(lambda a, b: a * b, range(1, 8), 1))
print(reduce(lambda acc, w: acc + [w.upper()], ["x", "y"], []))
print(sorted(["aa", "b", "cccc"], key=lambda s: -len(s)), max([(1, "z"), (2, "a")], key=lambda t: t[1]))
fn = print
fn("print through a variable", sep="")

def power_set(items):
    if not items:
        return [[]]
    rest = power_set(items[1:])
    return rest + [[items[0]] + r for r in rest]

print(power_set([1, 2, 3]))
