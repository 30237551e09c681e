//! `dict`: the insertion-ordered [`Table`](super::table) inside a critical
//! section of the heap's object lock.
//!
//! Keys are hashed *before* the critical section is entered (hashing a tuple
//! walks its items), compared inside it with the pure built-in equality of
//! [`crate::keys`], and every displaced key or value is dropped after it
//! ends.
//!
//! `dict` iterates in insertion order, as Python guarantees; `popitem`
//! removes the last inserted item, as CPython's does.
//!
//! # Tracking by the cycle collector (CPython's `MAINTAIN_TRACKING`)
//!
//! A dict that holds only atoms (objects that can never be in a cycle: ints,
//! strings, untracked tuples) cannot be in a cycle either, so, as in CPython
//! 3.11, a new dict starts untracked unless it holds something that may be
//! tracked ([`Payload::tracked_at_birth`]), full collections untrack dicts
//! of atoms again, and storing something that may be tracked into an
//! untracked dict tracks it. That last rule is what makes untracking safe:
//! a cycle made later through such a dict is collected. So every store
//! goes through the object: [`ObjRef::as_dict`] gives a [`DictRef`], whose
//! inserting methods check the dict's tracking inside its critical section
//! (one relaxed load when it is tracked already), and the bare payload has
//! no public inserting method. Checking inside the critical section makes
//! "untracked, so track it" atomic on the free-threaded heaps: two threads
//! storing containers into one dict of atoms track it once.
//!
//! # Keys with a user-defined `__hash__` / `__eq__`
//!
//! The `_hashed` methods take a hash the caller computed (the VM calls a
//! user `__hash__` outside any critical section) and still compare keys with
//! [`keys::eq`] — identity first, then built-in equality — which never runs
//! user code. For keys whose equality is user-defined the VM asks for
//! [`Dict::candidates`] (the keys stored with that hash), compares them with
//! the user `__eq__` with the dict unlocked, and then acts on the matching
//! stored key object, which the table finds by identity.

#![allow(unsafe_code)] // unsafe impl Payload

use super::table::Table;
use crate::keys::{self, Unhashable};
use crate::locked::Locked;
use crate::shared_items::{after_locked_read, EntryMirror};
use crate::{gc_hooks, HeapPolicy, Kind, ObjRef, Payload};
use ftl_algorithms::hash::PyHash;
use ftl_core::RefCount;

/// The payload of a `dict`.
pub struct Dict<P: HeapPolicy> {
    table: Locked<P::Lock, Table<P, ObjRef<P>>>,
    /// The entries by position, for lock-free `get_at` (kept in step by
    /// every write to `table`, which cannot be written without it).
    mirror: EntryMirror<P>,
}

impl<P: HeapPolicy> Default for Dict<P> {
    fn default() -> Self {
        Self::new()
    }
}

impl<P: HeapPolicy> Dict<P> {
    /// An empty dict.
    pub fn new() -> Self {
        Self::from_table(Table::new())
    }

    fn from_table(table: Table<P, ObjRef<P>>) -> Self {
        let mirror = EntryMirror::new();
        table.publish_all(&mirror);
        Dict {
            table: Locked::new(table),
            mirror,
        }
    }

    /// `dict(pairs)`: the pairs inserted in order (a later equal key
    /// overwrites the value and keeps the first key object).
    pub fn from_pairs(pairs: Vec<(ObjRef<P>, ObjRef<P>)>) -> Result<Dict<P>, Unhashable> {
        let mut dict = Dict::new();
        for (key, value) in pairs {
            let hash = keys::hash(&key)?;
            // No critical section: the new dict is not shared (a unique
            // borrow), so the displaced key and value may drop here.
            drop(dict.table.get_mut().insert(hash, key, value, &dict.mirror));
        }
        Ok(dict)
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
        Ok(self.get_hashed(keys::hash(key)?, key))
    }

    /// Whether some key ever stored since the dict was last emptied was
    /// [`keys::is_opaque`](crate::keys::is_opaque): a lookup that misses by
    /// the built-in equality must then be confirmed by the VM's own
    /// equality over [`candidates`](Self::candidates).
    pub fn has_opaque_keys(&self) -> bool {
        self.table.with(|t| t.has_opaque_keys())
    }

