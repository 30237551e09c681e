//! The matrix in words: the terminal table, `report.md` and `index.html`.
//!
//! All three are built from the same [`Table`]s, drawn from
//! `results.json`'s cells, so they never disagree. The report states
//! what the run measured — the headline figures (speedups at 2 workers
//! beside the ceiling, the convoy latencies, the single-thread overhead),
//! Guido's criterion per runtime, the workloads' own metrics — and lists
//! every pending, failed or mismatched cell; it never fills in a number
//! that was not measured.
//!
//! `index.html` is self-contained: inline CSS and the inline SVG charts of
//! [`super::charts`], no scripts, no network. A GIL timeline
//! ([`super::timeline`]) is linked as its own SVG file beside the page and
//! inlined as well when it is small enough.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use super::charts;
use super::findings::{base, headlines, ratio_text, seconds_text, summary};
use super::results::{Cell, Results};
use super::runtimes;
use super::stats;
use super::timeline;

/// A table with a title.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Shown above it.
    pub title: String,
    /// Column heads.
    pub headers: Vec<String>,
    /// Rows, each as long as `headers`.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// GitHub-flavoured Markdown.
    pub fn markdown(&self) -> String {
        let esc = |s: &str| s.replace('|', "\\|");
        let mut s = format!(
            "| {} |\n|",
            self.headers
                .iter()
                .map(|h| esc(h))
                .collect::<Vec<_>>()
                .join(" | ")
        );
        s.push_str(&"---|".repeat(self.headers.len()));
        s.push('\n');
        for r in &self.rows {
            let _ = writeln!(
                s,
                "| {} |",
                r.iter().map(|c| esc(c)).collect::<Vec<_>>().join(" | ")
            );
        }
        s
    }

    /// An HTML `<table>`.
    pub fn html(&self) -> String {
        let mut s = String::from("<table>\n<tr>");
        for h in &self.headers {
            let _ = write!(s, "<th>{}</th>", escape(h));
        }
        s.push_str("</tr>\n");
        for r in &self.rows {
            s.push_str("<tr>");
            for c in r {
                let class = if c.contains("FAILED") || c.contains('≠') || c.contains("timeout") {
                    " class=\"bad\""
                } else if c == "pending" {
                    " class=\"pending\""
                } else if c.chars().count() > PROSE_CELL {
                    // A sentence (a verdict's detail) wraps instead of
                    // widening its table past the page.
                    " class=\"prose\""
                } else {
                    ""
                };
                let _ = write!(s, "<td{class}>{}</td>", escape(c));
            }
            s.push_str("</tr>\n");
        }
        s.push_str("</table>\n");
        s
    }

    /// Aligned plain text.
    pub fn text(&self) -> String {
        let width = |i: usize| {
            std::iter::once(&self.headers[i])
                .chain(self.rows.iter().map(|r| &r[i]))
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(0)
        };
        let widths: Vec<usize> = (0..self.headers.len()).map(width).collect();
        let line = |cells: &[String]| {
            cells
                .iter()
                .zip(&widths)
                .map(|(c, w)| format!("{c:<w$}"))
                .collect::<Vec<_>>()
                .join("  ")
                .trim_end()
                .to_string()
        };
        let mut s = format!("{}\n{}\n", self.title, line(&self.headers));
        for r in &self.rows {
            s.push_str(&line(r));
            s.push('\n');
        }
        s
    }
}

/// Escapes text for HTML.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Workloads in order of first appearance.
fn workloads(r: &Results) -> Vec<&str> {
    let mut seen = Vec::new();
    for c in &r.cells {
        if !seen.contains(&c.workload.as_str()) {
            seen.push(c.workload.as_str());
        }
    }
    seen
}

/// Runtimes in the order of `r.runtimes`, keeping those with a cell in `cells`.
fn runtimes_of<'a>(r: &'a Results, cells: &[&Cell]) -> Vec<&'a str> {
    r.runtimes
        .iter()
        .map(|rt| rt.name.as_str())
        .filter(|n| cells.iter().any(|c| c.runtime == *n))
        .collect()
}

/// `1.230 s ±4%`, with the speed-up over 1 worker when there is more than
/// one (`×1.80`, or `×1.04 (noise)` when it is not a finding), and a mark
/// for an answer that differs from python3's.
fn cell_text(c: &Cell, floor: Option<f64>) -> String {
    match c.status.as_str() {
        "ok" => {
            let mut s = seconds_text(c);
            if c.workers > 1 {
                if let Some(x) = c.speedup_vs_1 {
                    let _ = write!(s, " ×{x:.2}");
                    match stats::Claim::judge(x, c.speedup_vs_1_interval, floor) {
                        stats::Claim::Noise { .. } => s.push_str(" (noise)"),
                        stats::Claim::Unknown => s.push_str(" (1 repeat)"),
                        _ => {}
                    }
                }
            }
            if c.output_matches_python3 == Some(false) || c.answer_stable == Some(false) {
                s.push_str(" ≠");
            }
            s
        }
        "pending" => "pending".into(),
        "timeout" => "timeout".into(),
        _ => "FAILED".into(),
    }
}

