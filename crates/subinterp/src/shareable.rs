//! [`Shareable`]: the only form in which data crosses from one
//! interpreter to another.
//!
//! PEP 734 moves data between interpreters by *copying* it: the sending
//! interpreter turns an object into interpreter-independent data
//! (CPython's `_PyXIData_t`), and the receiving interpreter makes a new
//! object of its own from that data. CPython 3.14 copies `None`, `bool`,
//! `int`, `float`, `str`, `bytes`, tuples of those and queues directly
//! ("shareable" types), and pickles everything else where pickling is
//! allowed (`Interpreter.call`, `Queue.put`) — see `Python/crossinterp.c`
//! and `Lib/concurrent/interpreters/__init__.py`.
//!
//! Here that data is [`Shareable`], an owned Rust value with **no heap
//! parameter**: it cannot hold an `ObjRef` of any interpreter, so nothing
//! that goes through it can carry an object of one interpreter into
//! another. It is `Send + Sync + 'static`; `ObjRef<GilHeap>` is neither
//! `Send` nor `Sync`, which is what keeps the closures that
//! [`crate::registry`] runs inside another interpreter from capturing the
//! caller's objects.
//!
//! ## Invariants
//!
//! * [`to_shareable`] reads only the object it is given (and, for the
//!   pickle fallback, calls `pickle.dumps` in the *sending* interpreter);
//!   [`from_shareable`] allocates only in the *receiving* interpreter.
//! * A pickled value remembers the file of the sender's `__main__`, so the
//!   receiver can find functions and classes defined there (CPython 3.14
//!   runs that file under another name for the same purpose:
//!   `_handle_unpickle_missing_attr` in `crossinterp.c`).

use std::sync::Arc;

use ftl_object::{HeapPolicy, Kind, ObjRef};
use ftl_vm::interpreter::state::{Kw, PyResult, Vm};
use ftl_vm::objects::Obj;

/// Interpreter-independent data (see the module docs).
#[derive(Debug, Clone, PartialEq)]
pub enum Shareable {
    /// `None`
    None,
    /// `True` / `False`
    Bool(bool),
    /// An `int` of any size.
    Int(ftl_object::IntValue),
    /// A `float`.
    Float(f64),
    /// A `str`.
    Str(Arc<str>),
    /// A `bytes`.
    Bytes(Arc<[u8]>),
    /// A tuple whose items are all shareable.
    Tuple(Arc<[Shareable]>),
    /// A cross-interpreter queue, by id (the queue itself lives in the
    /// process-wide registry of [`crate::queues`]).
    Queue(u64),
    /// Anything else: `pickle.dumps` of it, and the sender's main file.
    Pickled {
        /// The pickle.
        data: Arc<[u8]>,
        /// The sending interpreter's `__main__.__file__`, if it has one.
        main_file: Option<Arc<str>>,
    },
}

/// Why an object could not be made [`Shareable`].
pub enum NotShareable<P: HeapPolicy> {
    /// Its type is not shareable and no pickling was allowed: the type's
    /// name.
    Type(String),
    /// Pickling it raised.
    Pickling(ftl_vm::interpreter::state::PyErr<P>),
}

/// Whether `to_shareable` may fall back to pickle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fallback {
    /// Only the shareable types (`prepare_main`, `is_shareable`).
    None,
    /// Pickle what is not shareable (`call`, `Queue.put`).
    Pickle,
}

/// Converts `obj` (an object of `vm`'s interpreter) to data.
pub fn to_shareable<P: HeapPolicy>(
    vm: &Vm<P>,
    obj: &Obj<P>,
    fallback: Fallback,
) -> Result<Shareable, NotShareable<P>> {
    if let Some(s) = direct(vm, obj) {
        return Ok(s);
    }
    match fallback {
        Fallback::None => Err(NotShareable::Type(vm.type_name(obj))),
        Fallback::Pickle => pickle(vm, obj).map_err(NotShareable::Pickling),
    }
}

/// Whether `obj`'s type is one of the shareable types (CPython's
/// `_PyObject_CheckXIData`, behind `is_shareable`, looks at the type
/// only: a tuple is shareable by type even when an item is not, and then
/// fails when it is converted).
pub fn is_shareable_type<P: HeapPolicy>(vm: &Vm<P>, obj: &Obj<P>) -> bool {
    match obj.kind() {
        Kind::None | Kind::Bool | Kind::Int | Kind::Float | Kind::Str | Kind::Bytes => true,
        Kind::Tuple => true,
        Kind::Other => crate::queues::queue_id(vm, obj).is_some(),
        _ => false,
    }
}

