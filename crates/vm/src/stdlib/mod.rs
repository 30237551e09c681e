//! The standard library: the modules `import` finds by name, one file
//! each, all listed in one registration table, [`table`].
//!
//! A module is either *native* — a Rust function that fills its namespace
//! once per interpreter (CPython's `PyInit_` functions of `Modules/`) — or
//! *frozen* — Python source carried in the binary, from `crates/vm/lib`,
//! compiled and run at its first import like a program's own module, with
//! frames that show `<frozen NAME>` (CPython's frozen modules). Adding a
//! module is one file here (or in `lib/`) and one row in [`table`];
//! `ftl runtimes --json` publishes the table's names ([`module_names`]),
//! which is how `cargo xtask bench` knows which workloads a runtime can run.
//!
//! | module | file |
//! |---|---|
//! | `sys` | [`sys`] |
//! | `time` | [`time`] |
//! | `gc` | [`gc`] (the collector is `ftl-gc`; GIL runtimes and `single` only) |
//! | `math` | [`math`] |
//! | `os` | [`os`] (raw descriptor calls in [`syscalls`]) |
//! | `random` | [`random`] |
//! | `signal` | [`signal`] (the signal numbers; `signal.signal` handlers run by the main thread at its safe points) |
//! | `_thread` | [`thread`] |
//! | `threading` | `lib/threading.py` (frozen) |
//! | `queue` | `lib/queue.py` (frozen) |
//! | `copyreg` | `lib/copyreg.py` (frozen; `object.__reduce_ex__` calls it) |
//! | `_struct` | [`struct_format`] |
//! | `struct` | `lib/struct.py` (frozen, over `_struct`) |
//! | `_pickle` | [`pickle`] (a folder: pickler, unpickler, opcodes, Python 2 names) |
//! | `pickle` | `lib/pickle.py` (frozen, over `_pickle`) |
//! | `_codecs` | `lib/_codecs.py` (frozen; `encode`/`decode`, which old pickles name) |
//! | `builtins` | the builtins namespace itself |
//! | `runpy` | [`runpy`] (`run_path`) |
//! | `multiprocessing` and its submodules | `lib/multiprocessing/*.py` (frozen: processes on the spawn, fork and forkserver start methods, `Pipe`, queues, locks, `Pool`, `Value`/`Array` in shared memory) |
//! | `atexit` | `lib/atexit.py` (frozen; the interpreter runs its callbacks at exit) |
//! | `concurrent` | `lib/concurrent.py` (frozen; a package) |
//! | `concurrent.futures` | `lib/concurrent_futures.py` (frozen: `Future`, `wait`, `as_completed`, `ThreadPoolExecutor`, `ProcessPoolExecutor`, `InterpreterPoolExecutor`) |
//! | `concurrent.futures.process`, `.thread`, `.interpreter` | `lib/concurrent_futures_process.py`, `_thread.py`, `_interpreter.py` (frozen; the pools' names where CPython has them) |
//! | `_weakref` | [`weakref`] (GIL runtimes and `single` only) |
//! | `weakref` | `lib/weakref.py` (frozen) |
//! | `_multiprocessing` | [`multiprocessing`] (`SemLock` over POSIX named semaphores, `SharedBuffer`, `spawnv_passfds`, `poll`, `wait_fds`, `socketpair`; OS calls in [`syscalls`]) |
//! | `itertools` | `lib/itertools.py` (frozen) |
//! | `functools` | `lib/functools.py` (frozen) |
//! | `operator` | `lib/operator.py` (frozen) |
//! | `heapq` | `lib/heapq.py` (frozen) |
//! | `bisect` | `lib/bisect.py` (frozen) |
//! | `copy` | `lib/copy.py` (frozen) |
//! | `fractions` | `lib/fractions.py` (frozen) |
//! | `statistics` | `lib/statistics.py` (frozen) |
//! | `datetime` | `lib/datetime.py` (frozen) |
//! | `json`, `json.decoder`, `json.encoder` | `lib/json.py`, `lib/json_decoder.py`, `lib/json_encoder.py` (frozen; a package) |
//! | `string` | `lib/string.py` (frozen) |
//! | `textwrap` | `lib/textwrap.py` (frozen) |
//! | `io` | `lib/io.py` (frozen; StringIO, BytesIO, the base classes) |
//! | `__future__` | `lib/__future__.py` (frozen; the compiler reads the import) |
//! | `binascii` | `lib/binascii.py` (frozen) |
//! | `base64` | `lib/base64.py` (frozen) |
//! | `pprint` | `lib/pprint.py` (frozen) |
//! | `contextlib` | `lib/contextlib.py` (frozen) |
//! | `_sre` | [`re`] (compiled patterns over `ftl-regex`: matching, `findall`, `split`, `sub` with a template) |
//! | `re` | `lib/re.py` (frozen, over `_sre`) |
//! | `abc` | `lib/abc.py` (frozen) |
//! | `types` | `lib/types.py` (frozen) |
//! | `enum` | `lib/enum.py` (frozen) |
//! | `dataclasses` | `lib/dataclasses.py` (frozen) |
//! | `typing` | `lib/typing.py` (frozen) |
//! | `collections`, `collections.abc` (also `_collections_abc`) | `lib/collections.py`, `lib/collections_abc.py` (frozen; a package) |
//!
//! `import` itself is [`crate::interpreter::import`].

