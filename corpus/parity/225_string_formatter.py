# string.Formatter: format/vformat, parse, get_field and the overridable hooks.
import string

f = string.Formatter()

def show(fn):
    try:
        print(repr(fn()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

show(lambda: f.format("{} + {} = {}", 1, 2, 3))
show(lambda: f.format("{0}{1}{0}", "ab", "cd"))
show(lambda: f.format("{name:>8}|{n:05.1f}|{x!r}", name="bob", n=3.14159, x="q"))
show(lambda: f.format("{0[1]} {0[k]} {1.real} {1.imag}", {1: "one", "k": "kay"}, 5))
show(lambda: f.format("{a[0][1]}", a=[[1, 2]]))
show(lambda: f.format("{:{w}.{p}f}", 2.71828, w=10, p=3))
show(lambda: f.format("{0:{1}}", "x", "^5"))
show(lambda: f.format("{{literal}} {}", 9))
show(lambda: f.format("{!s:>3}{!a}", 7, "caf\u00e9"))
show(lambda: f.format("{0}{}", 1, 2))
show(lambda: f.format("{}{0}", 1, 2))
show(lambda: f.format("{}{}", 1))
show(lambda: f.format("{x}"))
show(lambda: f.format("{0!z}", 1))
show(lambda: f.format("{0:{0:{0:{0}}}}", 1))
show(lambda: f.format("{"))
show(lambda: f.format("}"))
show(lambda: f.format("{0.}", 1))
show(lambda: f.format("{0[}", 1))
show(lambda: f.format("{0[0]x}", [1]))
show(lambda: f.format("{a!}", a=1))
show(lambda: f.format("{a!rx}", a=1))
show(lambda: f.format("{a{b}", a=1))
show(lambda: f.vformat("{0}-{k}", (1,), {"k": 2}))

for text in ["plain", "a{{b}}c", "x{0}y{name!r:>{w}}z", "{}{:}{!s}", "{0.attr[key]}", "{a[x:y]}", "", "{:{}}", "}}{{"]:
    print(repr(text), list(f.parse(text)))

print(f.get_field("0.real", (3,), {}))
print(f.get_field("k[1]", (), {"k": "xyz"}))
print(f.get_value(0, ("a",), {}), f.get_value("b", (), {"b": 2}))
print(f.convert_field("x", "r"), f.convert_field(5, None), f.convert_field(5, "s"))
print(repr(f.format_field(3.5, ">6")))

class Strict(string.Formatter):
    def check_unused_args(self, used_args, args, kwargs):
        unused = [k for k in kwargs if k not in used_args]
        unused += [i for i in range(len(args)) if i not in used_args]
        if unused:
            raise ValueError("unused: %r" % (unused,))

show(lambda: Strict().format("{0} {a}", 1, 2, a=3, b=4))
show(lambda: Strict().format("{0} {a}", 1, a=3))

class Upper(string.Formatter):
    def format_field(self, value, spec):
        return format(value, spec).upper()
    def convert_field(self, value, conversion):
        if conversion == "u":
            return str(value) + "!"
        return super().convert_field(value, conversion)
    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return "<" + key + ">"
        return super().get_value(key, args, kwargs)

show(lambda: Upper().format("{0} {missing} {1!u:>5} {2:x}", "abc", "d", 255))
