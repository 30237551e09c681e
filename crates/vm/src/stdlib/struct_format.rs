//! The native half of `struct` (`Modules/_struct.c`): packing Python values
//! into C-layout bytes and back, by format strings.
//!
//! `struct` itself is frozen Python (`lib/struct.py`): it defines
//! `struct.error` and the `Struct` class, and calls the three functions
//! here with that error class as their first argument, so that a bad
//! format or value raises `struct.error` with CPython 3.11's message.
//! `pickle` (the processes issue) needs it for its binary opcodes, and
//! `multiprocessing` for its shared `Value`/`Array` layouts.
//!
//! # Formats
//!
//! An optional first character picks the byte order, size and alignment:
//! `@` (default: native order, native sizes, native alignment), `=`
//! (native order, standard sizes, no alignment), `<`, `>` and `!` (little,
//! big and network (big) endian, standard sizes, no alignment). Then codes,
//! each with an optional repeat count; whitespace between them is ignored:
//!
//! | code | C type | standard size | Python |
//! |---|---|---|---|
//! | `x` | pad byte | 1 | no value |
//! | `c` | `char` | 1 | bytes of length 1 |
//! | `b` `B` | `signed`/`unsigned char` | 1 | int |
//! | `?` | `_Bool` | 1 | bool |
//! | `h` `H` | `short` | 2 | int |
//! | `i` `I` | `int` | 4 | int |
//! | `l` `L` | `long` | 4 (8 native on LP64) | int |
//! | `q` `Q` | `long long` | 8 | int |
//! | `n` `N` | `ssize_t`/`size_t` | native only | int |
//! | `e` `f` `d` | half, `float`, `double` | 2, 4, 8 | float |
//! | `s` | `char[]` | count bytes | bytes |
//! | `p` | Pascal string | count bytes | bytes |
//! | `P` | `void *` | native only | int |
//!
//! For `s` and `p` the count is the field's size in bytes, not a repeat.
//! Native alignment aligns each field to its own size, with no padding at
//! the end (as C would for the same members, and as CPython does).
//!
//! # What is left out
//!
//! `pack_into` into a `memoryview` (ftl has none yet; into a `bytearray`
//! it works, in `lib/struct.py`), and integer arguments given by an object's own
//! `__index__` (ints and bools are accepted; anything else is
//! `struct.error: required argument is not an integer`, which is what
//! CPython says for a float).

use ftl_algorithms::int::IntValue;
use ftl_object::{HeapPolicy, Kind, ObjRef};
use num_bigint::BigInt;

use crate::interpreter::state::ObjResult as R;
use crate::interpreter::state::{BuiltinFn, Kw, PyErr, PyResult, Vm};
use crate::objects::Obj;
use crate::stdlib::Namespace;

/// Fills `_struct`.
pub fn init<P: HeapPolicy>(_vm: &Vm<P>, m: &Namespace<'_, P>) -> PyResult<(), P> {
    m.add_functions(functions::<P>());
    Ok(())
}

fn functions<P: HeapPolicy>() -> &'static [(&'static str, BuiltinFn<P>)] {
    &[
        ("calcsize", calcsize::<P>),
        ("pack", pack::<P>),
        ("unpack_from", unpack_from::<P>),
    ]
}

/// Byte order, sizes and alignment of a format (its first character).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// `@`: native order, sizes and alignment.
    Native,
    /// `=`, `<`, `>`, `!`: standard sizes, no alignment, this order.
    Standard { little: bool },
}

/// One field of a format: `count` items of `code` (for `s`/`p`, one item
/// of `count` bytes), starting at `offset`.
struct Field {
    code: u8,
    count: usize,
    offset: usize,
}

/// A parsed format.
struct Layout {
    mode: Mode,
    fields: Vec<Field>,
    /// Total size in bytes.
    size: usize,
    /// How many Python values it packs.
    items: usize,
}

/// The size of one item of `code` (`None` for a code the mode lacks).
fn item_size(mode: Mode, code: u8) -> Option<usize> {
    let native = mode == Mode::Native;
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                core::mem::size_of::<core::ffi::c_long>()
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => core::mem::size_of::<usize>(),
        _ => return None,
    })
}

