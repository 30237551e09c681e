# bisect: bisect_left / bisect_right / bisect, insort_left / insort_right /
# insort, with lo / hi / key, on lists and other sequences; comparison
# order; errors.
import bisect
from bisect import bisect_left, bisect_right, insort_left, insort_right, insort


def show(label, f):
    try:
        print(label, '->', f())
    except Exception as e:
        print(label, '!!', type(e).__name__ + ':', e)


a = [1, 2, 2, 2, 3, 5, 8, 8, 13]
for x in [0, 1, 2, 3, 4, 8, 13, 14, 2.5]:
    print(x, bisect_left(a, x), bisect_right(a, x), bisect.bisect(a, x))
print(bisect_left(a, 2, 2), bisect_left(a, 2, 4), bisect_right(a, 8, 0, 6), bisect_right(a, 8, hi=7))
print(bisect_left(a, 2, lo=1, hi=3), bisect_right(a, 100, 3, 5), bisect_left(a, 0, 5), bisect_left([], 1))
print(bisect_right(a, 2, hi=-1), bisect_left(a, 2, 0, -5), bisect_right(a, 3, True), bisect_left(a, 3, 0, None))
print(bisect_left('acegi', 'd'), bisect_right((1, 3, 5), 3), bisect_left(range(0, 100, 5), 42))


def grade(score, breakpoints=[60, 70, 80, 90], grades='FDCBA'):
    return grades[bisect_right(breakpoints, score)]


print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])

# key
records = [('ann', 18), ('bob', 25), ('cid', 25), ('dee', 31), ('eve', 40)]
age = lambda r: r[1]
print(bisect_left(records, 25, key=age), bisect_right(records, 25, key=age),
      bisect_left(records, 26, key=age), bisect.bisect(records, 99, key=age),
      bisect_left(records, 25, 2, key=age), bisect_right(records, 31, 0, 3, key=age))
print(bisect_left(['a', 'bb', 'ccc'], 2, key=len), bisect_right([-3, -1, 2], 1, key=abs))

# insort
s = []
for x in [5, 1, 4, 1, 5, 9, 2, 6, 5, 3]:
    insort(s, x)
print(s)
l = [1, 1.0, 1]
insort_left(l, True)
insort_right(l, 1.0)
print(l, [type(v).__name__ for v in l])
t = [(1, 'a'), (3, 'c')]
insort_left(t, (2, 'b'))
insort_right(t, (3, 'a'))
insort_left(t, (3, 'c'))
print(t)
people = []
for rec in [('x', 30), ('y', 20), ('z', 30), ('w', 20), ('v', 25)]:
    insort_right(people, rec, key=age)
print(people)
people2 = []
for rec in [('x', 30), ('y', 20), ('z', 30), ('w', 20), ('v', 25)]:
    insort_left(people2, rec, key=age)
print(people2)
bounded = [9, 1, 2, 3, 0]
insort(bounded, 2, 1, 4)
insort_left(bounded, 7, lo=5)
print(bounded)


class Seq:
    def __init__(self, items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def insert(self, i, x):
        print('insert', i, x)
        self.items.insert(i, x)


seq = Seq([10, 20, 30])
insort(seq, 25)
insort_left(seq, 10)
print(seq.items, bisect_left(seq, 30))

# comparison order: which elements get compared, and how


class Num:
    def __init__(self, v, log):
        self.v = v
        self.log = log

    def __lt__(self, other):
        o = other.v if isinstance(other, Num) else other
        self.log.append('%s<%s' % (self.v, o))
        return self.v < o

    def __gt__(self, other):
        self.log.append('%s>%s' % (self.v, other))
        return self.v > other


log = []
nums = [Num(v, log) for v in range(0, 32, 2)]
bisect_left(nums, Num(13, log))
print(log)
log.clear()
bisect_right(nums, Num(13, log))
print(log)
log.clear()
bisect_right(nums, 13)
print(log)
log.clear()
print(bisect_left(nums, 13, key=lambda n: n.v), log)

# errors
show('lo negative', lambda: bisect_left(a, 1, -1))
show('lo negative kw', lambda: bisect_right(a, 1, lo=-1))
show('insort lo negative', lambda: insort(a, 1, -1))
show('insort_left lo negative', lambda: insort_left(a, 1, -5))
show('lo str', lambda: bisect_left(a, 1, 'a'))
show('lo None', lambda: bisect_left(a, 1, None))
show('hi float', lambda: bisect_right(a, 1, 0, 1.5))
show('hi too big', lambda: bisect_right([1, 2], 1, 0, 10))
show('no len', lambda: bisect_right(1, 1))
show('insort tuple', lambda: insort((1, 2), 3))
show('uncomparable', lambda: bisect_left([1, 2], 'a'))
