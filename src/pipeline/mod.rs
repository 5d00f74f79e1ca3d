//! The pipeline: files → documents → mentions → entities → named graphs in the store.
//!
//! [`analyze`] reads one file's bytes as its format (see [`input`](crate::input)) and runs the
//! text, extract and resolve stages on its text; [`build`] walks the input paths, replaces each
//! file's document graphs in the store and saves it atomically.

mod build;
mod files;
mod target;

pub use build::{build, BuildConfig, BuildError, BuildReport};
pub use files::{collect_files, read_file, Skipped};

use crate::extract::{self, lexicon::Lexicon};
use crate::input::{self, FieldSource, Format, InputError, SourceMetadata, SourceText};
use crate::model::{AnalyzedDocument, Kind, LocatedFact, LocatedMention, Provenance};
use crate::relate;
use crate::resolve;
use crate::text::{self, NormText};
use crate::vocab;
use sha2::{Digest, Sha256};
use std::ops::Range;
use std::sync::LazyLock;

/// Files larger than this are skipped (the limit is the input stage's, for plain text).
pub use crate::input::MAX_TEXT_BYTES as MAX_FILE_BYTES;

/// The relate rules over the embedded lexicon, compiled once for every document.
static RULES: LazyLock<relate::Rules<'static>> = LazyLock::new(|| relate::Rules::new(Lexicon::get()));

/// Reads, normalizes, splits and extracts one file. `source_file` is the path as given.
pub fn analyze(source_file: &str, bytes: &[u8]) -> Result<Vec<AnalyzedDocument>, InputError> {
    analyze_with(source_file, bytes, &SourceMetadata::default())
}

/// [`analyze`], with what a metadata file says of the file overriding what the text and the
/// page say.
pub fn analyze_with(
    source_file: &str,
    bytes: &[u8],
    metadata: &SourceMetadata,
) -> Result<Vec<AnalyzedDocument>, InputError> {
    let source = input::read_source(bytes)?;
    Ok(analyze_source(source_file, &source, metadata))
}

