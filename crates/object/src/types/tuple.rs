//! `tuple`: an immutable sequence of references. It is GC-tracked (a tuple
//! can be part of a cycle through a list it contains) and, like CPython's
//! tuple, has no `clear`: the collector breaks cycles through tuples by
//! clearing the mutable containers in them.

#![allow(unsafe_code)] // unsafe impl Payload

use crate::{HeapPolicy, Kind, ObjRef, Payload};

/// The payload of a `tuple`.
pub struct Tuple<P: HeapPolicy> {
    items: Box<[ObjRef<P>]>,
}

impl<P: HeapPolicy> Tuple<P> {
    pub(crate) fn from_vec(items: Vec<ObjRef<P>>) -> Self {
        Tuple {
            items: items.into_boxed_slice(),
        }
    }
    /// The items.
    pub fn items(&self) -> &[ObjRef<P>] {
        &self.items
    }
}

// SAFETY: an immutable slice of `ObjRef<P>`, which is Send and Sync exactly when `P` is a `SharedHeap`.
unsafe impl<P: HeapPolicy> Payload<P> for Tuple<P> {
    const NAME: &'static str = "tuple";
    const KIND: Kind = Kind::Tuple;
    const GC: bool = true;

    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef<P>)) {
        // Last item first, as CPython's `tupletraverse` (the order
        // `gc.get_referents` shows).
        self.items.iter().rev().for_each(visit)
    }
}

impl<P: HeapPolicy> ObjRef<P> {
    /// A `tuple` owning `items` (the cached empty tuple for `()`).
    pub fn new_tuple(items: Vec<ObjRef<P>>) -> Self {
        if items.is_empty() {
            P::statics().empty_tuple.clone()
        } else {
            ObjRef::new(Tuple::from_vec(items))
        }
    }

    /// The items of a `tuple`.
    #[inline]
    pub fn as_tuple(&self) -> Option<&[ObjRef<P>]> {
        self.downcast::<Tuple<P>>().map(Tuple::items)
    }
}
