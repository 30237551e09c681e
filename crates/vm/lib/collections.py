"""collections: container datatypes (ftl's frozen package ``collections``).

This file is the package's ``__init__``; collections_abc.py is
``collections.abc``.  It covers CPython 3.11's public names with their
methods, reprs and error messages:

* deque: a double-ended queue, optionally bounded (maxlen).
* defaultdict: a dict whose missing keys are made by default_factory.
* OrderedDict: a dict with move_to_end, popitem(last=...), reversed(),
  order-sensitive equality with another OrderedDict, odict_keys /
  odict_values / odict_items views.
* Counter: a dict of counts (most_common, elements, subtract, update,
  total, + - & | and unary + -, the in-place forms, rich comparisons).
* namedtuple: tuple subclasses with named fields (rename, defaults,
  module; _make, _replace, _asdict, _fields, _field_defaults,
  __match_args__, pickling through __getnewargs__ and copyreg).
* ChainMap, UserDict, UserList, UserString.

How it is built, for the next engineer:
* deque is pure Python for now; a native deque is planned.  It is a ring
  buffer over a list (appends and pops at either end are O(1)
  amortised; the buffer doubles when full and halves when a quarter
  full).  Each deque has a `_thread` lock that every method touching the
  buffer holds, so appends and pops from several threads on the
  free-threaded runtimes are safe; the lock is never held while running
  user code (comparisons, reprs, iterating an argument).  A `_state`
  counter, bumped by every change of size or order (not by d[i] = x),
  makes iterators and the searching methods raise CPython's
  "deque mutated during iteration".  Its iterators are generators (not
  `_collections._deque_iterator` objects).
* OrderedDict keeps its order in the dict itself (ftl's dicts keep
  insertion order), so dict(od), json and every reader see it.
  move_to_end(key) re-inserts key (O(1)); move_to_end(key, last=False)
  is O(n): it re-inserts every other key after key (a reader in another
  thread may briefly miss one of them); popitem(last=False) takes the
  first key.  There is no "OrderedDict mutated during iteration" check.
* namedtuple builds its class with type(); only __new__ is compiled from
  source (with exec), to get the exact signature and argument errors.
  Field accessors are properties over operator.itemgetter (CPython uses
  `_collections._tuplegetter`).  The class's __module__ is the caller's
  module, found with sys._getframe(1) (or `module=`); without
  sys._getframe it is left as type() sets it.
* defaultdict.__missing__ stores the new value with dict.setdefault (when
  __setitem__ is not overridden), so threads that race on one missing key
  share one value.
* Reprs guard against recursion per object and per thread.

Needs from ftl's language (written as natural code): isinstance() through
ABCMeta.__instancecheck__ (ChainMap's |, the views' set comparisons and
Mapping equality test `isinstance(x, Mapping)` / `Set`); __slots__ (until
then a deque's buffer and lock sit in its __dict__, so pickling or
deep-copying a deque fails on the lock); assignable __name__ /
__qualname__ / __doc__ on functions (namedtuple's methods and argument
errors: "Point.__new__() missing ..."); sys._getframe (namedtuple's
__module__, which pickling needs; without it the class says
'collections'); the `abc` module, which needs subclassable classmethod /
staticmethod / property.
"""

import _thread
import sys
import heapq as _heapq
from itertools import chain as _chain, repeat as _repeat, starmap as _starmap
from operator import itemgetter as _itemgetter, eq as _eq, index as _index

from collections import abc as _collections_abc
from types import GenericAlias as _GenericAlias

__all__ = [
    "ChainMap",
    "Counter",
    "OrderedDict",
    "UserDict",
    "UserList",
    "UserString",
    "defaultdict",
    "deque",
    "namedtuple",
]


def _recursive_repr(fillvalue='...'):
    """Decorator for __repr__: a repr that reaches the same object again
    (in the same thread) shows fillvalue instead of recursing."""

    def decorate(repr_function):
        running = set()

        def wrapper(self):
            key = (id(self), _thread.get_ident())
            if key in running:
                return fillvalue
            running.add(key)
            try:
                return repr_function(self)
            finally:
                running.discard(key)

        wrapper.__name__ = repr_function.__name__
        wrapper.__qualname__ = getattr(repr_function, '__qualname__',
                                       repr_function.__name__)
        wrapper.__doc__ = repr_function.__doc__
        wrapper.__wrapped__ = repr_function
        return wrapper

    return decorate


################################################################################
### deque
################################################################################

_MIN_CAPACITY = 8


