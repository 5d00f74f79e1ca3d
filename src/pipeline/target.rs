//! Where a build writes: a store file, an indexed store it adds to file by file, or a new
//! indexed store it fills at once; and what each holds when the build ends.

use crate::emit;
use crate::extract::lexicon::Lexicon;
use crate::stats::Stats;
use crate::storage::{GraphLines, GraphStore, Selection, Snapshot, StoreError};
use crate::vocab;
use std::path::{Path, PathBuf};

/// Where a build writes.
pub(super) enum Target {
    /// The store file's graphs, kept as text and saved whole at the end.
    File { snapshot: Snapshot, _lock: std::fs::File },
    /// An indexed store holding earlier builds, written file by file in transactions.
    #[cfg(feature = "rocksdb")]
    Indexed(crate::storage::indexed::IndexedWriter),
    /// A new indexed store: the build is kept as a store file's would be, then bulk-loaded.
    #[cfg(feature = "rocksdb")]
    NewIndexed { snapshot: Snapshot, writer: crate::storage::indexed::IndexedWriter },
}

/// A built store, for pushing.
pub(super) enum Built {
    File(Snapshot),
    #[cfg(feature = "rocksdb")]
    Indexed(crate::storage::indexed::IndexedWriter),
}

impl Built {
    /// The named graphs, for pushing.
    pub(super) fn snapshot(&self) -> Result<std::borrow::Cow<'_, Snapshot>, StoreError> {
        match self {
            Built::File(snapshot) => Ok(std::borrow::Cow::Borrowed(snapshot)),
            #[cfg(feature = "rocksdb")]
            Built::Indexed(writer) => Ok(std::borrow::Cow::Owned(Snapshot::of_store(writer.store())?)),
        }
    }
}

impl Target {
    /// The store at `path`, locked for this build. An indexed store that holds earlier builds gets
    /// the reference graphs first, so that each file's transaction adds the description of the
    /// entities it mentions.
    pub(super) fn open(path: &Path) -> Result<Self, StoreError> {
        if crate::storage::is_indexed(path) {
            #[cfg(feature = "rocksdb")]
            {
                let writer = crate::storage::indexed::IndexedWriter::open(path)?;
                if writer.is_new()? {
                    return Ok(Target::NewIndexed { snapshot: Snapshot::default(), writer });
                }
                writer.ensure_graph(&vocab::ontology_graph(), &emit::ontology_quads())?;
                writer.ensure_graph(&vocab::gazetteer_graph(), &emit::gazetteer_quads(Lexicon::get()))?;
                return Ok(Target::Indexed(writer));
            }
            #[cfg(not(feature = "rocksdb"))]
            return Err(StoreError::NoRocksdb(path.to_owned()));
        }
        let lock = lock_store(path)?;
        Ok(Target::File { snapshot: Snapshot::open(path, true)?, _lock: lock })
    }

    /// The document graphs read from `source_file`.
    pub(super) fn graphs_of_source(&mut self, source_file: &str) -> Result<Vec<String>, StoreError> {
        match self {
            // Removed here: the file's new graphs replace them.
            Target::File { snapshot, .. } => Ok(snapshot.remove_graphs_of_source(source_file)),
            #[cfg(feature = "rocksdb")]
            Target::NewIndexed { snapshot, .. } => Ok(snapshot.remove_graphs_of_source(source_file)),
            #[cfg(feature = "rocksdb")]
            Target::Indexed(writer) => writer.graphs_of_source(source_file),
        }
    }

    /// Puts a file's document graphs in place of its old ones (`old`; in one transaction in an
    /// indexed store that holds earlier builds).
    pub(super) fn replace_source(
        &mut self,
        old: &[String],
        built: Vec<(String, GraphLines)>,
    ) -> Result<(), StoreError> {
        match self {
            Target::File { snapshot, .. } => {
                replace_in_snapshot(snapshot, old, built);
                Ok(())
            }
            #[cfg(feature = "rocksdb")]
            Target::NewIndexed { snapshot, .. } => {
                replace_in_snapshot(snapshot, old, built);
                Ok(())
            }
            #[cfg(feature = "rocksdb")]
            Target::Indexed(writer) => {
                let added: Vec<(String, Vec<oxigraph::model::Quad>)> =
                    built.into_iter().map(|(iri, lines)| (iri, lines.quads())).collect();
                writer.replace(old, &added)
            }
        }
    }

