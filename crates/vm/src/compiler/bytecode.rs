//! The bytecode: instructions and compiled code objects.
//!
//! An instruction is an opcode byte and a 32-bit argument, 8 bytes
//! (CPython 3.11 uses 16-bit code units with `EXTENDED_ARG` prefixes; a
//! wide argument needs no prefix handling in the loop and costs little
//! memory for our programs). The eval loop dispatches with one `match`.
//!
//! The instruction set is a stack machine in the style of CPython 3.8–3.11:
//! values live on the frame's value stack, local variables in "fast" slots,
//! closed-over variables in cell objects, and exception handling uses a
//! block stack (`SetupExcept`/`SetupFinally`/`SetupWith`/`PopBlock`) as
//! CPython did up to 3.10, which keeps the compiler simple.
//!
//! # Invariants
//! * Every jump target is an instruction index within the code.
//! * The stack depth at each instruction is the same along every path that
//!   reaches it (the value stack grows as needed).

#![allow(unsafe_code)] // unsafe impl Payload for Code

use core::sync::atomic::AtomicU32;
use ftl_object::{HeapPolicy, ObjRef, Payload};

/// Defines [`Op`] and the table that decodes it, so the two cannot drift.
macro_rules! opcodes {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// Opcodes. The comment on each gives the meaning of the argument and
        /// the stack effect (`before -> after`, top of stack on the right).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[repr(u8)]
        pub enum Op {
            $($(#[$doc])* $name,)*
        }

        impl Op {
            const ALL: &'static [Op] = &[$(Op::$name,)*];
        }
    };
}

opcodes! {
/// Does nothing.
Nop,
/// `-> consts[arg]`
LoadConst,
/// `-> fast[arg]` (UnboundLocalError if unset)
LoadFast,
/// `v ->`; `fast[arg] = v`
StoreFast,
/// `fast[arg]` unset (UnboundLocalError if unset)
DeleteFast,
/// `-> cells[arg].get()` (NameError/UnboundLocalError if empty)
LoadDeref,
/// `v ->`; `cells[arg].set(v)`
StoreDeref,
/// `cells[arg]` emptied
DeleteDeref,
/// `-> cells[arg]` (the cell object itself, to build a closure)
LoadClosure,
/// `-> globals[names[arg]]` or builtins
LoadGlobal,
/// `v ->`; `globals[names[arg]] = v`
StoreGlobal,
/// `del globals[names[arg]]`
DeleteGlobal,
/// `-> locals[names[arg]]`, then globals, then builtins (class bodies)
LoadName,
/// `v ->`; `locals[names[arg]] = v`
StoreName,
/// `del locals[names[arg]]`
DeleteName,
/// Class bodies: `-> locals[names[arg & 0xffff]]` if present, else
/// `cells[arg >> 16]` (CPython's `LOAD_CLASSDEREF`).
LoadClassDeref,
/// `o -> o.names[arg]`
LoadAttr,
/// `v o ->`; `o.names[arg] = v`
StoreAttr,
/// `o ->`; `del o.names[arg]`
DeleteAttr,
/// `o -> f o` when `names[arg]` is a plain method found on the type
/// (no bound method is made), else `o -> attr NULL`.
LoadMethod,
/// `f self a1..an -> r` or `attr NULL a1..an -> r`; arg = n.
CallMethod,
/// `f a1..an -> r`; arg = n.
Call,
/// `f a1..an k1..km names -> r`; arg = n + m, `names` a tuple of the
/// m keyword names.
CallKw,
/// `f args [kwargs] -> r`; arg & 1: a kwargs dict is present.
CallEx,
/// `o k -> o[k]`
BinarySubscr,
/// `v o k ->`; `o[k] = v`
StoreSubscr,
/// `o k ->`; `del o[k]`
DeleteSubscr,
/// `lo hi -> slice` (arg 2) or `lo hi step -> slice` (arg 3)
BuildSlice,
/// `a b -> a op b`; arg = [`BinOp`](ftl_syntax::ast::BinOp) index
BinaryOp,
/// `a b -> a op= b`; arg = [`BinOp`](ftl_syntax::ast::BinOp) index
InplaceOp,
/// `a -> -a`
UnaryNeg,
/// `a -> +a`
UnaryPos,
/// `a -> not a`
UnaryNot,
/// `a -> ~a`
UnaryInvert,
/// `a b -> a op b`; arg = [`CmpOp`](ftl_syntax::ast::CmpOp) index (rich
/// comparisons only)
CompareOp,
/// `a b -> a is b` (arg 0) / `a is not b` (arg 1)
IsOp,
/// `a b -> a in b` (arg 0) / `a not in b` (arg 1)
ContainsOp,
/// `v ->`
PopTop,
/// `v -> v v`
DupTop,
/// `a b -> a b a b`
DupTopTwo,
/// `a b -> b a`
RotTwo,
/// `a b c -> c a b`
RotThree,
/// `a b c d -> d a b c`
RotFour,
/// jump to arg
Jump,
/// `v ->`; jump to arg if `v` is false
PopJumpIfFalse,
/// `v ->`; jump to arg if `v` is true
PopJumpIfTrue,
/// `v -> v` and jump if `v` is false, else `v ->`
JumpIfFalseOrPop,
/// `v -> v` and jump if `v` is true, else `v ->`
JumpIfTrueOrPop,
/// `o -> iter(o)`
GetIter,
/// `it -> it next(it)`, or `it ->` and jump to arg when exhausted
ForIter,
/// `a1..an -> (a1..an)`
BuildTuple,
/// `a1..an -> [a1..an]`
BuildList,
/// `a1..an -> {a1..an}`
BuildSet,
/// `k1 v1 .. kn vn -> {k1: v1, ..}`
BuildMap,
/// `s1..sn -> s1 + .. + sn` (strings, for f-strings)
BuildString,
/// `list .. v -> list ..`; appends `v` to the list `arg` deep
/// (below `v`, 1 = directly below)
ListAppend,
/// as `ListAppend`, for sets
SetAdd,
/// `dict .. k v -> dict ..`; the dict is `arg` deep below `k v`
MapAdd,
/// `list it -> list`; extends the list below with the iterable
ListExtend,
/// `set it -> set`
SetUpdate,
/// `dict m -> dict`; `dict.update(m)`
DictUpdate,
/// `dict m -> dict`; like `DictUpdate` but duplicate keys are an
/// error (call `**kwargs` merging)
DictMerge,
/// `list -> tuple(list)`
ListToTuple,
/// `v [spec] -> str`; arg: conversion (0 none, 1 `!s`, 2 `!r`, 3 `!a`)
/// plus 4 when a format spec is on the stack
FormatValue,
/// `seq -> vn .. v1`; arg = n (exact length)
UnpackSequence,
/// `seq -> ...`; arg = before | after << 8 (starred target)
UnpackEx,
/// `[defaults] [kwdefaults] [annotations] [closure] code qualname ->
/// function`; arg flags: 1 defaults tuple, 2 kwdefaults dict,
/// 4 annotations dict, 8 closure tuple
MakeFunction,
/// `-> builtins.__build_class__` (a class statement is a call of it)
LoadBuildClass,
/// makes `__annotations__` a new dict in the module or class namespace
/// unless it is there (a body with annotated names starts with it)
SetupAnnotations,
/// `v -> (return v)`
ReturnValue,
/// `v -> (yield v) None`
YieldValue,
/// `it -> (yield next(it)) ...` repeated; `it -> result` at the end
YieldFrom,
/// `-> exc` at the handler; pushes a block; arg = handler target
SetupExcept,
/// as `SetupExcept`, for `finally` handlers
SetupFinally,
/// `mgr -> exit result` and a block; arg = handler target
SetupWith,
/// pops the innermost block
PopBlock,
/// `exc ->`; leaves an except handler: pops its block and the
/// exception, restoring the previously handled exception
PopExcept,
/// `exit exc -> exit exc suppress`: calls `exit(type, exc, tb)`
WithExceptStart,
/// `exit ->`: calls `exit(None, None, None)` (normal `with` exit)
WithExit,
/// `exc cls -> exc matches`; checks an except clause
CheckExcMatch,
/// `exc ->`; re-raises `exc` with its traceback
Reraise,
/// arg 0: re-raise the handled exception; 1: `exc ->` raise;
/// 2: `exc cause ->` raise from
Raise,
/// `-> module` (`import names[arg]`, the top-level package for a dotted
/// name is bound by the compiler's choice of arg)
ImportName,
/// `module -> module module.names[arg]` (ImportError if missing)
ImportFrom,
/// `module ->`; `from module import *`: binds the module's `__all__` (or
/// its names not starting with `_`) in the module namespace
ImportStar,
/// `-> AssertionError`
LoadAssertionError,}

/// One instruction: an opcode and its argument, 8 bytes. Kept decoded so
/// the loop's dispatch is a single `match` on the opcode byte.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Instr {
    /// The opcode.
    pub op: Op,
    /// The argument (0 when the opcode takes none).
    pub arg: u32,
}

