//! `bytearray` (`Objects/bytearrayobject.c`): the constructor, the
//! methods that change it (`append`, `extend`, `insert`, `pop`, `remove`,
//! `clear`, `reverse`, `copy`), and every `bytes` method, run on a copy of
//! the contents with results turned back into bytearrays (CPython's
//! bytearray methods return new bytearrays where bytes' return bytes).
//! Indexing, slicing, assignment, `+`, `*`, `in`, comparison and `repr`
//! are in [`crate::objects::protocols`].

use std::borrow::Cow;

use ftl_object::{HeapPolicy, Kind, ObjRef};

use crate::interpreter::state::{BuiltinFn, ExcType, Kw, PyResult, Vm};
use crate::objects::*;

use super::args::*;

/// `bytearray()`, `bytearray(n)`, `bytearray(bytes_like)`,
/// `bytearray(iterable_of_ints)`, `bytearray(str, encoding[, errors])`.
pub fn bytearray_new<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let a = parse_args(
        vm,
        "bytearray",
        &args[1..],
        kw,
        &["source", "encoding", "errors"],
        3,
        0,
    )?;
    let Some(x) = &a[0] else {
        if a[1].is_some() || a[2].is_some() {
            return Err(vm.type_error("encoding or errors without sequence argument"));
        }
        return Ok(ObjRef::new_bytearray(Vec::new()));
    };
    if x.kind() == Kind::Str {
        let Some(encoding) = &a[1] else {
            return Err(vm.type_error("string argument without an encoding"));
        };
        let encode = vm.getattr(x, &vm.intern("encode"))?;
        let mut enc_args = vec![encoding.clone()];
        enc_args.extend(a[2].clone());
        let b = vm.call(&encode, &enc_args, Kw::EMPTY)?;
        return Ok(ObjRef::new_bytearray(b.as_bytes().unwrap_or(&[]).to_vec()));
    }
    if a[1].is_some() {
        return Err(vm.type_error("encoding without a string argument"));
    }
    if a[2].is_some() {
        return Err(vm.type_error("errors without a string argument"));
    }
    if let Some(b) = vm.bytes_like(x) {
        return Ok(ObjRef::new_bytearray(b.into_owned()));
    }
    if matches!(x.kind(), Kind::Int | Kind::Bool) {
        let n = vm.index_i64(x)?;
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        return Ok(ObjRef::new_bytearray(vec![0u8; n as usize]));
    }
    if vm.get_iter(x).is_err() {
        return Err(vm.type_error(format!(
            "cannot convert '{}' object to bytearray",
            vm.type_name(x)
        )));
    }
    let mut out = Vec::new();
    for item in vm.collect(x)? {
        out.push(vm.byte_value(&item)?);
    }
    Ok(ObjRef::new_bytearray(out))
}

impl<P: HeapPolicy> Vm<P> {
    /// The bytes of a bytes or bytearray object (borrowed, or copied from
    /// the bytearray), `None` for anything else.
    pub fn bytes_like<'a>(&self, o: &'a Obj<P>) -> Option<Cow<'a, [u8]>> {
        if let Some(b) = o.as_bytes() {
            return Some(Cow::Borrowed(b));
        }
        o.as_bytearray().map(|b| Cow::Owned(b.to_vec()))
    }

    /// An int in `range(0, 256)`, as a byte.
    pub fn byte_value(&self, o: &Obj<P>) -> PyResult<u8, P> {
        let v = self.index_i64(o)?;
        u8::try_from(v).map_err(|_| self.value_error("byte must be in range(0, 256)"))
    }
}

