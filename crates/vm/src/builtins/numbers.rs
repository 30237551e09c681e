//! Methods of `int` and `float`, after `Objects/longobject.c`
//! (`to_bytes`, `from_bytes`, `bit_count`) and `Objects/floatobject.c`
//! (`float.hex`, `float.fromhex`, `as_integer_ratio`). Results whose size
//! the caller chooses (`to_bytes`) are refused above
//! `ftl_algorithms::str_methods::MAX_RESULT_LEN` bytes with `MemoryError`.

use ftl_object::{HeapPolicy, IntValue, Kind, ObjRef};
use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{One, Signed, Zero};

use crate::interpreter::state::{BuiltinFn, Kw, PyResult, Vm};
use crate::objects::*;
use ftl_algorithms::str_methods;

use super::args::*;
use super::bytes::is_byte_space;

/// Installs the methods of `int` and `float`.
pub fn install<P: HeapPolicy>(vm: &Vm<P>) {
    let t = vm.types();
    let int_methods: &[(&'static str, BuiltinFn<P>)] = &[
        ("bit_length", int_bit_length::<P>),
        ("bit_count", int_bit_count::<P>),
        ("to_bytes", int_to_bytes::<P>),
        ("conjugate", int_conjugate::<P>),
        ("as_integer_ratio", int_as_integer_ratio::<P>),
    ];
    for (name, f) in int_methods {
        vm.add_method(&t.int, "int", name, *f);
    }
    let float_methods: &[(&'static str, BuiltinFn<P>)] = &[
        ("is_integer", float_is_integer::<P>),
        ("as_integer_ratio", float_as_integer_ratio::<P>),
        ("hex", float_hex::<P>),
        ("conjugate", float_conjugate::<P>),
    ];
    for (name, f) in float_methods {
        vm.add_method(&t.float, "float", name, *f);
    }
    vm.add_wrapped_method(&t.int, "from_bytes", int_from_bytes::<P>, true);
    vm.add_wrapped_method(&t.float, "fromhex", float_fromhex::<P>, true);
}

// int
// ---------------------------------------------------------------------------

fn int_bit_length<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let v = this_int(vm, args, "bit_length")?;
    noargs(vm, "int.bit_length", args, kw)?;
    Ok(ObjRef::from_i64(
        i64::try_from(v.bit_length()).unwrap_or(i64::MAX),
    ))
}

/// The number of one bits in `abs(v)`.
fn bit_count(v: &IntValue) -> u64 {
    match v {
        IntValue::Small(n) => u64::from(n.unsigned_abs().count_ones()),
        IntValue::Big(b) => b.magnitude().count_ones(),
    }
}

fn int_bit_count<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let v = this_int(vm, args, "bit_count")?;
    noargs(vm, "int.bit_count", args, kw)?;
    Ok(ObjRef::from_i64(
        i64::try_from(bit_count(&v)).unwrap_or(i64::MAX),
    ))
}

fn int_conjugate<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let v = this_int(vm, args, "conjugate")?;
    noargs(vm, "int.conjugate", args, kw)?;
    Ok(ObjRef::from_int(v))
}

fn int_as_integer_ratio<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let v = this_int(vm, args, "as_integer_ratio")?;
    noargs(vm, "int.as_integer_ratio", args, kw)?;
    Ok(ObjRef::new_tuple(vec![
        ObjRef::from_int(v),
        ObjRef::from_i64(1),
    ]))
}

/// The `byteorder` argument: `true` for little-endian.
fn byteorder<P: HeapPolicy>(vm: &Vm<P>, fname: &str, o: Option<&Obj<P>>) -> PyResult<bool, P> {
    let Some(o) = o else { return Ok(false) };
    match str_param(vm, fname, "'byteorder'", o)? {
        "little" => Ok(true),
        "big" => Ok(false),
        _ => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
    }
}

/// Why `to_bytes` failed.
#[derive(Debug, PartialEq, Eq)]
enum ToBytesError {
    /// `OverflowError: can't convert negative int to unsigned`.
    Negative,
    /// `OverflowError: int too big to convert`.
    TooBig,
}

