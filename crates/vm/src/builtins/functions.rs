//! The built-in functions (`print`, `len`, `sorted`, ...).
//!
//! Each follows the CPython 3.11 function of the same name, including its
//! error messages where the subset's programs can observe them.

use ftl_object::{HeapPolicy, IntValue, Kind, ObjRef};

use crate::interpreter::state::{BuiltinFn, ExcType, Kw, PyErr, PyResult, Vm};
use crate::objects::*;
use ftl_syntax::ast::{BinOp, CmpOp};

use crate::interpreter::state::ObjResult as R;

/// Every built-in function with its name.
pub fn all<P: HeapPolicy>() -> &'static [(&'static str, BuiltinFn<P>)] {
    &[
        ("print", print::<P>),
        ("len", len::<P>),
        ("repr", repr::<P>),
        ("ascii", ascii::<P>),
        ("abs", abs::<P>),
        ("min", min::<P>),
        ("max", max::<P>),
        ("sum", sum::<P>),
        ("sorted", sorted::<P>),
        ("any", any::<P>),
        ("all", all_::<P>),
        ("isinstance", isinstance::<P>),
        ("issubclass", issubclass::<P>),
        ("hasattr", hasattr::<P>),
        ("getattr", getattr::<P>),
        ("setattr", setattr::<P>),
        ("delattr", delattr::<P>),
        ("id", id::<P>),
        ("hash", hash::<P>),
        ("iter", iter::<P>),
        ("next", next::<P>),
        ("chr", chr::<P>),
        ("ord", ord::<P>),
        ("hex", hex::<P>),
        ("oct", oct::<P>),
        ("bin", bin::<P>),
        ("divmod", divmod::<P>),
        ("pow", pow::<P>),
        ("round", round::<P>),
        ("callable", callable::<P>),
        ("format", format::<P>),
    ]
}

fn print<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    let mut file: Option<Obj<P>> = None;
    let mut flush = false;
    for (k, v) in kw.iter() {
        match k {
            "sep" if !v.is_none() => {
                sep = v
                    .as_str()
                    .ok_or_else(|| {
                        vm.type_error(format!(
                            "sep must be None or a string, not {}",
                            vm.type_name(v)
                        ))
                    })?
                    .to_string()
            }
            "end" if !v.is_none() => {
                end = v
                    .as_str()
                    .ok_or_else(|| {
                        vm.type_error(format!(
                            "end must be None or a string, not {}",
                            vm.type_name(v)
                        ))
                    })?
                    .to_string()
            }
            "file" if !v.is_none() => file = Some(v.clone()),
            "flush" => flush = vm.is_true(v)?,
            "sep" | "end" | "file" => {}
            other => {
                return Err(vm.type_error(format!(
                    "'{other}' is an invalid keyword argument for print()"
                )))
            }
        }
    }
    let file = file.or_else(|| vm.sys_stream("stdout"));
    if let Some(f) = file.as_ref().filter(|f| !f.is::<crate::objects::Stream>()) {
        // A Python file object gets each piece by its own `write` call,
        // as CPython's print makes them (what a capturing `write` sees).
        let write = vm.getattr(f, &vm.intern("write"))?;
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                vm.call(&write, &[vm.new_str(sep.clone())], Kw::EMPTY)?;
            }
            vm.call(&write, &[vm.str_obj(a)?], Kw::EMPTY)?;
        }
        vm.call(&write, &[vm.new_str(end)], Kw::EMPTY)?;
        if flush {
            let flush = vm.getattr(f, &vm.intern("flush"))?;
            vm.call(&flush, &[], Kw::EMPTY)?;
        }
        return Ok(ObjRef::none());
    }
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match a.as_str() {
            Some(s) => out.push_str(s),
            None => out.push_str(&vm.str_(a)?),
        }
    }
    out.push_str(&end);
    vm.write_to(file.as_ref(), &out, flush)?;
    Ok(ObjRef::none())
}

fn len<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("len", kw)?;
    vm.check_args("len", args, 1, 1)?;
    Ok(ObjRef::from_i64(vm.len(&args[0])? as i64))
}

fn repr<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("repr", args, 1, 1)?;
    Ok(vm.new_str(vm.repr(&args[0])?))
}

fn ascii<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("ascii", args, 1, 1)?;
    Ok(vm.new_str(ftl_algorithms::str_methods::ascii_escape(
        &vm.repr(&args[0])?,
    )))
}

fn abs<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("abs", args, 1, 1)?;
    vm.abs(&args[0])
}

