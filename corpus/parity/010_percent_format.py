# printf-style % formatting.
print("%d %i %s %r" % (42, -7, "str", "str"))
print("%s" % "single", "%d" % 5, "%r" % [1, "a"], "%s" % (None,), "%s" % ((1, 2),))
print("%f|%.3f|%.0f|%10.2f|%-10.2f|%+.1f" % (3.14159, 3.14159, 2.5, -3.14159, 2.0, 1.25))
print("[%5d] [%-5d] [%05d] [%+d] [% d] [%5s] [%-5s] [%.2s]" % (42, 42, 42, 42, 42, "ab", "ab", "abcdef"))
print("%x %X %o %#x %#o %x" % (255, 255, 8, 255, 8, -255))
print("%e %e %.2e %g %g %g %g" % (12345.678, 0.000123, 1e10, 0.0001, 1e-5, 123456789.0, 1e-10))
print("%c%c%c %c" % (72, 105, 33, "z"))
print("100%% sure, %d%%" % 50)
print("%(name)s is %(age)d years, %(name)r again" % {"name": "Bo", "age": 7})
print("%(x).2f and %(y)05d" % {"x": 2.0 / 3, "y": 42})
print("%s %s" % ([1, 2], {"k": (1,)}), "%s|%r" % (1.5, 1.5), "%s" % 1e16, "%r" % 0.1)
print("%d" % 3.99, "%d" % -3.99, "%i" % True, "%s" % True, "%.3s" % "abcdef")
print("%6d|%-6d|%.2f" % (42, 42, 3.14159))
print("%10.4s|" % "abcdefgh", "%-8r|" % "x", "%08.3f" % -3.14159, "%+05d" % 7)
print("%d items cost $%.2f (%s)" % (3, 9.5, "ok"))
rows = [("apple", 3, 1.5), ("banana", 12, 0.25), ("cherry", 100, 12.0)]
for name, qty, price in rows:
    print("%-8s %4d x %6.2f = %8.2f" % (name, qty, price, qty * price))
print("%s" % "%d", "%%d" % (), "a%sb" % "")
print("%x" % 2 ** 70, "%d" % -(2 ** 70), "%o" % 0, "%5.1f%%" % 99.44)
print("%r %s" % ("é", "é"))
print("%.3g|%10.3e|%-10g|" % (2 / 3, 12345.6789, 0.5))
print("%f %f %f" % (float("inf"), float("-inf"), float("nan")), "%e" % 0.0, "%g" % 100000.0, "%g" % 1000000.0)
s = "%s-%s"
print(s % ("a", "b"), s % (1, 2.5))
try:
    print("%d %d" % (1,))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%d" % (1, 2))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
for v in (0, 7, -7, 255, 65535):
    print("%d|%5d|%-5d|%05d|%x|%X|%o|%+d" % (v, v, v, v, v, v, v, v))
for v in (0.0, 1.5, -2.25, 1234.5678, 1e-5, 1e20):
    print("%f|%.2f|%10.3f|%e|%.3e|%g|%.3g" % (v, v, v, v, v, v, v))
print("%s and %s" % ("tuple", "args"), "%s" % [("nested",)], "%r" % {"a": 1})
print("%(a)s-%(b)s-%(a)s" % {"a": "x", "b": "y"}, "%(n)05d|%(n)-5d|" % {"n": 42})
print("%c%c" % ("o", 107), "%5s|%-5s|" % ("abcdefg", "a"), "%.0f %.0f %.0f" % (0.5, 1.5, 2.5))
