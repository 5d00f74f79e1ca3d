//! `build`: input paths → analysed files → document graphs in the store, saved atomically.

use super::analyze_with;
use super::files::{collect_files, read_file, Skipped};
use crate::emit;
use crate::extract::lexicon::Lexicon;
use crate::input::{MetadataError, MetadataTable};
use crate::model::Kind;
use crate::ordered;
use crate::push::{self, Endpoint, PushError, PushReport};
use crate::storage::{GraphLines, GraphStore, Selection, Snapshot, StoreError};
use crate::vocab;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What `build` is asked to do.
#[derive(Debug, Clone)]
pub struct BuildConfig {
    pub inputs: Vec<PathBuf>,
    pub store: PathBuf,
    /// Files analysed at once (0: one per core).
    pub jobs: usize,
    /// Report progress on standard error (for a terminal).
    pub progress: bool,
    /// A Graph Store Protocol endpoint to send the built graphs to, after the store is saved.
    pub push: Option<String>,
    /// A metadata file (CSV or JSON lines) whose date, title, URL … override what the sources say.
    pub metadata: Option<PathBuf>,
}

/// What `build` did.
#[derive(Debug, Clone, Default)]
pub struct BuildReport {
    pub files: usize,
    pub documents: usize,
    pub unchanged_documents: usize,
    pub skipped: Vec<Skipped>,
    pub encodings: BTreeMap<String, usize>,
    pub mentions: BTreeMap<Kind, usize>,
    pub entities: BTreeMap<Kind, usize>,
    pub facts: usize,
    pub triples: usize,
    pub seconds: f64,
    /// What was pushed, when a push endpoint was given.
    pub pushed: Option<PushReport>,
}

/// What the store thread needs of an analysed document: its graph and what the report counts.
/// The document itself is dropped on the worker that analysed it.
struct BuiltDocument {
    iri: String,
    index: usize,
    /// The encoding, or the format a converted file was read from, for the summary.
    encoding: String,
    mentions: Vec<Kind>,
    lines: GraphLines,
}

