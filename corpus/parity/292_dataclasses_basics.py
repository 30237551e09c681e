# dataclasses: generated __init__/__repr__/__eq__, defaults and factories,
# field() options, fields(), asdict/astuple/replace, __post_init__ and
# InitVar, ClassVar, inheritance, KW_ONLY and kw_only, __doc__.
import dataclasses
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, InitVar, KW_ONLY, MISSING
from typing import ClassVar, List, Optional


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, repr(Point(5)), p == Point(1, 2), p != Point(2, 1), p == (1, 2), Point(y=3, x=4))
print(Point.__doc__, Point.__match_args__, Point.__hash__ is None, Point.y)
print([f.name for f in fields(Point)], [f.type for f in fields(p)], fields(Point)[1].default, fields(Point)[0].default is MISSING)
print(asdict(p), astuple(p), replace(p, y=9), p)
p.x = 10
print(p, is_dataclass(p), is_dataclass(Point), is_dataclass(3), is_dataclass(int))
print(Point.__dataclass_params__)
print(Point.__init__.__name__, Point.__repr__.__name__, Point.__eq__.__name__)


@dataclass
class Inventory:
    name: str
    tags: List[str] = field(default_factory=list)
    counts: dict = field(default_factory=dict, repr=False)
    secret: str = field(default="s3", repr=False, compare=False)
    unit_price: float = 1.5
    total: float = field(init=False)
    kind: ClassVar[str] = "stock"
    registry: ClassVar[list] = []

    def __post_init__(self):
        self.total = self.unit_price * len(self.name)
        Inventory.registry.append(self.name)


a = Inventory("apple")
b = Inventory("apple", ["fruit"], secret="other")
a.tags.append("red")
print(a, b, a.tags is b.tags, Inventory("pear").tags, a.total)
print(a == Inventory("apple", ["red"]), a == b, Inventory.kind, Inventory.registry)
print([f.name for f in fields(Inventory)], "kind" in Inventory.__dataclass_fields__)
print(Inventory.__dataclass_fields__["kind"]._field_type, Inventory.__dataclass_fields__["name"]._field_type)
print(asdict(b))
print(Inventory.__doc__)


@dataclass
class Connection:
    host: str
    password: InitVar[Optional[str]] = None
    secure: bool = field(init=False, default=False)

    def __post_init__(self, password):
        self.secure = password is not None


c = Connection("db", "hunter2")
print(c, Connection("web"), [f.name for f in fields(c)], Connection.__match_args__)
print(Connection.__dataclass_fields__["password"]._field_type, Connection.__dataclass_fields__["password"].type)
print(replace(c, password=None))


@dataclass
class Base:
    x: int = 1
    y: str = "b"

    def describe(self):
        return "Base(%s)" % self.x


@dataclass
class Derived(Base):
    z: float = 2.5
    x: int = 7


d = Derived()
print(d, Derived(1, "q", 0.5), [f.name for f in fields(d)], d.describe(), isinstance(d, Base))
print(Base(1) == Derived(1), Derived.__doc__)


@dataclass
class Options:
    path: str
    _: KW_ONLY
    verbose: bool = False
    level: int


o = Options("/tmp", level=3)
print(o, Options.__match_args__, Options.__doc__)
try:
    Options("/tmp", True, 3)
except TypeError as e:
    print("TypeError", e)


@dataclass(kw_only=True)
class Config:
    a: int
    b: int = 2
    c: int = field(kw_only=False, default=0)


print(Config(a=1), Config(5, a=1), Config.__match_args__)


@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)


root = Node(1, [Node(2), Node(3, [Node(4)])])
print(root)
print(asdict(root))
print(astuple(root))
print(asdict(root, dict_factory=lambda items: sorted(items)))
loop = Node(0)
loop.children.append(loop)
print(loop)


@dataclass(repr=False, eq=False)
class Plain:
    a: int


print(Plain(1) == Plain(1), "object at" in repr(Plain(1)), hash(Plain(1)) is not None)


@dataclass
class WithMeta:
    a: int = field(default=0, metadata={"unit": "m"})


print(fields(WithMeta)[0].metadata["unit"], len(fields(WithMeta)[0].metadata), dict(fields(Point)[0].metadata))


@dataclass
class Selfish:
    self: int
    other: int = 2


print(Selfish(1), Selfish(self=5))


@dataclass
class Empty:
    pass


print(Empty(), Empty() == Empty(), fields(Empty), asdict(Empty()), Empty.__doc__)


@dataclass
class Defaults:
    n: int = 3
    s: str = "x"
    t: tuple = (1, 2)
    f: frozenset = frozenset()


print(Defaults(), Defaults.n, Defaults.__doc__)
