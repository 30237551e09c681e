//! The interpreter state and the per-thread VM.
//!
//! [`Interp`] is what CPython calls the interpreter state: built-in
//! classes, the `builtins` namespace, loaded modules, the intern table, the
//! recursion limit, the random generator. It is shared by the threads of
//! one interpreter.
//!
//! [`Vm`] is one OS thread's view: a reference to the interpreter, the
//! recursion depth, the stack of exceptions being handled, a pool of value
//! stacks for frames, and the thread's [`Coordination`] handle: every safe
//! point ([`Vm::poll`]) and every blocking call ([`Vm::blocking`]) goes
//! through it, so that the GIL runtimes plug in without touching the eval
//! loop.
//!
//! Errors are [`PyErr`]: an exception instance. Built-in exception classes
//! are listed in [`ExcType`].

use core::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::sync::Arc;

use ftl_core::sync::Mutex;
use ftl_core::Wait;
use ftl_object::{HeapPolicy, ObjRef};

use crate::objects::*;
use crate::threads::coordination::Coordination;
use crate::threads::ThreadModel;

/// A Python exception in flight: the exception instance.
pub struct PyErr<P: HeapPolicy>(pub Obj<P>);

impl<P: HeapPolicy> core::fmt::Debug for PyErr<P> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "PyErr({:?})", self.0)
    }
}

/// The result of anything that may raise.
pub type PyResult<T, P> = Result<T, PyErr<P>>;

/// What a built-in function (and most of the VM) returns: an object, or
/// the exception raised.
pub type ObjResult<P> = PyResult<Obj<P>, P>;

/// A built-in function: the VM, the positional arguments (the receiver
/// first, for methods) and the keyword arguments.
pub type BuiltinFn<P> = fn(&Vm<P>, &[Obj<P>], Kw<'_, P>) -> ObjResult<P>;

/// Keyword arguments of a call: parallel slices of names (interned strs)
/// and values.
pub struct Kw<'a, P: HeapPolicy> {
    /// The keyword names.
    pub names: &'a [Obj<P>],
    /// The values.
    pub values: &'a [Obj<P>],
}

impl<P: HeapPolicy> Clone for Kw<'_, P> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<P: HeapPolicy> Copy for Kw<'_, P> {}

impl<'a, P: HeapPolicy> Kw<'a, P> {
    /// No keyword arguments.
    pub const EMPTY: Kw<'static, P> = Kw {
        names: &[],
        values: &[],
    };

    /// Whether there are none.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The value for keyword `name`.
    pub fn get(&self, name: &str) -> Option<&'a Obj<P>> {
        self.names
            .iter()
            .position(|n| n.as_str() == Some(name))
            .map(|i| &self.values[i])
    }

    /// Pairs of (name, value).
    pub fn iter(&self) -> impl Iterator<Item = (&'a str, &'a Obj<P>)> + 'a {
        let names = self.names;
        names
            .iter()
            .map(|n| n.as_str().unwrap_or(""))
            .zip(self.values.iter())
    }
}

macro_rules! exc_types {
    ($($name:ident : $parent:ident,)*) => {
        /// The built-in exception classes, each with its base.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[allow(missing_docs)]
        pub enum ExcType { $($name,)* }

        impl ExcType {
            /// All of them, parents before children.
            pub const ALL: &'static [ExcType] = &[$(ExcType::$name,)*];
            /// The Python name.
            pub fn name(self) -> &'static str {
                match self { $(ExcType::$name => stringify!($name),)* }
            }
            /// The base class (`BaseException`'s is itself; its real base
            /// is `object`).
            pub fn parent(self) -> ExcType {
                match self { $(ExcType::$name => ExcType::$parent,)* }
            }
        }
    };
}

