//! GIL timelines: `ftl run --runtime R --timeline FILE ...`'s event log
//! turned into state intervals, summary figures and an SVG in the style of
//! David Beazley's plots ("Understanding the Python GIL", PyCon 2010: one
//! row per thread, time across, the GIL's holder drawn solid).
//!
//! Input: `{"runtime": R, "events": [{"t_ns", "thread", "kind", "arg"}]}`
//! as the GIL runtimes write it. The kinds read are `GilRequest` (the
//! thread starts waiting for the GIL), `GilTake` (it takes it; `arg` = ns
//! waited), `GilDrop`, `DropRequest` (this thread, a waiter, set
//! `gil_drop_request`) and `ForcedSwitch` (this thread dropped the GIL on
//! request and waited until another took it; emitted when that wait
//! ends), the names of CPython's `Python/ceval_gil.c` mechanism; any
//! other kind (`GcStart`, `StwEnd`, ...) is counted and skipped.
//!
//! Mechanism:
//!
//! * [`parse`] sorts the events by time, stably (emission order breaks
//!   ties), since per-thread clocks read just before or after a lock
//!   operation can interleave by a few ns across threads.
//! * [`rows`] runs one small state machine per thread: *waiting* from
//!   `GilRequest` to `GilTake`, *holding* from `GilTake` to `GilDrop`, and
//!   otherwise running without the GIL or idle (blocked in I/O, joined,
//!   finished: the log cannot tell these apart). A `GilTake` with no
//!   request before it counts as a wait of `arg` ns. A state still open
//!   when the log ends (a daemon thread waiting at exit) is closed at the
//!   last event and marked `open`. Instants are marks: a drop request on
//!   the waiter's row and, when some other thread held the GIL at that
//!   moment, on the holder's row; a forced switch on the row of the thread
//!   that was forced out.
//! * [`summarize`] adds up the whole log (not just the drawn window): per
//!   thread the time holding and waiting, acquisitions, the longest wait;
//!   overall the switches (a `GilTake` by another thread than the previous
//!   `GilTake`) and their rate over the contended span (from the second
//!   thread's first event to the end), drop requests, forced switches.
//! * [`render`] draws a window of [`WINDOW_MS`] ms starting just before
//!   the second thread's first event (the whole log when it is shorter).
//!   Bounding: the window is rasterised into [`PLOT_WIDTH`] columns, one
//!   per pixel; a column shows the state that covers most of it among
//!   holding and waiting (so a sub-pixel hold stays visible), runs of
//!   equal columns become one rectangle, and a mark is drawn only
//!   [`MARK_GAP`] px or more after the previous one of its kind on its
//!   row (the glyphs are 8 px wide: closer ones would only blot the band;
//!   the counts are in the summary). All rectangles of one state in one
//!   row are a single `<path>`, as are all marks of one kind, so the SVG
//!   has O(rows × columns) bytes (under 40 bytes per column and row in
//!   the worst case, about 1 MB at [`MAX_ROWS`] rows), whatever the
//!   number of events.
//!
//! Invariants: intervals of one row never overlap and are sorted; every
//! interval has `start_ns < end_ns`; nothing here panics on any input
//! (malformed JSON is an error, an empty log draws an empty chart); the
//! SVG has no script, no external reference and no element ids, so it can
//! be inlined into `index.html` beside others.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;
use std::process::Command;

use serde::{Deserialize, Serialize};

use super::report::escape;
use super::workload::Workload;

/// The drawn window's length, in ms.
pub const WINDOW_MS: u64 = 50;
/// How much of the window comes before the second thread's first event,
/// in ms (so the first thread's holding is visible when it arrives).
pub const LEAD_MS: u64 = 2;
/// Columns of the plot area: one per pixel.
pub const PLOT_WIDTH: usize = 900;
/// The least distance between two drawn marks of one kind on one row, px.
pub const MARK_GAP: usize = 4;
/// Threads drawn at most; the others are named in a note.
pub const MAX_ROWS: usize = 32;
/// An SVG up to this size is inlined into `index.html`; a larger one is
/// only linked.
pub const INLINE_LIMIT: usize = 1 << 20;

/// The GIL events a timeline is drawn from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The thread starts waiting for the GIL.
    GilRequest,
    /// It takes the GIL (`arg`: ns waited).
    GilTake,
    /// It drops the GIL.
    GilDrop,
    /// It, a waiter, asked the holder to drop the GIL.
    DropRequest,
    /// It dropped the GIL on request and waited until another took it.
    ForcedSwitch,
}

impl Kind {
    fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "GilRequest" => Kind::GilRequest,
            "GilTake" => Kind::GilTake,
            "GilDrop" => Kind::GilDrop,
            "DropRequest" => Kind::DropRequest,
            "ForcedSwitch" => Kind::ForcedSwitch,
            _ => return None,
        })
    }
}

/// One event of the log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Event {
    /// Nanoseconds on the runtime's monotonic clock.
    pub t_ns: u64,
    /// The thread's small dense id.
    pub thread: u32,
    /// What happened.
    pub kind: Kind,
    /// `GilTake`: ns waited; otherwise 0.
    pub arg: u64,
}

/// A parsed log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    /// The runtime that wrote it.
    pub runtime: String,
    /// The GIL events, sorted by time (stable).
    pub events: Vec<Event>,
    /// Events of other kinds, skipped.
    pub ignored: usize,
}

impl Timeline {
    fn first_ns(&self) -> u64 {
        self.events.first().map_or(0, |e| e.t_ns)
    }

    fn last_ns(&self) -> u64 {
        self.events.last().map_or(0, |e| e.t_ns)
    }

    /// The first event of the second thread to appear, if any.
    fn second_thread_ns(&self) -> Option<u64> {
        let first = self.events.first()?.thread;
        self.events
            .iter()
            .find(|e| e.thread != first)
            .map(|e| e.t_ns)
    }
}

#[derive(Deserialize)]
struct RawFile {
    runtime: String,
    events: Vec<RawEvent>,
}

