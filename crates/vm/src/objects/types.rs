//! The VM's object types: what the object model leaves to the interpreter.
//!
//! Functions, closure cells, classes and instances (exceptions are
//! instances with extra state), bound methods, built-in functions, modules,
//! descriptors (`staticmethod`, `classmethod`, `property`), `super`,
//! generators, `range`, `slice`, iterators and dict views.
//!
//! Every type implements `ftl_object::Payload` for every heap policy. That
//! trait is `unsafe` because objects of a free-threaded heap are shared
//! between threads: so every piece of mutable state here lives behind the
//! heap's object lock ([`ObjCell`], [`Exclusive`]) or in an atomic, never in
//! a plain `Cell`. Under the GIL heap those compile to plain loads and
//! stores.
//!
//! # Invariants
//! * A `Class`'s `mro` lists its bases from the nearest to `object`, *not*
//!   itself (a class cannot own a reference to itself without a cycle);
//!   lookups walk the class's own dict first.
//! * An `Instance` of a class derived from `BaseException` has `exc` set.
//! * Generators own their suspended frame; while the generator runs, the
//!   frame is taken out of the slot (so a re-entrant `next()` sees
//!   "generator already executing").

#![allow(unsafe_code)] // unsafe impl Payload for each VM type

use core::sync::atomic::{AtomicBool, AtomicU32, Ordering};

use ftl_object::{Exclusive, HeapPolicy, IntValue, ObjCell, ObjRef, Payload, WeakList};

use crate::interpreter::frame::Frame;
use crate::interpreter::state::BuiltinFn;

/// Shorthand for an object reference.
pub type Obj<P> = ObjRef<P>;

/// A Python function (CPython's `PyFunctionObject`).
pub struct Function<P: HeapPolicy> {
    /// The code object.
    pub code: Obj<P>,
    /// The module globals the function runs with.
    pub globals: Obj<P>,
    /// Default values of the last positional parameters.
    pub defaults: Vec<Obj<P>>,
    /// Default values of keyword-only parameters (a dict), if any.
    pub kwdefaults: Option<Obj<P>>,
    /// The closure cells, in the order of the code's free variables.
    pub closure: Vec<Obj<P>>,
    /// `__name__` (a str; writable, as `functools.wraps` needs).
    pub name: ObjCell<P>,
    /// `__qualname__` (a str; writable).
    pub qualname: ObjCell<P>,
    /// `__doc__`: the docstring at first; writable.
    pub doc: ObjCell<P>,
    /// `__module__`: the globals' `__name__` at creation; writable.
    pub module: ObjCell<P>,
    /// `__annotations__` (a dict), made empty on first read when the
    /// definition had none.
    pub annotations: ObjCell<P>,
    /// `__dict__`, made on first attribute store.
    pub dict: ObjCell<P>,
    /// The weak references to this function (`weakref`).
    pub weakrefs: WeakList<P>,
}

impl<P: HeapPolicy> Function<P> {
    /// `__qualname__` now.
    pub fn qualname(&self) -> Obj<P> {
        self.qualname.get().unwrap_or_else(ObjRef::none)
    }

    /// `__name__` now.
    pub fn name(&self) -> Obj<P> {
        self.name.get().unwrap_or_else(ObjRef::none)
    }

    /// `__qualname__` as text, read when displayed (error messages name
    /// the function without touching its cell on the success path).
    pub fn display_qualname(&self) -> impl core::fmt::Display + '_ {
        struct Qual<'f, P: HeapPolicy>(&'f Function<P>);
        impl<P: HeapPolicy> core::fmt::Display for Qual<'_, P> {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.0.qualname().as_str().unwrap_or("?"))
            }
        }
        Qual(self)
    }
}

// SAFETY: immutable fields are `ObjRef`s; the mutable ones are `ObjCell`s
// (behind the object lock).
unsafe impl<P: HeapPolicy> Payload<P> for Function<P> {
    const NAME: &'static str = "function";
    const GC: bool = true;
    const FINALIZE: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Obj<P>)) {
        visit(&self.code);
        visit(&self.globals);
        self.defaults.iter().for_each(&mut *visit);
        self.closure.iter().for_each(&mut *visit);
        if let Some(k) = &self.kwdefaults {
            visit(k);
        }
        self.name.traverse(visit);
        self.qualname.traverse(visit);
        self.doc.traverse(visit);
        self.module.traverse(visit);
        self.annotations.traverse(visit);
        self.dict.traverse(visit);
        self.weakrefs.traverse(visit);
    }
    fn weak_list(&self) -> Option<&WeakList<P>> {
        Some(&self.weakrefs)
    }
}