exc_types! {
    BaseException: BaseException,
    SystemExit: BaseException,
    KeyboardInterrupt: BaseException,
    GeneratorExit: BaseException,
    Exception: BaseException,
    StopIteration: Exception,
    ArithmeticError: Exception,
    FloatingPointError: ArithmeticError,
    OverflowError: ArithmeticError,
    ZeroDivisionError: ArithmeticError,
    AssertionError: Exception,
    AttributeError: Exception,
    BufferError: Exception,
    EOFError: Exception,
    ImportError: Exception,
    ModuleNotFoundError: ImportError,
    LookupError: Exception,
    IndexError: LookupError,
    KeyError: LookupError,
    MemoryError: Exception,
    NameError: Exception,
    UnboundLocalError: NameError,
    OSError: Exception,
    BlockingIOError: OSError,
    ChildProcessError: OSError,
    ConnectionError: OSError,
    BrokenPipeError: ConnectionError,
    ConnectionAbortedError: ConnectionError,
    ConnectionRefusedError: ConnectionError,
    ConnectionResetError: ConnectionError,
    FileExistsError: OSError,
    FileNotFoundError: OSError,
    InterruptedError: OSError,
    IsADirectoryError: OSError,
    NotADirectoryError: OSError,
    PermissionError: OSError,
    ProcessLookupError: OSError,
    TimeoutError: OSError,
    ReferenceError: Exception,
    RuntimeError: Exception,
    NotImplementedError: RuntimeError,
    RecursionError: RuntimeError,
    SyntaxError: Exception,
    IndentationError: SyntaxError,
    TabError: IndentationError,
    SystemError: Exception,
    TypeError: Exception,
    ValueError: Exception,
    UnicodeError: ValueError,
    UnicodeDecodeError: UnicodeError,
    UnicodeEncodeError: UnicodeError,
    Warning: Exception,
    UserWarning: Warning,
    DeprecationWarning: Warning,
    RuntimeWarning: Warning,
}

/// The built-in classes of one interpreter.
pub struct Types<P: HeapPolicy> {
    /// `object`
    pub object: Obj<P>,
    /// `type`
    pub type_: Obj<P>,
    /// `NoneType`
    pub none: Obj<P>,
    /// `bool`
    pub bool_: Obj<P>,
    /// `int`
    pub int: Obj<P>,
    /// `float`
    pub float: Obj<P>,
    /// `str`
    pub str_: Obj<P>,
    /// `bytes`
    pub bytes: Obj<P>,
    /// `tuple`
    pub tuple: Obj<P>,
    /// `list`
    pub list: Obj<P>,
    /// `dict`
    pub dict: Obj<P>,
    /// `set`
    pub set: Obj<P>,
    /// `frozenset`
    pub frozenset: Obj<P>,
    /// `bytearray`
    pub bytearray: Obj<P>,
    /// The other built-in classes by payload or singleton name.
    pub others: HashMap<&'static str, Obj<P>>,
    /// Exception classes, indexed by `ExcType as usize`.
    pub exc: Vec<Obj<P>>,
}

/// Interpreter-wide state.
pub struct Interp<P: HeapPolicy> {
    /// Built-in classes.
    pub types: Types<P>,
    /// The `builtins` namespace.
    pub builtins: Obj<P>,
    /// Loaded modules by name (a dict).
    pub modules: Obj<P>,
    /// Interned strings, all immortal (PEP 683, as CPython 3.12+ makes
    /// them): written under the lock when a name is first interned; each
    /// thread reads through its own cache ([`Vm::intern`]).
    pub interned: Mutex<HashMap<String, Obj<P>>>,
    /// `sys.getrecursionlimit()`
    pub recursion_limit: core::sync::atomic::AtomicU32,
    /// Bumped by every change to a class namespace; the type attribute
    /// caches ([`crate::interpreter::typecache`]) are valid for one epoch.
    pub class_epoch: ftl_core::Epoch,
    /// `sys.argv`
    pub argv: Vec<String>,
    /// Source text by file name, for tracebacks.
    pub sources: Mutex<HashMap<String, Arc<str>>>,
    /// `NotImplemented`
    pub not_implemented: Obj<P>,
    /// `Ellipsis`
    pub ellipsis: Obj<P>,
    /// The internal "no value" marker (CPython's NULL on the stack).
    pub null: Obj<P>,
    /// The `random` module's generator.
    pub random: Mutex<ftl_algorithms::random::Random>,
    /// Buffered standard output.
    pub stdout: Mutex<std::io::BufWriter<std::io::Stdout>>,
    /// Commonly used interned names.
    pub names: Names<P>,
    /// The 128 one-character ASCII strings, interned (CPython keeps the
    /// one-character Latin-1 strings as singletons).
    pub ascii_chars: Vec<Obj<P>>,
    /// Thread state shared by the interpreter's threads (`_thread`,
    /// `sys.setswitchinterval`, shutdown).
    pub threads: crate::threads::InterpThreads,
    /// The modules being imported, so that each body runs once.
    pub imports: crate::interpreter::import::ImportLocks,
    /// The cycle collector (`ftl-gc`): the generational one on a runtime
    /// whose coordination is exclusive (a GIL, or one thread), the
    /// free-threaded one (per-thread tables) otherwise. Every thread
    /// announces its containers to it.
    pub gc: Arc<ftl_gc::Collector<P>>,
    /// `gc.garbage`: objects saved by `DEBUG_SAVEALL`.
    pub gc_garbage: Obj<P>,
    /// Objects whose finalizers are due but that died on a thread that
    /// cannot run Python code (a deferring refcount strategy's commit or
    /// merge thread enters it: `ftl_object::handoff`); every interpreter
    /// thread runs them at its next safe point.
    pub finalizers: Arc<ftl_object::handoff::FinalizerQueue<P>>,
    /// `gc.callbacks`.
    pub gc_callbacks: Obj<P>,
    /// The Python handlers `signal.signal` installed, by signal number (a
    /// dict; None where the OS disposition is SIG_DFL or SIG_IGN): the main
    /// thread runs them (`stdlib::signal`).
    pub signal_handlers: Obj<P>,
    /// The refcount strategy's own thread while it runs (ft-buffered's
    /// commit thread; `None` elsewhere): `os.fork` ends it before forking
    /// and starts a new one on both sides.
    pub strategy_thread: Mutex<Option<ftl_core::StrategyThread>>,
    /// `os.register_at_fork`'s callables: a tuple of three lists (before,
    /// after in the child, after in the parent).
    pub at_fork: Obj<P>,
    /// PEP 556's mode: `Some` (the running GC thread's handshake) in
    /// threaded mode, `None` in serial mode.
    pub gc_threaded: Mutex<Option<Arc<ftl_gc::threaded::Handshake>>>,
    /// Built-in modules that a crate above `ftl-vm` adds to this
    /// interpreter (`ftl-subinterp`'s `_interpreters` and
    /// `concurrent.interpreters`): `import` looks here after the
    /// registration table of [`crate::stdlib`].
    pub extensions: &'static [crate::stdlib::ModuleDef<P>],
    /// The interpreter's id among the interpreters of the process (PEP
    /// 734's `Interpreter.id`): 0 for the main one; `ftl-subinterp` sets
    /// it on an interpreter it creates before any other thread sees it.
    pub subinterp_id: core::sync::atomic::AtomicU64,
}

