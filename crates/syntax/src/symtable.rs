//! Scope analysis: which names are local, global, or closed over.
//!
//! After CPython's `Python/symtable.c`. A first pass records, per scope
//! (module, function, lambda, comprehension, class), what each name is
//! used for: assigned, a parameter, declared `global` or `nonlocal`,
//! referenced. A second pass resolves each name:
//!
//! * declared `global` → global (explicit);
//! * declared `nonlocal` → free (it must be bound in an enclosing function,
//!   or it is a `SyntaxError`);
//! * assigned or a parameter → local; a local that an inner function
//!   refers to becomes a *cell*;
//! * otherwise, bound in an enclosing function scope → free; else global
//!   (implicit), i.e. looked up in globals then builtins.
//!
//! Class scopes are special, as in Python: names bound in a class body are
//! not visible to the functions defined in it, and the class body reads its
//! own names through its namespace dict. A function that mentions `super`
//! gets an implicit free variable `__class__`, which the enclosing class body
//! provides as a cell set to the new class (CPython's `__classcell__`), so
//! zero-argument `super()` works.
//!
//! Comprehensions and generator expressions are function scopes of their
//! own (as in Python 3), with the outermost iterable evaluated in the
//! enclosing scope and passed in as the implicit parameter `.0`. An
//! assignment expression (`:=`) inside a comprehension binds its name in
//! the nearest enclosing scope that is not a comprehension (PEP 572; CPython's
//! `symtable_extend_namedexpr_scope`): a local of that function, reached
//! from the comprehension as a free variable, or a global at module level;
//! in a class body it is a `SyntaxError`, as is rebinding an iteration
//! variable.
//!
//! # Invariants
//! * Every function-like AST node (def, lambda, comprehension, class) has
//!   exactly one scope, found by the node's address; the compiler looks
//!   scopes up by the same addresses, so the AST must not move between the
//!   two passes (it is borrowed for both).

use std::collections::{HashMap, HashSet};

use crate::ast::*;

/// What kind of scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    /// The module.
    Module,
    /// A `def` or `lambda`.
    Function,
    /// A class body.
    Class,
    /// A comprehension or generator expression.
    Comprehension,
}

/// How a name is reached in a scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Binding {
    /// A fast local.
    Local,
    /// A local captured by an inner function: lives in a cell.
    Cell,
    /// A variable of an enclosing function, reached through the closure.
    Free,
    /// Declared `global`.
    GlobalExplicit,
    /// Not bound anywhere enclosing: globals, then builtins.
    GlobalImplicit,
}

const DEF_LOCAL: u8 = 1;
const DEF_PARAM: u8 = 2;
const DEF_GLOBAL: u8 = 4;
const DEF_NONLOCAL: u8 = 8;
const USE: u8 = 16;
/// A comprehension's iteration variable (`for x in ...`).
const DEF_COMP_ITER: u8 = 32;
/// An annotated name (`x: int`): a local that cannot then be declared
/// global or nonlocal.
const DEF_ANNOT: u8 = 64;

/// One scope's analysis.
#[derive(Debug)]
pub struct Scope {
    /// What kind of scope.
    pub kind: ScopeKind,
    /// Its name (`<module>`, the function or class name, `<lambda>`,
    /// `<listcomp>`, ...).
    pub name: String,
    /// Names in order of first appearance, with their use flags.
    order: Vec<String>,
    uses: HashMap<String, u8>,
    /// Parameters in order (positional, keyword-only, `*args`, `**kw`).
    pub params: Vec<String>,
    /// Resolved bindings.
    pub bindings: HashMap<String, Binding>,
    /// Cell variables in order.
    pub cellvars: Vec<String>,
    /// Free variables in order.
    pub freevars: Vec<String>,
    /// Whether the scope contains `yield`.
    pub is_generator: bool,
    /// For class scopes: whether a method needs the `__class__` cell.
    pub needs_class_cell: bool,
    /// The name of the innermost class this scope is in (the class
    /// itself for a class scope): private names (`__x`) here are mangled
    /// with it ([`mangle`]).
    pub private: Option<String>,
    children: Vec<usize>,
    /// The line where the scope starts (for error messages).
    pub line: u32,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, line: u32) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            order: Vec::new(),
            uses: HashMap::new(),
            params: Vec::new(),
            bindings: HashMap::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            is_generator: false,
            needs_class_cell: false,
            private: None,
            children: Vec::new(),
            line,
        }
    }

    fn flags(&self, name: &str) -> u8 {
        self.uses.get(name).copied().unwrap_or(0)
    }

    /// How `name` is reached in this scope.
    pub fn binding(&self, name: &str) -> Binding {
        match self.bindings.get(name) {
            Some(&b) => b,
            None => Binding::GlobalImplicit,
        }
    }

    /// Local (fast) variable names: parameters first, then other locals in
    /// order of appearance (cells included: a cell parameter still has its
    /// fast slot, as in CPython).
    pub fn varnames(&self) -> Vec<String> {
        let mut out = self.params.clone();
        for name in &self.order {
            if matches!(self.bindings.get(name), Some(Binding::Local)) && !out.contains(name) {
                out.push(name.clone());
            }
        }
        out
    }
}

