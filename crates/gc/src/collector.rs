//! [`Collector`]: the generations, their thresholds, and one collection
//! (CPython 3.11's `gc_collect_main`). See the [crate docs](crate) for the
//! algorithm step by step.

#![allow(unsafe_code)] // objects reached from their links; the state cell

use core::cell::UnsafeCell;
use core::cell::{Cell, RefCell};
use core::marker::PhantomData;
use core::ptr::NonNull;
use core::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use ftl_core::{CriticalSection, RawObjectLock};
use ftl_object::gc_hooks::GcHooks;
use ftl_object::{GcLinks, HeapPolicy, Kind, ObjRef};

use crate::list::{self, Gc};
use crate::table::{self, Registry, Slot, Table};

/// Generations of tracked objects (CPython's `NUM_GENERATIONS`).
pub const NUM_GENERATIONS: usize = 3;

/// The default thresholds: a young collection after 700 more allocations
/// than frees of GC objects, a middle one every 10 young ones, a full one
/// every 10 middle ones (and only when the long-lived ratio allows).
pub const DEFAULT_THRESHOLDS: [usize; NUM_GENERATIONS] = [700, 10, 10];

/// The free-threaded collector's thresholds (CPython 3.13t's
/// `_PyGC_InitState`: 2000 for the young count; the others are only
/// reported, as every collection there examines the whole heap).
pub const FREE_THREADED_THRESHOLDS: [usize; NUM_GENERATIONS] = [2000, 10, 10];

/// How far a thread's own count of allocations minus frees may run before
/// it is added to the collector's (3.13t's `LOCAL_ALLOC_COUNT_THRESHOLD`).
pub const LOCAL_COUNT_BATCH: isize = 512;

/// `gc.DEBUG_STATS`: print statistics during collection.
pub const DEBUG_STATS: u32 = 1;
/// `gc.DEBUG_COLLECTABLE`: print collectable objects found.
pub const DEBUG_COLLECTABLE: u32 = 2;
/// `gc.DEBUG_UNCOLLECTABLE`: print uncollectable objects found.
pub const DEBUG_UNCOLLECTABLE: u32 = 4;
/// `gc.DEBUG_SAVEALL`: keep every unreachable object (in `gc.garbage`)
/// instead of freeing it.
pub const DEBUG_SAVEALL: u32 = 32;
/// `gc.DEBUG_LEAK`: `DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL`.
pub const DEBUG_LEAK: u32 = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

/// One generation's totals (`gc.get_stats()`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GenerationStats {
    /// Collections of this generation so far.
    pub collections: usize,
    /// Objects found unreachable and freed (or saved) by them.
    pub collected: usize,
    /// Objects found unreachable but not collectable (always zero here:
    /// Python 3 has no legacy `tp_del` finalizers).
    pub uncollectable: usize,
}

/// What one collection did.
#[derive(Debug)]
pub struct Collection<P: HeapPolicy> {
    /// The generation collected (the younger ones with it).
    pub generation: usize,
    /// Unreachable objects found and collected (`gc.collect()`'s result
    /// with `uncollectable`).
    pub collected: usize,
    /// Unreachable objects that could not be collected.
    pub uncollectable: usize,
    /// With `DEBUG_SAVEALL`: the unreachable objects, kept alive for
    /// `gc.garbage`.
    pub saved: Vec<ObjRef<P>>,
    /// Wall time of the whole collection, finalizers included.
    pub elapsed: Duration,
}

struct Generation {
    /// Signed: the free-threaded collector's young count goes below zero
    /// when a collection frees more than was allocated since it started
    /// (3.13t keeps it in an `int` and zeroes it at the start of a
    /// collection, so the garbage that collection frees is subtracted
    /// after: the next collection then waits for that many more
    /// allocations). 3.11's stops at zero.
    count: isize,
    threshold: usize,
}

impl Generation {
    /// Whether the count passed the threshold.
    fn passed(&self) -> bool {
        usize::try_from(self.count).is_ok_and(|c| c > self.threshold)
    }
}

struct State {
    generations: [Generation; NUM_GENERATIONS],
    enabled: bool,
    /// A collection is running (CPython's `gcstate->collecting`).
    collecting: bool,
    /// The interpreter is around a collection (its callbacks included):
    /// see [`Collector::begin_session`].
    in_session: bool,
    /// In `deduce_unreachable`: `prev` words hold counts, not pointers, so
    /// no object of the collected set may be unlinked.
    deducing: bool,
    long_lived_total: usize,
    long_lived_pending: usize,
    debug: u32,
    stats: [GenerationStats; NUM_GENERATIONS],
}

/// Index of the permanent generation's head (`gc.freeze()`).
const PERMANENT: usize = NUM_GENERATIONS;

/// The cycle collector of one interpreter: its generations (lists of
/// tracked objects), counts and thresholds. It is the [`GcHooks`] the
/// object model calls when a container is allocated or freed.
///
/// All its state is reached inside critical sections of the heap's object
/// lock: on the GIL heap that lock is `NoLock` (free, and `!Sync`, so the
/// collector is `!Sync` and its exclusion is the GIL's); on a shared heap a
/// real mutex.
pub struct Collector<P: HeapPolicy> {
    lock: P::Lock,
    state: UnsafeCell<State>,
    /// The list heads: generations 0, 1, 2 and the permanent one. A raw
    /// pointer to a boxed array (freed in `drop`), not a `Box`: the objects
    /// point at the heads, and moving a `Box` would assert that nothing
    /// else does.
    heads: NonNull<[GcLinks; NUM_GENERATIONS + 1]>,
    /// Set when generation 0's count passes its threshold; the interpreter
    /// runs [`collect_generations`](Self::collect_generations) at its next
    /// safe point (CPython 3.12's `_Py_ScheduleGC`).
    due: AtomicBool,
    /// The free-threaded collector's tables of tracked objects (`None` for
    /// the generational collector of the GIL heaps).
    tables: Option<Arc<Registry>>,
    /// The free-threaded collector's own table, where the survivors of a
    /// collection go (written only with the world stopped).
    own_table: ftl_core::sync::Mutex<Option<Table>>,
    _heap: PhantomData<fn() -> P>,
}

