# String building with join, accumulation, formatting reports.
parts = []
for i in range(10):
    parts.append(str(i * i))
print(",".join(parts))
s = ""
for ch in "abcdef":
    s += ch.upper() + "-"
print(s, s.rstrip("-"), len(s))
print("".join(chr(ord("a") + i) for i in range(26)))
print(" ".join(w.capitalize() for w in "hello there general kenobi".split()))
rows = [("Item", "Qty", "Price"), ("Widget", 3, 4.5), ("Gadget", 10, 12.25), ("Doohickey", 1, 100.0)]
widths = [max(len(str(r[i])) for r in rows) for i in range(3)]
lines = []
for r in rows:
    cells = [str(v).ljust(widths[i]) if i == 0 else str(v).rjust(widths[i]) for i, v in enumerate(r)]
    lines.append(" | ".join(cells))
sep = "-+-".join("-" * w for w in widths)
lines.insert(1, sep)
print("\n".join(lines))

def banner(text, ch="*", pad=2):
    width = len(text) + 2 * pad + 2
    top = ch * width
    mid = ch + " " * pad + text + " " * pad + ch
    return "\n".join([top, mid, top])

print(banner("ftl"))
print(banner("free threading", "=", 1))

def wrap(text, width):
    out, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = word if not line else line + " " + word
    if line:
        out.append(line)
    return out

para = ("The quick brown fox jumps over the lazy dog while the cat watches from a "
        "distance, unimpressed by the whole affair and thinking about dinner.")
for w in (20, 35):
    print("\n".join("|" + l.ljust(w) + "|" for l in wrap(para, w)))

def roman(n):
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = []
    for v, sym in vals:
        while n >= v:
            out.append(sym)
            n -= v
    return "".join(out)

print([roman(n) for n in (1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999)])

def rle(s):
    if not s:
        return ""
    out = []
    prev, count = s[0], 1
    for ch in s[1:]:
        if ch == prev:
            count += 1
        else:
            out.append("%d%s" % (count, prev))
            prev, count = ch, 1
    out.append("%d%s" % (count, prev))
    return "".join(out)

print(rle("aaabccddddde"), rle("abc"), rle(""), rle("zzzzzzzzzzzz"))
caesar = "".join(chr((ord(c) - 97 + 3) % 26 + 97) if c.islower() else c for c in "hello, world")
print(caesar)
hexdump = " ".join("%02x" % ord(c) for c in "ftl!")
print(hexdump)
print("-" * 40)
print("=".center(40, "="))
tree = []
for i in range(1, 6):
    tree.append(("*" * (2 * i - 1)).center(9))
print("\n".join(tree))
print("|".join(["a", "", "b", ""]), repr("".join([])), "x".join(["only"]))
