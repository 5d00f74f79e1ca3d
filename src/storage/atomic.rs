//! Writing a file whole or not at all: a temp file beside it, synced, then renamed over it.
//!
//! Start with [`write_atomically`]; [`write_pieces_atomically`] writes large files with every core.

use std::io::{BufWriter, Seek, SeekFrom, Write};
use std::path::Path;

/// Writes a file whole or not at all: into a temp file beside it, synced, then renamed over it.
/// The file keeps the permissions of the one it replaces (a new one gets the usual 0644, not the
/// temp file's 0600).
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    replace_atomically(path, |temp| {
        let mut w = BufWriter::new(temp.as_file_mut());
        write(&mut w)?;
        w.flush()
    })
}

/// Writes `pieces`, one after another, to a file whole or not at all, like [`write_atomically`].
/// Copying gigabytes into the page cache is most of the cost of saving a large store, so each
/// core writes a share of the pieces at its place in the file.
pub fn write_pieces_atomically(path: &Path, pieces: &[&[u8]]) -> std::io::Result<()> {
    let total: usize = pieces.iter().map(|p| p.len()).sum();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let writers = if total < PARALLEL_WRITE_BYTES { 1 } else { cores };
    replace_atomically(path, |temp| write_pieces(temp.path(), pieces, writers))
}

/// Below this many bytes a file is written by one thread.
const PARALLEL_WRITE_BYTES: usize = 64 << 20;

/// Writes `pieces` one after another into `file` (which exists) with `writers` threads.
fn write_pieces(file: &Path, pieces: &[&[u8]], writers: usize) -> std::io::Result<()> {
    let total: usize = pieces.iter().map(|p| p.len()).sum();
    // At most `writers` consecutive runs of pieces of about total / writers bytes, with offsets.
    let mut shares: Vec<(u64, &[&[u8]])> = Vec::new();
    let (mut first, mut offset, mut filled) = (0, 0u64, 0usize);
    for (i, piece) in pieces.iter().enumerate() {
        filled += piece.len();
        let full = shares.len() + 1 < writers && filled * writers >= total * (shares.len() + 1);
        if full || i + 1 == pieces.len() {
            shares.push((offset, &pieces[first..=i]));
            offset = filled as u64;
            first = i + 1;
        }
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = shares
            .into_iter()
            .map(|(offset, share)| {
                scope.spawn(move || -> std::io::Result<()> {
                    let mut out = std::fs::OpenOptions::new().write(true).open(file)?;
                    out.seek(SeekFrom::Start(offset))?;
                    share.iter().try_for_each(|piece| out.write_all(piece))
                })
            })
            .collect();
        handles
            .into_iter()
            .try_for_each(|h| h.join().unwrap_or_else(|_| Err(std::io::Error::other("a writer panicked"))))
    })
}

/// Fills a temp file beside `path`, syncs it and renames it over `path`. Only a regular file we
/// may write is replaced; a symlink is written through (its target is replaced, the link stays).
fn replace_atomically(
    path: &Path,
    fill: impl FnOnce(&mut tempfile::NamedTempFile) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let path = &writable_target(path)?;
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    remove_orphans(dir, &name);
    let mut temp = tempfile::Builder::new()
        .prefix(&temp_prefix(&name, std::process::id()))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    fill(&mut temp)?;
    let permissions = match std::fs::metadata(path) {
        Ok(existing) => existing.permissions(),
        Err(_) => default_permissions(temp.as_file().metadata()?.permissions()),
    };
    temp.as_file().set_permissions(permissions)?;
    temp.as_file().sync_all()?;
    if std::env::var_os("DIPLOGRAPH_FAILPOINT").is_some_and(|v| v == "before-rename") {
        return Err(std::io::Error::other("failpoint `before-rename` is set"));
    }
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The file a write to `path` replaces: `path` itself, or the file its symlinks lead to. It must
/// be a regular file we may write, or not exist yet: a device, a FIFO or a read-only file is an
/// error rather than something renamed away.
fn writable_target(path: &Path) -> std::io::Result<std::path::PathBuf> {
    let mut target = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&target) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = std::fs::read_link(&target)?;
                target = match target.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            Ok(meta) if !meta.is_file() => {
                let what = if meta.is_dir() {
                    "a directory"
                } else {
                    "not a regular file (a device, FIFO or socket)"
                };
                return Err(refusal(format!("`{}` is {what}: refusing to replace it", target.display())));
            }
            Ok(meta) if meta.permissions().readonly() => {
                return Err(refusal(format!("`{}` is read-only: refusing to replace it", target.display())));
            }
            Ok(_) => return Ok(target),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(target),
            Err(e) => return Err(e),
        }
    }
    Err(refusal(format!("`{}` is a loop of symlinks", path.display())))
}

fn refusal(message: String) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidInput, message)
}

