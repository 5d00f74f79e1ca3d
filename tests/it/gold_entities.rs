//! Scores entity extraction against the hand-checked gold annotation in `tests/gold/`: precision,
//! recall and F1 per kind, on the 15 seed documents (with floors) and on the unseen-style documents.

use crate::common::{root, Score};
use diplograph::model::Kind;
use diplograph::pipeline;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Deserialize)]
struct GoldFile {
    file: String,
    documents: Vec<GoldDocument>,
}

#[derive(Deserialize)]
struct GoldDocument {
    index: usize,
    title_prefix: String,
    date: Option<String>,
    entities: Vec<GoldEntity>,
    #[serde(default)]
    ignore: Vec<String>,
}

#[derive(Deserialize)]
struct GoldEntity {
    kind: String,
    label: String,
    surfaces: Vec<String>,
}

/// Scores every gold file in `gold_dir` against the documents of `source_dir` (both under the package root).
fn evaluate(gold_dir: &str, source_dir: &str, errors: &mut Vec<String>) -> BTreeMap<Kind, Score> {
    let mut scores: BTreeMap<Kind, Score> = Kind::ALL.into_iter().map(|k| (k, Score::default())).collect();
    let mut paths: Vec<_> =
        std::fs::read_dir(root().join(gold_dir)).unwrap().flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths.iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
        let gold: GoldFile = serde_json::from_str(&std::fs::read_to_string(path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let source = root().join(source_dir).join(&gold.file);
        let bytes = std::fs::read(&source).unwrap_or_else(|e| panic!("{}: {e}", source.display()));
        let docs = pipeline::analyze(&gold.file, &bytes).unwrap();
        if docs.len() != gold.documents.len() {
            errors.push(format!(
                "{}: {} documents found, gold has {}",
                gold.file,
                docs.len(),
                gold.documents.len()
            ));
            continue;
        }
        for (doc, g) in docs.iter().zip(&gold.documents) {
            assert_eq!(g.index, doc.index);
            if !doc.title.starts_with(&g.title_prefix) {
                errors.push(format!(
                    "{} #{}: title `{}` does not start with `{}`",
                    gold.file, g.index, doc.title, g.title_prefix
                ));
            }
            if g.date.is_some() && doc.date.map(|d| d.to_string()) != g.date {
                errors.push(format!("{} #{}: date {:?}, gold {:?}", gold.file, g.index, doc.date, g.date));
            }
            score_document(doc, g, &gold.file, &mut scores);
        }
    }
    scores
}

fn score_document(
    doc: &diplograph::model::AnalyzedDocument,
    gold: &GoldDocument,
    file: &str,
    scores: &mut BTreeMap<Kind, Score>,
) {
    let ignore: BTreeSet<&str> = gold.ignore.iter().map(String::as_str).collect();
    let verbose = std::env::var_os("GOLD_VERBOSE").is_some();
    for kind in Kind::ALL {
        let mut predicted: Vec<(String, BTreeSet<String>)> = Vec::new();
        for (i, e) in doc.entities.iter().enumerate().filter(|(_, e)| e.kind == kind) {
            let surfaces: BTreeSet<String> =
                doc.mentions.iter().filter(|m| m.entity == i).map(|m| m.surface.clone()).collect();
            // A document's own statement is an entity without a mention in its text: not scored here.
            if !surfaces.is_empty() {
                predicted.push((e.label_zh.clone(), surfaces));
            }
        }
        let gold_entities: Vec<&GoldEntity> =
            gold.entities.iter().filter(|g| g.kind == kind.name()).collect();
        let mut matched_gold = vec![false; gold_entities.len()];
        let score = scores.get_mut(&kind).unwrap();
        for (label, surfaces) in &predicted {
            let hit = gold_entities
                .iter()
                .enumerate()
                .find(|(j, g)| !matched_gold[*j] && g.surfaces.iter().any(|s| surfaces.contains(s)));
            match hit {
                Some((j, _)) => {
                    matched_gold[j] = true;
                    score.tp += 1;
                }
                None if surfaces.iter().any(|s| ignore.contains(s.as_str())) => {}
                None => {
                    score.fp += 1;
                    if verbose {
                        println!("  FP {file} #{} {kind}: {label} {surfaces:?}", gold.index);
                    }
                }
            }
        }
        for (_, g) in gold_entities.iter().enumerate().filter(|(j, _)| !matched_gold[*j]) {
            score.fn_ += 1;
            if verbose {
                println!("  FN {file} #{} {kind}: {} {:?}", gold.index, g.label, g.surfaces);
            }
        }
    }
}

fn report(name: &str, scores: &BTreeMap<Kind, Score>) {
    println!("{name}: kind          P      R      F1    (tp/fp/fn)");
    for (kind, s) in scores {
        println!(
            "{name}: {:<12} {:.3}  {:.3}  {:.3}  ({}/{}/{})",
            kind.name(),
            s.precision(),
            s.recall(),
            s.f1(),
            s.tp,
            s.fp,
            s.fn_
        );
    }
}

#[test]
fn seed_entities_meet_the_floors() {
    let mut errors = Vec::new();
    let scores = evaluate("tests/gold", "seeds", &mut errors);
    report("seeds", &scores);
    for (kind, s) in &scores {
        if s.precision() < 0.95 || s.recall() < 0.90 {
            errors.push(format!(
                "{kind}: precision {:.3} recall {:.3} below the floor 0.95/0.90",
                s.precision(),
                s.recall()
            ));
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn unseen_style_documents_are_reported() {
    let mut errors = Vec::new();
    let scores = evaluate("tests/gold/unseen", "tests/fixtures/unseen", &mut errors);
    report("unseen", &scores);
    for (kind, s) in &scores {
        if s.precision() < 0.5 || s.recall() < 0.5 {
            errors.push(format!(
                "{kind}: precision {:.3} recall {:.3} below the overfitting alarm 0.5/0.5",
                s.precision(),
                s.recall()
            ));
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}
