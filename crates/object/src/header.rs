//! Object headers, allocation, and the owning reference [`ObjRef`].
//!
//! This is one of the two modules of the crate that may use `unsafe` (the
//! other is [`crate::locked`]).
//!
//! # Layout (after CPython's `PyObject` and `PyGC_Head`)
//!
//! Every object is one heap allocation that starts with a [`Header`]: the
//! refcount cell of the heap's strategy, then a pointer to the object's
//! static [`TypeObject`] (its Python type name, kind, and the functions that
//! free and traverse it). The payload follows the header. An object whose
//! type can take part in reference cycles (tuples, lists, dicts, sets, and
//! the VM's functions, classes and instances) has [`GcLinks`] *in front of*
//! the header, exactly where CPython keeps `PyGC_Head`, so objects that can
//! never be in a cycle (ints, floats, strings) pay nothing for the collector:
//!
//! ```text
//!            [ GcLinks ]   only when TypeObject::gc
//! ObjRef --> [ Header: refcount cell | &'static TypeObject ]
//!            [ payload T ]
//! ```
//!
//! # Invariants
//!
//! * An [`ObjRef`] owns one counted reference: `clone` is an incref, `drop`
//!   a decref, and the object is freed by the decref that the strategy says
//!   was the last one. Nothing else frees an object.
//! * `TypeObject::dealloc` is only called with a header of an object of that
//!   type whose count has reached zero; it drops the payload, frees the
//!   allocation with the layout it was made with, and counts one free in the
//!   live-object accounting.
//! * Immortal objects are never freed (their memory is intentionally
//!   leaked, and they are not counted as live).
//! * A type that sets [`Payload::FREE_LIST`] (`float`, as in CPython's
//!   `Objects/floatobject.c`) has its freed blocks kept on a per-thread
//!   free list of at most [`FREE_LIST_MAX`] blocks and handed to the next
//!   allocation of such an object on that thread, instead of going back to
//!   the allocator. Each object is still its own heap block with its own
//!   header and count; the list only recycles memory. A block on the list
//!   holds no object (its old object was dropped in place), was made by the
//!   global allocator with [`FREE_LIST_LAYOUT`], and is owned by the list
//!   alone; blocks still listed when the thread exits are deallocated.
//! * Deallocation does not recurse without bound: nested containers (GC
//!   types: every type whose objects hold references must be one) are
//!   freed through a per-thread "trashcan" queue once the nesting passes
//!   [`TRASHCAN_DEPTH`], as CPython's `Py_TRASHCAN_BEGIN` does, so dropping
//!   a million nested lists cannot overflow the Rust stack.

#![allow(unsafe_code)] // allocation, deallocation, downcasts, the trashcan

use core::alloc::Layout;
use core::any::TypeId;
use core::fmt;
use core::marker::PhantomData;
use core::ptr::NonNull;
use std::cell::{Cell, RefCell};
use std::sync::atomic::AtomicPtr;

use ftl_core::{DeferredFree, Reclaim, RefCount, Traverse};

use crate::accounting;
use crate::gc_hooks;
use crate::handoff;
use crate::policy::{HeapPolicy, SharedHeap};
use crate::weak_list::WeakList;

/// Which built-in type an object is, for fast dispatch (a `match` instead of
/// a type-id comparison). Types added outside this crate are [`Kind::Other`]
/// and are told apart by [`ObjRef::downcast`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// `NoneType`
    None,
    /// `bool`
    Bool,
    /// `int`
    Int,
    /// `float`
    Float,
    /// `str`
    Str,
    /// `bytes`
    Bytes,
    /// `tuple`
    Tuple,
    /// `list`
    List,
    /// `dict`
    Dict,
    /// `set`
    Set,
    /// `frozenset`
    FrozenSet,
    /// `bytearray`
    ByteArray,
    /// Any type defined outside this crate (functions, classes, instances,
    /// weakrefs, ... in the VM).
    Other,
}

/// The collector's doubly linked list links, in front of the header of every
/// object whose type has `gc == true`. Their meaning belongs to the cycle
/// collector (`ftl-gc`), which may also keep flags in the low bits, as
/// CPython does in `_gc_prev`; the object model only reserves and zeroes
/// them.
#[derive(Debug, Default)]
#[repr(C)]
pub struct GcLinks {
    /// Previous object in the collector's list (null when untracked).
    pub prev: AtomicPtr<()>,
    /// Next object in the collector's list (null when untracked).
    pub next: AtomicPtr<()>,
}

/// A type as the object model sees it: one static instance per payload type
/// and heap policy.
pub struct TypeObject<P: HeapPolicy> {
    /// The Python name of the type (`int`, `list`, ...).
    pub name: &'static str,
    /// The built-in kind.
    pub kind: Kind,
    /// Whether objects of this type carry [`GcLinks`].
    pub gc: bool,
    /// Bytes from the start of the allocation to the header (the size of
    /// the [`GcLinks`] plus padding) for GC types; zero otherwise.
    gc_offset: usize,
    type_id: TypeId,
    dealloc: unsafe fn(NonNull<Header<P>>),
    traverse: TraverseFn<P>,
    traverse_in_place: TraverseFn<P>,
    clear: unsafe fn(NonNull<Header<P>>),
    finalize: Option<FinalizeFn<P>>,
    finalize_live: Option<fn(&ObjRef<P>)>,
    finalize_due: Option<FinalizeFn<P>>,
    run_finalizer: Option<fn(&ObjRef<P>)>,
    clear_weakrefs: fn(&ObjRef<P>) -> Vec<ObjRef<P>>,
    weak_list: for<'a> fn(&'a ObjRef<P>) -> Option<&'a WeakList<P>>,
    weakref_callback: fn(&ObjRef<P>),
    weakref_forget: fn(&ObjRef<P>),
}

/// Bytes of [`GcLinks`] in front of the header of every GC object: the
/// same for every type (checked at compile time for each payload), so the
/// collector goes from links to object and back by this constant.
pub const GC_LINKS_SIZE: usize = core::mem::size_of::<GcLinks>();

/// How a type object runs an object's finalizer (see [`Payload::finalize`]).
type FinalizeFn<P> = unsafe fn(NonNull<Header<P>>) -> bool;

impl<P: HeapPolicy> fmt::Debug for TypeObject<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TypeObject")
            .field("name", &self.name)
            .field("kind", &self.kind)
            .field("gc", &self.gc)
            .finish()
    }
}

