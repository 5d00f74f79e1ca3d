//! PDF text layers: each page's text in reading order of its content stream, a line break where
//! the text moves to another line, and where each page begins. The text stage then joins wrapped
//! lines and drops page numbers as it does for any PDF text.
//!
//! The entry point is [`read_pdf`]. Parsing, decryption (an empty user password) and the fonts'
//! character maps (`ToUnicode`, and the predefined CJK maps such as `UniGB-UCS2-H`) are lopdf's;
//! this module follows the text-positioning operators to place the line breaks.

use super::{catching_panics, first_line, Format, InputError, SourceText};
use crate::model::Encoding;
use lopdf::content::{Content, Operation};
use lopdf::{Document, Object};
use std::collections::BTreeMap;

/// The most bytes one page's content or one font's map may inflate to (a zip-bomb guard).
const MAX_STREAM_BYTES: usize = 64 * 1024 * 1024;

/// How far (in points) the baseline moves before the text counts as a new line.
const NEW_LINE: f32 = 2.0;

/// Reads the text layer of a PDF.
pub fn read_pdf(bytes: &[u8]) -> Result<SourceText, InputError> {
    catching_panics("PDF", || {
        let document = load(bytes)?;
        let pages = document.get_pages();
        if pages.is_empty() {
            return Err(broken("it has no pages"));
        }
        let mut text = String::new();
        let mut chars = 0;
        let mut starts = Vec::with_capacity(pages.len());
        for (&number, &page) in &pages {
            starts.push((chars, number));
            let page_text = page_text(&document, page).map_err(|e| broken(&e.to_string()))?;
            chars += page_text.chars().count();
            text.push_str(&page_text);
        }
        if !text.chars().any(char::is_alphanumeric) {
            return Err(InputError::NoTextLayer);
        }
        Ok(SourceText { pages: starts, ..SourceText::plain(text, Encoding::Utf8, Format::Pdf) })
    })
}

fn broken(reason: &str) -> InputError {
    InputError::Broken { format: "PDF", reason: first_line(reason) }
}

/// Loads the document, decrypting it when it opens with an empty password.
fn load(bytes: &[u8]) -> Result<Document, InputError> {
    let mut document = Document::load_mem(bytes).map_err(|e| match e {
        lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_) => InputError::Encrypted("PDF"),
        e => broken(&e.to_string()),
    })?;
    if document.is_encrypted() && document.decrypt("").is_err() {
        return Err(InputError::Encrypted("PDF"));
    }
    Ok(document)
}

/// The text of one page, each line ended by `\n`.
fn page_text(document: &Document, page: lopdf::ObjectId) -> lopdf::Result<String> {
    let fonts = document.get_page_fonts(page)?;
    let encodings: BTreeMap<&[u8], lopdf::Encoding<'_>> = fonts
        .iter()
        .filter_map(|(name, font)| {
            Some((name.as_slice(), font.get_font_encoding_with_limit(document, MAX_STREAM_BYTES).ok()?))
        })
        .collect();
    let content = Content::decode(&document.get_page_content_with_limit(page, MAX_STREAM_BYTES)?)?;
    let mut lines = LineWriter::default();
    for op in &content.operations {
        lines.apply(op, &encodings);
    }
    Ok(lines.finish())
}

/// Follows the text state through a content stream and writes what is shown, line by line.
struct LineWriter<'a> {
    out: String,
    /// The text line matrix `[a b c d e f]`.
    line: [f32; 6],
    leading: f32,
    font: Option<&'a [u8]>,
    /// The baseline of the last text shown, in text space.
    shown_at: Option<f32>,
    /// The text moved along the line since the last text shown (a word gap, for Latin text).
    moved: bool,
}

impl Default for LineWriter<'_> {
    fn default() -> Self {
        LineWriter {
            out: String::new(),
            line: [1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
            leading: 0.0,
            font: None,
            shown_at: None,
            moved: false,
        }
    }
}

