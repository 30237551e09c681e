# re.split / findall / finditer: groups, maxsplit, empty matches, pos/endpos.
import re

print(re.split(r",\s*", "a, b,c ,  d"))
print(re.split(r"(,)\s*", "a, b,c"))
print(re.split(r"(,)|(;)", "a,b;c"))
print(re.split(r"\W+", "Words, words, words."), re.split(r"(\W+)", "Words, words, words."))
print(re.split(r"\W+", "Words, words, words.", 1), re.split(r"\W+", "Words, words, words.", maxsplit=2))
print(re.split(r"\W+", "a b c", -1), re.split(r"\W+", "a b c", 0))
print(re.split("x*", "axbc"), re.split("", "abc"), re.split(r"\b", "a b"))
print(re.split("(x*)", "axbc"), re.split("^", "a\nb", flags=re.M), re.split("$", "a\nb", flags=re.M))
print(re.split("a", ""), re.split("", ""), re.split("x", "x"), re.split("(x)", "x"))
print(re.split(r"[\s,]+", "  lead and trail  "), re.compile("-").split("a-b-c", 1))

print(re.findall(r"\d+", "a1b22c333"))
print(re.findall(r"(\w)=(\d)", "a=1 b=2 c"))
print(re.findall(r"(\w)=\d", "a=1 b=2"))
print(re.findall(r"(a)|(b)", "ab"), re.findall(r"(a)?b", "b ab"))
print(re.findall("", "abc"), re.findall("x*", "axxb"), re.findall(r"\b", "ab cd"))
print(re.findall("a|", "aba"), re.findall("(?:)", "ab"))
print(re.findall(r"(?=(\w\w))", "abcd"))
p = re.compile(r"\w")
print(p.findall("abcdef", 2), p.findall("abcdef", 2, 4), p.findall("abcdef", endpos=3), p.findall("abcdef", 5, 2))
print(p.findall("abcdef", -3, 100), re.compile(r"^\w").findall("abc", 1), re.compile(r"\w$").findall("abc", 0, 2))

for m in re.finditer(r"(\w)(\d)?", "a1 b c3"):
    print(m.span(), m.groups(), m.lastindex, m.pos, m.endpos)
print([m.span() for m in re.finditer("", "abc")])
print([m.group() for m in re.finditer("x*", "xaxxbx")])
print([(m.start(), m.group()) for m in re.finditer(r"\b", "hi yo")])
p = re.compile(r"\d")
print([(m.group(), m.pos, m.endpos) for m in p.finditer("0123456789", 3, 7)])
it = p.finditer("1a2b3")
print(next(it).group(), next(it).group(), next(it).group())
try:
    next(it)
except StopIteration:
    print("StopIteration")
# many matches (past the first batch)
text = "x" * 1000
print(len(list(re.finditer("x", text))), len(re.findall("x", text)), len(list(re.finditer("", "ab" * 300))))
print(sum(1 for m in re.finditer(r"\d+", " ".join(str(i) for i in range(5000)))))
ms = list(re.finditer(r"(?P<n>\d)", "a1b2"))
print([m.groupdict() for m in ms], [m.re.pattern for m in ms])

# scanner
sc = re.compile(r"\d|x*").scanner("12ab")
print(sc.pattern, [sc.search() for _ in range(3)])
sc = re.compile(r"a").scanner("aab")
print(sc.match(), sc.match(), sc.match(), sc.match())
