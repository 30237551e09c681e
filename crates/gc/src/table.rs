//! Tracking without a shared list: the free-threaded heaps' tables of
//! tracked objects.
//!
//! On a GIL heap every tracked container sits on a generation's doubly
//! linked list ([`list`](crate::list)), and birth and death link and
//! unlink it. On a free-threaded heap that list would be one more thing
//! every thread writes on every allocation: behind a lock, measured here
//! at five times the time of a two-thread allocation loop (`docs/gc.md`).
//! CPython 3.13t has no list at all: a tracked object is a bit in its
//! header, and the collector walks mimalloc's heaps, with the world
//! stopped, to find them (`Python/gc_free_threading.c`,
//! `gc_visit_heaps`). ftl has no allocator of its own to walk, so it keeps
//! the same shape with a table:
//!
//! * Each interpreter thread owns a [`Table`]: segments of *slots*, each
//!   slot an atomic word that holds the address of one tracked object's
//!   links, or null. A new container takes a free slot of its thread's
//!   table (owner only: no atomic read-modify-write, no lock), and its
//!   links remember the slot: `prev` holds the slot's address and `next`
//!   the sentinel [`TABLED`](ftl_object::gc_hooks::TABLED).
//! * A container that dies, on any thread, stores null into its slot (one
//!   relaxed store; the slot may be in another thread's table). The owner
//!   finds such holes when its cursor passes them and fills them again.
//! * A collection stops the world and walks every slot of every segment
//!   (the [`Registry`] keeps them all, also those of threads that ended)
//!   as 3.13t walks its heaps; see [`Collector::collect_in`](crate::Collector::collect_in).
//!
//! ## Invariants
//!
//! * A non-null slot holds the links of a live tracked object whose
//!   `prev` is that slot's address and whose `next` is `TABLED`; a tabled
//!   object is in exactly one slot.
//! * Only the table's owner stores a non-null value into a slot, and only
//!   into a slot it read as null. Any thread stores null into the slot of
//!   the object it frees; nobody else writes a non-null slot. So an owner
//!   that reads null may fill the slot: the object that was there is gone
//!   and nobody else will write it.
//! * The collector reads and rewrites slots and links only with the world
//!   stopped, which orders it after every thread's earlier stores.
//! * Segments are never freed while their collector lives; an object that
//!   outlives its collector was untracked by the collector's drop.
//!
//! Finding a hole costs a walk of the cursor: after a walk of the whole
//! table that finds none, the table grows by a segment as large as the
//! table (at least [`SEGMENT_SLOTS`]), so the cost of a track is constant
//! when amortised.

use ftl_core::sync::AtomicPtr;
use ftl_core::sync::Mutex;
use ftl_core::sync::Ordering::Relaxed;
// Counted handles to segments only (their refcounts are no protocol of
// ours): std's `Arc` under loom too.
use std::sync::Arc;

/// Slots in a table's first segment.
#[cfg(not(loom))]
pub(crate) const SEGMENT_SLOTS: usize = 1024;
/// Slots in a table's first segment (tiny under loom, which models every
/// slot's atomic).
#[cfg(loom)]
pub(crate) const SEGMENT_SLOTS: usize = 2;

/// One slot: the links of a tracked object, or null.
pub(crate) type Slot = AtomicPtr<()>;

/// A fixed array of slots; its address never changes.
pub(crate) struct Segment {
    slots: Box<[Slot]>,
}

impl Segment {
    fn new(len: usize) -> Arc<Segment> {
        Arc::new(Segment {
            slots: (0..len)
                .map(|_| AtomicPtr::new(core::ptr::null_mut()))
                .collect(),
        })
    }

    /// The slots.
    pub(crate) fn slots(&self) -> &[Slot] {
        &self.slots
    }
}

/// Every segment of one collector's tables, for the collector's walks,
/// and the segments of threads that ended, for the next thread to adopt.
pub(crate) struct Registry {
    all: Mutex<Vec<Arc<Segment>>>,
    orphans: Mutex<Vec<Arc<Segment>>>,
}

