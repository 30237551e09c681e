# Deleting a key that only a parent mapping of a ChainMap has.
from collections import ChainMap

cm = ChainMap({"a": 1}, {"x": 2})
del cm["x"]
