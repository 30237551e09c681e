//! The built-ins that see the running frame's namespaces or run code in
//! one: `globals`, `locals`, `vars`, `dir`, `compile`, `eval` and `exec`
//! (after CPython 3.11's `Python/bltinmodule.c`).
//!
//! The caller's frame is the innermost link of the thread's frame chain
//! ([`crate::interpreter::frames`]): a built-in function runs no frame of
//! its own. A function's `locals()` is a new dict of its fast locals and
//! cells (CPython 3.11 returns a dict it refreshes; writing to it does not
//! change the variables, in either). `compile` supports the `exec` and
//! `eval` modes; `single` runs as `exec` (it does not echo values).

use ftl_object::{HeapPolicy, Kind, ObjRef};

use crate::compiler::Code;
use crate::interpreter::state::{ExcType, Kw, PyResult, Vm};
use crate::objects::*;

use super::args::R;

/// The namespace built-ins, for `builtins`.
pub fn all<P: HeapPolicy>() -> &'static [(&'static str, crate::interpreter::state::BuiltinFn<P>)] {
    &[
        ("globals", globals::<P>),
        ("locals", locals::<P>),
        ("vars", vars::<P>),
        ("dir", dir::<P>),
        ("compile", compile::<P>),
        ("eval", eval::<P>),
        ("exec", exec::<P>),
    ]
}

fn globals<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("globals", kw)?;
    vm.check_args("globals", args, 0, 0)?;
    vm.caller_globals()
        .ok_or_else(|| vm.new_error(ExcType::SystemError, "globals(): no current frame"))
}

fn locals<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("locals", kw)?;
    vm.check_args("locals", args, 0, 0)?;
    vm.caller_locals()
}

fn vars<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("vars", kw)?;
    vm.check_args("vars", args, 0, 1)?;
    match args.first() {
        None => vm.caller_locals(),
        Some(o) => match vm.getattr_opt(o, &vm.intern("__dict__"))? {
            Some(d) => Ok(d),
            None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
        },
    }
}

fn dir<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("dir", kw)?;
    vm.check_args("dir", args, 0, 1)?;
    let names = match args.first() {
        None => {
            let l = vm.caller_locals()?;
            vm.collect(&l)?
        }
        Some(o) => vm.dir_of(o)?,
    };
    let mut names = names;
    names.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
    let list = ObjRef::from_list_vec(names);
    Ok(list)
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False,
/// optimize=-1)`
fn compile<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let get = |i: usize, name: &str| args.get(i).or_else(|| kw.get(name));
    let (Some(source), Some(filename), Some(mode)) =
        (get(0, "source"), get(1, "filename"), get(2, "mode"))
    else {
        return Err(vm.type_error("compile() missing required argument 'source' (pos 1)"));
    };
    let Some(filename) = filename.as_str() else {
        return Err(vm.type_error(format!(
            "compile() argument 'filename' must be str, not {}",
            vm.type_name(filename)
        )));
    };
    let mode = match mode.as_str() {
        Some(m @ ("exec" | "eval" | "single")) => m,
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    if source.is::<Code<P>>() {
        return Ok(source.clone());
    }
    let text = source_text(vm, source, "compile")?;
    vm.compile_text(&text, filename, mode == "eval")
}

/// `eval(source, globals=None, locals=None)`
fn eval<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("eval", kw)?;
    vm.check_args("eval", args, 1, 3)?;
    let (globals, locals) = namespaces(vm, "eval", args.get(1), args.get(2))?;
    let code = if args[0].is::<Code<P>>() {
        args[0].clone()
    } else {
        if !matches!(args[0].kind(), Kind::Str | Kind::Bytes | Kind::ByteArray) {
            return Err(vm.type_error("eval() arg 1 must be a string, bytes or code object"));
        }
        let text = source_text(vm, &args[0], "eval")?;
        // CPython strips leading spaces and tabs of an eval string.
        let text = text.trim_start_matches([' ', '\t']);
        vm.compile_text(text, "<string>", true)?
    };
    vm.run_code(&code, globals, locals)
}

