//! CSV export: a node table and an edge table, for spreadsheets and data-frame readers.

use super::graphs::{edge_values, node_values, NODE_KEYS};
use crate::graph::EntityGraph;
use petgraph::visit::EdgeRef;
use std::io::{self, Write};

/// A CSV field, quoted when it holds a comma, a quote or a line break.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

pub(super) fn write(graph: &EntityGraph, nodes: &mut dyn Write, edges: &mut dyn Write) -> io::Result<()> {
    let header: Vec<&str> = std::iter::once("id").chain(NODE_KEYS.iter().map(|(k, _)| *k)).collect();
    writeln!(nodes, "{}", header.join(","))?;
    for i in graph.node_indices() {
        let values: Vec<String> = node_values(&graph[i]).iter().map(|v| csv_field(v)).collect();
        writeln!(nodes, "n{},{}", i.index(), values.join(","))?;
    }
    writeln!(edges, "source,target,relation,weight,first,last")?;
    for e in graph.edge_references() {
        let values: Vec<String> = edge_values(e.weight()).iter().map(|v| csv_field(v)).collect();
        writeln!(edges, "n{},n{},{}", e.source().index(), e.target().index(), values.join(","))?;
    }
    Ok(())
}
