//! The store: an in-memory Oxigraph store persisted as an N-Quads file, written atomically
//! (temp file + rename) with quads sorted, so the same content gives the same bytes.
//!
//! The entry point is [`GraphStore::open`].

use oxigraph::io::RdfFormat;
use oxigraph::model::{GraphNameRef, NamedNodeRef, Quad};
use oxigraph::store::Store;
use std::fs;
use std::io::{BufWriter, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

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

/// The graph store of one N-Quads file.
pub struct GraphStore {
    store: Store,
}

impl GraphStore {
    /// An empty store.
    pub fn new() -> Result<Self, StoreError> {
        Ok(Self { store: Store::new().map_err(|e| StoreError::Oxigraph(e.to_string()))? })
    }

    /// Loads the store file at `path`; an absent file gives an empty store when `create` is set.
    pub fn open(path: &Path, create: bool) -> Result<Self, StoreError> {
        let store = Self::new()?;
        if !path.exists() {
            return if create { Ok(store) } else { Err(StoreError::Missing(path.to_owned())) };
        }
        let bytes = fs::read(path).map_err(|source| StoreError::Read { path: path.to_owned(), source })?;
        store.store.load_from_slice(RdfFormat::NQuads, &bytes).map_err(|e| StoreError::Corrupt {
            path: path.to_owned(),
            message: first_line(&e.to_string()),
        })?;
        Ok(store)
    }

    /// The Oxigraph store.
    pub fn inner(&self) -> &Store {
        &self.store
    }

    /// Loads the store file for querying: every named graph as it is, and their merge (a set of
    /// triples, as RDF defines it) as the default graph, so a query without `GRAPH` sees each
    /// statement once however many documents make it.
    pub fn open_for_query(path: &Path) -> Result<Self, StoreError> {
        let store = Self::open(path, false)?;
        let merged: Vec<Quad> = store
            .store
            .iter()
            .filter_map(Result::ok)
            .map(|q| Quad::new(q.subject, q.predicate, q.object, oxigraph::model::GraphName::DefaultGraph))
            .collect();
        store.store.extend(merged).map_err(|e| StoreError::Oxigraph(e.to_string()))?;
        Ok(store)
    }

    /// Replaces the named graph `graph` by `quads`.
    pub fn replace_graph(&self, graph: &str, quads: &[Quad]) -> Result<(), StoreError> {
        let name = NamedNodeRef::new_unchecked(graph);
        self.store
            .clear_graph(GraphNameRef::NamedNode(name))
            .map_err(|e| StoreError::Oxigraph(e.to_string()))?;
        self.store.extend(quads.iter().cloned()).map_err(|e| StoreError::Oxigraph(e.to_string()))
    }

    /// True when the store holds the named graph.
    pub fn has_graph(&self, graph: &str) -> bool {
        self.store.contains_named_graph(NamedNodeRef::new_unchecked(graph)).unwrap_or(false)
    }

    /// Number of quads.
    pub fn len(&self) -> usize {
        self.store.len().unwrap_or(0)
    }

    /// True when the store is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Writes every quad as N-Quads, graph by graph, each graph's statements sorted: the same
    /// content always gives the same bytes (those of [`crate::snapshot::Snapshot::save`]).
    pub fn write_nquads(&self, out: &mut dyn Write) -> Result<(), StoreError> {
        let quads: Vec<Quad> =
            self.store.iter().collect::<Result<_, _>>().map_err(|e| StoreError::Oxigraph(e.to_string()))?;
        crate::snapshot::Snapshot::from_quads(quads.iter().map(Quad::as_ref))
            .write_nquads(out)
            .map_err(|e| StoreError::Oxigraph(e.to_string()))
    }

    /// Writes the store to `path` atomically: a temp file in the same directory, then a rename.
    pub fn save(&self, path: &Path) -> Result<(), StoreError> {
        let mut failure = None;
        let written = write_atomically(path, |w| {
            self.write_nquads(w).map_err(|e| {
                let message = e.to_string();
                failure = Some(e);
                std::io::Error::other(message)
            })
        });
        match (written, failure) {
            (Ok(()), _) => Ok(()),
            (Err(_), Some(e)) => Err(e),
            (Err(source), None) => Err(StoreError::Write { path: path.to_owned(), source }),
        }
    }
}

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

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab;
    use oxigraph::model::{GraphName, Literal, NamedNode};

    fn quad(s: &str, g: &str) -> Quad {
        Quad::new(
            NamedNode::new_unchecked(format!("http://x/{s}")),
            NamedNode::new_unchecked(vocab::dg("sourceFile")),
            Literal::new_simple_literal("a.txt"),
            GraphName::NamedNode(NamedNode::new_unchecked(g)),
        )
    }

    #[test]
    fn saves_sorted_and_reloads_identically() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.nq");
        let store = GraphStore::new().unwrap();
        store.replace_graph("http://x/g2", &[quad("b", "http://x/g2")]).unwrap();
        store.replace_graph("http://x/g1", &[quad("a", "http://x/g1")]).unwrap();
        store.save(&path).unwrap();
        let first = fs::read(&path).unwrap();
        let reloaded = GraphStore::open(&path, false).unwrap();
        reloaded.save(&path).unwrap();
        assert_eq!(fs::read(&path).unwrap(), first);
        assert!(reloaded.has_graph("http://x/g1") && reloaded.has_graph("http://x/g2"));
        assert_eq!(reloaded.len(), 2);
        let text = String::from_utf8(first).unwrap();
        assert!(text.find("http://x/a").unwrap() < text.find("http://x/b").unwrap());
    }

    #[cfg(unix)]
    #[test]
    fn saved_files_get_usual_permissions_and_keep_existing_ones() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.nq");
        let store = GraphStore::new().unwrap();
        store.save(&path).unwrap();
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o644);
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        store.save(&path).unwrap();
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

    #[test]
    fn corrupt_and_missing_files_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.nq");
        fs::write(&path, "this is not n-quads\n").unwrap();
        assert!(matches!(GraphStore::open(&path, true), Err(StoreError::Corrupt { .. })));
        assert!(matches!(GraphStore::open(&dir.path().join("none.nq"), false), Err(StoreError::Missing(_))));
    }
}