/// A new interned string: immortal (never counted, never freed).
pub(crate) fn new_interned<P: HeapPolicy>(s: &str) -> Obj<P> {
    ObjRef::new_immortal_str(s)
}

/// The special method names the VM looks up by text (`call_dunder` and
/// friends), interned at start-up.
pub const DUNDERS: &[&str] = &[
    "__add__",
    "__radd__",
    "__iadd__",
    "__sub__",
    "__rsub__",
    "__isub__",
    "__mul__",
    "__rmul__",
    "__imul__",
    "__truediv__",
    "__rtruediv__",
    "__itruediv__",
    "__floordiv__",
    "__rfloordiv__",
    "__ifloordiv__",
    "__mod__",
    "__rmod__",
    "__imod__",
    "__pow__",
    "__rpow__",
    "__ipow__",
    "__lshift__",
    "__rlshift__",
    "__ilshift__",
    "__rshift__",
    "__rrshift__",
    "__irshift__",
    "__or__",
    "__ror__",
    "__ior__",
    "__xor__",
    "__rxor__",
    "__ixor__",
    "__and__",
    "__rand__",
    "__iand__",
    "__matmul__",
    "__rmatmul__",
    "__imatmul__",
    "__neg__",
    "__pos__",
    "__invert__",
    "__abs__",
    "__eq__",
    "__ne__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__bool__",
    "__hash__",
    "__len__",
    "__getitem__",
    "__setitem__",
    "__delitem__",
    "__contains__",
    "__iter__",
    "__next__",
    "__format__",
    "__divmod__",
    "__rdivmod__",
    "__round__",
    "__int__",
    "__index__",
    "__float__",
    "__reversed__",
    "__floor__",
    "__ceil__",
    "__trunc__",
    "__enter__",
    "__exit__",
    "__call__",
    "__repr__",
    "__str__",
    "__qualname__",
];

macro_rules! names {
    ($($field:ident = $text:expr,)*) => {
        /// Interned names the VM looks up often.
        #[allow(missing_docs)]
        pub struct Names<P: HeapPolicy> { $(pub $field: Obj<P>,)* }
        impl<P: HeapPolicy> Names<P> {
            /// Interns every name.
            pub fn new(intern: &mut impl FnMut(&str) -> Obj<P>) -> Self {
                Names { $($field: intern($text),)* }
            }
        }
    };
}

