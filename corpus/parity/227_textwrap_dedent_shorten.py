# textwrap: dedent, indent, shorten.
import textwrap

def show(s):
    print(repr(s))

show(textwrap.dedent("""\
    def f():
        return 1

    print(f())
"""))
show(textwrap.dedent("  a\n    b\n  c"))
show(textwrap.dedent("  a\n\tb"))
show(textwrap.dedent("\ta\n\t\tb\n\tc"))
show(textwrap.dedent("  \t a\n  \t  b"))
show(textwrap.dedent("   \n  x\n      \n  y\n"))
show(textwrap.dedent("no indent\n  some"))
show(textwrap.dedent(""))
show(textwrap.dedent("    "))
show(textwrap.dedent("  a\r\n  b\r\n"))
show(textwrap.dedent("  a\n  \n b"))
show(textwrap.dedent("\n\n    x\n\n    y\n"))
show(textwrap.dedent("  one\x0c\n  two"))

show(textwrap.indent("line1\nline2\n\nline4\n", "> "))
show(textwrap.indent("a\n  \nb", "+ "))
show(textwrap.indent("a\n  \nb", "+ ", lambda line: True))
show(textwrap.indent("a\nbb\nccc", "#", lambda line: len(line) > 2))
show(textwrap.indent("a\r\nb\rc\x0bd", "| "))
show(textwrap.indent("", "x"))

for width in (5, 8, 11, 12, 20, 100):
    print(width, repr(textwrap.shorten("Hello  world!  How are\tyou?", width)))
print(repr(textwrap.shorten("Hello world!", width=12)))
print(repr(textwrap.shorten("Hello world!", width=11)))
print(repr(textwrap.shorten("Hello world!", width=10, placeholder="...")))
print(repr(textwrap.shorten("   spaced    out    text   ", 15)))
print(repr(textwrap.shorten("Supercalifragilistic", 10)))
print(repr(textwrap.shorten("a b c d e f g h", 9, placeholder=" +")))
print(repr(textwrap.shorten("The quick brown fox", 15, break_long_words=False)))
try:
    textwrap.shorten("Hello world", 5, placeholder=" [...more...]")
except ValueError as e:
    print("ValueError:", e)
