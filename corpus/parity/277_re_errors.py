# re.error: messages, pos, lineno/colno, and the other exceptions re raises.
import re

bad = [
    "(", ")", "(a", "a)", "[a", "[z-a]", "a**", "*a", "+", "a{2,1}", "(?P<1>a)",
    "(?P<a", "(?P", "(?Px)", "(?<a)", "(?<=a+)b", "(?<=a|bc)d", "(?(1a)b)", "(?(1)a|b|c)",
    "\\", "\\q", "\\x1", "\\u12", "\\U0011000", "\\N", "\\N{", "\\N{NOPE}", "[\\z]",
    "(?i", "(?'a')", "a{1,2", "x{99999999999}", "x{4294967295}", "[\\d-z]", "\\500",
    "(?P=)", "(?P=a b)", "(?=", "a\n(b", "a\n\n[b", "(?#", "(?x)a\n  (", "a{,3}{2}",
    "(?<!", "(?(0)a)", "(?(a)b)", "[", "[]", "[^]", "a|*", "(?i)(?a)b", "(?u)(?L)",
]
for pat in bad:
    try:
        re.compile(pat)
        print(repr(pat), "compiles")
    except re.error as e:
        print(repr(pat), "->", str(e), "|", e.msg, e.pos, e.lineno, e.colno, e.pattern == pat)
    except (OverflowError, ValueError, TypeError) as e:
        print(repr(pat), type(e).__name__, e)

try:
    re.compile(b"a\n(?P<x")
except re.error as e:
    print(e, e.pattern, e.pos, e.lineno, e.colno)

e = re.error("custom")
print(str(e), e.msg, e.pattern, e.pos, e.lineno, e.colno, e.args)
e = re.error("custom", "ab\ncd\nef", 7)
print(str(e), e.lineno, e.colno, e.args)
e = re.error("custom", b"abc", 1)
print(str(e), e.lineno, e.colno)
print(issubclass(re.error, Exception), re.error.__name__, re.error.__module__)
try:
    raise re.error("boom", "x", 0)
except Exception as exc:
    print(type(exc).__name__, exc)

# other exception types
for f in (lambda: re.compile(re.compile("a"), re.I),
          lambda: re.compile("a", "i"),
          lambda: re.compile("a", re.L),
          lambda: re.search("a", "a", 1.5),
          lambda: re.compile("a").search("a", None),
          lambda: re.compile("a").search("a", 0, "x"),
          lambda: re.compile("a").split("a", "1"),
          lambda: re.sub("a", "b", "a", "1"),
          lambda: re.match("(a)", "a").group(2),
          lambda: re.match("(a)", "a")["b"],
          lambda: re.match("(a)", "a").expand(r"\g<name>"),
          lambda: re.sub("(a)", r"\g<zz>", "a"),
          lambda: re.compile("a").search(),
          lambda: re.compile("a").sub("b")):
    try:
        print(f())
    except Exception as exc:
        print(type(exc).__name__, exc if type(exc).__name__ != "TypeError" or "argument" not in str(exc) else "(arguments)")
