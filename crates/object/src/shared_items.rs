//! [`SharedItems`]: a list's items, written inside a critical section and
//! read, on a heap whose strategy allows it, without one (PEP 703's
//! optimistic list reads, after CPython 3.13t's `Objects/listobject.c`:
//! `list_get_item_ref`, `_PyListArray`, `_Py_TryIncrefCompare`).
//!
//! # Layout
//!
//! An item array is one allocation of `cap + 1` words: the capacity, then
//! `cap` slots, each an atomic pointer to an object (null when empty).
//! The list holds its length and an atomic pointer to its array. A writer
//! always holds the list's object lock; it stores slots with release
//! stores, and when the array must grow or shrink (CPython's
//! `list_resize` rule: over-allocate by an eighth plus 6, shrink below
//! half) it fills a new array, publishes it, and hands the old one to the
//! strategy's [`RefCount::reclaim`], which frees it only once no reader
//! can still be reading it (QSBR on `ft-biased`; at once elsewhere).
//!
//! # The optimistic read (`get`)
//!
//! When the strategy says it may ([`RefCount::LOCK_FREE_READS`] and
//! [`RefCount::lock_free_read_begin`]), a reader loads the length, the
//! array, checks the index against the array's own capacity, loads the
//! slot, takes a reference with [`RefCount::try_incref`] (which fails on
//! an object that died meanwhile; its memory is still there, since the
//! strategy delays the free of every object's memory as it does arrays'),
//! and checks that the slot still holds the same object. If any step
//! fails, it reads again under the lock. On the locked path it also calls
//! [`RefCount::enable_try_incref`] on the item, so that the next reader
//! from another thread succeeds without the lock (a biased count can
//! only be raised from another thread once that flag is set).
//!
//! # Invariants
//!
//! * Slots `0..len` hold owned references; slots `len..cap` are null
//!   (except transiently inside a writer's critical section).
//! * An array is published (release) only after all its words are
//!   written; its capacity never changes.
//! * A reader dereferences an array or an object only between its
//!   `lock_free_read_begin` and the end of the read (no safe point
//!   between), and never keeps a pointer it did not count.
//! * Without an exclusive lock (`NoLock`), the heap is not shared:
//!   `SharedItems` is `Sync` only when both the lock and `ObjRef<P>` are
//!   (auto traits), so nothing here can be reached from two threads on a
//!   GIL heap.
//!
//! [`RefCount::reclaim`]: ftl_core::RefCount::reclaim
//! [`RefCount::LOCK_FREE_READS`]: ftl_core::RefCount::LOCK_FREE_READS
//! [`RefCount::lock_free_read_begin`]: ftl_core::RefCount::lock_free_read_begin
//! [`RefCount::try_incref`]: ftl_core::RefCount::try_incref
//! [`RefCount::enable_try_incref`]: ftl_core::RefCount::enable_try_incref

#![allow(unsafe_code)] // the item array: raw allocation, slots by address

use core::alloc::Layout;
use core::marker::PhantomData;
use core::mem::ManuallyDrop;
use core::ptr::{null_mut, NonNull};

use ftl_core::sync::{AtomicPtr, AtomicUsize, Ordering};
use ftl_core::{CriticalSection, CriticalSection2, Reclaim, RefCount};

use crate::{HeapPolicy, ObjRef};

type Slot = AtomicPtr<()>;

/// The layout of an array of `cap` slots (and its capacity word).
fn layout(cap: usize) -> Layout {
    Layout::array::<usize>(cap + 1).expect("list too long")
}

/// A new array of `cap > 0` null slots.
fn alloc_array(cap: usize) -> NonNull<usize> {
    debug_assert!(cap > 0);
    let layout = layout(cap);
    // SAFETY: the layout has a non-zero size.
    let raw = unsafe { std::alloc::alloc(layout) }.cast::<usize>();
    let Some(arr) = NonNull::new(raw) else {
        std::alloc::handle_alloc_error(layout)
    };
    // SAFETY: the allocation holds `cap + 1` words; each is written once
    // here before the array is published.
    unsafe {
        arr.as_ptr().write(cap);
        for i in 0..cap {
            slot_ptr(arr, i).write(Slot::new(null_mut()));
        }
    }
    arr
}

/// The address of slot `i` of `arr`.
///
/// # Safety
/// `arr` is a live array and `i < cap`.
#[inline(always)]
unsafe fn slot_ptr(arr: NonNull<usize>, i: usize) -> *mut Slot {
    // SAFETY: slots follow the capacity word, one word each (an
    // `AtomicPtr` has a pointer's size and alignment).
    unsafe { arr.as_ptr().add(1 + i).cast::<Slot>() }
}

