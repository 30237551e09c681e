"""contextlib: utilities for with-statement contexts (ftl's frozen module).

CPython 3.11's synchronous API: contextmanager (and the
ContextDecorator use of its result), closing, suppress, nullcontext,
ExitStack (enter_context, push, callback, pop_all, close, and the
exception chaining of nested with statements), redirect_stdout,
redirect_stderr, chdir, AbstractContextManager (isinstance() succeeds for
any class with __enter__ and __exit__, through abc's __subclasshook__)
and ContextDecorator.  Messages are CPython's ("generator didn't yield",
"generator didn't stop", "generator didn't stop after throw()",
"'mod.Cls' object does not support the context manager protocol").

Left out: the asynchronous half (asynccontextmanager, aclosing,
AsyncExitStack, AbstractAsyncContextManager): they raise
NotImplementedError naming ftl.

What this module needs from the interpreter: generator.throw() (an
exception inside a @contextmanager block), sys.exc_info() (ExitStack's
exit), os.chdir (chdir), abc.ABC (AbstractContextManager; without an abc
module the class is a plain one and isinstance() does not recognise
other context managers).  The classes use single inheritance only:
_GeneratorContextManager derives from ContextDecorator alone (CPython
adds two more bases), ExitStack from AbstractContextManager alone.
"""

import os
import sys

try:
    from abc import ABC as _ABC, abstractmethod
except ImportError:         # an interpreter without abc yet
    _ABC = object

    def abstractmethod(funcobj):
        return funcobj

__all__ = ["asynccontextmanager", "contextmanager", "closing", "nullcontext",
           "AbstractContextManager", "AbstractAsyncContextManager",
           "AsyncExitStack", "ContextDecorator", "ExitStack",
           "redirect_stdout", "redirect_stderr", "suppress", "aclosing",
           "chdir"]


def _wraps(wrapper, wrapped):
    """What functools.wraps does: wrapper takes wrapped's name, doc and
    attributes, and records it as __wrapped__."""
    for attr in ('__module__', '__name__', '__qualname__', '__doc__'):
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            continue
        setattr(wrapper, attr, value)
    try:
        wrapper.__dict__.update(wrapped.__dict__)
    except AttributeError:
        pass
    wrapper.__wrapped__ = wrapped
    return wrapper


def _check_methods(C, *methods):
    """True when C's MRO defines every method (not set to None)."""
    mro = C.__mro__
    for method in methods:
        for B in mro:
            if method in B.__dict__:
                if B.__dict__[method] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


class AbstractContextManager(_ABC):
    """Base class of context managers: __enter__ returns self and
    __exit__ is abstract.  isinstance() accepts any class defining both.
    """

    def __class_getitem__(cls, item):
        from types import GenericAlias
        return GenericAlias(cls, item)

    def __enter__(self):
        return self

    @abstractmethod
    def __exit__(self, exc_type, exc_value, traceback):
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AbstractContextManager:
            return _check_methods(C, "__enter__", "__exit__")
        return NotImplemented


class ContextDecorator(object):
    """Mixin that lets a context manager decorate a function: each call
    of the function runs inside a with statement on the manager.
    """

    def _recreate_cm(self):
        """The manager to use for one call of a decorated function (self;
        one-shot managers make a fresh one).
        """
        return self

    def __call__(self, func):
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return _wraps(inner, func)


class _GeneratorContextManager(ContextDecorator):
    """The context manager a @contextmanager function returns: it runs
    the generator up to its yield on entry and on from there on exit."""

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds
        # The instance takes the generator function's docstring.
        doc = getattr(func, "__doc__", None)
        if doc is None:
            doc = type(self).__doc__
        self.__doc__ = doc

    def _recreate_cm(self):
        # A fresh one for each call of the decorated function.
        return self.__class__(self.func, self.args, self.kwds)

    def __enter__(self):
        # The arguments served _recreate_cm only; drop them now.
        del self.args, self.kwds, self.func
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if value is None:
            # A class was given (as with a bare `raise Class` of old).
            value = typ()
        try:
            self.gen.throw(value)
        except StopIteration as exc:
            # The generator caught the exception and finished: the with
            # statement goes on, unless what stopped it was that very
            # StopIteration coming back.
            return exc is not value
        except RuntimeError as exc:
            if exc is value:
                exc.__traceback__ = traceback
                return False
            # A StopIteration thrown in and turned into RuntimeError by
            # the generator (PEP 479) is the original exception again.
            if isinstance(value, StopIteration) and exc.__cause__ is value:
                value.__traceback__ = traceback
                return False
            raise
        except BaseException as exc:
            # The exception thrown in coming back means "not handled":
            # __exit__ returns false rather than raising it itself.
            if exc is not value:
                raise
            exc.__traceback__ = traceback
            return False
        raise RuntimeError("generator didn't stop after throw()")


def contextmanager(func):
    """Makes a generator function a context manager factory.

    The generator runs up to its (single) yield on entering the with
    statement, the yielded value being what `as` binds; leaving the block
    resumes it, and an exception raised in the block is raised inside the
    generator at the yield (a try / finally there runs the clean-up).
    """
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return _wraps(helper, func)


