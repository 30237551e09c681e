//! The special methods of the built-in types as attributes (CPython's slot
//! wrappers, `Objects/typeobject.c`'s `slotdefs`): `list.__getitem__`,
//! `int.__add__`, `dict.__init__`, `tuple.__new__`, and `type`'s own
//! `__new__`, `__init__`, `__call__` and `mro`, and
//! `object.__init_subclass__`.
//!
//! ftl's protocols dispatch on the built-in payloads directly, so these
//! attributes are not how `len(x)` or `a + b` work: they are what a
//! subclass reaches through `super().__getitem__(i)`, `dict.__setitem__(
//! self, k, v)` or `int.__new__(cls, v)`. Each applies the protocol to its
//! receiver, which binding has already turned into the carried built-in
//! value for an instance of a subclass ([`Vm::native_receiver`]).
//! The mutable built-in types' `__hash__` is `None`, as in CPython, so
//! their subclasses are unhashable unless they define `__hash__`.

use ftl_object::{HeapPolicy, ObjRef};
use ftl_syntax::ast::{BinOp, CmpOp};

use crate::interpreter::call::Resume;
use crate::interpreter::state::{BuiltinFn, Kw, Vm};
use crate::objects::*;

use super::args::R;

/// A table of methods.
type Table<'a, P> = &'a [(&'static str, BuiltinFn<P>)];
/// A built-in class, its name, and the tables of methods it gets.
type Group<'a, P> = (&'a Obj<P>, &'static str, Vec<Table<'a, P>>);

/// Installs the slot wrappers on the built-in classes.
pub fn install<P: HeapPolicy>(vm: &Vm<P>) {
    let t = vm.types();
    let common: &[(&'static str, BuiltinFn<P>)] = &[
        ("__repr__", slot_repr::<P>),
        ("__eq__", slot_eq::<P>),
        ("__ne__", slot_ne::<P>),
        ("__lt__", slot_lt::<P>),
        ("__le__", slot_le::<P>),
        ("__gt__", slot_gt::<P>),
        ("__ge__", slot_ge::<P>),
        ("__format__", slot_format::<P>),
    ];
    let hashable: &[(&'static str, BuiltinFn<P>)] = &[("__hash__", slot_hash::<P>)];
    let sequence: &[(&'static str, BuiltinFn<P>)] = &[
        ("__len__", slot_len::<P>),
        ("__getitem__", slot_getitem::<P>),
        ("__contains__", slot_contains::<P>),
        ("__iter__", slot_iter::<P>),
        ("__add__", slot_add::<P>),
        ("__mul__", slot_mul::<P>),
        ("__rmul__", slot_rmul::<P>),
    ];
    let mutable: &[(&'static str, BuiltinFn<P>)] = &[
        ("__setitem__", slot_setitem::<P>),
        ("__delitem__", slot_delitem::<P>),
        ("__iadd__", slot_iadd::<P>),
    ];
    let mapping: &[(&'static str, BuiltinFn<P>)] = &[
        ("__len__", slot_len::<P>),
        ("__getitem__", slot_getitem::<P>),
        ("__setitem__", slot_setitem::<P>),
        ("__delitem__", slot_delitem::<P>),
        ("__contains__", slot_contains::<P>),
        ("__iter__", slot_iter::<P>),
        ("__or__", slot_or::<P>),
        ("__ror__", slot_ror::<P>),
        ("__ior__", slot_ior::<P>),
    ];
    let set: &[(&'static str, BuiltinFn<P>)] = &[
        ("__len__", slot_len::<P>),
        ("__contains__", slot_contains::<P>),
        ("__iter__", slot_iter::<P>),
        ("__or__", slot_or::<P>),
        ("__ror__", slot_ror::<P>),
        ("__and__", slot_and::<P>),
        ("__rand__", slot_rand::<P>),
        ("__sub__", slot_sub::<P>),
        ("__rsub__", slot_rsub::<P>),
        ("__xor__", slot_xor::<P>),
        ("__rxor__", slot_rxor::<P>),
    ];
    let number: &[(&'static str, BuiltinFn<P>)] = &[
        ("__add__", slot_add::<P>),
        ("__radd__", slot_radd::<P>),
        ("__sub__", slot_sub::<P>),
        ("__rsub__", slot_rsub::<P>),
        ("__mul__", slot_mul::<P>),
        ("__rmul__", slot_rmul::<P>),
        ("__truediv__", slot_truediv::<P>),
        ("__rtruediv__", slot_rtruediv::<P>),
        ("__floordiv__", slot_floordiv::<P>),
        ("__rfloordiv__", slot_rfloordiv::<P>),
        ("__mod__", slot_mod::<P>),
        ("__rmod__", slot_rmod::<P>),
        ("__pow__", slot_pow::<P>),
        ("__rpow__", slot_rpow::<P>),
        ("__neg__", slot_neg::<P>),
        ("__pos__", slot_pos::<P>),
        ("__abs__", slot_abs::<P>),
        ("__bool__", slot_bool::<P>),
        ("__int__", slot_int::<P>),
        ("__float__", slot_float::<P>),
    ];
    let integer: &[(&'static str, BuiltinFn<P>)] = &[
        ("__and__", slot_and::<P>),
        ("__rand__", slot_rand::<P>),
        ("__or__", slot_or::<P>),
        ("__ror__", slot_ror::<P>),
        ("__xor__", slot_xor::<P>),
        ("__rxor__", slot_rxor::<P>),
        ("__lshift__", slot_lshift::<P>),
        ("__rshift__", slot_rshift::<P>),
        ("__invert__", slot_invert::<P>),
        ("__index__", slot_index::<P>),
    ];
    let text: &[(&'static str, BuiltinFn<P>)] = &[("__mod__", slot_mod::<P>)];
    vm.add_method(&t.str_, "str", "__str__", slot_str::<P>);
    let groups: [Group<'_, P>; 10] = [
        (&t.int, "int", vec![common, hashable, number, integer]),
        (&t.float, "float", vec![common, hashable, number]),
        (&t.str_, "str", vec![common, hashable, sequence, text]),
        (&t.bytes, "bytes", vec![common, hashable, sequence, text]),
        (&t.tuple, "tuple", vec![common, hashable, sequence]),
        (&t.list, "list", vec![common, sequence, mutable]),
        (&t.dict, "dict", vec![common, mapping]),
        (&t.set, "set", vec![common, set]),
        (&t.frozenset, "frozenset", vec![common, hashable, set]),
        (&t.bytearray, "bytearray", vec![common, sequence, mutable]),
    ];
    for (cls, owner, tables) in groups {
        for table in tables {
            for (name, f) in table {
                vm.add_method(cls, owner, name, *f);
            }
        }
    }
    // The mutable types are unhashable (their subclasses too, unless they
    // define `__hash__`).
    for cls in [&t.list, &t.dict, &t.set, &t.bytearray] {
        vm.dict_set_str(&vm.class(cls).dict, vm.intern("__hash__"), ObjRef::none());
    }
    // `T.__new__(cls, ...)` for each built-in type a class may derive from,
    // and `T.__init__(self, ...)` for the mutable ones.
    let news: [(&Obj<P>, BuiltinFn<P>); 10] = [
        (&t.int, new_of::<P, { BuiltinType::Int as u8 }>),
        (&t.float, new_of::<P, { BuiltinType::Float as u8 }>),
        (&t.str_, new_of::<P, { BuiltinType::Str as u8 }>),
        (&t.bytes, new_of::<P, { BuiltinType::Bytes as u8 }>),
        (&t.tuple, new_of::<P, { BuiltinType::Tuple as u8 }>),
        (&t.list, new_of::<P, { BuiltinType::List as u8 }>),
        (&t.dict, new_of::<P, { BuiltinType::Dict as u8 }>),
        (&t.set, new_of::<P, { BuiltinType::Set as u8 }>),
        (&t.frozenset, new_of::<P, { BuiltinType::FrozenSet as u8 }>),
        (&t.bytearray, new_of::<P, { BuiltinType::ByteArray as u8 }>),
    ];
    for (cls, f) in news {
        vm.add_wrapped_method(cls, "__new__", f, false);
    }
    vm.add_method(
        &t.list,
        "list",
        "__init__",
        init_of::<P, { BuiltinType::List as u8 }>,
    );
    vm.add_method(
        &t.dict,
        "dict",
        "__init__",
        init_of::<P, { BuiltinType::Dict as u8 }>,
    );
    vm.add_method(
        &t.set,
        "set",
        "__init__",
        init_of::<P, { BuiltinType::Set as u8 }>,
    );
    vm.add_method(
        &t.bytearray,
        "bytearray",
        "__init__",
        init_of::<P, { BuiltinType::ByteArray as u8 }>,
    );
    vm.add_wrapped_method(&t.type_, "__new__", type_dunder_new::<P>, false);
    vm.add_method(&t.type_, "type", "__init__", type_init::<P>);
    vm.add_method(&t.type_, "type", "__call__", type_dunder_call::<P>);
    vm.add_method(&t.type_, "type", "mro", type_mro::<P>);
    vm.add_wrapped_method(
        &t.object,
        "__init_subclass__",
        object_init_subclass::<P>,
        true,
    );
    // PEP 585: `list[int]` is a `types.GenericAlias` (so is a subclass's).
    for cls in [
        &t.list,
        &t.dict,
        &t.tuple,
        &t.set,
        &t.frozenset,
        &t.type_,
        &t.others["enumerate"],
    ] {
        vm.add_wrapped_method(cls, "__class_getitem__", class_getitem::<P>, true);
    }
    vm.add_method(&t.type_, "type", "__setattr__", type_setattr::<P>);
    vm.add_method(&t.type_, "type", "__delattr__", type_delattr::<P>);
    // The descriptor protocol of the built-in descriptors.
    let o = &t.others;
    vm.add_method(&o["function"], "function", "__get__", function_get::<P>);
    vm.add_method(
        &o["classmethod"],
        "classmethod",
        "__get__",
        classmethod_get::<P>,
    );
    vm.add_method(
        &o["staticmethod"],
        "staticmethod",
        "__get__",
        staticmethod_get::<P>,
    );
    vm.add_method(&o["property"], "property", "__get__", property_get::<P>);
    vm.add_method(&o["property"], "property", "__set__", property_set::<P>);
    vm.add_method(
        &o["property"],
        "property",
        "__delete__",
        property_delete::<P>,
    );
    let g = &o["generator"];
    vm.add_method(g, "generator", "send", generator_send::<P>);
    vm.add_method(g, "generator", "throw", generator_throw::<P>);
    vm.add_method(g, "generator", "close", generator_close::<P>);
    vm.add_method(g, "generator", "__next__", generator_next::<P>);
    vm.add_method(g, "generator", "__iter__", generator_iter::<P>);
}

fn generator_arg<'a, P: HeapPolicy>(
    vm: &Vm<P>,
    args: &'a [Obj<P>],
    name: &str,
) -> crate::interpreter::state::PyResult<&'a Obj<P>, P> {
    args.first()
        .filter(|g| g.is::<Generator<P>>())
        .ok_or_else(|| vm.type_error(format!("descriptor '{name}' requires a 'generator' object")))
}

/// A generator step as a method's result: a yielded value, or
/// `StopIteration(result)`.
fn step_result<P: HeapPolicy>(
    vm: &Vm<P>,
    step: crate::interpreter::state::PyResult<Result<Obj<P>, Obj<P>>, P>,
) -> R<P> {
    match step? {
        Ok(v) => Ok(v),
        Err(result) => {
            let args = if result.is_none() {
                vec![]
            } else {
                vec![result]
            };
            Err(crate::interpreter::state::PyErr(
                vm.make_exception(
                    vm.exc_class(crate::interpreter::state::ExcType::StopIteration)
                        .clone(),
                    args,
                ),
            ))
        }
    }
}

/// `generator.send(value)`
fn generator_send<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("send", args, 2, 2)?;
    let g = generator_arg(vm, args, "send")?;
    step_result(vm, vm.gen_resume_with(g, Resume::Send(args[1].clone())))
}

/// `generator.throw(exc)` / `throw(type, value=None, traceback=None)`
fn generator_throw<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("throw", args, 2, 4)?;
    let g = generator_arg(vm, args, "throw")?;
    let typ = &args[1];
    let value = args.get(2).filter(|v| !v.is_none());
    let exc = match (typ.downcast::<Class<P>>(), value) {
        (Some(c), Some(v)) if c.is_exception() => {
            if vm.isinstance(v, typ) {
                v.clone()
            } else {
                let a = match v.as_tuple() {
                    Some(t) => t.to_vec(),
                    None => vec![v.clone()],
                };
                vm.call(typ, &a, Kw::EMPTY)?
            }
        }
        (Some(_), Some(_)) => {
            return Err(vm.type_error(
                "exceptions must be classes or instances deriving from BaseException, not type",
            ))
        }
        (_, None) => typ.clone(),
        (None, Some(_)) => {
            return Err(vm.type_error("instance exception may not have a separate value"))
        }
    };
    let err = vm.make_raisable(exc)?;
    step_result(vm, vm.gen_resume_with(g, Resume::Throw(err)))
}

/// `generator.close()`
fn generator_close<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("close", args, 1, 1)?;
    let g = generator_arg(vm, args, "close")?;
    vm.gen_close(g)?;
    Ok(ObjRef::none())
}

/// `generator.__next__()`
fn generator_next<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("__next__", args, 1, 1)?;
    let g = generator_arg(vm, args, "__next__")?;
    step_result(vm, vm.gen_resume_with(g, Resume::Next))
}

/// `generator.__iter__()`: itself.
fn generator_iter<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("__iter__", args, 1, 1)?;
    Ok(args[0].clone())
}

/// `type.__setattr__(cls, name, value)`
fn type_setattr<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("__setattr__", args, 3, 3)?;
    let name = attr_name(vm, &args[1])?;
    vm.type_setattr(&args[0], &name, args[2].clone())?;
    Ok(ObjRef::none())
}

/// `type.__delattr__(cls, name)`
fn type_delattr<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("__delattr__", args, 2, 2)?;
    let name = attr_name(vm, &args[1])?;
    vm.type_delattr(&args[0], &name)?;
    Ok(ObjRef::none())
}

fn attr_name<P: HeapPolicy>(vm: &Vm<P>, o: &Obj<P>) -> R<P> {
    match vm.str_of(o) {
        Some(s) => Ok(vm.intern(s)),
        None => Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(o)
        ))),
    }
}

