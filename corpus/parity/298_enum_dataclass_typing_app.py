# enum + dataclasses + typing together: a small order-processing program
# in the style real code uses them (annotated dataclasses holding enums,
# typed helpers, sorting, grouping, serialising with asdict).
from __future__ import annotations

import json
from dataclasses import dataclass, field, asdict, replace
from enum import Enum, IntEnum, Flag, auto
from typing import Dict, List, Optional, Iterable, Tuple, TypeVar, Generic, Callable, NamedTuple


class Status(Enum):
    NEW = "new"
    PAID = "paid"
    SHIPPED = "shipped"
    CANCELLED = "cancelled"

    @property
    def is_open(self) -> bool:
        return self in (Status.NEW, Status.PAID)


class Priority(IntEnum):
    LOW = 1
    NORMAL = 2
    URGENT = 3


class Feature(Flag):
    GIFT = auto()
    EXPRESS = auto()
    FRAGILE = auto()


class Money(NamedTuple):
    cents: int
    currency: str = "EUR"

    def __str__(self) -> str:
        return "%d.%02d %s" % (self.cents // 100, self.cents % 100, self.currency)


@dataclass(frozen=True, order=True)
class Item:
    sku: str
    price: int
    qty: int = 1

    @property
    def total(self) -> int:
        return self.price * self.qty


@dataclass
class Order:
    id: int
    customer: str
    items: List[Item] = field(default_factory=list)
    status: Status = Status.NEW
    priority: Priority = Priority.NORMAL
    features: Feature = Feature(0)
    note: Optional[str] = None

    def total(self) -> Money:
        return Money(sum(i.total for i in self.items))

    def advance(self) -> "Order":
        order = [Status.NEW, Status.PAID, Status.SHIPPED]
        if self.status in order[:-1]:
            return replace(self, status=order[order.index(self.status) + 1])
        return self


T = TypeVar("T")
K = TypeVar("K")


class Grouper(Generic[T, K]):
    def __init__(self, key: Callable[[T], K]) -> None:
        self.key = key
        self.groups: Dict[K, List[T]] = {}

    def add_all(self, things: Iterable[T]) -> "Grouper[T, K]":
        for t in things:
            self.groups.setdefault(self.key(t), []).append(t)
        return self


orders = [
    Order(1, "ann", [Item("pen", 150, 3), Item("ink", 420)], priority=Priority.LOW),
    Order(2, "bob", [Item("book", 1999)], status=Status.PAID, features=Feature.GIFT | Feature.FRAGILE),
    Order(3, "cy", [], status=Status.CANCELLED, note="duplicate"),
    Order(4, "ann", [Item("lamp", 3500), Item("bulb", 250, 4)], priority=Priority.URGENT, features=Feature.EXPRESS),
]

for o in orders:
    print(o.id, o.customer, o.status.name, o.priority, str(o.total()), o.features, o.status.is_open)

print("-- urgent first")
for o in sorted(orders, key=lambda o: (-o.priority, o.id)):
    print(o.id, repr(o.priority), [i.sku for i in sorted(o.items)])

print("-- grouped by status")
g = Grouper[Order, Status](lambda o: o.status).add_all(orders)
for status, group in g.groups.items():
    print(status.value, [o.id for o in group])

print("-- advance")
advanced = [o.advance() for o in orders]
print([(o.id, o.status.value) for o in advanced], orders[0].status)


def encode(obj):
    if isinstance(obj, Enum):
        return obj.name if isinstance(obj, Flag) else obj.value
    raise TypeError(repr(obj))


def serialise(o: Order) -> str:
    d = asdict(o)
    d["features"] = [f.name for f in Feature if f in o.features]
    return json.dumps(d, default=encode, sort_keys=True)


print(serialise(orders[1]))
print(serialise(orders[2]))
print(orders[3])
express: Tuple[int, ...] = tuple(o.id for o in orders if Feature.EXPRESS in o.features)
print(express, Order.__annotations__["items"], Item.__annotations__)
