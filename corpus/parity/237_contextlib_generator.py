# contextlib.contextmanager with exceptions thrown into the generator;
# chdir and AbstractContextManager.
import contextlib
import os

@contextlib.contextmanager
def guarded(name, handle=()):
    print("setup", name)
    try:
        yield name
    except handle as e:
        print("handled", type(e).__name__, e)
    finally:
        print("cleanup", name)

with guarded("plain") as n:
    print("body", n)
with guarded("handles", (KeyError,)):
    raise KeyError("k")
print("after handled")
try:
    with guarded("passes", (KeyError,)):
        raise ValueError("v")
except ValueError as e:
    print("propagated", e)

@contextlib.contextmanager
def transform():
    try:
        yield
    except ZeroDivisionError as e:
        raise ArithmeticError("wrapped") from e

try:
    with transform():
        1 / 0
except ArithmeticError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)

@contextlib.contextmanager
def reraise():
    try:
        yield
    except Exception:
        print("saw it, re-raising")
        raise

try:
    with reraise():
        raise IndexError("again")
except IndexError as e:
    print("IndexError:", e)

@contextlib.contextmanager
def yields_twice_on_error():
    try:
        yield
    except Exception:
        yield

try:
    with yields_twice_on_error():
        raise TypeError("t")
except RuntimeError as e:
    print("RuntimeError:", e)

@contextlib.contextmanager
def plain():
    yield

try:
    with plain():
        raise StopIteration("stop inside with")
except StopIteration as e:
    print("StopIteration propagated:", e)

try:
    with plain():
        raise RuntimeError("runtime inside with")
except RuntimeError as e:
    print("RuntimeError propagated:", e)

@contextlib.contextmanager
def swallow_all():
    try:
        yield
    except BaseException as e:
        print("swallowed", type(e).__name__)

with swallow_all():
    raise SystemExit(3)
print("still running")

@swallow_all()
def decorated(x):
    raise LookupError(x)

print(decorated(1))

cwd = os.getcwd()
with contextlib.chdir("/"):
    print("in root:", os.getcwd())
    with contextlib.chdir("/tmp"):
        print("nested:", os.path.realpath(os.getcwd()) == os.path.realpath("/tmp"))
    print("back in root:", os.getcwd())
print("restored:", os.getcwd() == cwd)

class Custom:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return None

class NoExit:
    def __enter__(self):
        return self

print(isinstance(Custom(), contextlib.AbstractContextManager),
      isinstance(NoExit(), contextlib.AbstractContextManager),
      issubclass(contextlib.nullcontext, contextlib.AbstractContextManager),
      isinstance(plain(), contextlib.ContextDecorator))

class Derived(contextlib.AbstractContextManager):
    def __exit__(self, *exc):
        print("derived exit")

with Derived() as d:
    print("derived enter returns self:", isinstance(d, Derived))
