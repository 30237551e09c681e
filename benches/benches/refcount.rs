#![allow(missing_docs)] // criterion_group! generates undocumented items
//! Micro-benchmarks of the refcount strategies: the cost of one
//! clone + drop (incref + decref) of an object reference under `plain`
//! (the GIL heap), `atomic` (ft-atomic) and `biased` (ft-biased: by the
//! owner, and by another thread, which counts in the shared word),
//! single-threaded and with two threads hammering one shared object. Run
//! with `cargo bench -p ftl-benches --bench refcount`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use ftl_heap::{FtAtomic, FtBiased};
use ftl_object::{GilHeap, ObjRef};

fn clone_drop(c: &mut Criterion) {
    let mut g = c.benchmark_group("clone_drop");
    let plain = ObjRef::<GilHeap>::from_f64(1.5);
    g.bench_function("plain", |b| b.iter(|| drop(black_box(plain.clone()))));
    let atomic = ObjRef::<FtAtomic>::from_f64(1.5);
    g.bench_function("atomic", |b| b.iter(|| drop(black_box(atomic.clone()))));
    let biased = ObjRef::<FtBiased>::from_f64(1.5);
    g.bench_function("biased_owner", |b| {
        b.iter(|| drop(black_box(biased.clone())))
    });
    // Made on another thread, so this one counts it in the shared word.
    let foreign = std::thread::spawn(|| ObjRef::<FtBiased>::from_f64(1.5))
        .join()
        .expect("made");
    g.bench_function("biased_other_thread", |b| {
        b.iter(|| drop(black_box(foreign.clone())))
    });
    let immortal = ObjRef::<FtAtomic>::none();
    g.bench_function("atomic_immortal", |b| {
        b.iter(|| drop(black_box(immortal.clone())))
    });
    g.finish();
}

fn contended(c: &mut Criterion) {
    let mut g = c.benchmark_group("contended_atomic");
    let shared = ObjRef::<FtAtomic>::from_f64(2.5);
    two_threads(&mut g, "two_threads_one_object", &shared);
    g.finish();
    let mut g = c.benchmark_group("contended_biased");
    let shared = ObjRef::<FtBiased>::from_f64(2.5);
    two_threads(&mut g, "two_threads_one_object", &shared);
    g.finish();
}

/// Two threads clone and drop `shared` as fast as they can.
fn two_threads<P: ftl_object::SharedHeap>(
    g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    shared: &ObjRef<P>,
) {
    g.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let start = std::time::Instant::now();
            std::thread::scope(|s| {
                for _ in 0..2 {
                    s.spawn(|| {
                        for _ in 0..iters {
                            drop(black_box(shared.clone()));
                        }
                    });
                }
            });
            start.elapsed()
        })
    });
}

criterion_group!(benches, clone_drop, contended);
criterion_main!(benches);
