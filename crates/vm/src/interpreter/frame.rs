//! Frames: one activation of a code object.
//!
//! A frame holds what CPython 3.11 keeps in `_PyInterpreterFrame`: the code,
//! the globals (and, for class bodies, the namespace dict), the fast
//! locals, the cells, the value stack, the block stack and the instruction
//! pointer. Frames are plain Rust values owned by the eval loop's caller (or
//! boxed inside a generator), not heap objects: nothing in the subset can
//! reach a frame from Python (no `sys._getframe`), so they need no header.
//!
//! # Invariants
//! * `fast.len() == code.nlocals()`, `cells.len() == code.ncells()`.
//! * Block `level`s are value-stack depths at or below the current depth.
//!
//! The fast locals and the value stack of a finished frame go back to the
//! thread's pools ([`VecPool`]: `Vm::fast_pool`, `Vm::stack_pool`),
//! emptied, and serve the next call, so a call allocates nothing in the
//! steady state: ftl's counterpart of CPython 3.11 carving frames out of a
//! per-thread data stack (`_PyThreadState_PushFrame`).

use core::cell::RefCell;

use ftl_object::HeapPolicy;

use crate::objects::Obj;

/// Emptied vectors kept for reuse by one thread's frames (at most
/// [`VecPool::MAX`]).
pub struct VecPool<T>(RefCell<Vec<Vec<T>>>);

impl<T> VecPool<T> {
    /// How many vectors a pool keeps; more are freed.
    pub const MAX: usize = 64;

    /// An empty pool.
    pub fn new() -> Self {
        VecPool(RefCell::new(Vec::new()))
    }

    /// An empty vector: a pooled one, or a new one with `capacity`.
    #[inline(always)]
    pub fn take(&self, capacity: usize) -> Vec<T> {
        self.0
            .borrow_mut()
            .pop()
            .unwrap_or_else(|| Vec::with_capacity(capacity))
    }

    /// Empties `v` (dropping its items in order) and keeps it.
    #[inline(always)]
    pub fn give(&self, mut v: Vec<T>) {
        // Drop the items before borrowing the pool: a decref may run a
        // finalizer, which calls Python code, which takes vectors.
        v.clear();
        let mut pool = self.0.borrow_mut();
        if pool.len() < Self::MAX {
            pool.push(v);
        }
    }
}

impl<T> Default for VecPool<T> {
    fn default() -> Self {
        Self::new()
    }
}

/// What a runtime block guards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// `try:` of a try/except.
    Except,
    /// `try:` of a try/finally.
    Finally,
    /// The body of a `with`.
    With,
    /// An active except handler (or an exception-path `finally` body): the
    /// exception being handled is on the value stack.
    Handler,
}

/// One entry of the block stack.
#[derive(Debug, Clone, Copy)]
pub struct Block {
    /// The kind.
    pub kind: BlockKind,
    /// Where the handler starts.
    pub handler: u32,
    /// The value-stack depth to unwind to.
    pub level: u32,
}

/// An activation of a code object.
pub struct Frame<P: HeapPolicy> {
    /// The code object (a `Code` payload).
    pub code: Obj<P>,
    /// The module globals.
    pub globals: Obj<P>,
    /// The namespace dict of a class body.
    pub locals: Option<Obj<P>>,
    /// Fast locals.
    pub fast: Vec<Option<Obj<P>>>,
    /// Cells: the code's cellvars, then its freevars.
    pub cells: Vec<Obj<P>>,
    /// The value stack.
    pub stack: Vec<Obj<P>>,
    /// The block stack.
    pub blocks: Vec<Block>,
    /// Exceptions being handled in this frame (innermost last); the
    /// handled-exception stack of CPython's `exc_info`, kept per frame so
    /// that a generator keeps its own across `yield`s.
    pub handled: Vec<Obj<P>>,
    /// The next instruction.
    pub pc: usize,
}
