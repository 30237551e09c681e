# collections.deque shared between threads: appends and pops at both ends
# from several threads lose and duplicate nothing; bounded deques keep
# their bound; rotation and copying under concurrent appends stay whole.
import threading
import time
from collections import deque

N_THREADS = 4
PER_THREAD = 3000

# Producers append at both ends.
d = deque()

def produce(k):
    for i in range(PER_THREAD):
        value = k * PER_THREAD + i
        if i % 2:
            d.append(value)
        else:
            d.appendleft(value)

threads = [threading.Thread(target=produce, args=(k,)) for k in range(N_THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(d), sum(d) == sum(range(N_THREADS * PER_THREAD)), sorted(d) == list(range(N_THREADS * PER_THREAD)))

# Consumers pop from both ends until the deque is empty.
taken = [[] for _ in range(N_THREADS)]

def consume(k):
    mine = taken[k]
    while True:
        try:
            mine.append(d.pop() if k % 2 else d.popleft())
        except IndexError:
            return

threads = [threading.Thread(target=consume, args=(k,)) for k in range(N_THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
everything = sorted(x for part in taken for x in part)
print(len(d), len(everything), everything == list(range(N_THREADS * PER_THREAD)))

# Producers and consumers at once, through a queue-like deque.
work = deque()
done = []
lock = threading.Lock()
finished = threading.Event()

def producer(k):
    for i in range(PER_THREAD):
        work.append((k, i))

def consumer():
    got = 0
    while True:
        try:
            work.popleft()
            got += 1
        except IndexError:
            if finished.is_set() and not work:
                break
            time.sleep(0.0001)  # wait for the producers without spinning
    with lock:
        done.append(got)

consumers = [threading.Thread(target=consumer) for _ in range(2)]
producers = [threading.Thread(target=producer, args=(k,)) for k in range(N_THREADS)]
for t in consumers + producers:
    t.start()
for t in producers:
    t.join()
finished.set()
for t in consumers:
    t.join()
print(sum(done), len(work))

# A bounded deque keeps exactly maxlen items.
bounded = deque(maxlen=100)

def fill(k):
    for i in range(PER_THREAD):
        bounded.append(i) if k % 2 else bounded.appendleft(i)

threads = [threading.Thread(target=fill, args=(k,)) for k in range(N_THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(bounded), bounded.maxlen, all(0 <= x < PER_THREAD for x in bounded))

# Rotating while others append: nothing is lost.
spin = deque(range(50))

def rotate():
    for i in range(500):
        spin.rotate(i % 7 - 3)

def grow():
    for i in range(500):
        spin.append(1000 + i)

threads = [threading.Thread(target=rotate), threading.Thread(target=grow), threading.Thread(target=rotate)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(spin), sorted(spin) == list(range(50)) + list(range(1000, 1500)))
