"""PEP 563: `from __future__ import annotations` keeps annotations as text,
so names defined later (or never) may be used, and dataclasses still see
ClassVar fields."""
from __future__ import annotations

import dataclasses
import typing
from typing import ClassVar, Optional


@dataclasses.dataclass
class Node:
    value: int
    next: Optional[Node] = None
    count: ClassVar[int] = 0
    tags: list[str] = dataclasses.field(default_factory=list)


def link(a: Node, b: Undefined) -> Node:
    a.next = b
    return a


print(Node.__annotations__)
print(link.__annotations__)
print([f.name for f in dataclasses.fields(Node)])
n = link(Node(1), Node(2, tags=["x"]))
print(n)
print(typing.get_type_hints(Node)["value"], typing.get_type_hints(Node)["next"])
text: "quoted" = 1
print(__annotations__)