/// How a type object visits an object's references.
type TraverseFn<P> = unsafe fn(NonNull<Header<P>>, &mut dyn FnMut(&ObjRef<P>));

/// The header at the start of every object.
///
/// The count cell comes first (`repr(C)`): an object's address is its
/// cell's, which [`DeferredFree::cell`] relies on.
#[repr(C)]
pub struct Header<P: HeapPolicy> {
    rc: <P::Rc as RefCount>::Cell,
    ty: &'static TypeObject<P>,
}

/// The data of one object type.
///
/// Implement this (for every heap policy: `unsafe impl<P: HeapPolicy>
/// Payload<P> for MyType`) to add an object type; this is the hook the VM
/// uses for functions, classes, instances and weakrefs.
///
/// # Safety
///
/// Objects are type-erased behind [`ObjRef`], which is `Send + Sync` for a
/// [`SharedHeap`]. An implementation for a policy `P` that is a `SharedHeap`
/// must therefore be safe to share between threads: the payload is `Send`
/// and `Sync`, or its interior mutability is behind the heap's object lock
/// (as the built-in containers' [`Locked`](crate::locked::Locked) cells
/// are). Implementations for unshared policies only (the GIL heap) may use
/// `Cell`/`RefCell` freely.
pub unsafe trait Payload<P: HeapPolicy>: Sized + 'static {
    /// The Python name of the type.
    const NAME: &'static str;
    /// The built-in kind; [`Kind::Other`] for types outside this crate.
    const KIND: Kind = Kind::Other;
    /// Whether objects of this type can be part of reference cycles and so
    /// carry [`GcLinks`] for the collector. A type whose objects hold
    /// references must set it: it is also what routes their frees through
    /// the trashcan that bounds recursion. A GC payload may not be aligned
    /// to more than 16 bytes (a compile-time error), so that its links are
    /// always [`GC_LINKS_SIZE`] bytes before its header.
    const GC: bool = false;

    /// Visits each reference the payload holds (see [`Traverse`]).
    fn traverse(&self, _visit: &mut dyn FnMut(&ObjRef<P>)) {}

    /// Whether a new object of a [`GC`](Payload::GC) type starts tracked
    /// by the collector (the default). CPython creates a dict untracked
    /// unless it holds something that may be in a cycle, and tracks it
    /// when such a thing is stored in it later (`MAINTAIN_TRACKING`); a
    /// type that returns `false` here must do the same (the object model's
    /// `dict` does, through [`gc_hooks`](crate::gc_hooks)), or a cycle
    /// through it is never collected. Either way the allocation counts
    /// towards the collector's threshold.
    fn tracked_at_birth(&self) -> bool {
        true
    }

    /// Drops the references the payload holds, to break a cycle (see
    /// [`Traverse`]).
    fn clear(&self) {}

    /// Visits each reference the payload holds *in place*: a container may
    /// call `visit` inside its critical section, on its own references,
    /// with no snapshot (the cycle collector's fast path: CPython's
    /// `tp_traverse` never copies). The default is [`traverse`](Payload::traverse).
    ///
    /// # Safety
    /// The caller's `visit` must not reach the contents of this object (or
    /// of any container whose critical section it might be inside), run
    /// user code, allocate or free objects, or keep the references past
    /// the call; it may read and write the visited objects' collector
    /// links and counts.
    unsafe fn traverse_in_place(&self, visit: &mut dyn FnMut(&ObjRef<P>)) {
        self.traverse(visit)
    }

    /// Whether objects of this type may need a finalizer (Python's
    /// `__del__`, PEP 442's `tp_finalize`) run when their count reaches
    /// zero. Types that set it implement [`needs_finalize`] and
    /// [`finalize`], or keep their defaults, which clear the object's
    /// [`weak_list`](Payload::weak_list) (a type that can be weakly
    /// referenced sets it for that alone).
    ///
    /// [`needs_finalize`]: Payload::needs_finalize
    /// [`finalize`]: Payload::finalize
    const FINALIZE: bool = false;

    /// The weak references to this object, for a type that can be weakly
    /// referenced (it then also sets [`FINALIZE`](Payload::FINALIZE) and
    /// visits the list in [`traverse`](Payload::traverse)); `None`, the
    /// default, for one that cannot (`weakref.ref(1)` is a `TypeError`).
    fn weak_list(&self) -> Option<&WeakList<P>> {
        None
    }

    /// Clears every weak reference to this object (the referent side of
    /// `weakref`) and hands over the weakref objects it held, for the
    /// collector's `handle_weakrefs` step: weakrefs to unreachable objects
    /// are cleared before any finalizer runs. A returned weakref whose
    /// count is one was held by nobody else (it is dead: no callback).
    /// Nothing may be freed here (the collector may call it with the world
    /// stopped). Types that cannot be weakly referenced keep the default
    /// (none).
    fn clear_weakrefs(&self) -> Vec<ObjRef<P>> {
        self.weak_list().map(WeakList::clear).unwrap_or_default()
    }

    /// For a weakref type: its referent was cleared by the collector; run
    /// its callback now (the collector calls this only for weakrefs that
    /// are not garbage themselves, as CPython's `handle_weakrefs`).
    fn weakref_callback(_this: &ObjRef<P>) {}

    /// For a weakref type: its referent is dying; forget it (called by
    /// [`WeakList::clear`], which frees nothing, so neither may this).
    fn weakref_forget(_this: &ObjRef<P>) {}

    /// Whether freed objects of this type go to the per-thread free list
    /// and new ones come from it (CPython keeps one for floats). Only
    /// honoured for types with neither [`GC`](Payload::GC) nor
    /// [`FINALIZE`](Payload::FINALIZE) whose objects have the size and
    /// alignment of [`FREE_LIST_LAYOUT`]; others ignore it.
    const FREE_LIST: bool = false;

    /// Called when the count has reached zero: returns `true` if the
    /// finalizer must run now, and marks the object so that it never runs
    /// twice (PEP 442: an object is finalized at most once, even if it is
    /// resurrected).
    fn needs_finalize(&self) -> bool {
        self.weak_list().is_some_and(|l| !l.is_empty())
    }

    /// Runs the finalizer with the object temporarily alive again (count
    /// one, held by `this`). If the finalizer stores a new reference
    /// somewhere, the object is resurrected and not freed.
    fn finalize(this: &ObjRef<P>) {
        if let Some(list) = this.weak_list() {
            list.referent_dying(this)
        }
    }
}

/// An object: header, then payload.
#[repr(C)]
struct Obj<P: HeapPolicy, T> {
    header: Header<P>,
    payload: T,
}

