"""Check-then-act on a shared stock: buyer threads oversell without a lock.

Reproduces seed 003's car sale: a shared stock ``cars = SIZE``; each of
the WORKERS buyer threads loops ``if cars > 0: cars -= 1; sold[k] += 1``
and stops when it sees the stock empty.  Unlocked, a buyer can be
interrupted between the check and the decrement, so two buyers may both
sell the last car (oversold > 0) or a decrement may be lost.  The round
is then repeated with a threading.Lock held around the check and the
decrement, which must sell exactly SIZE cars.

Answer: ``stock: SIZE`` and ``sold with lock: N`` (N must equal SIZE).
Metrics: ``oversold_unlocked`` (total sold minus SIZE in the unlocked
round, >= 0 in practice) and ``oversold_locked`` (must be 0).

Usage: python3 car_sale.py SIZE threads WORKERS
"""
# bench: kind race
# bench: executors threads
# bench: workers 2 4
# bench: size 2000000 quick 500000 smoke 10000
# bench: python2

import sys
from _workload import in_threads, parse_args

EXECUTORS = ("threads",)

cars = 0


def buyer(k, sold):
    global cars
    while True:
        if cars > 0:
            cars -= 1
            sold[k] += 1
        else:
            break


def buyer_locked(k, sold, lock):
    global cars
    while True:
        lock.acquire()
        if cars > 0:
            cars -= 1
            lock.release()
            sold[k] += 1
        else:
            lock.release()
            break


def run(size, workers, locked):
    """One sale round with WORKERS buyers; return the total sold."""
    import threading
    global cars
    cars = size
    sold = [0] * workers
    lock = threading.Lock()
    if locked:
        in_threads(lambda k: buyer_locked(k, sold, lock), workers)
    else:
        in_threads(lambda k: buyer(k, sold), workers)
    return sum(sold)


def main():
    size, executor, workers = parse_args(sys.argv, EXECUTORS)
    unlocked = run(size, workers, False)
    locked = run(size, workers, True)
    print("stock: %d" % size)
    print("sold with lock: %d" % locked)
    print("METRIC oversold_unlocked %d" % (unlocked - size))
    print("METRIC oversold_locked %d" % (locked - size))


if __name__ == '__main__':
    main()
