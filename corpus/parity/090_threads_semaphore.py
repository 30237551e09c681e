# Semaphore and BoundedSemaphore: at most N threads are inside at once (the
# maximum is tracked under a lock; the first N entrants wait for each other
# so the maximum is forced to be exactly N), non-blocking and timed acquire
# results, with-statements, and BoundedSemaphore's over-release ValueError.
import threading
import time

s = threading.Semaphore(2)
print("acquire 1:", s.acquire())
print("acquire 2:", s.acquire(blocking=False))
print("acquire 3 non-blocking:", s.acquire(blocking=False))
print("acquire 3 timed:", s.acquire(timeout=0.01))
s.release()
print("after one release:", s.acquire(False))
s.release()
s.release()
s.release()  # a plain Semaphore may go above its initial value
print("over-released plain semaphore allows 3:", [s.acquire(False) for i in range(4)])
s.release(3)
print("release(3) then 3 acquires:", [s.acquire(False) for i in range(4)])

zero = threading.Semaphore(0)
print("Semaphore(0) acquire timeout:", zero.acquire(timeout=0.005))
try:
    threading.Semaphore(-1)
except ValueError as e:
    print(type(e).__name__, e)

b = threading.BoundedSemaphore(2)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print(type(e).__name__, e)
with b:
    with b:
        print("bounded inside two withs, third:", b.acquire(False))
try:
    b.release()
except ValueError as e:
    print("after withs:", type(e).__name__, e)

# At most SLOTS threads inside at once.
SLOTS = 3
WORKERS = 10
pool = threading.BoundedSemaphore(SLOTS)
cond = threading.Condition()
state = {"inside": 0, "max": 0, "filled": False, "done": 0}
work_done = []


def worker(n):
    with pool:
        with cond:
            state["inside"] += 1
            if state["inside"] > state["max"]:
                state["max"] = state["inside"]
            if state["inside"] == SLOTS:
                state["filled"] = True
            cond.notify_all()
            # The first wave waits until all slots are taken.
            cond.wait_for(lambda: state["filled"], timeout=5)
        time.sleep(0.001)
        with cond:
            work_done.append(n * 10)
            state["inside"] -= 1
            state["done"] += 1


ws = [threading.Thread(target=worker, args=(n,)) for n in range(WORKERS)]
for w in ws:
    w.start()
for w in ws:
    w.join()
print("max inside == SLOTS:", state["max"] == SLOTS, "max <= SLOTS:", state["max"] <= SLOTS)
print("inside at end:", state["inside"], "done:", state["done"])
print("work:", sorted(work_done))
print("pool fully released:", [pool.acquire(False) for i in range(SLOTS + 1)])

# A Semaphore as a signal counter: workers release, main acquires N times.
sig = threading.Semaphore(0)
order = []
olock = threading.Lock()


def signal(n):
    with olock:
        order.append(n)
    sig.release()


ss = [threading.Thread(target=signal, args=(n,)) for n in range(5)]
for t in ss:
    t.start()
got = [sig.acquire(timeout=5) for i in range(5)]
print("five signals:", got, "sixth:", sig.acquire(timeout=0.005))
for t in ss:
    t.join()
print("signalled:", sorted(order))