/// A closure cell.
pub struct Cell<P: HeapPolicy> {
    /// The variable's value; empty when unbound.
    pub value: ObjCell<P>,
}

impl<P: HeapPolicy> Default for Cell<P> {
    fn default() -> Self {
        Cell {
            value: ObjCell::default(),
        }
    }
}

// SAFETY: the value is behind the object lock.
unsafe impl<P: HeapPolicy> Payload<P> for Cell<P> {
    const NAME: &'static str = "cell";
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Obj<P>)) {
        self.value.traverse(visit)
    }
    fn clear(&self) {
        self.value.set(None)
    }
}

/// Cached facts about a class's special methods, recomputed when a class
/// attribute is set (bit flags).
pub mod class_flags {
    /// Defines or inherits `__del__`.
    pub const HAS_DEL: u32 = 1;
    /// Defines or inherits `__getattr__`.
    pub const HAS_GETATTR: u32 = 2;
    /// Defines or inherits `__eq__` (other than `object`'s).
    pub const HAS_EQ: u32 = 4;
    /// Defines or inherits `__hash__`.
    pub const HAS_HASH: u32 = 8;
    /// `__hash__` is set to `None` (unhashable).
    pub const HASH_NONE: u32 = 16;
    /// A subclass of `BaseException`.
    pub const EXCEPTION: u32 = 32;
    /// Defines or inherits a `__setattr__` of its own (not `object`'s).
    pub const HAS_SETATTR: u32 = 64;
    /// Defines or inherits a `__delattr__` of its own (not `object`'s).
    pub const HAS_DELATTR: u32 = 128;
    /// Defines or inherits a `__new__` of its own (not `object`'s).
    pub const HAS_NEW: u32 = 256;
    /// Instances have no `__dict__` (every class of the MRO but `object`
    /// and the built-in base declares `__slots__` without `"__dict__"`).
    pub const NO_DICT: u32 = 512;
    /// The class or a base declares `__slots__` names: instances carry
    /// [`Instance::slots`].
    pub const HAS_SLOTS: u32 = 1024;
}

/// The built-in type a class stands for, when it is one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuiltinType {
    /// `object`
    Object,
    /// `type`
    Type,
    /// `NoneType`
    NoneType,
    /// `bool`
    Bool,
    /// `int`
    Int,
    /// `float`
    Float,
    /// `str`
    Str,
    /// `bytes`
    Bytes,
    /// `tuple`
    Tuple,
    /// `list`
    List,
    /// `dict`
    Dict,
    /// `set`
    Set,
    /// `frozenset`
    FrozenSet,
    /// `bytearray`
    ByteArray,
    /// `property`
    Property,
    /// `classmethod`
    ClassMethod,
    /// `staticmethod`
    StaticMethod,
    /// Any other built-in type (functions, iterators, ...): instances are
    /// made by the VM, not by calling the class.
    Other,
}

/// A class: built-in or user-defined.
pub struct Class<P: HeapPolicy> {
    /// `__name__`
    pub name: String,
    /// `__qualname__`
    pub qualname: String,
    /// `__base__`: the base whose instance layout this class extends
    /// (CPython's "best base"; `None` only for `object`).
    pub base: Option<Obj<P>>,
    /// `__bases__`, in the order the class statement named them.
    pub bases: Vec<Obj<P>>,
    /// The method resolution order after the class itself: the C3
    /// linearisation of the bases, ending with `object`.
    pub mro: Vec<Obj<P>>,
    /// The metaclass, when it is not `type` (`type(cls)`).
    pub meta: Option<Obj<P>>,
    /// For a subclass of a built-in type (`class L(list)`): the built-in
    /// type whose value each instance carries ([`Instance::native`]);
    /// `Type` for a metaclass, whose instances are classes.
    pub native: Option<BuiltinType>,
    /// The class namespace (a dict).
    pub dict: Obj<P>,
    /// What built-in type this class is, if any.
    pub builtin: Option<BuiltinType>,
    /// The constructor of a built-in class (`int(x)`, `list(it)`).
    pub ctor: Option<BuiltinFn<P>>,
    /// [`class_flags`].
    pub flags: AtomicU32,
    /// The weak references to this class (`weakref`).
    pub weakrefs: WeakList<P>,
}