/// The analysis of a whole module.
#[derive(Debug)]
pub struct SymbolTable {
    /// All scopes; index 0 is the module.
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
}

/// A scope error: message and position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeError {
    /// CPython's message.
    pub msg: String,
    /// Where.
    pub loc: Loc,
}

impl SymbolTable {
    /// The scope of a function-like node (`Stmt` of a def/class, or `Expr`
    /// of a lambda/comprehension), by address.
    pub fn scope_of<T>(&self, node: &T) -> Option<usize> {
        self.by_node.get(&(node as *const T as usize)).copied()
    }

    /// Analyses `module`.
    pub fn build(module: &Module) -> Result<SymbolTable, ScopeError> {
        let mut b = Builder {
            scopes: vec![Scope::new(ScopeKind::Module, "<module>", 1)],
            by_node: HashMap::new(),
            stack: vec![0],
        };
        for s in &module.body {
            b.stmt(s)?;
        }
        let mut table = SymbolTable {
            scopes: b.scopes,
            by_node: b.by_node,
        };
        table.analyze(0, &HashSet::new())?;
        Ok(table)
    }

    /// Resolves the names of scope `id` given the names bound in enclosing
    /// function scopes; returns the free names it needs from outside.
    fn analyze(
        &mut self,
        id: usize,
        enclosing: &HashSet<String>,
    ) -> Result<HashSet<String>, ScopeError> {
        let kind = self.scopes[id].kind;
        let mut bindings = HashMap::new();
        let mut free_needed: HashSet<String> = HashSet::new();
        let order = self.scopes[id].order.clone();
        for name in &order {
            let f = self.scopes[id].flags(name);
            let b = if f & DEF_GLOBAL != 0 {
                Binding::GlobalExplicit
            } else if f & DEF_NONLOCAL != 0 {
                if !enclosing.contains(name) {
                    return Err(ScopeError {
                        msg: format!("no binding for nonlocal '{name}' found"),
                        loc: Loc {
                            line: self.scopes[id].line,
                            ..Loc::default()
                        },
                    });
                }
                free_needed.insert(name.clone());
                Binding::Free
            } else if f & (DEF_LOCAL | DEF_PARAM) != 0 {
                if kind == ScopeKind::Module {
                    Binding::GlobalImplicit
                } else {
                    Binding::Local
                }
            } else if kind != ScopeKind::Module && enclosing.contains(name) {
                free_needed.insert(name.clone());
                Binding::Free
            } else {
                Binding::GlobalImplicit
            };
            bindings.insert(name.clone(), b);
        }
        // What the children see as bound in enclosing functions.
        let child_enclosing: HashSet<String> = match kind {
            ScopeKind::Module => HashSet::new(),
            ScopeKind::Class => {
                let mut e = enclosing.clone();
                e.insert("__class__".to_string());
                e
            }
            ScopeKind::Function | ScopeKind::Comprehension => {
                let mut e = enclosing.clone();
                for (name, b) in &bindings {
                    if matches!(b, Binding::Local | Binding::Free) {
                        e.insert(name.clone());
                    }
                }
                e
            }
        };
        let children = self.scopes[id].children.clone();
        let mut cells: Vec<String> = Vec::new();
        let mut needs_class_cell = false;
        for child in children {
            let child_free = self.analyze(child, &child_enclosing)?;
            let mut sorted: Vec<_> = child_free.into_iter().collect();
            sorted.sort();
            for name in sorted {
                if kind == ScopeKind::Class && name == "__class__" {
                    needs_class_cell = true;
                    continue;
                }
                match bindings.get(&name) {
                    Some(Binding::Local) if kind != ScopeKind::Class => {
                        bindings.insert(name.clone(), Binding::Cell);
                        if !cells.contains(&name) {
                            cells.push(name);
                        }
                    }
                    Some(Binding::Cell) => {}
                    _ => {
                        // Passes through this scope (a class body passes
                        // its methods' free variables through as well).
                        if kind != ScopeKind::Class {
                            bindings.insert(name.clone(), Binding::Free);
                        } else if !bindings.contains_key(&name) {
                            bindings.insert(name.clone(), Binding::GlobalImplicit);
                        }
                        free_needed.insert(name);
                    }
                }
            }
        }
        let scope = &mut self.scopes[id];
        // Cells in order of the params first (CPython orders cellvars by
        // name; order is not observable here).
        cells.sort_by_key(|n| scope.order.iter().position(|o| o == n));
        scope.cellvars = if needs_class_cell {
            let mut c = cells;
            c.push("__class__".to_string());
            c
        } else {
            cells
        };
        scope.needs_class_cell = needs_class_cell;
        let mut free: Vec<String> = free_needed.iter().cloned().collect();
        free.sort_by_key(|n| {
            scope
                .order
                .iter()
                .position(|o| o == n)
                .unwrap_or(usize::MAX)
        });
        scope.freevars = free;
        scope.bindings = bindings;
        Ok(free_needed)
    }
}