#[derive(Deserialize)]
struct RawEvent {
    t_ns: u64,
    thread: u32,
    kind: String,
    #[serde(default)]
    arg: serde_json::Value,
}

/// Parses a timeline file's text.
pub fn parse(text: &str) -> Result<Timeline, String> {
    let raw: RawFile =
        serde_json::from_str(text).map_err(|e| format!("malformed timeline JSON: {e}"))?;
    let mut ignored = 0;
    let mut events: Vec<Event> = Vec::with_capacity(raw.events.len());
    for e in raw.events {
        match Kind::parse(&e.kind) {
            Some(kind) => events.push(Event {
                t_ns: e.t_ns,
                thread: e.thread,
                kind,
                arg: if kind == Kind::GilTake {
                    e.arg.as_u64().unwrap_or(0)
                } else {
                    0
                },
            }),
            None => ignored += 1,
        }
    }
    events.sort_by_key(|e| e.t_ns);
    Ok(Timeline {
        runtime: raw.runtime,
        events,
        ignored,
    })
}

/// A thread's state between two events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// From `GilRequest` to `GilTake`.
    Waiting,
    /// From `GilTake` to `GilDrop`.
    Holding,
}

/// A span of one state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interval {
    /// Start, ns.
    pub start_ns: u64,
    /// End, ns (> start).
    pub end_ns: u64,
    /// Which state.
    pub state: State,
    /// Still open when the log ended (closed at its last event).
    pub open: bool,
}

/// What an instant mark shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    /// This thread, waiting, asked the holder to drop the GIL.
    DropRequestMade,
    /// This thread held the GIL when another asked it to drop it.
    DropRequestReceived,
    /// This thread was forced to hand the GIL over.
    ForcedSwitch,
}

/// An instant on a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    /// When, ns.
    pub t_ns: u64,
    /// What.
    pub kind: MarkKind,
}

/// One thread's row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The thread's id.
    pub thread: u32,
    /// Its first event, ns.
    pub first_ns: u64,
    /// Its last event, ns.
    pub last_ns: u64,
    /// Its waiting and holding spans, sorted, not overlapping.
    pub intervals: Vec<Interval>,
    /// Its marks, sorted.
    pub marks: Vec<Mark>,
    /// Its `GilTake`s.
    pub acquisitions: u64,
}

/// The rows of a timeline, by thread id (module doc).
pub fn rows(tl: &Timeline) -> Vec<Row> {
    let start = tl.first_ns();
    let end = tl.last_ns();
    let mut index: BTreeMap<u32, usize> = BTreeMap::new();
    let mut rows: Vec<Row> = Vec::new();
    let mut open: Vec<Option<(State, u64)>> = Vec::new();
    let mut holder: Option<usize> = None;
    let push = |row: &mut Row, state: State, from: u64, to: u64, open: bool| {
        if to > from {
            row.intervals.push(Interval {
                start_ns: from,
                end_ns: to,
                state,
                open,
            });
        }
    };
    for e in &tl.events {
        let i = *index.entry(e.thread).or_insert_with(|| {
            rows.push(Row {
                thread: e.thread,
                first_ns: e.t_ns,
                last_ns: e.t_ns,
                intervals: Vec::new(),
                marks: Vec::new(),
                acquisitions: 0,
            });
            open.push(None);
            rows.len() - 1
        });
        let t = e.t_ns;
        let previous = rows[i].last_ns;
        rows[i].last_ns = t;
        match e.kind {
            Kind::GilRequest => match open[i] {
                Some((State::Waiting, _)) => {}
                Some((State::Holding, s)) => {
                    push(&mut rows[i], State::Holding, s, t, false);
                    if holder == Some(i) {
                        holder = None;
                    }
                    open[i] = Some((State::Waiting, t));
                }
                None => open[i] = Some((State::Waiting, t)),
            },
            Kind::GilTake => {
                match open[i] {
                    Some((State::Waiting, s)) => push(&mut rows[i], State::Waiting, s, t, false),
                    Some((State::Holding, _)) => {}
                    None => {
                        // No request logged: the wait `arg` reports, not
                        // before the thread's previous event.
                        let from = t.saturating_sub(e.arg).max(start);
                        let from = if rows[i].first_ns < t {
                            from.max(previous)
                        } else {
                            from
                        };
                        push(&mut rows[i], State::Waiting, from, t, false);
                    }
                }
                if !matches!(open[i], Some((State::Holding, _))) {
                    open[i] = Some((State::Holding, t));
                }
                rows[i].acquisitions += 1;
                holder = Some(i);
            }
            Kind::GilDrop => {
                if let Some((State::Holding, s)) = open[i] {
                    push(&mut rows[i], State::Holding, s, t, false);
                    open[i] = None;
                }
                if holder == Some(i) {
                    holder = None;
                }
            }
            Kind::DropRequest => {
                rows[i].marks.push(Mark {
                    t_ns: t,
                    kind: MarkKind::DropRequestMade,
                });
                if let Some(h) = holder.filter(|&h| h != i) {
                    rows[h].marks.push(Mark {
                        t_ns: t,
                        kind: MarkKind::DropRequestReceived,
                    });
                }
            }
            Kind::ForcedSwitch => rows[i].marks.push(Mark {
                t_ns: t,
                kind: MarkKind::ForcedSwitch,
            }),
        }
    }
    for (row, o) in rows.iter_mut().zip(open) {
        if let Some((state, s)) = o {
            push(row, state, s, end, true);
        }
    }
    rows.sort_by_key(|r| r.thread);
    rows
}

/// One thread's figures over the whole log.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ThreadSummary {
    /// The thread's id.
    pub thread: u32,
    /// Time holding the GIL, ms.
    pub holding_ms: f64,
    /// Time waiting for it, ms.
    pub waiting_ms: f64,
    /// `GilTake`s.
    pub acquisitions: u64,
    /// The longest wait, ms.
    pub max_wait_ms: f64,
    /// Drop requests it made (as a waiter).
    pub drop_requests: u64,
    /// Times it was forced to hand the GIL over.
    pub forced_switches: u64,
}