impl<P: HeapPolicy> Class<P> {
    /// The cached flags.
    #[inline]
    pub fn flags(&self) -> u32 {
        self.flags.load(Ordering::Relaxed)
    }
    /// Whether the class is `BaseException` or derives from it.
    #[inline]
    pub fn is_exception(&self) -> bool {
        self.flags() & class_flags::EXCEPTION != 0
    }
}

// SAFETY: mutable state is the dict (its own object lock) and an atomic.
unsafe impl<P: HeapPolicy> Payload<P> for Class<P> {
    const NAME: &'static str = "type";
    const GC: bool = true;
    const FINALIZE: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Obj<P>)) {
        visit(&self.dict);
        // The base is held twice (here and as `mro[0]`): both references
        // are reported, or the base would look referenced from outside and
        // a module whose classes subclass each other would never be
        // collected.
        if let Some(base) = &self.base {
            visit(base);
        }
        self.bases.iter().for_each(&mut *visit);
        self.mro.iter().for_each(&mut *visit);
        if let Some(meta) = &self.meta {
            visit(meta);
        }
        self.weakrefs.traverse(visit);
    }
    fn weak_list(&self) -> Option<&WeakList<P>> {
        Some(&self.weakrefs)
    }
}

/// One traceback entry: a code object and the line executing in it.
pub struct TbEntry<P: HeapPolicy> {
    /// The code object (for its file and name).
    pub code: Obj<P>,
    /// The line.
    pub line: u32,
}

impl<P: HeapPolicy> Clone for TbEntry<P> {
    fn clone(&self) -> Self {
        TbEntry {
            code: self.code.clone(),
            line: self.line,
        }
    }
}

/// A traceback object (`exc.__traceback__`, the third argument of
/// `__exit__`): a view of entry `index` of an exception's traceback, as it
/// was when the object was made. CPython links `tb_next` objects; ftl makes
/// the next view on demand, so `tb.tb_next is tb.tb_next` is false here.
/// There are no frame objects, so `tb_frame` does not exist.
pub struct Traceback<P: HeapPolicy> {
    /// The exception's traceback, outermost frame first.
    pub entries: Vec<TbEntry<P>>,
    /// The entry this object stands for.
    pub index: usize,
}

// SAFETY: immutable after construction.
unsafe impl<P: HeapPolicy> Payload<P> for Traceback<P> {
    const NAME: &'static str = "traceback";
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Obj<P>)) {
        self.entries.iter().for_each(|e| visit(&e.code));
    }
}

/// The extra state of an exception instance (CPython's
/// `PyBaseExceptionObject` fields).
pub struct ExcData<P: HeapPolicy> {
    /// `args` (a tuple).
    pub args: ObjCell<P>,
    /// The traceback, innermost frame first (each frame the exception
    /// unwinds through appends its entry).
    pub traceback: Exclusive<P::Lock, Vec<TbEntry<P>>>,
    /// `__cause__`
    pub cause: ObjCell<P>,
    /// `__context__`
    pub context: ObjCell<P>,
    /// `__suppress_context__`
    pub suppress_context: AtomicBool,
}

/// An instance of a user-defined class (or of an exception class).
pub struct Instance<P: HeapPolicy> {
    /// The class.
    pub class: Obj<P>,
    /// `__dict__`
    pub dict: Obj<P>,
    /// For an instance of a subclass of a built-in type (`class L(list)`):
    /// the built-in value it is (a list, a dict, an int...), set when the
    /// instance is made and never replaced. The built-in type's methods
    /// and the protocols it has no user override for act on this value.
    pub native: Option<Obj<P>>,
    /// The values of its class's `__slots__` ([`Member`]s), by slot name:
    /// a dict apart from `__dict__`, made with the instance when its class
    /// has slots ([`class_flags::HAS_SLOTS`]).
    pub slots: Option<Obj<P>>,
    /// Exception state, for exception instances.
    pub exc: Option<Box<ExcData<P>>>,
    /// The weak references to this instance (`weakref`).
    pub weakrefs: WeakList<P>,
    finalized: AtomicBool,
    /// `needs_finalize` found `__del__` due: `finalize` runs it.
    del_pending: AtomicBool,
}

