//! The projection of the whole store that `build` keeps in the summary graph, so that `analyze`
//! and `export` read one statement instead of every document's (1.4 s at a million triples on the
//! indexed store, most of it joining and decoding 100,000 rows).
//!
//! The summary graph ([`vocab::summary_graph`]) holds it twice: as statements for SPARQL (each
//! mentioned entity's `dg:documentCount`, `dg:firstDate` and `dg:lastDate`, each link as a
//! `dg:Link` with `dg:source`, `dg:relation`, `dg:target`, `dg:documentCount`, `dg:firstDate`,
//! `dg:lastDate`, `dg:exampleDocument`), and as one JSON text (`dg:projection`) on the graph's own
//! name beside the number of documents it covers, which is what [`read`] reads: joining the
//! statements of 11,000 nodes and links back together took 0.6 s there. A projection within dates
//! or of co-mentions reads the documents, and so does one on a store holding another number of
//! documents (a summary that one shard of an archive pushed). Start with [`summarize`] and [`read`].

use super::projection::{add_links, cell, rows, Link};
use super::{EntityGraph, GraphError, Projection};
use crate::model::{Date, Kind};
use crate::query::Sparql;
use crate::vocab;
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};
use petgraph::graph::NodeIndex;
use std::collections::HashMap;

/// The summary graph's statements for the projection of all of `store`'s documents.
pub fn summarize(store: &dyn Sparql) -> Result<Vec<Quad>, GraphError> {
    let graph = super::projection::from_documents(store, &Projection::default())?;
    let documents = number(rows(store, &documents_query())?).unwrap_or(0);
    Ok(quads(&graph, documents))
}

/// The first row's `?n` as a number.
fn number(rows: Vec<super::projection::Row>) -> Option<usize> {
    rows.first().and_then(|r| cell(r, "n").parse().ok())
}

/// The summary graph's statements for `graph`, the whole store's projection over `documents`
/// documents.
fn quads(graph: &EntityGraph, documents: usize) -> Vec<Quad> {
    let summary = vocab::summary_graph();
    let name = GraphName::NamedNode(NamedNode::new_unchecked(&summary));
    let iri = |text: &str| NamedNode::new_unchecked(text);
    let count = |n: usize| Term::from(Literal::from(i64::try_from(n).unwrap_or(i64::MAX)));
    let date = |d: &Date| Term::from(Literal::new_typed_literal(d.to_string(), iri(d.xsd_datatype())));
    let mut quads = Vec::new();
    let mut add = |s: &str, p: &str, o: Term| quads.push(Quad::new(iri(s), iri(p), o, name.clone()));
    add(&summary, crate::dg_term!("documentCount"), count(documents));
    add(&summary, crate::dg_term!("projection"), Literal::new_simple_literal(encode(graph)).into());
    for node in graph.node_weights() {
        add(&node.iri, crate::dg_term!("documentCount"), count(node.documents));
        for (p, d) in [(crate::dg_term!("firstDate"), &node.first), (crate::dg_term!("lastDate"), &node.last)]
        {
            if let Some(d) = d {
                add(&node.iri, p, date(d));
            }
        }
    }
    for edge in graph.edge_indices() {
        let (Some((a, b)), Some(e)) = (graph.edge_endpoints(edge), graph.edge_weight(edge)) else { continue };
        let (source, target) = (&graph[a].iri, &graph[b].iri);
        let link = vocab::link(source, e.relation.name(), target);
        add(&link, vocab::RDF_TYPE, iri(crate::dg_term!("Link")).into());
        add(&link, crate::dg_term!("source"), iri(source).into());
        add(&link, crate::dg_term!("relation"), iri(&vocab::dg(e.relation.name())).into());
        add(&link, crate::dg_term!("target"), iri(target).into());
        add(&link, crate::dg_term!("documentCount"), count(e.weight));
        for (p, d) in [(crate::dg_term!("firstDate"), &e.first), (crate::dg_term!("lastDate"), &e.last)] {
            if let Some(d) = d {
                add(&link, p, date(d));
            }
        }
        if let Some(document) = &e.document {
            add(&link, crate::dg_term!("exampleDocument"), iri(document).into());
        }
    }
    quads
}

