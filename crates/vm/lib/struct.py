"""Packing Python values into C-layout bytes and back (CPython's `struct`).

The work is done by the native `_struct` (crates/vm/src/stdlib/
struct_format.rs, which documents the formats); this module defines
`struct.error` and `Struct`, and hands `error` to each native call so that
bad formats and values raise it with CPython 3.11's messages.
"""

import _struct

__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from',
           'iter_unpack', 'Struct', 'error']


class error(Exception):
    pass


def calcsize(format):
    return _struct.calcsize(error, format)


def pack(format, *values):
    return _struct.pack(error, format, values)


def _write_into(buffer, offset, data):
    # `pack_into`'s checks, in CPython's order (Modules/_struct.c).
    if type(buffer) is not bytearray:
        raise TypeError('argument must be read-write bytes-like object, not '
                        + type(buffer).__name__)
    size = len(data)
    n = len(buffer)
    if offset < 0:
        if offset + size > 0:
            raise error('no space to pack %d bytes at offset %d'
                        % (size, offset))
        if offset + n < 0:
            raise error('offset %d out of range for %d-byte buffer'
                        % (offset, n))
        offset += n
    if n - offset < size:
        raise error('pack_into requires a buffer of at least %d bytes for '
                    'packing %d bytes at offset %d (actual buffer size is %d)'
                    % (size + offset, size, offset, n))
    buffer[offset:offset + size] = data


def pack_into(format, buffer, offset, *values):
    _write_into(buffer, offset, _struct.pack(error, format, values))


def unpack(format, buffer):
    return _struct.unpack_from(error, format, buffer, 0, True)


def unpack_from(format, buffer, offset=0):
    return _struct.unpack_from(error, format, buffer, offset, False)


def _iter_unpack(format, size, buffer):
    for start in range(0, len(buffer), size):
        yield _struct.unpack_from(error, format, buffer, start, False)


def iter_unpack(format, buffer):
    size = _struct.calcsize(error, format)
    if size == 0:
        raise error('cannot iteratively unpack with a struct of length 0')
    if len(buffer) % size:
        raise error('iterative unpacking requires a buffer of a multiple of '
                    + str(size) + ' bytes')
    return _iter_unpack(format, size, buffer)


class Struct:
    """A compiled format: `Struct(fmt).pack(...)` as `pack(fmt, ...)`."""

    def __init__(self, format):
        self.size = _struct.calcsize(error, format)
        self.format = format

    def pack(self, *values):
        return _struct.pack(error, self.format, values)

    def pack_into(self, buffer, offset, *values):
        _write_into(buffer, offset, _struct.pack(error, self.format, values))

    def unpack(self, buffer):
        return _struct.unpack_from(error, self.format, buffer, 0, True)

    def unpack_from(self, buffer, offset=0):
        return _struct.unpack_from(error, self.format, buffer, offset, False)

    def iter_unpack(self, buffer):
        return iter_unpack(self.format, buffer)

    def __repr__(self):
        return 'Struct(' + repr(self.format) + ')'
