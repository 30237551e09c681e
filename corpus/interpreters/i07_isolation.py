# Interpreters share nothing: globals, imported modules, module state and
# sys.modules are each interpreter's own.
from concurrent import interpreters
import sys
import random

SECRET = "main's global"
random.seed(1)
first = random.random()

a = interpreters.create()
b = interpreters.create()
a.exec("SECRET = 'a only'")
try:
    b.exec("print(SECRET)")
except interpreters.ExecutionFailed as e:
    print(e.excinfo.type.__name__, e.excinfo.msg)
print(SECRET)

# A module imported in one interpreter is imported again in the other,
# with state of its own.
a.exec("import random\nrandom.seed(1)\nfirst = random.random()")
a.exec("import sys\nsys.dont_write_bytecode = 'set in a'")
b.exec("import sys\nprint(getattr(sys, 'dont_write_bytecode', None) == 'set in a')")
print(getattr(sys, 'dont_write_bytecode', None) == 'set in a')
q = interpreters.create_queue()
a.prepare_main(q=q)
a.exec("q.put(first)")
print(q.get() == first)
b.prepare_main(q=q)
b.exec("import sys\nq.put('random' in sys.modules)")
print("b imported random:", q.get())
b.exec("import random\nq.put('random' in sys.modules)")
print("b imported random:", q.get())
a.exec("import sys\nsys.modules['injected'] = 42")
b.exec("import sys\nq.put('injected' in sys.modules)")
print("b sees a's sys.modules entry:", q.get())
print('injected' in sys.modules)

# A class made in one interpreter is not the class of the other: instances
# cross by pickle, as copies.
a.close()
b.close()
