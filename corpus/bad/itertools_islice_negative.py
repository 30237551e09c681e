# itertools.islice refuses a negative stop with CPython's message.
from itertools import islice, count

print(list(islice(count(), 3)))
print(list(islice('abcdef', 1, None, 2)))
islice(range(10), -1)
