# sorting: stability with key, reverse, sorted(), nested lists and comparisons.
people = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 22), ("frank", 25)]
print(sorted(people))
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
by_len = sorted(["ccc", "a", "bb", "dd", "e", "fff", "g"], key=len)
print(by_len, sorted(["ccc", "a", "bb", "dd", "e", "fff", "g"], key=len, reverse=True))
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=lambda w: (w.lower(), w)), sorted(words, key=lambda w: w.lower(), reverse=True))
nums = [5, -3, 2, -8, 7, 0, -1]
nums.sort(key=abs)
print(nums)
nums.sort(key=lambda n: n % 3)
print(nums)
nums.sort()
print(nums, sorted(nums, reverse=True))
recs = [{"n": "x", "v": 3}, {"n": "y", "v": 1}, {"n": "z", "v": 3}, {"n": "w", "v": 2}]
recs.sort(key=lambda r: r["v"])
print([r["n"] for r in recs])
recs.sort(key=lambda r: r["v"], reverse=True)
print([r["n"] for r in recs])
nested = [[3, 1], [1, 2, 3], [1, 2], [2], [], [1, 2, 0]]
print(sorted(nested), max(nested), min(nested))
print(sorted((3, 1, 2)), sorted("zyx"), sorted([2.5, 1, -0.5, 3]), sorted([True, False, 2, 0.5]))
print(sorted([[1, "b"], [1, "a"], [0, "z"]]))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
try:
    [[1], ["a"]].sort()
except TypeError as e:
    print("TypeError:", e)

def stable_check(items, keyf):
    tagged = sorted([(keyf(x), i, x) for i, x in enumerate(items)])
    plain = sorted(items, key=keyf)
    return [t[2] for t in tagged] == plain

data = [(i * 7919) % 13 for i in range(40)]
print(stable_check(data, lambda v: v % 4), stable_check(people, lambda p: p[1]))
print(sorted(data), sorted(data, key=lambda v: -v)[:10])
ranked = sorted(enumerate(["d", "a", "c", "b"]), key=lambda t: t[1])
print(ranked)
print(list(reversed(sorted(range(5)))), sorted(range(10, 0, -3)))
scores = {"amy": 88, "ben": 95, "cal": 88, "dot": 70}
for name in sorted(scores, key=lambda k: (-scores[k], k)):
    print(name, scores[name])
print(sorted(scores.items(), key=lambda kv: kv[1]))
big = list(range(1000, 0, -1))
big.sort()
print(big[:5], big[-5:], len(big))
print([3, 1] * 2, sorted([3, 1] * 2), [[0, 1]] * 2)
