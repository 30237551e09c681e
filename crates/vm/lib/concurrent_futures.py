"""Calls run asynchronously by a pool of workers (CPython 3.11's
`concurrent.futures`: the `_base` and `thread` parts, written for ftl).

* `Future`: the state machine PENDING -> RUNNING -> FINISHED (or
  CANCELLED -> CANCELLED_AND_NOTIFIED), guarded by one condition per
  future; `result`/`exception` wait on it with a timeout; done callbacks
  run in the thread that finishes the future (or at once when it is done).
* `wait` and `as_completed` install a waiter on every future (taking all
  their conditions in address order, so two waits cannot deadlock) and
  sleep on the waiter's event.
* `ProcessPoolExecutor`: `max_workers` processes of a `multiprocessing`
  context (all started at the first submit; CPython 3.11 starts them one
  per submit under spawn), a call queue and a result queue (`SimpleQueue`s)
  and one manager thread in the parent, which keeps at most
  `max_workers + 1` calls in the call queue, sets each future from the
  result queue, and waits on the result queue, a wake-up pipe and every
  worker's sentinel. A worker that ends without being told to (killed,
  `os._exit`, a crash) breaks the pool: every pending future gets
  `BrokenProcessPool`, the other workers are terminated, and `submit`
  raises `BrokenProcessPool`, as in CPython. `map` sends `chunksize`
  calls per task.
* `ThreadPoolExecutor`: work items on a `queue.SimpleQueue`; a worker
  thread is started per submit until `max_workers` run, unless one is
  idle (an idle count kept in a semaphore, as CPython 3.8+ does); a None
  on the queue tells a worker to stop and pass the None on. At interpreter
  exit (`threading._register_atexit`) every worker is told to stop and
  joined, so a pool never shut down does not keep the program alive.

Differences from CPython: a worker holds its executor strongly (CPython a
weak reference, so a forgotten executor's workers stop when it is
collected; here they stop at shutdown or exit); failing callbacks and
initializers are reported on stderr without `logging`.

* `InterpreterPoolExecutor` (CPython 3.14's): a thread pool whose every
  worker thread makes one interpreter of its own (`concurrent.interpreters`,
  on the runtimes that have subinterpreters) when it starts and closes it
  when it ends; a task is `interp.call(fn, *args, **kwargs)` there, so the
  function and its arguments are pickled (or copied, when shareable) and
  run under that interpreter's own GIL. A task's exception is pickled back
  and raised from `result()`; `shared` values are bound in each worker's
  `__main__`, and an initializer runs in each worker's interpreter.
"""

import _thread
import os
import queue
import threading
import time

__all__ = ['FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED',
           'CancelledError', 'TimeoutError', 'InvalidStateError',
           'BrokenExecutor', 'Future', 'Executor', 'wait', 'as_completed',
           'ThreadPoolExecutor', 'ProcessPoolExecutor',
           'InterpreterPoolExecutor']

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
    finally:
        executor._worker_exit()


_pool_counter = [0]
_pool_counter_lock = threading.Lock()


class ThreadPoolExecutor(Executor):
    """An executor that runs calls in up to `max_workers` threads."""
    __module__ = 'concurrent.futures.thread'
    # What a broken pool raises.
    _BROKEN = BrokenThreadPool

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
                raise self._BROKEN(self._broken)
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
                        self._BROKEN(self._broken))

    def _worker_exit(self):
        """Called by each worker thread as it ends."""

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


# The interpreter pool (CPython 3.14's concurrent/futures/interpreter.py,
# written for ftl: see the module doc).

class BrokenInterpreterPool(BrokenThreadPool):
    """A worker's interpreter could not be initialized: the pool cannot
    be used."""
    __module__ = 'concurrent.futures.interpreter'


def _interpreter_task(fn, args, kwargs):
    # Runs in a worker's interpreter: (True, result) or (False, exception),
    # both sent back by pickle where they are not shareable.
    try:
        return (True, fn(*args, **kwargs))
    except BaseException as exc:
        return (False, exc)


