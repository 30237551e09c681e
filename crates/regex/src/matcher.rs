//! The backtracking matcher: CPython 3.11's `SRE(match)` and `SRE(search)`
//! (`Modules/_sre/sre_lib.h`), step for step, on an explicit heap stack.
//!
//! Where sre "jumps" into a sub-program (an alternative, a repeat's body or
//! tail, an assertion) it pushes a [`Frame`] and runs the sub-program in
//! it; the sub-program runs on to the end of the whole pattern (the
//! continuation), and its success or failure comes back to the frame that
//! pushed it, which resumes where it left off ([`Jump`] says where). The
//! capture marks that a failed path may have changed are saved on a data
//! stack and restored exactly where sre saves and restores them, so group
//! spans, `lastindex` and the order in which alternatives are tried are
//! CPython's. Memory grows with the depth of backtracking, never the Rust
//! stack; the vectors are kept between matches, so the loop allocates only
//! when a stack outgrows what an earlier match needed.

use crate::compiler::{AtCode, Inst, Program, Unit, WordRule, UNBOUNDED};
use crate::unicode;

const NONE: usize = usize::MAX;

/// Where a finished child frame returns to in its parent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Jump {
    None,
    Branch,
    RepeatOne,
    MinRepeatOne,
    PossRepeat1,
    PossRepeat2,
    Repeat,
    MaxUntil1,
    MaxUntil2,
    MaxUntil3,
    MinUntil1,
    MinUntil2,
    MinUntil3,
    Atomic,
    Assert,
    AssertNot,
}

/// sre's `match_context`: an instruction in progress (48 bytes: one is
/// pushed per sub-program entered, so a long match holds many).
#[derive(Clone, Copy, Debug)]
struct Frame {
    pc: u32,
    jump: Jump,
    toplevel: bool,
    lastmark: i32,
    lastindex: i32,
    /// The repeat context (`Repeat`, `*Until`).
    rep: u32,
    ptr: usize,
    count: isize,
    /// The alternative (`Branch`), the tail's first literal (`RepeatOne`),
    /// or the position before an iteration (`PossessiveRepeat`).
    aux: usize,
}

const NO_REP: u32 = u32::MAX;

impl Frame {
    fn new(pc: usize, jump: Jump, toplevel: bool) -> Frame {
        Frame {
            pc: pc as u32,
            jump,
            toplevel,
            lastmark: -1,
            lastindex: -1,
            rep: NO_REP,
            ptr: 0,
            count: 0,
            aux: NONE,
        }
    }

    fn pc(&self) -> usize {
        self.pc as usize
    }

    fn rep(&self) -> usize {
        self.rep as usize
    }

    fn lastmark(&self) -> isize {
        self.lastmark as isize
    }
}

/// sre's `SRE_REPEAT`: a general repeat in progress.
#[derive(Clone, Copy, Debug)]
struct Rep {
    count: isize,
    pc: usize,
    prev: usize,
    last_ptr: usize,
}

/// What to do after an instruction.
enum Act {
    /// Run a sub-program at `pc` from `Machine::ptr` in a new frame.
    Call {
        pc: usize,
        jump: Jump,
        toplevel: bool,
    },
    /// Go on in the current frame.
    Cont { pc: usize, ptr: usize },
    /// The current frame is done.
    Ret(bool),
}

/// The subject and the rules of one match attempt.
pub(crate) struct Ctx<'a, C> {
    pub(crate) prog: &'a Program,
    pub(crate) s: &'a [C],
    /// Where this attempt starts (sre's `state->start`).
    pub(crate) start: usize,
    /// `endpos`: matching sees nothing at or after it.
    pub(crate) end: usize,
    /// fullmatch: success only at `end`.
    pub(crate) match_all: bool,
    /// The match must not be empty at `start` (after an empty match).
    pub(crate) must_advance: bool,
}

impl<C: Copy + Into<u32>> Ctx<'_, C> {
    #[inline]
    fn ch(&self, i: usize) -> u32 {
        self.s[i].into()
    }
}

/// The matcher's state (sre's `SRE_STATE`), reusable between matches.
#[derive(Debug, Default)]
pub(crate) struct Machine {
    marks: Vec<usize>,
    lastmark: isize,
    lastindex: isize,
    frames: Vec<Frame>,
    data: Vec<usize>,
    reps: Vec<Rep>,
    repeat: usize,
    /// sre's `state->ptr`: where a sub-program starts, or where a match ends.
    ptr: usize,
}