/// Frees an array nobody reads any more (a [`Reclaim`] function).
///
/// # Safety
/// `block` is an array from [`alloc_array`], unreachable, whose slots no
/// longer own references.
unsafe fn free_array(block: NonNull<()>) {
    let arr = block.cast::<usize>();
    // SAFETY: live array (caller); its first word is the capacity.
    let cap = unsafe { arr.as_ptr().read() };
    for i in 0..cap {
        // SAFETY: `i < cap`; the slot was initialised by `alloc_array`.
        unsafe { core::ptr::drop_in_place(slot_ptr(arr, i)) };
    }
    // SAFETY: allocated by `alloc_array` with this layout.
    unsafe { std::alloc::dealloc(arr.as_ptr().cast(), layout(cap)) };
}

/// CPython's `list_resize` capacity for `new_len` items.
fn grown_capacity(old_len: usize, new_len: usize) -> usize {
    let cap = (new_len + (new_len >> 3) + 6) & !3;
    if new_len - old_len.min(new_len) > cap - new_len {
        (new_len + 3) & !3
    } else {
        cap
    }
}

/// A list's items. See the module docs.
pub(crate) struct SharedItems<P: HeapPolicy> {
    lock: P::Lock,
    len: AtomicUsize,
    /// Null while the capacity is zero.
    array: AtomicPtr<usize>,
    _owns: PhantomData<ObjRef<P>>,
}

/// The outcome of an optimistic read.
enum Optimistic<T> {
    Got(T),
    OutOfRange,
    Locked,
}

impl<P: HeapPolicy> SharedItems<P> {
    /// Items owning `items` (capacity exactly their number, as `list(x)`).
    pub(crate) fn new(items: Vec<ObjRef<P>>) -> Self {
        let this = SharedItems {
            lock: <P::Lock as ftl_core::RawObjectLock>::new(),
            len: AtomicUsize::new(0),
            array: AtomicPtr::new(null_mut()),
            _owns: PhantomData,
        };
        if !items.is_empty() {
            let arr = alloc_array(items.len());
            this.fill(arr, items);
            this.array.store(arr.as_ptr(), Ordering::Release);
        }
        this
    }

    /// The live array, if any (a writer's or a reader's load).
    #[inline(always)]
    fn array(&self, order: Ordering) -> Option<NonNull<usize>> {
        NonNull::new(self.array.load(order))
    }

    /// The capacity of `arr`.
    #[inline(always)]
    fn cap(arr: Option<NonNull<usize>>) -> usize {
        // SAFETY: a live array's first word is its capacity, never
        // written after publication.
        arr.map_or(0, |a| unsafe { a.as_ptr().read() })
    }

    /// Slot `i` of `arr`.
    ///
    /// # Safety
    /// `arr` is live (the caller holds the lock, or reads online) and
    /// `i` is below its capacity.
    #[inline(always)]
    unsafe fn slot<'a>(arr: NonNull<usize>, i: usize) -> &'a Slot {
        // SAFETY: forwarded; the slot was initialised by `alloc_array`.
        unsafe { &*slot_ptr(arr, i) }
    }

    /// Stores `items` into slots `0..` of `arr` and sets the length (the
    /// lock is held or the array is not published).
    fn fill(&self, arr: NonNull<usize>, items: Vec<ObjRef<P>>) {
        let n = items.len();
        for (i, item) in items.into_iter().enumerate() {
            // SAFETY: `i < n <= cap` (callers allocate enough).
            unsafe { Self::slot(arr, i) }.store(item.into_raw().as_ptr(), Ordering::Release);
        }
        self.len.store(n, Ordering::Release);
    }

