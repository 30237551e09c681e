//! Python's text formatting of numbers and strings, reproducing CPython 3.11
//! character for character: `repr(float)`, the format-spec mini-language
//! (`format(x, spec)`, f-strings, `str.format`), `round(float, n)`,
//! `%`-formatting, and the parsing of `str.format` templates.
//!
//! # What this follows
//!
//! * Float to text: `Python/pystrtod.c` (`PyOS_double_to_string`,
//!   `format_float_short`). CPython gets its digits from David Gay's
//!   `_Py_dg_dtoa` in three modes: 0 (shortest string that round-trips),
//!   2 (`n` significant digits) and 3 (`n` digits after the point), always
//!   correctly rounded (ties to even on the exact binary value) and with
//!   trailing zeros removed. We get the same digit strings from Rust's
//!   float formatting, which is also exact: `{:e}` gives the shortest
//!   round-tripping digits, `{:.N e}` and `{:.N}` give correctly rounded
//!   (ties-to-even) digits; the one difference, how a tie between two
//!   shortest candidates is settled, is corrected. `format_float_short`
//!   then lays the digits out, and `double_to_string` below is a port of
//!   that layout.
//! * Format specs: `Python/formatter_unicode.c`
//!   (`parse_internal_render_format_spec`, `format_long_internal`,
//!   `format_float_internal`, `format_string_internal`,
//!   `calc_number_widths`, `fill_number`) and the grouping of
//!   `_PyUnicode_InsertThousandsGrouping` in `Objects/unicodeobject.c`.
//!   Type `n` uses the C locale (CPython never sets `LC_NUMERIC`): no
//!   grouping and a `.` decimal point.
//! * `round`: `float___round___impl` and `double_round` in
//!   `Objects/floatobject.c` (round the exact value to a decimal string,
//!   ties to even, then convert back). The rounding here is done exactly on
//!   big integers.
//! * `%`-formatting: `unicode_format_arg_parse`, `unicode_format_arg_output`,
//!   `formatfloat` and `_PyUnicode_FormatLong` in `Objects/unicodeobject.c`.
//! * `str.format` templates: `MarkupIterator_next`, `parse_field` and
//!   `field_name_split` in `Objects/stringlib/unicode_format.h`.
//!
//! # Division of labour with the VM
//!
//! Nothing here touches objects. The VM converts arguments (`str()`,
//! `repr()`, `int()`, `float()`), looks up fields and `*` arguments, counts
//! arguments, and raises the [`FormatError`]s returned here as the Python
//! exception named by [`FormatError::exception_name`].
//!
//! CPython formats lazily, left to right, so when a template has several
//! faults it reports the first one it reaches. [`percent_pieces`] and
//! [`format_pieces`] parse in that same order: a VM that formats each piece
//! before asking for the next reports what CPython reports.
//! [`parse_percent`] and [`parse_format_string`] check the whole template
//! first. One difference remains: a field name such as `{0.a.}` is split
//! whole, so its `Empty attribute` error comes before the lookup of `.a`
//! that CPython performs first.
//!
//! Invariants: all widths and counts are in code points; no function panics
//! on any input; results whose size is chosen by the caller (width,
//! precision) are refused above [`MAX_FORMAT_LEN`] with a `MemoryError`
//! instead of being allocated. Python strings may hold lone surrogates,
//! Rust strings cannot: `format(0xd800, 'c')` and `'%c' % 0xd800` give a
//! `ValueError` here.
//!
//! This module uses [`crate::str_methods`] (for Unicode decimal digits), so the
//! two live in one crate.

use std::fmt;

use crate::int::IntValue;
use num_bigint::BigUint;
use num_integer::Integer;

use crate::str_methods::{char_len, decimal_value};

// ---------------------------------------------------------------------------
// Errors and messages
// ---------------------------------------------------------------------------

/// Message of the `TypeError` raised when a `%` format needs more arguments.
pub const NOT_ENOUGH_ARGUMENTS: &str = "not enough arguments for format string";

/// Message of the `TypeError` raised when `%` formatting leaves arguments
/// unused.
pub const NOT_ALL_CONVERTED: &str = "not all arguments converted during string formatting";

/// Message of the `TypeError` raised by `%(name)s` when the right operand
/// is not a mapping.
pub const FORMAT_REQUIRES_MAPPING: &str = "format requires a mapping";

/// Message of the `TypeError` raised when a `*` width or precision is not an
/// `int`.
pub const STAR_WANTS_INT: &str = "* wants int";

/// Message of the `TypeError` raised by `%c` for a `str` argument whose
/// length is not 1 (or an argument of another type).
pub const PERCENT_C_REQUIRES: &str = "%c requires int or char";

/// Message of the `ValueError` raised by `str.format` when an automatic
/// field (`{}`) follows a numbered one (`{0}`).
pub const MANUAL_TO_AUTO: &str =
    "cannot switch from manual field specification to automatic field numbering";

/// Message of the `ValueError` raised by `str.format` when a numbered field
/// follows an automatic one.
pub const AUTO_TO_MANUAL: &str =
    "cannot switch from automatic field numbering to manual field specification";

/// Message of the `ValueError` raised by `str.format` when format specs are
/// nested more than two levels deep (`'{:{:{}}}'`).
pub const MAX_RECURSION: &str = "Max string recursion exceeded";

/// The largest width or precision honoured. CPython would try to build such
/// a string and fail with `MemoryError`; we refuse it up front.
pub const MAX_FORMAT_LEN: usize = 1 << 28;

/// Which Python exception a [`FormatError`] stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatErrorKind {
    /// `ValueError`.
    ValueError,
    /// `OverflowError`.
    OverflowError,
    /// `MemoryError` (a width or precision above [`MAX_FORMAT_LEN`]).
    MemoryError,
}

/// A formatting failure: the Python exception class and its message, which
/// is CPython's text exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    /// The exception class.
    pub kind: FormatErrorKind,
    /// The message, as `str(exc)` shows it.
    pub message: String,
}

impl FormatError {
    /// A `ValueError`.
    fn value(message: impl Into<String>) -> FormatError {
        FormatError {
            kind: FormatErrorKind::ValueError,
            message: message.into(),
        }
    }

    /// An `OverflowError`.
    fn overflow(message: impl Into<String>) -> FormatError {
        FormatError {
            kind: FormatErrorKind::OverflowError,
            message: message.into(),
        }
    }

    /// A `MemoryError` (empty message, as CPython's).
    fn memory() -> FormatError {
        FormatError {
            kind: FormatErrorKind::MemoryError,
            message: String::new(),
        }
    }

    /// The name of the Python exception class.
    pub fn exception_name(&self) -> &'static str {
        match self.kind {
            FormatErrorKind::ValueError => "ValueError",
            FormatErrorKind::OverflowError => "OverflowError",
            FormatErrorKind::MemoryError => "MemoryError",
        }
    }
}

impl fmt::Display for FormatError {
    /// The message alone, as `str(exc)` shows it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FormatError {}

/// Refuses a width or precision above [`MAX_FORMAT_LEN`].
fn check_size(n: usize) -> Result<(), FormatError> {
    if n > MAX_FORMAT_LEN {
        Err(FormatError::memory())
    } else {
        Ok(())
    }
}

/// A presentation type or conversion character as CPython's messages show
/// it: the character itself when printable ASCII, `\x..` otherwise.
fn show_code(c: char) -> String {
    if (c as u32) > 32 && (c as u32) < 128 {
        c.to_string()
    } else {
        format!("\\x{:x}", c as u32)
    }
}

// ---------------------------------------------------------------------------
// Floats to decimal digits
// ---------------------------------------------------------------------------

/// The decimal digits of `|x|` for a finite `x`: the value is
/// `0.DIGITS * 10**decpt`. Leading and trailing zeros are removed; `digits`
/// is empty when the value rounded to zero in fixed mode, and `"0"` (with
/// `decpt == 1`) for an exact zero in the other modes, like `_Py_dg_dtoa`.
struct Digits {
    digits: Vec<u8>,
    decpt: i64,
}

/// Parses Rust's `{:e}` output (`"1.2345e-7"`, `"5e0"`) of a non-negative
/// value.
fn parse_sci(s: &str) -> Digits {
    let (mantissa, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let mut digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    if digits.iter().all(|&d| d == b'0') {
        return Digits {
            digits: vec![b'0'],
            decpt: 1,
        };
    }
    Digits {
        digits,
        decpt: exp + 1,
    }
}

/// `_Py_dg_dtoa` mode 0: the shortest digit string that round-trips, and
/// among those the closest to `x`, ties going to an even last digit.
fn shortest_digits(x: f64) -> Digits {
    let mut d = parse_sci(&format!("{:e}", x.abs()));
    fix_shortest_tie(x.abs(), &mut d);
    d
}

/// Rust's shortest-digit search may settle a tie (two shortest candidates
/// exactly equally far from `x`) on the odd candidate, where dtoa takes the
/// even one: `repr(966663726993674.25)` is `966663726993674.2`. Detects the
/// tie exactly and switches to the even neighbour when it round-trips.
fn fix_shortest_tie(x: f64, d: &mut Digits) {
    if x == 0.0 || !x.is_finite() || d.digits.len() > 17 {
        return;
    }
    let Some(&last) = d.digits.last() else {
        return;
    };
    if (last - b'0').is_multiple_of(2) {
        return;
    }
    let (mut m, mut e) = decompose(x);
    let tz = m.trailing_zeros();
    m >>= tz;
    e += i64::from(tz);
    // The candidate is D * 10**-k. A tie means 2 * x * 10**k == 2D +- 1,
    // an odd integer; with x = m * 2**e (m odd) that forces k == -e - 1 and
    // then 2 * x * 10**k == m * 5**k.
    let n = i64::try_from(d.digits.len()).unwrap_or(0);
    let k = n - d.decpt;
    if k != -e - 1 {
        return;
    }
    let twice: Option<u128> = if k >= 0 {
        u32::try_from(k)
            .ok()
            .and_then(|k| 5u128.checked_pow(k))
            .and_then(|p| p.checked_mul(u128::from(m)))
    } else {
        u32::try_from(-k)
            .ok()
            .and_then(|k| 5u64.checked_pow(k))
            .filter(|&p| m.is_multiple_of(p))
            .map(|p| u128::from(m / p))
    };
    let Some(twice) = twice else {
        return;
    };
    let value: u128 = d
        .digits
        .iter()
        .fold(0u128, |acc, &b| acc * 10 + u128::from(b - b'0'));
    let candidate = if twice + 1 == 2 * value {
        value - 1
    } else if twice == 2 * value + 1 {
        value + 1
    } else {
        return;
    };
    if format!("{candidate}e{}", -k).parse::<f64>() != Ok(x) {
        return;
    }
    let text = candidate.to_string();
    d.decpt = i64::try_from(text.len()).unwrap_or(0) - k;
    d.digits = text.into_bytes();
    while d.digits.len() > 1 && d.digits.last() == Some(&b'0') {
        d.digits.pop();
    }
}

/// `_Py_dg_dtoa` mode 2: `n >= 1` significant digits, correctly rounded.
fn significant_digits(x: f64, n: usize) -> Digits {
    parse_sci(&format!("{:.*e}", n.saturating_sub(1), x.abs()))
}

/// `_Py_dg_dtoa` mode 3: `n` digits after the decimal point, correctly
/// rounded.
fn fixed_digits(x: f64, n: usize) -> Digits {
    let s = format!("{:.*}", n, x.abs());
    let (int_part, frac_part) = s.split_once('.').unwrap_or((&s, ""));
    let mut digits: Vec<u8> = int_part.bytes().chain(frac_part.bytes()).collect();
    let mut decpt = i64::try_from(int_part.len()).unwrap_or(i64::MAX);
    let leading = digits.iter().take_while(|&&d| d == b'0').count();
    digits.drain(..leading);
    decpt -= i64::try_from(leading).unwrap_or(0);
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    Digits { digits, decpt }
}

/// Flags of [`double_to_string`] (CPython's `Py_DTSF_*`).
#[derive(Debug, Clone, Copy, Default)]
struct DtoaFlags {
    /// `Py_DTSF_ADD_DOT_0`: an integral result without exponent gets `.0`.
    add_dot_0: bool,
    /// `Py_DTSF_ALT`: keep the decimal point and trailing zeros.
    alt: bool,
    /// `Py_DTSF_NO_NEG_0`: `-0` (after rounding) is written `0`.
    no_neg_0: bool,
}

/// Pushes `n` copies of `b`.
fn push_repeat(out: &mut Vec<u8>, b: u8, n: i64) {
    if let Ok(n) = usize::try_from(n) {
        out.extend(std::iter::repeat_n(b, n));
    }
}

/// `PyOS_double_to_string`: `x` as text in format `code` (`e E f F g G`,
/// or `r` for `repr`) with the given precision. No sign is written for
/// non-negative values; a NaN never gets a sign.
fn double_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let upper = code.is_ascii_uppercase();
    if x.is_nan() {
        return if upper { "NAN" } else { "nan" }.to_owned();
    }
    if x.is_infinite() {
        let s = if upper { "INF" } else { "inf" };
        return if x < 0.0 {
            format!("-{s}")
        } else {
            s.to_owned()
        };
    }
    let code = code.to_ascii_lowercase();
    let mut precision = i64::try_from(precision).unwrap_or(i64::MAX);
    let Digits { digits, mut decpt } = match code {
        'e' => {
            precision += 1;
            significant_digits(x, usize::try_from(precision).unwrap_or(usize::MAX))
        }
        'f' => fixed_digits(x, usize::try_from(precision).unwrap_or(usize::MAX)),
        'g' => {
            if precision == 0 {
                precision = 1;
            }
            significant_digits(x, usize::try_from(precision).unwrap_or(usize::MAX))
        }
        _ => shortest_digits(x),
    };
    let mut negative = x.is_sign_negative();
    if flags.no_neg_0 && negative && digits.iter().all(|&d| d == b'0') {
        negative = false;
    }

    // The rest follows format_float_short: output the slice
    // vdigits[vdigits_start..vdigits_end] of the digits padded with zeros on
    // both sides, with a decimal point at position decpt.
    let digits_len = i64::try_from(digits.len()).unwrap_or(i64::MAX);
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt.saturating_add(precision),
        'g' => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && flags.add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }

    let mut out: Vec<u8> =
        Vec::with_capacity(usize::try_from(vdigits_end - vdigits_start + 8).unwrap_or(0));
    if negative {
        out.push(b'-');
    }
    if decpt <= 0 {
        push_repeat(&mut out, b'0', decpt - vdigits_start);
        out.push(b'.');
        push_repeat(&mut out, b'0', -decpt);
    } else {
        push_repeat(&mut out, b'0', -vdigits_start);
    }
    let split = usize::try_from(decpt).unwrap_or(0);
    if 0 < decpt && decpt <= digits_len {
        out.extend_from_slice(digits.get(..split).unwrap_or(&[]));
        out.push(b'.');
        out.extend_from_slice(digits.get(split..).unwrap_or(&[]));
    } else {
        out.extend_from_slice(&digits);
    }
    if digits_len < decpt {
        push_repeat(&mut out, b'0', decpt - digits_len);
        out.push(b'.');
        push_repeat(&mut out, b'0', vdigits_end - decpt);
    } else {
        push_repeat(&mut out, b'0', vdigits_end - digits_len);
    }
    if out.last() == Some(&b'.') && !flags.alt {
        out.pop();
    }
    let mut s: String = out.into_iter().map(char::from).collect();
    if use_exp {
        s.push(if upper { 'E' } else { 'e' });
        // C's "%+.02d": a sign and at least two digits.
        s.push(if exp < 0 { '-' } else { '+' });
        s.push_str(&format!("{:02}", exp.unsigned_abs()));
    }
    s
}

/// `repr(x)` and `str(x)` for a Python `float`: the shortest digits that
/// round-trip; scientific notation when the decimal exponent is below -4 or
/// at least 16; integral values get `.0`; `inf`, `-inf`, `nan`.
pub fn float_repr(x: f64) -> String {
    double_to_string(
        x,
        'r',
        0,
        DtoaFlags {
            add_dot_0: true,
            ..DtoaFlags::default()
        },
    )
}

// ---------------------------------------------------------------------------
// round()
// ---------------------------------------------------------------------------

/// `round(x)` with no `ndigits`, before the conversion to `int`: the nearest
/// integer, ties to even (`round(2.5) == 2`). Infinities and NaN are
/// returned unchanged (the VM raises when converting them to `int`).
pub fn round_half_even(x: f64) -> f64 {
    x.round_ties_even()
}

/// `round(x, ndigits)` for a `float`: the double nearest to the exact value
/// of `x` rounded (ties to even) to `ndigits` decimal places, as CPython's
/// `double_round` computes it (so `round(2.675, 2) == 2.67`, because 2.675
/// is really 2.67499999...). Non-finite values are returned unchanged; a
/// result too large for a double is `OverflowError("rounded value too large
/// to represent")`.
pub fn round_float(x: f64, ndigits: i64) -> Result<f64, FormatError> {
    // CPython's NDIGITS_MAX / NDIGITS_MIN: beyond them x is returned
    // unchanged, or rounds to a zero with the sign of x.
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    if x == 0.0 {
        return Ok(x);
    }
    let (mantissa, exp2) = decompose(x);
    let q = round_scaled(mantissa, exp2, ndigits);
    let text = format!("{}e{}", q, -ndigits);
    let rounded: f64 = text.parse().unwrap_or(f64::INFINITY);
    if rounded.is_infinite() {
        return Err(FormatError::overflow(
            "rounded value too large to represent",
        ));
    }
    Ok(if x.is_sign_negative() {
        -rounded
    } else {
        rounded
    })
}

/// `|x| == mantissa * 2**exp` for a finite, non-zero `x`.
fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let biased = i64::try_from((bits >> 52) & 0x7ff).unwrap_or(0);
    let fraction = bits & ((1u64 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), biased - 1075)
    }
}

/// `round_half_even(mantissa * 2**exp2 * 10**ndigits)`, exactly.
fn round_scaled(mantissa: u64, exp2: i64, ndigits: i64) -> BigUint {
    // value = num / den with both integers.
    let mut num = BigUint::from(mantissa);
    let mut den = BigUint::from(1u32);
    let shift = usize::try_from(exp2.unsigned_abs()).unwrap_or(0);
    if exp2 >= 0 {
        num <<= shift;
    } else {
        den <<= shift;
    }
    let pow10 = num_traits::pow(
        BigUint::from(10u32),
        usize::try_from(ndigits.unsigned_abs()).unwrap_or(0),
    );
    if ndigits >= 0 {
        num *= pow10;
    } else {
        den *= pow10;
    }
    let (q, r) = num.div_rem(&den);
    let twice = r << 1usize;
    if twice > den || (twice == den && q.is_odd()) {
        q + 1u32
    } else {
        q
    }
}

// ---------------------------------------------------------------------------
// The format-spec mini-language
// ---------------------------------------------------------------------------

/// A parsed format spec, `[[fill]align][sign][z][#][0][width][grouping]
/// [.precision][type]`, as `format(x, spec)`, f-strings and `str.format`
/// use it.
///
/// The defaults that depend on the object (default type, default
/// alignment) are applied by [`format_int`], [`format_float`] and
/// [`format_str`], which also make the checks that depend on the type, in
/// CPython's order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FormatSpec {
    /// The fill character, when given together with an alignment.
    pub fill: Option<char>,
    /// `<`, `>`, `^` or `=`, when given.
    pub align: Option<char>,
    /// `+`, `-` or ` `, when given.
    pub sign: Option<char>,
    /// `z`: coerce negative zero to zero (floats only).
    pub no_neg_zero: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// A `0` before the width (without an explicit fill): fill with `0`,
    /// and for numbers without an explicit alignment, align with `=`.
    pub zero_pad: bool,
    /// The minimum width, in code points.
    pub width: Option<usize>,
    /// `,` or `_`.
    pub grouping: Option<char>,
    /// The precision.
    pub precision: Option<usize>,
    /// The presentation type character, when given.
    pub ty: Option<char>,
    /// The whole spec text when more than one character was left where the
    /// type should be: CPython reports `Invalid format specifier` with the
    /// object's type name, which is only known when formatting.
    invalid: Option<String>,
}

/// CPython's `get_integer` for format specs: a run of Unicode decimal
/// digits starting at `*pos`; `None` when there is none.
fn spec_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, FormatError> {
    let mut acc: usize = 0;
    let mut any = false;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|&a| a <= isize::MAX as usize)
            .ok_or_else(|| FormatError::value("Too many decimal digits in format string"))?;
        any = true;
        *pos += 1;
    }
    Ok(any.then_some(acc))
}

