"""multiprocessing (CPython's `Lib/multiprocessing/__init__.py`): processes
with the threading API.

The package's names are those of the default context
(`multiprocessing.context`): `Process`, `Pool`, `Pipe`, `Queue`, `Lock`,
`get_context`, `set_start_method`, ... Children run on the parent's ftl
runtime. See `docs/processes.md` for what is built.
"""

import sys

from multiprocessing import context

_ctx = context._default_context

__all__ = [
    'Array', 'AuthenticationError', 'BoundedSemaphore',
    'BufferTooShort', 'Condition', 'Event', 'JoinableQueue', 'Lock',
    'Manager', 'Pipe', 'Pool', 'Process', 'ProcessError', 'Queue',
    'RLock', 'RawArray', 'RawValue', 'Semaphore', 'SimpleQueue',
    'TimeoutError', 'Value', 'active_children', 'allow_connection_pickling',
    'cpu_count', 'current_process', 'freeze_support', 'get_all_start_methods',
    'get_context', 'get_logger', 'get_start_method', 'log_to_stderr',
    'parent_process', 'set_executable', 'set_forkserver_preload',
    'set_start_method',
]

Process = _ctx.Process
ProcessError = context.ProcessError
BufferTooShort = context.BufferTooShort
TimeoutError = context.TimeoutError
AuthenticationError = context.AuthenticationError
current_process = _ctx.current_process
parent_process = _ctx.parent_process
active_children = _ctx.active_children
cpu_count = _ctx.cpu_count
Manager = _ctx.Manager
Pipe = _ctx.Pipe
Lock = _ctx.Lock
RLock = _ctx.RLock
Condition = _ctx.Condition
Semaphore = _ctx.Semaphore
BoundedSemaphore = _ctx.BoundedSemaphore
Event = _ctx.Event
Queue = _ctx.Queue
JoinableQueue = _ctx.JoinableQueue
SimpleQueue = _ctx.SimpleQueue
Pool = _ctx.Pool
RawValue = _ctx.RawValue
RawArray = _ctx.RawArray
Value = _ctx.Value
Array = _ctx.Array
freeze_support = _ctx.freeze_support
get_logger = _ctx.get_logger
log_to_stderr = _ctx.log_to_stderr
allow_connection_pickling = _ctx.allow_connection_pickling
set_executable = _ctx.set_executable
set_forkserver_preload = _ctx.set_forkserver_preload
get_context = _ctx.get_context
get_start_method = _ctx.get_start_method
set_start_method = _ctx.set_start_method
get_all_start_methods = _ctx.get_all_start_methods

# The main module is also `__mp_main__`, the name it has in a spawned
# child, so that what a child pickles by that name unpickles here.
if '__main__' in sys.modules:
    sys.modules['__mp_main__'] = sys.modules['__main__']
