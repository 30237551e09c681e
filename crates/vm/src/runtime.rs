//! Runtimes by name, and running a program on one.
//!
//! A runtime is a bundle of (coordination, heap policy) chosen by name, as
//! in `../shared/DESIGN.md` §3. The eval loop is monomorphised per heap
//! policy, so each available runtime is a separate instantiation of
//! [`run_source`]. Runtimes that later issues bring are listed with their
//! status so `ftl runtimes` shows the whole picture.

use std::sync::Arc;

use ftl_core::probe::Probes;

use ftl_object::{GilHeap, HeapPolicy, ObjRef};

use crate::compiler::compile::{compile_module, ConstMaker};
use crate::interpreter::frame::Frame;
use crate::interpreter::state::Vm;
use crate::objects::{Module, Obj};
use crate::threads::ThreadModel;

/// A runtime as `ftl runtimes` lists it.
#[derive(Debug, Clone, Copy)]
pub struct RuntimeInfo {
    /// The name given to `--runtime`.
    pub name: &'static str,
    /// Whether this build can run it.
    pub available: bool,
    /// One line on what it is.
    pub description: &'static str,
    /// What programs can ask of it beyond one thread of Python, by name:
    /// the executors of the bench workloads (`serial`: no threads;
    /// `threads`: the `threading` module; `processes`: `multiprocessing`;
    /// `interpreters`: subinterpreters) and `timeline` (it records a GIL
    /// timeline), and `free-threaded` (no GIL: threads run bytecode in
    /// parallel; the report gives these runtimes the free-threading
    /// headlines). `cargo xtask bench` marks a cell pending when its
    /// runtime lacks the executor it needs, so a mechanism's cells appear
    /// in the matrix as soon as it lists its feature here.
    pub features: &'static [&'static str],
    /// Built-in modules this runtime cannot offer yet (`ftl runtimes
    /// --json` leaves them out of its `modules`, so the bench marks the
    /// workloads that need them pending).
    pub lacks: &'static [&'static str],
}

/// Every runtime of DESIGN §3, available or not.
pub const RUNTIMES: &[RuntimeInfo] = &[
    RuntimeInfo {
        name: "single",
        available: true,
        description: "one thread, CPython's plain refcounts, no locks, no GIL (the baseline the GIL runtimes extend; starting a thread raises RuntimeError)",
        features: &["serial"],
        lacks: &[],
    },
    RuntimeInfo {
        name: "ft-atomic",
        available: true,
        description: "no GIL: atomic refcounts and per-object locks (the Gilectomy's first step), threads in parallel under FreeThreads (CPython 3.13t's thread states and stop-the-world)",
        features: &["serial", "threads", "processes", "free-threaded"],
        lacks: &[],
    },
    RuntimeInfo {
        name: "gil-new",
        available: true,
        description: "CPython 3.2+ GIL (ftl-gil's NewGil: 5 ms switch interval, drop request, forced switching)",
        features: &["serial", "threads", "processes", "interpreters", "timeline"],
        lacks: &[],
    },
    RuntimeInfo {
        name: "gil-old",
        available: true,
        description: "CPython 2 GIL (ftl-gil's OldGil: released and re-taken every 100 ticks, no handoff)",
        features: &["serial", "threads", "processes", "interpreters", "timeline"],
        lacks: &[],
    },
    RuntimeInfo {
        name: "gil-fair",
        available: true,
        description: "ftl's convoy-free GIL (ftl-gil's FairGil: a thread back from blocking I/O is served at the holder's next poll, FIFO handoff)",
        features: &["serial", "threads", "processes", "interpreters", "timeline"],
        lacks: &[],
    },
    RuntimeInfo {
        name: "ft-locked",
        available: true,
        description: "no GIL: Greg Stein's 1996 patch, every refcount under one process-wide lock (his Linux build) and per-object container locks, threads in parallel under FreeThreads",
        features: &["serial", "threads", "processes", "free-threaded"],
        lacks: &[],
    },
    RuntimeInfo {
        name: "ft-biased",
        available: true,
        description: "no GIL: PEP 703's biased refcounts (an owner's local count, a shared atomic count, per-thread merge queues) and per-object locks, threads in parallel under FreeThreads",
        features: &["serial", "threads", "processes", "free-threaded"],
        lacks: &[],
    },
    RuntimeInfo {
        name: "ft-buffered",
        available: true,
        description: "no GIL: the Gilectomy's buffered refcounts (per-thread increment and decrement logs applied by a commit thread, which alone frees) and per-object locks, threads in parallel under FreeThreads",
        features: &["serial", "threads", "processes", "free-threaded"],
        lacks: &[],
    },
];

