# PEP 734 basics: create, exec, state kept between calls, list_all, close.
from concurrent import interpreters

main = interpreters.get_main()
print(main, main.id, interpreters.get_current() is main)
a = interpreters.create()
b = interpreters.create()
print(a.id > 0, b.id > a.id, a != b)
print(interpreters.get_main() is main, interpreters.Interpreter(a.id) is a)
print(sorted(i.id for i in interpreters.list_all()) == [0, a.id, b.id])
a.exec("x = 40")
a.exec("x += 2\nprint('a says', x)")
b.exec("try:\n    x\n    print('b sees x')\nexcept NameError:\n    print('b has no x')")
print(a.is_running(), main.is_running())
a.exec("""
from concurrent import interpreters
me = interpreters.get_current()
print('inside, current is main:', me.id == 0)
print('inside, main id:', interpreters.get_main().id)
""")
a.close()
print(sorted(i.id for i in interpreters.list_all()) == [0, b.id])
try:
    a.exec("pass")
except interpreters.InterpreterNotFoundError as e:
    print("closed:", type(e).__name__)
b.close()
print(len(interpreters.list_all()))