/// The whole log's figures.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// GIL events read.
    pub events: usize,
    /// Events of other kinds, skipped.
    pub ignored_events: usize,
    /// Threads seen.
    pub threads: usize,
    /// First to last event, ms.
    pub duration_ms: f64,
    /// From the second thread's first event to the last event, ms (0 with
    /// one thread).
    pub contended_ms: f64,
    /// `GilTake`s.
    pub acquisitions: u64,
    /// `GilTake`s by another thread than the previous `GilTake`.
    pub switches: u64,
    /// Switches per second of the contended span.
    pub switches_per_s: Option<f64>,
    /// Drop requests.
    pub drop_requests: u64,
    /// Forced switches.
    pub forced_switches: u64,
    /// Per thread, by id.
    pub per_thread: Vec<ThreadSummary>,
}

fn ms(ns: u64) -> f64 {
    ns as f64 / 1e6
}

/// The figures of a log and its rows (module doc).
pub fn summarize(tl: &Timeline, rows: &[Row]) -> Summary {
    let mut switches = 0;
    let mut last_taker = None;
    for e in tl.events.iter().filter(|e| e.kind == Kind::GilTake) {
        if last_taker.is_some_and(|t| t != e.thread) {
            switches += 1;
        }
        last_taker = Some(e.thread);
    }
    let count = |kind: Kind| tl.events.iter().filter(|e| e.kind == kind).count() as u64;
    let contended = tl
        .second_thread_ns()
        .map_or(0, |s| tl.last_ns().saturating_sub(s));
    let per_thread = rows
        .iter()
        .map(|r| {
            let total = |s: State| {
                r.intervals
                    .iter()
                    .filter(|i| i.state == s)
                    .map(|i| i.end_ns - i.start_ns)
                    .sum::<u64>()
            };
            let marks = |k: MarkKind| r.marks.iter().filter(|m| m.kind == k).count() as u64;
            ThreadSummary {
                thread: r.thread,
                holding_ms: ms(total(State::Holding)),
                waiting_ms: ms(total(State::Waiting)),
                acquisitions: r.acquisitions,
                max_wait_ms: ms(r
                    .intervals
                    .iter()
                    .filter(|i| i.state == State::Waiting)
                    .map(|i| i.end_ns - i.start_ns)
                    .max()
                    .unwrap_or(0)),
                drop_requests: marks(MarkKind::DropRequestMade),
                forced_switches: marks(MarkKind::ForcedSwitch),
            }
        })
        .collect();
    Summary {
        events: tl.events.len(),
        ignored_events: tl.ignored,
        threads: rows.len(),
        duration_ms: ms(tl.last_ns() - tl.first_ns()),
        contended_ms: ms(contended),
        acquisitions: count(Kind::GilTake),
        switches,
        switches_per_s: (contended > 0).then(|| switches as f64 / (contended as f64 / 1e9)),
        drop_requests: count(Kind::DropRequest),
        forced_switches: count(Kind::ForcedSwitch),
        per_thread,
    }
}

/// The drawn window `(start_ns, end_ns)`, `end > start`: [`WINDOW_MS`]
/// from [`LEAD_MS`] before the second thread's first event, moved back to
/// fit in the log; the whole log when it is shorter.
pub fn default_window(tl: &Timeline) -> (u64, u64) {
    let (t0, t1) = (tl.first_ns(), tl.last_ns());
    let len = WINDOW_MS * 1_000_000;
    if t1 - t0 <= len {
        let start = t0.min(u64::MAX - 1);
        return (start, start + (t1 - start).max(1));
    }
    let anchor = tl.second_thread_ns().unwrap_or(t0);
    let mut start = anchor.saturating_sub(LEAD_MS * 1_000_000).max(t0);
    if start.saturating_add(len) > t1 {
        start = t1 - len;
    }
    (start, start + len)
}

// Layout of the SVG, in px.
const LEFT: usize = 80;
const RIGHT: usize = 300;
const WIDTH: usize = LEFT + PLOT_WIDTH + RIGHT;
const TOP: usize = 92;
const ROW_H: usize = 30;
const BAND_H: usize = 14;
const HOLD: &str = "#2e9e44";
const WAIT: &str = "#f6a27c";
const REQUEST: &str = "#c0262d";
const FORCED: &str = "#27408b";

/// Column coverage of one row's intervals of one state.
fn coverage(row: &Row, state: State, window: (u64, u64), per_col: f64) -> Vec<f64> {
    let mut cov = vec![0.0f64; PLOT_WIDTH];
    for i in row.intervals.iter().filter(|i| i.state == state) {
        let (a, b) = (i.start_ns.max(window.0), i.end_ns.min(window.1));
        if a >= b {
            continue;
        }
        let x0 = (a - window.0) as f64 / per_col;
        let x1 = ((b - window.0) as f64 / per_col).min(PLOT_WIDTH as f64);
        let mut c = x0.floor() as usize;
        while c < PLOT_WIDTH && (c as f64) < x1 {
            let overlap = x1.min(c as f64 + 1.0) - x0.max(c as f64);
            cov[c] += overlap.max(0.0);
            c += 1;
        }
    }
    cov
}

/// `t` as a column of the window, if inside it.
fn column(t: u64, window: (u64, u64), per_col: f64) -> Option<usize> {
    if t < window.0 || t > window.1 {
        return None;
    }
    Some((((t - window.0) as f64 / per_col) as usize).min(PLOT_WIDTH - 1))
}

/// A step of 1, 2 or 5 × 10^k giving about eight ticks over `span`.
fn tick_step(span: f64) -> f64 {
    let raw = (span / 8.0).max(1e-6);
    let mag = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag)
}

fn decimals(step: f64) -> usize {
    if step >= 1.0 {
        0
    } else {
        (-step.log10()).ceil().clamp(0.0, 6.0) as usize
    }
}

