//! Built-in modules and `import`.
//!
//! ftl has no import path: `import X` finds `X` among the built-in modules
//! (`sys`, `time`, `math`, `os`, `random`), made once per interpreter and
//! cached in the module table, or raises `ModuleNotFoundError: No module
//! named 'X'` as CPython does.
//!
//! `random` reproduces CPython's sequences for int, str, bytes and float
//! seeds (see [`ftl_algorithms::random`]); an unseeded generator starts from a
//! fixed seed, so runs are reproducible (CPython seeds from `os.urandom`).

use core::sync::atomic::Ordering;
use std::io::Write;

use ftl_object::{HeapPolicy, IntValue, Kind, ObjRef};

use crate::objects::*;
use crate::vm::{BuiltinFn, ExcType, Kw, PyResult, Vm};

type R<P> = PyResult<Obj<P>, P>;

/// The built-in modules `import` finds (any other name raises
/// `ModuleNotFoundError`).
pub const MODULES: &[&str] = &[
    "sys",
    "time",
    "math",
    "os",
    "random",
    "_thread",
    "threading",
];

/// The modules written in Python that ftl carries in its binary (CPython's
/// frozen modules): the name and the source.
const FROZEN: &[(&str, &str)] = &[("threading", include_str!("../lib/threading.py"))];

impl<P: HeapPolicy> Vm<P> {
    /// `import name`
    pub fn import(&self, name: &Obj<P>) -> R<P> {
        if let Some(m) = self.dict_get_str(&self.interp.modules, name) {
            return Ok(m);
        }
        let n = name.as_str().unwrap_or("");
        if !MODULES.contains(&n) {
            return self.import_source_module(name, n);
        }
        if let Some((_, source)) = FROZEN.iter().find(|(f, _)| *f == n) {
            return self.exec_source_module(name, n, &format!("<frozen {n}>"), source.to_string());
        }
        let m = self.make_module(n)?;
        self.dict_set_str(&self.interp.modules, name.clone(), m.clone());
        Ok(m)
    }

    /// `import name` of a program's own module: `name.py` in the main
    /// program's directory (CPython's `sys.path[0]`; ftl has no packages
    /// and no other search path). As in CPython, the module object enters
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
        let main = self.interp.argv.first().map(String::as_str).unwrap_or("");
        let dir = std::path::Path::new(main)
            .parent()
            .map(|d| {
                if d.as_os_str().is_empty() {
                    std::path::Path::new(".")
                } else {
                    d
                }
            })
            .unwrap_or(std::path::Path::new("."));
        let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
        let path = dir.join(format!("{first}.py"));
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

