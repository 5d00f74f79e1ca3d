//! The page of one document: title, date, source file, its text with every mention highlighted
//! and linked to its entity, the entities it mentions and the facts it states. The entry point is
//! [`page`].
//!
//! The store keeps the character span of each document and mention in its source file, not the
//! text, so the text is read from the source file (its path as the build was given it, relative to
//! the directory `serve` runs in) and decoded as the build decodes it. A file that is gone or
//! shorter than the span leaves the page without text, saying why.

use super::entity::{timeline, About};
use super::facts::{self, Mark, Party, Selector};
use super::html::{escape, kind_tag, link};
use crate::query::{self, plain_text, QueryError};
use crate::vocab;
use oxigraph::model::NamedNode;
use oxigraph::store::Store;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Facts listed on a document page at most.
const FACTS_SHOWN: usize = 500;

/// Whether `about` describes a document.
pub fn is_document(about: &About) -> bool {
    about.values(vocab::RDF_TYPE).iter().any(|t| plain_text(t) == crate::dg_term!("Document"))
}

/// The HTML page (title, body) of the document `iri` described by `about`.
pub fn page(store: &Store, iri: &NamedNode, about: &About) -> Result<(String, String), QueryError> {
    let dg = vocab::DG;
    let title = about.first(crate::dg_term!("title")).unwrap_or_else(|| "document".into());
    let source = about.first(crate::dg_term!("sourceFile")).unwrap_or_default();
    let number = |p: &str| about.first(&vocab::dg(p)).and_then(|v| v.parse::<usize>().ok());
    let mut body = format!("<h1>{}</h1>\n<dl class=\"about\">", escape(&title));
    for (name, p) in [("date", "date"), ("place", "place"), ("encoding", "encoding")] {
        if let Some(v) = about.first(&vocab::dg(p)) {
            let _ = write!(body, "<dt>{name}</dt><dd>{}</dd>", escape(&v));
        }
    }
    let span = number("startOffset").zip(number("endOffset"));
    let _ = write!(body, "<dt>source file</dt><dd><code>{}</code>", escape(&source));
    if let Some((s, e)) = span {
        let _ = write!(body, " [{s}–{e}]");
    }
    let _ = writeln!(body, "</dd><dt>IRI</dt><dd><code>{}</code></dd></dl>", escape(iri.as_str()));
    let rows = query::select(
        store,
        &format!(
            "SELECT ?s ?e ?t ?x ?l ?k WHERE {{ ?m <{dg}inDocument> {iri} ; <{dg}start> ?s ; <{dg}end> ?e ; <{dg}refersTo> ?x .
               OPTIONAL {{ ?m <{dg}text> ?t }} OPTIONAL {{ ?x <{}> ?l FILTER(LANG(?l) = \"zh\") }} OPTIONAL {{ ?x a ?k }} }}",
            vocab::RDFS_LABEL
        ),
    )?;
    let text = |r: &query::Row, k: &str| r.get(k).map(plain_text).unwrap_or_default();
    let mut marks: Vec<Mark> = rows
        .iter()
        .map(|r| {
            let iri = text(r, "x");
            Mark {
                start: text(r, "s").parse().unwrap_or(0),
                end: text(r, "e").parse().unwrap_or(0),
                surface: text(r, "t"),
                entity: Party {
                    label: Some(text(r, "l")).filter(|l| !l.is_empty()).unwrap_or_else(|| iri.clone()),
                    kind: text(r, "k").rsplit('#').next().unwrap_or("").to_owned(),
                    iri,
                },
            }
        })
        .collect();
    marks.sort_by_key(|m| (m.start, m.end));
    marks.dedup_by(|a, b| a.start == b.start && a.end == b.end);
    let mut mentioned: BTreeMap<(String, String), (String, usize)> = BTreeMap::new();
    for m in &marks {
        let entry = mentioned
            .entry((m.entity.kind.clone(), m.entity.iri.clone()))
            .or_insert((m.entity.label.clone(), 0));
        entry.1 += 1;
    }
    body.push_str("<h2>正文 Text</h2>\n");
    // A converted source (PDF, page, Word file) keeps the text it was analysed on in the store.
    let stored = about.first(crate::dg_term!("text"));
    match span.map(|(s, e)| stored.clone().ok_or(()).or_else(|()| source_text(&source, s, e))) {
        Some(Ok(text)) => {
            let _ = writeln!(
                body,
                "<div class=\"text\" lang=\"zh\">{}</div>",
                facts::highlight(&text, span.map_or(0, |(s, _)| s), &marks, false)
            );
        }
        Some(Err(why)) => {
            let _ = writeln!(body, "<p class=\"note\">{}</p>", escape(&why));
        }
        None => body.push_str("<p class=\"note\">the store holds no span for this document</p>\n"),
    }
    let (list, total) = facts::facts(store, Selector::Document(iri), 0, FACTS_SHOWN)?;
    let _ = writeln!(body, "<h2>事实 Facts <small>({total})</small></h2>");
    timeline(&mut body, &list);
    let _ = write!(
        body,
        "<h2>提及的实体 Entities <small>({})</small></h2>\n<ul class=\"entities\">",
        mentioned.len()
    );
    for ((kind, iri), (label, n)) in &mentioned {
        let _ = write!(body, "<li>{} {} <small>×{n}</small></li>", link(iri, label), kind_tag(kind));
    }
    body.push_str("</ul>\n");
    Ok((title, body))
}

/// Characters `start..end` of the source file at `path`, decoded as the build decodes it.
fn source_text(path: &str, start: usize, end: usize) -> Result<String, String> {
    let bytes =
        std::fs::read(path).map_err(|e| format!("the text is not shown: cannot read `{path}`: {e}"))?;
    let (text, _) = crate::text::decode(&bytes)
        .map_err(|e| format!("the text is not shown: cannot decode `{path}`: {e}"))?;
    let chars: Vec<char> = text.chars().skip(start).take(end.saturating_sub(start)).collect();
    if chars.len() != end.saturating_sub(start) {
        return Err(format!("the text is not shown: `{path}` is shorter than when it was built"));
    }
    Ok(chars.into_iter().collect())
}
