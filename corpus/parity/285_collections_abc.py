# collections.abc: the ABCs' structural checks, the built-in types'
# registrations, the mixin methods and the abstract-method rules.
import collections.abc as cabc
from collections.abc import (
    Hashable, Iterable, Iterator, Generator, Reversible, Sized, Container,
    Collection, Callable, Set, MutableSet, Mapping, MutableMapping,
    MappingView, KeysView, ItemsView, ValuesView, Sequence, MutableSequence,
    ByteString, Awaitable, Coroutine, AsyncIterable, AsyncIterator,
    AsyncGenerator,
)

print(sorted(cabc.__all__))
print(Iterable, Mapping.__module__, Sequence.__name__, Sequence.__qualname__)


def gen():
    yield 1


samples = [
    ("int", 1), ("str", "ab"), ("bytes", b"ab"), ("bytearray", bytearray(b"x")),
    ("list", [1]), ("tuple", (1,)), ("dict", {1: 2}), ("set", {1}),
    ("frozenset", frozenset([1])), ("range", range(3)), ("None", None),
    ("gen", gen()), ("list_iter", iter([1])), ("dict_keys", {}.keys()),
    ("dict_items", {}.items()), ("dict_values", {}.values()), ("func", len),
    ("lambda", lambda: 0), ("type", int), ("str_iter", iter("ab")),
    ("range_iter", iter(range(2))), ("set_iter", iter({1})), ("zip", zip()),
]
abcs = [Hashable, Iterable, Iterator, Generator, Reversible, Sized, Container,
        Collection, Callable, Set, MutableSet, Mapping, MutableMapping,
        KeysView, ItemsView, ValuesView, Sequence, MutableSequence, ByteString]
for name, obj in samples:
    print(name.ljust(11), " ".join(a.__name__ for a in abcs if isinstance(obj, a)))
print(issubclass(list, Sequence), issubclass(dict, Sequence), issubclass(str, ByteString), issubclass(bool, Hashable))
print(issubclass(list, Hashable), issubclass(type(None), Hashable), issubclass(object, Iterable))


# Structural checks: a class with the methods passes without registering.
class OnlyIter:
    def __iter__(self):
        return iter(())


class OnlyNext:
    def __next__(self):
        raise StopIteration


class Both(OnlyIter, OnlyNext):
    pass


class Sizeish:
    def __len__(self):
        return 0

    def __contains__(self, x):
        return False


class Coll(Sizeish, OnlyIter):
    pass


class CallMe:
    def __call__(self):
        return 1


class NoHash:
    __hash__ = None


class BlocksIter(OnlyIter):
    __iter__ = None


class Rev(OnlyIter):
    def __reversed__(self):
        return iter(())


for cls in (OnlyIter, OnlyNext, Both, Sizeish, Coll, CallMe, NoHash, BlocksIter, Rev):
    print(cls.__name__.ljust(10), " ".join(a.__name__ for a in abcs if issubclass(cls, a)))


# Registration makes virtual subclasses.
class Plain:
    pass


print(issubclass(Plain, Sequence), isinstance(Plain(), Sized))
Sequence.register(Plain)
print(issubclass(Plain, Sequence), issubclass(Plain, Reversible), issubclass(Plain, Sized), isinstance(Plain(), Iterable))
print(issubclass(Plain, MutableSequence), Plain.__mro__ == (Plain, object))


# Abstract methods and instantiation.
for abc_cls in (Iterable, Iterator, Sized, Set, MutableSet, Mapping, MutableMapping, Sequence, MutableSequence, Generator, Coroutine, AsyncGenerator, Callable, Hashable):
    print(abc_cls.__name__, sorted(abc_cls.__abstractmethods__))
for abc_cls in (Sequence, MutableMapping, Iterator):
    try:
        abc_cls()
    except TypeError as e:
        print("TypeError:", e)


# Mixins: a Sequence from __getitem__ and __len__.
class Squares(Sequence):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if not 0 <= i < self.n:
            raise IndexError(i)
        return i * i


sq = Squares(6)
print(list(sq), 9 in sq, 10 in sq, list(reversed(sq)), sq.index(16), sq.count(4), sq.index(4, 1, 4))
for args in ((7,), (0, 1), (1, -3, -1)):
    try:
        sq.index(*args)
    except ValueError as e:
        print("ValueError", repr(e))
print(sq.index(9, -4), sq.index(25, -1))


# A MutableSequence from five methods.
class MyList(MutableSequence):
    def __init__(self, data=()):
        self.data = list(data)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        return self.data[i]

    def __setitem__(self, i, v):
        self.data[i] = v

    def __delitem__(self, i):
        del self.data[i]

    def insert(self, i, v):
        self.data.insert(i, v)

    def __repr__(self):
        return "MyList(%r)" % self.data


