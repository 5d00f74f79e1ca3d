//! JSON exports: Cytoscape.js elements and networkx node-link data.

use super::graphs::NodeLinkKey;
use crate::graph::{Edge, EntityGraph};
use petgraph::graph::{EdgeReference, NodeIndex};
use petgraph::visit::EdgeRef;
use serde_json::{json, Value};
use std::io::{self, Write};

fn node_json(graph: &EntityGraph, i: NodeIndex) -> Value {
    let n = &graph[i];
    json!({
        "id": format!("n{}", i.index()), "label": n.zh, "label_en": n.en, "kind": n.kind.name(), "iri": n.iri,
        "wikidata": n.wikidata, "documents": n.documents, "first": n.first.map(|d| d.to_string()), "last": n.last.map(|d| d.to_string()),
    })
}

fn edge_json(e: EdgeReference<'_, Edge>) -> Value {
    let w = e.weight();
    json!({
        "id": format!("e{}", e.id().index()), "source": format!("n{}", e.source().index()),
        "target": format!("n{}", e.target().index()), "relation": w.relation.name(), "weight": w.weight,
        "first": w.first.map(|d| d.to_string()), "last": w.last.map(|d| d.to_string()),
    })
}

pub(super) fn cytoscape(graph: &EntityGraph, out: &mut dyn Write) -> io::Result<()> {
    let nodes: Vec<Value> = graph.node_indices().map(|i| json!({ "data": node_json(graph, i) })).collect();
    let edges: Vec<Value> = graph.edge_references().map(|e| json!({ "data": edge_json(e) })).collect();
    write_json(out, &json!({ "elements": { "nodes": nodes, "edges": edges } }))
}

/// networkx's node-link form: `directed`, `multigraph`, `graph`, `nodes` and the edges under `key`.
pub(super) fn node_link(graph: &EntityGraph, key: NodeLinkKey, out: &mut dyn Write) -> io::Result<()> {
    let nodes: Vec<Value> = graph.node_indices().map(|i| node_json(graph, i)).collect();
    let edges: Vec<Value> = graph.edge_references().map(edge_json).collect();
    let mut value =
        json!({ "directed": true, "multigraph": true, "graph": { "name": "diplograph" }, "nodes": nodes });
    value[key.name()] = Value::Array(edges);
    write_json(out, &value)
}

fn write_json(out: &mut dyn Write, value: &Value) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::other)?;
    writeln!(out)
}
