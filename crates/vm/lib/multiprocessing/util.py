"""multiprocessing.util (CPython's `Lib/multiprocessing/util.py`):
finalizers, after-fork hooks and the exit function.

* `Finalize(obj, callback, args, kwargs, exitpriority)` calls
  `callback(*args, **kwargs)` once: when `obj` is collected (through a weak
  reference), when called, or at exit if it has an `exitpriority`
  (higher first; equal priorities last registered first).
* `_exit_function()` runs at exit of every process (through `atexit` in
  the parent, at the end of `_bootstrap` in a child): the finalizers of
  priority >= 0, then it terminates the daemonic children and joins the
  others, then runs the remaining finalizers. A queue's feeder thread is
  joined here, so what a process put is in the pipe before it exits.
"""

import os
import sys
import threading
import weakref
import atexit
import _multiprocessing

from multiprocessing import process

_logger = None
_log_to_stderr = False


def sub_debug(msg, *args):
    pass


def debug(msg, *args):
    pass


def info(msg, *args):
    pass


def sub_warning(msg, *args):
    pass


def get_logger():
    raise NotImplementedError("ftl has no logging module yet")


def log_to_stderr(level=None):
    raise NotImplementedError("ftl has no logging module yet")


# ---- after fork -------------------------------------------------------------

_afterfork_registry = {}
_afterfork_counter = [0]


def _run_after_forkers():
    items = sorted(_afterfork_registry.items(), key=lambda kv: kv[0][0])
    for (index, ident, func), obj in items:
        try:
            func(obj)
        except Exception as e:
            info('after forker raised exception %s', e)


def register_after_fork(obj, func):
    _afterfork_counter[0] += 1
    _afterfork_registry[(_afterfork_counter[0], id(obj), func)] = obj


# ---- finalizers -------------------------------------------------------------

_finalizer_registry = {}
_finalizer_counter = [0]


class Finalize:
    """Calls `callback(*args, **kwargs)` once, when `obj` is collected, when
    called, or at exit (if `exitpriority` is not None)."""

    def __init__(self, obj, callback, args=(), kwargs=None, exitpriority=None):
        if (exitpriority is not None) and not isinstance(exitpriority, int):
            raise TypeError(
                "Exitpriority ({0!r}) must be None or int, not {1!s}".format(
                    exitpriority, type(exitpriority)))
        if obj is not None:
            self._weakref = weakref.ref(obj, self)
        elif exitpriority is None:
            raise ValueError("Without object, exitpriority cannot be None")
        self._callback = callback
        self._args = args
        self._kwargs = kwargs or {}
        _finalizer_counter[0] += 1
        self._key = (exitpriority, _finalizer_counter[0])
        self._pid = os.getpid()
        _finalizer_registry[self._key] = self

    def __call__(self, wr=None):
        """Runs the callback if it has not run yet; returns its result."""
        try:
            del _finalizer_registry[self._key]
        except KeyError:
            return None
        if self._pid != os.getpid():
            res = None
        else:
            res = self._callback(*self._args, **self._kwargs)
        self._weakref = self._callback = self._args = None
        self._kwargs = self._key = None
        return res

    def cancel(self):
        """Forgets the callback without running it."""
        try:
            del _finalizer_registry[self._key]
        except KeyError:
            pass
        else:
            self._weakref = self._callback = self._args = None
            self._kwargs = self._key = None

    def still_active(self):
        return self._key in _finalizer_registry

    def __repr__(self):
        try:
            obj = self._weakref()
        except (AttributeError, TypeError):
            obj = None
        if obj is None:
            return '<%s object, dead>' % type(self).__name__
        x = '<%s object, callback=%s' % (
            type(self).__name__,
            getattr(self._callback, '__qualname__', self._callback))
        if self._args:
            x += ', args=' + str(self._args)
        if self._kwargs:
            x += ', kwargs=' + str(self._kwargs)
        if self._key[0] is not None:
            x += ', exitpriority=' + str(self._key[0])
        return x + '>'


def _run_finalizers(minpriority=None):
    """Runs the finalizers with an exit priority >= `minpriority` (all that
    have one when None), highest first."""
    if minpriority is None:
        f = lambda p: p[0] is not None
    else:
        f = lambda p: p[0] is not None and p[0] >= minpriority
    keys = [key for key in list(_finalizer_registry) if f(key)]
    keys.sort(reverse=True)
    for key in keys:
        finalizer = _finalizer_registry.get(key)
        if finalizer is not None:
            try:
                finalizer()
            except Exception as e:
                _thread_report("Error calling finalizer %r" % (finalizer,), e)
    if minpriority is None:
        _finalizer_registry.clear()


def _thread_report(header, e):
    import _thread
    _thread._report_exception(header, e)


def is_exiting():
    return _exiting or _exiting is None


_exiting = False


def _exit_function():
    """What every process runs as it exits (see the module doc)."""
    global _exiting
    if _exiting:
        return
    _exiting = True
    _run_finalizers(0)
    if process.current_process() is not None:
        for p in process.active_children():
            if p.daemon:
                p._popen.terminate()
        for p in process.active_children():
            p.join()
    _run_finalizers()


atexit.register(_exit_function)


# ---- descriptors and processes ----------------------------------------------

def close_fds(*fds):
    """Closes each descriptor (None is skipped)."""
    for fd in fds:
        if fd is not None:
            os.close(fd)


def spawnv_passfds(path, args, passfds):
    """Starts `path` with argv `args`, the descriptors `passfds` inherited;
    returns the pid."""
    return _multiprocessing.spawnv_passfds(path, list(args), sorted(set(passfds)))


def _flush_std_streams():
    try:
        sys.stdout.flush()
    except (AttributeError, ValueError):
        pass
    try:
        sys.stderr.flush()
    except (AttributeError, ValueError):
        pass


def _close_stdin():
    pass
