//! `ft-biased`'s lock-free list reads (PEP 703) under a writer that keeps
//! replacing items, growing and shrinking the list: every read returns a
//! live item of the list (never freed memory, never a torn pointer), and
//! once every thread has passed safe points all memory is reclaimed and
//! the live-object count is back at its baseline. Under Miri this is the
//! check that no read touches freed memory; the protocol's own model is
//! QSBR's loom model in `ftl-core`.

#![cfg(not(loom))]

use ftl_core::RefCount;
use ftl_heap::{Biased, FtBiased};
use ftl_object::{Accounting, ObjRef};

type R = ObjRef<FtBiased>;

#[cfg(miri)]
const ROUNDS: usize = 30;
#[cfg(not(miri))]
const ROUNDS: usize = 20_000;

/// A fresh (not cached) object tagged `k`.
fn item(k: i64) -> R {
    R::from_f64(k as f64 + 0.5)
}

fn tag(o: &R) -> i64 {
    o.as_f64().expect("a float item") as i64
}

#[test]
fn readers_see_only_live_items_while_a_writer_rewrites_the_list() {
    let acct = Accounting::new();
    let _scope = acct.enter();
    let baseline = acct.live();
    let list = R::new_list((0..8).map(item).collect());
    let start = std::sync::Barrier::new(3);
    let seen_total = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..2 {
            let (list, acct, start, seen_total) = (&list, acct.clone(), &start, &seen_total);
            s.spawn(move || {
                let _scope = acct.enter();
                start.wait();
                let l = list.as_list().expect("a list");
                let mut seen = 0usize;
                for r in 0..ROUNDS {
                    let n = l.len();
                    for i in 0..n.min(12) {
                        if let Some(o) = l.get(i) {
                            let k = tag(&o);
                            assert!((0..1_000_000).contains(&k), "a torn or freed item: {k}");
                            seen += 1;
                        }
                    }
                    if r % 16 == 0 {
                        // A safe point: quiescent, and merges.
                        Biased::at_safe_point();
                    }
                }
                seen_total.fetch_add(seen, std::sync::atomic::Ordering::Relaxed);
                Biased::thread_exit();
            });
        }
        let l = list.as_list().expect("a list");
        start.wait();
        for r in 0..ROUNDS {
            let k = (r % 1000) as i64;
            match r % 5 {
                0 => drop(l.set(r % 8, item(k))),
                1 => l.push(item(k)),
                // Never below 4 items, so a reader always finds some.
                2 if l.len() > 4 => drop(l.pop()),
                3 => l.insert(0, item(k)),
                4 if l.len() > 4 => drop(l.remove_at(0)),
                _ => l.push(item(k)),
            }
            if r % 97 == 0 {
                // Shrink and grow the array: old arrays are retired.
                let all = l.replace_all((0..(r % 40).max(4) as i64).map(item).collect());
                drop(all);
                while l.len() < 8 {
                    l.push(item(1));
                }
            }
            if r % 16 == 0 {
                Biased::at_safe_point();
            }
        }
    });
    // The list never has fewer than 4 items: the readers found some (the
    // test is not vacuous).
    assert!(seen_total.into_inner() > 0, "no reader found anything");
    drop(list);
    for _ in 0..4 {
        Biased::at_safe_point();
        ftl_heap::reclaim::flush();
    }
    assert_eq!(acct.live(), baseline, "every item and the list freed");
}

#[test]
fn a_reader_on_another_thread_reads_items_it_does_not_own() {
    // The first read from a thread that does not own the item takes the
    // lock and marks the item (`enable_try_incref`); after that the count
    // can be raised from that thread: the shared count shows it.
    let acct = Accounting::new();
    let _scope = acct.enter();
    let list = R::new_list(vec![item(7)]);
    let first = list.as_list().unwrap().get(0).unwrap();
    assert_eq!(first.refcount(), 2);
    drop(first);
    std::thread::scope(|s| {
        s.spawn(|| {
            let l = list.as_list().unwrap();
            let a = l.get(0).expect("locked read");
            let b = l.get(0).expect("lock-free read");
            assert_eq!(tag(&a), 7);
            assert_eq!(a.refcount(), 3);
            drop((a, b));
            Biased::thread_exit();
        });
    });
    drop(list);
    Biased::at_safe_point();
    ftl_heap::reclaim::flush();
}

#[test]
fn dict_readers_see_only_live_values_while_a_writer_rewrites_the_dict() {
    let acct = Accounting::new();
    let _scope = acct.enter();
    let baseline = acct.live();
    let keys: Vec<R> = (0..12).map(|k| R::new_str(&format!("key{k}"))).collect();
    let hashes: Vec<_> = keys.iter().map(|k| k.str_hash().expect("str")).collect();
    let dict = R::new_dict();
    {
        let d = dict.as_dict().expect("a dict");
        for (k, h) in keys.iter().zip(&hashes) {
            d.set_hashed(*h, k.clone(), item(1));
        }
    }
    let start = std::sync::Barrier::new(3);
    let found = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..2 {
            let (dict, keys, hashes, acct) = (&dict, &keys, &hashes, acct.clone());
            let (start, found_total) = (&start, &found);
            s.spawn(move || {
                let _scope = acct.enter();
                start.wait();
                let d = dict.as_dict().expect("a dict");
                let mut found = 0usize;
                for r in 0..ROUNDS {
                    for (i, (k, h)) in keys.iter().zip(hashes).enumerate() {
                        let v = if i % 2 == 0 {
                            d.get_hashed(*h, k)
                        } else {
                            d.get_at(i, k)
                        };
                        if let Some(v) = v {
                            let t = tag(&v);
                            assert!((0..1_000_000).contains(&t), "a torn or freed value: {t}");
                            found += 1;
                        }
                    }
                    if r % 16 == 0 {
                        Biased::at_safe_point();
                    }
                }
                found_total.fetch_add(found, std::sync::atomic::Ordering::Relaxed);
                Biased::thread_exit();
            });
        }
        let d = dict.as_dict().expect("a dict");
        start.wait();
        for r in 0..ROUNDS {
            let i = r % keys.len();
            let k = (r % 1000) as i64;
            // Keys 0..4 are only overwritten, so they are always there;
            // the others are deleted and re-inserted (new positions: the
            // entries grow, holes pile up and compaction republishes).
            match (i < 4, r % 3) {
                (true, _) | (false, 0) => d.set_hashed(hashes[i], keys[i].clone(), item(k)),
                (false, 1) => drop(d.remove_hashed(hashes[i], &keys[i])),
                (false, _) => {
                    if let Some((key, value)) = d.popitem() {
                        // Put a stable key back where it was taken from.
                        if keys[..4].iter().any(|s| s.is_same(&key)) {
                            d.set_hashed(key.str_hash().expect("str"), key, value);
                        }
                    }
                }
            }
            if r % 16 == 0 {
                Biased::at_safe_point();
            }
        }
    });
    // Keys 0..4 are always there: the readers found values (the test is
    // not vacuous).
    assert!(found.into_inner() > 0, "no reader found anything");
    drop((dict, keys));
    for _ in 0..4 {
        Biased::at_safe_point();
        ftl_heap::reclaim::flush();
    }
    assert_eq!(acct.live(), baseline, "every key, value and the dict freed");
}
