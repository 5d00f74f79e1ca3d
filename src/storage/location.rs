//! Which kind of store a `--store` path names, an N-Quads file (the embedded default) or a
//! directory, Oxigraph's indexed on-disk store (RocksDB, with the `rocksdb` feature), and the few
//! operations that the two kinds do differently. Start with [`is_indexed`].

use super::error::StoreError;
use super::{GraphStore, Snapshot};
use oxigraph::model::Quad;
use std::path::{Path, PathBuf};

/// True when `path` names an indexed store: it ends with `/` (`--store archive.db/`, how a new
/// one is asked for) or is a directory already. Anything else is an N-Quads store file.
pub fn is_indexed(path: &Path) -> bool {
    path.as_os_str().as_encoded_bytes().ends_with(b"/") || path.is_dir()
}

/// The named graphs of the store at `path` as a [`Snapshot`] (what `stats` counts and a push
/// sends); an indexed store's are read from its current snapshot.
pub fn open_snapshot(path: &Path) -> Result<Snapshot, StoreError> {
    if is_indexed(path) {
        return Snapshot::of_store(GraphStore::open_for_query(path)?.inner());
    }
    Snapshot::open(path, false)
}

/// Where a build kept the counts of the indexed store at `path` (beside its current snapshot, so a
/// later snapshot has none until its build writes them); `None` for a store file.
pub fn counts_path(path: &Path) -> Option<PathBuf> {
    if !is_indexed(path) {
        return None;
    }
    current_snapshot(path).ok().map(|snapshot| snapshot.with_extension("counts"))
}

/// Puts `quads` in place of the named graph `graph` of the store at `path` (analysis scores).
pub fn store_graph(path: &Path, graph: &str, quads: &[Quad]) -> Result<(), StoreError> {
    if is_indexed(path) {
        #[cfg(feature = "rocksdb")]
        {
            let writer = super::indexed::IndexedWriter::open(path)?;
            writer.replace(&[], &[(graph.to_owned(), quads.to_vec())])?;
            writer.publish()?;
            return Ok(());
        }
        #[cfg(not(feature = "rocksdb"))]
        return Err(StoreError::NoRocksdb(path.to_owned()));
    }
    let store = GraphStore::open(path, false)?;
    store.replace_graph(graph, quads)?;
    store.save(path)
}

/// What changes when a build has replaced the store at `path`: the store file itself, or the
/// indexed store's `current` file (which names its newest snapshot).
pub fn changed_on_rebuild(path: &Path) -> PathBuf {
    if is_indexed(path) {
        path.join("current")
    } else {
        path.to_owned()
    }
}

/// The store at `path` opened for querying, and where a process of its own (a forked evaluation)
/// reopens the same data: an indexed store's current snapshot (a RocksDB handle does not survive
/// a fork); `None` for a store file, whose loaded copy the child shares instead.
pub fn open_served(path: &Path) -> Result<(GraphStore, Option<PathBuf>), StoreError> {
    if !is_indexed(path) {
        return Ok((GraphStore::open_for_query(path)?, None));
    }
    let snapshot = current_snapshot(path)?;
    Ok((GraphStore::of_snapshot(reopen(&snapshot)?, snapshot.clone()), Some(snapshot)))
}

#[cfg(feature = "rocksdb")]
use super::indexed::current_snapshot;

#[cfg(not(feature = "rocksdb"))]
fn current_snapshot(path: &Path) -> Result<PathBuf, StoreError> {
    Err(StoreError::NoRocksdb(path.to_owned()))
}

/// Opens for querying what [`open_served`] said to reopen.
#[cfg(feature = "rocksdb")]
pub fn reopen(location: &Path) -> Result<oxigraph::store::Store, StoreError> {
    super::indexed::open_snapshot_at(location)
}

/// Opens for querying what [`open_served`] said to reopen (nothing, without the `rocksdb` feature).
#[cfg(not(feature = "rocksdb"))]
pub fn reopen(location: &Path) -> Result<oxigraph::store::Store, StoreError> {
    Err(StoreError::NoRocksdb(location.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trailing_slash_or_a_directory_names_an_indexed_store() {
        let dir = tempfile::tempdir().unwrap();
        assert!(is_indexed(dir.path()));
        assert!(is_indexed(&dir.path().join("new.db/")));
        assert!(!is_indexed(&dir.path().join("new.db")));
        assert!(!is_indexed(Path::new("diplograph.nq")));
    }

    #[cfg(not(feature = "rocksdb"))]
    #[test]
    fn without_the_feature_an_indexed_store_says_how_to_get_it() {
        let dir = tempfile::tempdir().unwrap();
        let error = GraphStore::open_for_query(dir.path()).err().unwrap().to_string();
        assert!(error.contains("--features rocksdb") && !error.contains('\n'), "{error}");
    }
}
