//! Byte decoding: UTF-8 and UTF-16 (with or without BOM) and GB18030/GBK, detected per file.

use crate::model::Encoding;

/// Why a file could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The file has no bytes, or only white space.
    #[error("the file is empty")]
    Empty,
    /// The bytes look like a binary file (NUL bytes or many control characters).
    #[error("the file is binary, not text")]
    Binary,
    /// The bytes are neither valid UTF-8, UTF-16, nor GB18030.
    #[error("the file is not valid UTF-8, UTF-16 or GB18030 text")]
    Undecodable,
}

/// Decodes `bytes` to text, detecting the encoding.
///
/// A BOM decides; otherwise valid UTF-8 wins; otherwise UTF-16 when the bytes read as Chinese
/// text in it; otherwise each line is read as UTF-8 when it is
/// valid UTF-8 and as GB18030 when not (so a file pasted together from UTF-8 and GBK parts reads
/// right), and the result is kept only when every line decodes and the text is mostly not control
/// characters.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let text = std::str::from_utf8(rest).map_err(|_| DecodeError::Undecodable)?;
        (text.to_owned(), Encoding::Utf8Bom)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (decode_utf16(rest, u16::from_le_bytes)?, Encoding::Utf16Le)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (decode_utf16(rest, u16::from_be_bytes)?, Encoding::Utf16Be)
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.to_owned(), Encoding::Utf8)
    } else if let Some(text) = truncated_utf8(bytes) {
        (text, Encoding::Utf8)
    } else if let Some(decoded) = utf16_without_bom(bytes) {
        decoded
    } else {
        if bytes.contains(&0) {
            return Err(DecodeError::Binary);
        }
        decode_lines(bytes)?
    };
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    if !looks_like_text(&text) {
        return Err(DecodeError::Binary);
    }
    Ok((text, encoding))
}

/// UTF-8 cut inside its last character (a download or copy that stopped short): the text before
/// the cut character.
fn truncated_utf8(bytes: &[u8]) -> Option<String> {
    let error = std::str::from_utf8(bytes).err()?;
    let valid = &bytes[..error.valid_up_to()];
    let cut_at_end = error.error_len().is_none() && !valid.is_ascii();
    cut_at_end.then(|| String::from_utf8_lossy(valid).into_owned())
}

/// Decodes line by line: UTF-8 where a line is valid UTF-8, GB18030 where it is not.
fn decode_lines(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    let mut text = String::with_capacity(bytes.len() * 3 / 2);
    let mut utf8_lines = false;
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        match std::str::from_utf8(line) {
            Ok(valid) => {
                utf8_lines |= !valid.is_ascii();
                text.push_str(valid);
            }
            Err(_) => {
                let (decoded, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(line);
                if had_errors {
                    return Err(DecodeError::Undecodable);
                }
                text.push_str(&decoded);
            }
        }
    }
    if !looks_like_text(&text) {
        return Err(DecodeError::Undecodable);
    }
    Ok((text, if utf8_lines { Encoding::Mixed } else { Encoding::Gb18030 }))
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeError::Undecodable);
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units).collect::<Result<String, _>>().map_err(|_| DecodeError::Undecodable)
}

/// Reads one UTF-16 code unit from its two bytes, in one byte order.
type UnitReader = fn([u8; 2]) -> u16;

/// UTF-16 saved without a byte-order mark, little- or big-endian: kept only when every unit
/// decodes and nearly every character is Chinese, CJK or full-width punctuation, or printable
/// ASCII, which GB18030 or binary bytes read as UTF-16 are not (they give Hangul, private-use
/// characters and unpaired surrogates).
fn utf16_without_bom(bytes: &[u8]) -> Option<(String, Encoding)> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let orders: [(UnitReader, Encoding); 2] =
        [(u16::from_le_bytes, Encoding::Utf16Le), (u16::from_be_bytes, Encoding::Utf16Be)];
    orders.into_iter().find_map(|(unit, encoding)| {
        let text = decode_utf16(bytes, unit).ok()?;
        let (mut total, mut texty, mut cjk) = (0usize, 0usize, 0usize);
        for c in text.chars().take(1 << 16) {
            total += 1;
            let han =
                matches!(c, '\u{3000}'..='\u{303F}' | '\u{3400}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}');
            cjk += usize::from(han);
            texty +=
                usize::from(han || matches!(c, ' '..='~' | '\t' | '\n' | '\r' | '·' | '—' | '“' | '”' | '…'));
        }
        (texty * 100 >= total * 95 && cjk * 10 >= total).then_some((text, encoding))
    })
}