impl<P: HeapPolicy> Instance<P> {
    /// A new instance of `class` with an empty `__dict__`.
    pub fn new(class: Obj<P>, is_exception: bool) -> Self {
        Self::with_native(class, is_exception, None)
    }

    /// A new instance of a subclass of a built-in type, carrying `native`.
    pub fn with_native(class: Obj<P>, is_exception: bool, native: Option<Obj<P>>) -> Self {
        let has_slots = class
            .downcast::<Class<P>>()
            .is_some_and(|c| c.flags() & class_flags::HAS_SLOTS != 0);
        Instance {
            class,
            dict: ObjRef::new_dict(),
            native,
            slots: has_slots.then(ObjRef::new_dict),
            exc: is_exception.then(|| {
                Box::new(ExcData {
                    args: ObjCell::new(Some(ObjRef::new_tuple(Vec::new()))),
                    traceback: Exclusive::new(Vec::new()),
                    cause: ObjCell::default(),
                    context: ObjCell::default(),
                    suppress_context: AtomicBool::new(false),
                })
            }),
            weakrefs: Default::default(),
            finalized: AtomicBool::new(false),
            del_pending: AtomicBool::new(false),
        }
    }

    fn class(&self) -> &Class<P> {
        self.class
            .downcast::<Class<P>>()
            .expect("instance of a class")
    }

    /// Whether its `__del__` has run (`gc.is_finalized`).
    pub fn is_finalized(&self) -> bool {
        self.finalized.load(Ordering::Relaxed)
    }
}

// SAFETY: mutable state lives in the dict, `ObjCell`/`Exclusive` slots and
// atomics.
unsafe impl<P: HeapPolicy> Payload<P> for Instance<P> {
    const NAME: &'static str = "object";
    const GC: bool = true;
    const FINALIZE: bool = true;

    fn traverse(&self, visit: &mut dyn FnMut(&Obj<P>)) {
        visit(&self.class);
        visit(&self.dict);
        if let Some(n) = &self.native {
            visit(n);
        }
        if let Some(s) = &self.slots {
            visit(s);
        }
        self.weakrefs.traverse(visit);
        if let Some(e) = &self.exc {
            e.args.traverse(visit);
            e.cause.traverse(visit);
            e.context.traverse(visit);
        }
    }

    fn clear(&self) {
        if let Some(d) = self.dict.as_dict() {
            d.clear();
        }
        if let Some(d) = self.slots.as_ref().and_then(|s| s.as_dict()) {
            d.clear();
        }
    }

    fn needs_finalize(&self) -> bool {
        let del = self.class().flags() & class_flags::HAS_DEL != 0
            && !self.finalized.swap(true, Ordering::Relaxed);
        if del {
            self.del_pending.store(true, Ordering::Relaxed);
        }
        del || !self.weakrefs.is_empty()
    }

    /// `__del__` (once in the object's life, PEP 442), then, if it did not
    /// resurrect the object, the weakrefs are cleared and their callbacks
    /// run (CPython's `subtype_dealloc` order). Under the collector the
    /// weakrefs were cleared already (`handle_weakrefs`).
    fn finalize(this: &Obj<P>) {
        let inst = this.downcast::<Instance<P>>().expect("an instance");
        if inst.del_pending.swap(false, Ordering::Relaxed) {
            crate::interpreter::finalize::run(this);
        }
        inst.weakrefs.referent_dying(this);
    }

    fn weak_list(&self) -> Option<&WeakList<P>> {
        Some(&self.weakrefs)
    }
}

/// A function bound to an instance (`obj.method`).
pub struct BoundMethod<P: HeapPolicy> {
    /// The function (or any callable).
    pub func: Obj<P>,
    /// The instance (or class, for class methods).
    pub this: Obj<P>,
    /// The weak references to this method object (`weakref.WeakMethod`
    /// holds one).
    pub weakrefs: WeakList<P>,
}

