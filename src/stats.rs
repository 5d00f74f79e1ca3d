//! Counts over a store: documents, entities and mentions by kind, facts, triples.

use crate::model::FactKind;
use crate::model::Kind;
use crate::storage::Snapshot;
use crate::vocab;
use oxigraph::model::{GraphName, GraphNameRef, NamedNodeRef, NamedOrBlankNode, Term};
use oxigraph::store::{StorageError, Store};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// What a store holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub documents: usize,
    pub entities: BTreeMap<Kind, usize>,
    pub mentions: usize,
    pub facts: usize,
    pub triples: usize,
    pub graphs: usize,
}

impl Stats {
    /// Counts the document graphs of a snapshot of the store file (the reference graphs are left
    /// out, but for triples), from their `rdf:type` statements.
    pub fn of_snapshot(snapshot: &Snapshot) -> Self {
        let reference = reference_graphs();
        let documents = snapshot.graphs().filter(|(name, _)| !name.is_empty() && !reference.contains(*name));
        let classes: HashMap<String, Kind> =
            Kind::ALL.into_iter().map(|k| (vocab::dg(k.name()), k)).collect();
        let facts: HashSet<String> = FactKind::ALL.iter().map(|k| vocab::dg(k.name())).collect();
        let document = vocab::dg("Document");
        let mut stats = Stats { triples: snapshot.len(), ..Stats::default() };
        let mut entities: HashSet<(Kind, &str)> = HashSet::new();
        let mut fact_set: HashSet<&str> = HashSet::new();
        stats.graphs = snapshot.graph_names().filter(|g| !reference.contains(*g)).count();
        for (_, graph) in documents {
            stats.mentions += graph.mentions();
            for (subject, class) in graph.types() {
                if facts.contains(class) {
                    fact_set.insert(subject);
                }
                if class == document {
                    stats.documents += 1;
                } else if let Some(kind) = classes.get(class) {
                    entities.insert((*kind, subject));
                }
            }
        }
        for (kind, _) in entities {
            *stats.entities.entry(kind).or_default() += 1;
        }
        stats.facts = fact_set.len();
        stats
    }

    /// The counts as lines of a name and a number (`documents 932`, `entities Country 22`), how
    /// a build keeps them beside an indexed store's snapshot.
    pub fn to_text(&self) -> String {
        let mut text = format!("documents {}\n", self.documents);
        for (kind, n) in &self.entities {
            text.push_str(&format!("entities {} {n}\n", kind.name()));
        }
        let rest = [
            ("mentions", self.mentions),
            ("facts", self.facts),
            ("triples", self.triples),
            ("graphs", self.graphs),
        ];
        for (name, n) in rest {
            text.push_str(&format!("{name} {n}\n"));
        }
        text
    }

    /// The counts [`Stats::to_text`] wrote; `None` for anything else.
    pub fn from_text(text: &str) -> Option<Self> {
        let mut stats = Stats::default();
        for line in text.lines() {
            let words: Vec<&str> = line.split(' ').collect();
            match words.as_slice() {
                ["entities", kind, n] => {
                    stats.entities.insert(Kind::from_name(kind)?, n.parse().ok()?);
                }
                [name, n] => {
                    let n = n.parse().ok()?;
                    match *name {
                        "documents" => stats.documents = n,
                        "mentions" => stats.mentions = n,
                        "facts" => stats.facts = n,
                        "triples" => stats.triples = n,
                        "graphs" => stats.graphs = n,
                        _ => return None,
                    }
                }
                _ => return None,
            }
        }
        Some(stats)
    }

    /// The same counts over an Oxigraph store's named graphs (an indexed store, whose default
    /// graph is the query view made from them, left out).
    pub fn of_store(store: &Store) -> Result<Self, StorageError> {
        let reference = reference_graphs();
        let classes: HashMap<String, Kind> =
            Kind::ALL.into_iter().map(|k| (vocab::dg(k.name()), k)).collect();
        let facts: HashSet<String> = FactKind::ALL.iter().map(|k| vocab::dg(k.name())).collect();
        let (document, mention) = (vocab::dg("Document"), vocab::dg("Mention"));
        let mut stats = Stats::default();
        for graph in store.named_graphs() {
            let graph = graph?;
            if !matches!(&graph, NamedOrBlankNode::NamedNode(g) if reference.contains(g.as_str())) {
                stats.graphs += 1;
            }
            // Graph by graph: the default graph (a copy of them all) is never read.
            let graph = GraphNameRef::from(graph.as_ref());
            for quad in store.quads_for_pattern(None, None, None, Some(graph)) {
                quad?;
                stats.triples += 1;
            }
        }
        let mut entities: HashSet<(Kind, NamedOrBlankNode)> = HashSet::new();
        let mut fact_set: HashSet<NamedOrBlankNode> = HashSet::new();
        let rdf_type = NamedNodeRef::new_unchecked(vocab::RDF_TYPE);
        for quad in store.quads_for_pattern(None, Some(rdf_type), None, None) {
            let quad = quad?;
            let GraphName::NamedNode(graph) = &quad.graph_name else { continue };
            let Term::NamedNode(class) = &quad.object else { continue };
            if reference.contains(graph.as_str()) {
                continue;
            }
            let class = class.as_str();
            if class == mention {
                stats.mentions += 1;
                continue;
            }
            if facts.contains(class) {
                fact_set.insert(quad.subject.clone());
            }
            if class == document {
                stats.documents += 1;
            } else if let Some(kind) = classes.get(class) {
                entities.insert((*kind, quad.subject));
            }
        }
        for (kind, _) in entities {
            *stats.entities.entry(kind).or_default() += 1;
        }
        stats.facts = fact_set.len();
        Ok(stats)
    }
}

/// The graphs that hold no document: the ontology, the gazetteer and the build's summary.
fn reference_graphs() -> BTreeSet<String> {
    [vocab::ontology_graph(), vocab::gazetteer_graph(), vocab::summary_graph()].into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_back_as_written_and_nothing_else_reads() {
        let stats = Stats {
            documents: 3,
            entities: [(Kind::Country, 2), (Kind::Leader, 5)].into(),
            mentions: 40,
            facts: 7,
            triples: 900,
            graphs: 3,
        };
        assert_eq!(Stats::from_text(&stats.to_text()), Some(stats));
        assert_eq!(Stats::from_text("documents three\n"), None);
        assert_eq!(Stats::from_text("<html>\n"), None);
    }
}