class deque:
    """Double-ended queue: fast appends and pops at both ends; bounded by
    maxlen when given (items then fall off the other end)."""

    __slots__ = ('_buf', '_head', '_size', '_maxlen', '_lock', '_state',
                 '__weakref__')

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        self._buf = [None] * _MIN_CAPACITY
        self._head = 0       # index in _buf of the leftmost item
        self._size = 0
        self._maxlen = None
        self._lock = _thread.allocate_lock()
        self._state = 0      # bumped by each change of size or order
        return self

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            maxlen = int(maxlen)
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        with self._lock:
            self._maxlen = maxlen
            if self._size:
                self._clear_locked()
        self.extend(iterable)

    # --- the ring buffer (callers hold self._lock) ---

    def _resize_locked(self, capacity):
        buf, head, cap = self._buf, self._head, len(self._buf)
        items = [buf[(head + i) % cap] for i in range(self._size)]
        self._buf = items + [None] * (capacity - self._size)
        self._head = 0

    def _grow_if_full_locked(self):
        if self._size == len(self._buf):
            self._resize_locked(2 * len(self._buf))

    def _shrink_if_sparse_locked(self):
        cap = len(self._buf)
        if cap > _MIN_CAPACITY and self._size * 4 <= cap:
            self._resize_locked(max(_MIN_CAPACITY, cap // 2))

    def _append_locked(self, x):
        if self._maxlen == 0:
            return
        if self._size == self._maxlen:
            self._popleft_locked()
        self._grow_if_full_locked()
        self._buf[(self._head + self._size) % len(self._buf)] = x
        self._size += 1
        self._state += 1

    def _appendleft_locked(self, x):
        if self._maxlen == 0:
            return
        if self._size == self._maxlen:
            self._pop_locked()
        self._grow_if_full_locked()
        self._head = (self._head - 1) % len(self._buf)
        self._buf[self._head] = x
        self._size += 1
        self._state += 1

    def _pop_locked(self):
        if not self._size:
            raise IndexError("pop from an empty deque")
        i = (self._head + self._size - 1) % len(self._buf)
        x = self._buf[i]
        self._buf[i] = None
        self._size -= 1
        self._state += 1
        self._shrink_if_sparse_locked()
        return x

    def _popleft_locked(self):
        if not self._size:
            raise IndexError("pop from an empty deque")
        x = self._buf[self._head]
        self._buf[self._head] = None
        self._head = (self._head + 1) % len(self._buf)
        self._size -= 1
        self._state += 1
        self._shrink_if_sparse_locked()
        return x

    def _clear_locked(self):
        self._buf = [None] * _MIN_CAPACITY
        self._head = 0
        self._size = 0
        self._state += 1

    def _items_locked(self):
        buf, head, cap = self._buf, self._head, len(self._buf)
        return [buf[(head + i) % cap] for i in range(self._size)]

    def _set_items_locked(self, items):
        """Replace the contents by the list items (keeping maxlen's bound)."""
        if self._maxlen is not None and len(items) > self._maxlen:
            items = items[len(items) - self._maxlen:]
        capacity = _MIN_CAPACITY
        while capacity < len(items):
            capacity *= 2
        self._buf = items + [None] * (capacity - len(items))
        self._head = 0
        self._size = len(items)
        self._state += 1

    def _checked_index_locked(self, i):
        """The buffer position of item i (negative from the right)."""
        if not isinstance(i, int):
            i = _seq_index(i)
        if i < 0:
            i += self._size
        if not 0 <= i < self._size:
            raise IndexError("deque index out of range")
        return (self._head + i) % len(self._buf)

    def _snapshot(self):
        """(items, state) as they are now."""
        with self._lock:
            return self._items_locked(), self._state

    # --- the public methods ---

    def append(self, x, /):
        """Add x at the right end."""
        with self._lock:
            self._append_locked(x)

    def appendleft(self, x, /):
        """Add x at the left end."""
        with self._lock:
            self._appendleft_locked(x)

    def pop(self):
        """Take out and return the rightmost item."""
        with self._lock:
            return self._pop_locked()

    def popleft(self):
        """Take out and return the leftmost item."""
        with self._lock:
            return self._popleft_locked()

    def extend(self, iterable, /):
        """Append each item of iterable at the right."""
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            with self._lock:
                self._append_locked(x)

    def extendleft(self, iterable, /):
        """Append each item of iterable at the left (so they end up reversed)."""
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            with self._lock:
                self._appendleft_locked(x)

    def clear(self):
        """Empty the deque."""
        with self._lock:
            self._clear_locked()

    def copy(self):
        """A new deque (same class and maxlen) with the same items."""
        with self._lock:
            items = self._items_locked()
            maxlen = self._maxlen
        if type(self) is deque:
            return deque(items, maxlen)
        if maxlen is None:
            return type(self)(items)
        return type(self)(items, maxlen)

    __copy__ = copy

    def count(self, value, /):
        """How many items equal value."""
        items, state = self._snapshot()
        n = 0
        for item in items:
            if item is value or item == value:
                n += 1
            if self._state != state:
                raise RuntimeError("deque mutated during iteration")
        return n

    def index(self, value, start=0, stop=sys.maxsize, /):
        """Position of the first item equal to value in [start, stop);
        ValueError when there is none."""
        start = _slice_index(start)
        stop = _slice_index(stop)
        items, state = self._snapshot()
        n = len(items)
        if start < 0:
            start = max(start + n, 0)
        if stop < 0:
            stop = max(stop + n, 0)
        for i in range(start, min(stop, n)):
            item = items[i]
            if item is value or item == value:
                return i
            if self._state != state:
                raise RuntimeError("deque mutated during iteration")
        raise ValueError("%r is not in deque" % (value,))

    def insert(self, index, value, /):
        """Put value before position index."""
        index = _index(index)
        with self._lock:
            if self._maxlen is not None and self._size >= self._maxlen:
                raise IndexError("deque already at its maximum size")
            n = self._size
            if index < 0:
                index = max(index + n, 0)
            index = min(index, n)
            if index == n:
                self._append_locked(value)
            elif index == 0:
                self._appendleft_locked(value)
            else:
                # Move the shorter side by one place.
                self._grow_if_full_locked()
                buf, cap = self._buf, len(self._buf)
                if index < n // 2:
                    self._head = (self._head - 1) % cap
                    head = self._head
                    for k in range(index):
                        buf[(head + k) % cap] = buf[(head + k + 1) % cap]
                else:
                    head = self._head
                    for k in range(n, index, -1):
                        buf[(head + k) % cap] = buf[(head + k - 1) % cap]
                buf[(self._head + index) % cap] = value
                self._size += 1
                self._state += 1

    def _delete_at_locked(self, index):
        """Remove item number index (0 <= index < size)."""
        buf, cap, head, n = self._buf, len(self._buf), self._head, self._size
        if index < n // 2:
            for k in range(index, 0, -1):
                buf[(head + k) % cap] = buf[(head + k - 1) % cap]
            buf[head] = None
            self._head = (head + 1) % cap
        else:
            for k in range(index, n - 1):
                buf[(head + k) % cap] = buf[(head + k + 1) % cap]
            buf[(head + n - 1) % cap] = None
        self._size -= 1
        self._state += 1
        self._shrink_if_sparse_locked()

    def remove(self, value, /):
        """Take out the first item equal to value."""
        items, state = self._snapshot()
        for i, item in enumerate(items):
            found = item is value or item == value
            if self._state != state:
                raise RuntimeError("deque mutated during iteration")
            if found:
                with self._lock:
                    if self._state != state:
                        raise IndexError("deque mutated during remove().")
                    self._delete_at_locked(i)
                return
        raise ValueError("%r is not in deque" % (value,))

    def reverse(self):
        """Reverse the items in place."""
        with self._lock:
            items = self._items_locked()
            items.reverse()
            self._set_items_locked(items)

    def rotate(self, n=1, /):
        """Move the items n steps to the right (left when n < 0)."""
        n = _index(n)
        with self._lock:
            size = self._size
            if size <= 1:
                return
            n %= size
            if n == 0:
                return
            buf, cap = self._buf, len(self._buf)
            if size == cap:
                # A full ring: moving the head is the rotation.
                self._head = (self._head - n) % cap
            else:
                if n > size // 2:
                    # Rotating left by size - n moves fewer items.
                    for _ in range(size - n):
                        x = buf[self._head]
                        buf[self._head] = None
                        self._head = (self._head + 1) % cap
                        buf[(self._head + size - 1) % cap] = x
                else:
                    for _ in range(n):
                        last = (self._head + size - 1) % cap
                        x = buf[last]
                        buf[last] = None
                        self._head = (self._head - 1) % cap
                        buf[self._head] = x
            self._state += 1

    @property
    def maxlen(self):
        """The bound given at creation, or None."""
        return self._maxlen

    def __len__(self):
        return self._size

    def __bool__(self):
        return self._size != 0

    def __getitem__(self, index, /):
        with self._lock:
            return self._buf[self._checked_index_locked(index)]

    def __setitem__(self, index, value, /):
        with self._lock:
            self._buf[self._checked_index_locked(index)] = value

    def __delitem__(self, index, /):
        with self._lock:
            self._checked_index_locked(index)
            if index < 0:
                index += self._size
            self._delete_at_locked(index)

    def __contains__(self, value, /):
        items, state = self._snapshot()
        for item in items:
            if item is value or item == value:
                return True
            if self._state != state:
                raise RuntimeError("deque mutated during iteration")
        return False

    def __iter__(self):
        return self._iterate(False)

    def __reversed__(self):
        """An iterator from the right end."""
        return self._iterate(True)

    def _iterate(self, backwards):
        lock = self._lock
        with lock:
            state = self._state
            n = self._size
        i = 0
        while True:
            with lock:
                if self._state != state:
                    raise RuntimeError("deque mutated during iteration")
                if i >= n:
                    return
                k = n - 1 - i if backwards else i
                item = self._buf[(self._head + k) % len(self._buf)]
            yield item
            i += 1

    @_recursive_repr('[...]')
    def _items_repr(self):
        return repr(self._snapshot()[0])

    def __repr__(self):
        items = self._items_repr()
        if items == '[...]':
            return '[...]'
        if self._maxlen is None:
            return '%s(%s)' % (type(self).__name__, items)
        return '%s(%s, maxlen=%d)' % (type(self).__name__, items, self._maxlen)

    def __reduce__(self):
        state = getattr(self, '__dict__', None) or None
        items = iter(self._snapshot()[0])
        if self._maxlen is None:
            return (type(self), (), state, items)
        return (type(self), ((), self._maxlen), state, items)

    # --- comparisons and arithmetic ---

    def _compare(self, other, op):
        if not isinstance(other, deque):
            return NotImplemented
        return op(self._snapshot()[0], other._snapshot()[0])

    def __eq__(self, other):
        return self._compare(other, lambda a, b: a == b)

    def __ne__(self, other):
        return self._compare(other, lambda a, b: a != b)

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b)

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "%s") to deque'
                            % type(other).__name__)
        result = self.copy()
        result.extend(other)
        return result

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        result = self.copy()
        result.__imul__(n)
        return result

    __rmul__ = __mul__

    def __imul__(self, n):
        n = _index(n)
        with self._lock:
            if n <= 0:
                if self._size:
                    self._clear_locked()
            elif n > 1:
                items = self._items_locked()
                if self._maxlen is not None:
                    # Only the last maxlen items of the repetition stay.
                    total = len(items) * n
                    keep = min(total, self._maxlen)
                    reps = -(-keep // len(items)) if items else 0
                    items = items * reps
                else:
                    items = items * n
                self._set_items_locked(items)
        return self

    __class_getitem__ = classmethod(_GenericAlias)


def _seq_index(i):
    """i as an int for indexing a deque (CPython's error otherwise)."""
    try:
        return _index(i)
    except TypeError:
        raise TypeError("sequence index must be integer, not '%s'"
                        % type(i).__name__) from None


def _slice_index(i):
    try:
        return _index(i)
    except TypeError:
        raise TypeError("slice indices must be integers or have an "
                        "__index__ method") from None


################################################################################
### defaultdict
################################################################################

class defaultdict(dict):
    """defaultdict(default_factory=None, /, [...]): a dict that makes the
    value of a missing key by calling default_factory() (on d[key] only)
    and stores it.  The other arguments are dict()'s."""

    __slots__ = ('default_factory',)

    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        super().__init__(*args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key, /):
        factory = self.default_factory
        if factory is None:
            raise KeyError(key)
        value = factory()
        if type(self).__setitem__ is dict.__setitem__:
            # Threads racing on the same missing key all get the one value
            # that was stored first (so d[k].append(x) loses nothing).
            return dict.setdefault(self, key, value)
        self[key] = value
        return value

    @_recursive_repr()
    def _factory_repr(self):
        return repr(self.default_factory)

    def __repr__(self):
        return '%s(%s, %s)' % (type(self).__name__, self._factory_repr(),
                               dict.__repr__(self))

    def copy(self):
        """A new defaultdict with the same factory and items."""
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        args = () if self.default_factory is None else (self.default_factory,)
        return (type(self), args, None, None, iter(list(self.items())))

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = self.copy()
        result.update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = type(self)(self.default_factory, other)
        result.update(self)
        return result

    __class_getitem__ = classmethod(_GenericAlias)


################################################################################
### OrderedDict
################################################################################

class _OrderedDictKeysView(_collections_abc.KeysView):

    def __reversed__(self):
        yield from reversed(self._mapping)

    def __repr__(self):
        return 'odict_keys(%r)' % (list(self),)


class _OrderedDictItemsView(_collections_abc.ItemsView):

    def __reversed__(self):
        mapping = self._mapping
        for key in reversed(mapping):
            yield (key, mapping[key])

    def __repr__(self):
        return 'odict_items(%r)' % (list(self),)


class _OrderedDictValuesView(_collections_abc.ValuesView):

    def __reversed__(self):
        mapping = self._mapping
        for key in reversed(mapping):
            yield mapping[key]

    def __repr__(self):
        return 'odict_values(%r)' % (list(self),)


_odict_missing = object()


class OrderedDict(dict):
    """A dict whose order can be changed (move_to_end, popitem(last=False))
    and matters for equality between two OrderedDicts."""

    def __init__(self, other=(), /, **kwds):
        self.__update(other, **kwds)

    update = __update = _collections_abc.MutableMapping.update

    def move_to_end(self, key, last=True):
        """Move key to the right end (the left end when last is false);
        KeyError when key is missing."""
        value = dict.pop(self, key)          # KeyError(key) if missing
        if last:
            dict.__setitem__(self, key, value)
            return
        others = list(dict.keys(self))
        dict.__setitem__(self, key, value)
        for k in others:
            v = dict.pop(self, k, _odict_missing)
            if v is not _odict_missing:
                dict.setdefault(self, k, v)

    def popitem(self, last=True):
        """Take out and return the last (key, value) pair, or the first
        when last is false."""
        if last:
            try:
                return dict.popitem(self)
            except KeyError:
                raise KeyError('dictionary is empty') from None
        while True:
            try:
                key = next(iter(dict.keys(self)))
            except StopIteration:
                raise KeyError('dictionary is empty') from None
            value = dict.pop(self, key, _odict_missing)
            if value is not _odict_missing:
                return key, value

    def __reversed__(self):
        """The keys from last to first."""
        yield from reversed(list(dict.keys(self)))

    def keys(self):
        """A set-like view of the keys, in order."""
        return _OrderedDictKeysView(self)

    def items(self):
        """A set-like view of the (key, value) pairs, in order."""
        return _OrderedDictItemsView(self)

    def values(self):
        """A view of the values, in order."""
        return _OrderedDictValuesView(self)

    def setdefault(self, key, default=None):
        """self[key]; when it is missing, insert it with default first."""
        return dict.setdefault(self, key, default)

    def pop(self, key, default=_odict_missing):
        """Take out key and return its value; default (when given) if
        key is missing, else KeyError."""
        if default is _odict_missing:
            return dict.pop(self, key)
        return dict.pop(self, key, default)

    @_recursive_repr()
    def __repr__(self):
        if not self:
            return '%s()' % (type(self).__name__,)
        return '%s(%r)' % (type(self).__name__, list(dict.items(self)))

    def __reduce__(self):
        state = getattr(self, '__dict__', None) or None
        return (type(self), (), state, None, iter(list(dict.items(self))))

    def copy(self):
        """A new OrderedDict of the same class and items."""
        return type(self)(self)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        """A new OrderedDict mapping each key of iterable to value."""
        self = cls()
        for key in iterable:
            self[key] = value
        return self

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and all(map(_eq, self, other))
        return dict.__eq__(self, other)

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result

    __hash__ = None

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = type(self)(self)
        result.update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = type(self)(other)
        result.update(self)
        return result


################################################################################
### namedtuple
################################################################################

# The keywords of Python 3.11 (keyword.kwlist): not valid as names.
_KEYWORDS = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await',
    'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
    'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is',
    'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
    'while', 'with', 'yield',
])

