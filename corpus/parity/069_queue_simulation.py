# Real program: a seeded discrete-event bank-queue simulation.
import random

random.seed(2718)

class Customer:
    def __init__(self, cid, arrival, service):
        self.cid = cid
        self.arrival = arrival
        self.service = service
        self.start = None
    @property
    def wait(self):
        return self.start - self.arrival

def simulate(n_customers, n_tellers):
    t = 0
    customers = []
    for cid in range(n_customers):
        t += random.randint(1, 4)
        customers.append(Customer(cid, t, random.randint(2, 9)))
    free_at = [0] * n_tellers
    log = []
    for c in customers:
        teller = min(range(n_tellers), key=lambda k: (free_at[k], k))
        c.start = max(c.arrival, free_at[teller])
        free_at[teller] = c.start + c.service
        log.append((c.cid, teller, c.arrival, c.start, free_at[teller]))
    return customers, log, max(free_at)

for tellers in (1, 2, 3):
    random.seed(100)
    custs, log, end = simulate(25, tellers)
    waits = [c.wait for c in custs]
    print("tellers=%d end=%d avg_wait=%.2f max_wait=%d zero_waits=%d" % (
        tellers, end, sum(waits) / len(waits), max(waits), waits.count(0)))
random.seed(100)
custs, log, end = simulate(8, 2)
print("cid teller arrive start leave")
for row in log:
    print("%3d %6d %6d %5d %5d" % row)
queue = []
served = []
random.seed(31)
for tick in range(30):
    if random.random() < 0.6:
        queue.append("c%d" % tick)
    if tick % 2 == 0 and queue:
        served.append(queue.pop(0))
print("served", len(served), served[:6], "still waiting", queue)
random.seed(4)
hist = {}
for _ in range(1000):
    v = round(random.gauss(0, 1))
    hist[v] = hist.get(v, 0) + 1
for k in sorted(hist):
    print("%3d %s" % (k, "*" * (hist[k] // 10)))
