//! HTML building blocks of the explorer: escaping ([`escape`]), links from IRIs to the explorer's
//! own pages ([`href`], [`link`]), percent-encoding and the page frame ([`page`]).
//!
//! Every text a page shows goes through [`escape`] (document text is untrusted input); pages are
//! plain strings built from these pieces, no template engine.

use crate::vocab;
use std::fmt::Write as _;

/// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references, safe in element
/// content and in quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// Appends `text` escaped (see [`escape`]).
pub fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Percent-encodes everything but unreserved characters and `/` (for paths).
pub fn encode_path(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Percent-encodes a query-string value.
pub fn encode_value(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// Decodes `%XX` escapes of a path (a `+` stays a `+`); `None` when the bytes are not UTF-8 or an
/// escape is broken.
pub fn decode_path(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The explorer's path for an IRI under `https://w3id.org/diplograph/id/` (`/id/country/KZ`).
pub fn local_path(iri: &str) -> Option<String> {
    iri.strip_prefix(vocab::ID).map(|rest| format!("/id/{}", encode_path(rest)))
}

/// Where a link to `iri` goes: its explorer page, else the IRI itself.
pub fn href(iri: &str) -> String {
    local_path(iri).unwrap_or_else(|| iri.to_owned())
}

/// `<a href="…">text</a>` to `iri`'s page, both escaped.
pub fn link(iri: &str, text: &str) -> String {
    format!("<a href=\"{}\">{}</a>", escape(&href(iri)), escape(text))
}

/// The style of an entity kind (`Country` → `k-country`) for CSS colours.
pub fn kind_class(kind: &str) -> String {
    format!("k-{}", kind.to_ascii_lowercase())
}

/// A kind as a small coloured tag.
pub fn kind_tag(kind: &str) -> String {
    format!("<span class=\"kind {}\">{}</span>", escape(&kind_class(kind)), escape(kind))
}

/// A whole page: `title` (escaped here) and `body` (HTML already built), with the stylesheet, the
/// navigation and the search box; `scripts` are asset names loaded at the end of the body.
pub fn page(title: &str, body: &str, scripts: &[&str]) -> String {
    let mut out = String::with_capacity(body.len() + 2048);
    out.push_str("<!doctype html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n");
    // The stylesheet link carries the id Cytoscape.js looks for before inserting an inline <style>
    // (which the Content-Security-Policy refuses); explorer.css holds that rule instead.
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    push_escaped(&mut out, title);
    out.push_str(
        " · diplograph</title>\n<link id=\"__________cytoscape_stylesheet\" rel=\"stylesheet\" href=\"/assets/explorer.css\">\n</head>\n<body>\n",
    );
    out.push_str(
        "<header><nav><a class=\"home\" href=\"/\">diplograph</a>\
         <form class=\"search\" action=\"/search\" method=\"get\" role=\"search\">\
         <input type=\"search\" name=\"q\" placeholder=\"实体 / entity\" aria-label=\"search entities\">\
         <button type=\"submit\">搜索 Search</button></form>\
         <a href=\"/dossier\">双边档案 Dossier</a><a href=\"/graph\">关系图 Graph</a>\
         <a href=\"/query\">SPARQL</a></nav></header>\n<main>\n",
    );
    out.push_str(body);
    out.push_str("\n</main>\n");
    for script in scripts {
        let _ = writeln!(out, "<script src=\"/assets/{}\"></script>", escape(script));
    }
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_comes_out_escaped() {
        let table = [
            ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
            ("\"onmouseover='x'", "&quot;onmouseover=&#39;x&#39;"),
            ("a & b", "a &amp; b"),
            ("普京 访问", "普京 访问"),
        ];
        for (text, escaped) in table {
            assert_eq!(escape(text), escaped);
        }
        let a = link("https://w3id.org/diplograph/id/leader/x\"><script>", "<b>");
        assert!(!a.contains("<script>") && !a.contains("<b>"), "{a}");
        let p = page("</title><script>", "", &[]);
        assert!(!p.contains("</title><script>"), "{p}");
    }

    #[test]
    fn iris_map_to_local_paths_and_back() {
        let iri = format!("{}leader/普京", vocab::ID);
        let path = local_path(&iri).unwrap();
        assert_eq!(path, "/id/leader/%E6%99%AE%E4%BA%AC");
        assert_eq!(decode_path(&path).as_deref(), Some("/id/leader/普京"));
        assert_eq!(href("http://www.wikidata.org/entity/Q148"), "http://www.wikidata.org/entity/Q148");
        assert_eq!(decode_path("/a%2"), None);
        assert_eq!(decode_path("/a%ff"), None);
        assert_eq!(decode_path("/a+b").as_deref(), Some("/a+b"));
        assert_eq!(encode_value("中 &="), "%E4%B8%AD+%26%3D");
    }
}
