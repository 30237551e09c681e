"""multiprocessing.sharedctypes (CPython's
`Lib/multiprocessing/sharedctypes.py`): numbers and arrays in memory shared
between processes.

`RawValue(typecode, *args)` is one number (or character) and
`RawArray(typecode, size_or_initializer)` a fixed-length array of them;
`Value` and `Array` wrap the same objects with a lock (`Synchronized`,
`SynchronizedArray`, and `SynchronizedString` for a `'c'` array), whose
methods take the lock around each access. `lock=False` returns the raw
object, `lock=True` (or None) makes a new `RLock`, any other object with
an `acquire` method is used as the lock.

Mechanism. The memory is a `_multiprocessing.SharedBuffer`: a sealed
`memfd` mapped shared, which the object reads and writes one native
element at a time (`get`/`set`, atomic loads and stores of the element's
width) or as bytes (`read`/`write`). When a child is started with the
object among its arguments, the object pickles as its typecode, length and
descriptor (`reduction.DupFd`, which adds the descriptor to the ones the
child keeps); the child maps the same memory (`SharedBuffer._attach`), so a
write on either side is seen by the other. The lock travels as a
`multiprocessing.synchronize` lock (a named semaphore). Outside the start
of a child, pickling either kind raises `RuntimeError` (`... objects should
only be shared between processes through inheritance`).

Deviations from CPython. ftl has no `ctypes`: the type is a typecode string
(`c u b B h H i I l L q Q f d`, native sizes as on 64-bit Linux: `l`, `L`,
`q`, `Q` are 8 bytes, `u` a 4-byte `wchar_t`) and a ctypes type, or any
other non-string, is refused with `TypeError`; an unknown typecode string
is CPython's `TypeError: this type has no size`. The raw objects are not
ctypes instances, though they behave like them for `.value`, indexing,
slicing, iteration and `len` (integers wrap as ctypes does, a `'c'` array
has `.value` and `.raw`, a `'u'` array `.value`), and their `repr` and
names are ctypes' (`c_int(5)`, `c_long_Array_3`; `q` is `c_long` as in
ctypes on LP64). Structures, pointers and `ctypes.addressof` do not exist.
Plain `pickle` of a raw object raises the `RuntimeError` above (CPython
fails there too, with a `TypeError` about `mmap`).
"""

from _multiprocessing import SharedBuffer

from multiprocessing import context
from multiprocessing.context import reduction, assert_spawning

__all__ = ['RawValue', 'RawArray', 'Value', 'Array', 'copy', 'synchronized']

# typecode -> (ctypes name, element width in bytes, SharedBuffer code)
_TYPES = {
    'c': ('c_char', 1, 'B'),
    'u': ('c_wchar', 4, 'I'),
    'b': ('c_byte', 1, 'b'),
    'B': ('c_ubyte', 1, 'B'),
    'h': ('c_short', 2, 'h'),
    'H': ('c_ushort', 2, 'H'),
    'i': ('c_int', 4, 'i'),
    'I': ('c_uint', 4, 'I'),
    'l': ('c_long', 8, 'l'),
    'L': ('c_ulong', 8, 'L'),
    'q': ('c_long', 8, 'q'),
    'Q': ('c_ulong', 8, 'Q'),
    'f': ('c_float', 4, 'f'),
    'd': ('c_double', 8, 'd'),
}

_SIGNED = 'bhilq'
_UNSIGNED = 'BHILQ'


def _check_typecode(typecode_or_type):
    if isinstance(typecode_or_type, str):
        if typecode_or_type in _TYPES:
            return typecode_or_type
        raise TypeError('this type has no size')
    if isinstance(typecode_or_type, type):
        raise TypeError(
            'ftl has no ctypes: give a typecode string (one of %s), not %r'
            % (' '.join(_TYPES), typecode_or_type))
    raise TypeError('this type has no size')