// SAFETY: immutable but for the weak list (behind the object lock).
unsafe impl<P: HeapPolicy> Payload<P> for BoundMethod<P> {
    const NAME: &'static str = "method";
    const GC: bool = true;
    const FINALIZE: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Obj<P>)) {
        visit(&self.func);
        visit(&self.this);
        self.weakrefs.traverse(visit);
    }
    fn weak_list(&self) -> Option<&WeakList<P>> {
        Some(&self.weakrefs)
    }
}

/// A function implemented in Rust.
pub struct Builtin<P: HeapPolicy> {
    /// Its name.
    pub name: &'static str,
    /// The implementation. For a method, the receiver is the first
    /// argument.
    pub func: BuiltinFn<P>,
    /// The receiver of a bound built-in method (`[].append`).
    pub this: Option<Obj<P>>,
    /// The class a method belongs to (for its repr), if it is one.
    pub owner: Option<&'static str>,
    /// The weak references to this function.
    pub weakrefs: WeakList<P>,
}

// SAFETY: immutable but for the weak list (behind the object lock).
unsafe impl<P: HeapPolicy> Payload<P> for Builtin<P> {
    const NAME: &'static str = "builtin_function_or_method";
    const GC: bool = true;
    const FINALIZE: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Obj<P>)) {
        if let Some(t) = &self.this {
            visit(t)
        }
        self.weakrefs.traverse(visit);
    }
    fn weak_list(&self) -> Option<&WeakList<P>> {
        Some(&self.weakrefs)
    }
}

/// A module.
pub struct Module<P: HeapPolicy> {
    /// `__name__`
    pub name: String,
    /// The module namespace.
    pub dict: Obj<P>,
    /// The weak references to this module.
    pub weakrefs: WeakList<P>,
}

// SAFETY: the dict has its own lock, the weak list the object lock.
unsafe impl<P: HeapPolicy> Payload<P> for Module<P> {
    const NAME: &'static str = "module";
    const GC: bool = true;
    const FINALIZE: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Obj<P>)) {
        visit(&self.dict);
        self.weakrefs.traverse(visit);
    }
    fn weak_list(&self) -> Option<&WeakList<P>> {
        Some(&self.weakrefs)
    }
}

/// `staticmethod(f)`
pub struct StaticMethod<P: HeapPolicy> {
    /// The wrapped callable.
    pub func: Obj<P>,
}

// SAFETY: immutable.
unsafe impl<P: HeapPolicy> Payload<P> for StaticMethod<P> {
    const NAME: &'static str = "staticmethod";
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Obj<P>)) {
        visit(&self.func)
    }
}

/// `classmethod(f)`
pub struct ClassMethod<P: HeapPolicy> {
    /// The wrapped callable.
    pub func: Obj<P>,
}

// SAFETY: immutable.
unsafe impl<P: HeapPolicy> Payload<P> for ClassMethod<P> {
    const NAME: &'static str = "classmethod";
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Obj<P>)) {
        visit(&self.func)
    }
}

/// `property(fget, fset, fdel)`
pub struct Property<P: HeapPolicy> {
    /// Getter.
    pub fget: Option<Obj<P>>,
    /// Setter.
    pub fset: Option<Obj<P>>,
    /// Deleter.
    pub fdel: Option<Obj<P>>,
}

// SAFETY: immutable.
unsafe impl<P: HeapPolicy> Payload<P> for Property<P> {
    const NAME: &'static str = "property";
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Obj<P>)) {
        for f in [&self.fget, &self.fset, &self.fdel].into_iter().flatten() {
            visit(f)
        }
    }
}

/// A `__slots__` entry of a class (CPython's `member_descriptor`): a data
/// descriptor whose value lives with the instance, in its
/// [`Instance::slots`] (not its `__dict__`). A class whose instances have
/// no `__dict__` ([`class_flags::NO_DICT`]) refuses other attributes.
pub struct Member<P: HeapPolicy> {
    /// The slot's name (interned).
    pub name: Obj<P>,
    /// The `__qualname__`-less name of the class that declared it.
    pub owner: String,
}

// SAFETY: immutable.
unsafe impl<P: HeapPolicy> Payload<P> for Member<P> {
    const NAME: &'static str = "member_descriptor";
    const GC: bool = false;
    fn traverse(&self, _visit: &mut dyn FnMut(&Obj<P>)) {}
}

