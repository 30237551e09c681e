//! The compiler: a parsed pattern to a flat program, after CPython 3.11's
//! `Lib/re/_compiler.py`.
//!
//! It makes sre's choices, which decide how the matcher backtracks: a
//! repeat of a single-character item (`_simple`) becomes `RepeatOne` (count
//! greedily, then give back one at a time), any other repeat a general
//! `Repeat` whose `MaxUntil`/`MinUntil` stop an iteration that matched
//! empty; a case-insensitive literal is lowercased, or becomes a small
//! class where Unicode folds several characters together
//! (`_EXTRA_CASES`); a class is folded as `_optimize_charset` folds it.
//! The walk over the tree uses an explicit task stack.

use crate::error::{Error, ErrorKind};
use crate::flags::{DOTALL, IGNORECASE, LOCALE, MULTILINE, TEMPLATE, UNICODE};
use crate::parser::{self, combine_flags, Ast, At, Category, Node, RepeatKind, SeqId, SetItem};
use crate::unicode;

/// `MAXREPEAT` as the program stores it: "no upper bound".
pub(crate) const UNBOUNDED: u32 = u32::MAX;

/// How a character is case-folded before a comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fold {
    /// Compared as is.
    None,
    /// ASCII lowercase (bytes patterns, the ASCII flag).
    Ascii,
    /// Unicode simple lowercase (str patterns).
    Unicode,
    /// The character, its lowercase or its uppercase (LOCALE, taken as the
    /// C locale: ASCII).
    Locale,
}

/// A test of one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Literal(u32),
    NotLiteral(u32),
    /// The folded character equals the (already folded) literal.
    LiteralFold(u32, Fold),
    NotLiteralFold(u32, Fold),
    /// Membership in `Program::sets[i]` of the folded character.
    In(u32, Fold),
    /// `.`: anything but `\n`.
    Any,
    /// `.` under DOTALL.
    AnyAll,
}

/// Word-character rules for `\b` and `\B`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WordRule {
    Ascii,
    Unicode,
}

/// Anchors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AtCode {
    Beginning,
    BeginningLine,
    BeginningString,
    End,
    EndLine,
    EndString,
    Boundary(WordRule),
    NonBoundary(WordRule),
}

/// One instruction. Sub-programs (a branch's alternatives, a repeat's
/// body, an assertion's body) follow their instruction and end with a
/// `Jump`, an `Until` or `Success`; "tail" is where matching goes on after.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Inst {
    Unit(Unit),
    /// Records the position in mark `i` (group `i / 2 + 1`'s start or end).
    Mark(u32),
    At(AtCode),
    /// Alternatives: `Program::branches[i]` lists where each starts.
    Branch(u32),
    Jump(u32),
    /// A greedy repeat of one character test; the tail follows.
    RepeatOne {
        min: u32,
        max: u32,
        unit: Unit,
    },
    MinRepeatOne {
        min: u32,
        max: u32,
        unit: Unit,
    },
    PossessiveRepeatOne {
        min: u32,
        max: u32,
        unit: Unit,
    },
    /// A general repeat: the body follows, ending at `until` (a
    /// `MaxUntil` or `MinUntil`, after which comes the tail).
    Repeat {
        min: u32,
        max: u32,
        until: u32,
    },
    MaxUntil,
    MinUntil,
    /// A possessive general repeat: the body follows and ends with
    /// `Success`; the tail is at `tail`.
    PossessiveRepeat {
        min: u32,
        max: u32,
        tail: u32,
    },
    /// `(?>...)`: the body follows and ends with `Success`.
    Atomic {
        tail: u32,
    },
    /// A backreference to group `group + 1`.
    GroupRef {
        group: u32,
        fold: Fold,
    },
    /// `(?(group + 1)yes|no)`: yes follows; `no` is where the no branch
    /// (or the tail) starts.
    GroupRefExists {
        group: u32,
        no: u32,
    },
    /// Lookaround: the body (run `back` characters behind) follows and
    /// ends with `Success`.
    Assert {
        back: u32,
        tail: u32,
    },
    AssertNot {
        back: u32,
        tail: u32,
    },
    Success,
}

