//! The eval loop: runs one frame's bytecode.
//!
//! After CPython's `Python/ceval.c`: a loop that fetches an instruction and
//! dispatches on its opcode with one `match`. The cost model is CPython's:
//! a value pushed on the stack is a counted reference (an incref when it is
//! copied from a local or a constant, a decref when it is popped and
//! dropped), small ints come from the cache, and nothing is unboxed.
//!
//! Safe points: the loop polls the coordination's eval breaker at backward
//! jumps and calls, as CPython's eval breaker does; blocking built-ins
//! detach through [`Vm::blocking`].
//!
//! Exceptions: an instruction that fails returns `Err` to [`Vm::run_frame`],
//! which records a traceback entry for this frame and unwinds the block
//! stack to the innermost `try`/`with` handler, or returns the error to the
//! caller. Entering a handler pushes a `Handler` block and makes the
//! exception the one being handled (`exc_info`), until `PopExcept`.
//!
//! Generators: `YieldValue` returns [`FrameExit::Yield`] with the frame left
//! resumable; the generator object keeps the frame.

use core::sync::atomic::{AtomicU32, Ordering};

use ftl_object::{HeapPolicy, Kind, ObjCell, ObjRef};

use crate::compiler::bytecode::{Code, Op, NO_HINT};
use crate::interpreter::frame::{Block, BlockKind, Frame};
use crate::interpreter::frames::Link;
use crate::interpreter::state::{ExcType, Kw, PyErr, PyResult, Vm};
use crate::objects::*;
use ftl_syntax::ast::{BinOp, CmpOp};

/// How a frame stopped.
pub enum FrameExit<P: HeapPolicy> {
    /// It returned a value.
    Return(Obj<P>),
    /// It yielded a value (generators).
    Yield(Obj<P>),
}

const BINOPS: [BinOp; 13] = [
    BinOp::Add,
    BinOp::Sub,
    BinOp::Mul,
    BinOp::Div,
    BinOp::FloorDiv,
    BinOp::Mod,
    BinOp::Pow,
    BinOp::LShift,
    BinOp::RShift,
    BinOp::BitOr,
    BinOp::BitXor,
    BinOp::BitAnd,
    BinOp::MatMul,
];

const CMPOPS: [CmpOp; 10] = [
    CmpOp::Eq,
    CmpOp::NotEq,
    CmpOp::Lt,
    CmpOp::LtE,
    CmpOp::Gt,
    CmpOp::GtE,
    CmpOp::Is,
    CmpOp::IsNot,
    CmpOp::In,
    CmpOp::NotIn,
];

/// An error from an instruction, and whether it is a re-raise (which adds
/// no traceback entry).
struct Raised<P: HeapPolicy> {
    err: PyErr<P>,
    reraise: bool,
}

impl<P: HeapPolicy> From<PyErr<P>> for Raised<P> {
    #[inline]
    fn from(err: PyErr<P>) -> Self {
        Raised {
            err,
            reraise: false,
        }
    }
}

/// A non-negative machine-word int as an index (the case the eval loop
/// specialises; anything else takes the general path).
#[inline(always)]
fn small_index<P: HeapPolicy>(key: &Obj<P>) -> Option<usize> {
    match key.as_int()? {
        ftl_object::IntValue::Small(i) if *i >= 0 => Some(*i as usize),
        _ => None,
    }
}

macro_rules! pop {
    ($frame:expr) => {
        $frame.stack.pop().expect("value stack underflow")
    };
}

macro_rules! top {
    ($frame:expr) => {
        $frame.stack.last().expect("value stack underflow")
    };
}

impl<P: HeapPolicy> Vm<P> {
    /// Runs `frame` until it returns, yields, or raises. `code_obj` is the
    /// frame's code object, borrowed from a caller that holds it.
    pub fn run_frame(
        &self,
        code_obj: &Obj<P>,
        frame: &mut Frame<P>,
        link: &Link<P>,
        pending: Option<PyErr<P>>,
    ) -> PyResult<FrameExit<P>, P> {
        let mut pending = pending;
        debug_assert!(code_obj.is_same(&frame.code), "the frame's own code");
        let code = code_obj
            .downcast::<Code<P>>()
            .expect("frame of a code object");
        let handled_base = self.exc_info.borrow().len();
        if !frame.handled.is_empty() {
            self.exc_info.borrow_mut().append(&mut frame.handled);
        }
        loop {
            let step = match pending.take() {
                Some(err) => Err(Raised {
                    err,
                    reraise: false,
                }),
                None => self.exec(frame, code, link),
            };
            match step {
                Ok(exit) => {
                    let mut info = self.exc_info.borrow_mut();
                    if matches!(exit, FrameExit::Yield(_)) && info.len() > handled_base {
                        frame.handled = info.split_off(handled_base);
                    } else {
                        info.truncate(handled_base);
                    }
                    return Ok(exit);
                }
                Err(Raised { err, reraise }) => {
                    if !reraise {
                        self.note_raise(&err, code_obj, code.line_of(frame.pc.saturating_sub(1)));
                    }
                    if let Some(target) = self.unwind(frame, &err) {
                        frame.pc = target as usize;
                        continue;
                    }
                    self.exc_info.borrow_mut().truncate(handled_base);
                    frame.stack.clear();
                    return Err(err);
                }
            }
        }
    }

