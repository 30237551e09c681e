//! Methods of `str`, `bytes`, `int` and `float` beyond the basics.
//!
//! # Mechanism
//!
//! Each method is a [`BuiltinFn`] installed in its class's dict by
//! [`install`]; the receiver is `args[0]`. Class methods (`int.from_bytes`,
//! `float.fromhex`, `bytes.fromhex`) are wrapped in a [`ClassMethod`], so
//! they receive the class as `args[0]` whether called on the class or on an
//! instance; `str.maketrans` is a [`StaticMethod`] and receives only its own
//! arguments.
//!
//! The text algorithms live in [`ftl_algorithms::str_methods`] (code-point indices,
//! Unicode properties); this file does the argument handling around them
//! and the byte-string, codec and number algorithms that have no home
//! there.
//!
//! # What this follows
//!
//! CPython 3.11: `Objects/unicodeobject.c` and `Objects/clinic/
//! unicodeobject.c.h` (which arguments take keywords, and the wording of
//! every argument error), `Objects/bytesobject.c` and `Objects/
//! bytes_methods.c` (ASCII semantics of the `bytes` predicates and case
//! mappings), `Python/getargs.c` (`_PyArg_UnpackKeywords`: the order in
//! which keyword errors are reported), `Python/pystrhex.c` (`bytes.hex`
//! with a separator), `Objects/stringlib/codecs.h` and `Objects/
//! exceptions.c` (the UTF-8 decoder's error ranges and the
//! `UnicodeEncodeError` / `UnicodeDecodeError` messages),
//! `Objects/longobject.c` (`to_bytes`, `from_bytes`, `bit_count`) and
//! `Objects/floatobject.c` (`float.hex`, `float.fromhex`,
//! `as_integer_ratio`).
//!
//! # Invariants
//!
//! * Every index a `str` method takes or returns counts code points;
//!   every index a `bytes` method takes or returns counts bytes.
//! * No method panics on any input: receivers of the wrong type give
//!   CPython's "descriptor ... doesn't apply" `TypeError`, and results
//!   whose size the caller chooses (`to_bytes`, padding, `replace`) are
//!   refused above [`str_methods::MAX_RESULT_LEN`] bytes with `MemoryError`.
//! * Python `str` values are Rust strings, so they hold no lone
//!   surrogates: where CPython would produce one (`translate` to a
//!   surrogate, the `surrogateescape` decoder) we raise a `ValueError`
//!   saying so instead.

use ftl_object::{HeapPolicy, IntValue, Kind, ObjRef};
use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{One, Signed, Zero};

use crate::interpreter::state::{BuiltinFn, ExcType, Kw, PyErr, PyResult, Vm};
use crate::objects::*;
use ftl_algorithms::str_methods;

type R<P> = PyResult<Obj<P>, P>;

/// Installs the methods into the built-in classes `str`, `bytes`, `int`
/// and `float`.
pub fn install<P: HeapPolicy>(vm: &Vm<P>) {
    let t = vm.types();
    let str_methods: &[(&'static str, BuiltinFn<P>)] = &[
        ("split", str_split::<P>),
        ("rsplit", str_rsplit::<P>),
        ("splitlines", str_splitlines::<P>),
        ("strip", str_strip::<P>),
        ("lstrip", str_lstrip::<P>),
        ("rstrip", str_rstrip::<P>),
        ("replace", str_replace::<P>),
        ("find", str_find::<P>),
        ("rfind", str_rfind::<P>),
        ("index", str_index::<P>),
        ("rindex", str_rindex::<P>),
        ("count", str_count::<P>),
        ("startswith", str_startswith::<P>),
        ("endswith", str_endswith::<P>),
        ("upper", str_upper::<P>),
        ("lower", str_lower::<P>),
        ("casefold", str_casefold::<P>),
        ("title", str_title::<P>),
        ("capitalize", str_capitalize::<P>),
        ("swapcase", str_swapcase::<P>),
        ("center", str_center::<P>),
        ("ljust", str_ljust::<P>),
        ("rjust", str_rjust::<P>),
        ("zfill", str_zfill::<P>),
        ("expandtabs", str_expandtabs::<P>),
        ("isdigit", str_isdigit::<P>),
        ("isdecimal", str_isdecimal::<P>),
        ("isnumeric", str_isnumeric::<P>),
        ("isalpha", str_isalpha::<P>),
        ("isalnum", str_isalnum::<P>),
        ("isspace", str_isspace::<P>),
        ("isupper", str_isupper::<P>),
        ("islower", str_islower::<P>),
        ("istitle", str_istitle::<P>),
        ("isidentifier", str_isidentifier::<P>),
        ("isascii", str_isascii::<P>),
        ("isprintable", str_isprintable::<P>),
        ("partition", str_partition::<P>),
        ("rpartition", str_rpartition::<P>),
        ("encode", str_encode::<P>),
        ("removeprefix", str_removeprefix::<P>),
        ("removesuffix", str_removesuffix::<P>),
        ("translate", str_translate::<P>),
    ];
    for (name, f) in str_methods {
        vm.add_method(&t.str_, "str", name, *f);
    }
    let bytes_methods: &[(&'static str, BuiltinFn<P>)] = &[
        ("decode", bytes_decode::<P>),
        ("hex", bytes_hex::<P>),
        ("count", bytes_count::<P>),
        ("find", bytes_find::<P>),
        ("rfind", bytes_rfind::<P>),
        ("index", bytes_index::<P>),
        ("rindex", bytes_rindex::<P>),
        ("startswith", bytes_startswith::<P>),
        ("endswith", bytes_endswith::<P>),
        ("split", bytes_split::<P>),
        ("rsplit", bytes_rsplit::<P>),
        ("strip", bytes_strip::<P>),
        ("lstrip", bytes_lstrip::<P>),
        ("rstrip", bytes_rstrip::<P>),
        ("replace", bytes_replace::<P>),
        ("join", bytes_join::<P>),
        ("partition", bytes_partition::<P>),
        ("rpartition", bytes_rpartition::<P>),
        ("removeprefix", bytes_removeprefix::<P>),
        ("removesuffix", bytes_removesuffix::<P>),
        ("upper", bytes_upper::<P>),
        ("lower", bytes_lower::<P>),
        ("isdigit", bytes_isdigit::<P>),
        ("isalpha", bytes_isalpha::<P>),
        ("isalnum", bytes_isalnum::<P>),
        ("isspace", bytes_isspace::<P>),
        ("isupper", bytes_isupper::<P>),
        ("islower", bytes_islower::<P>),
        ("isascii", bytes_isascii::<P>),
    ];
    for (name, f) in bytes_methods {
        vm.add_method(&t.bytes, "bytes", name, *f);
    }
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
    vm.add_wrapped_method(&t.bytes, "fromhex", bytes_fromhex::<P>, true);
    vm.add_wrapped_method(&t.str_, "maketrans", str_maketrans::<P>, false);
}

// ---------------------------------------------------------------------------
// Argument handling shared by the methods
// ---------------------------------------------------------------------------

/// `TypeError` for a method descriptor called without its receiver.
fn unbound<P: HeapPolicy>(vm: &Vm<P>, owner: &str, name: &str) -> PyErr<P> {
    vm.type_error(format!("unbound method {owner}.{name}() needs an argument"))
}

/// `TypeError` for a method descriptor called on the wrong type.
fn descr_error<P: HeapPolicy>(vm: &Vm<P>, owner: &str, name: &str, o: &Obj<P>) -> PyErr<P> {
    vm.type_error(format!(
        "descriptor '{name}' for '{owner}' objects doesn't apply to a '{}' object",
        vm.type_name(o)
    ))
}

/// The `str` receiver of method `name`.
fn this_str<'a, P: HeapPolicy>(vm: &Vm<P>, args: &'a [Obj<P>], name: &str) -> PyResult<&'a str, P> {
    let o = args.first().ok_or_else(|| unbound(vm, "str", name))?;
    o.as_str().ok_or_else(|| descr_error(vm, "str", name, o))
}

/// The `bytes` receiver of method `name`.
fn this_bytes<'a, P: HeapPolicy>(
    vm: &Vm<P>,
    args: &'a [Obj<P>],
    name: &str,
) -> PyResult<&'a [u8], P> {
    let o = args.first().ok_or_else(|| unbound(vm, "bytes", name))?;
    o.as_bytes()
        .ok_or_else(|| descr_error(vm, "bytes", name, o))
}

