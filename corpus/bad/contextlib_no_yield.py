# A @contextmanager generator that returns without yielding.
import contextlib

@contextlib.contextmanager
def empty():
    if False:
        yield

with empty():
    print("not reached")
