//! The front end: parses Python source with `ruff_python_parser` and lowers
//! ruff's syntax tree into ftl's own tree ([`crate::ast`]).
//!
//! # Why ruff's parser
//!
//! `ruff_python_parser` is maintained (it is the parser of the Ruff linter
//! and of the `ty` type checker), covers the whole current grammar, and
//! recovers from errors, so its first error is a good anchor for CPython's
//! message. It is pinned to `=0.0.10` because its API is unstable (0.0.x
//! releases break it freely) and 0.0.10 is the newest release that builds
//! with Rust 1.95. The project measured it at about 5x the speed of
//! `rustpython-parser` 0.4, which is frozen upstream and LGPL-licensed by
//! default. This module is the only one in the project that names a ruff
//! crate (and `ftl-syntax` the only crate that depends on one): a parser
//! upgrade touches this file alone, and the compiler sees only
//! [`crate::ast`].
//!
//! # Pipeline
//!
//! 1. ruff parses the module (target version 3.11) and hands back its tree,
//!    its token stream and its errors; it never fails outright.
//! 2. A pass over the tokens replays the checks CPython 3.11's *tokenizer*
//!    makes (`Parser/tokenizer.c`): bracket matching and the 200-bracket
//!    limit (`MAXLEVEL`), indentation (`TabError`, inconsistent dedent, the
//!    100-level `MAXINDENT`), numeric literals (`verify_end_of_number`),
//!    unterminated strings, invalid characters.
//! 3. If anything is wrong, one error is chosen the way CPython chooses
//!    (`Parser/pegen.c`, `Parser/pegen_errors.c`): a tokenizer error wins
//!    over a parser error, because after a parser error CPython tokenizes
//!    the rest of the file and lets a tokenizer error replace it; a bracket
//!    left open at end of file wins only if the parser had read past the
//!    bracket's line. Ruff's parser errors are mapped to CPython's wording
//!    and position where there is a clear counterpart (`expected ':'`, the
//!    missing-comma hint, `cannot assign to ...`, `expected an indented
//!    block after ...`, Python 2 `print`, ...), and to `invalid syntax` at
//!    the offending token otherwise. Syntax newer than 3.11 that ruff
//!    accepts (PEP 701 f-strings, `except A, B:`, ...) gets 3.11's error.
//! 4. Otherwise the tree is lowered, rejecting constructs outside ftl's
//!    subset with [`ast::unsupported`] at the construct's position.
//!
//! # Invariants
//!
//! * Positions: every `Stmt`, `Expr`, `Param`, `Keyword` and
//!   `ExceptHandler` gets a [`Loc`] with 1-based lines and 0-based columns
//!   counted in characters, equal to CPython's `ast` positions (converted
//!   from bytes to characters). Offsets are converted through a table of
//!   line starts and of multi-byte characters: at most two binary searches
//!   per lookup, whatever the line length. A leading UTF-8 BOM is not
//!   counted; `\r\n` and a lone `\r` end lines as `\n` does.
//! * Errors: `SyntaxError.col`/`end_col` are 1-based character columns
//!   holding what CPython stores in `offset`/`end_offset`; `text` is the
//!   offending source line without its line break. CPython's message is
//!   used verbatim where one exists. Errors that CPython raises in its
//!   *compiler* or symbol table (`'return' outside function`, `'break'
//!   outside loop`, `nonlocal` at module level, duplicate arguments, ...)
//!   are not reported here: the compiler reports them.
//! * Nothing panics and nothing recurses without bound, whatever the input.
//!   ruff's parser grows its own stack; the tree it builds is torn down with
//!   a work list (`dispose`) unless lowering has proved it shallow;
//!   expressions are lowered with a work list too (constant native stack);
//!   statements recurse, but their nesting is bounded by the 100-level
//!   indentation limit; and a lowered tree is at most [`MAX_NESTING`] deep.

use core::cell::RefCell;

use ftl_algorithms::int::IntValue;
use ruff_python_ast as rast;
use ruff_python_ast::token::{Token, TokenKind};
use ruff_python_ast::visitor::transformer::{self, Transformer};
use ruff_python_parser::{
    InterpolatedStringErrorType as FsErr, LexicalErrorType as LexErr, Mode, ParseError,
    ParseErrorType as PErr, ParseOptions, UnsupportedSyntaxError,
    UnsupportedSyntaxErrorKind as UKind,
};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::ast::{self, Loc, SyntaxError, SyntaxErrorKind};

/// How deeply statements and expressions may nest in a lowered tree.
///
/// Deeper input is refused with `SyntaxError: expression too deeply
/// nested` at the node that crosses the limit. The depth counts one level
/// per statement, expression, `elif`, and format spec; with that count,
/// 3000 is where CPython 3.11 gives up too (`-` * 2998 + `1` compiles,
/// one more `-` does not), though CPython reports `RecursionError: maximum
/// recursion depth exceeded during compilation`, which is not a
/// `SyntaxError`. Lowering itself uses a work list, not recursion; the
/// limit is for the passes that recurse over the tree (the compiler, the
/// destructor), which a few thousand levels keep within an interpreter
/// thread's stack (dropping a 3000-deep tree takes well under 2 MiB even
/// unoptimised).
pub const MAX_NESTING: u32 = 3000;

/// CPython's `MAXLEVEL`: at most 200 brackets may be open at once.
const MAX_BRACKETS: usize = 200;

/// CPython's `MAXINDENT`: the indentation stack holds at most 100 levels
/// (the outermost, column 0, included).
const MAX_INDENT: usize = 100;

/// CPython 3.11's limit on the digits of a decimal `int` literal
/// (`sys.get_int_max_str_digits()`).
const MAX_STR_DIGITS: usize = 4300;

/// Parses `source` (the text of the file `filename`) and lowers it to ftl's
/// tree, or reports the first syntax error the way CPython 3.11 would.
pub fn parse(source: &str, filename: &str) -> Result<ast::Module, SyntaxError> {
    let map = SourceMap::new(source);
    let cx = Ctx { map, filename };
    if u32::try_from(source.len()).is_err() {
        return Err(cx.error_at_line(
            SyntaxErrorKind::Syntax,
            "source code too large (more than 4 GiB)",
            0,
            0,
            0,
        ));
    }
    let options = ParseOptions::from(Mode::Module).with_target_version(rast::PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(source, options);
    let error = select_error(
        &cx,
        parsed.tokens(),
        parsed.errors(),
        parsed.unsupported_syntax_errors(),
    );
    let result = match error {
        Some(error) => Err(error),
        None => match parsed.syntax() {
            rast::Mod::Module(module) => {
                let future = future_imports(&module.body);
                let mut lowerer = Lowerer {
                    cx: &cx,
                    tokens: parsed.tokens(),
                    depth: 0,
                    future_annotations: future
                        .iter()
                        .any(|s| s.names.iter().any(|a| a.name.id.as_str() == "annotations")),
                    future_imports: future.iter().map(|s| s.range.start()).collect(),
                };
                lowerer.body(&module.body).map(|body| ast::Module { body })
            }
            rast::Mod::Expression(expr) => Err(cx.syntax("invalid syntax", expr.range)),
        },
    };
    let module = match parsed.into_syntax() {
        rast::Mod::Module(module) => module,
        rast::Mod::Expression(expr) => rast::ModModule {
            node_index: rast::AtomicNodeIndex::default(),
            range: expr.range,
            body: thin_vec_of_expr(*expr.body),
        },
    };
    // Not `drop`: even after a successful lowering, parts of ruff's tree
    // that lowering skips (annotations) may nest arbitrarily deep.
    dispose(module);
    result
}

/// The `from __future__ import ...` statements at the top of a module:
/// after an optional docstring, before any other statement (CPython's
/// `future_parse`). Others are a syntax error, raised where they are
/// lowered.
fn future_imports(body: &[rast::Stmt]) -> Vec<&rast::StmtImportFrom> {
    let mut out = Vec::new();
    let mut stmts = body.iter().peekable();
    if let Some(rast::Stmt::Expr(e)) = stmts.peek() {
        if matches!(&*e.value, rast::Expr::StringLiteral(_)) {
            stmts.next();
        }
    }
    for s in stmts {
        match s {
            rast::Stmt::ImportFrom(i)
                if i.level == 0
                    && i.module
                        .as_ref()
                        .is_some_and(|m| m.id.as_str() == "__future__") =>
            {
                out.push(i)
            }
            _ => break,
        }
    }
    out
}

/// A string as Python's `repr` writes it (single quotes unless the text
/// has one and no double quote): how CPython unparses a string annotation.
fn quoted(text: &str) -> String {
    let quote = if text.contains('\'') && !text.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// The features `from __future__ import` accepts (all mandatory in 3.11
/// but `annotations`, which changes how annotations compile, and
/// `barry_as_FLUFL`, which ftl refuses).
const FUTURE_FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "generator_stop",
    "annotations",
];

/// Wraps an expression in a statement list (only reachable if ruff ever
/// returned an expression module for module input).
fn thin_vec_of_expr(expr: rast::Expr) -> rast::Suite {
    let mut suite = rast::Suite::new();
    suite.push(rast::Stmt::Expr(rast::StmtExpr {
        node_index: rast::AtomicNodeIndex::default(),
        range: expr.range(),
        value: Box::new(expr),
    }));
    suite
}

// ---------------------------------------------------------------------------
// Source positions
// ---------------------------------------------------------------------------

/// Converts byte offsets to lines and character columns.
struct SourceMap<'s> {
    /// The whole source.
    src: &'s str,
    /// Byte offset of the start of each line (the first skips a BOM).
    line_starts: Vec<u32>,
    /// For each multi-byte character: the byte offset just past it and the
    /// number of continuation bytes in it and every earlier character.
    wide: Vec<(u32, u32)>,
    /// For each line, the index in `wide` of its first multi-byte character
    /// (or of the next line's, if it has none): columns on a line without
    /// one are plain byte differences.
    line_wide: Vec<u32>,
    /// The line found by the last lookup: nodes are converted roughly in
    /// source order, so this usually spares the binary search.
    last_line: core::cell::Cell<usize>,
}

impl<'s> SourceMap<'s> {
    /// Builds the tables in one pass over the bytes.
    fn new(src: &'s str) -> SourceMap<'s> {
        let bytes = src.as_bytes();
        let bom = if src.starts_with('\u{feff}') { 3 } else { 0 };
        let mut line_starts = vec![bom];
        let mut wide = Vec::new();
        let mut extra = 0u32;
        let mut i = 0usize;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                    line_starts.push(offset32(i + 1));
                }
                i += 1;
            } else {
                let len = match b {
                    0xC0..=0xDF => 2,
                    0xE0..=0xEF => 3,
                    _ => 4,
                };
                extra += len - 1;
                i += len as usize;
                wide.push((offset32(i), extra));
            }
        }
        let mut line_wide = Vec::with_capacity(line_starts.len());
        let mut w = 0usize;
        for &start in &line_starts {
            while w < wide.len() && wide[w].0 <= start {
                w += 1;
            }
            line_wide.push(u32::try_from(w).unwrap_or(u32::MAX));
        }
        SourceMap {
            src,
            line_starts,
            wide,
            line_wide,
            last_line: core::cell::Cell::new(0),
        }
    }

    /// The 0-based line holding byte `off`.
    fn line_index(&self, off: u32) -> usize {
        let last = self.last_line.get();
        if self.line_start(last) <= off && off < self.line_end(last) {
            return last;
        }
        let line = self
            .line_starts
            .partition_point(|&start| start <= off)
            .saturating_sub(1);
        self.last_line.set(line);
        line
    }

    /// The number of characters before byte `off` in the whole source.
    fn chars_before(&self, off: u32) -> u32 {
        let idx = self.wide.partition_point(|&(end, _)| end <= off);
        let extra = if idx == 0 { 0 } else { self.wide[idx - 1].1 };
        off.saturating_sub(extra)
    }

    /// The byte offset where line `line` starts.
    fn line_start(&self, line: usize) -> u32 {
        self.line_starts.get(line).copied().unwrap_or(0)
    }

    /// The byte offset just past line `line`, line break included.
    fn line_end(&self, line: usize) -> u32 {
        self.line_starts
            .get(line + 1)
            .copied()
            .unwrap_or_else(|| offset32(self.src.len()))
    }

    /// 0-based character column of byte `off` on its line.
    fn col(&self, off: u32) -> u32 {
        self.col_on(self.line_index(off), off)
    }

    /// 0-based character column of byte `off`, which is on line `line`.
    fn col_on(&self, line: usize, off: u32) -> u32 {
        let start = self.line_start(line);
        let first = self
            .line_wide
            .get(line)
            .map_or(self.wide.len(), |&w| w as usize);
        // No multi-byte character between the line start and `off`: the
        // column is the byte difference (the common, ASCII case).
        match self.wide.get(first) {
            Some(&(end, _)) if end <= off => {
                let extra_before_line = if first == 0 {
                    0
                } else {
                    self.wide[first - 1].1
                };
                let upto = first + self.wide[first..].partition_point(|&(e, _)| e <= off);
                let extra = self.wide[upto - 1].1 - extra_before_line;
                off.saturating_sub(start).saturating_sub(extra)
            }
            _ => off.saturating_sub(start),
        }
    }

    /// The characters between two byte offsets.
    fn chars_between(&self, start: u32, end: u32) -> u32 {
        self.chars_before(end)
            .saturating_sub(self.chars_before(start))
    }

    /// The text of line `line` without its line break.
    fn line_text(&self, line: usize) -> &'s str {
        let start = self.line_start(line) as usize;
        let end = self.line_end(line) as usize;
        let text = self.src.get(start..end).unwrap_or("");
        let text = text.strip_suffix('\n').unwrap_or(text);
        text.strip_suffix('\r').unwrap_or(text)
    }

    /// Whether line `line` ends with a line break.
    fn line_has_break(&self, line: usize) -> bool {
        line + 1 < self.line_starts.len()
    }

    /// The 1-based number of the line holding the last byte of the source
    /// (CPython's line count at end of file).
    fn last_line_number(&self) -> u32 {
        let len = offset32(self.src.len());
        line_number(self.line_index(len.saturating_sub(1)))
    }

    /// The position of a byte range.
    fn loc(&self, range: TextRange) -> Loc {
        let start = range.start().to_u32();
        let end = range.end().to_u32();
        let line = self.line_index(start);
        // Most nodes end on the line they start on.
        let end_line = if end < self.line_end(line) || line + 1 >= self.line_starts.len() {
            line
        } else {
            self.line_index(end)
        };
        Loc {
            line: line_number(line),
            col: self.col_on(line, start),
            end_line: line_number(end_line),
            end_col: self.col_on(end_line, end),
        }
    }
}

/// A byte offset as `u32` (sources are at most 4 GiB, checked by [`parse`]).
fn offset32(off: usize) -> u32 {
    u32::try_from(off).unwrap_or(u32::MAX)
}

/// A 0-based line index as a 1-based line number.
fn line_number(line: usize) -> u32 {
    u32::try_from(line + 1).unwrap_or(u32::MAX)
}

/// The source, its position tables and the file name: what every error
/// needs.
struct Ctx<'s> {
    /// Position tables over the source.
    map: SourceMap<'s>,
    /// The file name errors carry.
    filename: &'s str,
}

impl Ctx<'_> {
    /// The source text.
    fn src(&self) -> &str {
        self.map.src
    }

    /// An error on 0-based line `line` with explicit 1-based columns.
    fn error_at_line(
        &self,
        kind: SyntaxErrorKind,
        msg: impl Into<String>,
        line: usize,
        col: u32,
        end_col: u32,
    ) -> SyntaxError {
        SyntaxError {
            kind,
            msg: msg.into(),
            filename: self.filename.to_owned(),
            line: line_number(line),
            col,
            end_col,
            text: Some(self.map.line_text(line).to_owned()),
        }
    }

    /// An error whose carets span `range`, clipped to its first line the
    /// way CPython clips a multi-line range.
    fn error_range(
        &self,
        kind: SyntaxErrorKind,
        msg: impl Into<String>,
        range: TextRange,
    ) -> SyntaxError {
        let start = range.start().to_u32();
        let end = range.end().to_u32().max(start);
        let line = self.map.line_index(start);
        let col = self.map.col(start) + 1;
        let last = self.map.line_index(end.saturating_sub(1).max(start));
        let end_col = if last == line {
            col + self.map.chars_between(start, end)
        } else {
            let text_chars = self.map.chars_between(
                self.map.line_start(line),
                self.map.line_start(line) + offset32(self.map.line_text(line).len()),
            );
            text_chars + u32::from(self.map.line_has_break(line))
        };
        self.error_at_line(kind, msg, line, col, end_col)
    }

    /// An error with a single caret at byte `off`.
    fn error_point(&self, kind: SyntaxErrorKind, msg: impl Into<String>, off: u32) -> SyntaxError {
        let line = self.map.line_index(off);
        let col = self.map.col(off) + 1;
        self.error_at_line(kind, msg, line, col, col)
    }

    /// A `SyntaxError` spanning `range`.
    fn syntax(&self, msg: impl Into<String>, range: TextRange) -> SyntaxError {
        self.error_range(SyntaxErrorKind::Syntax, msg, range)
    }

    /// The rejection of a construct outside ftl's subset.
    fn unsupported(&self, construct: &str, range: TextRange) -> SyntaxError {
        self.syntax(ast::unsupported(construct), range)
    }
}

// ---------------------------------------------------------------------------
// Choosing the error to report
// ---------------------------------------------------------------------------

/// An error CPython's tokenizer would raise, or the unclosed bracket it
/// finds at end of file.
struct TokenizerFindings {
    /// The first tokenizer error, with the byte offset where CPython's
    /// tokenizer detects it.
    first: Option<(u32, SyntaxError)>,
    /// The innermost bracket still open at end of file: its 0-based line and
    /// the error.
    unclosed: Option<(usize, SyntaxError)>,
}

/// Picks the one error CPython would report, if any.
fn select_error(
    cx: &Ctx<'_>,
    tokens: &[Token],
    errors: &[ParseError],
    unsupported: &[UnsupportedSyntaxError],
) -> Option<SyntaxError> {
    let mut findings = scan_tokens(cx, tokens);
    // Ruff's lexical errors that CPython's tokenizer also raises.
    for error in errors {
        if let Some((detect, err)) = lexical_tokenizer_error(cx, tokens, error, &findings) {
            if findings.first.as_ref().is_none_or(|(d, _)| detect < *d) {
                findings.first = Some((detect, err));
            }
        }
    }
    if let Some((_, err)) = findings.first {
        return Some(err);
    }
    // The first parser-level error, from ruff's errors (in the order its
    // parser met them, which is the order CPython's parser meets them too)
    // and its version-related errors (syntax newer than 3.11).
    let mut parser: Option<(u32, SyntaxError)> = errors
        .iter()
        .find_map(|error| map_parse_error(cx, tokens, error));
    for error in unsupported {
        if let Some(err) = map_unsupported(cx, tokens, error) {
            let at = error.range.start().to_u32();
            if parser.as_ref().is_none_or(|(p, _)| at < *p) {
                parser = Some((at, err));
            }
        }
    }
    match (findings.unclosed, parser) {
        (Some((bracket_line, unclosed)), Some((at, err))) => {
            // CPython keeps the parser's error unless the parser had already
            // read past the bracket's line: a generic error stops at its
            // token, a specific one has looked one token further.
            let read_to = if err.msg == "invalid syntax" {
                Some(cx.map.line_index(at))
            } else {
                next_token_line(cx, tokens, at)
            };
            match read_to {
                Some(line) if line <= bracket_line => Some(err),
                _ => Some(unclosed),
            }
        }
        (Some((_, unclosed)), None) => Some(unclosed),
        (None, Some((_, err))) => Some(err),
        // Every error of ruff's maps to something above; should one not,
        // its tree is still not fit to lower.
        (None, None) => errors
            .first()
            .map(|e| invalid_syntax_at(cx, tokens, e.location.start().to_u32())),
    }
}

/// The 0-based line of the first significant token after the token at
/// `offset`, or `None` at end of file.
fn next_token_line(cx: &Ctx<'_>, tokens: &[Token], offset: u32) -> Option<usize> {
    let idx = tokens.partition_point(|t| t.start().to_u32() <= offset);
    tokens[idx..]
        .iter()
        .find(|t| !is_trivia(t.kind()))
        .filter(|t| t.kind() != TokenKind::EndOfFile)
        .map(|t| cx.map.line_index(t.start().to_u32()))
}

/// Tokens that CPython's parser never sees.
fn is_trivia(kind: TokenKind) -> bool {
    matches!(kind, TokenKind::Comment | TokenKind::NonLogicalNewline)
}

/// The index of the first token starting at or after `offset`.
fn token_index_at(tokens: &[Token], offset: u32) -> usize {
    tokens.partition_point(|t| t.start().to_u32() < offset)
}

/// Replays CPython's tokenizer checks over ruff's tokens: brackets,
/// indentation and numeric literals.
fn scan_tokens(cx: &Ctx<'_>, tokens: &[Token]) -> TokenizerFindings {
    let mut brackets: Vec<(TokenKind, u32)> = Vec::new();
    // CPython's `indstack` / `altindstack`: columns with tabs to 8 and to 1.
    let mut indents: Vec<(u32, u32)> = vec![(0, 0)];
    let mut fstring_depth = 0usize;
    let mut at_line_start = true;
    let src = cx.src().as_bytes();
    for token in tokens {
        let kind = token.kind();
        let start = token.start().to_u32();
        match kind {
            TokenKind::Comment
            | TokenKind::NonLogicalNewline
            | TokenKind::Indent
            | TokenKind::Dedent
            | TokenKind::EndOfFile => continue,
            TokenKind::Newline => {
                if brackets.is_empty() && fstring_depth == 0 {
                    at_line_start = true;
                }
                continue;
            }
            _ => {}
        }
        if at_line_start && fstring_depth == 0 {
            at_line_start = false;
            if let Some(err) = check_indentation(cx, &mut indents, start) {
                return TokenizerFindings {
                    first: Some((start, err)),
                    unclosed: None,
                };
            }
        }
        match kind {
            TokenKind::FStringStart | TokenKind::TStringStart => {
                fstring_depth += 1;
                continue;
            }
            TokenKind::FStringEnd | TokenKind::TStringEnd => {
                fstring_depth = fstring_depth.saturating_sub(1);
                continue;
            }
            _ if fstring_depth > 0 => continue,
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                if brackets.len() >= MAX_BRACKETS {
                    let err = cx.error_point(
                        SyntaxErrorKind::Syntax,
                        "too many nested parentheses",
                        start,
                    );
                    return TokenizerFindings {
                        first: Some((start, err)),
                        unclosed: None,
                    };
                }
                brackets.push((kind, start));
            }
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                let close = bracket_char(kind);
                let err = match brackets.pop() {
                    None => Some(format!("unmatched '{close}'")),
                    Some((open_kind, open_at)) if !brackets_match(open_kind, kind) => {
                        let open = bracket_char(open_kind);
                        let open_line = cx.map.line_index(open_at);
                        if open_line == cx.map.line_index(start) {
                            Some(format!(
                                "closing parenthesis '{close}' does not match opening parenthesis '{open}'"
                            ))
                        } else {
                            Some(format!(
                                "closing parenthesis '{close}' does not match opening parenthesis '{open}' on line {}",
                                line_number(open_line)
                            ))
                        }
                    }
                    Some(_) => None,
                };
                if let Some(msg) = err {
                    let err = cx.error_point(SyntaxErrorKind::Syntax, msg, start);
                    return TokenizerFindings {
                        first: Some((start, err)),
                        unclosed: None,
                    };
                }
            }
            TokenKind::Int | TokenKind::Float | TokenKind::Complex | TokenKind::Unknown => {
                let first = src.get(start as usize).copied().unwrap_or(0);
                let second = src.get(start as usize + 1).copied().unwrap_or(0);
                if first.is_ascii_digit() || (first == b'.' && second.is_ascii_digit()) {
                    if let Some(err) = check_number(cx, start) {
                        return TokenizerFindings {
                            first: Some((start, err)),
                            unclosed: None,
                        };
                    }
                }
            }
            _ => {}
        }
    }
    let unclosed = brackets.last().map(|&(kind, at)| {
        let line = cx.map.line_index(at);
        let col = cx.map.col(at) + 1;
        let msg = format!("'{}' was never closed", bracket_char(kind));
        (
            line,
            cx.error_at_line(SyntaxErrorKind::Syntax, msg, line, col, 0),
        )
    });
    TokenizerFindings {
        first: None,
        unclosed,
    }
}

/// The character of a bracket token.
fn bracket_char(kind: TokenKind) -> char {
    match kind {
        TokenKind::Lpar => '(',
        TokenKind::Rpar => ')',
        TokenKind::Lsqb => '[',
        TokenKind::Rsqb => ']',
        TokenKind::Lbrace => '{',
        _ => '}',
    }
}

/// Whether a closing bracket closes an opening one.
fn brackets_match(open: TokenKind, close: TokenKind) -> bool {
    matches!(
        (open, close),
        (TokenKind::Lpar, TokenKind::Rpar)
            | (TokenKind::Lsqb, TokenKind::Rsqb)
            | (TokenKind::Lbrace, TokenKind::Rbrace)
    )
}

/// CPython's indentation bookkeeping (`tok_get`'s start-of-line branch) for
/// the logical line whose first token starts at byte `first`: the line's
/// leading blanks are measured with tabs to the next multiple of 8 (`col`)
/// and as 1 (`altcol`); the two measures must order lines the same way.
fn check_indentation(
    cx: &Ctx<'_>,
    indents: &mut Vec<(u32, u32)>,
    first: u32,
) -> Option<SyntaxError> {
    let line = cx.map.line_index(first);
    let line_start = cx.map.line_start(line);
    let bytes = cx.src().as_bytes();
    let (mut col, mut altcol) = (0u32, 0u32);
    for &b in bytes.get(line_start as usize..).unwrap_or(&[]) {
        match b {
            b' ' => {
                col += 1;
                altcol += 1;
            }
            b'\t' => {
                col = (col / 8 + 1) * 8;
                altcol += 1;
            }
            0x0c => {
                col = 0;
                altcol = 0;
            }
            _ => break,
        }
    }
    let tab_error = || {
        cx.error_at_line(
            SyntaxErrorKind::Tab,
            "inconsistent use of tabs and spaces in indentation",
            line,
            1,
            0,
        )
    };
    let &(top, alttop) = indents.last()?;
    if col == top {
        if altcol != alttop {
            return Some(tab_error());
        }
    } else if col > top {
        if indents.len() >= MAX_INDENT {
            return Some(cx.error_at_line(
                SyntaxErrorKind::Indentation,
                "too many levels of indentation",
                line,
                1,
                0,
            ));
        }
        if altcol <= alttop {
            return Some(tab_error());
        }
        indents.push((col, altcol));
    } else {
        while indents.len() > 1 && indents.last().is_some_and(|&(c, _)| col < c) {
            indents.pop();
        }
        let &(top, alttop) = indents.last()?;
        if col != top {
            let text_chars = offset32(cx.map.line_text(line).chars().count());
            return Some(cx.error_at_line(
                SyntaxErrorKind::Indentation,
                "unindent does not match any outer indentation level",
                line,
                text_chars + 1,
                0,
            ));
        }
        if altcol != alttop {
            return Some(tab_error());
        }
    }
    None
}

/// A cursor over the source bytes with CPython tokenizer semantics
/// (`tok_nextc` / `tok_backup`), used to check numeric literals.
struct NumCursor<'a> {
    /// The source bytes.
    src: &'a [u8],
    /// The next byte to read.
    cur: usize,
}

impl NumCursor<'_> {
    /// Reads the next byte (`None` at end of input).
    fn next(&mut self) -> Option<u8> {
        let c = self.src.get(self.cur).copied();
        if c.is_some() {
            self.cur += 1;
        }
        c
    }

    /// Puts back the byte just read.
    fn backup(&mut self, c: Option<u8>) {
        if c.is_some() {
            self.cur -= 1;
        }
    }

    /// Whether the next bytes are `rest` (consumes nothing).
    fn lookahead(&self, rest: &[u8]) -> bool {
        self.src.get(self.cur..self.cur + rest.len()) == Some(rest)
    }
}

/// A byte that can continue an identifier (CPython's
/// `is_potential_identifier_char`).
fn is_ident_byte(c: Option<u8>) -> bool {
    matches!(c, Some(b) if b.is_ascii_alphanumeric() || b == b'_' || b >= 128)
}

/// A decimal digit.
fn is_digit(c: Option<u8>) -> bool {
    matches!(c, Some(b) if b.is_ascii_digit())
}

/// Why a numeric literal is malformed: the message and the byte offsets
/// (from the line start) CPython reports.
struct NumError {
    /// The message.
    msg: String,
    /// CPython's `offset` as a byte offset into the source (the character
    /// before it is the one the caret marks), or the literal's start for a
    /// ranged error.
    at: usize,
    /// For a ranged error, the byte offset CPython uses as `end_offset`.
    end: Option<usize>,
}

/// Checks the numeric literal starting at byte `start` with the rules of
/// CPython 3.11's tokenizer (`tok_get`'s number branch, `tok_decimal_tail`,
/// `verify_end_of_number`).
fn check_number(cx: &Ctx<'_>, start: u32) -> Option<SyntaxError> {
    let mut cursor = NumCursor {
        src: cx.src().as_bytes(),
        cur: start as usize,
    };
    let err = scan_number(&mut cursor)?;
    let line = cx.map.line_index(start);
    let line_start = cx.map.line_start(line);
    match err.end {
        Some(end) => {
            let col = cx.map.col(start) + 1;
            let end_col = cx.map.chars_between(line_start, offset32(end));
            Some(cx.error_at_line(SyntaxErrorKind::Syntax, err.msg, line, col, end_col))
        }
        None => {
            let col = cx.map.chars_between(line_start, offset32(err.at));
            Some(cx.error_at_line(SyntaxErrorKind::Syntax, err.msg, line, col, col))
        }
    }
}

