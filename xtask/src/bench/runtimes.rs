//! The columns of the matrix: what runs a workload.
//!
//! Three engines, one calling convention (`PROGRAM SIZE EXECUTOR WORKERS`):
//!
//! * **CPython interpreters** found on this machine: `python3` always (the
//!   anchor; the bench refuses to run without it), `python2.7` (the old
//!   GIL's real interpreter) and a free-threaded CPython (3.13t or later)
//!   when found. Each can be named by an environment variable, which wins
//!   over the search (an empty value turns that interpreter off):
//!   `FTL_BENCH_PYTHON3`, `FTL_BENCH_PYTHON2` (otherwise `python2.7` on
//!   PATH, then pyenv's `versions/2.7*/bin/python2.7`),
//!   `FTL_BENCH_PYTHON_FT` (otherwise `python3.13t` / `python3.14t` on
//!   PATH, then `~/.cache/ftl/cpython-3.13t`, where
//!   `../shared/tools/build-cpython-ft.sh` installs one). Every candidate
//!   is run once to check it works (a free-threaded one must report the GIL
//!   disabled). They support every executor; python2.7 runs only workloads
//!   marked `python2`.
//! * **ftl runtimes**: every runtime `ftl runtimes --json` lists as
//!   available; what each can run is its `features` (executors) and the
//!   VM's module list. A cell whose executor or module is missing is
//!   *pending*, never run.
//! * **the pure-Rust ceiling** (`ftl-ceiling`, from `benches/`): the same
//!   CPU-bound work in plain Rust threads, for the workloads it lists.
//!
//! Invariant: a runtime's name is unique in a run and is what
//! `--runtimes`, `--timeline` and `results.json` use.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::workload::Workload;

/// How a runtime runs a program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Engine {
    /// A CPython interpreter.
    CPython {
        /// The executable.
        exe: PathBuf,
        /// Only workloads marked `python2` run on it.
        python2: bool,
    },
    /// `ftl run --runtime NAME`.
    Ftl {
        /// The `ftl` binary.
        exe: PathBuf,
        /// The runtime name.
        runtime: String,
    },
    /// `ftl-ceiling WORKLOAD ...`.
    Ceiling {
        /// The binary.
        exe: PathBuf,
        /// The workloads it implements.
        workloads: Vec<String>,
    },
}

/// One column of the matrix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Runtime {
    /// `python3`, `python2.7`, `python3.13t`, an ftl runtime's name,
    /// `rust-ceiling`.
    pub name: String,
    /// `cpython`, `ftl` or `ceiling`.
    pub family: &'static str,
    /// A version or one-line description.
    pub version: String,
    /// How it runs programs.
    pub engine: Engine,
    /// Executors and abilities (`serial`, `threads`, `timeline`, ...).
    pub features: Vec<String>,
    /// Importable modules, when limited (ftl); `None` for CPython.
    pub modules: Option<Vec<String>>,
}

/// What an ftl runtime lacks by design, never to be built: (runtime,
/// executor, why). `single` is CPython's single-threaded baseline: starting
/// a thread raises RuntimeError, an interpreter per thread needs threads,
/// and `multiprocessing` runs helper threads (a pool's handlers, a queue's
/// feeder), so every runtime with threads has `processes` and `single`
/// does not.
const BY_DESIGN: &[(&str, &str, &str)] = &[
    ("single", "threads", "single-threaded"),
    ("single", "processes", "single-threaded"),
    ("single", "interpreters", "single-threaded"),
    ("ft-atomic", "interpreters", FT_NO_INTERPRETERS),
    ("ft-locked", "interpreters", FT_NO_INTERPRETERS),
    ("ft-biased", "interpreters", FT_NO_INTERPRETERS),
    ("ft-buffered", "interpreters", FT_NO_INTERPRETERS),
];

/// Why the free-threaded runtimes have no `interpreters` executor.
const FT_NO_INTERPRETERS: &str =
    "subinterpreters are a GIL each; without a GIL the threads already run in parallel";

