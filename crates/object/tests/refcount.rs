//! Reference counting of the object model under the GIL heap: clone/drop
//! pairs free exactly at zero, immortal objects are never freed, the
//! live-object accounting balances, and deep nesting frees without
//! recursion. These tests also run under Miri.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use ftl_core::Traverse;
use ftl_object::{Accounting, GilHeap, Kind, ObjRef, Payload};
use proptest::prelude::*;

mod common;

type R = ObjRef<GilHeap>;

/// A payload that counts its drops.
struct Tracked(Arc<AtomicUsize>);
impl Drop for Tracked {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}
#[allow(unsafe_code)] // a test payload
                      // SAFETY: an `Arc<AtomicUsize>`: Send and Sync.
unsafe impl<P: ftl_object::HeapPolicy> Payload<P> for Tracked {
    const NAME: &'static str = "tracked";
}

#[test]
fn freed_exactly_when_the_last_reference_drops() {
    let acct = Accounting::new();
    let _scope = acct.enter();
    let drops = Arc::new(AtomicUsize::new(0));
    let a = R::new(Tracked(drops.clone()));
    assert_eq!(acct.live(), 1);
    let b = a.clone();
    let c = b.clone();
    assert_eq!(a.refcount(), 3);
    drop(a);
    drop(c);
    assert_eq!(drops.load(Ordering::SeqCst), 0);
    assert_eq!(b.refcount(), 1);
    drop(b);
    assert_eq!(drops.load(Ordering::SeqCst), 1);
    assert_eq!(acct.live(), 0);
    assert_eq!(acct.allocated(), 1);
    assert_eq!(acct.freed(), 1);
}

proptest! {
    #![proptest_config(common::proptest_config())]

    /// Any sequence of clones and drops over a pool of references frees the
    /// object exactly once, exactly when the pool becomes empty, and the
    /// count always equals the pool's size.
    #[test]
    fn clone_drop_sequences_free_exactly_at_zero(ops in prop::collection::vec((any::<bool>(), any::<usize>()), 1..200)) {
        let acct = Accounting::new();
        let _scope = acct.enter();
        let drops = Arc::new(AtomicUsize::new(0));
        let mut pool = vec![R::new(Tracked(drops.clone()))];
        for (clone, pick) in ops {
            if pool.is_empty() {
                break;
            }
            let i = pick % pool.len();
            if clone {
                let c = pool[i].clone();
                pool.push(c);
            } else {
                pool.swap_remove(i);
            }
            let expected_drops = usize::from(pool.is_empty());
            prop_assert_eq!(drops.load(Ordering::SeqCst), expected_drops);
            if let Some(r) = pool.first() {
                prop_assert_eq!(r.refcount(), pool.len());
            }
        }
        drop(pool);
        prop_assert_eq!(drops.load(Ordering::SeqCst), 1);
        prop_assert_eq!(acct.live(), 0);
    }
}

#[test]
fn immortal_objects_are_never_freed_or_counted() {
    let acct = Accounting::new();
    let _scope = acct.enter();
    let drops = Arc::new(AtomicUsize::new(0));
    let imm = R::new_immortal(Tracked(drops.clone()));
    assert!(imm.is_immortal());
    let clones: Vec<R> = (0..100).map(|_| imm.clone()).collect();
    drop(clones);
    for _ in 0..10 {
        drop(imm.clone());
    }
    let count = imm.refcount();
    common::keep_forever(imm.clone());
    drop(imm);
    assert_eq!(count, ftl_core::IMMORTAL_COUNT);
    assert_eq!(drops.load(Ordering::SeqCst), 0, "an immortal was freed");
    assert_eq!(acct.allocated(), 0);
    assert_eq!(acct.live(), 0);
}

#[test]
fn singletons_and_small_ints_are_immortal_and_shared() {
    let acct = Accounting::new();
    let _scope = acct.enter();
    assert!(R::none().is_same(&R::none()));
    assert!(R::none().is_immortal());
    assert!(R::from_bool(true).is_same(&R::from_bool(true)));
    assert!(!R::from_bool(true).is_same(&R::from_bool(false)));
    for v in [-5, 0, 1, 255, 256] {
        let (a, b) = (R::from_i64(v), R::from_i64(v));
        assert!(a.is_same(&b), "{v} is cached");
        assert!(a.is_immortal());
        assert_eq!(a.as_int(), Some(&ftl_object::IntValue::Small(v)));
    }
    for v in [-6, 257, 1 << 40] {
        let (a, b) = (R::from_i64(v), R::from_i64(v));
        assert!(!a.is_same(&b), "{v} is not cached");
        assert!(!a.is_immortal());
    }
    assert!(R::new_tuple(vec![]).is_same(&R::new_tuple(vec![])));
    assert!(R::new_str("").is_same(&R::new_str("")));
    assert_eq!(acct.live(), 0, "the uncached ints were freed");
}

