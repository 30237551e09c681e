# PEP 442: objects with __del__ in a cycle are finalized, once each, and
# freed; a finalizer sees its partner still intact.
import gc

log = []

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        log.append((self.name, self.other.name if self.other else None))

a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
print("before collect:", log)
found = gc.collect()
print("found something:", found > 0)
print("finalized:", sorted(log))
log.clear()
print("again:", gc.collect() == 0, log)

# A bigger group: ten nodes in a ring, each finalized once.
nodes = [Node(str(i)) for i in range(10)]
for i, n in enumerate(nodes):
    n.other = nodes[(i + 1) % 10]
del nodes, n
gc.collect()
print("ring finalized:", len(log), len(set(name for name, _ in log)))
