"""multiprocessing.reduction (CPython's `Lib/multiprocessing/reduction.py`):
the pickler that carries objects between processes.

`ForkingPickler` is a `pickle.Pickler` whose dispatch table also holds
the reducers registered with `register` (a `Connection` becomes its
descriptor). A descriptor travels only while a child is being started
(`DupFd` asks the starting `Popen` to pass it): ftl has no resource
sharer, so a connection sent to a running process raises `RuntimeError`.
"""

import copyreg
import pickle
import _pickle

from multiprocessing import context

__all__ = ['send_handle', 'recv_handle', 'ForkingPickler', 'register',
           'dump', 'DupFd']

HAVE_SEND_HANDLE = False


class _Sink:
    def __init__(self):
        self.data = b''

    def write(self, data):
        self.data += data


class ForkingPickler(pickle.Pickler):
    """A pickler with the reducers `register` added."""

    _extra_reducers = {}

    def __init__(self, file, protocol=None):
        pickle.Pickler.__init__(self, file, protocol)
        self.dispatch_table = dict(self._extra_reducers)

    @classmethod
    def register(cls, type, reduce):
        """Pickles instances of `type` with `reduce`."""
        cls._extra_reducers[type] = reduce

    @classmethod
    def dumps(cls, obj, protocol=None):
        """The pickle of `obj` (bytes)."""
        return _pickle.dumps(obj, protocol, True, None, cls._extra_reducers,
                             pickle.PicklingError)

    loads = staticmethod(pickle.loads)


register = ForkingPickler.register


def dump(obj, file, protocol=None):
    """Writes the pickle of `obj` to `file`."""
    file.write(ForkingPickler.dumps(obj, protocol))


def DupFd(fd):
    """A picklable stand-in for descriptor `fd`, for the child being
    started."""
    popen_obj = context.get_spawning_popen()
    if popen_obj is not None:
        return popen_obj.DupFd(popen_obj.duplicate_for_child(fd))
    raise RuntimeError(
        'ftl can pass a file descriptor to a child process only as the child '
        'starts (multiprocessing.resource_sharer is not built)')


def send_handle(conn, handle, destination_pid):
    raise NotImplementedError('ftl cannot send descriptors over a connection yet')


def recv_handle(conn):
    raise NotImplementedError('ftl cannot send descriptors over a connection yet')
