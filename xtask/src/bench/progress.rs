//! Progress of `cargo xtask bench` while the matrix runs.
//!
//! On a terminal, indicatif's bar (on stderr), redrawn in place. Anywhere
//! else (CI's log, `> log 2>&1`, a pipe) a bar is never drawn, and before
//! issue 14 nothing at all was printed for minutes; now a plain line is
//! written for a finished run whenever [`EVERY`] has passed since the last
//! one, and for the last run:
//!
//! ```text
//! xtask bench: 37/777 runs (5%) in 1m05s, about 21m40s left; last: count_primes on gil-new (threads×2), round 1/3
//! ```
//!
//! The time left is the mean time per finished run times the runs left: a
//! rough figure, since runs differ (a fast `single` cell and a convoy), but
//! the order is shuffled per round ([`super::round_order`]), so the mean
//! over finished runs tracks the mean over all.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

/// The least time between two plain lines off a terminal.
pub const EVERY: Duration = Duration::from_secs(5);

/// Where progress goes: the bar on a terminal, throttled lines elsewhere.
pub enum Progress {
    /// A terminal: indicatif's bar.
    Bar(ProgressBar),
    /// Not a terminal: plain lines on stderr.
    Lines {
        total: u64,
        done: u64,
        started: Instant,
        last_line: Option<Instant>,
    },
}

impl Progress {
    /// Progress over `total` runs: a bar when stderr is a terminal.
    pub fn new(total: u64) -> Result<Progress, String> {
        if std::io::stderr().is_terminal() {
            let bar = ProgressBar::new(total);
            bar.set_style(
                ProgressStyle::with_template(
                    "{elapsed_precise} [{bar:30}] {pos}/{len} (about {eta} left) {msg}",
                )
                .map_err(|e| e.to_string())?
                .progress_chars("=> "),
            );
            Ok(Progress::Bar(bar))
        } else {
            Ok(Progress::Lines {
                total,
                done: 0,
                started: Instant::now(),
                last_line: None,
            })
        }
    }

    /// The run `what` is starting.
    pub fn starting(&self, what: &str) {
        if let Progress::Bar(bar) = self {
            bar.set_message(what.to_string());
        }
    }

    /// The run `what` has finished.
    pub fn finished(&mut self, what: &str) {
        match self {
            Progress::Bar(bar) => bar.inc(1),
            Progress::Lines {
                total,
                done,
                started,
                last_line,
            } => {
                *done += 1;
                let now = Instant::now();
                if due(*last_line, now, *done == *total) {
                    *last_line = Some(now);
                    eprintln!("{}", line(*done, *total, now - *started, what));
                }
            }
        }
    }

    /// The matrix is done: the bar is cleared.
    pub fn finish(self) {
        if let Progress::Bar(bar) = self {
            bar.finish_and_clear();
        }
    }
}

/// Whether a plain line is due: the first, the last, or [`EVERY`] after
/// the one before.
pub fn due(last_line: Option<Instant>, now: Instant, last_run: bool) -> bool {
    match last_line {
        None => true,
        Some(t) => last_run || now.saturating_duration_since(t) >= EVERY,
    }
}

/// The time left after `done` of `total` runs in `elapsed`: the mean time
/// per run times the runs left; `None` before the first.
pub fn time_left(done: u64, total: u64, elapsed: Duration) -> Option<Duration> {
    (done > 0).then(|| elapsed.mul_f64(total.saturating_sub(done) as f64 / done as f64))
}

/// `1m05s`, `2h03m`, `9s`.
pub fn short(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 3600 {
        format!("{}h{:02}m", s / 3600, s % 3600 / 60)
    } else if s >= 60 {
        format!("{}m{:02}s", s / 60, s % 60)
    } else {
        format!("{s}s")
    }
}

/// The plain line after `done` of `total` runs.
pub fn line(done: u64, total: u64, elapsed: Duration, what: &str) -> String {
    let percent = (done * 100).checked_div(total).unwrap_or(100);
    let left = match time_left(done, total, elapsed) {
        Some(d) if done < total => format!(", about {} left", short(d)),
        _ => String::new(),
    };
    format!(
        "xtask bench: {done}/{total} runs ({percent}%) in {}{left}; last: {what}",
        short(elapsed)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_says_how_far_and_how_long_is_left() {
        assert_eq!(
            line(37, 777, Duration::from_secs(65), "count_primes on gil-new (threads×2)"),
            "xtask bench: 37/777 runs (4%) in 1m05s, about 21m40s left; last: count_primes on gil-new (threads×2)"
        );
        assert_eq!(
            line(777, 777, Duration::from_secs(7300), "x"),
            "xtask bench: 777/777 runs (100%) in 2h01m; last: x"
        );
    }

    #[test]
    fn time_left_is_the_mean_run_times_the_runs_left() {
        assert_eq!(time_left(0, 10, Duration::from_secs(5)), None);
        assert_eq!(
            time_left(2, 10, Duration::from_secs(6)),
            Some(Duration::from_secs(24))
        );
        assert_eq!(
            time_left(10, 10, Duration::from_secs(6)),
            Some(Duration::ZERO)
        );
    }

    #[test]
    fn lines_are_throttled_but_the_first_and_last_always_show() {
        let t0 = Instant::now();
        assert!(due(None, t0, false));
        assert!(!due(Some(t0), t0 + Duration::from_secs(1), false));
        assert!(due(Some(t0), t0 + EVERY, false));
        assert!(due(Some(t0), t0 + Duration::from_secs(1), true));
    }
}
