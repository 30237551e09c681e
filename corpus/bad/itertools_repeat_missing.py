# itertools.repeat() without its object argument.
import itertools

print(list(itertools.repeat('x', 2)))
itertools.repeat(times=3)
