# format() builtin with every spec type on ints, floats, strings.
ints = [0, 7, -7, 255, 1000000, -123456]
for n in ints:
    print(repr(n), format(n), format(n, "d"), format(n, "5"), format(n, "x"), format(n, "X"),
          format(n, "o"), format(n, "b"), format(n, ","), format(n, "_"), format(n, "+"), format(n, "08"))
print(format(65, "c"), format(9731, "c"), format(10, "#x"), format(10, "#o"), format(10, "#b"), format(-10, "#x"))
print(format(5, "n"), format(5, "e"), format(5, "f"), format(5, "g"), format(5, "%"), format(5, ".2f"))
floats = [0.0, -0.0, 1.5, -2.25, 3.14159265358979, 1e-7, 1e16, 123456.789, 0.1, 2.5, 1e22]
for f in floats:
    print(repr(f), format(f), format(f, "f"), format(f, ".2f"), format(f, "e"), format(f, ".3e"),
          format(f, "E"), format(f, "g"), format(f, ".3g"), format(f, "G"), format(f, "%"), format(f, ".1%"))
for f in floats:
    print(format(f, "10.3f") + "|" + format(f, "<10.1f") + "|" + format(f, "^12g") + "|" + format(f, "+.2e") + "|" + format(f, "012.4f"))
print(format(2.5, ".0f"), format(3.5, ".0f"), format(0.125, ".2f"), format(0.375, ".2f"), format(1.005, ".2f"))
print(format(1234567.891, ",.2f"), format(1234567.891, "_.3f"), format(1e6, ",g"), format(0.5, ".0%"))
print(format(float("inf"), "f"), format(float("-inf"), "e"), format(float("nan"), "g"), format(float("inf"), "10.2f"))
print(format(float("nan"), "F"), format(float("inf"), "E"), format(1e-5, "F"), format(1e20, "G"))
print(format(123.456, ".0e"), format(123.456, ".10g"), format(100.0, "g"), format(1e15, "g"), format(1e16, "g"))
print(format(0.0001, "g"), format(0.00001, "g"), format(123456.0, "g"), format(1234567.0, "g"), format(1.0, ".0g"))
strs = ["", "a", "hello", "longer string"]
for s in strs:
    print(repr(format(s)), repr(format(s, "8")), repr(format(s, ">8")), repr(format(s, "^8")), repr(format(s, ".3")), repr(format(s, "_<7.2")))
print(format(True), format(False, "d"), format(True, ">5"), format(None), format([1, 2]), format((1,)))

class Money:
    def __init__(self, cents):
        self.cents = cents
    def __str__(self):
        return "$%d.%02d" % (self.cents // 100, self.cents % 100)

m = Money(12345)
print(format(m), "{}".format(m), f"{m}", str(m), format(m, ""))
for spec in ["", "<6", ">6", "^6", "06", "+06", "=6", " 6", "#06x", ",", "e", "g", "%"]:
    print(repr(spec), repr(format(42, spec)), repr(format(-4.5, spec.replace("#06x", "06"))))
print(format(10 ** 20, ","), format(-(2 ** 64), "x"), format(2 ** 64, "e"), format(7, ".3e"))
print(format(1234.5, "n"), format(0.000123, "n"), format(-5, "n"))
print(format(12.5, "F"), format(-0.5, "E"), format(1e-10, "G"), format(255, "#X"))
print(repr(format(0, "c")), format(97, "c") == "a", repr(format(32, "c")))
print(format(3.0, "%"), format(0.0005, ".2%"), format(-1.5, "%"))
for width in (1, 5, 9):
    print(repr(format(-12.5, str(width))), repr(format(-12, str(width))), repr(format("ab", str(width))))
print(format(123456789, ",d"), format(-0.000001, ".1e"), format(99.999, ".2f"), format(99.995, ".2f"))
