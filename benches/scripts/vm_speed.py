#!/usr/bin/env python3
"""ftl vs python3 on the single-thread benchmarks, interleaved.

Usage: python3 benches/scripts/vm_speed.py [NAME...]
  FTL=path/to/ftl   the binary (default: target/release/ftl; build it with
                    `cargo build --release -p ftl-cli`)
  ROUNDS=3          rounds; each runs python3 and ftl back to back on the
                    same input, alternating which goes first
  SCALE=1           multiplies the bench sizes (not fannkuch's)
  BASE=path/to/ftl  compare against this other ftl binary instead of
                    python3 (an A/B of two builds: ratio = FTL / BASE)
  RUNTIME=NAME      the ftl runtime both binaries run (default: ftl's own)

Prints, per program, the median CPU time (user + system of the child) of
each and the median of the per-round ratios ftl / python3, and stops a
program's rounds if the two outputs differ. `cargo xtask bench` times the
same programs (wall time, start-up included) beside every runtime; this
script is the focused CPU-time ratio that docs/vm-speed.md reports.
"""
import os
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.abspath(os.environ.get("FTL", os.path.join(ROOT, "target", "release", "ftl")))
BASE = os.environ.get("BASE")
RUNTIME = os.environ.get("RUNTIME")
CORPUS = os.path.join(ROOT, "corpus", "parity")
SIZES = {"primes": 1000000, "nbody": 300000, "fannkuch": 9, "spectral_norm": 450,
         "richards": 30, "float": 800000, "deltablue": 25000}


def cpu_run(cmd):
    """Runs cmd in the corpus directory; returns (cpu seconds, stdout, status)."""
    before = os.times()
    p = subprocess.run(cmd, cwd=CORPUS, capture_output=True)
    after = os.times()
    cpu = (after.children_user - before.children_user) + \
        (after.children_system - before.children_system)
    return cpu, p.stdout, p.returncode


def main():
    rounds = int(os.environ.get("ROUNDS", "3"))
    scale = float(os.environ.get("SCALE", "1"))
    names = sys.argv[1:] or list(SIZES)
    if not os.path.exists(BIN):
        sys.exit(f"no ftl binary at {BIN}: cargo build --release -p ftl-cli, or set FTL")
    for name in names:
        if name not in SIZES:
            sys.exit(f"unknown program {name!r}; known: {', '.join(SIZES)}")
        size = SIZES[name] if name == "fannkuch" else max(1, int(SIZES[name] * scale))
        script = f"bench_{name}.py"
        py_t, ftl_t, ratios = [], [], []
        for r in range(rounds):
            rt = ["--runtime", RUNTIME] if RUNTIME else []
            base_cmd = [os.path.abspath(BASE), "run"] + rt if BASE else ["python3"]
            order = [("py", base_cmd + [script, str(size)]),
                     ("ftl", [BIN, "run"] + rt + [script, str(size)])]
            if r % 2:
                order.reverse()
            res = {who: cpu_run(cmd) for who, cmd in order}
            if res["py"][1] != res["ftl"][1] or res["ftl"][2] != 0:
                print(f"{name}: outputs differ (ftl status {res['ftl'][2]})")
                break
            py_t.append(res["py"][0])
            ftl_t.append(res["ftl"][0])
            ratios.append(res["ftl"][0] / res["py"][0])
        if ratios:
            base = "base" if BASE else "python3"
            print(f"{name:14s} size {size:>8} {base} {statistics.median(py_t):6.2f}s "
                  f"ftl {statistics.median(ftl_t):6.2f}s ratio {statistics.median(ratios):5.2f} "
                  f"({' '.join(f'{x:.2f}' for x in ratios)})", flush=True)


if __name__ == "__main__":
    main()
