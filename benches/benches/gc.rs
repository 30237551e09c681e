#![allow(missing_docs)] // criterion_group! generates undocumented items
#![allow(unsafe_code)] // one call of the collector's unsafe `collect`, on one thread
//! Micro-benchmarks of the cycle collector (`ftl-gc`) on the GIL heap:
//!
//! * `tracking`: allocating and freeing one empty list, with no collector
//!   (no scope entered) and with one (the list is linked into generation
//!   0 and unlinked again: the price every container pays, CPython's
//!   `_PyObject_GC_Link` / `PyObject_GC_UnTrack`); automatic collections
//!   are off so that only the tracking is timed;
//! * `collect_cycles`: one full collection that finds 10,000 two-list
//!   cycles (build time excluded), per cycle.
//!
//! Run with `cargo bench -p ftl-benches --bench gc`.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use ftl_gc::Collector;
use ftl_object::gc_hooks::{self, GcHooks};
use ftl_object::{GilHeap, ObjRef};

type R = ObjRef<GilHeap>;

// The GIL heap's collector is `!Sync` by design; the hooks take an `Arc`.
#[allow(clippy::arc_with_non_send_sync)]
fn collector() -> Arc<Collector<GilHeap>> {
    Arc::new(Collector::new())
}

fn tracking(c: &mut Criterion) {
    let mut g = c.benchmark_group("tracking");
    g.bench_function("list_untracked", |b| {
        b.iter(|| drop(black_box(R::new_list(Vec::new()))))
    });
    let gc = collector();
    gc.set_enabled(false);
    let _scope = gc_hooks::enter(gc.clone() as Arc<dyn GcHooks>);
    g.bench_function("list_tracked", |b| {
        b.iter(|| drop(black_box(R::new_list(Vec::new()))))
    });
    g.finish();
}

fn collect_cycles(c: &mut Criterion) {
    const CYCLES: usize = 10_000;
    let mut g = c.benchmark_group("collect_cycles");
    g.throughput(Throughput::Elements(CYCLES as u64));
    let gc = collector();
    let _scope = gc_hooks::enter(gc.clone() as Arc<dyn GcHooks>);
    g.bench_function("two_list_cycles", |b| {
        b.iter_batched(
            || {
                for _ in 0..CYCLES {
                    let a = R::new_list(Vec::new());
                    let b = R::new_list(vec![a.clone()]);
                    a.as_list().expect("list").push(b);
                }
            },
            |()| {
                // SAFETY: one thread: it has the heap to itself.
                let found = unsafe { gc.collect(2) }.expect("not collecting");
                assert_eq!(found.collected, 2 * CYCLES);
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group!(benches, tracking, collect_cycles);
criterion_main!(benches);
