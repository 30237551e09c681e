# with statement: __enter__/__exit__, suppression, exceptions passed to __exit__, several items.
class Tracker:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print("exit", self.name, "cleanly")
        else:
            print("exit", self.name, "with", exc_type.__name__, exc, tb is not None)
        return self.suppress

with Tracker("a") as val:
    print("body with", val)
with Tracker("quiet", suppress=True):
    print("about to fail")
    raise ValueError("suppressed error")
    print("not reached")
print("after suppressed")
try:
    with Tracker("loud"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught outside", e)
with Tracker("x") as x, Tracker("y") as y:
    print("inside both", x, y)
try:
    with Tracker("outer"), Tracker("inner"):
        raise RuntimeError("nested failure")
except RuntimeError as e:
    print("caught", e)
with Tracker("outer2"), Tracker("inner2", suppress=True):
    raise RuntimeError("inner swallows")
print("continued")

def use_in_function():
    with Tracker("func"):
        return "returned value"

print(use_in_function())
for i in range(3):
    with Tracker("loop%d" % i):
        if i == 1:
            continue
        if i == 2:
            break
        print("loop body", i)

class Resource:
    opened = 0
    def __init__(self, name):
        self.name = name
        self.log = []
    def __enter__(self):
        Resource.opened += 1
        self.log.append("open")
        return self
    def __exit__(self, *args):
        Resource.opened -= 1
        self.log.append("close")
        return False
    def write(self, data):
        self.log.append(data)

with Resource("r1") as r:
    r.write("hello")
    print("open count inside", Resource.opened)
print(r.log, "open count after", Resource.opened)

class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return None
    def __exit__(self, et, ev, tb):
        return et is not None and issubclass(et, self.types)

with Suppress(ZeroDivisionError, KeyError):
    print("dividing")
    1 / 0
print("zero division ignored")
try:
    with Suppress(KeyError):
        [][1]
except IndexError as e:
    print("IndexError escaped:", e)
with Suppress(LookupError) as nothing:
    {}["k"]
print("nothing is", nothing)

class Timer:
    def __enter__(self):
        self.entered = True
        return self
    def __exit__(self, et, ev, tb):
        self.exited = True

with Timer() as t:
    pass
print(t.entered, t.exited)
