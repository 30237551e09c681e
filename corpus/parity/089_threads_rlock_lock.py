# Lock and RLock semantics: acquire(blocking=False) results, acquire with a
# timeout on a lock held elsewhere returns False, locked(), releasing an
# unlocked Lock raises; an RLock is re-entrant for its owner, must be
# released as many times as acquired, and cannot be released by another
# thread or when unlocked. A Lock (unlike an RLock) may be released by a
# thread other than the one that acquired it.
import threading

lock = threading.Lock()
print("locked initially:", lock.locked())
print("acquire():", lock.acquire())
print("locked:", lock.locked())
print("acquire(blocking=False) when held:", lock.acquire(blocking=False))
print("acquire(False) when held:", lock.acquire(False))
print("acquire(timeout=0.01) when held:", lock.acquire(timeout=0.01))
lock.release()
print("locked after release:", lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print(type(e).__name__, e)
print("acquire(blocking=False) when free:", lock.acquire(blocking=False))
lock.release()
print("acquire(timeout=0.01) when free:", lock.acquire(timeout=0.01))
lock.release()
with lock:
    print("inside with, locked:", lock.locked())
print("after with, locked:", lock.locked())

# Another thread holds the lock: main's timed acquire fails, then succeeds
# once the holder releases it.
holding = threading.Event()
let_go = threading.Event()


def holder():
    with lock:
        holding.set()
        let_go.wait()


h = threading.Thread(target=holder)
h.start()
holding.wait()
print("timed acquire while another thread holds:", lock.acquire(timeout=0.01))
print("non-blocking acquire while another thread holds:", lock.acquire(False))
let_go.set()
h.join()
print("acquire after holder finished:", lock.acquire(timeout=5))

# A plain Lock may be released by another thread (it is not owned).
released = []


def other_releases():
    lock.release()
    released.append(lock.locked())


o = threading.Thread(target=other_releases)
o.start()
o.join()
print("released by another thread, now locked:", released)

# RLock re-entrancy.
rl = threading.RLock()
print("rlock acquire 1:", rl.acquire())
print("rlock acquire 2:", rl.acquire())
print("rlock acquire 3 non-blocking:", rl.acquire(blocking=False))
owner_check = []


def try_from_other():
    owner_check.append(rl.acquire(blocking=False))
    owner_check.append(rl.acquire(timeout=0.01))
    try:
        rl.release()
    except RuntimeError as e:
        owner_check.append(type(e).__name__ + " " + str(e))


x = threading.Thread(target=try_from_other)
x.start()
x.join()
print("other thread while held 3 times:", owner_check)
rl.release()
rl.release()
x2 = threading.Thread(target=try_from_other)
owner_check.clear()
x2.start()
x2.join()
print("other thread while held once:", owner_check)
rl.release()
try:
    rl.release()
except RuntimeError as e:
    print(type(e).__name__, e)

# Once fully released, another thread can take it (and re-enter it).
got = []


def take_twice():
    with rl:
        with rl:
            got.append("nested with ok")
    got.append(rl.acquire(blocking=False))
    rl.release()


tt = threading.Thread(target=take_twice)
tt.start()
tt.join()
print("free rlock in another thread:", got)

# A recursive function guarded by an RLock.
total = [0]


def walk(tree):
    with rl:
        total[0] += tree[0]
        for child in tree[1]:
            walk(child)


tree = (1, [(2, [(4, []), (5, [])]), (3, [(6, [(7, [])])])])
walkers = [threading.Thread(target=walk, args=(tree,)) for i in range(3)]
for w in walkers:
    w.start()
for w in walkers:
    w.join()
print("recursive walks under RLock:", total[0])
