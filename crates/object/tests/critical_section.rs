//! The thread's stack of critical sections (`ftl_core::lock`) as the object
//! model sees it: a section cannot be re-entered (under `NoLock` that would
//! alias the contents from safe code), and an object that dies inside a
//! section has its finalizer run after the section, not inside it.

#![allow(unsafe_code)] // a test payload
#![cfg(not(loom))]

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use ftl_core::NoLock;
use ftl_object::{Accounting, Exclusive, GilHeap, ObjRef, Payload};

static FINALIZED: AtomicUsize = AtomicUsize::new(0);
static FINALIZED_IN_SECTION: AtomicUsize = AtomicUsize::new(0);

struct Finalizable {
    done: AtomicBool,
}

// SAFETY: only atomics; used on the GIL heap only.
unsafe impl Payload<GilHeap> for Finalizable {
    const NAME: &'static str = "finalizable";
    const GC: bool = true;
    const FINALIZE: bool = true;

    fn needs_finalize(&self) -> bool {
        !self.done.swap(true, Ordering::Relaxed)
    }

    fn finalize(this: &ObjRef<GilHeap>) {
        assert_eq!(this.refcount(), 1, "the finalizer sees the object alive");
        FINALIZED.fetch_add(1, Ordering::Relaxed);
        if ftl_core::in_critical_section() {
            FINALIZED_IN_SECTION.fetch_add(1, Ordering::Relaxed);
        }
    }
}

#[test]
fn an_object_that_dies_inside_a_section_is_finalized_after_it() {
    let acc = Accounting::new();
    let _scope = acc.enter();
    let before = FINALIZED.load(Ordering::Relaxed);
    let cell: Exclusive<NoLock, Option<ObjRef<GilHeap>>> =
        Exclusive::new(Some(ObjRef::new(Finalizable {
            done: AtomicBool::new(false),
        })));
    // The last reference is dropped inside the section (what the module
    // rules of `Locked` once forbade, and only review upheld).
    let seen_inside = cell.update(|slot| {
        *slot = None;
        FINALIZED.load(Ordering::Relaxed)
    });
    assert_eq!(seen_inside, before, "not finalized inside the section");
    assert_eq!(
        FINALIZED.load(Ordering::Relaxed),
        before + 1,
        "finalized once the section ended, before `update` returned"
    );
    assert_eq!(FINALIZED_IN_SECTION.load(Ordering::Relaxed), 0);
    assert_eq!(acc.live(), 0, "and then freed");
}

#[test]
fn sections_nest_on_distinct_objects_and_defer_to_the_outermost() {
    let acc = Accounting::new();
    let _scope = acc.enter();
    let before = FINALIZED.load(Ordering::Relaxed);
    let outer: Exclusive<NoLock, u32> = Exclusive::new(0);
    let inner: Exclusive<NoLock, Option<ObjRef<GilHeap>>> =
        Exclusive::new(Some(ObjRef::new(Finalizable {
            done: AtomicBool::new(false),
        })));
    outer.update(|n| {
        inner.update(|slot| *slot = None);
        assert_eq!(
            FINALIZED.load(Ordering::Relaxed),
            before,
            "the inner section's end is not the outermost"
        );
        *n += 1;
    });
    assert_eq!(FINALIZED.load(Ordering::Relaxed), before + 1);
    assert_eq!(FINALIZED_IN_SECTION.load(Ordering::Relaxed), 0);
    assert_eq!(acc.live(), 0);
}

/// Before the stack existed this compiled, ran, and handed out two `&mut`
/// to one `Vec` (Miri: undefined behaviour); now it panics before the
/// second borrow.
#[test]
#[should_panic(expected = "already holds")]
fn reentering_a_section_panics_instead_of_aliasing() {
    let cell: Exclusive<NoLock, Vec<u8>> = Exclusive::new(vec![1, 2, 3]);
    cell.update(|outer| {
        cell.update(|inner| inner.clear());
        outer.push(4);
    });
}
