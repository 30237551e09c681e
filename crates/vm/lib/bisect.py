"""Bisection algorithms.

ftl's `bisect`, frozen into the binary: bisect_left, bisect_right (alias
bisect), insort_left and insort_right (alias insort), with CPython 3.11's
signatures `(a, x, lo=0, hi=None, *, key=None)`, its results and its
checks ("lo must be non-negative"; lo and hi must be integers; hi=None or
-1 means len(a), as in the C module). Like CPython, `key` is applied to
the elements of `a` only, never to `x` in bisect_*; insort_* apply it to
`x` to find its place. Items are compared with `<` only, in the order
CPython compares them (mid = (lo + hi) // 2).

Left out: the argument-clinic messages for a call with a missing or
extra argument (Python's own messages are given instead).
"""

__all__ = ['bisect', 'bisect_left', 'bisect_right', 'insort', 'insort_left',
           'insort_right']


def _as_index(value):
    if type(value) is int:
        return value
    if isinstance(value, int):
        return int(value)
    method = getattr(type(value), '__index__', None)
    if method is None:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__)
    return int(method(value))


def _bounds(a, lo, hi):
    if type(lo) is not int:
        lo = _as_index(lo)
    if lo < 0:
        raise ValueError('lo must be non-negative')
    if hi is None:
        hi = len(a)
    else:
        if type(hi) is not int:
            if not isinstance(hi, int) and getattr(type(hi), '__index__', None) is None:
                raise TypeError("argument should be integer or None, not '%s'"
                                % type(hi).__name__)
            hi = _as_index(hi)
        if hi == -1:
            hi = len(a)
    return lo, hi


def bisect_right(a, x, lo=0, hi=None, *, key=None):
    """The index at which to insert x in the sorted a[lo:hi] after any
    items equal to it.
    """
    if type(lo) is not int or lo < 0 or hi is not None:
        lo, hi = _bounds(a, lo, hi)
    else:
        hi = len(a)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < a[mid]:
                hi = mid
            else:
                lo = mid + 1
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < key(a[mid]):
                hi = mid
            else:
                lo = mid + 1
    return lo


def bisect_left(a, x, lo=0, hi=None, *, key=None):
    """The index at which to insert x in the sorted a[lo:hi] before any
    items equal to it.
    """
    if type(lo) is not int or lo < 0 or hi is not None:
        lo, hi = _bounds(a, lo, hi)
    else:
        hi = len(a)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if a[mid] < x:
                lo = mid + 1
            else:
                hi = mid
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if key(a[mid]) < x:
                lo = mid + 1
            else:
                hi = mid
    return lo


def insort_right(a, x, lo=0, hi=None, *, key=None):
    """Inserts x into the sorted list a, after any items equal to it."""
    if key is None:
        i = bisect_right(a, x, lo, hi)
    else:
        i = bisect_right(a, key(x), lo, hi, key=key)
    a.insert(i, x)


def insort_left(a, x, lo=0, hi=None, *, key=None):
    """Inserts x into the sorted list a, before any items equal to it."""
    if key is None:
        i = bisect_left(a, x, lo, hi)
    else:
        i = bisect_left(a, key(x), lo, hi, key=key)
    a.insert(i, x)


bisect = bisect_right
insort = insort_right
