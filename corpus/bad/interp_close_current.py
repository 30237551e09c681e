# An interpreter cannot close itself (PEP 734): InterpreterError there,
# ExecutionFailed here.
from concurrent import interpreters

interp = interpreters.create()
interp.exec("from concurrent import interpreters\ninterpreters.get_current().close()")
