//! Replacement templates for `re.sub` and `Match.expand`: CPython 3.11's
//! `_parser.parse_template` and `_sre`'s expansion.

use crate::error::{Error, ErrorKind};
use crate::parser::{is_in, py_int, small_value, Tokenizer, MAXGROUPS};
use crate::unicode;
use crate::Regex;

/// One piece of a parsed template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Text to copy (code points; below 256 for bytes).
    Literal(Vec<u32>),
    /// The text of a group (`\1`, `\g<1>`, `\g<name>`); empty when the
    /// group did not take part in the match.
    Group(usize),
}

/// `addgroup`: a reference to group `index`, checked against the
/// pattern's `groups`.
fn add_group(
    pieces: &mut Vec<Piece>,
    literal: &mut Vec<u32>,
    groups: usize,
    index: u64,
    offset: usize,
    tz: &Tokenizer<'_>,
) -> Result<(), Error> {
    if index > groups as u64 {
        return Err(tz.error(format!("invalid group reference {index}"), offset));
    }
    if !literal.is_empty() {
        pieces.push(Piece::Literal(std::mem::take(literal)));
    }
    pieces.push(Piece::Group(index as usize));
    Ok(())
}

fn is_oct(c: u32) -> bool {
    (0x30..=0x37).contains(&c)
}

/// Parses the replacement `repl` (code points for a str pattern, bytes as
/// values below 256 for a bytes one) against `regex`'s groups, with
/// CPython's errors: "invalid group reference 5" (`re.error`, at the
/// reference), "bad escape \q", "missing <", "missing >, unterminated
/// name", "bad character in group name 'a-b'", and `IndexError` "unknown
/// group name 'x'". Other escapes of non-letters stay as written (`\&`).
pub fn parse_template(repl: &[u32], regex: &Regex) -> Result<Vec<Piece>, Error> {
    let mut tz = Tokenizer::new(repl, regex.is_bytes())?;
    let mut pieces = Vec::new();
    let mut literal: Vec<u32> = Vec::new();
    let groups = regex.groups();
    while let Some(this) = tz.get()? {
        if !this.esc {
            literal.push(this.c);
            continue;
        }
        let c = this.c;
        match char::from_u32(c).unwrap_or('\u{FFFD}') {
            'g' => {
                if !tz.matches('<')? {
                    return Err(tz.error("missing <", 0));
                }
                let name = tz.getuntil('>', "group name")?;
                let index = if unicode::is_identifier(&name) {
                    match regex.group_index(&unicode::to_string(&name)) {
                        Some(i) => i as u64,
                        None => {
                            return Err(Error::new(
                                ErrorKind::IndexError,
                                format!("unknown group name {}", unicode::py_repr(&name)),
                            ))
                        }
                    }
                } else {
                    let bad = || format!("bad character in group name {}", unicode::py_repr(&name));
                    let Some((negative, digits)) = py_int(&name) else {
                        return Err(tz.error(bad(), name.len() + 1));
                    };
                    if negative && digits != "0" {
                        return Err(tz.error(bad(), name.len() + 1));
                    }
                    match small_value(&digits, MAXGROUPS) {
                        Some(v) => v,
                        None => {
                            return Err(tz.error(
                                format!("invalid group reference {digits}"),
                                name.len() + 1,
                            ))
                        }
                    }
                };
                add_group(
                    &mut pieces,
                    &mut literal,
                    groups,
                    index,
                    name.len() + 1,
                    &tz,
                )?;
            }
            '0' => {
                let mut v = 0u32;
                for _ in 0..2 {
                    if is_in(tz.next, "01234567") {
                        v = v * 8 + (tz.get()?.expect("a digit").c - 0x30);
                    } else {
                        break;
                    }
                }
                literal.push(v & 0xFF);
            }
            '1'..='9' => {
                let mut digits = vec![c];
                let mut octal = false;
                if is_in(tz.next, "0123456789") {
                    digits.push(tz.get()?.expect("a digit").c);
                    if is_oct(c) && is_oct(digits[1]) && is_in(tz.next, "01234567") {
                        digits.push(tz.get()?.expect("a digit").c);
                        octal = true;
                        let v = digits.iter().fold(0, |acc, &d| acc * 8 + (d - 0x30));
                        if v > 0o377 {
                            return Err(tz.error(
                                format!(
                                    "octal escape value \\{} outside of range 0-0o377",
                                    unicode::to_string(&digits)
                                ),
                                digits.len() + 1,
                            ));
                        }
                        literal.push(v);
                    }
                }
                if !octal {
                    let index = digits
                        .iter()
                        .fold(0u64, |acc, &d| acc * 10 + u64::from(d - 0x30));
                    add_group(&mut pieces, &mut literal, groups, index, digits.len(), &tz)?;
                }
            }
            ch => {
                let escaped = match ch {
                    'a' => Some(7),
                    'b' => Some(8),
                    'f' => Some(12),
                    'n' => Some(10),
                    'r' => Some(13),
                    't' => Some(9),
                    'v' => Some(11),
                    '\\' => Some(92),
                    _ => None,
                };
                match escaped {
                    Some(v) => literal.push(v),
                    None if ch.is_ascii_alphabetic() => {
                        return Err(tz.error(format!("bad escape \\{ch}"), 2));
                    }
                    None => literal.extend([0x5C, c]),
                }
            }
        }
    }
    if !literal.is_empty() {
        pieces.push(Piece::Literal(literal));
    }
    Ok(pieces)
}

/// Appends the expansion of `pieces` for a match on `subject` with group
/// spans `spans` (group 0 first) to `out`.
pub fn expand<C: Copy + Into<u32>>(
    pieces: &[Piece],
    subject: &[C],
    spans: &[Option<(usize, usize)>],
    out: &mut Vec<u32>,
) {
    for piece in pieces {
        match piece {
            Piece::Literal(text) => out.extend_from_slice(text),
            Piece::Group(g) => {
                if let Some(Some((s, e))) = spans.get(*g) {
                    out.extend(subject[*s..*e].iter().map(|&c| c.into()));
                }
            }
        }
    }
}
