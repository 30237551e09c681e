"""abc: abstract base classes (ftl's frozen module ``abc``).

Covers CPython 3.11's public names: ABCMeta (register, __instancecheck__,
__subclasscheck__ with their positive and negative caches,
_dump_registry, _abc_registry_clear, _abc_caches_clear), ABC,
abstractmethod, abstractclassmethod, abstractstaticmethod,
abstractproperty, get_cache_token and update_abstractmethods.

How it is built (CPython's C accelerator `_abc` is not used):
* Each class made by ABCMeta carries `_abc_registry` (classes passed to
  register), `_abc_cache` / `_abc_negative_cache` (classes already found
  to be, or not to be, virtual subclasses) and
  `_abc_negative_cache_version`; all three sets are weakref.WeakSets, so
  they do not keep classes alive.  Registering any class bumps a global
  counter (get_cache_token()), which makes every negative cache stale.
* The subclass search walks the ABC's own subclasses.  ftl has no
  `type.__subclasses__()` yet, so ABCMeta records each class it makes in
  its bases' `_abc_subclasses` WeakSet (every subclass of an ABC is made
  by ABCMeta or a subclass of it, so nothing is missed).
* Instantiating a class with abstract methods raises CPython's
  "Can't instantiate abstract class X with abstract method(s) a, b"
  TypeError from ABCMeta.__call__.  CPython does this in object.__new__,
  for any class whose __abstractmethods__ is non-empty (so also
  `X.__new__(X)`); ftl's object.__new__ does not look yet.
* Thread safety: the global counter is bumped under a lock; the caches
  are sets whose add/discard/contains are atomic on ftl, and a race can
  only make a lookup be computed twice.

Needs from ftl's language (written as natural code): isinstance() /
issubclass() calling a metaclass's __instancecheck__ / __subclasscheck__;
property / classmethod / staticmethod exposing __isabstractmethod__ of
their functions (so `@property` over `@abstractmethod` counts as
abstract) and being subclassable (abstractproperty, abstractclassmethod
and abstractstaticmethod derive from them); object.__subclasshook__ (a
class without one is treated as if it returned NotImplemented).
"""

import _thread
from weakref import WeakSet

__all__ = ['ABCMeta', 'ABC', 'abstractmethod', 'abstractclassmethod',
           'abstractstaticmethod', 'abstractproperty', 'get_cache_token',
           'update_abstractmethods']


def abstractmethod(funcobj):
    """Mark funcobj abstract: a class made by ABCMeta that still has it
    (not overridden) cannot be instantiated.  Apply it innermost when
    stacking decorators."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    """A classmethod that is abstract (deprecated: stack @classmethod
    over @abstractmethod instead)."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    """A staticmethod that is abstract (deprecated: stack @staticmethod
    over @abstractmethod instead)."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    """A property that is abstract (deprecated: stack @property over
    @abstractmethod instead)."""

    __isabstractmethod__ = True


# The invalidation counter: bumped by every register() call.
_counter_lock = _thread.allocate_lock()
_invalidation_counter = 0


def get_cache_token():
    """The current ABC cache token: it changes whenever a class is
    registered with any ABC."""
    return _invalidation_counter


def _abstracts_of(cls, namespace, bases):
    """The names that stay abstract in cls: its own abstract attributes
    and every base's abstract name that cls has not overridden."""
    names = set()
    for name, value in namespace.items():
        if getattr(value, "__isabstractmethod__", False):
            names.add(name)
    for base in bases:
        for name in getattr(base, "__abstractmethods__", ()):
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                names.add(name)
    return frozenset(names)


