#!/usr/bin/env python3
"""Generates the expected values of tests/set_order.rs from CPython 3.11.

Run `python3 tests/set_order.py`, paste its output over the generated
section at the end of set_order.rs, and run rustfmt on that file. Every case here is mirrored, operation for
operation, by a function of the same name in set_order.rs.
"""

import sys

assert sys.version_info[:2] == (3, 11), sys.version

M64 = (1 << 64) - 1


class Lcg:
    """Knuth's MMIX LCG; `next_i64` is the state as a signed 64-bit int."""

    def __init__(self, seed):
        self.x = seed & M64

    def next_u64(self):
        self.x = (self.x * 6364136223846793005 + 1442695040888963407) & M64
        return self.x

    def next_i64(self):
        v = self.next_u64()
        return v - (1 << 64) if v >= 1 << 63 else v

    def below(self, n):
        return (self.next_u64() >> 33) % n


def checksum(indices):
    """Order-sensitive fingerprint of a sequence of small ints."""
    h = 14695981039346656037
    for i in indices:
        h = ((h ^ i) * 1099511628211) & M64
    return h


def from_list(items):
    s = set()
    for v in items:
        s.add(v)
    return s


def fmt(v):
    """A value as the Rust test's `V` literal constructor call."""
    if isinstance(v, bool):
        return f"b({str(v).lower()})"
    if isinstance(v, int):
        if -(1 << 63) <= v < (1 << 63):
            return f"i({v})"
        return f'big("{v}")'
    if isinstance(v, float):
        r = repr(v)
        if r == "inf":
            return "f(f64::INFINITY)"
        if r == "-inf":
            return "f(f64::NEG_INFINITY)"
        if "." not in r and "e" not in r:
            r += ".0"
        return f"f({r})"
    if isinstance(v, tuple):
        return "t(&[" + ", ".join(fmt(x) for x in v) + "])"
    raise TypeError(v)


def rust_list(values):
    return "vec![" + ", ".join(fmt(v) for v in values) + "]"


# --- fixed sets, built by adding in the listed order -----------------------

FIXED = {
    "ints_3_1_2": [3, 1, 2],
    "negatives": [-1, -2, -3, 5, -8, -9, 7, -100, 100],
    "large_ints": [
        2**61, 2**61 - 1, 2**64, -(2**63), 10**20, 3**100, -(2**70),
        2**63 - 1, 12345678901234567, -1,
    ],
    "collide_mod_8": [8, 16, 0, 24, 32, 40, 48, 56, 64, 72],
    "floats": [0.5, 1.5, -2.25, 1e20, float("inf"), -0.0, 3.0, 0.1, -1e-300],
    "numeric_mix": [True, 0, 2.0, False, 1, 1.0, 3, -1.5],
    "tuples": [(1, 2), (2, 1), (0,), (), (-1, -1), ((1, 2), 3), (1, 2.5), (True,)],
    "sorted_looking": [5, 4, 3, 2, 1, 0, 6, 7],
}


def churn():
    """Adds, then discards, then adds again, then pops (LCG-driven)."""
    g = Lcg(1)
    s = set()
    added = []
    for _ in range(300):
        v = int(g.below(1000)) - 500
        s.add(v)
        added.append(v)
    for v in added[:200]:
        s.discard(v)
    after_discards = list(s)
    for _ in range(100):
        s.add(int(g.below(4000)) - 2000)
    after_readds = list(s)
    popped = [s.pop() for _ in range(30)]
    for v in (7, -7, 1 << 40, 3):
        s.add(v)
    return after_discards, after_readds, popped, list(s)


def pops():
    """pop() sequences interleaved with adds, discards and a clear."""
    s = from_list([1, 9, 17, 25, 33, 2, 10])
    out = [s.pop(), s.pop()]
    s.add(1)
    s.add(100)
    out += [s.pop(), s.pop(), s.pop()]
    s.discard(33)
    s.add(-4)
    out += [s.pop()]
    s.clear()  # the finger survives clear()
    for v in (0, 1, 2, 3, 4, 5, 6):
        s.add(v)
    out += [s.pop() for _ in range(3)]
    return out, list(s)


def copies():
    """copy() and update() orders (set_merge), which can differ from the
    original's."""
    a = from_list([5, 13, 21, 29, 37, 45])
    b = a.copy()
    c = from_list([1, 2, 3])
    c.update(a)
    d = from_list(range(40))
    for v in range(0, 40, 3):
        d.discard(v)
    e = d.copy()
    f = from_list([100, 200])
    f.update(f)
    return list(a), list(b), list(c), list(d), list(e), list(f)


