//! `_interpqueues`: the native side of PEP 734's cross-interpreter
//! queues (`concurrent.interpreters.Queue`), after CPython 3.14's
//! `Modules/_interpqueuesmodule.c`.
//!
//! A queue is a process-wide [`XiQueue`] of [`Item`]s — [`Shareable`]
//! data, never objects — found by id in one registry, beside the number
//! of `Queue` objects bound to it (`bind` / `release`, from the Python
//! class's `__new__` and `__del__`, in any interpreter); the queue is
//! destroyed when the last binding goes, as in CPython.
//!
//! What differs from CPython, on purpose: a blocking `get` or `put`
//! sleeps on the queue's condition variable (detached from the caller's
//! GIL) and is woken by the matching `put` or `get`, where CPython 3.14
//! polls every 10 ms (gh-143017); timeouts are honoured to the fraction of
//! a second (CPython truncates them to whole seconds with `int()`).
//!
//! ## Unbound items
//!
//! An item remembers the interpreter that put it and what to do if that
//! interpreter is closed before the item is taken (`unbounditems`:
//! `UNBOUND_REMOVE` 1 drops it, `UNBOUND_ERROR` 2 makes `get` raise
//! `ItemInterpreterDestroyed`, `UNBOUND` 3 makes `get` return
//! `concurrent.interpreters.UNBOUND`); [`interpreter_closed`] applies that
//! to every queue.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ftl_core::XiQueue;
use ftl_object::{HeapPolicy, ObjRef};
use ftl_vm::interpreter::state::{Kw, ObjResult, PyErr, PyResult, Vm};
use ftl_vm::objects::Obj;
use ftl_vm::stdlib::Namespace;

use crate::shareable::{from_shareable, to_shareable, Fallback, NotShareable, Shareable};
use crate::{id_arg, lock};

/// One item in a queue.
#[derive(Debug)]
pub struct Item {
    /// The data, or `None` once the item is unbound.
    data: Option<Shareable>,
    /// The interpreter that put it.
    interp: u64,
    /// What happens when that interpreter is closed (1, 2 or 3).
    unboundop: i64,
}

/// A queue and its bookkeeping.
struct Entry {
    queue: XiQueue<Item>,
    maxsize: i64,
    default_unboundop: i64,
}

/// The queues of the process by id, each with the number of `Queue`
/// objects (in any interpreter) bound to it.
struct Queues {
    next_id: u64,
    entries: BTreeMap<u64, (Arc<Entry>, usize)>,
}

static QUEUES: Mutex<Queues> = Mutex::new(Queues {
    next_id: 1,
    entries: BTreeMap::new(),
});

fn entry(id: u64) -> Option<Arc<Entry>> {
    lock(&QUEUES).entries.get(&id).map(|(e, _)| e.clone())
}

/// Applies the `unbounditems` rule of each item that interpreter `id` put
/// (see the module docs): it was just closed.
pub fn interpreter_closed(id: u64) {
    let all: Vec<Arc<Entry>> = lock(&QUEUES)
        .entries
        .values()
        .map(|(e, _)| e.clone())
        .collect();
    for e in all {
        e.queue.retain_map(|mut item| {
            if item.interp != id || item.data.is_none() {
                return Some(item);
            }
            match item.unboundop {
                1 => None,
                _ => {
                    item.data = None;
                    Some(item)
                }
            }
        });
    }
}

/// The id of `obj` if it is a `concurrent.interpreters.Queue` of `vm`'s
/// interpreter (the class `_register_heap_types` registered).
pub(crate) fn queue_id<P: HeapPolicy>(vm: &Vm<P>, obj: &Obj<P>) -> Option<u64> {
    let module = vm.dict_get_str(&vm.interp.modules, &vm.intern("_interpqueues"))?;
    let cls = vm
        .getattr_opt(&module, &vm.intern("_Queue"))
        .ok()
        .flatten()?;
    if !vm.isinstance(obj, &cls) {
        return None;
    }
    let id = vm.getattr(obj, &vm.intern("_id")).ok()?;
    u64::try_from(vm.index_i64(&id).ok()?).ok()
}

/// A `concurrent.interpreters.Queue` object of `vm`'s interpreter for
/// queue `id` (importing the module if this interpreter has not yet).
pub(crate) fn queue_object<P: HeapPolicy>(vm: &Vm<P>, id: u64) -> ObjResult<P> {
    let module = vm.import(&vm.intern("_interpqueues"))?;
    let cls = match vm.getattr_opt(&module, &vm.intern("_Queue"))? {
        Some(c) => c,
        None => {
            vm.import(&vm.intern("concurrent.interpreters"))?;
            vm.getattr(&module, &vm.intern("_Queue"))?
        }
    };
    vm.call(&cls, &[ObjRef::from_i64(id as i64)], Kw::EMPTY)
}

