//! The hash table behind `set`, following CPython 3.11's
//! `Objects/setobject.c` so that a set iterates (and `pop()`s) in exactly
//! CPython's order for the same sequence of operations on keys with the same
//! hashes.
//!
//! # Layout and probing
//!
//! Open addressing over a power-of-two vector of slots (`mask + 1` of them,
//! at least [`MIN_SIZE`] = 8, CPython's `PySet_MINSIZE`). A slot is *empty*,
//! a *dummy* (left by a deletion, so that probe chains through it stay
//! intact) or *active* (a key with its Python hash). The first slot probed
//! for a hash `h` is `h & mask` — the raw Python hash, unlike the mixed hash
//! the dict's index uses — then the [`LINEAR_PROBES`] (9) slots after it when
//! they are all inside the table; then `perturb` (initially `h` as an
//! unsigned word) is shifted right by [`PERTURB_SHIFT`] (5) and the next run
//! starts at `(i * 5 + 1 + perturb) & mask`, the recurrence of CPython's
//! `set_lookkey`. Since `perturb` reaches zero and `i -> 5i + 1` visits every
//! slot of a power-of-two table, a probe sequence meets every slot.
//!
//! * Lookup walks the sequence, skipping dummies, until it finds the key (same
//!   stored hash and [`keys::eq`]) or an empty slot.
//! * Insertion walks the same way; if the key is absent it goes into the
//!   *last* dummy met on the way (as 3.11's `set_add_entry` does) or else
//!   into the empty slot that ended the walk. Only the latter raises `fill`
//!   (active + dummy slots); when `fill * 5 >= mask * 3` the table is rebuilt
//!   for `used * 4` keys (`used * 2` past 50,000): the smallest power of two
//!   above that, at least 8, with the active keys re-inserted in slot order of
//!   the old table into its first empty probe slot (`set_insert_clean`).
//! * Deletion turns the slot into a dummy; the table never shrinks on delete.
//! * `pop()` starts at `finger & mask`, takes the first active slot at or
//!   after it (wrapping), and leaves the finger just past it. The finger
//!   survives `clear()` and resizes, as in CPython; a copy starts at 0.
//! * Merging (`update` with a set, and `copy`, which merges into a new set)
//!   follows `set_merge`: one resize up front for `2 * (used + other.used)`
//!   when `(fill + other.used) * 5 >= mask * 3`, then a slot-for-slot copy
//!   when the target is empty, the masks agree and the source has no dummies,
//!   else clean inserts in the source's slot order when the target is empty,
//!   else ordinary inserts. So a copy need not iterate like its original,
//!   exactly as in CPython.
//!
//! Iteration walks the slots in order.
//!
//! # Which orders match CPython
//!
//! The order depends only on the hashes and the sequence of operations, so it
//! equals CPython's whenever the hashes do: ints, floats, bools, `None`-free
//! tuples of those. `str` and `bytes` hash with SipHash under a fixed zero key
//! (see [`ftl_algorithms::hash`]) where CPython randomizes the key per process, so
//! sets of strings iterate in an order CPython only shows with
//! `PYTHONHASHSEED=0` (and then only for ASCII text); identity-hashed objects
//! depend on addresses in both.
//!
//! # Invariants
//!
//! * `slots` is empty (a new or cleared table, not yet allocated; it behaves
//!   as `mask + 1 == 8` empty slots) or has exactly `mask + 1` slots, a power
//!   of two `>= 8`.
//! * `used` counts active slots and `fill` active plus dummy slots, and
//!   `fill <= mask` always holds after an insertion's resize check, so every
//!   probe sequence meets an empty slot and every walk ends.
//! * An empty slot has no key and hash 0; a dummy has no key and hash
//!   [`DUMMY_HASH`]; an active slot has a key (its hash may be any value the
//!   caller computed, since slots are told apart by the key, not the hash).
//!
//! Every method runs inside the owning set's critical section, so none drops
//! a reference: displaced keys are returned to the caller.

use crate::keys;
use crate::{HeapPolicy, ObjRef};
use ftl_algorithms::hash::PyHash;

/// The smallest table (`PySet_MINSIZE`).
pub(crate) const MIN_SIZE: usize = 8;
/// Consecutive slots probed after the first one of each run.
pub(crate) const LINEAR_PROBES: u64 = 9;
/// How far `perturb` shifts between runs.
pub(crate) const PERTURB_SHIFT: u32 = 5;
/// The hash of a dummy slot (CPython's marker; never read for active slots).
const DUMMY_HASH: PyHash = -1;

