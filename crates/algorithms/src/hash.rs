//! CPython-compatible `hash()` for numbers, strings, bytes and tuples.
//!
//! # Numeric hashing
//!
//! Python requires `hash(x) == hash(y)` whenever `x == y`, across numeric
//! types: `hash(1) == hash(1.0) == hash(True)`, and `hash(2**70) ==
//! hash(2.0**70)`. CPython achieves this by defining the hash of every
//! rational number `x` as `x` reduced modulo the Mersenne prime
//! `P = 2**61 - 1` ([`MODULUS`]), with the sign of `x` applied to the
//! reduced magnitude:
//!
//! * ints: `Objects/longobject.c`, `long_hash`, which reduces the 30-bit
//!   digits modulo `P` from the most significant end;
//! * floats: `Python/pyhash.c`, `_Py_HashDouble`, which reduces the exact
//!   binary value `m * 2**e`, using `2**61 == 1 (mod P)` so the power of two
//!   becomes a bit rotation within 61 bits.
//!
//! Special cases:
//!
//! * `-1` is reserved as the C-level error marker, so a hash that comes out
//!   as `-1` is replaced by `-2` (hence `hash(-1) == hash(-2) == -2`);
//! * `hash(inf) == 314159` ([`HASH_INF`]) and `hash(-inf) == -314159`;
//! * since Python 3.10 a NaN hashes by *identity* (`_Py_HashPointer` of the
//!   float object), so distinct NaN objects usually land in different dict
//!   buckets. We have no object addresses here, so the caller passes an
//!   `identity` (an address or any per-object unique number) to [`hash_f64`].
//!
//! # Strings and bytes
//!
//! CPython hashes `str` and `bytes` with SipHash-1-3 (3.11's default,
//! `Py_HASH_ALGORITHM`) keyed by a per-process random secret. We use the same
//! function with a fixed all-zero key, so our hashes are deterministic and
//! equal CPython's when it runs with `PYTHONHASHSEED=0` (which zeroes the
//! secret). The empty string hashes to 0 in both.
//!
//! CPython hashes a `str` through its compact representation (1, 2 or 4 bytes
//! per code point), so for ASCII text `hash(s) == hash(s.encode())`. We hash
//! the UTF-8 bytes of every string, which matches CPython exactly for ASCII
//! strings but not for non-ASCII ones (`hash('é')` differs).
//!
//! # Tuples
//!
//! [`TupleHasher`] reproduces `tuplehash` from `Objects/tupleobject.c`, the
//! xxHash-based combiner used since Python 3.8.
//!
//! All functions assume, like CPython on this machine, a 64-bit `Py_hash_t`.

use num_bigint::{BigInt, Sign};

use crate::int::IntValue;

/// A Python hash value (CPython's `Py_hash_t` on a 64-bit platform).
pub type PyHash = i64;

/// The Mersenne prime `2**61 - 1` that numeric hashes are reduced by
/// (`sys.hash_info.modulus`).
pub const MODULUS: u64 = (1 << 61) - 1;

/// The number of bits in [`MODULUS`] (CPython's `_PyHASH_BITS`).
const MODULUS_BITS: u32 = 61;

/// The hash of `float('inf')` (`sys.hash_info.inf`); `-inf` hashes to its
/// negation.
pub const HASH_INF: i64 = 314159;