struct Builder {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
    stack: Vec<usize>,
}

impl Builder {
    fn cur(&mut self) -> &mut Scope {
        let id = *self.stack.last().expect("scope stack");
        &mut self.scopes[id]
    }

    fn note(&mut self, name: &str, flag: u8, loc: Loc) -> Result<(), ScopeError> {
        let mangled = mangle(self.cur().private.as_deref(), name);
        let name = mangled.as_str();
        let scope = self.cur();
        let old = scope.flags(name);
        if flag == DEF_GLOBAL {
            if old & DEF_PARAM != 0 {
                return Err(ScopeError {
                    msg: format!("name '{name}' is parameter and global"),
                    loc,
                });
            }
            if old & DEF_ANNOT != 0 && old & USE == 0 {
                return Err(ScopeError {
                    msg: format!("annotated name '{name}' can't be global"),
                    loc,
                });
            }
            if old & (DEF_LOCAL | USE) != 0 {
                let what = if old & USE != 0 {
                    "used prior to"
                } else {
                    "assigned to before"
                };
                return Err(ScopeError {
                    msg: format!("name '{name}' is {what} global declaration"),
                    loc,
                });
            }
            if old & DEF_NONLOCAL != 0 {
                return Err(ScopeError {
                    msg: format!("name '{name}' is nonlocal and global"),
                    loc,
                });
            }
        }
        if flag == DEF_NONLOCAL {
            if scope.kind == ScopeKind::Module {
                return Err(ScopeError {
                    msg: "nonlocal declaration not allowed at module level".into(),
                    loc,
                });
            }
            if old & DEF_PARAM != 0 {
                return Err(ScopeError {
                    msg: format!("name '{name}' is parameter and nonlocal"),
                    loc,
                });
            }
            if old & DEF_ANNOT != 0 && old & USE == 0 {
                return Err(ScopeError {
                    msg: format!("annotated name '{name}' can't be nonlocal"),
                    loc,
                });
            }
            if old & (DEF_LOCAL | USE) != 0 {
                let what = if old & USE != 0 {
                    "used prior to"
                } else {
                    "assigned to before"
                };
                return Err(ScopeError {
                    msg: format!("name '{name}' is {what} nonlocal declaration"),
                    loc,
                });
            }
            if old & DEF_GLOBAL != 0 {
                return Err(ScopeError {
                    msg: format!("name '{name}' is nonlocal and global"),
                    loc,
                });
            }
        }
        if !scope.uses.contains_key(name) {
            scope.order.push(name.to_string());
        }
        *scope.uses.entry(name.to_string()).or_insert(0) |= flag;
        Ok(())
    }

