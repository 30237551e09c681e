//! The hash table behind `dict` and `set`: insertion-ordered, with CPython's
//! key semantics.
//!
//! Layout after CPython 3.6's compact dict (`Objects/dictobject.c`): a dense
//! vector of entries in insertion order (with holes left by deletions) and a
//! separate index table that maps a hash to a position in that vector. The
//! index table is `hashbrown::HashTable`; the entries keep the *Python* hash
//! (`hash(key)`, which is what equality of `1`, `1.0` and `True` rests on),
//! and a multiplicative mix of it is what the index table probes with, since
//! Python's hashes of small ints are the ints themselves.
//!
//! Deleting leaves a hole, so iteration order stays insertion order; the
//! entries are compacted when holes outnumber live entries (as a CPython
//! resize does).
//!
//! Every method runs inside the owning container's critical section, so none
//! drops a reference: displaced keys and values are returned to the caller.

use hashbrown::HashTable;

use crate::hashing::PyHash;
use crate::keys;
use crate::{HeapPolicy, ObjRef};

/// One key (and value) with its Python hash.
pub(crate) struct Entry<P: HeapPolicy, V> {
    pub(crate) hash: PyHash,
    pub(crate) key: ObjRef<P>,
    pub(crate) value: V,
}

pub(crate) struct Table<P: HeapPolicy, V> {
    entries: Vec<Option<Entry<P, V>>>,
    indices: HashTable<usize>,
}

#[inline]
fn mix(h: PyHash) -> u64 {
    (h as u64)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .rotate_left(26)
}

impl<P: HeapPolicy, V> Table<P, V> {
    pub(crate) fn new() -> Self {
        Table {
            entries: Vec::new(),
            indices: HashTable::new(),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.indices.len()
    }

    fn position(&self, hash: PyHash, key: &ObjRef<P>) -> Option<usize> {
        let entries = &self.entries;
        self.indices
            .find(mix(hash), |&i| match &entries[i] {
                Some(e) => e.hash == hash && keys::eq(&e.key, key),
                None => false,
            })
            .copied()
    }

    pub(crate) fn get(&self, hash: PyHash, key: &ObjRef<P>) -> Option<&Entry<P, V>> {
        self.position(hash, key)
            .and_then(|i| self.entries[i].as_ref())
    }

    /// Inserts or overwrites. On overwrite the table keeps its old key (as
    /// CPython does) and returns the new key and the old value, for the
    /// caller to drop outside the critical section.
    pub(crate) fn insert(
        &mut self,
        hash: PyHash,
        key: ObjRef<P>,
        value: V,
    ) -> Option<(ObjRef<P>, V)> {
        if let Some(i) = self.position(hash, &key) {
            let entry = self.entries[i].as_mut().expect("indexed entry is live");
            let old = core::mem::replace(&mut entry.value, value);
            return Some((key, old));
        }
        let i = self.entries.len();
        self.entries.push(Some(Entry { hash, key, value }));
        let entries = &self.entries;
        self.indices.insert_unique(mix(hash), i, |&j| {
            mix(entries[j].as_ref().expect("indexed entry is live").hash)
        });
        None
    }

    /// Removes the entry for `key`, returning it.
    pub(crate) fn remove(&mut self, hash: PyHash, key: &ObjRef<P>) -> Option<Entry<P, V>> {
        let entries = &self.entries;
        let found = self.indices.find_entry(mix(hash), |&i| match &entries[i] {
            Some(e) => e.hash == hash && keys::eq(&e.key, key),
            None => false,
        });
        let i = match found {
            Ok(occupied) => occupied.remove().0,
            Err(_) => return None,
        };
        let entry = self.entries[i].take();
        if self.entries.len() > 8 && self.entries.len() > 2 * self.indices.len() {
            self.compact();
        }
        entry
    }

    /// Drops the holes and rebuilds the index.
    fn compact(&mut self) {
        self.entries.retain(Option::is_some);
        self.indices.clear();
        let entries = &self.entries;
        for (i, e) in entries.iter().enumerate() {
            let h = mix(e.as_ref().expect("retained").hash);
            self.indices
                .insert_unique(h, i, |&j| mix(entries[j].as_ref().expect("retained").hash));
        }
    }

    /// Empties the table, returning the entries for the caller to drop.
    pub(crate) fn take_all(&mut self) -> Vec<Option<Entry<P, V>>> {
        self.indices.clear();
        core::mem::take(&mut self.entries)
    }

    /// Live entries in insertion order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &Entry<P, V>> {
        self.entries.iter().flatten()
    }
}
