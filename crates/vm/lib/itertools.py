"""Iterator building blocks: ftl's `itertools`, frozen into the binary.

Covers all of CPython 3.11's itertools: count, cycle, repeat, accumulate,
chain (and chain.from_iterable), compress, dropwhile, filterfalse,
groupby (with its _grouper), islice, pairwise, starmap, takewhile, tee
(with its _tee), zip_longest, product, permutations, combinations and
combinations_with_replacement.

Each iterator is a class named as CPython's type (`type(chain()).__name__`
is 'chain', its module 'itertools'), with the same argument checks and
error messages, the reprs CPython has (count, repeat) and the same
laziness: every iterator consumes its inputs exactly when CPython's does
(islice skips up to `start` at the first next(), chain calls iter() on an
iterable only when it reaches it, product/permutations/combinations read
their inputs whole when built, zip_longest never calls an exhausted input
again, ...). The __next__ methods are kept short: they are hot.

count's __next__ holds a lock, so `next(counter)` hands out distinct values
to concurrent threads (CPython's C count is atomic under its GIL, and code
relies on it for ids). The other iterators, like CPython's, make no promise
when one iterator object is advanced from two threads at once.

Left out: pickling support (__reduce__/__setstate__, deprecated in 3.12),
tee's "cannot re-enter the tee iterator" check and the _tee_dataobject
type (tee here shares a linked list of [value, next] cells); count's repr
of values past sys.maxsize in CPython's "fast mode" (CPython prints
`count(<NULL>)` there, a bug).
"""

import sys as _sys
import _thread

__all__ = ['accumulate', 'chain', 'combinations',
           'combinations_with_replacement', 'compress', 'count', 'cycle',
           'dropwhile', 'filterfalse', 'groupby', 'islice', 'pairwise',
           'permutations', 'product', 'repeat', 'starmap', 'takewhile',
           'tee', 'zip_longest']

# Marks "no value" where None is a legal value (CPython's NULL).
_MISSING = object()

_MAXSIZE = _sys.maxsize


# ---------------------------------------------------------------------------
# Argument checking, with CPython's messages.

def _no_kw(name, kw):
    if kw:
        raise TypeError(name + "() takes no keyword arguments")


def _nargs(name, args, lo, hi):
    """Checks a positional-only count like CPython's _PyArg_CheckPositional."""
    n = len(args)
    if n < lo:
        word = "" if lo == hi else "at least "
        raise TypeError("%s expected %s%d argument%s, got %d"
                        % (name, word, lo, "" if lo == 1 else "s", n))
    if n > hi:
        word = "" if lo == hi else "at most "
        raise TypeError("%s expected %s%d argument%s, got %d"
                        % (name, word, hi, "" if hi == 1 else "s", n))


def _bind(name, args, kw, names, nreq, npos=None):
    """Binds arguments like CPython's argument clinic, with its messages and
    the order it checks in; returns a list with one value per name,
    _MISSING where an optional one was not given. names[npos:] are
    keyword-only."""
    if npos is None:
        npos = len(names)
    n = len(args)
    total = n + len(kw)
    if total > len(names):
        raise TypeError("%s() takes at most %d argument%s (%d given)"
                        % (name, len(names), "" if len(names) == 1 else "s",
                           total))
    if n > npos:
        raise TypeError("%s() takes at most %d positional argument%s "
                        "(%d given)" % (name, npos, "" if npos == 1 else "s", n))
    values = list(args) + [_MISSING] * (len(names) - n)
    used = 0
    for i in range(n, len(names)):
        key = names[i]
        if key in kw:
            values[i] = kw[key]
            used += 1
        elif i < nreq:
            raise TypeError("%s() missing required argument %r (pos %d)"
                            % (name, key, i + 1))
    if used != len(kw):
        for key in kw:
            if key in names[:n]:
                raise TypeError("argument for %s() given by name (%r) and "
                                "position (%d)"
                                % (name, key, names.index(key) + 1))
            if key not in names:
                raise TypeError("%r is an invalid keyword argument for %s()"
                                % (key, name))
    return values


def _index(x):
    """x as an int the way CPython's PyNumber_Index converts it."""
    if type(x) is int:
        return x
    if isinstance(x, int):
        return int(x)
    method = getattr(type(x), '__index__', None)
    if method is None:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(x).__name__)
    result = method(x)
    if not isinstance(result, int):
        raise TypeError("__index__ returned non-int (type %s)"
                        % type(result).__name__)
    return int(result)