    fn push_scope<T>(&mut self, node: &T, kind: ScopeKind, name: &str, line: u32) -> usize {
        let id = self.scopes.len();
        let parent = *self.stack.last().expect("scope stack");
        let mut scope = Scope::new(kind, name, line);
        scope.private = if kind == ScopeKind::Class {
            Some(name.to_string())
        } else {
            self.scopes[parent].private.clone()
        };
        self.scopes.push(scope);
        self.scopes[parent].children.push(id);
        self.by_node.insert(node as *const T as usize, id);
        self.stack.push(id);
        id
    }

    fn pop_scope(&mut self) {
        self.stack.pop();
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), ScopeError> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn params_defaults(&mut self, p: &Params) -> Result<(), ScopeError> {
        for param in p.posonly.iter().chain(&p.args).chain(&p.kwonly) {
            if let Some(d) = &param.default {
                self.expr(d)?;
            }
        }
        Ok(())
    }

    fn declare_params(&mut self, p: &Params, loc: Loc) -> Result<(), ScopeError> {
        let mut names: Vec<&str> = Vec::new();
        for param in p.posonly.iter().chain(&p.args) {
            names.push(&param.name);
        }
        for param in &p.kwonly {
            names.push(&param.name);
        }
        if let Some(v) = &p.vararg {
            names.push(v);
        }
        if let Some(k) = &p.kwarg {
            names.push(k);
        }
        // Keyword-only come after *args in CPython's varnames order.
        let mut ordered: Vec<&str> = p
            .posonly
            .iter()
            .chain(&p.args)
            .map(|x| x.name.as_str())
            .collect();
        ordered.extend(p.kwonly.iter().map(|x| x.name.as_str()));
        if let Some(v) = &p.vararg {
            ordered.push(v);
        }
        if let Some(k) = &p.kwarg {
            ordered.push(k);
        }
        let mut seen = HashSet::new();
        for n in &ordered {
            if !seen.insert(*n) {
                return Err(ScopeError {
                    msg: format!("duplicate argument '{n}' in function definition"),
                    loc,
                });
            }
            self.note(n, DEF_PARAM, loc)?;
        }
        let private = self.cur().private.clone();
        self.cur().params = ordered
            .iter()
            .map(|s| mangle(private.as_deref(), s))
            .collect();
        Ok(())
    }

    /// `target := value` inside a comprehension: binds `target` in the
    /// nearest enclosing non-comprehension scope (see the module docs).
    fn named_in_comprehension(&mut self, target: &str, loc: Loc) -> Result<(), ScopeError> {
        let loc = Loc {
            end_line: loc.line,
            end_col: loc.col + 1,
            ..loc
        };
        let comp = *self.stack.last().expect("scope stack");
        for &id in self.stack.iter().rev() {
            let scope = &self.scopes[id];
            if scope.flags(target) & DEF_COMP_ITER != 0 {
                return Err(ScopeError {
                    msg: format!(
                        "assignment expression cannot rebind comprehension iteration variable '{target}'"
                    ),
                    loc,
                });
            }
            let (here, there) = match scope.kind {
                ScopeKind::Comprehension => continue,
                ScopeKind::Function => (DEF_NONLOCAL, DEF_LOCAL),
                ScopeKind::Module => (DEF_GLOBAL, DEF_LOCAL),
                ScopeKind::Class => {
                    return Err(ScopeError {
                        msg: "assignment expression within a comprehension cannot be used in a class body".into(),
                        loc,
                    })
                }
            };
            // Recorded directly: the declaration checks of `note` are for
            // written `global` / `nonlocal` statements.
            self.add_flag(comp, target, here);
            self.add_flag(id, target, there);
            return Ok(());
        }
        unreachable!("the module scope ends the stack")
    }