_tuple_new = tuple.__new__


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """A new tuple subclass named typename whose items are also attributes
    named by field_names (a list of strings, or one string of names
    separated by commas or spaces).

    rename=True replaces invalid or repeated names by _0, _1, ...;
    defaults gives the values of the last fields; module sets __module__.
    """
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    names = [str(name) for name in field_names]
    typename = str(typename)

    if rename:
        # Replace each unusable name by _<position>.
        used = set()
        for position, name in enumerate(names):
            if (not name.isidentifier() or name in _KEYWORDS
                    or name.startswith('_') or name in used):
                names[position] = '_%d' % position
            used.add(name)

    for name in [typename] + names:
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid '
                             'identifiers: %r' % (name,))
        if name in _KEYWORDS:
            raise ValueError('Type names and field names cannot be a '
                             'keyword: %r' % (name,))
    used = set()
    for name in names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: %r'
                             % (name,))
        if name in used:
            raise ValueError('Encountered duplicate field name: %r' % (name,))
        used.add(name)

    fields = tuple(names)
    num_fields = len(fields)

    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > num_fields:
            raise TypeError('Got more default values than field names')
        # The defaults belong to the last fields.
        for name, value in zip(fields[num_fields - len(defaults):], defaults):
            field_defaults[name] = value

    # __new__ is compiled so that it has the fields as its parameters (and
    # Python's own errors for missing or extra arguments).  The names are
    # checked identifiers, so the source is safe.
    arg_list = ', '.join(fields)
    first_default = num_fields - (len(defaults) if defaults else 0)
    params = ', '.join(
        name if position < first_default
        else '%s=_defaults[%d]' % (name, position - first_default)
        for position, name in enumerate(fields))
    source = ('def __new__(_cls%s%s):\n'
              '    return _tuple_new(_cls, (%s%s))\n'
              % (', ' if fields else '', params, arg_list,
                 ',' if num_fields == 1 else ''))
    namespace = {
        '_tuple_new': _tuple_new,
        '_defaults': defaults,
        '__builtins__': {},
        '__name__': 'namedtuple_%s' % typename,
    }
    exec(source, namespace)
    __new__ = namespace['__new__']
    __new__.__doc__ = 'Create new instance of %s(%s)' % (typename, arg_list)

    def _make(cls, iterable):
        result = _tuple_new(cls, iterable)
        if len(result) != num_fields:
            raise TypeError('Expected %d arguments, got %d'
                            % (num_fields, len(result)))
        return result

    _make.__doc__ = 'Make a new %s object from a sequence or iterable' % typename

    def _replace(self, /, **kwds):
        result = self._make([kwds.pop(name, value)
                             for name, value in zip(fields, self)])
        if kwds:
            raise ValueError('Got unexpected field names: %r' % (list(kwds),))
        return result

    _replace.__doc__ = ('Return a new %s object replacing specified fields '
                        'with new values' % typename)

    repr_format = '(' + ', '.join('%s=%%r' % name for name in fields) + ')'

    def __repr__(self):
            return self.__class__.__name__ + repr_format % tuple(self)

    def _asdict(self):
            return dict(zip(self._fields, self))

    def __getnewargs__(self):
            return tuple(self)

    for method in (__new__, _make, _replace, __repr__, _asdict,
                   __getnewargs__):
        method.__qualname__ = '%s.%s' % (typename, method.__name__)

    class_namespace = {
        '__doc__': '%s(%s)' % (typename, arg_list),
        '__slots__': (),
        '_fields': fields,
        '_field_defaults': field_defaults,
        '__new__': __new__,
        '_make': classmethod(_make),
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': fields,
    }
    for position, name in enumerate(fields):
        class_namespace[name] = property(
            _itemgetter(position), doc='Alias for field number %d' % position)

    result = type(typename, (tuple,), class_namespace)

    # Pickling needs the module that defines the class: by default the
    # caller's.
    if module is None:
        try:
            module = sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            pass
    if module is not None:
        result.__module__ = module

    return result


