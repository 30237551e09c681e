//! `_sre`: the native half of `re` (CPython's `Modules/_sre/`), over the
//! engine crate `ftl-regex`.
//!
//! `re` itself is frozen Python (`lib/re.py`): `re.error`, `RegexFlag`, the
//! `Pattern` and `Match` classes, the compile cache and the module
//! functions. It calls the functions here with an opaque compiled pattern
//! (the payload [`Pattern`], an immutable [`Regex`]) and gets plain values
//! back, so that matching, `findall`, `split` and `sub` with a template
//! run in Rust with one conversion of the subject per call:
//!
//! | function | does |
//! |---|---|
//! | `compile(pattern, flags)` | a [`Pattern`], or `(kind, msg, pos)` for an error (`re.py` raises it) |
//! | `info(p)` | `(groups, flags, ((name, index), ...))` |
//! | `match(p, string, pos, endpos, mode)` | mode 0 `match`, 1 `fullmatch`, 2 `search`: `None` or a match tuple |
//! | `scan(p, string, pos, endpos, must_advance, limit)` | up to `limit` (0: all; negative: none) successive match tuples (`finditer`, `sub` with a function, `scanner`) |
//! | `findall(p, string, pos, endpos)` | `Pattern.findall`'s list |
//! | `split(p, string, maxsplit)` | `Pattern.split`'s list (negative `maxsplit`: no split) |
//! | `template(p, repl)` | a parsed replacement ([`Template`]), or `(kind, msg, pos)` |
//! | `subn(p, template, string, count)` | `(new_string, n)` (`count` 0: all; negative: none) |
//! | `expand(p, template, string, match)` | `Match.expand` |
//! | `gaps(string, matches)` | the text before, between and after the given matches |
//! | `escape(pattern)` | `re.escape` |
//!
//! A *match tuple* is `(lastindex, start0, end0, start1, end1, ..., texts)`
//! with `-1, -1` for a group that did not take part; `texts` is `None`,
//! or for a str subject with non-ASCII text (where slicing by code point
//! is not O(1)) a tuple of each group's text (or `None`), so that
//! `Match.group` need not slice.
//!
//! Subjects are str (code points; ASCII text is matched on its bytes with
//! no copy), bytes or bytearray (copied once per call). `\N{name}` in a
//! pattern is looked up through the front end's string-literal parser.
//! A match that CPython 3.11's possessive-repeat bug (gh-101955) would
//! report raises `SystemError` with CPython's message.

#![allow(unsafe_code)] // the `unsafe impl Payload`s of `Pattern` and `Template`

use std::borrow::Cow;

use ftl_object::{HeapPolicy, ObjRef, Payload};
use ftl_regex::{ErrorKind, Piece, Regex};

use crate::interpreter::state::ObjResult as R;
use crate::interpreter::state::{ExcType, Kw, PyResult, Vm};
use crate::objects::Obj;
use crate::stdlib::Namespace;

/// A compiled pattern: immutable once made.
pub struct Pattern {
    /// The engine's program.
    pub regex: Regex,
}

// SAFETY: immutable after construction (plain owned data, no interior
// mutability): Send and Sync.
unsafe impl<P: HeapPolicy> Payload<P> for Pattern {
    const NAME: &'static str = "SRE_Pattern";
}

/// A parsed replacement template: immutable once made.
pub struct Template {
    /// Its pieces: literal text and group references.
    pub pieces: Vec<Piece>,
}

// SAFETY: immutable after construction (plain owned data, no interior
// mutability): Send and Sync.
unsafe impl<P: HeapPolicy> Payload<P> for Template {
    const NAME: &'static str = "SRE_Template";
}

ftl_object::assert_shareable!(P => Pattern, Template);

/// Fills `_sre`.
pub fn init<P: HeapPolicy>(_vm: &Vm<P>, m: &Namespace<'_, P>) -> PyResult<(), P> {
    m.set("MAXREPEAT", ObjRef::from_i64(u32::MAX as i64));
    m.set("MAXGROUPS", ObjRef::from_i64(i32::MAX as i64 / 2));
    m.add_functions(&[
        ("compile", compile::<P>),
        ("info", info::<P>),
        ("match", match_::<P>),
        ("scan", scan::<P>),
        ("findall", findall::<P>),
        ("split", split::<P>),
        ("template", template::<P>),
        ("subn", subn::<P>),
        ("expand", expand::<P>),
        ("gaps", gaps::<P>),
        ("escape", escape::<P>),
    ]);
    Ok(())
}

