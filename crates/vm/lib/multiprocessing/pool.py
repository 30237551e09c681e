"""multiprocessing.pool (CPython's `Lib/multiprocessing/pool.py`): `Pool`,
its results, and `ThreadPool`.

A pool owns worker processes that run `worker()`: take a task
`(job, i, func, args, kwds)` from the in-queue (a `SimpleQueue`), run it,
put `(job, i, (success, value))` on the out-queue. Three threads of the
parent serve it, as in CPython:

* the *worker handler* replaces workers that exited (`maxtasksperchild`,
  or death), waking on their sentinels or on the change notifier;
* the *task handler* takes task batches from an in-process queue and
  writes them to the in-queue;
* the *result handler* reads the out-queue and hands each result to its
  `ApplyResult`/`MapResult`/`IMapIterator` in the cache, by job number.

`map` cuts its input into chunks (`chunksize`, by default about four per
worker) and each chunk is one task (`mapstar`). A task that raises sends
the exception back; `get()` raises it with its type and message.

A worker killed while it runs a task loses that task, and CPython's `Pool`
then waits for it for ever (bpo-22393). ftl's does not hang: when the
worker handler finds a worker that ended abnormally (killed by a signal,
or a non-zero exit status) while results are outstanding, every
outstanding result fails with `WorkerLostError` (a `RuntimeError`; which
task the worker held is not known, so all of them), and the pool
replaces the worker and goes on. `concurrent.futures.ProcessPoolExecutor`
reports the same with `BrokenProcessPool` and stops. See
`docs/processes.md`.
"""

import os
import queue
import threading
import time

from multiprocessing import util
from multiprocessing import get_context, TimeoutError

__all__ = ['Pool', 'ThreadPool', 'WorkerLostError']

INIT = "INIT"
RUN = "RUN"
CLOSE = "CLOSE"
TERMINATE = "TERMINATE"


class _JobCounter:
    def __init__(self):
        self.n = 0
        self.lock = threading.Lock()

    def __next__(self):
        with self.lock:
            n = self.n
            self.n += 1
            return n


job_counter = _JobCounter()


def mapstar(args):
    return list(map(*args))


def starmapstar(args):
    return [args[0](*a) for a in args[1]]


class RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class WorkerLostError(RuntimeError):
    """ftl's: a worker ended abnormally while results were outstanding
    (CPython's `Pool` waits for them for ever instead)."""


class MaybeEncodingError(Exception):
    """Wraps possible unpickleable errors, so they can be
    safely sent through the socket."""

    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        Exception.__init__(self, self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value,
                                                             self.exc)

    def __repr__(self):
        return "<%s: %s>" % (self.__class__.__name__, self)


def worker(inqueue, outqueue, initializer=None, initargs=(), maxtasks=None,
           wrap_exception=False):
    """A worker's loop (see the module doc)."""
    if (maxtasks is not None) and not (isinstance(maxtasks, int)
                                       and maxtasks >= 1):
        raise AssertionError("Maxtasks {!r} is not valid".format(maxtasks))
    put = outqueue.put
    get = inqueue.get
    if initializer is not None:
        initializer(*initargs)
    completed = 0
    while maxtasks is None or (maxtasks and completed < maxtasks):
        try:
            task = get()
        except (EOFError, OSError):
            break
        if task is None:
            break
        job, i, func, args, kwds = task
        try:
            result = (True, func(*args, **kwds))
        except Exception as e:
            result = (False, e)
        try:
            put((job, i, result))
        except Exception as e:
            wrapped = MaybeEncodingError(e, result[1])
            put((job, i, (False, wrapped)))
        task = job = result = func = args = kwds = None
        completed += 1


def _helper_reraises_exception(ex):
    raise ex


class _PoolCache:
    """The results waiting for their tasks, by job number; when it empties
    it wakes the worker handler (CPython's `_PoolCache`, a dict
    subclass)."""

    def __init__(self, notifier=None):
        self.notifier = notifier
        self.jobs = {}

    def __setitem__(self, job, result):
        self.jobs[job] = result

    def __getitem__(self, job):
        return self.jobs[job]

    def __delitem__(self, job):
        del self.jobs[job]
        if not self.jobs:
            self.notifier.put(None)

    def __len__(self):
        return len(self.jobs)

    def __bool__(self):
        return bool(self.jobs)

    def values(self):
        return self.jobs.values()