class InterpreterPoolExecutor(ThreadPoolExecutor):
    """An executor that runs calls in up to `max_workers` interpreters,
    one per worker thread, each with its own GIL."""
    __module__ = 'concurrent.futures.interpreter'
    _BROKEN = BrokenInterpreterPool

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=(), shared=None):
        try:
            from concurrent import interpreters
        except ImportError:
            import sys
            runtime = getattr(sys.implementation, '_runtime', '?')
            raise RuntimeError(
                "InterpreterPoolExecutor needs subinterpreters, which the "
                f"'{runtime}' runtime does not have (see `ftl runtimes`)")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._interpreters = interpreters
        self._worker_interps = {}
        self._task_initializer = initializer
        self._task_initargs = tuple(initargs)
        self._shared = dict(shared) if shared else None
        if not thread_name_prefix:
            with _pool_counter_lock:
                n = _pool_counter[0]
                _pool_counter[0] += 1
            thread_name_prefix = 'InterpreterPoolExecutor-%d' % n
        super().__init__(max_workers, thread_name_prefix,
                         self._start_interpreter, ())

    def _start_interpreter(self):
        # The worker thread's initializer: its interpreter.
        interp = self._interpreters.create()
        self._worker_interps[threading.get_ident()] = interp
        if self._shared:
            interp.prepare_main(self._shared)
        if self._task_initializer is not None:
            ok, value = interp.call(_interpreter_task, self._task_initializer,
                                    self._task_initargs, {})
            if not ok:
                raise value

    def _worker_exit(self):
        interp = self._worker_interps.pop(threading.get_ident(), None)
        if interp is not None:
            interp.close()

    def _run_task(self, fn, args, kwargs):
        interp = self._worker_interps[threading.get_ident()]
        ok, value = interp.call(_interpreter_task, fn, args, kwargs)
        if ok:
            return value
        raise value

    def submit(self, fn, /, *args, **kwargs):
        """Schedules `fn(*args, **kwargs)` in a worker's interpreter; its
        Future."""
        return super().submit(self._run_task, fn, args, kwargs)


# The process pool (CPython's concurrent/futures/process.py, simplified:
# see the module doc).

class BrokenProcessPool(BrokenExecutor):
    """A worker process ended abruptly: the pool cannot be used."""
    __module__ = 'concurrent.futures.process'


EXTRA_QUEUED_CALLS = 1


class _CallItem:
    def __init__(self, work_id, fn, args, kwargs):
        self.work_id = work_id
        self.fn = fn
        self.args = args
        self.kwargs = kwargs


class _ResultItem:
    def __init__(self, work_id, exception=None, result=None, exit_pid=None):
        self.work_id = work_id
        self.exception = exception
        self.result = result
        self.exit_pid = exit_pid


def _sendback_result(result_queue, work_id, result=None, exception=None,
                     exit_pid=None):
    try:
        result_queue.put(_ResultItem(work_id, result=result,
                                     exception=exception, exit_pid=exit_pid))
    except BaseException as e:
        result_queue.put(_ResultItem(work_id, exception=e, exit_pid=exit_pid))


def _process_worker(call_queue, result_queue, initializer, initargs,
                    max_tasks=None):
    """A worker process's loop: run calls until a None comes."""
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException as e:
            _report('Exception in initializer:', e)
            return
    num_tasks = 0
    exit_pid = None
    while True:
        call_item = call_queue.get()
        if call_item is None:
            result_queue.put(os.getpid())
            return
        if max_tasks is not None:
            num_tasks += 1
            if num_tasks >= max_tasks:
                exit_pid = os.getpid()
        try:
            r = call_item.fn(*call_item.args, **call_item.kwargs)
        except BaseException as e:
            _sendback_result(result_queue, call_item.work_id, exception=e,
                             exit_pid=exit_pid)
        else:
            _sendback_result(result_queue, call_item.work_id, result=r,
                             exit_pid=exit_pid)
            del r
        del call_item
        if exit_pid is not None:
            return


class _ChunkRunner:
    """`fn` over one chunk of argument tuples (picklable, unlike a
    `functools.partial` of a local function)."""

    def __init__(self, fn):
        self.fn = fn

    def __call__(self, chunk):
        return [self.fn(*args) for args in chunk]


