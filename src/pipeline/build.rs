//! `build`: input paths → analysed files → document graphs in the store, saved atomically.

use super::analyze_with;
use super::files::{collect_files, read_file, Skipped};
use super::target::Target;
use crate::emit;
use crate::input::{MetadataError, MetadataTable};
use crate::model::Kind;
use crate::ordered;
use crate::push::{self, Endpoint, PushError, PushReport};
use crate::storage::{GraphLines, StoreError};
use crate::vocab;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
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