class Pool:
    """A pool of worker processes (see the module doc)."""

    _wrap_exception = True

    @staticmethod
    def Process(ctx, *args, **kwds):
        return ctx.Process(*args, **kwds)

    def __init__(self, processes=None, initializer=None, initargs=(),
                 maxtasksperchild=None, context=None):
        self._pool = []
        self._state = INIT
        self._ctx = context or get_context()
        self._setup_queues()
        self._taskqueue = queue.SimpleQueue()
        self._change_notifier = self._ctx.SimpleQueue()
        self._cache = _PoolCache(notifier=self._change_notifier)
        self._maxtasksperchild = maxtasksperchild
        self._initializer = initializer
        self._initargs = initargs

        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')

        self._processes = processes
        try:
            self._repopulate_pool()
        except Exception:
            for p in self._pool:
                if p.exitcode is None:
                    p.terminate()
            for p in self._pool:
                p.join()
            raise

        sentinels = self._get_sentinels()

        self._worker_handler = threading.Thread(
            target=Pool._handle_workers,
            args=(type(self), self._cache, self._taskqueue, self._ctx, self.Process,
                  self._processes, self._pool, self._inqueue, self._outqueue,
                  self._initializer, self._initargs, self._maxtasksperchild,
                  self._wrap_exception, sentinels, self._change_notifier)
        )
        self._worker_handler.daemon = True
        self._worker_handler._state = RUN
        self._worker_handler.start()

        self._task_handler = threading.Thread(
            target=Pool._handle_tasks,
            args=(self._taskqueue, self._quick_put, self._outqueue,
                  self._pool, self._cache)
        )
        self._task_handler.daemon = True
        self._task_handler._state = RUN
        self._task_handler.start()

        self._result_handler = threading.Thread(
            target=Pool._handle_results,
            args=(self._outqueue, self._quick_get, self._cache)
        )
        self._result_handler.daemon = True
        self._result_handler._state = RUN
        self._result_handler.start()

        self._terminate = util.Finalize(
            self, type(self)._terminate_pool,
            args=(type(self), self._taskqueue, self._inqueue, self._outqueue,
                  self._pool, self._change_notifier, self._worker_handler,
                  self._task_handler, self._result_handler, self._cache),
            exitpriority=15
        )
        self._state = RUN

    def __repr__(self):
        cls = self.__class__
        return (f'<{cls.__module__}.{cls.__qualname__} '
                f'state={self._state} '
                f'pool_size={len(self._pool)}>')

    def _get_sentinels(self):
        return [self._outqueue._reader, self._change_notifier._reader]

    @staticmethod
    def _get_worker_sentinels(workers):
        return [worker.sentinel for worker in workers
                if hasattr(worker, "sentinel")]

    @staticmethod
    def _join_exited_workers(pool, lost=None):
        # `lost` (a list) receives the workers that ended abnormally.
        cleaned = False
        for i in reversed(range(len(pool))):
            worker = pool[i]
            exitcode = worker.exitcode
            if exitcode is not None:
                if exitcode != 0 and lost is not None:
                    lost.append(worker)
                worker.join()
                cleaned = True
                del pool[i]
        return cleaned

    def _repopulate_pool(self):
        return self._repopulate_pool_static(
            self._ctx, self.Process, self._processes, self._pool,
            self._inqueue, self._outqueue, self._initializer,
            self._initargs, self._maxtasksperchild, self._wrap_exception)

    @staticmethod
    def _repopulate_pool_static(ctx, Process, processes, pool, inqueue,
                                outqueue, initializer, initargs,
                                maxtasksperchild, wrap_exception):
        for i in range(processes - len(pool)):
            w = Process(ctx, target=worker,
                        args=(inqueue, outqueue, initializer, initargs,
                              maxtasksperchild, wrap_exception))
            w.name = w.name.replace('Process', 'PoolWorker')
            w.daemon = True
            w.start()
            pool.append(w)

    @staticmethod
    def _fail_outstanding(w, cache):
        # `w` ended abnormally and may have held a task, whose result will
        # never come: fail every outstanding result (see the module doc)
        # instead of letting its waiter hang.
        err = WorkerLostError(
            'a worker process of the pool (%s, pid %s) ended with exit '
            'code %s while results were outstanding; they are lost'
            % (w.name, w.pid, w.exitcode))
        for job in list(cache.values()):
            try:
                job._fail(err)
            except KeyError:
                pass

    @staticmethod
    def _maintain_pool(ctx, Process, processes, pool, inqueue, outqueue,
                       initializer, initargs, maxtasksperchild,
                       wrap_exception, lost=None):
        if Pool._join_exited_workers(pool, lost):
            Pool._repopulate_pool_static(ctx, Process, processes, pool,
                                         inqueue, outqueue, initializer,
                                         initargs, maxtasksperchild,
                                         wrap_exception)

    def _setup_queues(self):
        self._inqueue = self._ctx.SimpleQueue()
        self._outqueue = self._ctx.SimpleQueue()
        self._quick_put = self._inqueue._writer.send
        self._quick_get = self._outqueue._reader.recv

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def apply(self, func, args=(), kwds={}):
        """`func(*args, **kwds)` in a worker; its result."""
        return self.apply_async(func, args, kwds).get()

    def map(self, func, iterable, chunksize=None):
        """`list(map(func, iterable))`, in the workers."""
        return self._map_async(func, iterable, mapstar, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        """`[func(*args) for args in iterable]`, in the workers."""
        return self._map_async(func, iterable, starmapstar, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None,
                      error_callback=None):
        return self._map_async(func, iterable, starmapstar, chunksize,
                               callback, error_callback)

    def _guarded_task_generation(self, result_job, func, iterable):
        try:
            i = -1
            for i, x in enumerate(iterable):
                yield (result_job, i, func, (x,), {})
        except Exception as e:
            yield (result_job, i + 1, _helper_reraises_exception, (e,), {})

    def imap(self, func, iterable, chunksize=1):
        """The results of `func` on each item, in order, as they come."""
        self._check_running()
        if chunksize == 1:
            result = IMapIterator(self)
            self._taskqueue.put(
                (self._guarded_task_generation(result._job, func, iterable),
                 result._set_length))
            return result
        else:
            if chunksize < 1:
                raise ValueError(
                    "Chunksize must be 1+, not {0:n}".format(chunksize))
            task_batches = Pool._get_tasks(func, iterable, chunksize)
            result = IMapIterator(self)
            self._taskqueue.put(
                (self._guarded_task_generation(result._job, mapstar,
                                               task_batches),
                 result._set_length))
            return _flatten(result)

    def imap_unordered(self, func, iterable, chunksize=1):
        """The results of `func` on each item, in the order they finish."""
        self._check_running()
        if chunksize == 1:
            result = IMapUnorderedIterator(self)
            self._taskqueue.put(
                (self._guarded_task_generation(result._job, func, iterable),
                 result._set_length))
            return result
        else:
            if chunksize < 1:
                raise ValueError(
                    "Chunksize must be 1+, not {0!r}".format(chunksize))
            task_batches = Pool._get_tasks(func, iterable, chunksize)
            result = IMapUnorderedIterator(self)
            self._taskqueue.put(
                (self._guarded_task_generation(result._job, mapstar,
                                               task_batches),
                 result._set_length))
            return _flatten(result)

    def apply_async(self, func, args=(), kwds={}, callback=None,
                    error_callback=None):
        """`func(*args, **kwds)` in a worker; an `ApplyResult`."""
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._taskqueue.put(([(result._job, 0, func, args, kwds)], None))
        return result

    def map_async(self, func, iterable, chunksize=None, callback=None,
                  error_callback=None):
        """`map` without waiting: a `MapResult`."""
        return self._map_async(func, iterable, mapstar, chunksize, callback,
                               error_callback)

    def _map_async(self, func, iterable, mapper, chunksize=None, callback=None,
                   error_callback=None):
        self._check_running()
        if not hasattr(iterable, '__len__'):
            iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable), len(self._pool) * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        task_batches = Pool._get_tasks(func, iterable, chunksize)
        result = MapResult(self, chunksize, len(iterable), callback,
                           error_callback=error_callback)
        self._taskqueue.put(
            (self._guarded_task_generation(result._job, mapper, task_batches),
             None))
        return result

    @staticmethod
    def _wait_for_updates(sentinels, change_notifier, timeout=None):
        from multiprocessing.connection import wait
        wait(sentinels, timeout=timeout)
        while not change_notifier.empty():
            change_notifier.get()

    @staticmethod
    def _handle_workers(cls, cache, taskqueue, ctx, Process, processes,
                        pool, inqueue, outqueue, initializer, initargs,
                        maxtasksperchild, wrap_exception, sentinels,
                        change_notifier):
        thread = threading.current_thread()
        while thread._state == RUN or (cache and thread._state != TERMINATE):
            lost = []
            cls._maintain_pool(ctx, Process, processes, pool, inqueue,
                                    outqueue, initializer, initargs,
                                    maxtasksperchild, wrap_exception, lost)
            if lost and cache and thread._state == RUN:
                cls._fail_outstanding(lost[0], cache)
            current_sentinels = cls._get_worker_sentinels(pool) + sentinels
            cls._wait_for_updates(current_sentinels, change_notifier)
        taskqueue.put(None)

    @staticmethod
    def _handle_tasks(taskqueue, put, outqueue, pool, cache):
        thread = threading.current_thread()
        while True:
            item = taskqueue.get()
            if item is None:
                break
            taskseq, set_length = item
            task = None
            stopped = False
            idx = -1
            try:
                for task in taskseq:
                    if thread._state != RUN:
                        stopped = True
                        break
                    try:
                        put(task)
                    except Exception as e:
                        job, idx = task[:2]
                        try:
                            cache[job]._set(idx, (False, e))
                        except KeyError:
                            pass
                    else:
                        idx = task[1]
                if stopped:
                    break
                if set_length:
                    set_length(idx + 1)
            finally:
                task = taskseq = job = None
        try:
            outqueue.put(None)
            for p in pool:
                put(None)
        except OSError:
            pass

    @staticmethod
    def _handle_results(outqueue, get, cache):
        thread = threading.current_thread()
        while True:
            try:
                task = get()
            except (OSError, EOFError):
                return
            if thread._state != RUN:
                break
            if task is None:
                break
            job, i, obj = task
            try:
                cache[job]._set(i, obj)
            except KeyError:
                pass
            task = job = obj = None
        while cache and thread._state != TERMINATE:
            try:
                task = get()
            except (OSError, EOFError):
                return
            if task is None:
                continue
            job, i, obj = task
            try:
                cache[job]._set(i, obj)
            except KeyError:
                pass
            task = job = obj = None
        if hasattr(outqueue, '_reader'):
            try:
                for i in range(10):
                    if not outqueue._reader.poll():
                        break
                    get()
            except (OSError, EOFError):
                pass

    @staticmethod
    def _get_tasks(func, it, size):
        it = iter(it)
        while True:
            x = []
            for item in it:
                x.append(item)
                if len(x) == size:
                    break
            if not x:
                return
            yield (func, tuple(x))

    def __reduce__(self):
        raise NotImplementedError(
            'pool objects cannot be passed between processes or pickled')

    def close(self):
        """No more tasks: the workers exit when the queued ones are done."""
        if self._state == RUN:
            self._state = CLOSE
            self._worker_handler._state = CLOSE
            self._change_notifier.put(None)

    def terminate(self):
        """Stops the workers at once; outstanding work is lost."""
        self._state = TERMINATE
        self._terminate()

    def join(self):
        """Waits for the workers to exit (after `close` or `terminate`)."""
        if self._state == RUN:
            raise ValueError("Pool is still running")
        elif self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")
        self._worker_handler.join()
        self._task_handler.join()
        self._result_handler.join()
        for p in self._pool:
            p.join()

    @staticmethod
    def _help_stuff_finish(inqueue, task_handler, size):
        inqueue._rlock.acquire()
        while task_handler.is_alive() and inqueue._reader.poll():
            inqueue._reader.recv()
            time.sleep(0)

    @staticmethod
    def _terminate_pool(cls, taskqueue, inqueue, outqueue, pool,
                        change_notifier, worker_handler, task_handler,
                        result_handler, cache):
        # The worker handler wakes and ends, so the task handler sends
        # each worker its None and the workers let go of the in-queue's
        # read lock, which _help_stuff_finish takes.
        worker_handler._state = TERMINATE
        change_notifier.put(None)
        task_handler._state = TERMINATE
        cls._help_stuff_finish(inqueue, task_handler, len(pool))
        if (not result_handler.is_alive()) and (len(cache) != 0):
            raise AssertionError(
                "Cannot have cache with result_hander not alive")
        result_handler._state = TERMINATE
        change_notifier.put(None)
        outqueue.put(None)
        if threading.current_thread() is not worker_handler:
            worker_handler.join()
        if pool and hasattr(pool[0], 'terminate'):
            for p in pool:
                if p.exitcode is None:
                    p.terminate()
        if threading.current_thread() is not task_handler:
            task_handler.join()
        if threading.current_thread() is not result_handler:
            result_handler.join()
        if pool and hasattr(pool[0], 'terminate'):
            for p in pool:
                if p.is_alive():
                    p.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()


