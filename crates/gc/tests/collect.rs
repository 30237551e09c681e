//! The collector on the GIL heap: cycles freed, reachable objects kept,
//! PEP 442 finalizers run once (resurrection keeps a group whole), the
//! generations' counts and thresholds, untracking of atom-only tuples and
//! dicts, `DEBUG_SAVEALL`, freeze; and a property test against a
//! reachability oracle on random graphs.

#![allow(unsafe_code)] // a test payload (`unsafe impl Payload`)
#![cfg(not(loom))]
// The GIL heap's collector is `!Sync` by design (its exclusion is the
// GIL's); the hooks still take it in an `Arc`, as the VM's threads do.
#![allow(clippy::arc_with_non_send_sync)]

use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::sync::Arc;

use ftl_gc::{Collector, DEBUG_SAVEALL};
use ftl_object::gc_hooks::{self, GcHooks, GcScope};
use ftl_object::{Accounting, GilHeap, ObjRef, Payload, Scope, WeakList};
use proptest::prelude::*;

type R = ObjRef<GilHeap>;

std::thread_local! {
    /// How many finalizers ran on this thread.
    static FINALIZED: Cell<usize> = const { Cell::new(0) };
    /// Where a resurrecting finalizer stores its object.
    static GRAVEYARD: RefCell<Vec<R>> = const { RefCell::new(Vec::new()) };
}

/// A container with edges to other objects, optionally with a finalizer
/// that may resurrect it, and weakly referenceable.
struct Node {
    edges: RefCell<Vec<R>>,
    has_finalizer: bool,
    resurrect: bool,
    finalized: Cell<bool>,
    /// `needs_finalize` found the finalizer due.
    del_pending: Cell<bool>,
    weakrefs: WeakList<GilHeap>,
}

impl Node {
    fn make(has_finalizer: bool, resurrect: bool) -> R {
        R::new(Node {
            edges: RefCell::new(Vec::new()),
            has_finalizer,
            resurrect,
            finalized: Cell::new(false),
            del_pending: Cell::new(false),
            weakrefs: WeakList::default(),
        })
    }
}

fn link(from: &R, to: &R) {
    from.downcast::<Node>()
        .expect("node")
        .edges
        .borrow_mut()
        .push(to.clone());
}

// SAFETY: used on the GIL heap only (not a shared heap), one thread.
unsafe impl Payload<GilHeap> for Node {
    const NAME: &'static str = "node";
    const GC: bool = true;
    const FINALIZE: bool = true;

    fn traverse(&self, visit: &mut dyn FnMut(&R)) {
        let snapshot = self.edges.borrow().clone();
        snapshot.iter().for_each(&mut *visit);
        self.weakrefs.traverse(visit);
    }

    fn clear(&self) {
        let old = core::mem::take(&mut *self.edges.borrow_mut());
        drop(old);
    }

    fn weak_list(&self) -> Option<&WeakList<GilHeap>> {
        Some(&self.weakrefs)
    }

    fn needs_finalize(&self) -> bool {
        let del = self.has_finalizer && !self.finalized.replace(true);
        if del {
            self.del_pending.set(true);
        }
        del || !self.weakrefs.is_empty()
    }

    /// The finalizer (once), then, as CPython's `subtype_dealloc`, the
    /// weakrefs if it did not resurrect the node.
    fn finalize(this: &R) {
        let node = this.downcast::<Node>().expect("node");
        if node.del_pending.replace(false) {
            FINALIZED.with(|f| f.set(f.get() + 1));
            if node.resurrect {
                GRAVEYARD.with(|g| g.borrow_mut().push(this.clone()));
            }
        }
        node.weakrefs.referent_dying(this);
    }
}

/// A weak reference: it holds no reference to its referent, only whether
/// it still has one, and counts its callbacks.
struct Weak {
    referent_alive: Cell<bool>,
    callbacks: Cell<usize>,
}

