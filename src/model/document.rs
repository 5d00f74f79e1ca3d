//! Analysed documents: a file's documents with their entities, their mentions located in the
//! original text, their facts with the evidence sentence, and the encoding the file was read in.

use super::{Date, Entity, Fact};
use std::fmt;
use std::ops::Range;

/// The encoding a file was decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark (the mark is not part of the text).
    Utf8Bom,
    /// UTF-16 little-endian, with a byte-order mark or recognized without.
    Utf16Le,
    /// UTF-16 big-endian, with a byte-order mark or recognized without.
    Utf16Be,
    /// GB18030, a superset of GBK and GB2312.
    Gb18030,
    /// Some lines UTF-8, others GB18030 (files pasted together from several sources).
    Mixed,
    /// Another encoding a web page declared (`<meta charset="big5">`), by its WHATWG name.
    Declared(&'static str),
}

impl Encoding {
    /// The label printed in summaries.
    pub fn name(self) -> &'static str {
        match self {
            Self::Utf8 => "utf-8",
            Self::Utf8Bom => "utf-8 (bom)",
            Self::Utf16Le => "utf-16le",
            Self::Utf16Be => "utf-16be",
            Self::Gb18030 => "gb18030",
            Self::Mixed => "mixed utf-8/gb18030",
            Self::Declared(name) => name,
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One mention, with character offsets into the original decoded text of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocatedMention {
    pub start: usize,
    pub end: usize,
    pub surface: String,
    /// Index into the document's entities.
    pub entity: usize,
}

/// A fact with its evidence sentence located in the original decoded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocatedFact {
    pub fact: Fact,
    /// Character span of the sentence in the original text.
    pub sentence: Range<usize>,
    /// The sentence as normalized text.
    pub text: String,
}

/// One document of a file, fully analysed.
#[derive(Debug, Clone)]
pub struct AnalyzedDocument {
    pub iri: String,
    pub source_file: String,
    pub index: usize,
    pub title: String,
    /// The date of the document, to the day (a document's date is only kept when complete).
    pub date: Option<Date>,
    pub place: Option<String>,
    pub encoding: Encoding,
    /// Character span of the document in the original decoded text.
    pub span: Range<usize>,
    pub entities: Vec<Entity>,
    pub mentions: Vec<LocatedMention>,
    pub facts: Vec<LocatedFact>,
    /// Where the text came from, beyond the file's path.
    pub provenance: Provenance,
}

/// What a document keeps of its source beyond the path: the format it was converted from, the
/// text it was analysed on, its pages, its URL, and where its title, date and URL came from.
/// Empty (the default) for a plain-text file that no metadata file describes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Provenance {
    /// The format the text was converted from (`html`, `pdf`, `docx`); None for plain text.
    pub format: Option<&'static str>,
    /// The document's own part of the converted text (its `span`), kept because the source file
    /// is not that text: mention and evidence offsets minus `span.start` index into it.
    pub text: Option<String>,
    /// Where each page of the source begins: (character offset in the decoded text, page number).
    pub pages: Vec<(usize, u32)>,
    /// The source's URL (the page's canonical URL, or the metadata file's).
    pub url: Option<String>,
    /// The language or script the metadata file gives (`zh-Hans`, `zh-Hant` …).
    pub language: Option<String>,
    /// Where the title, the date and the URL came from (`text`, `page`, `metadata`), for documents
    /// that state it (any but a plain-text file with no metadata).
    pub title_source: Option<&'static str>,
    pub date_source: Option<&'static str>,
    pub url_source: Option<&'static str>,
    /// Other columns of the metadata file: (name, value).
    pub properties: Vec<(String, String)>,
}

impl Provenance {
    /// The page holding the character at `offset` of the decoded text, for a paged source.
    pub fn page_at(&self, offset: usize) -> Option<u32> {
        let after = self.pages.partition_point(|&(start, _)| start <= offset);
        (after > 0).then(|| self.pages[after - 1].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_found_by_offset() {
        let paged = Provenance { pages: vec![(0, 1), (10, 2), (25, 3)], ..Provenance::default() };
        let table = [(0, Some(1)), (9, Some(1)), (10, Some(2)), (24, Some(2)), (25, Some(3)), (99, Some(3))];
        for (offset, page) in table {
            assert_eq!(paged.page_at(offset), page, "offset {offset}");
        }
        let late = Provenance { pages: vec![(5, 2)], ..Provenance::default() };
        assert_eq!(late.page_at(4), None);
        assert_eq!(Provenance::default().page_at(4), None);
    }
}
