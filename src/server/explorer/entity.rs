//! The page of one IRI under `/id/`: an entity (labels, kind, Wikidata link, offices, documents
//! and its facts on a timeline), a fact (its card), or anything else (its statements as a table).
//! Documents have their own page ([`super::document`]). The entry point is [`page`].

use super::facts::{self, Selector};
use super::html::{self, escape, link};
use crate::query::{self, plain_text, QueryError, Row};
use crate::vocab;
use oxigraph::model::{Literal, NamedNode, Term};
use oxigraph::store::Store;
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// Facts listed on an entity page at most (`?from=N` shows the next ones).
const FACTS_SHOWN: usize = 100;
/// Documents listed on an entity page at most.
const DOCUMENTS_SHOWN: usize = 50;

/// The statements about one IRI: predicate, object and the object's zh label.
pub struct About {
    pub rows: Vec<Row>,
}

impl About {
    /// The statements whose subject is `iri` (in the default graph).
    pub fn of(store: &Store, iri: &NamedNode) -> Result<Self, QueryError> {
        let mut rows = query::select(store, &format!("SELECT ?p ?o WHERE {{ {iri} ?p ?o }} ORDER BY ?p ?o"))?;
        let objects: BTreeSet<String> = rows
            .iter()
            .filter(|r| r.get("p").is_some_and(|p| plain_text(p) != vocab::RDF_TYPE))
            .filter_map(|r| match r.get("o") {
                Some(Term::NamedNode(n)) => Some(n.as_str().to_owned()),
                _ => None,
            })
            .collect();
        let described = facts::describe(store, &objects)?;
        for row in &mut rows {
            let label = row.get("o").and_then(|o| described.get(&plain_text(o))).map(|(_, l)| l.clone());
            if let Some(label) = label {
                row.insert("l".into(), Literal::new_simple_literal(label).into());
            }
        }
        Ok(Self { rows })
    }

    /// The objects of `predicate`.
    pub fn values(&self, predicate: &str) -> Vec<&Term> {
        self.rows
            .iter()
            .filter(|r| r.get("p").is_some_and(|p| plain_text(p) == predicate))
            .filter_map(|r| r.get("o"))
            .collect()
    }

    /// The first object of `predicate` as plain text.
    pub fn first(&self, predicate: &str) -> Option<String> {
        self.values(predicate).first().map(|t| plain_text(t))
    }

    /// The kind (class local name) it has, the first `dg:` one.
    pub fn kind(&self) -> Option<String> {
        self.values(vocab::RDF_TYPE)
            .into_iter()
            .find_map(|t| plain_text(t).strip_prefix(vocab::DG).map(str::to_owned))
    }

    /// Its labels: (text, language).
    pub fn labels(&self) -> Vec<(String, String)> {
        self.values(vocab::RDFS_LABEL)
            .into_iter()
            .filter_map(|t| match t {
                Term::Literal(l) => Some((l.value().to_owned(), l.language().unwrap_or("").to_owned())),
                _ => None,
            })
            .collect()
    }

    /// Its zh label, else its en one, else the last segment of `iri`.
    pub fn label(&self, iri: &str) -> String {
        let labels = self.labels();
        labels
            .iter()
            .find(|(_, lang)| lang == "zh")
            .or_else(|| labels.first())
            .map(|(l, _)| l.clone())
            .unwrap_or_else(|| iri.rsplit('/').next().unwrap_or(iri).to_owned())
    }
}

/// The HTML page of `iri` (not a document), or `None` when the store says nothing about it.
/// `from` facts are skipped (paging through an entity's facts).
pub fn page(store: &Store, iri: &NamedNode, from: usize) -> Result<Option<(String, String)>, QueryError> {
    let about = About::of(store, iri)?;
    if about.rows.is_empty() {
        return Ok(None);
    }
    if about.first(crate::dg_term!("statedIn")).is_some() {
        return fact_page(store, iri, &about).map(Some);
    }
    match about.kind().as_deref() {
        Some("Country" | "Leader" | "Treaty" | "Organization" | "Project" | "Initiative") => {
            entity_page(store, iri, &about, from).map(Some)
        }
        _ => Ok(Some(statements_page(iri, &about))),
    }
}