/// Replaces the reserved hash `-1` by `-2`, as CPython does everywhere.
fn fix_minus_one(h: i64) -> PyHash {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Applies a sign to a reduced magnitude (`0 <= magnitude < MODULUS`) and
/// fixes `-1`.
fn signed_hash(negative: bool, magnitude: u64) -> PyHash {
    // magnitude < 2**61, so the cast is lossless.
    let h = magnitude as i64;
    fix_minus_one(if negative { -h } else { h })
}

/// `hash(v)` for an int that fits in an `i64`.
pub fn hash_i64(v: i64) -> PyHash {
    signed_hash(v < 0, v.unsigned_abs() % MODULUS)
}

/// `hash(v)` for an arbitrary-precision int: `|v| mod P` with the sign of
/// `v`, the same value CPython's `long_hash` computes.
pub fn hash_bigint(v: &BigInt) -> PyHash {
    let mut acc: u64 = 0;
    // Horner's rule over the 64-bit digits, most significant first.
    for digit in v.magnitude().to_u64_digits().into_iter().rev() {
        let x = ((u128::from(acc) << 64) | u128::from(digit)) % u128::from(MODULUS);
        // x < MODULUS < 2**61.
        acc = x as u64;
    }
    signed_hash(v.sign() == Sign::Minus, acc)
}

/// `hash(v)` for a Python int.
pub fn hash_int(v: &IntValue) -> PyHash {
    match v {
        IntValue::Small(i) => hash_i64(*i),
        IntValue::Big(b) => hash_bigint(b),
    }
}

/// `hash(b)` for a bool: `hash(True) == 1`, `hash(False) == 0`.
pub fn hash_bool(b: bool) -> PyHash {
    i64::from(b)
}

/// `hash(v)` for a float, equal to CPython's `_Py_HashDouble`.
///
/// Integral floats hash like the equal int (`hash(1e20) == hash(10**20)`).
/// `identity` is only used when `v` is NaN: like CPython's `_Py_HashPointer`
/// we rotate it right by 4 bits (object addresses have zero low bits) and map
/// `-1` to `-2`.
pub fn hash_f64(v: f64, identity: usize) -> PyHash {
    if v.is_nan() {
        // Reinterpret the rotated bits as a signed hash, like the C cast.
        return fix_minus_one(identity.rotate_right(4) as u64 as i64);
    }
    if v.is_infinite() {
        return if v > 0.0 { HASH_INF } else { -HASH_INF };
    }
    if v == 0.0 {
        return 0;
    }
    // |v| == mantissa * 2**exponent exactly, with mantissa < 2**53 < P.
    let bits = v.to_bits();
    let negative = bits >> 63 != 0;
    let biased_exp = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    let (mantissa, exponent) = if biased_exp == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), biased_exp - 1075)
    };
    // Multiplying by 2**exponent modulo P: since 2**61 == 1 (mod P), that is
    // a left rotation within 61 bits by exponent mod 61.
    let r = exponent.rem_euclid(MODULUS_BITS as i32) as u32;
    let rotated = if r == 0 {
        mantissa
    } else {
        ((mantissa << r) & MODULUS) | (mantissa >> (MODULUS_BITS - r))
    };
    // mantissa is neither 0 nor P, so the rotation stays below P.
    signed_hash(negative, rotated)
}

/// `hash(b)` for a `bytes` object: SipHash-1-3 with an all-zero key (see the
/// module documentation); the empty value hashes to 0.
pub fn hash_bytes(b: &[u8]) -> PyHash {
    if b.is_empty() {
        return 0;
    }
    fix_minus_one(siphash13(0, 0, b) as i64)
}

/// `hash(s)` for a `str`: [`hash_bytes`] of its UTF-8 encoding. Equal to
/// CPython (with `PYTHONHASHSEED=0`) for ASCII strings; see the module
/// documentation for non-ASCII strings.
pub fn hash_str(s: &str) -> PyHash {
    hash_bytes(s.as_bytes())
}

/// One SipRound on the state `v`.
fn sip_round(v: &mut [u64; 4]) {
    v[0] = v[0].wrapping_add(v[1]);
    v[1] = v[1].rotate_left(13);
    v[1] ^= v[0];
    v[0] = v[0].rotate_left(32);
    v[2] = v[2].wrapping_add(v[3]);
    v[3] = v[3].rotate_left(16);
    v[3] ^= v[2];
    v[0] = v[0].wrapping_add(v[3]);
    v[3] = v[3].rotate_left(21);
    v[3] ^= v[0];
    v[2] = v[2].wrapping_add(v[1]);
    v[1] = v[1].rotate_left(17);
    v[1] ^= v[2];
    v[2] = v[2].rotate_left(32);
}

