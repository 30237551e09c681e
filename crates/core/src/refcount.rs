//! Refcount strategies: how an object header keeps its reference count.
//!
//! CPython keeps `ob_refcnt` in every object header and changes it on every
//! reference copy and drop (`Py_INCREF` / `Py_DECREF`); an object is freed
//! when the count reaches zero. Every way of running Python threads differs
//! first in *how* that count is kept: a plain word under a GIL, a word behind
//! a lock (Greg Stein's 1996 free-threading patch), an atomic word (the
//! Gilectomy's first step), per-thread logs applied later (the Gilectomy's
//! buffered refcounts), or a biased pair of counts (PEP 703). This module
//! names what all of them must provide, so that an object model and an eval
//! loop can be written once and monomorphised per strategy: the comparison
//! measures the strategy, not a vtable.
//!
//! # Immortal objects (PEP 683)
//!
//! A strategy supports *immortal* cells: their count is never written by
//! `incref`/`decref` and they are never freed. Because an immortal cell is
//! never written, an immortal object can be read from any thread even under
//! a strategy whose ordinary cells are not thread-safe; the object model
//! relies on that to share its singletons (`None`, `True`, small ints).

#![allow(unsafe_code)] // RefCount is an unsafe trait (its implementations' contract)

/// The count an immortal cell reports, like CPython 3.12's
/// `_Py_IMMORTAL_REFCNT`: large enough that it is never reached by counting.
pub const IMMORTAL_COUNT: usize = u32::MAX as usize;

/// How a reference count is kept.
///
/// A strategy is a zero-sized marker type; its [`Cell`](RefCount::Cell) is
/// the storage that sits at the start of every object header.
///
/// # Safety
///
/// Implementations must guarantee, for every cell:
/// * [`new_cell`](RefCount::new_cell) starts at one reference; each
///   [`incref`](RefCount::incref) adds one and each
///   [`decref`](RefCount::decref) removes one.
/// * `decref` returns `true` exactly once per cell: for the call that removes
///   the last reference (after every earlier `incref`/`decref` on that cell,
///   in any thread, *happens-before* the return), and never for an immortal
///   cell. A strategy that defers frees (buffered, biased) returns `false`
///   and frees the object later itself; such a strategy documents how it
///   reaches the object from the cell.
/// * `incref` and `decref` on an immortal cell do not write to it.
/// * If [`THREAD_SAFE`](RefCount::THREAD_SAFE) is `true`, `incref` and
///   `decref` may run concurrently on one cell from several threads.
///   Otherwise the caller guarantees that accesses to a mortal cell are
///   serialised (a GIL does that).
pub unsafe trait RefCount: 'static + Sized {
    /// Per-object storage for the count.
    type Cell;

    /// Short name for reports (`plain`, `atomic`, ...).
    const NAME: &'static str;

    /// Whether cells may be counted from several threads at once.
    const THREAD_SAFE: bool;

    /// A cell holding one reference.
    fn new_cell() -> Self::Cell;

    /// An immortal cell: never counted, never freed.
    fn immortal_cell() -> Self::Cell;

    /// Adds a reference.
    fn incref(cell: &Self::Cell);

    /// Removes a reference; `true` when the caller dropped the last one and
    /// must free the object now.
    fn decref(cell: &Self::Cell) -> bool;

    /// Adds a reference unless the count is zero (the object is dying:
    /// its last reference is gone and nothing may take it back), and says
    /// whether it did (CPython 3.13t's `_Py_TryIncref`, which weak
    /// references use). Once a `decref` has returned `true`, every later
    /// `try_incref` on the cell returns `false`, from any thread.
    fn try_incref(cell: &Self::Cell) -> bool;

    /// The number of references, exact when no other thread is counting this
    /// cell (at a safe point, or under stop-the-world). An immortal cell
    /// reports [`IMMORTAL_COUNT`].
    fn count(cell: &Self::Cell) -> usize;

    /// Whether the cell is immortal.
    fn is_immortal(cell: &Self::Cell) -> bool;
}
