# Seed 000's race: one thread does `x += 1` and another `x -= 1` many times.
# With a Lock around each update the result is exactly 0 whatever the
# schedule; the unlocked version is run too, but only the fact that it ends
# with an int is printed (its value depends on the schedule).
import threading

N = 3000
x = 0
lock = threading.Lock()


def foo():
    global x
    for i in range(N):
        with lock:
            x += 1


def bar():
    global x
    for i in range(N):
        with lock:
            x -= 1


t1 = threading.Thread(target=foo)
t2 = threading.Thread(target=bar)
t1.start()
t2.start()
t1.join()
t2.join()
print("locked with-statement:", x)

# The same with explicit acquire()/release() and try/finally.
y = 0


def add(delta, times):
    global y
    for i in range(times):
        lock.acquire()
        try:
            y += delta
        finally:
            lock.release()


ts = [threading.Thread(target=add, args=(1, N)), threading.Thread(target=add, args=(-1, N)),
      threading.Thread(target=add, args=(5, 200)), threading.Thread(target=add, args=(-2, 500))]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("locked acquire/release:", y, y == 5 * 200 - 2 * 500)
print("lock free at the end:", lock.locked() is False)

# A counter held in an object attribute and in a dict entry.


class Counter:
    def __init__(self):
        self.value = 0
        self.lock = threading.Lock()

    def bump(self, times):
        for i in range(times):
            with self.lock:
                self.value += 1


c = Counter()
d = {"hits": 0}
dlock = threading.Lock()


def both(times):
    c.bump(times)
    for i in range(times):
        with dlock:
            d["hits"] = d["hits"] + 1


ws = [threading.Thread(target=both, args=(700,)) for k in range(4)]
for w in ws:
    w.start()
for w in ws:
    w.join()
print("counter attribute:", c.value)
print("dict entry:", d["hits"])

# The unsynchronized version: the final value depends on the schedule, so
# only its type is printed.
z = 0


def inc_unlocked():
    global z
    for i in range(N):
        z += 1


def dec_unlocked():
    global z
    for i in range(N):
        z -= 1


u1 = threading.Thread(target=inc_unlocked)
u2 = threading.Thread(target=dec_unlocked)
u1.start()
u2.start()
u1.join()
u2.join()
print("unlocked result is an int:", isinstance(z, int))
print("unlocked result is within bounds:", -N <= z <= N)