names! {
    init = "__init__",
    new = "__new__",
    repr = "__repr__",
    str_ = "__str__",
    eq = "__eq__",
    ne = "__ne__",
    lt = "__lt__",
    le = "__le__",
    gt = "__gt__",
    ge = "__ge__",
    hash = "__hash__",
    len = "__len__",
    bool_ = "__bool__",
    getitem = "__getitem__",
    setitem = "__setitem__",
    delitem = "__delitem__",
    contains = "__contains__",
    iter = "__iter__",
    next = "__next__",
    call = "__call__",
    enter = "__enter__",
    exit = "__exit__",
    del = "__del__",
    getattr = "__getattr__",
    setattr = "__setattr__",
    delattr = "__delattr__",
    name = "__name__",
    qualname = "__qualname__",
    module = "__module__",
    class = "__class__",
    dict = "__dict__",
    doc = "__doc__",
    args = "args",
    neg = "__neg__",
    pos = "__pos__",
    abs = "__abs__",
    invert = "__invert__",
    index = "__index__",
    int_ = "__int__",
    float_ = "__float__",
    format = "__format__",
    main = "__main__",
    builtins = "__builtins__",
    code = "code",
    value = "value",
}

/// One thread's VM: the thread state.
///
/// Field order matters: fields drop in declaration order, and every field
/// but the last may hold objects, which a GIL runtime may touch only while
/// the thread is attached. `coord` is last, so the thread detaches only
/// after everything else is gone.
pub struct Vm<P: HeapPolicy> {
    /// The interpreter.
    pub interp: Arc<Interp<P>>,
    /// This thread's `_thread.get_ident()`.
    pub ident: u64,
    /// Whether this is the interpreter's main thread.
    pub is_main: bool,
    /// Locks released when this thread ends (`_thread._set_sentinel`:
    /// `Thread.join` waits on one).
    pub sentinels: RefCell<Vec<Arc<ftl_core::ThreadLock>>>,
    /// Python call depth.
    pub depth: Cell<u32>,
    /// The running frames, innermost first.
    pub frames: crate::interpreter::frames::FrameChain<P>,
    /// Exceptions being handled, innermost last (CPython's `exc_info`
    /// chain).
    pub exc_info: RefCell<Vec<Obj<P>>>,
    /// Recycled value stacks.
    pub stack_pool: crate::interpreter::frame::VecPool<Obj<P>>,
    /// Recycled fast-locals vectors (with the value stacks, this thread's
    /// frame storage: CPython 3.11 carves frames out of a per-thread data
    /// stack instead of allocating one per call).
    pub fast_pool: crate::interpreter::frame::VecPool<Option<Obj<P>>>,
    /// The address of a local near the base of this thread's stack, and
    /// how many bytes below it the VM may use before raising
    /// `RecursionError`.
    pub stack_base: usize,
    /// Stack budget in bytes.
    pub stack_budget: usize,
    /// The coordination's eval-breaker flag.
    pub breaker: ftl_core::sync::Arc<ftl_core::sync::AtomicBool>,
    /// This thread's type attribute cache.
    pub type_cache: crate::interpreter::typecache::TypeCache<P>,
    /// This thread's view of the interned strings (see [`Vm::intern`]).
    pub interned_here: RefCell<HashMap<Box<str>, Obj<P>>>,
    /// How this runtime starts a thread (`None`: it runs one thread); see
    /// [`ThreadModel`](crate::threads::ThreadModel).
    pub spawn: Option<crate::threads::start::SpawnFn<P>>,
    /// Starts the refcount strategy's own thread (`None` but on the main
    /// thread of a free-threaded runtime): see
    /// [`RefCount::start_thread`](ftl_core::RefCount::start_thread).
    pub start_strategy: Option<crate::threads::start::StartStrategyFn<P>>,
    /// The interpreter's collector (every runtime has one): its due flag
    /// is read at every safe point.
    pub gc: Option<Arc<ftl_gc::Collector<P>>>,
    /// This thread's membership in the collector's scope (containers it
    /// allocates are tracked).
    pub gc_scope: Option<ftl_object::gc_hooks::GcScope>,
    /// This thread's coordination handle (the GIL, or none). Last: see
    /// the type's docs.
    pub coord: Box<dyn Coordination>,
}

impl<P: HeapPolicy> Vm<P> {
    /// Creates an interpreter and the VM of the calling thread, which runs
    /// one thread.
    pub fn new(argv: Vec<String>) -> Vm<P> {
        Vm::with_threads(argv, ThreadModel::single())
    }

    /// Creates an interpreter and the VM of the calling thread, whose
    /// threads run under `model`.
    pub fn with_threads(argv: Vec<String>, model: ThreadModel<P>) -> Vm<P> {
        Vm::with_modules(argv, model, &[])
    }

    /// [`Vm::with_threads`] on an interpreter that also offers the built-in
    /// modules `extensions` (see [`Interp::extensions`]).
    pub fn with_modules(
        argv: Vec<String>,
        model: ThreadModel<P>,
        extensions: &'static [crate::stdlib::ModuleDef<P>],
    ) -> Vm<P> {
        let free_threaded = !model.coord.exclusive();
        let interp = Arc::new(crate::builtins::make_interp::<P>(
            argv,
            free_threaded,
            extensions,
        ));
        let mut vm = Vm::for_thread(interp, model);
        vm.is_main = true;
        vm
    }

