//! `gc` (`Modules/gcmodule.c`'s Python interface) over `ftl-gc`'s
//! [`Collector`](ftl_gc::Collector), and the interpreter's side of a
//! collection: when it runs (at a safe point once the collector says one is
//! due), `gc.callbacks`, `DEBUG_STATS` and `gc.garbage`.
//!
//! Every runtime collects cycles: those whose coordination is exclusive (a
//! GIL, or `single`) with CPython 3.11's generational collector, the
//! free-threaded ones with 3.13t's (per-thread tables, whole-heap
//! collections with the world stopped; see `docs/gc.md`).

use ftl_object::{HeapPolicy, ObjRef};

use crate::interpreter::state::ObjResult as R;
use crate::interpreter::state::{Kw, PyResult, Vm};
use crate::objects::*;
use crate::stdlib::Namespace;

/// Fills `gc`.
pub fn init<P: HeapPolicy>(vm: &Vm<P>, m: &Namespace<'_, P>) -> PyResult<(), P> {
    m.add_functions(&[
        ("collect", gc_collect::<P>),
        ("enable", gc_enable::<P>),
        ("disable", gc_disable::<P>),
        ("isenabled", gc_isenabled::<P>),
        ("get_count", gc_get_count::<P>),
        ("get_threshold", gc_get_threshold::<P>),
        ("set_threshold", gc_set_threshold::<P>),
        ("get_debug", gc_get_debug::<P>),
        ("set_debug", gc_set_debug::<P>),
        ("get_stats", gc_get_stats::<P>),
        ("get_objects", gc_get_objects::<P>),
        ("get_referrers", gc_get_referrers::<P>),
        ("get_referents", gc_get_referents::<P>),
        ("is_tracked", gc_is_tracked::<P>),
        ("is_finalized", gc_is_finalized::<P>),
        ("freeze", gc_freeze::<P>),
        ("unfreeze", gc_unfreeze::<P>),
        ("get_freeze_count", gc_get_freeze_count::<P>),
        ("set_mode", gc_set_mode::<P>),
        ("get_mode", gc_get_mode::<P>),
    ]);
    m.set("garbage", vm.interp.gc_garbage.clone());
    m.set("callbacks", vm.interp.gc_callbacks.clone());
    for (name, value) in [
        ("DEBUG_STATS", ftl_gc::DEBUG_STATS),
        ("DEBUG_COLLECTABLE", ftl_gc::DEBUG_COLLECTABLE),
        ("DEBUG_UNCOLLECTABLE", ftl_gc::DEBUG_UNCOLLECTABLE),
        ("DEBUG_SAVEALL", ftl_gc::DEBUG_SAVEALL),
        ("DEBUG_LEAK", ftl_gc::DEBUG_LEAK),
    ] {
        m.set(name, ObjRef::from_i64(i64::from(value)));
    }
    Ok(())
}

impl<P: HeapPolicy> Vm<P> {
    /// The collector, on a runtime that collects cycles.
    fn collector(&self) -> PyResult<&ftl_gc::Collector<P>, P> {
        self.gc.as_deref().ok_or_else(|| {
            self.new_error(
                crate::interpreter::state::ExcType::RuntimeError,
                "this runtime does not collect cycles yet",
            )
        })
    }

    /// New references to the tracked objects (`gc.get_objects`), taken
    /// with the world stopped.
    #[allow(unsafe_code)] // the collector's `objects_in`
    fn tracked_objects(&self, generation: Option<usize>) -> PyResult<Vec<Obj<P>>, P> {
        let gc = self.collector()?;
        // SAFETY: `with_world_stopped` runs the walk with every other
        // thread stopped at a safe point or detached (see
        // `collect_in_session`).
        Ok(unsafe {
            gc.objects_in(generation, &mut |steps| {
                self.coord.with_world_stopped(steps)
            })
        })
    }

    /// The automatic collection, at a safe point once the collector says
    /// one is due (CPython 3.12's `_Py_RunGC`).
    #[cold]
    #[inline(never)]
    pub(crate) fn collect_due_garbage(&self) {
        let Some(gc) = &self.gc else { return };
        let Some(generation) = gc.take_due() else {
            return;
        };
        // PEP 556's threaded mode: the GC thread collects, not this one.
        let threaded = self.interp.gc_threaded.lock().clone();
        if let Some(h) = threaded {
            if h.request() {
                return;
            }
        }
        self.collect_garbage(generation);
    }

