//! Focused tests of the public API: what the `re` binding relies on.

use ftl_regex::{escape, expand, flags, parse_template, ErrorKind, Piece, Regex};

fn cps(s: &str) -> Vec<u32> {
    s.chars().map(u32::from).collect()
}

fn text(v: &[u32]) -> String {
    v.iter().map(|&c| char::from_u32(c).unwrap()).collect()
}

fn spans(re: &Regex, s: &str) -> Vec<(usize, usize)> {
    let s: Vec<char> = s.chars().collect();
    re.find_iter(&s, 0, s.len())
        .map(|m| m.span(0).unwrap())
        .collect()
}

#[test]
fn pattern_attributes() {
    let re = Regex::new("(?P<a>x)(y)(?P<b>z)", flags::IGNORECASE).unwrap();
    assert_eq!(re.groups(), 3);
    assert_eq!(
        re.groupindex(),
        &[("a".to_string(), 1), ("b".to_string(), 3)]
    );
    assert_eq!(re.group_index("b"), Some(3));
    assert_eq!(re.group_name(1), Some("a"));
    assert_eq!(re.group_name(2), None);
    assert_eq!(re.flags(), flags::IGNORECASE | flags::UNICODE);
    assert!(!re.is_bytes());
    assert_eq!(
        Regex::new_bytes(b"(?i)a", 0).unwrap().flags(),
        flags::IGNORECASE
    );
}

#[test]
fn subjects_of_any_code_unit() {
    let re = Regex::new(r"\w+", 0).unwrap();
    let chars: Vec<char> = "-caf\u{e9}-".chars().collect();
    let wide: Vec<u32> = chars.iter().map(|&c| c as u32).collect();
    let utf16: Vec<u16> = chars.iter().map(|&c| c as u16).collect();
    assert_eq!(re.search(&chars, 0, 6).unwrap().span(0), Some((1, 5)));
    assert_eq!(re.search(&wide, 0, 6).unwrap().span(0), Some((1, 5)));
    assert_eq!(re.search(&utf16, 0, 6).unwrap().span(0), Some((1, 5)));
    // A lone surrogate is just a code point that is not a word character.
    let with_surrogate: [u32; 3] = [0x61, 0xD800, 0x62];
    assert_eq!(
        re.search(&with_surrogate, 0, 3).unwrap().span(0),
        Some((0, 1))
    );
    let bytes = Regex::new_bytes(br"\w+", 0).unwrap();
    assert_eq!(
        bytes.search(b"-caf\xe9-", 0, 6).unwrap().span(0),
        Some((1, 4))
    );
}

#[test]
fn match_search_fullmatch_and_positions() {
    let re = Regex::new("b+", 0).unwrap();
    let s: Vec<char> = "abbbc".chars().collect();
    assert!(re.match_at(&s, 0, 5).is_none());
    assert_eq!(re.match_at(&s, 1, 5).unwrap().span(0), Some((1, 4)));
    assert_eq!(re.fullmatch(&s, 1, 4).unwrap().span(0), Some((1, 4)));
    assert!(re.fullmatch(&s, 1, 5).is_none());
    assert_eq!(re.search(&s, 2, 3).unwrap().span(0), Some((2, 3)));
    // Positions past the end are clamped; pos > endpos finds nothing.
    assert!(re.search(&s, 9, 99).is_none());
    assert!(re.search(&s, 3, 1).is_none());
    // `^` is the real start of the subject, not pos.
    let re = Regex::new("^b", 0).unwrap();
    assert!(re.search(&s, 1, 5).is_none());
    assert!(re.match_at(&s, 1, 5).is_none());
}

#[test]
fn iteration_follows_the_37_rules_for_empty_matches() {
    // re.sub('x*', '-', 'abxd') == '-a-b--d-'
    let re = Regex::new("x*", 0).unwrap();
    assert_eq!(spans(&re, "abxd"), [(0, 0), (1, 1), (2, 3), (3, 3), (4, 4)]);
    let pieces = parse_template(&cps("-"), &re).unwrap();
    let s: Vec<char> = "abxd".chars().collect();
    let (out, n) = re.subn(&s, &pieces, 0);
    assert_eq!((text(&out).as_str(), n), ("-a-b--d-", 5));
    // An empty match right after a non-empty one is allowed.
    let re = Regex::new("a|", 0).unwrap();
    assert_eq!(spans(&re, "aab"), [(0, 1), (1, 2), (2, 2), (3, 3)]);
    // search_from with must_advance refuses the empty match at pos.
    let re = Regex::new("a*", 0).unwrap();
    let s: Vec<char> = "ba".chars().collect();
    assert_eq!(
        re.search_from(&s, 0, 2, true).unwrap().span(0),
        Some((1, 2))
    );
    assert_eq!(
        re.search_from(&s, 0, 2, false).unwrap().span(0),
        Some((0, 0))
    );
}

#[test]
fn split_spans_with_groups() {
    let re = Regex::new("(,)|(;)", 0).unwrap();
    let s: Vec<char> = "a,b;c".chars().collect();
    assert_eq!(
        re.split(&s, 0),
        [
            Some((0, 1)),
            Some((1, 2)),
            None,
            Some((2, 3)),
            None,
            Some((3, 4)),
            Some((4, 5))
        ]
    );
    assert_eq!(re.split(&s, 1).len(), 4);
}

