//! The graph: the store projected into a petgraph graph for analysis and export.
//!
//! The entry point is [`project`]: nodes are entities (kind, labels, Wikidata id, number of
//! documents mentioning them), edges are relations (type, weight = number of supporting documents,
//! first and last document date). Only this module and its children know petgraph.

pub mod algo;

use crate::model::{Date, Kind, Relation};
use crate::query::Sparql;
use crate::vocab;
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::BTreeMap;

/// An entity in the graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub iri: String,
    pub kind: Kind,
    pub zh: String,
    pub en: String,
    pub wikidata: String,
    pub documents: usize,
    /// Earliest and latest date of the documents mentioning it.
    pub first: Option<Date>,
    pub last: Option<Date>,
}

/// A relation between two entities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// A stated relation, or [`Relation::Comention`].
    pub relation: Relation,
    /// Number of documents supporting it.
    pub weight: usize,
    /// Earliest and latest date of the documents supporting it.
    pub first: Option<Date>,
    pub last: Option<Date>,
    /// One supporting document (the smallest IRI), to show where a relation comes from.
    pub document: Option<String>,
}

/// The projected graph.
pub type EntityGraph = DiGraph<Node, Edge>;

/// Which part of the store to project.
#[derive(Debug, Clone, Default)]
pub struct Projection {
    /// Entity kinds to keep; empty keeps all.
    pub kinds: Vec<Kind>,
    /// Relations to keep (of [`Relation::PROJECTED`]); empty keeps all.
    pub relations: Vec<Relation>,
    /// Project co-mentions (entities in the same document) instead of stated relations.
    pub comention: bool,
    /// Keep only documents dated on or after / on or before these dates (a month or a year
    /// includes all its days).
    pub since: Option<Date>,
    pub until: Option<Date>,
    /// Drop edges supported by fewer documents.
    pub min_weight: usize,
}

/// Why a projection failed.
#[derive(Debug, thiserror::Error)]
#[error("graph projection failed: {0}")]
pub struct GraphError(pub String);

/// A SELECT's rows with every value as plain text (an IRI, or a literal's lexical form).
fn rows(store: &dyn Sparql, sparql: &str) -> Result<Vec<BTreeMap<String, String>>, GraphError> {
    let rows = crate::query::select(store, sparql).map_err(|e| GraphError(e.to_string()))?;
    let text = crate::query::plain_text;
    Ok(rows.into_iter().map(|row| row.iter().map(|(v, t)| (v.clone(), text(t))).collect()).collect())
}

fn date_filter(p: &Projection) -> String {
    let mut f = String::new();
    if let Some(s) = &p.since {
        f.push_str(&format!("FILTER(STR(?date) >= \"{s}\")"));
    }
    if let Some(u) = &p.until {
        // Until a month or a year includes its last day: compare as many characters as it has.
        let u = u.to_string();
        f.push_str(&format!("FILTER(SUBSTR(STR(?date), 1, {}) <= \"{u}\")", u.len()));
    }
    f
}

/// The date in column `column` of a row, when it holds one.
fn date_of(row: &BTreeMap<String, String>, column: &str) -> Option<Date> {
    row.get(column).and_then(|d| Date::parse(d))
}

