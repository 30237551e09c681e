"""functools: tools for working with functions and callable objects.

ftl's `functools`, frozen into the binary, with CPython 3.11's names,
signatures, reprs and error messages for: reduce, partial, partialmethod,
update_wrapper / wraps (WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES,
__wrapped__), lru_cache (maxsize, typed, cache_info(), cache_clear(),
cache_parameters()), cache, total_ordering, cmp_to_key (KeyWrapper),
cached_property, singledispatch and singledispatchmethod.

How it differs from CPython's C accelerator (_functools):
* An lru_cache / cache wrapper is a plain function carrying cache_info,
  cache_clear, cache_parameters and __wrapped__ as attributes (the form
  CPython itself uses when _functools is missing), so it binds as a method
  like any function; `type(f).__name__` is 'function', not
  '_lru_cache_wrapper'. A bounded cache keeps its entries on a circular
  doubly linked list of [prev, next, key, result] cells with a dict from
  key to cell; bookkeeping runs under a lock, the user function outside
  it, and a result computed twice by racing threads is stored once. An
  unbounded cache needs no order and takes no lock (dict reads and writes
  are atomic). Hits and misses are counted per thread and summed by
  cache_info(), so the counts stay exact under free threading without a
  lock on the hit path.
* CacheInfo is a small tuple-like class (fields, indexing, iteration,
  equality with tuples, CPython's repr), not a namedtuple: ftl has no
  collections yet. It is not an instance of tuple.
* singledispatch's `registry` is the registry dict itself (CPython gives
  a read-only mappingproxy). Dispatch follows the class's __mro__; a
  registered class that is not in it but that issubclass() accepts (an
  ABC) is tried after the MRO's own classes and before object, without
  CPython's "Ambiguous dispatch" check. The dispatch cache is a dict
  keyed by class (CPython's holds classes weakly). Annotations that are
  strings are looked up by name in the function's globals.
* partial's repr has no guard for a partial that contains itself;
  partial's func/args/keywords can be reassigned (CPython's are
  read-only); no partial[...] (__class_getitem__).

Needs from ftl's language (written as natural code): assignable function
__name__/__qualname__/__doc__ (update_wrapper), function
__annotations__ (singledispatch's register by annotation), __get__ on
user-defined descriptors, function.__get__ and classmethod /
staticmethod .__get__ (cached_property, partialmethod,
singledispatchmethod), and __slots__ kept out of the instance __dict__
(partial.__dict__).
"""

from _thread import RLock, allocate_lock, get_ident as _get_ident

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce',
           'partial', 'partialmethod', 'singledispatch', 'singledispatchmethod',
           'cached_property']

# Marks "not given" where None is a legal value.
_MISSING = object()


# --- update_wrapper() and wraps() decorator

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Makes wrapper look like wrapped: copies the attributes named in
    assigned, updates those named in updated, and sets __wrapped__.
    Returns wrapper.
    """
    for name in assigned:
        value = getattr(wrapped, name, _MISSING)
        if value is not _MISSING:
            setattr(wrapper, name, value)
    for name in updated:
        getattr(wrapper, name).update(getattr(wrapped, name, {}))
    # Set last, so that a __wrapped__ copied from wrapped's __dict__ does not
    # win over wrapped itself.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator form of update_wrapper(): wraps(f)(g) is
    update_wrapper(g, f).
    """
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned,
                   updated=updated)


# --- total_ordering class decorator

# Each derived method asks the class's own root method first and gives back
# NotImplemented untouched.

def _gt_from_lt(self, other):
    'Return a > b.  Computed by @total_ordering from (not a < b) and (a != b).'
    r = type(self).__lt__(self, other)
    if r is NotImplemented:
        return r
    return not r and self != other


def _le_from_lt(self, other):
    'Return a <= b.  Computed by @total_ordering from (a < b) or (a == b).'
    r = type(self).__lt__(self, other)
    if r is NotImplemented:
        return r
    return r or self == other


def _ge_from_lt(self, other):
    'Return a >= b.  Computed by @total_ordering from (not a < b).'
    r = type(self).__lt__(self, other)
    if r is NotImplemented:
        return r
    return not r