impl Weak {
    /// A weak reference to `target` (a node).
    fn to(target: &R) -> R {
        let w = R::new(Weak {
            referent_alive: Cell::new(true),
            callbacks: Cell::new(0),
        });
        target.weak_list().expect("a node").add(target, w.clone());
        w
    }

    fn get(w: &R) -> &Weak {
        w.downcast::<Weak>().expect("a weakref")
    }
}

// SAFETY: used on the GIL heap only, one thread.
unsafe impl Payload<GilHeap> for Weak {
    const NAME: &'static str = "weak";
    const GC: bool = true;

    fn weakref_forget(this: &R) {
        Weak::get(this).referent_alive.set(false);
    }

    fn weakref_callback(this: &R) {
        let w = Weak::get(this);
        w.callbacks.set(w.callbacks.get() + 1);
    }
}

/// A collector with this thread in its scope, and an accounting.
struct Heap {
    gc: Arc<Collector<GilHeap>>,
    acc: Arc<Accounting>,
    _scopes: (GcScope, Scope),
}

/// Both collectors: the generational one of the GIL heaps, and the
/// free-threaded one (tables, whole-heap collections), run here on one
/// thread.
const BOTH: [fn() -> Heap; 2] = [Heap::new, Heap::free_threaded];

impl Heap {
    fn new() -> Heap {
        Heap::with(Collector::<GilHeap>::new())
    }

    fn free_threaded() -> Heap {
        Heap::with(Collector::<GilHeap>::new_free_threaded())
    }

    fn with(gc: Collector<GilHeap>) -> Heap {
        let gc = Arc::new(gc);
        let acc = Accounting::new();
        let scope = gc_hooks::enter(gc.tracker());
        let counted = acc.enter();
        Heap {
            gc,
            acc,
            _scopes: (scope, counted),
        }
    }

    fn scope_hooks(&self) -> &Arc<dyn GcHooks> {
        self._scopes.0.hooks()
    }

    fn collect(&self, generation: usize) -> usize {
        // SAFETY: one thread: it has the heap to itself.
        let c = unsafe { self.gc.collect(generation) }.expect("not already collecting");
        c.collected + c.uncollectable
    }
}

fn finalized() -> usize {
    FINALIZED.with(|f| f.get())
}

#[test]
fn a_cycle_is_freed_and_counted() {
    for heap in BOTH {
        let h = heap();
        let a = R::new_list(vec![]);
        let b = R::new_list(vec![a.clone()]);
        a.as_list().expect("list").push(b.clone());
        a.as_list().expect("list").push(a.clone());
        assert!(h.gc.is_tracked(&a) && h.gc.is_tracked(&b));
        drop((a, b));
        assert_eq!(h.acc.live(), 2, "refcounting alone cannot free a cycle");
        assert_eq!(h.collect(2), 2);
        assert_eq!(h.acc.live(), 0);
        assert_eq!(h.collect(2), 0, "nothing left");
    }
}

#[test]
fn objects_reachable_from_outside_survive() {
    let h = Heap::new();
    let kept = R::new_list(vec![]);
    let inner = R::new_list(vec![kept.clone()]);
    kept.as_list().expect("list").push(inner.clone());
    drop(inner);
    assert_eq!(h.collect(0), 0);
    assert_eq!(h.acc.live(), 2);
    assert_eq!(objects(&h.gc, Some(1)).len(), 2, "survivors are promoted");
    assert_eq!(objects(&h.gc, Some(0)).len(), 0);
    drop(kept);
    assert_eq!(h.collect(1), 2);
    assert_eq!(h.acc.live(), 0);
}

#[test]
fn a_dict_cycle_and_a_tuple_inside_it() {
    for heap in BOTH {
        let h = heap();
        let d = R::new_dict();
        let t = R::new_tuple(vec![d.clone(), R::from_i64(7)]);
        d.as_dict()
            .expect("dict")
            .set(R::new_str("t"), t.clone())
            .expect("hashable");
        drop((d, t));
        assert_eq!(h.collect(2), 2);
        assert_eq!(h.acc.live(), 0);
    }
}

