"""io: in-memory streams (ftl's frozen module ``io``).

Covers CPython 3.11's StringIO and BytesIO with their methods, errors and
positions (read, readline, readlines, iteration, write, writelines, seek
with the three whences, tell, truncate, getvalue, close and the context
manager), the class tree they sit in (IOBase, RawIOBase, BufferedIOBase,
TextIOBase) so that isinstance checks hold, UnsupportedOperation,
SEEK_SET/SEEK_CUR/SEEK_END and DEFAULT_BUFFER_SIZE.

Differences from CPython, for the next engineer:
* Files on disk (`io.open`, FileIO, BufferedReader/Writer, TextIOWrapper
  over a file) are not here: ftl has no `open()` yet.
* StringIO keeps its text as a list of characters; `newline` is honoured
  for None (universal newlines: "\\r\\n" and "\\r" written become "\\n"),
  "" and "\\n"; "\\r" and "\\r\\n" translate "\\n" on write as CPython does.
* getbuffer() of BytesIO returns a copy as bytes (ftl has no memoryview).
* The streams are not locked: two threads writing one stream at once may
  interleave or lose writes on the free-threaded runtimes (CPython 3.13t
  locks its C implementation).
"""

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192

__all__ = ['StringIO', 'BytesIO', 'IOBase', 'RawIOBase', 'BufferedIOBase',
           'TextIOBase', 'UnsupportedOperation', 'SEEK_SET', 'SEEK_CUR',
           'SEEK_END', 'DEFAULT_BUFFER_SIZE']


class UnsupportedOperation(OSError, ValueError):
    pass


UnsupportedOperation.__module__ = 'io'


class IOBase:
    """The base of the stream classes: closing, context management and
    line iteration."""

    _closed = False

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    # CPython's StringIO says it without the period.
    _closed_message = "I/O operation on closed file."

    def _check_closed(self):
        if self._closed:
            raise ValueError(self._closed_message)

    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *exc):
        self.close()

    def __iter__(self):
        self._check_closed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readable(self):
        self._check_closed()
        return True

    def writable(self):
        self._check_closed()
        return True

    def seekable(self):
        self._check_closed()
        return True

    def flush(self):
        self._check_closed()

    def isatty(self):
        self._check_closed()
        return False

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def readlines(self, hint=-1):
        if hint is None:
            hint = -1
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        self._check_closed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class TextIOBase(IOBase):
    pass


def _size(size):
    if size is None:
        return -1
    if not hasattr(type(size), '__index__'):
        raise TypeError("argument should be integer or None, not '%s'"
                        % type(size).__name__)
    return size.__index__()


def _seek_args(pos, whence):
    if not hasattr(type(pos), '__index__'):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(pos).__name__)
    return pos.__index__(), whence


class StringIO(TextIOBase):
    """A text stream in memory."""

    _closed_message = "I/O operation on closed file"

    def __init__(self, initial_value='', newline='\n'):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("newline must be str or None, not %s"
                            % type(newline).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError("illegal newline value: %r" % (newline,))
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s"
                            % type(initial_value).__name__)
        self._newline = newline
        self._chars = []
        self._pos = 0
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    def _translate(self, s):
        if self._newline is None:
            return s.replace('\r\n', '\n').replace('\r', '\n')
        if self._newline in ('\r', '\r\n'):
            return s.replace('\n', self._newline)
        return s

    def getvalue(self):
        self._check_closed()
        return ''.join(self._chars)

    def write(self, s):
        self._check_closed()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'"
                            % type(s).__name__)
        n = len(s)
        s = self._translate(s)
        end = self._pos + len(s)
        if self._pos > len(self._chars):
            self._chars.extend('\0' * (self._pos - len(self._chars)))
        self._chars[self._pos:end] = list(s)
        self._pos = end
        return n

    def read(self, size=-1):
        self._check_closed()
        size = _size(size)
        if size < 0:
            end = len(self._chars)
        else:
            end = min(self._pos + size, len(self._chars))
        start = min(self._pos, len(self._chars))
        out = ''.join(self._chars[start:end])
        self._pos = max(self._pos, end)
        return out

    def readline(self, size=-1):
        self._check_closed()
        size = _size(size)
        chars = self._chars
        i = self._pos
        n = len(chars)
        out = []
        ends = '\r' if self._newline == '\r' else '\n'
        while i < n and (size < 0 or len(out) < size):
            c = chars[i]
            out.append(c)
            i += 1
            if self._newline == '':
                if c == '\n':
                    break
                if c == '\r':
                    if i < n and chars[i] == '\n' and (size < 0 or len(out) < size):
                        out.append('\n')
                        i += 1
                    break
            elif c == ends:
                break
        self._pos = max(self._pos, i)
        return ''.join(out)

    def tell(self):
        self._check_closed()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_closed()
        pos, whence = _seek_args(pos, whence)
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position %d" % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = len(self._chars)
        else:
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self._pos
        else:
            size = _size(size)
            if size < 0:
                raise ValueError("Negative size value %d" % size)
        del self._chars[size:]
        return size

    @property
    def newlines(self):
        return None

    @property
    def line_buffering(self):
        return False

    def detach(self):
        raise UnsupportedOperation("detach")


class BytesIO(BufferedIOBase):
    """A binary stream in memory."""

    def __init__(self, initial_bytes=b''):
        self._buf = bytearray(initial_bytes if initial_bytes is not None else b'')
        self._pos = 0

    def getvalue(self):
        self._check_closed()
        return bytes(self._buf)

    def getbuffer(self):
        self._check_closed()
        return bytes(self._buf)

    def write(self, b):
        self._check_closed()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = bytes(b)
        end = self._pos + len(data)
        if self._pos > len(self._buf):
            self._buf.extend(b'\0' * (self._pos - len(self._buf)))
        self._buf[self._pos:end] = data
        self._pos = end
        return len(data)

    def read(self, size=-1):
        self._check_closed()
        size = _size(size)
        start = min(self._pos, len(self._buf))
        end = len(self._buf) if size < 0 else min(start + size, len(self._buf))
        self._pos = max(self._pos, end)
        return bytes(self._buf[start:end])

    read1 = read

    def readinto(self, buffer):
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def readline(self, size=-1):
        self._check_closed()
        size = _size(size)
        start = min(self._pos, len(self._buf))
        i = self._buf.find(b'\n', start)
        end = len(self._buf) if i < 0 else i + 1
        if size >= 0:
            end = min(end, start + size)
        self._pos = max(self._pos, end)
        return bytes(self._buf[start:end])

    def tell(self):
        self._check_closed()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_closed()
        pos, whence = _seek_args(pos, whence)
        if whence == 0:
            if pos < 0:
                raise ValueError("negative seek value %d" % pos)
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self._pos
        else:
            size = _size(size)
            if size < 0:
                raise ValueError("negative size value %d" % size)
        del self._buf[size:]
        return size
