# frozenset: construction, hashing (CPython's frozenset_hash, so dict and set order
# match), algebra with sets (the result takes the left operand's type),
# comparisons, methods, and the errors of mutating or misusing it.
fs = frozenset([3, 1, 2, 1])
print(fs, len(fs), 2 in fs, 5 in fs, frozenset(), repr(frozenset('a')))
print(hash(frozenset()), hash(frozenset({1, 2, 3})), hash(frozenset({'a'})) == hash(frozenset(['a'])))
print(hash(frozenset([(1, 2), 3.5, 'x' == 'y', True])))
print(fs | {9}, {9} | fs, fs & {1, 7}, fs - {1}, fs ^ {1, 8}, type(fs | {9}).__name__, type({9} | fs).__name__)
print(fs == {1, 2, 3}, {1, 2, 3} == fs, fs <= {1, 2, 3, 4}, fs < fs, fs.issubset([1, 2, 3]))
print(fs.union([4]), fs.intersection({2}), fs.difference(), fs.copy() is fs, fs.isdisjoint([7]))
d = {fs: 'x', frozenset(): 'empty'}
print(d[frozenset({1, 2, 3})], d[frozenset()], frozenset(fs) is fs)
s = {1}
s |= fs
print(s, sorted(frozenset(range(10))), list(frozenset([5])), bool(frozenset()), bool(fs))
print(frozenset({frozenset({1}), frozenset({1})}))
bads = [lambda: fs.add(1), lambda: set.add(fs, 1), lambda: frozenset.union(set()),
        lambda: frozenset([[1]]), lambda: frozenset.copy(), lambda: {fs: 1}[{1, 2, 3}]]
for bad in bads:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
a, b, c = frozenset([1, 2, 3])
print(a + b + c, min(fs), max(fs), sum(fs))
import pickle
for proto in (2, 4):
    back = pickle.loads(pickle.dumps([fs, fs, frozenset()], proto))
    print(proto, back, back[0] is back[1], type(back[2]).__name__)