/// The default runtime: the new GIL, as in CPython.
pub const DEFAULT_RUNTIME: &str = "gil-new";

/// Why a runtime name was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuntimeError {
    /// No runtime has that name.
    Unknown(String),
    /// It exists in the design but this build does not have it yet.
    Pending(String),
    /// A timeline was asked of a runtime that records none.
    NoTimeline(String),
}

impl core::fmt::Display for RuntimeError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            RuntimeError::Unknown(n) => {
                let names: Vec<&str> = RUNTIMES.iter().map(|r| r.name).collect();
                write!(f, "unknown runtime '{n}' (known: {})", names.join(", "))
            }
            RuntimeError::Pending(n) => {
                write!(f, "runtime '{n}' is not built yet (see `ftl runtimes`)")
            }
            RuntimeError::NoTimeline(n) => {
                let with: Vec<&str> = RUNTIMES
                    .iter()
                    .filter(|r| r.features.contains(&"timeline"))
                    .map(|r| r.name)
                    .collect();
                write!(
                    f,
                    "runtime '{n}' records no GIL timeline (runtimes that do: {})",
                    with.join(", ")
                )
            }
        }
    }
}

/// How to run a program beyond its runtime.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// Where the runtime's coordination sends its probe events (the GIL
    /// timeline: `ftl run --timeline`); off by default. Only runtimes with
    /// the `timeline` feature accept a sink.
    pub probes: Probes,
    /// Built-in modules a crate above `ftl-vm` adds to the interpreters of
    /// the GIL runtimes (`ftl-subinterp`'s `_interpreters` and
    /// `concurrent.interpreters`); see
    /// [`Interp::extensions`](crate::interpreter::state::Interp::extensions).
    pub gil_modules: &'static [crate::stdlib::ModuleDef<GilHeap>],
}

/// Whether `runtime` can run a program with `options`: it exists, this
/// build has it, and it records a timeline if one is asked for.
pub fn check(runtime: &str, options: &RunOptions) -> Result<(), RuntimeError> {
    let info = match RUNTIMES.iter().find(|r| r.name == runtime) {
        Some(info) if info.available => info,
        Some(_) => return Err(RuntimeError::Pending(runtime.to_string())),
        None => return Err(RuntimeError::Unknown(runtime.to_string())),
    };
    if options.probes.enabled() && !info.features.contains(&"timeline") {
        return Err(RuntimeError::NoTimeline(runtime.to_string()));
    }
    Ok(())
}

/// The runtime this process runs programs on: the first `runtime` given to
/// [`run_file`]. `sys.implementation._runtime` shows it, and
/// `multiprocessing` starts its children on the same runtime.
static CURRENT_RUNTIME: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// The runtime [`run_file`] runs (None when a program was run through
/// [`run_source`] directly, as tests do).
pub fn current_runtime() -> Option<&'static str> {
    CURRENT_RUNTIME.get().map(String::as_str)
}

