//! Long subjects and deeply nested patterns must not overflow the stack:
//! the parser, compiler and matcher keep their stacks on the heap. Each
//! test runs in a thread with a deliberately small stack (256 KiB).

use ftl_regex::Regex;

fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("no panic, no overflow");
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

#[test]
fn a_million_characters_through_a_general_repeat() {
    on_small_stack(|| {
        let subject = chars(&("ab".repeat(500_000) + "c"));
        let n = subject.len();
        for pattern in [
            "(a|b)*c",
            "(a|b)*?c",
            "(?:(a)|b)*c",
            "((a)|(b))+c",
            "(?:a|b)*c",
            "(a|b)*+c",
            "(?>(a|b)*)c",
            "(?:ab)*c",
            "(?:a(?=b)|b)*c",
            ".*c",
        ] {
            let re = Regex::new(pattern, 0).unwrap();
            let m = re
                .match_at(&subject, 0, n)
                .unwrap_or_else(|| panic!("{pattern} matches"));
            assert_eq!(m.span(0), Some((0, n)), "{pattern}");
        }
        let re = Regex::new("(a|b)*c", 0).unwrap();
        let m = re.match_at(&subject, 0, n).unwrap();
        assert_eq!(m.span(1), Some((n - 2, n - 1)));
        assert_eq!(m.lastindex, Some(1));
        // Backtracking all the way: the repeat gives back every iteration.
        let re = Regex::new("(a|b)*x", 0).unwrap();
        assert!(re.match_at(&subject, 0, n).is_none());
        // Bytes too.
        let bytes = subject.iter().map(|&c| c as u8).collect::<Vec<u8>>();
        let re = Regex::new_bytes(b"(a|b)*c", 0).unwrap();
        assert_eq!(re.fullmatch(&bytes, 0, n).unwrap().span(0), Some((0, n)));
    });
}

#[test]
fn a_million_characters_searched_and_iterated() {
    on_small_stack(|| {
        let subject = chars(&("x".repeat(1_000_000) + "needle"));
        let re = Regex::new("ne+dle", 0).unwrap();
        assert_eq!(
            re.search(&subject, 0, subject.len()).unwrap().span(0),
            Some((1_000_000, 1_000_006))
        );
        let re = Regex::new("x", 0).unwrap();
        assert_eq!(re.find_iter(&subject, 0, subject.len()).count(), 1_000_000);
        let re = Regex::new("", 0).unwrap();
        assert_eq!(re.find_iter(&subject, 0, subject.len()).count(), 1_000_007);
    });
}

#[test]
fn ten_thousand_nested_groups() {
    on_small_stack(|| {
        const N: usize = 10_000;
        let cases = [
            ("(".repeat(N) + "a" + &")".repeat(N), "a", N),
            ("(?:".repeat(N) + "a" + &")".repeat(N), "a", 0),
            ("(?:a|".repeat(N) + "b" + &")".repeat(N), "b", 0),
            ("(?=".repeat(N) + "a" + &")".repeat(N) + "a", "a", 0),
            ("(?>".repeat(N) + "a" + &")".repeat(N), "a", 0),
            ("(?i:".repeat(N) + "A" + &")".repeat(N), "a", 0),
            ("(?:x".repeat(N) + &")?".repeat(N), &"x".repeat(N), 0),
            // sre saves every mark at each level: quadratic, so shallower.
            (
                "(a".repeat(N / 10) + &")?".repeat(N / 10),
                &"a".repeat(N / 10),
                N / 10,
            ),
        ];
        for (pattern, subject, groups) in cases {
            let re =
                Regex::new(&pattern, 0).unwrap_or_else(|e| panic!("{}...: {e}", &pattern[..20]));
            assert_eq!(re.groups(), groups);
            let s = chars(subject);
            let m = re
                .fullmatch(&s, 0, s.len())
                .unwrap_or_else(|| panic!("{}... matches", &pattern[..20]));
            assert_eq!(m.span(0), Some((0, s.len())));
            if groups > 0 {
                assert_eq!(m.span(groups), Some((s.len() - 1, s.len())));
            }
        }
        // A deep lookbehind (its width is computed without recursion).
        let pattern = "(?<=".to_string() + &"(?:".repeat(N) + "ab" + &")".repeat(N) + ")c";
        let re = Regex::new(&pattern, 0).unwrap();
        let s = chars("abc");
        assert_eq!(re.search(&s, 0, 3).unwrap().span(0), Some((2, 3)));
        // Errors deep inside still come back.
        let err = Regex::new(&("(".repeat(N) + "a**" + &")".repeat(N)), 0).unwrap_err();
        assert_eq!(
            (err.msg.as_str(), err.pos),
            ("multiple repeat", Some(N + 2))
        );
        let err = Regex::new(&"(".repeat(N), 0).unwrap_err();
        assert_eq!(err.msg, "missing ), unterminated subpattern");
    });
}
