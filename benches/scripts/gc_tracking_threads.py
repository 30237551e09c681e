#!/usr/bin/env python3
"""What tracking containers for the cycle collector costs threads that
allocate in parallel: an A/B of two ftl builds on a free-threaded runtime.

Usage: BASE=path/to/other/ftl python3 benches/scripts/gc_tracking_threads.py
  FTL=path/to/ftl   the binary measured (default: target/release/ftl)
  BASE=...          the binary compared (say, a build from before a change)
  RUNTIME=ft-atomic the runtime both run
  ROUNDS=5          rounds; each runs both binaries at 1 and 2 threads,
                    alternating which goes first
  N=300000          (a list, a tuple, a dict) made and dropped per thread

Each thread makes N short-lived containers of three kinds, the pattern
where a shared list of tracked objects (or a lock around one) would show
up at once. Prints the median wall time of each (binary, threads) and the
median of the per-round ratios FTL / BASE.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FTL = os.path.abspath(os.environ.get("FTL", os.path.join(ROOT, "target", "release", "ftl")))
BASE = os.environ.get("BASE")
RUNTIME = os.environ.get("RUNTIME", "ft-atomic")
ROUNDS = int(os.environ.get("ROUNDS", "5"))
N = int(os.environ.get("N", "300000"))

CHILD = r'''
import sys, threading
n, threads = int(sys.argv[1]), int(sys.argv[2])
def work():
    i = 0
    while i < n:
        l = [i]
        t = (l, i)
        d = {"t": t}
        i += 1
ts = [threading.Thread(target=work) for _ in range(threads)]
for t in ts:
    t.start()
for t in ts:
    t.join()
'''


def wall(cmd):
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - t0


def main():
    if not BASE:
        sys.exit("set BASE to the ftl binary to compare against")
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(CHILD)
        child = f.name
    times = {}
    ratios = {1: [], 2: []}
    try:
        for r in range(ROUNDS):
            for threads in (1, 2):
                pair = [("ftl", FTL), ("base", BASE)]
                if r % 2:
                    pair.reverse()
                got = {}
                for who, binary in pair:
                    got[who] = wall([binary, "run", "--runtime", RUNTIME, child, str(N), str(threads)])
                    times.setdefault((who, threads), []).append(got[who])
                ratios[threads].append(got["ftl"] / got["base"])
    finally:
        os.unlink(child)
    print(f"{RUNTIME}, {N} x (list, tuple, dict) per thread, median of {ROUNDS} rounds (wall s)")
    for threads in (1, 2):
        print(f"{threads} thread(s): base {statistics.median(times[('base', threads)]):.3f}"
              f"  ftl {statistics.median(times[('ftl', threads)]):.3f}"
              f"  ftl/base {statistics.median(ratios[threads]):.2f}"
              f" [{min(ratios[threads]):.2f}-{max(ratios[threads]):.2f}]")


if __name__ == "__main__":
    main()
