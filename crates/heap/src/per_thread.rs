//! Per-thread reference counts: the tables behind `ft-biased`'s deferred
//! objects, after CPython 3.14t's `Python/uniqueid.c`.
//!
//! CPython 3.13t made code objects, classes, module-level functions and
//! modules deferred (`_PyObject_SetDeferredRefcount`) but still counted
//! every reference to them in their shared count, so threads calling the
//! same function or making instances of the same class all wrote one
//! cache line: the scaling collapse of gh-117783 and gh-124218. 3.14t
//! gives such an object a *unique id* and each thread an array of counts
//! indexed by it: a thread adds its increments and decrements there, in
//! memory no other thread writes, and the object's count is its own count
//! plus every thread's entry. Since no single place knows when that sum
//! reaches zero, such an object is freed only by the cycle collector,
//! which adds the entries up with the world stopped.
//!
//! This module keeps the ids and the tables; `biased.rs` decides which
//! cells use them and does the counting.
//!
//! # The pieces
//!
//! * A [`Table`] per thread: its counts by id, in chunks of [`CHUNK`]
//!   entries made on first use and never moved, so the owning thread
//!   reaches an entry with two loads. Only the owning thread writes an
//!   entry (a relaxed load and store, no read-modify-write), except with
//!   the world stopped, when the collector zeroes them; anyone reads them
//!   under the pool's lock.
//! * The [`Pool`]: the address of the object behind each id, the free
//!   ids, and every thread's table, under one lock.
//!
//! # Invariants
//!
//! * An id is held by one live object from [`Pool::alloc`] until
//!   [`Pool::release`], which happens with the world stopped and zeroes
//!   the id's entry in every table first: a reused id starts at zero
//!   everywhere.
//! * An object's count is its own base count plus the sum of its id's
//!   entries over the tables in the pool. A thread that ends moves its
//!   entries into the objects' base counts ([`Pool::retire`]) under the
//!   lock, so the sum read under the lock is the same before and after.
//! * A table that is never retired (a thread whose thread-locals could
//!   not be destroyed in order) stays in the pool and keeps counting: a
//!   count is never lost, at worst an object lives until the process ends.
//! * A retired table is all zero and written by no thread until the pool
//!   hands it to the next thread that registers (tables are recycled,
//!   never freed, so a thread holds its own as a `&'static`).

use ftl_core::sync::{AtomicIsize, Mutex, Ordering};

/// The entries in one chunk of a table.
pub const CHUNK: usize = if cfg!(loom) { 4 } else { 1024 };
/// The chunks in a table: ids are below `CHUNK * CHUNKS`.
const CHUNKS: usize = if cfg!(loom) { 1 } else { 1024 };

#[cfg(not(loom))]
type Chunk = std::sync::OnceLock<Box<[AtomicIsize]>>;
/// Under loom every chunk is made with the table (there is one, small).
#[cfg(loom)]
type Chunk = Box<[AtomicIsize]>;

fn new_chunk() -> Box<[AtomicIsize]> {
    (0..CHUNK).map(|_| AtomicIsize::new(0)).collect()
}

/// One thread's counts, by id.
pub struct Table {
    chunks: Box<[Chunk]>,
}

impl Table {
    /// An empty table.
    pub fn new() -> Self {
        #[cfg(not(loom))]
        let chunks = (0..CHUNKS).map(|_| Chunk::new()).collect();
        #[cfg(loom)]
        let chunks = (0..CHUNKS).map(|_| new_chunk()).collect();
        Table { chunks }
    }

    #[cfg(not(loom))]
    fn chunk(&self, id: u32, make: bool) -> Option<&[AtomicIsize]> {
        let c = &self.chunks[id as usize / CHUNK];
        if make {
            Some(c.get_or_init(new_chunk))
        } else {
            c.get().map(|b| &b[..])
        }
    }

    #[cfg(loom)]
    fn chunk(&self, id: u32, _make: bool) -> Option<&[AtomicIsize]> {
        Some(&self.chunks[id as usize / CHUNK])
    }

