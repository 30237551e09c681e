"""Interpreter start to first result, and create + close: SIZE rounds.

Round k (k = 0 .. SIZE-1) creates an interpreter (PEP 734's
``concurrent.interpreters.create()``: its own modules, ``__main__``,
objects and GIL), calls ``child(k)`` in it (``Interpreter.call``: the
function pickled by reference, so the first call in an interpreter also
runs this file there once as a module, as a spawned process re-imports
its parent's main module), receives the result (``k * k + 1``), and
closes it. A second loop of SIZE rounds only creates and closes an
interpreter, the cost PEP 734's users pay per worker.

The counterpart for processes is ``spawn_cost``; CPython 3.14's
interpreters run it too, where one is found.

Kind ``cpu``, one worker: a cost per interpreter, not a speed-up.

Answer: ``interpreters: SIZE`` and ``sum of results: S`` (S = sum of
k * k + 1 over k < SIZE). Metrics, in milliseconds: ``ms_per_start``
(mean time from ``create()`` to the result received),
``p50_ms_per_start``, ``ms_per_create_close`` (mean of create + close
alone) and ``p50_ms_per_create_close``.

Usage: python3 interp_cost.py SIZE interpreters 1
"""
# bench: kind cpu
# bench: executors interpreters
# bench: workers 1
# bench: size 200 quick 50 smoke 2
# bench: requires concurrent.interpreters

import sys
from _workload import parse_args, percentile, perf

EXECUTORS = ("interpreters",)


def child(k):
    return k * k + 1


def main():
    size, executor, workers = parse_args(sys.argv, EXECUTORS, fixed_workers=1)
    from concurrent import interpreters
    total = 0
    to_result = []
    for k in range(size):
        start = perf()
        interp = interpreters.create()
        value = interp.call(child, k)
        to_result.append(perf() - start)
        interp.close()
        total += value
    create_close = []
    for k in range(size):
        start = perf()
        interp = interpreters.create()
        interp.close()
        create_close.append(perf() - start)
    print("interpreters: %d" % size)
    print("sum of results: %d" % total)
    if size:
        print("METRIC ms_per_start %.3f" % (sum(to_result) / size * 1000.0))
        print("METRIC p50_ms_per_start %.3f" % (percentile(sorted(to_result), 50) * 1000.0))
        print("METRIC ms_per_create_close %.3f" % (sum(create_close) / size * 1000.0))
        print("METRIC p50_ms_per_create_close %.3f"
              % (percentile(sorted(create_close), 50) * 1000.0))


if __name__ == '__main__':
    main()
