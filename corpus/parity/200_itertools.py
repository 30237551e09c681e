# itertools: every iterator's results, reprs, type names, argument errors
# and laziness (what is read from the input, and when).
import itertools
from itertools import (accumulate, chain, combinations,
                       combinations_with_replacement, compress, count, cycle,
                       dropwhile, filterfalse, groupby, islice, pairwise,
                       permutations, product, repeat, starmap, takewhile, tee,
                       zip_longest)
import operator


def show(label, f):
    try:
        print(label, '->', f())
    except Exception as e:
        print(label, '!!', type(e).__name__ + ':', e)


class Log:
    """An iterator over a sequence that records every value read from it."""

    def __init__(self, name, items, log):
        self.name = name
        self.items = list(items)
        self.i = 0
        self.log = log

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= len(self.items):
            self.log.append(self.name + ':end')
            raise StopIteration
        v = self.items[self.i]
        self.i += 1
        self.log.append(self.name + ':' + str(v))
        return v


# --- count / cycle / repeat
c = count()
print([next(c) for i in range(3)], c)
c = count(10, 5)
print(next(c), next(c), repr(c))
c = count(2.5, 0.5)
print([next(c) for i in range(4)], c)
c = count(start=-3)
print(next(c), c)
c = count(step=-2)
print(next(c), next(c), c)
c = count(True)
print(next(c), c)
c = count(True, 2)
print(next(c), c)
c = count(1, True)
print(next(c), c)
c = count(0, 1.0)
print(next(c), next(c), c)
c = count(2 ** 65)
print(next(c), c)
print(list(zip('abc', count(1))))
show('count str', lambda: count('a'))
show('count step str', lambda: count(1, 'x'))
show('count 3 args', lambda: count(1, 2, 3))
show('count bad kw', lambda: count(x=1))

print(list(islice(cycle('abc'), 8)))
print(list(cycle([])))
log = []
cy = cycle(Log('s', [1, 2], log))
print([next(cy) for i in range(5)], log)
show('cycle()', lambda: cycle())
show('cycle(1)', lambda: cycle(1))
show('cycle kw', lambda: cycle(x=1))

r = repeat('x', 3)
print(r, r.__length_hint__(), list(r), r, r.__length_hint__())
print(repeat([1, 2]), list(islice(repeat(7), 4)))
print(repeat(1, -5), list(repeat(1, -5)), repeat(object='o', times=2))
print(repeat(None, True), list(repeat(None, 0)))
print(list(map(pow, range(5), repeat(2))))
show('repeat()', lambda: repeat())
show('repeat 3 args', lambda: repeat(1, 2, 3))
show('repeat times str', lambda: repeat(1, 'a'))
show('repeat times float', lambda: repeat(1, 1.5))
show('repeat times None', lambda: repeat(1, None))
show('repeat hint', lambda: repeat(1).__length_hint__())
show('repeat bad kw', lambda: repeat(1, tims=2))

# --- accumulate
print(list(accumulate([1, 2, 3, 4, 5])))
print(list(accumulate([1, 2, 3, 4, 5], operator.mul)))
print(list(accumulate([3, 1, 4, 1, 5, 9, 2], max)))
print(list(accumulate([1, 2, 3], initial=100)))
print(list(accumulate([], initial=7)), list(accumulate([])))
print(list(accumulate('abc')))
print(list(accumulate([1, 2], func=None, initial=None)))
print(list(accumulate([[1], [2], [3]])))
show('accumulate()', lambda: accumulate())
show('accumulate(1)', lambda: accumulate(1))
show('accumulate 3 pos', lambda: accumulate([1], None, 3))
show('accumulate bad kw', lambda: accumulate([1], x=2))
show('accumulate bad add', lambda: list(accumulate([1, 'a'])))
log = []
a = accumulate(Log('a', [1, 2, 3], log), initial=0)
print(next(a), log, next(a), log)

# --- chain
print(list(chain('ab', [1, 2], (), range(2))))
print(list(chain()), list(chain([])))
print(list(chain.from_iterable(['ab', 'cd', ''])))
print(list(chain.from_iterable(x * 'z' for x in range(4))))
log = []
ch = chain(Log('p', [1], log), Log('q', [2], log))
print(next(ch), log)
print(next(ch), log)
show('chain end', lambda: next(ch))
print(log)
ch = chain([1], 5, [2])
print(next(ch))
show('chain bad item', lambda: next(ch))
show('chain kw', lambda: chain(x=1))
show('from_iterable()', lambda: chain.from_iterable())
show('from_iterable(1)', lambda: chain.from_iterable(1))
show('from_iterable([1])', lambda: list(chain.from_iterable([1])))
print(type(chain.from_iterable([])).__name__)

# --- compress / dropwhile / takewhile / filterfalse / starmap
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])))
print(list(compress('ABC', [0, 1, 1, 1, 1])), list(compress('ABCDE', [1, 1])))
print(list(compress(data=range(5), selectors=cycle([True, False]))))
log = []
cp = compress(Log('d', 'xyz', log), Log('s', [0, 0], log))
show('compress run', lambda: list(cp))
print(log)
show('compress()', lambda: compress())
show('compress one', lambda: compress([1]))
show('compress 1', lambda: compress(1, [1]))