#[test]
fn counts_and_the_due_flag_follow_the_thresholds() {
    let h = Heap::new();
    assert_eq!(h.gc.threshold(), [700, 10, 10]);
    h.gc.set_threshold(&[5]);
    assert_eq!(h.gc.threshold(), [5, 10, 10]);
    let mut keep: Vec<R> = (0..5).map(|_| R::new_list(vec![])).collect();
    assert_eq!(h.gc.count()[0], 5);
    assert!(!h.gc.is_due(), "due only past the threshold");
    drop(keep.pop());
    assert_eq!(h.gc.count()[0], 4, "a freed container counts down");
    keep.push(R::new_list(vec![]));
    keep.push(R::new_list(vec![]));
    assert!(h.gc.is_due());
    // SAFETY: one thread.
    let c = unsafe { h.gc.collect_generations() }.expect("a collection was due");
    assert_eq!(c.generation, 0);
    assert_eq!(h.gc.count(), [0, 1, 0]);
    assert!(!h.gc.is_due());
    h.gc.set_enabled(false);
    keep.extend((0..10).map(|_| R::new_list(vec![])));
    assert!(!h.gc.is_due(), "disabled: never due");
    assert_eq!(h.gc.stats()[0].collections, 1);
}

#[test]
fn tuples_of_atoms_are_untracked_in_every_collection() {
    for heap in BOTH {
        let h = heap();
        let atoms = R::new_tuple(vec![R::from_i64(1), R::new_str("x")]);
        let holder = R::new_tuple(vec![R::new_list(vec![])]);
        let nested = R::new_tuple(vec![atoms.clone()]);
        assert!(h.gc.is_tracked(&atoms), "a tuple is tracked at birth");
        h.collect(0);
        assert!(
            !h.gc.is_tracked(&atoms),
            "a tuple of atoms leaves the lists"
        );
        assert!(h.gc.is_tracked(&holder), "a tuple holding a list stays");
        h.collect(2);
        assert!(
            !h.gc.is_tracked(&nested),
            "a tuple of untracked tuples goes too"
        );
        drop((atoms, holder, nested));
        assert_eq!(h.acc.live(), 0, "untracked objects are still freed");
    }
}

fn dict_set(d: &R, key: &str, value: R) {
    d.as_dict()
        .expect("dict")
        .set(R::new_str(key), value)
        .expect("hashable");
}

/// CPython's `MAINTAIN_TRACKING`: a dict of atoms is untracked, a store of
/// a container tracks it, a full collection untracks it again once it
/// holds only atoms, and a cycle made through it afterwards is collected.
#[test]
fn dicts_of_atoms_are_untracked_and_a_stored_container_tracks_them() {
    for heap in BOTH {
        let h = heap();
        let d = R::new_dict();
        assert!(!h.gc.is_tracked(&d), "an empty dict starts untracked");
        if !h.gc.is_free_threaded() {
            assert_eq!(h.gc.count()[0], 1, "an untracked dict still counts");
        }
        dict_set(&d, "k", R::from_i64(1));
        assert!(!h.gc.is_tracked(&d), "an atom does not track it");
        dict_set(&d, "l", R::new_list(vec![]));
        assert!(h.gc.is_tracked(&d), "a list does");
        dict_set(&d, "l", R::from_i64(2));
        assert!(h.gc.is_tracked(&d), "replacing the list leaves it tracked");
        if !h.gc.is_free_threaded() {
            h.collect(1);
            assert!(h.gc.is_tracked(&d), "only full collections untrack dicts");
        }
        h.collect(2);
        assert!(
            !h.gc.is_tracked(&d),
            "a full collection untracks a dict of atoms"
        );
        let born = R::from_dict(
            ftl_object::types::Dict::from_pairs(vec![(R::from_i64(1), R::new_list(vec![]))])
                .expect("hashable"),
        );
        assert!(
            h.gc.is_tracked(&born),
            "a dict born holding a list is tracked"
        );
        // A cycle through the dict that was untracked.
        dict_set(&d, "self", d.clone());
        assert!(h.gc.is_tracked(&d));
        drop((d, born));
        assert_eq!(h.collect(2), 1, "the dict's cycle is collected");
        assert_eq!(h.acc.live(), 0);
    }
}

