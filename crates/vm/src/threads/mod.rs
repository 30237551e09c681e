//! Python threads on OS threads, and the coordination they attach to.
//!
//! * [`coordination`]: how a thread meets its runtime's coordination (a
//!   GIL, or none) — the eval breaker, detaching around blocking calls,
//!   and a handle for each new thread.
//! * [`model`]: [`ThreadModel`], a coordination composed with the way
//!   objects reach a new thread; its constructors are where a heap meets
//!   the coordinations it is safe with (no GIL only for a shared heap).
//! * [`start`]: starting an interpreter thread ([`Vm::start_thread`]) and
//!   the thread state an interpreter's threads share ([`InterpThreads`]),
//!   with how daemon threads stop at exit.
//!
//! [`Vm::start_thread`]: crate::interpreter::state::Vm::start_thread

pub mod coordination;
pub mod model;
pub mod start;

pub use model::ThreadModel;
pub use start::{next_ident, InterpThreads};