fn entity_page(
    store: &Store,
    iri: &NamedNode,
    about: &About,
    from: usize,
) -> Result<(String, String), QueryError> {
    let dg = vocab::DG;
    let kind = about.kind().unwrap_or_default();
    let label = about.label(iri.as_str());
    let mut body = String::new();
    let _ = write!(body, "<h1>{} {}</h1>\n<dl class=\"about\">", escape(&label), html::kind_tag(&kind));
    let labels: Vec<String> = about
        .labels()
        .iter()
        .map(|(l, lang)| format!("<span lang=\"{}\">{}</span>", escape(lang), escape(l)))
        .collect();
    let _ = write!(body, "<dt>labels</dt><dd>{}</dd>", labels.join(" · "));
    let _ = write!(body, "<dt>IRI</dt><dd><code>{}</code></dd>", escape(iri.as_str()));
    for wd in about.values(vocab::OWL_SAME_AS) {
        let wd = plain_text(wd);
        let q = wd.rsplit('/').next().unwrap_or(&wd).to_owned();
        let _ = write!(body, "<dt>Wikidata</dt><dd><a href=\"{}\">{}</a></dd>", escape(&wd), escape(&q));
    }
    let offices: Vec<String> =
        about.values(crate::dg_term!("office")).iter().map(|t| escape(&plain_text(t))).collect();
    if !offices.is_empty() {
        let _ = write!(body, "<dt>offices</dt><dd>{}</dd>", offices.join(" · "));
    }
    for (p, name) in [
        ("leaderOf", "leader of"),
        ("country", "country"),
        ("party", "parties"),
        ("proposedBy", "proposed by"),
    ] {
        let links: Vec<String> = about
            .rows
            .iter()
            .filter(|r| r.get("p").is_some_and(|t| plain_text(t) == vocab::dg(p)))
            .filter_map(|r| match r.get("o") {
                Some(Term::NamedNode(n)) => {
                    let shown = r.get("l").map(plain_text).unwrap_or_else(|| n.as_str().to_owned());
                    Some(link(n.as_str(), &shown))
                }
                _ => None,
            })
            .collect();
        if !links.is_empty() {
            let _ = write!(body, "<dt>{name}</dt><dd>{}</dd>", links.join(" · "));
        }
    }
    if let Some(iso) = about.first(crate::dg_term!("isoCode")) {
        let _ = write!(body, "<dt>ISO code</dt><dd>{}</dd>", escape(&iso));
    }
    let count = query::select(
        store,
        &format!("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {{ ?d <{dg}mentions> {iri} }}"),
    )?;
    let mentioned_in: usize =
        count.first().and_then(|r| r.get("n")).map(plain_text).and_then(|n| n.parse().ok()).unwrap_or(0);
    let documents = query::select(
        store,
        &format!(
            "SELECT ?d ?title ?date WHERE {{ ?d <{dg}mentions> {iri} OPTIONAL {{ ?d <{dg}title> ?title }} OPTIONAL {{ ?d <{dg}date> ?date }} }}
             ORDER BY ?date ?d LIMIT {DOCUMENTS_SHOWN}"
        ),
    )?;
    let _ = writeln!(body, "<dt>documents</dt><dd>{mentioned_in}</dd></dl>");
    // The short name (`leader:vladimir-putin`) reads better in the graph form than the IRI.
    let short = query::display_term(&Term::NamedNode(iri.clone()));
    let graph = format!("/graph?entity={}", html::encode_value(&short));
    let _ = write!(body, "<p class=\"actions\"><a href=\"{}\">关系图 Graph view</a>", escape(&graph));
    if kind == "Country" || kind == "Leader" {
        let dossier = format!("/dossier?a={}", html::encode_value(&label));
        let _ = write!(body, " · <a href=\"{}\">双边档案 Dossier with…</a>", escape(&dossier));
    }
    body.push_str("</p>\n");
    let (list, total) = facts::facts(store, Selector::Entity(iri), from, FACTS_SHOWN)?;
    let _ = writeln!(body, "<h2>事实 Facts <small>({total})</small></h2>");
    let pages = paging(iri, from, list.len(), total);
    body.push_str(&pages);
    timeline(&mut body, &list);
    body.push_str(&pages);
    let _ =
        write!(body, "<h2>文件 Documents <small>({})</small></h2>\n<ul class=\"documents\">", mentioned_in);
    if mentioned_in > documents.len() {
        let _ =
            write!(body, "<li class=\"note\">The first {} of {mentioned_in} by date.</li>", documents.len());
    }
    for row in &documents {
        let d = row.get("d").map(plain_text).unwrap_or_default();
        let title = row.get("title").map(plain_text).unwrap_or_else(|| "document".into());
        let date = row.get("date").map(plain_text).unwrap_or_default();
        let _ = write!(body, "<li><time>{}</time> {}</li>", escape(&date), link(&d, &title));
    }
    body.push_str("</ul>\n");
    Ok((label, body))
}