/// True when control characters (other than tab, CR, LF, FF) are rare.
fn looks_like_text(text: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(1 << 16) {
        total += 1;
        if (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C')) || c == '\u{FFFD}' {
            control += 1;
        }
    }
    control * 100 <= total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_encoding() {
        let text = "中华人民共和国和蒙古国联合声明";
        assert_eq!(decode(text.as_bytes()).unwrap(), (text.to_owned(), Encoding::Utf8));
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(decode(&bom).unwrap(), (text.to_owned(), Encoding::Utf8Bom));
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(decode(&le).unwrap(), (text.to_owned(), Encoding::Utf16Le));
        assert_eq!(decode(&be).unwrap(), (text.to_owned(), Encoding::Utf16Be));
        let (gb, _, _) = encoding_rs::GB18030.encode(text);
        assert_eq!(decode(&gb).unwrap(), (text.to_owned(), Encoding::Gb18030));
    }

    #[test]
    fn files_pasted_from_utf8_and_gbk_parts_decode_line_by_line() {
        let utf8 = "中华人民共和国和越南社会主义共和国联合声明\n";
        let gbk = "双方同意在上海合作组织框架内加强合作。\r\n";
        let mut bytes = utf8.as_bytes().to_vec();
        bytes.extend_from_slice(&encoding_rs::GBK.encode(gbk).0);
        bytes.extend_from_slice(b"2017-11-12\n");
        let (text, encoding) = decode(&bytes).unwrap();
        assert_eq!(text, format!("{utf8}{gbk}2017-11-12\n"));
        assert_eq!(encoding, Encoding::Mixed);
        // A GBK line that is also ASCII does not make a file mixed.
        let mut gb_only = b"Joint Statement\n".to_vec();
        gb_only.extend_from_slice(&encoding_rs::GBK.encode(gbk).0);
        assert_eq!(decode(&gb_only).unwrap().1, Encoding::Gb18030);
    }

    #[test]
    fn utf8_cut_inside_its_last_character_keeps_the_rest() {
        let text = "中华人民共和国和越南社会主义共和国联合声明";
        let cut = &text.as_bytes()[..text.len() - 1];
        let (decoded, encoding) = decode(cut).unwrap();
        assert_eq!(encoding, Encoding::Utf8);
        assert_eq!(decoded, &text[..text.len() - 3]);
        // A GBK file is not taken for cut UTF-8.
        let gbk = encoding_rs::GBK.encode(text).0;
        assert_eq!(decode(&gbk).unwrap(), (text.to_owned(), Encoding::Gb18030));
    }

    #[test]
    fn rejects_bad_input() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t "), Err(DecodeError::Empty));
        assert_eq!(decode(b"\x00\x01\x02\xff\xfe\x00abc"), Err(DecodeError::Binary));
        let junk: Vec<u8> = (0..200u8).map(|i| i.wrapping_mul(37)).collect();
        assert!(decode(&junk).is_err());
        assert_eq!(decode(b"\xEF\xBB\xBF\xff\xff"), Err(DecodeError::Undecodable));
        assert_eq!(decode(b"\xFF\xFEa"), Err(DecodeError::Undecodable));
    }

    #[test]
    fn utf16_without_a_bom_is_read_and_gbk_is_not_mistaken_for_it() {
        let text = "中华人民共和国和哈萨克斯坦共和国联合声明\n2022年9月14日,双方签署了《合作协定》。\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le).unwrap(), (text.to_owned(), Encoding::Utf16Le));
        assert_eq!(decode(&be).unwrap(), (text.to_owned(), Encoding::Utf16Be));
        let (gbk, _, _) = encoding_rs::GB18030.encode(text);
        assert_eq!(decode(&gbk).unwrap(), (text.to_owned(), Encoding::Gb18030));
        let binary: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        assert_eq!(decode(&binary), Err(DecodeError::Binary));
    }
}