    /// Compiles and runs `source` as module `n` (a program's own module,
    /// or a frozen one), entering it in `sys.modules` first.
    fn exec_source_module(&self, name: &Obj<P>, n: &str, filename: &str, source: String) -> R<P> {
        let syntax = |e: ftl_syntax::ast::SyntaxError| {
            let kind = match e.kind {
                ftl_syntax::ast::SyntaxErrorKind::Syntax => ExcType::SyntaxError,
                ftl_syntax::ast::SyntaxErrorKind::Indentation => ExcType::IndentationError,
                ftl_syntax::ast::SyntaxErrorKind::Tab => ExcType::TabError,
            };
            // The message alone: what CPython prints last for an uncaught
            // SyntaxError (its str() would add "(file, line N)").
            self.new_error(kind, e.msg)
        };
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
        let module = ObjRef::new(Module {
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
    pub fn import_from(&self, module: &Obj<P>, name: &Obj<P>) -> R<P> {
        match self.getattr_opt(module, name)? {
            Some(v) => Ok(v),
            None => {
                let mname = module
                    .downcast::<Module<P>>()
                    .map(|m| m.name.clone())
                    .unwrap_or_default();
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

    fn make_module(&self, name: &str) -> R<P> {
        let dict = ObjRef::new_dict();
        let set = |k: &str, v: Obj<P>| self.dict_set_str(&dict, self.intern(k), v);
        set("__name__", self.intern(name));
        let funcs: &[(&'static str, BuiltinFn<P>)] = match name {
            "sys" => {
                let argv = self
                    .interp
                    .argv
                    .iter()
                    .map(|a| self.new_str(a.clone()))
                    .collect();
                set("argv", ObjRef::from_list_vec(argv));
                set("modules", self.interp.modules.clone());
                set("stdout", ObjRef::new(Stream { fd: 1 }));
                set("stderr", ObjRef::new(Stream { fd: 2 }));
                set("maxsize", ObjRef::from_i64(i64::MAX));
                set("platform", self.intern("linux"));
                set("byteorder", self.intern("little"));
                let imp = ObjRef::new_dict();
                self.dict_set_str(&imp, self.intern("name"), self.intern("ftl"));
                let ns_cls = crate::builtins::make_class::<P>(
                    "SimpleNamespace",
                    Some(&self.types().object),
                    None,
                    None,
                    0,
                );
                let ns = ObjRef::new(Instance::new(ns_cls, false));
                if let Some(i) = ns.downcast::<Instance<P>>() {
                    self.dict_update(&i.dict, &imp, false)?;
                }
                set("implementation", ns);
                &[
                    ("exit", sys_exit::<P>),
                    ("getrefcount", sys_getrefcount::<P>),
                    ("getrecursionlimit", sys_getrecursionlimit::<P>),
                    ("setrecursionlimit", sys_setrecursionlimit::<P>),
                    ("intern", sys_intern::<P>),
                    (
                        "setswitchinterval",
                        crate::threads::sys_setswitchinterval::<P>,
                    ),
                    (
                        "getswitchinterval",
                        crate::threads::sys_getswitchinterval::<P>,
                    ),
                    (
                        "setcheckinterval",
                        crate::threads::sys_setcheckinterval::<P>,
                    ),
                    (
                        "getcheckinterval",
                        crate::threads::sys_getcheckinterval::<P>,
                    ),
                ]
            }
            "time" => &[
                ("time", time_time::<P>),
                ("perf_counter", time_perf_counter::<P>),
                ("monotonic", time_perf_counter::<P>),
                ("process_time", time_process_time::<P>),
                ("sleep", time_sleep::<P>),
                ("time_ns", time_time_ns::<P>),
                ("perf_counter_ns", time_perf_counter_ns::<P>),
            ],
            "math" => {
                set("pi", ObjRef::from_f64(core::f64::consts::PI));
                set("e", ObjRef::from_f64(core::f64::consts::E));
                set("tau", ObjRef::from_f64(core::f64::consts::TAU));
                set("inf", ObjRef::from_f64(f64::INFINITY));
                set("nan", ObjRef::from_f64(f64::NAN));
                for (n, f) in crate::mathmod::funcs::<P>() {
                    set(n, self.builtin_fn(n, *f));
                }
                &[]
            }
            "os" => &[
                ("getpid", os_getpid::<P>),
                ("pipe", os_pipe::<P>),
                ("read", os_read::<P>),
                ("write", os_write::<P>),
                ("close", os_close::<P>),
                ("cpu_count", os_cpu_count::<P>),
            ],
            "_thread" => {
                crate::threads::module_extras(self, &set);
                crate::threads::module_functions::<P>()
            }
            "random" => &[
                ("seed", random_seed::<P>),
                ("random", random_random::<P>),
                ("getrandbits", random_getrandbits::<P>),
                ("randrange", random_randrange::<P>),
                ("randint", random_randint::<P>),
                ("choice", random_choice::<P>),
                ("shuffle", random_shuffle::<P>),
                ("sample", random_sample::<P>),
                ("uniform", random_uniform::<P>),
                ("gauss", random_gauss::<P>),
                ("normalvariate", random_normalvariate::<P>),
                ("expovariate", random_expovariate::<P>),
            ],
            _ => &[],
        };
        for (n, f) in funcs {
            set(n, self.builtin_fn(n, *f));
        }
        Ok(ObjRef::new(Module {
            name: name.to_string(),
            dict,
        }))
    }
}

// ---- sys ------------------------------------------------------------------

fn sys_exit<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("exit", args, 0, 1)?;
    Err(crate::vm::PyErr(vm.make_exception(
        vm.exc_class(ExcType::SystemExit).clone(),
        args.to_vec(),
    )))
}

fn sys_getrefcount<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("getrefcount", args, 1, 1)?;
    let o = &args[0];
    // The argument's own reference is on the caller's stack, as in CPython.
    if o.is_immortal() {
        return Ok(ObjRef::from_i64(u32::MAX as i64));
    }
    Ok(ObjRef::from_i64(o.refcount() as i64))
}

fn sys_getrecursionlimit<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("getrecursionlimit", args, 0, 0)?;
    Ok(ObjRef::from_i64(
        vm.interp.recursion_limit.load(Ordering::Relaxed) as i64,
    ))
}

fn sys_setrecursionlimit<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("setrecursionlimit", args, 1, 1)?;
    let n = vm.index_i64(&args[0])?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    let depth = vm.depth.get() as i64;
    if n <= depth {
        return Err(vm.new_error(
            ExcType::RecursionError,
            format!("cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"),
        ));
    }
    vm.interp
        .recursion_limit
        .store(n.min(u32::MAX as i64) as u32, Ordering::Relaxed);
    Ok(ObjRef::none())
}

fn sys_intern<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("intern", args, 1, 1)?;
    match args[0].as_str() {
        Some(s) => Ok(vm.intern(s)),
        None => Err(vm.type_error("intern() argument must be str")),
    }
}

// ---- time -----------------------------------------------------------------

fn since_epoch() -> core::time::Duration {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
}

fn time_time<P: HeapPolicy>(_vm: &Vm<P>, _args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    Ok(ObjRef::from_f64(since_epoch().as_secs_f64()))
}

fn time_time_ns<P: HeapPolicy>(_vm: &Vm<P>, _args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    Ok(ObjRef::from_int(IntValue::from_bigint(
        since_epoch().as_nanos().into(),
    )))
}

fn start_instant() -> std::time::Instant {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    *START.get_or_init(std::time::Instant::now)
}

fn time_perf_counter<P: HeapPolicy>(_vm: &Vm<P>, _args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    Ok(ObjRef::from_f64(start_instant().elapsed().as_secs_f64()))
}

fn time_perf_counter_ns<P: HeapPolicy>(_vm: &Vm<P>, _args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    Ok(ObjRef::from_int(IntValue::from_bigint(
        start_instant().elapsed().as_nanos().into(),
    )))
}

fn time_process_time<P: HeapPolicy>(_vm: &Vm<P>, _args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    Ok(ObjRef::from_f64(crate::sysinfo::process_cpu_seconds()))
}

fn time_sleep<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("sleep", args, 1, 1)?;
    let secs = vm.to_f64(&args[0])?;
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    if !secs.is_finite() {
        return Err(vm.overflow_error("sleep length is too large"));
    }
    vm.blocking(|| std::thread::sleep(core::time::Duration::from_secs_f64(secs)));
    Ok(ObjRef::none())
}

// ---- os -------------------------------------------------------------------

fn os_getpid<P: HeapPolicy>(_vm: &Vm<P>, _args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    Ok(ObjRef::from_i64(std::process::id() as i64))
}

fn os_cpu_count<P: HeapPolicy>(_vm: &Vm<P>, _args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    Ok(ObjRef::from_i64(
        std::thread::available_parallelism()
            .map(|n| n.get() as i64)
            .unwrap_or(1),
    ))
}

fn os_error<P: HeapPolicy>(vm: &Vm<P>, e: std::io::Error) -> crate::vm::PyErr<P> {
    let code = e.raw_os_error().unwrap_or(0);
    let msg = e.to_string();
    let msg = msg.split(" (os error").next().unwrap_or(&msg).to_string();
    vm.new_error(ExcType::OSError, format!("[Errno {code}] {msg}"))
}

fn os_pipe<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("pipe", args, 0, 0)?;
    let (r, w) = crate::sysinfo::pipe().map_err(|e| os_error(vm, e))?;
    Ok(ObjRef::new_tuple(vec![
        ObjRef::from_i64(r as i64),
        ObjRef::from_i64(w as i64),
    ]))
}

