//! ftl's own syntax tree: the part of Python that the compiler accepts.
//!
//! The parser crate's tree (ruff's) is lowered into this one by
//! [`crate::lower`], the only module that names the parser crate, so a
//! parser upgrade touches that module alone. Everything outside the subset
//! is rejected during lowering with a [`SyntaxError`] that names the
//! construct and its line; everything in this tree the compiler must handle.
//!
//! Positions are [`Loc`]s: 1-based lines and 0-based columns counted in
//! characters (not bytes), as CPython's `lineno` / `col_offset` (CPython
//! counts UTF-8 bytes in `col_offset`; we count characters, which is what
//! the caret under a source line needs).
//!
//! Expression contexts (load / store / delete) are not stored: the compiler
//! knows them from where an expression appears.

use core::fmt;

use ftl_algorithms::int::IntValue;

/// A source position range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Loc {
    /// First line, 1-based.
    pub line: u32,
    /// First column, 0-based, in characters.
    pub col: u32,
    /// Last line, 1-based.
    pub end_line: u32,
    /// Column just past the end, 0-based, in characters.
    pub end_col: u32,
}

/// A parsed module: its statements.
#[derive(Debug, Clone, PartialEq)]
pub struct Module {
    /// The module's statements, in order.
    pub body: Vec<Stmt>,
}

/// A statement with its position.
#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    /// Where the statement is.
    pub loc: Loc,
    /// What it is.
    pub kind: StmtKind,
}

/// The statements of the subset.
#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    /// `def name(params): body`, with decorators.
    FunctionDef(Box<FunctionDef>),
    /// `class name(bases): body`, with decorators.
    ClassDef(Box<ClassDef>),
    /// `return [value]`
    Return(Option<Expr>),
    /// `del a, b[i], c.x`
    Delete(Vec<Expr>),
    /// `t1 = t2 = value` (targets in source order).
    Assign {
        /// The targets, left to right.
        targets: Vec<Expr>,
        /// The assigned value.
        value: Expr,
    },
    /// `target op= value`
    AugAssign {
        /// A name, attribute or subscript.
        target: Expr,
        /// The operator (`+` for `+=`).
        op: BinOp,
        /// The right-hand side.
        value: Expr,
    },
    /// `target: annotation [= value]`. At module and class level the
    /// annotation is evaluated and, for a simple name, stored in
    /// `__annotations__`; in a function it is never evaluated (CPython 3.11).
    AnnAssign {
        /// The target.
        target: Expr,
        /// The annotation (a string constant under
        /// `from __future__ import annotations`).
        annotation: Expr,
        /// The target is a bare name, not in parentheses: only then is it
        /// recorded in `__annotations__`.
        simple: bool,
        /// The value, if any.
        value: Option<Expr>,
    },
    /// `for target in iter: body else: orelse`
    For {
        /// The loop variable(s).
        target: Expr,
        /// The iterable.
        iter: Expr,
        /// The loop body.
        body: Vec<Stmt>,
        /// Runs when the loop ends without `break`.
        orelse: Vec<Stmt>,
    },
    /// `while test: body else: orelse`
    While {
        /// The condition.
        test: Expr,
        /// The loop body.
        body: Vec<Stmt>,
        /// Runs when the loop ends without `break`.
        orelse: Vec<Stmt>,
    },
    /// `if test: body else: orelse` (`elif` is a nested `If` in `orelse`).
    If {
        /// The condition.
        test: Expr,
        /// The `if` branch.
        body: Vec<Stmt>,
        /// The `else` branch (an `elif` chain is one nested `If`).
        orelse: Vec<Stmt>,
    },
    /// `with a as x, b: body`
    With {
        /// The context managers, outermost first.
        items: Vec<WithItem>,
        /// The body.
        body: Vec<Stmt>,
    },
    /// `raise [exc [from cause]]`
    Raise {
        /// The exception (class or instance); `None` re-raises.
        exc: Option<Expr>,
        /// The `from` clause.
        cause: Option<Expr>,
    },
    /// `try: body except ...: ... else: orelse finally: finalbody`
    Try {
        /// The guarded block.
        body: Vec<Stmt>,
        /// The `except` clauses, in order.
        handlers: Vec<ExceptHandler>,
        /// Runs when `body` raised nothing.
        orelse: Vec<Stmt>,
        /// Always runs.
        finalbody: Vec<Stmt>,
    },
    /// `assert test[, msg]`
    Assert {
        /// The condition.
        test: Expr,
        /// The message.
        msg: Option<Expr>,
    },
    /// `import a.b as c, d`
    Import(Vec<Alias>),
    /// `from module import a as b, c` (absolute imports only; `*` is
    /// rejected).
    ImportFrom {
        /// The dotted module name.
        module: String,
        /// The imported names.
        names: Vec<Alias>,
    },
    /// `global a, b`
    Global(Vec<String>),
    /// `nonlocal a, b`
    Nonlocal(Vec<String>),
    /// An expression statement.
    Expr(Expr),
    /// `pass`
    Pass,
    /// `break`
    Break,
    /// `continue`
    Continue,
}

