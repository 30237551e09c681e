# The gc module's API.
import gc

print(gc.isenabled(), gc.get_threshold())
gc.disable()
print(gc.isenabled())
gc.enable()
gc.set_threshold(500, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
gc.collect()
print(gc.get_count()[1:])
print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked([]), gc.is_tracked((1, 2)) in (True, False))
t = (1, "x")
gc.collect()
print("atom tuple untracked:", gc.is_tracked(t))
u = ([],)
gc.collect()
print("tuple of a list tracked:", gc.is_tracked(u))
l = [1, "two", (3,)]
print(gc.get_referents(l) == [1, "two", (3,)])
holder = [l]
print(holder in gc.get_referrers(l))
stats = gc.get_stats()
print(len(stats), sorted(stats[0]))
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug())
x = []
x.append(x)
del x
print(gc.collect(), len(gc.garbage), gc.garbage[0][0] is gc.garbage[0])
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect())
for bad in (3, -1):
    try:
        gc.collect(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    gc.get_objects(5)
except ValueError as e:
    print("ValueError:", e)
gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())
print(isinstance(gc.get_objects(), list))