def _ge_from_le(self, other):
    'Return a >= b.  Computed by @total_ordering from (not a <= b) or (a == b).'
    r = type(self).__le__(self, other)
    if r is NotImplemented:
        return r
    return not r or self == other


def _lt_from_le(self, other):
    'Return a < b.  Computed by @total_ordering from (a <= b) and (a != b).'
    r = type(self).__le__(self, other)
    if r is NotImplemented:
        return r
    return r and self != other


def _gt_from_le(self, other):
    'Return a > b.  Computed by @total_ordering from (not a <= b).'
    r = type(self).__le__(self, other)
    if r is NotImplemented:
        return r
    return not r


def _lt_from_gt(self, other):
    'Return a < b.  Computed by @total_ordering from (not a > b) and (a != b).'
    r = type(self).__gt__(self, other)
    if r is NotImplemented:
        return r
    return not r and self != other


def _ge_from_gt(self, other):
    'Return a >= b.  Computed by @total_ordering from (a > b) or (a == b).'
    r = type(self).__gt__(self, other)
    if r is NotImplemented:
        return r
    return r or self == other


def _le_from_gt(self, other):
    'Return a <= b.  Computed by @total_ordering from (not a > b).'
    r = type(self).__gt__(self, other)
    if r is NotImplemented:
        return r
    return not r


def _le_from_ge(self, other):
    'Return a <= b.  Computed by @total_ordering from (not a >= b) or (a == b).'
    r = type(self).__ge__(self, other)
    if r is NotImplemented:
        return r
    return not r or self == other


def _gt_from_ge(self, other):
    'Return a > b.  Computed by @total_ordering from (a >= b) and (a != b).'
    r = type(self).__ge__(self, other)
    if r is NotImplemented:
        return r
    return r and self != other


def _lt_from_ge(self, other):
    'Return a < b.  Computed by @total_ordering from (not a >= b).'
    r = type(self).__ge__(self, other)
    if r is NotImplemented:
        return r
    return not r


# For each possible root, the methods derived from it, in the order they
# are added.
_convert = {
    '__lt__': [('__gt__', _gt_from_lt), ('__le__', _le_from_lt),
               ('__ge__', _ge_from_lt)],
    '__le__': [('__ge__', _ge_from_le), ('__lt__', _lt_from_le),
               ('__gt__', _gt_from_le)],
    '__gt__': [('__lt__', _lt_from_gt), ('__ge__', _ge_from_gt),
               ('__le__', _le_from_gt)],
    '__ge__': [('__le__', _le_from_ge), ('__gt__', _gt_from_ge),
               ('__lt__', _lt_from_ge)],
}


def total_ordering(cls):
    """Class decorator: adds the ordering methods a class lacks, from the
    one it defines (and __eq__).
    """
    # The ordering methods the class (or a base other than object) defines.
    roots = {name for name in _convert
             if getattr(cls, name, None) is not getattr(object, name, None)}
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = max(roots)       # prefer __lt__, then __le__, __gt__, __ge__
    for name, func in _convert[root]:
        if name not in roots:
            func.__name__ = name
            setattr(cls, name, func)
    return cls


# --- cmp_to_key() function converter

class KeyWrapper:
    """A sort key made from an old-style comparison function: cmp_to_key(cmp)
    is a KeyWrapper without an object; calling it wraps one."""
    __slots__ = ('cmp', 'obj')

    def __init__(self, cmp, obj=None):
        self.cmp = cmp
        self.obj = obj

    def __call__(self, *args, **kw):
        if kw or len(args) != 1:
            if len(args) + len(kw) > 1:
                raise TypeError("K() takes at most 1 argument (%d given)"
                                % (len(args) + len(kw)))
            if kw and 'obj' not in kw:
                raise TypeError("%r is an invalid keyword argument for K()"
                                % (next(iter(kw)),))
            if not kw:
                raise TypeError("K() missing required argument 'obj' (pos 1)")
            args = (kw['obj'],)
        return KeyWrapper(self.cmp, args[0])

    def _other(self, other):
        if type(other) is not type(self):
            raise TypeError('other argument must be K instance')
        return other.obj

    def __lt__(self, other):
        return self.cmp(self.obj, self._other(other)) < 0

    def __gt__(self, other):
        return self.cmp(self.obj, self._other(other)) > 0

    def __eq__(self, other):
        return self.cmp(self.obj, self._other(other)) == 0

    def __ne__(self, other):
        return self.cmp(self.obj, self._other(other)) != 0

    def __le__(self, other):
        return self.cmp(self.obj, self._other(other)) <= 0

    def __ge__(self, other):
        return self.cmp(self.obj, self._other(other)) >= 0

    def __hash__(self):
        raise TypeError("unhashable type: 'functools.KeyWrapper'")


