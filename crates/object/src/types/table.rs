//! The hash table behind `dict`: insertion-ordered, with CPython's key
//! semantics. (`set` has its own table, [`super::set_table`], which follows
//! CPython's set layout so that sets iterate in CPython's order.)
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
//! resize does). A position in the entry vector is what the dict's iterators
//! hold ([`Table::entry_at`]); it stays valid until a removal compacts the
//! entries, which also changes the length (the VM's iterators check it, as
//! CPython's raise "dictionary changed size during iteration").
//! [`Table::pop_last`] (`popitem`) also drops the trailing holes, as CPython
//! rewinds `dk_nentries`.
//!
//! Every method runs inside the owning container's critical section, so none
//! drops a reference: displaced keys and values are returned to the caller.

use hashbrown::HashTable;

use crate::keys;
use crate::shared_items::EntryMirror;
use crate::{HeapPolicy, ObjRef};
use ftl_algorithms::hash::PyHash;

/// One key (and value) with its Python hash.
pub(crate) struct Entry<P: HeapPolicy, V> {
    pub(crate) hash: PyHash,
    pub(crate) key: ObjRef<P>,
    pub(crate) value: V,
}

pub(crate) struct Table<P: HeapPolicy, V> {
    entries: Vec<Option<Entry<P, V>>>,
    indices: HashTable<usize>,
    /// Some key ever stored was [`keys::is_opaque`] (cleared only when the
    /// table is emptied).
    opaque: bool,
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
            opaque: false,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.indices.len()
    }

    /// Whether some key ever stored (since the table was last emptied) was
    /// [`keys::is_opaque`].
    pub(crate) fn has_opaque_keys(&self) -> bool {
        self.opaque
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

    /// The entry at position `pos` if it holds `key` itself (an identity
    /// check: no hashing, no probing).
    #[inline]
    pub(crate) fn at(&self, pos: usize, key: &ObjRef<P>) -> Option<&Entry<P, V>> {
        match self.entries.get(pos) {
            Some(Some(e)) if e.key.is_same(key) => Some(e),
            _ => None,
        }
    }

    pub(crate) fn get(&self, hash: PyHash, key: &ObjRef<P>) -> Option<&Entry<P, V>> {
        self.get_with_position(hash, key).map(|(_, e)| e)
    }

    /// [`get`](Self::get), with the entry's position.
    pub(crate) fn get_with_position(
        &self,
        hash: PyHash,
        key: &ObjRef<P>,
    ) -> Option<(usize, &Entry<P, V>)> {
        let i = self.position(hash, key)?;
        self.entries[i].as_ref().map(|e| (i, e))
    }

    /// Live entries in insertion order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &Entry<P, V>> {
        self.entries.iter().flatten()
    }

    /// The first live entry at a position `>= pos`, with its position.
    pub(crate) fn entry_at(&self, pos: usize) -> Option<(usize, &Entry<P, V>)> {
        self.entries
            .get(pos..)?
            .iter()
            .enumerate()
            .find_map(|(i, e)| e.as_ref().map(|e| (pos + i, e)))
    }

    /// The keys stored with exactly `hash`, in insertion order.
    pub(crate) fn candidates(&self, hash: PyHash) -> Vec<ObjRef<P>> {
        let mut positions: Vec<usize> = self
            .indices
            .iter_hash(mix(hash))
            .copied()
            .filter(|&i| matches!(&self.entries[i], Some(e) if e.hash == hash))
            .collect();
        positions.sort_unstable();
        positions
            .into_iter()
            .filter_map(|i| self.entries[i].as_ref().map(|e| e.key.clone()))
            .collect()
    }
}

/// A displaced key and value, for the caller to drop outside the critical
/// section.
pub(crate) type Displaced<P> = (ObjRef<P>, ObjRef<P>);

/// The writes: each keeps the dict's [`EntryMirror`] in step (a table
/// cannot be changed without one).
impl<P: HeapPolicy> Table<P, ObjRef<P>> {
    /// Inserts or overwrites. On overwrite the table keeps its old key (as
    /// CPython does) and returns the new key and the old value, for the
    /// caller to drop outside the critical section.
    pub(crate) fn insert(
        &mut self,
        hash: PyHash,
        key: ObjRef<P>,
        value: ObjRef<P>,
        m: &EntryMirror<P>,
    ) -> Option<Displaced<P>> {
        self.insert_at(hash, key, value, m).1
    }

    /// [`insert`](Self::insert), also returning the entry's position.
    pub(crate) fn insert_at(
        &mut self,
        hash: PyHash,
        key: ObjRef<P>,
        value: ObjRef<P>,
        m: &EntryMirror<P>,
    ) -> (usize, Option<Displaced<P>>) {
        if let Some(i) = self.position(hash, &key) {
            let entry = self.entries[i].as_mut().expect("indexed entry is live");
            m.set_value(i, &value);
            let old = core::mem::replace(&mut entry.value, value);
            return (i, Some((key, old)));
        }
        let i = self.entries.len();
        self.push_new(hash, key, value, m);
        (i, None)
    }

