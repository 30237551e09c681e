//! Every payload type is checked `Send + Sync` on a shared heap.
//!
//! The check itself is the compiler's: `ftl_object::assert_shareable!`
//! makes a generic function whose body must type-check for every
//! `P: SharedHeap`. What this test keeps honest is the list each crate
//! hands to that macro: every type a crate's `src/` implements `Payload`
//! for must be named in one `assert_shareable!` of the same crate, so a new
//! payload with a `Cell` in it cannot slip past by being left off.

use std::fs;
use std::path::{Path, PathBuf};

fn crates_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the workspace root")
        .join("crates")
}

fn sources(dir: &Path, out: &mut Vec<String>) {
    for entry in fs::read_dir(dir).expect("read a source folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(fs::read_to_string(&path).expect("read a source file"));
        }
    }
}

/// The type names after `Payload<P> for` in `text` (the last path segment,
/// without generics).
fn payload_impls(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for line in text.lines() {
        let line = line.trim_start();
        if !line.starts_with("unsafe impl") {
            continue;
        }
        let Some(at) = line.find("Payload<P> for ") else {
            continue;
        };
        let ty = &line[at + "Payload<P> for ".len()..];
        let name: String = ty
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        names.push(name.rsplit("::").next().unwrap_or("").to_string());
    }
    names
}

/// The type names listed in the `assert_shareable!` invocations of `text`.
fn listed(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("assert_shareable!(P =>") {
        let body = &rest[at + "assert_shareable!(P =>".len()..];
        let end = body
            .find(");")
            .expect("an assert_shareable! ends with `);`");
        for item in body[..end].split(',') {
            let item = item.trim();
            let base = item.split('<').next().unwrap_or("");
            if let Some(last) = base.rsplit("::").next() {
                if !last.is_empty() {
                    names.push(last.to_string());
                }
            }
        }
        rest = &body[end..];
    }
    names
}

#[test]
fn payloads_are_checked_shareable() {
    let mut missing = Vec::new();
    let mut checked = 0;
    for entry in fs::read_dir(crates_dir()).expect("crates/").flatten() {
        let src = entry.path().join("src");
        if !src.is_dir() {
            continue;
        }
        let mut files = Vec::new();
        sources(&src, &mut files);
        let listed: Vec<String> = files.iter().flat_map(|f| listed(f)).collect();
        for name in files.iter().flat_map(|f| payload_impls(f)) {
            checked += 1;
            if !listed.contains(&name) {
                missing.push(format!("{}: {name}", entry.file_name().to_string_lossy()));
            }
        }
    }
    assert!(
        checked >= 30,
        "found only {checked} payload impls: is the pattern stale?"
    );
    assert!(
        missing.is_empty(),
        "payload types missing from their crate's assert_shareable!:\n{}",
        missing.join("\n")
    );
}