def floats_churn():
    g = Lcg(7)
    s = set()
    for _ in range(200):
        s.add(g.next_i64() / 8.0)
        if g.below(3) == 0:
            s.add(float(g.below(50)))
    vals = list(s)
    for v in vals[::2]:
        s.discard(v)
    return list(s)


# Set displays of three or more constants compile to BUILD_SET 0;
# LOAD_CONST frozenset; SET_UPDATE, and the compiler rebuilds the frozenset
# from its own iteration order (merge_consts_recursive), so the set is
# set().update(frozenset(list(frozenset(items)))).
DISPLAYS = [
    [5, 13, 21, 29, 37, 45],
    [8, 16, 0, 24, 32, 40, 48, 56, 64, 72],
    [-1, -2, 300, 7, 1 << 40, 99],
]


def displays():
    out = []
    for items in DISPLAYS:
        src = "{" + ", ".join(map(repr, items)) + "}"
        got = list(eval(compile(src, "<display>", "eval")))
        out.append((items, got))
    return out


GROWTH_FULL = {5, 19, 20, 77}
GROWTH_CHECK = [1, 2, 3, 4, 5, 6, 18, 19, 20, 50, 77, 100, 500, 1000, 5000, 10000]


def growth():
    """10,000 LCG values (full 64-bit range, big ints every 7th, small ints
    that may repeat every 5th) added one by one; the order at checkpoints,
    as the first index of each value in the sequence."""
    g = Lcg(42)
    seq = []
    for n in range(10000):
        v = g.next_i64()
        if n % 7 == 0:
            v = v * (1 << 40)  # beyond i64
        elif n % 5 == 0:
            v = v >> 50  # small, possibly negative
        seq.append(v)
    index = {}  # a value's first position (small values may repeat)
    for n, v in enumerate(seq):
        index.setdefault(v, n)
    s = set()
    full, sums = {}, {}
    for n, v in enumerate(seq, 1):
        s.add(v)
        if n in GROWTH_FULL:
            full[n] = [index[x] for x in s]
        if n in GROWTH_CHECK:
            sums[n] = checksum(index[x] for x in s)
    # Then shrink back down by discarding every other value, and re-add.
    for v in seq[::2]:
        s.discard(v)
    sums["after_discards"] = checksum(index[x] for x in s)
    for v in seq[:1000]:
        s.add(v)
    sums["after_readds"] = checksum(index[x] for x in s)
    return full, sums


def main():
    print("// ---- generated by tests/set_order.py (CPython %s) ----"
          % sys.version.split()[0])
    print("fn expected_fixed() -> Vec<(&'static str, Vec<V>, Vec<V>)> {")
    print("    vec![")
    for name, items in FIXED.items():
        print(f'        ("{name}", {rust_list(items)}, {rust_list(list(from_list(items)))}),')
    print("    ]")
    print("}")
    a, b, c, d = churn()
    print(f"const CHURN_AFTER_DISCARDS: &[i64] = &{a};")
    print(f"const CHURN_AFTER_READDS: &[i64] = &{b};")
    print(f"const CHURN_POPPED: &[i64] = &{c};")
    d = [v for v in d]
    print(f"fn churn_final() -> Vec<V> {{ {rust_list(d)} }}")
    out, rest = pops()
    print(f"const POPS: &[i64] = &{out};")
    print(f"const POPS_REST: &[i64] = &{rest};")
    for name, order in zip("abcdef", copies()):
        print(f"const COPY_{name.upper()}: &[i64] = &{order};")
    print(f"fn floats_churn_expected() -> Vec<V> {{ {rust_list(floats_churn())} }}")
    print("const DISPLAYS: &[(&[i64], &[i64])] = &[")
    for items, got in displays():
        print(f"    (&{items}, &{got}),")
    print("];")
    full, sums = growth()
    for n in sorted(full):
        print(f"const GROWTH_FULL_{n}: &[usize] = &{full[n]};")
    print("const GROWTH_SUMS: &[(usize, u64)] = &[")
    for n in GROWTH_CHECK:
        print(f"    ({n}, {sums[n]}),")
    print("];")
    print(f"const GROWTH_AFTER_DISCARDS: u64 = {sums['after_discards']};")
    print(f"const GROWTH_AFTER_READDS: u64 = {sums['after_readds']};")
    print("// ---- end of generated values ----")


if __name__ == "__main__":
    main()