################################################################################
### Counter
################################################################################

def _count_elements(mapping, iterable):
    """Add one to mapping[elem] for each elem of iterable."""
    get = mapping.get
    for elem in iterable:
        mapping[elem] = get(elem, 0) + 1


def _is_mapping(obj):
    return isinstance(obj, dict) or isinstance(obj, _collections_abc.Mapping)


class Counter(dict):
    """A dict from hashable elements to their counts (a multiset).  A
    missing element counts 0; Counter('abca') counts the items of an
    iterable, Counter({'a': 2}) takes counts as given."""

    def __init__(self, iterable=None, /, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        """The sum of all counts."""
        return sum(self.values())

    def most_common(self, n=None):
        """[(element, count), ...] from the highest count down (ties in
        insertion order), all of them or the first n."""
        if n is None:
            return sorted(self.items(), key=_itemgetter(1), reverse=True)
        return _heapq.nlargest(n, self.items(), key=_itemgetter(1))

    def elements(self):
        """Each element repeated count times, in insertion order (counts
        below one give nothing)."""
        return _chain.from_iterable(_starmap(_repeat, self.items()))

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        """Add counts: from a mapping of counts, or one per item of an
        iterable, then from the keyword arguments."""
        if iterable is not None:
            if _is_mapping(iterable):
                if self:
                    get = self.get
                    for elem, count in iterable.items():
                        self[elem] = count + get(elem, 0)
                else:
                    # An empty Counter takes the counts as they are.
                    dict.update(self, iterable)
            else:
                _count_elements(self, iterable)
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Subtract counts as update() adds them; counts may go to zero
        or below."""
        if iterable is not None:
            get = self.get
            if _is_mapping(iterable):
                for elem, count in iterable.items():
                    self[elem] = get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return self.__class__(self)

    def __reduce__(self):
        return self.__class__, (dict(self),)

    def __delitem__(self, elem):
        # A missing element is no error.
        if elem in self:
            super().__delitem__(elem)

    def __repr__(self):
        if not self:
            return '%s()' % self.__class__.__name__
        try:
            # Most common first (a dict keeps the order it is given).
            d = dict(self.most_common())
        except TypeError:
            # Counts that do not order among themselves.
            d = dict(self)
        return '%s(%r)' % (self.__class__.__name__, d)

    # --- comparisons: a missing element counts as zero ---

    def _all_counts(self, other, test):
        for c in (self, other):
            for elem in c:
                if not test(self[elem], other[elem]):
                    return False
        return True

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._all_counts(other, _eq)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._all_counts(other, lambda a, b: a <= b)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._all_counts(other, lambda a, b: a >= b)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    __hash__ = None

    # --- multiset arithmetic: results keep positive counts only ---

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            total = count + other[elem]
            if total > 0:
                result[elem] = total
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            diff = count - other[elem]
            if diff > 0:
                result[elem] = diff
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            largest = other_count if count < other_count else count
            if largest > 0:
                result[elem] = largest
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            smallest = count if count < other_count else other_count
            if smallest > 0:
                result[elem] = smallest
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        for elem in [elem for elem, count in self.items() if not count > 0]:
            del self[elem]
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other.items():
            if other_count > self[elem]:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in self.items():
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()


################################################################################
### ChainMap
################################################################################

class ChainMap(_collections_abc.MutableMapping):
    """One mapping made of several (the public list `maps`): lookups try
    each in turn; writes and deletions go to maps[0] only."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        keys = set()
        for mapping in self.maps:
            keys.update(mapping)
        return len(keys)

    def __iter__(self):
        # Keys in the order of the last mapping first, as dict() would
        # merge them; each key once.
        merged = {}
        for mapping in reversed(self.maps):
            for key in mapping:
                merged[key] = None
        return iter(merged)

    def __contains__(self, key):
        for mapping in self.maps:
            if key in mapping:
                return True
        return False

    def __bool__(self):
        for mapping in self.maps:
            if mapping:
                return True
        return False

    @_recursive_repr()
    def __repr__(self):
        return '%s(%s)' % (self.__class__.__name__,
                           ', '.join(repr(m) for m in self.maps))

    @classmethod
    def fromkeys(cls, iterable, *args):
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        """A new ChainMap: a copy of maps[0], then the same maps[1:]."""
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        """A new ChainMap with m (a new dict by default, updated with the
        keyword arguments) in front of these maps."""
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        """A new ChainMap of maps[1:]."""
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError('Key not found in the first mapping: %r'
                           % (key,)) from None

    def popitem(self):
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.') from None

    def pop(self, key, *args):
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError('Key not found in the first mapping: %r'
                           % (key,)) from None

    def clear(self):
        self.maps[0].clear()

    def __ior__(self, other):
        self.maps[0].update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, _collections_abc.Mapping):
            return NotImplemented
        result = self.copy()
        result.maps[0].update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, _collections_abc.Mapping):
            return NotImplemented
        merged = dict(other)
        for child in reversed(self.maps):
            merged.update(child)
        return self.__class__(merged)