/// Installs the methods of `bytearray`.
pub fn install<P: HeapPolicy>(vm: &Vm<P>) {
    let t = vm.types();
    let own: &[(&'static str, BuiltinFn<P>)] = &[
        ("append", ba_append::<P>),
        ("extend", ba_extend::<P>),
        ("insert", ba_insert::<P>),
        ("pop", ba_pop::<P>),
        ("remove", ba_remove::<P>),
        ("clear", ba_clear::<P>),
        ("copy", ba_copy::<P>),
        ("reverse", ba_reverse::<P>),
    ];
    for (name, f) in own {
        vm.add_method(&t.bytearray, "bytearray", name, *f);
    }
    for (name, f) in delegated::<P>() {
        vm.add_method(&t.bytearray, "bytearray", name, *f);
    }
    vm.add_wrapped_method(&t.bytearray, "fromhex", ba_fromhex::<P>, true);
}

/// The receiver of a bytearray method.
fn this<'a, P: HeapPolicy>(
    vm: &Vm<P>,
    args: &'a [Obj<P>],
    name: &str,
) -> PyResult<&'a ftl_object::types::ByteArray<P>, P> {
    match args.first() {
        Some(o) => o.as_bytearray().ok_or_else(|| {
            vm.type_error(format!(
                "descriptor '{name}' for 'bytearray' objects doesn't apply to a '{}' object",
                vm.type_name(o)
            ))
        }),
        None => Err(vm.type_error(format!(
            "unbound method bytearray.{name}() needs an argument"
        ))),
    }
}

fn ba_append<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let ba = this(vm, args, "append")?;
    vm.check_args("append", &args[1..], 1, 1)?;
    ba.push(vm.byte_value(&args[1])?);
    Ok(ObjRef::none())
}

fn ba_extend<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let ba = this(vm, args, "extend")?;
    vm.check_args("extend", &args[1..], 1, 1)?;
    let data = extend_bytes(vm, &args[1])?;
    ba.extend(&data);
    Ok(ObjRef::none())
}

/// What `extend` and slice assignment take: a bytes-like object's bytes,
/// or an iterable's ints.
pub fn extend_bytes<P: HeapPolicy>(vm: &Vm<P>, o: &Obj<P>) -> PyResult<Vec<u8>, P> {
    if let Some(b) = vm.bytes_like(o) {
        return Ok(b.into_owned());
    }
    if vm.get_iter(o).is_err() {
        return Err(vm.type_error(format!("can't extend bytearray with {}", vm.type_name(o))));
    }
    let mut out = Vec::new();
    for item in vm.collect(o)? {
        out.push(vm.byte_value(&item)?);
    }
    Ok(out)
}

/// A position argument with negative values counted from the end.
fn position<P: HeapPolicy>(vm: &Vm<P>, o: &Obj<P>, len: usize) -> PyResult<i64, P> {
    let i = vm.index_i64(o)?;
    Ok(if i < 0 { i + len as i64 } else { i })
}

fn ba_insert<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let ba = this(vm, args, "insert")?;
    vm.check_args("insert", &args[1..], 2, 2)?;
    let i = position(vm, &args[1], ba.len())?.max(0) as usize;
    ba.insert(i, vm.byte_value(&args[2])?);
    Ok(ObjRef::none())
}

fn ba_pop<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let ba = this(vm, args, "pop")?;
    vm.check_args("pop", &args[1..], 0, 1)?;
    let len = ba.len();
    if len == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let i = match args.get(1) {
        Some(o) => position(vm, o, len)?,
        None => len as i64 - 1,
    };
    if i < 0 {
        return Err(vm.index_error("pop index out of range"));
    }
    match ba.remove_at(i as usize) {
        Some(b) => Ok(ObjRef::from_i64(b as i64)),
        None => Err(vm.index_error("pop index out of range")),
    }
}

fn ba_remove<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let ba = this(vm, args, "remove")?;
    vm.check_args("remove", &args[1..], 1, 1)?;
    let b = vm.byte_value(&args[1])?;
    match ba.to_vec().iter().position(|&x| x == b) {
        Some(i) => {
            ba.remove_at(i);
            Ok(ObjRef::none())
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

fn ba_clear<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    this(vm, args, "clear")?.clear();
    Ok(ObjRef::none())
}

fn ba_copy<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    Ok(ObjRef::new_bytearray(this(vm, args, "copy")?.to_vec()))
}

