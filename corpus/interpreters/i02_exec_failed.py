# An uncaught exception in another interpreter comes back as ExecutionFailed,
# with a summary of the exception (the object itself stays behind).
from concurrent import interpreters

interp = interpreters.create()
try:
    interp.exec("raise ValueError('boom')")
except interpreters.ExecutionFailed as e:
    print(isinstance(e, interpreters.InterpreterError))
    print(e.excinfo.type.__name__, e.excinfo.msg)
    print(e.excinfo.formatted)
    print(str(e).splitlines()[0])
    print(str(e).splitlines()[2])
    print(e.excinfo.errdisplay.splitlines()[0])
    print(e.excinfo.errdisplay.splitlines()[-1])

interp.exec("""
class Custom(Exception):
    pass
def fail(n):
    if n == 0:
        raise Custom('deep')
    fail(n - 1)
""")
try:
    interp.exec("fail(3)")
except interpreters.ExecutionFailed as e:
    print(e.excinfo.type.__name__, e.excinfo.type.__module__, repr(e.excinfo.msg))
    print(e.excinfo.errdisplay.count('in fail'))

try:
    interp.exec("x = (")
except interpreters.ExecutionFailed as e:
    print(e.excinfo.type.__name__)

try:
    interp.exec("import no_such_module_here")
except interpreters.ExecutionFailed as e:
    print(e.excinfo.formatted)

# The interpreter is still usable after a failure.
interp.exec("print('still alive')")
interp.close()