/// SipHash-1-3 (one compression round, three finalisation rounds) of `data`
/// under the key `(k0, k1)`, following the reference algorithm of Aumasson
/// and Bernstein and CPython's `siphash13` in `Python/pyhash.c`: 8-byte
/// little-endian blocks, then a last block holding the remaining bytes and
/// the length (mod 256) in its top byte.
fn siphash13(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut v = [
        k0 ^ 0x736f_6d65_7073_6575,
        k1 ^ 0x646f_7261_6e64_6f6d,
        k0 ^ 0x6c79_6765_6e65_7261,
        k1 ^ 0x7465_6462_7974_6573,
    ];
    let mut chunks = data.chunks_exact(8);
    for chunk in &mut chunks {
        let mut block = [0u8; 8];
        block.copy_from_slice(chunk);
        let m = u64::from_le_bytes(block);
        v[3] ^= m;
        sip_round(&mut v);
        v[0] ^= m;
    }
    let mut last = [0u8; 8];
    let tail = chunks.remainder();
    last[..tail.len()].copy_from_slice(tail);
    last[7] = data.len() as u8;
    let b = u64::from_le_bytes(last);
    v[3] ^= b;
    sip_round(&mut v);
    v[0] ^= b;
    v[2] ^= 0xff;
    sip_round(&mut v);
    sip_round(&mut v);
    sip_round(&mut v);
    v[0] ^ v[1] ^ v[2] ^ v[3]
}

/// CPython's `_PyHASH_XXPRIME_1` (64-bit).
const XXPRIME_1: u64 = 11400714785074694791;
/// CPython's `_PyHASH_XXPRIME_2` (64-bit).
const XXPRIME_2: u64 = 14029467366897019727;
/// CPython's `_PyHASH_XXPRIME_5` (64-bit).
const XXPRIME_5: u64 = 2870177450012600261;

/// Incremental `hash(tuple)`, equal to CPython 3.8+'s `tuplehash`
/// (`Objects/tupleobject.c`, derived from xxHash).
///
/// Push the hash of every item in order, then call [`TupleHasher::finish`]
/// with the number of items:
///
/// ```text
/// let mut h = TupleHasher::new();
/// h.push(hash_i64(1));
/// h.push(hash_i64(2));
/// assert_eq!(h.finish(2), -3550055125485641917); // hash((1, 2))
/// ```
#[derive(Clone, Debug)]
pub struct TupleHasher {
    /// The xxHash accumulator (`acc` in `tuplehash`).
    acc: u64,
}

impl TupleHasher {
    /// A hasher for a new tuple.
    pub fn new() -> TupleHasher {
        TupleHasher { acc: XXPRIME_5 }
    }

    /// Mixes in the hash of the next item.
    pub fn push(&mut self, item_hash: PyHash) {
        // Reinterpret the signed hash as unsigned, like the C code.
        let lane = item_hash as u64;
        self.acc = self.acc.wrapping_add(lane.wrapping_mul(XXPRIME_2));
        self.acc = self.acc.rotate_left(31);
        self.acc = self.acc.wrapping_mul(XXPRIME_1);
    }

    /// The hash of the tuple; `len` must be the number of items pushed.
    pub fn finish(&self, len: usize) -> PyHash {
        // The length is mixed in so that hash(()) keeps its historical value.
        let acc = self.acc.wrapping_add((len as u64) ^ (XXPRIME_5 ^ 3527539));
        if acc == u64::MAX {
            return 1546275796;
        }
        acc as i64
    }
}