#[test]
fn finalizers_run_once_before_anything_is_cleared() {
    for heap in BOTH {
        let h = heap();
        let before = finalized();
        let a = Node::make(true, false);
        let b = Node::make(true, false);
        link(&a, &b);
        link(&b, &a);
        drop((a, b));
        assert_eq!(h.collect(2), 2);
        assert_eq!(finalized(), before + 2);
        assert_eq!(h.acc.live(), 0);
    }
}

#[test]
fn a_resurrected_group_stays_alive_whole_and_is_not_finalized_again() {
    for heap in BOTH {
        let h = heap();
        let before = finalized();
        let phoenix = Node::make(true, true);
        let friend = R::new_list(vec![phoenix.clone()]);
        link(&phoenix, &friend);
        drop((phoenix, friend));
        assert_eq!(h.collect(2), 0, "resurrected: nothing collected");
        assert_eq!(finalized(), before + 1);
        assert_eq!(h.acc.live(), 2, "the group survives whole");
        let back = GRAVEYARD
            .with(|g| g.borrow_mut().pop())
            .expect("resurrected");
        let friend = back.downcast::<Node>().expect("node").edges.borrow()[0].clone();
        assert_eq!(
            friend.as_list().expect("list").len(),
            1,
            "its references intact"
        );
        drop((back, friend));
        assert_eq!(h.collect(2), 2, "collected the second time");
        assert_eq!(finalized(), before + 1, "never finalized twice");
        assert_eq!(h.acc.live(), 0);
    }
}

#[test]
fn save_all_keeps_the_garbage() {
    for heap in BOTH {
        let h = heap();
        h.gc.set_debug(DEBUG_SAVEALL);
        let a = R::new_list(vec![]);
        a.as_list().expect("list").push(a.clone());
        drop(a);
        // SAFETY: one thread.
        let c = unsafe { h.gc.collect(2) }.expect("collection");
        assert_eq!(c.collected, 1);
        assert_eq!(c.saved.len(), 1);
        assert_eq!(h.acc.live(), 1);
        h.gc.set_debug(0);
        drop(c);
        assert_eq!(h.collect(2), 1);
        assert_eq!(h.acc.live(), 0);
    }
}

#[test]
fn frozen_objects_are_not_collected_until_unfrozen() {
    for heap in BOTH {
        let h = heap();
        let a = R::new_list(vec![]);
        a.as_list().expect("list").push(a.clone());
        drop(a);
        // SAFETY: one thread: the world is stopped.
        unsafe { h.gc.freeze_in(&mut |f| f()) };
        assert_eq!(h.gc.freeze_count(), 1);
        assert_eq!(h.collect(2), 0);
        h.gc.unfreeze();
        assert_eq!(h.gc.freeze_count(), 0);
        assert_eq!(h.collect(2), 1);
        assert_eq!(h.acc.live(), 0);
    }
}

#[test]
fn objects_outlive_their_collector_safely() {
    let acc = Accounting::new();
    let _counted = acc.enter();
    let survivor = {
        let gc = Arc::new(Collector::<GilHeap>::new());
        let _scope = gc_hooks::enter(gc.clone() as Arc<dyn GcHooks>);
        let a = R::new_list(vec![R::new_list(vec![])]);
        assert!(gc.is_tracked(&a));
        a
    };
    drop(survivor);
    assert_eq!(acc.live(), 0);
}