    /// `gc.collect(generation)`: in threaded mode it first waits (detached)
    /// for the GC thread's collection in progress, as PEP 556 says; a
    /// collection asked for from inside one returns 0.
    fn collect_explicitly(&self, generation: usize) -> usize {
        let threaded = self.interp.gc_threaded.lock().clone();
        let Some(h) = threaded else {
            return self.collect_garbage(generation);
        };
        let me = self.ident;
        if !self.blocking_on(ftl_core::Wait::Thread, || h.begin_explicit(me)) {
            return 0;
        }
        let found = self.collect_garbage(generation);
        h.end_explicit();
        found
    }

    /// Stops the GC thread of threaded mode, if one runs (at exit, and by
    /// `gc.set_mode("serial")`): it serves a request already made, then
    /// ends; nobody waits for it.
    pub fn stop_gc_thread(&self) {
        if let Some(h) = self.interp.gc_threaded.lock().take() {
            h.shutdown();
        }
    }

    /// Collects `generation` (CPython's `gc_collect_with_callback`): runs
    /// the "start" callbacks, the collection, the "stop" callbacks.
    /// Returns the objects found unreachable; 0 when a collection is
    /// already running or this runtime does not collect.
    pub fn collect_garbage(&self, generation: usize) -> usize {
        let Some(gc) = &self.gc else { return 0 };
        if !gc.begin_session() {
            return 0;
        }
        let found = self.collect_in_session(gc, generation);
        gc.end_session();
        found
    }

    /// [`collect_garbage`](Self::collect_garbage) inside its session.
    #[allow(unsafe_code)] // the one call of the collector's `collect`
    fn collect_in_session(&self, gc: &ftl_gc::Collector<P>, generation: usize) -> usize {
        self.run_gc_callbacks("start", generation, 0, 0);
        let debug = gc.debug();
        if debug & ftl_gc::DEBUG_STATS != 0 {
            let sizes: Vec<String> = gc.sizes().iter().map(|n| n.to_string()).collect();
            self.write_stderr(&format!(
                "gc: collecting generation {generation}...\ngc: objects in each generation: {}\ngc: objects in permanent generation: {}\n",
                sizes.join(" "),
                gc.freeze_count(),
            ));
        }
        // SAFETY: a VM runs Python, so comes here, only while attached, and
        // `with_world_stopped` runs the structural steps with every other
        // thread of the interpreter stopped at a safe point or detached (a
        // GIL: holding it is enough); no thread touches objects while
        // detached or parked, nor holds a critical section at a safe point.
        let result = unsafe {
            gc.collect_in(generation, &mut |steps| {
                self.coord.with_world_stopped(steps)
            })
        };
        let Some(c) = result else { return 0 };
        if debug & ftl_gc::DEBUG_STATS != 0 {
            self.write_stderr(&format!(
                "gc: done, {} unreachable, {} uncollectable, {:.4}s elapsed\n",
                c.collected + c.uncollectable,
                c.uncollectable,
                c.elapsed.as_secs_f64(),
            ));
        }
        if let Some(garbage) = self.interp.gc_garbage.as_list() {
            for obj in c.saved {
                garbage.push(obj);
            }
        }
        self.run_gc_callbacks("stop", generation, c.collected, c.uncollectable);
        c.collected + c.uncollectable
    }

    /// Calls each of `gc.callbacks` with `(phase, info)`; an exception is
    /// reported as unraisable, as CPython does.
    fn run_gc_callbacks(
        &self,
        phase: &str,
        generation: usize,
        collected: usize,
        uncollectable: usize,
    ) {
        let callbacks = match self.interp.gc_callbacks.as_list() {
            Some(l) if !l.is_empty() => l.snapshot(),
            _ => return,
        };
        let info = ObjRef::new_dict();
        for (k, v) in [
            ("generation", generation),
            ("collected", collected),
            ("uncollectable", uncollectable),
        ] {
            self.dict_set_str(&info, self.intern(k), ObjRef::from_i64(v as i64));
        }
        let phase = ObjRef::new_str(phase);
        for cb in callbacks {
            if let Err(e) = self.call(&cb, &[phase.clone(), info.clone()], Kw::EMPTY) {
                let what = self.repr(&cb).unwrap_or_else(|_| "?".into());
                self.write_stderr(&format!(
                    "Exception ignored in: {what}\n{}",
                    self.format_exception(&e)
                ));
            }
        }
    }
}

