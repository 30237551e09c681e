"""multiprocessing.process (CPython's `Lib/multiprocessing/process.py`):
`BaseProcess`, the process objects' common part, and the registry of the
current process, its parent and its children.

A process object is made in the parent; `start()` asks its context's
`Popen` to run `_bootstrap()` in a new OS process (spawn: a fresh `ftl`
that unpickles the object). `_bootstrap` makes the object the child's
`current_process()`, runs `run()`, then `util._exit_function()`, and
returns the exit code: 0, the `sys.exit` code, or 1 after printing
"Process NAME:" and the traceback of an uncaught exception, as CPython.
"""

import os
import signal
import sys
import threading

__all__ = ['BaseProcess', 'current_process', 'active_children',
           'parent_process']


def current_process():
    """The process object of the calling process."""
    return _current_process


def active_children():
    """The children of this process that are still running (and reaps the
    ones that ended)."""
    _cleanup()
    return list(_children)


def parent_process():
    """The parent's process object (None in the main process)."""
    return _parent_process


def _cleanup():
    for p in list(_children):
        if p._popen.poll() is not None:
            _children.discard(p)


class _Counter:
    def __init__(self, start):
        self.n = start

    def __next__(self):
        n = self.n
        self.n += 1
        return n


class BaseProcess:
    """The common part of the process types (see the module doc)."""

    _start_method = None

    @staticmethod
    def _Popen(process_obj):
        raise NotImplementedError

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={},
                 *, daemon=None):
        assert group is None, 'group argument must be None for now'
        count = next(_process_counter)
        self._identity = _current_process._identity + (count,)
        self._config = dict(_current_process._config)
        self._parent_pid = os.getpid()
        self._parent_name = _current_process.name
        self._popen = None
        self._closed = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or type(self).__name__ + '-' + \
            ':'.join([str(i) for i in self._identity])
        if daemon is not None:
            self.daemon = daemon

    def run(self):
        """What the process does: calls the target (override it in a
        subclass)."""
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        """Starts the process."""
        self._check_closed()
        assert self._popen is None, 'cannot start a process twice'
        assert self._parent_pid == os.getpid(), \
            'can only start a process object created by current process'
        assert not _current_process._config.get('daemon'), \
            'daemonic processes are not allowed to have children'
        _cleanup()
        self._popen = self._Popen(self)
        self._sentinel = self._popen.sentinel
        del self._target, self._args, self._kwargs
        _children.add(self)

    def terminate(self):
        """Sends SIGTERM."""
        self._check_closed()
        self._popen.terminate()

    def kill(self):
        """Sends SIGKILL."""
        self._check_closed()
        self._popen.kill()

    def join(self, timeout=None):
        """Waits (at most `timeout` seconds) for the process to end."""
        self._check_closed()
        assert self._parent_pid == os.getpid(), 'can only join a child process'
        assert self._popen is not None, 'can only join a started process'
        res = self._popen.wait(timeout)
        if res is not None:
            _children.discard(self)

    def is_alive(self):
        """Whether the process is running."""
        self._check_closed()
        if self is _current_process:
            return True
        assert self._parent_pid == os.getpid(), 'can only test a child process'
        if self._popen is None:
            return False
        returncode = self._popen.poll()
        if returncode is None:
            return True
        else:
            _children.discard(self)
            return False

    def close(self):
        """Frees the process object's resources (it must have ended)."""
        if self._popen is not None:
            if self._popen.poll() is None:
                raise ValueError("Cannot close a process while it is still running. "
                                 "You should first call join() or terminate().")
            self._popen.close()
            self._popen = None
            del self._sentinel
            _children.discard(self)
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), 'name must be a string'
        self._name = name

    @property
    def daemon(self):
        """Whether the process is daemonic (terminated when its parent
        exits)."""
        return self._config.get('daemon', False)

    @daemon.setter
    def daemon(self, daemonic):
        assert self._popen is None, 'process has already started'
        self._config['daemon'] = daemonic

    @property
    def authkey(self):
        return self._config['authkey']

    @authkey.setter
    def authkey(self, authkey):
        self._config['authkey'] = bytes(authkey)

    @property
    def exitcode(self):
        """The exit code: None while running, -N when killed by signal N."""
        self._check_closed()
        if self._popen is None:
            return self._popen
        return self._popen.poll()

    @property
    def ident(self):
        """The process id (None before start)."""
        self._check_closed()
        if self is _current_process:
            return os.getpid()
        else:
            return self._popen and self._popen.pid

    pid = ident

    @property
    def sentinel(self):
        """A descriptor that becomes readable when the process ends."""
        self._check_closed()
        try:
            return self._sentinel
        except AttributeError:
            raise ValueError("process not started") from None

    def __repr__(self):
        exitcode = None
        if self is _current_process:
            status = 'started'
        elif self._closed:
            status = 'closed'
        elif self._parent_pid != os.getpid():
            status = 'unknown'
        elif self._popen is None:
            status = 'initial'
        else:
            exitcode = self._popen.poll()
            if exitcode is not None:
                status = 'stopped'
            else:
                status = 'started'
        info = [type(self).__name__, 'name=%r' % self._name]
        if self._popen is not None:
            info.append('pid=%s' % self._popen.pid)
        info.append('parent=%s' % self._parent_pid)
        info.append(status)
        if exitcode is not None:
            exitcode = _exitcode_to_name.get(exitcode, exitcode)
            info.append('exitcode=%s' % exitcode)
        if self.daemon:
            info.append('daemon')
        return '<%s>' % ' '.join(info)

    def _bootstrap(self, parent_sentinel=None):
        """Runs in the child: see the module doc."""
        from multiprocessing import util, context
        global _current_process, _parent_process, _process_counter, _children
        try:
            if self._start_method is not None:
                context._force_start_method(self._start_method)
            _process_counter = _Counter(1)
            _children = set()
            _current_process = self
            _parent_process = _ParentProcess(
                self._parent_name, self._parent_pid, parent_sentinel)
            util._finalizer_registry.clear()
            util._run_after_forkers()
            try:
                self.run()
                exitcode = 0
            finally:
                util._exit_function()
        except SystemExit as e:
            if e.code is None:
                exitcode = 0
            elif isinstance(e.code, int):
                exitcode = e.code
            else:
                sys.stderr.write(str(e.code) + '\n')
                exitcode = 1
        except BaseException as e:
            exitcode = 1
            import _thread
            _thread._report_exception('Process %s:' % self.name, e)
        finally:
            threading._shutdown()
            util._flush_std_streams()
        return exitcode


