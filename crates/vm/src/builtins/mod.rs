//! The built-ins: what a program has before it imports anything.
//!
//! * [`startup`]: the interpreter's start-up — the built-in classes, the
//!   `builtins` namespace, and the installation of every method below.
//! * [`functions`]: the built-in functions (`print`, `len`, `sorted`, ...).
//! * [`constructors`]: the built-in classes' constructors (`int(x)`,
//!   `list(it)`, ...: CPython's `tp_new`).
//! * the methods of the built-in types, one file per family:
//!   [`containers`] (`list`, `tuple`, `dict`, `set`), [`text`] (`str`,
//!   `bytes`, `int`, `float`).

pub mod constructors;
pub mod containers;
pub mod functions;
pub mod startup;
pub mod text;

pub use startup::{make_class, make_interp};
