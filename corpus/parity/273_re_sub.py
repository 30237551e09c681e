# re.sub / re.subn: templates, functions, counts, empty matches, expand.
import re

print(re.sub(r"(\d)", r"\g<1>0", "1 2"), re.sub(r"(\d)(\d)?", r"\2\1", "12 3"))
print(re.sub(r"(?P<first>\w+) (?P<second>\w+)", r"\g<second> \g<first>", "ab cd"))
print(re.sub(r"(\w+)", r"<\g<0>>", "a bc"), re.sub(r"(\w+)", r"<\g<1>>", "a bc"))
print(re.sub(r"(\d)", r"\g<1>0", "1 2"), re.sub(r"(\d)", r"\10", "1 2") if False else "")
print(re.sub("a", r"\n\t\\", "xax"), repr(re.sub("a", r"\n", "a")), repr(re.sub("a", "\n", "a")))
print(re.sub("a", r"\&\-\ ", "a"), re.sub("a", r"[\0]", "a"), repr(re.sub("a", r"\01", "a")))
print(repr(re.sub("a", r"\101", "a")), repr(re.sub("(a)", r"\1\061", "a")))
print(re.sub(r"(a)|b", r"[\1]", "abc"), re.sub(r"(a)|(b)", r"[\1|\2]", "ab"))
print(re.subn(r"o", "0", "foo boo"), re.subn(r"o", "0", "foo boo", 2), re.subn("o", "0", "foo", count=1))
print(re.sub("o", "0", "foo boo", -1), re.subn("o", "0", "foo boo", -3), re.subn("x", "y", "abc"))
print(re.sub("", "-", "abc"), re.subn("x*", "-", "abxd"), re.sub("x*", "-", ""))
print(re.sub(r"\b", "|", "hi there"), re.sub("$", "!", "a\nb\n"), re.sub("(?m)$", "!", "a\nb\n"))
print(re.sub("(?m)^", "> ", "line1\nline2\n"))
print(re.sub("a|(b)", lambda m: "<%s>" % m.group(1), "ab"))

# functions
def upper(m):
    return m.group(0).upper()
print(re.sub(r"\b\w", upper, "the quick brown fox"))
print(re.subn(r"\d+", lambda m: str(int(m.group()) * 2), "1 22 333"))
print(re.sub(r"\d+", lambda m: str(m.start()) + ":" + str(m.span()), "ab12cd3"))
print(re.sub("x*", lambda m: "[" + m.group() + "]", "axxb"))
print(re.sub("a", lambda m: "", "banana"), re.sub("a", lambda m: None, "banana"))
calls = []
def record(m):
    calls.append((m.group(), m.pos, m.endpos, m.string, m.re.pattern, m.lastindex))
    return "_"
print(re.sub(r"(n)", record, "banana", 1), calls)
seen = []
print(re.sub("a", lambda m: seen.append(m.span()) or "A", "aaa", count=2), seen)

# templates on the compiled pattern, with counts
p = re.compile(r"(?P<k>\w+)=(?P<v>\w+)")
print(p.sub(r"\g<v>=\g<k>", "a=1, b=2, c=3"))
print(p.sub(r"\g<v>=\g<k>", "a=1, b=2, c=3", 2))
print(p.subn(r"\2", "a=1 b=2", count=1))
print(p.sub(lambda m: m["k"].upper(), "a=1 b=2"))

# expand
m = re.match(r"(?P<a>\w)(\w)?(x)?", "ab")
print(m.expand(r"\2\1 \g<a> [\3] \g<2>"), repr(m.expand(r"\n")), m.expand("plain"))
m = re.search(b"(a)(b)", b"zab")
print(m.expand(rb"\2\1\g<1>"))

# template errors
for repl in (r"\3", r"\g<3>", r"\g<x>", r"\g<", r"\g<1", r"\g<>", r"\g<a-b>", r"\q", "\\",
             r"\g<-1>", r"\400", r"\g<1a>", r"\8"):
    try:
        print(repr(re.sub(r"(a)(b)", repl, "ab")))
    except (re.error, IndexError) as e:
        print(type(e).__name__, repr(repl), e)
try:
    re.sub("a", r"\3", "b")
except re.error as e:
    print("error even without a match:", e, e.pos, repr(e.pattern))
try:
    m.expand(r"\9")
except re.error as e:
    print("expand:", e)

# bad replacement types
for args in (("a", 5, "a"), ("a", None, "a"), ("a", b"x", "bab"), ("a", b"x", "b"),
             (b"a", "x", b"bab"), ("a", lambda m: 5, "xa"), ("a", lambda m: b"x", "a"),
             ("a", "x", "a", 1.5)):
    try:
        print(repr(re.sub(*args)))
    except TypeError as e:
        print("TypeError", e)
