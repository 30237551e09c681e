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
//! thread's pools ([`Vm::give_fast`], [`Vm::give_stack`]), emptied, and
//! serve the next call, so a call allocates nothing in the steady state:
//! ftl's counterpart of CPython 3.11 carving frames out of a per-thread data
//! stack (`_PyThreadState_PushFrame`).
//!
//! [`Vm::give_fast`]: crate::vm::Vm::give_fast
//! [`Vm::give_stack`]: crate::vm::Vm::give_stack

use ftl_object::HeapPolicy;

use crate::objects::Obj;

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
