//! `sys`: the interpreter's own parameters and functions (CPython's
//! `Python/sysmodule.c`): `argv`, `path` (where `import` looks for a
//! program's own modules), `executable`, `modules`, `stdout`/`stderr`, `exit`,
//! `getrefcount`, the recursion limit, `intern`, and the thread switching
//! parameters, which reach the GIL through the coordination
//! (`setswitchinterval` for the new and fair GILs, CPython 2's
//! `setcheckinterval` for the old one).

use core::sync::atomic::Ordering;
use std::time::Duration;

use ftl_object::{HeapPolicy, Kind, ObjRef};

use crate::interpreter::state::{ExcType, Kw, PyResult, Vm};
use crate::objects::*;
use crate::stdlib::Namespace;

use crate::interpreter::state::ObjResult as R;

/// Fills `sys`.
pub fn init<P: HeapPolicy>(vm: &Vm<P>, m: &Namespace<'_, P>) -> PyResult<(), P> {
    let argv = vm
        .interp
        .argv
        .iter()
        .map(|a| vm.new_str(a.clone()))
        .collect();
    m.set("argv", ObjRef::from_list_vec(argv));
    m.set("modules", vm.interp.modules.clone());
    let path: Vec<Obj<P>> = search_path(vm.interp.argv.first().map(String::as_str))
        .into_iter()
        .map(|d| vm.new_str(d))
        .collect();
    m.set("path", ObjRef::from_list_vec(path));
    let executable = std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    m.set("executable", vm.new_str(executable));
    m.set("stdout", ObjRef::new(Stream { fd: 1 }));
    m.set("stderr", ObjRef::new(Stream { fd: 2 }));
    m.set("maxsize", ObjRef::from_i64(i64::MAX));
    m.set("platform", vm.intern("linux"));
    m.set("byteorder", vm.intern("little"));
    let imp = ObjRef::new_dict();
    vm.dict_set_str(&imp, vm.intern("name"), vm.intern("ftl"));
    // Implementation-specific, so underscored (PEP 421): the runtime this
    // process runs, which `multiprocessing` gives its children.
    let runtime = match crate::runtime::current_runtime() {
        Some(r) => vm.new_str(r),
        None => ObjRef::none(),
    };
    vm.dict_set_str(&imp, vm.intern("_runtime"), runtime);
    let ns_cls = crate::builtins::make_class::<P>(
        "SimpleNamespace",
        Some(&vm.types().object),
        None,
        None,
        0,
    );
    let ns = ObjRef::new(Instance::new(ns_cls, false));
    if let Some(i) = ns.downcast::<Instance<P>>() {
        vm.dict_update(&i.dict, &imp, false)?;
    }
    m.set("implementation", ns);
    // The version ftl follows, and which runtime runs (PEP 421 allows the
    // text after the number to name the implementation).
    let runtime_name = crate::runtime::current_runtime().unwrap_or("unknown");
    m.set(
        "version",
        vm.new_str(format!(
            "3.11.7 (ftl {}, runtime {runtime_name}) [rustc]",
            env!("CARGO_PKG_VERSION")
        )),
    );
    m.set("hexversion", ObjRef::from_i64(0x030b07f0));
    m.set("api_version", ObjRef::from_i64(1013));
    let info = vm.compile_text(VERSION_INFO, "<frozen sys>", false)?;
    let ns = crate::runtime::module_globals(vm, vm.intern("sys"));
    // `_getframe` (defined in the snippet) reads the chain through it.
    let chain = vm.builtin_fn("_frame_chain", sys_frame_chain::<P>);
    vm.dict_set_str(&ns, vm.intern("_frame_chain"), chain);
    vm.run_code(&info, ns.clone(), None)?;
    for name in [
        "version_info",
        "float_info",
        "int_info",
        "hash_info",
        "flags",
        "_getframe",
    ] {
        if let Some(v) = vm.dict_get_str(&ns, &vm.intern(name)) {
            m.set(name, v);
        }
    }
    m.add_functions(&[
        ("exc_info", sys_exc_info::<P>),
        ("exception", sys_exception::<P>),
        ("_is_gil_enabled", sys_is_gil_enabled::<P>),
        ("exit", sys_exit::<P>),
        ("getrefcount", sys_getrefcount::<P>),
        ("getallocatedblocks", sys_getallocatedblocks::<P>),
        ("getrecursionlimit", sys_getrecursionlimit::<P>),
        ("setrecursionlimit", sys_setrecursionlimit::<P>),
        ("intern", sys_intern::<P>),
        ("_clear_type_cache", sys_clear_type_cache::<P>),
        ("setswitchinterval", sys_setswitchinterval::<P>),
        ("getswitchinterval", sys_getswitchinterval::<P>),
        ("setcheckinterval", sys_setcheckinterval::<P>),
        ("getcheckinterval", sys_getcheckinterval::<P>),
    ]);
    Ok(())
}

