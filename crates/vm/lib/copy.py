"""Shallow and deep copies of arbitrary objects: copy.copy(x) and
copy.deepcopy(x[, memo]); copy.Error for what cannot be copied.

ftl's `copy`, frozen into the binary, following CPython 3.11's rules:
* Immutable atoms (None, bool, int, float, complex, str, bytes, tuple and
  frozenset for a shallow copy, range, slice, property, ellipsis,
  NotImplemented, functions, built-in functions, classes, weak
  references) come back as they are. A deep copy rebuilds a tuple only if
  one of its items changed, and always rebuilds a frozenset and a slice
  (CPython reaches those through their __reduce_ex__).
* list, dict, set and bytearray are copied by their .copy(); a deep copy
  of a list or dict records the new container in the memo before copying
  the items (so it can contain itself); a set or frozenset is built from
  its copied items and recorded after, as CPython's reduce path does.
* A bound method's shallow copy looks the method up again on the same
  object; its deep copy binds the function to a deep copy of the object.
* Otherwise a class's __copy__ / __deepcopy__(memo) is used, else the
  object's __reduce_ex__(4) (ftl's object.__reduce_ex__ comes from the
  frozen copyreg) or __reduce__, and the result is rebuilt the way pickle
  would: callable(*args), then state (via __setstate__, or into __dict__
  plus a (dict, slots) pair's slot values), then list items and dict
  items. A reduce result that is a string means "the object itself".
* deepcopy's memo maps id(original) -> copy, and keeps every original it
  copied alive in a list under the memo's own id, as CPython does.

Left out: copyreg.dispatch_table (ftl's copyreg has none; consulted when
present), and code objects.
"""

import copyreg
from _weakref import ref as _weakref_ref

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error   # backward compatibility


class _Probe:
    def method(self):
        pass


_FunctionType = type(_Probe.method)
_MethodType = type(_Probe().method)
_BuiltinType = type(len)
del _Probe

# Types that are never copied, shallow or deep.
_atomic = {type(None), type(Ellipsis), type(NotImplemented), int, float,
           bool, str, bytes, type, range, property, _FunctionType,
           _BuiltinType, _weakref_ref}
try:
    _atomic.add(complex)
except NameError:   # a build of ftl without complex
    pass

# Shallow copy: these too come back as they are.
_shallow_atomic = _atomic | {tuple, frozenset, slice}


def copy(x):
    """A shallow copy of x."""
    cls = type(x)
    if cls in _shallow_atomic:
        return x
    if cls is list or cls is dict or cls is set or cls is bytearray:
        return x.copy()
    if cls is _MethodType:
        return getattr(x.__self__, x.__func__.__name__)
    if issubclass(cls, type):
        return x

    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)

    rv = _reduce(x, cls, 'un(shallow)copyable object of type %s')
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def _reduce(x, cls, message):
    reductor = getattr(copyreg, 'dispatch_table', {}).get(cls)
    if reductor is not None:
        return reductor(x)
    reductor = getattr(x, "__reduce_ex__", None)
    if reductor is not None:
        return reductor(4)
    reductor = getattr(x, "__reduce__", None)
    if reductor is not None:
        return reductor()
    raise Error(message % (cls,))


def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x; memo maps id(original) to its copy."""
    if memo is None:
        memo = {}

    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y

    cls = type(x)
    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x, cls, 'un(deep)copyable object of type %s')
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)

    # A copy that is the original itself is not recorded.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _deepcopy_atomic(x, memo):
    return x


def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    append = y.append
    for item in x:
        append(deepcopy(item, memo))
    return y


def _deepcopy_tuple(x, memo):
    y = [deepcopy(item, memo) for item in x]
    # Copying the items may have copied x itself (through a list inside it).
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for old, new in zip(x, y):
        if old is not new:
            return tuple(y)
    return x


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _deepcopy_set(x, memo):
    # Like CPython (through set's __reduce_ex__): the items first, then the
    # new set, which deepcopy() records in the memo.
    return set([deepcopy(item, memo) for item in x])


def _deepcopy_frozenset(x, memo):
    return frozenset([deepcopy(item, memo) for item in x])


def _deepcopy_bytearray(x, memo):
    return bytearray(x)


def _deepcopy_slice(x, memo):
    return slice(deepcopy(x.start, memo), deepcopy(x.stop, memo),
                 deepcopy(x.step, memo))


def _deepcopy_method(x, memo):
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


_deepcopy_dispatch = {t: _deepcopy_atomic for t in _atomic}
_deepcopy_dispatch[list] = _deepcopy_list
_deepcopy_dispatch[tuple] = _deepcopy_tuple
_deepcopy_dispatch[dict] = _deepcopy_dict
_deepcopy_dispatch[set] = _deepcopy_set
_deepcopy_dispatch[frozenset] = _deepcopy_frozenset
_deepcopy_dispatch[bytearray] = _deepcopy_bytearray
_deepcopy_dispatch[slice] = _deepcopy_slice
_deepcopy_dispatch[_MethodType] = _deepcopy_method


def _keep_alive(x, memo):
    """Keeps a reference to x in the memo, so that its id is not reused by
    another object while the deep copy runs."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None,
                 *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y