/// A `__get__` call's instance and owner (either may be None, not both).
type GetArgs<'a, P> = (&'a Obj<P>, Option<&'a Obj<P>>, Option<&'a Obj<P>>);

/// The `(self, instance, owner)` of a `__get__` call; `owner` may be left out.
fn get_args<'a, P: HeapPolicy>(
    vm: &Vm<P>,
    args: &'a [Obj<P>],
) -> crate::interpreter::state::PyResult<GetArgs<'a, P>, P> {
    vm.check_args("__get__", args, 2, 3)?;
    let inst = Some(&args[1]).filter(|i| !i.is_none());
    let owner = args.get(2).filter(|o| !o.is_none());
    if inst.is_none() && owner.is_none() {
        return Err(vm.type_error("__get__(None, None) is invalid"));
    }
    Ok((&args[0], inst, owner))
}

/// `function.__get__(instance, owner=None)`: a bound method, or the
/// function itself when reached through the class.
fn function_get<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let (f, inst, _) = get_args(vm, args)?;
    Ok(match inst {
        Some(i) => ObjRef::new(BoundMethod {
            weakrefs: Default::default(),
            func: f.clone(),
            this: i.clone(),
        }),
        None => f.clone(),
    })
}

/// `classmethod.__get__(instance, owner=None)`: the function bound to the
/// owner (or to the instance's type).
fn classmethod_get<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let (cm, inst, owner) = get_args(vm, args)?;
    let owner = match (owner, inst) {
        (Some(o), _) => o.clone(),
        (None, Some(i)) => vm.type_of(i),
        (None, None) => return Err(vm.type_error("__get__(None, None) is invalid")),
    };
    let func = cm
        .downcast::<ClassMethod<P>>()
        .ok_or_else(|| vm.type_error("descriptor '__get__' requires a 'classmethod' object"))?
        .func
        .clone();
    if let Some(get) = vm.descriptor_method(&func, "__get__") {
        return vm.call_method(&get, &func, &[owner.clone(), owner], Kw::EMPTY);
    }
    Ok(ObjRef::new(BoundMethod {
        weakrefs: Default::default(),
        func,
        this: owner,
    }))
}

