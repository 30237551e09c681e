# Looking up an Enum member by a value no member has.
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2


print(Color(2))
Color(3)