/// `sys.path` at start-up, as CPython 3.11 makes it: the program's
/// directory (absolute; `''`, the current directory, for `-c`, `-` or no
/// program), then the entries of `PYTHONPATH`. ftl has no standard library
/// on disk, so nothing follows them.
fn search_path(program: Option<&str>) -> Vec<String> {
    let first = match program {
        Some(p) if !p.is_empty() && !p.starts_with('-') => {
            let abs = std::path::absolute(p).unwrap_or_else(|_| p.into());
            let dir = abs
                .parent()
                .map(std::path::Path::to_path_buf)
                .unwrap_or_default();
            dir.canonicalize()
                .unwrap_or(dir)
                .to_string_lossy()
                .into_owned()
        }
        _ => String::new(),
    };
    let mut path = vec![first];
    if let Some(extra) = std::env::var_os("PYTHONPATH") {
        path.extend(
            std::env::split_paths(&extra)
                .filter(|p| !p.as_os_str().is_empty())
                .map(|p| p.to_string_lossy().into_owned()),
        );
    }
    path
}

fn sys_exit<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("exit", args, 0, 1)?;
    Err(crate::interpreter::state::PyErr(vm.make_exception(
        vm.exc_class(ExcType::SystemExit).clone(),
        args.to_vec(),
    )))
}

fn sys_getrefcount<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("getrefcount", args, 1, 1)?;
    let o = &args[0];
    // A strategy whose counts lag (ft-buffered's logs) applies what this
    // thread did first: the count is then exact.
    <P::Rc as ftl_core::RefCount>::sync_counts();
    // The argument's own reference is on the caller's stack, as in CPython.
    if o.is_immortal() {
        return Ok(ObjRef::from_i64(u32::MAX as i64));
    }
    Ok(ObjRef::from_i64(o.refcount() as i64))
}

/// `sys.getallocatedblocks()`: CPython counts the memory blocks its
/// allocator has handed out; ftl counts what the lab cares about, the
/// objects of this runtime alive now (allocated minus freed, immortal
/// objects excluded: `ftl_object::Accounting::live`). It is exact once the
/// threads that allocated have ended (a thread's counts are flushed before
/// its joiners wake), which is what the stress programs of the corpus
/// assert: the count is back at its baseline after their threads.
fn sys_getallocatedblocks<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("getallocatedblocks", args, 0, 0)?;
    // What a strategy holds back (a merge queue, logged counts) is
    // applied first, and the finalizers that frees handed over run, so
    // that what died is not counted live.
    vm.settle_frees();
    let live = match vm.interp.threads.accounting.get() {
        Some(a) => a.live(),
        None => ftl_object::Accounting::global().live(),
    };
    Ok(ObjRef::from_i64(live))
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

/// `sys._clear_type_cache()`: empties the calling thread's type attribute
/// cache (CPython's clears its method cache), whose entries hold strong
/// references to classes and their attributes.
fn sys_clear_type_cache<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("_clear_type_cache", args, 0, 0)?;
    vm.type_cache.clear();
    Ok(ObjRef::none())
}

/// `sys.setswitchinterval(seconds)`
pub fn sys_setswitchinterval<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("setswitchinterval", args, 1, 1)?;
    let secs = match args[0].kind() {
        Kind::Int | Kind::Bool | Kind::Float => vm.to_f64(&args[0])?,
        _ => {
            return Err(vm.type_error(format!(
                "must be real number, not {}",
                vm.type_name(&args[0])
            )))
        }
    };
    if secs.is_nan() || secs <= 0.0 {
        return Err(vm.value_error("switch interval must be strictly positive"));
    }
    // CPython keeps whole microseconds: (unsigned long)(1e6 * interval).
    let us = (1e6 * secs).min(u64::MAX as f64) as u64;
    vm.interp
        .threads
        .switch_interval_us
        .store(us, Ordering::Relaxed);
    vm.coord
        .set_switch_interval(Duration::from_micros(us.max(1)));
    Ok(ObjRef::none())
}

/// `sys.getswitchinterval()`
pub fn sys_getswitchinterval<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("getswitchinterval", args, 0, 0)?;
    let us = vm.interp.threads.switch_interval_us.load(Ordering::Relaxed);
    Ok(ObjRef::from_f64(1e-6 * us as f64))
}

/// `sys.setcheckinterval(n)`: the old GIL's ticks between switches
/// (CPython 2; CPython 3 kept the setting and ignored it, as the other
/// runtimes here do).
pub fn sys_setcheckinterval<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("setcheckinterval", args, 1, 1)?;
    // A C int, as in CPython 2.
    let wide = vm.index_i64(&args[0])?;
    let n = i32::try_from(wide).map_err(|_| {
        vm.overflow_error(if wide < 0 {
            "signed integer is less than minimum"
        } else {
            "signed integer is greater than maximum"
        })
    })?;
    vm.interp
        .threads
        .check_interval
        .store(i64::from(n), Ordering::Relaxed);
    // A count of zero or less re-checks at every tick.
    vm.coord.set_check_interval(n.max(1) as u32);
    Ok(ObjRef::none())
}