/// One workload's wall times: rows (executor, workers), a column per runtime.
pub fn workload_table(r: &Results, workload: &str) -> Table {
    let cells: Vec<&Cell> = r.cells.iter().filter(|c| c.workload == workload).collect();
    let rts = runtimes_of(r, &cells);
    let mut configs: Vec<(&str, u32)> = Vec::new();
    for c in &cells {
        if !configs.contains(&(c.executor.as_str(), c.workers)) {
            configs.push((c.executor.as_str(), c.workers));
        }
    }
    let kind = cells.first().map(|c| c.kind.as_str()).unwrap_or("");
    let size = cells.first().map(|c| c.size).unwrap_or(0);
    let mut headers = vec!["executor".to_string(), "workers".to_string()];
    headers.extend(rts.iter().map(|s| s.to_string()));
    let rows = configs
        .iter()
        .map(|(e, w)| {
            let mut row = vec![e.to_string(), w.to_string()];
            for rt in &rts {
                row.push(
                    cells
                        .iter()
                        .find(|c| c.runtime == *rt && c.executor == *e && c.workers == *w)
                        .map(|c| cell_text(c, r.noise_floor))
                        .unwrap_or_else(|| "—".into()),
                );
            }
            row
        })
        .collect();
    let scaled = configs.iter().any(|(_, w)| *w > 1);
    Table {
        title: if scaled {
            format!("{workload} ({kind}, size {size}): median wall time ±half its 95% interval; ×speed-up over 1 worker of the same runtime and executor, \"(noise)\" when the speed-up is within the noise")
        } else {
            format!("{workload} ({kind}, size {size}): median wall time ±half its 95% interval")
        },
        headers,
        rows,
    }
}

/// The workload's own metrics: a row per cell that reported any.
pub fn metrics_table(r: &Results, workload: &str) -> Option<Table> {
    let cells: Vec<&Cell> = r
        .cells
        .iter()
        .filter(|c| c.workload == workload && !c.metrics.is_empty())
        .collect();
    if cells.is_empty() {
        return None;
    }
    let names: BTreeSet<&str> = cells
        .iter()
        .flat_map(|c| c.metrics.keys().map(String::as_str))
        .collect();
    let mut headers = vec!["runtime".to_string(), "executor".into(), "workers".into()];
    headers.extend(names.iter().map(|s| s.to_string()));
    let rows = cells
        .iter()
        .map(|c| {
            let mut row = vec![c.runtime.clone(), c.executor.clone(), c.workers.to_string()];
            for n in &names {
                row.push(
                    c.metrics
                        .get(*n)
                        .map(|v| match c.metric_intervals.get(*n) {
                            Some(i) if *v != 0.0 => format!(
                                "{} {}",
                                number(*v),
                                stats::plus_minus(stats::half_width(*v, *i))
                            ),
                            _ => number(*v),
                        })
                        .unwrap_or_else(|| "—".into()),
                );
            }
            row
        })
        .collect();
    Some(Table {
        title: format!(
            "{workload}: the workload's own metrics (median of the repeats ±half its 95% interval)"
        ),
        headers,
        rows,
    })
}

/// A number with sensible precision.
fn number(v: f64) -> String {
    if v == v.trunc() && v.abs() < 1e12 {
        format!("{v:.0}")
    } else if v.abs() >= 100.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.3}")
    }
}

/// Single-threaded overhead: each single-thread benchmark's wall time as a
/// ratio to python3's.
pub fn overhead_table(r: &Results) -> Option<Table> {
    let cells: Vec<&Cell> = r
        .cells
        .iter()
        .filter(|c| c.kind == "single" && c.executor == "serial")
        .collect();
    if cells.is_empty() {
        return None;
    }
    let rts = runtimes_of(r, &cells);
    let mut headers = vec!["workload".to_string()];
    headers.extend(rts.iter().map(|s| s.to_string()));
    let mut rows = Vec::new();
    for w in workloads(r) {
        if !cells.iter().any(|c| c.workload == w) {
            continue;
        }
        let mut row = vec![w.to_string()];
        for rt in &rts {
            let text = match cells.iter().find(|c| c.workload == w && c.runtime == *rt) {
                Some(c) if c.ok() => match (base(&c.runtime), c.vs_python3) {
                    ("python3", _) => seconds_text(c),
                    (_, Some(x)) => ratio_text(x, c.vs_python3_interval, r.noise_floor),
                    _ => seconds_text(c),
                },
                Some(c) => cell_text(c, r.noise_floor),
                None => "—".into(),
            };
            row.push(text);
        }
        rows.push(row);
    }
    Some(Table {
        title: "Single-thread overhead: wall time / python3's, with its 95% interval (python3's column: seconds)".into(),
        headers,
        rows,
    })
}