/// A compiled character class: `negate` XOR (in the members, or in a
/// Unicode-folded non-BMP range, or in a category).
#[derive(Clone, Debug, Default)]
pub(crate) struct CharSet {
    negate: bool,
    low: [u64; 4],
    ranges: Vec<(u32, u32)>,
    uni_ignore: Vec<(u32, u32)>,
    cats: Vec<(Category, bool)>,
}

impl CharSet {
    fn from_members(mut members: Vec<(u32, u32)>, negate: bool) -> CharSet {
        members.sort_unstable();
        let mut set = CharSet {
            negate,
            ..CharSet::default()
        };
        for (a, b) in members {
            let (mut a, b) = (a, b);
            while a <= b && a < 256 {
                set.low[(a >> 6) as usize] |= 1 << (a & 63);
                a += 1;
            }
            if a > b {
                continue;
            }
            match set.ranges.last_mut() {
                Some(last) if a <= last.1.saturating_add(1) => last.1 = last.1.max(b),
                _ => set.ranges.push((a, b)),
            }
        }
        set
    }

    /// sre's `charset()` on an already folded character.
    #[inline]
    pub(crate) fn contains(&self, c: u32) -> bool {
        let hit =
            if c < 256 {
                self.low[(c >> 6) as usize] >> (c & 63) & 1 == 1
            } else {
                let i = self.ranges.partition_point(|&(lo, _)| lo <= c);
                i > 0 && c <= self.ranges[i - 1].1
            } || self.uni_ignore.iter().any(|&(a, b)| {
                (a..=b).contains(&c) || (a..=b).contains(&unicode::upper_unicode(c))
            }) || self
                .cats
                .iter()
                .any(|&(cat, uni)| category_matches(cat, uni, c));
        hit != self.negate
    }
}

/// A class escape under ASCII (`uni == false`) or Unicode rules.
#[inline]
pub(crate) fn category_matches(cat: Category, uni: bool, c: u32) -> bool {
    match (cat, uni) {
        (Category::Digit, false) => unicode::is_digit_ascii(c),
        (Category::NotDigit, false) => !unicode::is_digit_ascii(c),
        (Category::Space, false) => unicode::is_space_ascii(c),
        (Category::NotSpace, false) => !unicode::is_space_ascii(c),
        (Category::Word, false) => unicode::is_word_ascii(c),
        (Category::NotWord, false) => !unicode::is_word_ascii(c),
        (Category::Digit, true) => unicode::is_digit_unicode(c),
        (Category::NotDigit, true) => !unicode::is_digit_unicode(c),
        (Category::Space, true) => unicode::is_space_unicode(c),
        (Category::NotSpace, true) => !unicode::is_space_unicode(c),
        (Category::Word, true) => unicode::is_word_unicode(c),
        (Category::NotWord, true) => !unicode::is_word_unicode(c),
    }
}

/// A compiled pattern.
#[derive(Debug)]
pub(crate) struct Program {
    pub(crate) insts: Vec<Inst>,
    pub(crate) sets: Vec<CharSet>,
    pub(crate) branches: Vec<Vec<u32>>,
    /// Number of capturing groups.
    pub(crate) groups: usize,
    /// The least number of characters a match consumes.
    pub(crate) min_width: usize,
    /// Characters every match starts with.
    pub(crate) prefix: Vec<u32>,
    /// Tests one of which the first character of every match passes
    /// (`None`: unknown, e.g. the pattern can match empty).
    pub(crate) first: Option<Vec<Unit>>,
    /// The pattern starts with `\A` or a non-MULTILINE `^`.
    pub(crate) anchored: bool,
}

