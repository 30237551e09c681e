#!/usr/bin/env python3
"""Where the convoy's CPU-bound thread loses its speed on gil-fair.

Usage: python3 benches/scripts/convoy_share.py [ROUNDS]
  FTL=path/to/ftl   the binary (default: target/release/ftl)
  ROUNDS=5          interleaved rounds (also the first argument)

The convoy workload (benches/workloads/convoy.py) reports the CPU-bound
thread's loop rate while an I/O thread does its round trips.  On gil-fair
that rate is lower than on gil-new, which serves the I/O thread about 30
times less often.  This script separates the two possible causes:

1. **GIL time.**  A gil-fair run with ``--timeline`` records every take and
   drop; the CPU-bound thread's share of phase 2's GIL time (from its first
   take to its last drop) says how much of the GIL the policy gives it.
   The rest is split into the other threads' holds and the time the GIL is
   in transit (dropped by one thread, not yet taken by the next).
2. **The machine.**  Each round also runs gil-new with an unrelated busy
   process (``python3 -c "while 1: pass"``) on the other core: no GIL
   interaction at all, only a busy neighbour, as the I/O thread and its peer
   are on gil-fair.

Each round runs gil-new (size 300: phase 2 lasts about 2 s), gil-new with
the busy neighbour, and gil-fair (size 1000, with a timeline) back to back,
and prints each rate as a ratio to the same round's plain gil-new rate.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.abspath(os.environ.get("FTL", os.path.join(ROOT, "target", "release", "ftl")))
WORKLOADS = os.path.join(ROOT, "benches", "workloads")


def convoy(runtime, size, timeline=None):
    """Runs convoy.py once; returns its METRIC lines as a dict."""
    cmd = [BIN, "run", "--runtime", runtime]
    if timeline:
        cmd += ["--timeline", timeline]
    cmd += ["convoy.py", str(size), "threads", "2"]
    out = subprocess.run(cmd, cwd=WORKLOADS, capture_output=True, text=True,
                         timeout=120, check=True).stdout
    metrics = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "METRIC":
            metrics[parts[1]] = float(parts[2])
    return metrics


def gil_shares(path):
    """(CPU thread's share, other threads' share, in transit) of phase 2."""
    with open(path) as f:
        events = json.load(f)["events"]
    holds, taken = {}, {}
    for e in events:
        if e["kind"] == "GilTake":
            taken[e["thread"]] = e["t_ns"]
        elif e["kind"] == "GilDrop" and e["thread"] in taken:
            holds.setdefault(e["thread"], []).append((taken.pop(e["thread"]), e["t_ns"]))
    total = {t: sum(b - a for a, b in h) for t, h in holds.items()}
    # Phase 2's CPU-bound thread: long holds, taken back after every round
    # trip (the CPU-alone thread holds as long but only a few times).
    cpu = max((t for t in holds if t != 1), key=lambda t: total[t] * len(holds[t]))
    start, end = holds[cpu][0][0], holds[cpu][-1][1]
    span = end - start
    mine = other = 0
    for t, h in holds.items():
        for a, b in h:
            if a >= start and b <= end:
                if t == cpu:
                    mine += b - a
                else:
                    other += b - a
    return mine / span, other / span, (span - mine - other) / span


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else int(os.environ.get("ROUNDS", "5"))
    busy_ratios, fair_ratios, shares = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        timeline = os.path.join(tmp, "events.json")
        for r in range(rounds):
            base = convoy("gil-new", 300)["cpu_iters_per_s"]
            busy = subprocess.Popen([sys.executable, "-c", "while 1: pass"])
            try:
                crowded = convoy("gil-new", 300)["cpu_iters_per_s"]
            finally:
                busy.kill()
                busy.wait()
            fair = convoy("gil-fair", 1000, timeline)["cpu_iters_per_s"]
            share = gil_shares(timeline)
            busy_ratios.append(crowded / base)
            fair_ratios.append(fair / base)
            shares.append(share)
            print(f"round {r + 1}: gil-new {base / 1e6:.1f} M/s, with a busy neighbour "
                  f"{crowded / base:.2f}x, gil-fair {fair / base:.2f}x "
                  f"(its GIL share {share[0]:.1%}, others {share[1]:.1%}, in transit {share[2]:.1%})")
    print(f"median of {rounds}: gil-new with a busy neighbour {statistics.median(busy_ratios):.2f}x, "
          f"gil-fair {statistics.median(fair_ratios):.2f}x of gil-new's rate; gil-fair's CPU-bound "
          f"thread held the GIL {statistics.median(s[0] for s in shares):.1%} of phase 2 "
          f"(others {statistics.median(s[1] for s in shares):.1%}, "
          f"in transit {statistics.median(s[2] for s in shares):.1%})")


if __name__ == "__main__":
    main()
