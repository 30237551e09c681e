"""Weak references: the Python half of CPython's Lib/weakref.py, written
for ftl over its native `_weakref` (ref, getweakrefcount, getweakrefs).

`proxy` makes a weak proxy (`ProxyType`, or `CallableProxyType` for a
callable referent): it forwards attribute access, calls and operators to
the referent and raises ReferenceError once the referent is gone. It is
written in Python over a `ref` here (CPython's is native); see
`docs/gc.md` for where that shows.

WeakValueDictionary, WeakKeyDictionary and WeakSet drop an entry when its
weakly held object dies (the weakref's callback removes it); finalize
calls a function once when an object dies, or when it is called, or at
exit if `atexit` is set (ftl runs these at exit only when the object dies
first: there is no atexit module yet).
"""

from _weakref import ref, getweakrefcount, getweakrefs, ReferenceType

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs", "ReferenceType",
           "ProxyType", "CallableProxyType", "ProxyTypes",
           "WeakValueDictionary", "WeakKeyDictionary", "WeakSet", "finalize"]


def _referent(p):
    o = p.__dict__["_weakproxy__ref"]()
    if o is None:
        raise ReferenceError("weakly-referenced object no longer exists")
    return o


class ProxyType:
    """A weak proxy: the referent's attributes and operators, while it
    lives (CPython's `weakref.ProxyType`)."""

    def __init__(self, obj, callback=None):
        if callback is None:
            r = ref(obj)
        else:
            me = ref(self)

            def call_back(_wr):
                p = me()
                if p is not None:
                    callback(p)
            r = ref(obj, call_back)
        self.__dict__["_weakproxy__ref"] = r

    def __getattr__(self, name):
        return getattr(_referent(self), name)

    def __setattr__(self, name, value):
        setattr(_referent(self), name, value)

    def __delattr__(self, name):
        delattr(_referent(self), name)

    def __repr__(self):
        o = self.__dict__["_weakproxy__ref"]()
        return "<weakproxy at %#x to %s at %#x>" % (id(self), type(o).__name__, id(o))

    def __str__(self):
        return str(_referent(self))

    def __bool__(self):
        return bool(_referent(self))

    def __hash__(self):
        raise TypeError("unhashable type: 'weakref.%s'" % type(self).__name__)

    def __len__(self):
        return len(_referent(self))

    def __iter__(self):
        return iter(_referent(self))

    def __next__(self):
        return next(_referent(self))

    def __contains__(self, item):
        return item in _referent(self)

    def __getitem__(self, key):
        return _referent(self)[key]

    def __setitem__(self, key, value):
        _referent(self)[key] = value

    def __delitem__(self, key):
        del _referent(self)[key]

    def __eq__(self, other):
        return _referent(self) == _unwrap(other)

    def __ne__(self, other):
        return _referent(self) != _unwrap(other)

    def __lt__(self, other):
        return _referent(self) < _unwrap(other)

    def __le__(self, other):
        return _referent(self) <= _unwrap(other)

    def __gt__(self, other):
        return _referent(self) > _unwrap(other)

    def __ge__(self, other):
        return _referent(self) >= _unwrap(other)

    def __add__(self, other):
        return _referent(self) + _unwrap(other)

    def __radd__(self, other):
        return _unwrap(other) + _referent(self)

    def __sub__(self, other):
        return _referent(self) - _unwrap(other)

    def __rsub__(self, other):
        return _unwrap(other) - _referent(self)

    def __mul__(self, other):
        return _referent(self) * _unwrap(other)

    def __rmul__(self, other):
        return _unwrap(other) * _referent(self)

    def __truediv__(self, other):
        return _referent(self) / _unwrap(other)

    def __rtruediv__(self, other):
        return _unwrap(other) / _referent(self)

    def __floordiv__(self, other):
        return _referent(self) // _unwrap(other)

    def __rfloordiv__(self, other):
        return _unwrap(other) // _referent(self)

    def __mod__(self, other):
        return _referent(self) % _unwrap(other)

    def __rmod__(self, other):
        return _unwrap(other) % _referent(self)

    def __pow__(self, other):
        return _referent(self) ** _unwrap(other)

    def __rpow__(self, other):
        return _unwrap(other) ** _referent(self)

    def __and__(self, other):
        return _referent(self) & _unwrap(other)

    def __rand__(self, other):
        return _unwrap(other) & _referent(self)

    def __or__(self, other):
        return _referent(self) | _unwrap(other)

    def __ror__(self, other):
        return _unwrap(other) | _referent(self)

    def __xor__(self, other):
        return _referent(self) ^ _unwrap(other)

    def __rxor__(self, other):
        return _unwrap(other) ^ _referent(self)

    def __lshift__(self, other):
        return _referent(self) << _unwrap(other)

    def __rshift__(self, other):
        return _referent(self) >> _unwrap(other)

    def __iadd__(self, other):
        o = _referent(self)
        o += _unwrap(other)
        return self

    def __isub__(self, other):
        o = _referent(self)
        o -= _unwrap(other)
        return self

    def __imul__(self, other):
        o = _referent(self)
        o *= _unwrap(other)
        return self

    def __neg__(self):
        return -_referent(self)

    def __pos__(self):
        return +_referent(self)

    def __abs__(self):
        return abs(_referent(self))

    def __invert__(self):
        return ~_referent(self)

    def __int__(self):
        return int(_referent(self))

    def __float__(self):
        return float(_referent(self))


class CallableProxyType(ProxyType):
    """A weak proxy to a callable (CPython's `weakref.CallableProxyType`)."""

    def __call__(self, *args, **kwargs):
        return _referent(self)(*args, **kwargs)


ProxyTypes = (ProxyType, CallableProxyType)


def _unwrap(o):
    if isinstance(o, ProxyTypes):
        return _referent(o)
    return o


def proxy(obj, callback=None):
    """A weak proxy to `obj`; `callback`, if given, is called with the
    proxy when `obj` dies (CPython shares one proxy per object when there
    is no callback; ftl makes a new one each time)."""
    if callable(obj):
        return CallableProxyType(obj, callback)
    return ProxyType(obj, callback)


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