fn fd_arg<P: HeapPolicy>(vm: &Vm<P>, o: &Obj<P>) -> PyResult<i32, P> {
    let v = vm.index_i64(o)?;
    i32::try_from(v).map_err(|_| vm.overflow_error("fd is greater than maximum"))
}

fn os_read<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("read", args, 2, 2)?;
    let fd = fd_arg(vm, &args[0])?;
    let n = vm.index_i64(&args[1])?;
    if n < 0 {
        return Err(vm.value_error("negative count"));
    }
    let _ = vm.interp.stdout.lock().flush();
    let r = vm.blocking(|| crate::sysinfo::read(fd, n as usize));
    let data = r.map_err(|e| os_error(vm, e))?;
    Ok(ObjRef::new_bytes(&data))
}

fn os_write<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("write", args, 2, 2)?;
    let fd = fd_arg(vm, &args[0])?;
    let Some(data) = args[1].as_bytes() else {
        return Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(&args[1])
        )));
    };
    let data = data.to_vec();
    let r = vm.blocking(|| crate::sysinfo::write(fd, &data));
    let n = r.map_err(|e| os_error(vm, e))?;
    Ok(ObjRef::from_i64(n as i64))
}

fn os_close<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("close", args, 1, 1)?;
    let fd = fd_arg(vm, &args[0])?;
    crate::sysinfo::close(fd).map_err(|e| os_error(vm, e))?;
    Ok(ObjRef::none())
}

