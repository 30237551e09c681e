//! Python `int` values: an `i64` fast path with transparent promotion to a
//! bignum.
//!
//! Python's `int` has arbitrary precision: `2**100` is an ordinary `int` and
//! there is no overflow. CPython stores *every* `int` as a bignum (an array of
//! 30-bit "digits" in `Objects/longobject.c`), with a few fast paths for values
//! that fit in one digit.
//!
//! We keep the common case cheap instead: [`IntValue::Small`] holds an `i64`,
//! and every operation first tries checked `i64` arithmetic. Only when that
//! overflows do we redo the operation with [`num_bigint::BigInt`] and produce
//! [`IntValue::Big`].
//!
//! # Invariant: results are normalised
//!
//! Every function in this module *normalises* its result back to `Small`
//! whenever the value fits in an `i64`. So `Big` never holds a value in
//! `i64::MIN..=i64::MAX`, every integer has exactly one representation, and
//! the derived `PartialEq`/`Eq`/`Hash` can compare variants structurally
//! (a `Small` is never equal to a `Big`). Code outside this module should
//! build values through [`IntValue::from_i64`], `From<i64>`, `From<BigInt>` or
//! [`IntValue::from_bigint`], never by writing `IntValue::Big(..)` directly
//! with an arbitrary `BigInt`.
//!
//! # What is Python's business and what is the caller's
//!
//! The arithmetic methods implement the semantics of the `int` operators
//! (floor division, modulo with the sign of the divisor, arithmetic shifts,
//! two's-complement bitwise operators on negative numbers, exact int/float
//! comparison). Things that need other object types are left to the caller:
//! `int ** negative` (which produces a `float` in Python) is reported as
//! [`IntError::NegativeExponent`], and `int / int` (true division) is not
//! provided here.
//!
//! # Size limit
//!
//! CPython raises `MemoryError` for results such as `1 << 2**62`. We refuse
//! results of more than [`MAX_BIT_LENGTH`] bits up front (for `<<` and `**`)
//! with [`IntError::Overflow`], instead of trying to allocate them.
//!
//! CPython 3.11 also limits decimal `int <-> str` conversions to 4300 digits
//! (`sys.set_int_max_str_digits`); that limit is *not* implemented here.

use std::cmp::Ordering;
use std::fmt;

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Pow, Signed, ToPrimitive, Zero};

/// The largest result, in bits, that `<<` and `**` are willing to build
/// (2**32 bits, i.e. a 512 MiB bignum). Larger results give
/// [`IntError::Overflow`] with CPython's "too many digits in integer" message
/// (CPython itself would run out of memory).
pub const MAX_BIT_LENGTH: u64 = 1 << 32;

/// Message used when a result would exceed [`MAX_BIT_LENGTH`] bits.
const TOO_MANY_DIGITS: &str = "too many digits in integer";

/// A Python `int`.
///
/// Invariant: `Big` never holds a value that fits in an `i64` (see the module
/// documentation), so the derived equality and hashing are numeric.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum IntValue {
    /// A value in `i64::MIN..=i64::MAX`.
    Small(i64),
    /// A value outside the `i64` range.
    Big(BigInt),
}

/// Why an `int` operation failed; each variant maps to a Python exception
/// (see [`IntError::exception_name`]).
#[derive(Debug, Clone, PartialEq)]
pub enum IntError {
    /// `ZeroDivisionError` with the given message.
    ZeroDivision(&'static str),
    /// `OverflowError` with the given message.
    Overflow(&'static str),
    /// `ValueError` with the given message.
    ValueError(String),
    /// `int ** negative int` without a modulus: in Python the result is a
    /// `float`, which is the caller's business.
    NegativeExponent,
}

impl IntError {
    /// The name of the Python exception class this error corresponds to.
    ///
    /// [`IntError::NegativeExponent`] is reported as `ValueError`; callers are
    /// expected to handle it (by falling back to float power) before it ever
    /// reaches Python code.
    pub fn exception_name(&self) -> &'static str {
        match self {
            IntError::ZeroDivision(_) => "ZeroDivisionError",
            IntError::Overflow(_) => "OverflowError",
            IntError::ValueError(_) | IntError::NegativeExponent => "ValueError",
        }
    }
}

impl fmt::Display for IntError {
    /// Formats the exception message (without the class name), as
    /// `str(exc)` would show it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IntError::ZeroDivision(msg) | IntError::Overflow(msg) => f.write_str(msg),
            IntError::ValueError(msg) => f.write_str(msg),
            IntError::NegativeExponent => f.write_str("negative exponent in integer power"),
        }
    }
}

impl std::error::Error for IntError {}

impl From<i64> for IntValue {
    /// Wraps an `i64` (always `Small`).
    fn from(v: i64) -> IntValue {
        IntValue::Small(v)
    }
}

impl From<BigInt> for IntValue {
    /// Converts a `BigInt`, normalising to `Small` when the value fits.
    fn from(v: BigInt) -> IntValue {
        IntValue::from_bigint(v)
    }
}

/// `2**63` as an `IntValue` (the result of `-i64::MIN` and friends).
fn two_pow_63() -> IntValue {
    IntValue::Big(BigInt::from(1u64 << 63))
}

/// Decomposes a finite, non-zero `f64` into `(negative, mantissa, exponent)`
/// with `|v| == mantissa * 2**exponent` exactly.
fn decompose_f64(v: f64) -> (bool, u64, i32) {
    let bits = v.to_bits();
    let negative = bits >> 63 != 0;
    let biased_exp = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    if biased_exp == 0 {
        // Subnormal: no implicit leading bit.
        (negative, fraction, -1074)
    } else {
        (negative, fraction | (1u64 << 52), biased_exp - 1075)
    }
}

impl IntValue {
    /// Wraps an `i64` (always `Small`).
    pub fn from_i64(v: i64) -> IntValue {
        IntValue::Small(v)
    }

    /// Converts a `BigInt`, normalising to `Small` when the value fits in an
    /// `i64`. This is the only way results leave the bignum slow path.
    pub fn from_bigint(v: BigInt) -> IntValue {
        match v.to_i64() {
            Some(small) => IntValue::Small(small),
            None => IntValue::Big(v),
        }
    }

    /// Converts an `i128` (used for intermediate results of `i64` operations).
    fn from_i128(v: i128) -> IntValue {
        match i64::try_from(v) {
            Ok(small) => IntValue::Small(small),
            Err(_) => IntValue::Big(BigInt::from(v)),
        }
    }

    /// Python's `int(x)` for a float `x`: truncates toward zero, exactly.
    ///
    /// NaN gives `ValueError("cannot convert float NaN to integer")` and
    /// ±infinity gives `OverflowError("cannot convert float infinity to
    /// integer")`, as in CPython.
    pub fn from_f64_trunc(f: f64) -> Result<IntValue, IntError> {
        if f.is_nan() {
            return Err(IntError::ValueError(
                "cannot convert float NaN to integer".to_string(),
            ));
        }
        if f.is_infinite() {
            return Err(IntError::Overflow(
                "cannot convert float infinity to integer",
            ));
        }
        let t = f.trunc();
        // -2**63 <= t < 2**63: the cast is exact.
        if (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&t) {
            return Ok(IntValue::Small(t as i64));
        }
        // |t| >= 2**63, so the exponent is large and positive: t is an integer
        // and `mantissa << exponent` is exact.
        let (negative, mantissa, exponent) = decompose_f64(t);
        let mut big = BigInt::from(mantissa);
        if exponent >= 0 {
            big <<= exponent as usize;
        } else {
            big >>= (-exponent) as usize;
        }
        if negative {
            big = -big;
        }
        Ok(IntValue::from_bigint(big))
    }

