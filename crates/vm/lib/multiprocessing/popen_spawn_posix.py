"""multiprocessing.popen_spawn_posix (CPython's
`Lib/multiprocessing/popen_spawn_posix.py` and the waiting part of
`popen_fork.py`): starts a child with the spawn method and waits for it.

`Popen(process_obj)` pickles the preparation data and the process object
(descriptors they carry are added to the child's `pass_fds`), makes two
pipes, starts the child (`spawn.get_command_line`) with the read end of
one (it reads the pickles there) and the write end of the other (its
*sentinel*: the parent's read end becomes readable when the child ends,
whatever way it ends), writes the pickles and keeps its own ends until the
`Popen` is finalized.

`returncode` is the exit status, or `-N` for a child killed by signal N
(`os.waitstatus_to_exitcode`).
"""

import os
import signal
import struct

from multiprocessing import context
from multiprocessing import reduction
from multiprocessing import spawn
from multiprocessing import util

__all__ = ['Popen']


class _DupFd:
    def __init__(self, fd):
        self.fd = fd

    def detach(self):
        return self.fd


class Popen:
    """A spawned child (see the module doc)."""

    method = 'spawn'
    DupFd = _DupFd

    def __init__(self, process_obj):
        util._flush_std_streams()
        self.returncode = None
        self.finalizer = None
        self._fds = []
        self._launch(process_obj)

    def duplicate_for_child(self, fd):
        self._fds.append(fd)
        return fd

    def _launch(self, process_obj):
        prep_data = spawn.get_preparation_data(process_obj._name)
        context.set_spawning_popen(self)
        try:
            data = (reduction.ForkingPickler.dumps(prep_data, 4) +
                    reduction.ForkingPickler.dumps(process_obj, 4))
            data = struct.pack('!Q', len(data)) + data
        finally:
            context.set_spawning_popen(None)
        parent_r = child_w = child_r = parent_w = None
        try:
            parent_r, child_w = os.pipe()
            child_r, parent_w = os.pipe()
            cmd = spawn.get_command_line(pipe_handle=child_r)
            self._fds.extend([child_r, child_w])
            self.pid = util.spawnv_passfds(spawn.get_executable(), cmd,
                                           self._fds)
            self.sentinel = parent_r
            view = data
            while view:
                n = os.write(parent_w, view)
                view = view[n:]
        finally:
            fds_to_close = []
            for fd in (parent_r, parent_w):
                if fd is not None:
                    fds_to_close.append(fd)
            self.finalizer = util.Finalize(self, util.close_fds, fds_to_close)
            for fd in (child_r, child_w):
                if fd is not None:
                    os.close(fd)

    def poll(self, flag=os.WNOHANG):
        """The exit code, or None while the child runs (`flag` 0 waits)."""
        if self.returncode is None:
            try:
                pid, sts = os.waitpid(self.pid, flag)
            except OSError:
                return None
            if pid == self.pid:
                self.returncode = os.waitstatus_to_exitcode(sts)
        return self.returncode

    def wait(self, timeout=None):
        """Waits at most `timeout` seconds; the exit code or None."""
        if self.returncode is None:
            if timeout is not None:
                from multiprocessing.connection import wait
                if not wait([self.sentinel], timeout):
                    return None
            return self.poll(os.WNOHANG if timeout == 0.0 else 0)
        return self.returncode

    def _send_signal(self, sig):
        if self.returncode is None:
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                pass
            except OSError:
                if self.wait(timeout=0.1) is None:
                    raise

    def terminate(self):
        self._send_signal(signal.SIGTERM)

    def kill(self):
        self._send_signal(signal.SIGKILL)

    def close(self):
        if self.finalizer is not None:
            self.finalizer()