fn min_max<P: HeapPolicy>(
    vm: &Vm<P>,
    name: &str,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
    op: CmpOp,
) -> R<P> {
    let key = kw.get("key").filter(|k| !k.is_none()).cloned();
    let default = kw.get("default").cloned();
    for (k, _) in kw.iter() {
        if k != "key" && k != "default" {
            return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for {name}()")));
        }
    }
    let items = match args.len() {
        0 => return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => vm.collect(&args[0])?,
        _ => {
            if default.is_some() {
                return Err(vm.type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            args.to_vec()
        }
    };
    let mut best: Option<(Obj<P>, Obj<P>)> = None;
    for item in items {
        let k = match &key {
            Some(f) => vm.call(f, core::slice::from_ref(&item), Kw::EMPTY)?,
            None => item.clone(),
        };
        best = Some(match best {
            None => (k, item),
            Some((bk, bi)) => {
                if vm.compare_bool(&k, &bk, op)? {
                    (k, item)
                } else {
                    (bk, bi)
                }
            }
        });
    }
    match best {
        Some((_, v)) => Ok(v),
        None => default.ok_or_else(|| vm.value_error(format!("{name}() arg is an empty sequence"))),
    }
}

fn min<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    min_max(vm, "min", args, kw, CmpOp::Lt)
}

fn max<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    min_max(vm, "max", args, kw, CmpOp::Gt)
}

fn sum<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.check_args("sum", args, 1, 2)?;
    let mut acc = match kw.get("start").or(args.get(1)) {
        Some(s) => {
            if s.kind() == Kind::Str {
                return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
            }
            s.clone()
        }
        None => ObjRef::from_i64(0),
    };
    let it = vm.get_iter(&args[0])?;
    while let Some(v) = vm.next(&it)? {
        acc = vm.binary_op(&acc, &v, BinOp::Add)?;
    }
    Ok(acc)
}

/// `list.sort(key=key, reverse=reverse)` on `items`, with CPython's
/// timsort ([`ftl_algorithms::timsort`]), so that `<` is called on the same pairs in
/// the same order as CPython. The items come back in their final order
/// even when the sort fails: untouched if a key function raised (the keys
/// are all computed first), else the permutation CPython leaves when a
/// comparison raised.
pub fn sort_items<P: HeapPolicy>(
    vm: &Vm<P>,
    items: Vec<Obj<P>>,
    key: Option<&Obj<P>>,
    reverse: bool,
) -> (Vec<Obj<P>>, PyResult<(), P>) {
    let lt = |a: &Obj<P>, b: &Obj<P>| vm.compare_bool(a, b, CmpOp::Lt);
    match key {
        None => {
            let mut items = items;
            let r = ftl_algorithms::timsort::list_sort(&mut items, reverse, lt);
            (items, r)
        }
        Some(f) => {
            let keys: PyResult<Vec<Obj<P>>, P> = items
                .iter()
                .map(|i| vm.call(f, core::slice::from_ref(i), Kw::EMPTY))
                .collect();
            let keys = match keys {
                Ok(k) => k,
                Err(e) => return (items, Err(e)),
            };
            let mut pairs: Vec<(Obj<P>, Obj<P>)> = keys.into_iter().zip(items).collect();
            let r = ftl_algorithms::timsort::list_sort(&mut pairs, reverse, |a, b| lt(&a.0, &b.0));
            (pairs.into_iter().map(|(_, v)| v).collect(), r)
        }
    }
}

fn sorted<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    if args.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", args.len())));
    }
    let key = kw.get("key").filter(|k| !k.is_none());
    let reverse = match kw.get("reverse") {
        Some(r) => vm.is_true(r)?,
        None => false,
    };
    let items = vm.collect(&args[0])?;
    let (sorted, result) = sort_items(vm, items, key, reverse);
    result?;
    Ok(ObjRef::from_list_vec(sorted))
}

fn any<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("any", args, 1, 1)?;
    let it = vm.get_iter(&args[0])?;
    while let Some(v) = vm.next(&it)? {
        if vm.is_true(&v)? {
            return Ok(ObjRef::from_bool(true));
        }
    }
    Ok(ObjRef::from_bool(false))
}

fn all_<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("all", args, 1, 1)?;
    let it = vm.get_iter(&args[0])?;
    while let Some(v) = vm.next(&it)? {
        if !vm.is_true(&v)? {
            return Ok(ObjRef::from_bool(false));
        }
    }
    Ok(ObjRef::from_bool(true))
}