    /// Number of items (no lock: one atomic load).
    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.len.load(Ordering::Acquire)
    }

    /// A new reference to item `i`.
    #[inline]
    pub(crate) fn get(&self, i: usize) -> Option<ObjRef<P>> {
        if P::Rc::LOCK_FREE_READS && P::Rc::lock_free_read_begin() {
            match self.get_optimistic(i) {
                Optimistic::Got(item) => return Some(item),
                Optimistic::OutOfRange => return None,
                Optimistic::Locked => {}
            }
        }
        self.get_locked(i)
    }

    #[inline]
    fn get_optimistic(&self, i: usize) -> Optimistic<ObjRef<P>> {
        if i >= self.len.load(Ordering::Acquire) {
            return Optimistic::OutOfRange;
        }
        let arr = self.array(Ordering::Acquire);
        let Some(a) = arr else {
            return Optimistic::Locked;
        };
        if i >= Self::cap(arr) {
            return Optimistic::Locked;
        }
        // SAFETY: the array was reachable when loaded and the strategy
        // frees a replaced array only after this thread's next quiescent
        // point (`LOCK_FREE_READS`); `i < cap`.
        let slot = unsafe { Self::slot(a, i) };
        let Some(p) = NonNull::new(slot.load(Ordering::Acquire)) else {
            return Optimistic::Locked;
        };
        // SAFETY: `p` was in the list when loaded; its memory is freed only
        // after this thread's next quiescent point, even if the object
        // dies meanwhile, and `try_incref` refuses a dead object.
        let Some(item) = (unsafe { ObjRef::try_clone_from_raw(p) }) else {
            return Optimistic::Locked;
        };
        if slot.load(Ordering::Acquire) != p.as_ptr() {
            drop(item);
            return Optimistic::Locked;
        }
        Optimistic::Got(item)
    }

    #[inline]
    fn get_locked(&self, i: usize) -> Option<ObjRef<P>> {
        let _cs = CriticalSection::enter(&self.lock);
        if i >= self.len.load(Ordering::Relaxed) {
            return None;
        }
        let arr = self.array(Ordering::Relaxed)?;
        // SAFETY: the lock is held and `i < len <= cap`; slot `i` owns a
        // reference that no other thread can drop while the lock is held.
        let item = unsafe {
            let p = Self::slot(arr, i).load(Ordering::Relaxed);
            ObjRef::clone_from_raw(NonNull::new(p)?)
        };
        if P::Rc::LOCK_FREE_READS {
            item.enable_try_incref();
        }
        Some(item)
    }

    /// Runs `f` on the items (borrowed) inside a critical section.
    pub(crate) fn read<R>(&self, f: impl FnOnce(&[ManuallyDrop<ObjRef<P>>]) -> R) -> R {
        let _cs = CriticalSection::enter(&self.lock);
        f(&self.borrowed())
    }

    /// The items as borrowed references (the lock is held).
    fn borrowed(&self) -> Vec<ManuallyDrop<ObjRef<P>>> {
        let len = self.len.load(Ordering::Relaxed);
        let Some(arr) = self.array(Ordering::Relaxed) else {
            return Vec::new();
        };
        (0..len)
            .map(|i| {
                // SAFETY: lock held, `i < len <= cap`.
                let p = unsafe { Self::slot(arr, i) }.load(Ordering::Relaxed);
                let p = NonNull::new(p).expect("slot below len");
                // SAFETY: the slot owns a reference to a live object of
                // this heap, borrowed here (never dropped: `ManuallyDrop`).
                ManuallyDrop::new(unsafe { ObjRef::from_raw(p) })
            })
            .collect()
    }

    /// Runs `f` on the items as an owned `Vec` inside a critical section,
    /// then writes the `Vec` back (growing or shrinking the array by
    /// CPython's rule). What `f` removes from the `Vec` is returned by it
    /// and must be dropped after the critical section ends.
    pub(crate) fn with<R>(&self, f: impl FnOnce(&mut Vec<ObjRef<P>>) -> R) -> R {
        let _cs = CriticalSection::enter(&self.lock);
        self.with_locked(f)
    }

    /// [`with`](Self::with) on two distinct lists, locked in address
    /// order; `None` when they are the same list.
    pub(crate) fn with2<R>(
        &self,
        other: &Self,
        f: impl FnOnce(&mut Vec<ObjRef<P>>, &[ManuallyDrop<ObjRef<P>>]) -> R,
    ) -> Option<R> {
        if core::ptr::eq(self, other) {
            return None;
        }
        let _cs = CriticalSection2::enter(&self.lock, &other.lock);
        let src = other.borrowed();
        Some(self.with_locked(|dst| f(dst, &src)))
    }

    fn with_locked<R>(&self, f: impl FnOnce(&mut Vec<ObjRef<P>>) -> R) -> R {
        struct WriteBack<'a, P: HeapPolicy> {
            items: &'a SharedItems<P>,
            vec: Vec<ObjRef<P>>,
        }
        impl<P: HeapPolicy> Drop for WriteBack<'_, P> {
            fn drop(&mut self) {
                self.items.write_back(core::mem::take(&mut self.vec));
            }
        }
        let mut wb = WriteBack {
            items: self,
            vec: self.take_owned(),
        };
        f(&mut wb.vec)
    }

    /// The slots' references as owned values (the slots still point to
    /// them until `write_back`; the lock is held).
    fn take_owned(&self) -> Vec<ObjRef<P>> {
        self.borrowed()
            .into_iter()
            .map(ManuallyDrop::into_inner)
            .collect()
    }

    /// Stores `items` as the whole contents (the lock is held and the
    /// slots' references were taken by `take_owned`).
    fn write_back(&self, items: Vec<ObjRef<P>>) {
        let old_len = self.len.load(Ordering::Relaxed);
        let new_len = items.len();
        let arr = self.array(Ordering::Relaxed);
        let cap = Self::cap(arr);
        // CPython's `list_resize`: keep the array while it is big enough
        // and at least half used (or a new one would be no smaller).
        let keep = new_len > 0
            && cap >= new_len
            && (new_len >= cap >> 1 || grown_capacity(old_len, new_len) >= cap);
        if keep {
            let a = arr.expect("cap > 0");
            self.fill(a, items);
            for i in new_len..old_len {
                // SAFETY: lock held, `i < old_len <= cap`.
                unsafe { Self::slot(a, i) }.store(null_mut(), Ordering::Release);
            }
            return;
        }
        if new_len == 0 {
            self.len.store(0, Ordering::Release);
            self.array.store(null_mut(), Ordering::Release);
        } else {
            let new = alloc_array(grown_capacity(old_len, new_len));
            self.fill(new, items);
            self.array.store(new.as_ptr(), Ordering::Release);
        }
        if let Some(old) = arr {
            self.retire(old);
        }
    }

    /// Hands an unlinked array to the strategy (its slots own nothing).
    fn retire(&self, old: NonNull<usize>) {
        // SAFETY: `old` is unlinked, from `alloc_array`, its references
        // moved; `free_array` frees it on any thread once no reader can
        // reach it (the strategy's `reclaim` decides when).
        unsafe { P::Rc::reclaim(Reclaim::new(old.cast(), free_array)) }
    }

    /// Appends an item.
    pub(crate) fn push(&self, item: ObjRef<P>) {
        let _cs = CriticalSection::enter(&self.lock);
        let len = self.len.load(Ordering::Relaxed);
        let mut arr = self.array(Ordering::Relaxed);
        if len >= Self::cap(arr) {
            let new = alloc_array(grown_capacity(len, len + 1));
            if let Some(old) = arr {
                for i in 0..len {
                    // SAFETY: lock held; `i < len <= cap` of both arrays.
                    unsafe {
                        let p = Self::slot(old, i).load(Ordering::Relaxed);
                        Self::slot(new, i).store(p, Ordering::Relaxed);
                    }
                }
            }
            self.array.store(new.as_ptr(), Ordering::Release);
            if let Some(old) = arr {
                self.retire(old);
            }
            arr = Some(new);
        }
        let a = arr.expect("grown");
        // SAFETY: lock held; `len < cap`.
        unsafe { Self::slot(a, len) }.store(item.into_raw().as_ptr(), Ordering::Release);
        self.len.store(len + 1, Ordering::Release);
    }

    /// Removes and returns the last item.
    pub(crate) fn pop(&self) -> Option<ObjRef<P>> {
        let _cs = CriticalSection::enter(&self.lock);
        let len = self.len.load(Ordering::Relaxed);
        if len == 0 {
            return None;
        }
        let a = self.array(Ordering::Relaxed).expect("len > 0");
        self.len.store(len - 1, Ordering::Release);
        // SAFETY: lock held; `len - 1 < cap`; the slot's reference moves
        // to the caller.
        let p = unsafe { Self::slot(a, len - 1) }.swap(null_mut(), Ordering::AcqRel);
        // SAFETY: the slot owned this reference.
        Some(unsafe { ObjRef::from_raw(NonNull::new(p).expect("slot below len")) })
    }

    /// Replaces item `i`, returning the old one; gives `item` back if `i`
    /// is out of range.
    pub(crate) fn set(&self, i: usize, item: ObjRef<P>) -> Result<ObjRef<P>, ObjRef<P>> {
        let _cs = CriticalSection::enter(&self.lock);
        if i >= self.len.load(Ordering::Relaxed) {
            return Err(item);
        }
        let a = self.array(Ordering::Relaxed).expect("len > 0");
        // SAFETY: lock held; `i < len <= cap`; ownership is exchanged.
        let old = unsafe { Self::slot(a, i) }.swap(item.into_raw().as_ptr(), Ordering::AcqRel);
        // SAFETY: the slot owned this reference.
        Ok(unsafe { ObjRef::from_raw(NonNull::new(old).expect("slot below len")) })
    }

    /// Removes every item, returning them (drop them after the critical
    /// section).
    pub(crate) fn take_all(&self) -> Vec<ObjRef<P>> {
        self.with(core::mem::take)
    }

    /// Visits the items in place, last first (lock held throughout).
    pub(crate) fn visit_rev(&self, visit: &mut dyn FnMut(&ObjRef<P>)) {
        self.read(|items| items.iter().rev().for_each(|o| visit(o)))
    }
}

impl<P: HeapPolicy> Drop for SharedItems<P> {
    fn drop(&mut self) {
        // Unique access: no reader holds the list (a reader holds a
        // reference to it), so the array is freed at once.
        let items = self.take_owned();
        if let Some(arr) = self.array(Ordering::Relaxed) {
            self.array.store(null_mut(), Ordering::Relaxed);
            self.len.store(0, Ordering::Relaxed);
            // SAFETY: unlinked, its references moved to `items`, and no
            // reader can reach it (see above).
            unsafe { free_array(arr.cast()) };
        }
        drop(items);
    }
}
