//! `import`: the module table, the built-in modules of [`crate::stdlib`],
//! and modules written in Python.
//!
//! `import X` first looks in `sys.modules`; then among the built-in
//! modules (the registration table of [`crate::stdlib`]: native modules are
//! made once per interpreter, frozen ones — Python source carried in the
//! binary, from `crates/vm/lib` — are compiled and run like a program's own
//! module, their frames showing `<frozen X>`); then for `X.py` beside the
//! main program (CPython's `sys.path[0]`; ftl has no packages and no other
//! search path). Built-in packages (`concurrent`) hold built-in
//! submodules (`concurrent.futures`). Anything else raises `ModuleNotFoundError: No module named
//! 'X'` as CPython does.
//!
//! ## Imports from several threads
//!
//! A module's body runs once, however many threads import it at once
//! (CPython's per-module `_ModuleLock` in `importlib._bootstrap`):
//!
//! * [`ImportLocks`] (`ftl-core`'s [`InitLocks`], whose loom models check
//!   the protocol) records, per module being initialised, the thread doing
//!   it; whether the module is in `sys.modules` is asked under its lock;
//! * a thread that imports a module another thread is initialising waits
//!   (detached) until that ends, then finds the module in `sys.modules` (or
//!   not, if the body raised: then it tries itself, as in CPython);
//! * the initialising thread itself gets the partly initialised module (a
//!   circular import), as before;
//! * if waiting would close a cycle (thread A initialises `a` and waits for
//!   `b`, which thread B initialises while waiting for `a`), the waiter
//!   takes the partly initialised module instead, as CPython does when its
//!   `_DeadlockError` is caught ("concurrent circular import").
//!
//! While no module is being initialised (the common case) an import of a
//! loaded module takes no lock beyond the `sys.modules` lookup.

use ftl_core::{Claim, InitLocks};
use ftl_object::{HeapPolicy, ObjRef};

use crate::interpreter::state::{ExcType, PyResult, Vm};
use crate::objects::*;
use crate::stdlib::{self, Body};

use crate::interpreter::state::ObjResult as R;

/// The modules being initialised: `ftl-core`'s [`InitLocks`] keyed by
/// module name (see the module docs).
pub type ImportLocks = InitLocks<String>;

impl<P: HeapPolicy> Vm<P> {
    /// `import name`
    pub fn import(&self, name: &Obj<P>) -> R<P> {
        let n = name.as_str().unwrap_or("");
        let key = n.to_string();
        loop {
            let lookup = || self.dict_get_str(&self.interp.modules, name);
            match self.interp.imports.claim(&key, self.ident, lookup) {
                Claim::Ready(m) => return Ok(m),
                Claim::Wait(w) => self.blocking_on(ftl_core::Wait::Thread, || w.wait()),
                Claim::Mine(_initialising) => return self.load_module(name, n),
            }
        }
    }

    /// Finds and runs module `n`, entering it in `sys.modules`.
    ///
    /// A built-in module with a dotted name (`concurrent.futures`) is a
    /// submodule of a built-in package: the package is imported first, and
    /// the submodule becomes its attribute (`import a.b` binds `a`, whose
    /// `b` must then be there), as CPython's import system does.
    fn load_module(&self, name: &Obj<P>, n: &str) -> R<P> {
        let Some(def) = stdlib::find_for(self, n) else {
            return self.import_source_module(name, n);
        };
        match n.rsplit_once('.') {
            Some((parent, child)) => {
                let package = self.import(&self.intern(parent))?;
                let m = self.load_builtin_module(name, n, def)?;
                self.setattr(&package, &self.intern(child), m.clone())?;
                Ok(m)
            }
            None => self.load_builtin_module(name, n, def),
        }
    }

