//! `list`: a mutable sequence whose items are reached only inside a critical
//! section of the heap's object lock (see [`crate::locked`]).
//!
//! Every method that displaces references (overwriting, popping, clearing)
//! moves them out of the critical section and drops them after it ends, so
//! a finalizer that runs on that drop never finds the list locked.
//! Indices are `usize` positions; Python's negative-index rules and error
//! messages belong to the interpreter.

use crate::locked::Locked;
use crate::{HeapPolicy, Kind, ObjRef, Payload};

/// The payload of a `list`.
pub struct List<P: HeapPolicy> {
    items: Locked<P::Lock, Vec<ObjRef<P>>>,
}

impl<P: HeapPolicy> List<P> {
    /// A list owning `items`.
    pub fn new(items: Vec<ObjRef<P>>) -> Self {
        List {
            items: Locked::new(items),
        }
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.items.with(|v| v.len())
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A new reference to item `i`.
    pub fn get(&self, i: usize) -> Option<ObjRef<P>> {
        self.items.with(|v| v.get(i).cloned())
    }

    /// Replaces item `i`; gives `value` back if `i` is out of range.
    pub fn set(&self, i: usize, value: ObjRef<P>) -> Result<(), ObjRef<P>> {
        let old = self.items.with(|v| match v.get_mut(i) {
            Some(slot) => Ok(core::mem::replace(slot, value)),
            None => Err(value),
        })?;
        drop(old); // outside the critical section
        Ok(())
    }

    /// Appends an item.
    pub fn push(&self, value: ObjRef<P>) {
        self.items.with(|v| v.push(value))
    }

    /// Removes and returns the last item.
    pub fn pop(&self) -> Option<ObjRef<P>> {
        self.items.with(|v| v.pop())
    }

    /// Inserts before position `i`, clamped to the length (as `list.insert`
    /// does after normalising a negative index).
    pub fn insert(&self, i: usize, value: ObjRef<P>) {
        self.items.with(|v| {
            let i = i.min(v.len());
            v.insert(i, value)
        })
    }

    /// Removes and returns item `i`.
    pub fn remove_at(&self, i: usize) -> Option<ObjRef<P>> {
        self.items
            .with(|v| if i < v.len() { Some(v.remove(i)) } else { None })
    }

    /// Removes every item.
    pub fn clear(&self) {
        let old = self.items.with(core::mem::take);
        drop(old); // outside the critical section
    }

    /// New references to all items, in order (a consistent snapshot).
    pub fn snapshot(&self) -> Vec<ObjRef<P>> {
        self.items.with(|v| v.clone())
    }

    /// Appends every item of `items`.
    pub fn extend(&self, items: impl IntoIterator<Item = ObjRef<P>>) {
        let items: Vec<_> = items.into_iter().collect();
        self.items.with(|v| v.extend(items))
    }

    /// Appends the items of `other` (`self.extend(other)`), locking both
    /// lists at once so the copy is consistent; `l.extend(l)` doubles `l`.
    pub fn extend_from_list(&self, other: &List<P>) {
        let done = self
            .items
            .with2(&other.items, |dst, src| dst.extend(src.iter().cloned()));
        if done.is_none() {
            self.items.with(|v| v.extend_from_within(..));
        }
    }
}

// SAFETY: the items are behind the heap's object lock (`Locked`).
unsafe impl<P: HeapPolicy> Payload<P> for List<P> {
    const NAME: &'static str = "list";
    const KIND: Kind = Kind::List;
    const GC: bool = true;

    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef<P>)) {
        self.items.with(|v| v.iter().for_each(visit))
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

    /// The payload of a `list`.
    #[inline]
    pub fn as_list(&self) -> Option<&List<P>> {
        self.downcast::<List<P>>()
    }
}