class ABCMeta(type):
    """The metaclass of abstract base classes.

    A class made by it records its abstract methods (refusing to be
    instantiated while any is left) and accepts virtual subclasses:
    classes passed to register(), which isinstance() and issubclass()
    then count as subclasses although the ABC is not in their MRO and
    lends them no methods.  A class's __subclasshook__ may also decide
    issubclass() structurally.
    """

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _abstracts_of(cls, namespace, bases)
        cls._abc_registry = WeakSet()
        cls._abc_cache = WeakSet()
        cls._abc_negative_cache = WeakSet()
        cls._abc_negative_cache_version = _invalidation_counter
        cls._abc_subclasses = WeakSet()
        for base in bases:
            subclasses = base.__dict__.get('_abc_subclasses')
            if subclasses is not None:
                subclasses.add(cls)
        return cls

    def __call__(cls, *args, **kwargs):
        abstracts = cls.__abstractmethods__
        if abstracts:
            names = sorted(abstracts)
            raise TypeError(
                "Can't instantiate abstract class %s with abstract method%s %s"
                % (cls.__name__, "s" if len(names) > 1 else "",
                   ", ".join(names)))
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        """Make subclass a virtual subclass of this ABC; returns subclass
        (so it also works as a class decorator)."""
        global _invalidation_counter
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass  # Nothing to do (X.register(X) included).
        if issubclass(cls, subclass):
            # The subclass search below would never end.
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.add(subclass)
        with _counter_lock:
            _invalidation_counter += 1  # Every negative cache is now stale.
        return subclass

    def _dump_registry(cls, file=None):
        """Print the registry and caches (a debugging aid)."""
        print("Class: %s.%s" % (cls.__module__, cls.__qualname__), file=file)
        print("Inv. counter: %s" % get_cache_token(), file=file)
        for name in ('_abc_registry', '_abc_cache', '_abc_negative_cache',
                     '_abc_negative_cache_version'):
            value = getattr(cls, name)
            if isinstance(value, WeakSet):
                value = set(value)
            print("%s: %r" % (name, value), file=file)

    def _abc_registry_clear(cls):
        """Forget every registered class (for tests)."""
        cls._abc_registry = WeakSet()

    def _abc_caches_clear(cls):
        """Forget the cached answers (for tests)."""
        cls._abc_cache = WeakSet()
        cls._abc_negative_cache = WeakSet()

    def __instancecheck__(cls, instance):
        """Override for isinstance(instance, cls)."""
        subclass = instance.__class__
        if subclass in cls._abc_cache:
            return True
        subtype = type(instance)
        if subtype is subclass:
            if (cls._abc_negative_cache_version == _invalidation_counter
                    and subclass in cls._abc_negative_cache):
                return False
            return cls.__subclasscheck__(subclass)
        return cls.__subclasscheck__(subclass) or cls.__subclasscheck__(subtype)

    def __subclasscheck__(cls, subclass):
        """Override for issubclass(subclass, cls)."""
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        if subclass in cls._abc_cache:
            return True
        token = _invalidation_counter
        if cls._abc_negative_cache_version < token:
            # A class was registered since: the negative cache is stale.
            cls._abc_negative_cache = WeakSet()
            cls._abc_negative_cache_version = token
        elif subclass in cls._abc_negative_cache:
            return False
        # 1. The class's own hook decides when it says True or False.
        hook = getattr(cls, '__subclasshook__', None)
        ok = NotImplemented if hook is None else hook(subclass)
        if ok is not NotImplemented:
            if not isinstance(ok, bool):
                raise AssertionError(
                    "__subclasshook__ must return either False, True, "
                    "or NotImplemented")
            if ok:
                cls._abc_cache.add(subclass)
            else:
                cls._abc_negative_cache.add(subclass)
            return ok
        # 2. A real subclass.
        if cls in getattr(subclass, '__mro__', ()):
            cls._abc_cache.add(subclass)
            return True
        # 3. A subclass of a registered class.
        for rcls in cls._abc_registry:
            if issubclass(subclass, rcls):
                cls._abc_cache.add(subclass)
                return True
        # 4. A subclass of one of cls's subclasses.
        for scls in cls._abc_subclasses:
            if issubclass(subclass, scls):
                cls._abc_cache.add(subclass)
                return True
        cls._abc_negative_cache.add(subclass)
        return False


def update_abstractmethods(cls):
    """Recompute cls.__abstractmethods__ after methods were added to or
    replaced on cls since its creation; a class that does not track
    abstract methods is left alone.  Returns cls (a class decorator).
    """
    if not hasattr(cls, '__abstractmethods__'):
        # Not made by ABCMeta (nor by a class that records abstract
        # methods): nothing to update.
        return cls
    cls.__abstractmethods__ = _abstracts_of(cls, cls.__dict__, cls.__bases__)
    return cls


class ABC(metaclass=ABCMeta):
    """A base class whose metaclass is ABCMeta: `class X(ABC)` makes an
    ABC without naming the metaclass."""
    __slots__ = ()
