# A __del__ that raises inside a collected cycle: the exception is
# reported on stderr ("Exception ignored in: ...") and the collection and
# the program go on; the other finalizers of the group still run.
import gc

ran = []

class Bad:
    def __del__(self):
        ran.append("bad")
        1 / 0

class Good:
    def __del__(self):
        ran.append("good")

b = Bad()
g = Good()
b.other = g
g.other = b
del b, g
found = gc.collect()
print("collected:", found > 0)
print("finalizers:", sorted(ran))
print("still running")
