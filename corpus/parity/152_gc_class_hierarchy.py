# A class hierarchy that is garbage is collected: each class refers to
# its base (and the subclass's methods to the subclass, through super()),
# and the collector must see every one of those references.
# (sys._clear_type_cache() first: ftl's per-thread type attribute cache
# holds its classes strongly, CPython's method cache does not.)
import gc
import sys
import weakref


def make():
    class Base:
        def greet(self):
            return "base"

        def again(self):
            return super().__repr__() is not None

    class Middle(Base):
        def greet(self):
            return "middle/" + super().greet()

    class Leaf(Middle):
        def greet(self):
            return "leaf/" + super().greet()

    print(Leaf().greet(), Leaf().again())
    return [weakref.ref(c) for c in (Base, Middle, Leaf)]


gc.collect()
refs = make()
print([r() is None for r in refs])
sys._clear_type_cache()
gc.collect()
print([r() is None for r in refs])