// SAFETY: every access to `state` and to the lists happens inside a
// critical section of `lock`; when the lock is `Sync` it is exclusive
// (`RawObjectLock::EXCLUSIVE` on every shared heap), which serialises
// those accesses. `NoLock` is not `Sync`, so the GIL heap's collector is
// not either.
unsafe impl<P: HeapPolicy> Sync for Collector<P> where P::Lock: Sync {}
// SAFETY: as above; the heads and the state own nothing thread-bound.
unsafe impl<P: HeapPolicy> Send for Collector<P> where P::Lock: Send + Sync {}

impl<P: HeapPolicy> Default for Collector<P> {
    fn default() -> Self {
        Self::new()
    }
}

impl<P: HeapPolicy> core::fmt::Debug for Collector<P> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Collector")
            .field("count", &self.count())
            .field("threshold", &self.threshold())
            .field("enabled", &self.is_enabled())
            .finish()
    }
}

impl<P: HeapPolicy> Collector<P> {
    /// An enabled collector with CPython's default thresholds and no
    /// tracked objects.
    pub fn new() -> Self {
        Self::with_tables(None)
    }

    /// A collector for a free-threaded heap (CPython 3.13t's
    /// `gc_free_threading.c`): containers are tracked in per-thread tables
    /// (see the `table` module: no lock and no shared write per
    /// allocation), counted per thread in batches of [`LOCAL_COUNT_BATCH`],
    /// and every collection examines the whole heap with the world
    /// stopped. Threads must announce through [`tracker`](Self::tracker).
    pub fn new_free_threaded() -> Self {
        let c = Self::with_tables(Some(Arc::new(Registry::default())));
        c.set_threshold(&FREE_THREADED_THRESHOLDS);
        c
    }

    /// Whether this is the free-threaded collector.
    pub fn is_free_threaded(&self) -> bool {
        self.tables.is_some()
    }

    /// The hooks a thread of this collector's interpreter installs with
    /// `ftl_object::gc_hooks::enter`: the collector itself for the
    /// generational collector, a per-thread [`Tracker`] for the
    /// free-threaded one.
    pub fn tracker(self: &Arc<Self>) -> Arc<dyn GcHooks>
    where
        P: 'static,
    {
        match &self.tables {
            None => self.clone(),
            Some(registry) => Arc::new(Tracker {
                collector: self.clone(),
                table: RefCell::new(Table::new(registry.clone())),
                local_count: Cell::new(0),
            }),
        }
    }

    fn with_tables(tables: Option<Arc<Registry>>) -> Self {
        let heads = NonNull::from(Box::leak(Box::<[GcLinks; NUM_GENERATIONS + 1]>::default()));
        let collector = Collector {
            lock: P::Lock::new(),
            state: UnsafeCell::new(State {
                generations: DEFAULT_THRESHOLDS.map(|threshold| Generation {
                    count: 0,
                    threshold,
                }),
                enabled: true,
                collecting: false,
                in_session: false,
                deducing: false,
                long_lived_total: 0,
                long_lived_pending: 0,
                debug: 0,
                stats: [GenerationStats::default(); NUM_GENERATIONS],
            }),
            heads,
            due: AtomicBool::new(false),
            own_table: ftl_core::sync::Mutex::new(tables.as_ref().map(|r| Table::new(r.clone()))),
            tables,
            _heap: PhantomData,
        };
        for i in 0..=NUM_GENERATIONS {
            // SAFETY: the heads are ours, and nobody else reaches them yet.
            unsafe { list::init(collector.head(i)) };
        }
        collector
    }

    fn head(&self, i: usize) -> Gc {
        assert!(i <= NUM_GENERATIONS);
        // SAFETY: `heads` points to the live array (freed only in `drop`);
        // `i` is in bounds.
        unsafe { self.heads.cast::<GcLinks>().add(i) }
    }

    /// Runs `f` on the state inside a critical section. `f` must not call
    /// back into the collector or run user code.
    #[inline]
    fn with<R>(&self, f: impl FnOnce(&mut State) -> R) -> R {
        let _cs = CriticalSection::enter(&self.lock);
        // SAFETY: inside the critical section nobody else reaches the
        // state (see the `Sync` impl), and this thread cannot enter it
        // again while the section lasts (the section stack panics first).
        f(unsafe { &mut *self.state.get() })
    }

    // ----- the gc module's settings -----

    /// `gc.isenabled()`.
    pub fn is_enabled(&self) -> bool {
        self.with(|s| s.enabled)
    }

    /// `gc.enable()` / `gc.disable()`.
    pub fn set_enabled(&self, on: bool) {
        self.with(|s| s.enabled = on)
    }

    /// `gc.get_count()`.
    pub fn count(&self) -> [isize; NUM_GENERATIONS] {
        self.with(|s| s.generations.each_ref().map(|g| g.count))
    }

    /// `gc.get_threshold()`.
    pub fn threshold(&self) -> [usize; NUM_GENERATIONS] {
        self.with(|s| s.generations.each_ref().map(|g| g.threshold))
    }

    /// `gc.set_threshold(t0[, t1[, t2]])`: the values given replace the
    /// first ones.
    pub fn set_threshold(&self, thresholds: &[usize]) {
        self.with(|s| {
            for (g, &t) in s.generations.iter_mut().zip(thresholds) {
                g.threshold = t;
            }
        })
    }

    /// `gc.get_debug()`.
    pub fn debug(&self) -> u32 {
        self.with(|s| s.debug)
    }

    /// `gc.set_debug(flags)`.
    pub fn set_debug(&self, flags: u32) {
        self.with(|s| s.debug = flags)
    }

    /// `gc.get_stats()`.
    pub fn stats(&self) -> [GenerationStats; NUM_GENERATIONS] {
        self.with(|s| s.stats)
    }

    /// Whether a collection is running, or an interpreter's session
    /// around one.
    pub fn is_collecting(&self) -> bool {
        self.with(|s| s.collecting || s.in_session)
    }

