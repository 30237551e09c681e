//! `ft-biased`'s counts seen from the object model: where a reference is
//! counted decides when an object can be freed. An object made on one
//! thread and dropped last on another waits in its owner's merge queue
//! until the owner's next safe point; an owner that has ended gives its
//! objects up, so they are freed on the spot; the count is exact at a safe
//! point whichever thread counted. (The races are the loom models' in
//! `src/biased.rs`.)

#![cfg(not(loom))]

use ftl_core::RefCount;
use ftl_heap::{Biased, FtBiased};
use ftl_object::{Accounting, ObjRef};

type R = ObjRef<FtBiased>;

/// An object of its own (not a cached static).
fn fresh() -> R {
    R::new_list(vec![R::from_f64(2.5)])
}

#[test]
fn the_last_drop_on_another_thread_waits_for_the_owners_safe_point() {
    let acct = Accounting::new();
    let _scope = acct.enter();
    let baseline = acct.live();
    let obj = fresh();
    let lent = obj.clone(); // counted in this (the owner's) local count
    std::thread::scope(|s| {
        s.spawn(move || {
            let mine = lent.clone(); // counted in the shared count
            assert_eq!(mine.refcount(), 3);
            drop((mine, lent)); // the second finds the shared count at zero
        });
    });
    drop(obj);
    // The owner's local count is back at one: the reference the queue
    // holds for the other thread's last drop.
    assert_eq!(acct.live(), baseline + 2, "a list and its float, queued");
    Biased::at_safe_point();
    assert_eq!(acct.live(), baseline, "merged and freed at the safe point");
}

#[test]
fn an_owner_that_ended_gives_its_objects_up() {
    let acct = Accounting::new();
    let _scope = acct.enter();
    let baseline = acct.live();
    let (obj, acct2) = (std::sync::Mutex::new(None), acct.clone());
    std::thread::scope(|s| {
        s.spawn(|| {
            let _scope = acct2.enter();
            *obj.lock().unwrap() = Some(fresh());
            Biased::thread_exit();
        });
    });
    let obj = obj.into_inner().unwrap().expect("made");
    assert_eq!(obj.refcount(), 1);
    let other = obj.clone();
    drop(other);
    // Its owner has ended: the last drop merges and frees here, at once.
    drop(obj);
    assert_eq!(acct.live(), baseline);
}

#[test]
fn counts_are_exact_whichever_thread_counted() {
    let obj = fresh();
    let held: Vec<R> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..3)
            .map(|_| s.spawn(|| (0..10).map(|_| obj.clone()).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    let mine: Vec<R> = (0..5).map(|_| obj.clone()).collect();
    assert_eq!(obj.refcount(), 1 + 30 + 5);
    // Dropped by the owner, in its local count: when that reaches zero
    // the owner merges (the 30 shared references hold it), and the rest
    // are counted in the merged shared count. The sum stays exact.
    drop(held);
    drop(mine);
    assert_eq!(obj.refcount(), 1);
}

/// A deferred cell (3.14t's per-thread counts): every thread counts its
/// references in its own table, so the count is exact only summed up; no
/// decref frees it, whoever drops the last reference; a thread that ends
/// moves its counts into the cell; and once merged (`merge_stopped`, here
/// with every other thread joined) it is an ordinary cell again, which
/// the last decref frees.
#[test]
#[allow(unsafe_code)] // the strategy's unsafe entry points, as the object model and collector call them
fn deferred_cells_are_counted_per_thread_and_freed_only_once_merged() {
    // A static, and threads joined with `join` rather than a scope: the
    // threads that end without `thread_exit` leave the registry from a
    // thread-local destructor, which a scope does not wait for (it may run
    // after the scope, and even this test, has returned, counting into
    // the cell meanwhile: Miri caught one reaching a cell on this stack);
    // `join` waits for it.
    static CELL: std::sync::OnceLock<<Biased as RefCount>::Cell> = std::sync::OnceLock::new();
    let cell = CELL.get_or_init(Biased::new_cell);
    // SAFETY: just made on this thread; no other thread sees it yet.
    assert!(unsafe { Biased::defer_to_collector(cell) });
    assert!(Biased::is_deferred(cell));
    let threads: Vec<_> = (0..3)
        .map(|t| {
            std::thread::spawn(move || {
                for _ in 0..1000 {
                    Biased::incref(cell);
                }
                for _ in 0..(1000 - t) {
                    assert!(!Biased::decref(cell));
                }
                if t == 1 {
                    Biased::thread_exit();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().expect("a counting thread");
    }
    // One reference from birth, and 0 + 1 + 2 left by the threads.
    assert_eq!(Biased::count(cell), 4);
    // Dropping references the other threads took: the sum goes to zero,
    // and still nothing is freed (only the collector frees it).
    for _ in 0..4 {
        assert!(!Biased::decref(cell));
    }
    assert_eq!(Biased::count(cell), 0);
    Biased::incref(cell); // the collector's own reference
                          // SAFETY: no other thread counts it (they were joined).
    unsafe { Biased::merge_stopped(cell) };
    assert!(!Biased::is_deferred(cell));
    assert_eq!(Biased::count(cell), 1);
    assert!(
        Biased::decref(cell),
        "an ordinary cell again: the last decref frees"
    );
}
