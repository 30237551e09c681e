//! The interpreters of the process, and running code in one of them on
//! the calling thread.
//!
//! An interpreter made by [`create`] is a whole [`Interp`] of its own —
//! builtins, `sys.modules`, `__main__`, classes, cycle collector,
//! allocation accounting — and a GIL of its own, of the same kind as its
//! creator's (PEP 684: `gil-new`, `gil-old` or `gil-fair`). While no thread
//! runs it, it is *parked* in its [`Record`]: its state sits in a
//! [`Handover`] (the one way a GIL heap's `!Send` objects may sit where
//! other threads can reach them), which only a thread attached to that
//! interpreter's GIL opens.
//!
//! ## Running in another interpreter ([`Record::run`])
//!
//! As `Interpreter.exec()` and `call()` do in CPython 3.14 (the thread
//! switches interpreter: `_PyXI_Enter` / `_PyXI_Exit`), on the calling
//! thread:
//!
//! 1. check the target out of its record (a second thread that wants to
//!    run the same interpreter meanwhile gets `InterpreterError:
//!    interpreter already running`);
//! 2. flush the caller's `sys.stdout` and detach from the caller's GIL
//!    (its other threads run on; this thread touches none of its objects
//!    until step 6);
//! 3. attach to the target's GIL, open the parked state, and make this
//!    thread's `Vm` there (its own type cache, frame pools, finalizer
//!    registration, allocation scope; the same thread ident);
//! 4. run the job, which receives that `Vm` and the target's `__main__`
//!    namespace and returns `Send` data;
//! 5. flush the target's `sys.stdout`, park the state again while still
//!    attached, drop the `Vm` (detaching from the target's GIL);
//! 6. re-attach to the caller's GIL and put the parked state back.
//!
//! ## Isolation, by type
//!
//! The job is `FnOnce(&Vm<P>, &Obj<P>) -> R + Send` with `R: Send`. On the
//! GIL heap `ObjRef` is `!Send`, so a job can capture no object of the
//! caller and return no object of the target: data goes in and out as
//! [`Shareable`](crate::Shareable) (or any other `Send` value without
//! objects). This does not compile:
//!
//! ```compile_fail,E0277
//! fn smuggle(vm: &ftl_vm::interpreter::state::Vm<ftl_object::GilHeap>,
//!            record: &ftl_subinterp::registry::Record<ftl_object::GilHeap>) {
//!     let mine = vm.new_str("an object of the calling interpreter");
//!     let _ = record.run(vm, move |_target, _main| drop(mine));
//! }
//! ```
//!
//! ## Invariants
//!
//! * A parked state is opened and re-parked only by a thread attached to
//!   its interpreter's GIL; at most one thread has it checked out.
//! * The id of an interpreter is never reused in the process; the main
//!   interpreter is 0.
//! * A closed interpreter's record is gone from the registry before its
//!   state is finalized, so no thread can enter it afterwards.

#![allow(unsafe_code)] // the two ends of the Handover that parks an interpreter

use std::any::Any;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use ftl_gil::Handover;
use ftl_object::HeapPolicy;
use ftl_vm::interpreter::state::{Interp, Vm};
use ftl_vm::objects::Obj;
use ftl_vm::threads::coordination::GilAttacher;

use crate::lock;

/// An interpreter's state while no thread runs its main: the interpreter
/// and its `__main__` namespace.
struct Parked<P: HeapPolicy> {
    interp: Arc<Interp<P>>,
    main: Obj<P>,
}

/// One interpreter made by [`create`].
pub struct Record<P: HeapPolicy> {
    id: u64,
    /// Attaches the calling thread to this interpreter's GIL.
    attach: GilAttacher<P>,
    /// The parked state; `None` while a thread runs the interpreter.
    parked: Mutex<Option<Handover<Parked<P>>>>,
    /// The file of the creator's `__main__` (pickles that name functions
    /// of `__main__` are loaded with it: see [`crate::shareable`]).
    main_file: Option<Arc<str>>,
    /// References held by `Interpreter` objects (PEP 734: an interpreter
    /// made by `create()` is closed when the last one goes).
    refs: AtomicUsize,
}

/// Why [`Record::run`] did not run its job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunError {
    /// Another thread runs the interpreter's main.
    AlreadyRunning,
}

/// The interpreters of one heap policy in this process.
struct Registry<P: HeapPolicy> {
    inner: Mutex<Inner<P>>,
}

struct Inner<P: HeapPolicy> {
    next_id: u64,
    records: BTreeMap<u64, Arc<Record<P>>>,
}

