//! The built-in classes' constructors (`int(x)`, `list(it)`, ...): each
//! is the `ctor` of its built-in class and receives the class as its first
//! argument (CPython's `tp_new`).

use ftl_object::{HeapPolicy, IntValue, Kind, ObjRef};

use crate::interpreter::state::{ExcType, Kw, Vm};
use crate::objects::*;

use crate::interpreter::state::ObjResult as R;

/// `type(x)` / `type(name, bases, dict, **kw)`: the type of `x`, or a new
/// class (`type.__new__` then `type.__init__`, which checks nothing more).
pub fn type_new<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    match &args[1..] {
        [x] if kw.is_empty() => Ok(vm.type_of(x)),
        [name, bases, ns] => vm.type_new(&args[0], name, bases, ns, kw),
        _ => Err(vm.type_error("type() takes 1 or 3 arguments")),
    }
}

/// `int(x=0, base=10)`
pub fn int_new<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let args = &args[1..];
    if args.len() + kw.names.len() > 2 {
        return Err(vm.type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            args.len() + kw.names.len()
        )));
    }
    let base_obj = kw.get("base").or(args.get(1));
    if args.is_empty() && base_obj.is_none() {
        return Ok(ObjRef::from_i64(0));
    }
    let Some(x) = args.first() else {
        return Err(vm.type_error("int() missing string argument"));
    };
    if let Some(b) = base_obj {
        let base = vm.index_i64(b)?;
        if base != 0 && !(2..=36).contains(&base) {
            return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        let s = match x.kind() {
            Kind::Str => x.as_str().expect("s").to_string(),
            Kind::Bytes => String::from_utf8_lossy(x.as_bytes().expect("b")).into_owned(),
            _ => return Err(vm.type_error("int() can't convert non-string with explicit base")),
        };
        return parse_int(vm, &s, base as u32);
    }
    match x.kind() {
        Kind::Int => Ok(x.clone()),
        Kind::Bool => Ok(ObjRef::from_i64(x.as_bool().expect("b") as i64)),
        Kind::Float => {
            let f = x.as_f64().expect("f");
            match IntValue::from_f64_trunc(f) {
                Ok(v) => Ok(ObjRef::from_int(v)),
                Err(_) if f.is_nan() => Err(vm.value_error("cannot convert float NaN to integer")),
                Err(_) => Err(vm.overflow_error("cannot convert float infinity to integer")),
            }
        }
        Kind::Str => parse_int(vm, x.as_str().expect("s"), 10),
        Kind::Bytes => parse_int(vm, &String::from_utf8_lossy(x.as_bytes().expect("b")), 10),
        _ => {
            if let Some(r) = vm.call_dunder(x, "__int__", &[])? {
                return Ok(r);
            }
            if let Some(r) = vm.call_dunder(x, "__index__", &[])? {
                return Ok(r);
            }
            if let Some(n) = vm.native_of(x) {
                return int_new(vm, &[vm.types().int.clone(), n.clone()], kw);
            }
            Err(vm.type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                vm.type_name(x)
            )))
        }
    }
}

fn parse_int<P: HeapPolicy>(vm: &Vm<P>, s: &str, base: u32) -> R<P> {
    match IntValue::parse(s, base) {
        Ok(v) => Ok(ObjRef::from_int(v)),
        Err(_) => Err(vm.value_error(format!(
            "invalid literal for int() with base {base}: {}",
            ftl_algorithms::str_methods::repr_str(s)
        ))),
    }
}

/// `bool(x)`
pub fn bool_new<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("bool", kw)?;
    vm.check_args("bool", &args[1..], 0, 1)?;
    match args.get(1) {
        None => Ok(ObjRef::from_bool(false)),
        Some(x) => Ok(ObjRef::from_bool(vm.is_true(x)?)),
    }
}

