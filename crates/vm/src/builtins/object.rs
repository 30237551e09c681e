//! Methods of the root classes and of `property`: `object`'s `__new__`,
//! `__getstate__`, `__reduce_ex__`, `__reduce__` (through frozen `copyreg`), `__init__`,
//! `__repr__`, `__str__`, `__eq__`, `__ne__` and `__hash__`,
//! `BaseException.__init__` (which stores `args`) and `__reduce__`, and `property`'s
//! `setter` / `getter` / `deleter` (after `Objects/typeobject.c`,
//! `Objects/exceptions.c` and `Objects/descrobject.c`).

use ftl_object::{HeapPolicy, Kind, ObjRef};

use crate::interpreter::state::{BuiltinFn, ExcType, Kw, PyResult, Vm};
use crate::objects::*;
use ftl_syntax::ast::CmpOp;

use super::args::R;

/// Installs the methods of `object`, `BaseException` and `property`.
pub fn install<P: HeapPolicy>(vm: &Vm<P>) {
    let t = vm.types();
    let m = |cls: &Obj<P>, owner: &'static str, name: &'static str, f: BuiltinFn<P>| {
        vm.add_method(cls, owner, name, f)
    };
    m(&t.object, "object", "__init__", object_init::<P>);
    m(&t.object, "object", "__repr__", object_repr::<P>);
    m(&t.object, "object", "__str__", object_str::<P>);
    m(&t.object, "object", "__eq__", object_eq::<P>);
    m(&t.object, "object", "__ne__", object_ne::<P>);
    m(&t.object, "object", "__hash__", object_hash::<P>);
    m(&t.object, "object", "__setattr__", object_setattr::<P>);
    m(&t.object, "object", "__delattr__", object_delattr::<P>);
    // A static method, as in CPython (`C.__new__(C)`).
    vm.add_wrapped_method(&t.object, "__new__", object_new::<P>, false);
    m(&t.object, "object", "__getstate__", object_getstate::<P>);
    m(&t.object, "object", "__reduce_ex__", object_reduce_ex::<P>);
    m(&t.object, "object", "__reduce__", object_reduce::<P>);
    m(
        &t.exc[ExcType::BaseException as usize],
        "BaseException",
        "__reduce__",
        exc_reduce::<P>,
    );
    // A static method, so that a user exception's own `__new__` can call
    // `super().__new__(cls, *args)`.
    vm.add_wrapped_method(
        &t.exc[ExcType::BaseException as usize],
        "__new__",
        exc_new::<P>,
        false,
    );
    // What `super().__str__()` reaches from an exception's own `__str__`.
    m(
        &t.exc[ExcType::BaseException as usize],
        "BaseException",
        "__str__",
        exc_str::<P>,
    );
    // BaseException.__init__ stores args.
    m(
        &t.exc[ExcType::BaseException as usize],
        "BaseException",
        "__init__",
        exc_init::<P>,
    );
    let prop = &t.others["property"];
    vm.add_method(prop, "property", "setter", property_setter::<P>);
    vm.add_method(prop, "property", "getter", property_getter::<P>);
    vm.add_method(prop, "property", "deleter", property_deleter::<P>);
}

fn object_init<P: HeapPolicy>(_vm: &Vm<P>, _args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    Ok(ObjRef::none())
}

/// `object.__new__(cls, *args, **kwargs)`: a new, uninitialised instance
/// of a user class (`__init__` is not run), what `pickle` and `copy` use
/// to rebuild an object. CPython's checks (`object_new` and
/// `tp_new_wrapper` in `Objects/typeobject.c`): `cls` must be a class
/// whose instances `object` can make (not a built-in type or an
/// exception class), and extra arguments are refused unless the class
/// defines `__init__`.
fn object_new<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let Some(cls) = args.first() else {
        return Err(vm.type_error("object.__new__(): not enough arguments"));
    };
    let Some(c) = cls.downcast::<Class<P>>() else {
        return Err(vm.type_error(format!(
            "object.__new__(X): X is not a type object ({})",
            vm.type_name(cls)
        )));
    };
    let builtin = matches!(c.builtin, Some(b) if b != BuiltinType::Object);
    if builtin || c.is_exception() {
        return Err(vm.type_error(format!(
            "object.__new__({0}) is not safe, use {0}.__new__()",
            c.name
        )));
    }
    let has_init = vm.user_method(cls, &vm.interp.names.init).is_some();
    if (args.len() > 1 || !kw.is_empty()) && !has_init {
        return Err(vm.type_error(format!("{}() takes no arguments", c.name)));
    }
    Ok(ObjRef::new(Instance::new(cls.clone(), false)))
}

