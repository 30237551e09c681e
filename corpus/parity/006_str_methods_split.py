# str methods: join split rsplit splitlines strip replace find index count startswith endswith.
s = "  the quick  brown fox  "
print(repr(s.split()), repr(s.split(" ")), repr(s.split(None, 1)))
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1), "a b c".rsplit())
print("".split(), "".split(","), "abc".split("abc"), "x--y--z".split("--"))
print("1 2 3 4".rsplit(" ", 2), "  a  b  ".rsplit(None, 1))
text = "line one\nline two\r\nline three\n\nlast"
print(text.splitlines(), "no newline".splitlines(), "".splitlines(), "a\n".splitlines())
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr("xxhixx".strip("x")), repr("abcHIcba".strip("abc")), repr("..a..".lstrip(".")), repr("..a..".rstrip(".")))
print(repr("\t\n hi \r\n".strip()))
print("-".join(["a", "b", "c"]), "".join(["x", "y"]), ", ".join([]), "/".join("abc"))
print(" ".join(str(i) for i in range(5)), "+".join(map(str, [1, 2, 3])))
print("banana".replace("a", "o"), "banana".replace("an", "AN", 1), "aaa".replace("a", ""), "abc".replace("", "-"))
print("hello".replace("z", "q"), "a.b.c".replace(".", "::"))
h = "hello world, hello python"
print(h.find("hello"), h.find("hello", 1), h.find("zzz"), h.rfind("hello"), h.rfind("o"), h.rfind("zzz"))
print(h.find("o", 5, 10), h.find(""), h.rfind(""), h.find("world", -20))
print(h.index("world"), h.index("o"), h.index("o", 5))
try:
    h.index("missing")
except ValueError as e:
    print("ValueError", e)
print(h.count("hello"), h.count("l"), h.count("z"), "aaaa".count("aa"), "abc".count(""))
print(h.count("l", 0, 10))
print(h.startswith("hello"), h.startswith("world"), h.startswith("world", 6), h.startswith(("x", "he")))
print(h.endswith("python"), h.endswith("hello"), h.endswith(("on", "zz")), h.endswith("hello", 0, 5))
print("".startswith(""), "abc".endswith(""), "abc".startswith(()))

def words_of(line):
    return [w.strip(".,!?").lower() for w in line.split() if w.strip(".,!?")]

print(words_of("Hello, World! This is... a Test?  !!"))
csv = "name,age,city\nann,31,oslo\nbob,27,lima\n"
rows = [r.split(",") for r in csv.splitlines()]
header, body = rows[0], rows[1:]
for r in body:
    print(dict(zip(header, r)))
path = "/usr/local/lib/python3/site.py"
print(path.rsplit("/", 1), path.split("/")[-1].rsplit(".", 1)[0])
print("key = value = more".split("=", 1)[1].strip())
