"""import of the program's own modules: NAME.py beside the main program."""
import m079_helper as h
from m079_helper import square, Counter
import m079_helper

print(h is m079_helper)
print(square(7))
print(m079_helper.__name__)
print(h.LOADED)
import m079_helper
print(h.LOADED)
print(h.__file__.endswith("m079_helper.py"))
c = Counter()
c.add(3)
c.add(4)
print(c.total, type(c).__name__, type(c).__module__)
print(h.calls_back(lambda v: v * 10))
try:
    import no_such_module_079
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    import m079_helper.sub
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    from m079_helper import missing_name
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
import sys
print("m079_helper" in sys.modules, "no_such_module_079" in sys.modules)