#[test]
fn templates_parse_and_expand() {
    let re = Regex::new("(?P<x>a)(b)?", 0).unwrap();
    let pieces = parse_template(&cps(r"<\g<x>|\2|\g<0>>\n\&"), &re).unwrap();
    assert_eq!(
        pieces,
        [
            Piece::Literal(cps("<")),
            Piece::Group(1),
            Piece::Literal(cps("|")),
            Piece::Group(2),
            Piece::Literal(cps("|")),
            Piece::Group(0),
            Piece::Literal(cps(">\n\\&")),
        ]
    );
    let s: Vec<char> = "a".chars().collect();
    let m = re.match_at(&s, 0, 1).unwrap();
    let mut out = Vec::new();
    expand(&pieces, &s, &m.spans, &mut out);
    assert_eq!(text(&out), "<a||a>\n\\&");

    let err = |t: &str| parse_template(&cps(t), &re).unwrap_err();
    let e = err(r"\5");
    assert_eq!(e.to_string(), "invalid group reference 5 at position 1");
    let e = err(r"\q");
    assert_eq!(e.to_string(), "bad escape \\q at position 0");
    let e = err(r"\g<x");
    assert_eq!(e.to_string(), "missing >, unterminated name at position 3");
    let e = err(r"\g<nope>");
    assert_eq!(
        (e.kind, e.msg.as_str()),
        (ErrorKind::IndexError, "unknown group name 'nope'")
    );
}

#[test]
fn errors_read_like_cpython() {
    let e = Regex::new("a**", 0).unwrap_err();
    assert_eq!(
        (e.kind, e.msg.as_str(), e.pos),
        (ErrorKind::Error, "multiple repeat", Some(2))
    );
    assert_eq!(e.to_string(), "multiple repeat at position 2");
    let pattern = cps("a\n(?P<a-b>x)");
    let e = Regex::compile(&pattern, false, 0).unwrap_err();
    assert_eq!(e.line_col(&pattern), Some((2, 5)));
    assert_eq!(
        e.message_for(&pattern),
        "bad character in group name 'a-b' at position 6 (line 2, column 5)"
    );
    let e = Regex::new("(?<=a+)", 0).unwrap_err();
    assert_eq!(
        (e.msg.as_str(), e.pos),
        ("look-behind requires fixed-width pattern", None)
    );
    let e = Regex::new("a", flags::LOCALE).unwrap_err();
    assert_eq!(
        (e.kind, e.msg.as_str()),
        (
            ErrorKind::ValueError,
            "cannot use LOCALE flag with a str pattern"
        )
    );
    let e = Regex::new("x{4294967295}", 0).unwrap_err();
    assert_eq!(e.kind, ErrorKind::OverflowError);
    let e = Regex::new(r"\N{EM DASH}", 0).unwrap_err();
    assert_eq!(e.kind, ErrorKind::NotImplemented);
    let e = Regex::new(r"\N{EM DASH!}", 0).unwrap_err();
    assert_eq!(e.msg, "undefined character name 'EM DASH!'");
}

#[test]
fn named_characters_with_a_lookup() {
    let lookup = |name: &str| (name.eq_ignore_ascii_case("EM DASH")).then_some(0x2014);
    let re = Regex::compile_with_names(&cps(r"a\N{em dash}b"), false, 0, &lookup).unwrap();
    let s: Vec<char> = "a\u{2014}b".chars().collect();
    assert!(re.fullmatch(&s, 0, 3).is_some());
    let e = Regex::compile_with_names(&cps(r"\N{NO SUCH}"), false, 0, &lookup).unwrap_err();
    assert_eq!(
        (e.msg.as_str(), e.pos),
        ("undefined character name 'NO SUCH'", Some(0))
    );
}

#[test]
fn cpython_311_possessive_bug_is_reported() {
    let re = Regex::new(r"(?:x(a)|x(b))*+", 0).unwrap();
    let s: Vec<char> = "xaxb".chars().collect();
    let m = re.match_at(&s, 0, 4).unwrap();
    assert!(m.wrong_span().is_some());
    let m = Regex::new("(a)", 0)
        .unwrap()
        .match_at(&['a'], 0, 1)
        .unwrap();
    assert!(m.wrong_span().is_none());
}

#[test]
fn escape_matches_re_escape() {
    assert_eq!(
        text(&escape(&cps("a.b*c d-e_\u{e9}\n"))),
        "a\\.b\\*c\\ d\\-e_\u{e9}\\\n"
    );
}

#[test]
fn regex_is_shareable_between_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Regex>();
    let re = std::sync::Arc::new(Regex::new(r"(\d+)", 0).unwrap());
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let re = re.clone();
            std::thread::spawn(move || {
                let s: Vec<char> = format!("x{i}y").chars().collect();
                re.search(&s, 0, s.len()).unwrap().span(1)
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), Some((1, 2)));
    }
}