class _MainProcess(BaseProcess):
    """The main process's object (`MainProcess`)."""

    def __init__(self):
        self._identity = ()
        self._name = 'MainProcess'
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._config = {'authkey': _random_key(),
                        'semprefix': '/mp'}

    def close(self):
        pass


class _ParentProcess(BaseProcess):
    """The parent, as its child sees it: a name, a pid and a sentinel."""

    def __init__(self, name, pid, sentinel):
        self._identity = ()
        self._name = name
        self._pid = pid
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._sentinel = sentinel
        self._config = {}

    def is_alive(self):
        from multiprocessing.connection import wait
        return not wait([self._sentinel], timeout=0)

    @property
    def ident(self):
        return self._pid

    def join(self, timeout=None):
        from multiprocessing.connection import wait
        wait([self._sentinel], timeout=timeout)

    pid = ident


def _random_key():
    # 32 bytes, unique per run (CPython uses os.urandom; ftl has none yet).
    import time
    seed = (os.getpid() << 40) ^ int(time.time() * 1e9)
    out = []
    for i in range(32):
        seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        out.append(seed >> 56)
    return bytes(out)


_parent_process = None
_current_process = _MainProcess()
_process_counter = _Counter(1)
_children = set()

_exitcode_to_name = {}
for _name in ['SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGILL', 'SIGTRAP', 'SIGABRT',
              'SIGBUS', 'SIGFPE', 'SIGKILL', 'SIGUSR1', 'SIGSEGV', 'SIGUSR2',
              'SIGPIPE', 'SIGALRM', 'SIGTERM', 'SIGCHLD', 'SIGCONT',
              'SIGSTOP', 'SIGTSTP']:
    _signum = getattr(signal, _name, None)
    if _signum is not None:
        _exitcode_to_name[-_signum] = f'-{_name}'
del _name, _signum

_dangling = set()
