//! # ftl-subinterp: interpreters with a GIL each (PEP 684 / PEP 734)
//!
//! Seed 003 ends on "the newest idea": several interpreters in one
//! process, each with its own GIL, sharing nothing. CPython 3.12 gave each
//! interpreter its own GIL (PEP 684) and 3.14 the Python API (PEP 734:
//! `concurrent.interpreters`, `InterpreterPoolExecutor`). This crate is
//! ftl's version, for the GIL runtimes (`gil-new`, `gil-old`, `gil-fair`:
//! each new interpreter gets a GIL of the creator's kind):
//!
//! * [`registry`] — the interpreters of the process: [`registry::create`]
//!   makes a whole `ftl_vm` interpreter (its own `Interp`: builtins,
//!   `sys.modules`, classes, collector, allocation accounting) with its own
//!   GIL, parks it, and [`registry::Record::run`] runs code in it on the
//!   calling thread, as CPython's `_PyXI_Enter` does; [`registry::close`]
//!   finalizes it.
//! * [`shareable`] — [`Shareable`], the only form in which data crosses:
//!   an owned value with no heap parameter, so no object of one
//!   interpreter can reach another through it.
//! * [`queues`] — `_interpqueues`, PEP 734's cross-interpreter queues over
//!   [`ftl_core::XiQueue`] (a real blocking wait, with a loom model, where
//!   CPython 3.14 polls every 10 ms).
//! * [`module`] — `_interpreters`, the native side of
//!   `concurrent.interpreters` (`lib/interpreters.py`, frozen).
//!
//! ## Isolation is a rule of the types
//!
//! Objects of the GIL heap (`ObjRef<GilHeap>`) are `!Send`: no safe code
//! can move one to another thread, let alone another interpreter. A job
//! that runs in another interpreter ([`registry::Record::run`]) must be
//! `Send` and return a `Send` value, so it can neither capture an object of
//! the calling interpreter nor bring one of the target back; the values it
//! carries are [`Shareable`], which holds no `ObjRef` at all. The parked
//! state of an interpreter sits in an [`ftl_gil::Handover`], opened only by
//! a thread attached to that interpreter's GIL. Immortal statics (`None`,
//! small ints, the empty str, ...) are per heap policy and shared, as
//! PEP 684 allows: they are never written.
//!
//! ## Invariants
//!
//! * Every object of an interpreter is touched only by threads attached to
//!   its GIL (its own threads, and a thread running `exec`/`call` in it).
//! * Data crosses only as [`Shareable`]: copied, or pickled in the sender
//!   and unpickled in the receiver.
//! * A thread runs one interpreter at a time: entering another detaches it
//!   from the caller's GIL first.

pub mod module;
pub mod queues;
pub mod registry;
pub mod shareable;

pub use shareable::Shareable;

use ftl_object::HeapPolicy;
use ftl_vm::interpreter::state::{PyResult, Vm};
use ftl_vm::objects::Obj;
use ftl_vm::stdlib::{Body, ModuleDef};

/// Locks one of the crate's process-wide registries; a panic while it was
/// held does not make it unusable (its maps stay consistent: each update
/// is one insert or remove).
pub(crate) fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// An interpreter or queue id argument (`what` names which): a
/// non-negative int.
pub(crate) fn id_arg<P: HeapPolicy>(
    vm: &Vm<P>,
    o: Option<&Obj<P>>,
    what: &str,
) -> PyResult<u64, P> {
    let Some(o) = o else {
        return Err(vm.type_error(format!("missing {what} id")));
    };
    let id = vm.index_i64(o)?;
    u64::try_from(id)
        .map_err(|_| vm.value_error(format!("{what} ID must be a non-negative int, got {id}")))
}

/// The built-in modules this crate adds to an interpreter: give them to
/// [`ftl_vm::runtime::RunOptions::gil_modules`].
pub fn modules<P: HeapPolicy>() -> &'static [ModuleDef<P>] {
    &[
        ModuleDef {
            name: "_interpreters",
            body: Body::Native(module::init::<P>),
        },
        ModuleDef {
            name: "_interpqueues",
            body: Body::Native(queues::init::<P>),
        },
        ModuleDef {
            name: "concurrent.interpreters",
            body: Body::Frozen(include_str!("../lib/interpreters.py")),
        },
        ModuleDef {
            name: "concurrent.interpreters._queues",
            body: Body::Frozen(include_str!("../lib/interpreters_queues.py")),
        },
    ]
}

/// The names of [`modules`] (for `ftl runtimes --json`).
pub fn module_names() -> Vec<&'static str> {
    modules::<ftl_object::GilHeap>()
        .iter()
        .map(|m| m.name)
        .collect()
}
