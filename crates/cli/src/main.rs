//! `ftl`: run a Python program on one of the lab's runtimes.
//!
//! ```text
//! ftl run [--runtime NAME] FILE.py [ARGS...]
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
        /// The program.
        file: String,
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
            file,
            args,
        } => run(runtime, file, args),
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
            })
        })
        .collect();
    serde_json::json!({
        "runtimes": runtimes,
        "modules": ftl_vm::modules::MODULES,
    })
}

fn run(runtime: String, file: String, args: Vec<String>) -> ExitCode {
    if !ftl_vm::RUNTIMES
        .iter()
        .any(|r| r.name == runtime && r.available)
    {
        let err = ftl_vm::runtime::run_file(&runtime, &file, "", Vec::new()).err();
        if let Some(e) = err {
            eprintln!("ftl: error: {e}");
            return ExitCode::from(2);
        }
    }
    let source = match std::fs::read(&file) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => {
                eprintln!(
                    "SyntaxError: Non-UTF-8 code starting with '\\x{:02x}' in file {} on line 1, but no encoding declared",
                    e.as_bytes()[e.utf8_error().valid_up_to()],
                    file
                );
                return ExitCode::from(1);
            }
        },
        Err(e) => {
            let abs = std::path::absolute(&file).unwrap_or_else(|_| file.clone().into());
            let errno = e.raw_os_error().unwrap_or(2);
            let msg = e.to_string();
            let msg = msg.split(" (os error").next().unwrap_or(&msg).to_string();
            eprintln!(
                "ftl: can't open file '{}': [Errno {errno}] {msg}",
                abs.display()
            );
            return ExitCode::from(2);
        }
    };
    let mut argv = vec![file.clone()];
    argv.extend(args);
    let worker = std::thread::Builder::new()
        .name("ftl-main".into())
        .stack_size(ftl_vm::runtime::INTERPRETER_STACK)
        .spawn(move || ftl_vm::run_file(&runtime, &file, &source, argv));
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
    ExitCode::from((status & 0xff) as u8)
}