/// The open issue that brings an executor, a module (by its top-level
/// package) or a runtime the ftl runtimes lack (`issues show N`). The
/// `processes` executor is built (issue 18): every runtime with threads
/// lists it, and `single` lacks it by design ([`BY_DESIGN`]).
const COMING: &[(&str, u32)] = &[
    ("gc", 16),
    ("weakref", 16),
    ("ft-biased", 17),
    ("ft-buffered", 17),
    ("multiprocessing", 18),
    ("concurrent", 18),
    ("pickle", 18),
    ("queue", 18),
];
/// The issue that brings the rest of the standard library.
const REST_OF_STDLIB: u32 = 20;

/// The issue that will build `what` (an executor, a module or a runtime).
pub fn coming_in(what: &str) -> Option<u32> {
    let top = what.split('.').next().unwrap_or(what);
    COMING.iter().find(|(w, _)| *w == top).map(|(_, n)| *n)
}

/// The pending reason of a runtime without `thing` (`` `threads` executor ``,
/// `` `gc` module ``; `key` is its bare name): "by design" where it will never
/// have it, else "not built yet" with the issue that brings it.
pub fn missing(runtime: &str, thing: &str, key: &str) -> String {
    if let Some((_, _, why)) = BY_DESIGN
        .iter()
        .find(|(r, e, _)| *r == runtime && *e == key)
    {
        return format!("{runtime}: no {thing}, by design ({why})");
    }
    let issue = coming_in(key).or_else(|| thing.ends_with("module").then_some(REST_OF_STDLIB));
    match issue {
        Some(n) => format!("{runtime}: {thing} not built yet (issue {n})"),
        None => format!("{runtime}: {thing} not built yet"),
    }
}

/// Whether a runtime takes part in a workload's rows at all, and if so
/// whether a given configuration can run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fit {
    /// Not a row for this runtime (python2.7 on a Python 3 workload; the
    /// ceiling on a workload it does not implement).
    Absent,
    /// It runs.
    Runs,
    /// The runtime cannot run it yet; the reason.
    Pending(String),
}

impl Runtime {
    /// Whether `w` with `executor` runs on this runtime.
    pub fn fit(&self, w: &Workload, executor: &str) -> Fit {
        match &self.engine {
            Engine::CPython { python2: true, .. } if !w.python2 => return Fit::Absent,
            Engine::Ceiling { workloads, .. } => {
                if !workloads.contains(&w.name) {
                    return Fit::Absent;
                }
                if !self.features.iter().any(|f| f == executor) {
                    return Fit::Absent;
                }
                return Fit::Runs;
            }
            _ => {}
        }
        if !self.features.iter().any(|f| f == executor) && self.family == "cpython" {
            let why = match executor {
                "interpreters" => " (PEP 734's concurrent.interpreters is CPython 3.14's)",
                _ => "",
            };
            return Fit::Pending(format!("{}: no `{executor}` executor{why}", self.name));
        }
        if !self.features.iter().any(|f| f == executor) {
            return Fit::Pending(missing(
                &self.name,
                &format!("`{executor}` executor"),
                executor,
            ));
        }
        if let Some(modules) = &self.modules {
            if let Some(m) = w.requires.iter().find(|m| !modules.contains(m)) {
                return Fit::Pending(missing(&self.name, &format!("`{m}` module"), m));
            }
        }
        Fit::Runs
    }

    /// The command that runs `w` at `size` with `executor` and `workers`.
    pub fn command(&self, w: &Workload, size: u64, executor: &str, workers: u32) -> Command {
        let args = [size.to_string(), executor.to_string(), workers.to_string()];
        let mut cmd = match &self.engine {
            Engine::CPython { exe, .. } => {
                let mut c = Command::new(exe);
                c.arg(&w.path);
                c
            }
            Engine::Ftl { exe, runtime } => {
                let mut c = Command::new(exe);
                c.args(["run", "--runtime", runtime]).arg(&w.path);
                c
            }
            Engine::Ceiling { exe, .. } => {
                let mut c = Command::new(exe);
                c.arg(&w.name);
                c
            }
        };
        cmd.args(args);
        if let Some(dir) = w.path.parent() {
            cmd.current_dir(dir);
        }
        cmd
    }
}

