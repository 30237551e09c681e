# String indexing, slicing with steps, membership, repetition, comparison.
s = "abcdefghij"
print(s[0], s[-1], s[3], s[-4], len(s))
print(s[2:5], s[:3], s[7:], s[-3:], s[:-3], s[:], s[5:2], s[-100:100])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-2], s[-1:-5:-1], s[2:8:3], s[::3])
print(repr(s[10:]), repr(s[3:3]), s[-2::-3], s[:2:-1], s[5::-1])
for step in (1, 2, 3, -1, -3):
    print("step", step, s[::step], s[1:9:step], s[9:1:step])
try:
    s[10]
except IndexError as e:
    print("IndexError:", e)
try:
    s[-11]
except IndexError as e:
    print("IndexError:", e)
print("cde" in s, "ce" in s, "" in s, "a" not in s, "J" in s)
print("ab" * 3, 3 * "xy", "z" * 0, "q" * -2, repr("" * 5))
print("abc" < "abd", "abc" < "ab", "B" < "a", "apple" > "apricot", "a" == "a", "a" != "A")
print("abc" <= "abc", "abc" >= "abd", "" < "a", "Z" < "a", "10" < "9")
print(min("hello"), max("hello"), sorted("hello"), sorted("banana", reverse=True))
print(list("abc"), tuple("hi"), "".join(reversed("stressed")))
for i, ch in enumerate("xyz"):
    print(i, ch, ord(ch), chr(ord(ch) + 1))
word = "racecar"
print(word == word[::-1], "python" == "python"[::-1])

def is_pal(t):
    t = "".join(c.lower() for c in t if c.isalnum())
    return t == t[::-1]

print(is_pal("A man, a plan, a canal: Panama"), is_pal("Not one"))
print("concat " + "strings" + "!" * 2)
parts = []
for i in range(0, len(s), 3):
    parts.append(s[i:i + 3])
print(parts)
print("escapes", "tab\there", "quote\"s", 'single\'s', "back\\slash", len("\n"), "\x41\u00e9\101")
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("nl\nx\ty\\z"), repr("\x00\x7f"))
print(repr("é"), ascii("é"), ascii("snow☃man"), ascii("plain"), repr("\u20ac"))
raw = r"C:\new\table"
print(raw, len(raw), repr(raw))
multi = """first
  second
third"""
print(multi.splitlines(), len(multi))
print("implicit" " concat" ' works')
u = "naïve café"
print(len(u), u[2], u[-1], u.upper(), u[::-1])
print(str(123) + str(4.5) + str(True) + str(None) + str([1, "a"]))
print(repr(str("x")), str(b"bytes"), repr(repr("q")))