// ---- subjects -----------------------------------------------------------------

/// A subject as the engine reads it.
enum Units<'a> {
    /// An ASCII str: its bytes are its code points.
    Ascii(&'a str),
    /// A str with non-ASCII text, as code points.
    Chars(Vec<char>),
    /// bytes (borrowed) or a bytearray (copied).
    Bytes(Cow<'a, [u8]>),
}

/// Runs `$body` with `$s` bound to the subject's code units (`&[u8]` or
/// `&[char]`): the engine is generic over them.
macro_rules! with_units {
    ($subject:expr, $s:ident => $body:expr) => {
        match &$subject.units {
            Units::Ascii(t) => {
                let $s: &[u8] = t.as_bytes();
                $body
            }
            Units::Chars(c) => {
                let $s: &[char] = &c[..];
                $body
            }
            Units::Bytes(b) => {
                let $s: &[u8] = &b[..];
                $body
            }
        }
    };
}

/// The subject of one call.
struct Subject<'a> {
    units: Units<'a>,
}

/// Text being built: a str's or a bytes'.
enum Builder {
    Text(String),
    Bytes(Vec<u8>),
}

impl Subject<'_> {
    fn len(&self) -> usize {
        match &self.units {
            Units::Ascii(t) => t.len(),
            Units::Chars(c) => c.len(),
            Units::Bytes(b) => b.len(),
        }
    }

    /// Whether slicing by code point costs a walk (then match tuples carry
    /// the group texts).
    fn is_wide(&self) -> bool {
        matches!(self.units, Units::Chars(_))
    }

    /// `subject[s:e]` as a new str or bytes (empty when `s >= e`).
    fn slice<P: HeapPolicy>(&self, s: usize, e: usize) -> Obj<P> {
        let e = e.max(s);
        match &self.units {
            Units::Ascii(t) => ObjRef::new_str(&t[s..e]),
            Units::Chars(c) => ObjRef::from_string(c[s..e].iter().collect()),
            Units::Bytes(b) => ObjRef::new_bytes(&b[s..e]),
        }
    }

    /// The empty str or bytes.
    fn empty<P: HeapPolicy>(&self) -> Obj<P> {
        self.slice(0, 0)
    }

    fn builder(&self, capacity: usize) -> Builder {
        match &self.units {
            Units::Bytes(_) => Builder::Bytes(Vec::with_capacity(capacity)),
            _ => Builder::Text(String::with_capacity(capacity)),
        }
    }

    /// Appends `subject[s:e]` to `out`.
    fn push_range(&self, out: &mut Builder, s: usize, e: usize) {
        if s >= e {
            return;
        }
        match (&self.units, out) {
            (Units::Ascii(t), Builder::Text(o)) => o.push_str(&t[s..e]),
            (Units::Chars(c), Builder::Text(o)) => o.extend(&c[s..e]),
            (Units::Bytes(b), Builder::Bytes(o)) => o.extend_from_slice(&b[s..e]),
            _ => unreachable!("a builder of the subject's own kind"),
        }
    }
}

impl Builder {
    /// Appends template text (code points; below 256 for bytes).
    fn push_literal(&mut self, text: &[u32]) {
        match self {
            Builder::Text(o) => o.extend(text.iter().filter_map(|&c| char::from_u32(c))),
            Builder::Bytes(o) => o.extend(text.iter().map(|&c| c as u8)),
        }
    }

    fn finish<P: HeapPolicy>(self) -> Obj<P> {
        match self {
            Builder::Text(s) => ObjRef::from_string(s),
            Builder::Bytes(b) => ObjRef::new_bytes(&b),
        }
    }
}