/// The `int` (or `bool`) receiver of method `name`.
fn this_int<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], name: &str) -> PyResult<IntValue, P> {
    let o = args.first().ok_or_else(|| unbound(vm, "int", name))?;
    vm.int_value(o)
        .ok_or_else(|| descr_error(vm, "int", name, o))
}

/// The `float` receiver of method `name`.
fn this_float<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], name: &str) -> PyResult<f64, P> {
    let o = args.first().ok_or_else(|| unbound(vm, "float", name))?;
    match o.kind() {
        Kind::Float => o.as_f64().ok_or_else(|| descr_error(vm, "float", name, o)),
        _ => Err(descr_error(vm, "float", name, o)),
    }
}

/// A method without arguments (`METH_NOARGS`): `qual` is `type.name`.
fn noargs<P: HeapPolicy>(
    vm: &Vm<P>,
    qual: &str,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
) -> PyResult<(), P> {
    vm.no_kw(qual, kw)?;
    vm.check_args(qual, &args[1..], 0, 0)
}

/// A method with exactly one positional argument (`METH_O`).
fn one_arg<P: HeapPolicy>(
    vm: &Vm<P>,
    qual: &str,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
) -> PyResult<(), P> {
    vm.no_kw(qual, kw)?;
    vm.check_args(qual, &args[1..], 1, 1)
}

/// Positional-only arguments checked by Argument Clinic's
/// `_PyArg_CheckPositional` (`center expected at least 1 argument, got 0`).
fn positional<P: HeapPolicy>(
    vm: &Vm<P>,
    owner: &str,
    name: &str,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
    min: usize,
    max: usize,
) -> PyResult<(), P> {
    vm.no_kw(&format!("{owner}.{name}"), kw)?;
    vm.check_args(name, &args[1..], min, max)
}

/// The plural suffix for `n`.
fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Argument Clinic's keyword parsing (`_PyArg_UnpackKeywords`): `names`
/// are the parameters, the first `maxpos` may be given by position, the
/// first `required` must be given. Returns one slot per parameter. Errors
/// come in CPython's order: too many arguments, too many positional ones,
/// a missing required one, one given twice, an unknown keyword.
fn parse_args<P: HeapPolicy>(
    vm: &Vm<P>,
    fname: &str,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
    names: &[&str],
    maxpos: usize,
    required: usize,
) -> PyResult<Vec<Option<Obj<P>>>, P> {
    let nargs = args.len();
    let nkw = kw.names.len();
    let maxargs = names.len();
    if nargs + nkw > maxargs {
        return Err(vm.type_error(format!(
            "{fname}() takes at most {maxargs} {}argument{} ({} given)",
            if nargs == 0 { "keyword " } else { "" },
            plural(maxargs),
            nargs + nkw
        )));
    }
    if nargs > maxpos {
        return Err(vm.type_error(format!(
            "{fname}() takes {} {maxpos} positional argument{} ({nargs} given)",
            if required < maxpos {
                "at most"
            } else {
                "exactly"
            },
            plural(maxpos)
        )));
    }
    let mut out: Vec<Option<Obj<P>>> = args.iter().cloned().map(Some).collect();
    out.resize(maxargs, None);
    let mut leftover = None;
    for (k, v) in kw.iter() {
        match names.iter().position(|n| *n == k) {
            Some(i) if i >= nargs => out[i] = Some(v.clone()),
            _ => {
                if leftover.is_none() {
                    leftover = Some(k);
                }
            }
        }
    }
    for (i, slot) in out.iter().enumerate().take(required) {
        if slot.is_none() {
            return Err(vm.type_error(format!(
                "{fname}() missing required argument '{}' (pos {})",
                names[i],
                i + 1
            )));
        }
    }
    if let Some(k) = leftover {
        return Err(match names.iter().position(|n| *n == k) {
            Some(i) => vm.type_error(format!(
                "argument for {fname}() given by name ('{k}') and position ({})",
                i + 1
            )),
            None => vm.type_error(format!(
                "'{k}' is an invalid keyword argument for {fname}()"
            )),
        });
    }
    Ok(out)
}

/// A `str` argument of a clinic function:
/// `{fname}() argument '{param}' must be str, not int`.
fn str_param<'a, P: HeapPolicy>(
    vm: &Vm<P>,
    fname: &str,
    param: &str,
    o: &'a Obj<P>,
) -> PyResult<&'a str, P> {
    o.as_str().ok_or_else(|| {
        vm.type_error(format!(
            "{fname}() argument {param} must be str, not {}",
            vm.type_name(o)
        ))
    })
}

/// A slice bound of `find`, `count`, `startswith`...: `None` or an int;
/// ints beyond the machine range are clamped, as `_PyEval_SliceIndex` does.
fn slice_index<P: HeapPolicy>(vm: &Vm<P>, o: Option<&Obj<P>>) -> PyResult<Option<i64>, P> {
    match o {
        None => Ok(None),
        Some(x) if x.is_none() => Ok(None),
        Some(x) => match vm.int_value(x) {
            Some(IntValue::Small(v)) => Ok(Some(v)),
            Some(IntValue::Big(b)) => Ok(Some(if b.is_negative() { i64::MIN } else { i64::MAX })),
            None => Err(
                vm.type_error("slice indices must be integers or None or have an __index__ method")
            ),
        },
    }
}

/// The `sub` argument of a `find`-like method and its optional `start`
/// and `end` slice bounds.
type FindArgs<'a, P> = (&'a Obj<P>, Option<i64>, Option<i64>);

/// The arguments of `find`-like methods (`sub[, start[, end]]`, no
/// keywords), with `stringlib_parse_args_finds`'s messages.
fn finds_args<'a, P: HeapPolicy>(
    vm: &Vm<P>,
    owner: &str,
    name: &str,
    args: &'a [Obj<P>],
    kw: Kw<'_, P>,
) -> PyResult<FindArgs<'a, P>, P> {
    vm.no_kw(&format!("{owner}.{name}"), kw)?;
    let n = args.len().saturating_sub(1);
    if n < 1 {
        return Err(vm.type_error(format!("{name}() takes at least 1 argument ({n} given)")));
    }
    if n > 3 {
        return Err(vm.type_error(format!("{name}() takes at most 3 arguments ({n} given)")));
    }
    Ok((
        &args[1],
        slice_index(vm, args.get(2))?,
        slice_index(vm, args.get(3))?,
    ))
}

/// `MemoryError` for a result that would be too large.
fn memory_error<P: HeapPolicy>(vm: &Vm<P>) -> PyErr<P> {
    vm.new_error(ExcType::MemoryError, "")
}

/// A list of new `str` objects.
fn str_list<P: HeapPolicy>(items: Vec<String>) -> Obj<P> {
    ObjRef::from_list_vec(items.into_iter().map(ObjRef::from_string).collect())
}

/// A list of new `bytes` objects.
fn bytes_list<P: HeapPolicy>(items: Vec<&[u8]>) -> Obj<P> {
    ObjRef::from_list_vec(items.into_iter().map(ObjRef::new_bytes).collect())
}

/// A 3-tuple of strings.
fn str_triple<P: HeapPolicy>(t: (String, String, String)) -> Obj<P> {
    ObjRef::new_tuple(vec![
        ObjRef::from_string(t.0),
        ObjRef::from_string(t.1),
        ObjRef::from_string(t.2),
    ])
}

// ---------------------------------------------------------------------------
// str: splitting, stripping, replacing
// ---------------------------------------------------------------------------

/// `str.split` and `str.rsplit`.
fn split_impl<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
    name: &str,
    right: bool,
) -> R<P> {
    let s = this_str(vm, args, name)?;
    let a = parse_args(vm, name, &args[1..], kw, &["sep", "maxsplit"], 2, 0)?;
    let sep = match &a[0] {
        Some(o) if !o.is_none() => Some(o.as_str().ok_or_else(|| {
            vm.type_error(format!("must be str or None, not {}", vm.type_name(o)))
        })?),
        _ => None,
    };
    let maxsplit = match &a[1] {
        Some(o) => vm.index_i64(o)?,
        None => -1,
    };
    let parts = if right {
        str_methods::rsplit(s, sep, maxsplit)
    } else {
        str_methods::split(s, sep, maxsplit)
    };
    Ok(str_list(parts.map_err(|m| vm.value_error(m))?))
}

fn str_split<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    split_impl(vm, args, kw, "split", false)
}

fn str_rsplit<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    split_impl(vm, args, kw, "rsplit", true)
}

