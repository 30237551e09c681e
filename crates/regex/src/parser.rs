//! The pattern parser: CPython 3.11's `Lib/re/_parser.py` rewritten as a
//! loop over an explicit stack of open groups, so that nesting depth costs
//! heap, not Rust stack.
//!
//! It produces the same tree as sre's parser, with its optimisations
//! (which are observable: they decide how the matcher backtracks): a
//! non-capturing group without flags is spliced into its parent, a
//! quantified one is replaced by its contents, a one-item class becomes a
//! literal, alternatives lose their common leading items, and an
//! alternation of single characters becomes a class. Errors carry
//! CPython's messages and positions, raised in the same order (the
//! tokenizer reads one token ahead, as CPython's does, so a trailing
//! backslash is reported as soon as the token before it is taken).
//!
//! The tree lives in an arena: a [`Node`] names its sub-sequences by
//! [`SeqId`], so neither building, walking nor dropping it recurses.

use crate::error::{Error, ErrorKind};
use crate::flags::{
    ASCII, DEBUG, DOTALL, IGNORECASE, LOCALE, MULTILINE, TEMPLATE, UNICODE, VERBOSE,
};
use crate::unicode;

/// sre's `MAXREPEAT`: a repeat's "no upper bound".
pub(crate) const MAXREPEAT: u64 = 4_294_967_295;
/// sre's `MAXGROUPS`.
pub(crate) const MAXGROUPS: u64 = 1_073_741_823;

const TYPE_FLAGS: u32 = ASCII | LOCALE | UNICODE;
const GLOBAL_FLAGS: u32 = DEBUG | TEMPLATE;

/// A lookup of Unicode character names for `\N{...}`.
pub(crate) type NameLookup<'n> = &'n dyn Fn(&str) -> Option<u32>;

/// Index of a sequence (CPython's `SubPattern`) in [`Ast::seqs`].
pub(crate) type SeqId = usize;

/// The class escapes, before flags choose their ASCII or Unicode meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Category {
    Digit,
    NotDigit,
    Space,
    NotSpace,
    Word,
    NotWord,
}

/// One item of a character class.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum SetItem {
    Negate,
    Literal(u32),
    Range(u32, u32),
    Category(Category),
}

/// Anchors, before flags choose their multiline/Unicode variants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum At {
    Beginning,
    BeginningString,
    Boundary,
    NonBoundary,
    End,
    EndString,
}

/// Greedy, lazy (`*?`) or possessive (`*+`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RepeatKind {
    Greedy,
    Lazy,
    Possessive,
}

/// One item of a sequence. Equality is CPython's tuple equality on the
/// parse tree: leaves compare by value, and sub-sequences by identity
/// (their ids), since `SubPattern` has no `__eq__`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Node {
    Literal(u32),
    NotLiteral(u32),
    Any,
    In(Vec<SetItem>),
    At(At),
    Branch(Vec<SeqId>),
    /// A group: capturing (`group`) and/or with scoped flags.
    Subpattern {
        group: Option<usize>,
        add: u32,
        del: u32,
        body: SeqId,
    },
    Atomic(SeqId),
    Repeat {
        kind: RepeatKind,
        min: u64,
        max: u64,
        item: SeqId,
    },
    GroupRef(usize),
    GroupRefExists {
        group: usize,
        yes: SeqId,
        no: Option<SeqId>,
    },
    Assert {
        behind: bool,
        negate: bool,
        body: SeqId,
    },
}

/// A parsed pattern.
pub(crate) struct Ast {
    pub(crate) seqs: Vec<Vec<Node>>,
    pub(crate) root: SeqId,
    /// `state.flags` after `fix_flags`: the flags given, the global inline
    /// flags, and UNICODE for str patterns.
    pub(crate) flags: u32,
    /// Number of capturing groups.
    pub(crate) groups: usize,
    /// Group names in definition order.
    pub(crate) groupindex: Vec<(Vec<u32>, usize)>,
    /// Each closed group's width (index 0 unused).
    pub(crate) group_widths: Vec<Option<(u64, u64)>>,
    /// Widths computed so far, by sequence (CPython caches them on each
    /// `SubPattern`; a sequence is complete before its width is asked).
    pub(crate) widths: Vec<Option<(u64, u64)>>,
}

/// A token: one character, or a backslash and the character after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tok {
    pub(crate) c: u32,
    pub(crate) esc: bool,
}

impl Tok {
    pub(crate) fn len(self) -> usize {
        1 + self.esc as usize
    }

    /// Equal to the one-character string `ch` (an escape never is).
    pub(crate) fn is(self, ch: char) -> bool {
        !self.esc && self.c == ch as u32
    }

    pub(crate) fn is_in(self, chars: &str) -> bool {
        !self.esc && chars.chars().any(|ch| ch as u32 == self.c)
    }

    pub(crate) fn text(self) -> Vec<u32> {
        if self.esc {
            vec![0x5C, self.c]
        } else {
            vec![self.c]
        }
    }
}

pub(crate) fn is_in(t: Option<Tok>, chars: &str) -> bool {
    t.is_some_and(|t| t.is_in(chars))
}

const DIGITS: &str = "0123456789";
const OCTDIGITS: &str = "01234567";
const HEXDIGITS: &str = "0123456789abcdefABCDEF";
const WHITESPACE: &str = " \t\n\r\x0b\x0c";
const SPECIAL_CHARS: &str = ".\\[{()*+?^$|";

/// CPython's `Tokenizer`, over code points (bytes as Latin-1).
pub(crate) struct Tokenizer<'a> {
    s: &'a [u32],
    is_bytes: bool,
    index: usize,
    pub(crate) next: Option<Tok>,
}

impl<'a> Tokenizer<'a> {
    pub(crate) fn new(s: &'a [u32], is_bytes: bool) -> Result<Self, Error> {
        let mut t = Tokenizer {
            s,
            is_bytes,
            index: 0,
            next: None,
        };
        t.advance()?;
        Ok(t)
    }

    fn advance(&mut self) -> Result<(), Error> {
        let i = self.index;
        let Some(&c) = self.s.get(i) else {
            self.next = None;
            return Ok(());
        };
        if c == 0x5C {
            let Some(&d) = self.s.get(i + 1) else {
                return Err(Error::at("bad escape (end of pattern)", self.s.len() - 1));
            };
            self.index = i + 2;
            self.next = Some(Tok { c: d, esc: true });
        } else {
            self.index = i + 1;
            self.next = Some(Tok { c, esc: false });
        }
        Ok(())
    }

