//! Where `unsafe` may live (docs/ARCHITECTURE.md, invariant 2), checked.
//!
//! The compiler does the enforcing: the workspace denies the `unsafe_code`
//! lint, so `unsafe` anywhere else is a build error. What this test keeps
//! honest is the way out of that lint:
//!
//! * the files that hold `allow(unsafe_code)` are exactly the files the
//!   architecture page lists between its `unsafe-allowlist` markers (an
//!   unlisted allow fails, and so does a listed file that no longer needs
//!   one, so the page stays true);
//! * a file-level `#![allow(unsafe_code)]` is never in a crate root or in
//!   a file that declares child modules, which would inherit it;
//! * the allow is spelled alone (`allow(unsafe_code)`), never folded into
//!   another lint list or a `cfg_attr`, where this test could miss it;
//! * the workspace keeps `unsafe_code = "deny"` and every crate inherits
//!   the workspace lints.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the workspace root")
        .to_path_buf()
}

/// Every `.rs` file of the workspace's crates, relative to the root.
fn rust_files(root: &Path) -> Vec<String> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<String>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                if name == "target" || name.starts_with("target-") || name.starts_with('.') {
                    continue;
                }
                walk(&path, root, out);
            } else if name.ends_with(".rs") {
                let rel = path.strip_prefix(root).expect("under the root");
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let mut out = Vec::new();
    for top in ["crates", "xtask", "benches"] {
        walk(&root.join(top), root, &mut out);
    }
    out.sort();
    out
}

/// The files the architecture page allows `unsafe` in.
fn listed_files(root: &Path) -> BTreeSet<String> {
    let page = fs::read_to_string(root.join("docs/ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let begin = page
        .find("<!-- unsafe-allowlist: begin -->")
        .expect("the page marks the start of its unsafe list");
    let end = page
        .find("<!-- unsafe-allowlist: end -->")
        .expect("the page marks the end of its unsafe list");
    let list = &page[begin..end];
    list.split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| s.ends_with(".rs"))
        .map(str::to_string)
        .collect()
}

/// The attribute lines that name the `unsafe_code` lint.
fn lint_lines(source: &str) -> Vec<(usize, &str)> {
    source
        .lines()
        .enumerate()
        .filter(|(_, l)| {
            let t = l.trim_start();
            t.starts_with('#') && t.contains("unsafe_code")
        })
        .map(|(i, l)| (i + 1, l.trim()))
        .collect()
}

/// A library's or a binary's root, whose lint levels cover the whole
/// crate. (An integration test file is a crate root too, but its crate is
/// that one test file.)
fn is_crate_root(path: &str) -> bool {
    path.ends_with("src/lib.rs") || path.ends_with("src/main.rs") || path.contains("/src/bin/")
}

fn declares_child_modules(source: &str) -> bool {
    source.lines().any(|l| {
        let t = l.trim();
        (t.starts_with("mod ") || t.starts_with("pub mod ") || t.starts_with("pub(crate) mod "))
            && t.ends_with(';')
    })
}

#[test]
fn unsafe_code_is_allowed_only_in_the_listed_files() {
    let root = workspace_root();
    let listed = listed_files(&root);
    assert!(!listed.is_empty(), "the unsafe list is empty or unreadable");
    let mut allowed = BTreeSet::new();
    let mut problems = Vec::new();
    for file in rust_files(&root) {
        let source = fs::read_to_string(root.join(&file)).expect("readable source");
        for (line, text) in lint_lines(&source) {
            let file_level = text.starts_with("#![allow(unsafe_code)]");
            let item_level = text.starts_with("#[allow(unsafe_code)]");
            let forbid = text.starts_with("#![forbid(unsafe_code)]");
            if forbid {
                continue;
            }
            if !file_level && !item_level {
                problems.push(format!(
                    "{file}:{line}: `unsafe_code` outside a plain allow attribute: {text}"
                ));
                continue;
            }
            if file_level && is_crate_root(&file) {
                problems.push(format!(
                    "{file}:{line}: a file-level allow in a crate root allows the whole crate"
                ));
            }
            if file_level && declares_child_modules(&source) {
                problems.push(format!(
                    "{file}:{line}: a file-level allow here is inherited by its child modules"
                ));
            }
            allowed.insert(file.clone());
        }
    }
    for file in allowed.difference(&listed) {
        problems.push(format!(
            "{file} allows unsafe_code but docs/ARCHITECTURE.md does not list it"
        ));
    }
    for file in listed.difference(&allowed) {
        problems.push(format!(
            "docs/ARCHITECTURE.md lists {file}, which holds no allow(unsafe_code) (or does not exist)"
        ));
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn every_crate_keeps_the_workspace_deny() {
    let root = workspace_root();
    let manifest = fs::read_to_string(root.join("Cargo.toml")).expect("Cargo.toml");
    let lints = manifest
        .split("[workspace.lints.rust]")
        .nth(1)
        .expect("a [workspace.lints.rust] table");
    let lints = lints.split("\n[").next().unwrap_or(lints);
    assert!(
        lints
            .lines()
            .any(|l| l.replace(' ', "") == "unsafe_code=\"deny\""),
        "[workspace.lints.rust] must set unsafe_code = \"deny\""
    );
    let mut manifests = vec![
        root.join("xtask/Cargo.toml"),
        root.join("benches/Cargo.toml"),
    ];
    for entry in fs::read_dir(root.join("crates"))
        .expect("crates/")
        .flatten()
    {
        let m = entry.path().join("Cargo.toml");
        if m.exists() {
            manifests.push(m);
        }
    }
    for m in manifests {
        let text = fs::read_to_string(&m).expect("manifest");
        let inherits = text.split("\n[lints]").nth(1).is_some_and(|rest| {
            rest.lines()
                .nth(1)
                .is_some_and(|l| l.replace(' ', "") == "workspace=true")
        });
        assert!(
            inherits,
            "{} must have `[lints] workspace = true`",
            m.display()
        );
    }
}
