//! `_interpreters`: the native side of `concurrent.interpreters` (PEP
//! 734), after CPython 3.14's `Modules/_interpretersmodule.c`. The Python
//! side (`lib/interpreters.py`) makes the `Interpreter` objects and the
//! exceptions; this module creates, runs and closes interpreters through
//! [`crate::registry`] and moves data with [`crate::shareable`].
//!
//! Functions: `create()`, `destroy(id)`, `list_all()`, `get_current()`,
//! `get_main()`, `is_running(id)`, `exec(id, code)` (None, or the
//! uncaught exception's summary), `call(id, callable, args, kwargs)`
//! (`(result, None)` or `(None, summary)`), `set___main___attrs(id,
//! dict)`, `is_shareable(obj)`, `incref(id)` / `decref(id)` (the last
//! reference closes the interpreter) and `_register_types(...)`.
//!
//! A summary is the tuple `(type name, type qualname, type module,
//! str(exc), "Type: message" line, formatted traceback)`, all strings —
//! the exception object itself stays behind, as in CPython.

use ftl_object::{HeapPolicy, ObjRef};
use ftl_vm::interpreter::state::{Kw, ObjResult, PyErr, PyResult, Vm};
use ftl_vm::objects::Obj;
use ftl_vm::stdlib::Namespace;

use crate::id_arg;
use crate::queues::raise;
use crate::registry::{self, CloseError, RunError};
use crate::shareable::{from_shareable, to_shareable, Fallback, NotShareable, Shareable};

/// Fills `_interpreters`.
pub fn init<P: HeapPolicy>(_vm: &Vm<P>, m: &Namespace<'_, P>) -> PyResult<(), P> {
    m.add_functions(&[
        ("create", create::<P>),
        ("destroy", destroy::<P>),
        ("list_all", list_all::<P>),
        ("get_current", get_current::<P>),
        ("get_main", get_main::<P>),
        ("is_running", is_running::<P>),
        ("exec", exec::<P>),
        ("call", call::<P>),
        ("set___main___attrs", set_main_attrs::<P>),
        ("is_shareable", is_shareable::<P>),
        ("incref", incref::<P>),
        ("decref", decref::<P>),
        ("_register_types", register_types::<P>),
    ]);
    Ok(())
}

/// An uncaught exception of another interpreter, as data.
#[derive(Debug, Clone)]
struct ExcSummary {
    name: String,
    qualname: String,
    module: String,
    msg: String,
    formatted: String,
    errdisplay: String,
}

impl ExcSummary {
    fn capture<P: HeapPolicy>(vm: &Vm<P>, err: &PyErr<P>) -> Box<Self> {
        let cls = vm.type_of(&err.0);
        let class = vm.class(&cls);
        let display = vm.format_exception(err);
        Box::new(ExcSummary {
            name: class.name.clone(),
            qualname: class.qualname.clone(),
            module: vm.class_module(&cls),
            msg: vm.str_(&err.0).unwrap_or_default(),
            formatted: vm.exception_line(&err.0),
            errdisplay: display.trim_end_matches('\n').to_string(),
        })
    }

    fn to_object<P: HeapPolicy>(&self, vm: &Vm<P>) -> Obj<P> {
        ObjRef::new_tuple(
            [
                &self.name,
                &self.qualname,
                &self.module,
                &self.msg,
                &self.formatted,
                &self.errdisplay,
            ]
            .iter()
            .map(|s| vm.new_str(s.to_string()))
            .collect(),
        )
    }
}

fn error<P: HeapPolicy>(vm: &Vm<P>, msg: String) -> PyErr<P> {
    raise(vm, "_interpreters", "_InterpreterError", msg)
}

fn not_found<P: HeapPolicy>(vm: &Vm<P>, id: u64) -> PyErr<P> {
    raise(
        vm,
        "_interpreters",
        "_InterpreterNotFoundError",
        format!("unrecognized interpreter ID {id}"),
    )
}

fn not_shareable<P: HeapPolicy>(vm: &Vm<P>, type_name: &str) -> PyErr<P> {
    raise(
        vm,
        "_interpreters",
        "_NotShareableError",
        format!("{type_name} does not support cross-interpreter data"),
    )
}

/// The record of a subinterpreter that this module made, for a function
/// that runs code in it (the main interpreter is not one).
fn target<P: HeapPolicy>(vm: &Vm<P>, id: u64) -> PyResult<std::sync::Arc<registry::Record<P>>, P> {
    if id == 0 {
        return Err(error(
            vm,
            "interpreter 0 (the main interpreter) was not created by concurrent.interpreters"
                .into(),
        ));
    }
    registry::find::<P>(id).ok_or_else(|| not_found(vm, id))
}