/// Normalizes, splits and extracts a source's text.
pub fn analyze_source(
    source_file: &str,
    source: &SourceText,
    metadata: &SourceMetadata,
) -> Vec<AnalyzedDocument> {
    let original = &source.text;
    let encoding = source.encoding;
    let norm = NormText::new(original);
    let lexicon = Lexicon::get();
    let mut documents = Vec::new();
    // The issue date of the file (its metadata, its page, else its path) gives datelines their year.
    let issued = metadata.date.or(source.date).or_else(|| text::date_in_path(source_file));
    let segments = text::segment(norm.as_str(), issued);
    // The page's own title and date describe the page: they apply when it holds one document.
    let one = segments.len() == 1;
    let described = source.format != Format::Text || !metadata.is_empty();
    let mut cursor = CharCursor::new(original);
    for (index, mut segment) in segments.into_iter().enumerate() {
        let (title_source, date_source) = overrides(&mut segment, source, metadata, one);
        let body = &norm.as_str()[segment.range.clone()];
        let hash = content_hash(body, &segment.repeats, segment.range.start);
        let skipped = segment.skipped();
        let mentions = without_skipped(extract::extract(body, lexicon), |m| {
            let at = segment.range.start + m.start;
            // 新华社北京3月1日电: a dateline is metadata, but the news agency it names is mentioned (the
            // repeated lines, looked through only for a body found in skipped text, are not).
            skipped.contains(at)
                && (m.kind != Kind::Organization || segment.repeats.iter().any(|r| r.contains(&at)))
        });
        if segment.year_from_body {
            let years: Vec<i32> = text::find_dates(body).iter().map(|m| m.date.year).collect();
            segment.date =
                segment.date.map(|d| resolve::year_not_before_leaders(d, &years, &mentions, lexicon));
        }
        let (resolved, own_treaty) =
            resolve::resolve_document(&mentions, lexicon, &segment.title, segment.date);
        let context = relate::DocumentContext {
            title: segment.title.clone(),
            date: segment.date,
            signed: segment.signed,
            own_treaty,
            place: segment.place.clone(),
        };
        let facts =
            relate::relate(body, &mentions, &resolved.mention_entity, &resolved.entities, &context, &RULES)
                .into_iter()
                .map(|fact| {
                    // The sentence without the spaces around it, quoted from the source as it is.
                    let within = &body[fact.sentence.clone()];
                    let start = fact.sentence.start + (within.len() - within.trim_start().len());
                    let end = (fact.sentence.end - (within.len() - within.trim_end().len())).max(start);
                    let at = segment.range.start;
                    let sentence = norm.original_span(at + start..at + end);
                    let text = cursor.slice(sentence.clone()).to_owned();
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
        let span = norm.original_span(segment.range.clone());
        let provenance = if described {
            let (url, url_source) = match (&metadata.url, &source.url) {
                (Some(url), _) => (Some(url.clone()), Some(FieldSource::Metadata.name())),
                (None, Some(url)) => (Some(url.clone()), Some(FieldSource::Page.name())),
                (None, None) => (None, None),
            };
            let converted = source.format != Format::Text;
            Provenance {
                format: converted.then(|| source.format.name()),
                text: converted.then(|| cursor.slice(span.clone()).to_owned()),
                pages: source.pages.clone(),
                url,
                language: metadata.language.clone(),
                title_source: Some(title_source.name()),
                date_source: segment.date.is_some_and(|d| d.is_complete()).then(|| date_source.name()),
                url_source,
                properties: metadata.properties.clone(),
            }
        } else {
            Provenance::default()
        };
        documents.push(AnalyzedDocument {
            iri: vocab::document(&hash),
            source_file: source_file.to_owned(),
            index,
            title: segment.title,
            date: segment.date.filter(|d| d.is_complete()),
            place: segment.place,
            encoding,
            span,
            entities: resolved.entities,
            mentions: located,
            facts,
            provenance,
        });
    }
    documents
}

/// Puts the metadata file's title and date (else, for a one-document source, the page's) in
/// place of what the text stage read, and says where each came from.
fn overrides(
    segment: &mut text::Segment,
    source: &SourceText,
    metadata: &SourceMetadata,
    one: bool,
) -> (FieldSource, FieldSource) {
    let title = match (&metadata.title, &source.title) {
        (Some(title), _) => Some((title, FieldSource::Metadata)),
        (None, Some(title)) if one => Some((title, FieldSource::Page)),
        _ => None,
    };
    let title_source = title.map_or(FieldSource::Text, |(title, from)| {
        segment.title = title.clone();
        from
    });
    let date = match (metadata.date, source.date) {
        (Some(date), _) => Some((date, FieldSource::Metadata)),
        (None, Some(date)) if one => Some((date, FieldSource::Page)),
        _ => None,
    };
    let date_source = date.map_or(FieldSource::Text, |(date, from)| {
        segment.date = Some(date);
        from
    });
    (title_source, date_source)
}

/// Slices of a text by character offsets, walking from the last position asked for: documents and
/// their facts come in order, so a file is walked about once.
struct CharCursor<'t> {
    text: &'t str,
    char: usize,
    byte: usize,
}

impl<'t> CharCursor<'t> {
    fn new(text: &'t str) -> Self {
        CharCursor { text, char: 0, byte: 0 }
    }

    /// The byte offset of character `index` (the end of the text past its last character).
    fn byte_at(&mut self, index: usize) -> usize {
        while self.char < index && self.byte < self.text.len() {
            self.byte += self.text[self.byte..].chars().next().map_or(1, char::len_utf8);
            self.char += 1;
        }
        while self.char > index {
            self.byte -= self.text[..self.byte].chars().next_back().map_or(1, char::len_utf8);
            self.char -= 1;
        }
        self.byte
    }

    /// Characters `range` of the text.
    fn slice(&mut self, range: Range<usize>) -> &'t str {
        let start = self.byte_at(range.start);
        let end = self.byte_at(range.end);
        &self.text[start..end.max(start)]
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_slices_by_characters_in_both_directions() {
        let mut cursor = CharCursor::new("中俄，a联合声明。");
        assert_eq!(cursor.slice(3..6), "a联合");
        assert_eq!(cursor.slice(0..2), "中俄");
        assert_eq!(cursor.slice(7..20), "明。");
        assert_eq!(cursor.slice(5..5), "");
    }

    #[test]
    fn a_dateline_without_a_year_is_not_older_than_the_leaders_it_names() {
        let date =
            |source: &str| analyze("news.txt", source.as_bytes()).unwrap()[0].date.map(|d| d.to_string());
        // The body's only year is history; 斯塔默 came to office in 2024.
        let source = "新华社里约热内卢11月18日电 国家主席习近平会见英国首相斯塔默。1972年，中英建交。\n";
        assert_eq!(date(source).as_deref(), Some("2024-11-18"));
        // A later year of the body that the leaders allow is kept.
        let source = "新华社北京3月5日电 国家主席习近平会见英国首相斯塔默。1972年建交，2025年互访。\n";
        assert_eq!(date(source).as_deref(), Some("2025-03-05"));
        // With no known leader, the body's year stands.
        let source = "新华社北京3月5日电 某国总统会见外宾。1972年，两国建交。\n";
        assert_eq!(date(source).as_deref(), Some("1972-03-05"));
        // A surname with an office is not a name: 李总理 does not date the document.
        let source = "新华社北京3月5日电 李总理会见外宾。1980年，两国建交。\n";
        assert_eq!(date(source).as_deref(), Some("1980-03-05"));
    }

    #[test]
    fn a_dateline_names_its_news_agency() {
        let source = "新华社莫斯科6月5日电 国家主席习近平同俄罗斯总统普京举行会谈。\n";
        let documents = analyze("x.txt", source.as_bytes()).unwrap();
        let surfaces: Vec<&str> = documents[0].mentions.iter().map(|m| m.surface.as_str()).collect();
        assert_eq!(surfaces, ["新华社", "习近平", "俄罗斯", "普京"]);
        let agency = &documents[0].entities[documents[0].mentions[0].entity];
        assert_eq!(agency.kind, Kind::Organization);
    }

    #[test]
    fn evidence_quotes_the_source_verbatim_at_its_offsets() {
        let source = "新華社北京６月５日電　國家主席習近平同俄羅斯總統普京舉行會談，兩國元首簽署聯合聲明。\n";
        let documents = analyze("x.txt", source.as_bytes()).unwrap();
        let facts: Vec<&LocatedFact> = documents.iter().flat_map(|d| &d.facts).collect();
        assert!(!facts.is_empty());
        let chars: Vec<char> = source.chars().collect();
        for fact in facts {
            let quoted: String = chars[fact.sentence.clone()].iter().collect();
            assert_eq!(fact.text, quoted, "the text at the fact's offsets");
            assert!(fact.text.contains("舉行會談，"), "traditional and full-width as written: {}", fact.text);
        }
    }
}
