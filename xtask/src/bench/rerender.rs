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

/// Test data shared by the report's modules.
#[cfg(test)]
pub mod test_data {
    use super::*;

    /// `xtask/tests/data/crafted_results.json`, loaded and analysed: a
    /// results.json made by hand whose every figure is known (python3,
    /// gil-new, gil-fair, ft-atomic and the ceiling on 2 CPUs, 3 repeats;
    /// see `findings::tests` for its figures).
    pub fn crafted() -> Results {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/crafted_results.json");
        load(&path).expect("crafted results").0
    }

    /// `r` as if each cell had run once: one sample each, re-analysed.
    pub fn one_repeat(mut r: Results) -> Results {
        r.repeat = 1;
        for c in &mut r.cells {
            c.wall_samples.truncate(1);
            for s in c.metric_samples.values_mut() {
                s.truncate(1);
            }
        }
        results::analyse(&mut r);
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn crafted() -> Value {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/crafted_results.json");
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    /// A fresh folder under the system's temporary directory.
    fn scratch(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("ftl-rerender-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    fn write(dir: &Path, name: &str, v: &Value) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, serde_json::to_string(v).unwrap()).unwrap();
        p
    }

    #[test]
    fn runs_from_two_machines_are_merged_side_by_side() {
        let dir = scratch("merge");
        let small = write(&dir, "small.json", &crafted());
        let mut big = crafted();
        big["machine"]["cpus"] = 16.into();
        let big = write(&dir, "big.json", &big);
        let out = dir.join("out");
        let runs = render(&[small, big], &out).unwrap();
        let labels: Vec<&str> = runs.runs.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(labels, ["2 CPUs", "16 CPUs"]);
        let md = std::fs::read_to_string(out.join("report.md")).unwrap();
        for needle in [
            "On 2 CPUs",
            "On 16 CPUs",
            "| gil-new @ 2 CPUs |",
            "| gil-new @ 16 CPUs |",
        ] {
            assert!(md.contains(needle), "no {needle:?} in\n{md}");
        }
        // One colour per runtime on every machine: gil-new's red is drawn
        // for both of its runs.
        let html = std::fs::read_to_string(out.join("index.html")).unwrap();
        assert!(html.contains("gil-new @ 16 CPUs"));
        let red = format!("#{:02X}{:02X}{:02X}", 214, 39, 40);
        assert_eq!(
            super::super::charts::colour("gil-new @ 16 CPUs"),
            super::super::charts::colour("gil-new")
        );
        assert!(html.contains(&red));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_schema_1_results_json_gets_its_intervals_on_loading() {
        let dir = scratch("schema1");
        let mut v = crafted();
        v["schema"] = 1.into();
        let cells = v["cells"].as_array_mut().unwrap();
        for c in cells.iter_mut() {
            let c = c.as_object_mut().unwrap();
            c.retain(|k, _| !k.ends_with("_interval") && k != "metric_intervals");
        }
        v.as_object_mut().unwrap().remove("noise_floor");
        let p = write(&dir, "results.json", &v);
        let (r, _) = load(&dir).unwrap();
        assert_eq!(r.schema, 1);
        let nbody = r
            .cells
            .iter()
            .find(|c| c.workload == "nbody" && c.runtime == "gil-new")
            .unwrap();
        assert!(nbody.wall_interval.is_some());
        assert!(r.noise_floor.is_some());
        let mut future = v.clone();
        future["schema"] = (results::SCHEMA + 1).into();
        std::fs::write(&p, serde_json::to_string(&future).unwrap()).unwrap();
        let e = load(&p).unwrap_err();
        assert!(e.contains("this xtask reads schemas 1 to"), "{e}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
