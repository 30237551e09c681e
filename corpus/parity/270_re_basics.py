# re: compile / match / search / fullmatch and the Match object's API.
import re

p = re.compile(r"(\w+)@(\w+)\.(?P<tld>com|org)")
print(p)
print(p.pattern, p.flags, p.groups, p.groupindex, dict(p.groupindex))
print(type(p).__name__, type(p).__module__, isinstance(p, re.Pattern))

m = p.search("mail bob@example.com or alice@site.org")
print(m)
print(type(m).__name__, isinstance(m, re.Match), bool(m))
print(m.group(), m.group(0), m.group(1), m.group(2), m.group(3), m.group("tld"))
print(m.group(1, 2, "tld"), m.group(0, 0))
print(m[0], m[1], m["tld"])
print(m.groups(), m.groupdict())
print(m.start(), m.end(), m.span(), m.start(1), m.end(2), m.span("tld"))
print(m.regs)
print(m.lastindex, m.lastgroup)
print(m.re is p, m.string, m.pos, m.endpos)

# match anchors at pos, search scans, fullmatch needs the whole window
print(p.match("bob@example.com!"))
print(p.match("  bob@example.com"))
print(p.fullmatch("bob@example.com"))
print(p.fullmatch("bob@example.com!"))
print(re.match("a+", "aaab"), re.fullmatch("a+", "aaab"), re.search("b", "aaab"))
print(re.match("x", "abc"), re.search("x", "abc"), re.fullmatch("", ""))

# groups that do not take part
m = re.match(r"(a)(b)?(c)?", "ac")
print(m.groups(), m.groups("-"), m.group(2), m.span(2), m.start(2), m.end(2))
print(m.regs, m.lastindex)
m = re.match(r"(?P<x>a)|(?P<y>b)", "b")
print(m.groupdict(), m.groupdict(0), m.lastindex, m.lastgroup)
m = re.match(r"(a)(?:b)", "ab")
print(m.lastindex, m.lastgroup, m.groups())
m = re.match(r"a", "a")
print(m.lastindex, m.lastgroup, m.groups(), m.groupdict())
m = re.match(r"((a)(b))", "ab")
print(m.lastindex, m.regs)
m = re.match(r"(?P<outer>(?P<inner>x)y)", "xy")
print(m.lastindex, m.lastgroup)

# pos and endpos
p = re.compile(r"\d+")
print(p.search("ab12cd345", 4), p.search("ab12cd345", 4).pos)
print(p.search("ab12cd345", 0, 3), p.search("ab12cd345", pos=3, endpos=8))
print(p.match("ab12cd345", 2), p.match("ab12cd345", 3))
print(p.fullmatch("ab12cd", 2, 4), p.fullmatch("ab12cd", 2, 5))
m = p.search("12345", -10, 100)
print(m, m.pos, m.endpos)
print(p.search("12345", 4, 2), re.compile("").match("abc", 2, 1), re.compile("").fullmatch("abc", 2, 1))
print(re.compile("^a").search("ba", 1), re.compile("$").search("ab", 0, 1))
print(re.compile(r"(?<=a)b").search("ab", 1))

# reprs
print(repr(re.match("a*", "a" * 100)))
print(repr(re.compile("x" * 250)))
print(re.compile(""), re.compile("'"), re.compile('"'), re.compile("a\nb"))
print(re.search("", "abc"), re.search("$", "abc"))

# match errors
m = re.match(r"(a)(?P<n>b)", "ab")
for g in (3, -1, "nope", 1.5, None):
    try:
        m.group(g)
    except IndexError as e:
        print("IndexError", g, e)
for f in (m.start, m.end, m.span):
    try:
        f(5)
    except IndexError as e:
        print("IndexError", e)
print(m.group(True), m[False])
try:
    re.Match()
except TypeError as e:
    print("TypeError", e)
try:
    re.Pattern()
except TypeError as e:
    print("TypeError", e)
