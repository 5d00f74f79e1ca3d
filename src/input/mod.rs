//! Input formats: a file's bytes → the text the text stage reads, plus what the source says of
//! itself (title, publication date, canonical URL, where each PDF page begins).
//!
//! The entry point is [`read_source`]: it [sniffs](sniff::sniff) the format from the content, then
//! hands the bytes to the reader for it ([`html`], [`pdf`], [`docx`], or the text stage's
//! [`decode`](crate::text::decode) for plain text). [`metadata`] reads the `build --metadata` file
//! that overrides what a source says.

pub mod docx;
pub mod html;
pub mod metadata;
pub mod pdf;
pub mod sniff;

use crate::model::{Date, Encoding};
use crate::text::DecodeError;
use std::cell::Cell;

pub use metadata::{FieldSource, MetadataError, MetadataTable, SourceMetadata};
pub use sniff::sniff;

/// The formats `build` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// Plain text in UTF-8, UTF-16 or GB18030.
    Text,
    /// A saved web page.
    Html,
    /// A PDF with a text layer.
    Pdf,
    /// A Word document (Office Open XML).
    Docx,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Text, Format::Html, Format::Pdf, Format::Docx];

    /// The name stored as `dg:sourceFormat` and printed in summaries.
    pub fn name(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Html => "html",
            Self::Pdf => "pdf",
            Self::Docx => "docx",
        }
    }

    /// The name messages use (`PDF`, `Word`, `HTML`, `text`).
    pub fn label(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Html => "HTML",
            Self::Pdf => "PDF",
            Self::Docx => "Word",
        }
    }

    /// The file extensions a directory walk picks up for this format (lower case, no dot).
    pub fn file_extensions(self) -> &'static [&'static str] {
        match self {
            Self::Text => &["txt", "text"],
            Self::Html => &["html", "htm", "xhtml", "shtml"],
            Self::Pdf => &["pdf"],
            Self::Docx => &["docx"],
        }
    }

    /// The format a file extension names, in any case.
    pub fn from_extension(extension: &str) -> Option<Self> {
        let extension = extension.to_ascii_lowercase();
        Self::ALL.into_iter().find(|f| f.file_extensions().contains(&extension.as_str()))
    }

    /// The most bytes a file of this format may have: converted formats are parsed whole in
    /// memory (a PDF several times over), so they are held to less than plain text.
    pub fn max_bytes(self) -> u64 {
        match self {
            Self::Text => MAX_TEXT_BYTES,
            Self::Html | Self::Pdf | Self::Docx => MAX_CONVERTED_BYTES,
        }
    }
}

/// The largest plain-text file read.
pub const MAX_TEXT_BYTES: u64 = 512 * 1024 * 1024;

/// The largest HTML, PDF or DOCX file read.
pub const MAX_CONVERTED_BYTES: u64 = 100 * 1024 * 1024;

/// A source's text, ready for the text stage, and what the source says of itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceText {
    /// The text the documents are analysed on: every offset points into it.
    pub text: String,
    /// The encoding of the text (for PDF and DOCX, the UTF-8/UTF-16 their formats use).
    pub encoding: Encoding,
    pub format: Format,
    /// The page's title from its metadata (`og:title`, `<title>`, `<h1>`).
    pub title: Option<String>,
    /// The publication date from the page's metadata.
    pub date: Option<Date>,
    /// The page's canonical URL (`<link rel="canonical">`, `og:url`).
    pub url: Option<String>,
    /// Where each page begins: (character offset in `text`, page number from 1), in order.
    pub pages: Vec<(usize, u32)>,
}

impl SourceText {
    /// Plain text with nothing known about it beyond its encoding.
    pub fn plain(text: String, encoding: Encoding, format: Format) -> Self {
        SourceText { text, encoding, format, title: None, date: None, url: None, pages: Vec::new() }
    }
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// The file is larger than its format allows.
    #[error("the {format} file is larger than {limit} MiB")]
    TooLarge { format: &'static str, limit: u64 },
    /// An HTML page whose main text could not be found (an index page, a page of links, a page
    /// its scripts fill in).
    #[error("the HTML page has no main text (only navigation, links or scripts)")]
    NoMainText,
    /// A PDF whose pages have no text layer, such as a scanned one.
    #[error("the PDF has no text layer (a scanned PDF? no OCR is done)")]
    NoTextLayer,
    /// A PDF or Office file that needs a password.
    #[error("the {0} file is password-protected")]
    Encrypted(&'static str),
    /// A ZIP archive other than a Word document (a spreadsheet, a presentation, an archive).
    #[error("a ZIP archive that is not a Word document (no word/document.xml)")]
    NotWord,
    /// A legacy Word file (`.doc`, an OLE compound file).
    #[error("a legacy Word (.doc) or other OLE file, not .docx: save it as .docx")]
    LegacyOffice,
    /// The file is damaged or not what it claims to be.
    #[error("a broken {format} file: {reason}")]
    Broken { format: &'static str, reason: String },
}

thread_local! {
    /// True while this thread runs a third-party parser inside [`catching_panics`].
    static READING: Cell<bool> = const { Cell::new(false) };
}

/// True while the current thread runs a parser whose panics are caught and reported as broken
/// input: a panic hook can keep quiet about those (the binary's does).
pub fn reading_untrusted_input() -> bool {
    READING.with(Cell::get)
}

/// Runs a third-party parser on untrusted bytes, turning a panic into a broken-file error.
pub(crate) fn catching_panics<T>(
    format: &'static str,
    parse: impl FnOnce() -> Result<T, InputError>,
) -> Result<T, InputError> {
    let was = READING.with(|r| r.replace(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(parse));
    READING.with(|r| r.set(was));
    result.unwrap_or_else(|panic| {
        let reason = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "the parser failed".to_owned());
        Err(InputError::Broken { format, reason: first_line(&reason) })
    })
}

/// The first line of a message, for one-line errors.
pub(crate) fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or_default().trim().to_owned()
}

/// Reads a file's bytes as its format (sniffed from the content) and gives its text.
pub fn read_source(bytes: &[u8]) -> Result<SourceText, InputError> {
    let format = sniff(bytes)?;
    let limit = format.max_bytes();
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge { format: format.label(), limit: limit / 1024 / 1024 });
    }
    match format {
        Format::Text => {
            let (text, encoding) = crate::text::decode(bytes)?;
            Ok(SourceText::plain(text, encoding, Format::Text))
        }
        Format::Html => html::read_html(bytes),
        Format::Pdf => pdf::read_pdf(bytes),
        Format::Docx => docx::read_docx(bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_round_trip_through_their_extensions() {
        for format in Format::ALL {
            for ext in format.file_extensions() {
                assert_eq!(Format::from_extension(&ext.to_uppercase()), Some(format));
            }
        }
        assert_eq!(Format::from_extension("md"), None);
    }

    #[test]
    fn a_panicking_parser_is_a_broken_file() {
        let result: Result<(), _> = catching_panics("pdf", || panic!("bad xref\nmore"));
        assert_eq!(result, Err(InputError::Broken { format: "pdf", reason: "bad xref".into() }));
        assert!(!reading_untrusted_input());
    }
}