impl Program {
    /// Whether `u` accepts the character `c`.
    #[inline]
    pub(crate) fn unit_matches(&self, u: Unit, c: u32) -> bool {
        match u {
            Unit::Literal(x) => c == x,
            Unit::NotLiteral(x) => c != x,
            Unit::LiteralFold(x, fold) => fold_eq(fold, c, x),
            Unit::NotLiteralFold(x, fold) => !fold_eq(fold, c, x),
            Unit::In(i, fold) => {
                let set = &self.sets[i as usize];
                match fold {
                    Fold::None => set.contains(c),
                    Fold::Ascii => set.contains(unicode::lower_ascii(c)),
                    Fold::Unicode => set.contains(unicode::lower_unicode(c)),
                    Fold::Locale => {
                        set.contains(c)
                            || set.contains(unicode::lower_ascii(c))
                            || set.contains(unicode::upper_ascii(c))
                    }
                }
            }
            Unit::Any => c != 0x0A,
            Unit::AnyAll => true,
        }
    }
}

#[inline]
fn fold_eq(fold: Fold, c: u32, x: u32) -> bool {
    match fold {
        Fold::None => c == x,
        Fold::Ascii => unicode::lower_ascii(c) == x,
        Fold::Unicode => unicode::lower_unicode(c) == x,
        Fold::Locale => c == x || unicode::lower_ascii(c) == x || unicode::upper_ascii(c) == x,
    }
}

/// A step of the compile walk.
enum Task {
    Seq(SeqId, u32),
    Node(SeqId, usize, u32),
    Emit(Inst),
    /// Point the `tail`/`no` of the instruction at `pc` here.
    SetTail(usize),
    /// Close the general repeat at `pc`: emit its `Until`.
    RepeatEnd(usize, bool),
    AltStart(usize),
    AltEnd(usize),
    BranchEnd(usize),
    /// After a conditional's yes branch: jump over the no branch.
    CondMid(usize),
    CondEnd,
}

struct Compiler<'a> {
    ast: &'a mut Ast,
    insts: Vec<Inst>,
    sets: Vec<CharSet>,
    branches: Vec<Vec<u32>>,
    branch_jumps: Vec<Vec<usize>>,
    cond_jumps: Vec<usize>,
}

/// Compiles a parsed pattern.
pub(crate) fn compile(ast: &mut Ast) -> Result<Program, Error> {
    let flags = ast.flags;
    let root = ast.root;
    let groups = ast.groups;
    let mut c = Compiler {
        ast,
        insts: Vec::new(),
        sets: Vec::new(),
        branches: Vec::new(),
        branch_jumps: Vec::new(),
        cond_jumps: Vec::new(),
    };
    let mut tasks = vec![Task::Seq(root, flags)];
    while let Some(task) = tasks.pop() {
        c.run(task, &mut tasks)?;
    }
    c.insts.push(Inst::Success);
    let min_width = {
        let a = &mut *c.ast;
        parser::seq_width(&a.seqs, &a.group_widths, &mut a.widths, root).0
    };
    let mut prog = Program {
        insts: c.insts,
        sets: c.sets,
        branches: c.branches,
        groups,
        min_width: usize::try_from(min_width).unwrap_or(usize::MAX),
        prefix: Vec::new(),
        first: None,
        anchored: false,
    };
    prog.prefix = literal_prefix(&prog);
    prog.first = first_units(&prog);
    prog.anchored = matches!(
        prog.insts[0],
        Inst::At(AtCode::Beginning | AtCode::BeginningString)
    );
    Ok(prog)
}

fn to_u32(v: u64) -> u32 {
    u32::try_from(v).unwrap_or(UNBOUNDED)
}

