//! GraphML export: typed attribute keys (networkx, igraph, Gephi, Cytoscape) and yEd's node
//! graphics (fill colour, shape and label by kind), which the other readers skip or read as
//! attributes.

use super::graphs::{edge_values, kind_style, node_values, xml, EDGE_KEYS, NODE_KEYS};
use crate::graph::EntityGraph;
use petgraph::visit::EdgeRef;
use std::io::{self, Write};

pub(super) fn write(graph: &EntityGraph, out: &mut dyn Write) -> io::Result<()> {
    write_with(graph, &[], &[], out)
}

/// Writes `graph` as GraphML with extra typed node attributes (`extra_keys`: name and GraphML type;
/// `extra[node index]`: the values in the same order, empty for none), e.g. analysis scores.
pub fn write_with(
    graph: &EntityGraph,
    extra_keys: &[(&str, &str)],
    extra: &[Vec<String>],
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">"#
    )?;
    for (i, (name, ty)) in NODE_KEYS.iter().chain(extra_keys).enumerate() {
        writeln!(out, r#"  <key id="n{i}" for="node" attr.name="{name}" attr.type="{ty}"/>"#)?;
    }
    for (i, (name, ty)) in EDGE_KEYS.iter().enumerate() {
        writeln!(out, r#"  <key id="e{i}" for="edge" attr.name="{name}" attr.type="{ty}"/>"#)?;
    }
    writeln!(out, r#"  <key id="yn" for="node" yfiles.type="nodegraphics"/>"#)?;
    writeln!(out, r#"  <graph id="diplograph" edgedefault="directed">"#)?;
    for i in graph.node_indices() {
        let n = &graph[i];
        writeln!(out, r#"    <node id="n{}">"#, i.index())?;
        let more = extra.get(i.index()).map(Vec::as_slice).unwrap_or_default();
        for (k, v) in node_values(n).iter().chain(more).enumerate() {
            if !v.is_empty() {
                writeln!(out, r#"      <data key="n{k}">{}</data>"#, xml(v))?;
            }
        }
        let style = kind_style(n.kind);
        writeln!(
            out,
            r#"      <data key="yn"><y:ShapeNode><y:Fill color="{}"/><y:NodeLabel>{}</y:NodeLabel><y:Shape type="{}"/></y:ShapeNode></data>"#,
            style.hex(),
            xml(&n.zh),
            style.yed_shape
        )?;
        writeln!(out, "    </node>")?;
    }
    for e in graph.edge_references() {
        writeln!(
            out,
            r#"    <edge id="e{}" source="n{}" target="n{}">"#,
            e.id().index(),
            e.source().index(),
            e.target().index()
        )?;
        for (k, v) in edge_values(e.weight()).iter().enumerate() {
            if !v.is_empty() {
                writeln!(out, r#"      <data key="e{k}">{}</data>"#, xml(v))?;
            }
        }
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>\n</graphml>")
}
