//! The compiler: syntax tree to bytecode.
//!
//! One `Unit` per code object being built (module, function, lambda,
//! comprehension, class body), driven by the scope analysis of
//! [`ftl_syntax::symtable`]. The code shapes follow CPython 3.8–3.10's
//! `Python/compile.c`:
//!
//! * names compile to fast-local, cell, global or namespace operations by
//!   their resolved binding;
//! * `try`/`except` and `with` use a runtime block stack
//!   (`SetupExcept`/`SetupFinally`/`SetupWith`); a `finally` body is
//!   compiled twice, once for the normal path and once as the exception
//!   handler that re-raises;
//! * `return`, `break` and `continue` leave enclosing blocks by emitting
//!   their clean-up inline (pop the block, run the `finally` body, pop a
//!   `for` loop's iterator, leave an `except` handler, call a context
//!   manager's `__exit__`), tracked by a compile-time block stack;
//! * comprehensions are functions called at once with the outermost
//!   iterator; generator expressions are generator functions;
//! * a class statement is a call `__build_class__(body, name, *bases,
//!   **keywords)` (`LoadBuildClass` pushes the builtin); the class body is a
//!   function run in the namespace that call prepares; zero-argument `super()` compiles to
//!   `super(__class__, <first parameter>)`.
//!
//! Errors CPython's compiler reports (`'return' outside function`,
//! `'break' outside loop`, ...) are reported here as [`SyntaxError`]s with
//! the statement's position.

use std::collections::HashMap;

use ftl_object::{HeapPolicy, ObjRef};

use crate::compiler::bytecode::{flags, Code, Instr, Op};
use ftl_syntax::ast::*;
use ftl_syntax::symtable::{Binding, ScopeKind, SymbolTable};

/// What the compiler needs from the interpreter to make constants.
pub trait ConstMaker<P: HeapPolicy> {
    /// The interned string object for `s`.
    fn intern(&mut self, s: &str) -> ObjRef<P>;
    /// The `Ellipsis` singleton.
    fn ellipsis(&mut self) -> ObjRef<P>;
}

/// Compiles a parsed module into its code object.
pub fn compile_module<P: HeapPolicy>(
    module: &Module,
    filename: &str,
    source: &str,
    consts: &mut dyn ConstMaker<P>,
) -> Result<ObjRef<P>, SyntaxError> {
    compile_module_with(module, filename, source, consts, false)
}

/// Compiles a parsed module for `exec` (module-level names through the
/// frame's namespace, which may be apart from its globals).
pub fn compile_for_exec<P: HeapPolicy>(
    module: &Module,
    filename: &str,
    source: &str,
    consts: &mut dyn ConstMaker<P>,
) -> Result<ObjRef<P>, SyntaxError> {
    compile_module_with(module, filename, source, consts, true)
}

fn compile_module_with<P: HeapPolicy>(
    module: &Module,
    filename: &str,
    source: &str,
    consts: &mut dyn ConstMaker<P>,
    names_at_module: bool,
) -> Result<ObjRef<P>, SyntaxError> {
    let table = SymbolTable::build(module).map_err(|e| error_at(filename, source, e.loc, e.msg))?;
    let filename_obj = consts.intern(filename);
    let mut c = Compiler {
        table: &table,
        filename,
        filename_obj,
        source,
        units: Vec::new(),
        consts,
        names_at_module,
    };
    c.push_unit(0, "<module>".into(), 1, None);
    c.unit().flags |= flags::MODULE;
    let body = c.body_prologue(&module.body)?;
    c.stmts(body)?;
    c.load_const_none();
    c.emit(Op::ReturnValue, 0);
    let code = c.finish_unit();
    // Module code runs once: an ordinary object (see `deferred_code`).
    Ok(ObjRef::new(code))
}

/// Compiles a parsed module that is a single expression into a code object
/// that returns its value (`eval`'s mode, CPython's `Py_eval_input`).
/// Anything else is CPython's `invalid syntax`.
pub fn compile_expression<P: HeapPolicy>(
    module: &Module,
    filename: &str,
    source: &str,
    consts: &mut dyn ConstMaker<P>,
) -> Result<ObjRef<P>, SyntaxError> {
    let expr = match module.body.as_slice() {
        [Stmt {
            kind: StmtKind::Expr(e),
            ..
        }] => e,
        [] => {
            return Err(error_at(
                filename,
                source,
                Loc::default(),
                "invalid syntax".into(),
            ))
        }
        [first, ..] => {
            return Err(error_at(
                filename,
                source,
                first.loc,
                "invalid syntax".into(),
            ))
        }
    };
    let table = SymbolTable::build(module).map_err(|e| error_at(filename, source, e.loc, e.msg))?;
    let filename_obj = consts.intern(filename);
    let mut c = Compiler {
        table: &table,
        filename,
        filename_obj,
        source,
        units: Vec::new(),
        consts,
        names_at_module: true,
    };
    c.push_unit(0, "<module>".into(), 1, None);
    c.unit().flags |= flags::MODULE;
    c.expr(expr)?;
    c.emit(Op::ReturnValue, 0);
    let code = c.finish_unit();
    Ok(ObjRef::new(code))
}

/// The docstring of a body: its first statement, when that is a string
/// literal.
fn docstring(body: &[Stmt]) -> Option<&str> {
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr(Expr {
            kind: ExprKind::Str(s),
            ..
        })) => Some(s),
        _ => None,
    }
}

/// Whether a module or class body annotates a name: an annotated
/// assignment anywhere in it but inside nested functions and classes
/// (CPython's `find_ann`).
fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For { body, orelse, .. } | StmtKind::While { body, orelse, .. } => {
            has_annotations(body) || has_annotations(orelse)
        }
        StmtKind::If { body, orelse, .. } => has_annotations(body) || has_annotations(orelse),
        StmtKind::With { body, .. } => has_annotations(body),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            has_annotations(body)
                || handlers.iter().any(|h| has_annotations(&h.body))
                || has_annotations(orelse)
                || has_annotations(finalbody)
        }
        _ => false,
    })
}

