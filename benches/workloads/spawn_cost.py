"""Process start to first result: SIZE processes, one after another.

Round k (k = 0 .. SIZE-1) makes a one-way ``Pipe``, starts
``multiprocessing.Process(target=child, args=(conn, k))``, receives the
one small result the child sends (``k * k + 1``), then joins the child;
the next round starts only after that. So each round costs a whole
process start: a new interpreter, the parent's main module re-imported
as ``__mp_main__`` (spawn), the process object unpickled, the result
pickled back over the pipe.

The start method is ``spawn`` (CPython's default on Linux is ``fork``,
ftl's is ``spawn``), so that python3 and ftl measure the same thing. The
environment variable ``SPAWN_COST_START_METHOD`` names another (``fork``,
or ``forkserver`` on CPython) for a run by hand; the bench uses
``spawn``.

Kind ``cpu``, one worker: a cost per process, not a speed-up and not a
single-threaded program for Guido's criterion.

Answer: ``spawns: SIZE`` and ``sum of results: S`` (S = sum of k * k + 1
over k < SIZE). Metrics, in milliseconds: ``ms_per_spawn`` (mean time
from ``start()`` to the result received), ``p50_ms_per_spawn`` and
``max_ms_per_spawn`` (its median and maximum over the rounds),
``ms_per_round`` (mean time from ``start()`` to the child joined).

Usage: python3 spawn_cost.py SIZE processes 1
"""
# bench: kind cpu
# bench: executors processes
# bench: workers 1
# bench: size 60 quick 20 smoke 2
# bench: requires multiprocessing

import os
import sys
from _workload import parse_args, percentile, perf

EXECUTORS = ("processes",)


def child(conn, k):
    conn.send(k * k + 1)
    conn.close()


def main():
    size, executor, workers = parse_args(sys.argv, EXECUTORS, fixed_workers=1)
    import multiprocessing
    method = os.getenv("SPAWN_COST_START_METHOD") or "spawn"
    ctx = multiprocessing.get_context(method)
    total = 0
    to_result = []
    to_joined = []
    for k in range(size):
        reader, writer = ctx.Pipe(duplex=False)
        p = ctx.Process(target=child, args=(writer, k))
        start = perf()
        p.start()
        writer.close()  # the child's copy alone: a dead child means EOFError
        value = reader.recv()
        got = perf()
        p.join()
        joined = perf()
        reader.close()
        if p.exitcode != 0:
            sys.stderr.write("spawn_cost: child %d exited with %r\n" % (k, p.exitcode))
            sys.exit(1)
        total += value
        to_result.append(got - start)
        to_joined.append(joined - start)
    print("spawns: %d" % size)
    print("sum of results: %d" % total)
    if size:
        ordered = sorted(to_result)
        print("METRIC ms_per_spawn %.3f" % (sum(to_result) / size * 1000.0))
        print("METRIC p50_ms_per_spawn %.3f" % (percentile(ordered, 50) * 1000.0))
        print("METRIC max_ms_per_spawn %.3f" % (ordered[-1] * 1000.0))
        print("METRIC ms_per_round %.3f" % (sum(to_joined) / size * 1000.0))


if __name__ == '__main__':
    main()
