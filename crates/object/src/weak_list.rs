//! The referent side of weak references: [`WeakList`], kept by every
//! object that can be weakly referenced (CPython's `tp_weaklistoffset`
//! list), whatever crate its type lives in.
//!
//! A weak reference does not own its referent; the referent owns *strong*
//! references to its weakref objects. When the referent dies (its count
//! reached zero and nothing resurrected it, or the cycle collector found it
//! unreachable) it makes each weakref forget it
//! ([`Payload::weakref_forget`](crate::Payload::weakref_forget)) and runs
//! the callbacks of those still alive elsewhere. A weakref object that
//! only its referent holds is dead: it is neither counted nor called back,
//! and the list drops such entries whenever it gains a new one.
//!
//! A type offers weak references by holding a `WeakList`, returning it
//! from [`Payload::weak_list`](crate::Payload::weak_list), visiting it in
//! its `traverse`, and setting [`Payload::FINALIZE`](crate::Payload::FINALIZE):
//! the default finalizer then clears the list when the object dies. The
//! weakref type itself (its referent's address, `get`, callbacks) belongs
//! to the interpreter (`ftl-vm`'s `_weakref`).
//!
//! # Invariants
//!
//! * The list is changed only under its lock (the heap's object lock),
//!   and nothing is freed while it is held: dropped entries are dropped
//!   after it.
//! * [`clear`](WeakList::clear) frees nothing, so the collector may call
//!   it with the world stopped.

use crate::slot::Exclusive;
use crate::{HeapPolicy, ObjRef};

/// Strong references to the weakref objects of one referent.
pub struct WeakList<P: HeapPolicy> {
    refs: Exclusive<P::Lock, Vec<ObjRef<P>>>,
}

impl<P: HeapPolicy> Default for WeakList<P> {
    fn default() -> Self {
        WeakList {
            refs: Exclusive::new(Vec::new()),
        }
    }
}

impl<P: HeapPolicy> WeakList<P> {
    /// Whether any weakref was attached and not yet cleared.
    pub fn is_empty(&self) -> bool {
        self.refs.update(|v| v.is_empty())
    }

    /// The weakref objects alive elsewhere (held by more than this list),
    /// oldest first.
    pub fn alive(&self) -> Vec<ObjRef<P>> {
        let all = self.refs.update(|v| v.clone());
        // `all` holds one more reference: alive elsewhere means > 2.
        all.into_iter().filter(|w| w.refcount() > 2).collect()
    }

    /// Attaches a new weakref object to `referent` (whose list this is),
    /// and drops the dead ones. The referent's count is prepared for
    /// [`RefCount::try_incref`](ftl_core::RefCount::try_incref) from other
    /// threads first, as the weakref will take it back that way.
    pub fn add(&self, referent: &ObjRef<P>, weakref: ObjRef<P>) {
        debug_assert!(
            referent.weak_list().is_some_and(|l| core::ptr::eq(l, self)),
            "a weak list is added to through its own referent"
        );
        referent.enable_try_incref();
        // A weakref held by this list alone is dead, unless counts lag
        // (another thread's copy may not be counted yet): then keep all.
        let prune = <P::Rc as ftl_core::RefCount>::COUNTS_NEVER_LAG;
        let dropped = self.refs.update(|v| {
            let (keep, dead): (Vec<_>, Vec<_>) = core::mem::take(v)
                .into_iter()
                .partition(|w| !prune || w.refcount() > 1);
            *v = keep;
            v.push(weakref);
            dead
        });
        drop(dropped); // outside the critical section
    }

    /// Makes every weakref forget its referent (which is dying) and hands
    /// them all over: those whose count is above one are alive elsewhere,
    /// and their callbacks are due. Frees nothing.
    pub fn clear(&self) -> Vec<ObjRef<P>> {
        let all = self.refs.update(core::mem::take);
        for w in &all {
            w.forget_weak_referent();
        }
        all
    }

    /// The referent `this` is being finalized (its count reached zero and
    /// `this` is the finalizer's own reference): unless something
    /// resurrected it, clear its weakrefs and run the callbacks of those
    /// alive elsewhere.
    pub fn referent_dying(&self, this: &ObjRef<P>) {
        // Counts that lag first count this thread's increments (the
        // finalizer's own reference, a resurrecting store by `__del__`);
        // a count still above one because a drop is not applied yet only
        // defers the clearing to the object's next free. (A resurrecting
        // store on another thread may still be uncounted: then the
        // weakrefs are cleared as if it had not happened.)
        if !<P::Rc as ftl_core::RefCount>::COUNTS_NEVER_LAG {
            <P::Rc as ftl_core::RefCount>::count_own_increments();
        }
        if this.refcount() == 1 {
            let all = self.clear();
            for wr in all.iter().filter(|w| w.refcount() > 1) {
                wr.run_weakref_callback();
            }
        }
    }

    /// Visits the weakref objects (the referent owns them).
    pub fn traverse(&self, visit: &mut dyn FnMut(&ObjRef<P>)) {
        let all = self.refs.update(|v| v.clone());
        all.iter().for_each(visit);
    }
}