/// The start of the name of a temp file that process `pid` writes before it replaces `name`:
/// a later write of `name` finds the temp files of processes that died and removes them.
fn temp_prefix(name: &str, pid: u32) -> String {
    format!(".{name}.diplograph-{pid}-")
}

/// Removes the temp files beside `name` in `dir` left by processes that are gone (killed while
/// writing). Where the system cannot tell which processes live (no `/proc`), it leaves them.
fn remove_orphans(dir: &Path, name: &str) {
    let processes = Path::new("/proc");
    if !processes.join("self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let start = format!(".{name}.diplograph-");
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file.strip_prefix(&start).filter(|_| file.ends_with(".tmp")) else { continue };
        let Some(pid) = rest.split('-').next().filter(|p| p.parse::<u32>().is_ok()) else { continue };
        if !processes.join(pid).exists() {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(unix)]
fn default_permissions(mut permissions: std::fs::Permissions) -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    permissions.set_mode(0o644);
    permissions
}

#[cfg(not(unix))]
fn default_permissions(permissions: std::fs::Permissions) -> std::fs::Permissions {
    permissions
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[cfg(unix)]
    #[test]
    fn saved_files_get_usual_permissions_and_keep_existing_ones() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.nq");
        let write = |w: &mut dyn Write| w.write_all(b"x");
        write_atomically(&path, write).unwrap();
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o644);
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        write_atomically(&path, write).unwrap();
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    }

    #[test]
    fn pieces_are_written_in_order_by_any_number_of_writers() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("p.nq");
        let long: Vec<Vec<u8>> = (0..9u8).map(|i| vec![b'a' + i; 1000 + usize::from(i)]).collect();
        let cases: Vec<Vec<&[u8]>> =
            vec![vec![b"one ", b"", b"two"], long.iter().map(Vec::as_slice).collect(), vec![b""; 50], vec![]];
        for pieces in &cases {
            for writers in 1..5 {
                fs::write(&file, b"").unwrap();
                write_pieces(&file, pieces, writers).unwrap();
                assert!(fs::read(&file).unwrap() == pieces.concat(), "{writers} writers");
            }
        }
        write_pieces_atomically(&dir.path().join("q.nq"), &cases[0]).unwrap();
        assert_eq!(fs::read(dir.path().join("q.nq")).unwrap(), b"one two");
    }

    #[cfg(unix)]
    #[test]
    fn only_regular_files_are_replaced_and_symlinks_are_written_through() {
        use std::os::unix::fs::{symlink, FileTypeExt};
        let dir = tempfile::tempdir().unwrap();
        let write = |w: &mut dyn Write| w.write_all(b"new");
        let target = dir.path().join("real.nq");
        fs::write(&target, b"old").unwrap();
        symlink("real.nq", dir.path().join("link.nq")).unwrap();
        write_atomically(&dir.path().join("link.nq"), write).unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"new");
        assert!(fs::symlink_metadata(dir.path().join("link.nq")).unwrap().file_type().is_symlink());
        let fifo = dir.path().join("fifo");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        symlink(&fifo, dir.path().join("to-fifo")).unwrap();
        for refused in [Path::new("/dev/null"), &fifo, &dir.path().join("to-fifo"), dir.path()] {
            let error = write_atomically(refused, write).unwrap_err();
            assert!(error.to_string().contains("refusing to replace it"), "{}: {error}", refused.display());
        }
        assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
        let mut readonly = fs::metadata(&target).unwrap().permissions();
        readonly.set_readonly(true);
        fs::set_permissions(&target, readonly).unwrap();
        let error = write_atomically(&target, write).unwrap_err();
        assert!(error.to_string().contains("is read-only"), "{error}");
        symlink("loop-b", dir.path().join("loop-a")).unwrap();
        symlink("loop-a", dir.path().join("loop-b")).unwrap();
        assert!(write_atomically(&dir.path().join("loop-a"), write)
            .unwrap_err()
            .to_string()
            .contains("loop"));
    }

    #[test]
    fn temp_files_of_dead_processes_are_removed_by_the_next_write() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.nq");
        // A pid above the kernel's limit (4194304) never runs; our own pid does.
        let dead = dir.path().join(format!("{}x1.tmp", temp_prefix("s.nq", 4_194_999)));
        let living = dir.path().join(format!("{}x2.tmp", temp_prefix("s.nq", std::process::id())));
        let other = dir.path().join(format!("{}x3.tmp", temp_prefix("t.nq", 4_194_999)));
        for f in [&dead, &living, &other] {
            fs::write(f, b"partial").unwrap();
        }
        write_atomically(&path, |w| w.write_all(b"x")).unwrap();
        if Path::new("/proc/self").exists() {
            assert!(!dead.exists(), "an orphan of this file is removed");
        }
        assert!(living.exists() && other.exists(), "a living writer's temp file and other files' stay");
    }
}
