//! What `build` computes over all documents at once and stores in its own graph: the strongest
//! co-mentions (pairs of entities that share the most documents).
//!
//! Counting the pairs is quadratic in the entities of each document: a SPARQL query doing it over
//! an archive groups millions of rows (2.3 s at 1 M triples), so the build counts them in memory
//! and keeps the strongest [`KEPT_PAIRS`] as `dg:CoMention` nodes (`dg:between` both entities,
//! `dg:documentCount`) in the graph [`vocab::summary_graph`], which the default graph merges.
//! Start with [`comention_quads`].

use crate::vocab;
use oxigraph::model::{GraphName, Literal, NamedNode, Quad};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// How many of the strongest pairs are kept (the named query `comentions` shows the first 100).
pub const KEPT_PAIRS: usize = 1000;

/// The summary graph's statements for the documents' `(document, entity)` mentions (each pair
/// counted once however often given): the [`KEPT_PAIRS`] pairs sharing the most documents, ties
/// broken by the entities' IRIs, so the same mentions give the same statements.
pub fn comention_quads<'a>(mentions: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<Quad> {
    let mut entities_of: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (document, entity) in mentions {
        entities_of.entry(document).or_default().insert(entity);
    }
    let mut shared: HashMap<(&str, &str), u32> = HashMap::new();
    for entities in entities_of.values() {
        let entities: Vec<&str> = entities.iter().copied().collect();
        for (i, a) in entities.iter().enumerate() {
            for b in &entities[i + 1..] {
                *shared.entry((a, b)).or_default() += 1;
            }
        }
    }
    let mut pairs: Vec<((&str, &str), u32)> = shared.into_iter().collect();
    pairs.sort_unstable_by(|(p, n), (q, m)| m.cmp(n).then(p.cmp(q)));
    pairs.truncate(KEPT_PAIRS);
    let graph = GraphName::NamedNode(NamedNode::new_unchecked(vocab::summary_graph()));
    let iri = |text: &str| NamedNode::new_unchecked(text);
    let mut quads = Vec::with_capacity(4 * pairs.len());
    for ((a, b), n) in pairs {
        let node = iri(&vocab::comention(a, b));
        let mut add = |p: &str, o: oxigraph::model::Term| {
            quads.push(Quad::new(node.clone(), iri(p), o, graph.clone()));
        };
        add(vocab::RDF_TYPE, iri(crate::dg_term!("CoMention")).into());
        add(crate::dg_term!("between"), iri(a).into());
        add(crate::dg_term!("between"), iri(b).into());
        add(crate::dg_term!("documentCount"), Literal::from(i64::from(n)).into());
    }
    quads
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each pair as "<a> <b>" with its count, as N-Triples terms.
    fn counts(quads: &[Quad]) -> BTreeMap<String, String> {
        let mut ends: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut count: BTreeMap<String, String> = BTreeMap::new();
        for q in quads {
            let s = q.subject.to_string();
            match q.predicate.as_str() {
                crate::dg_term!("between") => ends.entry(s).or_default().push(q.object.to_string()),
                crate::dg_term!("documentCount") => {
                    count.insert(s, q.object.to_string());
                }
                _ => {}
            }
        }
        ends.into_iter().map(|(s, e)| (e.join(" "), count[&s].clone())).collect()
    }

    #[test]
    fn pairs_count_the_documents_they_share_once_each() {
        let mentions =
            [("d1", "x:a"), ("d1", "x:b"), ("d1", "x:a"), ("d2", "x:a"), ("d2", "x:b"), ("d2", "x:c")];
        let got = counts(&comention_quads(mentions));
        let two = "\"2\"^^<http://www.w3.org/2001/XMLSchema#integer>";
        let one = "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>";
        assert_eq!(got.get("<x:a> <x:b>").map(String::as_str), Some(two), "{got:?}");
        assert_eq!(got.get("<x:a> <x:c>").map(String::as_str), Some(one), "{got:?}");
        assert_eq!(got.len(), 3, "{got:?}");
    }

    #[test]
    fn only_the_strongest_pairs_are_kept_and_the_same_ones_every_time() {
        let names: Vec<String> = (0..60).map(|i| format!("x:e{i:02}")).collect();
        let mut mentions: Vec<(&str, &str)> = names.iter().map(|n| ("d1", n.as_str())).collect();
        mentions.extend([("d2", "x:e58"), ("d2", "x:e59")]);
        let quads = comention_quads(mentions.clone());
        assert_eq!(quads.len(), 4 * KEPT_PAIRS);
        assert!(counts(&quads).contains_key("<x:e58> <x:e59>"), "the pair in two documents is kept");
        assert_eq!(quads, comention_quads(mentions.into_iter().rev()));
    }
}