/// Why `build` failed as a whole.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Nothing could be built.
    #[error("no document could be built from {0}")]
    NothingBuilt(String),
    /// The store was saved, but sending it to the push endpoint failed.
    #[error("the store was saved, but the push failed (`diplograph export --push URL` retries)")]
    Push(#[from] PushError),
    /// The metadata file could not be read; nothing was built.
    #[error(transparent)]
    Metadata(#[from] MetadataError),
}

/// Builds the store from the inputs: each file's documents replace that file's earlier graphs.
pub fn build(config: &BuildConfig) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let mut report = BuildReport::default();
    let endpoint = config.push.as_deref().map(Endpoint::new).transpose()?;
    let metadata = config.metadata.as_deref().map(MetadataTable::read).transpose()?.unwrap_or_default();
    let files = collect_files(&config.inputs, &mut report.skipped);
    // Two builds on one store take turns: the second waits, then reads what the first saved.
    let mut store = Target::open(&config.store)?;
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let mut removed = BTreeSet::new();
    let jobs = if config.jobs == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        config.jobs
    };
    // Files are read, analysed and turned into quads on every core while this thread stores the
    // finished ones in input order: the output does not depend on the thread count, and workers
    // stay a few files ahead, so memory grows with the graph, not with the input. The store is
    // kept as each graph's sorted N-Quads statements: building replaces whole graphs and saves
    // them, which needs no indexes, so workers format the statements too.
    let prepare = |file: &PathBuf| -> Result<Vec<BuiltDocument>, String> {
        let bytes = read_file(file)?;
        let described = metadata.lookup(file);
        let documents =
            analyze_with(&file.display().to_string(), &bytes, &described).map_err(|e| e.to_string())?;
        Ok(documents
            .into_iter()
            .map(|doc| BuiltDocument {
                lines: emit::document_lines(&doc),
                mentions: doc.mentions.iter().map(|m| doc.entities[m.entity].kind).collect(),
                encoding: match doc.provenance.format {
                    None => doc.encoding.name().to_owned(),
                    Some("html") => format!("html {}", doc.encoding.name()),
                    Some(format) => format.to_owned(),
                },
                index: doc.index,
                iri: doc.iri,
            })
            .collect())
    };
    let total = files.len();
    ordered::for_each_ordered(&files, jobs, jobs * 4, prepare, |n, result| {
        let path = files[n].display().to_string();
        if config.progress && total > 1 {
            eprint!("\r\x1b[2K[{}/{total}] {path}", n + 1);
            if n + 1 == total {
                eprintln!();
            }
        }
        let documents = match result {
            Ok(docs) => docs,
            Err(reason) => {
                report.skipped.push(Skipped { path, reason });
                return Ok(());
            }
        };
        let old = store.graphs_of_source(&path)?;
        let mut built = Vec::new();
        report.files += 1;
        *report
            .encodings
            .entry(documents.first().map_or("?", |d| d.encoding.as_str()).to_owned())
            .or_default() += 1;
        for doc in documents {
            if let Some(first) = seen.get(&doc.iri) {
                report.skipped.push(Skipped {
                    path: format!("{path} (document {})", doc.index),
                    reason: format!("same content as a document of `{first}`"),
                });
                continue;
            }
            seen.insert(doc.iri.clone(), path.clone());
            report.documents += 1;
            for kind in doc.mentions {
                *report.mentions.entry(kind).or_default() += 1;
            }
            built.push((doc.iri, doc.lines));
        }
        store.replace_source(&old, built)?;
        removed.extend(old);
        Ok::<_, BuildError>(())
    })?;
    if report.documents == 0 {
        let inputs: Vec<String> = config.inputs.iter().map(|p| format!("`{}`", p.display())).collect();
        return Err(BuildError::NothingBuilt(inputs.join(", ")));
    }
    let (counts, store) = store.finish(&config.store)?;
    report.entities = counts.entities;
    report.facts = counts.facts;
    report.triples = counts.triples;
    if let Some(endpoint) = &endpoint {
        // Graphs of documents that are gone go; each built document's graph replaces its old copy.
        let deleted: Vec<String> = removed.into_iter().filter(|g| !seen.contains_key(g)).collect();
        let mut graphs: Vec<String> = seen.into_keys().collect();
        graphs.extend([vocab::ontology_graph(), vocab::gazetteer_graph(), vocab::summary_graph()]);
        let show = config.progress;
        report.pushed =
            Some(push::push(endpoint, &*store.snapshot()?, &graphs, &deleted, true, |done, total| {
                if show {
                    eprint!("\r\x1b[2K[push {done}/{total}] {}", endpoint.url());
                    if done == total {
                        eprintln!();
                    }
                }
            })?);
    }
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// Where a build writes: the store file's graphs, kept as text and saved whole at the end, or the
/// indexed store (a directory), written file by file in transactions.
enum Target {
    File {
        snapshot: Snapshot,
        _lock: std::fs::File,
    },
    #[cfg(feature = "rocksdb")]
    Indexed(crate::storage::indexed::IndexedWriter),
}

/// A built store, for pushing.
enum Built {
    File(Snapshot),
    #[cfg(feature = "rocksdb")]
    Indexed(crate::storage::indexed::IndexedWriter),
}

impl Built {
    /// The named graphs, for pushing.
    fn snapshot(&self) -> Result<std::borrow::Cow<'_, Snapshot>, StoreError> {
        match self {
            Built::File(snapshot) => Ok(std::borrow::Cow::Borrowed(snapshot)),
            #[cfg(feature = "rocksdb")]
            Built::Indexed(writer) => Ok(std::borrow::Cow::Owned(Snapshot::of_store(writer.store())?)),
        }
    }
}

impl Target {
    /// The store at `path`, locked for this build. An indexed store gets the reference graphs
    /// first, so that each file's transaction adds the description of the entities it mentions.
    fn open(path: &Path) -> Result<Self, BuildError> {
        if crate::storage::is_indexed(path) {
            #[cfg(feature = "rocksdb")]
            {
                let writer = crate::storage::indexed::IndexedWriter::open(path)?;
                writer.ensure_graph(&vocab::ontology_graph(), &emit::ontology_quads())?;
                writer.ensure_graph(&vocab::gazetteer_graph(), &emit::gazetteer_quads(Lexicon::get()))?;
                return Ok(Target::Indexed(writer));
            }
            #[cfg(not(feature = "rocksdb"))]
            return Err(StoreError::NoRocksdb(path.to_owned()).into());
        }
        let lock = lock_store(path)?;
        Ok(Target::File { snapshot: Snapshot::open(path, true)?, _lock: lock })
    }

