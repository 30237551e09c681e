# re: groups, named groups, backreferences, lookaround, conditionals,
# repeats (greedy, lazy, possessive, atomic) and alternation.
import re

def show(pattern, text, flags=0):
    m = re.search(pattern, text, flags)
    if m is None:
        print(repr(pattern), repr(text), None)
    else:
        print(repr(pattern), repr(text), m.span(), m.groups(), m.lastindex)

show(r"(?P<word>\w+)\s(?P=word)", "hello hello world")
show(r"(\w)\1", "abccd")
show(r"(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\10", "abcdefghijj")
show(r"(?P<q>['\"]).*?(?P=q)", "say 'hi' and \"bye\"")
show(r"(a|b)*c", "ababc")
show(r"(a|ab)(c|bcd)(d*)", "abcd")
show(r"foo(?=bar)", "foobaz foobar")
show(r"foo(?!bar)", "foobar foobaz")
show(r"(?<=\$)\d+", "cost: $42")
show(r"(?<!\$)\b\d+", "$42 and 17")
show(r"(?<=(a))b", "ab")
show(r"(a)?(?(1)b|c)", "ab")
show(r"(a)?(?(1)b|c)", "c")
show(r"(?P<open><)?\w+(?(open)>)", "<tag>")
show(r"(?P<open><)?\w+(?(open)>)", "plain")
show(r"a.*b", "a1b2b3")
show(r"a.*?b", "a1b2b3")
show(r"a{2,3}", "aaaa")
show(r"a{2,3}?", "aaaa")
show(r"a{,2}", "aaa")
show(r"a{2}", "aaa")
show(r"a{2,}", "aaaaa")
show(r"x{1,3}+x", "xxx")
show(r"x*+", "xxx")
show(r"(?>x+)x", "xxx")
show(r"(?>a|ab)c", "abc")
show(r"(?:ab)+", "ababab")
show(r"(ab)+", "ababab")
show(r"((a)|(b))+", "ab")
show(r"(a*)*", "b")
show(r"(a*)+", "b")
show(r"(a|)+", "aa")
show(r"(?:(a)|b)*", "ab")
show(r"(?P<a>x)(?P<b>y)?(?P<c>z)", "xz")
show(r"[a-c]+", "xxabcabx")
show(r"[^a-c]+", "abcxyzabc")
show(r"[\]\-^]+", "a]-^b")
show(r"[]a]+", "]a]b")
show(r"\bcat\b", "concat cat category")
show(r"\Bcat\B", "concat cat category")
show(r"\Aab", "ab")
show(r"ab\Z", "xab")
show(r"^$", "")
show(r"a|b|c", "zzc")
show(r"(?:a|b)+?c", "ababc")
show(r".", "\n")
show(r"\x41\u0042\U00000043\101\0", "ABCA\x00")
show(r"\t\n\r\f\v\a", "\t\n\r\f\v\a")
show(r"\d\D\s\S\w\W", "1a b_!")
show(r"(?#comment)x", "x")

# backreference errors and group numbering
for pat in (r"(a)\2", r"(?P=nope)", r"(?P<a>x)(?P<a>y)", r"\1(a)"):
    try:
        re.compile(pat)
    except re.error as e:
        print(repr(pat), "error:", e)

# nested groups and their spans
m = re.match(r"((\w+) (\w+)) ((\w+))", "ab cd ef")
print(m.groups(), m.regs, m.lastindex)
print([m.span(i) for i in range(m.re.groups + 1)])

# groupindex for many names
p = re.compile(r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)(?:T(?P<hour>\d\d))?")
m = p.match("2024-05-17")
print(p.groupindex, m.groupdict(), m.groupdict("00"), m["year"], m.lastgroup)
m = p.match("2024-05-17T09")
print(m.groupdict(), m.lastgroup, m.lastindex)
print(m.group("year", "month", "day", "hour"))