fn running<P: HeapPolicy>(vm: &Vm<P>, e: RunError) -> PyErr<P> {
    match e {
        RunError::AlreadyRunning => error(vm, "interpreter already running".into()),
    }
}

/// `create()`
fn create<P: HeapPolicy>(vm: &Vm<P>, _args: &[Obj<P>], _kw: Kw<'_, P>) -> ObjResult<P> {
    match registry::create(vm) {
        Some(id) => Ok(ObjRef::from_i64(id as i64)),
        None => Err(error(
            vm,
            format!(
                "the '{}' runtime has no subinterpreters: each needs a GIL of its own (gil-new, gil-old, gil-fair)",
                vm.coord.name()
            ),
        )),
    }
}

/// `destroy(id)`
fn destroy<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> ObjResult<P> {
    let id = id_arg(vm, args.first(), "interpreter")?;
    if id == 0 {
        return Err(error(vm, "cannot destroy the main interpreter".into()));
    }
    match registry::close::<P>(vm, id) {
        Ok(()) => {
            crate::queues::interpreter_closed(id);
            Ok(ObjRef::none())
        }
        Err(CloseError::NotFound) => Err(not_found(vm, id)),
        Err(CloseError::Current) => Err(error(vm, "cannot destroy the current interpreter".into())),
        Err(CloseError::Running) => Err(error(vm, "interpreter running".into())),
    }
}

/// `list_all()` → ids, the main one first.
fn list_all<P: HeapPolicy>(_vm: &Vm<P>, _args: &[Obj<P>], _kw: Kw<'_, P>) -> ObjResult<P> {
    let ids = std::iter::once(0)
        .chain(registry::ids::<P>())
        .map(|id| ObjRef::from_i64(id as i64))
        .collect();
    Ok(ObjRef::new_list(ids))
}

/// `get_current()`
fn get_current<P: HeapPolicy>(vm: &Vm<P>, _args: &[Obj<P>], _kw: Kw<'_, P>) -> ObjResult<P> {
    Ok(ObjRef::from_i64(registry::current_id(vm) as i64))
}

/// `get_main()`
fn get_main<P: HeapPolicy>(_vm: &Vm<P>, _args: &[Obj<P>], _kw: Kw<'_, P>) -> ObjResult<P> {
    Ok(ObjRef::from_i64(0))
}

/// `is_running(id)`
fn is_running<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> ObjResult<P> {
    let id = id_arg(vm, args.first(), "interpreter")?;
    if id == 0 || id == registry::current_id(vm) {
        return Ok(ObjRef::from_bool(true));
    }
    let record = registry::find::<P>(id).ok_or_else(|| not_found(vm, id))?;
    Ok(ObjRef::from_bool(record.is_running()))
}

/// `exec(id, code)`: runs the source `code` in the interpreter's
/// `__main__`, on this thread.
fn exec<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> ObjResult<P> {
    vm.check_args("exec", args, 2, 2)?;
    let id = id_arg(vm, args.first(), "interpreter")?;
    let Some(code) = args[1].as_str() else {
        return Err(vm.type_error(format!(
            "exec() code must be a str (ftl runs source text only), not {}",
            vm.type_name(&args[1])
        )));
    };
    let code = code.to_string();
    let record = target(vm, id)?;
    let outcome = record
        .run(vm, move |target, main| {
            ftl_vm::runtime::exec_source(target, &code, "<string>", main)
                .map_err(|e| ExcSummary::capture(target, &e))
        })
        .map_err(|e| running(vm, e))?;
    Ok(match outcome {
        Ok(()) => ObjRef::none(),
        Err(summary) => summary.to_object(vm),
    })
}

/// Data for `call`, pickling what is not shareable.
fn data<P: HeapPolicy>(vm: &Vm<P>, o: &Obj<P>) -> PyResult<Shareable, P> {
    match to_shareable(vm, o, Fallback::Pickle) {
        Ok(d) => Ok(d),
        Err(NotShareable::Pickling(e)) => Err(e),
        Err(NotShareable::Type(t)) => Err(not_shareable(vm, &t)),
    }
}