impl Default for Registry {
    fn default() -> Self {
        Registry {
            all: Mutex::new(Vec::new()),
            orphans: Mutex::new(Vec::new()),
        }
    }
}

impl Registry {
    /// Calls `f` with each segment (the collector's walks, with the world
    /// stopped).
    pub(crate) fn each_segment(&self, mut f: impl FnMut(&Segment)) {
        let all: Vec<Arc<Segment>> = self.all.lock().clone();
        for s in &all {
            f(s);
        }
    }

    /// The number of non-null slots.
    pub(crate) fn occupied(&self) -> usize {
        let mut n = 0;
        self.each_segment(|s| {
            n += s
                .slots()
                .iter()
                .filter(|slot| !slot.load(Relaxed).is_null())
                .count()
        });
        n
    }
}

/// One thread's table: its segments and where its cursor is. Owned by one
/// thread (it is `Send`, so a thread can hand it on, but not `Sync`).
pub(crate) struct Table {
    registry: Arc<Registry>,
    segments: Vec<Arc<Segment>>,
    /// The segment and slot the cursor is at.
    seg: usize,
    slot: usize,
    /// Slots in all segments.
    capacity: usize,
    /// Occupied slots the cursor passed since it last found a hole.
    scanned: usize,
}

impl Table {
    /// A table for a new thread: it adopts the segments of threads that
    /// ended (their holes are its to fill).
    pub(crate) fn new(registry: Arc<Registry>) -> Table {
        let segments: Vec<Arc<Segment>> = core::mem::take(&mut *registry.orphans.lock());
        let capacity = segments.iter().map(|s| s.slots().len()).sum();
        Table {
            registry,
            segments,
            seg: 0,
            slot: 0,
            capacity,
            scanned: 0,
        }
    }

    /// Puts `links` into a free slot and returns the slot.
    pub(crate) fn claim(&mut self, links: *mut ()) -> &Slot {
        loop {
            if self.segments.is_empty() || self.scanned >= self.capacity {
                self.grow();
            }
            let len = self.segments[self.seg].slots().len();
            if self.slot == len {
                self.slot = 0;
                self.seg = (self.seg + 1) % self.segments.len();
                continue;
            }
            let i = self.slot;
            self.slot += 1;
            if self.segments[self.seg].slots()[i].load(Relaxed).is_null() {
                self.scanned = 0;
                let slot = &self.segments[self.seg].slots()[i];
                slot.store(links, Relaxed);
                return slot;
            }
            self.scanned += 1;
        }
    }

    /// Adds a segment as large as the table (at least [`SEGMENT_SLOTS`])
    /// and moves the cursor to its start.
    fn grow(&mut self) {
        let len = self.capacity.max(SEGMENT_SLOTS);
        let segment = Segment::new(len);
        self.registry.all.lock().push(segment.clone());
        self.segments.push(segment);
        self.capacity += len;
        self.seg = self.segments.len() - 1;
        self.slot = 0;
        self.scanned = 0;
    }
}

impl Drop for Table {
    fn drop(&mut self) {
        // The objects in these slots outlive the thread: the next thread
        // adopts the segments (the registry keeps them for the collector
        // either way).
        self.registry.orphans.lock().append(&mut self.segments);
    }
}

