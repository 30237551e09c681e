# concurrent.futures with threads: map, submit, as_completed, wait (each
# return_when), exceptions, cancel, timeouts, callbacks, shutdown,
# initializer failure (BrokenThreadPool) and a pool never shut down.
import concurrent.futures
from concurrent.futures import ThreadPoolExecutor, wait, as_completed, FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED
import threading
import time


def square(x):
    return x * x


def fail(x):
    raise ValueError('bad %d' % x)


with ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(square, range(10))))
    fs = [ex.submit(square, i) for i in range(20)]
    print(sorted(f.result() for f in as_completed(fs)))
    done, not_done = wait(fs)
    print(len(done), len(not_done))
    f = ex.submit(fail, 3)
    try:
        f.result(timeout=10)
    except ValueError as e:
        print('ValueError', e)
    print(type(f.exception()).__name__, f.done(), f.cancelled(), f.running())
    r = wait([f, ex.submit(square, 2)], return_when=FIRST_EXCEPTION)
    print(len(r.done) >= 1, type(r).__name__)
    try:
        list(ex.map(fail, [1, 2]))
    except ValueError as e:
        print('map raised', e)

gate = threading.Event()
ex = ThreadPoolExecutor(max_workers=1, thread_name_prefix='pool')
blocker = ex.submit(gate.wait)
later = ex.submit(square, 5)
print(later.cancel(), later.cancelled(), later.done())
try:
    later.result()
except concurrent.futures.CancelledError:
    print('CancelledError')
try:
    blocker.result(timeout=0.05)
except TimeoutError:
    print('TimeoutError', TimeoutError is concurrent.futures.TimeoutError)
r = wait([blocker], timeout=0.05)
print(len(r.done), len(r.not_done))
seen = []
blocker.add_done_callback(lambda fut: seen.append(('callback', fut.result())))
gate.set()
print(blocker.result(timeout=10))
ex.shutdown(wait=True)
print(seen)
try:
    ex.submit(square, 1)
except RuntimeError as e:
    print('RuntimeError', e)

names = set()
def record(_):
    names.add(threading.current_thread().name.split('_')[0])
    return 1
with ThreadPoolExecutor(2, thread_name_prefix='worker') as ex:
    print(sum(ex.map(record, range(50))))
print(sorted(names))

def init(tag):
    raise OSError('init failed ' + tag)
ex = ThreadPoolExecutor(1, initializer=init, initargs=('x',))
f = ex.submit(square, 3)
try:
    f.result(timeout=10)
except concurrent.futures.BrokenExecutor as e:
    print(type(e).__name__, e)
ex.shutdown()

fut = concurrent.futures.Future()
print(fut.set_running_or_notify_cancel(), fut.running())
fut.set_result(42)
print(fut.result(), repr(fut).split(' state=')[1])
try:
    fut.set_result(1)
except concurrent.futures.InvalidStateError as e:
    print('InvalidStateError', str(e).split(':')[0])
for bad in [lambda: ThreadPoolExecutor(0), lambda: ThreadPoolExecutor(2, initializer=5)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
forgotten = ThreadPoolExecutor(2)
forgotten.submit(square, 9)
print('end')