impl Compiler<'_> {
    fn emit(&mut self, inst: Inst) -> usize {
        self.insts.push(inst);
        self.insts.len() - 1
    }

    fn here(&self) -> u32 {
        self.insts.len() as u32
    }

    fn run(&mut self, task: Task, tasks: &mut Vec<Task>) -> Result<(), Error> {
        match task {
            Task::Seq(s, flags) => {
                for i in (0..self.ast.seqs[s].len()).rev() {
                    tasks.push(Task::Node(s, i, flags));
                }
            }
            Task::Emit(inst) => {
                self.emit(inst);
            }
            Task::SetTail(pc) => {
                let here = self.here();
                match &mut self.insts[pc] {
                    Inst::PossessiveRepeat { tail, .. }
                    | Inst::Atomic { tail }
                    | Inst::Assert { tail, .. }
                    | Inst::AssertNot { tail, .. } => *tail = here,
                    Inst::GroupRefExists { no, .. } => *no = here,
                    other => unreachable!("no tail to set on {other:?}"),
                }
            }
            Task::RepeatEnd(pc, lazy) => {
                let here = self.here();
                if let Inst::Repeat { until, .. } = &mut self.insts[pc] {
                    *until = here;
                }
                self.emit(if lazy { Inst::MinUntil } else { Inst::MaxUntil });
            }
            Task::AltStart(b) => {
                let here = self.here();
                self.branches[b].push(here);
            }
            Task::AltEnd(b) => {
                let pc = self.emit(Inst::Jump(0));
                self.branch_jumps[b].push(pc);
            }
            Task::BranchEnd(b) => {
                let here = self.here();
                for pc in std::mem::take(&mut self.branch_jumps[b]) {
                    self.insts[pc] = Inst::Jump(here);
                }
            }
            Task::CondMid(pc) => {
                let j = self.emit(Inst::Jump(0));
                self.cond_jumps.push(j);
                let here = self.here();
                if let Inst::GroupRefExists { no, .. } = &mut self.insts[pc] {
                    *no = here;
                }
            }
            Task::CondEnd => {
                let j = self.cond_jumps.pop().expect("a pending conditional jump");
                let here = self.here();
                self.insts[j] = Inst::Jump(here);
            }
            Task::Node(s, i, flags) => {
                let node = self.ast.seqs[s][i].clone();
                self.node(node, flags, tasks)?;
            }
        }
        Ok(())
    }

    fn node(&mut self, node: Node, flags: u32, tasks: &mut Vec<Task>) -> Result<(), Error> {
        match node {
            Node::Literal(_) | Node::NotLiteral(_) | Node::Any | Node::In(_) => {
                let u = self.unit(&node, flags);
                self.emit(Inst::Unit(u));
            }
            Node::At(a) => {
                self.emit(Inst::At(at_code(a, flags)));
            }
            Node::Branch(items) => {
                let b = self.branches.len();
                self.branches.push(Vec::new());
                self.branch_jumps.push(Vec::new());
                self.emit(Inst::Branch(b as u32));
                tasks.push(Task::BranchEnd(b));
                for &alt in items.iter().rev() {
                    tasks.push(Task::AltEnd(b));
                    tasks.push(Task::Seq(alt, flags));
                    tasks.push(Task::AltStart(b));
                }
            }
            Node::Subpattern {
                group,
                add,
                del,
                body,
            } => {
                let inner = combine_flags(flags, add, del);
                if let Some(g) = group {
                    let m = 2 * (g as u32 - 1);
                    self.emit(Inst::Mark(m));
                    tasks.push(Task::Emit(Inst::Mark(m + 1)));
                }
                tasks.push(Task::Seq(body, inner));
            }
            Node::Atomic(body) => {
                let pc = self.emit(Inst::Atomic { tail: 0 });
                tasks.push(Task::SetTail(pc));
                tasks.push(Task::Emit(Inst::Success));
                tasks.push(Task::Seq(body, flags));
            }
            Node::Repeat {
                kind,
                min,
                max,
                item,
            } => {
                if flags & TEMPLATE != 0 {
                    let op = match kind {
                        RepeatKind::Greedy => "MAX_REPEAT",
                        RepeatKind::Lazy => "MIN_REPEAT",
                        RepeatKind::Possessive => "POSSESSIVE_REPEAT",
                    };
                    return Err(Error::new(
                        ErrorKind::Error,
                        format!("internal: unsupported template operator {op}"),
                    ));
                }
                let (min, max) = (to_u32(min), to_u32(max));
                if let Some((unit_node, unit_flags)) = self.simple(item, flags) {
                    let unit = self.unit(&unit_node, unit_flags);
                    self.emit(match kind {
                        RepeatKind::Greedy => Inst::RepeatOne { min, max, unit },
                        RepeatKind::Lazy => Inst::MinRepeatOne { min, max, unit },
                        RepeatKind::Possessive => Inst::PossessiveRepeatOne { min, max, unit },
                    });
                } else if kind == RepeatKind::Possessive {
                    let pc = self.emit(Inst::PossessiveRepeat { min, max, tail: 0 });
                    tasks.push(Task::SetTail(pc));
                    tasks.push(Task::Emit(Inst::Success));
                    tasks.push(Task::Seq(item, flags));
                } else {
                    let pc = self.emit(Inst::Repeat { min, max, until: 0 });
                    tasks.push(Task::RepeatEnd(pc, kind == RepeatKind::Lazy));
                    tasks.push(Task::Seq(item, flags));
                }
            }
            Node::GroupRef(g) => {
                let fold = if flags & IGNORECASE == 0 {
                    Fold::None
                } else if flags & LOCALE != 0 {
                    Fold::Locale
                } else if flags & UNICODE != 0 {
                    Fold::Unicode
                } else {
                    Fold::Ascii
                };
                self.emit(Inst::GroupRef {
                    group: g as u32 - 1,
                    fold,
                });
            }
            Node::GroupRefExists { group, yes, no } => {
                let pc = self.emit(Inst::GroupRefExists {
                    group: group as u32 - 1,
                    no: 0,
                });
                match no {
                    Some(no) => {
                        tasks.push(Task::CondEnd);
                        tasks.push(Task::Seq(no, flags));
                        tasks.push(Task::CondMid(pc));
                    }
                    None => tasks.push(Task::SetTail(pc)),
                }
                tasks.push(Task::Seq(yes, flags));
            }
            Node::Assert {
                behind,
                negate,
                body,
            } => {
                let back = if behind {
                    let a = &mut *self.ast;
                    let (lo, hi) = parser::seq_width(&a.seqs, &a.group_widths, &mut a.widths, body);
                    if lo > u64::from(u32::MAX) {
                        return Err(Error::new(ErrorKind::Error, "looks too much behind"));
                    }
                    if lo != hi {
                        return Err(Error::new(
                            ErrorKind::Error,
                            "look-behind requires fixed-width pattern",
                        ));
                    }
                    lo as u32
                } else {
                    0
                };
                let pc = self.emit(if negate {
                    Inst::AssertNot { back, tail: 0 }
                } else {
                    Inst::Assert { back, tail: 0 }
                });
                tasks.push(Task::SetTail(pc));
                tasks.push(Task::Emit(Inst::Success));
                tasks.push(Task::Seq(body, flags));
            }
        }
        Ok(())
    }

    /// `_simple`: the single-character item a repeat repeats, if it is
    /// one (through flag-only groups), with the flags it is compiled under.
    fn simple(&self, mut seq: SeqId, mut flags: u32) -> Option<(Node, u32)> {
        loop {
            let items = &self.ast.seqs[seq];
            if items.len() != 1 {
                return None;
            }
            match &items[0] {
                Node::Subpattern {
                    group: None,
                    add,
                    del,
                    body,
                } => {
                    flags = combine_flags(flags, *add, *del);
                    seq = *body;
                }
                n @ (Node::Literal(_) | Node::NotLiteral(_) | Node::Any | Node::In(_)) => {
                    return Some((n.clone(), flags))
                }
                _ => return None,
            }
        }
    }

    fn add_set(&mut self, set: CharSet) -> u32 {
        self.sets.push(set);
        (self.sets.len() - 1) as u32
    }

    /// A one-character item under `flags`.
    fn unit(&mut self, node: &Node, flags: u32) -> Unit {
        let ignore = flags & IGNORECASE != 0;
        let locale = flags & LOCALE != 0;
        let uni = flags & UNICODE != 0;
        match *node {
            Node::Any => {
                if flags & DOTALL != 0 {
                    Unit::AnyAll
                } else {
                    Unit::Any
                }
            }
            Node::Literal(c) | Node::NotLiteral(c) => {
                let not = matches!(node, Node::NotLiteral(_));
                let plain = |c| {
                    if not {
                        Unit::NotLiteral(c)
                    } else {
                        Unit::Literal(c)
                    }
                };
                let folded = |c, f| {
                    if not {
                        Unit::NotLiteralFold(c, f)
                    } else {
                        Unit::LiteralFold(c, f)
                    }
                };
                if !ignore {
                    plain(c)
                } else if locale {
                    folded(c, Fold::Locale)
                } else if !uni {
                    if unicode::is_cased_ascii(c) {
                        folded(unicode::lower_ascii(c), Fold::Ascii)
                    } else {
                        plain(c)
                    }
                } else if !unicode::is_cased_unicode(c) {
                    plain(c)
                } else {
                    let lo = unicode::lower_unicode(c);
                    let extra = unicode::extra_cases(lo);
                    if extra.is_empty() {
                        folded(lo, Fold::Unicode)
                    } else {
                        let mut members = vec![(lo, lo)];
                        members.extend(extra.iter().map(|&k| (k, k)));
                        let id = self.add_set(CharSet::from_members(members, not));
                        Unit::In(id, Fold::Unicode)
                    }
                }
            }
            Node::In(ref items) => {
                let (set, hascased) = build_set(items, flags);
                let id = self.add_set(set);
                let fold = if ignore && locale {
                    Fold::Locale
                } else if !hascased {
                    Fold::None
                } else if !uni {
                    Fold::Ascii
                } else {
                    Fold::Unicode
                };
                Unit::In(id, fold)
            }
            _ => unreachable!("not a one-character item"),
        }
    }
}