/// Stores null into the slot of an object that leaves the table.
pub(crate) fn release(slot: &Slot) {
    slot.store(core::ptr::null_mut(), Relaxed);
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    fn fake(i: usize) -> *mut () {
        core::ptr::without_provenance_mut(8 * (i + 1))
    }

    #[test]
    fn holes_are_filled_before_the_table_grows() {
        let registry = Arc::new(Registry::default());
        let mut t = Table::new(registry.clone());
        let slots: Vec<*const Slot> = (0..SEGMENT_SLOTS)
            .map(|i| t.claim(fake(i)) as *const Slot)
            .collect();
        assert_eq!(t.capacity, SEGMENT_SLOTS);
        release(&t.segments[0].slots()[10]);
        let again = t.claim(fake(99)) as *const Slot;
        assert_eq!(again, slots[10], "the hole is reused");
        assert_eq!(t.capacity, SEGMENT_SLOTS, "no growth while a hole exists");
        t.claim(fake(100));
        assert_eq!(t.capacity, 2 * SEGMENT_SLOTS, "a full table doubles");
        assert_eq!(registry.occupied(), SEGMENT_SLOTS + 1);
    }

    #[test]
    fn a_new_thread_adopts_the_segments_of_one_that_ended() {
        let registry = Arc::new(Registry::default());
        let mut t = Table::new(registry.clone());
        let s = t.claim(fake(1)) as *const Slot;
        drop(t);
        let mut u = Table::new(registry.clone());
        assert_eq!(u.capacity, SEGMENT_SLOTS);
        let s2 = u.claim(fake(2)) as *const Slot;
        assert_ne!(s, s2, "an occupied slot is not taken");
        assert_eq!(registry.occupied(), 2);
        let mut segments = 0;
        registry.each_segment(|_| segments += 1);
        assert_eq!(segments, 1, "no new segment while the adopted one has room");
    }
}

#[cfg(all(test, loom))]
mod loom_tests {
    use super::*;
    use ftl_core::sync::thread;

    fn fake(i: usize) -> *mut () {
        core::ptr::without_provenance_mut(8 * (i + 1))
    }

    /// The owner tracks objects while another thread frees one of them
    /// (its slot goes null from outside): no slot ever holds two objects,
    /// and once both are done the occupied slots are exactly the live
    /// objects.
    #[test]
    fn a_remote_free_and_the_owner_never_share_a_slot() {
        ftl_core::sync::model(|| {
            let registry = Arc::new(Registry::default());
            let mut t = Table::new(registry.clone());
            t.claim(fake(0));
            t.claim(fake(1));
            assert_eq!(t.capacity, 2, "one segment of two slots, both taken");
            let segment = t.segments[0].clone();
            let remote = thread::spawn(move || {
                // Object 0 dies on another thread.
                release(&segment.slots()[0]);
            });
            let c = t.claim(fake(2)) as *const Slot as usize;
            remote.join().unwrap();
            let mut live = Vec::new();
            registry.each_segment(|s| {
                for slot in s.slots() {
                    let v = slot.load(Relaxed);
                    if !v.is_null() {
                        live.push(v.addr());
                    }
                }
            });
            live.sort();
            // Object 0 was freed; objects 1 and 2 are each in one slot.
            assert_eq!(live, vec![fake(1).addr(), fake(2).addr()], "slot {c:#x}");
        });
    }

    /// An object's links as the collector reads them (`prev`: its slot's
    /// address; `next`: `TABLED`), for the model below.
    struct Links {
        prev: AtomicPtr<()>,
        next: AtomicPtr<()>,
    }

