# A replacement that names a group the pattern lacks.
import re
print(re.sub(r"(a)", r"[\1]", "banana"))
re.sub(r"(a)", r"[\2]", "banana")