fn tuple_of<P: HeapPolicy, T: Copy + TryInto<i64>>(values: &[T]) -> Obj<P> {
    ObjRef::new_tuple(
        values
            .iter()
            .map(|&v| ObjRef::from_i64(v.try_into().unwrap_or(i64::MAX)))
            .collect(),
    )
}

fn gc_collect<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.check_args("collect", args, 0, 1)?;
    let arg = args.first().or(kw.get("generation"));
    let generation = match arg {
        Some(g) => vm.index_i64(g)?,
        None => 2,
    };
    if !(0..ftl_gc::NUM_GENERATIONS as i64).contains(&generation) {
        return Err(vm.value_error("invalid generation"));
    }
    vm.collector()?;
    // What refcounting already found dead is freed first (a deferring
    // strategy holds some of it back), as CPython's would be by now.
    vm.settle_frees();
    Ok(ObjRef::from_i64(
        vm.collect_explicitly(generation as usize) as i64
    ))
}

fn gc_enable<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("enable", args, 0, 0)?;
    vm.collector()?.set_enabled(true);
    Ok(ObjRef::none())
}

fn gc_disable<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("disable", args, 0, 0)?;
    vm.collector()?.set_enabled(false);
    Ok(ObjRef::none())
}

fn gc_isenabled<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("isenabled", args, 0, 0)?;
    Ok(ObjRef::from_bool(vm.collector()?.is_enabled()))
}

fn gc_get_count<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("get_count", args, 0, 0)?;
    let gc = vm.collector()?;
    // This thread's own count first (3.13t's `gc_get_count_impl` does the
    // same; other threads' counts arrive in batches).
    if let Some(scope) = &vm.gc_scope {
        scope.hooks().flush_counts();
    }
    Ok(tuple_of(&gc.count()))
}

fn gc_get_threshold<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("get_threshold", args, 0, 0)?;
    Ok(tuple_of(&vm.collector()?.threshold()))
}

fn gc_set_threshold<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("set_threshold", args, 1, 3)?;
    let mut values = Vec::new();
    for a in args {
        // CPython parses C ints; a negative threshold acts as zero.
        values.push(vm.index_i64(a)?.clamp(0, i64::from(i32::MAX)) as usize);
    }
    vm.collector()?.set_threshold(&values);
    Ok(ObjRef::none())
}

fn gc_get_debug<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("get_debug", args, 0, 0)?;
    Ok(ObjRef::from_i64(i64::from(vm.collector()?.debug())))
}

fn gc_set_debug<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("set_debug", args, 1, 1)?;
    let flags = vm.index_i64(&args[0])?;
    vm.collector()?.set_debug(flags as u32);
    Ok(ObjRef::none())
}

fn gc_get_stats<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("get_stats", args, 0, 0)?;
    let mut out = Vec::new();
    for s in vm.collector()?.stats() {
        let d = ObjRef::new_dict();
        for (k, v) in [
            ("collections", s.collections),
            ("collected", s.collected),
            ("uncollectable", s.uncollectable),
        ] {
            vm.dict_set_str(&d, vm.intern(k), ObjRef::from_i64(v as i64));
        }
        out.push(d);
    }
    Ok(ObjRef::new_list(out))
}

fn gc_get_objects<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.check_args("get_objects", args, 0, 1)?;
    let generation = match args.first().or(kw.get("generation")) {
        Some(g) if !g.is_same(&ObjRef::none()) => {
            let g = vm.index_i64(g)?;
            if g >= ftl_gc::NUM_GENERATIONS as i64 {
                return Err(vm.value_error(format!(
                    "generation parameter must be less than the number of available generations ({})",
                    ftl_gc::NUM_GENERATIONS
                )));
            }
            if g < 0 {
                return Err(vm.value_error("generation parameter cannot be negative"));
            }
            Some(g as usize)
        }
        _ => None,
    };
    Ok(ObjRef::new_list(vm.tracked_objects(generation)?))
}

/// The references `obj` holds, as the collector sees them (none for an
/// object that cannot be in a cycle).
fn referents<P: HeapPolicy>(obj: &Obj<P>) -> Vec<Obj<P>> {
    let mut out = Vec::new();
    if obj.gc_links().is_some() {
        ftl_core::Traverse::traverse(obj, &mut |c: &Obj<P>| out.push(c.clone()));
    }
    out
}

