//! The indexed store: a directory holding Oxigraph's on-disk store (RocksDB), which `build`
//! writes into incrementally and the read commands open in milliseconds, loading nothing.
//!
//! Layout of the directory:
//! - `live/`: the database `build` writes ([`IndexedWriter`]): a first build loads it at once with
//!   Oxigraph's bulk loader ([`IndexedWriter::load_new`]), later builds write one transaction per
//!   source file ([`IndexedWriter::replace`]); one build at a time (`build.lock`, waited for).
//! - `snapshot-NNNNNN/`: a checkpoint of `live/` taken when a build ends (hard links to RocksDB's
//!   immutable files, so cheap), never written again; `current` names the newest.
//!
//! Readers ([`open_snapshot`]) open the current snapshot read-only. A snapshot is a whole build:
//! a reader never sees half of one, and a build writing `live/` never changes files a reader has
//! open (Oxigraph calls a read-only open beside a writer on the same database undefined). A build
//! killed midway leaves `live/` at its last committed file (empty, if it was the first) and
//! `current` at the last whole build.
//! The snapshot before the current one is kept for readers that opened it just before; older ones
//! are deleted.
//!
//! The store holds the query view itself: each named graph as built, and as the default graph the
//! merge of the document graphs and the analysis graph (each triple once) plus the gazetteer's
//! description of every entity some document mentions, kept up to date by [`IndexedWriter::replace`].

use super::atomic::write_atomically;
use super::error::StoreError;
use super::snapshot::Snapshot;
use crate::vocab;
use oxigraph::model::{
    GraphName, GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, QuadRef, Term, Triple,
};
use oxigraph::store::{Store, Transaction};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

const LIVE: &str = "live";
const CURRENT: &str = "current";
const SNAPSHOT: &str = "snapshot-";

/// The error of a RocksDB operation on the store at `path`.
fn failed(path: &Path) -> impl Fn(oxigraph::store::StorageError) -> StoreError + '_ {
    move |e| StoreError::Indexed { path: path.to_owned(), message: e.to_string() }
}

fn io_failed(path: &Path) -> impl Fn(std::io::Error) -> StoreError + '_ {
    move |cause| StoreError::Write { path: path.to_owned(), cause }
}

