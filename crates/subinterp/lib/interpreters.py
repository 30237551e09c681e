"""concurrent.interpreters: several interpreters in one process (PEP 734).

ftl's version of CPython 3.14's ``Lib/concurrent/interpreters``. Each
interpreter has its own modules, ``__main__``, objects and GIL (PEP 684);
nothing is shared but data copied between them (see ``is_shareable``),
queues, and what ``call`` pickles. The work is done by the native
``_interpreters`` and ``_interpqueues`` modules of the ftl-subinterp
crate.

Differences from CPython 3.14, on purpose or for lack of a feature:

* ``exec`` takes source text only (CPython also takes a function whose
  body it runs); ``call`` pickles every callable that is not shareable,
  where CPython copies "stateless" functions' code.
* ``QueueEmpty`` and
  ``QueueFull`` derive from ``QueueError`` only (CPython adds
  ``queue.Empty``/``queue.Full`` as second bases: ftl has no multiple
  inheritance yet).
* Output written by an interpreter is flushed when ``exec``/``call``
  returns, so it appears in program order.
"""

import threading
import _weakref
import _interpreters

from concurrent.interpreters._queues import (
    Queue, QueueEmpty, QueueFull, QueueError, QueueNotFoundError,
    ItemInterpreterDestroyed, UNBOUND, UNBOUND_ERROR, UNBOUND_REMOVE,
    create as create_queue,
)

__all__ = [
    'get_current', 'get_main', 'create', 'list_all', 'is_shareable',
    'Interpreter',
    'InterpreterError', 'InterpreterNotFoundError', 'ExecutionFailed',
    'NotShareableError',
    'create_queue', 'Queue', 'QueueEmpty', 'QueueFull',
]


class InterpreterError(Exception):
    """A cross-interpreter operation failed."""


class InterpreterNotFoundError(InterpreterError):
    """An interpreter was not found."""


class NotShareableError(TypeError):
    """An object cannot be passed to another interpreter."""


_interpreters._register_types(InterpreterError, InterpreterNotFoundError,
                              NotShareableError)


def is_shareable(obj):
    """Whether obj can be passed to another interpreter as it is."""
    return _interpreters.is_shareable(obj)


class _ExcType:
    """What is left of an exception's type in another interpreter."""

    def __init__(self, name, qualname, module):
        self.__name__ = name
        self.__qualname__ = qualname
        self.__module__ = module

    def __repr__(self):
        return f"namespace(__name__={self.__name__!r}, __qualname__={self.__qualname__!r}, __module__={self.__module__!r})"


class _ExcInfo:
    """A summary of an exception raised in another interpreter."""

    def __init__(self, summary):
        name, qualname, module, msg, formatted, errdisplay = summary
        self.type = _ExcType(name, qualname, module)
        self.msg = msg
        self.formatted = formatted
        self.errdisplay = errdisplay

    def __repr__(self):
        return (f"ExceptionSnapshot(type={self.type!r}, msg={self.msg!r}, "
                f"formatted={self.formatted!r}, errdisplay={self.errdisplay!r})")


_EXEC_FAILURE = "{}\n\nUncaught in the interpreter:\n\n{}"


class ExecutionFailed(InterpreterError):
    """An unhandled exception happened during execution.

    This is raised from Interpreter.exec() and Interpreter.call().
    """

    def __init__(self, excinfo):
        msg = excinfo.formatted
        if not msg:
            msg = excinfo.type.__name__ or excinfo.msg
        super().__init__(msg)
        self.excinfo = excinfo

    def __str__(self):
        base = super().__str__()
        try:
            formatted = self.excinfo.errdisplay
        except Exception:
            return base
        return _EXEC_FAILURE.format(base, formatted)


def create():
    """Return a new (idle) Python interpreter."""
    return Interpreter(_interpreters.create(), _ownsref=True)


def list_all():
    """Return all existing interpreters."""
    return [Interpreter(id) for id in _interpreters.list_all()]


def get_current():
    """Return the currently running interpreter."""
    return Interpreter(_interpreters.get_current())


def get_main():
    """Return the main interpreter."""
    return Interpreter(_interpreters.get_main())


# id -> weak reference to the one Interpreter object for that id.
_known = {}


class Interpreter:
    """A single Python interpreter.

    Attributes:

    "id" - the unique process-global ID number for the interpreter
    "whence" - indicates where the interpreter was created
    """

    def __new__(cls, id, /, _whence=None, _ownsref=None):
        if not isinstance(id, int):
            raise TypeError(f'id must be an int, got {id!r}')
        ref = _known.get(id)
        self = ref() if ref is not None else None
        if self is None:
            self = super().__new__(cls)
            self._id = id
            self._ownsref = bool(_ownsref) or (id != 0 and _ownsref is None)
            if self._ownsref:
                _interpreters.incref(id)
            _known[id] = _weakref.ref(self)
        return self

    def __repr__(self):
        return f'{type(self).__name__}({self._id})'

    def __hash__(self):
        return hash(self._id)

    def __del__(self):
        ref = _known.get(self._id)
        if ref is not None and ref() in (None, self):
            del _known[self._id]
        self._decref()

    def __reduce__(self):
        return (type(self), (self._id,))

    def _decref(self):
        if not self._ownsref:
            return
        self._ownsref = False
        try:
            _interpreters.decref(self._id)
        except InterpreterNotFoundError:
            pass

    @property
    def id(self):
        return self._id

    @property
    def whence(self):
        return 'runtime init' if self._id == 0 else '_interpreters module'

    def is_running(self):
        """Return whether or not the identified interpreter is running."""
        return _interpreters.is_running(self._id)

    def close(self):
        """Finalize and destroy the interpreter.

        Attempting to destroy the current interpreter results
        in an InterpreterError.
        """
        _interpreters.destroy(self._id)
        self._ownsref = False

    def prepare_main(self, ns=None, /, **kwargs):
        """Bind the given values into the interpreter's __main__.

        The values must be shareable.
        """
        if ns is not None:
            items = dict(ns)
            items.update(kwargs)
        else:
            items = kwargs
        _interpreters.set___main___attrs(self._id, items)

    def exec(self, code, /):
        """Run the given source code in the interpreter's __main__, in the
        current thread; raise ExecutionFailed if it raises."""
        excinfo = _interpreters.exec(self._id, code)
        if excinfo is not None:
            raise ExecutionFailed(_ExcInfo(excinfo))

    def _call(self, callable, args, kwargs):
        res, excinfo = _interpreters.call(self._id, callable, args, kwargs)
        if excinfo is not None:
            raise ExecutionFailed(_ExcInfo(excinfo))
        return res

    def call(self, callable, /, *args, **kwargs):
        """Call the object in the interpreter with the given arguments (in
        the current thread) and return its result; values that are not
        shareable are pickled. Raise ExecutionFailed if it raises."""
        return self._call(callable, args, kwargs)

    def call_in_thread(self, callable, /, *args, **kwargs):
        """Return a new thread that calls the object in the interpreter.

        The return value and any raised exception are discarded.
        """
        t = threading.Thread(target=self._call, args=(callable, args, kwargs))
        t.start()
        return t
