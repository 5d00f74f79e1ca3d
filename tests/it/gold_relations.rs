//! Scores relation extraction against `tests/gold/relations/`: precision and recall per relation
//! type on the 15 seed documents, with floors for visits, signings, citations and partnerships.

use diplograph::model::{AnalyzedDocument, FactKind, Role};
use diplograph::pipeline;
use serde::Deserialize;

use crate::common::{root, seeds, Score};
use std::collections::BTreeMap;

#[derive(Deserialize)]
struct GoldFile {
    file: String,
    documents: Vec<GoldDocument>,
}

#[derive(Deserialize)]
struct GoldDocument {
    index: usize,
    #[serde(default)]
    visits: Vec<GoldVisit>,
    #[serde(default)]
    signings: Vec<GoldTreaty>,
    #[serde(default)]
    citations: Vec<GoldTreaty>,
    #[serde(default)]
    partnerships: Vec<GoldPartnership>,
}

#[derive(Deserialize)]
struct GoldVisit {
    visitor: String,
    host: String,
}

#[derive(Deserialize)]
struct GoldTreaty {
    treaty: String,
}

#[derive(Deserialize)]
struct GoldPartnership {
    countries: Vec<String>,
    level: String,
    date: Option<String>,
}

/// Counts a predicted and a gold list against each other, one-to-one.
fn score(
    predicted: Vec<String>,
    gold: Vec<String>,
    matches: impl Fn(&str, &str) -> bool,
    s: &mut Score,
    what: &str,
) {
    let mut used = vec![false; gold.len()];
    for p in &predicted {
        match gold.iter().enumerate().find(|(j, g)| !used[*j] && matches(p, g)) {
            Some((j, _)) => {
                used[j] = true;
                s.tp += 1;
            }
            None => {
                s.fp += 1;
                if std::env::var_os("GOLD_VERBOSE").is_some() {
                    println!("  FP {what}: {p}");
                }
            }
        }
    }
    for (_, g) in gold.iter().enumerate().filter(|(j, _)| !used[*j]) {
        s.fn_ += 1;
        if std::env::var_os("GOLD_VERBOSE").is_some() {
            println!("  FN {what}: {g}");
        }
    }
}

fn label(doc: &AnalyzedDocument, entity: usize) -> String {
    doc.entities[entity].label_zh.clone()
}

/// Every surface of an entity in the document, plus its label.
fn names(doc: &AnalyzedDocument, entity: usize) -> Vec<String> {
    let mut out: Vec<String> =
        doc.mentions.iter().filter(|m| m.entity == entity).map(|m| m.surface.clone()).collect();
    out.push(label(doc, entity));
    out
}

fn facts(doc: &AnalyzedDocument, kind: FactKind) -> impl Iterator<Item = &diplograph::model::Fact> {
    doc.facts.iter().map(|f| &f.fact).filter(move |f| f.kind == kind)
}

#[test]
fn seed_relations_meet_the_floors() {
    let mut scores: BTreeMap<&str, Score> = BTreeMap::new();
    let mut paths: Vec<_> =
        std::fs::read_dir(root().join("tests/gold/relations")).unwrap().flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths.iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
        let gold: GoldFile = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let bytes = std::fs::read(seeds().join(&gold.file)).unwrap();
        let docs = pipeline::analyze(&gold.file, &bytes).unwrap();
        for g in &gold.documents {
            let doc = &docs[g.index];
            let visits: Vec<String> = facts(doc, FactKind::Visit)
                .map(|f| {
                    let v = f.with_role(Role::Visitor).next().map(|e| label(doc, e)).unwrap_or_default();
                    let h = f.with_role(Role::HostCountry).next().map(|e| label(doc, e)).unwrap_or_default();
                    format!("{v}→{h}")
                })
                .collect();
            let gold_visits = g.visits.iter().map(|v| format!("{}→{}", v.visitor, v.host)).collect();
            let visit_match = |p: &str, g: &str| {
                let (pv, ph) = p.split_once('→').unwrap();
                let (gv, gh) = g.split_once('→').unwrap();
                (pv == gv || pv.ends_with(&format!("·{gv}"))) && ph == gh
            };
            score(
                visits,
                gold_visits,
                visit_match,
                scores.entry("visits").or_default(),
                &format!("{} #{} visit", gold.file, g.index),
            );
            for (kind, list, name) in [
                (FactKind::Signing, &g.signings, "signings"),
                (FactKind::Citation, &g.citations, "citations"),
            ] {
                let predicted: Vec<String> = facts(doc, kind)
                    .filter_map(|f| f.with_role(Role::Document).next())
                    .map(|e| names(doc, e).join("|"))
                    .collect();
                let gold_list = list.iter().map(|t| t.treaty.clone()).collect();
                let same = |p: &str, g: &str| p.split('|').any(|n| n == g);
                score(
                    predicted,
                    gold_list,
                    same,
                    scores.entry(name).or_default(),
                    &format!("{} #{} {name}", gold.file, g.index),
                );
            }
            let partnerships: Vec<String> = facts(doc, FactKind::Partnership)
                .map(|f| {
                    let mut pair: Vec<String> = f.with_role(Role::Partner).map(|e| label(doc, e)).collect();
                    pair.sort();
                    let date = f.start.map(|d| d.to_string()).unwrap_or_default();
                    format!("{}|{}|{date}", pair.join("+"), f.detail.text().unwrap_or_default())
                })
                .collect();
            let gold_partnerships = g
                .partnerships
                .iter()
                .map(|p| {
                    let mut pair = p.countries.clone();
                    pair.sort();
                    format!("{}|{}|{}", pair.join("+"), p.level, p.date.clone().unwrap_or_default())
                })
                .collect();
            score(
                partnerships,
                gold_partnerships,
                |p, g| p == g,
                scores.entry("partnerships").or_default(),
                &format!("{} #{} partnership", gold.file, g.index),
            );
        }
    }
    let mut errors = Vec::new();
    for (name, s) in &scores {
        println!(
            "relations: {name:<13} P {:.3}  R {:.3}  F1 {:.3}  ({}/{}/{})",
            s.precision(),
            s.recall(),
            s.f1(),
            s.tp,
            s.fp,
            s.fn_
        );
        if s.precision() < 0.90 || s.recall() < 0.80 {
            errors.push(format!(
                "{name}: precision {:.3} recall {:.3} below the floor 0.90/0.80",
                s.precision(),
                s.recall()
            ));
        }
    }
    assert!(!scores.is_empty(), "no gold relation files were read");
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}