def _as_index(value):
    """`value` as an int, as `PyNumber_Index` would make it."""
    if isinstance(value, int):
        return int(value)
    meth = getattr(type(value), '__index__', None)
    if meth is None:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__)
    return meth(value)


def _to_element(typecode, value):
    """What `SharedBuffer.set` stores for `value`, with ctypes' checks
    (integers wrap to the element's width, as a C cast would)."""
    if typecode in _SIGNED or typecode in _UNSIGNED:
        n = _as_index(value)
        bits = 8 * _TYPES[typecode][1]
        n = n & ((1 << bits) - 1)
        if typecode in _SIGNED and n >= 1 << (bits - 1):
            n -= 1 << bits
        return n
    if typecode == 'f' or typecode == 'd':
        if isinstance(value, (int, float)):
            return float(value)
        meth = getattr(type(value), '__float__', None)
        if meth is None:
            raise TypeError('must be real number, not %s'
                            % type(value).__name__)
        return meth(value)
    if typecode == 'c':
        if isinstance(value, (bytes, bytearray)) and len(value) == 1:
            return value[0]
        if isinstance(value, int) and 0 <= value < 256:
            return int(value)
        raise TypeError('one character bytes, bytearray or integer expected')
    # 'u'
    if not isinstance(value, str):
        raise TypeError('unicode string expected instead of %s instance'
                        % type(value).__name__)
    if len(value) != 1:
        raise TypeError('one character unicode string expected')
    return ord(value)


def _from_element(typecode, n):
    if typecode == 'c':
        return bytes([n])
    if typecode == 'u':
        return chr(n)
    return n


def _slice_indices(s, length):
    """`s.indices(length)`, for a slice `s`."""
    if s.step is None:
        step = 1
    else:
        step = _as_index(s.step)
        if step == 0:
            raise ValueError('slice step cannot be zero')
    if step < 0:
        lower, upper = -1, length - 1
    else:
        lower, upper = 0, length

    def bound(v, default):
        if v is None:
            return default
        v = _as_index(v)
        if v < 0:
            v += length
            return lower if v < lower else v
        return upper if v > upper else v

    start = bound(s.start, upper if step < 0 else lower)
    stop = bound(s.stop, lower if step < 0 else upper)
    return start, stop, step


class _Shared:
    """The part the raw objects share: a typecode, a length (None for a
    single value) and the buffer."""

    def _setup(self, typecode, length, buf):
        self._typecode = typecode
        self._length = length
        self._buf = buf
        self._code = _TYPES[typecode][2]

    def _get(self, i):
        return _from_element(self._typecode, self._buf.get(self._code, i))

    def _set(self, i, value):
        n = _to_element(self._typecode, value)
        try:
            self._buf.set(self._code, i, n)
        except OverflowError:
            # A C cast of a float too large for a `float` is infinite.
            self._buf.set(self._code, i, n * float('inf'))

    def _ctype_name(self):
        name = _TYPES[self._typecode][0]
        if self._length is None:
            return name
        return '%s_Array_%d' % (name, self._length)

    def __reduce__(self):
        if context.get_spawning_popen() is None:
            raise RuntimeError(
                '%s objects should only be shared between processes'
                ' through inheritance' % self._ctype_name())
        df = reduction.DupFd(self._buf.fd)
        return _rebuild, (self._typecode, self._length, df, self._buf.size)


def _rebuild(typecode, length, df, size):
    """Maps, in a child, the memory of a raw object of its parent."""
    import os
    fd = df.detach()
    try:
        buf = SharedBuffer._attach(fd, size)
    finally:
        os.close(fd)
    return _wrap(typecode, length, buf)


def _wrap(typecode, length, buf):
    if length is None:
        obj = _RawValue()
    elif typecode == 'c':
        obj = _RawCharArray()
    elif typecode == 'u':
        obj = _RawWcharArray()
    else:
        obj = _RawArray()
    obj._setup(typecode, length, buf)
    return obj


