"""How objects reduce for pickling (CPython's `Lib/copyreg.py`, written
for ftl's subset).

`object.__reduce_ex__(protocol)` and `object.__reduce__()` (native, in
crates/vm/src/builtins/object.rs) call `_reduce_object` here: a class that
overrides `__reduce__` is asked for it; otherwise an instance of a user
class reduces to `(__newobj__, (cls,), state, None, None)` from protocol 2
on, and to `(_reconstructor, (cls, base, base(obj)), state)` below it
(`base` the first built-in class of the MRO, `object` giving None), where
`state` is `obj.__getstate__()` (its `__dict__`, or None when empty).
Objects of built-in types are pickled by the pickler itself, not through
here: this module refuses them with CPython's "cannot pickle" TypeError.
(CPython reduces some of them, `(3).__reduce_ex__(2)` and
`print.__reduce_ex__(2)` for instance; ftl does not yet.)

Not built: the `dispatch_table` registry (`pickle`/`copyreg.pickle`) and
the extension registry (`add_extension`).
"""

__all__ = ['constructor', '__newobj__', '__newobj_ex__', '_reconstructor']


def constructor(object):
    if not callable(object):
        raise TypeError("constructors must be callable")


def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


def _reconstructor(cls, base, state):
    if base is object:
        return object.__new__(cls)
    obj = base.__new__(cls, state)
    if base.__init__ != object.__init__:
        base.__init__(obj, state)
    return obj


def _reduce_object(obj, proto, user_instance):
    cls = type(obj)
    reduce = getattr(cls, '__reduce__', None)
    if reduce is not None and reduce is not object.__reduce__:
        return obj.__reduce__()
    if not user_instance:
        name = cls.__qualname__
        if cls.__module__ != 'builtins':
            name = cls.__module__ + '.' + name
        raise TypeError("cannot pickle '" + name + "' object")
    state = obj.__getstate__()
    if proto >= 2:
        getnewargs = getattr(obj, '__getnewargs__', None)
        args = () if getnewargs is None else getnewargs()
        if type(args) is not tuple:
            raise TypeError("__getnewargs__ should return a tuple, not '"
                            + type(args).__name__ + "'")
        return (__newobj__, (cls,) + args, state, None, None)
    # Protocols 0 and 1: rebuilt from the first built-in base's value
    # (a tuple subclass's instance from its tuple), as CPython's
    # `_reduce_ex` does.
    for base in cls.__mro__:
        if not base.__flags__ & _HEAPTYPE:
            break
    else:
        base = object
    if base is object:
        base_state = None
    else:
        if base is cls:
            raise TypeError(f"cannot pickle {cls.__name__!r} object")
        base_state = base(obj)
    if state:
        return (_reconstructor, (cls, base, base_state), state)
    return (_reconstructor, (cls, base, base_state))


_HEAPTYPE = 1 << 9