/// The number scanner proper; returns the first error.
fn scan_number(t: &mut NumCursor<'_>) -> Option<NumError> {
    let error = |t: &NumCursor<'_>, msg: String| NumError {
        msg,
        at: t.cur,
        end: None,
    };
    let start = t.cur;
    let mut c = t.next();
    if c == Some(b'.') {
        c = t.next();
        return scan_fraction(t, c);
    }
    if c == Some(b'0') {
        c = t.next();
        match c {
            Some(b'x' | b'X') => {
                c = t.next();
                loop {
                    if c == Some(b'_') {
                        c = t.next();
                    }
                    if !matches!(c, Some(b) if b.is_ascii_hexdigit()) {
                        t.backup(c);
                        return Some(error(t, "invalid hexadecimal literal".into()));
                    }
                    while matches!(c, Some(b) if b.is_ascii_hexdigit()) {
                        c = t.next();
                    }
                    if c != Some(b'_') {
                        break;
                    }
                }
                return verify_end_of_number(t, c, "hexadecimal");
            }
            Some(b'o' | b'O' | b'b' | b'B') => {
                let (limit, kind) = if matches!(c, Some(b'o' | b'O')) {
                    (b'8', "octal")
                } else {
                    (b'2', "binary")
                };
                c = t.next();
                loop {
                    if c == Some(b'_') {
                        c = t.next();
                    }
                    if !matches!(c, Some(b) if (b'0'..limit).contains(&b)) {
                        if let Some(b) = c.filter(u8::is_ascii_digit) {
                            return Some(error(
                                t,
                                format!("invalid digit '{}' in {kind} literal", b as char),
                            ));
                        }
                        t.backup(c);
                        return Some(error(t, format!("invalid {kind} literal")));
                    }
                    while matches!(c, Some(b) if (b'0'..limit).contains(&b)) {
                        c = t.next();
                    }
                    if c != Some(b'_') {
                        break;
                    }
                }
                if let Some(b) = c.filter(u8::is_ascii_digit) {
                    return Some(error(
                        t,
                        format!("invalid digit '{}' in {kind} literal", b as char),
                    ));
                }
                return verify_end_of_number(t, c, kind);
            }
            _ => {
                let mut nonzero = false;
                loop {
                    if c == Some(b'_') {
                        c = t.next();
                        if !is_digit(c) {
                            t.backup(c);
                            return Some(error(t, "invalid decimal literal".into()));
                        }
                    }
                    if c != Some(b'0') {
                        break;
                    }
                    c = t.next();
                }
                let zeros_end = t.cur;
                if is_digit(c) {
                    nonzero = true;
                    c = match decimal_tail(t) {
                        Ok(c) => c,
                        Err(e) => return Some(e),
                    };
                }
                return match c {
                    Some(b'.') => {
                        c = t.next();
                        scan_fraction(t, c)
                    }
                    Some(b'e' | b'E') => scan_exponent(t, c),
                    Some(b'j' | b'J') => {
                        c = t.next();
                        verify_end_of_number(t, c, "imaginary")
                    }
                    _ if nonzero => {
                        t.backup(c);
                        Some(NumError {
                            msg: "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers".into(),
                            at: start,
                            end: Some(zeros_end),
                        })
                    }
                    _ => verify_end_of_number(t, c, "decimal"),
                };
            }
        }
    }
    // A decimal literal; the first digit is already read.
    t.backup(c);
    c = match decimal_tail(t) {
        Ok(c) => c,
        Err(e) => return Some(e),
    };
    if c == Some(b'.') {
        c = t.next();
        return scan_fraction(t, c);
    }
    scan_after_fraction(t, c)
}

/// `tok_decimal_tail`: digits with single underscores between them.
fn decimal_tail(t: &mut NumCursor<'_>) -> Result<Option<u8>, NumError> {
    loop {
        let mut c = t.next();
        while is_digit(c) {
            c = t.next();
        }
        if c != Some(b'_') {
            return Ok(c);
        }
        c = t.next();
        if !is_digit(c) {
            t.backup(c);
            return Err(NumError {
                msg: "invalid decimal literal".into(),
                at: t.cur,
                end: None,
            });
        }
    }
}

/// The fraction part, `c` being the byte after the dot.
fn scan_fraction(t: &mut NumCursor<'_>, mut c: Option<u8>) -> Option<NumError> {
    if is_digit(c) {
        t.backup(c);
        c = match decimal_tail(t) {
            Ok(c) => c,
            Err(e) => return Some(e),
        };
    }
    scan_after_fraction(t, c)
}

/// What may follow the digits and fraction: an exponent, `j`, or the end.
fn scan_after_fraction(t: &mut NumCursor<'_>, c: Option<u8>) -> Option<NumError> {
    match c {
        Some(b'e' | b'E') => scan_exponent(t, c),
        Some(b'j' | b'J') => {
            let c = t.next();
            verify_end_of_number(t, c, "imaginary")
        }
        _ => verify_end_of_number(t, c, "decimal"),
    }
}

/// The exponent part, `e` being the `e`/`E` just read.
fn scan_exponent(t: &mut NumCursor<'_>, e: Option<u8>) -> Option<NumError> {
    let mut c = t.next();
    if matches!(c, Some(b'+' | b'-')) {
        c = t.next();
        if !is_digit(c) {
            t.backup(c);
            return Some(NumError {
                msg: "invalid decimal literal".into(),
                at: t.cur,
                end: None,
            });
        }
    } else if !is_digit(c) {
        t.backup(c);
        if let Some(err) = verify_end_of_number(t, e, "decimal") {
            return Some(err);
        }
        return None;
    }
    t.backup(c);
    c = match decimal_tail(t) {
        Ok(c) => c,
        Err(e) => return Some(e),
    };
    if matches!(c, Some(b'j' | b'J')) {
        c = t.next();
        return verify_end_of_number(t, c, "imaginary");
    }
    verify_end_of_number(t, c, "decimal")
}

/// `verify_end_of_number`: a literal directly followed by an identifier
/// character is an error, except before the keywords that may follow a
/// number (`and else for if in is not or`), which CPython only warns about.
fn verify_end_of_number(t: &mut NumCursor<'_>, c: Option<u8>, kind: &str) -> Option<NumError> {
    let keyword_follows = match c {
        Some(b'a') => t.lookahead(b"nd"),
        Some(b'e') => t.lookahead(b"lse"),
        Some(b'f') => t.lookahead(b"or"),
        Some(b'i') => matches!(t.src.get(t.cur), Some(b'f' | b'n' | b's')),
        Some(b'o') => t.lookahead(b"r"),
        Some(b'n') => t.lookahead(b"ot"),
        _ => false,
    };
    if keyword_follows || !is_ident_byte(c) {
        return None;
    }
    t.backup(c);
    Some(NumError {
        msg: format!("invalid {kind} literal"),
        at: t.cur,
        end: None,
    })
}

/// Maps one of ruff's lexical errors that CPython's tokenizer also raises;
/// returns the detection offset and the error.
fn lexical_tokenizer_error(
    cx: &Ctx<'_>,
    tokens: &[Token],
    error: &ParseError,
    findings: &TokenizerFindings,
) -> Option<(u32, SyntaxError)> {
    let start = error.location.start().to_u32();
    let end = error.location.end().to_u32();
    match &error.error {
        PErr::Lexical(LexErr::UnclosedStringError) => {
            Some((start, unterminated_string(cx, start, end)))
        }
        PErr::Lexical(LexErr::FStringError(
            FsErr::UnterminatedString | FsErr::UnterminatedTripleQuotedString,
        ))
        | PErr::FStringError(FsErr::UnterminatedString | FsErr::UnterminatedTripleQuotedString) => {
            let string_start = outermost_fstring_start(tokens, start).unwrap_or(start);
            Some((
                string_start,
                unterminated_string(cx, string_start, end.max(start)),
            ))
        }
        PErr::Lexical(LexErr::UnrecognizedToken { tok }) => {
            let tok = *tok;
            if tok == '\0' {
                let line = cx.map.line_index(start);
                let mut err = cx.error_at_line(
                    SyntaxErrorKind::Syntax,
                    "source code cannot contain null bytes",
                    line,
                    0,
                    0,
                );
                let text = cx.map.line_text(line);
                err.text = Some(text.split('\0').next().unwrap_or("").to_owned());
                Some((start, err))
            } else if tok.is_ascii() {
                None
            } else if is_printable(tok) {
                let msg = format!("invalid character '{tok}' (U+{:04X})", tok as u32);
                Some((start, cx.error_point(SyntaxErrorKind::Syntax, msg, start)))
            } else {
                let msg = format!("invalid non-printable character U+{:04X}", tok as u32);
                Some((start, cx.error_point(SyntaxErrorKind::Syntax, msg, start)))
            }
        }
        PErr::Lexical(LexErr::LineContinuationError) if end as usize >= cx.src().len() => {
            // A backslash at the very end of the file.
            let line = cx.map.line_index(start);
            let chars = offset32(cx.map.line_text(line).chars().count());
            let err = cx.error_at_line(
                SyntaxErrorKind::Syntax,
                "unexpected EOF while parsing",
                line,
                chars + 1,
                0,
            );
            Some((start, err))
        }
        PErr::Lexical(LexErr::LineContinuationError) => {
            // CPython points at the character after the backslash.
            let line = cx.map.line_index(start);
            let col = cx.map.col(start) + 2;
            let err = cx.error_at_line(
                SyntaxErrorKind::Syntax,
                "unexpected character after line continuation character",
                line,
                col,
                0,
            );
            Some((start, err))
        }
        PErr::Lexical(LexErr::Eof) if findings.unclosed.is_none() => {
            let line = cx.map.line_index(start.saturating_sub(1));
            let chars = offset32(cx.map.line_text(line).chars().count());
            let err = cx.error_at_line(
                SyntaxErrorKind::Syntax,
                "unexpected EOF while parsing",
                line,
                chars + 1,
                0,
            );
            Some((start, err))
        }
        _ => None,
    }
}

/// CPython's `unterminated string literal` error for a string starting at
/// byte `start` whose scan stopped at byte `end`.
fn unterminated_string(cx: &Ctx<'_>, start: u32, end: u32) -> SyntaxError {
    let src = cx.src().as_bytes();
    let mut quote_at = start as usize;
    while quote_at < src.len() && src[quote_at].is_ascii_alphabetic() {
        quote_at += 1;
    }
    let quote = src.get(quote_at).copied().unwrap_or(b'"');
    let triple = src.get(quote_at..quote_at + 3) == Some(&[quote, quote, quote][..]);
    let detected = if triple {
        cx.map.last_line_number()
    } else {
        line_number(cx.map.line_index(end.saturating_sub(1).max(start)))
    };
    let msg = if triple {
        format!("unterminated triple-quoted string literal (detected at line {detected})")
    } else {
        format!("unterminated string literal (detected at line {detected})")
    };
    cx.error_point(SyntaxErrorKind::Syntax, msg, start)
}

/// The start of the outermost f-string (or t-string) that encloses byte
/// `offset`, if any.
fn outermost_fstring_start(tokens: &[Token], offset: u32) -> Option<u32> {
    let mut stack: Vec<u32> = Vec::new();
    for token in tokens {
        if token.start().to_u32() > offset {
            break;
        }
        match token.kind() {
            TokenKind::FStringStart | TokenKind::TStringStart => stack.push(token.start().to_u32()),
            TokenKind::FStringEnd | TokenKind::TStringEnd if token.end().to_u32() <= offset => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack.first().copied()
}

/// An approximation of Python's `str.isprintable` for one character:
/// control, format, separator (other than space), surrogate and private-use
/// characters are not printable.
fn is_printable(c: char) -> bool {
    let cp = c as u32;
    if c.is_control() || (c.is_whitespace() && c != ' ') {
        return false;
    }
    !matches!(
        cp,
        0xAD | 0x600..=0x605
            | 0x61C
            | 0x6DD
            | 0x70F
            | 0x180E
            | 0x200B..=0x200F
            | 0x2028..=0x202E
            | 0x2060..=0x206F
            | 0xFEFF
            | 0xFFF9..=0xFFFB
            | 0xE000..=0xF8FF
            | 0xF0000..=0x10FFFF
            | 0xE0000..=0xE007F
    )
}

/// The token range at `offset` (the first token starting there), or an
/// empty range at `offset`.
fn token_range_at(tokens: &[Token], offset: u32) -> TextRange {
    let idx = token_index_at(tokens, offset);
    match tokens.get(idx) {
        Some(t) if t.start().to_u32() == offset => t.range(),
        _ => TextRange::empty(TextSize::new(offset)),
    }
}

/// A generic `invalid syntax` at the token where ruff stopped: the carets
/// span the token, a line break gets a single caret.
fn invalid_syntax_at(cx: &Ctx<'_>, tokens: &[Token], offset: u32) -> SyntaxError {
    let range = token_range_at(tokens, offset);
    generic_error(cx, tokens, "invalid syntax", range)
}

/// An error spanning one token's range (a line break or end of file gets a
/// single caret, as CPython's zero-width `NEWLINE` / `ENDMARKER`).
fn generic_error(cx: &Ctx<'_>, tokens: &[Token], msg: &str, range: TextRange) -> SyntaxError {
    let start = range.start().to_u32();
    let idx = token_index_at(tokens, start);
    let is_break = tokens.get(idx).is_some_and(|t| {
        t.start().to_u32() == start
            && matches!(
                t.kind(),
                TokenKind::Newline | TokenKind::NonLogicalNewline | TokenKind::EndOfFile
            )
    });
    if is_break || range.is_empty() {
        cx.error_point(SyntaxErrorKind::Syntax, msg, start)
    } else {
        cx.syntax(msg, range)
    }
}

/// The index of the first token of the logical line that holds token
/// `idx`.
fn logical_line_head(tokens: &[Token], idx: usize) -> usize {
    let mut j = idx.min(tokens.len());
    while j > 0 {
        let kind = tokens[j - 1].kind();
        if matches!(
            kind,
            TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent
        ) {
            break;
        }
        j -= 1;
    }
    while j < idx
        && matches!(
            tokens[j].kind(),
            TokenKind::Comment | TokenKind::NonLogicalNewline
        )
    {
        j += 1;
    }
    j
}

/// Maps a ruff parser error to CPython's error, or `None` when the error is
/// one that CPython's tokenizer raises (handled by [`scan_tokens`] and
/// [`lexical_tokenizer_error`]).
fn map_parse_error(
    cx: &Ctx<'_>,
    tokens: &[Token],
    error: &ParseError,
) -> Option<(u32, SyntaxError)> {
    let mut range = error.location;
    let mut start = range.start().to_u32();
    // Ruff's recovery may end a logical line inside open brackets; CPython
    // reads on and fails at the next token.
    let idx = token_index_at(tokens, start);
    if tokens
        .get(idx)
        .is_some_and(|t| t.kind() == TokenKind::Newline && t.start().to_u32() == start)
        && !bracket_depth(&tokens[..idx]).is_empty()
    {
        if let Some(next) = tokens[idx + 1..].iter().find(|t| !is_trivia(t.kind())) {
            range = next.range();
            start = range.start().to_u32();
        }
    }
    let moved;
    let error = if range == error.location {
        error
    } else {
        moved = ParseError {
            error: error.error.clone(),
            location: range,
        };
        &moved
    };
    map_parse_error_at(cx, tokens, error).map(|err| (start, err))
}

/// [`map_parse_error`] once the error sits at the token CPython stops at.
fn map_parse_error_at(cx: &Ctx<'_>, tokens: &[Token], error: &ParseError) -> Option<SyntaxError> {
    let range = error.location;
    let start = range.start().to_u32();
    if let Some(err) = def_return_annotation_error(cx, tokens, error, start) {
        return Some(err);
    }
    if let Some(err) = fstring_context_error(cx, tokens, error) {
        return Some(err);
    }
    if !matches!(error.error, PErr::Lexical(_)) {
        if let Some(err) = legacy_print(cx, tokens, start) {
            return Some(err);
        }
    }
    let err = match &error.error {
        PErr::Lexical(lex) => match lex {
            LexErr::UnclosedStringError
            | LexErr::LineContinuationError
            | LexErr::Eof
            | LexErr::FStringError(
                FsErr::UnterminatedString | FsErr::UnterminatedTripleQuotedString,
            ) => return None,
            LexErr::IndentationError => cx.error_at_line(
                SyntaxErrorKind::Indentation,
                "unindent does not match any outer indentation level",
                cx.map.line_index(start),
                offset32(cx.map.line_text(cx.map.line_index(start)).chars().count()) + 1,
                0,
            ),
            LexErr::UnrecognizedToken { tok } if !tok.is_ascii() || *tok == '\0' => return None,
            LexErr::InvalidByteLiteral => {
                let string = string_token_range(tokens, start).unwrap_or(range);
                cx.syntax("bytes can only contain ASCII literal characters", string)
            }
            LexErr::UnicodeError | LexErr::MissingUnicodeLbrace | LexErr::MissingUnicodeRbrace => {
                unicode_escape_error(cx, tokens, error)
            }
            LexErr::FStringError(kind) => fstring_message_error(cx, tokens, kind, start),
            LexErr::TStringError(_) => cx.unsupported("t-string", range),
            _ => invalid_syntax_at(cx, tokens, start),
        },
        PErr::UnexpectedIndentation => {
            let line = cx.map.line_index(range.end().to_u32().max(start));
            let text = cx.map.line_text(line);
            let indent = text
                .chars()
                .take_while(|c| matches!(c, ' ' | '\t' | '\x0c'))
                .count();
            cx.error_at_line(
                SyntaxErrorKind::Indentation,
                "unexpected indent",
                line,
                offset32(indent),
                0,
            )
        }
        PErr::OtherError(msg) if msg.starts_with("Expected an indented block") => {
            expected_block(cx, tokens, start)
        }
        PErr::OtherError(msg) => match msg.as_str() {
            "Expected `except` or `finally` after `try` block" => cx.syntax(
                "expected 'except' or 'finally' block",
                token_range_at(tokens, start),
            ),
            "Trailing comma not allowed" => {
                let idx = token_index_at(tokens, start);
                let head = tokens.get(logical_line_head(tokens, idx)).map(Token::kind);
                // CPython fails at the token after the comma.
                let next = tokens.get(idx + 1).map_or(start, |t| t.start().to_u32());
                if matches!(head, Some(TokenKind::From)) {
                    generic_error(
                        cx,
                        tokens,
                        "trailing comma not allowed without surrounding parentheses",
                        token_range_at(tokens, next),
                    )
                } else {
                    invalid_syntax_at(cx, tokens, next)
                }
            }
            "Only single target (not tuple) can be annotated" => cx.error_point(
                SyntaxErrorKind::Syntax,
                "only single target (not tuple) can be annotated",
                start,
            ),
            "Only single target (not list) can be annotated" => cx.error_point(
                SyntaxErrorKind::Syntax,
                "only single target (not list) can be annotated",
                start,
            ),
            "Only one '*' parameter allowed"
            | "Only one '*' separator allowed"
            | "Keyword-only parameter separator not allowed after '*' parameter" => cx.error_point(
                SyntaxErrorKind::Syntax,
                "* argument may appear only once",
                start,
            ),
            "Multiple exception types must be parenthesized when using `as`" => {
                // The carets run to the end of the `as` name.
                let after = token_index_at(tokens, range.end().to_u32());
                let end = match (tokens.get(after), tokens.get(after + 1)) {
                    (Some(a), Some(n))
                        if a.kind() == TokenKind::As && n.kind() == TokenKind::Name =>
                    {
                        n.end()
                    }
                    _ => range.end(),
                };
                cx.syntax(
                    "multiple exception types must be parenthesized",
                    TextRange::new(range.start(), end),
                )
            }
            "Cannot have both 'except' and 'except*' on the same 'try'" => {
                let idx = token_index_at(tokens, start);
                let end = match (tokens.get(idx), tokens.get(idx + 1)) {
                    (Some(e), Some(star)) if star.kind() == TokenKind::Star => {
                        star.end().max(e.end())
                    }
                    (Some(e), _) => e.end(),
                    _ => range.end(),
                };
                cx.syntax(
                    "cannot have both 'except' and 'except*' on the same 'try'",
                    TextRange::new(range.start(), end),
                )
            }
            "Expected a statement"
                if tokens.get(token_index_at(tokens, start)).map(Token::kind)
                    == Some(TokenKind::ColonEqual) =>
            {
                // `-x := 1`: a named expression whose target is not a name.
                let idx = token_index_at(tokens, start);
                let first = expression_start_before(tokens, idx);
                match (
                    tokens.get(first),
                    idx.checked_sub(1).and_then(|i| tokens.get(i)),
                ) {
                    // With no expression before the `:=` (after `return`, `;`,
                    // ...) it is plain invalid syntax.
                    (Some(f), Some(l))
                        if first < idx && (first + 1 < idx || f.kind() != TokenKind::Name) =>
                    {
                        let target = TextRange::new(f.start(), l.end());
                        let (what, _) = describe_target(cx, tokens, target);
                        cx.syntax(
                            format!("cannot use assignment expressions with {what}"),
                            target,
                        )
                    }
                    _ => invalid_syntax_at(cx, tokens, start),
                }
            }
            "Only one '/' separator allowed" => cx.syntax("/ may appear only once", range),
            "Expected a parameter name" => {
                // `f(a.b=1)`: the carets run to the end of the `=`.
                let idx = token_index_at(tokens, range.end().to_u32());
                let end = tokens
                    .get(idx)
                    .filter(|t| t.kind() == TokenKind::Equal)
                    .map_or(range.end(), Token::end);
                cx.syntax(
                    "expression cannot contain assignment, perhaps you meant \"==\"?",
                    TextRange::new(range.start(), end),
                )
            }
            "Bytes literal cannot be mixed with non-bytes literals" => cx.error_point(
                SyntaxErrorKind::Syntax,
                "cannot mix bytes and nonbytes literals",
                after_string(tokens, range.end().to_u32().saturating_sub(1)),
            ),
            "'/' parameter must appear before '*' parameter" => {
                cx.syntax("/ must be ahead of *", range)
            }
            _ => invalid_syntax_at(cx, tokens, start),
        },
        PErr::ExpectedToken { expected, found } => {
            expected_token(cx, tokens, error, *expected, *found)
        }
        PErr::UnparenthesizedTupleExpression => {
            // `raise E, "message"`: CPython stops at the comma.
            let idx = token_index_at(tokens, start);
            let end = token_index_at(tokens, range.end().to_u32());
            let comma = top_level_position(&tokens[idx..end], TokenKind::Comma)
                .map_or(start, |i| tokens[idx + i].start().to_u32());
            invalid_syntax_at(cx, tokens, comma)
        }
        PErr::SimpleStatementsOnSameLine => simple_statements_on_same_line(cx, tokens, start),
        PErr::InvalidAssignmentTarget => {
            let idx = token_index_at(tokens, start);
            let end = token_index_at(tokens, range.end().to_u32());
            let for_target = idx > 0 && tokens[idx - 1].kind() == TokenKind::For;
            let comparison = tokens[idx..end.max(idx)].iter().position(|t| {
                matches!(
                    t.kind(),
                    TokenKind::EqEqual
                        | TokenKind::NotEqual
                        | TokenKind::Less
                        | TokenKind::LessEqual
                        | TokenKind::Greater
                        | TokenKind::GreaterEqual
                        | TokenKind::Is
                        | TokenKind::Not
                )
            });
            match comparison {
                // `for x not in y in z`: CPython's parser fails at the
                // operator (its `for` target search only looks left of `in`).
                Some(op) if for_target => {
                    invalid_syntax_at(cx, tokens, tokens[idx + op].start().to_u32())
                }
                _ => invalid_target(cx, tokens, range, TargetContext::Assign),
            }
        }
        PErr::InvalidAugmentedAssignmentTarget => {
            invalid_target(cx, tokens, range, TargetContext::AugAssign)
        }
        PErr::InvalidDeleteTarget => invalid_target(cx, tokens, range, TargetContext::Delete),
        PErr::InvalidNamedAssignmentTarget => {
            invalid_target(cx, tokens, range, TargetContext::Named)
        }
        PErr::InvalidAnnotatedAssignmentTarget => cx.error_point(
            SyntaxErrorKind::Syntax,
            "illegal target for annotation",
            start,
        ),
        PErr::UnparenthesizedGeneratorExpression => {
            cx.syntax("Generator expression must be parenthesized", range)
        }
        PErr::PositionalAfterKeywordArgument => generic_error(
            cx,
            tokens,
            "positional argument follows keyword argument",
            closing_bracket(tokens, start),
        ),
        PErr::PositionalAfterKeywordUnpacking => generic_error(
            cx,
            tokens,
            "positional argument follows keyword argument unpacking",
            closing_bracket(tokens, start),
        ),
        PErr::InvalidArgumentUnpackingOrder => cx.error_point(
            SyntaxErrorKind::Syntax,
            "iterable argument unpacking follows keyword argument unpacking",
            start,
        ),
        PErr::IterableUnpackingInComprehension => {
            cx.syntax("iterable unpacking cannot be used in comprehension", range)
        }
        PErr::NonDefaultParamAfterDefaultParam => cx.syntax(
            "non-default argument follows default argument",
            token_range_at(tokens, start),
        ),
        PErr::VarParameterWithDefault => {
            let idx = token_index_at(tokens, start);
            let kwarg = tokens[..idx]
                .iter()
                .rev()
                .find(|t| matches!(t.kind(), TokenKind::Star | TokenKind::DoubleStar))
                .is_some_and(|t| t.kind() == TokenKind::DoubleStar);
            let msg = if kwarg {
                "var-keyword argument cannot have default value"
            } else {
                "var-positional argument cannot have default value"
            };
            cx.syntax(msg, range)
        }
        PErr::ParamAfterVarKeywordParam => {
            cx.syntax("arguments cannot follow var-keyword argument", range)
        }
        PErr::ExpectedKeywordParam => {
            // CPython marks the bare `*` of a `def`, and the token after it
            // in a lambda.
            let idx = token_index_at(tokens, start);
            let in_lambda = tokens[..idx]
                .iter()
                .rev()
                .find(|t| matches!(t.kind(), TokenKind::Lambda | TokenKind::Def))
                .is_some_and(|t| t.kind() == TokenKind::Lambda);
            let at = if in_lambda {
                let next = token_index_at(tokens, range.end().to_u32());
                tokens.get(next).map_or(range, Ranged::range)
            } else {
                range
            };
            generic_error(cx, tokens, "named arguments must follow bare *", at)
        }
        PErr::UnexpectedIpythonEscapeCommand => cx.unsupported("IPython escape command", range),
        PErr::InvalidStarredExpressionUsage if parenthesized(tokens, range) => {
            cx.syntax("cannot use starred expression here", range)
        }
        PErr::InvalidMatchPatternTarget => cx.syntax("cannot use '_' as a target", range),
        PErr::ExpectedExpression if parameter_default_missing(tokens, start) => {
            let eq = tokens[token_index_at(tokens, start) - 1].range();
            cx.syntax("expected default value expression", eq)
        }
        PErr::FStringError(kind) => fstring_message_error(cx, tokens, kind, start),
        PErr::TStringError(_) => cx.unsupported("t-string", range),
        _ => invalid_syntax_at(cx, tokens, start),
    };
    Some(err)
}

/// The closing bracket of the call (or other bracket) that holds byte
/// `offset`: where CPython reports errors found after parsing a whole
/// argument list.
fn closing_bracket(tokens: &[Token], offset: u32) -> TextRange {
    let mut depth = 0i32;
    for token in &tokens[token_index_at(tokens, offset)..] {
        match token.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                if depth == 0 {
                    return token.range();
                }
                depth -= 1;
            }
            TokenKind::Newline | TokenKind::EndOfFile => return token.range(),
            _ => {}
        }
    }
    TextRange::empty(TextSize::new(offset))
}

/// Whether `range` is directly wrapped in parentheses.
fn parenthesized(tokens: &[Token], range: TextRange) -> bool {
    let before = token_index_at(tokens, range.start().to_u32());
    let after = token_index_at(tokens, range.end().to_u32());
    before > 0
        && tokens[before - 1].kind() == TokenKind::Lpar
        && tokens.get(after).map(Token::kind) == Some(TokenKind::Rpar)
}

/// Whether the token at `offset` follows a parameter's `=` with no default
/// value (`def f(x=):`, `lambda x=: 0`).
fn parameter_default_missing(tokens: &[Token], offset: u32) -> bool {
    let idx = token_index_at(tokens, offset);
    let (Some(eq), Some(next)) = (
        idx.checked_sub(1).and_then(|i| tokens.get(i)),
        tokens.get(idx),
    ) else {
        return false;
    };
    if eq.kind() != TokenKind::Equal
        || !matches!(
            next.kind(),
            TokenKind::Rpar | TokenKind::Comma | TokenKind::Colon
        )
    {
        return false;
    }
    // Inside a `def`'s parentheses, or after a `lambda` at this depth.
    let mut depth = 0i32;
    for j in (0..idx).rev() {
        match tokens[j].kind() {
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth += 1,
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                if depth == 0 {
                    return tokens[j].kind() == TokenKind::Lpar
                        && j >= 2
                        && tokens[j - 2].kind() == TokenKind::Def;
                }
                depth -= 1;
            }
            TokenKind::Lambda if depth == 0 => return true,
            TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent => return false,
            _ => {}
        }
    }
    false
}

/// Errors inside a `def`'s return annotation: CPython gives up on the
/// optional `-> expression` and demands the `:` at the `->` (or at the
/// comma of `-> a, b`).
fn def_return_annotation_error(
    cx: &Ctx<'_>,
    tokens: &[Token],
    error: &ParseError,
    offset: u32,
) -> Option<SyntaxError> {
    let idx = token_index_at(tokens, offset);
    let head = logical_line_head(tokens, idx);
    if !matches!(
        tokens.get(head).map(Token::kind),
        Some(TokenKind::Def | TokenKind::Async)
    ) {
        return None;
    }
    let arrow = top_level_position(&tokens[head..idx], TokenKind::Rarrow)? + head;
    if has_top_level(&tokens[arrow..idx], TokenKind::Colon) {
        return None;
    }
    if let PErr::OtherError(msg) = &error.error {
        if msg == "Multiple return types must be parenthesized" {
            let end = token_index_at(tokens, error.location.end().to_u32());
            let comma =
                top_level_position(&tokens[arrow..end.max(arrow)], TokenKind::Comma)? + arrow;
            return Some(generic_error(
                cx,
                tokens,
                "expected ':'",
                tokens[comma].range(),
            ));
        }
    }
    match &error.error {
        PErr::ExpectedExpression
        | PErr::InvalidStarredExpressionUsage
        | PErr::InvalidYieldExpressionUsage
        | PErr::InvalidLambdaExpressionUsage
        | PErr::UnparenthesizedNamedExpression => Some(generic_error(
            cx,
            tokens,
            "expected ':'",
            tokens[arrow].range(),
        )),
        _ => None,
    }
}

