//! # ftl-regex: CPython 3.11's `re` engine, with no interpreter
//!
//! A backtracking regular-expression engine with the syntax, semantics and
//! error messages of Python 3.11's `re` module. It is a reimplementation of
//! CPython's sre — the parser `Lib/re/_parser.py`, the compiler
//! `Lib/re/_compiler.py` and the matcher `Modules/_sre/sre_lib.h` — whose
//! semantics it follows step for step, so that group spans, `lastindex`,
//! which of several possible matches is found, and every error's message
//! and position are CPython's. It knows nothing of Python objects: `ftl-vm`
//! binds it as the `re` module (pattern and match objects, `findall`,
//! `sub` with a callable, the `TypeError`s between str and bytes).
//!
//! # How it works
//!
//! 1. **Parser** (private module `parser`): the pattern, as code
//!    points (a bytes pattern as values below 256), becomes sre's parse
//!    tree, with sre's rewrites (a one-character class becomes a literal,
//!    common leading items of alternatives are factored out, `a|b|c`
//!    becomes a class, flag-less non-capturing groups are spliced in).
//!    The recursive descent of `_parser.py` is a loop over an explicit
//!    stack of open groups, and the tree is an arena of sequences, so
//!    neither parsing, nor walking, nor dropping it recurses.
//! 2. **Compiler** (private): the tree becomes a flat program of
//!    instructions with sre's choices (a repeat of one character is
//!    `RepeatOne`; others a general `Repeat` closed by `MaxUntil` or
//!    `MinUntil`; case-insensitive literals and classes lowered as sre
//!    lowers them), plus search hints: the minimum width, a literal
//!    prefix, and the tests the first character of any match passes.
//! 3. **Matcher** (private): sre's backtracking machine. Where sre jumps
//!    into a sub-program it pushes a frame on a heap-allocated stack; the
//!    capture marks are saved and restored on a heap data stack exactly
//!    where sre does it. No Rust recursion depends on the subject or the
//!    pattern, so a 1,000,000-character subject or 10,000 nested groups
//!    cannot overflow the stack. Catastrophic patterns (`(a*)*b`) take
//!    exponential time, as in CPython. Search skips start positions that
//!    the hints rule out, and the stacks are reused, so the loop does not
//!    allocate per step.
//!
//! Subjects are slices of any `C: Copy + Into<u32>` — `&[char]`, `&[u32]`
//! (code points, lone surrogates included) for str, `&[u8]` for bytes —
//! and positions are indices into them.
//!
//! # API
//!
//! * [`Regex::compile`] (`pattern: &[u32], is_bytes, flags`), [`Regex::new`]
//!   (str), [`Regex::new_bytes`], [`Regex::compile_with_names`]; errors are
//!   an [`Error`]: which exception ([`ErrorKind`]), CPython's `msg` and
//!   `pos`. [`Regex::groups`], [`Regex::groupindex`],
//!   [`Regex::group_name`], [`Regex::flags`] are the pattern's attributes.
//! * [`Regex::search`], [`Regex::match_at`], [`Regex::fullmatch`] (with
//!   `pos`, `endpos`) give a [`Match`]: every group's span and
//!   `lastindex`. [`Regex::search_from`] adds `must_advance`;
//!   [`Regex::find_iter`] yields the successive matches with Python 3.7+'s
//!   empty-match rule; [`Regex::split`] and [`Regex::subn`] are built on it.
//! * [`parse_template`] parses a replacement into [`Piece`]s with
//!   CPython's errors; [`expand`] writes it out for a match. [`escape`] is
//!   `re.escape`.
//!
//! # Semantics and what differs from CPython
//!
//! * str patterns use Unicode 14.0 (CPython 3.11's) for `\d` (decimal),
//!   `\w` (alphanumeric or `_`), `\s` and case-insensitivity, which, as in
//!   sre, compares simple lowercases (the first character of
//!   `str.lower()`), with sre's extra equivalences (`s`/`ſ`, `µ`/`μ`, the
//!   Greek symbol letters, ...) for literals and classes but not for
//!   backreferences; bytes patterns and the ASCII flag use ASCII rules.
//! * LOCALE (bytes only; refused for str with CPython's `ValueError`) is
//!   taken to be the C locale: ASCII rules.
//! * `\N{name}` needs a name table: [`Regex::compile_with_names`] takes a
//!   lookup; without one such an escape is refused with
//!   [`ErrorKind::NotImplemented`].
//! * DEBUG (printing the parse tree) is ignored; TEMPLATE behaves as in
//!   3.11 (a repeat is an error). The `FutureWarning`s CPython gives for
//!   possible nested sets are not issued.
//! * CPython raises `RecursionError` on patterns nested some hundreds
//!   deep; this engine accepts any depth.
//! * CPython 3.11's possessive repeats keep a bug (gh-101955, fixed in
//!   3.12): marks set in a failed alternative inside `(...)*+` are not
//!   restored, and some matches end with a group whose end precedes its
//!   start, which CPython reports as `SystemError`. The engine reproduces
//!   the same marks; [`Match::wrong_span`] gives the message to raise.
//!
//! # Example
//!
//! ```
//! use ftl_regex::{flags, parse_template, Regex};
//!
//! let re = Regex::new(r"(?P<word>\w+)@(\w+)\.com", flags::IGNORECASE).unwrap();
//! let text: Vec<char> = "Mail bob@Example.COM now".chars().collect();
//! let m = re.search(&text, 0, text.len()).unwrap();
//! assert_eq!(m.span(0), Some((5, 20)));
//! assert_eq!(m.span(re.group_index("word").unwrap()), Some((5, 8)));
//! assert_eq!(m.lastindex, Some(2));
//!
//! // re.sub(r'(a)|b', r'[\1]', 'abc'): an unmatched group expands to ''.
//! let re = Regex::new("(a)|b", 0).unwrap();
//! let repl: Vec<u32> = r"[\1]".chars().map(u32::from).collect();
//! let pieces = parse_template(&repl, &re).unwrap();
//! let subject: Vec<char> = "abc".chars().collect();
//! let (out, n) = re.subn(&subject, &pieces, 0);
//! assert_eq!(String::from_iter(out.iter().map(|&c| char::from_u32(c).unwrap())), "[a][]c");
//! assert_eq!(n, 2);
//!
//! // CPython's errors, message and position.
//! let err = Regex::new("a**", 0).unwrap_err();
//! assert_eq!((err.msg.as_str(), err.pos), ("multiple repeat", Some(2)));
//! ```

