# Bound methods as values, functions in containers, class and function names, __class__.
class Greeter:
    greeting = "Hello"
    def __init__(self, name):
        self.name = name
    def greet(self, punct="!"):
        return "%s, %s%s" % (self.greeting, self.name, punct)
    def rename(self, new):
        self.name = new
        return self

g = Greeter("ann")
bound = g.greet
print(bound(), bound("?"), bound.__name__)
g.rename("bob")
print(bound())
methods = [Greeter("x").greet, Greeter("y").greet, g.greet]
print([m() for m in methods])
unbound = Greeter.greet
print(unbound(g), unbound(Greeter("z"), "."))
print(g.__class__.__name__, g.__class__ is Greeter, type(g).greeting, g.__class__.greeting)
other = g.__class__("made via __class__")
print(other.greet())
sample = "hello World"
dispatch = {"upper": sample.upper, "lower": sample.lower, "title": sample.title, "swap": sample.swapcase}
for name in ["upper", "lower", "title", "swap"]:
    print(name, dispatch[name]())
print("len", len(sample), [f() for f in dispatch.values()][0])
pushes = []
push = pushes.append
for i in range(3):
    push(i * 10)
print(pushes)
d = {}
setter = d.setdefault
setter("a", []).append(1)
setter("a", []).append(2)
print(d)
words = ["b", "a", "c"]
sorter = words.sort
sorter(reverse=True)
print(words)
text = "a-b-c"
splitter = text.split
print(splitter("-"), splitter("-", 1))

def apply_all(funcs, value):
    return [f(value) for f in funcs]

print(apply_all([abs, str, float, bool, lambda v: v * 2], -3))
print([f.__name__ for f in (abs, len, apply_all, Greeter.greet)], Greeter.__name__, int.__name__)

class Button:
    def __init__(self, label):
        self.label = label
        self.handlers = []
    def on_click(self, handler):
        self.handlers.append(handler)
    def click(self):
        return [h(self) for h in self.handlers]

class Logger:
    def __init__(self):
        self.lines = []
    def log(self, button):
        self.lines.append("clicked " + button.label)
        return len(self.lines)

log = Logger()
btn = Button("ok")
btn.on_click(log.log)
btn.on_click(lambda b: b.label.upper())
print(btn.click(), btn.click(), log.lines)

class Counter:
    def __init__(self):
        self.n = 0
    def __call__(self):
        self.n += 1
        return self.n

ctr = Counter()
callbacks = [ctr, ctr, ctr]
print([cb() for cb in callbacks], ctr.n)
cls_list = [int, str, list, Greeter]
print([c.__name__ for c in cls_list], [type(c("7") if c is not Greeter else c("q")).__name__ for c in cls_list])
m1 = g.greet
m2 = g.greet
print(m1() == m2(), callable(m1))