// `Record` is Send + Sync because every field is: the `Handover` (Send)
// sits in a `Mutex`, which makes it Sync.
fn registry<P: HeapPolicy>() -> &'static Registry<P> {
    // One registry per heap policy: a process normally runs one runtime,
    // but a test binary runs programs on several.
    static REGISTRIES: Mutex<Vec<&'static (dyn Any + Send + Sync)>> = Mutex::new(Vec::new());
    let mut all = REGISTRIES.lock().unwrap_or_else(|e| e.into_inner());
    for r in all.iter() {
        if let Some(r) = r.downcast_ref::<Registry<P>>() {
            return r;
        }
    }
    let r: &'static Registry<P> = Box::leak(Box::new(Registry {
        inner: Mutex::new(Inner {
            next_id: 1,
            records: BTreeMap::new(),
        }),
    }));
    all.push(r);
    r
}

/// The interpreter `id`, if it exists (and is not the main one).
pub fn find<P: HeapPolicy>(id: u64) -> Option<Arc<Record<P>>> {
    lock(&registry::<P>().inner).records.get(&id).cloned()
}

/// The ids of every interpreter made by [`create`] that is not closed.
pub fn ids<P: HeapPolicy>() -> Vec<u64> {
    lock(&registry::<P>().inner)
        .records
        .keys()
        .copied()
        .collect()
}

/// The id of `vm`'s interpreter (0: the main one).
pub fn current_id<P: HeapPolicy>(vm: &Vm<P>) -> u64 {
    vm.interp.subinterp_id.load(Ordering::Relaxed)
}

/// The main file recorded for `vm`'s interpreter, if it is a
/// subinterpreter.
pub(crate) fn main_file_of<P: HeapPolicy>(vm: &Vm<P>) -> Option<Arc<str>> {
    find::<P>(current_id(vm)).and_then(|r| r.main_file.clone())
}

/// How much native stack the caller has left below here.
fn stack_left<P: HeapPolicy>(vm: &Vm<P>) -> usize {
    let marker = 0u8;
    let here = &marker as *const u8 as usize;
    let used = vm.stack_base.saturating_sub(here);
    vm.stack_budget.saturating_sub(used)
}

/// Makes a new interpreter with a GIL of the same kind as `vm`'s and the
/// same built-in modules, and returns its id; `None` when `vm` runs on no
/// GIL (subinterpreters need one each: see the crate docs).
pub fn create<P: HeapPolicy>(vm: &Vm<P>) -> Option<u64> {
    let attach = ftl_vm::threads::coordination::gil_attacher::<P>(
        vm.coord.name(),
        ftl_core::probe::Probes::off(),
    )?;
    let id = {
        let mut inner = lock(&registry::<P>().inner);
        let id = inner.next_id;
        inner.next_id += 1;
        id
    };
    let argv = vm.interp.argv.clone();
    let extensions = vm.interp.extensions;
    let budget = stack_left(vm).saturating_sub(1 << 20);
    let main_file = crate::shareable::main_file(vm);
    let creator_ident = vm.ident;
    let attach_new = attach.clone();
    let parked = vm.blocking(move || {
        // The new interpreter's objects are counted in its own accounting,
        // and none is announced to the creator's collector (the new
        // interpreter's collector is made after its first objects).
        let accounting = ftl_object::Accounting::new();
        let _counted = accounting.enter();
        let _paused = ftl_object::gc_hooks::pause();
        // A new GIL nobody holds: attaching takes it at once.
        let mut new = Vm::with_modules(argv, attach_new(), extensions);
        // Before any other thread can see the interpreter.
        new.interp.subinterp_id.store(id, Ordering::Relaxed);
        let _ = new.interp.threads.accounting.set(accounting.clone());
        new.ident = creator_ident;
        new.set_stack_budget(budget);
        let new = new;
        let _finalizers = ftl_vm::interpreter::finalize::register(&new);
        new.init_builtins();
        let _ = new.import(&new.intern("builtins"));
        let main = ftl_vm::runtime::new_main_module(&new);
        // SAFETY: this thread is attached to the new interpreter's GIL
        // (`new`'s coordination, an exclusive one); the state is opened
        // again only by `Record::run` and `close`, each after attaching
        // to that GIL, and every object in it is touched only by threads
        // attached to it.
        unsafe {
            Handover::new(Parked {
                interp: new.interp.clone(),
                main,
            })
        }
    });
    let record = Arc::new(Record {
        id,
        attach,
        parked: Mutex::new(Some(parked)),
        main_file,
        refs: AtomicUsize::new(0),
    });
    lock(&registry::<P>().inner).records.insert(id, record);
    Some(id)
}

impl<P: HeapPolicy> Record<P> {
    /// The interpreter's id.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// Whether a thread runs the interpreter's main now.
    pub fn is_running(&self) -> bool {
        lock(&self.parked).is_none()
    }

    /// Counts one more `Interpreter` object owning a reference.
    pub fn incref(&self) {
        self.refs.fetch_add(1, Ordering::AcqRel);
    }

