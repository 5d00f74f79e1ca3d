//! Format detection from a file's first bytes, whatever its name: `%PDF-`, a ZIP holding
//! `word/document.xml`, an HTML start tag after a BOM, white space and comments, else text.

use super::{Format, InputError};

const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
const ZIP: &[u8] = b"PK\x03\x04";

/// The format of `bytes`; an OLE compound file (a `.doc`, or an Office file with a password) and
/// a ZIP that is not a Word document are errors, since no reader takes them.
pub fn sniff(bytes: &[u8]) -> Result<Format, InputError> {
    let head = &bytes[..bytes.len().min(1024)];
    // The PDF header may follow up to 1 KiB of junk (a mail header, a BOM).
    if find(head, b"%PDF-").is_some() {
        return Ok(Format::Pdf);
    }
    if bytes.starts_with(ZIP) {
        // Local file headers carry names in plain bytes; `[Content_Types].xml` and
        // `word/document.xml` make it Office Open XML for Word.
        return if find(bytes, b"word/document.xml").is_some() {
            Ok(Format::Docx)
        } else {
            Err(InputError::NotWord)
        };
    }
    if bytes.starts_with(OLE) {
        let encrypted: Vec<u8> = "EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes).collect();
        return Err(if find(bytes, &encrypted).is_some() {
            InputError::Encrypted("Word")
        } else {
            InputError::LegacyOffice
        });
    }
    Ok(if looks_like_html(head) { Format::Html } else { Format::Text })
}

/// The name of the converted format (`PDF`, `Word`, `HTML`) the first bytes of a file show, for
/// refusing a large file without reading it; None for text.
pub fn converted_format(head: &[u8]) -> Option<&'static str> {
    if find(head, b"%PDF-").is_some() {
        Some("PDF")
    } else if head.starts_with(ZIP) || head.starts_with(OLE) {
        Some("Word")
    } else if looks_like_html(head) {
        Some("HTML")
    } else {
        None
    }
}

/// True when the first markup, after a BOM, white space, an XML declaration and comments, is an
/// HTML document's start: `<!DOCTYPE html`, `<html`, `<head` or `<meta`.
fn looks_like_html(head: &[u8]) -> bool {
    let mut rest = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    loop {
        rest = trim_start(rest);
        let lower: Vec<u8> = rest.iter().take(16).map(u8::to_ascii_lowercase).collect();
        if lower.starts_with(b"<!--") {
            match find(rest, b"-->") {
                Some(end) => rest = &rest[end + 3..],
                None => return false,
            }
        } else if lower.starts_with(b"<?xml") {
            match find(rest, b"?>") {
                Some(end) => rest = &rest[end + 2..],
                None => return false,
            }
        } else {
            return [&b"<!doctype html"[..], b"<html", b"<head", b"<meta"]
                .iter()
                .any(|start| lower.starts_with(start));
        }
    }
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let n = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &bytes[n..]
}

/// The first position of `needle` in `haystack`.
pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_by_content() {
        let table: &[(&str, &[u8], Format)] = &[
            ("pdf", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", Format::Pdf),
            ("pdf after junk", b"\r\n\r\n%PDF-1.4\n", Format::Pdf),
            ("docx", b"PK\x03\x04\x14\x00\x00\x00[Content_Types].xml....word/document.xml", Format::Docx),
            ("doctype", b"<!DOCTYPE html>\n<html lang=\"zh\">", Format::Html),
            ("bom and space", b"\xEF\xBB\xBF  \r\n<html><head>", Format::Html),
            (
                "xhtml",
                b"<?xml version=\"1.0\"?>\n<!DOCTYPE HTML PUBLIC \"-//W3C//DTD XHTML 1.0//EN\">",
                Format::Html,
            ),
            ("comment first", b"<!-- saved from url=(0050)http://example.org -->\n<html>", Format::Html),
            ("fragment", b"\n<meta charset=\"gbk\"><title>x</title>", Format::Html),
            ("text", "中华人民共和国和蒙古国联合声明".as_bytes(), Format::Text),
            ("text with tags later", "声明\n<html>".as_bytes(), Format::Text),
            ("unclosed comment", b"<!-- never closed <html>", Format::Text),
        ];
        for (name, bytes, format) in table {
            assert_eq!(sniff(bytes), Ok(*format), "{name}");
        }
    }

    #[test]
    fn office_files_no_reader_takes_are_errors() {
        let mut encrypted = OLE.to_vec();
        encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(sniff(&encrypted), Err(InputError::Encrypted("Word")));
        assert_eq!(sniff(&[OLE, b"WordDocument"].concat()), Err(InputError::LegacyOffice));
        assert_eq!(sniff(b"PK\x03\x04xl/workbook.xml"), Err(InputError::NotWord));
    }
}
