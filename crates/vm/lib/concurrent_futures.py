"""Calls run asynchronously by a pool of workers (CPython 3.11's
`concurrent.futures`: the `_base` and `thread` parts, written for ftl).

* `Future`: the state machine PENDING -> RUNNING -> FINISHED (or
  CANCELLED -> CANCELLED_AND_NOTIFIED), guarded by one condition per
  future; `result`/`exception` wait on it with a timeout; done callbacks
  run in the thread that finishes the future (or at once when it is done).
* `wait` and `as_completed` install a waiter on every future (taking all
  their conditions in address order, so two waits cannot deadlock) and
  sleep on the waiter's event.
* `ThreadPoolExecutor`: work items on a `queue.SimpleQueue`; a worker
  thread is started per submit until `max_workers` run, unless one is
  idle (an idle count kept in a semaphore, as CPython 3.8+ does); a None
  on the queue tells a worker to stop and pass the None on. At interpreter
  exit (`threading._register_atexit`) every worker is told to stop and
  joined, so a pool never shut down does not keep the program alive.

Differences from CPython: a worker holds its executor strongly (CPython a
weak reference, so a forgotten executor's workers stop when it is
collected; here they stop at shutdown or exit); failing callbacks and
initializers are reported on stderr without `logging`; `ProcessPoolExecutor`
waits for `multiprocessing` (issue 18) and raises `NotImplementedError`;
the place of 3.14's `InterpreterPoolExecutor` is the subinterpreters
issue.
"""

import _thread
import os
import queue
import threading
import time

__all__ = ['FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED',
           'CancelledError', 'TimeoutError', 'InvalidStateError',
           'BrokenExecutor', 'Future', 'Executor', 'wait', 'as_completed',
           'ThreadPoolExecutor', 'ProcessPoolExecutor']

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'
_AS_COMPLETED = '_AS_COMPLETED'

_PENDING = 'PENDING'
_RUNNING = 'RUNNING'
_CANCELLED = 'CANCELLED'
_CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
_FINISHED = 'FINISHED'

_STATE_TO_DESCRIPTION = {
    _PENDING: 'pending',
    _RUNNING: 'running',
    _CANCELLED: 'cancelled',
    _CANCELLED_AND_NOTIFIED: 'cancelled',
    _FINISHED: 'finished',
}


class Error(Exception):
    """Base class for the exceptions of this module."""
    __module__ = 'concurrent.futures._base'


class CancelledError(Error):
    """The Future was cancelled."""
    __module__ = 'concurrent.futures._base'


class InvalidStateError(Error):
    """The operation is not allowed in the Future's state."""
    __module__ = 'concurrent.futures._base'


class BrokenExecutor(RuntimeError):
    """An executor can no longer run calls."""
    __module__ = 'concurrent.futures._base'


class BrokenThreadPool(BrokenExecutor):
    """A worker thread's initializer failed."""
    __module__ = 'concurrent.futures.thread'


# Since 3.11 the builtin: `except TimeoutError` catches both.
TimeoutError = TimeoutError


def _report(header, exc):
    _thread._report_exception(header, exc)


class _Waiter:
    def __init__(self):
        self.event = threading.Event()
        self.finished_futures = []

    def add_result(self, future):
        self.finished_futures.append(future)

    def add_exception(self, future):
        self.finished_futures.append(future)

    def add_cancelled(self, future):
        self.finished_futures.append(future)


class _AsCompletedWaiter(_Waiter):
    def __init__(self):
        super().__init__()
        self.lock = threading.Lock()

    def add_result(self, future):
        with self.lock:
            super().add_result(future)
            self.event.set()

    def add_exception(self, future):
        with self.lock:
            super().add_exception(future)
            self.event.set()

    def add_cancelled(self, future):
        with self.lock:
            super().add_cancelled(future)
            self.event.set()


class _FirstCompletedWaiter(_Waiter):
    def add_result(self, future):
        super().add_result(future)
        self.event.set()

    def add_exception(self, future):
        super().add_exception(future)
        self.event.set()

    def add_cancelled(self, future):
        super().add_cancelled(future)
        self.event.set()


