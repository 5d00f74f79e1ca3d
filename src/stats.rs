//! Counts over a store: documents, entities and mentions by kind, facts, triples.

use crate::extract::Kind;
use crate::relate::FactKind;
use crate::snapshot::Snapshot;
use crate::vocab;
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
    /// Counts the document graphs of a snapshot of the store file (the reference graphs are left
    /// out, but for triples), from their `rdf:type` statements.
    pub fn of_snapshot(snapshot: &Snapshot) -> Self {
        let typed = snapshot
            .graphs()
            .filter(|(name, _)| !name.is_empty())
            .flat_map(|(name, g)| g.types().map(move |(s, c)| (name, s, c)));
        let reference: BTreeSet<String> = [vocab::ontology_graph(), vocab::gazetteer_graph()].into();
        let classes: BTreeMap<String, Kind> =
            Kind::ALL.into_iter().map(|k| (vocab::dg(k.name()), k)).collect();
        let facts: BTreeSet<String> = FactKind::ALL.iter().map(|k| vocab::dg(k.name())).collect();
        let (document, mention) = (vocab::dg("Document"), vocab::dg("Mention"));
        let mut stats = Stats { triples: snapshot.len(), ..Stats::default() };
        let mut entities: BTreeSet<(Kind, &str)> = BTreeSet::new();
        let mut fact_set: BTreeSet<&str> = BTreeSet::new();
        stats.graphs = snapshot.graph_names().filter(|g| !reference.contains(*g)).count();
        for (graph, subject, class) in typed {
            if reference.contains(graph) {
                continue;
            }
            if facts.contains(class) {
                fact_set.insert(subject);
            }
            if class == document {
                stats.documents += 1;
            } else if class == mention {
                stats.mentions += 1;
            } else if let Some(kind) = classes.get(class) {
                entities.insert((*kind, subject));
            }
        }
        for (kind, _) in entities {
            *stats.entities.entry(kind).or_default() += 1;
        }
        stats.facts = fact_set.len();
        stats
    }
}
