//! `_weakref` (`Objects/weakrefobject.c`, `Modules/_weakref.c`): weak
//! references, with callbacks, to the objects whose types can be weakly
//! referenced in CPython (instances, functions, classes, methods, built-in
//! functions, modules, generators, sets); the Python
//! half (`WeakValueDictionary`, `WeakKeyDictionary`, `WeakSet`,
//! `finalize`) is the frozen `lib/weakref.py`.
//!
//! # The mechanism
//!
//! A weak reference does not own its referent: [`WeakRef`] keeps the
//! referent's address, and the referent keeps *strong* references to its
//! weakref objects in its [`WeakList`] (`ftl-object`'s, so that a type of
//! any crate can offer weak references). When the referent dies — its count
//! reaches zero and its `__del__`, if any, did not resurrect it (CPython's
//! `subtype_dealloc` order), or the cycle collector finds it unreachable
//! (`handle_weakrefs`, before any finalizer) — it clears every weakref's
//! address and runs the callbacks of the weakrefs still alive elsewhere.
//! A weakref object that only its referent still holds is dead: it is
//! neither counted (`getweakrefcount`) nor called back, and the referent
//! drops such entries whenever it gains a new one.
//!
//! # Invariants
//!
//! * A weakref's address is set only while its referent's memory is
//!   allocated: the referent clears it, under the weakref's lock, before it
//!   is freed, on every path that frees it.
//! * [`WeakRef::get`] reads the address and takes a new reference under
//!   that same lock, with `ObjRef::try_clone_from_raw` (CPython 3.13t's
//!   `_Py_TryIncref`): the memory cannot be freed meanwhile, and a referent
//!   whose count already reached zero on another thread is not taken
//!   back; `get` then returns `None`, as if it had been cleared. So a `get`
//!   racing the referent's death on a free-threaded runtime is sound; under
//!   a GIL the two never interleave and the lock is free (`NoLock`).
//! * While a dying referent's finalizer runs, its count is one again (PEP
//!   442), so a `get` on another thread may take it back: that resurrects
//!   it, as in CPython. If that happens just after the referent decided
//!   to clear its weakrefs, it lives on with its weakrefs cleared.
//! * The collector clears the weakrefs of unreachable objects while the
//!   world is stopped (see `ftl-gc`), so no thread can take garbage back
//!   through one.

#![allow(unsafe_code)] // unsafe impl Payload; the referent's address back to a reference

use core::ptr::NonNull;

use ftl_object::{Exclusive, HeapPolicy, ObjCell, ObjRef, Payload, WeakList};

use crate::interpreter::state::ObjResult as R;
use crate::interpreter::state::{Kw, PyResult, Vm};
use crate::objects::*;
use crate::stdlib::Namespace;

/// A referent's address: plain data, turned back into a reference only by
/// [`WeakRef::get`] under the weakref's lock.
#[derive(Clone, Copy)]
struct Referent(Option<NonNull<()>>);

// SAFETY: an address alone; it is dereferenced only under the lock of the
// `Exclusive` that holds it, where the referent cannot be freed (module
// invariants).
unsafe impl Send for Referent {}
// SAFETY: as above.
unsafe impl Sync for Referent {}

/// A weak reference (`weakref.ref`).
pub struct WeakRef<P: HeapPolicy> {
    /// The referent's address while its memory is allocated; `None` once it
    /// is gone. Read and cleared under the lock.
    referent: Exclusive<P::Lock, Referent>,
    /// The callback, called with this weakref when the referent dies.
    callback: ObjCell<P>,
    /// The referent's hash, once asked for (it outlives the referent).
    hash: Exclusive<P::Lock, Option<i64>>,
}

// SAFETY: the address, the callback and the hash are behind the heap's
// object lock.
unsafe impl<P: HeapPolicy> Payload<P> for WeakRef<P> {
    const NAME: &'static str = "weakref";
    const GC: bool = true;

    fn traverse(&self, visit: &mut dyn FnMut(&Obj<P>)) {
        self.callback.traverse(visit);
    }

    fn clear(&self) {
        drop(self.callback.take());
    }

    fn weakref_callback(this: &Obj<P>) {
        crate::interpreter::finalize::run_weakref_callback(this);
    }

    fn weakref_forget(this: &Obj<P>) {
        if let Some(wr) = this.downcast::<WeakRef<P>>() {
            wr.referent.set(Referent(None));
        }
    }
}

impl<P: HeapPolicy> WeakRef<P> {
    /// The referent, while it lives.
    pub fn get(&self) -> Option<Obj<P>> {
        self.referent.update(|r| {
            let p = r.0?;
            // SAFETY: an address still set names allocated memory: the
            // referent clears it under this lock before it is freed
            // (module invariants); a referent already dying is refused.
            unsafe { ObjRef::try_clone_from_raw(p) }
        })
    }

    /// The callback, if any.
    pub fn callback(&self) -> Option<Obj<P>> {
        self.callback.get()
    }
}

