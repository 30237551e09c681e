# Resurrection: a finalizer stores its object; the whole group survives
# the collection, the finalizer never runs again, and the group is freed
# for good once the stored reference goes.
import gc

saved = []
calls = []

class Phoenix:
    def __init__(self):
        self.friend = None

    def __del__(self):
        calls.append("del")
        saved.append(self)

p = Phoenix()
p.friend = [p, "feather"]
del p
gc.collect()
print("calls:", calls)
print("saved:", len(saved), saved[0].friend[1], saved[0].friend[0] is saved[0])
print("finalized:", gc.is_finalized(saved[0]))
saved.clear()
gc.collect()
print("calls after the second collection:", calls)
print("nothing left:", gc.collect())
