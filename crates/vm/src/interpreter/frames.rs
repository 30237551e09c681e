//! The running frames of one thread, innermost first: what `globals()`,
//! `locals()`, `vars()`, `dir()`, `eval`/`exec` without namespaces,
//! `type(name, bases, ns)`'s `__module__` and `sys._getframe` see.
//!
//! CPython links its `_PyInterpreterFrame`s through `previous` and keeps
//! the innermost in the thread state (`tstate->cframe->current_frame`).
//! ftl's frames are plain Rust values owned by their callers, so each
//! running frame gets a [`Link`] instead: a small record on the native
//! stack of [`Vm::run_nested`], pushed when the frame starts running and
//! popped (by a guard, so a panic cannot leave it behind) when it stops.
//! The link holds *addresses* of the frame's code object, globals and
//! namespace (no reference counts change: a call costs two stores and a
//! guard), the location of its fast locals and cells, and the offset of
//! its latest call instruction, which the eval loop records before each
//! call (`f_lineno` of a caller is the line of the call it is in; CPython
//! is exact for every instruction, which ftl does not pay for).
//!
//! # Invariants (what makes the reads here sound)
//! * A link lives in the stack frame of a `run_nested` call that is still
//!   running; `top` points at it only between its push and its pop, which
//!   restores the previous top (also on unwinding).
//! * The frame a link describes outlives the link (it is borrowed by the
//!   same `run_nested` call), and its strong references to the code
//!   object, globals and namespace keep those objects alive meanwhile.
//! * The fast-locals and cells vectors are never resized while the frame
//!   runs (`fast.len() == code.nlocals()`), so their buffers stay put; a
//!   link is read only by its own thread, while every frame in the chain
//!   is suspended in a call (a built-in function reading the chain runs
//!   inside the innermost frame's call instruction), so no mutable borrow
//!   of a slot is alive during a read.
//! * `Vm` is `!Sync`, and the chain is reached only through `&Vm` on the
//!   thread that owns it.

#![allow(unsafe_code)] // reading the links of running frames (see the invariants)

use core::cell::Cell;
use core::ptr::NonNull;

use ftl_object::{HeapPolicy, ObjRef};

use crate::interpreter::frame::Frame;
use crate::interpreter::state::Vm;
use crate::objects::Obj;

/// One running frame's record (see the module doc).
pub struct Link<P: HeapPolicy> {
    code: NonNull<()>,
    globals: NonNull<()>,
    locals: Option<NonNull<()>>,
    fast: *const Option<Obj<P>>,
    nfast: usize,
    cells: *const Obj<P>,
    ncells: usize,
    /// The offset of the frame's latest call instruction (+1).
    pub pc: Cell<usize>,
    prev: Cell<*const Link<P>>,
}

/// The innermost running frame of a thread (null when none runs).
pub struct FrameChain<P: HeapPolicy> {
    top: Cell<*const Link<P>>,
}

impl<P: HeapPolicy> Default for FrameChain<P> {
    fn default() -> Self {
        FrameChain {
            top: Cell::new(core::ptr::null()),
        }
    }
}

/// Restores the chain's previous top when a frame stops running.
pub struct Pushed<'a, P: HeapPolicy> {
    chain: &'a FrameChain<P>,
    prev: *const Link<P>,
    _link: core::marker::PhantomData<&'a Link<P>>,
}

impl<P: HeapPolicy> Drop for Pushed<'_, P> {
    fn drop(&mut self) {
        self.chain.top.set(self.prev);
    }
}

impl<P: HeapPolicy> Link<P> {
    /// A link for `frame`, about to run.
    pub fn new(frame: &Frame<P>) -> Self {
        Link {
            code: frame.code.as_raw(),
            globals: frame.globals.as_raw(),
            locals: frame.locals.as_ref().map(|l| l.as_raw()),
            fast: frame.fast.as_ptr(),
            nfast: frame.fast.len(),
            cells: frame.cells.as_ptr(),
            ncells: frame.cells.len(),
            pc: Cell::new(frame.pc),
            prev: Cell::new(core::ptr::null()),
        }
    }
}

impl<P: HeapPolicy> FrameChain<P> {
    /// Makes `link` the innermost running frame until the guard drops
    /// (`link` cannot move meanwhile: the guard borrows it).
    pub fn push<'a>(&'a self, link: &'a Link<P>) -> Pushed<'a, P> {
        let prev = self.top.get();
        link.prev.set(prev);
        self.top.set(link as *const Link<P>);
        Pushed {
            chain: self,
            prev,
            _link: core::marker::PhantomData,
        }
    }

    /// The running frame `depth` levels out from the innermost (0).
    pub fn get(&self, depth: usize) -> Option<FrameView<'_, P>> {
        let mut p = self.top.get();
        for _ in 0..depth {
            if p.is_null() {
                return None;
            }
            // SAFETY: a non-null top or `prev` points at a live link
            // (module doc: links live until their guard restores the top).
            p = unsafe { (*p).prev.get() };
        }
        if p.is_null() {
            return None;
        }
        // SAFETY: as above; the view borrows the chain, so it cannot
        // outlive the call that reads it.
        let link = unsafe { &*p };
        Some(FrameView { link })
    }
}

/// A running frame seen from the chain.
pub struct FrameView<'a, P: HeapPolicy> {
    link: &'a Link<P>,
}

impl<P: HeapPolicy> FrameView<'_, P> {
    /// The frame's code object.
    pub fn code(&self) -> Obj<P> {
        // SAFETY: the frame holds a strong reference to its code object
        // while its link is in the chain; this thread is the only one
        // reading it.
        unsafe { ObjRef::clone_from_raw(self.link.code) }
    }

    /// The frame's globals.
    pub fn globals(&self) -> Obj<P> {
        // SAFETY: as for `code`.
        unsafe { ObjRef::clone_from_raw(self.link.globals) }
    }

    /// The namespace of a class body, `exec` or module frame (`None` for a
    /// function, whose locals are fast).
    pub fn locals(&self) -> Option<Obj<P>> {
        // SAFETY: as for `code`.
        self.link
            .locals
            .map(|l| unsafe { ObjRef::clone_from_raw(l) })
    }

    /// The fast locals' current values.
    pub fn fast(&self) -> Vec<Option<Obj<P>>> {
        (0..self.link.nfast)
            // SAFETY: the buffer holds `nfast` slots and is not resized
            // while the frame runs; no mutable borrow of a slot is alive
            // while the frame is suspended in a call (module doc).
            .map(|i| unsafe { (*self.link.fast.add(i)).clone() })
            .collect()
    }

    /// The frame's cells (its cell variables, then its free variables).
    pub fn cells(&self) -> Vec<Obj<P>> {
        (0..self.link.ncells)
            // SAFETY: as for `fast`.
            .map(|i| unsafe { (*self.link.cells.add(i)).clone() })
            .collect()
    }

    /// The offset after the frame's latest call instruction.
    pub fn pc(&self) -> usize {
        self.link.pc.get()
    }
}

impl<P: HeapPolicy> Vm<P> {
    /// The globals of the innermost running Python frame (the caller of a
    /// built-in function).
    pub fn caller_globals(&self) -> Option<Obj<P>> {
        self.frames.get(0).map(|f| f.globals())
    }
}
