//! Scores relation extraction against `tests/gold/relations/`: precision and recall per relation
//! type on the 15 seed documents, with floors for visits, signings, citations and partnerships, and
//! on the unseen documents of `tests/fixtures/unseen/` annotated in `tests/gold/relations/unseen/`
//! (only documents with a relations file count), with meetings as well, and on the held-out
//! documents of `tests/fixtures/heldout/` to `…/heldout6/` annotated in
//! `tests/gold/relations/heldout/` to `…/heldout6/` (sets kept apart
//! from rule changes), and on the development set `tests/fixtures/dev6/` (its errors are read).
//!
//! The unseen floors are the values measured when the set was annotated minus 0.05 (rounded down to
//! 0.05): they guard against regressions, they are not the goal. The bars on unseen documents
//! are visits F1 ≥ 0.85 and partnerships and meetings F1 ≥ 0.80.

use diplograph::model::{AnalyzedDocument, FactKind, Role};
use diplograph::pipeline;
use serde::Deserialize;

use crate::common::{is_held_out, print_errors, root, Score};
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
    meetings: Vec<GoldMeeting>,
    #[serde(default)]
    signings: Vec<GoldTreaty>,
    #[serde(default)]
    citations: Vec<GoldTreaty>,
    #[serde(default)]
    partnerships: Vec<GoldPartnership>,
}

/// The entity gold of the same file (`tests/gold/…` beside `tests/gold/relations/…`): the name forms
/// of each leader, so that a predicted label the gold lists as one of them names that leader.
#[derive(Deserialize)]
struct NamesFile {
    documents: Vec<NamesDocument>,
}

#[derive(Deserialize)]
struct NamesDocument {
    index: usize,
    entities: Vec<NamedEntity>,
}

#[derive(Deserialize)]
struct NamedEntity {
    kind: String,
    label: String,
    surfaces: Vec<String>,
}

/// Gold leader labels with the name forms the entity gold of the relations file `path` lists for them
/// in the documents `indexes`; empty when there is no entity gold.
fn leader_names(path: &std::path::Path, indexes: &[usize]) -> BTreeMap<String, Vec<String>> {
    let entity_gold = path.to_string_lossy().replace("gold/relations/", "gold/");
    let Ok(text) = std::fs::read_to_string(&entity_gold) else { return BTreeMap::new() };
    let file: NamesFile = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{entity_gold}: {e}"));
    let mut names: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for doc in file.documents.iter().filter(|d| indexes.contains(&d.index)) {
        for e in doc.entities.iter().filter(|e| e.kind == "Leader") {
            names.entry(e.label.clone()).or_default().extend(e.surfaces.iter().cloned());
        }
    }
    names
}

#[derive(Deserialize)]
struct GoldVisit {
    visitor: String,
    host: String,
}