/// The subject `o` for a pattern that is bytes or not, with CPython's
/// `TypeError`s.
fn subject<'a, P: HeapPolicy>(
    vm: &Vm<P>,
    is_bytes: bool,
    o: &'a Obj<P>,
) -> PyResult<Subject<'a>, P> {
    if let Some(text) = vm.str_of(o) {
        if is_bytes {
            return Err(vm.type_error("cannot use a bytes pattern on a string-like object"));
        }
        let ascii = match o.downcast::<ftl_object::types::Str>() {
            Some(s) => s.is_ascii(),
            None => text.is_ascii(),
        };
        let units = if ascii {
            Units::Ascii(text)
        } else {
            Units::Chars(text.chars().collect())
        };
        return Ok(Subject { units });
    }
    let bytes = match vm.bytes_like(o) {
        Some(b) => Some(b),
        None => vm.native_of(o).and_then(|n| vm.bytes_like(n)),
    };
    match bytes {
        Some(b) => {
            if !is_bytes {
                return Err(vm.type_error("cannot use a string pattern on a bytes-like object"));
            }
            Ok(Subject {
                units: Units::Bytes(b),
            })
        }
        None => Err(vm.type_error(format!(
            "expected string or bytes-like object, got '{}'",
            vm.type_name(o)
        ))),
    }
}

// ---- arguments ----------------------------------------------------------------

fn pattern_arg<'a, P: HeapPolicy>(vm: &Vm<P>, o: &'a Obj<P>) -> PyResult<&'a Pattern, P> {
    o.downcast::<Pattern>()
        .ok_or_else(|| vm.type_error("_sre: expected a compiled pattern"))
}

fn template_arg<'a, P: HeapPolicy>(vm: &Vm<P>, o: &'a Obj<P>) -> PyResult<&'a Template, P> {
    o.downcast::<Template>()
        .ok_or_else(|| vm.type_error("_sre: expected a parsed template"))
}

/// A `pos`/`endpos` argument clamped to `0..=len` as CPython's
/// `state_init` clamps it.
fn index_arg<P: HeapPolicy>(vm: &Vm<P>, o: &Obj<P>, len: usize) -> PyResult<usize, P> {
    let v = vm.index_i64(o)?;
    Ok(usize::try_from(v.max(0)).unwrap_or(usize::MAX).min(len))
}

/// A count argument (`count`, `maxsplit`, `limit`): 0 means no limit, and
/// `None` (a negative count) means nothing at all, as in 3.11.
fn count_arg<P: HeapPolicy>(vm: &Vm<P>, o: &Obj<P>) -> PyResult<Option<usize>, P> {
    let v = vm.index_i64(o)?;
    Ok(usize::try_from(v).ok())
}

/// The code points of a str, or the bytes of a bytes-like, of a pattern or
/// template; whether it is bytes.
fn text_units<P: HeapPolicy>(vm: &Vm<P>, o: &Obj<P>, what: &str) -> PyResult<(Vec<u32>, bool), P> {
    if let Some(s) = vm.str_of(o) {
        return Ok((s.chars().map(u32::from).collect(), false));
    }
    let bytes = match vm.bytes_like(o) {
        Some(b) => Some(b),
        None => vm.native_of(o).and_then(|n| vm.bytes_like(n)),
    };
    match bytes {
        Some(b) => Ok((b.iter().map(|&c| u32::from(c)).collect(), true)),
        None => Err(vm.type_error(format!(
            "{what} must be str or bytes, not {}",
            vm.type_name(o)
        ))),
    }
}

/// An engine error as `(kind, msg, pos)` for `re.py` to raise.
fn error_tuple<P: HeapPolicy>(e: &ftl_regex::Error) -> Obj<P> {
    let kind = match e.kind {
        ErrorKind::Error => "error",
        ErrorKind::ValueError => "ValueError",
        ErrorKind::OverflowError => "OverflowError",
        ErrorKind::IndexError => "IndexError",
        ErrorKind::NotImplemented => "NotImplementedError",
    };
    let pos = match e.pos {
        Some(p) => ObjRef::from_i64(p as i64),
        None => ObjRef::none(),
    };
    ObjRef::new_tuple(vec![ObjRef::new_str(kind), ObjRef::new_str(&e.msg), pos])
}