/// An object that carries collector links in front of its header.
#[repr(C)]
struct GcObj<P: HeapPolicy, T> {
    links: GcLinks,
    obj: Obj<P, T>,
}

/// The static type object of payload `T` under policy `P`.
struct TypeOf<P, T>(PhantomData<(P, T)>);

impl<P: HeapPolicy, T: Payload<P>> TypeOf<P, T> {
    const TYPE: &'static TypeObject<P> = &TypeObject {
        name: T::NAME,
        kind: T::KIND,
        gc: T::GC,
        gc_offset: if T::GC {
            let offset = core::mem::offset_of!(GcObj<P, T>, obj);
            // The collector finds an object from its links by this one
            // constant (CPython's `FROM_GC`), whatever the payload.
            assert!(
                offset == GC_LINKS_SIZE,
                "a GC payload must not be aligned to more than 16 bytes"
            );
            offset
        } else {
            0
        },
        type_id: TypeId::of::<T>(),
        dealloc: dealloc::<P, T>,
        traverse: traverse::<P, T>,
        traverse_in_place: traverse_in_place::<P, T>,
        clear: clear::<P, T>,
        finalize: if T::FINALIZE {
            Some(finalize::<P, T>)
        } else {
            None
        },
        finalize_live: if T::FINALIZE {
            Some(finalize_live::<P, T>)
        } else {
            None
        },
        finalize_due: if T::FINALIZE {
            Some(finalize_due::<P, T>)
        } else {
            None
        },
        run_finalizer: if T::FINALIZE { Some(T::finalize) } else { None },
        clear_weakrefs: clear_weakrefs::<P, T>,
        weak_list: weak_list::<P, T>,
        weakref_callback: T::weakref_callback,
        weakref_forget: T::weakref_forget,
    };
}

/// The layout of the blocks on the free list: a header and one word of
/// payload (a `float` under the built-in policies).
pub const FREE_LIST_LAYOUT: Layout = Layout::new::<[usize; 3]>();

/// The most blocks one thread's free list keeps (CPython's
/// `PyFloat_MAXFREELIST`).
pub const FREE_LIST_MAX: usize = 100;

/// Whether objects of payload `T` under `P` use the free list (a constant
/// for each instantiation).
#[inline(always)]
const fn uses_free_list<P: HeapPolicy, T: Payload<P>>() -> bool {
    let layout = Layout::new::<Obj<P, T>>();
    T::FREE_LIST
        && !T::GC
        && !T::FINALIZE
        && layout.size() == FREE_LIST_LAYOUT.size()
        && layout.align() == FREE_LIST_LAYOUT.align()
}

/// One thread's free blocks: `blocks[..len]` are listed (see the module
/// docs for what a listed block is).
struct FreeList {
    blocks: [Cell<*mut u8>; FREE_LIST_MAX],
    len: Cell<usize>,
}

impl FreeList {
    /// Takes a block off the list.
    #[inline(always)]
    fn pop(&self) -> Option<NonNull<u8>> {
        let len = self.len.get();
        if len == 0 {
            return None;
        }
        self.len.set(len - 1);
        NonNull::new(self.blocks[len - 1].get())
    }

    /// Lists a block, or hands it back when the list is full.
    #[inline(always)]
    fn push(&self, block: NonNull<u8>) -> Result<(), NonNull<u8>> {
        let len = self.len.get();
        if len == FREE_LIST_MAX {
            return Err(block);
        }
        self.blocks[len].set(block.as_ptr());
        self.len.set(len + 1);
        Ok(())
    }
}

impl Drop for FreeList {
    fn drop(&mut self) {
        while let Some(block) = self.pop() {
            // SAFETY: a listed block was allocated by the global allocator
            // with `FREE_LIST_LAYOUT` (a `Box` of an object of that layout)
            // and is owned by the list alone; it is freed once, here.
            unsafe { std::alloc::dealloc(block.as_ptr(), FREE_LIST_LAYOUT) };
        }
    }
}

std::thread_local! {
    static FREE_LIST: FreeList = const {
        FreeList {
            blocks: [const { Cell::new(core::ptr::null_mut()) }; FREE_LIST_MAX],
            len: Cell::new(0),
        }
    };
}

/// How many blocks the calling thread's free list holds (for tests).
pub fn free_list_len() -> usize {
    FREE_LIST.try_with(|l| l.len.get()).unwrap_or(0)
}

/// Runs the finalizer of an object whose count reached zero, if it needs
/// one. Returns `false` when it did not (the caller frees the object), and
/// `true` when it ran it: then the object has been freed or resurrected
/// already by the drop of the temporary reference.
///
/// # Safety
/// `header` heads a live `Obj<P, T>` whose count is zero.
unsafe fn finalize<P: HeapPolicy, T: Payload<P>>(header: NonNull<Header<P>>) -> bool {
    // SAFETY: live object of type T (caller).
    let payload = unsafe { &(*header.cast::<Obj<P, T>>().as_ptr()).payload };
    if !payload.needs_finalize() {
        return false;
    }
    // Resurrect: count 0 -> 1, owned by `this`. Dropping `this` decrefs
    // again; if nothing else took a reference that frees the object, this
    // time without finalizing (the payload marked itself).
    // SAFETY: the object is still allocated (count zero, not yet freed).
    P::Rc::incref(unsafe { &header.as_ref().rc });
    let this = ObjRef {
        ptr: header,
        _owns: PhantomData,
    };
    T::finalize(&this);
    drop(this);
    true
}

/// Runs the finalizer of a live object if it still needs one (the
/// collector's `finalize_garbage`: the caller holds a reference).
fn finalize_live<P: HeapPolicy, T: Payload<P>>(this: &ObjRef<P>) {
    if let Some(payload) = this.downcast::<T>() {
        if payload.needs_finalize() {
            T::finalize(this);
        }
    }
}

/// [`Payload::needs_finalize`] of an object whose count reached zero (it
/// marks the object, as there: a `true` is answered once).
///
/// # Safety
/// `header` heads a live `Obj<P, T>`.
unsafe fn finalize_due<P: HeapPolicy, T: Payload<P>>(header: NonNull<Header<P>>) -> bool {
    // SAFETY: live object of type T (caller); payloads are borrowed shared.
    unsafe { &(*header.cast::<Obj<P, T>>().as_ptr()).payload }.needs_finalize()
}