    /// Starts an interpreter's session around a collection (CPython sets
    /// `collecting` before it calls `gc.callbacks`, so that a callback's
    /// allocations do not start another collection): returns `false` when
    /// a session or a collection is already running. End it with
    /// [`end_session`](Self::end_session).
    pub fn begin_session(&self) -> bool {
        self.with(|s| {
            if s.collecting || s.in_session {
                return false;
            }
            s.in_session = true;
            true
        })
    }

    /// Ends the session [`begin_session`](Self::begin_session) started.
    pub fn end_session(&self) {
        self.with(|s| s.in_session = false)
    }

    /// Whether an automatic collection is due (a relaxed read, for the
    /// interpreter's safe points).
    #[inline]
    pub fn is_due(&self) -> bool {
        self.due.load(Ordering::Relaxed)
    }

    // ----- tracking -----

    /// `gc.is_tracked(obj)`.
    pub fn is_tracked(&self, obj: &ObjRef<P>) -> bool {
        match obj.gc_links_ptr() {
            // SAFETY: `obj` is alive.
            Some(g) => self.with(|_| unsafe { list::is_tracked(g) }),
            None => false,
        }
    }

    /// Starts tracking `obj` (in the youngest generation) if it is a GC
    /// object and not tracked yet (CPython's `PyObject_GC_Track`).
    /// On the free-threaded collector it joins the list of objects
    /// tracked outside the tables.
    pub fn track(&self, obj: &ObjRef<P>) {
        if let Some(g) = obj.gc_links_ptr() {
            GcHooks::track(self, g)
        }
    }

    /// Stops tracking `obj` (CPython's `PyObject_GC_UnTrack`).
    pub fn untrack(&self, obj: &ObjRef<P>) {
        if let Some(g) = obj.gc_links_ptr() {
            self.with(|s| {
                assert!(!s.deducing, "untrack during deduce_unreachable");
                // SAFETY: `obj` is alive; its neighbours are live links of
                // its list (not in the deduce phase: checked above), or
                // its slot is alive (the collector is).
                unsafe {
                    let next = list::next_word(g);
                    if ftl_object::gc_hooks::is_tabled(next) {
                        // Another `untrack` of the same object may have
                        // released the slot, and its owner filled it again:
                        // only a slot that still holds this object is
                        // released.
                        let links = g.as_ref();
                        let slot = &*links.prev.load(Ordering::Relaxed).cast::<Slot>();
                        let _ = slot.compare_exchange(
                            g.as_ptr().cast(),
                            core::ptr::null_mut(),
                            Ordering::Relaxed,
                            Ordering::Relaxed,
                        );
                        links.prev.store(core::ptr::null_mut(), Ordering::Relaxed);
                        links.next.store(core::ptr::null_mut(), Ordering::Relaxed);
                    } else if !next.is_null() {
                        list::remove(g)
                    }
                }
            })
        }
    }

    /// New references to the tracked objects of `generation` (all three
    /// when `None`; never the permanent one), oldest list first within each
    /// generation (`gc.get_objects()`). The free-threaded collector has
    /// one generation: the tables, then the objects tracked outside them.
    ///
    /// # Safety
    /// As [`collect_in`](Self::collect_in): `world` runs its argument once
    /// with no other thread touching the heap (an object whose count just
    /// reached zero on another thread must not be taken back).
    pub unsafe fn objects_in(
        &self,
        generation: Option<usize>,
        world: &mut dyn FnMut(&mut dyn FnMut()),
    ) -> Vec<ObjRef<P>> {
        let gens: Vec<usize> = match (generation, &self.tables) {
            (Some(g), None) => vec![g],
            (None, None) => (0..NUM_GENERATIONS).collect(),
            (Some(g), Some(_)) if g > 0 => vec![],
            (_, Some(_)) => vec![NUM_GENERATIONS - 1],
        };
        let mut out = Vec::new();
        paused::<P>(world, &mut || {
            if let Some(registry) = &self.tables {
                if !gens.is_empty() {
                    registry.each_segment(|seg| {
                        for slot in seg.slots() {
                            if let Some(g) = NonNull::new(slot.load(Ordering::Relaxed)) {
                                // SAFETY: the world is stopped (caller): a
                                // non-null slot holds a live object's links.
                                unsafe {
                                    out.push((*ObjRef::<P>::borrow_from_gc_links(g.cast())).clone())
                                };
                            }
                        }
                    });
                }
            }
            self.with(|_| {
                for &i in &gens {
                    // SAFETY: a list of live tracked objects, ours in the
                    // critical section; each is cloned before the next step.
                    unsafe { self.each(self.head(i), |o| out.push((*o).clone())) };
                }
            })
        });
        out
    }

    /// The first object of a scratch list and a new reference to it, or
    /// `None` when the list is empty.
    fn first(&self, head: Gc) -> Option<(Gc, ObjRef<P>)> {
        self.with(|_| {
            // SAFETY: a scratch list of `collect` (live objects, a live
            // head), in the critical section; the object is cloned before
            // the section ends.
            unsafe {
                if list::is_empty(head) {
                    return None;
                }
                let g = list::next(head);
                Some((g, (*ObjRef::<P>::borrow_from_gc_links(g)).clone()))
            }
        })
    }

    /// Calls `f` with each object of `head`'s list.
    ///
    /// # Safety
    /// Inside a critical section; `f` does not change the list.
    unsafe fn each(&self, head: Gc, mut f: impl FnMut(&ObjRef<P>)) {
        // SAFETY: caller.
        unsafe {
            let mut g = list::next(head);
            while g != head {
                let o = ObjRef::<P>::borrow_from_gc_links(g);
                f(&o);
                g = list::next(g);
            }
        }
    }

    /// `gc.freeze()`: moves every tracked object to the permanent
    /// generation, which collections ignore (on the free-threaded
    /// collector the tabled objects leave their tables for it).
    ///
    /// # Safety
    /// As [`objects_in`](Self::objects_in).
    pub unsafe fn freeze_in(&self, world: &mut dyn FnMut(&mut dyn FnMut())) {
        paused::<P>(world, &mut || {
            self.with(|_| {
                if let Some(registry) = &self.tables {
                    // SAFETY: the world is stopped (caller); our list.
                    unsafe { self.untable_all(registry, self.head(PERMANENT)) };
                }
                for i in 0..NUM_GENERATIONS {
                    // SAFETY: our lists, in the critical section.
                    unsafe { list::merge(self.head(i), self.head(PERMANENT)) };
                }
            })
        })
    }