/// The SVG of `rows` over `window` (module doc). `detail` goes in the
/// title's parentheses (executor, workers, size).
pub fn render(
    tl: &Timeline,
    rows: &[Row],
    summary: &Summary,
    window: (u64, u64),
    workload: &str,
    detail: &str,
) -> String {
    let start = window.0.min(u64::MAX - 1);
    let window = (start, window.1.max(start + 1));
    let per_col = (window.1 - window.0) as f64 / PLOT_WIDTH as f64;
    let t0 = tl.first_ns();
    let (w0, w1) = (
        ms(window.0.saturating_sub(t0)),
        ms(window.1.saturating_sub(t0)),
    );
    let whole = window.0 <= t0 && window.1 >= tl.last_ns();
    let span = if whole {
        format!("the whole run, {:.1} ms", summary.duration_ms)
    } else {
        format!(
            "{:.1} ms from {w0:.1} ms, of {:.1} ms",
            w1 - w0,
            summary.duration_ms
        )
    };
    let shown = &rows[..rows.len().min(MAX_ROWS)];
    let plot_h = shown.len().max(1) * ROW_H;
    let height = TOP + plot_h + 60;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height}\" \
         viewBox=\"0 0 {WIDTH} {height}\" font-family=\"sans-serif\" font-size=\"12\">\n\
         <rect width=\"{WIDTH}\" height=\"{height}\" fill=\"white\"/>\n"
    );
    let title = format!(
        "GIL timeline: {} running {workload} ({detail}{}{span})",
        tl.runtime,
        if detail.is_empty() { "" } else { "; " }
    );
    let _ = writeln!(
        s,
        "<text x=\"{LEFT}\" y=\"22\" font-size=\"16\" font-weight=\"bold\">{}</text>",
        escape(&title)
    );
    let rate = summary
        .switches_per_s
        .map_or_else(|| "—".to_string(), |r| format!("{r:.0}"));
    let _ = writeln!(
        s,
        "<text x=\"{LEFT}\" y=\"42\">{} threads, {} acquisitions, {} switches ({rate}/s while contended), {} drop requests, {} forced switches (whole run)</text>",
        summary.threads,
        summary.acquisitions,
        summary.switches,
        summary.drop_requests,
        summary.forced_switches
    );
    legend(&mut s, 66);
    // Time axis.
    let axis_y = TOP + plot_h;
    let _ = writeln!(
        s,
        "<path d=\"M{LEFT} {TOP}V{axis_y}H{}\" stroke=\"#555\" fill=\"none\"/>",
        LEFT + PLOT_WIDTH
    );
    let step = tick_step(w1 - w0);
    let places = decimals(step);
    let mut tick = (w0 / step).ceil() * step;
    let mut ticks = String::new();
    let mut guard = 0;
    while tick <= w1 + step * 1e-9 && guard < 40 {
        let x = LEFT as f64 + (tick - w0) / (w1 - w0).max(1e-9) * PLOT_WIDTH as f64;
        let _ = write!(ticks, "M{x:.1} {axis_y}v5");
        let _ = writeln!(
            s,
            "<text x=\"{x:.1}\" y=\"{}\" text-anchor=\"middle\">{tick:.places$}</text>",
            axis_y + 18
        );
        tick += step;
        guard += 1;
    }
    let _ = writeln!(s, "<path d=\"{ticks}\" stroke=\"#555\"/>");
    let _ = writeln!(
        s,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">time since the first event (ms)</text>",
        LEFT + PLOT_WIDTH / 2,
        axis_y + 38
    );
    if shown.is_empty() {
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#777\">no GIL events recorded</text>",
            LEFT + PLOT_WIDTH / 2,
            TOP + ROW_H / 2 + 4
        );
    }
    for (k, row) in shown.iter().enumerate() {
        draw_row(&mut s, row, summary, k, window, per_col);
    }
    if rows.len() > shown.len() {
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{}\" fill=\"#777\">{} more threads not drawn</text>",
            LEFT + PLOT_WIDTH + 10,
            axis_y + 18,
            rows.len() - shown.len()
        );
    }
    s.push_str("</svg>\n");
    s
}

fn legend(s: &mut String, y: usize) {
    let glyphs: [(String, &str); 6] = [
        (
            format!(
                "<rect x=\"0\" y=\"{}\" width=\"14\" height=\"10\" fill=\"{HOLD}\"/>",
                y - 5
            ),
            "holding the GIL",
        ),
        (
            format!(
                "<rect x=\"0\" y=\"{}\" width=\"14\" height=\"10\" fill=\"{WAIT}\"/>",
                y - 5
            ),
            "waiting for it",
        ),
        (
            format!("<path d=\"M0 {y}h14\" stroke=\"#999\"/>"),
            "without it (running, blocked, idle)",
        ),
        (
            format!("<path d=\"M7 {y}l-4 -6h8z\" fill=\"{REQUEST}\"/>"),
            "drop request made",
        ),
        (
            format!(
                "<path d=\"M7 {}v10\" stroke=\"{REQUEST}\" stroke-width=\"2\"/>",
                y - 5
            ),
            "drop request received",
        ),
        (
            format!("<path d=\"M7 {}l-4 6h8z\" fill=\"{FORCED}\"/>", y - 3),
            "forced switch",
        ),
    ];
    let mut x = LEFT;
    for (glyph, label) in glyphs {
        let _ = writeln!(
            s,
            "<g transform=\"translate({x} 0)\">{glyph}<text x=\"18\" y=\"{}\">{}</text></g>",
            y + 4,
            escape(label)
        );
        x += 18 + label.chars().count() * 13 / 2 + 22;
    }
}