ml = MyList([1, 2, 3])
ml.append(4)
ml.extend([5, 6])
ml.reverse()
print(ml, ml.pop(), ml.pop(0), ml)
ml.remove(3)
ml += [7]
print(ml)
ml.extend(ml)
print(ml)
ml.clear()
print(ml, len(ml))


# A Set and a MutableSet.
class ListSet(MutableSet):
    def __init__(self, items=()):
        self.items = []
        for x in items:
            self.add(x)

    def __contains__(self, x):
        return x in self.items

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    def add(self, x):
        if x not in self.items:
            self.items.append(x)

    def discard(self, x):
        if x in self.items:
            self.items.remove(x)

    def __repr__(self):
        return "ListSet(%r)" % self.items


a = ListSet([1, 2, 3])
b = ListSet([3, 4])
print(a & b, a | b, a - b, a ^ b, b - a, a.isdisjoint(b), a.isdisjoint([9]))
print(a <= ListSet([1, 2, 3, 4]), a < a, a == ListSet([3, 2, 1]), a >= {1}, a > {1, 2}, a == {1, 2, 3})
print({1, 2} - ListSet([2]), [4, 5] & ListSet([4]) if False else "", a - [1], {9} | a)
a |= [9]
a &= [1, 2, 9]
a ^= [2, 10]
a -= [1]
print(a)
print(a.pop(), a, a.remove(10), a)
try:
    a.remove(42)
except KeyError as e:
    print("KeyError", e)
a.clear()
try:
    a.pop()
except KeyError:
    print("KeyError on pop")
print(ListSet([1, 2])._hash() == hash(frozenset([1, 2])), Set._hash(ListSet()) == hash(frozenset()))


# A Mapping and a MutableMapping.
class Env(MutableMapping):
    def __init__(self):
        self.store = {}

    def __getitem__(self, k):
        return self.store[k.lower()]

    def __setitem__(self, k, v):
        self.store[k.lower()] = v

    def __delitem__(self, k):
        del self.store[k.lower()]

    def __iter__(self):
        return iter(self.store)

    def __len__(self):
        return len(self.store)

    def __repr__(self):
        return "Env(%r)" % (self.store,)


e = Env()
e["PATH"] = "/bin"
e.update({"Home": "/root"}, USER="me")
e.update([("Shell", "sh")])
print(dict(e), e["path"], "HOME" in e, e.get("nope", "-"), len(e))
print(e.keys(), sorted(e.items()), sorted(e.values()))
print(list(e.keys()), ("home", "/root") in e.items(), "/bin" in e.values(), e == {"path": "/bin", "home": "/root", "user": "me", "shell": "sh"})
print(e.pop("USER"), e.pop("USER", None), e.setdefault("x", 1), e.setdefault("x", 2), e.popitem())
try:
    e.pop("missing")
except KeyError as err:
    print("KeyError", err)
e.clear()
print(dict(e), e.keys() == set(), e.items() | {(1, 2)}, isinstance(e.keys(), Set), isinstance(e.values(), Set))
try:
    e.popitem()
except KeyError:
    print("KeyError on popitem")
print(Mapping.__reversed__, KeysView({"a": 1}), ItemsView({"a": 1}) , len(ValuesView({"a": 1, "b": 2})))
print(KeysView({"a": 1, "b": 2}) & {"a"}, ItemsView({"a": 1}) - {("a", 1)}, list(ValuesView({"z": 3})))


# A Generator from send and throw.
class Countdown(Generator):
    def __init__(self, n):
        self.n = n

    def send(self, value):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n

    def throw(self, typ, val=None, tb=None):
        raise StopIteration


cd = Countdown(3)
print(list(cd), iter(cd) is cd, cd.close())


class Stubborn(Generator):
    def send(self, value):
        return 1

    def throw(self, typ, val=None, tb=None):
        return 2


try:
    Stubborn().close()
except RuntimeError as err:
    print("RuntimeError:", err)

# Generic aliases.
print(Iterable[int], Mapping[str, int], Callable[[int, str], float], Callable[..., int], Callable[[], None])
print(Callable[[int], str].__args__, Iterable[int].__origin__ is Iterable, Callable[..., int].__args__)
for bad in ((int,), 1, [int]):
    try:
        Callable[bad]
    except TypeError as err:
        print("TypeError:", err)
try:
    Callable[1, int]
except TypeError as err:
    print("TypeError:", err)