/// `super(class, obj)`
pub struct Super<P: HeapPolicy> {
    /// Look-ups start after this class in `obj`'s class's MRO.
    pub class: Obj<P>,
    /// The instance (or class).
    pub obj: Obj<P>,
}

// SAFETY: immutable.
unsafe impl<P: HeapPolicy> Payload<P> for Super<P> {
    const NAME: &'static str = "super";
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Obj<P>)) {
        visit(&self.class);
        visit(&self.obj);
    }
}

/// A generator: a suspended frame.
pub struct Generator<P: HeapPolicy> {
    /// The frame while suspended; `None` while running or once finished.
    pub frame: Exclusive<P::Lock, Option<Box<Frame<P>>>>,
    /// Set once the generator returned or raised.
    pub finished: AtomicBool,
    /// `__name__`
    pub name: Obj<P>,
    /// `__qualname__`
    pub qualname: Obj<P>,
    /// The weak references to this generator.
    pub weakrefs: WeakList<P>,
}

// SAFETY: the frame is behind the object lock and moved out whole; the
// weak list is behind the object lock.
unsafe impl<P: HeapPolicy> Payload<P> for Generator<P> {
    const NAME: &'static str = "generator";
    const GC: bool = true;
    const FINALIZE: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Obj<P>)) {
        self.weakrefs.traverse(visit);
    }
    fn weak_list(&self) -> Option<&WeakList<P>> {
        Some(&self.weakrefs)
    }
}

/// `range(start, stop, step)` (machine-word bounds).
pub struct Range {
    /// First value.
    pub start: i64,
    /// End (exclusive).
    pub stop: i64,
    /// Step (never zero).
    pub step: i64,
}

impl Range {
    /// Number of values.
    pub fn len(&self) -> i64 {
        let (lo, hi, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 && lo < hi {
            (hi - lo - 1) / step + 1
        } else if step < 0 && lo > hi {
            (lo - hi - 1) / (-step) + 1
        } else {
            0
        };
        n.min(i64::MAX as i128) as i64
    }
    /// Whether the range is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Value `i` (0-based, in range).
    pub fn get(&self, i: i64) -> i64 {
        self.start + i * self.step
    }
}

// SAFETY: immutable plain data.
unsafe impl<P: HeapPolicy> Payload<P> for Range {
    const NAME: &'static str = "range";
}

/// `slice(start, stop, step)`
pub struct Slice<P: HeapPolicy> {
    /// Start (`None` object when omitted).
    pub start: Obj<P>,
    /// Stop.
    pub stop: Obj<P>,
    /// Step.
    pub step: Obj<P>,
}

// SAFETY: immutable.
unsafe impl<P: HeapPolicy> Payload<P> for Slice<P> {
    const NAME: &'static str = "slice";
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Obj<P>)) {
        visit(&self.start);
        visit(&self.stop);
        visit(&self.step);
    }
}

/// The iterator over a `range`.
pub struct RangeIter<P: HeapPolicy> {
    /// The next value to yield and how many values are left, changed
    /// together in one critical section (threads sharing the iterator each
    /// get a different value).
    pub state: Exclusive<P::Lock, (i64, i64)>,
    /// The step.
    pub step: i64,
}

impl<P: HeapPolicy> RangeIter<P> {
    /// An iterator yielding `len` values from `start` by `step`.
    pub fn new(start: i64, len: i64, step: i64) -> Self {
        RangeIter {
            state: Exclusive::new((start, len)),
            step,
        }
    }

    /// The next value, or `None` when the range is exhausted.
    #[inline]
    pub fn step(&self) -> Option<i64> {
        let step = self.step;
        self.state.update(|(next, left)| {
            if *left <= 0 {
                return None;
            }
            let v = *next;
            *left -= 1;
            *next = v.wrapping_add(step);
            Some(v)
        })
    }
}

// SAFETY: mutable state behind the object lock.
unsafe impl<P: HeapPolicy> Payload<P> for RangeIter<P> {
    const NAME: &'static str = "range_iterator";
}