    /// Moves every object of `from` into the collector's own table;
    /// returns how many.
    ///
    /// # Safety
    /// The world is stopped; `from` is a list of ours of live objects with
    /// pointer `prev`s.
    unsafe fn retable(&self, from: Gc) -> usize {
        let mut own = self.own_table.lock();
        let own = own
            .as_mut()
            .expect("the free-threaded collector has a table");
        let mut n = 0;
        // SAFETY: caller; each node's `next` is read before its links are
        // rewritten, and the list is abandoned (emptied) at the end.
        unsafe {
            let mut g = list::next(from);
            while g != from {
                let next = list::next(g);
                let slot = own.claim(g.as_ptr().cast());
                let links = g.as_ref();
                links
                    .prev
                    .store((slot as *const Slot).cast_mut().cast(), Ordering::Relaxed);
                links.next.store(
                    core::ptr::without_provenance_mut(ftl_object::gc_hooks::TABLED),
                    Ordering::Relaxed,
                );
                n += 1;
                g = next;
            }
            list::init(from);
        }
        n
    }

    /// Moves every tabled object to the end of `to` and empties the
    /// tables.
    ///
    /// # Safety
    /// The world is stopped; `to` is a list of ours.
    unsafe fn untable_all(&self, registry: &Registry, to: Gc) {
        registry.each_segment(|seg| {
            for slot in seg.slots() {
                if let Some(g) = NonNull::new(slot.load(Ordering::Relaxed)) {
                    table::release(slot);
                    // SAFETY: a non-null slot holds a live object's links
                    // (world stopped); it leaves the table for the list.
                    unsafe { list::append(g.cast(), to) };
                }
            }
        });
    }

    /// `gc.unfreeze()`: moves the permanent generation back into the
    /// oldest one (on the free-threaded collector: to the objects tracked
    /// outside the tables).
    pub fn unfreeze(&self) {
        self.with(|_| {
            // SAFETY: as in `freeze`.
            unsafe { list::merge(self.head(PERMANENT), self.head(NUM_GENERATIONS - 1)) };
        })
    }

    /// `gc.get_freeze_count()`.
    pub fn freeze_count(&self) -> usize {
        // SAFETY: our list, in the critical section.
        self.with(|_| unsafe { list::len(self.head(PERMANENT)) })
    }

    // ----- collections -----

    /// Tracked objects in each generation now.
    pub fn sizes(&self) -> [usize; NUM_GENERATIONS] {
        // SAFETY: our lists, in the critical section.
        let mut sizes = self.with(|_| core::array::from_fn(|i| unsafe { list::len(self.head(i)) }));
        if let Some(registry) = &self.tables {
            // One generation: the tables and the list beside them.
            sizes = [registry.occupied() + sizes[NUM_GENERATIONS - 1], 0, 0];
        }
        sizes
    }

    /// Lowers the due flag and says which generation an automatic
    /// collection should collect now, if any (see
    /// [`collect_generations`](Self::collect_generations)).
    pub fn take_due(&self) -> Option<usize> {
        self.due.store(false, Ordering::Relaxed);
        self.generation_due()
    }

    /// Which generation an automatic collection should collect now, if
    /// any (the due flag is left as it is).
    pub fn generation_due(&self) -> Option<usize> {
        self.with(|s| {
            if s.collecting || s.in_session || !s.enabled {
                return None;
            }
            if self.tables.is_some() {
                return free_threaded_due(s).then_some(0);
            }
            (0..NUM_GENERATIONS).rev().find(|&i| {
                s.generations[i].passed()
                    && !(i == NUM_GENERATIONS - 1 && s.long_lived_pending < s.long_lived_total / 4)
            })
        })
    }

    /// The automatic collection (CPython's `gc_collect_generations`): the
    /// oldest generation whose count passed its threshold, except that a
    /// full collection waits until the objects that survived a middle
    /// collection since the last full one are a quarter of those a full
    /// collection would examine. Returns `None` when nothing was due or a
    /// collection is running.
    ///
    /// # Safety
    /// As [`collect`](Self::collect).
    pub unsafe fn collect_generations(&self) -> Option<Collection<P>> {
        let generation = self.take_due()?;
        // SAFETY: forwarded.
        unsafe { self.collect(generation) }
    }

    /// Collects `generation` and the younger ones (`gc.collect(n)`).
    /// Returns `None` when a collection is already running (then CPython's
    /// `gc.collect()` returns 0).
    ///
    /// # Safety
    /// The caller has the heap to itself for the structural steps: it holds
    /// the GIL of this heap's interpreter, so no other thread changes an
    /// object's references while the collector reads them. Finalizers and
    /// clears run user code; other threads may run meanwhile, as in CPython.
    /// On a free-threaded heap use [`collect_in`](Self::collect_in).
    pub unsafe fn collect(&self, generation: usize) -> Option<Collection<P>> {
        // SAFETY: forwarded: the caller has the heap to itself throughout.
        unsafe { self.collect_in(generation, &mut |steps| steps()) }
    }

