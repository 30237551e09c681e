//! `set` iterates, pops and copies in exactly CPython 3.11's order for keys
//! whose hashes equal CPython's (ints of any size, floats, bools, tuples of
//! them). Every expected value below was produced by running
//! `python3 tests/set_order.py` (CPython 3.11) and pasting its output; each
//! test mirrors, operation for operation, the function of the same name in
//! that script.

use std::collections::HashMap;

use ftl_object::keys;
use ftl_object::types::Set;
use ftl_object::{Accounting, GilHeap, IntValue, ObjRef};

type V = ObjRef<GilHeap>;

fn i(v: i64) -> V {
    V::from_i64(v)
}
fn big(text: &str) -> V {
    V::from_int(IntValue::parse(text, 10).expect("a decimal int"))
}
fn f(v: f64) -> V {
    V::from_f64(v)
}
fn b(v: bool) -> V {
    V::from_bool(v)
}
fn t(items: &[V]) -> V {
    V::new_tuple(items.to_vec())
}

/// Same type and equal value (floats bit for bit, so `-0.0` is not `0.0`).
fn same(a: &V, b: &V) -> bool {
    if a.type_name() != b.type_name() {
        return false;
    }
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x.to_bits() == y.to_bits(),
        _ => match (a.as_tuple(), b.as_tuple()) {
            (Some(x), Some(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q)),
            _ => keys::eq(a, b),
        },
    }
}

fn assert_order(what: &str, got: &[V], want: &[V]) {
    assert_eq!(got.len(), want.len(), "{what}: length");
    for (n, (g, w)) in got.iter().zip(want).enumerate() {
        assert!(same(g, w), "{what}: position {n}: got {g:?}, want {w:?}");
    }
}

fn small(v: &V) -> i64 {
    v.as_int().and_then(IntValue::as_i64).expect("an i64 int")
}

fn smalls(vs: &[V]) -> Vec<i64> {
    vs.iter().map(small).collect()
}

fn from_list(items: impl IntoIterator<Item = V>) -> Set<GilHeap> {
    let s = Set::new();
    for v in items {
        s.add(v).expect("hashable");
    }
    s
}

fn from_ints(items: impl IntoIterator<Item = i64>) -> Set<GilHeap> {
    from_list(items.into_iter().map(i))
}

/// Knuth's MMIX LCG, as in the script.
struct Lcg(u64);

impl Lcg {
    fn next_u64(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0
    }
    fn next_i64(&mut self) -> i64 {
        self.next_u64() as i64
    }
    fn below(&mut self, n: u64) -> i64 {
        ((self.next_u64() >> 33) % n) as i64
    }
}

/// The script's order-sensitive fingerprint.
fn checksum(indices: impl IntoIterator<Item = usize>) -> u64 {
    indices.into_iter().fold(14695981039346656037, |h, i| {
        (h ^ i as u64).wrapping_mul(1099511628211)
    })
}

#[test]
fn fixed() {
    let acct = Accounting::new();
    let _scope = acct.enter();
    for (name, items, want) in expected_fixed() {
        // Added one by one, and through from_items: the same order.
        let s = from_list(items.iter().cloned());
        assert_order(name, &s.members(), &want);
        let s2 = Set::from_items(items).expect("hashable");
        assert_order(name, &s2.members(), &want);
    }
    assert_eq!(acct.live(), 0);
}

#[test]
fn churn() {
    let mut g = Lcg(1);
    let s = Set::<GilHeap>::new();
    let mut added = Vec::new();
    for _ in 0..300 {
        let v = g.below(1000) - 500;
        s.add(i(v)).unwrap();
        added.push(v);
    }
    for &v in &added[..200] {
        s.discard(&i(v)).unwrap();
    }
    assert_eq!(smalls(&s.members()), CHURN_AFTER_DISCARDS);
    for _ in 0..100 {
        s.add(i(g.below(4000) - 2000)).unwrap();
    }
    assert_eq!(smalls(&s.members()), CHURN_AFTER_READDS);
    let popped: Vec<V> = (0..30).map(|_| s.pop().expect("non-empty")).collect();
    assert_eq!(smalls(&popped), CHURN_POPPED);
    for v in [7, -7, 1 << 40, 3] {
        s.add(i(v)).unwrap();
    }
    assert_order("churn final", &s.members(), &churn_final());
}

