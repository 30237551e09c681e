//! The interpreter: what runs bytecode on one thread.
//!
//! * [`state`]: [`Interp`](state::Interp), the interpreter state its threads
//!   share, and [`Vm`](state::Vm), one thread's state (recursion depth, the
//!   exceptions being handled, frame-storage pools, the coordination
//!   handle), with [`PyErr`](state::PyErr) and [`ExcType`](state::ExcType).
//! * [`eval`]: the loop; [`frame`]: frames and their storage pools;
//!   [`frames`]: the chain of a thread's running frames.
//! * [`call`]: argument binding, generators.
//! * [`classes`]: the `class` statement, `type()`, metaclasses, the MRO,
//!   subclasses of built-in types.
//! * [`attr`]: attribute lookup and binding, over the per-thread type
//!   attribute cache of [`typecache`].
//! * [`exceptions`]: raising and printing tracebacks.
//! * [`finalize`]: `__del__`, run through a thread-local registration of
//!   the running VM.
//! * [`import`]: `import`, `from ... import`, and modules written in Python
//!   (the program's own and the frozen ones of `lib/`).

pub mod attr;
pub mod call;
pub mod classes;
pub mod eval;
pub mod exceptions;
pub mod finalize;
pub mod frame;
pub mod frames;
pub mod import;
pub mod state;
pub mod typecache;
