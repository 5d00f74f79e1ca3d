//! The pipeline: files → documents → mentions → entities → named graphs in the store.
//!
//! [`analyze`] runs the text, extract and resolve stages on one file's bytes; [`build`] walks the
//! input paths, replaces each file's document graphs in the store and saves it atomically.

use crate::emit;
use crate::extract::{self, lexicon::Lexicon, Kind};
use crate::relate;
use crate::resolve::{self, Entity};
use crate::store::{GraphStore, StoreError};
use crate::text::{self, DecodeError, Encoding, NormText};
use crate::vocab;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Files larger than this are skipped.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// One mention, with character offsets into the original decoded text of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocatedMention {
    pub start: usize,
    pub end: usize,
    pub surface: String,
    /// Index into the document's entities.
    pub entity: usize,
}

/// One document of a file, fully analyzed.
#[derive(Debug, Clone)]
pub struct AnalyzedDocument {
    pub iri: String,
    pub source_file: String,
    pub index: usize,
    pub title: String,
    pub date: Option<String>,
    pub place: Option<String>,
    pub encoding: Encoding,
    /// Character span of the document in the original decoded text.
    pub span: Range<usize>,
    pub entities: Vec<Entity>,
    pub mentions: Vec<LocatedMention>,
    pub facts: Vec<LocatedFact>,
}

/// A fact with its evidence sentence located in the original decoded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocatedFact {
    pub fact: relate::Fact,
    /// Character span of the sentence in the original text.
    pub sentence: Range<usize>,
    /// The sentence as normalized text.
    pub text: String,
}

/// Decodes, normalizes, splits and extracts one file. `source_file` is the path as given.
pub fn analyze(source_file: &str, bytes: &[u8]) -> Result<Vec<AnalyzedDocument>, DecodeError> {
    let (original, encoding) = text::decode(bytes)?;
    let norm = NormText::new(&original);
    let lexicon = Lexicon::get();
    let mut documents = Vec::new();
    for (index, segment) in text::segment(norm.as_str()).into_iter().enumerate() {
        let body = &norm.as_str()[segment.range.clone()];
        let hash = content_hash(body, &segment.repeats, segment.range.start);
        let mentions =
            without_skipped(extract::extract(body), |m| segment.is_skipped(segment.range.start + m.start));
        let mut resolved = resolve::resolve(&mentions, lexicon);
        let own_treaty = resolve::document_treaty(&segment.title, lexicon).map(|entity| {
            match resolved.entities.iter().position(|e| e.iri == entity.iri) {
                Some(i) => i,
                None => {
                    resolved.entities.push(entity);
                    resolved.entities.len() - 1
                }
            }
        });
        let context = relate::DocumentContext {
            title: segment.title.clone(),
            date: segment.date,
            signed: segment.signed,
            own_treaty,
        };
        let facts = relate::relate(body, &mentions, &resolved.mention_entity, &resolved.entities, &context)
            .into_iter()
            .map(|fact| {
                let at = segment.range.start;
                let sentence = norm.original_span(at + fact.sentence.start..at + fact.sentence.end);
                let text = body[fact.sentence.clone()].trim().to_owned();
                LocatedFact { fact, sentence, text }
            })
            .collect();
        let located = mentions
            .iter()
            .zip(&resolved.mention_entity)
            .map(|(m, &entity)| {
                let span = norm.original_span(segment.range.start + m.start..segment.range.start + m.end);
                LocatedMention { start: span.start, end: span.end, surface: m.surface.clone(), entity }
            })
            .collect();
        documents.push(AnalyzedDocument {
            iri: vocab::document(&hash),
            source_file: source_file.to_owned(),
            index,
            title: segment.title,
            date: segment.date.and_then(|d| d.xsd()),
            place: segment.place,
            encoding,
            span: norm.original_span(segment.range),
            entities: resolved.entities,
            mentions: located,
            facts,
        });
    }
    Ok(documents)
}

/// Drops the mentions `skip` selects, keeping proposer links pointing at the right mentions.
fn without_skipped(
    mentions: Vec<extract::Mention>,
    skip: impl Fn(&extract::Mention) -> bool,
) -> Vec<extract::Mention> {
    let mut new_index = vec![None; mentions.len()];
    let mut kept = Vec::new();
    for (i, m) in mentions.into_iter().enumerate() {
        if !skip(&m) {
            new_index[i] = Some(kept.len());
            kept.push(m);
        }
    }
    for m in &mut kept {
        m.detail.proposer = m.detail.proposer.and_then(|j| new_index[j]);
    }
    kept
}

/// A stable id from a document's normalized content (repeated lines left out).
fn content_hash(body: &str, repeats: &[Range<usize>], offset: usize) -> String {
    let mut hasher = Sha256::new();
    let mut last = 0;
    for r in repeats {
        let (s, e) = (r.start - offset, r.end - offset);
        hasher.update(&body.as_bytes()[last..s.max(last)]);
        last = e.max(last);
    }
    hasher.update(&body.as_bytes()[last..]);
    hasher.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// What `build` is asked to do.
#[derive(Debug, Clone)]
pub struct BuildConfig {
    pub inputs: Vec<PathBuf>,
    pub store: PathBuf,
    /// Files analysed at once (0: one per core).
    pub jobs: usize,
    /// Report progress on standard error (for a terminal).
    pub progress: bool,
}

/// A file that was not built, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
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
}

