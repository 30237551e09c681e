# typing: Generic classes (Generic[T] bases, __parameters__, subscription,
# __orig_class__), Protocol and runtime_checkable, NewType, overload,
# final, get_type_hints, no_type_check, ParamSpec/Concatenate basics.
import typing
from typing import (Generic, TypeVar, Protocol, runtime_checkable, NewType, overload, get_overloads,
                    final, get_type_hints, no_type_check, List, Dict, Optional, Union, Callable, ParamSpec,
                    Concatenate, Annotated, ClassVar, Iterator, get_origin, get_args, SupportsInt, SupportsAbs,
                    Any, Sequence)

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item

    def __repr__(self):
        return "Box(%r)" % (self.item,)


class Pair(Generic[K, V]):
    def __init__(self, key: K, value: V):
        self.key, self.value = key, value


class NamedBox(Box[str]):
    pass


class Registry(Dict[str, T]):
    pass


print(Box.__parameters__, Pair.__parameters__, NamedBox.__parameters__, Registry.__parameters__)
print(Box[int], Pair[str, int], Pair[str, List[int]], Box[Box[int]], Pair[K, int], Pair[K, int][str])
print(Box.__mro__, NamedBox.__mro__, Registry.__mro__)
print(NamedBox.__orig_bases__, Box.__orig_bases__, Registry.__orig_bases__)
b = Box[int](5)
print(b, b.get(), b.__orig_class__, type(b).__name__, Box("x").get(), hasattr(Box("x"), "__orig_class__"))
r = Registry(a=1)
print(r, isinstance(r, dict), get_origin(Box[int]), get_args(Pair[str, int]), Box[int] == Box[int], Box[int] == Box[str])


class Both(Box[T], Pair[K, V]):
    pass


print(Both.__parameters__)


class Explicit(Box[T], Generic[K, T]):
    pass


print(Explicit.__parameters__, Explicit[int, str])

for build in [
    lambda: Box[int, str],
    lambda: Generic[int],
    lambda: Generic[T, T],
    lambda: Generic[()],
    lambda: NamedBox[int],
    lambda: type("Plain", (Generic,), {}),
]:
    try:
        print("ok", build())
    except TypeError as e:
        print("TypeError", e)


def missing_var():
    class Bad(Box[T], Generic[K]):
        pass


try:
    missing_var()
except TypeError as e:
    print("TypeError", e)


class Closer(Protocol):
    def close(self) -> None:
        ...


@runtime_checkable
class Sized2(Protocol):
    def __len__(self) -> int:
        ...


@runtime_checkable
class HasName(Protocol):
    name: str

    def greet(self) -> str:
        ...


class Resource:
    def close(self):
        return "closed"


class Person:
    name = "ann"

    def greet(self):
        return "hi " + self.name


print(isinstance([1], Sized2), isinstance(3, Sized2), isinstance(Person(), HasName), isinstance(Resource(), HasName))
print(issubclass(list, Sized2), isinstance(3, SupportsInt), isinstance("x", SupportsInt), isinstance(-2.5, SupportsAbs))
print(Closer._is_protocol, Sized2._is_runtime_protocol, sorted(typing._get_protocol_attrs(HasName)))
try:
    isinstance(Resource(), Closer)
except TypeError as e:
    print("TypeError", e)
try:
    Closer()
except TypeError as e:
    print("TypeError", e)
try:
    issubclass(Person, HasName)
except TypeError as e:
    print("TypeError", e)
try:
    runtime_checkable(Resource)
except TypeError as e:
    print("TypeError", e)


class FileCloser(Closer):
    def __init__(self, name):
        self.name = name


print(FileCloser("f").name, FileCloser._is_protocol)

UserId = NewType("UserId", int)
Score = NewType("Score", float)
uid = UserId(42)
print(uid, type(uid).__name__, UserId, UserId.__name__, UserId.__supertype__, repr(Score), UserId | None)
try:
    class Admin(UserId):
        pass
except TypeError as e:
    print("TypeError", e)


@overload
def double(x: int) -> int: ...
@overload
def double(x: str) -> str: ...
def double(x):
    return x * 2


print(double(3), double("ab"), len(get_overloads(double)))
try:
    @overload
    def lonely(x: int) -> int: ...
    lonely(1)
except NotImplementedError as e:
    print("NotImplementedError", e)


@final
class Leaf:
    @final
    def done(self):
        return 1


print(Leaf.__final__, Leaf.done.__final__)


class Config:
    name: str
    retries: int = 3
    ratio: "float"
    tags: List["str"]
    maybe: Optional[int] = None
    meta: Annotated[int, "units"] = 0
    shared: ClassVar[int] = 1
    nothing: None = None


print(get_type_hints(Config))
print(get_type_hints(Config, include_extras=True)["meta"])


def func(a: int, b: "str" = "x", *args: float, c: Optional["Config"] = None, **kw: Any) -> "List[int]":
    return []


print(get_type_hints(func))
print(get_type_hints(len), get_type_hints(Box.get))


@no_type_check
def untyped(x: "not a type") -> "nope":
    return x


print(untyped.__no_type_check__, get_type_hints(untyped))

P = ParamSpec("P")


def logged(f: Callable[P, T]) -> Callable[P, T]:
    return f


print(P, P.args, P.kwargs, Callable[P, int], Callable[Concatenate[int, P], str], Concatenate[int, P])
print(get_args(Callable[P, int]), get_args(Callable[Concatenate[int, P], str]), P.args.__origin__ is P)


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> "Stack[T]":
        self.items.append(item)
        return self

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)


s = Stack[int]().push(1).push(2)
print(list(s), s.__orig_class__, Stack[int].__origin__ is Stack)
