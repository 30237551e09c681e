//! Heap policies: which refcount strategy and which object lock a heap uses,
//! and the GIL heap's `plain` strategy.
//!
//! The object model is generic over one parameter, a [`HeapPolicy`], which
//! bundles a [`RefCount`] strategy with a [`RawObjectLock`]. Everything an
//! object does with its count or its contents goes through those two traits,
//! statically dispatched, so a free-threaded heap (in `ftl-heap`) plugs in
//! without touching the built-in types.
//!
//! [`Plain`] is CPython's own refcount (a plain machine word; `Py_INCREF` is
//! `ob_refcnt++`), correct only when a GIL serialises every access, and
//! [`GilHeap`] pairs it with [`NoLock`]. Objects of a heap that is not a
//! [`SharedHeap`] are neither `Send` nor `Sync` in Rust's type system: an
//! interpreter that runs them on several threads under a GIL asserts that
//! itself, in one place, with the GIL as the argument.

#![allow(unsafe_code)] // SharedHeap is an unsafe trait; unsafe impl RefCount for Plain

use core::cell::Cell;
use ftl_core::{NoLock, RawObjectLock, RefCount, IMMORTAL_COUNT};

use crate::statics::Statics;

/// A heap policy: the refcount strategy and object lock of a heap.
pub trait HeapPolicy: 'static + Sized {
    /// How object headers count references.
    type Rc: RefCount;
    /// How container contents are locked.
    type Lock: RawObjectLock;
    /// Name for reports.
    const NAME: &'static str;

    /// This policy's immortal singletons (`None`, `True`, `False`, the
    /// small-int cache, the empty tuple and string). Implement it with
    /// [`statics_fn!`](crate::statics_fn).
    fn statics() -> &'static Statics<Self>;
}

/// A heap whose objects may be used from several threads at once.
///
/// Its object lock must be `Send + Sync` (a bound of the trait, so the
/// compiler knows it of every shared heap): the GIL heap's
/// [`NoLock`](ftl_core::NoLock) is not, so the GIL heap cannot be declared
/// shared even with `unsafe`:
///
/// ```compile_fail,E0277
/// use ftl_object::SharedHeap;
/// enum Pretend {}
/// impl ftl_object::HeapPolicy for Pretend {
///     type Rc = ftl_object::Plain;
///     type Lock = ftl_core::NoLock;
///     const NAME: &'static str = "pretend";
///     fn statics() -> &'static ftl_object::statics::Statics<Self> { unimplemented!() }
/// }
/// unsafe impl SharedHeap for Pretend {}
/// ```
///
/// Every payload type must then be `Send + Sync` on a shared heap; each
/// crate that defines payloads checks that at compile time with
/// [`assert_shareable!`](crate::assert_shareable).
///
/// # Safety
/// `Self::Rc::THREAD_SAFE` and `Self::Lock::EXCLUSIVE` are both `true`.
pub unsafe trait SharedHeap: HeapPolicy<Lock: Send + Sync> {}

/// CPython's refcount: one non-atomic word. Requires a GIL.
#[derive(Debug, Clone, Copy)]
pub enum Plain {}

// SAFETY: counts start at one and move by one; `decref` returns true only on
// the transition 1 -> 0, which happens once; immortal cells (count >=
// IMMORTAL_COUNT) are never written. Not thread-safe, as declared.
unsafe impl RefCount for Plain {
    type Cell = Cell<usize>;
    const NAME: &'static str = "plain";
    const THREAD_SAFE: bool = false;

    #[inline(always)]
    fn new_cell() -> Cell<usize> {
        Cell::new(1)
    }

    fn immortal_cell() -> Cell<usize> {
        Cell::new(IMMORTAL_COUNT)
    }

    #[inline(always)]
    fn incref(cell: &Cell<usize>) {
        let n = cell.get();
        // PEP 683: immortal objects are never written to.
        if n < IMMORTAL_COUNT {
            cell.set(n + 1);
        }
    }

    #[inline]
    fn try_incref(cell: &Cell<usize>) -> bool {
        if cell.get() == 0 {
            return false;
        }
        Self::incref(cell);
        true
    }

    #[inline(always)]
    fn decref(cell: &Cell<usize>) -> bool {
        let n = cell.get();
        if n >= IMMORTAL_COUNT {
            return false;
        }
        debug_assert!(n > 0, "decref of a freed object");
        cell.set(n - 1);
        n == 1
    }

    #[inline]
    fn count(cell: &Cell<usize>) -> usize {
        cell.get().min(IMMORTAL_COUNT)
    }

    #[inline]
    fn is_immortal(cell: &Cell<usize>) -> bool {
        cell.get() >= IMMORTAL_COUNT
    }
}

/// The heap of the GIL runtimes: [`Plain`] counts, [`NoLock`] containers.
#[derive(Debug, Clone, Copy)]
pub enum GilHeap {}

impl HeapPolicy for GilHeap {
    type Rc = Plain;
    type Lock = NoLock;
    const NAME: &'static str = "gil";
    crate::statics_fn!(GilHeap);
}

/// Checks at compile time that each listed payload type is `Send + Sync`
/// on every [`SharedHeap`] (`P` names the heap parameter in the list):
///
/// ```
/// ftl_object::assert_shareable!(P => ftl_object::types::List<P>, ftl_object::types::Str);
/// ```
///
/// The check is a generic function whose body the compiler type-checks
/// against `P: SharedHeap` alone, so it holds for every shared heap, and a
/// payload with a `Cell` or `RefCell` in it fails to compile:
///
/// ```compile_fail,E0277
/// struct Counter(std::cell::Cell<u64>);
/// ftl_object::assert_shareable!(P => Counter);
/// ```
///
/// `xtask`'s `payloads_are_checked_shareable` test keeps each crate's
/// list complete: every `impl Payload` in a crate must appear in it.
#[macro_export]
macro_rules! assert_shareable {
    ($p:ident => $($ty:ty),* $(,)?) => {
        const _: () = {
            #[allow(dead_code)]
            fn payloads_are_send_and_sync<$p: $crate::SharedHeap>() {
                fn send_and_sync<T: Send + Sync>() {}
                $(send_and_sync::<$ty>();)*
            }
        };
    };
}
