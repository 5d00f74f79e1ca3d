//! Graph exports: GraphML, GEXF 1.3 with spells, DOT, Cytoscape.js JSON, networkx node-link JSON, CSV.

use super::ExportFormat;
use crate::graph::EntityGraph;
use crate::model::Date;
use petgraph::visit::EdgeRef;
use serde_json::{json, Value};
use std::io::{self, Write};

/// A CJK-capable font for Graphviz (Noto CJK, widely installed; Graphviz falls back when absent).
pub const DOT_FONT: &str = "Noto Sans CJK SC";

fn xml(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn dot(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Writes `graph` in a graph format; `nodes_out` receives the node table for CSV (edges go to `out`).
pub fn write_graph(
    graph: &EntityGraph,
    format: ExportFormat,
    out: &mut dyn Write,
    nodes_out: Option<&mut dyn Write>,
) -> io::Result<()> {
    match format {
        ExportFormat::GraphMl => graphml(graph, &[], &[], out),
        ExportFormat::Gexf => gexf(graph, out),
        ExportFormat::Dot => dot_graph(graph, out),
        ExportFormat::Cytoscape => json_out(out, &cytoscape(graph)),
        ExportFormat::NodeLink => json_out(out, &node_link(graph)),
        ExportFormat::Csv => {
            csv(graph, nodes_out.ok_or_else(|| io::Error::other("csv needs a node table output"))?, out)
        }
        other => Err(io::Error::other(format!("`{other}` is an RDF format, not a graph format"))),
    }
}

const NODE_KEYS: &[(&str, &str)] = &[
    ("label", "string"),
    ("label_en", "string"),
    ("kind", "string"),
    ("iri", "string"),
    ("wikidata", "string"),
    ("documents", "int"),
    ("first", "string"),
    ("last", "string"),
];
const EDGE_KEYS: &[(&str, &str)] =
    &[("relation", "string"), ("weight", "double"), ("first", "string"), ("last", "string")];

fn node_values(n: &crate::graph::Node) -> [String; 8] {
    [
        n.zh.clone(),
        n.en.clone(),
        n.kind.to_string(),
        n.iri.clone(),
        n.wikidata.clone(),
        n.documents.to_string(),
        n.first.map(|d| d.to_string()).unwrap_or_default(),
        n.last.map(|d| d.to_string()).unwrap_or_default(),
    ]
}

fn edge_values(e: &crate::graph::Edge) -> [String; 4] {
    [
        e.relation.to_string(),
        e.weight.to_string(),
        e.first.map(|d| d.to_string()).unwrap_or_default(),
        e.last.map(|d| d.to_string()).unwrap_or_default(),
    ]
}

/// Writes `graph` as GraphML with extra typed node attributes (`extra_keys`: name and GraphML type;
/// `extra[node index]`: the values in the same order, empty for none), e.g. analysis scores.
pub fn write_graphml_with(
    graph: &EntityGraph,
    extra_keys: &[(&str, &str)],
    extra: &[Vec<String>],
    out: &mut dyn Write,
) -> io::Result<()> {
    graphml(graph, extra_keys, extra, out)
}

fn graphml(
    graph: &EntityGraph,
    extra_keys: &[(&str, &str)],
    extra: &[Vec<String>],
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns">"#)?;
    for (i, (name, ty)) in NODE_KEYS.iter().chain(extra_keys).enumerate() {
        writeln!(out, r#"  <key id="n{i}" for="node" attr.name="{name}" attr.type="{ty}"/>"#)?;
    }
    for (i, (name, ty)) in EDGE_KEYS.iter().enumerate() {
        writeln!(out, r#"  <key id="e{i}" for="edge" attr.name="{name}" attr.type="{ty}"/>"#)?;
    }
    writeln!(out, r#"  <graph id="diplograph" edgedefault="directed">"#)?;
    for i in graph.node_indices() {
        writeln!(out, r#"    <node id="n{}">"#, i.index())?;
        let more = extra.get(i.index()).map(Vec::as_slice).unwrap_or_default();
        for (k, v) in node_values(&graph[i]).iter().chain(more).enumerate() {
            if !v.is_empty() {
                writeln!(out, r#"      <data key="n{k}">{}</data>"#, xml(v))?;
            }
        }
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

fn spell(first: &Option<Date>, last: &Option<Date>) -> String {
    match (first, last) {
        (Some(f), Some(l)) => format!(r#"<spells><spell start="{f}" end="{l}"/></spells>"#),
        _ => String::new(),
    }
}

fn gexf(graph: &EntityGraph, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<gexf xmlns="http://gexf.net/1.3" version="1.3">"#)?;
    writeln!(
        out,
        r#"  <meta><creator>diplograph</creator><description>entities and relations of diplomatic documents</description></meta>"#
    )?;
    writeln!(out, r#"  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">"#)?;
    writeln!(out, r#"    <attributes class="node">"#)?;
    for (i, (name, ty)) in NODE_KEYS.iter().enumerate().skip(1) {
        let ty = if *ty == "int" { "integer" } else { ty };
        writeln!(out, r#"      <attribute id="{i}" title="{name}" type="{ty}"/>"#)?;
    }
    writeln!(out, "    </attributes>")?;
    writeln!(out, r#"    <attributes class="edge">"#)?;
    writeln!(out, r#"      <attribute id="0" title="relation" type="string"/>"#)?;
    writeln!(out, "    </attributes>")?;
    writeln!(out, "    <nodes>")?;
    for i in graph.node_indices() {
        let n = &graph[i];
        writeln!(out, r#"      <node id="n{}" label="{}">"#, i.index(), xml(&n.zh))?;
        writeln!(out, "        <attvalues>")?;
        for (k, v) in node_values(n).iter().enumerate().skip(1) {
            if !v.is_empty() {
                writeln!(out, r#"          <attvalue for="{k}" value="{}"/>"#, xml(v))?;
            }
        }
        writeln!(out, "        </attvalues>")?;
        let s = spell(&n.first, &n.last);
        if !s.is_empty() {
            writeln!(out, "        {s}")?;
        }
        writeln!(out, "      </node>")?;
    }
    writeln!(out, "    </nodes>\n    <edges>")?;
    for e in graph.edge_references() {
        let w = e.weight();
        writeln!(
            out,
            r#"      <edge id="e{}" source="n{}" target="n{}" weight="{}" label="{}">"#,
            e.id().index(),
            e.source().index(),
            e.target().index(),
            w.weight,
            xml(w.relation.name())
        )?;
        writeln!(
            out,
            r#"        <attvalues><attvalue for="0" value="{}"/></attvalues>"#,
            xml(w.relation.name())
        )?;
        let s = spell(&w.first, &w.last);
        if !s.is_empty() {
            writeln!(out, "        {s}")?;
        }
        writeln!(out, "      </edge>")?;
    }
    writeln!(out, "    </edges>\n  </graph>\n</gexf>")
}

fn dot_graph(graph: &EntityGraph, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "digraph diplograph {{")?;
    writeln!(out, "  graph [fontname=\"{DOT_FONT}\", charset=\"UTF-8\", overlap=false];")?;
    writeln!(out, "  node [fontname=\"{DOT_FONT}\", shape=box, style=rounded];")?;
    writeln!(out, "  edge [fontname=\"{DOT_FONT}\", fontsize=9];")?;
    for i in graph.node_indices() {
        let n = &graph[i];
        writeln!(
            out,
            "  n{} [label=\"{}\", kind=\"{}\", tooltip=\"{}\"];",
            i.index(),
            dot(&n.zh),
            n.kind,
            dot(&n.iri)
        )?;
    }
    for e in graph.edge_references() {
        let w = e.weight();
        writeln!(
            out,
            "  n{} -> n{} [label=\"{}\", weight={}, penwidth={}];",
            e.source().index(),
            e.target().index(),
            dot(w.relation.name()),
            w.weight,
            1 + w.weight.min(5)
        )?;
    }
    writeln!(out, "}}")
}

fn node_json(graph: &EntityGraph, i: petgraph::graph::NodeIndex) -> Value {
    let n = &graph[i];
    json!({
        "id": format!("n{}", i.index()), "label": n.zh, "label_en": n.en, "kind": n.kind.name(), "iri": n.iri,
        "wikidata": n.wikidata, "documents": n.documents, "first": n.first.map(|d| d.to_string()), "last": n.last.map(|d| d.to_string()),
    })
}

fn edge_json(e: petgraph::graph::EdgeReference<'_, crate::graph::Edge>) -> Value {
    let w = e.weight();
    json!({
        "id": format!("e{}", e.id().index()), "source": format!("n{}", e.source().index()),
        "target": format!("n{}", e.target().index()), "relation": w.relation.name(), "weight": w.weight,
        "first": w.first.map(|d| d.to_string()), "last": w.last.map(|d| d.to_string()),
    })
}

fn cytoscape(graph: &EntityGraph) -> Value {
    let nodes: Vec<Value> = graph.node_indices().map(|i| json!({ "data": node_json(graph, i) })).collect();
    let edges: Vec<Value> = graph.edge_references().map(|e| json!({ "data": edge_json(e) })).collect();
    json!({ "elements": { "nodes": nodes, "edges": edges } })
}

fn node_link(graph: &EntityGraph) -> Value {
    let nodes: Vec<Value> = graph.node_indices().map(|i| node_json(graph, i)).collect();
    let links: Vec<Value> = graph.edge_references().map(edge_json).collect();
    json!({ "directed": true, "multigraph": true, "graph": { "name": "diplograph" }, "nodes": nodes, "links": links })
}

fn json_out(out: &mut dyn Write, value: &Value) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::other)?;
    writeln!(out)
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn csv(graph: &EntityGraph, nodes: &mut dyn Write, edges: &mut dyn Write) -> io::Result<()> {
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
