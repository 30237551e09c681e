# functools.reduce over an empty iterable without an initial value.
from functools import reduce
import operator

print(reduce(operator.add, [1, 2, 3]))
print(reduce(operator.add, [], 0))
reduce(operator.add, (x for x in range(3) if x > 5))