/// `_optimize_charset` as far as it decides membership: under IGNORECASE
/// (not LOCALE) the members are lowercased (plus their `_EXTRA_CASES`);
/// a non-BMP literal stays as written and a range reaching past the BMP is
/// also kept whole, to be matched by the character or its uppercase.
/// Returns the set and whether any member is cased.
fn build_set(items: &[SetItem], flags: u32) -> (CharSet, bool) {
    let fold = flags & IGNORECASE != 0 && flags & LOCALE == 0;
    let uni = flags & UNICODE != 0;
    let uni_cats = flags & LOCALE == 0 && uni;
    let lower = |c: u32| {
        if uni {
            unicode::lower_unicode(c)
        } else {
            unicode::lower_ascii(c)
        }
    };
    let iscased = |c: u32| {
        if uni {
            unicode::is_cased_unicode(c)
        } else {
            unicode::is_cased_ascii(c)
        }
    };
    let mut negate = false;
    let mut members: Vec<(u32, u32)> = Vec::new();
    let mut bmp: Vec<u64> = Vec::new();
    let mut uni_ignore = Vec::new();
    let mut cats = Vec::new();
    let mut hascased = false;
    let set_bmp = |bmp: &mut Vec<u64>, c: u32| {
        if bmp.is_empty() {
            bmp.resize(1024, 0);
        }
        bmp[(c >> 6) as usize] |= 1 << (c & 63);
        if uni {
            for &k in unicode::extra_cases(c) {
                bmp[(k >> 6) as usize] |= 1 << (k & 63);
            }
        }
    };
    for &item in items {
        match item {
            SetItem::Negate => negate = true,
            SetItem::Category(cat) => cats.push((cat, uni_cats)),
            SetItem::Literal(c) if fold => {
                let lo = lower(c);
                if lo < 0x10000 {
                    set_bmp(&mut bmp, lo);
                    if iscased(c) {
                        hascased = true;
                    }
                } else {
                    members.push((c, c));
                    hascased = true;
                }
            }
            SetItem::Range(a, b) if fold => {
                for x in a..=b.min(0xFFFF) {
                    let lo = lower(x);
                    debug_assert!(lo < 0x10000, "a BMP character lowercases into the BMP");
                    set_bmp(&mut bmp, lo);
                }
                if b > 0xFFFF {
                    uni_ignore.push((a, b));
                    hascased = true;
                } else if !hascased {
                    hascased = (a..=b).any(iscased);
                }
            }
            SetItem::Literal(c) => members.push((c, c)),
            SetItem::Range(a, b) => members.push((a, b)),
        }
    }
    if !bmp.is_empty() {
        let mut c = 0u32;
        while c < 0x10000 {
            if bmp[(c >> 6) as usize] >> (c & 63) & 1 == 1 {
                let start = c;
                while c + 1 < 0x10000 && bmp[((c + 1) >> 6) as usize] >> ((c + 1) & 63) & 1 == 1 {
                    c += 1;
                }
                members.push((start, c));
            }
            c += 1;
        }
    }
    let mut set = CharSet::from_members(members, negate);
    set.uni_ignore = uni_ignore;
    set.cats = cats;
    (set, hascased)
}