fn error_at(filename: &str, source: &str, loc: Loc, msg: String) -> SyntaxError {
    let text = source
        .lines()
        .nth(loc.line.saturating_sub(1) as usize)
        .map(|s| s.to_string());
    let col = if loc.line == 0 { 0 } else { loc.col + 1 };
    let end_col = if loc.end_line == loc.line && loc.end_col > loc.col {
        loc.end_col + 1
    } else {
        col
    };
    SyntaxError {
        kind: SyntaxErrorKind::Syntax,
        msg,
        filename: filename.to_string(),
        line: loc.line.max(1),
        col,
        end_col,
        text,
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Label(u32);

/// A compile-time block: what `return`/`break`/`continue` must clean up.
enum FBlock<'a> {
    /// A loop. `for_loop`: its iterator is on the stack.
    Loop {
        continue_to: Label,
        break_to: Label,
        for_loop: bool,
    },
    /// Inside `try:` of a try/except (a `SetupExcept` block is active).
    TryExcept,
    /// Inside `try:` of a try/finally (a `SetupFinally` block is active).
    TryFinally { body: &'a [Stmt] },
    /// Inside an except handler or an exception-path finally body: the
    /// exception is on the stack and a handler block is active.
    Handler { name: Option<&'a str> },
    /// Inside a `with` body: `exit` is on the stack, a block is active.
    With,
    /// Inside a `finally` body run inline by a `return`: the return value
    /// waits on the stack (CPython's `POP_VALUE` fblock), and a `break`,
    /// `continue` or `return` in the body must drop it.
    PopValue,
}

struct Unit<P: HeapPolicy> {
    scope: usize,
    name: String,
    qualname: String,
    instrs: Vec<Instr>,
    lines: Vec<u32>,
    labels: Vec<Option<u32>>,
    consts: Vec<ObjRef<P>>,
    const_index: HashMap<String, u32>,
    names: Vec<ObjRef<P>>,
    name_index: HashMap<String, u32>,
    varnames: Vec<String>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    line: u32,
    firstlineno: u32,
    flags: u32,
    argcount: u32,
    posonly: u32,
    kwonly: u32,
}

struct Compiler<'a, 'c, P: HeapPolicy> {
    table: &'a SymbolTable,
    filename: &'a str,
    filename_obj: ObjRef<P>,
    source: &'a str,
    units: Vec<(Unit<P>, Vec<FBlock<'a>>)>,
    consts: &'c mut dyn ConstMaker<P>,
    /// Module-level names go through the frame's namespace (`LoadName`,
    /// CPython's rule) rather than straight to the globals: code for
    /// `exec`/`eval`, which may run with locals apart from its globals.
    names_at_module: bool,
}

type CResult = Result<(), SyntaxError>;

fn is_jump(op: Op) -> bool {
    matches!(
        op,
        Op::Jump
            | Op::PopJumpIfFalse
            | Op::PopJumpIfTrue
            | Op::JumpIfFalseOrPop
            | Op::JumpIfTrueOrPop
            | Op::ForIter
            | Op::SetupExcept
            | Op::SetupFinally
            | Op::SetupWith
    )
}

/// A function's code object, deferred where the heap can (3.14t counts
/// code objects per thread: every call of the function takes a reference
/// to its code). A class body's code runs once and stays ordinary, so that
/// it dies with the class body's function, by refcounting, as the module's
/// code does.
fn deferred_code<P: HeapPolicy>(code: Code<P>) -> ObjRef<P> {
    if code.flags & flags::CLASS_BODY != 0 {
        ObjRef::new(code)
    } else {
        ObjRef::new_deferred(code)
    }
}

impl<'a, P: HeapPolicy> Compiler<'a, '_, P> {
    fn unit(&mut self) -> &mut Unit<P> {
        &mut self.units.last_mut().expect("unit").0
    }

    fn fblocks(&mut self) -> &mut Vec<FBlock<'a>> {
        &mut self.units.last_mut().expect("unit").1
    }

    fn err(&self, loc: Loc, msg: impl Into<String>) -> SyntaxError {
        error_at(self.filename, self.source, loc, msg.into())
    }

    fn scope(&self) -> &'a ftl_syntax::symtable::Scope {
        let id = self.units.last().expect("unit").0.scope;
        &self.table.scopes[id]
    }

    fn push_unit(&mut self, scope: usize, qualname: String, line: u32, params: Option<&Params>) {
        let s = &self.table.scopes[scope];
        let varnames = s.varnames();
        let mut flags_ = 0;
        let (mut argcount, mut posonly, mut kwonly) = (0, 0, 0);
        if let Some(p) = params {
            argcount = (p.posonly.len() + p.args.len()) as u32;
            posonly = p.posonly.len() as u32;
            kwonly = p.kwonly.len() as u32;
            if p.vararg.is_some() {
                flags_ |= flags::VARARGS;
            }
            if p.kwarg.is_some() {
                flags_ |= flags::VARKEYWORDS;
            }
        }
        if s.kind == ScopeKind::Comprehension {
            argcount = 1;
        }
        if s.is_generator {
            flags_ |= flags::GENERATOR;
        }
        if s.kind == ScopeKind::Class {
            flags_ |= flags::CLASS_BODY;
        }
        let unit = Unit {
            scope,
            name: s.name.clone(),
            qualname,
            instrs: Vec::new(),
            lines: Vec::new(),
            labels: Vec::new(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames,
            cellvars: s.cellvars.clone(),
            freevars: s.freevars.clone(),
            line,
            firstlineno: line,
            flags: flags_,
            argcount,
            posonly,
            kwonly,
        };
        self.units.push((unit, Vec::new()));
    }

    fn finish_unit(&mut self) -> Code<P> {
        let (u, _) = self.units.pop().expect("unit");
        let mut instrs = u.instrs;
        for ins in instrs.iter_mut() {
            if is_jump(ins.op) {
                ins.arg = u.labels[ins.arg as usize].expect("label bound");
            }
        }
        let mut intern = |s: &String| self.consts.intern(s);
        let varnames: Vec<ObjRef<P>> = u.varnames.iter().map(&mut intern).collect();
        let cellvars: Vec<ObjRef<P>> = u.cellvars.iter().map(&mut intern).collect();
        let freevars: Vec<ObjRef<P>> = u.freevars.iter().map(&mut intern).collect();
        let cell_params = u
            .cellvars
            .iter()
            .map(|c| {
                let nparams = (u.argcount + u.kwonly) as usize
                    + usize::from(u.flags & flags::VARARGS != 0)
                    + usize::from(u.flags & flags::VARKEYWORDS != 0);
                u.varnames[..nparams.min(u.varnames.len())]
                    .iter()
                    .position(|v| v == c)
                    .map(|i| i as u32)
            })
            .collect();
        let ninstrs = instrs.len();
        Code {
            instrs,
            lines: u.lines,
            consts: u.consts,
            names: u.names,
            varnames,
            cellvars,
            freevars,
            cell_params,
            argcount: u.argcount,
            posonlyargcount: u.posonly,
            kwonlyargcount: u.kwonly,
            flags: u.flags,
            name: u.name,
            qualname: u.qualname,
            filename: self.filename_obj.clone(),
            firstlineno: u.firstlineno,
            hints: (0..ninstrs)
                .map(|_| core::sync::atomic::AtomicU32::new(crate::compiler::bytecode::NO_HINT))
                .collect(),
        }
    }

    // ---- emission -------------------------------------------------------

    fn emit(&mut self, op: Op, arg: u32) {
        let u = self.unit();
        let line = u.line;
        u.instrs.push(Instr::new(op, arg));
        u.lines.push(line);
    }

    fn new_label(&mut self) -> Label {
        let u = self.unit();
        u.labels.push(None);
        Label(u.labels.len() as u32 - 1)
    }

    fn bind(&mut self, l: Label) {
        let u = self.unit();
        u.labels[l.0 as usize] = Some(u.instrs.len() as u32);
    }

    fn jump(&mut self, op: Op, l: Label) {
        self.emit(op, l.0);
    }

    fn set_line(&mut self, loc: Loc) {
        if loc.line > 0 {
            self.unit().line = loc.line;
        }
    }

    fn add_const(&mut self, key: String, make: impl FnOnce(&mut Self) -> ObjRef<P>) -> u32 {
        if let Some(&i) = self.unit().const_index.get(&key) {
            return i;
        }
        let obj = make(self);
        let u = self.unit();
        let i = u.consts.len() as u32;
        u.consts.push(obj);
        u.const_index.insert(key, i);
        i
    }

    fn load_const_none(&mut self) {
        let i = self.add_const("n".into(), |_| ObjRef::none());
        self.emit(Op::LoadConst, i);
    }

    fn load_const_str(&mut self, s: &str) {
        let i = self.add_const(format!("s{s}"), |c| c.consts.intern(s));
        self.emit(Op::LoadConst, i);
    }

    fn const_obj(&mut self, obj: ObjRef<P>) -> u32 {
        // Objects without a value key (code objects, tuples of names) are
        // never shared.
        let u = self.unit();
        let i = u.consts.len() as u32;
        u.consts.push(obj);
        i
    }

    fn name_index(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.unit().name_index.get(name) {
            return i;
        }
        let obj = self.consts.intern(name);
        let u = self.unit();
        let i = u.names.len() as u32;
        u.names.push(obj);
        u.name_index.insert(name.to_string(), i);
        i
    }

    fn var_index(&self, name: &str) -> u32 {
        let u = &self.units.last().expect("unit").0;
        u.varnames
            .iter()
            .position(|v| v == name)
            .expect("local in varnames") as u32
    }

    fn cell_index(&self, name: &str) -> Option<u32> {
        let u = &self.units.last().expect("unit").0;
        if let Some(i) = u.cellvars.iter().position(|v| v == name) {
            return Some(i as u32);
        }
        u.freevars
            .iter()
            .position(|v| v == name)
            .map(|i| (u.cellvars.len() + i) as u32)
    }

    // ---- names ----------------------------------------------------------

    /// The names-table index of an attribute name, mangled if private.
    fn attr_index(&mut self, attr: &str) -> u32 {
        let name = self.mangle(attr);
        self.name_index(&name)
    }

    /// `name` as this scope sees it: `_C__x` for `__x` inside class `C`.
    fn mangle(&self, name: &str) -> String {
        ftl_syntax::symtable::mangle(self.scope().private.as_deref(), name)
    }

    fn name_op(&mut self, name: &str, ctx: Ctx, loc: Loc) -> CResult {
        let mangled = self.mangle(name);
        let name = mangled.as_str();
        let scope = self.scope();
        let binding = scope.binding(name);
        let kind = scope.kind;
        match (kind, binding) {
            (ScopeKind::Module, b) if self.names_at_module && b != Binding::GlobalExplicit => {
                let i = self.name_index(name);
                self.emit(ctx.pick(Op::LoadName, Op::StoreName, Op::DeleteName), i);
            }
            (ScopeKind::Module, _) | (_, Binding::GlobalExplicit) => {
                let i = self.name_index(name);
                self.emit(
                    ctx.pick(Op::LoadGlobal, Op::StoreGlobal, Op::DeleteGlobal),
                    i,
                );
            }
            (ScopeKind::Class, Binding::Free) => {
                let cell = self
                    .cell_index(name)
                    .ok_or_else(|| self.err(loc, "internal: missing cell"))?;
                let i = self.name_index(name);
                match ctx {
                    Ctx::Load => self.emit(Op::LoadClassDeref, i | (cell << 16)),
                    Ctx::Store => self.emit(Op::StoreDeref, cell),
                    Ctx::Del => self.emit(Op::DeleteDeref, cell),
                }
            }
            (ScopeKind::Class, _) => {
                let i = self.name_index(name);
                self.emit(ctx.pick(Op::LoadName, Op::StoreName, Op::DeleteName), i);
            }
            (_, Binding::Local) => {
                let i = self.var_index(name);
                self.emit(ctx.pick(Op::LoadFast, Op::StoreFast, Op::DeleteFast), i);
            }
            (_, Binding::Cell) | (_, Binding::Free) => {
                let cell = self
                    .cell_index(name)
                    .ok_or_else(|| self.err(loc, "internal: missing cell"))?;
                self.emit(
                    ctx.pick(Op::LoadDeref, Op::StoreDeref, Op::DeleteDeref),
                    cell,
                );
            }
            (_, Binding::GlobalImplicit) => {
                let i = self.name_index(name);
                self.emit(
                    ctx.pick(Op::LoadGlobal, Op::StoreGlobal, Op::DeleteGlobal),
                    i,
                );
            }
        }
        Ok(())
    }

    // ---- statements -----------------------------------------------------

    fn stmts(&mut self, body: &'a [Stmt]) -> CResult {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn in_function(&self) -> bool {
        matches!(
            self.scope().kind,
            ScopeKind::Function | ScopeKind::Comprehension
        )
    }

    fn stmt(&mut self, s: &'a Stmt) -> CResult {
        self.set_line(s.loc);
        match &s.kind {
            StmtKind::FunctionDef(f) => self.function_def(s, f),
            StmtKind::ClassDef(c) => self.class_def(s, c),
            StmtKind::Return(v) => {
                if !self.in_function() {
                    return Err(self.err(s.loc, "'return' outside function"));
                }
                match v {
                    Some(v) => {
                        self.expr(v)?;
                        self.unwind_all(true)?;
                    }
                    None => {
                        self.unwind_all(false)?;
                        self.load_const_none();
                    }
                }
                self.emit(Op::ReturnValue, 0);
                Ok(())
            }
            StmtKind::Delete(targets) => targets.iter().try_for_each(|t| self.delete(t)),
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Op::DupTop, 0);
                    }
                    self.store(t)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value),
            StmtKind::AnnAssign {
                target,
                annotation,
                simple,
                value,
            } => self.ann_assign(target, annotation, *simple, value.as_ref()),
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                let (top, cleanup, end) = (self.new_label(), self.new_label(), self.new_label());
                self.expr(iter)?;
                self.emit(Op::GetIter, 0);
                self.bind(top);
                self.jump(Op::ForIter, cleanup);
                self.store(target)?;
                self.fblocks().push(FBlock::Loop {
                    continue_to: top,
                    break_to: end,
                    for_loop: true,
                });
                self.stmts(body)?;
                self.fblocks().pop();
                self.jump(Op::Jump, top);
                self.bind(cleanup);
                self.stmts(orelse)?;
                self.bind(end);
                Ok(())
            }
            StmtKind::While { test, body, orelse } => {
                let (top, orelse_l, end) = (self.new_label(), self.new_label(), self.new_label());
                self.bind(top);
                self.jump_if(test, false, orelse_l)?;
                self.fblocks().push(FBlock::Loop {
                    continue_to: top,
                    break_to: end,
                    for_loop: false,
                });
                self.stmts(body)?;
                self.fblocks().pop();
                self.jump(Op::Jump, top);
                self.bind(orelse_l);
                self.stmts(orelse)?;
                self.bind(end);
                Ok(())
            }
            StmtKind::If { test, body, orelse } => {
                let (else_l, end) = (self.new_label(), self.new_label());
                self.jump_if(test, false, else_l)?;
                self.stmts(body)?;
                if !orelse.is_empty() {
                    self.jump(Op::Jump, end);
                }
                self.bind(else_l);
                self.stmts(orelse)?;
                self.bind(end);
                Ok(())
            }
            StmtKind::With { items, body } => self.with(items, body, s.loc),
            StmtKind::Raise { exc, cause } => {
                match (exc, cause) {
                    (None, _) => self.emit(Op::Raise, 0),
                    (Some(e), None) => {
                        self.expr(e)?;
                        self.emit(Op::Raise, 1);
                    }
                    (Some(e), Some(c)) => {
                        self.expr(e)?;
                        self.expr(c)?;
                        self.emit(Op::Raise, 2);
                    }
                }
                Ok(())
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse)
                } else {
                    self.try_finally(body, handlers, orelse, finalbody)
                }
            }
            StmtKind::Assert { test, msg } => {
                let ok = self.new_label();
                self.jump_if(test, true, ok)?;
                self.emit(Op::LoadAssertionError, 0);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit(Op::Call, 1);
                }
                self.emit(Op::Raise, 1);
                self.bind(ok);
                Ok(())
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let i = self.name_index(&a.name);
                    self.emit(Op::ImportName, i);
                    match &a.asname {
                        Some(asname) => self.name_op(asname, Ctx::Store, s.loc)?,
                        None => {
                            let top = a.name.split('.').next().unwrap_or(&a.name).to_string();
                            if top != a.name {
                                self.emit(Op::PopTop, 0);
                                let t = self.name_index(&top);
                                self.emit(Op::ImportName, t);
                            }
                            self.name_op(&top, Ctx::Store, s.loc)?;
                        }
                    }
                }
                Ok(())
            }
            StmtKind::ImportFrom { module, names } => {
                let i = self.name_index(module);
                self.emit(Op::ImportName, i);
                if names.len() == 1 && names[0].name == "*" {
                    self.emit(Op::ImportStar, 0);
                    return Ok(());
                }
                for a in names {
                    let n = self.name_index(&a.name);
                    self.emit(Op::ImportFrom, n);
                    self.name_op(a.asname.as_ref().unwrap_or(&a.name), Ctx::Store, s.loc)?;
                }
                self.emit(Op::PopTop, 0);
                Ok(())
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) | StmtKind::Pass => Ok(()),
            StmtKind::Expr(e) => {
                if matches!(
                    e.kind,
                    ExprKind::Str(_) | ExprKind::Int(_) | ExprKind::None | ExprKind::Ellipsis
                ) {
                    return Ok(()); // docstrings and constants: no effect
                }
                self.expr(e)?;
                self.emit(Op::PopTop, 0);
                Ok(())
            }
            StmtKind::Break => self.break_continue(s.loc, true),
            StmtKind::Continue => self.break_continue(s.loc, false),
        }
    }

    fn break_continue(&mut self, loc: Loc, is_break: bool) -> CResult {
        // Find the innermost loop, unwinding the blocks inside it.
        let n = self.fblocks().len();
        let mut i = n;
        while i > 0 {
            i -= 1;
            if let FBlock::Loop {
                continue_to,
                break_to,
                for_loop,
            } = self.fblocks()[i]
            {
                // Unwind blocks above the loop.
                let saved: Vec<FBlock<'a>> = self.fblocks().drain(i + 1..).collect();
                let result = self.unwind_blocks(&saved, false);
                self.fblocks().extend(saved);
                result?;
                if is_break {
                    if for_loop {
                        self.emit(Op::PopTop, 0);
                    }
                    self.jump(Op::Jump, break_to);
                } else {
                    self.jump(Op::Jump, continue_to);
                }
                return Ok(());
            }
        }
        Err(self.err(
            loc,
            if is_break {
                "'break' outside loop"
            } else {
                "'continue' not properly in loop"
            },
        ))
    }

    /// Emits the clean-up of every block, innermost first (for `return`).
    fn unwind_all(&mut self, preserve_tos: bool) -> CResult {
        let blocks: Vec<FBlock<'a>> = core::mem::take(self.fblocks());
        let result = self.unwind_blocks(&blocks, preserve_tos);
        *self.fblocks() = blocks;
        result
    }

    /// Emits clean-up for `blocks` (outermost first in the slice), innermost
    /// first. While a `finally` body is compiled inline, the blocks outside
    /// it are the active ones.
    fn unwind_blocks(&mut self, blocks: &[FBlock<'a>], preserve_tos: bool) -> CResult {
        for (depth, b) in blocks.iter().enumerate().rev() {
            match b {
                FBlock::Loop { for_loop, .. } => {
                    if *for_loop {
                        if preserve_tos {
                            self.emit(Op::RotTwo, 0);
                        }
                        self.emit(Op::PopTop, 0);
                    }
                }
                FBlock::TryExcept => self.emit(Op::PopBlock, 0),
                FBlock::TryFinally { body } => {
                    self.emit(Op::PopBlock, 0);
                    // The finally body runs with the outer blocks active.
                    // (A return value stays below: the body's stack use
                    // is balanced.)
                    let mut rebuilt: Vec<FBlock<'a>> =
                        self.fblocks().iter().map(FBlock::shallow).collect();
                    rebuilt.extend(blocks[..depth].iter().map(FBlock::shallow));
                    if preserve_tos {
                        rebuilt.push(FBlock::PopValue);
                    }
                    let saved = core::mem::replace(self.fblocks(), rebuilt);
                    let r = self.stmts(body);
                    *self.fblocks() = saved;
                    r?;
                }
                FBlock::Handler { name } => {
                    if preserve_tos {
                        self.emit(Op::RotTwo, 0);
                    }
                    self.emit(Op::PopExcept, 0);
                    if let Some(n) = name {
                        self.clear_name(n)?;
                    }
                }
                FBlock::With => {
                    self.emit(Op::PopBlock, 0);
                    if preserve_tos {
                        self.emit(Op::RotTwo, 0);
                    }
                    self.emit(Op::WithExit, 0);
                }
                FBlock::PopValue => {
                    if preserve_tos {
                        self.emit(Op::RotTwo, 0);
                    }
                    self.emit(Op::PopTop, 0);
                }
            }
        }
        Ok(())
    }

    fn clear_name(&mut self, name: &str) -> CResult {
        self.load_const_none();
        self.name_op(name, Ctx::Store, Loc::default())?;
        self.name_op(name, Ctx::Del, Loc::default())
    }

    fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> CResult {
        let (handler_l, end) = (self.new_label(), self.new_label());
        self.jump(Op::SetupExcept, handler_l);
        self.fblocks().push(FBlock::TryExcept);
        self.stmts(body)?;
        self.fblocks().pop();
        self.emit(Op::PopBlock, 0);
        self.stmts(orelse)?;
        self.jump(Op::Jump, end);
        self.bind(handler_l);
        // The runtime pushed the exception and a handler block.
        for h in handlers {
            self.set_line(h.loc);
            let next = self.new_label();
            if let Some(t) = &h.typ {
                self.emit(Op::DupTop, 0);
                self.expr(t)?;
                self.emit(Op::CheckExcMatch, 0);
                self.jump(Op::PopJumpIfFalse, next);
            }
            if let Some(n) = &h.name {
                self.emit(Op::DupTop, 0);
                self.name_op(n, Ctx::Store, h.loc)?;
            }
            self.fblocks().push(FBlock::Handler {
                name: h.name.as_deref(),
            });
            self.stmts(&h.body)?;
            self.fblocks().pop();
            self.emit(Op::PopExcept, 0);
            if let Some(n) = &h.name {
                self.clear_name(n)?;
            }
            self.jump(Op::Jump, end);
            self.bind(next);
        }
        self.emit(Op::Reraise, 0);
        self.bind(end);
        Ok(())
    }

    fn try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> CResult {
        let (final_l, end) = (self.new_label(), self.new_label());
        self.jump(Op::SetupFinally, final_l);
        self.fblocks().push(FBlock::TryFinally { body: finalbody });
        if handlers.is_empty() {
            self.stmts(body)?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        self.fblocks().pop();
        self.emit(Op::PopBlock, 0);
        self.stmts(finalbody)?;
        self.jump(Op::Jump, end);
        // Exception path: the exception is on the stack, handled.
        self.bind(final_l);
        self.fblocks().push(FBlock::Handler { name: None });
        self.stmts(finalbody)?;
        self.fblocks().pop();
        self.emit(Op::Reraise, 0);
        self.bind(end);
        Ok(())
    }

    fn with(&mut self, items: &'a [WithItem], body: &'a [Stmt], loc: Loc) -> CResult {
        let Some((first, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        let (exit_l, suppress, end) = (self.new_label(), self.new_label(), self.new_label());
        self.expr(&first.context)?;
        self.set_line(loc);
        self.jump(Op::SetupWith, exit_l);
        match &first.target {
            Some(t) => self.store(t)?,
            None => self.emit(Op::PopTop, 0),
        }
        self.fblocks().push(FBlock::With);
        if rest.is_empty() {
            self.stmts(body)?;
        } else {
            self.with(rest, body, loc)?;
        }
        self.fblocks().pop();
        self.emit(Op::PopBlock, 0);
        self.set_line(loc);
        self.emit(Op::WithExit, 0);
        self.jump(Op::Jump, end);
        self.bind(exit_l);
        self.emit(Op::WithExceptStart, 0);
        self.jump(Op::PopJumpIfTrue, suppress);
        self.emit(Op::Reraise, 0);
        self.bind(suppress);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::PopTop, 0);
        self.bind(end);
        Ok(())
    }

    fn aug_assign(&mut self, target: &'a Expr, op: BinOp, value: &'a Expr) -> CResult {
        let opi = op as u32;
        match &target.kind {
            ExprKind::Name(n) => {
                self.name_op(n, Ctx::Load, target.loc)?;
                self.expr(value)?;
                self.set_line(target.loc);
                self.emit(Op::InplaceOp, opi);
                self.name_op(n, Ctx::Store, target.loc)
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                self.emit(Op::DupTop, 0);
                let i = self.attr_index(attr);
                self.emit(Op::LoadAttr, i);
                self.expr(value)?;
                self.set_line(target.loc);
                self.emit(Op::InplaceOp, opi);
                self.emit(Op::RotTwo, 0);
                self.emit(Op::StoreAttr, i);
                Ok(())
            }
            ExprKind::Subscript { value: obj, index } => {
                self.expr(obj)?;
                self.subscript_index(index)?;
                self.emit(Op::DupTopTwo, 0);
                self.emit(Op::BinarySubscr, 0);
                self.expr(value)?;
                self.set_line(target.loc);
                self.emit(Op::InplaceOp, opi);
                self.emit(Op::RotThree, 0);
                self.emit(Op::StoreSubscr, 0);
                Ok(())
            }
            _ => Err(self.err(
                target.loc,
                "'expression' is an illegal expression for augmented assignment",
            )),
        }
    }

    fn store(&mut self, t: &'a Expr) -> CResult {
        self.set_line(t.loc);
        match &t.kind {
            ExprKind::Name(n) => self.name_op(n, Ctx::Store, t.loc),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.attr_index(attr);
                self.emit(Op::StoreAttr, i);
                Ok(())
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.subscript_index(index)?;
                self.emit(Op::StoreSubscr, 0);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let star = items
                    .iter()
                    .position(|i| matches!(i.kind, ExprKind::Starred(_)));
                match star {
                    None => self.emit(Op::UnpackSequence, items.len() as u32),
                    Some(pos) => {
                        if items
                            .iter()
                            .filter(|i| matches!(i.kind, ExprKind::Starred(_)))
                            .count()
                            > 1
                        {
                            return Err(
                                self.err(t.loc, "multiple starred expressions in assignment")
                            );
                        }
                        let after = items.len() - pos - 1;
                        if pos > 255 || after > 0xffff {
                            return Err(self
                                .err(t.loc, "too many expressions in star-unpacking assignment"));
                        }
                        self.emit(Op::UnpackEx, pos as u32 | ((after as u32) << 8));
                    }
                }
                for item in items {
                    match &item.kind {
                        ExprKind::Starred(inner) => self.store(inner)?,
                        _ => self.store(item)?,
                    }
                }
                Ok(())
            }
            ExprKind::Starred(_) => Err(self.err(
                t.loc,
                "starred assignment target must be in a list or tuple",
            )),
            _ => Err(self.err(t.loc, format!("cannot assign to {}", describe(t)))),
        }
    }

    fn delete(&mut self, t: &'a Expr) -> CResult {
        self.set_line(t.loc);
        match &t.kind {
            ExprKind::Name(n) => self.name_op(n, Ctx::Del, t.loc),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.attr_index(attr);
                self.emit(Op::DeleteAttr, i);
                Ok(())
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.subscript_index(index)?;
                self.emit(Op::DeleteSubscr, 0);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().try_for_each(|i| self.delete(i))
            }
            _ => Err(self.err(t.loc, format!("cannot delete {}", describe(t)))),
        }
    }

    /// `target: annotation [= value]` (CPython 3.11's `compiler_annassign`):
    /// the assignment first; then, at module and class level, a simple
    /// name's annotation goes into `__annotations__` and any other target's
    /// annotation is evaluated and dropped. In a function the annotation is
    /// never evaluated.
    fn ann_assign(
        &mut self,
        target: &'a Expr,
        annotation: &'a Expr,
        simple: bool,
        value: Option<&'a Expr>,
    ) -> CResult {
        if let Some(v) = value {
            self.expr(v)?;
            self.store(target)?;
        }
        let evaluated = self.scope().kind != ScopeKind::Function;
        match &target.kind {
            ExprKind::Name(n) if simple && evaluated => {
                self.expr(annotation)?;
                self.name_op("__annotations__", Ctx::Load, target.loc)?;
                let n = self.mangle(n);
                self.load_const_str(&n);
                self.emit(Op::StoreSubscr, 0);
                return Ok(());
            }
            // With no value, the target's own parts are still evaluated
            // (`a.b: int` needs `a`).
            ExprKind::Attribute { value: obj, .. } if value.is_none() => {
                self.expr(obj)?;
                self.emit(Op::PopTop, 0);
            }
            ExprKind::Subscript { value: obj, index } if value.is_none() => {
                self.expr(obj)?;
                self.emit(Op::PopTop, 0);
                self.expr(index)?;
                self.emit(Op::PopTop, 0);
            }
            _ => {}
        }
        if evaluated && !matches!(annotation.kind, ExprKind::Str(_)) {
            self.expr(annotation)?;
            self.emit(Op::PopTop, 0);
        }
        Ok(())
    }

    /// The start of a module or class body: `SetupAnnotations` when the
    /// body annotates a name anywhere outside nested scopes, and the
    /// docstring stored as `__doc__` (CPython's `compiler_body`). Returns
    /// the statements left to compile.
    fn body_prologue(&mut self, body: &'a [Stmt]) -> Result<&'a [Stmt], SyntaxError> {
        if has_annotations(body) {
            self.emit(Op::SetupAnnotations, 0);
        }
        match docstring(body) {
            Some(doc) => {
                self.set_line(body[0].loc);
                self.load_const_str(doc);
                self.name_op("__doc__", Ctx::Store, body[0].loc)?;
                Ok(&body[1..])
            }
            None => Ok(body),
        }
    }

    fn function_def(&mut self, s: &'a Stmt, f: &'a FunctionDef) -> CResult {
        for d in &f.decorators {
            self.expr(d)?;
        }
        let scope = self
            .table
            .scope_of(s)
            .ok_or_else(|| self.err(s.loc, "internal: no scope"))?;
        let annotations = (f.params.annotations.iter())
            .map(|(n, a)| (n.as_str(), a))
            .chain(f.returns.as_ref().map(|r| ("return", r)));
        self.make_function(scope, &f.name, &f.params, annotations, s.loc, |c| {
            let mut body = f.body.as_slice();
            if let Some(doc) = docstring(body) {
                // The docstring is the first constant (`co_consts[0]`).
                c.add_const(format!("s{doc}"), |c| c.consts.intern(doc));
                c.unit().flags |= flags::DOCSTRING;
                body = &body[1..];
            }
            c.stmts(body)?;
            c.load_const_none();
            c.emit(Op::ReturnValue, 0);
            Ok(())
        })?;
        for _ in &f.decorators {
            self.emit(Op::Call, 1);
        }
        self.name_op(&f.name, Ctx::Store, s.loc)
    }

    fn qualname_for(&self, name: &str) -> String {
        let (u, _) = self.units.last().expect("unit");
        let scope = &self.table.scopes[u.scope];
        match scope.kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{}", u.qualname, name),
            _ => format!("{}.<locals>.{}", u.qualname, name),
        }
    }

    /// Compiles defaults, annotations, the body (via `body`), and emits
    /// `MakeFunction`.
    fn make_function(
        &mut self,
        scope: usize,
        name: &str,
        params: &'a Params,
        annotations: impl Iterator<Item = (&'a str, &'a Expr)>,
        loc: Loc,
        body: impl FnOnce(&mut Self) -> CResult,
    ) -> CResult {
        let mut flags_ = 0;
        let positional: Vec<&Param> = params.posonly.iter().chain(&params.args).collect();
        let defaults: Vec<&Expr> = positional
            .iter()
            .filter_map(|p| p.default.as_ref())
            .collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d)?;
            }
            self.emit(Op::BuildTuple, defaults.len() as u32);
            flags_ |= 1;
        }
        let kwdefaults: Vec<&Param> = params
            .kwonly
            .iter()
            .filter(|p| p.default.is_some())
            .collect();
        if !kwdefaults.is_empty() {
            for p in &kwdefaults {
                let name = self.mangle(&p.name);
                self.load_const_str(&name);
                self.expr(p.default.as_ref().expect("filtered"))?;
            }
            self.emit(Op::BuildMap, kwdefaults.len() as u32);
            flags_ |= 2;
        }
        let mut nannotations = 0;
        for (n, a) in annotations {
            let n = self.mangle(n);
            self.load_const_str(&n);
            self.expr(a)?;
            nannotations += 1;
        }
        if nannotations > 0 {
            self.emit(Op::BuildMap, nannotations);
            flags_ |= 4;
        }
        let qualname = self.qualname_for(name);
        self.push_unit(scope, qualname.clone(), loc.line, Some(params));
        self.unit().line = loc.line;
        let r = body(self);
        if let Err(e) = r {
            self.units.pop();
            return Err(e);
        }
        let code = self.finish_unit();
        self.emit_closure_and_make(code, &qualname, flags_, loc)
    }

    fn emit_closure_and_make(
        &mut self,
        code: Code<P>,
        qualname: &str,
        mut flags_: u32,
        loc: Loc,
    ) -> CResult {
        if !code.freevars.is_empty() {
            let frees: Vec<String> = code
                .freevars
                .iter()
                .map(|n| n.as_str().unwrap_or_default().to_string())
                .collect();
            for n in &frees {
                let cell = self.cell_index(n).ok_or_else(|| {
                    self.err(loc, format!("internal: no cell for free variable '{n}'"))
                })?;
                self.emit(Op::LoadClosure, cell);
            }
            self.emit(Op::BuildTuple, frees.len() as u32);
            flags_ |= 8;
        }
        let ci = self.const_obj(deferred_code(code));
        self.emit(Op::LoadConst, ci);
        self.load_const_str(qualname);
        self.emit(Op::MakeFunction, flags_);
        Ok(())
    }

    fn class_def(&mut self, s: &'a Stmt, c: &'a ClassDef) -> CResult {
        for d in &c.decorators {
            self.expr(d)?;
        }
        let scope = self
            .table
            .scope_of(s)
            .ok_or_else(|| self.err(s.loc, "internal: no scope"))?;
        let qualname = self.qualname_for(&c.name);
        self.push_unit(scope, qualname.clone(), s.loc.line, None);
        self.unit().line = s.loc.line;
        let body = (|| -> CResult {
            let dunder_name = self.name_index("__name__");
            self.emit(Op::LoadGlobal, dunder_name);
            let m = self.name_index("__module__");
            self.emit(Op::StoreName, m);
            self.load_const_str(&qualname);
            let q = self.name_index("__qualname__");
            self.emit(Op::StoreName, q);
            let body = self.body_prologue(&c.body)?;
            self.stmts(body)?;
            if self.table.scopes[scope].needs_class_cell {
                let cell = self.cell_index("__class__").expect("class cell");
                self.emit(Op::LoadClosure, cell);
            } else {
                self.load_const_none();
            }
            self.emit(Op::ReturnValue, 0);
            Ok(())
        })();
        if let Err(e) = body {
            self.units.pop();
            return Err(e);
        }
        let code = self.finish_unit();
        self.set_line(s.loc);
        self.emit(Op::LoadBuildClass, 0);
        self.emit_closure_and_make(code, &qualname, 0, s.loc)?;
        self.load_const_str(&c.name);
        self.call_args(s.loc, 2, &c.bases, &c.keywords)?;
        for _ in &c.decorators {
            self.emit(Op::Call, 1);
        }
        self.name_op(&c.name, Ctx::Store, s.loc)
    }

    // ---- expressions ----------------------------------------------------

    /// Compiles a jump to `target` taken when `e` is `cond`.
    fn jump_if(&mut self, e: &'a Expr, cond: bool, target: Label) -> CResult {
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => self.jump_if(operand, !cond, target),
            ExprKind::BoolOp { op, values } => {
                let is_and = *op == BoolOp::And;
                if is_and == cond {
                    // and/true or or/false: all must satisfy; skip on first
                    // failure.
                    let skip = self.new_label();
                    let (last, init) = values.split_last().expect("two operands");
                    for v in init {
                        self.jump_if(v, !cond, skip)?;
                    }
                    self.jump_if(last, cond, target)?;
                    self.bind(skip);
                } else {
                    for v in values {
                        self.jump_if(v, cond, target)?;
                    }
                }
                Ok(())
            }
            _ => {
                self.expr(e)?;
                self.jump(
                    if cond {
                        Op::PopJumpIfTrue
                    } else {
                        Op::PopJumpIfFalse
                    },
                    target,
                );
                Ok(())
            }
        }
    }

    fn subscript_index(&mut self, index: &'a Expr) -> CResult {
        if let ExprKind::Slice { lower, upper, step } = &index.kind {
            for part in [lower, upper] {
                match part {
                    Some(p) => self.expr(p)?,
                    None => self.load_const_none(),
                }
            }
            match step {
                Some(st) => {
                    self.expr(st)?;
                    self.emit(Op::BuildSlice, 3);
                }
                None => self.emit(Op::BuildSlice, 2),
            }
            Ok(())
        } else {
            self.expr(index)
        }
    }

    fn expr(&mut self, e: &'a Expr) -> CResult {
        self.set_line(e.loc);
        match &e.kind {
            ExprKind::BoolOp { op, values } => {
                let end = self.new_label();
                let (last, init) = values.split_last().expect("two operands");
                for v in init {
                    self.expr(v)?;
                    self.jump(
                        if *op == BoolOp::And {
                            Op::JumpIfFalseOrPop
                        } else {
                            Op::JumpIfTrueOrPop
                        },
                        end,
                    );
                }
                self.expr(last)?;
                self.bind(end);
            }
            ExprKind::Named { target, value } => {
                self.expr(value)?;
                self.emit(Op::DupTop, 0);
                self.name_op(target, Ctx::Store, e.loc)?;
            }
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.set_line(e.loc);
                self.emit(Op::BinaryOp, *op as u32);
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                self.set_line(e.loc);
                self.emit(
                    match op {
                        UnaryOp::Not => Op::UnaryNot,
                        UnaryOp::Neg => Op::UnaryNeg,
                        UnaryOp::Pos => Op::UnaryPos,
                        UnaryOp::Invert => Op::UnaryInvert,
                    },
                    0,
                );
            }
            ExprKind::Lambda { params, body } => {
                let scope = self
                    .table
                    .scope_of(e)
                    .ok_or_else(|| self.err(e.loc, "internal: no scope"))?;
                self.make_function(scope, "<lambda>", params, core::iter::empty(), e.loc, |c| {
                    c.expr(body)?;
                    c.emit(Op::ReturnValue, 0);
                    Ok(())
                })?;
            }
            ExprKind::IfExp { test, body, orelse } => {
                let (else_l, end) = (self.new_label(), self.new_label());
                self.jump_if(test, false, else_l)?;
                self.expr(body)?;
                self.jump(Op::Jump, end);
                self.bind(else_l);
                self.expr(orelse)?;
                self.bind(end);
            }
            ExprKind::Dict(items) => {
                if items.iter().all(|(k, _)| k.is_some()) {
                    for (k, v) in items {
                        self.expr(k.as_ref().expect("checked"))?;
                        self.expr(v)?;
                    }
                    self.emit(Op::BuildMap, items.len() as u32);
                } else {
                    self.emit(Op::BuildMap, 0);
                    for (k, v) in items {
                        match k {
                            Some(k) => {
                                self.expr(k)?;
                                self.expr(v)?;
                                self.emit(Op::MapAdd, 1);
                            }
                            None => {
                                self.expr(v)?;
                                self.emit(Op::DictUpdate, 1);
                            }
                        }
                    }
                }
            }
            ExprKind::Set(items) => {
                self.sequence(items, Op::BuildSet, Op::SetAdd, Op::SetUpdate, false)?
            }
            ExprKind::List(items) => {
                self.sequence(items, Op::BuildList, Op::ListAppend, Op::ListExtend, false)?
            }
            ExprKind::Tuple(items) => {
                self.sequence(items, Op::BuildTuple, Op::ListAppend, Op::ListExtend, true)?
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, generators, CompKind::List(elt))?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, generators, CompKind::Set(elt))?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, generators, CompKind::Dict(key, value))?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, generators, CompKind::Gen(elt))?
            }
            ExprKind::Yield(v) => {
                if !self.in_function() {
                    return Err(self.err(e.loc, "'yield' outside function"));
                }
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.load_const_none(),
                }
                self.emit(Op::YieldValue, 0);
            }
            ExprKind::YieldFrom(v) => {
                if !self.in_function() {
                    return Err(self.err(e.loc, "'yield' outside function"));
                }
                self.expr(v)?;
                self.emit(Op::GetIter, 0);
                self.emit(Op::YieldFrom, 0);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.expr(left)?;
                if ops.len() == 1 {
                    self.expr(&comparators[0])?;
                    self.set_line(e.loc);
                    self.compare_op(ops[0]);
                } else {
                    let (cleanup, end) = (self.new_label(), self.new_label());
                    let n = ops.len();
                    for (i, (op, c)) in ops.iter().zip(comparators).enumerate() {
                        self.expr(c)?;
                        self.set_line(e.loc);
                        if i + 1 < n {
                            self.emit(Op::DupTop, 0);
                            self.emit(Op::RotThree, 0);
                            self.compare_op(*op);
                            self.jump(Op::JumpIfFalseOrPop, cleanup);
                        } else {
                            self.compare_op(*op);
                        }
                    }
                    self.jump(Op::Jump, end);
                    self.bind(cleanup);
                    self.emit(Op::RotTwo, 0);
                    self.emit(Op::PopTop, 0);
                    self.bind(end);
                }
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(e, func, args, keywords)?,
            ExprKind::FString(parts) => self.fstring(parts)?,
            ExprKind::Str(s) => {
                let i = self.add_const(format!("s{s}"), |c| {
                    if s.len() <= 40 && s.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_')
                    {
                        c.consts.intern(s)
                    } else {
                        ObjRef::new_str(s)
                    }
                });
                self.emit(Op::LoadConst, i);
            }
            ExprKind::Bytes(b) => {
                let key = format!("b{b:?}");
                let i = self.add_const(key, |_| ObjRef::new_bytes(b));
                self.emit(Op::LoadConst, i);
            }
            ExprKind::Int(v) => {
                let i = self.add_const(format!("i{v}"), |_| ObjRef::from_int(v.clone()));
                self.emit(Op::LoadConst, i);
            }
            ExprKind::Float(f) => {
                let i = self.add_const(format!("f{}", f.to_bits()), |_| ObjRef::from_f64(*f));
                self.emit(Op::LoadConst, i);
            }
            ExprKind::Bool(b) => {
                let i = self.add_const(format!("B{b}"), |_| ObjRef::from_bool(*b));
                self.emit(Op::LoadConst, i);
            }
            ExprKind::None => self.load_const_none(),
            ExprKind::Ellipsis => {
                let i = self.add_const("...".into(), |c| c.consts.ellipsis());
                self.emit(Op::LoadConst, i);
            }
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                self.set_line(e.loc);
                let i = self.attr_index(attr);
                self.emit(Op::LoadAttr, i);
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.subscript_index(index)?;
                self.set_line(e.loc);
                self.emit(Op::BinarySubscr, 0);
            }
            ExprKind::Starred(_) => {
                return Err(self.err(e.loc, "can't use starred expression here"));
            }
            ExprKind::Name(n) => self.name_op(n, Ctx::Load, e.loc)?,
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step] {
                    match part {
                        Some(p) => self.expr(p)?,
                        None => self.load_const_none(),
                    }
                }
                self.emit(Op::BuildSlice, 3);
            }
        }
        Ok(())
    }

    fn compare_op(&mut self, op: CmpOp) {
        match op {
            CmpOp::Is => self.emit(Op::IsOp, 0),
            CmpOp::IsNot => self.emit(Op::IsOp, 1),
            CmpOp::In => self.emit(Op::ContainsOp, 0),
            CmpOp::NotIn => self.emit(Op::ContainsOp, 1),
            other => self.emit(Op::CompareOp, other as u32),
        }
    }

    /// A list, tuple or set display, with `*` spreads handled.
    fn sequence(
        &mut self,
        items: &'a [Expr],
        build: Op,
        add: Op,
        extend: Op,
        tuple: bool,
    ) -> CResult {
        if !items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_))) {
            for i in items {
                self.expr(i)?;
            }
            self.emit(build, items.len() as u32);
            return Ok(());
        }
        self.emit(if tuple { Op::BuildList } else { build }, 0);
        for i in items {
            match &i.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(extend, 1);
                }
                _ => {
                    self.expr(i)?;
                    self.emit(add, 1);
                }
            }
        }
        if tuple {
            self.emit(Op::ListToTuple, 0);
        }
        Ok(())
    }

    fn call(
        &mut self,
        e: &'a Expr,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CResult {
        let spreads = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
            || keywords.iter().any(|k| k.arg.is_none());
        // Zero-argument super(): super(__class__, first parameter).
        if let ExprKind::Name(n) = &func.kind {
            if n == "super" && args.is_empty() && keywords.is_empty() && self.in_function() {
                let scope = self.scope();
                if scope.binding("super") == Binding::GlobalImplicit
                    && self.cell_index("__class__").is_some()
                {
                    if let Some(first) = scope.params.first().cloned() {
                        self.name_op("super", Ctx::Load, e.loc)?;
                        self.name_op("__class__", Ctx::Load, e.loc)?;
                        self.name_op(&first, Ctx::Load, e.loc)?;
                        self.set_line(e.loc);
                        self.emit(Op::Call, 2);
                        return Ok(());
                    }
                }
            }
        }
        if !spreads && keywords.is_empty() {
            if let ExprKind::Attribute { value, attr } = &func.kind {
                self.expr(value)?;
                let i = self.attr_index(attr);
                self.set_line(func.loc);
                self.emit(Op::LoadMethod, i);
                for a in args {
                    self.expr(a)?;
                }
                self.set_line(e.loc);
                self.emit(Op::CallMethod, args.len() as u32);
                return Ok(());
            }
        }
        self.expr(func)?;
        self.call_args(e.loc, 0, args, keywords)
    }

    /// The arguments and the call instruction of a call whose callable and
    /// first `pre` positional arguments are already on the stack.
    fn call_args(
        &mut self,
        loc: Loc,
        pre: u32,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CResult {
        let spreads = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
            || keywords.iter().any(|k| k.arg.is_none());
        let n = pre + (args.len() + keywords.len()) as u32;
        if !spreads {
            for a in args {
                self.expr(a)?;
            }
            if keywords.is_empty() {
                self.set_line(loc);
                self.emit(Op::Call, n);
            } else {
                let mut names = Vec::new();
                for k in keywords {
                    self.expr(&k.value)?;
                    let name = k.arg.as_ref().expect("no spreads");
                    names.push(self.consts.intern(name));
                }
                let tuple = ObjRef::new_tuple(names);
                let ci = self.const_obj(tuple);
                self.emit(Op::LoadConst, ci);
                self.set_line(loc);
                self.emit(Op::CallKw, n);
            }
            return Ok(());
        }
        self.emit(Op::BuildList, pre);
        for a in args {
            match &a.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(Op::ListExtend, 1);
                }
                _ => {
                    self.expr(a)?;
                    self.emit(Op::ListAppend, 1);
                }
            }
        }
        self.emit(Op::ListToTuple, 0);
        let mut flag = 0;
        if !keywords.is_empty() {
            flag = 1;
            self.emit(Op::BuildMap, 0);
            for k in keywords {
                match &k.arg {
                    Some(name) => {
                        self.load_const_str(name);
                        self.expr(&k.value)?;
                        self.emit(Op::MapAdd, 1);
                    }
                    None => {
                        self.expr(&k.value)?;
                        self.emit(Op::DictMerge, 1);
                    }
                }
            }
        }
        self.set_line(loc);
        self.emit(Op::CallEx, flag);
        Ok(())
    }

    fn fstring(&mut self, parts: &'a [FStringPart]) -> CResult {
        let mut n = 0;
        for p in parts {
            match p {
                FStringPart::Literal(s) => {
                    if s.is_empty() {
                        continue;
                    }
                    self.load_const_str(s);
                }
                FStringPart::Field {
                    value,
                    conversion,
                    spec,
                } => {
                    self.expr(value)?;
                    let mut arg = match conversion {
                        None => 0,
                        Some('s') => 1,
                        Some('r') => 2,
                        Some(_) => 3,
                    };
                    if let Some(spec) = spec {
                        self.fstring(spec)?;
                        arg |= 4;
                    }
                    self.emit(Op::FormatValue, arg);
                }
            }
            n += 1;
        }
        match n {
            0 => self.load_const_str(""),
            1 => {}
            _ => self.emit(Op::BuildString, n),
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        e: &'a Expr,
        generators: &'a [Comprehension],
        kind: CompKind<'a>,
    ) -> CResult {
        let scope = self
            .table
            .scope_of(e)
            .ok_or_else(|| self.err(e.loc, "internal: no scope"))?;
        let name = self.table.scopes[scope].name.clone();
        let qualname = self.qualname_for(&name);
        self.push_unit(scope, qualname.clone(), e.loc.line, None);
        self.unit().line = e.loc.line;
        let r = (|| -> CResult {
            match kind {
                CompKind::List(_) => self.emit(Op::BuildList, 0),
                CompKind::Set(_) => self.emit(Op::BuildSet, 0),
                CompKind::Dict(..) => self.emit(Op::BuildMap, 0),
                CompKind::Gen(_) => {}
            }
            self.comp_generator(generators, 0, &kind)?;
            if matches!(kind, CompKind::Gen(_)) {
                self.load_const_none();
            }
            self.emit(Op::ReturnValue, 0);
            Ok(())
        })();
        if let Err(err) = r {
            self.units.pop();
            return Err(err);
        }
        let code = self.finish_unit();
        self.emit_closure_and_make(code, &qualname, 0, e.loc)?;
        self.expr(&generators[0].iter)?;
        self.emit(Op::GetIter, 0);
        self.set_line(e.loc);
        self.emit(Op::Call, 1);
        Ok(())
    }

    fn comp_generator(
        &mut self,
        generators: &'a [Comprehension],
        depth: usize,
        kind: &CompKind<'a>,
    ) -> CResult {
        let g = &generators[depth];
        let (top, end) = (self.new_label(), self.new_label());
        if depth == 0 {
            self.emit(Op::LoadFast, 0); // .0
        } else {
            self.expr(&g.iter)?;
            self.emit(Op::GetIter, 0);
        }
        self.bind(top);
        self.jump(Op::ForIter, end);
        self.store(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, false, top)?;
        }
        if depth + 1 < generators.len() {
            self.comp_generator(generators, depth + 1, kind)?;
        } else {
            let below = (generators.len() + 1) as u32;
            match kind {
                CompKind::List(elt) => {
                    self.expr(elt)?;
                    self.emit(Op::ListAppend, below);
                }
                CompKind::Set(elt) => {
                    self.expr(elt)?;
                    self.emit(Op::SetAdd, below);
                }
                CompKind::Dict(k, v) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Op::MapAdd, below);
                }
                CompKind::Gen(elt) => {
                    self.expr(elt)?;
                    self.emit(Op::YieldValue, 0);
                    self.emit(Op::PopTop, 0);
                }
            }
        }
        self.jump(Op::Jump, top);
        self.bind(end);
        Ok(())
    }
}