/// `exec(source, globals=None, locals=None, *, closure=None)`
fn exec<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.check_args("exec", args, 1, 3)?;
    let globals_arg = args.get(1).or_else(|| kw.get("globals"));
    let locals_arg = args.get(2).or_else(|| kw.get("locals"));
    let (globals, locals) = namespaces(vm, "exec", globals_arg, locals_arg)?;
    let code = if args[0].is::<Code<P>>() {
        args[0].clone()
    } else {
        if !matches!(args[0].kind(), Kind::Str | Kind::Bytes | Kind::ByteArray) {
            return Err(vm.type_error("exec() arg 1 must be a string, bytes or code object"));
        }
        let text = source_text(vm, &args[0], "exec")?;
        vm.compile_text(&text, "<string>", false)?
    };
    vm.run_code(&code, globals, locals)?;
    Ok(ObjRef::none())
}

/// The text of a source argument (str, or UTF-8 bytes).
fn source_text<P: HeapPolicy>(vm: &Vm<P>, source: &Obj<P>, who: &str) -> PyResult<String, P> {
    if let Some(s) = source.as_str() {
        if s.contains('\0') {
            return Err(vm.new_error(
                ExcType::SyntaxError,
                "source code string cannot contain null bytes",
            ));
        }
        return Ok(s.to_string());
    }
    if let Some(b) = vm.bytes_like(source) {
        return String::from_utf8(b.into_owned())
            .map_err(|_| vm.new_error(ExcType::SyntaxError, "source code is not valid UTF-8"));
    }
    Err(vm.type_error(format!(
        "{who}() arg 1 must be a string, bytes or code object"
    )))
}

/// The globals and locals `eval`/`exec` run with: the given ones, or the
/// caller's.
fn namespaces<P: HeapPolicy>(
    vm: &Vm<P>,
    who: &str,
    globals: Option<&Obj<P>>,
    locals: Option<&Obj<P>>,
) -> PyResult<(Obj<P>, Option<Obj<P>>), P> {
    let globals = globals.filter(|g| !g.is_none());
    let locals = locals.filter(|l| !l.is_none());
    if let Some(l) = locals {
        if l.kind() != Kind::Dict && vm.lookup_type_attr(l, &vm.intern("__getitem__")).is_none() {
            return Err(vm.type_error("locals must be a mapping"));
        }
    }
    let globals = match globals {
        Some(g) => {
            let g = vm.native_of(g).unwrap_or(g);
            if g.kind() != Kind::Dict {
                return Err(vm.type_error(if who == "exec" {
                    format!("exec() globals must be a dict, not {}", vm.type_name(g))
                } else {
                    "globals must be a dict".to_string()
                }));
            }
            let key = vm.interp.names.builtins.clone();
            if vm.dict_get_str(g, &key).is_none() {
                vm.dict_set_str(g, key, vm.interp.builtins.clone());
            }
            g.clone()
        }
        None => {
            let g = vm
                .caller_globals()
                .ok_or_else(|| vm.new_error(ExcType::SystemError, "no current frame"))?;
            if locals.is_none() {
                let l = vm.caller_locals()?;
                let l = (!l.is_same(&g)).then_some(l);
                return Ok((g, l));
            }
            g
        }
    };
    Ok((globals, locals.cloned()))
}

impl<P: HeapPolicy> Vm<P> {
    /// The caller's local namespace: a class body's or module's namespace
    /// itself, or a new dict of a function's variables.
    pub fn caller_locals(&self) -> PyResult<Obj<P>, P> {
        let Some(f) = self.frames.get(0) else {
            return Err(self.new_error(ExcType::SystemError, "locals(): no current frame"));
        };
        Ok(self.frame_locals(&f))
    }

