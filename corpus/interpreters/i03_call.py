# Interpreter.call: the function runs in the other interpreter (its globals
# are that interpreter's), arguments and results are copied or pickled.
from concurrent import interpreters

COUNTER = 0


def bump(n, step=1):
    global COUNTER
    COUNTER += n * step
    return COUNTER


def describe(value):
    return (type(value).__name__, value)


def make_list(n):
    return [i * i for i in range(n)]


def boom():
    raise KeyError('missing')


if __name__ == "__main__":
    interp = interpreters.create()
    print(interp.call(bump, 2))
    print(interp.call(bump, 3, step=10))
    print("here COUNTER is still", COUNTER)
    for v in [None, True, 7, 2**70, 1.5, "text", b"raw", (1, ("nested", None))]:
        print(interp.call(describe, v))
    print(interp.call(describe, [1, 2]))
    print(interp.call(describe, {"k": 1}))
    print(interp.call(make_list, 5))
    print(interp.call(len, "abcd"))
    try:
        interp.call(boom)
    except interpreters.ExecutionFailed as e:
        print(e.excinfo.type.__name__, e.excinfo.msg)
    interp.close()
