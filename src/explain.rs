//! Explanations: the facts about an entity (or one fact) with their source sentences and the
//! evidence marked, so a user can check any edge in seconds. The entry point is [`explain`].

use crate::lookup;
use crate::query::{self, display_term, QueryError, Row, Sparql};
use crate::vocab;
use oxigraph::model::Term;
use std::collections::BTreeMap;

/// One fact, ready to print: an event once, with every report of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactView {
    pub iri: String,
    pub kind: String,
    /// Role name → labels of the entities in it.
    pub roles: BTreeMap<String, Vec<String>>,
    /// Type word, stance or level and dates, each value any report gives.
    pub attributes: Vec<(String, String)>,
    /// The sentences stating it, by source file and offset.
    pub reports: Vec<ReportView>,
}

/// One document's sentence stating a fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportView {
    pub source_file: String,
    /// The source's URL, when the page or the metadata file gave one.
    pub source_url: Option<String>,
    /// The PDF page the evidence sentence begins on.
    pub page: Option<u64>,
    pub title: String,
    pub span: (u64, u64),
    /// The sentence with the evidence mentions wrapped in 【】.
    pub evidence: String,
}

/// What `explain` found for its target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub target: String,
    pub label: String,
    pub kind: String,
    pub documents: usize,
    pub mentions: usize,
    /// How many facts name the target; `facts` holds the first of them (by IRI).
    pub fact_count: usize,
    pub facts: Vec<FactView>,
}

/// Why an explanation failed.
#[derive(Debug, thiserror::Error)]
pub enum ExplainError {
    #[error("no entity or fact matches `{0}` (give an IRI, an id: name or a label)")]
    NotFound(String),
    #[error(transparent)]
    Query(#[from] QueryError),
}

fn select(store: &dyn Sparql, sparql: &str) -> Result<Vec<Row>, ExplainError> {
    Ok(query::select(store, sparql)?)
}

fn value(row: &BTreeMap<String, Term>, key: &str) -> String {
    row.get(key).map(display_term).unwrap_or_default()
}

/// Finds the entity or fact `target` names: a full IRI, `id:…`, a short name or a label (exact,
/// else contained).
pub fn resolve_target(store: &dyn Sparql, target: &str) -> Result<String, ExplainError> {
    lookup::find(store, target, &[])?.ok_or_else(|| ExplainError::NotFound(target.to_owned()))
}

/// Explains `target` (an entity or a fact) from a store opened for querying, with the views of
/// at most `limit` of its facts.
pub fn explain(store: &dyn Sparql, target: &str, limit: usize) -> Result<Explanation, ExplainError> {
    let iri = resolve_target(store, target)?;
    let dg = vocab::DG;
    let about = select(
        store,
        &format!(
            "SELECT ?label ?kind (COUNT(DISTINCT ?d) AS ?docs) (COUNT(DISTINCT ?m) AS ?ms) WHERE {{
               OPTIONAL {{ <{iri}> <{label}> ?label FILTER(LANG(?label) = \"zh\") }}
               OPTIONAL {{ <{iri}> a ?kind }}
               OPTIONAL {{ ?m <{dg}refersTo> <{iri}> ; <{dg}inDocument> ?d }}
             }} GROUP BY ?label ?kind LIMIT 1",
            label = vocab::RDFS_LABEL
        ),
    )?;
    let first = about.first().cloned().unwrap_or_default();
    let facts_rows = select(
        store,
        &format!(
            "SELECT DISTINCT ?f WHERE {{ {{ ?f ?p <{iri}> . ?f <{dg}statedIn> ?doc }} UNION {{ BIND(<{iri}> AS ?f) ?f <{dg}statedIn> ?doc }} }} ORDER BY ?f"
        ),
    )?;
    if !first.contains_key("kind") && facts_rows.is_empty() {
        return Err(ExplainError::NotFound(target.to_owned()));
    }
    let iris: Vec<String> = facts_rows
        .iter()
        .filter_map(|row| match row.get("f") {
            Some(Term::NamedNode(f)) => Some(f.as_str().to_owned()),
            _ => None,
        })
        .collect();
    let mut facts = Vec::new();
    for chunk in iris[..limit.min(iris.len())].chunks(FACTS_PER_QUERY) {
        facts.extend(fact_views(store, chunk)?);
    }
    let count = |key: &str| match first.get(key) {
        Some(Term::Literal(l)) => l.value().parse().unwrap_or(0),
        _ => 0,
    };
    Ok(Explanation {
        target: iri,
        label: value(&first, "label"),
        kind: value(&first, "kind"),
        documents: count("docs"),
        mentions: count("ms"),
        fact_count: iris.len(),
        facts,
    })
}

/// How many facts one query asks about: an entity of a large archive has thousands, and one
/// round of queries per fact made `explain` take minutes through an endpoint.
const FACTS_PER_QUERY: usize = 200;

/// The rows of `rows` by their `?f`, in the order the query gave them.
fn by_fact(rows: Vec<Row>) -> BTreeMap<String, Vec<Row>> {
    let mut grouped: BTreeMap<String, Vec<Row>> = BTreeMap::new();
    for row in rows {
        if let Some(Term::NamedNode(f)) = row.get("f") {
            grouped.entry(f.as_str().to_owned()).or_default().push(row);
        }
    }
    grouped
}

/// The views of `facts`, four queries for all of them.
fn fact_views(store: &dyn Sparql, facts: &[String]) -> Result<Vec<FactView>, ExplainError> {
    let dg = vocab::DG;
    let values: String = facts.iter().map(|f| format!("<{f}> ")).collect();
    let kinds = by_fact(select(
        store,
        &format!("SELECT ?f ?kind WHERE {{ VALUES ?f {{ {values}}} ?f a ?kind }} ORDER BY ?f ?kind"),
    )?);
    let props = by_fact(select(
        store,
        &format!(
            "SELECT ?f ?p ?o ?l WHERE {{ VALUES ?f {{ {values}}} ?f ?p ?o . OPTIONAL {{ ?o <{}> ?l FILTER(LANG(?l) = \"zh\") }} }} ORDER BY ?f ?p ?o",
            vocab::RDFS_LABEL
        ),
    )?);
    let heads = by_fact(select(
        store,
        &format!(
            "SELECT ?f ?r ?src ?title ?s ?e ?text ?url ?page WHERE {{ VALUES ?f {{ {values}}} ?f <{dg}evidence> ?r .
               ?r <{dg}inDocument> ?doc ; <{dg}evidenceStart> ?s ; <{dg}evidenceEnd> ?e ; <{dg}evidenceText> ?text .
               ?doc <{dg}sourceFile> ?src ; <{dg}title> ?title
               OPTIONAL {{ ?doc <{dg}sourceUrl> ?url }} OPTIONAL {{ ?r <{dg}evidencePage> ?page }} }} ORDER BY ?f ?src ?s ?r"
        ),
    )?);
    let surfaces = by_fact(select(
        store,
        &format!(
            "SELECT DISTINCT ?f ?r ?t WHERE {{ VALUES ?f {{ {values}}} ?f <{dg}evidence> ?r . ?r <{dg}basedOn> ?m . ?m <{dg}text> ?t }}"
        ),
    )?);
    Ok(facts
        .iter()
        .map(|f| {
            fact_view(f, rows_of(&kinds, f), rows_of(&props, f), rows_of(&heads, f), rows_of(&surfaces, f))
        })
        .collect())
}