def _flatten(chunks):
    for chunk in chunks:
        for item in chunk:
            yield item


class ApplyResult:
    """The result of `apply_async`."""

    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._event = threading.Event()
        self._job = next(job_counter)
        self._cache = pool._cache
        self._callback = callback
        self._error_callback = error_callback
        self._cache[self._job] = self

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        """The result (waiting at most `timeout` seconds); the task's
        exception is raised here."""
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        else:
            raise self._value

    def _set(self, i, obj):
        self._success, self._value = obj
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)
        self._event.set()
        del self._cache[self._job]
        self._pool = None


    def _fail(self, exc):
        self._set(0, (False, exc))


AsyncResult = ApplyResult


class MapResult(ApplyResult):
    """The result of `map_async`: chunks fill a list."""

    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback,
                             error_callback=error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
            del self._cache[self._job]
        else:
            self._number_left = length // chunksize + bool(length % chunksize)

    def _set(self, i, success_result):
        self._number_left -= 1
        success, result = success_result
        if success and self._success:
            self._value[i * self._chunksize:(i + 1) * self._chunksize] = result
            if self._number_left == 0:
                if self._callback:
                    self._callback(self._value)
                del self._cache[self._job]
                self._event.set()
                self._pool = None
        else:
            if not success and self._success:
                self._success = False
                self._value = result
            if self._number_left == 0:
                if self._error_callback:
                    self._error_callback(self._value)
                del self._cache[self._job]
                self._event.set()
                self._pool = None

    def _fail(self, exc):
        if self._success:
            self._success = False
            self._value = exc
        self._number_left = 0
        if self._error_callback:
            self._error_callback(self._value)
        del self._cache[self._job]
        self._event.set()
        self._pool = None


