//! The store: an in-memory Oxigraph store persisted as an N-Quads file, written atomically
//! (temp file + rename) with quads sorted, so the same content gives the same bytes.
//!
//! The entry point is [`GraphStore::open`].

use super::atomic::write_atomically;
use super::error::{first_line, open_store, read_store, StoreError};
use super::filtered::Selection;
use super::snapshot::Snapshot;
use crate::vocab;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, GraphNameRef, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use oxigraph::store::Store;
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The graph store of one N-Quads file.
pub struct GraphStore {
    store: Store,
    /// The indexed store's snapshot this store reads, beside which answers are kept
    /// ([`crate::answers`]); `None` for a store file.
    snapshot: Option<PathBuf>,
}

impl GraphStore {
    /// An empty store.
    pub fn new() -> Result<Self, StoreError> {
        Ok(Self { store: Store::new().map_err(|e| StoreError::Oxigraph(e.to_string()))?, snapshot: None })
    }

    /// Loads the store file at `path`; an absent file gives an empty store when `create` is set.
    pub fn open(path: &Path, create: bool) -> Result<Self, StoreError> {
        let Some(bytes) = read_store(path, create)? else { return Self::new() };
        Self::load(path, &bytes)
    }

    /// A store holding the N-Quads `bytes` read from `path`.
    fn load(path: &Path, bytes: &[u8]) -> Result<Self, StoreError> {
        let store = Self::new()?;
        // Lenient like the build's reader (IRIs are not re-validated), so every command gives a
        // damaged store the same verdict.
        let parser = RdfParser::from_format(RdfFormat::NQuads).lenient();
        store.store.load_from_slice(parser, bytes).map_err(|e| StoreError::Corrupt {
            path: path.to_owned(),
            message: first_line(&e.to_string()),
        })?;
        Ok(store)
    }

    /// The current snapshot of the indexed store at `path`, read-only.
    #[cfg(feature = "rocksdb")]
    fn open_indexed(path: &Path) -> Result<Self, StoreError> {
        let snapshot = super::indexed::current_snapshot(path)?;
        Ok(Self::of_snapshot(super::indexed::open_snapshot_at(&snapshot)?, snapshot))
    }

    /// The indexed store's `snapshot`, opened elsewhere as `store`.
    pub(super) fn of_snapshot(store: Store, snapshot: PathBuf) -> Self {
        Self { store, snapshot: Some(snapshot) }
    }

    /// Without the `rocksdb` feature an indexed store cannot be opened: the error says how to get it.
    #[cfg(not(feature = "rocksdb"))]
    fn open_indexed(path: &Path) -> Result<Self, StoreError> {
        Err(StoreError::NoRocksdb(path.to_owned()))
    }

    /// The Oxigraph store.
    pub fn inner(&self) -> &Store {
        &self.store
    }

    /// The indexed store's snapshot this store reads (`None` for a store file).
    pub fn snapshot(&self) -> Option<&Path> {
        self.snapshot.as_deref()
    }

    /// Loads the store file for querying: every named graph as it is, and as the default graph
    /// what the documents say: the merge of the document graphs (a set of triples, as RDF defines
    /// it, so a query without `GRAPH` sees each statement once however many documents make it),
    /// the analysis scores, the build's summary and the gazetteer's description of each entity a document mentions.
    /// The ontology and the rest of the gazetteer stay in their named graphs (`GRAPH <…/ontology>`).
    ///
    /// An indexed store (a directory, see [`super::is_indexed`]) holds that view already: its
    /// current snapshot is opened read-only, nothing loaded.
    pub fn open_for_query(path: &Path) -> Result<Self, StoreError> {
        if super::is_indexed(path) {
            return Self::open_indexed(path);
        }
        let store = Self::open(path, false)?;
        let gazetteer = vocab::gazetteer_graph();
        let mut merged: Vec<Quad> = Vec::new();
        let mut described: Vec<Quad> = Vec::new();
        let mut mentioned: HashSet<NamedOrBlankNode> = HashSet::new();
        for quad in store.store.iter().filter_map(Result::ok) {
            let GraphName::NamedNode(graph) = &quad.graph_name else { continue };
            let graph = graph.as_str();
            if graph == gazetteer {
                described.push(quad);
                continue;
            }
            if !vocab::is_merged_graph(graph) {
                continue;
            }
            if let Term::NamedNode(entity) = &quad.object {
                if quad.predicate.as_str() == crate::dg_term!("mentions") {
                    mentioned.insert(entity.clone().into());
                }
            }
            merged.push(Quad::new(quad.subject, quad.predicate, quad.object, GraphName::DefaultGraph));
        }
        merged.extend(
            described
                .into_iter()
                .filter(|q| mentioned.contains(&q.subject))
                .map(|q| Quad::new(q.subject, q.predicate, q.object, GraphName::DefaultGraph)),
        );
        store.store.extend(merged).map_err(|e| StoreError::Oxigraph(e.to_string()))?;
        Ok(store)
    }

