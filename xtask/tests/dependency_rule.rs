//! The dependency rule (docs/ARCHITECTURE.md, invariant 1), checked on the
//! manifests as cargo reads them (`cargo metadata`).
//!
//! The rule in one table: for each crate of ours, the crates of ours it may
//! depend on (normal and build dependencies; dev-dependencies are the
//! tests' business). A new crate must be added here, so that its place in
//! the layering is a decision someone wrote down.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

/// Each workspace crate and the workspace crates it may depend on.
const ALLOWED: &[(&str, &[&str])] = &[
    // The bottom: nothing of ours.
    ("ftl-core", &[]),
    ("ftl-algorithms", &[]),
    ("ftl-regex", &[]),
    // The front end: integer literals are ftl-algorithms' IntValue.
    ("ftl-syntax", &["ftl-algorithms"]),
    // The object model: the contracts, and the int/hash algorithms.
    ("ftl-object", &["ftl-core", "ftl-algorithms"]),
    // Mechanisms: core, and object where they must; never the VM.
    ("ftl-gil", &["ftl-core"]),
    ("ftl-heap", &["ftl-core", "ftl-object"]),
    ("ftl-gc", &["ftl-core", "ftl-object"]),
    // The VM composes them.
    (
        "ftl-vm",
        &[
            "ftl-core",
            "ftl-algorithms",
            "ftl-regex",
            "ftl-syntax",
            "ftl-object",
            "ftl-gil",
            "ftl-heap",
            "ftl-gc",
        ],
    ),
    (
        "ftl-subinterp",
        &["ftl-core", "ftl-object", "ftl-gil", "ftl-heap", "ftl-vm"],
    ),
    // Leaves: nothing depends on them.
    (
        "ftl-cli",
        &["ftl-core", "ftl-object", "ftl-vm", "ftl-subinterp"],
    ),
    ("xtask", &[]),
    ("ftl-benches", &["ftl-core", "ftl-object", "ftl-heap"]),
];

fn workspace_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the workspace root")
}

/// Each workspace package's workspace dependencies (not dev-only).
fn workspace_graph() -> BTreeMap<String, BTreeSet<String>> {
    let root = workspace_root();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(root)
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let packages = meta["packages"].as_array().expect("packages");
    let ours: BTreeSet<String> = packages
        .iter()
        .map(|p| p["name"].as_str().expect("name").to_string())
        .collect();
    packages
        .iter()
        .map(|p| {
            let deps = p["dependencies"]
                .as_array()
                .expect("dependencies")
                .iter()
                .filter(|d| d["kind"].as_str() != Some("dev"))
                .filter_map(|d| d["name"].as_str())
                .filter(|n| ours.contains(*n))
                .map(str::to_string)
                .collect();
            (p["name"].as_str().expect("name").to_string(), deps)
        })
        .collect()
}

#[test]
fn crates_depend_only_downwards() {
    let graph = workspace_graph();
    let allowed: BTreeMap<&str, BTreeSet<&str>> = ALLOWED
        .iter()
        .map(|(c, deps)| (*c, deps.iter().copied().collect()))
        .collect();
    let mut problems = Vec::new();
    for (krate, deps) in &graph {
        let Some(ok) = allowed.get(krate.as_str()) else {
            problems.push(format!(
                "{krate} is not in the dependency rule's table: decide where it sits"
            ));
            continue;
        };
        for dep in deps {
            if !ok.contains(dep.as_str()) {
                problems.push(format!("{krate} must not depend on {dep}"));
            }
        }
    }
    for krate in allowed.keys() {
        if !graph.contains_key(*krate) {
            problems.push(format!(
                "the table names {krate}, which is not a workspace member"
            ));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn the_parser_is_named_by_ftl_syntax_alone() {
    let root = workspace_root();
    let mut naming = Vec::new();
    let mut dirs: Vec<_> = std::fs::read_dir(root.join("crates"))
        .expect("crates/")
        .flatten()
        .map(|e| e.path())
        .collect();
    dirs.push(root.join("xtask"));
    dirs.push(root.join("benches"));
    for dir in dirs {
        let Ok(manifest) = std::fs::read_to_string(dir.join("Cargo.toml")) else {
            continue;
        };
        if manifest
            .lines()
            .any(|l| l.trim_start().starts_with("ruff_"))
        {
            naming.push(dir.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    assert_eq!(naming, ["syntax"], "only crates/syntax may depend on ruff");
}