#[derive(Deserialize)]
struct GoldMeeting {
    participants: Vec<String>,
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
    verbose: bool,
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
                if verbose {
                    println!("  FP {what}: {p}");
                }
            }
        }
    }
    for (_, g) in gold.iter().enumerate().filter(|(j, _)| !used[*j]) {
        s.fn_ += 1;
        if verbose {
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

/// A predicted leader label names a gold one: the same, a full name ending in `·` and the short one,
/// or one of the name forms the entity gold lists for it (`names`: 本扬·沃拉吉 for 本扬).
fn same_person(predicted: &str, gold: &str, names: &BTreeMap<String, Vec<String>>) -> bool {
    predicted == gold
        || predicted.ends_with(&format!("·{gold}"))
        || names.get(gold).is_some_and(|forms| forms.iter().any(|f| f == predicted))
}

/// Participant lists joined by `+`: equal as sets, by label.
fn same_participants(p: &str, g: &str, names: &BTreeMap<String, Vec<String>>) -> bool {
    let (p, g): (Vec<&str>, Vec<&str>) = (p.split('+').collect(), g.split('+').collect());
    if p.len() != g.len() {
        return false;
    }
    let mut used = vec![false; p.len()];
    g.iter().all(|g| match (0..p.len()).find(|&i| !used[i] && same_person(p[i], g, names)) {
        Some(i) => {
            used[i] = true;
            true
        }
        None => false,
    })
}

/// What the extractor predicts in `docs` (one document, or the documents a file was split into), by
/// relation type, as strings the gold strings are matched against.
fn predicted(docs: &[&AnalyzedDocument]) -> BTreeMap<&'static str, Vec<String>> {
    let mut out: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    for doc in docs {
        for f in facts(doc, FactKind::Visit) {
            let v = f.with_role(Role::Visitor).next().map(|e| label(doc, e)).unwrap_or_default();
            let h = f.with_role(Role::HostCountry).next().map(|e| label(doc, e)).unwrap_or_default();
            out.entry("visits").or_default().push(format!("{v}→{h}"));
        }
        for f in facts(doc, FactKind::Meeting) {
            let mut people: Vec<String> = f.with_role(Role::Participant).map(|e| label(doc, e)).collect();
            people.sort();
            out.entry("meetings").or_default().push(people.join("+"));
        }
        for (kind, name) in [(FactKind::Signing, "signings"), (FactKind::Citation, "citations")] {
            for f in facts(doc, kind) {
                if let Some(e) = f.with_role(Role::Document).next() {
                    out.entry(name).or_default().push(names(doc, e).join("|"));
                }
            }
        }
        for f in facts(doc, FactKind::Partnership) {
            let mut pair: Vec<String> = f.with_role(Role::Partner).map(|e| label(doc, e)).collect();
            pair.sort();
            let date = f.start.map(|d| d.to_string()).unwrap_or_default();
            out.entry("partnerships").or_default().push(format!(
                "{}|{}|{date}",
                pair.join("+"),
                f.detail.text().unwrap_or_default()
            ));
        }
    }
    out
}

/// The gold of `golds` as the same strings.
fn expected(golds: &[&GoldDocument]) -> BTreeMap<&'static str, Vec<String>> {
    let mut out: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    for g in golds {
        out.entry("visits").or_default().extend(g.visits.iter().map(|v| format!("{}→{}", v.visitor, v.host)));
        out.entry("meetings").or_default().extend(g.meetings.iter().map(|m| {
            let mut people = m.participants.clone();
            people.sort();
            people.join("+")
        }));
        out.entry("signings").or_default().extend(g.signings.iter().map(|t| t.treaty.clone()));
        out.entry("citations").or_default().extend(g.citations.iter().map(|t| t.treaty.clone()));
        out.entry("partnerships").or_default().extend(g.partnerships.iter().map(|p| {
            let mut pair = p.countries.clone();
            pair.sort();
            format!("{}|{}|{}", pair.join("+"), p.level, p.date.clone().unwrap_or_default())
        }));
    }
    out
}