class closing(AbstractContextManager):
    """Calls thing.close() on leaving the block; `as` binds thing."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class _RedirectStream(AbstractContextManager):

    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        # A stack, so that the same object can be re-entered.
        self._old_targets = []

    def __enter__(self):
        self._old_targets.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exctype, excinst, exctb):
        setattr(sys, self._stream, self._old_targets.pop())


class redirect_stdout(_RedirectStream):
    """Sets sys.stdout to the given file for the block, restoring it
    after.
    """

    _stream = "stdout"


class redirect_stderr(_RedirectStream):
    """Sets sys.stderr to the given file for the block, restoring it
    after.
    """

    _stream = "stderr"


class suppress(AbstractContextManager):
    """Swallows the given exception types (and their subclasses) raised in
    the block; execution goes on after the with statement.
    """

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        # Suppress the listed exceptions (and their subclasses) only.
        return exctype is not None and issubclass(exctype, self._exceptions)


class ExitStack(AbstractContextManager):
    """A with statement for a changing number of context managers and
    clean-up callbacks: on exit they run last-registered first, each
    seeing the exception the previous ones left, as nested with
    statements would.
    """

    def __init__(self):
        # Exit functions, called last first: f(exc_type, exc, tb) -> bool.
        self._exit_callbacks = []

    def pop_all(self):
        """A new ExitStack holding the registered callbacks (this one is left
        empty, so exiting it runs nothing).
        """
        new_stack = type(self)()
        new_stack._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return new_stack

    def push(self, exit):
        """Registers exit, an object with __exit__ (its method is kept) or a
        callable taking __exit__'s arguments; it may suppress the exception
        by returning true.  Returns exit (so it can decorate).
        """
        try:
            exit_method = type(exit).__exit__
        except AttributeError:
            # Not a context manager: a callable taking the exit arguments.
            self._exit_callbacks.append(exit)
        else:
            self._push_cm_exit(exit, exit_method)
        return exit

    def enter_context(self, cm):
        """Enters cm, registers its __exit__ and returns what __enter__
        returned.
        """
        cls = type(cm)
        try:
            enter = cls.__enter__
            exit = cls.__exit__
        except AttributeError:
            raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object "
                            f"does not support the context manager protocol"
                            ) from None
        result = enter(cm)
        self._push_cm_exit(cm, exit)
        return result

    def callback(self, callback, /, *args, **kwds):
        """Registers callback(*args, **kwds) to run on exit (it cannot
        suppress exceptions).  Returns callback (so it can decorate).
        """
        def _exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)
        # So that the callback can be found again (as CPython allows).
        _exit_wrapper.__wrapped__ = callback
        self._exit_callbacks.append(_exit_wrapper)
        return callback

    def _push_cm_exit(self, cm, cm_exit):
        def _exit_wrapper(exc_type, exc, tb):
            return cm_exit(cm, exc_type, exc, tb)
        self._exit_callbacks.append(_exit_wrapper)

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        received_exc = exc_details[0] is not None
        # The exception being handled where the stack exits: chains made
        # by the callbacks' exceptions end there.
        frame_exc = sys.exc_info()[1]

        def fix_context(new_exc, old_exc):
            # As if each callback ran in the with statement nested inside
            # the previous one: new_exc's chain is to end at old_exc.
            while True:
                ctx = new_exc.__context__
                if ctx is None or ctx is old_exc:
                    return
                if ctx is frame_exc:
                    break
                new_exc = ctx
            new_exc.__context__ = old_exc

        # Last pushed, first called, as nested with statements exit.
        suppressed_exc = False
        pending_raise = False
        while self._exit_callbacks:
            cb = self._exit_callbacks.pop()
            try:
                if cb(*exc_details):
                    suppressed_exc = True
                    pending_raise = False
                    exc_details = (None, None, None)
            except BaseException as new_exc:
                fix_context(new_exc, exc_details[1])
                pending_raise = True
                exc_details = (type(new_exc), new_exc, new_exc.__traceback__)
        if pending_raise:
            exc = exc_details[1]
            # Raising sets __context__ anew; keep the chain built above.
            fixed_ctx = exc.__context__
            try:
                raise exc
            except BaseException:
                exc.__context__ = fixed_ctx
                raise
        return received_exc and suppressed_exc

    def close(self):
        """Runs the registered callbacks now."""
        self.__exit__(None, None, None)


class nullcontext(AbstractContextManager):
    """A context manager that does nothing; `as` binds enter_result."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass


class chdir(AbstractContextManager):
    """Changes the working directory for the block (for the whole process,
    so not to be used from several threads at once).
    """

    def __init__(self, path):
        self.path = path
        self._old_cwd = []

    def __enter__(self):
        self._old_cwd.append(os.getcwd())
        os.chdir(self.path)

    def __exit__(self, *excinfo):
        os.chdir(self._old_cwd.pop())


def _async_not_here(name):
    def refuse(*args, **kwargs):
        raise NotImplementedError(
            "contextlib.%s is not available in ftl (no async support)" % name)
    refuse.__qualname__ = refuse.__name__ = name
    return refuse


asynccontextmanager = _async_not_here('asynccontextmanager')
aclosing = _async_not_here('aclosing')
AsyncExitStack = _async_not_here('AsyncExitStack')
AbstractAsyncContextManager = _async_not_here('AbstractAsyncContextManager')