/// A C `int` argument (`tabsize`, `bytes_per_sep`, `keepends`).
fn c_int<P: HeapPolicy>(vm: &Vm<P>, o: &Obj<P>) -> PyResult<i64, P> {
    let v = vm.arg_int(o)?;
    match v.as_i64() {
        Some(n) if i32::try_from(n).is_ok() => Ok(n),
        _ => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}

/// A `bool(accept={int})` clinic argument (`keepends`): a C int.
fn int_flag<P: HeapPolicy>(vm: &Vm<P>, o: Option<&Obj<P>>) -> PyResult<bool, P> {
    match o {
        None => Ok(false),
        Some(o) => Ok(c_int(vm, o)? != 0),
    }
}

fn str_splitlines<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let s = this_str(vm, args, "splitlines")?;
    let a = parse_args(vm, "splitlines", &args[1..], kw, &["keepends"], 1, 0)?;
    let keepends = int_flag(vm, a[0].as_ref())?;
    Ok(str_list(str_methods::splitlines(s, keepends)))
}

/// Which end(s) `strip` works on.
#[derive(Clone, Copy)]
enum Ends {
    Both,
    Left,
    Right,
}

fn strip_impl<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
    name: &str,
    ends: Ends,
) -> R<P> {
    let s = this_str(vm, args, name)?;
    positional(vm, "str", name, args, kw, 0, 1)?;
    let chars = match args.get(1) {
        Some(o) if !o.is_none() => Some(
            o.as_str()
                .ok_or_else(|| vm.type_error(format!("{name} arg must be None or str")))?,
        ),
        _ => None,
    };
    let r = match ends {
        Ends::Both => str_methods::strip(s, chars),
        Ends::Left => str_methods::lstrip(s, chars),
        Ends::Right => str_methods::rstrip(s, chars),
    };
    if r.len() == s.len() {
        return Ok(args[0].clone());
    }
    Ok(vm.new_str(r))
}

fn str_strip<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    strip_impl(vm, args, kw, "strip", Ends::Both)
}

fn str_lstrip<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    strip_impl(vm, args, kw, "lstrip", Ends::Left)
}

fn str_rstrip<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    strip_impl(vm, args, kw, "rstrip", Ends::Right)
}

fn str_replace<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let s = this_str(vm, args, "replace")?;
    positional(vm, "str", "replace", args, kw, 2, 3)?;
    let old = str_param(vm, "replace", "1", &args[1])?;
    let new = str_param(vm, "replace", "2", &args[2])?;
    let count = match args.get(3) {
        Some(o) => vm.index_i64(o)?,
        None => -1,
    };
    let r = str_methods::replace(s, old, new, count).map_err(|_| memory_error(vm))?;
    Ok(ObjRef::from_string(r))
}

fn str_partition<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    partition_impl(vm, args, kw, "partition", false)
}

fn str_rpartition<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    partition_impl(vm, args, kw, "rpartition", true)
}

fn partition_impl<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
    name: &str,
    right: bool,
) -> R<P> {
    let s = this_str(vm, args, name)?;
    one_arg(vm, &format!("str.{name}"), args, kw)?;
    let sep = must_be_str(vm, &args[1])?;
    let r = if right {
        str_methods::rpartition(s, sep)
    } else {
        str_methods::partition(s, sep)
    };
    Ok(str_triple(r.map_err(|m| vm.value_error(m))?))
}

/// `must be str, not int` (the unicode `ensure_unicode` check).
fn must_be_str<'a, P: HeapPolicy>(vm: &Vm<P>, o: &'a Obj<P>) -> PyResult<&'a str, P> {
    o.as_str()
        .ok_or_else(|| vm.type_error(format!("must be str, not {}", vm.type_name(o))))
}

fn str_removeprefix<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    remove_affix(vm, args, kw, "removeprefix", true)
}

fn str_removesuffix<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    remove_affix(vm, args, kw, "removesuffix", false)
}

fn remove_affix<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
    name: &str,
    prefix: bool,
) -> R<P> {
    let s = this_str(vm, args, name)?;
    one_arg(vm, &format!("str.{name}"), args, kw)?;
    let a = args[1].as_str().ok_or_else(|| {
        vm.type_error(format!(
            "{name}() argument must be str, not {}",
            vm.type_name(&args[1])
        ))
    })?;
    let r = if prefix {
        s.strip_prefix(a)
    } else {
        s.strip_suffix(a)
    };
    match r {
        Some(r) if !a.is_empty() => Ok(vm.new_str(r)),
        _ => Ok(args[0].clone()),
    }
}

// ---------------------------------------------------------------------------
// str: searching
// ---------------------------------------------------------------------------

/// Which search a `find`-like method does.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Search {
    Find,
    RFind,
    Index,
    RIndex,
    Count,
}

fn str_search<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
    name: &str,
    how: Search,
) -> R<P> {
    let s = this_str(vm, args, name)?;
    let (sub, start, end) = finds_args(vm, "str", name, args, kw)?;
    let sub = must_be_str(vm, sub)?;
    let r = match how {
        Search::Find | Search::Index => str_methods::find(s, sub, start, end),
        Search::RFind | Search::RIndex => str_methods::rfind(s, sub, start, end),
        Search::Count => str_methods::count(s, sub, start, end),
    };
    if r < 0 && matches!(how, Search::Index | Search::RIndex) {
        return Err(vm.value_error(str_methods::SUBSTRING_NOT_FOUND));
    }
    Ok(ObjRef::from_i64(r))
}

fn str_find<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    str_search(vm, args, kw, "find", Search::Find)
}

fn str_rfind<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    str_search(vm, args, kw, "rfind", Search::RFind)
}

fn str_index<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    str_search(vm, args, kw, "index", Search::Index)
}

fn str_rindex<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    str_search(vm, args, kw, "rindex", Search::RIndex)
}

fn str_count<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    str_search(vm, args, kw, "count", Search::Count)
}

fn str_affix_test<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
    name: &str,
    start_side: bool,
) -> R<P> {
    let s = this_str(vm, args, name)?;
    let (arg, start, end) = finds_args(vm, "str", name, args, kw)?;
    let test = |p: &str| {
        if start_side {
            str_methods::startswith(s, p, start, end)
        } else {
            str_methods::endswith(s, p, start, end)
        }
    };
    if let Some(items) = arg.as_tuple() {
        for item in items {
            let p = item.as_str().ok_or_else(|| {
                vm.type_error(format!(
                    "tuple for {name} must only contain str, not {}",
                    vm.type_name(item)
                ))
            })?;
            if test(p) {
                return Ok(ObjRef::from_bool(true));
            }
        }
        return Ok(ObjRef::from_bool(false));
    }
    let p = arg.as_str().ok_or_else(|| {
        vm.type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            vm.type_name(arg)
        ))
    })?;
    Ok(ObjRef::from_bool(test(p)))
}

fn str_startswith<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    str_affix_test(vm, args, kw, "startswith", true)
}

fn str_endswith<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    str_affix_test(vm, args, kw, "endswith", false)
}

// ---------------------------------------------------------------------------
// str: case, predicates, padding
// ---------------------------------------------------------------------------

/// Defines methods without arguments (`METH_NOARGS`) of the type whose
/// receiver `$this` extracts (`this_str`, `this_bytes`), each from a
/// function of the receiver's value.
macro_rules! noargs_methods {
    ($this:ident, $ty:literal: $($fn_name:ident = $py:literal => |$s:ident| $body:expr;)*) => {
        $(
            fn $fn_name<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
                let $s = $this(vm, args, $py)?;
                noargs(vm, concat!($ty, ".", $py), args, kw)?;
                Ok($body)
            }
        )*
    };
}

noargs_methods! {
    this_str, "str":
    str_upper = "upper" => |s| ObjRef::from_string(str_methods::upper(s));
    str_lower = "lower" => |s| ObjRef::from_string(str_methods::lower(s));
    str_casefold = "casefold" => |s| ObjRef::from_string(str_methods::casefold(s));
    str_title = "title" => |s| ObjRef::from_string(str_methods::title(s));
    str_capitalize = "capitalize" => |s| ObjRef::from_string(str_methods::capitalize(s));
    str_swapcase = "swapcase" => |s| ObjRef::from_string(str_methods::swapcase(s));
    str_isdigit = "isdigit" => |s| ObjRef::from_bool(str_methods::isdigit(s));
    str_isdecimal = "isdecimal" => |s| ObjRef::from_bool(str_methods::isdecimal(s));
    str_isnumeric = "isnumeric" => |s| ObjRef::from_bool(str_methods::isnumeric(s));
    str_isalpha = "isalpha" => |s| ObjRef::from_bool(str_methods::isalpha(s));
    str_isalnum = "isalnum" => |s| ObjRef::from_bool(str_methods::isalnum(s));
    str_isspace = "isspace" => |s| ObjRef::from_bool(str_methods::isspace(s));
    str_isupper = "isupper" => |s| ObjRef::from_bool(str_methods::isupper(s));
    str_islower = "islower" => |s| ObjRef::from_bool(str_methods::islower(s));
    str_istitle = "istitle" => |s| ObjRef::from_bool(str_methods::istitle(s));
    str_isidentifier = "isidentifier" => |s| ObjRef::from_bool(str_methods::isidentifier(s));
    str_isascii = "isascii" => |s| ObjRef::from_bool(str_methods::isascii(s));
    str_isprintable = "isprintable" => |s| ObjRef::from_bool(str_methods::isprintable(s));
}