/// Runs `exe -c code`; its trimmed stdout when it exits 0.
fn probe(exe: &Path, code: &str) -> Option<String> {
    let out = Command::new(exe)
        .args(["-c", code])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Prints the version and the interpreter's real path (`sys.executable`:
/// a pyenv shim is a shell script that would add its start-up to every
/// measured run).
const VERSION: &str =
    "import sys; print('%d.%d.%d %s' % (sys.version_info[:3] + (sys.executable,)))";
/// The same, or nothing when the GIL is enabled.
const FREE_THREADED: &str = "import sys; f = getattr(sys, '_is_gil_enabled', None); \
     print('%d.%d.%d %s' % (sys.version_info[:3] + (sys.executable,)) if f is not None and not f() else '')";

/// Runs a probe; (version, real executable) when the interpreter works
/// and the probe printed something.
fn identify(candidate: &Path, code: &str) -> Option<(PathBuf, String)> {
    let text = probe(candidate, code)?;
    let (version, exe) = text.split_once(' ')?;
    let exe = PathBuf::from(exe);
    let exe = if exe.is_file() {
        exe
    } else {
        candidate.to_path_buf()
    };
    Some((exe, version.to_string()))
}

/// Candidates for an interpreter: the environment variable's value alone
/// when it is set (empty: none), else `search`.
fn candidates(var: &str, search: impl FnOnce() -> Vec<PathBuf>) -> Vec<PathBuf> {
    match std::env::var_os(var) {
        Some(v) if v.is_empty() => Vec::new(),
        Some(v) => vec![PathBuf::from(v)],
        None => search(),
    }
}

/// `name` in each directory of PATH where it is a file.
fn on_path(name: &str) -> Vec<PathBuf> {
    std::env::var_os("PATH")
        .map(|p| {
            std::env::split_paths(&p)
                .map(|d| d.join(name))
                .filter(|f| f.is_file())
                .collect()
        })
        .unwrap_or_default()
}

fn home() -> Option<PathBuf> {
    std::env::var_os("HOME").map(PathBuf::from)
}

/// pyenv's installs of Python 2.7.
fn pyenv_python2() -> Vec<PathBuf> {
    let root = std::env::var_os("PYENV_ROOT")
        .map(PathBuf::from)
        .or_else(|| home().map(|h| h.join(".pyenv")));
    let Some(versions) = root.map(|r| r.join("versions")) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = std::fs::read_dir(versions)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter(|e| e.file_name().to_string_lossy().starts_with("2.7"))
                .map(|e| e.path().join("bin").join("python2.7"))
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found.reverse();
    found
}

/// The CPython interpreters of this machine: python3 (required), then
/// python2.7 and a free-threaded one when found.
pub fn find_cpythons() -> Result<Vec<Runtime>, String> {
    let mut found = Vec::new();
    let py3 = candidates("FTL_BENCH_PYTHON3", || vec![PathBuf::from("python3")]);
    let Some((exe, version)) = py3.iter().find_map(|c| identify(c, VERSION)) else {
        return Err(
            "python3 is needed (the anchor of every comparison) and does not run; \
                    install it or name it with FTL_BENCH_PYTHON3"
                .into(),
        );
    };
    let mut python3 = cpython("python3", exe.clone(), version, false);
    if probe(&exe, "import concurrent.interpreters").is_some() {
        python3.features.push("interpreters".into());
    }
    found.push(python3);
    let py2 = candidates("FTL_BENCH_PYTHON2", || {
        let mut v = on_path("python2.7");
        v.extend(pyenv_python2());
        v
    });
    if let Some((exe, version)) = py2
        .iter()
        .find_map(|c| identify(c, VERSION).filter(|(_, v)| v.starts_with("2.")))
    {
        found.push(cpython("python2.7", exe, version, true));
    }
    let ft = candidates("FTL_BENCH_PYTHON_FT", || {
        let mut v = on_path("python3.13t");
        v.extend(on_path("python3.14t"));
        if let Some(h) = home() {
            let built = h.join(".cache/ftl/cpython-3.13t/bin/python3.13t");
            if built.is_file() {
                v.push(built);
            }
        }
        v
    });
    if let Some((exe, version)) = ft.iter().find_map(|c| identify(c, FREE_THREADED)) {
        let short: Vec<&str> = version.split('.').take(2).collect();
        let name = format!("python{}t", short.join("."));
        let mut ft = cpython(&name, exe.clone(), version, false);
        if probe(&exe, "import concurrent.interpreters").is_some() {
            ft.features.push("interpreters".into());
        }
        found.push(ft);
    }
    Ok(found)
}

fn cpython(name: &str, exe: PathBuf, version: String, python2: bool) -> Runtime {
    Runtime {
        name: name.to_string(),
        family: "cpython",
        version: format!("CPython {version} ({})", exe.display()),
        engine: Engine::CPython { exe, python2 },
        features: ["serial", "threads", "processes"]
            .map(String::from)
            .to_vec(),
        modules: None,
    }
}

/// ftl's available runtimes, from its listing.
pub fn ftl_runtimes(exe: &Path, listing: &crate::ftl::Listing) -> Vec<Runtime> {
    listing
        .runtimes
        .iter()
        .filter(|r| r.available)
        .map(|r| Runtime {
            name: r.name.clone(),
            family: "ftl",
            version: r.description.clone(),
            engine: Engine::Ftl {
                exe: exe.to_path_buf(),
                runtime: r.name.clone(),
            },
            features: r.features.clone(),
            modules: Some(r.modules.clone().unwrap_or_else(|| listing.modules.clone())),
        })
        .collect()
}

/// The pure-Rust ceiling, asking the binary which workloads it has.
pub fn ceiling(exe: &Path) -> Result<Runtime, String> {
    let out = Command::new(exe)
        .arg("--list")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run {}: {e}", exe.display()))?;
    if !out.status.success() {
        return Err(format!("`{} --list` failed", exe.display()));
    }
    let workloads = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    Ok(Runtime {
        name: "rust-ceiling".into(),
        family: "ceiling",
        version: "the same CPU-bound work in plain Rust threads".into(),
        engine: Engine::Ceiling {
            exe: exe.to_path_buf(),
            workloads,
        },
        features: vec!["serial".into(), "threads".into()],
        modules: None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::workload::{Kind, Sizes};
    use super::*;

    fn workload(name: &str, python2: bool, requires: &[&str]) -> Workload {
        Workload {
            name: name.into(),
            path: PathBuf::from(format!("/w/{name}.py")),
            kind: Kind::Cpu,
            executors: vec!["serial".into(), "threads".into()],
            workers: vec![1, 2],
            sizes: Sizes {
                full: 10,
                quick: 5,
                smoke: 1,
            },
            python2,
            requires: requires.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn ftl(features: &[&str]) -> Runtime {
        Runtime {
            name: "single".into(),
            family: "ftl",
            version: String::new(),
            engine: Engine::Ftl {
                exe: "/bin/ftl".into(),
                runtime: "single".into(),
            },
            features: features.iter().map(|s| s.to_string()).collect(),
            modules: Some(vec!["sys".into()]),
        }
    }

    #[test]
    fn ftl_cells_are_pending_without_the_executor_or_module() {
        let rt = ftl(&["serial"]);
        assert_eq!(rt.fit(&workload("w", false, &[]), "serial"), Fit::Runs);
        assert_eq!(
            rt.fit(&workload("w", false, &[]), "threads"),
            Fit::Pending("single: no `threads` executor, by design (single-threaded)".into())
        );
        assert_eq!(
            rt.fit(&workload("w", false, &["gc"]), "serial"),
            Fit::Pending("single: `gc` module not built yet (issue 16)".into())
        );
        assert_eq!(
            rt.fit(&workload("w", false, &[]), "processes"),
            Fit::Pending("single: no `processes` executor, by design (single-threaded)".into())
        );
        // With the executor listed the cell runs, unless a module it
        // requires is missing.
        let threaded = Runtime {
            name: "gil-new".into(),
            ..ftl(&["serial", "threads", "processes"])
        };
        assert_eq!(
            threaded.fit(&workload("w", false, &[]), "processes"),
            Fit::Runs
        );
        assert_eq!(
            threaded.fit(&workload("w", false, &["multiprocessing"]), "processes"),
            Fit::Pending("gil-new: `multiprocessing` module not built yet (issue 18)".into())
        );
        assert_eq!(
            threaded.fit(&workload("w", false, &[]), "interpreters"),
            Fit::Pending("gil-new: `interpreters` executor not built yet".into())
        );
        // A CPython without concurrent.interpreters says so, not "not built".
        let py3 = cpython("python3", "/bin/python3".into(), "3.11.7".into(), false);
        assert_eq!(
            py3.fit(&workload("w", false, &[]), "interpreters"),
            Fit::Pending(
                "python3: no `interpreters` executor (PEP 734's concurrent.interpreters is CPython 3.14's)"
                    .into()
            )
        );
    }

    #[test]
    fn pending_reasons_say_by_design_or_which_issue_builds_it() {
        assert_eq!(
            missing("single", "`threads` executor", "threads"),
            "single: no `threads` executor, by design (single-threaded)"
        );
        // `single` never gets processes: multiprocessing needs threads.
        assert_eq!(
            missing("single", "`processes` executor", "processes"),
            "single: no `processes` executor, by design (single-threaded)"
        );
        assert_eq!(
            missing("ft-atomic", "`interpreters` executor", "interpreters"),
            "ft-atomic: no `interpreters` executor, by design (subinterpreters are a GIL each; without a GIL the threads already run in parallel)"
        );
        // A submodule goes by its package; an unlisted module by the issue
        // that brings the rest of the standard library.
        assert_eq!(
            missing(
                "gil-new",
                "`concurrent.futures` module",
                "concurrent.futures"
            ),
            "gil-new: `concurrent.futures` module not built yet (issue 18)"
        );
        assert_eq!(
            missing("gil-new", "`json` module", "json"),
            "gil-new: `json` module not built yet (issue 20)"
        );
        // An executor nobody has planned says so without an issue.
        assert_eq!(
            missing("gil-new", "`gpu` executor", "gpu"),
            "gil-new: `gpu` executor not built yet"
        );
        assert_eq!(coming_in("ft-biased"), Some(17));
    }

    #[test]
    fn python2_and_the_ceiling_take_only_their_workloads() {
        let py2 = cpython("python2.7", "/bin/python2.7".into(), "2.7.18".into(), true);
        assert_eq!(py2.fit(&workload("w", false, &[]), "serial"), Fit::Absent);
        assert_eq!(py2.fit(&workload("w", true, &[]), "threads"), Fit::Runs);
        let ceiling = Runtime {
            name: "rust-ceiling".into(),
            family: "ceiling",
            version: String::new(),
            engine: Engine::Ceiling {
                exe: "/bin/c".into(),
                workloads: vec!["count_primes".into()],
            },
            features: vec!["serial".into(), "threads".into()],
            modules: None,
        };
        assert_eq!(
            ceiling.fit(&workload("w", true, &[]), "threads"),
            Fit::Absent
        );
        let cp = workload("count_primes", true, &[]);
        assert_eq!(ceiling.fit(&cp, "threads"), Fit::Runs);
        assert_eq!(ceiling.fit(&cp, "processes"), Fit::Absent);
    }

    #[test]
    fn commands_follow_the_calling_convention() {
        let rt = ftl(&["serial"]);
        let cmd = rt.command(&workload("w", false, &[]), 50, "serial", 1);
        let args: Vec<_> = cmd
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            args,
            ["run", "--runtime", "single", "/w/w.py", "50", "serial", "1"]
        );
        assert_eq!(cmd.get_current_dir(), Some(Path::new("/w")));
    }

    #[test]
    fn python3_is_found_on_this_machine() {
        let found = find_cpythons().expect("python3");
        assert_eq!(found[0].name, "python3");
        assert!(
            found[0].version.starts_with("CPython 3."),
            "{}",
            found[0].version
        );
    }
}
