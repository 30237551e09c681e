//! A small line diff for `cargo xtask parity`: what the reference python printed
//! against what `ftl` printed, shown in the unified style (`-` for python's
//! lines, `+` for ftl's, a space for context, `@@` hunk headers).
//!
//! Mechanism: the lines common to both ends are trimmed first (most
//! differences are one local change or output cut short by an exception),
//! then the differing middle is aligned by a longest-common-subsequence
//! table, as in the classic `diff` algorithm (Hunt–McIlroy / the dynamic
//! programming formulation); when the middle is too large for the table
//! (more than [`LCS_CELL_LIMIT`] cells), it is shown as deleted-then-added.
//! The edit script is grouped into hunks with a few lines of context.
//!
//! Lines keep their `\n` when compared, so a missing final newline is a
//! difference (shown with a `[no newline at end]` marker). Control characters
//! other than tab are shown escaped so that, e.g., a stray `\r` is visible.
//!
//! Invariants: the diff of two equal texts is empty; every line of the
//! result is at most one input line long plus its one-character prefix (or
//! a header); the result never has more than the requested cap plus one
//! "more lines" marker.

/// The largest LCS table (cells) built for the middle of a diff; larger
/// middles are shown as all-deleted then all-added.
pub const LCS_CELL_LIMIT: usize = 4_000_000;

/// One step of an edit script turning `a` into `b`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    /// `a[i] == b[j]`.
    Same(usize, usize),
    /// `a[i]` is not in `b`.
    Del(usize),
    /// `b[j]` is not in `a`.
    Ins(usize),
}

/// Splits text into lines that keep their `\n`.
fn lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

/// The 1-based number of the first line where `a` and `b` differ, or
/// `None` when the texts are equal.
pub fn first_difference(a: &str, b: &str) -> Option<usize> {
    if a == b {
        return None;
    }
    let (la, lb) = (lines(a), lines(b));
    let same = la.iter().zip(&lb).take_while(|(x, y)| x == y).count();
    Some(same + 1)
}