/// Runs the program in file `path` on `runtime` with `argv` (`argv[0]` is
/// the path); returns the process exit status. I/O errors reading the file
/// are the caller's.
pub fn run_file(
    runtime: &str,
    path: &str,
    source: &str,
    argv: Vec<String>,
    options: &RunOptions,
) -> Result<i32, RuntimeError> {
    check(runtime, options)?;
    let _ = CURRENT_RUNTIME.set(runtime.to_string());
    // A thread model's coordination attaches the calling thread when it is
    // made (a GIL is taken here, on the interpreter's thread, before the
    // program is even parsed) and detaches when the program has ended.
    match runtime {
        "single" => Ok(run_source::<GilHeap>(source, path, argv)),
        "ft-atomic" => Ok(run_source_with::<ftl_heap::FtAtomic>(
            source,
            path,
            argv,
            ThreadModel::free_threaded(Default::default()),
        )),
        "ft-biased" => Ok(run_source_with::<ftl_heap::FtBiased>(
            source,
            path,
            argv,
            ThreadModel::free_threaded(Default::default()),
        )),
        "ft-buffered" => Ok(run_source_with::<ftl_heap::FtBuffered>(
            source,
            path,
            argv,
            ThreadModel::free_threaded(Default::default()),
        )),
        "ft-locked" => Ok(run_source_with::<ftl_heap::FtLocked>(
            source,
            path,
            argv,
            ThreadModel::free_threaded(Default::default()),
        )),
        other => match crate::threads::coordination::gil_runtime(other, options.probes.clone()) {
            Some(model) => Ok(run_source_ext::<GilHeap>(
                source,
                path,
                argv,
                model,
                options.gil_modules,
            )),
            None => Err(RuntimeError::Pending(other.to_string())),
        },
    }
}

pub(crate) struct VmConsts<'a, P: HeapPolicy>(pub(crate) &'a Vm<P>);

impl<P: HeapPolicy> ConstMaker<P> for VmConsts<'_, P> {
    fn intern(&mut self, s: &str) -> ObjRef<P> {
        self.0.intern(s)
    }
    fn ellipsis(&mut self) -> ObjRef<P> {
        self.0.interp.ellipsis.clone()
    }
}

/// Compiles and runs `source` as `__main__` on a new interpreter with heap
/// policy `P`, printing errors as CPython does; returns the exit status.
pub fn run_source<P: HeapPolicy>(source: &str, filename: &str, argv: Vec<String>) -> i32 {
    run_source_with::<P>(source, filename, argv, ThreadModel::single())
}

/// [`run_source`] with the program's threads running under `model`.
pub fn run_source_with<P: HeapPolicy>(
    source: &str,
    filename: &str,
    argv: Vec<String>,
    model: ThreadModel<P>,
) -> i32 {
    run_source_ext(source, filename, argv, model, &[])
}

/// [`run_source_with`] on an interpreter that also offers the built-in
/// modules `extensions`.
pub fn run_source_ext<P: HeapPolicy>(
    source: &str,
    filename: &str,
    argv: Vec<String>,
    model: ThreadModel<P>,
    extensions: &'static [crate::stdlib::ModuleDef<P>],
) -> i32 {
    // Before any thread of the interpreter (the refcount strategy's
    // included) starts: `os.fork` allows no more threads than this.
    crate::stdlib::os::note_threads_at_start();
    let module = match ftl_syntax::lower::parse(source, filename) {
        Ok(m) => m,
        Err(e) => {
            eprint!("{}", e.render());
            return 1;
        }
    };
    // This thread's allocations and frees are counted for this runtime in
    // thread-local counters (without a scope, every one would be an atomic
    // add on the process-wide totals). Declared first, so it ends last.
    let accounting = ftl_object::Accounting::new();
    let _counted = accounting.enter();
    let mut vm: Vm<P> = Vm::with_modules(argv, model, extensions);
    let _ = vm.interp.threads.accounting.set(accounting.clone());
    vm.set_stack_budget(crate::runtime::stack_budget());
    let vm = vm;
    // The refcount strategy's own thread (ft-buffered's commit thread),
    // kept by the interpreter (`os.fork` restarts it) and ended (and
    // joined) when this returns.
    *vm.interp.strategy_thread.lock() = vm.start_strategy.and_then(|start| start(&vm.interp));
    let _strategy_thread = EndStrategyThread(&vm.interp.strategy_thread);
    let _finalizers = crate::interpreter::finalize::register(&vm);
    vm.init_builtins();
    let code = match compile_module(&module, filename, source, &mut VmConsts(&vm)) {
        Ok(c) => c,
        Err(e) => {
            eprint!("{}", e.render());
            return 1;
        }
    };
    drop(module);
    vm.interp
        .sources
        .lock()
        .insert(filename.to_string(), Arc::from(source));
    let status = run_main(&vm, code);
    vm.flush_stdout();
    if crate::stdlib::os::is_forked_child() {
        // A child of `os.fork` that ran to the end: the thread that would
        // collect this status (the CLI's launcher) does not exist here.
        std::process::exit(status);
    }
    status
}