impl Default for TupleHasher {
    fn default() -> TupleHasher {
        TupleHasher::new()
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    //! Expected values were produced by CPython 3.11.7 on this (64-bit)
    //! machine; string and bytes values with `PYTHONHASHSEED=0`.

    use super::*;
    use num_traits::{Signed, ToPrimitive};
    use proptest::prelude::*;

    /// Parses a decimal literal (test helper).
    fn int(text: &str) -> IntValue {
        match IntValue::parse(text, 10) {
            Ok(v) => v,
            Err(e) => panic!("bad test literal {text:?}: {e}"),
        }
    }

    /// `hash(float)` for non-NaN values.
    fn hf(v: f64) -> PyHash {
        hash_f64(v, 0)
    }

    #[test]
    fn int_hashes_match_cpython() {
        let cases: [(&str, PyHash); 22] = [
            ("0", 0),
            ("1", 1),
            ("-1", -2),
            ("-2", -2),
            ("2305843009213693951", 0),   // 2**61 - 1
            ("2305843009213693952", 1),   // 2**61
            ("-2305843009213693952", -2), // -(2**61)
            ("9223372036854775808", 4),   // 2**63
            ("-9223372036854775809", -5), // -2**63 - 1
            ("1000000000000000000000000000000", 465258685558744706), // 10**30
            ("-1000000000000000000000000000000", -465258685558744706),
            ("9223372036854775807", 3),                   // 2**63 - 1
            ("-9223372036854775808", -4),                 // -2**63
            ("1180591620717411303424", 512),              // 2**70
            ("2305843009213693950", 2305843009213693950), // 2**61 - 2
            ("-2305843009213693951", 0),                  // -(2**61 - 1)
            ("4611686018427387904", 2),                   // 2**62
            ("-4611686018427387904", -2),                 // -(2**62)
            (
                "515377520732011331036461129765621272702107522001",
                1175369268131054105,
            ), // 3**100
            (
                "-515377520732011331036461129765621272702107522001",
                -1175369268131054105,
            ),
            ("18446744073709551616", 8), // 2**64
            ("18446744073709551615", 7), // 2**64 - 1
        ];
        for (text, expected) in cases {
            let v = int(text);
            assert_eq!(hash_int(&v), expected, "hash({text})");
            assert_eq!(hash_bigint(&v.to_bigint()), expected, "hash_bigint({text})");
            if let Some(small) = v.as_i64() {
                assert_eq!(hash_i64(small), expected, "hash_i64({text})");
            }
        }
        assert_eq!(hash_bool(true), 1);
        assert_eq!(hash_bool(false), 0);
    }

    #[test]
    fn float_hashes_match_cpython() {
        let cases: [(f64, PyHash); 20] = [
            (1.0, 1),
            (1.5, 1152921504606846977),
            (-0.5, -1152921504606846976),
            (1e20, 848750603811160107),
            (1e300, 1224995262755759164),
            (f64::INFINITY, 314159),
            (f64::NEG_INFINITY, -314159),
            (0.0, 0),
            (-0.0, 0),
            (-1.0, -2),
            (1.1805916207174113e21, 512), // 2.0**70
            (0.1, 230584300921369408),
            (-1e-300, -482449582752280463),
            (5e-324, 16777216),
            (1.7976931348623157e308, 2234066890152476671),
            (2.305843009213694e18, 1), // 2.0**61
            (-2.5, -1152921504606846978),
            (123.456, 1051464412201451643),
            (9.223372036854776e18, 4),   // 2.0**63
            (-9.223372036854776e18, -4), // -(2.0**63)
        ];
        for (v, expected) in cases {
            assert_eq!(hf(v), expected, "hash({v:e})");
        }
        assert_eq!(HASH_INF, 314159);
        assert_eq!(MODULUS, 2305843009213693951);
    }

    #[test]
    fn integral_floats_hash_like_ints() {
        for v in [
            0.0,
            1.0,
            -1.0,
            1e20,
            -1e20,
            f64::from_bits((1023 + 70) << 52),
            f64::from_bits((1023 + 61) << 52),
            f64::from_bits((1023 + 63) << 52),
            -(f64::from_bits((1023 + 63) << 52)),
            1e300,
            1.7976931348623157e308,
        ] {
            let as_int = IntValue::from_f64_trunc(v);
            assert_eq!(as_int.as_ref().map(hash_int), Ok(hf(v)), "hash({v:e})");
        }
        assert_eq!(hf(1.0), hash_bool(true));
        assert_eq!(hf(0.0), hash_bool(false));
    }

    #[test]
    fn nan_hashes_by_identity() {
        // _Py_HashPointer: rotate right by 4 bits.
        assert_eq!(hash_f64(f64::NAN, 0x1230), 0x123);
        assert_eq!(hash_f64(-f64::NAN, 0x1230), 0x123);
        assert_eq!(hash_f64(f64::NAN, 0x7), 0x7000_0000_0000_0000_u64 as i64);
        // All-ones would be -1, which is reserved.
        assert_eq!(hash_f64(f64::NAN, usize::MAX), -2);
    }

    #[test]
    fn tuple_hashes_match_cpython() {
        fn tuple(items: &[PyHash]) -> PyHash {
            let mut h = TupleHasher::new();
            for &item in items {
                h.push(item);
            }
            h.finish(items.len())
        }
        let empty = tuple(&[]);
        assert_eq!(empty, 5740354900026072187); // ()
        assert_eq!(tuple(&[hash_i64(1)]), -6644214454873602895); // (1,)
        assert_eq!(tuple(&[hash_i64(1), hash_i64(2)]), -3550055125485641917); // (1, 2)
        let inner = tuple(&[hash_i64(2), hash_i64(3)]);
        assert_eq!(tuple(&[hash_i64(1), inner]), 7267574591690527098); // (1, (2, 3))
        assert_eq!(tuple(&[hf(1.0), hash_bool(true)]), 8389048192121911274); // (1.0, True)
        assert_eq!(tuple(&[hash_i64(0)]), -8753497827991233192); // (0,)
        assert_eq!(tuple(&[hash_str("")]), -8753497827991233192); // ('',)
        assert_eq!(tuple(&[hash_i64(-1)]), 8078679518589016365); // (-1,)
        assert_eq!(tuple(&[empty]), -5486347211504344842); // ((),)
        let one_two_three = [hash_i64(1), hash_i64(2), hash_i64(3)];
        assert_eq!(tuple(&one_two_three), 529344067295497451); // (1, 2, 3)
        let two_61 = int("2305843009213693952");
        assert_eq!(tuple(&[hash_int(&two_61)]), -6644214454873602895); // (2**61,)
        assert_eq!(tuple(&[hash_i64(-1), hash_i64(-1)]), 960947337673586213); // (-1, -1)
                                                                              // ("a", 1) under PYTHONHASHSEED=0.
        assert_eq!(tuple(&[hash_str("a"), hash_i64(1)]), 6955645834154447545);
        // An item hash crafted so that the accumulator ends at -1; checked
        // with a class whose __hash__ returns it.
        assert_eq!(tuple(&[-8496733470247235670]), 1546275796);
        assert_eq!(TupleHasher::default().finish(0), empty);
    }

    #[test]
    fn str_and_bytes_hashes_match_cpython_with_zero_seed() {
        let cases: [(&str, PyHash); 8] = [
            ("", 0),
            ("a", 4644417185603328019),
            ("abc", -4594863902769663758),
            ("hello", -2096571579003691106),
            ("hello world!", 839851713330019024),
            ("abcdefg", 7904145750247929094),
            ("abcdefgh", 4574395652268504554),
            (
                "The quick brown fox jumps over the lazy dog",
                -8217249817990249186,
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(hash_str(text), expected, "hash({text:?})");
            assert_eq!(hash_bytes(text.as_bytes()), expected, "hash(b{text:?})");
        }
        // Non-ASCII: we hash UTF-8, i.e. CPython's hash(s.encode()).
        assert_eq!(hash_str("\u{e9}"), -1266968099349302080);
        assert_eq!(hash_str("\u{20ac}"), -5996988088697296045);
        assert_eq!(hash_str("\u{1F600}"), 7564481540052349486);
        assert_eq!(hash_bytes(b""), 0);
    }

    proptest! {
        #![proptest_config(crate::test_support::proptest_config())]

        #[test]
        fn equal_numbers_hash_equal(a in any::<i64>(), shift in 0usize..200) {
            let v = IntValue::from_bigint(num_bigint::BigInt::from(a) << shift);
            // Reference: |v| mod P with the sign of v.
            let reduced = num_bigint::BigInt::from(a).abs() << shift;
            let r = (reduced % MODULUS).to_i64().unwrap_or(-1);
            let expected = if a < 0 { -r } else { r };
            let expected = if expected == -1 { -2 } else { expected };
            prop_assert_eq!(hash_int(&v), expected);
            // Ints that are exact floats hash like those floats.
            if let Ok(f) = v.to_f64() {
                if IntValue::from_f64_trunc(f) == Ok(v.clone()) {
                    prop_assert_eq!(hf(f), hash_int(&v));
                }
            }
        }

        #[test]
        fn integral_f64_hash_like_their_int(f in any::<f64>()) {
            if f.is_finite() {
                let t = f.trunc();
                let as_int = IntValue::from_f64_trunc(t);
                prop_assert_eq!(as_int.as_ref().map(hash_int), Ok(hf(t)));
            }
        }
    }
}