/// The `__instancecheck__` / `__subclasscheck__` that `cls`'s type defines
/// in Python (a metaclass's, or the class of a non-class object such as a
/// `typing` alias).
fn class_hook<P: HeapPolicy>(vm: &Vm<P>, cls: &Obj<P>, name: &str) -> Option<Obj<P>> {
    let t = if let Some(c) = cls.downcast::<Class<P>>() {
        c.meta.as_ref()?
    } else if let Some(i) = cls.downcast::<Instance<P>>() {
        &i.class
    } else {
        return None;
    };
    vm.user_method(t, &vm.intern(name))
}

/// `isinstance(obj, cls)` / `issubclass(obj, cls)` for one item of the
/// second argument (CPython's `PyObject_IsInstance` / `IsSubclass`): a
/// tuple is searched, the exact type answers at once, then the hook of
/// `cls`'s type, then the MRO.
fn class_check<P: HeapPolicy>(
    vm: &Vm<P>,
    name: &str,
    obj: &Obj<P>,
    cls: &Obj<P>,
    depth: u32,
) -> PyResult<bool, P> {
    if let Some(items) = cls.as_tuple() {
        if depth > 200 {
            return Err(vm.new_error(ExcType::RecursionError, "maximum recursion depth exceeded"));
        }
        for c in items {
            if class_check(vm, name, obj, c, depth + 1)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let instance = name == "isinstance";
    if instance && vm.type_of(obj).is_same(cls) {
        return Ok(true);
    }
    let hook = if instance {
        "__instancecheck__"
    } else {
        "__subclasscheck__"
    };
    if let Some(f) = class_hook(vm, cls, hook) {
        let r = vm.call(&f, &[cls.clone(), obj.clone()], Kw::EMPTY)?;
        return vm.is_true(&r);
    }
    if !cls.is::<Class<P>>() {
        return Err(vm.type_error(format!(
            "{name}() arg 2 must be a type, a tuple of types, or a union"
        )));
    }
    if instance {
        Ok(vm.isinstance(obj, cls))
    } else if obj.is::<Class<P>>() {
        Ok(vm.is_subclass(obj, cls))
    } else {
        Err(vm.type_error("issubclass() arg 1 must be a class"))
    }
}

fn isinstance<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("isinstance", args, 2, 2)?;
    let r = class_check(vm, "isinstance", &args[0], &args[1], 0)?;
    Ok(ObjRef::from_bool(r))
}

fn issubclass<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("issubclass", args, 2, 2)?;
    let r = class_check(vm, "issubclass", &args[0], &args[1], 0)?;
    Ok(ObjRef::from_bool(r))
}

fn attr_name<P: HeapPolicy>(vm: &Vm<P>, o: &Obj<P>, what: &str) -> PyResult<Obj<P>, P> {
    match o.as_str() {
        Some(s) => Ok(vm.intern(s)),
        None => Err(vm.type_error(format!(
            "{what}(): attribute name must be string, not '{}'",
            vm.type_name(o)
        ))),
    }
}

fn hasattr<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("hasattr", args, 2, 2)?;
    let name = attr_name(vm, &args[1], "hasattr")?;
    match vm.getattr(&args[0], &name) {
        Ok(_) => Ok(ObjRef::from_bool(true)),
        Err(e) if vm.err_matches(&e, ExcType::AttributeError) => Ok(ObjRef::from_bool(false)),
        Err(e) => Err(e),
    }
}

fn getattr<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("getattr", args, 2, 3)?;
    let name = attr_name(vm, &args[1], "getattr")?;
    match vm.getattr(&args[0], &name) {
        Ok(v) => Ok(v),
        Err(e) if args.len() == 3 && vm.err_matches(&e, ExcType::AttributeError) => {
            Ok(args[2].clone())
        }
        Err(e) => Err(e),
    }
}

fn setattr<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("setattr", args, 3, 3)?;
    let name = attr_name(vm, &args[1], "setattr")?;
    vm.setattr(&args[0], &name, args[2].clone())?;
    Ok(ObjRef::none())
}

fn delattr<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("delattr", args, 2, 2)?;
    let name = attr_name(vm, &args[1], "delattr")?;
    vm.delattr(&args[0], &name)?;
    Ok(ObjRef::none())
}

fn id<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("id", args, 1, 1)?;
    Ok(ObjRef::from_int(IntValue::from_bigint(
        (args[0].addr() as u64).into(),
    )))
}

fn hash<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("hash", args, 1, 1)?;
    Ok(ObjRef::from_i64(vm.hash(&args[0])?))
}

fn iter<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("iter", args, 1, 1)?;
    vm.get_iter(&args[0])
}