/// Ends the refcount strategy's thread when dropped.
struct EndStrategyThread<'a>(&'a ftl_core::sync::Mutex<Option<ftl_core::StrategyThread>>);

impl Drop for EndStrategyThread<'_> {
    fn drop(&mut self) {
        let thread = self.0.lock().take();
        drop(thread);
    }
}

fn run_main<P: HeapPolicy>(vm: &Vm<P>, code: Obj<P>) -> i32 {
    // `builtins` is loaded from the start, as in CPython (`pickle` finds a
    // built-in function's module by searching `sys.modules`).
    vm.import(&vm.intern("builtins"))
        .expect("the builtins module is made from the namespace, which cannot fail");
    let globals = new_main_module(vm);
    // `__main__.__file__` is the program's absolute path, as in CPython
    // since 3.9 (`multiprocessing`'s spawn re-runs it from there); a
    // program from `-c` has none.
    if let Some(path) = vm.interp.argv.first().filter(|a| !a.starts_with('-')) {
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.into());
        vm.dict_set_str(
            &globals,
            vm.intern("__file__"),
            vm.new_str(abs.to_string_lossy().into_owned()),
        );
    }
    let status = match exec_module(vm, code, globals.clone()) {
        Ok(()) => 0,
        Err(e) => vm.report_uncaught(&e),
    };
    finalize_interpreter(vm, &globals);
    status
}

/// The end of an interpreter, run by its main thread (the main
/// interpreter's at exit; a subinterpreter's when it is closed) with
/// `globals`, its `__main__` namespace: joins the non-daemon threads, runs
/// the `atexit` callbacks, stops every other thread for good, clears
/// `__main__` and settles the frees (running the remaining finalizers).
pub fn finalize_interpreter<P: HeapPolicy>(vm: &Vm<P>, globals: &Obj<P>) {
    wait_for_thread_shutdown(vm);
    run_atexit_callbacks(vm);
    vm.stop_gc_thread();
    // From here on, other threads (daemons) never run Python again: under
    // a GIL each parks when it next comes back from waiting for it;
    // without one, the world stops for good (each parks at its next safe
    // point, or when it tries to re-attach).
    vm.interp
        .threads
        .finalizing
        .store(true, core::sync::atomic::Ordering::Release);
    vm.coord.stop_the_world_at_exit();
    // Module teardown: CPython clears __main__'s globals at exit, which
    // runs the remaining finalizers. The type cache's references go first
    // (so that classes die with the globals, as in CPython) and again after
    // (finalizers may have refilled it).
    vm.type_cache.clear();
    if let Some(d) = globals.as_dict() {
        d.clear();
    }
    vm.type_cache.clear();
    // Changes a strategy holds back are applied (objects other threads
    // queued to this one are merged, logged counts committed) and what
    // reached zero is freed, and finalizers handed over by a thread that
    // could not run them are not skipped at exit either; each round of
    // finalizers may free more.
    vm.settle_frees();
}

/// Breaks the reference cycles an interpreter's own roots hold — the
/// `builtins` namespace, `sys.modules`, the built-in classes' namespaces
/// (whose methods refer back to their class), `gc.garbage`,
/// `gc.callbacks` and the `os.register_at_fork` callables — so that the interpreter's objects are freed when the
/// interpreter itself is dropped. Only for an interpreter that is going
/// away and that no other thread runs (a closed subinterpreter): after
/// it, the built-in classes have no methods.
pub fn clear_interpreter_roots<P: HeapPolicy>(vm: &Vm<P>) {
    let interp = &vm.interp;
    let t = &interp.types;
    vm.type_cache.clear();
    let fixed = [
        &t.object,
        &t.type_,
        &t.none,
        &t.bool_,
        &t.int,
        &t.float,
        &t.str_,
        &t.bytes,
        &t.tuple,
        &t.list,
        &t.dict,
        &t.set,
        &t.frozenset,
        &t.bytearray,
    ];
    let classes = fixed
        .into_iter()
        .chain(t.others.values())
        .chain(t.exc.iter());
    for cls in classes {
        if let Some(d) = vm.class(cls).dict.as_dict() {
            d.clear();
        }
    }
    for root in [&interp.modules, &interp.builtins, &interp.signal_handlers] {
        if let Some(d) = root.as_dict() {
            d.clear();
        }
    }
    let at_fork = interp.at_fork.as_tuple().unwrap_or(&[]);
    for list in [&interp.gc_garbage, &interp.gc_callbacks]
        .into_iter()
        .chain(at_fork)
    {
        if let Some(l) = list.as_list() {
            l.clear();
        }
    }
    vm.classes_changed();
    vm.type_cache.clear();
}

