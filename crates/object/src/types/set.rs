//! `set` and `frozenset`: CPython's set table
//! ([`SetTable`](super::set_table)) inside a critical section of the heap's
//! object lock.
//!
//! A [`FrozenSet`] owns a [`Set`] it never changes after it is made: its
//! only accessor is [`SetView`], which has no mutating method, so the type
//! system, not a convention, keeps a frozenset frozen (the cycle
//! collector's `clear` is the one exception, as in CPython). Its hash is
//! CPython 3.11's `frozenset_hash`, computed from the hashes stored in the
//! table and cached. [`ObjRef::as_set_view`] reads either kind.
//!
//! A set iterates, prints and `pop()`s in CPython's order for keys whose
//! hashes match CPython's (ints, floats, bools and tuples of them; see the
//! table's module docs for why strings differ). Keys are hashed before the
//! critical section is entered, compared inside it with the pure
//! [`keys::eq`], and every displaced key is dropped after it ends.
//!
//! The `_hashed` methods and [`Set::candidates`] serve keys with a
//! user-defined `__hash__` / `__eq__`, as for `dict` (see
//! [`Dict`](crate::types::Dict)): the VM computes the hash and runs the user
//! `__eq__` with the set unlocked.

#![allow(unsafe_code)] // unsafe impl Payload

use super::set_table::SetTable;
use std::sync::atomic::{AtomicI64, Ordering};

use crate::keys::{self, Unhashable};
use crate::locked::Locked;
use crate::{HeapPolicy, Kind, ObjRef, Payload, WeakList};
use ftl_algorithms::hash::PyHash;

/// The payload of a `set`.
pub struct Set<P: HeapPolicy> {
    table: Locked<P::Lock, SetTable<P>>,
    /// The weak references to this set (`weakref.ref({1})`, a `WeakSet`
    /// of sets).
    weakrefs: WeakList<P>,
}

impl<P: HeapPolicy> Default for Set<P> {
    fn default() -> Self {
        Self::new()
    }
}

impl<P: HeapPolicy> Set<P> {
    /// An empty set.
    pub fn new() -> Self {
        Self::from_table(SetTable::new())
    }

    fn from_table(table: SetTable<P>) -> Self {
        Set {
            table: Locked::new(table),
            weakrefs: WeakList::default(),
        }
    }

    /// `set(items)` (and a set display `{a, b, c}` built item by item): the
    /// items added in order.
    pub fn from_items(items: Vec<ObjRef<P>>) -> Result<Set<P>, Unhashable> {
        let mut table = SetTable::new();
        for key in items {
            let hash = keys::hash(&key)?;
            // No critical section yet: the new table is not shared, so a
            // duplicate may drop here.
            drop(table.add(hash, key));
        }
        Ok(Self::from_table(table))
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
        Ok(self.contains_hashed(keys::hash(key)?, key))
    }

    /// [`contains`](Self::contains) with a hash the caller computed.
    pub fn contains_hashed(&self, hash: PyHash, key: &ObjRef<P>) -> bool {
        self.table.with(|t| t.contains(hash, key))
    }

    /// Whether some key ever stored since the set was last emptied was
    /// [`keys::is_opaque`](crate::keys::is_opaque): a lookup that misses by
    /// the built-in equality must then be confirmed by the VM's own
    /// equality over [`candidates`](Self::candidates).
    pub fn has_opaque_keys(&self) -> bool {
        self.table.with(|t| t.has_opaque_keys())
    }

    /// `s.add(key)`; `true` if it was not a member.
    pub fn add(&self, key: ObjRef<P>) -> Result<bool, Unhashable> {
        let hash = keys::hash(&key)?;
        Ok(self.add_hashed(hash, key))
    }

    /// [`add`](Self::add) with a hash the caller computed.
    pub fn add_hashed(&self, hash: PyHash, key: ObjRef<P>) -> bool {
        let present = self.table.with(|t| t.add(hash, key));
        let added = present.is_none();
        drop(present); // outside the critical section
        added
    }