/// The character called `name` (`\N{name}`), by the front end's own
/// lookup for string literals.
fn lookup_name(name: &str) -> Option<u32> {
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
    {
        return None;
    }
    let source = format!("'\\N{{{name}}}'\n");
    let module = ftl_syntax::lower::parse(&source, "<re>").ok()?;
    let stmt = module.body.first()?;
    let ftl_syntax::ast::StmtKind::Expr(e) = &stmt.kind else {
        return None;
    };
    let ftl_syntax::ast::ExprKind::Str(s) = &e.kind else {
        return None;
    };
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(u32::from(c)),
        _ => None,
    }
}

// ---- matches ------------------------------------------------------------------

/// `SystemError` where CPython 3.11's possessive-repeat bug reports one.
fn check_span<P: HeapPolicy>(vm: &Vm<P>, m: &ftl_regex::Match) -> PyResult<(), P> {
    match m.wrong_span() {
        Some(msg) => Err(vm.new_error(ExcType::SystemError, msg)),
        None => Ok(()),
    }
}

/// A match tuple (see the module docs).
fn match_tuple<P: HeapPolicy>(subject: &Subject<'_>, m: &ftl_regex::Match) -> Obj<P> {
    let n = m.spans.len();
    let mut items = Vec::with_capacity(2 + 2 * n);
    items.push(match m.lastindex {
        Some(i) => ObjRef::from_i64(i as i64),
        None => ObjRef::none(),
    });
    for span in &m.spans {
        let (s, e) = match span {
            Some((s, e)) => (*s as i64, *e as i64),
            None => (-1, -1),
        };
        items.push(ObjRef::from_i64(s));
        items.push(ObjRef::from_i64(e));
    }
    items.push(if subject.is_wide() {
        let texts = m
            .spans
            .iter()
            .map(|span| match span {
                Some((s, e)) => subject.slice(*s, *e),
                None => ObjRef::none(),
            })
            .collect();
        ObjRef::new_tuple(texts)
    } else {
        ObjRef::none()
    });
    ObjRef::new_tuple(items)
}

/// The spans of a match tuple, group 0 first.
fn spans_of<P: HeapPolicy>(
    vm: &Vm<P>,
    t: &Obj<P>,
    groups: usize,
    len: usize,
) -> PyResult<Vec<Option<(usize, usize)>>, P> {
    let bad = || vm.type_error("_sre: expected a match tuple");
    let items = t.as_tuple().ok_or_else(bad)?;
    if items.len() < 2 + 2 * (groups + 1) {
        return Err(bad());
    }
    let mut spans = Vec::with_capacity(groups + 1);
    for g in 0..=groups {
        let s = vm.index_i64(&items[1 + 2 * g])?;
        let e = vm.index_i64(&items[2 + 2 * g])?;
        spans.push(match (usize::try_from(s), usize::try_from(e)) {
            (Ok(s), Ok(e)) if s <= e && e <= len => Some((s, e)),
            _ => None,
        });
    }
    Ok(spans)
}

// ---- the functions ------------------------------------------------------------

/// `compile(pattern, flags)`.
fn compile<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("compile", kw)?;
    vm.check_args("compile", args, 2, 2)?;
    let (units, is_bytes) = text_units(vm, &args[0], "pattern")?;
    // A C int in CPython: a negative value sets the high bits.
    let flags = vm.index_i64(&args[1])?;
    let flags = i32::try_from(flags)
        .map_err(|_| vm.overflow_error("Python int too large to convert to C int"))?
        as u32;
    match Regex::compile_with_names(&units, is_bytes, flags, &lookup_name) {
        Ok(regex) => Ok(ObjRef::new(Pattern { regex })),
        Err(e) => Ok(error_tuple(&e)),
    }
}

/// `info(p)`: `(groups, flags, ((name, index), ...))`.
fn info<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("info", args, 1, 1)?;
    let p = pattern_arg(vm, &args[0])?;
    let names: Vec<Obj<P>> = p
        .regex
        .groupindex()
        .iter()
        .map(|(name, g)| {
            ObjRef::new_tuple(vec![ObjRef::new_str(name), ObjRef::from_i64(*g as i64)])
        })
        .collect();
    Ok(ObjRef::new_tuple(vec![
        ObjRef::from_i64(p.regex.groups() as i64),
        // A C int, as CPython keeps it.
        ObjRef::from_i64(i64::from(p.regex.flags() as i32)),
        ObjRef::new_tuple(names),
    ]))
}

