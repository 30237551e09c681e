//! Character classification and case mapping exactly as CPython 3.11's sre
//! does it: ASCII rules for bytes patterns and the `ASCII` flag, Unicode
//! 14.0 rules (the generated [`crate::tables`]) for str patterns.

use crate::tables;

fn in_ranges(table: &[(u32, u32)], c: u32) -> bool {
    let i = table.partition_point(|&(lo, _)| lo <= c);
    i > 0 && c <= table[i - 1].1
}

fn mapped(table: &[(u32, u32)], c: u32) -> u32 {
    match table.binary_search_by_key(&c, |&(k, _)| k) {
        Ok(i) => table[i].1,
        Err(_) => c,
    }
}

/// sre's `sre_lower_ascii`.
#[inline]
pub(crate) fn lower_ascii(c: u32) -> u32 {
    if (0x41..=0x5A).contains(&c) {
        c + 32
    } else {
        c
    }
}

/// sre's `sre_upper_ascii`.
#[inline]
pub(crate) fn upper_ascii(c: u32) -> u32 {
    if (0x61..=0x7A).contains(&c) {
        c - 32
    } else {
        c
    }
}

/// `_sre.ascii_iscased`.
pub(crate) fn is_cased_ascii(c: u32) -> bool {
    c < 128 && (c as u8).is_ascii_alphabetic()
}

/// `_sre.unicode_tolower`: the first character of `str.lower()`.
#[inline]
pub(crate) fn lower_unicode(c: u32) -> u32 {
    if c < 128 {
        lower_ascii(c)
    } else {
        mapped(tables::LOWER, c)
    }
}

/// sre's `sre_upper_unicode`: the first character of `str.upper()`.
pub(crate) fn upper_unicode(c: u32) -> u32 {
    if c < 128 {
        upper_ascii(c)
    } else {
        mapped(tables::UPPER, c)
    }
}

/// `_sre.unicode_iscased`.
pub(crate) fn is_cased_unicode(c: u32) -> bool {
    lower_unicode(c) != c || upper_unicode(c) != c
}

/// The characters that fold together with the lowercase `c` although
/// their lowercases differ (`re._compiler._EXTRA_CASES`).
pub(crate) fn extra_cases(c: u32) -> &'static [u32] {
    match tables::EXTRA_CASES.binary_search_by_key(&c, |&(k, _)| k) {
        Ok(i) => tables::EXTRA_CASES[i].1,
        Err(_) => &[],
    }
}

/// ASCII `\d`.
#[inline]
pub(crate) fn is_digit_ascii(c: u32) -> bool {
    (0x30..=0x39).contains(&c)
}

/// ASCII `\s`: space, `\t \n \v \f \r`.
#[inline]
pub(crate) fn is_space_ascii(c: u32) -> bool {
    c == 0x20 || (0x09..=0x0D).contains(&c)
}

/// ASCII `\w`.
#[inline]
pub(crate) fn is_word_ascii(c: u32) -> bool {
    c < 128 && ((c as u8).is_ascii_alphanumeric() || c == 0x5F)
}

/// Unicode `\d`: `str.isdecimal()`.
pub(crate) fn is_digit_unicode(c: u32) -> bool {
    if c < 128 {
        is_digit_ascii(c)
    } else {
        in_ranges(tables::DIGIT, c)
    }
}

/// Unicode `\s`: `str.isspace()`.
pub(crate) fn is_space_unicode(c: u32) -> bool {
    if c < 128 {
        is_space_ascii(c) || (0x1C..=0x1F).contains(&c)
    } else {
        in_ranges(tables::SPACE, c)
    }
}

/// Unicode `\w`: `str.isalnum()` or `_`.
pub(crate) fn is_word_unicode(c: u32) -> bool {
    if c < 128 {
        is_word_ascii(c)
    } else {
        in_ranges(tables::WORD, c)
    }
}

/// `str.isalpha()` of one character.
pub(crate) fn is_alpha(c: u32) -> bool {
    in_ranges(tables::ALPHA, c)
}

/// `str.isidentifier()`.
pub(crate) fn is_identifier(s: &[u32]) -> bool {
    match s.split_first() {
        None => false,
        Some((&first, rest)) => {
            in_ranges(tables::ID_START, first)
                && rest.iter().all(|&c| in_ranges(tables::ID_CONTINUE, c))
        }
    }
}

