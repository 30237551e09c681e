# list methods: append extend insert pop remove index count sort reverse copy clear.
a = [3, 1, 4]
a.append(1)
a.append([5, 9])
print(a, len(a))
a.extend([2, 6])
a.extend("ab")
a.extend(range(2))
a.extend((7,))
print(a)
a.insert(0, "first")
a.insert(-1, "beforelast")
a.insert(100, "end")
a.insert(-100, "start")
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a.pop(3))
print(a)
a.remove(1)
print(a, a.count(1), a.count("a"), a.count(99))
print(a.index(3), a.index(1), a.index(1, 3), a.index([5, 9]), a.index("b", -4))
try:
    a.remove(99)
except ValueError as e:
    print("ValueError:", e)
try:
    a.index("zz")
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].pop(5)
except IndexError as e:
    print("IndexError:", e)
b = a.copy()
b.append("only b")
print(len(a), len(b), b[-1], a is b, a == b[:-1])
nums = [5, 2, 8, 1, 9, 3]
nums.reverse()
print(nums)
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
r = nums.sort()
print(r, nums.reverse(), nums)
nums.clear()
print(nums, len(nums), bool(nums))
stack = []
for i in range(5):
    stack.append(i * i)
while stack:
    print("pop", stack.pop(), end="; ")
print()
queue = ["a", "b", "c"]
queue.append("d")
print(queue.pop(0), queue.pop(0), queue)
words = "the cat sat on the mat with the hat".split()
print(words.count("the"), words.index("sat"), words.index("the", 1), words.index("the", 5))
m = [[0] * 3 for _ in range(3)]
m[1][1] = 5
print(m)
bad = [[0] * 3] * 3
bad[1][1] = 5
print(bad)
x = [1, 2]
y = x
y += [3]
print(x, y, x is y)
y = y + [4]
print(x, y, x is y)
x *= 2
print(x, [0] * 0, [None] * 3, [1, 2] * -1)
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 99], [1, [2]] == [1, [2]])
print(list(), list("xyz"), list(range(3)), list((1, 2)), list({1: "a", 2: "b"}))
print(3 in [1, 2, 3], 4 not in [1, 2, 3], [1] in [[1], 2])
print(max([3, 7, 2]), min([3, 7, 2]), sum([3, 7, 2]), sorted([3, 7, 2]))
