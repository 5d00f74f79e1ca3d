//! The pipeline: files → documents → mentions → entities → named graphs in the store.
//!
//! [`analyze`] runs the text, extract and resolve stages on one file's bytes; [`build`] walks the
//! input paths, replaces each file's document graphs in the store and saves it atomically.

mod build;
mod files;
mod ordered;

pub use build::{build, BuildConfig, BuildError, BuildReport};
pub use files::{collect_files, read_file, Skipped};

use crate::extract::{self, lexicon::Lexicon};
use crate::model::{AnalyzedDocument, LocatedFact, LocatedMention};
use crate::relate;
use crate::resolve;
use crate::text::{self, DecodeError, NormText};
use crate::vocab;
use sha2::{Digest, Sha256};
use std::ops::Range;
use std::sync::LazyLock;

/// Files larger than this are skipped.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// The relate rules over the embedded lexicon, compiled once for every document.
static RULES: LazyLock<relate::Rules<'static>> = LazyLock::new(|| relate::Rules::new(Lexicon::get()));

/// Decodes, normalizes, splits and extracts one file. `source_file` is the path as given.
pub fn analyze(source_file: &str, bytes: &[u8]) -> Result<Vec<AnalyzedDocument>, DecodeError> {
    let (original, encoding) = text::decode(bytes)?;
    let norm = NormText::new(&original);
    let lexicon = Lexicon::get();
    let mut documents = Vec::new();
    for (index, segment) in
        text::segment(norm.as_str(), text::date_in_path(source_file)).into_iter().enumerate()
    {
        let body = &norm.as_str()[segment.range.clone()];
        let hash = content_hash(body, &segment.repeats, segment.range.start);
        let skipped = segment.skipped();
        let mentions = without_skipped(extract::extract(body, lexicon), |m| {
            skipped.contains(segment.range.start + m.start)
        });
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
        let facts =
            relate::relate(body, &mentions, &resolved.mention_entity, &resolved.entities, &context, &RULES)
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
            date: segment.date.filter(|d| d.is_complete()),
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
