# A dataclass field whose default is a (mutable) list.
from dataclasses import dataclass


@dataclass
class Bag:
    items: list = []