/// The range of the string token (or whole f-string) holding byte
/// `offset`.
fn string_token_range(tokens: &[Token], offset: u32) -> Option<TextRange> {
    let idx = tokens.partition_point(|t| t.end().to_u32() <= offset);
    let token = tokens.get(idx)?;
    (token.kind() == TokenKind::String && token.start().to_u32() <= offset).then(|| token.range())
}

/// CPython's `(unicode error) 'unicodeescape' codec can't decode bytes ...`
/// for a bad escape in a string literal.
fn unicode_escape_error(cx: &Ctx<'_>, tokens: &[Token], error: &ParseError) -> SyntaxError {
    let start = error.location.start().to_u32();
    let Some(string) = string_token_range(tokens, start) else {
        return invalid_syntax_at(cx, tokens, start);
    };
    let src = cx.src();
    let text = &src[string.start().to_usize()..string.end().to_usize()];
    let prefix = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    let quote = text.as_bytes().get(prefix).copied().unwrap_or(b'"');
    let triple = text.as_bytes().get(prefix..prefix + 3) == Some(&[quote, quote, quote][..]);
    let body_start = string.start().to_u32() + offset32(prefix) + if triple { 3 } else { 1 };
    // The escape starts at the backslash before the error location.
    let bytes = src.as_bytes();
    let string_end = string.end().to_usize().min(bytes.len());
    let mut esc = (start as usize).clamp(
        body_start as usize,
        string_end.saturating_sub(1).max(body_start as usize),
    );
    while esc > body_start as usize && bytes.get(esc) != Some(&b'\\') {
        esc -= 1;
    }
    let pos = esc.saturating_sub(body_start as usize);
    let rest = bytes.get(esc..string_end).unwrap_or(&[]);
    let (len, reason) = match rest.get(1) {
        Some(b'x') => {
            let n = rest[2..]
                .iter()
                .take(2)
                .take_while(|b| b.is_ascii_hexdigit())
                .count();
            (2 + n, "truncated \\xXX escape")
        }
        Some(b'u') => {
            let n = rest[2..]
                .iter()
                .take(4)
                .take_while(|b| b.is_ascii_hexdigit())
                .count();
            (2 + n, "truncated \\uXXXX escape")
        }
        Some(b'U') => {
            let n = rest[2..]
                .iter()
                .take(8)
                .take_while(|b| b.is_ascii_hexdigit())
                .count();
            if n == 8 {
                (10, "illegal Unicode character")
            } else {
                (2 + n, "truncated \\UXXXXXXXX escape")
            }
        }
        Some(b'N') => match rest.get(2) {
            Some(b'{') => match rest.iter().position(|&b| b == b'}') {
                Some(close) => (close + 1, "unknown Unicode character name"),
                None => (2, "malformed \\N character escape"),
            },
            _ => (2, "malformed \\N character escape"),
        },
        _ => (2, "malformed escape"),
    };
    let is_bytes = text.as_bytes()[..prefix]
        .iter()
        .any(|b| b.eq_ignore_ascii_case(&b'b'));
    let msg = if is_bytes {
        format!("(value error) invalid \\x escape at position {pos}")
    } else {
        format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {pos}-{}: {reason}",
            pos + len.max(1) - 1
        )
    };
    // CPython decodes the literals after reading them all, and reports at
    // the token that follows.
    let after = after_string(tokens, string.start().to_u32());
    generic_error(cx, tokens, &msg, token_range_at(tokens, after))
}

/// `expected an indented block after ...` for a compound statement whose
/// block is missing; ruff reports it at the token that should have been
/// indented.
fn expected_block(cx: &Ctx<'_>, tokens: &[Token], offset: u32) -> SyntaxError {
    if tokens.is_empty() {
        return cx.error_point(
            SyntaxErrorKind::Indentation,
            "expected an indented block",
            offset,
        );
    }
    let mut idx = token_index_at(tokens, offset).min(tokens.len() - 1);
    // Find the line break that ends the header.
    while idx > 0 && tokens[idx].kind() != TokenKind::Newline {
        idx -= 1;
    }
    let head = logical_line_head(tokens, idx);
    let header_line = tokens
        .get(head)
        .map_or(0, |t| cx.map.line_index(t.start().to_u32()));
    let what = match tokens.get(head).map(Token::kind) {
        Some(TokenKind::If) => "'if' statement".to_owned(),
        Some(TokenKind::Elif) => "'elif' statement".to_owned(),
        Some(TokenKind::Else) => "'else' statement".to_owned(),
        Some(TokenKind::While) => "'while' statement".to_owned(),
        Some(TokenKind::For) => "'for' statement".to_owned(),
        Some(TokenKind::With) => "'with' statement".to_owned(),
        Some(TokenKind::Try) => "'try' statement".to_owned(),
        Some(TokenKind::Except) => {
            if tokens.get(head + 1).map(Token::kind) == Some(TokenKind::Star) {
                "'except*' statement".to_owned()
            } else {
                "'except' statement".to_owned()
            }
        }
        Some(TokenKind::Finally) => "'finally' statement".to_owned(),
        Some(TokenKind::Def) => "function definition".to_owned(),
        Some(TokenKind::Class) => "class definition".to_owned(),
        Some(TokenKind::Match) => "'match' statement".to_owned(),
        Some(TokenKind::Case) => "'case' statement".to_owned(),
        Some(TokenKind::Async) => match tokens.get(head + 1).map(Token::kind) {
            Some(TokenKind::For) => "'for' statement".to_owned(),
            Some(TokenKind::With) => "'with' statement".to_owned(),
            _ => "function definition".to_owned(),
        },
        _ => String::new(),
    };
    let msg = if what.is_empty() {
        "expected an indented block".to_owned()
    } else {
        format!(
            "expected an indented block after {what} on line {}",
            line_number(header_line)
        )
    };
    let next = tokens[idx + 1..].iter().find(|t| {
        !matches!(
            t.kind(),
            TokenKind::Comment
                | TokenKind::NonLogicalNewline
                | TokenKind::Indent
                | TokenKind::Dedent
        )
    });
    match next {
        Some(t) if t.kind() != TokenKind::EndOfFile => {
            let at = t.start().to_u32();
            let line = cx.map.line_index(at);
            let col = cx.map.col(at) + 1;
            cx.error_at_line(SyntaxErrorKind::Indentation, msg, line, col, 0)
        }
        _ => {
            let line = cx
                .map
                .line_index(cx.map.line_start(cx.map.last_line_number() as usize - 1));
            cx.error_at_line(SyntaxErrorKind::Indentation, msg, line, 0, 0)
        }
    }
}

/// `ExpectedToken` errors: `expected ':'`, the missing-comma hint, or
/// `invalid syntax`.
fn expected_token(
    cx: &Ctx<'_>,
    tokens: &[Token],
    error: &ParseError,
    expected: TokenKind,
    found: TokenKind,
) -> SyntaxError {
    let start = error.location.start().to_u32();
    let idx = token_index_at(tokens, start);
    let head_idx = logical_line_head(tokens, idx);
    let head = tokens.get(head_idx).map(Token::kind);
    let depth = bracket_depth(&tokens[head_idx.min(idx)..idx]);
    if expected == TokenKind::Colon && depth.is_empty() {
        let compound = matches!(
            head,
            Some(
                TokenKind::If
                    | TokenKind::Elif
                    | TokenKind::Else
                    | TokenKind::While
                    | TokenKind::For
                    | TokenKind::With
                    | TokenKind::Try
                    | TokenKind::Except
                    | TokenKind::Finally
                    | TokenKind::Class
                    | TokenKind::Def
                    | TokenKind::Match
                    | TokenKind::Case
                    | TokenKind::Async
                    | TokenKind::At
            )
        );
        let forced = matches!(
            head,
            Some(
                TokenKind::Def
                    | TokenKind::Try
                    | TokenKind::Else
                    | TokenKind::Finally
                    | TokenKind::Async
                    | TokenKind::At
            )
        );
        // `match [1, 2]` alone is a valid expression statement (a
        // subscript of the name `match`), so CPython only fails at the
        // indented line after it and reports there, with no caret.
        let subject_continues_name = matches!(
            tokens.get(head_idx + 1).map(Token::kind),
            Some(
                TokenKind::Lsqb
                    | TokenKind::Lpar
                    | TokenKind::Minus
                    | TokenKind::Plus
                    | TokenKind::Star
                    | TokenKind::DoubleStar
                    | TokenKind::Dot
            )
        );
        if found == TokenKind::Newline && head == Some(TokenKind::Match) && subject_continues_name {
            // CPython reports at the indented `case` line, with no caret.
            let rest = tokens.get(idx + 1..).unwrap_or(&[]);
            if let Some(next) = rest.iter().find(|t| !is_trivia(t.kind())) {
                let line = cx.map.line_index(next.end().to_u32());
                return cx.error_at_line(SyntaxErrorKind::Syntax, "expected ':'", line, 0, 0);
            }
        }
        if (found == TokenKind::Newline && compound) || forced {
            return generic_error(cx, tokens, "expected ':'", token_range_at(tokens, start));
        }
    }
    if expected == TokenKind::Else {
        // `x = 1 if 2`: the carets span the conditional expression.
        let if_idx = tokens[..idx]
            .iter()
            .rposition(|t| t.kind() == TokenKind::If);
        if let (Some(if_idx), Some(last)) = (if_idx, idx.checked_sub(1).and_then(|i| tokens.get(i)))
        {
            let first = expression_start_before(tokens, if_idx);
            if let Some(first) = tokens.get(first) {
                let range = TextRange::new(first.start(), last.end());
                return cx.syntax("expected 'else' after 'if' expression", range);
            }
        }
    }
    if found == TokenKind::Equal && expected != TokenKind::Equal {
        if let Some(err) = assignment_in_expression(cx, tokens, idx) {
            return err;
        }
    }
    if depth.is_empty() && is_augmented_assign(found) {
        // `a, b += 1`: the target runs from the start of the line.
        if let (Some(first), Some(last)) = (
            tokens.get(head_idx),
            idx.checked_sub(1).and_then(|i| tokens.get(i)),
        ) {
            let target = TextRange::new(first.start(), last.end());
            return invalid_target(cx, tokens, target, TargetContext::AugAssign);
        }
    }
    if expected == TokenKind::Lpar && head == Some(TokenKind::Def) && depth.is_empty() {
        return generic_error(cx, tokens, "expected '('", token_range_at(tokens, start));
    }
    if expected == TokenKind::Colon
        && depth.last() == Some(&TokenKind::Lbrace)
        && matches!(found, TokenKind::Rbrace | TokenKind::Comma)
    {
        // `{1: 2, 3}`: the caret goes under the last character of the key.
        if let Some(prev) = idx.checked_sub(1).and_then(|i| tokens.get(i)) {
            let end = prev.end().to_u32();
            let line = cx.map.line_index(end);
            let col = cx.map.col(end);
            return cx.error_at_line(
                SyntaxErrorKind::Syntax,
                "':' expected after dictionary key",
                line,
                col,
                0,
            );
        }
    }
    if !depth.is_empty() && matches!(expected, TokenKind::Comma | TokenKind::Colon) {
        if let Some(err) = missing_comma(cx, tokens, idx) {
            return err;
        }
    }
    invalid_syntax_at(cx, tokens, start)
}

/// `if x = 1:` / `(y = 1)`: an `=` where an expression goes on (CPython's
/// `invalid_named_expression`). `idx` is the `=` token.
fn assignment_in_expression(cx: &Ctx<'_>, tokens: &[Token], idx: usize) -> Option<SyntaxError> {
    let target_start = expression_start_before(tokens, idx);
    if target_start >= idx {
        return None;
    }
    let value_end = expression_end_after(tokens, idx + 1);
    if value_end <= idx + 1
        || matches!(
            tokens.get(value_end).map(Token::kind),
            Some(TokenKind::Equal | TokenKind::ColonEqual)
        )
    {
        return None;
    }
    let first = &tokens[target_start];
    let last = &tokens[value_end - 1];
    if target_start + 1 == idx && first.kind() == TokenKind::Name {
        let range = TextRange::new(first.start(), last.end());
        return Some(cx.syntax(
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            range,
        ));
    }
    let target = TextRange::new(first.start(), tokens[idx - 1].end());
    let (what, bitwise_or) = describe_target(cx, tokens, target);
    if !bitwise_or || matches!(what.as_str(), "None" | "True" | "False" | "tuple" | "list") {
        return None;
    }
    Some(cx.syntax(
        format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?"),
        target,
    ))
}

/// The augmented assignment operators.
fn is_augmented_assign(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::PlusEqual
            | TokenKind::MinusEqual
            | TokenKind::StarEqual
            | TokenKind::SlashEqual
            | TokenKind::DoubleSlashEqual
            | TokenKind::PercentEqual
            | TokenKind::DoubleStarEqual
            | TokenKind::AtEqual
            | TokenKind::AmperEqual
            | TokenKind::VbarEqual
            | TokenKind::CircumflexEqual
            | TokenKind::LeftShiftEqual
            | TokenKind::RightShiftEqual
    )
}

/// The brackets left open by a run of tokens (f-string contents skipped).
fn bracket_depth(tokens: &[Token]) -> Vec<TokenKind> {
    let mut stack = Vec::new();
    let mut fstring = 0usize;
    for token in tokens {
        match token.kind() {
            TokenKind::FStringStart | TokenKind::TStringStart => fstring += 1,
            TokenKind::FStringEnd | TokenKind::TStringEnd => fstring = fstring.saturating_sub(1),
            _ if fstring > 0 => {}
            kind @ (TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace) => stack.push(kind),
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack
}

/// CPython's `invalid syntax. Perhaps you forgot a comma?` for two
/// expressions side by side inside brackets; the carets span both. `idx` is
/// the token that starts the second expression.
fn missing_comma(cx: &Ctx<'_>, tokens: &[Token], idx: usize) -> Option<SyntaxError> {
    let second = tokens.get(idx)?;
    if !starts_expression(second.kind()) {
        return None;
    }
    // Walk back over the first expression to the separator before it.
    let mut depth = 0i32;
    let mut j = idx;
    while j > 0 {
        let kind = tokens[j - 1].kind();
        match kind {
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth += 1,
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            TokenKind::Comma
            | TokenKind::Colon
            | TokenKind::Equal
            | TokenKind::ColonEqual
            | TokenKind::Lambda
            | TokenKind::Yield
            | TokenKind::Star
            | TokenKind::DoubleStar
            | TokenKind::For
            | TokenKind::If
            | TokenKind::Else
            | TokenKind::In
                if depth == 0 =>
            {
                break;
            }
            _ => {}
        }
        j -= 1;
    }
    let first = tokens.get(j)?;
    if j >= idx {
        return None;
    }
    // `!(NAME STRING | SOFT_KEYWORD)`: no hint for a name directly followed
    // by a string (a string prefix typo) or a soft keyword.
    if matches!(
        first.kind(),
        TokenKind::Match | TokenKind::Case | TokenKind::Type
    ) {
        return None;
    }
    if j + 1 == idx && first.kind() == TokenKind::Name && second.kind() == TokenKind::String {
        return None;
    }
    // The second expression: up to the next separator at this depth.
    let mut depth = 0i32;
    let mut k = idx;
    while k < tokens.len() {
        match tokens[k].kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            TokenKind::Comma
            | TokenKind::Colon
            | TokenKind::Equal
            | TokenKind::Newline
            | TokenKind::NonLogicalNewline
            | TokenKind::EndOfFile
            | TokenKind::For
            | TokenKind::If
                if depth == 0 =>
            {
                break;
            }
            kind if depth == 0
                && k > idx
                && starts_expression(kind)
                && ends_expression(tokens[k - 1].kind()) =>
            {
                break
            }
            _ => {}
        }
        k += 1;
    }
    let end = tokens.get(k.checked_sub(1)?)?.end();
    let range = TextRange::new(first.start(), end.max(second.end()));
    Some(cx.syntax("invalid syntax. Perhaps you forgot a comma?", range))
}

/// Tokens that can start an expression.
fn starts_expression(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Name
            | TokenKind::Int
            | TokenKind::Float
            | TokenKind::Complex
            | TokenKind::String
            | TokenKind::FStringStart
            | TokenKind::TStringStart
            | TokenKind::Lpar
            | TokenKind::Lsqb
            | TokenKind::Lbrace
            | TokenKind::Minus
            | TokenKind::Plus
            | TokenKind::Tilde
            | TokenKind::Not
            | TokenKind::Await
            | TokenKind::Lambda
            | TokenKind::None
            | TokenKind::True
            | TokenKind::False
            | TokenKind::Ellipsis
            | TokenKind::Match
            | TokenKind::Case
            | TokenKind::Type
            | TokenKind::Lazy
    )
}

/// Tokens that can end an expression.
fn ends_expression(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Name
            | TokenKind::Int
            | TokenKind::Float
            | TokenKind::Complex
            | TokenKind::String
            | TokenKind::FStringEnd
            | TokenKind::TStringEnd
            | TokenKind::Rpar
            | TokenKind::Rsqb
            | TokenKind::Rbrace
            | TokenKind::None
            | TokenKind::True
            | TokenKind::False
            | TokenKind::Ellipsis
    )
}

/// Two statements on one line without `;`: the Python 2 `print x` hint or
/// `invalid syntax` at the second statement.
fn simple_statements_on_same_line(cx: &Ctx<'_>, tokens: &[Token], offset: u32) -> SyntaxError {
    let idx = token_index_at(tokens, offset);
    if tokens.get(idx).map(Token::kind) == Some(TokenKind::Not)
        && tokens
            .get(idx + 1)
            .is_some_and(|t| t.kind() != TokenKind::In)
    {
        // `x not y`: CPython reads `not` as the start of `not in`.
        let next = tokens[idx + 1].start().to_u32();
        return invalid_syntax_at(cx, tokens, next);
    }
    invalid_syntax_at(cx, tokens, offset)
}

/// Python 2's `print x` / `exec code`: a name `print` or `exec` followed by
/// an expression where ruff stopped (CPython's `invalid_legacy_expression`).
/// The carets run from the name to the end of the expression.
fn legacy_print(cx: &Ctx<'_>, tokens: &[Token], offset: u32) -> Option<SyntaxError> {
    let idx = token_index_at(tokens, offset);
    let next = tokens.get(idx)?;
    if !starts_expression(next.kind())
        || next.kind() == TokenKind::Lpar
        || next.start().to_u32() != offset
    {
        return None;
    }
    let name_tok = tokens.get(idx.checked_sub(1)?)?;
    let name = &cx.src()[name_tok.range()];
    if name_tok.kind() != TokenKind::Name || (name != "print" && name != "exec") {
        return None;
    }
    if idx >= 2 && tokens[idx - 2].kind() == TokenKind::Dot {
        return None;
    }
    let mut depth = 0i32;
    let mut end = next.end();
    for token in &tokens[idx..] {
        match token.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            TokenKind::Newline
            | TokenKind::Semi
            | TokenKind::EndOfFile
            | TokenKind::Equal
            | TokenKind::Colon
                if depth == 0 =>
            {
                break
            }
            _ => {}
        }
        if !is_trivia(token.kind()) {
            end = token.end();
        }
    }
    let msg = format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?");
    Some(cx.syntax(msg, TextRange::new(name_tok.start(), end)))
}

/// Where an invalid target appears.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TargetContext {
    /// `target = value`, `for target in`, `with ... as target`.
    Assign,
    /// `target op= value`.
    AugAssign,
    /// `del target`.
    Delete,
    /// `(target := value)`.
    Named,
}

/// CPython's messages for an expression that cannot be assigned to,
/// deleted, or bound by `:=`.
fn invalid_target(
    cx: &Ctx<'_>,
    tokens: &[Token],
    range: TextRange,
    context: TargetContext,
) -> SyntaxError {
    // Parentheses around the target belong to it for CPython.
    let mut outer = range;
    loop {
        let before = token_index_at(tokens, outer.start().to_u32());
        let after = token_index_at(tokens, outer.end().to_u32());
        match (
            before.checked_sub(1).and_then(|i| tokens.get(i)),
            tokens.get(after),
        ) {
            (Some(open), Some(close))
                if open.kind() == TokenKind::Lpar && close.kind() == TokenKind::Rpar =>
            {
                outer = TextRange::new(open.start(), close.end());
            }
            _ => break,
        }
    }
    let idx = token_index_at(tokens, outer.start().to_u32());
    let (what, bitwise_or) = describe_target(cx, tokens, outer);
    match context {
        TargetContext::AugAssign => cx.syntax(
            format!("'{what}' is an illegal expression for augmented assignment"),
            range,
        ),
        TargetContext::Delete => cx.syntax(format!("cannot delete {what}"), range),
        TargetContext::Named => cx.syntax(
            format!("cannot use assignment expressions with {what}"),
            range,
        ),
        TargetContext::Assign => {
            // `T = v` with a single `=` reads as a comparison typo when `T` is
            // at `bitwise_or` level and is not a keyword constant.
            let head_idx = logical_line_head(tokens, idx);
            let end_idx = token_index_at(tokens, outer.end().to_u32());
            let followed_by_eq = tokens.get(end_idx).map(Token::kind) == Some(TokenKind::Equal);
            let line_end = tokens[end_idx..]
                .iter()
                .position(|t| {
                    matches!(
                        t.kind(),
                        TokenKind::Newline | TokenKind::Semi | TokenKind::EndOfFile
                    )
                })
                .map_or(tokens.len(), |p| end_idx + p);
            let equals = tokens[head_idx..line_end]
                .iter()
                .filter(|t| t.kind() == TokenKind::Equal)
                .count();
            let before = bracket_depth(&tokens[head_idx..idx]);
            let first_target = tokens[head_idx..idx].iter().all(|t| {
                !matches!(
                    t.kind(),
                    TokenKind::Equal | TokenKind::For | TokenKind::As | TokenKind::With
                )
            });
            let hint = bitwise_or
                && followed_by_eq
                && equals == 1
                && first_target
                && before.is_empty()
                && !matches!(what.as_str(), "None" | "True" | "False" | "tuple" | "list");
            if hint {
                cx.syntax(
                    format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?"),
                    range,
                )
            } else {
                cx.syntax(format!("cannot assign to {what}"), range)
            }
        }
    }
}

/// CPython's name for an expression kind (`_PyPegen_get_expr_name`) and
/// whether the expression is at `bitwise_or` level (higher precedence
/// than comparisons), judged from the tokens of `range`.
fn describe_target(cx: &Ctx<'_>, tokens: &[Token], range: TextRange) -> (String, bool) {
    let start = token_index_at(tokens, range.start().to_u32());
    let end = token_index_at(tokens, range.end().to_u32());
    let toks = &tokens[start..end.max(start)];
    let text = &cx.src()[range];
    // Operators at depth 0, lowest precedence first.
    let mut depth = 0i32;
    let mut lowest: Option<TokenKind> = None;
    let rank = |k: TokenKind| -> u8 {
        match k {
            TokenKind::Lambda => 0,
            TokenKind::If => 1,
            TokenKind::Or | TokenKind::And => 2,
            TokenKind::EqEqual
            | TokenKind::NotEqual
            | TokenKind::Less
            | TokenKind::LessEqual
            | TokenKind::Greater
            | TokenKind::GreaterEqual
            | TokenKind::In
            | TokenKind::Is => 4,
            _ => 5,
        }
    };
    let mut binary = false;
    for t in toks {
        let kind = t.kind();
        match kind {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth -= 1,
            _ if depth == 0 => {
                let r = rank(kind);
                if r < 5 && lowest.is_none_or(|l| r < rank(l)) {
                    lowest = Some(kind);
                }
                let is_op = matches!(
                    kind,
                    TokenKind::Plus
                        | TokenKind::Minus
                        | TokenKind::Star
                        | TokenKind::Slash
                        | TokenKind::DoubleSlash
                        | TokenKind::Percent
                        | TokenKind::DoubleStar
                        | TokenKind::At
                        | TokenKind::Vbar
                        | TokenKind::Amper
                        | TokenKind::CircumFlex
                        | TokenKind::LeftShift
                        | TokenKind::RightShift
                        | TokenKind::Tilde
                        | TokenKind::Not
                );
                if is_op {
                    binary = true;
                }
            }
            _ => {}
        }
    }
    let first = toks.first().map(Token::kind);
    let last = toks.last().map(Token::kind);
    let name = match lowest {
        Some(TokenKind::Lambda) => "lambda",
        Some(TokenKind::If) => "conditional expression",
        Some(TokenKind::Or | TokenKind::And) => "expression",
        Some(_) => "comparison",
        None if first == Some(TokenKind::Not) => "expression",
        None if first == Some(TokenKind::Star) => "starred",
        None if binary && (first != Some(TokenKind::Lpar) || last != Some(TokenKind::Rpar)) => {
            "expression"
        }
        None => match first {
            Some(TokenKind::Star) => "starred",
            Some(TokenKind::Await) => "await expression",
            Some(TokenKind::None) if toks.len() == 1 => "None",
            Some(TokenKind::True) if toks.len() == 1 => "True",
            Some(TokenKind::False) if toks.len() == 1 => "False",
            Some(TokenKind::Ellipsis) if toks.len() == 1 => "ellipsis",
            Some(TokenKind::Int | TokenKind::Float | TokenKind::Complex | TokenKind::String)
                if toks.len() == 1 || toks.iter().all(|t| t.kind() == TokenKind::String) =>
            {
                "literal"
            }
            Some(TokenKind::FStringStart)
                if last == Some(TokenKind::FStringEnd) && is_string_run(toks) =>
            {
                "f-string expression"
            }
            Some(TokenKind::String) if is_string_run(toks) => {
                if toks.iter().any(|t| t.kind() == TokenKind::FStringStart) {
                    "f-string expression"
                } else {
                    "literal"
                }
            }
            Some(TokenKind::Yield) => "yield expression",
            _ => match last {
                Some(TokenKind::Rpar) if first == Some(TokenKind::Lpar) && is_whole_group(toks) => {
                    let inner = &toks[1..toks.len() - 1];
                    if inner.is_empty() {
                        "tuple"
                    } else if inner.first().map(Token::kind) == Some(TokenKind::Yield) {
                        "yield expression"
                    } else if has_top_level(inner, TokenKind::For) {
                        "generator expression"
                    } else if has_top_level(inner, TokenKind::ColonEqual) {
                        "named expression"
                    } else {
                        "tuple"
                    }
                }
                Some(TokenKind::Rpar) => "function call",
                Some(TokenKind::Rsqb) if first == Some(TokenKind::Lsqb) && is_whole_group(toks) => {
                    if has_top_level(&toks[1..toks.len() - 1], TokenKind::For) {
                        "list comprehension"
                    } else {
                        "list"
                    }
                }
                Some(TokenKind::Rsqb) => "subscript",
                Some(TokenKind::Rbrace) if first == Some(TokenKind::Lbrace) => {
                    let inner = &toks[1..toks.len() - 1];
                    let dict = inner.is_empty()
                        || has_top_level(inner, TokenKind::Colon)
                        || has_top_level(inner, TokenKind::DoubleStar);
                    match (dict, has_top_level(inner, TokenKind::For)) {
                        (true, true) => "dict comprehension",
                        (true, false) => "dict literal",
                        (false, true) => "set comprehension",
                        (false, false) => "set display",
                    }
                }
                Some(TokenKind::Name)
                    if toks.len() >= 3 && toks[toks.len() - 2].kind() == TokenKind::Dot =>
                {
                    "attribute"
                }
                Some(TokenKind::Name) if toks.len() == 1 => "name",
                _ if text.contains(',') && depth == 0 => "tuple",
                _ => "expression",
            },
        },
    };
    let bitwise_or = !matches!(name, "lambda" | "conditional expression" | "comparison")
        && lowest.is_none()
        && first != Some(TokenKind::Not);
    (name.to_owned(), bitwise_or)
}

/// Whether the tokens are only (f-)strings side by side.
fn is_string_run(tokens: &[Token]) -> bool {
    let mut depth = 0usize;
    tokens.iter().all(|t| match t.kind() {
        TokenKind::FStringStart | TokenKind::TStringStart => {
            depth += 1;
            true
        }
        TokenKind::FStringEnd | TokenKind::TStringEnd => {
            depth = depth.saturating_sub(1);
            true
        }
        TokenKind::String | TokenKind::NonLogicalNewline | TokenKind::Comment => true,
        _ => depth > 0,
    })
}

/// Whether the first token's bracket closes at the last token.
fn is_whole_group(tokens: &[Token]) -> bool {
    let mut depth = 0i32;
    for (i, t) in tokens.iter().enumerate() {
        match t.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                depth -= 1;
                if depth == 0 && i + 1 != tokens.len() {
                    return false;
                }
            }
            _ => {}
        }
    }
    true
}

/// Whether `kind` occurs outside any nested bracket in `tokens`.
fn has_top_level(tokens: &[Token], kind: TokenKind) -> bool {
    top_level_position(tokens, kind).is_some()
}

/// The index of the first `kind` outside any nested bracket in `tokens`.
fn top_level_position(tokens: &[Token], kind: TokenKind) -> Option<usize> {
    let mut depth = 0i32;
    for (i, t) in tokens.iter().enumerate() {
        match t.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth -= 1,
            k if k == kind && depth == 0 => return Some(i),
            _ => {}
        }
    }
    None
}