/// Why `build` failed as a whole.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Nothing could be built.
    #[error("no document could be built from {0}")]
    NothingBuilt(String),
}

/// Files under the input paths, in a stable order: a directory gives its `.txt`/`.text` files,
/// recursively, sorted by path; a file given by name is read whatever its extension.
pub fn collect_files(inputs: &[PathBuf], skipped: &mut Vec<Skipped>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut found = Vec::new();
            walk(input, &mut found, skipped);
            found.sort();
            if found.is_empty() {
                skipped.push(Skipped {
                    path: input.display().to_string(),
                    reason: "the directory holds no .txt files".into(),
                });
            }
            files.extend(found);
        } else if input.is_file() {
            files.push(input.clone());
        } else {
            skipped.push(Skipped {
                path: input.display().to_string(),
                reason: "no such file or directory".into(),
            });
        }
    }
    files
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>, skipped: &mut Vec<Skipped>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            skipped.push(Skipped { path: dir.display().to_string(), reason: e.to_string() });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, found, skipped);
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("text"))
        {
            found.push(path);
        }
    }
}

/// Builds the store from the inputs: each file's documents replace that file's earlier graphs.
pub fn build(config: &BuildConfig) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let mut report = BuildReport::default();
    let files = collect_files(&config.inputs, &mut report.skipped);
    // Two builds on one store take turns: the second waits, then reads what the first saved.
    let _lock = lock_store(&config.store)?;
    let store = GraphStore::open(&config.store, true)?;
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let jobs = if config.jobs == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        config.jobs
    };
    // Files are analysed in parallel a batch at a time, then stored in input order: memory grows
    // with the graph, not with the input, and the output does not depend on the thread count.
    let analysed = files.chunks(jobs * 4).flat_map(|batch| analyse_batch(batch, jobs));
    for (n, (file, result)) in files.iter().zip(analysed).enumerate() {
        let path = file.display().to_string();
        if config.progress && files.len() > 1 {
            eprint!("\r\x1b[2K[{}/{}] {path}", n + 1, files.len());
            if n + 1 == files.len() {
                eprintln!();
            }
        }
        let documents = match result {
            Ok(docs) => docs,
            Err(reason) => {
                report.skipped.push(Skipped { path, reason });
                continue;
            }
        };
        for graph in store.graphs_of_source(&path) {
            store.remove_graph(&graph)?;
        }
        report.files += 1;
        *report
            .encodings
            .entry(documents.first().map_or("?", |d| d.encoding.name()).to_owned())
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
            for m in &doc.mentions {
                *report.mentions.entry(doc.entities[m.entity].kind).or_default() += 1;
            }
            store.replace_graph(&doc.iri, &emit::document_quads(&doc))?;
        }
    }
    if report.documents == 0 {
        let inputs: Vec<String> = config.inputs.iter().map(|p| format!("`{}`", p.display())).collect();
        return Err(BuildError::NothingBuilt(inputs.join(", ")));
    }
    store.replace_graph(&vocab::ontology_graph(), &emit::ontology_quads())?;
    store.replace_graph(&vocab::gazetteer_graph(), &emit::gazetteer_quads(Lexicon::get()))?;
    store.save(&config.store)?;
    let counts = crate::stats::Stats::of(&store);
    report.entities = counts.entities;
    report.facts = counts.facts;
    report.triples = store.len();
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// Takes the store's lock file (`STORE.lock`), waiting while another build holds it.
fn lock_store(store: &Path) -> Result<std::fs::File, BuildError> {
    let mut name = store.as_os_str().to_owned();
    name.push(".lock");
    let path = PathBuf::from(name);
    let error = |source| BuildError::Store(StoreError::Write { path: path.clone(), source });
    let file =
        std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(&path).map_err(error)?;
    file.lock().map_err(error)?;
    Ok(file)
}

/// Reads and analyses `files` on up to `jobs` threads; results in the order of `files`.
fn analyse_batch(files: &[PathBuf], jobs: usize) -> Vec<Result<Vec<AnalyzedDocument>, String>> {
    let one = |file: &PathBuf| {
        let bytes = read_limited(file)?;
        analyze(&file.display().to_string(), &bytes).map_err(|e| e.to_string())
    };
    if jobs <= 1 || files.len() <= 1 {
        return files.iter().map(one).collect();
    }
    let mut results: Vec<Option<Result<Vec<AnalyzedDocument>, String>>> =
        (0..files.len()).map(|_| None).collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..jobs)
            .map(|t| {
                let one = &one;
                scope.spawn(move || {
                    files
                        .iter()
                        .enumerate()
                        .skip(t)
                        .step_by(jobs)
                        .map(|(i, f)| (i, one(f)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for handle in handles {
            for (i, r) in handle.join().expect("an analysis thread panicked") {
                results[i] = Some(r);
            }
        }
    });
    results.into_iter().map(|r| r.expect("every file was analysed")).collect()
}

fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    let size = std::fs::metadata(path).map_err(|e| e.to_string())?.len();
    if size > MAX_FILE_BYTES {
        return Err(format!("the file is larger than {} MiB", MAX_FILE_BYTES / 1024 / 1024));
    }
    std::fs::read(path).map_err(|e| e.to_string())
}