    /// Counts one fewer; true when it was the last.
    pub fn decref(&self) -> bool {
        self.refs
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1))
            == Ok(1)
    }

    /// Runs `job` in this interpreter on the calling thread (see the
    /// module docs): it gets this thread's `Vm` there and the
    /// interpreter's `__main__` namespace.
    pub fn run<R: Send>(
        &self,
        vm: &Vm<P>,
        job: impl FnOnce(&Vm<P>, &Obj<P>) -> R + Send,
    ) -> Result<R, RunError> {
        let parked = lock(&self.parked).take().ok_or(RunError::AlreadyRunning)?;
        let (out, parked) = self.enter(vm, parked, Visit::Run, job);
        *lock(&self.parked) = parked;
        Ok(out)
    }

    /// Steps 2 to 5 of the module docs. A [`Visit::Close`] makes this
    /// thread the interpreter's main thread (closing joins its threads and
    /// must not park when it finalizes) and, instead of parking the state
    /// again, drops it there, still attached and with the interpreter's
    /// collector and accounting entered: every object of the interpreter
    /// dies under its own GIL.
    fn enter<R: Send>(
        &self,
        vm: &Vm<P>,
        parked: Handover<Parked<P>>,
        visit: Visit,
        job: impl FnOnce(&Vm<P>, &Obj<P>) -> R + Send,
    ) -> (R, Option<Handover<Parked<P>>>) {
        vm.flush_stdout();
        let budget = stack_left(vm).saturating_sub(1 << 20);
        let ident = vm.ident;
        let attach = self.attach.clone();
        vm.blocking(move || {
            let model = attach();
            // SAFETY: attached (just above) to the GIL of the interpreter
            // the state was parked under.
            let Parked { interp, main } = unsafe { parked.into_inner() };
            let accounting = interp.threads.accounting.get().cloned();
            let _counted = accounting.as_ref().map(|a| a.enter());
            let mut target = Vm::for_thread(interp, model);
            target.ident = ident;
            target.is_main = visit == Visit::Close;
            target.set_stack_budget(budget);
            let target = target;
            let finalizers = ftl_vm::interpreter::finalize::register(&target);
            let out = job(&target, &main);
            target.exc_info.borrow_mut().clear();
            target.flush_stdout();
            let parked = match visit {
                // SAFETY: still attached to the interpreter's GIL
                // (`target`'s coordination, dropped below); see `create`.
                Visit::Run => Some(unsafe {
                    Handover::new(Parked {
                        interp: target.interp.clone(),
                        main,
                    })
                }),
                Visit::Close => {
                    drop(main);
                    None
                }
            };
            drop(finalizers);
            // The interpreter itself goes with the last `Arc` (this `Vm`'s,
            // unless a daemon thread of it still holds one), before the
            // collector scope and the GIL (the field order of `Vm`).
            drop(target);
            (out, parked)
        })
    }
}

/// What [`Record::enter`] does with the interpreter's state afterwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Visit {
    /// Parks it again.
    Run,
    /// Drops it (the interpreter was finalized).
    Close,
}

/// Why [`close`] did not close an interpreter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CloseError {
    /// No interpreter has that id (or it is closed).
    NotFound,
    /// It is the calling thread's own interpreter.
    Current,
    /// Another thread runs it.
    Running,
}

/// Closes interpreter `id` (PEP 734's `Interpreter.close()`): joins its
/// non-daemon threads, runs its `atexit` callbacks, clears its `__main__`
/// and frees what that frees, as the main interpreter does at exit.
pub fn close<P: HeapPolicy>(vm: &Vm<P>, id: u64) -> Result<(), CloseError> {
    if id == current_id(vm) {
        return Err(CloseError::Current);
    }
    let record = find::<P>(id).ok_or(CloseError::NotFound)?;
    let parked = lock(&record.parked).take().ok_or(CloseError::Running)?;
    // Gone from the registry first: nobody enters it from here on.
    lock(&registry::<P>().inner).records.remove(&id);
    let ((), _) = record.enter(vm, parked, Visit::Close, |target, main| {
        ftl_vm::runtime::finalize_interpreter(target, main);
        if let Some(modules) = target.interp.modules.as_dict() {
            modules.clear();
        }
        // What the modules held in cycles (functions and their globals,
        // classes and their methods) goes now, as CPython's finalization
        // collects after clearing the modules; the rest dies with the
        // interpreter below.
        target.type_cache.clear();
        target.collect_garbage(2);
        target.settle_frees();
        // No other thread of the interpreter left (a daemon thread parked
        // for good still holds it): its roots' cycles are broken, so the
        // interpreter's objects go with it.
        if std::sync::Arc::strong_count(&target.interp) == 1 {
            ftl_vm::runtime::clear_interpreter_roots(target);
            target.collect_garbage(2);
        }
    });
    Ok(())
}