fn gc_get_referents<P: HeapPolicy>(_vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    Ok(ObjRef::new_list(args.iter().flat_map(referents).collect()))
}

fn gc_get_referrers<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let mut out = Vec::new();
    for candidate in vm.tracked_objects(None)? {
        if referents(&candidate)
            .iter()
            .any(|r| args.iter().any(|a| a.is_same(r)))
        {
            out.push(candidate);
        }
    }
    Ok(ObjRef::new_list(out))
}

fn gc_is_tracked<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("is_tracked", args, 1, 1)?;
    Ok(ObjRef::from_bool(vm.collector()?.is_tracked(&args[0])))
}

fn gc_is_finalized<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("is_finalized", args, 1, 1)?;
    let done = args[0]
        .downcast::<Instance<P>>()
        .is_some_and(|i| i.is_finalized());
    Ok(ObjRef::from_bool(done))
}

fn gc_freeze<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("freeze", args, 0, 0)?;
    let gc = vm.collector()?;
    // SAFETY: as in `collect_in_session`: the world is stopped around the
    // moves.
    #[allow(unsafe_code)]
    unsafe {
        gc.freeze_in(&mut |steps| vm.coord.with_world_stopped(steps))
    };
    Ok(ObjRef::none())
}

fn gc_unfreeze<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("unfreeze", args, 0, 0)?;
    vm.collector()?.unfreeze();
    Ok(ObjRef::none())
}

fn gc_get_freeze_count<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("get_freeze_count", args, 0, 0)?;
    Ok(ObjRef::from_i64(vm.collector()?.freeze_count() as i64))
}

fn gc_get_mode<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("get_mode", args, 0, 0)?;
    vm.collector()?;
    let threaded = vm.interp.gc_threaded.lock().is_some();
    Ok(ObjRef::new_str(if threaded {
        "threaded"
    } else {
        "serial"
    }))
}

/// `gc.set_mode(mode)` (PEP 556). Its open questions, answered:
///
/// * *From a finalizer* (during a collection): allowed; the collection
///   under way finishes where it runs, and the mode applies to the next
///   automatic collection.
/// * *Concurrently*: calls are serialised by the interpreter's lock; the
///   last one wins. Leaving threaded mode tells the GC thread to end (it
///   serves a request already made first); entering it again starts a new
///   GC thread.
/// * *At shutdown*: the interpreter tells the GC thread to end before it
///   finalizes and does not wait for it; a collection it has not started
///   by then does not happen (the final `__main__` teardown frees what
///   refcounting can, as in serial mode).
fn gc_set_mode<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("set_mode", args, 1, 1)?;
    vm.collector()?;
    let threaded = match args[0].as_str() {
        Some("serial") => false,
        Some("threaded") => true,
        Some(other) => {
            return Err(vm.value_error(format!(
                "invalid GC mode '{other}': expected 'serial' or 'threaded'"
            )))
        }
        None => {
            return Err(vm.type_error(format!(
                "set_mode() argument must be str, not {}",
                args[0].type_name()
            )))
        }
    };
    if !threaded {
        vm.stop_gc_thread();
        return Ok(ObjRef::none());
    }
    if vm.interp.gc_threaded.lock().is_some() {
        return Ok(ObjRef::none());
    }
    let h = std::sync::Arc::new(ftl_gc::threaded::Handshake::new());
    let target = vm.builtin_fn("gc_thread", gc_thread_main::<P>);
    let args = ObjRef::new_tuple(vec![]);
    *vm.interp.gc_threaded.lock() = Some(h.clone());
    if let Err(e) = vm.start_thread(target, args, None) {
        *vm.interp.gc_threaded.lock() = None;
        return Err(e);
    }
    Ok(ObjRef::none())
}

/// The GC thread of threaded mode: an interpreter thread with its own VM
/// (so finalizers run on it), that waits detached for requests and runs
/// the automatic collection each asks for.
fn gc_thread_main<P: HeapPolicy>(vm: &Vm<P>, _args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let Some(h) = vm.interp.gc_threaded.lock().clone() else {
        return Ok(ObjRef::none());
    };
    let me = vm.ident;
    while vm
        .blocking_on(ftl_core::Wait::World, || h.next_request(me))
        .is_some()
    {
        if let Some(gc) = &vm.gc {
            if let Some(generation) = gc.generation_due() {
                vm.collect_garbage(generation);
            }
        }
        h.finished();
    }
    Ok(ObjRef::none())
}