    /// `s.discard(key)`; `true` if it was a member.
    pub fn discard(&self, key: &ObjRef<P>) -> Result<bool, Unhashable> {
        Ok(self.discard_hashed(keys::hash(key)?, key))
    }

    /// [`discard`](Self::discard) with a hash the caller computed.
    pub fn discard_hashed(&self, hash: PyHash, key: &ObjRef<P>) -> bool {
        let old = self.table.with(|t| t.discard(hash, key));
        old.is_some() // the stored key drops here, outside
    }

    /// New references to the members stored with exactly `hash`, in probe
    /// order: the keys a user `__eq__` must be tried against.
    pub fn candidates(&self, hash: PyHash) -> Vec<ObjRef<P>> {
        self.table.with(|t| t.candidates(hash))
    }

    /// The first member in a table slot `>= pos`, with its slot: an
    /// iterator's step (call again with the slot plus one), in CPython's
    /// iteration order. Slots stay valid while the set's length does not
    /// change.
    pub fn entry_at(&self, pos: usize) -> Option<(usize, ObjRef<P>)> {
        self.table
            .with(|t| t.entry_at(pos).map(|(i, k)| (i, k.clone())))
    }

    /// `s.pop()`: removes and returns the member CPython would.
    pub fn pop(&self) -> Option<ObjRef<P>> {
        self.table.with(|t| t.pop())
    }

    /// `s.copy()`: a new set with the same members, laid out as CPython lays
    /// out a copy (which may iterate differently from the original).
    pub fn copy(&self) -> Set<P> {
        Self::from_table(self.table.with(|t| t.copy()))
    }

    /// `self.update(other)` for a set `other` (CPython's `set_merge`): both
    /// are locked at once (in address order); `s.update(s)` changes nothing.
    pub fn update_from(&self, other: &Set<P>) {
        let displaced = self.table.with2(&other.table, |dst, src| dst.merge(src));
        drop(displaced); // outside both critical sections
    }

    /// Takes `other`'s members, layout included, leaving `other` empty
    /// (CPython's `set_swap_bodies`, as `s &= t` uses it).
    pub fn take_contents_of(&self, other: &Set<P>) {
        let taken = other.table.with(|t| core::mem::replace(t, SetTable::new()));
        let old = self.table.with(|t| core::mem::replace(t, taken));
        drop(old); // outside the critical section
    }

    /// Removes every member.
    pub fn clear(&self) {
        let old = self.table.with(|t| t.take_all());
        drop(old);
    }

    /// New references to the members, in CPython's iteration order.
    pub fn members(&self) -> Vec<ObjRef<P>> {
        self.table.with(|t| t.keys().cloned().collect())
    }
}

// SAFETY: the table is behind the heap's object lock (`Locked`).
unsafe impl<P: HeapPolicy> Payload<P> for Set<P> {
    const NAME: &'static str = "set";
    const KIND: Kind = Kind::Set;
    const GC: bool = true;
    const FINALIZE: bool = true;

    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef<P>)) {
        // Visit outside the critical section (`visit` is any code, and may
        // use this very set): the keys as of now, held by the snapshot.
        self.members().iter().for_each(&mut *visit);
        self.weakrefs.traverse(visit);
    }

    unsafe fn traverse_in_place(&self, visit: &mut dyn FnMut(&ObjRef<P>)) {
        // The caller's visitor does not reach this set (the contract).
        self.table.with(|t| t.keys().for_each(&mut *visit));
        self.weakrefs.traverse(visit);
    }

    fn weak_list(&self) -> Option<&WeakList<P>> {
        Some(&self.weakrefs)
    }

    fn clear(&self) {
        Set::clear(self)
    }
}

