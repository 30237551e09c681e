"""multiprocessing.connection (CPython's `Lib/multiprocessing/connection.py`,
the POSIX part): `Connection`, `Pipe` and `wait`.

A connection owns one descriptor (a pipe end, or a Unix socket for a
duplex `Pipe`). A message is a 4-byte big-endian length, then that many
bytes (over 2 GiB: -1 and an 8-byte length), exactly CPython's framing,
so `send_bytes`/`recv_bytes` interoperate with CPython. `send(obj)` sends
the `ForkingPickler` pickle of `obj`. Blocking reads and writes are
`os.read`/`os.write`, which release the GIL; `poll` and `wait` use
`poll(2)`.

`Listener`/`Client` (sockets with authentication) are not built.
"""

import os
import struct
import time
import _multiprocessing

from multiprocessing import reduction

__all__ = ['Pipe', 'wait', 'Connection']

_ForkingPickler = reduction.ForkingPickler


class Connection:
    """One end of a pipe (see the module doc)."""

    _handle = None

    def __init__(self, handle, readable=True, writable=True):
        if not isinstance(handle, int):
            handle = handle.__index__()
        if handle < 0:
            raise ValueError("invalid handle")
        if not readable and not writable:
            raise ValueError(
                "at least one of `readable` and `writable` must be True")
        self._handle = handle
        self._readable = readable
        self._writable = writable

    def __del__(self):
        if self._handle is not None:
            self._close()

    def _check_closed(self):
        if self._handle is None:
            raise OSError("handle is closed")

    def _check_readable(self):
        if not self._readable:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if not self._writable:
            raise OSError("connection is read-only")

    def _bad_message_length(self):
        if self._writable:
            self._readable = False
        else:
            self.close()
        raise OSError("bad message length")

    @property
    def closed(self):
        """True if the connection is closed"""
        return self._handle is None

    @property
    def readable(self):
        """True if the connection is readable"""
        return self._readable

    @property
    def writable(self):
        """True if the connection is writable"""
        return self._writable

    def fileno(self):
        """File descriptor or handle of the connection"""
        self._check_closed()
        return self._handle

    def close(self):
        """Close the connection"""
        if self._handle is not None:
            try:
                self._close()
            finally:
                self._handle = None

    def _close(self):
        os.close(self._handle)

    def send_bytes(self, buf, offset=0, size=None):
        """Send the bytes data from a bytes-like object"""
        self._check_closed()
        self._check_writable()
        m = bytes(buf)
        n = len(m)
        if offset < 0:
            raise ValueError("offset is negative")
        if n < offset:
            raise ValueError("buffer length < offset")
        if size is None:
            size = n - offset
        elif size < 0:
            raise ValueError("size is negative")
        elif offset + size > n:
            raise ValueError("buffer length < offset + size")
        if offset or size != n:
            m = m[offset:offset + size]
        self._send_bytes(m)

    def send(self, obj):
        """Send a (picklable) object"""
        self._check_closed()
        self._check_writable()
        self._send_bytes(_ForkingPickler.dumps(obj))

    def recv_bytes(self, maxlength=None):
        """Receive bytes data as a bytes object."""
        self._check_closed()
        self._check_readable()
        if maxlength is not None and maxlength < 0:
            raise ValueError("negative maxlength")
        buf = self._recv_bytes(maxlength)
        if buf is None:
            self._bad_message_length()
        return buf

    def recv_bytes_into(self, buf, offset=0):
        """Receive bytes data into a writeable bytes-like object (here a
        bytearray). Return the number of bytes read."""
        self._check_closed()
        self._check_readable()
        data = self._recv_bytes()
        size = len(buf)
        if offset < 0:
            raise ValueError("negative offset")
        elif offset > size:
            raise ValueError("offset too large")
        end = offset + len(data)
        if end > size:
            from multiprocessing.context import BufferTooShort
            raise BufferTooShort(data)
        buf[offset:end] = data
        return len(data)

    def recv(self):
        """Receive a (picklable) object"""
        self._check_closed()
        self._check_readable()
        return _ForkingPickler.loads(self._recv_bytes())

    def poll(self, timeout=0.0):
        """Whether there is any input available to be read"""
        self._check_closed()
        self._check_readable()
        return _multiprocessing.poll(self._handle, timeout)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()

    def _send(self, buf):
        # The handle is read once: another thread may close the connection
        # meanwhile (a closed handle is an OSError, as a closed descriptor
        # is in CPython, never a TypeError on None).
        handle = self._handle
        if handle is None:
            raise OSError("handle is closed")
        remaining = len(buf)
        while True:
            n = os.write(handle, buf)
            remaining -= n
            if remaining == 0:
                break
            buf = buf[n:]

    def _recv(self, size):
        handle = self._handle
        if handle is None:
            raise OSError("handle is closed")
        chunks = []
        remaining = size
        while remaining > 0:
            chunk = os.read(handle, remaining)
            n = len(chunk)
            if n == 0:
                if remaining == size:
                    raise EOFError
                else:
                    raise OSError("got end of file during message")
            chunks.append(chunk)
            remaining -= n
        if len(chunks) == 1:
            return chunks[0]
        return b''.join(chunks)

    def _send_bytes(self, buf):
        n = len(buf)
        if n > 0x7fffffff:
            self._send(struct.pack("!i", -1))
            self._send(struct.pack("!Q", n))
            self._send(buf)
        else:
            header = struct.pack("!i", n)
            if n > 16384:
                self._send(header)
                self._send(buf)
            else:
                self._send(header + buf)

    def _recv_bytes(self, maxsize=None):
        size, = struct.unpack("!i", self._recv(4))
        if size == -1:
            size, = struct.unpack("!Q", self._recv(8))
        if maxsize is not None and size > maxsize:
            return None
        return self._recv(size)


def Pipe(duplex=True):
    """Returns a pair `(conn1, conn2)` of connected connections: duplex
    over a Unix socket pair, else `conn1` only reads and `conn2` only
    writes (a pipe)."""
    if duplex:
        s1, s2 = _multiprocessing.socketpair()
        c1 = Connection(s1)
        c2 = Connection(s2)
    else:
        fd1, fd2 = os.pipe()
        c1 = Connection(fd1, writable=False)
        c2 = Connection(fd2, readable=False)
    return c1, c2


def wait(object_list, timeout=None):
    """The objects of `object_list` (connections, descriptors, anything
    with `fileno()`) that are ready to read, waiting at most `timeout`
    seconds; an empty list on timeout."""
    by_fd = {}
    for o in object_list:
        fd = o if isinstance(o, int) else o.fileno()
        by_fd.setdefault(fd, []).append(o)
    ready = _multiprocessing.wait_fds(list(by_fd), timeout)
    out = []
    for fd in ready:
        out.extend(by_fd[fd])
    return out


def reduce_connection(conn):
    df = reduction.DupFd(conn.fileno())
    return rebuild_connection, (df, conn.readable, conn.writable)


def rebuild_connection(df, readable, writable):
    fd = df.detach()
    return Connection(fd, readable, writable)


reduction.register(Connection, reduce_connection)
