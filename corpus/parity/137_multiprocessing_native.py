# _multiprocessing's SemLock (POSIX named semaphores, as CPython's
# semaphore.c on Linux) and the descriptor calls of os that multiprocessing
# needs: non-inheritable pipes and dups, set_inheritable, mkfifo, unlink.
import _multiprocessing
import os
import threading

SemLock = _multiprocessing.SemLock
RECURSIVE_MUTEX, SEMAPHORE = 0, 1
PREFIX = '/ftl-parity-137-%d-' % os.getpid()


def attempt(f):
    try:
        r = f()
    except Exception as e:
        print(' ', type(e).__name__, e)
    else:
        print(' ', repr(r))


print(SemLock, SemLock.SEM_VALUE_MAX, sorted(_multiprocessing.flags))

# A lock (a semaphore of at most 1) guarding a counter from four threads.
lock = SemLock(SEMAPHORE, 1, 1, PREFIX + 'lock', True)
print(lock.kind, lock.maxvalue, lock.name, type(lock.handle).__name__)
counter = [0]


def work():
    for _ in range(500):
        lock.acquire()
        counter[0] += 1
        lock.release()


threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('counter', counter[0], lock._count(), lock._get_value(), lock._is_zero())

# Timeouts, non-blocking tries and releasing too often.
print(lock.acquire(), lock._is_zero(), lock._count())
seen = []
t = threading.Thread(target=lambda: seen.extend(
    [lock.acquire(timeout=0.05), lock.acquire(False), lock.acquire(True, -1)]))
t.start()
t.join()
print('other thread', seen)
lock.release()
attempt(lock.release)
with lock as entered:
    print('with', entered, lock._count())
print(lock._count())

# A recursive mutex: owned by one thread, counted.
rlock = SemLock(RECURSIVE_MUTEX, 1, 1, PREFIX + 'rlock', True)
print(rlock.acquire(), rlock.acquire(), rlock._count(), rlock._is_mine())


def stranger():
    print('stranger', rlock._is_mine(), rlock.acquire(timeout=0))
    attempt(rlock.release)


t = threading.Thread(target=stranger)
t.start()
t.join()
rlock.release()
print(rlock._count(), rlock._is_mine(), rlock._get_value())
rlock.release()
print(rlock._count(), rlock._is_mine(), rlock._get_value())
attempt(rlock.release)

# A counting semaphore, named, reopened by name and unlinked.
name = PREFIX + 'sem'
sem = SemLock(SEMAPHORE, 2, 3, name, False)
print(sem.name == name, sem._get_value())
attempt(lambda: SemLock(SEMAPHORE, 0, 1, name, False))
again = SemLock._rebuild(sem.handle, SEMAPHORE, 3, name)
print(again.name == name, again.kind, again.maxvalue, again._count())
again.release()
print(sem._get_value(), again._get_value())
attempt(sem.release)
print(sem.acquire(), sem.acquire(), sem.acquire(), sem.acquire(False))
print(sem._count(), again._count(), sem._get_value())
sem._after_fork()
print(sem._count())
_multiprocessing.sem_unlink(name)
attempt(lambda: _multiprocessing.sem_unlink(name))
attempt(lambda: SemLock._rebuild(0, SEMAPHORE, 3, name))

# Argument checking.
attempt(lambda: SemLock(5, 1, 1, PREFIX + 'x', True))
attempt(lambda: SemLock(0, 1, 1))
attempt(lambda: SemLock(0, 1, 1, 5, True))
attempt(lambda: SemLock(1, 2**31, 1, PREFIX + 'x', True))
attempt(lambda: SemLock(1, 1, 1, 'bad/name', True))
attempt(lambda: lock.acquire(1, 2, 3))
attempt(lambda: lock.acquire(blocking=True))
attempt(lambda: lock.acquire(timeout='soon'))
attempt(lambda: lock.release(1))
attempt(lambda: lock.__exit__(1, 2, 3, 4))
attempt(lambda: SemLock._rebuild(1, 2, 3))
attempt(lambda: _multiprocessing.sem_unlink(5))

# os: new descriptors are not inherited; dup, set_inheritable.
r, w = os.pipe()
print('pipe', os.get_inheritable(r), os.get_inheritable(w))
d = os.dup(w)
print('dup', d not in (r, w), os.get_inheritable(d))
os.set_inheritable(d, True)
print('set', os.get_inheritable(d))
os.set_inheritable(d, False)
print('cleared', os.get_inheritable(d))
os.write(d, b'through the dup')
print(os.read(r, 100))
for fd in (r, w, d):
    os.close(fd)
attempt(lambda: os.dup(d))
attempt(lambda: os.get_inheritable(d))
attempt(lambda: os.set_inheritable(d, True))
attempt(lambda: os.set_inheritable(1))
attempt(lambda: os.dup())

# mkfifo and unlink.
fifo = '/tmp/ftl-parity-137-%d.fifo' % os.getpid()
print(os.mkfifo(fifo, 0o600))
attempt(lambda: os.mkfifo(fifo))
attempt(lambda: os.mkfifo(5))
print(os.unlink(fifo))
try:
    os.unlink(fifo)
except FileNotFoundError as e:
    print('FileNotFoundError', str(e) == "[Errno 2] No such file or directory: '%s'" % fifo)
