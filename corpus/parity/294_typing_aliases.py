# typing: the subscriptable aliases and special forms -- reprs, equality,
# get_origin/get_args, Union/Optional flattening, Literal, Annotated,
# Callable, Tuple, and the errors of bad subscriptions.
import typing
from typing import (Any, Optional, Union, List, Dict, Set, FrozenSet, Tuple, Type, Callable, Iterable,
                    Iterator, Generator, Sequence, Mapping, MutableMapping, DefaultDict, Counter, Deque,
                    Literal, Final, ClassVar, Annotated, TypeVar, get_origin, get_args, cast, NoReturn,
                    Never, Self, Text, AnyStr, TYPE_CHECKING, ForwardRef, Hashable, Sized, AbstractSet)
import collections
import collections.abc

show = [List, List[int], Dict[str, int], Set[float], FrozenSet[str], Tuple, Tuple[int, str], Tuple[int, ...],
        Tuple[()], Type[int], Type[Any], Callable, Callable[[int, str], bool], Callable[..., int],
        Callable[[], None], Iterable[int], Iterator[str], Generator[int, None, str], Sequence[Mapping[str, Tuple[int, float]]],
        MutableMapping[str, List[int]], DefaultDict[str, int], Counter[str], Deque[int], AbstractSet[int],
        Optional[int], Optional[List[str]], Union[int, str], Union[int, None, str], Union[int, Union[str, bytes]],
        Union[int], Optional[Union[int, str]], Literal[1, "a", None], Literal[1, Literal[2, 3]], Literal[1, 1, True],
        Final[int], ClassVar[Dict[str, int]], Annotated[int, "meta", 3], Annotated[Annotated[int, 1], 2],
        List["Node"], Dict[str, "int"], Any, NoReturn, Never, Self, Hashable, Sized, typing.Pattern,
        ClassVar, Final, Union, Optional, Literal, Text, AnyStr, List[List[int]], Optional[Callable[[int], str]]]
for tp in show:
    print(repr(tp))

print("-- origins and args")
for tp in [List[int], Dict[str, int], Tuple[int, ...], Tuple[()], Callable[[int], str], Callable[..., str],
           Union[int, str], Optional[int], Literal["x"], Annotated[int, "m"], ClassVar[int], Iterable[int],
           Type[int], List, int, Any, typing.Generic, DefaultDict[str, int], Counter[str]]:
    print(repr(tp), "->", get_origin(tp), get_args(tp))

print("-- equality")
print(List[int] == List[int], List[int] == List[str], List[int] == list, hash(List[int]) == hash(List[int]))
print(Union[int, str] == Union[str, int], Optional[int] == Union[int, None], Union[int, int] is int)
print(Literal[1, 2] == Literal[2, 1], Literal[1] == Literal[True], Annotated[int, 1] == Annotated[int, 1])
print(Dict[str, int] == Dict[str, int], Callable[[int], str] == Callable[[int], str], Tuple[int] == Tuple[int, ...])
print({List[int]: "a", Union[int, str]: "b"}[Union[str, int]])
print(Optional[int].__args__, Union[int, str].__args__, Literal[1, "a"].__args__, Annotated[int, "m"].__metadata__)
print(List[int].__origin__, List.__origin__, Union[int, str].__origin__, Callable[[int], str].__args__)
print(List.__name__, List[int].__name__, Dict._name, Union[int, str].__parameters__, Tuple[int, ...].__args__)

print("-- type variables")
T = TypeVar("T")
K = TypeVar("K", bound=str)
N = TypeVar("N", int, float)
T_co = TypeVar("T_co", covariant=True)
T_contra = TypeVar("T_contra", contravariant=True)
print(T, K, N, T_co, T_contra, T.__name__, K.__bound__, N.__constraints__, T_co.__covariant__, T.__bound__)
print(List[T], Dict[K, T], Dict[str, T][int], List[T].__parameters__, Dict[K, List[T]].__parameters__)
print(Dict[K, List[T]][str, float], Callable[[T], K][int, str], Optional[T][bytes], Union[T, int][str])
print(Tuple[T, ...][int], get_args(Callable[[T], K][int, str]), AnyStr.__constraints__)

print("-- errors")
tests = [
    lambda: List[int, str],
    lambda: Dict[int],
    lambda: Optional[int, str],
    lambda: ClassVar[int, str],
    lambda: Union[()],
    lambda: List(),
    lambda: Union(),
    lambda: Any(),
    lambda: isinstance(1, List[int]),
    lambda: isinstance(1, Any),
    lambda: Callable[int],
    lambda: Annotated[int],
    lambda: List[int][str],
    lambda: Dict[str, T][int, str],
    lambda: List[ClassVar[int]],
    lambda: Tuple[ClassVar],
    lambda: TypeVar("X", int),
    lambda: TypeVar("X", int, bound=str),
    lambda: TypeVar("X", covariant=True, contravariant=True),
    lambda: Hashable[int],
    lambda: NoReturn[int],
    lambda: Literal(),
    lambda: ForwardRef("1 +"),
    lambda: Annotated(),
]
for t in tests:
    try:
        print("ok", t())
    except Exception as e:
        print(type(e).__name__, e)

print("-- misc")
print(cast(int, "not an int"), cast("List[int]", [1]), TYPE_CHECKING, Text is str)
print(ForwardRef("Node"), ForwardRef("Node") == ForwardRef("Node"), ForwardRef("x", module="m"))
print(List[int]([1, 2]) if False else "skip", Dict.__origin__ is dict, DefaultDict.__origin__ is collections.defaultdict)
print(Iterable.__origin__ is collections.abc.Iterable, Callable.__origin__ is collections.abc.Callable)
print(Type[int].__origin__, Generator.__origin__, Deque.__origin__)
print(int | None if hasattr(int, "__or__") and False else Optional[int] | str, List[int] | None, None | List[str])
print(T | None, Optional[T] | int, Literal[1] | Literal[2])


class Node:
    pass


d = DefaultDict[str, int](int)
d["a"] += 1
print(type(d).__name__, dict(d), Counter[str]("abca").most_common(1), Deque[int]([1, 2]))
try:
    Tuple()
except TypeError as e:
    print("TypeError", e)
