//! Exports of the graph for Gephi, Cytoscape, yEd, Graphviz and analysis scripts, and of the RDF.
//!
//! The entry point is [`ExportFormat`] with [`write_graph`] (a projected graph) and [`write_rdf`]
//! (the store). Writers take any `io::Write`; output is deterministic.

mod csv;
mod dot;
mod gexf;
mod graphml;
mod graphs;
mod json;

pub use csv::csv_field;
pub use dot::{cjk_font_missing, DOT_FONTS};
pub use graphml::write_with as write_graphml_with;
pub use graphs::{kind_style, GraphOptions, KindStyle, NodeLinkKey};

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, NamedNode, Quad};
use oxigraph::store::Store;
use std::fmt;
use std::io::{self, Write};
use std::str::FromStr;

/// Every export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    GraphMl,
    Gexf,
    Dot,
    Cytoscape,
    NodeLink,
    Csv,
    Turtle,
    TriG,
    NTriples,
    NQuads,
    RdfXml,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 11] = [
        Self::GraphMl,
        Self::Gexf,
        Self::Dot,
        Self::Cytoscape,
        Self::NodeLink,
        Self::Csv,
        Self::Turtle,
        Self::TriG,
        Self::NTriples,
        Self::NQuads,
        Self::RdfXml,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Self::GraphMl => "graphml",
            Self::Gexf => "gexf",
            Self::Dot => "dot",
            Self::Cytoscape => "cytoscape",
            Self::NodeLink => "node-link",
            Self::Csv => "csv",
            Self::Turtle => "turtle",
            Self::TriG => "trig",
            Self::NTriples => "ntriples",
            Self::NQuads => "nquads",
            Self::RdfXml => "rdfxml",
        }
    }

    /// The usual file extension.
    pub fn file_extension(self) -> &'static str {
        match self {
            Self::GraphMl => "graphml",
            Self::Gexf => "gexf",
            Self::Dot => "dot",
            Self::Cytoscape | Self::NodeLink => "json",
            Self::Csv => "csv",
            Self::Turtle => "ttl",
            Self::TriG => "trig",
            Self::NTriples => "nt",
            Self::NQuads => "nq",
            Self::RdfXml => "rdf",
        }
    }

    /// The media type.
    pub fn media_type(self) -> &'static str {
        match self {
            Self::GraphMl => "application/graphml+xml",
            Self::Gexf => "application/gexf+xml",
            Self::Dot => "text/vnd.graphviz",
            Self::Cytoscape | Self::NodeLink => "application/json",
            Self::Csv => "text/csv",
            Self::Turtle => "text/turtle",
            Self::TriG => "application/trig",
            Self::NTriples => "application/n-triples",
            Self::NQuads => "application/n-quads",
            Self::RdfXml => "application/rdf+xml",
        }
    }

    /// The RDF format, for the RDF exports.
    pub fn rdf_format(self) -> Option<RdfFormat> {
        Some(match self {
            Self::Turtle => RdfFormat::Turtle,
            Self::TriG => RdfFormat::TriG,
            Self::NTriples => RdfFormat::NTriples,
            Self::NQuads => RdfFormat::NQuads,
            Self::RdfXml => RdfFormat::RdfXml,
            _ => return None,
        })
    }

    /// The formats with this extension (`graphml`, `ttl` …): one, or two for `json` (cytoscape and
    /// node-link), or none.
    pub fn with_extension(ext: &str) -> Vec<Self> {
        Self::ALL.into_iter().filter(|f| f.file_extension().eq_ignore_ascii_case(ext)).collect()
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for ExportFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|f| f.name().eq_ignore_ascii_case(s)).ok_or_else(|| {
            let names: Vec<&str> = Self::ALL.iter().map(|f| f.name()).collect();
            format!("unknown export format `{s}` (expected one of {})", names.join(", "))
        })
    }
}

/// Writes `graph` in a graph format; `nodes_out` receives the node table for CSV (edges go to `out`).
pub fn write_graph(
    graph: &crate::graph::EntityGraph,
    format: ExportFormat,
    options: &GraphOptions,
    out: &mut dyn Write,
    nodes_out: Option<&mut dyn Write>,
) -> io::Result<()> {
    match format {
        ExportFormat::GraphMl => graphml::write(graph, out),
        ExportFormat::Gexf => gexf::write(graph, out),
        ExportFormat::Dot => dot::write(graph, options.keep_isolated, out),
        ExportFormat::Cytoscape => json::cytoscape(graph, out),
        ExportFormat::NodeLink => json::node_link(graph, options.node_link_key, out),
        ExportFormat::Csv => csv::write(
            graph,
            nodes_out.ok_or_else(|| io::Error::other("csv needs a node table output"))?,
            out,
        ),
        other => Err(io::Error::other(format!("`{other}` is an RDF format, not a graph format"))),
    }
}

/// Writes the store's RDF: quad formats get every named graph; triple formats the merge of all
/// graphs, or only `graph` when given. Sorted, so the same store gives the same bytes.
pub fn write_rdf(
    store: &Store,
    format: RdfFormat,
    graph: Option<&str>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let wanted = graph.map(NamedNode::new_unchecked);
    let quads = store
        .iter()
        .filter_map(Result::ok)
        .filter(|q| !matches!(q.graph_name, GraphName::DefaultGraph))
        .filter(|q| wanted.as_ref().is_none_or(|g| q.graph_name == GraphName::NamedNode(g.clone())));
    write_quads(quads, format, out)
}

/// Writes `quads` (named graphs' statements, as [`crate::source::Source::named_quads`] gives them):
/// with their graph in a quad format, merged into one graph in a triple format. Sorted and each
/// statement once, so the same statements give the same bytes.
pub fn write_quads(
    quads: impl IntoIterator<Item = Quad>,
    format: RdfFormat,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut quads: Vec<(String, Quad)> = quads
        .into_iter()
        .map(|mut q| {
            if !format.supports_datasets() {
                q.graph_name = GraphName::DefaultGraph;
            }
            (q.to_string(), q)
        })
        .collect();
    quads.sort_by(|a, b| a.0.cmp(&b.0));
    quads.dedup_by(|a, b| a.0 == b.0);
    let mut serializer = RdfSerializer::from_format(format);
    for (prefix, iri) in crate::query::PREFIXES {
        serializer = serializer.with_prefix(*prefix, *iri).map_err(std::io::Error::other)?;
    }
    let mut writer = serializer.for_writer(out);
    for (_, q) in &quads {
        writer.serialize_quad(q)?;
    }
    writer.finish()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_round_trip_by_name_and_extension() {
        for f in ExportFormat::ALL {
            assert_eq!(f.name().parse::<ExportFormat>(), Ok(f));
            assert!(ExportFormat::with_extension(f.file_extension()).contains(&f));
        }
        assert_eq!(
            ExportFormat::with_extension("JSON"),
            [ExportFormat::Cytoscape, ExportFormat::NodeLink],
            "a .json output names two formats"
        );
        assert!(ExportFormat::with_extension("xlsx").is_empty());
        assert!("svg".parse::<ExportFormat>().is_err());
    }
}
