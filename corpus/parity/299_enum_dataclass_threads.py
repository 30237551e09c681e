# enum, dataclasses and typing used from several threads at once: flag
# pseudo-members stay singletons, classes made concurrently by
# @dataclass / Enum() / make_dataclass are independent, recursive reprs
# in different threads do not see each other, typing aliases compare equal.
import threading
from dataclasses import dataclass, field, make_dataclass, asdict
from enum import Enum, Flag, IntFlag, auto
from typing import Dict, List, Optional, Union


class Perm(Flag):
    A = auto()
    B = auto()
    C = auto()
    D = auto()
    E = auto()


class Bits(IntFlag):
    X = 1
    Y = 2
    Z = 4


N = 8
results = [None] * N
start = threading.Event()


def work(k):
    start.wait()
    combos = [Perm(v) for v in range(32)]
    ints = [Bits(v) for v in range(-8, 16)]
    Local = Enum("Local%d" % k, ["P", "Q", "R"])
    Point = make_dataclass("Point%d" % k, [("x", int), ("y", int, field(default=k))])

    @dataclass
    class Node:
        name: str
        kids: list = field(default_factory=list)

    n = Node("n%d" % k)
    n.kids.append(n)
    aliases = [List[int], Dict[str, Optional[int]], Union[int, str, None]]
    results[k] = (combos, ints, [m.value for m in Local], asdict(Point(1)), repr(n), aliases)


threads = [threading.Thread(target=work, args=(k,)) for k in range(N)]
for t in threads:
    t.start()
start.set()
for t in threads:
    t.join()

first = results[0]
print(all(r[0][i] is first[0][i] for r in results for i in range(32)))
print(all(r[1][i] is first[1][i] for r in results for i in range(24)))
print([repr(m) for m in first[0][:8]])
print([str(m) for m in first[1][:4]], [repr(m) for m in first[1][4:10]])
print(sorted(set(tuple(r[2]) for r in results)))
print([r[3] for r in results])
print([r[4] for r in results])
print(all(r[5] == first[5] for r in results), first[5])
print(len(Perm._value2member_map_), sorted(Perm._value2member_map_)[:6])