/// Makes the module `__main__` of a new interpreter (its `__name__`,
/// `__builtins__` and `__doc__`), enters it in `sys.modules` and returns
/// its namespace.
pub fn new_main_module<P: HeapPolicy>(vm: &Vm<P>) -> Obj<P> {
    let n = &vm.interp.names;
    let globals = module_globals(vm, n.main.clone());
    let main = ObjRef::new_deferred(Module {
        weakrefs: Default::default(),
        name: "__main__".into(),
        dict: globals.clone(),
    });
    vm.dict_set_str(&vm.interp.modules, n.main.clone(), main);
    globals
}

/// A syntax error of the front end as the exception to raise
/// (`SyntaxError`, `IndentationError` or `TabError`) with the message
/// alone: what CPython prints last for an uncaught one (its `str()` would
/// add "(file, line N)").
pub(crate) fn syntax_error<P: HeapPolicy>(
    vm: &Vm<P>,
    e: ftl_syntax::ast::SyntaxError,
) -> crate::interpreter::state::PyErr<P> {
    use crate::interpreter::state::ExcType;
    let kind = match e.kind {
        ftl_syntax::ast::SyntaxErrorKind::Syntax => ExcType::SyntaxError,
        ftl_syntax::ast::SyntaxErrorKind::Indentation => ExcType::IndentationError,
        ftl_syntax::ast::SyntaxErrorKind::Tab => ExcType::TabError,
    };
    // CPython's `SyntaxError(msg, (filename, lineno, offset, text,
    // end_lineno, end_offset))`, with those as attributes.
    let text = match &e.text {
        Some(t) => vm.new_str(format!("{t}\n")),
        None => ObjRef::none(),
    };
    let int = |v: u32| ObjRef::from_i64(v.into());
    let fields = [
        ("filename", vm.new_str(e.filename.clone())),
        ("lineno", int(e.line)),
        ("offset", int(e.col)),
        ("text", text),
        ("end_lineno", int(e.line)),
        ("end_offset", int(e.end_col)),
    ];
    let msg = vm.new_str(e.msg);
    let details = ObjRef::new_tuple(fields.iter().map(|(_, v)| v.clone()).collect());
    let exc = vm.make_exception(vm.exc_class(kind).clone(), vec![msg.clone(), details]);
    if let Some(inst) = exc.downcast::<crate::objects::Instance<P>>() {
        vm.dict_set_str(&inst.dict, vm.intern("msg"), msg);
        for (name, v) in fields {
            vm.dict_set_str(&inst.dict, vm.intern(name), v);
        }
        vm.dict_set_str(&inst.dict, vm.intern("print_file_and_line"), ObjRef::none());
    }
    crate::interpreter::state::PyErr(exc)
}

/// Compiles `source` (named `filename` in tracebacks) and runs it in
/// `globals`, as the built-in `exec` does with a module's namespace; a
/// syntax error is raised as `SyntaxError` (or its subclass).
pub fn exec_source<P: HeapPolicy>(
    vm: &Vm<P>,
    source: &str,
    filename: &str,
    globals: &Obj<P>,
) -> Result<(), crate::interpreter::state::PyErr<P>> {
    let syntax = |e| syntax_error(vm, e);
    let tree = ftl_syntax::lower::parse(source, filename).map_err(syntax)?;
    let code = compile_for(vm, &tree, filename, source).map_err(syntax)?;
    drop(tree);
    // CPython shows no source line for code without a file (`<string>`).
    if !filename.starts_with('<') {
        vm.interp
            .sources
            .lock()
            .insert(filename.to_string(), Arc::from(source));
    }
    exec_module(vm, code, globals.clone())
}

