//! # ftl-algorithms: CPython's pure algorithms, exact and interpreter-free
//!
//! The parts of CPython 3.11 that a Python implementation must reproduce
//! character for character (or call for call) but that need no objects, no
//! interpreter and no threads. They are plain functions over Rust values,
//! so they can be tested against `python3` on their own and used by any
//! interpreter; `ftl-vm` wraps them in objects and turns their errors into
//! Python exceptions.
//!
//! * [`int`]: [`IntValue`](int::IntValue), Python's `int` (an `i64` fast path promoted to a
//!   bignum on overflow) with the semantics of its operators (floor
//!   division, modulo, shifts, two's-complement bit operations, exact
//!   int/float comparison), after `Objects/longobject.c`.
//! * [`hash`]: `hash()` for numbers, `str`, `bytes` and tuples exactly as
//!   CPython computes it (modulo `2**61 - 1`, SipHash-1-3, the tuple
//!   hash), so dicts and sets iterate in CPython's order.
//! * [`format`](mod@format): `repr(float)`, the format-spec mini-language, `round`,
//!   `%`-formatting and the parsing of `str.format` templates, after
//!   `Python/pystrtod.c`, `Python/formatter_unicode.c` and
//!   `Objects/unicodeobject.c`.
//! * [`str_methods`]: the `str` (and `repr(bytes)`) algorithms where Rust's
//!   standard library differs, with code-point indices and the Unicode 14.0
//!   property tables CPython 3.11 uses.
//! * [`timsort`]: CPython 3.11's list sort, making the same `<` calls in the
//!   same order as `Objects/listobject.c`.
//! * [`random`]: the MT19937 Mersenne Twister and `Lib/random.py`'s methods
//!   on it, bit for bit.
//!
//! # Where this crate stands
//!
//! At the bottom of the workspace beside `ftl-core`: it depends on nothing
//! of ours. `ftl-object` uses [`int`] and [`hash`] for its `int` payload and its
//! dict and set keys, `ftl-syntax`
//! for integer literals, and `ftl-vm` for everything here. Nothing in this
//! crate is `unsafe` (`#![forbid(unsafe_code)]`).
//!
//! # Example
//!
//! Python's semantics, not Rust's, for an interpreter that is not ours:
//!
//! ```
//! use ftl_algorithms::format::float_repr;
//! use ftl_algorithms::int::IntValue;
//! use ftl_algorithms::random::Random;
//! use ftl_algorithms::str_methods;
//!
//! // -7 // 2 is -4 in Python (floor division), -3 in Rust.
//! let q = IntValue::from(-7).floordiv(&IntValue::from(2)).unwrap();
//! assert_eq!(q, IntValue::from(-4));
//! // 2**100 is an ordinary int.
//! let big = IntValue::from(2).pow(&IntValue::from(100)).unwrap();
//! assert_eq!(big.to_string(), "1267650600228229401496703205376");
//!
//! // repr(0.1 + 0.2) and repr(1e16) as CPython prints them.
//! assert_eq!(float_repr(0.1 + 0.2), "0.30000000000000004");
//! assert_eq!(float_repr(1e16), "1e+16");
//!
//! // ' a b '.split() and 'ß'.upper() (a full case mapping).
//! assert_eq!(str_methods::split(" a b ", None, -1).unwrap(), ["a", "b"]);
//! assert_eq!(str_methods::upper("ß"), "SS");
//!
//! // random.seed(42); random.random() in CPython 3.11.
//! let mut r = Random::new_seeded(&IntValue::from(42));
//! assert_eq!(r.random(), 0.6394267984578837);
//! ```

#![forbid(unsafe_code)]

pub mod format;
pub mod hash;
pub mod int;
pub mod random;
pub mod str_methods;
pub mod timsort;

#[cfg(test)]
mod test_support {
    /// Property-test settings shared by the crate's tests: fewer cases under
    /// Miri, and no failure files written into the source tree.
    pub(crate) fn proptest_config() -> proptest::prelude::ProptestConfig {
        proptest::prelude::ProptestConfig {
            cases: if cfg!(miri) { 4 } else { 256 },
            failure_persistence: None,
            ..Default::default()
        }
    }
}
