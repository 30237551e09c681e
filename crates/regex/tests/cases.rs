//! Checks ftl-regex against CPython 3.11 on every case of `cases.txt`
//! (written by `gen_cases.py`, which documents the format): the same
//! compile errors, spans, `lastindex`, `finditer`/`sub`/`split` results.

use ftl_regex::{parse_template, Error, ErrorKind, Match, Regex};

const WRONG_SPAN: &str =
    "The span of capturing group is wrong, please report a bug for the re module.";

/// A text field: `'` then the text, with `\\`, `\xNN`, `\uNNNN` and
/// `\UNNNNNNNN` escapes.
fn text(field: &str) -> Option<Vec<u32>> {
    if field == "-" {
        return None;
    }
    let body = field
        .strip_prefix('\'')
        .expect("a text field starts with '");
    let chars: Vec<char> = body.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '\\' {
            out.push(chars[i] as u32);
            i += 1;
            continue;
        }
        let n = match chars[i + 1] {
            '\\' => {
                out.push('\\' as u32);
                i += 2;
                continue;
            }
            'x' => 2,
            'u' => 4,
            'U' => 8,
            c => panic!("bad escape \\{c} in {field}"),
        };
        let hex: String = chars[i + 2..i + 2 + n].iter().collect();
        out.push(u32::from_str_radix(&hex, 16).expect("hex"));
        i += 2 + n;
    }
    Some(out)
}