#[test]
fn kinds_names_and_downcasts() {
    let cases: Vec<(R, Kind, &str)> = vec![
        (R::none(), Kind::None, "NoneType"),
        (R::from_bool(false), Kind::Bool, "bool"),
        (R::from_i64(1000), Kind::Int, "int"),
        (R::from_f64(0.5), Kind::Float, "float"),
        (R::new_str("héllo"), Kind::Str, "str"),
        (R::new_bytes(b"ab"), Kind::Bytes, "bytes"),
        (R::new_tuple(vec![R::none()]), Kind::Tuple, "tuple"),
        (R::new_list(vec![]), Kind::List, "list"),
        (R::new_dict(), Kind::Dict, "dict"),
        (R::new_set(), Kind::Set, "set"),
    ];
    for (obj, kind, name) in &cases {
        assert_eq!(obj.kind(), *kind);
        assert_eq!(obj.type_name(), *name);
    }
    assert_eq!(cases[4].0.as_str(), Some("héllo"));
    assert_eq!(cases[5].0.as_bytes(), Some(&b"ab"[..]));
    assert_eq!(cases[3].0.as_f64(), Some(0.5));
    assert_eq!(cases[1].0.as_bool(), Some(false));
    assert!(
        cases[1].0.as_int().is_none(),
        "a bool is not downcast as int"
    );
    assert!(cases[2].0.as_list().is_none());
}

#[test]
fn containers_carry_gc_links_and_scalars_do_not() {
    assert!(R::new_list(vec![]).gc_links().is_some());
    assert!(R::new_dict().gc_links().is_some());
    assert!(R::new_tuple(vec![R::none()]).gc_links().is_some());
    assert!(R::from_i64(5000).gc_links().is_none());
    assert!(R::new_str("x").gc_links().is_none());
}

/// A GC type with a payload aligned more than the links (16 against 8:
/// the most a GC payload may ask, so that the links always sit
/// `GC_LINKS_SIZE` bytes before the header), to check that the links are
/// found at the right offset and freed with the right layout.
#[repr(align(16))]
struct Aligned {
    next: std::cell::RefCell<Option<R>>,
}
#[allow(unsafe_code)] // a test payload
                      // SAFETY: only for the GIL heap, which is not shared; RefCell is fine.
unsafe impl Payload<GilHeap> for Aligned {
    const NAME: &'static str = "aligned";
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&R)) {
        if let Some(r) = &*self.next.borrow() {
            visit(r)
        }
    }
    fn clear(&self) {
        let old = self.next.borrow_mut().take();
        drop(old);
    }
}

#[test]
fn extension_types_traverse_clear_and_break_cycles() {
    let acct = Accounting::new();
    let _scope = acct.enter();
    let a = R::new(Aligned {
        next: Default::default(),
    });
    let b = R::new(Aligned {
        next: std::cell::RefCell::new(Some(a.clone())),
    });
    *a.downcast::<Aligned>().unwrap().next.borrow_mut() = Some(b.clone());
    assert_eq!(a.kind(), Kind::Other);
    let links = a.gc_links().expect("gc type");
    assert!(links.prev.load(Ordering::Relaxed).is_null());
    let mut seen = vec![];
    a.traverse(&mut |r| seen.push(r.addr()));
    assert_eq!(seen, vec![b.addr()]);
    drop(b);
    assert_eq!(acct.live(), 2, "a cycle keeps both alive");
    a.clear(); // what the collector does to break the cycle
    assert_eq!(acct.live(), 1);
    drop(a);
    assert_eq!(acct.live(), 0);
}

#[test]
fn deep_nesting_frees_without_overflowing_the_stack() {
    let depth = if cfg!(miri) { 300 } else { 200_000 };
    let acct = Accounting::new();
    let _scope = acct.enter();
    let mut x = R::new_list(vec![]);
    for i in 0..depth {
        x = if i % 2 == 0 {
            R::new_list(vec![x])
        } else {
            R::new_tuple(vec![x, R::none()])
        };
    }
    assert_eq!(acct.live(), depth as i64 + 1);
    drop(x);
    assert_eq!(acct.live(), 0);
}

#[test]
fn scopes_nest_and_threads_without_a_scope_count_globally() {
    let outer = Accounting::new();
    let inner = Accounting::new();
    let _o = outer.enter();
    let kept = R::from_f64(1.0);
    {
        let _i = inner.enter();
        let _tmp = R::from_f64(2.0);
        let kept2 = R::from_f64(3.0);
        assert_eq!(inner.live(), 2);
        common::keep_forever(kept2); // a deliberate leak, counted
    }
    assert_eq!(inner.live(), 1, "the leak shows");
    assert_eq!(outer.live(), 1);
    drop(kept);
    assert_eq!(outer.live(), 0);
}
