"""Checks the output folder of `cargo xtask bench --smoke` (CI runs every
workload; this looks at count_primes, which every runtime has).

results.json must parse and hold the count_primes cells a smoke run
produces on any machine: python3 on every executor and worker count, each
ftl runtime on the serial executor with python3's answer, the threaded
cells of a runtime with threads run with python3's answer and those of a
runtime without threads marked pending (not run), the Rust ceiling with
python3's answer, and the GIL timeline of gil-new (`--timeline
gil-new:count_primes`) drawn; report.md and index.html must exist.
Usage: python3 .ci/check_bench_smoke.py OUT_DIR
"""
import json
import os
import sys


def main(out):
    with open(os.path.join(out, "results.json")) as f:
        r = json.load(f)
    problems = []
    if r.get("schema") != 2 or r.get("mode") != "smoke":
        problems.append("schema/mode: %r/%r" % (r.get("schema"), r.get("mode")))
    cells = {(c["workload"], c["runtime"], c["executor"], c["workers"]): c for c in r["cells"]}

    def need(key, status, matches=None):
        c = cells.get(key)
        if c is None:
            problems.append("missing cell %r" % (key,))
            return
        if c["status"] != status:
            problems.append("%r: status %s (%s), expected %s" % (key, c["status"], c.get("reason"), status))
            return
        if status == "ok":
            if not (c["wall_s"] and c["wall_s"] > 0 and c["cpu_s"] is not None):
                problems.append("%r: no wall/cpu time" % (key,))
            if matches is not None and c["output_matches_python3"] is not matches:
                problems.append("%r: output_matches_python3 = %r" % (key, c["output_matches_python3"]))
        else:
            if c["wall_samples"]:
                problems.append("%r: a %s cell has samples" % (key, status))

    need(("count_primes", "python3", "serial", 1), "ok")
    for executor in ("threads", "processes"):
        for workers in (1, 2, 4):
            need(("count_primes", "python3", executor, workers), "ok")
    default = [x["name"] for x in r["runtimes"] if x["family"] == "ftl"]
    if not default:
        problems.append("no ftl runtime took part")
    for name in default:
        need(("count_primes", name, "serial", 1), "ok", matches=True)
        rt = [x for x in r["runtimes"] if x["name"] == name][0]
        if "threads" in rt["features"]:
            for workers in (1, 2, 4):
                need(("count_primes", name, "threads", workers), "ok", matches=True)
        else:
            need(("count_primes", name, "threads", 2), "pending")
    timelines = r.get("timelines", [])
    if len(timelines) != 1 or timelines[0].get("status") != "ok":
        problems.append("timelines: %r" % ([(t.get("runtime"), t.get("status"), t.get("reason")) for t in timelines],))
    else:
        svg = os.path.join(out, timelines[0].get("svg") or "")
        if not os.path.isfile(svg) or os.path.getsize(svg) == 0:
            problems.append("timeline SVG missing: %s" % svg)
        elif timelines[0]["summary"]["threads"] < 2:
            problems.append("timeline has fewer than two threads")
    for workers in (1, 2, 4):
        need(("count_primes", "rust-ceiling", "threads", workers), "ok", matches=True)
    for name in ("report.md", "index.html"):
        path = os.path.join(out, name)
        if not os.path.isfile(path) or os.path.getsize(path) == 0:
            problems.append("missing or empty %s" % name)
    if problems:
        for p in problems:
            print("bench smoke: " + p)
        sys.exit(1)
    print("bench smoke: every expected cell is there (%d cells in all, %d distinct)"
          % (len(r["cells"]), len(cells)))


if __name__ == "__main__":
    main(sys.argv[1])