print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(dropwhile(bool, [])), list(takewhile(bool, [])))
log = []
tw = takewhile(lambda x: x < 2, Log('t', [0, 1, 2, 3], log))
print(list(tw), log, list(tw), log)
log = []
dw = dropwhile(lambda x: x < 2, Log('d', [0, 1, 2, 0, 3], log))
print(next(dw), log)
print(list(dw), log)
show('dropwhile()', lambda: dropwhile())
show('dropwhile one', lambda: dropwhile(None))
show('dropwhile None', lambda: list(dropwhile(None, [1])))
show('takewhile 3', lambda: takewhile(1, 2, 3))
show('takewhile kw', lambda: takewhile(predicate=1, iterable=2))

print(list(filterfalse(lambda x: x % 2, range(10))))
print(list(filterfalse(None, [0, 1, '', 'a', [], [0], None])))
print(list(filterfalse(bool, [0, 1, 2, 0])))
show('filterfalse()', lambda: filterfalse())
show('filterfalse int', lambda: filterfalse(None, 1))

print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(starmap(operator.add, ['ab', [1, 2]])))
print(list(starmap(lambda *a: a, [(), (1,), [2, 3]])))
show('starmap()', lambda: starmap())
show('starmap bad item', lambda: list(starmap(pow, [1])))

# --- groupby
print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([k for k, g in groupby('AAAABBBCCD')])
print([(k, list(g)) for k, g in groupby([1, 3, 2, 4, 5, 7, 6], key=lambda x: x % 2)])
print([(k, ''.join(g)) for k, g in groupby(['apple', 'avocado', 'banana', 'blueberry', 'cherry'], key=lambda s: s[0])])
print(list(groupby([])), list(groupby(iterable=[], key=None)))
gb = groupby('aabbbc')
k1, g1 = next(gb)
k2, g2 = next(gb)
print(k1, list(g1), k2, next(g2), end=' ')
k3, g3 = next(gb)
print(list(g2), k3, list(g3))
show('groupby end', lambda: next(gb))
gb = groupby([1, 1, 2])
k, g = next(gb)
print(type(gb).__name__, type(g).__name__, type(g).__module__)
log = []
gb = groupby(Log('g', [1, 1, 2, 2, 3], log))
k, g = next(gb)
print(k, log)
print(next(g), next(g), log)
show('group end', lambda: next(g))
print(log)
k, g = next(gb)
print(k, list(g), log)


class Key:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        print('eq', self.k, other.k)
        return self.k == other.k


print([(k.k, list(g)) for k, g in groupby([1, 1, 2], key=Key)])
show('groupby()', lambda: groupby())
show('groupby 3', lambda: groupby([1], None, 3))
show('groupby kw', lambda: groupby([1], keyfunc=None))
show('groupby key err', lambda: list(groupby([1, 2], key=lambda x: 1 / (x - 2))))

# --- islice
print(list(islice('ABCDEFG', 2)))
print(list(islice('ABCDEFG', 2, 4)))
print(list(islice('ABCDEFG', 2, None)))
print(list(islice('ABCDEFG', 0, None, 2)))
print(list(islice('ABCDEFG', None)), list(islice('ABCDEFG', None, None, None)))
print(list(islice(range(100), 10, 40, 7)), list(islice(count(), 3, 8)))
print(list(islice('ab', 5, 2)), list(islice('abc', True)))
log = []
it = Log('i', range(10), log)
s = islice(it, 0, 5, 3)
print(list(s), log)
print(next(it), log)
log = []
it = Log('j', range(10), log)
s = islice(it, 3, 1)
print(list(s), log)
log = []
it = Log('k', range(3), log)
s = islice(it, 1, None)
print(next(s), log, list(s), log)
show('islice()', lambda: islice())
show('islice 1', lambda: islice([1]))
show('islice 5', lambda: islice([1], 1, 2, 3, 4))
show('islice stop -1', lambda: islice([1], -1))
show('islice stop str', lambda: islice([1], 'a'))
show('islice stop float', lambda: islice([1], 1.0))
show('islice start -1', lambda: islice([1], -1, 2))
show('islice stop -2', lambda: islice([1], 1, -2))
show('islice step 0', lambda: islice([1], 0, 2, 0))
show('islice step -1', lambda: islice([1], 0, 2, -1))
show('islice step str', lambda: islice([1], 0, 2, 'x'))
show('islice kw', lambda: islice([1], stop=2))
show('islice int', lambda: islice(1, 2))

# --- pairwise
print(list(pairwise('ABCDEFG')), list(pairwise('A')), list(pairwise([])))
log = []
pw = pairwise(Log('w', [1, 2, 3], log))
print(next(pw), log)
print(list(pw), log)
show('pairwise()', lambda: pairwise())
show('pairwise 2', lambda: pairwise([1], 2))
show('pairwise kw', lambda: pairwise(iterable=[1]))

