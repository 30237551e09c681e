"""Synchronised queues for threads: FIFO, LIFO, priority and simple.

ftl's queue module, frozen into the ftl binary, with CPython 3.11's API
and behaviour (Lib/queue.py is the reference for what each call does):
a Queue guards its items with one lock and three conditions over it —
``not_empty`` (a getter waits there), ``not_full`` (a putter waits there
when the queue is bounded and full) and ``all_tasks_done`` (``join()``
waits there until every item put has been marked done). Every wait is a
``threading.Condition`` wait, so a blocked ``get`` or ``put`` detaches
like every blocking call, and a timeout is measured on the monotonic
clock. LifoQueue and PriorityQueue change only how items are stored
and taken (a stack; a binary heap ordered like ``heapq``).

Empty and Full are this module's exceptions (CPython defines Empty in
its C accelerator, ``_queue``). SimpleQueue is an unbounded FIFO with no
task tracking, here built on the same lock and condition.
"""

import threading
import time as _time_module

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']

_time = _time_module.monotonic


class Empty(Exception):
    """Raised by a non-blocking get(), or one that timed out, on an empty queue."""


class Full(Exception):
    """Raised by a non-blocking put(), or one that timed out, on a full queue."""


def _check_timeout(timeout):
    if timeout is not None and timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")


class Queue:
    """A FIFO queue; ``maxsize <= 0`` means unbounded."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    def task_done(self):
        """Marks one item taken by get() as processed."""
        with self.all_tasks_done:
            left = self.unfinished_tasks - 1
            if left <= 0:
                if left < 0:
                    raise ValueError('task_done() called too many times')
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = left

    def join(self):
        """Blocks until every item put has been marked done."""
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        with self.mutex:
            return self._qsize()

    def empty(self):
        with self.mutex:
            return not self._qsize()

    def full(self):
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        """Puts an item, waiting for room if the queue is bounded and full."""
        with self.not_full:
            if self.maxsize > 0:
                if not block:
                    if self._qsize() >= self.maxsize:
                        raise Full
                elif timeout is None:
                    while self._qsize() >= self.maxsize:
                        self.not_full.wait()
                else:
                    _check_timeout(timeout)
                    deadline = _time() + timeout
                    while self._qsize() >= self.maxsize:
                        remaining = deadline - _time()
                        if remaining <= 0.0:
                            raise Full
                        self.not_full.wait(remaining)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        """Removes and returns an item, waiting for one if the queue is empty."""
        with self.not_empty:
            if not block:
                if not self._qsize():
                    raise Empty
            elif timeout is None:
                while not self._qsize():
                    self.not_empty.wait()
            else:
                _check_timeout(timeout)
                deadline = _time() + timeout
                while not self._qsize():
                    remaining = deadline - _time()
                    if remaining <= 0.0:
                        raise Empty
                    self.not_empty.wait(remaining)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    # The storage: a list of exactly the items, since ``q.queue`` is visible
    # to programs (CPython's is a deque). The subclasses change how items
    # go in and come out.

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop(0)


def _sift_down(heap, start, pos):
    # Moves heap[pos] up towards `start` until its parent is not greater.
    item = heap[pos]
    while pos > start:
        parent = (pos - 1) >> 1
        if item < heap[parent]:
            heap[pos] = heap[parent]
            pos = parent
            continue
        break
    heap[pos] = item


def _sift_up(heap, pos):
    # Moves the smaller child up until heap[pos]'s item is a leaf, then
    # sifts that item down into place (heapq's order of comparisons).
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _sift_down(heap, start, pos)


class PriorityQueue(Queue):
    """Retrieves the lowest item first (``sorted(list(entries))[0]``)."""

    def _put(self, item):
        self.queue.append(item)
        _sift_down(self.queue, 0, len(self.queue) - 1)

    def _get(self):
        last = self.queue.pop()
        if self.queue:
            item = self.queue[0]
            self.queue[0] = last
            _sift_up(self.queue, 0)
            return item
        return last


class LifoQueue(Queue):
    """Retrieves the most recently added item first."""

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    """An unbounded FIFO queue without task tracking."""

    def __init__(self):
        self._queue = Queue()

    def put(self, item, block=True, timeout=None):
        self._queue.put(item)

    def put_nowait(self, item):
        self._queue.put(item)

    def get(self, block=True, timeout=None):
        return self._queue.get(block, timeout)

    def get_nowait(self):
        return self._queue.get(False)

    def empty(self):
        return self._queue.empty()

    def qsize(self):
        return self._queue.qsize()