/// [`Payload::clear_weakrefs`] of a live object of type `T`.
fn clear_weakrefs<P: HeapPolicy, T: Payload<P>>(this: &ObjRef<P>) -> Vec<ObjRef<P>> {
    this.downcast::<T>()
        .map(T::clear_weakrefs)
        .unwrap_or_default()
}

/// [`Payload::weak_list`] of a live object of type `T`.
fn weak_list<P: HeapPolicy, T: Payload<P>>(this: &ObjRef<P>) -> Option<&WeakList<P>> {
    this.downcast::<T>().and_then(T::weak_list)
}

/// Frees an object of type `T` whose count reached zero.
///
/// # Safety
/// `header` heads a live `Obj<P, T>` allocated by [`ObjRef::alloc`] (in a
/// `GcObj` when `T::GC`), whose count is zero, and it is not used again.
unsafe fn dealloc<P: HeapPolicy, T: Payload<P>>(header: NonNull<Header<P>>) {
    let obj = header.cast::<Obj<P, T>>();
    if P::Rc::LOCK_FREE_READS {
        // A lock-free reader may have loaded this object's address just
        // before its last reference went: the object is dropped now, but
        // its memory (whose header says "dead" to `try_incref`) goes back
        // to the allocator only when the strategy's reclamation allows
        // (PEP 703's delayed free; CPython 3.13t keeps such memory in
        // mimalloc pages that QSBR holds back).
        //
        // Only the payload is dropped: a lock-free reader may be reading
        // the header right now, so no `&mut` to it (or to the whole
        // object) may be made; the header and the collector links have no
        // drop glue (checked below), so nothing of them needs dropping.
        const {
            assert!(
                !core::mem::needs_drop::<Header<P>>() || !P::Rc::LOCK_FREE_READS,
                "a strategy with lock-free reads needs a cell without drop glue"
            );
            assert!(!core::mem::needs_drop::<GcLinks>());
        }
        // SAFETY: the object is live and its payload is dropped once,
        // here, through a raw pointer to that field alone.
        unsafe { core::ptr::drop_in_place(&raw mut (*obj.as_ptr()).payload) };
        let (block, free): (NonNull<()>, unsafe fn(NonNull<()>)) = if T::GC {
            let offset = TypeOf::<P, T>::TYPE.gc_offset;
            // SAFETY: as below: the links are `offset` bytes before the
            // header, in the same allocation.
            let whole = unsafe { obj.byte_sub(offset) }.cast::<GcObj<P, T>>();
            (whole.cast(), free_block::<GcObj<P, T>>)
        } else {
            (obj.cast(), free_block::<Obj<P, T>>)
        };
        // SAFETY: the block came from `Box::new` of that type, its
        // contents are dropped, and nothing but lock-free readers (which
        // only read the count cell) refers to it.
        unsafe { P::Rc::reclaim(Reclaim::new(block, free)) };
        accounting::note_free();
        return;
    }
    if T::GC {
        let offset = TypeOf::<P, T>::TYPE.gc_offset;
        // SAFETY: `obj` was derived from the pointer to the whole `GcObj`
        // allocation (raw pointers keep its provenance), `offset` bytes in.
        let whole = unsafe { obj.byte_sub(offset) }.cast::<GcObj<P, T>>();
        // SAFETY: the allocation came from `Box::new(GcObj)` and is freed
        // once, here (count reached zero; caller's contract).
        drop(unsafe { Box::from_raw(whole.as_ptr()) });
    } else if uses_free_list::<P, T>() {
        // SAFETY: the object is live and not used again (caller); this
        // drops its header and payload and leaves the block unoccupied.
        unsafe { core::ptr::drop_in_place(obj.as_ptr()) };
        let block = obj.cast::<u8>();
        if let Err(block) = FREE_LIST.try_with(|l| l.push(block)).unwrap_or(Err(block)) {
            // SAFETY: the block came from `Box::new(Obj)`, whose layout is
            // `Layout::new::<Obj<P, T>>()`; its object was dropped above and
            // it is freed once, here.
            unsafe { std::alloc::dealloc(block.as_ptr(), Layout::new::<Obj<P, T>>()) };
        }
    } else {
        // SAFETY: the allocation came from `Box::new(Obj)`; freed once.
        drop(unsafe { Box::from_raw(obj.as_ptr()) });
    }
    accounting::note_free();
}

/// Gives back the memory of a `B` whose contents were dropped (a
/// [`Reclaim`] function).
///
/// # Safety
/// `block` came from `Box::new` of a `B` whose value was dropped in place,
/// and is not used again.
unsafe fn free_block<B>(block: NonNull<()>) {
    let layout = Layout::new::<B>();
    if layout.size() == FREE_LIST_LAYOUT.size() && layout.align() == FREE_LIST_LAYOUT.align() {
        // Its grace period is over: nobody can still read it, so it may
        // serve the next float of this thread (as `dealloc` lists blocks
        // on the heaps that free at once).
        let block = block.cast::<u8>();
        if let Ok(Ok(())) = FREE_LIST.try_with(|l| l.push(block)) {
            return;
        }
    }
    // SAFETY: `Box::new` allocated it with `B`'s layout (caller).
    unsafe { std::alloc::dealloc(block.as_ptr().cast(), layout) }
}

/// # Safety
/// `header` heads a live `Obj<P, T>`.
unsafe fn traverse<P: HeapPolicy, T: Payload<P>>(
    header: NonNull<Header<P>>,
    visit: &mut dyn FnMut(&ObjRef<P>),
) {
    // SAFETY: live object of type T (caller); the payload is only ever
    // borrowed shared.
    let payload = unsafe { &(*header.cast::<Obj<P, T>>().as_ptr()).payload };
    payload.traverse(visit)
}

/// # Safety
/// `header` heads a live `Obj<P, T>`, and `visit` keeps the contract of
/// [`Payload::traverse_in_place`].
unsafe fn traverse_in_place<P: HeapPolicy, T: Payload<P>>(
    header: NonNull<Header<P>>,
    visit: &mut dyn FnMut(&ObjRef<P>),
) {
    // SAFETY: live object of type T (caller); the payload is only ever
    // borrowed shared.
    let payload = unsafe { &(*header.cast::<Obj<P, T>>().as_ptr()).payload };
    // SAFETY: `visit` keeps the in-place contract (caller).
    unsafe { payload.traverse_in_place(visit) }
}

/// # Safety
/// `header` heads a live `Obj<P, T>`.
unsafe fn clear<P: HeapPolicy, T: Payload<P>>(header: NonNull<Header<P>>) {
    // SAFETY: as in `traverse`.
    let payload = unsafe { &(*header.cast::<Obj<P, T>>().as_ptr()).payload };
    payload.clear()
}

