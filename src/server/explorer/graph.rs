//! The graph view: the ego network of an entity (depth 1–2, filtered by kind and relation) as
//! Cytoscape.js elements ([`ego`], served as `/graph.json`) and the page that draws it ([`page`]).
//!
//! The network is read by IRI from the document graphs, one query per hop, rather than from
//! [`crate::graph::project`], which projects the whole store (a full scan per request). Edges are
//! the stored relations of [`Relation::PROJECTED`] (the derived `signed` and `citesTreaty` are left
//! out), weighted by the number of documents stating them, as in the projection.

use super::facts::describe;
use super::html::{encode_value, escape, kind_class, link};
use crate::model::{Kind, Relation};
use crate::query::{self, plain_text, QueryError};
use crate::vocab;
use oxigraph::model::NamedNode;
use oxigraph::store::Store;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// Nodes drawn at most (the centre and the best-connected neighbours).
pub const MAX_NODES: usize = 150;

/// Neighbours the second hop goes out from at most.
const EXPANDED: usize = 40;

/// What to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EgoRequest {
    pub center: NamedNode,
    /// 1 or 2.
    pub depth: usize,
    /// Kinds of the neighbours kept; empty keeps all.
    pub kinds: Vec<Kind>,
    /// Relations kept; empty keeps all stored ones.
    pub relations: Vec<Relation>,
}

/// One node: IRI, zh label, kind and hops from the centre.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EgoNode {
    pub iri: String,
    pub label: String,
    pub kind: String,
    pub depth: usize,
}

/// One edge: source, relation, target and documents stating it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EgoEdge {
    pub source: String,
    pub relation: String,
    pub target: String,
    pub weight: usize,
}

/// An ego network.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ego {
    pub nodes: Vec<EgoNode>,
    pub edges: Vec<EgoEdge>,
    /// Neighbours left out past [`MAX_NODES`].
    pub left_out: usize,
}

/// The edges (stored relations in document graphs) touching any of `frontier`.
fn edges_of(store: &Store, frontier: &[String], relations: &[Relation]) -> Result<Vec<EgoEdge>, QueryError> {
    let dg = vocab::DG;
    let wanted: Vec<String> = Relation::PROJECTED
        .into_iter()
        .filter(|r| !r.is_derived() && (relations.is_empty() || relations.contains(r)))
        .map(|r| format!("<{dg}{}>", r.name()))
        .collect();
    if wanted.is_empty() || frontier.is_empty() {
        return Ok(Vec::new());
    }
    let values: Vec<String> = frontier.iter().map(|e| format!("<{e}>")).collect();
    let rows = query::select(
        store,
        &format!(
            "SELECT ?s ?p ?o (COUNT(DISTINCT ?g) AS ?w) WHERE {{
               VALUES ?c {{ {} }} VALUES ?p {{ {} }}
               {{ GRAPH ?g {{ ?c ?p ?o }} BIND(?c AS ?s) }} UNION {{ GRAPH ?g {{ ?s ?p ?c }} BIND(?c AS ?o) }}
               ?g a <{dg}Document> FILTER(?s != ?o)
             }} GROUP BY ?s ?p ?o",
            values.join(" "),
            wanted.join(" ")
        ),
    )?;
    let text = |r: &query::Row, k: &str| r.get(k).map(plain_text).unwrap_or_default();
    Ok(rows
        .iter()
        .map(|r| EgoEdge {
            source: text(r, "s"),
            relation: text(r, "p").trim_start_matches(dg).to_owned(),
            target: text(r, "o"),
            weight: text(r, "w").parse().unwrap_or(1),
        })
        .collect())
}

/// The ego network `request` asks for.
pub fn ego(store: &Store, request: &EgoRequest) -> Result<Ego, QueryError> {
    let center = request.center.as_str().to_owned();
    let mut depth_of: BTreeMap<String, usize> = BTreeMap::from([(center.clone(), 0)]);
    let mut edges: Vec<EgoEdge> = Vec::new();
    let mut kinds: BTreeMap<String, (String, String)> = BTreeMap::new();
    let mut frontier = vec![center.clone()];
    let mut left_out = 0;
    for hop in 1..=request.depth.clamp(1, 2) {
        if depth_of.len() >= MAX_NODES {
            break;
        }
        // The second hop goes out from the best-connected neighbours only: from all of a hub's
        // (中国 has hundreds) it would read much of the store for nodes that find no room.
        frontier.truncate(EXPANDED);
        let found = edges_of(store, &frontier, &request.relations)?;
        let mut weight: BTreeMap<String, usize> = BTreeMap::new();
        for e in &found {
            for end in [&e.source, &e.target] {
                if !depth_of.contains_key(end) {
                    *weight.entry(end.clone()).or_default() += e.weight;
                }
            }
        }
        kinds.extend(describe(store, &weight.keys().cloned().collect())?);
        let mut fresh: Vec<(String, usize)> = weight
            .into_iter()
            // Entities only: a fact node (a cooperation's `party`) is not drawn.
            .filter(|(iri, _)| {
                kinds
                    .get(iri)
                    .and_then(|(k, _)| Kind::from_name(k))
                    .is_some_and(|k| request.kinds.is_empty() || request.kinds.contains(&k))
            })
            .collect();
        fresh.sort_by(|a, b| (std::cmp::Reverse(a.1), &a.0).cmp(&(std::cmp::Reverse(b.1), &b.0)));
        let room = MAX_NODES.saturating_sub(depth_of.len());
        left_out += fresh.len().saturating_sub(room);
        fresh.truncate(room);
        frontier = fresh.iter().map(|(iri, _)| iri.clone()).collect();
        for iri in &frontier {
            depth_of.insert(iri.clone(), hop);
        }
        edges.extend(
            found
                .into_iter()
                .filter(|e| depth_of.contains_key(&e.source) && depth_of.contains_key(&e.target)),
        );
    }
    kinds.extend(describe(store, &BTreeSet::from([center.clone()]))?);
    edges.sort_by(|a, b| (&a.source, &a.relation, &a.target).cmp(&(&b.source, &b.relation, &b.target)));
    edges.dedup_by(|a, b| a.source == b.source && a.relation == b.relation && a.target == b.target);
    let mut nodes: Vec<EgoNode> = depth_of
        .iter()
        .map(|(iri, &depth)| {
            let (kind, label) = kinds.get(iri).cloned().unwrap_or_default();
            EgoNode { iri: iri.clone(), label, kind, depth }
        })
        .collect();
    nodes.sort_by(|a, b| (a.depth, &a.iri).cmp(&(b.depth, &b.iri)));
    Ok(Ego { nodes, edges, left_out })
}