    /// Python's `int(s, base)` for a `str` argument.
    ///
    /// Follows CPython 3.11 (`PyLong_FromUnicodeObject` and
    /// `PyLong_FromString`): surrounding whitespace is allowed (ASCII
    /// whitespace plus Unicode whitespace characters), then an optional sign,
    /// then for bases 2, 8 and 16 an optional `0b`/`0o`/`0x` prefix, then
    /// digits with single underscores allowed between them (and one directly
    /// after a prefix). Base 0 auto-detects the prefix and otherwise means
    /// base 10, where a leading zero is only allowed if the whole value is
    /// zero (`int('017', 0)` is an error). Unicode decimal digits (category
    /// Nd, e.g. Arabic-Indic `'١٢٣'`) are accepted like in CPython.
    ///
    /// Errors are `ValueError` with CPython's exact message, e.g.
    /// `invalid literal for int() with base 10: 'abc'` (the repr of the
    /// argument is truncated to 200 characters, as CPython's `%.200R` does),
    /// or `int() base must be >= 2 and <= 36, or 0` for a bad base.
    pub fn parse(s: &str, base: u32) -> Result<IntValue, IntError> {
        if base == 1 || base > 36 {
            return Err(IntError::ValueError(
                "int() base must be >= 2 and <= 36, or 0".to_string(),
            ));
        }
        match parse_ascii(&to_ascii_for_int(s), base) {
            Some(value) => Ok(value),
            None => {
                let repr: String = py_str_repr(s).chars().take(200).collect();
                Err(IntError::ValueError(format!(
                    "invalid literal for int() with base {base}: {repr}"
                )))
            }
        }
    }

