# Messages of exceptions raised by the runtime itself, caught and printed.
def show(thunk):
    try:
        thunk()
        print("no error")
    except Exception as e:
        print(type(e).__name__ + ":", e)

show(lambda: 1 / 0)
show(lambda: 1 // 0)
show(lambda: 1 % 0)
show(lambda: 1.0 / 0)
show(lambda: 1.0 // 0)
show(lambda: 5.5 % 0)
show(lambda: divmod(1, 0))
show(lambda: 0 ** -1)
show(lambda: 1 + "a")
show(lambda: "a" + 1)
show(lambda: [1] + (2,))
show(lambda: "a" * "b")
show(lambda: 3 - None)
show(lambda: -"x")
five = 5
word = "s"
show(lambda: five())
show(lambda: word())
show(lambda: len(5))
show(lambda: [1, 2] < "ab")
show(lambda: {}["k"])
show(lambda: {1: 2}[3])
show(lambda: {(1, 2): 0}[(3, 4)])
show(lambda: [][0])
show(lambda: (1, 2)[5])
show(lambda: "abc"[10])
show(lambda: (1).foo)
show(lambda: "s".nosuch)
show(lambda: [].nosuch)
show(lambda: None.attr)
show(lambda: int("abc"))
show(lambda: int("4.5"))
show(lambda: float("x1"))
show(lambda: [1, 2].index(3))
show(lambda: "abc".index("z"))
show(lambda: 2.0 ** 10000)
show(lambda: 10.0 ** 400)
show(lambda: next(iter([])))
show(lambda: undefined_variable)
show(lambda: hash([]))
show(lambda: {[]: 1})
show(lambda: {1: 2}.pop(9))
show(lambda: set().pop())
show(lambda: [].pop())
show(lambda: "x".join([1, 2]))
show(lambda: sum(["a", "b"]))
show(lambda: iter(None))
show(lambda: max(1))
show(lambda: abs("x"))
show(lambda: round("x"))
show(lambda: chr("a"))
show(lambda: ord(""))
show(lambda: int(None))
show(lambda: dict([1, 2]))

class C:
    def method(self, a):
        return a

show(lambda: C().missing)
show(lambda: C().method())
show(lambda: C().method(1, 2))
show(lambda: C(1))
show(lambda: C.method(1, 2, 3))

def f(a, b=2, *, c):
    return a

show(lambda: f())
show(lambda: f(1))
show(lambda: f(1, 2, 3, c=4))
show(lambda: f(1, c=3, d=4))
show(lambda: f(1, a=1, c=3))

def g():
    local_v += 1

show(g)
for exc in (KeyboardInterrupt("ki"), GeneratorExit(), SystemExit(5), OSError("os error")):
    try:
        raise exc
    except BaseException as e:
        print("BaseException caught:", type(e).__name__, repr(e), e.args)
import sys
try:
    sys.exit(7)
except SystemExit as e:
    print("SystemExit args", e.args)
try:
    sys.exit("message")
except SystemExit as e:
    print("SystemExit args", e.args)
try:
    sys.exit()
except SystemExit as e:
    print("SystemExit args", e.args)
print(isinstance(KeyboardInterrupt(), Exception), isinstance(OSError(), Exception))