    /// The document graphs read from `source_file`.
    fn graphs_of_source(&mut self, source_file: &str) -> Result<Vec<String>, StoreError> {
        match self {
            // Removed here: the file's new graphs replace them.
            Target::File { snapshot, .. } => Ok(snapshot.remove_graphs_of_source(source_file)),
            #[cfg(feature = "rocksdb")]
            Target::Indexed(writer) => writer.graphs_of_source(source_file),
        }
    }

    /// Puts a file's document graphs in place of its old ones (`old`; in one transaction in an
    /// indexed store).
    fn replace_source(&mut self, old: &[String], built: Vec<(String, GraphLines)>) -> Result<(), StoreError> {
        match self {
            Target::File { snapshot, .. } => {
                // The old graphs left the snapshot when they were looked up.
                debug_assert!(old.iter().all(|g| !snapshot.has_graph(g)));
                for (iri, lines) in built {
                    snapshot.replace_graph(&iri, lines);
                }
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
    fn finish(self, path: &Path) -> Result<(crate::stats::Stats, Built), BuildError> {
        match self {
            Target::File { mut snapshot, _lock } => {
                snapshot
                    .replace_graph(&vocab::ontology_graph(), GraphLines::from_quads(&emit::ontology_quads()));
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
                summary.extend(projection_summary(path, &snapshot)?);
                snapshot.replace_graph(&vocab::summary_graph(), GraphLines::from_quads(&summary));
                // Counting reads what saving writes: done beside it, not after it.
                let counts = std::thread::scope(|scope| {
                    let counting = scope.spawn(|| crate::stats::Stats::of_snapshot(&snapshot));
                    let saved = snapshot.save(path);
                    let counts = counting.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                    saved.map(|()| counts)
                })?;
                Ok((counts, Built::File(snapshot)))
            }
            #[cfg(feature = "rocksdb")]
            Target::Indexed(writer) => {
                // The whole store's projection too, which `analyze` and `export` read from here.
                let mut summary = writer.comention_summary()?;
                summary
                    .extend(crate::graph::precomputed::summarize(writer.store()).map_err(|e| {
                        StoreError::Indexed { path: path.to_owned(), message: e.to_string() }
                    })?);
                writer.ensure_graph(&vocab::summary_graph(), &summary)?;
                let snapshot = writer.publish()?;
                let counts = crate::stats::Stats::of_store(writer.store())
                    .map_err(|e| StoreError::Indexed { path: path.to_owned(), message: e.to_string() })?;
                // Kept for `stats`, which would otherwise read every statement again.
                let kept = snapshot.with_extension("counts");
                crate::storage::write_atomically(&kept, |w| {
                    std::io::Write::write_all(w, counts.to_text().as_bytes())
                })
                .map_err(|cause| StoreError::Write { path: kept.clone(), cause })?;
                Ok((counts, Built::Indexed(writer)))
            }
        }
    }
}

/// The summary graph's statements for the projection of all the documents of `snapshot`, about to
/// be saved as `path` ([`crate::graph::precomputed`]), from only the statements the projection reads.
fn projection_summary(path: &Path, snapshot: &Snapshot) -> Result<Vec<oxigraph::model::Quad>, BuildError> {
    let needs = crate::graph::needs(&crate::graph::Projection::default());
    let selection = Selection { wants: &|p, o| needs.wants(p, o), named_graphs: needs.named_graphs() };
    let store = GraphStore::of_snapshot_selecting(path, snapshot, &selection)?;
    crate::graph::precomputed::summarize(store.inner())
        .map_err(|e| StoreError::Oxigraph(e.to_string()).into())
}

/// Takes the store's lock file (`STORE.lock`), waiting while another build holds it.
fn lock_store(store: &Path) -> Result<std::fs::File, BuildError> {
    let mut name = store.as_os_str().to_owned();
    name.push(".lock");
    let path = PathBuf::from(name);
    let error = |cause| BuildError::Store(StoreError::Write { path: path.clone(), cause });
    let file =
        std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(&path).map_err(error)?;
    file.lock().map_err(error)?;
    Ok(file)
}