/// The index of the first token of the expression that ends just before
/// token `idx` (walking back over balanced brackets to a separator).
fn expression_start_before(tokens: &[Token], idx: usize) -> usize {
    let floor = logical_line_head(tokens, idx);
    let mut depth = 0i32;
    let mut j = idx;
    while j > floor {
        match tokens[j - 1].kind() {
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth += 1,
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            TokenKind::Comma
            | TokenKind::Colon
            | TokenKind::Equal
            | TokenKind::ColonEqual
            | TokenKind::Semi
            | TokenKind::Newline
            | TokenKind::Indent
            | TokenKind::Dedent
            | TokenKind::Lambda
            | TokenKind::Yield
            | TokenKind::If
            | TokenKind::Elif
            | TokenKind::While
            | TokenKind::Else
            | TokenKind::For
            | TokenKind::Return
            | TokenKind::Raise
            | TokenKind::Assert
            | TokenKind::Del
            | TokenKind::With
            | TokenKind::As
            | TokenKind::Import
            | TokenKind::From
            | TokenKind::Global
            | TokenKind::Nonlocal
            | TokenKind::Star
            | TokenKind::DoubleStar
                if depth == 0 =>
            {
                break;
            }
            _ if depth == 0 && is_augmented_assign(tokens[j - 1].kind()) => break,
            _ => {}
        }
        j -= 1;
    }
    j
}

/// The index just past the expression that starts at token `idx` (up to the
/// next separator at its bracket depth).
fn expression_end_after(tokens: &[Token], idx: usize) -> usize {
    let mut depth = 0i32;
    let mut k = idx;
    while k < tokens.len() {
        match tokens[k].kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            TokenKind::Comma
            | TokenKind::Colon
            | TokenKind::Equal
            | TokenKind::ColonEqual
            | TokenKind::Semi
            | TokenKind::Newline
            | TokenKind::NonLogicalNewline
            | TokenKind::EndOfFile
            | TokenKind::For
            | TokenKind::If
            | TokenKind::Else
                if depth == 0 =>
            {
                break;
            }
            _ => {}
        }
        k += 1;
    }
    k
}

/// The position CPython 3.11 gives errors from its f-string parser: the
/// token after the whole (implicitly concatenated) string.
fn after_string(tokens: &[Token], offset: u32) -> u32 {
    let mut idx = tokens.partition_point(|t| t.end().to_u32() <= offset);
    let mut depth = 0usize;
    // Finish the f-string that holds `offset`.
    if let Some(start) = outermost_fstring_start(tokens, offset) {
        idx = token_index_at(tokens, start);
    }
    while let Some(t) = tokens.get(idx) {
        match t.kind() {
            TokenKind::FStringStart | TokenKind::TStringStart => depth += 1,
            TokenKind::FStringEnd | TokenKind::TStringEnd => depth = depth.saturating_sub(1),
            TokenKind::String | TokenKind::NonLogicalNewline | TokenKind::Comment => {}
            _ if depth > 0 => {}
            _ => return t.start().to_u32(),
        }
        idx += 1;
    }
    tokens.last().map_or(offset, |t| t.start().to_u32())
}

/// Parser errors inside an f-string's replacement fields, reported with
/// CPython 3.11's f-string wording (3.11 parses f-strings separately).
fn fstring_context_error(
    cx: &Ctx<'_>,
    tokens: &[Token],
    error: &ParseError,
) -> Option<SyntaxError> {
    let start = error.location.start().to_u32();
    match &error.error {
        PErr::Lexical(_) | PErr::FStringError(_) | PErr::TStringError(_) => return None,
        _ => {}
    }
    let fstring_start = outermost_fstring_start(tokens, start)?;
    if fstring_start >= start {
        return None;
    }
    let idx = token_index_at(tokens, start);
    let at = tokens.get(idx).map(Token::kind);
    let prev = idx
        .checked_sub(1)
        .and_then(|i| tokens.get(i))
        .map(Token::kind);
    let msg = match (&error.error, at) {
        (
            PErr::ExpectedExpression,
            Some(TokenKind::Rbrace | TokenKind::Exclamation | TokenKind::Colon),
        ) if prev == Some(TokenKind::Lbrace) => "f-string: empty expression not allowed",
        (PErr::ExpectedExpression, Some(TokenKind::FStringEnd | TokenKind::FStringMiddle)) => {
            "f-string: expecting '}'"
        }
        _ => "f-string: invalid syntax",
    };
    let pos = after_string(tokens, start);
    Some(cx.error_point(SyntaxErrorKind::Syntax, msg, pos))
}

/// ruff's f-string errors in CPython 3.11's wording.
fn fstring_message_error(cx: &Ctx<'_>, tokens: &[Token], kind: &FsErr, offset: u32) -> SyntaxError {
    let msg = match kind {
        FsErr::UnclosedLbrace => "f-string: expecting '}'",
        FsErr::InvalidConversionFlag | FsErr::ConversionFlagNotImmediatelyAfterExclamation => {
            "f-string: invalid conversion character: expected 's', 'r', or 'a'"
        }
        FsErr::SingleRbrace => "f-string: single '}' is not allowed",
        FsErr::LambdaWithoutParentheses => "f-string: invalid syntax",
        FsErr::NewlineInFormatSpec => "f-string: newlines are not allowed in format specifiers",
        FsErr::UnterminatedString | FsErr::UnterminatedTripleQuotedString => {
            let start = outermost_fstring_start(tokens, offset).unwrap_or(offset);
            return unterminated_string(cx, start, offset);
        }
    };
    cx.error_point(SyntaxErrorKind::Syntax, msg, after_string(tokens, offset))
}

/// Maps syntax that ruff accepts but 3.11 does not.
fn map_unsupported(
    cx: &Ctx<'_>,
    tokens: &[Token],
    error: &UnsupportedSyntaxError,
) -> Option<SyntaxError> {
    let range = error.range;
    let start = range.start().to_u32();
    let err = match error.kind {
        UKind::TypeParameterList | UKind::TypeParamDefault => {
            cx.unsupported("type parameters", range)
        }
        UKind::TypeAliasStatement => cx.unsupported("'type' statement", range),
        UKind::TemplateStrings => cx.unsupported("t-string", range),
        UKind::UnparenthesizedExceptionTypes => {
            cx.syntax("multiple exception types must be parenthesized", range)
        }
        UKind::UnpackingInComprehension(kind) => {
            if format!("{kind:?}") == "DictInDict" {
                cx.syntax(
                    "dict unpacking cannot be used in dict comprehension",
                    token_range_at(tokens, start),
                )
            } else {
                cx.syntax("iterable unpacking cannot be used in comprehension", range)
            }
        }
        UKind::Pep701FString(kind) => {
            let kind = format!("{kind:?}");
            let string_start = outermost_fstring_start(tokens, start).unwrap_or(start);
            match kind.as_str() {
                "Backslash" => cx.error_point(
                    SyntaxErrorKind::Syntax,
                    "f-string expression part cannot include a backslash",
                    after_string(tokens, start),
                ),
                "Comment" => cx.error_point(
                    SyntaxErrorKind::Syntax,
                    "f-string expression part cannot include '#'",
                    after_string(tokens, start),
                ),
                "LineBreak" => unterminated_string(cx, string_start, string_start),
                _ => nested_quote_error(cx, tokens, string_start, start),
            }
        }
        UKind::LazyImportStatement => invalid_syntax_at(cx, tokens, start),
        // Everything else was added in 3.11 or earlier.
        _ => return None,
    };
    Some(err)
}

/// An f-string reusing its own quote inside a replacement field: 3.11 sees
/// the string end at that quote, with the field still open.
fn nested_quote_error(
    cx: &Ctx<'_>,
    tokens: &[Token],
    string_start: u32,
    quote_at: u32,
) -> SyntaxError {
    let inner = &cx.src()[string_start as usize..quote_at as usize];
    // The brackets still open inside the last replacement field.
    let mut stack: Vec<char> = Vec::new();
    for c in inner.chars() {
        match c {
            '{' | '(' | '[' => stack.push(c),
            '}' | ')' | ']' => {
                stack.pop();
            }
            _ => {}
        }
    }
    let msg = match stack.last() {
        Some('(') => "f-string: unmatched '('".to_owned(),
        Some('[') => "f-string: unmatched '['".to_owned(),
        _ => "f-string: expecting '}'".to_owned(),
    };
    let in_brackets = !bracket_depth(&tokens[..token_index_at(tokens, string_start)]).is_empty();
    let src = cx.src().as_bytes();
    let at = skip_strings_311(src, quote_at as usize + 1, in_brackets);
    // The carets span the token found there (a name or number as a whole).
    let len = src[at.min(src.len())..]
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80)
        .count();
    match src.get(at) {
        None | Some(b'\n' | b'\r') => cx.error_point(SyntaxErrorKind::Syntax, msg, offset32(at)),
        Some(_) => {
            let end = at + len.max(1);
            let end = (end..=src.len())
                .find(|&e| cx.src().is_char_boundary(e))
                .unwrap_or(src.len());
            cx.syntax(
                msg,
                TextRange::new(TextSize::new(offset32(at)), TextSize::new(offset32(end))),
            )
        }
    }
}

/// From byte `pos`, skips blanks and any string literals that follow, the
/// way CPython 3.11's tokenizer reads them (no nesting inside f-strings),
/// and returns where the next token starts. Line breaks and comments are
/// skipped only inside brackets.
fn skip_strings_311(src: &[u8], mut pos: usize, in_brackets: bool) -> usize {
    loop {
        // Blanks, continuation lines, and (in brackets) line breaks and
        // comments.
        loop {
            match src.get(pos) {
                Some(b' ' | b'\t' | 0x0c) => pos += 1,
                Some(b'\\') if matches!(src.get(pos + 1), Some(b'\n' | b'\r')) => {
                    pos += 2;
                    if src.get(pos - 1) == Some(&b'\r') && src.get(pos) == Some(&b'\n') {
                        pos += 1;
                    }
                }
                Some(b'\n' | b'\r') if in_brackets => pos += 1,
                Some(b'#') if in_brackets => {
                    while !matches!(src.get(pos), None | Some(b'\n' | b'\r')) {
                        pos += 1;
                    }
                }
                _ => break,
            }
        }
        // A string literal: an optional prefix, then a quote.
        let prefix = src[pos.min(src.len())..]
            .iter()
            .take(3)
            .take_while(|b| matches!(b, b'r' | b'R' | b'b' | b'B' | b'u' | b'U' | b'f' | b'F'))
            .count();
        let Some(&quote) = src.get(pos + prefix).filter(|&&q| q == b'\'' || q == b'"') else {
            return pos;
        };
        let start = pos + prefix;
        let triple = src.get(start..start + 3) == Some(&[quote, quote, quote][..]);
        let mut i = start + if triple { 3 } else { 1 };
        loop {
            match src.get(i) {
                None => return pos,
                Some(b'\\') => i += 2,
                Some(b'\n' | b'\r') if !triple => return pos,
                Some(&c) if c == quote => {
                    if !triple {
                        i += 1;
                        break;
                    }
                    if src.get(i..i + 3) == Some(&[quote, quote, quote][..]) {
                        i += 3;
                        break;
                    }
                    i += 1;
                }
                Some(_) => i += 1,
            }
        }
        pos = i;
    }
}

// ---------------------------------------------------------------------------
// Lowering
// ---------------------------------------------------------------------------

/// Lowers ruff's tree into ftl's, tracking the nesting depth.
struct Lowerer<'c, 's> {
    /// Positions and file name.
    cx: &'c Ctx<'s>,
    /// ruff's tokens (for error positions).
    tokens: &'c [Token],
    /// Current nesting depth (statements, expressions, `elif`s, specs).
    depth: u32,
    /// `from __future__ import annotations` is in effect (PEP 563).
    future_annotations: bool,
    /// Where the `from __future__` imports allowed at the top of the
    /// module start (after the docstring, before any other statement).
    future_imports: Vec<TextSize>,
}

/// Result of lowering one node.
type Lowered<T> = Result<T, SyntaxError>;

impl Lowerer<'_, '_> {
    /// The position of a node.
    fn loc(&self, range: TextRange) -> Loc {
        self.cx.map.loc(range)
    }

    /// Enters one nesting level at `range`.
    fn enter(&mut self, range: TextRange, what: &str) -> Lowered<()> {
        if self.depth >= MAX_NESTING {
            return Err(self.too_deep(range, what));
        }
        self.depth += 1;
        Ok(())
    }

    /// The error for nesting past [`MAX_NESTING`].
    #[cold]
    #[inline(never)]
    fn too_deep(&self, range: TextRange, what: &str) -> SyntaxError {
        self.cx.syntax(format!("{what} too deeply nested"), range)
    }

    /// A list of statements.
    fn body(&mut self, stmts: &[rast::Stmt]) -> Lowered<Vec<ast::Stmt>> {
        stmts.iter().map(|s| self.stmt(s)).collect()
    }

    /// One statement: a thin dispatcher, so that nested blocks cost little
    /// stack per level.
    fn stmt(&mut self, stmt: &rast::Stmt) -> Lowered<ast::Stmt> {
        self.enter(stmt.range(), "statement")?;
        let result = match stmt {
            rast::Stmt::FunctionDef(def) => self.function_def(def),
            rast::Stmt::ClassDef(class) => self.class_def(class),
            rast::Stmt::For(s) => self.for_stmt(s),
            rast::Stmt::While(s) => self.while_stmt(s),
            rast::Stmt::If(s) => self.if_stmt(s),
            rast::Stmt::With(s) => self.with_stmt(s),
            rast::Stmt::Try(s) => self.try_stmt(s),
            _ => self.simple_stmt(stmt),
        };
        self.depth -= 1;
        result
    }

    /// `for target in iter: body else: orelse`.
    #[inline(never)]
    fn for_stmt(&mut self, s: &rast::StmtFor) -> Lowered<ast::Stmt> {
        if s.is_async {
            return Err(self
                .cx
                .unsupported("'async for'", first_line(self.cx, s.range)));
        }
        let target = self.expr(&s.target)?;
        let iter = self.expr(&s.iter)?;
        let body = self.body(&s.body)?;
        Ok(ast::Stmt {
            loc: self.loc(s.range),
            kind: ast::StmtKind::For {
                target,
                iter,
                body,
                orelse: self.body(&s.orelse)?,
            },
        })
    }

    /// `while test: body else: orelse`.
    #[inline(never)]
    fn while_stmt(&mut self, s: &rast::StmtWhile) -> Lowered<ast::Stmt> {
        let test = self.expr(&s.test)?;
        let body = self.body(&s.body)?;
        Ok(ast::Stmt {
            loc: self.loc(s.range),
            kind: ast::StmtKind::While {
                test,
                body,
                orelse: self.body(&s.orelse)?,
            },
        })
    }

    /// `with a as b, c: body`.
    #[inline(never)]
    fn with_stmt(&mut self, s: &rast::StmtWith) -> Lowered<ast::Stmt> {
        if s.is_async {
            return Err(self
                .cx
                .unsupported("'async with'", first_line(self.cx, s.range)));
        }
        let mut items = Vec::with_capacity(s.items.len());
        for item in &s.items {
            items.push(ast::WithItem {
                context: self.expr(&item.context_expr)?,
                target: self.opt_expr(item.optional_vars.as_deref())?,
            });
        }
        Ok(ast::Stmt {
            loc: self.loc(s.range),
            kind: ast::StmtKind::With {
                items,
                body: self.body(&s.body)?,
            },
        })
    }

    /// A statement that holds no statements (compound statements have
    /// their own functions, off the recursion path of this large one).
    #[inline(never)]
    fn simple_stmt(&mut self, stmt: &rast::Stmt) -> Lowered<ast::Stmt> {
        use ast::StmtKind as K;
        let range = stmt.range();
        let kind = match stmt {
            rast::Stmt::Return(s) => K::Return(self.opt_expr(s.value.as_deref())?),
            rast::Stmt::Delete(s) => K::Delete(self.exprs(&s.targets)?),
            rast::Stmt::TypeAlias(s) => {
                return Err(self.cx.unsupported("'type' statement", s.range))
            }
            rast::Stmt::Assign(s) => K::Assign {
                targets: self.exprs(&s.targets)?,
                value: self.expr(&s.value)?,
            },
            rast::Stmt::AugAssign(s) => K::AugAssign {
                target: self.expr(&s.target)?,
                op: bin_op(s.op),
                value: self.expr(&s.value)?,
            },
            rast::Stmt::AnnAssign(s) => K::AnnAssign {
                target: self.expr(&s.target)?,
                annotation: self.annotation(&s.annotation)?,
                simple: s.simple,
                value: self.opt_expr(s.value.as_deref())?,
            },
            rast::Stmt::Match(s) => {
                return Err(self
                    .cx
                    .unsupported("'match' statement", first_line(self.cx, s.range)))
            }
            rast::Stmt::Raise(s) => K::Raise {
                exc: self.opt_expr(s.exc.as_deref())?,
                cause: self.opt_expr(s.cause.as_deref())?,
            },
            rast::Stmt::Assert(s) => K::Assert {
                test: self.expr(&s.test)?,
                msg: self.opt_expr(s.msg.as_deref())?,
            },
            rast::Stmt::Import(s) => K::Import(
                s.names
                    .iter()
                    .map(|a| ast::Alias {
                        name: a.name.id.as_str().to_owned(),
                        asname: a.asname.as_ref().map(|n| n.id.as_str().to_owned()),
                    })
                    .collect(),
            ),
            rast::Stmt::ImportFrom(s) => {
                if s.level == 0
                    && s.module
                        .as_ref()
                        .is_some_and(|m| m.id.as_str() == "__future__")
                {
                    self.check_future(s)?;
                }
                if s.level > 0 {
                    return Err(self.cx.unsupported("relative import", s.range));
                }
                let mut names = Vec::with_capacity(s.names.len());
                for alias in &s.names {
                    names.push(ast::Alias {
                        name: alias.name.id.as_str().to_owned(),
                        asname: alias.asname.as_ref().map(|n| n.id.as_str().to_owned()),
                    });
                }
                K::ImportFrom {
                    module: s
                        .module
                        .as_ref()
                        .map(|m| m.id.as_str().to_owned())
                        .unwrap_or_default(),
                    names,
                }
            }
            rast::Stmt::Global(s) => {
                K::Global(s.names.iter().map(|n| n.id.as_str().to_owned()).collect())
            }
            rast::Stmt::Nonlocal(s) => {
                K::Nonlocal(s.names.iter().map(|n| n.id.as_str().to_owned()).collect())
            }
            rast::Stmt::Expr(s) => K::Expr(self.expr(&s.value)?),
            rast::Stmt::Pass(_) => K::Pass,
            rast::Stmt::FunctionDef(_)
            | rast::Stmt::ClassDef(_)
            | rast::Stmt::For(_)
            | rast::Stmt::While(_)
            | rast::Stmt::If(_)
            | rast::Stmt::With(_)
            | rast::Stmt::Try(_) => return Err(self.cx.syntax("invalid syntax", range)),
            rast::Stmt::Break(_) => K::Break,
            rast::Stmt::Continue(_) => K::Continue,
            rast::Stmt::IpyEscapeCommand(s) => {
                return Err(self.cx.unsupported("IPython escape command", s.range))
            }
        };
        Ok(ast::Stmt {
            loc: self.loc(range),
            kind,
        })
    }

    /// `if` with its `elif` / `else` clauses, the `elif`s nested as CPython
    /// nests them.
    #[inline(never)]
    fn if_stmt(&mut self, s: &rast::StmtIf) -> Lowered<ast::Stmt> {
        let test = self.expr(&s.test)?;
        let body = self.body(&s.body)?;
        // Lower the clauses in source order (so the first unsupported
        // construct is reported), each one level deeper than the last.
        let mut clauses = Vec::with_capacity(s.elif_else_clauses.len());
        let mut entered = 0u32;
        let mut failure = None;
        for clause in &s.elif_else_clauses {
            let lowered = match &clause.test {
                Some(test) => self.enter(clause.range, "statement").and_then(|()| {
                    entered += 1;
                    Ok((Some(self.expr(test)?), clause.range))
                }),
                None => Ok((None, clause.range)),
            };
            let lowered =
                lowered.and_then(|(test, range)| Ok((test, range, self.body(&clause.body)?)));
            match lowered {
                Ok(clause) => clauses.push(clause),
                Err(err) => {
                    failure = Some(err);
                    break;
                }
            }
        }
        self.depth -= entered;
        if let Some(err) = failure {
            return Err(err);
        }
        let end = s.range.end();
        let mut orelse = Vec::new();
        for (test, range, body) in clauses.into_iter().rev() {
            match test {
                None => orelse = body,
                Some(test) => {
                    let loc = self.loc(TextRange::new(range.start(), end));
                    orelse = vec![ast::Stmt {
                        loc,
                        kind: ast::StmtKind::If { test, body, orelse },
                    }];
                }
            }
        }
        Ok(ast::Stmt {
            loc: self.loc(s.range),
            kind: ast::StmtKind::If { test, body, orelse },
        })
    }

    /// `try` / `except` / `else` / `finally`.
    #[inline(never)]
    fn try_stmt(&mut self, s: &rast::StmtTry) -> Lowered<ast::Stmt> {
        if s.is_star {
            let at = s
                .handlers
                .first()
                .map_or(s.range, |h| first_line(self.cx, h.range()));
            return Err(self.cx.unsupported("'except*'", at));
        }
        let body = self.body(&s.body)?;
        let mut handlers = Vec::with_capacity(s.handlers.len());
        for handler in &s.handlers {
            let rast::ExceptHandler::ExceptHandler(h) = handler;
            handlers.push(ast::ExceptHandler {
                loc: self.loc(h.range),
                typ: self.opt_expr(h.type_.as_deref())?,
                name: h.name.as_ref().map(|n| n.id.as_str().to_owned()),
                body: self.body(&h.body)?,
            });
        }
        Ok(ast::Stmt {
            loc: self.loc(s.range),
            kind: ast::StmtKind::Try {
                body,
                handlers,
                orelse: self.body(&s.orelse)?,
                finalbody: self.body(&s.finalbody)?,
            },
        })
    }

    /// The range of a `def` / `class` statement as CPython gives it: from the
    /// keyword (not the first decorator) to the end of the body.
    fn definition_range(
        &self,
        range: TextRange,
        name: &rast::Identifier,
        keyword: &str,
        has_decorators: bool,
    ) -> TextRange {
        if !has_decorators {
            return range;
        }
        let src = self.cx.src().as_bytes();
        let mut at = name.range.start().to_usize();
        while at > 0 && matches!(src[at - 1], b' ' | b'\t' | b'\x0c' | b'\\' | b'\n' | b'\r') {
            at -= 1;
        }
        let start = at.saturating_sub(keyword.len());
        // `async def`: start at `async`.
        let mut s = start;
        while s > 0 && matches!(src[s - 1], b' ' | b'\t' | b'\x0c') {
            s -= 1;
        }
        let start = if keyword == "def" && s >= 5 && &src[s - 5..s] == b"async" {
            s - 5
        } else {
            start
        };
        TextRange::new(TextSize::new(offset32(start)), range.end())
    }

    /// A function definition.
    #[inline(never)]
    fn function_def(&mut self, def: &rast::StmtFunctionDef) -> Lowered<ast::Stmt> {
        let range =
            self.definition_range(def.range, &def.name, "def", !def.decorator_list.is_empty());
        let decorators = self.decorators(&def.decorator_list)?;
        if def.is_async {
            return Err(self
                .cx
                .unsupported("'async def'", first_line(self.cx, range)));
        }
        if let Some(params) = &def.type_params {
            return Err(self.cx.unsupported("type parameters", params.range));
        }
        let params = self.params(&def.parameters)?;
        let returns = match def.returns.as_deref() {
            Some(r) => Some(self.annotation(r)?),
            None => None,
        };
        let body = self.body(&def.body)?;
        Ok(ast::Stmt {
            loc: self.loc(range),
            kind: ast::StmtKind::FunctionDef(Box::new(ast::FunctionDef {
                name: def.name.id.as_str().to_owned(),
                params,
                body,
                decorators,
                returns,
            })),
        })
    }

    /// A class definition (single inheritance, no keywords).
    #[inline(never)]
    fn class_def(&mut self, class: &rast::StmtClassDef) -> Lowered<ast::Stmt> {
        let range = self.definition_range(
            class.range,
            &class.name,
            "class",
            !class.decorator_list.is_empty(),
        );
        let decorators = self.decorators(&class.decorator_list)?;
        if let Some(params) = &class.type_params {
            return Err(self.cx.unsupported("type parameters", params.range));
        }
        let mut bases = Vec::new();
        let mut keywords = Vec::new();
        if let Some(arguments) = &class.arguments {
            for base in arguments.args.iter() {
                bases.push(self.expr(base)?);
            }
            for kw in arguments.keywords.iter() {
                keywords.push(ast::Keyword {
                    arg: kw.arg.as_ref().map(|n| n.id.as_str().to_owned()),
                    value: self.expr(&kw.value)?,
                    loc: self.loc(kw.range),
                });
            }
        }
        let body = self.body(&class.body)?;
        Ok(ast::Stmt {
            loc: self.loc(range),
            kind: ast::StmtKind::ClassDef(Box::new(ast::ClassDef {
                name: class.name.id.as_str().to_owned(),
                bases,
                keywords,
                body,
                decorators,
            })),
        })
    }

    /// Decorator expressions, first written first.
    fn decorators(&mut self, decorators: &[rast::Decorator]) -> Lowered<Vec<ast::Expr>> {
        decorators
            .iter()
            .map(|d| self.expr(&d.expression))
            .collect()
    }

    /// Checks a `from __future__` import: at the top of the module, and
    /// of features CPython 3.11 knows (`braces`: "not a chance").
    fn check_future(&self, s: &rast::StmtImportFrom) -> Lowered<()> {
        if !self.future_imports.contains(&s.range.start()) {
            return Err(self.cx.syntax(
                "from __future__ imports must occur at the beginning of the file",
                s.range,
            ));
        }
        for alias in &s.names {
            let feature = alias.name.id.as_str();
            if feature == "braces" {
                return Err(self.cx.syntax("not a chance", alias.range));
            }
            if feature == "barry_as_FLUFL" {
                return Err(self.cx.unsupported("'barry_as_FLUFL'", alias.range));
            }
            if !FUTURE_FEATURES.contains(&feature) {
                // CPython points at the statement's first character.
                return Err(self.cx.error_point(
                    SyntaxErrorKind::Syntax,
                    format!("future feature {feature} is not defined"),
                    s.range.start().to_u32(),
                ));
            }
        }
        Ok(())
    }

    /// A parameter list with its annotations.
    fn params(&mut self, params: &rast::Parameters) -> Lowered<ast::Params> {
        let mut out = ast::Params::default();
        for p in params.posonlyargs.iter() {
            out.posonly.push(self.param(p)?);
        }
        for p in params.args.iter() {
            out.args.push(self.param(p)?);
        }
        out.vararg = params
            .vararg
            .as_ref()
            .map(|p| p.name.id.as_str().to_owned());
        for p in params.kwonlyargs.iter() {
            out.kwonly.push(self.param(p)?);
        }
        out.kwarg = params.kwarg.as_ref().map(|p| p.name.id.as_str().to_owned());
        // CPython 3.11's order (`compiler_visit_annotations`): the
        // positional-or-keyword parameters before the positional-only ones.
        let with_defaults = params.args.iter().chain(params.posonlyargs.iter());
        let mut annotated: Vec<&rast::Parameter> = with_defaults.map(|p| &p.parameter).collect();
        annotated.extend(params.vararg.as_deref());
        annotated.extend(params.kwonlyargs.iter().map(|p| &p.parameter));
        annotated.extend(params.kwarg.as_deref());
        for p in annotated {
            if let Some(a) = p.annotation.as_deref() {
                let a = self.annotation(a)?;
                out.annotations.push((p.name.id.as_str().to_owned(), a));
            }
        }
        Ok(out)
    }

    /// An annotation: the expression, or under
    /// `from __future__ import annotations` (PEP 563) its source text as a
    /// string constant. CPython unparses the tree; ftl keeps the source
    /// text with each line break (and the indentation after it) folded to
    /// one space, which differs from CPython's text only in spacing and
    /// quotes (`Dict[str,int]` stays as written).
    fn annotation(&mut self, e: &rast::Expr) -> Lowered<ast::Expr> {
        if !self.future_annotations {
            return self.expr(e);
        }
        let range = e.range();
        if let rast::Expr::StringLiteral(lit) = e {
            if !lit.value.is_implicit_concatenated() {
                return Ok(ast::Expr {
                    loc: self.loc(range),
                    kind: ast::ExprKind::Str(quoted(lit.value.to_str())),
                });
            }
        }
        let src = &self.cx.src()[range.start().to_usize()..range.end().to_usize()];
        let mut text = String::with_capacity(src.len());
        let mut lines = src.lines().map(|l| l.trim_end_matches('\\'));
        if let Some(first) = lines.next() {
            text.push_str(first.trim_end());
        }
        for line in lines {
            let line = line.trim();
            if !line.is_empty() {
                if !text.ends_with(['(', '[', '{']) {
                    text.push(' ');
                }
                text.push_str(line);
            }
        }
        Ok(ast::Expr {
            loc: self.loc(range),
            kind: ast::ExprKind::Str(text),
        })
    }

    /// One parameter with its default.
    fn param(&mut self, p: &rast::ParameterWithDefault) -> Lowered<ast::Param> {
        Ok(ast::Param {
            name: p.parameter.name.id.as_str().to_owned(),
            default: self.opt_expr(p.default.as_deref())?,
            loc: self.loc(p.parameter.range),
        })
    }

    /// A list of expressions.
    fn exprs(&mut self, exprs: &[rast::Expr]) -> Lowered<Vec<ast::Expr>> {
        exprs.iter().map(|e| self.expr(e)).collect()
    }

    /// An optional expression.
    fn opt_expr(&mut self, expr: Option<&rast::Expr>) -> Lowered<Option<ast::Expr>> {
        expr.map(|e| self.expr(e)).transpose()
    }

