# concurrent.futures.ProcessPoolExecutor: submit, result with a timeout,
# map with chunksize and a timeout, a worker's exception, as_completed,
# wait (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION), callbacks,
# an initializer, shutdown(cancel_futures=True), submit after shutdown,
# and BrokenProcessPool when a worker dies.
import os
import threading
import time
from concurrent.futures import (ALL_COMPLETED, FIRST_COMPLETED,
                                FIRST_EXCEPTION, ProcessPoolExecutor,
                                as_completed, wait)
from concurrent.futures.process import BrokenProcessPool

_tag = None


def init(tag):
    global _tag
    _tag = tag


def tagged(x):
    return '%s-%d' % (_tag, x)


def square(x):
    return x * x


def slow(x, delay):
    time.sleep(delay)
    return x


def fails(x):
    raise KeyError('missing %d' % x)


def die():
    os._exit(3)


if __name__ == '__main__':
    with ProcessPoolExecutor(max_workers=2) as ex:
        f = ex.submit(square, 9)
        print(f.result(timeout=30), f.done(), f.exception())
        print(list(ex.map(square, range(12), chunksize=5)))
        print(list(ex.map(pow, [2, 3, 4], [5, 2, 1], timeout=30)))
        f = ex.submit(fails, 7)
        try:
            f.result(timeout=30)
        except KeyError as e:
            print('worker raised', repr(e))
        print(type(f.exception()).__name__)
        fs = [ex.submit(square, i) for i in range(6)]
        print(sorted(g.result() for g in as_completed(fs, timeout=30)))
        done, not_done = wait(fs, timeout=30, return_when=ALL_COMPLETED)
        print(len(done), len(not_done))
        fs = [ex.submit(slow, 1, 0.0), ex.submit(slow, 2, 2.0)]
        done, not_done = wait(fs, timeout=30, return_when=FIRST_COMPLETED)
        print('first completed', [g.result() for g in done])
        fs = [ex.submit(fails, 1), ex.submit(slow, 2, 2.0)]
        done, not_done = wait(fs, timeout=30, return_when=FIRST_EXCEPTION)
        print('first exception', [type(g.exception()).__name__ for g in done])
        # The callback runs in the thread that finishes the future, after
        # result() may have returned: wait for it on an event.
        seen = []
        called = threading.Event()

        def note(fut):
            seen.append(fut.result())
            called.set()
        f = ex.submit(square, 4)
        f.add_done_callback(note)
        print('callback', called.wait(30), seen)

    with ProcessPoolExecutor(2, initializer=init, initargs=('w',)) as ex:
        print(list(ex.map(tagged, range(3))))

    ex = ProcessPoolExecutor(max_workers=1)
    first = ex.submit(slow, 'first', 0.5)
    deadline = time.monotonic() + 30
    while not first.running() and time.monotonic() < deadline:
        time.sleep(0.01)
    rest = [ex.submit(slow, i, 0.0) for i in range(6)]
    ex.shutdown(wait=True, cancel_futures=True)
    print('first', first.result())
    print('some cancelled', any(g.cancelled() for g in rest))
    print('all done', all(g.done() for g in rest))
    try:
        ex.submit(square, 1)
    except RuntimeError as e:
        print('RuntimeError', e)

    with ProcessPoolExecutor(max_workers=2) as ex:
        f = ex.submit(die)
        try:
            f.result(timeout=30)
        except BrokenProcessPool as e:
            print('BrokenProcessPool', e)
        try:
            ex.submit(square, 2)
        except BrokenProcessPool as e:
            print('then', e)
    print('done')
