# Generic[...] only takes type variables.
from typing import Generic


class Box(Generic[int]):
    pass