/// `BaseException.__new__(cls, *args)`: a bare exception instance of
/// `cls` with `args` set, without running `__init__` (CPython's
/// `BaseException_new`).
fn exc_new<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let Some(cls) = args.first() else {
        return Err(vm.type_error("BaseException.__new__(): not enough arguments"));
    };
    let Some(c) = cls.downcast::<Class<P>>() else {
        return Err(vm.type_error(format!(
            "BaseException.__new__(X): X is not a type object ({})",
            vm.type_name(cls)
        )));
    };
    if !c.is_exception() {
        return Err(vm.type_error(format!(
            "BaseException.__new__({0}): {0} is not a subtype of BaseException",
            c.name
        )));
    }
    Ok(vm.make_exception(cls.clone(), args[1..].to_vec()))
}

/// `object.__getstate__()`: an instance's `__dict__` (the dict itself),
/// or None when it is empty or the object has none (CPython 3.11's
/// `object_getstate_default` for objects without slots).
fn object_getstate<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("__getstate__", args, 1, 1)?;
    let Some(inst) = args[0].downcast::<Instance<P>>() else {
        return Ok(ObjRef::none());
    };
    // Slot values are the second item of a `(dict_state, slot_state)`
    // pair, as CPython 3.11's `object.__getstate__` returns them.
    let nonempty = |d: &Obj<P>| !d.as_dict().expect("dict").is_empty();
    let dict_state =
        if nonempty(&inst.dict) && vm.class(&inst.class).flags() & class_flags::NO_DICT == 0 {
            inst.dict.clone()
        } else {
            ObjRef::none()
        };
    match &inst.slots {
        Some(slots) if nonempty(slots) => Ok(ObjRef::new_tuple(vec![
            dict_state,
            ObjRef::from_dict(slots.as_dict().expect("dict").copy()),
        ])),
        _ => Ok(dict_state),
    }
}

/// `object.__reduce_ex__(protocol)` and `object.__reduce__()`: frozen
/// `copyreg._reduce_object` does the work (see `lib/copyreg.py`); this
/// passes it whether the object is an instance of a user class, the only
/// objects it reduces itself.
fn reduce_through_copyreg<P: HeapPolicy>(vm: &Vm<P>, obj: &Obj<P>, protocol: Obj<P>) -> R<P> {
    let copyreg = vm.import(&vm.intern("copyreg"))?;
    let reduce = vm.getattr(&copyreg, &vm.intern("_reduce_object"))?;
    let user_instance = obj
        .downcast::<Instance<P>>()
        .is_some_and(|inst| inst.exc.is_none());
    vm.call(
        &reduce,
        &[obj.clone(), protocol, ObjRef::from_bool(user_instance)],
        Kw::EMPTY,
    )
}

fn object_reduce_ex<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("__reduce_ex__", args, 2, 2)?;
    vm.index_i64(&args[1])?;
    reduce_through_copyreg(vm, &args[0], args[1].clone())
}

fn object_reduce<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("__reduce__", args, 1, 1)?;
    reduce_through_copyreg(vm, &args[0], ObjRef::from_i64(0))
}

/// `BaseException.__reduce__()`: `(type, args)`, plus the instance's
/// `__dict__` when it holds anything (`BaseException_reduce`).
fn exc_reduce<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("__reduce__", args, 1, 1)?;
    let e = &args[0];
    let Some(inst) = e.downcast::<Instance<P>>() else {
        return Err(vm.type_error("descriptor '__reduce__' requires a 'BaseException' object"));
    };
    let exc_args = inst
        .exc
        .as_ref()
        .and_then(|x| x.args.get())
        .unwrap_or_else(|| ObjRef::new_tuple(Vec::new()));
    let mut items = vec![inst.class.clone(), exc_args];
    if !inst.dict.as_dict().expect("instance dict").is_empty() {
        items.push(inst.dict.clone());
    }
    Ok(ObjRef::new_tuple(items))
}