/// The SPARQL for the edges the store holds no triple for ([`Relation::DERIVED`]), in the columns of
/// the stored edges. A document's own statement is the treaty it records as signed from its heading
/// (the signing whose evidence starts at the document's start and names no mention: the title): that
/// statement `citesTreaty` each treaty the document cites, and the statement's parties `signed` each
/// other treaty the document records. A document with no own statement (a speech, a news item)
/// gives neither: there is no entity to hang its citations on.
fn derived_edges(wanted: &[Relation], date_clause: &str) -> String {
    let dg = vocab::DG;
    let own = format!(
        "?g <{dg}startOffset> ?so . ?f a <{dg}Signing> ; <{dg}treaty> ?own ; <{dg}evidence> ?r .
         ?r <{dg}evidenceStart> ?so . FILTER NOT EXISTS {{ ?r <{dg}basedOn> ?m }}"
    );
    let mut branches = Vec::new();
    if wanted.contains(&Relation::CitesTreaty) {
        branches.push(format!(
            "{{ {own} ?g <{dg}cites> ?o BIND(?own AS ?s) BIND(\"{}\" AS ?rel) }}",
            Relation::CitesTreaty
        ));
    }
    if wanted.contains(&Relation::Signed) {
        branches.push(format!(
            "{{ {own} ?g <{dg}records> ?o . ?own <{dg}party> ?s FILTER(?o != ?own) BIND(\"{}\" AS ?rel) }}",
            Relation::Signed
        ));
    }
    format!(
        "SELECT ?s ?rel ?o (COUNT(DISTINCT ?g) AS ?w) (MIN(STR(?date)) AS ?first) (MAX(STR(?date)) AS ?last) (MIN(STR(?g)) AS ?doc) WHERE {{
           GRAPH ?g {{ ?g a <{dg}Document> {} }} {date_clause}
         }} GROUP BY ?s ?rel ?o ORDER BY ?s ?rel ?o",
        branches.join(" UNION ")
    )
}

/// Projects the document graphs of `store` (a store as built, named graphs only) into a graph.
pub fn project(store: &dyn Sparql, p: &Projection) -> Result<EntityGraph, GraphError> {
    let dg = vocab::DG;
    let dates = date_filter(p);
    let date_clause = if dates.is_empty() {
        format!("OPTIONAL {{ ?g <{dg}date> ?date }}")
    } else {
        format!("?g <{dg}date> ?date {dates}")
    };
    let node_rows = rows(
        store,
        &format!(
            "SELECT ?e ?class ?docs ?first ?last WHERE {{
               {{ SELECT ?e (COUNT(DISTINCT ?g) AS ?docs) (MIN(STR(?date)) AS ?first) (MAX(STR(?date)) AS ?last) WHERE {{
                   GRAPH ?g {{ ?g <{dg}mentions> ?e }} {date_clause}
               }} GROUP BY ?e }}
               ?e a ?class
             }} ORDER BY ?e ?class"
        ),
    )?;
    let labels = rows(
        store,
        &format!(
            "SELECT DISTINCT ?e ?l ?lang ?wd WHERE {{ {{ SELECT DISTINCT ?e WHERE {{ GRAPH ?g {{ ?g <{dg}mentions> ?e }} }} }}
               ?e <{}> ?l BIND(LANG(?l) AS ?lang) OPTIONAL {{ ?e <{}> ?wd }} }} ORDER BY ?e ?lang ?l",
            vocab::RDFS_LABEL,
            vocab::OWL_SAME_AS
        ),
    )?;
    let mut zh: BTreeMap<&str, &str> = BTreeMap::new();
    let mut en: BTreeMap<&str, &str> = BTreeMap::new();
    let mut wd: BTreeMap<&str, &str> = BTreeMap::new();
    for r in &labels {
        let e = r["e"].as_str();
        let target = if r.get("lang").map(String::as_str) == Some("en") { &mut en } else { &mut zh };
        target.entry(e).or_insert(r["l"].as_str());
        if let Some(q) = r.get("wd") {
            wd.entry(e).or_insert(q.rsplit('/').next().unwrap_or(q));
        }
    }
    let mut graph = EntityGraph::new();
    let mut index: BTreeMap<String, NodeIndex> = BTreeMap::new();
    for r in &node_rows {
        let Some(kind) = r["class"].rsplit('#').next().and_then(Kind::from_name) else {
            continue;
        };
        if (!p.kinds.is_empty() && !p.kinds.contains(&kind)) || index.contains_key(&r["e"]) {
            continue;
        }
        let e = r["e"].as_str();
        let node = Node {
            iri: e.to_owned(),
            kind,
            zh: zh.get(e).unwrap_or(&"").to_string(),
            en: en.get(e).unwrap_or(&"").to_string(),
            wikidata: wd.get(e).unwrap_or(&"").to_string(),
            documents: r.get("docs").and_then(|d| d.parse().ok()).unwrap_or(0),
            first: date_of(r, "first"),
            last: date_of(r, "last"),
        };
        index.insert(e.to_owned(), graph.add_node(node));
    }
    let edge_rows = if p.comention {
        rows(
            store,
            &format!(
                "SELECT ?s (\"comention\" AS ?rel) ?o (COUNT(DISTINCT ?g) AS ?w) (MIN(STR(?date)) AS ?first) (MAX(STR(?date)) AS ?last) (MIN(STR(?g)) AS ?doc) WHERE {{
                   GRAPH ?g {{ ?g <{dg}mentions> ?s, ?o }} FILTER(STR(?s) < STR(?o)) {date_clause}
                 }} GROUP BY ?s ?o ORDER BY ?s ?o"
            ),
        )?
    } else {
        let wanted: Vec<Relation> = Relation::PROJECTED
            .into_iter()
            .filter(|r| p.relations.is_empty() || p.relations.contains(r))
            .collect();
        let values: Vec<String> =
            wanted.iter().filter(|r| !r.is_derived()).map(|r| format!("<{dg}{r}>")).collect();
        let mut stored = rows(
            store,
            &format!(
                "SELECT ?s ?rel ?o (COUNT(DISTINCT ?g) AS ?w) (MIN(STR(?date)) AS ?first) (MAX(STR(?date)) AS ?last) (MIN(STR(?g)) AS ?doc) WHERE {{
                   VALUES ?p {{ {} }} GRAPH ?g {{ ?s ?p ?o . ?g a <{dg}Document> }} BIND(STRAFTER(STR(?p), \"#\") AS ?rel) {date_clause}
                 }} GROUP BY ?s ?rel ?o ORDER BY ?s ?rel ?o",
                values.join(" ")
            ),
        )?;
        if wanted.iter().any(|r| r.is_derived()) {
            stored.extend(rows(store, &derived_edges(&wanted, &date_clause))?);
        }
        stored
    };
    for r in &edge_rows {
        let (Some(&a), Some(&b)) = (index.get(&r["s"]), index.get(&r["o"])) else { continue };
        let weight = r.get("w").and_then(|w| w.parse().ok()).unwrap_or(1);
        if weight < p.min_weight.max(1) || a == b {
            continue;
        }
        let Some(relation) = Relation::from_name(&r["rel"]) else { continue };
        let (first, last) = (date_of(r, "first"), date_of(r, "last"));
        let edge = Edge { relation, weight, first, last, document: r.get("doc").cloned() };
        graph.add_edge(a, b, edge);
    }
    Ok(graph)
}