def _is_number(x):
    """CPython's PyNumber_Check: has __index__, __int__ or __float__, or is
    a complex."""
    if type(x) is int or type(x) is float or isinstance(x, (int, float)):
        return True
    t = type(x)
    return (hasattr(t, '__index__') or hasattr(t, '__int__')
            or hasattr(t, '__float__') or t.__name__ == 'complex')


# ---------------------------------------------------------------------------
# Infinite iterators.

class count:
    """count(start=0, step=1): start, start+step, start+2*step, ... without end."""
    __slots__ = ('_cnt', '_step', '_lock')

    def __init__(self, *args, **kw):
        if kw or len(args) > 2:
            args = _bind('count', args, kw, ('start', 'step'), 0)
        else:
            args = list(args) + [_MISSING] * (2 - len(args))
        start, step = args
        if start is _MISSING:
            start = 0
        if step is _MISSING:
            step = 1
        if not _is_number(start) or not _is_number(step):
            raise TypeError("a number is required")
        # CPython's "fast mode" (an int start counting by an int 1) hands out
        # plain ints: count(True) starts at 1, not True.
        if type(start) is bool and type(step) in (int, bool) and step == 1:
            start = int(start)
        self._cnt = start
        self._step = step
        self._lock = _thread.allocate_lock()

    def __iter__(self):
        return self

    def __next__(self):
        lock = self._lock
        lock.acquire()
        c = self._cnt
        try:
            self._cnt = c + self._step
        finally:
            lock.release()
        return c

    def __repr__(self):
        step = self._step
        if type(step) in (int, bool) and step == 1:
            return "count(%r)" % (self._cnt,)
        return "count(%r, %r)" % (self._cnt, step)


class cycle:
    """cycle(iterable): its items, then the same items again, over and over."""
    __slots__ = ('_it', '_saved', '_index')

    def __init__(self, *args, **kw):
        _no_kw('cycle', kw)
        _nargs('cycle', args, 1, 1)
        self._it = iter(args[0])
        self._saved = []
        self._index = 0

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is not None:
            item = next(it, _MISSING)
            if item is not _MISSING:
                self._saved.append(item)
                return item
            self._it = None
        saved = self._saved
        if not saved:
            raise StopIteration
        i = self._index
        item = saved[i]
        i += 1
        self._index = 0 if i >= len(saved) else i
        return item


class repeat:
    """repeat(object[, times]): object, times times, or without end."""
    __slots__ = ('_element', '_cnt')

    def __init__(self, *args, **kw):
        if kw or not 1 <= len(args) <= 2:
            args = _bind('repeat', args, kw, ('object', 'times'), 1)
        self._element = args[0]
        if len(args) < 2 or args[1] is _MISSING:
            self._cnt = -1          # endless
        else:
            times = _index(args[1])
            self._cnt = times if times > 0 else 0

    def __iter__(self):
        return self

    def __next__(self):
        cnt = self._cnt
        if cnt == 0:
            raise StopIteration
        if cnt > 0:
            self._cnt = cnt - 1
        return self._element

    def __length_hint__(self):
        if self._cnt == -1:
            raise TypeError("len() of unsized object")
        return self._cnt

    def __repr__(self):
        if self._cnt == -1:
            return "repeat(%r)" % (self._element,)
        return "repeat(%r, %d)" % (self._element, self._cnt)


# ---------------------------------------------------------------------------
# Iterators terminating on the shortest input sequence.

class accumulate:
    """accumulate(iterable, func=None, *, initial=None): running totals
    (or running results of func).
    """
    __slots__ = ('_it', '_func', '_total', '_initial')

    def __init__(self, *args, **kw):
        if kw or not 1 <= len(args) <= 2:
            args = _bind('accumulate', args, kw,
                         ('iterable', 'func', 'initial'), 1, 2)
        else:
            args = list(args) + [_MISSING] * (3 - len(args))
        iterable, func, initial = args
        self._it = iter(iterable)
        self._func = None if func is _MISSING else func
        self._initial = None if initial is _MISSING else initial
        self._total = _MISSING

    def __iter__(self):
        return self

    def __next__(self):
        initial = self._initial
        if initial is not None:
            self._initial = None
            self._total = initial
            return initial
        value = next(self._it)
        total = self._total
        if total is _MISSING:
            total = value
        elif self._func is None:
            total = total + value
        else:
            total = self._func(total, value)
        self._total = total
        return total