/// `float(x)`
pub fn float_new<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("float", kw)?;
    vm.check_args("float", &args[1..], 0, 1)?;
    let Some(x) = args.get(1) else {
        return Ok(ObjRef::from_f64(0.0));
    };
    match x.kind() {
        Kind::Float => Ok(x.clone()),
        Kind::Int | Kind::Bool => Ok(ObjRef::from_f64(vm.to_f64(x)?)),
        Kind::Str => match parse_float(x.as_str().expect("s")) {
            Some(f) => Ok(ObjRef::from_f64(f)),
            None => Err(vm.value_error(format!(
                "could not convert string to float: {}",
                ftl_algorithms::str_methods::repr_str(x.as_str().expect("s"))
            ))),
        },
        _ => {
            if let Some(r) = vm.call_dunder(x, "__float__", &[])? {
                return Ok(r);
            }
            if let Some(n) = vm.native_of(x) {
                return float_new(vm, &[vm.types().float.clone(), n.clone()], Kw::EMPTY);
            }
            Err(vm.type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                vm.type_name(x)
            )))
        }
    }
}

/// Python's `float(str)` syntax: whitespace, sign, digits with single
/// underscores between them, `inf`/`infinity`/`nan` in any case.
pub fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim();
    let (sign, body) = match t.strip_prefix('-') {
        Some(r) => (-1.0, r),
        None => (1.0, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = body.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Some(sign * f64::INFINITY);
    }
    if lower == "nan" {
        return Some(f64::NAN);
    }
    if body.is_empty() || body.starts_with('_') || body.ends_with('_') || body.contains("__") {
        return None;
    }
    let mut prev_digit = false;
    for (i, c) in body.char_indices() {
        if c == '_' {
            let next_digit = body[i + 1..]
                .chars()
                .next()
                .is_some_and(|n| n.is_ascii_digit());
            if !prev_digit || !next_digit {
                return None;
            }
        }
        prev_digit = c.is_ascii_digit();
        if !(c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-' | '_')) {
            return None;
        }
    }
    let cleaned: String = body.chars().filter(|&c| c != '_').collect();
    cleaned.parse::<f64>().ok().map(|f| sign * f)
}

/// `str(x)`
pub fn str_new<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let args = &args[1..];
    match args.first() {
        None => Ok(vm.new_str("")),
        Some(x) if args.len() == 1 && kw.is_empty() => vm.str_obj(x),
        Some(x) => {
            // str(bytes, encoding)
            match x.as_bytes() {
                Some(b) => match core::str::from_utf8(b) {
                    Ok(s) => Ok(vm.new_str(s)),
                    Err(_) => Err(vm.new_error(ExcType::UnicodeDecodeError, "invalid utf-8")),
                },
                None => Err(vm.type_error("decoding str is not supported")),
            }
        }
    }
}

/// `bytes(x)`
pub fn bytes_new<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let args = &args[1..];
    let Some(x) = args.first() else {
        return Ok(ObjRef::new_bytes(b""));
    };
    match x.kind() {
        Kind::Bytes => Ok(x.clone()),
        Kind::ByteArray => Ok(ObjRef::new_bytes(
            &x.as_bytearray().expect("bytearray").to_vec(),
        )),
        Kind::Str => {
            if args.len() < 2 {
                return Err(vm.type_error("string argument without an encoding"));
            }
            Ok(ObjRef::new_bytes(x.as_str().expect("s").as_bytes()))
        }
        Kind::Int | Kind::Bool => {
            let n = vm.index_i64(x)?;
            if n < 0 {
                return Err(vm.value_error("negative count"));
            }
            Ok(ObjRef::new_bytes(&vec![0u8; n as usize]))
        }
        _ => {
            let mut out = Vec::new();
            for item in vm.collect(x)? {
                let v = vm.index_i64(&item)?;
                if !(0..256).contains(&v) {
                    return Err(vm.value_error("bytes must be in range(0, 256)"));
                }
                out.push(v as u8);
            }
            Ok(ObjRef::new_bytes(&out))
        }
    }
}

/// `tuple(it)`
pub fn tuple_new<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("tuple", kw)?;
    vm.check_args("tuple", &args[1..], 0, 1)?;
    match args.get(1) {
        None => Ok(ObjRef::new_tuple(Vec::new())),
        Some(x) if x.kind() == Kind::Tuple => Ok(x.clone()),
        Some(x) => Ok(ObjRef::new_tuple(vm.collect(x)?)),
    }
}

/// `list(it)`
pub fn list_new<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("list", kw)?;
    vm.check_args("list", &args[1..], 0, 1)?;
    match args.get(1) {
        None => Ok(ObjRef::from_list_vec(Vec::new())),
        Some(x) => Ok(ObjRef::from_list_vec(vm.collect(x)?)),
    }
}