/// A function definition (also used for lambdas' parameters).
#[derive(Debug, Clone, PartialEq)]
pub struct FunctionDef {
    /// The function's name.
    pub name: String,
    /// Its parameters.
    pub params: Params,
    /// Its body.
    pub body: Vec<Stmt>,
    /// Decorators, outermost (first written) first.
    pub decorators: Vec<Expr>,
    /// The return annotation (`-> T`), if any.
    pub returns: Option<Expr>,
}

/// A parameter list: `def f(a, b=1, /, c, *args, d, e=2, **kw)`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Params {
    /// Positional-only parameters (before `/`).
    pub posonly: Vec<Param>,
    /// Positional-or-keyword parameters.
    pub args: Vec<Param>,
    /// `*args`
    pub vararg: Option<String>,
    /// Keyword-only parameters (after `*` or `*args`).
    pub kwonly: Vec<Param>,
    /// `**kwargs`
    pub kwarg: Option<String>,
    /// The parameters' annotations, `(name, annotation)`, in the order
    /// CPython 3.11 evaluates them: the positional-or-keyword parameters,
    /// then the positional-only ones, `*args`, the keyword-only ones and
    /// `**kwargs` (lambdas have none).
    pub annotations: Vec<(String, Expr)>,
}

/// One named parameter with its default.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    /// The parameter's name.
    pub name: String,
    /// Its default value, if any (its annotation is in [`Params::annotations`]).
    pub default: Option<Expr>,
    /// Where it is.
    pub loc: Loc,
}

/// A class definition.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassDef {
    /// The class's name.
    pub name: String,
    /// Base classes, in order (a `*bases` spread is a `Starred` item).
    pub bases: Vec<Expr>,
    /// Class keywords (`metaclass=M`, `**kw`), in order.
    pub keywords: Vec<Keyword>,
    /// The class body.
    pub body: Vec<Stmt>,
    /// Decorators, outermost first.
    pub decorators: Vec<Expr>,
}

/// One `except` clause.
#[derive(Debug, Clone, PartialEq)]
pub struct ExceptHandler {
    /// Where the `except` keyword is.
    pub loc: Loc,
    /// The exception class or tuple of classes; `None` for a bare `except:`.
    pub typ: Option<Expr>,
    /// The `as` name.
    pub name: Option<String>,
    /// The handler body.
    pub body: Vec<Stmt>,
}

/// One item of a `with` statement.
#[derive(Debug, Clone, PartialEq)]
pub struct WithItem {
    /// The context manager expression.
    pub context: Expr,
    /// The `as` target.
    pub target: Option<Expr>,
}

/// `name` or `name as asname` in an import.
#[derive(Debug, Clone, PartialEq)]
pub struct Alias {
    /// The (dotted, for `import`) name.
    pub name: String,
    /// The `as` name.
    pub asname: Option<String>,
}

/// An expression with its position.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    /// Where the expression is.
    pub loc: Loc,
    /// What it is.
    pub kind: ExprKind,
}