    /// Replaces the value of the entry at `pos` if it holds `key` itself
    /// (see [`at`](Self::at)), returning the old value; gives `value`
    /// back otherwise.
    pub(crate) fn set_value_at(
        &mut self,
        pos: usize,
        key: &ObjRef<P>,
        value: ObjRef<P>,
        m: &EntryMirror<P>,
    ) -> Result<ObjRef<P>, ObjRef<P>> {
        match self.entries.get_mut(pos) {
            Some(Some(e)) if e.key.is_same(key) => {
                m.set_value(pos, &value);
                Ok(core::mem::replace(&mut e.value, value))
            }
            _ => Err(value),
        }
    }

    /// Appends an entry for a key known to be absent.
    fn push_new(&mut self, hash: PyHash, key: ObjRef<P>, value: ObjRef<P>, m: &EntryMirror<P>) {
        let i = self.entries.len();
        self.push_unpublished(hash, key, value);
        if m.has_room_for(i) {
            let e = self.entries[i].as_ref().expect("just pushed");
            m.publish(i, hash, &e.key, &e.value);
        } else {
            self.publish_all(m);
        }
    }

    /// Appends an entry for a key known to be absent, to a table that no
    /// mirror shows yet.
    fn push_unpublished(&mut self, hash: PyHash, key: ObjRef<P>, value: ObjRef<P>) {
        let i = self.entries.len();
        self.opaque |= keys::is_opaque(&key);
        self.entries.push(Some(Entry { hash, key, value }));
        let entries = &self.entries;
        self.indices.insert_unique(mix(hash), i, |&j| {
            mix(entries[j].as_ref().expect("indexed entry is live").hash)
        });
    }

    /// Removes the entry for `key`, returning it.
    pub(crate) fn remove(
        &mut self,
        hash: PyHash,
        key: &ObjRef<P>,
        m: &EntryMirror<P>,
    ) -> Option<Entry<P, ObjRef<P>>> {
        let entries = &self.entries;
        let found = self.indices.find_entry(mix(hash), |&i| match &entries[i] {
            Some(e) => e.hash == hash && keys::eq(&e.key, key),
            None => false,
        });
        let i = match found {
            Ok(occupied) => occupied.remove().0,
            Err(_) => return None,
        };
        m.clear(i);
        let entry = self.entries[i].take();
        if self.entries.len() > 8 && self.entries.len() > 2 * self.indices.len() {
            self.compact(m);
        }
        entry
    }

    /// Drops the holes and rebuilds the index.
    fn compact(&mut self, m: &EntryMirror<P>) {
        self.entries.retain(Option::is_some);
        self.indices.clear();
        let entries = &self.entries;
        for (i, e) in entries.iter().enumerate() {
            let h = mix(e.as_ref().expect("retained").hash);
            self.indices
                .insert_unique(h, i, |&j| mix(entries[j].as_ref().expect("retained").hash));
        }
        self.publish_all(m);
    }

    /// Republishes every entry to `m` (a compaction moved them, or `m` is
    /// a new dict's mirror).
    pub(crate) fn publish_all(&self, m: &EntryMirror<P>) {
        m.rebuild(
            self.entries.capacity(),
            self.entries
                .iter()
                .map(|e| e.as_ref().map(|e| (e.hash, &e.key, &e.value))),
        );
    }

    /// Empties the table, returning the entries for the caller to drop.
    pub(crate) fn take_all(&mut self, m: &EntryMirror<P>) -> Vec<Option<Entry<P, ObjRef<P>>>> {
        m.rebuild(0, core::iter::empty());
        self.indices.clear();
        self.opaque = false;
        core::mem::take(&mut self.entries)
    }

    /// Removes the last inserted entry (`popitem`), dropping the holes
    /// after it.
    pub(crate) fn pop_last(&mut self, m: &EntryMirror<P>) -> Option<Entry<P, ObjRef<P>>> {
        while let Some(slot) = self.entries.pop() {
            if let Some(entry) = slot {
                let pos = self.entries.len();
                m.clear(pos);
                if let Ok(found) = self.indices.find_entry(mix(entry.hash), |&i| i == pos) {
                    found.remove();
                }
                return Some(entry);
            }
        }
        None
    }
    /// A compact table with new references to the same items, in the same
    /// order.
    /// No mirror shows the copy yet: its dict publishes it
    /// ([`publish_all`](Self::publish_all)).
    pub(crate) fn copy(&self) -> Self {
        let mut t = Table::new();
        for e in self.iter() {
            t.push_unpublished(e.hash, e.key.clone(), e.value.clone());
        }
        t
    }

    /// Inserts new references to every item of `other`, in its order,
    /// returning the displaced references for the caller to drop outside the
    /// critical section.
    pub(crate) fn update_from(
        &mut self,
        other: &Self,
        m: &EntryMirror<P>,
    ) -> Vec<(ObjRef<P>, ObjRef<P>)> {
        other
            .iter()
            .filter_map(|e| self.insert(e.hash, e.key.clone(), e.value.clone(), m))
            .collect()
    }
}