/// `staticmethod.__get__(instance, owner=None)`: the function.
fn staticmethod_get<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let (sm, _, _) = get_args(vm, args)?;
    Ok(sm
        .downcast::<StaticMethod<P>>()
        .ok_or_else(|| vm.type_error("descriptor '__get__' requires a 'staticmethod' object"))?
        .func
        .clone())
}

/// `property.__get__(instance, owner=None)`
fn property_get<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let (prop, inst, _) = get_args(vm, args)?;
    let Some(inst) = inst else {
        return Ok(prop.clone());
    };
    let Some(p) = prop.downcast::<Property<P>>() else {
        return Err(vm.type_error("descriptor '__get__' requires a 'property' object"));
    };
    match &p.fget {
        Some(g) => vm.call(g, core::slice::from_ref(inst), Kw::EMPTY),
        None => Err(vm.attribute_error("unreadable attribute")),
    }
}

/// `property.__set__(instance, value)`
fn property_set<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("__set__", args, 3, 3)?;
    let Some(p) = args[0].downcast::<Property<P>>() else {
        return Err(vm.type_error("descriptor '__set__' requires a 'property' object"));
    };
    match &p.fset {
        Some(f) => vm.call(f, &args[1..], Kw::EMPTY).map(|_| ObjRef::none()),
        None => Err(vm.attribute_error("can't set attribute")),
    }
}