/// `call(id, callable, args, kwargs)` → `(result, None)` or `(None,
/// summary)`.
fn call<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> ObjResult<P> {
    vm.check_args("call", args, 2, 4)?;
    let id = id_arg(vm, args.first(), "interpreter")?;
    let record = target(vm, id)?;
    let callable = data(vm, &args[1])?;
    let mut positional = Vec::new();
    if let Some(a) = args.get(2).filter(|a| !a.is_none()) {
        let Some(items) = a.as_tuple() else {
            return Err(vm.type_error("call() args must be a tuple"));
        };
        for item in items {
            positional.push(data(vm, item)?);
        }
    }
    let mut keywords = Vec::new();
    if let Some(k) = args.get(3).filter(|k| !k.is_none()) {
        let Some(d) = k.as_dict() else {
            return Err(vm.type_error("call() kwargs must be a dict"));
        };
        for (key, value) in d.items() {
            let Some(name) = key.as_str() else {
                return Err(vm.type_error("keywords must be strings"));
            };
            keywords.push((name.to_string(), data(vm, &value)?));
        }
    }
    let outcome = record
        .run(vm, move |target, _main| {
            let run = || -> PyResult<Shareable, P> {
                let f = from_shareable(target, &callable)?;
                let mut argv = Vec::with_capacity(positional.len());
                for a in &positional {
                    argv.push(from_shareable(target, a)?);
                }
                let mut names = Vec::with_capacity(keywords.len());
                let mut values = Vec::with_capacity(keywords.len());
                for (k, v) in &keywords {
                    names.push(target.intern(k));
                    values.push(from_shareable(target, v)?);
                }
                let result = target.call(
                    &f,
                    &argv,
                    Kw {
                        names: &names,
                        values: &values,
                    },
                )?;
                match to_shareable(target, &result, Fallback::Pickle) {
                    Ok(d) => Ok(d),
                    Err(NotShareable::Pickling(e)) => Err(e),
                    Err(NotShareable::Type(t)) => Err(not_shareable(target, &t)),
                }
            };
            run().map_err(|e| ExcSummary::capture(target, &e))
        })
        .map_err(|e| running(vm, e))?;
    Ok(match outcome {
        Ok(result) => ObjRef::new_tuple(vec![from_shareable(vm, &result)?, ObjRef::none()]),
        Err(summary) => ObjRef::new_tuple(vec![ObjRef::none(), summary.to_object(vm)]),
    })
}

/// `set___main___attrs(id, dict)`: binds shareable values in the
/// interpreter's `__main__` (PEP 734's `prepare_main`).
fn set_main_attrs<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> ObjResult<P> {
    vm.check_args("set___main___attrs", args, 2, 2)?;
    let id = id_arg(vm, args.first(), "interpreter")?;
    let Some(d) = args[1].as_dict() else {
        return Err(vm.type_error("expected a dict"));
    };
    let mut pairs = Vec::new();
    for (key, value) in d.items() {
        let Some(name) = key.as_str() else {
            return Err(vm.type_error("names must be strings"));
        };
        match to_shareable(vm, &value, Fallback::None) {
            Ok(v) => pairs.push((name.to_string(), v)),
            Err(NotShareable::Type(t)) => return Err(not_shareable(vm, &t)),
            Err(NotShareable::Pickling(e)) => return Err(e),
        }
    }
    let record = target(vm, id)?;
    let outcome = record
        .run(vm, move |target, main| -> Result<(), Box<ExcSummary>> {
            for (name, value) in &pairs {
                let v =
                    from_shareable(target, value).map_err(|e| ExcSummary::capture(target, &e))?;
                target.dict_set_str(main, target.intern(name), v);
            }
            Ok(())
        })
        .map_err(|e| running(vm, e))?;
    match outcome {
        Ok(()) => Ok(ObjRef::none()),
        Err(s) => Err(error(vm, s.formatted)),
    }
}

/// `is_shareable(obj)`
fn is_shareable<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> ObjResult<P> {
    vm.check_args("is_shareable", args, 1, 1)?;
    Ok(ObjRef::from_bool(crate::shareable::is_shareable_type(
        vm, &args[0],
    )))
}

/// `incref(id)`
fn incref<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> ObjResult<P> {
    let id = id_arg(vm, args.first(), "interpreter")?;
    if id != 0 {
        registry::find::<P>(id)
            .ok_or_else(|| not_found(vm, id))?
            .incref();
    }
    Ok(ObjRef::none())
}

/// `decref(id)`: the last reference closes the interpreter (unless a
/// thread runs it, or it is the caller's own).
fn decref<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> ObjResult<P> {
    let id = id_arg(vm, args.first(), "interpreter")?;
    if id == 0 {
        return Ok(ObjRef::none());
    }
    let record = registry::find::<P>(id).ok_or_else(|| not_found(vm, id))?;
    if record.decref() && registry::close::<P>(vm, id).is_ok() {
        crate::queues::interpreter_closed(id);
    }
    Ok(ObjRef::none())
}

/// `_register_types(InterpreterError, InterpreterNotFoundError,
/// NotShareableError)`
fn register_types<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> ObjResult<P> {
    vm.check_args("_register_types", args, 3, 3)?;
    let module = vm.import(&vm.intern("_interpreters"))?;
    for (key, cls) in [
        "_InterpreterError",
        "_InterpreterNotFoundError",
        "_NotShareableError",
    ]
    .iter()
    .zip(args)
    {
        vm.setattr(&module, &vm.intern(key), cls.clone())?;
    }
    Ok(ObjRef::none())
}
