#![allow(missing_docs)] // criterion_group! generates undocumented items
//! GIL handoff latency: two threads pass a token back and forth.
//!
//! Each thread runs "bytecode" attached and blocks detached, as an
//! interpreter's threads do around a blocking call: it waits for its turn
//! on a `Mutex` + `Condvar` channel *detached*, re-attaches, flips the turn
//! while attached, notifies the other thread, polls once (a safe point) and
//! goes back to waiting. When the woken thread re-attaches before the
//! flipper has detached, it blocks in attach and the flip includes a real
//! GIL handoff; `report_contention` prints, before the measurements, how
//! often that happened and the GIL's other counters. Under the fair GIL the
//! woken thread returns from a blocking call, so it asks for the GIL at
//! once and the flipper's poll hands it over (a demotion). One criterion
//! iteration is one flip.
//!
//! `mutex_condvar_floor` is the same ping-pong with no GIL: the cost of
//! waking a sleeping thread on this machine (the futex floor). The
//! difference is what each GIL adds to a blocking handoff.
//!
//! Run with `cargo bench -p ftl-benches --bench gil_handoff`.

use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use ftl_core::{RawCoordination, ThreadHandle};
use ftl_gil::{FairGil, NewGil, OldGil};

/// `flips` handoffs through `gil`; returns the wall time.
fn gil_ping_pong<C: RawCoordination>(gil: &C, flips: u64) -> Duration {
    let chan = (Mutex::new(0u64), Condvar::new());
    let start = Instant::now();
    std::thread::scope(|s| {
        for me in 0..2u64 {
            let (lock, cond) = (&chan.0, &chan.1);
            s.spawn(move || {
                let mut h = ThreadHandle::register(gil);
                let mut g = h.attach();
                loop {
                    // Block for our turn, detached (a blocking call).
                    let t = g.detach(|| {
                        let mut t = lock.lock().unwrap();
                        while *t < flips && *t % 2 != me {
                            t = cond.wait(t).unwrap();
                        }
                        *t
                    });
                    if t >= flips {
                        cond.notify_one();
                        break;
                    }
                    // Our turn: flip while attached.
                    *lock.lock().unwrap() += 1;
                    cond.notify_one();
                    g.poll();
                }
            });
        }
    });
    start.elapsed()
}

/// The floor: the same ping-pong with each thread asleep until its turn.
fn condvar_ping_pong(flips: u64) -> Duration {
    let pair = (Mutex::new(0u64), Condvar::new());
    let start = Instant::now();
    std::thread::scope(|s| {
        for me in 0..2u64 {
            let (lock, cond) = (&pair.0, &pair.1);
            s.spawn(move || loop {
                let mut t = lock.lock().unwrap();
                while *t < flips && *t % 2 != me {
                    t = cond.wait(t).unwrap();
                }
                if *t >= flips {
                    drop(t);
                    cond.notify_one();
                    break;
                }
                *t += 1;
                // Notify after unlocking, as the GIL ping-pong does.
                drop(t);
                cond.notify_one();
            });
        }
    });
    start.elapsed()
}

/// Prints, once, how often the woken thread found the GIL held (a
/// contended attach, i.e. a real GIL handoff) in a 100 000-flip run.
fn report_contention() {
    const FLIPS: u64 = 100_000;
    let old = OldGil::new();
    gil_ping_pong(&old, FLIPS);
    let new = NewGil::new();
    gil_ping_pong(&new, FLIPS);
    let fair = FairGil::new();
    gil_ping_pong(&fair, FLIPS);
    for (name, s) in [
        ("gil_old", old.stats()),
        ("gil_new", new.stats()),
        ("gil_fair", fair.stats()),
    ] {
        eprintln!(
            "{name}: {FLIPS} flips, {} acquisitions, {} contended, {} switches, \
             {} drop requests, {} forced switches, mean wait {:.2} µs",
            s.acquisitions,
            s.contended,
            s.switches,
            s.drop_requests,
            s.forced_switches,
            s.wait_ns as f64 / s.contended.max(1) as f64 / 1000.0,
        );
    }
}

fn handoff(c: &mut Criterion) {
    report_contention();
    let mut g = c.benchmark_group("gil_handoff");
    g.sample_size(20);
    g.bench_function("mutex_condvar_floor", |b| b.iter_custom(condvar_ping_pong));
    g.bench_function("gil_old", |b| {
        b.iter_custom(|n| gil_ping_pong(&OldGil::new(), n))
    });
    g.bench_function("gil_new", |b| {
        b.iter_custom(|n| gil_ping_pong(&NewGil::new(), n))
    });
    g.bench_function("gil_fair", |b| {
        b.iter_custom(|n| gil_ping_pong(&FairGil::new(), n))
    });
    g.finish();
}

criterion_group!(benches, handoff);
criterion_main!(benches);