def _new(typecode, length):
    width = _TYPES[typecode][1]
    n = 1 if length is None else length
    # A zero-length mapping is refused: an empty array keeps one byte.
    return _wrap(typecode, length, SharedBuffer(max(n * width, 1)))


class _RawValue(_Shared):
    """A number (or character) in shared memory: ctypes' `c_int` and
    kin."""

    def _get_value(self):
        return self._get(0)

    def _set_value(self, value):
        self._set(0, value)

    value = property(_get_value, _set_value)

    def __repr__(self):
        return '%s(%r)' % (self._ctype_name(), self._get(0))


class _RawArray(_Shared):
    """An array in shared memory: ctypes' `c_int * n` and kin."""

    def __len__(self):
        return self._length

    def _index(self, i):
        if isinstance(i, slice):
            return None
        if not isinstance(i, int) and \
                getattr(type(i), '__index__', None) is None:
            raise TypeError('indices must be integers')
        i = _as_index(i)
        if i < 0:
            i += self._length
        if i < 0 or i >= self._length:
            raise IndexError('invalid index')
        return i

    def _slice(self, s):
        start, stop, step = _slice_indices(s, self._length)
        return range(start, stop, step)

    def _join(self, items):
        return items

    def __getitem__(self, i):
        j = self._index(i)
        if j is not None:
            return self._get(j)
        return self._join([self._get(k) for k in self._slice(i)])

    def __setitem__(self, i, value):
        j = self._index(i)
        if j is not None:
            self._set(j, value)
            return
        indices = self._slice(i)
        try:
            n = len(value)
        except TypeError:
            n = -1
        if n != len(indices):
            raise ValueError('Can only assign sequence of same size')
        # Iterating over bytes gives ints, which a `c_char` takes.
        for k, v in zip(indices, value):
            self._set(k, v)

    def __iter__(self):
        for i in range(self._length):
            yield self._get(i)

    def __repr__(self):
        return '<multiprocessing.sharedctypes.%s object at %#x>' % (
            self._ctype_name(), id(self))


class _RawCharArray(_RawArray):
    """A `'c'` array (`c_char * n`): items are one-byte bytes; `value` is
    the bytes before the first NUL, `raw` all of them."""

    def _join(self, items):
        return b''.join(items)

    def _get_raw(self):
        return self._buf.read(0, self._length)

    def _set_raw(self, data):
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError("a bytes-like object is required, not '%s'"
                            % type(data).__name__)
        if len(data) > self._length:
            raise ValueError('byte string too long')
        self._buf.write(0, bytes(data))

    raw = property(_get_raw, _set_raw)

    def _get_value(self):
        data = self._get_raw()
        end = data.find(b'\x00')
        return data if end < 0 else data[:end]

    def _set_value(self, data):
        if not isinstance(data, bytes):
            raise TypeError('bytes expected instead of %s instance'
                            % type(data).__name__)
        if len(data) > self._length:
            raise ValueError('byte string too long')
        if len(data) < self._length:
            data = data + b'\x00'
        self._buf.write(0, data)

    value = property(_get_value, _set_value)


class _RawWcharArray(_RawArray):
    """A `'u'` array (`c_wchar * n`): items are one-character strings;
    `value` is the string before the first NUL."""

    def _join(self, items):
        return ''.join(items)

    def _get_value(self):
        chars = []
        for i in range(self._length):
            c = self._get(i)
            if c == '\x00':
                break
            chars.append(c)
        return ''.join(chars)

    def _set_value(self, text):
        if not isinstance(text, str):
            raise TypeError('unicode string expected instead of %s instance'
                            % type(text).__name__)
        if len(text) > self._length:
            raise ValueError('string too long')
        for i in range(len(text)):
            self._set(i, text[i])
        if len(text) < self._length:
            self._set(len(text), '\x00')

    value = property(_get_value, _set_value)


