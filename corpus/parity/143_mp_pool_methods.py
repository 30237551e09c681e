# multiprocessing.Pool's methods: map with chunksize, starmap, apply,
# apply_async with callbacks, map_async, imap, imap_unordered (sorted, its
# order is not fixed), an initializer, a worker's exception re-raised in
# the parent with its type and message, close/join, and ThreadPool.
import multiprocessing
import os
from multiprocessing.pool import ThreadPool

_offset = None


def init(offset):
    global _offset
    _offset = offset


def shifted(x):
    return x + _offset


def square(x):
    return x * x


def power(base, exp):
    return base ** exp


def fails(x):
    if x == 3:
        raise ValueError('three is not allowed')
    return x


def whoami(_):
    return os.getpid()


if __name__ == '__main__':
    with multiprocessing.Pool(2, initializer=init, initargs=(100,)) as pool:
        print(pool.map(square, range(10)))
        print(pool.map(square, range(20), chunksize=7))
        print(pool.map(shifted, [1, 2, 3]))
        print(pool.starmap(power, [(2, 3), (3, 2), (10, 0)]))
        print(pool.apply(power, (2, 10)))
        print(pool.apply(power, (), {'base': 3, 'exp': 3}))
        got = []
        r = pool.apply_async(square, (12,), callback=got.append)
        print(r.get(timeout=30), r.ready(), r.successful())
        r.wait(5)
        print('callback saw', got)
        m = pool.map_async(square, range(5))
        print(m.get(timeout=30))
        print(list(pool.imap(square, range(8))))
        print(list(pool.imap(square, range(8), chunksize=3)))
        print(sorted(pool.imap_unordered(square, range(8))))
        it = pool.imap(square, [5])
        print(it.next(timeout=30))
        try:
            pool.map(fails, range(6))
        except ValueError as e:
            print('map raised', type(e).__name__, e)
        errors = []
        r = pool.apply_async(fails, (3,), error_callback=errors.append)
        try:
            r.get(timeout=30)
        except ValueError as e:
            print('apply_async raised', repr(e))
        print('successful', r.successful(), 'error_callback saw', errors)
        try:
            list(pool.imap(fails, range(6)))
        except ValueError as e:
            print('imap raised', e)
        pids = set(pool.map(whoami, range(40), chunksize=1))
        print('worker pids are not ours', os.getpid() not in pids, len(pids) <= 2)

    pool = multiprocessing.Pool(processes=3)
    print(pool.map(square, [7]))
    pool.close()
    pool.join()
    try:
        pool.map(square, [1])
    except ValueError as e:
        print('after close:', e)

    with ThreadPool(3) as tp:
        print(tp.map(square, range(6)))
        print(tp.apply_async(power, (3, 4)).get(timeout=30))
        print(sorted(tp.imap_unordered(square, range(6))))
