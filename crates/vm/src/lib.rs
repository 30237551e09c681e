//! # ftl-vm: the Python-subset virtual machine
//!
//! Composes the mechanism crates into an interpreter: the compiler from
//! `ftl-syntax`'s tree to bytecode, the eval loop — monomorphised per heap
//! policy of `ftl-object`, polling the thread coordination at safe points —
//! the built-in types and functions, and the standard library modules.
//! One folder per stage of the pipeline, in the order a program meets them:
//!
//! | folder | stage |
//! |---|---|
//! | [`compiler`] | `ftl-syntax`'s tree → [`compiler::bytecode::Code`] |
//! | [`interpreter`] | thread state, the eval loop, frames, calls, attributes, exceptions, finalizers, `import` |
//! | [`objects`] | the VM's object types and the object protocols (arithmetic, comparison, hashing, iteration, repr, format) |
//! | [`builtins`] | start-up, the built-in functions, and the constructors and methods of the built-in types |
//! | [`stdlib`] | the modules `import` finds, one file each, in one registration table; `lib/` holds the frozen Python ones |
//! | [`threads`] | Python threads on OS threads and the coordination (GIL) they attach to |
//! | [`runtime`] | the named runtimes (`ftl runtimes`) and the entry point that runs a program on one |
//!
//! The front end is `ftl-syntax` and the pure CPython algorithms (int
//! arithmetic, float repr and format, str methods, timsort, MT19937) are
//! `ftl-algorithms`; `docs/ARCHITECTURE.md` has the code map.
//!
//! `unsafe` is denied workspace-wide; the files that hold it open with
//! `#![allow(unsafe_code)]` and are listed in `docs/ARCHITECTURE.md`
//! (a test keeps the two in step): [`interpreter::finalize`] (the
//! thread-local pointer to the running VM), [`stdlib::syscalls`] (raw fd
//! calls), [`threads::start`] (the two ends of the `Handover` that gives a
//! new thread its target), and the `unsafe impl Payload`s of
//! [`objects::types`], [`compiler::bytecode`] and [`stdlib::thread`].

pub mod builtins;
pub mod compiler;
pub mod interpreter;
pub mod objects;
pub mod runtime;
pub mod stdlib;
pub mod threads;

pub use runtime::{run_file, run_source, RuntimeInfo, RUNTIMES};
