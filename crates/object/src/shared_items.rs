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
use ftl_algorithms::hash::PyHash;

type Slot = AtomicPtr<()>;

/// A slot write by the lock holder, the only writer: a load and a store
/// (no atomic exchange, which costs a locked instruction), readers see
/// either value.
trait ReplaceLocked {
    fn replace_locked(&self, new: *mut ()) -> *mut ();
}

impl ReplaceLocked for Slot {
    #[inline(always)]
    fn replace_locked(&self, new: *mut ()) -> *mut () {
        let old = self.load(Ordering::Relaxed);
        self.store(new, Ordering::Release);
        old
    }
}

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
        // SAFETY: as above: read online.
        match unsafe { count_slot(slot, || true) } {
            Some(item) => Optimistic::Got(item),
            None => Optimistic::Locked,
        }
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
        after_locked_read(&item);
        Some(item)
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
        let p = unsafe { Self::slot(a, len - 1) }.replace_locked(null_mut());
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
        let old = unsafe { Self::slot(a, i) }.replace_locked(item.into_raw().as_ptr());
        // SAFETY: the slot owned this reference.
        Ok(unsafe { ObjRef::from_raw(NonNull::new(old).expect("slot below len")) })
    }

    /// Inserts before position `i` (clamped to the length), shifting the
    /// tail up one slot in place.
    pub(crate) fn insert(&self, i: usize, item: ObjRef<P>) {
        let _cs = CriticalSection::enter(&self.lock);
        let len = self.len.load(Ordering::Relaxed);
        if len >= Self::cap(self.array(Ordering::Relaxed)) {
            // Grow through the general path (the lock is held).
            return self.with_locked(|v| {
                let i = i.min(v.len());
                v.insert(i, item)
            });
        }
        let i = i.min(len);
        let a = self.array(Ordering::Relaxed).expect("cap > len");
        for j in (i..len).rev() {
            // SAFETY: lock held; `j + 1 <= len < cap`.
            unsafe {
                let p = Self::slot(a, j).load(Ordering::Relaxed);
                Self::slot(a, j + 1).store(p, Ordering::Release);
            }
        }
        // SAFETY: lock held; `i <= len < cap`.
        unsafe { Self::slot(a, i) }.store(item.into_raw().as_ptr(), Ordering::Release);
        self.len.store(len + 1, Ordering::Release);
    }

    /// Removes item `i`, shifting the tail down one slot in place (the
    /// array is not shrunk here; the next general write may).
    pub(crate) fn remove_at(&self, i: usize) -> Option<ObjRef<P>> {
        let _cs = CriticalSection::enter(&self.lock);
        let len = self.len.load(Ordering::Relaxed);
        if i >= len {
            return None;
        }
        let a = self.array(Ordering::Relaxed).expect("len > 0");
        // SAFETY: lock held; `i < len <= cap`; the slot's reference moves
        // to the caller.
        let removed = unsafe { Self::slot(a, i) }.load(Ordering::Relaxed);
        for j in i + 1..len {
            // SAFETY: lock held; `j < len <= cap`.
            unsafe {
                let p = Self::slot(a, j).load(Ordering::Relaxed);
                Self::slot(a, j - 1).store(p, Ordering::Release);
            }
        }
        self.len.store(len - 1, Ordering::Release);
        // SAFETY: lock held; `len - 1 < cap`.
        unsafe { Self::slot(a, len - 1) }.store(null_mut(), Ordering::Release);
        // SAFETY: the slot owned this reference.
        Some(unsafe { ObjRef::from_raw(NonNull::new(removed).expect("slot below len")) })
    }

    /// `l[start:end] = items` in place when the clamped range has as many
    /// items as `items` (`p[:k] = p[k-1::-1]`): returns the old ones, or
    /// gives `items` back when the lengths differ.
    pub(crate) fn try_overwrite_range(
        &self,
        start: usize,
        end: usize,
        items: Vec<ObjRef<P>>,
    ) -> Result<Vec<ObjRef<P>>, Vec<ObjRef<P>>> {
        let _cs = CriticalSection::enter(&self.lock);
        let len = self.len.load(Ordering::Relaxed);
        let start = start.min(len);
        let end = end.clamp(start, len);
        if end - start != items.len() || items.is_empty() {
            return Err(items);
        }
        let a = self.array(Ordering::Relaxed).expect("len > 0");
        Ok(items
            .into_iter()
            .enumerate()
            .map(|(j, item)| {
                // SAFETY: lock held; `start + j < end <= len <= cap`;
                // ownership is exchanged.
                let old =
                    unsafe { Self::slot(a, start + j) }.replace_locked(item.into_raw().as_ptr());
                // SAFETY: the slot owned this reference.
                unsafe { ObjRef::from_raw(NonNull::new(old).expect("slot below len")) }
            })
            .collect())
    }

    /// Reverses the items in place.
    pub(crate) fn reverse(&self) {
        let _cs = CriticalSection::enter(&self.lock);
        let len = self.len.load(Ordering::Relaxed);
        let Some(a) = self.array(Ordering::Relaxed) else {
            return;
        };
        for j in 0..len / 2 {
            // SAFETY: lock held; both indices below `len <= cap`.
            unsafe {
                let (x, y) = (Self::slot(a, j), Self::slot(a, len - 1 - j));
                let px = x.load(Ordering::Relaxed);
                let py = y.load(Ordering::Relaxed);
                x.store(py, Ordering::Release);
                y.store(px, Ordering::Release);
            }
        }
    }

    /// New references to items `start..end` (clamped), under the lock.
    pub(crate) fn get_range(&self, start: usize, end: usize) -> Vec<ObjRef<P>> {
        let _cs = CriticalSection::enter(&self.lock);
        let len = self.len.load(Ordering::Relaxed);
        let start = start.min(len);
        let end = end.clamp(start, len);
        let Some(a) = self.array(Ordering::Relaxed) else {
            return Vec::new();
        };
        (start..end)
            .map(|i| {
                // SAFETY: lock held; `i < len <= cap`; the slot owns a
                // reference that cannot be dropped while the lock is held.
                unsafe {
                    let p = Self::slot(a, i).load(Ordering::Relaxed);
                    ObjRef::clone_from_raw(NonNull::new(p).expect("slot below len"))
                }
            })
            .collect()
    }

    /// Removes every item, returning them (drop them after the critical
    /// section).
    pub(crate) fn take_all(&self) -> Vec<ObjRef<P>> {
        self.with(core::mem::take)
    }

    /// Visits the items in place, last first (lock held throughout).
    pub(crate) fn visit_rev(&self, visit: &mut dyn FnMut(&ObjRef<P>)) {
        let _cs = CriticalSection::enter(&self.lock);
        self.borrowed().iter().rev().for_each(|o| visit(o))
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

/// After a locked read, on a heap that reads without locks: lets other
/// threads raise the item's count from now on, so that the next read of
/// it from another thread succeeds without the lock (a biased count can
/// only be raised from another thread once `MAYBE_WEAKREF` is set).
#[inline]
pub(crate) fn after_locked_read<P: HeapPolicy>(item: &ObjRef<P>) {
    if P::Rc::LOCK_FREE_READS {
        item.enable_try_incref();
    }
}

/// What a lock-free read of one slot pair found.
enum SlotRead<T> {
    Got(T),
    Miss,
    Locked,
}

/// PEP 703's optimistic read of one slot (3.13t's `_Py_TryIncrefCompare`):
/// a reference to the object it holds, taken with `try_incref`, if the
/// slot still holds it afterwards and `still` (the caller's other
/// re-check) says yes; `None` when the caller must read under the lock.
///
/// # Safety
/// The array holding the slot is live for this read (the caller read it
/// online, and the strategy reclaims replaced arrays and dead objects'
/// memory only after a quiescent point of this thread).
#[inline]
unsafe fn count_slot<P: HeapPolicy>(
    slot: &Slot,
    still: impl FnOnce() -> bool,
) -> Option<ObjRef<P>> {
    let p = NonNull::new(slot.load(Ordering::Acquire))?;
    // SAFETY: `p` was in the slot when loaded; its memory outlives this
    // read (caller) and `try_incref` refuses a dead object.
    let item = unsafe { ObjRef::try_clone_from_raw(p) }?;
    if slot.load(Ordering::Acquire) != p.as_ptr() || !still() {
        drop(item);
        return None;
    }
    Some(item)
}

/// Reads slot `value` optimistically after checking that slot `key`
/// holds `expect` (and re-checking it after).
///
/// # Safety
/// As for [`count_slot`].
#[inline]
unsafe fn read_counted<P: HeapPolicy>(
    key: &Slot,
    value: &Slot,
    expect: *mut (),
) -> SlotRead<ObjRef<P>> {
    if key.load(Ordering::Acquire) != expect {
        return SlotRead::Miss;
    }
    // SAFETY: forwarded.
    match unsafe { count_slot(value, || key.load(Ordering::Acquire) == expect) } {
        Some(item) => SlotRead::Got(item),
        None => SlotRead::Locked,
    }
}

/// A dict's entries as raw (key, value) pointer pairs by entry position,
/// with an open-addressing index by hash (CPython's `dk_indices` and
/// probe sequence), kept in step with the table by every one of its
/// writes inside the dict's critical section. A reader finds a key *by
/// identity* without the lock: by position, when it knows where the key
/// was (the VM's `LOAD_GLOBAL` hint, as CPython's `LOAD_GLOBAL_MODULE`
/// cache), or by probing the index with the key's hash, PEP 703's
/// lock-free dict lookup for the dicts every thread reads (namespaces,
/// registries). Anything else (a key equal but not identical, a miss, a
/// writer in the way) reads under the lock.
///
/// The pairs own nothing (the table's entries own the references); a
/// pair is written value first, key last, and cleared key first. An index
/// slot holds a position plus one (zero: empty); a removed entry's slot
/// stays (its pair is cleared, so probes pass over it) until the next
/// rebuild. The array: word 0 is the slot count, slot 0 the entry
/// capacity `E`, slot 1 the index mask, then `2E` pair slots, then the
/// index; it is replaced (the old one reclaimed by the strategy) when the
/// entries outgrow it, the index fills, or the table compacts. On heaps
/// without [`RefCount::LOCK_FREE_READS`] every method returns at once and
/// the mirror stays empty.
///
/// [`RefCount::LOCK_FREE_READS`]: ftl_core::RefCount::LOCK_FREE_READS
pub(crate) struct EntryMirror<P: HeapPolicy> {
    /// Whether the mirror is kept at all: set (under the dict's lock) the
    /// first time a thread other than the dict's owner reads it, as
    /// CPython 3.13t marks a dict shared in `ensure_shared_on_read`; a
    /// dict only its own thread reads (an instance's) never pays for one.
    active: core::sync::atomic::AtomicBool,
    /// Null until the first entry is published (and when emptied).
    array: AtomicPtr<usize>,
    /// Index slots used since the array was built (written under the
    /// dict's lock only).
    used: AtomicUsize,
    _refs: PhantomData<ObjRef<P>>,
}

/// CPython's probe sequence over an index of `mask + 1` slots
/// (`dictobject.c`: `i = (i*5 + perturb + 1) & mask`, `perturb >>= 5`),
/// endless: callers stop at an empty slot or after `mask + 1` steps.
fn probe(hash: PyHash, mask: usize) -> impl Iterator<Item = usize> {
    let mut perturb = hash as u64;
    let mut j = (hash as u64 as usize) & mask;
    core::iter::from_fn(move || {
        let here = j;
        perturb >>= 5;
        j = (j
            .wrapping_mul(5)
            .wrapping_add(perturb as usize)
            .wrapping_add(1))
            & mask;
        Some(here)
    })
}

/// An integer in a pointer slot.
#[inline(always)]
fn int_slot(slot: &Slot) -> usize {
    slot.load(Ordering::Acquire).addr()
}

#[inline(always)]
fn store_int(slot: &Slot, n: usize, order: Ordering) {
    slot.store(core::ptr::without_provenance_mut(n), order)
}

impl<P: HeapPolicy> EntryMirror<P> {
    /// An empty mirror.
    pub(crate) fn new() -> Self {
        EntryMirror {
            active: core::sync::atomic::AtomicBool::new(false),
            array: AtomicPtr::new(null_mut()),
            used: AtomicUsize::new(0),
            _refs: PhantomData,
        }
    }

    #[inline(always)]
    fn live(&self) -> Option<NonNull<usize>> {
        NonNull::new(self.array.load(Ordering::Acquire))
    }

    /// Slot `i` of a live mirror array.
    ///
    /// # Safety
    /// `arr` is live and `i` below its slot count.
    #[inline(always)]
    unsafe fn at<'a>(arr: NonNull<usize>, i: usize) -> &'a Slot {
        // SAFETY: forwarded.
        unsafe { SharedItems::<P>::slot(arr, i) }
    }

    /// Entry capacity and index mask of a live array.
    #[inline(always)]
    fn shape(arr: NonNull<usize>) -> (usize, usize) {
        // SAFETY: every mirror array has its two shape slots, written
        // before publication and never after.
        unsafe { (int_slot(Self::at(arr, 0)), int_slot(Self::at(arr, 1))) }
    }

    /// The slot pair of entry `i`.
    ///
    /// # Safety
    /// `arr` is live and `i < E`.
    #[inline(always)]
    unsafe fn pair<'a>(arr: NonNull<usize>, i: usize) -> (&'a Slot, &'a Slot) {
        // SAFETY: forwarded; `2 + 2i + 1 < 2 + 2E`.
        unsafe { (Self::at(arr, 2 + 2 * i), Self::at(arr, 3 + 2 * i)) }
    }

    /// Index slot `j` (`j <= mask`).
    ///
    /// # Safety
    /// `arr` is live and `j <= mask`.
    #[inline(always)]
    unsafe fn index<'a>(arr: NonNull<usize>, entries: usize, j: usize) -> &'a Slot {
        // SAFETY: forwarded; the index follows the pairs.
        unsafe { Self::at(arr, 2 + 2 * entries + j) }
    }

    /// Whether the calling thread may read without the lock now.
    #[inline(always)]
    fn online(&self) -> bool {
        P::Rc::LOCK_FREE_READS
            && self.active.load(Ordering::Acquire)
            && P::Rc::lock_free_read_begin()
    }

    /// Whether the mirror is kept (writers hold the lock when they ask).
    #[inline(always)]
    pub(crate) fn is_active(&self) -> bool {
        P::Rc::LOCK_FREE_READS && self.active.load(Ordering::Relaxed)
    }

    /// Starts keeping the mirror (the dict's lock is held): the caller
    /// then publishes every entry ([`rebuild`](Self::rebuild)).
    pub(crate) fn activate(&self) {
        if P::Rc::LOCK_FREE_READS {
            self.active.store(true, Ordering::Release);
        }
    }

    /// The value of the entry at `pos` if its key is `key` itself, read
    /// without the lock. `Err(())` when the caller must read under the
    /// lock (the strategy does not read lock-free, the thread is offline,
    /// or a writer got in the way); `Ok(None)` when the entry there holds
    /// another key.
    #[inline]
    pub(crate) fn get_at(&self, pos: usize, key: &ObjRef<P>) -> Result<Option<ObjRef<P>>, ()> {
        if !self.online() {
            return Err(());
        }
        let Some(a) = self.live() else { return Err(()) };
        if pos >= Self::shape(a).0 {
            return Err(());
        }
        // SAFETY: read online: the array and the objects it points to are
        // reclaimed only after this thread's next quiescent point.
        let (k, v) = unsafe { Self::pair(a, pos) };
        // SAFETY: as above.
        match unsafe { read_counted::<P>(k, v, key.as_raw().as_ptr()) } {
            SlotRead::Got(value) => Ok(Some(value)),
            SlotRead::Miss => Ok(None),
            SlotRead::Locked => Err(()),
        }
    }

    /// The value stored under `key` itself (identity), found by probing
    /// the index with `hash`, without the lock; `None` when the caller
    /// must look it up under the lock (not found by identity, or as for
    /// [`get_at`](Self::get_at)).
    #[inline]
    pub(crate) fn get_identical(&self, hash: PyHash, key: &ObjRef<P>) -> Option<ObjRef<P>> {
        if !self.online() {
            return None;
        }
        let a = self.live()?;
        let (entries, mask) = Self::shape(a);
        let want = key.as_raw().as_ptr();
        for j in probe(hash, mask).take(mask + 1) {
            // SAFETY: read online (as in `get_at`); `j <= mask`.
            let ix = int_slot(unsafe { Self::index(a, entries, j) });
            if ix == 0 {
                return None;
            }
            let pos = ix - 1;
            if pos < entries {
                // SAFETY: as above; `pos < E`.
                let (k, v) = unsafe { Self::pair(a, pos) };
                // SAFETY: as above.
                match unsafe { read_counted::<P>(k, v, want) } {
                    SlotRead::Got(value) => return Some(value),
                    SlotRead::Miss => {}
                    SlotRead::Locked => return None,
                }
            }
        }
        None
    }

    /// Whether entry `i` can be published into the current array (else
    /// the table republishes everything: [`rebuild`](Self::rebuild)).
    pub(crate) fn has_room_for(&self, i: usize) -> bool {
        if !self.is_active() {
            return true;
        }
        let Some(a) = self.live() else { return false };
        let (entries, mask) = Self::shape(a);
        i < entries && (self.used.load(Ordering::Relaxed) + 1) * 3 <= (mask + 1) * 2
    }

    /// Publishes entry `i` (the lock is held and [`has_room_for`]
    /// said yes).
    ///
    /// [`has_room_for`]: Self::has_room_for
    pub(crate) fn publish(&self, i: usize, hash: PyHash, key: &ObjRef<P>, value: &ObjRef<P>) {
        if !self.is_active() {
            return;
        }
        let a = self.live().expect("has_room_for");
        Self::write_entry(a, i, hash, key, value, Ordering::Release);
        self.used.fetch_add(1, Ordering::Relaxed);
    }

    /// Writes entry `i`'s pair, then its index slot.
    fn write_entry(
        a: NonNull<usize>,
        i: usize,
        hash: PyHash,
        key: &ObjRef<P>,
        value: &ObjRef<P>,
        order: Ordering,
    ) {
        let (entries, mask) = Self::shape(a);
        assert!(i < entries, "entry outside the mirror");
        // SAFETY: the lock is held or the array is unpublished; `i < E`.
        let (k, v) = unsafe { Self::pair(a, i) };
        v.store(value.as_raw().as_ptr(), order);
        k.store(key.as_raw().as_ptr(), order);
        // The index is never more than two-thirds full (`has_room_for`,
        // `rebuild`), so the probe finds an empty slot.
        for j in probe(hash, mask) {
            // SAFETY: as above; `j <= mask`.
            let slot = unsafe { Self::index(a, entries, j) };
            if int_slot(slot) == 0 {
                store_int(slot, i + 1, order);
                return;
            }
        }
    }

    /// Entry `i`'s value was replaced (the lock is held).
    pub(crate) fn set_value(&self, i: usize, value: &ObjRef<P>) {
        if !self.is_active() {
            return;
        }
        if let Some(a) = self.live() {
            if i < Self::shape(a).0 {
                // SAFETY: lock held; `i < E`.
                let (_, v) = unsafe { Self::pair(a, i) };
                v.store(value.as_raw().as_ptr(), Ordering::Release);
            }
        }
    }

    /// Entry `i` was removed (the lock is held).
    pub(crate) fn clear(&self, i: usize) {
        if !self.is_active() {
            return;
        }
        if let Some(a) = self.live() {
            if i < Self::shape(a).0 {
                // SAFETY: lock held; `i < E`.
                let (k, v) = unsafe { Self::pair(a, i) };
                k.store(null_mut(), Ordering::Release);
                v.store(null_mut(), Ordering::Release);
            }
        }
    }

    /// Republishes every entry into a new array with room for `capacity`
    /// entries (the lock is held, or the dict is not shared yet):
    /// `entries` yields each position's (hash, key, value), or `None` for
    /// a hole. An empty table drops the array.
    pub(crate) fn rebuild<'e>(
        &self,
        capacity: usize,
        entries: impl ExactSizeIterator<Item = Option<(PyHash, &'e ObjRef<P>, &'e ObjRef<P>)>>,
    ) where
        P: 'e,
    {
        if !self.is_active() {
            return;
        }
        let len = entries.len();
        let mut used = 0;
        let new = (len > 0).then(|| {
            let e = capacity.max(len).max(8);
            let index = (e * 3 / 2 + 1).next_power_of_two();
            let new = alloc_array(2 + 2 * e + index);
            // SAFETY: the array has its two shape slots; unpublished.
            unsafe {
                store_int(Self::at(new, 0), e, Ordering::Relaxed);
                store_int(Self::at(new, 1), index - 1, Ordering::Relaxed);
            }
            for (i, entry) in entries.enumerate() {
                if let Some((hash, key, value)) = entry {
                    Self::write_entry(new, i, hash, key, value, Ordering::Relaxed);
                    used += 1;
                }
            }
            new
        });
        self.used.store(used, Ordering::Relaxed);
        let old = self
            .array
            .swap(new.map_or(null_mut(), NonNull::as_ptr), Ordering::AcqRel);
        if let Some(old) = NonNull::new(old) {
            self.retire(old);
        }
    }

    fn retire(&self, old: NonNull<usize>) {
        // SAFETY: unlinked; its slots own nothing; the strategy frees it
        // once no reader can reach it.
        unsafe { P::Rc::reclaim(Reclaim::new(old.cast(), free_array)) }
    }
}

impl<P: HeapPolicy> Drop for EntryMirror<P> {
    fn drop(&mut self) {
        if let Some(arr) = NonNull::new(self.array.load(Ordering::Relaxed)) {
            // SAFETY: the dict is being dropped: no reader holds it (a
            // reader holds a reference to the dict), and the slots own
            // nothing.
            unsafe { free_array(arr.cast()) };
        }
    }
}