#![forbid(unsafe_code)]

mod compiler;
mod error;
mod matcher;
mod parser;
#[rustfmt::skip]
mod tables;
mod template;
mod unicode;

pub use error::{Error, ErrorKind};
pub use template::{expand, parse_template, Piece};

use compiler::Program;
use matcher::{Ctx, Machine, RawMatch};

/// The `re` flags, with CPython's values.
pub mod flags {
    /// `re.TEMPLATE` (`re.T`): deprecated; repeats are refused.
    pub const TEMPLATE: u32 = 1;
    /// `re.IGNORECASE` (`re.I`).
    pub const IGNORECASE: u32 = 2;
    /// `re.LOCALE` (`re.L`): bytes only, treated as the C locale.
    pub const LOCALE: u32 = 4;
    /// `re.MULTILINE` (`re.M`).
    pub const MULTILINE: u32 = 8;
    /// `re.DOTALL` (`re.S`).
    pub const DOTALL: u32 = 16;
    /// `re.UNICODE` (`re.U`): the default for str patterns.
    pub const UNICODE: u32 = 32;
    /// `re.VERBOSE` (`re.X`).
    pub const VERBOSE: u32 = 64;
    /// `re.DEBUG`: accepted and ignored.
    pub const DEBUG: u32 = 128;
    /// `re.ASCII` (`re.A`).
    pub const ASCII: u32 = 256;
}

/// A compiled pattern (`re.Pattern` without the object).
#[derive(Debug)]
pub struct Regex {
    prog: Program,
    flags: u32,
    is_bytes: bool,
    groupindex: Vec<(String, usize)>,
    group_names: Vec<Option<String>>,
}

/// A match: the span of the whole match and of each group, and sre's
/// `lastindex`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// `spans[0]` is the whole match; `spans[g]` group `g`'s span, `None`
    /// when the group did not take part.
    pub spans: Vec<Option<(usize, usize)>>,
    /// `Match.lastindex`: the last group closed, `None` if none.
    pub lastindex: Option<usize>,
}

impl Match {
    fn from_raw(raw: RawMatch) -> Match {
        Match {
            spans: raw.spans,
            lastindex: raw.lastindex,
        }
    }

    /// Where the match starts.
    pub fn start(&self) -> usize {
        self.spans[0].map_or(0, |s| s.0)
    }

    /// Where the match ends.
    pub fn end(&self) -> usize {
        self.spans[0].map_or(0, |s| s.1)
    }

    /// Group `g`'s span, `None` if it did not take part (or does not exist).
    pub fn span(&self, g: usize) -> Option<(usize, usize)> {
        self.spans.get(g).copied().flatten()
    }

