# Registering an ABC as a virtual subclass of its own subclass.
from abc import ABC


class Base(ABC):
    pass


class Derived(Base):
    pass


Derived.register(Base)
