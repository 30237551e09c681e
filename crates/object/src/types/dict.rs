//! `dict` and `set`: the shared [`Table`](super::table) inside a critical
//! section of the heap's object lock.
//!
//! Keys are hashed *before* the critical section is entered (hashing a tuple
//! walks its items), compared inside it with the pure built-in equality of
//! [`crate::keys`], and every displaced key or value is dropped after it
//! ends.
//!
//! `dict` iterates in insertion order, as Python guarantees. `set` shares
//! the same table and so also iterates in insertion order; CPython's set
//! iterates in hash-table order instead, which the VM issue reproduces where
//! a program prints a set.

use super::table::Table;
use crate::keys::{self, Unhashable};
use crate::locked::Locked;
use crate::{HeapPolicy, Kind, ObjRef, Payload};

/// The payload of a `dict`.
pub struct Dict<P: HeapPolicy> {
    table: Locked<P::Lock, Table<P, ObjRef<P>>>,
}

impl<P: HeapPolicy> Default for Dict<P> {
    fn default() -> Self {
        Self::new()
    }
}

impl<P: HeapPolicy> Dict<P> {
    /// An empty dict.
    pub fn new() -> Self {
        Dict {
            table: Locked::new(Table::new()),
        }
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.table.with(|t| t.len())
    }

    /// Whether the dict is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `d.get(key)`: a new reference to the value, if present.
    pub fn get(&self, key: &ObjRef<P>) -> Result<Option<ObjRef<P>>, Unhashable> {
        let hash = keys::hash(key)?;
        Ok(self
            .table
            .with(|t| t.get(hash, key).map(|e| e.value.clone())))
    }

    /// `key in d`.
    pub fn contains(&self, key: &ObjRef<P>) -> Result<bool, Unhashable> {
        let hash = keys::hash(key)?;
        Ok(self.table.with(|t| t.get(hash, key).is_some()))
    }

    /// `d[key] = value`. An existing key keeps its first key object and its
    /// place in the order.
    pub fn set(&self, key: ObjRef<P>, value: ObjRef<P>) -> Result<(), Unhashable> {
        let hash = keys::hash(&key)?;
        let displaced = self.table.with(|t| t.insert(hash, key, value));
        drop(displaced); // outside the critical section
        Ok(())
    }

    /// `d.pop(key, None)`: removes the item and returns its value.
    pub fn remove(&self, key: &ObjRef<P>) -> Result<Option<ObjRef<P>>, Unhashable> {
        let hash = keys::hash(key)?;
        let entry = self.table.with(|t| t.remove(hash, key));
        Ok(entry.map(|e| e.value)) // the key drops here, outside
    }

    /// Removes every item.
    pub fn clear(&self) {
        let old = self.table.with(|t| t.take_all());
        drop(old);
    }

    /// New references to the keys, in insertion order.
    pub fn keys(&self) -> Vec<ObjRef<P>> {
        self.table
            .with(|t| t.iter().map(|e| e.key.clone()).collect())
    }

    /// New references to the values, in insertion order.
    pub fn values(&self) -> Vec<ObjRef<P>> {
        self.table
            .with(|t| t.iter().map(|e| e.value.clone()).collect())
    }

    /// New references to the items, in insertion order.
    pub fn items(&self) -> Vec<(ObjRef<P>, ObjRef<P>)> {
        self.table
            .with(|t| t.iter().map(|e| (e.key.clone(), e.value.clone())).collect())
    }
}

// SAFETY: the table is behind the heap's object lock (`Locked`).
unsafe impl<P: HeapPolicy> Payload<P> for Dict<P> {
    const NAME: &'static str = "dict";
    const KIND: Kind = Kind::Dict;
    const GC: bool = true;

    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef<P>)) {
        self.table.with(|t| {
            for e in t.iter() {
                visit(&e.key);
                visit(&e.value);
            }
        })
    }

    fn clear(&self) {
        Dict::clear(self)
    }
}

/// The payload of a `set`.
pub struct Set<P: HeapPolicy> {
    table: Locked<P::Lock, Table<P, ()>>,
}

impl<P: HeapPolicy> Default for Set<P> {
    fn default() -> Self {
        Self::new()
    }
}

impl<P: HeapPolicy> Set<P> {
    /// An empty set.
    pub fn new() -> Self {
        Set {
            table: Locked::new(Table::new()),
        }
    }

    /// Number of members.
    pub fn len(&self) -> usize {
        self.table.with(|t| t.len())
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `key in s`.
    pub fn contains(&self, key: &ObjRef<P>) -> Result<bool, Unhashable> {
        let hash = keys::hash(key)?;
        Ok(self.table.with(|t| t.get(hash, key).is_some()))
    }

    /// `s.add(key)`; `true` if it was not a member.
    pub fn add(&self, key: ObjRef<P>) -> Result<bool, Unhashable> {
        let hash = keys::hash(&key)?;
        let displaced = self.table.with(|t| t.insert(hash, key, ()));
        let added = displaced.is_none();
        drop(displaced);
        Ok(added)
    }

    /// `s.discard(key)`; `true` if it was a member.
    pub fn discard(&self, key: &ObjRef<P>) -> Result<bool, Unhashable> {
        let hash = keys::hash(key)?;
        let entry = self.table.with(|t| t.remove(hash, key));
        Ok(entry.is_some())
    }

    /// Removes every member.
    pub fn clear(&self) {
        let old = self.table.with(|t| t.take_all());
        drop(old);
    }

    /// New references to the members.
    pub fn members(&self) -> Vec<ObjRef<P>> {
        self.table
            .with(|t| t.iter().map(|e| e.key.clone()).collect())
    }
}

// SAFETY: the table is behind the heap's object lock (`Locked`).
unsafe impl<P: HeapPolicy> Payload<P> for Set<P> {
    const NAME: &'static str = "set";
    const KIND: Kind = Kind::Set;
    const GC: bool = true;

    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef<P>)) {
        self.table.with(|t| t.iter().for_each(|e| visit(&e.key)))
    }

    fn clear(&self) {
        Set::clear(self)
    }
}

impl<P: HeapPolicy> ObjRef<P> {
    /// An empty `dict`.
    pub fn new_dict() -> Self {
        ObjRef::new(Dict::new())
    }

    /// An empty `set`.
    pub fn new_set() -> Self {
        ObjRef::new(Set::new())
    }

    /// The payload of a `dict`.
    #[inline]
    pub fn as_dict(&self) -> Option<&Dict<P>> {
        self.downcast::<Dict<P>>()
    }

    /// The payload of a `set`.
    #[inline]
    pub fn as_set(&self) -> Option<&Set<P>> {
        self.downcast::<Set<P>>()
    }
}