/// `center`, `ljust` and `rjust`.
fn pad_impl<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
    name: &str,
    f: fn(&str, i64, char) -> Result<String, str_methods::MemoryError>,
) -> R<P> {
    let s = this_str(vm, args, name)?;
    positional(vm, "str", name, args, kw, 1, 2)?;
    let width = vm.index_i64(&args[1])?;
    let fill = match args.get(2) {
        None => ' ',
        Some(o) => {
            let t = o.as_str().ok_or_else(|| {
                vm.type_error(format!(
                    "The fill character must be a unicode character, not {}",
                    vm.type_name(o)
                ))
            })?;
            let mut it = t.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(
                        vm.type_error("The fill character must be exactly one character long")
                    )
                }
            }
        }
    };
    Ok(ObjRef::from_string(
        f(s, width, fill).map_err(|_| memory_error(vm))?,
    ))
}

fn str_center<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    pad_impl(vm, args, kw, "center", str_methods::center)
}

fn str_ljust<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    pad_impl(vm, args, kw, "ljust", str_methods::ljust)
}

fn str_rjust<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    pad_impl(vm, args, kw, "rjust", str_methods::rjust)
}

fn str_zfill<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let s = this_str(vm, args, "zfill")?;
    one_arg(vm, "str.zfill", args, kw)?;
    let width = vm.index_i64(&args[1])?;
    Ok(ObjRef::from_string(
        str_methods::zfill(s, width).map_err(|_| memory_error(vm))?,
    ))
}

fn str_expandtabs<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let s = this_str(vm, args, "expandtabs")?;
    let a = parse_args(vm, "expandtabs", &args[1..], kw, &["tabsize"], 1, 0)?;
    let tabsize = match &a[0] {
        Some(o) => c_int(vm, o)?,
        None => 8,
    };
    Ok(ObjRef::from_string(
        str_methods::expandtabs(s, tabsize).map_err(|_| memory_error(vm))?,
    ))
}

// ---------------------------------------------------------------------------
// str.maketrans / str.translate
// ---------------------------------------------------------------------------

/// The single code point of a one-character string.
fn single_char(s: &str) -> Option<char> {
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

fn str_maketrans<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("maketrans", kw)?;
    vm.check_args("maketrans", args, 1, 3)?;
    let out = ObjRef::new_dict();
    if args.len() == 1 {
        let Some(d) = args[0].as_dict() else {
            return Err(
                vm.type_error("if you give only one argument to maketrans it must be a dict")
            );
        };
        for (k, v) in d.items() {
            let key = if let Some(s) = k.as_str() {
                match single_char(s) {
                    Some(c) => ObjRef::from_i64(i64::from(u32::from(c))),
                    None => {
                        return Err(
                            vm.value_error("string keys in translate table must be of length 1")
                        )
                    }
                }
            } else if vm.int_value(&k).is_some() {
                k.clone()
            } else {
                return Err(vm.type_error("keys in translate table must be strings or integers"));
            };
            vm.dict_set(&out, key, v)?;
        }
        return Ok(out);
    }
    let y = str_param(vm, "maketrans", "2", &args[1])?;
    let z = match args.get(2) {
        Some(o) => Some(str_param(vm, "maketrans", "3", o)?),
        None => None,
    };
    let x = args[0].as_str().ok_or_else(|| {
        vm.type_error("first maketrans argument must be a string if there is a second argument")
    })?;
    if str_methods::char_len(x) != str_methods::char_len(y) {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    let ord = |c: char| ObjRef::from_i64(i64::from(u32::from(c)));
    for (a, b) in x.chars().zip(y.chars()) {
        vm.dict_set(&out, ord(a), ord(b))?;
    }
    for c in z.unwrap_or("").chars() {
        vm.dict_set(&out, ord(c), ObjRef::none())?;
    }
    Ok(out)
}

fn str_translate<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let s = this_str(vm, args, "translate")?;
    one_arg(vm, "str.translate", args, kw)?;
    let table = &args[1];
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let key = ObjRef::from_i64(i64::from(u32::from(c)));
        let v = match vm.getitem(table, &key) {
            Ok(v) => v,
            Err(e) if vm.err_matches(&e, ExcType::LookupError) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        if v.is_none() {
            continue;
        }
        if let Some(t) = v.as_str() {
            out.push_str(t);
        } else if let Some(i) = vm.int_value(&v) {
            let cp = i.as_i64().filter(|n| (0..0x110000).contains(n));
            let Some(cp) = cp else {
                return Err(vm.value_error("character mapping must be in range(0x110000)"));
            };
            match u32::try_from(cp).ok().and_then(char::from_u32) {
                Some(ch) => out.push(ch),
                None => {
                    return Err(vm.value_error("surrogate code points are not supported by ftl"))
                }
            }
        } else {
            return Err(vm.type_error("character mapping must return integer, None or str"));
        }
        if out.len() > str_methods::MAX_RESULT_LEN {
            return Err(memory_error(vm));
        }
    }
    Ok(ObjRef::from_string(out))
}

// ---------------------------------------------------------------------------
// Codecs: str.encode / bytes.decode
// ---------------------------------------------------------------------------

/// The codecs this VM knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    /// The name CPython's error messages use.
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    /// The first code point the codec cannot encode.
    fn limit(self) -> u32 {
        match self {
            Codec::Utf8 => 0x11_0000,
            Codec::Ascii => 0x80,
            Codec::Latin1 => 0x100,
        }
    }
}

/// Looks an encoding name up as `codecs.lookup` would for the three
/// codecs we have: normalised (lower case, runs of punctuation and spaces
/// to one `_`), then the `encodings.aliases` entries.
fn lookup_codec(name: &str) -> Option<Codec> {
    let mut norm = String::with_capacity(name.len());
    let mut pending = false;
    for c in name.trim().chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if pending && !norm.is_empty() {
                norm.push('_');
            }
            pending = false;
            norm.push(c.to_ascii_lowercase());
        } else {
            pending = true;
        }
    }
    match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => {
            Some(Codec::Utf8)
        }
        "ascii" | "646" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986" | "cp367"
        | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" | "us"
        | "us_ascii" => Some(Codec::Ascii),
        "latin_1" | "latin1" | "latin" | "l1" | "iso8859_1" | "iso_8859_1" | "8859" | "cp819"
        | "csisolatin1" | "ibm819" | "iso_8859_1_1987" | "iso_ir_100" => Some(Codec::Latin1),
        _ => None,
    }
}

/// The codec error handlers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    /// `namereplace`: needs the Unicode name database, which ftl lacks.
    NameReplace,
    /// `surrogateescape`: encoding, it only handles lone surrogates, which
    /// ftl strings never hold, so it fails as `strict` does; decoding, it
    /// would produce lone surrogates, which ftl cannot represent.
    SurrogateEscape,
    /// `surrogatepass`: handles only (encoded) lone surrogates, so it
    /// fails as `strict` does.
    SurrogatePass,
    /// Not registered: `LookupError` when first needed.
    Unknown,
}

/// The handler named `name`.
fn lookup_handler(name: &str) -> Handler {
    match name {
        "strict" => Handler::Strict,
        "ignore" => Handler::Ignore,
        "replace" => Handler::Replace,
        "backslashreplace" => Handler::BackslashReplace,
        "xmlcharrefreplace" => Handler::XmlCharRefReplace,
        "namereplace" => Handler::NameReplace,
        "surrogateescape" => Handler::SurrogateEscape,
        "surrogatepass" => Handler::SurrogatePass,
        _ => Handler::Unknown,
    }
}