/// Guido's criterion, one row per judged runtime.
pub fn verdict_table(r: &Results) -> Option<Table> {
    if r.verdicts.is_empty() {
        return None;
    }
    Some(Table {
        title: "Guido's criterion: single-threaded and I/O-bound programs no slower than under the baseline. Not met: a program decidedly slower (its whole 95% interval above 1 + the tolerance, 5% or the run's noise floor if larger); met: every program's interval under 1 + the tolerance; within noise: neither, with the repeats that would decide.".into(),
        headers: ["runtime", "baseline", "verdict", "deciding program", "geomean", "detail"]
            .map(String::from)
            .to_vec(),
        rows: r
            .verdicts
            .iter()
            .map(|v| {
                vec![
                    v.runtime.clone(),
                    v.baseline.clone(),
                    v.status().to_string(),
                    match (&v.worst_cell, v.worst_ratio) {
                        (Some(w), Some(x)) => format!(
                            "{w}: {x:.2}x{}",
                            v.worst_interval
                                .map(|i| format!(" {}", stats::bracket(i, 2)))
                                .unwrap_or_default()
                        ),
                        _ => "—".into(),
                    },
                    v.geomean_ratio
                        .map(|x| {
                            format!(
                                "{x:.2}x{}",
                                v.geomean_interval
                                    .map(|i| format!(" {}", stats::bracket(i, 2)))
                                    .unwrap_or_default()
                            )
                        })
                        .unwrap_or_else(|| "—".into()),
                    v.note.clone(),
                ]
            })
            .collect(),
    })
}

/// Pending, failed and mismatched cells.
fn problems(r: &Results) -> (Vec<String>, Vec<String>) {
    let mut pending: BTreeMap<String, usize> = BTreeMap::new();
    let mut bad = Vec::new();
    for c in &r.cells {
        let name = format!(
            "{} on {} ({}×{})",
            c.workload, c.runtime, c.executor, c.workers
        );
        match c.status.as_str() {
            "pending" => {
                *pending
                    .entry(c.reason.clone().unwrap_or_default())
                    .or_default() += 1;
            }
            "ok" => {
                if c.output_matches_python3 == Some(false) {
                    bad.push(format!("{name}: answer differs from python3's"));
                }
                if c.answer_stable == Some(false) {
                    bad.push(format!("{name}: answer changed between repeats"));
                }
            }
            s => bad.push(format!(
                "{name}: {s}: {}",
                c.reason.as_deref().unwrap_or("")
            )),
        }
    }
    let pending = pending
        .into_iter()
        .map(|(why, n)| format!("{n} cell(s): {why}"))
        .collect();
    (pending, bad)
}

fn intro(r: &Results) -> Vec<String> {
    let mut v = vec![
        format!(
            "Mode `{}`, {} repeat(s) per cell (median shown), measured in {:.0} s on {} ({} CPUs){}.",
            r.mode,
            r.repeat,
            r.duration_s,
            r.machine.os,
            r.machine.cpus,
            r.machine.commit.as_deref().map(|c| format!(", ftl at commit {c}")).unwrap_or_default()
        ),
        "Runs were interleaved: every round runs each cell once, in an order shuffled for that round. Wall time includes interpreter start-up; CPU time (in results.json) includes waited-for child processes.".into(),
        match r.noise_floor {
            Some(f) => format!(
                "Noise: a cell's repeats spread ±{:.0}% around their median on a typical cell of this run (its noise floor); a ratio of two cells is a finding only when its 95% interval excludes 1 and it differs from 1 by more than {:.0}% (√2 times the floor: both cells wobble).",
                f * 100.0,
                stats::ratio_floor(Some(f)) * 100.0
            ),
            None => "Noise: one repeat per cell, so no figure has an interval and no difference is called a finding (use --repeat 3 or more).".into(),
        },
    ];
    for rt in &r.runtimes {
        v.push(format!(
            "Runtime `{}` ({}): {}",
            rt.name, rt.family, rt.version
        ));
    }
    if !r.pending_runtimes.is_empty() {
        let named: Vec<String> = r
            .pending_runtimes
            .iter()
            .map(|n| match runtimes::coming_in(n) {
                Some(i) => format!("{n} (issue {i})"),
                None => n.clone(),
            })
            .collect();
        v.push(format!("ftl runtimes not built yet: {}.", named.join(", ")));
    }
    if let Some(b) = &r.baseline {
        if b != "gil-new" {
            v.push(format!(
                "Guido's criterion uses `{b}` (ftl's default runtime) as its baseline until `gil-new` exists."
            ));
        }
    }
    v
}

/// One sentence on a timeline run: its figures, or why it failed.
pub fn timeline_sentence(t: &timeline::Record) -> String {
    let what = format!(
        "GIL timeline of {} on {} (threads×{}, size {})",
        t.workload, t.runtime, t.workers, t.size
    );
    match (&t.summary, &t.svg) {
        (Some(s), Some(svg)) if t.status == "ok" => format!(
            "{what}: {} switches in {:.1} ms ({} per second while contended), {} drop requests, {} forced switches; chart {svg}.",
            s.switches,
            s.duration_ms,
            s.switches_per_s
                .map_or_else(|| "—".to_string(), |x| format!("{x:.0}")),
            s.drop_requests,
            s.forced_switches
        ),
        _ => format!(
            "{what}: {}: {}",
            t.status,
            t.reason.as_deref().unwrap_or("no timeline")
        ),
    }
}