/// Fills `_interpqueues`.
pub fn init<P: HeapPolicy>(_vm: &Vm<P>, m: &Namespace<'_, P>) -> PyResult<(), P> {
    m.add_functions(&[
        ("create", create::<P>),
        ("destroy", destroy::<P>),
        ("list_all", list_all::<P>),
        ("bind", bind::<P>),
        ("release", release::<P>),
        ("put", put::<P>),
        ("get", get::<P>),
        ("get_maxsize", get_maxsize::<P>),
        ("get_queue_defaults", get_queue_defaults::<P>),
        ("is_full", is_full::<P>),
        ("get_count", get_count::<P>),
        ("_register_heap_types", register_heap_types::<P>),
    ]);
    Ok(())
}

/// Raises the class registered under `key` in module `module` (by
/// `_register_heap_types` or `_register_types`) with `msg`; a
/// `RuntimeError` when none is registered yet.
pub(crate) fn raise<P: HeapPolicy>(vm: &Vm<P>, module: &str, key: &str, msg: String) -> PyErr<P> {
    let cls = vm
        .dict_get_str(&vm.interp.modules, &vm.intern(module))
        .and_then(|m| vm.getattr_opt(&m, &vm.intern(key)).ok().flatten());
    let Some(cls) = cls else {
        return vm.new_error(ftl_vm::interpreter::state::ExcType::RuntimeError, msg);
    };
    match vm.call(&cls, &[vm.new_str(msg)], Kw::EMPTY) {
        Ok(inst) => PyErr(inst),
        Err(e) => e,
    }
}

fn not_found<P: HeapPolicy>(vm: &Vm<P>, id: u64) -> PyErr<P> {
    raise(
        vm,
        "_interpqueues",
        "_QueueNotFoundError",
        format!("queue {id} not found"),
    )
}

fn entry_arg<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>]) -> PyResult<(u64, Arc<Entry>), P> {
    let id = id_arg(vm, args.first(), "queue")?;
    entry(id).map(|e| (id, e)).ok_or_else(|| not_found(vm, id))
}

/// `create(maxsize, unboundop)` → the new queue's id.
fn create<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> ObjResult<P> {
    vm.check_args("create", args, 2, 3)?;
    let maxsize = vm.index_i64(&args[0])?;
    let unboundop = vm.index_i64(&args[1])?;
    let entry = Entry {
        queue: XiQueue::new(usize::try_from(maxsize.max(0)).unwrap_or(usize::MAX)),
        maxsize,
        default_unboundop: unboundop,
    };
    let mut queues = lock(&QUEUES);
    let id = queues.next_id;
    queues.next_id += 1;
    queues.entries.insert(id, (Arc::new(entry), 0));
    Ok(ObjRef::from_i64(id as i64))
}

/// `destroy(qid)`
fn destroy<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> ObjResult<P> {
    let id = id_arg(vm, args.first(), "queue")?;
    if lock(&QUEUES).entries.remove(&id).is_none() {
        return Err(not_found(vm, id));
    }
    Ok(ObjRef::none())
}

/// `list_all()` → `[(qid, unboundop, fmt)]`
fn list_all<P: HeapPolicy>(_vm: &Vm<P>, _args: &[Obj<P>], _kw: Kw<'_, P>) -> ObjResult<P> {
    let out = lock(&QUEUES)
        .entries
        .iter()
        .map(|(id, (e, _))| {
            ObjRef::new_tuple(vec![
                ObjRef::from_i64(*id as i64),
                ObjRef::from_i64(e.default_unboundop),
                ObjRef::from_i64(-1),
            ])
        })
        .collect();
    Ok(ObjRef::new_list(out))
}

/// `bind(qid)`: one more `Queue` object holds the queue.
fn bind<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> ObjResult<P> {
    let id = id_arg(vm, args.first(), "queue")?;
    match lock(&QUEUES).entries.get_mut(&id) {
        Some((_, bindings)) => *bindings += 1,
        None => return Err(not_found(vm, id)),
    }
    Ok(ObjRef::none())
}

/// `release(qid)`: one fewer; the last one destroys the queue.
fn release<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> ObjResult<P> {
    let id = id_arg(vm, args.first(), "queue")?;
    let mut queues = lock(&QUEUES);
    let Some((_, bindings)) = queues.entries.get_mut(&id) else {
        drop(queues);
        return Err(not_found(vm, id));
    };
    *bindings = bindings.saturating_sub(1);
    if *bindings == 0 {
        queues.entries.remove(&id);
    }
    Ok(ObjRef::none())
}

/// A `block` argument (default false).
fn block_arg<P: HeapPolicy>(vm: &Vm<P>, o: Option<&Obj<P>>) -> PyResult<bool, P> {
    o.map(|b| vm.is_true(b))
        .transpose()
        .map(|b| b.unwrap_or(false))
}

/// A timeout argument: None (wait for ever) or seconds ≥ 0.
fn timeout_arg<P: HeapPolicy>(vm: &Vm<P>, o: Option<&Obj<P>>) -> PyResult<Option<Duration>, P> {
    let Some(o) = o.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let secs = match o.as_f64() {
        Some(f) => f,
        None => vm.index_i64(o)? as f64,
    };
    if secs.is_nan() || secs < 0.0 {
        return Err(vm.value_error("timeout value must be non-negative"));
    }
    Ok(Some(Duration::from_secs_f64(secs.min(1e9))))
}