    /// Loads for one query only the statements `selection` keeps (see [`super::filtered`]): the
    /// same answers as [`GraphStore::open_for_query`] for a query that can match no other
    /// statement, in a fraction of the time and memory. A file that is not plain N-Quads as
    /// diplograph writes it is loaded whole.
    pub fn open_for_query_selecting(path: &Path, selection: &Selection<'_>) -> Result<Self, StoreError> {
        if super::is_indexed(path) {
            return Self::open_indexed(path);
        }
        let Some(mut file) = open_store(path, false)? else { return Self::new() };
        let selected = super::filtered::load_filtered_from(&mut file, selection)
            .map_err(|cause| StoreError::Read { path: path.to_owned(), cause })?;
        match selected {
            Some(selected) => Self::load(path, &selected),
            None => Self::open_for_query(path),
        }
    }

    /// What [`GraphStore::open_for_query_selecting`] would load from `snapshot` once saved as `path`
    /// (for what `build` computes over the whole store before saving it).
    pub fn of_snapshot_selecting(
        path: &Path,
        snapshot: &Snapshot,
        selection: &Selection<'_>,
    ) -> Result<Self, StoreError> {
        let selected = super::filtered::load_filtered(&snapshot.pieces(), selection).ok_or_else(|| {
            StoreError::Corrupt { path: path.to_owned(), message: "a statement is not plain N-Quads".into() }
        })?;
        Self::load(path, &selected)
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
    /// content always gives the same bytes (those of [`Snapshot::save`]).
    pub fn write_nquads(&self, out: &mut dyn Write) -> Result<(), StoreError> {
        let quads: Vec<Quad> =
            self.store.iter().collect::<Result<_, _>>().map_err(|e| StoreError::Oxigraph(e.to_string()))?;
        Snapshot::from_quads(quads.iter().map(Quad::as_ref))
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
            (Err(cause), None) => Err(StoreError::Write { path: path.to_owned(), cause }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab;
    use oxigraph::model::{GraphName, Literal, NamedNode};
    use std::fs;

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

    #[test]
    fn corrupt_and_missing_files_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.nq");
        fs::write(&path, "this is not n-quads\n").unwrap();
        assert!(matches!(GraphStore::open(&path, true), Err(StoreError::Corrupt { .. })));
        assert!(matches!(GraphStore::open(&dir.path().join("none.nq"), false), Err(StoreError::Missing(_))));
        let empty = dir.path().join("empty.nq");
        fs::write(&empty, "").unwrap();
        assert!(matches!(GraphStore::open(&empty, false), Err(StoreError::Empty(_))));
        assert!(GraphStore::open(&empty, true).is_ok_and(|s| s.is_empty()), "a build may start from it");
        let error = GraphStore::open(dir.path(), false).err().unwrap();
        assert_eq!(error.to_string(), format!("store `{}` is not a regular file", dir.path().display()));
        let unreadable = StoreError::Read { path: empty, cause: fs::read("/").unwrap_err() };
        assert!(unreadable.to_string().ends_with("empty.nq`: Is a directory"), "said once: {unreadable}");
        // The build's reader and the query store give a damaged store the same verdict.
        let odd = dir.path().join("odd.nq");
        fs::write(&odd, "<a b> <http://x/p> \"o\" <http://x/g> .\n<http://x/s> <http://x/p> .\n").unwrap();
        let (snapshot, store) = (Snapshot::open(&odd, false).err(), GraphStore::open(&odd, false).err());
        assert_eq!(snapshot.map(|e| e.to_string()), store.map(|e| e.to_string()));
    }
}