class chain:
    """chain(*iterables): the items of each iterable in turn."""
    __slots__ = ('_source', '_active')

    def __init__(self, *iterables, **kw):
        _no_kw('chain', kw)
        self._source = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, *args):
        """chain.from_iterable(iterables): chain() over the iterables one
        iterable yields, read lazily.
        """
        if len(args) != 1:
            raise TypeError("chain.from_iterable() takes exactly one "
                            "argument (%d given)" % len(args))
        self = cls.__new__(cls)
        self._source = iter(args[0])
        self._active = None
        return self

    def __iter__(self):
        return self

    def __next__(self):
        active = self._active
        if active is not None:
            try:
                return next(active)
            except StopIteration:
                self._active = None
        source = self._source
        while source is not None:
            iterable = next(source, _MISSING)
            if iterable is _MISSING:
                self._source = None
                break
            active = iter(iterable)
            self._active = active
            try:
                return next(active)
            except StopIteration:
                self._active = None
        raise StopIteration


class compress:
    """compress(data, selectors): the items of data whose selector is true."""
    __slots__ = ('_data', '_selectors')

    def __init__(self, *args, **kw):
        if kw or len(args) != 2:
            args = _bind('compress', args, kw, ('data', 'selectors'), 2)
        self._data = iter(args[0])
        self._selectors = iter(args[1])

    def __iter__(self):
        return self

    def __next__(self):
        data = self._data
        selectors = self._selectors
        while True:
            datum = next(data)
            if next(selectors):
                return datum


class dropwhile:
    """dropwhile(predicate, iterable): skips items while predicate holds,
    then gives every item left.
    """
    __slots__ = ('_func', '_it', '_started')

    def __init__(self, *args, **kw):
        _no_kw('dropwhile', kw)
        _nargs('dropwhile', args, 2, 2)
        self._func = args[0]
        self._it = iter(args[1])
        self._started = False

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if self._started:
            return next(it)
        func = self._func
        while True:
            item = next(it)
            if not func(item):
                self._started = True
                return item


class takewhile:
    """takewhile(predicate, iterable): items while predicate holds."""
    __slots__ = ('_func', '_it', '_stopped')

    def __init__(self, *args, **kw):
        _no_kw('takewhile', kw)
        _nargs('takewhile', args, 2, 2)
        self._func = args[0]
        self._it = iter(args[1])
        self._stopped = False

    def __iter__(self):
        return self

    def __next__(self):
        if self._stopped:
            raise StopIteration
        item = next(self._it)
        if self._func(item):
            return item
        self._stopped = True
        raise StopIteration


class filterfalse:
    """filterfalse(function or None, iterable): the items for which
    function (or, for None, the item itself) is false.
    """
    __slots__ = ('_func', '_it')

    def __init__(self, *args, **kw):
        _no_kw('filterfalse', kw)
        _nargs('filterfalse', args, 2, 2)
        func = args[0]
        self._func = None if func is None or func is bool else func
        self._it = iter(args[1])

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        func = self._func
        if func is None:
            while True:
                item = next(it)
                if not item:
                    return item
        while True:
            item = next(it)
            if not func(item):
                return item


class groupby:
    """groupby(iterable, key=None): (key, group) pairs for runs of items
    with equal keys; advancing it ends the previous group.
    """
    __slots__ = ('_it', '_keyfunc', '_tgtkey', '_currkey', '_currvalue',
                 '_currgrouper')

    def __init__(self, *args, **kw):
        if kw or not 1 <= len(args) <= 2:
            args = _bind('groupby', args, kw, ('iterable', 'key'), 1)
        key = args[1] if len(args) > 1 else None
        self._it = iter(args[0])
        self._keyfunc = None if key is _MISSING else key
        self._tgtkey = _MISSING
        self._currkey = _MISSING
        self._currvalue = _MISSING
        self._currgrouper = None

    def __iter__(self):
        return self

    def _step(self):
        # Reads the next value and its key; both change only on success.
        value = next(self._it)
        keyfunc = self._keyfunc
        key = value if keyfunc is None else keyfunc(value)
        self._currvalue = value
        self._currkey = key

    def __next__(self):
        self._currgrouper = None
        # Skip what is left of the current group.
        while True:
            currkey = self._currkey
            if currkey is not _MISSING:
                tgtkey = self._tgtkey
                if tgtkey is _MISSING:
                    break
                if not (tgtkey is currkey or tgtkey == currkey):
                    break
            self._step()
        key = self._currkey
        self._tgtkey = key
        grouper = _grouper(self, key)
        self._currgrouper = grouper
        return (key, grouper)


