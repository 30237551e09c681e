# copy: shallow and deep copies of atoms, containers, nested and recursive
# structures, user classes (__dict__, __copy__, __deepcopy__, __reduce__,
# __reduce_ex__, __getstate__/__setstate__, __getnewargs__), the memo,
# classes and functions by reference, copy.Error.
import copy


def show(label, f):
    try:
        print(label, '->', f())
    except Exception as e:
        print(label, '!!', type(e).__name__ + ':', e)


def fn():
    pass


class Plain:
    pass


atoms = [None, True, 3, 2 ** 80, 1.5, 'text', b'raw', (1, 2), frozenset({1}),
         range(4), slice(1, 5), fn, len, Plain, int, ..., NotImplemented, ()]
print([copy.copy(a) is a for a in atoms])
print([copy.deepcopy(a) is a for a in atoms])
print(copy.deepcopy((1, 'a', (2, None))) == (1, 'a', (2, None)))
t = (1, [2])
dt = copy.deepcopy(t)
print(dt == t, dt is t, dt[1] is t[1])
fs = frozenset([(1, 2)])
print(copy.deepcopy(fs) == fs, copy.deepcopy(fs) is fs)
sl = slice([1], 2)
dsl = copy.deepcopy(sl)
print(dsl, dsl is sl, dsl.start is sl.start)

# containers
lst = [1, [2, 3], {'k': [4]}]
s = copy.copy(lst)
d = copy.deepcopy(lst)
print(s == lst, s is lst, s[1] is lst[1], d == lst, d[1] is lst[1], d[2]['k'] is lst[2]['k'])
dct = {'a': [1], 'b': {'c': 2}}
sd = copy.copy(dct)
dd = copy.deepcopy(dct)
print(sd == dct, sd is dct, sd['a'] is dct['a'], dd == dct, dd['a'] is dct['a'])
st = {1, (2, 3)}
print(copy.copy(st) == st, copy.copy(st) is st, copy.deepcopy(st) == st)
ba = bytearray(b'xyz')
print(copy.copy(ba), copy.copy(ba) is ba, copy.deepcopy(ba), copy.deepcopy(ba) is ba)
print(list(copy.copy({'z': 1, 'a': 2, 'm': 3})), list(copy.deepcopy({'z': 1, 'a': 2, 'm': 3})))

# shared and recursive structures
shared = [1]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp, dp[0] is dp[1], dp[0] is shared)
rec = [1]
rec.append(rec)
drec = copy.deepcopy(rec)
print(drec[1] is drec, drec is rec, len(drec))
rd = {'self': None}
rd['self'] = rd
drd = copy.deepcopy(rd)
print(drd['self'] is drd, drd is rd)
rt = ([],)
rt[0].append(rt)
drt = copy.deepcopy(rt)
print(drt[0][0] is drt, drt is rt)

# memo
memo = {}
inner = [1, 2]
outer = [inner, (inner,)]
res = copy.deepcopy(outer, memo)
print(res[0] is res[1][0], memo[id(inner)] is res[0], memo[id(outer)] is res)
print(len(memo), sorted(type(v).__name__ for v in memo.values()))
kept = memo[id(memo)]
print(type(kept).__name__, len(kept), any(k is inner for k in kept))
pre = {id(inner): 'replaced'}
print(copy.deepcopy([inner, 5], pre))

# user classes: default reduce copies __dict__


class Point:
    def __init__(self, x, y, tags=None):
        self.x = x
        self.y = y
        self.tags = tags if tags is not None else []

    def __repr__(self):
        return 'Point(%r, %r, %r)' % (self.x, self.y, self.tags)


p = Point(1, 2, ['a'])
sp = copy.copy(p)
dp = copy.deepcopy(p)
print(sp, dp, type(sp).__name__, sp is p, sp.tags is p.tags, dp.tags is p.tags)
sp.x = 99
print(p.x, sp.x)
nested = {'pts': [p, p]}
dn = copy.deepcopy(nested)
print(dn['pts'][0] is dn['pts'][1], dn['pts'][0] is p)


class Node:
    def __init__(self, value):
        self.value = value
        self.children = []
        self.parent = None

    def add(self, child):
        child.parent = self
        self.children.append(child)
        return child


root = Node('root')
kid = root.add(Node('kid'))
kid.add(Node('grandkid'))
droot = copy.deepcopy(root)
dkid = droot.children[0]
print(dkid.parent is droot, dkid.children[0].parent is dkid, dkid is kid, dkid.value)

# __copy__ / __deepcopy__


class Custom:
    def __init__(self, data):
        self.data = data

    def __copy__(self):
        print('  __copy__ called')
        return Custom(self.data + ['shallow'])

    def __deepcopy__(self, memo):
        print('  __deepcopy__ called', type(memo).__name__)
        return Custom(copy.deepcopy(self.data, memo) + ['deep'])


c = Custom([1])
print(copy.copy(c).data, copy.deepcopy(c).data, copy.deepcopy([c, c])[0].data)

# __reduce__ / __reduce_ex__ / state


class Reduced:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def __reduce__(self):
        print('  __reduce__ called')
        return (Reduced, (self.a, self.b))


r = copy.deepcopy(Reduced([1], 'b'))
print(type(r).__name__, r.a, r.b)


class Global:
    def __reduce_ex__(self, protocol):
        print('  __reduce_ex__', protocol)
        return 'Global'


g = Global()
print(copy.copy(g) is g, copy.deepcopy(g) is g)


class Stateful:
    def __init__(self):
        self.items = [1, 2]
        self.cache = 'expensive'

    def __getstate__(self):
        state = dict(self.__dict__)
        del state['cache']
        return state

    def __setstate__(self, state):
        print('  __setstate__', sorted(state))
        self.__dict__.update(state)
        self.cache = 'rebuilt'


s1 = Stateful()
s2 = copy.deepcopy(s1)
print(s2.items, s2.cache, s2.items is s1.items)
s3 = copy.copy(s1)
print(s3.items is s1.items, s3.cache)


class WithArgs:
    def __new__(cls, n):
        print('  __new__', n)
        self = object.__new__(cls)
        self.n = n
        return self

    def __getnewargs__(self):
        return (self.n * 10,)


w = copy.copy(WithArgs(2))
print(w.n)


class ListLike:
    def __init__(self):
        self.items = []
        self.meta = {}

    def append(self, x):
        self.items.append(x)

    def __setitem__(self, k, v):
        self.meta[k] = v

    def __reduce__(self):
        return (ListLike, (), None, iter([1, [2]]), iter([('k', [3])]))


ll = copy.deepcopy(ListLike())
print(ll.items, ll.meta)

# classes and functions are copied by reference
print(copy.deepcopy([Plain, fn, len, Point])[0] is Plain, copy.deepcopy({'f': fn})['f'] is fn)

# errors


class NoReduce:
    __reduce_ex__ = None
    __reduce__ = None


show('shallow uncopyable', lambda: copy.copy(NoReduce()))
show('deep uncopyable', lambda: copy.deepcopy([NoReduce()]))
print(copy.Error.__name__, copy.error is copy.Error, issubclass(copy.Error, Exception))
print(copy.__all__)