def cmp_to_key(*args, **kw):
    """Turns a cmp(a, b) function into a key= function."""
    if kw or len(args) != 1:
        if len(args) + len(kw) > 1:
            raise TypeError("cmp_to_key() takes at most 1 argument (%d given)"
                            % (len(args) + len(kw)))
        if kw and 'mycmp' not in kw:
            raise TypeError("%r is an invalid keyword argument for "
                            "cmp_to_key()" % (next(iter(kw)),))
        if not kw:
            raise TypeError("cmp_to_key() missing required argument 'mycmp' "
                            "(pos 1)")
        args = (kw['mycmp'],)
    return KeyWrapper(args[0])


# --- reduce() sequence to a single item

def reduce(*args, **kw):
    """reduce(function, iterable[, initial]) -> value

    Folds the items from left to right with function(value, item),
    starting from initial or the first item.
    """
    if kw:
        raise TypeError("reduce() takes no keyword arguments")
    n = len(args)
    if n < 2:
        raise TypeError("reduce expected at least 2 arguments, got %d" % n)
    if n > 3:
        raise TypeError("reduce expected at most 3 arguments, got %d" % n)
    function = args[0]
    try:
        it = iter(args[1])
    except TypeError:
        raise TypeError("reduce() arg 2 must support iteration") from None
    if n == 3:
        value = args[2]
    else:
        value = next(it, _MISSING)
        if value is _MISSING:
            raise TypeError("reduce() of empty iterable with no initial value")
    for element in it:
        value = function(value, element)
    return value


# --- partial() argument application

# partial's own attributes; anything else set on an instance (kept in its
# __dict__) stops it being flattened into a partial built over it.
_PARTIAL_ATTRS = ('func', 'args', 'keywords')


def _partial_extra(p):
    d = getattr(p, '__dict__', None)
    if not d:
        return {}
    return {k: v for k, v in d.items() if k not in _PARTIAL_ATTRS}


class partial:
    """partial(func, *args, **keywords): a callable that calls func with
    these arguments first, then the ones it is given.
    """
    __slots__ = ('func', 'args', 'keywords', '__dict__', '__weakref__')

    def __new__(cls, *args, **keywords):
        if not args:
            raise TypeError("type 'partial' takes at least one argument")
        func = args[0]
        args = args[1:]
        if not callable(func):
            raise TypeError("the first argument must be callable")
        # A partial over a plain partial becomes one partial over its func.
        if isinstance(func, partial) and not _partial_extra(func):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self = super().__new__(cls)
        self.func = func
        self.args = args
        self.keywords = keywords
        return self

    def __call__(self, /, *args, **keywords):
        keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        parts = [repr(self.func)]
        for arg in self.args:
            parts.append(repr(arg))
        for key, value in self.keywords.items():
            parts.append('%s=%r' % (key, value))
        name = 'functools.partial' if type(self) is partial else type(self).__name__
        return '%s(%s)' % (name, ', '.join(parts))

    def __reduce__(self):
        return (type(self), (self.func,),
                (self.func, self.args, self.keywords or None,
                 _partial_extra(self) or None))

    def __setstate__(self, state):
        if not isinstance(state, tuple) or len(state) != 4:
            raise TypeError("invalid partial state")
        func, args, kwds, namespace = state
        if (not callable(func) or not isinstance(args, tuple) or
                (kwds is not None and not isinstance(kwds, dict)) or
                (namespace is not None and not isinstance(namespace, dict))):
            raise TypeError("invalid partial state")
        args = tuple(args)
        if kwds is None:
            kwds = {}
        elif type(kwds) is not dict:
            kwds = dict(kwds)
        for key in list(_partial_extra(self)):
            del self.__dict__[key]
        if namespace:
            self.__dict__.update(namespace)
        self.func = func
        self.args = args
        self.keywords = kwds


# --- partialmethod() descriptor