    /// [`get`](Self::get) with a hash the caller computed.
    pub fn get_hashed(&self, hash: PyHash, key: &ObjRef<P>) -> Option<ObjRef<P>> {
        if let Some(found) = self.mirror.get_identical(hash, key) {
            return Some(found);
        }
        let found = self
            .table
            .with(|t| t.get(hash, key).map(|e| e.value.clone()));
        found.iter().for_each(after_locked_read);
        found
    }

    /// `key in d`.
    pub fn contains(&self, key: &ObjRef<P>) -> Result<bool, Unhashable> {
        let hash = keys::hash(key)?;
        Ok(self.table.with(|t| t.get(hash, key).is_some()))
    }

    /// The value stored under `key` itself at entry position `pos` (an
    /// identity check: no hashing, no probing): the fast path of a lookup
    /// whose caller remembers where the key was found last time, as CPython
    /// 3.11's `LOAD_ATTR_INSTANCE_VALUE` and `LOAD_GLOBAL_MODULE` keep an
    /// index in the instruction's inline cache. `None` means "not there",
    /// not "absent": fall back to [`get_hashed_at`](Self::get_hashed_at).
    /// Positions stay valid until a deletion compacts the entries.
    #[inline]
    pub fn get_at(&self, pos: usize, key: &ObjRef<P>) -> Option<ObjRef<P>> {
        if let Ok(found) = self.mirror.get_at(pos, key) {
            return found;
        }
        let found = self.table.with(|t| t.at(pos, key).map(|e| e.value.clone()));
        found.iter().for_each(after_locked_read);
        found
    }

    /// [`get_hashed`](Self::get_hashed), with the entry's position.
    pub fn get_hashed_at(&self, hash: PyHash, key: &ObjRef<P>) -> Option<(usize, ObjRef<P>)> {
        self.table.with(|t| {
            t.get_with_position(hash, key)
                .map(|(i, e)| (i, e.value.clone()))
        })
    }

    /// `d.pop(key, None)`: removes the item and returns its value.
    pub fn remove(&self, key: &ObjRef<P>) -> Result<Option<ObjRef<P>>, Unhashable> {
        Ok(self.remove_hashed(keys::hash(key)?, key))
    }

    /// [`remove`](Self::remove) with a hash the caller computed.
    pub fn remove_hashed(&self, hash: PyHash, key: &ObjRef<P>) -> Option<ObjRef<P>> {
        let entry = self.table.with(|t| t.remove(hash, key, &self.mirror));
        entry.map(|e| e.value) // the key drops here, outside
    }

    /// New references to the keys stored with exactly `hash`, in insertion
    /// order: the keys a user `__eq__` must be tried against.
    pub fn candidates(&self, hash: PyHash) -> Vec<ObjRef<P>> {
        self.table.with(|t| t.candidates(hash))
    }

    /// The first item at a position `>= pos`, with its position: an
    /// iterator's step (call again with the position plus one). Positions
    /// follow insertion order and stay valid while the dict's length does
    /// not change.
    pub fn entry_at(&self, pos: usize) -> Option<(usize, ObjRef<P>, ObjRef<P>)> {
        self.table.with(|t| {
            t.entry_at(pos)
                .map(|(i, e)| (i, e.key.clone(), e.value.clone()))
        })
    }

    /// `d.popitem()`: removes and returns the last inserted item.
    pub fn popitem(&self) -> Option<(ObjRef<P>, ObjRef<P>)> {
        self.table
            .with(|t| t.pop_last(&self.mirror))
            .map(|e| (e.key, e.value))
    }

    /// `d.copy()`: a new dict with the same items in the same order.
    pub fn copy(&self) -> Dict<P> {
        Self::from_table(self.table.with(|t| t.copy()))
    }

