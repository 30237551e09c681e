# Closures, nonlocal, global, scoping rules.
count = 0

def bump():
    global count
    count += 1
    return count

bump()
bump()
print("global count", count)

def make_counter(start=0):
    n = start
    def inc(step=1):
        nonlocal n
        n += step
        return n
    def get():
        return n
    return inc, get

inc1, get1 = make_counter()
inc2, get2 = make_counter(100)
inc1()
inc1(5)
inc2()
print(get1(), get2(), inc1(), get1())

def outer():
    x = "outer"
    def middle():
        x = "middle"
        def inner():
            nonlocal x
            x = "changed by inner"
            return x
        inner()
        return x
    m = middle()
    return x, m

print(outer())

def accumulate():
    total = []
    def add(v):
        total.append(v)
        return sum(total)
    return add

acc = accumulate()
print(acc(1), acc(2), acc(10))
x = "module"

def read_global():
    return x

def shadow():
    x = "local"
    return x

print(read_global(), shadow(), x)

def set_global():
    global new_global
    new_global = "created"

set_global()
print(new_global)
adders = []
for i in range(3):
    def adder(v, i=i):
        return v + i
    adders.append(adder)
print([a(100) for a in adders])
closures = []
for i in range(3):
    closures.append(lambda: i)
print([c() for c in closures])

def counter_factory():
    counts = {}
    def hit(key):
        counts[key] = counts.get(key, 0) + 1
        return counts[key]
    def snapshot():
        return dict(counts)
    return hit, snapshot

hit, snap = counter_factory()
for k in "abacab":
    hit(k)
print(snap())

def fib_gen_closure():
    a, b = 0, 1
    def nxt():
        nonlocal a, b
        r = a
        a, b = b, a + b
        return r
    return nxt

nf = fib_gen_closure()
print([nf() for _ in range(12)])

def scope_test():
    def do_local():
        spam = "local spam"
    def do_nonlocal():
        nonlocal spam
        spam = "nonlocal spam"
    def do_global():
        global spam
        spam = "global spam"
    spam = "test spam"
    do_local()
    print("After local assignment:", spam)
    do_nonlocal()
    print("After nonlocal assignment:", spam)
    do_global()
    print("After global assignment:", spam)

scope_test()
print("In global scope:", spam)

def unbound():
    try:
        print(y_local)
    except NameError as e:
        print(type(e).__name__, e)
    y_local = 1
    return y_local

print(unbound())
try:
    print(undefined_name)
except NameError as e:
    print("NameError:", e)