class partialmethod:
    """partial() for methods: a descriptor that binds like func does,
    then applies the stored arguments.
    """

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError("%r is not callable or a descriptor" % (func,))
        if isinstance(func, partialmethod):
            # Flatten: one partialmethod over the innermost callable.
            self.func = func.func
            self.args = func.args + args
            self.keywords = {**func.keywords, **keywords}
        else:
            self.func = func
            self.args = args
            self.keywords = keywords

    def __repr__(self):
        args = ", ".join(map(repr, self.args))
        keywords = ", ".join("%s=%r" % (k, v)
                             for k, v in self.keywords.items())
        return "%s.%s(%r, %s, %s)" % (self.__class__.__module__,
                                      self.__class__.__qualname__,
                                      self.func, args, keywords)

    def _make_unbound_method(self):
        pm = self

        def _method(cls_or_self, /, *args, **keywords):
            keywords = {**pm.keywords, **keywords}
            return pm.func(cls_or_self, *pm.args, *args, **keywords)
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method._partialmethod = self
        return _method

    def __get__(self, obj, cls=None):
        get = getattr(self.func, "__get__", None)
        if get is not None:
            bound = get(obj, cls)
            if bound is not self.func:
                # A descriptor (classmethod, staticmethod, another
                # partialmethod ...) bound itself: apply our arguments after.
                result = partial(bound, *self.args, **self.keywords)
                try:
                    result.__self__ = bound.__self__
                except AttributeError:
                    pass
                return result
        return self._make_unbound_method().__get__(obj, cls)

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)


def _unwrap_partial(func):
    while isinstance(func, partial):
        func = func.func
    return func


# --- LRU Cache function decorator

class CacheInfo:
    """CacheInfo(hits, misses, maxsize, currsize): what cache_info() reports."""
    __slots__ = ('hits', 'misses', 'maxsize', 'currsize')
    _fields = ('hits', 'misses', 'maxsize', 'currsize')

    def __init__(self, hits, misses, maxsize, currsize):
        self.hits = hits
        self.misses = misses
        self.maxsize = maxsize
        self.currsize = currsize

    def _tuple(self):
        return (self.hits, self.misses, self.maxsize, self.currsize)

    def __repr__(self):
        return ('CacheInfo(hits=%r, misses=%r, maxsize=%r, currsize=%r)'
                % self._tuple())

    def __iter__(self):
        return iter(self._tuple())

    def __len__(self):
        return 4

    def __getitem__(self, i):
        return self._tuple()[i]

    def __eq__(self, other):
        if type(other) is type(self):
            other = other._tuple()
        return self._tuple() == other

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(self._tuple())

    def _asdict(self):
        return dict(zip(self._fields, self._tuple()))


_CacheInfo = CacheInfo
del CacheInfo

# Separates positional from keyword arguments in a cache key.
_kwd_mark = (object(),)
_fasttypes = {int, str}


def _make_key(args, kwds, typed):
    """The cache key of one call: the arguments, flattened, with their types
    when typed; a lone int or str argument is its own key."""
    key = args
    if kwds:
        key += _kwd_mark
        for item in kwds.items():
            key += item
    if typed:
        key += tuple([type(v) for v in args])
        if kwds:
            key += tuple([type(v) for v in kwds.values()])
    elif len(key) == 1 and type(key[0]) in _fasttypes:
        return key[0]
    return key


