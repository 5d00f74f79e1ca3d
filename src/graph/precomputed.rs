//! The projection of the whole store that `build` keeps in the summary graph of an indexed store,
//! so that `analyze` and `export` read a row per node and per link instead of every document's
//! statements (1.4 s at a million triples, nearly all of it decoding the rows' IRIs).
//!
//! The summary graph ([`vocab::summary_graph`]) then holds each mentioned entity's
//! `dg:documentCount`, `dg:firstDate` and `dg:lastDate`; each link of the graph as a `dg:Link`
//! (`dg:source`, `dg:relation`, `dg:target`, `dg:documentCount`, `dg:firstDate`, `dg:lastDate`,
//! `dg:exampleDocument`); and, on the graph's own name, the number of documents it covers.
//! A projection within dates or of co-mentions reads the documents, and so does one on a store
//! holding another number of documents (a summary that one shard of an archive pushed).
//! Start with [`quads`] and [`read`].

use super::projection::{add_links, add_nodes, cell, rows, Counts, Link};
use super::{EntityGraph, GraphError, Projection};
use crate::model::{Date, Kind, Relation};
use crate::query::Sparql;
use crate::vocab;
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};
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

/// The entities the summary counts, with their classes of an entity kind, as a pattern binding
/// `?e` and `?class` (links and co-mentions have none). Each class is named, so that a store file
/// loads only those statements of type ([`needs`]).
fn counted_entities() -> String {
    let kinds: Vec<String> = Kind::ALL
        .iter()
        .map(|k| format!("{{ ?e a <{0}> BIND(<{0}> AS ?class) }}", vocab::dg(k.name())))
        .collect();
    format!(
        "GRAPH <{}> {{ ?e <{}> ?n }} {}",
        vocab::summary_graph(),
        crate::dg_term!("documentCount"),
        kinds.join(" UNION ")
    )
}

/// Whatever the summary counts documents of (entities, links, co-mentions), as a pattern binding
/// `?e`: only entities have labels.
fn summarized() -> String {
    format!("GRAPH <{}> {{ ?e <{}> ?n }}", vocab::summary_graph(), crate::dg_term!("documentCount"))
}

fn classes_query() -> String {
    format!("SELECT DISTINCT ?e ?class WHERE {{ {} }}", counted_entities())
}

fn covered_query() -> String {
    let (summary, count) = (vocab::summary_graph(), crate::dg_term!("documentCount"));
    format!("SELECT ?n WHERE {{ GRAPH <{summary}> {{ <{summary}> <{count}> ?n }} }}")
}

fn documents_query() -> String {
    format!("SELECT (COUNT(?g) AS ?n) WHERE {{ GRAPH ?g {{ ?g a <{}> }} }}", crate::dg_term!("Document"))
}

fn counts_query() -> String {
    let optional = |v: &str, p: &str| format!("OPTIONAL {{ ?e <{}> ?{v} }}", vocab::dg(p));
    let not = |class: &str| format!("FILTER NOT EXISTS {{ ?e a <{}> }}", vocab::dg(class));
    format!(
        "SELECT ?e ?n ?first ?last WHERE {{ GRAPH <{}> {{ ?e <{}> ?n {} {} {} {} }} }}",
        vocab::summary_graph(),
        crate::dg_term!("documentCount"),
        not("Link"),
        not("CoMention"),
        optional("first", "firstDate"),
        optional("last", "lastDate")
    )
}

fn links_query() -> String {
    let term = |local: &str| vocab::dg(local);
    format!(
        "SELECT ?s ?rel ?o ?w ?first ?last ?doc WHERE {{ GRAPH <{}> {{
           ?link a <{}> ; <{}> ?s ; <{}> ?rel ; <{}> ?o ; <{}> ?w
           OPTIONAL {{ ?link <{}> ?first }} OPTIONAL {{ ?link <{}> ?last }} OPTIONAL {{ ?link <{}> ?doc }} }} }}",
        vocab::summary_graph(),
        term("Link"),
        term("source"),
        term("relation"),
        term("target"),
        term("documentCount"),
        term("firstDate"),
        term("lastDate"),
        term("exampleDocument")
    )
}

/// What [`read`] reads, so that a store file loads only that ([`crate::query::Needs`]).
pub fn needs() -> crate::query::Needs {
    [
        covered_query(),
        documents_query(),
        counts_query(),
        classes_query(),
        super::projection::Labels::query(&summarized()),
        links_query(),
    ]
    .iter()
    .map(|q| crate::query::Needs::of(q))
    .reduce(crate::query::Needs::union)
    .unwrap_or(crate::query::Needs::Everything)
}

/// The projection `p` of `store` from its summary, or `None` when the summary holds none for
/// the documents the store holds, or `p` needs the documents (dates, co-mentions).
pub fn read(store: &dyn Sparql, p: &Projection) -> Result<Option<EntityGraph>, GraphError> {
    if p.comention || p.since.is_some() || p.until.is_some() {
        return Ok(None);
    }
    let Some(covered) = number(rows(store, &covered_query())?) else { return Ok(None) };
    if number(rows(store, &documents_query())?) != Some(covered) {
        return Ok(None);
    }
    let count_rows = rows(store, &counts_query())?;
    let counts: HashMap<&str, Counts> = count_rows
        .iter()
        .filter_map(|r| {
            let documents = cell(r, "n").parse().ok()?;
            let date = |column: &str| r.get(column).and_then(|d| Date::parse(d));
            Some((cell(r, "e"), Counts { documents, first: date("first"), last: date("last") }))
        })
        .collect();
    let mut classes = rows(store, &classes_query())?;
    let mut labels = rows(store, &super::projection::Labels::query(&summarized()))?;
    let mut graph = EntityGraph::new();
    let index = add_nodes(&mut graph, &mut classes, &mut labels, &counts, p);
    let mut links: Vec<Link> = rows(store, &links_query())?
        .into_iter()
        .map(|mut r| Link {
            s: cell(&r, "s").to_owned(),
            rel: cell(&r, "rel").rsplit('#').next().unwrap_or_default().to_owned(),
            o: cell(&r, "o").to_owned(),
            weight: cell(&r, "w").parse().unwrap_or(1),
            first: r.get("first").and_then(|d| Date::parse(d)),
            last: r.get("last").and_then(|d| Date::parse(d)),
            document: r.remove("doc"),
        })
        .collect();
    // The order the documents' projection adds them in: stated relations, then derived ones.
    let derived = |l: &Link| Relation::from_name(&l.rel).is_some_and(Relation::is_derived);
    links.sort_by(|a, b| (derived(a), &a.s, &a.rel, &a.o).cmp(&(derived(b), &b.s, &b.rel, &b.o)));
    add_links(&mut graph, &index, links, p);
    Ok(Some(graph))
}

#[cfg(test)]
mod tests {
    use super::*;
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
        let larger = self::store(4);
        larger.extend(summarize(&store).unwrap()).unwrap();
        assert!(read(&larger, &Projection::default()).unwrap().is_none(), "the summary covers 3 of 4");
    }
}