    /// One expression.
    ///
    /// Expressions can nest without bound (`-` * 100000 + `1`), so they are
    /// lowered with an explicit work list rather than by recursion: each
    /// node is visited once to check it and schedule its children, and
    /// built once its children are done. However deep the expression, this
    /// takes a constant amount of native stack.
    fn expr(&mut self, root: &rast::Expr) -> Lowered<ast::Expr> {
        let mut work: Vec<Step<'_>> = vec![Step::Visit(root, self.depth + 1)];
        let mut done: Vec<ast::Expr> = Vec::new();
        let mut kids: Vec<(&rast::Expr, u32)> = Vec::new();
        while let Some(step) = work.pop() {
            match step {
                Step::Visit(e, depth) => {
                    if depth > MAX_NESTING {
                        return Err(self.too_deep(e.range(), "expression"));
                    }
                    self.check(e)?;
                    kids.clear();
                    children(e, &mut kids);
                    work.push(Step::Build(e, kids.len()));
                    work.extend(
                        kids.iter()
                            .rev()
                            .map(|&(kid, extra)| Step::Visit(kid, depth + extra)),
                    );
                }
                Step::Build(e, n) => {
                    let first = done.len().saturating_sub(n);
                    let node = self.build(e, done.drain(first..))?;
                    done.push(node);
                }
            }
        }
        match done.pop() {
            Some(e) => Ok(e),
            None => Err(self.cx.syntax("invalid syntax", root.range())),
        }
    }

    /// Rejects an expression outside the subset before its children are
    /// looked at (so errors come out in source order).
    fn check(&self, e: &rast::Expr) -> Lowered<()> {
        match e {
            rast::Expr::Await(e) => Err(self.cx.unsupported("'await'", e.range)),
            rast::Expr::TString(e) => Err(self.cx.unsupported("t-string", e.range)),
            rast::Expr::IpyEscapeCommand(e) => {
                Err(self.cx.unsupported("IPython escape command", e.range))
            }
            rast::Expr::NumberLiteral(e) if matches!(e.value, rast::Number::Complex { .. }) => {
                Err(self.cx.unsupported("complex literal", e.range))
            }
            rast::Expr::Named(e) if !matches!(&*e.target, rast::Expr::Name(_)) => {
                Err(self.cx.syntax("invalid syntax", e.target.range()))
            }
            rast::Expr::DictComp(e) if e.key.is_none() => Err(self.cx.syntax(
                "dict unpacking cannot be used in dict comprehension",
                e.value.range(),
            )),
            rast::Expr::ListComp(rast::ExprListComp { generators, .. })
            | rast::Expr::SetComp(rast::ExprSetComp { generators, .. })
            | rast::Expr::DictComp(rast::ExprDictComp { generators, .. })
            | rast::Expr::Generator(rast::ExprGenerator { generators, .. }) => {
                match generators.iter().find(|g| g.is_async) {
                    Some(g) => Err(self.cx.unsupported("async comprehension", g.range)),
                    None => Ok(()),
                }
            }
            rast::Expr::FString(e) => {
                for part in e.value.iter() {
                    if let rast::FStringPart::FString(f) = part {
                        self.check_format_specs(&f.elements, 0)?;
                    }
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// CPython 3.11 allows a replacement field inside a format spec, but
    /// not one more level down.
    fn check_format_specs(
        &self,
        elements: &rast::InterpolatedStringElements,
        spec_depth: u32,
    ) -> Lowered<()> {
        for element in elements.iter() {
            if let rast::InterpolatedStringElement::Interpolation(field) = element {
                if spec_depth >= 2 {
                    let at = after_string(self.tokens, field.range.start().to_u32());
                    return Err(self.cx.error_point(
                        SyntaxErrorKind::Syntax,
                        "f-string: expressions nested too deeply",
                        at,
                    ));
                }
                if let Some(spec) = &field.format_spec {
                    self.check_format_specs(&spec.elements, spec_depth + 1)?;
                }
            }
        }
        Ok(())
    }

    /// Builds one expression from its lowered children, which come in the
    /// order [`children`] lists them.
    fn build(
        &mut self,
        e: &rast::Expr,
        lowered: std::vec::Drain<'_, ast::Expr>,
    ) -> Lowered<ast::Expr> {
        use ast::ExprKind as K;
        let range = e.range();
        let mut kids = Kids {
            iter: lowered,
            range,
        };
        let kind = match e {
            rast::Expr::BoolOp(b) => K::BoolOp {
                op: match b.op {
                    rast::BoolOp::And => ast::BoolOp::And,
                    rast::BoolOp::Or => ast::BoolOp::Or,
                },
                values: kids.rest(),
            },
            rast::Expr::Named(n) => K::Named {
                target: match &*n.target {
                    rast::Expr::Name(name) => name.id.as_str().to_owned(),
                    _ => String::new(),
                },
                value: kids.boxed(self.cx)?,
            },
            rast::Expr::BinOp(b) => K::BinOp {
                left: kids.boxed(self.cx)?,
                op: bin_op(b.op),
                right: kids.boxed(self.cx)?,
            },
            rast::Expr::UnaryOp(u) => K::UnaryOp {
                op: match u.op {
                    rast::UnaryOp::Invert => ast::UnaryOp::Invert,
                    rast::UnaryOp::Not => ast::UnaryOp::Not,
                    rast::UnaryOp::UAdd => ast::UnaryOp::Pos,
                    rast::UnaryOp::USub => ast::UnaryOp::Neg,
                },
                operand: kids.boxed(self.cx)?,
            },
            rast::Expr::Lambda(l) => {
                let params = match &l.parameters {
                    Some(p) => self.params_from(p, &mut kids)?,
                    None => ast::Params::default(),
                };
                K::Lambda {
                    params: Box::new(params),
                    body: kids.boxed(self.cx)?,
                }
            }
            rast::Expr::If(_) => {
                // Lowered in source order: body, test, orelse.
                let body = kids.boxed(self.cx)?;
                let test = kids.boxed(self.cx)?;
                K::IfExp {
                    test,
                    body,
                    orelse: kids.boxed(self.cx)?,
                }
            }
            rast::Expr::Dict(d) => {
                let mut items = Vec::with_capacity(d.items.len());
                for item in &d.items {
                    let key = match item.key {
                        Some(_) => Some(kids.next(self.cx)?),
                        None => None,
                    };
                    items.push((key, kids.next(self.cx)?));
                }
                K::Dict(items)
            }
            rast::Expr::Set(_) => K::Set(kids.rest()),
            rast::Expr::List(_) => K::List(kids.rest()),
            rast::Expr::Tuple(_) => K::Tuple(kids.rest()),
            rast::Expr::ListComp(c) => K::ListComp {
                elt: kids.boxed(self.cx)?,
                generators: generators_from(&c.generators, &mut kids, self.cx)?,
            },
            rast::Expr::SetComp(c) => K::SetComp {
                elt: kids.boxed(self.cx)?,
                generators: generators_from(&c.generators, &mut kids, self.cx)?,
            },
            rast::Expr::Generator(c) => K::GeneratorExp {
                elt: kids.boxed(self.cx)?,
                generators: generators_from(&c.generators, &mut kids, self.cx)?,
            },
            rast::Expr::DictComp(c) => K::DictComp {
                key: kids.boxed(self.cx)?,
                value: kids.boxed(self.cx)?,
                generators: generators_from(&c.generators, &mut kids, self.cx)?,
            },
            rast::Expr::Yield(y) => K::Yield(match y.value {
                Some(_) => Some(kids.boxed(self.cx)?),
                None => None,
            }),
            rast::Expr::YieldFrom(_) => K::YieldFrom(kids.boxed(self.cx)?),
            rast::Expr::Compare(c) => K::Compare {
                left: kids.boxed(self.cx)?,
                ops: c.ops.iter().map(|&op| cmp_op(op)).collect(),
                comparators: kids.rest(),
            },
            rast::Expr::Call(c) => {
                let func = kids.boxed(self.cx)?;
                let mut args = Vec::with_capacity(c.arguments.args.len());
                let mut keywords = Vec::with_capacity(c.arguments.keywords.len());
                for item in call_items(c) {
                    match item {
                        CallItem::Arg(_) => args.push(kids.next(self.cx)?),
                        CallItem::Keyword(kw) => keywords.push(ast::Keyword {
                            arg: kw.arg.as_ref().map(|n| n.id.as_str().to_owned()),
                            value: kids.next(self.cx)?,
                            loc: self.loc(kw.range),
                        }),
                    }
                }
                // A generator expression that is the sole argument borrows
                // the call's parentheses (as in CPython's tree).
                if let ([arg], [rast::Expr::Generator(g)]) =
                    (args.as_mut_slice(), &*c.arguments.args)
                {
                    if !g.parenthesized && keywords.is_empty() {
                        arg.loc = self.loc(c.arguments.range);
                    }
                }
                K::Call {
                    func,
                    args,
                    keywords,
                }
            }
            rast::Expr::FString(f) => {
                let mut parts = FStringBuilder::default();
                for part in f.value.iter() {
                    match part {
                        rast::FStringPart::Literal(lit) => parts.literal(&lit.value),
                        rast::FStringPart::FString(fs) => {
                            fstring_parts(&fs.elements, &mut parts, &mut kids, self.cx)?
                        }
                    }
                }
                K::FString(parts.finish())
            }
            rast::Expr::StringLiteral(s) => K::Str(s.value.to_str().to_owned()),
            rast::Expr::BytesLiteral(b) => K::Bytes(b.value.bytes().collect()),
            rast::Expr::NumberLiteral(n) => match &n.value {
                rast::Number::Int(_) => K::Int(self.int_literal(n.range)?),
                rast::Number::Float(f) => K::Float(*f),
                rast::Number::Complex { .. } => {
                    return Err(self.cx.unsupported("complex literal", n.range))
                }
            },
            rast::Expr::BooleanLiteral(b) => K::Bool(b.value),
            rast::Expr::NoneLiteral(_) => K::None,
            rast::Expr::EllipsisLiteral(_) => K::Ellipsis,
            rast::Expr::Attribute(a) => K::Attribute {
                value: kids.boxed(self.cx)?,
                attr: a.attr.id.as_str().to_owned(),
            },
            rast::Expr::Subscript(_) => K::Subscript {
                value: kids.boxed(self.cx)?,
                index: kids.boxed(self.cx)?,
            },
            rast::Expr::Starred(_) => K::Starred(kids.boxed(self.cx)?),
            rast::Expr::Name(n) => K::Name(n.id.as_str().to_owned()),
            rast::Expr::Slice(sl) => K::Slice {
                lower: kids.opt_boxed(sl.lower.is_some(), self.cx)?,
                upper: kids.opt_boxed(sl.upper.is_some(), self.cx)?,
                step: kids.opt_boxed(sl.step.is_some(), self.cx)?,
            },
            rast::Expr::Await(_) | rast::Expr::TString(_) | rast::Expr::IpyEscapeCommand(_) => {
                return Err(self.cx.syntax("invalid syntax", range))
            }
        };
        Ok(ast::Expr {
            loc: self.loc(range),
            kind,
        })
    }

    /// A lambda's parameters, its defaults taken from the lowered children.
    fn params_from(&self, params: &rast::Parameters, kids: &mut Kids<'_>) -> Lowered<ast::Params> {
        let mut take = |p: &rast::ParameterWithDefault| -> Lowered<ast::Param> {
            Ok(ast::Param {
                name: p.parameter.name.id.as_str().to_owned(),
                default: match p.default {
                    Some(_) => Some(kids.next(self.cx)?),
                    None => None,
                },
                loc: self.loc(p.parameter.range),
            })
        };
        let posonly = params
            .posonlyargs
            .iter()
            .map(&mut take)
            .collect::<Lowered<Vec<_>>>()?;
        let args = params
            .args
            .iter()
            .map(&mut take)
            .collect::<Lowered<Vec<_>>>()?;
        let kwonly = params
            .kwonlyargs
            .iter()
            .map(&mut take)
            .collect::<Lowered<Vec<_>>>()?;
        Ok(ast::Params {
            posonly,
            args,
            vararg: params
                .vararg
                .as_ref()
                .map(|p| p.name.id.as_str().to_owned()),
            kwonly,
            kwarg: params.kwarg.as_ref().map(|p| p.name.id.as_str().to_owned()),
            annotations: Vec::new(),
        })
    }

    /// An integer literal, read again from its source text (any base,
    /// underscores, any size).
    fn int_literal(&self, range: TextRange) -> Lowered<IntValue> {
        let text: String = self.cx.src()[range].chars().filter(|&c| c != '_').collect();
        let lower = text.to_ascii_lowercase();
        let (digits, base) = if let Some(d) = lower.strip_prefix("0x") {
            (d, 16)
        } else if let Some(d) = lower.strip_prefix("0o") {
            (d, 8)
        } else if let Some(d) = lower.strip_prefix("0b") {
            (d, 2)
        } else {
            (lower.as_str(), 10)
        };
        if base == 10 && digits.len() > MAX_STR_DIGITS {
            let line = self.cx.map.line_index(range.start().to_u32());
            return Err(self.cx.error_at_line(
                SyntaxErrorKind::Syntax,
                format!(
                    "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
                    digits.len()
                ),
                line,
                0,
                0,
            ));
        }
        IntValue::parse(digits, base).map_err(|_| self.cx.syntax("invalid syntax", range))
    }
}

/// One step of [`Lowerer::expr`]'s work list.
enum Step<'a> {
    /// Check an expression (at the given depth) and schedule its children.
    Visit(&'a rast::Expr, u32),
    /// Build an expression from its lowered children (how many).
    Build(&'a rast::Expr, usize),
}

/// The lowered children of one expression, taken in order.
struct Kids<'d> {
    /// The children, in the order [`children`] lists them.
    iter: std::vec::Drain<'d, ast::Expr>,
    /// The parent's range (for the error if a child is missing, which the
    /// agreement between [`children`] and [`Lowerer::build`] rules out).
    range: TextRange,
}

impl Kids<'_> {
    /// The next child.
    fn next(&mut self, cx: &Ctx<'_>) -> Lowered<ast::Expr> {
        match self.iter.next() {
            Some(e) => Ok(e),
            None => Err(cx.syntax("invalid syntax", self.range)),
        }
    }

    /// The next child, boxed.
    fn boxed(&mut self, cx: &Ctx<'_>) -> Lowered<Box<ast::Expr>> {
        self.next(cx).map(Box::new)
    }

    /// The next child if `present`, boxed.
    fn opt_boxed(&mut self, present: bool, cx: &Ctx<'_>) -> Lowered<Option<Box<ast::Expr>>> {
        if present {
            self.boxed(cx).map(Some)
        } else {
            Ok(None)
        }
    }

    /// All remaining children.
    fn rest(&mut self) -> Vec<ast::Expr> {
        self.iter.by_ref().collect()
    }
}

/// An argument of a call, in source order.
enum CallItem<'a> {
    /// A positional (or `*`) argument.
    Arg(&'a rast::Expr),
    /// A keyword (or `**`) argument.
    Keyword(&'a rast::Keyword),
}

/// A call's arguments in source order (ruff keeps positional and keyword
/// arguments apart, but `f(*a, k=1, *b)` interleaves them).
fn call_items(call: &rast::ExprCall) -> Vec<CallItem<'_>> {
    let mut items = Vec::with_capacity(call.arguments.len());
    let mut args = call.arguments.args.iter().peekable();
    let mut keywords = call.arguments.keywords.iter().peekable();
    loop {
        let take_arg = match (args.peek(), keywords.peek()) {
            (Some(a), Some(k)) => a.range().start() < k.range.start(),
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        if take_arg {
            items.extend(args.next().map(CallItem::Arg));
        } else {
            items.extend(keywords.next().map(CallItem::Keyword));
        }
    }
    items
}

/// The direct subexpressions of `e` in source order, each with how many
/// levels deeper it sits in ftl's tree (format specs add one).
fn children<'a>(e: &'a rast::Expr, out: &mut Vec<(&'a rast::Expr, u32)>) {
    let mut push = |x: &'a rast::Expr| out.push((x, 1));
    match e {
        rast::Expr::BoolOp(b) => b.values.iter().for_each(push),
        rast::Expr::Named(n) => push(&n.value),
        rast::Expr::BinOp(b) => {
            push(&b.left);
            push(&b.right);
        }
        rast::Expr::UnaryOp(u) => push(&u.operand),
        rast::Expr::Lambda(l) => {
            if let Some(p) = &l.parameters {
                let all = p
                    .posonlyargs
                    .iter()
                    .chain(p.args.iter())
                    .chain(p.kwonlyargs.iter());
                all.filter_map(|p| p.default.as_deref()).for_each(&mut push);
            }
            push(&l.body);
        }
        rast::Expr::If(i) => {
            push(&i.body);
            push(&i.test);
            push(&i.orelse);
        }
        rast::Expr::Dict(d) => {
            for item in &d.items {
                if let Some(key) = &item.key {
                    push(key);
                }
                push(&item.value);
            }
        }
        rast::Expr::Set(s) => s.elts.iter().for_each(push),
        rast::Expr::List(l) => l.elts.iter().for_each(push),
        rast::Expr::Tuple(t) => t.elts.iter().for_each(push),
        rast::Expr::ListComp(c) => {
            push(&c.elt);
            generator_children(&c.generators, push);
        }
        rast::Expr::SetComp(c) => {
            push(&c.elt);
            generator_children(&c.generators, push);
        }
        rast::Expr::Generator(c) => {
            push(&c.elt);
            generator_children(&c.generators, push);
        }
        rast::Expr::DictComp(c) => {
            if let Some(key) = &c.key {
                push(key);
            }
            push(&c.value);
            generator_children(&c.generators, push);
        }
        rast::Expr::Yield(y) => y.value.iter().for_each(|v| push(v)),
        rast::Expr::YieldFrom(y) => push(&y.value),
        rast::Expr::Compare(c) => {
            push(&c.left);
            c.comparators.iter().for_each(push);
        }
        rast::Expr::Call(c) => {
            push(&c.func);
            for item in call_items(c) {
                match item {
                    CallItem::Arg(a) => push(a),
                    CallItem::Keyword(k) => push(&k.value),
                }
            }
        }
        rast::Expr::FString(f) => {
            for part in f.value.iter() {
                if let rast::FStringPart::FString(fs) = part {
                    fstring_children(&fs.elements, 1, out);
                }
            }
        }
        rast::Expr::Attribute(a) => push(&a.value),
        rast::Expr::Subscript(s) => {
            push(&s.value);
            push(&s.slice);
        }
        rast::Expr::Starred(s) => push(&s.value),
        rast::Expr::Slice(s) => {
            for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                push(part);
            }
        }
        _ => {}
    }
}

/// The subexpressions of comprehension clauses, in source order.
fn generator_children<'a>(
    generators: &'a [rast::Comprehension],
    mut push: impl FnMut(&'a rast::Expr),
) {
    for g in generators {
        push(&g.target);
        push(&g.iter);
        g.ifs.iter().for_each(&mut push);
    }
}

/// The replacement-field expressions of f-string elements, format specs
/// included (their nesting is limited to two by [`Lowerer::check`]).
fn fstring_children<'a>(
    elements: &'a rast::InterpolatedStringElements,
    depth: u32,
    out: &mut Vec<(&'a rast::Expr, u32)>,
) {
    for element in elements.iter() {
        if let rast::InterpolatedStringElement::Interpolation(field) = element {
            out.push((&field.expression, depth));
            if let Some(spec) = &field.format_spec {
                if depth < 3 {
                    fstring_children(&spec.elements, depth + 1, out);
                }
            }
        }
    }
}

/// Comprehension clauses, their expressions taken from the lowered
/// children.
fn generators_from(
    generators: &[rast::Comprehension],
    kids: &mut Kids<'_>,
    cx: &Ctx<'_>,
) -> Lowered<Vec<ast::Comprehension>> {
    let mut out = Vec::with_capacity(generators.len());
    for g in generators {
        let target = kids.next(cx)?;
        let iter = kids.next(cx)?;
        let mut ifs = Vec::with_capacity(g.ifs.len());
        for _ in &g.ifs {
            ifs.push(kids.next(cx)?);
        }
        out.push(ast::Comprehension { target, iter, ifs });
    }
    Ok(out)
}

/// F-string elements as ftl parts, the field values taken from the lowered
/// children. A self-documenting `{x=}` becomes the literal text `x=` and a
/// field with conversion `r` unless a conversion or a format spec is given
/// (CPython formats with `format()` when there is a spec).
fn fstring_parts(
    elements: &rast::InterpolatedStringElements,
    parts: &mut FStringBuilder,
    kids: &mut Kids<'_>,
    cx: &Ctx<'_>,
) -> Lowered<()> {
    for element in elements.iter() {
        match element {
            rast::InterpolatedStringElement::Literal(lit) => parts.literal(&lit.value),
            rast::InterpolatedStringElement::Interpolation(field) => {
                if let Some(debug) = &field.debug_text {
                    parts.literal(debug.leading());
                    parts.literal(debug.expression());
                    parts.literal(debug.trailing());
                }
                let value = kids.boxed(cx)?;
                let spec = match &field.format_spec {
                    Some(spec) => {
                        let mut inner = FStringBuilder::default();
                        fstring_parts(&spec.elements, &mut inner, kids, cx)?;
                        Some(inner.finish())
                    }
                    None => None,
                };
                let conversion = match field.conversion.to_char() {
                    Some(c) => Some(c),
                    None if field.debug_text.is_some() && spec.is_none() => Some('r'),
                    None => None,
                };
                parts.field(ast::FStringPart::Field {
                    value,
                    conversion,
                    spec,
                });
            }
        }
    }
    Ok(())
}

/// Collects f-string parts, merging adjacent literal text and dropping
/// empty literals (as CPython's `JoinedStr` does).
#[derive(Default)]
struct FStringBuilder {
    /// Finished parts.
    parts: Vec<ast::FStringPart>,
    /// Literal text not yet flushed.
    text: String,
}

impl FStringBuilder {
    /// Appends literal text.
    fn literal(&mut self, text: &str) {
        self.text.push_str(text);
    }

    /// Appends a replacement field.
    fn field(&mut self, field: ast::FStringPart) {
        self.flush();
        self.parts.push(field);
    }

    /// Moves pending literal text into the parts.
    fn flush(&mut self) {
        if !self.text.is_empty() {
            self.parts
                .push(ast::FStringPart::Literal(core::mem::take(&mut self.text)));
        }
    }

    /// The parts.
    fn finish(mut self) -> Vec<ast::FStringPart> {
        self.flush();
        self.parts
    }
}

/// A range cut to its first line (for constructs reported at their
/// header).
fn first_line(cx: &Ctx<'_>, range: TextRange) -> TextRange {
    let start = range.start().to_u32();
    let line = cx.map.line_index(start);
    let line_end = cx.map.line_start(line) + offset32(cx.map.line_text(line).len());
    let end = range.end().to_u32().min(line_end).max(start);
    TextRange::new(range.start(), TextSize::new(end))
}

/// A binary operator.
fn bin_op(op: rast::Operator) -> ast::BinOp {
    match op {
        rast::Operator::Add => ast::BinOp::Add,
        rast::Operator::Sub => ast::BinOp::Sub,
        rast::Operator::Mult => ast::BinOp::Mul,
        rast::Operator::MatMult => ast::BinOp::MatMul,
        rast::Operator::Div => ast::BinOp::Div,
        rast::Operator::Mod => ast::BinOp::Mod,
        rast::Operator::Pow => ast::BinOp::Pow,
        rast::Operator::LShift => ast::BinOp::LShift,
        rast::Operator::RShift => ast::BinOp::RShift,
        rast::Operator::BitOr => ast::BinOp::BitOr,
        rast::Operator::BitXor => ast::BinOp::BitXor,
        rast::Operator::BitAnd => ast::BinOp::BitAnd,
        rast::Operator::FloorDiv => ast::BinOp::FloorDiv,
    }
}

/// A comparison operator.
fn cmp_op(op: rast::CmpOp) -> ast::CmpOp {
    match op {
        rast::CmpOp::Eq => ast::CmpOp::Eq,
        rast::CmpOp::NotEq => ast::CmpOp::NotEq,
        rast::CmpOp::Lt => ast::CmpOp::Lt,
        rast::CmpOp::LtE => ast::CmpOp::LtE,
        rast::CmpOp::Gt => ast::CmpOp::Gt,
        rast::CmpOp::GtE => ast::CmpOp::GtE,
        rast::CmpOp::Is => ast::CmpOp::Is,
        rast::CmpOp::IsNot => ast::CmpOp::IsNot,
        rast::CmpOp::In => ast::CmpOp::In,
        rast::CmpOp::NotIn => ast::CmpOp::NotIn,
    }
}

// ---------------------------------------------------------------------------
// Tearing down ruff's tree without recursion
// ---------------------------------------------------------------------------

/// A detached node of ruff's tree, waiting to be dropped.
enum Detached {
    /// An expression.
    Expr(rast::Expr),
    /// A statement.
    Stmt(rast::Stmt),
    /// A `match` pattern.
    Pattern(rast::Pattern),
    /// An f-string element (its format spec nests).
    Element(rast::InterpolatedStringElement),
}

/// Moves a node's children out (replacing them with leaves) so that
/// dropping the node itself recurses no further.
#[derive(Default)]
struct Detacher {
    /// The children moved out so far.
    out: RefCell<Vec<Detached>>,
}

impl Transformer for Detacher {
    fn visit_stmt(&self, stmt: &mut rast::Stmt) {
        let leaf = rast::Stmt::Pass(rast::StmtPass {
            node_index: rast::AtomicNodeIndex::default(),
            range: TextRange::default(),
        });
        self.out
            .borrow_mut()
            .push(Detached::Stmt(core::mem::replace(stmt, leaf)));
    }

    fn visit_expr(&self, expr: &mut rast::Expr) {
        let leaf = rast::Expr::NoneLiteral(rast::ExprNoneLiteral::default());
        self.out
            .borrow_mut()
            .push(Detached::Expr(core::mem::replace(expr, leaf)));
    }

    fn visit_annotation(&self, expr: &mut rast::Expr) {
        self.visit_expr(expr);
    }

    fn visit_pattern(&self, pattern: &mut rast::Pattern) {
        let leaf = rast::Pattern::MatchAs(rast::PatternMatchAs {
            node_index: rast::AtomicNodeIndex::default(),
            range: TextRange::default(),
            pattern: None,
            name: None,
        });
        self.out
            .borrow_mut()
            .push(Detached::Pattern(core::mem::replace(pattern, leaf)));
    }

    fn visit_interpolated_string_element(&self, element: &mut rast::InterpolatedStringElement) {
        let leaf =
            rast::InterpolatedStringElement::Literal(rast::InterpolatedStringLiteralElement {
                node_index: rast::AtomicNodeIndex::default(),
                range: TextRange::default(),
                value: Box::from(""),
            });
        self.out
            .borrow_mut()
            .push(Detached::Element(core::mem::replace(element, leaf)));
    }
}

/// Drops ruff's tree with an explicit work list instead of the recursive
/// destructor, so trees of any depth (a chain of a million `+`) are freed
/// without exhausting the stack.
fn dispose(module: rast::ModModule) {
    let detacher = Detacher::default();
    let mut work: Vec<Detached> = module.body.into_iter().map(Detached::Stmt).collect();
    while let Some(node) = work.pop() {
        match node {
            Detached::Expr(mut e) => transformer::walk_expr(&detacher, &mut e),
            Detached::Stmt(mut s) => transformer::walk_stmt(&detacher, &mut s),
            Detached::Pattern(mut p) => transformer::walk_pattern(&detacher, &mut p),
            Detached::Element(mut e) => {
                transformer::walk_interpolated_string_element(&detacher, &mut e)
            }
        }
        work.append(&mut detacher.out.borrow_mut());
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use crate::ast::{BinOp, BoolOp, CmpOp, ExprKind as E, FStringPart, StmtKind as S, UnaryOp};

    /// Parses source that must be valid.
    fn ok(src: &str) -> ast::Module {
        match parse(src, "x.py") {
            Ok(m) => m,
            Err(e) => panic!("unexpected error for {src:?}:\n{}", e.render()),
        }
    }

    /// Parses source that must be rejected.
    fn err(src: &str) -> SyntaxError {
        match parse(src, "x.py") {
            Ok(m) => panic!("expected an error for {src:?}, got {m:?}"),
            Err(e) => e,
        }
    }

    /// The only statement of `src`.
    fn stmt(src: &str) -> ast::Stmt {
        let mut body = ok(src).body;
        assert_eq!(body.len(), 1, "{src:?}");
        body.remove(0)
    }

    /// The expression of an expression statement.
    fn expr(src: &str) -> ast::Expr {
        match stmt(src).kind {
            S::Expr(e) => e,
            other => panic!("not an expression statement: {other:?}"),
        }
    }

    /// The name in a `Name` expression.
    fn name(e: &ast::Expr) -> &str {
        match &e.kind {
            E::Name(n) => n,
            other => panic!("not a name: {other:?}"),
        }
    }

    /// The value of an `Int` literal that fits in an `i64`.
    fn int(e: &ast::Expr) -> i64 {
        match &e.kind {
            E::Int(v) => v.as_i64().expect("small int"),
            other => panic!("not an int: {other:?}"),
        }
    }

    /// A position.
    fn loc(line: u32, col: u32, end_line: u32, end_col: u32) -> Loc {
        Loc {
            line,
            col,
            end_line,
            end_col,
        }
    }

    /// Runs `f` on a thread with a `bytes`-sized stack.
    fn on_stack<T: Send + 'static>(bytes: usize, f: impl FnOnce() -> T + Send + 'static) -> T {
        std::thread::Builder::new()
            .stack_size(bytes)
            .spawn(f)
            .expect("spawn a thread")
            .join()
            .expect("the thread finished without panicking")
    }

    /// Checks an error's kind, message and position.
    fn check_err(src: &str, kind: SyntaxErrorKind, msg: &str, line: u32, col: u32) {
        let e = err(src);
        assert_eq!(
            (e.kind, e.msg.as_str(), e.line, e.col),
            (kind, msg, line, col),
            "{src:?}\n{}",
            e.render()
        );
    }

    // ----- statements -------------------------------------------------

    #[test]
    fn function_def_with_everything() {
        let src = "@dec\n@dec2(1)\ndef f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:\n    x: int = 1\n    return x\n";
        let s = stmt(src);
        // CPython starts a decorated definition at `def`.
        assert_eq!(s.loc, loc(3, 0, 5, 12));
        let S::FunctionDef(def) = s.kind else {
            panic!("{:?}", s.kind)
        };
        assert_eq!(def.name, "f");
        assert_eq!(def.decorators.len(), 2);
        assert_eq!(name(&def.decorators[0]), "dec");
        assert!(matches!(&def.decorators[1].kind, E::Call { args, .. } if int(&args[0]) == 1));
        let p = &def.params;
        let names = |ps: &[ast::Param]| ps.iter().map(|p| p.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&p.posonly), ["a", "b"]);
        assert_eq!(names(&p.args), ["c"]);
        assert_eq!(names(&p.kwonly), ["d", "e"]);
        assert_eq!(p.vararg.as_deref(), Some("args"));
        assert_eq!(p.kwarg.as_deref(), Some("kw"));
        assert!(p.posonly[0].default.is_none());
        assert_eq!(int(p.posonly[1].default.as_ref().unwrap()), 1);
        assert_eq!(int(p.kwonly[1].default.as_ref().unwrap()), 3);
        assert_eq!(p.posonly[1].loc, loc(3, 9, 3, 10));
        // The annotation is kept beside the target and value.
        let S::AnnAssign {
            target,
            annotation,
            simple,
            value,
        } = &def.body[0].kind
        else {
            panic!()
        };
        assert_eq!(name(target), "x");
        assert_eq!(name(annotation), "int");
        assert!(*simple);
        assert_eq!(name(def.returns.as_ref().unwrap()), "int");
        assert_eq!(int(value.as_ref().unwrap()), 1);
        assert!(matches!(&def.body[1].kind, S::Return(Some(v)) if name(v) == "x"));
    }

    #[test]
    fn annotated_params_keep_names_and_defaults() {
        let S::FunctionDef(def) =
            stmt("def f(a: int, b: str = 'x', *c: int, **d: int) -> None: pass\n").kind
        else {
            panic!()
        };
        assert_eq!(def.params.args[0].name, "a");
        assert_eq!(def.params.args[0].loc, loc(1, 6, 1, 12));
        assert!(
            matches!(&def.params.args[1].default, Some(ast::Expr { kind: E::Str(s), .. }) if s == "x")
        );
        assert_eq!(def.params.vararg.as_deref(), Some("c"));
        assert_eq!(def.params.kwarg.as_deref(), Some("d"));
        let annotated: Vec<&str> = def
            .params
            .annotations
            .iter()
            .map(|(n, _)| n.as_str())
            .collect();
        assert_eq!(annotated, ["a", "b", "c", "d"]);
        let S::AnnAssign { value, simple, .. } = stmt("y: int\n").kind else {
            panic!()
        };
        assert!(value.is_none());
        assert!(simple);
        let S::AnnAssign { simple, .. } = stmt("(y): int\n").kind else {
            panic!()
        };
        assert!(!simple);
    }

    #[test]
    fn future_annotations_become_source_strings() {
        let module = parse(
            "'''doc'''\nfrom __future__ import annotations\ndef f(a: Dict[str, int], b: 'x') -> Optional[\n        int]: pass\n",
            "x.py",
        )
        .unwrap();
        let S::FunctionDef(def) = &module.body[2].kind else {
            panic!()
        };
        let texts: Vec<&str> = def
            .params
            .annotations
            .iter()
            .map(|(_, a)| match &a.kind {
                E::Str(s) => s.as_str(),
                k => panic!("{k:?}"),
            })
            .collect();
        // A string annotation is unparsed as its repr, as CPython does.
        assert_eq!(texts, ["Dict[str, int]", "'x'"]);
        assert!(matches!(&def.returns.as_ref().unwrap().kind, E::Str(s) if s == "Optional[int]"));
        // Without the future import the annotation stays an expression.
        let S::FunctionDef(def) = stmt("def f(a: int): pass\n").kind else {
            panic!()
        };
        assert!(matches!(def.params.annotations[0].1.kind, E::Name(_)));
    }

    #[test]
    fn future_imports_are_checked() {
        let err = |src: &str| parse(src, "x.py").unwrap_err().msg;
        assert_eq!(
            err("import os\nfrom __future__ import annotations\n"),
            "from __future__ imports must occur at the beginning of the file"
        );
        assert_eq!(
            err("from __future__ import nope\n"),
            "future feature nope is not defined"
        );
        assert_eq!(err("from __future__ import braces\n"), "not a chance");
        assert!(parse(
            "'doc'\nfrom __future__ import division, annotations\nx = 1\n",
            "x.py"
        )
        .is_ok());
    }

    #[test]
    fn class_def() {
        let s = stmt("@d\nclass A(B):\n    x = 1\n");
        assert_eq!(s.loc, loc(2, 0, 3, 9));
        let S::ClassDef(c) = s.kind else { panic!() };
        assert_eq!(c.name, "A");
        assert_eq!(c.bases.len(), 1);
        assert_eq!(name(&c.bases[0]), "B");
        assert_eq!(name(&c.decorators[0]), "d");
        assert!(matches!(&c.body[0].kind, S::Assign { .. }));
        let S::ClassDef(c) = stmt("class A: pass\n").kind else {
            panic!()
        };
        assert!(c.bases.is_empty());
    }

    #[test]
    fn simple_statements() {
        assert!(matches!(stmt("return\n").kind, S::Return(None)));
        let S::Delete(targets) = stmt("del a, b[0], c.d\n").kind else {
            panic!()
        };
        assert_eq!(targets.len(), 3);
        assert!(matches!(targets[1].kind, E::Subscript { .. }));
        assert!(matches!(targets[2].kind, E::Attribute { .. }));
        let S::Assign { targets, value } = stmt("a = b, c = 1\n").kind else {
            panic!()
        };
        assert_eq!(targets.len(), 2);
        assert_eq!(name(&targets[0]), "a");
        assert!(matches!(&targets[1].kind, E::Tuple(items) if items.len() == 2));
        assert_eq!(int(&value), 1);
        let ops = [
            ("+=", BinOp::Add),
            ("-=", BinOp::Sub),
            ("*=", BinOp::Mul),
            ("/=", BinOp::Div),
            ("//=", BinOp::FloorDiv),
            ("%=", BinOp::Mod),
            ("**=", BinOp::Pow),
            ("<<=", BinOp::LShift),
            (">>=", BinOp::RShift),
            ("|=", BinOp::BitOr),
            ("^=", BinOp::BitXor),
            ("&=", BinOp::BitAnd),
            ("@=", BinOp::MatMul),
        ];
        for (text, op) in ops {
            let S::AugAssign {
                target,
                op: got,
                value,
            } = stmt(&format!("x {text} 2\n")).kind
            else {
                panic!()
            };
            assert_eq!((name(&target), got, int(&value)), ("x", op, 2), "{text}");
        }
        let S::Raise { exc, cause } = stmt("raise E from C\n").kind else {
            panic!()
        };
        assert_eq!(name(exc.as_ref().unwrap()), "E");
        assert_eq!(name(cause.as_ref().unwrap()), "C");
        assert!(matches!(
            stmt("raise\n").kind,
            S::Raise {
                exc: None,
                cause: None
            }
        ));
        let S::Assert { test, msg } = stmt("assert x, 'm'\n").kind else {
            panic!()
        };
        assert_eq!(name(&test), "x");
        assert!(matches!(
            msg,
            Some(ast::Expr {
                kind: E::Str(_),
                ..
            })
        ));
        assert!(matches!(
            stmt("assert x\n").kind,
            S::Assert { msg: None, .. }
        ));
        assert_eq!(
            stmt("global a, b\n").kind,
            S::Global(vec!["a".into(), "b".into()])
        );
        assert_eq!(stmt("nonlocal a\n").kind, S::Nonlocal(vec!["a".into()]));
        assert_eq!(stmt("pass\n").kind, S::Pass);
        assert_eq!(stmt("break\n").kind, S::Break);
        assert_eq!(stmt("continue\n").kind, S::Continue);
    }

    #[test]
    fn imports() {
        let S::Import(names) = stmt("import a.b as c, d\n").kind else {
            panic!()
        };
        assert_eq!(
            names,
            [
                ast::Alias {
                    name: "a.b".into(),
                    asname: Some("c".into())
                },
                ast::Alias {
                    name: "d".into(),
                    asname: None
                },
            ]
        );
        let S::ImportFrom { module, names } = stmt("from a.b import c as d, e\n").kind else {
            panic!()
        };
        assert_eq!(module, "a.b");
        assert_eq!(
            names[0],
            ast::Alias {
                name: "c".into(),
                asname: Some("d".into())
            }
        );
        assert_eq!(names[1].name, "e");
        let S::ImportFrom { names, .. } = stmt("from m import (x,\n    y,)\n").kind else {
            panic!()
        };
        assert_eq!(names.len(), 2);
    }

    #[test]
    fn loops_and_with() {
        let S::For {
            target,
            iter,
            body,
            orelse,
        } = stmt("for a, b in c:\n    pass\nelse:\n    x\n").kind
        else {
            panic!()
        };
        assert!(matches!(target.kind, E::Tuple(_)));
        assert_eq!(name(&iter), "c");
        assert_eq!((body.len(), orelse.len()), (1, 1));
        let S::While { test, orelse, .. } = stmt("while x:\n    break\nelse:\n    pass\n").kind
        else {
            panic!()
        };
        assert_eq!(name(&test), "x");
        assert_eq!(orelse[0].kind, S::Pass);
        let S::With { items, body } = stmt("with a as b, c, d() as (e, f):\n    pass\n").kind
        else {
            panic!()
        };
        assert_eq!(items.len(), 3);
        assert_eq!(name(&items[0].context), "a");
        assert_eq!(name(items[0].target.as_ref().unwrap()), "b");
        assert!(items[1].target.is_none());
        assert!(matches!(
            items[2].target.as_ref().unwrap().kind,
            E::Tuple(_)
        ));
        assert_eq!(body[0].kind, S::Pass);
    }

    #[test]
    fn elif_chain_is_nested() {
        let src = "if a:\n    x\nelif b:\n    y\nelif c:\n    z\nelse:\n    w\n";
        let s = stmt(src);
        assert_eq!(s.loc, loc(1, 0, 8, 5));
        let S::If { test, orelse, .. } = s.kind else {
            panic!()
        };
        assert_eq!(name(&test), "a");
        assert_eq!(orelse.len(), 1);
        // The `elif` starts at its keyword and runs to the end of the chain.
        assert_eq!(orelse[0].loc, loc(3, 0, 8, 5));
        let S::If { test, orelse, .. } = &orelse[0].kind else {
            panic!()
        };
        assert_eq!(name(test), "b");
        assert_eq!(orelse[0].loc, loc(5, 0, 8, 5));
        let S::If { test, orelse, .. } = &orelse[0].kind else {
            panic!()
        };
        assert_eq!(name(test), "c");
        assert!(matches!(&orelse[0].kind, S::Expr(e) if name(e) == "w"));
        let S::If { orelse, .. } = stmt("if a:\n    pass\n").kind else {
            panic!()
        };
        assert!(orelse.is_empty());
    }

    #[test]
    fn try_statement() {
        let src = "try:\n    a\nexcept E as e:\n    b\nexcept (F, G):\n    c\nexcept:\n    d\nelse:\n    f\nfinally:\n    g\n";
        let S::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } = stmt(src).kind
        else {
            panic!()
        };
        assert_eq!(body.len(), 1);
        assert_eq!(handlers.len(), 3);
        assert_eq!(handlers[0].loc, loc(3, 0, 4, 5));
        assert_eq!(name(handlers[0].typ.as_ref().unwrap()), "E");
        assert_eq!(handlers[0].name.as_deref(), Some("e"));
        assert!(matches!(
            handlers[1].typ.as_ref().unwrap().kind,
            E::Tuple(_)
        ));
        assert!(handlers[2].typ.is_none() && handlers[2].name.is_none());
        assert_eq!((orelse.len(), finalbody.len()), (1, 1));
        let S::Try {
            handlers,
            finalbody,
            ..
        } = stmt("try:\n    pass\nfinally:\n    pass\n").kind
        else {
            panic!()
        };
        assert!(handlers.is_empty());
        assert_eq!(finalbody.len(), 1);
    }

    // ----- expressions ------------------------------------------------

    #[test]
    fn operators() {
        let E::BoolOp { op, values } = expr("a and b and c\n").kind else {
            panic!()
        };
        assert_eq!((op, values.len()), (BoolOp::And, 3));
        assert!(matches!(
            expr("a or b\n").kind,
            E::BoolOp { op: BoolOp::Or, .. }
        ));
        let table = [
            ("+", BinOp::Add),
            ("-", BinOp::Sub),
            ("*", BinOp::Mul),
            ("/", BinOp::Div),
            ("//", BinOp::FloorDiv),
            ("%", BinOp::Mod),
            ("**", BinOp::Pow),
            ("<<", BinOp::LShift),
            (">>", BinOp::RShift),
            ("|", BinOp::BitOr),
            ("^", BinOp::BitXor),
            ("&", BinOp::BitAnd),
            ("@", BinOp::MatMul),
        ];
        for (text, op) in table {
            let E::BinOp {
                left,
                op: got,
                right,
            } = expr(&format!("a {text} b\n")).kind
            else {
                panic!()
            };
            assert_eq!((name(&left), got, name(&right)), ("a", op, "b"));
        }
        // Left associative, `**` right associative.
        let E::BinOp { left, .. } = expr("a - b - c\n").kind else {
            panic!()
        };
        assert!(matches!(left.kind, E::BinOp { op: BinOp::Sub, .. }));
        let E::BinOp { right, .. } = expr("a ** b ** c\n").kind else {
            panic!()
        };
        assert!(matches!(right.kind, E::BinOp { op: BinOp::Pow, .. }));
        for (text, op) in [
            ("not ", UnaryOp::Not),
            ("-", UnaryOp::Neg),
            ("+", UnaryOp::Pos),
            ("~", UnaryOp::Invert),
        ] {
            let E::UnaryOp { op: got, operand } = expr(&format!("{text}a\n")).kind else {
                panic!()
            };
            assert_eq!((got, name(&operand)), (op, "a"));
        }
        let E::Compare {
            left,
            ops,
            comparators,
        } = expr("a < b <= c == d != e > f >= g is h is not i in j not in k\n").kind
        else {
            panic!()
        };
        assert_eq!(name(&left), "a");
        assert_eq!(
            ops,
            [
                CmpOp::Lt,
                CmpOp::LtE,
                CmpOp::Eq,
                CmpOp::NotEq,
                CmpOp::Gt,
                CmpOp::GtE,
                CmpOp::Is,
                CmpOp::IsNot,
                CmpOp::In,
                CmpOp::NotIn
            ]
        );
        assert_eq!(comparators.len(), 10);
        let E::Named { target, value } = expr("(n := 10)\n").kind else {
            panic!()
        };
        assert_eq!((target.as_str(), int(&value)), ("n", 10));
        let E::IfExp { test, body, orelse } = expr("a if b else c\n").kind else {
            panic!()
        };
        assert_eq!((name(&test), name(&body), name(&orelse)), ("b", "a", "c"));
    }

    #[test]
    fn lambda() {
        let E::Lambda { params, body } = expr("lambda a, b=2, *c, d=4, **e: a\n").kind else {
            panic!()
        };
        assert_eq!(params.args.len(), 2);
        assert_eq!(int(params.args[1].default.as_ref().unwrap()), 2);
        assert_eq!(params.vararg.as_deref(), Some("c"));
        assert_eq!(params.kwonly[0].name, "d");
        assert_eq!(int(params.kwonly[0].default.as_ref().unwrap()), 4);
        assert_eq!(params.kwarg.as_deref(), Some("e"));
        assert_eq!(name(&body), "a");
        let E::Lambda { params, .. } = expr("lambda: 0\n").kind else {
            panic!()
        };
        assert_eq!(*params, ast::Params::default());
        let E::Lambda { params, .. } = expr("lambda a, /, b: 0\n").kind else {
            panic!()
        };
        assert_eq!((params.posonly.len(), params.args.len()), (1, 1));
    }

    #[test]
    fn displays_and_comprehensions() {
        let E::Dict(items) = expr("{1: a, **b, 'k': c}\n").kind else {
            panic!()
        };
        assert_eq!(items.len(), 3);
        assert_eq!(int(items[0].0.as_ref().unwrap()), 1);
        assert!(items[1].0.is_none());
        assert_eq!(name(&items[1].1), "b");
        assert!(matches!(expr("{a, *b}\n").kind, E::Set(v) if matches!(v[1].kind, E::Starred(_))));
        assert!(matches!(expr("[a, *b]\n").kind, E::List(v) if v.len() == 2));
        assert!(matches!(expr("(a, *b)\n").kind, E::Tuple(v) if v.len() == 2));
        assert!(matches!(expr("()\n").kind, E::Tuple(v) if v.is_empty()));
        assert!(matches!(expr("{}\n").kind, E::Dict(v) if v.is_empty()));
        let E::ListComp { elt, generators } =
            expr("[x + y for x in a if x if x > 1 for y in b if y]\n").kind
        else {
            panic!()
        };
        assert!(matches!(elt.kind, E::BinOp { .. }));
        assert_eq!(generators.len(), 2);
        assert_eq!(name(&generators[0].target), "x");
        assert_eq!(name(&generators[0].iter), "a");
        assert_eq!(generators[0].ifs.len(), 2);
        assert_eq!(generators[1].ifs.len(), 1);
        assert!(matches!(expr("{x for x in a}\n").kind, E::SetComp { .. }));
        let E::DictComp {
            key,
            value,
            generators,
        } = expr("{k: v for k, v in a}\n").kind
        else {
            panic!()
        };
        assert_eq!((name(&key), name(&value)), ("k", "v"));
        assert!(matches!(generators[0].target.kind, E::Tuple(_)));
        assert!(matches!(
            expr("(x for x in a)\n").kind,
            E::GeneratorExp { .. }
        ));
    }

    #[test]
    fn yields_calls_attributes_subscripts() {
        let S::FunctionDef(def) =
            stmt("def g():\n    yield\n    yield 1\n    yield from a\n    x = yield\n").kind
        else {
            panic!()
        };
        assert!(matches!(
            &def.body[0].kind,
            S::Expr(ast::Expr {
                kind: E::Yield(None),
                ..
            })
        ));
        assert!(matches!(
            &def.body[1].kind,
            S::Expr(ast::Expr {
                kind: E::Yield(Some(_)),
                ..
            })
        ));
        assert!(matches!(
            &def.body[2].kind,
            S::Expr(ast::Expr {
                kind: E::YieldFrom(_),
                ..
            })
        ));
        assert!(matches!(
            &def.body[3].kind,
            S::Assign {
                value: ast::Expr {
                    kind: E::Yield(None),
                    ..
                },
                ..
            }
        ));
        let e = expr("f(a, *b, c=1, *d, **e)\n");
        let E::Call {
            func,
            args,
            keywords,
        } = e.kind
        else {
            panic!()
        };
        assert_eq!(name(&func), "f");
        assert_eq!(args.len(), 3);
        assert!(matches!(args[1].kind, E::Starred(_)));
        assert!(matches!(args[2].kind, E::Starred(_)));
        assert_eq!(keywords.len(), 2);
        assert_eq!(keywords[0].arg.as_deref(), Some("c"));
        assert_eq!(keywords[0].loc, loc(1, 9, 1, 12));
        assert!(keywords[1].arg.is_none());
        assert_eq!(name(&keywords[1].value), "e");
        // A lone generator argument takes the call's parentheses.
        let E::Call { args, .. } = expr("f(x for x in y)\n").kind else {
            panic!()
        };
        assert_eq!(args[0].loc, loc(1, 1, 1, 15));
        let E::Attribute { value, attr } = expr("a.b\n").kind else {
            panic!()
        };
        assert_eq!((name(&value), attr.as_str()), ("a", "b"));
        let E::Subscript { index, .. } = expr("a[1:2:3]\n").kind else {
            panic!()
        };
        let E::Slice { lower, upper, step } = index.kind else {
            panic!()
        };
        assert_eq!(
            (
                int(&lower.unwrap()),
                int(&upper.unwrap()),
                int(&step.unwrap())
            ),
            (1, 2, 3)
        );
        let E::Subscript { index, .. } = expr("a[::]\n").kind else {
            panic!()
        };
        assert!(matches!(
            index.kind,
            E::Slice {
                lower: None,
                upper: None,
                step: None
            }
        ));
        let E::Subscript { index, .. } = expr("a[1:, i]\n").kind else {
            panic!()
        };
        let E::Tuple(items) = index.kind else {
            panic!()
        };
        assert!(matches!(
            items[0].kind,
            E::Slice {
                lower: Some(_),
                upper: None,
                step: None
            }
        ));
        assert_eq!(name(&items[1]), "i");
        let S::Assign { targets, .. } = stmt("a, *b = c\n").kind else {
            panic!()
        };
        assert!(matches!(&targets[0].kind, E::Tuple(v) if matches!(v[1].kind, E::Starred(_))));
    }

    #[test]
    fn literals() {
        assert_eq!(expr("True\n").kind, E::Bool(true));
        assert_eq!(expr("False\n").kind, E::Bool(false));
        assert_eq!(expr("None\n").kind, E::None);
        assert_eq!(expr("...\n").kind, E::Ellipsis);
        for (text, value) in [
            ("0", 0),
            ("0x_FF", 255),
            ("0XfF", 255),
            ("0o17", 15),
            ("0O7", 7),
            ("0b1_01", 5),
            ("1_000_000", 1_000_000),
            ("00", 0),
            ("9223372036854775807", i64::MAX),
        ] {
            assert_eq!(int(&expr(&format!("{text}\n"))), value, "{text}");
        }
        let big = |text: &str| match expr(&format!("{text}\n")).kind {
            E::Int(v) => v,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            big("123456789012345678901234567890"),
            IntValue::parse("123456789012345678901234567890", 10).unwrap()
        );
        assert_eq!(
            big("0xFFFF_FFFF_FFFF_FFFF_FFFF"),
            IntValue::parse("1208925819614629174706175", 10).unwrap()
        );
        assert_eq!(
            big("9223372036854775808"),
            IntValue::parse("9223372036854775808", 10).unwrap()
        );
        assert!(matches!(big("9223372036854775808"), IntValue::Big(_)));
        assert_eq!(expr("1.5\n").kind, E::Float(1.5));
        assert_eq!(expr("1_0.5e1_0\n").kind, E::Float(105000000000.0));
        assert_eq!(expr(".5\n").kind, E::Float(0.5));
        assert_eq!(expr("1e400\n").kind, E::Float(f64::INFINITY));
        assert_eq!(expr("1e-400\n").kind, E::Float(0.0));
        assert_eq!(expr("'a' \"b\" '''c'''\n").kind, E::Str("abc".into()));
        assert_eq!(
            expr("'\\x41\\n\\u00e9\\N{BULLET}'\n").kind,
            E::Str("A\né\u{2022}".into())
        );
        assert_eq!(expr("r'\\n'\n").kind, E::Str("\\n".into()));
        assert_eq!(
            expr("b'\\x00a\\n\\\\\\'' b'z'\n").kind,
            E::Bytes(b"\x00a\n\\'z".to_vec())
        );
        // Decimal literals above 4300 digits are refused, as in CPython 3.11.
        let e = err(&format!("x = 1{}\n", "0".repeat(4300)));
        assert!(e.msg.starts_with(
            "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits"
        ));
        assert_eq!(e.line, 1);
        assert!(matches!(
            expr(&format!("0x{}\n", "f".repeat(5000))).kind,
            E::Int(IntValue::Big(_))
        ));
    }

    /// Shorthand for an f-string literal part.
    fn lit(s: &str) -> FStringPart {
        FStringPart::Literal(s.into())
    }

    /// The parts of an f-string expression.
    fn fparts(src: &str) -> Vec<FStringPart> {
        match expr(src).kind {
            E::FString(parts) => parts,
            other => panic!("not an f-string: {other:?}"),
        }
    }

    /// A field's expression name, conversion and spec.
    fn field(part: &FStringPart) -> (&str, Option<char>, Option<&Vec<FStringPart>>) {
        match part {
            FStringPart::Field {
                value,
                conversion,
                spec,
            } => (name(value), *conversion, spec.as_ref()),
            other => panic!("not a field: {other:?}"),
        }
    }

    #[test]
    fn fstrings() {
        let parts = fparts("f'a{x}b{y!r}{z!s:>{w}.{p}f}{{lit}}'\n");
        assert_eq!(parts.len(), 6);
        assert_eq!(parts[0], lit("a"));
        assert_eq!(field(&parts[1]), ("x", None, None));
        assert_eq!(parts[2], lit("b"));
        assert_eq!(field(&parts[3]), ("y", Some('r'), None));
        let (z, conv, spec) = field(&parts[4]);
        assert_eq!((z, conv), ("z", Some('s')));
        let spec = spec.unwrap();
        assert_eq!(spec.len(), 5);
        assert_eq!(spec[0], lit(">"));
        assert_eq!(field(&spec[1]), ("w", None, None));
        assert_eq!(spec[2], lit("."));
        assert_eq!(field(&spec[3]), ("p", None, None));
        assert_eq!(spec[4], lit("f"));
        assert_eq!(parts[5], lit("{lit}"));
        assert_eq!(field(&fparts("f'{x!a}'\n")[0]).1, Some('a'));
        // Plain strings fold into the f-string; a plain-only run is a `Str`.
        let parts = fparts("'p' f'{x}' 'q' \"r\"\n");
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[0], lit("p"));
        assert_eq!(parts[2], lit("qr"));
        assert_eq!(fparts("f'abc'\n"), [lit("abc")]);
        assert_eq!(fparts("f''\n"), []);
        // Self-documenting fields, as CPython lowers them.
        let parts = fparts("f'a{x=}b'\n");
        assert_eq!(parts[0], lit("ax="));
        assert_eq!(field(&parts[1]), ("x", Some('r'), None));
        assert_eq!(parts[2], lit("b"));
        let parts = fparts("f'{ x = }'\n");
        assert_eq!(parts[0], lit(" x = "));
        assert_eq!(field(&parts[1]).1, Some('r'));
        // With a format spec and no conversion CPython uses format(), not repr().
        let parts = fparts("f'{x=:>4}'\n");
        assert_eq!(parts[0], lit("x="));
        let (_, conv, spec) = field(&parts[1]);
        assert_eq!(
            (conv, spec.unwrap().as_slice()),
            (None, [lit(">4")].as_slice())
        );
        let parts = fparts("f'{x=:}'\n");
        let (_, conv, spec) = field(&parts[1]);
        assert_eq!((conv, spec.map(Vec::len)), (None, Some(0)));
        let parts = fparts("f'{x = !s:>4}'\n");
        assert_eq!(parts[0], lit("x = "));
        assert_eq!(field(&parts[1]).1, Some('s'));
        // Fields hold arbitrary expressions with their own positions.
        let parts = fparts("f'{a + b}'\n");
        let FStringPart::Field { value, .. } = &parts[0] else {
            panic!()
        };
        assert!(matches!(value.kind, E::BinOp { .. }));
        assert_eq!(value.loc, loc(1, 3, 1, 8));
        // Two levels of nested specs are too many for 3.11.
        check_err(
            "f'{3:{4:{5}}}'\n",
            SyntaxErrorKind::Syntax,
            "f-string: expressions nested too deeply",
            1,
            15,
        );
    }