/// `v.to_bytes(length, little ? 'little' : 'big', signed=signed)`.
fn int_to_bytes_impl(
    v: &IntValue,
    length: usize,
    little: bool,
    signed: bool,
) -> Result<Vec<u8>, ToBytesError> {
    if v.is_negative() && !signed {
        return Err(ToBytesError::Negative);
    }
    let big = v.to_bigint();
    // Minimal big-endian two's complement (signed) or magnitude bytes.
    // CPython treats -1 as all sign bits, so it fits in zero bytes too.
    let mut bytes = if big.is_zero() || (signed && *v == IntValue::Small(-1)) {
        Vec::new()
    } else if signed {
        big.to_signed_bytes_be()
    } else {
        big.to_bytes_be().1
    };
    if bytes.len() > length {
        return Err(ToBytesError::TooBig);
    }
    let fill = if big.is_negative() { 0xff } else { 0 };
    let mut out = vec![fill; length - bytes.len()];
    out.append(&mut bytes);
    if little {
        out.reverse();
    }
    Ok(out)
}

fn int_to_bytes<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let v = this_int(vm, args, "to_bytes")?;
    let a = parse_args(
        vm,
        "to_bytes",
        &args[1..],
        kw,
        &["length", "byteorder", "signed"],
        2,
        0,
    )?;
    let length = match &a[0] {
        Some(o) => vm.index_i64(o)?,
        None => 1,
    };
    let little = byteorder(vm, "to_bytes", a[1].as_ref())?;
    let signed = match &a[2] {
        Some(o) => vm.is_true(o)?,
        None => false,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let length = usize::try_from(length).unwrap_or(usize::MAX);
    if length > str_methods::MAX_RESULT_LEN {
        return Err(memory_error(vm));
    }
    match int_to_bytes_impl(&v, length, little, signed) {
        Ok(b) => Ok(ObjRef::new_bytes(&b)),
        Err(ToBytesError::Negative) => {
            Err(vm.overflow_error("can't convert negative int to unsigned"))
        }
        Err(ToBytesError::TooBig) => Err(vm.overflow_error("int too big to convert")),
    }
}

/// `int.from_bytes(b, byteorder, signed=...)` as a value.
fn int_from_bytes_impl(b: &[u8], little: bool, signed: bool) -> IntValue {
    let big = match (little, signed) {
        (false, false) => BigInt::from_bytes_be(Sign::Plus, b),
        (true, false) => BigInt::from_bytes_le(Sign::Plus, b),
        (false, true) => BigInt::from_signed_bytes_be(b),
        (true, true) => BigInt::from_signed_bytes_le(b),
    };
    IntValue::from_bigint(big)
}

/// The bytes of `from_bytes`'s argument (CPython's `PyObject_Bytes`).
fn to_byte_vec<P: HeapPolicy>(vm: &Vm<P>, o: &Obj<P>) -> PyResult<Vec<u8>, P> {
    if let Some(b) = o.as_bytes() {
        return Ok(b.to_vec());
    }
    if matches!(
        o.kind(),
        Kind::Str | Kind::Int | Kind::Bool | Kind::Float | Kind::None
    ) {
        return Err(vm.type_error(format!(
            "cannot convert '{}' object to bytes",
            vm.type_name(o)
        )));
    }
    let mut out = Vec::new();
    for item in vm.collect(o)? {
        let v = vm.index_i64(&item)?;
        let byte = u8::try_from(v).map_err(|_| vm.value_error("bytes must be in range(0, 256)"))?;
        out.push(byte);
    }
    Ok(out)
}

fn int_from_bytes<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let cls = args
        .first()
        .ok_or_else(|| unbound(vm, "int", "from_bytes"))?;
    let a = parse_args(
        vm,
        "from_bytes",
        &args[1..],
        kw,
        &["bytes", "byteorder", "signed"],
        2,
        1,
    )?;
    let little = byteorder(vm, "from_bytes", a[1].as_ref())?;
    let signed = match &a[2] {
        Some(o) => vm.is_true(o)?,
        None => false,
    };
    let src = a[0]
        .as_ref()
        .ok_or_else(|| unbound(vm, "int", "from_bytes"))?;
    let b = to_byte_vec(vm, src)?;
    let v = int_from_bytes_impl(&b, little, signed);
    if cls.is_same(&vm.types().int) {
        return Ok(ObjRef::from_int(v));
    }
    if cls.is_same(&vm.types().bool_) {
        return Ok(ObjRef::from_bool(!v.is_zero()));
    }
    vm.call(cls, &[ObjRef::from_int(v)], Kw::EMPTY)
}