def RawValue(typecode_or_type, *args):
    """A value of `typecode_or_type` in shared memory, without a lock
    (`args`: its initial value, zero if none)."""
    typecode = _check_typecode(typecode_or_type)
    if len(args) > 1:
        raise TypeError('__init__ expected at most 1 argument, got %d'
                        % len(args))
    obj = _new(typecode, None)
    if args:
        obj.value = args[0]
    return obj


def RawArray(typecode_or_type, size_or_initializer):
    """An array of `typecode_or_type` in shared memory, without a lock:
    `size_or_initializer` zeros, or the items of a sequence."""
    typecode = _check_typecode(typecode_or_type)
    if isinstance(size_or_initializer, int):
        size = int(size_or_initializer)
        if size < 0:
            raise ValueError('Array length must be >= 0, not %d' % size)
        return _new(typecode, size)
    items = size_or_initializer
    obj = _new(typecode, len(items))
    i = 0
    for v in items:
        obj._set(i, v)
        i += 1
    return obj


def _with_lock(obj, lock, ctx):
    if lock is False:
        return obj
    if lock in (True, None):
        ctx = ctx or context._default_context.get_context()
        lock = ctx.RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return synchronized(obj, lock, ctx=ctx)


def Value(typecode_or_type, *args, lock=True, ctx=None):
    """A `RawValue` behind a lock (see the module doc for `lock`)."""
    return _with_lock(RawValue(typecode_or_type, *args), lock, ctx)


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    """A `RawArray` behind a lock (see the module doc for `lock`)."""
    return _with_lock(RawArray(typecode_or_type, size_or_initializer),
                      lock, ctx)


def copy(obj):
    """A new raw object in new shared memory, with `obj`'s contents."""
    new = _new(obj._typecode, obj._length)
    new._buf.write(0, obj._buf.read(0, obj._buf.size))
    return new


def synchronized(obj, lock=None, ctx=None):
    """The wrapper of raw object `obj` that takes `lock` (a new `RLock`
    if None) around each access."""
    assert not isinstance(obj, SynchronizedBase), 'object already synchronized'
    ctx = ctx or context._default_context.get_context()
    if isinstance(obj, _RawValue):
        return Synchronized(obj, lock, ctx)
    if isinstance(obj, _RawCharArray):
        return SynchronizedString(obj, lock, ctx)
    if isinstance(obj, _RawArray):
        return SynchronizedArray(obj, lock, ctx)
    raise TypeError('synchronized() takes an object of RawValue or '
                    'RawArray, not %s' % type(obj).__name__)


class SynchronizedBase:
    """A raw object and the lock its accesses take."""

    def __init__(self, obj, lock=None, ctx=None):
        self._obj = obj
        if lock:
            self._lock = lock
        else:
            ctx = ctx or context._default_context.get_context()
            self._lock = ctx.RLock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __reduce__(self):
        assert_spawning(self)
        return synchronized, (self._obj, self._lock)

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    def __repr__(self):
        return '<%s wrapper for %s>' % (type(self).__name__, self._obj)


def _locked_property(name):
    """A property that reads and writes attribute `name` of the raw object
    under the lock."""
    def get(self):
        self.acquire()
        try:
            return getattr(self._obj, name)
        finally:
            self.release()

    def set(self, value):
        self.acquire()
        try:
            setattr(self._obj, name, value)
        finally:
            self.release()

    return property(get, set)


class Synchronized(SynchronizedBase):
    value = _locked_property('value')


class SynchronizedArray(SynchronizedBase):

    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self:
            return self._obj[i]

    def __setitem__(self, i, value):
        with self:
            self._obj[i] = value

    def __iter__(self):
        for i in range(len(self._obj)):
            yield self[i]


class SynchronizedString(SynchronizedArray):
    value = _locked_property('value')
    raw = _locked_property('raw')