    /// [`collect`](Self::collect) with the structural steps (1–7 and 9 of
    /// the crate docs) run by `world`, which runs them with every other
    /// thread of the heap stopped: CPython 3.13t's two pauses, one before
    /// and one after the finalizers. Finalizers and clears run outside
    /// `world`, with the other threads running.
    ///
    /// # Safety
    /// `world` calls its argument exactly once, and while it runs no other
    /// thread touches the heap's objects (the world is stopped, or the
    /// caller holds the GIL).
    pub unsafe fn collect_in(
        &self,
        generation: usize,
        world: &mut dyn FnMut(&mut dyn FnMut()),
    ) -> Option<Collection<P>> {
        assert!(generation < NUM_GENERATIONS, "generation out of range");
        let start = Instant::now();
        // No list is measured on the way: walking the old generations would
        // make every young collection cost as much as a full one.
        let started = self.with(|s| {
            if s.collecting {
                return false;
            }
            s.collecting = true;
            true
        });
        if !started {
            return None;
        }
        // The free-threaded collector examines the whole heap every time
        // (3.13t): everything tabled is gathered in generation 0's list,
        // and the survivors that have no slot wait in the oldest one.
        let free_threaded = self.tables.clone();
        let young = if free_threaded.is_some() {
            self.head(0)
        } else {
            self.head(generation)
        };
        let old = if free_threaded.is_some() {
            self.head(NUM_GENERATIONS - 1)
        } else if generation + 1 < NUM_GENERATIONS {
            self.head(generation + 1)
        } else {
            young
        };
        // Scratch list heads, boxed so their addresses hold still while
        // objects point at them (a finalizer may free one of their objects,
        // which unlinks it through its neighbours).
        let scratch: Box<[GcLinks; 3]> = Box::default();
        let unreachable = NonNull::from(&scratch[0]);
        let seen = NonNull::from(&scratch[1]);
        let final_unreachable = NonNull::from(&scratch[2]);

        // The weakrefs whose callbacks are due (found in the first pause).
        let mut callbacks: Vec<ObjRef<P>> = Vec::new();
        let mut after_pause: Vec<ObjRef<P>> = Vec::new();
        // On a heap whose strategy frees later, elsewhere (a commit thread
        // applying logged counts), a reference dropped here may free an
        // object on another thread while this collection still lists it
        // and is about to take it from its links. So, as 3.13t's worklist
        // does, the collection holds one reference to each unreachable
        // object from the first pause until it has cleared them all, and
        // the second pause discounts it. Elsewhere a drop frees at once,
        // on this thread, and the object unlinks itself first.
        let hold = <P::Rc as ftl_core::RefCount>::DEFERS;
        let held_each = usize::from(hold);
        let mut held: Vec<ObjRef<P>> = Vec::new();
        // First pause: steps 1-7 and the weakrefs.
        paused::<P>(world, &mut || {
            self.with(|s| {
                if free_threaded.is_some() {
                    s.generations[0].count = 0;
                } else {
                    if generation + 1 < NUM_GENERATIONS {
                        s.generations[generation + 1].count += 1;
                    }
                    for g in &mut s.generations[..=generation] {
                        g.count = 0;
                    }
                }
                s.deducing = true;
            });
            // The structural steps run outside the state's critical section:
            // they call the objects' traverse functions, which are not ours.
            // SAFETY: the caller has the heap to itself (no other thread
            // touches these objects or lists), and the scratch heads outlive
            // their lists.
            let survivors = unsafe {
                for h in [unreachable, seen, final_unreachable] {
                    list::init(h);
                }
                if let Some(registry) = &free_threaded {
                    // Every tabled object joins young, and so do those
                    // tracked beside the tables.
                    self.untable_all(registry, young);
                    list::merge(old, young);
                } else {
                    for i in 0..generation {
                        list::merge(self.head(i), young);
                    }
                }
                deduce_unreachable::<P>(young, unreachable, 0);
                // Tuples of atoms in every collection; dicts of atoms only
                // in full ones (CPython's `untrack_dicts`: untracking them
                // in young collections makes building a big dict of dicts
                // quadratic, bpo-14775). A dict tracks itself again when a
                // container is stored in it (`MAINTAIN_TRACKING`).
                untrack_if::<P>(young, Kind::Tuple);
                if generation == NUM_GENERATIONS - 1 || free_threaded.is_some() {
                    untrack_if::<P>(young, Kind::Dict);
                }
                // The unreachable list becomes an ordinary list (CPython does
                // this in `move_legacy_finalizers`; Python 3 objects have no
                // legacy finalizer, so none is set aside).
                clear_unreachable_marks(unreachable);
                // The survivors are counted only where the long-lived ratio
                // needs them (CPython does the same).
                if free_threaded.is_some() {
                    // The survivors go back to a table: the collector's
                    // own, written only with the world stopped.
                    self.retable(young)
                } else if generation >= NUM_GENERATIONS - 2 {
                    list::len(young)
                } else {
                    0
                }
            };
            self.with(|s| {
                s.deducing = false;
                if free_threaded.is_some() {
                    // 3.13t's long-lived total: the objects the last
                    // collection left alive.
                    s.long_lived_total = survivors;
                } else if young != old {
                    if generation == NUM_GENERATIONS - 2 {
                        s.long_lived_pending += survivors;
                    }
                } else {
                    s.long_lived_pending = 0;
                    s.long_lived_total = survivors;
                }
            });
            if young != old {
                // SAFETY: as above.
                unsafe { list::merge(young, old) };
            }
            // handle_weakrefs, still in the pause: every weak reference to
            // an unreachable object is cleared before any finalizer runs
            // (so no finalizer can reach the garbage through one), and
            // before any other thread can take the garbage back through
            // one (3.13t clears them with the world stopped too). The
            // callbacks of the weakrefs that are not garbage themselves
            // run after the pause, those of garbage weakrefs never.
            let garbage: Vec<ObjRef<P>> = self.with(|_| {
                let mut v = Vec::new();
                // SAFETY: our scratch list of live objects, in the critical
                // section; each is cloned before the next step.
                unsafe { self.each(unreachable, |o| v.push(o.clone())) };
                v
            });
            for obj in &garbage {
                // A deferring strategy's counts move out of their owners'
                // hands (3.13t merges every unreachable object's counts in
                // the pause): the references dropped below then free the
                // garbage on the thread that drops them, never later, on
                // an owner's thread, while this collection still lists it.
                // SAFETY: the world is stopped (the caller's contract).
                unsafe { obj.merge_count_stopped() };
                for wr in obj.clear_weakrefs() {
                    let wr_is_garbage = wr.gc_links_ptr().is_some_and(|g| {
                        // SAFETY: `wr` is alive; reading its links' flags.
                        unsafe { list::is_tracked(g) && list::is_collecting(g) }
                    });
                    // A weakref only its referent held is dead: no callback.
                    if !wr_is_garbage && wr.refcount() > 1 {
                        callbacks.push(wr);
                    } else {
                        after_pause.push(wr);
                    }
                }
            }
            // Nothing is freed in the pause: a free may run a finalizer,
            // and user code must not run while the other threads are held
            // (it could wait for one of them).
            if hold {
                held.extend(garbage);
            } else {
                after_pause.extend(garbage);
            }
        });
        drop(after_pause);
        for wr in callbacks {
            wr.run_weakref_callback();
        }

        // PEP 442: run each finalizer once, with the objects still intact.
        // Each object moves to `seen` first, so a finalizer that frees
        // other unreachable objects leaves the walk on solid ground.
        while let Some((g, obj)) = self.first(unreachable) {
            // SAFETY: `g` is alive (we hold `obj`); our scratch lists, in
            // the critical section.
            self.with(|_| unsafe { list::move_to(g, seen) });
            obj.finalize_if_needed();
            drop(obj);
        }
        let debug = self.with(|s| s.debug);
        // Second pause: step 9.
        paused::<P>(world, &mut || {
            self.with(|s| s.deducing = true);
            // SAFETY: as above: the caller (through `world`) has the heap
            // to itself again.
            unsafe {
                list::merge(seen, unreachable);
                // Objects a finalizer resurrected (and everything they
                // reach) survive, whole; the rest is still garbage.
                list::clear_collecting_all(unreachable);
                deduce_unreachable::<P>(unreachable, final_unreachable, held_each);
                clear_unreachable_marks(final_unreachable);
                self.with(|_| list::merge(unreachable, old));
            }
            self.with(|s| s.deducing = false);
        });
        // CPython counts the final garbage before clearing it: clearing one
        // object usually frees the rest of its group by refcounting.
        // SAFETY: our scratch list.
        let collected = unsafe { list::len(final_unreachable) };

        // Break the cycles: clear each object (or, with DEBUG_SAVEALL, keep
        // it for gc.garbage). One that is still alive afterwards moves to
        // the old generation.
        let mut saved = Vec::new();
        while let Some((g, obj)) = self.first(final_unreachable) {
            if debug & DEBUG_SAVEALL != 0 {
                saved.push(obj);
            } else {
                ftl_core::Traverse::clear(&obj);
                drop(obj);
            }
            self.with(|_| {
                // SAFETY: if `g` is still the first node it is alive (it is
                // still linked: a freed object unlinks itself).
                unsafe {
                    if !list::is_empty(final_unreachable) && list::next(final_unreachable) == g {
                        list::clear_collecting(g);
                        list::move_to(g, old);
                    }
                }
            });
        }
        // The collection's own references go last (a deferring heap): the
        // cleared garbage dies now, on whichever thread frees it.
        drop(held);

        self.with(|s| {
            let st = &mut s.stats[generation];
            st.collections += 1;
            st.collected += collected;
            s.collecting = false;
        });
        Some(Collection {
            generation,
            collected,
            uncollectable: 0,
            saved,
            elapsed: start.elapsed(),
        })
    }
}

