//! The `ftl` command's own interface (the programs it runs are the
//! corpora's business): `ftl runtimes`, `ftl runtimes --json`, usage
//! errors.

use std::process::Command;

fn ftl(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ftl"))
        .args(args)
        .output()
        .expect("run ftl")
}

#[test]
fn runtimes_json_lists_the_registry() {
    let out = ftl(&["runtimes", "--json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let runtimes = v["runtimes"].as_array().expect("runtimes array");
    assert_eq!(runtimes.len(), ftl_vm::RUNTIMES.len());
    for (json, info) in runtimes.iter().zip(ftl_vm::RUNTIMES) {
        assert_eq!(json["name"], info.name);
        assert_eq!(json["available"], info.available);
        assert_eq!(json["features"], serde_json::json!(info.features));
    }
    let defaults: Vec<&serde_json::Value> =
        runtimes.iter().filter(|r| r["default"] == true).collect();
    assert_eq!(defaults.len(), 1);
    assert_eq!(defaults[0]["name"], ftl_vm::runtime::DEFAULT_RUNTIME);
    let modules = v["modules"].as_array().expect("modules array");
    assert!(modules.iter().any(|m| m == "sys"));
}

#[test]
fn runtimes_text_marks_the_default() {
    let out = ftl(&["runtimes"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find(|l| l.contains("(default)"))
        .expect("a default line");
    assert!(line.starts_with(ftl_vm::runtime::DEFAULT_RUNTIME));
}

#[test]
fn a_wrong_flag_is_a_usage_error() {
    let out = ftl(&["runtimes", "--jsn"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Usage"));
}
