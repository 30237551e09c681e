//! `bytearray`: a mutable sequence of bytes, kept inside a critical
//! section of the heap's object lock like `list`'s items.
//!
//! Every read takes the section (there is no lock-free path: the bytes are
//! not references, so a reader gains nothing from PEP 703's optimistic
//! reads); readers get copies or single bytes, never a borrow that could
//! outlive the section. Indices are `usize` positions; Python's negative
//! indices, slices and messages belong to the interpreter.

#![allow(unsafe_code)] // unsafe impl Payload

use crate::locked::Locked;
use crate::{HeapPolicy, Kind, ObjRef, Payload};

/// The payload of a `bytearray`.
pub struct ByteArray<P: HeapPolicy> {
    data: Locked<P::Lock, Vec<u8>>,
}

impl<P: HeapPolicy> ByteArray<P> {
    /// A bytearray owning `data`.
    pub fn new(data: Vec<u8>) -> Self {
        ByteArray {
            data: Locked::new(data),
        }
    }

    /// Number of bytes.
    pub fn len(&self) -> usize {
        self.data.with(|d| d.len())
    }

    /// Whether it is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A copy of the bytes.
    pub fn to_vec(&self) -> Vec<u8> {
        self.data.with(|d| d.clone())
    }

    /// A copy of bytes `start..end` (clamped to the length).
    pub fn range(&self, start: usize, end: usize) -> Vec<u8> {
        self.data.with(|d| {
            let end = end.min(d.len());
            d.get(start.min(end)..end).unwrap_or(&[]).to_vec()
        })
    }

    /// Byte `i`.
    pub fn get(&self, i: usize) -> Option<u8> {
        self.data.with(|d| d.get(i).copied())
    }

    /// Sets byte `i`; `false` if `i` is out of range.
    pub fn set(&self, i: usize, b: u8) -> bool {
        self.data.with(|d| match d.get_mut(i) {
            Some(slot) => {
                *slot = b;
                true
            }
            None => false,
        })
    }

    /// Appends a byte.
    pub fn push(&self, b: u8) {
        self.data.with(|d| d.push(b))
    }

    /// Appends bytes.
    pub fn extend(&self, bytes: &[u8]) {
        self.data.with(|d| d.extend_from_slice(bytes))
    }

    /// Inserts a byte before position `i` (clamped to the length).
    pub fn insert(&self, i: usize, b: u8) {
        self.data.with(|d| {
            let i = i.min(d.len());
            d.insert(i, b)
        })
    }

    /// Removes and returns byte `i`.
    pub fn remove_at(&self, i: usize) -> Option<u8> {
        self.data.with(|d| (i < d.len()).then(|| d.remove(i)))
    }

    /// Replaces bytes `start..end` (clamped) with `with`.
    pub fn splice(&self, start: usize, end: usize, with: &[u8]) {
        self.data.with(|d| {
            let end = end.min(d.len());
            let start = start.min(end);
            d.splice(start..end, with.iter().copied());
        })
    }

    /// Replaces all the bytes.
    pub fn replace_all(&self, data: Vec<u8>) {
        self.data.with(|d| *d = data)
    }

    /// Keeps the bytes whose positions `keep` accepts (deleting an
    /// extended slice).
    pub fn retain_positions(&self, keep: impl Fn(usize) -> bool) {
        self.data.with(|d| {
            let mut i = 0;
            d.retain(|_| {
                let k = keep(i);
                i += 1;
                k
            })
        })
    }

    /// Empties it.
    pub fn clear(&self) {
        self.data.with(|d| d.clear())
    }

    /// Reverses it in place.
    pub fn reverse(&self) {
        self.data.with(|d| d.reverse())
    }
}

// SAFETY: the bytes are behind the heap's object lock (`Locked`) and hold
// no references.
unsafe impl<P: HeapPolicy> Payload<P> for ByteArray<P> {
    const NAME: &'static str = "bytearray";
    const KIND: Kind = Kind::ByteArray;
}

impl<P: HeapPolicy> ObjRef<P> {
    /// A `bytearray` owning `data`.
    pub fn new_bytearray(data: Vec<u8>) -> Self {
        ObjRef::new(ByteArray::new(data))
    }

    /// The payload of a `bytearray`.
    #[inline]
    pub fn as_bytearray(&self) -> Option<&ByteArray<P>> {
        self.downcast::<ByteArray<P>>()
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use crate::GilHeap;

    #[test]
    fn edits_in_place() {
        let b = ObjRef::<GilHeap>::new_bytearray(b"hello".to_vec());
        let ba = b.as_bytearray().unwrap();
        ba.push(b'!');
        ba.splice(0, 1, b"J");
        assert!(ba.set(1, b'E'));
        assert!(!ba.set(99, 0));
        ba.insert(100, b'?');
        assert_eq!(ba.remove_at(0), Some(b'J'));
        assert_eq!(ba.to_vec(), b"Ello!?");
        assert_eq!(ba.range(1, 3), b"ll");
        assert_eq!(ba.range(5, 2), b"");
        ba.retain_positions(|i| i % 2 == 0);
        assert_eq!(ba.to_vec(), b"El!");
        ba.reverse();
        assert_eq!(ba.to_vec(), b"!lE");
        assert_eq!(b.kind(), Kind::ByteArray);
        assert!(crate::keys::hash(&b).is_err());
    }
}