impl FormatSpec {
    /// Parses a format spec (CPython's `parse_internal_render_format_spec`).
    ///
    /// Errors found here: `Format specifier missing precision`, `Cannot
    /// specify both ',' and '_'.`, `Too many decimal digits in format
    /// string`. A spec with trailing junk is accepted here and reported by
    /// the `format_*` functions, because CPython's message names the type.
    pub fn parse(spec: &str) -> Result<FormatSpec, FormatError> {
        let chars: Vec<char> = spec.chars().collect();
        let n = chars.len();
        let at = |i: usize| chars.get(i).copied();
        let is_align = |c: Option<char>| matches!(c, Some('<' | '>' | '=' | '^'));
        let mut out = FormatSpec::default();
        let mut pos = 0;
        if n >= 2 && is_align(at(1)) {
            out.fill = at(0);
            out.align = at(1);
            pos = 2;
        } else if is_align(at(0)) {
            out.align = at(0);
            pos = 1;
        }
        if let Some(c @ ('+' | '-' | ' ')) = at(pos) {
            out.sign = Some(c);
            pos += 1;
        }
        if at(pos) == Some('z') {
            out.no_neg_zero = true;
            pos += 1;
        }
        if at(pos) == Some('#') {
            out.alternate = true;
            pos += 1;
        }
        if out.fill.is_none() && at(pos) == Some('0') {
            out.zero_pad = true;
            pos += 1;
        }
        out.width = spec_integer(&chars, &mut pos)?;
        if at(pos) == Some(',') {
            out.grouping = Some(',');
            pos += 1;
        }
        if at(pos) == Some('_') {
            if out.grouping.is_some() {
                return Err(FormatError::value("Cannot specify both ',' and '_'."));
            }
            out.grouping = Some('_');
            pos += 1;
        }
        if at(pos) == Some(',') && out.grouping == Some('_') {
            return Err(FormatError::value("Cannot specify both ',' and '_'."));
        }
        if at(pos) == Some('.') {
            pos += 1;
            out.precision = spec_integer(&chars, &mut pos)?;
            if out.precision.is_none() {
                return Err(FormatError::value("Format specifier missing precision"));
            }
        }
        if n - pos > 1 {
            out.invalid = Some(spec.to_owned());
            return Ok(out);
        }
        out.ty = at(pos);
        Ok(out)
    }

    /// The deferred `Invalid format specifier` error, if any.
    fn check_valid(&self, type_name: &str) -> Result<(), FormatError> {
        match &self.invalid {
            Some(spec) => Err(FormatError::value(format!(
                "Invalid format specifier '{spec}' for object of type '{type_name}'"
            ))),
            None => Ok(()),
        }
    }

    /// CPython's check of the grouping option against the type (with the
    /// object's default type applied). Returns the separator and group size.
    fn grouping_for(&self, ty: Option<char>) -> Result<Option<(u8, usize)>, FormatError> {
        let Some(sep) = self.grouping else {
            return Ok(None);
        };
        let sep_byte = if sep == ',' { b',' } else { b'_' };
        match ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => Ok(Some((sep_byte, 3))),
            Some('b' | 'o' | 'x' | 'X') if sep == '_' => Ok(Some((sep_byte, 4))),
            Some(t) => Err(FormatError::value(format!(
                "Cannot specify '{sep}' with '{}'.",
                show_code(t)
            ))),
        }
    }

    /// The fill character and alignment for an object whose default
    /// alignment is `default_align`.
    fn fill_align(&self, default_align: char) -> (char, char) {
        let fill = self.fill.unwrap_or(if self.zero_pad { '0' } else { ' ' });
        let align = self
            .align
            .unwrap_or(if self.zero_pad && default_align == '>' {
                '='
            } else {
                default_align
            });
        (fill, align)
    }
}

/// `Unknown format code ...` for a type the object does not support.
fn unknown_code(ty: char, type_name: &str) -> FormatError {
    FormatError::value(format!(
        "Unknown format code '{}' for object of type '{type_name}'",
        show_code(ty)
    ))
}

/// The layout of a formatted number (CPython's `calc_number_widths` and
/// `fill_number`): `<lpad><sign><prefix><spad><grouped digits><.><remainder>
/// <rpad>`.
struct NumberLayout {
    fill: char,
    align: char,
    sign: Option<char>,
    width: Option<usize>,
    grouping: Option<(u8, usize)>,
}

/// CPython's `_PyUnicode_InsertThousandsGrouping`: groups `digits` from the
/// right, padding with zeros (and separators) up to `min_width` characters.
fn group_digits(digits: &[u8], min_width: i64, grouping: Option<(u8, usize)>) -> Vec<u8> {
    // Built from the right, reversed at the end.
    let mut out: Vec<u8> = Vec::with_capacity(digits.len() + digits.len() / 3 + 1);
    let mut min_width = min_width.max(0);
    let mut remaining = i64::try_from(digits.len()).unwrap_or(i64::MAX);
    let mut end = digits.len();
    let mut use_separator = false;
    let emit = |out: &mut Vec<u8>, end: &mut usize, n_chars: i64, n_zeros: i64, sep: Option<u8>| {
        if let Some(sep) = sep {
            out.push(sep);
        }
        let n = usize::try_from(n_chars).unwrap_or(0).min(*end);
        out.extend(digits.get(*end - n..*end).unwrap_or(&[]).iter().rev());
        *end -= n;
        push_repeat(out, b'0', n_zeros);
    };
    let mut loop_broken = false;
    if let Some((sep, size)) = grouping {
        let size = i64::try_from(size).unwrap_or(3);
        loop {
            let len = size.min(remaining.max(min_width).max(1));
            let n_zeros = (len - remaining).max(0);
            let n_chars = remaining.min(len).max(0);
            emit(
                &mut out,
                &mut end,
                n_chars,
                n_zeros,
                use_separator.then_some(sep),
            );
            use_separator = true;
            remaining -= n_chars;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                loop_broken = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !loop_broken {
        let len = remaining.max(min_width).max(1);
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        let sep = grouping.map(|(s, _)| s).filter(|_| use_separator);
        emit(&mut out, &mut end, n_chars, n_zeros, sep);
    }
    out.reverse();
    out
}

/// Lays out a number: `negative` selects the `-` sign, `prefix` is `0x` and
/// friends, `digits` the ASCII digits to group, `has_decimal` whether a `.`
/// follows them, `remainder` what comes after (fraction, exponent, `%`,
/// `inf`...).
fn layout_number(
    negative: bool,
    prefix: &str,
    digits: &[u8],
    has_decimal: bool,
    remainder: &str,
    layout: &NumberLayout,
) -> Result<String, FormatError> {
    let width = layout.width.map(|w| i64::try_from(w).unwrap_or(i64::MAX));
    let sign = match layout.sign {
        Some('+') => Some(if negative { '-' } else { '+' }),
        Some(' ') => Some(if negative { '-' } else { ' ' }),
        _ => negative.then_some('-'),
    };
    let n_prefix = i64::try_from(prefix.len()).unwrap_or(0);
    let n_remainder = i64::try_from(remainder.chars().count()).unwrap_or(0);
    let n_non_digit = i64::from(sign.is_some()) + n_prefix + i64::from(has_decimal) + n_remainder;
    let min_width = match width {
        Some(w) if layout.fill == '0' && layout.align == '=' => w - n_non_digit,
        _ => 0,
    };
    let grouped = if digits.is_empty() {
        Vec::new()
    } else {
        group_digits(digits, min_width, layout.grouping)
    };
    let n_grouped = i64::try_from(grouped.len()).unwrap_or(i64::MAX);
    let padding = width.map_or(0, |w| (w - n_non_digit - n_grouped).max(0));
    let (lpad, spad, rpad) = match layout.align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let fill = layout.fill;
    let mut out = String::with_capacity(grouped.len() + remainder.len() + 8);
    let pad = |out: &mut String, n: i64| {
        out.extend(std::iter::repeat_n(fill, usize::try_from(n).unwrap_or(0)));
    };
    pad(&mut out, lpad);
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(prefix);
    pad(&mut out, spad);
    out.extend(grouped.iter().map(|&b| char::from(b)));
    if has_decimal {
        out.push('.');
    }
    out.push_str(remainder);
    pad(&mut out, rpad);
    Ok(out)
}

/// `format(v, spec)` for an `int`.
pub fn format_int(v: &IntValue, spec: &FormatSpec) -> Result<String, FormatError> {
    format_int_as(v, spec, "int")
}

/// `format(v, spec)` for an `int` subclass such as `bool`; `type_name` goes
/// into the error messages. (An empty spec means `str(v)`, which for `bool`
/// is `True`/`False`: that case is the VM's.)
pub fn format_int_as(
    v: &IntValue,
    spec: &FormatSpec,
    type_name: &str,
) -> Result<String, FormatError> {
    spec.check_valid(type_name)?;
    let ty = spec.ty.unwrap_or('d');
    let grouping = spec.grouping_for(Some(ty))?;
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x = v
                .to_f64()
                .map_err(|e| FormatError::overflow(e.to_string()))?;
            return format_float_internal(x, spec, Some(ty), grouping);
        }
        _ => return Err(unknown_code(ty, type_name)),
    }
    if spec.precision.is_some() {
        return Err(FormatError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_zero {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if let Some(w) = spec.width {
        check_size(w)?;
    }
    let (fill, align) = spec.fill_align('>');
    let layout = NumberLayout {
        fill,
        align,
        sign: spec.sign,
        width: spec.width,
        grouping: if ty == 'n' { None } else { grouping },
    };
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(FormatError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(FormatError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let c = int_to_char(v, "Python int too large to convert to C long")?;
        return layout_number(false, "", &[], false, c.encode_utf8(&mut [0; 4]), &layout);
    }
    let (radix, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = magnitude_digits(v, radix);
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let prefix = if spec.alternate { prefix } else { "" };
    layout_number(
        v.is_negative(),
        prefix,
        digits.as_bytes(),
        false,
        "",
        &layout,
    )
}

/// The digits of `|v|` in `radix` (2, 8, 10 or 16), lowercase.
fn magnitude_digits(v: &IntValue, radix: u32) -> String {
    match v {
        IntValue::Small(i) => {
            let m = i.unsigned_abs();
            match radix {
                2 => format!("{m:b}"),
                8 => format!("{m:o}"),
                16 => format!("{m:x}"),
                _ => m.to_string(),
            }
        }
        IntValue::Big(_) => v.abs().to_str_radix(radix),
    }
}

/// The character with code point `v`, for `format(v, 'c')` and `'%c' % v`.
/// `too_large` is the `OverflowError` message for values beyond a C long.
fn int_to_char(v: &IntValue, too_large: &str) -> Result<char, FormatError> {
    let Some(i) = v.as_i64() else {
        return Err(FormatError::overflow(too_large));
    };
    if !(0..=0x10ffff).contains(&i) {
        return Err(FormatError::overflow("%c arg not in range(0x110000)"));
    }
    u32::try_from(i)
        .ok()
        .and_then(char::from_u32)
        .ok_or_else(|| FormatError::value("surrogate code points cannot be represented"))
}

/// `format(x, spec)` for a `float`.
pub fn format_float(x: f64, spec: &FormatSpec) -> Result<String, FormatError> {
    format_float_as(x, spec, "float")
}

/// `format(x, spec)` for a `float` subclass; `type_name` goes into the error
/// messages.
pub fn format_float_as(x: f64, spec: &FormatSpec, type_name: &str) -> Result<String, FormatError> {
    spec.check_valid(type_name)?;
    let grouping = spec.grouping_for(spec.ty)?;
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {}
        Some(t) => return Err(unknown_code(t, type_name)),
    }
    format_float_internal(x, spec, spec.ty, grouping)
}

/// CPython's `format_float_internal`.
fn format_float_internal(
    x: f64,
    spec: &FormatSpec,
    ty: Option<char>,
    grouping: Option<(u8, usize)>,
) -> Result<String, FormatError> {
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(FormatError::value("precision too big"));
    }
    if let Some(p) = spec.precision {
        check_size(p)?;
    }
    if let Some(w) = spec.width {
        check_size(w)?;
    }
    let mut flags = DtoaFlags {
        alt: spec.alternate,
        no_neg_0: spec.no_neg_zero,
        add_dot_0: false,
    };
    let mut x = x;
    let mut default_precision = 6;
    let mut add_pct = false;
    let mut code = match ty {
        None => {
            flags.add_dot_0 = true;
            default_precision = 0;
            'r'
        }
        Some('n') => 'g',
        Some('%') => {
            x *= 100.0;
            add_pct = true;
            'f'
        }
        Some(t) => t,
    };
    let precision = match spec.precision {
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
        None => default_precision,
    };
    let mut text = double_to_string(x, code, precision, flags);
    if add_pct {
        text.push('%');
    }
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let n_digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(n_digits);
    let (has_decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let (fill, align) = spec.fill_align('>');
    let layout = NumberLayout {
        fill,
        align,
        sign: spec.sign,
        width: spec.width,
        grouping: if ty == Some('n') { None } else { grouping },
    };
    layout_number(
        negative,
        "",
        digits.as_bytes(),
        has_decimal,
        remainder,
        &layout,
    )
}

/// `format(s, spec)` for a `str`.
pub fn format_str(s: &str, spec: &FormatSpec) -> Result<String, FormatError> {
    format_str_as(s, spec, "str")
}

/// `format(s, spec)` for a `str` subclass; `type_name` goes into the error
/// messages.
pub fn format_str_as(s: &str, spec: &FormatSpec, type_name: &str) -> Result<String, FormatError> {
    spec.check_valid(type_name)?;
    let ty = spec.ty.unwrap_or('s');
    spec.grouping_for(Some(ty))?;
    if ty != 's' {
        return Err(unknown_code(ty, type_name));
    }
    match spec.sign {
        Some(' ') => {
            return Err(FormatError::value(
                "Space not allowed in string format specifier",
            ))
        }
        Some(_) => {
            return Err(FormatError::value(
                "Sign not allowed in string format specifier",
            ))
        }
        None => {}
    }
    if spec.no_neg_zero {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(FormatError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    let (fill, align) = spec.fill_align('<');
    if align == '=' {
        return Err(FormatError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    if let Some(w) = spec.width {
        check_size(w)?;
    }
    let mut len = char_len(s);
    let mut text = s;
    if let Some(p) = spec.precision {
        if len > p {
            len = p;
            let end = s.char_indices().nth(p).map_or(s.len(), |(b, _)| b);
            text = s.get(..end).unwrap_or(s);
        }
    }
    let total = spec.width.map_or(len, |w| w.max(len));
    let lpad = match align {
        '>' => total - len,
        '^' => (total - len) / 2,
        _ => 0,
    };
    let rpad = total - len - lpad;
    let mut out = String::with_capacity(text.len() + (lpad + rpad) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, lpad));
    out.push_str(text);
    out.extend(std::iter::repeat_n(fill, rpad));
    Ok(out)
}

// ---------------------------------------------------------------------------
// %-formatting
// ---------------------------------------------------------------------------

/// A width or precision in a `%` conversion spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    /// `*`: taken from the next argument (see [`PercentSpec::set_star_width`]
    /// and [`PercentSpec::set_star_precision`]).
    Star,
    /// A number written in the format.
    Fixed(usize),
}

/// The flags of a `%` conversion spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PercentFlags {
    /// `-`: left-justify.
    pub left: bool,
    /// `+`: always write a sign.
    pub plus: bool,
    /// ` `: a space before non-negative numbers.
    pub space: bool,
    /// `#`: alternate form (`0x`, `0o` prefixes; a point for floats).
    pub alt: bool,
    /// `0`: pad numbers with zeros.
    pub zero: bool,
}

/// One `%` conversion spec, `%[(key)][flags][width][.precision][lLh]conv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PercentSpec {
    /// The mapping key of `%(key)s`.
    pub key: Option<String>,
    /// The flags.
    pub flags: PercentFlags,
    /// The width.
    pub width: Option<Count>,
    /// The precision (`%.f` has precision 0).
    pub precision: Option<Count>,
    /// The conversion character: one of `d i u o x X e E f F g G c s r a`
    /// (any character in specs from [`percent_pieces`]: see
    /// [`PercentSpec::check_conv`]).
    pub conv: char,
    /// The code-point index of `conv` in the format string.
    pub index: usize,
}

impl PercentSpec {
    /// Resolves a `*` width from its argument: a negative width means
    /// left-justified (CPython's `PyLong_AsSsize_t` range check, with its
    /// `OverflowError`, is the VM's).
    pub fn set_star_width(&mut self, w: i64) {
        if w < 0 {
            self.flags.left = true;
        }
        self.width = Some(Count::Fixed(
            usize::try_from(w.unsigned_abs()).unwrap_or(usize::MAX),
        ));
    }

    /// Resolves a `*` precision from its argument (negative means 0).
    pub fn set_star_precision(&mut self, p: i64) {
        self.precision = Some(Count::Fixed(
            usize::try_from(p.max(0)).unwrap_or(usize::MAX),
        ));
    }

    /// `Ok` for the conversion characters `d i u o x X e E f F g G c s r
    /// a`; otherwise CPython's `ValueError("unsupported format character
    /// 'y' (0x79) at index 3")`.
    pub fn check_conv(&self) -> Result<(), FormatError> {
        if "diuoxXeEfFgGcsra".contains(self.conv) {
            return Ok(());
        }
        // CPython shows the character itself only in 31..=126.
        let cp = self.conv as u32;
        let shown = if (31..=126).contains(&cp) {
            self.conv
        } else {
            '?'
        };
        Err(FormatError::value(format!(
            "unsupported format character '{shown}' (0x{cp:x}) at index {}",
            self.index
        )))
    }

    /// The resolved width (`*` still unresolved counts as absent).
    fn fixed_width(&self) -> Option<usize> {
        match self.width {
            Some(Count::Fixed(w)) => Some(w),
            _ => None,
        }
    }

    /// The resolved precision (`*` still unresolved counts as absent).
    fn fixed_precision(&self) -> Option<usize> {
        match self.precision {
            Some(Count::Fixed(p)) => Some(p),
            _ => None,
        }
    }
}

/// A piece of a `%` format string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PercentPiece {
    /// Text copied as is (`%%` already turned into `%`).
    Literal(String),
    /// A conversion.
    Spec(PercentSpec),
}

/// Parses a whole `%` format string up front (CPython's
/// `unicode_format_arg_parse` applied to every conversion).
///
/// Errors: `incomplete format`, `incomplete format key`, `width too big`,
/// `precision too big`, `unsupported format character 'y' (0x79) at index
/// 3`. CPython parses lazily, formatting each conversion before parsing the
/// next, and fetches a conversion's argument before rejecting its
/// character; a VM that wants the same error order when a format has
/// several faults should iterate [`percent_pieces`] instead.
pub fn parse_percent(fmt: &str) -> Result<Vec<PercentPiece>, FormatError> {
    let mut pieces = Vec::new();
    for piece in percent_pieces(fmt) {
        let piece = piece?;
        if let PercentPiece::Spec(spec) = &piece {
            spec.check_conv()?;
        }
        pieces.push(piece);
    }
    Ok(pieces)
}

/// The pieces of a `%` format string, parsed lazily in CPython's order:
/// literal text, then each conversion spec as it is reached. After an error
/// the iterator ends.
///
/// Unlike [`parse_percent`], a spec with an unsupported conversion
/// character is yielded as is: CPython fetches its argument first and then
/// raises [`PercentSpec::check_conv`]'s error.
pub fn percent_pieces(fmt: &str) -> PercentPieces {
    PercentPieces {
        chars: fmt.chars().collect(),
        pos: 0,
        done: false,
    }
}

/// Iterator returned by [`percent_pieces`].
#[derive(Debug, Clone)]
pub struct PercentPieces {
    chars: Vec<char>,
    pos: usize,
    done: bool,
}

impl Iterator for PercentPieces {
    type Item = Result<PercentPiece, FormatError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let mut literal = String::new();
        while let Some(&c) = self.chars.get(self.pos) {
            if c != '%' {
                literal.push(c);
                self.pos += 1;
            } else if self.chars.get(self.pos + 1) == Some(&'%') {
                literal.push('%');
                self.pos += 2;
            } else {
                break;
            }
        }
        if !literal.is_empty() {
            return Some(Ok(PercentPiece::Literal(literal)));
        }
        if self.pos >= self.chars.len() {
            self.done = true;
            return None;
        }
        self.pos += 1; // the '%'
        let spec = parse_one_percent(&self.chars, &mut self.pos);
        if spec.is_err() {
            self.done = true;
        }
        Some(spec.map(PercentPiece::Spec))
    }
}

/// Parses one conversion spec; `*i` is just after the `%`.
fn parse_one_percent(chars: &[char], i: &mut usize) -> Result<PercentSpec, FormatError> {
    let incomplete = || FormatError::value("incomplete format");
    let mut spec = PercentSpec {
        key: None,
        flags: PercentFlags::default(),
        width: None,
        precision: None,
        conv: '\0',
        index: 0,
    };
    if chars.get(*i) == Some(&'(') {
        *i += 1;
        let start = *i;
        let mut depth = 1;
        while depth > 0 {
            match chars.get(*i) {
                None => return Err(FormatError::value("incomplete format key")),
                Some(')') => depth -= 1,
                Some('(') => depth += 1,
                Some(_) => {}
            }
            *i += 1;
        }
        spec.key = Some(chars.get(start..*i - 1).unwrap_or(&[]).iter().collect());
    }
    loop {
        match chars.get(*i) {
            Some('-') => spec.flags.left = true,
            Some('+') => spec.flags.plus = true,
            Some(' ') => spec.flags.space = true,
            Some('#') => spec.flags.alt = true,
            Some('0') => spec.flags.zero = true,
            _ => break,
        }
        *i += 1;
    }
    spec.width = parse_percent_count(chars, i, isize::MAX as usize, "width too big")?;
    if chars.get(*i) == Some(&'.') {
        *i += 1;
        spec.precision = Some(
            parse_percent_count(chars, i, i32::MAX as usize, "precision too big")?
                .unwrap_or(Count::Fixed(0)),
        );
    }
    if matches!(chars.get(*i), Some('h' | 'l' | 'L')) {
        *i += 1;
    }
    let conv = *chars.get(*i).ok_or_else(incomplete)?;
    spec.conv = conv;
    spec.index = *i;
    *i += 1;
    Ok(spec)
}

/// A `*` or a run of ASCII digits (at most `max`), or nothing.
fn parse_percent_count(
    chars: &[char],
    i: &mut usize,
    max: usize,
    too_big: &str,
) -> Result<Option<Count>, FormatError> {
    if chars.get(*i) == Some(&'*') {
        *i += 1;
        return Ok(Some(Count::Star));
    }
    let mut value: Option<usize> = None;
    while let Some(d) = chars.get(*i).and_then(|c| c.to_digit(10)) {
        let v = value
            .unwrap_or(0)
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
            .filter(|&v| v <= max)
            .ok_or_else(|| FormatError::value(too_big))?;
        value = Some(v);
        *i += 1;
    }
    Ok(value.map(Count::Fixed))
}

/// CPython's `unicode_format_arg_output`: applies sign, `#` prefix, width
/// and (for `s`, `r`, `a`) precision to an already converted value.
/// `numeric` is CPython's `arg->sign` (true for number conversions).
fn percent_output(text: &str, spec: &PercentSpec, numeric: bool) -> Result<String, FormatError> {
    let flags = spec.flags;
    let chars: Vec<char> = text.chars().collect();
    let mut len = chars.len();
    let mut width = spec.fixed_width().unwrap_or(0);
    check_size(width)?;
    if matches!(spec.conv, 's' | 'r' | 'a') {
        if let Some(p) = spec.fixed_precision() {
            len = len.min(p);
        }
    }
    let fill = if numeric && flags.zero { '0' } else { ' ' };
    let mut start = 0;
    let mut sign_char = None;
    if numeric {
        match chars.first() {
            Some(&c @ ('-' | '+')) => {
                sign_char = Some(c);
                len -= 1;
                start = 1;
            }
            _ if flags.plus => sign_char = Some('+'),
            _ if flags.space => sign_char = Some(' '),
            _ => {}
        }
    }
    width = width.max(len);
    let has_prefix = flags.alt && matches!(spec.conv, 'x' | 'X' | 'o');
    let mut out = String::with_capacity(width + 2);
    if let Some(s) = sign_char {
        if fill != ' ' {
            out.push(s);
        }
        if width > len {
            width -= 1;
        }
    }
    if has_prefix {
        if fill != ' ' {
            out.extend(chars.get(start..start + 2).unwrap_or(&[]));
            start += 2;
        }
        width = width.saturating_sub(2);
        len = len.saturating_sub(2);
    }
    if width > len && !flags.left {
        out.extend(std::iter::repeat_n(fill, width - len));
        width = len;
    }
    if fill == ' ' {
        if let Some(s) = sign_char {
            out.push(s);
        }
        if has_prefix {
            out.extend(chars.get(start..start + 2).unwrap_or(&[]));
            start += 2;
        }
    }
    out.extend(chars.get(start..start + len).unwrap_or(&[]));
    if width > len {
        out.extend(std::iter::repeat_n(' ', width - len));
    }
    Ok(out)
}

/// `%d %i %u %o %x %X` of an `int` (the VM converts other numbers first),
/// and `%c` of an `int`.
pub fn percent_int(v: &IntValue, spec: &PercentSpec) -> Result<String, FormatError> {
    if spec.conv == 'c' {
        let c = int_to_char(v, "%c arg not in range(0x110000)")?;
        return percent_output(c.encode_utf8(&mut [0; 4]), spec, false);
    }
    let precision = spec.fixed_precision().unwrap_or(0);
    check_size(precision)?;
    // _PyUnicode_FormatLong: sign, optional 0x/0o prefix, zeros up to the
    // precision, digits.
    let (radix, prefix) = match spec.conv {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = magnitude_digits(v, radix);
    if spec.conv == 'X' {
        digits.make_ascii_uppercase();
    }
    let mut text = String::with_capacity(digits.len().max(precision) + 3);
    if v.is_negative() {
        text.push('-');
    }
    if spec.flags.alt {
        text.push_str(prefix);
    }
    text.extend(std::iter::repeat_n(
        '0',
        precision.saturating_sub(digits.len()),
    ));
    text.push_str(&digits);
    percent_output(&text, spec, true)
}

/// `%e %E %f %F %g %G` of a `float` (the VM converts other numbers first).
pub fn percent_float(x: f64, spec: &PercentSpec) -> Result<String, FormatError> {
    let precision = spec.fixed_precision().unwrap_or(6);
    check_size(precision)?;
    let flags = DtoaFlags {
        alt: spec.flags.alt,
        ..DtoaFlags::default()
    };
    let text = double_to_string(x, spec.conv, precision, flags);
    percent_output(&text, spec, true)
}

/// `%s %r %a` (and `%c` of a one-character `str`): `text` is the already
/// converted `str()`/`repr()`/`ascii()` text; the precision truncates it
/// (except for `%c`) and the width pads it.
pub fn percent_str(text: &str, spec: &PercentSpec) -> Result<String, FormatError> {
    percent_output(text, spec, false)
}

// ---------------------------------------------------------------------------
// str.format templates
// ---------------------------------------------------------------------------

/// The first part of a replacement field's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKey {
    /// `{}`: the next positional argument (see [`AutoNumber`]).
    Auto,
    /// `{0}`: a positional argument.
    Index(usize),
    /// `{name}`: a keyword argument.
    Name(String),
}

/// An attribute or item access following the first part of a field name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldAccess {
    /// `.name`.
    Attr(String),
    /// `[0]`: an item with an integer key (all decimal digits).
    Index(usize),
    /// `[key]`: an item with a string key.
    Key(String),
}

/// A piece of a `str.format` template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatPiece {
    /// Text copied as is (`{{` and `}}` already unescaped).
    Literal(String),
    /// A replacement field `{first rest !conversion :spec}`.
    Field {
        /// The argument.
        first: FieldKey,
        /// Attribute and item accesses, in order.
        rest: Vec<FieldAccess>,
        /// The conversion character after `!`, unchecked (see
        /// [`check_conversion`]).
        conversion: Option<char>,
        /// The raw format spec. It may contain nested `{}` fields, which the
        /// VM expands (after looking this field's argument up) by
        /// formatting the spec as a template itself, with the same
        /// [`AutoNumber`] and one level less of nesting: CPython allows two
        /// levels in all and raises [`MAX_RECURSION`] beyond.
        spec: String,
    },
}

