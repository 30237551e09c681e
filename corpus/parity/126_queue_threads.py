# queue: FIFO, LIFO and priority order; Empty and Full from the non-blocking
# and timed calls; task_done/join with worker threads; bad arguments; and a
# producer/consumer run whose total is exact.
import queue
import threading

q = queue.Queue()
for x in [3, 1, 2]:
    q.put(x)
print("fifo", [q.get() for _ in range(3)], q.empty(), q.qsize())

lq = queue.LifoQueue()
for x in [3, 1, 2]:
    lq.put(x)
print("lifo", [lq.get() for _ in range(3)])

pq = queue.PriorityQueue()
for x in [5, 1, 4, 2, 3, 9, 0, 7]:
    pq.put((x, "task%d" % x))
print("priority", [pq.get()[1] for _ in range(8)])
print("priority queue list", pq.queue)

bounded = queue.Queue(maxsize=2)
bounded.put("a")
bounded.put_nowait("b")
print("full", bounded.full(), bounded.qsize(), list(bounded.queue))
try:
    bounded.put_nowait("c")
except queue.Full:
    print("put_nowait on a full queue: Full")
try:
    bounded.put("c", timeout=0.01)
except queue.Full:
    print("put with a timeout on a full queue: Full")
print(bounded.get(), bounded.get_nowait())
try:
    bounded.get_nowait()
except queue.Empty:
    print("get_nowait on an empty queue: Empty")
try:
    bounded.get(timeout=0.01)
except queue.Empty:
    print("get with a timeout on an empty queue: Empty")
try:
    bounded.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)
try:
    bounded.task_done()
    bounded.task_done()
    bounded.task_done()
except ValueError as e:
    print("ValueError:", e)
print("issubclass", issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))

sq = queue.SimpleQueue()
sq.put(1)
sq.put_nowait(2)
print("simple", sq.qsize(), sq.get(), sq.get_nowait(), sq.empty())
try:
    sq.get(timeout=0.01)
except queue.Empty:
    print("SimpleQueue get with a timeout: Empty")

# Workers take jobs until a None each; join() returns once every job is done.
jobs = queue.Queue()
results = queue.Queue()
N = 2000
WORKERS = 4


def worker():
    while True:
        item = jobs.get()
        if item is None:
            jobs.task_done()
            return
        results.put(item * item)
        jobs.task_done()


threads = [threading.Thread(target=worker) for _ in range(WORKERS)]
for t in threads:
    t.start()
for i in range(N):
    jobs.put(i)
jobs.join()
print("all jobs done, unfinished:", jobs.unfinished_tasks)
for _ in threads:
    jobs.put(None)
for t in threads:
    t.join(timeout=30)
total = 0
count = 0
while not results.empty():
    total += results.get()
    count += 1
print("results", count, total, total == sum(i * i for i in range(N)))

# A bounded queue between a producer and two consumers: put() waits for room.
pipe = queue.Queue(maxsize=3)
got = []
got_lock = threading.Lock()


def consumer():
    while True:
        item = pipe.get()
        if item is None:
            return
        with got_lock:
            got.append(item)


consumers = [threading.Thread(target=consumer) for _ in range(2)]
for t in consumers:
    t.start()
for i in range(500):
    pipe.put(i)
for _ in consumers:
    pipe.put(None)
for t in consumers:
    t.join(timeout=30)
print("bounded pipe", len(got), sorted(got) == list(range(500)))