fn at_code(a: At, flags: u32) -> AtCode {
    let multiline = flags & MULTILINE != 0;
    let rule = if flags & LOCALE == 0 && flags & UNICODE != 0 {
        WordRule::Unicode
    } else {
        WordRule::Ascii
    };
    match a {
        At::Beginning if multiline => AtCode::BeginningLine,
        At::Beginning => AtCode::Beginning,
        At::BeginningString => AtCode::BeginningString,
        At::End if multiline => AtCode::EndLine,
        At::End => AtCode::End,
        At::EndString => AtCode::EndString,
        At::Boundary => AtCode::Boundary(rule),
        At::NonBoundary => AtCode::NonBoundary(rule),
    }
}

/// The literal characters every match starts with (through group marks).
fn literal_prefix(prog: &Program) -> Vec<u32> {
    let mut out = Vec::new();
    for inst in &prog.insts {
        match *inst {
            Inst::Mark(_) => {}
            Inst::Unit(Unit::Literal(c)) => out.push(c),
            _ => break,
        }
    }
    out
}

/// The tests one of which every match's first character passes, found by
/// following the program from its start through marks, repeats that must
/// run at least once, atomic groups and every alternative of a branch.
fn first_units(prog: &Program) -> Option<Vec<Unit>> {
    const MOST: usize = 8;
    let mut out: Vec<Unit> = Vec::new();
    let mut work = vec![0usize];
    let mut seen = 0;
    while let Some(mut pc) = work.pop() {
        seen += 1;
        if seen > 64 {
            return None;
        }
        loop {
            match prog.insts[pc] {
                Inst::Mark(_) | Inst::Atomic { .. } => pc += 1,
                Inst::Repeat { min, .. } | Inst::PossessiveRepeat { min, .. } if min >= 1 => {
                    pc += 1
                }
                Inst::Unit(u) => {
                    if !out.contains(&u) {
                        out.push(u);
                    }
                    break;
                }
                Inst::RepeatOne { min, unit, .. }
                | Inst::MinRepeatOne { min, unit, .. }
                | Inst::PossessiveRepeatOne { min, unit, .. }
                    if min >= 1 =>
                {
                    if !out.contains(&unit) {
                        out.push(unit);
                    }
                    break;
                }
                Inst::Branch(b) => {
                    work.extend(prog.branches[b as usize].iter().map(|&p| p as usize));
                    break;
                }
                _ => return None,
            }
        }
        if out.len() > MOST {
            return None;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bmp_lowercases_stay_in_the_bmp() {
        for c in 0..0x10000u32 {
            assert!(unicode::lower_unicode(c) < 0x10000, "{c:#x}");
        }
    }

    #[test]
    fn charset_membership() {
        let set = CharSet::from_members(vec![(0x61, 0x63), (0x100, 0x200), (0x1F0, 0x300)], false);
        assert!(set.contains(0x62) && !set.contains(0x64));
        assert!(set.contains(0x2FF) && !set.contains(0x301));
        assert_eq!(set.ranges, vec![(0x100, 0x300)]);
    }
}