def lru_cache(maxsize=128, typed=False):
    """Decorator: remembers the results of the latest maxsize calls (all
    of them for maxsize=None); typed=True keeps 1 and 1.0 apart.
    The wrapper has cache_info(), cache_clear(), cache_parameters()
    and __wrapped__.
    """
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        # Used as a bare @lru_cache: maxsize is the function.
        user_function = maxsize
        maxsize = 128
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)
    elif maxsize is not None:
        raise TypeError(
            'Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)

    return decorating_function


def _lru_cache_wrapper(user_function, maxsize, typed):
    make_key = _make_key
    fasttypes = _fasttypes
    missing = _MISSING
    get_ident = _get_ident
    cache = {}
    # Hit and miss counts per thread (each thread writes only its own
    # entry, and one dict operation is atomic), so the totals stay exact
    # when threads share the cache on a free-threaded runtime.
    hits = {}
    misses = {}

    def totals():
        return sum(hits.copy().values()), sum(misses.copy().values())

    if maxsize == 0:
        # No caching: only count the calls.
        def wrapper(*args, **kwds):
            tid = get_ident()
            misses[tid] = misses.get(tid, 0) + 1
            return user_function(*args, **kwds)

        def cache_info():
            h, m = totals()
            return _CacheInfo(h, m, maxsize, 0)

        def cache_clear():
            hits.clear()
            misses.clear()

    elif maxsize is None:
        # Unbounded: no order to keep, so no lock.
        def wrapper(*args, **kwds):
            if kwds or typed or len(args) != 1:
                key = make_key(args, kwds, typed)
            else:
                key = args[0]
                if type(key) not in fasttypes:
                    key = args
            result = cache.get(key, missing)
            tid = get_ident()
            if result is not missing:
                hits[tid] = hits.get(tid, 0) + 1
                return result
            misses[tid] = misses.get(tid, 0) + 1
            result = user_function(*args, **kwds)
            cache[key] = result
            return result

        def cache_info():
            h, m = totals()
            return _CacheInfo(h, m, maxsize, len(cache))

        def cache_clear():
            cache.clear()
            hits.clear()
            misses.clear()

    else:
        # Bounded: cache maps key -> cell [prev, next, key, result] on a
        # circular list through a root cell, oldest first; a hit moves its
        # cell to the end, a store into a full cache drops the first cell.
        # The list changes under a lock; the user function runs outside it.
        # (An RLock: hashing or comparing a key runs user code, which may
        # call this same cached function.)
        lock = RLock()
        root = []
        root[:] = [root, root, None, None]
        ends = [root]           # the current root, replaced by cache_clear

        def wrapper(*args, **kwds):
            if kwds or typed or len(args) != 1:
                key = make_key(args, kwds, typed)
            else:
                key = args[0]
                if type(key) not in fasttypes:
                    key = args
            tid = get_ident()
            with lock:
                cell = cache.get(key)
                if cell is not None:
                    prev = cell[0]
                    nxt = cell[1]
                    prev[1] = nxt
                    nxt[0] = prev
                    root = ends[0]
                    last = root[0]
                    last[1] = cell
                    root[0] = cell
                    cell[0] = last
                    cell[1] = root
                    hits[tid] = hits.get(tid, 0) + 1
                    return cell[3]
            misses[tid] = misses.get(tid, 0) + 1
            result = user_function(*args, **kwds)
            with lock:
                if key not in cache:
                    # (If it is there, another call stored this key while
                    # ours ran: keep that one.)
                    root = ends[0]
                    if len(cache) >= maxsize:
                        oldest = root[1]
                        after = oldest[1]
                        root[1] = after
                        after[0] = root
                        del cache[oldest[2]]
                        oldest[0] = oldest[1] = oldest[3] = None
                    last = root[0]
                    cell = [last, root, key, result]
                    last[1] = cell
                    root[0] = cell
                    cache[key] = cell
            return result

        def cache_info():
            with lock:
                h, m = totals()
                return _CacheInfo(h, m, maxsize, len(cache))

        def cache_clear():
            with lock:
                cache.clear()
                # Break the old list's cycles and start a new one.
                old = ends[0]
                cell = old[1]
                while cell is not old:
                    nxt = cell[1]
                    cell[0] = cell[1] = None
                    cell = nxt
                new = []
                new[:] = [new, new, None, None]
                ends[0] = new
                old[0] = old[1] = None
                hits.clear()
                misses.clear()

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper


def cache(user_function, /):
    """Unbounded cache decorator: lru_cache(maxsize=None)."""
    return lru_cache(maxsize=None)(user_function)


# --- singledispatch() - single-dispatch generic function decorator

def _is_union_type(cls):
    return type(cls).__name__ in ('UnionType', '_UnionGenericAlias')


def _is_valid_dispatch_type(cls):
    if isinstance(cls, type):
        return True
    return (_is_union_type(cls)
            and all(isinstance(arg, type) for arg in cls.__args__))


def _find_impl(cls, registry):
    """The implementation registered for the first class of cls's MRO; a
    registered class outside the MRO that issubclass() accepts (an ABC)
    comes after the MRO's own classes, before object."""
    mro = cls.__mro__
    for t in mro:
        if t is not object and t in registry:
            return registry[t]
    for t in registry:
        if t is not object and t not in mro:
            try:
                if issubclass(cls, t):
                    return registry[t]
            except TypeError:
                pass
    return registry.get(object)


def _resolve_annotation(func, annotation):
    # A string annotation names a class (dotted names too) as seen from the
    # function's module, or a builtin.
    if not isinstance(annotation, str):
        return annotation
    parts = annotation.split('.')
    namespace = getattr(func, '__globals__', None) or {}
    value = namespace.get(parts[0], _MISSING)
    if value is _MISSING:
        import builtins
        value = getattr(builtins, parts[0], _MISSING)
        if value is _MISSING:
            raise NameError("name %r is not defined" % (parts[0],))
    for part in parts[1:]:
        value = getattr(value, part)
    return value


def singledispatch(func):
    """Decorator: a generic function that picks its implementation by the
    class of its first argument; add implementations with .register().
    """
    registry = {}
    dispatch_cache = {}
    lock = allocate_lock()

    def dispatch(cls):
        """The implementation the generic function uses for class cls."""
        impl = dispatch_cache.get(cls)
        if impl is None:
            impl = _find_impl(cls, registry)
            dispatch_cache[cls] = impl
        return impl

    def register(cls, func=None):
        """Registers func for cls (a class, a union, or read from the first
        annotation of func); usable as a decorator.
        """
        if _is_valid_dispatch_type(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError(
                    "Invalid first argument to `register()`. "
                    "%r is not a class or union type." % (cls,))
            ann = getattr(cls, '__annotations__', None)
            if not ann:
                raise TypeError(
                    "Invalid first argument to `register()`: %r. "
                    "Use either `@register(some_class)` or plain `@register` "
                    "on an annotated function." % (cls,))
            func = cls
            argname, cls = next(iter(ann.items()))
            cls = _resolve_annotation(func, cls)
            if not _is_valid_dispatch_type(cls):
                if _is_union_type(cls):
                    raise TypeError(
                        "Invalid annotation for %r. "
                        "%r not all arguments are classes." % (argname, cls))
                raise TypeError(
                    "Invalid annotation for %r. %r is not a class."
                    % (argname, cls))

        with lock:
            if _is_union_type(cls):
                for arg in cls.__args__:
                    registry[arg] = func
            else:
                registry[cls] = func
            dispatch_cache.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError('%s requires at least 1 positional argument'
                            % funcname)
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, '__name__', 'singledispatch function')
    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    wrapper._clear_cache = dispatch_cache.clear
    update_wrapper(wrapper, func)
    return wrapper


# Descriptor version
class singledispatchmethod:
    """singledispatch() for methods: dispatches on the first argument
    after self (or cls).
    """

    def __init__(self, func):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError("%r is not callable or a descriptor" % (func,))
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        """Registers func for cls (a class, a union, or read from the first
        annotation of func); usable as a decorator.
        """
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        dispatcher = self.dispatcher

        def _method(*args, **kwargs):
            method = dispatcher.dispatch(args[0].__class__)
            return method.__get__(obj, cls)(*args, **kwargs)

        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


# --- cached_property() - property result cached as instance attribute

_NOT_FOUND = object()


class cached_property:
    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__
        self.lock = RLock()

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                "Cannot assign the same cached_property to two different "
                "names (%r and %r)." % (self.attrname, name))

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        name = self.attrname
        if name is None:
            raise TypeError(
                "Cannot use cached_property instance without calling "
                "__set_name__ on it.")
        try:
            cache = instance.__dict__
        except AttributeError:
            raise TypeError(
                "No '__dict__' attribute on %r instance to cache %r property."
                % (type(instance).__name__, name)) from None
        value = cache.get(name, _NOT_FOUND)
        if value is _NOT_FOUND:
            with self.lock:
                # Another thread may have filled it while we waited.
                value = cache.get(name, _NOT_FOUND)
                if value is _NOT_FOUND:
                    value = self.func(instance)
                    try:
                        cache[name] = value
                    except TypeError:
                        raise TypeError(
                            "The '__dict__' attribute on %r instance does not "
                            "support item assignment for caching %r property."
                            % (type(instance).__name__, name)) from None
        return value