// ---- random ---------------------------------------------------------------

fn rerr<P: HeapPolicy>(vm: &Vm<P>, e: ftl_algorithms::random::RandomError) -> crate::vm::PyErr<P> {
    let t = match e.exception {
        "IndexError" => ExcType::IndexError,
        "TypeError" => ExcType::TypeError,
        "OverflowError" => ExcType::OverflowError,
        "ZeroDivisionError" => ExcType::ZeroDivisionError,
        "MemoryError" => ExcType::MemoryError,
        _ => ExcType::ValueError,
    };
    vm.new_error(t, e.message)
}

fn random_seed<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let a = args.first().or(kw.get("a"));
    let mut r = vm.interp.random.lock();
    match a {
        None => r.seed_from_time(),
        Some(x) if x.is_none() => r.seed_from_time(),
        Some(x) => match x.kind() {
            Kind::Int | Kind::Bool => r.seed_int(&vm.int_value(x).expect("int")),
            Kind::Str => r.seed_str(x.as_str().expect("s")),
            Kind::Bytes => r.seed_bytes(x.as_bytes().expect("b")),
            Kind::Float => r.seed_float(x.as_f64().expect("f")),
            _ => return Err(vm.type_error(ftl_algorithms::random::SEED_TYPE_ERROR)),
        },
    }
    Ok(ObjRef::none())
}

fn random_random<P: HeapPolicy>(vm: &Vm<P>, _args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    Ok(ObjRef::from_f64(vm.interp.random.lock().random()))
}

fn random_getrandbits<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("getrandbits", args, 1, 1)?;
    let k = vm.arg_int(&args[0])?;
    let v = vm
        .interp
        .random
        .lock()
        .getrandbits(&k)
        .map_err(|e| rerr(vm, e))?;
    Ok(ObjRef::from_int(v))
}

