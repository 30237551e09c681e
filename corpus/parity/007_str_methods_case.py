# str methods: case, padding, predicates, partition, expandtabs, encode, format.
words = ["hello", "HELLO", "Hello World", "hELLO wORLD", "it's a dog's life", "123abc", "", "mixed Case 9x"]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase())
print(repr("abc".center(9)), repr("abc".center(8, "*")), repr("abc".center(2)), repr("ab".center(7, "-")))
print(repr("abc".ljust(6)), repr("abc".ljust(6, ".")), repr("abc".rjust(6)), repr("abc".rjust(6, "0")), repr("abcdef".ljust(3)))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(5), "12345".zfill(3), "".zfill(2))
tests = ["123", "12.3", "abc", "ABC", "aBc", "abc123", "   ", " a ", "", "\t\n", "Abc Def", "x1", "007"]
for t in tests:
    print(repr(t), t.isdigit(), t.isalpha(), t.isalnum(), t.isspace(), t.isupper(), t.islower())
print("key=value=x".partition("="), "novalue".partition("="), "a=b".rpartition("="), "a=b=c".rpartition("="))
print("none".rpartition("="), "=start".partition("="), "end=".partition("="))
print(repr("a\tb\tc".expandtabs()), repr("a\tbb\tccc".expandtabs(4)), repr("\t".expandtabs(2)), repr("ab\n\tc".expandtabs(3)))
print("hello".encode(), "héllo".encode(), "abc".encode("utf-8"), "€".encode(), len("€".encode()))
print("{} and {}".format("x", "y"), "{0}{1}{0}".format("ab", "cd"), "{name}!".format(name="hi"))
print("ABC".lower().upper().swapcase(), "x".join("ABC".lower()))

def title_case(s):
    small = {"a", "an", "the", "of", "and"}
    out = []
    for i, w in enumerate(s.lower().split()):
        out.append(w if i > 0 and w in small else w.capitalize())
    return " ".join(out)

print(title_case("the lord OF the rings and a hobbit"))

def table(rows):
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        cells = []
        for i, c in enumerate(r):
            s = str(c)
            cells.append(s.rjust(widths[i]) if isinstance(c, int) else s.ljust(widths[i]))
        print("|" + "|".join(cells) + "|")

table([("name", "qty", "price"), ("apple", 3, 120), ("kiwi", 12, 5), ("watermelon", 1, 900)])
print("is checks on digits", "0".isdigit(), "-1".isdigit(), "1_000".isdigit())
print("mixed upper", "ABC1".isupper(), "abc1".islower(), "1".isupper(), "A b".isupper())
print("title odd", "hello-world foo_bar 3rd".title(), "o'neil".title())
print("capitalize odd", "hELLO".capitalize(), "1abc".capitalize(), " abc".capitalize())
