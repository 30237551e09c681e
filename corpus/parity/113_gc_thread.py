# Collections inside threads: each thread builds cycles with finalizers and
# collects; every finalizer runs exactly once.
import gc
import threading

count = [0]
lock = threading.Lock()

class F:
    def __del__(self):
        with lock:
            count[0] += 1

def work(n):
    for i in range(n):
        a = F()
        b = F()
        a.b = b
        b.a = a
    gc.collect()

threads = [threading.Thread(target=work, args=(2000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
gc.collect()
print("finalized:", count[0])