/// Joins the non-daemon threads before the interpreter finalizes: calls
/// `threading._shutdown()` if `threading` was imported (CPython's
/// `wait_for_thread_shutdown`). An exception from it is reported, not
/// raised.
fn wait_for_thread_shutdown<P: HeapPolicy>(vm: &Vm<P>) {
    let Some(threading) = vm.dict_get_str(&vm.interp.modules, &vm.intern("threading")) else {
        return;
    };
    let result = vm
        .getattr(&threading, &vm.intern("_shutdown"))
        .and_then(|f| vm.call(&f, &[], crate::interpreter::state::Kw::EMPTY));
    if let Err(e) = result {
        vm.write_stderr(&format!(
            "Exception ignored in: <module 'threading'>\n{}",
            vm.format_exception(&e)
        ));
    }
}

/// Runs the `atexit` callbacks if `atexit` was imported (CPython's
/// `_PyAtExit_Call`, after the threads are joined).
fn run_atexit_callbacks<P: HeapPolicy>(vm: &Vm<P>) {
    let Some(atexit) = vm.dict_get_str(&vm.interp.modules, &vm.intern("atexit")) else {
        return;
    };
    let result = vm
        .getattr(&atexit, &vm.intern("_run_exitfuncs"))
        .and_then(|f| vm.call(&f, &[], crate::interpreter::state::Kw::EMPTY));
    if let Err(e) = result {
        vm.write_stderr(&format!(
            "Exception ignored in: <module 'atexit'>\n{}",
            vm.format_exception(&e)
        ));
    }
}

/// Compiles a module's tree with the VM's interned constants.
pub(crate) fn compile_for<P: HeapPolicy>(
    vm: &Vm<P>,
    tree: &ftl_syntax::ast::Module,
    filename: &str,
    source: &str,
) -> Result<Obj<P>, ftl_syntax::ast::SyntaxError> {
    compile_module(tree, filename, source, &mut VmConsts(vm))
}

/// A new module namespace: `__name__`, `__builtins__`, `__doc__`.
pub(crate) fn module_globals<P: HeapPolicy>(vm: &Vm<P>, name: Obj<P>) -> Obj<P> {
    // Deferred (3.14t's per-thread counts for globals): every call of a
    // function of the module takes a reference to it.
    let globals = ObjRef::new_deferred_dict();
    let n = &vm.interp.names;
    vm.dict_set_str(&globals, n.name.clone(), name);
    vm.dict_set_str(&globals, n.builtins.clone(), vm.interp.builtins.clone());
    vm.dict_set_str(&globals, n.doc.clone(), ObjRef::none());
    globals
}

/// Runs a module's code object in `globals` (the main program's, or an
/// imported module's).
pub(crate) fn exec_module<P: HeapPolicy>(
    vm: &Vm<P>,
    code: Obj<P>,
    globals: Obj<P>,
) -> Result<(), crate::interpreter::state::PyErr<P>> {
    let nlocals = code
        .downcast::<crate::compiler::bytecode::Code<P>>()
        .map(|c| c.nlocals())
        .unwrap_or(0);
    let mut frame = Frame {
        code: code.clone(),
        globals,
        locals: None,
        fast: vec![None; nlocals],
        cells: Vec::new(),
        stack: Vec::new(),
        blocks: Vec::new(),
        handled: Vec::new(),
        pc: 0,
    };
    vm.run_nested(&code, &mut frame).map(drop)
}

/// The native stack the interpreter thread gets (the CLI spawns it with
/// this size) and how much of it the VM lets Python recursion use.
pub const INTERPRETER_STACK: usize = 512 << 20;

/// The budget below the point where the VM starts.
pub fn stack_budget() -> usize {
    INTERPRETER_STACK - (16 << 20)
}