fn next<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("next", args, 1, 2)?;
    let it = &args[0];
    if it.is::<Instance<P>>() && vm.lookup_type_attr(it, &vm.interp.names.next).is_none() {
        return Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_name(it))));
    }
    if it.is::<Instance<P>>() && args.len() == 1 {
        // Let the user's StopIteration (with its value) propagate as is.
        let f = vm
            .lookup_type_attr(it, &vm.interp.names.next)
            .expect("checked");
        return vm.call(&f, core::slice::from_ref(it), Kw::EMPTY);
    }
    if it.is::<Generator<P>>() && args.len() == 1 {
        return match vm.gen_resume(it)? {
            Ok(v) => Ok(v),
            Err(ret) => {
                let args = if ret.is_none() { vec![] } else { vec![ret] };
                Err(PyErr(vm.make_exception(
                    vm.exc_class(ExcType::StopIteration).clone(),
                    args,
                )))
            }
        };
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr(vm.make_exception(
                vm.exc_class(ExcType::StopIteration).clone(),
                vec![],
            ))),
        },
    }
}

fn chr<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("chr", args, 1, 1)?;
    let i = vm.arg_int(&args[0])?;
    match i
        .as_i64()
        .and_then(|v| u32::try_from(v).ok())
        .and_then(char::from_u32)
    {
        Some(c) => Ok(vm.char_str(c)),
        None => match i.as_i64() {
            Some(v) if (0..0x110000).contains(&v) => {
                Err(vm.value_error("surrogate code points are not supported by ftl"))
            }
            Some(_) => Err(vm.value_error("chr() arg not in range(0x110000)")),
            None => Err(vm.overflow_error("Python int too large to convert to C int")),
        },
    }
}

fn ord<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("ord", args, 1, 1)?;
    let o = &args[0];
    if let Some(s) = o.as_str() {
        let mut chars = s.chars();
        return match (chars.next(), chars.next()) {
            (Some(c), None) => Ok(ObjRef::from_i64(c as i64)),
            _ => Err(vm.type_error(format!(
                "ord() expected a character, but string of length {} found",
                s.chars().count()
            ))),
        };
    }
    if let Some(b) = o.as_bytes() {
        if b.len() == 1 {
            return Ok(ObjRef::from_i64(b[0] as i64));
        }
        return Err(vm.type_error(format!(
            "ord() expected a character, but string of length {} found",
            b.len()
        )));
    }
    Err(vm.type_error(format!(
        "ord() expected string of length 1, but {} found",
        vm.type_name(o)
    )))
}

fn radix<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], name: &str, prefix: &str, r: u32) -> R<P> {
    vm.check_args(name, args, 1, 1)?;
    let i = vm.arg_int(&args[0])?;
    let digits = i.abs().to_str_radix(r);
    let sign = if i.is_negative() { "-" } else { "" };
    Ok(vm.new_str(format!("{sign}{prefix}{digits}")))
}

fn hex<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    radix(vm, args, "hex", "0x", 16)
}

fn oct<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    radix(vm, args, "oct", "0o", 8)
}

fn bin<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    radix(vm, args, "bin", "0b", 2)
}

fn divmod<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("divmod", args, 2, 2)?;
    let (a, b) = (&args[0], &args[1]);
    match (vm.num(a), vm.num(b)) {
        (
            Some(crate::objects::protocols::Num::Int(x)),
            Some(crate::objects::protocols::Num::Int(y)),
        ) => match x.divmod(&y) {
            Ok((q, r)) => Ok(ObjRef::new_tuple(vec![
                ObjRef::from_int(q),
                ObjRef::from_int(r),
            ])),
            Err(_) => Err(vm.zero_division("integer division or modulo by zero")),
        },
        (Some(_), Some(_)) => {
            let (x, y) = (vm.to_f64(a)?, vm.to_f64(b)?);
            if y == 0.0 {
                return Err(vm.zero_division("float divmod()"));
            }
            let (q, r) = crate::objects::protocols::float_divmod(x, y);
            Ok(ObjRef::new_tuple(vec![
                ObjRef::from_f64(q),
                ObjRef::from_f64(r),
            ]))
        }
        _ => {
            if let Some(r) = vm.call_dunder(a, "__divmod__", core::slice::from_ref(b))? {
                return Ok(r);
            }
            if let Some(r) = vm.call_dunder(b, "__rdivmod__", core::slice::from_ref(a))? {
                return Ok(r);
            }
            let (na, nb) = (vm.native_of(a), vm.native_of(b));
            if na.is_some() || nb.is_some() {
                let pair = [na.unwrap_or(a).clone(), nb.unwrap_or(b).clone()];
                return divmod(vm, &pair, Kw::EMPTY);
            }
            Err(vm.type_error(format!(
                "unsupported operand type(s) for divmod(): '{}' and '{}'",
                vm.type_name(a),
                vm.type_name(b)
            )))
        }
    }
}