    /// Makes built-in module `n` from its registration row.
    fn load_builtin_module(&self, name: &Obj<P>, n: &str, def: &stdlib::ModuleDef<P>) -> R<P> {
        match def.body {
            Body::Frozen(source) => {
                self.exec_source_module(name, n, &format!("<frozen {n}>"), source.to_string())
            }
            Body::Builtins | Body::Native(_) => {
                let m = match def.body {
                    Body::Native(init) => self.make_native_module(n, init)?,
                    _ => ObjRef::new_deferred(Module {
                        weakrefs: Default::default(),
                        name: n.to_string(),
                        dict: self.interp.builtins.clone(),
                    }),
                };
                self.dict_set_str(&self.interp.modules, name.clone(), m.clone());
                Ok(m)
            }
        }
    }

    /// `import name` of a program's own module: `name.py` in the first
    /// directory of `sys.path` that has one (the program's directory, then
    /// `PYTHONPATH`'s; ftl has no packages yet). As in CPython, the module object enters
    /// `sys.modules` before its body runs (so a circular import sees the
    /// partly initialised module) and leaves it again if the body raises.
    /// A syntax error in the file is raised as `SyntaxError` at the import.
    fn import_source_module(&self, name: &Obj<P>, n: &str) -> R<P> {
        let not_found = || {
            self.new_error(
                ExcType::ModuleNotFoundError,
                format!("No module named '{n}'"),
            )
        };
        let first = n.split('.').next().unwrap_or(n);
        let is_identifier = |s: &str| {
            s.chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() || c == '_')
                && s.chars().all(|c| c.is_alphanumeric() || c == '_')
        };
        if !is_identifier(first) {
            return Err(not_found());
        }
        let Some(path) = self
            .search_path()
            .into_iter()
            .map(|dir| dir.join(format!("{first}.py")))
            .find(|p| p.is_file())
        else {
            return Err(not_found());
        };
        let Ok(bytes) = std::fs::read(&path) else {
            return Err(not_found());
        };
        if first != n {
            return Err(self.new_error(
                ExcType::ModuleNotFoundError,
                format!("No module named '{n}'; '{first}' is not a package"),
            ));
        }
        let filename = path.to_string_lossy().into_owned();
        let source = String::from_utf8(bytes).map_err(|_| {
            self.new_error(
                ExcType::SyntaxError,
                format!("Non-UTF-8 code in file {filename}, but no encoding declared"),
            )
        })?;
        let module = self.exec_source_module(name, n, &filename, source)?;
        Ok(module)
    }

    /// Runs the Python file at `path` as module `name`, which stays in
    /// `sys.modules` (`runpy`; `multiprocessing`'s spawn runs the parent's
    /// main program as `__mp_main__` this way). A file that cannot be read
    /// raises the `OSError` subclass of its error, as CPython's `runpy`
    /// does.
    pub(crate) fn run_path_as_module(&self, path: &str, name: &str) -> R<P> {
        let bytes = std::fs::read(path).map_err(|e| {
            let errno = e.raw_os_error().unwrap_or(0);
            let msg = e.to_string();
            let msg = msg.split(" (os error").next().unwrap_or(&msg).to_string();
            self.new_error(
                crate::stdlib::os::errno_exception(errno),
                format!("[Errno {errno}] {msg}: '{path}'"),
            )
        })?;
        let source = String::from_utf8(bytes).map_err(|_| {
            self.new_error(
                ExcType::SyntaxError,
                format!("Non-UTF-8 code in file {path}, but no encoding declared"),
            )
        })?;
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.into());
        let filename = abs.to_string_lossy().into_owned();
        self.exec_source_module(&self.intern(name), name, &filename, source)
    }

    /// The directories of `sys.path` (its `str` entries; `''` is the
    /// current directory), made absolute.
    fn search_path(&self) -> Vec<std::path::PathBuf> {
        let sys = self.import(&self.intern("sys")).ok();
        let list = sys.and_then(|m| self.getattr_opt(&m, &self.intern("path")).ok().flatten());
        let Some(items) = list
            .as_ref()
            .and_then(|l| l.as_list())
            .map(|l| l.snapshot())
        else {
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|e| e.as_str().map(str::to_string))
            .map(|d| {
                let d = if d.is_empty() { ".".to_string() } else { d };
                std::path::absolute(&d).unwrap_or_else(|_| d.into())
            })
            .collect()
    }

    /// Compiles and runs `source` as module `n` (a program's own module,
    /// or a frozen one), entering it in `sys.modules` first.
    fn exec_source_module(&self, name: &Obj<P>, n: &str, filename: &str, source: String) -> R<P> {
        let syntax = |e| crate::runtime::syntax_error(self, e);
        let tree = ftl_syntax::lower::parse(&source, filename).map_err(syntax)?;
        let code = crate::runtime::compile_for(self, &tree, filename, &source).map_err(syntax)?;
        drop(tree);
        self.interp
            .sources
            .lock()
            .insert(filename.to_string(), std::sync::Arc::from(source));
        let globals = crate::runtime::module_globals(self, name.clone());
        if !filename.starts_with("<frozen ") {
            self.dict_set_str(&globals, self.intern("__file__"), self.new_str(filename));
        }
        let module = ObjRef::new_deferred(Module {
            weakrefs: Default::default(),
            name: n.to_string(),
            dict: globals.clone(),
        });
        self.dict_set_str(&self.interp.modules, name.clone(), module.clone());
        if let Err(e) = crate::runtime::exec_module(self, code, globals) {
            let _ = self.dict_del_str(&self.interp.modules, name);
            return Err(e);
        }
        Ok(module)
    }

    /// `from module import name`
    ///
    /// `from module import *` into the namespace `ns` (CPython's
    /// `import_all_from`): the names in the module's `__all__` (each must
    /// be a str), or else every name of its namespace that does not start
    /// with `_`, bound to the module's attributes.
    pub fn import_star(&self, module: &Obj<P>, ns: &Obj<P>) -> PyResult<(), P> {
        let module_name = || {
            self.getattr_opt(module, &self.interp.names.name)
                .ok()
                .flatten()
                .and_then(|n| n.as_str().map(str::to_string))
                .unwrap_or_else(|| "?".into())
        };
        let (names, from_all) = match self.getattr_opt(module, &self.intern("__all__"))? {
            Some(all) => (self.collect(&all)?, true),
            None => {
                let Some(dict) = self.getattr_opt(module, &self.intern("__dict__"))? else {
                    return Err(self.new_error(
                        ExcType::ImportError,
                        "from-import-* object has no __dict__ and no __all__",
                    ));
                };
                let keys = self.collect(&dict)?;
                let public = keys
                    .into_iter()
                    .filter(|k| k.as_str().is_some_and(|s| !s.starts_with('_')))
                    .collect();
                (public, false)
            }
        };
        for name in names {
            if name.as_str().is_none() {
                let what = if from_all { "__all__" } else { "__dict__" };
                return Err(self.type_error(format!(
                    "{} in {}.{what} must be str, not {}",
                    if from_all { "Item" } else { "Key" },
                    module_name(),
                    self.type_name(&name)
                )));
            }
            let value = self.getattr(module, &name)?;
            self.ns_store(ns, name, value)?;
        }
        Ok(())
    }

    /// A name the module lacks may be a submodule of a built-in package
    /// not imported yet (`from multiprocessing import context`): it is
    /// imported then, as CPython's `_handle_fromlist` does.
    pub fn import_from(&self, module: &Obj<P>, name: &Obj<P>) -> R<P> {
        match self.getattr_opt(module, name)? {
            Some(v) => Ok(v),
            None => {
                let mname = module
                    .downcast::<Module<P>>()
                    .map(|m| m.name.clone())
                    .unwrap_or_default();
                let sub = format!("{mname}.{}", name.as_str().unwrap_or("?"));
                if stdlib::find_for(self, &sub).is_some() {
                    return self.import(&self.intern(&sub));
                }
                Err(self.new_error(
                    ExcType::ImportError,
                    format!(
                        "cannot import name '{}' from '{}' (unknown location)",
                        name.as_str().unwrap_or("?"),
                        mname
                    ),
                ))
            }
        }
    }
}
