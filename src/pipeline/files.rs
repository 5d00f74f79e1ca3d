//! The files a build reads: the inputs, and the `.txt`, `.html`/`.htm`, `.pdf` and `.docx` files
//! under input directories, in path order. Only regular files are opened: a FIFO, a socket or a device is reported and skipped
//! (opening a FIFO for reading waits for a writer forever), and each real directory is walked once,
//! so a symlink that leads back up the tree is reported instead of read again and again.
//!
//! Start with [`collect_files`] and [`read_file`].

use super::MAX_FILE_BYTES;
use crate::input::{sniff, Format, MAX_CONVERTED_BYTES};
use crate::storage::io_reason;
use std::collections::BTreeSet;
use std::fs::{self, FileType, Metadata};
use std::io::Read;
use std::path::{Path, PathBuf};

/// A file that was not built, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

impl Skipped {
    fn new(path: &Path, reason: impl Into<String>) -> Self {
        Skipped { path: path.display().to_string(), reason: reason.into() }
    }
}

/// Files under the input paths, in a stable order: a directory gives its files of the formats
/// `build` reads (by extension: `.txt`, `.text`, `.html`, `.htm`, `.pdf`, `.docx`), recursively,
/// sorted by path; a file given by name is read whatever its extension (its content decides).
pub fn collect_files(inputs: &[PathBuf], skipped: &mut Vec<Skipped>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut walk = Walk::default();
    for input in inputs {
        match fs::metadata(input) {
            Ok(meta) if meta.is_dir() => {
                let mut found = Vec::new();
                walk.dir(input, &mut found, skipped);
                // Directories reached through symlinks come after the real ones, so a file is
                // found under its real path when both lead to it.
                while let Some(link) = walk.links.pop_front() {
                    walk.dir(&link, &mut found, skipped);
                }
                found.sort();
                if found.is_empty() {
                    skipped
                        .push(Skipped::new(input, "the directory holds no .txt, .html, .pdf or .docx files"));
                }
                files.extend(found);
            }
            Ok(meta) if meta.is_file() => files.push(input.clone()),
            Ok(meta) => skipped.push(Skipped::new(input, not_regular(&meta))),
            Err(e) => skipped.push(Skipped::new(input, io_reason(&e))),
        }
    }
    files
}

/// The directories walked so far (real paths) and the symlinked ones still to walk.
#[derive(Default)]
struct Walk {
    walked: BTreeSet<PathBuf>,
    links: std::collections::VecDeque<PathBuf>,
}

impl Walk {
    /// Adds the `.txt` files under `dir` to `found`, unless its real path was walked already.
    fn dir(&mut self, dir: &Path, found: &mut Vec<PathBuf>, skipped: &mut Vec<Skipped>) {
        let real = match fs::canonicalize(dir) {
            Ok(real) => real,
            Err(e) => return skipped.push(Skipped::new(dir, io_reason(&e))),
        };
        if !self.walked.insert(real.clone()) {
            let reason =
                format!("the same directory as `{}`, read already (a symlink loop?)", real.display());
            return skipped.push(Skipped::new(dir, reason));
        }
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => return skipped.push(Skipped::new(dir, io_reason(&e))),
        };
        let mut entries: Vec<_> = entries.flatten().collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else { continue };
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            // A symlink is followed: what it points to decides.
            let meta = match if kind.is_symlink() { fs::metadata(&path) } else { entry.metadata() } {
                Ok(meta) => meta,
                Err(e) if is_text(&path) => {
                    skipped.push(Skipped::new(&path, io_reason(&e)));
                    continue;
                }
                Err(_) => continue,
            };
            if meta.is_dir() && kind.is_symlink() {
                self.links.push_back(path);
            } else if meta.is_dir() {
                self.dir(&path, found, skipped);
            } else if is_text(&path) {
                if meta.is_file() {
                    found.push(path);
                } else {
                    skipped.push(Skipped::new(&path, not_regular(&meta)));
                }
            }
        }
    }
}

/// True for a file a directory walk reads: one with the extension of a format `build` reads.
fn is_text(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).and_then(Format::from_extension).is_some()
}

/// Reads a regular file of at most [`MAX_FILE_BYTES`]; anything else is an error saying why,
/// found without opening it (a FIFO would block the open).
pub fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    let meta = fs::metadata(path).map_err(|e| io_reason(&e))?;
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!("the file is larger than {} MiB", MAX_FILE_BYTES / 1024 / 1024));
    }
    if meta.len() > MAX_CONVERTED_BYTES {
        // A PDF, Word file or page this large is refused from its first bytes, without reading it.
        let mut head = Vec::with_capacity(1024);
        fs::File::open(path).and_then(|f| f.take(1024).read_to_end(&mut head)).map_err(|e| io_reason(&e))?;
        if let Some(format) = sniff::converted_format(&head) {
            return Err(format!(
                "the {format} file is larger than {} MiB",
                MAX_CONVERTED_BYTES / 1024 / 1024
            ));
        }
    }
    fs::read(path).map_err(|e| io_reason(&e))
}

/// Why a path that exists is not read: what it is instead of a regular file.
fn not_regular(meta: &Metadata) -> String {
    format!("not a regular file ({}): skipped without opening it", file_kind(meta.file_type()))
}

fn file_kind(kind: FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
    }
    if kind.is_dir() {
        "a directory"
    } else {
        "neither a file nor a directory"
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn reasons(skipped: &[Skipped]) -> Vec<String> {
        skipped
            .iter()
            .map(|s| format!("{}: {}", Path::new(&s.path).file_name().unwrap().to_string_lossy(), s.reason))
            .collect()
    }

    #[test]
    fn fifos_are_skipped_and_symlink_loops_walked_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("sub")).unwrap();
        fs::write(root.join("a.txt"), "甲").unwrap();
        fs::write(root.join("sub/b.txt"), "乙").unwrap();
        symlink(root, root.join("sub/up")).unwrap();
        symlink(root.join("sub"), root.join("again")).unwrap();
        let fifo = root.join("pipe.txt");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        let mut skipped = Vec::new();
        let files = collect_files(&[root.to_path_buf()], &mut skipped);
        let names: Vec<_> = files.iter().map(|f| f.strip_prefix(root).unwrap().to_owned()).collect();
        assert_eq!(names, [PathBuf::from("a.txt"), PathBuf::from("sub/b.txt")], "real paths first");
        let said = reasons(&skipped);
        assert!(said.iter().any(|r| r.starts_with("pipe.txt: not a regular file (a FIFO)")), "{said:?}");
        assert!(
            said.iter().any(|r| r.starts_with("up: the same directory as") && r.contains("read already")),
            "{said:?}"
        );
        assert!(said.iter().any(|r| r.starts_with("again: the same directory as")), "{said:?}");
        assert_eq!(said.len(), 3, "{said:?}");
        assert_eq!(read_file(&fifo).unwrap_err(), "not a regular file (a FIFO): skipped without opening it");
        let mut skipped = Vec::new();
        assert!(collect_files(&[fifo.clone(), root.join("none.txt")], &mut skipped).is_empty());
        assert_eq!(reasons(&skipped)[1], "none.txt: no such file or directory");
    }

    #[test]
    fn io_errors_are_said_once() {
        let error = fs::read("/").unwrap_err();
        assert_eq!(io_reason(&error), "Is a directory");
        assert_eq!(
            read_file(Path::new("/")).unwrap_err(),
            "not a regular file (a directory): skipped without opening it"
        );
    }
}