    /// Records a traceback entry for the frame the exception passes
    /// through, and on first sight sets its `__context__` to the exception
    /// being handled (implicit chaining).
    fn note_raise(&self, err: &PyErr<P>, code: &Obj<P>, line: u32) {
        let Some(inst) = err.0.downcast::<Instance<P>>() else {
            return;
        };
        let Some(exc) = &inst.exc else { return };
        // One critical section: two threads raising the same exception
        // object at once each add their entry (a take-push-put would lose
        // one of them, and both would think the raise was the first).
        let entry = TbEntry {
            code: code.clone(),
            line,
        };
        let first = exc.traceback.update(|tb| {
            tb.push(entry);
            tb.len() == 1
        });
        if first {
            let current = self.exc_info.borrow().last().cloned();
            if let Some(ctx) = current {
                if !ctx.is_same(&err.0) && !exc.context.is_set() {
                    exc.context.set(Some(ctx));
                }
            }
        }
    }

    /// Finds the handler for `err` in `frame`'s block stack; returns its
    /// address, with the exception pushed and marked as handled.
    fn unwind(&self, frame: &mut Frame<P>, err: &PyErr<P>) -> Option<u32> {
        while let Some(b) = frame.blocks.pop() {
            match b.kind {
                BlockKind::Handler => {
                    // Leaving an active handler by an exception.
                    self.exc_info.borrow_mut().pop();
                }
                BlockKind::Except | BlockKind::Finally | BlockKind::With => {
                    frame.stack.truncate(b.level as usize);
                    frame.blocks.push(Block {
                        kind: BlockKind::Handler,
                        handler: 0,
                        level: b.level,
                    });
                    frame.stack.push(err.0.clone());
                    self.exc_info.borrow_mut().push(err.0.clone());
                    return Some(b.handler);
                }
            }
        }
        None
    }