    /// Removes every item.
    pub fn clear(&self) {
        let old = self.table.with(|t| t.take_all(&self.mirror));
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

/// The inserting methods, for the dict held by the object `owner`
/// (`None` for a payload in no object yet, which nobody else reaches and
/// no collector tracks: [`Payload::tracked_at_birth`] looks at it later).
impl<P: HeapPolicy> Dict<P> {
    fn set_in(
        &self,
        owner: Option<&ObjRef<P>>,
        key: ObjRef<P>,
        value: ObjRef<P>,
    ) -> Result<(), Unhashable> {
        let hash = keys::hash(&key)?;
        self.set_hashed_in(owner, hash, key, value);
        Ok(())
    }

    fn set_at_in(
        &self,
        owner: Option<&ObjRef<P>>,
        pos: usize,
        key: &ObjRef<P>,
        value: ObjRef<P>,
    ) -> Result<(), ObjRef<P>> {
        let old = self.table.with(|t| {
            if t.at(pos, key).is_some() {
                maintain_tracking(owner, key, &value);
            }
            t.set_value_at(pos, key, value, &self.mirror)
        })?;
        drop(old); // outside the critical section
        Ok(())
    }

    fn set_hashed_at_in(
        &self,
        owner: Option<&ObjRef<P>>,
        hash: PyHash,
        key: ObjRef<P>,
        value: ObjRef<P>,
    ) -> usize {
        let (pos, displaced) = self.table.with(|t| {
            maintain_tracking(owner, &key, &value);
            t.insert_at(hash, key, value, &self.mirror)
        });
        drop(displaced); // outside the critical section
        pos
    }

    fn set_hashed_in(
        &self,
        owner: Option<&ObjRef<P>>,
        hash: PyHash,
        key: ObjRef<P>,
        value: ObjRef<P>,
    ) {
        let displaced = self.table.with(|t| {
            maintain_tracking(owner, &key, &value);
            t.insert(hash, key, value, &self.mirror)
        });
        drop(displaced); // outside the critical section
    }

    fn update_from_in(&self, owner: Option<&ObjRef<P>>, other: &Dict<P>) {
        let displaced = self.table.with2(&other.table, |dst, src| {
            if untracked(owner) {
                for e in src.iter() {
                    maintain_tracking(owner, &e.key, &e.value);
                }
            }
            dst.update_from(src, &self.mirror)
        });
        drop(displaced); // outside both critical sections
    }

    /// Whether some key or value may be tracked by a collector.
    fn holds_a_container(&self) -> bool {
        self.table.with(|t| {
            t.iter()
                .any(|e| e.key.may_be_gc_tracked() || e.value.may_be_gc_tracked())
        })
    }
}

/// Whether the dict is in an object (`owner`) that no collector tracks.
#[inline]
fn untracked<P: HeapPolicy>(owner: Option<&ObjRef<P>>) -> bool {
    owner.is_some_and(|o| !o.is_gc_tracked())
}

/// CPython's `MAINTAIN_TRACKING`, called inside the dict's critical
/// section before `key` and `value` are stored: an untracked dict that is
/// given something that may be tracked is tracked from now on. Inside the
/// critical section, so no other thread tracks the same dict meanwhile
/// (the contract of [`gc_hooks::GcHooks::track`]).
#[inline]
fn maintain_tracking<P: HeapPolicy>(owner: Option<&ObjRef<P>>, key: &ObjRef<P>, value: &ObjRef<P>) {
    if untracked(owner) && (key.may_be_gc_tracked() || value.may_be_gc_tracked()) {
        if let Some(links) = owner.and_then(ObjRef::gc_links_ptr) {
            gc_hooks::note_track(links);
        }
    }
}

/// A `dict` object's payload together with the object, which is what a
/// store needs: storing something that may be in a cycle into a dict the
/// collector does not track makes it track the dict (see the module doc).
/// Reading goes through [`Deref`](core::ops::Deref) to [`Dict`].
pub struct DictRef<'a, P: HeapPolicy> {
    object: &'a ObjRef<P>,
    dict: &'a Dict<P>,
}

impl<P: HeapPolicy> Clone for DictRef<'_, P> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<P: HeapPolicy> Copy for DictRef<'_, P> {}

impl<P: HeapPolicy> core::ops::Deref for DictRef<'_, P> {
    type Target = Dict<P>;
    #[inline]
    fn deref(&self) -> &Dict<P> {
        self.dict
    }
}