impl Instr {
    /// An instruction.
    #[inline]
    pub fn new(op: Op, arg: u32) -> Instr {
        Instr { op, arg }
    }
}

impl core::fmt::Debug for Instr {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{:?}({})", self.op, self.arg)
    }
}

impl Op {
    /// Every opcode, in numbering order (for tests and disassembly).
    pub fn all() -> &'static [Op] {
        Self::ALL
    }
}

/// Code flags.
pub mod flags {
    /// Takes `*args`.
    pub const VARARGS: u32 = 1;
    /// Takes `**kwargs`.
    pub const VARKEYWORDS: u32 = 2;
    /// A generator function.
    pub const GENERATOR: u32 = 4;
    /// A class body (names go to a namespace dict).
    pub const CLASS_BODY: u32 = 8;
    /// Module-level code.
    pub const MODULE: u32 = 16;
    /// The body starts with a docstring: `consts[0]` is it (what a
    /// function's `__doc__` starts as).
    pub const DOCSTRING: u32 = 32;
}

/// A compiled code object (CPython's `PyCodeObject`): immutable once built.
pub struct Code<P: HeapPolicy> {
    /// The instructions.
    pub instrs: Vec<Instr>,
    /// The source line of each instruction.
    pub lines: Vec<u32>,
    /// Constants.
    pub consts: Vec<ObjRef<P>>,
    /// Global, attribute and import names (interned strings).
    pub names: Vec<ObjRef<P>>,
    /// Local variable names (parameters first), as interned strings.
    pub varnames: Vec<ObjRef<P>>,
    /// Names of the cells this code creates (locals captured by inner
    /// functions).
    pub cellvars: Vec<ObjRef<P>>,
    /// Names of the cells this code receives in its closure.
    pub freevars: Vec<ObjRef<P>>,
    /// For each cellvar, the parameter slot it is initialised from, if it is
    /// a parameter.
    pub cell_params: Vec<Option<u32>>,
    /// Positional parameters (including positional-only).
    pub argcount: u32,
    /// Positional-only parameters.
    pub posonlyargcount: u32,
    /// Keyword-only parameters.
    pub kwonlyargcount: u32,
    /// [`flags`].
    pub flags: u32,
    /// The function (or `<module>`, `<listcomp>`, ...) name.
    pub name: String,
    /// The qualified name.
    pub qualname: String,
    /// The source file.
    pub filename: ObjRef<P>,
    /// The line of the `def`.
    pub firstlineno: u32,
    /// One inline-cache word per instruction (CPython 3.11 keeps inline
    /// caches after the instructions that specialise): for the
    /// instructions that read or write a namespace dict (`LoadAttr`,
    /// `StoreAttr`, `LoadGlobal`, ...), the entry position where the name
    /// was found last time. Only a guess, checked by key identity before
    /// use (`Dict::get_at`), so threads may share and race on it freely.
    pub hints: Box<[AtomicU32]>,
}

/// A [`Code::hints`] word that points nowhere.
pub const NO_HINT: u32 = u32::MAX;

impl<P: HeapPolicy> Code<P> {
    /// The line of instruction `pc`.
    pub fn line_of(&self, pc: usize) -> u32 {
        self.lines.get(pc).copied().unwrap_or(self.firstlineno)
    }
    /// Number of fast-local slots.
    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }
    /// Number of cells (cellvars then freevars).
    pub fn ncells(&self) -> usize {
        self.cellvars.len() + self.freevars.len()
    }
    /// Whether calling this code makes a generator.
    pub fn is_generator(&self) -> bool {
        self.flags & flags::GENERATOR != 0
    }
}

// SAFETY: immutable after construction; it holds only `ObjRef`s and plain
// data, which are `Send + Sync` whenever the heap is shared.
unsafe impl<P: HeapPolicy> Payload<P> for Code<P> {
    const NAME: &'static str = "code";
    const GC: bool = true;

    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef<P>)) {
        self.consts.iter().for_each(&mut *visit);
    }
}
