# heapq: heap layout after each operation (ties and comparison order are
# CPython's), nlargest / nsmallest with and without key, merge with key /
# reverse and its laziness, the max-heap helpers, errors.
import heapq
from heapq import (heappush, heappop, heapify, heapreplace, heappushpop,
                   nlargest, nsmallest, merge)


def show(label, f):
    try:
        print(label, '->', f())
    except Exception as e:
        print(label, '!!', type(e).__name__ + ':', e)


def lcg(seed, n, mod=50):
    out = []
    for i in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        out.append(seed % mod)
    return out


data = lcg(7, 25)
print(data)
h = []
for x in data:
    heappush(h, x)
print(h)
print([heappop(h) for i in range(10)], h)
h2 = list(data)
heapify(h2)
print(h2)
print(heapreplace(h2, 100), h2)
print(heappushpop(h2, -1), heappushpop(h2, 30), h2)
print(heappushpop([], 5), sorted(h2) == [heappop(h2) for i in range(len(h2))])

# records with equal keys: the layout shows which tie moved where


class Item:
    compares = 0

    def __init__(self, key, tag):
        self.key = key
        self.tag = tag

    def __lt__(self, other):
        Item.compares += 1
        return self.key < other.key

    def __repr__(self):
        return '%d%s' % (self.key, self.tag)


items = [Item(k, t) for k, t in zip(lcg(3, 30, 5), 'abcdefghijklmnopqrstuvwxyzABCD')]
heap = list(items)
heapify(heap)
print(heap, Item.compares)
Item.compares = 0
popped = [heappop(heap) for i in range(12)]
print(popped, Item.compares)
print(heap)
Item.compares = 0
for it in items[:8]:
    heappush(heap, it)
print(heap, Item.compares)
Item.compares = 0
print(heapreplace(heap, Item(2, '*')), heappushpop(heap, Item(0, '!')), heappushpop(heap, Item(3, '?')))
print(heap, Item.compares)

# tuples as priority entries
tasks = []
for prio, name in [(3, 'write'), (1, 'plan'), (2, 'test'), (1, 'coffee'), (3, 'ship')]:
    heappush(tasks, (prio, name))
print([heappop(tasks) for i in range(len(tasks))])

# nlargest / nsmallest
nums = lcg(11, 40, 100)
print(nlargest(5, nums), nsmallest(5, nums))
print(nlargest(1, nums), nsmallest(1, nums), nlargest(0, nums), nsmallest(-3, nums))
print(nlargest(100, nums) == sorted(nums, reverse=True), nsmallest(50, nums) == sorted(nums))
print(nlargest(3, iter(nums)), nsmallest(3, iter(nums)), nlargest(3, []), nsmallest(2, iter([])))
print(nlargest(1, []), nsmallest(1, iter([])))
words = ['kiwi', 'fig', 'banana', 'apple', 'date', 'cherry', 'plum', 'lime', 'pear']
print(nlargest(3, words, key=len), nsmallest(3, words, key=len))
print(nlargest(4, iter(words), key=len), nsmallest(4, iter(words), key=len))
print(nlargest(1, words, key=len), nsmallest(1, words, key=len))
print(nlargest(2, [(1, 'a'), (1, 'b'), (0, 'c')], key=lambda p: p[0]))
Item.compares = 0
tied = [Item(k, t) for k, t in zip(lcg(5, 20, 4), 'abcdefghijklmnopqrst')]
print(nsmallest(6, iter(tied)), nlargest(6, iter(tied)), Item.compares)
print(nsmallest(6, tied, key=lambda i: i.key), nlargest(6, tied, key=lambda i: i.key))
show('nlargest int', lambda: nlargest(2, 5))
show('nsmallest str n', lambda: nsmallest('a', [1]))

# merge
print(list(merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 10, 15, 20], [], [25])))
print(list(merge(['dog', 'horse'], ['cat', 'fish', 'kangaroo'], key=len)))
print(list(merge([7, 5, 1], [8, 2], [6, 5], reverse=True)))
print(list(merge(['aaa', 'b'], ['cc', 'd'], key=len, reverse=True)))
print(list(merge()), list(merge([])), list(merge([], [1])), list(merge([2, 1])))
a = [Item(1, 'a1'), Item(2, 'a2'), Item(2, 'a3')]
b = [Item(1, 'b1'), Item(2, 'b2')]
print(list(merge(a, b)), list(merge(b, a)), list(merge(a, b, key=lambda i: i.key)))
log = []


def source(name, values):
    for v in values:
        log.append(name + str(v))
        yield v


m = merge(source('x', [1, 4]), source('y', [2, 3]))
print(type(m).__name__, log)
print(next(m), log)
print(next(m), log)
print(list(m), log)
show('merge bad kw', lambda: merge([1], foo=1))
show('merge not iterable', lambda: list(merge([1], 2)))

# max-heap helpers
mh = lcg(2, 15)
heapq._heapify_max(mh)
print(mh)
print(heapq._heappop_max(mh), heapq._heapreplace_max(mh, 10), mh)
print(sorted(heapq.__all__))

# errors
show('heappop empty', lambda: heappop([]))
show('heapreplace empty', lambda: heapreplace([], 1))
show('heappush tuple', lambda: heappush((), 1))
show('heappop tuple', lambda: heappop((1,)))
show('heapify tuple', lambda: heapify((1, 2)))
show('heappushpop tuple', lambda: heappushpop((1,), 2))
show('heapreplace str', lambda: heapreplace('ab', 1))
show('push uncomparable', lambda: heappush([1], 'a'))
show('heapify uncomparable', lambda: heapify([1, None, 3]))