// ---------------------------------------------------------------------------
// float
// ---------------------------------------------------------------------------

fn float_is_integer<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let x = this_float(vm, args, "is_integer")?;
    noargs(vm, "float.is_integer", args, kw)?;
    Ok(ObjRef::from_bool(x.is_finite() && x == x.trunc()))
}

fn float_conjugate<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let x = this_float(vm, args, "conjugate")?;
    noargs(vm, "float.conjugate", args, kw)?;
    Ok(ObjRef::from_f64(x))
}

/// The exact ratio `(numerator, denominator)` of a finite float, in
/// lowest terms with a positive denominator.
fn float_ratio(x: f64) -> (BigInt, BigInt) {
    if x == 0.0 {
        return (BigInt::zero(), BigInt::one());
    }
    let bits = x.to_bits();
    let biased = i64::try_from((bits >> 52) & 0x7ff).unwrap_or(0);
    let frac = bits & ((1u64 << 52) - 1);
    let (mut mant, mut exp) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), biased - 1075)
    };
    // Strip factors of two while the denominator has some.
    if exp < 0 {
        let tz = i64::from(mant.trailing_zeros()).min(-exp);
        mant >>= tz;
        exp += tz;
    }
    let mut num = BigInt::from(mant);
    let mut den = BigInt::one();
    let shift = usize::try_from(exp.unsigned_abs()).unwrap_or(0);
    if exp >= 0 {
        num <<= shift;
    } else {
        den <<= shift;
    }
    if x < 0.0 {
        num = -num;
    }
    (num, den)
}

fn float_as_integer_ratio<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let x = this_float(vm, args, "as_integer_ratio")?;
    noargs(vm, "float.as_integer_ratio", args, kw)?;
    if x.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    let (n, d) = float_ratio(x);
    Ok(ObjRef::new_tuple(vec![
        ObjRef::from_int(IntValue::from_bigint(n)),
        ObjRef::from_int(IntValue::from_bigint(d)),
    ]))
}

/// `float.hex()`: `[-]0x1.<13 hex digits>p<exp>` for normal numbers,
/// `0x0.<13 digits>p-1022` for subnormals.
fn float_to_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let biased = i64::try_from((bits >> 52) & 0x7ff).unwrap_or(0);
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if biased == 0 {
        (0, -1022)
    } else {
        (1, biased - 1023)
    };
    format!("{sign}0x{lead}.{frac:013x}p{exp:+}")
}

fn float_hex<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let x = this_float(vm, args, "hex")?;
    noargs(vm, "float.hex", args, kw)?;
    Ok(ObjRef::from_string(float_to_hex(x)))
}

/// Why `float.fromhex` failed.
#[derive(Debug, PartialEq, Eq)]
enum FromHexError {
    /// `ValueError: invalid hexadecimal floating-point string`.
    Invalid,
    /// `OverflowError: hexadecimal value too large to represent as a float`.
    Overflow,
}

