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
}