fn draw_row(
    s: &mut String,
    row: &Row,
    summary: &Summary,
    k: usize,
    window: (u64, u64),
    per_col: f64,
) {
    let top = TOP + k * ROW_H + (ROW_H - BAND_H) / 2;
    let mid = top + BAND_H / 2;
    let _ = writeln!(
        s,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">thread {}</text>",
        LEFT - 8,
        mid + 4,
        row.thread
    );
    if k % 2 == 1 {
        let _ = writeln!(
            s,
            "<rect x=\"{LEFT}\" y=\"{}\" width=\"{PLOT_WIDTH}\" height=\"{ROW_H}\" fill=\"#f4f4f4\"/>",
            TOP + k * ROW_H
        );
    }
    // Alive: from the thread's first to its last event.
    let (a, b) = (row.first_ns.max(window.0), row.last_ns.min(window.1));
    if a < b {
        let x0 = LEFT as f64 + (a - window.0) as f64 / per_col;
        let x1 = LEFT as f64 + (b - window.0) as f64 / per_col;
        let _ = writeln!(s, "<path d=\"M{x0:.1} {mid}H{x1:.1}\" stroke=\"#999\"/>");
    }
    let hold = coverage(row, State::Holding, window, per_col);
    let wait = coverage(row, State::Waiting, window, per_col);
    // 0: nothing, 1: holding, 2: waiting.
    let state: Vec<u8> = hold
        .iter()
        .zip(&wait)
        .map(|(&h, &w)| match (h > 0.0, w > 0.0) {
            (false, false) => 0,
            _ if h >= w => 1,
            _ => 2,
        })
        .collect();
    for (code, color) in [(1u8, HOLD), (2u8, WAIT)] {
        let mut d = String::new();
        let mut c = 0;
        while c < PLOT_WIDTH {
            if state[c] != code {
                c += 1;
                continue;
            }
            let from = c;
            while c < PLOT_WIDTH && state[c] == code {
                c += 1;
            }
            let _ = write!(
                d,
                "M{} {top}h{}v{BAND_H}h-{}z",
                LEFT + from,
                c - from,
                c - from
            );
        }
        if !d.is_empty() {
            let _ = writeln!(s, "<path d=\"{d}\" fill=\"{color}\"/>");
        }
    }
    for kind in [
        MarkKind::DropRequestReceived,
        MarkKind::DropRequestMade,
        MarkKind::ForcedSwitch,
    ] {
        let mut last: Option<usize> = None;
        let mut d = String::new();
        for m in row.marks.iter().filter(|m| m.kind == kind) {
            let Some(c) = column(m.t_ns, window, per_col) else {
                continue;
            };
            if last.is_some_and(|l| c < l + MARK_GAP) {
                continue;
            }
            last = Some(c);
            let x = LEFT + c;
            let _ = match kind {
                MarkKind::DropRequestMade => write!(d, "M{x}.5 {top}l-4 -6h8z"),
                MarkKind::DropRequestReceived => write!(d, "M{x}.5 {}v{}", top - 3, BAND_H / 2 + 3),
                MarkKind::ForcedSwitch => write!(d, "M{x}.5 {}l-4 6h8z", top + BAND_H),
            };
        }
        if d.is_empty() {
            continue;
        }
        let _ = match kind {
            MarkKind::DropRequestReceived => writeln!(
                s,
                "<path d=\"{d}\" stroke=\"{REQUEST}\" stroke-width=\"2\" fill=\"none\"/>"
            ),
            MarkKind::DropRequestMade => writeln!(s, "<path d=\"{d}\" fill=\"{REQUEST}\"/>"),
            MarkKind::ForcedSwitch => writeln!(s, "<path d=\"{d}\" fill=\"{FORCED}\"/>"),
        };
    }
    if let Some(t) = summary.per_thread.iter().find(|t| t.thread == row.thread) {
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{}\" fill=\"#333\">hold {:.1} ms, wait {:.1} ms, {} takes</text>",
            LEFT + PLOT_WIDTH + 10,
            mid + 4,
            t.holding_ms,
            t.waiting_ms,
            t.acquisitions
        );
    }
}

/// A rendered timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Rendered {
    /// The whole log's figures.
    pub summary: Summary,
    /// The drawn window, ms since the log's first event.
    pub window_ms: [f64; 2],
    /// The SVG text.
    pub svg: String,
}

/// Parses a log, summarises it and draws its default window.
pub fn process(text: &str, workload: &str, detail: &str) -> Result<Rendered, String> {
    let tl = parse(text)?;
    let rows = rows(&tl);
    let summary = summarize(&tl, &rows);
    let window = default_window(&tl);
    let t0 = tl.first_ns();
    let svg = render(&tl, &rows, &summary, window, workload, detail);
    Ok(Rendered {
        summary,
        window_ms: [
            ms(window.0.saturating_sub(t0)),
            ms(window.1.saturating_sub(t0)),
        ],
        svg,
    })
}

/// A timeline run as `results.json` records it (its `timelines` array).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Record {
    /// The runtime.
    pub runtime: String,
    /// The workload.
    pub workload: String,
    /// Always `threads`.
    pub executor: String,
    /// Worker threads.
    pub workers: u32,
    /// The SIZE argument.
    pub size: u64,
    /// `ok`, `failed` or `timeout`.
    pub status: String,
    /// Why it failed.
    pub reason: Option<String>,
    /// The run's wall time, s (recording included).
    pub wall_s: Option<f64>,
    /// The event log, relative to the output folder.
    pub json: String,
    /// The chart, relative to the output folder.
    pub svg: Option<String>,
    /// The chart's size in bytes.
    pub svg_bytes: Option<usize>,
    /// The drawn window, ms since the first event.
    pub window_ms: Option<[f64; 2]>,
    /// The whole log's figures.
    pub summary: Option<Summary>,
    /// The SVG text, when small enough to inline into `index.html`.
    #[serde(skip)]
    pub inline_svg: Option<String>,
}

/// The worker count a timeline runs with: the workload's largest ≤ 2,
/// else its first.
pub fn workers(w: &Workload) -> u32 {
    w.workers
        .iter()
        .copied()
        .filter(|&n| n <= 2)
        .max()
        .or_else(|| w.workers.first().copied())
        .unwrap_or(1)
}