/// The payload of a `frozenset`: a set that is never changed once made.
pub struct FrozenSet<P: HeapPolicy> {
    set: Set<P>,
    /// The hash, or -1 before it is first computed.
    hash: AtomicI64,
}

impl<P: HeapPolicy> FrozenSet<P> {
    /// A frozenset of the members of `set`.
    pub fn new(set: Set<P>) -> Self {
        FrozenSet {
            set,
            hash: AtomicI64::new(-1),
        }
    }

    /// Read access to the members.
    pub fn view(&self) -> SetView<'_, P> {
        SetView(&self.set)
    }

    /// `hash(fs)`: CPython 3.11's `frozenset_hash` over the hashes stored
    /// with the members (so it never runs user code), cached.
    pub fn hash(&self) -> PyHash {
        let cached = self.hash.load(Ordering::Relaxed);
        if cached != -1 {
            return cached;
        }
        // Each member's hash, its bits shuffled, xor-ed in (xor: order
        // does not matter), then the size and a final dispersion.
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let (mut h, n) = self.set.table.with(|t| {
            let h = t
                .key_hashes()
                .fold(0u64, |acc, kh| acc ^ shuffle(kh as u64));
            (h, t.len() as u64)
        });
        h ^= (n + 1).wrapping_mul(1927868237);
        h ^= (h >> 11) ^ (h >> 25);
        h = h.wrapping_mul(69069).wrapping_add(907133923);
        let mut h = h as PyHash;
        if h == -1 {
            h = 590923713;
        }
        self.hash.store(h, Ordering::Relaxed);
        h
    }
}

// SAFETY: an immutable `Set` (which is itself shareable) and an atomic
// hash cache.
unsafe impl<P: HeapPolicy> Payload<P> for FrozenSet<P> {
    const NAME: &'static str = "frozenset";
    const KIND: Kind = Kind::FrozenSet;
    const GC: bool = true;
    const FINALIZE: bool = true;

    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef<P>)) {
        <Set<P> as Payload<P>>::traverse(&self.set, visit)
    }

    unsafe fn traverse_in_place(&self, visit: &mut dyn FnMut(&ObjRef<P>)) {
        // SAFETY: the caller's contract, passed on to the set's.
        unsafe { <Set<P> as Payload<P>>::traverse_in_place(&self.set, visit) }
    }

    fn weak_list(&self) -> Option<&WeakList<P>> {
        Some(&self.set.weakrefs)
    }

    fn clear(&self) {
        // The collector breaking a cycle (CPython clears frozensets too).
        self.set.clear()
    }
}

/// Read-only access to a `set` or a `frozenset`.
///
/// It has no method that changes the set, which is what keeps a
/// frozenset frozen:
///
/// ```compile_fail
/// # use ftl_object::{GilHeap, ObjRef};
/// # use ftl_object::types::Set;
/// let fs = ObjRef::<GilHeap>::from_frozenset(Set::new());
/// fs.as_set_view().unwrap().add(ObjRef::from_i64(1)); // no such method
/// ```
#[derive(Clone, Copy)]
pub struct SetView<'a, P: HeapPolicy>(&'a Set<P>);

impl<'a, P: HeapPolicy> SetView<'a, P> {
    /// Number of members.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `key in s` with a hash the caller computed.
    pub fn contains_hashed(&self, hash: PyHash, key: &ObjRef<P>) -> bool {
        self.0.contains_hashed(hash, key)
    }

    /// See [`Set::has_opaque_keys`].
    pub fn has_opaque_keys(&self) -> bool {
        self.0.has_opaque_keys()
    }

    /// See [`Set::candidates`].
    pub fn candidates(&self, hash: PyHash) -> Vec<ObjRef<P>> {
        self.0.candidates(hash)
    }

    /// See [`Set::entry_at`].
    pub fn entry_at(&self, pos: usize) -> Option<(usize, ObjRef<P>)> {
        self.0.entry_at(pos)
    }