    /// The VM of the calling thread on an existing interpreter (not its
    /// main thread).
    pub fn for_thread(interp: Arc<Interp<P>>, model: ThreadModel<P>) -> Vm<P> {
        let marker = 0u8;
        let ThreadModel {
            coord,
            spawn,
            start_strategy,
        } = model;
        let breaker = coord.breaker();
        // Every thread announces its containers: to the collector itself
        // under a GIL, to a table of its own on a free-threaded heap (no
        // lock per allocation; see `ftl-gc`'s `table` module).
        let gc = Some(interp.gc.clone());
        let gc_scope = gc
            .as_ref()
            .map(|g| ftl_object::gc_hooks::enter(g.tracker()));
        Vm {
            gc,
            gc_scope,
            breaker,
            interp,
            ident: crate::threads::next_ident(),
            is_main: false,
            sentinels: RefCell::new(Vec::new()),
            depth: Cell::new(0),
            frames: Default::default(),
            exc_info: RefCell::new(Vec::new()),
            stack_pool: crate::interpreter::frame::VecPool::new(),
            fast_pool: crate::interpreter::frame::VecPool::new(),
            stack_base: &marker as *const u8 as usize,
            stack_budget: 8 << 20,
            coord,
            spawn,
            start_strategy,
            type_cache: Default::default(),
            interned_here: RefCell::new(HashMap::new()),
        }
    }

    /// Sets how many bytes of native stack the VM may use below the
    /// current point (the thread's stack size minus a safety margin).
    pub fn set_stack_budget(&mut self, bytes: usize) {
        let marker = 0u8;
        self.stack_base = &marker as *const u8 as usize;
        self.stack_budget = bytes;
    }

    /// Whether the native stack is nearly used up.
    #[inline]
    pub fn stack_exhausted(&self) -> bool {
        let marker = 0u8;
        let here = &marker as *const u8 as usize;
        self.stack_base.saturating_sub(here) > self.stack_budget
    }

    /// A safe point: lets the coordination hand the thread over, and runs
    /// what is due here (the collector, finalizers, and on the main thread
    /// the Python handlers of tripped signals, whose exception it returns).
    #[inline]
    pub fn poll(&self) -> PyResult<(), P> {
        if self.breaker.load(core::sync::atomic::Ordering::Relaxed) {
            // The thread may park here (another has the world stopped):
            // a strategy whose counts lag flushes first.
            <P::Rc as ftl_core::RefCount>::thread_detached();
            self.coord.poll();
            <P::Rc as ftl_core::RefCount>::thread_attached();
            self.after_reattach();
        }
        if let Some(gc) = &self.gc {
            if gc.is_due() {
                self.collect_due_garbage();
            }
        }
        if self.interp.finalizers.is_pending() {
            self.interp.finalizers.run_pending();
        }
        // A deferring strategy's per-thread work (PEP 703's owner merges
        // what other threads queued to it); nothing on the other heaps.
        <P::Rc as ftl_core::RefCount>::at_safe_point();
        if crate::stdlib::syscalls::TRIPPED_SIGNALS.any_tripped() && self.runs_signal_handlers() {
            return self.run_signal_handlers();
        }
        Ok(())
    }

    /// Brings every count up to date for what this thread has done and
    /// frees what that found dead, finalizers included: a deferring
    /// strategy's held-back changes are applied
    /// ([`RefCount::sync_counts`](ftl_core::RefCount::sync_counts)) and the
    /// finalizers handed to this interpreter run, in rounds, since each may
    /// free more. `sys.getallocatedblocks`, `gc.collect()` and the exit
    /// call it; on the other heaps it runs pending hand-overs only.
    pub fn settle_frees(&self) {
        for _ in 0..8 {
            <P::Rc as ftl_core::RefCount>::sync_counts();
            if !self.interp.finalizers.is_pending() {
                break;
            }
            self.interp.finalizers.run_pending();
        }
    }

    /// Runs `f` as a blocking call that waits for the outside world (I/O,
    /// a sleep): other threads may run meanwhile. `f` must not touch
    /// objects.
    pub fn blocking<R>(&self, f: impl FnOnce() -> R) -> R {
        self.blocking_on(Wait::World, f)
    }

    /// Runs `f` as a blocking call that waits for `wait`: for another
    /// thread of this interpreter ([`Wait::Thread`]: a lock, a join), or
    /// for the outside world.
    pub fn blocking_on<R>(&self, wait: Wait, f: impl FnOnce() -> R) -> R {
        let mut f = Some(f);
        let mut out = None;
        <P::Rc as ftl_core::RefCount>::thread_detached();
        self.coord
            .detached(wait, &mut || out = Some((f.take().expect("called once"))()));
        <P::Rc as ftl_core::RefCount>::thread_attached();
        self.after_reattach();
        out.expect("ran")
    }

