//! Running `__del__` when an instance's count reaches zero.
//!
//! CPython calls `tp_finalize` synchronously inside the decref that drops
//! the last reference (PEP 442), wherever that happens: in the eval loop,
//! in a container's clear, in another finalizer. The object model calls
//! [`Payload::finalize`](ftl_object::Payload::finalize) at that moment; this
//! module reaches the VM of the current thread through a thread-local
//! registration made by [`register`], and calls the instance's
//! `__del__`. An exception in `__del__` is printed as CPython prints it
//! (`Exception ignored in: ...`) and does not propagate.
//!
//! This is one of the VM's few `unsafe` modules: the thread-local holds a
//! raw pointer to the thread's `Vm`, valid while the registration guard
//! lives (the guard is created after the `Vm` and dropped before it).

#![allow(unsafe_code)] // the thread-local pointer to the running VM

use core::any::Any;
use core::cell::Cell;

use ftl_object::{HeapPolicy, ObjRef};

use crate::interpreter::state::{Kw, Vm};
use crate::objects::Obj;

/// What a runner does with the object.
#[derive(Clone, Copy)]
enum Job {
    /// Call `__del__`.
    Del,
    /// Call a weakref's callback.
    WeakrefCallback,
}

type Runner = unsafe fn(*const (), &dyn Any, Job);

std::thread_local! {
    static CURRENT: Cell<Option<(*const (), Runner)>> = const { Cell::new(None) };
}

/// The previous registration, restored when a guard drops.
struct Registration {
    previous: Option<(*const (), Runner)>,
}

/// Registers `vm` as the current thread's VM for finalizers until the
/// returned guard drops. The guard borrows `vm`, so the borrow checker keeps
/// it alive and in place meanwhile.
pub fn register<P: HeapPolicy>(vm: &Vm<P>) -> RegistrationGuard<'_, P> {
    {
        let previous = CURRENT.with(|c| {
            c.replace(Some((
                vm as *const Vm<P> as *const (),
                run_on::<P> as Runner,
            )))
        });
        RegistrationGuard {
            _vm: vm,
            reg: Registration { previous },
        }
    }
}

/// The guard returned by [`register`]; borrows the VM.
pub struct RegistrationGuard<'a, P: HeapPolicy> {
    _vm: &'a Vm<P>,
    reg: Registration,
}

impl<P: HeapPolicy> Drop for RegistrationGuard<'_, P> {
    fn drop(&mut self) {
        let prev = self.reg.previous.take();
        CURRENT.with(|c| c.set(prev));
    }
}

/// # Safety
/// `vm` points to a live `Vm<P>` (the registration guard borrows it) and
/// `obj` is an `ObjRef<P>`.
unsafe fn run_on<P: HeapPolicy>(vm: *const (), obj: &dyn Any, job: Job) {
    // SAFETY: registered by `register` from a `&Vm<P>` that the
    // guard still borrows, so it is alive and not moved; only shared
    // references are made from it.
    let vm = unsafe { &*(vm as *const Vm<P>) };
    if let Some(obj) = obj.downcast_ref::<ObjRef<P>>() {
        match job {
            Job::Del => vm.call_del(obj),
            Job::WeakrefCallback => vm.call_weakref_callback(obj),
        }
    }
}

/// Runs `obj`'s `__del__` on the current thread's VM, if one is registered.
pub fn run<P: HeapPolicy>(obj: &Obj<P>) {
    run_job(obj, Job::Del)
}

/// Runs the callback of the weakref `wr` on the current thread's VM, if
/// one is registered.
pub fn run_weakref_callback<P: HeapPolicy>(wr: &Obj<P>) {
    run_job(wr, Job::WeakrefCallback)
}

fn run_job<P: HeapPolicy>(obj: &Obj<P>, job: Job) {
    let Some((vm, runner)) = CURRENT.with(Cell::get) else {
        return;
    };
    // SAFETY: `vm` and `runner` were registered together for the same `P`
    // by a live guard (it clears the slot on drop); `obj` is an ObjRef<P>.
    unsafe { runner(vm, obj as &dyn Any, job) }
}

impl<P: HeapPolicy> Vm<P> {
    /// Calls `obj.__del__()`, reporting (not raising) an exception.
    pub fn call_del(&self, obj: &Obj<P>) {
        let Some(f) = self.lookup_type_attr(obj, &self.interp.names.del) else {
            return;
        };
        // The finalizer runs between two instructions of some frame: keep
        // that frame's handled exception state intact.
        if let Err(e) = self.call(&f, core::slice::from_ref(obj), Kw::EMPTY) {
            let where_ = match f.downcast::<crate::objects::Function<P>>() {
                Some(func) => format!("<function {} at {:#x}>", func.display_qualname(), f.addr()),
                None => "__del__".to_string(),
            };
            self.write_stderr(&format!(
                "Exception ignored in: {where_}\n{}",
                self.format_exception(&e)
            ));
        }
    }
}
