//! PEP 442 finalizers through `Payload::finalize`: run once when the count
//! reaches zero, with the object alive; resurrection keeps it alive; a
//! resurrected object is not finalized again.

#![allow(unsafe_code)] // tests of unsafe contracts
#![cfg(not(loom))]

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use ftl_object::{Accounting, GilHeap, ObjRef, Payload};

static FINALIZED: AtomicUsize = AtomicUsize::new(0);

std::thread_local! {
    static RESURRECTED: RefCell<Vec<ObjRef<GilHeap>>> = const { RefCell::new(Vec::new()) };
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
        FINALIZED.fetch_add(1, Ordering::Relaxed);
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
    let before = FINALIZED.load(Ordering::Relaxed);
    let plain = ObjRef::<GilHeap>::new(Finalizable {
        done: AtomicBool::new(false),
        resurrect: false,
    });
    drop(plain);
    assert_eq!(FINALIZED.load(Ordering::Relaxed), before + 1);
    assert_eq!(acc.live(), 0, "freed after its finalizer");

    let phoenix = ObjRef::<GilHeap>::new(Finalizable {
        done: AtomicBool::new(false),
        resurrect: true,
    });
    drop(phoenix);
    assert_eq!(FINALIZED.load(Ordering::Relaxed), before + 2);
    assert_eq!(acc.live(), 1, "resurrected, still alive");
    let back = RESURRECTED
        .with(|r| r.borrow_mut().pop())
        .expect("resurrected reference");
    assert_eq!(back.refcount(), 1);
    drop(back);
    assert_eq!(
        FINALIZED.load(Ordering::Relaxed),
        before + 2,
        "never finalized twice"
    );
    assert_eq!(acc.live(), 0);
}
