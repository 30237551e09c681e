//! `list`: a mutable sequence whose items are written only inside a
//! critical section of the heap's object lock and read, where the heap's
//! strategy allows it, without one (see [`crate::shared_items`]: PEP 703's
//! optimistic reads of list items, and CPython 3.13t's item array).
//!
//! Every method that displaces references (overwriting, popping, clearing)
//! moves them out of the critical section and drops them after it ends, so
//! a finalizer that runs on that drop never finds the list locked.
//! Indices are `usize` positions; Python's negative-index rules and error
//! messages belong to the interpreter.

#![allow(unsafe_code)] // unsafe impl Payload

use crate::shared_items::SharedItems;
use crate::{HeapPolicy, Kind, ObjRef, Payload};

/// The payload of a `list`.
pub struct List<P: HeapPolicy> {
    items: SharedItems<P>,
}

impl<P: HeapPolicy> List<P> {
    /// A list owning `items`.
    pub fn new(items: Vec<ObjRef<P>>) -> Self {
        List {
            items: SharedItems::new(items),
        }
    }

    /// Number of items (never locks).
    #[inline]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A new reference to item `i` (without the lock where the heap
    /// allows it).
    #[inline]
    pub fn get(&self, i: usize) -> Option<ObjRef<P>> {
        self.items.get(i)
    }

    /// Replaces item `i`; gives `value` back if `i` is out of range.
    pub fn set(&self, i: usize, value: ObjRef<P>) -> Result<(), ObjRef<P>> {
        let old = self.items.set(i, value)?;
        drop(old); // outside the critical section
        Ok(())
    }

    /// Appends an item.
    #[inline]
    pub fn push(&self, value: ObjRef<P>) {
        self.items.push(value)
    }

    /// Removes and returns the last item.
    pub fn pop(&self) -> Option<ObjRef<P>> {
        self.items.pop()
    }

    /// Inserts before position `i`, clamped to the length (as `list.insert`
    /// does after normalising a negative index).
    pub fn insert(&self, i: usize, value: ObjRef<P>) {
        self.items.insert(i, value)
    }

    /// Removes and returns item `i`.
    pub fn remove_at(&self, i: usize) -> Option<ObjRef<P>> {
        self.items.remove_at(i)
    }

    /// Removes every item.
    pub fn clear(&self) {
        let old = self.items.take_all();
        drop(old); // outside the critical section
    }

    /// New references to all items, in order (a consistent snapshot).
    pub fn snapshot(&self) -> Vec<ObjRef<P>> {
        self.items.get_range(0, usize::MAX)
    }

    /// Appends every item of `items`.
    pub fn extend(&self, items: impl IntoIterator<Item = ObjRef<P>>) {
        let items: Vec<_> = items.into_iter().collect();
        self.items.with(|v| v.extend(items))
    }

    /// Appends the items of `other` (`self.extend(other)`), locking both
    /// lists at once so the copy is consistent; `l.extend(l)` doubles `l`.
    pub fn extend_from_list(&self, other: &List<P>) {
        let done = self.items.with2(&other.items, |dst, src| {
            dst.extend(src.iter().map(|o| ObjRef::clone(o)))
        });
        if done.is_none() {
            self.items.with(|v| v.extend_from_within(..));
        }
    }

    /// Replaces all items with `items` and returns the old ones (the VM
    /// sorts a snapshot outside the critical section, then writes it back).
    pub fn replace_all(&self, items: Vec<ObjRef<P>>) -> Vec<ObjRef<P>> {
        self.items.with(|v| core::mem::replace(v, items))
    }

    /// `l[start:end] = items` for a plain slice: the bounds are clamped to
    /// the length (and `end` to at least `start`), as CPython clamps
    /// normalised slice bounds. Returns the removed items.
    pub fn splice(&self, start: usize, end: usize, items: Vec<ObjRef<P>>) -> Vec<ObjRef<P>> {
        // Same length (`p[:k] = p[k-1::-1]`): in place.
        let items = match self.items.try_overwrite_range(start, end, items) {
            Ok(old) => return old,
            Err(items) => items,
        };
        self.items.with(|v| {
            let start = start.min(v.len());
            let end = end.clamp(start, v.len());
            v.splice(start..end, items).collect()
        })
    }

    /// `l.reverse()`.
    pub fn reverse(&self) {
        self.items.reverse()
    }

    /// New references to `l[start:end]`, the bounds clamped as in
    /// [`splice`](Self::splice).
    pub fn get_range(&self, start: usize, end: usize) -> Vec<ObjRef<P>> {
        self.items.get_range(start, end)
    }
}

