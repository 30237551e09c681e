# An exception raised inside `with lock:` in a thread releases the lock on
# the way out (for Lock, RLock, Condition, Semaphore), so the main thread can
# acquire it afterwards; try/finally around acquire()/release() does the
# same. The exceptions are caught in the thread and reported after join().
import threading

reports = []
rlock = threading.Lock()


def report(*items):
    with rlock:
        reports.append(items)


def raise_inside(kind, guard):
    try:
        with guard:
            raise ValueError("inside " + kind)
    except ValueError as e:
        report(kind, "caught", str(e))


lock = threading.Lock()
rl = threading.RLock()
cond = threading.Condition()
sem = threading.Semaphore(1)
bsem = threading.BoundedSemaphore(1)
guards = [("Lock", lock), ("RLock", rl), ("Condition", cond),
          ("Semaphore", sem), ("BoundedSemaphore", bsem)]
for kind, guard in guards:
    t = threading.Thread(target=raise_inside, args=(kind, guard))
    t.start()
    t.join()
for item in reports:
    print(*item)
print("Lock free:", lock.acquire(blocking=False))
lock.release()
print("RLock free:", rl.acquire(blocking=False))
rl.release()
print("Condition lock free:", cond.acquire(blocking=False))
cond.release()
print("Semaphore free:", sem.acquire(blocking=False))
sem.release()
print("BoundedSemaphore free:", bsem.acquire(blocking=False))
bsem.release()

# The exception is not caught in the thread: the thread dies (traceback on
# stderr) but the lock is still released.
def die_holding():
    with lock:
        raise KeyError("uncaught")


d = threading.Thread(target=die_holding)
d.start()
d.join()
print("thread died, alive:", d.is_alive(), "lock free:", lock.acquire(timeout=5))
lock.release()

# Nested RLock acquisitions unwound by an exception.
def nested(depth):
    with rl:
        if depth == 0:
            raise IndexError("bottom")
        nested(depth - 1)


def run_nested():
    try:
        nested(4)
    except IndexError as e:
        report("nested", "caught", str(e))


n = threading.Thread(target=run_nested)
n.start()
n.join()
print(*reports[-1])
print("RLock free after nested unwind:", rl.acquire(blocking=False))
rl.release()

# Many threads, half of which raise inside the lock; the shared count is
# exact and the lock ends free.
count = [0]


def maybe_fail(i):
    for k in range(50):
        try:
            with lock:
                count[0] += 1
                if (i + k) % 2 == 0:
                    raise ArithmeticError(k)
        except ArithmeticError:
            pass


ms = [threading.Thread(target=maybe_fail, args=(i,)) for i in range(6)]
for m in ms:
    m.start()
for m in ms:
    m.join()
print("count:", count[0], "lock free:", not lock.locked())

# try/finally release after an explicit acquire().
def explicit():
    lock.acquire()
    try:
        return 1 // 0
    finally:
        lock.release()


def run_explicit():
    try:
        explicit()
    except ZeroDivisionError as e:
        report("explicit", type(e).__name__, str(e))


x = threading.Thread(target=run_explicit)
x.start()
x.join()
print(*reports[-1])
print("lock free after finally:", lock.acquire(False))
lock.release()
