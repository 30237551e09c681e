"""multiprocessing.popen_forkserver (CPython's
`Lib/multiprocessing/popen_forkserver.py`): a child forked by the fork
server (`multiprocessing.forkserver`).

The parent pickles the preparation data and the process object as for
spawn (a descriptor they carry is added to the list passed to the
server and pickled as its index there, `_DupFd`), asks the server for a
child, writes the pickles to it and reads its pid. The sentinel is the
pipe on which the server writes the child's exit code when it has reaped
it: `poll` reads the code from there, since this process is not the
child's parent and cannot `waitpid` it.
"""

import os
import struct

from multiprocessing import context
from multiprocessing import forkserver
from multiprocessing import popen_spawn_posix
from multiprocessing import reduction
from multiprocessing import spawn
from multiprocessing import util

__all__ = ['Popen']


class _DupFd:
    def __init__(self, ind):
        self.ind = ind

    def detach(self):
        return forkserver.get_inherited_fds()[self.ind]


class Popen(popen_spawn_posix.Popen):
    """A child of the fork server (see the module doc)."""

    method = 'forkserver'
    DupFd = _DupFd

    def duplicate_for_child(self, fd):
        self._fds.append(fd)
        return len(self._fds) - 1

    def _launch(self, process_obj):
        prep_data = spawn.get_preparation_data(process_obj._name)
        context.set_spawning_popen(self)
        try:
            data = (reduction.ForkingPickler.dumps(prep_data, 4) +
                    reduction.ForkingPickler.dumps(process_obj, 4))
        finally:
            context.set_spawning_popen(None)
        data = struct.pack('!Q', len(data)) + data
        self.sentinel, w = forkserver.connect_to_new_process(self._fds)
        self.finalizer = util.Finalize(self, util.close_fds, (self.sentinel,))
        try:
            view = data
            while view:
                n = os.write(w, view)
                view = view[n:]
        finally:
            os.close(w)
        self.pid = forkserver.read_signed(self.sentinel)

    def poll(self, flag=os.WNOHANG):
        if self.returncode is None:
            from multiprocessing.connection import wait
            timeout = 0 if flag == os.WNOHANG else None
            if not wait([self.sentinel], timeout):
                return None
            try:
                self.returncode = forkserver.read_signed(self.sentinel)
            except (OSError, EOFError):
                # The server is gone: the child's code is lost.
                self.returncode = 255
        return self.returncode