/// Parses `fmt`; the message of `struct.error` when it is bad.
fn parse(fmt: &str) -> Result<Layout, &'static str> {
    let bytes = fmt.as_bytes();
    let (mode, rest) = match bytes.first() {
        Some(b'@') => (Mode::Native, &bytes[1..]),
        Some(b'=') => (
            Mode::Standard {
                little: cfg!(target_endian = "little"),
            },
            &bytes[1..],
        ),
        Some(b'<') => (Mode::Standard { little: true }, &bytes[1..]),
        Some(b'>') | Some(b'!') => (Mode::Standard { little: false }, &bytes[1..]),
        _ => (Mode::Native, bytes),
    };
    let mut fields = Vec::new();
    let mut size = 0usize;
    let mut items = 0usize;
    let mut i = 0;
    while i < rest.len() {
        let c = rest[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count = 1usize;
        if c.is_ascii_digit() {
            let mut n = 0usize;
            while i < rest.len() && rest[i].is_ascii_digit() {
                n = n
                    .checked_mul(10)
                    .and_then(|n| n.checked_add(usize::from(rest[i] - b'0')))
                    .ok_or("total struct size too long")?;
                i += 1;
            }
            if i == rest.len() {
                return Err("repeat count given without format specifier");
            }
            count = n;
        }
        let code = rest[i];
        i += 1;
        let one = item_size(mode, code).ok_or("bad char in struct format")?;
        if mode == Mode::Native {
            // Native alignment: each field starts at a multiple of its size.
            size = size.next_multiple_of(one);
        }
        fields.push(Field {
            code,
            count,
            offset: size,
        });
        let bytes = one.checked_mul(count).ok_or("total struct size too long")?;
        size = size
            .checked_add(bytes)
            .ok_or("total struct size too long")?;
        items += match code {
            b'x' => 0,
            b's' | b'p' => 1,
            _ => count,
        };
    }
    Ok(Layout {
        mode,
        fields,
        size,
        items,
    })
}

/// `struct.error(msg)`, with the class the frozen module passed in.
fn struct_error<P: HeapPolicy>(vm: &Vm<P>, class: &Obj<P>, msg: impl Into<String>) -> PyErr<P> {
    let msg: String = msg.into();
    PyErr(vm.make_exception(class.clone(), vec![ObjRef::from_string(msg)]))
}

/// The format argument: a str, or bytes (CPython accepts both).
fn format_arg<P: HeapPolicy>(vm: &Vm<P>, o: &Obj<P>) -> PyResult<String, P> {
    if let Some(s) = o.as_str() {
        return Ok(s.to_string());
    }
    if let Some(b) = o.as_bytes() {
        return Ok(String::from_utf8_lossy(b).into_owned());
    }
    Err(vm.type_error(format!(
        "Struct() argument 1 must be a str or bytes object, not {}",
        vm.type_name(o)
    )))
}

fn layout_arg<P: HeapPolicy>(vm: &Vm<P>, error: &Obj<P>, fmt: &Obj<P>) -> PyResult<Layout, P> {
    let fmt = format_arg(vm, fmt)?;
    parse(&fmt).map_err(|msg| struct_error(vm, error, msg))
}

/// `_struct.calcsize(error, fmt)`.
fn calcsize<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("calcsize", args, 2, 2)?;
    let layout = layout_arg(vm, &args[0], &args[1])?;
    Ok(ObjRef::from_i64(layout.size as i64))
}

/// Writes `v` as `n` bytes in the layout's order.
fn put_uint(out: &mut [u8], v: u64, little: bool) {
    let n = out.len();
    for (k, b) in out.iter_mut().enumerate() {
        let shift = if little { k } else { n - 1 - k };
        *b = (v >> (8 * shift)) as u8;
    }
}

fn get_uint(data: &[u8], little: bool) -> u64 {
    let n = data.len();
    let mut v = 0u64;
    for (k, b) in data.iter().enumerate() {
        let shift = if little { k } else { n - 1 - k };
        v |= u64::from(*b) << (8 * shift);
    }
    v
}

fn little(mode: Mode) -> bool {
    match mode {
        Mode::Native => cfg!(target_endian = "little"),
        Mode::Standard { little } => little,
    }
}

