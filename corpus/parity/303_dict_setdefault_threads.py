# dict.setdefault is atomic (CPython 3.13t makes it one critical section):
# threads racing to set a default for the same key all get the first value
# stored, never their own. The idiom registries and caches rely on it.
import threading

N_THREADS = 8
KEYS = 3000
shared = {}
seen = [None] * N_THREADS
start = threading.Barrier(N_THREADS)


def work(t):
    start.wait()
    mine = []
    for k in range(KEYS):
        key = k if k % 2 else "k%d" % k
        mine.append(shared.setdefault(key, [t, k]))
    seen[t] = mine


threads = [threading.Thread(target=work, args=(t,)) for t in range(N_THREADS)]
for th in threads:
    th.start()
for th in threads:
    th.join()

same = all(seen[t][k] is seen[0][k] for t in range(N_THREADS) for k in range(KEYS))
print(same, len(shared))
print(all(v[1] == k for k, v in ((int(key[1:]) if isinstance(key, str) else key, v) for key, v in shared.items())))
print({v[0] for v in shared.values()} <= set(range(N_THREADS)))

# The barrier every thread waited at: each got a distinct index.
b = threading.Barrier(3)
idx = []
ws = [threading.Thread(target=lambda: idx.append(b.wait(timeout=30))) for _ in range(3)]
for w in ws:
    w.start()
for w in ws:
    w.join()
print(sorted(idx), b.n_waiting, b.broken)