    /// A running frame's locals: its namespace (module, class body,
    /// `exec`), or for a function a new dict of its bound fast locals and
    /// cells (CPython's `f_locals` snapshot).
    pub fn frame_locals(&self, f: &crate::interpreter::frames::FrameView<'_, P>) -> Obj<P> {
        if let Some(l) = f.locals() {
            return l;
        }
        let code_obj = f.code();
        let code = code_obj.downcast::<Code<P>>().expect("code");
        if code.flags & crate::compiler::bytecode::flags::MODULE != 0 {
            return f.globals();
        }
        let d = ObjRef::new_dict();
        for (name, value) in code.varnames.iter().zip(f.fast()) {
            if let Some(v) = value {
                self.dict_set_str(&d, name.clone(), v);
            }
        }
        let cell_names = code.cellvars.iter().chain(code.freevars.iter());
        for (name, cell) in cell_names.zip(f.cells()) {
            if let Some(v) = cell.downcast::<Cell<P>>().and_then(|c| c.value.get()) {
                self.dict_set_str(&d, name.clone(), v);
            }
        }
        d
    }

    /// Compiles source text (a module, or one expression for `eval`) into
    /// a code object; a syntax error is raised as `SyntaxError`.
    pub fn compile_text(&self, text: &str, filename: &str, expression: bool) -> R<P> {
        let syntax = |e| crate::runtime::syntax_error(self, e);
        let tree = ftl_syntax::lower::parse(text, filename).map_err(syntax)?;
        let code = if expression {
            crate::compiler::compile::compile_expression(
                &tree,
                filename,
                text,
                &mut crate::runtime::VmConsts(self),
            )
        } else {
            crate::compiler::compile::compile_for_exec(
                &tree,
                filename,
                text,
                &mut crate::runtime::VmConsts(self),
            )
        };
        code.map_err(syntax)
    }

    /// Runs a code object with `globals` and, when given, a separate local
    /// namespace; returns what the code returns.
    pub fn run_code(&self, code: &Obj<P>, globals: Obj<P>, locals: Option<Obj<P>>) -> R<P> {
        use crate::interpreter::eval::FrameExit;
        use crate::interpreter::frame::Frame;
        let c = code.downcast::<Code<P>>().expect("code");
        if !c.freevars.is_empty() {
            return Err(
                self.type_error("code object passed to exec() may not contain free variables")
            );
        }
        let mut frame = Frame {
            code: code.clone(),
            globals,
            locals,
            fast: vec![None; c.nlocals()],
            cells: (0..c.cellvars.len())
                .map(|_| ObjRef::new(Cell::<P>::default()))
                .collect(),
            stack: self.stack_pool.take(16),
            blocks: Vec::new(),
            handled: Vec::new(),
            pc: 0,
        };
        let r = self.run_nested(code, &mut frame);
        self.stack_pool.give(core::mem::take(&mut frame.stack));
        match r? {
            FrameExit::Return(v) => Ok(v),
            FrameExit::Yield(_) => Ok(ObjRef::none()),
        }
    }

    /// The names `dir(o)` lists (unsorted): `__dir__` when the type defines
    /// one, else the instance dict's keys and the attributes of its class
    /// and the class's bases (for a class: its own and its bases'; for a
    /// module: its namespace).
    pub fn dir_of(&self, o: &Obj<P>) -> PyResult<Vec<Obj<P>>, P> {
        if let Some(r) = self.call_dunder(o, "__dir__", &[])? {
            return self.collect(&r);
        }
        let mut names: Vec<Obj<P>> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut add = |d: &Obj<P>, names: &mut Vec<Obj<P>>| {
            if let Some(dict) = d.as_dict() {
                for k in dict.keys() {
                    if let Some(s) = k.as_str() {
                        if seen.insert(s.to_string()) {
                            names.push(k.clone());
                        }
                    }
                }
            }
        };
        if let Some(m) = o.downcast::<Module<P>>() {
            add(&m.dict, &mut names);
            return Ok(names);
        }
        let class_chain = |cls: &Obj<P>| {
            let c = self.class(cls);
            let mut v = vec![cls.clone()];
            v.extend(c.mro.iter().cloned());
            v
        };
        if o.is::<Class<P>>() {
            for c in class_chain(o) {
                add(&self.class(&c).dict, &mut names);
            }
            return Ok(names);
        }
        if let Some(inst) = o.downcast::<Instance<P>>() {
            add(&inst.dict, &mut names);
        }
        let t = self.type_of(o);
        for c in class_chain(&t) {
            add(&self.class(&c).dict, &mut names);
        }
        Ok(names)
    }
}