    /// The value as an `i64`, or `None` if it does not fit (i.e. it is `Big`).
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            IntValue::Small(v) => Some(*v),
            IntValue::Big(_) => None,
        }
    }

    /// The value as a `BigInt` (allocates for `Small` values).
    pub fn to_bigint(&self) -> BigInt {
        match self {
            IntValue::Small(v) => BigInt::from(*v),
            IntValue::Big(b) => b.clone(),
        }
    }

    /// Whether the value is zero.
    pub fn is_zero(&self) -> bool {
        // A `Big` is never zero (zero fits in an i64).
        matches!(self, IntValue::Small(0))
    }

    /// Whether the value is negative (`< 0`).
    pub fn is_negative(&self) -> bool {
        match self {
            IntValue::Small(v) => *v < 0,
            IntValue::Big(b) => b.sign() == Sign::Minus,
        }
    }

    /// Python's `int.bit_length()`: the number of bits needed to represent
    /// `abs(self)`, without sign and leading zeros (`0` for zero).
    pub fn bit_length(&self) -> u64 {
        match self {
            IntValue::Small(v) => u64::from(64 - v.unsigned_abs().leading_zeros()),
            IntValue::Big(b) => b.bits(),
        }
    }

    /// Python's `float(self)`: the nearest `f64`, rounding half to even,
    /// like CPython's `PyLong_AsDouble`.
    ///
    /// Values that round to a magnitude of `2**1024` or more give
    /// `OverflowError("int too large to convert to float")`.
    pub fn to_f64(&self) -> Result<f64, IntError> {
        const TOO_LARGE: IntError = IntError::Overflow("int too large to convert to float");
        let big = match self {
            // Rust's integer-to-float `as` rounds to nearest, ties to even.
            IntValue::Small(v) => return Ok(*v as f64),
            IntValue::Big(b) => b,
        };
        let bits = big.bits();
        if bits > 1024 {
            return Err(TOO_LARGE);
        }
        // Keep the top 64 bits and fold every discarded bit into a "sticky"
        // lowest bit; the u64 -> f64 conversion (which drops 11 bits) then
        // rounds exactly as rounding the full value would.
        let magnitude = big.magnitude();
        let shift = bits.saturating_sub(64);
        let top = (magnitude >> shift).to_u64().unwrap_or(u64::MAX);
        let sticky = match magnitude.trailing_zeros() {
            Some(tz) => tz < shift,
            None => false,
        };
        let top = if sticky { top | 1 } else { top };
        // shift <= 960, so 2**shift is a normal f64 and the product is exact
        // except for overflow to infinity.
        let scale = f64::from_bits((1023 + shift) << 52);
        let result = top as f64 * scale;
        if result.is_infinite() {
            return Err(TOO_LARGE);
        }
        Ok(if big.sign() == Sign::Minus {
            -result
        } else {
            result
        })
    }

    /// `self + other`.
    pub fn add(&self, other: &IntValue) -> IntValue {
        if let (IntValue::Small(a), IntValue::Small(b)) = (self, other) {
            return IntValue::from_i128(i128::from(*a) + i128::from(*b));
        }
        IntValue::from_bigint(self.to_bigint() + other.to_bigint())
    }

    /// `self - other`.
    pub fn sub(&self, other: &IntValue) -> IntValue {
        if let (IntValue::Small(a), IntValue::Small(b)) = (self, other) {
            return IntValue::from_i128(i128::from(*a) - i128::from(*b));
        }
        IntValue::from_bigint(self.to_bigint() - other.to_bigint())
    }

    /// `self * other`.
    pub fn mul(&self, other: &IntValue) -> IntValue {
        if let (IntValue::Small(a), IntValue::Small(b)) = (self, other) {
            // The product of two i64 always fits in an i128.
            return IntValue::from_i128(i128::from(*a) * i128::from(*b));
        }
        IntValue::from_bigint(self.to_bigint() * other.to_bigint())
    }

    /// `-self` (`-i64::MIN` is promoted to `Big`).
    pub fn neg(&self) -> IntValue {
        match self {
            IntValue::Small(v) => match v.checked_neg() {
                Some(n) => IntValue::Small(n),
                None => two_pow_63(),
            },
            IntValue::Big(b) => IntValue::from_bigint(-b),
        }
    }

    /// `abs(self)` (`abs(i64::MIN)` is promoted to `Big`).
    pub fn abs(&self) -> IntValue {
        match self {
            IntValue::Small(v) => match v.checked_abs() {
                Some(n) => IntValue::Small(n),
                None => two_pow_63(),
            },
            IntValue::Big(b) => IntValue::from_bigint(b.abs()),
        }
    }

    /// `self // other`: division rounding toward negative infinity.
    ///
    /// Division by zero gives
    /// `ZeroDivisionError("integer division or modulo by zero")`.
    /// `i64::MIN // -1` is promoted to `Big` (`2**63`).
    pub fn floordiv(&self, other: &IntValue) -> Result<IntValue, IntError> {
        if other.is_zero() {
            return Err(IntError::ZeroDivision("integer division or modulo by zero"));
        }
        if let (IntValue::Small(a), IntValue::Small(b)) = (self, other) {
            return Ok(small_floordiv(*a, *b));
        }
        Ok(IntValue::from_bigint(
            self.to_bigint().div_floor(&other.to_bigint()),
        ))
    }

    /// `self % other`: the remainder has the sign of `other` (or is zero).
    ///
    /// Modulo by zero gives `ZeroDivisionError("integer modulo by zero")`
    /// (CPython 3.11's message for `%`).
    pub fn modulo(&self, other: &IntValue) -> Result<IntValue, IntError> {
        if other.is_zero() {
            return Err(IntError::ZeroDivision("integer modulo by zero"));
        }
        if let (IntValue::Small(a), IntValue::Small(b)) = (self, other) {
            return Ok(IntValue::Small(small_mod(*a, *b)));
        }
        Ok(IntValue::from_bigint(
            self.to_bigint().mod_floor(&other.to_bigint()),
        ))
    }

    /// `divmod(self, other)`: `(self // other, self % other)`.
    ///
    /// Division by zero gives
    /// `ZeroDivisionError("integer division or modulo by zero")`.
    pub fn divmod(&self, other: &IntValue) -> Result<(IntValue, IntValue), IntError> {
        if other.is_zero() {
            return Err(IntError::ZeroDivision("integer division or modulo by zero"));
        }
        if let (IntValue::Small(a), IntValue::Small(b)) = (self, other) {
            return Ok((small_floordiv(*a, *b), IntValue::Small(small_mod(*a, *b))));
        }
        let (q, r) = self.to_bigint().div_mod_floor(&other.to_bigint());
        Ok((IntValue::from_bigint(q), IntValue::from_bigint(r)))
    }

    /// `self ** exp` for a non-negative `exp`.
    ///
    /// A negative exponent gives [`IntError::NegativeExponent`] (Python
    /// returns a `float` there; that is the caller's business). A result of
    /// more than [`MAX_BIT_LENGTH`] bits gives `OverflowError("too many digits
    /// in integer")`. `0 ** 0 == 1`.
    pub fn pow(&self, exp: &IntValue) -> Result<IntValue, IntError> {
        if exp.is_negative() {
            return Err(IntError::NegativeExponent);
        }
        // Bases whose powers never grow: 0, 1 and -1.
        match self {
            IntValue::Small(0) => {
                return Ok(IntValue::Small(if exp.is_zero() { 1 } else { 0 }));
            }
            IntValue::Small(1) => return Ok(IntValue::Small(1)),
            IntValue::Small(-1) => {
                let odd = match exp {
                    IntValue::Small(e) => e % 2 != 0,
                    IntValue::Big(e) => e.is_odd(),
                };
                return Ok(IntValue::Small(if odd { -1 } else { 1 }));
            }
            _ => {}
        }
        // |base| >= 2 from here on, so the result has at least `exp` bits.
        let e = match exp.as_i64() {
            Some(e) if (e as u64).saturating_mul(self.bit_length()) <= MAX_BIT_LENGTH => e as u64,
            _ => return Err(IntError::Overflow(TOO_MANY_DIGITS)),
        };
        if let IntValue::Small(base) = self {
            if let Ok(e32) = u32::try_from(e) {
                if let Some(r) = base.checked_pow(e32) {
                    return Ok(IntValue::Small(r));
                }
            }
        }
        Ok(IntValue::from_bigint(Pow::pow(self.to_bigint(), e)))
    }

    /// Three-argument `pow(self, exp, m)`: `self ** exp % m`, computed
    /// without building the full power. The result has the sign of `m`
    /// (like `%`).
    ///
    /// `m == 0` gives `ValueError("pow() 3rd argument cannot be 0")`. As in
    /// Python 3.8+, a negative `exp` means a power of the modular inverse of
    /// `self`; if there is none, the error is `ValueError("base is not
    /// invertible for the given modulus")`. A modulus of ±1 always gives 0.
    pub fn pow_mod(&self, exp: &IntValue, m: &IntValue) -> Result<IntValue, IntError> {
        if m.is_zero() {
            return Err(IntError::ValueError(
                "pow() 3rd argument cannot be 0".to_string(),
            ));
        }
        let m_negative = m.is_negative();
        let modulus = m.to_bigint().abs();
        if modulus.is_one() {
            return Ok(IntValue::Small(0));
        }
        let mut base = self.to_bigint().mod_floor(&modulus);
        let mut e = exp.to_bigint();
        if e.sign() == Sign::Minus {
            base = mod_inverse(&base, &modulus).ok_or_else(|| {
                IntError::ValueError("base is not invertible for the given modulus".to_string())
            })?;
            e = -e;
        }
        // Here 0 <= base < modulus, e >= 0 and modulus >= 2.
        let r = match (base.to_u64(), e.to_u64(), modulus.to_u64()) {
            (Some(b), Some(e), Some(n)) => BigInt::from(small_pow_mod(b, e, n)),
            _ => base.modpow(&e, &modulus),
        };
        // r is in [0, |m|); move it into (m, 0] for a negative modulus.
        let r = if m_negative && !r.is_zero() {
            r - modulus
        } else {
            r
        };
        Ok(IntValue::from_bigint(r))
    }

    /// `self << count`.
    ///
    /// A negative count gives `ValueError("negative shift count")`; a result
    /// of more than [`MAX_BIT_LENGTH`] bits gives `OverflowError("too many
    /// digits in integer")`. Shifting zero always gives zero.
    pub fn lshift(&self, count: &IntValue) -> Result<IntValue, IntError> {
        if count.is_negative() {
            return Err(IntError::ValueError("negative shift count".to_string()));
        }
        if self.is_zero() {
            return Ok(IntValue::Small(0));
        }
        let n = match count.as_i64() {
            Some(n) if self.bit_length().saturating_add(n as u64) <= MAX_BIT_LENGTH => n as u64,
            _ => return Err(IntError::Overflow(TOO_MANY_DIGITS)),
        };
        if let IntValue::Small(v) = self {
            if n < 64 {
                // |v| < 2**63 and n <= 63: fits in an i128.
                return Ok(IntValue::from_i128(i128::from(*v) << n));
            }
        }
        let n = usize::try_from(n).map_err(|_| IntError::Overflow(TOO_MANY_DIGITS))?;
        Ok(IntValue::from_bigint(self.to_bigint() << n))
    }

    /// `self >> count`: arithmetic shift, rounding toward negative infinity
    /// (so `-1 >> n == -1`).
    ///
    /// A negative count gives `ValueError("negative shift count")`.
    pub fn rshift(&self, count: &IntValue) -> Result<IntValue, IntError> {
        if count.is_negative() {
            return Err(IntError::ValueError("negative shift count".to_string()));
        }
        let all_shifted_out = if self.is_negative() { -1 } else { 0 };
        let n = match count.as_i64() {
            Some(n) if (n as u64) < self.bit_length() => n as u64,
            // Every bit is shifted out: only the sign remains.
            _ => return Ok(IntValue::Small(all_shifted_out)),
        };
        match self {
            // bit_length <= 64, so n <= 63 here.
            IntValue::Small(v) => Ok(IntValue::Small(v >> n)),
            IntValue::Big(b) => {
                let n = usize::try_from(n).map_err(|_| IntError::Overflow(TOO_MANY_DIGITS))?;
                Ok(IntValue::from_bigint(b >> n))
            }
        }
    }

    /// `self & other` (two's complement semantics for negative values).
    pub fn bitand(&self, other: &IntValue) -> IntValue {
        if let (IntValue::Small(a), IntValue::Small(b)) = (self, other) {
            return IntValue::Small(a & b);
        }
        IntValue::from_bigint(self.to_bigint() & other.to_bigint())
    }

    /// `self | other` (two's complement semantics for negative values).
    pub fn bitor(&self, other: &IntValue) -> IntValue {
        if let (IntValue::Small(a), IntValue::Small(b)) = (self, other) {
            return IntValue::Small(a | b);
        }
        IntValue::from_bigint(self.to_bigint() | other.to_bigint())
    }

    /// `self ^ other` (two's complement semantics for negative values).
    pub fn bitxor(&self, other: &IntValue) -> IntValue {
        if let (IntValue::Small(a), IntValue::Small(b)) = (self, other) {
            return IntValue::Small(a ^ b);
        }
        IntValue::from_bigint(self.to_bigint() ^ other.to_bigint())
    }

    /// `~self`, i.e. `-self - 1`.
    pub fn invert(&self) -> IntValue {
        match self {
            IntValue::Small(v) => IntValue::Small(!v),
            IntValue::Big(b) => IntValue::from_bigint(-b - 1),
        }
    }

    /// Exact comparison of this int with a float, as CPython's
    /// `float_richcompare` does it: no rounding of the int to a float, so
    /// `2**53 + 1 > float(2**53)` and `10**400 > 1e308`.
    ///
    /// Returns the ordering of `self` relative to `f`, or `None` if `f` is
    /// NaN (every comparison with NaN is false, `!=` is true). Infinities
    /// compare greater/less than every int.
    pub fn cmp_with_f64(&self, f: f64) -> Option<Ordering> {
        if f.is_nan() {
            return None;
        }
        if f == f64::INFINITY {
            return Some(Ordering::Less);
        }
        if f == f64::NEG_INFINITY {
            return Some(Ordering::Greater);
        }
        let t = f.trunc();
        // Compare with the integer part first; on a tie the fractional part
        // decides (self is an integer, so self == t < f when f > t).
        let ord = match self {
            IntValue::Small(v) => {
                if t >= 9_223_372_036_854_775_808.0 {
                    Ordering::Less
                } else if t < -9_223_372_036_854_775_808.0 {
                    Ordering::Greater
                } else {
                    v.cmp(&(t as i64))
                }
            }
            IntValue::Big(b) => match IntValue::from_f64_trunc(t) {
                Ok(IntValue::Big(tb)) => b.cmp(&tb),
                // t fits in an i64, so the sign of the Big decides.
                Ok(IntValue::Small(_)) | Err(_) => b.sign().cmp(&Sign::NoSign),
            },
        };
        Some(match ord {
            Ordering::Equal => {
                if f > t {
                    Ordering::Less
                } else if f < t {
                    Ordering::Greater
                } else {
                    Ordering::Equal
                }
            }
            other => other,
        })
    }

    /// The digits of the value in the given radix (2 to 36), lowercase, with a
    /// leading `-` for negative values and no prefix: `to_str_radix(16)` of
    /// 255 is `"ff"` (Python's `hex()` adds the `0x`).
    ///
    /// # Panics
    ///
    /// Panics if `radix` is not in `2..=36`.
    pub fn to_str_radix(&self, radix: u32) -> String {
        assert!(
            (2..=36).contains(&radix),
            "to_str_radix: radix must be in 2..=36"
        );
        self.to_bigint().to_str_radix(radix)
    }
}