/// An owning reference to an object (CPython's `PyObject *` that holds a
/// reference): cloning is an incref, dropping a decref.
#[repr(transparent)]
pub struct ObjRef<P: HeapPolicy> {
    ptr: NonNull<Header<P>>,
    _owns: PhantomData<Header<P>>,
}

// SAFETY: a `SharedHeap` has thread-safe counts and exclusive object locks,
// and payloads are only reached through `&T` with interior mutability behind
// those locks, so references may move to and be shared with other threads.
unsafe impl<P: SharedHeap> Send for ObjRef<P> {}
// SAFETY: as above.
unsafe impl<P: SharedHeap> Sync for ObjRef<P> {}

impl<P: HeapPolicy> ObjRef<P> {
    /// Allocates a new object holding `payload`, with one reference, and
    /// counts it as live in the current thread's accounting scope.
    #[inline]
    pub fn new<T: Payload<P>>(payload: T) -> Self {
        Self::new_counted(payload, false)
    }

    /// Allocates a new object as [`new`](ObjRef::new) does, counted the
    /// way CPython 3.14t counts code objects, classes, module-level
    /// functions, modules and module dicts where the heap's strategy can
    /// ([`RefCount::defer_to_collector`]: each thread counts its
    /// references to it apart, and only the cycle collector frees it).
    /// Such an object is tracked from birth and stays tracked. Where the
    /// strategy cannot, where `T` is not a GC type, or where this thread
    /// has no collector to free it, it is an ordinary object.
    pub fn new_deferred<T: Payload<P>>(payload: T) -> Self {
        Self::new_counted(payload, T::GC && gc_hooks::has_collector())
    }

    /// `new`, and `new_deferred` when `defer`: allocates, counts the
    /// object as live, and announces a GC object to the collector
    /// (tracked if its payload says so at birth, or if it is deferred:
    /// only a collection can free a deferred object).
    #[inline]
    fn new_counted<T: Payload<P>>(payload: T, defer: bool) -> Self {
        accounting::note_alloc();
        let tracked = T::GC && payload.tracked_at_birth();
        let obj = Self::alloc(payload, P::Rc::new_cell());
        // SAFETY: the cell was just made on this thread and no other
        // thread can reach the object; `defer` is only set for a GC type
        // on a thread with a collector, which tracks it just below, and
        // nothing untracks a deferred object (the collector checks
        // `is_deferred` before it untracks containers of atoms).
        let deferred = defer && unsafe { P::Rc::defer_to_collector(&obj.header().rc) };
        if T::GC {
            if let Some(links) = obj.gc_links_ptr() {
                gc_hooks::note_allocated(links, tracked || deferred);
            }
        }
        obj
    }

    /// Whether the object is counted per thread and freed only by the
    /// cycle collector ([`new_deferred`](ObjRef::new_deferred)).
    #[inline]
    pub fn is_deferred(&self) -> bool {
        P::Rc::is_deferred(&self.header().rc)
    }

    /// Allocates an immortal object: never freed, never counted as live.
    pub fn new_immortal<T: Payload<P>>(payload: T) -> Self {
        Self::alloc(payload, P::Rc::immortal_cell())
    }

    fn alloc<T: Payload<P>>(payload: T, rc: <P::Rc as RefCount>::Cell) -> Self {
        let obj = Obj {
            header: Header {
                rc,
                ty: TypeOf::<P, T>::TYPE,
            },
            payload,
        };
        let ptr: *mut Obj<P, T> = if T::GC {
            let whole = Box::into_raw(Box::new(GcObj {
                links: GcLinks::default(),
                obj,
            }));
            // SAFETY: `whole` is a valid, unique pointer just made by
            // `Box::into_raw`; projecting a raw pointer keeps the whole
            // allocation's provenance (needed again in `dealloc`).
            unsafe { core::ptr::addr_of_mut!((*whole).obj) }
        } else if uses_free_list::<P, T>() {
            match FREE_LIST.try_with(FreeList::pop).ok().flatten() {
                Some(block) => {
                    let p = block.cast::<Obj<P, T>>().as_ptr();
                    // SAFETY: a listed block is an unoccupied allocation of
                    // the global allocator with `FREE_LIST_LAYOUT`, which is
                    // `Obj<P, T>`'s size and alignment (`uses_free_list`),
                    // and popping made it ours alone. Freeing it later with
                    // `Box::from_raw` or `dealloc` and this layout is sound.
                    unsafe { p.write(obj) };
                    p
                }
                None => Box::into_raw(Box::new(obj)),
            }
        } else {
            Box::into_raw(Box::new(obj))
        };
        // SAFETY: `Box::into_raw` never returns null (nor does the free
        // list hold null); `Obj` is `repr(C)`
        // with the header first, so the cast points at the header.
        let ptr = unsafe { NonNull::new_unchecked(ptr) }.cast::<Header<P>>();
        ObjRef {
            ptr,
            _owns: PhantomData,
        }
    }

    #[inline(always)]
    fn header(&self) -> &Header<P> {
        // SAFETY: an `ObjRef` keeps its object alive.
        unsafe { self.ptr.as_ref() }
    }