fn covered_query() -> String {
    let (summary, count, projection) =
        (vocab::summary_graph(), crate::dg_term!("documentCount"), crate::dg_term!("projection"));
    format!("SELECT ?n ?graph WHERE {{ GRAPH <{summary}> {{ <{summary}> <{count}> ?n ; <{projection}> ?graph }} }}")
}

fn documents_query() -> String {
    format!("SELECT (COUNT(?g) AS ?n) WHERE {{ GRAPH ?g {{ ?g a <{}> }} }}", crate::dg_term!("Document"))
}

/// What [`read`] reads, so that a store file loads only that ([`crate::query::Needs`]).
pub fn needs() -> crate::query::Needs {
    crate::query::Needs::of(&covered_query()).union(crate::query::Needs::of(&documents_query()))
}

/// The projection `p` of `store` from its summary, or `None` when the summary holds none for
/// the documents the store holds, or `p` needs the documents (dates, co-mentions).
pub fn read(store: &dyn Sparql, p: &Projection) -> Result<Option<EntityGraph>, GraphError> {
    if p.comention || p.since.is_some() || p.until.is_some() {
        return Ok(None);
    }
    let kept = rows(store, &covered_query())?;
    let Some(row) = kept.first() else { return Ok(None) };
    if number(rows(store, &documents_query())?) != cell(row, "n").parse().ok() {
        return Ok(None);
    }
    Ok(decode(cell(row, "graph"), p))
}

/// `graph` as one JSON text: `{"nodes": [[iri, kind, zh, en, wikidata, documents, first, last]…],
/// "links": [[source node, relation, target node, documents, first, last, document]…]}`, nodes by
/// their index, dates as text or null.
fn encode(graph: &EntityGraph) -> String {
    use serde_json::json;
    let date = |d: &Option<Date>| d.as_ref().map(Date::to_string);
    let nodes: Vec<serde_json::Value> = graph
        .node_weights()
        .map(|n| {
            json!([n.iri, n.kind.name(), n.zh, n.en, n.wikidata, n.documents, date(&n.first), date(&n.last)])
        })
        .collect();
    let links: Vec<serde_json::Value> = graph
        .edge_indices()
        .filter_map(|e| {
            let ((a, b), edge) = (graph.edge_endpoints(e)?, &graph[e]);
            Some(json!([
                a.index(),
                edge.relation.name(),
                b.index(),
                edge.weight,
                date(&edge.first),
                date(&edge.last),
                edge.document
            ]))
        })
        .collect();
    json!({ "nodes": nodes, "links": links }).to_string()
}

