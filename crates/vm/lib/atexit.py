"""atexit (CPython's `Modules/atexitmodule.c`): functions to run when the
interpreter exits normally.

`register(func, *args, **kwargs)` adds a call; at exit (after the
non-daemon threads are joined, as in CPython) the calls run last registered
first. An exception from one is reported as "Exception ignored in atexit
callback" with its traceback, and the others still run. `os._exit` and a
fatal signal skip them, as in CPython.
"""

import _thread

__all__ = ['register', 'unregister']

_exithandlers = []


def register(func, *args, **kwargs):
    """Registers `func(*args, **kwargs)` to run at exit; returns `func`."""
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _exithandlers.append((func, args, kwargs))
    return func


def unregister(func):
    """Removes every registration of `func`."""
    _exithandlers[:] = [h for h in _exithandlers if h[0] != func]


def _ncallbacks():
    return len(_exithandlers)


def _clear():
    del _exithandlers[:]


def _run_exitfuncs():
    """Runs (and forgets) the registered calls, last first."""
    while _exithandlers:
        func, args, kwargs = _exithandlers.pop()
        try:
            func(*args, **kwargs)
        except SystemExit:
            pass
        except BaseException as e:
            _thread._report_exception(
                "Exception ignored in atexit callback: %r" % (func,), e)
