# sys.version_info / hexversion / float_info / hash_info / flags as struct sequences, sys.exc_info() and sys.exception() (3.11).
import sys
print(sys.version_info >= (3, 8), sys.version_info[:2], sys.version_info.major, sys.version_info)
print(sys.hexversion >= 0x030b0000, sys.version.split()[0], sys.float_info.max, sys.float_info.epsilon, sys.hash_info.modulus)
try:
    1/0
except ZeroDivisionError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, type(tb).__name__, sys.exception() is v)
print(sys.exc_info(), sys.exception())