/// A successful match: the spans of group 0 and of each group, and sre's
/// `lastindex`.
pub(crate) struct RawMatch {
    pub(crate) spans: Vec<Option<(usize, usize)>>,
    pub(crate) lastindex: Option<usize>,
}

impl Machine {
    pub(crate) fn new() -> Machine {
        Machine {
            repeat: NONE,
            lastmark: -1,
            lastindex: -1,
            ..Machine::default()
        }
    }

    fn reset(&mut self, groups: usize) {
        if self.marks.len() < 2 * groups {
            self.marks.resize(2 * groups, NONE);
        }
        self.lastmark = -1;
        self.lastindex = -1;
        self.repeat = NONE;
        self.frames.clear();
        self.data.clear();
        self.reps.clear();
    }

    fn result<C>(&self, cx: &Ctx<'_, C>) -> RawMatch {
        let mut spans = Vec::with_capacity(cx.prog.groups + 1);
        spans.push(Some((cx.start, self.ptr)));
        for g in 0..cx.prog.groups {
            let j = 2 * g;
            let span = if (j + 1) as isize <= self.lastmark
                && self.marks[j] != NONE
                && self.marks[j + 1] != NONE
            {
                Some((self.marks[j], self.marks[j + 1]))
            } else {
                None
            };
            spans.push(span);
        }
        RawMatch {
            spans,
            lastindex: usize::try_from(self.lastindex).ok(),
        }
    }

    /// `re.match` / `re.fullmatch` at `cx.start`.
    pub(crate) fn match_here<C: Copy + Into<u32>>(&mut self, cx: &Ctx<'_, C>) -> Option<RawMatch> {
        self.reset(cx.prog.groups);
        if self.run(cx) {
            Some(self.result(cx))
        } else {
            None
        }
    }

    /// `re.search` from `cx.start`: the first position where the pattern
    /// matches (`must_advance` applies to the first position only).
    pub(crate) fn search<C: Copy + Into<u32>>(&mut self, cx: &Ctx<'_, C>) -> Option<RawMatch> {
        let prog = cx.prog;
        let end = cx.end;
        if cx.start > end || end - cx.start < prog.min_width {
            return None;
        }
        let last = end - prog.min_width;
        let mut p = cx.start;
        let mut attempt = Ctx {
            prog,
            s: cx.s,
            start: p,
            end,
            match_all: false,
            must_advance: cx.must_advance,
        };
        loop {
            if let Some(units) = &prog.first {
                p = self.skip(cx, units, p, last)?;
                if p != cx.start {
                    attempt.must_advance = false;
                }
            }
            if !prog.prefix.is_empty() {
                let n = prog.prefix.len();
                let fits = p + n <= end
                    && prog
                        .prefix
                        .iter()
                        .enumerate()
                        .all(|(i, &c)| cx.ch(p + i) == c);
                if !fits {
                    if prog.anchored || p >= last {
                        return None;
                    }
                    p += 1;
                    attempt.must_advance = false;
                    continue;
                }
            }
            attempt.start = p;
            self.reset(prog.groups);
            if self.run(&attempt) {
                return Some(self.result(&attempt));
            }
            if prog.anchored || p >= last {
                return None;
            }
            p += 1;
            attempt.must_advance = false;
        }
    }

    /// The first position from `p` to `last` where one of `units` accepts
    /// the character.
    fn skip<C: Copy + Into<u32>>(
        &self,
        cx: &Ctx<'_, C>,
        units: &[Unit],
        p: usize,
        last: usize,
    ) -> Option<usize> {
        if p > last || p >= cx.end {
            return None;
        }
        let hay = &cx.s[p..=last.min(cx.end - 1)];
        let found = if let [Unit::Literal(c)] = units {
            hay.iter().position(|&x| x.into() == *c)
        } else {
            hay.iter()
                .position(|&x| units.iter().any(|&u| cx.prog.unit_matches(u, x.into())))
        };
        found.map(|i| p + i)
    }