/// Runs `f` in one of `world`'s pauses, with the refcount strategy's
/// counts settled for the length of it ([`RefCount::world_stopped`]: a
/// strategy whose counts lag, such as ft-buffered's logs, applies them so
/// that the collector reads exact counts).
///
/// [`RefCount::world_stopped`]: ftl_core::RefCount::world_stopped
fn paused<P: HeapPolicy>(world: &mut dyn FnMut(&mut dyn FnMut()), f: &mut dyn FnMut()) {
    world(&mut || {
        // SAFETY: `world` stops the world (the contract of the collector's
        // `*_in` functions, whose callers pass it).
        unsafe { <P::Rc as ftl_core::RefCount>::world_stopped() };
        f();
        // SAFETY: after the `world_stopped` above, on this thread.
        unsafe { <P::Rc as ftl_core::RefCount>::world_resumed() };
    })
}

/// Whether the free-threaded collector's automatic collection is due
/// (3.13t's `gc_should_collect`): the young count passed its threshold
/// and, so that building a large structure is not quadratic, a quarter of
/// the objects the last collection left alive.
fn free_threaded_due(s: &State) -> bool {
    let young = &s.generations[0];
    s.enabled
        && young.threshold != 0
        && young.passed()
        && (young.count.unsigned_abs() > s.long_lived_total / 4 || s.generations[1].threshold == 0)
}

impl<P: HeapPolicy> Collector<P> {
    /// Adds a thread's batch of allocations minus frees to the young
    /// count, and raises the due flag when a collection should run.
    fn add_count(&self, delta: isize) {
        let due = self.with(|s| {
            let g0 = &mut s.generations[0];
            // Below zero too, as in 3.13t (see `Generation::count`).
            g0.count = g0.count.saturating_add(delta);
            !s.collecting && !s.in_session && free_threaded_due(s)
        });
        if due {
            self.due.store(true, Ordering::Relaxed);
        }
    }
}

/// A thread's membership in a free-threaded collector (CPython 3.13t's
/// per-thread GC state): its table of tracked objects and its own running
/// count, added to the collector's every [`LOCAL_COUNT_BATCH`] either way.
/// Not `Sync`: it belongs to the thread that entered it.
pub struct Tracker<P: HeapPolicy> {
    collector: Arc<Collector<P>>,
    table: RefCell<Table>,
    local_count: Cell<isize>,
}

impl<P: HeapPolicy> Tracker<P> {
    /// Puts an untracked object into this thread's table.
    ///
    /// # Safety
    /// `links` are the live links of an untracked object that no other
    /// thread tracks, untracks or frees meanwhile.
    unsafe fn table_it(&self, links: NonNull<GcLinks>) {
        let mut table = self.table.borrow_mut();
        let slot = table.claim(links.as_ptr().cast());
        // SAFETY: live, untracked links nobody else writes (caller).
        let l = unsafe { links.as_ref() };
        l.prev
            .store((slot as *const Slot).cast_mut().cast(), Ordering::Relaxed);
        l.next.store(
            core::ptr::without_provenance_mut(ftl_object::gc_hooks::TABLED),
            Ordering::Relaxed,
        );
    }

    /// One more allocation in this thread's running count.
    fn count_one_more(&self) {
        let c = self.local_count.get() + 1;
        self.local_count.set(c);
        if c >= LOCAL_COUNT_BATCH {
            self.flush_counts();
        }
    }
}