/// `cmd` (an `ftl run --runtime R PROGRAM ...` command) with
/// `--timeline FILE` after `--runtime R`.
pub fn with_flag(cmd: &Command, file: &Path) -> Result<Command, String> {
    let args: Vec<_> = cmd.get_args().collect();
    let Some(at) = args.iter().position(|a| *a == "--runtime") else {
        return Err("--timeline: not an `ftl run --runtime` command".into());
    };
    if at + 1 >= args.len() {
        return Err("--timeline: `--runtime` has no value".into());
    }
    let mut out = Command::new(cmd.get_program());
    out.args(&args[..at + 2]).arg("--timeline").arg(file);
    out.args(&args[at + 2..]);
    if let Some(dir) = cmd.get_current_dir() {
        out.current_dir(dir);
    }
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => out.env(k, v),
            None => out.env_remove(k),
        };
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(t: u64, thread: u32, kind: &str, arg: u64) -> String {
        format!("{{\"t_ns\": {t}, \"thread\": {thread}, \"kind\": \"{kind}\", \"arg\": {arg}}}")
    }

    fn log(events: &[String]) -> String {
        format!(
            "{{\"runtime\": \"gil-new\", \"events\": [{}]}}",
            events.join(", ")
        )
    }

    const MS: u64 = 1_000_000;

    /// Thread 1 starts alone, thread 2 arrives at 10 ms and asks for a
    /// drop at 15 ms; 1 is forced out, 2 holds until 20 ms, 1 takes back,
    /// 2 asks again at 30 ms, is handed the GIL at 31 ms and holds it to the
    /// end; thread 1 ends waiting (log ends at 40 ms). A `GcStart` is
    /// skipped; events come out of order.
    fn sample() -> String {
        log(&[
            ev(0, 1, "GilRequest", 0),
            ev(0, 1, "GilTake", 0),
            ev(10 * MS, 2, "GilRequest", 0),
            ev(15 * MS, 2, "DropRequest", 0),
            ev(16 * MS, 1, "GilDrop", 0),
            ev(16 * MS, 2, "GilTake", 6 * MS),
            ev(16 * MS, 1, "GilRequest", 0),
            ev(16 * MS + 1000, 1, "ForcedSwitch", 0),
            ev(17 * MS, 1, "GcStart", 0),
            ev(20 * MS, 2, "GilDrop", 0),
            ev(20 * MS, 1, "GilTake", 4 * MS),
            ev(30 * MS, 2, "DropRequest", 0),
            ev(25 * MS, 2, "GilRequest", 0),
            ev(31 * MS, 1, "GilDrop", 0),
            ev(31 * MS, 2, "GilTake", 6 * MS),
            ev(31 * MS, 1, "GilRequest", 0),
            ev(31 * MS + 500, 1, "ForcedSwitch", 0),
            ev(40 * MS, 2, "GilDrop", 0),
            ev(40 * MS, 2, "GilRequest", 0),
            ev(40 * MS, 2, "GilTake", 0),
        ])
    }

    fn iv(start: u64, end: u64, state: State, open: bool) -> Interval {
        Interval {
            start_ns: start,
            end_ns: end,
            state,
            open,
        }
    }

    #[test]
    fn parses_sorts_and_skips_other_kinds() {
        let tl = parse(&sample()).unwrap();
        assert_eq!(tl.runtime, "gil-new");
        assert_eq!(tl.ignored, 1);
        assert_eq!(tl.events.len(), 19);
        assert!(tl.events.windows(2).all(|w| w[0].t_ns <= w[1].t_ns));
        // Stable: the tie at 16 ms keeps emission order.
        let at16: Vec<Kind> = tl
            .events
            .iter()
            .filter(|e| e.t_ns == 16 * MS)
            .map(|e| e.kind)
            .collect();
        assert_eq!(at16, [Kind::GilDrop, Kind::GilTake, Kind::GilRequest]);
        let take = tl
            .events
            .iter()
            .find(|e| e.thread == 2 && e.kind == Kind::GilTake);
        assert_eq!(take.map(|e| e.arg), Some(6 * MS));
        // The 25 ms request, logged after the 30 ms drop request, comes first.
        let i25 = tl.events.iter().position(|e| e.t_ns == 25 * MS);
        let i30 = tl.events.iter().position(|e| e.t_ns == 30 * MS);
        assert!(i25 < i30);
    }

    #[test]
    fn malformed_json_is_an_error() {
        for bad in [
            "",
            "{",
            "[]",
            "{\"runtime\": \"x\"}",
            "{\"runtime\": \"x\", \"events\": [{\"t_ns\": -1, \"thread\": 1, \"kind\": \"GilTake\"}]}",
            "{\"runtime\": \"x\", \"events\": [{\"t_ns\": 1, \"kind\": \"GilTake\"}]}",
            "{\"runtime\": \"x\", \"events\": [{\"t_ns\": 1.5, \"thread\": 1, \"kind\": \"GilTake\"}]}",
        ] {
            let e = parse(bad).unwrap_err();
            assert!(e.starts_with("malformed timeline JSON"), "{bad:?}: {e}");
            assert!(process(bad, "w", "").is_err());
        }
        // A missing arg is 0.
        let tl = parse("{\"runtime\": \"x\", \"events\": [{\"t_ns\": 1, \"thread\": 1, \"kind\": \"GilTake\"}]}").unwrap();
        assert_eq!(tl.events[0].arg, 0);
    }

    #[test]
    fn intervals_and_marks() {
        let tl = parse(&sample()).unwrap();
        let rows = rows(&tl);
        assert_eq!(rows.len(), 2);
        let (one, two) = (&rows[0], &rows[1]);
        assert_eq!(one.thread, 1);
        assert_eq!(
            one.intervals,
            [
                iv(0, 16 * MS, State::Holding, false),
                iv(16 * MS, 20 * MS, State::Waiting, false),
                iv(20 * MS, 31 * MS, State::Holding, false),
                // Ends waiting: closed at the log's end, open.
                iv(31 * MS, 40 * MS, State::Waiting, true),
            ]
        );
        assert_eq!(
            two.intervals,
            [
                iv(10 * MS, 16 * MS, State::Waiting, false),
                iv(16 * MS, 20 * MS, State::Holding, false),
                iv(25 * MS, 31 * MS, State::Waiting, false),
                iv(31 * MS, 40 * MS, State::Holding, false),
                // The uncontended re-take at 40 ms leaves no empty span but
                // stays holding to the end (zero length: dropped).
            ]
        );
        assert_eq!((two.first_ns, two.last_ns), (10 * MS, 40 * MS));
        assert_eq!(
            two.marks,
            [
                Mark {
                    t_ns: 15 * MS,
                    kind: MarkKind::DropRequestMade
                },
                Mark {
                    t_ns: 30 * MS,
                    kind: MarkKind::DropRequestMade
                },
            ]
        );
        // The holder's row gets the request too, and its forced switches.
        let kinds: Vec<(u64, MarkKind)> = one.marks.iter().map(|m| (m.t_ns, m.kind)).collect();
        assert_eq!(
            kinds,
            [
                (15 * MS, MarkKind::DropRequestReceived),
                (16 * MS + 1000, MarkKind::ForcedSwitch),
                (30 * MS, MarkKind::DropRequestReceived),
                (31 * MS + 500, MarkKind::ForcedSwitch),
            ]
        );
        for r in &rows {
            assert!(r.intervals.iter().all(|i| i.start_ns < i.end_ns));
            assert!(r.intervals.windows(2).all(|w| w[0].end_ns <= w[1].start_ns));
        }
    }

    #[test]
    fn a_take_without_request_waits_its_arg() {
        let tl = parse(&log(&[
            ev(5 * MS, 1, "GilTake", 2 * MS),
            ev(6 * MS, 1, "GilDrop", 0),
            ev(9 * MS, 1, "GilTake", 10 * MS),
        ]))
        .unwrap();
        let r = rows(&tl);
        assert_eq!(
            r[0].intervals,
            [
                // Not before the log's start, nor the thread's last event.
                iv(5 * MS, 6 * MS, State::Holding, false),
                iv(6 * MS, 9 * MS, State::Waiting, false),
            ]
        );
        assert_eq!(r[0].acquisitions, 2);
    }

    #[test]
    fn summary_figures() {
        let tl = parse(&sample()).unwrap();
        let s = summarize(&tl, &rows(&tl));
        assert_eq!(s.events, 19);
        assert_eq!(s.ignored_events, 1);
        assert_eq!(s.threads, 2);
        assert_eq!(s.duration_ms, 40.0);
        assert_eq!(s.contended_ms, 30.0);
        // Takes: 1@0, 2@16, 1@20, 2@31, 2@40: three switches.
        assert_eq!(s.acquisitions, 5);
        assert_eq!(s.switches, 3);
        assert_eq!(s.switches_per_s, Some(100.0));
        assert_eq!(s.drop_requests, 2);
        assert_eq!(s.forced_switches, 2);
        let one = &s.per_thread[0];
        assert_eq!(
            (one.holding_ms, one.waiting_ms, one.acquisitions),
            (27.0, 13.0, 2)
        );
        assert_eq!(one.max_wait_ms, 9.0);
        assert_eq!((one.drop_requests, one.forced_switches), (0, 2));
        let two = &s.per_thread[1];
        assert_eq!(
            (two.holding_ms, two.waiting_ms, two.acquisitions),
            (13.0, 12.0, 3)
        );
        assert_eq!((two.drop_requests, two.forced_switches), (2, 0));
        // One thread alone: no contended span, no rate.
        let alone = parse(&log(&[ev(0, 1, "GilTake", 0), ev(MS, 1, "GilDrop", 0)])).unwrap();
        let s = summarize(&alone, &rows(&alone));
        assert_eq!((s.switches, s.switches_per_s), (0, None));
    }

    #[test]
    fn windows() {
        // Short log: all of it.
        let tl = parse(&sample()).unwrap();
        assert_eq!(default_window(&tl), (0, 40 * MS));
        // Long log: from 2 ms before thread 2 arrives at 100 ms.
        let long = parse(&log(&[
            ev(0, 1, "GilTake", 0),
            ev(100 * MS, 2, "GilRequest", 0),
            ev(1000 * MS, 1, "GilDrop", 0),
        ]))
        .unwrap();
        assert_eq!(default_window(&long), (98 * MS, 148 * MS));
        // Thread 2 arrives near the end: the window moves back.
        let late = parse(&log(&[
            ev(0, 1, "GilTake", 0),
            ev(990 * MS, 2, "GilRequest", 0),
            ev(1000 * MS, 1, "GilDrop", 0),
        ]))
        .unwrap();
        assert_eq!(default_window(&late), (950 * MS, 1000 * MS));
        let empty = parse("{\"runtime\": \"x\", \"events\": []}").unwrap();
        assert_eq!(default_window(&empty), (0, 1));
        // The clock's last value: no overflow.
        let end = log(&[
            ev(u64::MAX, 1, "GilTake", 0),
            ev(u64::MAX, 2, "GilRequest", 0),
        ]);
        let tl = parse(&end).unwrap();
        assert_eq!(default_window(&tl), (u64::MAX - 1, u64::MAX));
        assert!(process(&end, "w", "").is_ok());
    }

    #[test]
    fn the_svg_has_rows_a_legend_and_no_script() {
        let r = process(&sample(), "countdown", "threads×2, size 1000").unwrap();
        let svg = &r.svg;
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains(
            "GIL timeline: gil-new running countdown (threads×2, size 1000; the whole run, 40.0 ms)"
        ));
        assert!(svg.contains(">thread 1<") && svg.contains(">thread 2<"));
        assert!(!svg.contains(">thread 3<"));
        for label in [
            "holding the GIL",
            "waiting for it",
            "drop request made",
            "drop request received",
            "forced switch",
        ] {
            assert!(svg.contains(label), "{label}");
        }
        assert!(svg.contains(HOLD) && svg.contains(WAIT) && svg.contains(FORCED));
        assert!(!svg.contains("<script") && !svg.contains(" id=") && !svg.contains("href"));
        assert!(svg.contains("3 switches (100/s while contended)"));
        assert_eq!(r.window_ms, [0.0, 40.0]);
        // Well-formed enough: every opened element is closed.
        assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
        // Names are escaped.
        let odd = process(&sample(), "<a&b>", "").unwrap();
        assert!(odd.svg.contains("&lt;a&amp;b&gt;") && !odd.svg.contains("<a&b>"));
        // An empty log draws an empty chart.
        let empty = process("{\"runtime\": \"x\", \"events\": []}", "w", "").unwrap();
        assert!(empty.svg.contains("no GIL events recorded"));
    }

    #[test]
    fn the_svg_stays_bounded_for_200k_events() {
        // Three threads taking turns every 2 µs for 100k takes (0.2 s),
        // with a drop request and a forced switch at every turn.
        let mut events = Vec::with_capacity(200_000);
        let mut t = 0;
        for k in 0..40_000u64 {
            let th = (k % 3) as u32 + 1;
            events.push(ev(t, th, "GilTake", 1000));
            events.push(ev(t + 500, th % 3 + 1, "DropRequest", 0));
            events.push(ev(t + 1000, th, "GilDrop", 0));
            events.push(ev(t + 1000, th, "GilRequest", 0));
            events.push(ev(t + 1500, th, "ForcedSwitch", 0));
            t += 2000;
        }
        assert_eq!(events.len(), 200_000);
        let r = process(&log(&events), "w", "").unwrap();
        assert!(r.svg.len() < 1_500_000, "{} bytes", r.svg.len());
        assert_eq!(r.summary.switches, 39_999);
        assert_eq!(r.summary.events, 200_000);
        assert_eq!(r.window_ms[1] - r.window_ms[0], WINDOW_MS as f64);
        assert!(r.svg.contains(">thread 3<"));
        // The worst case for the drawing: two threads swapping every
        // column (50 µs; a column is 55.6 µs) with every mark, for 100 ms.
        let mut events = Vec::new();
        let mut t = 0;
        for k in 0..2000u64 {
            let (th, other) = if k % 2 == 0 { (1, 2) } else { (2, 1) };
            events.push(ev(t, th, "GilTake", 0));
            events.push(ev(t + 25_000, other, "GilRequest", 0));
            events.push(ev(t + 30_000, other, "DropRequest", 0));
            events.push(ev(t + 50_000, th, "GilDrop", 0));
            events.push(ev(t + 50_000, th, "ForcedSwitch", 0));
            t += 50_000;
        }
        let r = process(&log(&events), "w", "").unwrap();
        let per_row_column = r.svg.len() as f64 / (2.0 * PLOT_WIDTH as f64);
        assert!(per_row_column < 40.0, "{} bytes", r.svg.len());
        assert!(r.svg.matches("<path").count() < 40);
        // Many threads: capped rows.
        let many: Vec<String> = (1..=100)
            .flat_map(|th| {
                [
                    ev(th * 1000, th as u32, "GilTake", 0),
                    ev(th * 1000 + 500, th as u32, "GilDrop", 0),
                ]
            })
            .collect();
        let r = process(&log(&many), "w", "").unwrap();
        assert!(r.svg.contains(&format!(">thread {MAX_ROWS}<")));
        assert!(!r.svg.contains(&format!(">thread {}<", MAX_ROWS + 1)));
        assert!(r.svg.contains("68 more threads not drawn"));
    }

    #[test]
    fn arbitrary_event_orders_keep_the_invariants() {
        let kinds = [
            "GilRequest",
            "GilTake",
            "GilDrop",
            "DropRequest",
            "ForcedSwitch",
            "StwStart",
        ];
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..50 {
            let n = (next() % 300) as usize;
            let events: Vec<String> = (0..n)
                .map(|_| {
                    let t = next() % (200 * MS);
                    let th = (next() % 4) as u32 + 1;
                    ev(t, th, kinds[(next() % 6) as usize], next() % (10 * MS))
                })
                .collect();
            let text = log(&events);
            let tl = parse(&text).unwrap();
            for r in rows(&tl) {
                assert!(r.intervals.iter().all(|i| i.start_ns < i.end_ns));
                assert!(r.intervals.windows(2).all(|w| w[0].end_ns <= w[1].start_ns));
                assert!(r.marks.windows(2).all(|w| w[0].t_ns <= w[1].t_ns));
            }
            let r = process(&text, "w", "").unwrap();
            assert!(r.window_ms[0] < r.window_ms[1] || n == 0);
            assert!(r.svg.ends_with("</svg>\n"));
        }
    }

    #[test]
    fn the_run_command_gets_the_flag_after_the_runtime() {
        use super::super::runtimes::{Engine, Runtime};
        use super::super::workload::{Kind as WKind, Sizes};
        let w = Workload {
            name: "countdown".into(),
            path: "/w/countdown.py".into(),
            kind: WKind::Cpu,
            executors: vec!["serial".into(), "threads".into()],
            workers: vec![1, 2, 4],
            sizes: Sizes {
                full: 10,
                quick: 5,
                smoke: 1,
            },
            python2: false,
            requires: vec![],
        };
        assert_eq!(workers(&w), 2);
        assert_eq!(
            workers(&Workload {
                workers: vec![4, 8],
                ..w.clone()
            }),
            4
        );
        assert_eq!(
            workers(&Workload {
                workers: vec![1],
                ..w.clone()
            }),
            1
        );
        let rt = Runtime {
            name: "gil-new".into(),
            family: "ftl",
            version: String::new(),
            engine: Engine::Ftl {
                exe: "/bin/ftl".into(),
                runtime: "gil-new".into(),
            },
            features: vec!["threads".into(), "timeline".into()],
            modules: None,
        };
        let cmd = rt.command(&w, 5, "threads", 2);
        let cmd = with_flag(&cmd, Path::new("/out/t.json")).unwrap();
        let args: Vec<_> = cmd
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            args,
            [
                "run",
                "--runtime",
                "gil-new",
                "--timeline",
                "/out/t.json",
                "/w/countdown.py",
                "5",
                "threads",
                "2"
            ]
        );
        assert_eq!(cmd.get_program(), "/bin/ftl");
        assert_eq!(cmd.get_current_dir(), Some(Path::new("/w")));
        let py = Command::new("python3");
        assert!(with_flag(&py, Path::new("x")).is_err());
    }
}