    /// The object's type.
    #[inline]
    pub fn type_object(&self) -> &'static TypeObject<P> {
        self.header().ty
    }

    /// The object's built-in kind.
    #[inline(always)]
    pub fn kind(&self) -> Kind {
        self.header().ty.kind
    }

    /// The Python name of the object's type.
    #[inline]
    pub fn type_name(&self) -> &'static str {
        self.header().ty.name
    }

    /// Whether the object's payload is a `T`.
    #[inline]
    pub fn is<T: Payload<P>>(&self) -> bool {
        self.header().ty.type_id == TypeId::of::<T>()
    }

    /// The payload, if the object is a `T`.
    #[inline]
    pub fn downcast<T: Payload<P>>(&self) -> Option<&T> {
        if self.is::<T>() {
            // SAFETY: the type check above proves the object is an
            // `Obj<P, T>`; it lives as long as `self`; payloads are only
            // borrowed shared.
            Some(unsafe { &(*self.ptr.cast::<Obj<P, T>>().as_ptr()).payload })
        } else {
            None
        }
    }

    /// The current reference count (exact when no other thread is counting
    /// this object). `sys.getrefcount` adds the reference of its argument.
    #[inline]
    pub fn refcount(&self) -> usize {
        P::Rc::count(&self.header().rc)
    }

    /// Merges the object's count for a collector
    /// ([`RefCount::merge_stopped`]).
    ///
    /// # Safety
    /// The world is stopped: no other thread counts any object meanwhile.
    pub unsafe fn merge_count_stopped(&self) {
        // SAFETY: forwarded.
        unsafe { P::Rc::merge_stopped(&self.header().rc) }
    }

    /// Whether the calling thread owns the object
    /// ([`RefCount::owned_by_this_thread`]).
    #[inline]
    pub fn owned_by_this_thread(&self) -> bool {
        P::Rc::owned_by_this_thread(&self.header().rc)
    }

    /// Prepares the object's count for `try_incref` from other threads
    /// ([`RefCount::enable_try_incref`]): a weak reference to it is made.
    pub(crate) fn enable_try_incref(&self) {
        P::Rc::enable_try_incref(&self.header().rc);
    }

    /// Whether the object is immortal.
    #[inline]
    pub fn is_immortal(&self) -> bool {
        P::Rc::is_immortal(&self.header().rc)
    }

    /// Whether two references name the same object (Python's `is`).
    #[inline(always)]
    pub fn is_same(&self, other: &Self) -> bool {
        self.ptr == other.ptr
    }

    /// The object's address: its identity (Python's `id()`).
    #[inline(always)]
    pub fn addr(&self) -> usize {
        self.ptr.as_ptr() as usize
    }

    /// The collector links, for objects whose type is GC-tracked.
    pub fn gc_links(&self) -> Option<&GcLinks> {
        let ty = self.header().ty;
        if !ty.gc {
            return None;
        }
        // SAFETY: a type with `gc` set was allocated as a `GcObj`, whose
        // `links` start `gc_offset` bytes before the `Obj` (and so the
        // header), and `ObjRef::alloc` derived `ptr` from the whole
        // allocation, so stepping back stays inside it.
        let links = unsafe { self.ptr.byte_sub(ty.gc_offset) }.cast::<GcLinks>();
        // SAFETY: live while `self` is.
        Some(unsafe { links.as_ref() })
    }

    /// A pointer to the collector links, for objects whose type is
    /// GC-tracked.
    #[inline]
    pub fn gc_links_ptr(&self) -> Option<NonNull<GcLinks>> {
        let ty = self.header().ty;
        if !ty.gc {
            return None;
        }
        // SAFETY: as in `gc_links`. Derived from `ptr`, not from a
        // reference to the links, so the result keeps the whole
        // allocation's provenance: the collector steps back to the header
        // from it (`borrow_from_gc_links`).
        Some(unsafe { self.ptr.byte_sub(ty.gc_offset) }.cast::<GcLinks>())
    }

    /// Whether a collector tracks this object now (its links are on a
    /// list or in a table). Objects of types that are not
    /// [`GC`](Payload::GC) are never tracked.
    #[inline]
    pub fn is_gc_tracked(&self) -> bool {
        match self.gc_links_ptr() {
            None => false,
            // SAFETY: `self` is alive, so are its links; `next` is an
            // atomic word.
            Some(g) => !unsafe { g.as_ref() }
                .next
                .load(core::sync::atomic::Ordering::Relaxed)
                .is_null(),
        }
    }

    /// Whether this object may be tracked by a collector now or later, so
    /// that a container holding it may be part of a cycle (CPython's
    /// `_PyObject_GC_MAY_BE_TRACKED`): an object of a [`GC`](Payload::GC)
    /// type, except an untracked tuple (a tuple is untracked only when it
    /// holds nothing that may be tracked, and it cannot change). An
    /// untracked dict still counts: it may be tracked again.
    #[inline]
    pub fn may_be_gc_tracked(&self) -> bool {
        self.header().ty.gc && (self.kind() != crate::Kind::Tuple || self.is_gc_tracked())
    }

    /// The object whose links are at `links`, borrowed: the result holds no
    /// reference of its own (it is never dropped), so it must not outlive
    /// the object.
    ///
    /// # Safety
    /// `links` are the [`GcLinks`] of a live object of this policy, and the
    /// object stays alive while the result is used.
    #[inline]
    pub unsafe fn borrow_from_gc_links(links: NonNull<GcLinks>) -> core::mem::ManuallyDrop<Self> {
        // SAFETY: every GC object's header is `GC_LINKS_SIZE` bytes after
        // its links (checked when its type object is built), inside the
        // same allocation.
        let header = unsafe { links.byte_add(GC_LINKS_SIZE) }.cast::<Header<P>>();
        core::mem::ManuallyDrop::new(ObjRef {
            ptr: header,
            _owns: PhantomData,
        })
    }

    /// Runs the object's finalizer (`__del__`, PEP 442's `tp_finalize`) if
    /// its type has one and it has not run yet; a finalizer runs at most
    /// once in an object's life. The collector's `finalize_garbage` step.
    pub fn finalize_if_needed(&self) {
        if let Some(f) = self.header().ty.finalize_live {
            f(self)
        }
    }

    /// Runs the object's finalizer, which [`Payload::needs_finalize`]
    /// already found due on the thread that handed it over
    /// ([`handoff`](crate::handoff)); the caller holds a reference.
    pub(crate) fn run_due_finalizer(&self) {
        if let Some(f) = self.header().ty.run_finalizer {
            f(self)
        }
    }

    /// Visits the references the object holds in place (see
    /// [`Payload::traverse_in_place`]): the collector's fast traversal.
    ///
    /// # Safety
    /// `visit` keeps the contract of [`Payload::traverse_in_place`].
    pub unsafe fn traverse_in_place(&self, visit: &mut dyn FnMut(&ObjRef<P>)) {
        // SAFETY: live object of the type whose function this is; the
        // visitor's contract is forwarded.
        unsafe { (self.header().ty.traverse_in_place)(self.ptr, visit) }
    }

    /// Clears the weak references to this object; returns the weakref
    /// objects that were alive (see [`Payload::clear_weakrefs`]).
    pub fn clear_weakrefs(&self) -> Vec<ObjRef<P>> {
        (self.header().ty.clear_weakrefs)(self)
    }

    /// Runs a weakref object's callback (see [`Payload::weakref_callback`]).
    pub fn run_weakref_callback(&self) {
        (self.header().ty.weakref_callback)(self)
    }

    /// Makes a weakref object forget its dying referent (see
    /// [`Payload::weakref_forget`]).
    pub fn forget_weak_referent(&self) {
        (self.header().ty.weakref_forget)(self)
    }

    /// The weak references to this object, if its type can be weakly
    /// referenced (see [`Payload::weak_list`]).
    pub fn weak_list(&self) -> Option<&WeakList<P>> {
        (self.header().ty.weak_list)(self)
    }

    /// Adds a reference to the object at `header` (from zero, for an
    /// object brought back to be finalized elsewhere).
    ///
    /// # Safety
    /// `header` heads an allocated object of this policy.
    pub(crate) unsafe fn incref_raw(header: NonNull<Header<P>>) {
        // SAFETY: allocated (caller).
        P::Rc::incref(unsafe { &header.as_ref().rc })
    }

    /// Takes over one reference the caller owns to the object at `header`.
    ///
    /// # Safety
    /// `header` heads a live object of this policy and the caller owns one
    /// of its references, which it gives up.
    pub(crate) unsafe fn adopt(header: NonNull<Header<P>>) -> Self {
        ObjRef {
            ptr: header,
            _owns: PhantomData,
        }
    }

    /// The object's address as a raw pointer, without giving up the
    /// reference (a weak reference keeps it; see
    /// [`clone_from_raw`](Self::clone_from_raw)).
    pub fn as_raw(&self) -> NonNull<()> {
        self.ptr.cast()
    }

    /// A new reference to the object at `ptr`.
    ///
    /// # Safety
    /// `ptr` came from [`as_raw`](Self::as_raw) on an object of this policy
    /// that is still alive, and no other thread can drop its last
    /// reference meanwhile (the caller holds the GIL).
    pub unsafe fn clone_from_raw(ptr: NonNull<()>) -> Self {
        let borrowed = core::mem::ManuallyDrop::new(ObjRef::<P> {
            ptr: ptr.cast(),
            _owns: PhantomData,
        });
        (*borrowed).clone()
    }

    /// A new reference to the object at `ptr`, unless it is dying (its
    /// count reached zero: [`RefCount::try_incref`]). Weak references use
    /// it on the free-threaded heaps, where the referent may die on
    /// another thread at any moment.
    ///
    /// # Safety
    /// `ptr` came from [`as_raw`](Self::as_raw) on an object of this
    /// policy whose memory is not freed and will not be while this runs
    /// (its count may be zero: the owner of a weak reference holds a lock
    /// that the dying object takes before it is freed).
    #[inline]
    pub unsafe fn try_clone_from_raw(ptr: NonNull<()>) -> Option<Self> {
        let ptr: NonNull<Header<P>> = ptr.cast();
        // SAFETY: the header is allocated (caller); the count cell is the
        // strategy's, made for concurrent use where the heap is shared.
        let rc = unsafe { &ptr.as_ref().rc };
        // `then`, not `then_some`: an `ObjRef` made when the count was not
        // taken would be dropped, a decref of a reference never counted.
        P::Rc::try_incref(rc).then(|| ObjRef {
            ptr,
            _owns: PhantomData,
        })
    }

    /// Gives up ownership without a decref, returning the raw pointer.
    pub fn into_raw(self) -> NonNull<()> {
        let ptr = self.ptr.cast();
        core::mem::forget(self);
        ptr
    }

    /// Takes back ownership of a pointer from [`into_raw`](Self::into_raw).
    ///
    /// # Safety
    /// `ptr` came from `into_raw` on an `ObjRef<P>` of the same policy, and
    /// each such pointer is turned back once.
    pub unsafe fn from_raw(ptr: NonNull<()>) -> Self {
        ObjRef {
            ptr: ptr.cast(),
            _owns: PhantomData,
        }
    }
}