/// `property.__delete__(instance)`
fn property_delete<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("__delete__", args, 2, 2)?;
    let Some(p) = args[0].downcast::<Property<P>>() else {
        return Err(vm.type_error("descriptor '__delete__' requires a 'property' object"));
    };
    match &p.fdel {
        Some(f) => vm.call(f, &args[1..2], Kw::EMPTY).map(|_| ObjRef::none()),
        None => Err(vm.attribute_error("can't delete attribute")),
    }
}

/// The built-in type a `new_of`/`init_of` instantiation stands for.
fn builtin_type(code: u8) -> BuiltinType {
    const ALL: [BuiltinType; 10] = [
        BuiltinType::Int,
        BuiltinType::Float,
        BuiltinType::Str,
        BuiltinType::Bytes,
        BuiltinType::Tuple,
        BuiltinType::List,
        BuiltinType::Dict,
        BuiltinType::Set,
        BuiltinType::FrozenSet,
        BuiltinType::ByteArray,
    ];
    ALL.into_iter()
        .find(|bt| *bt as u8 == code)
        .expect("a built-in type with instances")
}

/// `T.__new__(cls, *args, **kw)`: a value of `T` when `cls` is `T`, else
/// an instance of the subclass `cls` carrying one.
fn new_of<P: HeapPolicy, const BT: u8>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let bt = builtin_type(BT);
    let Some(cls) = args.first() else {
        return Err(vm.type_error(format!("{bt:?}.__new__(): not enough arguments")));
    };
    let Some(c) = cls.downcast::<Class<P>>() else {
        return Err(vm.type_error(format!(
            "__new__(X): X is not a type object ({})",
            vm.type_name(cls)
        )));
    };
    if c.builtin == Some(bt) {
        let ctor = c.ctor.expect("a built-in class's constructor");
        return ctor(vm, args, kw);
    }
    if c.native != Some(bt) {
        let owner = match bt {
            BuiltinType::Str => "str",
            BuiltinType::Int => "int",
            BuiltinType::Float => "float",
            BuiltinType::Bytes => "bytes",
            BuiltinType::Tuple => "tuple",
            BuiltinType::List => "list",
            BuiltinType::Dict => "dict",
            BuiltinType::Set => "set",
            BuiltinType::FrozenSet => "frozenset",
            _ => "bytearray",
        };
        return Err(vm.type_error(format!(
            "{owner}.__new__({0}): {0} is not a subtype of {owner}",
            c.name
        )));
    }
    let native = vm.native_new(bt, &args[1..], kw)?;
    Ok(ObjRef::new(Instance::with_native(
        cls.clone(),
        false,
        Some(native),
    )))
}