/// The rows of fact `f` in `grouped` (none when it has none).
fn rows_of<'a>(grouped: &'a BTreeMap<String, Vec<Row>>, f: &str) -> &'a [Row] {
    grouped.get(f).map_or(&[], Vec::as_slice)
}

/// One fact's view from its rows of the four queries of [`fact_views`].
fn fact_view(f: &str, kind: &[Row], props: &[Row], heads: &[Row], surfaces: &[Row]) -> FactView {
    let skip = ["statedIn", "evidence", "type"];
    let mut roles: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut attributes = Vec::new();
    for row in props {
        let p = value(row, "p");
        let name = p.rsplit([':', '#']).next().unwrap_or(&p).to_owned();
        if skip.contains(&name.as_str()) {
            continue;
        }
        match row.get("o") {
            Some(Term::NamedNode(_)) => {
                let shown = if row.contains_key("l") { value(row, "l") } else { value(row, "o") };
                let list = roles.entry(name).or_default();
                if !list.contains(&shown) {
                    list.push(shown);
                }
            }
            Some(_) => attributes.push((name, value(row, "o"))),
            None => {}
        }
    }
    let mut reports: Vec<ReportView> = Vec::new();
    let mut seen = Vec::new();
    for head in heads {
        let r = value(head, "r");
        if seen.contains(&r) {
            continue; // a second title or URL of one document
        }
        let mut marks: Vec<String> = surfaces
            .iter()
            .filter(|row| value(row, "r") == r)
            .map(|row| value(row, "t"))
            .filter(|t| !t.is_empty())
            .collect();
        seen.push(r);
        marks.sort_by_key(|t| std::cmp::Reverse(t.chars().count()));
        let mut evidence = value(head, "text");
        for mark in marks {
            if !evidence.contains(&format!("【{mark}】")) {
                evidence = evidence.replacen(&mark, &format!("【{mark}】"), 1);
            }
        }
        let number = |k: &str| value(head, k).parse().unwrap_or(0);
        reports.push(ReportView {
            source_file: value(head, "src"),
            source_url: head.contains_key("url").then(|| value(head, "url")),
            page: head.contains_key("page").then(|| number("page")),
            title: value(head, "title"),
            span: (number("s"), number("e")),
            evidence,
        });
    }
    FactView {
        iri: f.to_owned(),
        kind: kind
            .first()
            .map(|row| value(row, "kind"))
            .unwrap_or_default()
            .trim_start_matches("dg:")
            .to_owned(),
        roles,
        attributes,
        reports,
    }
}