impl<P: HeapPolicy> Clone for ObjRef<P> {
    #[inline(always)]
    fn clone(&self) -> Self {
        P::Rc::incref(&self.header().rc);
        ObjRef {
            ptr: self.ptr,
            _owns: PhantomData,
        }
    }
}

impl<P: HeapPolicy> Drop for ObjRef<P> {
    #[inline(always)]
    fn drop(&mut self) {
        let cell = &self.header().rc;
        let last = if P::Rc::DEFERS {
            // SAFETY: `free_erased::<P>` frees an object of this policy
            // once its count is zero, on any thread of the heap (the
            // finalizers of objects that die on a thread that cannot run
            // them are handed over: `handoff`); the header's first field
            // is the cell (`repr(C)`), so the address is also the cell's.
            let deferred = unsafe { DeferredFree::new(self.ptr.cast(), free_erased::<P>) };
            P::Rc::decref_or_defer(cell, deferred)
        } else {
            P::Rc::decref(cell)
        };
        if last {
            // SAFETY: the strategy reports this was the last reference; the
            // pointer is not used again.
            unsafe { free(self.ptr) }
        }
    }
}

impl<P: HeapPolicy> fmt::Debug for ObjRef<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{} object at {:#x}>", self.type_name(), self.addr())
    }
}

impl<P: HeapPolicy> Traverse<ObjRef<P>> for ObjRef<P> {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef<P>)) {
        // SAFETY: live object of the type whose function this is.
        unsafe { (self.header().ty.traverse)(self.ptr, visit) }
    }

    fn clear(&self) {
        // SAFETY: live object of the type whose function this is.
        unsafe { (self.header().ty.clear)(self.ptr) }
    }
}

/// Nesting depth past which deallocations are queued rather than recursed
/// into (CPython's `_PyTrash_UNWIND_LEVEL` is 50).
pub const TRASHCAN_DEPTH: usize = 50;

type ErasedFree = (NonNull<()>, unsafe fn(NonNull<()>));

struct Trashcan {
    depth: Cell<usize>,
    pending: RefCell<Vec<ErasedFree>>,
}

std::thread_local! {
    static TRASHCAN: Trashcan = const {
        Trashcan { depth: Cell::new(0), pending: RefCell::new(Vec::new()) }
    };
}

/// Finalizes an object whose finalizer fell due inside a critical section,
/// now that the thread's sections have ended (see [`free`]), and drops the
/// reference that kept it alive meanwhile.
///
/// # Safety
/// `ptr` heads a live object of policy `P` carrying one reference that is
/// the caller's to give.
unsafe fn finalize_after_sections<P: HeapPolicy>(ptr: NonNull<()>) {
    // SAFETY: forwarded.
    let object = unsafe { ObjRef::<P>::adopt(ptr.cast::<Header<P>>()) };
    object.run_due_finalizer();
}