impl<P: HeapPolicy> GcHooks for Tracker<P> {
    fn allocated(&self, links: NonNull<GcLinks>) {
        // SAFETY: new, live, untracked links of an object only this thread
        // reaches yet.
        unsafe { self.table_it(links) };
        self.count_one_more();
    }

    fn allocated_untracked(&self, _links: NonNull<GcLinks>) {
        self.count_one_more();
    }

    fn track(&self, links: NonNull<GcLinks>) {
        // SAFETY: live links of an untracked object; the caller keeps every
        // other thread from tracking it meanwhile, and an untracked object
        // is on no list and in no table, so this thread's table may take
        // it (any thread may table an object it reaches, as its owner
        // tables it at birth).
        unsafe { self.table_it(links) }
    }

    fn freeing(&self, links: NonNull<GcLinks>) {
        // SAFETY: the links of an object being freed: nobody else reaches
        // it, and a tabled object's slot is alive (its collector is).
        let next = unsafe { links.as_ref() }.next.load(Ordering::Relaxed);
        if ftl_object::gc_hooks::is_tabled(next) {
            // SAFETY: as above; one relaxed store into the slot.
            unsafe { ftl_object::gc_hooks::untrack_in_place(links) };
        } else if !next.is_null() {
            // On one of the collector's lists (outside the tables only
            // between a collection's pauses, after one, or frozen): those
            // change under the collector's lock. An object never moves
            // between a table and a list while the world runs, so the
            // word read above stays true.
            self.collector.unlink_listed(links);
        }
        let c = self.local_count.get() - 1;
        self.local_count.set(c);
        if c <= -LOCAL_COUNT_BATCH {
            self.flush_counts();
        }
    }

    fn flush_counts(&self) {
        let c = self.local_count.replace(0);
        if c != 0 {
            self.collector.add_count(c);
        }
    }
}

impl<P: HeapPolicy> Drop for Tracker<P> {
    fn drop(&mut self) {
        self.flush_counts();
    }
}

impl<P: HeapPolicy> Collector<P> {
    /// Unlinks a dying object from the list it is on, under the lock.
    fn unlink_listed(&self, links: NonNull<GcLinks>) {
        self.with(|s| {
            // SAFETY: the links of an object being freed; if tracked, its
            // neighbours are live links of its list.
            unsafe {
                if list::is_tracked(links) {
                    // An object of the set being deduced cannot die then:
                    // the collector holds the heap and runs no user code.
                    assert!(
                        !(s.deducing && list::is_collecting(links)),
                        "an object died while the collector was deducing"
                    );
                    list::remove(links);
                }
            }
        })
    }
}

impl<P: HeapPolicy> Collector<P> {
    /// Counts one allocation (and tracks it, with `track`), raising the due
    /// flag when a collection should run.
    fn allocated_announced(&self, links: NonNull<GcLinks>, track: bool) {
        let due = self.with(|s| {
            // A new object in the middle of the deduce steps would be taken
            // for garbage: traverse functions must not allocate.
            assert!(
                !s.deducing,
                "an object was allocated while the collector was deducing"
            );
            if track {
                // SAFETY: new, live, untracked links; our list.
                unsafe { list::append(links, self.young_list()) };
            }
            let g0 = &mut s.generations[0];
            g0.count += 1;
            g0.passed() && s.enabled && g0.threshold != 0 && !s.collecting && !s.in_session
        });
        if due {
            self.due.store(true, Ordering::Relaxed);
        }
    }

    /// The list a thread that announces to this collector itself tracks
    /// new objects on: the young generation, or, on a free-threaded
    /// collector (a thread with no tracker), the list beside the tables.
    fn young_list(&self) -> Gc {
        if self.tables.is_some() {
            self.head(NUM_GENERATIONS - 1)
        } else {
            self.head(0)
        }
    }
}

impl<P: HeapPolicy> GcHooks for Collector<P> {
    fn allocated(&self, links: NonNull<GcLinks>) {
        self.allocated_announced(links, true)
    }

    fn allocated_untracked(&self, links: NonNull<GcLinks>) {
        self.allocated_announced(links, false)
    }

    fn track(&self, links: NonNull<GcLinks>) {
        self.with(|s| {
            // An object tracked in the middle of the deduce steps would be
            // taken for garbage (no user code runs then).
            assert!(
                !s.deducing,
                "an object was tracked while the collector was deducing"
            );
            // SAFETY: live links; the caller keeps every other thread from
            // tracking them meanwhile, and the lists are ours (critical
            // section).
            unsafe {
                if !list::is_tracked(links) {
                    list::append(links, self.young_list());
                }
            }
        })
    }

    fn freeing(&self, links: NonNull<GcLinks>) {
        // SAFETY: the links of an object being freed.
        let next = unsafe { links.as_ref() }.next.load(Ordering::Relaxed);
        if ftl_object::gc_hooks::is_tabled(next) {
            // SAFETY: as above; a tabled object's slot is alive.
            unsafe { ftl_object::gc_hooks::untrack_in_place(links) };
        } else {
            self.unlink_listed(links);
        }
        let free_threaded = self.is_free_threaded();
        self.with(|s| {
            let g0 = &mut s.generations[0];
            // 3.11 stops at zero; 3.13t does not (see `Generation::count`).
            if free_threaded || g0.count > 0 {
                g0.count -= 1;
            }
        })
    }
}

impl<P: HeapPolicy> Drop for Collector<P> {
    fn drop(&mut self) {
        // Untrack everything still tracked, so that an object freed after
        // its collector never reaches a freed list head or slot.
        if let Some(registry) = &self.tables {
            registry.each_segment(|seg| {
                for slot in seg.slots() {
                    if let Some(g) = NonNull::new(slot.load(Ordering::Relaxed)) {
                        // SAFETY: `&mut self`: no thread announces to this
                        // collector any more (each tracker holds it), so a
                        // non-null slot holds a live object's links.
                        unsafe { ftl_object::gc_hooks::untrack_in_place(g.cast()) };
                    }
                }
            });
        }
        for i in 0..=NUM_GENERATIONS {
            let head = self.head(i);
            // SAFETY: our lists of live tracked objects; `&mut self`.
            unsafe {
                while !list::is_empty(head) {
                    list::remove(list::next(head));
                }
            }
        }
        // SAFETY: made by `Box::leak` in `new`, freed once, here; no object
        // points at a head any more.
        drop(unsafe { Box::from_raw(self.heads.as_ptr()) });
    }
}