/// The integer a value packs as, within `lo..=hi` (CPython's messages:
/// `_struct.c`'s `np_byte`, `np_short`, `_range_error`, `get_long`).
fn int_in_range<P: HeapPolicy>(
    vm: &Vm<P>,
    error: &Obj<P>,
    v: &Obj<P>,
    code: u8,
    lo: i128,
    hi: i128,
) -> PyResult<i128, P> {
    let Some(n) = vm.int_value(v) else {
        return Err(struct_error(
            vm,
            error,
            "required argument is not an integer",
        ));
    };
    let (n, negative): (Option<i128>, bool) = match &n {
        IntValue::Small(s) => (Some(i128::from(*s)), *s < 0),
        IntValue::Big(b) => (i128::try_from(b).ok(), b.sign() == num_bigint::Sign::Minus),
    };
    match n {
        Some(n) if (lo..=hi).contains(&n) => Ok(n),
        _ => Err(struct_error(
            vm,
            error,
            range_message(code, negative, lo, hi),
        )),
    }
}

/// What CPython 3.11 says when an integer does not fit (`_struct.c`'s
/// `np_byte`, `np_short`, `get_long`/`get_ulong` and `_range_error`).
fn range_message(code: u8, negative: bool, lo: i128, hi: i128) -> String {
    match code {
        b'b' => "byte format requires -128 <= number <= 127".into(),
        b'B' => "ubyte format requires 0 <= number <= 255".into(),
        b'h' => "short format requires -32768 <= number <= 32767".into(),
        b'H' => "ushort format requires 0 <= number <= 65535".into(),
        b'P' => "int too large to convert".into(),
        // Eight-byte fields, and a negative value for an unsigned field,
        // fail in the C conversion itself, which reports no bounds.
        _ if hi > i128::from(u32::MAX) || (lo == 0 && negative) => "argument out of range".into(),
        _ => format!("'{}' format requires {lo} <= number <= {hi}", code as char),
    }
}

/// `_struct.pack(error, fmt, values)`.
fn pack<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("pack", args, 3, 3)?;
    let error = &args[0];
    let layout = layout_arg(vm, error, &args[1])?;
    let values = args[2].as_tuple().expect("struct.py passes a tuple");
    if values.len() != layout.items {
        return Err(struct_error(
            vm,
            error,
            format!(
                "pack expected {} items for packing (got {})",
                layout.items,
                values.len()
            ),
        ));
    }
    let little = little(layout.mode);
    let mut out = vec![0u8; layout.size];
    let mut next = values.iter();
    for f in &layout.fields {
        let one = item_size(layout.mode, f.code).expect("parsed");
        match f.code {
            b'x' => {}
            b's' | b'p' => {
                let v = next.next().expect("counted");
                let Some(data) = v.as_bytes() else {
                    return Err(struct_error(
                        vm,
                        error,
                        format!("argument for '{}' must be a bytes object", f.code as char),
                    ));
                };
                let field = &mut out[f.offset..f.offset + f.count];
                if f.code == b's' {
                    let n = data.len().min(f.count);
                    field[..n].copy_from_slice(&data[..n]);
                } else if f.count > 0 {
                    // Pascal: a length byte (at most 255), then the data.
                    let n = data.len().min(f.count - 1).min(255);
                    field[0] = n as u8;
                    field[1..1 + n].copy_from_slice(&data[..n]);
                }
            }
            _ => {
                for k in 0..f.count {
                    let v = next.next().expect("counted");
                    let at = f.offset + k * one;
                    pack_one(
                        vm,
                        error,
                        layout.mode,
                        f.code,
                        v,
                        &mut out[at..at + one],
                        little,
                    )?;
                }
            }
        }
    }
    Ok(ObjRef::new_bytes(&out))
}

