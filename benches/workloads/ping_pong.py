"""Round trips between two workers: SIZE messages there and back.

The main thread sends k (k = 0 .. SIZE-1) and waits for k + 1 from the
other side, which answers each message as it arrives; the last message
(None) ends it. The other side and the channel are, by executor:

* ``threads``: a thread of the same interpreter, two ``queue.Queue``s;
* ``processes``: a ``multiprocessing`` process (spawn), a duplex
  ``Pipe``;
* ``interpreters``: an interpreter of its own (PEP 734) on a thread of
  its own (``Interpreter.call_in_thread``), two queues of
  ``concurrent.interpreters.create_queue()``. CPython 3.14's blocking
  ``Queue.get`` polls every 10 ms (gh-143017); ftl's sleeps on the
  queue.

Kind ``cpu``, one worker: a latency per message, not a speed-up.

Answer: ``round trips: SIZE`` and ``sum of answers: S`` (S = sum of k + 1
over k < SIZE). Metrics: ``round_trips_per_s`` and ``us_per_round_trip``
(the exchange only: the other side is started and has answered a first
message before the clock starts).

Usage: python3 ping_pong.py SIZE {threads|processes|interpreters} 1
"""
# bench: kind cpu
# bench: executors threads processes interpreters
# bench: workers 1
# bench: size 100000 quick 20000 smoke 100

import sys
from _workload import parse_args, perf

EXECUTORS = ("threads", "processes", "interpreters")


def echo_queues(inbox, outbox):
    # The other side with two queues (threads, interpreters).
    while True:
        k = inbox.get()
        if k is None:
            return
        outbox.put(k + 1)


def echo_pipe(conn):
    # The other side of a process.
    while True:
        k = conn.recv()
        if k is None:
            conn.close()
            return
        conn.send(k + 1)


def exchange(send, recv, size):
    send(-1)
    recv()  # the other side runs: start the clock
    total = 0
    start = perf()
    for k in range(size):
        send(k)
        total += recv()
    elapsed = perf() - start
    send(None)
    return total, elapsed


def main():
    size, executor, workers = parse_args(sys.argv, EXECUTORS, fixed_workers=1)
    if executor == "threads":
        import queue
        import threading
        inbox, outbox = queue.Queue(), queue.Queue()
        other = threading.Thread(target=echo_queues, args=(inbox, outbox))
        other.start()
        total, elapsed = exchange(inbox.put, outbox.get, size)
        other.join()
    elif executor == "processes":
        import multiprocessing
        ctx = multiprocessing.get_context("spawn")
        here, there = ctx.Pipe()
        other = ctx.Process(target=echo_pipe, args=(there,))
        other.start()
        there.close()
        total, elapsed = exchange(here.send, here.recv, size)
        other.join()
    else:
        from concurrent import interpreters
        inbox = interpreters.create_queue()
        outbox = interpreters.create_queue()
        interp = interpreters.create()
        other = interp.call_in_thread(echo_queues, inbox, outbox)
        total, elapsed = exchange(inbox.put, outbox.get, size)
        other.join()
        interp.close()
    print("round trips: %d" % size)
    print("sum of answers: %d" % total)
    if size and elapsed > 0:
        print("METRIC round_trips_per_s %.0f" % (size / elapsed))
        print("METRIC us_per_round_trip %.2f" % (elapsed / size * 1e6))


if __name__ == '__main__':
    main()
