//! # ftl: the command-line front end
//!
//! `ftl run [--runtime NAME] FILE.py [ARGS...]` and `ftl runtimes` arrive
//! with the VM issue. Until then the binary says so and exits with a usage
//! error, as a user would expect from a command that cannot yet run
//! programs.

use std::process::ExitCode;

fn main() -> ExitCode {
    eprintln!(
        "ftl {}: the interpreter is not built yet (it arrives with the VM issue); \
         nothing can be run.",
        env!("CARGO_PKG_VERSION")
    );
    ExitCode::from(2)
}
