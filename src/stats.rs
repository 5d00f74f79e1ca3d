//! Counts over a store: documents, entities and mentions by kind, facts, triples.

use crate::extract::Kind;
use crate::relate::FactKind;
use crate::store::GraphStore;
use crate::vocab;
use oxigraph::model::{GraphName, NamedNode, Term};
use std::collections::{BTreeMap, BTreeSet};

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
    /// Counts the document graphs of `store` (the reference graphs are left out, but for triples).
    pub fn of(store: &GraphStore) -> Self {
        let rdf_type = NamedNode::new_unchecked(vocab::RDF_TYPE);
        let reference: BTreeSet<String> = [vocab::ontology_graph(), vocab::gazetteer_graph()].into();
        let classes: BTreeMap<String, Kind> =
            Kind::ALL.into_iter().map(|k| (vocab::dg(k.name()), k)).collect();
        let facts: BTreeSet<String> = FactKind::ALL.iter().map(|k| vocab::dg(k.name())).collect();
        let mut stats = Stats { triples: store.len(), ..Stats::default() };
        let mut entities: BTreeSet<(Kind, String)> = BTreeSet::new();
        let mut fact_set: BTreeSet<String> = BTreeSet::new();
        stats.graphs = store.graph_names().iter().filter(|g| !reference.contains(g.as_str())).count();
        let typed = store.inner().quads_for_pattern(None, Some(rdf_type.as_ref()), None, None);
        for quad in typed.filter_map(Result::ok) {
            let GraphName::NamedNode(graph) = &quad.graph_name else { continue };
            if reference.contains(graph.as_str()) {
                continue;
            }
            let Term::NamedNode(class) = &quad.object else { continue };
            if facts.contains(class.as_str()) {
                fact_set.insert(quad.subject.to_string());
            }
            if class.as_str() == vocab::dg("Document") {
                stats.documents += 1;
            } else if class.as_str() == vocab::dg("Mention") {
                stats.mentions += 1;
            } else if let Some(kind) = classes.get(class.as_str()) {
                entities.insert((*kind, quad.subject.to_string()));
            }
        }
        for (kind, _) in entities {
            *stats.entities.entry(kind).or_default() += 1;
        }
        stats.facts = fact_set.len();
        stats
    }
}
