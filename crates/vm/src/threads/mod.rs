//! Python threads on OS threads, and the coordination they attach to.
//!
//! * [`coordination`]: how a thread meets its runtime's coordination (a
//!   GIL, or none) — the eval breaker, detaching around blocking calls,
//!   and a handle for each new thread.
//! * [`start`]: starting an interpreter thread ([`Vm::start_thread`]) and
//!   the thread state an interpreter's threads share ([`InterpThreads`]),
//!   with how daemon threads stop at exit.
//!
//! [`Vm::start_thread`]: crate::interpreter::state::Vm::start_thread

pub mod coordination;
pub mod start;

pub use start::{next_ident, InterpThreads};
