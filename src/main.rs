//! The `diplograph` command: parses arguments, runs one subcommand, reports errors on one line.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    // A parser that panics on a broken PDF or Word file is caught and reported as one line naming
    // the file; the default hook would print the panic too.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !diplograph::input::reading_untrusted_input() {
            default_hook(info);
        }
    }));
    let args = match cli::Cli::try_parse() {
        Ok(args) => args,
        Err(error) if !error.use_stderr() => error.exit(), // --help and --version
        Err(error) => {
            eprintln!("diplograph: error: {}", cli::one_line_error(&error));
            return ExitCode::from(2);
        }
    };
    match cli::run(args) {
        Ok(code) => code,
        // A reader that stops early (`| head`) is not an error.
        Err(error)
            if error.chain().any(|e| {
                e.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("diplograph: error: {error:#}");
            ExitCode::from(2)
        }
    }
}
