//! The built-ins: what a program has before it imports anything.
//!
//! * [`startup`]: the interpreter's start-up — the built-in classes and
//!   the `builtins` namespace.
//! * [`functions`]: the built-in functions (`print`, `len`, `sorted`, ...);
//!   [`namespaces`]: those that see or run code in a frame's namespaces
//!   (`globals`, `locals`, `vars`, `dir`, `compile`, `eval`, `exec`).
//! * [`constructors`]: the built-in classes' constructors (`int(x)`,
//!   `list(it)`, ...: CPython's `tp_new`).
//! * the methods of the built-in types, a file per family, each with an
//!   `install` that puts them in the class dicts ([`install`] calls them
//!   all): [`object`] (`object`, `BaseException`, `property`),
//!   [`containers`] (`list`, `tuple`, `dict`, `set`), [`str`](mod@str), [`bytes`],
//!   [`codecs`] (`str.encode`, `bytes.decode`), [`numbers`] (`int`,
//!   `float`) and [`io`] (`TextIOWrapper`, the type of `sys.stdout`);
//!   the lock types' methods are `_thread`'s ([`crate::stdlib::thread`]).
//!   `args` is their shared argument handling; [`type_slots`] gives the
//!   built-in types their special methods as attributes (what a subclass
//!   reaches through `super()`).
//!
//! Methods receive the object as `args[0]`; class methods
//! (`int.from_bytes`, `float.fromhex`, `bytes.fromhex`, `dict.fromkeys`)
//! are wrapped so they receive the class.

use ftl_object::HeapPolicy;

use crate::interpreter::state::Vm;

pub(crate) mod args;
pub mod bytearray;
pub mod bytes;
pub mod codecs;
pub mod constructors;
pub mod containers;
pub mod functions;
pub mod io;
pub mod namespaces;
pub mod numbers;
pub mod object;
pub mod startup;
pub mod str;
pub mod type_slots;

pub use startup::{make_class, make_interp};

/// Installs the methods of every built-in class (once per interpreter).
pub fn install<P: HeapPolicy>(vm: &Vm<P>) {
    object::install(vm);
    containers::install(vm);
    io::install(vm);
    str::install(vm);
    bytes::install(vm);
    bytearray::install(vm);
    numbers::install(vm);
    type_slots::install(vm);
    crate::stdlib::thread::install(vm);
}
