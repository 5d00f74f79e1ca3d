//! One graph's N-Quads statements as text: formatted without the formatting machinery, sorted
//! and deduplicated, with what `build` and `stats` need to know about them.
//!
//! Start with [`GraphLinesBuilder`] (a [`QuadSink`]) and [`GraphLines`].

use super::sink::QuadSink;
use crate::vocab;
use oxigraph::model::{GraphNameRef, LiteralRef, NamedOrBlankNodeRef, Quad, QuadRef, TermRef};
use std::fmt::Write as _;

/// One graph's statements and what `build` and `stats` need to know about them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GraphLines {
    /// Distinct N-Quads statements, sorted, each ending in `" .\n"`.
    pub(super) text: String,
    /// Number of statements.
    pub(super) count: usize,
    /// Literal values of its `dg:sourceFile` statements.
    pub(super) sources: Vec<String>,
    /// Its `rdf:type` statements as (subject, class IRI), subjects in N-Quads form, but for those
    /// of mentions, which are most of them and are only counted.
    types: Vec<(String, String)>,
    /// Number of its `rdf:type dg:Mention` statements.
    mentions: usize,
}

impl GraphLines {
    /// The statements of `quads`, which all belong to one graph.
    pub fn from_quads<'a>(quads: impl IntoIterator<Item = &'a Quad>) -> Self {
        let mut collector = GraphLinesBuilder::default();
        for quad in quads {
            collector.push(quad.as_ref());
        }
        collector.finish()
    }

    /// Number of statements.
    pub fn len(&self) -> usize {
        self.count
    }

    /// The statements as quads (for a store that keeps quads, not text). Statements a build
    /// formatted always parse; one that would not is left out.
    pub fn quads(&self) -> Vec<Quad> {
        oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::NQuads)
            .lenient()
            .for_slice(self.text.as_bytes())
            .filter_map(Result::ok)
            .collect()
    }

    /// True when the graph has no statement.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The `rdf:type` statements as (subject in N-Quads form, class IRI), but for those of mentions.
    pub fn types(&self) -> impl Iterator<Item = (&str, &str)> {
        self.types.iter().map(|(s, c)| (s.as_str(), c.as_str()))
    }

    /// Number of `rdf:type dg:Mention` statements.
    pub fn mentions(&self) -> usize {
        self.mentions
    }

    /// The IRIs of the entities its `dg:mentions` statements name.
    pub fn mentioned(&self) -> impl Iterator<Item = &str> {
        let mentions = concat!("<", crate::dg_term!("mentions"), "> <");
        self.lines().filter_map(move |line| {
            let (_, rest) = line.split_once(' ')?;
            let object = rest.strip_prefix(mentions)?;
            object.split_once('>').map(|(iri, _)| iri)
        })
    }

    pub(super) fn lines(&self) -> impl Iterator<Item = &str> {
        self.text.split_inclusive('\n')
    }
}

/// Formats one graph's quads into one text; [`GraphLinesBuilder::finish`] sorts its lines.
#[derive(Default)]
pub struct GraphLinesBuilder {
    text: String,
    starts: Vec<usize>,
    sources: Vec<String>,
    types: Vec<(String, String)>,
    /// Where the `rdf:type dg:Mention` statements start in `text`, in order.
    mention_types: Vec<usize>,
}

impl QuadSink for GraphLinesBuilder {
    fn push(&mut self, quad: QuadRef<'_>) {
        let start = self.text.len();
        self.starts.push(start);
        write_statement(&mut self.text, quad);
        let predicate = quad.predicate.as_str();
        if predicate == vocab::RDF_TYPE {
            if let TermRef::NamedNode(class) = quad.object {
                if class.as_str() == crate::dg_term!("Mention") {
                    self.mention_types.push(start);
                    return;
                }
                let mut subject = String::new();
                write_subject(&mut subject, quad.subject);
                self.types.push((subject, class.as_str().to_owned()));
            }
        } else if predicate.strip_prefix(vocab::DG) == Some("sourceFile") {
            if let TermRef::Literal(file) = quad.object {
                self.sources.push(file.value().to_owned());
            }
        }
    }
}

impl GraphLinesBuilder {
    /// A builder with room for about `statements` statements, so its text is not copied as it grows.
    pub fn with_capacity(statements: usize) -> Self {
        GraphLinesBuilder {
            text: String::with_capacity(statements * BYTES_PER_STATEMENT),
            starts: Vec::with_capacity(statements),
            ..GraphLinesBuilder::default()
        }
    }

    /// Takes over the statements of `other`.
    pub(super) fn append(&mut self, other: GraphLinesBuilder) {
        let offset = self.text.len();
        self.text.push_str(&other.text);
        self.starts.extend(other.starts.iter().map(|s| s + offset));
        self.sources.extend(other.sources);
        self.types.extend(other.types);
        self.mention_types.extend(other.mention_types.iter().map(|s| s + offset));
    }