/// Packs one item of a numeric, `c` or `?` code into `out`.
fn pack_one<P: HeapPolicy>(
    vm: &Vm<P>,
    error: &Obj<P>,
    mode: Mode,
    code: u8,
    v: &Obj<P>,
    out: &mut [u8],
    little: bool,
) -> PyResult<(), P> {
    let bits = 8 * out.len() as u32;
    match code {
        b'c' => match v.as_bytes() {
            Some([b]) => out[0] = *b,
            _ => {
                return Err(struct_error(
                    vm,
                    error,
                    "char format requires a bytes object of length 1",
                ))
            }
        },
        b'?' => out[0] = u8::from(vm.is_true(v)?),
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
            let hi = (1i128 << (bits - 1)) - 1;
            let n = int_in_range(vm, error, v, code, -hi - 1, hi)?;
            put_uint(out, n as u64, little);
        }
        b'B' | b'H' | b'I' | b'L' | b'Q' | b'N' | b'P' => {
            let hi = (1i128 << bits) - 1;
            let n = if code == b'P' {
                // A pointer takes any int that fits a native word, signed
                // or not (CPython's `np_void_p`).
                int_in_range(vm, error, v, code, -(hi >> 1) - 1, hi)?
            } else {
                int_in_range(vm, error, v, code, 0, hi)?
            };
            put_uint(out, n as u64, little);
        }
        b'e' | b'f' | b'd' => {
            let x = float_arg(vm, error, v)?;
            let raw =
                match code {
                    b'd' => x.to_bits(),
                    b'f' => {
                        let y = x as f32;
                        // Native `f` is a plain C cast (`np_float`); the
                        // standard sizes check (`PyFloat_Pack4`).
                        if y.is_infinite() && x.is_finite() && mode != Mode::Native {
                            return Err(vm.overflow_error("float too large to pack with f format"));
                        }
                        u64::from(y.to_bits())
                    }
                    _ => u64::from(f64_to_f16(x).ok_or_else(|| {
                        vm.overflow_error("float too large to pack with e format")
                    })?),
                };
            put_uint(out, raw, little);
        }
        _ => unreachable!("parsed code {code}"),
    }
    Ok(())
}

fn float_arg<P: HeapPolicy>(vm: &Vm<P>, error: &Obj<P>, v: &Obj<P>) -> PyResult<f64, P> {
    match v.kind() {
        Kind::Float | Kind::Int | Kind::Bool => vm.to_f64(v),
        _ => Err(struct_error(vm, error, "required argument is not a float")),
    }
}

/// IEEE 754 binary16 bits of `x`, rounded to nearest even (CPython's
/// `PyFloat_Pack2`); `None` when a finite `x` is too large.
fn f64_to_f16(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Some(sign | 0x7c00);
    }
    let a = x.abs();
    if a == 0.0 {
        return Some(sign);
    }
    // The value in units of the smallest subnormal (2^-24), or of the
    // last place for normal numbers: round that to an integer, even on
    // ties, then assemble.
    let (mantissa, exponent) = if a < 2f64.powi(-14) {
        // Subnormal: a = m * 2^-24 with m < 1024.
        (round_half_even(a * 2f64.powi(24)), 0u32)
    } else {
        let e = a.log2().floor() as i32;
        // Guard against log2's rounding at exact powers of two.
        let e = if a < 2f64.powi(e) {
            e - 1
        } else if a >= 2f64.powi(e + 1) {
            e + 1
        } else {
            e
        };
        let m = round_half_even(a / 2f64.powi(e) * 1024.0); // 1024..=2048
        let (m, e) = if m >= 2048 { (m / 2, e + 1) } else { (m, e) };
        if e > 15 {
            return None;
        }
        (m - 1024, (e + 15) as u32)
    };
    // A subnormal that rounded up to 1024 becomes the smallest normal,
    // which the same bits express (mantissa overflow into the exponent).
    let bits = (exponent << 10) + mantissa as u32;
    if bits >= 0x7c00 {
        return None;
    }
    Some(sign | bits as u16)
}

fn round_half_even(v: f64) -> u64 {
    let f = v.floor();
    let diff = v - f;
    let f = f as u64;
    if diff > 0.5 || (diff == 0.5 && f % 2 == 1) {
        f + 1
    } else {
        f
    }
}

fn f16_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = (h >> 10) & 0x1f;
    let m = f64::from(h & 0x3ff);
    match e {
        0 => sign * m * 2f64.powi(-24),
        31 if m == 0.0 => sign * f64::INFINITY,
        31 => f64::NAN,
        _ => sign * (1.0 + m / 1024.0) * 2f64.powi(i32::from(e) - 15),
    }
}