use ftl_object::{GilHeap, HeapPolicy, ObjRef};

use crate::interpreter::state::{BuiltinFn, PyResult, Vm};
use crate::objects::*;

pub mod gc;
pub mod math;
pub mod multiprocessing;
pub mod os;
pub mod pickle;
pub mod random;
pub mod re;
pub mod runpy;
pub mod signal;
pub mod struct_format;
pub mod sys;
pub mod syscalls;
pub mod thread;
pub mod time;
pub mod weakref;

/// How a module's namespace is made.
pub enum Body<P: HeapPolicy> {
    /// A native module: fills the namespace (which already holds
    /// `__name__`).
    Native(fn(&Vm<P>, &Namespace<'_, P>) -> PyResult<(), P>),
    /// A frozen module: its Python source.
    Frozen(&'static str),
    /// `builtins`: a module over the interpreter's builtins namespace
    /// itself, so that `builtins.len is len` and a name set on it is seen
    /// by every module.
    Builtins,
}

/// One row of the registration table.
pub struct ModuleDef<P: HeapPolicy> {
    /// The name `import` finds it by.
    pub name: &'static str,
    /// How it is made.
    pub body: Body<P>,
}

/// Every built-in module, in the order `ftl runtimes --json` lists them.
pub fn table<P: HeapPolicy>() -> &'static [ModuleDef<P>] {
    &[
        ModuleDef {
            name: "sys",
            body: Body::Native(sys::init::<P>),
        },
        ModuleDef {
            name: "time",
            body: Body::Native(time::init::<P>),
        },
        ModuleDef {
            name: "gc",
            body: Body::Native(gc::init::<P>),
        },
        ModuleDef {
            name: "math",
            body: Body::Native(math::init::<P>),
        },
        ModuleDef {
            name: "os",
            body: Body::Native(os::init::<P>),
        },
        ModuleDef {
            name: "signal",
            body: Body::Native(signal::init::<P>),
        },
        ModuleDef {
            name: "random",
            body: Body::Native(random::init::<P>),
        },
        ModuleDef {
            name: "_thread",
            body: Body::Native(thread::init::<P>),
        },
        ModuleDef {
            name: "threading",
            body: Body::Frozen(include_str!("../../lib/threading.py")),
        },
        ModuleDef {
            name: "queue",
            body: Body::Frozen(include_str!("../../lib/queue.py")),
        },
        ModuleDef {
            name: "copyreg",
            body: Body::Frozen(include_str!("../../lib/copyreg.py")),
        },
        ModuleDef {
            name: "_struct",
            body: Body::Native(struct_format::init::<P>),
        },
        ModuleDef {
            name: "struct",
            body: Body::Frozen(include_str!("../../lib/struct.py")),
        },
        ModuleDef {
            name: "_pickle",
            body: Body::Native(pickle::init::<P>),
        },
        ModuleDef {
            name: "pickle",
            body: Body::Frozen(include_str!("../../lib/pickle.py")),
        },
        ModuleDef {
            name: "_codecs",
            body: Body::Frozen(include_str!("../../lib/_codecs.py")),
        },
        ModuleDef {
            name: "builtins",
            body: Body::Builtins,
        },
        ModuleDef {
            name: "multiprocessing",
            body: Body::Frozen(include_str!("../../lib/multiprocessing/__init__.py")),
        },
        ModuleDef {
            name: "multiprocessing.util",
            body: Body::Frozen(include_str!("../../lib/multiprocessing/util.py")),
        },
        ModuleDef {
            name: "multiprocessing.process",
            body: Body::Frozen(include_str!("../../lib/multiprocessing/process.py")),
        },
        ModuleDef {
            name: "multiprocessing.context",
            body: Body::Frozen(include_str!("../../lib/multiprocessing/context.py")),
        },
        ModuleDef {
            name: "multiprocessing.reduction",
            body: Body::Frozen(include_str!("../../lib/multiprocessing/reduction.py")),
        },
        ModuleDef {
            name: "multiprocessing.connection",
            body: Body::Frozen(include_str!("../../lib/multiprocessing/connection.py")),
        },
        ModuleDef {
            name: "multiprocessing.spawn",
            body: Body::Frozen(include_str!("../../lib/multiprocessing/spawn.py")),
        },
        ModuleDef {
            name: "multiprocessing.forkserver",
            body: Body::Frozen(include_str!("../../lib/multiprocessing/forkserver.py")),
        },
        ModuleDef {
            name: "multiprocessing.popen_forkserver",
            body: Body::Frozen(include_str!(
                "../../lib/multiprocessing/popen_forkserver.py"
            )),
        },
        ModuleDef {
            name: "multiprocessing.popen_fork",
            body: Body::Frozen(include_str!("../../lib/multiprocessing/popen_fork.py")),
        },
        ModuleDef {
            name: "multiprocessing.popen_spawn_posix",
            body: Body::Frozen(include_str!(
                "../../lib/multiprocessing/popen_spawn_posix.py"
            )),
        },
        ModuleDef {
            name: "multiprocessing.synchronize",
            body: Body::Frozen(include_str!("../../lib/multiprocessing/synchronize.py")),
        },
        ModuleDef {
            name: "multiprocessing.sharedctypes",
            body: Body::Frozen(include_str!("../../lib/multiprocessing/sharedctypes.py")),
        },
        ModuleDef {
            name: "multiprocessing.queues",
            body: Body::Frozen(include_str!("../../lib/multiprocessing/queues.py")),
        },
        ModuleDef {
            name: "multiprocessing.pool",
            body: Body::Frozen(include_str!("../../lib/multiprocessing/pool.py")),
        },
        ModuleDef {
            name: "atexit",
            body: Body::Frozen(include_str!("../../lib/atexit.py")),
        },
        ModuleDef {
            name: "runpy",
            body: Body::Native(runpy::init::<P>),
        },
        ModuleDef {
            name: "concurrent",
            body: Body::Frozen(include_str!("../../lib/concurrent.py")),
        },
        ModuleDef {
            name: "concurrent.futures",
            body: Body::Frozen(include_str!("../../lib/concurrent_futures.py")),
        },
        ModuleDef {
            name: "concurrent.futures.process",
            body: Body::Frozen(include_str!("../../lib/concurrent_futures_process.py")),
        },
        ModuleDef {
            name: "concurrent.futures.interpreter",
            body: Body::Frozen(include_str!("../../lib/concurrent_futures_interpreter.py")),
        },
        ModuleDef {
            name: "concurrent.futures.thread",
            body: Body::Frozen(include_str!("../../lib/concurrent_futures_thread.py")),
        },
        ModuleDef {
            name: "_weakref",
            body: Body::Native(weakref::init::<P>),
        },
        ModuleDef {
            name: "weakref",
            body: Body::Frozen(include_str!("../../lib/weakref.py")),
        },
        ModuleDef {
            name: "_multiprocessing",
            body: Body::Native(multiprocessing::init::<P>),
        },
        ModuleDef {
            name: "itertools",
            body: Body::Frozen(include_str!("../../lib/itertools.py")),
        },
        ModuleDef {
            name: "functools",
            body: Body::Frozen(include_str!("../../lib/functools.py")),
        },
        ModuleDef {
            name: "operator",
            body: Body::Frozen(include_str!("../../lib/operator.py")),
        },
        ModuleDef {
            name: "heapq",
            body: Body::Frozen(include_str!("../../lib/heapq.py")),
        },
        ModuleDef {
            name: "bisect",
            body: Body::Frozen(include_str!("../../lib/bisect.py")),
        },
        ModuleDef {
            name: "copy",
            body: Body::Frozen(include_str!("../../lib/copy.py")),
        },
        ModuleDef {
            name: "fractions",
            body: Body::Frozen(include_str!("../../lib/fractions.py")),
        },
        ModuleDef {
            name: "statistics",
            body: Body::Frozen(include_str!("../../lib/statistics.py")),
        },
        ModuleDef {
            name: "datetime",
            body: Body::Frozen(include_str!("../../lib/datetime.py")),
        },
        ModuleDef {
            name: "json",
            body: Body::Frozen(include_str!("../../lib/json.py")),
        },
        ModuleDef {
            name: "json.decoder",
            body: Body::Frozen(include_str!("../../lib/json_decoder.py")),
        },
        ModuleDef {
            name: "json.encoder",
            body: Body::Frozen(include_str!("../../lib/json_encoder.py")),
        },
        ModuleDef {
            name: "string",
            body: Body::Frozen(include_str!("../../lib/string.py")),
        },
        ModuleDef {
            name: "textwrap",
            body: Body::Frozen(include_str!("../../lib/textwrap.py")),
        },
        ModuleDef {
            name: "io",
            body: Body::Frozen(include_str!("../../lib/io.py")),
        },
        ModuleDef {
            name: "__future__",
            body: Body::Frozen(include_str!("../../lib/__future__.py")),
        },
        ModuleDef {
            name: "binascii",
            body: Body::Frozen(include_str!("../../lib/binascii.py")),
        },
        ModuleDef {
            name: "base64",
            body: Body::Frozen(include_str!("../../lib/base64.py")),
        },
        ModuleDef {
            name: "pprint",
            body: Body::Frozen(include_str!("../../lib/pprint.py")),
        },
        ModuleDef {
            name: "contextlib",
            body: Body::Frozen(include_str!("../../lib/contextlib.py")),
        },
        ModuleDef {
            name: "_sre",
            body: Body::Native(re::init::<P>),
        },
        ModuleDef {
            name: "re",
            body: Body::Frozen(include_str!("../../lib/re.py")),
        },
        ModuleDef {
            name: "abc",
            body: Body::Frozen(include_str!("../../lib/abc.py")),
        },
        ModuleDef {
            name: "types",
            body: Body::Frozen(include_str!("../../lib/types.py")),
        },
        ModuleDef {
            name: "collections",
            body: Body::Frozen(include_str!("../../lib/collections.py")),
        },
        ModuleDef {
            name: "collections.abc",
            body: Body::Frozen(include_str!("../../lib/collections_abc.py")),
        },
        ModuleDef {
            name: "_collections_abc",
            body: Body::Frozen(include_str!("../../lib/collections_abc.py")),
        },
        ModuleDef {
            name: "enum",
            body: Body::Frozen(include_str!("../../lib/enum.py")),
        },
        ModuleDef {
            name: "dataclasses",
            body: Body::Frozen(include_str!("../../lib/dataclasses.py")),
        },
        ModuleDef {
            name: "typing",
            body: Body::Frozen(include_str!("../../lib/typing.py")),
        },
    ]
}

/// The built-in module called `name`, if there is one.
pub fn find<P: HeapPolicy>(name: &str) -> Option<&'static ModuleDef<P>> {
    table::<P>().iter().find(|m| m.name == name)
}

/// The built-in module called `name` for `vm`'s interpreter: the
/// table's, then one a crate above `ftl-vm` added
/// ([`Interp::extensions`](crate::interpreter::state::Interp::extensions)).
pub fn find_for<P: HeapPolicy>(vm: &Vm<P>, name: &str) -> Option<&'static ModuleDef<P>> {
    find::<P>(name).or_else(|| vm.interp.extensions.iter().find(|m| m.name == name))
}