fn object_repr<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("__repr__", args, 1, 1)?;
    let o = &args[0];
    if let Some(inst) = o.downcast::<Instance<P>>() {
        return Ok(vm.new_str(vm.default_instance_repr(o, &inst.class)));
    }
    Ok(vm.new_str(vm.repr(o)?))
}

fn object_str<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("__str__", args, 1, 1)?;
    Ok(vm.new_str(vm.repr(&args[0])?))
}

fn exc_str<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("__str__", args, 1, 1)?;
    let o = &args[0];
    match o.downcast::<Instance<P>>().and_then(|i| i.exc.as_ref()) {
        Some(e) => Ok(vm.new_str(vm.exception_str(o, e)?)),
        None => Err(vm.type_error(format!(
            "descriptor '__str__' requires a 'BaseException' object but received a '{}'",
            vm.type_name(o)
        ))),
    }
}

fn object_eq<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("__eq__", args, 2, 2)?;
    if args[0].is_same(&args[1]) {
        return Ok(ObjRef::from_bool(true));
    }
    if args[0].kind() != Kind::Other {
        return vm.rich_compare(&args[0], &args[1], CmpOp::Eq);
    }
    Ok(vm.interp.not_implemented.clone())
}

fn object_ne<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("__ne__", args, 2, 2)?;
    let r = vm.compare_bool(&args[0], &args[1], CmpOp::Eq)?;
    Ok(ObjRef::from_bool(!r))
}

fn object_hash<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("__hash__", args, 1, 1)?;
    Ok(ObjRef::from_i64(vm.hash(&args[0])?))
}

/// `object.__setattr__(obj, name, value)`: the store a class's own
/// `__setattr__` falls back on.
fn object_setattr<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("__setattr__", args, 3, 3)?;
    let name = attr_name(vm, &args[1])?;
    match args[0].downcast::<Instance<P>>() {
        Some(inst) => vm.setattr_instance(
            &args[0],
            inst,
            &name,
            args[2].clone(),
            &core::sync::atomic::AtomicU32::new(crate::compiler::bytecode::NO_HINT),
        )?,
        None => vm.setattr(&args[0], &name, args[2].clone())?,
    }
    Ok(ObjRef::none())
}

/// `object.__delattr__(obj, name)`.
fn object_delattr<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("__delattr__", args, 2, 2)?;
    let name = attr_name(vm, &args[1])?;
    match args[0].downcast::<Instance<P>>() {
        Some(inst) => vm.delattr_instance(&args[0], inst, &name)?,
        None => vm.delattr(&args[0], &name)?,
    }
    Ok(ObjRef::none())
}

/// An attribute name argument: a `str`, interned as attribute names are.
fn attr_name<P: HeapPolicy>(vm: &Vm<P>, name: &Obj<P>) -> PyResult<Obj<P>, P> {
    match name.as_str() {
        Some(s) => Ok(vm.intern(s)),
        None => Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(name)
        ))),
    }
}

fn exc_init<P: HeapPolicy>(_vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    if let Some(inst) = args[0].downcast::<Instance<P>>() {
        if let Some(e) = &inst.exc {
            e.args.set(Some(ObjRef::new_tuple(args[1..].to_vec())));
        }
    }
    Ok(ObjRef::none())
}

fn this_property<'a, P: HeapPolicy>(
    vm: &Vm<P>,
    args: &'a [Obj<P>],
) -> PyResult<&'a Property<P>, P> {
    vm.check_args("setter", &args[1..], 1, 1)?;
    args[0]
        .downcast::<Property<P>>()
        .ok_or_else(|| vm.type_error("descriptor requires a 'property' object"))
}

fn property_setter<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let p = this_property(vm, args)?;
    Ok(ObjRef::new(Property {
        fget: p.fget.clone(),
        fset: Some(args[1].clone()),
        fdel: p.fdel.clone(),
    }))
}

fn property_getter<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let p = this_property(vm, args)?;
    Ok(ObjRef::new(Property {
        fget: Some(args[1].clone()),
        fset: p.fset.clone(),
        fdel: p.fdel.clone(),
    }))
}

fn property_deleter<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let p = this_property(vm, args)?;
    Ok(ObjRef::new(Property {
        fget: p.fget.clone(),
        fset: p.fset.clone(),
        fdel: Some(args[1].clone()),
    }))
}