class _AllCompletedWaiter(_Waiter):
    def __init__(self, num_pending_calls, stop_on_exception):
        self.num_pending_calls = num_pending_calls
        self.stop_on_exception = stop_on_exception
        self.lock = threading.Lock()
        super().__init__()

    def _decrement_pending_calls(self):
        self.num_pending_calls -= 1
        if not self.num_pending_calls:
            self.event.set()

    def add_result(self, future):
        with self.lock:
            super().add_result(future)
            self._decrement_pending_calls()

    def add_exception(self, future):
        with self.lock:
            super().add_exception(future)
            if self.stop_on_exception:
                self.event.set()
            else:
                self._decrement_pending_calls()

    def add_cancelled(self, future):
        with self.lock:
            super().add_cancelled(future)
            self._decrement_pending_calls()


class _AcquireFutures:
    """Holds the conditions of several futures, taken in id order."""

    def __init__(self, futures):
        self.futures = sorted(futures, key=id)

    def __enter__(self):
        for future in self.futures:
            future._condition.acquire()

    def __exit__(self, *args):
        for future in self.futures:
            future._condition.release()


def _create_and_install_waiters(fs, return_when):
    if return_when == _AS_COMPLETED:
        waiter = _AsCompletedWaiter()
    elif return_when == FIRST_COMPLETED:
        waiter = _FirstCompletedWaiter()
    else:
        pending_count = 0
        for f in fs:
            if f._state not in (_CANCELLED_AND_NOTIFIED, _FINISHED):
                pending_count += 1
        if return_when == FIRST_EXCEPTION:
            waiter = _AllCompletedWaiter(pending_count, stop_on_exception=True)
        elif return_when == ALL_COMPLETED:
            waiter = _AllCompletedWaiter(pending_count, stop_on_exception=False)
        else:
            raise ValueError("Invalid return condition: %r" % return_when)
    for f in fs:
        f._waiters.append(waiter)
    return waiter


def _yield_finished_futures(fs, waiter, pending):
    # `fs` is a list, consumed from its end.
    while fs:
        f = fs[-1]
        for p in pending:
            p.discard(f)
        with f._condition:
            f._waiters.remove(waiter)
        fs.pop()
        yield f


def as_completed(fs, timeout=None):
    """An iterator over the futures of `fs` (duplicates once) as they
    finish; TimeoutError if some are still unfinished after `timeout`
    seconds from the call."""
    if timeout is not None:
        end_time = timeout + time.monotonic()
    fs = set(fs)
    total_futures = len(fs)
    with _AcquireFutures(fs):
        finished = set(f for f in fs
                       if f._state in (_CANCELLED_AND_NOTIFIED, _FINISHED))
        pending = fs - finished
        waiter = _create_and_install_waiters(fs, _AS_COMPLETED)
    finished = list(finished)
    try:
        yield from _yield_finished_futures(finished, waiter, [fs])
        while pending:
            if timeout is None:
                wait_timeout = None
            else:
                wait_timeout = end_time - time.monotonic()
                if wait_timeout < 0:
                    raise TimeoutError('%d (of %d) futures unfinished'
                                       % (len(pending), total_futures))
            waiter.event.wait(wait_timeout)
            with waiter.lock:
                finished = waiter.finished_futures
                waiter.finished_futures = []
                waiter.event.clear()
            finished.reverse()
            yield from _yield_finished_futures(finished, waiter, [fs, pending])
    finally:
        for f in fs:
            with f._condition:
                if waiter in f._waiters:
                    f._waiters.remove(waiter)