    pub(crate) fn tell(&self) -> usize {
        self.index - self.next.map_or(0, Tok::len)
    }

    pub(crate) fn get(&mut self) -> Result<Option<Tok>, Error> {
        let t = self.next;
        self.advance()?;
        Ok(t)
    }

    pub(crate) fn matches(&mut self, ch: char) -> Result<bool, Error> {
        if self.next.is_some_and(|t| t.is(ch)) {
            self.advance()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    fn seek(&mut self, index: usize) -> Result<(), Error> {
        self.index = index;
        self.advance()
    }

    /// Up to `n` plain characters from `chars`.
    pub(crate) fn getwhile(&mut self, n: usize, chars: &str) -> Result<Vec<u32>, Error> {
        let mut out = Vec::new();
        for _ in 0..n {
            match self.next {
                Some(t) if t.is_in(chars) => {
                    out.push(t.c);
                    self.advance()?;
                }
                _ => break,
            }
        }
        Ok(out)
    }

    /// The text up to `terminator` (consumed), for names.
    pub(crate) fn getuntil(&mut self, terminator: char, name: &str) -> Result<Vec<u32>, Error> {
        let mut result = Vec::new();
        loop {
            let c = self.next;
            self.advance()?;
            match c {
                None => {
                    if result.is_empty() {
                        return Err(self.error(format!("missing {name}"), 0));
                    }
                    return Err(self.error(
                        format!("missing {terminator}, unterminated name"),
                        result.len(),
                    ));
                }
                Some(t) if t.is(terminator) => {
                    if result.is_empty() {
                        return Err(self.error(format!("missing {name}"), 1));
                    }
                    return Ok(result);
                }
                Some(t) => result.extend(t.text()),
            }
        }
    }

    pub(crate) fn error(&self, msg: impl Into<String>, offset: usize) -> Error {
        let msg = msg.into();
        let msg = if self.is_bytes {
            unicode::backslash_replace(&msg)
        } else {
            msg
        };
        Error::at(msg, self.tell() - offset)
    }
}

/// `int(s)` for a group number written in a pattern or a template:
/// surrounding whitespace, a sign, any Unicode decimal digits, single
/// underscores between digits. Returns the sign and the value's decimal
/// digits without leading zeros (`"0"` for zero).
pub(crate) fn py_int(s: &[u32]) -> Option<(bool, String)> {
    let is_space = |c: &u32| unicode::is_space_unicode(*c);
    let start = s.iter().position(|c| !is_space(c))?;
    let end = s.len() - s.iter().rev().position(|c| !is_space(c))?;
    let mut body = &s[start..end];
    let mut negative = false;
    if let Some((&c, rest)) = body.split_first() {
        if c == '+' as u32 || c == '-' as u32 {
            negative = c == '-' as u32;
            body = rest;
        }
    }
    let mut digits = String::new();
    let mut prev_digit = false;
    for &c in body {
        if c == '_' as u32 {
            if !prev_digit {
                return None;
            }
            prev_digit = false;
            continue;
        }
        let d = unicode::decimal_value(c)?;
        digits.push(char::from_digit(d, 10)?);
        prev_digit = true;
    }
    if !prev_digit {
        return None;
    }
    let trimmed = digits.trim_start_matches('0');
    let digits = if trimmed.is_empty() {
        "0".to_string()
    } else {
        trimmed.to_string()
    };
    Some((negative, digits))
}

/// The value of a decimal digit string if it is below `limit`.
pub(crate) fn small_value(digits: &str, limit: u64) -> Option<u64> {
    if digits.len() > 19 {
        return None;
    }
    digits.parse::<u64>().ok().filter(|&v| v < limit)
}

fn text_of(s: &[u32]) -> String {
    unicode::to_string(s)
}

/// What opened the level being parsed (the caller of CPython's
/// `_parse_sub`, or a conditional group's `_parse` calls).
enum Opener {
    Top,
    Group {
        start: usize,
        group: Option<usize>,
        add: u32,
        del: u32,
        atomic: bool,
    },
    Assert {
        start: usize,
        behind: bool,
        negate: bool,
        /// `lookbehindgroups` as it was before a lookbehind set it.
        saved_lookbehind: Option<Option<usize>>,
    },
    Cond {
        start: usize,
        group: usize,
        yes: Option<SeqId>,
    },
}

/// One open level: an alternation being collected (or a conditional's
/// branches), and the sequence (`_parse` call) in progress.
struct Level {
    opener: Opener,
    items: Vec<SeqId>,
    /// The `verbose` argument of this `_parse_sub`.
    verbose: bool,
    seq: SeqId,
    /// The `verbose` local of the `_parse` in progress.
    seq_verbose: bool,
    /// Its `first` argument: global flags are allowed.
    seq_first: bool,
}

struct Parser<'a, 'n> {
    tz: Tokenizer<'a>,
    is_bytes: bool,
    seqs: Vec<Vec<Node>>,
    flags: u32,
    groupdict: Vec<(Vec<u32>, usize)>,
    groupwidths: Vec<Option<(u64, u64)>>,
    lookbehindgroups: Option<usize>,
    grouprefpos: Vec<(u64, usize)>,
    names: Option<NameLookup<'n>>,
    widths: Vec<Option<(u64, u64)>>,
}

/// Parses `pattern` (str code points, or bytes as values below 256).
pub(crate) fn parse(
    pattern: &[u32],
    is_bytes: bool,
    flags: u32,
    names: Option<NameLookup<'_>>,
) -> Result<Ast, Error> {
    let mut p = Parser {
        tz: Tokenizer::new(pattern, is_bytes)?,
        is_bytes,
        seqs: Vec::new(),
        flags,
        groupdict: Vec::new(),
        groupwidths: vec![None],
        lookbehindgroups: None,
        grouprefpos: Vec::new(),
        names,
        widths: Vec::new(),
    };
    let root = match p.parse_all()? {
        Some(root) => root,
        None => {
            // Global flags turned VERBOSE on: CPython parses the whole
            // pattern again in verbose mode.
            p = Parser {
                tz: Tokenizer::new(pattern, is_bytes)?,
                is_bytes,
                seqs: Vec::new(),
                flags: flags | VERBOSE,
                groupdict: Vec::new(),
                groupwidths: vec![None],
                lookbehindgroups: None,
                grouprefpos: Vec::new(),
                names,
                widths: Vec::new(),
            };
            p.parse_all()?.expect("no second restart once verbose")
        }
    };
    let flags = fix_flags(is_bytes, p.flags)?;
    if p.tz.next.is_some() {
        return Err(p.tz.error("unbalanced parenthesis", 0));
    }
    let groups = p.groupwidths.len();
    for &(g, pos) in &p.grouprefpos {
        if g >= groups as u64 {
            return Err(Error::at(format!("invalid group reference {g}"), pos));
        }
    }
    Ok(Ast {
        seqs: p.seqs,
        root,
        flags,
        groups: groups - 1,
        groupindex: p.groupdict,
        group_widths: p.groupwidths,
        widths: p.widths,
    })
}

/// `_parser.fix_flags`.
fn fix_flags(is_bytes: bool, mut flags: u32) -> Result<u32, Error> {
    let value_error = |m: &str| Err(Error::new(ErrorKind::ValueError, m));
    if !is_bytes {
        if flags & LOCALE != 0 {
            return value_error("cannot use LOCALE flag with a str pattern");
        }
        if flags & ASCII == 0 {
            flags |= UNICODE;
        } else if flags & UNICODE != 0 {
            return value_error("ASCII and UNICODE flags are incompatible");
        }
    } else {
        if flags & UNICODE != 0 {
            return value_error("cannot use UNICODE flag with a bytes pattern");
        }
        if flags & LOCALE != 0 && flags & ASCII != 0 {
            return value_error("ASCII and LOCALE flags are incompatible");
        }
    }
    Ok(flags)
}

fn flag_of(t: Tok) -> Option<u32> {
    if t.esc {
        return None;
    }
    Some(match char::from_u32(t.c)? {
        'i' => IGNORECASE,
        'L' => LOCALE,
        'm' => MULTILINE,
        's' => DOTALL,
        'x' => VERBOSE,
        'a' => ASCII,
        't' => TEMPLATE,
        'u' => UNICODE,
        _ => return None,
    })
}

fn tok_is_alpha(t: Tok) -> bool {
    !t.esc && unicode::is_alpha(t.c)
}

/// `_combine_flags`.
pub(crate) fn combine_flags(mut flags: u32, add: u32, del: u32) -> u32 {
    if add & TYPE_FLAGS != 0 {
        flags &= !TYPE_FLAGS;
    }
    (flags | add) & !del
}

impl Parser<'_, '_> {
    fn new_seq(&mut self) -> SeqId {
        self.seqs.push(Vec::new());
        self.seqs.len() - 1
    }

    fn groups(&self) -> usize {
        self.groupwidths.len()
    }

    fn checkgroup(&self, gid: usize) -> bool {
        gid < self.groups() && self.groupwidths[gid].is_some()
    }

    fn checklookbehindgroup(&self, gid: usize) -> Result<(), Error> {
        if let Some(lb) = self.lookbehindgroups {
            if !self.checkgroup(gid) {
                return Err(self.tz.error("cannot refer to an open group", 0));
            }
            if gid >= lb {
                return Err(self.tz.error(
                    "cannot refer to group defined in the same lookbehind subpattern",
                    0,
                ));
            }
        }
        Ok(())
    }

    fn group_of_name(&self, name: &[u32]) -> Option<usize> {
        self.groupdict
            .iter()
            .find(|(n, _)| n.as_slice() == name)
            .map(|&(_, g)| g)
    }

    fn new_level(&mut self, opener: Opener, verbose: bool) -> Level {
        let first = matches!(opener, Opener::Top);
        let seq = self.new_seq();
        Level {
            opener,
            items: Vec::new(),
            verbose,
            seq,
            seq_verbose: verbose,
            seq_first: first,
        }
    }

    /// The whole of `parse()`'s `_parse_sub(source, state, verbose, 0)`;
    /// `None` when global flags turn VERBOSE on (CPython's `Verbose`
    /// exception: the caller starts again).
    fn parse_all(&mut self) -> Result<Option<SeqId>, Error> {
        let verbose = self.flags & VERBOSE != 0;
        let top = self.new_level(Opener::Top, verbose);
        let mut stack = vec![top];
        loop {
            let level = stack.last_mut().expect("a level is open");
            let this = self.tz.next;
            let at_end = match this {
                None => true,
                Some(t) => t.is('|') || t.is(')'),
            };
            if at_end {
                // The `_parse` in progress returns.
                let seq = level.seq;
                self.unpack_groups(seq);
                if let Opener::Cond { start, group, yes } = level.opener {
                    if yes.is_none() {
                        level.opener = Opener::Cond {
                            start,
                            group,
                            yes: Some(seq),
                        };
                        if self.tz.matches('|')? {
                            level.seq = self.new_seq();
                            level.seq_verbose = level.verbose;
                            level.seq_first = false;
                            continue;
                        }
                        let level = stack.pop().expect("cond level");
                        self.finish_cond(&mut stack, level, None)?;
                        continue;
                    }
                    if self.tz.next.is_some_and(|t| t.is('|')) {
                        return Err(self
                            .tz
                            .error("conditional backref with more than two branches", 0));
                    }
                    let level = stack.pop().expect("cond level");
                    self.finish_cond(&mut stack, level, Some(seq))?;
                    continue;
                }
                level.items.push(seq);
                if self.tz.matches('|')? {
                    level.seq = self.new_seq();
                    level.seq_verbose = level.verbose;
                    level.seq_first = false;
                    continue;
                }
                let level = stack.pop().expect("level");
                let p = self.finish_alternation(level.items);
                match level.opener {
                    Opener::Top => return Ok(Some(p)),
                    Opener::Group {
                        start,
                        group,
                        add,
                        del,
                        atomic,
                    } => {
                        if !self.tz.matches(')')? {
                            return Err(self.tz.error(
                                "missing ), unterminated subpattern",
                                self.tz.tell() - start,
                            ));
                        }
                        if let Some(g) = group {
                            let w = self.width(p);
                            self.groupwidths[g] = Some(w);
                        }
                        let node = if atomic {
                            Node::Atomic(p)
                        } else {
                            Node::Subpattern {
                                group,
                                add,
                                del,
                                body: p,
                            }
                        };
                        let parent = stack.last().expect("parent level").seq;
                        self.seqs[parent].push(node);
                    }
                    Opener::Assert {
                        start,
                        behind,
                        negate,
                        saved_lookbehind,
                    } => {
                        if let Some(None) = saved_lookbehind {
                            self.lookbehindgroups = None;
                        }
                        if !self.tz.matches(')')? {
                            return Err(self.tz.error(
                                "missing ), unterminated subpattern",
                                self.tz.tell() - start,
                            ));
                        }
                        let parent = stack.last().expect("parent level").seq;
                        self.seqs[parent].push(Node::Assert {
                            behind,
                            negate,
                            body: p,
                        });
                    }
                    Opener::Cond { .. } => unreachable!("handled above"),
                }
                continue;
            }
            let this = self.tz.get()?.expect("not at the end");
            let seq = level.seq;
            if level.seq_verbose {
                if this.is_in(WHITESPACE) {
                    continue;
                }
                if this.is('#') {
                    loop {
                        match self.tz.get()? {
                            None => break,
                            Some(t) if t.is('\n') => break,
                            Some(_) => {}
                        }
                    }
                    continue;
                }
            }
            if this.esc {
                let node = self.escape(this.c)?;
                self.seqs[seq].push(node);
            } else if !this.is_in(SPECIAL_CHARS) {
                self.seqs[seq].push(Node::Literal(this.c));
            } else if this.is('[') {
                self.parse_class(seq)?;
            } else if this.is_in("*+?{") {
                self.parse_repeat(seq, this)?;
            } else if this.is('.') {
                self.seqs[seq].push(Node::Any);
            } else if this.is('(') {
                let verbose = level.seq_verbose;
                let first = level.seq_first;
                match self.open_group(seq, verbose, first)? {
                    Opened::Level(new_level) => stack.push(new_level),
                    Opened::Item => {}
                    Opened::GlobalFlags => {
                        if self.flags & VERBOSE != 0 && !verbose {
                            return Ok(None);
                        }
                    }
                }
            } else if this.is('^') {
                self.seqs[seq].push(Node::At(At::Beginning));
            } else if this.is('$') {
                self.seqs[seq].push(Node::At(At::End));
            } else {
                unreachable!("every special character is handled");
            }
        }
    }

    fn finish_cond(
        &mut self,
        stack: &mut [Level],
        level: Level,
        no: Option<SeqId>,
    ) -> Result<(), Error> {
        let Opener::Cond { start, group, yes } = level.opener else {
            unreachable!("a conditional level");
        };
        if !self.tz.matches(')')? {
            return Err(self
                .tz
                .error("missing ), unterminated subpattern", self.tz.tell() - start));
        }
        let parent = stack.last().expect("parent level").seq;
        self.seqs[parent].push(Node::GroupRefExists {
            group,
            yes: yes.expect("yes branch"),
            no,
        });
        Ok(())
    }

    /// The end of `_parse`: non-capturing groups without flags are
    /// spliced into the sequence.
    fn unpack_groups(&mut self, seq: SeqId) {
        let has = self.seqs[seq].iter().any(|n| {
            matches!(
                n,
                Node::Subpattern {
                    group: None,
                    add: 0,
                    del: 0,
                    ..
                }
            )
        });
        if !has {
            return;
        }
        let items = std::mem::take(&mut self.seqs[seq]);
        let mut out = Vec::with_capacity(items.len());
        for n in items {
            match n {
                Node::Subpattern {
                    group: None,
                    add: 0,
                    del: 0,
                    body,
                } => out.extend(self.seqs[body].iter().cloned()),
                n => out.push(n),
            }
        }
        self.seqs[seq] = out;
    }

    /// The end of `_parse_sub`: one alternative is returned as is; else
    /// common leading items move out, single characters become a class,
    /// and the rest is a branch.
    fn finish_alternation(&mut self, items: Vec<SeqId>) -> SeqId {
        if items.len() == 1 {
            return items[0];
        }
        let sub = self.new_seq();
        while let Some(prefix) = self.seqs[items[0]].first().cloned() {
            if items.iter().any(|&i| self.seqs[i].first() != Some(&prefix)) {
                break;
            }
            for &i in &items {
                self.seqs[i].remove(0);
            }
            self.seqs[sub].push(prefix);
        }
        let mut set = Vec::new();
        let mut all = true;
        for &i in &items {
            match self.seqs[i].as_slice() {
                [Node::Literal(c)] => set.push(SetItem::Literal(*c)),
                [Node::In(av)] if av.first() != Some(&SetItem::Negate) => {
                    set.extend(av.iter().copied())
                }
                _ => {
                    all = false;
                    break;
                }
            }
        }
        if all {
            self.seqs[sub].push(Node::In(uniq(set)));
            return sub;
        }
        self.seqs[sub].push(Node::Branch(items));
        sub
    }

    /// `_escape`: an escape outside a class.
    fn escape(&mut self, c: u32) -> Result<Node, Error> {
        let ch = char::from_u32(c).unwrap_or('\u{FFFD}');
        match ch {
            'A' => return Ok(Node::At(At::BeginningString)),
            'Z' => return Ok(Node::At(At::EndString)),
            'b' => return Ok(Node::At(At::Boundary)),
            'B' => return Ok(Node::At(At::NonBoundary)),
            _ => {}
        }
        if let Some(cat) = category_of(ch) {
            return Ok(Node::In(vec![SetItem::Category(cat)]));
        }
        if let Some(v) = simple_escape(ch) {
            return Ok(Node::Literal(v));
        }
        let mut esc = vec![0x5C, c];
        match ch {
            'x' | 'u' | 'U' | 'N' if ch == 'x' || !self.is_bytes => {
                return Ok(Node::Literal(self.code_escape(ch, &mut esc)?))
            }
            '0' => {
                esc.extend(self.tz.getwhile(2, OCTDIGITS)?);
                return Ok(Node::Literal(octal(&esc[1..])));
            }
            '1'..='9' => {
                if is_in(self.tz.next, DIGITS) {
                    esc.push(self.tz.get()?.expect("a digit").c);
                    if is_oct(esc[1]) && is_oct(esc[2]) && is_in(self.tz.next, OCTDIGITS) {
                        esc.push(self.tz.get()?.expect("a digit").c);
                        let v = octal(&esc[1..]);
                        if v > 0o377 {
                            return Err(self.tz.error(
                                format!(
                                    "octal escape value {} outside of range 0-0o377",
                                    text_of(&esc)
                                ),
                                esc.len(),
                            ));
                        }
                        return Ok(Node::Literal(v));
                    }
                }
                let group = decimal(&esc[1..]);
                if group < self.groups() {
                    if !self.checkgroup(group) {
                        return Err(self.tz.error("cannot refer to an open group", esc.len()));
                    }
                    self.checklookbehindgroup(group)?;
                    return Ok(Node::GroupRef(group));
                }
                return Err(self
                    .tz
                    .error(format!("invalid group reference {group}"), esc.len() - 1));
            }
            _ => {}
        }
        if ch.is_ascii_alphabetic() {
            return Err(self
                .tz
                .error(format!("bad escape {}", text_of(&esc)), esc.len()));
        }
        Ok(Node::Literal(c))
    }

    /// `\x..`, `\u....`, `\U........` and `\N{...}`, in and out of classes.
    fn code_escape(&mut self, ch: char, esc: &mut Vec<u32>) -> Result<u32, Error> {
        let (n, len) = match ch {
            'x' => (2, 4),
            'u' => (4, 6),
            'U' => (8, 10),
            _ => {
                // \N{name}
                if !self.tz.matches('{')? {
                    return Err(self.tz.error("missing {", 0));
                }
                let name = self.tz.getuntil('}', "character name")?;
                let undefined = |tz: &Tokenizer<'_>| {
                    tz.error(
                        format!("undefined character name {}", unicode::py_repr(&name)),
                        name.len() + 4,
                    )
                };
                // Unicode names and aliases (looked up without regard to
                // case) use only ASCII letters, digits, space and hyphen.
                let plausible = name.iter().all(|&c| {
                    c < 128 && ((c as u8).is_ascii_alphanumeric() || c == 0x20 || c == 0x2D)
                });
                if !plausible {
                    return Err(undefined(&self.tz));
                }
                let Some(lookup) = self.names else {
                    return Err(Error::new(
                        ErrorKind::NotImplemented,
                        "ftl: \\N{...} escapes in patterns are not supported (no Unicode name table)",
                    ));
                };
                return match lookup(&text_of(&name)) {
                    Some(v) => Ok(v),
                    None => Err(undefined(&self.tz)),
                };
            }
        };
        esc.extend(self.tz.getwhile(n, HEXDIGITS)?);
        if esc.len() != len {
            return Err(self
                .tz
                .error(format!("incomplete escape {}", text_of(esc)), esc.len()));
        }
        let v = esc[2..].iter().fold(0u32, |acc, &d| {
            acc * 16 + char::from_u32(d).and_then(|d| d.to_digit(16)).unwrap_or(0)
        });
        if ch == 'U' && v > 0x10FFFF {
            return Err(self
                .tz
                .error(format!("bad escape {}", text_of(esc)), esc.len()));
        }
        Ok(v)
    }

    /// `_class_escape`: an escape inside a class.
    fn class_escape(&mut self, c: u32) -> Result<ClassCode, Error> {
        let ch = char::from_u32(c).unwrap_or('\u{FFFD}');
        if let Some(v) = simple_escape(ch) {
            return Ok(ClassCode::Literal(v));
        }
        if ch == 'b' {
            return Ok(ClassCode::Literal(8));
        }
        if let Some(cat) = category_of(ch) {
            return Ok(ClassCode::Category(cat));
        }
        let mut esc = vec![0x5C, c];
        match ch {
            'x' | 'u' | 'U' | 'N' if ch == 'x' || !self.is_bytes => {
                return Ok(ClassCode::Literal(self.code_escape(ch, &mut esc)?))
            }
            '0'..='7' => {
                esc.extend(self.tz.getwhile(2, OCTDIGITS)?);
                let v = octal(&esc[1..]);
                if v > 0o377 {
                    return Err(self.tz.error(
                        format!(
                            "octal escape value {} outside of range 0-0o377",
                            text_of(&esc)
                        ),
                        esc.len(),
                    ));
                }
                return Ok(ClassCode::Literal(v));
            }
            '8' | '9' => {
                return Err(self
                    .tz
                    .error(format!("bad escape {}", text_of(&esc)), esc.len()))
            }
            _ => {}
        }
        if ch.is_ascii_alphabetic() {
            return Err(self
                .tz
                .error(format!("bad escape {}", text_of(&esc)), esc.len()));
        }
        Ok(ClassCode::Literal(c))
    }

    /// `[...]`, the `[` already taken.
    fn parse_class(&mut self, seq: SeqId) -> Result<(), Error> {
        let here = self.tz.tell() - 1;
        let mut set: Vec<SetItem> = Vec::new();
        let negate = self.tz.matches('^')?;
        loop {
            let Some(this) = self.tz.get()? else {
                return Err(self
                    .tz
                    .error("unterminated character set", self.tz.tell() - here));
            };
            if this.is(']') && !set.is_empty() {
                break;
            }
            let code1 = if this.esc {
                self.class_escape(this.c)?
            } else {
                ClassCode::Literal(this.c)
            };
            if self.tz.matches('-')? {
                let Some(that) = self.tz.get()? else {
                    return Err(self
                        .tz
                        .error("unterminated character set", self.tz.tell() - here));
                };
                if that.is(']') {
                    set.push(code1.item());
                    set.push(SetItem::Literal('-' as u32));
                    break;
                }
                let code2 = if that.esc {
                    self.class_escape(that.c)?
                } else {
                    ClassCode::Literal(that.c)
                };
                let bad = || {
                    let mut m = String::from("bad character range ");
                    m.push_str(&text_of(&this.text()));
                    m.push('-');
                    m.push_str(&text_of(&that.text()));
                    m
                };
                let (ClassCode::Literal(lo), ClassCode::Literal(hi)) = (code1, code2) else {
                    return Err(self.tz.error(bad(), this.len() + 1 + that.len()));
                };
                if hi < lo {
                    return Err(self.tz.error(bad(), this.len() + 1 + that.len()));
                }
                set.push(SetItem::Range(lo, hi));
            } else {
                set.push(code1.item());
            }
        }
        let mut set = uniq(set);
        if set.len() == 1 {
            if let SetItem::Literal(c) = set[0] {
                self.seqs[seq].push(if negate {
                    Node::NotLiteral(c)
                } else {
                    Node::Literal(c)
                });
                return Ok(());
            }
        }
        if negate {
            set.insert(0, SetItem::Negate);
        }
        self.seqs[seq].push(Node::In(set));
        Ok(())
    }

    /// A quantifier after an item, its first character taken.
    fn parse_repeat(&mut self, seq: SeqId, this: Tok) -> Result<(), Error> {
        let here = self.tz.tell();
        let (min, max);
        if this.is('?') {
            (min, max) = (0, 1);
        } else if this.is('*') {
            (min, max) = (0, MAXREPEAT);
        } else if this.is('+') {
            (min, max) = (1, MAXREPEAT);
        } else {
            // '{'
            if self.tz.next.is_some_and(|t| t.is('}')) {
                self.seqs[seq].push(Node::Literal(this.c));
                return Ok(());
            }
            let mut lo = Vec::new();
            let mut hi = Vec::new();
            while is_in(self.tz.next, DIGITS) {
                lo.push(self.tz.get()?.expect("digit").c);
            }
            if self.tz.matches(',')? {
                while is_in(self.tz.next, DIGITS) {
                    hi.push(self.tz.get()?.expect("digit").c);
                }
            } else {
                hi = lo.clone();
            }
            if !self.tz.matches('}')? {
                self.seqs[seq].push(Node::Literal(this.c));
                self.tz.seek(here)?;
                return Ok(());
            }
            let too_large = || {
                Error::new(
                    ErrorKind::OverflowError,
                    "the repetition number is too large",
                )
            };
            let mut mn = 0;
            let mut mx = MAXREPEAT;
            if !lo.is_empty() {
                mn = repeat_count(&lo).ok_or_else(too_large)?;
            }
            if !hi.is_empty() {
                mx = repeat_count(&hi).ok_or_else(too_large)?;
                if mx < mn {
                    return Err(self
                        .tz
                        .error("min repeat greater than max repeat", self.tz.tell() - here));
                }
            }
            (min, max) = (mn, mx);
        }
        let offset = self.tz.tell() - here + this.len();
        let last = match self.seqs[seq].last() {
            None => return Err(self.tz.error("nothing to repeat", offset)),
            Some(Node::At(_)) => return Err(self.tz.error("nothing to repeat", offset)),
            Some(Node::Repeat { .. }) => return Err(self.tz.error("multiple repeat", offset)),
            Some(n) => n.clone(),
        };
        let item = match last {
            Node::Subpattern {
                group: None,
                add: 0,
                del: 0,
                body,
            } => body,
            n => {
                let s = self.new_seq();
                self.seqs[s].push(n);
                s
            }
        };
        let kind = if self.tz.matches('?')? {
            RepeatKind::Lazy
        } else if self.tz.matches('+')? {
            RepeatKind::Possessive
        } else {
            RepeatKind::Greedy
        };
        let slot = self.seqs[seq].last_mut().expect("an item to repeat");
        *slot = Node::Repeat {
            kind,
            min,
            max,
            item,
        };
        Ok(())
    }

    /// `(` taken: a group opens a new level (returned), or an item that
    /// needs none (a comment, a named reference, global flags) is handled
    /// here.
    fn open_group(&mut self, seq: SeqId, verbose: bool, first: bool) -> Result<Opened, Error> {
        let start = self.tz.tell() - 1;
        let mut capture = true;
        let mut atomic = false;
        let mut name: Option<Vec<u32>> = None;
        let mut add = 0;
        let mut del = 0;
        if self.tz.matches('?')? {
            let Some(ch) = self.tz.get()? else {
                return Err(self.tz.error("unexpected end of pattern", 0));
            };
            if ch.is('P') {
                if self.tz.matches('<')? {
                    let n = self.tz.getuntil('>', "group name")?;
                    if !unicode::is_identifier(&n) {
                        return Err(self.tz.error(
                            format!("bad character in group name {}", unicode::py_repr(&n)),
                            n.len() + 1,
                        ));
                    }
                    name = Some(n);
                } else if self.tz.matches('=')? {
                    let n = self.tz.getuntil(')', "group name")?;
                    if !unicode::is_identifier(&n) {
                        return Err(self.tz.error(
                            format!("bad character in group name {}", unicode::py_repr(&n)),
                            n.len() + 1,
                        ));
                    }
                    let Some(gid) = self.group_of_name(&n) else {
                        return Err(self.tz.error(
                            format!("unknown group name {}", unicode::py_repr(&n)),
                            n.len() + 1,
                        ));
                    };
                    if !self.checkgroup(gid) {
                        return Err(self.tz.error("cannot refer to an open group", n.len() + 1));
                    }
                    self.checklookbehindgroup(gid)?;
                    self.seqs[seq].push(Node::GroupRef(gid));
                    return Ok(Opened::Item);
                } else {
                    let Some(ch) = self.tz.get()? else {
                        return Err(self.tz.error("unexpected end of pattern", 0));
                    };
                    let mut m = String::from("unknown extension ?P");
                    m.push_str(&text_of(&ch.text()));
                    return Err(self.tz.error(m, ch.len() + 2));
                }
            } else if ch.is(':') {
                capture = false;
            } else if ch.is('#') {
                loop {
                    if self.tz.next.is_none() {
                        return Err(self
                            .tz
                            .error("missing ), unterminated comment", self.tz.tell() - start));
                    }
                    if self.tz.get()?.is_some_and(|t| t.is(')')) {
                        return Ok(Opened::Item);
                    }
                }
            } else if ch.is_in("=!<") {
                let mut behind = false;
                let mut ch = ch;
                let mut saved_lookbehind = None;
                if ch.is('<') {
                    let Some(c2) = self.tz.get()? else {
                        return Err(self.tz.error("unexpected end of pattern", 0));
                    };
                    if !c2.is_in("=!") {
                        let mut m = String::from("unknown extension ?<");
                        m.push_str(&text_of(&c2.text()));
                        return Err(self.tz.error(m, c2.len() + 2));
                    }
                    ch = c2;
                    behind = true;
                    saved_lookbehind = Some(self.lookbehindgroups);
                    if self.lookbehindgroups.is_none() {
                        self.lookbehindgroups = Some(self.groups());
                    }
                }
                let opener = Opener::Assert {
                    start,
                    behind,
                    negate: ch.is('!'),
                    saved_lookbehind,
                };
                return Ok(Opened::Level(self.new_level(opener, verbose)));
            } else if ch.is('(') {
                let condname = self.tz.getuntil(')', "group name")?;
                let condgroup = if unicode::is_identifier(&condname) {
                    let Some(g) = self.group_of_name(&condname) else {
                        return Err(self.tz.error(
                            format!("unknown group name {}", unicode::py_repr(&condname)),
                            condname.len() + 1,
                        ));
                    };
                    g
                } else {
                    let bad = || {
                        format!(
                            "bad character in group name {}",
                            unicode::py_repr(&condname)
                        )
                    };
                    let Some((negative, digits)) = py_int(&condname) else {
                        return Err(self.tz.error(bad(), condname.len() + 1));
                    };
                    if negative && digits != "0" {
                        return Err(self.tz.error(bad(), condname.len() + 1));
                    }
                    if digits == "0" {
                        return Err(self.tz.error("bad group number", condname.len() + 1));
                    }
                    let Some(g) = small_value(&digits, MAXGROUPS) else {
                        return Err(self.tz.error(
                            format!("invalid group reference {digits}"),
                            condname.len() + 1,
                        ));
                    };
                    if !self.grouprefpos.iter().any(|&(k, _)| k == g) {
                        let pos = self.tz.tell() - condname.len() - 1;
                        self.grouprefpos.push((g, pos));
                    }
                    g as usize
                };
                self.checklookbehindgroup(condgroup)?;
                let opener = Opener::Cond {
                    start,
                    group: condgroup,
                    yes: None,
                };
                let mut level = self.new_level(opener, verbose);
                level.seq_first = false;
                return Ok(Opened::Level(level));
            } else if ch.is('>') {
                capture = false;
                atomic = true;
            } else if flag_of(ch).is_some() || ch.is('-') {
                match self.parse_flags(ch)? {
                    None => {
                        if !first || !self.seqs[seq].is_empty() {
                            return Err(self.tz.error(
                                "global flags not at the start of the expression",
                                self.tz.tell() - start,
                            ));
                        }
                        return Ok(Opened::GlobalFlags);
                    }
                    Some((a, d)) => {
                        add = a;
                        del = d;
                        capture = false;
                    }
                }
            } else {
                let mut m = String::from("unknown extension ?");
                m.push_str(&text_of(&ch.text()));
                return Err(self.tz.error(m, ch.len() + 1));
            }
        }
        let group = if capture {
            let gid = self.groups();
            self.groupwidths.push(None);
            if gid as u64 >= MAXGROUPS {
                return Err(self
                    .tz
                    .error("too many groups", name.as_ref().map_or(0, |n| n.len() + 1)));
            }
            if let Some(n) = name {
                if let Some(ogid) = self.group_of_name(&n) {
                    return Err(self.tz.error(
                        format!(
                            "redefinition of group name {} as group {gid}; was group {ogid}",
                            unicode::py_repr(&n)
                        ),
                        n.len() + 1,
                    ));
                }
                self.groupdict.push((n, gid));
            }
            Some(gid)
        } else {
            None
        };
        let sub_verbose = (verbose || add & VERBOSE != 0) && del & VERBOSE == 0;
        let opener = Opener::Group {
            start,
            group,
            add,
            del,
            atomic,
        };
        let mut level = self.new_level(opener, sub_verbose);
        level.seq_first = false;
        Ok(Opened::Level(level))
    }

    /// `_parse_flags`, its first character taken: `None` for global flags
    /// (applied to the pattern's flags), else the scoped flags to add and
    /// remove.
    fn parse_flags(&mut self, first: Tok) -> Result<Option<(u32, u32)>, Error> {
        let mut add = 0;
        let mut del = 0;
        let mut ch = first;
        if !ch.is('-') {
            loop {
                let flag = flag_of(ch).expect("a flag character");
                if !self.is_bytes {
                    if ch.is('L') {
                        return Err(self.tz.error(
                            "bad inline flags: cannot use 'L' flag with a str pattern",
                            0,
                        ));
                    }
                } else if ch.is('u') {
                    return Err(self.tz.error(
                        "bad inline flags: cannot use 'u' flag with a bytes pattern",
                        0,
                    ));
                }
                add |= flag;
                if flag & TYPE_FLAGS != 0 && add & TYPE_FLAGS != flag {
                    return Err(self.tz.error(
                        "bad inline flags: flags 'a', 'u' and 'L' are incompatible",
                        0,
                    ));
                }
                let Some(next) = self.tz.get()? else {
                    return Err(self.tz.error("missing -, : or )", 0));
                };
                ch = next;
                if ch.is_in(")-:") {
                    break;
                }
                if flag_of(ch).is_none() {
                    let msg = if tok_is_alpha(ch) {
                        "unknown flag"
                    } else {
                        "missing -, : or )"
                    };
                    return Err(self.tz.error(msg, ch.len()));
                }
            }
        }
        if ch.is(')') {
            self.flags |= add;
            return Ok(None);
        }
        if add & GLOBAL_FLAGS != 0 {
            return Err(self
                .tz
                .error("bad inline flags: cannot turn on global flag", 1));
        }
        if ch.is('-') {
            let Some(next) = self.tz.get()? else {
                return Err(self.tz.error("missing flag", 0));
            };
            ch = next;
            if flag_of(ch).is_none() {
                let msg = if tok_is_alpha(ch) {
                    "unknown flag"
                } else {
                    "missing flag"
                };
                return Err(self.tz.error(msg, ch.len()));
            }
            loop {
                let flag = flag_of(ch).expect("a flag character");
                if flag & TYPE_FLAGS != 0 {
                    return Err(self.tz.error(
                        "bad inline flags: cannot turn off flags 'a', 'u' and 'L'",
                        0,
                    ));
                }
                del |= flag;
                let Some(next) = self.tz.get()? else {
                    return Err(self.tz.error("missing :", 0));
                };
                ch = next;
                if ch.is(':') {
                    break;
                }
                if flag_of(ch).is_none() {
                    let msg = if tok_is_alpha(ch) {
                        "unknown flag"
                    } else {
                        "missing :"
                    };
                    return Err(self.tz.error(msg, ch.len()));
                }
            }
        }
        if del & GLOBAL_FLAGS != 0 {
            return Err(self
                .tz
                .error("bad inline flags: cannot turn off global flag", 1));
        }
        if add & del != 0 {
            return Err(self.tz.error("bad inline flags: flag turned on and off", 1));
        }
        Ok(Some((add, del)))
    }

    fn width(&mut self, seq: SeqId) -> (u64, u64) {
        seq_width(&self.seqs, &self.groupwidths, &mut self.widths, seq)
    }
}

/// What a `(` led to.
enum Opened {
    /// A group, assertion or conditional whose contents follow.
    Level(Level),
    /// A comment or a named backreference: nothing more to parse.
    Item,
    /// Global inline flags, now in the pattern's flags.
    GlobalFlags,
}

/// A class escape's value: a character or a category.
#[derive(Clone, Copy)]
enum ClassCode {
    Literal(u32),
    Category(Category),
}

impl ClassCode {
    fn item(self) -> SetItem {
        match self {
            ClassCode::Literal(c) => SetItem::Literal(c),
            ClassCode::Category(c) => SetItem::Category(c),
        }
    }
}

fn category_of(ch: char) -> Option<Category> {
    Some(match ch {
        'd' => Category::Digit,
        'D' => Category::NotDigit,
        's' => Category::Space,
        'S' => Category::NotSpace,
        'w' => Category::Word,
        'W' => Category::NotWord,
        _ => return None,
    })
}

/// The escapes both inside and outside classes (`\b` is handled apart).
fn simple_escape(ch: char) -> Option<u32> {
    Some(match ch {
        'a' => 7,
        'f' => 12,
        'n' => 10,
        'r' => 13,
        't' => 9,
        'v' => 11,
        '\\' => 92,
        _ => return None,
    })
}

fn is_oct(c: u32) -> bool {
    (0x30..=0x37).contains(&c)
}

fn octal(digits: &[u32]) -> u32 {
    digits.iter().fold(0, |acc, &d| acc * 8 + (d - 0x30))
}

fn decimal(digits: &[u32]) -> usize {
    digits
        .iter()
        .fold(0, |acc, &d| acc * 10 + (d - 0x30) as usize)
}

/// A repeat count below MAXREPEAT, else `None` (OverflowError).
fn repeat_count(digits: &[u32]) -> Option<u64> {
    let s = text_of(digits);
    let t = s.trim_start_matches('0');
    if t.is_empty() {
        return Some(0);
    }
    small_value(t, MAXREPEAT)
}

/// `_uniq`: duplicates dropped, first occurrences kept in order.
fn uniq(items: Vec<SetItem>) -> Vec<SetItem> {
    let mut out: Vec<SetItem> = Vec::with_capacity(items.len());
    for it in items {
        if !out.contains(&it) {
            out.push(it);
        }
    }
    out
}

/// `SubPattern.getwidth()`: the (min, max) width of a sequence, each
/// sequence's bounds capped at (MAXREPEAT - 1, MAXREPEAT). Computed
/// bottom-up with an explicit stack; results are kept in `cache`.
pub(crate) fn seq_width(
    seqs: &[Vec<Node>],
    group_widths: &[Option<(u64, u64)>],
    cache: &mut Vec<Option<(u64, u64)>>,
    root: SeqId,
) -> (u64, u64) {
    if cache.len() < seqs.len() {
        cache.resize(seqs.len(), None);
    }
    let mut stack = vec![(root, false)];
    while let Some((s, children_done)) = stack.pop() {
        if cache[s].is_some() {
            continue;
        }
        if !children_done {
            stack.push((s, true));
            for n in &seqs[s] {
                for child in children(n) {
                    if cache[child].is_none() {
                        stack.push((child, false));
                    }
                }
            }
            continue;
        }
        let w = |id: SeqId| cache[id].expect("child width computed first");
        let (mut lo, mut hi) = (0u64, 0u64);
        for n in &seqs[s] {
            let (i, j) = match n {
                Node::Branch(items) => {
                    let mut i = MAXREPEAT - 1;
                    let mut j = 0;
                    for &it in items {
                        let (l, h) = w(it);
                        i = i.min(l);
                        j = j.max(h);
                    }
                    (i, j)
                }
                Node::Atomic(body) | Node::Subpattern { body, .. } => w(*body),
                Node::Repeat { min, max, item, .. } => {
                    let (i, j) = w(*item);
                    (i.saturating_mul(*min), j.saturating_mul(*max))
                }
                Node::Literal(_) | Node::NotLiteral(_) | Node::Any | Node::In(_) => (1, 1),
                Node::GroupRef(g) => group_widths.get(*g).copied().flatten().unwrap_or((0, 0)),
                Node::GroupRefExists { yes, no, .. } => {
                    let (i, j) = w(*yes);
                    match no {
                        Some(no) => {
                            let (l, h) = w(*no);
                            (i.min(l), j.max(h))
                        }
                        None => (0, j),
                    }
                }
                Node::At(_) | Node::Assert { .. } => (0, 0),
            };
            lo = lo.saturating_add(i);
            hi = hi.saturating_add(j);
        }
        cache[s] = Some((lo.min(MAXREPEAT - 1), hi.min(MAXREPEAT)));
    }
    cache[root].expect("computed")
}

/// The sequences a node contains.
pub(crate) fn children(n: &Node) -> Vec<SeqId> {
    match n {
        Node::Branch(items) => items.clone(),
        Node::Atomic(b) | Node::Subpattern { body: b, .. } | Node::Assert { body: b, .. } => {
            vec![*b]
        }
        Node::Repeat { item, .. } => vec![*item],
        Node::GroupRefExists { yes, no, .. } => {
            let mut v = vec![*yes];
            v.extend(*no);
            v
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cps(s: &str) -> Vec<u32> {
        s.chars().map(u32::from).collect()
    }

    #[test]
    fn py_int_reads_what_int_reads() {
        let v = |s: &str| py_int(&cps(s));
        assert_eq!(v("12"), Some((false, "12".into())));
        assert_eq!(v(" +0_1 "), Some((false, "1".into())));
        assert_eq!(v("-3"), Some((true, "3".into())));
        assert_eq!(v("\u{661}\u{662}"), Some((false, "12".into())));
        assert_eq!(v("000"), Some((false, "0".into())));
        for bad in ["", " ", "1_", "_1", "1__2", "a", "\u{b2}", "+", "1 2"] {
            assert_eq!(v(bad), None, "{bad:?}");
        }
        assert_eq!(small_value("99999999999999999999", MAXGROUPS), None);
        assert_eq!(small_value("5", MAXGROUPS), Some(5));
    }

    #[test]
    fn the_tokenizer_reads_one_token_ahead() {
        // Taking the `a` already reads the trailing backslash.
        let s = cps("a\\");
        let mut t = Tokenizer::new(&s, false).unwrap();
        let e = t.get().unwrap_err();
        assert_eq!(
            (e.msg.as_str(), e.pos),
            ("bad escape (end of pattern)", Some(1))
        );
        let s = cps("\\x41");
        let t = Tokenizer::new(&s, false).unwrap();
        assert_eq!(
            t.next,
            Some(Tok {
                c: 'x' as u32,
                esc: true
            })
        );
        assert_eq!(t.tell(), 0);
    }

    #[test]
    fn the_tree_has_sres_rewrites() {
        let ast = parse(&cps("ab|ac|ad"), false, 0, None).unwrap();
        // The common prefix moves out, the rest becomes a class.
        assert_eq!(
            ast.seqs[ast.root],
            [
                Node::Literal('a' as u32),
                Node::In(vec![
                    SetItem::Literal('b' as u32),
                    SetItem::Literal('c' as u32),
                    SetItem::Literal('d' as u32)
                ])
            ]
        );
        let ast = parse(&cps("x(?:yz)[q]"), false, 0, None).unwrap();
        let lits: Vec<Node> = "xyzq".chars().map(|c| Node::Literal(c as u32)).collect();
        assert_eq!(ast.seqs[ast.root], lits);
        assert_eq!(ast.flags, crate::flags::UNICODE);
    }
}