/// `match(p, string, pos, endpos, mode)`: 0 `match`, 1 `fullmatch`, 2
/// `search`.
fn match_<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("match", args, 5, 5)?;
    let p = pattern_arg(vm, &args[0])?;
    let subj = subject(vm, p.regex.is_bytes(), &args[1])?;
    let len = subj.len();
    let pos = index_arg(vm, &args[2], len)?;
    let endpos = index_arg(vm, &args[3], len)?;
    let mode = vm.index_i64(&args[4])?;
    let found = with_units!(subj, s => match mode {
        0 => p.regex.match_at(s, pos, endpos),
        1 => {
            if pos > endpos {
                None
            } else {
                p.regex.fullmatch(s, pos, endpos)
            }
        }
        _ => p.regex.search(s, pos, endpos),
    });
    match found {
        Some(m) => {
            check_span(vm, &m)?;
            Ok(match_tuple(&subj, &m))
        }
        None => Ok(ObjRef::none()),
    }
}

/// `scan(p, string, pos, endpos, must_advance, limit)`: up to `limit`
/// successive matches (0: all) from `pos`, the first of which may not be
/// empty at `pos` when `must_advance`.
fn scan<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("scan", args, 6, 6)?;
    let p = pattern_arg(vm, &args[0])?;
    let subj = subject(vm, p.regex.is_bytes(), &args[1])?;
    let len = subj.len();
    let mut pos = index_arg(vm, &args[2], len)?;
    let endpos = index_arg(vm, &args[3], len)?;
    let mut must_advance = vm.is_true(&args[4])?;
    let Some(limit) = count_arg(vm, &args[5])? else {
        return Ok(ObjRef::new_list(Vec::new()));
    };
    let mut out = Vec::new();
    with_units!(subj, s => {
        while limit == 0 || out.len() < limit {
            let Some(m) = p.regex.search_from(s, pos, endpos, must_advance) else {
                break;
            };
            check_span(vm, &m)?;
            must_advance = m.start() == m.end();
            pos = m.end();
            out.push(match_tuple(&subj, &m));
        }
    });
    Ok(ObjRef::new_list(out))
}

/// `findall(p, string, pos, endpos)`.
fn findall<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("findall", args, 4, 4)?;
    let p = pattern_arg(vm, &args[0])?;
    let subj = subject(vm, p.regex.is_bytes(), &args[1])?;
    let len = subj.len();
    let pos = index_arg(vm, &args[2], len)?;
    let endpos = index_arg(vm, &args[3], len)?;
    let groups = p.regex.groups();
    let group = |m: &ftl_regex::Match, g: usize| -> Obj<P> {
        match m.span(g) {
            Some((s, e)) => subj.slice(s, e),
            None => subj.empty(),
        }
    };
    let mut out = Vec::new();
    with_units!(subj, s => {
        for m in p.regex.find_iter(s, pos, endpos) {
            out.push(match groups {
                0 => group(&m, 0),
                1 => group(&m, 1),
                _ => ObjRef::new_tuple((1..=groups).map(|g| group(&m, g)).collect()),
            });
        }
    });
    Ok(ObjRef::new_list(out))
}

/// `split(p, string, maxsplit)`.
fn split<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("split", args, 3, 3)?;
    let p = pattern_arg(vm, &args[0])?;
    let subj = subject(vm, p.regex.is_bytes(), &args[1])?;
    let Some(maxsplit) = count_arg(vm, &args[2])? else {
        return Ok(ObjRef::new_list(vec![subj.slice(0, subj.len())]));
    };
    let pieces = with_units!(subj, s => p.regex.split(s, maxsplit));
    let out = pieces
        .into_iter()
        .map(|piece| match piece {
            Some((s, e)) => subj.slice(s, e),
            None => ObjRef::none(),
        })
        .collect();
    Ok(ObjRef::new_list(out))
}

