# random with integer seeds: sequences must match CPython exactly.
import random

random.seed(42)
print([random.random() for _ in range(5)])
random.seed(42)
print(random.random())
random.seed(0)
print([random.randint(1, 6) for _ in range(20)])
print([random.randrange(10) for _ in range(10)])
print([random.randrange(5, 50, 5) for _ in range(10)])
print([random.randrange(-10, 10) for _ in range(10)])
random.seed(123)
colors = ["red", "green", "blue", "yellow", "purple"]
print([random.choice(colors) for _ in range(8)])
deck = list(range(1, 14))
random.shuffle(deck)
print(deck)
random.shuffle(deck)
print(deck)
print(random.sample(range(100), 10), random.sample(colors, 3), random.sample("abcdefg", 7))
random.seed(7)
print([random.uniform(1.0, 2.0) for _ in range(4)])
print([random.uniform(-5, 5) for _ in range(3)])
print([random.gauss(0, 1) for _ in range(4)])
print([round(random.gauss(100, 15), 6) for _ in range(3)])
random.seed(2024)
print(random.randint(0, 10 ** 20), random.randrange(2 ** 40), random.randint(-5, -1))
random.seed(99)
walk = 0
path = []
for _ in range(15):
    walk += random.choice([-1, 1])
    path.append(walk)
print(path)
random.seed(1)
rolls = {}
for _ in range(600):
    r = random.randint(1, 6)
    rolls[r] = rolls.get(r, 0) + 1
print(sorted(rolls.items()))
random.seed(5)
inside = 0
for _ in range(2000):
    x, y = random.random(), random.random()
    if x * x + y * y <= 1:
        inside += 1
print("pi estimate", 4 * inside / 2000)
random.seed(10)
a = [random.random() for _ in range(3)]
random.seed(10)
b = [random.random() for _ in range(3)]
print(a == b)
random.seed(31337)
word = list("permutation")
random.shuffle(word)
print("".join(word), random.choice("xyz"), random.choice(range(100, 200)))
random.seed(8)
print(random.sample([1, 2, 3, 4, 5, 6, 7, 8], 4), random.randint(1, 1))
random.seed(2 ** 40 + 17)
print(random.random(), random.randint(1, 1000))
random.seed(-3)
print(random.random())
