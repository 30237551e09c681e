"""concurrent.interpreters._queues: cross-interpreter queues (PEP 734).

ftl's version of CPython 3.14's ``Lib/concurrent/interpreters/_queues.py``
over the native ``_interpqueues``. A blocking ``get``/``put`` sleeps on the
queue itself until an item (or room) arrives, where CPython polls every
10 ms; timeouts may be fractions of a second.
"""

import _weakref
import _interpqueues as _queues

__all__ = [
    'UNBOUND', 'UNBOUND_ERROR', 'UNBOUND_REMOVE',
    'create', 'list_all',
    'Queue',
    'QueueError', 'QueueNotFoundError', 'QueueEmpty', 'QueueFull',
    'ItemInterpreterDestroyed',
]


class QueueError(RuntimeError):
    """Indicates that a queue-related error happened."""


class QueueNotFoundError(QueueError):
    """The queue does not exist (any more)."""


class QueueEmpty(QueueError):
    """Raised from get_nowait() when the queue is empty.

    It is also raised from get() if it times out.
    """


class QueueFull(QueueError):
    """Raised from put_nowait() when the queue is full.

    It is also raised from put() if it times out.
    """


class ItemInterpreterDestroyed(QueueError):
    """Raised from get() and get_nowait()."""


class _UnboundItem:
    """Represents a queue item no longer bound to an interpreter.

    An item is unbound when the interpreter that added it to the queue is
    destroyed.
    """

    def __repr__(self):
        return 'concurrent.interpreters._queues.UNBOUND'


class _Constant:
    def __init__(self, name):
        self._name = name

    def __repr__(self):
        return self._name


UNBOUND = _UnboundItem()
UNBOUND_ERROR = _Constant('UNBOUND_ERROR')
UNBOUND_REMOVE = _Constant('UNBOUND_REMOVE')


def _unbound_flag(unbounditems):
    if unbounditems is UNBOUND_REMOVE:
        return 1
    if unbounditems is UNBOUND_ERROR:
        return 2
    if unbounditems is UNBOUND:
        return 3
    raise NotImplementedError(f'unsupported unbound replacement op {unbounditems!r}')


def _resolve_unbound(flag):
    if flag == 2:
        raise ItemInterpreterDestroyed("item's original interpreter destroyed")
    if flag == 3:
        return UNBOUND
    raise NotImplementedError(repr(flag))


def create(maxsize=0, *, unbounditems=UNBOUND):
    """Return a new cross-interpreter queue.

    The queue may be used to pass data safely between interpreters.
    """
    flag = _unbound_flag(unbounditems)
    return Queue(_queues.create(maxsize, flag))


def list_all():
    """Return a list of all open queues."""
    return [Queue(qid) for qid, _, _ in _queues.list_all()]


# qid -> weak reference to this interpreter's one Queue object for it;
# the object holds one binding of the queue, released when it dies.
_known_queues = {}


class Queue:
    """A cross-interpreter queue."""

    def __new__(cls, id, /):
        if not isinstance(id, int):
            raise TypeError(f'id must be an int, got {id!r}')
        ref = _known_queues.get(id)
        self = ref() if ref is not None else None
        if self is None:
            self = super().__new__(cls)
            self._id = id
            _queues.bind(id)
            _known_queues[id] = _weakref.ref(self)
        return self

    def __del__(self):
        try:
            _queues.release(self._id)
        except QueueNotFoundError:
            pass
        ref = _known_queues.get(self._id)
        if ref is not None and ref() in (None, self):
            del _known_queues[self._id]

    def __repr__(self):
        return f'{type(self).__name__}({self._id})'

    def __hash__(self):
        return hash(self._id)

    def __reduce__(self):
        return (type(self), (self._id,))

    @property
    def id(self):
        return self._id

    @property
    def maxsize(self):
        return _queues.get_maxsize(self._id)

    @property
    def unbounditems(self):
        flag, _ = _queues.get_queue_defaults(self._id)
        return {1: UNBOUND_REMOVE, 2: UNBOUND_ERROR, 3: UNBOUND}[flag]

    def empty(self):
        return self.qsize() == 0

    def full(self):
        return _queues.is_full(self._id)

    def qsize(self):
        return _queues.get_count(self._id)

    def put(self, obj, block=True, timeout=None, *, unbounditems=None):
        """Add the object to the queue.

        If "block" is true, this blocks while the queue is full (at most
        "timeout" seconds, then QueueFull). Shareable objects are copied;
        others are pickled.
        """
        flag = -1 if unbounditems is None else _unbound_flag(unbounditems)
        if timeout is not None and timeout < 0:
            raise ValueError('timeout value must be non-negative')
        _queues.put(self._id, obj, flag, bool(block), timeout)

    def put_nowait(self, obj, *, unbounditems=None):
        flag = -1 if unbounditems is None else _unbound_flag(unbounditems)
        _queues.put(self._id, obj, flag, False, None)

    def get(self, block=True, timeout=None):
        """Return the next object from the queue.

        If "block" is true, this blocks while the queue is empty (at most
        "timeout" seconds, then QueueEmpty).
        """
        if timeout is not None and timeout < 0:
            raise ValueError('timeout value must be non-negative')
        obj, flag = _queues.get(self._id, bool(block), timeout)
        if flag is not None:
            return _resolve_unbound(flag)
        return obj

    def get_nowait(self):
        """Return the next object from the queue, or raise QueueEmpty."""
        obj, flag = _queues.get(self._id, False, None)
        if flag is not None:
            return _resolve_unbound(flag)
        return obj


_queues._register_heap_types(Queue, QueueEmpty, QueueFull, QueueError,
                             QueueNotFoundError)
