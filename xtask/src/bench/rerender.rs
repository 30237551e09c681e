//! `cargo xtask report PATH... [--out DIR]`: renders report.md and
//! index.html again from one or more `results.json`, without running
//! anything.
//!
//! Each PATH is a results.json or a folder holding one (a bench output
//! folder). Every run's figures are derived again from its samples
//! ([`super::results::analyse`]), so a results.json written by an older
//! bench (schema 1) gets today's intervals, noise floor and verdicts.
//! Several runs — the same matrix on a 2-core laptop and a 16-core server,
//! say — are merged side by side ([`super::report::Runs::merge`]): every
//! runtime becomes `NAME @ 16 CPUs`, and each run keeps its own summary
//! and headlines. The GIL timeline SVGs a run links to are copied beside
//! the new report.
//!
//! Exit status: 0 when the report was written; 2 for a usage error or a
//! file that cannot be read as results.
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

use super::report::{self, Runs};
use super::results::{self, Results};

/// `cargo xtask report` options.
#[derive(Parser, Debug)]
#[command(
    name = "cargo xtask report",
    about = "Render report.md and index.html again from one or more results.json \
             (several: merged side by side, each labelled with its machine)"
)]
pub struct Args {
    /// results.json files, or bench output folders holding one.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output folder.
    #[arg(long, default_value = "target/ftl-bench-report")]
    pub out: PathBuf,
}

/// `cargo xtask report ARGS...`.
pub fn main(args: &[String]) -> ExitCode {
    let argv = std::iter::once("cargo xtask report".to_string()).chain(args.iter().cloned());
    let args = match Args::try_parse_from(argv) {
        Ok(a) => a,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let out = if args.out.is_absolute() {
        args.out.clone()
    } else {
        crate::ftl::workspace_root().join(&args.out)
    };
    match render(&args.paths, &out) {
        Ok(runs) => {
            for (label, run) in &runs.runs {
                if !label.is_empty() {
                    println!("On {label}:");
                }
                for l in super::findings::summary(run) {
                    println!("* {l}");
                }
            }
            println!(
                "xtask report: {} run(s); wrote {}/{{report.md, index.html}}",
                runs.runs.len(),
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("xtask report: {e}");
            ExitCode::from(2)
        }
    }
}

/// Reads one run: PATH itself, or PATH/results.json for a folder.
pub fn load(path: &Path) -> Result<(Results, PathBuf), String> {
    let file = if path.is_dir() {
        path.join("results.json")
    } else {
        path.to_path_buf()
    };
    let text = std::fs::read_to_string(&file)
        .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let mut r: Results = serde_json::from_str(&text)
        .map_err(|e| format!("{} is not a bench results.json: {e}", file.display()))?;
    if r.schema == 0 || r.schema > results::SCHEMA {
        return Err(format!(
            "{} has schema {}; this xtask reads schemas 1 to {}",
            file.display(),
            r.schema,
            results::SCHEMA
        ));
    }
    results::analyse(&mut r);
    let dir = file
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    Ok((r, dir))
}

/// Renders the report of `paths` into `out`; the runs it rendered.
pub fn render(paths: &[PathBuf], out: &Path) -> Result<Runs, String> {
    let mut runs = Vec::new();
    let many = paths.len() > 1;
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    for (i, path) in paths.iter().enumerate() {
        let (mut r, dir) = load(path)?;
        // The timeline SVGs it links to, copied beside the new report
        // (renamed per run when several are merged).
        for t in &mut r.timelines {
            let Some(svg) = t.svg.clone() else { continue };
            let name = if many {
                format!("run{}-{svg}", i + 1)
            } else {
                svg.clone()
            };
            let from = dir.join(&svg);
            let to = out.join(&name);
            if from.is_file() && from != to {
                std::fs::copy(&from, &to)
                    .map_err(|e| format!("cannot copy {}: {e}", from.display()))?;
            }
            t.svg = Some(name);
        }
        runs.push(r);
    }
    let runs = Runs::merge(runs);
    let write = |name: &str, text: &str| {
        let p = out.join(name);
        std::fs::write(&p, text).map_err(|e| format!("cannot write {}: {e}", p.display()))
    };
    write("report.md", &report::markdown_of(&runs))?;
    write("index.html", &report::html_of(&runs))?;
    Ok(runs)
}
