# Popping from an empty deque: CPython's IndexError.
from collections import deque

d = deque([1], maxlen=2)
d.popleft()
d.pop()
