# A Protocol class cannot be instantiated.
from typing import Protocol


class Closer(Protocol):
    def close(self) -> None:
        ...


Closer()