    #[inline(never)]
    fn exec(
        &self,
        frame: &mut Frame<P>,
        code: &Code<P>,
        link: &Link<P>,
    ) -> Result<FrameExit<P>, Raised<P>> {
        let instrs = &code.instrs[..];
        loop {
            let ins = instrs[frame.pc];
            frame.pc += 1;
            let arg = ins.arg;
            match ins.op {
                Op::Nop => {}
                Op::LoadConst => frame.stack.push(code.consts[arg as usize].clone()),
                Op::LoadFast => match &frame.fast[arg as usize] {
                    Some(v) => {
                        let v = v.clone();
                        frame.stack.push(v)
                    }
                    None => return Err(self.unbound_local(code, arg as usize).into()),
                },
                Op::StoreFast => {
                    let v = pop!(frame);
                    frame.fast[arg as usize] = Some(v);
                }
                Op::DeleteFast => {
                    if frame.fast[arg as usize].take().is_none() {
                        return Err(self.unbound_local(code, arg as usize).into());
                    }
                }
                Op::LoadDeref => {
                    let cell = frame.cells[arg as usize]
                        .downcast::<Cell<P>>()
                        .expect("cell");
                    match cell.value.get() {
                        Some(v) => frame.stack.push(v),
                        None => return Err(self.unbound_deref(code, arg as usize).into()),
                    }
                }
                Op::StoreDeref => {
                    let v = pop!(frame);
                    frame.cells[arg as usize]
                        .downcast::<Cell<P>>()
                        .expect("cell")
                        .value
                        .set(Some(v));
                }
                Op::DeleteDeref => {
                    let cell = frame.cells[arg as usize]
                        .downcast::<Cell<P>>()
                        .expect("cell");
                    if cell.value.take().is_none() {
                        return Err(self.unbound_deref(code, arg as usize).into());
                    }
                }
                Op::LoadClosure => frame.stack.push(frame.cells[arg as usize].clone()),
                Op::LoadGlobal => {
                    let name = &code.names[arg as usize];
                    let v = self.load_global(&frame.globals, name, &code.hints[frame.pc - 1])?;
                    frame.stack.push(v);
                }
                Op::StoreGlobal => {
                    let v = pop!(frame);
                    let name = &code.names[arg as usize];
                    self.dict_set_str(&frame.globals, name.clone(), v);
                }
                Op::DeleteGlobal => {
                    let name = &code.names[arg as usize];
                    if self.dict_del_str(&frame.globals, name).is_none() {
                        return Err(self.name_error(name).into());
                    }
                }
                Op::LoadName => {
                    let name = &code.names[arg as usize];
                    let local = match &frame.locals {
                        Some(l) => self.ns_load(l, name)?,
                        None => None,
                    };
                    let v = match local {
                        Some(v) => v,
                        None => {
                            self.load_global(&frame.globals, name, &code.hints[frame.pc - 1])?
                        }
                    };
                    frame.stack.push(v);
                }
                Op::StoreName => {
                    let v = pop!(frame);
                    let name = code.names[arg as usize].clone();
                    let ns = frame.locals.as_ref().unwrap_or(&frame.globals);
                    self.ns_store(ns, name, v)?;
                }
                Op::DeleteName => {
                    let name = &code.names[arg as usize];
                    let ns = frame.locals.as_ref().unwrap_or(&frame.globals);
                    if !self.ns_delete(ns, name)? {
                        return Err(self.name_error(name).into());
                    }
                }
                Op::LoadClassDeref => {
                    let name = &code.names[(arg & 0xffff) as usize];
                    let local = match &frame.locals {
                        Some(l) => self.ns_load(l, name)?,
                        None => None,
                    };
                    let v = match local {
                        Some(v) => v,
                        None => {
                            let idx = (arg >> 16) as usize;
                            let cell = frame.cells[idx].downcast::<Cell<P>>().expect("cell");
                            match cell.value.get() {
                                Some(v) => v,
                                None => return Err(self.unbound_deref(code, idx).into()),
                            }
                        }
                    };
                    frame.stack.push(v);
                }
                Op::LoadAttr => {
                    let obj = pop!(frame);
                    let name = &code.names[arg as usize];
                    let hint = &code.hints[frame.pc - 1];
                    let v = match self.getattr_opt_hinted(&obj, name, hint)? {
                        Some(v) => v,
                        None => return Err(self.no_attribute(&obj, name).into()),
                    };
                    frame.stack.push(v);
                }
                Op::StoreAttr => {
                    let obj = pop!(frame);
                    let v = pop!(frame);
                    let hint = &code.hints[frame.pc - 1];
                    self.setattr_hinted(&obj, &code.names[arg as usize], v, hint)?;
                }
                Op::DeleteAttr => {
                    let obj = pop!(frame);
                    self.delattr(&obj, &code.names[arg as usize])?;
                }
                Op::LoadMethod => {
                    let obj = pop!(frame);
                    let name = &code.names[arg as usize];
                    match self.lookup_method(&obj, name)? {
                        Some(method) => {
                            frame.stack.push(method);
                            frame.stack.push(obj);
                        }
                        None => {
                            let v = self.getattr(&obj, name)?;
                            frame.stack.push(v);
                            frame.stack.push(self.interp.null.clone());
                        }
                    }
                }
                Op::CallMethod => {
                    self.poll()?;
                    link.pc.set(frame.pc);
                    let n = arg as usize;
                    let len = frame.stack.len();
                    let base = len - n - 2;
                    let res = if frame.stack[base + 1].is_same(&self.interp.null) {
                        self.call_from_stack(&mut frame.stack, base, 2, n)?
                    } else {
                        self.call_from_stack(&mut frame.stack, base, 1, n + 1)?
                    };
                    frame.stack.push(res);
                }
                Op::Call => {
                    self.poll()?;
                    link.pc.set(frame.pc);
                    let n = arg as usize;
                    let base = frame.stack.len() - n - 1;
                    let res = self.call_from_stack(&mut frame.stack, base, 1, n)?;
                    frame.stack.push(res);
                }
                Op::CallKw => {
                    self.poll()?;
                    link.pc.set(frame.pc);
                    let names = pop!(frame);
                    let names_t = names.as_tuple().expect("kw names tuple");
                    let n = arg as usize;
                    let nkw = names_t.len();
                    let base = frame.stack.len() - n - 1;
                    let res = {
                        let args = &frame.stack[base + 1..base + 1 + n - nkw];
                        let kw = Kw {
                            names: names_t,
                            values: &frame.stack[base + 1 + n - nkw..],
                        };
                        self.call(&frame.stack[base], args, kw)
                    };
                    frame.stack.truncate(base);
                    frame.stack.push(res?);
                }
                Op::CallEx => {
                    self.poll()?;
                    link.pc.set(frame.pc);
                    let kwargs = if arg & 1 != 0 {
                        Some(pop!(frame))
                    } else {
                        None
                    };
                    let args = pop!(frame);
                    let func = pop!(frame);
                    let res = self.call_ex(&func, &args, kwargs.as_ref())?;
                    frame.stack.push(res);
                }
                Op::BinarySubscr => {
                    let key = pop!(frame);
                    let obj = pop!(frame);
                    // BINARY_SUBSCR_LIST_INT / _TUPLE_INT.
                    let fast = match (obj.kind(), small_index(&key)) {
                        (Kind::List, Some(i)) => obj.as_list().expect("list").get(i),
                        (Kind::Tuple, Some(i)) => obj.as_tuple().expect("tuple").get(i).cloned(),
                        _ => None,
                    };
                    let v = match fast {
                        Some(v) => v,
                        None => self.getitem(&obj, &key)?,
                    };
                    frame.stack.push(v);
                }
                Op::StoreSubscr => {
                    let key = pop!(frame);
                    let obj = pop!(frame);
                    let v = pop!(frame);
                    // STORE_SUBSCR_LIST_INT.
                    match (obj.as_list(), small_index(&key)) {
                        (Some(l), Some(i)) if i < l.len() => {
                            drop(l.set(i, v));
                        }
                        _ => self.setitem(&obj, key, v)?,
                    }
                }
                Op::DeleteSubscr => {
                    let key = pop!(frame);
                    let obj = pop!(frame);
                    self.delitem(&obj, &key)?;
                }
                Op::BuildSlice => {
                    let step = if arg == 3 {
                        pop!(frame)
                    } else {
                        ObjRef::none()
                    };
                    let stop = pop!(frame);
                    let start = pop!(frame);
                    frame.stack.push(ObjRef::new(Slice { start, stop, step }));
                }
                Op::BinaryOp => {
                    let b = pop!(frame);
                    let a = pop!(frame);
                    let op = BINOPS[arg as usize];
                    let v = match Self::binary_fast(&a, &b, op) {
                        Some(v) => v,
                        None => self.binary_op(&a, &b, op)?,
                    };
                    frame.stack.push(v);
                }
                Op::InplaceOp => {
                    // ints and floats are immutable: `+=` is `+`.
                    let b = pop!(frame);
                    let a = pop!(frame);
                    let op = BINOPS[arg as usize];
                    let v = match Self::binary_fast(&a, &b, op) {
                        Some(v) => v,
                        None => self.inplace_op(&a, &b, op)?,
                    };
                    frame.stack.push(v);
                }
                Op::UnaryNeg => {
                    let a = pop!(frame);
                    let v = self.unary_neg(&a)?;
                    frame.stack.push(v);
                }
                Op::UnaryPos => {
                    let a = pop!(frame);
                    let v = self.unary_pos(&a)?;
                    frame.stack.push(v);
                }
                Op::UnaryInvert => {
                    let a = pop!(frame);
                    let v = self.unary_invert(&a)?;
                    frame.stack.push(v);
                }
                Op::UnaryNot => {
                    let a = pop!(frame);
                    let t = self.is_true(&a)?;
                    frame.stack.push(ObjRef::from_bool(!t));
                }
                Op::CompareOp => {
                    let b = pop!(frame);
                    let a = pop!(frame);
                    let op = CMPOPS[arg as usize];
                    let v = match Self::compare_fast(&a, &b, op) {
                        Some(r) => ObjRef::from_bool(r),
                        None => self.rich_compare(&a, &b, op)?,
                    };
                    frame.stack.push(v);
                }
                Op::IsOp => {
                    let b = pop!(frame);
                    let a = pop!(frame);
                    frame
                        .stack
                        .push(ObjRef::from_bool(a.is_same(&b) != (arg == 1)));
                }
                Op::ContainsOp => {
                    let container = pop!(frame);
                    let item = pop!(frame);
                    let found = self.contains(&container, &item)?;
                    frame.stack.push(ObjRef::from_bool(found != (arg == 1)));
                }
                Op::PopTop => {
                    pop!(frame);
                }
                Op::DupTop => {
                    let v = top!(frame).clone();
                    frame.stack.push(v);
                }
                Op::DupTopTwo => {
                    let n = frame.stack.len();
                    let (a, b) = (frame.stack[n - 2].clone(), frame.stack[n - 1].clone());
                    frame.stack.push(a);
                    frame.stack.push(b);
                }
                Op::RotTwo => {
                    let n = frame.stack.len();
                    frame.stack.swap(n - 1, n - 2);
                }
                Op::RotThree => {
                    let v = pop!(frame);
                    let n = frame.stack.len();
                    frame.stack.insert(n - 2, v);
                }
                Op::RotFour => {
                    let v = pop!(frame);
                    let n = frame.stack.len();
                    frame.stack.insert(n - 3, v);
                }
                Op::Jump => {
                    if (arg as usize) < frame.pc {
                        self.poll()?;
                    }
                    frame.pc = arg as usize;
                }
                Op::PopJumpIfFalse => {
                    let v = pop!(frame);
                    if !self.truthy_fast(&v)? {
                        frame.pc = arg as usize;
                    }
                }
                Op::PopJumpIfTrue => {
                    let v = pop!(frame);
                    if self.truthy_fast(&v)? {
                        frame.pc = arg as usize;
                    }
                }
                Op::JumpIfFalseOrPop => {
                    if !self.truthy_fast(top!(frame))? {
                        frame.pc = arg as usize;
                    } else {
                        pop!(frame);
                    }
                }
                Op::JumpIfTrueOrPop => {
                    if self.truthy_fast(top!(frame))? {
                        frame.pc = arg as usize;
                    } else {
                        pop!(frame);
                    }
                }
                Op::GetIter => {
                    let o = pop!(frame);
                    let it = self.get_iter(&o)?;
                    frame.stack.push(it);
                }
                Op::ForIter => {
                    let it = top!(frame);
                    let next = if let Some(r) = it.downcast::<RangeIter<P>>() {
                        r.step().map(ObjRef::from_i64)
                    } else {
                        self.next(it)?
                    };
                    match next {
                        Some(v) => frame.stack.push(v),
                        None => {
                            pop!(frame);
                            frame.pc = arg as usize;
                        }
                    }
                }
                Op::BuildTuple => {
                    let n = frame.stack.len() - arg as usize;
                    let items = frame.stack.split_off(n);
                    frame.stack.push(ObjRef::new_tuple(items));
                }
                Op::BuildList => {
                    let n = frame.stack.len() - arg as usize;
                    let items = frame.stack.split_off(n);
                    frame.stack.push(ObjRef::from_list_vec(items));
                }
                Op::BuildSet => {
                    let n = frame.stack.len() - arg as usize;
                    let items = frame.stack.split_off(n);
                    let set = ObjRef::new_set();
                    for item in items {
                        self.set_add(&set, item)?;
                    }
                    frame.stack.push(set);
                }
                Op::BuildMap => {
                    let n = frame.stack.len() - 2 * arg as usize;
                    let items = frame.stack.split_off(n);
                    let dict = ObjRef::new_dict();
                    let mut it = items.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        self.dict_set(&dict, k, v)?;
                    }
                    frame.stack.push(dict);
                }
                Op::BuildString => {
                    let n = frame.stack.len() - arg as usize;
                    let mut s = String::new();
                    for part in frame.stack.drain(n..) {
                        s.push_str(part.as_str().unwrap_or(""));
                    }
                    frame.stack.push(ObjRef::from_string(s));
                }
                Op::ListAppend => {
                    let v = pop!(frame);
                    let n = frame.stack.len();
                    frame.stack[n - arg as usize]
                        .as_list()
                        .expect("list")
                        .push(v);
                }
                Op::SetAdd => {
                    let v = pop!(frame);
                    let n = frame.stack.len();
                    let set = frame.stack[n - arg as usize].clone();
                    self.set_add(&set, v)?;
                }
                Op::MapAdd => {
                    let v = pop!(frame);
                    let k = pop!(frame);
                    let n = frame.stack.len();
                    let d = frame.stack[n - arg as usize].clone();
                    self.dict_set(&d, k, v)?;
                }
                Op::ListExtend => {
                    let it = pop!(frame);
                    let n = frame.stack.len();
                    let list = frame.stack[n - arg as usize].clone();
                    let items = self.collect(&it)?;
                    list.as_list().expect("list").extend(items);
                }
                Op::SetUpdate => {
                    let it = pop!(frame);
                    let n = frame.stack.len();
                    let set = frame.stack[n - arg as usize].clone();
                    for item in self.collect(&it)? {
                        self.set_add(&set, item)?;
                    }
                }
                Op::DictUpdate | Op::DictMerge => {
                    let m = pop!(frame);
                    let n = frame.stack.len();
                    let d = frame.stack[n - arg as usize].clone();
                    self.dict_update(&d, &m, ins.op == Op::DictMerge)?;
                }
                Op::ListToTuple => {
                    let l = pop!(frame);
                    let items = l.as_list().expect("list").snapshot();
                    frame.stack.push(ObjRef::new_tuple(items));
                }
                Op::FormatValue => {
                    let spec = if arg & 4 != 0 {
                        Some(pop!(frame))
                    } else {
                        None
                    };
                    let v = pop!(frame);
                    let v = match arg & 3 {
                        1 => self.str_obj(&v)?,
                        2 => self.new_str(self.repr(&v)?),
                        3 => {
                            self.new_str(ftl_algorithms::str_methods::ascii_escape(&self.repr(&v)?))
                        }
                        _ => v,
                    };
                    let s = match spec {
                        None if v.kind() == Kind::Str => v,
                        None => self.format(&v, "")?,
                        Some(spec) => self.format(&v, spec.as_str().unwrap_or(""))?,
                    };
                    frame.stack.push(s);
                }
                Op::UnpackSequence => {
                    let seq = pop!(frame);
                    // CPython's UNPACK_SEQUENCE_TUPLE / _LIST: an exact-size
                    // tuple or list pushes its items without a copy.
                    if let Some(t) = seq.as_tuple().filter(|t| t.len() == arg as usize) {
                        frame.stack.extend(t.iter().rev().cloned());
                    } else if let Some(l) = seq.as_list().filter(|l| l.len() == arg as usize) {
                        for i in (0..arg as usize).rev() {
                            frame.stack.push(l.get(i).expect("length checked"));
                        }
                    } else {
                        let items = self.unpack(&seq, arg as usize)?;
                        frame.stack.extend(items.into_iter().rev());
                    }
                }
                Op::UnpackEx => {
                    let seq = pop!(frame);
                    let (before, after) = ((arg & 0xff) as usize, (arg >> 8) as usize);
                    let mut items = self.collect(&seq)?;
                    if items.len() < before + after {
                        return Err(self
                            .value_error(format!(
                                "not enough values to unpack (expected at least {}, got {})",
                                before + after,
                                items.len()
                            ))
                            .into());
                    }
                    let tail = items.split_off(items.len() - after);
                    let middle = items.split_off(before);
                    for v in tail.into_iter().rev() {
                        frame.stack.push(v);
                    }
                    frame.stack.push(ObjRef::from_list_vec(middle));
                    for v in items.into_iter().rev() {
                        frame.stack.push(v);
                    }
                }
                Op::MakeFunction => {
                    let qualname = pop!(frame);
                    let code_obj = pop!(frame);
                    let closure = if arg & 8 != 0 {
                        pop!(frame).as_tuple().expect("closure").to_vec()
                    } else {
                        Vec::new()
                    };
                    let annotations = if arg & 4 != 0 {
                        Some(pop!(frame))
                    } else {
                        None
                    };
                    let kwdefaults = if arg & 2 != 0 {
                        Some(pop!(frame))
                    } else {
                        None
                    };
                    let defaults = if arg & 1 != 0 {
                        pop!(frame).as_tuple().expect("defaults").to_vec()
                    } else {
                        Vec::new()
                    };
                    let (name, doc) = {
                        let c = code_obj.downcast::<Code<P>>().expect("code");
                        let doc = (c.flags & crate::compiler::bytecode::flags::DOCSTRING != 0)
                            .then(|| c.consts[0].clone());
                        (self.intern(&c.name), doc)
                    };
                    let module = self.dict_get_str(&frame.globals, &self.interp.names.name);
                    let func = Function {
                        code: code_obj,
                        globals: frame.globals.clone(),
                        defaults,
                        kwdefaults,
                        closure,
                        name: ObjCell::new(Some(name)),
                        qualname: ObjCell::new(Some(qualname)),
                        doc: ObjCell::new(Some(doc.unwrap_or_else(ObjRef::none))),
                        module: ObjCell::new(Some(module.unwrap_or_else(ObjRef::none))),
                        annotations: ObjCell::new(annotations),
                        dict: Default::default(),
                        weakrefs: Default::default(),
                    };
                    // Functions made by a module or class body are
                    // deferred, nested ones (closures, made again and
                    // again) are not: 3.14t's rule (`CO_NESTED`). Nor is
                    // a class body's own function, called once by
                    // `BuildClass` (3.14t defers it and leaves it to the
                    // collector; here it dies by refcounting).
                    use crate::compiler::bytecode::flags;
                    let made_by = code.flags & (flags::MODULE | flags::CLASS_BODY);
                    let class_body = func
                        .code
                        .downcast::<Code<P>>()
                        .is_some_and(|c| c.flags & flags::CLASS_BODY != 0);
                    let nested = made_by == 0 || class_body;
                    frame.stack.push(if nested {
                        ObjRef::new(func)
                    } else {
                        ObjRef::new_deferred(func)
                    });
                }
                Op::SetupAnnotations => {
                    let ns = frame.locals.as_ref().unwrap_or(&frame.globals);
                    let key = self.intern("__annotations__");
                    if self.ns_load(ns, &key)?.is_none() {
                        self.ns_store(ns, key, ObjRef::new_dict())?;
                    }
                }
                Op::LoadBuildClass => {
                    let key = self.intern("__build_class__");
                    match self.dict_get_str(&self.interp.builtins, &key) {
                        Some(f) => frame.stack.push(f),
                        None => {
                            return Err(self
                                .new_error(ExcType::NameError, "__build_class__ not found")
                                .into())
                        }
                    }
                }
                Op::ReturnValue => {
                    let v = pop!(frame);
                    return Ok(FrameExit::Return(v));
                }
                Op::YieldValue => {
                    let v = pop!(frame);
                    // On resume the sent value (always None here) is pushed.
                    return Ok(FrameExit::Yield(v));
                }
                Op::YieldFrom => {
                    let it = top!(frame).clone();
                    match self.next_or_return(&it)? {
                        Ok(v) => {
                            // Re-run this instruction on resume (the
                            // resume pushes no sent value before a
                            // `YieldFrom`).
                            frame.pc -= 1;
                            return Ok(FrameExit::Yield(v));
                        }
                        Err(result) => {
                            pop!(frame);
                            frame.stack.push(result);
                        }
                    }
                }
                Op::SetupExcept | Op::SetupFinally => {
                    frame.blocks.push(Block {
                        kind: if ins.op == Op::SetupExcept {
                            BlockKind::Except
                        } else {
                            BlockKind::Finally
                        },
                        handler: arg,
                        level: frame.stack.len() as u32,
                    });
                }
                Op::SetupWith => {
                    let mgr = pop!(frame);
                    let enter = self.special_method(&mgr, &self.interp.names.enter)?;
                    let exit = self.special_method(&mgr, &self.interp.names.exit)?;
                    frame.stack.push(exit);
                    frame.blocks.push(Block {
                        kind: BlockKind::With,
                        handler: arg,
                        level: frame.stack.len() as u32,
                    });
                    let v = self.call(&enter, &[], Kw::EMPTY)?;
                    frame.stack.push(v);
                }
                Op::PopBlock => {
                    frame.blocks.pop();
                }
                Op::PopExcept => {
                    frame.blocks.pop();
                    pop!(frame);
                    self.exc_info.borrow_mut().pop();
                }
                Op::WithExceptStart => {
                    let n = frame.stack.len();
                    let exc = frame.stack[n - 1].clone();
                    let exit = frame.stack[n - 2].clone();
                    let t = self.type_of(&exc);
                    let tb = self.traceback_object(&exc);
                    let r = self.call(&exit, &[t, exc, tb], Kw::EMPTY)?;
                    let b = self.is_true(&r)?;
                    frame.stack.push(ObjRef::from_bool(b));
                }
                Op::WithExit => {
                    let exit = pop!(frame);
                    let none = ObjRef::none();
                    self.call(&exit, &[none.clone(), none.clone(), none], Kw::EMPTY)?;
                }
                Op::CheckExcMatch => {
                    let cls = pop!(frame);
                    let exc = pop!(frame);
                    let m = self.exception_matches(&exc, &cls)?;
                    frame.stack.push(ObjRef::from_bool(m));
                }
                Op::Reraise => {
                    let exc = pop!(frame);
                    return Err(Raised {
                        err: PyErr(exc),
                        reraise: true,
                    });
                }
                Op::Raise => match arg {
                    0 => {
                        let current = self.exc_info.borrow().last().cloned();
                        return match current {
                            Some(e) => Err(Raised {
                                err: PyErr(e),
                                reraise: true,
                            }),
                            None => Err(self
                                .new_error(ExcType::RuntimeError, "No active exception to reraise")
                                .into()),
                        };
                    }
                    1 => {
                        let exc = pop!(frame);
                        return Err(self.make_raisable(exc)?.into());
                    }
                    _ => {
                        let cause = pop!(frame);
                        let exc = pop!(frame);
                        let err = self.make_raisable(exc)?;
                        self.set_cause(&err, cause)?;
                        return Err(err.into());
                    }
                },
                Op::ImportName => {
                    let m = self.import(&code.names[arg as usize])?;
                    frame.stack.push(m);
                }
                Op::ImportFrom => {
                    let m = top!(frame).clone();
                    let v = self.import_from(&m, &code.names[arg as usize])?;
                    frame.stack.push(v);
                }
                Op::ImportStar => {
                    let m = pop!(frame);
                    let ns = frame.locals.as_ref().unwrap_or(&frame.globals).clone();
                    self.import_star(&m, &ns)?;
                }
                Op::LoadAssertionError => frame
                    .stack
                    .push(self.exc_class(ExcType::AssertionError).clone()),
            }
        }
    }

    /// Truthiness with the common cases inline.
    #[inline(always)]
    fn truthy_fast(&self, v: &Obj<P>) -> PyResult<bool, P> {
        match v.kind() {
            Kind::Bool => Ok(v.as_bool().expect("bool")),
            Kind::None => Ok(false),
            Kind::Int => Ok(!v.as_int().expect("int").is_zero()),
            _ => self.is_true(v),
        }
    }

    fn unbound_local(&self, code: &Code<P>, slot: usize) -> PyErr<P> {
        let name = code.varnames[slot].as_str().unwrap_or("?").to_string();
        self.new_error(
            ExcType::UnboundLocalError,
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }

    fn unbound_deref(&self, code: &Code<P>, idx: usize) -> PyErr<P> {
        let ncell = code.cellvars.len();
        if idx < ncell {
            let name = code.cellvars[idx].as_str().unwrap_or("?").to_string();
            self.new_error(
                ExcType::UnboundLocalError,
                format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                ),
            )
        } else {
            let name = code.freevars[idx - ncell]
                .as_str()
                .unwrap_or("?")
                .to_string();
            self.new_error(
                ExcType::NameError,
                format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
            )
        }
    }

    /// `NameError: name 'x' is not defined`
    pub fn name_error(&self, name: &Obj<P>) -> PyErr<P> {
        self.new_error(
            ExcType::NameError,
            format!("name '{}' is not defined", name.as_str().unwrap_or("?")),
        )
    }

    /// Globals, then builtins.
    #[inline]
    fn load_global(
        &self,
        globals: &Obj<P>,
        name: &Obj<P>,
        hint: &AtomicU32,
    ) -> PyResult<Obj<P>, P> {
        // The hint is a position in globals or (with the top bit set) in
        // builtins; a builtin is only used after globals missed.
        const IN_BUILTINS: u32 = 1 << 31;
        let h = hint.load(Ordering::Relaxed);
        if h & IN_BUILTINS == 0 {
            if let Some(v) = globals.as_dict().expect("globals").get_at(h as usize, name) {
                return Ok(v);
            }
        }
        let hash = name.str_hash().expect("str key");
        if let Some((pos, v)) = globals
            .as_dict()
            .expect("globals")
            .get_hashed_at(hash, name)
        {
            hint.store(pos as u32, Ordering::Relaxed);
            return Ok(v);
        }
        let builtins = self.interp.builtins.as_dict().expect("builtins");
        if h & IN_BUILTINS != 0 && h != NO_HINT {
            if let Some(v) = builtins.get_at((h & !IN_BUILTINS) as usize, name) {
                return Ok(v);
            }
        }
        if let Some((pos, v)) = builtins.get_hashed_at(hash, name) {
            hint.store(pos as u32 | IN_BUILTINS, Ordering::Relaxed);
            return Ok(v);
        }
        Err(self.name_error(name))
    }

    /// A name in a namespace that may be any mapping (a class body's
    /// `__prepare__` result, `exec`'s locals): a dict is read directly,
    /// anything else through `__getitem__` (a `KeyError` means absent).
    #[inline]
    pub fn ns_load(&self, ns: &Obj<P>, name: &Obj<P>) -> PyResult<Option<Obj<P>>, P> {
        if ns.kind() == Kind::Dict {
            return Ok(self.dict_get_str(ns, name));
        }
        match self.getitem(ns, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_matches(&e, ExcType::KeyError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `ns[name] = v` for a namespace that may be any mapping.
    #[inline]
    pub fn ns_store(&self, ns: &Obj<P>, name: Obj<P>, v: Obj<P>) -> PyResult<(), P> {
        if ns.kind() == Kind::Dict {
            self.dict_set_str(ns, name, v);
            return Ok(());
        }
        self.setitem(ns, name, v)
    }

    /// `del ns[name]` for a namespace that may be any mapping; whether the
    /// name was there.
    pub fn ns_delete(&self, ns: &Obj<P>, name: &Obj<P>) -> PyResult<bool, P> {
        if ns.kind() == Kind::Dict {
            return Ok(self.dict_del_str(ns, name).is_some());
        }
        match self.delitem(ns, name) {
            Ok(()) => Ok(true),
            Err(e) if self.err_matches(&e, ExcType::KeyError) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// `d[name]` for an interned-string key (no user code can run).
    #[inline]
    pub fn dict_get_str(&self, d: &Obj<P>, name: &Obj<P>) -> Option<Obj<P>> {
        let hash = name.str_hash().expect("str key");
        d.as_dict().expect("namespace dict").get_hashed(hash, name)
    }

    /// [`dict_get_str`](Self::dict_get_str) trying first the entry position
    /// `hint` remembers (an inline cache: see [`Code::hints`]), and
    /// remembering where the name was found.
    #[inline]
    pub fn dict_get_str_hinted(
        &self,
        d: &Obj<P>,
        name: &Obj<P>,
        hint: &AtomicU32,
    ) -> Option<Obj<P>> {
        let dict = d.as_dict().expect("namespace dict");
        if let Some(v) = dict.get_at(hint.load(Ordering::Relaxed) as usize, name) {
            return Some(v);
        }
        let hash = name.str_hash().expect("str key");
        let (pos, v) = dict.get_hashed_at(hash, name)?;
        hint.store(pos as u32, Ordering::Relaxed);
        Some(v)
    }

    /// [`dict_set_str`](Self::dict_set_str) with an inline-cache `hint`, as
    /// in [`dict_get_str_hinted`](Self::dict_get_str_hinted).
    #[inline]
    pub fn dict_set_str_hinted(&self, d: &Obj<P>, name: &Obj<P>, v: Obj<P>, hint: &AtomicU32) {
        let dict = d.as_dict().expect("namespace dict");
        if let Err(v) = dict.set_at(hint.load(Ordering::Relaxed) as usize, name, v) {
            let hash = name.str_hash().expect("str key");
            let pos = dict.set_hashed_at(hash, name.clone(), v);
            hint.store(pos as u32, Ordering::Relaxed);
        }
    }

    /// `d[name] = v` for a string key.
    #[inline]
    pub fn dict_set_str(&self, d: &Obj<P>, name: Obj<P>, v: Obj<P>) {
        let hash = name.str_hash().expect("str key");
        d.as_dict()
            .expect("namespace dict")
            .set_hashed(hash, name, v);
    }

    /// `del d[name]` for a string key; the old value if present.
    pub fn dict_del_str(&self, d: &Obj<P>, name: &Obj<P>) -> Option<Obj<P>> {
        let hash = name.str_hash().expect("str key");
        d.as_dict()
            .expect("namespace dict")
            .remove_hashed(hash, name)
    }

    /// Calls `stack[base]` with `stack[base+skip .. base+skip+n]` as
    /// arguments and truncates the stack to `base`. Python functions get
    /// their arguments moved from the stack (no extra counting), as
    /// CPython 3.11's calls do.
    #[inline]
    fn call_from_stack(
        &self,
        stack: &mut Vec<Obj<P>>,
        base: usize,
        skip: usize,
        n: usize,
    ) -> PyResult<Obj<P>, P> {
        let first = base + skip;
        if let Some(f) = stack[base].downcast::<Function<P>>() {
            let code = f.code.downcast::<Code<P>>().expect("code");
            if crate::interpreter::call::binds_positionally(code, n) {
                let nlocals = code.nlocals();
                let fast = self.take_fast(nlocals, stack.drain(first..first + n));
                // The callee's reference moves from the stack to the call
                // (as CPython's frame takes `f_func` from the stack).
                stack.truncate(base + 1);
                let func = stack.pop().expect("callee on the stack");
                return self.run_function(&func, fast);
            }
        }
        let res = self.call(&stack[base], &stack[first..first + n], Kw::EMPTY);
        stack.truncate(base);
        res
    }
}