fn number(object: &Object) -> Option<f32> {
    match object {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

impl<'a> LineWriter<'a> {
    fn apply(&mut self, op: &'a Operation, encodings: &BTreeMap<&[u8], lopdf::Encoding<'_>>) {
        let numbers: Vec<f32> = op.operands.iter().filter_map(number).collect();
        match (op.operator.as_str(), numbers.as_slice()) {
            ("BT", _) => self.line = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
            ("Tf", _) => self.font = op.operands.first().and_then(|o| o.as_name().ok()),
            ("TL", [leading]) => self.leading = *leading,
            ("Td", [tx, ty]) => self.move_by(*tx, *ty),
            ("TD", [tx, ty]) => {
                self.leading = -ty;
                self.move_by(*tx, *ty);
            }
            ("Tm", [a, b, c, d, e, f]) => {
                self.line = [*a, *b, *c, *d, *e, *f];
                self.moved = true;
            }
            ("T*", _) => self.move_by(0.0, -self.leading),
            ("Tj" | "TJ", _) => self.show(&op.operands, encodings),
            ("'", _) => {
                self.move_by(0.0, -self.leading);
                self.show(&op.operands, encodings);
            }
            ("\"", _) => {
                self.move_by(0.0, -self.leading);
                self.show(&op.operands[2.min(op.operands.len())..], encodings);
            }
            _ => {}
        }
    }

    fn move_by(&mut self, tx: f32, ty: f32) {
        let [a, b, c, d, e, f] = self.line;
        self.line[4] = tx * a + ty * c + e;
        self.line[5] = tx * b + ty * d + f;
        self.moved = true;
    }

    fn show(&mut self, operands: &[Object], encodings: &BTreeMap<&[u8], lopdf::Encoding<'_>>) {
        let Some(encoding) = self.font.and_then(|f| encodings.get(f)) else { return };
        let mut shown = String::new();
        collect(operands, encoding, &mut shown);
        if shown.is_empty() {
            return;
        }
        let y = self.line[5];
        match self.shown_at {
            Some(last) if (last - y).abs() > NEW_LINE => self.new_line(),
            Some(_) if self.moved && latin_gap(&self.out, &shown) => self.out.push(' '),
            _ => {}
        }
        self.out.push_str(&shown);
        self.shown_at = Some(y);
        self.moved = false;
    }

    fn new_line(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }

    fn finish(mut self) -> String {
        self.new_line();
        self.out
    }
}

/// Text shown by `Tj`/`TJ` operands; a wide negative adjustment in a `TJ` array is a word gap.
fn collect(operands: &[Object], encoding: &lopdf::Encoding<'_>, out: &mut String) {
    for operand in operands {
        match operand {
            Object::String(bytes, _) => {
                if let Ok(text) = encoding.bytes_to_string(bytes) {
                    out.extend(text.chars().filter(|c| *c != '\0'));
                }
            }
            Object::Array(items) => collect(items, encoding, out),
            Object::Integer(_) | Object::Real(_)
                if number(operand).is_some_and(|n| n < -250.0) && !out.is_empty() && !out.ends_with(' ') =>
            {
                out.push(' ');
            }
            _ => {}
        }
    }
}

/// Two pieces of a line that a move apart separates by a space: Latin letters or digits on both
/// sides (Chinese text has no spaces between words).
fn latin_gap(before: &str, after: &str) -> bool {
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == ',' || c == '.');
    latin(before.chars().next_back()) && latin(after.chars().next())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_and_empty_inputs_are_errors_not_panics() {
        for bytes in [
            &b"%PDF-1.4\n"[..],
            b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF",
            b"%PDF-",
        ] {
            let error = read_pdf(bytes).unwrap_err();
            assert!(matches!(error, InputError::Broken { format: "PDF", .. }), "{error:?}");
            assert!(!error.to_string().contains('\n'));
        }
    }

    #[test]
    fn latin_words_are_kept_apart_and_chinese_is_not() {
        assert!(latin_gap("Joint", "Statement"));
        assert!(!latin_gap("中国", "和"));
        assert!(!latin_gap("2019年", "6"));
    }
}