    /// Adds `delta` to the entry of `id`. Only the thread that owns the
    /// table calls it (one writer: no read-modify-write needed).
    #[inline]
    pub fn add(&self, id: u32, delta: isize) {
        let chunk = self.chunk(id, true).expect("made");
        let e = &chunk[id as usize % CHUNK];
        e.store(e.load(Ordering::Relaxed) + delta, Ordering::Relaxed);
    }

    /// The entry of `id` (zero if its chunk was never made).
    fn get(&self, id: u32) -> isize {
        self.chunk(id, false)
            .map_or(0, |c| c[id as usize % CHUNK].load(Ordering::Relaxed))
    }

    /// The entry of `id`, set to zero.
    fn take(&self, id: u32) -> isize {
        self.chunk(id, false)
            .map_or(0, |c| c[id as usize % CHUNK].swap(0, Ordering::Relaxed))
    }
}

impl Default for Table {
    fn default() -> Self {
        Self::new()
    }
}

struct PoolState {
    /// The address of the object behind each id; zero for a free id.
    objects: Vec<usize>,
    /// Ids released and free again.
    free: Vec<u32>,
    /// Every registered thread's table.
    tables: Vec<&'static Table>,
    /// Tables of threads that ended, zeroed, for the next threads.
    spare: Vec<&'static Table>,
}

/// The ids of the objects counted per thread, and every thread's table.
pub struct Pool {
    state: Mutex<PoolState>,
}

impl Pool {
    /// An empty pool.
    pub fn new() -> Self {
        Pool {
            state: Mutex::new(PoolState {
                objects: Vec::new(),
                free: Vec::new(),
                tables: Vec::new(),
                spare: Vec::new(),
            }),
        }
    }

    /// An id for the object at `addr`; `None` when every id is taken.
    pub fn alloc(&self, addr: usize) -> Option<u32> {
        let mut s = self.state.lock();
        let id = match s.free.pop() {
            Some(id) => id,
            None if s.objects.len() < CHUNK * CHUNKS => {
                s.objects.push(0);
                (s.objects.len() - 1) as u32
            }
            None => return None,
        };
        s.objects[id as usize] = addr;
        Some(id)
    }

    /// A table for a thread that starts counting: one a thread that ended
    /// left (all zero), or a new one. Tables live as long as the process
    /// (they are recycled, never freed: there are as many as threads ever
    /// ran at once), so a thread may keep a `&'static` to its own.
    pub fn take_table(&self) -> &'static Table {
        let mut s = self.state.lock();
        let table = match s.spare.pop() {
            Some(t) => t,
            None => Box::leak(Box::new(Table::new())),
        };
        s.tables.push(table);
        table
    }

    /// The sum of `id`'s entries over every table.
    pub fn sum(&self, id: u32) -> isize {
        self.state.lock().tables.iter().map(|t| t.get(id)).sum()
    }

    /// Takes `id`'s entries out of every table (zeroing them), frees the
    /// id, and returns their sum. Called with the world stopped: no
    /// thread writes an entry meanwhile.
    pub fn release(&self, id: u32) -> isize {
        let mut s = self.state.lock();
        let sum = s.tables.iter().map(|t| t.take(id)).sum();
        s.objects[id as usize] = 0;
        s.free.push(id);
        sum
    }

    /// The thread that owns `table` ends: each of its non-zero entries is
    /// passed to `merge` with the address of its object (which adds it to
    /// the object's own count), then zeroed, and the table leaves the
    /// pool, all under the lock. The owning thread calls it, and writes
    /// the table no more.
    pub fn retire(&self, table: &'static Table, mut merge: impl FnMut(usize, isize)) {
        let mut s = self.state.lock();
        for id in 0..s.objects.len() as u32 {
            let n = table.take(id);
            if n != 0 {
                let addr = s.objects[id as usize];
                debug_assert!(addr != 0, "an entry for a free id");
                merge(addr, n);
            }
        }
        s.tables.retain(|t| !core::ptr::eq(*t, table));
        s.spare.push(table);
    }
}

impl Default for Pool {
    fn default() -> Self {
        Self::new()
    }
}
