# A dataclass field without a default after one with a default.
from dataclasses import dataclass


@dataclass
class Pair:
    a: int = 0
    b: int