################################################################################
### UserDict
################################################################################

class UserDict(_collections_abc.MutableMapping):

    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        if dict is not None:
            self.update(dict)
        if kwargs:
            self.update(kwargs)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, key):
        if key in self.data:
            return self.data[key]
        if hasattr(self.__class__, "__missing__"):
            return self.__class__.__missing__(self, key)
        raise KeyError(key)

    def __setitem__(self, key, item):
        self.data[key] = item

    def __delitem__(self, key):
        del self.data[key]

    def __iter__(self):
        return iter(self.data)

    def __contains__(self, key):
        return key in self.data

    def __repr__(self):
        return repr(self.data)

    def __or__(self, other):
        if isinstance(other, UserDict):
            return self.__class__(self.data | other.data)
        if isinstance(other, dict):
            return self.__class__(self.data | other)
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, UserDict):
            return self.__class__(other.data | self.data)
        if isinstance(other, dict):
            return self.__class__(other | self.data)
        return NotImplemented

    def __ior__(self, other):
        if isinstance(other, UserDict):
            self.data |= other.data
        else:
            self.data |= other
        return self

    def __copy__(self):
        inst = self.__class__.__new__(self.__class__)
        inst.__dict__.update(self.__dict__)
        # A copy of the data, not the same dict.
        inst.__dict__["data"] = self.__dict__["data"].copy()
        return inst

    def copy(self):
        if self.__class__ is UserDict:
            return UserDict(self.data.copy())
        import copy
        data = self.data
        try:
            self.data = {}
            c = copy.copy(self)
        finally:
            self.data = data
        c.update(self)
        return c

    @classmethod
    def fromkeys(cls, iterable, value=None):
        d = cls()
        for key in iterable:
            d[key] = value
        return d


