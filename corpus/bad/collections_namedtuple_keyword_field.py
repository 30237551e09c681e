# A namedtuple field named by a keyword (without rename=True).
from collections import namedtuple

Row = namedtuple("Row", "id class value")