fn ba_reverse<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    this(vm, args, "reverse")?.reverse();
    Ok(ObjRef::none())
}

/// `bytearray.fromhex(s)`: `bytes.fromhex`'s bytes in a bytearray.
fn ba_fromhex<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let bytes_type = vm.types().bytes.clone();
    let f = vm.getattr(&bytes_type, &vm.intern("fromhex"))?;
    let b = vm.call(&f, &args[1..], kw)?;
    Ok(ObjRef::new_bytearray(b.as_bytes().unwrap_or(&[]).to_vec()))
}

/// A bytes result as a bytearray (also inside a list or tuple: `split`,
/// `partition`); other results unchanged.
fn to_bytearray<P: HeapPolicy>(o: Obj<P>) -> Obj<P> {
    if let Some(b) = o.as_bytes() {
        return ObjRef::new_bytearray(b.to_vec());
    }
    if let Some(items) = o.as_tuple() {
        return ObjRef::new_tuple(items.iter().cloned().map(to_bytearray).collect());
    }
    if let Some(l) = o.as_list() {
        return ObjRef::new_list(l.snapshot().into_iter().map(to_bytearray).collect());
    }
    o
}

/// Runs `bytes.NAME` on a copy of the receiver (bytearray arguments, and
/// for `join` the items, copied to bytes too) and turns bytes results
/// into bytearrays.
fn delegate<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>, name: &str) -> R<P> {
    let ba = this(vm, args, name)?;
    let as_bytes = |o: &Obj<P>| match o.as_bytearray() {
        Some(b) => ObjRef::new_bytes(&b.to_vec()),
        None => o.clone(),
    };
    let mut call_args = vec![ObjRef::new_bytes(&ba.to_vec())];
    for a in &args[1..] {
        call_args.push(as_bytes(a));
    }
    if name == "join" {
        if let Some(it) = args.get(1) {
            let items: Vec<Obj<P>> = vm.collect(it)?.iter().map(as_bytes).collect();
            call_args[1] = ObjRef::new_list(items);
        }
    }
    let bytes_type = vm.types().bytes.clone();
    let Some(f) = vm.lookup_in_class(&bytes_type, &vm.intern(name)) else {
        return Err(vm.new_error(ExcType::AttributeError, format!("bytes has no {name}")));
    };
    let r = vm.call(&f, &call_args, kw)?;
    Ok(match name {
        "decode" | "hex" => r,
        _ => to_bytearray(r),
    })
}

macro_rules! delegated_methods {
    ($($f:ident => $name:literal),* $(,)?) => {
        $(
            fn $f<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
                delegate(vm, args, kw, $name)
            }
        )*
        fn delegated<P: HeapPolicy>() -> &'static [(&'static str, BuiltinFn<P>)] {
            &[$(($name, $f::<P>)),*]
        }
    };
}

delegated_methods! {
    ba_decode => "decode", ba_hex => "hex", ba_count => "count",
    ba_find => "find", ba_rfind => "rfind", ba_index => "index",
    ba_rindex => "rindex", ba_startswith => "startswith",
    ba_endswith => "endswith", ba_split => "split", ba_rsplit => "rsplit",
    ba_strip => "strip", ba_lstrip => "lstrip", ba_rstrip => "rstrip",
    ba_replace => "replace", ba_join => "join", ba_partition => "partition",
    ba_rpartition => "rpartition", ba_removeprefix => "removeprefix",
    ba_removesuffix => "removesuffix", ba_upper => "upper", ba_lower => "lower",
    ba_isdigit => "isdigit", ba_isalpha => "isalpha", ba_isalnum => "isalnum",
    ba_isspace => "isspace", ba_isupper => "isupper", ba_islower => "islower",
    ba_isascii => "isascii",
}