/// Floor division of two `i64` with a non-zero divisor.
fn small_floordiv(a: i64, b: i64) -> IntValue {
    if a == i64::MIN && b == -1 {
        return two_pow_63();
    }
    let q = a / b;
    if a % b != 0 && ((a < 0) != (b < 0)) {
        IntValue::Small(q - 1)
    } else {
        IntValue::Small(q)
    }
}

/// Floor modulo of two `i64` with a non-zero divisor (sign of the divisor).
fn small_mod(a: i64, b: i64) -> i64 {
    if b == -1 {
        // Avoids the i64::MIN % -1 overflow; anything mod ±1 is 0.
        return 0;
    }
    let r = a % b;
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

/// `base ** exp % n` for `0 <= base < n` and `n >= 2`, using `u128`
/// intermediates.
fn small_pow_mod(base: u64, mut exp: u64, n: u64) -> u64 {
    let n128 = u128::from(n);
    let mut base = u128::from(base);
    let mut result: u128 = 1;
    while exp > 0 {
        if exp & 1 == 1 {
            result = result * base % n128;
        }
        base = base * base % n128;
        exp >>= 1;
    }
    // result < n <= u64::MAX.
    result as u64
}

/// The inverse of `a` modulo `n` (`n >= 2`, `0 <= a < n`), in `[0, n)`, or
/// `None` if `gcd(a, n) != 1`.
fn mod_inverse(a: &BigInt, n: &BigInt) -> Option<BigInt> {
    let egcd = a.extended_gcd(n);
    if egcd.gcd.is_one() {
        Some(egcd.x.mod_floor(n))
    } else {
        None
    }
}

impl PartialOrd for IntValue {
    fn partial_cmp(&self, other: &IntValue) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for IntValue {
    /// Numeric order.
    fn cmp(&self, other: &IntValue) -> Ordering {
        match (self, other) {
            (IntValue::Small(a), IntValue::Small(b)) => a.cmp(b),
            (IntValue::Big(a), IntValue::Big(b)) => a.cmp(b),
            // A Big lies outside the i64 range, so its sign decides.
            (IntValue::Big(a), IntValue::Small(_)) => a.sign().cmp(&Sign::NoSign),
            (IntValue::Small(_), IntValue::Big(b)) => Sign::NoSign.cmp(&b.sign()),
        }
    }
}

impl fmt::Display for IntValue {
    /// Python's `str(int)`: plain decimal with a leading `-` if negative.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IntValue::Small(v) => fmt::Display::fmt(v, f),
            IntValue::Big(b) => fmt::Display::fmt(b, f),
        }
    }
}

// ---------------------------------------------------------------------------
// Parsing helpers (`int(str, base)`).
// ---------------------------------------------------------------------------

/// Code points of the digit zero of every run of Unicode decimal digits
/// (general category Nd) outside ASCII, as of Unicode 14.0 (Python 3.11).
/// Each run is the ten contiguous digits `zero..=zero + 9`.
const UNICODE_DIGIT_ZEROS: [u32; 65] = [
    0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6,
    0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50,
    0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// The decimal value of a non-ASCII Unicode decimal digit.
fn unicode_decimal(c: char) -> Option<u8> {
    let cp = u32::from(c);
    UNICODE_DIGIT_ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&cp))
        .map(|&zero| (cp - zero) as u8)
}

/// Non-ASCII characters that Python's `str.isspace()` accepts.
fn is_unicode_space(c: char) -> bool {
    matches!(
        u32::from(c),
        0x85 | 0xa0 | 0x1680 | 0x2000..=0x200a | 0x2028 | 0x2029 | 0x202f | 0x205f | 0x3000
    )
}

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: characters below
/// 127 are kept, other whitespace becomes `' '`, other decimal digits become
/// their ASCII digit, and anything else becomes `'?'` (which makes the parse
/// fail, as in CPython).
fn to_ascii_for_int(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| {
            if u32::from(c) < 127 && c != '\0' {
                c as u8
            } else if is_unicode_space(c) {
                b' '
            } else if let Some(d) = unicode_decimal(c) {
                b'0' + d
            } else {
                b'?'
            }
        })
        .collect()
}

/// C's `isspace` in the "C" locale, which is what `PyLong_FromString` uses.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// The value of an ASCII digit or letter (`a`/`A` = 10, ...), or 37 (never a
/// valid digit) for anything else, like CPython's `_PyLong_DigitValue`.
fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => u32::from(b - b'0'),
        b'a'..=b'z' => u32::from(b - b'a') + 10,
        b'A'..=b'Z' => u32::from(b - b'A') + 10,
        _ => 37,
    }
}

/// The grammar of CPython's `PyLong_FromString` on the transformed (ASCII)
/// input. Returns `None` for an invalid literal. `base` is 0 or in `2..=36`.
fn parse_ascii(s: &[u8], base: u32) -> Option<IntValue> {
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while is_ascii_space(at(i)) {
        i += 1;
    }
    let negative = match at(i) {
        b'+' => {
            i += 1;
            false
        }
        b'-' => {
            i += 1;
            true
        }
        _ => false,
    };
    let mut base = base;
    // Base 0 with a leading zero but no prefix: an "old-style octal" literal,
    // which is only allowed if it is zero.
    let mut error_if_nonzero = false;
    if base == 0 {
        base = if at(i) != b'0' {
            10
        } else {
            match at(i + 1) {
                b'x' | b'X' => 16,
                b'o' | b'O' => 8,
                b'b' | b'B' => 2,
                _ => {
                    error_if_nonzero = true;
                    10
                }
            }
        };
    }
    if at(i) == b'0' {
        let prefix_base = match at(i + 1) {
            b'x' | b'X' => 16,
            b'o' | b'O' => 8,
            b'b' | b'B' => 2,
            _ => 0,
        };
        if prefix_base == base {
            i += 2;
            // One underscore is allowed directly after the prefix.
            if at(i) == b'_' {
                i += 1;
            }
        }
    }
    // Digits, with single underscores between them.
    let mut digits: Vec<u8> = Vec::new();
    let mut prev_underscore = false;
    loop {
        let b = at(i);
        if b == b'_' {
            if prev_underscore || digits.is_empty() {
                return None;
            }
            prev_underscore = true;
        } else if digit_value(b) < base {
            digits.push(b);
            prev_underscore = false;
        } else {
            break;
        }
        i += 1;
    }
    if prev_underscore || digits.is_empty() {
        return None;
    }
    while is_ascii_space(at(i)) {
        i += 1;
    }
    if i != s.len() {
        return None;
    }
    let magnitude = digits_to_biguint(&digits, base)?;
    if error_if_nonzero && !magnitude.is_zero() {
        return None;
    }
    let value = BigInt::from_biguint(if negative { Sign::Minus } else { Sign::Plus }, magnitude);
    Some(IntValue::from_bigint(value))
}