/// A timeline's figures per thread, over the whole run.
pub fn timeline_table(t: &timeline::Record) -> Option<Table> {
    let s = t.summary.as_ref()?;
    Some(Table {
        title: format!(
            "Per thread, over the whole run ({:.1} ms, {} GIL events); the chart shows {}",
            s.duration_ms,
            s.events,
            match t.window_ms {
                Some([a, b]) => format!("{a:.1}–{b:.1} ms"),
                None => "nothing".into(),
            }
        ),
        headers: [
            "thread",
            "holding",
            "waiting",
            "acquisitions",
            "longest wait",
            "drop requests made",
            "forced switches",
        ]
        .map(String::from)
        .to_vec(),
        rows: s
            .per_thread
            .iter()
            .map(|p| {
                vec![
                    p.thread.to_string(),
                    format!("{:.1} ms", p.holding_ms),
                    format!("{:.1} ms", p.waiting_ms),
                    p.acquisitions.to_string(),
                    format!("{:.3} ms", p.max_wait_ms),
                    p.drop_requests.to_string(),
                    p.forced_switches.to_string(),
                ]
            })
            .collect(),
    })
}

/// What a report shows: the runs (one, or several merged by `cargo
/// xtask report`), each with its machine's label, and the merged view of
/// their cells.
///
/// Merging renames every runtime `NAME @ LABEL` (cells, runtimes,
/// verdicts, timelines), so the tables and charts put the machines side by
/// side; each run's figures are derived *before* the merge, within the
/// run (a speed-up is never a ratio of two machines' cells). The summary,
/// the headlines and the intro are made per run.
#[derive(Clone, Debug)]
pub struct Runs {
    /// The tables' and charts' view.
    pub merged: Results,
    /// Each run with its label (empty for a single run).
    pub runs: Vec<(String, Results)>,
}

impl Runs {
    /// One run, as the bench writes it.
    pub fn one(r: &Results) -> Runs {
        Runs {
            merged: r.clone(),
            runs: vec![(String::new(), r.clone())],
        }
    }

    /// Several runs side by side, each labelled with its machine (`16
    /// CPUs`, with `#2`, `#3` on a repeated label). One run stays as is.
    pub fn merge(runs: Vec<Results>) -> Runs {
        if runs.len() == 1 {
            return Runs::one(&runs[0]);
        }
        let mut labels: Vec<String> = Vec::new();
        for r in &runs {
            let plain = format!("{} CPUs", r.machine.cpus);
            let n = labels
                .iter()
                .filter(|l| l.split(" #").next() == Some(plain.as_str()))
                .count();
            labels.push(if n == 0 {
                plain
            } else {
                format!("{plain} #{}", n + 1)
            });
        }
        let mut merged = runs[0].clone();
        merged.runtimes.clear();
        merged.cells.clear();
        merged.verdicts.clear();
        merged.timelines.clear();
        merged.pending_runtimes.clear();
        merged.duration_s = runs.iter().map(|r| r.duration_s).sum();
        merged.repeat = runs.iter().map(|r| r.repeat).min().unwrap_or(0);
        merged.noise_floor = runs.iter().filter_map(|r| r.noise_floor).reduce(f64::max);
        for (label, r) in labels.iter().zip(&runs) {
            let rename = |n: &str| format!("{n} @ {label}");
            merged.runtimes.extend(r.runtimes.iter().map(|rt| {
                let mut rt = rt.clone();
                rt.name = rename(&rt.name);
                rt
            }));
            merged.cells.extend(r.cells.iter().map(|c| {
                let mut c = c.clone();
                c.runtime = rename(&c.runtime);
                c
            }));
            merged.verdicts.extend(r.verdicts.iter().map(|v| {
                let mut v = v.clone();
                v.runtime = rename(&v.runtime);
                v.baseline = rename(&v.baseline);
                v
            }));
            merged.timelines.extend(r.timelines.iter().map(|t| {
                let mut t = t.clone();
                t.runtime = rename(&t.runtime);
                t
            }));
            for p in &r.pending_runtimes {
                if !merged.pending_runtimes.contains(p) {
                    merged.pending_runtimes.push(p.clone());
                }
            }
        }
        Runs {
            merged,
            runs: labels.into_iter().zip(runs).collect(),
        }
    }

    /// Each run's section heading, or none for a single run.
    fn heading(label: &str) -> Option<String> {
        (!label.is_empty()).then(|| format!("On {label}"))
    }
}

/// `report.md` of one run.
pub fn markdown(r: &Results) -> String {
    markdown_of(&Runs::one(r))
}