    fn mark_push(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            self.data.extend_from_slice(&self.marks[..n]);
        }
    }

    fn mark_pop(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let at = self.data.len() - n;
            self.marks[..n].copy_from_slice(&self.data[at..]);
            self.data.truncate(at);
        }
    }

    fn mark_pop_keep(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let at = self.data.len() - n;
            self.marks[..n].copy_from_slice(&self.data[at..]);
        }
    }

    fn mark_pop_discard(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let at = self.data.len() - n;
            self.data.truncate(at);
        }
    }

    fn lastmark_save(&mut self, fi: usize) {
        self.frames[fi].lastmark = self.lastmark as i32;
        self.frames[fi].lastindex = self.lastindex as i32;
    }

    fn lastmark_restore(&mut self, fi: usize) {
        self.lastmark = self.frames[fi].lastmark as isize;
        self.lastindex = self.frames[fi].lastindex as isize;
    }

    fn set_mark(&mut self, i: u32, ptr: usize) {
        let i = i as isize;
        if i & 1 == 1 {
            self.lastindex = i / 2 + 1;
        }
        if i > self.lastmark {
            for j in (self.lastmark + 1)..i {
                self.marks[j as usize] = NONE;
            }
            self.lastmark = i;
        }
        self.marks[i as usize] = ptr;
    }

    /// How many times (at most `max`) `unit` matches from `ptr`.
    #[inline]
    fn count<C: Copy + Into<u32>>(
        &self,
        cx: &Ctx<'_, C>,
        unit: Unit,
        ptr: usize,
        max: u32,
    ) -> usize {
        let mut end = cx.end;
        if max != UNBOUNDED && (max as usize) < end.saturating_sub(ptr) {
            end = ptr + max as usize;
        }
        if ptr >= end {
            return 0;
        }
        let hay = &cx.s[ptr..end];
        match unit {
            Unit::AnyAll => hay.len(),
            Unit::Literal(c) => hay.iter().take_while(|&&x| x.into() == c).count(),
            Unit::Any => hay.iter().take_while(|&&x| x.into() != 0x0A).count(),
            u => hay
                .iter()
                .take_while(|&&x| cx.prog.unit_matches(u, x.into()))
                .count(),
        }
    }

    /// sre's `SRE(at)`.
    fn at<C: Copy + Into<u32>>(&self, cx: &Ctx<'_, C>, code: AtCode, ptr: usize) -> bool {
        let end = cx.end;
        let word = |rule: WordRule, c: u32| match rule {
            WordRule::Ascii => unicode::is_word_ascii(c),
            WordRule::Unicode => unicode::is_word_unicode(c),
        };
        let around = |rule: WordRule| {
            let that = ptr > 0 && ptr - 1 < cx.s.len() && word(rule, cx.ch(ptr - 1));
            let this = ptr < end && word(rule, cx.ch(ptr));
            (that, this)
        };
        match code {
            AtCode::Beginning | AtCode::BeginningString => ptr == 0,
            AtCode::BeginningLine => ptr == 0 || (ptr - 1 < cx.s.len() && cx.ch(ptr - 1) == 0x0A),
            AtCode::End => ptr == end || (ptr + 1 == end && cx.ch(ptr) == 0x0A),
            AtCode::EndLine => ptr == end || (ptr < cx.s.len() && cx.ch(ptr) == 0x0A),
            AtCode::EndString => ptr == end,
            AtCode::Boundary(rule) => {
                if end == 0 {
                    return false;
                }
                let (that, this) = around(rule);
                this != that
            }
            AtCode::NonBoundary(rule) => {
                if end == 0 {
                    return false;
                }
                let (that, this) = around(rule);
                this == that
            }
        }
    }

    /// `SRE(match)` from `cx.start`; on success `self.ptr` is the end.
    fn run<C: Copy + Into<u32>>(&mut self, cx: &Ctx<'_, C>) -> bool {
        let min = cx.prog.min_width;
        if min > 0 && cx.start <= cx.end && cx.end - cx.start < min {
            return false;
        }
        self.ptr = cx.start;
        self.frames.push(Frame::new(0, Jump::None, true));
        let mut pc = 0;
        let mut ptr = cx.start;
        loop {
            let mut act = self.exec(cx, pc, ptr);
            loop {
                match act {
                    Act::Call {
                        pc: npc,
                        jump,
                        toplevel,
                    } => {
                        self.frames.push(Frame::new(npc, jump, toplevel));
                        pc = npc;
                        ptr = self.ptr;
                        break;
                    }
                    Act::Cont { pc: npc, ptr: nptr } => {
                        pc = npc;
                        ptr = nptr;
                        break;
                    }
                    Act::Ret(r) => {
                        let child = self.frames.pop().expect("a frame returns");
                        if self.frames.is_empty() {
                            return r;
                        }
                        act = self.resume(cx, child.jump, r);
                    }
                }
            }
        }
    }

    /// Runs the current frame from `pc` until it calls or returns.
    fn exec<C: Copy + Into<u32>>(&mut self, cx: &Ctx<'_, C>, mut pc: usize, mut ptr: usize) -> Act {
        let prog = cx.prog;
        let end = cx.end;
        let fi = self.frames.len() - 1;
        loop {
            match prog.insts[pc] {
                Inst::Mark(i) => {
                    self.set_mark(i, ptr);
                    pc += 1;
                }
                Inst::Unit(u) => {
                    if ptr >= end || !prog.unit_matches(u, cx.ch(ptr)) {
                        return Act::Ret(false);
                    }
                    ptr += 1;
                    pc += 1;
                }
                Inst::At(code) => {
                    if !self.at(cx, code, ptr) {
                        return Act::Ret(false);
                    }
                    pc += 1;
                }
                Inst::Jump(t) => pc = t as usize,
                Inst::Success => {
                    let f = &self.frames[fi];
                    if f.toplevel
                        && ((cx.match_all && ptr != end) || (cx.must_advance && ptr == cx.start))
                    {
                        return Act::Ret(false);
                    }
                    self.ptr = ptr;
                    return Act::Ret(true);
                }
                Inst::Branch(_) => {
                    self.lastmark_save(fi);
                    if self.repeat != NONE {
                        self.mark_push(self.lastmark);
                    }
                    let f = &mut self.frames[fi];
                    f.pc = pc as u32;
                    f.ptr = ptr;
                    f.aux = 0;
                    return self.branch_next(cx, fi);
                }
                Inst::RepeatOne { min, max, unit } => {
                    if min as isize > end as isize - ptr as isize {
                        return Act::Ret(false);
                    }
                    self.ptr = ptr;
                    let count = self.count(cx, unit, ptr, max);
                    ptr += count;
                    if count < min as usize {
                        return Act::Ret(false);
                    }
                    let tail = pc + 1;
                    let toplevel = self.frames[fi].toplevel;
                    if prog.insts[tail] == Inst::Success
                        && ptr == end
                        && !(toplevel && cx.must_advance && ptr == cx.start)
                    {
                        self.ptr = ptr;
                        return Act::Ret(true);
                    }
                    self.lastmark_save(fi);
                    if self.repeat != NONE {
                        self.mark_push(self.lastmark);
                    }
                    let f = &mut self.frames[fi];
                    f.pc = pc as u32;
                    f.ptr = ptr;
                    f.count = count as isize;
                    f.aux = match prog.insts[tail] {
                        Inst::Unit(Unit::Literal(c)) => c as usize,
                        _ => NONE,
                    };
                    return self.repeat_one_next(cx, fi);
                }
                Inst::MinRepeatOne { min, unit, .. } => {
                    if min as isize > end as isize - ptr as isize {
                        return Act::Ret(false);
                    }
                    self.ptr = ptr;
                    let mut count = 0;
                    if min > 0 {
                        count = self.count(cx, unit, ptr, min);
                        if count < min as usize {
                            return Act::Ret(false);
                        }
                        ptr += count;
                    }
                    let toplevel = self.frames[fi].toplevel;
                    if prog.insts[pc + 1] == Inst::Success
                        && !(toplevel
                            && ((cx.match_all && ptr != end)
                                || (cx.must_advance && ptr == cx.start)))
                    {
                        self.ptr = ptr;
                        return Act::Ret(true);
                    }
                    self.lastmark_save(fi);
                    if self.repeat != NONE {
                        self.mark_push(self.lastmark);
                    }
                    let f = &mut self.frames[fi];
                    f.pc = pc as u32;
                    f.ptr = ptr;
                    f.count = count as isize;
                    return self.min_repeat_one_next(cx, fi);
                }
                Inst::PossessiveRepeatOne { min, max, unit } => {
                    if min as isize > end as isize - ptr as isize {
                        return Act::Ret(false);
                    }
                    self.ptr = ptr;
                    let count = self.count(cx, unit, ptr, max);
                    ptr += count;
                    if count < min as usize {
                        return Act::Ret(false);
                    }
                    pc += 1;
                }
                Inst::Repeat { until, .. } => {
                    self.reps.push(Rep {
                        count: -1,
                        pc,
                        prev: self.repeat,
                        last_ptr: NONE,
                    });
                    self.repeat = self.reps.len() - 1;
                    self.ptr = ptr;
                    let f = &mut self.frames[fi];
                    f.rep = self.repeat as u32;
                    f.pc = pc as u32;
                    f.ptr = ptr;
                    return Act::Call {
                        pc: until as usize,
                        jump: Jump::Repeat,
                        toplevel: f.toplevel,
                    };
                }
                Inst::MaxUntil | Inst::MinUntil => {
                    let lazy = prog.insts[pc] == Inst::MinUntil;
                    let rep = self.repeat;
                    assert!(rep != NONE, "an Until outside its repeat");
                    self.ptr = ptr;
                    let count = self.reps[rep].count + 1;
                    let rpc = self.reps[rep].pc;
                    let Inst::Repeat { min, .. } = prog.insts[rpc] else {
                        unreachable!("an Until belongs to a Repeat");
                    };
                    let f = &mut self.frames[fi];
                    f.rep = rep as u32;
                    f.count = count;
                    f.ptr = ptr;
                    f.pc = pc as u32;
                    let toplevel = f.toplevel;
                    if count < min as isize {
                        self.reps[rep].count = count;
                        return Act::Call {
                            pc: rpc + 1,
                            jump: if lazy {
                                Jump::MinUntil1
                            } else {
                                Jump::MaxUntil1
                            },
                            toplevel,
                        };
                    }
                    if lazy {
                        self.repeat = self.reps[rep].prev;
                        self.lastmark_save(fi);
                        if self.repeat != NONE {
                            self.mark_push(self.lastmark);
                        }
                        return Act::Call {
                            pc: pc + 1,
                            jump: Jump::MinUntil2,
                            toplevel,
                        };
                    }
                    return self.max_until_more(cx, fi);
                }
                Inst::PossessiveRepeat { .. } => {
                    // CPython 3.11 runs the body with `state->repeat`
                    // unchanged (3.12 installs a dummy repeat there, the fix
                    // of gh-101955): its marks are then not restored when an
                    // alternative fails, and a group can end before it
                    // starts, which CPython reports as a SystemError.
                    self.ptr = ptr;
                    let f = &mut self.frames[fi];
                    f.count = 0;
                    f.ptr = ptr;
                    f.pc = pc as u32;
                    return self.poss_min(cx, fi);
                }
                Inst::Atomic { .. } => {
                    self.ptr = ptr;
                    let f = &mut self.frames[fi];
                    f.ptr = ptr;
                    f.pc = pc as u32;
                    return Act::Call {
                        pc: pc + 1,
                        jump: Jump::Atomic,
                        toplevel: false,
                    };
                }
                Inst::Assert { back, .. } => {
                    if (ptr as u64) < u64::from(back) {
                        return Act::Ret(false);
                    }
                    self.ptr = ptr - back as usize;
                    let f = &mut self.frames[fi];
                    f.ptr = ptr;
                    f.pc = pc as u32;
                    return Act::Call {
                        pc: pc + 1,
                        jump: Jump::Assert,
                        toplevel: false,
                    };
                }
                Inst::AssertNot { back, tail } => {
                    if (ptr as u64) < u64::from(back) {
                        pc = tail as usize;
                        continue;
                    }
                    self.ptr = ptr - back as usize;
                    self.lastmark_save(fi);
                    if self.repeat != NONE {
                        self.mark_push(self.lastmark);
                    }
                    let f = &mut self.frames[fi];
                    f.ptr = ptr;
                    f.pc = pc as u32;
                    return Act::Call {
                        pc: pc + 1,
                        jump: Jump::AssertNot,
                        toplevel: false,
                    };
                }
                Inst::GroupRef { group, fold } => {
                    let g = 2 * group as usize;
                    if g as isize >= self.lastmark {
                        return Act::Ret(false);
                    }
                    let (mut p, e) = (self.marks[g], self.marks[g + 1]);
                    if p == NONE || e == NONE || e < p {
                        return Act::Ret(false);
                    }
                    while p < e {
                        if ptr >= end || !same_folded(fold, cx.ch(ptr), cx.ch(p)) {
                            return Act::Ret(false);
                        }
                        p += 1;
                        ptr += 1;
                    }
                    pc += 1;
                }
                Inst::GroupRefExists { group, no } => {
                    let g = 2 * group as usize;
                    let set = (g as isize) < self.lastmark && {
                        let (p, e) = (self.marks[g], self.marks[g + 1]);
                        p != NONE && e != NONE && e >= p
                    };
                    pc = if set { pc + 1 } else { no as usize };
                }
            }
        }
    }

    fn branch_next<C: Copy + Into<u32>>(&mut self, cx: &Ctx<'_, C>, fi: usize) -> Act {
        let prog = cx.prog;
        let f = self.frames[fi];
        let Inst::Branch(b) = prog.insts[f.pc()] else {
            unreachable!("a branch frame");
        };
        let alts = &prog.branches[b as usize];
        let mut aux = f.aux;
        let ptr = f.ptr;
        while aux < alts.len() {
            let apc = alts[aux] as usize;
            let skip = match prog.insts[apc] {
                Inst::Unit(u @ (Unit::Literal(_) | Unit::In(_, crate::compiler::Fold::None))) => {
                    ptr >= cx.end || !prog.unit_matches(u, cx.ch(ptr))
                }
                _ => false,
            };
            if skip {
                aux += 1;
                continue;
            }
            self.frames[fi].aux = aux;
            self.ptr = ptr;
            return Act::Call {
                pc: apc,
                jump: Jump::Branch,
                toplevel: f.toplevel,
            };
        }
        if self.repeat != NONE {
            self.mark_pop_discard(f.lastmark());
        }
        Act::Ret(false)
    }

    fn repeat_one_next<C: Copy + Into<u32>>(&mut self, cx: &Ctx<'_, C>, fi: usize) -> Act {
        let Inst::RepeatOne { min, .. } = cx.prog.insts[self.frames[fi].pc()] else {
            unreachable!("a RepeatOne frame");
        };
        let f = &mut self.frames[fi];
        loop {
            if f.count < min as isize {
                break;
            }
            if f.aux != NONE && (f.ptr >= cx.end || cx.ch(f.ptr) as usize != f.aux) {
                f.ptr = f.ptr.wrapping_sub(1);
                f.count -= 1;
                continue;
            }
            self.ptr = f.ptr;
            return Act::Call {
                pc: f.pc() + 1,
                jump: Jump::RepeatOne,
                toplevel: f.toplevel,
            };
        }
        let lastmark = f.lastmark();
        if self.repeat != NONE {
            self.mark_pop_discard(lastmark);
        }
        Act::Ret(false)
    }

    fn min_repeat_one_next<C>(&mut self, cx: &Ctx<'_, C>, fi: usize) -> Act {
        let Inst::MinRepeatOne { max, .. } = cx.prog.insts[self.frames[fi].pc()] else {
            unreachable!("a MinRepeatOne frame");
        };
        let f = self.frames[fi];
        if max == UNBOUNDED || f.count <= max as isize {
            self.ptr = f.ptr;
            return Act::Call {
                pc: f.pc() + 1,
                jump: Jump::MinRepeatOne,
                toplevel: f.toplevel,
            };
        }
        if self.repeat != NONE {
            self.mark_pop_discard(f.lastmark());
        }
        Act::Ret(false)
    }

    /// MAX_UNTIL once the minimum is reached: one more iteration if
    /// allowed and the last one was not empty, else the tail.
    fn max_until_more<C>(&mut self, cx: &Ctx<'_, C>, fi: usize) -> Act {
        let f = self.frames[fi];
        let rep = f.rep();
        let rpc = self.reps[rep].pc;
        let Inst::Repeat { max, .. } = cx.prog.insts[rpc] else {
            unreachable!("an Until belongs to a Repeat");
        };
        if (f.count < max as isize || max == UNBOUNDED) && self.ptr != self.reps[rep].last_ptr {
            self.reps[rep].count = f.count;
            self.lastmark_save(fi);
            self.mark_push(self.lastmark);
            self.data.push(self.reps[rep].last_ptr);
            self.reps[rep].last_ptr = self.ptr;
            return Act::Call {
                pc: rpc + 1,
                jump: Jump::MaxUntil2,
                toplevel: f.toplevel,
            };
        }
        self.max_until_tail(fi)
    }

    fn max_until_tail(&mut self, fi: usize) -> Act {
        let f = self.frames[fi];
        self.repeat = self.reps[f.rep()].prev;
        Act::Call {
            pc: f.pc() + 1,
            jump: Jump::MaxUntil3,
            toplevel: f.toplevel,
        }
    }

    /// POSSESSIVE_REPEAT's required iterations.
    fn poss_min<C>(&mut self, cx: &Ctx<'_, C>, fi: usize) -> Act {
        let f = self.frames[fi];
        let Inst::PossessiveRepeat { min, .. } = cx.prog.insts[f.pc()] else {
            unreachable!("a PossessiveRepeat frame");
        };
        if f.count < min as isize {
            return Act::Call {
                pc: f.pc() + 1,
                jump: Jump::PossRepeat1,
                toplevel: false,
            };
        }
        self.frames[fi].aux = NONE;
        self.poss_more(cx, fi)
    }

    /// POSSESSIVE_REPEAT's further iterations, while each one advances.
    fn poss_more<C>(&mut self, cx: &Ctx<'_, C>, fi: usize) -> Act {
        let f = self.frames[fi];
        let Inst::PossessiveRepeat { max, .. } = cx.prog.insts[f.pc()] else {
            unreachable!("a PossessiveRepeat frame");
        };
        if (f.count < max as isize || max == UNBOUNDED) && self.ptr != f.aux {
            self.lastmark_save(fi);
            self.mark_push(self.lastmark);
            self.frames[fi].aux = self.ptr;
            return Act::Call {
                pc: f.pc() + 1,
                jump: Jump::PossRepeat2,
                toplevel: false,
            };
        }
        self.poss_done(cx, fi)
    }

    fn poss_done<C>(&mut self, cx: &Ctx<'_, C>, fi: usize) -> Act {
        let f = self.frames[fi];
        let Inst::PossessiveRepeat { tail, .. } = cx.prog.insts[f.pc()] else {
            unreachable!("a PossessiveRepeat frame");
        };
        Act::Cont {
            pc: tail as usize,
            ptr: self.ptr,
        }
    }

    fn pop_rep(&mut self, rep: usize) {
        self.repeat = self.reps[rep].prev;
        debug_assert_eq!(
            rep + 1,
            self.reps.len(),
            "repeat contexts are freed in order"
        );
        self.reps.truncate(rep);
    }

    /// A child returned `r` to the frame on top, which pushed it for `jump`.
    fn resume<C: Copy + Into<u32>>(&mut self, cx: &Ctx<'_, C>, jump: Jump, r: bool) -> Act {
        let fi = self.frames.len() - 1;
        let f = self.frames[fi];
        match jump {
            Jump::None => unreachable!("the outermost frame has no parent"),
            Jump::Branch => {
                if r {
                    if self.repeat != NONE {
                        self.mark_pop_discard(f.lastmark());
                    }
                    return Act::Ret(true);
                }
                if self.repeat != NONE {
                    self.mark_pop_keep(f.lastmark());
                }
                self.lastmark_restore(fi);
                self.frames[fi].aux += 1;
                self.branch_next(cx, fi)
            }
            Jump::RepeatOne => {
                if r {
                    if self.repeat != NONE {
                        self.mark_pop_discard(f.lastmark());
                    }
                    return Act::Ret(true);
                }
                if self.repeat != NONE {
                    self.mark_pop_keep(f.lastmark());
                }
                self.lastmark_restore(fi);
                let fm = &mut self.frames[fi];
                fm.ptr = fm.ptr.wrapping_sub(1);
                fm.count -= 1;
                self.repeat_one_next(cx, fi)
            }
            Jump::MinRepeatOne => {
                if r {
                    if self.repeat != NONE {
                        self.mark_pop_discard(f.lastmark());
                    }
                    return Act::Ret(true);
                }
                if self.repeat != NONE {
                    self.mark_pop_keep(f.lastmark());
                }
                self.lastmark_restore(fi);
                self.ptr = f.ptr;
                let Inst::MinRepeatOne { unit, .. } = cx.prog.insts[f.pc()] else {
                    unreachable!("a MinRepeatOne frame");
                };
                if self.count(cx, unit, f.ptr, 1) == 0 {
                    if self.repeat != NONE {
                        self.mark_pop_discard(f.lastmark());
                    }
                    return Act::Ret(false);
                }
                let fm = &mut self.frames[fi];
                fm.ptr += 1;
                fm.count += 1;
                self.min_repeat_one_next(cx, fi)
            }
            Jump::Repeat => {
                self.pop_rep(f.rep());
                Act::Ret(r)
            }
            Jump::MaxUntil1 | Jump::MinUntil1 => {
                if r {
                    return Act::Ret(true);
                }
                self.reps[f.rep()].count = f.count - 1;
                self.ptr = f.ptr;
                Act::Ret(false)
            }
            Jump::MaxUntil2 => {
                self.reps[f.rep()].last_ptr = self.data.pop().expect("saved last_ptr");
                if r {
                    self.mark_pop_discard(f.lastmark());
                    return Act::Ret(true);
                }
                self.mark_pop(f.lastmark());
                self.lastmark_restore(fi);
                self.reps[f.rep()].count = f.count - 1;
                self.ptr = f.ptr;
                self.max_until_tail(fi)
            }
            Jump::MaxUntil3 => {
                self.repeat = f.rep();
                if r {
                    return Act::Ret(true);
                }
                self.ptr = f.ptr;
                Act::Ret(false)
            }
            Jump::MinUntil2 => {
                let repeat_of_tail = self.repeat;
                self.repeat = f.rep();
                if r {
                    if repeat_of_tail != NONE {
                        self.mark_pop_discard(f.lastmark());
                    }
                    return Act::Ret(true);
                }
                if repeat_of_tail != NONE {
                    self.mark_pop(f.lastmark());
                }
                self.lastmark_restore(fi);
                self.ptr = f.ptr;
                let rep = f.rep();
                let Inst::Repeat { max, .. } = cx.prog.insts[self.reps[rep].pc] else {
                    unreachable!("an Until belongs to a Repeat");
                };
                if (f.count >= max as isize && max != UNBOUNDED)
                    || self.ptr == self.reps[rep].last_ptr
                {
                    return Act::Ret(false);
                }
                self.reps[rep].count = f.count;
                self.data.push(self.reps[rep].last_ptr);
                self.reps[rep].last_ptr = self.ptr;
                Act::Call {
                    pc: self.reps[rep].pc + 1,
                    jump: Jump::MinUntil3,
                    toplevel: f.toplevel,
                }
            }
            Jump::MinUntil3 => {
                self.reps[f.rep()].last_ptr = self.data.pop().expect("saved last_ptr");
                if r {
                    return Act::Ret(true);
                }
                self.reps[f.rep()].count = f.count - 1;
                self.ptr = f.ptr;
                Act::Ret(false)
            }
            Jump::PossRepeat1 => {
                if r {
                    self.frames[fi].count += 1;
                    return self.poss_min(cx, fi);
                }
                self.ptr = f.ptr;
                Act::Ret(false)
            }
            Jump::PossRepeat2 => {
                if r {
                    self.mark_pop_discard(f.lastmark());
                    self.frames[fi].count += 1;
                    return self.poss_more(cx, fi);
                }
                self.mark_pop(f.lastmark());
                self.lastmark_restore(fi);
                self.ptr = f.aux;
                self.poss_done(cx, fi)
            }
            Jump::Atomic => {
                if !r {
                    self.ptr = f.ptr;
                    return Act::Ret(false);
                }
                let Inst::Atomic { tail } = cx.prog.insts[f.pc()] else {
                    unreachable!("an Atomic frame");
                };
                Act::Cont {
                    pc: tail as usize,
                    ptr: self.ptr,
                }
            }
            Jump::Assert => {
                if !r {
                    return Act::Ret(false);
                }
                let Inst::Assert { tail, .. } = cx.prog.insts[f.pc()] else {
                    unreachable!("an Assert frame");
                };
                Act::Cont {
                    pc: tail as usize,
                    ptr: f.ptr,
                }
            }
            Jump::AssertNot => {
                if r {
                    if self.repeat != NONE {
                        self.mark_pop_discard(f.lastmark());
                    }
                    return Act::Ret(false);
                }
                if self.repeat != NONE {
                    self.mark_pop(f.lastmark());
                }
                self.lastmark_restore(fi);
                let Inst::AssertNot { tail, .. } = cx.prog.insts[f.pc()] else {
                    unreachable!("an AssertNot frame");
                };
                Act::Cont {
                    pc: tail as usize,
                    ptr: f.ptr,
                }
            }
        }
    }
}

#[inline]
fn same_folded(fold: crate::compiler::Fold, a: u32, b: u32) -> bool {
    use crate::compiler::Fold;
    match fold {
        Fold::None => a == b,
        Fold::Ascii | Fold::Locale => unicode::lower_ascii(a) == unicode::lower_ascii(b),
        Fold::Unicode => unicode::lower_unicode(a) == unicode::lower_unicode(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_stay_small() {
        assert!(std::mem::size_of::<Frame>() <= 48);
    }
}
