//! Word documents (Office Open XML): the paragraphs of `word/document.xml` in order, one line
//! each, with tabs and line breaks inside a paragraph kept. The entry point is [`read_docx`].

use super::{catching_panics, first_line, Format, InputError, SourceText};
use crate::model::Encoding;
use quick_xml::events::Event;
use std::io::Read;

/// The most bytes `word/document.xml` may inflate to (a zip-bomb guard).
const MAX_XML_BYTES: u64 = 256 * 1024 * 1024;

fn broken(reason: &str) -> InputError {
    InputError::Broken { format: "Word", reason: first_line(reason) }
}

/// Reads the body text of a `.docx` file.
pub fn read_docx(bytes: &[u8]) -> Result<SourceText, InputError> {
    catching_panics("Word", || {
        let mut archive =
            zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| broken(&e.to_string()))?;
        let mut xml = Vec::new();
        {
            let part = archive.by_name("word/document.xml").map_err(|e| match e {
                zip::result::ZipError::UnsupportedArchive(zip::result::ZipError::PASSWORD_REQUIRED)
                | zip::result::ZipError::InvalidPassword => InputError::Encrypted("Word"),
                e => broken(&e.to_string()),
            })?;
            part.take(MAX_XML_BYTES + 1).read_to_end(&mut xml).map_err(|e| broken(&e.to_string()))?;
        }
        if xml.len() as u64 > MAX_XML_BYTES {
            return Err(broken("word/document.xml inflates past 256 MiB"));
        }
        let text = paragraphs(&xml)?;
        if text.trim().is_empty() {
            return Err(crate::text::DecodeError::Empty.into());
        }
        Ok(SourceText::plain(text, Encoding::Utf8, Format::Docx))
    })
}

/// The text of the body: a line per paragraph (`w:p`), runs' text (`w:t`) joined, `w:tab` as a
/// tab, `w:br`/`w:cr` as a line break. Deleted text (`w:delText`) and field codes (`w:instrText`)
/// are not text.
fn paragraphs(xml: &[u8]) -> Result<String, InputError> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut out = String::new();
    let mut in_text = false;
    let mut buf = Vec::new();
    loop {
        let event =
            reader.read_event_into(&mut buf).map_err(|e| broken(&format!("word/document.xml: {e}")))?;
        match event {
            Event::Start(e) if e.name().as_ref() == b"w:t" => in_text = true,
            Event::End(e) if e.name().as_ref() == b"w:t" => in_text = false,
            Event::End(e) if e.name().as_ref() == b"w:p" => out.push('\n'),
            Event::Empty(e) => match e.name().as_ref() {
                b"w:tab" => out.push('\t'),
                b"w:br" | b"w:cr" => out.push('\n'),
                b"w:p" => out.push('\n'),
                _ => {}
            },
            Event::Text(t) if in_text => {
                out.push_str(&t.decode().map_err(|e| broken(&e.to_string()))?);
            }
            Event::GeneralRef(r) if in_text => match r.resolve_char_ref() {
                Ok(Some(c)) => out.push(c),
                _ => out.push_str(match &*r {
                    [b'a', b'm', b'p'] => "&",
                    [b'l', b't'] => "<",
                    [b'g', b't'] => ">",
                    [b'q', b'u', b'o', b't'] => "\"",
                    [b'a', b'p', b'o', b's'] => "'",
                    _ => "",
                }),
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_come_in_order_with_tabs_breaks_and_entities() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>中华人民共和国和</w:t></w:r><w:r><w:t xml:space="preserve">蒙古国联合声明</w:t></w:r></w:p>
<w:p/>
<w:p><w:r><w:t>一、</w:t><w:tab/><w:t>A &amp; B</w:t><w:br/><w:t>&#20013;方</w:t></w:r><w:r><w:delText>删去</w:delText></w:r></w:p>
</w:body></w:document>"#;
        assert_eq!(
            paragraphs(xml.as_bytes()).unwrap(),
            "中华人民共和国和蒙古国联合声明\n\n一、\tA & B\n中方\n"
        );
    }

    #[test]
    fn broken_archives_are_errors_not_panics() {
        let error = read_docx(b"PK\x03\x04word/document.xml and then nothing").unwrap_err();
        assert!(matches!(error, InputError::Broken { format: "Word", .. }), "{error:?}");
        assert!(matches!(paragraphs(b"<w:p><w:t>x</w:p>"), Err(InputError::Broken { .. })));
    }
}
