"""Cyclic garbage with finalizers: how long the cycle collector pauses.

SIZE times, build a two-object reference cycle (a ``Finalized`` object
with a ``__del__`` that counts itself, and a ``Partner`` pointing back
at it) and drop it.  Reference counting cannot free a cycle, so the
objects wait for the cyclic garbage collector, whose automatic
collections are triggered by the allocation count (CPython's generation
thresholds, 700/10/10 by default); since PEP 442 (Python 3.4) cycles with
``__del__`` are finalized and freed like any other.  A final
gc.collect() picks up the rest.  A gc.callbacks hook times every
collection from its "start" to its "stop" callback.

Answer: ``finalized: N``, the number of ``__del__`` calls after the final
collection (N must equal SIZE).  Metrics: ``collections`` (all
generations, the final explicit collect included), ``pause_max_ms``,
``pause_p99_ms`` (nearest-rank) and ``pause_total_ms``.

Python 3 only (the finalizer semantics need PEP 442, gc.callbacks needs
3.3).  Usage: python3 gc_cycles.py SIZE serial 1
"""
# bench: kind memory
# bench: executors serial
# bench: workers 1
# bench: size 3000000 quick 600000 smoke 10000
# bench: requires gc

import sys
import time
from _workload import parse_args, perf, percentile

EXECUTORS = ("serial",)

finalized = 0


class Finalized(object):
    """One end of the cycle; counts its own finalization."""

    def __init__(self):
        self.partner = None

    def __del__(self):
        global finalized
        finalized += 1


class Partner(object):
    """The other end of the cycle."""

    def __init__(self, other):
        self.other = other


def churn(size):
    i = 0
    while i < size:
        a = Finalized()
        b = Partner(a)
        a.partner = b
        i += 1


def main():
    size, executor, workers = parse_args(sys.argv, EXECUTORS)
    import gc
    perf = time.perf_counter
    pauses = []
    started = [0.0]

    def on_gc(phase, info):
        if phase == "start":
            started[0] = perf()
        elif phase == "stop":
            pauses.append(perf() - started[0])

    gc.callbacks.append(on_gc)
    try:
        churn(size)
        gc.collect()
    finally:
        gc.callbacks.remove(on_gc)
    print("finalized: %d" % finalized)
    pauses.sort()
    print("METRIC collections %d" % len(pauses))
    if pauses:
        print("METRIC pause_max_ms %.4f" % (pauses[-1] * 1000.0))
        print("METRIC pause_p99_ms %.4f" % (percentile(pauses, 99) * 1000.0))
        print("METRIC pause_total_ms %.4f" % (sum(pauses) * 1000.0))


if __name__ == '__main__':
    main()
