# Stress: waves of short-lived threads, started and joined in batches, each
# raising and catching exceptions in a loop (ValueError from int(), KeyError
# from a dict, a custom exception carrying a payload) and guarding a shared
# tally with an RLock taken recursively. Every exception is caught by the
# thread that raised it, the tally is exact, and once all the threads are
# joined nothing they created is still alive: the live objects are back at
# their baseline (ftl only).
import sys
import threading

WAVES = 8
PER_WAVE = 6
N = 120


class Oops(Exception):
    def __init__(self, payload):
        Exception.__init__(self, "oops")
        self.payload = payload


def run(waves, n):
    rlock = threading.RLock()
    tally = {"caught": 0, "payload": 0, "threads": 0}
    table = {"a": 1}

    def add(key, v):
        with rlock:
            with rlock:
                tally[key] += v

    def worker(k):
        caught = 0
        payload = 0
        for i in range(n):
            try:
                int("x%d" % i)
            except ValueError:
                caught += 1
            try:
                table["missing-%d" % (i % 7)]
            except KeyError as e:
                caught += 1 if e.args[0].startswith("missing-") else 0
            try:
                raise Oops([k, i])
            except Oops as e:
                payload += e.payload[1]
                caught += 1
        add("caught", caught)
        add("payload", payload)
        add("threads", 1)

    for w in range(waves):
        ts = [threading.Thread(target=worker, args=(k,)) for k in range(PER_WAVE)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
    alive = threading.active_count()
    return tally["caught"], tally["payload"], tally["threads"], alive


run(1, 5)
base = sys.getallocatedblocks()
caught, payload, threads, alive = run(WAVES, N)
print("threads run:", threads, "expected:", WAVES * PER_WAVE)
print("caught:", caught, "expected:", 3 * N * WAVES * PER_WAVE)
print("payload:", payload, "expected:", sum(range(N)) * WAVES * PER_WAVE)
print("threads alive after the joins:", alive)
del caught, payload, threads, alive
if sys.implementation.name == "ftl":
    leaked = sys.getallocatedblocks() - base - 1  # `base` itself is one live object
    assert leaked == 0, f"{leaked} objects leaked"
print("done")
