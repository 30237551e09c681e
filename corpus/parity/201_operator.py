# operator: every function, the dunder aliases, attrgetter / itemgetter /
# methodcaller (reprs, errors, reduce), length_hint and index.
import operator
from operator import attrgetter, itemgetter, methodcaller


def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '!!', type(e).__name__ + ':', e)


binary = ['lt', 'le', 'eq', 'ne', 'ge', 'gt', 'add', 'and_', 'floordiv',
          'lshift', 'mod', 'mul', 'or_', 'pow', 'rshift', 'sub', 'truediv',
          'xor']
for name in binary:
    f = getattr(operator, name)
    print(name, [f(a, b) for a, b in [(7, 3), (2, 5), (6, 6), (-9, 2)]])
print([operator.add(1.5, 2), operator.mul('ab', 3), operator.add([1], [2]),
       operator.mod('%s-%d', ('x', 4)), operator.sub({1, 2}, {1}),
       operator.truediv(1, 4), operator.floordiv(-7, 2.0), operator.pow(2, -1),
       operator.and_({1, 2}, {2, 3}), operator.or_({1}, {2}), operator.xor(True, False)])
for name in ['neg', 'pos', 'abs', 'inv', 'invert', 'not_', 'truth', 'index']:
    f = getattr(operator, name)
    print(name, [f(x) for x in [0, 5, -3, True]])
print(operator.abs(-2.5), operator.neg(1.5), operator.truth([]), operator.truth([0]),
      operator.not_(''), operator.not_('a'), operator.truth(None))
x = [1]
print(operator.is_(None, None), operator.is_not([], []), operator.is_(x, x), operator.is_not(x, x), operator.eq([1], [1]))


class Vec:
    def __init__(self, x):
        self.x = x

    def __matmul__(self, other):
        return Vec(self.x * other.x)

    def __imatmul__(self, other):
        self.x = self.x * other.x + 1
        return self

    def __index__(self):
        return self.x

    def __repr__(self):
        return 'Vec(%r)' % self.x


print(operator.matmul(Vec(3), Vec(4)), operator.imatmul(Vec(3), Vec(4)))
print(operator.index(Vec(7)), [10, 20, 30][operator.index(Vec(1))])
show('index float', lambda: operator.index(1.5))
show('index str', lambda: operator.index('a'))
show('index bool', lambda: operator.index(True))

# in-place forms: mutate mutable operands, rebind immutable ones
a = [1]
b = operator.iadd(a, [2])
print(a, b, a is b)
print(operator.iadd(1, 2), operator.isub(5, 7), operator.imul('ab', 2),
      operator.imul([0], 3), operator.itruediv(7, 2), operator.ifloordiv(7, 2),
      operator.imod(7, 4), operator.ipow(3, 3), operator.ilshift(1, 4),
      operator.irshift(64, 2), operator.iand(12, 10), operator.ior(12, 10),
      operator.ixor(12, 10))
s = {1, 2}
operator.iand(s, {2, 3})
print(s)
d = {'a': 1}
operator.ior(d, {'b': 2})
print(d)
l = [1]
print(operator.iconcat(l, (2, 3)), l)
show('iconcat int', lambda: operator.iconcat(1, 2))

# sequences
print(operator.concat([1], [2]), operator.concat('ab', 'cd'), operator.concat((1,), (2,)))
show('concat int', lambda: operator.concat(1, 2))
show('concat dict', lambda: operator.concat({}, {}))
show('concat list tuple', lambda: operator.concat([1], (2,)))
print(operator.contains([1, 2], 2), operator.contains('abc', 'bc'), operator.contains({}, 1))
show('contains int', lambda: operator.contains(1, 2))
print(operator.countOf([1, 2, 1, 1.0, True], 1), operator.countOf('banana', 'a'))
print(operator.indexOf([5, 6, 7], 7), operator.indexOf('abc', 'b'), operator.indexOf(iter([3, 4]), 4))
show('indexOf missing', lambda: operator.indexOf([1, 2], 3))
show('indexOf int', lambda: operator.indexOf(1, 2))
show('countOf int', lambda: operator.countOf(1, 2))
nan = float('nan')
print(operator.countOf([nan, nan], nan), operator.indexOf([1, nan], nan))
lst = [1, 2, 3]
print(operator.getitem(lst, 1), operator.getitem(lst, slice(0, 2)), operator.getitem({'k': 'v'}, 'k'))
operator.setitem(lst, 0, 'x')
operator.setitem(lst, slice(1, 2), ['y', 'z'])
print(lst)
operator.delitem(lst, 0)
operator.delitem(lst, slice(0, 1))
print(lst)
show('getitem bad', lambda: operator.getitem([1], 5))
show('getitem key', lambda: operator.getitem({}, 'k'))
show('getitem int', lambda: operator.getitem(1, 0))