    /// CPython 3.11's `SystemError` message where its possessive-repeat bug
    /// (gh-101955, fixed in 3.12) leaves a group ending before it starts,
    /// as in `re.match(r'(?:x(a)|x(b))*+', 'xaxb')`. This engine reproduces
    /// the bug's marks; the binding raises `SystemError` with this message
    /// instead of returning such a match.
    pub fn wrong_span(&self) -> Option<&'static str> {
        self.spans.iter().flatten().any(|&(s, e)| s > e).then_some(
            "The span of capturing group is wrong, please report a bug for the re module.",
        )
    }
}

impl Regex {
    /// Compiles a str pattern (`re.compile(pattern, flags)`).
    pub fn new(pattern: &str, flags: u32) -> Result<Regex, Error> {
        let cps: Vec<u32> = pattern.chars().map(u32::from).collect();
        Regex::compile(&cps, false, flags)
    }

    /// Compiles a bytes pattern.
    pub fn new_bytes(pattern: &[u8], flags: u32) -> Result<Regex, Error> {
        let cps: Vec<u32> = pattern.iter().map(|&b| u32::from(b)).collect();
        Regex::compile(&cps, true, flags)
    }

    /// Compiles `pattern`: code points for a str pattern (`is_bytes`
    /// false), byte values for a bytes pattern.
    pub fn compile(pattern: &[u32], is_bytes: bool, flags: u32) -> Result<Regex, Error> {
        Regex::build(pattern, is_bytes, flags, None)
    }

    /// As [`Regex::compile`], resolving `\N{name}` with `lookup` (the
    /// character of a Unicode name, `None` for an unknown one: CPython's
    /// "undefined character name").
    pub fn compile_with_names(
        pattern: &[u32],
        is_bytes: bool,
        flags: u32,
        lookup: &dyn Fn(&str) -> Option<u32>,
    ) -> Result<Regex, Error> {
        Regex::build(pattern, is_bytes, flags, Some(lookup))
    }

    fn build(
        pattern: &[u32],
        is_bytes: bool,
        flags: u32,
        names: Option<parser::NameLookup<'_>>,
    ) -> Result<Regex, Error> {
        let mut ast = parser::parse(pattern, is_bytes, flags, names)?;
        let prog = compiler::compile(&mut ast)?;
        let mut group_names = vec![None; ast.groups + 1];
        let groupindex: Vec<(String, usize)> = ast
            .groupindex
            .iter()
            .map(|(n, g)| (unicode::to_string(n), *g))
            .collect();
        for (n, g) in &groupindex {
            group_names[*g] = Some(n.clone());
        }
        Ok(Regex {
            prog,
            flags: ast.flags | flags,
            is_bytes,
            groupindex,
            group_names,
        })
    }

    /// `Pattern.flags`: the flags given, the inline global flags, and
    /// UNICODE for str patterns.
    pub fn flags(&self) -> u32 {
        self.flags
    }

    /// Whether this is a bytes pattern.
    pub fn is_bytes(&self) -> bool {
        self.is_bytes
    }

    /// `Pattern.groups`: the number of capturing groups.
    pub fn groups(&self) -> usize {
        self.prog.groups
    }

    /// `Pattern.groupindex`, in definition order.
    pub fn groupindex(&self) -> &[(String, usize)] {
        &self.groupindex
    }

    /// The index of the group called `name`.
    pub fn group_index(&self, name: &str) -> Option<usize> {
        self.groupindex
            .iter()
            .find(|(n, _)| n == name)
            .map(|&(_, g)| g)
    }

    /// The name of group `index`, if it has one (`Match.lastgroup`).
    pub fn group_name(&self, index: usize) -> Option<&str> {
        self.group_names.get(index)?.as_deref()
    }

    fn ctx<'a, C>(&'a self, subject: &'a [C], pos: usize, endpos: usize) -> Ctx<'a, C> {
        let end = endpos.min(subject.len());
        Ctx {
            prog: &self.prog,
            s: subject,
            start: pos.min(subject.len()),
            end,
            match_all: false,
            must_advance: false,
        }
    }

    /// `Pattern.search(subject, pos, endpos)`: the first match starting at
    /// or after `pos`, seeing the subject up to `endpos` (both clamped to
    /// its length; `^` and lookbehind still see before `pos`).
    pub fn search<C: Copy + Into<u32>>(
        &self,
        subject: &[C],
        pos: usize,
        endpos: usize,
    ) -> Option<Match> {
        self.search_from(subject, pos, endpos, false)
    }

    /// As [`Regex::search`]; with `must_advance`, an empty match at `pos`
    /// is not accepted (what `finditer`, `sub` and `split` ask for after an
    /// empty match).
    pub fn search_from<C: Copy + Into<u32>>(
        &self,
        subject: &[C],
        pos: usize,
        endpos: usize,
        must_advance: bool,
    ) -> Option<Match> {
        let mut cx = self.ctx(subject, pos, endpos);
        cx.must_advance = must_advance;
        Machine::new().search(&cx).map(Match::from_raw)
    }