/// Converts validated ASCII digits to a `BigUint`, with a `u64` fast path.
fn digits_to_biguint(digits: &[u8], base: u32) -> Option<BigUint> {
    let mut acc: u64 = 0;
    let mut fits = true;
    for &d in digits {
        match acc
            .checked_mul(u64::from(base))
            .and_then(|v| v.checked_add(u64::from(digit_value(d))))
        {
            Some(v) => acc = v,
            None => {
                fits = false;
                break;
            }
        }
    }
    if fits {
        Some(BigUint::from(acc))
    } else {
        BigUint::parse_bytes(digits, base)
    }
}

/// Whether `repr()` escapes this (non-ASCII) character: an approximation of
/// CPython's `Py_UNICODE_ISPRINTABLE` covering control (Cc), separator
/// (Zs/Zl/Zp), format (Cf) and private-use (Co) characters and the
/// noncharacters. Other unassigned code points are shown literally (CPython
/// would escape them).
fn is_unprintable(c: char) -> bool {
    const FORMAT: [(u32, u32); 21] = [
        (0xad, 0xad),
        (0x600, 0x605),
        (0x61c, 0x61c),
        (0x6dd, 0x6dd),
        (0x70f, 0x70f),
        (0x890, 0x891),
        (0x8e2, 0x8e2),
        (0x180e, 0x180e),
        (0x200b, 0x200f),
        (0x202a, 0x202e),
        (0x2060, 0x2064),
        (0x2066, 0x206f),
        (0xfeff, 0xfeff),
        (0xfff9, 0xfffb),
        (0x110bd, 0x110bd),
        (0x110cd, 0x110cd),
        (0x13430, 0x13438),
        (0x1bca0, 0x1bca3),
        (0x1d173, 0x1d17a),
        (0xe0001, 0xe0001),
        (0xe0020, 0xe007f),
    ];
    let cp = u32::from(c);
    c.is_control()
        || (c.is_whitespace() && c != ' ')
        || FORMAT.iter().any(|&(lo, hi)| (lo..=hi).contains(&cp))
        || (0xe000..=0xf8ff).contains(&cp)
        || cp >= 0xf0000
        || (0xfdd0..=0xfdef).contains(&cp)
        || (cp & 0xfffe) == 0xfffe
}

/// Python's `repr()` of a `str` (CPython's `unicode_repr`), used for error
/// messages.
fn py_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        let cp = u32::from(c);
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ if c == quote => {
                out.push('\\');
                out.push(c);
            }
            _ if cp < 0x20 || cp == 0x7f => out.push_str(&format!("\\x{cp:02x}")),
            _ if cp < 0x7f => out.push(c),
            _ if !is_unprintable(c) => out.push(c),
            _ if cp <= 0xff => out.push_str(&format!("\\x{cp:02x}")),
            _ if cp <= 0xffff => out.push_str(&format!("\\u{cp:04x}")),
            _ => out.push_str(&format!("\\U{cp:08x}")),
        }
    }
    out.push(quote);
    out
}

#[cfg(all(test, not(loom)))]
mod tests {
    //! Expected values were produced by CPython 3.11.7 on this machine.

    use super::*;
    use proptest::prelude::*;

    /// Parses a decimal literal (test helper).
    fn p(s: &str) -> IntValue {
        match IntValue::parse(s, 10) {
            Ok(v) => v,
            Err(e) => panic!("bad test literal {s:?}: {e}"),
        }
    }

    fn s(v: i64) -> IntValue {
        IntValue::Small(v)
    }

    /// Checks the normalisation invariant.
    fn is_normalised(v: &IntValue) -> bool {
        match v {
            IntValue::Small(_) => true,
            IntValue::Big(b) => b.to_i64().is_none(),
        }
    }

    #[test]
    fn promotion_at_the_i64_boundary() {
        let two_63 = p("9223372036854775808");
        assert!(matches!(two_63, IntValue::Big(_)));
        assert_eq!(s(i64::MAX).add(&s(1)), two_63);
        assert_eq!(two_63.to_string(), "9223372036854775808");

        let below_min = s(i64::MIN).sub(&s(1));
        assert!(matches!(below_min, IntValue::Big(_)));
        assert_eq!(below_min, p("-9223372036854775809"));

        // (2**63) - 1 shrinks back.
        assert_eq!(two_63.sub(&s(1)), s(i64::MAX));
        assert_eq!(below_min.add(&s(1)), s(i64::MIN));
        // Big * 0 is Small(0).
        assert_eq!(two_63.mul(&s(0)), s(0));
        assert_eq!(two_63.sub(&two_63), s(0));
        // i64::MIN // -1 == 2**63, i64::MIN % -1 == 0.
        assert_eq!(s(i64::MIN).floordiv(&s(-1)), Ok(two_63.clone()));
        assert_eq!(s(i64::MIN).modulo(&s(-1)), Ok(s(0)));
        assert_eq!(s(i64::MIN).divmod(&s(-1)), Ok((two_63.clone(), s(0))));
        assert_eq!(s(i64::MIN).neg(), two_63);
        assert_eq!(s(i64::MIN).abs(), two_63);
        assert_eq!(two_63.neg(), s(i64::MIN));
        assert_eq!(
            s(i64::MAX).mul(&s(i64::MAX)),
            p("85070591730234615847396907784232501249")
        );
        assert_eq!(s(i64::MIN).mul(&s(-1)), two_63);
        assert_eq!(p("-9223372036854775809").abs(), p("9223372036854775809"));
        assert_eq!(IntValue::from(BigInt::from(5)), s(5));
    }

    #[test]
    fn floor_division_and_modulo_signs() {
        // (a, b, a // b, a % b) from CPython.
        let cases = [
            (7, 2, 3, 1),
            (-7, 2, -4, 1),
            (7, -2, -4, -1),
            (-7, -2, 3, -1),
            (6, 3, 2, 0),
            (-6, 3, -2, 0),
            (7, -1, -7, 0),
            (0, -5, 0, 0),
        ];
        for (a, b, q, r) in cases {
            assert_eq!(s(a).floordiv(&s(b)), Ok(s(q)), "{a} // {b}");
            assert_eq!(s(a).modulo(&s(b)), Ok(s(r)), "{a} % {b}");
            assert_eq!(s(a).divmod(&s(b)), Ok((s(q), s(r))), "divmod({a}, {b})");
        }
        // Big operands: -(2**70) // 3 and % 3, 10**30 % -7.
        let big = p("-1180591620717411303424");
        assert_eq!(big.floordiv(&s(3)), Ok(p("-393530540239137101142")));
        assert_eq!(big.modulo(&s(3)), Ok(s(2)));
        assert_eq!(
            p("1000000000000000000000000000000").modulo(&s(-7)),
            Ok(s(-6))
        );
    }

    #[test]
    fn division_by_zero_messages() {
        let div = IntError::ZeroDivision("integer division or modulo by zero");
        let modulo = IntError::ZeroDivision("integer modulo by zero");
        assert_eq!(s(1).floordiv(&s(0)), Err(div.clone()));
        assert_eq!(s(1).modulo(&s(0)), Err(modulo.clone()));
        assert_eq!(s(1).divmod(&s(0)), Err(div.clone()));
        assert_eq!(p("1180591620717411303424").floordiv(&s(0)), Err(div));
        assert_eq!(p("1180591620717411303424").modulo(&s(0)), Err(modulo));
        assert_eq!(
            s(1).floordiv(&s(0)).map_err(|e| e.exception_name()),
            Err("ZeroDivisionError")
        );
        assert_eq!(
            IntError::ZeroDivision("integer modulo by zero").to_string(),
            "integer modulo by zero"
        );
    }

