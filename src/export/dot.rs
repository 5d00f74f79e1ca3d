//! Graphviz DOT export: one shape and fill colour per kind (the legend of [`kind_style`]), a
//! force-directed layout that fits a page, a CJK font list, isolated nodes left out unless asked.

use super::graphs::kind_style;
use crate::graph::EntityGraph;
use petgraph::visit::EdgeRef;
use std::io::{self, Write};

/// The fonts Graphviz tries for the labels, in order: CJK families Debian, Fedora, Homebrew and
/// Windows users have, then any sans-serif (which shows Chinese as boxes: see [`cjk_font_missing`]).
pub const DOT_FONTS: &str =
    "Noto Sans CJK SC,Noto Sans SC,WenQuanYi Zen Hei,Source Han Sans SC,Microsoft YaHei,sans-serif";

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Writes the DOT; without `keep_isolated`, nodes with no edge are left out.
pub(super) fn write(graph: &EntityGraph, keep_isolated: bool, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "digraph diplograph {{")?;
    // sfdp spreads a few hundred nodes over a square-ish page; prism removes overlaps without
    // scaling the drawing up; size and ratio keep the seeds graph a readable page, not a strip.
    writeln!(
        out,
        "  graph [layout=sfdp, overlap=prism, overlap_scaling=-4, size=\"24,24\", ratio=auto, outputorder=edgesfirst, fontname=\"{DOT_FONTS}\", charset=\"UTF-8\"];"
    )?;
    writeln!(out, "  node [fontname=\"{DOT_FONTS}\", style=filled, fontsize=12, margin=\"0.08,0.04\"];")?;
    writeln!(out, "  edge [fontname=\"{DOT_FONTS}\", fontsize=8, color=\"#00000066\", arrowsize=0.6];")?;
    for i in graph.node_indices() {
        if !keep_isolated && graph.neighbors_undirected(i).next().is_none() {
            continue;
        }
        let n = &graph[i];
        let style = kind_style(n.kind);
        writeln!(
            out,
            "  n{} [label=\"{}\", shape={}, fillcolor=\"{}\", kind=\"{}\", tooltip=\"{}\"];",
            i.index(),
            escape(&n.zh),
            style.dot_shape,
            style.hex(),
            n.kind,
            escape(&n.iri)
        )?;
    }
    for e in graph.edge_references() {
        let w = e.weight();
        writeln!(
            out,
            "  n{} -> n{} [label=\"{}\", weight={}, penwidth={}];",
            e.source().index(),
            e.target().index(),
            escape(w.relation.name()),
            w.weight,
            1 + w.weight.min(5)
        )?;
    }
    writeln!(out, "}}")
}

/// True when fontconfig lists no font for Chinese (`fc-list :lang=zh` prints nothing), so Graphviz
/// would draw the labels as boxes; false when it lists one, or when there is no `fc-list` to ask.
pub fn cjk_font_missing() -> bool {
    std::process::Command::new("fc-list")
        .args([":lang=zh", "family"])
        .output()
        .is_ok_and(|o| o.status.success() && o.stdout.iter().all(u8::is_ascii_whitespace))
}