/// [`free`] for a [`DeferredFree`]: the object at `ptr` is of policy `P`.
///
/// # Safety
/// As for `free`.
unsafe fn free_erased<P: HeapPolicy>(ptr: NonNull<()>) {
    // SAFETY: forwarded.
    unsafe { free::<P>(ptr.cast()) }
}

/// Frees the object at `header`, bounding recursion through the trashcan.
///
/// # Safety
/// The object's count reached zero and the pointer is not used again.
///
/// Never inlined, as CPython's `Py_DECREF` inlines only the decrement and
/// calls `_Py_Dealloc`: every `ObjRef` drop then inlines to a decrement
/// and a compare, and the deallocation path stays out of the callers'
/// code.
#[inline(never)]
unsafe fn free<P: HeapPolicy>(header: NonNull<Header<P>>) {
    /// # Safety
    /// As for `free`, with `ptr` the erased header pointer.
    unsafe fn run<P: HeapPolicy>(ptr: NonNull<()>) {
        let header = ptr.cast::<Header<P>>();
        // SAFETY: forwarded from `free`: count zero, type object static.
        unsafe { (header.as_ref().ty.dealloc)(header) }
    }
    // SAFETY: the object is still allocated; its type object is static.
    if let Some(fin) = unsafe { header.as_ref() }.ty.finalize {
        // On a thread that cannot run finalizers (it entered a finalizer
        // queue), an object whose finalizer is due waits, alive, for an
        // interpreter thread; inside a critical section, for the end of the
        // thread's outermost section (a finalizer is user code, which no
        // section may run: `ftl_core::lock`). One whose finalizer is not due
        // is freed.
        let entered = handoff::entered::<P>();
        if entered || ftl_core::in_critical_section() {
            // SAFETY: the object is still allocated; its type object is
            // static; `finalize_due` is set whenever `finalize` is.
            let due = unsafe { header.as_ref() }
                .ty
                .finalize_due
                .expect("with finalize");
            // SAFETY: count zero, object live, of this type.
            if unsafe { due(header) } {
                if entered {
                    // SAFETY: count zero, object live, of policy `P`,
                    // entered.
                    unsafe { handoff::hand_over(header) };
                } else {
                    // Count zero -> one: the reference the deferred call
                    // adopts.
                    // SAFETY: the object is still allocated.
                    unsafe { ObjRef::<P>::incref_raw(header) };
                    // SAFETY: `finalize_after_sections::<P>` adopts that
                    // reference of a live object of policy `P`, once, with
                    // no section held.
                    unsafe {
                        ftl_core::defer_until_sections_end(
                            header.cast(),
                            finalize_after_sections::<P>,
                        )
                    };
                }
                return;
            }
        // SAFETY: count zero, object live. A finalizer that runs either
        // frees the object (by dropping its resurrected reference, which
        // re-enters `free` with the payload marked finalized) or leaves it
        // alive.
        } else if unsafe { fin(header) } {
            return;
        }
    }
    // Only objects that can hold references can recurse on free, and those
    // are the GC types (CPython also puts the trashcan only in container
    // deallocs): scalars skip the thread-local bookkeeping.
    // SAFETY: the object is still allocated; its type object is static.
    let ty = unsafe { header.as_ref() }.ty;
    if !ty.gc {
        // SAFETY: forwarded precondition.
        return unsafe { run::<P>(header.cast()) };
    }
    // Leave the collector's lists before anything of the object is freed,
    // so a collection during the frees below never sees it.
    // SAFETY: a GC object's links are `gc_offset` bytes before its header,
    // in the same allocation, alive until `run` frees it.
    gc_hooks::note_freeing(unsafe { header.byte_sub(ty.gc_offset) }.cast::<GcLinks>());
    let item: ErasedFree = (header.cast(), run::<P>);
    let queued = TRASHCAN.try_with(|t| {
        let depth = t.depth.get();
        if depth >= TRASHCAN_DEPTH {
            t.pending.borrow_mut().push(item);
            return true;
        }
        t.depth.set(depth + 1);
        false
    });
    match queued {
        Ok(true) => {}
        Ok(false) => {
            // SAFETY: forwarded precondition.
            unsafe { (item.1)(item.0) };
            let _ = TRASHCAN.try_with(|t| {
                let depth = t.depth.get() - 1;
                t.depth.set(depth);
                if depth == 0 {
                    // Drain what deeper frees queued; each may queue more.
                    t.depth.set(1);
                    loop {
                        let next = t.pending.borrow_mut().pop();
                        match next {
                            // SAFETY: queued by `free` under its contract.
                            Some((ptr, run)) => unsafe { run(ptr) },
                            None => break,
                        }
                    }
                    t.depth.set(0);
                }
            });
        }
        // The thread is being torn down: free directly.
        // SAFETY: forwarded precondition.
        Err(_) => unsafe { (item.1)(item.0) },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::GilHeap;

    type R = ObjRef<GilHeap>;

    #[test]
    fn float_blocks_are_recycled_through_the_thread_free_list() {
        // Run on a fresh thread so the list starts empty and its exit
        // deallocates whatever is still listed (Miri checks both).
        std::thread::spawn(|| {
            assert!(uses_free_list::<GilHeap, crate::types::Float>());
            assert_eq!(free_list_len(), 0);
            let a = R::from_f64(1.5);
            let addr = a.addr();
            drop(a);
            assert_eq!(free_list_len(), 1);
            // The next float takes the freed block, with its own value and
            // a fresh count.
            let b = R::from_f64(-2.25);
            assert_eq!(b.addr(), addr);
            assert_eq!(free_list_len(), 0);
            assert_eq!(b.as_f64(), Some(-2.25));
            assert_eq!(b.refcount(), 1);
            let c = b.clone();
            assert_eq!(b.refcount(), 2);
            drop(c);
            drop(b);
            // The list keeps at most FREE_LIST_MAX blocks; the rest go back
            // to the allocator.
            let many: Vec<R> = (0..FREE_LIST_MAX + 7)
                .map(|i| R::from_f64(i as f64))
                .collect();
            for (i, f) in many.iter().enumerate() {
                assert_eq!(f.as_f64(), Some(i as f64));
            }
            drop(many);
            assert_eq!(free_list_len(), FREE_LIST_MAX);
            // Other types never use it.
            assert!(!uses_free_list::<GilHeap, crate::types::Int>());
            drop(R::from_i64(1 << 40));
            assert_eq!(free_list_len(), FREE_LIST_MAX);
        })
        .join()
        .expect("test thread");
    }
}
