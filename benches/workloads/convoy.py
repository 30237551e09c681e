"""The convoy effect: an I/O thread's latency next to a CPU-bound thread.

Reproduces bpo-7946 (David Beazley's "convoy effect" report on the new
GIL).  An I/O thread does SIZE tiny blocking round trips: it writes one
byte to pipe A, a peer thread blocked in os.read(A) answers by writing one
byte to pipe B after a 0.1 ms "wire" delay (time.sleep), and the I/O
thread os.read()s it from B.  Every round trip is timed with perf_counter.

Why the wire delay: without it, a pipe round trip between two threads on
this kind of machine takes about 3 us, less than the time a thread
sleeping on the GIL's condition variable needs to wake up.  The I/O thread
and its peer then hand the GIL back and forth between themselves before
the CPU-bound thread can take it, and python3's median round trip shows
no convoy at all (only a 5-10 ms stall every switch interval).  With
0.1 ms on the wire -- still tiny, a LAN round trip -- the I/O thread
really blocks, as in Beazley's socket example, and the CPU-bound thread
takes the GIL every time.

* CPU alone: the CPU loop (a pure-Python counting loop that checks a
  shared stop flag every iteration) runs alone in a thread for a short
  fixed time, 0.2 s scaled down for SIZE < 1000 (never under 0.02 s),
  to give its undisturbed speed.
* Phase 1: the I/O thread and its peer alone.
* Phase 2: the same while the CPU thread spins until the I/O thread
  finishes.  With a GIL, each wake-up of the I/O thread or of its peer
  has to take the GIL back from the spinning thread, which under CPython
  3's GIL costs up to one switch interval (5 ms) each time.

The WORKERS argument is always 2 (the CPU thread and the I/O thread; the
peer is a helper thread).

Answer: ``round trips: SIZE`` (round trips actually completed in phase 2).
Metrics: ``alone_p50_ms``, ``alone_p99_ms``, ``alone_total_s`` (phase 1),
``p50_ms``, ``p99_ms``, ``total_s`` (phase 2), ``p50_vs_alone`` (p50_ms /
alone_p50_ms: the convoy figure the report quotes), ``slowdown`` (total_s /
alone_total_s: the whole phase's), ``cpu_iters_per_s`` (CPU loop speed during phase 2) and
``cpu_alone_iters_per_s`` (CPU loop speed alone).  Percentiles are
nearest-rank.

Usage: python3 convoy.py SIZE threads 2
"""
# bench: kind io
# bench: executors threads
# bench: workers 2
# bench: size 1000 quick 200 smoke 10
# bench: python2

import os
import sys
import time
from _workload import parse_args, perf, percentile

EXECUTORS = ("threads",)


def cpu_loop(stop, result):
    """Count until stop[0] is set; append (iterations, seconds) to result."""
    n = 0
    start = perf()
    while not stop[0]:
        n += 1
    result.append((n, perf() - start))


WIRE_DELAY_S = 0.0001


def peer(ra, wb, n):
    """Answer n one-byte requests from pipe A on pipe B, each after the
    wire delay."""
    i = 0
    while i < n:
        data = os.read(ra, 1)
        if not data:
            break
        time.sleep(WIRE_DELAY_S)
        os.write(wb, data)
        i += 1


def io_loop(wa, rb, n, times, total, stop):
    """Do n round trips, recording each in times and the whole in total."""
    try:
        start = perf()
        i = 0
        while i < n:
            t = perf()
            os.write(wa, b"x")
            os.read(rb, 1)
            times.append(perf() - t)
            i += 1
        total.append(perf() - start)
    finally:
        stop[0] = True


def measure_cpu_alone(duration):
    import threading
    stop = [False]
    result = []
    t = threading.Thread(target=cpu_loop, args=(stop, result))
    t.start()
    time.sleep(duration)
    stop[0] = True
    t.join()
    n, seconds = result[0]
    return n / seconds if seconds > 0 else 0.0


def run_phase(size, with_cpu):
    """One phase; return (round-trip times, total seconds, cpu iters/s)."""
    import threading
    ra, wa = os.pipe()
    rb, wb = os.pipe()
    times = []
    total = []
    stop = [False]
    cpu_result = []
    try:
        threads = []
        if with_cpu:
            threads.append(threading.Thread(target=cpu_loop, args=(stop, cpu_result)))
        threads.append(threading.Thread(target=peer, args=(ra, wb, size)))
        threads.append(threading.Thread(target=io_loop,
                                        args=(wa, rb, size, times, total, stop)))
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        for fd in (ra, wa, rb, wb):
            os.close(fd)
    cpu_rate = 0.0
    if cpu_result:
        n, seconds = cpu_result[0]
        if seconds > 0:
            cpu_rate = n / seconds
    return times, total[0], cpu_rate


def main():
    size, executor, workers = parse_args(sys.argv, EXECUTORS, fixed_workers=2)
    duration = 0.2 * min(size, 1000) / 1000.0
    if duration < 0.02:
        duration = 0.02
    cpu_alone = measure_cpu_alone(duration)
    alone_times, alone_total, _ = run_phase(size, False)
    times, total, cpu_rate = run_phase(size, True)
    print("round trips: %d" % len(times))
    if times:
        alone_times.sort()
        times.sort()
        print("METRIC alone_p50_ms %.4f" % (percentile(alone_times, 50) * 1000.0))
        print("METRIC alone_p99_ms %.4f" % (percentile(alone_times, 99) * 1000.0))
        print("METRIC alone_total_s %.6f" % alone_total)
        print("METRIC p50_ms %.4f" % (percentile(times, 50) * 1000.0))
        print("METRIC p99_ms %.4f" % (percentile(times, 99) * 1000.0))
        alone_p50 = percentile(alone_times, 50)
        if alone_p50 > 0:
            print("METRIC p50_vs_alone %.3f" % (percentile(times, 50) / alone_p50))
        print("METRIC total_s %.6f" % total)
        if alone_total > 0:
            print("METRIC slowdown %.2f" % (total / alone_total))
    print("METRIC cpu_iters_per_s %.1f" % cpu_rate)
    print("METRIC cpu_alone_iters_per_s %.1f" % cpu_alone)


if __name__ == '__main__':
    main()