// SAFETY: the items are written behind the heap's object lock and read
// without it only as `SharedItems` allows.
unsafe impl<P: HeapPolicy> Payload<P> for List<P> {
    const NAME: &'static str = "list";
    const KIND: Kind = Kind::List;
    const GC: bool = true;

    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef<P>)) {
        // Visit outside the critical section (`visit` is any code, and may
        // use this very list): the items as of now, held by the snapshot,
        // last first as CPython's `list_traverse` (the order
        // `gc.get_referents` shows).
        self.snapshot().iter().rev().for_each(visit)
    }

    unsafe fn traverse_in_place(&self, visit: &mut dyn FnMut(&ObjRef<P>)) {
        // The caller's visitor does not reach this list (the contract).
        self.items.visit_rev(visit)
    }

    fn clear(&self) {
        List::clear(self)
    }
}

impl<P: HeapPolicy> ObjRef<P> {
    /// A `list` owning `items`.
    pub fn new_list(items: Vec<ObjRef<P>>) -> Self {
        ObjRef::new(List::new(items))
    }

    /// A `list` owning `items` (the same as [`new_list`](Self::new_list),
    /// named like [`from_dict`](Self::from_dict) and
    /// [`from_set`](Self::from_set)).
    pub fn from_list_vec(items: Vec<ObjRef<P>>) -> Self {
        Self::new_list(items)
    }

    /// The payload of a `list`.
    #[inline]
    pub fn as_list(&self) -> Option<&List<P>> {
        self.downcast::<List<P>>()
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use crate::{Accounting, GilHeap};
    use proptest::prelude::*;

    type R = ObjRef<GilHeap>;

    fn list_of(vs: &[i64]) -> List<GilHeap> {
        List::new(vs.iter().map(|&v| R::from_i64(v)).collect())
    }
    fn ints(objs: &[R]) -> Vec<i64> {
        objs.iter()
            .map(|o| o.as_int().and_then(|v| v.as_i64()).expect("an i64 int"))
            .collect()
    }

    #[test]
    fn splice_get_range_reverse_replace_all() {
        let acct = Accounting::new();
        let _scope = acct.enter();
        // CPython: l = [0, 1, 2, 3, 4]; l[1:3] = [9, 9, 9]; l == [0, 9, 9, 9, 3, 4]
        let l = list_of(&[0, 1, 2, 3, 4]);
        let removed = l.splice(1, 3, vec![R::from_i64(9); 3]);
        assert_eq!(ints(&removed), vec![1, 2]);
        assert_eq!(ints(&l.snapshot()), vec![0, 9, 9, 9, 3, 4]);
        // l[10:20] = [5] appends; l[4:2] = [] removes nothing (clamped).
        assert!(l.splice(10, 20, vec![R::from_i64(5)]).is_empty());
        assert!(l.splice(4, 2, vec![]).is_empty());
        assert_eq!(ints(&l.snapshot()), vec![0, 9, 9, 9, 3, 4, 5]);
        assert_eq!(ints(&l.get_range(2, 5)), vec![9, 9, 3]);
        assert!(l.get_range(5, 2).is_empty());
        assert_eq!(ints(&l.get_range(5, 100)), vec![4, 5]);
        l.reverse();
        assert_eq!(ints(&l.snapshot()), vec![5, 4, 3, 9, 9, 9, 0]);
        let old = l.replace_all(vec![R::new_str("x")]);
        assert_eq!(old.len(), 7);
        assert_eq!(l.len(), 1);
        let obj = R::from_list_vec(vec![R::new_str("y")]);
        assert_eq!(obj.as_list().map(List::len), Some(1));
        drop((l, old, removed, obj));
        assert_eq!(acct.live(), 0);
    }

    proptest! {
        #![proptest_config(crate::test_support::proptest_config())]

        /// `splice`, `get_range` and `reverse` agree with the same
        /// operations on a `Vec` with clamped bounds.
        #[test]
        fn agrees_with_a_vec(start in 0usize..12, end in 0usize..12,
                             init in prop::collection::vec(0i64..100, 0..10),
                             new in prop::collection::vec(0i64..100, 0..5)) {
            let l = list_of(&init);
            let (s, e) = (start.min(init.len()), end.clamp(start.min(init.len()), init.len()));
            prop_assert_eq!(ints(&l.get_range(start, end)), init[s..e].to_vec());
            let mut model = init.clone();
            let removed: Vec<i64> = model.splice(s..e, new.iter().copied()).collect();
            let got = l.splice(start, end, new.iter().map(|&v| R::from_i64(v)).collect());
            prop_assert_eq!(ints(&got), removed);
            prop_assert_eq!(ints(&l.snapshot()), model.clone());
            l.reverse();
            model.reverse();
            prop_assert_eq!(ints(&l.snapshot()), model);
        }
    }
}
