# Reference cycles of lists and dicts: refcounting cannot free them, the
# collector finds them, and gc.collect() returns how many objects it found.
import gc

gc.collect()
a = []
a.append(a)
del a
print("self-referencing list:", gc.collect())

a = []
b = [a]
a.append(b)
del a, b
print("two lists:", gc.collect())

d = {}
l = [d]
d["l"] = l
del d, l
print("dict and list:", gc.collect())

keep = []
keep.append(keep)
print("reachable cycle kept:", gc.collect(), len(keep))
del keep
print("then freed:", gc.collect())

t = ([],)
t[0].append(t)
del t
print("tuple and list:", gc.collect())

chain = [None]
head = chain
for i in range(1000):
    nxt = [None]
    chain[0] = nxt
    chain = nxt
chain[0] = head
del head, chain, nxt
print("a ring of 1001 lists:", gc.collect())
print("nothing left:", gc.collect())