class _grouper:
    __slots__ = ('_parent', '_tgtkey')

    def __init__(self, parent, tgtkey):
        self._parent = parent
        self._tgtkey = tgtkey

    def __iter__(self):
        return self

    def __next__(self):
        parent = self._parent
        if parent._currgrouper is not self:
            raise StopIteration
        if parent._currvalue is _MISSING:
            parent._step()
        tgtkey = self._tgtkey
        currkey = parent._currkey
        if not (tgtkey is currkey or tgtkey == currkey):
            raise StopIteration
        value = parent._currvalue
        parent._currvalue = _MISSING
        return value


def _islice_arg(x, message):
    """An islice index: None, or an integer 0 <= x <= sys.maxsize."""
    if x is None:
        return None
    try:
        n = _index(x)
    except Exception:
        raise ValueError(message) from None
    if n < 0 or n > _MAXSIZE:
        raise ValueError(message)
    return n


_STOP_MSG = ("Stop argument for islice() must be None or an integer: "
             "0 <= x <= sys.maxsize.")
_INDEX_MSG = ("Indices for islice() must be None or an integer: "
              "0 <= x <= sys.maxsize.")
_STEP_MSG = "Step for islice() must be a positive integer or None."


class islice:
    """islice(iterable, stop) or islice(iterable, start, stop[, step]):
    the items a slice would select, read lazily.
    """
    __slots__ = ('_it', '_next', '_stop', '_step', '_cnt')

    def __init__(self, *args, **kw):
        _no_kw('islice', kw)
        _nargs('islice', args, 2, 4)
        start = 0
        step = 1
        if len(args) == 2:
            stop = _islice_arg(args[1], _STOP_MSG)
        else:
            start = _islice_arg(args[1], _INDEX_MSG)
            stop = _islice_arg(args[2], _INDEX_MSG)
            if start is None:
                start = 0
            if len(args) == 4 and args[3] is not None:
                try:
                    step = _index(args[3])
                except Exception:
                    raise ValueError(_STEP_MSG) from None
                if step < 1 or step > _MAXSIZE:
                    raise ValueError(_STEP_MSG)
        self._it = iter(args[0])
        self._next = start       # index of the next item to hand out
        self._stop = stop        # None: no end
        self._step = step
        self._cnt = 0            # items read from the input so far

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        stop = self._stop
        cnt = self._cnt
        try:
            nxt = self._next
            while cnt < nxt:
                next(it)
                cnt += 1
            if stop is not None and cnt >= stop:
                raise StopIteration
            item = next(it)
        except StopIteration:
            self._cnt = cnt
            self._it = None
            raise
        except BaseException:
            self._cnt = cnt
            raise
        self._cnt = cnt + 1
        nxt += self._step
        if stop is not None and nxt > stop:
            nxt = stop
        self._next = nxt
        return item


class pairwise:
    """pairwise(iterable): overlapping pairs (s0, s1), (s1, s2), ..."""
    __slots__ = ('_it', '_old')

    def __init__(self, *args, **kw):
        _no_kw('pairwise', kw)
        _nargs('pairwise', args, 1, 1)
        self._it = iter(args[0])
        self._old = _MISSING

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        old = self._old
        if old is _MISSING:
            old = next(it, _MISSING)
            if old is _MISSING:
                self._it = None
                raise StopIteration
            self._old = old
        new = next(it, _MISSING)
        if new is _MISSING:
            self._it = None
            self._old = _MISSING
            raise StopIteration
        self._old = new
        return (old, new)


class starmap:
    """starmap(function, iterable): function(*args) for each args."""
    __slots__ = ('_func', '_it')

    def __init__(self, *args, **kw):
        _no_kw('starmap', kw)
        _nargs('starmap', args, 2, 2)
        self._func = args[0]
        self._it = iter(args[1])

    def __iter__(self):
        return self

    def __next__(self):
        args = next(self._it)
        if type(args) is not tuple:
            args = tuple(args)
        return self._func(*args)