/// One slot: empty (no key, hash 0), dummy (no key, [`DUMMY_HASH`]) or
/// active (a key and its hash).
pub(crate) struct Slot<P: HeapPolicy> {
    hash: PyHash,
    key: Option<ObjRef<P>>,
}

impl<P: HeapPolicy> Slot<P> {
    const EMPTY: Self = Slot { hash: 0, key: None };

    #[inline]
    fn is_empty(&self) -> bool {
        self.key.is_none() && self.hash != DUMMY_HASH
    }

    #[inline]
    fn is_dummy(&self) -> bool {
        self.key.is_none() && self.hash == DUMMY_HASH
    }

    /// Makes the slot a dummy, returning its key.
    #[inline]
    fn take(&mut self) -> Option<ObjRef<P>> {
        let key = self.key.take();
        if key.is_some() {
            self.hash = DUMMY_HASH;
        }
        key
    }
}

/// The probe sequence of one hash in a table of `mask + 1` slots: runs of
/// `1 + LINEAR_PROBES` consecutive slots (one when the run would pass the
/// end), each run starting at `(i * 5 + 1 + perturb) & mask`. Infinite; the
/// walker stops at an empty slot.
struct Probe {
    start: u64,
    offset: u64,
    run: u64,
    perturb: u64,
    mask: u64,
}

impl Probe {
    fn new(hash: PyHash, mask: usize) -> Self {
        let mask = mask as u64;
        let perturb = hash as u64;
        let start = perturb & mask;
        Probe {
            start,
            offset: 0,
            run: run_length(start, mask),
            perturb,
            mask,
        }
    }
}

fn run_length(start: u64, mask: u64) -> u64 {
    if start + LINEAR_PROBES <= mask {
        LINEAR_PROBES
    } else {
        0
    }
}

impl Iterator for Probe {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        if self.offset > self.run {
            self.perturb >>= PERTURB_SHIFT;
            self.start = self
                .start
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(self.perturb)
                & self.mask;
            self.offset = 0;
            self.run = run_length(self.start, self.mask);
        }
        let slot = self.start + self.offset;
        self.offset += 1;
        // slot <= mask, an index into the slot vector.
        Some(slot as usize)
    }
}

/// A set's hash table (see the module docs).
pub(crate) struct SetTable<P: HeapPolicy> {
    slots: Vec<Slot<P>>,
    mask: usize,
    fill: usize,
    used: usize,
    finger: usize,
    /// Some key ever stored was [`keys::is_opaque`] (cleared only when the
    /// table is emptied).
    opaque: bool,
}

impl<P: HeapPolicy> SetTable<P> {
    /// An empty table (8 slots, allocated on the first insertion).
    pub(crate) fn new() -> Self {
        SetTable {
            slots: Vec::new(),
            mask: MIN_SIZE - 1,
            fill: 0,
            used: 0,
            finger: 0,
            opaque: false,
        }
    }

    /// Number of keys.
    pub(crate) fn len(&self) -> usize {
        self.used
    }

    /// Whether some key ever stored (since the table was last emptied) was
    /// [`keys::is_opaque`].
    pub(crate) fn has_opaque_keys(&self) -> bool {
        self.opaque
    }

    /// Number of slots (a power of two, at least 8).
    #[cfg(all(test, not(loom)))]
    pub(crate) fn capacity(&self) -> usize {
        self.mask + 1
    }

    fn ensure_allocated(&mut self) {
        if self.slots.is_empty() {
            self.slots = empty_slots(self.mask + 1);
        }
    }

