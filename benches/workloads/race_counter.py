"""A shared counter updated by several threads, first unlocked, then locked.

Reproduces seed 000's race: a module-level ``x``; half of the WORKERS
threads run ``x += 1`` SIZE times and the other half ``x -= 1`` SIZE
times (a ``global`` statement and a plain loop).  Without a lock the
read-modify-write of ``x += 1`` can be interrupted between the load and
the store, so updates are lost and the final value may differ from 0;
whether that happens depends on where the interpreter may switch threads
(CPython 3.10+ only switches at back-edges and calls, so it rarely loses
one; Python 2.7 and free-threaded VMs do).  The same run is then repeated
with a threading.Lock held around each update, and must end at 0.

Answer: ``updates per worker: SIZE`` and ``final with lock: F`` (F must be
0).  Metrics: ``final_unlocked`` (the unlocked final value) and
``lost_unlocked`` (its absolute value).

Usage: python3 race_counter.py SIZE threads WORKERS
"""
# bench: kind race
# bench: executors threads
# bench: workers 2 4
# bench: size 700000 quick 200000 smoke 10000
# bench: python2

import sys
from _workload import in_threads, parse_args

EXECUTORS = ("threads",)

x = 0


def increment(n):
    global x
    i = 0
    while i < n:
        x += 1
        i += 1


def decrement(n):
    global x
    i = 0
    while i < n:
        x -= 1
        i += 1


def increment_locked(n, lock):
    global x
    i = 0
    while i < n:
        lock.acquire()
        x += 1
        lock.release()
        i += 1


def decrement_locked(n, lock):
    global x
    i = 0
    while i < n:
        lock.acquire()
        x -= 1
        lock.release()
        i += 1


def run(size, workers, locked):
    """Start the WORKERS threads (even k adds, odd k subtracts); return x."""
    import threading
    global x
    x = 0
    lock = threading.Lock()
    def body(k):
        if locked:
            (increment_locked if k % 2 == 0 else decrement_locked)(size, lock)
        else:
            (increment if k % 2 == 0 else decrement)(size)

    in_threads(body, workers)
    return x


def main():
    size, executor, workers = parse_args(sys.argv, EXECUTORS)
    unlocked = run(size, workers, False)
    locked = run(size, workers, True)
    print("updates per worker: %d" % size)
    print("final with lock: %d" % locked)
    print("METRIC final_unlocked %d" % unlocked)
    print("METRIC lost_unlocked %d" % abs(unlocked))


if __name__ == '__main__':
    main()