class DoneAndNotDoneFutures:
    """The `(done, not_done)` pair `wait` returns (a named tuple in
    CPython: it unpacks, indexes and has the two attributes)."""

    def __init__(self, done, not_done):
        self.done = done
        self.not_done = not_done

    def __iter__(self):
        return iter((self.done, self.not_done))

    def __len__(self):
        return 2

    def __getitem__(self, i):
        return (self.done, self.not_done)[i]

    def __eq__(self, other):
        return tuple(self) == tuple(other)

    def __repr__(self):
        return ('DoneAndNotDoneFutures(done=%r, not_done=%r)'
                % (self.done, self.not_done))


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Waits for the futures of `fs`: until one finishes
    (FIRST_COMPLETED), one raises or all finish (FIRST_EXCEPTION), or all
    finish (ALL_COMPLETED), or `timeout` seconds pass; returns the done
    and not done sets."""
    fs = set(fs)
    with _AcquireFutures(fs):
        done = set(f for f in fs
                   if f._state in (_CANCELLED_AND_NOTIFIED, _FINISHED))
        not_done = fs - done
        if return_when == FIRST_COMPLETED and done:
            return DoneAndNotDoneFutures(done, not_done)
        if return_when == FIRST_EXCEPTION and done:
            for f in done:
                if not f.cancelled() and f.exception() is not None:
                    return DoneAndNotDoneFutures(done, not_done)
        if len(done) == len(fs):
            return DoneAndNotDoneFutures(done, not_done)
        waiter = _create_and_install_waiters(fs, return_when)
    waiter.event.wait(timeout)
    for f in fs:
        with f._condition:
            f._waiters.remove(waiter)
    done.update(waiter.finished_futures)
    return DoneAndNotDoneFutures(done, fs - done)


class Future:
    """The result of an asynchronous call."""
    __module__ = 'concurrent.futures._base'

    def __init__(self):
        self._condition = threading.Condition()
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception as exc:
                _report('exception calling callback for %r' % (self,), exc)

    def __repr__(self):
        with self._condition:
            where = 'at 0x%x state=%s' % (id(self),
                                          _STATE_TO_DESCRIPTION[self._state])
            if self._state == _FINISHED:
                if self._exception:
                    return '<%s %s raised %s>' % (
                        type(self).__name__, where,
                        type(self._exception).__name__)
                return '<%s %s returned %s>' % (
                    type(self).__name__, where, type(self._result).__name__)
            return '<%s %s>' % (type(self).__name__, where)

    def cancel(self):
        """Cancels the call if it has not started; whether it is (now)
        cancelled."""
        with self._condition:
            if self._state in (_RUNNING, _FINISHED):
                return False
            if self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED):
                return True
            self._state = _CANCELLED
            self._condition.notify_all()
        self._invoke_callbacks()
        return True

    def cancelled(self):
        with self._condition:
            return self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED)

    def running(self):
        with self._condition:
            return self._state == _RUNNING

    def done(self):
        with self._condition:
            return self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED,
                                   _FINISHED)

    def _get_result(self):
        if self._exception is not None:
            raise self._exception
        return self._result

    def add_done_callback(self, fn):
        """Calls `fn(future)` when the future finishes or is cancelled (at
        once if it already has)."""
        with self._condition:
            if self._state not in (_CANCELLED, _CANCELLED_AND_NOTIFIED,
                                   _FINISHED):
                self._done_callbacks.append(fn)
                return
        try:
            fn(self)
        except Exception as exc:
            _report('exception calling callback for %r' % (self,), exc)

    def result(self, timeout=None):
        """The call's return value, waiting up to `timeout` seconds; its
        exception re-raised; CancelledError or TimeoutError."""
        with self._condition:
            if self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED):
                raise CancelledError()
            if self._state == _FINISHED:
                return self._get_result()
            self._condition.wait(timeout)
            if self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED):
                raise CancelledError()
            if self._state == _FINISHED:
                return self._get_result()
            raise TimeoutError()

    def exception(self, timeout=None):
        """The call's exception (None if it returned), waiting up to
        `timeout` seconds."""
        with self._condition:
            if self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED):
                raise CancelledError()
            if self._state == _FINISHED:
                return self._exception
            self._condition.wait(timeout)
            if self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED):
                raise CancelledError()
            if self._state == _FINISHED:
                return self._exception
            raise TimeoutError()

    def set_running_or_notify_cancel(self):
        """For executors: marks the future running (True), or tells the
        waiters it was cancelled (False)."""
        with self._condition:
            if self._state == _CANCELLED:
                self._state = _CANCELLED_AND_NOTIFIED
                for waiter in self._waiters:
                    waiter.add_cancelled(self)
                return False
            if self._state == _PENDING:
                self._state = _RUNNING
                return True
            raise RuntimeError('Future in unexpected state')

    def _finish(self, result, exception, tell):
        # FINISHED with a result or an exception; each waiter told through
        # its method named `tell` (`add_result` or `add_exception`).
        with self._condition:
            if self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED,
                               _FINISHED):
                raise InvalidStateError('%s: %r' % (self._state, self))
            self._result = result
            self._exception = exception
            self._state = _FINISHED
            for waiter in self._waiters:
                getattr(waiter, tell)(self)
            self._condition.notify_all()
        self._invoke_callbacks()

    def set_result(self, result):
        """For executors: the call returned `result`."""
        self._finish(result, None, 'add_result')

    def set_exception(self, exception):
        """For executors: the call raised `exception`."""
        self._finish(None, exception, 'add_exception')


def _result_or_cancel(future, timeout=None):
    try:
        return future.result(timeout)
    finally:
        future.cancel()


class Executor:
    """The interface of an executor."""
    __module__ = 'concurrent.futures._base'

    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """`map(fn, *iterables)`, the calls run by the executor: an
        iterator over their results in order; TimeoutError if one is not
        ready `timeout` seconds after this call."""
        if timeout is not None:
            end_time = timeout + time.monotonic()
        fs = [self.submit(fn, *args) for args in zip(*iterables)]

        def result_iterator():
            try:
                fs.reverse()
                while fs:
                    if timeout is None:
                        yield _result_or_cancel(fs.pop())
                    else:
                        yield _result_or_cancel(fs.pop(),
                                                end_time - time.monotonic())
            finally:
                for future in fs:
                    future.cancel()
        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


# The thread pool (CPython's concurrent/futures/thread.py).

_threads_queues = {}
_shutdown = False
_global_shutdown_lock = threading.Lock()


def _python_exit():
    global _shutdown
    with _global_shutdown_lock:
        _shutdown = True
    items = list(_threads_queues.items())
    for t, q in items:
        q.put(None)
    for t, q in items:
        t.join()


threading._register_atexit(_python_exit)


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
        else:
            self.future.set_result(result)


def _worker(executor, work_queue, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException as exc:
            _report('Exception in initializer:', exc)
            executor._initializer_failed()
            return
    try:
        while True:
            work_item = work_queue.get(block=True)
            if work_item is not None:
                work_item.run()
                del work_item
                executor._idle_semaphore.release()
                continue
            # None: the pool is shutting down; pass it on to the others.
            if _shutdown or executor._shutdown:
                executor._shutdown = True
                work_queue.put(None)
                return
    except BaseException as exc:
        _report('Exception in worker', exc)


_pool_counter = [0]
_pool_counter_lock = threading.Lock()


class ThreadPoolExecutor(Executor):
    """An executor that runs calls in up to `max_workers` threads."""
    __module__ = 'concurrent.futures.thread'

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        if max_workers is None:
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        if not thread_name_prefix:
            with _pool_counter_lock:
                n = _pool_counter[0]
                _pool_counter[0] += 1
            thread_name_prefix = 'ThreadPoolExecutor-%d' % n
        self._thread_name_prefix = thread_name_prefix
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        """Schedules `fn(*args, **kwargs)`; its Future."""
        with self._shutdown_lock, _global_shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _shutdown:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')
            f = Future()
            self._work_queue.put(_WorkItem(f, fn, args, kwargs))
            self._adjust_thread_count()
            return f

    def _adjust_thread_count(self):
        # An idle worker takes the new item; else start one, up to the
        # maximum.
        if self._idle_semaphore.acquire(timeout=0):
            return
        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            t = threading.Thread(
                name='%s_%d' % (self._thread_name_prefix, num_threads),
                target=_worker,
                args=(self, self._work_queue, self._initializer,
                      self._initargs))
            t.start()
            self._threads.add(t)
            _threads_queues[t] = self._work_queue

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = ('A thread initializer failed, the thread pool '
                            'is not usable anymore')
            while True:
                try:
                    work_item = self._work_queue.get_nowait()
                except queue.Empty:
                    break
                if work_item is not None:
                    work_item.future.set_exception(
                        BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        """No new calls; with `cancel_futures` the pending ones are
        cancelled; with `wait`, returns when the workers have ended."""
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                while True:
                    try:
                        work_item = self._work_queue.get_nowait()
                    except queue.Empty:
                        break
                    if work_item is not None:
                        work_item.future.cancel()
            self._work_queue.put(None)
        if wait:
            for t in list(self._threads):
                t.join()


class ProcessPoolExecutor(Executor):
    """Not built yet: it needs `multiprocessing` (issue 18)."""
    __module__ = 'concurrent.futures.process'

    def __init__(self, *args, **kwargs):
        raise NotImplementedError(
            "ftl has no ProcessPoolExecutor yet: it needs multiprocessing")