/// The directory of the current snapshot of the store at `dir`.
pub fn current_snapshot(dir: &Path) -> Result<PathBuf, StoreError> {
    match std::fs::read_to_string(dir.join(CURRENT)) {
        Ok(name) => Ok(dir.join(name.trim())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(StoreError::Missing(dir.to_owned())),
        Err(cause) => Err(StoreError::Read { path: dir.join(CURRENT), cause }),
    }
}

/// Opens the current snapshot of the store at `dir` read-only, for querying: nothing is loaded.
pub fn open_snapshot(dir: &Path) -> Result<Store, StoreError> {
    open_snapshot_at(&current_snapshot(dir)?)
}

/// Opens the snapshot directory `snapshot` read-only.
pub fn open_snapshot_at(snapshot: &Path) -> Result<Store, StoreError> {
    Store::open_read_only(snapshot).map_err(failed(snapshot))
}

/// True when a graph's statements belong in the default graph: a document's, the analysis or the
/// build's summary.
fn merged(graph: &str) -> bool {
    vocab::is_merged_graph(graph)
}

fn merged_quad(quad: &Quad) -> bool {
    matches!(&quad.graph_name, GraphName::NamedNode(g) if merged(g.as_str()))
}

/// The entity a `dg:mentions` statement points at.
fn mentioned_entity(quad: &Quad) -> Option<NamedNode> {
    match (&quad.object, quad.predicate.as_str() == crate::dg_term!("mentions")) {
        (Term::NamedNode(entity), true) => Some(entity.clone()),
        _ => None,
    }
}

/// The store at a directory, open for writing by one build.
pub struct IndexedWriter {
    dir: PathBuf,
    store: Store,
    _lock: std::fs::File,
}

impl IndexedWriter {
    /// Opens (creating it if needed) the store at `dir`, waiting while another build writes it.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        std::fs::create_dir_all(dir).map_err(io_failed(dir))?;
        let lock_path = dir.join("build.lock");
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(io_failed(&lock_path))?;
        lock.lock().map_err(io_failed(&lock_path))?;
        let store = Store::open(dir.join(LIVE)).map_err(failed(dir))?;
        Ok(Self { dir: dir.to_owned(), store, _lock: lock })
    }

    /// The database being written.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The names of the document graphs whose documents were read from `source_file`.
    pub fn graphs_of_source(&self, source_file: &str) -> Result<Vec<String>, StoreError> {
        let predicate = NamedNodeRef::new_unchecked(crate::dg_term!("sourceFile"));
        let file = oxigraph::model::LiteralRef::new_simple_literal(source_file);
        let mut names = Vec::new();
        for quad in self.store.quads_for_pattern(None, Some(predicate), Some(file.into()), None) {
            let quad = quad.map_err(failed(&self.dir))?;
            if let GraphName::NamedNode(g) = quad.graph_name {
                if merged(g.as_str()) && !names.contains(&g.as_str().to_owned()) {
                    names.push(g.into_string());
                }
            }
        }
        names.sort();
        Ok(names)
    }

    /// True when the named graph `graph` holds exactly `quads` (given in that graph).
    pub fn holds(&self, graph: &str, quads: &[Quad]) -> Result<bool, StoreError> {
        let name = NamedNodeRef::new_unchecked(graph);
        let stored = self.store.quads_for_pattern(None, None, None, Some(name.into())).count();
        let distinct: HashSet<&Quad> = quads.iter().collect();
        if stored != distinct.len() {
            return Ok(false);
        }
        for quad in distinct {
            if !self.store.contains(quad).map_err(failed(&self.dir))? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// In one transaction: removes the named graphs `removed`, puts each of `added` in place of
    /// the graph of that name, and brings the default graph up to date. A triple stays in the
    /// default graph while a document or the analysis graph states it, or while it describes (in
    /// the gazetteer) an entity some document mentions.
    pub fn replace(&self, removed: &[String], added: &[(String, Vec<Quad>)]) -> Result<(), StoreError> {
        let fail = failed(&self.dir);
        let mut tx = self.store.start_transaction().map_err(&fail)?;
        let gazetteer = NamedNode::new_unchecked(vocab::gazetteer_graph());
        // Triples whose place in the default graph must be decided, and those that surely stay.
        let mut doubtful: HashSet<Triple> = HashSet::new();
        let mut kept: HashSet<Triple> = HashSet::new();
        let mut lost_mentions: HashSet<NamedNode> = HashSet::new();
        let mut new_mentions: HashSet<NamedNode> = HashSet::new();
        let names = removed.iter().chain(added.iter().map(|(g, _)| g));
        for graph in names {
            let name = NamedNodeRef::new_unchecked(graph);
            let old: Vec<Quad> = tx
                .quads_for_pattern(None, None, None, Some(name.into()))
                .collect::<Result<_, _>>()
                .map_err(&fail)?;
            for quad in old {
                lost_mentions.extend(mentioned_entity(&quad).filter(|_| merged_quad(&quad)));
                doubtful.insert(quad.into());
            }
            tx.remove_named_graph(name).map_err(&fail)?;
        }
        for (graph, quads) in added {
            let name = GraphName::NamedNode(NamedNode::new_unchecked(graph));
            tx.insert_named_graph(NamedNodeRef::new_unchecked(graph));
            for quad in quads {
                let quad = Quad::new(
                    quad.subject.clone(),
                    quad.predicate.clone(),
                    quad.object.clone(),
                    name.clone(),
                );
                tx.insert(&quad);
                if merged(graph) {
                    new_mentions.extend(mentioned_entity(&quad));
                    kept.insert(quad.into());
                } else {
                    doubtful.insert(quad.into());
                }
            }
        }
        // The gazetteer's description of newly mentioned entities joins the default graph; that of
        // entities which may no longer be mentioned is in doubt.
        for (entities, sure) in [(&new_mentions, true), (&lost_mentions, false)] {
            for entity in entities {
                let description: Vec<Quad> = tx
                    .quads_for_pattern(
                        Some(entity.as_ref().into()),
                        None,
                        None,
                        Some(gazetteer.as_ref().into()),
                    )
                    .collect::<Result<_, _>>()
                    .map_err(&fail)?;
                let set = if sure { &mut kept } else { &mut doubtful };
                set.extend(description.into_iter().map(Triple::from));
            }
        }
        for triple in &kept {
            tx.insert(QuadRef::new(
                &triple.subject,
                &triple.predicate,
                &triple.object,
                GraphNameRef::DefaultGraph,
            ));
        }
        let mut mentioned: HashMap<NamedOrBlankNode, bool> = HashMap::new();
        for triple in doubtful.iter().filter(|t| !kept.contains(*t)) {
            let quad =
                QuadRef::new(&triple.subject, &triple.predicate, &triple.object, GraphNameRef::DefaultGraph);
            let wanted = stated(&tx, triple).map_err(&fail)?
                || tx
                    .contains(QuadRef::new(&triple.subject, &triple.predicate, &triple.object, &gazetteer))
                    .map_err(&fail)?
                    && is_mentioned(&tx, &triple.subject, &mut mentioned).map_err(&fail)?;
            if wanted {
                tx.insert(quad);
            } else {
                tx.remove(quad);
            }
        }
        tx.commit().map_err(&fail)
    }

    /// Replaces the named graph `graph` by `quads` unless it holds them already (reference
    /// knowledge, written once and again only when this diplograph's differs).
    pub fn ensure_graph(&self, graph: &str, quads: &[Quad]) -> Result<bool, StoreError> {
        if self.holds(graph, quads)? {
            return Ok(false);
        }
        self.replace(&[], &[(graph.to_owned(), quads.to_vec())])?;
        Ok(true)
    }

    /// Loads a whole first build into this store, which must be empty: the graphs of `snapshot`
    /// and the default graph [`IndexedWriter::replace`] would have made of them
    /// ([`Snapshot::quads_with_default_view`]), with Oxigraph's bulk loader, many times faster
    /// than a transaction per file. One commit at the end: a build killed before it leaves the
    /// store empty, and the next build starts it again.
    pub fn load_new(&self, snapshot: &Snapshot) -> Result<(), StoreError> {
        let fail = failed(&self.dir);
        let mut loader = self.store.bulk_loader();
        loader.load_quads(snapshot.quads_with_default_view()).map_err(&fail)?;
        loader.commit().map_err(&fail)?;
        // The loader leaves a file per batch, and a lookup would search every one: compacted, a
        // lookup searches one file per level.
        self.store.optimize().map_err(&fail)
    }

    /// True when nothing was ever committed to the store: a new one, or one whose first build
    /// did not finish.
    pub fn is_new(&self) -> Result<bool, StoreError> {
        self.store.is_empty().map_err(failed(&self.dir))
    }

    /// The summary graph's statements for what the document graphs mention now
    /// ([`crate::summary::comention_quads`]).
    pub fn comention_summary(&self) -> Result<Vec<Quad>, StoreError> {
        let mentions = NamedNodeRef::new_unchecked(crate::dg_term!("mentions"));
        let mut pairs: Vec<(String, String)> = Vec::new();
        for quad in self.store.quads_for_pattern(None, Some(mentions), None, None) {
            let quad = quad.map_err(failed(&self.dir))?;
            if let (GraphName::NamedNode(g), Term::NamedNode(e)) = (&quad.graph_name, &quad.object) {
                if vocab::is_document_graph(g.as_str()) {
                    pairs.push((g.as_str().to_owned(), e.as_str().to_owned()));
                }
            }
        }
        Ok(crate::summary::comention_quads(pairs.iter().map(|(g, e)| (g.as_str(), e.as_str()))))
    }

    /// Takes a snapshot of what is committed and makes it the current one, for readers; deletes
    /// snapshots older than the one it replaces.
    pub fn publish(&self) -> Result<PathBuf, StoreError> {
        let previous = current_snapshot(&self.dir).ok();
        let number = previous
            .as_ref()
            .and_then(|p| p.file_name()?.to_str()?.strip_prefix(SNAPSHOT)?.parse::<u64>().ok())
            .map_or(1, |n| n + 1);
        let name = format!("{SNAPSHOT}{number:06}");
        let target = self.dir.join(&name);
        if target.exists() {
            // Left by a build killed between its snapshot and `current`.
            std::fs::remove_dir_all(&target).map_err(io_failed(&target))?;
        }
        self.store.flush().map_err(failed(&self.dir))?;
        self.store.backup(&target).map_err(failed(&self.dir))?;
        let current = self.dir.join(CURRENT);
        write_atomically(&current, |w| w.write_all(name.as_bytes())).map_err(io_failed(&current))?;
        let keep: Vec<PathBuf> = [Some(target.clone()), previous].into_iter().flatten().collect();
        if let Ok(entries) = std::fs::read_dir(&self.dir) {
            for entry in entries.flatten() {
                let path = entry.path();
                let old = entry.file_name().to_str().is_some_and(|n| n.starts_with(SNAPSHOT));
                // A snapshot's counts (`snapshot-N.counts`) go with it.
                if old && !keep.contains(&path.with_extension("")) {
                    // A reader still on it keeps its open files; a failure only costs disk space.
                    let _ = if path.is_dir() {
                        std::fs::remove_dir_all(&path)
                    } else {
                        std::fs::remove_file(&path)
                    };
                }
            }
        }
        Ok(target)
    }
}

/// True when a document graph or the analysis graph states `triple`.
fn stated(tx: &Transaction<'_>, triple: &Triple) -> Result<bool, oxigraph::store::StorageError> {
    for quad in tx.quads_for_pattern(
        Some(triple.subject.as_ref()),
        Some(triple.predicate.as_ref()),
        Some(triple.object.as_ref()),
        None,
    ) {
        if merged_quad(&quad?) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// True when some document (or the analysis graph) says `dg:mentions entity`.
fn is_mentioned(
    tx: &Transaction<'_>,
    entity: &NamedOrBlankNode,
    cache: &mut HashMap<NamedOrBlankNode, bool>,
) -> Result<bool, oxigraph::store::StorageError> {
    if let Some(known) = cache.get(entity) {
        return Ok(*known);
    }
    let NamedOrBlankNode::NamedNode(node) = entity else { return Ok(false) };
    let mentions = NamedNodeRef::new_unchecked(crate::dg_term!("mentions"));
    let mut found = false;
    for quad in tx.quads_for_pattern(None, Some(mentions), Some(node.as_ref().into()), None) {
        if merged_quad(&quad?) {
            found = true;
            break;
        }
    }
    cache.insert(entity.clone(), found);
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::Literal;

    fn quad(s: &str, p: &str, o: Term, g: &str) -> Quad {
        Quad::new(
            NamedNode::new_unchecked(format!("{}{s}", vocab::ID)),
            NamedNode::new_unchecked(p),
            o,
            GraphName::NamedNode(NamedNode::new_unchecked(g)),
        )
    }

    /// The default graph as sorted `subject predicate object` lines.
    fn default_graph(store: &Store) -> Vec<String> {
        let mut lines: Vec<String> = store
            .quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph))
            .map(|q| Triple::from(q.unwrap()).to_string())
            .collect();
        lines.sort();
        lines
    }

    #[test]
    fn a_statement_leaves_the_default_graph_with_the_last_document_stating_it() {
        let dir = tempfile::tempdir().unwrap();
        let writer = IndexedWriter::open(&dir.path().join("s.db")).unwrap();
        let (doc1, doc2) = (format!("{}doc/1", vocab::ID), format!("{}doc/2", vocab::ID));
        let gazetteer = vocab::gazetteer_graph();
        let kz = Term::NamedNode(NamedNode::new_unchecked(format!("{}country/KZ", vocab::ID)));
        let label = "http://www.w3.org/2000/01/rdf-schema#label";
        let shared =
            |g: &str| quad("f", crate::dg_term!("statedIn"), Literal::new_simple_literal("x").into(), g);
        let mentions = |g: &str| quad("doc/m", crate::dg_term!("mentions"), kz.clone(), g);
        let described =
            quad("country/KZ", label, Literal::new_simple_literal("哈萨克斯坦").into(), &gazetteer);
        let other = quad("country/RU", label, Literal::new_simple_literal("俄罗斯").into(), &gazetteer);
        writer.ensure_graph(&gazetteer, &[described.clone(), other]).unwrap();
        assert!(default_graph(writer.store()).is_empty(), "nothing is mentioned yet");
        writer.replace(&[], &[(doc1.clone(), vec![shared(&doc1), mentions(&doc1)])]).unwrap();
        writer.replace(&[], &[(doc2.clone(), vec![shared(&doc2), mentions(&doc2)])]).unwrap();
        let both = default_graph(writer.store());
        assert_eq!(both.len(), 3, "the shared statement once, the mention once, KZ described: {both:?}");
        assert!(both.iter().any(|t| t.contains("哈萨克斯坦")) && !both.iter().any(|t| t.contains("俄罗斯")));
        writer.replace(std::slice::from_ref(&doc1), &[]).unwrap();
        assert_eq!(default_graph(writer.store()), both, "doc 2 still states all of it");
        assert!(!writer.store().contains_named_graph(NamedNodeRef::new_unchecked(&doc1)).unwrap());
        // Doc 2 rebuilt without the mention: KZ's description goes with it, the rest stays.
        writer.replace(&[], &[(doc2.clone(), vec![shared(&doc2)])]).unwrap();
        assert_eq!(default_graph(writer.store()).len(), 1);
        writer.replace(&[doc2], &[]).unwrap();
        assert!(default_graph(writer.store()).is_empty());
        assert!(
            !writer
                .ensure_graph(
                    &gazetteer,
                    &[
                        described,
                        quad("country/RU", label, Literal::new_simple_literal("俄罗斯").into(), &gazetteer)
                    ]
                )
                .unwrap(),
            "unchanged reference graphs are not written again"
        );
    }

    #[test]
    fn readers_open_the_snapshot_a_build_published() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        let writer = IndexedWriter::open(&path).unwrap();
        assert!(matches!(open_snapshot(&path), Err(StoreError::Missing(_))), "no build has ended yet");
        let doc = format!("{}doc/1", vocab::ID);
        let title = quad("doc/1", crate::dg_term!("title"), Literal::new_simple_literal("t").into(), &doc);
        writer.replace(&[], &[(doc.clone(), vec![title])]).unwrap();
        let first = writer.publish().unwrap();
        writer.replace(&[doc], &[]).unwrap();
        assert_eq!(open_snapshot(&path).unwrap().len().unwrap(), 2, "the published build, not what followed");
        let second = writer.publish().unwrap();
        let third = writer.publish().unwrap();
        assert_eq!(open_snapshot(&path).unwrap().len().unwrap(), 0);
        assert!(!first.exists() && second.exists() && third.exists(), "the one before the current is kept");
    }
}