/// What a [`SeqIter`] walks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeqKind {
    /// A list, by index (sees appends, like CPython's).
    List,
    /// A tuple.
    Tuple,
    /// A str, by byte offset (yields one-character strings).
    Str,
    /// A bytes object (yields ints).
    Bytes,
    /// A bytearray, by index (sees changes, like CPython's; yields ints).
    ByteArray,
    /// A list, tuple, str or range backwards (`reversed`), by index.
    Reversed,
    /// Any object with `__getitem__` and no `__iter__`: `seq[0]`,
    /// `seq[1]`, ... until `IndexError` or `StopIteration` (the old
    /// sequence protocol, CPython's `iterator` type).
    GetItem,
}

/// An iterator over a built-in sequence.
pub struct SeqIter<P: HeapPolicy> {
    /// The sequence.
    pub seq: Obj<P>,
    /// How to walk it.
    pub kind: SeqKind,
    /// Position: index, byte offset, or (for `Reversed`) items left.
    pub pos: Exclusive<P::Lock, usize>,
}

// SAFETY: mutable state behind the object lock.
unsafe impl<P: HeapPolicy> Payload<P> for SeqIter<P> {
    const NAME: &'static str = "iterator";
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Obj<P>)) {
        visit(&self.seq)
    }
}

/// What a dict iterator or view yields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DictPart {
    /// Keys.
    Keys,
    /// Values.
    Values,
    /// `(key, value)` tuples.
    Items,
}

/// An iterator over a dict or a set.
pub struct DictIter<P: HeapPolicy> {
    /// The dict or set.
    pub dict: Obj<P>,
    /// What it yields.
    pub part: DictPart,
    /// Next entry position.
    pub pos: Exclusive<P::Lock, usize>,
    /// The size when iteration began (a change is a `RuntimeError`).
    pub len: usize,
}

// SAFETY: mutable state behind the object lock.
unsafe impl<P: HeapPolicy> Payload<P> for DictIter<P> {
    const NAME: &'static str = "dict_iterator";
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Obj<P>)) {
        visit(&self.dict)
    }
}

/// `d.keys()`, `d.values()`, `d.items()`
pub struct DictView<P: HeapPolicy> {
    /// The dict.
    pub dict: Obj<P>,
    /// Which view.
    pub part: DictPart,
}

// SAFETY: immutable.
unsafe impl<P: HeapPolicy> Payload<P> for DictView<P> {
    const NAME: &'static str = "dict_view";
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Obj<P>)) {
        visit(&self.dict)
    }
}

/// The lazy iterators of `enumerate`, `zip`, `map` and `filter`.
pub enum Lazy<P: HeapPolicy> {
    /// `enumerate(it, start)`
    Enumerate {
        /// The underlying iterator.
        it: Obj<P>,
        /// The next count.
        count: Exclusive<P::Lock, Option<IntValue>>,
    },
    /// `zip(*its)`
    Zip {
        /// The iterators.
        its: Vec<Obj<P>>,
    },
    /// `map(f, *its)`
    Map {
        /// The function.
        func: Obj<P>,
        /// The iterators.
        its: Vec<Obj<P>>,
    },
    /// `filter(f, it)`
    Filter {
        /// The predicate (`None` for truthiness).
        func: Option<Obj<P>>,
        /// The iterator.
        it: Obj<P>,
    },
}

// SAFETY: mutable state (the count) behind the object lock.
unsafe impl<P: HeapPolicy> Payload<P> for Lazy<P> {
    const NAME: &'static str = "iterator";
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Obj<P>)) {
        match self {
            Lazy::Enumerate { it, .. } => visit(it),
            Lazy::Zip { its } => its.iter().for_each(visit),
            Lazy::Map { func, its } => {
                visit(func);
                its.iter().for_each(visit)
            }
            Lazy::Filter { func, it } => {
                if let Some(f) = func {
                    visit(f)
                }
                visit(it)
            }
        }
    }
}

/// A singleton with only a name (`NotImplemented`, `Ellipsis`, the
/// interpreter's internal "no value" marker).
pub struct Singleton {
    /// Its repr.
    pub name: &'static str,
}

// SAFETY: immutable.
unsafe impl<P: HeapPolicy> Payload<P> for Singleton {
    const NAME: &'static str = "singleton";
}

/// `sys.stdout` / `sys.stderr`: a text stream over a file descriptor.
pub struct Stream {
    /// 1 or 2.
    pub fd: i32,
}

// SAFETY: immutable.
unsafe impl<P: HeapPolicy> Payload<P> for Stream {
    const NAME: &'static str = "TextIOWrapper";
}