class IMapIterator:
    """The iterator `imap` returns."""

    def __init__(self, pool):
        self._pool = pool
        self._cond = threading.Condition(threading.Lock())
        self._job = next(job_counter)
        self._cache = pool._cache
        self._items = []
        self._index = 0
        self._length = None
        self._unsorted = {}
        self._cache[self._job] = self

    def __iter__(self):
        return self

    def next(self, timeout=None):
        with self._cond:
            if not self._items:
                if self._index == self._length:
                    self._pool = None
                    raise StopIteration
                self._cond.wait(timeout)
                if not self._items:
                    if self._index == self._length:
                        self._pool = None
                        raise StopIteration
                    raise TimeoutError
            item = self._items.pop(0)
        success, value = item
        if success:
            return value
        raise value

    def __next__(self):
        return self.next()

    def _set(self, i, obj):
        with self._cond:
            if self._index == i:
                self._items.append(obj)
                self._index += 1
                while self._index in self._unsorted:
                    obj = self._unsorted.pop(self._index)
                    self._items.append(obj)
                    self._index += 1
                self._cond.notify()
            else:
                self._unsorted[i] = obj
            if self._index == self._length:
                del self._cache[self._job]
                self._pool = None

    def _set_length(self, length):
        with self._cond:
            self._length = length
            if self._index == self._length:
                self._cond.notify()
                del self._cache[self._job]
                self._pool = None

    def _fail(self, exc):
        # The results already here come first, then `exc`, then the end.
        with self._cond:
            self._unsorted.clear()
            self._items.append((False, exc))
            self._index += 1
            self._length = self._index
            self._cond.notify()
            del self._cache[self._job]
            self._pool = None