    #[test]
    fn names_are_kept_nfkc_normalised_like_cpython() {
        assert_eq!(name(&expr("snake_Case\n")), "snake_Case");
        assert_eq!(name(&expr("é\n")), "é");
        // CPython normalises identifiers to NFKC: `ﬁ` (U+FB01) is `fi`.
        assert_eq!(name(&expr("\u{fb01}\n")), "fi");
        let E::Attribute { attr, .. } = expr("a.__b\n").kind else {
            panic!()
        };
        assert_eq!(attr, "__b");
    }

    // ----- positions --------------------------------------------------

    #[test]
    fn positions_count_characters() {
        let m = ok("s = 'héllo'; t = x\nif a:\n    y = [\n        1,\n    ]\n");
        assert_eq!(m.body[0].loc, loc(1, 0, 1, 11));
        let S::Assign { targets, value } = &m.body[1].kind else {
            panic!()
        };
        assert_eq!(m.body[1].loc, loc(1, 13, 1, 18));
        assert_eq!(targets[0].loc, loc(1, 13, 1, 14));
        assert_eq!(value.loc, loc(1, 17, 1, 18));
        let S::If { body, .. } = &m.body[2].kind else {
            panic!()
        };
        assert_eq!(body[0].loc, loc(3, 4, 5, 5));
        let m = ok("x = '😀' + y\n");
        let S::Assign { value, .. } = &m.body[0].kind else {
            panic!()
        };
        let E::BinOp { right, .. } = &value.kind else {
            panic!()
        };
        assert_eq!(right.loc, loc(1, 10, 1, 11));
        // A UTF-8 BOM is not a column; CRLF and lone CR end lines.
        let m = ok("\u{feff}a = 1\r\nb = 2\rc = 3\n");
        assert_eq!(m.body[0].loc, loc(1, 0, 1, 5));
        assert_eq!(m.body[1].loc, loc(2, 0, 2, 5));
        assert_eq!(m.body[2].loc, loc(3, 0, 3, 5));
    }

    #[test]
    fn semantic_errors_are_left_to_the_compiler() {
        for src in [
            "return 1\n",
            "break\n",
            "continue\n",
            "yield 1\n",
            "nonlocal x\n",
            "x = *a\n",
            "*a = 1\n",
            "f(a=1, a=2)\n",
            "def f(a, a): pass\n",
            "def f():\n    from x import y\n",
            "await_ = 1\n",
        ] {
            ok(src);
        }
    }

    // ----- constructs outside the subset ------------------------------

