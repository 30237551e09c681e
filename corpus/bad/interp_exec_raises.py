# An exception the other interpreter does not handle comes back as
# ExecutionFailed, uncaught here: exit 1, the remote traceback last.
from concurrent import interpreters

interp = interpreters.create()
interp.exec("def f():\n    raise ValueError('boom in the other interpreter')\nf()")
