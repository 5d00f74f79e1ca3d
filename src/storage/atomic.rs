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

/// Fills a temp file beside `path`, syncs it and renames it over `path`.
fn replace_atomically(
    path: &Path,
    fill: impl FnOnce(&mut tempfile::NamedTempFile) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new().prefix(".diplograph-").suffix(".tmp").tempfile_in(dir)?;
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
}
