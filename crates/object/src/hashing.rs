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

use crate::int_value::IntValue;

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
