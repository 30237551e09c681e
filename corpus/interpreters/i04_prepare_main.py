# prepare_main binds shareable values in the interpreter's __main__;
# is_shareable says which types cross as they are (by type: a tuple is
# shareable, but one holding a list fails when it is sent).
from concurrent import interpreters


class Thing:
    pass


interp = interpreters.create()
interp.prepare_main(a=1, b="two", c=(3.0, b"4", None, False))
interp.prepare_main({"d": 5}, e=6)
interp.exec("print(a, b, c, d, e)")
interp.exec("print(type(c).__name__, type(c[1]).__name__)")

for value in [None, True, 1, 10**40, 1.25, "s", b"b", (1, "t"), ((),),
              [1], {1: 2}, {1}, Thing(), print, (1, [2])]:
    print(type(value).__name__, interpreters.is_shareable(value))

try:
    interp.prepare_main(obj=Thing())
except interpreters.NotShareableError as e:
    print("NotShareableError", isinstance(e, TypeError))
try:
    interp.prepare_main(pair=(1, [2]))
except interpreters.NotShareableError:
    print("a tuple with a list is not shareable")
interp.exec("""
try:
    obj
    print('obj bound')
except NameError:
    print('obj not bound')
try:
    pair
    print('pair bound')
except NameError:
    print('pair not bound')
""")
interp.close()