fn esc(s: &[u32]) -> String {
    let mut out = String::from("'");
    for &c in s {
        if c == '\\' as u32 {
            out.push_str("\\\\");
        } else if (0x20..0x7F).contains(&c) {
            out.push(char::from_u32(c).unwrap());
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

fn int(field: &str) -> Option<usize> {
    if field == "-" {
        None
    } else {
        Some(field.parse().expect("an integer"))
    }
}

fn err_fields(e: &Error) -> Vec<String> {
    let kind = match e.kind {
        ErrorKind::Error => "Error",
        ErrorKind::ValueError => "ValueError",
        ErrorKind::OverflowError => "OverflowError",
        ErrorKind::IndexError => "IndexError",
        ErrorKind::NotImplemented => "NotImplemented",
    };
    let pos = e.pos.map_or("-".to_string(), |p| p.to_string());
    let msg: Vec<u32> = e.msg.chars().map(u32::from).collect();
    vec!["err".into(), kind.into(), pos, esc(&msg)]
}

fn wrong_span(m: &Match) -> bool {
    m.wrong_span() == Some(WRONG_SPAN)
}

fn mfield(m: Option<&Match>) -> String {
    let Some(m) = m else {
        return "none".into();
    };
    let spans: Vec<String> = m
        .spans
        .iter()
        .map(|s| s.map_or("-".to_string(), |(a, b)| format!("{a},{b}")))
        .collect();
    let li = m.lastindex.map_or("-".to_string(), |l| l.to_string());
    format!("{};{}", spans.join("/"), li)
}

fn system_error() -> Vec<String> {
    let msg: Vec<u32> = WRONG_SPAN.chars().map(u32::from).collect();
    vec!["err".into(), "SystemError".into(), "-".into(), esc(&msg)]
}

/// Runs `op` on a subject of any character type.
fn run_op<C: Copy + Into<u32>>(re: &Regex, op: &str, subject: &[C], args: &[&str]) -> Vec<String> {
    let len = subject.len();
    match op {
        "search" | "match" | "fullmatch" => {
            let pos = int(args[1]).unwrap_or(0);
            let endpos = int(args[2]).unwrap_or(len);
            let m = match op {
                "search" => re.search(subject, pos, endpos),
                "match" => re.match_at(subject, pos, endpos),
                _ => re.fullmatch(subject, pos, endpos),
            };
            if m.as_ref().is_some_and(wrong_span) {
                return system_error();
            }
            vec![mfield(m.as_ref())]
        }
        "finditer" => {
            let pos = int(args[1]).unwrap_or(0);
            let endpos = int(args[2]).unwrap_or(len);
            let ms: Vec<Match> = re.find_iter(subject, pos, endpos).collect();
            if ms.iter().any(wrong_span) {
                return system_error();
            }
            let mut out = vec![format!("n={}", ms.len())];
            out.extend(ms.iter().map(|m| mfield(Some(m))));
            out
        }
        "sub" => {
            let repl = text(args[1]).expect("a template");
            let count = int(args[2]).unwrap_or(0);
            match parse_template(&repl, re) {
                Err(e) => err_fields(&e),
                Ok(pieces) => {
                    let (out, n) = re.subn(subject, &pieces, count);
                    vec![esc(&out), format!("n={n}")]
                }
            }
        }
        "split" => {
            let maxsplit = int(args[1]).unwrap_or(0);
            let codes: Vec<u32> = subject.iter().map(|&c| c.into()).collect();
            re.split(subject, maxsplit)
                .into_iter()
                .map(|p| p.map_or("-".to_string(), |(a, b)| esc(&codes[a..b])))
                .collect()
        }
        _ => panic!("unknown op {op}"),
    }
}

/// The result of one case line, as the line writes it.
fn check(line: &str) -> Result<(), String> {
    let fields: Vec<&str> = line.split('\t').collect();
    let arrow = fields.iter().position(|&f| f == "=>").expect("=>");
    let (head, expected) = (&fields[..arrow], &fields[arrow + 1..]);
    let op = head[0];
    let is_bytes = head[1] == "b";
    let flags: u32 = head[2].parse().expect("flags");
    let pattern = text(head[3]).expect("a pattern");
    let args = &head[4..];
    let got: Vec<String> = match Regex::compile(&pattern, is_bytes, flags) {
        Err(e) => err_fields(&e),
        Ok(re) if op == "compile" => {
            let mut v = vec![
                "ok".to_string(),
                re.groups().to_string(),
                re.flags().to_string(),
            ];
            for (name, i) in re.groupindex() {
                let t: Vec<u32> = format!("{name}={i}").chars().map(u32::from).collect();
                v.push(esc(&t));
            }
            v
        }
        Ok(re) => {
            let subject = text(args[0]).unwrap_or_default();
            if is_bytes {
                let bytes: Vec<u8> = subject.iter().map(|&c| c as u8).collect();
                run_op(&re, op, &bytes, args)
            } else {
                let got = run_op(&re, op, &subject, args);
                // The same on &[char] where the subject has no lone surrogate.
                if let Some(chars) = subject
                    .iter()
                    .map(|&c| char::from_u32(c))
                    .collect::<Option<Vec<char>>>()
                {
                    let again = run_op(&re, op, &chars, args);
                    if again != got {
                        return Err(format!("&[char] gives {again:?}, &[u32] {got:?}"));
                    }
                }
                got
            }
        }
    };
    if got == expected {
        Ok(())
    } else {
        Err(format!("got      {}", got.join("\t")))
    }
}

#[test]
fn cpython_cases() {
    // FTL_REGEX_CASES=path checks another file of the same format (for
    // larger fuzz runs made with gen_cases.py's generator).
    let extra = std::env::var("FTL_REGEX_CASES").ok();
    let owned = extra.map(|p| std::fs::read_to_string(p).expect("FTL_REGEX_CASES file"));
    let data = owned.as_deref().unwrap_or(include_str!("cases.txt"));
    let mut failures = Vec::new();
    let mut total = 0;
    for (n, line) in data.lines().enumerate() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        total += 1;
        let outcome = std::panic::catch_unwind(|| check(line));
        let problem = match outcome {
            Ok(Ok(())) => continue,
            Ok(Err(e)) => e,
            Err(_) => "panicked".to_string(),
        };
        failures.push(format!("line {}: {line}\n  {problem}", n + 1));
    }
    assert!(
        owned.is_some() || total > 1500,
        "cases.txt has only {total} cases"
    );
    if !failures.is_empty() {
        let shown: Vec<&String> = failures.iter().take(60).collect();
        panic!(
            "{} of {total} cases differ from CPython:\n{}",
            failures.len(),
            shown
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}
