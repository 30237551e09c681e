# textwrap: wrap / fill / TextWrapper with every option.
import textwrap

text = ("The textwrap module provides some convenience functions, as well as "
        "TextWrapper, the class that does all the work. If you're just wrapping "
        "or filling one or two text strings, the convenience functions should be "
        "good enough; otherwise, you should use an instance of TextWrapper for "
        "efficiency.")

for width in (10, 25, 40, 70):
    print(width, textwrap.wrap(text, width))
print(textwrap.fill(text, 50))
print(textwrap.fill(text, 30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.fill(text, width=40, max_lines=3))
print(textwrap.fill(text, width=40, max_lines=2, placeholder=" ..."))
print(textwrap.wrap(text, width=30, max_lines=1))
print(textwrap.wrap("Hello there, how are you this fine day?  I'm glad to hear it!", 12,
                    fix_sentence_endings=True))
print(textwrap.wrap("Mr. Smith went to Washington. He said \"hi.\" Then left!  Done? yes.", 15,
                    fix_sentence_endings=True))

hyph = "this-is-a-very-long-hyphenated-word and some well-known compound-words, re-entered --dashes-- here -- and a--b e-mail x-ray"
for width in (8, 12, 20):
    print(width, textwrap.wrap(hyph, width))
    print(width, textwrap.wrap(hyph, width, break_on_hyphens=False))
long_word = "Supercalifragilisticexpialidocious" * 2
print(textwrap.wrap("a " + long_word + " b", 15))
print(textwrap.wrap("a " + long_word + " b", 15, break_long_words=False))
print(textwrap.wrap("short " + long_word, 10, break_long_words=False, break_on_hyphens=False))
print(textwrap.wrap("---------- ---- a-b-c-d-e-f", 4))

tabs = "col1\tcol2\tcol3\n\tindented\tline\n"
print(textwrap.wrap(tabs, 30))
print(textwrap.wrap(tabs, 30, tabsize=4))
print(textwrap.wrap(tabs, 30, expand_tabs=False))
print(textwrap.wrap(tabs, 30, replace_whitespace=False))
print(textwrap.wrap(tabs, 30, expand_tabs=False, replace_whitespace=False))
print(textwrap.wrap("   leading and trailing   ", 10))
print(textwrap.wrap("   leading and trailing   ", 10, drop_whitespace=False))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10), textwrap.wrap("   ", 10, drop_whitespace=False))
print(textwrap.wrap("one\n\ntwo\n\n\nthree", 8))
print(textwrap.wrap("x" * 25, 10), textwrap.wrap("x" * 25, 10, initial_indent="> ", subsequent_indent=">> "))

w = textwrap.TextWrapper(width=20, initial_indent="- ", subsequent_indent="  ")
print(w.wrap(text[:80]))
w.width = 35
print(w.fill(text[:80]))
print(w.width, repr(w.initial_indent), w.expand_tabs, w.tabsize, w.replace_whitespace,
      w.fix_sentence_endings, w.break_long_words, w.drop_whitespace, w.break_on_hyphens,
      w.max_lines, repr(w.placeholder))

for kwargs in [dict(width=0), dict(width=-3), dict(width=5, max_lines=1, placeholder=" [truncated]"),
               dict(width=6, max_lines=2, subsequent_indent="    ", placeholder="...")]:
    try:
        print(textwrap.wrap(text, **kwargs))
    except ValueError as e:
        print("ValueError:", e)
print(textwrap.wrap("caf\u00e9-na\u00efve \u00fcber-stra\u00dfe r\u00e9sum\u00e9", 8))
print(textwrap.wrap("Hello,world!how.are_you?-fine", 6))
