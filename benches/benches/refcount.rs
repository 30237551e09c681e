#![allow(missing_docs)] // criterion_group! generates undocumented items
//! Micro-benchmarks of the refcount strategies: the cost of one
//! clone + drop (incref + decref) of an object reference under `plain`
//! (the GIL heap) and `atomic` (ft-atomic), single-threaded and with two
//! threads hammering one shared object. Run with `cargo bench -p ftl-benches`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use ftl_heap::FtAtomic;
use ftl_object::{GilHeap, ObjRef};

fn clone_drop(c: &mut Criterion) {
    let mut g = c.benchmark_group("clone_drop");
    let plain = ObjRef::<GilHeap>::from_f64(1.5);
    g.bench_function("plain", |b| b.iter(|| drop(black_box(plain.clone()))));
    let atomic = ObjRef::<FtAtomic>::from_f64(1.5);
    g.bench_function("atomic", |b| b.iter(|| drop(black_box(atomic.clone()))));
    let immortal = ObjRef::<FtAtomic>::none();
    g.bench_function("atomic_immortal", |b| {
        b.iter(|| drop(black_box(immortal.clone())))
    });
    g.finish();
}

fn contended(c: &mut Criterion) {
    let mut g = c.benchmark_group("contended_atomic");
    let shared = ObjRef::<FtAtomic>::from_f64(2.5);
    g.bench_function("two_threads_one_object", |b| {
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
    g.finish();
}

criterion_group!(benches, clone_drop, contended);
criterion_main!(benches);