/// `report.md`.
pub fn markdown_of(runs: &Runs) -> String {
    let r = &runs.merged;
    let timelines = &r.timelines;
    let mut s = String::from("# ftl comparison matrix\n");
    for (label, run) in &runs.runs {
        let head = Runs::heading(label);
        s.push_str(&format!(
            "\n## Summary{}\n\n",
            head.as_deref()
                .map(|h| format!(" — {h}"))
                .unwrap_or_default()
        ));
        for l in summary(run) {
            let _ = writeln!(s, "- {l}");
        }
        s.push('\n');
        for l in intro(run) {
            let _ = writeln!(s, "- {l}");
        }
        let heads = headlines(run);
        if !heads.is_empty() {
            s.push_str("\n### Headlines\n\n");
            for l in heads {
                let _ = writeln!(s, "- {l}");
            }
        }
    }
    if let Some(t) = verdict_table(r) {
        let _ = write!(s, "\n## Verdicts\n\n{}\n\n{}", t.title, t.markdown());
    }
    if let Some(t) = overhead_table(r) {
        let _ = write!(
            s,
            "\n## Single-thread overhead\n\n{}\n\n{}",
            t.title,
            t.markdown()
        );
    }
    s.push_str("\n## Workloads\n");
    for w in workloads(r) {
        let t = workload_table(r, w);
        let _ = write!(s, "\n### {w}\n\n{}\n\n{}", t.title, t.markdown());
        if let Some(m) = metrics_table(r, w) {
            let _ = write!(s, "\n{}\n\n{}", m.title, m.markdown());
        }
    }
    if !timelines.is_empty() {
        s.push_str("\n## GIL timelines\n");
        for t in timelines {
            let _ = write!(
                s,
                "\n### {} on {}\n\n{}\n",
                t.workload,
                t.runtime,
                timeline_sentence(t)
            );
            if let Some(svg) = &t.svg {
                let _ = write!(s, "\n![GIL timeline]({svg})\n");
            }
            if let Some(table) = timeline_table(t) {
                let _ = write!(s, "\n{}\n\n{}", table.title, table.markdown());
            }
        }
    }
    let (pending, bad) = problems(r);
    s.push_str("\n## Pending, failed and differing cells\n\n");
    if bad.is_empty() {
        s.push_str("Every cell that ran finished, and every answer matched python3's.\n");
    }
    for l in bad {
        let _ = writeln!(s, "- {l}");
    }
    for l in pending {
        let _ = writeln!(s, "- pending: {l}");
    }
    s.push_str(&format!(
        "\n{FOOTNOTE} Charts: index.html. Every figure and sample: results.json.\n"
    ));
    s
}

/// How to read the figures, under every report.
const FOOTNOTE: &str = "`≠` marks an answer that differs from python3's or between repeats. \
    `±x%` is half the bootstrap 95% interval of the median of the repeats; `[a–b]` is a ratio's interval. \
    A difference is called a finding only when its interval excludes 1 and it exceeds the run's noise floor; \
    otherwise it is \"within noise\".";

/// Text for HTML with Markdown's inline code (`` `x` ``) as `<code>`.
pub fn inline_html(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{}</code>", escape(part));
        } else {
            out.push_str(&escape(part));
        }
    }
    if text.matches('`').count() % 2 == 1 {
        // An unpaired backtick: show the text as it is.
        return escape(text);
    }
    out
}

/// A table cell longer than this many characters is prose: it wraps.
const PROSE_CELL: usize = 60;