/// `T.__init__(self, *args, **kw)` for the mutable built-in types: refills
/// the value (the receiver is the carried value already).
fn init_of<P: HeapPolicy, const BT: u8>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let bt = builtin_type(BT);
    vm.native_init(bt, &args[0], &args[1..], kw)?;
    Ok(ObjRef::none())
}

/// `type.__new__(meta, name, bases, namespace, **kw)`
fn type_dunder_new<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    match args {
        [meta, name, bases, ns] => {
            if !meta.is::<Class<P>>() {
                return Err(vm.type_error(format!(
                    "type.__new__(X): X is not a type object ({})",
                    vm.type_name(meta)
                )));
            }
            vm.type_new(meta, name, bases, ns, kw)
        }
        [meta, x] if meta.is_same(&vm.types().type_) => Ok(vm.type_of(x)),
        _ => Err(vm.type_error(format!(
            "type.__new__() takes exactly 3 arguments ({} given)",
            args.len().saturating_sub(1)
        ))),
    }
}

/// `type.__init__(cls, name, bases, namespace, **kw)`: checks the count.
fn type_init<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    match args.len() {
        2 | 4 => Ok(ObjRef::none()),
        _ => Err(vm.type_error("type.__init__() takes 1 or 3 arguments")),
    }
}

/// `type.__call__(cls, *args, **kw)`: what calling a class does, for a
/// metaclass's `__call__` to reach with `super().__call__(...)`.
fn type_dunder_call<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let Some(cls) = args.first().filter(|c| c.is::<Class<P>>()) else {
        return Err(vm.type_error("descriptor '__call__' requires a 'type' object"));
    };
    vm.type_call(cls, &args[1..], kw)
}

