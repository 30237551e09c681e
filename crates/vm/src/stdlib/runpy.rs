//! `runpy` (`Lib/runpy.py`): running a Python file as a module.
//!
//! * `run_path(path_name, init_globals=None, run_name=None)` runs the file
//!   in a fresh module namespace named `run_name` (default `<run_path>`)
//!   and returns a copy of its globals, as CPython's does. While the code
//!   runs the module is `sys.modules[run_name]`; afterwards the previous
//!   entry (or none) is back.
//! * `_run_path_as_module(path, name)` (ftl's own) runs the file as module
//!   `name` and leaves that module in `sys.modules`: `multiprocessing`'s
//!   spawn start method re-runs the parent's main program as
//!   `__mp_main__` with it (CPython does the same with `run_path` and a
//!   `types.ModuleType` it fills from the returned globals).
//!
//! Zip files and directories with `__main__.py` (which CPython's
//! `run_path` also accepts) are not supported: ftl has no zip import and no
//! packages yet.

use ftl_object::{HeapPolicy, ObjRef};

use crate::interpreter::state::{Kw, PyResult, Vm};
use crate::objects::*;
use crate::stdlib::Namespace;

use crate::interpreter::state::ObjResult as R;

/// Fills `runpy`.
pub fn init<P: HeapPolicy>(_vm: &Vm<P>, m: &Namespace<'_, P>) -> PyResult<(), P> {
    m.add_functions(&[
        ("run_path", run_path::<P>),
        ("_run_path_as_module", run_path_as_module::<P>),
    ]);
    Ok(())
}

/// A `str` argument.
fn str_arg<P: HeapPolicy>(vm: &Vm<P>, o: &Obj<P>, what: &str) -> PyResult<String, P> {
    match o.as_str() {
        Some(s) => Ok(s.to_string()),
        None => Err(vm.type_error(format!("{what} must be str, not {}", vm.type_name(o)))),
    }
}

/// `runpy.run_path(path_name, init_globals=None, run_name=None)`
fn run_path<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let arg = |i: usize, name: &str| args.get(i).or(kw.get(name)).cloned();
    let Some(path) = arg(0, "path_name") else {
        return Err(vm.type_error("run_path() missing 1 required positional argument: 'path_name'"));
    };
    let path = str_arg(vm, &path, "path_name")?;
    let run_name = match arg(2, "run_name") {
        Some(n) if !n.is_none() => str_arg(vm, &n, "run_name")?,
        _ => "<run_path>".to_string(),
    };
    let key = vm.intern(&run_name);
    let previous = vm.dict_get_str(&vm.interp.modules, &key);
    let result = vm.run_path_as_module(&path, &run_name);
    match previous {
        Some(p) => vm.dict_set_str(&vm.interp.modules, key, p),
        None => {
            let _ = vm.dict_del_str(&vm.interp.modules, &key);
        }
    }
    let module = result?;
    let copy = ObjRef::new_dict();
    if let Some(m) = module.downcast::<Module<P>>() {
        vm.dict_update(&copy, &m.dict, false)?;
    }
    if let Some(init) = arg(1, "init_globals").filter(|g| !g.is_none()) {
        // CPython seeds the namespace with them before the code runs; ftl
        // runs the file first, so only the names the file did not set are
        // added (the same result unless the file reads them).
        let Some(init) = init.as_dict() else {
            return Err(vm.type_error("init_globals must be a dict"));
        };
        for (k, v) in init.items() {
            if vm.dict_get(&copy, &k)?.is_none() {
                vm.dict_set(&copy, k, v)?;
            }
        }
    }
    Ok(copy)
}

/// `runpy._run_path_as_module(path, name)`: the module, left in
/// `sys.modules[name]`.
fn run_path_as_module<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("_run_path_as_module", args, 2, 2)?;
    let path = str_arg(vm, &args[0], "path")?;
    let name = str_arg(vm, &args[1], "name")?;
    vm.run_path_as_module(&path, &name)
}