/// `put(qid, obj, unboundop, block=False, timeout=None)`: raises
/// `QueueFull` when the queue stays full (at once when not blocking).
fn put<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> ObjResult<P> {
    vm.check_args("put", args, 3, 5)?;
    let (id, e) = entry_arg(vm, args)?;
    let mut unboundop = vm.index_i64(&args[2])?;
    if unboundop < 0 {
        unboundop = e.default_unboundop;
    }
    let block = block_arg(vm, args.get(3).or(kw.get("block")))?;
    let timeout = timeout_arg(vm, args.get(4).or(kw.get("timeout")))?;
    let data = match to_shareable(vm, &args[1], Fallback::Pickle) {
        Ok(d) => d,
        Err(NotShareable::Pickling(err)) => return Err(err),
        Err(NotShareable::Type(t)) => {
            return Err(vm.type_error(format!("'{t}' object is not shareable")))
        }
    };
    let item = Item {
        data: Some(data),
        interp: crate::registry::current_id(vm),
        unboundop,
    };
    let item = match e.queue.try_put(item) {
        Ok(()) => return Ok(ObjRef::none()),
        Err(item) => item,
    };
    if !block {
        return Err(full(vm, id));
    }
    let queue = e.clone();
    let res = vm.blocking(move || match timeout {
        Some(t) => queue.queue.put_timeout(item, t).map_err(drop),
        None => {
            queue.queue.put(item);
            Ok(())
        }
    });
    match res {
        Ok(()) => Ok(ObjRef::none()),
        Err(()) => Err(full(vm, id)),
    }
}

fn full<P: HeapPolicy>(vm: &Vm<P>, _id: u64) -> PyErr<P> {
    raise(vm, "_interpqueues", "_QueueFull", "queue is full".into())
}

/// `get(qid, block=False, timeout=None)` → `(obj, None)`, or `(None,
/// unboundop)` for an unbound item; raises `QueueEmpty` when the queue
/// stays empty (at once when not blocking).
fn get<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> ObjResult<P> {
    vm.check_args("get", args, 1, 3)?;
    let (_, e) = entry_arg(vm, args)?;
    let block = block_arg(vm, args.get(1).or(kw.get("block")))?;
    let timeout = timeout_arg(vm, args.get(2).or(kw.get("timeout")))?;
    let item = match e.queue.try_get() {
        Some(item) => Some(item),
        None if !block => None,
        None => {
            let queue = e.clone();
            vm.blocking(move || match timeout {
                Some(t) => queue.queue.get_timeout(t),
                None => Some(queue.queue.get()),
            })
        }
    };
    let Some(item) = item else {
        return Err(raise(
            vm,
            "_interpqueues",
            "_QueueEmpty",
            "queue is empty".into(),
        ));
    };
    Ok(match &item.data {
        Some(data) => ObjRef::new_tuple(vec![from_shareable(vm, data)?, ObjRef::none()]),
        None => ObjRef::new_tuple(vec![ObjRef::none(), ObjRef::from_i64(item.unboundop)]),
    })
}

/// `get_maxsize(qid)`
fn get_maxsize<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> ObjResult<P> {
    let (_, e) = entry_arg(vm, args)?;
    Ok(ObjRef::from_i64(e.maxsize))
}

/// `get_queue_defaults(qid)` → `(unboundop, fmt)`
fn get_queue_defaults<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> ObjResult<P> {
    let (_, e) = entry_arg(vm, args)?;
    Ok(ObjRef::new_tuple(vec![
        ObjRef::from_i64(e.default_unboundop),
        ObjRef::from_i64(-1),
    ]))
}

/// `is_full(qid)`
fn is_full<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> ObjResult<P> {
    let (_, e) = entry_arg(vm, args)?;
    Ok(ObjRef::from_bool(e.queue.is_full()))
}

/// `get_count(qid)`
fn get_count<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> ObjResult<P> {
    let (_, e) = entry_arg(vm, args)?;
    Ok(ObjRef::from_i64(e.queue.len() as i64))
}

/// `_register_heap_types(Queue, QueueEmpty, QueueFull, QueueError,
/// QueueNotFoundError)`: the Python classes the native side makes and
/// raises.
fn register_heap_types<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> ObjResult<P> {
    vm.check_args("_register_heap_types", args, 5, 5)?;
    let module = vm.import(&vm.intern("_interpqueues"))?;
    for (key, cls) in [
        "_Queue",
        "_QueueEmpty",
        "_QueueFull",
        "_QueueError",
        "_QueueNotFoundError",
    ]
    .iter()
    .zip(args)
    {
        vm.setattr(&module, &vm.intern(key), cls.clone())?;
    }
    Ok(ObjRef::none())
}
