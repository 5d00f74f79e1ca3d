//! The graph: the store projected into a petgraph graph for analysis and export.
//!
//! The entry point is [`project`]: nodes are entities (kind, labels, Wikidata id, number of
//! documents mentioning them), edges are relations (type, weight = number of supporting documents,
//! first and last document date). Only this module and its children know petgraph.

pub mod algo;
pub mod precomputed;
mod projection;

pub use projection::{from_documents, needs, GraphError};

/// Projects `store` (a store as built) into a graph: from the projection `build` keeps in the
/// summary graph when it answers `p` ([`precomputed`]), else from the documents.
pub fn project(store: &dyn crate::query::Sparql, p: &Projection) -> Result<EntityGraph, GraphError> {
    match precomputed::read(store, p)? {
        Some(graph) => Ok(graph),
        None => from_documents(store, p),
    }
}

use crate::model::{Date, Kind, Relation};
use crate::vocab;
use petgraph::graph::{DiGraph, NodeIndex};

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
    let algo::Centrality { betweenness: between, closeness: close } = algo::centrality(&adj);
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
