//! The `diplograph` command: parses arguments, runs one subcommand, reports errors on one line.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("diplograph: error: {error:#}");
            ExitCode::from(2)
        }
    }
}