/// Scores every relations gold file of `gold_dir` against its source in `source_dir`. `kinds` are the
/// relation types scored. A file the extractor splits into a different number of documents than the
/// gold is scored as one merged document (and reported).
fn evaluate(gold_dir: &str, source_dir: &str, kinds: &[&'static str]) -> BTreeMap<&'static str, Score> {
    let mut scores: BTreeMap<&'static str, Score> = kinds.iter().map(|k| (*k, Score::default())).collect();
    let mut paths: Vec<_> =
        std::fs::read_dir(root().join(gold_dir)).unwrap().flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths.iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
        let gold: GoldFile = serde_json::from_str(&std::fs::read_to_string(path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let source = root().join(source_dir).join(&gold.file);
        let bytes = std::fs::read(&source).unwrap_or_else(|e| {
            panic!("{}: gold file without its fixture {}: {e}", path.display(), source.display())
        });
        let docs = pipeline::analyze(&gold.file, &bytes).unwrap();
        let mut units: Vec<(String, Vec<&AnalyzedDocument>, Vec<&GoldDocument>)> = Vec::new();
        if docs.len() == gold.documents.len() {
            for g in &gold.documents {
                units.push((format!("{} #{}", gold.file, g.index), vec![&docs[g.index]], vec![g]));
            }
        } else {
            if !is_held_out(gold_dir) {
                println!(
                    "segmentation: {}: {} documents found, gold has {}: scored as one merged document",
                    gold.file,
                    docs.len(),
                    gold.documents.len()
                );
            }
            units.push((gold.file.clone(), docs.iter().collect(), gold.documents.iter().collect()));
        }
        for (what, docs, golds) in units {
            let indexes: Vec<usize> = golds.iter().map(|g| g.index).collect();
            let names = leader_names(path, &indexes);
            let (mut p, mut g) = (predicted(&docs), expected(&golds));
            for kind in kinds {
                let matches = |p: &str, g: &str| match *kind {
                    "visits" => {
                        let (pv, ph) = p.split_once('→').unwrap();
                        let (gv, gh) = g.split_once('→').unwrap();
                        same_person(pv, gv, &names) && ph == gh
                    }
                    "meetings" => same_participants(p, g, &names),
                    "signings" | "citations" => p.split('|').any(|n| n == g),
                    _ => p == g,
                };
                score(
                    p.remove(kind).unwrap_or_default(),
                    g.remove(kind).unwrap_or_default(),
                    matches,
                    scores.get_mut(kind).unwrap(),
                    &format!("{what} {kind}"),
                    print_errors(gold_dir),
                );
            }
        }
    }
    scores
}

fn report(name: &str, scores: &BTreeMap<&'static str, Score>) {
    println!("{name}: kind          P      R      F1    (tp/fp/fn)");
    for (kind, s) in scores {
        println!(
            "{name}: {kind:<12} {:.3}  {:.3}  {:.3}  ({}/{}/{})",
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
fn seed_relations_meet_the_floors() {
    let scores =
        evaluate("tests/gold/relations", "seeds", &["visits", "signings", "citations", "partnerships"]);
    report("relations", &scores);
    let mut errors = Vec::new();
    for (name, s) in &scores {
        if s.precision() < 0.90 || s.recall() < 0.80 {
            errors.push(format!(
                "{name}: precision {:.3} recall {:.3} below the floor 0.90/0.80",
                s.precision(),
                s.recall()
            ));
        }
    }
    assert!(scores.values().any(|s| s.tp + s.fn_ > 0), "no gold relation files were read");
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

/// The unseen floors (precision, recall) per relation type: measured minus 0.05, rounded down to 0.05.
const UNSEEN_FLOORS: [(&str, f64, f64); 5] = [
    ("visits", 0.90, 0.75),
    ("meetings", 0.95, 0.65),
    ("signings", 0.80, 0.80),
    ("citations", 0.80, 0.80),
    ("partnerships", 0.95, 0.80),
];

#[test]
fn unseen_relations_meet_the_floors() {
    let kinds: Vec<&'static str> = UNSEEN_FLOORS.iter().map(|(k, _, _)| *k).collect();
    let scores = evaluate("tests/gold/relations/unseen", "tests/fixtures/unseen", &kinds);
    report("unseen", &scores);
    let mut errors = Vec::new();
    for (kind, p, r) in UNSEEN_FLOORS {
        let s = scores[kind];
        if s.precision() < p || s.recall() < r {
            errors.push(format!(
                "{kind}: precision {:.3} recall {:.3} below the floor {p:.2}/{r:.2}",
                s.precision(),
                s.recall()
            ));
        }
    }
    assert!(scores.values().any(|s| s.tp + s.fn_ > 0), "no unseen relation gold files were read");
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

/// The held-out floors (precision, recall) per relation type: measured minus 0.05, rounded down to 0.05,
/// when the set was annotated (the extractor was not changed while looking at its errors).
const HELDOUT_FLOORS: [(&str, f64, f64); 5] = [
    ("visits", 0.75, 0.15),
    ("meetings", 0.30, 0.25),
    ("signings", 0.70, 0.30),
    ("citations", 0.80, 0.70),
    ("partnerships", 0.75, 0.60),
];

#[test]
fn heldout_relations_meet_the_floors() {
    held_out_set_meets_the_floors("heldout", &HELDOUT_FLOORS);
}

/// The second held-out set's floors (precision, recall) per relation type: measured minus 0.05,
/// rounded down to 0.05, when the set was annotated (blind: before the extractor was run on it).
const HELDOUT2_FLOORS: [(&str, f64, f64); 5] = [
    ("visits", 0.95, 0.55),
    ("meetings", 0.65, 0.45),
    ("signings", 0.45, 0.25),
    ("citations", 0.60, 0.45),
    ("partnerships", 0.75, 0.75),
];

#[test]
fn heldout2_relations_meet_the_floors() {
    held_out_set_meets_the_floors("heldout2", &HELDOUT2_FLOORS);
}

/// The third held-out set's floors (precision, recall) per relation type: measured minus 0.05,
/// rounded down to 0.05, when the set was annotated (blind: before the extractor was run on it).
const HELDOUT3_FLOORS: [(&str, f64, f64); 5] = [
    ("visits", 0.70, 0.35),
    ("meetings", 0.75, 0.55),
    ("signings", 0.70, 0.55),
    ("citations", 0.95, 0.70),
    ("partnerships", 0.95, 0.75),
];

#[test]
fn heldout3_relations_meet_the_floors() {
    held_out_set_meets_the_floors("heldout3", &HELDOUT3_FLOORS);
}

/// The fourth held-out set's floors (precision, recall) per relation type: measured minus 0.05,
/// rounded down to 0.05, when the set was annotated (blind: at a635eda, before the extractor was run
/// on it).
const HELDOUT4_FLOORS: [(&str, f64, f64); 5] = [
    ("visits", 0.85, 0.30),
    ("meetings", 0.95, 0.65),
    ("signings", 0.80, 0.95),
    ("citations", 0.95, 0.50),
    ("partnerships", 0.95, 0.70),
];

#[test]
fn heldout4_relations_meet_the_floors() {
    held_out_set_meets_the_floors("heldout4", &HELDOUT4_FLOORS);
}

/// The fifth held-out set's floors (precision, recall) per kind: measured minus 0.05, rounded down to
/// 0.05, when the set was annotated (blind, at 1c4e41a).
const HELDOUT5_FLOORS: [(&str, f64, f64); 5] = [
    ("visits", 0.85, 0.50),
    ("meetings", 0.95, 0.85),
    ("signings", 0.95, 0.55),
    ("citations", 0.95, 0.95),
    ("partnerships", 0.45, 0.55),
];

#[test]
fn heldout5_relations_meet_the_floors() {
    held_out_set_meets_the_floors("heldout5", &HELDOUT5_FLOORS);
}

/// The sixth held-out set's floors (precision, recall) per kind: measured minus 0.05, rounded down to
/// 0.05, when the set was annotated (blind: at 0ad694f, before any rule of stop 37).
const HELDOUT6_FLOORS: [(&str, f64, f64); 5] = [
    ("visits", 0.95, 0.65),
    ("meetings", 0.95, 0.55),
    ("signings", 0.65, 0.50),
    ("citations", 0.95, 0.70),
    ("partnerships", 0.80, 0.80),
];

#[test]
fn heldout6_relations_meet_the_floors() {
    held_out_set_meets_the_floors("heldout6", &HELDOUT6_FLOORS);
}

/// The development set's floors (precision, recall) per kind. Its errors are read to find what the
/// rules miss (it is not held out): measured minus 0.05, rounded down to 0.05, at the end of stop 35.
const DEV6_FLOORS: [(&str, f64, f64); 5] = [
    ("visits", 0.90, 0.75),
    ("meetings", 0.85, 0.65),
    ("signings", 0.35, 0.30),
    ("citations", 0.95, 0.60),
    ("partnerships", 0.95, 0.95),
];

#[test]
fn dev6_relations_meet_the_floors() {
    held_out_set_meets_the_floors("dev6", &DEV6_FLOORS);
}

/// The second development set's floors (precision, recall) per kind (news reports of visits and
/// meetings, added at stop 36; its errors are read): measured minus 0.05, rounded down to 0.05, at the
/// end of stop 36 (visits F1 0.667 when it was added, 0.791 then). It states no signing.
const DEV7_FLOORS: [(&str, f64, f64); 5] = [
    ("visits", 0.95, 0.60),
    ("meetings", 0.80, 0.55),
    ("signings", 0.0, 0.0),
    ("citations", 0.95, 0.95),
    ("partnerships", 0.95, 0.95),
];

#[test]
fn dev7_relations_meet_the_floors() {
    held_out_set_meets_the_floors("dev7", &DEV7_FLOORS);
}

/// The third development set's floors (precision, recall) per kind (news reports of meetings and
/// visits, added at stop 44; its errors are read): measured minus 0.05, rounded down to 0.05, at the
/// end of stop 44 (visits F1 0.833, meetings 0.915 when it was added; 0.903 and 0.984 then). Its one
/// signing (a declaration recalled by a report) is not found.
const DEV8_FLOORS: [(&str, f64, f64); 5] = [
    ("visits", 0.85, 0.80),
    ("meetings", 0.95, 0.90),
    ("signings", 0.0, 0.0),
    ("citations", 0.95, 0.25),
    ("partnerships", 0.95, 0.45),
];

#[test]
fn dev8_relations_meet_the_floors() {
    held_out_set_meets_the_floors("dev8", &DEV8_FLOORS);
}

/// Floors of the fourth development set (statements and news reports of stop 45; its errors are read):
/// the scores at the end of stop 47 minus 0.05, rounded down to 0.05 (visits F1 0.711, meetings 0.738
/// when it was added; 0.766 and 0.762 at the end of stop 45, 0.800 and 0.824 at the end of stop 46,
/// 0.920 and 0.851 at the end of stop 47).
const DEV9_FLOORS: [(&str, f64, f64); 5] = [
    ("visits", 0.90, 0.80),
    ("meetings", 0.85, 0.70),
    ("signings", 0.65, 0.50),
    ("citations", 0.95, 0.45),
    ("partnerships", 0.95, 0.70),
];

#[test]
fn dev9_relations_meet_the_floors() {
    held_out_set_meets_the_floors("dev9", &DEV9_FLOORS);
}

/// Floors of the fifth development set (news reports of stop 46; its errors are read): the scores at
/// the end of stop 47 minus 0.05, rounded down to 0.05 (visits F1 0.703, meetings 0.667 when it was
/// added; 0.825 and 0.875 at the end of stop 46, 0.914 and 0.928 at the end of stop 47). Its one
/// citation (a treaty a communiqué relay names) is not found.
const DEV10_FLOORS: [(&str, f64, f64); 5] = [
    ("visits", 0.95, 0.75),
    ("meetings", 0.90, 0.85),
    ("signings", 0.95, 0.95),
    ("citations", 0.0, 0.0),
    ("partnerships", 0.95, 0.80),
];

#[test]
fn dev10_relations_meet_the_floors() {
    held_out_set_meets_the_floors("dev10", &DEV10_FLOORS);
}

/// Floors of the sixth development set (statements, articles and news reports of stop 48; its
/// errors are read): the scores at the end of stop 48 minus 0.05, rounded down to 0.05 (visits F1
/// 0.710, meetings 0.667 when it was added; 0.824 and 0.718 at the end of stop 48). Its one signing
/// (a press communiqué relayed without 《》) is not found; its two partnership levels, dated by their
/// years (建立10年, 15周年), are.
const DEV11_FLOORS: [(&str, f64, f64); 5] = [
    ("visits", 0.95, 0.65),
    ("meetings", 0.80, 0.55),
    ("signings", 0.0, 0.0),
    ("citations", 0.45, 0.95),
    ("partnerships", 0.95, 0.95),
];

#[test]
fn dev11_relations_meet_the_floors() {
    held_out_set_meets_the_floors("dev11", &DEV11_FLOORS);
}

/// Floors of the seventh development set (news reports of stop 48; its errors are read): the scores
/// at the end of stop 48 minus 0.05, rounded down to 0.05 (visits F1 0.679, meetings 0.667 when it was
/// added; 0.786 and 0.816 at the end of stop 48). It holds no signing or citation; its one
/// partnership level is not found.
const DEV12_FLOORS: [(&str, f64, f64); 5] = [
    ("visits", 0.75, 0.70),
    ("meetings", 0.80, 0.70),
    ("signings", 0.0, 0.0),
    ("citations", 0.0, 0.0),
    ("partnerships", 0.0, 0.0),
];

#[test]
fn dev12_relations_meet_the_floors() {
    held_out_set_meets_the_floors("dev12", &DEV12_FLOORS);
}

/// Floors of the eighth development set (reports and a communiqué of stop 49; its errors are read): the
/// scores at the end of stop 49 minus 0.05, rounded down to 0.05 (visits F1 0.754, meetings 0.604 when
/// it was added; 0.892 and 0.755 at the end of stop 49). Its three signings and one citation are too
/// few to hold a floor.
const DEV13_FLOORS: [(&str, f64, f64); 5] = [
    ("visits", 0.85, 0.75),
    ("meetings", 0.90, 0.55),
    ("signings", 0.0, 0.0),
    ("citations", 0.0, 0.0),
    ("partnerships", 0.0, 0.0),
];

#[test]
fn dev13_relations_meet_the_floors() {
    held_out_set_meets_the_floors("dev13", &DEV13_FLOORS);
}

/// Floors of the ninth development set (reports and a joint statement of stop 50; its errors are read):
/// the scores at the end of stop 50 minus 0.05, rounded down to 0.05 (visits F1 0.810, meetings 0.774
/// when it was added; 0.909 and 0.848 at the end of stop 50). Its few signings, citations and
/// partnerships hold no floor.
const DEV14_FLOORS: [(&str, f64, f64); 5] = [
    ("visits", 0.75, 0.90),
    ("meetings", 0.85, 0.75),
    ("signings", 0.0, 0.0),
    ("citations", 0.0, 0.0),
    ("partnerships", 0.0, 0.0),
];

#[test]
fn dev14_relations_meet_the_floors() {
    held_out_set_meets_the_floors("dev14", &DEV14_FLOORS);
}

/// Floors of the tenth development set (reports of stop 51; its errors are read): the scores at the
/// end of stop 51 minus 0.05, rounded down to 0.05 (visits F1 0.750, meetings 0.865 when it was added;
/// 0.776 and 0.907 at the end of stop 51). Its few signings, citations and partnerships hold no floor.
const DEV15_FLOORS: [(&str, f64, f64); 5] = [
    ("visits", 0.65, 0.80),
    ("meetings", 0.85, 0.80),
    ("signings", 0.0, 0.0),
    ("citations", 0.0, 0.0),
    ("partnerships", 0.0, 0.0),
];

#[test]
fn dev15_relations_meet_the_floors() {
    held_out_set_meets_the_floors("dev15", &DEV15_FLOORS);
}

/// Scores the relations of the held-out set `set` (gold in `tests/gold/relations/{set}`, texts in
/// `tests/fixtures/{set}`) and fails below its floors.
fn held_out_set_meets_the_floors(set: &str, floors: &[(&'static str, f64, f64)]) {
    let (gold, fixtures) = (format!("tests/gold/relations/{set}"), format!("tests/fixtures/{set}"));
    let mut errors = Vec::new();
    crate::gold_entities::check_pairs(&gold, &fixtures, &mut errors);
    let kinds: Vec<&'static str> = floors.iter().map(|(k, _, _)| *k).collect();
    let scores = evaluate(&gold, &fixtures, &kinds);
    report(set, &scores);
    for &(kind, p, r) in floors {
        let s = scores[kind];
        println!("{set}: {kind:<12} F1 {:.3}", s.f1());
        if s.precision() < p || s.recall() < r {
            errors.push(format!(
                "{kind}: precision {:.3} recall {:.3} below the floor {p:.2}/{r:.2}",
                s.precision(),
                s.recall()
            ));
        }
    }
    assert!(scores.values().any(|s| s.tp + s.fn_ > 0), "no {set} relation gold files were read");
    assert!(errors.is_empty(), "{set}: {}", errors.join("\n"));
}
