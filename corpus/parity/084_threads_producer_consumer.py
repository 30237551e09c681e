# Producer/consumer over a bounded buffer (a plain list) guarded by a
# Condition: producers wait_for room, consumers wait in a while loop for an
# item, notify/notify_all wake the other side. What each consumer got
# depends on the schedule, so only sorted totals are printed.
import threading

CAPACITY = 3
PRODUCERS = 3
ITEMS_EACH = 40
CONSUMERS = 2

buf = []
cond = threading.Condition()
consumed = []
stats = {"max_len": 0, "puts": 0, "gets": 0}


def producer(pid):
    for k in range(ITEMS_EACH):
        item = pid * 1000 + k
        with cond:
            cond.wait_for(lambda: len(buf) < CAPACITY)
            buf.append(item)
            stats["puts"] += 1
            if len(buf) > stats["max_len"]:
                stats["max_len"] = len(buf)
            cond.notify_all()


def consumer(cid, got):
    while True:
        with cond:
            while not buf:
                cond.wait()
            item = buf.pop(0)
            stats["gets"] += 1
            cond.notify_all()
        if item is None:
            return
        got.append(item)


results = [[] for c in range(CONSUMERS)]
cons = [threading.Thread(target=consumer, args=(c, results[c])) for c in range(CONSUMERS)]
prods = [threading.Thread(target=producer, args=(p,)) for p in range(PRODUCERS)]
for t in cons + prods:
    t.start()
for t in prods:
    t.join()
# One sentinel per consumer, sent through the same bounded buffer.
for c in range(CONSUMERS):
    with cond:
        cond.wait_for(lambda: len(buf) < CAPACITY)
        buf.append(None)
        cond.notify_all()
for t in cons:
    t.join()

everything = sorted(results[0] + results[1])
expected = sorted(p * 1000 + k for p in range(PRODUCERS) for k in range(ITEMS_EACH))
print("all items consumed once:", everything == expected)
print("count:", len(everything), "sum:", sum(everything))
print("buffer empty:", buf == [])
print("buffer never over capacity:", 1 <= stats["max_len"] <= CAPACITY)
print("puts:", stats["puts"], "gets:", stats["gets"])
# Each producer's items reach one consumer in the order they were produced.
for got in results:
    in_order = True
    for p in range(PRODUCERS):
        mine = [x for x in got if x // 1000 == p]
        if mine != sorted(mine):
            in_order = False
    print("per-producer order kept:", in_order)

# Condition.wait and wait_for with a timeout that expires return False; a
# predicate that is already true returns at once with its value.
c2 = threading.Condition()
with c2:
    print("wait timeout:", c2.wait(0.01))
    print("wait_for timeout:", c2.wait_for(lambda: False, timeout=0.01))
    print("wait_for already true:", c2.wait_for(lambda: "ready", timeout=0.01))

# Condition over an explicit Lock; notify(n) wakes waiting threads and a
# single-slot hand-off passes values one by one, in order.
slot = []
c3 = threading.Condition(threading.Lock())
received = []


def taker():
    for i in range(10):
        with c3:
            c3.wait_for(lambda: len(slot) == 1)
            received.append(slot.pop())
            c3.notify()


tk = threading.Thread(target=taker)
tk.start()
for i in range(10):
    with c3:
        c3.wait_for(lambda: len(slot) == 0)
        slot.append(i * i)
        c3.notify()
tk.join()
print("hand-off:", received)