#[test]
fn pops() {
    let s = from_ints([1, 9, 17, 25, 33, 2, 10]);
    let mut out = vec![s.pop(), s.pop()];
    s.add(i(1)).unwrap();
    s.add(i(100)).unwrap();
    out.extend([s.pop(), s.pop(), s.pop()]);
    s.discard(&i(33)).unwrap();
    s.add(i(-4)).unwrap();
    out.push(s.pop());
    s.clear(); // the finger survives clear()
    for v in 0..7 {
        s.add(i(v)).unwrap();
    }
    out.extend((0..3).map(|_| s.pop()));
    let out: Vec<V> = out.into_iter().map(|o| o.expect("non-empty")).collect();
    assert_eq!(smalls(&out), POPS);
    assert_eq!(smalls(&s.members()), POPS_REST);
}

#[test]
fn copies() {
    let a = from_ints([5, 13, 21, 29, 37, 45]);
    let b = a.copy();
    let c = from_ints([1, 2, 3]);
    c.update_from(&a);
    let d = from_ints(0..40);
    for v in (0..40).step_by(3) {
        d.discard(&i(v)).unwrap();
    }
    let e = d.copy();
    let f = from_ints([100, 200]);
    f.update_from(&f);
    assert_eq!(smalls(&a.members()), COPY_A);
    assert_eq!(smalls(&b.members()), COPY_B);
    assert_eq!(smalls(&c.members()), COPY_C);
    assert_eq!(smalls(&d.members()), COPY_D);
    assert_eq!(smalls(&e.members()), COPY_E);
    assert_eq!(smalls(&f.members()), COPY_F);
}

#[test]
fn floats_churn() {
    let mut g = Lcg(7);
    let s = Set::<GilHeap>::new();
    for _ in 0..200 {
        s.add(f(g.next_i64() as f64 / 8.0)).unwrap();
        if g.below(3) == 0 {
            s.add(f(g.below(50) as f64)).unwrap();
        }
    }
    for v in s.members().iter().step_by(2) {
        s.discard(v).unwrap();
    }
    assert_order("floats churn", &s.members(), &floats_churn_expected());
}

/// A set display of constants, `{5, 13, 21, ...}`: CPython 3.11 builds it as
/// `set().update(frozenset(list(frozenset(items))))` (see the script), which
/// is how the VM must build it to print the same order.
#[test]
fn constant_displays() {
    for (items, want) in DISPLAYS {
        let folded = from_ints(items.iter().copied());
        let rebuilt = Set::from_items(folded.members()).expect("hashable");
        let s = Set::new();
        s.update_from(&rebuilt);
        assert_eq!(smalls(&s.members()), *want, "{items:?}");
    }
}

#[test]
#[cfg_attr(miri, ignore = "10,000 insertions are too slow under Miri")]
fn growth() {
    let mut g = Lcg(42);
    let mut seq = Vec::with_capacity(10_000);
    for n in 0..10_000 {
        let v = g.next_i64();
        let v = if n % 7 == 0 {
            IntValue::from_bigint(num_bigint::BigInt::from(v) << 40)
        } else if n % 5 == 0 {
            IntValue::from_i64(v >> 50)
        } else {
            IntValue::from_i64(v)
        };
        seq.push(v);
    }
    let mut index: HashMap<IntValue, usize> = HashMap::new();
    for (n, v) in seq.iter().enumerate() {
        index.entry(v.clone()).or_insert(n);
    }
    let indices = |s: &Set<GilHeap>| -> Vec<usize> {
        s.members()
            .iter()
            .map(|o| index[o.as_int().expect("an int")])
            .collect()
    };
    let full: HashMap<usize, &[usize]> = [
        (5, GROWTH_FULL_5),
        (19, GROWTH_FULL_19),
        (20, GROWTH_FULL_20),
        (77, GROWTH_FULL_77),
    ]
    .into_iter()
    .collect();
    let sums: HashMap<usize, u64> = GROWTH_SUMS.iter().copied().collect();
    let s = Set::<GilHeap>::new();
    let mut checked = 0;
    for (n, v) in seq.iter().enumerate() {
        s.add(V::from_int(v.clone())).unwrap();
        let n = n + 1;
        if let Some(want) = full.get(&n) {
            assert_eq!(indices(&s), *want, "order after {n} adds");
        }
        if let Some(&want) = sums.get(&n) {
            assert_eq!(checksum(indices(&s)), want, "checksum after {n} adds");
            checked += 1;
        }
    }
    assert_eq!(checked, GROWTH_SUMS.len());
    for v in seq.iter().step_by(2) {
        s.discard(&V::from_int(v.clone())).unwrap();
    }
    assert_eq!(checksum(indices(&s)), GROWTH_AFTER_DISCARDS);
    for v in &seq[..1000] {
        s.add(V::from_int(v.clone())).unwrap();
    }
    assert_eq!(checksum(indices(&s)), GROWTH_AFTER_READDS);
}