    /// Saves the store file (or publishes the indexed store's new snapshot) and counts what it holds.
    pub(super) fn finish(self, path: &Path) -> Result<(Stats, Built), StoreError> {
        match self {
            Target::File { mut snapshot, _lock } => {
                complete(&mut snapshot, path)?;
                let counts = counted_while(&snapshot, || snapshot.save(path))?;
                Ok((counts, Built::File(snapshot)))
            }
            #[cfg(feature = "rocksdb")]
            Target::NewIndexed { mut snapshot, writer } => {
                complete(&mut snapshot, path)?;
                let counts = counted_while(&snapshot, || writer.load_new(&snapshot))?;
                drop(snapshot);
                publish(&writer, &counts)?;
                Ok((counts, Built::Indexed(writer)))
            }
            #[cfg(feature = "rocksdb")]
            Target::Indexed(writer) => {
                let failed = |e: &dyn std::fmt::Display| StoreError::Indexed {
                    path: path.to_owned(),
                    message: e.to_string(),
                };
                // The whole store's projection too, which `analyze` and `export` read from here.
                let mut summary = writer.comention_summary()?;
                summary.extend(crate::graph::precomputed::summarize(writer.store()).map_err(|e| failed(&e))?);
                writer.ensure_graph(&vocab::summary_graph(), &summary)?;
                let counts = Stats::of_store(writer.store()).map_err(|e| failed(&e))?;
                publish(&writer, &counts)?;
                Ok((counts, Built::Indexed(writer)))
            }
        }
    }
}

/// Puts `built` in place of the graphs `old`, which left the snapshot when they were looked up.
fn replace_in_snapshot(snapshot: &mut Snapshot, old: &[String], built: Vec<(String, GraphLines)>) {
    debug_assert!(old.iter().all(|g| !snapshot.has_graph(g)));
    for (iri, lines) in built {
        snapshot.replace_graph(&iri, lines);
    }
}

/// Counts what `snapshot` holds while `write` writes it out: counting reads what writing does,
/// so it is done beside it, not after it.
fn counted_while(
    snapshot: &Snapshot,
    write: impl FnOnce() -> Result<(), StoreError>,
) -> Result<Stats, StoreError> {
    std::thread::scope(|scope| {
        let counting = scope.spawn(|| Stats::of_snapshot(snapshot));
        let written = write();
        let counts = counting.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        written.map(|()| counts)
    })
}

/// Adds what a store holds beside the documents: the ontology, the gazetteer and the summary of
/// the documents (their co-mentions and the projection `analyze` and `export` read).
fn complete(snapshot: &mut Snapshot, path: &Path) -> Result<(), StoreError> {
    snapshot.replace_graph(&vocab::ontology_graph(), GraphLines::from_quads(&emit::ontology_quads()));
    snapshot.replace_graph(
        &vocab::gazetteer_graph(),
        GraphLines::from_quads(&emit::gazetteer_quads(Lexicon::get())),
    );
    let mentions = snapshot
        .graphs()
        .filter(|(name, _)| vocab::is_document_graph(name))
        .flat_map(|(name, lines)| lines.mentioned().map(move |entity| (name, entity)));
    let mut summary = crate::summary::comention_quads(mentions);
    // The projection reads the document graphs only, not the summary it replaces.
    summary.extend(projection_summary(path, snapshot)?);
    snapshot.replace_graph(&vocab::summary_graph(), GraphLines::from_quads(&summary));
    Ok(())
}

/// Publishes the indexed store's new snapshot with its counts beside it, for `stats`, which would
/// otherwise read every statement again.
#[cfg(feature = "rocksdb")]
fn publish(writer: &crate::storage::indexed::IndexedWriter, counts: &Stats) -> Result<(), StoreError> {
    let snapshot = writer.publish()?;
    let kept = snapshot.with_extension("counts");
    crate::storage::write_atomically(&kept, |w| std::io::Write::write_all(w, counts.to_text().as_bytes()))
        .map_err(|cause| StoreError::Write { path: kept.clone(), cause })?;
    // The live store holds what the snapshot does until the next build, which waits for this one.
    crate::answers::save(writer.store(), &snapshot)
        .map_err(|e| StoreError::Indexed { path: snapshot.clone(), message: e.to_string() })
}

/// The summary graph's statements for the projection of all the documents of `snapshot`, about to
/// be saved as `path` ([`crate::graph::precomputed`]), from only the statements the projection reads.
fn projection_summary(path: &Path, snapshot: &Snapshot) -> Result<Vec<oxigraph::model::Quad>, StoreError> {
    let needs = crate::graph::needs(&crate::graph::Projection::default());
    let selection = Selection { wants: &|p, o| needs.wants(p, o), named_graphs: needs.named_graphs() };
    let store = GraphStore::of_snapshot_selecting(path, snapshot, &selection)?;
    crate::graph::precomputed::summarize(store.inner()).map_err(|e| StoreError::Oxigraph(e.to_string()))
}

/// Takes the store's lock file (`STORE.lock`), waiting while another build holds it.
fn lock_store(store: &Path) -> Result<std::fs::File, StoreError> {
    let mut name = store.as_os_str().to_owned();
    name.push(".lock");
    let path = PathBuf::from(name);
    let error = |cause| StoreError::Write { path: path.clone(), cause };
    let file =
        std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(&path).map_err(error)?;
    file.lock().map_err(error)?;
    Ok(file)
}