/// `_struct.unpack_from(error, fmt, buffer, offset, exact)`: `exact` is
/// `unpack` (the buffer must be exactly the format's size), else
/// `unpack_from` (at least that much from `offset` on).
fn unpack_from<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("unpack_from", args, 5, 5)?;
    let error = &args[0];
    let layout = layout_arg(vm, error, &args[1])?;
    let Some(data) = vm.bytes_like(&args[2]) else {
        return Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(&args[2])
        )));
    };
    let data: &[u8] = &data;
    let offset = vm.index_i64(&args[3])?;
    let exact = vm.is_true(&args[4])?;
    let data = if exact {
        if data.len() != layout.size {
            return Err(struct_error(
                vm,
                error,
                format!("unpack requires a buffer of {} bytes", layout.size),
            ));
        }
        data
    } else {
        let len = data.len() as i64;
        let start = if offset < 0 {
            if offset + len < 0 {
                return Err(struct_error(
                    vm,
                    error,
                    format!("offset {offset} out of range for {len}-byte buffer"),
                ));
            }
            offset + len
        } else {
            offset
        };
        if len - start < layout.size as i64 {
            let msg = format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {} (actual buffer size is {})",
                layout.size as i64 + start,
                layout.size,
                start,
                len
            );
            return Err(struct_error(vm, error, msg));
        }
        &data[start as usize..start as usize + layout.size]
    };
    let little = little(layout.mode);
    let mut items = Vec::with_capacity(layout.items);
    for f in &layout.fields {
        let one = item_size(layout.mode, f.code).expect("parsed");
        match f.code {
            b'x' => {}
            b's' => items.push(ObjRef::new_bytes(&data[f.offset..f.offset + f.count])),
            b'p' => {
                let field = &data[f.offset..f.offset + f.count];
                let n = field
                    .first()
                    .map_or(0, |&n| usize::from(n).min(f.count.saturating_sub(1)));
                items.push(ObjRef::new_bytes(field.get(1..1 + n).unwrap_or(&[])));
            }
            _ => {
                for k in 0..f.count {
                    let at = f.offset + k * one;
                    items.push(unpack_one(f.code, &data[at..at + one], little));
                }
            }
        }
    }
    Ok(ObjRef::new_tuple(items))
}

fn unpack_one<P: HeapPolicy>(code: u8, data: &[u8], little: bool) -> Obj<P> {
    let raw = get_uint(data, little);
    let bits = 8 * data.len() as u32;
    match code {
        b'c' => ObjRef::new_bytes(data),
        b'?' => ObjRef::from_bool(raw != 0),
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
            // Sign-extend from `bits`.
            let shift = 64 - bits;
            ObjRef::from_i64(((raw << shift) as i64) >> shift)
        }
        b'B' | b'H' | b'I' | b'L' | b'Q' | b'N' | b'P' => match i64::try_from(raw) {
            Ok(v) => ObjRef::from_i64(v),
            Err(_) => ObjRef::from_int(IntValue::from_bigint(BigInt::from(raw))),
        },
        b'd' => ObjRef::from_f64(f64::from_bits(raw)),
        b'f' => ObjRef::from_f64(f64::from(f32::from_bits(raw as u32))),
        b'e' => ObjRef::from_f64(f16_to_f64(raw as u16)),
        _ => unreachable!("parsed code {code}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn native_alignment_pads_before_each_field_but_not_at_the_end() {
        assert_eq!(parse("bi").unwrap().size, 8);
        assert_eq!(parse("ib").unwrap().size, 5);
        assert_eq!(parse("<bi").unwrap().size, 5);
        assert_eq!(parse("@b d").unwrap().size, 16);
        assert_eq!(parse("3s2xh").unwrap().size, 8);
    }

    #[test]
    fn bad_formats_are_refused_with_cpythons_messages() {
        assert_eq!(parse("z").err(), Some("bad char in struct format"));
        assert_eq!(parse("<n").err(), Some("bad char in struct format"));
        assert_eq!(
            parse("3").err(),
            Some("repeat count given without format specifier")
        );
    }

    #[test]
    fn half_floats_round_to_nearest_even_and_overflow() {
        assert_eq!(f64_to_f16(1.0), Some(0x3c00));
        assert_eq!(f64_to_f16(-2.0), Some(0xc000));
        assert_eq!(f64_to_f16(65504.0), Some(0x7bff));
        assert_eq!(f64_to_f16(65520.0), None);
        assert_eq!(f64_to_f16(2f64.powi(-24)), Some(0x0001));
        // Halfway between 1 and the next half float: to even (1).
        assert_eq!(f64_to_f16(1.0 + 2f64.powi(-11)), Some(0x3c00));
        assert_eq!(f64_to_f16(1.0 + 3.0 * 2f64.powi(-11)), Some(0x3c02));
        for h in [0x0001u16, 0x03ff, 0x0400, 0x3555, 0x7bff, 0xc000] {
            assert_eq!(f64_to_f16(f16_to_f64(h)), Some(h), "{h:#x}");
        }
    }
}
