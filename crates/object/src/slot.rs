//! Small mutable cells for payloads defined outside this crate.
//!
//! The VM's own object types need a little mutable state: a closure cell's
//! value, a generator's suspended frame, an iterator's position. Under a GIL
//! heap a `Cell` would do; under a free-threaded heap the payload must be
//! thread-safe. These types put the state behind the heap's object lock,
//! like the built-in containers' [`Locked`] contents,
//! and expose only operations that cannot run user code inside the critical
//! section: moving values in and out, copying `Copy` values, and cloning
//! object references (an incref). Displaced values are dropped after the
//! section ends.
//!
//! Under the GIL heap the lock is `NoLock` and these cost what a `Cell`
//! costs.

use ftl_core::RawObjectLock;

use crate::locked::Locked;
use crate::{HeapPolicy, ObjRef};

/// A value of type `T` behind an object lock, moved in and out whole.
///
/// It is `Sync` only under a lock that excludes: under the GIL heap's
/// [`NoLock`](ftl_core::NoLock), which is not `Sync`, two threads could
/// otherwise `set` it at once through `&self` with no `unsafe` in sight.
/// So this does not compile:
///
/// ```compile_fail,E0277
/// use ftl_core::NoLock;
/// use ftl_object::Exclusive;
///
/// let counter: Exclusive<NoLock, u64> = Exclusive::new(0);
/// std::thread::scope(|s| {
///     for _ in 0..4 {
///         s.spawn(|| counter.set(counter.get() + 1)); // needs `Exclusive: Sync`
///     }
/// });
/// ```
///
/// while moving one to another thread (`Send`) is fine:
///
/// ```
/// use ftl_core::NoLock;
/// use ftl_object::Exclusive;
///
/// let counter: Exclusive<NoLock, u64> = Exclusive::new(41);
/// let n = std::thread::spawn(move || {
///     counter.set(counter.get() + 1);
///     counter.get()
/// })
/// .join()
/// .unwrap();
/// assert_eq!(n, 42);
/// ```
pub struct Exclusive<L: RawObjectLock, T> {
    inner: Locked<L, T>,
}

impl<L: RawObjectLock, T> Exclusive<L, T> {
    /// A new cell holding `value`.
    pub fn new(value: T) -> Self {
        Exclusive {
            inner: Locked::new(value),
        }
    }

    /// Puts `value` in and returns the old value (dropped by the caller,
    /// outside the critical section).
    pub fn replace(&self, value: T) -> T {
        self.inner.with(|slot| core::mem::replace(slot, value))
    }

    /// Sets the value; the old one is dropped after the critical section.
    pub fn set(&self, value: T) {
        drop(self.replace(value));
    }

    /// Takes the value out, leaving the default.
    pub fn take(&self) -> T
    where
        T: Default,
    {
        // `T::default` is the caller's code: tracked, as in `update`.
        self.inner.with_tracked(core::mem::take)
    }

    /// A copy of the value.
    pub fn get(&self) -> T
    where
        T: Copy,
    {
        self.inner.with(|slot| *slot)
    }

    /// Reads and changes the value in one critical section, so that no
    /// other thread's update comes between the read and the write (an
    /// iterator claiming its next position, a traceback gaining an entry).
    ///
    /// `f` runs with this object's lock held: it must not run Python code
    /// or block, and may lock only *other* objects, never one that can lock
    /// this one in turn (the iterators lock their iterator, then the
    /// container, and nothing locks in the other order). Locking this one
    /// again panics (`ftl_core::lock`); an object that `f` frees is
    /// finalized after the section. Move displaced values out and drop
    /// them after, all the same: deallocation is work best done unlocked.
    pub fn update<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        self.inner.with_tracked(f)
    }

    /// Unique access through a unique borrow (no locking needed).
    pub fn get_mut(&mut self) -> &mut T {
        self.inner.get_mut()
    }
}

impl<L: RawObjectLock, T: Default> Default for Exclusive<L, T> {
    fn default() -> Self {
        Exclusive::new(T::default())
    }
}

/// An optional object reference behind the heap's object lock: a closure
/// cell, a cached attribute, an exception's `__context__`.
pub struct ObjCell<P: HeapPolicy> {
    inner: Locked<P::Lock, Option<ObjRef<P>>>,
}

impl<P: HeapPolicy> ObjCell<P> {
    /// A cell holding `value`.
    pub fn new(value: Option<ObjRef<P>>) -> Self {
        ObjCell {
            inner: Locked::new(value),
        }
    }

    /// A new reference to the value, if set.
    #[inline]
    pub fn get(&self) -> Option<ObjRef<P>> {
        self.inner.with(|slot| slot.clone())
    }

    /// Whether a value is set.
    pub fn is_set(&self) -> bool {
        self.inner.with(|slot| slot.is_some())
    }

    /// Sets the value; the old one is dropped after the critical section.
    #[inline]
    pub fn set(&self, value: Option<ObjRef<P>>) {
        drop(self.replace(value));
    }

    /// Sets the value and returns the old one.
    pub fn replace(&self, value: Option<ObjRef<P>>) -> Option<ObjRef<P>> {
        self.inner.with(|slot| core::mem::replace(slot, value))
    }

    /// Takes the value out.
    pub fn take(&self) -> Option<ObjRef<P>> {
        self.replace(None)
    }

    /// The value if set; otherwise sets `value` and returns it. One
    /// critical section, so two threads that both find the cell empty
    /// agree on one value (a function's `__dict__` made on first use); the
    /// loser's `value` is dropped after the section.
    pub fn get_or_set(&self, value: ObjRef<P>) -> ObjRef<P> {
        let (current, unused) = self.inner.with(|slot| match slot {
            Some(v) => (v.clone(), Some(value)),
            None => {
                *slot = Some(value.clone());
                (value, None)
            }
        });
        drop(unused);
        current
    }

    /// Calls `visit` on the value, for a payload's `traverse`.
    pub fn traverse(&self, visit: &mut dyn FnMut(&ObjRef<P>)) {
        // Cloning out keeps `visit` (collector code) outside the section.
        if let Some(v) = self.get() {
            visit(&v)
        }
    }
}

impl<P: HeapPolicy> Default for ObjCell<P> {
    fn default() -> Self {
        ObjCell::new(None)
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use crate::GilHeap;

    #[test]
    fn obj_cell_moves_references() {
        let a = ObjRef::<GilHeap>::new_str("a-fresh-string");
        let cell = ObjCell::new(Some(a.clone()));
        assert_eq!(a.refcount(), 2);
        let got = cell.get().unwrap();
        assert!(got.is_same(&a));
        assert_eq!(a.refcount(), 3);
        drop(got);
        cell.set(None);
        assert_eq!(a.refcount(), 1);
        assert!(!cell.is_set());
        assert!(cell.take().is_none());
    }

    #[test]
    fn exclusive_replace_take_get() {
        let e: Exclusive<ftl_core::NoLock, Vec<u8>> = Exclusive::new(vec![1]);
        assert_eq!(e.replace(vec![2, 3]), vec![1]);
        assert_eq!(e.take(), vec![2, 3]);
        assert!(e.take().is_empty());
        let n: Exclusive<ftl_core::NoLock, usize> = Exclusive::new(7);
        n.set(8);
        assert_eq!(n.get(), 8);
    }
}