def tee(*args, **kw):
    """tee(iterable, n=2): a tuple of n independent iterators over iterable."""
    if kw:
        raise TypeError("itertools.tee() takes no keyword arguments")
    _nargs('tee', args, 1, 2)
    n = _index(args[1]) if len(args) > 1 else 2
    if n < 0:
        raise ValueError("n must be >= 0")
    if n == 0:
        return ()
    it = iter(args[0])
    if getattr(it, '__copy__', None) is None:
        first = _tee(it)
    else:
        first = it
    result = [first]
    for i in range(1, n):
        result.append(first.__copy__())
    return tuple(result)


class _tee:
    """An iterator over values shared with its tee siblings."""
    # The tees of one input share a singly linked list of cells
    # [value, next_cell]; a cell whose next_cell is None is not read yet.
    # Each tee points at the cell it hands out next, so cells every tee has
    # passed are freed.
    __slots__ = ('_it', '_cell')

    def __init__(self, iterable):
        it = iter(iterable)
        if type(it) is _tee:
            self._it = it._it
            self._cell = it._cell
        else:
            self._it = it
            self._cell = [None, None]

    def __iter__(self):
        return self

    def __next__(self):
        cell = self._cell
        if cell[1] is None:
            cell[0] = next(self._it)
            cell[1] = [None, None]
        self._cell = cell[1]
        return cell[0]

    def __copy__(self):
        new = _tee.__new__(_tee)
        new._it = self._it
        new._cell = self._cell
        return new


class zip_longest:
    """zip_longest(*iterables, fillvalue=None): tuples of one item from
    each iterable, until the longest ends; shorter ones give fillvalue.
    """
    __slots__ = ('_its', '_numactive', '_fillvalue')

    def __init__(self, *iterables, **kw):
        fillvalue = None
        if kw:
            if len(kw) != 1 or 'fillvalue' not in kw:
                raise TypeError("zip_longest() got an unexpected keyword "
                                "argument")
            fillvalue = kw['fillvalue']
        self._its = [iter(x) for x in iterables]
        self._numactive = len(self._its)
        self._fillvalue = fillvalue

    def __iter__(self):
        return self

    def __next__(self):
        if self._numactive == 0:
            raise StopIteration
        its = self._its
        fillvalue = self._fillvalue
        result = []
        try:
            for i in range(len(its)):
                it = its[i]
                if it is None:
                    result.append(fillvalue)
                    continue
                item = next(it, _MISSING)
                if item is _MISSING:
                    self._numactive -= 1
                    if self._numactive == 0:
                        raise StopIteration
                    its[i] = None
                    item = fillvalue
                result.append(item)
        except BaseException:
            self._numactive = 0
            raise
        return tuple(result)


# ---------------------------------------------------------------------------
# Combinatoric iterators. Each reads its input(s) whole when built.

class product:
    """product(*iterables, repeat=1): the cartesian product as tuples,
    rightmost element changing fastest.
    """
    __slots__ = ('_pools', '_indices', '_result', '_stopped')

    def __init__(self, *iterables, **kw):
        repeat = 1
        if kw:
            if len(kw) > 1:
                raise TypeError("product() takes at most 1 keyword argument "
                                "(%d given)" % len(kw))
            for key in kw:
                if key != 'repeat':
                    raise TypeError("%r is an invalid keyword argument for "
                                    "product()" % (key,))
            repeat = _index(kw['repeat'])
            if repeat < 0:
                raise ValueError("repeat argument cannot be negative")
        pools = [tuple(x) for x in iterables]
        self._pools = pools * repeat if repeat else []
        self._indices = None
        self._result = None
        self._stopped = False

    def __iter__(self):
        return self

    def __next__(self):
        pools = self._pools
        result = self._result
        if result is None:
            if self._stopped:
                raise StopIteration
            for pool in pools:
                if not pool:
                    self._stopped = True
                    raise StopIteration
            self._indices = [0] * len(pools)
            self._result = result = [pool[0] for pool in pools]
            return tuple(result)
        indices = self._indices
        i = len(pools) - 1
        while i >= 0:
            pool = pools[i]
            j = indices[i] + 1
            if j < len(pool):
                indices[i] = j
                result[i] = pool[j]
                return tuple(result)
            indices[i] = 0
            result[i] = pool[0]
            i -= 1
        self._stopped = True
        self._result = None
        raise StopIteration