# length_hint
print(operator.length_hint([1, 2, 3]), operator.length_hint('ab'), operator.length_hint({}),
      operator.length_hint(5), operator.length_hint(5, 9))


class Hint:
    def __init__(self, v):
        self.v = v

    def __length_hint__(self):
        return self.v


class Sized:
    def __len__(self):
        return 4

    def __length_hint__(self):
        return 100


print(operator.length_hint(Hint(6)), operator.length_hint(Hint(NotImplemented), 3),
      operator.length_hint(Hint(True)), operator.length_hint(Sized()))
show('length_hint negative', lambda: operator.length_hint(Hint(-1)))
show('length_hint str', lambda: operator.length_hint(Hint('a')))
show('length_hint default str', lambda: operator.length_hint([], 'a'))

# call
print(operator.call(max, 3, 9, 4), operator.call(sorted, [3, 1], reverse=True),
      operator.call(dict, a=1))

# dunder aliases
for name in ['lt', 'add', 'not_', 'inv', 'concat', 'contains', 'getitem', 'iadd', 'call', 'index']:
    dunder = '__' + name.rstrip('_') + '__'
    print(dunder, getattr(operator, dunder) is getattr(operator, name), end='; ')
print()
print(operator.__add__(2, 3), operator.__not__(0), operator.__invert__(0))
print(sorted(n for n in operator.__all__)[:8], len(operator.__all__))

# attrgetter


class P:
    def __init__(self, name, age, inner=None):
        self.name = name
        self.age = age
        self.inner = inner


people = [P('b', 30), P('a', 30), P('c', 20, P('in', 1))]
ag = attrgetter('name')
print(ag, [ag(p) for p in people])
print(attrgetter('age', 'name'), [attrgetter('age', 'name')(p) for p in people])
print(attrgetter('inner.name')(people[2]), attrgetter('inner.age', 'age')(people[2]))
print([p.name for p in sorted(people, key=attrgetter('age', 'name'))])
print(attrgetter('real', 'imag')(5), attrgetter('__class__.__name__')(1.5))
print(ag.__reduce__()[1], type(ag).__name__, type(ag).__module__)
show('attrgetter()', lambda: attrgetter())
show('attrgetter(1)', lambda: attrgetter(1))
show('attrgetter mixed', lambda: attrgetter('a', 2))
show('attrgetter kw', lambda: attrgetter('a', x=1))
show('attrgetter missing', lambda: attrgetter('zzz')(1))
show('attrgetter dotted missing', lambda: attrgetter('real.zzz')(1))
show('attrgetter inner None', lambda: attrgetter('inner.name')(people[0]))

# itemgetter
ig = itemgetter(1)
print(ig, ig('abc'), ig([5, 6]), ig({1: 'one'}))
ig2 = itemgetter(0, -1, 1)
print(ig2, ig2('xyz'), ig2([1, 2, 3, 4]))
print(itemgetter(slice(1, 3))('abcd'), itemgetter('k', 'v')({'k': 1, 'v': 2}))
print(itemgetter('a')({'a': 1}), repr(itemgetter('a', (1, 2))))
rows = [('b', 2), ('a', 2), ('c', 1)]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(1, 0)))
print(list(map(itemgetter(0), rows)), max(rows, key=itemgetter(1)))
print(ig2.__reduce__()[1], type(ig).__name__)
show('itemgetter()', lambda: itemgetter())
show('itemgetter kw', lambda: itemgetter(1, x=2))
show('itemgetter index', lambda: itemgetter(5)([1]))
show('itemgetter key', lambda: itemgetter('x')({}))
show('itemgetter int', lambda: itemgetter(0)(1))

# methodcaller
mc = methodcaller('upper')
print(mc, mc('abc'))
mc2 = methodcaller('split', ',', maxsplit=1)
print(mc2, mc2('a,b,c'))
mc3 = methodcaller('replace', 'a', 'o', 1)
print(mc3, mc3('banana'))
print(methodcaller('get', 'k', 'dflt')({}), methodcaller('count', 1)([1, 1, 2]))
print(mc3.__reduce__()[1], methodcaller('f').__reduce__()[1], type(mc).__name__)
r = mc2.__reduce__()
print(type(r[0]).__name__, r[0].args, r[0].keywords, r[1])
print(methodcaller('name', self=1, name=2))
show('methodcaller()', lambda: methodcaller())
show('methodcaller(1)', lambda: methodcaller(1))
show('methodcaller name kw', lambda: methodcaller(name='f'))
show('methodcaller missing', lambda: methodcaller('zz')(1))
show('methodcaller bad args', lambda: methodcaller('upper', 1)('a'))