class IMapUnorderedIterator(IMapIterator):
    """The iterator `imap_unordered` returns."""

    def _set(self, i, obj):
        with self._cond:
            self._items.append(obj)
            self._index += 1
            self._cond.notify()
            if self._index == self._length:
                del self._cache[self._job]
                self._pool = None


class _DummyProcess(threading.Thread):
    """A `ThreadPool` worker: a thread with a process's `exitcode`."""

    def __init__(self, group=None, target=None, name=None, args=(),
                 kwargs={}):
        threading.Thread.__init__(self, group, target, name, args, kwargs)
        self._started_once = False

    def start(self):
        self._started_once = True
        threading.Thread.start(self)

    @property
    def exitcode(self):
        if self._started_once and not self.is_alive():
            return 0
        else:
            return None


class ThreadPool(Pool):
    """A `Pool` whose workers are threads of this process."""

    _wrap_exception = False

    @staticmethod
    def Process(ctx, *args, **kwds):
        return _DummyProcess(*args, **kwds)

    def __init__(self, processes=None, initializer=None, initargs=()):
        Pool.__init__(self, processes, initializer, initargs)

    def _setup_queues(self):
        self._inqueue = queue.SimpleQueue()
        self._outqueue = queue.SimpleQueue()
        self._quick_put = self._inqueue.put
        self._quick_get = self._outqueue.get

    def _get_sentinels(self):
        return [self._change_notifier._reader]

    @staticmethod
    def _get_worker_sentinels(workers):
        return []

    @staticmethod
    def _help_stuff_finish(inqueue, task_handler, size):
        try:
            while True:
                inqueue.get(block=False)
        except queue.Empty:
            pass
        for i in range(size):
            inqueue.put(None)