    /// Whether this thread runs the Python signal handlers: the main thread
    /// of the main interpreter only, as in CPython (a subinterpreter's
    /// threads leave tripped signals to it).
    #[inline]
    pub fn runs_signal_handlers(&self) -> bool {
        self.is_main
            && self
                .interp
                .subinterp_id
                .load(core::sync::atomic::Ordering::Relaxed)
                == 0
    }

    /// What a thread checks each time it may have waited for the GIL: once
    /// the interpreter is finalizing, a thread other than the main one
    /// never runs Python again (CPython's `tstate_must_exit` in
    /// `take_gil`): it detaches and parks until the process exits.
    #[inline]
    pub fn after_reattach(&self) {
        if !self.is_main
            && self
                .interp
                .threads
                .finalizing
                .load(core::sync::atomic::Ordering::Acquire)
        {
            self.park_forever();
        }
    }

    #[cold]
    fn park_forever(&self) -> ! {
        self.coord.detached(Wait::Thread, &mut || loop {
            std::thread::park();
        });
        unreachable!("a parked thread never re-attaches")
    }

    /// The built-in classes.
    #[inline]
    pub fn types(&self) -> &Types<P> {
        &self.interp.types
    }

    /// The interned string for `s`.
    ///
    /// Interned strings are immortal, so threads share them without
    /// touching their counts, and a thread may keep references to them
    /// for good: each looks in its own cache first (no lock, nothing
    /// shared written) and takes the interpreter's table lock only the
    /// first time it meets a name.
    pub fn intern(&self, s: &str) -> Obj<P> {
        if let Some(o) = self.interned_here.borrow().get(s) {
            return o.clone();
        }
        let o = {
            let mut table = self.interp.interned.lock();
            match table.get(s) {
                Some(o) => o.clone(),
                None => {
                    let o = new_interned(s);
                    table.insert(s.to_string(), o.clone());
                    o
                }
            }
        };
        self.interned_here.borrow_mut().insert(s.into(), o.clone());
        o
    }

    /// `None`
    #[inline]
    pub fn none(&self) -> Obj<P> {
        ObjRef::none()
    }

    /// A new `str` object.
    #[inline]
    pub fn new_str(&self, s: impl Into<String>) -> Obj<P> {
        ObjRef::from_string(s.into())
    }

    // ---- exceptions -----------------------------------------------------

    /// The class of a built-in exception.
    pub fn exc_class(&self, t: ExcType) -> &Obj<P> {
        &self.interp.types.exc[t as usize]
    }

    /// A new exception of type `t` with message `msg` (args = `(msg,)`).
    pub fn new_error(&self, t: ExcType, msg: impl Into<String>) -> PyErr<P> {
        let msg = self.new_str(msg.into());
        PyErr(self.make_exception(self.exc_class(t).clone(), vec![msg]))
    }

    /// A new exception instance of `class` with `args`.
    pub fn make_exception(&self, class: Obj<P>, args: Vec<Obj<P>>) -> Obj<P> {
        let inst = Instance::new(class, true);
        if let Some(e) = &inst.exc {
            e.args.set(Some(ObjRef::new_tuple(args)));
        }
        ObjRef::new(inst)
    }

    /// `TypeError(msg)`
    pub fn type_error(&self, msg: impl Into<String>) -> PyErr<P> {
        self.new_error(ExcType::TypeError, msg)
    }

    /// `ValueError(msg)`
    pub fn value_error(&self, msg: impl Into<String>) -> PyErr<P> {
        self.new_error(ExcType::ValueError, msg)
    }

    /// `IndexError(msg)`
    pub fn index_error(&self, msg: impl Into<String>) -> PyErr<P> {
        self.new_error(ExcType::IndexError, msg)
    }

    /// `KeyError(key)`
    pub fn key_error(&self, key: Obj<P>) -> PyErr<P> {
        PyErr(self.make_exception(self.exc_class(ExcType::KeyError).clone(), vec![key]))
    }

    /// `AttributeError(msg)`
    pub fn attribute_error(&self, msg: impl Into<String>) -> PyErr<P> {
        self.new_error(ExcType::AttributeError, msg)
    }

    /// `ZeroDivisionError(msg)`
    pub fn zero_division(&self, msg: impl Into<String>) -> PyErr<P> {
        self.new_error(ExcType::ZeroDivisionError, msg)
    }

