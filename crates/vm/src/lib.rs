//! # ftl-vm: the Python-subset virtual machine
//!
//! The front end (a thin lowering layer over a maintained Python parser
//! crate), the bytecode compiler, the eval loop — monomorphised per heap
//! policy of `ftl-object`, polling the thread coordination at safe points —
//! and the built-in functions and modules.

pub mod ast;
