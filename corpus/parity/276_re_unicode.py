# re on non-ASCII text: code-point positions, Unicode classes and case
# folding, group texts, sub/split/finditer over wide subjects.
import re

s = "naïve café — 東京 2024 ½ Ωμέγα"
m = re.search(r"(\w+) (\w+)", s)
print(m, m.span(), m.groups(), m.span(2))
print(re.findall(r"\w+", s))
print([m.span() for m in re.finditer(r"\w+", s)])
print(re.sub(r"\w+", lambda m: m.group().upper(), s))
print(re.sub(r"(\w)(\w*)", r"\2\1", s))
print(re.split(r"\s+", s), re.split(r"(\s)", "α β"))
print(re.search("東京", s).span(), s[re.search("東京", s).start():])
m = re.match(r"(?P<a>.)(?P<b>.)?", "é")
print(m.groupdict(), m.regs, m.lastgroup)
print(re.fullmatch(r".{4}", "𝔘𝔫𝔦𝔠"), len("𝔘𝔫𝔦𝔠"), re.search("𝔦", "𝔘𝔫𝔦𝔠").span())
print(re.findall(r"[α-ω]+", "αβγ ΑΒΓ δε"), re.findall(r"(?i)[α-ω]+", "αβγ ΑΒΓ δε"))
print(re.findall(r"(?i)σ", "Σσς"), re.findall(r"(?i)ς", "Σσς"), re.findall(r"(?i)[σ]", "Σσς"))
print(re.findall(r"(?i)ß", "ßẞ"), re.findall(r"(?i)i", "Iİıi"), re.findall(r"(?i)\u0130", "Iİıi"))
print(re.findall(r"(?i)ǆ", "ǄǅǆDž"), re.findall(r"(?i)θ", "Θθϑ"), re.findall(r"(?i)[ϑ]", "Θθϑ"))
print(re.findall(r"\d+", "٠١٢ ३४ 12 ①"), re.findall(r"\s+", "a\u3000b\u2028c\x1cd"))
print(re.findall(r"\W+", "a.é,ü!"), re.findall(r"[^\W\d_]+", "ab_12cd"))
print(re.sub(r"(?<=\w)(?=\w)", "·", "añö"), re.sub("", "|", "日本"))
print(re.escape("日本.語"), re.escape("a\u00a0b"), re.escape("a\tb"))
print(re.match(r"\N{GREEK SMALL LETTER ALPHA}+", "ααβ"), re.match(r"[\N{DIGIT ONE}-\N{DIGIT THREE}]+", "1234"))
print(re.match(r"\N{greek small letter beta}", "β"))
print(re.match(r"\u00e9\U0001F600\x41", "é😀A"), re.findall(r"[\u0400-\u04ff]+", "abc Привет мир"))
m = re.search(r"(мир)", "Привет мир")
print(m.start(1), m.end(1), m.span(), m.group(1), m[0], m.expand(r"<\1>"))
print(repr(re.match(r".*", "é" * 60)))
text = "é" + "ab" * 2000
print(len(re.findall("ab", text)), len(list(re.finditer("b", text))), re.sub("a", "", text)[:5])
print(re.subn(r"(?i)É", "E", "ÉéEe"), re.sub(r"(\w)", r"\1\1", "ñ日"))
for m in re.finditer(r"(?P<w>\w)(?P<d>\d)?", "é1日ß2"):
    print(m.group(), m.groups(), m.start(), m.lastgroup)