/// Links to the earlier and later facts when `shown` of `total` are shown from `from`.
fn paging(iri: &NamedNode, from: usize, shown: usize, total: usize) -> String {
    if from == 0 && shown >= total {
        return String::new();
    }
    let path = html::href(iri.as_str());
    let mut out = format!("<p class=\"paging\">Facts {}–{} of {total}", from + 1, from + shown);
    if from > 0 {
        let before = from.saturating_sub(FACTS_SHOWN);
        let _ = write!(out, " · <a href=\"{}?from={before}\">← earlier</a>", escape(&path));
    }
    if from + shown < total {
        let _ = write!(out, " · <a href=\"{}?from={}\">later →</a>", escape(&path), from + shown);
    }
    out.push_str("</p>\n");
    out
}

/// Fact cards under one heading per year (undated last).
pub fn timeline(body: &mut String, list: &[facts::Fact]) {
    body.push_str("<div class=\"timeline\">\n");
    let mut year: Option<Option<String>> = None;
    for fact in list {
        let this = fact.date.as_ref().map(|d| d.chars().take(4).collect::<String>());
        if year.as_ref() != Some(&this) {
            let _ = writeln!(body, "<h3>{}</h3>", escape(this.as_deref().unwrap_or("undated")));
            year = Some(this);
        }
        body.push_str(&facts::card(fact, true));
    }
    body.push_str("</div>\n");
}

fn fact_page(store: &Store, iri: &NamedNode, about: &About) -> Result<(String, String), QueryError> {
    let (list, _) = facts::facts(store, Selector::Fact(iri), 0, 1)?;
    let kind = about.kind().unwrap_or_else(|| "Fact".into());
    let mut body = format!("<h1>{}</h1>\n", escape(&kind));
    for fact in &list {
        body.push_str(&facts::card(fact, true));
    }
    body.push_str(&statements(iri, about));
    Ok((kind, body))
}

/// Every statement about `iri` as a table, objects as links.
fn statements(iri: &NamedNode, about: &About) -> String {
    let mut out = String::from("<h2>Statements</h2>\n<table class=\"results\"><thead><tr><th>property</th><th>value</th></tr></thead><tbody>");
    for row in &about.rows {
        let p = row.get("p").map(plain_text).unwrap_or_default();
        let shown_p = query::display_term(&Term::NamedNode(NamedNode::new_unchecked(p.clone())));
        let o = match row.get("o") {
            Some(Term::NamedNode(n)) => {
                let label =
                    row.get("l").map(plain_text).unwrap_or_else(|| query::display_term(&n.clone().into()));
                link(n.as_str(), &label)
            }
            Some(t) => escape(&plain_text(t)),
            None => String::new(),
        };
        let _ = write!(out, "<tr><td>{}</td><td>{o}</td></tr>", link(&p, &shown_p));
    }
    let _ = write!(out, "</tbody></table>\n<p><code>{}</code></p>", escape(iri.as_str()));
    out
}

fn statements_page(iri: &NamedNode, about: &About) -> (String, String) {
    let title = about.label(iri.as_str());
    (title.clone(), format!("<h1>{}</h1>\n{}", escape(&title), statements(iri, about)))
}