################################################################################
### UserList
################################################################################

class UserList(_collections_abc.MutableSequence):
    """A list kept in the attribute `data`, for subclassing."""

    def __init__(self, initlist=None):
        self.data = []
        if initlist is not None:
            if type(initlist) == type(self.data):
                self.data[:] = initlist
            elif isinstance(initlist, UserList):
                self.data[:] = initlist.data[:]
            else:
                self.data = list(initlist)

    def __repr__(self):
        return repr(self.data)

    def __lt__(self, other):
        return self.data < self.__cast(other)

    def __le__(self, other):
        return self.data <= self.__cast(other)

    def __eq__(self, other):
        return self.data == self.__cast(other)

    def __gt__(self, other):
        return self.data > self.__cast(other)

    def __ge__(self, other):
        return self.data >= self.__cast(other)

    def __cast(self, other):
        return other.data if isinstance(other, UserList) else other

    __hash__ = None

    def __contains__(self, item):
        return item in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self.__class__(self.data[i])
        return self.data[i]

    def __setitem__(self, i, item):
        self.data[i] = item

    def __delitem__(self, i):
        del self.data[i]

    def __add__(self, other):
        if isinstance(other, UserList):
            return self.__class__(self.data + other.data)
        if isinstance(other, type(self.data)):
            return self.__class__(self.data + other)
        return self.__class__(self.data + list(other))

    def __radd__(self, other):
        if isinstance(other, UserList):
            return self.__class__(other.data + self.data)
        if isinstance(other, type(self.data)):
            return self.__class__(other + self.data)
        return self.__class__(list(other) + self.data)

    def __iadd__(self, other):
        if isinstance(other, UserList):
            self.data += other.data
        elif isinstance(other, type(self.data)):
            self.data += other
        else:
            self.data += list(other)
        return self

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self.data *= n
        return self

    def __copy__(self):
        inst = self.__class__.__new__(self.__class__)
        inst.__dict__.update(self.__dict__)
        # A copy of the data, not the same list.
        inst.__dict__["data"] = self.__dict__["data"][:]
        return inst

    def append(self, item):
        self.data.append(item)

    def insert(self, i, item):
        self.data.insert(i, item)

    def pop(self, i=-1):
        return self.data.pop(i)

    def remove(self, item):
        self.data.remove(item)

    def clear(self):
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def count(self, item):
        return self.data.count(item)

    def index(self, item, *args):
        return self.data.index(item, *args)

    def reverse(self):
        self.data.reverse()

    def sort(self, /, *args, **kwds):
        self.data.sort(*args, **kwds)

    def extend(self, other):
        if isinstance(other, UserList):
            self.data.extend(other.data)
        else:
            self.data.extend(other)


