# gc.callbacks: called with "start" and "stop" and an info dict; an
# exception in a callback is reported, not raised.
import gc

seen = []

def cb(phase, info):
    seen.append((phase, info["generation"], sorted(info)))

gc.callbacks.append(cb)
x = []
x.append(x)
del x
gc.collect(1)
gc.callbacks.remove(cb)
for s in seen:
    print(s)
gc.collect()
print(len(seen))

def stop_info(phase, info):
    if phase == "stop":
        print("stop:", info["collected"] >= 1)

gc.callbacks.append(stop_info)
y = []
y.append(y)
del y
gc.collect()
gc.callbacks.clear()
print("done")
