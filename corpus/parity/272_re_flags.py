# re: the flags, RegexFlag, inline flags, and what each flag does.
import re

print(re.I, re.M, re.S, re.X, re.A, re.U, re.L, re.T, re.DEBUG, re.NOFLAG)
print(int(re.I), int(re.M), int(re.S), int(re.X), int(re.A), int(re.U), int(re.L))
print(re.IGNORECASE is re.I, re.MULTILINE == 8, re.I == 2, isinstance(re.I, int))
print(repr(re.I | re.M), repr(re.M | re.I), repr(re.I | re.M | re.S | re.X))
print(repr(re.A | re.I | re.L | re.U | re.M | re.S | re.X | re.T | re.DEBUG))
print(repr(re.I & re.M), repr(re.I & 3), repr(3 & re.I), repr(re.I ^ re.M ^ re.I))
print(repr(~re.I), repr(~re.NOFLAG), repr(re.I | 1024), repr(8 | re.I))
print(type(re.I | re.M).__name__, type(re.I + 1).__name__, re.I + 1, -re.I, re.I * 2)
print("%d %s %r %x" % (re.M, re.M, re.M, re.X))
print("{} {:d} {:>6}|".format(re.S, re.S, re.S))
print(f"{re.I|re.S}", format(re.A), str(re.DOTALL))
print(re.I.name, re.I.value, (re.I | re.M).name, re.NOFLAG.name, re.RegexFlag(8).name)
print(re.RegexFlag(2) is re.I, repr(re.RegexFlag(0)), repr(re.RegexFlag(3)))
print(re.RegexFlag.IGNORECASE, re.RegexFlag.MULTILINE, re.RegexFlag.__name__)
print(hash(re.I) == hash(2), {re.I: "i"}[2], sorted([re.X, re.I, re.M]))

def flags_of(p, f=0):
    c = re.compile(p, f)
    return c.flags, repr(c)

print(flags_of("a"), flags_of(b"a"), flags_of("a", re.I), flags_of("a", re.A))
print(flags_of("(?i)a"), flags_of("(?s)a"), flags_of("(?x) a"), flags_of("(?m)a"))
print(flags_of("(?a)a"), flags_of("(?u)a"), flags_of(b"(?L)a"), flags_of("a", re.U))
print(flags_of("a", re.I | re.M | re.S | re.X), flags_of(b"a", re.I | re.L))
print(flags_of("(?im)a"), flags_of("(?i:a)b"), flags_of("a", re.T))

# IGNORECASE
print(re.findall("abc", "ABC abc AbC", re.I))
print(re.findall("[a-z]+", "Hello WORLD", re.I))
print(re.findall("(?i)straße", "STRASSE straße STRAẞE"))
print(re.match("(?i)ſ", "s"), re.match("(?i)K", "\u212a"), re.match("(?i)µ", "Μ"))
print(re.findall(r"(?i)[k]", "kK\u212a"), re.findall(r"(?ia)[k]", "kK\u212a"))
print(re.match(r"(?i)(a)\1", "aA"), re.match(r"(a)(?i:\1)", "aA"))
print(re.findall("(?i:a)b", "ab Ab AB aB"))
print(re.findall("a(?-i:b)", "ab Ab AB aB", re.I))

# MULTILINE
text = "one\ntwo\nthree\n"
print(re.findall(r"^\w+", text), re.findall(r"^\w+", text, re.M))
print(re.findall(r"\w+$", text), re.findall(r"\w+$", text, re.M))
print(re.findall(r"\A\w+", text, re.M), re.findall(r"\w+\Z", "a\nb", re.M))
print(re.search("$", "ab\n").span(), re.findall("$", "ab\ncd\n", re.M))

# DOTALL
print(re.findall("a.b", "a\nb a-b"), re.findall("a.b", "a\nb a-b", re.S))
print(re.findall("(?s:a.)b", "a\nb"), re.findall("[^x]", "\n"))

# VERBOSE
p = re.compile(r"""
    (?P<int> \d+ )      # the integer part
    (?: \. (?P<frac> \d+ ) )?   # an optional fraction
    \ x [ ] y           # escaped and classed spaces stay
""", re.X)
print(p.match("12.5 x y").groupdict(), p.match("7 x y").groupdict())
print(re.match("(?x) a b # c", "ab"), re.match("a#b", "a#b", re.X))

# ASCII versus Unicode classes
s = "café ½ ٣ x_1 ＡＢ"
print(re.findall(r"\w+", s), re.findall(r"\w+", s, re.A))
print(re.findall(r"\d", "1٣५"), re.findall(r"\d", "1٣५", re.A))
print(re.findall(r"\s", "a\u00a0b\u2003c d"), re.findall(r"\s", "a\u00a0b\u2003c d", re.A))
print(re.findall(r"(?i)é", "É"), re.findall(r"(?ia)é", "É"), re.findall(r"(?i)[a-z]", "Éz", re.A))
print(re.findall(r"\bé\b", "é ée"), re.findall(r"\b\w", "ñu éa", re.A))

# flag errors
for pat, f in (("a", re.L), (b"a", re.U), ("a", re.A | re.U), ("(?L)a", 0),
               ("(?au)a", 0), ("(?i", 0), ("(?z)a", 0), ("(?-q:a)", 0),
               ("a(?i)b", 0), ("(?i-i:a)", 0), ("(?-i)a", 0), (b"(?u)a", 0)):
    try:
        print(repr(re.compile(pat, f)))
    except (re.error, ValueError) as e:
        print(type(e).__name__, e)