/// An edit script from `a` to `b`: common prefix and suffix, and an LCS
/// alignment of the middle (or delete-all/insert-all past the limit).
fn edit_script(a: &[&str], b: &[&str]) -> Vec<Op> {
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suf = a[pre..]
        .iter()
        .rev()
        .zip(b[pre..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a_end, b_end) = (a.len() - suf, b.len() - suf);
    let (am, bm) = (&a[pre..a_end], &b[pre..b_end]);
    let mut ops: Vec<Op> = (0..pre).map(|i| Op::Same(i, i)).collect();
    let (n, m) = (am.len(), bm.len());
    let cells = (n + 1).checked_mul(m + 1);
    match cells {
        Some(cells) if cells <= LCS_CELL_LIMIT => {
            // table[i * (m + 1) + j] = LCS length of am[i..] and bm[j..].
            let w = m + 1;
            let mut table = vec![0u32; cells];
            for i in (0..n).rev() {
                for j in (0..m).rev() {
                    table[i * w + j] = if am[i] == bm[j] {
                        table[(i + 1) * w + j + 1] + 1
                    } else {
                        table[(i + 1) * w + j].max(table[i * w + j + 1])
                    };
                }
            }
            let (mut i, mut j) = (0, 0);
            while i < n || j < m {
                if i < n && j < m && am[i] == bm[j] {
                    ops.push(Op::Same(pre + i, pre + j));
                    i += 1;
                    j += 1;
                } else if j == m || (i < n && table[(i + 1) * w + j] >= table[i * w + j + 1]) {
                    ops.push(Op::Del(pre + i));
                    i += 1;
                } else {
                    ops.push(Op::Ins(pre + j));
                    j += 1;
                }
            }
        }
        _ => {
            ops.extend((pre..a_end).map(Op::Del));
            ops.extend((pre..b_end).map(Op::Ins));
        }
    }
    ops.extend((0..suf).map(|k| Op::Same(a_end + k, b_end + k)));
    ops
}

/// A line for display: without its `\n`, control characters escaped, and
/// a marker when it has no final newline.
fn show(line: &str) -> String {
    let (body, newline) = match line.strip_suffix('\n') {
        Some(body) => (body, true),
        None => (line, false),
    };
    let mut out = String::with_capacity(body.len());
    for c in body.chars() {
        if c.is_control() && c != '\t' {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    if !newline {
        out.push_str(" [no newline at end]");
    }
    out
}

/// The unified-style diff of `a` (python, `-`) and `b` (ftl, `+`): hunks
/// with `context` lines of context, at most `max_lines` lines, then one
/// `... (N more diff lines)` marker if cut. Empty when `a == b`.
pub fn unified(a: &str, b: &str, context: usize, max_lines: usize) -> Vec<String> {
    if a == b {
        return Vec::new();
    }
    let (la, lb) = (lines(a), lines(b));
    let ops = edit_script(&la, &lb);
    // keep[k]: op k is a change or within `context` ops of one.
    let mut keep = vec![false; ops.len()];
    for (k, op) in ops.iter().enumerate() {
        if !matches!(op, Op::Same(..)) {
            let lo = k.saturating_sub(context);
            let hi = (k + context).min(ops.len() - 1);
            keep[lo..=hi].iter_mut().for_each(|x| *x = true);
        }
    }
    let mut out = Vec::new();
    // (next line of a, next line of b) before each op, for hunk headers.
    let (mut ai, mut bj) = (0usize, 0usize);
    let mut in_hunk = false;
    for (k, op) in ops.iter().enumerate() {
        if keep[k] {
            if !in_hunk {
                out.push(format!("@@ python line {}, ftl line {} @@", ai + 1, bj + 1));
                in_hunk = true;
            }
            out.push(match *op {
                Op::Same(i, _) => format!(" {}", show(la[i])),
                Op::Del(i) => format!("-{}", show(la[i])),
                Op::Ins(j) => format!("+{}", show(lb[j])),
            });
        } else {
            in_hunk = false;
        }
        match op {
            Op::Same(..) => {
                ai += 1;
                bj += 1;
            }
            Op::Del(_) => ai += 1,
            Op::Ins(_) => bj += 1,
        }
    }
    if out.len() > max_lines {
        let more = out.len() - max_lines;
        out.truncate(max_lines);
        out.push(format!("... ({more} more diff lines)"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diff(a: &str, b: &str) -> Vec<String> {
        unified(a, b, 1, 100)
    }

    #[test]
    fn equal_texts_have_no_diff() {
        assert!(diff("a\nb\n", "a\nb\n").is_empty());
        assert!(diff("", "").is_empty());
        assert_eq!(first_difference("a\n", "a\n"), None);
    }

    #[test]
    fn one_changed_line_with_context() {
        let d = diff("a\nb\nc\nd\ne\n", "a\nb\nX\nd\ne\n");
        assert_eq!(
            d,
            ["@@ python line 2, ftl line 2 @@", " b", "-c", "+X", " d"]
        );
        assert_eq!(first_difference("a\nb\nc\n", "a\nb\nX\n"), Some(3));
    }

    #[test]
    fn inserted_line_is_aligned_not_a_cascade() {
        let d = diff("a\nb\nc\nd\n", "a\nb\nNEW\nc\nd\n");
        assert_eq!(d, ["@@ python line 2, ftl line 2 @@", " b", "+NEW", " c"]);
    }

    #[test]
    fn output_cut_short_shows_missing_lines() {
        let d = diff("a\nb\nc\n", "a\n");
        assert_eq!(d, ["@@ python line 1, ftl line 1 @@", " a", "-b", "-c"]);
        assert_eq!(first_difference("a\nb\nc\n", "a\n"), Some(2));
    }

    #[test]
    fn lcs_aligns_the_middle() {
        // Common prefix/suffix trimmed, then `x` is kept as common.
        let d = unified("p\n1\nx\n2\ns\n", "p\n3\nx\n4\ns\n", 0, 100);
        assert_eq!(
            d,
            [
                "@@ python line 2, ftl line 2 @@",
                "-1",
                "+3",
                "@@ python line 4, ftl line 4 @@",
                "-2",
                "+4"
            ]
        );
    }

    #[test]
    fn missing_final_newline_is_a_visible_difference() {
        let d = diff("a\nb\n", "a\nb");
        assert_eq!(
            d,
            [
                "@@ python line 1, ftl line 1 @@",
                " a",
                "-b",
                "+b [no newline at end]"
            ]
        );
        assert_eq!(first_difference("a\nb\n", "a\nb"), Some(2));
    }

    #[test]
    fn control_characters_are_escaped() {
        let d = diff("a\n", "a\r\n");
        assert_eq!(d[2], "+a\\r");
    }

    #[test]
    fn long_diffs_are_capped() {
        let a: String = (0..50).map(|i| format!("{i}\n")).collect();
        let d = unified(&a, "", 3, 20);
        assert_eq!(d.len(), 21);
        assert_eq!(d[20], "... (31 more diff lines)");
        assert_eq!(d[1], "-0");
    }

    #[test]
    fn past_the_table_limit_the_middle_is_deleted_then_added() {
        // A 2101 x 2101 middle is more than LCS_CELL_LIMIT cells: the common
        // `mid` line is not aligned, it shows as deleted and added.
        let text = |p: &str| -> String {
            let mut v: Vec<String> = (0..2100).map(|i| format!("{p}{i}\n")).collect();
            v.insert(1050, "mid\n".into());
            v.concat()
        };
        let d = unified(&text("a"), &text("b"), 0, usize::MAX);
        assert_eq!(d.len(), 1 + 2 * 2101);
        assert_eq!(d[1], "-a0");
        assert_eq!(d[1 + 1050], "-mid");
        assert_eq!(d[1 + 2101], "+b0");
        // Under the limit the same shape keeps `mid` as context.
        let small = |p: &str| format!("{p}0\nmid\n{p}1\n");
        let d = unified(&small("a"), &small("b"), 0, usize::MAX);
        assert!(!d.contains(&"-mid".to_string()) && !d.contains(&"+mid".to_string()));
        assert_eq!(d.len(), 6);
    }
}
