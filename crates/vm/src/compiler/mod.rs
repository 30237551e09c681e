//! The compiler: `ftl-syntax`'s tree and symbol table in, a [`Code`]
//! object out.
//!
//! * [`compile`]: block-stack bytecode after CPython 3.8–3.10's
//!   `Python/compile.c`, with the errors CPython raises in its compiler
//!   (`'return' outside function`, ...).
//! * [`bytecode`]: the opcodes (one macro gives the enum and its table) and
//!   [`Code`], with one inline-cache word per instruction.

pub mod bytecode;
pub mod compile;

pub use bytecode::Code;
pub use compile::{compile_module, ConstMaker};