    #[test]
    fn powers() {
        assert_eq!(s(2).pow(&s(100)), Ok(p("1267650600228229401496703205376")));
        assert_eq!(s(10).pow(&s(18)), Ok(s(1_000_000_000_000_000_000)));
        assert_eq!(s(10).pow(&s(19)), Ok(p("10000000000000000000")));
        assert_eq!(s(-2).pow(&s(63)), Ok(s(i64::MIN)));
        assert_eq!(s(-2).pow(&s(64)), Ok(p("18446744073709551616")));
        assert_eq!(s(0).pow(&s(0)), Ok(s(1)));
        let huge = p("18446744073709551616");
        assert_eq!(s(0).pow(&huge), Ok(s(0)));
        assert_eq!(s(-1).pow(&huge.add(&s(1))), Ok(s(-1)));
        assert_eq!(s(-1).pow(&huge), Ok(s(1)));
        assert_eq!(s(2).pow(&s(-1)), Err(IntError::NegativeExponent));
        assert!(matches!(s(2).pow(&huge), Err(IntError::Overflow(_))));

        let m = s(1_000_000_007);
        assert_eq!(s(3).pow_mod(&s(200), &m), Ok(s(136318165)));
        assert_eq!(s(2).pow_mod(&huge, &s(10)), Ok(s(6)));
        assert_eq!(s(2).pow_mod(&s(3), &s(-5)), Ok(s(-2)));
        assert_eq!(s(-2).pow_mod(&s(3), &s(5)), Ok(s(2)));
        assert_eq!(s(-3).pow_mod(&s(3), &s(-7)), Ok(s(-6)));
        assert_eq!(s(5).pow_mod(&s(0), &s(1)), Ok(s(0)));
        assert_eq!(s(5).pow_mod(&s(0), &s(-1)), Ok(s(0)));
        assert_eq!(s(0).pow_mod(&s(0), &s(7)), Ok(s(1)));
        assert_eq!(s(2).pow_mod(&s(5), &s(-1)), Ok(s(0)));
        // Negative exponents use the modular inverse (Python 3.8+).
        assert_eq!(s(2).pow_mod(&s(-1), &s(5)), Ok(s(3)));
        assert_eq!(s(3).pow_mod(&s(-2), &s(7)), Ok(s(4)));
        assert_eq!(s(3).pow_mod(&s(-2), &s(-7)), Ok(s(-3)));
        assert_eq!(s(0).pow_mod(&s(-1), &s(1)), Ok(s(0)));
        let not_invertible =
            IntError::ValueError("base is not invertible for the given modulus".to_string());
        assert_eq!(s(2).pow_mod(&s(-1), &s(4)), Err(not_invertible.clone()));
        assert_eq!(s(6).pow_mod(&s(-1), &s(-4)), Err(not_invertible));
        assert_eq!(
            s(3).pow_mod(&s(2), &s(0)),
            Err(IntError::ValueError(
                "pow() 3rd argument cannot be 0".to_string()
            ))
        );
        // A modulus beyond u64 takes the BigInt path: pow(3, 200, 2**64 + 13).
        let big_m = huge.add(&s(13));
        let expected =
            IntValue::from_bigint(BigInt::from(3).modpow(&BigInt::from(200), &big_m.to_bigint()));
        assert_eq!(s(3).pow_mod(&s(200), &big_m), Ok(expected));
    }

    #[test]
    fn shifts() {
        let two_63 = p("9223372036854775808");
        let two_64 = p("18446744073709551616");
        assert_eq!(s(1).lshift(&s(63)), Ok(two_63.clone()));
        assert_eq!(s(1).lshift(&s(62)), Ok(s(1 << 62)));
        assert_eq!(s(-1).lshift(&s(63)), Ok(s(i64::MIN)));
        assert_eq!(s(1).lshift(&s(64)), Ok(two_64.clone()));
        assert_eq!(two_64.rshift(&s(1)), Ok(two_63.clone()));
        assert_eq!(two_64.rshift(&s(2)), Ok(s(1 << 62)));
        assert_eq!(s(-5).rshift(&s(1)), Ok(s(-3)));
        assert_eq!(
            p("-1180591620717411303424").rshift(&s(3)),
            Ok(p("-147573952589676412928"))
        );
        let huge = p("1267650600228229401496703205376");
        assert_eq!(s(1).rshift(&huge), Ok(s(0)));
        assert_eq!(s(-1).rshift(&huge), Ok(s(-1)));
        assert_eq!(s(7).rshift(&s(64)), Ok(s(0)));
        assert_eq!(s(-7).rshift(&s(1000)), Ok(s(-1)));
        assert_eq!(two_64.neg().rshift(&s(200)), Ok(s(-1)));
        assert_eq!(s(0).lshift(&huge), Ok(s(0)));
        assert!(matches!(s(1).lshift(&huge), Err(IntError::Overflow(_))));
        assert!(matches!(
            s(1).lshift(&s(1 << 62)),
            Err(IntError::Overflow("too many digits in integer"))
        ));
        let negative = Err(IntError::ValueError("negative shift count".to_string()));
        assert_eq!(s(1).lshift(&s(-1)), negative);
        assert_eq!(s(1).rshift(&s(-1)), negative);
    }

    #[test]
    fn bitwise() {
        assert_eq!(s(5).invert(), s(-6));
        assert_eq!(
            p("1180591620717411303424").invert(),
            p("-1180591620717411303425")
        );
        assert_eq!(p("-9223372036854775809").invert(), s(i64::MAX).add(&s(1)));
        assert_eq!(s(i64::MAX).add(&s(1)).invert(), s(i64::MIN).sub(&s(1)));
        assert_eq!(s(-5).bitand(&s(3)), s(3));
        assert_eq!(s(-5).bitor(&s(3)), s(-5));
        assert_eq!(s(-5).bitxor(&s(3)), s(-8));
        // -(2**70) & (2**65 - 1) == 0
        let mask = s(1).lshift(&s(65)).map(|v| v.sub(&s(1)));
        assert_eq!(
            mask.map(|m| p("-1180591620717411303424").bitand(&m)),
            Ok(s(0))
        );
        // (2**64 | 1) & 0xff == 1: a Big operand with a Small result.
        assert_eq!(p("18446744073709551617").bitand(&s(0xff)), s(1));
        assert_eq!(
            p("18446744073709551616").bitxor(&p("18446744073709551617")),
            s(1)
        );
    }

    #[test]
    fn conversions_from_and_to_float() {
        assert_eq!(
            IntValue::from_f64_trunc(1e20),
            Ok(p("100000000000000000000"))
        );
        assert_eq!(IntValue::from_f64_trunc(-1.5), Ok(s(-1)));
        assert_eq!(IntValue::from_f64_trunc(-0.0), Ok(s(0)));
        assert_eq!(
            IntValue::from_f64_trunc(f64::from_bits((1023 + 70) << 52)),
            Ok(p("1180591620717411303424"))
        );
        assert_eq!(
            IntValue::from_f64_trunc(-(f64::from_bits((1023 + 63) << 52))),
            Ok(s(i64::MIN))
        );
        assert_eq!(
            IntValue::from_f64_trunc(f64::from_bits((1023 + 63) << 52)),
            Ok(p("9223372036854775808"))
        );
        assert_eq!(
            IntValue::from_f64_trunc(f64::NAN),
            Err(IntError::ValueError(
                "cannot convert float NaN to integer".to_string()
            ))
        );
        let inf = Err(IntError::Overflow(
            "cannot convert float infinity to integer",
        ));
        assert_eq!(IntValue::from_f64_trunc(f64::INFINITY), inf);
        assert_eq!(IntValue::from_f64_trunc(f64::NEG_INFINITY), inf);

        // float(int), correctly rounded (values from CPython).
        let cases: [(&str, f64); 11] = [
            ("9007199254740993", 9007199254740992.0),
            ("18014398509481987", 1.8014398509481988e16),
            ("9223372036854775808", 9.223372036854776e18),
            ("-9223372036854775809", -9.223372036854776e18),
            ("18446744073709551615", 1.8446744073709552e19),
            ("1000000000000000000000000000000", 1e30),
            ("9223372036854776832", 9.223372036854776e18),
            ("9223372036854776833", 9.223372036854778e18),
            ("9223372036854778880", 9.22337203685478e18),
            ("179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791", 1.7976931348623157e308),
            ("-9223372036854775808", -9.223372036854776e18),
        ];
        for (text, expected) in cases {
            assert_eq!(p(text).to_f64(), Ok(expected), "float({text})");
        }
        let too_large = Err(IntError::Overflow("int too large to convert to float"));
        // 2**1024 - 2**970 rounds up to 2**1024; 2**1024 itself; -2**1024.
        let two_1024 = s(1).lshift(&s(1024)).unwrap_or(s(0));
        assert_eq!(
            two_1024.sub(&s(1).lshift(&s(970)).unwrap_or(s(0))).to_f64(),
            too_large
        );
        assert_eq!(two_1024.to_f64(), too_large);
        assert_eq!(two_1024.sub(&s(1)).to_f64(), too_large);
        assert_eq!(two_1024.neg().to_f64(), too_large);
    }

