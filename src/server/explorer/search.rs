//! The home page and entity search: one box that finds entities by a Chinese or English label or
//! by a surface the documents name them with (an alias such as 俄方), each with its kind and the
//! number of documents mentioning it. Start with [`search`].

use super::html::{encode_value, escape, kind_tag, link};
use crate::query::{self, plain_text, QueryError};
use crate::vocab;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Entities a search lists at most.
const SHOWN: usize = 50;

/// One entity found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub iri: String,
    pub zh: String,
    pub en: String,
    pub kind: String,
    pub documents: usize,
    /// The label or surface that matched.
    pub matched: String,
    /// The whole label or surface is the search text.
    pub exact: bool,
}

/// `text` as a SPARQL string literal.
pub fn literal(text: &str) -> String {
    oxigraph::model::Literal::new_simple_literal(text).to_string()
}

/// The entities whose label or mention surface contains `q` (any case), exact matches first, then
/// the most documented.
pub fn search(store: &oxigraph::store::Store, q: &str) -> Result<Vec<Hit>, QueryError> {
    let dg = vocab::DG;
    let q = q.trim();
    if q.is_empty() {
        return Ok(Vec::new());
    }
    let needle = literal(&q.to_lowercase());
    let found = query::select(
        store,
        &format!(
            "SELECT ?e ?hit WHERE {{
               {{ ?e <{label}> ?hit FILTER(CONTAINS(LCASE(STR(?hit)), {needle})) }}
               UNION {{ SELECT DISTINCT ?e ?hit WHERE {{ ?m <{dg}text> ?hit FILTER(CONTAINS(LCASE(STR(?hit)), {needle})) ?m <{dg}refersTo> ?e }} }}
             }} LIMIT 5000",
            label = vocab::RDFS_LABEL
        ),
    )?;
    let mut matched: BTreeMap<String, (String, bool)> = BTreeMap::new();
    for row in &found {
        let (e, hit) = (
            row.get("e").map(plain_text).unwrap_or_default(),
            row.get("hit").map(plain_text).unwrap_or_default(),
        );
        let exact = hit.to_lowercase() == q.to_lowercase();
        let entry = matched.entry(e).or_insert((hit.clone(), exact));
        if exact && !entry.1 || (entry.1 == exact && hit.chars().count() < entry.0.chars().count()) {
            *entry = (hit, exact);
        }
    }
    if matched.is_empty() {
        return Ok(Vec::new());
    }
    let values: Vec<String> = matched.keys().map(|e| format!("<{e}>")).collect();
    let rows = query::select(
        store,
        &format!(
            "SELECT ?e ?k (SAMPLE(?zh) AS ?z) (SAMPLE(?en) AS ?n) (COUNT(DISTINCT ?d) AS ?docs) WHERE {{
               VALUES ?e {{ {} }} ?e a ?k FILTER(STRSTARTS(STR(?k), \"{dg}\"))
               OPTIONAL {{ ?e <{label}> ?zh FILTER(LANG(?zh) = \"zh\") }} OPTIONAL {{ ?e <{label}> ?en FILTER(LANG(?en) = \"en\") }}
               OPTIONAL {{ ?d <{dg}mentions> ?e }}
             }} GROUP BY ?e ?k",
            values.join(" "),
            label = vocab::RDFS_LABEL
        ),
    )?;
    let mut hits: Vec<Hit> = rows
        .iter()
        .filter_map(|r| {
            let iri = r.get("e").map(plain_text)?;
            let (hit, exact) = matched.get(&iri)?.clone();
            let text = |k: &str| r.get(k).map(plain_text).unwrap_or_default();
            Some(Hit {
                zh: text("z"),
                en: text("n"),
                kind: text("k").trim_start_matches(dg).to_owned(),
                documents: text("docs").parse().unwrap_or(0),
                matched: hit,
                exact,
                iri,
            })
        })
        .collect();
    hits.sort_by(|a, b| {
        (!a.exact, std::cmp::Reverse(a.documents), &a.iri).cmp(&(
            !b.exact,
            std::cmp::Reverse(b.documents),
            &b.iri,
        ))
    });
    hits.dedup_by(|a, b| a.iri == b.iri);
    Ok(hits)
}

/// The search page for `q`: the box and the entities found.
pub fn page(store: &oxigraph::store::Store, q: &str) -> Result<(String, String), QueryError> {
    let hits = search(store, q)?;
    let mut body = search_box(q);
    if q.trim().is_empty() {
        return Ok(("搜索 Search".into(), body));
    }
    let _ = writeln!(body, "<h1>“{}” <small>{} found</small></h1>", escape(q.trim()), hits.len());
    if hits.is_empty() {
        body.push_str("<p class=\"note\">No entity has a label or a mention containing this text.</p>");
    }
    body.push_str("<table class=\"results hits\"><thead><tr><th>entity</th><th>English</th><th>kind</th><th>documents</th><th>matched</th></tr></thead><tbody>\n");
    for hit in hits.iter().take(SHOWN) {
        let shown = if hit.zh.is_empty() { &hit.en } else { &hit.zh };
        let _ = writeln!(
            body,
            "<tr><td>{}</td><td lang=\"en\">{}</td><td>{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            link(&hit.iri, shown),
            escape(&hit.en),
            kind_tag(&hit.kind),
            hit.documents,
            escape(&hit.matched)
        );
    }
    body.push_str("</tbody></table>\n");
    if hits.len() > SHOWN {
        let _ = write!(body, "<p class=\"note\">The first {SHOWN} of {}.</p>", hits.len());
    }
    Ok((format!("{} · 搜索", q.trim()), body))
}

fn search_box(q: &str) -> String {
    format!(
        "<form class=\"big-search\" action=\"/search\" method=\"get\"><label for=\"q\">实体搜索 Find an entity</label>\
         <input id=\"q\" type=\"search\" name=\"q\" value=\"{}\" placeholder=\"普京, Kazakhstan, 一带一路 …\" autofocus>\
         <button type=\"submit\">搜索 Search</button></form>\n",
        escape(q)
    )
}

/// The home page: the search box, the dossier and graph forms, examples and the query page.
pub fn home() -> (String, String) {
    let mut body = String::from(
        "<h1>diplograph</h1><p>A knowledge graph of Chinese diplomatic documents: who visited whom, who met, \
         what was signed, which partnerships were declared, each with the sentence it comes from.</p>\n",
    );
    body.push_str(&search_box(""));
    body.push_str("<p>Examples: ");
    let examples: Vec<String> = ["普京", "哈萨克斯坦", "Mongolia", "一带一路"]
        .iter()
        .map(|q| format!("<a href=\"/search?q={}\">{}</a>", escape(&encode_value(q)), escape(q)))
        .collect();
    body.push_str(&examples.join(" · "));
    body.push_str("</p>\n");
    body.push_str(&super::dossier::form("中国", "哈萨克斯坦"));
    body.push_str(
        "<h2>关系图 Graph view</h2><form action=\"/graph\" method=\"get\"><input name=\"entity\" value=\"中国\" aria-label=\"entity\"> \
         <button type=\"submit\">Show</button></form>\n\
         <h2>SPARQL</h2><p><a href=\"/query\">The query page</a>: the named queries as examples, results as tables, \
         downloads as CSV or JSON. SPARQL clients use the same <code>/query</code> endpoint (SPARQL 1.1 Protocol).</p>\n",
    );
    ("diplograph".into(), body)
}
