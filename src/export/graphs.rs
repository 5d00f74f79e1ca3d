//! What the graph exports share: their options, the attribute keys every format writes, and the
//! one style of each entity kind. Each format's module (graphml, gexf, dot, json, csv) uses these;
//! [`super::write_graph`] picks the module.

use crate::graph::{Edge, Node};
use crate::model::Kind;

/// The key under which node-link JSON lists the edges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NodeLinkKey {
    /// `edges`: the default of networkx 3.4 and later (`node_link_graph(data)`).
    #[default]
    Edges,
    /// `links`: for networkx before 3.4, or `node_link_graph(data, edges="links")`.
    Links,
}

impl NodeLinkKey {
    pub const ALL: [NodeLinkKey; 2] = [NodeLinkKey::Edges, NodeLinkKey::Links];

    /// The key's name, also the name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            NodeLinkKey::Edges => "edges",
            NodeLinkKey::Links => "links",
        }
    }
}

/// How to write a graph format; the defaults suit the current tools.
#[derive(Debug, Clone, Copy, Default)]
pub struct GraphOptions {
    /// Node-link JSON: the key of the edge list.
    pub node_link_key: NodeLinkKey,
    /// DOT: keep the nodes with no edge (left out by default: they crowd the layout).
    pub keep_isolated: bool,
}

/// How one kind of entity looks in every export that styles nodes: a colour (Okabe–Ito, readable
/// by colour-blind readers, black text on each), a Graphviz shape and a yEd shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindStyle {
    pub rgb: (u8, u8, u8),
    pub dot_shape: &'static str,
    pub yed_shape: &'static str,
}

impl KindStyle {
    /// The colour as `#rrggbb`.
    pub fn hex(self) -> String {
        let (r, g, b) = self.rgb;
        format!("#{r:02X}{g:02X}{b:02X}")
    }
}

/// The style of a kind: the legend of the DOT, GEXF and GraphML exports.
pub fn kind_style(kind: Kind) -> KindStyle {
    let (rgb, dot_shape, yed_shape) = match kind {
        Kind::Country => ((0x56, 0xB4, 0xE9), "box", "roundrectangle"),
        Kind::Leader => ((0xE6, 0x9F, 0x00), "ellipse", "ellipse"),
        Kind::Treaty => ((0x00, 0x9E, 0x73), "note", "rectangle"),
        Kind::Organization => ((0xCC, 0x79, 0xA7), "hexagon", "hexagon"),
        Kind::Project => ((0xF0, 0xE4, 0x42), "component", "parallelogram"),
        Kind::Initiative => ((0xD5, 0x5E, 0x00), "octagon", "octagon"),
    };
    KindStyle { rgb, dot_shape, yed_shape }
}

/// XML text and attribute escaping.
pub(super) fn xml(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The node attributes of GraphML, GEXF and CSV, with their GraphML types.
pub(super) const NODE_KEYS: &[(&str, &str)] = &[
    ("label", "string"),
    ("label_en", "string"),
    ("kind", "string"),
    ("iri", "string"),
    ("wikidata", "string"),
    ("documents", "int"),
    ("first", "string"),
    ("last", "string"),
];

/// The edge attributes of GraphML (CSV writes the same, GEXF the relation only).
pub(super) const EDGE_KEYS: &[(&str, &str)] =
    &[("relation", "string"), ("weight", "double"), ("first", "string"), ("last", "string")];

pub(super) fn node_values(n: &Node) -> [String; 8] {
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

pub(super) fn edge_values(e: &Edge) -> [String; 4] {
    [
        e.relation.to_string(),
        e.weight.to_string(),
        e.first.map(|d| d.to_string()).unwrap_or_default(),
        e.last.map(|d| d.to_string()).unwrap_or_default(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_colour_and_shape() {
        let styles: Vec<KindStyle> = Kind::ALL.into_iter().map(kind_style).collect();
        for (i, a) in styles.iter().enumerate() {
            for b in &styles[i + 1..] {
                assert!(a.rgb != b.rgb && a.dot_shape != b.dot_shape && a.yed_shape != b.yed_shape);
            }
        }
        assert_eq!(kind_style(Kind::Country).hex(), "#56B4E9");
    }
}