    #[test]
    fn exact_comparison_with_floats() {
        use Ordering::{Equal, Greater, Less};
        let ten_400 = s(10).pow(&s(400)).unwrap_or(s(0));
        let cases: [(IntValue, f64, Ordering); 29] = [
            (p("9007199254740993"), 9007199254740992.0, Greater),
            (p("9007199254740992"), 9007199254740992.0, Equal),
            (ten_400.clone(), 1e308, Greater),
            (ten_400.neg(), -1e308, Less),
            (ten_400.clone(), f64::INFINITY, Less),
            (s(5), 5.5, Less),
            (s(-5), -5.5, Greater),
            (s(-5), -4.5, Less),
            (s(0), -0.0, Equal),
            (p("9223372036854775808"), 9.223372036854776e18, Equal),
            (s(i64::MAX), 9.223372036854776e18, Less),
            (s(i64::MIN), -9.223372036854776e18, Equal),
            (p("-9223372036854775809"), -9.223372036854776e18, Less),
            (s(i64::MIN + 1), -9.223372036854776e18, Greater),
            (p("18446744073709551616"), 1.8446744073709552e19, Equal),
            (p("18446744073709551617"), 1.8446744073709552e19, Greater),
            (p("18446744073709551615"), 1.8446744073709552e19, Less),
            (s(1), 5e-324, Greater),
            (s(0), 5e-324, Less),
            (s(0), -5e-324, Greater),
            (s(-1), -0.5, Less),
            (p("1180591620717411303424"), 1.5, Greater),
            (p("-1180591620717411303424"), 1.5, Less),
            (p("-1180591620717411303424"), f64::NEG_INFINITY, Greater),
            (s(3), 2.9999999999999996, Greater),
            (p("9223372036854777856"), 9.223372036854778e18, Equal),
            (p("9223372036854777857"), 9.223372036854778e18, Greater),
            (p("-9223372036854777857"), -9.223372036854778e18, Less),
            (
                s(1).lshift(&s(1024)).unwrap_or(s(0)),
                1.7976931348623157e308,
                Greater,
            ),
        ];
        for (i, f, expected) in cases {
            assert_eq!(i.cmp_with_f64(f), Some(expected), "{i} vs {f:e}");
        }
        assert_eq!(s(1).cmp_with_f64(f64::NAN), None);
        assert_eq!(ten_400.cmp_with_f64(f64::NAN), None);
    }

    #[test]
    fn ordering() {
        let mut values = [
            p("18446744073709551616"),
            s(0),
            p("-18446744073709551616"),
            s(i64::MIN),
            s(i64::MAX),
            p("9223372036854775808"),
            p("-9223372036854775809"),
            s(-1),
        ];
        values.sort();
        let sorted: Vec<String> = values.iter().map(|v| v.to_string()).collect();
        assert_eq!(
            sorted,
            [
                "-18446744073709551616",
                "-9223372036854775809",
                "-9223372036854775808",
                "-1",
                "0",
                "9223372036854775807",
                "9223372036854775808",
                "18446744073709551616",
            ]
        );
    }

    #[test]
    fn inspection() {
        assert_eq!(s(0).bit_length(), 0);
        assert_eq!(s(255).bit_length(), 8);
        assert_eq!(s(-256).bit_length(), 9);
        assert_eq!(s(i64::MIN).bit_length(), 64);
        assert_eq!(s(1).lshift(&s(1024)).map(|v| v.bit_length()), Ok(1025));
        assert!(s(0).is_zero());
        assert!(!p("18446744073709551616").is_zero());
        assert!(p("-18446744073709551616").is_negative());
        assert!(!s(0).is_negative());
        assert_eq!(p("18446744073709551616").as_i64(), None);
        assert_eq!(s(-3).as_i64(), Some(-3));
        assert_eq!(s(-255).to_str_radix(16), "-ff");
        assert_eq!(p("18446744073709551616").to_str_radix(2).len(), 65);
        assert_eq!(s(35).to_str_radix(36), "z");
    }

    #[test]
    fn parse_accepts_what_cpython_accepts() {
        let ok: [(&str, u32, &str); 29] = [
            (" -0x_ff ", 0, "-255"),
            ("0x_ff", 0, "255"),
            ("0xff", 16, "255"),
            ("0x_ff", 16, "255"),
            ("ff", 16, "255"),
            ("0b101", 0, "5"),
            ("0o17", 0, "15"),
            ("00", 0, "0"),
            ("0_0", 0, "0"),
            ("00_0", 0, "0"),
            ("0", 0, "0"),
            ("10", 0, "10"),
            (" 12 ", 10, "12"),
            ("1_000", 10, "1000"),
            ("+5", 10, "5"),
            ("zz", 36, "1295"),
            ("ZZ", 36, "1295"),
            ("0b1", 2, "1"),
            ("0B1", 2, "1"),
            ("0o7", 8, "7"),
            ("0X1F", 16, "31"),
            ("\u{661}\u{662}\u{663}", 10, "123"),
            ("\t\n42\x0c\x0b\r", 10, "42"),
            (
                "-9999999999999999999999999",
                10,
                "-9999999999999999999999999",
            ),
            ("+0x10", 0, "16"),
            ("-0b11", 0, "-3"),
            ("\u{a0}42\u{a0}", 10, "42"),
            ("\u{3000}42", 10, "42"),
            ("0o_7", 8, "7"),
        ];
        for (text, base, expected) in ok {
            assert_eq!(
                IntValue::parse(text, base).map(|v| v.to_string()),
                Ok(expected.to_string()),
                "int({text:?}, {base})"
            );
        }
        assert_eq!(
            IntValue::parse("9223372036854775808", 10),
            Ok(s(i64::MAX).add(&s(1)))
        );
        assert_eq!(IntValue::parse("-9223372036854775808", 10), Ok(s(i64::MIN)));
        assert_eq!(IntValue::parse("0b1", 16), Ok(s(0xb1)));
    }

