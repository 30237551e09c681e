"""multiprocessing.forkserver (CPython's `Lib/multiprocessing/forkserver.py`):
the fork server, a single-threaded process that forks the children of
the forkserver start method.

The first child asked for starts the server with the spawn machinery
(`ftl run -c "from multiprocessing.forkserver import main; main(...)"`,
the parent's runtime) and hands it a listening `AF_UNIX` socket (a file
in the temporary directory, mode 0600) and the read end of an *alive*
pipe whose write end only the parent keeps: when the parent ends, the
server sees end of file there and leaves. The server imports the preload
modules (the main module by default, as `__mp_main__`) once; every child
is then a `fork` of it, which starts from that state instead of starting
an interpreter.

For each child the parent connects to the socket and passes, with
`SCM_RIGHTS` (`_multiprocessing.sendfds`), the child's ends of two fresh
pipes, the alive pipe and the descriptors the process object carries
(`Connection`s, queues: `popen_forkserver.DupFd` names them by index in
this list). The server forks; the child reads the preparation data and
the pickled process object from its pipe, as a spawned child does, and
runs it. The server writes the child's pid, then — when `SIGCHLD` wakes
it (`signal.set_wakeup_fd` on a non-blocking pipe) and `waitpid` reaps
the child — its exit code, into the other pipe, whose read end is the
parent's sentinel: the parent is not the child's parent and cannot wait
for it itself.

The server never starts a thread, so its `os.fork` is always allowed (ftl
forks only while no other thread runs: see `docs/processes.md`). No
resource tracker: ftl's semaphores are unlinked by their creator.
"""

import os
import signal
import struct
import sys
import threading

from multiprocessing import process
from multiprocessing import spawn
from multiprocessing import util

import _multiprocessing

__all__ = ['ensure_running', 'get_inherited_fds', 'connect_to_new_process',
           'set_forkserver_preload']

MAXFDS_TO_SEND = 256
SIGNED_STRUCT = struct.Struct('q')

_address_counter = [0]


def _new_address():
    tmp = os.getenv('TMPDIR') or '/tmp'
    _address_counter[0] += 1
    import random
    return '%s/ftl-forkserver-%d-%d-%x' % (
        tmp.rstrip('/'), os.getpid(), _address_counter[0],
        random.getrandbits(40))


def _unlink_quietly(path):
    try:
        os.unlink(path)
    except OSError:
        pass


class ForkServer:
    def __init__(self):
        self._forkserver_address = None
        self._forkserver_alive_fd = None
        self._forkserver_pid = None
        self._inherited_fds = None
        self._lock = threading.Lock()
        self._preload_modules = ['__main__']

    def _stop(self):
        with self._lock:
            self._stop_unlocked()

    def _stop_unlocked(self):
        if self._forkserver_pid is None:
            return
        os.close(self._forkserver_alive_fd)
        self._forkserver_alive_fd = None
        os.waitpid(self._forkserver_pid, 0)
        self._forkserver_pid = None
        _unlink_quietly(self._forkserver_address)
        self._forkserver_address = None

    def set_forkserver_preload(self, modules_names):
        """The modules the server imports before it forks any child."""
        for mod in modules_names:
            if type(mod) is not str:
                raise TypeError('module_names must be a list of strings')
        self._preload_modules = modules_names

    def get_inherited_fds(self):
        """The descriptors passed to this child (None if the fork server
        did not start it)."""
        return self._inherited_fds

    def connect_to_new_process(self, fds):
        """Asks the server for a child: `(status_r, data_w)`. The child's
        pid and later its exit code are read from `status_r`; the
        preparation data and the process object are written to `data_w`."""
        self.ensure_running()
        if len(fds) + 3 >= MAXFDS_TO_SEND:
            raise ValueError('too many fds')
        client = _multiprocessing.unix_connect(self._forkserver_address)
        try:
            parent_r, child_w = os.pipe()
            child_r, parent_w = os.pipe()
            allfds = [child_r, child_w, self._forkserver_alive_fd] + list(fds)
            try:
                _multiprocessing.sendfds(client, allfds)
                return parent_r, parent_w
            except BaseException:
                os.close(parent_r)
                os.close(parent_w)
                raise
            finally:
                os.close(child_r)
                os.close(child_w)
        finally:
            os.close(client)

    def ensure_running(self):
        """Starts the server unless this process has one running (a child
        of the fork server reuses its parent's)."""
        with self._lock:
            if self._forkserver_pid is not None:
                pid, status = os.waitpid(self._forkserver_pid, os.WNOHANG)
                if not pid:
                    return
                os.close(self._forkserver_alive_fd)
                self._forkserver_address = None
                self._forkserver_alive_fd = None
                self._forkserver_pid = None
            elif self._forkserver_alive_fd is not None:
                # Inherited from the parent (a child of the fork server):
                # its server is still there while the parent is.
                return
            if self._preload_modules:
                data = spawn.get_preparation_data('ignore')
                data = {k: v for k, v in data.items()
                        if k in ('main_path', 'sys_path')}
            else:
                data = {}
            address = _new_address()
            listener = _multiprocessing.unix_listen(address)
            try:
                alive_r, alive_w = os.pipe()
                try:
                    cmd = ('from multiprocessing.forkserver import main; '
                           'main(%d, %d, %r, **%r)'
                           % (listener, alive_r, self._preload_modules, data))
                    exe = spawn.get_executable()
                    args = [exe, 'run']
                    runtime = getattr(sys.implementation, '_runtime', None)
                    if runtime:
                        args += ['--runtime', runtime]
                    args += ['-c', cmd]
                    pid = util.spawnv_passfds(exe, args, [listener, alive_r])
                except BaseException:
                    os.close(alive_w)
                    _unlink_quietly(address)
                    raise
                finally:
                    os.close(alive_r)
            finally:
                os.close(listener)
            self._forkserver_address = address
            self._forkserver_alive_fd = alive_w
            self._forkserver_pid = pid
            util.Finalize(self, _unlink_quietly, (address,), exitpriority=0)


