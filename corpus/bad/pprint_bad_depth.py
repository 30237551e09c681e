# pprint.pformat with depth=0.
import pprint
print(pprint.pformat([1, [2]], depth=1))
pprint.pformat([1, [2]], depth=0)