    /// `Pattern.match(subject, pos, endpos)`: a match starting at `pos`.
    pub fn match_at<C: Copy + Into<u32>>(
        &self,
        subject: &[C],
        pos: usize,
        endpos: usize,
    ) -> Option<Match> {
        let cx = self.ctx(subject, pos, endpos);
        Machine::new().match_here(&cx).map(Match::from_raw)
    }

    /// `Pattern.fullmatch(subject, pos, endpos)`: a match from `pos` to
    /// `endpos`.
    pub fn fullmatch<C: Copy + Into<u32>>(
        &self,
        subject: &[C],
        pos: usize,
        endpos: usize,
    ) -> Option<Match> {
        let mut cx = self.ctx(subject, pos, endpos);
        cx.match_all = true;
        Machine::new().match_here(&cx).map(Match::from_raw)
    }

    /// The successive matches `finditer`, `findall`, `sub`, `subn` and
    /// `split` use, with Python 3.7+'s rule for empty matches: the search
    /// goes on from the end of each match, and after an empty match the
    /// next match may not be empty at the same place (an empty match just
    /// after a non-empty one is allowed).
    pub fn find_iter<'r, 's, C: Copy + Into<u32>>(
        &'r self,
        subject: &'s [C],
        pos: usize,
        endpos: usize,
    ) -> FindIter<'r, 's, C> {
        FindIter {
            regex: self,
            subject,
            pos: pos.min(subject.len()),
            endpos: endpos.min(subject.len()),
            must_advance: false,
            done: false,
            machine: Machine::new(),
        }
    }

    /// `Pattern.split(subject, maxsplit)` as spans: the pieces between
    /// matches, each match's groups in between (`None` for a group that did
    /// not take part). `maxsplit` 0 means no limit (a negative Python
    /// `maxsplit` means no split at all: the caller returns the subject).
    pub fn split<C: Copy + Into<u32>>(
        &self,
        subject: &[C],
        maxsplit: usize,
    ) -> Vec<Option<(usize, usize)>> {
        let mut out = Vec::new();
        let mut last = 0;
        for (n, m) in self.find_iter(subject, 0, subject.len()).enumerate() {
            if maxsplit != 0 && n >= maxsplit {
                break;
            }
            out.push(Some((last, m.start())));
            out.extend_from_slice(&m.spans[1..]);
            last = m.end();
        }
        out.push(Some((last, subject.len())));
        out
    }

    /// `Pattern.subn(template, subject, count)` with a parsed template:
    /// the new text and the number of replacements. `count` 0 means all.
    pub fn subn<C: Copy + Into<u32>>(
        &self,
        subject: &[C],
        pieces: &[Piece],
        count: usize,
    ) -> (Vec<u32>, usize) {
        let mut out = Vec::with_capacity(subject.len());
        let mut last = 0;
        let mut n = 0;
        for m in self.find_iter(subject, 0, subject.len()) {
            if count != 0 && n >= count {
                break;
            }
            out.extend(subject[last..m.start()].iter().map(|&c| c.into()));
            expand(pieces, subject, &m.spans, &mut out);
            last = m.end();
            n += 1;
        }
        out.extend(subject[last..].iter().map(|&c| c.into()));
        (out, n)
    }
}

/// Successive matches: see [`Regex::find_iter`].
pub struct FindIter<'r, 's, C> {
    regex: &'r Regex,
    subject: &'s [C],
    pos: usize,
    endpos: usize,
    must_advance: bool,
    done: bool,
    machine: Machine,
}

impl<C: Copy + Into<u32>> Iterator for FindIter<'_, '_, C> {
    type Item = Match;

    fn next(&mut self) -> Option<Match> {
        if self.done {
            return None;
        }
        let mut cx = self.regex.ctx(self.subject, self.pos, self.endpos);
        cx.start = self.pos;
        cx.must_advance = self.must_advance;
        match self.machine.search(&cx) {
            None => {
                self.done = true;
                None
            }
            Some(raw) => {
                let m = Match::from_raw(raw);
                self.must_advance = m.end() == m.start();
                self.pos = m.end();
                Some(m)
            }
        }
    }
}

/// `re.escape`: a backslash before each of `()[]{}?*+-|^$\.&~#`, space,
/// and `\t \n \r \v \f`.
pub fn escape(pattern: &[u32]) -> Vec<u32> {
    let special = "()[]{}?*+-|^$\\.&~# \t\n\r\x0b\x0c";
    let mut out = Vec::with_capacity(pattern.len());
    for &c in pattern {
        if special.chars().any(|s| s as u32 == c) {
            out.push(0x5C);
        }
        out.push(c);
    }
    out
}
