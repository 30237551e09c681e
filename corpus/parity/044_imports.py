# import forms: import X, import X as Y, from X import Y (as Z), missing modules, __name__.
import math
import math as m
import sys, os
from math import sqrt, pi as PI
from random import seed as set_seed, randint
from os import getpid

print(math.sqrt(9), m.sqrt(9), sqrt(9), PI == math.pi, m is math)
set_seed(3)
print(randint(1, 100), callable(getpid), type(sys.argv).__name__)
print(__name__)
try:
    import nosuchmod
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    import nosuchmod as alias
except ImportError as e:
    print("ImportError catches it too:", e, type(e).__name__)
try:
    from math import nosuchname
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0], type(e).__name__)
try:
    from nosuchpkg import thing
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)

def local_import():
    import math as lm
    from math import factorial
    return lm.floor(2.5), factorial(5)

print(local_import())
try:
    print(lm)
except NameError as e:
    print("NameError:", e)
import math
print(math.gcd(8, 12))
try:
    math.nosuchattr
except AttributeError as e:
    print("AttributeError:", e)

def main():
    print("main() called because __name__ ==", repr(__name__))
    return 0

if __name__ == "__main__":
    status = main()
    print("status", status)
else:
    print("imported")
