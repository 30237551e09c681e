# A defaultdict factory that is neither callable nor None.
from collections import defaultdict

counts = defaultdict(0)
