//! PEP 442 finalizers through `Payload::finalize`: run once when the count
//! reaches zero, with the object alive; resurrection keeps it alive; a
//! resurrected object is not finalized again.
//!
//! And the thread's stack of critical sections (`ftl_core::lock`) as the
//! object model sees it: a section whose body is the caller's code cannot
//! be re-entered (under `NoLock` that would alias the contents from safe
//! code), and an object that dies inside a section has its finalizer run
//! after the section, not inside it.
//!
//! The counters are per thread: each test runs on a thread of its own, and
//! these finalizers run on the thread that drops the last reference.

#![allow(unsafe_code)] // tests of unsafe contracts
#![cfg(not(loom))]

use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicBool, Ordering};

use ftl_core::NoLock;
use ftl_object::{Accounting, Exclusive, GilHeap, ObjRef, Payload};

std::thread_local! {
    static RESURRECTED: RefCell<Vec<ObjRef<GilHeap>>> = const { RefCell::new(Vec::new()) };
    static FINALIZED: Cell<usize> = const { Cell::new(0) };
    static FINALIZED_IN_SECTION: Cell<usize> = const { Cell::new(0) };
}

fn finalized() -> usize {
    FINALIZED.with(Cell::get)
}

struct Finalizable {
    done: AtomicBool,
    resurrect: bool,
}

// SAFETY: only atomics and plain data; used on the GIL heap only.
unsafe impl Payload<GilHeap> for Finalizable {
    const NAME: &'static str = "finalizable";
    const GC: bool = true;
    const FINALIZE: bool = true;

    fn needs_finalize(&self) -> bool {
        !self.done.swap(true, Ordering::Relaxed)
    }

    fn finalize(this: &ObjRef<GilHeap>) {
        FINALIZED.with(|n| n.set(n.get() + 1));
        if ftl_core::in_critical_section() {
            FINALIZED_IN_SECTION.with(|n| n.set(n.get() + 1));
        }
        assert_eq!(this.refcount(), 1, "the finalizer sees the object alive");
        let resurrect = this.downcast::<Finalizable>().expect("type").resurrect;
        if resurrect {
            RESURRECTED.with(|r| r.borrow_mut().push(this.clone()));
        }
    }
}

#[test]
fn finalizer_runs_once_and_resurrection_keeps_the_object() {
    let acc = Accounting::new();
    let _scope = acc.enter();
    let before = finalized();
    let plain = ObjRef::<GilHeap>::new(Finalizable {
        done: AtomicBool::new(false),
        resurrect: false,
    });
    drop(plain);
    assert_eq!(finalized(), before + 1);
    assert_eq!(acc.live(), 0, "freed after its finalizer");

    let phoenix = ObjRef::<GilHeap>::new(Finalizable {
        done: AtomicBool::new(false),
        resurrect: true,
    });
    drop(phoenix);
    assert_eq!(finalized(), before + 2);
    assert_eq!(acc.live(), 1, "resurrected, still alive");
    let back = RESURRECTED
        .with(|r| r.borrow_mut().pop())
        .expect("resurrected reference");
    assert_eq!(back.refcount(), 1);
    drop(back);
    assert_eq!(finalized(), before + 2, "never finalized twice");
    assert_eq!(acc.live(), 0);
}

fn finalizable() -> ObjRef<GilHeap> {
    ObjRef::new(Finalizable {
        done: AtomicBool::new(false),
        resurrect: false,
    })
}

#[test]
fn an_object_that_dies_inside_a_section_is_finalized_after_it() {
    let acc = Accounting::new();
    let _scope = acc.enter();
    let before = finalized();
    let cell: Exclusive<NoLock, Option<ObjRef<GilHeap>>> = Exclusive::new(Some(finalizable()));
    // The last reference is dropped inside the section (what the module
    // rules of `Locked` once forbade, and only review upheld).
    let seen_inside = cell.update(|slot| {
        *slot = None;
        finalized()
    });
    assert_eq!(seen_inside, before, "not finalized inside the section");
    assert_eq!(
        finalized(),
        before + 1,
        "finalized once the section ended, before `update` returned"
    );
    assert_eq!(FINALIZED_IN_SECTION.with(Cell::get), 0);
    assert_eq!(acc.live(), 0, "and then freed");
}

#[test]
fn sections_nest_on_distinct_objects_and_defer_to_the_outermost() {
    let acc = Accounting::new();
    let _scope = acc.enter();
    let before = finalized();
    let outer: Exclusive<NoLock, u32> = Exclusive::new(0);
    let inner: Exclusive<NoLock, Option<ObjRef<GilHeap>>> = Exclusive::new(Some(finalizable()));
    outer.update(|n| {
        inner.update(|slot| *slot = None);
        assert_eq!(
            finalized(),
            before,
            "the inner section's end is not the outermost"
        );
        *n += 1;
    });
    assert_eq!(finalized(), before + 1);
    assert_eq!(FINALIZED_IN_SECTION.with(Cell::get), 0);
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
