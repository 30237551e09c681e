//! The VM's side of the object model.
//!
//! * [`types`]: the payload types `ftl-object` leaves to the interpreter
//!   (functions, cells, classes, instances and exceptions, bound methods,
//!   built-in functions, modules, descriptors, `super`, generators,
//!   `range`, `slice`, iterators, dict views), re-exported here.
//! * [`protocols`]: the object protocols — arithmetic, comparison, truth,
//!   hashing, items, iteration, `repr`/`str`/`format` — after CPython's
//!   `Objects/abstract.c` and `Objects/object.c`.
//! * [`text_formatting`]: `%`-formatting and `str.format` on objects, over
//!   the pure parsers and renderers of `ftl_algorithms::format`.

pub mod protocols;
pub mod text_formatting;
pub mod types;

pub use types::*;

// Every payload type of the VM is `Send + Sync` on a shared heap, so the
// free-threaded runtimes may hand objects to other threads as they are
// (see `threads::model`).
ftl_object::assert_shareable!(P =>
    Function<P>, Cell<P>, Class<P>, Traceback<P>, Instance<P>, BoundMethod<P>,
    Builtin<P>, Module<P>, StaticMethod<P>, ClassMethod<P>, Property<P>, Member<P>, Super<P>,
    Generator<P>, Range, Slice<P>, RangeIter<P>, SeqIter<P>, DictIter<P>,
    DictView<P>, Lazy<P>, Singleton, Stream,
    crate::stdlib::thread::Lock, crate::stdlib::thread::RLock,
    crate::stdlib::multiprocessing::SemLock, crate::stdlib::multiprocessing::SharedBuffer,
    crate::stdlib::weakref::WeakRef<P>,
    crate::compiler::bytecode::Code<P>,
);
