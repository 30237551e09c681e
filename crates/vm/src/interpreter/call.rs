//! Calling: functions, built-ins, bound methods, classes; argument binding;
//! generators; class creation.
//!
//! Argument binding follows CPython's `Python/ceval.c`
//! (`initialize_locals`), including its error messages (`f() takes 2
//! positional arguments but 3 were given`, `f() missing 1 required
//! positional argument: 'b'`, ...). Python-to-Python calls recurse on the
//! Rust stack; the depth is checked against the recursion limit and the
//! native stack budget, so deep recursion raises `RecursionError` and never
//! overflows the stack.

use core::sync::atomic::Ordering;

use ftl_object::{HeapPolicy, Kind, ObjRef};

use crate::compiler::bytecode::{flags, Code, Op};
use crate::interpreter::eval::FrameExit;
use crate::interpreter::frame::Frame;
use crate::interpreter::state::{ExcType, Kw, PyErr, PyResult, Vm};
use crate::objects::*;

impl<P: HeapPolicy> Vm<P> {
    /// Calls `callable(*args, **kw)`.
    pub fn call(&self, callable: &Obj<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> PyResult<Obj<P>, P> {
        if callable.kind() != Kind::Other {
            return Err(self.not_callable(callable));
        }
        if let Some(f) = callable.downcast::<Function<P>>() {
            let code = f.code.downcast::<Code<P>>().expect("code");
            if kw.is_empty() && binds_positionally(code, args.len()) {
                let fast = self.take_fast(code.nlocals(), args.iter().cloned());
                return self.run_function(callable, fast);
            }
            let fast = self.bind_args(f, args, kw)?;
            return self.run_function(callable, fast);
        }
        if let Some(b) = callable.downcast::<Builtin<P>>() {
            return match &b.this {
                None => match (b.owner, args.first()) {
                    // `list.append(l, x)` with `l` an instance of a
                    // subclass of list: the method gets the list it carries.
                    (Some(owner), Some(first)) if self.native_of(first).is_some() => {
                        let this = self.native_receiver(first, owner);
                        (b.func)(self, &with_receiver(this, &args[1..]), kw)
                    }
                    _ => (b.func)(self, args, kw),
                },
                Some(this) => (b.func)(self, &with_receiver(this, args), kw),
            };
        }
        if let Some(m) = callable.downcast::<BoundMethod<P>>() {
            return self.call_method(&m.func, &m.this, args, kw);
        }
        if callable.is::<Class<P>>() {
            return self.call_class(callable, args, kw);
        }
        if callable.is::<Instance<P>>() {
            if let Some(f) = self.lookup_type_attr(callable, &self.interp.names.call) {
                return self.call_method(&f, callable, args, kw);
            }
        }
        if let Some(sm) = callable.downcast::<StaticMethod<P>>() {
            return self.call(&sm.func, args, kw);
        }
        if let Some(wr) = callable.downcast::<crate::stdlib::weakref::WeakRef<P>>() {
            self.no_kw("weakref", kw)?;
            return self.call_weakref(wr, args);
        }
        Err(self.not_callable(callable))
    }

    /// Calls `func(this, *args, **kw)`: a method with its receiver.
    pub fn call_method(
        &self,
        func: &Obj<P>,
        this: &Obj<P>,
        args: &[Obj<P>],
        kw: Kw<'_, P>,
    ) -> PyResult<Obj<P>, P> {
        if kw.is_empty() {
            if let Some(f) = func.downcast::<Function<P>>() {
                let code = f.code.downcast::<Code<P>>().expect("code");
                if binds_positionally(code, args.len() + 1) {
                    // The receiver and the arguments go straight into the
                    // fast locals, without the `[this, *args]` vector.
                    let all = core::iter::once(this.clone()).chain(args.iter().cloned());
                    let fast = self.take_fast(code.nlocals(), all);
                    return self.run_function(func, fast);
                }
            }
        }
        self.call(func, &with_receiver(this, args), kw)
    }

    fn not_callable(&self, obj: &Obj<P>) -> PyErr<P> {
        self.type_error(format!("'{}' object is not callable", self.type_name(obj)))
    }

    /// `f(*args, **kwargs)` with a tuple and an optional dict.
    pub fn call_ex(
        &self,
        func: &Obj<P>,
        args: &Obj<P>,
        kwargs: Option<&Obj<P>>,
    ) -> PyResult<Obj<P>, P> {
        let pos = args.as_tuple().expect("args tuple");
        match kwargs {
            None => self.call(func, pos, Kw::EMPTY),
            Some(d) => {
                let items = d.as_dict().expect("kwargs dict").items();
                let mut names = Vec::with_capacity(items.len());
                let mut values = Vec::with_capacity(items.len());
                for (k, v) in items {
                    if k.kind() != Kind::Str {
                        return Err(self.type_error("keywords must be strings"));
                    }
                    names.push(self.intern(k.as_str().expect("str")));
                    values.push(v);
                }
                self.call(
                    func,
                    pos,
                    Kw {
                        names: &names,
                        values: &values,
                    },
                )
            }
        }
    }

    /// General argument binding.
    fn bind_args(
        &self,
        f: &Function<P>,
        args: &[Obj<P>],
        kw: Kw<'_, P>,
    ) -> PyResult<Vec<Option<Obj<P>>>, P> {
        let code = f.code.downcast::<Code<P>>().expect("code");
        let qual = f.display_qualname();
        let argcount = code.argcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let has_varargs = code.flags & flags::VARARGS != 0;
        let has_varkw = code.flags & flags::VARKEYWORDS != 0;
        let mut fast = self.take_fast(code.nlocals(), core::iter::empty());
        let npos = args.len().min(argcount);
        for i in 0..npos {
            fast[i] = Some(args[i].clone());
        }
        let vararg_slot = argcount + kwonly;
        if has_varargs {
            let rest = if args.len() > argcount {
                args[argcount..].to_vec()
            } else {
                Vec::new()
            };
            fast[vararg_slot] = Some(ObjRef::new_tuple(rest));
        } else if args.len() > argcount {
            let ndefaults = f.defaults.len();
            let given = args.len();
            let kw_given = kw
                .iter()
                .filter(|(n, _)| {
                    code.varnames[argcount..argcount + kwonly]
                        .iter()
                        .any(|v| v.as_str() == Some(n))
                })
                .count();
            let takes = if ndefaults > 0 {
                format!(
                    "from {} to {} positional arguments",
                    argcount - ndefaults,
                    argcount
                )
            } else {
                format!(
                    "{} positional argument{}",
                    argcount,
                    if argcount == 1 { "" } else { "s" }
                )
            };
            let extra = if kw_given > 0 {
                format!(
                    " positional argument{} (and {} keyword-only argument{})",
                    if given == 1 { "" } else { "s" },
                    kw_given,
                    if kw_given == 1 { "" } else { "s" }
                )
            } else {
                String::new()
            };
            return Err(self.type_error(format!(
                "{qual}() takes {takes} but {given}{extra} {} given",
                if given == 1 && kw_given == 0 {
                    "was"
                } else {
                    "were"
                }
            )));
        }
        let kwdict = if has_varkw {
            let d = ObjRef::new_dict();
            let slot = vararg_slot + usize::from(has_varargs);
            fast[slot] = Some(d.clone());
            Some(d)
        } else {
            None
        };
        let mut posonly_as_kw: Vec<&str> = Vec::new();
        for (name, value) in kw.iter() {
            let pos = code.varnames[..argcount + kwonly]
                .iter()
                .position(|v| v.as_str() == Some(name));
            match pos {
                Some(i) if i >= code.posonlyargcount as usize => {
                    if fast[i].is_some() {
                        return Err(self.type_error(format!(
                            "{qual}() got multiple values for argument '{name}'"
                        )));
                    }
                    fast[i] = Some(value.clone());
                }
                other => {
                    if let Some(d) = &kwdict {
                        self.dict_set(d, self.intern(name), value.clone())?;
                    } else if other.is_some() {
                        posonly_as_kw.push(name);
                    } else {
                        return Err(self.type_error(format!(
                            "{qual}() got an unexpected keyword argument '{name}'"
                        )));
                    }
                }
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(self.type_error(format!(
                "{qual}() got some positional-only arguments passed as keyword arguments: '{}'",
                posonly_as_kw.join(", ")
            )));
        }
        // Defaults for missing positionals.
        let ndefaults = f.defaults.len();
        let first_default = argcount - ndefaults.min(argcount);
        let mut missing: Vec<String> = Vec::new();
        #[allow(clippy::needless_range_loop)]
        for i in 0..argcount {
            if fast[i].is_none() {
                if i >= first_default {
                    fast[i] = Some(f.defaults[i - first_default].clone());
                } else {
                    missing.push(code.varnames[i].as_str().unwrap_or("?").to_string());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(format!(
                "{qual}() missing {} required positional argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
        #[allow(clippy::needless_range_loop)]
        for i in argcount..argcount + kwonly {
            if fast[i].is_none() {
                let name = &code.varnames[i];
                let d = f
                    .kwdefaults
                    .as_ref()
                    .and_then(|d| self.dict_get_str(d, name));
                match d {
                    Some(v) => fast[i] = Some(v),
                    None => missing.push(name.as_str().unwrap_or("?").to_string()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(format!(
                "{qual}() missing {} required keyword-only argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
        Ok(fast)
    }

    /// Runs a Python function with bound fast locals: makes its frame, and
    /// either runs it or (for a generator function) returns the generator.
    pub(crate) fn run_function(
        &self,
        func: &Obj<P>,
        fast: Vec<Option<Obj<P>>>,
    ) -> PyResult<Obj<P>, P> {
        let f = func.downcast::<Function<P>>().expect("function");
        let code = f.code.downcast::<Code<P>>().expect("code");
        let mut cells = Vec::new();
        let mut fast = fast;
        if code.ncells() > 0 {
            cells.reserve(code.ncells());
            for param in &code.cell_params {
                let init = param.and_then(|p| fast[p as usize].take());
                cells.push(ObjRef::new(Cell {
                    value: ftl_object::ObjCell::new(init),
                }));
            }
            cells.extend(f.closure.iter().cloned());
        }
        let frame = Frame {
            code: f.code.clone(),
            globals: f.globals.clone(),
            locals: None,
            fast,
            cells,
            stack: self.stack_pool.take(16),
            blocks: Vec::new(),
            handled: Vec::new(),
            pc: 0,
        };
        if code.is_generator() {
            return Ok(ObjRef::new(Generator {
                weakrefs: Default::default(),
                frame: ftl_object::Exclusive::new(Some(Box::new(frame))),
                finished: Default::default(),
                name: f.name(),
                qualname: f.qualname(),
            }));
        }
        let mut frame = frame;
        let result = self.run_nested(&f.code, &mut frame);
        self.stack_pool.give(core::mem::take(&mut frame.stack));
        self.fast_pool.give(core::mem::take(&mut frame.fast));
        match result? {
            FrameExit::Return(v) => Ok(v),
            FrameExit::Yield(_) => {
                Err(self.new_error(ExcType::SystemError, "yield from a non-generator frame"))
            }
        }
    }

    /// Runs a frame one level deeper, enforcing the recursion limit and
    /// the native stack budget. `code` is the frame's code object (held by
    /// the caller too, so that the eval loop needs no reference of its own).
    pub(crate) fn run_nested(
        &self,
        code: &Obj<P>,
        frame: &mut Frame<P>,
    ) -> PyResult<FrameExit<P>, P> {
        self.run_nested_raising(code, frame, None)
    }

    /// [`run_nested`](Self::run_nested), raising `pending` at the frame's
    /// current instruction first (`generator.throw`).
    pub(crate) fn run_nested_raising(
        &self,
        code: &Obj<P>,
        frame: &mut Frame<P>,
        pending: Option<PyErr<P>>,
    ) -> PyResult<FrameExit<P>, P> {
        let depth = self.depth.get() + 1;
        if depth > self.interp.recursion_limit.load(Ordering::Relaxed) || self.stack_exhausted() {
            return Err(self.new_error(ExcType::RecursionError, "maximum recursion depth exceeded"));
        }
        self.depth.set(depth);
        let link = crate::interpreter::frames::Link::new(frame);
        let pushed = self.frames.push(&link);
        let r = self.run_frame(code, frame, &link, pending);
        drop(pushed);
        self.depth.set(depth - 1);
        r
    }

    /// Resumes a generator: `Ok(Ok(value))` for a yielded value,
    /// `Ok(Err(result))` when it returned (StopIteration's value).
    #[inline]
    pub fn gen_resume(&self, gen_obj: &Obj<P>) -> PyResult<Result<Obj<P>, Obj<P>>, P> {
        self.gen_resume_with(gen_obj, Resume::Next)
    }

    /// Resumes a generator with `next`, `send(value)` or `throw(exc)`
    /// (CPython's `gen_send_ex`): at a `yield from`, the value or the
    /// exception goes to the sub-iterator first (PEP 380).
    pub fn gen_resume_with(
        &self,
        gen_obj: &Obj<P>,
        how: Resume<P>,
    ) -> PyResult<Result<Obj<P>, Obj<P>>, P> {
        let gen = gen_obj.downcast::<Generator<P>>().expect("generator");
        if gen.finished.load(Ordering::Relaxed) {
            return match how {
                Resume::Throw(e) => Err(e),
                _ => Ok(Err(ObjRef::none())),
            };
        }
        let Some(mut frame) = gen.frame.take() else {
            return Err(self.value_error("generator already executing"));
        };
        let code_obj = frame.code.clone();
        let code = code_obj.downcast::<Code<P>>().expect("code");
        let mut pending = None;
        if frame.pc == 0 {
            match how {
                Resume::Send(v) if !v.is_none() => {
                    gen.frame.set(Some(frame));
                    return Err(
                        self.type_error("can't send non-None value to a just-started generator")
                    );
                }
                // Thrown in before the first instruction: nothing can catch
                // it, and the generator is over.
                Resume::Throw(e) => {
                    gen.finished.store(true, Ordering::Relaxed);
                    drop(frame);
                    return Err(e);
                }
                _ => {}
            }
        } else if code.instrs[frame.pc].op == Op::YieldFrom {
            let sub = frame.stack.last().cloned().expect("the sub-iterator");
            let delegated = match how {
                Resume::Send(v) if !v.is_none() => Some(self.iter_send(&sub, v)),
                Resume::Throw(e) => Some(self.iter_throw(&sub, e)),
                // `next()`: the `YieldFrom` instruction asks the
                // sub-iterator itself.
                _ => None,
            };
            match delegated {
                Some(Ok(Ok(v))) => {
                    gen.frame.set(Some(frame));
                    return Ok(Ok(v));
                }
                Some(Ok(Err(result))) => {
                    frame.stack.pop();
                    frame.stack.push(result);
                    frame.pc += 1;
                }
                Some(Err(e)) => {
                    frame.stack.pop();
                    frame.pc += 1;
                    pending = Some(e);
                }
                None => {}
            }
        } else {
            match how {
                Resume::Next => frame.stack.push(ObjRef::none()),
                Resume::Send(v) => frame.stack.push(v),
                Resume::Throw(e) => pending = Some(e),
            }
        }
        let result = self.run_nested_raising(&code_obj, &mut frame, pending);
        match result {
            Ok(FrameExit::Yield(v)) => {
                gen.frame.set(Some(frame));
                Ok(Ok(v))
            }
            Ok(FrameExit::Return(v)) => {
                gen.finished.store(true, Ordering::Relaxed);
                Ok(Err(v))
            }
            Err(e) => {
                gen.finished.store(true, Ordering::Relaxed);
                if self.err_matches(&e, ExcType::StopIteration) {
                    // PEP 479
                    let err =
                        self.new_error(ExcType::RuntimeError, "generator raised StopIteration");
                    if let Some(inst) = err.0.downcast::<Instance<P>>() {
                        if let Some(x) = &inst.exc {
                            x.cause.set(Some(e.0.clone()));
                            x.context.set(Some(e.0));
                        }
                    }
                    return Err(err);
                }
                Err(e)
            }
        }
    }

    /// `sub.send(value)` for a `yield from` (a generator directly).
    fn iter_send(&self, sub: &Obj<P>, value: Obj<P>) -> PyResult<Result<Obj<P>, Obj<P>>, P> {
        if sub.is::<Generator<P>>() {
            return self.gen_resume_with(sub, Resume::Send(value));
        }
        let send = self.getattr(sub, &self.intern("send"))?;
        self.stop_iteration_as_return(self.call(&send, &[value], Kw::EMPTY))
    }

    /// `sub.throw(exc)` for a `yield from`; a `GeneratorExit` closes the
    /// sub-iterator and is raised in the delegating generator (PEP 380).
    fn iter_throw(&self, sub: &Obj<P>, err: PyErr<P>) -> PyResult<Result<Obj<P>, Obj<P>>, P> {
        if self.err_matches(&err, ExcType::GeneratorExit) {
            if sub.is::<Generator<P>>() {
                self.gen_close(sub)?;
            } else if let Some(close) = self.getattr_opt(sub, &self.intern("close"))? {
                self.call(&close, &[], Kw::EMPTY)?;
            }
            return Err(err);
        }
        if sub.is::<Generator<P>>() {
            return self.gen_resume_with(sub, Resume::Throw(err));
        }
        match self.getattr_opt(sub, &self.intern("throw"))? {
            Some(throw) => self.stop_iteration_as_return(self.call(&throw, &[err.0], Kw::EMPTY)),
            None => Err(err),
        }
    }

    /// A call's result as a generator step: `StopIteration(value)` is the
    /// return value.
    fn stop_iteration_as_return(
        &self,
        r: PyResult<Obj<P>, P>,
    ) -> PyResult<Result<Obj<P>, Obj<P>>, P> {
        match r {
            Ok(v) => Ok(Ok(v)),
            Err(e) if self.err_matches(&e, ExcType::StopIteration) => {
                let value = self
                    .getattr_opt(&e.0, &self.intern("value"))?
                    .unwrap_or_else(ObjRef::none);
                Ok(Err(value))
            }
            Err(e) => Err(e),
        }
    }

    /// `generator.close()`: `GeneratorExit` thrown in; a generator that
    /// yields again is a `RuntimeError`.
    pub fn gen_close(&self, gen_obj: &Obj<P>) -> PyResult<(), P> {
        let gen = gen_obj.downcast::<Generator<P>>().expect("generator");
        if gen.finished.load(Ordering::Relaxed) {
            return Ok(());
        }
        let started = gen.frame.update(|f| f.as_ref().map(|f| f.pc > 0));
        if started == Some(false) {
            gen.finished.store(true, Ordering::Relaxed);
            drop(gen.frame.take());
            return Ok(());
        }
        let exit =
            PyErr(self.make_exception(self.exc_class(ExcType::GeneratorExit).clone(), vec![]));
        match self.gen_resume_with(gen_obj, Resume::Throw(exit)) {
            Ok(Ok(_)) => {
                Err(self.new_error(ExcType::RuntimeError, "generator ignored GeneratorExit"))
            }
            Ok(Err(_)) => Ok(()),
            Err(e)
                if self.err_matches(&e, ExcType::GeneratorExit)
                    || self.err_matches(&e, ExcType::StopIteration) =>
            {
                Ok(())
            }
            Err(e) => Err(e),
        }
    }
}

/// How a generator is resumed.
pub enum Resume<P: HeapPolicy> {
    /// `next(gen)`
    Next,
    /// `gen.send(value)`
    Send(Obj<P>),
    /// `gen.throw(exc)`
    Throw(PyErr<P>),
}

/// Whether a call of `code` with `n` positional arguments and no keywords
/// binds them one to one to its first `n` fast locals: the exact count, no
/// `*args`/`**kw` and no keyword-only parameters (defaults then never
/// apply). The common case, which skips the general binding.
#[inline(always)]
pub(crate) fn binds_positionally<P: HeapPolicy>(code: &Code<P>, n: usize) -> bool {
    code.argcount as usize == n
        && code.kwonlyargcount == 0
        && code.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0
}

/// `[this, *args]`: the argument vector of a call with a receiver.
pub(crate) fn with_receiver<P: HeapPolicy>(this: &Obj<P>, args: &[Obj<P>]) -> Vec<Obj<P>> {
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(this.clone());
    full.extend_from_slice(args);
    full
}

/// CPython's list of names in arity errors: `'a'`, `'a' and 'b'`,
/// `'a', 'b', and 'c'`.
fn name_list(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}