    /// `OverflowError(msg)`
    pub fn overflow_error(&self, msg: impl Into<String>) -> PyErr<P> {
        self.new_error(ExcType::OverflowError, msg)
    }

    /// Whether `err` is an instance of the built-in exception `t` (or a
    /// subclass).
    pub fn err_matches(&self, err: &PyErr<P>, t: ExcType) -> bool {
        let cls = self.type_of(&err.0);
        self.is_subclass(&cls, self.exc_class(t))
    }

    // ---- types ----------------------------------------------------------

    /// `type(obj)`
    pub fn type_of(&self, obj: &Obj<P>) -> Obj<P> {
        use ftl_object::Kind;
        let t = &self.interp.types;
        match obj.kind() {
            Kind::None => t.none.clone(),
            Kind::Bool => t.bool_.clone(),
            Kind::Int => t.int.clone(),
            Kind::Float => t.float.clone(),
            Kind::Str => t.str_.clone(),
            Kind::Bytes => t.bytes.clone(),
            Kind::Tuple => t.tuple.clone(),
            Kind::List => t.list.clone(),
            Kind::Dict => t.dict.clone(),
            Kind::Set => t.set.clone(),
            Kind::FrozenSet => t.frozenset.clone(),
            Kind::ByteArray => t.bytearray.clone(),
            _ => {
                if let Some(inst) = obj.downcast::<Instance<P>>() {
                    return inst.class.clone();
                }
                if let Some(c) = obj.downcast::<Class<P>>() {
                    return c.meta.clone().unwrap_or_else(|| t.type_.clone());
                }
                let key: &'static str = if let Some(s) = obj.downcast::<Singleton>() {
                    s.name
                } else if let Some(v) = obj.downcast::<DictView<P>>() {
                    match v.part {
                        DictPart::Keys => "dict_keys",
                        DictPart::Values => "dict_values",
                        DictPart::Items => "dict_items",
                    }
                } else {
                    obj.type_name()
                };
                t.others
                    .get(key)
                    .cloned()
                    .unwrap_or_else(|| t.object.clone())
            }
        }
    }

    /// The class payload of a class object.
    #[inline]
    pub fn class<'a>(&self, cls: &'a Obj<P>) -> &'a Class<P> {
        cls.downcast::<Class<P>>().expect("a class object")
    }

    /// Whether `sub` is `sup` or derives from it.
    pub fn is_subclass(&self, sub: &Obj<P>, sup: &Obj<P>) -> bool {
        if sub.is_same(sup) {
            return true;
        }
        match sub.downcast::<Class<P>>() {
            Some(c) => c.mro.iter().any(|b| b.is_same(sup)),
            None => false,
        }
    }

    /// Applies `test` to `spec`, or to each item of `spec` (recursively)
    /// when it is a tuple, until one passes: the "class or tuple of
    /// classes" argument of `isinstance`, `issubclass` and `except`.
    pub fn any_class(
        &self,
        spec: &Obj<P>,
        test: &dyn Fn(&Obj<P>) -> PyResult<bool, P>,
    ) -> PyResult<bool, P> {
        match spec.as_tuple() {
            Some(items) => {
                for item in items {
                    if self.any_class(item, test)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            None => test(spec),
        }
    }

    /// `isinstance(obj, cls)` for one class.
    pub fn isinstance(&self, obj: &Obj<P>, cls: &Obj<P>) -> bool {
        let t = self.type_of(obj);
        self.is_subclass(&t, cls)
    }

    /// The name of `obj`'s type.
    pub fn type_name(&self, obj: &Obj<P>) -> String {
        let t = self.type_of(obj);
        self.class(&t).name.clone()
    }

    /// Looks `name` up in `cls` and its bases (no descriptors applied),
    /// through this thread's type attribute cache.
    #[inline]
    pub fn lookup_in_class(&self, cls: &Obj<P>, name: &Obj<P>) -> Option<Obj<P>> {
        let epoch = self.interp.class_epoch.current();
        self.type_cache.get_or_insert(epoch, cls, name, || {
            self.lookup_in_class_uncached(cls, name)
        })
    }

    /// Records that some class namespace changed: every type attribute
    /// cache is stale from now on.
    pub fn classes_changed(&self) {
        self.interp.class_epoch.bump();
    }

    /// [`lookup_in_class`](Self::lookup_in_class) without the cache: the
    /// class's dict, then each base's along the MRO.
    fn lookup_in_class_uncached(&self, cls: &Obj<P>, name: &Obj<P>) -> Option<Obj<P>> {
        let c = self.class(cls);
        let hash = name.str_hash().expect("attribute names are strs");
        if let Some(v) = c.dict.as_dict().expect("class dict").get_hashed(hash, name) {
            return Some(v);
        }
        for base in &c.mro {
            let bd = self.class(base).dict.as_dict().expect("class dict");
            if let Some(v) = bd.get_hashed(hash, name) {
                return Some(v);
            }
        }
        None
    }

    /// Looks `name` up on the type of `obj`.
    pub fn lookup_type_attr(&self, obj: &Obj<P>, name: &Obj<P>) -> Option<Obj<P>> {
        let t = self.type_of(obj);
        self.lookup_in_class(&t, name)
    }

    /// `name` looked up in `cls` when a user class provides it: a method
    /// defined in Python, or a built-in one a user class took over
    /// (`__str__ = int.__repr__`); not one of the built-in types' own
    /// methods, whose behaviour the protocols apply natively.
    pub fn user_method(&self, cls: &Obj<P>, name: &Obj<P>) -> Option<Obj<P>> {
        let v = self.lookup_in_class(cls, name)?;
        if !v.is::<Builtin<P>>() {
            return Some(v);
        }
        // A built-in: whose dict holds it? (Rare: only built-ins reach
        // here, and the walk stops at the first dict that has the name.)
        let hash = name.str_hash().expect("attribute names are strs");
        let owner = core::iter::once(cls)
            .chain(self.class(cls).mro.iter())
            .find(|k| {
                let d = self.class(k).dict.as_dict().expect("class dict");
                d.get_hashed(hash, name).is_some()
            })?;
        (!self.is_builtin_class(owner)).then_some(v)
    }

    /// Whether `cls` is one of the interpreter's own classes (a built-in
    /// type or built-in exception), not one made by a class statement or
    /// `type()`.
    pub fn is_builtin_class(&self, cls: &Obj<P>) -> bool {
        self.class(cls).builtin.is_some() || self.types().exc.iter().any(|e| e.is_same(cls))
    }

    /// A class's own `__new__` (defined in it or a user base), unwrapped
    /// from its `staticmethod`; `None` when it is `object.__new__`.
    pub fn user_new(&self, cls: &Obj<P>) -> Option<Obj<P>> {
        let new = self.lookup_in_class(cls, &self.interp.names.new)?;
        let new = match new.downcast::<StaticMethod<P>>() {
            Some(s) => s.func.clone(),
            None => new,
        };
        (!new.is::<Builtin<P>>()).then_some(new)
    }

    /// Recomputes a class's cached flags (after creation or when a class
    /// attribute changes).
    ///
    /// Two threads changing classes at once may compute flags from
    /// different states of a class's namespace; whichever stores last must
    /// have seen every change, so the flags are computed again until no
    /// class changed while they were computed (`ftl_core::Epoch`'s
    /// `store_derived`, whose loom model checks it).
    pub fn update_class_flags(&self, cls: &Obj<P>) {
        self.classes_changed();
        let flags = &self.class(cls).flags;
        self.interp
            .class_epoch
            .store_derived(flags, || self.compute_class_flags(cls));
    }

    fn compute_class_flags(&self, cls: &Obj<P>) -> u32 {
        let n = &self.interp.names;
        let c = self.class(cls);
        // Fixed when the class is made.
        let mut f =
            c.flags() & (class_flags::EXCEPTION | class_flags::NO_DICT | class_flags::HAS_SLOTS);
        let user_defined = |name: &Obj<P>| self.user_method(cls, name);
        if user_defined(&n.del).is_some() {
            f |= class_flags::HAS_DEL;
        }
        if user_defined(&n.getattr).is_some() {
            f |= class_flags::HAS_GETATTR;
        }
        if user_defined(&n.setattr).is_some() {
            f |= class_flags::HAS_SETATTR;
        }
        if user_defined(&n.delattr).is_some() {
            f |= class_flags::HAS_DELATTR;
        }
        if user_defined(&n.eq).is_some() {
            f |= class_flags::HAS_EQ;
        }
        if self.user_new(cls).is_some() {
            f |= class_flags::HAS_NEW;
        }
        match self.lookup_in_class(cls, &n.hash) {
            Some(h) if h.is_none() => f |= class_flags::HASH_NONE,
            Some(h) if !h.is::<Builtin<P>>() => f |= class_flags::HAS_HASH,
            _ => {}
        }
        f
    }

    /// The `n` fast locals of a new frame: `args` in the first slots, the
    /// rest unbound, in a vector from the pool.
    #[inline]
    pub fn take_fast(&self, n: usize, args: impl Iterator<Item = Obj<P>>) -> Vec<Option<Obj<P>>> {
        let mut fast = self.fast_pool.take(n.max(8));
        fast.reserve(n);
        fast.extend(args.map(Some));
        fast.resize_with(n, || None);
        fast
    }
}