    /// The graph's distinct statements, sorted.
    pub fn finish(self) -> GraphLines {
        let mut ends = self.starts[1..].to_vec();
        ends.push(self.text.len());
        let mut lines: Vec<&str> = self.starts.iter().zip(&ends).map(|(&s, &e)| &self.text[s..e]).collect();
        lines.sort_unstable();
        lines.dedup();
        // Equal statements are all mention types or none: whichever one dedup kept is looked up.
        let base = self.text.as_ptr() as usize;
        let mentions = lines
            .iter()
            .filter(|l| self.mention_types.binary_search(&(l.as_ptr() as usize - base)).is_ok())
            .count();
        let mut types = self.types;
        types.sort_unstable();
        types.dedup();
        let mut sources = self.sources;
        sources.sort_unstable();
        sources.dedup();
        GraphLines { count: lines.len(), text: lines.concat(), sources, types, mentions }
    }
}

/// Appends `quad` as one N-Quads statement and a line end: the text of oxrdf's `Display` (so of
/// [`super::GraphStore::save`]) followed by `" .\n"`, written without going through the
/// formatting machinery, which cost more than building the graph.
pub fn write_statement(out: &mut String, quad: QuadRef<'_>) {
    write_subject(out, quad.subject);
    out.push(' ');
    write_iri(out, quad.predicate.as_str());
    out.push(' ');
    match quad.object {
        TermRef::NamedNode(n) => write_iri(out, n.as_str()),
        TermRef::Literal(literal) => write_literal(out, literal),
        other => {
            let _ = write!(out, "{other}");
        }
    }
    match quad.graph_name {
        GraphNameRef::NamedNode(n) => {
            out.push(' ');
            write_iri(out, n.as_str());
        }
        GraphNameRef::BlankNode(b) => {
            let _ = write!(out, " {b}");
        }
        GraphNameRef::DefaultGraph => {}
    }
    out.push_str(" .\n");
}

fn write_subject(out: &mut String, subject: NamedOrBlankNodeRef<'_>) {
    match subject {
        NamedOrBlankNodeRef::NamedNode(n) => write_iri(out, n.as_str()),
        NamedOrBlankNodeRef::BlankNode(b) => {
            let _ = write!(out, "{b}");
        }
    }
}

fn write_iri(out: &mut String, iri: &str) {
    out.push('<');
    out.push_str(iri);
    out.push('>');
}

fn write_literal(out: &mut String, literal: LiteralRef<'_>) {
    let value = literal.value();
    // Control characters, quotes, backslashes and U+FFFE/U+FFFF are escaped; the rest is as is.
    let plain = !value.bytes().any(|b| b < 0x20 || b == 0x7F || b == b'"' || b == b'\\')
        && !value.contains(['\u{FFFE}', '\u{FFFF}']);
    if plain {
        out.push('"');
        out.push_str(value);
        out.push('"');
        if let Some(language) = literal.language() {
            out.push('@');
            out.push_str(language);
        } else if literal.datatype().as_str() != XSD_STRING {
            out.push_str("^^");
            write_iri(out, literal.datatype().as_str());
        }
    } else {
        let _ = write!(out, "{literal}");
    }
}

const XSD_STRING: &str = "http://www.w3.org/2001/XMLSchema#string";

/// About the length of a document graph's statements (their IRIs are long), for reserving room.
const BYTES_PER_STATEMENT: usize = 224;

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{BlankNode, GraphName, Literal, NamedNode, NamedOrBlankNode, Term};

    #[test]
    fn statements_are_written_as_oxrdf_displays_them() {
        let g = NamedNode::new_unchecked("http://x/g");
        let s = NamedNode::new_unchecked("http://x/s");
        let p = NamedNode::new_unchecked("http://x/p");
        let objects: Vec<Term> = vec![
            NamedNode::new_unchecked("http://x/o").into(),
            BlankNode::new_unchecked("b0").into(),
            Literal::new_simple_literal("中华人民共和国").into(),
            Literal::new_simple_literal("").into(),
            Literal::new_simple_literal("a \"quote\" and \\ and\ttab\r\n\u{7}\u{7F}\u{FFFE}\u{FFFF}").into(),
            Literal::new_language_tagged_literal_unchecked("联合声明", "zh").into(),
            Literal::new_language_tagged_literal_unchecked("say \"hi\"", "en").into(),
            Literal::new_typed_literal("2022-11-28", NamedNode::new_unchecked(vocab::XSD_DATE)).into(),
            Literal::new_typed_literal("4\n2", NamedNode::new_unchecked(vocab::XSD_INTEGER)).into(),
        ];
        for object in objects {
            for graph in [
                GraphName::NamedNode(g.clone()),
                GraphName::DefaultGraph,
                BlankNode::new_unchecked("g").into(),
            ] {
                for subject in [NamedOrBlankNode::from(s.clone()), BlankNode::new_unchecked("s").into()] {
                    let quad = Quad::new(subject, p.clone(), object.clone(), graph.clone());
                    let mut written = String::new();
                    write_statement(&mut written, quad.as_ref());
                    assert_eq!(written, format!("{quad} .\n"));
                }
            }
        }
    }
}
