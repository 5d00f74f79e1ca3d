//! What can go wrong with the store file, with the path it concerns.

use std::path::PathBuf;

/// What can go wrong with the store file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The store file does not exist.
    #[error("store `{0}` does not exist (run `diplograph build` first)")]
    Missing(PathBuf),
    /// The store path is a directory, a device or a FIFO.
    #[error("store `{0}` is not a regular file")]
    NotAFile(PathBuf),
    /// The store file has no bytes: a store `build` writes always has some.
    #[error("store `{0}` is empty (0 bytes), not a store `diplograph build` wrote")]
    Empty(PathBuf),
    /// The store file cannot be read.
    #[error("cannot read store `{path}`: {}", io_reason(cause))]
    Read { path: PathBuf, cause: std::io::Error },
    /// The store file is not valid N-Quads.
    #[error("store `{path}` is corrupt: {message}")]
    Corrupt { path: PathBuf, message: String },
    /// The store file cannot be written.
    #[error("cannot write store `{path}`: {}", io_reason(cause))]
    Write { path: PathBuf, cause: std::io::Error },
    /// Oxigraph failed.
    #[error("store error: {0}")]
    Oxigraph(String),
    /// The store is a directory (an indexed RocksDB store) and this build has no RocksDB.
    #[error(
        "store `{0}` is a directory, an indexed (RocksDB) store, and this diplograph was built without \
         the `rocksdb` feature: `apt-get install libclang-dev g++` then `cargo install --path . --features rocksdb`"
    )]
    NoRocksdb(PathBuf),
    /// The indexed store failed.
    #[error("store `{path}`: {message}")]
    Indexed { path: PathBuf, message: String },
}

/// The first line of a parser's message (the store's errors are one line).
pub(super) fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).to_owned()
}

/// An I/O error as a reason, said once: its description without the `(os error N)` that its
/// `Display` adds (messages that also named the cause said it twice).
pub fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let text = error.to_string();
            match text.rfind(" (os error ") {
                Some(at) => text[..at].to_owned(),
                None => text,
            }
        }
    }
}

/// The bytes of the store file at `path`: `None` when there is none yet and `create` allows it
/// (a 0-byte file counts as none then); a directory, a device, a FIFO or an empty file to read
/// from is an error.
pub(super) fn read_store(path: &std::path::Path, create: bool) -> Result<Option<Vec<u8>>, StoreError> {
    let Some(mut file) = open_store(path, create)? else { return Ok(None) };
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut file, &mut bytes)
        .map_err(|cause| StoreError::Read { path: path.to_owned(), cause })?;
    Ok(Some(bytes))
}

/// The store file at `path` opened for reading, checked as [`read_store`] checks it.
pub(super) fn open_store(path: &std::path::Path, create: bool) -> Result<Option<std::fs::File>, StoreError> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && create => return Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(StoreError::Missing(path.to_owned()))
        }
        Err(cause) => return Err(StoreError::Read { path: path.to_owned(), cause }),
    };
    if !meta.is_file() {
        return Err(StoreError::NotAFile(path.to_owned()));
    }
    if meta.len() == 0 {
        return if create { Ok(None) } else { Err(StoreError::Empty(path.to_owned())) };
    }
    std::fs::File::open(path).map(Some).map_err(|cause| StoreError::Read { path: path.to_owned(), cause })
}
