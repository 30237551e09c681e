"""Weak references: the Python half of CPython's Lib/weakref.py, written
for ftl over its native `_weakref` (ref, getweakrefcount, getweakrefs).

WeakValueDictionary, WeakKeyDictionary and WeakSet drop an entry when its
weakly held object dies (the weakref's callback removes it); finalize
calls a function once when an object dies, or when it is called, or at
exit if `atexit` is set (ftl runs these at exit only when the object dies
first: there is no atexit module yet).
"""

from _weakref import ref, getweakrefcount, getweakrefs, ReferenceType

__all__ = ["ref", "getweakrefcount", "getweakrefs", "ReferenceType",
           "WeakValueDictionary", "WeakKeyDictionary", "WeakSet", "finalize"]


class WeakValueDictionary:
    """A mapping whose values are held weakly."""

    def __init__(self, other=(), **kw):
        self.data = {}
        self.update(other, **kw)

    def _remover(self, key):
        selfref = ref(self)

        def remove(wr):
            d = selfref()
            if d is not None and d.data.get(key) is wr:
                del d.data[key]
        return remove

    def __setitem__(self, key, value):
        self.data[key] = ref(value, self._remover(key))

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __delitem__(self, key):
        del self.data[key]

    def __contains__(self, key):
        wr = self.data.get(key)
        return wr is not None and wr() is not None

    def __len__(self):
        return len(self.keys())

    def __iter__(self):
        return iter(self.keys())

    def __repr__(self):
        return "<WeakValueDictionary at %#x>" % id(self)

    def get(self, key, default=None):
        wr = self.data.get(key)
        if wr is None:
            return default
        o = wr()
        return default if o is None else o

    def keys(self):
        return [k for k, wr in list(self.data.items()) if wr() is not None]

    def values(self):
        out = []
        for wr in list(self.data.values()):
            o = wr()
            if o is not None:
                out.append(o)
        return out

    def items(self):
        out = []
        for k, wr in list(self.data.items()):
            o = wr()
            if o is not None:
                out.append((k, o))
        return out

    def pop(self, key, *default):
        wr = self.data.pop(key, None)
        o = None if wr is None else wr()
        if o is None:
            if default:
                return default[0]
            raise KeyError(key)
        return o

    def setdefault(self, key, default=None):
        o = self.get(key)
        if o is None:
            self[key] = default
            return default
        return o

    def update(self, other=(), **kw):
        if hasattr(other, "items"):
            other = other.items()
        for k, v in other:
            self[k] = v
        for k, v in kw.items():
            self[k] = v

    def copy(self):
        return WeakValueDictionary(self.items())


class WeakKeyDictionary:
    """A mapping whose keys are held weakly."""

    def __init__(self, other=()):
        self.data = {}
        selfref = ref(self)

        def remove(wr):
            d = selfref()
            if d is not None:
                d.data.pop(wr, None)
        self._remove = remove
        self.update(other)

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def __len__(self):
        return len(self.keys())

    def __iter__(self):
        return iter(self.keys())

    def __repr__(self):
        return "<WeakKeyDictionary at %#x>" % id(self)

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def keys(self):
        out = []
        for wr in list(self.data.keys()):
            o = wr()
            if o is not None:
                out.append(o)
        return out

    def values(self):
        return [v for wr, v in list(self.data.items()) if wr() is not None]

    def items(self):
        out = []
        for wr, v in list(self.data.items()):
            o = wr()
            if o is not None:
                out.append((o, v))
        return out

    def pop(self, key, *default):
        return self.data.pop(ref(key), *default)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, other=()):
        if hasattr(other, "items"):
            other = other.items()
        for k, v in other:
            self[k] = v


class WeakSet:
    """A set whose members are held weakly."""

    def __init__(self, data=()):
        self.data = set()
        selfref = ref(self)

        def remove(wr):
            s = selfref()
            if s is not None:
                s.data.discard(wr)
        self._remove = remove
        for item in data:
            self.add(item)

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def discard(self, item):
        self.data.discard(ref(item))

    def remove(self, item):
        self.data.remove(ref(item))

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __iter__(self):
        out = []
        for wr in list(self.data):
            o = wr()
            if o is not None:
                out.append(o)
        return iter(out)

    def __len__(self):
        return len([wr for wr in list(self.data) if wr() is not None])

    def __repr__(self):
        return "<WeakSet at %#x>" % id(self)


class finalize:
    """Calls func(*args, **kwargs) once: when obj dies, or when called."""

    _registry = {}

    def __init__(self, obj, func, *args, **kwargs):
        self._key = object()
        finalize._registry[self._key] = (func, args, kwargs)
        key = self._key

        def on_death(wr):
            entry = finalize._registry.pop(key, None)
            if entry is not None:
                f, a, k = entry
                f(*a, **k)
        self._ref = ref(obj, on_death)
        self.atexit = True

    def __call__(self, _=None):
        entry = finalize._registry.pop(self._key, None)
        if entry is not None:
            f, a, k = entry
            return f(*a, **k)

    def detach(self):
        entry = finalize._registry.pop(self._key, None)
        obj = self._ref()
        if entry is not None and obj is not None:
            return (obj, entry[0], entry[1], entry[2])

    def peek(self):
        entry = finalize._registry.get(self._key)
        obj = self._ref()
        if entry is not None and obj is not None:
            return (obj, entry[0], entry[1], entry[2])

    @property
    def alive(self):
        return self._key in finalize._registry
