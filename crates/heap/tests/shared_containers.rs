//! The object model under the free-threaded heaps: four threads share
//! lists and dicts under `ft-atomic` (atomic counts), `ft-biased` (biased
//! counts with merge queues) and `ft-buffered` (logged counts, committed
//! here by the counting thread), with real per-object locks, mutating
//! them and dropping references concurrently. Every result is checked
//! exactly, and the live-object count is back at its baseline at the end
//! (nothing leaked, nothing freed twice). As the VM does, each thread ends
//! with `RefCount::thread_exit`, and the main thread brings the counts up
//! to date (`sync_counts`) before it reads them.

#![cfg(not(loom))]

use std::sync::Barrier;

use ftl_core::RefCount;
use ftl_object::{Accounting, HeapPolicy, IntValue, ObjRef};

const THREADS: i64 = 4;
const N: i64 = if cfg!(miri) { 20 } else { 5_000 };

/// Serialises the tests of every heap (see `serial`).
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// The tests, instantiated per heap below.
macro_rules! shared_heap_tests {
    ($module:ident, $heap:ty) => {
        mod $module {
            use super::*;

            type R = ObjRef<$heap>;

            /// Brings the counts up to date for what this thread did: it
            /// merges what other threads queued to it (ft-biased), or
            /// commits the logs (ft-buffered, which has no commit thread
            /// here).
            fn safe_point() {
                <<$heap as HeapPolicy>::Rc as RefCount>::sync_counts();
            }

            /// One test at a time: a heap's deferred changes are settled
            /// exactly only while no other thread counts (ft-buffered's
            /// `sync_counts` waits for every online thread otherwise), and
            /// the test harness runs tests on threads side by side.
            fn serial() -> std::sync::MutexGuard<'static, ()> {
                SERIAL.lock().unwrap_or_else(|e| e.into_inner())
            }

            /// The end of a thread: it gives up the objects it owns.
            fn thread_end() {
                <<$heap as HeapPolicy>::Rc as RefCount>::thread_exit();
            }

            fn int(o: &R) -> i64 {
                o.as_int().and_then(IntValue::as_i64).expect("an int")
            }

            #[test]
            fn four_threads_share_lists_and_dicts_exactly() {
                let _serial = serial();
                let acct = Accounting::new();
                let _scope = acct.enter();
                let baseline = acct.live();

                let list = R::new_list(vec![]);
                let dict = R::new_dict();
                let counter_key = R::new_str("shared");
                // One object every thread clones and drops (refcount contention).
                let hot = R::new_tuple(vec![R::new_str("hot"), R::from_f64(1.5)]);
                let barrier = Barrier::new(THREADS as usize);

                std::thread::scope(|s| {
                    for t in 0..THREADS {
                        let (list, dict, hot, acct, barrier) =
                            (&list, &dict, &hot, &acct, &barrier);
                        s.spawn(move || {
                            let _scope = acct.enter();
                            barrier.wait();
                            let l = list.as_list().unwrap();
                            let d = dict.as_dict().unwrap();
                            for i in 0..N {
                                let v = t * N + i;
                                // Big enough to never be a cached small int.
                                l.push(R::from_i64(v + 1_000_000));
                                let key = R::new_tuple(vec![R::from_i64(t), R::from_i64(i)]);
                                d.set(key, R::new_list(vec![R::from_i64(v), hot.clone()]))
                                    .unwrap();
                                let tmp: Vec<R> = (0..4).map(|_| hot.clone()).collect();
                                drop(tmp);
                                if i % 2 == 1 {
                                    // Remove this thread's previous key.
                                    let prev =
                                        R::new_tuple(vec![R::from_i64(t), R::from_i64(i - 1)]);
                                    let removed =
                                        d.remove(&prev).unwrap().expect("own key present");
                                    let removed = removed.as_list().unwrap();
                                    assert_eq!(int(&removed.get(0).unwrap()), v - 1);
                                }
                                if i % 100 == 0 {
                                    let snap = l.snapshot();
                                    assert!(snap.len() as i64 > i, "own pushes are visible");
                                    safe_point();
                                }
                            }
                            thread_end();
                        });
                    }
                });

                // Exact results: every push arrived once, every odd key survived.
                safe_point();
                let l = list.as_list().unwrap();
                assert_eq!(l.len() as i64, THREADS * N);
                let mut values: Vec<i64> = l.snapshot().iter().map(int).collect();
                values.sort_unstable();
                let want: Vec<i64> = (0..THREADS * N).map(|v| v + 1_000_000).collect();
                assert_eq!(values, want);

                let d = dict.as_dict().unwrap();
                assert_eq!(d.len() as i64, THREADS * N / 2);
                for t in 0..THREADS {
                    for i in (1..N).step_by(2) {
                        let key = R::new_tuple(vec![R::from_i64(t), R::from_i64(i)]);
                        let value = d.get(&key).unwrap().expect("odd key kept");
                        let value = value.as_list().unwrap();
                        assert_eq!(int(&value.get(0).unwrap()), t * N + i);
                        assert!(value.get(1).unwrap().is_same(&hot));
                    }
                }
                assert!(d.get(&counter_key).unwrap().is_none());
                // The hot tuple is referenced by the list values still in the dict.
                assert_eq!(hot.refcount() as i64, 1 + THREADS * N / 2);

                drop((list, dict, hot, counter_key));
                safe_point();
                assert_eq!(acct.live(), baseline, "live objects back at baseline");
            }

            #[test]
            fn concurrent_clone_drop_keeps_exact_counts() {
                let _serial = serial();
                let acct = Accounting::new();
                let _scope = acct.enter();
                let obj = R::new_list(vec![R::new_str("x")]);
                std::thread::scope(|s| {
                    for _ in 0..THREADS {
                        let (obj, acct) = (&obj, &acct);
                        s.spawn(move || {
                            let _scope = acct.enter();
                            let mut held = Vec::new();
                            for i in 0..N {
                                held.push(obj.clone());
                                if i % 3 == 0 {
                                    held.clear();
                                }
                            }
                            drop(held);
                            thread_end();
                        });
                    }
                });
                safe_point();
                assert_eq!(obj.refcount(), 1);
                drop(obj);
                safe_point();
                assert_eq!(acct.live(), 0);
            }

            #[test]
            fn immortals_are_shared_without_writes() {
                let _serial = serial();
                let none = R::none();
                std::thread::scope(|s| {
                    for _ in 0..THREADS {
                        s.spawn(|| {
                            for _ in 0..N {
                                drop(R::none());
                                drop(R::from_i64(7));
                            }
                        });
                    }
                });
                assert!(none.is_immortal());
                assert_eq!(none.refcount(), ftl_core::IMMORTAL_COUNT);
            }

            /// A visitor that touches the container it traverses, under a real object
            /// lock. Before the containers visited outside their critical section, the
            /// visitor's own `len()` tried to take the lock its traversal held: a
            /// deadlock (the lock is not re-entrant). The wait is bounded so that a
            /// regression fails instead of hanging.
            #[test]
            fn a_visitor_may_use_the_container_it_traverses() {
                let _serial = serial();
                use ftl_core::Traverse;
                use std::sync::mpsc;
                use std::time::Duration;

                let (done, finished) = mpsc::channel();
                std::thread::spawn(move || {
                    let acct = Accounting::new();
                    let _scope = acct.enter();
                    let list = R::new_list((0..8).map(|v| R::from_i64(v * 1000)).collect());
                    let dict = R::new_dict();
                    dict.as_dict()
                        .unwrap()
                        .set(R::from_i64(1), R::from_i64(2))
                        .unwrap();
                    let set = R::new_set();
                    set.as_set().unwrap().add(R::from_i64(3000)).unwrap();
                    let mut lens = Vec::new();
                    list.traverse(&mut |_| lens.push(list.as_list().unwrap().len()));
                    dict.traverse(&mut |_| lens.push(dict.as_dict().unwrap().len()));
                    set.traverse(&mut |_| lens.push(set.as_set().unwrap().len()));
                    drop((list, dict, set));
                    safe_point();
                    let _ = done.send((lens, acct.live()));
                });
                let (lens, live) = finished
                    .recv_timeout(Duration::from_secs(20))
                    .expect("traversal deadlocked: visit ran inside the critical section");
                assert_eq!(lens, [8, 8, 8, 8, 8, 8, 8, 8, 1, 1, 1]);
                assert_eq!(live, 0);
            }
        }
    };
}

shared_heap_tests!(ft_atomic, ftl_heap::FtAtomic);
shared_heap_tests!(ft_biased, ftl_heap::FtBiased);
shared_heap_tests!(ft_buffered, ftl_heap::FtBuffered);
