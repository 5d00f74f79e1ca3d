//! GEXF 1.3 export for Gephi: attributes, date spells (a dynamic graph), and the viz module's
//! colour by kind, node size by documents and edge thickness by weight.

use super::graphs::{kind_style, node_values, xml, NODE_KEYS};
use crate::graph::EntityGraph;
use crate::model::Date;
use petgraph::visit::EdgeRef;
use std::io::{self, Write};

fn spell(first: &Option<Date>, last: &Option<Date>) -> String {
    match (first, last) {
        (Some(f), Some(l)) => format!(r#"<spells><spell start="{f}" end="{l}"/></spells>"#),
        _ => String::new(),
    }
}

/// A node's size: grows with the square root of its documents, so hubs stand out but do not cover
/// the page (10 for one document, 30 for sixteen).
fn node_size(documents: usize) -> String {
    format!("{:.1}", 5.0 + 5.0 * (documents.max(1) as f64).sqrt())
}

pub(super) fn write(graph: &EntityGraph, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">"#)?;
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
        let (r, g, b) = kind_style(n.kind).rgb;
        writeln!(out, r#"        <viz:color r="{r}" g="{g}" b="{b}"/>"#)?;
        writeln!(out, r#"        <viz:size value="{}"/>"#, node_size(n.documents))?;
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
        writeln!(out, r#"        <viz:thickness value="{}"/>"#, w.weight.min(10))?;
        writeln!(out, "      </edge>")?;
    }
    writeln!(out, "    </edges>\n  </graph>\n</gexf>")
}