    #[test]
    fn parse_rejects_what_cpython_rejects() {
        // (input, base, CPython's message)
        let bad: [(&str, u32, &str); 27] = [
            ("017", 0, "invalid literal for int() with base 0: '017'"),
            (
                "1__000",
                10,
                "invalid literal for int() with base 10: '1__000'",
            ),
            ("_1", 10, "invalid literal for int() with base 10: '_1'"),
            ("1_", 10, "invalid literal for int() with base 10: '1_'"),
            ("- 5", 10, "invalid literal for int() with base 10: '- 5'"),
            ("", 10, "invalid literal for int() with base 10: ''"),
            ("  ", 10, "invalid literal for int() with base 10: '  '"),
            ("abc", 10, "invalid literal for int() with base 10: 'abc'"),
            ("0b", 0, "invalid literal for int() with base 0: '0b'"),
            ("0x", 16, "invalid literal for int() with base 16: '0x'"),
            ("1e3", 10, "invalid literal for int() with base 10: '1e3'"),
            ("0_x1", 0, "invalid literal for int() with base 0: '0_x1'"),
            ("0_7", 0, "invalid literal for int() with base 0: '0_7'"),
            ("07", 0, "invalid literal for int() with base 0: '07'"),
            ("0x-1", 16, "invalid literal for int() with base 16: '0x-1'"),
            ("--1", 10, "invalid literal for int() with base 10: '--1'"),
            ("1 2", 10, "invalid literal for int() with base 10: '1 2'"),
            (
                "\x1c42",
                10,
                "invalid literal for int() with base 10: '\\x1c42'",
            ),
            (
                "1\u{0}2",
                10,
                "invalid literal for int() with base 10: '1\\x002'",
            ),
            ("0xg", 0, "invalid literal for int() with base 0: '0xg'"),
            (
                "\x1c42\u{a0}",
                0,
                "invalid literal for int() with base 0: '\\x1c42\\xa0'",
            ),
            ("a'b", 0, "invalid literal for int() with base 0: \"a'b\""),
            (
                "a\"b'",
                0,
                "invalid literal for int() with base 0: 'a\"b\\''",
            ),
            (
                "\u{200b}x",
                0,
                "invalid literal for int() with base 0: '\\u200bx'",
            ),
            (
                "\u{e9}",
                0,
                "invalid literal for int() with base 0: '\u{e9}'",
            ),
            (
                "\u{1F600}x",
                0,
                "invalid literal for int() with base 0: '\u{1F600}x'",
            ),
            (
                "\t\\",
                0,
                "invalid literal for int() with base 0: '\\t\\\\'",
            ),
        ];
        for (text, base, message) in bad {
            assert_eq!(
                IntValue::parse(text, base),
                Err(IntError::ValueError(message.to_string())),
                "int({text:?}, {base})"
            );
        }
        let bad_base = Err(IntError::ValueError(
            "int() base must be >= 2 and <= 36, or 0".to_string(),
        ));
        assert_eq!(IntValue::parse("12", 1), bad_base);
        assert_eq!(IntValue::parse("12", 37), bad_base);
        // The repr in the message is cut to 200 characters (`%.200R`).
        let long = "x".repeat(300);
        match IntValue::parse(&long, 10) {
            Err(e) => {
                let text = e.to_string();
                assert_eq!(text.chars().count(), 240);
                assert!(text.ends_with("xxxxx"));
                assert_eq!(e.exception_name(), "ValueError");
            }
            Ok(v) => panic!("parsed {v}"),
        }
        // Truncation can cut an escape sequence in half, as in CPython.
        match IntValue::parse(&"\u{200b}".repeat(300), 10) {
            Err(e) => {
                let text = e.to_string();
                assert_eq!(text.chars().count(), 240);
                assert!(text.ends_with("b\\u200b\\"));
            }
            Ok(v) => panic!("parsed {v}"),
        }
    }

    /// Floor division/modulo reference in BigInt.
    fn reference(op: usize, a: i64, b: i64) -> Option<BigInt> {
        let (a, b) = (BigInt::from(a), BigInt::from(b));
        match op {
            0 => Some(a + b),
            1 => Some(a - b),
            2 => Some(a * b),
            3 if !b.is_zero() => Some(a.div_floor(&b)),
            4 if !b.is_zero() => Some(a.mod_floor(&b)),
            _ => None,
        }
    }

    fn apply(op: usize, a: &IntValue, b: &IntValue) -> Option<IntValue> {
        match op {
            0 => Some(a.add(b)),
            1 => Some(a.sub(b)),
            2 => Some(a.mul(b)),
            3 => a.floordiv(b).ok(),
            4 => a.modulo(b).ok(),
            _ => None,
        }
    }

    fn edge_i64() -> impl Strategy<Value = i64> {
        prop_oneof![
            any::<i64>(),
            Just(i64::MIN),
            Just(i64::MAX),
            Just(-1i64),
            Just(0i64),
            Just(1i64),
            -3i64..=3,
        ]
    }

    proptest! {
        #![proptest_config(crate::test_support::proptest_config())]

        #[test]
        fn small_arithmetic_matches_bigint(a in edge_i64(), b in edge_i64(), op in 0usize..5) {
            let got = apply(op, &s(a), &s(b));
            let expected = reference(op, a, b);
            prop_assert_eq!(got.as_ref().map(|v| v.to_bigint()), expected);
            if let Some(v) = &got {
                prop_assert!(is_normalised(v), "not normalised: {:?}", v);
            }
        }

        #[test]
        fn mixed_arithmetic_matches_bigint(a in edge_i64(), b in edge_i64(), shift in 0u32..100, op in 0usize..5) {
            // Promote `a` out of the i64 range, operate against a Small `b`,
            // in both orders.
            let big_a = BigInt::from(a) << shift as usize;
            let a_value = IntValue::from_bigint(big_a.clone());
            let b_value = s(b);
            let big_b = BigInt::from(b);
            for (x, y, bx, by) in [
                (&a_value, &b_value, &big_a, &big_b),
                (&b_value, &a_value, &big_b, &big_a),
            ] {
                let got = apply(op, x, y);
                let expected = match op {
                    0 => Some(bx + by),
                    1 => Some(bx - by),
                    2 => Some(bx * by),
                    3 if !by.is_zero() => Some(bx.div_floor(by)),
                    4 if !by.is_zero() => Some(bx.mod_floor(by)),
                    _ => None,
                };
                prop_assert_eq!(got.as_ref().map(|v| v.to_bigint()), expected);
                if let Some(v) = &got {
                    prop_assert!(is_normalised(v), "not normalised: {:?}", v);
                }
            }
        }

        #[test]
        fn shifts_and_bits_match_bigint(a in edge_i64(), b in edge_i64(), n in 0i64..130) {
            let (x, y) = (s(a), s(b));
            let (bx, by) = (BigInt::from(a), BigInt::from(b));
            for v in [
                x.lshift(&s(n)).ok(),
                x.rshift(&s(n)).ok(),
                Some(x.bitand(&y)),
                Some(x.bitor(&y)),
                Some(x.bitxor(&y)),
                Some(x.invert()),
                Some(x.neg()),
                Some(x.abs()),
            ].into_iter().flatten() {
                prop_assert!(is_normalised(&v), "not normalised: {:?}", v);
            }
            prop_assert_eq!(x.lshift(&s(n)).map(|v| v.to_bigint()), Ok(&bx << n as usize));
            prop_assert_eq!(x.rshift(&s(n)).map(|v| v.to_bigint()), Ok(&bx >> n as usize));
            let big = IntValue::from_bigint(&bx << 70usize);
            prop_assert_eq!(big.rshift(&s(n)).map(|v| v.to_bigint()), Ok((&bx << 70usize) >> n as usize));
            prop_assert_eq!(big.bitand(&y).to_bigint(), (&bx << 70usize) & &by);
            prop_assert_eq!(big.bitxor(&y).to_bigint(), (&bx << 70usize) ^ &by);
            prop_assert_eq!(x.cmp(&y), bx.cmp(&by));
            prop_assert_eq!(big.cmp(&y), (&bx << 70usize).cmp(&by));
        }

        #[test]
        fn pow_matches_bigint(a in -50i64..50, e in 0u32..40, m in edge_i64()) {
            let expected = Pow::pow(BigInt::from(a), e);
            prop_assert_eq!(s(a).pow(&s(i64::from(e))).map(|v| v.to_bigint()), Ok(expected.clone()));
            if m != 0 {
                let expected_mod = expected.mod_floor(&BigInt::from(m));
                prop_assert_eq!(
                    s(a).pow_mod(&s(i64::from(e)), &s(m)).map(|v| v.to_bigint()),
                    Ok(expected_mod)
                );
            }
        }

        #[test]
        fn display_and_parse_round_trip(a in edge_i64(), shift in 0usize..100) {
            let v = IntValue::from_bigint(BigInt::from(a) << shift);
            prop_assert_eq!(IntValue::parse(&v.to_string(), 10), Ok(v.clone()));
            prop_assert_eq!(IntValue::parse(&format!("0x{}", v.abs().to_str_radix(16)), 0), Ok(v.abs()));
        }

        #[test]
        fn cmp_with_f64_agrees_with_int_conversion(a in edge_i64(), f in any::<f64>()) {
            // For integral floats, cmp_with_f64 must agree with comparing ints.
            if f.is_finite() {
                let t = f.trunc();
                if let Ok(ti) = IntValue::from_f64_trunc(t) {
                    prop_assert_eq!(s(a).cmp_with_f64(t), Some(s(a).cmp(&ti)));
                }
            }
            // And for i64 values exactly representable as f64, with f64 order.
            let af = a as f64;
            if af as i128 == i128::from(a) && !f.is_nan() {
                prop_assert_eq!(s(a).cmp_with_f64(f), af.partial_cmp(&f));
            }
        }
    }
}