/// `template(p, repl)`: a parsed replacement, or an error tuple.
fn template<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("template", args, 2, 2)?;
    let p = pattern_arg(vm, &args[0])?;
    let (units, _) = text_units(vm, &args[1], "template")?;
    match ftl_regex::parse_template(&units, &p.regex) {
        Ok(pieces) => Ok(ObjRef::new(Template { pieces })),
        Err(e) => Ok(error_tuple(&e)),
    }
}

/// Appends the expansion of `pieces` for a match with `spans`.
fn expand_into(
    subj: &Subject<'_>,
    pieces: &[Piece],
    spans: &[Option<(usize, usize)>],
    out: &mut Builder,
) {
    for piece in pieces {
        match piece {
            Piece::Literal(text) => out.push_literal(text),
            Piece::Group(g) => {
                if let Some(Some((s, e))) = spans.get(*g) {
                    subj.push_range(out, *s, *e);
                }
            }
        }
    }
}

/// `subn(p, template, string, count)`: `(new, n)`.
fn subn<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("subn", args, 4, 4)?;
    let p = pattern_arg(vm, &args[0])?;
    let t = template_arg(vm, &args[1])?;
    let subj = subject(vm, p.regex.is_bytes(), &args[2])?;
    // A negative count replaces nothing.
    let (count, none) = match count_arg(vm, &args[3])? {
        Some(c) => (c, false),
        None => (0, true),
    };
    let has_groups = t.pieces.iter().any(|x| matches!(x, Piece::Group(_)));
    let len = subj.len();
    let mut out = subj.builder(len);
    let mut last = 0;
    let mut n = 0usize;
    with_units!(subj, s => {
        for m in p.regex.find_iter(s, 0, len) {
            if none || (count != 0 && n >= count) {
                break;
            }
            if has_groups {
                check_span(vm, &m)?;
            }
            subj.push_range(&mut out, last, m.start());
            expand_into(&subj, &t.pieces, &m.spans, &mut out);
            last = m.end();
            n += 1;
        }
    });
    subj.push_range(&mut out, last, len);
    Ok(ObjRef::new_tuple(vec![
        out.finish(),
        ObjRef::from_i64(n as i64),
    ]))
}

/// `expand(p, template, string, match)`: `Match.expand`.
fn expand<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("expand", args, 4, 4)?;
    let p = pattern_arg(vm, &args[0])?;
    let t = template_arg(vm, &args[1])?;
    let subj = subject(vm, p.regex.is_bytes(), &args[2])?;
    let spans = spans_of(vm, &args[3], p.regex.groups(), subj.len())?;
    let mut out = subj.builder(0);
    expand_into(&subj, &t.pieces, &spans, &mut out);
    Ok(out.finish())
}

/// `gaps(string, matches)`: for `k` match tuples (in order, not
/// overlapping), the `k + 1` pieces of `string` before, between and
/// after them.
fn gaps<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("gaps", args, 2, 2)?;
    let subj = match vm.str_of(&args[0]) {
        Some(_) => subject(vm, false, &args[0])?,
        None => subject(vm, true, &args[0])?,
    };
    let len = subj.len();
    let list = args[1]
        .as_list()
        .ok_or_else(|| vm.type_error("_sre.gaps: expected a list"))?
        .snapshot();
    let mut out = Vec::with_capacity(list.len() + 1);
    let mut last = 0usize;
    for t in &list {
        let spans = spans_of(vm, t, 0, len)?;
        let (s, e) = spans[0].unwrap_or((last, last));
        out.push(subj.slice(last.min(s), s));
        last = e.max(last);
    }
    out.push(subj.slice(last, len));
    Ok(ObjRef::new_list(out))
}

/// `escape(pattern)`: `re.escape`.
fn escape<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("escape", args, 1, 1)?;
    let (units, is_bytes) = text_units(vm, &args[0], "pattern")?;
    let out = ftl_regex::escape(&units);
    Ok(if is_bytes {
        let bytes: Vec<u8> = out.iter().map(|&c| c as u8).collect();
        ObjRef::new_bytes(&bytes)
    } else {
        ObjRef::from_string(out.iter().filter_map(|&c| char::from_u32(c)).collect())
    })
}
