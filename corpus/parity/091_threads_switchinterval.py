# sys.setswitchinterval / sys.getswitchinterval: values read back after
# setting, the ValueError for zero or negative intervals (the old value is
# kept), and a locked counter that gives the same total whether the
# interpreter switches threads very often or rarely.
import sys
import threading

old = sys.getswitchinterval()
print("default is a positive float:", isinstance(old, float) and old > 0)
for value in (0.001, 0.01, 0.005, 0.002, 1):
    sys.setswitchinterval(value)
    got = sys.getswitchinterval()
    print("set", value, "->", got, type(got).__name__)

sys.setswitchinterval(0.001)
for bad in (0, 0.0, -1, -0.001):
    try:
        sys.setswitchinterval(bad)
        print("accepted", bad)
    except ValueError as e:
        print(type(e).__name__, e)
print("unchanged after errors:", sys.getswitchinterval())
try:
    sys.setswitchinterval("fast")
except TypeError as e:
    print("TypeError raised for a str")

counter = [0]
lock = threading.Lock()


def bump(times):
    for i in range(times):
        with lock:
            counter[0] += 1


def run_with(interval):
    sys.setswitchinterval(interval)
    counter[0] = 0
    ts = [threading.Thread(target=bump, args=(800,)) for i in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return counter[0]


for interval in (0.0001, 0.001, 0.05):
    print("interval", interval, "total", run_with(interval), "read back", sys.getswitchinterval())
sys.setswitchinterval(old)
print("restored:", sys.getswitchinterval() == old)