fn pow<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let m = kw.get("mod").or(args.get(2)).filter(|m| !m.is_none());
    if args.len() < 2 {
        return Err(vm.type_error("pow() missing required argument 'exp' (pos 2)"));
    }
    match m {
        None => vm.binary_op(&args[0], &args[1], BinOp::Pow),
        Some(m) => {
            let (Some(b), Some(e), Some(md)) = (
                vm.int_value(&args[0]),
                vm.int_value(&args[1]),
                vm.int_value(m),
            ) else {
                return Err(vm.type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ));
            };
            match b.pow_mod(&e, &md) {
                Ok(v) => Ok(ObjRef::from_int(v)),
                Err(err) => Err(vm.new_error(
                    if err.exception_name() == "ValueError" {
                        ExcType::ValueError
                    } else {
                        ExcType::ZeroDivisionError
                    },
                    err.to_string(),
                )),
            }
        }
    }
}

fn round<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.check_args("round", args, 1, 2)?;
    let nd = kw.get("ndigits").or(args.get(1)).filter(|n| !n.is_none());
    let x = &args[0];
    match x.kind() {
        Kind::Float => {
            let f = x.as_f64().expect("f");
            match nd {
                None => {
                    let r = ftl_algorithms::format::round_half_even(f);
                    match IntValue::from_f64_trunc(r) {
                        Ok(v) => Ok(ObjRef::from_int(v)),
                        Err(_) if f.is_nan() => {
                            Err(vm.value_error("cannot convert float NaN to integer"))
                        }
                        Err(_) => {
                            Err(vm.overflow_error("cannot convert float infinity to integer"))
                        }
                    }
                }
                Some(n) => {
                    let n = vm.index_i64(n)?;
                    ftl_algorithms::format::round_float(f, n)
                        .map(ObjRef::from_f64)
                        .map_err(|e| vm.format_error(e))
                }
            }
        }
        Kind::Int | Kind::Bool => {
            let v = vm.int_value(x).expect("int");
            match nd {
                None => Ok(ObjRef::from_int(v)),
                Some(n) => {
                    let n = vm.index_i64(n)?;
                    if n >= 0 {
                        return Ok(ObjRef::from_int(v));
                    }
                    // Round half to even at 10**-n.
                    let p = IntValue::Small(10)
                        .pow(&IntValue::Small(-n))
                        .map_err(|e| vm.overflow_error(e.to_string()))?;
                    let (q, r) = v.divmod(&p).map_err(|e| vm.value_error(e.to_string()))?;
                    let twice = r.add(&r);
                    let q = match twice.cmp(&p) {
                        core::cmp::Ordering::Greater => q.add(&IntValue::Small(1)),
                        core::cmp::Ordering::Equal
                            if !q
                                .modulo(&IntValue::Small(2))
                                .map(|m| m.is_zero())
                                .unwrap_or(true) =>
                        {
                            q.add(&IntValue::Small(1))
                        }
                        _ => q,
                    };
                    Ok(ObjRef::from_int(q.mul(&p)))
                }
            }
        }
        _ => {
            let extra: Vec<Obj<P>> = nd.cloned().into_iter().collect();
            if let Some(r) = vm.call_dunder(x, "__round__", &extra)? {
                return Ok(r);
            }
            if let Some(n) = vm.native_of(x) {
                let mut args = vec![n.clone()];
                args.extend(extra);
                return round(vm, &args, Kw::EMPTY);
            }
            Err(vm.type_error(format!(
                "type {} doesn't define __round__ method",
                vm.type_name(x)
            )))
        }
    }
}

fn callable<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("callable", args, 1, 1)?;
    Ok(ObjRef::from_bool(vm.is_callable(&args[0])))
}

impl<P: HeapPolicy> Vm<P> {
    /// `callable(o)`
    pub fn is_callable(&self, o: &Obj<P>) -> bool {
        o.is::<Function<P>>()
            || o.is::<Builtin<P>>()
            || o.is::<BoundMethod<P>>()
            || o.is::<Class<P>>()
            || (o.is::<Instance<P>>()
                && self.lookup_type_attr(o, &self.interp.names.call).is_some())
    }
}

fn format<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("format", args, 1, 2)?;
    let spec = match args.get(1) {
        Some(s) => s
            .as_str()
            .ok_or_else(|| vm.type_error("format() argument 2 must be str"))?
            .to_string(),
        None => String::new(),
    };
    vm.format(&args[0], &spec)
}
