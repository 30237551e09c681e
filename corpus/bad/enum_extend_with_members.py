# Subclassing an enumeration that already has members.
from enum import Enum


class Color(Enum):
    RED = 1


class More(Color):
    PINK = 2