/// `cls.mro()`: the class and its MRO, as a list.
fn type_mro<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("mro", args, 1, 1)?;
    let Some(c) = args[0].downcast::<Class<P>>() else {
        return Err(vm.type_error("descriptor 'mro' requires a 'type' object"));
    };
    let mut v = vec![args[0].clone()];
    v.extend(c.mro.iter().cloned());
    Ok(ObjRef::from_list_vec(v))
}

/// `cls.__class_getitem__(item)` of the generic built-in types:
/// `types.GenericAlias(cls, item)` (the frozen `types` module, imported on
/// first use).
fn class_getitem<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let [cls, item] = args else {
        return Err(vm.type_error(format!(
            "__class_getitem__() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    };
    let types = vm.import(&vm.intern("types"))?;
    let alias = vm.getattr(&types, &vm.intern("GenericAlias"))?;
    vm.call(&alias, &[cls.clone(), item.clone()], Kw::EMPTY)
}

/// `object.__init_subclass__()`: the end of the chain; takes no keywords.
fn object_init_subclass<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    if !kw.is_empty() || args.len() > 1 {
        let name = args
            .first()
            .and_then(|c| c.downcast::<Class<P>>())
            .map(|c| c.name.clone())
            .unwrap_or_else(|| "object".into());
        return Err(vm.type_error(format!(
            "{name}.__init_subclass__() takes no keyword arguments"
        )));
    }
    Ok(ObjRef::none())
}

macro_rules! unary_slots {
    ($($name:ident, $text:literal, |$vm:ident, $a:ident| $body:expr;)*) => {$(
        fn $name<P: HeapPolicy>($vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
            $vm.check_args($text, args, 1, 1)?;
            let $a = &args[0];
            $body
        }
    )*};
}

macro_rules! binary_slots {
    ($($name:ident, $text:literal, |$vm:ident, $a:ident, $b:ident| $body:expr;)*) => {$(
        fn $name<P: HeapPolicy>($vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
            $vm.check_args($text, args, 2, 2)?;
            let ($a, $b) = (&args[0], &args[1]);
            $body
        }
    )*};
}

unary_slots! {
    slot_repr, "__repr__", |vm, a| Ok(vm.new_str(vm.repr(a)?));
    slot_str, "__str__", |vm, a| vm.str_obj(vm.native_of(a).unwrap_or(a));
    slot_hash, "__hash__", |vm, a| Ok(ObjRef::from_i64(vm.hash(a)?));
    slot_len, "__len__", |vm, a| Ok(ObjRef::from_i64(vm.len(a)? as i64));
    slot_iter, "__iter__", |vm, a| vm.get_iter(a);
    slot_neg, "__neg__", |vm, a| vm.unary_neg(a);
    slot_pos, "__pos__", |vm, a| vm.unary_pos(a);
    slot_abs, "__abs__", |vm, a| vm.abs(a);
    slot_invert, "__invert__", |vm, a| vm.unary_invert(a);
    slot_bool, "__bool__", |vm, a| Ok(ObjRef::from_bool(vm.is_true(a)?));
    slot_int, "__int__", |vm, a| vm.call(&vm.types().int.clone(), core::slice::from_ref(a), Kw::EMPTY);
    slot_float, "__float__", |vm, a| vm.call(&vm.types().float.clone(), core::slice::from_ref(a), Kw::EMPTY);
    slot_index, "__index__", |vm, a| Ok(ObjRef::from_i64(vm.index_i64(a)?));
}

binary_slots! {
    slot_eq, "__eq__", |vm, a, b| vm.rich_compare(a, b, CmpOp::Eq);
    slot_ne, "__ne__", |vm, a, b| vm.rich_compare(a, b, CmpOp::NotEq);
    slot_lt, "__lt__", |vm, a, b| vm.rich_compare(a, b, CmpOp::Lt);
    slot_le, "__le__", |vm, a, b| vm.rich_compare(a, b, CmpOp::LtE);
    slot_gt, "__gt__", |vm, a, b| vm.rich_compare(a, b, CmpOp::Gt);
    slot_ge, "__ge__", |vm, a, b| vm.rich_compare(a, b, CmpOp::GtE);
    slot_getitem, "__getitem__", |vm, a, b| vm.getitem(a, b);
    slot_contains, "__contains__", |vm, a, b| Ok(ObjRef::from_bool(vm.contains(a, b)?));
    slot_delitem, "__delitem__", |vm, a, b| vm.delitem(a, b).map(|_| ObjRef::none());
    slot_format, "__format__", |vm, a, b| {
        let spec = b.as_str().ok_or_else(|| vm.type_error(format!(
            "format() argument 2 must be str, not {}", vm.type_name(b))))?.to_string();
        vm.format(a, &spec)
    };
    slot_iadd, "__iadd__", |vm, a, b| vm.inplace_op(a, b, BinOp::Add);
    slot_ior, "__ior__", |vm, a, b| vm.inplace_op(a, b, BinOp::BitOr);
    slot_add, "__add__", |vm, a, b| vm.binary_op(a, b, BinOp::Add);
    slot_radd, "__radd__", |vm, a, b| vm.binary_op(b, a, BinOp::Add);
    slot_sub, "__sub__", |vm, a, b| vm.binary_op(a, b, BinOp::Sub);
    slot_rsub, "__rsub__", |vm, a, b| vm.binary_op(b, a, BinOp::Sub);
    slot_mul, "__mul__", |vm, a, b| vm.binary_op(a, b, BinOp::Mul);
    slot_rmul, "__rmul__", |vm, a, b| vm.binary_op(b, a, BinOp::Mul);
    slot_truediv, "__truediv__", |vm, a, b| vm.binary_op(a, b, BinOp::Div);
    slot_rtruediv, "__rtruediv__", |vm, a, b| vm.binary_op(b, a, BinOp::Div);
    slot_floordiv, "__floordiv__", |vm, a, b| vm.binary_op(a, b, BinOp::FloorDiv);
    slot_rfloordiv, "__rfloordiv__", |vm, a, b| vm.binary_op(b, a, BinOp::FloorDiv);
    slot_mod, "__mod__", |vm, a, b| vm.binary_op(a, b, BinOp::Mod);
    slot_rmod, "__rmod__", |vm, a, b| vm.binary_op(b, a, BinOp::Mod);
    slot_pow, "__pow__", |vm, a, b| vm.binary_op(a, b, BinOp::Pow);
    slot_rpow, "__rpow__", |vm, a, b| vm.binary_op(b, a, BinOp::Pow);
    slot_and, "__and__", |vm, a, b| vm.binary_op(a, b, BinOp::BitAnd);
    slot_rand, "__rand__", |vm, a, b| vm.binary_op(b, a, BinOp::BitAnd);
    slot_or, "__or__", |vm, a, b| vm.binary_op(a, b, BinOp::BitOr);
    slot_ror, "__ror__", |vm, a, b| vm.binary_op(b, a, BinOp::BitOr);
    slot_xor, "__xor__", |vm, a, b| vm.binary_op(a, b, BinOp::BitXor);
    slot_rxor, "__rxor__", |vm, a, b| vm.binary_op(b, a, BinOp::BitXor);
    slot_lshift, "__lshift__", |vm, a, b| vm.binary_op(a, b, BinOp::LShift);
    slot_rshift, "__rshift__", |vm, a, b| vm.binary_op(a, b, BinOp::RShift);
}

fn slot_setitem<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("__setitem__", args, 3, 3)?;
    vm.setitem(&args[0], args[1].clone(), args[2].clone())?;
    Ok(ObjRef::none())
}
