# Condition.notify(n) wakes at most n of the waiting threads and
# notify_all() wakes the rest; wait() returns True when notified. The main
# thread only notifies once it holds the condition and has seen every
# waiter register (a waiter registers and waits under the same lock, so all
# of them are inside wait() at that point).
import threading
import time

N = 6
cond = threading.Condition()
state = {"waiting": 0, "woken": 0, "returns": []}
woke = threading.Condition()


def waiter(k):
    with cond:
        state["waiting"] += 1
        r = cond.wait()
        state["returns"].append(r)
    with woke:
        state["woken"] += 1
        woke.notify_all()


def all_waiting():
    with cond:
        return state["waiting"] == N


ts = [threading.Thread(target=waiter, args=(k,)) for k in range(N)]
for t in ts:
    t.start()
while not all_waiting():
    time.sleep(0.0005)

with cond:
    cond.notify()
with woke:
    print("after notify():", woke.wait_for(lambda: state["woken"] >= 1, timeout=5))
time.sleep(0.005)
print("woken after notify():", state["woken"])

with cond:
    cond.notify(2)
with woke:
    print("after notify(2):", woke.wait_for(lambda: state["woken"] >= 3, timeout=5))
time.sleep(0.005)
print("woken after notify(2):", state["woken"])
print("unwoken still alive:", sum(t.is_alive() for t in ts) >= N - 3)

with cond:
    cond.notify_all()
for t in ts:
    t.join()
print("woken after notify_all():", state["woken"])
print("wait() returned:", state["returns"])

# notify with nobody waiting is a no-op; a later waiter still times out.
with cond:
    cond.notify()
    cond.notify_all()
    print("wait after stale notify:", cond.wait(0.005))
# notify(0) wakes nobody.
late = []


def late_waiter():
    with cond:
        late.append(cond.wait(timeout=0.05))


lw = threading.Thread(target=late_waiter)
with cond:
    lw.start()
    # the thread cannot register until main releases the lock in wait()
    cond.wait(0.005)
    cond.notify(0)
lw.join()
print("notify(0) woke nobody, wait returned:", late)
