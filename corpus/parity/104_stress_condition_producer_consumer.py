# Stress: three producers and three consumers share a bounded buffer (a list
# of at most CAPACITY items) guarded by one threading.Condition: producers
# wait while it is full, consumers wait while it is empty, and each side
# notifies the other. Every item produced is consumed exactly once, so the
# count and the checksum consumed equal those produced, and the buffer never
# held more than CAPACITY items. The live objects are back at their baseline
# once the threads are joined (ftl only).
import sys
import threading

PRODUCERS = 3
CONSUMERS = 3
CAPACITY = 8
N = 1500


def run(n):
    cond = threading.Condition()
    buf = []
    state = {"done_producers": 0, "max_len": 0}
    consumed = [None] * CONSUMERS

    def producer(k):
        for i in range(n):
            item = k * n + i
            with cond:
                while len(buf) >= CAPACITY:
                    cond.wait()
                buf.append(item)
                if len(buf) > state["max_len"]:
                    state["max_len"] = len(buf)
                cond.notify_all()
        with cond:
            state["done_producers"] += 1
            cond.notify_all()

    def consumer(k):
        count = 0
        total = 0
        check = 0
        while True:
            with cond:
                while not buf and state["done_producers"] < PRODUCERS:
                    cond.wait()
                if not buf:
                    break
                item = buf.pop(0)
                cond.notify_all()
            count += 1
            total += item
            check ^= item * 2654435761 % 4294967296
        consumed[k] = (count, total, check)

    ts = [threading.Thread(target=consumer, args=(k,)) for k in range(CONSUMERS)]
    ts += [threading.Thread(target=producer, args=(k,)) for k in range(PRODUCERS)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    count = sum(c[0] for c in consumed)
    total = sum(c[1] for c in consumed)
    check = 0
    for c in consumed:
        check ^= c[2]
    want_check = 0
    for item in range(PRODUCERS * n):
        want_check ^= item * 2654435761 % 4294967296
    return count, total, check == want_check, state["max_len"] <= CAPACITY, len(buf)


run(10)
base = sys.getallocatedblocks()
count, total, check_ok, bounded, left = run(N)
print("consumed:", count, "produced:", PRODUCERS * N)
print("sum consumed:", total, "sum produced:", sum(range(PRODUCERS * N)))
print("xor checksum matches:", check_ok)
print("buffer stayed bounded:", bounded)
print("left in the buffer:", left)
del count, total, check_ok, bounded, left
if sys.implementation.name == "ftl":
    leaked = sys.getallocatedblocks() - base - 1  # `base` itself is one live object
    assert leaked == 0, f"{leaked} objects leaked"
print("done")
