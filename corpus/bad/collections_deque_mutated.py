# Appending to a deque while iterating over it.
from collections import deque

d = deque([1, 2, 3])
for x in d:
    if x == 2:
        d.append(4)