    fn add_flag(&mut self, id: usize, name: &str, flag: u8) {
        let scope = &mut self.scopes[id];
        if !scope.uses.contains_key(name) {
            scope.order.push(name.to_string());
        }
        *scope.uses.entry(name.to_string()).or_insert(0) |= flag;
    }

    /// A comprehension's `for` target: local to it, and marked as an
    /// iteration variable.
    fn comprehension_target(&mut self, e: &Expr) -> Result<(), ScopeError> {
        match &e.kind {
            ExprKind::Name(n) => {
                self.note(n, DEF_LOCAL, e.loc)?;
                let id = *self.stack.last().expect("scope stack");
                self.add_flag(id, n, DEF_COMP_ITER);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().try_for_each(|i| self.comprehension_target(i))
            }
            ExprKind::Starred(inner) => self.comprehension_target(inner),
            _ => self.expr(e),
        }
    }

    fn target(&mut self, e: &Expr) -> Result<(), ScopeError> {
        match &e.kind {
            ExprKind::Name(n) => self.note(n, DEF_LOCAL, e.loc),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().try_for_each(|i| self.target(i))
            }
            ExprKind::Starred(inner) => self.target(inner),
            _ => self.expr(e),
        }
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), ScopeError> {
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                for d in &f.decorators {
                    self.expr(d)?;
                }
                self.params_defaults(&f.params)?;
                for (_, a) in &f.params.annotations {
                    self.expr(a)?;
                }
                if let Some(r) = &f.returns {
                    self.expr(r)?;
                }
                self.note(&f.name, DEF_LOCAL, s.loc)?;
                self.push_scope(s, ScopeKind::Function, &f.name, s.loc.line);
                self.declare_params(&f.params, s.loc)?;
                self.stmts(&f.body)?;
                self.pop_scope();
            }
            StmtKind::ClassDef(c) => {
                for d in &c.decorators {
                    self.expr(d)?;
                }
                for b in &c.bases {
                    self.expr(b)?;
                }
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
                self.note(&c.name, DEF_LOCAL, s.loc)?;
                self.push_scope(s, ScopeKind::Class, &c.name, s.loc.line);
                self.stmts(&c.body)?;
                self.pop_scope();
            }
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.target(t)?;
                }
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for t in targets {
                    self.target(t)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    self.note(n, USE, target.loc)?;
                }
                self.target(target)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                simple,
                value,
            } => {
                if let Some(v) = value {
                    self.expr(v)?;
                }
                match &target.kind {
                    // A bare annotated name is a local of its scope even
                    // without a value (CPython's `DEF_ANNOT | DEF_LOCAL`).
                    ExprKind::Name(n) if *simple => {
                        let old = self.cur().flags(n);
                        if old & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                            let what = if old & DEF_GLOBAL != 0 {
                                "global"
                            } else {
                                "nonlocal"
                            };
                            return Err(ScopeError {
                                msg: format!("annotated name '{n}' can't be {what}"),
                                loc: s.loc,
                            });
                        }
                        self.note(n, DEF_ANNOT | DEF_LOCAL, s.loc)?;
                    }
                    _ if value.is_some() => self.target(target)?,
                    _ => self.expr(target)?,
                }
                // Evaluated only at module and class level.
                if self.cur().kind != ScopeKind::Function {
                    self.expr(annotation)?;
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.expr(iter)?;
                self.target(target)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::With { items, body } => {
                for item in items {
                    self.expr(&item.context)?;
                    if let Some(t) = &item.target {
                        self.target(t)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.note(n, DEF_LOCAL, h.loc)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let bound = match &a.asname {
                        Some(n) => n.as_str(),
                        None => a.name.split('.').next().unwrap_or(&a.name),
                    };
                    self.note(bound, DEF_LOCAL, s.loc)?;
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        // Binds names known only at run time: allowed only
                        // where names live in a dict.
                        if self.cur().kind != ScopeKind::Module {
                            return Err(ScopeError {
                                msg: "import * only allowed at module level".into(),
                                loc: s.loc,
                            });
                        }
                        continue;
                    }
                    self.note(a.asname.as_ref().unwrap_or(&a.name), DEF_LOCAL, s.loc)?;
                }
            }
            StmtKind::Global(names) => {
                for n in names {
                    self.note(n, DEF_GLOBAL, s.loc)?;
                }
            }
            StmtKind::Nonlocal(names) => {
                for n in names {
                    self.note(n, DEF_NONLOCAL, s.loc)?;
                }
            }
            StmtKind::Expr(e) => self.expr(e)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        node: &Expr,
        name: &str,
        generators: &[Comprehension],
        elts: &[&Expr],
    ) -> Result<(), ScopeError> {
        // The outermost iterable is evaluated in the enclosing scope.
        self.expr(&generators[0].iter)?;
        self.push_scope(node, ScopeKind::Comprehension, name, node.loc.line);
        self.note(".0", DEF_PARAM, node.loc)?;
        self.cur().params = vec![".0".to_string()];
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.comprehension_target(&g.target)?;
            for cond in &g.ifs {
                self.expr(cond)?;
            }
        }
        for e in elts {
            self.expr(e)?;
        }
        if name == "<genexpr>" {
            self.cur().is_generator = true;
        }
        self.pop_scope();
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), ScopeError> {
        match &e.kind {
            ExprKind::BoolOp { values, .. } => values.iter().try_for_each(|v| self.expr(v))?,
            ExprKind::Named { target, value } => {
                self.expr(value)?;
                if self.cur().kind == ScopeKind::Comprehension {
                    self.named_in_comprehension(target, e.loc)?;
                } else {
                    self.note(target, DEF_LOCAL, e.loc)?;
                }
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::Lambda { params, body } => {
                self.params_defaults(params)?;
                self.push_scope(e, ScopeKind::Function, "<lambda>", e.loc.line);
                self.declare_params(params, e.loc)?;
                self.expr(body)?;
                self.pop_scope();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict(items) => {
                for (k, v) in items {
                    if let Some(k) = k {
                        self.expr(k)?;
                    }
                    self.expr(v)?;
                }
            }
            ExprKind::Set(items) | ExprKind::List(items) | ExprKind::Tuple(items) => {
                items.iter().try_for_each(|i| self.expr(i))?
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "<listcomp>", generators, &[elt])?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "<setcomp>", generators, &[elt])?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, "<dictcomp>", generators, &[key, value])?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, "<genexpr>", generators, &[elt])?
            }
            ExprKind::Yield(v) => {
                self.cur().is_generator = true;
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            ExprKind::YieldFrom(v) => {
                self.cur().is_generator = true;
                self.expr(v)?;
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                comparators.iter().try_for_each(|c| self.expr(c))?;
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                if let ExprKind::Name(n) = &func.kind {
                    if n == "super" && args.is_empty() {
                        // Zero-argument super() reads __class__ and the
                        // first parameter.
                        self.note("__class__", USE, e.loc)?;
                    }
                }
                args.iter().try_for_each(|a| self.expr(a))?;
                keywords.iter().try_for_each(|k| self.expr(&k.value))?;
            }
            ExprKind::FString(parts) => self.fstring(parts)?,
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
            }
            ExprKind::Starred(v) => self.expr(v)?,
            ExprKind::Name(n) => self.note(n, USE, e.loc)?,
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
            ExprKind::Str(_)
            | ExprKind::Bytes(_)
            | ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Bool(_)
            | ExprKind::None
            | ExprKind::Ellipsis => {}
        }
        Ok(())
    }

    fn fstring(&mut self, parts: &[FStringPart]) -> Result<(), ScopeError> {
        for p in parts {
            if let FStringPart::Field { value, spec, .. } = p {
                self.expr(value)?;
                if let Some(spec) = spec {
                    self.fstring(spec)?;
                }
            }
        }
        Ok(())
    }
}

/// Private name mangling, as CPython's `_Py_Mangle`: inside class `C`
/// (`private`), `__x` is `_C__x`; dunder names, dotted names and names in a
/// class whose name is all underscores are left alone.
pub fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class_name) = private else {
        return name.to_string();
    };
    let stripped = class_name.trim_start_matches('_');
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') || stripped.is_empty()
    {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}