#[test]
fn a_deep_chain_is_collected_without_recursion() {
    for heap in BOTH {
        let h = heap();
        let head = R::new_list(vec![]);
        let mut tail = head.clone();
        let n = if cfg!(miri) { 300 } else { 100_000 };
        for _ in 0..n {
            let next = R::new_list(vec![]);
            tail.as_list().expect("list").push(next.clone());
            tail = next;
        }
        tail.as_list().expect("list").push(head.clone());
        drop((head, tail));
        assert_eq!(h.collect(2), n + 1);
        assert_eq!(h.acc.live(), 0);
    }
}

/// A random graph: `n` objects, `edges` between them, some held from
/// outside (`roots`). An object is a node (with a finalizer or not), a
/// list or a dict (`kinds`); a dict also holds a few atoms. The first
/// `early` edges are made before a full collection that untracks the dicts
/// that hold only atoms by then, the rest after it, so some cycles go
/// through dicts the collector had untracked.
/// Weak references: `weak` are (holder, target) pairs, a weakref held by
/// object `holder` (by the test itself, a root, when `holder` is `n`) to
/// node `target`.
#[derive(Debug, Clone)]
struct Graph {
    n: usize,
    edges: Vec<(usize, usize)>,
    early: usize,
    roots: Vec<usize>,
    finalizers: Vec<bool>,
    kinds: Vec<u8>,
    weak: Vec<(usize, usize)>,
}

fn graphs() -> impl Strategy<Value = Graph> {
    (1usize..24).prop_flat_map(|n| {
        (
            Just(n),
            prop::collection::vec((0..n, 0..n), 0..n * 3),
            any::<prop::sample::Index>(),
            prop::collection::vec(0..n, 0..4),
            prop::collection::vec(any::<bool>(), n),
            prop::collection::vec(0u8..3, n),
            prop::collection::vec((0..=n, 0..n), 0..n),
        )
            .prop_map(|(n, edges, early, roots, finalizers, kinds, weak)| {
                let early = early.index(edges.len() + 1);
                // Only nodes can be weakly referenced.
                let weak = weak.into_iter().filter(|&(_, t)| kinds[t] == 0).collect();
                Graph {
                    n,
                    edges,
                    early,
                    roots,
                    // Only nodes have finalizers.
                    finalizers: finalizers
                        .iter()
                        .zip(&kinds)
                        .map(|(&f, &k)| f && k == 0)
                        .collect(),
                    kinds,
                    weak,
                }
            })
    })
}

/// An object of the graph.
fn make(kind: u8, has_finalizer: bool) -> R {
    match kind {
        0 => Node::make(has_finalizer, false),
        1 => R::new_list(vec![]),
        _ => {
            // Small ints are immortal: the atoms add no live objects.
            let d = R::new_dict();
            let atom = |v| R::from_i64(v);
            d.as_dict()
                .expect("dict")
                .set(atom(-1), atom(7))
                .expect("hashable");
            d
        }
    }
}