    /// The slot holding `key`, if present.
    fn lookup(&self, hash: PyHash, key: &ObjRef<P>) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        for i in Probe::new(hash, self.mask) {
            let slot = &self.slots[i];
            match &slot.key {
                Some(k) if slot.hash == hash && keys::eq(k, key) => return Some(i),
                Some(_) => {}
                None if slot.is_empty() => return None,
                None => {} // a dummy: keep probing
            }
        }
        None // not reached: the probe sequence is endless
    }

    /// `key in s`.
    pub(crate) fn contains(&self, hash: PyHash, key: &ObjRef<P>) -> bool {
        self.lookup(hash, key).is_some()
    }

    /// Adds `key`; if an equal key is present the set keeps it and `key` is
    /// given back (for the caller to drop outside the critical section).
    pub(crate) fn add(&mut self, hash: PyHash, key: ObjRef<P>) -> Option<ObjRef<P>> {
        self.ensure_allocated();
        self.opaque |= keys::is_opaque(&key);
        let mut freeslot = None;
        let mut unused = None;
        for i in Probe::new(hash, self.mask) {
            let slot = &self.slots[i];
            match &slot.key {
                Some(k) => {
                    if slot.hash == hash && keys::eq(k, &key) {
                        return Some(key);
                    }
                }
                None if slot.is_dummy() => freeslot = Some(i),
                None => {
                    unused = Some(i);
                    break;
                }
            }
        }
        self.used += 1;
        if let Some(i) = freeslot {
            self.slots[i] = Slot {
                hash,
                key: Some(key),
            };
            return None;
        }
        // The walk ends at an empty slot (module invariant).
        let i = unused.unwrap_or_default();
        self.slots[i] = Slot {
            hash,
            key: Some(key),
        };
        self.fill += 1;
        if self.fill * 5 >= self.mask * 3 {
            let minused = if self.used > 50_000 {
                self.used * 2
            } else {
                self.used * 4
            };
            self.resize(minused);
        }
        None
    }

    /// Removes `key`, returning the stored key object.
    pub(crate) fn discard(&mut self, hash: PyHash, key: &ObjRef<P>) -> Option<ObjRef<P>> {
        let i = self.lookup(hash, key)?;
        let old = self.slots[i].take();
        self.used -= 1;
        old
    }

    /// `s.pop()`: the first key at or after the finger, in slot order
    /// (wrapping); the finger moves past it.
    pub(crate) fn pop(&mut self) -> Option<ObjRef<P>> {
        if self.used == 0 {
            return None;
        }
        let mut i = self.finger & self.mask;
        while self.slots[i].key.is_none() {
            i = if i == self.mask { 0 } else { i + 1 };
        }
        let key = self.slots[i].take();
        self.used -= 1;
        self.finger = i + 1;
        key
    }

    /// Empties the table back to 8 slots (the finger stays, as in CPython),
    /// returning the old slots for the caller to drop.
    pub(crate) fn take_all(&mut self) -> Vec<Slot<P>> {
        self.mask = MIN_SIZE - 1;
        self.fill = 0;
        self.used = 0;
        self.opaque = false;
        core::mem::take(&mut self.slots)
    }

    /// The stored hashes of the keys, in slot order.
    pub(crate) fn key_hashes(&self) -> impl Iterator<Item = PyHash> + '_ {
        self.slots
            .iter()
            .filter(|s| s.key.is_some())
            .map(|s| s.hash)
    }

    /// The keys in slot order.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &ObjRef<P>> {
        self.slots.iter().filter_map(|s| s.key.as_ref())
    }

    /// The first key in a slot `>= pos`, with its slot.
    pub(crate) fn entry_at(&self, pos: usize) -> Option<(usize, &ObjRef<P>)> {
        self.slots
            .get(pos..)?
            .iter()
            .enumerate()
            .find_map(|(i, s)| s.key.as_ref().map(|k| (pos + i, k)))
    }

    /// New references to the keys stored with `hash`, in probe order.
    pub(crate) fn candidates(&self, hash: PyHash) -> Vec<ObjRef<P>> {
        let mut found = Vec::new();
        if self.slots.is_empty() {
            return found;
        }
        for i in Probe::new(hash, self.mask) {
            let slot = &self.slots[i];
            match &slot.key {
                Some(k) if slot.hash == hash => found.push(k.clone()),
                None if slot.is_empty() => break,
                _ => {}
            }
        }
        found
    }

    /// Rebuilds the table with the smallest power-of-two size above
    /// `minused` (at least 8), re-inserting the keys in slot order
    /// (`set_table_resize`).
    fn resize(&mut self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        if size == MIN_SIZE && self.mask + 1 == MIN_SIZE && self.fill == self.used {
            return; // small already and no dummies to purge
        }
        let old = core::mem::replace(&mut self.slots, empty_slots(size));
        self.mask = size - 1;
        self.fill = self.used;
        for slot in old {
            if let Some(key) = slot.key {
                self.insert_clean(slot.hash, key);
            }
        }
    }

    /// Puts a key known to be absent into the first empty slot of its probe
    /// sequence, in a table without dummies (`set_insert_clean`). Leaves
    /// `fill` and `used` to the caller.
    fn insert_clean(&mut self, hash: PyHash, key: ObjRef<P>) {
        self.opaque |= keys::is_opaque(&key);
        for i in Probe::new(hash, self.mask) {
            if self.slots[i].key.is_none() {
                self.slots[i] = Slot {
                    hash,
                    key: Some(key),
                };
                return;
            }
        }
    }

    /// Adds new references to every key of `other` (`set_merge`; see the
    /// module docs), returning the references that were already present,
    /// for the caller to drop outside the critical section.
    pub(crate) fn merge(&mut self, other: &SetTable<P>) -> Vec<ObjRef<P>> {
        let mut displaced = Vec::new();
        if other.used == 0 {
            return displaced;
        }
        if (self.fill + other.used) * 5 >= self.mask * 3 {
            self.resize((self.used + other.used) * 2);
        }
        self.ensure_allocated();
        self.opaque |= other.opaque;
        if self.fill == 0 && self.mask == other.mask && other.fill == other.used {
            for (dst, src) in self.slots.iter_mut().zip(&other.slots) {
                if let Some(k) = &src.key {
                    *dst = Slot {
                        hash: src.hash,
                        key: Some(k.clone()),
                    };
                }
            }
            self.fill = other.fill;
            self.used = other.used;
        } else if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for src in &other.slots {
                if let Some(k) = &src.key {
                    self.insert_clean(src.hash, k.clone());
                }
            }
        } else {
            for src in &other.slots {
                if let Some(k) = &src.key {
                    displaced.extend(self.add(src.hash, k.clone()));
                }
            }
        }
        displaced
    }

    /// A new table holding new references to the same keys, as `s.copy()`
    /// builds it (a merge into an empty set).
    pub(crate) fn copy(&self) -> SetTable<P> {
        let mut t = SetTable::new();
        // Merging into an empty table never displaces a key.
        let displaced = t.merge(self);
        debug_assert!(displaced.is_empty());
        t
    }
}