# --- tee
a, b = tee(range(5))
print(next(a), next(a), list(b), list(a))
print(tee([1], 0), len(tee('abc', 4)))
t3 = tee('xyz', 3)
print([list(t) for t in t3])
print(type(a).__name__, type(a).__module__)
log = []
a, b = tee(Log('t', [1, 2, 3], log))
print(next(a), next(a), log)
print(next(b), log)
c = a.__copy__()
print(list(a), list(c), list(b), log)
a, b = tee('abc')
c, d = tee(a)
print(next(a), list(c), list(d), list(b))
show('tee()', lambda: tee())
show('tee n=-1', lambda: tee([1], -1))
show('tee n str', lambda: tee([1], 'a'))
show('tee kw', lambda: tee([1], n=2))
show('tee 3', lambda: tee([], 1, 2))
show('tee int', lambda: tee(1))

# --- zip_longest
print(list(zip_longest('ABCD', 'xy', fillvalue='-')))
print(list(zip_longest('AB', [1, 2, 3], (True,))))
print(list(zip_longest()), list(zip_longest([])), list(zip_longest('ab')))
log = []
z = zip_longest(Log('x', [1], log), Log('y', [1, 2], log))
print(list(z), log)
show('zip_longest kw', lambda: zip_longest([1], fillvalu=1))
show('zip_longest int', lambda: zip_longest([1], 2))

# --- product / permutations / combinations
print(list(product('ab', range(2))))
print(list(product([0, 1], repeat=3)))
print(list(product('ab', 'c', repeat=2)))
print(list(product()), list(product(repeat=0)), list(product('abc', [])), list(product([], repeat=0)))
print(len(list(product(range(3), range(4), range(5)))))
log = []
p = product(Log('a', [1, 2], log), Log('b', 'xy', log))
print(log)
print(next(p), list(p))
show('product repeat -1', lambda: product([1], repeat=-1))
show('product repeat str', lambda: product([1], repeat='a'))
show('product bad kw', lambda: product([1], x=1))
show('product 2 kw', lambda: product([1], repeat=1, x=1))
show('product int', lambda: product(1))

print(list(permutations('ABC')))
print(list(permutations(range(4), 2)))
print(list(permutations('AB', 3)), list(permutations('AB', 0)), list(permutations([])))
print(list(permutations([1, 1, 2])))
print(list(permutations(range(3), r=None)), list(permutations(iterable='xy', r=True)))
ps = list(permutations(range(5)))
print(len(ps), ps[:3], ps[-3:], ps == sorted(ps))
ps = list(permutations(range(6), 3))
print(len(ps), ps[:4], ps[-2:], ps == sorted(ps))
show('permutations()', lambda: permutations())
show('permutations r -1', lambda: permutations('a', -1))
show('permutations r str', lambda: permutations('a', 'b'))
show('permutations r float', lambda: permutations('a', 1.0))
show('permutations 3', lambda: permutations('a', 1, 2))
show('permutations int', lambda: permutations(1))

print(list(combinations('ABCD', 2)))
print(list(combinations(range(4), 3)))
print(list(combinations('AB', 3)), list(combinations('AB', 0)), list(combinations([], 0)))
cs = list(combinations(range(7), 4))
print(len(cs), cs[:3], cs[-2:], cs == sorted(cs))
show('combinations()', lambda: combinations())
show('combinations no r', lambda: combinations([1]))
show('combinations r -1', lambda: combinations([1], -1))
show('combinations r str', lambda: combinations([1], 'a'))
show('combinations r None', lambda: combinations([1], None))
show('combinations 3', lambda: combinations([1], 1, 2))
show('combinations kw', lambda: list(combinations(iterable='abc', r=2)))

print(list(combinations_with_replacement('ABC', 2)))
print(list(combinations_with_replacement(range(3), 3)))
print(list(combinations_with_replacement([], 2)), list(combinations_with_replacement([], 0)), list(combinations_with_replacement('ab', 0)))
cw = list(combinations_with_replacement(range(4), 3))
print(len(cw), cw[-3:], cw == sorted(cw))
show('cwr()', lambda: combinations_with_replacement())
show('cwr no r', lambda: combinations_with_replacement([1]))
show('cwr r -1', lambda: combinations_with_replacement([1], -1))

# --- type names and modules
for obj in (count(), cycle(''), repeat(1), accumulate([]), chain(), compress([], []),
            dropwhile(None, []), takewhile(None, []), filterfalse(None, []), groupby([]),
            islice([], 1), pairwise([]), starmap(None, []), tee([])[0], zip_longest(),
            product(), permutations([]), combinations([], 1), combinations_with_replacement([], 1)):
    t = type(obj)
    print(t.__name__, t.__module__, iter(obj) is obj, end='; ')
print()
print(itertools.chain, itertools.count)
print(isinstance(chain(), chain), isinstance(count(), chain))
