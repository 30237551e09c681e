# An unterminated group: re.error with CPython's message and position.
import re
print(re.findall(r"\d+", "a1b22"))
re.compile(r"(\d+")
