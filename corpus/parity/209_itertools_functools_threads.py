# Shared itertools.count and lru_cache / cache wrappers used from several
# threads at once: count hands out each value once, and the caches' call
# counts and sizes stay exact (on free-threaded runtimes too).
import threading
import itertools
import functools

counter = itertools.count(100, 2)
taken = []
lock = threading.Lock()


def take():
    mine = [next(counter) for i in range(5000)]
    with lock:
        taken.extend(mine)


threads = [threading.Thread(target=take) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(taken), len(set(taken)), sorted(taken) == list(range(100, 100 + 2 * 20000, 2)), counter)


@functools.lru_cache(maxsize=32)
def bounded(x):
    return x * x


@functools.cache
def unbounded(x):
    return -x


def use_caches(seed):
    for i in range(4000):
        k = (i * seed) % 64
        assert bounded(k) == k * k
        assert unbounded(k % 50) == -(k % 50)


threads = [threading.Thread(target=use_caches, args=(s,)) for s in (1, 3, 5, 7)]
for t in threads:
    t.start()
for t in threads:
    t.join()
b = bounded.cache_info()
u = unbounded.cache_info()
print(b.hits + b.misses, b.currsize, b.maxsize)
print(u.hits + u.misses, u.currsize, u.maxsize)
print([bounded(3), unbounded(3)])
bounded.cache_clear()
print(bounded.cache_info())