def main(listener_fd, alive_r, preload, main_path=None, sys_path=None):
    """The server's loop (see the module doc)."""
    if sys_path is not None:
        sys.path[:] = sys_path
    if preload:
        if '__main__' in preload and main_path is not None:
            process.current_process()._inheriting = True
            try:
                spawn.import_main_path(main_path)
            finally:
                del process.current_process()._inheriting
        for modname in preload:
            if modname == '__main__':
                continue
            try:
                __import__(modname)
            except ImportError:
                pass

    sig_r, sig_w = os.pipe()
    os.set_blocking(sig_r, False)
    os.set_blocking(sig_w, False)

    def sigchld_handler(*_unused):
        pass

    handlers = {
        signal.SIGCHLD: sigchld_handler,
        signal.SIGINT: signal.SIG_IGN,
    }
    old_handlers = {}
    for sig, val in handlers.items():
        old_handlers[sig] = signal.signal(sig, val)
    signal.set_wakeup_fd(sig_w)

    pid_to_fd = {}
    while True:
        ready = _multiprocessing.wait_fds([listener_fd, alive_r, sig_r])
        if alive_r in ready:
            # The parent is gone: so is the server (its children go on).
            raise SystemExit

        if sig_r in ready:
            try:
                while os.read(sig_r, 65536):
                    pass
            except BlockingIOError:
                pass
            while True:
                try:
                    pid, sts = os.waitpid(-1, os.WNOHANG)
                except ChildProcessError:
                    break
                if pid == 0:
                    break
                child_w = pid_to_fd.pop(pid, None)
                if child_w is not None:
                    try:
                        write_signed(child_w, os.waitstatus_to_exitcode(sts))
                    except BrokenPipeError:
                        pass
                    os.close(child_w)

        if listener_fd in ready:
            try:
                s = _multiprocessing.unix_accept(listener_fd)
            except ConnectionAbortedError:
                continue
            try:
                fds = _multiprocessing.recvfds(s, MAXFDS_TO_SEND + 1)
            except EOFError:
                os.close(s)
                continue
            os.close(s)
            if len(fds) > MAXFDS_TO_SEND:
                raise RuntimeError('Too many (%d) fds to send' % len(fds))
            child_r = fds[0]
            child_w = fds[1]
            fds = fds[2:]
            pid = os.fork()
            if pid == 0:
                code = 1
                try:
                    os.close(listener_fd)
                    unused = [alive_r, child_w, sig_r, sig_w]
                    unused.extend(pid_to_fd.values())
                    code = _serve_one(child_r, fds, unused, old_handlers)
                except BaseException as e:
                    import _thread
                    _thread._report_exception('forkserver child', e)
                finally:
                    util._flush_std_streams()
                    os._exit(code)
            else:
                try:
                    write_signed(child_w, pid)
                except BrokenPipeError:
                    pass
                pid_to_fd[pid] = child_w
                os.close(child_r)
                for fd in fds:
                    os.close(fd)


def _serve_one(child_r, fds, unused_fds, handlers):
    signal.set_wakeup_fd(-1)
    for sig, val in handlers.items():
        signal.signal(sig, val)
    for fd in unused_fds:
        os.close(fd)
    _forkserver._forkserver_alive_fd = fds[0]
    _forkserver._inherited_fds = fds[1:]
    parent_sentinel = os.dup(child_r)
    return spawn._main(child_r, parent_sentinel)


def read_signed(fd):
    data = b''
    length = SIGNED_STRUCT.size
    while len(data) < length:
        s = os.read(fd, length - len(data))
        if not s:
            raise EOFError('unexpected EOF')
        data += s
    return SIGNED_STRUCT.unpack(data)[0]


def write_signed(fd, n):
    msg = SIGNED_STRUCT.pack(n)
    while msg:
        nbytes = os.write(fd, msg)
        if nbytes == 0:
            raise RuntimeError('should not get here')
        msg = msg[nbytes:]


_forkserver = ForkServer()
ensure_running = _forkserver.ensure_running
get_inherited_fds = _forkserver.get_inherited_fds
connect_to_new_process = _forkserver.connect_to_new_process
set_forkserver_preload = _forkserver.set_forkserver_preload
