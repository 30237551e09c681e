//! The `ftl` binary as the xtask commands use it: where the workspace is,
//! building `ftl` in release, and asking it which runtimes it has.
//!
//! The runtime registry lives in `ftl-vm` (`RUNTIMES`) and reaches xtask
//! only through `ftl runtimes --json`, so that xtask never links the VM
//! and always sees exactly what the binary it runs was built with.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde::Deserialize;

/// The workspace root (the xtask crate's parent directory).
pub fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}

/// Builds `packages` in release (into `$CARGO_TARGET_DIR` or the
/// workspace's `target/`) and returns the directory holding the binaries;
/// `who` names the command in messages.
pub fn build(root: &Path, who: &str, packages: &[&str]) -> Result<PathBuf, String> {
    let target = match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => std::path::absolute(PathBuf::from(dir))
            .map_err(|e| format!("bad CARGO_TARGET_DIR: {e}"))?,
        _ => root.join("target"),
    };
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut cmd = Command::new(&cargo);
    cmd.args(["build", "--release"]);
    for p in packages {
        cmd.args(["-p", p]);
    }
    eprintln!("xtask {who}: building in release: {}", packages.join(", "));
    let status = cmd
        .arg("--target-dir")
        .arg(&target)
        .current_dir(root)
        .status()
        .map_err(|e| format!("cannot run {cargo}: {e}"))?;
    if !status.success() {
        return Err(format!("the release build failed ({status})"));
    }
    Ok(target.join("release"))
}

/// The binary `name` in the directory [`build`] returned, checked to exist.
pub fn binary(dir: &Path, name: &str) -> Result<PathBuf, String> {
    let exe = dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    if exe.is_file() {
        Ok(exe)
    } else {
        Err(format!("the build did not produce {}", exe.display()))
    }
}

/// One runtime as `ftl runtimes --json` lists it.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct RuntimeInfo {
    /// The name given to `ftl run --runtime`.
    pub name: String,
    /// Whether this build can run it.
    pub available: bool,
    /// Whether it is the default runtime.
    pub default: bool,
    /// One line on what it is.
    pub description: String,
    /// Executors and abilities (`serial`, `threads`, `processes`,
    /// `timeline`, ...).
    pub features: Vec<String>,
    /// The modules `import` finds on this runtime, when it lists them
    /// (older listings give only the global list).
    #[serde(default)]
    pub modules: Option<Vec<String>>,
}

/// The whole listing.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct Listing {
    /// Every runtime of the design, available or not.
    pub runtimes: Vec<RuntimeInfo>,
    /// The modules `import` finds.
    pub modules: Vec<String>,
}

/// Parses the output of `ftl runtimes --json`.
pub fn parse_listing(json: &str) -> Result<Listing, String> {
    serde_json::from_str(json).map_err(|e| format!("cannot read `ftl runtimes --json`: {e}"))
}

/// Runs `ftl runtimes --json`.
pub fn listing(ftl: &Path) -> Result<Listing, String> {
    let out = Command::new(ftl)
        .args(["runtimes", "--json"])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run {}: {e}", ftl.display()))?;
    if !out.status.success() {
        return Err(format!(
            "`{} runtimes --json` failed ({}): {}",
            ftl.display(),
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    parse_listing(&String::from_utf8_lossy(&out.stdout))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_listing() {
        let l = parse_listing(
            r#"{"runtimes":[{"name":"single","available":true,"default":true,
                "description":"d","features":["serial"]},
                {"name":"gil-new","available":false,"default":false,
                "description":"e","features":[]}],"modules":["sys","time"]}"#,
        )
        .unwrap();
        assert_eq!(l.runtimes.len(), 2);
        assert!(l.runtimes[0].default && l.runtimes[0].available);
        assert_eq!(l.runtimes[0].features, ["serial"]);
        assert!(!l.runtimes[1].available);
        assert_eq!(l.modules, ["sys", "time"]);
    }

    #[test]
    fn a_bad_listing_is_an_error() {
        assert!(parse_listing("single available").is_err());
    }
}