/// Why encoding failed.
#[derive(Debug, PartialEq, Eq)]
enum EncodeFail {
    /// `UnicodeEncodeError` for code points `start..end` (`ch` is the
    /// first), with the codec's reason.
    Unencodable { start: usize, end: usize, ch: char },
    /// The handler is unknown (`LookupError`) or unsupported here.
    Handler(Handler),
}

/// Appends `\xNN`, `\uNNNN` or `\UNNNNNNNN` for `cp`.
fn push_backslash_escape(out: &mut String, cp: u32) {
    let esc = if cp <= 0xff {
        format!("\\x{cp:02x}")
    } else if cp <= 0xffff {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    };
    out.push_str(&esc);
}

/// `s.encode(codec, handler)`.
fn encode_text(s: &str, codec: Codec, handler: Handler) -> Result<Vec<u8>, EncodeFail> {
    if codec == Codec::Utf8 || s.is_ascii() {
        return Ok(s.as_bytes().to_vec());
    }
    let limit = codec.limit();
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let cp = u32::from(chars[i]);
        if cp < limit {
            // `cp < 0x100` here, so the cast is exact.
            out.push(cp as u8);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < chars.len() && u32::from(chars[end]) >= limit {
            end += 1;
        }
        match handler {
            Handler::Strict | Handler::SurrogateEscape | Handler::SurrogatePass => {
                return Err(EncodeFail::Unencodable {
                    start: i,
                    end,
                    ch: chars[i],
                })
            }
            Handler::Unknown | Handler::NameReplace => return Err(EncodeFail::Handler(handler)),
            Handler::Ignore => {}
            Handler::Replace => out.extend(std::iter::repeat_n(b'?', end - i)),
            Handler::BackslashReplace => {
                let mut esc = String::new();
                for &c in &chars[i..end] {
                    push_backslash_escape(&mut esc, u32::from(c));
                }
                out.extend_from_slice(esc.as_bytes());
            }
            Handler::XmlCharRefReplace => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(format!("&#{};", u32::from(c)).as_bytes());
                }
            }
        }
        i = end;
    }
    Ok(out)
}

/// A decoding error: bytes `start..end` with the codec's reason.
#[derive(Debug, PartialEq, Eq)]
enum DecodeFail {
    /// `UnicodeDecodeError`.
    Undecodable {
        start: usize,
        end: usize,
        reason: &'static str,
    },
    /// The handler is unknown, unsupported here, or cannot decode.
    Handler(Handler),
}

/// The first UTF-8 error in `b`: `(start, end, reason)` as CPython's
/// decoder reports it (a maximal invalid prefix, as Rust's `Utf8Error`
/// measures it, is what CPython reports too).
fn utf8_error(b: &[u8]) -> Option<(usize, usize, &'static str)> {
    let e = core::str::from_utf8(b).err()?;
    let start = e.valid_up_to();
    Some(match e.error_len() {
        None => (start, b.len(), "unexpected end of data"),
        Some(n) => {
            let first = b.get(start).copied().unwrap_or(0);
            let reason = if (0xc2..=0xf4).contains(&first) {
                "invalid continuation byte"
            } else {
                "invalid start byte"
            };
            (start, start + n, reason)
        }
    })
}

/// `b.decode(codec, handler)`.
fn decode_bytes(b: &[u8], codec: Codec, handler: Handler) -> Result<String, DecodeFail> {
    let mut out = String::with_capacity(b.len());
    let mut pos = 0;
    while pos < b.len() {
        let rest = &b[pos..];
        let (ok_len, err) = match codec {
            Codec::Latin1 => {
                out.extend(rest.iter().map(|&c| char::from(c)));
                return Ok(out);
            }
            Codec::Ascii => match rest.iter().position(|&c| c >= 0x80) {
                None => (rest.len(), None),
                Some(i) => (i, Some((i, i + 1, "ordinal not in range(128)"))),
            },
            Codec::Utf8 => match utf8_error(rest) {
                None => (rest.len(), None),
                Some(e) => (e.0, Some(e)),
            },
        };
        // The prefix is ASCII or valid UTF-8 by construction.
        out.push_str(core::str::from_utf8(&rest[..ok_len]).unwrap_or(""));
        let Some((s, e, reason)) = err else { break };
        match handler {
            Handler::Strict | Handler::SurrogatePass => {
                return Err(DecodeFail::Undecodable {
                    start: pos + s,
                    end: pos + e,
                    reason,
                })
            }
            Handler::Ignore => {}
            Handler::Replace => out.push('\u{fffd}'),
            Handler::BackslashReplace => {
                for &byte in &rest[s..e] {
                    push_backslash_escape(&mut out, u32::from(byte));
                }
            }
            h => return Err(DecodeFail::Handler(h)),
        }
        pos += e;
    }
    Ok(out)
}

/// The message of a `UnicodeEncodeError`.
fn encode_error_message(codec: Codec, start: usize, end: usize, ch: char) -> String {
    let reason = format!("ordinal not in range({})", codec.limit());
    if end == start + 1 {
        let mut esc = String::new();
        push_backslash_escape(&mut esc, u32::from(ch));
        format!(
            "'{}' codec can't encode character '{esc}' in position {start}: {reason}",
            codec.name()
        )
    } else {
        format!(
            "'{}' codec can't encode characters in position {start}-{}: {reason}",
            codec.name(),
            end - 1
        )
    }
}

/// The message of a `UnicodeDecodeError`.
fn decode_error_message(codec: Codec, b: &[u8], start: usize, end: usize, reason: &str) -> String {
    if end == start + 1 {
        let byte = b.get(start).copied().unwrap_or(0);
        format!(
            "'{}' codec can't decode byte 0x{byte:02x} in position {start}: {reason}",
            codec.name()
        )
    } else {
        format!(
            "'{}' codec can't decode bytes in position {start}-{}: {reason}",
            codec.name(),
            end - 1
        )
    }
}

/// The `(encoding, errors)` arguments of `encode` / `decode`.
fn codec_args<P: HeapPolicy>(
    vm: &Vm<P>,
    fname: &str,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
) -> PyResult<(Codec, Handler, String), P> {
    let a = parse_args(vm, fname, &args[1..], kw, &["encoding", "errors"], 2, 0)?;
    let encoding = match &a[0] {
        Some(o) => str_param(vm, fname, "'encoding'", o)?,
        None => "utf-8",
    };
    let errors = match &a[1] {
        Some(o) => str_param(vm, fname, "'errors'", o)?,
        None => "strict",
    };
    let codec = lookup_codec(encoding).ok_or_else(|| {
        vm.new_error(
            ExcType::LookupError,
            format!("unknown encoding: {encoding}"),
        )
    })?;
    Ok((codec, lookup_handler(errors), errors.to_string()))
}

/// The error for a handler that cannot be used.
fn handler_error<P: HeapPolicy>(vm: &Vm<P>, h: Handler, name: &str, decoding: bool) -> PyErr<P> {
    match h {
        Handler::Unknown => vm.new_error(
            ExcType::LookupError,
            format!("unknown error handler name '{name}'"),
        ),
        Handler::XmlCharRefReplace | Handler::NameReplace if decoding => {
            vm.type_error("don't know how to handle UnicodeDecodeError in error callback")
        }
        _ => vm.value_error(format!(
            "the '{name}' error handler is not supported by ftl"
        )),
    }
}

fn str_encode<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let s = this_str(vm, args, "encode")?;
    let (codec, handler, hname) = codec_args(vm, "encode", args, kw)?;
    match encode_text(s, codec, handler) {
        Ok(b) => Ok(ObjRef::new_bytes(&b)),
        Err(EncodeFail::Unencodable { start, end, ch }) => Err(vm.new_error(
            ExcType::UnicodeEncodeError,
            encode_error_message(codec, start, end, ch),
        )),
        Err(EncodeFail::Handler(h)) => Err(handler_error(vm, h, &hname, false)),
    }
}

fn bytes_decode<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let b = this_bytes(vm, args, "decode")?;
    let (codec, handler, hname) = codec_args(vm, "decode", args, kw)?;
    match decode_bytes(b, codec, handler) {
        Ok(s) => Ok(ObjRef::from_string(s)),
        Err(DecodeFail::Undecodable { start, end, reason }) => Err(vm.new_error(
            ExcType::UnicodeDecodeError,
            decode_error_message(codec, b, start, end, reason),
        )),
        Err(DecodeFail::Handler(Handler::SurrogateEscape)) => {
            Err(vm.value_error("surrogate code points are not supported by ftl"))
        }
        Err(DecodeFail::Handler(h)) => Err(handler_error(vm, h, &hname, true)),
    }
}

