# time module: values are never printed, only properties that always hold.
import time

t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
print("types", type(t0).__name__, type(p0).__name__, type(m0).__name__)
print("epoch seconds after 2020:", t0 > 1577836800)
time.sleep(0.02)
p1 = time.perf_counter()
m1 = time.monotonic()
print("perf_counter advanced by at least 10ms:", p1 - p0 >= 0.01)
print("monotonic did not go backwards:", m1 >= m0)
time.sleep(0)
print("sleep(0) returns", time.sleep(0))
samples = [time.monotonic() for _ in range(100)]
print("monotonic non-decreasing:", all(a <= b for a, b in zip(samples, samples[1:])))
perf = [time.perf_counter() for _ in range(100)]
print("perf_counter non-decreasing:", all(a <= b for a, b in zip(perf, perf[1:])))
start = time.perf_counter()
total = 0
for i in range(10000):
    total += i
elapsed = time.perf_counter() - start
print("loop result", total, "elapsed is a non-negative float:", elapsed >= 0.0 and isinstance(elapsed, float))

def timed(func):
    def wrapper(*args):
        t = time.perf_counter()
        result = func(*args)
        dt = time.perf_counter() - t
        return result, dt >= 0
    return wrapper

@timed
def slow_sum(n):
    return sum(range(n))

print(slow_sum(1000))
deadline = time.monotonic() + 0.01
spins = 0
while time.monotonic() < deadline:
    spins += 1
print("spun at least once:", spins > 0)
print("time.time close to previous:", abs(time.time() - t0) < 60)