    /// New references to the members, in CPython's iteration order.
    pub fn members(&self) -> Vec<ObjRef<P>> {
        self.0.members()
    }

    /// A new, independent set with the same members and layout.
    pub fn copy(&self) -> Set<P> {
        self.0.copy()
    }

    /// The underlying set, to merge from ([`Set::update_from`]).
    pub fn as_source(&self) -> &'a Set<P> {
        self.0
    }
}

impl<P: HeapPolicy> ObjRef<P> {
    /// A `frozenset` of the members of `set`.
    pub fn from_frozenset(set: Set<P>) -> Self {
        ObjRef::new(FrozenSet::new(set))
    }

    /// The payload of a `frozenset`.
    #[inline]
    pub fn as_frozenset(&self) -> Option<&FrozenSet<P>> {
        self.downcast::<FrozenSet<P>>()
    }

    /// Read access to a `set` or a `frozenset`.
    #[inline]
    pub fn as_set_view(&self) -> Option<SetView<'_, P>> {
        match self.kind() {
            Kind::Set => self.as_set().map(SetView),
            Kind::FrozenSet => self.as_frozenset().map(FrozenSet::view),
            _ => None,
        }
    }

    /// An empty `set`.
    pub fn new_set() -> Self {
        ObjRef::new(Set::new())
    }

    /// A `set` object owning `set`.
    pub fn from_set(set: Set<P>) -> Self {
        ObjRef::new(set)
    }

    /// The payload of a `set`.
    #[inline]
    pub fn as_set(&self) -> Option<&Set<P>> {
        self.downcast::<Set<P>>()
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use crate::{Accounting, GilHeap};
    use proptest::prelude::*;

    type R = ObjRef<GilHeap>;

    fn i(v: i64) -> R {
        R::from_i64(v)
    }
    fn ints(objs: &[R]) -> Vec<i64> {
        objs.iter()
            .map(|o| o.as_int().and_then(|v| v.as_i64()).expect("an i64 int"))
            .collect()
    }

    #[test]
    fn frozenset_hash_is_cpythons() {
        // python3.11: hash(frozenset()), hash(frozenset({1, 2, 3})),
        // hash(frozenset({-1, 2**61})) (member hashes -2 and 1).
        let fs = |items: Vec<R>| R::from_frozenset(Set::from_items(items).unwrap());
        assert_eq!(keys::hash(&fs(vec![])).unwrap(), 133146708735736);
        assert_eq!(
            keys::hash(&fs(vec![i(1), i(2), i(3)])).unwrap(),
            -272375401224217160
        );
        let big = R::from_int(ftl_algorithms::int::IntValue::from_bigint(
            num_bigint::BigInt::from(1u64 << 61),
        ));
        assert_eq!(
            keys::hash(&fs(vec![i(-1), big])).unwrap(),
            584910270279099428
        );
        // Order does not matter; the hash is cached and stays the same.
        let a = fs(vec![i(3), i(1), i(2)]);
        assert_eq!(keys::hash(&a).unwrap(), -272375401224217160);
        assert_eq!(keys::hash(&a).unwrap(), -272375401224217160);
    }

    #[test]
    fn frozenset_equals_sets_with_the_same_members() {
        let a = R::from_frozenset(Set::from_items(vec![i(1), i(2)]).unwrap());
        let b = R::from_frozenset(Set::from_items(vec![i(2), i(1)]).unwrap());
        let c = R::from_frozenset(Set::from_items(vec![i(1)]).unwrap());
        assert!(keys::eq(&a, &b));
        assert!(!keys::eq(&a, &c));
        assert_eq!(a.as_set_view().map(|v| v.len()), Some(2));
        assert!(R::from_i64(1).as_set_view().is_none());
        // A frozenset is a dict key; a set is not.
        assert!(keys::hash(&R::new_set()).is_err());
    }

    #[test]
    fn hashed_variants_and_candidates() {
        let s = Set::<GilHeap>::new();
        let k = R::new_str("k");
        assert!(s.add_hashed(5, k.clone()));
        assert!(!s.add_hashed(5, R::new_str("k")));
        assert!(s.contains_hashed(5, &k));
        assert!(!s.contains(&k).unwrap()); // under its real hash: absent
        let other = R::new_str("other");
        assert!(s.add_hashed(5, other.clone()));
        let c = s.candidates(5);
        assert_eq!(c.len(), 2);
        assert!(c[0].is_same(&k) && c[1].is_same(&other)); // probe order
        assert!(s.candidates(6).is_empty());
        assert!(s.discard_hashed(5, &k));
        assert!(!s.discard_hashed(5, &k));
        assert_eq!(s.len(), 1);
    }

    #[test]
    fn pop_copy_update_and_from_items() {
        let acct = Accounting::new();
        let _scope = acct.enter();
        // CPython: s = set([7, 1, 7.0, True, 2]); list(s) == [1, 2, 7]
        let s = Set::<GilHeap>::from_items(vec![
            i(7),
            i(1),
            R::from_f64(7.0),
            R::from_bool(true),
            i(2),
        ])
        .unwrap();
        assert_eq!(ints(&s.members()), vec![1, 2, 7]);
        let err = Set::<GilHeap>::from_items(vec![i(1), R::new_dict()]);
        assert_eq!(err.err().map(|e| e.type_name), Some("dict"));
        // CPython: t = s.copy(); t.update({9, 17}); list(t) == [1, 2, 17, 7, 9]
        let t = s.copy();
        t.update_from(&Set::from_items(vec![i(9), i(17)]).unwrap());
        assert_eq!(ints(&t.members()), vec![1, 2, 17, 7, 9]);
        t.update_from(&t); // t.update(t)
        assert_eq!(t.len(), 5);
        // CPython: [s.pop() for _ in range(3)] == [1, 2, 7]
        let popped: Vec<R> = (0..3).map(|_| s.pop().unwrap()).collect();
        assert_eq!(ints(&popped), vec![1, 2, 7]);
        assert!(s.pop().is_none());
        let obj = R::from_set(t);
        assert_eq!(obj.as_set().map(Set::len), Some(5));
        drop((obj, popped, s));
        assert_eq!(acct.live(), 0);
    }

    proptest! {
        #![proptest_config(crate::test_support::proptest_config())]

        /// Membership agrees with a HashSet model whatever numeric spelling
        /// the keys use, and `entry_at` walks exactly `members()`.
        #[test]
        fn agrees_with_a_hash_set(ops in prop::collection::vec((0u8..4, -20i64..60, any::<bool>()), 0..150)) {
            let s = Set::<GilHeap>::new();
            let mut model = std::collections::HashSet::new();
            for (op, v, as_float) in ops {
                let key = if as_float { R::from_f64(v as f64) } else { i(v) };
                match op {
                    0 | 1 => prop_assert_eq!(s.add(key).unwrap(), model.insert(v)),
                    2 => prop_assert_eq!(s.discard(&key).unwrap(), model.remove(&v)),
                    _ => prop_assert_eq!(s.contains(&key).unwrap(), model.contains(&v)),
                }
                prop_assert_eq!(s.len(), model.len());
            }
            let members = s.members();
            let mut walked = Vec::new();
            let mut pos = 0;
            while let Some((p, k)) = s.entry_at(pos) {
                prop_assert!(p >= pos);
                walked.push(k);
                pos = p + 1;
            }
            prop_assert_eq!(walked.len(), members.len());
            prop_assert!(walked.iter().zip(&members).all(|(a, b)| a.is_same(b)));
            let copy = s.copy();
            prop_assert_eq!(copy.len(), model.len());
            for v in &model {
                prop_assert!(copy.contains(&i(*v)).unwrap());
            }
        }
    }
}
