"""Python objects to bytes and back (CPython's `pickle`, protocols 0-5).

The opcodes are read and written by the native `_pickle`
(crates/vm/src/stdlib/pickle/, whose module docs say what ftl supports and
where it differs); this module defines the exception classes, `Pickler`
and `Unpickler`, and `dump`/`dumps`/`load`/`loads`, with CPython's
signatures. Pickles are wire-compatible with CPython's: ftl writes the
bytes python3 writes, and each reads the other's.
"""

import _pickle

__all__ = ['PickleError', 'PicklingError', 'UnpicklingError', 'Pickler',
           'Unpickler', 'dump', 'dumps', 'load', 'loads',
           'HIGHEST_PROTOCOL', 'DEFAULT_PROTOCOL']

HIGHEST_PROTOCOL = _pickle.HIGHEST_PROTOCOL
DEFAULT_PROTOCOL = _pickle.DEFAULT_PROTOCOL


# The exception classes print as `_pickle.PicklingError` and so on, as
# CPython's (defined in its C `_pickle`) do.

class PickleError(Exception):
    __module__ = '_pickle'


class PicklingError(PickleError):
    __module__ = '_pickle'


class UnpicklingError(PickleError):
    __module__ = '_pickle'


def _no_buffers(buffer_callback):
    if buffer_callback is not None:
        raise NotImplementedError(
            "ftl's pickle does not support out-of-band buffers")


class Pickler:
    """Pickler(file, protocol=None, *, fix_imports=True,
    buffer_callback=None): writes pickles to `file` (anything with
    `write`)."""

    dispatch_table = None

    def __init__(self, file, protocol=None, *, fix_imports=True,
                 buffer_callback=None):
        _no_buffers(buffer_callback)
        try:
            self._write = file.write
        except AttributeError:
            raise TypeError("file must have a 'write' attribute")
        self._protocol = protocol
        self.fix_imports = fix_imports
        # Checks the protocol now, as CPython's constructor does.
        _pickle.dumps(None, protocol, fix_imports, None, None, PicklingError)

    def dump(self, obj):
        """Writes the pickle of `obj` to the file."""
        persistent_id = getattr(self, 'persistent_id', None)
        self._write(_pickle.dumps(obj, self._protocol, self.fix_imports,
                                  persistent_id, self.dispatch_table,
                                  PicklingError))


class Unpickler:
    """Unpickler(file, *, fix_imports=True, encoding='ASCII',
    errors='strict', buffers=None): reads pickles from `file` (anything
    with `read` and `readline`)."""

    def __init__(self, file, *, fix_imports=True, encoding='ASCII',
                 errors='strict', buffers=None):
        if buffers is not None:
            raise NotImplementedError(
                "ftl's pickle does not support out-of-band buffers")
        self._file = file
        self.fix_imports = fix_imports
        self.encoding = encoding
        self.errors = errors

    def find_class(self, module, name):
        """The object `module.name` (a class or function a pickle names)."""
        return _pickle.find_class(module, name, 2 if self.fix_imports else 3,
                                  self.fix_imports)

    def load(self):
        """Reads one pickled object from the file."""
        find_class = self.find_class
        if getattr(find_class, '__func__', None) is Unpickler.find_class:
            find_class = None
        persistent_load = getattr(self, 'persistent_load', None)
        return _pickle.loads(self._file, self.fix_imports, self.encoding,
                             self.errors, find_class, persistent_load,
                             UnpicklingError)


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    """Writes the pickle of `obj` to `file`."""
    Pickler(file, protocol, fix_imports=fix_imports,
            buffer_callback=buffer_callback).dump(obj)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    """The pickle of `obj`, as bytes."""
    _no_buffers(buffer_callback)
    return _pickle.dumps(obj, protocol, fix_imports, None, None,
                         PicklingError)


def load(file, *, fix_imports=True, encoding='ASCII', errors='strict',
         buffers=None):
    """Reads one pickled object from `file`."""
    return Unpickler(file, fix_imports=fix_imports, encoding=encoding,
                     errors=errors, buffers=buffers).load()


def loads(data, /, *, fix_imports=True, encoding='ASCII', errors='strict',
          buffers=None):
    """The object pickled in `data` (bytes)."""
    if buffers is not None:
        raise NotImplementedError(
            "ftl's pickle does not support out-of-band buffers")
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    return _pickle.loads(data, fix_imports, encoding, errors, None, None,
                         UnpicklingError)
