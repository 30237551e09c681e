# textwrap.wrap with a width of 0.
import textwrap
print(textwrap.wrap("some text", 4))
textwrap.wrap("some text", width=0)