impl<P: HeapPolicy> core::fmt::Debug for ModuleDef<P> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let body = match self.body {
            Body::Native(_) => "native",
            Body::Frozen(_) => "frozen",
            Body::Builtins => "builtins",
        };
        write!(f, "ModuleDef({:?}, {body})", self.name)
    }
}

/// The names of the built-in modules (the table's, which does not depend
/// on the heap policy).
pub fn module_names() -> Vec<&'static str> {
    table::<GilHeap>().iter().map(|m| m.name).collect()
}

/// A native module's namespace while its `init` fills it.
pub struct Namespace<'a, P: HeapPolicy> {
    vm: &'a Vm<P>,
    dict: Obj<P>,
}

impl<P: HeapPolicy> Namespace<'_, P> {
    /// Binds `name` to `value`.
    pub fn set(&self, name: &str, value: Obj<P>) {
        self.vm
            .dict_set_str(&self.dict, self.vm.intern(name), value);
    }

    /// Binds each name to a built-in function.
    pub fn add_functions(&self, functions: &[(&'static str, BuiltinFn<P>)]) {
        for (name, f) in functions {
            self.set(name, self.vm.builtin_fn(name, *f));
        }
    }
}

impl<P: HeapPolicy> Vm<P> {
    /// Makes the native module `name` (not yet in `sys.modules`).
    pub fn make_native_module(
        &self,
        name: &str,
        init: fn(&Vm<P>, &Namespace<'_, P>) -> PyResult<(), P>,
    ) -> PyResult<Obj<P>, P> {
        let namespace = Namespace {
            vm: self,
            dict: ObjRef::new_deferred_dict(),
        };
        namespace.set("__name__", self.intern(name));
        init(self, &namespace)?;
        Ok(ObjRef::new_deferred(Module {
            weakrefs: Default::default(),
            name: name.to_string(),
            dict: namespace.dict,
        }))
    }
}