/// The decimal value of `c` if `str.isdecimal()` holds for it.
pub(crate) fn decimal_value(c: u32) -> Option<u32> {
    let t = tables::DIGIT;
    let i = t.partition_point(|&(lo, _)| lo <= c);
    if i > 0 && c <= t[i - 1].1 {
        Some((c - t[i - 1].0) % 10)
    } else {
        None
    }
}

/// `str.isprintable()` of one character.
pub(crate) fn is_printable(c: u32) -> bool {
    !in_ranges(tables::PRINTABLE_NOT, c)
}

/// The code points of `s` as a Rust string (lone surrogates, which only
/// str subjects and patterns can hold, become U+FFFD).
pub(crate) fn to_string(s: &[u32]) -> String {
    s.iter()
        .map(|&c| char::from_u32(c).unwrap_or('\u{FFFD}'))
        .collect()
}

/// `repr(s)` of a Python str, as `%r` formats it in error messages.
pub(crate) fn py_repr(s: &[u32]) -> String {
    let quote = if s.contains(&0x27) && !s.contains(&0x22) {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(quote);
    for &c in s {
        match c {
            0x5C => out.push_str("\\\\"),
            0x09 => out.push_str("\\t"),
            0x0A => out.push_str("\\n"),
            0x0D => out.push_str("\\r"),
            _ if c == quote as u32 => {
                out.push('\\');
                out.push(quote);
            }
            _ if c < 0x20 || c == 0x7F => out.push_str(&format!("\\x{c:02x}")),
            _ if c < 0x7F => out.push(char::from_u32(c).unwrap_or('?')),
            _ if is_printable(c) && char::from_u32(c).is_some() => {
                out.push(char::from_u32(c).unwrap_or('?'))
            }
            _ if c < 0x100 => out.push_str(&format!("\\x{c:02x}")),
            _ if c < 0x10000 => out.push_str(&format!("\\u{c:04x}")),
            _ => out.push_str(&format!("\\U{c:08x}")),
        }
    }
    out.push(quote);
    out
}

/// `msg.encode('ascii', 'backslashreplace').decode()`, which CPython
/// applies to the messages of errors in bytes patterns.
pub(crate) fn backslash_replace(msg: &str) -> String {
    let mut out = String::with_capacity(msg.len());
    for ch in msg.chars() {
        let c = ch as u32;
        if c < 0x80 {
            out.push(ch);
        } else if c < 0x100 {
            out.push_str(&format!("\\x{c:02x}"));
        } else if c < 0x10000 {
            out.push_str(&format!("\\u{c:04x}"));
        } else {
            out.push_str(&format!("\\U{c:08x}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_mappings_follow_sre() {
        assert_eq!(lower_unicode('A' as u32), 'a' as u32);
        assert_eq!(lower_unicode(0x130), 'i' as u32); // İ: first char of "i̇"
        assert_eq!(upper_unicode(0xDF), 'S' as u32); // ß: first char of "SS"
        assert!(is_cased_unicode(0xDF));
        assert!(is_cased_unicode(0x390)); // ΐ: "Ϊ́".upper() starts with Ϊ
        assert!(!is_cased_unicode(0xAA)); // ª has no case mapping
        assert_eq!(extra_cases('s' as u32), &[0x17F]);
        assert_eq!(lower_ascii(0xC9), 0xC9);
    }

    #[test]
    fn classes_follow_str_methods() {
        assert!(is_digit_unicode(0x0663)); // ARABIC-INDIC DIGIT THREE
        assert!(!is_digit_unicode(0xB2)); // superscript two: isdigit, not isdecimal
        assert!(is_word_unicode(0xB2));
        assert!(is_word_unicode(0xE9));
        assert!(!is_word_unicode(0x345)); // a combining mark is not alnum
        assert!(is_space_unicode(0x1F) && is_space_unicode(0x85) && is_space_unicode(0x3000));
        assert!(!is_space_unicode(0x200B));
        assert_eq!(decimal_value(0x0663), Some(3));
        assert!(is_identifier(&['_' as u32, 'a' as u32, '1' as u32]));
        assert!(!is_identifier(&['1' as u32]));
    }

    #[test]
    fn repr_picks_quotes_like_python() {
        let s = |t: &str| t.chars().map(|c| c as u32).collect::<Vec<_>>();
        assert_eq!(py_repr(&s("a-b")), "'a-b'");
        assert_eq!(py_repr(&s("a'b")), "\"a'b\"");
        assert_eq!(py_repr(&s("a\tb\u{e9}\u{0}")), "'a\\tb\u{e9}\\x00'");
        assert_eq!(backslash_replace("a\u{e9}"), "a\\xe9");
    }
}
