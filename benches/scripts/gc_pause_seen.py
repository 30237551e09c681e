#!/usr/bin/env python3
"""The collector's pauses as the main thread sees them, serial against
PEP 556's threaded mode.

Usage: python3 benches/scripts/gc_pause_seen.py [RUNTIME...]
  FTL=path/to/ftl   the binary (default: target/release/ftl)
  ROUNDS=3          rounds; each runs every (runtime, mode) once, in turn
  SIZE=400000       two-object cycles with __del__ made by the main thread

A child program makes SIZE cycles (as `benches/workloads/gc_cycles.py`
does) and reads the clock every CHUNK iterations: a chunk during which a
collection held the main thread is longer than the others. It prints the
chunk times' median, p99 and max (the pause the main thread saw), the
number of collections and their longest duration from `gc.callbacks`
(which, in threaded mode, run on the GC thread). python3 runs the serial
mode only (CPython has no threaded mode). Prints one line per (runtime,
mode): the median over the rounds of each figure.
"""
import ast
import os
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.abspath(os.environ.get("FTL", os.path.join(ROOT, "target", "release", "ftl")))
ROUNDS = int(os.environ.get("ROUNDS", "3"))
SIZE = int(os.environ.get("SIZE", "400000"))
CHUNK = 100

# The child prints a dict literal (ftl has no `json` module yet).
CHILD = r'''
import gc, sys, time
mode, size, chunk = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
if mode == "threaded":
    gc.set_mode("threaded")
perf = time.perf_counter
durations = []
started = [0.0]
def on_gc(phase, info):
    if phase == "start":
        started[0] = perf()
    else:
        durations.append(perf() - started[0])
gc.callbacks.append(on_gc)
finalized = 0
class Finalized(object):
    def __init__(self):
        self.partner = None
    def __del__(self):
        global finalized
        finalized += 1
class Partner(object):
    def __init__(self, other):
        self.other = other
chunks = []
last = perf()
i = 0
while i < size:
    a = Finalized()
    a.partner = Partner(a)
    del a
    i += 1
    if i % chunk == 0:
        now = perf()
        chunks.append(now - last)
        last = now
gc.collect()
if mode == "threaded":
    gc.set_mode("serial")
chunks.sort()
durations.sort()
ms = 1000.0
print(repr({
    "finalized": finalized,
    "chunk_p50_ms": chunks[len(chunks) // 2] * ms,
    "chunk_p99_ms": chunks[int(len(chunks) * 0.99)] * ms,
    "chunk_max_ms": chunks[-1] * ms,
    "collections": len(durations),
    "collection_max_ms": (durations[-1] if durations else 0.0) * ms,
}))
'''


def main():
    runtimes = sys.argv[1:] or ["gil-new", "gil-fair", "ft-atomic", "ft-locked"]
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(CHILD)
        child = f.name
    cells = [("python3", "serial")] + [(r, m) for r in runtimes for m in ("serial", "threaded")]
    results = {c: [] for c in cells}
    try:
        for _ in range(ROUNDS):
            for runtime, mode in cells:
                if runtime == "python3":
                    cmd = ["python3", child]
                else:
                    cmd = [BIN, "run", "--runtime", runtime, child]
                p = subprocess.run(cmd + [mode, str(SIZE), str(CHUNK)],
                                   capture_output=True, text=True, timeout=600)
                if p.returncode != 0:
                    sys.exit(f"{runtime} {mode}: exit {p.returncode}\n{p.stderr}")
                r = ast.literal_eval(p.stdout.strip())
                if r["finalized"] != SIZE:
                    sys.exit(f"{runtime} {mode}: finalized {r['finalized']} of {SIZE}")
                results[(runtime, mode)].append(r)
    finally:
        os.unlink(child)
    keys = ["chunk_p50_ms", "chunk_p99_ms", "chunk_max_ms", "collections", "collection_max_ms"]
    print(f"{SIZE} cycles, chunks of {CHUNK}, median of {ROUNDS} rounds")
    print(f"{'runtime':10} {'mode':9} " + " ".join(f"{k:>17}" for k in keys))
    for (runtime, mode), rs in results.items():
        med = [statistics.median(r[k] for r in rs) for k in keys]
        print(f"{runtime:10} {mode:9} " + " ".join(f"{v:17.3f}" for v in med))


if __name__ == "__main__":
    main()