class permutations:
    """permutations(iterable, r=None): r-length orderings of its items,
    in lexicographic order of positions.
    """
    # indices is a permutation of range(n): its first r entries pick the
    # next output; the rest are the unused indices in ascending order. The
    # next r-permutation in lexicographic order is the next permutation of
    # the whole list once that unused tail is reversed.
    __slots__ = ('_pool', '_r', '_indices', '_started', '_stopped')

    def __init__(self, *args, **kw):
        if kw or not 1 <= len(args) <= 2:
            args = _bind('permutations', args, kw, ('iterable', 'r'), 1)
        pool = tuple(args[0])
        r = args[1] if len(args) > 1 else None
        if r is None or r is _MISSING:
            r = len(pool)
        else:
            if not isinstance(r, int):
                raise TypeError("Expected int as r")
            r = int(r)
            if r < 0:
                raise ValueError("r must be non-negative")
        self._pool = pool
        self._r = r
        self._indices = list(range(len(pool)))
        self._started = False
        self._stopped = r > len(pool)

    def __iter__(self):
        return self

    def __next__(self):
        if self._stopped:
            raise StopIteration
        pool = self._pool
        r = self._r
        indices = self._indices
        if not self._started:
            self._started = True
            return tuple([pool[k] for k in indices[:r]])
        n = len(indices)
        if r < n:
            tail = indices[r:]
            tail.reverse()
            indices[r:] = tail
        # Standard next-permutation step.
        i = n - 2
        while i >= 0 and indices[i] > indices[i + 1]:
            i -= 1
        if i < 0:
            self._stopped = True
            raise StopIteration
        j = n - 1
        vi = indices[i]
        while indices[j] < vi:
            j -= 1
        indices[i] = indices[j]
        indices[j] = vi
        tail = indices[i + 1:]
        tail.reverse()
        indices[i + 1:] = tail
        return tuple([pool[k] for k in indices[:r]])


def _r_arg(name, args, kw):
    if kw or len(args) != 2:
        args = _bind(name, args, kw, ('iterable', 'r'), 2)
    pool = tuple(args[0])
    r = _index(args[1])
    if r < 0:
        raise ValueError("r must be non-negative")
    return pool, r


class combinations:
    """combinations(iterable, r): r-length subsequences, in order."""
    __slots__ = ('_pool', '_r', '_indices', '_result', '_stopped')

    def __init__(self, *args, **kw):
        pool, r = _r_arg('combinations', args, kw)
        self._pool = pool
        self._r = r
        self._indices = list(range(r))
        self._result = None
        self._stopped = r > len(pool)

    def __iter__(self):
        return self

    def __next__(self):
        if self._stopped:
            raise StopIteration
        pool = self._pool
        result = self._result
        indices = self._indices
        if result is None:
            self._result = result = [pool[k] for k in indices]
            return tuple(result)
        r = self._r
        # Rightmost index that can still move right.
        i = r - 1
        top = len(pool) - r
        while i >= 0 and indices[i] == i + top:
            i -= 1
        if i < 0:
            self._stopped = True
            raise StopIteration
        k = indices[i] + 1
        while i < r:
            indices[i] = k
            result[i] = pool[k]
            i += 1
            k += 1
        return tuple(result)


class combinations_with_replacement:
    """combinations_with_replacement(iterable, r): r-length subsequences
    where an item may repeat.
    """
    __slots__ = ('_pool', '_r', '_indices', '_result', '_stopped')

    def __init__(self, *args, **kw):
        pool, r = _r_arg('combinations_with_replacement', args, kw)
        self._pool = pool
        self._r = r
        self._indices = [0] * r
        self._result = None
        self._stopped = not pool and r > 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._stopped:
            raise StopIteration
        pool = self._pool
        result = self._result
        indices = self._indices
        if result is None:
            self._result = result = [pool[0]] * self._r if self._r else []
            return tuple(result)
        r = self._r
        last = len(pool) - 1
        i = r - 1
        while i >= 0 and indices[i] == last:
            i -= 1
        if i < 0:
            self._stopped = True
            raise StopIteration
        k = indices[i] + 1
        value = pool[k]
        while i < r:
            indices[i] = k
            result[i] = value
            i += 1
        return tuple(result)