/// The edge `from -> to`, made the way each kind holds references.
fn add_edge(from: &R, to: &R, i: usize) {
    if let Some(l) = from.as_list() {
        l.push(to.clone());
    } else if let Some(d) = from.as_dict() {
        let key = R::from_i64(i64::try_from(i).expect("small"));
        d.set(key, to.clone()).expect("hashable");
    } else {
        link(from, to);
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: if cfg!(miri) { 4 } else { 256 },
        // No file of failed seeds: Miri's isolation has no current directory.
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn collection_frees_exactly_the_unreachable(g in graphs(), generation in 0usize..3, free_threaded: bool) {
        let h = if free_threaded { Heap::free_threaded() } else { Heap::new() };
        let before = finalized();
        let nodes: Vec<R> = (0..g.n).map(|i| make(g.kinds[i], g.finalizers[i])).collect();
        for (i, &(a, b)) in g.edges.iter().enumerate() {
            if i == g.early {
                // Everything is held by `nodes`: nothing is freed, but the
                // dicts of atoms are untracked.
                prop_assert_eq!(h.collect(2), 0);
            }
            add_edge(&nodes[a], &nodes[b], i);
        }
        // The early collection moved everything to the oldest generation.
        let generation = if g.early < g.edges.len() { 2 } else { generation };
        let roots: Vec<R> = g.roots.iter().map(|&i| nodes[i].clone()).collect();
        // The oracle: what the roots reach.
        let mut reach = HashSet::new();
        let mut stack: Vec<usize> = g.roots.clone();
        while let Some(i) = stack.pop() {
            if reach.insert(i) {
                stack.extend(g.edges.iter().filter(|e| e.0 == i).map(|e| e.1));
            }
        }
        // Weak references, held by the test (a root) or by an object of
        // the graph, which then reaches the weakref object; it holds
        // nothing. The test keeps a handle to those whose holder is
        // reachable (they survive either way) to check them afterwards.
        let mut checked_weaks = Vec::new();
        let mut surviving_weaks = 0;
        let mut garbage_weaks = 0;
        for (i, &(holder, target)) in g.weak.iter().enumerate() {
            let w = Weak::to(&nodes[target]);
            if holder < g.n {
                add_edge(&nodes[holder], &w, g.edges.len() + i);
            }
            // A weakref object lives on if it is held from outside the
            // garbage: by the test, a reachable holder, or the weak list of
            // a referent that survives.
            if holder == g.n || reach.contains(&holder) || reach.contains(&target) {
                surviving_weaks += 1;
            } else {
                garbage_weaks += 1;
            }
            if holder == g.n || reach.contains(&holder) {
                checked_weaks.push((w, reach.contains(&target)));
            }
        }
        let reachable: Vec<R> = reach.iter().map(|&i| nodes[i].clone()).collect();
        drop(nodes);
        let live_after_rc = h.acc.live() as usize;
        prop_assert!(live_after_rc >= reach.len());
        // What the collection reports: the unreachable objects it tracks
        // (an untracked dict of atoms is freed with them, uncounted, as in
        // CPython).
        let tracked = objects(&h.gc, None).len();
        let tracked_reachable = reachable.iter().filter(|o| h.gc.is_tracked(o)).count();
        drop(reachable);
        let freed_by_gc = h.collect(generation);
        prop_assert_eq!(
            h.acc.live() as usize,
            reach.len() + surviving_weaks,
            "exactly the reachable survive"
        );
        // A weakref object that only its (garbage) referent still holds is
        // dead, as in CPython, where the referent does not own it: it is
        // counted only if its holder died in this collection.
        let unreachable = tracked - tracked_reachable - surviving_weaks;
        prop_assert!(
            (unreachable.saturating_sub(garbage_weaks)..=unreachable).contains(&freed_by_gc),
            "{} found, {} unreachable of which {} are weakrefs",
            freed_by_gc,
            unreachable,
            garbage_weaks
        );
        // A weakref alive from outside the garbage is cleared, and called
        // back once, exactly when its referent died (by refcounting or in
        // the collection).
        for (w, target_reachable) in &checked_weaks {
            let weak = Weak::get(w);
            prop_assert_eq!(weak.referent_alive.get(), *target_reachable);
            prop_assert_eq!(weak.callbacks.get(), usize::from(!target_reachable));
        }
        drop(checked_weaks);
        // Each unreachable node with a finalizer ran it once (also those
        // refcounting freed when the handles dropped).
        let expected_finalized = (0..g.n).filter(|i| !reach.contains(i) && g.finalizers[*i]).count();
        prop_assert_eq!(finalized() - before, expected_finalized);
        drop(roots);
        h.collect(2);
        prop_assert_eq!(h.acc.live(), 0);
        prop_assert_eq!(finalized() - before, g.finalizers.iter().filter(|f| **f).count());
    }
}

fn objects(gc: &Collector<GilHeap>, generation: Option<usize>) -> Vec<R> {
    // SAFETY: one thread: the world is stopped.
    unsafe { gc.objects_in(generation, &mut |f| f()) }
}

#[test]
fn the_free_threaded_collector_keeps_survivors_in_tables() {
    let h = Heap::free_threaded();
    assert_eq!(h.gc.threshold(), [2000, 10, 10]);
    let kept = R::new_list(vec![]);
    let inner = R::new_list(vec![kept.clone()]);
    kept.as_list().expect("list").push(inner.clone());
    drop(inner);
    assert_eq!(objects(&h.gc, None).len(), 2);
    assert_eq!(h.collect(0), 0, "every collection examines the whole heap");
    assert_eq!(h.gc.sizes(), [2, 0, 0], "one generation");
    assert_eq!(objects(&h.gc, Some(0)).len(), 2);
    assert!(h.gc.is_tracked(&kept));
    drop(kept);
    assert_eq!(h.collect(0), 2);
    assert_eq!(h.acc.live(), 0);
    assert_eq!(h.gc.sizes(), [0, 0, 0]);
}

#[test]
fn the_free_threaded_count_moves_in_batches() {
    let h = Heap::free_threaded();
    h.gc.set_threshold(&[600]);
    let batch = ftl_gc::LOCAL_COUNT_BATCH;
    let keep: Vec<R> = (0..batch - 1).map(|_| R::new_list(vec![])).collect();
    assert_eq!(
        h.gc.count()[0],
        0,
        "the thread's own count is not added yet"
    );
    h.scope_hooks().flush_counts();
    assert_eq!(
        h.gc.count()[0],
        batch - 1,
        "flushed on demand (gc.get_count)"
    );
    let more: Vec<R> = (0..200).map(|_| R::new_list(vec![])).collect();
    assert!(h.gc.count()[0] >= batch - 1);
    h.scope_hooks().flush_counts();
    assert_eq!(h.gc.count()[0], batch + 199);
    assert!(
        h.gc.is_due(),
        "past the threshold and a quarter of the survivors"
    );
    assert_eq!(h.gc.take_due(), Some(0));
    drop((keep, more));
    h.scope_hooks().flush_counts();
    assert_eq!(h.gc.count()[0], 0);
}

/// 3.13t zeroes the young count when a collection starts and subtracts
/// what it frees afterwards, so the count goes below zero and the next
/// automatic collection waits for as many more allocations (`gc_cycles`:
/// 31 collections in 3.13t instead of about 500 at a threshold of 2000).
/// 3.11's count stops at zero.
#[test]
fn a_collection_drives_the_free_threaded_count_below_zero() {
    for free_threaded in [true, false] {
        let h = if free_threaded {
            Heap::free_threaded()
        } else {
            Heap::new()
        };
        let n: isize = 100;
        for _ in 0..n {
            let a = R::new_list(vec![]);
            a.as_list().expect("list").push(a.clone());
        }
        // The allocations reach the collector's count before it starts
        // (as a batch would), the frees after.
        h.scope_hooks().flush_counts();
        assert_eq!(h.collect(2), n as usize);
        h.scope_hooks().flush_counts();
        let count = h.gc.count()[0];
        if free_threaded {
            assert_eq!(count, -n, "the freed garbage is subtracted after the reset");
        } else {
            assert_eq!(count, 0, "3.11 stops at zero");
        }
    }
}

#[test]
fn a_thread_that_ends_leaves_its_objects_to_the_next() {
    let acc = Accounting::new();
    let _counted = acc.enter();
    let gc = Arc::new(Collector::<GilHeap>::new_free_threaded());
    let cycle = {
        // A first "thread": its scope (and table) ends, its objects stay.
        let _scope = gc_hooks::enter(gc.tracker());
        let a = R::new_list(vec![]);
        a.as_list().expect("list").push(a.clone());
        a
    };
    let _scope = gc_hooks::enter(gc.tracker());
    let other = R::new_list(vec![]);
    assert!(gc.is_tracked(&cycle) && gc.is_tracked(&other));
    drop(cycle);
    // SAFETY: one thread.
    let c = unsafe { gc.collect(2) }.expect("collection");
    assert_eq!(c.collected, 1, "the ended table's cycle is found");
    drop(other);
    assert_eq!(acc.live(), 0);
}