/// `sys.getcheckinterval()`
pub fn sys_getcheckinterval<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("getcheckinterval", args, 0, 0)?;
    Ok(ObjRef::from_i64(
        vm.interp.threads.check_interval.load(Ordering::Relaxed),
    ))
}

/// The struct sequences of `sys` (`version_info`, `float_info`, `int_info`,
/// `hash_info`, `flags`): tuple subclasses with named fields and CPython's
/// reprs, made once per interpreter.
const VERSION_INFO: &str = r#"
def _struct(name, fields, values):
    def prop(i):
        return property(lambda self: tuple.__getitem__(self, i))
    ns = {f: prop(i) for i, f in enumerate(fields)}
    def __repr__(self):
        return "sys.%s(%s)" % (name, ", ".join("%s=%r" % (f, v) for f, v in zip(fields, self)))
    ns["__repr__"] = __repr__
    ns["__module__"] = "sys"
    ns["n_fields"] = ns["n_sequence_fields"] = len(fields)
    cls = type(name, (tuple,), ns)
    return cls(values)

version_info = _struct("version_info", ("major", "minor", "micro", "releaselevel", "serial"), (3, 11, 7, "final", 0))
float_info = _struct("float_info", ("max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"),
    (1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021, -307, 15, 53, 2.220446049250313e-16, 2, 1))
int_info = _struct("int_info", ("bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"), (30, 4, 4300, 640))
hash_info = _struct("hash_info", ("width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"),
    (64, 2305843009213693951, 314159, 0, 1000003, "siphash13", 64, 128, 0))
class frame:
    """A snapshot of a running frame (ftl's frames are not objects): its
    code, globals, locals (a function's as a new dict), the line of its
    latest call and the frame that called it."""
    __module__ = "builtins"

    def __init__(self, code, globals, locals, lineno, back):
        self.f_code = code
        self.f_globals = globals
        self.f_locals = locals
        self.f_lineno = lineno
        self.f_back = back
        self.f_builtins = __builtins__ if isinstance(__builtins__, dict) else __builtins__.__dict__
        self.f_lasti = -1
        self.f_trace = None

    def clear(self):
        pass

    def __repr__(self):
        return "<frame at %#x, file %r, line %d, code %s>" % (
            id(self), self.f_code.co_filename, self.f_lineno, self.f_code.co_name)

def _getframe(depth=0, /):
    depth = depth.__index__()
    # The chain from the caller of _getframe outwards, innermost first.
    chain = _frame_chain(depth + 1)
    if chain is None:
        raise ValueError("call stack is not deep enough")
    back = None
    for code, globals, locals, lineno in reversed(chain):
        back = frame(code, globals, locals, lineno, back)
    return back

flags = _struct("flags", ("debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site",
    "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode",
    "warn_default_encoding", "safe_path", "int_max_str_digits"), (0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, False, 0, 0, False, -1))
"#;

/// `sys._frame_chain(depth)`: `(code, globals, locals, lineno)` of each
/// running frame from `depth` levels out (0: the caller of this built-in)
/// to the outermost, or None when there is no frame that deep. What
/// `sys._getframe` builds its frame snapshots from.
fn sys_frame_chain<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("_frame_chain", args, 1, 1)?;
    let depth = usize::try_from(vm.index_i64(&args[0])?).unwrap_or(usize::MAX);
    if vm.frames.get(depth).is_none() {
        return Ok(ObjRef::none());
    }
    let mut out = Vec::new();
    let mut d = depth;
    while let Some(f) = vm.frames.get(d) {
        let code_obj = f.code();
        let line = {
            let code = code_obj
                .downcast::<crate::compiler::bytecode::Code<P>>()
                .expect("code");
            code.line_of(f.pc().saturating_sub(1))
        };
        out.push(ObjRef::new_tuple(vec![
            code_obj.clone(),
            f.globals(),
            vm.frame_locals(&f),
            ObjRef::from_i64(i64::from(line)),
        ]));
        d += 1;
    }
    Ok(ObjRef::new_tuple(out))
}

/// `sys.exc_info()`: `(type, value, traceback)` of the exception being
/// handled, or three Nones.
fn sys_exc_info<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("exc_info", args, 0, 0)?;
    let current = vm.exc_info.borrow().last().cloned();
    Ok(ObjRef::new_tuple(match current {
        Some(e) => vec![vm.type_of(&e), e.clone(), vm.traceback_object(&e)],
        None => vec![ObjRef::none(), ObjRef::none(), ObjRef::none()],
    }))
}

/// `sys.exception()` (3.11): the exception being handled, or None.
fn sys_exception<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("exception", args, 0, 0)?;
    Ok(vm
        .exc_info
        .borrow()
        .last()
        .cloned()
        .unwrap_or_else(ObjRef::none))
}

/// `sys._is_gil_enabled()` (3.13): whether this runtime has a GIL (false
/// on the free-threaded runtimes, as 3.13t reports).
fn sys_is_gil_enabled<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("_is_gil_enabled", args, 0, 0)?;
    let free = crate::runtime::current_runtime().is_some_and(|r| r.starts_with("ft-"));
    Ok(ObjRef::from_bool(!free))
}