/// The growth sequence's first checkpoints, short enough to run under Miri.
#[test]
fn growth_prefix() {
    let mut g = Lcg(42);
    let s = Set::<GilHeap>::new();
    let mut seq = Vec::new();
    for n in 0..20 {
        let v = g.next_i64();
        let v = if n % 7 == 0 {
            IntValue::from_bigint(num_bigint::BigInt::from(v) << 40)
        } else if n % 5 == 0 {
            IntValue::from_i64(v >> 50)
        } else {
            IntValue::from_i64(v)
        };
        s.add(V::from_int(v.clone())).unwrap();
        seq.push(v);
    }
    let got: Vec<usize> = s
        .members()
        .iter()
        .map(|o| {
            let v = o.as_int().expect("an int");
            seq.iter().position(|x| x == v).expect("added")
        })
        .collect();
    assert_eq!(got, GROWTH_FULL_20);
}

// ---- generated by tests/set_order.py (CPython 3.11.7) ----
fn expected_fixed() -> Vec<(&'static str, Vec<V>, Vec<V>)> {
    vec![
        ("ints_3_1_2", vec![i(3), i(1), i(2)], vec![i(1), i(2), i(3)]),
        (
            "negatives",
            vec![
                i(-1),
                i(-2),
                i(-3),
                i(5),
                i(-8),
                i(-9),
                i(7),
                i(-100),
                i(100),
            ],
            vec![
                i(100),
                i(5),
                i(7),
                i(-2),
                i(-9),
                i(-8),
                i(-100),
                i(-3),
                i(-1),
            ],
        ),
        (
            "large_ints",
            vec![
                i(2305843009213693952),
                i(2305843009213693951),
                big("18446744073709551616"),
                i(-9223372036854775808),
                big("100000000000000000000"),
                big("515377520732011331036461129765621272702107522001"),
                big("-1180591620717411303424"),
                i(9223372036854775807),
                i(12345678901234567),
                i(-1),
            ],
            vec![
                i(2305843009213693951),
                i(2305843009213693952),
                big("-1180591620717411303424"),
                i(9223372036854775807),
                i(12345678901234567),
                big("18446744073709551616"),
                big("100000000000000000000"),
                big("515377520732011331036461129765621272702107522001"),
                i(-9223372036854775808),
                i(-1),
            ],
        ),
        (
            "collide_mod_8",
            vec![
                i(8),
                i(16),
                i(0),
                i(24),
                i(32),
                i(40),
                i(48),
                i(56),
                i(64),
                i(72),
            ],
            vec![
                i(32),
                i(0),
                i(64),
                i(8),
                i(40),
                i(72),
                i(16),
                i(48),
                i(24),
                i(56),
            ],
        ),
        (
            "floats",
            vec![
                f(0.5),
                f(1.5),
                f(-2.25),
                f(1e+20),
                f(f64::INFINITY),
                f(-0.0),
                f(3.0),
                f(0.1),
                f(-1e-300),
            ],
            vec![
                f(0.5),
                f(1.5),
                f(-0.0),
                f(3.0),
                f(0.1),
                f(1e+20),
                f(f64::INFINITY),
                f(-1e-300),
                f(-2.25),
            ],
        ),
        (
            "numeric_mix",
            vec![b(true), i(0), f(2.0), b(false), i(1), f(1.0), i(3), f(-1.5)],
            vec![i(0), b(true), f(2.0), i(3), f(-1.5)],
        ),
        (
            "tuples",
            vec![
                t(&[i(1), i(2)]),
                t(&[i(2), i(1)]),
                t(&[i(0)]),
                t(&[]),
                t(&[i(-1), i(-1)]),
                t(&[t(&[i(1), i(2)]), i(3)]),
                t(&[i(1), f(2.5)]),
                t(&[b(true)]),
            ],
            vec![
                t(&[i(1), i(2)]),
                t(&[i(1), f(2.5)]),
                t(&[i(-1), i(-1)]),
                t(&[i(2), i(1)]),
                t(&[t(&[i(1), i(2)]), i(3)]),
                t(&[b(true)]),
                t(&[i(0)]),
                t(&[]),
            ],
        ),
        (
            "sorted_looking",
            vec![i(5), i(4), i(3), i(2), i(1), i(0), i(6), i(7)],
            vec![i(0), i(1), i(2), i(3), i(4), i(5), i(6), i(7)],
        ),
    ]
}
const CHURN_AFTER_DISCARDS: &[i64] = &[
    -498, -495, -494, -483, 40, 50, -461, 52, 55, 57, 64, 71, 73, 76, 80, -431, 85, 86, -423, -414,
    104, 111, -389, -388, 126, 130, -382, -363, -357, -353, 164, -342, 170, -335, -331, 180, 183,
    -329, -326, -325, 190, 192, -318, -311, -308, 207, -295, 219, 217, 249, 255, 261, -244, -243,
    -238, 303, -205, -190, 327, -178, -162, 353, -152, -142, -141, 373, -136, 392, -115, -107, 407,
    -99, -88, 437, 445, -43, 472, -34, -26, -15, 498, -14,
];
const CHURN_AFTER_READDS: &[i64] = &[
    -1022, 1033, -997, -994, 40, 1067, 50, 52, 55, 57, 64, 71, 73, 76, 80, 83, 85, 86, -937, 1119,
    99, 104, 111, 126, -897, 130, -1915, 149, 164, 170, 180, -1867, 183, 188, 190, -833, 192, 207,
    217, 219, 1244, 1245, 1263, -1802, 249, 255, 261, 1287, 1307, 1322, 303, -720, 1335, -1735,
    1339, -705, 327, 333, -1695, 353, -1689, -1687, 373, 392, 1417, 407, 1449, 437, -586, 445,
    -1592, -554, 472, -1573, -545, -542, -528, 498, 1529, -516, 513, -1534, -1535, -498, -495,
    -494, -483, -481, 1579, 558, -461, 579, -441, 1615, -431, -423, 1625, -414, 611, -389, -388,
    -1413, -382, 642, -363, 663, -357, 667, -1380, -353, 1699, -347, 1703, -345, -342, 1712, -335,
    -331, -1355, -329, -326, -325, -318, -1338, 1736, -311, -308, -301, -1320, -295, 732, 748,
    -257, -1278, -254, -244, -243, -242, -238, -205, -1222, 1851, 832, 1857, -190, -1214, -178,
    847, -1199, -162, 1891, -152, -1175, 1903, -1168, -142, -141, -137, -136, -133, -115, -111,
    -107, -99, 1950, 1956, 1959, -88, 960, 1986, -43, -34, 994, -30, -26, -1047, -15, -14,
];
const CHURN_POPPED: &[i64] = &[
    -1022, 1033, -997, -994, 40, 1067, 50, 52, 55, 57, 64, 71, 73, 76, 80, 83, 85, 86, -937, 1119,
    99, 104, 111, 126, -897, 130, -1915, 149, 164, 170,
];
fn churn_final() -> Vec<V> {
    vec![
        i(1099511627776),
        i(3),
        i(7),
        i(180),
        i(-1867),
        i(183),
        i(188),
        i(190),
        i(-833),
        i(192),
        i(207),
        i(217),
        i(219),
        i(1244),
        i(1245),
        i(1263),
        i(-1802),
        i(249),
        i(255),
        i(261),
        i(1287),
        i(1307),
        i(1322),
        i(303),
        i(-720),
        i(1335),
        i(-1735),
        i(1339),
        i(-705),
        i(327),
        i(333),
        i(-1695),
        i(353),
        i(-1689),
        i(-1687),
        i(373),
        i(392),
        i(1417),
        i(407),
        i(1449),
        i(437),
        i(-586),
        i(445),
        i(-1592),
        i(-554),
        i(472),
        i(-1573),
        i(-545),
        i(-542),
        i(-528),
        i(498),
        i(1529),
        i(-516),
        i(513),
        i(-1534),
        i(-1535),
        i(-498),
        i(-495),
        i(-494),
        i(-483),
        i(-481),
        i(1579),
        i(558),
        i(-461),
        i(579),
        i(-441),
        i(1615),
        i(-431),
        i(-423),
        i(1625),
        i(-414),
        i(611),
        i(-389),
        i(-388),
        i(-1413),
        i(-382),
        i(642),
        i(-363),
        i(663),
        i(-357),
        i(667),
        i(-1380),
        i(-353),
        i(1699),
        i(-347),
        i(1703),
        i(-345),
        i(-342),
        i(1712),
        i(-335),
        i(-331),
        i(-1355),
        i(-329),
        i(-326),
        i(-325),
        i(-318),
        i(-1338),
        i(1736),
        i(-311),
        i(-308),
        i(-301),
        i(-1320),
        i(-295),
        i(732),
        i(748),
        i(-257),
        i(-1278),
        i(-254),
        i(-244),
        i(-243),
        i(-242),
        i(-238),
        i(-205),
        i(-1222),
        i(1851),
        i(832),
        i(1857),
        i(-190),
        i(-1214),
        i(-178),
        i(847),
        i(-1199),
        i(-162),
        i(1891),
        i(-152),
        i(-1175),
        i(1903),
        i(-1168),
        i(-142),
        i(-141),
        i(-137),
        i(-136),
        i(-133),
        i(-115),
        i(-111),
        i(-107),
        i(-99),
        i(1950),
        i(1956),
        i(1959),
        i(-88),
        i(960),
        i(1986),
        i(-43),
        i(-34),
        i(994),
        i(-30),
        i(-26),
        i(-1047),
        i(-15),
        i(-14),
        i(-7),
    ]
}
const POPS: &[i64] = &[1, 33, 2, 100, 9, 10, 0, 1, 2];
const POPS_REST: &[i64] = &[3, 4, 5, 6];
const COPY_A: &[i64] = &[37, 5, 13, 45, 21, 29];
const COPY_B: &[i64] = &[29, 45, 37, 5, 21, 13];
const COPY_C: &[i64] = &[1, 2, 3, 37, 5, 13, 45, 21, 29];
const COPY_D: &[i64] = &[
    1, 2, 4, 5, 7, 8, 10, 11, 13, 14, 16, 17, 19, 20, 22, 23, 25, 26, 28, 29, 31, 32, 34, 35, 37,
    38,
];
const COPY_E: &[i64] = &[
    1, 2, 4, 5, 7, 8, 10, 11, 13, 14, 16, 17, 19, 20, 22, 23, 25, 26, 28, 29, 31, 32, 34, 35, 37,
    38,
];
const COPY_F: &[i64] = &[200, 100];
fn floats_churn_expected() -> Vec<V> {
    vec![
        f(9.289905430456125e+17),
        f(6.58261022899671e+17),
        f(5.0),
        f(3.0),
        f(-6.164711239284541e+17),
        f(10.0),
        f(9595693805592588.0),
        f(15.0),
        f(-6.636200124806019e+17),
        f(19.0),
        f(21.0),
        f(23.0),
        f(25.0),
        f(27.0),
        f(29.0),
        f(31.0),
        f(33.0),
        f(2.846700979801416e+17),
        f(-9.933044081851875e+17),
        f(39.0),
        f(41.0),
        f(8.0),
        f(45.0),
        f(47.0),
        f(-8.1594165099936e+17),
        f(42.0),
        f(9.648817245774947e+17),
        f(-8.297367789312022e+17),
        f(-4.645919200248565e+17),
        f(-5.752819875271997e+17),
        f(-2.9569178630487904e+17),
        f(4.114036213974575e+17),
        f(16.0),
        f(-7.825238254262204e+17),
        f(4.815968366450716e+17),
        f(6.937468157481318e+17),
        f(5.506741021552293e+16),
        f(7.317542135217437e+17),
        f(-2.4808830849639258e+17),
        f(6.576552332099181e+17),
        f(-9.333632712850994e+17),
        f(1.1449966019404115e+18),
        f(8.406646335978876e+17),
        f(4.6289758967570445e+17),
        f(1.3682829591372712e+17),
        f(-8.436001504391981e+17),
        f(1.567519766648552e+17),
        f(5.372509953589463e+17),
        f(-8.131309669397164e+17),
        f(-1.3815360617341934e+17),
        f(6.766349201793532e+17),
        f(7.726887011440371e+17),
        f(3.508435819582728e+17),
        f(1.4730798360878355e+17),
        f(-5.061205147745964e+17),
        f(6.358095635861837e+17),
        f(40.0),
        f(8.608494490732077e+17),
        f(8.052685669364315e+17),
        f(2.571998790069373e+17),
        f(2.7506748033501974e+17),
        f(7.001246268808429e+17),
        f(2.518931881844937e+17),
        f(-6.530195274453633e+16),
        f(-1.016544212197663e+18),
        f(7.754522706229783e+17),
        f(8.144434852726234e+17),
        f(-8.176286727337178e+17),
        f(8.54865765437964e+17),
        f(-7.455798696541464e+16),
        f(-1.1119735077450579e+18),
        f(3.2223107777552685e+17),
        f(1.076327216078251e+18),
        f(1.100894981736273e+18),
        f(-8.917865941362797e+17),
        f(1.1149974643594912e+18),
        f(-3.6876414924158637e+17),
        f(-2.614151167378393e+17),
        f(4.4138473097130323e+17),
        f(8.837089650284218e+16),
        f(-1.4474499004296723e+17),
        f(-8.845745413475137e+17),
        f(-9.235220864102877e+16),
        f(-6.61691755465008e+17),
        f(9.98298195992342e+17),
        f(-5.4220818651798374e+17),
        f(-3.043568352289673e+17),
        f(9.479572648063342e+17),
        f(4.296104837846341e+17),
        f(-7.755666594842707e+17),
        f(1.0655008434180515e+18),
        f(-6.199063524127361e+17),
        f(-9.383620831768009e+17),
        f(4.983499037186825e+17),
        f(1.0052008701194495e+18),
        f(3.885681078856664e+17),
        f(2.35812173181338e+17),
        f(-3.3495834266591344e+16),
        f(-8.184069192170742e+17),
        f(-5.3700952429252544e+17),
        f(-2.2778707098449674e+17),
        f(2.1055433060546192e+17),
        f(-7.569345282060646e+17),
        f(7.977821056044579e+17),
        f(6.891224594238152e+17),
        f(-5.524322625673483e+17),
        f(2.823215368424985e+17),
        f(3.589682827813908e+17),
        f(-5.6394777373364384e+17),
        f(4.1180796903577235e+17),
        f(-9.665554105658266e+17),
        f(9.395100173457966e+16),
        f(9.374556283709631e+17),
        f(-1.8165050416253085e+17),
        f(-1.0837801063219538e+18),
        f(-6.39458871590491e+17),
        f(-7.856392161656594e+17),
        f(9.624766087395077e+17),
        f(-6.762984016294956e+17),
    ]
}
const DISPLAYS: &[(&[i64], &[i64])] = &[
    (&[5, 13, 21, 29, 37, 45], &[13, 29, 5, 37, 21, 45]),
    (
        &[8, 16, 0, 24, 32, 40, 48, 56, 64, 72],
        &[32, 0, 64, 40, 8, 72, 16, 48, 24, 56],
    ),
    (
        &[-1, -2, 300, 7, 1099511627776, 99],
        &[1099511627776, 99, -2, 7, 300, -1],
    ),
];
const GROWTH_FULL_5: &[usize] = &[0, 1, 2, 4, 3];
const GROWTH_FULL_19: &[usize] = &[
    15, 13, 9, 5, 6, 3, 7, 17, 12, 0, 16, 2, 10, 18, 11, 14, 1, 4, 8,
];
const GROWTH_FULL_20: &[usize] = &[
    15, 13, 9, 5, 6, 3, 7, 17, 12, 0, 16, 19, 2, 10, 18, 11, 14, 1, 4, 8,
];
const GROWTH_FULL_77: &[usize] = &[
    50, 33, 52, 28, 41, 42, 0, 19, 59, 18, 48, 56, 3, 8, 37, 43, 13, 36, 74, 47, 35, 60, 63, 27,
    72, 17, 53, 73, 10, 29, 44, 11, 23, 64, 15, 24, 69, 16, 2, 71, 46, 26, 62, 34, 75, 1, 70, 4,
    61, 45, 57, 58, 66, 9, 25, 65, 5, 6, 39, 68, 7, 30, 12, 67, 40, 22, 55, 31, 38, 32, 54, 14, 49,
    51, 20, 21, 76,
];
const GROWTH_SUMS: &[(usize, u64)] = &[
    (1, 12638153115695167455),
    (2, 590682968308805178),
    (3, 15657232601398921512),
    (4, 3687438191492134839),
    (5, 3709920254545215781),
    (6, 13151234111808928798),
    (18, 15934431921311604866),
    (19, 8591418315764548638),
    (20, 17082545544270747095),
    (50, 4346183347894529226),
    (77, 7219524578567411763),
    (100, 13295751420541735707),
    (500, 14534944157305209267),
    (1000, 15935852415750759320),
    (5000, 1095520551778171624),
    (10000, 14099586357235361068),
];
const GROWTH_AFTER_DISCARDS: u64 = 13713016988597606146;
const GROWTH_AFTER_READDS: u64 = 12480391929615577478;
// ---- end of generated values ----
