# contextlib.ExitStack: LIFO unwinding, push/callback/pop_all/close,
# suppression and the exception chaining of nested with statements.
import contextlib

class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None, val)
        return self.suppress

with contextlib.ExitStack() as stack:
    values = [stack.enter_context(CM(n)) for n in "abc"]
    print("values", values)
    stack.callback(print, "callback", 1, sep="|")
    @stack.callback
    def deco_cb():
        print("decorated callback")
    print("body done")

with contextlib.ExitStack() as stack:
    stack.enter_context(CM("outer"))
    stack.enter_context(CM("suppressor", suppress=True))
    stack.enter_context(CM("inner"))
    raise KeyError("swallowed")
print("after suppression")

def exit_fn(typ, val, tb):
    print("exit_fn sees", typ.__name__ if typ else None)
    return False

with contextlib.ExitStack() as stack:
    stack.push(exit_fn)
    stack.push(CM("pushed cm"))
    print("push returns", stack.push(exit_fn) is exit_fn)

stack = contextlib.ExitStack()
stack.enter_context(CM("kept"))
stack.callback(print, "kept callback")
moved = stack.pop_all()
print("closing original")
stack.close()
print("closing moved")
moved.close()
moved.close()

try:
    with contextlib.ExitStack() as stack:
        stack.enter_context(CM("x"))
        raise ValueError("propagates")
except ValueError as e:
    print("ValueError:", e)

def raiser(exc_type, msg):
    raise exc_type(msg)

try:
    with contextlib.ExitStack() as stack:
        stack.callback(raiser, IndexError, "first registered")
        stack.callback(raiser, KeyError, "second registered")
        raise ZeroDivisionError("body")
except Exception as e:
    chain = []
    while e is not None:
        chain.append("%s(%s)" % (type(e).__name__, e))
        e = e.__context__
    print(" <- ".join(chain))

try:
    with contextlib.ExitStack() as stack:
        stack.callback(raiser, RuntimeError, "only in exit")
except RuntimeError as e:
    print("RuntimeError:", e, e.__context__)

try:
    with contextlib.ExitStack() as stack:
        stack.enter_context(CM("sup", suppress=True))
        stack.callback(raiser, TypeError, "from callback")
    print("callback error suppressed by outer cm")
except TypeError:
    print("not expected")

for bad in (object(), 42, "str"):
    try:
        contextlib.ExitStack().enter_context(bad)
    except TypeError as e:
        print("TypeError:", e)

class Plain:
    pass

try:
    contextlib.ExitStack().enter_context(Plain())
except TypeError as e:
    print("TypeError:", e.args[0].replace(__name__, "MOD"))

with contextlib.ExitStack() as outer:
    inner = outer.enter_context(contextlib.ExitStack())
    inner.callback(print, "inner stack callback")
    outer.callback(print, "outer stack callback")
print(isinstance(contextlib.ExitStack(), contextlib.AbstractContextManager))
