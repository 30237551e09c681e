# The values of the pickle compatibility test (crates/cli/tests/pickle_compat.rs),
# run by both python3 and ftl:
#   values.py dump        one line per (protocol, value): "P I HEX" of pickle.dumps
#   values.py load < F    reads "P I HEX" lines, prints what each unpickles to
#   values.py errors      what pickling each unpicklable value raises
import os
import pickle
import sys
import threading


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class WithState:
    def __init__(self, v):
        self.v = v

    def __getstate__(self):
        return {'v': self.v, 'extra': 1}

    def __setstate__(self, st):
        self.v = st['v'] * 10


class NewArgs:
    def __new__(cls, *args):
        o = object.__new__(cls)
        o.created_with = args
        return o

    def __init__(self, a, b):
        self.a, self.b = a, b

    def __getnewargs__(self):
        return (self.a, self.b)


class Reduced:
    def __init__(self, n):
        self.n = n

    def __reduce__(self):
        return (Reduced, (self.n + 1,))


class Bag:
    """Reduces to all six parts: items appended and set, a state setter."""

    def __init__(self):
        self.items = []
        self.table = {}
        self.state = None

    def append(self, x):
        self.items.append(x)

    def extend(self, xs):
        for x in xs:
            self.items.append(x)

    def __setitem__(self, k, v):
        self.table[k] = v

    def __reduce__(self):
        return (Bag, (), {'s': 1}, iter(self.items), iter(self.table.items()),
                set_bag_state)


def set_bag_state(bag, state):
    bag.state = state


class Outer:
    class Inner:
        pass


def top_function(x):
    return x * 2


class Unpicklable:
    pass


def make_values():
    shared = [1, 2]
    rec = []
    rec.append(rec)
    t_rec = ([],)
    t_rec[0].append(t_rec)
    d_rec = {}
    d_rec['self'] = d_rec
    bag = Bag()
    bag.append(1)
    bag.append('two')
    bag[3] = 4
    p = Point(1, 2)
    err = ValueError('bad', 3)
    err.note = 'attribute'
    return [
        None, True, False, 0, 1, -1, 255, 256, 65535, 65536, 2**31 - 1,
        -2**31, 2**31, -2**31 - 1, 2**63, 2**64, -2**100, 10**50, 7**2000,
        0.0, -0.0, 1.5, 1e300, 5e-324, float('inf'), float('-inf'),
        '', 'ascii', 'h\u20ac', 'a\nb\\c\x00\r\x1a', '\U0001f600', 'x' * 255,
        'x' * 256, b'', b'abc', bytes(range(256)), b'\n\\',
        (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1], [1, 2], {}, {'a': 1},
        {'a': 1, 'b': [2]}, {(1, 2): 'tuple key', 3.5: None}, set(), {1, 2, 3},
        [shared, shared], (shared, shared), {'x': shared, 'y': shared},
        rec, t_rec, d_rec, list(range(2500)), {i: str(i) for i in range(1500)},
        set(range(1200)), frozenset(), frozenset({1, 2, 3}),
        frozenset(range(1500)), [frozenset({4}), frozenset({4})],
        frozenset({frozenset({1}), frozenset({2, 5})}), {frozenset({1}): 2},
        bytearray(), bytearray(b'ab\xff'), bytearray(b'y' * 70000),
        [bytearray(b'q'), bytearray(b'q')],
        's' * 70000, b'x' * 70000, [b'a' * 5, b'x' * 70000, 1],
        ['q' * 300] * 300, [str(i) * 20 for i in range(5000)],
        p, [p, p], [Point(1, 2), Point(3, 4)], WithState(3), NewArgs(1, 'b'),
        Reduced(5), bag, Outer, Outer.Inner, Point, top_function, len, print,
        getattr, int, str, bytes, dict, list, tuple, set, object, range,
        ValueError, err, KeyError('k'), StopIteration(7), OSError('gone'),
        shared.append, p.__init__,
    ]


def show(v, seen):
    """A text for `v` that shows sharing and cycles, without addresses."""
    if isinstance(v, (list, tuple, dict, set, frozenset)):
        if id(v) in seen:
            return '@' + str(seen[id(v)])
        seen[id(v)] = len(seen)
        if isinstance(v, dict):
            inner = ', '.join(show(k, seen) + ': ' + show(x, seen)
                              for k, x in v.items())
            return '{' + inner + '}'
        if isinstance(v, (set, frozenset)):
            return (type(v).__name__ + '('
                    + ', '.join(sorted(show(x, seen) for x in v)) + ')')
        inner = ', '.join(show(x, seen) for x in v)
        return ('[' + inner + ']') if isinstance(v, list) else ('(' + inner + ')')
    if isinstance(v, BaseException):
        return type(v).__name__ + show(v.args, seen) + show(v.__dict__, seen)
    if type(v).__name__ == 'function':
        return 'function ' + v.__qualname__
    if type(v).__name__ == 'method':
        return 'method ' + v.__func__.__qualname__ + ' of ' + show(v.__self__, seen)
    if type(v).__name__ == 'builtin_function_or_method':
        owner = v.__self__
        if owner is None or type(owner).__name__ == 'module':
            return 'builtin ' + v.__name__
        return 'builtin ' + v.__name__ + ' of ' + show(owner, seen)
    if isinstance(v, (Point, WithState, NewArgs, Reduced, Bag)):
        return type(v).__name__ + show(v.__dict__, seen)
    return repr(v)


def read_stdin():
    chunks = []
    while True:
        chunk = os.read(0, 1 << 16)
        if not chunk:
            break
        chunks.append(chunk)
    return b''.join(chunks).decode()


def unpicklables():
    def local():
        pass
    gen = (i for i in range(3))
    return [lambda: 0, local, gen, sys, threading.Lock(), Unpicklable()]


def main():
    mode = sys.argv[1]
    if mode == 'dump':
        for proto in range(0, pickle.HIGHEST_PROTOCOL + 1):
            for i, v in enumerate(make_values()):
                print(proto, i, pickle.dumps(v, proto).hex())
    elif mode == 'load':
        for line in read_stdin().splitlines():
            proto, i, data = line.split()
            v = pickle.loads(bytes.fromhex(data))
            print(proto, i, show(v, {}))
    elif mode == 'errors':
        Unpicklable.__reduce__ = lambda self: 42
        for i, v in enumerate(unpicklables()):
            try:
                pickle.dumps(v)
                print(i, 'pickled')
            except Exception as e:
                text = str(e)
                at = text.find(' at 0x')
                if at >= 0:
                    text = text[:at] + text[text.find('>', at):]
                print(i, type(e).__module__, type(e).__name__, text)


main()
