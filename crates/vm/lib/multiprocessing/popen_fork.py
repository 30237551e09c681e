"""multiprocessing.popen_fork (CPython's `Lib/multiprocessing/popen_fork.py`):
starts a child with the fork start method.

`Popen(process_obj)` flushes the standard streams, makes two pipes and
calls `os.fork()`. The child closes the parent's ends, runs
`process_obj._bootstrap(parent_sentinel=...)` (the parent's end of the
other pipe tells it when the parent is gone) and leaves with `os._exit`,
so nothing the parent registered (atexit callbacks, finalizers) runs
twice. The parent keeps the read end of the child's pipe as the
*sentinel*: it becomes readable when the child ends, whatever way it ends.
Waiting, `terminate` and `kill` are the spawn `Popen`'s.

Nothing is pickled: the child has the parent's objects, as in CPython. ftl
forks only while the interpreter runs no other thread (`os.fork` raises
`RuntimeError` otherwise; see `docs/processes.md`): create processes before
threads, as the `Pool`'s workers are (a `Pool` whose handler thread must
replace a worker then fails to, and says so on stderr).
"""

import os

from multiprocessing import popen_spawn_posix
from multiprocessing import util

__all__ = ['Popen']


class Popen(popen_spawn_posix.Popen):
    """A forked child (see the module doc)."""

    method = 'fork'

    def duplicate_for_child(self, fd):
        return fd

    def _launch(self, process_obj):
        code = 1
        parent_r, child_w = os.pipe()
        child_r, parent_w = os.pipe()
        try:
            self.pid = os.fork()
        except BaseException:
            for fd in (parent_r, child_w, child_r, parent_w):
                os.close(fd)
            raise
        if self.pid == 0:
            try:
                os.close(parent_r)
                os.close(parent_w)
                code = process_obj._bootstrap(parent_sentinel=child_r)
            finally:
                os._exit(code)
        else:
            os.close(child_w)
            os.close(child_r)
            self.finalizer = util.Finalize(self, util.close_fds,
                                           (parent_r, parent_w))
            self.sentinel = parent_r
