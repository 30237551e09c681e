"""io.StringIO and io.BytesIO, print() to a replaced sys.stdout (contextlib.redirect_stdout)."""
import io, contextlib
s = io.StringIO("line1\nline2\nline3")
print(s.readline(), s.read(3), s.tell(), list(s), s.read())
s.seek(0); print(s.readlines())
w = io.StringIO(); print(w.write("héllo"), w.write(" world\n"), w.getvalue(), w.tell())
w.seek(2); w.write("XY"); print(repr(w.getvalue())); w.truncate(4); print(repr(w.getvalue()))
print(isinstance(w, io.TextIOBase), isinstance(w, io.IOBase))
with io.StringIO() as buf, contextlib.redirect_stdout(buf):
    print("captured", 42, sep="-")
    out = buf.getvalue()
print(repr(out))
try:
    w.close(); w.write("x")
except ValueError as e: print("ValueError", e)
try:
    io.StringIO().write(b"x")
except TypeError as e: print("TypeError", e)
b = io.BytesIO(b"ab\ncd\nef")
print(b.readline(), b.read(2), b.tell(), b.readlines(), b.read())
b.seek(-2, 2); print(b.read()); b.seek(10); b.write(b"Z"); print(b.getvalue())
try:
    io.BytesIO().write("s")
except TypeError as e: print("TypeError", e)
u = io.StringIO("a\r\nb\rc\n", newline=None); print(u.readlines())
print(issubclass(io.UnsupportedOperation, OSError), io.SEEK_END)