/// `update_refs`, `subtract_refs`, `move_unreachable`: leaves the objects
/// of `young` reachable from outside it in `young`, and moves the rest to
/// `unreachable` (marked `UNREACHABLE`, still `COLLECTING`). `held` is the
/// number of references the collection itself holds to each object of
/// `young` (one in the second pause on a deferring heap, 3.13t's worklist
/// reference; zero otherwise), which are not references from outside.
///
/// # Safety
/// `young` and `unreachable` are lists of live objects (and heads) that
/// nobody else touches meanwhile.
unsafe fn deduce_unreachable<P: HeapPolicy>(young: Gc, unreachable: Gc, held: usize) {
    // SAFETY: caller.
    unsafe {
        // update_refs: gc_refs = the reference count (less the collection's
        // own `held` references to each object), and COLLECTING set.
        let mut g = list::next(young);
        while g != young {
            let next = list::next(g);
            let o = ObjRef::<P>::borrow_from_gc_links(g);
            let rc = o.refcount();
            // Only a deferred object (counted per thread, freed by the
            // collector alone) is still tracked with no reference left;
            // once merged in the first pause, only the collection's own
            // reference may hold it.
            assert!(
                rc >= held && (rc > 0 || o.is_deferred()),
                "a tracked object with a zero count"
            );
            list::reset_refs(g, rc - held);
            g = next;
        }
        // subtract_refs: take away every reference from inside the set.
        let mut g = list::next(young);
        while g != young {
            let o = ObjRef::<P>::borrow_from_gc_links(g);
            o.traverse_in_place(&mut |child: &ObjRef<P>| {
                if let Some(c) = child.gc_links_ptr() {
                    if list::is_collecting(c) {
                        list::decref(c);
                    }
                }
            });
            g = list::next(g);
        }
        move_unreachable::<P>(young, unreachable);
    }
}

/// CPython's `move_unreachable`, step by step: walk `young`; an object with
/// `gc_refs > 0` is reachable from outside, so everything it reaches is
/// too (`visit_reachable`: an object already moved to `unreachable` comes
/// back to the end of `young`, to be walked again; one not walked yet gets
/// `gc_refs = 1`). An object with `gc_refs == 0` moves to `unreachable`,
/// tentatively. `prev` pointers are rebuilt as the walk goes.
///
/// # Safety
/// As [`deduce_unreachable`], after `update_refs` and `subtract_refs`.
unsafe fn move_unreachable<P: HeapPolicy>(young: Gc, unreachable: Gc) {
    // SAFETY: caller.
    unsafe {
        let mut prev = young;
        let mut g = list::next(young);
        while g != young {
            if list::refs(g) > 0 {
                let o = ObjRef::<P>::borrow_from_gc_links(g);
                o.traverse_in_place(&mut |child: &ObjRef<P>| visit_reachable(child, young));
                list::set_prev(g, prev);
                list::clear_collecting(g);
                prev = g;
            } else {
                // Unlink from `young` (singly linked for now) and append to
                // `unreachable`, every `next` there marked UNREACHABLE (the
                // head's too, repaired below).
                list::set_next_word(prev, list::next_word(g));
                let last = list::prev(unreachable);
                list::set_next(last, g, list::UNREACHABLE);
                list::set_prev(g, last);
                list::set_next(g, unreachable, list::UNREACHABLE);
                list::set_prev(unreachable, g);
            }
            g = list::next(prev);
        }
        list::set_prev(young, prev);
        let head_next = list::next(unreachable);
        list::set_next(unreachable, head_next, 0);
    }
}

/// CPython's `visit_reachable`.
///
/// # Safety
/// As [`move_unreachable`].
unsafe fn visit_reachable<P: HeapPolicy>(child: &ObjRef<P>, young: Gc) {
    let Some(c) = child.gc_links_ptr() else {
        return;
    };
    // SAFETY: caller.
    unsafe {
        // Objects of other generations, and those already walked, are not
        // COLLECTING.
        if !list::is_collecting(c) {
            return;
        }
        let next_word = list::next_word(c);
        if next_word.addr() & list::UNREACHABLE != 0 {
            // Tentatively unreachable, but reachable after all: unlink it
            // from `unreachable` by hand (the list functions do not know
            // the marks) and put it back at the end of `young`.
            let prev = list::prev(c);
            let next = list::next(c);
            list::set_next_word(prev, next_word);
            list::set_prev(next, prev);
            list::append(c, young);
            list::set_refs(c, 1);
        } else if list::refs(c) == 0 {
            // Not walked yet: tell the walk it is reachable.
            list::set_refs(c, 1);
        }
    }
}

/// Clears the `UNREACHABLE` mark on every `next` of the list.
///
/// # Safety
/// A list of live objects nobody else touches.
unsafe fn clear_unreachable_marks(head: Gc) {
    // SAFETY: caller.
    unsafe {
        let mut g = head;
        loop {
            let n = list::next(g);
            list::set_next(g, n, 0);
            if n == head {
                break;
            }
            g = n;
        }
    }
}

/// Untracks the objects of `kind` in the list that refer to nothing the
/// collector could find in a cycle (CPython's `untrack_tuples`).
///
/// # Safety
/// A list of live objects nobody else touches, with pointer `prev`s.
unsafe fn untrack_if<P: HeapPolicy>(head: Gc, kind: Kind) {
    // SAFETY: caller.
    unsafe {
        let mut g = list::next(head);
        while g != head {
            let next = list::next(g);
            let o = ObjRef::<P>::borrow_from_gc_links(g);
            // A deferred object (a module's dict) stays tracked: only a
            // collection can free it.
            if o.kind() == kind && !o.is_deferred() {
                let mut atoms_only = true;
                o.traverse_in_place(&mut |child: &ObjRef<P>| {
                    atoms_only &= !child.may_be_gc_tracked()
                });
                if atoms_only {
                    list::remove(g);
                }
            }
            g = next;
        }
    }
}
