# Generators as coroutines: send(), throw() and close(), through
# `yield from` delegation too (PEP 342 / PEP 380), with CPython's errors.
def averager():
    total = 0
    count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            break
        total += value
        count += 1
        avg = total / count
    return avg


g = averager()
print(next(g), g.send(10), g.send(20), g.send(60))
try:
    g.send(None)
except StopIteration as e:
    print("StopIteration", e.value)


def guarded():
    try:
        while True:
            try:
                x = yield "ready"
                print("got", x)
            except ValueError as e:
                print("handled", e)
                yield "recovered"
    finally:
        print("cleanup")


g = guarded()
print(next(g))
print(g.send(1))
print(g.throw(ValueError("bad")))
print(next(g))
g.close()
print("closed")
try:
    g.send(5)
except StopIteration:
    print("finished after close")


def inner():
    try:
        received = yield 1
        print("inner got", received)
        received = yield 2
        print("inner got", received)
    except KeyError as e:
        print("inner caught", e)
        yield "inner recovered"
    return "inner result"


def outer():
    result = yield from inner()
    print("outer got result", result)
    yield "outer done"


g = outer()
print(next(g), g.send("a"), g.send("b"))
g = outer()
print(next(g), g.throw(KeyError("k")))
print(next(g))


def stubborn():
    while True:
        try:
            yield 1
        except GeneratorExit:
            yield 2


g = stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)

g = averager()
try:
    g.send(5)
except TypeError as e:
    print("TypeError:", e)

g = averager()
try:
    g.throw(ZeroDivisionError)
except ZeroDivisionError:
    print("thrown into a fresh generator")
print(next(g, "exhausted"))


def counter():
    n = 0
    while True:
        n += 1
        yield n


c = counter()
print(c.__next__(), next(c), iter(c) is c, c.throw(StopIteration) if False else "skip")
c.close()
print(list(c))
