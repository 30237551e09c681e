//! # ftl-vm: the Python-subset virtual machine
//!
//! The front end (a thin lowering layer over a maintained Python parser
//! crate), the bytecode compiler, the eval loop — monomorphised per heap
//! policy of `ftl-object`, polling the thread coordination at safe points —
//! and the built-in functions and modules. See `docs/ARCHITECTURE.md` for
//! the code map; in short:
//!
//! * front end: [`lower`] (ruff's tree → [`ast`]), [`symtable`],
//!   [`compile`] → [`bytecode`];
//! * execution: [`vm`] (interpreter and thread state), [`eval`] (the loop),
//!   [`frame`], [`call`], [`attr`] (with the type attribute cache of
//!   [`typecache`]), [`ops`], [`exceptions`], [`finalize`];
//! * the object types the object model leaves to the VM: [`objects`];
//! * built-ins: [`builtins`], [`functions`], [`methods`], [`methods_seq`],
//!   [`methods_text`], [`modules`], [`mathmod`], [`textfmt`], with the pure
//!   text and number formatting of [`format`] and [`strmeth`] and the
//!   Mersenne Twister of [`random_mt`] and CPython's list sort of [`timsort`];
//! * [`runtime`]: the named runtimes (`ftl runtimes`) and the entry point
//!   that runs a program on one of them.
//!
//! * threads: [`coordination`] (the GIL behind an object-safe trait) and
//!   [`threads`] (`_thread`; `threading` is Python, in `lib/threading.py`).
//!
//! `unsafe` lives only in [`finalize`], [`sysinfo`] and [`threads`] (the
//! two ends of the `Handover` that gives a new thread its target).

pub mod attr;
pub mod builtins;
pub mod bytecode;
pub mod call;
pub mod compile;
pub mod coordination;
pub mod eval;
pub mod exceptions;
pub mod finalize;
pub mod frame;
pub mod functions;
pub mod mathmod;
pub mod methods;
pub mod methods_seq;
pub mod methods_text;
pub mod modules;
pub mod objects;
pub mod ops;
pub mod runtime;
pub mod sysinfo;
pub mod textfmt;
pub mod threads;
pub mod typecache;
pub mod vm;

pub use runtime::{run_file, run_source, RuntimeInfo, RUNTIMES};