// ---------------------------------------------------------------------------
// bytes
// ---------------------------------------------------------------------------

/// Python's `Py_ISSPACE` on bytes.
fn is_byte_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// `a bytes-like object is required, not 'str'`.
fn need_bytes<P: HeapPolicy>(vm: &Vm<P>, o: &Obj<P>) -> PyErr<P> {
    vm.type_error(format!(
        "a bytes-like object is required, not '{}'",
        vm.type_name(o)
    ))
}

/// A bytes-like argument.
fn bytes_arg<'a, P: HeapPolicy>(vm: &Vm<P>, o: &'a Obj<P>) -> PyResult<&'a [u8], P> {
    o.as_bytes().ok_or_else(|| need_bytes(vm, o))
}

/// `ADJUST_INDICES` for byte strings (see [`str_methods`]'s version for str).
fn adjust(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let len_i = i64::try_from(len).unwrap_or(i64::MAX);
    let from_end = |v: i64| usize::try_from(v.saturating_add(len_i).max(0)).unwrap_or(0);
    let start = match start {
        Some(v) if v < 0 => from_end(v),
        Some(v) => usize::try_from(v).unwrap_or(usize::MAX),
        None => 0,
    };
    let end = match end {
        Some(v) if v < 0 => from_end(v),
        Some(v) => usize::try_from(v.min(len_i)).unwrap_or(len),
        None => len,
    };
    (start, end)
}

/// The first occurrence of `needle` in `hay`.
fn bfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The last occurrence of `needle` in `hay`.
fn brfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// Non-overlapping occurrences of a non-empty `needle`.
fn bcount(hay: &[u8], needle: &[u8], max: usize) -> usize {
    let mut n = 0;
    let mut rest = hay;
    while n < max {
        match bfind(rest, needle) {
            Some(p) => {
                n += 1;
                rest = &rest[p + needle.len()..];
            }
            None => break,
        }
    }
    n
}

/// `find`/`rfind`/`count` on `b[start:end]`; `-1` when absent.
fn bytes_search_in(b: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>, how: Search) -> i64 {
    let (s, e) = adjust(start, end, b.len());
    if e < s || e - s < sub.len() {
        return if how == Search::Count { 0 } else { -1 };
    }
    let win = &b[s..e];
    let to_i = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    match how {
        Search::Count if sub.is_empty() => to_i(e - s + 1),
        Search::Count => to_i(bcount(win, sub, usize::MAX)),
        Search::Find | Search::Index => bfind(win, sub).map_or(-1, |p| to_i(s + p)),
        Search::RFind | Search::RIndex => brfind(win, sub).map_or(-1, |p| to_i(s + p)),
    }
}

/// The `sub` argument of `bytes.find` and friends: bytes or an int byte.
fn byte_sub<P: HeapPolicy>(vm: &Vm<P>, o: &Obj<P>) -> PyResult<Vec<u8>, P> {
    if let Some(b) = o.as_bytes() {
        return Ok(b.to_vec());
    }
    match vm.int_value(o) {
        Some(v) => match v.as_i64().and_then(|n| u8::try_from(n).ok()) {
            Some(byte) => Ok(vec![byte]),
            None => Err(vm.value_error("byte must be in range(0, 256)")),
        },
        None => Err(vm.type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            vm.type_name(o)
        ))),
    }
}

fn bytes_search<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
    name: &str,
    how: Search,
) -> R<P> {
    let b = this_bytes(vm, args, name)?;
    let (sub, start, end) = finds_args(vm, "bytes", name, args, kw)?;
    let sub = byte_sub(vm, sub)?;
    let r = bytes_search_in(b, &sub, start, end, how);
    if r < 0 && matches!(how, Search::Index | Search::RIndex) {
        return Err(vm.value_error("subsection not found"));
    }
    Ok(ObjRef::from_i64(r))
}

fn bytes_count<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_search(vm, args, kw, "count", Search::Count)
}

fn bytes_find<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_search(vm, args, kw, "find", Search::Find)
}

fn bytes_rfind<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_search(vm, args, kw, "rfind", Search::RFind)
}

fn bytes_index<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_search(vm, args, kw, "index", Search::Index)
}

fn bytes_rindex<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_search(vm, args, kw, "rindex", Search::RIndex)
}

/// `bytes.startswith` / `endswith` for one affix (CPython's `tailmatch`).
fn bytes_tailmatch(
    b: &[u8],
    p: &[u8],
    start: Option<i64>,
    end: Option<i64>,
    start_side: bool,
) -> bool {
    let (s, e) = adjust(start, end, b.len());
    if e < s || e - s < p.len() {
        return false;
    }
    let win = &b[s..e];
    if start_side {
        win.starts_with(p)
    } else {
        win.ends_with(p)
    }
}

fn bytes_affix_test<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
    name: &str,
    start_side: bool,
) -> R<P> {
    let b = this_bytes(vm, args, name)?;
    let (arg, start, end) = finds_args(vm, "bytes", name, args, kw)?;
    if let Some(items) = arg.as_tuple() {
        for item in items {
            if bytes_tailmatch(b, bytes_arg(vm, item)?, start, end, start_side) {
                return Ok(ObjRef::from_bool(true));
            }
        }
        return Ok(ObjRef::from_bool(false));
    }
    let p = arg.as_bytes().ok_or_else(|| {
        vm.type_error(format!(
            "{name} first arg must be bytes or a tuple of bytes, not {}",
            vm.type_name(arg)
        ))
    })?;
    Ok(ObjRef::from_bool(bytes_tailmatch(
        b, p, start, end, start_side,
    )))
}

fn bytes_startswith<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_affix_test(vm, args, kw, "startswith", true)
}

fn bytes_endswith<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_affix_test(vm, args, kw, "endswith", false)
}

/// `bytes.split(sep, maxsplit)` (`right == false`) or `rsplit`.
fn bsplit<'a>(b: &'a [u8], sep: Option<&[u8]>, maxsplit: i64, right: bool) -> Vec<&'a [u8]> {
    let mut max = usize::try_from(maxsplit).unwrap_or(usize::MAX);
    let mut out = Vec::new();
    let mut rest = b;
    match sep {
        None => {
            let trim_l =
                |r: &'a [u8]| &r[r.iter().position(|&c| !is_byte_space(c)).unwrap_or(r.len())..];
            let trim_r = |r: &'a [u8]| {
                &r[..r
                    .iter()
                    .rposition(|&c| !is_byte_space(c))
                    .map_or(0, |p| p + 1)]
            };
            while max > 0 {
                rest = if right { trim_r(rest) } else { trim_l(rest) };
                if rest.is_empty() {
                    break;
                }
                if right {
                    let start = rest
                        .iter()
                        .rposition(|&c| is_byte_space(c))
                        .map_or(0, |p| p + 1);
                    out.push(&rest[start..]);
                    rest = &rest[..start];
                } else {
                    let end = rest
                        .iter()
                        .position(|&c| is_byte_space(c))
                        .unwrap_or(rest.len());
                    out.push(&rest[..end]);
                    rest = &rest[end..];
                }
                max -= 1;
            }
            rest = if right { trim_r(rest) } else { trim_l(rest) };
            if !rest.is_empty() {
                out.push(rest);
            }
        }
        Some(sep) => {
            while max > 0 {
                let found = if right {
                    brfind(rest, sep)
                } else {
                    bfind(rest, sep)
                };
                let Some(p) = found else { break };
                if right {
                    out.push(&rest[p + sep.len()..]);
                    rest = &rest[..p];
                } else {
                    out.push(&rest[..p]);
                    rest = &rest[p + sep.len()..];
                }
                max -= 1;
            }
            out.push(rest);
        }
    }
    if right {
        out.reverse();
    }
    out
}

fn bytes_split_impl<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
    name: &str,
    right: bool,
) -> R<P> {
    let b = this_bytes(vm, args, name)?;
    let a = parse_args(vm, name, &args[1..], kw, &["sep", "maxsplit"], 2, 0)?;
    let sep = match &a[0] {
        Some(o) if !o.is_none() => Some(bytes_arg(vm, o)?),
        _ => None,
    };
    if sep.is_some_and(|s| s.is_empty()) {
        return Err(vm.value_error(str_methods::EMPTY_SEPARATOR));
    }
    let maxsplit = match &a[1] {
        Some(o) => vm.index_i64(o)?,
        None => -1,
    };
    Ok(bytes_list(bsplit(b, sep, maxsplit, right)))
}

