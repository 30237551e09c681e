//! `ftl`: run a Python program on one of the lab's runtimes.
//!
//! ```text
//! ftl run [--runtime NAME] [--timeline EVENTS.json] FILE.py [ARGS...]
//! ftl run [--runtime NAME] [--timeline EVENTS.json] -c CMD [ARGS...]
//! ftl runtimes [--json]
//! ```
//!
//! Exit statuses follow `python3`: the program's own status (0, or the code
//! given to `sys.exit`), 1 for an uncaught exception (including a
//! `SyntaxError`), 2 for a usage error or a file that cannot be read.
//!
//! The program runs on a dedicated thread with a large stack (the VM
//! checks its depth against that budget, so deep recursion is a
//! `RecursionError`, never a stack overflow).
//!
//! The allocator is mimalloc (see [`alloc`]).

use std::process::ExitCode;

mod alloc;

use clap::{Parser, Subcommand};

/// Command line.
#[derive(Parser, Debug)]
#[command(
    name = "ftl",
    version,
    about = "ftl, the free-threading lab: run Python programs on the lab's runtimes"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run a Python program.
    Run {
        /// The runtime (see `ftl runtimes`).
        #[arg(long, short = 'r', default_value = ftl_vm::runtime::DEFAULT_RUNTIME)]
        runtime: String,
        /// Record the GIL's probe events (requests, takes, drops, drop
        /// requests, forced switches) and write them to this file as JSON
        /// when the program ends: `cargo xtask bench --timeline` draws
        /// them. Only runtimes with the `timeline` feature (`ftl runtimes
        /// --json`) record one.
        #[arg(long, value_name = "EVENTS.json")]
        timeline: Option<std::path::PathBuf>,
        /// Run the program in this string (`sys.argv[0]` is `-c`, and
        /// `sys.path[0]` the current directory), as `python3 -c`.
        #[arg(short = 'c', value_name = "CMD", allow_hyphen_values = true)]
        command: Option<String>,
        /// The program (with `-c`, the first of its arguments).
        #[arg(required_unless_present = "command", allow_hyphen_values = true)]
        file: Option<String>,
        /// Arguments for the program (`sys.argv[1:]`).
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// List the runtimes.
    Runtimes {
        /// Print them as JSON (name, available, default, description,
        /// features) with the built-in modules, for tools such as
        /// `cargo xtask bench`.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    alloc::configure();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Command::Runtimes { json } => {
            if json {
                println!("{}", runtimes_json());
                return ExitCode::SUCCESS;
            }
            for r in ftl_vm::RUNTIMES {
                let status = if r.available { "available" } else { "pending" };
                let default = if r.name == ftl_vm::runtime::DEFAULT_RUNTIME {
                    " (default)"
                } else {
                    ""
                };
                println!("{:<12} {:<10} {}{}", r.name, status, r.description, default);
            }
            ExitCode::SUCCESS
        }
        Command::Run {
            runtime,
            timeline,
            command,
            file,
            args,
        } => {
            let program = match command {
                Some(cmd) => Program::Command(cmd, file.into_iter().chain(args).collect()),
                None => Program::File(file.unwrap_or_default(), args),
            };
            run(runtime, timeline, program)
        }
    }
}

/// `ftl runtimes --json`: the runtime registry and the importable modules.
fn runtimes_json() -> serde_json::Value {
    let runtimes: Vec<serde_json::Value> = ftl_vm::RUNTIMES
        .iter()
        .map(|r| {
            serde_json::json!({
                "name": r.name,
                "available": r.available,
                "default": r.name == ftl_vm::runtime::DEFAULT_RUNTIME,
                "description": r.description,
                "features": r.features,
                "modules": ftl_vm::stdlib::module_names()
                    .into_iter()
                    .chain(
                        r.features
                            .contains(&"interpreters")
                            .then(ftl_subinterp::module_names)
                            .unwrap_or_default(),
                    )
                    .filter(|m| !r.lacks.contains(m))
                    .collect::<Vec<_>>(),
            })
        })
        .collect();
    serde_json::json!({
        "runtimes": runtimes,
        "modules": ftl_vm::stdlib::module_names()
            .into_iter()
            .chain(ftl_subinterp::module_names())
            .collect::<Vec<_>>(),
    })
}

