//! Argument handling shared by the built-in types' methods: receivers
//! checked with CPython's "descriptor ... doesn't apply" errors, positional
//! and keyword parsing in the order CPython's `_PyArg_UnpackKeywords`
//! reports errors, slice indices, and small result builders.

use ftl_object::{HeapPolicy, IntValue, Kind, ObjRef};
use num_traits::Signed;

use crate::interpreter::state::{ExcType, Kw, PyErr, PyResult, Vm};
use crate::objects::*;

pub(super) use crate::interpreter::state::ObjResult as R;

// ---------------------------------------------------------------------------
// Argument handling shared by the methods
// ---------------------------------------------------------------------------

/// `TypeError` for a method descriptor called without its receiver.
pub(super) fn unbound<P: HeapPolicy>(vm: &Vm<P>, owner: &str, name: &str) -> PyErr<P> {
    vm.type_error(format!("unbound method {owner}.{name}() needs an argument"))
}

/// `TypeError` for a method descriptor called on the wrong type.
pub(super) fn descr_error<P: HeapPolicy>(
    vm: &Vm<P>,
    owner: &str,
    name: &str,
    o: &Obj<P>,
) -> PyErr<P> {
    vm.type_error(format!(
        "descriptor '{name}' for '{owner}' objects doesn't apply to a '{}' object",
        vm.type_name(o)
    ))
}

/// The `str` receiver of method `name`.
pub(super) fn this_str<'a, P: HeapPolicy>(
    vm: &Vm<P>,
    args: &'a [Obj<P>],
    name: &str,
) -> PyResult<&'a str, P> {
    let o = args.first().ok_or_else(|| unbound(vm, "str", name))?;
    o.as_str().ok_or_else(|| descr_error(vm, "str", name, o))
}

/// The `bytes` receiver of method `name`.
pub(super) fn this_bytes<'a, P: HeapPolicy>(
    vm: &Vm<P>,
    args: &'a [Obj<P>],
    name: &str,
) -> PyResult<&'a [u8], P> {
    let o = args.first().ok_or_else(|| unbound(vm, "bytes", name))?;
    o.as_bytes()
        .ok_or_else(|| descr_error(vm, "bytes", name, o))
}

/// The `int` (or `bool`) receiver of method `name`.
pub(super) fn this_int<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    name: &str,
) -> PyResult<IntValue, P> {
    let o = args.first().ok_or_else(|| unbound(vm, "int", name))?;
    vm.int_value(o)
        .ok_or_else(|| descr_error(vm, "int", name, o))
}

/// The `float` receiver of method `name`.
pub(super) fn this_float<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    name: &str,
) -> PyResult<f64, P> {
    let o = args.first().ok_or_else(|| unbound(vm, "float", name))?;
    match o.kind() {
        Kind::Float => o.as_f64().ok_or_else(|| descr_error(vm, "float", name, o)),
        _ => Err(descr_error(vm, "float", name, o)),
    }
}

/// A method without arguments (`METH_NOARGS`): `qual` is `type.name`.
pub(super) fn noargs<P: HeapPolicy>(
    vm: &Vm<P>,
    qual: &str,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
) -> PyResult<(), P> {
    vm.no_kw(qual, kw)?;
    vm.check_args(qual, &args[1..], 0, 0)
}

/// A method with exactly one positional argument (`METH_O`).
pub(super) fn one_arg<P: HeapPolicy>(
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
pub(super) fn positional<P: HeapPolicy>(
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
pub(super) fn plural(n: usize) -> &'static str {
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
pub(crate) fn parse_args<P: HeapPolicy>(
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
pub(crate) fn str_param<'a, P: HeapPolicy>(
    vm: &Vm<P>,
    fname: &str,
    param: &str,
    o: &'a Obj<P>,
) -> PyResult<&'a str, P> {
    vm.str_of(o).ok_or_else(|| {
        vm.type_error(format!(
            "{fname}() argument {param} must be str, not {}",
            vm.type_name(o)
        ))
    })
}

/// A slice bound of `find`, `count`, `startswith`...: `None` or an int;
/// ints beyond the machine range are clamped, as `_PyEval_SliceIndex` does.
pub(super) fn slice_index<P: HeapPolicy>(
    vm: &Vm<P>,
    o: Option<&Obj<P>>,
) -> PyResult<Option<i64>, P> {
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
pub(super) type FindArgs<'a, P> = (&'a Obj<P>, Option<i64>, Option<i64>);

/// The arguments of `find`-like methods (`sub[, start[, end]]`, no
/// keywords), with `stringlib_parse_args_finds`'s messages.
pub(super) fn finds_args<'a, P: HeapPolicy>(
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
pub(super) fn memory_error<P: HeapPolicy>(vm: &Vm<P>) -> PyErr<P> {
    vm.new_error(ExcType::MemoryError, "")
}

/// A list of new `str` objects.
pub(super) fn str_list<P: HeapPolicy>(items: Vec<String>) -> Obj<P> {
    ObjRef::from_list_vec(items.into_iter().map(ObjRef::from_string).collect())
}

/// A list of new `bytes` objects.
pub(super) fn bytes_list<P: HeapPolicy>(items: Vec<&[u8]>) -> Obj<P> {
    ObjRef::from_list_vec(items.into_iter().map(ObjRef::new_bytes).collect())
}

/// A 3-tuple of strings.
pub(super) fn str_triple<P: HeapPolicy>(t: (String, String, String)) -> Obj<P> {
    ObjRef::new_tuple(vec![
        ObjRef::from_string(t.0),
        ObjRef::from_string(t.1),
        ObjRef::from_string(t.2),
    ])
}

// ---------------------------------------------------------------------------

/// Which end(s) `strip` works on.
#[derive(Clone, Copy)]
pub(super) enum Ends {
    Both,
    Left,
    Right,
}

/// Which search a `find`-like method does.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Search {
    Find,
    RFind,
    Index,
    RIndex,
    Count,
}

/// Defines methods without arguments (`METH_NOARGS`) of the type whose
/// receiver `$this` extracts (`this_str`, `this_bytes`), each from a
/// function of the receiver's value.
macro_rules! noargs_methods {
    ($this:ident, $ty:literal: $($fn_name:ident = $py:literal => |$s:ident| $body:expr;)*) => {
        $(
            pub(super) fn $fn_name<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
                let $s = $this(vm, args, $py)?;
                noargs(vm, concat!($ty, ".", $py), args, kw)?;
                Ok($body)
            }
        )*
    };
}
pub(super) use noargs_methods;

/// The single code point of a one-character string.
pub(super) fn single_char(s: &str) -> Option<char> {
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// A C `int` argument (`tabsize`, `bytes_per_sep`, `keepends`).
pub(crate) fn c_int<P: HeapPolicy>(vm: &Vm<P>, o: &Obj<P>) -> PyResult<i64, P> {
    let v = vm.arg_int(o)?;
    match v.as_i64() {
        Some(n) if i32::try_from(n).is_ok() => Ok(n),
        _ => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}