/// The shareable types, copied as they are.
fn direct<P: HeapPolicy>(vm: &Vm<P>, obj: &Obj<P>) -> Option<Shareable> {
    Some(match obj.kind() {
        Kind::None => Shareable::None,
        Kind::Bool => Shareable::Bool(obj.as_bool()?),
        Kind::Int => Shareable::Int(obj.as_int()?.clone()),
        Kind::Float => Shareable::Float(obj.as_f64()?),
        Kind::Str => Shareable::Str(Arc::from(obj.as_str()?)),
        Kind::Bytes => Shareable::Bytes(Arc::from(obj.as_bytes()?)),
        Kind::Tuple => {
            let items = obj.as_tuple()?;
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                out.push(direct(vm, item)?);
            }
            Shareable::Tuple(Arc::from(out))
        }
        Kind::Other => Shareable::Queue(crate::queues::queue_id(vm, obj)?),
        _ => return None,
    })
}

/// `pickle.dumps(obj)` in the sending interpreter.
fn pickle<P: HeapPolicy>(vm: &Vm<P>, obj: &Obj<P>) -> PyResult<Shareable, P> {
    let pickle = vm.import(&vm.intern("pickle"))?;
    let dumps = vm.getattr(&pickle, &vm.intern("dumps"))?;
    let data = vm.call(&dumps, std::slice::from_ref(obj), Kw::EMPTY)?;
    let data = data
        .as_bytes()
        .ok_or_else(|| vm.type_error("pickle.dumps() did not return bytes"))?;
    Ok(Shareable::Pickled {
        data: Arc::from(data),
        main_file: main_file(vm),
    })
}

/// The file of the interpreter's `__main__`: its `__file__`, or for a
/// subinterpreter (whose `__main__` has none) the file its creator had.
pub(crate) fn main_file<P: HeapPolicy>(vm: &Vm<P>) -> Option<Arc<str>> {
    let main = vm.dict_get_str(&vm.interp.modules, &vm.interp.names.main);
    let file = main
        .and_then(|m| vm.getattr_opt(&m, &vm.intern("__file__")).ok().flatten())
        .and_then(|f| f.as_str().map(Arc::from));
    file.or_else(|| crate::registry::main_file_of(vm))
}

/// Makes an object of `vm`'s interpreter from `data`.
pub fn from_shareable<P: HeapPolicy>(vm: &Vm<P>, data: &Shareable) -> PyResult<Obj<P>, P> {
    Ok(match data {
        Shareable::None => ObjRef::none(),
        Shareable::Bool(b) => ObjRef::from_bool(*b),
        Shareable::Int(i) => ObjRef::from_int(i.clone()),
        Shareable::Float(f) => ObjRef::from_f64(*f),
        Shareable::Str(s) => vm.new_str(s.to_string()),
        Shareable::Bytes(b) => ObjRef::new_bytes(b),
        Shareable::Tuple(items) => {
            let mut out = Vec::with_capacity(items.len());
            for item in items.iter() {
                out.push(from_shareable(vm, item)?);
            }
            ObjRef::new_tuple(out)
        }
        Shareable::Queue(id) => crate::queues::queue_object(vm, *id)?,
        Shareable::Pickled { data, main_file } => unpickle(vm, data, main_file.as_deref())?,
    })
}

/// `pickle.loads(data)` in the receiving interpreter. When the pickle names
/// something of `__main__` that this interpreter's `__main__` lacks (a
/// function of the sender's program), the sender's main file is run here
/// once as module `<fake __main__>` (so its `if __name__ == "__main__":`
/// block does not run) and the pickle is loaded again with that module
/// standing in for `__main__`.
fn unpickle<P: HeapPolicy>(
    vm: &Vm<P>,
    data: &[u8],
    main_file: Option<&str>,
) -> PyResult<Obj<P>, P> {
    let pickle = vm.import(&vm.intern("pickle"))?;
    let loads = vm.getattr(&pickle, &vm.intern("loads"))?;
    let bytes = ObjRef::new_bytes(data);
    let first = vm.call(&loads, std::slice::from_ref(&bytes), Kw::EMPTY);
    let err = match first {
        Ok(v) => return Ok(v),
        Err(e) => e,
    };
    let Some(file) = main_file else {
        return Err(err);
    };
    if !vm.err_matches(&err, ftl_vm::interpreter::state::ExcType::AttributeError) {
        return Err(err);
    }
    let modules = &vm.interp.modules;
    let fake_name = vm.intern(FAKE_MAIN);
    let fake = match vm.dict_get_str(modules, &fake_name) {
        Some(m) => m,
        None => {
            let runpy = vm.import(&vm.intern("runpy"))?;
            let run = vm.getattr(&runpy, &vm.intern("_run_path_as_module"))?;
            vm.call(&run, &[vm.new_str(file), fake_name.clone()], Kw::EMPTY)?
        }
    };
    let main_name = vm.interp.names.main.clone();
    let real = vm.dict_get_str(modules, &main_name);
    vm.dict_set_str(modules, main_name.clone(), fake);
    let second = vm.call(&loads, std::slice::from_ref(&bytes), Kw::EMPTY);
    match real {
        Some(m) => vm.dict_set_str(modules, main_name, m),
        None => {
            let _ = vm.dict_del_str(modules, &main_name);
        }
    }
    second
}

/// The module name the sender's main file runs under in a receiving
/// interpreter (CPython 3.14's choice).
pub const FAKE_MAIN: &str = "<fake __main__>";
