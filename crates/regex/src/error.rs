//! The error a pattern or a replacement template can raise, as CPython
//! raises it: which exception, its message, and where.

use std::fmt;

/// Which Python exception an [`Error`] stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// `re.error` (`re.PatternError`): a bad pattern or template.
    Error,
    /// `ValueError`: flags that do not fit the pattern's kind, e.g.
    /// "cannot use LOCALE flag with a str pattern".
    ValueError,
    /// `OverflowError`: "the repetition number is too large".
    OverflowError,
    /// `IndexError`: "unknown group name 'x'" in a replacement template.
    IndexError,
    /// Not CPython's: something this crate refuses (`\N{...}` without a
    /// name table). The binding should raise `NotImplementedError`.
    NotImplemented,
}

/// A compile or template error: CPython 3.11's exception, `msg` (its
/// `re.error.msg`) and `pos` (its `re.error.pos`, an index into the pattern
/// or template in code points for str, bytes for bytes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// The exception to raise.
    pub kind: ErrorKind,
    /// The message, without the position suffix.
    pub msg: String,
    /// Where in the pattern (or template), for `re.error`; `None` where
    /// CPython gives none.
    pub pos: Option<usize>,
}

impl Error {
    pub(crate) fn at(msg: impl Into<String>, pos: usize) -> Error {
        Error {
            kind: ErrorKind::Error,
            msg: msg.into(),
            pos: Some(pos),
        }
    }

    pub(crate) fn new(kind: ErrorKind, msg: impl Into<String>) -> Error {
        Error {
            kind,
            msg: msg.into(),
            pos: None,
        }
    }

    /// `(lineno, colno)` as `re.error` computes them from the pattern (or
    /// template) text the error was raised for: 1-based line, and the
    /// column counted from the last newline before `pos`.
    pub fn line_col(&self, text: &[u32]) -> Option<(usize, usize)> {
        let pos = self.pos?;
        let before = &text[..pos.min(text.len())];
        let line = 1 + before.iter().filter(|&&c| c == 0x0A).count();
        let col = match before.iter().rposition(|&c| c == 0x0A) {
            Some(i) => pos - i,
            None => pos + 1,
        };
        Some((line, col))
    }

    /// `str(exc)` as CPython prints it for this error raised on `text`:
    /// `msg`, then ` at position N` when there is a position, then
    /// ` (line L, column C)` when the text has a newline.
    pub fn message_for(&self, text: &[u32]) -> String {
        let Some(pos) = self.pos else {
            return self.msg.clone();
        };
        let mut s = format!("{} at position {}", self.msg, pos);
        if text.contains(&0x0A) {
            if let Some((line, col)) = self.line_col(text) {
                s.push_str(&format!(" (line {line}, column {col})"));
            }
        }
        s
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.pos {
            Some(pos) => write!(f, "{} at position {}", self.msg, pos),
            None => f.write_str(&self.msg),
        }
    }
}

impl std::error::Error for Error {}