enum CompKind<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Gen(&'a Expr),
}

#[derive(Clone, Copy)]
enum Ctx {
    Load,
    Store,
    Del,
}

impl Ctx {
    fn pick(self, load: Op, store: Op, del: Op) -> Op {
        match self {
            Ctx::Load => load,
            Ctx::Store => store,
            Ctx::Del => del,
        }
    }
}

impl FBlock<'_> {
    fn shallow(&self) -> Self {
        match self {
            FBlock::Loop {
                continue_to,
                break_to,
                for_loop,
            } => FBlock::Loop {
                continue_to: *continue_to,
                break_to: *break_to,
                for_loop: *for_loop,
            },
            FBlock::TryExcept => FBlock::TryExcept,
            FBlock::TryFinally { body } => FBlock::TryFinally { body },
            FBlock::Handler { name } => FBlock::Handler { name: *name },
            FBlock::With => FBlock::With,
            FBlock::PopValue => FBlock::PopValue,
        }
    }
}

/// How CPython names an expression in "cannot assign to ..." messages.
fn describe(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Call { .. } => "function call",
        ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_) | ExprKind::Bytes(_) => "literal",
        ExprKind::Bool(_) | ExprKind::None | ExprKind::Ellipsis => "literal",
        ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::BoolOp { .. } => "expression",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::Named { .. } => "named expression",
        _ => "expression",
    }
}