/// Parses a whole `str.format` template up front.
///
/// Errors (CPython's `ValueError`s): `Single '}' encountered in format
/// string`, `Single '{' encountered in format string`, `expected '}' before
/// end of string`, `unmatched '{' in format spec`, `unexpected '{' in field
/// name`, `end of string while looking for conversion specifier`,
/// `expected ':' after conversion specifier`, `Empty attribute in format
/// string`, `Missing ']' in format string`, `Only '.' or '[' may follow ']'
/// in format field specifier`, `Too many decimal digits in format string`.
/// CPython renders each field before parsing the next; a VM that wants the
/// same error order when a template has several faults should iterate
/// [`format_pieces`] instead.
pub fn parse_format_string(s: &str) -> Result<Vec<FormatPiece>, FormatError> {
    format_pieces(s).collect()
}

/// The pieces of a `str.format` template, parsed lazily in CPython's order
/// (`MarkupIterator`). After an error the iterator ends.
pub fn format_pieces(s: &str) -> FormatPieces {
    FormatPieces {
        chars: s.chars().collect(),
        pos: 0,
        done: false,
    }
}

/// Iterator returned by [`format_pieces`].
#[derive(Debug, Clone)]
pub struct FormatPieces {
    chars: Vec<char>,
    pos: usize,
    done: bool,
}

impl FormatPieces {
    /// The next piece, or `None` at the end.
    fn advance(&mut self) -> Result<Option<FormatPiece>, FormatError> {
        let mut literal = String::new();
        while let Some(&c) = self.chars.get(self.pos) {
            if c != '{' && c != '}' {
                literal.push(c);
                self.pos += 1;
                continue;
            }
            let next = self.chars.get(self.pos + 1).copied();
            if next == Some(c) {
                literal.push(c);
                self.pos += 2;
                continue;
            }
            if c == '}' {
                return Err(FormatError::value(
                    "Single '}' encountered in format string",
                ));
            }
            if next.is_none() {
                return Err(FormatError::value(
                    "Single '{' encountered in format string",
                ));
            }
            if !literal.is_empty() {
                return Ok(Some(FormatPiece::Literal(literal)));
            }
            self.pos += 1; // the '{'
            return parse_field(&self.chars, &mut self.pos).map(Some);
        }
        Ok((!literal.is_empty()).then_some(FormatPiece::Literal(literal)))
    }
}

impl Iterator for FormatPieces {
    type Item = Result<FormatPiece, FormatError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let piece = self.advance().transpose();
        if !matches!(piece, Some(Ok(_))) {
            self.done = true;
        }
        piece
    }
}

/// CPython's `parse_field`: `*i` is just after the `{`.
fn parse_field(chars: &[char], i: &mut usize) -> Result<FormatPiece, FormatError> {
    let name_start = *i;
    let mut c = '\0';
    while let Some(&ch) = chars.get(*i) {
        *i += 1;
        c = ch;
        match ch {
            '{' => return Err(FormatError::value("unexpected '{' in field name")),
            '[' => {
                while chars.get(*i).is_some_and(|&x| x != ']') {
                    *i += 1;
                }
            }
            '}' | ':' | '!' => break,
            _ => {}
        }
    }
    let name_end = if matches!(c, '}' | ':' | '!') && *i > name_start {
        *i - 1
    } else {
        *i
    };
    let name: Vec<char> = chars.get(name_start..name_end).unwrap_or(&[]).to_vec();
    let mut conversion = None;
    let mut spec = String::new();
    if c == '!' || c == ':' {
        if c == '!' {
            let Some(&conv) = chars.get(*i) else {
                return Err(FormatError::value(
                    "end of string while looking for conversion specifier",
                ));
            };
            conversion = Some(conv);
            *i += 1;
            if let Some(&next) = chars.get(*i) {
                *i += 1;
                if next == '}' {
                    let (first, rest) = split_field_name(&name)?;
                    return Ok(FormatPiece::Field {
                        first,
                        rest,
                        conversion,
                        spec,
                    });
                }
                if next != ':' {
                    return Err(FormatError::value(
                        "expected ':' after conversion specifier",
                    ));
                }
            }
        }
        let spec_start = *i;
        let mut depth = 1;
        loop {
            let Some(&ch) = chars.get(*i) else {
                return Err(FormatError::value("unmatched '{' in format spec"));
            };
            *i += 1;
            match ch {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
        }
        spec = chars
            .get(spec_start..*i - 1)
            .unwrap_or(&[])
            .iter()
            .collect();
    } else if c != '}' {
        return Err(FormatError::value("expected '}' before end of string"));
    }
    let (first, rest) = split_field_name(&name)?;
    Ok(FormatPiece::Field {
        first,
        rest,
        conversion,
        spec,
    })
}

/// CPython's `get_integer` for field names: `Some(n)` when `s` is a
/// non-empty run of Unicode decimal digits.
fn field_integer(s: &[char]) -> Result<Option<usize>, FormatError> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for &c in s {
        let Some(d) = decimal_value(c) else {
            return Ok(None);
        };
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|&a| a <= isize::MAX as usize)
            .ok_or_else(|| FormatError::value("Too many decimal digits in format string"))?;
    }
    Ok(Some(acc))
}

/// CPython's `field_name_split` and `FieldNameIterator`.
fn split_field_name(name: &[char]) -> Result<(FieldKey, Vec<FieldAccess>), FormatError> {
    let first_len = name
        .iter()
        .position(|&c| c == '.' || c == '[')
        .unwrap_or(name.len());
    let first_part = name.get(..first_len).unwrap_or(&[]);
    let first = if first_part.is_empty() {
        FieldKey::Auto
    } else {
        match field_integer(first_part)? {
            Some(n) => FieldKey::Index(n),
            None => FieldKey::Name(first_part.iter().collect()),
        }
    };
    let mut rest = Vec::new();
    let mut i = first_len;
    while let Some(&c) = name.get(i) {
        i += 1;
        match c {
            '.' => {
                let start = i;
                while name.get(i).is_some_and(|&x| x != '.' && x != '[') {
                    i += 1;
                }
                let attr = name.get(start..i).unwrap_or(&[]);
                if attr.is_empty() {
                    return Err(FormatError::value("Empty attribute in format string"));
                }
                rest.push(FieldAccess::Attr(attr.iter().collect()));
            }
            '[' => {
                let start = i;
                while name.get(i).is_some_and(|&x| x != ']') {
                    i += 1;
                }
                if name.get(i).is_none() {
                    return Err(FormatError::value("Missing ']' in format string"));
                }
                let key = name.get(start..i).unwrap_or(&[]);
                i += 1;
                if key.is_empty() {
                    return Err(FormatError::value("Empty attribute in format string"));
                }
                rest.push(match field_integer(key)? {
                    Some(n) => FieldAccess::Index(n),
                    None => FieldAccess::Key(key.iter().collect()),
                });
            }
            _ => {
                return Err(FormatError::value(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ))
            }
        }
    }
    Ok((first, rest))
}

/// Checks a `!` conversion character: `r`, `s` and `a` are valid; any other
/// is `ValueError("Unknown conversion specifier X")`. CPython checks it
/// after looking the field up.
pub fn check_conversion(c: char) -> Result<(), FormatError> {
    match c {
        'r' | 's' | 'a' => Ok(()),
        _ => {
            let shown = if (c as u32) > 32 && (c as u32) < 127 {
                c.to_string()
            } else {
                format!("\\x{:x}", c as u32)
            };
            Err(FormatError::value(format!(
                "Unknown conversion specifier {shown}"
            )))
        }
    }
}

/// The automatic field numbering state of one `str.format` call (shared by
/// the nested fields of its format specs), as CPython's `AutoNumber`.
#[derive(Debug, Clone, Default)]
pub struct AutoNumber {
    /// `None` until the first numeric field; then whether it was automatic.
    auto: Option<bool>,
    /// The next automatic index.
    next: usize,
}

impl AutoNumber {
    /// A fresh state.
    pub fn new() -> AutoNumber {
        AutoNumber::default()
    }