fn bytes_split<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_split_impl(vm, args, kw, "split", false)
}

fn bytes_rsplit<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_split_impl(vm, args, kw, "rsplit", true)
}

fn bytes_strip_impl<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
    name: &str,
    ends: Ends,
) -> R<P> {
    let b = this_bytes(vm, args, name)?;
    positional(vm, "bytes", name, args, kw, 0, 1)?;
    let set = match args.get(1) {
        Some(o) if !o.is_none() => Some(bytes_arg(vm, o)?),
        _ => None,
    };
    let strip = |c: u8| match set {
        Some(s) => s.contains(&c),
        None => is_byte_space(c),
    };
    let mut lo = 0;
    let mut hi = b.len();
    if matches!(ends, Ends::Both | Ends::Left) {
        while lo < hi && strip(b[lo]) {
            lo += 1;
        }
    }
    if matches!(ends, Ends::Both | Ends::Right) {
        while hi > lo && strip(b[hi - 1]) {
            hi -= 1;
        }
    }
    Ok(ObjRef::new_bytes(&b[lo..hi]))
}

fn bytes_strip<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_strip_impl(vm, args, kw, "strip", Ends::Both)
}

fn bytes_lstrip<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_strip_impl(vm, args, kw, "lstrip", Ends::Left)
}

fn bytes_rstrip<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_strip_impl(vm, args, kw, "rstrip", Ends::Right)
}

/// `bytes.replace(old, new, count)`; `None` when the result would exceed
/// [`str_methods::MAX_RESULT_LEN`].
fn breplace(b: &[u8], old: &[u8], new: &[u8], count: i64) -> Option<Vec<u8>> {
    let max = usize::try_from(count).unwrap_or(usize::MAX);
    if max == 0 {
        return Some(b.to_vec());
    }
    let n = if old.is_empty() {
        max.min(b.len().saturating_add(1))
    } else {
        bcount(b, old, max)
    };
    let size = b.len().checked_add(n.checked_mul(new.len())?)?;
    if size > str_methods::MAX_RESULT_LEN {
        return None;
    }
    let mut out = Vec::with_capacity(size);
    if old.is_empty() {
        for (i, &c) in b.iter().enumerate() {
            if i < n {
                out.extend_from_slice(new);
            }
            out.push(c);
        }
        if n > b.len() {
            out.extend_from_slice(new);
        }
        return Some(out);
    }
    let mut rest = b;
    for _ in 0..n {
        let Some(p) = bfind(rest, old) else { break };
        out.extend_from_slice(&rest[..p]);
        out.extend_from_slice(new);
        rest = &rest[p + old.len()..];
    }
    out.extend_from_slice(rest);
    Some(out)
}

fn bytes_replace<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let b = this_bytes(vm, args, "replace")?;
    positional(vm, "bytes", "replace", args, kw, 2, 3)?;
    let old = bytes_arg(vm, &args[1])?;
    let new = bytes_arg(vm, &args[2])?;
    let count = match args.get(3) {
        Some(o) => vm.index_i64(o)?,
        None => -1,
    };
    let r = breplace(b, old, new, count).ok_or_else(|| memory_error(vm))?;
    Ok(ObjRef::new_bytes(&r))
}

fn bytes_join<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let sep = this_bytes(vm, args, "join")?;
    one_arg(vm, "bytes.join", args, kw)?;
    let it = vm
        .get_iter(&args[1])
        .map_err(|_| vm.type_error("can only join an iterable"))?;
    let mut out = Vec::new();
    let mut i = 0usize;
    while let Some(x) = vm.next(&it)? {
        let Some(part) = x.as_bytes() else {
            return Err(vm.type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                vm.type_name(&x)
            )));
        };
        if i > 0 {
            out.extend_from_slice(sep);
        }
        out.extend_from_slice(part);
        if out.len() > str_methods::MAX_RESULT_LEN {
            return Err(memory_error(vm));
        }
        i += 1;
    }
    Ok(ObjRef::new_bytes(&out))
}

fn bytes_partition_impl<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
    name: &str,
    right: bool,
) -> R<P> {
    let b = this_bytes(vm, args, name)?;
    one_arg(vm, &format!("bytes.{name}"), args, kw)?;
    let sep = bytes_arg(vm, &args[1])?;
    if sep.is_empty() {
        return Err(vm.value_error(str_methods::EMPTY_SEPARATOR));
    }
    let found = if right { brfind(b, sep) } else { bfind(b, sep) };
    let parts: [&[u8]; 3] = match found {
        Some(p) => [&b[..p], sep, &b[p + sep.len()..]],
        None if right => [b"", b"", b],
        None => [b, b"", b""],
    };
    Ok(ObjRef::new_tuple(
        parts.iter().map(|p| ObjRef::new_bytes(p)).collect(),
    ))
}

fn bytes_partition<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_partition_impl(vm, args, kw, "partition", false)
}

fn bytes_rpartition<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_partition_impl(vm, args, kw, "rpartition", true)
}

fn bytes_affix_remove<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
    name: &str,
    prefix: bool,
) -> R<P> {
    let b = this_bytes(vm, args, name)?;
    one_arg(vm, &format!("bytes.{name}"), args, kw)?;
    let a = bytes_arg(vm, &args[1])?;
    let r = if prefix {
        b.strip_prefix(a)
    } else {
        b.strip_suffix(a)
    };
    match r {
        Some(r) if !a.is_empty() => Ok(ObjRef::new_bytes(r)),
        _ => Ok(args[0].clone()),
    }
}

fn bytes_removeprefix<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_affix_remove(vm, args, kw, "removeprefix", true)
}

fn bytes_removesuffix<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_affix_remove(vm, args, kw, "removesuffix", false)
}

noargs_methods! {
    this_bytes, "bytes":
    bytes_upper = "upper" => |b| ObjRef::new_bytes(&b.to_ascii_uppercase());
    bytes_lower = "lower" => |b| ObjRef::new_bytes(&b.to_ascii_lowercase());
    bytes_isdigit = "isdigit" => |b| ObjRef::from_bool(!b.is_empty() && b.iter().all(u8::is_ascii_digit));
    bytes_isalpha = "isalpha" => |b| ObjRef::from_bool(!b.is_empty() && b.iter().all(u8::is_ascii_alphabetic));
    bytes_isalnum = "isalnum" => |b| ObjRef::from_bool(!b.is_empty() && b.iter().all(u8::is_ascii_alphanumeric));
    bytes_isspace = "isspace" => |b| ObjRef::from_bool(!b.is_empty() && b.iter().all(|&c| is_byte_space(c)));
    bytes_isupper = "isupper" => |b| ObjRef::from_bool(
        b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase)
    );
    bytes_islower = "islower" => |b| ObjRef::from_bool(
        b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase)
    );
    bytes_isascii = "isascii" => |b| ObjRef::from_bool(b.is_ascii());
}

/// `bytes.hex(sep, bytes_per_sep)`: separators every `|per|` bytes,
/// counted from the right for a positive `per`, from the left for a
/// negative one (`Python/pystrhex.c`).
fn hex_with_sep(b: &[u8], sep: Option<char>, per: i64) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let group = usize::try_from(per.unsigned_abs()).unwrap_or(usize::MAX);
    let mut out = String::with_capacity(b.len() * 3);
    for (i, &c) in b.iter().enumerate() {
        out.push(char::from(DIGITS[usize::from(c >> 4)]));
        out.push(char::from(DIGITS[usize::from(c & 15)]));
        let done = i + 1;
        if let Some(s) = sep {
            if group > 0 && done < b.len() {
                let boundary = if per > 0 {
                    (b.len() - done).is_multiple_of(group)
                } else {
                    done.is_multiple_of(group)
                };
                if boundary {
                    out.push(s);
                }
            }
        }
    }
    out
}

fn bytes_hex<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let b = this_bytes(vm, args, "hex")?;
    let a = parse_args(vm, "hex", &args[1..], kw, &["sep", "bytes_per_sep"], 2, 0)?;
    let sep = match &a[0] {
        None => None,
        Some(o) => {
            let c = if let Some(s) = o.as_str() {
                let c = single_char(s).ok_or_else(|| vm.value_error("sep must be length 1."))?;
                u8::try_from(u32::from(c)).ok()
            } else if let Some(sb) = o.as_bytes() {
                match sb {
                    [c] => Some(*c),
                    _ => return Err(vm.value_error("sep must be length 1.")),
                }
            } else {
                return Err(
                    vm.type_error(format!("object of type '{}' has no len()", vm.type_name(o)))
                );
            };
            match c {
                Some(c) if c.is_ascii() => Some(char::from(c)),
                _ => return Err(vm.value_error("sep must be ASCII.")),
            }
        }
    };
    let per = match &a[1] {
        Some(o) => c_int(vm, o)?,
        None => 1,
    };
    Ok(ObjRef::from_string(hex_with_sep(b, sep, per)))
}

