//! What can go wrong with the store file, with the path it concerns.

use std::path::PathBuf;

/// What can go wrong with the store file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The store file does not exist.
    #[error("store `{0}` does not exist (run `diplograph build` first)")]
    Missing(PathBuf),
    /// The store file cannot be read.
    #[error("cannot read store `{path}`: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    /// The store file is not valid N-Quads.
    #[error("store `{path}` is corrupt: {message}")]
    Corrupt { path: PathBuf, message: String },
    /// The store file cannot be written.
    #[error("cannot write store `{path}`: {source}")]
    Write { path: PathBuf, source: std::io::Error },
    /// Oxigraph failed.
    #[error("store error: {0}")]
    Oxigraph(String),
}

/// The first line of a parser's message (the store's errors are one line).
pub(super) fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).to_owned()
}
