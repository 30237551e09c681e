# multiprocessing.Value, Array, RawValue and RawArray: numbers and arrays
# in shared memory. Several typecodes and their reprs, children that
# increment a Value under its lock (the count is exact), a child that
# fills an Array the parent reads, slices, 'c' arrays' value and raw,
# the raw versions shared with a child, locks given explicitly, and the
# errors (bad index, bad typecode, bad value, pickling outside spawning).
import multiprocessing
import pickle
from multiprocessing import sharedctypes


def add_many(counter, n):
    for _ in range(n):
        with counter.get_lock():
            counter.value += 1


def fill(arr, base):
    for i in range(len(arr)):
        arr[i] = base + i * i
    arr[-1] = -1


def raw_child(rv, ra, text, done):
    rv.value = rv.value * 10
    for i in range(len(ra)):
        ra[i] = ra[i] + 0.5
    text.value = b'child'
    done.value = 1


def lock_child(v, lock):
    # v's lock is `lock` (not recursive): go past the wrapper while holding it.
    with lock:
        raw = v.get_obj()
        raw.value = raw.value + 100


def run(target, args):
    p = multiprocessing.Process(target=target, args=args)
    p.start()
    p.join(timeout=60)
    return p.exitcode


def show_error(what, f):
    try:
        f()
    except Exception as e:
        print(what, '->', type(e).__name__ + ':', e)
    else:
        print(what, '-> no error')


def values():
    print('-- values')
    for code, init in [('b', -5), ('B', 200), ('h', -300), ('H', 60000),
                       ('i', 123456), ('I', 4000000000), ('l', -2**40),
                       ('L', 2**63), ('q', 2**62), ('Q', 2**64 - 1),
                       ('f', 0.1), ('d', 2.5), ('c', b'x'), ('u', 'y')]:
        v = multiprocessing.Value(code, init)
        print(code, repr(v.value), v)
    zero = multiprocessing.Value('i')
    print('default', zero.value, type(zero).__name__)
    b = multiprocessing.Value('b', 0)
    b.value = 300
    print('wraps', b.value)
    b.value = True
    print('bool', b.value)
    d = multiprocessing.Value('d', 1)
    print('int into double', d.value)
    raw = multiprocessing.Value('i', 7, lock=False)
    print('lock=False', raw, raw.value)
    v = multiprocessing.Value('i', 3)
    v.acquire()
    v.value += 1
    v.release()
    with v:
        v.value += 1
    print('acquire/with', v.value, v.get_obj())
    print('lock kind', type(v.get_lock()).__name__)


def counting():
    print('-- counting')
    counter = multiprocessing.Value('i', 0)
    procs = [multiprocessing.Process(target=add_many, args=(counter, 150))
             for _ in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=60)
    print('exit codes', [p.exitcode for p in procs])
    print('count', counter.value)


def arrays():
    print('-- arrays')
    arr = multiprocessing.Array('i', 6)
    print('zeros', arr[:], len(arr), type(arr).__name__)
    print('fill exit', run(fill, (arr, 10)))
    print('filled', arr[:], list(arr))
    print('index', arr[0], arr[5], arr[-2])
    print('slices', arr[1:4], arr[::2], arr[::-1], arr[4:100], arr[3:1])
    arr[0:2] = [7, 8]
    arr[::-3] = [1, 2]
    print('assigned', arr[:])
    d = multiprocessing.Array('d', [0.5, 1.5, 2.5])
    print('doubles', d[:], sum(d[:]))
    q = multiprocessing.Array('Q', [2**64 - 1, 0])
    print('ulonglong', q[:])
    u = multiprocessing.Array('u', 'hey')
    print('wchar', u[0], u[:], type(u).__name__)
    n = multiprocessing.Array('h', range(3), lock=False)
    print('lock=False', n[:], len(n))
    for i, x in enumerate(multiprocessing.Array('B', [3, 2, 1])):
        print('iter', i, x)


