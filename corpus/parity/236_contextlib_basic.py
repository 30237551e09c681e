# contextlib: closing, suppress, nullcontext, redirect_stdout/stderr,
# ContextDecorator and contextmanager on the paths that need no throw().
import contextlib
import sys

class Resource:
    def __init__(self, name):
        self.name = name
        self.closed = False
    def close(self):
        self.closed = True
        print("closed", self.name)

r = Resource("r1")
with contextlib.closing(r) as got:
    print("inside", got is r, r.closed)
print("after", r.closed)
try:
    with contextlib.closing(Resource("r2")):
        raise KeyError("boom")
except KeyError as e:
    print("KeyError propagated", e)

with contextlib.suppress(ZeroDivisionError):
    1 / 0
    print("not reached")
print("suppressed")
with contextlib.suppress(LookupError, TypeError):
    {}["missing"]
print("suppressed subclass")
with contextlib.suppress():
    pass
try:
    with contextlib.suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("ValueError:", e)
s = contextlib.suppress(IndexError)
with s:
    [][1]
with s:
    [][2]
print("reused")

with contextlib.nullcontext() as v:
    print("nullcontext", v)
with contextlib.nullcontext(42) as v:
    print("nullcontext", v)
try:
    with contextlib.nullcontext("x"):
        raise RuntimeError("through")
except RuntimeError as e:
    print("RuntimeError:", e)

class Capture:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        pass

cap = Capture()
with contextlib.redirect_stdout(cap) as target:
    print("captured line")
    print("another", 1, 2)
    sys.stdout.write("direct\n")
print("back on stdout", target is cap)
print(repr("".join(cap.parts)))
err = Capture()
with contextlib.redirect_stderr(err):
    sys.stderr.write("to stderr\n")
print(repr("".join(err.parts)))
outer, inner = Capture(), Capture()
with contextlib.redirect_stdout(outer):
    print("outer 1")
    with contextlib.redirect_stdout(inner):
        print("inner")
    print("outer 2")
print(outer.parts, inner.parts)

class Logged(contextlib.ContextDecorator):
    def __init__(self, label):
        self.label = label
    def __enter__(self):
        print("enter", self.label)
        return self
    def __exit__(self, *exc):
        print("exit", self.label, exc[0].__name__ if exc[0] else None)
        return False

@Logged("deco")
def work(x, y=1):
    print("work", x, y)
    return x + y

print(work(2), work(3, y=5))
with Logged("as with"):
    print("body")

@contextlib.contextmanager
def tag(name):
    print("<%s>" % name)
    yield name.upper()
    print("</%s>" % name)

with tag("p") as t:
    print("content", t)
with tag("a"), tag("b"):
    print("nested")

@tag("decorated")
def decorated():
    print("in decorated")
    return "ret"

print(decorated())
print(decorated())

@contextlib.contextmanager
def no_yield():
    if False:
        yield

@contextlib.contextmanager
def two_yields():
    yield 1
    yield 2

for cm in (no_yield, two_yields):
    try:
        with cm():
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)

@contextlib.contextmanager
def documented():
    """Documentation of the generator."""
    yield

print(documented.__doc__, documented().__doc__)
