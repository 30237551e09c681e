# re: escape, a tokenizer, str subclasses, long subjects and deep
# patterns, template(), and assorted corners.
import re

for s in ("plain", "a.b*c", "(x)[y]{z}", "^$|?+\\", "- & ~ #", " \t\n\r\v\f", "é_1!@%'\"", ""):
    e = re.escape(s)
    print(repr(e), bool(re.fullmatch(e, s)))
print(re.escape(b"\x00-\xff"), repr(re.escape("\x00")))

# a small tokenizer with named alternatives and lastgroup
spec = [("NUMBER", r"\d+(?:\.\d*)?"), ("ASSIGN", r":="), ("ID", r"[A-Za-z_]\w*"),
        ("OP", r"[+\-*/()]"), ("SKIP", r"[ \t]+"), ("BAD", r".")]
tok = re.compile("|".join("(?P<%s>%s)" % pair for pair in spec))
out = []
for m in tok.finditer("x := 3.5 * (y1 + 42) ?"):
    kind = m.lastgroup
    if kind != "SKIP":
        out.append((kind, m.group(), m.start()))
print(out)

# str subclasses as pattern and subject
class S(str):
    pass
p = re.compile(S(r"(\w+)"))
m = p.search(S("  hey you"))
print(type(p.pattern).__name__, p, m, type(m.string).__name__, type(m.group(1)).__name__)
print(re.sub(S("y"), S("Y"), S("yay")), type(re.sub("y", "Y", S("yay"))).__name__, re.findall("a", S("banana")))

# long subjects and deep patterns stay iterative
big = "ab" * 100000
print(len(re.findall("ab", big)), re.search("(ab)*$", big).span(), re.fullmatch("(?:ab)*", big).end())
print(re.match("(a|b)*", big).span(1), len(re.sub("b", "", big)), len(re.split("a", big)))
deep = "(" * 200 + "x" + ")" * 200
print(re.fullmatch(deep, "x").lastindex, re.compile(deep).groups)
print(re.match("a*a*a*a*a*b", "a" * 25), re.search(r"(x+x+)+y", "x" * 18))
print(re.search(r"\d{3}-\d{4}", "call 555-1234 now").group(), re.match(".*?x", "a" * 5000 + "x").end())

# template() and TEMPLATE, DEBUG-less flags, module attributes
t = re.template("abc")
print(t, t.flags, t.match("abc"))
try:
    re.template("a*")
except re.error as e:
    print("error", e)
print(sorted(n for n in ("compile", "search", "sub", "escape", "purge", "error", "Pattern", "Match", "RegexFlag") if hasattr(re, n)))
print(isinstance(re.compile("x"), re.Pattern), isinstance(re.match("x", "x"), re.Match), re.Pattern.__name__, re.Match.__name__)

# conditionals on truth of matches, walrus
lines = ["key = value", "# comment", "bad line", "n=1"]
for line in lines:
    if (m := re.match(r"\s*(\w+)\s*=\s*(.*)", line)):
        print("set", m.groups())
    elif re.match("#", line):
        print("comment")
    else:
        print("skip", repr(line))

# possessive repeats and atomic groups with captures
print(re.match(r"(?:(a)|b)*+c", "abac").groups(), re.match(r"(?>(a+))b", "aab").groups())
print(re.findall(r"\w++\d", "abc1 de2"), re.findall(r"(?>\w+)\d", "abc1"))
try:
    print(re.match(r"(?:x(a)|x(b))*+", "xaxb"))
except SystemError as e:
    print("SystemError", e)
