# Cross-interpreter queues used from one interpreter: FIFO, maxsize,
# nowait variants, timeouts, and copies (never the same object).
from concurrent import interpreters

q = interpreters.create_queue()
print(q.maxsize, q.empty(), q.full(), q.qsize())
for item in [1, "two", (3, b"four"), None, 5.5]:
    q.put(item)
print(q.qsize(), q.empty())
print([q.get() for _ in range(5)])
try:
    q.get_nowait()
except interpreters.QueueEmpty:
    print("QueueEmpty")
try:
    q.get(timeout=0.05)
except interpreters.QueueEmpty:
    print("timed out")

small = interpreters.create_queue(2)
print(small.maxsize)
small.put(1)
small.put_nowait(2)
print(small.full(), small.qsize())
try:
    small.put_nowait(3)
except interpreters.QueueFull:
    print("QueueFull")
try:
    small.put(3, timeout=0.05)
except interpreters.QueueFull:
    print("QueueFull after timeout")
print(small.get(), small.get(), small.empty())

# Not shareable: pickled, so what comes out is an equal copy.
data = {"list": [1, 2, 3], "nested": {"x": (1, 2)}}
q.put(data)
out = q.get()
print(out == data, out is data)
print(interpreters.Queue(q.id) is q, repr(q).startswith("Queue("))
