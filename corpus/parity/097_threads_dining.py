# Dining philosophers without deadlock: every philosopher picks up the
# lower-numbered fork first (a global lock order), so all of them finish.
# Each eats a fixed number of meals; the meal counts and fork usage are
# printed after join(), and each fork ends up free.
import threading
import time

N = 5
MEALS = 6
forks = [threading.Lock() for i in range(N)]
meals = [0] * N
fork_uses = [0] * N
stats_lock = threading.Lock()
overlap = [False]
eating = [False] * N


def philosopher(i):
    left, right = i, (i + 1) % N
    first, second = min(left, right), max(left, right)
    for m in range(MEALS):
        with forks[first]:
            with forks[second]:
                with stats_lock:
                    # neighbours share a fork, so they never eat together
                    if eating[(i - 1) % N] or eating[(i + 1) % N]:
                        overlap[0] = True
                    eating[i] = True
                time.sleep(0.0002)
                with stats_lock:
                    eating[i] = False
                    meals[i] += 1
                    fork_uses[first] += 1
                    fork_uses[second] += 1


ps = [threading.Thread(target=philosopher, args=(i,), name="phil-%d" % i) for i in range(N)]
for p in ps:
    p.start()
for p in ps:
    p.join(timeout=10)
print("all finished:", not any(p.is_alive() for p in ps))
print("meals:", meals)
print("fork uses:", fork_uses)
print("neighbours never ate together:", not overlap[0])
print("forks free:", [f.acquire(False) for f in forks])

# The same with RLocks and acquire(timeout=...) back-off: a philosopher that
# cannot get its second fork puts the first one down and retries.
rforks = [threading.RLock() for i in range(N)]
done = [0] * N


def polite(i):
    left, right = rforks[i], rforks[(i + 1) % N]
    eaten = 0
    while eaten < 3:
        left.acquire()
        if right.acquire(timeout=0.001):
            eaten += 1
            right.release()
        left.release()
        if eaten < 3:
            time.sleep(0.0001)
    with stats_lock:
        done[i] = eaten


qs = [threading.Thread(target=polite, args=(i,)) for i in range(N)]
for q in qs:
    q.start()
for q in qs:
    q.join(timeout=10)
print("polite all finished:", not any(q.is_alive() for q in qs))
print("polite meals:", done)