def chars():
    print('-- chars')
    c = multiprocessing.Array('c', b'hello')
    print(type(c).__name__, c.value, c.raw, c[0], c[1:3], len(c))
    c.value = b'hi'
    print('value=hi', c.value, c.raw)
    c.raw = b'XY'
    print('raw=XY', c.value, c.raw)
    c[0:2] = b'ab'
    c[4] = 90
    print('items', c.value, c.raw)
    empty = multiprocessing.Array('c', 4)
    print('empty', empty.value, empty.raw)
    show_error('value too long', lambda: setattr(c, 'value', b'toolongvalue'))
    show_error('value str', lambda: setattr(c, 'value', 'str'))
    show_error('item two bytes', lambda: c.__setitem__(0, b'ab'))


def raw_shared():
    print('-- raw')
    rv = multiprocessing.RawValue('l', 12)
    ra = multiprocessing.RawArray('d', [1.0, 2.0, 3.0])
    text = multiprocessing.RawArray('c', 8)
    done = multiprocessing.RawValue('b')
    print('before', rv, rv.value, ra[:], text.raw, done.value)
    print('child exit', run(raw_child, (rv, ra, text, done)))
    print('after', rv.value, ra[:], text.value, text.raw, done.value)
    print('raw iter', [x for x in ra], ra[-1], ra[0:2])


def explicit_locks():
    print('-- locks')
    lock = multiprocessing.Lock()
    v = multiprocessing.Value('i', 1, lock=lock)
    print('same lock', v.get_lock() is lock)
    print('child exit', run(lock_child, (v, lock)))
    print('value', v.value)
    rlock = multiprocessing.RLock()
    a = multiprocessing.Array('i', 2, lock=rlock)
    with a.get_lock():
        with a.get_lock():
            a[0] = 5
    print('rlock', a.get_lock() is rlock, a[:])
    show_error('lock=5', lambda: multiprocessing.Value('i', 1, lock=5))


def errors():
    print('-- errors')
    arr = multiprocessing.Array('i', 3)
    raw = multiprocessing.RawArray('i', 3)
    show_error('arr[3]', lambda: arr[3])
    show_error('arr[-4]', lambda: arr[-4])
    show_error('arr[3] = 1', lambda: arr.__setitem__(3, 1))
    show_error('raw[5]', lambda: raw[5])
    show_error("arr['x']", lambda: arr['x'])
    show_error('arr[0] = 1.5', lambda: arr.__setitem__(0, 1.5))
    show_error('slice size', lambda: arr.__setitem__(slice(0, 2), [1]))
    show_error('step zero', lambda: arr[::0])
    show_error("Value('z')", lambda: multiprocessing.Value('z'))
    show_error("RawArray('z', 3)", lambda: multiprocessing.RawArray('z', 3))
    show_error('Value(5)', lambda: multiprocessing.Value(5))
    show_error('two args', lambda: multiprocessing.Value('i', 1, 2))
    show_error('float into int', lambda: multiprocessing.Value('i', 2.5))
    show_error('str into double', lambda: multiprocessing.Value('d', 'x'))
    show_error("'c' two bytes", lambda: multiprocessing.Value('c', b'ab'))
    show_error("'u' two chars", lambda: multiprocessing.Value('u', 'ab'))
    show_error('negative size', lambda: multiprocessing.Array('i', -1))
    show_error('size float', lambda: multiprocessing.Array('i', 2.5))
    show_error('pickle Value', lambda: pickle.dumps(multiprocessing.Value('i')))
    show_error('pickle Array', lambda: pickle.dumps(arr))
    show_error('ForkingPickler Array',
               lambda: multiprocessing.reduction.ForkingPickler.dumps(arr))
    show_error('synchronized twice',
               lambda: sharedctypes.synchronized(arr))


def copies():
    print('-- copy')
    a = multiprocessing.RawArray('i', [1, 2, 3])
    b = sharedctypes.copy(a)
    b[0] = 100
    print(a[:], b[:])
    s = sharedctypes.synchronized(sharedctypes.RawValue('h', 4))
    print(s, s.value, type(s).__name__)


if __name__ == '__main__':
    values()
    counting()
    arrays()
    chars()
    raw_shared()
    explicit_locks()
    errors()
    copies()