    /// A collection walks the tables with the world stopped (modelled by a
    /// lock the mutator holds between its safe points): every occupied
    /// slot then names an object whose links point back at it, and every
    /// live object is found. Walking without stopping the world fails:
    /// the walk can see a slot filled before its object's links are.
    #[test]
    fn a_walk_with_the_world_stopped_sees_whole_objects() {
        ftl_core::sync::model(|| {
            let registry = Arc::new(Registry::default());
            let world = Arc::new(Mutex::new(()));
            let objects: Arc<[Links; 2]> = Arc::new(core::array::from_fn(|_| Links {
                prev: AtomicPtr::new(core::ptr::null_mut()),
                next: AtomicPtr::new(core::ptr::null_mut()),
            }));
            let tabled = core::ptr::without_provenance_mut(ftl_object::gc_hooks::TABLED);
            let mutator = {
                let (registry, world, objects) = (registry.clone(), world.clone(), objects.clone());
                thread::spawn(move || {
                    // Running: between two safe points.
                    let _running = world.lock();
                    let mut t = Table::new(registry);
                    for (i, o) in objects.iter().enumerate() {
                        let slot = t.claim(fake(i));
                        o.prev
                            .store((slot as *const Slot).cast_mut().cast(), Relaxed);
                        o.next.store(tabled, Relaxed);
                    }
                    // Object 0 dies.
                    let slot = objects[0].prev.load(Relaxed) as usize;
                    let slot = t.segments[0]
                        .slots()
                        .iter()
                        .find(|s| (*s as *const Slot as usize) == slot)
                        .expect("its slot");
                    release(slot);
                    objects[0].next.store(core::ptr::null_mut(), Relaxed);
                })
            };
            {
                let _stopped = world.lock();
                let mut found = Vec::new();
                registry.each_segment(|seg| {
                    for slot in seg.slots() {
                        let v = slot.load(Relaxed);
                        if v.is_null() {
                            continue;
                        }
                        let i = v.addr() / 8 - 1;
                        let o = &objects[i];
                        assert_eq!(o.next.load(Relaxed), tabled, "object {i} is whole");
                        assert_eq!(o.prev.load(Relaxed) as usize, slot as *const Slot as usize);
                        found.push(i);
                    }
                });
                // Before the mutator ran, nothing; after, object 1 alone.
                assert!(found.is_empty() || found == [1], "found {found:?}");
            }
            mutator.join().unwrap();
        });
    }

    /// Two threads store a container into the same dict of atoms at once
    /// (`MAINTAIN_TRACKING` on a free-threaded heap): each checks whether
    /// the dict is untracked and, if so, tables it in its own table. With
    /// the check and the tabling inside the dict's critical section (as
    /// the object model's `DictRef` does), the dict ends in exactly one
    /// slot; checked outside it, both threads can table it.
    fn two_stores_track_a_dict(check_inside_the_critical_section: bool) {
        ftl_core::sync::model(move || {
            let registry = Arc::new(Registry::default());
            let dict_lock = Arc::new(Mutex::new(()));
            let dict = Arc::new(Links {
                prev: AtomicPtr::new(core::ptr::null_mut()),
                next: AtomicPtr::new(core::ptr::null_mut()),
            });
            let store = {
                let (registry, dict_lock, dict) =
                    (registry.clone(), dict_lock.clone(), dict.clone());
                move || {
                    let mut t = Table::new(registry);
                    let tabled = core::ptr::without_provenance_mut(ftl_object::gc_hooks::TABLED);
                    let untracked_before = if check_inside_the_critical_section {
                        None
                    } else {
                        Some(dict.next.load(Relaxed).is_null())
                    };
                    let _critical_section = dict_lock.lock();
                    let untracked =
                        untracked_before.unwrap_or_else(|| dict.next.load(Relaxed).is_null());
                    if untracked {
                        let slot = t.claim(fake(0));
                        dict.prev
                            .store((slot as *const Slot).cast_mut().cast(), Relaxed);
                        dict.next.store(tabled, Relaxed);
                    }
                    // The table's segments stay in the registry after `t`.
                }
            };
            let other = thread::spawn(store.clone());
            store();
            other.join().unwrap();
            let mut slots = 0;
            registry.each_segment(|seg| {
                slots += seg
                    .slots()
                    .iter()
                    .filter(|s| !s.load(Relaxed).is_null())
                    .count();
            });
            assert_eq!(slots, 1, "the dict is tabled exactly once");
        });
    }

    #[test]
    fn two_stores_into_a_dict_of_atoms_track_it_once() {
        two_stores_track_a_dict(true);
    }

    #[test]
    #[should_panic(expected = "tabled exactly once")]
    fn model_catches_a_tracking_check_outside_the_critical_section() {
        two_stores_track_a_dict(false);
    }
}