fn empty_slots<P: HeapPolicy>(n: usize) -> Vec<Slot<P>> {
    core::iter::repeat_with(|| Slot::EMPTY).take(n).collect()
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use crate::GilHeap;
    use proptest::prelude::*;

    type R = ObjRef<GilHeap>;

    fn add(t: &mut SetTable<GilHeap>, v: i64) -> bool {
        let k = R::from_i64(v);
        t.add(keys::hash(&k).unwrap(), k).is_none()
    }

    fn discard(t: &mut SetTable<GilHeap>, v: i64) -> bool {
        let k = R::from_i64(v);
        t.discard(keys::hash(&k).unwrap(), &k).is_some()
    }

    fn order(t: &SetTable<GilHeap>) -> Vec<i64> {
        t.keys()
            .map(|k| k.as_int().and_then(|i| i.as_i64()).unwrap())
            .collect()
    }

    #[test]
    fn probe_sequence_follows_setobject_c() {
        // mask 7: runs of one slot (i + 9 > 7), i -> 5i + 1 + (perturb >>= 5).
        let got: Vec<usize> = Probe::new(3, 7).take(4).collect();
        assert_eq!(got, vec![3, 0, 1, 6]);
        // mask 31, start 2: a run of 10 slots, then (2*5 + 1 + 0) & 31 = 11.
        let got: Vec<usize> = Probe::new(2, 31).take(12).collect();
        assert_eq!(got, vec![2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 11, 12]);
        // A negative hash probes from its unsigned value: -1 & 31 = 31.
        assert_eq!(Probe::new(-1, 31).next(), Some(31));
    }

    #[test]
    fn growth_follows_the_fill_rule() {
        // CPython: sys.getsizeof(set) grows at the 5th add (8 -> 32 slots),
        // then at the 19th (fill*5 >= 31*3 -> 19*4 = 76 -> 128 slots).
        let mut t = SetTable::<GilHeap>::new();
        assert_eq!(t.capacity(), 8);
        for v in 0..4 {
            assert!(add(&mut t, v));
        }
        assert_eq!(t.capacity(), 8);
        add(&mut t, 4);
        assert_eq!(t.capacity(), 32);
        for v in 5..18 {
            add(&mut t, v);
        }
        assert_eq!(t.capacity(), 32);
        add(&mut t, 18);
        assert_eq!(t.capacity(), 128);
        assert!(!add(&mut t, 18));
        assert_eq!(t.len(), 19);
        // Deleting never shrinks; clearing goes back to 8.
        for v in 0..19 {
            assert!(discard(&mut t, v));
        }
        assert_eq!(t.capacity(), 128);
        drop(t.take_all());
        assert_eq!((t.capacity(), t.len()), (8, 0));
    }

    #[test]
    fn dummies_are_reused_by_the_last_one_on_the_chain() {
        // CPython 3.11:
        //   s = set(); [s.add(v) for v in (1, 9, 17, 25)]   # slots 1, 6, 7, 4
        //   list(s) == [1, 25, 9, 17]
        //   s.discard(1); s.discard(9); s.add(9); list(s) == [25, 9, 17]
        // (9's probe chain passes both dummies, slots 1 and 6; it takes the
        // last one.)
        let mut t = SetTable::<GilHeap>::new();
        for v in [1, 9, 17, 25] {
            add(&mut t, v);
        }
        assert_eq!(order(&t), vec![1, 25, 9, 17]);
        discard(&mut t, 1);
        discard(&mut t, 9);
        add(&mut t, 9);
        assert_eq!(order(&t), vec![25, 9, 17]);
        assert_eq!((t.len(), t.fill), (3, 4));
        // CPython: s = {0, 8, 16, 24} (added in that order); s.discard(0);
        // s.discard(16); s.add(32); list(s) == [32, 8, 24] (32 >> 5 == 1
        // sends its second run elsewhere, so only slot 0 is on its chain).
        let mut t = SetTable::<GilHeap>::new();
        for v in [0, 8, 16, 24] {
            add(&mut t, v);
        }
        discard(&mut t, 0);
        discard(&mut t, 16);
        add(&mut t, 32);
        assert_eq!(order(&t), vec![32, 8, 24]);
    }

    #[test]
    fn pop_follows_the_finger_across_a_resize() {
        // CPython 3.11:
        //   s = set(); [s.add(v) for v in (1, 9, 17, 25)]; s.pop() == 1
        //   s.add(1); s.add(2)     # the 5th fill resizes to 32 slots
        //   list(s) == [1, 2, 9, 17, 25]
        //   [s.pop() for _ in range(5)] == [2, 9, 17, 25, 1]
        let mut t = SetTable::<GilHeap>::new();
        for v in [1, 9, 17, 25] {
            add(&mut t, v);
        }
        let first = t.pop().unwrap();
        assert_eq!(first.as_int().unwrap().as_i64(), Some(1));
        add(&mut t, 1);
        add(&mut t, 2);
        assert_eq!(order(&t), vec![1, 2, 9, 17, 25]);
        let popped: Vec<i64> = (0..5)
            .map(|_| t.pop().unwrap().as_int().unwrap().as_i64().unwrap())
            .collect();
        assert_eq!(popped, vec![2, 9, 17, 25, 1]);
        assert!(t.pop().is_none());
    }

    #[test]
    fn entry_at_and_candidates() {
        let mut t = SetTable::<GilHeap>::new();
        assert!(t.entry_at(0).is_none());
        assert!(t.candidates(1).is_empty());
        for v in [1, 9, 2] {
            add(&mut t, v);
        }
        let (p, k) = t.entry_at(0).unwrap();
        assert_eq!((p, k.as_int().unwrap().as_i64()), (1, Some(1)));
        let (p2, _) = t.entry_at(p + 1).unwrap();
        assert!(p2 > p);
        assert!(t.entry_at(100).is_none());
        assert_eq!(t.candidates(9).len(), 1);
        assert!(t.candidates(17).is_empty());
    }

    proptest! {
        #![proptest_config(crate::test_support::proptest_config())]

        /// Membership, counts and the fill bound agree with a HashSet model
        /// under random adds, discards and pops over colliding keys.
        #[test]
        fn agrees_with_a_hash_set(ops in prop::collection::vec((0u8..3, -40i64..40), 1..200)) {
            let mut t = SetTable::<GilHeap>::new();
            let mut model = std::collections::HashSet::new();
            for (op, v) in ops {
                let v = v * 8; // all collide mod 8
                match op {
                    0 => prop_assert_eq!(add(&mut t, v), model.insert(v)),
                    1 => prop_assert_eq!(discard(&mut t, v), model.remove(&v)),
                    _ => {
                        let got = t.pop().map(|k| k.as_int().unwrap().as_i64().unwrap());
                        prop_assert_eq!(got.is_some(), !model.is_empty());
                        if let Some(g) = got {
                            prop_assert!(model.remove(&g));
                        }
                    }
                }
                prop_assert_eq!(t.len(), model.len());
                prop_assert!(t.fill <= t.mask);
                let mut got = order(&t);
                got.sort_unstable();
                let mut want: Vec<i64> = model.iter().copied().collect();
                want.sort_unstable();
                prop_assert_eq!(got, want);
            }
            let copy = t.copy();
            prop_assert_eq!(copy.len(), t.len());
            prop_assert!(t.keys().all(|k| copy.contains(keys::hash(k).unwrap(), k)));
        }
    }
}