    #[test]
    fn unsupported_constructs() {
        let cases = [
            ("async def f(): pass\n", "'async def'", 1, 1),
            (
                "def f():\n    async for x in y: pass\n",
                "'async for'",
                2,
                5,
            ),
            ("def f():\n    async with a: pass\n", "'async with'", 2, 5),
            ("def f():\n    return await x\n", "'await'", 2, 12),
            (
                "x = 1\nmatch x:\n    case 1: pass\n",
                "'match' statement",
                2,
                1,
            ),
            ("type X = int\n", "'type' statement", 1, 1),
            ("from . import x\n", "relative import", 1, 1),
            ("from ..a import b\n", "relative import", 1, 1),
            ("x = 1j\n", "complex literal", 1, 5),
            ("x = 2.5J + 1\n", "complex literal", 1, 5),
            ("try:\n    pass\nexcept* E:\n    pass\n", "'except*'", 3, 1),
            ("x = t'hi {y}'\n", "t-string", 1, 5),
            (
                "def f():\n    return [x async for x in y]\n",
                "async comprehension",
                2,
                15,
            ),
            ("def f[T](x): pass\n", "type parameters", 1, 6),
            ("class A[T]: pass\n", "type parameters", 1, 8),
        ];
        for (src, construct, line, col) in cases {
            let e = err(src);
            assert_eq!(
                (e.kind, e.msg.clone(), e.line, e.col),
                (
                    SyntaxErrorKind::Syntax,
                    ast::unsupported(construct),
                    line,
                    col
                ),
                "{src:?}"
            );
        }
        let e = err("async def f(): pass\n");
        assert_eq!(
            e.render(),
            "  File \"x.py\", line 1\n    async def f(): pass\n    ^^^^^^^^^^^^^^^^^^^\nSyntaxError: 'async def' is not supported by ftl (it runs a subset of Python)\n"
        );
        // The first one in source order is reported.
        let e = err("x = 1j\nfrom m import *\n");
        assert_eq!(e.msg, ast::unsupported("complex literal"));
    }

    // ----- syntax errors ----------------------------------------------

    #[test]
    fn required_errors() {
        use SyntaxErrorKind::{Indentation as I, Syntax as Y};
        check_err("if x\n    pass\n", Y, "expected ':'", 1, 5);
        check_err("x = = 1\n", Y, "invalid syntax", 1, 5);
        check_err(
            "x = 1\ns = \"abc\n",
            Y,
            "unterminated string literal (detected at line 2)",
            2,
            5,
        );
        check_err(
            "x = 1\ns = \"\"\"abc\n\ndef\n",
            Y,
            "unterminated triple-quoted string literal (detected at line 4)",
            2,
            5,
        );
        check_err("foo(1, 2\n", Y, "'(' was never closed", 1, 4);
        check_err("x = [1, 2\n", Y, "'[' was never closed", 1, 5);
        check_err("x = {1: 2\n", Y, "'{' was never closed", 1, 5);
        check_err("x = (1, 2\n", Y, "'(' was never closed", 1, 5);
        check_err(
            "foo(1]\n",
            Y,
            "closing parenthesis ']' does not match opening parenthesis '('",
            1,
            6,
        );
        check_err(
            "foo(1,\n    2]\n",
            Y,
            "closing parenthesis ']' does not match opening parenthesis '(' on line 1",
            2,
            6,
        );
        check_err("x = 1)\n", Y, "unmatched ')'", 1, 6);
        check_err("x = 1\n    y = 2\n", I, "unexpected indent", 2, 4);
        check_err(
            "if x:\n        a = 1\n    b = 2\n",
            I,
            "unindent does not match any outer indentation level",
            3,
            10,
        );
        for (src, what, line) in [
            ("if x:\npass\n", "'if' statement on line 1", 2),
            ("for x in y:\npass\n", "'for' statement on line 1", 2),
            ("while x:\npass\n", "'while' statement on line 1", 2),
            (
                "x = 1\ndef f():\nreturn 1\n",
                "function definition on line 2",
                3,
            ),
            (
                "@d\ndef f():\nreturn 1\n",
                "function definition on line 2",
                3,
            ),
            ("class A:\npass\n", "class definition on line 1", 2),
            ("try:\npass\n", "'try' statement on line 1", 2),
            (
                "if x:\n    pass\nelse:\npass\n",
                "'else' statement on line 3",
                4,
            ),
            ("with a:\npass\n", "'with' statement on line 1", 2),
            (
                "if x:\n    pass\nelif y:\npass\n",
                "'elif' statement on line 3",
                4,
            ),
            (
                "try:\n    pass\nexcept E:\npass\n",
                "'except' statement on line 3",
                4,
            ),
            (
                "try:\n    pass\nfinally:\npass\n",
                "'finally' statement on line 3",
                4,
            ),
        ] {
            check_err(
                src,
                I,
                &format!("expected an indented block after {what}"),
                line,
                1,
            );
        }
        // At end of file CPython reports the header line without a caret.
        check_err(
            "if x:\n",
            I,
            "expected an indented block after 'if' statement on line 1",
            1,
            0,
        );
        check_err(
            "f() = 1\n",
            Y,
            "cannot assign to function call here. Maybe you meant '==' instead of '='?",
            1,
            1,
        );
        check_err(
            "1 = x\n",
            Y,
            "cannot assign to literal here. Maybe you meant '==' instead of '='?",
            1,
            1,
        );
        check_err(
            "print \"hi\"\n",
            Y,
            "Missing parentheses in call to 'print'. Did you mean print(...)?",
            1,
            1,
        );
        check_err("def f(:\n    pass\n", Y, "invalid syntax", 1, 7);
        check_err("x = 1 2\n", Y, "invalid syntax", 1, 7);
        check_err("else:\n    pass\n", Y, "invalid syntax", 1, 1);
        check_err(
            "if x:\n\tpass\n        pass\n",
            SyntaxErrorKind::Tab,
            "inconsistent use of tabs and spaces in indentation",
            3,
            1,
        );
        // Parser errors come after the tokenizer's, wherever they are.
        check_err(
            "x = = 1\ns = 'abc\n",
            Y,
            "unterminated string literal (detected at line 2)",
            2,
            5,
        );
    }

    #[test]
    fn error_fields() {
        let e = err("x = 1\nf() = 2\n");
        assert_eq!(e.filename, "x.py");
        assert_eq!(e.text.as_deref(), Some("f() = 2"));
        assert_eq!((e.col, e.end_col), (1, 4));
        // Columns count characters (CPython's caret counts bytes when it
        // prints, which `render` reproduces).
        let e = err("é = 'ü' +\n");
        assert_eq!((e.line, e.col), (1, 10));
        assert_eq!(e.render(), "  File \"x.py\", line 1\n    é = 'ü' +\n               ^\nSyntaxError: invalid syntax\n");
        // Carriage returns are not part of the text.
        assert_eq!(err("x = = 1\r\n").text.as_deref(), Some("x = = 1"));
        let e = err("x = 1\0\n");
        assert_eq!(e.msg, "source code cannot contain null bytes");
        assert_eq!(e.render(), "  File \"x.py\", line 1\n    x = 1\nSyntaxError: source code cannot contain null bytes\n");
    }

    // ----- deep nesting -----------------------------------------------

    /// Inputs that must be rejected cleanly, however deep: the source, the
    /// expected kind, message and line.
    fn deep_inputs() -> Vec<(String, SyntaxErrorKind, &'static str, u32)> {
        use SyntaxErrorKind::{Indentation as I, Syntax as Y};
        let nested_ifs: String = (0..1000)
            .map(|i| format!("{}if x:\n", " ".repeat(i)))
            .collect::<String>()
            + &" ".repeat(1000)
            + "pass\n";
        vec![
            ("(".repeat(100_000), Y, "too many nested parentheses", 1),
            (
                "-".repeat(100_000) + "1",
                Y,
                "expression too deeply nested",
                1,
            ),
            (
                "x=".to_owned() + &"[".repeat(50_000) + &"]".repeat(50_000),
                Y,
                "too many nested parentheses",
                1,
            ),
            (nested_ifs, I, "too many levels of indentation", 101),
            (
                "1+".repeat(200_000) + "1",
                Y,
                "expression too deeply nested",
                1,
            ),
            (
                "not ".repeat(100_000) + "1",
                Y,
                "expression too deeply nested",
                1,
            ),
            (
                "x = ".to_owned() + &"lambda: ".repeat(50_000) + "1",
                Y,
                "expression too deeply nested",
                1,
            ),
            (
                "x = ".to_owned() + &"1 if 1 else ".repeat(50_000) + "1",
                Y,
                "expression too deeply nested",
                1,
            ),
            (
                "x = a".to_owned() + &".b".repeat(100_000),
                Y,
                "expression too deeply nested",
                1,
            ),
            (
                "x = f".to_owned() + &"()".repeat(100_000),
                Y,
                "expression too deeply nested",
                1,
            ),
            (
                "x = a".to_owned() + &"[0]".repeat(100_000),
                Y,
                "expression too deeply nested",
                1,
            ),
            (
                "x = ".to_owned() + &"1**".repeat(100_000) + "1",
                Y,
                "expression too deeply nested",
                1,
            ),
            (
                "if x:\n    pass\n".to_owned() + &"elif x:\n    pass\n".repeat(10_000),
                Y,
                "expression too deeply nested",
                5999,
            ),
        ]
    }

    #[test]
    fn deep_nesting_never_overflows() {
        // cargo's test threads have 2 MiB of stack; a main thread has 8.
        for stack in [2 << 20, 8 << 20] {
            on_stack(stack, || {
                for (src, kind, msg, line) in deep_inputs() {
                    let e = err(&src);
                    assert_eq!(
                        (e.kind, e.msg.as_str(), e.line),
                        (kind, msg, line),
                        "{}",
                        &src[..40]
                    );
                }
                assert_eq!(err(&"(".repeat(100_000)).col, 201);
                assert_eq!(err(&("x=".to_owned() + &"[".repeat(50_000))).col, 203);
                // Just inside the limits.
                ok(&("x = ".to_owned() + &"-".repeat(2990) + "1\n"));
                // CPython's own threshold for this shape.
                ok(&("-".repeat(2998) + "1"));
                assert!(parse(&("-".repeat(2999) + "1"), "x.py").is_err());
                ok(&("x = ".to_owned() + &"(".repeat(200) + "1" + &")".repeat(200) + "\n"));
                let nested: String = (0..99)
                    .map(|i| format!("{}if x:\n", " ".repeat(i)))
                    .collect();
                ok(&(nested + &" ".repeat(99) + "pass\n"));
                ok(&("x = ".to_owned() + &"a + ".repeat(2990) + "a\n"));
                // Annotations are lowered like any expression: too deep
                // is an error (CPython 3.11 runs out of parser stack and
                // raises MemoryError), never an overflow.
                let e = err(&("x: ".to_owned() + &"-".repeat(100_000) + "1 = 1\n"));
                assert_eq!(e.msg, "expression too deeply nested");
                let e = err(&("def f(a: ".to_owned()
                    + &"not ".repeat(100_000)
                    + "1) -> "
                    + &"~".repeat(100_000)
                    + "1: pass\n"));
                assert_eq!(e.msg, "expression too deeply nested");
                // Under PEP 563 they are only text, however deep.
                ok(&("from __future__ import annotations\nx: ".to_owned()
                    + &"-".repeat(100_000)
                    + "1 = 1\n"));
                // Nested f-strings in 3.12 syntax are refused (3.11 ends the
                // string at the inner quote), not recursed into.
                assert!(parse(&("f\"{".repeat(1000) + "1" + &"}\"".repeat(1000)), "x.py").is_err());
            });
        }
    }

    #[test]
    fn lowered_depth_is_bounded() {
        // The tree handed to the compiler is at most `MAX_NESTING` deep.
        fn depth(e: &ast::Expr) -> u32 {
            match &e.kind {
                E::UnaryOp { operand, .. } => 1 + depth(operand),
                _ => 1,
            }
        }
        let n = MAX_NESTING as usize - 2;
        let S::Assign { value, .. } = stmt(&("x = ".to_owned() + &"-".repeat(n) + "1\n")).kind
        else {
            panic!()
        };
        assert_eq!(depth(&value), n as u32 + 1);
        let e = err(&("x = ".to_owned() + &"-".repeat(n + 2) + "1\n"));
        assert_eq!(e.msg, "expression too deeply nested");
    }

    /// A 50 MB chain of `1+1+...` (slow in debug builds: run with
    /// `cargo test --release -- --ignored`).
    #[test]
    #[ignore]
    fn fifty_megabytes_of_additions() {
        let src = "1+".repeat(25_000_000) + "1";
        let e = on_stack(2 << 20, move || err(&src));
        assert_eq!(e.msg, "expression too deeply nested");
    }

