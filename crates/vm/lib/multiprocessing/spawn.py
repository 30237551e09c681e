"""multiprocessing.spawn (CPython's `Lib/multiprocessing/spawn.py`): what
a spawned child runs.

The parent starts `ftl run --runtime R -c "from multiprocessing.spawn
import spawn_main; spawn_main(pipe_handle=N)" --multiprocessing-fork` on
its own runtime, and writes to descriptor N an 8-byte length and two
pickles: the preparation
data (the process name, `sys.path`, `sys.argv`, the start method, the
main program's path), then the process object. `spawn_main` reads them,
runs the parent's main program as module `__mp_main__` (so its functions
and classes can be unpickled, and its `if __name__ == '__main__':` block
does not run again), then the process object's `_bootstrap`, and exits
with its exit code.
"""

import os
import sys
import runpy

from multiprocessing import process
from multiprocessing import util

__all__ = ['_main', 'freeze_support', 'set_executable', 'get_executable',
           'get_preparation_data', 'get_command_line', 'import_main_path']

WINEXE = False
WINSERVICE = False

_python_exe = sys.executable


def set_executable(exe):
    global _python_exe
    _python_exe = exe


def get_executable():
    return _python_exe


def is_forking(argv):
    """Whether the command line is a spawned child's."""
    return len(argv) >= 2 and argv[1] == '--multiprocessing-fork'


def freeze_support():
    pass


def get_command_line(**kwds):
    """The child's command line (see the module doc)."""
    prog = 'from multiprocessing.spawn import spawn_main; spawn_main(%s)'
    prog %= ', '.join('%s=%r' % item for item in kwds.items())
    cmd = [_python_exe, 'run']
    runtime = getattr(sys.implementation, '_runtime', None)
    if runtime:
        cmd += ['--runtime', runtime]
    return cmd + ['-c', prog, '--multiprocessing-fork']


def spawn_main(pipe_handle, parent_pid=None, tracker_fd=None):
    """The child's main function: runs the process and exits."""
    assert is_forking(sys.argv), "Not forking"
    parent_sentinel = os.dup(pipe_handle)
    exitcode = _main(pipe_handle, parent_sentinel)
    sys.exit(exitcode)


class _Reader:
    """What `pickle.load` reads from: bytes already read from the pipe."""

    def __init__(self, data):
        self.data = data
        self.pos = 0

    def read(self, n=-1):
        if n < 0:
            n = len(self.data) - self.pos
        out = self.data[self.pos:self.pos + n]
        self.pos += len(out)
        return out

    def readline(self):
        end = self.data.find(b'\n', self.pos)
        end = len(self.data) if end < 0 else end + 1
        out = self.data[self.pos:end]
        self.pos = end
        return out


def _read_exactly(fd, n):
    chunks = []
    while n > 0:
        chunk = os.read(fd, min(n, 1 << 20))
        if not chunk:
            raise EOFError('the parent closed the pipe before the process '
                           'object was read')
        chunks.append(chunk)
        n -= len(chunk)
    return b''.join(chunks)


def _read_from_parent(fd):
    # The parent writes an 8-byte length, then the two pickles (it keeps
    # its end open, so end of file cannot mark the end of the data).
    import struct
    n, = struct.unpack('!Q', _read_exactly(fd, 8))
    data = _read_exactly(fd, n)
    os.close(fd)
    return data


def _main(fd, parent_sentinel):
    from multiprocessing import reduction
    data = _Reader(_read_from_parent(fd))
    process.current_process()._inheriting = True
    try:
        preparation_data = reduction.pickle.load(data)
        prepare(preparation_data)
        self = reduction.pickle.load(data)
    finally:
        del process.current_process()._inheriting
    return self._bootstrap(parent_sentinel)


def _check_not_importing_main():
    if getattr(process.current_process(), '_inheriting', False):
        raise RuntimeError('''
        An attempt has been made to start a new process before the
        current process has finished its bootstrapping phase.

        This probably means that you are not using fork to start your
        child processes and you have forgotten to use the proper idiom
        in the main module:

            if __name__ == '__main__':
                freeze_support()
                ...

        The "freeze_support()" line can be omitted if the program
        is not going to be frozen to produce an executable.''')


def get_preparation_data(name):
    """What a child needs to rebuild the parent's state (see the module
    doc)."""
    _check_not_importing_main()
    d = dict(
        log_to_stderr=util._log_to_stderr,
        authkey=process.current_process().authkey,
    )
    d['name'] = name
    d['sys_path'] = list(sys.path)
    d['sys_argv'] = list(sys.argv)
    d['orig_dir'] = os.getcwd()
    from multiprocessing import context
    d['start_method'] = context._default_context.get_start_method()
    main_module = sys.modules['__main__']
    main_path = getattr(main_module, '__file__', None)
    if main_path is not None:
        d['init_main_from_path'] = main_path
    return d


old_main_modules = []


def prepare(data):
    """Makes the child's state the parent's (see `get_preparation_data`)."""
    if 'name' in data:
        process.current_process().name = data['name']
    if 'authkey' in data:
        process.current_process().authkey = data['authkey']
    if 'sys_path' in data:
        sys.path[:] = data['sys_path']
    if 'sys_argv' in data:
        sys.argv[:] = data['sys_argv']
    if 'start_method' in data:
        from multiprocessing import context
        context._force_start_method(data['start_method'])
    if 'init_main_from_path' in data:
        _fixup_main_from_path(data['init_main_from_path'])


def _fixup_main_from_path(main_path):
    current_main = sys.modules['__main__']
    if getattr(current_main, '__file__', None) == main_path:
        return
    old_main_modules.append(current_main)
    main_module = runpy._run_path_as_module(main_path, '__mp_main__')
    sys.modules['__main__'] = main_module
    sys.modules['__mp_main__'] = main_module


def import_main_path(main_path):
    """Sets `sys.modules['__main__']` to the module at `main_path`."""
    _fixup_main_from_path(main_path)