/// The expressions of the subset.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// `a and b and c` / `a or b`
    BoolOp {
        /// Which operator.
        op: BoolOp,
        /// Two or more operands.
        values: Vec<Expr>,
    },
    /// `(name := value)`
    Named {
        /// The bound name.
        target: String,
        /// The value.
        value: Box<Expr>,
    },
    /// `left op right`
    BinOp {
        /// Left operand.
        left: Box<Expr>,
        /// The operator.
        op: BinOp,
        /// Right operand.
        right: Box<Expr>,
    },
    /// `op operand`
    UnaryOp {
        /// The operator.
        op: UnaryOp,
        /// The operand.
        operand: Box<Expr>,
    },
    /// `lambda params: body`
    Lambda {
        /// The parameters.
        params: Box<Params>,
        /// The body expression.
        body: Box<Expr>,
    },
    /// `body if test else orelse`
    IfExp {
        /// The condition.
        test: Box<Expr>,
        /// Value when true.
        body: Box<Expr>,
        /// Value when false.
        orelse: Box<Expr>,
    },
    /// `{k: v, **other}`: a `None` key is a `**` spread of the value.
    Dict(Vec<(Option<Expr>, Expr)>),
    /// `{a, b}`
    Set(Vec<Expr>),
    /// `[a, b]` (items may be `Starred`).
    List(Vec<Expr>),
    /// `(a, b)` (items may be `Starred`).
    Tuple(Vec<Expr>),
    /// `[elt for ...]`
    ListComp {
        /// The element.
        elt: Box<Expr>,
        /// The `for` clauses, outermost first.
        generators: Vec<Comprehension>,
    },
    /// `{elt for ...}`
    SetComp {
        /// The element.
        elt: Box<Expr>,
        /// The `for` clauses.
        generators: Vec<Comprehension>,
    },
    /// `{key: value for ...}`
    DictComp {
        /// The key.
        key: Box<Expr>,
        /// The value.
        value: Box<Expr>,
        /// The `for` clauses.
        generators: Vec<Comprehension>,
    },
    /// `(elt for ...)`
    GeneratorExp {
        /// The element.
        elt: Box<Expr>,
        /// The `for` clauses.
        generators: Vec<Comprehension>,
    },
    /// `yield [value]`
    Yield(Option<Box<Expr>>),
    /// `yield from value`
    YieldFrom(Box<Expr>),
    /// `left op1 c1 op2 c2 ...` (a chained comparison).
    Compare {
        /// The leftmost operand.
        left: Box<Expr>,
        /// The operators, one per comparator.
        ops: Vec<CmpOp>,
        /// The right-hand operands.
        comparators: Vec<Expr>,
    },
    /// `func(args, kw=value, *rest, **more)`
    Call {
        /// The callee.
        func: Box<Expr>,
        /// Positional arguments; `Starred` items are `*` spreads.
        args: Vec<Expr>,
        /// Keyword arguments; `arg: None` is a `**` spread.
        keywords: Vec<Keyword>,
    },
    /// An f-string: literal text and formatted fields, in order (implicitly
    /// concatenated plain strings are folded in as literal parts).
    FString(Vec<FStringPart>),
    /// A string literal (implicit concatenation already applied).
    Str(String),
    /// A bytes literal.
    Bytes(Vec<u8>),
    /// An integer literal.
    Int(IntValue),
    /// A float literal.
    Float(f64),
    /// `True` / `False`
    Bool(bool),
    /// `None`
    None,
    /// `...`
    Ellipsis,
    /// `value.attr`
    Attribute {
        /// The object.
        value: Box<Expr>,
        /// The attribute name.
        attr: String,
    },
    /// `value[index]` (a slice index is a `Slice` expression; `a[i, j]` is a
    /// `Tuple` index).
    Subscript {
        /// The container.
        value: Box<Expr>,
        /// The index.
        index: Box<Expr>,
    },
    /// `*value`, in a call, a display, or an assignment target.
    Starred(Box<Expr>),
    /// A name.
    Name(String),
    /// `lower:upper:step`, only as a subscript index.
    Slice {
        /// Start.
        lower: Option<Box<Expr>>,
        /// Stop.
        upper: Option<Box<Expr>>,
        /// Step.
        step: Option<Box<Expr>>,
    },
}

/// A keyword argument in a call.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyword {
    /// The keyword; `None` for a `**mapping` spread.
    pub arg: Option<String>,
    /// The value.
    pub value: Expr,
    /// Where it is.
    pub loc: Loc,
}

/// One `for target in iter if cond ...` clause of a comprehension.
#[derive(Debug, Clone, PartialEq)]
pub struct Comprehension {
    /// The loop variable(s).
    pub target: Expr,
    /// The iterable.
    pub iter: Expr,
    /// The `if` filters.
    pub ifs: Vec<Expr>,
}

/// A part of an f-string.
#[derive(Debug, Clone, PartialEq)]
pub enum FStringPart {
    /// Literal text (with `{{` / `}}` already unescaped).
    Literal(String),
    /// `{value!conversion:spec}`
    Field {
        /// The formatted expression.
        value: Box<Expr>,
        /// `!r`, `!s` or `!a`. A self-documenting `{x=}` is lowered to a
        /// literal `x=` followed by a field with conversion `r` (when no
        /// other conversion or spec is given), as CPython does.
        conversion: Option<char>,
        /// The format spec, itself possibly containing fields.
        spec: Option<Vec<FStringPart>>,
    },
}

/// `and` / `or`
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoolOp {
    /// `and`
    And,
    /// `or`
    Or,
}

/// Binary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `//`
    FloorDiv,
    /// `%`
    Mod,
    /// `**`
    Pow,
    /// `<<`
    LShift,
    /// `>>`
    RShift,
    /// `|`
    BitOr,
    /// `^`
    BitXor,
    /// `&`
    BitAnd,
    /// `@`
    MatMul,
}

impl BinOp {
    /// The operator as written (`+`, `//`, ...).
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::BitAnd => "&",
            BinOp::MatMul => "@",
        }
    }
}

/// Unary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    /// `not`
    Not,
    /// `-`
    Neg,
    /// `+`
    Pos,
    /// `~`
    Invert,
}

/// Comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    NotEq,
    /// `<`
    Lt,
    /// `<=`
    LtE,
    /// `>`
    Gt,
    /// `>=`
    GtE,
    /// `is`
    Is,
    /// `is not`
    IsNot,
    /// `in`
    In,
    /// `not in`
    NotIn,
}

impl CmpOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::NotEq => "!=",
            CmpOp::Lt => "<",
            CmpOp::LtE => "<=",
            CmpOp::Gt => ">",
            CmpOp::GtE => ">=",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
}

/// Which kind of compile-time error: CPython distinguishes these in the
/// last line of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// `SyntaxError`
    Syntax,
    /// `IndentationError` (a subclass of `SyntaxError`)
    Indentation,
    /// `TabError` (a subclass of `IndentationError`)
    Tab,
}

impl SyntaxErrorKind {
    /// The Python exception name.
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::Syntax => "SyntaxError",
            SyntaxErrorKind::Indentation => "IndentationError",
            SyntaxErrorKind::Tab => "TabError",
        }
    }
}

/// A compile-time error: a syntax error from the parser, a construct
/// outside the subset (from lowering), or a semantic error from the
/// compiler (`'return' outside function`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// `SyntaxError`, `IndentationError` or `TabError`.
    pub kind: SyntaxErrorKind,
    /// The message (CPython's wording where there is one).
    pub msg: String,
    /// The file name as given on the command line.
    pub filename: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column of the first offending character (CPython's
    /// `offset`), in characters; 0 when unknown.
    pub col: u32,
    /// 1-based column just past the offending range (CPython's
    /// `end_offset`); equal to `col` (or 0) for a single caret.
    pub end_col: u32,
    /// The text of the offending line, without its newline.
    pub text: Option<String>,
}

impl SyntaxError {
    /// Renders the error as CPython prints an uncaught `SyntaxError`:
    ///
    /// ```text
    ///   File "x.py", line 3
    ///     if x
    ///         ^
    /// SyntaxError: expected ':'
    /// ```
    ///
    /// The source line is shown with its leading whitespace removed and the
    /// carets shifted to match; the caret run spans `col..end_col` (at least
    /// one caret) when it stays on the line.
    pub fn render(&self) -> String {
        // Follows CPython 3.11's `print_exception` / `print_error_text`
        // (Python/pythonrun.c), which works on the UTF-8 bytes of the line:
        // the columns are converted from characters to bytes first, so
        // carets land where CPython puts them even after non-ASCII text.
        let mut out = format!("  File \"{}\", line {}\n", self.filename, self.line);
        if let Some(text) = &self.text {
            // Byte offset of the first `n` characters (characters past the
            // end of the line count one byte each, like CPython's newline).
            let byte_at = |n: u32| -> i64 {
                let n = n as usize;
                match text.char_indices().nth(n) {
                    Some((at, _)) => at as i64,
                    None => (text.len() + (n - text.chars().count())) as i64,
                }
            };
            // CPython's `text` ends with the newline.
            let line_size = text.len() as i64 + 1;
            let mut offset = if self.col > 0 {
                byte_at(self.col - 1) + 1
            } else {
                0
            };
            let mut end_offset = match self.kind {
                // IndentationError and TabError carry no end position.
                SyntaxErrorKind::Indentation | SyntaxErrorKind::Tab => -1,
                SyntaxErrorKind::Syntax if self.end_col > 0 => byte_at(self.end_col - 1) + 1,
                SyntaxErrorKind::Syntax => 0,
            };
            if end_offset > line_size + 1 {
                end_offset = line_size + 1;
            }
            let carets = if end_offset > 0 && end_offset > offset {
                end_offset - offset
            } else {
                1
            };
            offset -= 1;
            let shown = text.trim_start_matches([' ', '\t', '\x0c']);
            offset -= (text.len() - shown.len()) as i64;
            offset = offset.min(shown.len() as i64);
            out.push_str("    ");
            out.push_str(shown);
            out.push('\n');
            if offset >= 0 {
                out.push_str("    ");
                out.extend(core::iter::repeat_n(' ', offset as usize));
                out.extend(core::iter::repeat_n('^', carets as usize));
                out.push('\n');
            }
        }
        out.push_str(&format!("{}: {}\n", self.kind.name(), self.msg));
        out
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} ({}, line {})",
            self.kind.name(),
            self.msg,
            self.filename,
            self.line
        )
    }
}

impl std::error::Error for SyntaxError {}

/// The message for a construct outside ftl's subset. Every such rejection
/// uses this wording so users (and the bad-input corpus) can recognise it.
pub fn unsupported(construct: &str) -> String {
    format!("{construct} is not supported by ftl (it runs a subset of Python)")
}