/// What `ftl run` runs, with the program's arguments.
enum Program {
    /// A file.
    File(String, Vec<String>),
    /// `-c CMD`.
    Command(String, Vec<String>),
}

fn run(runtime: String, timeline: Option<std::path::PathBuf>, program: Program) -> ExitCode {
    let recorder = timeline
        .as_ref()
        .map(|_| std::sync::Arc::new(ftl_core::probe::Recorder::new()));
    let options = ftl_vm::runtime::RunOptions {
        probes: match &recorder {
            Some(r) => ftl_core::probe::Probes::to(r.clone()),
            None => ftl_core::probe::Probes::off(),
        },
        gil_modules: ftl_subinterp::modules(),
    };
    if let Err(e) = ftl_vm::runtime::check(&runtime, &options) {
        eprintln!("ftl: error: {e}");
        return ExitCode::from(2);
    }
    let (file, source, argv) = match program {
        Program::Command(cmd, args) => {
            let argv = std::iter::once("-c".to_string()).chain(args).collect();
            ("<string>".to_string(), cmd, argv)
        }
        Program::File(file, args) => match read_program(&file) {
            Ok(source) => {
                let argv = std::iter::once(file.clone()).chain(args).collect();
                (file, source, argv)
            }
            Err(status) => return status,
        },
    };
    let runtime_name = runtime.clone();
    let worker = std::thread::Builder::new()
        .name("ftl-main".into())
        .stack_size(ftl_vm::runtime::INTERPRETER_STACK)
        .spawn(move || ftl_vm::run_file(&runtime_name, &file, &source, argv, &options));
    let status = match worker.map(|h| h.join()) {
        Ok(Ok(Ok(status))) => status,
        Ok(Ok(Err(e))) => {
            eprintln!("ftl: error: {e}");
            2
        }
        Ok(Err(_)) => {
            eprintln!("ftl: internal error: the interpreter thread panicked");
            70
        }
        Err(e) => {
            eprintln!("ftl: cannot start the interpreter thread: {e}");
            70
        }
    };
    if let (Some(path), Some(rec)) = (timeline, recorder) {
        if let Err(e) = write_timeline(&path, &runtime, &rec.take()) {
            eprintln!("ftl: cannot write the timeline to {}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    ExitCode::from((status & 0xff) as u8)
}

/// The text of program file `file`, or the exit status for a file that
/// cannot be read (2) or is not UTF-8 (1), with CPython's message printed.
fn read_program(file: &str) -> Result<String, ExitCode> {
    match std::fs::read(file) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|e| {
            eprintln!(
                "SyntaxError: Non-UTF-8 code starting with '\\x{:02x}' in file {} on line 1, but no encoding declared",
                e.as_bytes()[e.utf8_error().valid_up_to()],
                file
            );
            ExitCode::from(1)
        }),
        Err(e) => {
            let abs = std::path::absolute(file).unwrap_or_else(|_| file.into());
            let errno = e.raw_os_error().unwrap_or(2);
            let msg = e.to_string();
            let msg = msg.split(" (os error").next().unwrap_or(&msg).to_string();
            eprintln!(
                "ftl: can't open file '{}': [Errno {errno}] {msg}",
                abs.display()
            );
            Err(ExitCode::from(2))
        }
    }
}

/// Writes probe events as `{"runtime": ..., "events": [{"t_ns", "thread",
/// "kind", "arg"}, ...]}` (the format `cargo xtask bench --timeline`
/// reads).
fn write_timeline(
    path: &std::path::Path,
    runtime: &str,
    events: &[ftl_core::probe::ProbeEvent],
) -> std::io::Result<()> {
    let events: Vec<serde_json::Value> = events
        .iter()
        .map(|e| {
            serde_json::json!({
                "t_ns": e.t_ns,
                "thread": e.thread,
                "kind": format!("{:?}", e.kind),
                "arg": e.arg,
            })
        })
        .collect();
    let doc = serde_json::json!({ "runtime": runtime, "events": events });
    let file = std::io::BufWriter::new(std::fs::File::create(path)?);
    serde_json::to_writer(file, &doc).map_err(std::io::Error::other)
}
