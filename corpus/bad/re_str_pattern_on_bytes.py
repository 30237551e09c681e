# A str pattern searched in bytes.
import re
print(re.search(rb"b+", b"abbc"))
re.search(r"b+", b"abbc")