    #[test]
    fn random_token_soup_never_panics() {
        let atoms = [
            "(",
            ")",
            "[",
            "]",
            "{",
            "}",
            ":",
            ",",
            ".",
            ";",
            "=",
            "+=",
            "->",
            "*",
            "**",
            "-",
            "~",
            "@",
            "!",
            "?",
            "$",
            "if",
            "elif",
            "else",
            "for",
            "in",
            "def",
            "class",
            "return",
            "lambda",
            "yield",
            "from",
            "import",
            "try",
            "except",
            "with",
            "async",
            "await",
            "not",
            "and",
            "print",
            "match",
            "case",
            "type",
            "x",
            "é",
            "😀",
            "\u{a0}",
            "\0",
            "1",
            "0x",
            "0b2",
            "1_",
            "1e",
            "012",
            "1j",
            ".5",
            "'",
            "\"",
            "'''",
            "f'{",
            "f'{x!r:>{y}}'",
            "f'{x=}'",
            "b'\\x1'",
            "'\\N{foo}'",
            "t'x'",
            "\n",
            "\n",
            "    ",
            "\t",
            " ",
            "\\",
            "\\\n",
            "\r\n",
            "\r",
            "\x0c",
            "#c",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut errors = 0;
        for _ in 0..3000 {
            let n = (next() % 30) as usize;
            let src: String = (0..n)
                .map(|_| atoms[(next() % atoms.len() as u64) as usize])
                .collect();
            if let Err(e) = parse(&src, "x.py") {
                errors += 1;
                let text = e.render();
                assert!(text.starts_with("  File \"x.py\", line "), "{text}");
                assert!(e.line >= 1, "{src:?}");
            }
        }
        assert!(errors > 1000);
    }

    // ----- rendering, against CPython 3.11's own output ---------------

    #[test]
    fn render_matches_cpython() {
        // (source, what `python3 x.py` prints on stderr), generated by
        // running CPython 3.11.7 on each source.
        let cases: &[(&str, &str)] = &[
        // colon_if
        ("if x\n    pass\n", "  File \"x.py\", line 1\n    if x\n        ^\nSyntaxError: expected ':'\n"),
        // colon_def
        ("def f()\n    pass\n", "  File \"x.py\", line 1\n    def f()\n           ^\nSyntaxError: expected ':'\n"),
        // colon_while
        ("while x\n    pass\n", "  File \"x.py\", line 1\n    while x\n           ^\nSyntaxError: expected ':'\n"),
        // colon_for
        ("for x in y\n    pass\n", "  File \"x.py\", line 1\n    for x in y\n              ^\nSyntaxError: expected ':'\n"),
        // colon_class
        ("class A\n    pass\n", "  File \"x.py\", line 1\n    class A\n           ^\nSyntaxError: expected ':'\n"),
        // colon_else
        ("if x:\n    pass\nelse\n    pass\n", "  File \"x.py\", line 3\n    else\n        ^\nSyntaxError: expected ':'\n"),
        // colon_try
        ("try\n    pass\nexcept:\n    pass\n", "  File \"x.py\", line 1\n    try\n       ^\nSyntaxError: expected ':'\n"),
        // colon_with
        ("with a\n    pass\n", "  File \"x.py\", line 1\n    with a\n          ^\nSyntaxError: expected ':'\n"),
        // eq_eq
        ("x = = 1\n", "  File \"x.py\", line 1\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n"),
        // unterminated
        ("x = 1\ns = \"abc\n", "  File \"x.py\", line 2\n    s = \"abc\n        ^\nSyntaxError: unterminated string literal (detected at line 2)\n"),
        // unterminated_sq
        ("s = 'abc\nt = 1\n", "  File \"x.py\", line 1\n    s = 'abc\n        ^\nSyntaxError: unterminated string literal (detected at line 1)\n"),
        // unterminated_triple
        ("x = 1\ns = \"\"\"abc\n\ndef\n", "  File \"x.py\", line 2\n    s = \"\"\"abc\n        ^\nSyntaxError: unterminated triple-quoted string literal (detected at line 4)\n"),
        // unterminated_triple_sq
        ("s = '''abc\n", "  File \"x.py\", line 1\n    s = '''abc\n        ^\nSyntaxError: unterminated triple-quoted string literal (detected at line 1)\n"),
        // never_closed_paren
        ("foo(1, 2\n", "  File \"x.py\", line 1\n    foo(1, 2\n       ^\nSyntaxError: '(' was never closed\n"),
        // never_closed_paren2
        ("x = 1\nfoo(1, 2\ny = 3\n", "  File \"x.py\", line 2\n    foo(1, 2\n       ^\nSyntaxError: '(' was never closed\n"),
        // never_closed_list
        ("x = [1, 2\n", "  File \"x.py\", line 1\n    x = [1, 2\n        ^\nSyntaxError: '[' was never closed\n"),
        // never_closed_dict
        ("x = {1: 2\n", "  File \"x.py\", line 1\n    x = {1: 2\n        ^\nSyntaxError: '{' was never closed\n"),
        // mismatch
        ("foo(1]\n", "  File \"x.py\", line 1\n    foo(1]\n         ^\nSyntaxError: closing parenthesis ']' does not match opening parenthesis '('\n"),
        // mismatch2
        ("x = [1, 2)\n", "  File \"x.py\", line 1\n    x = [1, 2)\n             ^\nSyntaxError: closing parenthesis ')' does not match opening parenthesis '['\n"),
        // mismatch3
        ("x = {1: (2}\n", "  File \"x.py\", line 1\n    x = {1: (2}\n              ^\nSyntaxError: closing parenthesis '}' does not match opening parenthesis '('\n"),
        // unmatched_rpar
        ("x = 1)\n", "  File \"x.py\", line 1\n    x = 1)\n         ^\nSyntaxError: unmatched ')'\n"),
        // unmatched_rsqb
        ("x = 1]\n", "  File \"x.py\", line 1\n    x = 1]\n         ^\nSyntaxError: unmatched ']'\n"),
        // unmatched_rbrace
        ("x = 1}\n", "  File \"x.py\", line 1\n    x = 1}\n         ^\nSyntaxError: unmatched '}'\n"),
        // unexpected_indent
        ("x = 1\n    y = 2\n", "  File \"x.py\", line 2\n    y = 2\nIndentationError: unexpected indent\n"),
        // unexpected_indent_first
        ("  x = 1\n", "  File \"x.py\", line 1\n    x = 1\nIndentationError: unexpected indent\n"),
        // bad_dedent
        ("if x:\n        a = 1\n    b = 2\n", "  File \"x.py\", line 3\n    b = 2\n         ^\nIndentationError: unindent does not match any outer indentation level\n"),
        // block_if
        ("if x:\npass\n", "  File \"x.py\", line 2\n    pass\n    ^\nIndentationError: expected an indented block after 'if' statement on line 1\n"),
        // block_for
        ("for x in y:\npass\n", "  File \"x.py\", line 2\n    pass\n    ^\nIndentationError: expected an indented block after 'for' statement on line 1\n"),
        // block_while
        ("while x:\npass\n", "  File \"x.py\", line 2\n    pass\n    ^\nIndentationError: expected an indented block after 'while' statement on line 1\n"),
        // block_def
        ("def f():\npass\n", "  File \"x.py\", line 2\n    pass\n    ^\nIndentationError: expected an indented block after function definition on line 1\n"),
        // block_class
        ("class A:\npass\n", "  File \"x.py\", line 2\n    pass\n    ^\nIndentationError: expected an indented block after class definition on line 1\n"),
        // block_try
        ("try:\npass\n", "  File \"x.py\", line 2\n    pass\n    ^\nIndentationError: expected an indented block after 'try' statement on line 1\n"),
        // block_else
        ("if x:\n    pass\nelse:\npass\n", "  File \"x.py\", line 4\n    pass\n    ^\nIndentationError: expected an indented block after 'else' statement on line 3\n"),
        // block_with
        ("with a:\npass\n", "  File \"x.py\", line 2\n    pass\n    ^\nIndentationError: expected an indented block after 'with' statement on line 1\n"),
        // block_elif
        ("if x:\n    pass\nelif y:\npass\n", "  File \"x.py\", line 4\n    pass\n    ^\nIndentationError: expected an indented block after 'elif' statement on line 3\n"),
        // block_except
        ("try:\n    pass\nexcept:\npass\n", "  File \"x.py\", line 4\n    pass\n    ^\nIndentationError: expected an indented block after 'except' statement on line 3\n"),
        // block_except_e
        ("try:\n    pass\nexcept E:\npass\n", "  File \"x.py\", line 4\n    pass\n    ^\nIndentationError: expected an indented block after 'except' statement on line 3\n"),
        // block_finally
        ("try:\n    pass\nfinally:\npass\n", "  File \"x.py\", line 4\n    pass\n    ^\nIndentationError: expected an indented block after 'finally' statement on line 3\n"),
        // block_eof
        ("if x:\n", "  File \"x.py\", line 1\n    if x:\nIndentationError: expected an indented block after 'if' statement on line 1\n"),
        // block_eof2
        ("def f():\n", "  File \"x.py\", line 1\n    def f():\nIndentationError: expected an indented block after function definition on line 1\n"),
        // assign_call
        ("f() = 1\n", "  File \"x.py\", line 1\n    f() = 1\n    ^^^\nSyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?\n"),
        // assign_lit
        ("1 = x\n", "  File \"x.py\", line 1\n    1 = x\n    ^\nSyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?\n"),
        // assign_lit_str
        ("'a' = x\n", "  File \"x.py\", line 1\n    'a' = x\n    ^^^\nSyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?\n"),
        // assign_op
        ("a + b = 1\n", "  File \"x.py\", line 1\n    a + b = 1\n    ^^^^^\nSyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='?\n"),
        // assign_none
        ("None = 1\n", "  File \"x.py\", line 1\n    None = 1\n    ^^^^\nSyntaxError: cannot assign to None\n"),
        // assign_true
        ("True = 1\n", "  File \"x.py\", line 1\n    True = 1\n    ^^^^\nSyntaxError: cannot assign to True\n"),
        // print
        ("print \"hi\"\n", "  File \"x.py\", line 1\n    print \"hi\"\n    ^^^^^^^^^^\nSyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n"),
        // print2
        ("print x\n", "  File \"x.py\", line 1\n    print x\n    ^^^^^^^\nSyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n"),
        // exec
        ("exec \"x\"\n", "  File \"x.py\", line 1\n    exec \"x\"\n    ^^^^^^^^\nSyntaxError: Missing parentheses in call to 'exec'. Did you mean exec(...)?\n"),
        // def_paren
        ("def f(:\n    pass\n", "  File \"x.py\", line 1\n    def f(:\n          ^\nSyntaxError: invalid syntax\n"),
        // stray
        ("x = 1 2\n", "  File \"x.py\", line 1\n    x = 1 2\n          ^\nSyntaxError: invalid syntax\n"),
        // stray2
        ("x y\n", "  File \"x.py\", line 1\n    x y\n      ^\nSyntaxError: invalid syntax\n"),
        // else_no_if
        ("else:\n    pass\n", "  File \"x.py\", line 1\n    else:\n    ^^^^\nSyntaxError: invalid syntax\n"),
        // tuple_open
        ("x = (1, 2\n", "  File \"x.py\", line 1\n    x = (1, 2\n        ^\nSyntaxError: '(' was never closed\n"),
        // aug_lit
        ("1 += 1\n", "  File \"x.py\", line 1\n    1 += 1\n    ^\nSyntaxError: 'literal' is an illegal expression for augmented assignment\n"),
        // aug_tuple
        ("a, b += 1\n", "  File \"x.py\", line 1\n    a, b += 1\n    ^^^^\nSyntaxError: 'tuple' is an illegal expression for augmented assignment\n"),
        // del_lit
        ("del 1\n", "  File \"x.py\", line 1\n    del 1\n        ^\nSyntaxError: cannot delete literal\n"),
        // del_call
        ("del f()\n", "  File \"x.py\", line 1\n    del f()\n        ^^^\nSyntaxError: cannot delete function call\n"),
        // walrus_attr
        ("(a.b := 1)\n", "  File \"x.py\", line 1\n    (a.b := 1)\n     ^^^\nSyntaxError: cannot use assignment expressions with attribute\n"),
        // lambda_assign
        ("lambda: 1 = 2\n", "  File \"x.py\", line 1\n    lambda: 1 = 2\n    ^^^^^^^^^\nSyntaxError: cannot assign to lambda\n"),
        // pos_after_kw
        ("f(a=1, 2)\n", "  File \"x.py\", line 1\n    f(a=1, 2)\n            ^\nSyntaxError: positional argument follows keyword argument\n"),
        // missing_comma
        ("x = [1 2]\n", "  File \"x.py\", line 1\n    x = [1 2]\n         ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n"),
        // missing_comma2
        ("f(a b)\n", "  File \"x.py\", line 1\n    f(a b)\n      ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n"),
        // tab
        ("if x:\n\tpass\n        pass\n", "  File \"x.py\", line 3\n    pass\nTabError: inconsistent use of tabs and spaces in indentation\n"),
        // tab2
        ("if x:\n        a\n\tb\n", "  File \"x.py\", line 3\n    b\nTabError: inconsistent use of tabs and spaces in indentation\n"),
        // backslash
        ("x = 1 \\ 2\n", "  File \"x.py\", line 1\n    x = 1 \\ 2\n           ^\nSyntaxError: unexpected character after line continuation character\n"),
        // badchar
        ("x = 1 $ 2\n", "  File \"x.py\", line 1\n    x = 1 $ 2\n          ^\nSyntaxError: invalid syntax\n"),
        // badchar2
        ("x = 1 ? 2\n", "  File \"x.py\", line 1\n    x = 1 ? 2\n          ^\nSyntaxError: invalid syntax\n"),
        // badtoken_unicode
        ("x = 1 € 2\n", "  File \"x.py\", line 1\n    x = 1 € 2\n          ^\nSyntaxError: invalid character '€' (U+20AC)\n"),
        // invalid_decimal
        ("x = 1_\n", "  File \"x.py\", line 1\n    x = 1_\n         ^\nSyntaxError: invalid decimal literal\n"),
        // invalid_decimal2
        ("x = 0b2\n", "  File \"x.py\", line 1\n    x = 0b2\n          ^\nSyntaxError: invalid digit '2' in binary literal\n"),
        // invalid_decimal3
        ("x = 08\n", "  File \"x.py\", line 1\n    x = 08\n        ^\nSyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers\n"),
        // invalid_hex
        ("x = 0x\n", "  File \"x.py\", line 1\n    x = 0x\n         ^\nSyntaxError: invalid hexadecimal literal\n"),
        // fstring_brace
        ("f'{'\n", "  File \"x.py\", line 1\n    f'{'\n        ^\nSyntaxError: f-string: expecting '}'\n"),
        // fstring_single_rbrace
        ("f'}'\n", "  File \"x.py\", line 1\n    f'}'\n        ^\nSyntaxError: f-string: single '}' is not allowed\n"),
        // fstring_empty
        ("f'{}'\n", "  File \"x.py\", line 1\n    f'{}'\n         ^\nSyntaxError: f-string: empty expression not allowed\n"),
        // fstring_conv
        ("f'{x!z}'\n", "  File \"x.py\", line 1\n    f'{x!z}'\n            ^\nSyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a'\n"),
        // fstring_nested_q
        ("f\"{x[\"a\"]}\"\n", "  File \"x.py\", line 1\n    f\"{x[\"a\"]}\"\n          ^\nSyntaxError: f-string: unmatched '['\n"),
        // fstring_backslash
        ("f'{\"\\n\".join(x)}'\n", "  File \"x.py\", line 1\n    f'{\"\\n\".join(x)}'\n                     ^\nSyntaxError: f-string expression part cannot include a backslash\n"),
        // fstring_comment
        ("f'''{x # c\n}'''\n", "  File \"x.py\", line 2\n    }'''\n        ^\nSyntaxError: f-string expression part cannot include '#'\n"),
        // bytes_nonascii
        ("b'é'\n", "  File \"x.py\", line 1\n    b'é'\n    ^^^^^\nSyntaxError: bytes can only contain ASCII literal characters\n"),
        // dbl_star
        ("f(**)\n", "  File \"x.py\", line 1\n    f(**)\n        ^\nSyntaxError: invalid syntax\n"),
        // except_multi
        ("try:\n    pass\nexcept A, B:\n    pass\n", "  File \"x.py\", line 3\n    except A, B:\n           ^^^^\nSyntaxError: multiple exception types must be parenthesized\n"),
        // unpack_compr
        ("[*x for x in y]\n", "  File \"x.py\", line 1\n    [*x for x in y]\n     ^^\nSyntaxError: iterable unpacking cannot be used in comprehension\n"),
        // dict_unpack_compr
        ("{**d for d in x}\n", "  File \"x.py\", line 1\n    {**d for d in x}\n     ^^\nSyntaxError: dict unpacking cannot be used in dict comprehension\n"),
        // keyword_as_name
        ("class = 1\n", "  File \"x.py\", line 1\n    class = 1\n          ^\nSyntaxError: invalid syntax\n"),
        // if_empty
        ("if :\n    pass\n", "  File \"x.py\", line 1\n    if :\n       ^\nSyntaxError: invalid syntax\n"),
        // import_bad
        ("import\n", "  File \"x.py\", line 1\n    import\n          ^\nSyntaxError: invalid syntax\n"),
        // from_bad
        ("from x import\n", "  File \"x.py\", line 1\n    from x import\n                 ^\nSyntaxError: invalid syntax\n"),
        // dot_dot
        ("x..y\n", "  File \"x.py\", line 1\n    x..y\n      ^\nSyntaxError: invalid syntax\n"),
        // semi
        ("x = 1;;\n", "  File \"x.py\", line 1\n    x = 1;;\n          ^\nSyntaxError: invalid syntax\n"),
        // eof_in_expr
        ("x = 1 +\n", "  File \"x.py\", line 1\n    x = 1 +\n           ^\nSyntaxError: invalid syntax\n"),
        // eof_in_call
        ("x = f(\n", "  File \"x.py\", line 1\n    x = f(\n         ^\nSyntaxError: '(' was never closed\n"),
        // lone_colon
        (":\n", "  File \"x.py\", line 1\n    :\n    ^\nSyntaxError: invalid syntax\n"),
        // def_no_paren
        ("def f:\n    pass\n", "  File \"x.py\", line 1\n    def f:\n         ^\nSyntaxError: expected '('\n"),
        // class_bad
        ("class A(:\n    pass\n", "  File \"x.py\", line 1\n    class A(:\n            ^\nSyntaxError: invalid syntax\n"),
        // generator_arg
        ("f(x for x in y, 1)\n", "  File \"x.py\", line 1\n    f(x for x in y, 1)\n      ^^^^^^^^^^^^\nSyntaxError: Generator expression must be parenthesized\n"),
        // dflt_order
        ("def f(a=1, b):\n    pass\n", "  File \"x.py\", line 1\n    def f(a=1, b):\n               ^\nSyntaxError: non-default argument follows default argument\n"),
        // dup_star
        ("def f(*a, *b):\n    pass\n", "  File \"x.py\", line 1\n    def f(*a, *b):\n              ^\nSyntaxError: * argument may appear only once\n"),
        // lambda_dflt
        ("lambda a=1, b: 0\n", "  File \"x.py\", line 1\n    lambda a=1, b: 0\n                ^\nSyntaxError: non-default argument follows default argument\n"),
        // with_bad
        ("with :\n    pass\n", "  File \"x.py\", line 1\n    with :\n         ^\nSyntaxError: invalid syntax\n"),
        // unterminated_eof_noline
        ("s = 'abc", "  File \"x.py\", line 1\n    s = 'abc\n        ^\nSyntaxError: unterminated string literal (detected at line 1)\n"),
        // unterminated_triple_line
        ("x = '''\n\n\n", "  File \"x.py\", line 1\n    x = '''\n        ^\nSyntaxError: unterminated triple-quoted string literal (detected at line 3)\n"),
        // nonascii_col
        ("é = 'ü' +\n", "  File \"x.py\", line 1\n    é = 'ü' +\n               ^\nSyntaxError: invalid syntax\n"),
        // nonascii_caret
        ("x = 'éé' 1\n", "  File \"x.py\", line 1\n    x = 'éé' 1\n               ^\nSyntaxError: invalid syntax\n"),
        // unicode_ident_bad
        ("x = a\u{a0}b\n", "  File \"x.py\", line 1\n    x = a\u{a0}b\n         ^\nSyntaxError: invalid non-printable character U+00A0\n"),
        // trailing_comma_import
        ("from a import b,\n", "  File \"x.py\", line 1\n    from a import b,\n                    ^\nSyntaxError: trailing comma not allowed without surrounding parentheses\n"),
        // walrus_stmt
        ("x := 1\n", "  File \"x.py\", line 1\n    x := 1\n      ^^\nSyntaxError: invalid syntax\n"),
        // ann_bad
        ("a, b: int\n", "  File \"x.py\", line 1\n    a, b: int\n    ^\nSyntaxError: only single target (not tuple) can be annotated\n"),
        // ann_lit
        ("1: int\n", "  File \"x.py\", line 1\n    1: int\n    ^\nSyntaxError: illegal target for annotation\n"),
        // global_bad
        ("global\n", "  File \"x.py\", line 1\n    global\n          ^\nSyntaxError: invalid syntax\n"),
        // assert_bad
        ("assert\n", "  File \"x.py\", line 1\n    assert\n          ^\nSyntaxError: invalid syntax\n"),
        // raise_from_bad
        ("raise from x\n", "  File \"x.py\", line 1\n    raise from x\n          ^^^^\nSyntaxError: invalid syntax\n"),
        // ellipsis_assign
        ("... = 1\n", "  File \"x.py\", line 1\n    ... = 1\n    ^^^\nSyntaxError: cannot assign to ellipsis here. Maybe you meant '==' instead of '='?\n"),
        // compare_assign
        ("a < b = 1\n", "  File \"x.py\", line 1\n    a < b = 1\n    ^^^^^\nSyntaxError: cannot assign to comparison\n"),
        // fstring_assign
        ("f'{x}' = 1\n", "  File \"x.py\", line 1\n    f'{x}' = 1\n    ^^^^^^\nSyntaxError: cannot assign to f-string expression here. Maybe you meant '==' instead of '='?\n"),
        // dict_assign
        ("{} = 1\n", "  File \"x.py\", line 1\n    {} = 1\n    ^^\nSyntaxError: cannot assign to dict literal here. Maybe you meant '==' instead of '='?\n"),
        // set_assign
        ("{a} = 1\n", "  File \"x.py\", line 1\n    {a} = 1\n    ^^^\nSyntaxError: cannot assign to set display here. Maybe you meant '==' instead of '='?\n"),
        // listcomp_assign
        ("[x for x in y] = 1\n", "  File \"x.py\", line 1\n    [x for x in y] = 1\n    ^^^^^^^^^^^^^^\nSyntaxError: cannot assign to list comprehension here. Maybe you meant '==' instead of '='?\n"),
        // yield_assign
        ("(yield) = 1\n", "  File \"x.py\", line 1\n    (yield) = 1\n     ^^^^^\nSyntaxError: cannot assign to yield expression here. Maybe you meant '==' instead of '='?\n"),
        // ifexp_assign
        ("a if b else c = 1\n", "  File \"x.py\", line 1\n    a if b else c = 1\n    ^^^^^^^^^^^^^\nSyntaxError: cannot assign to conditional expression\n"),
        // attr_lit
        ("1.real = 1\n", "  File \"x.py\", line 1\n    1.real = 1\n     ^\nSyntaxError: invalid decimal literal\n"),
        // for_lit
        ("for 1 in x:\n    pass\n", "  File \"x.py\", line 1\n    for 1 in x:\n        ^\nSyntaxError: cannot assign to literal\n"),
        // with_lit
        ("with a as 1:\n    pass\n", "  File \"x.py\", line 1\n    with a as 1:\n              ^\nSyntaxError: cannot assign to literal\n"),
        // compr_lit
        ("[x for 1 in y]\n", "  File \"x.py\", line 1\n    [x for 1 in y]\n           ^\nSyntaxError: cannot assign to literal\n"),
        // multi_assign_lit
        ("x = 1 = y\n", "  File \"x.py\", line 1\n    x = 1 = y\n        ^\nSyntaxError: cannot assign to literal\n"),
        // keyword_arg_lit
        ("f(1=2)\n", "  File \"x.py\", line 1\n    f(1=2)\n      ^^\nSyntaxError: expression cannot contain assignment, perhaps you meant \"==\"?\n"),
        // keyword_arg_expr
        ("f(a.b=2)\n", "  File \"x.py\", line 1\n    f(a.b=2)\n      ^^^^\nSyntaxError: expression cannot contain assignment, perhaps you meant \"==\"?\n"),
        // elif_no_if
        ("elif x:\n    pass\n", "  File \"x.py\", line 1\n    elif x:\n    ^^^^\nSyntaxError: invalid syntax\n"),
        // except_no_try
        ("except:\n    pass\n", "  File \"x.py\", line 1\n    except:\n    ^^^^^^\nSyntaxError: invalid syntax\n"),
        // try_no_except
        ("try:\n    pass\nx = 1\n", "  File \"x.py\", line 3\n    x = 1\n    ^\nSyntaxError: expected 'except' or 'finally' block\n"),
        // lambda_default_star
        ("def f(*a=1): pass\n", "  File \"x.py\", line 1\n    def f(*a=1): pass\n            ^\nSyntaxError: var-positional argument cannot have default value\n"),
        // na1
        ("f('é') = 1\n", "  File \"x.py\", line 1\n    f('é') = 1\n    ^^^^^^^\nSyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?\n"),
        // na2
        ("x = 1\nab = 'ééé' + f('ü') = 1\n", "  File \"x.py\", line 2\n    ab = 'ééé' + f('ü') = 1\n         ^^^^^^^^^^^^^^^^^^\nSyntaxError: cannot assign to expression\n"),
        // na3
        ("éééé = = 1\n", "  File \"x.py\", line 1\n    éééé = = 1\n               ^\nSyntaxError: invalid syntax\n"),
        // trail
        ("x = = 1     \n", "  File \"x.py\", line 1\n    x = = 1     \n        ^\nSyntaxError: invalid syntax\n"),
        // tabin
        ("x =\t= 1\n", "  File \"x.py\", line 1\n    x =\t= 1\n        ^\nSyntaxError: invalid syntax\n"),
        // lead_tab
        ("if 1:\n\tx = = 1\n", "  File \"x.py\", line 2\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n"),
        // multi
        ("f(a,\n  b) = 1\n", "  File \"x.py\", line 1\n    f(a,\n    ^^^^\nSyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?\n"),
        // ff
        ("\x0cx = = 1\n", "  File \"x.py\", line 1\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n"),
        // cr
        ("x = = 1\r\n", "  File \"x.py\", line 1\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n"),
        // emoji
        ("x = '😀😀' 1\n", "  File \"x.py\", line 1\n    x = '😀😀' 1\n                   ^\nSyntaxError: invalid syntax\n"),
        // combining
        ("x = 'é' 1\n", "  File \"x.py\", line 1\n    x = 'é' 1\n              ^\nSyntaxError: invalid syntax\n"),
        // cjk
        ("x = '中文' 1\n", "  File \"x.py\", line 1\n    x = '中文' 1\n                 ^\nSyntaxError: invalid syntax\n"),
        // wide_assign
        ("中文() = 1\n", "  File \"x.py\", line 1\n    中文() = 1\n    ^^^^^^^^\nSyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?\n"),
        // ov1
        ("x = = 1\ns = 'abc\n", "  File \"x.py\", line 2\n    s = 'abc\n        ^\nSyntaxError: unterminated string literal (detected at line 2)\n"),
        // ov2
        ("f() = 1\ny = 1 $ 2\n", "  File \"x.py\", line 1\n    f() = 1\n    ^^^\nSyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?\n"),
        // ov3
        ("if x\n    pass\n)\n", "  File \"x.py\", line 3\n    )\n    ^\nSyntaxError: unmatched ')'\n"),
        // ov4
        ("x = (1,\n= 2\n", "  File \"x.py\", line 1\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n"),
        // ov5
        ("foo(1, = 2\n", "  File \"x.py\", line 1\n    foo(1, = 2\n           ^\nSyntaxError: invalid syntax\n"),
        // ov6
        ("foo(1 2\n", "  File \"x.py\", line 1\n    foo(1 2\n       ^\nSyntaxError: '(' was never closed\n"),
        // ov7
        ("x = = 1\nfoo(\n", "  File \"x.py\", line 1\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n"),
        // ov8
        ("foo(\nx = = 1\n", "  File \"x.py\", line 1\n    foo(\n       ^\nSyntaxError: '(' was never closed\n"),
        // ov9
        ("x = 1 +\ny = (\n", "  File \"x.py\", line 1\n    x = 1 +\n           ^\nSyntaxError: invalid syntax\n"),
        // cont_eof
        ("x = 1 + \\\n", "  File \"x.py\", line 1\n    x = 1 + \\\n             ^\nSyntaxError: unexpected EOF while parsing\n"),
        // cont_eof2
        ("x = 1 + \\", "  File \"x.py\", line 1\n    x = 1 + \\\n             ^\nSyntaxError: unexpected EOF while parsing\n"),
        // bs
        ("x = 1 \\ 2\n", "  File \"x.py\", line 1\n    x = 1 \\ 2\n           ^\nSyntaxError: unexpected character after line continuation character\n"),
        // uni_prefix
        ("s = b'abc\n", "  File \"x.py\", line 1\n    s = b'abc\n        ^\nSyntaxError: unterminated string literal (detected at line 1)\n"),
        // mixbytes
        ("x = b'a' 'b'\n", "  File \"x.py\", line 1\n    x = b'a' 'b'\n                ^\nSyntaxError: cannot mix bytes and nonbytes literals\n"),
        // fnest
        ("f'{3:{4:{5}}}'\n", "  File \"x.py\", line 1\n    f'{3:{4:{5}}}'\n                  ^\nSyntaxError: f-string: expressions nested too deeply\n"),
        // unexp_ind1
        ("  x = 1\n", "  File \"x.py\", line 1\n    x = 1\nIndentationError: unexpected indent\n"),
        // unexp_ind2
        ("if x:\n    a\n      b\n", "  File \"x.py\", line 3\n    b\nIndentationError: unexpected indent\n"),
        // colon_in
        ("for x y:\n    pass\n", "  File \"x.py\", line 1\n    for x y:\n          ^\nSyntaxError: invalid syntax\n"),
        // colon_ifxy
        ("if x y:\n    pass\n", "  File \"x.py\", line 1\n    if x y:\n         ^\nSyntaxError: invalid syntax\n"),
        // colon_lambda
        ("f = lambda x 1\n", "  File \"x.py\", line 1\n    f = lambda x 1\n                 ^\nSyntaxError: invalid syntax\n"),
        // dictcolon
        ("d = {1 2}\n", "  File \"x.py\", line 1\n    d = {1 2}\n         ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n"),
        // dictcolon2
        ("d = {1: 2, 3}\n", "  File \"x.py\", line 1\n    d = {1: 2, 3}\n               ^\nSyntaxError: ':' expected after dictionary key\n"),
        // elif_bad
        ("if x:\n    pass\nelif y\n    pass\n", "  File \"x.py\", line 3\n    elif y\n          ^\nSyntaxError: expected ':'\n"),
        // class_colon
        ("class A(B)\n    pass\n", "  File \"x.py\", line 1\n    class A(B)\n              ^\nSyntaxError: expected ':'\n"),
        // def_arrow
        ("def f() -> int\n    pass\n", "  File \"x.py\", line 1\n    def f() -> int\n                  ^\nSyntaxError: expected ':'\n"),
        // except_colon
        ("try:\n    pass\nexcept E\n    pass\n", "  File \"x.py\", line 3\n    except E\n            ^\nSyntaxError: expected ':'\n"),
        // except_as_colon
        ("try:\n    pass\nexcept E as e\n    pass\n", "  File \"x.py\", line 3\n    except E as e\n                 ^\nSyntaxError: expected ':'\n"),
        // finally_colon
        ("try:\n    pass\nfinally\n    pass\n", "  File \"x.py\", line 3\n    finally\n           ^\nSyntaxError: expected ':'\n"),
        // while_else_colon
        ("while x:\n    pass\nelse\n    pass\n", "  File \"x.py\", line 3\n    else\n        ^\nSyntaxError: expected ':'\n"),
        // with_as_colon
        ("with a as b\n    pass\n", "  File \"x.py\", line 1\n    with a as b\n               ^\nSyntaxError: expected ':'\n"),
        // from_no_import
        ("from x y\n", "  File \"x.py\", line 1\n    from x y\n           ^\nSyntaxError: invalid syntax\n"),
        // import_dots
        ("import a.\n", "  File \"x.py\", line 1\n    import a.\n             ^\nSyntaxError: invalid syntax\n"),
        // for_no_in
        ("for x\n    pass\n", "  File \"x.py\", line 1\n    for x\n         ^\nSyntaxError: invalid syntax\n"),
        // assign_multi1
        ("f() = x = 1\n", "  File \"x.py\", line 1\n    f() = x = 1\n    ^^^\nSyntaxError: cannot assign to function call\n"),
        // assign_multi2
        ("x = f() = 1\n", "  File \"x.py\", line 1\n    x = f() = 1\n        ^^^\nSyntaxError: cannot assign to function call\n"),
        // assign_tuple_inner
        ("a, f() = 1\n", "  File \"x.py\", line 1\n    a, f() = 1\n       ^^^\nSyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?\n"),
        // assign_list_inner
        ("[a, 1] = 1\n", "  File \"x.py\", line 1\n    [a, 1] = 1\n        ^\nSyntaxError: cannot assign to literal\n"),
        // assign_eqeq
        ("f() = 1 = 2\n", "  File \"x.py\", line 1\n    f() = 1 = 2\n    ^^^\nSyntaxError: cannot assign to function call\n"),
        // assign_walrus_tgt
        ("(x := 1) = 2\n", "  File \"x.py\", line 1\n    (x := 1) = 2\n     ^^^^^^\nSyntaxError: cannot assign to named expression here. Maybe you meant '==' instead of '='?\n"),
        // assign_star_expr
        ("*a, 1 = 2\n", "  File \"x.py\", line 1\n    *a, 1 = 2\n        ^\nSyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?\n"),
        // assign_false
        ("False = 1\n", "  File \"x.py\", line 1\n    False = 1\n    ^^^^^\nSyntaxError: cannot assign to False\n"),
        // assign_none_tuple
        ("a, None = 1, 2\n", "  File \"x.py\", line 1\n    a, None = 1, 2\n       ^^^^\nSyntaxError: cannot assign to None\n"),
        // aug_call
        ("f() += 1\n", "  File \"x.py\", line 1\n    f() += 1\n    ^^^\nSyntaxError: 'function call' is an illegal expression for augmented assignment\n"),
        // aug_none
        ("None += 1\n", "  File \"x.py\", line 1\n    None += 1\n    ^^^^\nSyntaxError: 'None' is an illegal expression for augmented assignment\n"),
        // del_none
        ("del None\n", "  File \"x.py\", line 1\n    del None\n        ^^^^\nSyntaxError: cannot delete None\n"),
        // del_tuple_inner
        ("del a, f()\n", "  File \"x.py\", line 1\n    del a, f()\n           ^^^\nSyntaxError: cannot delete function call\n"),
        // for_call
        ("for f() in x:\n    pass\n", "  File \"x.py\", line 1\n    for f() in x:\n        ^^^\nSyntaxError: cannot assign to function call\n"),
        // print_stmt2
        ("x = 1\nprint x, y\n", "  File \"x.py\", line 2\n    print x, y\n    ^^^^^^^^^^\nSyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n"),
        // print_semi
        ("print 'a'; x = 1\n", "  File \"x.py\", line 1\n    print 'a'; x = 1\n    ^^^^^^^^^\nSyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n"),
        // c_def
        ("def f() x:\n    pass\n", "  File \"x.py\", line 1\n    def f() x:\n            ^\nSyntaxError: expected ':'\n"),
        // c_class
        ("class A x:\n    pass\n", "  File \"x.py\", line 1\n    class A x:\n            ^\nSyntaxError: invalid syntax\n"),
        // c_class2
        ("class A(B) x:\n    pass\n", "  File \"x.py\", line 1\n    class A(B) x:\n               ^\nSyntaxError: invalid syntax\n"),
        // c_while
        ("while x y:\n    pass\n", "  File \"x.py\", line 1\n    while x y:\n            ^\nSyntaxError: invalid syntax\n"),
        // c_for
        ("for x in y z:\n    pass\n", "  File \"x.py\", line 1\n    for x in y z:\n               ^\nSyntaxError: invalid syntax\n"),
        // c_with
        ("with a b:\n    pass\n", "  File \"x.py\", line 1\n    with a b:\n           ^\nSyntaxError: invalid syntax\n"),
        // c_try
        ("try x:\n    pass\n", "  File \"x.py\", line 1\n    try x:\n        ^\nSyntaxError: expected ':'\n"),
        // c_else
        ("if x:\n    pass\nelse x:\n    pass\n", "  File \"x.py\", line 3\n    else x:\n         ^\nSyntaxError: expected ':'\n"),
        // c_except
        ("try:\n    pass\nexcept E x:\n    pass\n", "  File \"x.py\", line 3\n    except E x:\n             ^\nSyntaxError: invalid syntax\n"),
        // c_finally
        ("try:\n    pass\nfinally x:\n    pass\n", "  File \"x.py\", line 3\n    finally x:\n            ^\nSyntaxError: expected ':'\n"),
        // c_elif
        ("if x:\n    pass\nelif x y:\n    pass\n", "  File \"x.py\", line 3\n    elif x y:\n           ^\nSyntaxError: invalid syntax\n"),
        // c_lambda_nl
        ("f = lambda x\n", "  File \"x.py\", line 1\n    f = lambda x\n                ^\nSyntaxError: invalid syntax\n"),
        // c_match
        ("match x\n    case 1: pass\n", "  File \"x.py\", line 1\n    match x\n           ^\nSyntaxError: expected ':'\n"),
        // c_case
        ("match x:\n    case 1\n        pass\n", "  File \"x.py\", line 2\n    case 1\n          ^\nSyntaxError: expected ':'\n"),
        // c_except_bare
        ("try:\n    pass\nexcept\n    pass\n", "  File \"x.py\", line 3\n    except\n          ^\nSyntaxError: expected ':'\n"),
        // c_dict
        ("d = {1: 2, 3}\n", "  File \"x.py\", line 1\n    d = {1: 2, 3}\n               ^\nSyntaxError: ':' expected after dictionary key\n"),
        // c_slice
        ("x[1 2]\n", "  File \"x.py\", line 1\n    x[1 2]\n      ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n"),
        // c_call_kw
        ("f(a=1 b=2)\n", "  File \"x.py\", line 1\n    f(a=1 b=2)\n        ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n"),
        // c_str_name
        ("f(a 'b')\n", "  File \"x.py\", line 1\n    f(a 'b')\n        ^^^\nSyntaxError: invalid syntax\n"),
        // c_name_str
        ("x = [a 'b']\n", "  File \"x.py\", line 1\n    x = [a 'b']\n           ^^^\nSyntaxError: invalid syntax\n"),
        // c_two_str
        ("x = ['a' 'b' c]\n", "  File \"x.py\", line 1\n    x = ['a' 'b' c]\n         ^^^^^^^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n"),
        // c_eof_cont
        ("x = (1 +\n", "  File \"x.py\", line 1\n    x = (1 +\n        ^\nSyntaxError: '(' was never closed\n"),
        // c_async
        ("async x = 1\n", "  File \"x.py\", line 1\n    async x = 1\n          ^\nSyntaxError: invalid syntax\n"),
        // c_ann
        ("x: = 1\n", "  File \"x.py\", line 1\n    x: = 1\n       ^\nSyntaxError: invalid syntax\n"),
        // c_global_comma
        ("global x,\n", "  File \"x.py\", line 1\n    global x,\n             ^\nSyntaxError: invalid syntax\n"),
        // c_lambda_star
        ("lambda *: 1\n", "  File \"x.py\", line 1\n    lambda *: 1\n            ^\nSyntaxError: named arguments must follow bare *\n"),
        // c_def_star
        ("def f(*): pass\n", "  File \"x.py\", line 1\n    def f(*): pass\n          ^\nSyntaxError: named arguments must follow bare *\n"),
        // c_def_kwargs2
        ("def f(**a, b): pass\n", "  File \"x.py\", line 1\n    def f(**a, b): pass\n               ^\nSyntaxError: arguments cannot follow var-keyword argument\n"),
        // c_def_dup_kw
        ("def f(**a, **b): pass\n", "  File \"x.py\", line 1\n    def f(**a, **b): pass\n               ^^\nSyntaxError: arguments cannot follow var-keyword argument\n"),
        // c_def_slash
        ("def f(/): pass\n", "  File \"x.py\", line 1\n    def f(/): pass\n          ^\nSyntaxError: invalid syntax\n"),
        // c_def_slash2
        ("def f(a, /, /): pass\n", "  File \"x.py\", line 1\n    def f(a, /, /): pass\n                ^\nSyntaxError: / may appear only once\n"),
        // c_def_star_slash
        ("def f(*a, /): pass\n", "  File \"x.py\", line 1\n    def f(*a, /): pass\n              ^\nSyntaxError: / must be ahead of *\n"),
        // c_call_starstar_star
        ("f(**a, *b)\n", "  File \"x.py\", line 1\n    f(**a, *b)\n           ^\nSyntaxError: iterable argument unpacking follows keyword argument unpacking\n"),
        // c_call_kw_pos_unpack
        ("f(**a, b)\n", "  File \"x.py\", line 1\n    f(**a, b)\n            ^\nSyntaxError: positional argument follows keyword argument unpacking\n"),
        // c_from_import_paren
        ("from a import (b\n", "  File \"x.py\", line 1\n    from a import (b\n                  ^\nSyntaxError: '(' was never closed\n"),
        // c_import_as
        ("import a as\n", "  File \"x.py\", line 1\n    import a as\n               ^\nSyntaxError: invalid syntax\n"),
        // c_raise_from
        ("raise E from\n", "  File \"x.py\", line 1\n    raise E from\n                ^\nSyntaxError: invalid syntax\n"),
        // c_del_star
        ("del *a\n", "  File \"x.py\", line 1\n    del *a\n        ^^\nSyntaxError: cannot delete starred\n"),
        // c_yield_in_arg
        ("f(yield x)\n", "  File \"x.py\", line 1\n    f(yield x)\n      ^^^^^\nSyntaxError: invalid syntax\n"),
        // c_ellipsis
        ("x = ....\n", "  File \"x.py\", line 1\n    x = ....\n            ^\nSyntaxError: invalid syntax\n"),
        // c_not_in
        ("x not y\n", "  File \"x.py\", line 1\n    x not y\n          ^\nSyntaxError: invalid syntax\n"),
        // c_is_not
        ("x is not\n", "  File \"x.py\", line 1\n    x is not\n            ^\nSyntaxError: invalid syntax\n"),
        // c_kwd_dup
        ("f(a=1, **b, c)\n", "  File \"x.py\", line 1\n    f(a=1, **b, c)\n                 ^\nSyntaxError: positional argument follows keyword argument unpacking\n"),
        // c_fstring_bs
        ("f'{a!r:>{b!}}'\n", "  File \"x.py\", line 1\n    f'{a!r:>{b!}}'\n                  ^\nSyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a'\n"),
        // c_fstring_eq_nl
        ("f'{x\n}'\n", "  File \"x.py\", line 1\n    f'{x\n    ^\nSyntaxError: unterminated string literal (detected at line 1)\n"),
        // c_octal
        ("x = 0o8\n", "  File \"x.py\", line 1\n    x = 0o8\n          ^\nSyntaxError: invalid digit '8' in octal literal\n"),
        // c_hex_g
        ("x = 0x1g\n", "  File \"x.py\", line 1\n    x = 0x1g\n          ^\nSyntaxError: invalid hexadecimal literal\n"),
        // c_dec_j
        ("x = 1_j\n", "  File \"x.py\", line 1\n    x = 1_j\n         ^\nSyntaxError: invalid decimal literal\n"),
        // c_float_e
        ("x = 1e\n", "  File \"x.py\", line 1\n    x = 1e\n        ^\nSyntaxError: invalid decimal literal\n"),
        // c_float_e2
        ("x = 1.5e+\n", "  File \"x.py\", line 1\n    x = 1.5e+\n            ^\nSyntaxError: invalid decimal literal\n"),
        // c_dec_und
        ("x = 1__0\n", "  File \"x.py\", line 1\n    x = 1__0\n         ^\nSyntaxError: invalid decimal literal\n"),
        // c_dec_alpha
        ("x = 123abc\n", "  File \"x.py\", line 1\n    x = 123abc\n          ^\nSyntaxError: invalid decimal literal\n"),
        // c_zero_und
        ("x = 0_\n", "  File \"x.py\", line 1\n    x = 0_\n         ^\nSyntaxError: invalid decimal literal\n"),
        // c_bin_und
        ("x = 0b_\n", "  File \"x.py\", line 1\n    x = 0b_\n          ^\nSyntaxError: invalid binary literal\n"),
        // c_bin_digit
        ("x = 0b12\n", "  File \"x.py\", line 1\n    x = 0b12\n           ^\nSyntaxError: invalid digit '2' in binary literal\n"),
        // c_oct_digit
        ("x = 0o19\n", "  File \"x.py\", line 1\n    x = 0o19\n           ^\nSyntaxError: invalid digit '9' in octal literal\n"),
        // c_zero_lead
        ("x = 012\n", "  File \"x.py\", line 1\n    x = 012\n        ^\nSyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers\n"),
        // c_imag_alpha
        ("x = 1jx\n", "  File \"x.py\", line 1\n    x = 1jx\n         ^\nSyntaxError: invalid imaginary literal\n"),
        ];
        let mut failures = Vec::new();
        for (src, expected) in cases {
            let got = match parse(src, "x.py") {
                Ok(_) => "OK\n".to_owned(),
                Err(e) => e.render(),
            };
            if got != *expected {
                failures.push(format!("{src:?}\nexpected:\n{expected}got:\n{got}"));
            }
        }
        assert!(
            failures.is_empty(),
            "{} mismatches:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn render_follows_cpython_rules() {
        let base = SyntaxError {
            kind: SyntaxErrorKind::Syntax,
            msg: "m".into(),
            filename: "f.py".into(),
            line: 7,
            col: 3,
            end_col: 6,
            text: Some("  abcdef  ".into()),
        };
        // Leading blanks go, trailing ones stay; carets span col..end_col.
        assert_eq!(
            base.render(),
            "  File \"f.py\", line 7\n    abcdef  \n    ^^^\nSyntaxError: m\n"
        );
        // IndentationError and TabError never span.
        let e = SyntaxError {
            kind: SyntaxErrorKind::Indentation,
            ..base.clone()
        };
        assert_eq!(
            e.render(),
            "  File \"f.py\", line 7\n    abcdef  \n    ^\nIndentationError: m\n"
        );
        // A caret left of the text is not printed; no text, no source line.
        let e = SyntaxError {
            col: 1,
            ..base.clone()
        };
        assert_eq!(
            e.render(),
            "  File \"f.py\", line 7\n    abcdef  \nSyntaxError: m\n"
        );
        let e = SyntaxError {
            text: None,
            ..base.clone()
        };
        assert_eq!(e.render(), "  File \"f.py\", line 7\nSyntaxError: m\n");
        // Multi-byte characters widen the caret run as CPython's byte
        // offsets do.
        let e = SyntaxError {
            col: 1,
            end_col: 5,
            text: Some("中文() = 1".into()),
            ..base
        };
        assert_eq!(
            e.render(),
            "  File \"f.py\", line 7\n    中文() = 1\n    ^^^^^^^^\nSyntaxError: m\n"
        );
    }
}
