# Event signalling: set/wait/is_set/clear; wait(timeout) returns False when
# the event stays unset and True once it is set; a start gate releases many
# waiting threads; a chain of Events forces the order in which workers print.
import threading
import time

ev = threading.Event()
print("initially set:", ev.is_set())
print("wait timeout unset:", ev.wait(0.01))
print("wait timeout=0 unset:", ev.wait(timeout=0))
ev.set()
print("after set:", ev.is_set())
print("wait set:", ev.wait())
print("wait timeout set:", ev.wait(0.01))
ev.set()
print("set twice still set:", ev.is_set())
ev.clear()
print("after clear:", ev.is_set())
print("wait after clear:", ev.wait(0.005))

# Another thread sets the event; the main thread's wait returns True.
done = threading.Event()


def setter():
    time.sleep(0.002)
    done.set()


s = threading.Thread(target=setter)
s.start()
print("main wait for setter:", done.wait(5))
s.join()

# A start gate: all workers block on `gate` until main sets it.
gate = threading.Event()
ready_count = [0]
ready_lock = threading.Lock()
all_ready = threading.Event()
results = []
WORKERS = 6


def worker(n):
    with ready_lock:
        ready_count[0] += 1
        if ready_count[0] == WORKERS:
            all_ready.set()
    ok = gate.wait(5)
    with ready_lock:
        results.append((n, ok, n * n))


ws = [threading.Thread(target=worker, args=(n,)) for n in range(WORKERS)]
for w in ws:
    w.start()
print("all workers ready:", all_ready.wait(5))
print("results before gate:", results)
print("workers still waiting:", all(w.is_alive() for w in ws))
gate.set()
for w in ws:
    w.join()
print("results after gate:", sorted(results))

# A chain of Events: thread i waits for events[i], prints, then sets
# events[i+1]. The threads are started in reverse order, yet they print in
# index order because each one waits for its predecessor.
CHAIN = 5
events = [threading.Event() for i in range(CHAIN + 1)]


def link(i):
    events[i].wait()
    print("link", i, "saw predecessor:", i == 0 or events[i - 1].is_set())
    events[i + 1].set()


chain = [threading.Thread(target=link, args=(i,)) for i in range(CHAIN)]
for t in reversed(chain):
    t.start()
events[0].set()
print("chain finished:", events[CHAIN].wait(5))
for t in chain:
    t.join()

# A worker that waits with a short timeout in a loop until told to stop.
stop = threading.Event()
ticks = [0]


def ticker():
    while not stop.wait(0.001):
        ticks[0] += 1


tt = threading.Thread(target=ticker)
tt.start()
time.sleep(0.005)
stop.set()
tt.join()
print("ticker stopped:", not tt.is_alive(), "ticked:", ticks[0] >= 0)