################################################################################
### UserString
################################################################################

def _str_arg(obj):
    """The str inside a UserString argument, else the argument."""
    return obj.data if isinstance(obj, UserString) else obj


class UserString(_collections_abc.Sequence):

    def __init__(self, seq):
        if isinstance(seq, str):
            self.data = seq
        elif isinstance(seq, UserString):
            self.data = seq.data[:]
        else:
            self.data = str(seq)

    def __str__(self):
        return str(self.data)

    def __repr__(self):
        return repr(self.data)

    def __int__(self):
        return int(self.data)

    def __float__(self):
        return float(self.data)

    def __complex__(self):
        return complex(self.data)

    def __hash__(self):
        return hash(self.data)

    def __getnewargs__(self):
        return (self.data[:],)

    def __eq__(self, string):
        return self.data == _str_arg(string)

    def __lt__(self, string):
        return self.data < _str_arg(string)

    def __le__(self, string):
        return self.data <= _str_arg(string)

    def __gt__(self, string):
        return self.data > _str_arg(string)

    def __ge__(self, string):
        return self.data >= _str_arg(string)

    def __contains__(self, char):
        return _str_arg(char) in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, index):
        return self.__class__(self.data[index])

    def __add__(self, other):
        if isinstance(other, UserString):
            return self.__class__(self.data + other.data)
        if isinstance(other, str):
            return self.__class__(self.data + other)
        return self.__class__(self.data + str(other))

    def __radd__(self, other):
        if isinstance(other, str):
            return self.__class__(other + self.data)
        return self.__class__(str(other) + self.data)

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __mod__(self, args):
        return self.__class__(self.data % args)

    def __rmod__(self, template):
        return self.__class__(str(template) % self)

    # --- the str methods: results that are strings come back as
    # instances of the class ---

    def capitalize(self):
        return self.__class__(self.data.capitalize())

    def casefold(self):
        return self.__class__(self.data.casefold())

    def center(self, width, *args):
        return self.__class__(self.data.center(width, *args))

    def count(self, sub, start=0, end=sys.maxsize):
        return self.data.count(_str_arg(sub), start, end)

    def removeprefix(self, prefix, /):
        return self.__class__(self.data.removeprefix(_str_arg(prefix)))

    def removesuffix(self, suffix, /):
        return self.__class__(self.data.removesuffix(_str_arg(suffix)))

    def encode(self, encoding='utf-8', errors='strict'):
        encoding = 'utf-8' if encoding is None else encoding
        errors = 'strict' if errors is None else errors
        return self.data.encode(encoding, errors)

    def endswith(self, suffix, start=0, end=sys.maxsize):
        return self.data.endswith(suffix, start, end)

    def expandtabs(self, tabsize=8):
        return self.__class__(self.data.expandtabs(tabsize))

    def find(self, sub, start=0, end=sys.maxsize):
        return self.data.find(_str_arg(sub), start, end)

    def format(self, /, *args, **kwds):
        return self.data.format(*args, **kwds)

    def format_map(self, mapping):
        return self.data.format_map(mapping)

    def index(self, sub, start=0, end=sys.maxsize):
        return self.data.index(sub, start, end)

    def isalpha(self):
        return self.data.isalpha()

    def isalnum(self):
        return self.data.isalnum()

    def isascii(self):
        return self.data.isascii()

    def isdecimal(self):
        return self.data.isdecimal()

    def isdigit(self):
        return self.data.isdigit()

    def isidentifier(self):
        return self.data.isidentifier()

    def islower(self):
        return self.data.islower()

    def isnumeric(self):
        return self.data.isnumeric()

    def isprintable(self):
        return self.data.isprintable()

    def isspace(self):
        return self.data.isspace()

    def istitle(self):
        return self.data.istitle()

    def isupper(self):
        return self.data.isupper()

    def join(self, seq):
        return self.data.join(seq)

    def ljust(self, width, *args):
        return self.__class__(self.data.ljust(width, *args))

    def lower(self):
        return self.__class__(self.data.lower())

    def lstrip(self, chars=None):
        return self.__class__(self.data.lstrip(chars))

    maketrans = str.maketrans

    def partition(self, sep):
        return self.data.partition(sep)

    def replace(self, old, new, maxsplit=-1):
        return self.__class__(self.data.replace(_str_arg(old), _str_arg(new),
                                                maxsplit))

    def rfind(self, sub, start=0, end=sys.maxsize):
        return self.data.rfind(_str_arg(sub), start, end)

    def rindex(self, sub, start=0, end=sys.maxsize):
        return self.data.rindex(sub, start, end)

    def rjust(self, width, *args):
        return self.__class__(self.data.rjust(width, *args))

    def rpartition(self, sep):
        return self.data.rpartition(sep)

    def rstrip(self, chars=None):
        return self.__class__(self.data.rstrip(chars))

    def split(self, sep=None, maxsplit=-1):
        return self.data.split(sep, maxsplit)

    def rsplit(self, sep=None, maxsplit=-1):
        return self.data.rsplit(sep, maxsplit)

    def splitlines(self, keepends=False):
        return self.data.splitlines(keepends)

    def startswith(self, prefix, start=0, end=sys.maxsize):
        return self.data.startswith(prefix, start, end)

    def strip(self, chars=None):
        return self.__class__(self.data.strip(chars))

    def swapcase(self):
        return self.__class__(self.data.swapcase())

    def title(self):
        return self.__class__(self.data.title())

    def translate(self, *args):
        return self.__class__(self.data.translate(*args))

    def upper(self):
        return self.__class__(self.data.upper())

    def zfill(self, width):
        return self.__class__(self.data.zfill(width))