/// The network as Cytoscape.js elements (`{"nodes": [{"data": …}], "edges": […]}`).
pub fn elements(ego: &Ego) -> serde_json::Value {
    let nodes: Vec<serde_json::Value> = ego
        .nodes
        .iter()
        .map(|n| {
            serde_json::json!({ "data": {
                "id": n.iri, "label": n.label, "kind": n.kind, "depth": n.depth, "href": super::html::href(&n.iri)
            }})
        })
        .collect();
    let edges: Vec<serde_json::Value> = ego
        .edges
        .iter()
        .enumerate()
        .map(|(i, e)| {
            serde_json::json!({ "data": {
                "id": format!("e{i}"), "source": e.source, "target": e.target, "relation": e.relation, "weight": e.weight
            }})
        })
        .collect();
    serde_json::json!({ "nodes": nodes, "edges": edges, "leftOut": ego.left_out })
}

/// The graph page: the form, the drawing area (filled by `graph.js` from `data_url`) and, for
/// readers without JavaScript, the edges as a list.
pub fn page(request: Option<&EgoRequest>, entity: &str, ego: Option<&Ego>, data_url: &str) -> String {
    let mut body =
        String::from("<h1>关系图 Graph view</h1>\n<form class=\"graph\" action=\"/graph\" method=\"get\">");
    let _ = write!(body, "<label>entity <input name=\"entity\" value=\"{}\"></label> ", escape(entity));
    let depth = request.map_or(1, |r| r.depth);
    body.push_str("<label>depth <select name=\"depth\">");
    for d in [1, 2] {
        let _ = write!(body, "<option{}>{d}</option>", if d == depth { " selected" } else { "" });
    }
    body.push_str("</select></label> <fieldset><legend>kinds</legend>");
    for kind in Kind::ALL {
        let on = request.is_some_and(|r| r.kinds.contains(&kind));
        let _ = write!(
            body,
            "<label class=\"{}\"><input type=\"checkbox\" name=\"kind\" value=\"{}\"{}> {}</label> ",
            kind_class(kind.name()),
            kind.name(),
            if on { " checked" } else { "" },
            kind.name()
        );
    }
    body.push_str("</fieldset> <label>relation <select name=\"relation\"><option value=\"\">all</option>");
    for r in Relation::PROJECTED.into_iter().filter(|r| !r.is_derived()) {
        let on = request.is_some_and(|q| q.relations == [r]);
        let _ = write!(
            body,
            "<option value=\"{}\"{}>{} {}</option>",
            r.name(),
            if on { " selected" } else { "" },
            r.name(),
            r.label_zh()
        );
    }
    body.push_str("</select></label> <button type=\"submit\">Show</button></form>\n");
    let (Some(ego), Some(request)) = (ego, request) else {
        return body;
    };
    let _ = writeln!(
        body,
        "<p>{} nodes, {} edges around {}{}. Click a node to open its page; edge width is the number of documents.</p>",
        ego.nodes.len(),
        ego.edges.len(),
        link(request.center.as_str(), &ego.nodes.first().map(|n| n.label.clone()).unwrap_or_default()),
        if ego.left_out > 0 { format!(" ({} more neighbours left out)", ego.left_out) } else { String::new() }
    );
    let _ = write!(
        body,
        "<div id=\"cy\" class=\"cy\" data-src=\"{}\"></div>\n<ul class=\"legend\">",
        escape(data_url)
    );
    for kind in Kind::ALL {
        let _ = write!(body, "<li class=\"{}\">{}</li>", kind_class(kind.name()), kind.name());
    }
    body.push_str("</ul>\n<details class=\"edges\"><summary>Edges as a list</summary><ul>");
    let label: BTreeMap<&str, &str> = ego.nodes.iter().map(|n| (n.iri.as_str(), n.label.as_str())).collect();
    for e in &ego.edges {
        let _ = write!(
            body,
            "<li>{} <i>{}</i> {} <small>×{}</small></li>",
            link(&e.source, label.get(e.source.as_str()).unwrap_or(&"")),
            escape(&e.relation),
            link(&e.target, label.get(e.target.as_str()).unwrap_or(&"")),
            e.weight
        );
    }
    body.push_str("</ul></details>\n");
    body
}

/// The query string of `/graph.json` for `request`.
pub fn data_query(request: &EgoRequest) -> String {
    let mut q = format!("entity={}&depth={}", encode_value(request.center.as_str()), request.depth);
    for k in &request.kinds {
        let _ = write!(q, "&kind={}", k.name());
    }
    for r in &request.relations {
        let _ = write!(q, "&relation={}", r.name());
    }
    q
}