/// `bytes.fromhex(s)`: pairs of hex digits, ASCII whitespace allowed
/// between pairs. `Err(pos)` names the offending character.
fn parse_fromhex(s: &str) -> Result<Vec<u8>, usize> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii() && is_byte_space(chars[i] as u8) {
            i += 1;
            continue;
        }
        let hi = chars[i]
            .to_digit(16)
            .filter(|_| chars[i].is_ascii())
            .ok_or(i)?;
        let lo = chars
            .get(i + 1)
            .filter(|c| c.is_ascii())
            .and_then(|c| c.to_digit(16))
            .ok_or(i + 1)?;
        // Both digits are below 16.
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(out)
}

fn bytes_fromhex<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("fromhex", kw)?;
    let cls = args
        .first()
        .ok_or_else(|| unbound(vm, "bytes", "fromhex"))?;
    vm.check_args("fromhex", &args[1..], 1, 1)?;
    let s = args[1].as_str().ok_or_else(|| {
        vm.type_error(format!(
            "fromhex() argument must be str, not {}",
            vm.type_name(&args[1])
        ))
    })?;
    let b = parse_fromhex(s).map_err(|pos| {
        vm.value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {pos}"
        ))
    })?;
    let r = ObjRef::new_bytes(&b);
    if cls.is_same(&vm.types().bytes) {
        return Ok(r);
    }
    vm.call(cls, &[r], Kw::EMPTY)
}

// ---------------------------------------------------------------------------
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
    fn codec_names_normalise() {
        assert_eq!(lookup_codec("UTF-8"), Some(Codec::Utf8));
        assert_eq!(lookup_codec("utf8"), Some(Codec::Utf8));
        assert_eq!(lookup_codec("Latin-1"), Some(Codec::Latin1));
        assert_eq!(lookup_codec("iso-8859-1"), Some(Codec::Latin1));
        assert_eq!(lookup_codec("US-ASCII"), Some(Codec::Ascii));
        assert_eq!(lookup_codec("foo"), None);
    }

    #[test]
    fn encode_errors_and_handlers() {
        // python3: 'ab€€c'.encode('ascii') -> positions 2-3
        assert_eq!(
            encode_text("ab€€c", Codec::Ascii, Handler::Strict),
            Err(EncodeFail::Unencodable {
                start: 2,
                end: 4,
                ch: '€'
            })
        );
        assert_eq!(
            encode_error_message(Codec::Ascii, 2, 4, '€'),
            "'ascii' codec can't encode characters in position 2-3: ordinal not in range(128)"
        );
        assert_eq!(
            encode_error_message(Codec::Latin1, 2, 3, '€'),
            "'latin-1' codec can't encode character '\\u20ac' in position 2: ordinal not in range(256)"
        );
        // python3: 'aé€'.encode('latin-1', 'replace') == b'a\xe9?'
        assert_eq!(
            encode_text("aé€", Codec::Latin1, Handler::Replace).unwrap(),
            b"a\xe9?"
        );
        // python3: 'é€😀'.encode('ascii', 'backslashreplace')
        assert_eq!(
            encode_text("é€😀", Codec::Ascii, Handler::BackslashReplace).unwrap(),
            b"\\xe9\\u20ac\\U0001f600"
        );
        // python3: 'a€'.encode('ascii', 'xmlcharrefreplace') == b'a&#8364;'
        assert_eq!(
            encode_text("a€", Codec::Ascii, Handler::XmlCharRefReplace).unwrap(),
            b"a&#8364;"
        );
        assert_eq!(
            encode_text("a€", Codec::Ascii, Handler::Ignore).unwrap(),
            b"a"
        );
        // An unknown handler only matters once an error occurs.
        assert_eq!(
            encode_text("abc", Codec::Ascii, Handler::Unknown).unwrap(),
            b"abc"
        );
    }

    #[test]
    fn utf8_error_ranges_match_cpython() {
        // Values from python3's UnicodeDecodeError start/end/reason.
        assert_eq!(utf8_error(b"\xff"), Some((0, 1, "invalid start byte")));
        assert_eq!(
            utf8_error(b"\xe2\x82"),
            Some((0, 2, "unexpected end of data"))
        );
        assert_eq!(
            utf8_error(b"\xe2\x82a"),
            Some((0, 2, "invalid continuation byte"))
        );
        assert_eq!(
            utf8_error(b"ab\xe2a"),
            Some((2, 3, "invalid continuation byte"))
        );
        assert_eq!(
            utf8_error(b"\xed\xa0\x80"),
            Some((0, 1, "invalid continuation byte"))
        );
        assert_eq!(utf8_error(b"\xc0\x80"), Some((0, 1, "invalid start byte")));
        assert_eq!(utf8_error(b"ok"), None);
    }

    #[test]
    fn decode_handlers() {
        // python3: b'\xffa\xe2\x82'.decode('utf-8', 'replace') == '\ufffda\ufffd'
        assert_eq!(
            decode_bytes(b"\xffa\xe2\x82", Codec::Utf8, Handler::Replace).unwrap(),
            "\u{fffd}a\u{fffd}"
        );
        // python3: b'\xffa'.decode('ascii', 'backslashreplace') == '\\xffa'
        assert_eq!(
            decode_bytes(b"\xffa", Codec::Ascii, Handler::BackslashReplace).unwrap(),
            "\\xffa"
        );
        assert_eq!(
            decode_bytes(b"\xe9", Codec::Latin1, Handler::Strict).unwrap(),
            "é"
        );
        assert_eq!(
            decode_bytes(b"a\xffb", Codec::Ascii, Handler::Strict),
            Err(DecodeFail::Undecodable {
                start: 1,
                end: 2,
                reason: "ordinal not in range(128)"
            })
        );
        assert_eq!(
            decode_error_message(Codec::Utf8, b"\xe2\x82", 0, 2, "unexpected end of data"),
            "'utf-8' codec can't decode bytes in position 0-1: unexpected end of data"
        );
    }

    #[test]
    fn bytes_helpers() {
        // python3: b'  a b  c '.split() / .rsplit(None, 1) / b'a,b,,c'.rsplit(b',', 2)
        let v: Vec<&[u8]> = vec![b"a", b"b", b"c"];
        assert_eq!(bsplit(b"  a b  c ", None, -1, false), v);
        let v: Vec<&[u8]> = vec![b"  a b", b"c"];
        assert_eq!(bsplit(b"  a b  c ", None, 1, true), v);
        let v: Vec<&[u8]> = vec![b"a,b", b"", b"c"];
        assert_eq!(bsplit(b"a,b,,c", Some(b","), 2, true), v);
        // python3: b'abcab'.find(b'b', 2) == 4, b'abc'.count(b'') == 4
        assert_eq!(
            bytes_search_in(b"abcab", b"b", Some(2), None, Search::Find),
            4
        );
        assert_eq!(bytes_search_in(b"abc", b"", None, None, Search::Count), 4);
        assert_eq!(
            bytes_search_in(b"abc", b"", Some(4), None, Search::Find),
            -1
        );
        // python3: b'abc'.replace(b'', b'-') == b'-a-b-c-'
        assert_eq!(breplace(b"abc", b"", b"-", -1).unwrap(), b"-a-b-c-");
        assert_eq!(breplace(b"aaa", b"a", b"bb", 2).unwrap(), b"bbbba");
        // python3: b'abc'.hex(':', 2) == '61:6263'; b'abcde'.hex(':', -2)
        assert_eq!(hex_with_sep(b"abc", Some(':'), 2), "61:6263");
        assert_eq!(hex_with_sep(b"abcde", Some(':'), -2), "6162:6364:65");
        assert_eq!(hex_with_sep(b"\x00\xff", None, 1), "00ff");
        // python3: bytes.fromhex('de ad BE') == b'\xde\xad\xbe'
        assert_eq!(parse_fromhex("de ad BE").unwrap(), b"\xde\xad\xbe");
        assert_eq!(parse_fromhex("abc"), Err(3));
        assert_eq!(parse_fromhex("zz"), Err(0));
    }

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
