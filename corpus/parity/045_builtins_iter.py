# Builtins over iterables: sorted min max sum enumerate zip map filter reversed len.
words = ("pear", "Fig", "apple", "kiwi", "banana", "date")
print(sorted(words), sorted(words, key=len), sorted(words, key=lambda w: w.lower()), sorted(words, reverse=True))
print(sorted(words, key=len, reverse=True), sorted("Mississippi"), sorted("hello world", reverse=True))
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")]), sorted([(2, "b"), (1, "z")], key=lambda t: t[1]))
print(sorted({"b": 1, "a": 2}), sorted([]), sorted(range(5, 0, -1)), sorted([3.5, -1, 2]))
print(min(3, 1, 2), max(3, 1, 2), min([4, 2, 8]), max("hello"), min("b", "a", "c"), max([1.5, 2, -3]))
print(min(words, key=len), max(words, key=len), min([], default="empty"), max([], default=None), max([7], default=0))
print(max([-5, 3, -9], key=abs), min([-5, 3, -9], key=abs), max("aa", "b", key=len), min((1, "x"), (1, "a")))
print(max([1, 3, 3, 2], key=lambda x: -x), max([(1, "a"), (3, "b"), (3, "c")], key=lambda t: t[0]))
try:
    min([])
except ValueError as e:
    print("ValueError:", e)
try:
    max()
except TypeError as e:
    print("TypeError:", e)
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([[1], [2, 3]], []), sum([0.5, 0.25]), sum(range(101)), sum([], 5))
print(sum([(1, 2), (3,)], ()), sum([True, True, False]), sum(x * x for x in range(4)))
print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate("abc", start=-1)), list(enumerate([])))
print(list(zip([1, 2, 3], "ab")), list(zip("abc", range(10), (True, False, None))), list(zip()), list(zip([1])))
print(dict(zip(["a", "b"], [1, 2, 3])), list(zip(*[(1, "x"), (2, "y")])))
print(list(map(abs, [-1, -2, 3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(lambda c: c.upper(), "abc")))
print(list(map(pow, [2, 3, 4], [3, 2, 1])), list(map(int, "123")), list(map(len, words)))
print(list(filter(None, [0, 1, "", "a", None, [], [0], False, 2.5])), list(filter(lambda c: c.isdigit(), "a1b2c3")))
print(list(filter(lambda x: x > 2, range(6))), list(filter(None, [])))
print(list(reversed([1, 2, 3])), list(reversed(range(5))), list(reversed("abc")), "".join(reversed("stressed")))
print(list(reversed(range(10, 0, -3))), list(reversed((1, 2))), list(reversed([])))
print(len("hello"), len([1, 2]), len((1,)), len({1: 2}), len({1, 2, 3}), len(range(10)), len(range(0, 10, 3)), len(b"ab"))
print(len(range(10, 0, -2)), len(range(5, 5)), len(range(0, -10, -3)), len(""), len([[]]))
pairs = list(zip(range(3), map(lambda v: v * v, range(3))))
print(pairs, [i for i, _ in pairs])
totals = [sum(col) for col in zip([1, 2, 3], [10, 20, 30], [100, 200, 300])]
print(totals)
names = ["ann", "bob", "cy"]
ages = [31, 27, 45]
for rank, (name, age) in enumerate(sorted(zip(names, ages), key=lambda p: p[1]), start=1):
    print(rank, name, age)
print(list(map(lambda p: p[0] + str(p[1]), zip("abc", range(3)))))
print(sorted(map(lambda s: s[::-1], words))[:3], max(map(len, words)), min(filter(lambda w: "a" in w, words)))
print(list(enumerate(zip("ab", "xy"))), list(zip(enumerate("ab"), "xy")))
print(list(map(sum, [[1, 2], [3, 4], []])), all(map(bool, [1, "x"])), any(map(bool, [0, ""])))
