"""`from M import *`: __all__ when the module has one, else its public
names; only at module level."""
import sys
import types

with_all = types.ModuleType("with_all")
exec("__all__ = ['pub', 'other']\npub = 1\nother = 2\nhidden = 3\n", with_all.__dict__)
no_all = types.ModuleType("no_all")
exec("a = 1\n_private = 2\ndef f():\n    return 'f'\n", no_all.__dict__)
bad_all = types.ModuleType("bad_all")
bad_all.__all__ = ["ok", 3]
bad_all.ok = 1
missing = types.ModuleType("missing")
missing.__all__ = ["ghost"]
sys.modules.update(with_all=with_all, no_all=no_all, bad_all=bad_all, missing=missing)

from with_all import *
from no_all import *
from math import *

print(pub, other, a, f(), "hidden" in globals(), "_private" in globals(), round(pi, 3), sqrt(16))
from collections import *

print(OrderedDict.__name__, deque.__name__, namedtuple("P", "x")(1))
try:
    from bad_all import *
except TypeError as e:
    print("TypeError", e)
try:
    from missing import *
except AttributeError as e:
    print("AttributeError", e)
for src in ["def g():\n    from math import *\n", "class C:\n    from math import *\n"]:
    try:
        compile(src, "<src>", "exec")
    except SyntaxError as e:
        print("SyntaxError", e)
