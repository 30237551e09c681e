# globals(), locals(), vars(), dir(), eval(), exec() and compile(): the
# caller's namespaces, given namespaces, and the errors CPython raises.
counter = 10


def show_locals(a, b=2):
    c = a + b
    return sorted(locals().items())


print(show_locals(1))
print(globals()["counter"], "show_locals" in globals(), globals() is vars())


def closure():
    x = 1
    def inner():
        return sorted(locals())
    y = x
    return inner()


print(closure())


class K:
    a = 1
    names = sorted(k for k in locals() if not k.startswith("__"))


print(K.names)
print(eval("counter * 2"), eval("  1 + 2"), eval("x + y", {"x": 1}, {"y": 5}))
ns = {}
exec("def f(n):\n    return n * n\nresult = f(7)", ns)
print(ns["result"], sorted(k for k in ns if k != "__builtins__"), "__builtins__" in ns)
exec("counter = counter + 1")
print(counter)
g = {"base": 100}
l = {}
exec("total = base + 1", g, l)
print(l, "total" in g)
code = compile("a * b", "<calc>", "eval")
print(type(code).__name__, eval(code, {"a": 6, "b": 7}))
code2 = compile("for i in range(3):\n    out.append(i * i)", "<loop>", "exec")
out = []
exec(code2)
print(out)


class Obj:
    cls_attr = 1

    def __init__(self):
        self.inst_attr = 2

    def method(self):
        pass


o = Obj()
print(vars(o), [n for n in dir(o) if not n.startswith("_")], [n for n in dir(Obj) if not n.startswith("_")])


def local_dir():
    first = 1
    second = 2
    return dir()


print(local_dir())
import math
print([n for n in dir(math) if n in ("pi", "sqrt", "floor")])


class Custom:
    def __dir__(self):
        return ["zeta", "alpha"]


print(dir(Custom()))

for src, mode in [("1 +", "eval"), ("x = = 1", "exec"), ("return 5", "exec")]:
    try:
        compile(src, "<bad>", mode)
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
try:
    eval("undefined_name")
except NameError as e:
    print("NameError:", e)
try:
    eval("x = 1")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    exec(42)
except TypeError as e:
    print("TypeError:", e)
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
try:
    exec("pass", [])
except TypeError as e:
    print("TypeError:", e)
print(eval("[i for i in range(4) if i % 2]"), eval("(lambda q: q + 1)(4)"))