/// `float.fromhex(s)`, rounding half to even like CPython's
/// `float_fromhex`.
fn parse_hex_float(s: &str) -> Result<f64, FromHexError> {
    let t = s.trim_matches(|c: char| c.is_ascii() && is_byte_space(c as u8));
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Ok(if neg {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if lower == "nan" {
        return Ok(if neg { -f64::NAN } else { f64::NAN });
    }
    let b = lower.as_bytes();
    let mut i = 0;
    if b.starts_with(b"0x") {
        i = 2;
    }
    let mut digits: Vec<u8> = Vec::new();
    let mut frac_digits: i64 = 0;
    let mut seen_point = false;
    let mut ndigits = 0usize;
    while i < b.len() {
        let c = b[i];
        if c == b'.' && !seen_point {
            seen_point = true;
        } else if let Some(d) = char::from(c).to_digit(16) {
            ndigits += 1;
            if seen_point {
                frac_digits += 1;
            }
            // Digits are below 16.
            digits.push(d as u8);
        } else {
            break;
        }
        i += 1;
    }
    if ndigits == 0 {
        return Err(FromHexError::Invalid);
    }
    let mut exp: i64 = 0;
    if i < b.len() && b[i] == b'p' {
        i += 1;
        let mut eneg = false;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            eneg = b[i] == b'-';
            i += 1;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            exp = exp
                .saturating_mul(10)
                .saturating_add(i64::from(b[i] - b'0'));
            i += 1;
        }
        if i == start {
            return Err(FromHexError::Invalid);
        }
        if eneg {
            exp = -exp;
        }
    }
    if i != b.len() {
        return Err(FromHexError::Invalid);
    }
    let sign = if neg { -1.0 } else { 1.0 };
    let mut mant = BigUint::zero();
    for d in &digits {
        mant = (mant << 4u32) + BigUint::from(*d);
    }
    if mant.is_zero() {
        return Ok(sign * 0.0);
    }
    // value = mant * 2**e2
    let e2 = i128::from(exp) - 4 * i128::from(frac_digits);
    let nbits = i128::from(mant.bits());
    let top = nbits - 1 + e2; // 2**top <= value < 2**(top+1)
    if top > 1024 {
        return Err(FromHexError::Overflow);
    }
    if top < -1076 {
        return Ok(sign * 0.0);
    }
    // The exponent of the result's least significant bit.
    let q = if top >= -1022 { top - 52 } else { -1074 };
    let shift = q - e2;
    let m: BigUint = if shift <= 0 {
        mant << usize::try_from(-shift).unwrap_or(0)
    } else {
        let sh = usize::try_from(shift).unwrap_or(usize::MAX);
        let kept = &mant >> sh;
        let rem = &mant - (&kept << sh);
        let half = BigUint::one() << (sh - 1);
        if rem > half || (rem == half && kept.bit(0)) {
            kept + BigUint::one()
        } else {
            kept
        }
    };
    // m < 2**54 and -1074 <= q <= 972 here.
    let m = u64::try_from(&m).unwrap_or(u64::MAX) as f64;
    let q = i32::try_from(q).unwrap_or(0);
    let scale = if q >= -1022 {
        f64::from_bits(u64::try_from(q + 1023).unwrap_or(0) << 52)
    } else {
        // 2**q as a subnormal.
        f64::from_bits(1u64 << u32::try_from(q + 1074).unwrap_or(0))
    };
    let r = m * scale;
    if r.is_infinite() {
        return Err(FromHexError::Overflow);
    }
    Ok(sign * r)
}

fn float_fromhex<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("fromhex", kw)?;
    let cls = args
        .first()
        .ok_or_else(|| unbound(vm, "float", "fromhex"))?;
    vm.check_args("float.fromhex", &args[1..], 1, 1)?;
    let s = args[1]
        .as_str()
        .ok_or_else(|| vm.type_error("bad argument type for built-in operation"))?;
    let x = match parse_hex_float(s) {
        Ok(x) => x,
        Err(FromHexError::Invalid) => {
            return Err(vm.value_error("invalid hexadecimal floating-point string"))
        }
        Err(FromHexError::Overflow) => {
            return Err(vm.overflow_error("hexadecimal value too large to represent as a float"))
        }
    };
    let r = ObjRef::from_f64(x);
    if cls.is_same(&vm.types().float) {
        return Ok(r);
    }
    vm.call(cls, &[r], Kw::EMPTY)
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    #[test]
    fn int_bytes_round_trip() {
        // python3: (1000).to_bytes(4, 'little') == b'\xe8\x03\x00\x00'
        assert_eq!(
            int_to_bytes_impl(&IntValue::from(1000), 4, true, false).unwrap(),
            b"\xe8\x03\x00\x00"
        );
        // python3: (-129).to_bytes(2, 'big', signed=True) == b'\xff\x7f'
        assert_eq!(
            int_to_bytes_impl(&IntValue::from(-129), 2, false, true).unwrap(),
            b"\xff\x7f"
        );
        assert_eq!(
            int_to_bytes_impl(&IntValue::from(0), 0, false, false).unwrap(),
            b""
        );
        // python3: (-1).to_bytes(0, 'big', signed=True) == b'' but -2 overflows
        assert_eq!(
            int_to_bytes_impl(&IntValue::from(-1), 0, false, true).unwrap(),
            b""
        );
        assert_eq!(
            int_to_bytes_impl(&IntValue::from(-1), 2, true, true).unwrap(),
            b"\xff\xff"
        );
        assert_eq!(
            int_to_bytes_impl(&IntValue::from(-2), 0, false, true),
            Err(ToBytesError::TooBig)
        );
        assert_eq!(
            int_to_bytes_impl(&IntValue::from(128), 1, false, true),
            Err(ToBytesError::TooBig)
        );
        assert_eq!(
            int_to_bytes_impl(&IntValue::from(-1), 1, false, false),
            Err(ToBytesError::Negative)
        );
        // python3: int.from_bytes(b'\xff\x00', 'little', signed=True) == 255
        assert_eq!(
            int_from_bytes_impl(b"\xff\x00", true, true),
            IntValue::from(255)
        );
        assert_eq!(
            int_from_bytes_impl(b"\xff\xfe", false, true),
            IntValue::from(-2)
        );
        assert_eq!(int_from_bytes_impl(b"", false, true), IntValue::from(0));
        // python3: (2**100 - 1).bit_count() == 100
        let big = IntValue::from_bigint((BigInt::one() << 100usize) - BigInt::one());
        assert_eq!(bit_count(&big), 100);
        assert_eq!(bit_count(&IntValue::from(-7)), 3);
    }

    #[test]
    fn float_hex_and_ratio() {
        // python3: (0.1).hex(), (5e-324).hex(), (-0.0).hex(), (1e308).hex()
        assert_eq!(float_to_hex(0.1), "0x1.999999999999ap-4");
        assert_eq!(float_to_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(float_to_hex(-0.0), "-0x0.0p+0");
        assert_eq!(float_to_hex(1e308), "0x1.1ccf385ebc8a0p+1023");
        assert_eq!(float_to_hex(1.0), "0x1.0000000000000p+0");
        // python3: (0.1).as_integer_ratio()
        assert_eq!(
            float_ratio(0.1),
            (
                BigInt::from(3602879701896397u64),
                BigInt::from(36028797018963968u64)
            )
        );
        assert_eq!(float_ratio(-2.0), (BigInt::from(-2), BigInt::from(1)));
        assert_eq!(float_ratio(1.5), (BigInt::from(3), BigInt::from(2)));
    }

    #[test]
    fn float_fromhex_cases() {
        // Values from python3's float.fromhex.
        assert_eq!(parse_hex_float("0x1.999999999999ap-4"), Ok(0.1));
        assert_eq!(parse_hex_float(" 0x1p-1074 "), Ok(5e-324));
        assert_eq!(parse_hex_float("1.8"), Ok(1.5));
        assert_eq!(parse_hex_float("0X1P+3"), Ok(8.0));
        assert_eq!(parse_hex_float("0x.8"), Ok(0.5));
        assert_eq!(parse_hex_float("0x1p-1075"), Ok(0.0));
        assert_eq!(parse_hex_float("0x1.8p-1074"), Ok(1e-323));
        assert_eq!(parse_hex_float("-Infinity"), Ok(f64::NEG_INFINITY));
        assert!(parse_hex_float("nan").is_ok_and(f64::is_nan));
        assert_eq!(parse_hex_float("0x1.fffffffffffffp1023"), Ok(f64::MAX));
        assert_eq!(
            parse_hex_float("0x1.fffffffffffff8p1023"),
            Err(FromHexError::Overflow)
        );
        assert_eq!(parse_hex_float("0x1p"), Err(FromHexError::Invalid));
        assert_eq!(parse_hex_float(""), Err(FromHexError::Invalid));
        assert_eq!(
            parse_hex_float("0x1p99999999999999999999"),
            Err(FromHexError::Overflow)
        );
        assert_eq!(
            parse_hex_float("-0x1p-99999999999999999999").map(f64::to_bits),
            Ok((-0.0f64).to_bits())
        );
    }
}