/// `dict(mapping_or_pairs, **kw)`
pub fn dict_new<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.check_args("dict", &args[1..], 0, 1)?;
    let d = ObjRef::new_dict();
    if let Some(x) = args.get(1) {
        vm.dict_update(&d, x, false)?;
    }
    for (k, v) in kw.iter() {
        vm.dict_set(&d, vm.intern(k), v.clone())?;
    }
    Ok(d)
}

/// `set(it)`
pub fn set_new<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("set", kw)?;
    vm.check_args("set", &args[1..], 0, 1)?;
    let s = ObjRef::new_set();
    if let Some(x) = args.get(1) {
        for item in vm.collect(x)? {
            vm.set_add(&s, item)?;
        }
    }
    Ok(s)
}

/// `frozenset(it)`: the argument itself when it is a frozenset already
/// (CPython returns it unchanged), else a frozenset of its items, added
/// in order as `set(it)` adds them.
pub fn frozenset_new<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("frozenset", kw)?;
    vm.check_args("frozenset", &args[1..], 0, 1)?;
    match args.get(1) {
        Some(x) if x.kind() == Kind::FrozenSet => Ok(x.clone()),
        Some(x) => Ok(vm.frozenset_from_set(&set_new(vm, &[args[0].clone(), x.clone()], kw)?)),
        None => Ok(ObjRef::from_frozenset(Default::default())),
    }
}

/// `range(stop)` / `range(start, stop[, step])`
pub fn range_new<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("range", kw)?;
    let a = &args[1..];
    if a.is_empty() {
        return Err(vm.type_error("range expected at least 1 argument, got 0"));
    }
    if a.len() > 3 {
        return Err(vm.type_error(format!(
            "range expected at most 3 arguments, got {}",
            a.len()
        )));
    }
    let get = |o: &Obj<P>| vm.index_i64(o);
    let (start, stop, step) = match a.len() {
        1 => (0, get(&a[0])?, 1),
        2 => (get(&a[0])?, get(&a[1])?, 1),
        _ => (get(&a[0])?, get(&a[1])?, get(&a[2])?),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(ObjRef::new(Range { start, stop, step }))
}

/// `slice(stop)` / `slice(start, stop[, step])`
pub fn slice_new<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let a = &args[1..];
    let none = ObjRef::none;
    let (start, stop, step) = match a.len() {
        1 => (none(), a[0].clone(), none()),
        2 => (a[0].clone(), a[1].clone(), none()),
        3 => (a[0].clone(), a[1].clone(), a[2].clone()),
        n => return Err(vm.type_error(format!("slice expected at least 1 argument, got {n}"))),
    };
    Ok(ObjRef::new(Slice { start, stop, step }))
}

/// `staticmethod(f)`
pub fn staticmethod_new<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("staticmethod", &args[1..], 1, 1)?;
    Ok(ObjRef::new(StaticMethod {
        func: args[1].clone(),
    }))
}

/// `classmethod(f)`
pub fn classmethod_new<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("classmethod", &args[1..], 1, 1)?;
    Ok(ObjRef::new(ClassMethod {
        func: args[1].clone(),
    }))
}

/// `property(fget, fset, fdel)`
pub fn property_new<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let a = &args[1..];
    let pick = |i: usize, name: &str| -> Option<Obj<P>> {
        kw.get(name)
            .cloned()
            .or_else(|| a.get(i).cloned())
            .filter(|o| !o.is_none())
    };
    let _ = vm;
    Ok(ObjRef::new(Property {
        fget: pick(0, "fget"),
        fset: pick(1, "fset"),
        fdel: pick(2, "fdel"),
    }))
}

/// `super(cls, obj)` (the zero-argument form is compiled into this).
pub fn super_new<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let a = &args[1..];
    if a.len() != 2 {
        return Err(vm.new_error(ExcType::RuntimeError, "super(): no arguments"));
    }
    if !a[0].is::<Class<P>>() {
        return Err(vm.type_error("super() argument 1 must be a type"));
    }
    Ok(ObjRef::new(Super {
        class: a[0].clone(),
        obj: a[1].clone(),
    }))
}