impl<P: HeapPolicy> DictRef<'_, P> {
    /// [`Dict::get_at`], and on a heap that reads without locks, the
    /// first read from a thread that does not own the dict starts its
    /// lock-free mirror (CPython 3.13t's `ensure_shared_on_read`).
    #[inline]
    pub fn get_at(&self, pos: usize, key: &ObjRef<P>) -> Option<ObjRef<P>> {
        self.share_on_read();
        self.dict.get_at(pos, key)
    }

    /// [`Dict::get_hashed`], sharing the dict on a foreign read as
    /// [`get_at`](Self::get_at) does.
    #[inline]
    pub fn get_hashed(&self, hash: PyHash, key: &ObjRef<P>) -> Option<ObjRef<P>> {
        self.share_on_read();
        self.dict.get_hashed(hash, key)
    }

    #[inline(always)]
    fn share_on_read(&self) {
        if P::Rc::LOCK_FREE_READS
            && !self.dict.mirror.is_active()
            && !self.object.owned_by_this_thread()
        {
            self.dict.table.with(|t| {
                if !self.dict.mirror.is_active() {
                    self.dict.mirror.activate();
                    t.publish_all(&self.dict.mirror);
                }
            });
        }
    }
}

impl<'a, P: HeapPolicy> DictRef<'a, P> {
    /// The `dict` object.
    pub fn object(&self) -> &'a ObjRef<P> {
        self.object
    }

    /// `d[key] = value`. An existing key keeps its first key object and its
    /// place in the order.
    pub fn set(&self, key: ObjRef<P>, value: ObjRef<P>) -> Result<(), Unhashable> {
        self.dict.set_in(Some(self.object), key, value)
    }

    /// Replaces the value of `key` if the key itself is at position `pos`
    /// (see [`Dict::get_at`]); otherwise gives `value` back.
    #[inline]
    pub fn set_at(&self, pos: usize, key: &ObjRef<P>, value: ObjRef<P>) -> Result<(), ObjRef<P>> {
        self.dict.set_at_in(Some(self.object), pos, key, value)
    }

    /// [`set_hashed`](Self::set_hashed), returning the entry's position.
    pub fn set_hashed_at(&self, hash: PyHash, key: ObjRef<P>, value: ObjRef<P>) -> usize {
        self.dict
            .set_hashed_at_in(Some(self.object), hash, key, value)
    }

    /// [`set`](Self::set) with a hash the caller computed.
    pub fn set_hashed(&self, hash: PyHash, key: ObjRef<P>, value: ObjRef<P>) {
        self.dict.set_hashed_in(Some(self.object), hash, key, value)
    }

    /// `self.update(other)` for a dict `other`: both are locked at once (in
    /// address order) so the copy is consistent; `d.update(d)` changes
    /// nothing.
    pub fn update_from(&self, other: &Dict<P>) {
        self.dict.update_from_in(Some(self.object), other)
    }

    /// `d.setdefault(key, value)` as one critical section: the value
    /// stored under `key` (by the built-in equality), or else `value`,
    /// stored. Two threads setting a default for the same key get the same
    /// value back (CPython 3.13t makes `dict.setdefault` atomic).
    pub fn setdefault_hashed(&self, hash: PyHash, key: ObjRef<P>, value: ObjRef<P>) -> ObjRef<P> {
        let (found, displaced) = self.dict.table.with(|t| {
            if let Some(e) = t.get(hash, &key) {
                return (Some(e.value.clone()), None);
            }
            maintain_tracking(Some(self.object), &key, &value);
            (None, t.insert(hash, key, value.clone(), &self.dict.mirror))
        });
        drop(displaced); // outside the critical section (none: the key was absent)
        match found {
            Some(v) => {
                after_locked_read(&v);
                v
            }
            None => value,
        }
    }
}

// SAFETY: the table is behind the heap's object lock (`Locked`).
unsafe impl<P: HeapPolicy> Payload<P> for Dict<P> {
    const NAME: &'static str = "dict";
    const KIND: Kind = Kind::Dict;
    const GC: bool = true;

