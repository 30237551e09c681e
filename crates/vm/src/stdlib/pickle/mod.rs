//! The native half of `pickle` (CPython's `Modules/_pickle.c`): Python
//! objects to bytes and back, in the pickle format of protocols 0 to 5,
//! wire-compatible with CPython.
//!
//! `pickle` itself is frozen Python (`lib/pickle.py`): it defines the
//! exception classes, `Pickler` and `Unpickler`, `dump`/`dumps`/
//! `load`/`loads`, and calls the three functions here with its exception
//! classes as arguments (as `struct` does with `_struct`):
//!
//! * `dumps(obj, protocol, fix_imports, persistent_id, dispatch_table,
//!   PicklingError)`: the pickle of `obj` as bytes ([`pickler`]);
//! * `loads(source, fix_imports, encoding, errors, find_class,
//!   persistent_load, UnpicklingError)`: one object read from a bytes
//!   object or from a file with `read` and `readline` ([`unpickler`]);
//! * `find_class(module, name, proto, fix_imports)`: the default
//!   `Unpickler.find_class`.
//!
//! # Compatibility
//!
//! A pickle written by ftl is byte for byte the one `python3` writes for
//! the same value and protocol, for every kind ftl pickles (the test
//! `pickle_compat` in `crates/cli/tests` checks it against the live
//! `python3`, and loads python3's pickles back); below protocol 3 Python
//! 2's module names are written and read (`fix_imports`, [`compat`]).
//!
//! # Where ftl differs
//!
//! * `Pickler` builds the whole pickle in memory and writes it with one
//!   `file.write`; its memo is not kept from one `dump` to the next.
//! * Not supported: out-of-band buffers (protocol 5's `buffer_callback`
//!   and `buffers`), `reducer_override`, the `copyreg` extension registry,
//!   and keyword arguments to `__new__` below protocol 4 (CPython writes a
//!   `functools.partial` there).
//! * Thread safety: pickling reads containers through their own locks, so
//!   a list another thread mutates meanwhile is pickled in one of the
//!   states it passed through, never torn.

use ftl_object::{HeapPolicy, ObjRef};

use crate::interpreter::state::ObjResult as R;
use crate::interpreter::state::{BuiltinFn, Kw, PyResult, Vm};
use crate::objects::Obj;
use crate::stdlib::Namespace;

pub mod compat;
pub mod opcodes;
pub mod pickler;
pub mod unpickler;

/// Fills `_pickle`.
pub fn init<P: HeapPolicy>(_vm: &Vm<P>, m: &Namespace<'_, P>) -> PyResult<(), P> {
    m.add_functions(functions::<P>());
    m.set(
        "HIGHEST_PROTOCOL",
        ObjRef::from_i64(opcodes::HIGHEST_PROTOCOL),
    );
    m.set(
        "DEFAULT_PROTOCOL",
        ObjRef::from_i64(opcodes::DEFAULT_PROTOCOL),
    );
    Ok(())
}

fn functions<P: HeapPolicy>() -> &'static [(&'static str, BuiltinFn<P>)] {
    &[
        ("dumps", dumps::<P>),
        ("loads", loads::<P>),
        ("find_class", find_class::<P>),
    ]
}

fn optional<P: HeapPolicy>(o: &Obj<P>) -> Option<Obj<P>> {
    (!o.is_none()).then(|| o.clone())
}

/// The protocol argument: None for the default, negative for the highest.
fn protocol<P: HeapPolicy>(vm: &Vm<P>, o: &Obj<P>) -> PyResult<u8, P> {
    if o.is_none() {
        return Ok(opcodes::DEFAULT_PROTOCOL as u8);
    }
    let p = vm.index_i64(o)?;
    if p < 0 {
        return Ok(opcodes::HIGHEST_PROTOCOL as u8);
    }
    if p > opcodes::HIGHEST_PROTOCOL {
        return Err(vm.value_error(format!(
            "pickle protocol must be <= {}",
            opcodes::HIGHEST_PROTOCOL
        )));
    }
    Ok(p as u8)
}

/// `_pickle.dumps(obj, protocol, fix_imports, persistent_id,
/// dispatch_table, PicklingError)`
fn dumps<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("dumps", args, 6, 6)?;
    let opts = pickler::Options {
        proto: protocol(vm, &args[1])?,
        fix_imports: vm.is_true(&args[2])?,
        persistent_id: optional(&args[3]),
        dispatch_table: optional(&args[4]),
        error: args[5].clone(),
    };
    let bytes = pickler::Pickler::new(vm, opts).dump(&args[0])?;
    Ok(ObjRef::new_bytes(&bytes))
}

/// `_pickle.loads(source, fix_imports, encoding, errors, find_class,
/// persistent_load, UnpicklingError)`: `source` is bytes, or a file.
fn loads<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("loads", args, 7, 7)?;
    for (i, what) in [(2, "encoding"), (3, "errors")] {
        if args[i].as_str().is_none() {
            return Err(vm.type_error(format!(
                "{what} must be str, not {}",
                vm.type_name(&args[i])
            )));
        }
    }
    let opts = unpickler::Options {
        fix_imports: vm.is_true(&args[1])?,
        encoding: args[2].clone(),
        errors: args[3].clone(),
        find_class: optional(&args[4]),
        persistent_load: optional(&args[5]),
        error: args[6].clone(),
    };
    let source = &args[0];
    if let Some(data) = source.as_bytes() {
        let input = unpickler::Input::Bytes { data, pos: 0 };
        return unpickler::Unpickler::new(vm, opts, input).load();
    }
    if source.as_str().is_some() {
        return Err(vm.type_error("a bytes-like object is required, not 'str'"));
    }
    let (Some(read), Some(readline)) = (
        vm.getattr_opt(source, &vm.intern("read"))?,
        vm.getattr_opt(source, &vm.intern("readline"))?,
    ) else {
        return Err(vm.type_error("file must have 'read' and 'readline' attributes"));
    };
    let input = unpickler::Input::File {
        read,
        readline,
        frame: Vec::new(),
        pos: 0,
    };
    unpickler::Unpickler::new(vm, opts, input).load()
}

/// `_pickle.find_class(module, name, proto, fix_imports)`
fn find_class<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("find_class", args, 4, 4)?;
    let (Some(module), Some(name)) = (args[0].as_str(), args[1].as_str()) else {
        return Err(vm.type_error("find_class() arguments must be str"));
    };
    let proto = vm.index_i64(&args[2])?.clamp(0, opcodes::HIGHEST_PROTOCOL) as u8;
    unpickler::find_class(vm, module, name, proto, vm.is_true(&args[3])?)
}