/// `enumerate(it, start=0)`
pub fn enumerate_new<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let a = &args[1..];
    let Some(x) = a.first() else {
        return Err(vm.type_error("enumerate() missing required argument 'iterable' (pos 1)"));
    };
    let start = match kw.get("start").or(a.get(1)) {
        Some(s) => vm.arg_int(s)?,
        None => IntValue::Small(0),
    };
    let it = vm.get_iter(x)?;
    Ok(ObjRef::new(Lazy::Enumerate {
        it,
        count: ftl_object::Exclusive::new(Some(start)),
    }))
}

/// `zip(*its)`
pub fn zip_new<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let mut its = Vec::new();
    for (i, x) in args[1..].iter().enumerate() {
        match vm.get_iter(x) {
            Ok(it) => its.push(it),
            Err(_) => {
                return Err(
                    vm.type_error(format!("zip argument #{} must support iteration", i + 1))
                );
            }
        }
    }
    Ok(ObjRef::new(Lazy::Zip { its }))
}

/// `map(f, *its)`
pub fn map_new<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    if args.len() < 3 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut its = Vec::new();
    for x in &args[2..] {
        its.push(vm.get_iter(x)?);
    }
    Ok(ObjRef::new(Lazy::Map {
        func: args[1].clone(),
        its,
    }))
}

/// `filter(f, it)`
pub fn filter_new<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("filter", &args[1..], 2, 2)?;
    let func = if args[1].is_none() {
        None
    } else {
        Some(args[1].clone())
    };
    let it = vm.get_iter(&args[2])?;
    Ok(ObjRef::new(Lazy::Filter { func, it }))
}

/// `reversed(seq)`
pub fn reversed_new<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("reversed", &args[1..], 1, 1)?;
    let x = &args[1];
    let len = match x.kind() {
        Kind::List | Kind::Tuple | Kind::Str => vm.len(x)?,
        _ if x.is::<Range>() => vm.len(x)?,
        _ => {
            if let Some(r) = vm.call_dunder(x, "__reversed__", &[])? {
                return Ok(r);
            }
            if x.is::<Instance<P>>() && vm.lookup_type_attr(x, &vm.interp.names.len).is_some() {
                let n = vm.len(x)?;
                let mut items = Vec::with_capacity(n);
                for i in (0..n).rev() {
                    items.push(vm.getitem(x, &ObjRef::from_i64(i as i64))?);
                }
                return vm.get_iter(&ObjRef::from_list_vec(items));
            }
            return Err(vm.type_error(format!("'{}' object is not reversible", vm.type_name(x))));
        }
    };
    Ok(ObjRef::new(SeqIter {
        seq: x.clone(),
        kind: SeqKind::Reversed,
        pos: ftl_object::Exclusive::new(len),
    }))
}

/// `types.ModuleType(name, doc=None)`: a new, empty module (with
/// `__name__`, `__doc__`, `__package__`, `__loader__` and `__spec__`, as
/// CPython's `module.__init__` sets them).
pub fn module_new<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let a = &args[1..];
    let name = kw.get("name").or(a.first()).cloned();
    let doc = kw.get("doc").or(a.get(1)).cloned();
    if a.len() + kw.names.len() > 2 {
        return Err(vm.type_error(format!(
            "module() takes at most 2 arguments ({} given)",
            a.len() + kw.names.len()
        )));
    }
    let Some(name) = name else {
        return Err(vm.type_error("module() missing required argument 'name' (pos 1)"));
    };
    let Some(text) = name.as_str().map(str::to_string) else {
        return Err(vm.type_error(format!(
            "module() argument 'name' must be str, not {}",
            vm.type_name(&name)
        )));
    };
    let dict = ObjRef::new_dict();
    vm.dict_set_str(&dict, vm.interp.names.name.clone(), name);
    vm.dict_set_str(
        &dict,
        vm.interp.names.doc.clone(),
        doc.unwrap_or_else(ObjRef::none),
    );
    for key in ["__package__", "__loader__", "__spec__"] {
        vm.dict_set_str(&dict, vm.intern(key), ObjRef::none());
    }
    Ok(ObjRef::new(Module {
        name: text,
        dict,
        weakrefs: Default::default(),
    }))
}