/// The part of the graph [`encode`] wrote that `p` keeps; `None` when the text is not such a graph.
fn decode(text: &str, p: &Projection) -> Option<EntityGraph> {
    use serde_json::Value;
    let value: Value = serde_json::from_str(text).ok()?;
    let owned = |v: &Value| v.as_str().map(str::to_owned);
    let date = |v: &Value| v.as_str().and_then(Date::parse);
    let count = |v: &Value| v.as_u64().and_then(|n| usize::try_from(n).ok());
    let mut graph = EntityGraph::new();
    let mut iris: Vec<String> = Vec::new();
    let mut kept: Vec<Option<NodeIndex>> = Vec::new();
    for node in value.get("nodes")?.as_array()? {
        let [iri, kind, zh, en, wikidata, documents, first, last] = node.as_array()?.as_slice() else {
            return None;
        };
        iris.push(owned(iri)?);
        let kind = Kind::from_name(kind.as_str()?)?;
        if !p.kinds.is_empty() && !p.kinds.contains(&kind) {
            kept.push(None);
            continue;
        }
        let node = super::Node {
            iri: owned(iri)?,
            kind,
            zh: owned(zh)?,
            en: owned(en)?,
            wikidata: owned(wikidata)?,
            documents: count(documents)?,
            first: date(first),
            last: date(last),
        };
        kept.push(Some(graph.add_node(node)));
    }
    let mut links = Vec::new();
    for link in value.get("links")?.as_array()? {
        let [a, relation, b, weight, first, last, document] = link.as_array()?.as_slice() else {
            return None;
        };
        links.push(Link {
            s: iris.get(count(a)?)?.clone(),
            rel: owned(relation)?,
            o: iris.get(count(b)?)?.clone(),
            weight: count(weight)?,
            first: date(first),
            last: date(last),
            document: owned(document),
        });
    }
    let index: HashMap<&str, NodeIndex> =
        iris.iter().zip(&kept).filter_map(|(iri, node)| Some((iri.as_str(), (*node)?))).collect();
    add_links(&mut graph, &index, links, p);
    Some(graph)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Relation;
    use oxigraph::io::RdfFormat;
    use oxigraph::store::Store;

    /// Documents (the first undated) in which China's leader meets Russia's and visits Russia; as in a
    /// built store, the default graph holds the documents' dates too.
    fn store(documents: usize) -> Store {
        let (dg, id, label) = (vocab::DG, vocab::ID, vocab::RDFS_LABEL);
        let mut data = format!(
            "<{id}leader/xi> a <{dg}Leader> ; <{label}> \"习近平\"@zh .
             <{id}leader/putin> a <{dg}Leader> ; <{label}> \"普京\"@zh, \"Putin\"@en .
             <{id}country/RU> a <{dg}Country> ; <{label}> \"俄罗斯\"@zh ."
        );
        for n in 0..documents {
            let date = if n == 0 { String::new() } else { format!("; <{dg}date> \"2019-06-0{n}\"") };
            data.push_str(&format!(
                "<{id}doc/{n}> {{ <{id}doc/{n}> a <{dg}Document> {date} ;
                   <{dg}mentions> <{id}leader/xi>, <{id}leader/putin>, <{id}country/RU> .
                   <{id}leader/xi> <{dg}met> <{id}leader/putin> ; <{dg}visited> <{id}country/RU> . }}
                 <{id}doc/{n}> a <{dg}Document> {date} ."
            ));
        }
        let store = Store::new().unwrap();
        store.load_from_slice(RdfFormat::TriG, data.as_bytes()).unwrap();
        store
    }

    fn described(graph: &EntityGraph) -> Vec<String> {
        let nodes = graph.node_weights().map(|n| format!("{n:?}"));
        let edges = graph.edge_indices().map(|e| format!("{:?} {:?}", graph.edge_endpoints(e), graph[e]));
        nodes.chain(edges).collect()
    }

    #[test]
    fn the_kept_projection_reads_back_as_the_documents_give_it() {
        let store = store(3);
        let quads = summarize(&store).unwrap();
        assert!(read(&store, &Projection::default()).unwrap().is_none(), "nothing kept yet");
        store.extend(quads).unwrap();
        let kept = read(&store, &Projection::default()).unwrap().expect("the kept projection");
        let from_documents =
            super::super::projection::from_documents(&store, &Projection::default()).unwrap();
        assert_eq!(described(&kept), described(&from_documents));
        assert_eq!((kept.node_count(), kept.edge_count()), (3, 2));
        let met = kept.edge_weights().find(|e| e.relation == Relation::Met).unwrap();
        assert_eq!(
            (met.weight, met.first, met.last),
            (3, Date::parse("2019-06-01"), Date::parse("2019-06-02"))
        );
        let leaders = Projection { kinds: vec![Kind::Leader], min_weight: 2, ..Projection::default() };
        let kept = read(&store, &leaders).unwrap().unwrap();
        assert_eq!((kept.node_count(), kept.edge_count()), (2, 1), "filtered as the documents would be");
    }

    #[test]
    fn dates_co_mentions_and_another_number_of_documents_read_the_documents() {
        let store = store(3);
        store.extend(summarize(&store).unwrap()).unwrap();
        let since = Projection { since: Date::parse("2019"), ..Projection::default() };
        assert!(read(&store, &since).unwrap().is_none());
        assert!(read(&store, &Projection { comention: true, ..Projection::default() }).unwrap().is_none());
        let garbled: Vec<Quad> = summarize(&store)
            .unwrap()
            .into_iter()
            .map(|q| match q.predicate.as_str() == crate::dg_term!("projection") {
                true => Quad::new(
                    q.subject,
                    q.predicate,
                    Literal::new_simple_literal("{\"nodes\": 1}"),
                    q.graph_name,
                ),
                false => q,
            })
            .collect();
        let other = self::store(3);
        other.extend(garbled).unwrap();
        assert!(read(&other, &Projection::default()).unwrap().is_none(), "a text that is no graph");
        let larger = self::store(4);
        larger.extend(summarize(&store).unwrap()).unwrap();
        assert!(read(&larger, &Projection::default()).unwrap().is_none(), "the summary covers 3 of 4");
    }
}
