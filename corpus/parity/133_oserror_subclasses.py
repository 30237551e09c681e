# PEP 3151's OSError subclasses: the hierarchy, catching by base class, and
# an os call failing with the class its errno maps to.
import builtins
import os

names = ['BlockingIOError', 'ChildProcessError', 'ConnectionError',
         'BrokenPipeError', 'ConnectionAbortedError', 'ConnectionRefusedError',
         'ConnectionResetError', 'FileExistsError', 'FileNotFoundError',
         'InterruptedError', 'IsADirectoryError', 'NotADirectoryError',
         'PermissionError', 'ProcessLookupError', 'TimeoutError']
for name in names:
    cls = getattr(builtins, name)
    print(name, [c.__name__ for c in cls.__mro__])

try:
    raise BrokenPipeError('pipe gone')
except ConnectionError as e:
    print('caught as ConnectionError:', type(e).__name__, e)
try:
    raise ProcessLookupError('no such process')
except OSError as e:
    print('caught as OSError:', type(e).__name__, e)

r, w = os.pipe()
os.close(r)
try:
    os.write(w, b'x')
except OSError as e:
    print(type(e).__name__, e)
os.close(w)
try:
    os.close(w)
except OSError as e:
    print(type(e).__name__, e)