def _get_chunks(iterables, chunksize):
    it = zip(*iterables)
    while True:
        chunk = []
        for item in it:
            chunk.append(item)
            if len(chunk) == chunksize:
                break
        if not chunk:
            return
        yield chunk


def _chain_from_iterable_of_lists(iterable):
    for element in iterable:
        element.reverse()
        while element:
            yield element.pop()


class ProcessPoolExecutor(Executor):
    """An executor that runs calls in up to `max_workers` processes."""
    __module__ = 'concurrent.futures.process'

    def __init__(self, max_workers=None, mp_context=None, initializer=None,
                 initargs=(), *, max_tasks_per_child=None):
        if max_workers is None:
            max_workers = os.cpu_count() or 1
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if mp_context is None:
            import multiprocessing
            mp_context = multiprocessing.get_context()
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
            if mp_context.get_start_method(allow_none=False) == "fork":
                raise ValueError("max_tasks_per_child is incompatible with"
                                 " the 'fork' multiprocessing start method;"
                                 " supply a different mp_context.")
        self._max_workers = max_workers
        self._mp_context = mp_context
        self._initializer = initializer
        self._initargs = initargs
        self._max_tasks_per_child = max_tasks_per_child
        self._processes = {}
        self._shutdown_thread = False
        self._shutdown_lock = threading.Lock()
        self._broken = False
        self._queue_count = 0
        self._pending_work_items = {}
        self._cancel_pending_futures = False
        self._manager_thread = None
        self._call_queue = None
        self._result_queue = None
        self._wakeup_r = None
        self._work_ids = queue.SimpleQueue()

    def _start(self):
        # Under the shutdown lock: the queues, the workers and the thread
        # that serves them.
        ctx = self._mp_context
        self._call_queue = ctx.SimpleQueue()
        self._result_queue = ctx.SimpleQueue()
        self._wakeup_r, self._wakeup_w = ctx.Pipe(duplex=False)
        for _ in range(self._max_workers):
            self._spawn_process()
        self._manager_thread = threading.Thread(
            target=ProcessPoolExecutor._manage, args=(self,), daemon=True,
            name='ProcessPoolExecutorManager')
        self._manager_thread.start()
        _process_executors[self._manager_thread] = self

    def _spawn_process(self):
        p = self._mp_context.Process(
            target=_process_worker,
            args=(self._call_queue, self._result_queue, self._initializer,
                  self._initargs, self._max_tasks_per_child))
        p.start()
        self._processes[p.pid] = p

    def _wakeup(self):
        try:
            self._wakeup_w.send_bytes(b'')
        except OSError:
            pass

    def submit(self, fn, /, *args, **kwargs):
        """Schedules `fn(*args, **kwargs)` in a worker; its Future."""
        with self._shutdown_lock:
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._shutdown_thread:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _shutdown:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')
            f = Future()
            w = _WorkItem(f, fn, args, kwargs)
            self._pending_work_items[self._queue_count] = w
            self._work_ids.put(self._queue_count)
            self._queue_count += 1
            if self._manager_thread is None:
                self._start()
            self._wakeup()
            return f

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """`map(fn, *iterables)` in the workers, `chunksize` calls per
        task."""
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        results = Executor.map(self, _ChunkRunner(fn),
                               _get_chunks(iterables, chunksize),
                               timeout=timeout)
        return _chain_from_iterable_of_lists(results)

    def shutdown(self, wait=True, *, cancel_futures=False):
        """No new calls; with `cancel_futures` the queued ones are
        cancelled; with `wait`, returns when the workers have ended."""
        with self._shutdown_lock:
            self._cancel_pending_futures = cancel_futures
            self._shutdown_thread = True
            if self._manager_thread is not None:
                self._wakeup()
        if self._manager_thread is not None and wait:
            self._manager_thread.join()

    # ---- the manager thread ---------------------------------------------

    def _fill_call_queue(self, queued):
        # Moves work ids to the workers while fewer than workers + 1 calls
        # wait there; a cancelled future is dropped.
        while queued[0] < self._max_workers + EXTRA_QUEUED_CALLS:
            try:
                work_id = self._work_ids.get_nowait()
            except queue.Empty:
                return
            work_item = self._pending_work_items.get(work_id)
            if work_item is None:
                continue
            if work_item.future.set_running_or_notify_cancel():
                self._call_queue.put(_CallItem(work_id, work_item.fn,
                                               work_item.args,
                                               work_item.kwargs))
                queued[0] += 1
            else:
                del self._pending_work_items[work_id]

    def _manage(self):
        from multiprocessing.connection import wait
        queued = [0]
        reader = self._result_queue._reader
        while True:
            self._fill_call_queue(queued)
            # Also here: cancelled futures are dropped only as the fill
            # above draws them, and no result may come to wake us again.
            if self._shutting_down() and not self._pending_work_items:
                self._stop_workers()
                return
            sentinels = [p.sentinel for p in self._processes.values()]
            ready = wait([reader, self._wakeup_r] + sentinels)
            # As CPython's manager: a ready sentinel means a broken pool
            # only when neither a result nor a wake-up is there to read
            # (a worker that leaves after max_tasks_per_child writes its
            # last result before it exits).
            if reader in ready:
                try:
                    item = self._result_queue.get()
                except (EOFError, OSError):
                    self._terminate_broken()
                    return
                self._take_result(item, queued)
            elif self._wakeup_r in ready:
                pass
            else:
                self._terminate_broken()
                return
            if self._wakeup_r in ready:
                while self._wakeup_r.poll():
                    self._wakeup_r.recv_bytes()
            if self._shutting_down():
                with self._shutdown_lock:
                    if self._cancel_pending_futures:
                        self._cancel_queued()
                if not self._pending_work_items:
                    self._stop_workers()
                    return

    def _take_result(self, item, queued):
        if isinstance(item, int):
            # A worker acknowledged its None and exited.
            p = self._processes.pop(item, None)
            if p is not None:
                p.join()
            return
        queued[0] -= 1
        work_item = self._pending_work_items.pop(item.work_id, None)
        if work_item is not None:
            if item.exception is not None:
                work_item.future.set_exception(item.exception)
            else:
                work_item.future.set_result(item.result)
        if item.exit_pid is not None:
            # The worker reached max_tasks_per_child: a fresh one replaces it.
            p = self._processes.pop(item.exit_pid, None)
            if p is not None:
                p.join()
            with self._shutdown_lock:
                if not self._shutdown_thread:
                    self._spawn_process()

    def _shutting_down(self):
        return _shutdown or self._shutdown_thread

    def _cancel_queued(self):
        self._cancel_pending_futures = False
        while True:
            try:
                work_id = self._work_ids.get_nowait()
            except queue.Empty:
                break
            work_item = self._pending_work_items.pop(work_id, None)
            if work_item is not None:
                work_item.future.cancel()

    def _stop_workers(self):
        for _ in range(len(self._processes)):
            self._call_queue.put(None)
        for p in list(self._processes.values()):
            p.join()
        self._processes.clear()
        self._close_queues()

    def _close_queues(self):
        for q in (self._call_queue, self._result_queue):
            q.close()
        self._wakeup_r.close()
        self._wakeup_w.close()

    def _terminate_broken(self):
        with self._shutdown_lock:
            self._broken = ('A child process terminated abruptly, the process '
                            'pool is not usable anymore')
        for work_id, work_item in list(self._pending_work_items.items()):
            work_item.future.set_exception(BrokenProcessPool(
                "A process in the process pool was terminated abruptly "
                "while the future was running or pending."))
        self._pending_work_items.clear()
        for p in self._processes.values():
            if p.exitcode is None:
                p.terminate()
        for p in self._processes.values():
            p.join()
        self._processes.clear()
        self._close_queues()


_process_executors = {}


def _python_exit_processes():
    for t, executor in list(_process_executors.items()):
        executor.shutdown(wait=True)


threading._register_atexit(_python_exit_processes)