/// The page's style: the charts take the column's width, wide tables
/// scroll inside their own box, and the whole fits a 1400 px window.
const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}\n\
     .scroll{overflow-x:auto;max-width:100%;margin:.5em 0 1.5em}\n\
     table{border-collapse:collapse;font-size:.92em}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right;white-space:nowrap}\n\
     th{background:#f0f0f0}td:first-child,th:first-child{text-align:left}\n\
     td.bad{background:#fdd}td.pending{color:#999}td.prose{white-space:normal;text-align:left;min-width:16em}.chart{margin:1em 0}.chart svg{width:100%;height:auto}\n\
     code{background:#f3f3f3;padding:0 .25em;border-radius:3px;font-size:.92em}\n\
     .summary{background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:.5em 1.2em}\n\
     p.caption{color:#555;font-size:.95em}";

/// `index.html` of one run.
pub fn html(r: &Results) -> String {
    html_of(&Runs::one(r))
}

/// A table in its scrolling box, with its caption.
fn html_table(t: &Table) -> String {
    format!(
        "<p class=\"caption\">{}</p>\n<div class=\"scroll\">{}</div>\n",
        inline_html(&t.title),
        t.html()
    )
}

/// `index.html`.
pub fn html_of(runs: &Runs) -> String {
    let r = &runs.merged;
    let timelines = &r.timelines;
    let mut s = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>ftl comparison matrix</title>\n<style>\n{STYLE}\n</style></head><body>\n<h1>ftl comparison matrix</h1>\n"
    );
    let list = |s: &mut String, lines: &[String]| {
        s.push_str("<ul>\n");
        for l in lines {
            let _ = writeln!(s, "<li>{}</li>", inline_html(l));
        }
        s.push_str("</ul>\n");
    };
    for (label, run) in &runs.runs {
        let head = Runs::heading(label);
        let _ = writeln!(
            s,
            "<div class=\"summary\"><h2>Summary{}</h2>",
            head.as_deref()
                .map(|h| format!(" — {}", escape(h)))
                .unwrap_or_default()
        );
        list(&mut s, &summary(run));
        s.push_str("</div>\n");
        list(&mut s, &intro(run));
        let heads = headlines(run);
        if !heads.is_empty() {
            s.push_str("<h3>Headlines</h3>\n");
            list(&mut s, &heads);
        }
    }
    if let Some(t) = verdict_table(r) {
        let _ = write!(s, "<h2>Verdicts</h2>\n{}", html_table(&t));
    }
    s.push_str("<h2>Charts</h2>\n");
    for svg in charts::all(r) {
        let _ = writeln!(s, "<div class=\"chart\">{svg}</div>");
    }
    if !timelines.is_empty() {
        s.push_str("<h2>GIL timelines</h2>\n");
    }
    for t in timelines {
        let _ = writeln!(
            s,
            "<h3>{} on {}</h3>\n<p>{}</p>",
            escape(&t.workload),
            escape(&t.runtime),
            inline_html(&timeline_sentence(t))
        );
        if let Some(svg) = &t.svg {
            let _ = writeln!(
                s,
                "<p><a href=\"{}\">{} (SVG)</a></p>",
                escape(svg),
                escape(svg)
            );
        }
        if let Some(inline) = &t.inline_svg {
            let _ = writeln!(s, "<div class=\"chart\">{inline}</div>");
        }
        if let Some(table) = timeline_table(t) {
            s.push_str(&html_table(&table));
        }
    }
    if let Some(t) = overhead_table(r) {
        let _ = write!(s, "<h2>Single-thread overhead</h2>\n{}", html_table(&t));
    }
    s.push_str("<h2>Workloads</h2>\n");
    for w in workloads(r) {
        let t = workload_table(r, w);
        let _ = write!(s, "<h3>{}</h3>\n{}", escape(w), html_table(&t));
        if let Some(m) = metrics_table(r, w) {
            s.push_str(&html_table(&m));
        }
    }
    let (pending, bad) = problems(r);
    s.push_str("<h2>Pending, failed and differing cells</h2>\n<ul>\n");
    if bad.is_empty() {
        s.push_str("<li>Every cell that ran finished, and every answer matched python3's.</li>\n");
    }
    for l in bad.iter().chain(&pending) {
        let _ = writeln!(s, "<li>{}</li>", inline_html(l));
    }
    let _ = write!(
        s,
        "</ul>\n<p class=\"caption\">{} Every figure and sample: results.json.</p>\n</body></html>\n",
        inline_html(FOOTNOTE)
    );
    s
}

/// The text printed at the end of a run: the tables, the headlines, and
/// the summary last, where the reader's eye lands.
pub fn terminal(r: &Results) -> String {
    let mut s = String::new();
    for w in workloads(r) {
        s.push_str(&workload_table(r, w).text());
        s.push('\n');
    }
    if let Some(t) = overhead_table(r) {
        s.push_str(&t.text());
        s.push('\n');
    }
    if let Some(t) = verdict_table(r) {
        s.push_str(&t.text());
        s.push('\n');
    }
    s.push_str("Headlines\n");
    for l in headlines(r) {
        let _ = writeln!(s, "* {l}");
    }
    s.push_str("\nSummary\n");
    for l in summary(r) {
        let _ = writeln!(s, "* {l}");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::super::results::{derive, Machine, RuntimeRecord};
    use super::*;

    fn cell(w: &str, kind: &str, rt: &str, e: &str, n: u32, wall: Option<f64>) -> Cell {
        Cell {
            workload: w.into(),
            kind: kind.into(),
            runtime: rt.into(),
            executor: e.into(),
            workers: n,
            size: 10,
            status: if wall.is_some() { "ok" } else { "pending" }.into(),
            reason: wall
                .is_none()
                .then(|| "single: no `threads` executor, by design (single-threaded)".into()),
            wall_s: wall,
            wall_samples: wall.map_or(vec![], |w| vec![w * 0.99, w, w * 1.01]),
            answer: Some("x\n".into()),
            ..Cell::default()
        }
    }

    fn sample() -> Results {
        let mut cells = vec![
            cell("count_primes", "cpu", "python3", "threads", 1, Some(1.0)),
            cell("count_primes", "cpu", "python3", "threads", 2, Some(1.1)),
            cell("count_primes", "cpu", "python3", "processes", 1, Some(1.0)),
            cell("count_primes", "cpu", "python3", "processes", 2, Some(0.55)),
            cell("count_primes", "cpu", "single", "threads", 1, None),
            cell(
                "count_primes",
                "cpu",
                "rust-ceiling",
                "threads",
                1,
                Some(0.1),
            ),
            cell(
                "count_primes",
                "cpu",
                "rust-ceiling",
                "threads",
                2,
                Some(0.055),
            ),
            cell("nbody", "single", "python3", "serial", 1, Some(2.0)),
            cell("nbody", "single", "single", "serial", 1, Some(4.0)),
            cell("countdown", "cpu", "python3", "serial", 1, Some(2.0)),
            cell("countdown", "cpu", "python3", "threads", 2, Some(3.0)),
        ];
        cells[8].answer = Some("y\n".into());
        derive(&mut cells);
        let floor = super::super::results::noise_floor(&cells);
        let rt = |n: &str, f: &str| RuntimeRecord {
            name: n.into(),
            family: f.into(),
            version: "v".into(),
            features: vec![],
        };
        Results {
            schema: 1,
            mode: "quick".into(),
            repeat: 3,
            started_unix: 0,
            duration_s: 1.0,
            machine: Machine {
                cpus: 2,
                os: "Linux".into(),
                commit: None,
            },
            runtimes: vec![
                rt("python3", "cpython"),
                rt("single", "ftl"),
                rt("rust-ceiling", "ceiling"),
            ],
            pending_runtimes: vec!["gil-new".into()],
            baseline: Some("single".into()),
            cells,
            verdicts: vec![],
            noise_floor: floor,
            timelines: vec![],
        }
    }

    #[test]
    fn tables_show_speedups_pending_and_mismatches() {
        let r = sample();
        let t = workload_table(&r, "count_primes");
        assert_eq!(
            t.headers,
            ["executor", "workers", "python3", "single", "rust-ceiling"]
        );
        assert_eq!(
            t.rows[1],
            [
                "threads",
                "2",
                "1.100 s ±1% ×0.91",
                "—",
                "0.055 s ±1% ×1.82"
            ]
        );
        assert_eq!(t.rows[0][3], "pending");
        let o = overhead_table(&r).unwrap();
        assert_eq!(o.rows[0], ["nbody", "2.000 s ±1%", "2.00x [1.96–2.04]"]);
        let n = workload_table(&r, "nbody");
        assert!(n.rows[0][3].ends_with('≠'), "{:?}", n.rows[0]);
    }

    #[test]
    fn headlines_come_from_measured_cells() {
        let h = headlines(&sample());
        assert!(h[0].contains("×1.82 [1.78–1.85] over 1 thread"), "{h:?}");
        assert!(
            h.iter()
                .any(|l| l.contains("python3 with 2 processes: ×1.82 [1.78–1.85]")),
            "{h:?}"
        );
        assert!(
            h.iter()
                .any(|l| l.contains("python3 with 2 threads: ×0.91 [0.89–0.93]")),
            "{h:?}"
        );
    }

    #[test]
    fn markdown_and_html_list_problems() {
        let r = sample();
        let md = markdown(&r);
        assert!(
            md.contains("nbody on single (serial×1): answer differs"),
            "{md}"
        );
        assert!(md.contains(
            "pending: 1 cell(s): single: no `threads` executor, by design (single-threaded)"
        ));
        let html = html(&r);
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("<svg"), "charts are inline");
        assert!(!html.contains("<script"), "no scripts");
        assert!(!html.contains("http://") || html.contains("http://www.w3.org/2000/svg"));
    }

    #[test]
    fn headlines_say_what_removing_the_gil_gives() {
        let mut r = sample();
        r.runtimes.push(RuntimeRecord {
            name: "ft-atomic".into(),
            family: "ftl".into(),
            version: "v".into(),
            features: vec!["serial".into(), "threads".into(), "free-threaded".into()],
        });
        r.cells.extend([
            cell("count_primes", "cpu", "ft-atomic", "threads", 1, Some(2.0)),
            cell("count_primes", "cpu", "ft-atomic", "threads", 2, Some(1.25)),
            cell(
                "refcount_contention",
                "cpu",
                "ft-atomic",
                "serial",
                1,
                Some(1.0),
            ),
            cell(
                "refcount_contention",
                "cpu",
                "ft-atomic",
                "threads",
                2,
                Some(2.0),
            ),
            cell(
                "refcount_contention",
                "cpu",
                "ft-atomic",
                "threads",
                4,
                Some(4.0),
            ),
        ]);
        derive(&mut r.cells);
        r.verdicts.push(crate::bench::results::Verdict {
            runtime: "ft-atomic".into(),
            baseline: "gil-new".into(),
            cells: 7,
            worst_ratio: Some(1.4),
            worst_cell: Some("nbody serial×1".into()),
            geomean_ratio: Some(1.2),
            status: "not met".into(),
            worst_interval: Some([1.35, 1.45]),
            geomean_interval: Some([1.15, 1.25]),
            suggest_repeat: None,
            note: String::new(),
        });
        let lines = headlines(&r);
        let has = |s: &str| lines.iter().any(|l| l.contains(s));
        // 2.0 / 1.25 = 1.6 against the ceiling's 0.1 / 0.055 = 1.82: 88%.
        assert!(has("No GIL, ft-atomic: count_primes in 2 threads runs ×1.60 [1.57–1.63] over 1 thread, 88% of the Rust ceiling's ×1.82."), "{lines:?}");
        assert!(has("single-threaded and I/O-bound programs take 1.20x [1.15–1.25] the time of gil-new (geometric mean; deciding program nbody serial×1, 1.40x [1.35–1.45]), Guido's criterion not met."), "{lines:?}");
        assert!(has("refcount_contention (threads reading the same objects) runs 2 threads ×0.50 [0.49–0.51]; 4 threads ×0.25 [0.25–0.26] over one."), "{lines:?}");
        // A runtime with a GIL gets none of these.
        assert!(!has("No GIL, python3"), "{lines:?}");
    }

    #[test]
    fn headlines_name_the_gil_figures() {
        let mut r = sample();
        let mut convoy = cell("convoy", "io", "python3", "threads", 2, Some(1.0));
        for (k, v) in [("alone_p50_ms", 0.2), ("p50_ms", 5.0), ("p99_ms", 11.0)] {
            convoy.metrics.insert(k.into(), v);
        }
        let mut handoff = cell("handoff", "io", "python3", "threads", 2, Some(1.0));
        handoff.metrics.insert("us_per_handoff".into(), 28.25);
        r.cells.push(convoy);
        r.cells.push(handoff);
        let lines = headlines(&r);
        let has = |s: &str| lines.iter().any(|l| l.contains(s));
        assert!(
            has("Beazley's countdown on python3: two threads take 1.50x [1.47–1.53]"),
            "{lines:?}"
        );
        assert!(has("Convoy on python3: beside a CPU-bound thread an I/O round trip's p50 is 25.00x (one repeat) its p50 alone (5.000 ms against 0.200 ms; p99 11.000 ms)."), "{lines:?}");
        assert!(
            has("Handoff on python3: 28.2 µs to pass the turn"),
            "{lines:?}"
        );
    }

    #[test]
    fn timelines_are_linked_and_tabled() {
        let r = sample();
        let drawn = timeline::process(
            "{\"runtime\": \"gil-new\", \"events\": [\
             {\"t_ns\": 0, \"thread\": 1, \"kind\": \"GilTake\"},\
             {\"t_ns\": 1000000, \"thread\": 2, \"kind\": \"GilRequest\"},\
             {\"t_ns\": 2000000, \"thread\": 2, \"kind\": \"DropRequest\"},\
             {\"t_ns\": 3000000, \"thread\": 1, \"kind\": \"GilDrop\"},\
             {\"t_ns\": 3000000, \"thread\": 2, \"kind\": \"GilTake\", \"arg\": 2000000},\
             {\"t_ns\": 3000100, \"thread\": 1, \"kind\": \"ForcedSwitch\"}]}",
            "countdown",
            "threads×2",
        )
        .unwrap();
        let ok = timeline::Record {
            runtime: "gil-new".into(),
            workload: "countdown".into(),
            executor: "threads".into(),
            workers: 2,
            size: 100,
            status: "ok".into(),
            json: "timeline-gil-new-countdown.json".into(),
            svg: Some("timeline-gil-new-countdown.svg".into()),
            window_ms: Some(drawn.window_ms),
            summary: Some(drawn.summary),
            inline_svg: Some(drawn.svg),
            ..timeline::Record::default()
        };
        let failed = timeline::Record {
            runtime: "gil-old".into(),
            workload: "convoy".into(),
            status: "failed".into(),
            reason: Some("exit status 1: boom".into()),
            ..timeline::Record::default()
        };
        let mut r = r;
        r.timelines = vec![ok.clone(), failed];
        let md = markdown(&r);
        assert!(md.contains("## GIL timelines"), "{md}");
        assert!(md.contains("![GIL timeline](timeline-gil-new-countdown.svg)"));
        assert!(md.contains(
            "1 switches in 3.0 ms (500 per second while contended), 1 drop requests, 1 forced switches"
        ), "{md}");
        assert!(
            md.contains("| 1 | 3.0 ms | 0.0 ms | 1 | 0.000 ms | 0 | 1 |"),
            "{md}"
        );
        assert!(
            md.contains("| 2 | 0.0 ms | 2.0 ms | 1 | 2.000 ms | 1 | 0 |"),
            "{md}"
        );
        assert!(md.contains("convoy on gil-old (threads×0, size 0): failed: exit status 1: boom"));
        let page = html(&r);
        assert!(page.contains("<a href=\"timeline-gil-new-countdown.svg\">"));
        assert!(page.contains("GIL timeline: gil-new running countdown"));
        assert!(!page.contains("<script"));
        // Too big to inline: only the link.
        let linked = timeline::Record {
            inline_svg: None,
            ..ok
        };
        r.timelines = vec![linked];
        let page = html(&r);
        assert!(page.contains("<a href=\"timeline-gil-new-countdown.svg\">"));
        assert!(!page.contains("GIL timeline: gil-new running"));
        r.timelines.clear();
        assert!(!markdown(&r).contains("GIL timelines"));
    }

    #[test]
    fn markdown_escapes_pipes() {
        let t = Table {
            title: String::new(),
            headers: vec!["a|b".into()],
            rows: vec![vec!["c".into()]],
        };
        assert_eq!(t.markdown(), "| a\\|b |\n|---|\n| c |\n");
    }
}
