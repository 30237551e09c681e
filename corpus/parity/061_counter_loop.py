# Seed-style program: the `x += 1` counter loop, single-threaded (deterministic).
x = 0

def work(n):
    global x
    for _ in range(n):
        x += 1

work(100000)
print("after one worker:", x)
for i in range(4):
    work(25000)
print("after four more workers:", x)

class Counter:
    def __init__(self):
        self.value = 0
    def increment(self):
        self.value += 1

c = Counter()
for _ in range(50000):
    c.increment()
print("object counter:", c.value)
counts = {"hits": 0}
for i in range(30000):
    counts["hits"] += 1
    if i % 3 == 0:
        counts["misses"] = counts.get("misses", 0) + 1
print("dict counter:", counts)
cells = [0] * 4
for i in range(40000):
    cells[i % 4] += 1
print("list cells:", cells, sum(cells))

def make_counter():
    total = 0
    def inc():
        nonlocal total
        total += 1
        return total
    return inc

inc = make_counter()
for _ in range(12345):
    last = inc()
print("closure counter:", last)
y = 0
while y < 100000:
    y += 1
print("while counter:", y)
expected = 100000 + 4 * 25000
print("matches expectation:", x == expected)