fn random_randrange<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("randrange", args, 1, 3)?;
    let start = vm.arg_int(&args[0])?;
    let stop = args.get(1).map(|s| vm.arg_int(s)).transpose()?;
    let step = args
        .get(2)
        .map(|s| vm.arg_int(s))
        .transpose()?
        .unwrap_or(IntValue::Small(1));
    let v = vm
        .interp
        .random
        .lock()
        .randrange(&start, stop.as_ref(), &step)
        .map_err(|e| rerr(vm, e))?;
    Ok(ObjRef::from_int(v))
}

fn random_randint<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("randint", args, 2, 2)?;
    let (a, b) = (vm.arg_int(&args[0])?, vm.arg_int(&args[1])?);
    let v = vm
        .interp
        .random
        .lock()
        .randint(&a, &b)
        .map_err(|e| rerr(vm, e))?;
    Ok(ObjRef::from_int(v))
}

fn random_choice<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("choice", args, 1, 1)?;
    let n = vm.len(&args[0])?;
    let i = vm
        .interp
        .random
        .lock()
        .choice_index(n)
        .map_err(|e| rerr(vm, e))?;
    vm.getitem(&args[0], &ObjRef::from_i64(i as i64))
}

fn random_shuffle<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("shuffle", args, 1, 1)?;
    let Some(l) = args[0].as_list() else {
        return Err(vm.type_error("shuffle() needs a list"));
    };
    let mut items = l.snapshot();
    vm.interp.random.lock().shuffle_indices(&mut items);
    drop(l.replace_all(items));
    Ok(ObjRef::none())
}

fn random_sample<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let k = kw
        .get("k")
        .or(args.get(1))
        .ok_or_else(|| vm.type_error("sample() missing 1 required positional argument: 'k'"))?;
    let pop = args.first().ok_or_else(|| {
        vm.type_error("sample() missing 1 required positional argument: 'population'")
    })?;
    if pop.kind() == Kind::Set || pop.kind() == Kind::Dict {
        return Err(
            vm.type_error("Population must be a sequence.  For dicts or sets, use sorted(d).")
        );
    }
    let items = vm.collect(pop)?;
    let k = vm.index_i64(k)?;
    if k < 0 {
        return Err(rerr(vm, ftl_algorithms::random::RandomError::sample_size()));
    }
    let idx = vm
        .interp
        .random
        .lock()
        .sample_indices(items.len(), k as usize)
        .map_err(|e| rerr(vm, e))?;
    Ok(ObjRef::from_list_vec(
        idx.into_iter().map(|i| items[i].clone()).collect(),
    ))
}

fn random_uniform<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("uniform", args, 2, 2)?;
    let (a, b) = (vm.to_f64(&args[0])?, vm.to_f64(&args[1])?);
    Ok(ObjRef::from_f64(vm.interp.random.lock().uniform(a, b)))
}

fn two_floats<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
    d: (f64, f64),
) -> PyResult<(f64, f64), P> {
    let a = match kw.get("mu").or(args.first()) {
        Some(x) => vm.to_f64(x)?,
        None => d.0,
    };
    let b = match kw.get("sigma").or(args.get(1)) {
        Some(x) => vm.to_f64(x)?,
        None => d.1,
    };
    Ok((a, b))
}

fn random_gauss<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let (mu, sigma) = two_floats(vm, args, kw, (0.0, 1.0))?;
    Ok(ObjRef::from_f64(vm.interp.random.lock().gauss(mu, sigma)))
}

fn random_normalvariate<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let (mu, sigma) = two_floats(vm, args, kw, (0.0, 1.0))?;
    Ok(ObjRef::from_f64(
        vm.interp.random.lock().normalvariate(mu, sigma),
    ))
}

fn random_expovariate<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let l = match args.first() {
        Some(x) => vm.to_f64(x)?,
        None => 1.0,
    };
    let v = vm
        .interp
        .random
        .lock()
        .expovariate(l)
        .map_err(|e| rerr(vm, e))?;
    Ok(ObjRef::from_f64(v))
}