/// The node whose IRI, short name (`country:KZ`) or label is `name`.
pub fn find_node(graph: &EntityGraph, name: &str) -> Option<NodeIndex> {
    let iri = vocab::expand_short(name).unwrap_or_else(|| name.to_owned());
    graph
        .node_indices()
        .find(|&i| graph[i].iri == iri || graph[i].zh == name || graph[i].en == name)
        .or_else(|| graph.node_indices().find(|&i| graph[i].zh.contains(name)))
}

/// Scores of one node.
#[derive(Debug, Clone, PartialEq)]
pub struct Metrics {
    pub node: NodeIndex,
    pub degree: usize,
    pub weighted_degree: f64,
    pub page_rank: f64,
    pub betweenness: f64,
    pub closeness: f64,
    pub component: usize,
    pub community: usize,
}

/// Every score for every node, in node order.
pub fn metrics(graph: &EntityGraph) -> Vec<Metrics> {
    let adj = algo::adjacency(graph, |e| e.weight as f64);
    let degree = algo::degree(&adj);
    let weighted = algo::weighted_degree(&adj);
    let rank = algo::page_rank(&adj);
    let between = algo::betweenness(&adj);
    let close = algo::closeness(&adj);
    let comps = algo::components(&adj);
    let communities = algo::louvain(&adj);
    (0..graph.node_count())
        .map(|i| Metrics {
            node: NodeIndex::new(i),
            degree: degree[i],
            weighted_degree: weighted[i],
            page_rank: rank[i],
            betweenness: between[i],
            closeness: close[i],
            component: comps[i],
            community: communities[i],
        })
        .collect()
}