    fn tracked_at_birth(&self) -> bool {
        self.holds_a_container()
    }

    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef<P>)) {
        // Visit outside the critical section (`visit` is any code, and may
        // use this very dict): the entries as of now, held by the snapshot.
        for (key, value) in &self.items() {
            visit(key);
            visit(value);
        }
    }

    unsafe fn traverse_in_place(&self, visit: &mut dyn FnMut(&ObjRef<P>)) {
        // The caller's visitor does not reach this dict (the contract).
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

impl<P: HeapPolicy> ObjRef<P> {
    /// An empty `dict`.
    pub fn new_dict() -> Self {
        ObjRef::new(Dict::new())
    }

    /// An empty `dict` counted as [`ObjRef::new_deferred`] says: a module's
    /// or a class's namespace, which every thread that runs its code reads.
    pub fn new_deferred_dict() -> Self {
        ObjRef::new_deferred(Dict::new())
    }

    /// A `dict` object owning `dict`.
    pub fn from_dict(dict: Dict<P>) -> Self {
        ObjRef::new(dict)
    }

    /// The payload of a `dict`, with the object (stores go through it).
    #[inline]
    pub fn as_dict(&self) -> Option<DictRef<'_, P>> {
        self.downcast::<Dict<P>>()
            .map(|dict| DictRef { object: self, dict })
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use crate::{Accounting, GilHeap};
    use proptest::prelude::*;

    type R = ObjRef<GilHeap>;

    /// A bare payload's stores, for these tests (no object, no tracking).
    impl<P: HeapPolicy> Dict<P> {
        fn set(&self, key: ObjRef<P>, value: ObjRef<P>) -> Result<(), Unhashable> {
            self.set_in(None, key, value)
        }
        fn set_hashed(&self, hash: PyHash, key: ObjRef<P>, value: ObjRef<P>) {
            self.set_hashed_in(None, hash, key, value)
        }
        fn update_from(&self, other: &Dict<P>) {
            self.update_from_in(None, other)
        }
    }

    fn i(v: i64) -> R {
        R::from_i64(v)
    }
    fn int_of(o: &R) -> i64 {
        o.as_int().and_then(|v| v.as_i64()).expect("an i64 int")
    }

    #[test]
    fn hashed_variants_use_the_given_hash() {
        let d = Dict::<GilHeap>::new();
        let k = R::new_str("k");
        // A hash unrelated to the key's own: lookups with it find the key,
        // lookups with the real hash do not.
        d.set_hashed(42, k.clone(), i(1));
        assert_eq!(d.get_hashed(42, &k).map(|v| int_of(&v)), Some(1));
        assert!(d.get(&k).unwrap().is_none());
        // An equal key object is found by built-in equality under the hash.
        assert!(d.get_hashed(42, &R::new_str("k")).is_some());
        d.set_hashed(42, R::new_str("k"), i(2));
        assert_eq!(d.len(), 1);
        assert!(d.keys()[0].is_same(&k)); // first key object kept
        assert_eq!(d.remove_hashed(42, &k).map(|v| int_of(&v)), Some(2));
        assert!(d.remove_hashed(42, &k).is_none());
        assert!(d.is_empty());
    }

    #[test]
    fn candidates_are_the_keys_with_that_hash() {
        let d = Dict::<GilHeap>::new();
        let (a, b, c) = (R::new_str("a"), R::new_str("b"), R::new_str("c"));
        d.set_hashed(7, a.clone(), i(1));
        d.set_hashed(8, b.clone(), i(2));
        d.set_hashed(7, c.clone(), i(3));
        let got = d.candidates(7);
        assert_eq!(got.len(), 2);
        assert!(got[0].is_same(&a) && got[1].is_same(&c));
        assert_eq!(d.candidates(8).len(), 1);
        assert!(d.candidates(9).is_empty());
        assert!(Dict::<GilHeap>::new().candidates(7).is_empty());
    }

    #[test]
    fn popitem_takes_the_last_inserted() {
        // CPython: d = {1: 'a', 2: 'b', 3: 'c'}; del d[3]; d.popitem() ==
        // (2, 'b'); d[4] = 'd'; list(d.items()) == [(1, 'a'), (4, 'd')]
        let d = Dict::<GilHeap>::new();
        for k in 1..=3 {
            d.set(i(k), i(10 * k)).unwrap();
        }
        d.remove(&i(3)).unwrap();
        let (k, v) = d.popitem().unwrap();
        assert_eq!((int_of(&k), int_of(&v)), (2, 20));
        d.set(i(4), i(40)).unwrap();
        let items: Vec<_> = d
            .items()
            .iter()
            .map(|(k, v)| (int_of(k), int_of(v)))
            .collect();
        assert_eq!(items, vec![(1, 10), (4, 40)]);
        assert!(d.popitem().is_some() && d.popitem().is_some());
        assert!(d.popitem().is_none());
        // The popped key is gone from the index too.
        assert!(!d.contains(&i(1)).unwrap());
        d.set(i(1), i(5)).unwrap();
        assert_eq!(d.len(), 1);
    }

    #[test]
    fn copy_update_and_from_pairs() {
        let acct = Accounting::new();
        let _scope = acct.enter();
        // CPython: dict([('x', 0), (1.5, 1), ('x', 2)]) == {'x': 2, 1.5: 1}
        let d = Dict::<GilHeap>::from_pairs(vec![
            (R::new_str("x"), i(0)),
            (R::from_f64(1.5), i(1)),
            (R::new_str("x"), i(2)),
        ])
        .unwrap();
        assert_eq!(d.len(), 2);
        assert_eq!(
            d.get(&R::new_str("x")).unwrap().map(|v| int_of(&v)),
            Some(2)
        );
        let err = Dict::<GilHeap>::from_pairs(vec![(i(1), i(1)), (R::new_list(vec![]), i(2))]);
        assert_eq!(err.err().map(|e| e.type_name), Some("list"));

        let c = d.copy();
        c.set(R::new_str("y"), i(3)).unwrap();
        assert_eq!((d.len(), c.len()), (2, 3));
        // d.update(c): overwrites x, adds y, in c's order.
        d.update_from(&c);
        assert_eq!(d.len(), 3);
        assert_eq!(d.keys()[2].as_str(), Some("y"));
        // d.update(d) is a no-op.
        d.update_from(&d);
        assert_eq!(d.len(), 3);
        let obj = R::from_dict(d);
        assert_eq!(obj.type_name(), "dict");
        assert_eq!(obj.as_dict().map(|d| d.len()), Some(3));
        drop((obj, c));
        assert_eq!(acct.live(), 0);
    }

    proptest! {
        #![proptest_config(crate::test_support::proptest_config())]

        /// Walking with `entry_at` yields exactly `items()`, after random
        /// inserts, removes and popitems (which leave holes and compact).
        #[test]
        fn entry_at_walks_the_items(ops in prop::collection::vec((0u8..3, 0i64..30), 0..150)) {
            let d = Dict::<GilHeap>::new();
            for (op, k) in ops {
                match op {
                    0 => d.set(i(k), i(k + 100)).unwrap(),
                    1 => drop(d.remove(&i(k)).unwrap()),
                    _ => drop(d.popitem()),
                }
            }
            let mut walked = Vec::new();
            let mut pos = 0;
            while let Some((p, k, v)) = d.entry_at(pos) {
                prop_assert!(p >= pos);
                walked.push((int_of(&k), int_of(&v)));
                pos = p + 1;
            }
            let items: Vec<_> = d.items().iter().map(|(k, v)| (int_of(k), int_of(v))).collect();
            prop_assert_eq!(walked, items);
            // The copy iterates the same way.
            let copied: Vec<_> = d.copy().items().iter().map(|(k, v)| (int_of(k), int_of(v))).collect();
            let items: Vec<_> = d.items().iter().map(|(k, v)| (int_of(k), int_of(v))).collect();
            prop_assert_eq!(copied, items);
        }

        /// `update_from` agrees with inserting the other dict's items one by
        /// one, and `candidates` finds every key under its own hash.
        #[test]
        fn update_matches_item_by_item(a in prop::collection::vec((0i64..20, 0i64..5), 0..30),
                                       b in prop::collection::vec((0i64..20, 0i64..5), 0..30)) {
            let mk = |pairs: &[(i64, i64)]| {
                Dict::<GilHeap>::from_pairs(pairs.iter().map(|&(k, v)| (i(k), i(v))).collect()).unwrap()
            };
            let (x, y, z) = (mk(&a), mk(&b), mk(&a));
            x.update_from(&y);
            for (k, v) in y.items() {
                z.set(k, v).unwrap();
            }
            let flat = |d: &Dict<GilHeap>| -> Vec<(i64, i64)> {
                d.items().iter().map(|(k, v)| (int_of(k), int_of(v))).collect()
            };
            prop_assert_eq!(flat(&x), flat(&z));
            for k in x.keys() {
                let h = keys::hash(&k).unwrap();
                prop_assert!(x.candidates(h).iter().any(|c| c.is_same(&k)));
            }
        }
    }
}