/// `obj.__weakref__`: the head of CPython's list of weak references, which
/// is the shared basic reference when there is one, else the oldest weakref
/// still alive elsewhere; `None` when there is none.
pub fn weakref_head<P: HeapPolicy>(list: &WeakList<P>) -> Option<Obj<P>> {
    let alive = list.alive();
    let basic = alive.iter().position(is_basic::<P>);
    alive.into_iter().nth(basic.unwrap_or(0))
}

/// Whether `w` is a basic reference (a `weakref.ref` with no callback).
fn is_basic<P: HeapPolicy>(w: &Obj<P>) -> bool {
    w.downcast::<WeakRef<P>>()
        .is_some_and(|r| r.callback().is_none())
}

/// Fills `_weakref`.
pub fn init<P: HeapPolicy>(vm: &Vm<P>, m: &Namespace<'_, P>) -> PyResult<(), P> {
    let t = &vm.interp.types;
    m.set("ref", t.others["weakref"].clone());
    m.set("ReferenceType", t.others["weakref"].clone());
    m.add_functions(&[
        ("getweakrefcount", weakref_getweakrefcount::<P>),
        ("getweakrefs", weakref_getweakrefs::<P>),
    ]);
    Ok(())
}

/// `weakref.ref(obj[, callback])`.
pub fn weakref_new<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    // args[0] is the class.
    let args = &args[1..];
    vm.check_args("ref", args, 1, 2)?;
    let obj = &args[0];
    let callback = args.get(1).filter(|c| !c.is_same(&ObjRef::none())).cloned();
    let Some(list) = obj.weak_list() else {
        return Err(vm.type_error(format!(
            "cannot create weak reference to '{}' object",
            vm.type_name(obj)
        )));
    };
    if callback.is_none() {
        // CPython hands out one shared basic reference per object.
        if let Some(basic) = list.alive().into_iter().find(is_basic::<P>) {
            return Ok(basic);
        }
    }
    let wr = ObjRef::new(WeakRef {
        referent: Exclusive::new(Referent(Some(obj.as_raw()))),
        callback: ObjCell::new(callback),
        hash: Exclusive::new(None),
    });
    list.add(obj, wr.clone());
    Ok(wr)
}

fn weakref_getweakrefcount<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("getweakrefcount", args, 1, 1)?;
    let n = args[0].weak_list().map_or(0, |l| l.alive().len());
    Ok(ObjRef::from_i64(n as i64))
}

fn weakref_getweakrefs<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("getweakrefs", args, 1, 1)?;
    let refs = args[0].weak_list().map(|l| l.alive()).unwrap_or_default();
    Ok(ObjRef::new_list(refs))
}

impl<P: HeapPolicy> Vm<P> {
    /// Calls a weakref's callback with the weakref, reporting (not
    /// raising) an exception, as CPython does.
    pub fn call_weakref_callback(&self, wr: &Obj<P>) {
        let Some(cb) = wr.downcast::<WeakRef<P>>().and_then(WeakRef::callback) else {
            return;
        };
        if let Err(e) = self.call(&cb, core::slice::from_ref(wr), Kw::EMPTY) {
            let what = self.repr(&cb).unwrap_or_else(|_| "?".into());
            self.write_stderr(&format!(
                "Exception ignored in: {what}\n{}",
                self.format_exception(&e)
            ));
        }
    }

    /// `wr()`.
    pub(crate) fn call_weakref(&self, wr: &WeakRef<P>, args: &[Obj<P>]) -> R<P> {
        if !args.is_empty() {
            return Err(self.type_error(format!(
                "weakref() takes no arguments ({} given)",
                args.len()
            )));
        }
        Ok(wr.get().unwrap_or_else(ObjRef::none))
    }

    /// `hash(wr)`: the referent's, kept once computed.
    pub(crate) fn hash_weakref(&self, wr: &WeakRef<P>) -> PyResult<i64, P> {
        if let Some(h) = wr.hash.get() {
            return Ok(h);
        }
        let Some(obj) = wr.get() else {
            return Err(self.type_error("weak object has gone away"));
        };
        let h = self.hash(&obj)?;
        wr.hash.set(Some(h));
        Ok(h)
    }

    /// `wr1 == wr2`: the referents compared while both live, else identity.
    pub(crate) fn eq_weakrefs(&self, a: &Obj<P>, b: &Obj<P>) -> PyResult<Option<bool>, P> {
        let (Some(x), Some(y)) = (a.downcast::<WeakRef<P>>(), b.downcast::<WeakRef<P>>()) else {
            return Ok(None);
        };
        match (x.get(), y.get()) {
            (Some(p), Some(q)) => self.eq(&p, &q).map(Some),
            _ => Ok(Some(a.is_same(b))),
        }
    }

    /// `repr(wr)`.
    pub(crate) fn weakref_repr(&self, o: &Obj<P>, wr: &WeakRef<P>) -> String {
        match wr.get() {
            Some(obj) => format!(
                "<weakref at {:#x}; to '{}' at {:#x}>",
                o.addr(),
                self.type_name(&obj),
                obj.addr()
            ),
            None => format!("<weakref at {:#x}; dead>", o.addr()),
        }
    }
}