    /// The positional index a field refers to (`None` for a keyword field),
    /// or the error for mixing `{}` and `{0}`.
    pub fn resolve(&mut self, key: &FieldKey) -> Result<Option<usize>, FormatError> {
        let is_auto = match key {
            FieldKey::Name(_) => return Ok(None),
            FieldKey::Auto => true,
            FieldKey::Index(_) => false,
        };
        let state = *self.auto.get_or_insert(is_auto);
        if state && !is_auto {
            return Err(FormatError::value(AUTO_TO_MANUAL));
        }
        if !state && is_auto {
            return Err(FormatError::value(MANUAL_TO_AUTO));
        }
        Ok(Some(match key {
            FieldKey::Index(n) => *n,
            _ => {
                let n = self.next;
                self.next += 1;
                n
            }
        }))
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    //! The tables below were generated by running python3 (CPython 3.11.7)
    //! on each case; `!Name: message` stands for a raised exception.

    use super::*;
    use crate::str_methods;

    /// Parses a Python float repr (`inf`, `nan` included).
    fn px(s: &str) -> f64 {
        s.parse().expect("float literal")
    }

    /// Parses a decimal integer.
    fn pi(s: &str) -> IntValue {
        IntValue::parse(s, 10).expect("int literal")
    }

    /// Renders a result the way the tables write it.
    fn show(r: Result<String, FormatError>) -> String {
        match r {
            Ok(s) => s,
            Err(e) => format!("!{}: {}", e.exception_name(), e.message),
        }
    }

    /// An argument of the mini-VMs below.
    #[derive(Clone, Debug)]
    enum Arg {
        I(IntValue),
        F(f64),
        S(String),
    }

    fn parse_args(s: &str) -> Vec<Arg> {
        if s.is_empty() {
            return Vec::new();
        }
        s.split(';')
            .map(|a| match a.split_at(1) {
                ("i", v) => Arg::I(pi(v)),
                ("f", v) => Arg::F(px(v)),
                (_, v) => Arg::S(v.to_owned()),
            })
            .collect()
    }

    fn str_of(a: &Arg) -> String {
        match a {
            Arg::I(v) => v.to_string(),
            Arg::F(x) => float_repr(*x),
            Arg::S(s) => s.clone(),
        }
    }

    fn repr_of(a: &Arg) -> String {
        match a {
            Arg::S(s) => str_methods::repr_str(s),
            _ => str_of(a),
        }
    }

    fn ascii_of(a: &Arg) -> String {
        match a {
            Arg::S(s) => str_methods::ascii_str(s),
            _ => str_of(a),
        }
    }

    fn err(kind: &str, msg: &str) -> String {
        format!("!{kind}: {msg}")
    }

    fn fe(e: FormatError) -> String {
        show(Err(e))
    }

    /// `fmt % args` the way the VM is expected to drive this module.
    fn percent_vm(fmt: &str, args: &[Arg]) -> Result<String, String> {
        let mut out = String::new();
        let mut it = args.iter();
        let mut next = || {
            it.next()
                .cloned()
                .ok_or_else(|| err("TypeError", NOT_ENOUGH_ARGUMENTS))
        };
        for piece in percent_pieces(fmt) {
            let mut spec = match piece.map_err(fe)? {
                PercentPiece::Literal(s) => {
                    out.push_str(&s);
                    continue;
                }
                PercentPiece::Spec(spec) => spec,
            };
            if spec.width == Some(Count::Star) {
                match next()? {
                    Arg::I(v) => spec.set_star_width(v.as_i64().unwrap_or(0)),
                    _ => return Err(err("TypeError", STAR_WANTS_INT)),
                }
            }
            if spec.precision == Some(Count::Star) {
                match next()? {
                    Arg::I(v) => spec.set_star_precision(v.as_i64().unwrap_or(0)),
                    _ => return Err(err("TypeError", STAR_WANTS_INT)),
                }
            }
            let a = next()?;
            spec.check_conv().map_err(fe)?;
            let r = match (spec.conv, &a) {
                ('s', _) => percent_str(&str_of(&a), &spec),
                ('r', _) => percent_str(&repr_of(&a), &spec),
                ('a', _) => percent_str(&ascii_of(&a), &spec),
                ('c', Arg::S(s)) => percent_str(s, &spec),
                ('d' | 'i' | 'u' | 'o' | 'x' | 'X' | 'c', Arg::I(v)) => percent_int(v, &spec),
                (_, Arg::F(x)) => percent_float(*x, &spec),
                (_, Arg::I(v)) => percent_float(
                    v.to_f64()
                        .map_err(|e| err("OverflowError", &e.to_string()))?,
                    &spec,
                ),
                _ => return Err(err("TypeError", "unexpected argument")),
            };
            out.push_str(&r.map_err(fe)?);
        }
        if it.next().is_some() {
            return Err(err("TypeError", NOT_ALL_CONVERTED));
        }
        Ok(out)
    }

    /// `template.format(*args)` the way the VM is expected to drive this
    /// module (positional fields only).
    fn format_vm(
        template: &str,
        args: &[Arg],
        auto: &mut AutoNumber,
        depth: usize,
    ) -> Result<String, String> {
        if depth == 0 {
            return Err(err("ValueError", MAX_RECURSION));
        }
        let mut out = String::new();
        for piece in format_pieces(template) {
            let (first, rest, conversion, spec) = match piece.map_err(fe)? {
                FormatPiece::Literal(s) => {
                    out.push_str(&s);
                    continue;
                }
                FormatPiece::Field {
                    first,
                    rest,
                    conversion,
                    spec,
                } => (first, rest, conversion, spec),
            };
            let idx = auto
                .resolve(&first)
                .map_err(fe)?
                .ok_or_else(|| err("KeyError", "name"))?;
            let arg = args.get(idx).ok_or_else(|| {
                err(
                    "IndexError",
                    &format!("Replacement index {idx} out of range for positional args tuple"),
                )
            })?;
            if !rest.is_empty() {
                return Err(err("TypeError", "no attributes here"));
            }
            let arg = match conversion {
                None => arg.clone(),
                Some(c) => {
                    check_conversion(c).map_err(fe)?;
                    Arg::S(match c {
                        'r' => repr_of(arg),
                        'a' => ascii_of(arg),
                        _ => str_of(arg),
                    })
                }
            };
            let spec = if spec.contains('{') {
                format_vm(&spec, args, auto, depth - 1)?
            } else {
                spec
            };
            let parsed = FormatSpec::parse(&spec).map_err(fe)?;
            let r = match &arg {
                Arg::I(v) if spec.is_empty() => Ok(v.to_string()),
                Arg::I(v) => format_int(v, &parsed),
                Arg::F(x) => format_float(*x, &parsed),
                Arg::S(s) => format_str(s, &parsed),
            };
            out.push_str(&r.map_err(fe)?);
        }
        Ok(out)
    }

    #[test]
    fn float_format_matches_python() {
        for &(x, spec, want) in FLOAT_FORMAT {
            let got = show(FormatSpec::parse(spec).and_then(|s| format_float(px(x), &s)));
            assert_eq!(got, want, "format({x}, {spec:?})");
        }
    }

    #[test]
    fn int_format_matches_python() {
        for &(v, spec, want) in INT_FORMAT {
            let got = show(FormatSpec::parse(spec).and_then(|s| format_int(&pi(v), &s)));
            assert_eq!(got, want, "format({v}, {spec:?})");
        }
    }

    #[test]
    fn str_format_matches_python() {
        for &(v, spec, want) in STR_FORMAT {
            let got = show(FormatSpec::parse(spec).and_then(|s| format_str(v, &s)));
            assert_eq!(got, want, "format({v:?}, {spec:?})");
        }
    }

    #[test]
    fn float_repr_matches_python() {
        for &(x, want) in FLOAT_REPR {
            assert_eq!(float_repr(px(x)), want, "repr({x})");
            // str(x) is format(x, '') too.
            assert_eq!(show(format_float(px(x), &FormatSpec::default())), want);
        }
    }

    #[test]
    fn round_matches_python() {
        for &(x, n, want) in ROUND {
            let got = match round_float(px(x), n) {
                Ok(v) => float_repr(v),
                Err(e) => fe(e),
            };
            assert_eq!(got, want, "round({x}, {n})");
        }
    }

    #[test]
    fn round_half_even_ties() {
        let cases = [
            (0.5, 0.0),
            (1.5, 2.0),
            (2.5, 2.0),
            (-2.5, -2.0),
            (-0.5, -0.0),
            (3.7, 4.0),
            (-3.2, -3.0),
        ];
        for (x, want) in cases {
            let got = round_half_even(x);
            assert_eq!(got, want, "round({x})");
            assert_eq!(
                got.is_sign_negative(),
                want.is_sign_negative(),
                "round({x})"
            );
        }
        assert!(round_half_even(f64::NAN).is_nan());
        assert_eq!(round_half_even(f64::INFINITY), f64::INFINITY);
    }

    #[test]
    fn percent_matches_python() {
        for &(fmt, args, want) in PERCENT {
            let got = percent_vm(fmt, &parse_args(args)).unwrap_or_else(|e| e);
            assert_eq!(got, want, "{fmt:?} % ({args})");
        }
    }

    #[test]
    fn str_dot_format_matches_python() {
        for &(template, args, want) in STR_DOT_FORMAT {
            let got = format_vm(template, &parse_args(args), &mut AutoNumber::new(), 2)
                .unwrap_or_else(|e| e);
            assert_eq!(got, want, "{template:?}.format({args})");
        }
    }

    #[test]
    fn parse_format_string_structure() {
        let pieces = parse_format_string("a{{b}}{0.x[1][k]!r:>{w}}{name}{}").unwrap();
        assert_eq!(
            pieces,
            vec![
                FormatPiece::Literal("a{b}".into()),
                FormatPiece::Field {
                    first: FieldKey::Index(0),
                    rest: vec![
                        FieldAccess::Attr("x".into()),
                        FieldAccess::Index(1),
                        FieldAccess::Key("k".into()),
                    ],
                    conversion: Some('r'),
                    spec: ">{w}".into(),
                },
                FormatPiece::Field {
                    first: FieldKey::Name("name".into()),
                    rest: vec![],
                    conversion: None,
                    spec: String::new(),
                },
                FormatPiece::Field {
                    first: FieldKey::Auto,
                    rest: vec![],
                    conversion: None,
                    spec: String::new(),
                },
            ]
        );
        // The whole-template parser reports the first fault; the lazy one
        // yields the pieces before it.
        assert_eq!(
            parse_format_string("x{0}}").unwrap_err().message,
            "Single '}' encountered in format string"
        );
        let lazy: Vec<_> = format_pieces("x{0}}").collect();
        assert_eq!(lazy.len(), 3);
        assert!(lazy[2].is_err());
        assert_eq!(
            parse_format_string("{0[]}").unwrap_err().message,
            "Empty attribute in format string"
        );
        assert_eq!(
            parse_format_string("{0[a}").unwrap_err().message,
            "expected '}' before end of string"
        );
        assert_eq!(
            parse_format_string("{0[a]b}").unwrap_err().message,
            "Only '.' or '[' may follow ']' in format field specifier"
        );
        assert_eq!(
            parse_format_string("{0:{}").unwrap_err().message,
            "unmatched '{' in format spec"
        );
        assert_eq!(
            check_conversion('x').unwrap_err().message,
            "Unknown conversion specifier x"
        );
        assert_eq!(
            check_conversion('\u{1}').unwrap_err().message,
            "Unknown conversion specifier \\x1"
        );
    }

    #[test]
    fn auto_number_rules() {
        let mut a = AutoNumber::new();
        assert_eq!(a.resolve(&FieldKey::Auto), Ok(Some(0)));
        assert_eq!(a.resolve(&FieldKey::Name("k".into())), Ok(None));
        assert_eq!(a.resolve(&FieldKey::Auto), Ok(Some(1)));
        assert_eq!(
            a.resolve(&FieldKey::Index(0)).unwrap_err().message,
            AUTO_TO_MANUAL
        );
        let mut m = AutoNumber::new();
        assert_eq!(m.resolve(&FieldKey::Index(3)), Ok(Some(3)));
        assert_eq!(
            m.resolve(&FieldKey::Auto).unwrap_err().message,
            MANUAL_TO_AUTO
        );
    }

    #[test]
    fn parse_percent_structure() {
        let pieces = parse_percent("a%%b%(k)-+ #012.3lf%*.*s").unwrap();
        assert_eq!(pieces.len(), 3);
        assert_eq!(pieces[0], PercentPiece::Literal("a%b".into()));
        let PercentPiece::Spec(s) = &pieces[1] else {
            panic!("spec expected")
        };
        assert_eq!(s.key.as_deref(), Some("k"));
        assert_eq!(
            s.flags,
            PercentFlags {
                left: true,
                plus: true,
                space: true,
                alt: true,
                zero: true
            }
        );
        assert_eq!(
            (s.width, s.precision, s.conv, s.index),
            (Some(Count::Fixed(12)), Some(Count::Fixed(3)), 'f', 18)
        );
        let PercentPiece::Spec(s) = &pieces[2] else {
            panic!("spec expected")
        };
        assert_eq!(
            (s.width, s.precision, s.conv),
            (Some(Count::Star), Some(Count::Star), 's')
        );
        assert_eq!(parse_percent("%((a))s").unwrap().len(), 1);
        assert_eq!(
            parse_percent("%(a").unwrap_err().message,
            "incomplete format key"
        );
        assert_eq!(
            parse_percent("%(a)").unwrap_err().message,
            "incomplete format"
        );
        assert_eq!(
            parse_percent("%(a)%").unwrap_err().message,
            "unsupported format character '%' (0x25) at index 4"
        );
    }

    #[test]
    fn spec_parse_fields() {
        let s = FormatSpec::parse("*^+z#012,.3f").unwrap();
        assert_eq!(
            (
                s.fill,
                s.align,
                s.sign,
                s.no_neg_zero,
                s.alternate,
                s.zero_pad
            ),
            (Some('*'), Some('^'), Some('+'), true, true, false)
        );
        assert_eq!(
            (s.width, s.grouping, s.precision, s.ty),
            (Some(12), Some(','), Some(3), Some('f'))
        );
        let s = FormatSpec::parse("<05").unwrap();
        assert_eq!(
            (s.fill, s.align, s.zero_pad, s.width),
            (None, Some('<'), true, Some(5))
        );
    }

    #[test]
    fn type_name_in_messages() {
        let spec = FormatSpec::parse("s").unwrap();
        assert_eq!(
            format_int_as(&IntValue::from(1), &spec, "bool")
                .unwrap_err()
                .message,
            "Unknown format code 's' for object of type 'bool'"
        );
        let spec = FormatSpec::parse("xyz").unwrap();
        assert_eq!(
            format_float_as(1.0, &spec, "MyFloat").unwrap_err().message,
            "Invalid format specifier 'xyz' for object of type 'MyFloat'"
        );
        assert_eq!(
            format_str_as("a", &spec, "S").unwrap_err().exception_name(),
            "ValueError"
        );
    }

    #[test]
    fn huge_sizes_are_refused() {
        let spec = FormatSpec::parse("999999999999").unwrap();
        assert_eq!(
            format_str("a", &spec).unwrap_err().kind,
            FormatErrorKind::MemoryError
        );
        assert_eq!(
            format_int(&IntValue::from(1), &spec).unwrap_err().kind,
            FormatErrorKind::MemoryError
        );
        let spec = FormatSpec::parse(".999999999f").unwrap();
        assert_eq!(
            format_float(1.0, &spec).unwrap_err().kind,
            FormatErrorKind::MemoryError
        );
        let mut p = match parse_percent("%*s").unwrap().remove(0) {
            PercentPiece::Spec(s) => s,
            PercentPiece::Literal(_) => unreachable!(),
        };
        p.set_star_width(i64::MIN);
        assert_eq!(
            percent_str("a", &p).unwrap_err().kind,
            FormatErrorKind::MemoryError
        );
    }

    #[test]
    fn surrogates_are_an_error_not_a_panic() {
        let spec = FormatSpec::parse("c").unwrap();
        assert_eq!(
            format_int(&IntValue::from(0xd800), &spec).unwrap_err().kind,
            FormatErrorKind::ValueError
        );
    }

    /// (value, spec, expected) from `format(value, spec)` in python3.
    #[rustfmt::skip]
    const FLOAT_FORMAT: &[(&str, &str, &str)] = &[
        ("0.0", "", "0.0"),
        ("0.0", ".3", "0.0"),
        ("0.0", ".2", "0.0"),
        ("0.0", ".0", "0e+00"),
        ("0.0", "e", "0.000000e+00"),
        ("0.0", ".2e", "0.00e+00"),
        ("0.0", "#.0e", "0.e+00"),
        ("0.0", "E", "0.000000E+00"),
        ("0.0", "f", "0.000000"),
        ("0.0", ".2f", "0.00"),
        ("0.0", ".0f", "0"),
        ("0.0", "#.0f", "0."),
        ("0.0", "F", "0.000000"),
        ("0.0", "g", "0"),
        ("0.0", "#.3g", "0.00"),
        ("0.0", "G", "0"),
        ("0.0", "n", "0"),
        ("0.0", ".1%", "0.0%"),
        ("0.0", "+", "+0.0"),
        ("0.0", "=+10", "+      0.0"),
        ("0.0", "010", "00000000.0"),
        ("0.0", "+012,.2f", "+0,000,000.00"),
        ("0.0", "_.3f", "0.000"),
        ("0.0", "*^13.3e", "**0.000e+00**"),
        ("0.0", "z.1f", "0.0"),
        ("0.0", " .3g", " 0"),
        ("0.0", "#", "0.0"),
        ("0.0", "<9", "0.0      "),
        ("-0.0", "", "-0.0"),
        ("-0.0", ".3", "-0.0"),
        ("-0.0", ".2", "-0.0"),
        ("-0.0", ".0", "-0e+00"),
        ("-0.0", "e", "-0.000000e+00"),
        ("-0.0", ".2e", "-0.00e+00"),
        ("-0.0", "#.0e", "-0.e+00"),
        ("-0.0", "E", "-0.000000E+00"),
        ("-0.0", "f", "-0.000000"),
        ("-0.0", ".2f", "-0.00"),
        ("-0.0", ".0f", "-0"),
        ("-0.0", "#.0f", "-0."),
        ("-0.0", "F", "-0.000000"),
        ("-0.0", "g", "-0"),
        ("-0.0", "#.3g", "-0.00"),
        ("-0.0", "G", "-0"),
        ("-0.0", "n", "-0"),
        ("-0.0", ".1%", "-0.0%"),
        ("-0.0", "+", "-0.0"),
        ("-0.0", "=+10", "-      0.0"),
        ("-0.0", "010", "-0000000.0"),
        ("-0.0", "+012,.2f", "-0,000,000.00"),
        ("-0.0", "_.3f", "-0.000"),
        ("-0.0", "*^13.3e", "*-0.000e+00**"),
        ("-0.0", "z.1f", "0.0"),
        ("-0.0", " .3g", "-0"),
        ("-0.0", "#", "-0.0"),
        ("-0.0", "<9", "-0.0     "),
        ("1.0", "", "1.0"),
        ("1.0", ".3", "1.0"),
        ("1.0", ".2", "1.0"),
        ("1.0", ".0", "1e+00"),
        ("1.0", "e", "1.000000e+00"),
        ("1.0", ".2e", "1.00e+00"),
        ("1.0", "#.0e", "1.e+00"),
        ("1.0", "E", "1.000000E+00"),
        ("1.0", "f", "1.000000"),
        ("1.0", ".2f", "1.00"),
        ("1.0", ".0f", "1"),
        ("1.0", "#.0f", "1."),
        ("1.0", "F", "1.000000"),
        ("1.0", "g", "1"),
        ("1.0", "#.3g", "1.00"),
        ("1.0", "G", "1"),
        ("1.0", "n", "1"),
        ("1.0", ".1%", "100.0%"),
        ("1.0", "+", "+1.0"),
        ("1.0", "=+10", "+      1.0"),
        ("1.0", "010", "00000001.0"),
        ("1.0", "+012,.2f", "+0,000,001.00"),
        ("1.0", "_.3f", "1.000"),
        ("1.0", "*^13.3e", "**1.000e+00**"),
        ("1.0", "z.1f", "1.0"),
        ("1.0", " .3g", " 1"),
        ("1.0", "#", "1.0"),
        ("1.0", "<9", "1.0      "),
        ("-1.0", "", "-1.0"),
        ("-1.0", ".3", "-1.0"),
        ("-1.0", ".2", "-1.0"),
        ("-1.0", ".0", "-1e+00"),
        ("-1.0", "e", "-1.000000e+00"),
        ("-1.0", ".2e", "-1.00e+00"),
        ("-1.0", "#.0e", "-1.e+00"),
        ("-1.0", "E", "-1.000000E+00"),
        ("-1.0", "f", "-1.000000"),
        ("-1.0", ".2f", "-1.00"),
        ("-1.0", ".0f", "-1"),
        ("-1.0", "#.0f", "-1."),
        ("-1.0", "F", "-1.000000"),
        ("-1.0", "g", "-1"),
        ("-1.0", "#.3g", "-1.00"),
        ("-1.0", "G", "-1"),
        ("-1.0", "n", "-1"),
        ("-1.0", ".1%", "-100.0%"),
        ("-1.0", "+", "-1.0"),
        ("-1.0", "=+10", "-      1.0"),
        ("-1.0", "010", "-0000001.0"),
        ("-1.0", "+012,.2f", "-0,000,001.00"),
        ("-1.0", "_.3f", "-1.000"),
        ("-1.0", "*^13.3e", "*-1.000e+00**"),
        ("-1.0", "z.1f", "-1.0"),
        ("-1.0", " .3g", "-1"),
        ("-1.0", "#", "-1.0"),
        ("-1.0", "<9", "-1.0     "),
        ("0.5", "", "0.5"),
        ("0.5", ".3", "0.5"),
        ("0.5", ".2", "0.5"),
        ("0.5", ".0", "0.5"),
        ("0.5", "e", "5.000000e-01"),
        ("0.5", ".2e", "5.00e-01"),
        ("0.5", "#.0e", "5.e-01"),
        ("0.5", "E", "5.000000E-01"),
        ("0.5", "f", "0.500000"),
        ("0.5", ".2f", "0.50"),
        ("0.5", ".0f", "0"),
        ("0.5", "#.0f", "0."),
        ("0.5", "F", "0.500000"),
        ("0.5", "g", "0.5"),
        ("0.5", "#.3g", "0.500"),
        ("0.5", "G", "0.5"),
        ("0.5", "n", "0.5"),
        ("0.5", ".1%", "50.0%"),
        ("0.5", "+", "+0.5"),
        ("0.5", "=+10", "+      0.5"),
        ("0.5", "010", "00000000.5"),
        ("0.5", "+012,.2f", "+0,000,000.50"),
        ("0.5", "_.3f", "0.500"),
        ("0.5", "*^13.3e", "**5.000e-01**"),
        ("0.5", "z.1f", "0.5"),
        ("0.5", " .3g", " 0.5"),
        ("0.5", "#", "0.5"),
        ("0.5", "<9", "0.5      "),
        ("1.5", "", "1.5"),
        ("1.5", ".3", "1.5"),
        ("1.5", ".2", "1.5"),
        ("1.5", ".0", "2e+00"),
        ("1.5", "e", "1.500000e+00"),
        ("1.5", ".2e", "1.50e+00"),
        ("1.5", "#.0e", "2.e+00"),
        ("1.5", "E", "1.500000E+00"),
        ("1.5", "f", "1.500000"),
        ("1.5", ".2f", "1.50"),
        ("1.5", ".0f", "2"),
        ("1.5", "#.0f", "2."),
        ("1.5", "F", "1.500000"),
        ("1.5", "g", "1.5"),
        ("1.5", "#.3g", "1.50"),
        ("1.5", "G", "1.5"),
        ("1.5", "n", "1.5"),
        ("1.5", ".1%", "150.0%"),
        ("1.5", "+", "+1.5"),
        ("1.5", "=+10", "+      1.5"),
        ("1.5", "010", "00000001.5"),
        ("1.5", "+012,.2f", "+0,000,001.50"),
        ("1.5", "_.3f", "1.500"),
        ("1.5", "*^13.3e", "**1.500e+00**"),
        ("1.5", "z.1f", "1.5"),
        ("1.5", " .3g", " 1.5"),
        ("1.5", "#", "1.5"),
        ("1.5", "<9", "1.5      "),
        ("2.5", "", "2.5"),
        ("2.5", ".3", "2.5"),
        ("2.5", ".2", "2.5"),
        ("2.5", ".0", "2e+00"),
        ("2.5", "e", "2.500000e+00"),
        ("2.5", ".2e", "2.50e+00"),
        ("2.5", "#.0e", "2.e+00"),
        ("2.5", "E", "2.500000E+00"),
        ("2.5", "f", "2.500000"),
        ("2.5", ".2f", "2.50"),
        ("2.5", ".0f", "2"),
        ("2.5", "#.0f", "2."),
        ("2.5", "F", "2.500000"),
        ("2.5", "g", "2.5"),
        ("2.5", "#.3g", "2.50"),
        ("2.5", "G", "2.5"),
        ("2.5", "n", "2.5"),
        ("2.5", ".1%", "250.0%"),
        ("2.5", "+", "+2.5"),
        ("2.5", "=+10", "+      2.5"),
        ("2.5", "010", "00000002.5"),
        ("2.5", "+012,.2f", "+0,000,002.50"),
        ("2.5", "_.3f", "2.500"),
        ("2.5", "*^13.3e", "**2.500e+00**"),
        ("2.5", "z.1f", "2.5"),
        ("2.5", " .3g", " 2.5"),
        ("2.5", "#", "2.5"),
        ("2.5", "<9", "2.5      "),
        ("2.675", "", "2.675"),
        ("2.675", ".3", "2.67"),
        ("2.675", ".2", "2.7"),
        ("2.675", ".0", "3e+00"),
        ("2.675", "e", "2.675000e+00"),
        ("2.675", ".2e", "2.67e+00"),
        ("2.675", "#.0e", "3.e+00"),
        ("2.675", "E", "2.675000E+00"),
        ("2.675", "f", "2.675000"),
        ("2.675", ".2f", "2.67"),
        ("2.675", ".0f", "3"),
        ("2.675", "#.0f", "3."),
        ("2.675", "F", "2.675000"),
        ("2.675", "g", "2.675"),
        ("2.675", "#.3g", "2.67"),
        ("2.675", "G", "2.675"),
        ("2.675", "n", "2.675"),
        ("2.675", ".1%", "267.5%"),
        ("2.675", "+", "+2.675"),
        ("2.675", "=+10", "+    2.675"),
        ("2.675", "010", "000002.675"),
        ("2.675", "+012,.2f", "+0,000,002.67"),
        ("2.675", "_.3f", "2.675"),
        ("2.675", "*^13.3e", "**2.675e+00**"),
        ("2.675", "z.1f", "2.7"),
        ("2.675", " .3g", " 2.67"),
        ("2.675", "#", "2.675"),
        ("2.675", "<9", "2.675    "),
        ("0.1", "", "0.1"),
        ("0.1", ".3", "0.1"),
        ("0.1", ".2", "0.1"),
        ("0.1", ".0", "0.1"),
        ("0.1", "e", "1.000000e-01"),
        ("0.1", ".2e", "1.00e-01"),
        ("0.1", "#.0e", "1.e-01"),
        ("0.1", "E", "1.000000E-01"),
        ("0.1", "f", "0.100000"),
        ("0.1", ".2f", "0.10"),
        ("0.1", ".0f", "0"),
        ("0.1", "#.0f", "0."),
        ("0.1", "F", "0.100000"),
        ("0.1", "g", "0.1"),
        ("0.1", "#.3g", "0.100"),
        ("0.1", "G", "0.1"),
        ("0.1", "n", "0.1"),
        ("0.1", ".1%", "10.0%"),
        ("0.1", "+", "+0.1"),
        ("0.1", "=+10", "+      0.1"),
        ("0.1", "010", "00000000.1"),
        ("0.1", "+012,.2f", "+0,000,000.10"),
        ("0.1", "_.3f", "0.100"),
        ("0.1", "*^13.3e", "**1.000e-01**"),
        ("0.1", "z.1f", "0.1"),
        ("0.1", " .3g", " 0.1"),
        ("0.1", "#", "0.1"),
        ("0.1", "<9", "0.1      "),
        ("0.30000000000000004", "", "0.30000000000000004"),
        ("0.30000000000000004", ".3", "0.3"),
        ("0.30000000000000004", ".2", "0.3"),
        ("0.30000000000000004", ".0", "0.3"),
        ("0.30000000000000004", "e", "3.000000e-01"),
        ("0.30000000000000004", ".2e", "3.00e-01"),
        ("0.30000000000000004", "#.0e", "3.e-01"),
        ("0.30000000000000004", "E", "3.000000E-01"),
        ("0.30000000000000004", "f", "0.300000"),
        ("0.30000000000000004", ".2f", "0.30"),
        ("0.30000000000000004", ".0f", "0"),
        ("0.30000000000000004", "#.0f", "0."),
        ("0.30000000000000004", "F", "0.300000"),
        ("0.30000000000000004", "g", "0.3"),
        ("0.30000000000000004", "#.3g", "0.300"),
        ("0.30000000000000004", "G", "0.3"),
        ("0.30000000000000004", "n", "0.3"),
        ("0.30000000000000004", ".1%", "30.0%"),
        ("0.30000000000000004", "+", "+0.30000000000000004"),
        ("0.30000000000000004", "=+10", "+0.30000000000000004"),
        ("0.30000000000000004", "010", "0.30000000000000004"),
        ("0.30000000000000004", "+012,.2f", "+0,000,000.30"),
        ("0.30000000000000004", "_.3f", "0.300"),
        ("0.30000000000000004", "*^13.3e", "**3.000e-01**"),
        ("0.30000000000000004", "z.1f", "0.3"),
        ("0.30000000000000004", " .3g", " 0.3"),
        ("0.30000000000000004", "#", "0.30000000000000004"),
        ("0.30000000000000004", "<9", "0.30000000000000004"),
        ("1e+16", "", "1e+16"),
        ("1e+16", ".3", "1e+16"),
        ("1e+16", ".2", "1e+16"),
        ("1e+16", ".0", "1e+16"),
        ("1e+16", "e", "1.000000e+16"),
        ("1e+16", ".2e", "1.00e+16"),
        ("1e+16", "#.0e", "1.e+16"),
        ("1e+16", "E", "1.000000E+16"),
        ("1e+16", "f", "10000000000000000.000000"),
        ("1e+16", ".2f", "10000000000000000.00"),
        ("1e+16", ".0f", "10000000000000000"),
        ("1e+16", "#.0f", "10000000000000000."),
        ("1e+16", "F", "10000000000000000.000000"),
        ("1e+16", "g", "1e+16"),
        ("1e+16", "#.3g", "1.00e+16"),
        ("1e+16", "G", "1E+16"),
        ("1e+16", "n", "1e+16"),
        ("1e+16", ".1%", "1000000000000000000.0%"),
        ("1e+16", "+", "+1e+16"),
        ("1e+16", "=+10", "+    1e+16"),
        ("1e+16", "010", "000001e+16"),
        ("1e+16", "+012,.2f", "+10,000,000,000,000,000.00"),
        ("1e+16", "_.3f", "10_000_000_000_000_000.000"),
        ("1e+16", "*^13.3e", "**1.000e+16**"),
        ("1e+16", "z.1f", "10000000000000000.0"),
        ("1e+16", " .3g", " 1e+16"),
        ("1e+16", "#", "1.e+16"),
        ("1e+16", "<9", "1e+16    "),
        ("1000000000000000.0", "", "1000000000000000.0"),
        ("1000000000000000.0", ".3", "1e+15"),
        ("1000000000000000.0", ".2", "1e+15"),
        ("1000000000000000.0", ".0", "1e+15"),
        ("1000000000000000.0", "e", "1.000000e+15"),
        ("1000000000000000.0", ".2e", "1.00e+15"),
        ("1000000000000000.0", "#.0e", "1.e+15"),
        ("1000000000000000.0", "E", "1.000000E+15"),
        ("1000000000000000.0", "f", "1000000000000000.000000"),
        ("1000000000000000.0", ".2f", "1000000000000000.00"),
        ("1000000000000000.0", ".0f", "1000000000000000"),
        ("1000000000000000.0", "#.0f", "1000000000000000."),
        ("1000000000000000.0", "F", "1000000000000000.000000"),
        ("1000000000000000.0", "g", "1e+15"),
        ("1000000000000000.0", "#.3g", "1.00e+15"),
        ("1000000000000000.0", "G", "1E+15"),
        ("1000000000000000.0", "n", "1e+15"),
        ("1000000000000000.0", ".1%", "100000000000000000.0%"),
        ("1000000000000000.0", "+", "+1000000000000000.0"),
        ("1000000000000000.0", "=+10", "+1000000000000000.0"),
        ("1000000000000000.0", "010", "1000000000000000.0"),
        ("1000000000000000.0", "+012,.2f", "+1,000,000,000,000,000.00"),
        ("1000000000000000.0", "_.3f", "1_000_000_000_000_000.000"),
        ("1000000000000000.0", "*^13.3e", "**1.000e+15**"),
        ("1000000000000000.0", "z.1f", "1000000000000000.0"),
        ("1000000000000000.0", " .3g", " 1e+15"),
        ("1000000000000000.0", "#", "1000000000000000.0"),
        ("1000000000000000.0", "<9", "1000000000000000.0"),
        ("1.2345678901234568e+17", "", "1.2345678901234568e+17"),
        ("1.2345678901234568e+17", ".3", "1.23e+17"),
        ("1.2345678901234568e+17", ".2", "1.2e+17"),
        ("1.2345678901234568e+17", ".0", "1e+17"),
        ("1.2345678901234568e+17", "e", "1.234568e+17"),
        ("1.2345678901234568e+17", ".2e", "1.23e+17"),
        ("1.2345678901234568e+17", "#.0e", "1.e+17"),
        ("1.2345678901234568e+17", "E", "1.234568E+17"),
        ("1.2345678901234568e+17", "f", "123456789012345680.000000"),
        ("1.2345678901234568e+17", ".2f", "123456789012345680.00"),
        ("1.2345678901234568e+17", ".0f", "123456789012345680"),
        ("1.2345678901234568e+17", "#.0f", "123456789012345680."),
        ("1.2345678901234568e+17", "F", "123456789012345680.000000"),
        ("1.2345678901234568e+17", "g", "1.23457e+17"),
        ("1.2345678901234568e+17", "#.3g", "1.23e+17"),
        ("1.2345678901234568e+17", "G", "1.23457E+17"),
        ("1.2345678901234568e+17", "n", "1.23457e+17"),
        ("1.2345678901234568e+17", ".1%", "12345678901234567168.0%"),
        ("1.2345678901234568e+17", "+", "+1.2345678901234568e+17"),
        ("1.2345678901234568e+17", "=+10", "+1.2345678901234568e+17"),
        ("1.2345678901234568e+17", "010", "1.2345678901234568e+17"),
        ("1.2345678901234568e+17", "+012,.2f", "+123,456,789,012,345,680.00"),
        ("1.2345678901234568e+17", "_.3f", "123_456_789_012_345_680.000"),
        ("1.2345678901234568e+17", "*^13.3e", "**1.235e+17**"),
        ("1.2345678901234568e+17", "z.1f", "123456789012345680.0"),
        ("1.2345678901234568e+17", " .3g", " 1.23e+17"),
        ("1.2345678901234568e+17", "#", "1.2345678901234568e+17"),
        ("1.2345678901234568e+17", "<9", "1.2345678901234568e+17"),
        ("1e+22", "", "1e+22"),
        ("1e+22", ".3", "1e+22"),
        ("1e+22", ".2", "1e+22"),
        ("1e+22", ".0", "1e+22"),
        ("1e+22", "e", "1.000000e+22"),
        ("1e+22", ".2e", "1.00e+22"),
        ("1e+22", "#.0e", "1.e+22"),
        ("1e+22", "E", "1.000000E+22"),
        ("1e+22", "f", "10000000000000000000000.000000"),
        ("1e+22", ".2f", "10000000000000000000000.00"),
        ("1e+22", ".0f", "10000000000000000000000"),
        ("1e+22", "#.0f", "10000000000000000000000."),
        ("1e+22", "F", "10000000000000000000000.000000"),
        ("1e+22", "g", "1e+22"),
        ("1e+22", "#.3g", "1.00e+22"),
        ("1e+22", "G", "1E+22"),
        ("1e+22", "n", "1e+22"),
        ("1e+22", ".1%", "999999999999999983222784.0%"),
        ("1e+22", "+", "+1e+22"),
        ("1e+22", "=+10", "+    1e+22"),
        ("1e+22", "010", "000001e+22"),
        ("1e+22", "+012,.2f", "+10,000,000,000,000,000,000,000.00"),
        ("1e+22", "_.3f", "10_000_000_000_000_000_000_000.000"),
        ("1e+22", "*^13.3e", "**1.000e+22**"),
        ("1e+22", "z.1f", "10000000000000000000000.0"),
        ("1e+22", " .3g", " 1e+22"),
        ("1e+22", "#", "1.e+22"),
        ("1e+22", "<9", "1e+22    "),
        ("5e-324", "", "5e-324"),
        ("5e-324", ".3", "4.94e-324"),
        ("5e-324", ".2", "4.9e-324"),
        ("5e-324", ".0", "5e-324"),
        ("5e-324", "e", "4.940656e-324"),
        ("5e-324", ".2e", "4.94e-324"),
        ("5e-324", "#.0e", "5.e-324"),
        ("5e-324", "E", "4.940656E-324"),
        ("5e-324", "f", "0.000000"),
        ("5e-324", ".2f", "0.00"),
        ("5e-324", ".0f", "0"),
        ("5e-324", "#.0f", "0."),
        ("5e-324", "F", "0.000000"),
        ("5e-324", "g", "4.94066e-324"),
        ("5e-324", "#.3g", "4.94e-324"),
        ("5e-324", "G", "4.94066E-324"),
        ("5e-324", "n", "4.94066e-324"),
        ("5e-324", ".1%", "0.0%"),
        ("5e-324", "+", "+5e-324"),
        ("5e-324", "=+10", "+   5e-324"),
        ("5e-324", "010", "00005e-324"),
        ("5e-324", "+012,.2f", "+0,000,000.00"),
        ("5e-324", "_.3f", "0.000"),
        ("5e-324", "*^13.3e", "*4.941e-324**"),
        ("5e-324", "z.1f", "0.0"),
        ("5e-324", " .3g", " 4.94e-324"),
        ("5e-324", "#", "5.e-324"),
        ("5e-324", "<9", "5e-324   "),
        ("1.7976931348623157e+308", "", "1.7976931348623157e+308"),
        ("1.7976931348623157e+308", ".3", "1.8e+308"),
        ("1.7976931348623157e+308", ".2", "1.8e+308"),
        ("1.7976931348623157e+308", ".0", "2e+308"),
        ("1.7976931348623157e+308", "e", "1.797693e+308"),
        ("1.7976931348623157e+308", ".2e", "1.80e+308"),
        ("1.7976931348623157e+308", "#.0e", "2.e+308"),
        ("1.7976931348623157e+308", "E", "1.797693E+308"),
        ("1.7976931348623157e+308", "f", "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.000000"),
        ("1.7976931348623157e+308", ".2f", "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.00"),
        ("1.7976931348623157e+308", ".0f", "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368"),
        ("1.7976931348623157e+308", "#.0f", "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368."),
        ("1.7976931348623157e+308", "F", "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.000000"),
        ("1.7976931348623157e+308", "g", "1.79769e+308"),
        ("1.7976931348623157e+308", "#.3g", "1.80e+308"),
        ("1.7976931348623157e+308", "G", "1.79769E+308"),
        ("1.7976931348623157e+308", "n", "1.79769e+308"),
        ("1.7976931348623157e+308", ".1%", "inf%"),
        ("1.7976931348623157e+308", "+", "+1.7976931348623157e+308"),
        ("1.7976931348623157e+308", "=+10", "+1.7976931348623157e+308"),
        ("1.7976931348623157e+308", "010", "1.7976931348623157e+308"),
        ("1.7976931348623157e+308", "+012,.2f", "+179,769,313,486,231,570,814,527,423,731,704,356,798,070,567,525,844,996,598,917,476,803,157,260,780,028,538,760,589,558,632,766,878,171,540,458,953,514,382,464,234,321,326,889,464,182,768,467,546,703,537,516,986,049,910,576,551,282,076,245,490,090,389,328,944,075,868,508,455,133,942,304,583,236,903,222,948,165,808,559,332,123,348,274,797,826,204,144,723,168,738,177,180,919,299,881,250,404,026,184,124,858,368.00"),
        ("1.7976931348623157e+308", "_.3f", "179_769_313_486_231_570_814_527_423_731_704_356_798_070_567_525_844_996_598_917_476_803_157_260_780_028_538_760_589_558_632_766_878_171_540_458_953_514_382_464_234_321_326_889_464_182_768_467_546_703_537_516_986_049_910_576_551_282_076_245_490_090_389_328_944_075_868_508_455_133_942_304_583_236_903_222_948_165_808_559_332_123_348_274_797_826_204_144_723_168_738_177_180_919_299_881_250_404_026_184_124_858_368.000"),
        ("1.7976931348623157e+308", "*^13.3e", "*1.798e+308**"),
        ("1.7976931348623157e+308", "z.1f", "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.0"),
        ("1.7976931348623157e+308", " .3g", " 1.8e+308"),
        ("1.7976931348623157e+308", "#", "1.7976931348623157e+308"),
        ("1.7976931348623157e+308", "<9", "1.7976931348623157e+308"),
        ("1e-05", "", "1e-05"),
        ("1e-05", ".3", "1e-05"),
        ("1e-05", ".2", "1e-05"),
        ("1e-05", ".0", "1e-05"),
        ("1e-05", "e", "1.000000e-05"),
        ("1e-05", ".2e", "1.00e-05"),
        ("1e-05", "#.0e", "1.e-05"),
        ("1e-05", "E", "1.000000E-05"),
        ("1e-05", "f", "0.000010"),
        ("1e-05", ".2f", "0.00"),
        ("1e-05", ".0f", "0"),
        ("1e-05", "#.0f", "0."),
        ("1e-05", "F", "0.000010"),
        ("1e-05", "g", "1e-05"),
        ("1e-05", "#.3g", "1.00e-05"),
        ("1e-05", "G", "1E-05"),
        ("1e-05", "n", "1e-05"),
        ("1e-05", ".1%", "0.0%"),
        ("1e-05", "+", "+1e-05"),
        ("1e-05", "=+10", "+    1e-05"),
        ("1e-05", "010", "000001e-05"),
        ("1e-05", "+012,.2f", "+0,000,000.00"),
        ("1e-05", "_.3f", "0.000"),
        ("1e-05", "*^13.3e", "**1.000e-05**"),
        ("1e-05", "z.1f", "0.0"),
        ("1e-05", " .3g", " 1e-05"),
        ("1e-05", "#", "1.e-05"),
        ("1e-05", "<9", "1e-05    "),
        ("0.0001", "", "0.0001"),
        ("0.0001", ".3", "0.0001"),
        ("0.0001", ".2", "0.0001"),
        ("0.0001", ".0", "0.0001"),
        ("0.0001", "e", "1.000000e-04"),
        ("0.0001", ".2e", "1.00e-04"),
        ("0.0001", "#.0e", "1.e-04"),
        ("0.0001", "E", "1.000000E-04"),
        ("0.0001", "f", "0.000100"),
        ("0.0001", ".2f", "0.00"),
        ("0.0001", ".0f", "0"),
        ("0.0001", "#.0f", "0."),
        ("0.0001", "F", "0.000100"),
        ("0.0001", "g", "0.0001"),
        ("0.0001", "#.3g", "0.000100"),
        ("0.0001", "G", "0.0001"),
        ("0.0001", "n", "0.0001"),
        ("0.0001", ".1%", "0.0%"),
        ("0.0001", "+", "+0.0001"),
        ("0.0001", "=+10", "+   0.0001"),
        ("0.0001", "010", "00000.0001"),
        ("0.0001", "+012,.2f", "+0,000,000.00"),
        ("0.0001", "_.3f", "0.000"),
        ("0.0001", "*^13.3e", "**1.000e-04**"),
        ("0.0001", "z.1f", "0.0"),
        ("0.0001", " .3g", " 0.0001"),
        ("0.0001", "#", "0.0001"),
        ("0.0001", "<9", "0.0001   "),
        ("1.5e-07", "", "1.5e-07"),
        ("1.5e-07", ".3", "1.5e-07"),
        ("1.5e-07", ".2", "1.5e-07"),
        ("1.5e-07", ".0", "1e-07"),
        ("1.5e-07", "e", "1.500000e-07"),
        ("1.5e-07", ".2e", "1.50e-07"),
        ("1.5e-07", "#.0e", "1.e-07"),
        ("1.5e-07", "E", "1.500000E-07"),
        ("1.5e-07", "f", "0.000000"),
        ("1.5e-07", ".2f", "0.00"),
        ("1.5e-07", ".0f", "0"),
        ("1.5e-07", "#.0f", "0."),
        ("1.5e-07", "F", "0.000000"),
        ("1.5e-07", "g", "1.5e-07"),
        ("1.5e-07", "#.3g", "1.50e-07"),
        ("1.5e-07", "G", "1.5E-07"),
        ("1.5e-07", "n", "1.5e-07"),
        ("1.5e-07", ".1%", "0.0%"),
        ("1.5e-07", "+", "+1.5e-07"),
        ("1.5e-07", "=+10", "+  1.5e-07"),
        ("1.5e-07", "010", "0001.5e-07"),
        ("1.5e-07", "+012,.2f", "+0,000,000.00"),
        ("1.5e-07", "_.3f", "0.000"),
        ("1.5e-07", "*^13.3e", "**1.500e-07**"),
        ("1.5e-07", "z.1f", "0.0"),
        ("1.5e-07", " .3g", " 1.5e-07"),
        ("1.5e-07", "#", "1.5e-07"),
        ("1.5e-07", "<9", "1.5e-07  "),
        ("123.456", "", "123.456"),
        ("123.456", ".3", "1.23e+02"),
        ("123.456", ".2", "1.2e+02"),
        ("123.456", ".0", "1e+02"),
        ("123.456", "e", "1.234560e+02"),
        ("123.456", ".2e", "1.23e+02"),
        ("123.456", "#.0e", "1.e+02"),
        ("123.456", "E", "1.234560E+02"),
        ("123.456", "f", "123.456000"),
        ("123.456", ".2f", "123.46"),
        ("123.456", ".0f", "123"),
        ("123.456", "#.0f", "123."),
        ("123.456", "F", "123.456000"),
        ("123.456", "g", "123.456"),
        ("123.456", "#.3g", "123."),
        ("123.456", "G", "123.456"),
        ("123.456", "n", "123.456"),
        ("123.456", ".1%", "12345.6%"),
        ("123.456", "+", "+123.456"),
        ("123.456", "=+10", "+  123.456"),
        ("123.456", "010", "000123.456"),
        ("123.456", "+012,.2f", "+0,000,123.46"),
        ("123.456", "_.3f", "123.456"),
        ("123.456", "*^13.3e", "**1.235e+02**"),
        ("123.456", "z.1f", "123.5"),
        ("123.456", " .3g", " 123"),
        ("123.456", "#", "123.456"),
        ("123.456", "<9", "123.456  "),
        ("1.2345e-05", "", "1.2345e-05"),
        ("1.2345e-05", ".3", "1.23e-05"),
        ("1.2345e-05", ".2", "1.2e-05"),
        ("1.2345e-05", ".0", "1e-05"),
        ("1.2345e-05", "e", "1.234500e-05"),
        ("1.2345e-05", ".2e", "1.23e-05"),
        ("1.2345e-05", "#.0e", "1.e-05"),
        ("1.2345e-05", "E", "1.234500E-05"),
        ("1.2345e-05", "f", "0.000012"),
        ("1.2345e-05", ".2f", "0.00"),
        ("1.2345e-05", ".0f", "0"),
        ("1.2345e-05", "#.0f", "0."),
        ("1.2345e-05", "F", "0.000012"),
        ("1.2345e-05", "g", "1.2345e-05"),
        ("1.2345e-05", "#.3g", "1.23e-05"),
        ("1.2345e-05", "G", "1.2345E-05"),
        ("1.2345e-05", "n", "1.2345e-05"),
        ("1.2345e-05", ".1%", "0.0%"),
        ("1.2345e-05", "+", "+1.2345e-05"),
        ("1.2345e-05", "=+10", "+1.2345e-05"),
        ("1.2345e-05", "010", "1.2345e-05"),
        ("1.2345e-05", "+012,.2f", "+0,000,000.00"),
        ("1.2345e-05", "_.3f", "0.000"),
        ("1.2345e-05", "*^13.3e", "**1.234e-05**"),
        ("1.2345e-05", "z.1f", "0.0"),
        ("1.2345e-05", " .3g", " 1.23e-05"),
        ("1.2345e-05", "#", "1.2345e-05"),
        ("1.2345e-05", "<9", "1.2345e-05"),
        ("1234.5", "", "1234.5"),
        ("1234.5", ".3", "1.23e+03"),
        ("1234.5", ".2", "1.2e+03"),
        ("1234.5", ".0", "1e+03"),
        ("1234.5", "e", "1.234500e+03"),
        ("1234.5", ".2e", "1.23e+03"),
        ("1234.5", "#.0e", "1.e+03"),
        ("1234.5", "E", "1.234500E+03"),
        ("1234.5", "f", "1234.500000"),
        ("1234.5", ".2f", "1234.50"),
        ("1234.5", ".0f", "1234"),
        ("1234.5", "#.0f", "1234."),
        ("1234.5", "F", "1234.500000"),
        ("1234.5", "g", "1234.5"),
        ("1234.5", "#.3g", "1.23e+03"),
        ("1234.5", "G", "1234.5"),
        ("1234.5", "n", "1234.5"),
        ("1234.5", ".1%", "123450.0%"),
        ("1234.5", "+", "+1234.5"),
        ("1234.5", "=+10", "+   1234.5"),
        ("1234.5", "010", "00001234.5"),
        ("1234.5", "+012,.2f", "+0,001,234.50"),
        ("1234.5", "_.3f", "1_234.500"),
        ("1234.5", "*^13.3e", "**1.234e+03**"),
        ("1234.5", "z.1f", "1234.5"),
        ("1234.5", " .3g", " 1.23e+03"),
        ("1234.5", "#", "1234.5"),
        ("1234.5", "<9", "1234.5   "),
        ("1e+20", "", "1e+20"),
        ("1e+20", ".3", "1e+20"),
        ("1e+20", ".2", "1e+20"),
        ("1e+20", ".0", "1e+20"),
        ("1e+20", "e", "1.000000e+20"),
        ("1e+20", ".2e", "1.00e+20"),
        ("1e+20", "#.0e", "1.e+20"),
        ("1e+20", "E", "1.000000E+20"),
        ("1e+20", "f", "100000000000000000000.000000"),
        ("1e+20", ".2f", "100000000000000000000.00"),
        ("1e+20", ".0f", "100000000000000000000"),
        ("1e+20", "#.0f", "100000000000000000000."),
        ("1e+20", "F", "100000000000000000000.000000"),
        ("1e+20", "g", "1e+20"),
        ("1e+20", "#.3g", "1.00e+20"),
        ("1e+20", "G", "1E+20"),
        ("1e+20", "n", "1e+20"),
        ("1e+20", ".1%", "10000000000000000000000.0%"),
        ("1e+20", "+", "+1e+20"),
        ("1e+20", "=+10", "+    1e+20"),
        ("1e+20", "010", "000001e+20"),
        ("1e+20", "+012,.2f", "+100,000,000,000,000,000,000.00"),
        ("1e+20", "_.3f", "100_000_000_000_000_000_000.000"),
        ("1e+20", "*^13.3e", "**1.000e+20**"),
        ("1e+20", "z.1f", "100000000000000000000.0"),
        ("1e+20", " .3g", " 1e+20"),
        ("1e+20", "#", "1.e+20"),
        ("1e+20", "<9", "1e+20    "),
        ("99.995", "", "99.995"),
        ("99.995", ".3", "1e+02"),
        ("99.995", ".2", "1e+02"),
        ("99.995", ".0", "1e+02"),
        ("99.995", "e", "9.999500e+01"),
        ("99.995", ".2e", "1.00e+02"),
        ("99.995", "#.0e", "1.e+02"),
        ("99.995", "E", "9.999500E+01"),
        ("99.995", "f", "99.995000"),
        ("99.995", ".2f", "100.00"),
        ("99.995", ".0f", "100"),
        ("99.995", "#.0f", "100."),
        ("99.995", "F", "99.995000"),
        ("99.995", "g", "99.995"),
        ("99.995", "#.3g", "100."),
        ("99.995", "G", "99.995"),
        ("99.995", "n", "99.995"),
        ("99.995", ".1%", "9999.5%"),
        ("99.995", "+", "+99.995"),
        ("99.995", "=+10", "+   99.995"),
        ("99.995", "010", "000099.995"),
        ("99.995", "+012,.2f", "+0,000,100.00"),
        ("99.995", "_.3f", "99.995"),
        ("99.995", "*^13.3e", "**1.000e+02**"),
        ("99.995", "z.1f", "100.0"),
        ("99.995", " .3g", " 100"),
        ("99.995", "#", "99.995"),
        ("99.995", "<9", "99.995   "),
        ("-0.0004", "", "-0.0004"),
        ("-0.0004", ".3", "-0.0004"),
        ("-0.0004", ".2", "-0.0004"),
        ("-0.0004", ".0", "-0.0004"),
        ("-0.0004", "e", "-4.000000e-04"),
        ("-0.0004", ".2e", "-4.00e-04"),
        ("-0.0004", "#.0e", "-4.e-04"),
        ("-0.0004", "E", "-4.000000E-04"),
        ("-0.0004", "f", "-0.000400"),
        ("-0.0004", ".2f", "-0.00"),
        ("-0.0004", ".0f", "-0"),
        ("-0.0004", "#.0f", "-0."),
        ("-0.0004", "F", "-0.000400"),
        ("-0.0004", "g", "-0.0004"),
        ("-0.0004", "#.3g", "-0.000400"),
        ("-0.0004", "G", "-0.0004"),
        ("-0.0004", "n", "-0.0004"),
        ("-0.0004", ".1%", "-0.0%"),
        ("-0.0004", "+", "-0.0004"),
        ("-0.0004", "=+10", "-   0.0004"),
        ("-0.0004", "010", "-0000.0004"),
        ("-0.0004", "+012,.2f", "-0,000,000.00"),
        ("-0.0004", "_.3f", "-0.000"),
        ("-0.0004", "*^13.3e", "*-4.000e-04**"),
        ("-0.0004", "z.1f", "0.0"),
        ("-0.0004", " .3g", "-0.0004"),
        ("-0.0004", "#", "-0.0004"),
        ("-0.0004", "<9", "-0.0004  "),
        ("9.9999", "", "9.9999"),
        ("9.9999", ".3", "10.0"),
        ("9.9999", ".2", "1e+01"),
        ("9.9999", ".0", "1e+01"),
        ("9.9999", "e", "9.999900e+00"),
        ("9.9999", ".2e", "1.00e+01"),
        ("9.9999", "#.0e", "1.e+01"),
        ("9.9999", "E", "9.999900E+00"),
        ("9.9999", "f", "9.999900"),
        ("9.9999", ".2f", "10.00"),
        ("9.9999", ".0f", "10"),
        ("9.9999", "#.0f", "10."),
        ("9.9999", "F", "9.999900"),
        ("9.9999", "g", "9.9999"),
        ("9.9999", "#.3g", "10.0"),
        ("9.9999", "G", "9.9999"),
        ("9.9999", "n", "9.9999"),
        ("9.9999", ".1%", "1000.0%"),
        ("9.9999", "+", "+9.9999"),
        ("9.9999", "=+10", "+   9.9999"),
        ("9.9999", "010", "00009.9999"),
        ("9.9999", "+012,.2f", "+0,000,010.00"),
        ("9.9999", "_.3f", "10.000"),
        ("9.9999", "*^13.3e", "**1.000e+01**"),
        ("9.9999", "z.1f", "10.0"),
        ("9.9999", " .3g", " 10"),
        ("9.9999", "#", "9.9999"),
        ("9.9999", "<9", "9.9999   "),
        ("966663726993674.2", "", "966663726993674.2"),
        ("966663726993674.2", ".3", "9.67e+14"),
        ("966663726993674.2", ".2", "9.7e+14"),
        ("966663726993674.2", ".0", "1e+15"),
        ("966663726993674.2", "e", "9.666637e+14"),
        ("966663726993674.2", ".2e", "9.67e+14"),
        ("966663726993674.2", "#.0e", "1.e+15"),
        ("966663726993674.2", "E", "9.666637E+14"),
        ("966663726993674.2", "f", "966663726993674.250000"),
        ("966663726993674.2", ".2f", "966663726993674.25"),
        ("966663726993674.2", ".0f", "966663726993674"),
        ("966663726993674.2", "#.0f", "966663726993674."),
        ("966663726993674.2", "F", "966663726993674.250000"),
        ("966663726993674.2", "g", "9.66664e+14"),
        ("966663726993674.2", "#.3g", "9.67e+14"),
        ("966663726993674.2", "G", "9.66664E+14"),
        ("966663726993674.2", "n", "9.66664e+14"),
        ("966663726993674.2", ".1%", "96666372699367424.0%"),
        ("966663726993674.2", "+", "+966663726993674.2"),
        ("966663726993674.2", "=+10", "+966663726993674.2"),
        ("966663726993674.2", "010", "966663726993674.2"),
        ("966663726993674.2", "+012,.2f", "+966,663,726,993,674.25"),
        ("966663726993674.2", "_.3f", "966_663_726_993_674.250"),
        ("966663726993674.2", "*^13.3e", "**9.667e+14**"),
        ("966663726993674.2", "z.1f", "966663726993674.2"),
        ("966663726993674.2", " .3g", " 9.67e+14"),
        ("966663726993674.2", "#", "966663726993674.2"),
        ("966663726993674.2", "<9", "966663726993674.2"),
        ("inf", "", "inf"),
        ("inf", ".3", "inf"),
        ("inf", ".2", "inf"),
        ("inf", ".0", "inf"),
        ("inf", "e", "inf"),
        ("inf", ".2e", "inf"),
        ("inf", "#.0e", "inf"),
        ("inf", "E", "INF"),
        ("inf", "f", "inf"),
        ("inf", ".2f", "inf"),
        ("inf", ".0f", "inf"),
        ("inf", "#.0f", "inf"),
        ("inf", "F", "INF"),
        ("inf", "g", "inf"),
        ("inf", "#.3g", "inf"),
        ("inf", "G", "INF"),
        ("inf", "n", "inf"),
        ("inf", ".1%", "inf%"),
        ("inf", "+", "+inf"),
        ("inf", "=+10", "+      inf"),
        ("inf", "010", "0000000inf"),
        ("inf", "+012,.2f", "+00000000inf"),
        ("inf", "_.3f", "inf"),
        ("inf", "*^13.3e", "*****inf*****"),
        ("inf", "z.1f", "inf"),
        ("inf", " .3g", " inf"),
        ("inf", "#", "inf"),
        ("inf", "<9", "inf      "),
        ("-inf", "", "-inf"),
        ("-inf", ".3", "-inf"),
        ("-inf", ".2", "-inf"),
        ("-inf", ".0", "-inf"),
        ("-inf", "e", "-inf"),
        ("-inf", ".2e", "-inf"),
        ("-inf", "#.0e", "-inf"),
        ("-inf", "E", "-INF"),
        ("-inf", "f", "-inf"),
        ("-inf", ".2f", "-inf"),
        ("-inf", ".0f", "-inf"),
        ("-inf", "#.0f", "-inf"),
        ("-inf", "F", "-INF"),
        ("-inf", "g", "-inf"),
        ("-inf", "#.3g", "-inf"),
        ("-inf", "G", "-INF"),
        ("-inf", "n", "-inf"),
        ("-inf", ".1%", "-inf%"),
        ("-inf", "+", "-inf"),
        ("-inf", "=+10", "-      inf"),
        ("-inf", "010", "-000000inf"),
        ("-inf", "+012,.2f", "-00000000inf"),
        ("-inf", "_.3f", "-inf"),
        ("-inf", "*^13.3e", "****-inf*****"),
        ("-inf", "z.1f", "-inf"),
        ("-inf", " .3g", "-inf"),
        ("-inf", "#", "-inf"),
        ("-inf", "<9", "-inf     "),
        ("nan", "", "nan"),
        ("nan", ".3", "nan"),
        ("nan", ".2", "nan"),
        ("nan", ".0", "nan"),
        ("nan", "e", "nan"),
        ("nan", ".2e", "nan"),
        ("nan", "#.0e", "nan"),
        ("nan", "E", "NAN"),
        ("nan", "f", "nan"),
        ("nan", ".2f", "nan"),
        ("nan", ".0f", "nan"),
        ("nan", "#.0f", "nan"),
        ("nan", "F", "NAN"),
        ("nan", "g", "nan"),
        ("nan", "#.3g", "nan"),
        ("nan", "G", "NAN"),
        ("nan", "n", "nan"),
        ("nan", ".1%", "nan%"),
        ("nan", "+", "+nan"),
        ("nan", "=+10", "+      nan"),
        ("nan", "010", "0000000nan"),
        ("nan", "+012,.2f", "+00000000nan"),
        ("nan", "_.3f", "nan"),
        ("nan", "*^13.3e", "*****nan*****"),
        ("nan", "z.1f", "nan"),
        ("nan", " .3g", " nan"),
        ("nan", "#", "nan"),
        ("nan", "<9", "nan      "),
        ("1e+300", "f", "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000"),
        ("2.675", ".2f", "2.67"),
        ("0.5", ".0f", "0"),
        ("1.5", ".0f", "2"),
        ("0.125", ".2f", "0.12"),
        ("0.375", ".2f", "0.38"),
        ("123.456", ".2e", "1.23e+02"),
        ("1.2345e-05", "g", "1.2345e-05"),
        ("1.0", ".3", "1.0"),
        ("1234.5", ".2", "1.2e+03"),
        ("1e+20", "", "1e+20"),
        ("1e-07", ".3", "1e-07"),
        ("100.0", ".3", "1e+02"),
        ("1e+16", ".17", "1e+16"),
        ("0.1", ".60f", "0.100000000000000005551115123125782702118158340454101562500000"),
        ("0.1", ".55e", "1.0000000000000000555111512312578270211815834045410156250e-01"),
        ("5e-324", ".330e", "4.940656458412465441765687928682213723650598026143247644255856825006755072702087518652998363616359923797965646954457177309266567103559397963987747960107818781263007131903114045278458171678489821036887186360569987307230500063874091535649843873124733972731696151400317153853980741262385655911710266585566867681870395603106249319452716e-324"),
        ("1.7976931348623157e+308", ".0f", "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368"),
        ("-0.0", "z", "0.0"),
        ("-0.0", "z.0f", "0"),
        ("-1e-09", "z.3f", "0.000"),
        ("-1e-09", "z.3e", "-1.000e-09"),
        ("nan", "+010", "+000000nan"),
        ("-inf", "010", "-000000inf"),
        ("inf", "^+9F", "  +INF   "),
        ("1234567.891", ",.2f", "1,234,567.89"),
        ("1234567.891", "_", "1_234_567.891"),
        ("1234567.891", "020,.1f", "00,000,001,234,567.9"),
        ("-1234567.891", "0=20,.1f", "-0,000,001,234,567.9"),
        ("1.0", "0>10,", "00000001.0"),
        ("1000000.0", ",g", "1e+06"),
        ("1000000.0", ",.10g", "1,000,000"),
        ("12345.678", "12,.1%", "1,234,567.8%"),
        ("0.5", "%", "50.000000%"),
        ("0.001", ".0%", "0%"),
        ("1.0", "#.0%", "100.%"),
        ("2.5", ".0e", "2e+00"),
        ("3.5", ".0e", "4e+00"),
        ("0.05", ".1f", "0.1"),
        ("0.15", ".1f", "0.1"),
        ("0.25", ".1f", "0.2"),
        ("0.35", ".1f", "0.3"),
        ("9.5", ".0f", "10"),
        ("10.5", ".0f", "10"),
        ("1000000000000000.0", "g", "1e+15"),
        ("1e+16", "n", "1e+16"),
        ("123456.0", ".6", "1.23456e+05"),
        ("1234567.0", ".6", "1.23457e+06"),
        ("0.0001", ".3", "0.0001"),
        ("1e-05", ".3", "1e-05"),
        ("1.0", "é^7", "éé1.0éé"),
        ("1.0", "é=+7", "+ééé1.0"),
        ("1.5", "٥", "  1.5"),
        ("1.5", ".٢f", "1.50"),
        ("3.0", "#.3", "3.00"),
        ("3.0", "#", "3.0"),
        ("3.0", "#e", "3.000000e+00"),
        ("0.0", "#.0g", "0."),
    ];

    /// (value, spec, expected) from `format(value, spec)` for ints.
    #[rustfmt::skip]
    const INT_FORMAT: &[(&str, &str, &str)] = &[
        ("0", "", "0"),
        ("0", "d", "0"),
        ("0", "b", "0"),
        ("0", "#b", "0b0"),
        ("0", "o", "0"),
        ("0", "#o", "0o0"),
        ("0", "x", "0"),
        ("0", "#x", "0x0"),
        ("0", "X", "0"),
        ("0", "#X", "0X0"),
        ("0", ",", "0"),
        ("0", "_", "0"),
        ("0", "_b", "0"),
        ("0", "#_x", "0x0"),
        ("0", "+d", "+0"),
        ("0", " d", " 0"),
        ("0", "010", "0000000000"),
        ("0", "010,", "00,000,000"),
        ("0", "^9", "    0    "),
        ("0", "=+8", "+      0"),
        ("0", "*>+12,", "**********+0"),
        ("0", "n", "0"),
        ("0", "e", "0.000000e+00"),
        ("0", ".2f", "0.00"),
        ("0", "%", "0.000000%"),
        ("0", "g", "0"),
        ("0", "c", "\u{0}"),
        ("0", "#012x", "0x0000000000"),
        ("0", "-", "0"),
        ("0", "<+#9o", "+0o0     "),
        ("1", "", "1"),
        ("1", "d", "1"),
        ("1", "b", "1"),
        ("1", "#b", "0b1"),
        ("1", "o", "1"),
        ("1", "#o", "0o1"),
        ("1", "x", "1"),
        ("1", "#x", "0x1"),
        ("1", "X", "1"),
        ("1", "#X", "0X1"),
        ("1", ",", "1"),
        ("1", "_", "1"),
        ("1", "_b", "1"),
        ("1", "#_x", "0x1"),
        ("1", "+d", "+1"),
        ("1", " d", " 1"),
        ("1", "010", "0000000001"),
        ("1", "010,", "00,000,001"),
        ("1", "^9", "    1    "),
        ("1", "=+8", "+      1"),
        ("1", "*>+12,", "**********+1"),
        ("1", "n", "1"),
        ("1", "e", "1.000000e+00"),
        ("1", ".2f", "1.00"),
        ("1", "%", "100.000000%"),
        ("1", "g", "1"),
        ("1", "c", "\u{1}"),
        ("1", "#012x", "0x0000000001"),
        ("1", "-", "1"),
        ("1", "<+#9o", "+0o1     "),
        ("-1", "", "-1"),
        ("-1", "d", "-1"),
        ("-1", "b", "-1"),
        ("-1", "#b", "-0b1"),
        ("-1", "o", "-1"),
        ("-1", "#o", "-0o1"),
        ("-1", "x", "-1"),
        ("-1", "#x", "-0x1"),
        ("-1", "X", "-1"),
        ("-1", "#X", "-0X1"),
        ("-1", ",", "-1"),
        ("-1", "_", "-1"),
        ("-1", "_b", "-1"),
        ("-1", "#_x", "-0x1"),
        ("-1", "+d", "-1"),
        ("-1", " d", "-1"),
        ("-1", "010", "-000000001"),
        ("-1", "010,", "-0,000,001"),
        ("-1", "^9", "   -1    "),
        ("-1", "=+8", "-      1"),
        ("-1", "*>+12,", "**********-1"),
        ("-1", "n", "-1"),
        ("-1", "e", "-1.000000e+00"),
        ("-1", ".2f", "-1.00"),
        ("-1", "%", "-100.000000%"),
        ("-1", "g", "-1"),
        ("-1", "c", "!OverflowError: %c arg not in range(0x110000)"),
        ("-1", "#012x", "-0x000000001"),
        ("-1", "-", "-1"),
        ("-1", "<+#9o", "-0o1     "),
        ("42", "", "42"),
        ("42", "d", "42"),
        ("42", "b", "101010"),
        ("42", "#b", "0b101010"),
        ("42", "o", "52"),
        ("42", "#o", "0o52"),
        ("42", "x", "2a"),
        ("42", "#x", "0x2a"),
        ("42", "X", "2A"),
        ("42", "#X", "0X2A"),
        ("42", ",", "42"),
        ("42", "_", "42"),
        ("42", "_b", "10_1010"),
        ("42", "#_x", "0x2a"),
        ("42", "+d", "+42"),
        ("42", " d", " 42"),
        ("42", "010", "0000000042"),
        ("42", "010,", "00,000,042"),
        ("42", "^9", "   42    "),
        ("42", "=+8", "+     42"),
        ("42", "*>+12,", "*********+42"),
        ("42", "n", "42"),
        ("42", "e", "4.200000e+01"),
        ("42", ".2f", "42.00"),
        ("42", "%", "4200.000000%"),
        ("42", "g", "42"),
        ("42", "c", "*"),
        ("42", "#012x", "0x000000002a"),
        ("42", "-", "42"),
        ("42", "<+#9o", "+0o52    "),
        ("-42", "", "-42"),
        ("-42", "d", "-42"),
        ("-42", "b", "-101010"),
        ("-42", "#b", "-0b101010"),
        ("-42", "o", "-52"),
        ("-42", "#o", "-0o52"),
        ("-42", "x", "-2a"),
        ("-42", "#x", "-0x2a"),
        ("-42", "X", "-2A"),
        ("-42", "#X", "-0X2A"),
        ("-42", ",", "-42"),
        ("-42", "_", "-42"),
        ("-42", "_b", "-10_1010"),
        ("-42", "#_x", "-0x2a"),
        ("-42", "+d", "-42"),
        ("-42", " d", "-42"),
        ("-42", "010", "-000000042"),
        ("-42", "010,", "-0,000,042"),
        ("-42", "^9", "   -42   "),
        ("-42", "=+8", "-     42"),
        ("-42", "*>+12,", "*********-42"),
        ("-42", "n", "-42"),
        ("-42", "e", "-4.200000e+01"),
        ("-42", ".2f", "-42.00"),
        ("-42", "%", "-4200.000000%"),
        ("-42", "g", "-42"),
        ("-42", "c", "!OverflowError: %c arg not in range(0x110000)"),
        ("-42", "#012x", "-0x00000002a"),
        ("-42", "-", "-42"),
        ("-42", "<+#9o", "-0o52    "),
        ("255", "", "255"),
        ("255", "d", "255"),
        ("255", "b", "11111111"),
        ("255", "#b", "0b11111111"),
        ("255", "o", "377"),
        ("255", "#o", "0o377"),
        ("255", "x", "ff"),
        ("255", "#x", "0xff"),
        ("255", "X", "FF"),
        ("255", "#X", "0XFF"),
        ("255", ",", "255"),
        ("255", "_", "255"),
        ("255", "_b", "1111_1111"),
        ("255", "#_x", "0xff"),
        ("255", "+d", "+255"),
        ("255", " d", " 255"),
        ("255", "010", "0000000255"),
        ("255", "010,", "00,000,255"),
        ("255", "^9", "   255   "),
        ("255", "=+8", "+    255"),
        ("255", "*>+12,", "********+255"),
        ("255", "n", "255"),
        ("255", "e", "2.550000e+02"),
        ("255", ".2f", "255.00"),
        ("255", "%", "25500.000000%"),
        ("255", "g", "255"),
        ("255", "c", "ÿ"),
        ("255", "#012x", "0x00000000ff"),
        ("255", "-", "255"),
        ("255", "<+#9o", "+0o377   "),
        ("65", "", "65"),
        ("65", "d", "65"),
        ("65", "b", "1000001"),
        ("65", "#b", "0b1000001"),
        ("65", "o", "101"),
        ("65", "#o", "0o101"),
        ("65", "x", "41"),
        ("65", "#x", "0x41"),
        ("65", "X", "41"),
        ("65", "#X", "0X41"),
        ("65", ",", "65"),
        ("65", "_", "65"),
        ("65", "_b", "100_0001"),
        ("65", "#_x", "0x41"),
        ("65", "+d", "+65"),
        ("65", " d", " 65"),
        ("65", "010", "0000000065"),
        ("65", "010,", "00,000,065"),
        ("65", "^9", "   65    "),
        ("65", "=+8", "+     65"),
        ("65", "*>+12,", "*********+65"),
        ("65", "n", "65"),
        ("65", "e", "6.500000e+01"),
        ("65", ".2f", "65.00"),
        ("65", "%", "6500.000000%"),
        ("65", "g", "65"),
        ("65", "c", "A"),
        ("65", "#012x", "0x0000000041"),
        ("65", "-", "65"),
        ("65", "<+#9o", "+0o101   "),
        ("1234567", "", "1234567"),
        ("1234567", "d", "1234567"),
        ("1234567", "b", "100101101011010000111"),
        ("1234567", "#b", "0b100101101011010000111"),
        ("1234567", "o", "4553207"),
        ("1234567", "#o", "0o4553207"),
        ("1234567", "x", "12d687"),
        ("1234567", "#x", "0x12d687"),
        ("1234567", "X", "12D687"),
        ("1234567", "#X", "0X12D687"),
        ("1234567", ",", "1,234,567"),
        ("1234567", "_", "1_234_567"),
        ("1234567", "_b", "1_0010_1101_0110_1000_0111"),
        ("1234567", "#_x", "0x12_d687"),
        ("1234567", "+d", "+1234567"),
        ("1234567", " d", " 1234567"),
        ("1234567", "010", "0001234567"),
        ("1234567", "010,", "01,234,567"),
        ("1234567", "^9", " 1234567 "),
        ("1234567", "=+8", "+1234567"),
        ("1234567", "*>+12,", "**+1,234,567"),
        ("1234567", "n", "1234567"),
        ("1234567", "e", "1.234567e+06"),
        ("1234567", ".2f", "1234567.00"),
        ("1234567", "%", "123456700.000000%"),
        ("1234567", "g", "1.23457e+06"),
        ("1234567", "c", "!OverflowError: %c arg not in range(0x110000)"),
        ("1234567", "#012x", "0x000012d687"),
        ("1234567", "-", "1234567"),
        ("1234567", "<+#9o", "+0o4553207"),
        ("-1234567", "", "-1234567"),
        ("-1234567", "d", "-1234567"),
        ("-1234567", "b", "-100101101011010000111"),
        ("-1234567", "#b", "-0b100101101011010000111"),
        ("-1234567", "o", "-4553207"),
        ("-1234567", "#o", "-0o4553207"),
        ("-1234567", "x", "-12d687"),
        ("-1234567", "#x", "-0x12d687"),
        ("-1234567", "X", "-12D687"),
        ("-1234567", "#X", "-0X12D687"),
        ("-1234567", ",", "-1,234,567"),
        ("-1234567", "_", "-1_234_567"),
        ("-1234567", "_b", "-1_0010_1101_0110_1000_0111"),
        ("-1234567", "#_x", "-0x12_d687"),
        ("-1234567", "+d", "-1234567"),
        ("-1234567", " d", "-1234567"),
        ("-1234567", "010", "-001234567"),
        ("-1234567", "010,", "-1,234,567"),
        ("-1234567", "^9", "-1234567 "),
        ("-1234567", "=+8", "-1234567"),
        ("-1234567", "*>+12,", "**-1,234,567"),
        ("-1234567", "n", "-1234567"),
        ("-1234567", "e", "-1.234567e+06"),
        ("-1234567", ".2f", "-1234567.00"),
        ("-1234567", "%", "-123456700.000000%"),
        ("-1234567", "g", "-1.23457e+06"),
        ("-1234567", "c", "!OverflowError: %c arg not in range(0x110000)"),
        ("-1234567", "#012x", "-0x00012d687"),
        ("-1234567", "-", "-1234567"),
        ("-1234567", "<+#9o", "-0o4553207"),
        ("9223372036854775808", "", "9223372036854775808"),
        ("9223372036854775808", "d", "9223372036854775808"),
        ("9223372036854775808", "b", "1000000000000000000000000000000000000000000000000000000000000000"),
        ("9223372036854775808", "#b", "0b1000000000000000000000000000000000000000000000000000000000000000"),
        ("9223372036854775808", "o", "1000000000000000000000"),
        ("9223372036854775808", "#o", "0o1000000000000000000000"),
        ("9223372036854775808", "x", "8000000000000000"),
        ("9223372036854775808", "#x", "0x8000000000000000"),
        ("9223372036854775808", "X", "8000000000000000"),
        ("9223372036854775808", "#X", "0X8000000000000000"),
        ("9223372036854775808", ",", "9,223,372,036,854,775,808"),
        ("9223372036854775808", "_", "9_223_372_036_854_775_808"),
        ("9223372036854775808", "_b", "1000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000"),
        ("9223372036854775808", "#_x", "0x8000_0000_0000_0000"),
        ("9223372036854775808", "+d", "+9223372036854775808"),
        ("9223372036854775808", " d", " 9223372036854775808"),
        ("9223372036854775808", "010", "9223372036854775808"),
        ("9223372036854775808", "010,", "9,223,372,036,854,775,808"),
        ("9223372036854775808", "^9", "9223372036854775808"),
        ("9223372036854775808", "=+8", "+9223372036854775808"),
        ("9223372036854775808", "*>+12,", "+9,223,372,036,854,775,808"),
        ("9223372036854775808", "n", "9223372036854775808"),
        ("9223372036854775808", "e", "9.223372e+18"),
        ("9223372036854775808", ".2f", "9223372036854775808.00"),
        ("9223372036854775808", "%", "922337203685477580800.000000%"),
        ("9223372036854775808", "g", "9.22337e+18"),
        ("9223372036854775808", "c", "!OverflowError: Python int too large to convert to C long"),
        ("9223372036854775808", "#012x", "0x8000000000000000"),
        ("9223372036854775808", "-", "9223372036854775808"),
        ("9223372036854775808", "<+#9o", "+0o1000000000000000000000"),
        ("-18446744073709551616", "", "-18446744073709551616"),
        ("-18446744073709551616", "d", "-18446744073709551616"),
        ("-18446744073709551616", "b", "-10000000000000000000000000000000000000000000000000000000000000000"),
        ("-18446744073709551616", "#b", "-0b10000000000000000000000000000000000000000000000000000000000000000"),
        ("-18446744073709551616", "o", "-2000000000000000000000"),
        ("-18446744073709551616", "#o", "-0o2000000000000000000000"),
        ("-18446744073709551616", "x", "-10000000000000000"),
        ("-18446744073709551616", "#x", "-0x10000000000000000"),
        ("-18446744073709551616", "X", "-10000000000000000"),
        ("-18446744073709551616", "#X", "-0X10000000000000000"),
        ("-18446744073709551616", ",", "-18,446,744,073,709,551,616"),
        ("-18446744073709551616", "_", "-18_446_744_073_709_551_616"),
        ("-18446744073709551616", "_b", "-1_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000"),
        ("-18446744073709551616", "#_x", "-0x1_0000_0000_0000_0000"),
        ("-18446744073709551616", "+d", "-18446744073709551616"),
        ("-18446744073709551616", " d", "-18446744073709551616"),
        ("-18446744073709551616", "010", "-18446744073709551616"),
        ("-18446744073709551616", "010,", "-18,446,744,073,709,551,616"),
        ("-18446744073709551616", "^9", "-18446744073709551616"),
        ("-18446744073709551616", "=+8", "-18446744073709551616"),
        ("-18446744073709551616", "*>+12,", "-18,446,744,073,709,551,616"),
        ("-18446744073709551616", "n", "-18446744073709551616"),
        ("-18446744073709551616", "e", "-1.844674e+19"),
        ("-18446744073709551616", ".2f", "-18446744073709551616.00"),
        ("-18446744073709551616", "%", "-1844674407370955161600.000000%"),
        ("-18446744073709551616", "g", "-1.84467e+19"),
        ("-18446744073709551616", "c", "!OverflowError: Python int too large to convert to C long"),
        ("-18446744073709551616", "#012x", "-0x10000000000000000"),
        ("-18446744073709551616", "-", "-18446744073709551616"),
        ("-18446744073709551616", "<+#9o", "-0o2000000000000000000000"),
        ("1000000000000000000000000000000", "", "1000000000000000000000000000000"),
        ("1000000000000000000000000000000", "d", "1000000000000000000000000000000"),
        ("1000000000000000000000000000000", "b", "1100100111110010110010011100110100000100011001110100111011011110101001000000000000000000000000000000"),
        ("1000000000000000000000000000000", "#b", "0b1100100111110010110010011100110100000100011001110100111011011110101001000000000000000000000000000000"),
        ("1000000000000000000000000000000", "o", "1447626234640431647336510000000000"),
        ("1000000000000000000000000000000", "#o", "0o1447626234640431647336510000000000"),
        ("1000000000000000000000000000000", "x", "c9f2c9cd04674edea40000000"),
        ("1000000000000000000000000000000", "#x", "0xc9f2c9cd04674edea40000000"),
        ("1000000000000000000000000000000", "X", "C9F2C9CD04674EDEA40000000"),
        ("1000000000000000000000000000000", "#X", "0XC9F2C9CD04674EDEA40000000"),
        ("1000000000000000000000000000000", ",", "1,000,000,000,000,000,000,000,000,000,000"),
        ("1000000000000000000000000000000", "_", "1_000_000_000_000_000_000_000_000_000_000"),
        ("1000000000000000000000000000000", "_b", "1100_1001_1111_0010_1100_1001_1100_1101_0000_0100_0110_0111_0100_1110_1101_1110_1010_0100_0000_0000_0000_0000_0000_0000_0000"),
        ("1000000000000000000000000000000", "#_x", "0xc_9f2c_9cd0_4674_edea_4000_0000"),
        ("1000000000000000000000000000000", "+d", "+1000000000000000000000000000000"),
        ("1000000000000000000000000000000", " d", " 1000000000000000000000000000000"),
        ("1000000000000000000000000000000", "010", "1000000000000000000000000000000"),
        ("1000000000000000000000000000000", "010,", "1,000,000,000,000,000,000,000,000,000,000"),
        ("1000000000000000000000000000000", "^9", "1000000000000000000000000000000"),
        ("1000000000000000000000000000000", "=+8", "+1000000000000000000000000000000"),
        ("1000000000000000000000000000000", "*>+12,", "+1,000,000,000,000,000,000,000,000,000,000"),
        ("1000000000000000000000000000000", "n", "1000000000000000000000000000000"),
        ("1000000000000000000000000000000", "e", "1.000000e+30"),
        ("1000000000000000000000000000000", ".2f", "1000000000000000019884624838656.00"),
        ("1000000000000000000000000000000", "%", "100000000000000005366162204393472.000000%"),
        ("1000000000000000000000000000000", "g", "1e+30"),
        ("1000000000000000000000000000000", "c", "!OverflowError: Python int too large to convert to C long"),
        ("1000000000000000000000000000000", "#012x", "0xc9f2c9cd04674edea40000000"),
        ("1000000000000000000000000000000", "-", "1000000000000000000000000000000"),
        ("1000000000000000000000000000000", "<+#9o", "+0o1447626234640431647336510000000000"),
        ("1114111", "", "1114111"),
        ("1114111", "d", "1114111"),
        ("1114111", "b", "100001111111111111111"),
        ("1114111", "#b", "0b100001111111111111111"),
        ("1114111", "o", "4177777"),
        ("1114111", "#o", "0o4177777"),
        ("1114111", "x", "10ffff"),
        ("1114111", "#x", "0x10ffff"),
        ("1114111", "X", "10FFFF"),
        ("1114111", "#X", "0X10FFFF"),
        ("1114111", ",", "1,114,111"),
        ("1114111", "_", "1_114_111"),
        ("1114111", "_b", "1_0000_1111_1111_1111_1111"),
        ("1114111", "#_x", "0x10_ffff"),
        ("1114111", "+d", "+1114111"),
        ("1114111", " d", " 1114111"),
        ("1114111", "010", "0001114111"),
        ("1114111", "010,", "01,114,111"),
        ("1114111", "^9", " 1114111 "),
        ("1114111", "=+8", "+1114111"),
        ("1114111", "*>+12,", "**+1,114,111"),
        ("1114111", "n", "1114111"),
        ("1114111", "e", "1.114111e+06"),
        ("1114111", ".2f", "1114111.00"),
        ("1114111", "%", "111411100.000000%"),
        ("1114111", "g", "1.11411e+06"),
        ("1114111", "c", "􏿿"),
        ("1114111", "#012x", "0x000010ffff"),
        ("1114111", "-", "1114111"),
        ("1114111", "<+#9o", "+0o4177777"),
        ("179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "f", "!OverflowError: int too large to convert to float"),
        ("89884656743115795386465259539451236680898848947115328636715040578866337902750481566354238661203768010560056939935696678829394884407208311246423715319737062188883946712432742638151109800623047059726541476042502884419075341171231440736956555270413618581675255342293149119973622969239858152417678164812112068608", "e", "8.988466e+307"),
        ("10000000000000000000000000000000000000000", "_", "10_000_000_000_000_000_000_000_000_000_000_000_000_000"),
        ("-10000000000000000000000000000000000000000", "0=60,", "-000,010,000,000,000,000,000,000,000,000,000,000,000,000,000"),
        ("1", "05,", "0,001"),
        ("1", "06,", "00,001"),
        ("1", "07_b", "00_0001"),
        ("55295", "c", "퟿"),
        ("-1", "c", "!OverflowError: %c arg not in range(0x110000)"),
        ("1114112", "c", "!OverflowError: %c arg not in range(0x110000)"),
        ("1180591620717411303424", "c", "!OverflowError: Python int too large to convert to C long"),
        ("65", "05c", "0000A"),
        ("65", "^5c", "  A  "),
        ("65", "+c", "!ValueError: Sign not allowed with integer format specifier 'c'"),
        ("65", "#c", "!ValueError: Alternate form (#) not allowed with integer format specifier 'c'"),
        ("65", ",c", "!ValueError: Cannot specify ',' with 'c'."),
        ("65", "_c", "!ValueError: Cannot specify '_' with 'c'."),
        ("5", ".2", "!ValueError: Precision not allowed in integer format specifier"),
        ("5", "z", "!ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
        ("5", "s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        ("5", "é", "!ValueError: Unknown format code '\\xe9' for object of type 'int'"),
        ("5", "\u{1}", "!ValueError: Unknown format code '\\x1' for object of type 'int'"),
        ("5", ",é", "!ValueError: Cannot specify ',' with '\\xe9'."),
        ("5", "abc", "!ValueError: Invalid format specifier 'abc' for object of type 'int'"),
        ("5", ",_", "!ValueError: Cannot specify both ',' and '_'."),
        ("5", "_,", "!ValueError: Cannot specify both ',' and '_'."),
        ("5", ".", "!ValueError: Format specifier missing precision"),
        ("5", "99999999999999999999", "!ValueError: Too many decimal digits in format string"),
        ("5", "٥", "    5"),
        ("5", "=10", "         5"),
    ];

    /// (value, spec, expected) from `format(value, spec)` for strs.
    #[rustfmt::skip]
    const STR_FORMAT: &[(&str, &str, &str)] = &[
        ("", "", ""),
        ("", "s", ""),
        ("", "5", "     "),
        ("", "<5", "     "),
        ("", ">5", "     "),
        ("", "^5", "     "),
        ("", "^6", "      "),
        ("", "*^7", "*******"),
        ("", "😀>4", "😀😀😀😀"),
        ("", "05", "00000"),
        ("", ".1", ""),
        ("", ".0", ""),
        ("", "3.2", "   "),
        ("", ">10.3s", "          "),
        ("", "=5", "!ValueError: '=' alignment not allowed in string format specifier"),
        ("", "+", "!ValueError: Sign not allowed in string format specifier"),
        ("", " ", "!ValueError: Space not allowed in string format specifier"),
        ("", "#", "!ValueError: Alternate form (#) not allowed in string format specifier"),
        ("", "z", "!ValueError: Negative zero coercion (z) not allowed in string format specifier"),
        ("", ",", "!ValueError: Cannot specify ',' with 's'."),
        ("", "_", "!ValueError: Cannot specify '_' with 's'."),
        ("", "d", "!ValueError: Unknown format code 'd' for object of type 'str'"),
        ("", "x5", "!ValueError: Invalid format specifier 'x5' for object of type 'str'"),
        ("", ".", "!ValueError: Format specifier missing precision"),
        ("", "é<4", "éééé"),
        ("ab", "", "ab"),
        ("ab", "s", "ab"),
        ("ab", "5", "ab   "),
        ("ab", "<5", "ab   "),
        ("ab", ">5", "   ab"),
        ("ab", "^5", " ab  "),
        ("ab", "^6", "  ab  "),
        ("ab", "*^7", "**ab***"),
        ("ab", "😀>4", "😀😀ab"),
        ("ab", "05", "ab000"),
        ("ab", ".1", "a"),
        ("ab", ".0", ""),
        ("ab", "3.2", "ab "),
        ("ab", ">10.3s", "        ab"),
        ("ab", "=5", "!ValueError: '=' alignment not allowed in string format specifier"),
        ("ab", "+", "!ValueError: Sign not allowed in string format specifier"),
        ("ab", " ", "!ValueError: Space not allowed in string format specifier"),
        ("ab", "#", "!ValueError: Alternate form (#) not allowed in string format specifier"),
        ("ab", "z", "!ValueError: Negative zero coercion (z) not allowed in string format specifier"),
        ("ab", ",", "!ValueError: Cannot specify ',' with 's'."),
        ("ab", "_", "!ValueError: Cannot specify '_' with 's'."),
        ("ab", "d", "!ValueError: Unknown format code 'd' for object of type 'str'"),
        ("ab", "x5", "!ValueError: Invalid format specifier 'x5' for object of type 'str'"),
        ("ab", ".", "!ValueError: Format specifier missing precision"),
        ("ab", "é<4", "abéé"),
        ("héllo", "", "héllo"),
        ("héllo", "s", "héllo"),
        ("héllo", "5", "héllo"),
        ("héllo", "<5", "héllo"),
        ("héllo", ">5", "héllo"),
        ("héllo", "^5", "héllo"),
        ("héllo", "^6", "héllo "),
        ("héllo", "*^7", "*héllo*"),
        ("héllo", "😀>4", "héllo"),
        ("héllo", "05", "héllo"),
        ("héllo", ".1", "h"),
        ("héllo", ".0", ""),
        ("héllo", "3.2", "hé "),
        ("héllo", ">10.3s", "       hél"),
        ("héllo", "=5", "!ValueError: '=' alignment not allowed in string format specifier"),
        ("héllo", "+", "!ValueError: Sign not allowed in string format specifier"),
        ("héllo", " ", "!ValueError: Space not allowed in string format specifier"),
        ("héllo", "#", "!ValueError: Alternate form (#) not allowed in string format specifier"),
        ("héllo", "z", "!ValueError: Negative zero coercion (z) not allowed in string format specifier"),
        ("héllo", ",", "!ValueError: Cannot specify ',' with 's'."),
        ("héllo", "_", "!ValueError: Cannot specify '_' with 's'."),
        ("héllo", "d", "!ValueError: Unknown format code 'd' for object of type 'str'"),
        ("héllo", "x5", "!ValueError: Invalid format specifier 'x5' for object of type 'str'"),
        ("héllo", ".", "!ValueError: Format specifier missing precision"),
        ("héllo", "é<4", "héllo"),
        ("日本語", "", "日本語"),
        ("日本語", "s", "日本語"),
        ("日本語", "5", "日本語  "),
        ("日本語", "<5", "日本語  "),
        ("日本語", ">5", "  日本語"),
        ("日本語", "^5", " 日本語 "),
        ("日本語", "^6", " 日本語  "),
        ("日本語", "*^7", "**日本語**"),
        ("日本語", "😀>4", "😀日本語"),
        ("日本語", "05", "日本語00"),
        ("日本語", ".1", "日"),
        ("日本語", ".0", ""),
        ("日本語", "3.2", "日本 "),
        ("日本語", ">10.3s", "       日本語"),
        ("日本語", "=5", "!ValueError: '=' alignment not allowed in string format specifier"),
        ("日本語", "+", "!ValueError: Sign not allowed in string format specifier"),
        ("日本語", " ", "!ValueError: Space not allowed in string format specifier"),
        ("日本語", "#", "!ValueError: Alternate form (#) not allowed in string format specifier"),
        ("日本語", "z", "!ValueError: Negative zero coercion (z) not allowed in string format specifier"),
        ("日本語", ",", "!ValueError: Cannot specify ',' with 's'."),
        ("日本語", "_", "!ValueError: Cannot specify '_' with 's'."),
        ("日本語", "d", "!ValueError: Unknown format code 'd' for object of type 'str'"),
        ("日本語", "x5", "!ValueError: Invalid format specifier 'x5' for object of type 'str'"),
        ("日本語", ".", "!ValueError: Format specifier missing precision"),
        ("日本語", "é<4", "日本語é"),
        ("a😀b", "", "a😀b"),
        ("a😀b", "s", "a😀b"),
        ("a😀b", "5", "a😀b  "),
        ("a😀b", "<5", "a😀b  "),
        ("a😀b", ">5", "  a😀b"),
        ("a😀b", "^5", " a😀b "),
        ("a😀b", "^6", " a😀b  "),
        ("a😀b", "*^7", "**a😀b**"),
        ("a😀b", "😀>4", "😀a😀b"),
        ("a😀b", "05", "a😀b00"),
        ("a😀b", ".1", "a"),
        ("a😀b", ".0", ""),
        ("a😀b", "3.2", "a😀 "),
        ("a😀b", ">10.3s", "       a😀b"),
        ("a😀b", "=5", "!ValueError: '=' alignment not allowed in string format specifier"),
        ("a😀b", "+", "!ValueError: Sign not allowed in string format specifier"),
        ("a😀b", " ", "!ValueError: Space not allowed in string format specifier"),
        ("a😀b", "#", "!ValueError: Alternate form (#) not allowed in string format specifier"),
        ("a😀b", "z", "!ValueError: Negative zero coercion (z) not allowed in string format specifier"),
        ("a😀b", ",", "!ValueError: Cannot specify ',' with 's'."),
        ("a😀b", "_", "!ValueError: Cannot specify '_' with 's'."),
        ("a😀b", "d", "!ValueError: Unknown format code 'd' for object of type 'str'"),
        ("a😀b", "x5", "!ValueError: Invalid format specifier 'x5' for object of type 'str'"),
        ("a😀b", ".", "!ValueError: Format specifier missing precision"),
        ("a😀b", "é<4", "a😀bé"),
    ];

    /// (value, expected) from `repr(value)`.
    #[rustfmt::skip]
    const FLOAT_REPR: &[(&str, &str)] = &[
        ("0.0", "0.0"),
        ("-0.0", "-0.0"),
        ("1.0", "1.0"),
        ("0.1", "0.1"),
        ("0.30000000000000004", "0.30000000000000004"),
        ("0.3333333333333333", "0.3333333333333333"),
        ("0.6666666666666666", "0.6666666666666666"),
        ("1e+16", "1e+16"),
        ("1000000000000000.0", "1000000000000000.0"),
        ("9999999999999998.0", "9999999999999998.0"),
        ("1.2345678901234568e+17", "1.2345678901234568e+17"),
        ("1e+22", "1e+22"),
        ("1e+23", "1e+23"),
        ("5e-324", "5e-324"),
        ("2.2250738585072014e-308", "2.2250738585072014e-308"),
        ("1.7976931348623157e+308", "1.7976931348623157e+308"),
        ("1e-05", "1e-05"),
        ("0.0001", "0.0001"),
        ("0.001", "0.001"),
        ("1.5e-07", "1.5e-07"),
        ("0.00030000000000000003", "0.00030000000000000003"),
        ("1.2345678901234567e+19", "1.2345678901234567e+19"),
        ("100.0", "100.0"),
        ("1e+100", "1e+100"),
        ("-1.5", "-1.5"),
        ("966663726993674.2", "966663726993674.2"),
        ("1407509855469111.2", "1407509855469111.2"),
        ("72484901748788.12", "72484901748788.12"),
        ("9007199254740992.0", "9007199254740992.0"),
        ("1.152921504606847e+18", "1.152921504606847e+18"),
        ("inf", "inf"),
        ("-inf", "-inf"),
        ("nan", "nan"),
        ("10928588.983213553", "10928588.983213553"),
        ("1.4186613525849614e+134", "1.4186613525849614e+134"),
        ("-7.571968556055867e-74", "-7.571968556055867e-74"),
        ("-1.4074705188261364e+113", "-1.4074705188261364e+113"),
        ("-3.3339745473042614e-121", "-3.3339745473042614e-121"),
        ("-1.2342180766211395e-271", "-1.2342180766211395e-271"),
        ("-5.126864004244935e+111", "-5.126864004244935e+111"),
        ("-2.1520217579844227e+32", "-2.1520217579844227e+32"),
        ("0.1399601630397701", "0.1399601630397701"),
        ("1.01853664031722e-244", "1.01853664031722e-244"),
        ("2.9704598186234577e-115", "2.9704598186234577e-115"),
        ("3.0534183338726823e+150", "3.0534183338726823e+150"),
        ("-2.3027782228163463e+146", "-2.3027782228163463e+146"),
        ("3.56409621163656e+161", "3.56409621163656e+161"),
        ("6.352929017207453e-183", "6.352929017207453e-183"),
        ("0.3146575865605324", "0.3146575865605324"),
        ("-1.2761724801771812e-23", "-1.2761724801771812e-23"),
        ("2.0868668176225336e+195", "2.0868668176225336e+195"),
        ("3.66898827745704e-84", "3.66898827745704e-84"),
        ("-1.389122273370197e+145", "-1.389122273370197e+145"),
        ("1.7548715433165102e+172", "1.7548715433165102e+172"),
        ("-1039514241563211.8", "-1039514241563211.8"),
        ("5.7804021771411506e-220", "5.7804021771411506e-220"),
        ("-2.8497478716107576e-163", "-2.8497478716107576e-163"),
        ("3.490691392124745e+240", "3.490691392124745e+240"),
        ("1.3282314387596086e-145", "1.3282314387596086e-145"),
        ("-2.9317061175715426e+274", "-2.9317061175715426e+274"),
        ("4.1124768973349897e-302", "4.1124768973349897e-302"),
        ("-2.5983853818656714e+29", "-2.5983853818656714e+29"),
        ("-2.5839922981649337e+259", "-2.5839922981649337e+259"),
        ("3.7615508677292285e-104", "3.7615508677292285e-104"),
        ("2.1435728770450893e-103", "2.1435728770450893e-103"),
        ("6.3583676891104784e+78", "6.3583676891104784e+78"),
        ("2.0062829023357212e-63", "2.0062829023357212e-63"),
        ("-6.792475937705741e+155", "-6.792475937705741e+155"),
        ("-1.1878910286585398e-153", "-1.1878910286585398e-153"),
        ("1.1477511623364303e-84", "1.1477511623364303e-84"),
        ("-6.384685499984821e+269", "-6.384685499984821e+269"),
        ("6.725524671613862e-66", "6.725524671613862e-66"),
        ("-3.3367034274052276e+265", "-3.3367034274052276e+265"),
    ];

    /// (value, ndigits, expected repr or error) from `round(value, ndigits)`.
    #[rustfmt::skip]
    const ROUND: &[(&str, i64, &str)] = &[
        ("2.675", 2, "2.67"),
        ("0.5", 0, "0.0"),
        ("1.5", 0, "2.0"),
        ("2.5", 0, "2.0"),
        ("-2.5", 0, "-2.0"),
        ("-0.5", 0, "-0.0"),
        ("1234.5678", -2, "1200.0"),
        ("1234.5678", 2, "1234.57"),
        ("0.125", 2, "0.12"),
        ("0.375", 2, "0.38"),
        ("1.005", 2, "1.0"),
        ("0.285", 2, "0.28"),
        ("5e-324", 323, "0.0"),
        ("5e-324", 324, "5e-324"),
        ("5e-324", 400, "5e-324"),
        ("1.7976931348623157e+308", -308, "!OverflowError: rounded value too large to represent"),
        ("1.7976931348623157e+308", -307, "!OverflowError: rounded value too large to represent"),
        ("1.5", -309, "0.0"),
        ("-1.5", -309, "-0.0"),
        ("123.456", -1, "120.0"),
        ("123.456", -3, "0.0"),
        ("-123.456", -3, "-0.0"),
        ("550.0", -2, "600.0"),
        ("650.0", -2, "600.0"),
        ("5000000000000000.0", 0, "5000000000000000.0"),
        ("0.1", 20, "0.1"),
        ("1e+300", -300, "1e+300"),
        ("inf", 2, "inf"),
        ("nan", 2, "nan"),
        ("-0.0", 1, "-0.0"),
        ("0.0", -5, "0.0"),
        ("2.5e-05", 5, "3e-05"),
        ("3.5e-05", 5, "3e-05"),
        ("1e+22", -22, "1e+22"),
        ("5e+22", -23, "0.0"),
        ("15.0", -1, "20.0"),
        ("25.0", -1, "20.0"),
        ("0.45", 1, "0.5"),
        ("4.35", 1, "4.3"),
        ("1e-320", 321, "1e-320"),
        ("-1e-320", 320, "-1e-320"),
        ("99999.5", 0, "100000.0"),
        ("12345678900.0", -5, "12345700000.0"),
        ("0.30000000000000004", 16, "0.3"),
        ("0.30000000000000004", 17, "0.30000000000000004"),
    ];

    /// (format, args, expected) from `format % tuple(args)`; args are
    /// `;`-separated, each `i<int>`, `f<float repr>` or `s<text>`.
    #[rustfmt::skip]
    const PERCENT: &[(&str, &str, &str)] = &[
        ("%5.2f|%-4d|%s", "f3.14159;i7;sx", " 3.14|7   |x"),
        ("%d", "i1180591620717411303424", "1180591620717411303424"),
        ("%i %u", "i-3;i4", "-3 4"),
        ("%x %X %o", "i255;i255;i8", "ff FF 10"),
        ("%#x %#X %#o", "i255;i255;i8", "0xff 0XFF 0o10"),
        ("%#x", "i-255", "-0xff"),
        ("%08.3f", "f-3.14159", "-003.142"),
        ("%-8.3f|", "f3.14159", "3.142   |"),
        ("%+d % d %+d", "i5;i5;i-5", "+5  5 -5"),
        ("%05d", "i-42", "-0042"),
        ("%-05d|", "i-42", "-42  |"),
        ("%+05d", "i42", "+0042"),
        ("%#010x", "i255", "0x000000ff"),
        ("%#-10x|", "i255", "0xff      |"),
        ("%#10x", "i-255", "     -0xff"),
        ("%.5d", "i42", "00042"),
        ("%#.5x", "i42", "0x0002a"),
        ("%8.5d", "i-42", "  -00042"),
        ("%e", "f12345.678", "1.234568e+04"),
        ("%.2E", "f0.000123", "1.23E-04"),
        ("%g %G", "f1e-05;f1e+20", "1e-05 1E+20"),
        ("%#g", "f1.0", "1.00000"),
        ("%#.0f", "f2.0", "2."),
        ("%.0f %.0f", "f0.5;f1.5", "0 2"),
        ("%f", "f1e+300", "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000"),
        ("%.3g", "f1234567.0", "1.23e+06"),
        ("%10.4s|", "sabcdefg", "      abcd|"),
        ("%-10s|", "shéllo", "héllo     |"),
        ("%.1s", "s日本", "日"),
        ("%5s", "s😀", "    😀"),
        ("%c%c", "i65;i128512", "A😀"),
        ("%5c|%-3c|", "i66;sé", "    B|é  |"),
        ("%r", "sa\nb", "'a\\nb'"),
        ("%a", "sé", "'\\xe9'"),
        ("%*d|%-*d", "i5;i1;i5;i2", "    1|2    "),
        ("%*d", "i-5;i1", "1    "),
        ("%.*f", "i2;f3.14159", "3.14"),
        ("%.*f", "i-2;f3.14159", "3"),
        ("%*.*f", "i9;i3;f2.5", "    2.500"),
        ("%%|%s%%", "sx", "%|x%"),
        ("%ld %hd %Lf", "i1;i2;f3.5", "1 2 3.500000"),
        ("%05s|%+s", "sab;scd", "   ab|cd"),
        ("%f %F", "finf;fnan", "inf NAN"),
        ("%+f %05f", "finf;f-inf", "+inf -0inf"),
        ("%.3e", "f0.0", "0.000e+00"),
        ("%e", "f-0.0", "-0.000000e+00"),
        ("%g", "f100000.0", "100000"),
        ("%g", "f1000000.0", "1e+06"),
        ("%x", "i1267650600228229401496703205376", "10000000000000000000000000"),
        ("%o", "i-1180591620717411303424", "-200000000000000000000000"),
        ("% 05.1f", "f2.25", " 02.2"),
        ("% -7.1f|", "f2.25", " 2.2   |"),
        ("%c", "i1114112", "!OverflowError: %c arg not in range(0x110000)"),
        ("%c", "i-1", "!OverflowError: %c arg not in range(0x110000)"),
        ("%c", "i1180591620717411303424", "!OverflowError: %c arg not in range(0x110000)"),
        ("%y", "i1", "!ValueError: unsupported format character 'y' (0x79) at index 1"),
        ("%é", "i1", "!ValueError: unsupported format character '?' (0xe9) at index 1"),
        ("%\u{1}", "i1", "!ValueError: unsupported format character '?' (0x1) at index 1"),
        ("abc%", "", "!ValueError: incomplete format"),
        ("%5", "i1", "!ValueError: incomplete format"),
        ("%.", "i1", "!ValueError: incomplete format"),
        ("%-", "i1", "!ValueError: incomplete format"),
        ("%5%", "i1", "!ValueError: unsupported format character '%' (0x25) at index 2"),
        ("%99999999999999999999d", "i1", "!ValueError: width too big"),
        ("%.99999999999999999999d", "i1", "!ValueError: precision too big"),
        ("%.2147483648f", "f1.0", "!ValueError: precision too big"),
        ("%s %s", "sa", "!TypeError: not enough arguments for format string"),
        ("%s", "sa;sb", "!TypeError: not all arguments converted during string formatting"),
        ("%d%%%", "i1", "!ValueError: incomplete format"),
    ];

    /// (template, args, expected) from `template.format(*args)`.
    #[rustfmt::skip]
    const STR_DOT_FORMAT: &[(&str, &str, &str)] = &[
        ("{} {}", "i1;sa", "1 a"),
        ("{1}{0}", "sa;sb", "ba"),
        ("{0:>5}|{1:<5}|", "sab;i3", "   ab|3    |"),
        ("{:{}}", "i3;i5", "    3"),
        ("{:{}.{}f}", "f3.14159;i8;i2", "    3.14"),
        ("{0:{1}{2}}", "sx;s*^;i7", "***x***"),
        ("{!r}", "sé\n", "'é\\n'"),
        ("{!a:>8}", "sé", "  '\\xe9'"),
        ("{!s:^5}", "i1", "  1  "),
        ("{{}} {{{}}}", "i1", "{} {1}"),
        ("{:,}", "i1234567", "1,234,567"),
        ("{:_b}", "i255", "1111_1111"),
        ("{٣}", "i0;i1;i2;sthree", "three"),
        ("{} {0}", "i1", "!ValueError: cannot switch from automatic field numbering to manual field specification"),
        ("{0} {}", "i1", "!ValueError: cannot switch from manual field specification to automatic field numbering"),
        ("{", "", "!ValueError: Single '{' encountered in format string"),
        ("}", "", "!ValueError: Single '}' encountered in format string"),
        ("a{0", "i1", "!ValueError: expected '}' before end of string"),
        ("{0!}", "i1", "!ValueError: unmatched '{' in format spec"),
        ("{0!r", "i1", "!ValueError: unmatched '{' in format spec"),
        ("{0!rx}", "i1", "!ValueError: expected ':' after conversion specifier"),
        ("{0!x}", "i1", "!ValueError: Unknown conversion specifier x"),
        ("{0[}", "i1", "!ValueError: expected '}' before end of string"),
        ("{0.}", "i1", "!ValueError: Empty attribute in format string"),
        ("{0[]}", "i1", "!ValueError: Empty attribute in format string"),
        ("{a{}", "", "!ValueError: unexpected '{' in field name"),
        ("{0:{1}", "i1;i2", "!ValueError: unmatched '{' in format spec"),
        ("{:{:{}}}", "i1;i2;i3", "!ValueError: Max string recursion exceeded"),
        ("{5}", "i1", "!IndexError: Replacement index 5 out of range for positional args tuple"),
        ("{:d}", "sa", "!ValueError: Unknown format code 'd' for object of type 'str'"),
        ("{:s}", "i1", "!ValueError: Unknown format code 's' for object of type 'int'"),
        ("{0:{1}}", "i1;s.2", "!ValueError: Precision not allowed in integer format specifier"),
        ("{0:{1}} {2}", "i5;sx;i9", "5 9"),
        ("{:{}} {}", "i5;sx;i9", "5 9"),
        ("{99999999999999999999}", "", "!ValueError: Too many decimal digits in format string"),
        ("}}{{", "", "}{"),
        ("{:%}", "f0.25", "25.000000%"),
        ("{:=^+9.2f}", "f-1.5", "==-1.50=="),
        ("{0!r:}", "sa", "'a'"),
    ];
}
