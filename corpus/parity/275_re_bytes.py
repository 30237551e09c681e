# re on bytes: bytes patterns, bytes and bytearray subjects, ASCII rules,
# LOCALE, escape, and the TypeErrors between str and bytes.
import re

p = re.compile(rb"(?P<key>\w+)=(?P<val>[^;]*);?")
print(p, p.pattern, p.flags, p.groups, p.groupindex)
m = p.search(b"  name=ftl; kind=python")
print(m, m.group(), m.groups(), m.groupdict(), m.span("val"), m["key"])
print(p.findall(b"a=1;b=2;c="), [m.groupdict() for m in p.finditer(b"x=9;y=8")])
print(re.sub(rb"\d", b"#", b"a1b22"), re.subn(rb"(\d)", rb"<\1>", b"a1b2"))
print(re.sub(rb"\d", lambda m: m.group() * 2, b"a1b2"), re.split(rb"[,;]", b"a,b;c"))
print(re.split(rb"([,;])", b"a,b;c", 1), re.fullmatch(rb"[\x00-\xff]*", bytes(range(256))).span())

# bytearray subjects give bytes pieces
ba = bytearray(b"key=value")
m = re.match(rb"(\w+)=(\w+)", ba)
print(m, m.group(1), m.groups(), type(m.string).__name__, m.string)
print(re.findall(rb"\w", ba), re.sub(rb"=", b":", ba), re.split(rb"=", ba))
print(re.sub(rb"=", lambda m: bytearray(b"->"), ba), re.subn(b"x", b"y", ba))
print(re.search(b"a", bytearray()), re.escape(bytearray(b"a.b")))

# ASCII-only classes and case folding for bytes
print(re.findall(rb"\w+", "café".encode()), re.findall(rb"\d", b"1\xb2"), re.findall(rb"\s", b" \xa0\t"))
print(re.findall(rb"(?i)k", b"kK"), re.match(rb"(?i)\xe9", b"\xc9"), re.match(rb"(?i)[a-z]+", b"ABC\xc9"))
print(re.findall(rb"\bx\b", b"x \xe9x x"), re.compile(rb"a", re.L | re.I).findall(b"Aa"))
print(re.compile(b"(?L)\\w+").findall(b"abc def"), re.compile(b"(?a)x").flags)
print(re.match(rb"\x80+", b"\x80\x80").span(), re.match(rb"[\x80-\xff]+", b"\xfe\xff\x00").span())
print(re.escape(b"a+b\xff\x00 c"), re.escape(b""), re.match(re.escape(b"1+1=2"), b"1+1=2"))
m = re.match(rb"(a)(b)?", b"a")
print(m.expand(rb"[\1][\2]"), repr(m), m.regs, m.lastindex)

# str and bytes do not mix
cases = [
    lambda: re.search("a", b"a"),
    lambda: re.search(b"a", "a"),
    lambda: re.compile(b"a").match("a"),
    lambda: re.compile("a").findall(bytearray(b"a")),
    lambda: re.split(b",", "a,b"),
    lambda: re.sub("a", "b", b"a"),
    lambda: re.sub(b"a", b"b", "a"),
    lambda: re.search("a", 5),
    lambda: re.search(b"a", None),
    lambda: re.finditer("a", [1]),
    lambda: re.compile(5),
    lambda: re.compile(["a"]),
    lambda: re.compile(bytearray(b"a")),
    lambda: re.escape(5),
    lambda: re.compile(b"a", re.U),
    lambda: re.compile(b"(?u)a"),
]
for f in cases:
    try:
        print(f())
    except (TypeError, ValueError, re.error) as e:
        print(type(e).__name__, e)
