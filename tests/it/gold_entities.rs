//! Scores entity extraction against the hand-checked gold annotation in `tests/gold/`: precision,
//! recall and F1 per kind, on the 15 seed documents (with floors), on the unseen documents of
//! `tests/fixtures/unseen/` (real documents nobody on the project wrote, annotated by hand) and on the
//! held-out documents of `tests/fixtures/heldout/` (a second such set, partly looked at since),
//! `tests/fixtures/heldout2/` to `…/heldout6/` (annotated blind) and on the development set of
//! `tests/fixtures/dev6/` (annotated blind, its errors read to find what rules miss), with a
//! micro-averaged F1 over all kinds.
//!
//! The unseen floors are the values measured when the set was annotated minus 0.05 (rounded down to
//! 0.05): they guard against regressions, they are not the goal. The bar is an entity micro-F1
//! of at least 0.92 on unseen documents. A document the extractor splits differently from the gold is
//! reported as a segmentation error and scored as one merged document (seeds: a failure).

use crate::common::{is_held_out, print_errors, root, Score};
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

#[derive(Deserialize, Clone)]
struct GoldEntity {
    kind: String,
    label: String,
    surfaces: Vec<String>,
}

/// Fails (into `errors`) for every fixture of `source_dir` without a gold file in `gold_dir`, and for
/// every gold file whose fixture is missing: an unannotated document would silently not count.
pub fn check_pairs(gold_dir: &str, source_dir: &str, errors: &mut Vec<String>) {
    let names = |dir: &str, ext: &str| -> BTreeSet<String> {
        std::fs::read_dir(root().join(dir))
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == ext))
            .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
            .collect()
    };
    let (gold, fixtures) = (names(gold_dir, "json"), names(source_dir, "txt"));
    for missing in fixtures.difference(&gold) {
        errors.push(format!("{source_dir}/{missing}.txt has no gold file {gold_dir}/{missing}.json"));
    }
    for missing in gold.difference(&fixtures) {
        errors.push(format!("{gold_dir}/{missing}.json has no fixture {source_dir}/{missing}.txt"));
    }
}

/// Scores every gold file in `gold_dir` against the documents of `source_dir` (both under the package
/// root). With `strict`, a file split into a different number of documents than the gold is an error
/// and is not scored; otherwise it is reported and scored as one merged document.
fn evaluate(
    gold_dir: &str,
    source_dir: &str,
    strict: bool,
    errors: &mut Vec<String>,
) -> BTreeMap<Kind, Score> {
    let mut scores: BTreeMap<Kind, Score> = Kind::ALL.into_iter().map(|k| (k, Score::default())).collect();
    let mut paths: Vec<_> =
        std::fs::read_dir(root().join(gold_dir)).unwrap().flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths.iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
        let gold: GoldFile = serde_json::from_str(&std::fs::read_to_string(path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let source = root().join(source_dir).join(&gold.file);
        let Ok(bytes) = std::fs::read(&source) else {
            errors.push(format!("{}: gold file without its fixture {}", path.display(), source.display()));
            continue;
        };
        let docs = pipeline::analyze(&gold.file, &bytes).unwrap();
        if docs.len() != gold.documents.len() {
            let message =
                format!("{}: {} documents found, gold has {}", gold.file, docs.len(), gold.documents.len());
            if strict {
                errors.push(message);
            } else {
                if !is_held_out(gold_dir) {
                    println!("segmentation: {message}: scored as one merged document");
                }
                let merged = GoldDocument {
                    index: 0,
                    title_prefix: String::new(),
                    date: None,
                    entities: gold.documents.iter().flat_map(|g| g.entities.iter().cloned()).collect(),
                    ignore: gold.documents.iter().flat_map(|g| g.ignore.iter().cloned()).collect(),
                };
                score_documents(&docs, &merged, &gold.file, print_errors(gold_dir), &mut scores);
            }
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
            score_documents(std::slice::from_ref(doc), g, &gold.file, print_errors(gold_dir), &mut scores);
        }
    }
    scores
}

/// Scores the entities of `docs` (one document, or the documents a file was split into, merged by
/// kind and label) against one gold document.
fn score_documents(
    docs: &[diplograph::model::AnalyzedDocument],
    gold: &GoldDocument,
    file: &str,
    verbose: bool,
    scores: &mut BTreeMap<Kind, Score>,
) {
    let ignore: BTreeSet<&str> = gold.ignore.iter().map(String::as_str).collect();
    for kind in Kind::ALL {
        let mut predicted: Vec<(String, BTreeSet<String>)> = Vec::new();
        for doc in docs {
            for (i, e) in doc.entities.iter().enumerate().filter(|(_, e)| e.kind == kind) {
                let surfaces: BTreeSet<String> =
                    doc.mentions.iter().filter(|m| m.entity == i).map(|m| m.surface.clone()).collect();
                // A document's own statement is an entity without a mention in its text: not scored here.
                if surfaces.is_empty() {
                    continue;
                }
                match predicted.iter_mut().find(|(label, _)| *label == e.label_zh) {
                    Some((_, known)) => known.extend(surfaces),
                    None => predicted.push((e.label_zh.clone(), surfaces)),
                }
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

/// The counts of every kind summed: the micro-average.
fn micro(scores: &BTreeMap<Kind, Score>) -> Score {
    scores.values().fold(Score::default(), |a, s| Score {
        tp: a.tp + s.tp,
        fp: a.fp + s.fp,
        fn_: a.fn_ + s.fn_,
    })
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
    let m = micro(scores);
    println!(
        "{name}: {:<12} {:.3}  {:.3}  {:.3}  ({}/{}/{})",
        "micro",
        m.precision(),
        m.recall(),
        m.f1(),
        m.tp,
        m.fp,
        m.fn_
    );
}

#[test]
fn seed_entities_meet_the_floors() {
    let mut errors = Vec::new();
    let scores = evaluate("tests/gold", "seeds", true, &mut errors);
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

/// The unseen floors (precision, recall) per kind: measured minus 0.05, rounded down to 0.05.
const UNSEEN_FLOORS: [(Kind, f64, f64); 6] = [
    (Kind::Country, 0.90, 0.95),
    (Kind::Leader, 0.90, 0.85),
    (Kind::Treaty, 0.90, 0.85),
    (Kind::Organization, 0.85, 0.70),
    (Kind::Project, 0.60, 0.40),
    (Kind::Initiative, 0.95, 0.70),
];
/// The unseen floor of the micro-averaged F1 over all kinds (the bar is 0.92).
const UNSEEN_MICRO_F1_FLOOR: f64 = 0.85;

#[test]
fn unseen_documents_meet_the_floors() {
    let mut errors = Vec::new();
    check_pairs("tests/gold/unseen", "tests/fixtures/unseen", &mut errors);
    let scores = evaluate("tests/gold/unseen", "tests/fixtures/unseen", false, &mut errors);
    report("unseen", &scores);
    for (kind, p, r) in UNSEEN_FLOORS {
        let s = scores[&kind];
        if s.precision() < p || s.recall() < r {
            errors.push(format!(
                "{kind}: precision {:.3} recall {:.3} below the floor {p:.2}/{r:.2}",
                s.precision(),
                s.recall()
            ));
        }
    }
    let m = micro(&scores);
    if m.f1() < UNSEEN_MICRO_F1_FLOOR {
        errors.push(format!("micro F1 {:.3} below the floor {UNSEEN_MICRO_F1_FLOOR:.2}", m.f1()));
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

/// The held-out floors (precision, recall) per kind: measured minus 0.05, rounded down to 0.05, when the
/// set was annotated (the extractor was not changed while looking at its errors).
const HELDOUT_FLOORS: [(Kind, f64, f64); 6] = [
    (Kind::Country, 0.90, 0.90),
    (Kind::Leader, 0.85, 0.75),
    (Kind::Treaty, 0.80, 0.65),
    (Kind::Organization, 0.95, 0.60),
    (Kind::Project, 0.95, 0.0),
    (Kind::Initiative, 0.95, 0.95),
];
/// The held-out floor of the micro-averaged F1 (the bar on unseen documents is 0.92).
const HELDOUT_MICRO_F1_FLOOR: f64 = 0.80;
/// Documents of the held-out set whose title or date the extractor got wrong when the set was annotated
/// (5; 4 since day-only datelines are read, stop 36): more is a regression.
const HELDOUT_MAX_METADATA_ERRORS: usize = 4;

#[test]
fn heldout_entities_meet_the_floors() {
    held_out_set_meets_the_floors(
        "heldout",
        &HELDOUT_FLOORS,
        HELDOUT_MICRO_F1_FLOOR,
        HELDOUT_MAX_METADATA_ERRORS,
    );
}

/// The second held-out set's floors (precision, recall) per kind: measured minus 0.05, rounded down to
/// 0.05, when the set was annotated (blind: before the extractor was run on it), at the code of that day.
const HELDOUT2_FLOORS: [(Kind, f64, f64); 6] = [
    (Kind::Country, 0.95, 0.95),
    (Kind::Leader, 0.95, 0.85),
    (Kind::Treaty, 0.95, 0.95),
    (Kind::Organization, 0.65, 0.45),
    (Kind::Project, 0.95, 0.0),
    (Kind::Initiative, 0.95, 0.45),
];
/// The second held-out set's floor of the micro-averaged F1.
const HELDOUT2_MICRO_F1_FLOOR: f64 = 0.80;
/// Documents of the second held-out set whose title or date the extractor got wrong when it was
/// annotated: more is a regression.
const HELDOUT2_MAX_METADATA_ERRORS: usize = 4;

#[test]
fn heldout2_entities_meet_the_floors() {
    held_out_set_meets_the_floors(
        "heldout2",
        &HELDOUT2_FLOORS,
        HELDOUT2_MICRO_F1_FLOOR,
        HELDOUT2_MAX_METADATA_ERRORS,
    );
}

/// The third held-out set's floors (precision, recall) per kind: measured minus 0.05, rounded down to
/// 0.05, when the set was annotated (blind: before the extractor was run on it), at the code of that day.
const HELDOUT3_FLOORS: [(Kind, f64, f64); 6] = [
    (Kind::Country, 0.95, 0.90),
    (Kind::Leader, 0.85, 0.70),
    (Kind::Treaty, 0.95, 0.70),
    (Kind::Organization, 0.65, 0.45),
    (Kind::Project, 0.95, 0.95),
    (Kind::Initiative, 0.80, 0.80),
];
/// The third held-out set's floor of the micro-averaged F1 (0.845 when annotated).
const HELDOUT3_MICRO_F1_FLOOR: f64 = 0.75;
/// Documents of the third held-out set whose title or date the extractor got wrong when it was
/// annotated: more is a regression.
const HELDOUT3_MAX_METADATA_ERRORS: usize = 1;

#[test]
fn heldout3_entities_meet_the_floors() {
    held_out_set_meets_the_floors(
        "heldout3",
        &HELDOUT3_FLOORS,
        HELDOUT3_MICRO_F1_FLOOR,
        HELDOUT3_MAX_METADATA_ERRORS,
    );
}

/// The fourth held-out set's floors (precision, recall) per kind: measured minus 0.05, rounded down to
/// 0.05, when the set was annotated (blind: at a635eda, before the extractor was run on it). It holds
/// no Project or Initiative: those floors are none.
const HELDOUT4_FLOORS: [(Kind, f64, f64); 6] = [
    (Kind::Country, 0.90, 0.85),
    (Kind::Leader, 0.90, 0.85),
    (Kind::Treaty, 0.95, 0.65),
    (Kind::Organization, 0.70, 0.70),
    (Kind::Project, 0.0, 0.0),
    (Kind::Initiative, 0.0, 0.0),
];
/// The fourth held-out set's floor of the micro-averaged F1 (0.902 when annotated).
const HELDOUT4_MICRO_F1_FLOOR: f64 = 0.85;
/// Documents of the fourth held-out set whose title or date the extractor got wrong when it was
/// annotated: more is a regression.
const HELDOUT4_MAX_METADATA_ERRORS: usize = 2;

#[test]
fn heldout4_entities_meet_the_floors() {
    held_out_set_meets_the_floors(
        "heldout4",
        &HELDOUT4_FLOORS,
        HELDOUT4_MICRO_F1_FLOOR,
        HELDOUT4_MAX_METADATA_ERRORS,
    );
}

/// The fifth held-out set's floors (precision, recall) per kind: measured minus 0.05, rounded down to
/// 0.05, when the set was annotated (blind: at 1c4e41a, before the extractor was run on it). Its
/// gold has no Project or Initiative: those floors are none.
const HELDOUT5_FLOORS: [(Kind, f64, f64); 6] = [
    (Kind::Country, 0.85, 0.85),
    (Kind::Leader, 0.85, 0.80),
    (Kind::Treaty, 0.95, 0.80),
    (Kind::Organization, 0.75, 0.75),
    (Kind::Project, 0.0, 0.0),
    (Kind::Initiative, 0.0, 0.0),
];
/// The fifth held-out set's floor of the micro-averaged F1 (0.880 when annotated).
const HELDOUT5_MICRO_F1_FLOOR: f64 = 0.80;
/// Documents of the fifth held-out set whose title or date the extractor got wrong when it was
/// annotated (dateline days against issue days, datelines taken for titles; 7, then 4 since day-only
/// datelines are read, stop 36): more is a regression.
const HELDOUT5_MAX_METADATA_ERRORS: usize = 4;

#[test]
fn heldout5_entities_meet_the_floors() {
    held_out_set_meets_the_floors(
        "heldout5",
        &HELDOUT5_FLOORS,
        HELDOUT5_MICRO_F1_FLOOR,
        HELDOUT5_MAX_METADATA_ERRORS,
    );
}

/// The sixth held-out set's floors (precision, recall) per kind: measured minus 0.05, rounded down to
/// 0.05, when the set was annotated (blind: at 0ad694f, before any rule of stop 37). Its gold has no
/// Project: that floor is none.
const HELDOUT6_FLOORS: [(Kind, f64, f64); 6] = [
    (Kind::Country, 0.95, 0.90),
    (Kind::Leader, 0.85, 0.80),
    (Kind::Treaty, 0.95, 0.55),
    (Kind::Organization, 0.80, 0.85),
    (Kind::Project, 0.0, 0.0),
    (Kind::Initiative, 0.80, 0.80),
];
/// The sixth held-out set's floor of the micro-averaged F1 (0.915 when annotated).
const HELDOUT6_MICRO_F1_FLOOR: f64 = 0.85;
/// Documents of the sixth held-out set whose title or date the extractor got wrong when it was
/// annotated (4, counted, not named): more is a regression.
const HELDOUT6_MAX_METADATA_ERRORS: usize = 4;

#[test]
fn heldout6_entities_meet_the_floors() {
    held_out_set_meets_the_floors(
        "heldout6",
        &HELDOUT6_FLOORS,
        HELDOUT6_MICRO_F1_FLOOR,
        HELDOUT6_MAX_METADATA_ERRORS,
    );
}

/// The development set's floors (precision, recall) per kind. Its errors are read to find what the
/// rules miss (it is not held out): measured minus 0.05, rounded down to 0.05, at the end of stop 35
/// (micro-F1 0.846 when it was added at cc2f26a, 0.897 then).
const DEV6_FLOORS: [(Kind, f64, f64); 6] = [
    (Kind::Country, 0.90, 0.95),
    (Kind::Leader, 0.90, 0.75),
    (Kind::Treaty, 0.95, 0.20),
    (Kind::Organization, 0.70, 0.90),
    (Kind::Project, 0.95, 0.25),
    (Kind::Initiative, 0.95, 0.0),
];
/// The development set's floor of the micro-averaged F1.
const DEV6_MICRO_F1_FLOOR: f64 = 0.80;
/// Documents of the development set whose title or date the extractor gets wrong (datelines the gold
/// takes for titles, dateline days against page days): more is a regression.
const DEV6_MAX_METADATA_ERRORS: usize = 4;

#[test]
fn dev6_entities_meet_the_floors() {
    held_out_set_meets_the_floors("dev6", &DEV6_FLOORS, DEV6_MICRO_F1_FLOOR, DEV6_MAX_METADATA_ERRORS);
}

/// The second development set's floors (precision, recall) per kind (news reports of visits and
/// meetings, added at stop 36; its errors are read): measured minus 0.05, rounded down to 0.05, at
/// the end of stop 36 (micro-F1 0.913 when it was added, 0.941 then). It names no project or
/// initiative.
const DEV7_FLOORS: [(Kind, f64, f64); 6] = [
    (Kind::Country, 0.90, 0.90),
    (Kind::Leader, 0.90, 0.80),
    (Kind::Treaty, 0.95, 0.95),
    (Kind::Organization, 0.85, 0.80),
    (Kind::Project, 0.0, 0.0),
    (Kind::Initiative, 0.0, 0.0),
];
/// The second development set's floor of the micro-averaged F1.
const DEV7_MICRO_F1_FLOOR: f64 = 0.85;
/// Documents of the second development set whose title or date the extractor gets wrong (dateline
/// days the gold takes for the document's date against the page's day): more is a regression.
const DEV7_MAX_METADATA_ERRORS: usize = 2;

#[test]
fn dev7_entities_meet_the_floors() {
    held_out_set_meets_the_floors("dev7", &DEV7_FLOORS, DEV7_MICRO_F1_FLOOR, DEV7_MAX_METADATA_ERRORS);
}

/// The third development set's floors (precision, recall) per kind (news reports of meetings and
/// visits, added at stop 44; its errors are read): measured minus 0.05, rounded down to 0.05, at the
/// end of stop 44 (micro-F1 0.920 when it was added, 0.940 then, 0.945 at its end). It names no project or initiative.
const DEV8_FLOORS: [(Kind, f64, f64); 6] = [
    (Kind::Country, 0.90, 0.95),
    (Kind::Leader, 0.90, 0.85),
    (Kind::Treaty, 0.95, 0.20),
    (Kind::Organization, 0.70, 0.90),
    (Kind::Project, 0.0, 0.0),
    (Kind::Initiative, 0.0, 0.0),
];
/// The third development set's floor of the micro-averaged F1.
const DEV8_MICRO_F1_FLOOR: f64 = 0.85;
/// Documents of the third development set whose title or date the extractor gets wrong (dateline
/// days the gold takes for the document's date against the page's day): more is a regression.
const DEV8_MAX_METADATA_ERRORS: usize = 4;

#[test]
fn dev8_entities_meet_the_floors() {
    held_out_set_meets_the_floors("dev8", &DEV8_FLOORS, DEV8_MICRO_F1_FLOOR, DEV8_MAX_METADATA_ERRORS);
}

/// Floors of the fourth development set (ten statements that narrate their occasion and ten news
/// reports of several meetings and visits each, stop 45): its end-of-stop scores minus 0.05.
const DEV9_FLOORS: [(Kind, f64, f64); 6] = [
    (Kind::Country, 0.90, 0.90),
    (Kind::Leader, 0.90, 0.85),
    (Kind::Treaty, 0.95, 0.35),
    (Kind::Organization, 0.85, 0.70),
    (Kind::Project, 0.0, 0.0),
    (Kind::Initiative, 0.95, 0.45),
];
/// Entity micro-F1 floor of the fourth development set (0.884 when it was added, 0.923 at the end of
/// stop 45).
const DEV9_MICRO_F1_FLOOR: f64 = 0.85;
/// Documents of the fourth development set whose date the extractor gets wrong (two reports the gold
/// dates by the day of the events, the extractor by the page's): more is a regression.
const DEV9_MAX_METADATA_ERRORS: usize = 2;

#[test]
fn dev9_entities_meet_the_floors() {
    held_out_set_meets_the_floors("dev9", &DEV9_FLOORS, DEV9_MICRO_F1_FLOOR, DEV9_MAX_METADATA_ERRORS);
}

/// Floors of the fifth development set (twenty news reports of several meetings and visits each,
/// 1974-2025, stop 46): its end-of-stop scores minus 0.05, rounded down to 0.05.
const DEV10_FLOORS: [(Kind, f64, f64); 6] = [
    (Kind::Country, 0.95, 0.90),
    (Kind::Leader, 0.85, 0.85),
    (Kind::Treaty, 0.95, 0.25),
    (Kind::Organization, 0.70, 0.75),
    (Kind::Project, 0.30, 0.45),
    (Kind::Initiative, 0.35, 0.60),
];
/// Entity micro-F1 floor of the fifth development set (0.880 when it was added, 0.904 at the end of
/// stop 46).
const DEV10_MICRO_F1_FLOOR: f64 = 0.85;
/// Documents of the fifth development set whose date the extractor gets wrong (five 参考消息 pages
/// and relays the gold dates by their first dispatch, the extractor by the page's day): more is a
/// regression.
const DEV10_MAX_METADATA_ERRORS: usize = 5;

#[test]
fn dev10_entities_meet_the_floors() {
    held_out_set_meets_the_floors("dev10", &DEV10_FLOORS, DEV10_MICRO_F1_FLOOR, DEV10_MAX_METADATA_ERRORS);
}

/// Floors of the sixth development set (six statements, articles and relays and seven news reports,
/// 1956-2026, stop 48): its end-of-stop scores minus 0.05, rounded down to 0.05; none for the kinds
/// it holds no entity of.
const DEV11_FLOORS: [(Kind, f64, f64); 6] = [
    (Kind::Country, 0.95, 0.95),
    (Kind::Leader, 0.95, 0.85),
    (Kind::Treaty, 0.95, 0.45),
    (Kind::Organization, 0.60, 0.60),
    (Kind::Project, 0.0, 0.0),
    (Kind::Initiative, 0.0, 0.0),
];
/// Entity micro-F1 floor of the sixth development set (0.904 when it was added, 0.930 at the end of
/// stop 48).
const DEV11_MICRO_F1_FLOOR: f64 = 0.85;
/// Documents of the sixth development set whose date the extractor gets wrong (three 参考消息 pages
/// the gold dates by their first dispatch, and a relay dated by its communiqué's date line): more is a
/// regression.
const DEV11_MAX_METADATA_ERRORS: usize = 4;

#[test]
fn dev11_entities_meet_the_floors() {
    held_out_set_meets_the_floors("dev11", &DEV11_FLOORS, DEV11_MICRO_F1_FLOOR, DEV11_MAX_METADATA_ERRORS);
}

/// Floors of the seventh development set (sixteen news reports, 1954-2026, stop 48): its end-of-stop
/// scores minus 0.05, rounded down to 0.05; none for the kinds it holds no entity of, nor for its two
/// initiatives, both missed.
const DEV12_FLOORS: [(Kind, f64, f64); 6] = [
    (Kind::Country, 0.90, 0.85),
    (Kind::Leader, 0.90, 0.75),
    (Kind::Treaty, 0.0, 0.0),
    (Kind::Organization, 0.75, 0.65),
    (Kind::Project, 0.0, 0.0),
    (Kind::Initiative, 0.0, 0.0),
];
/// Entity micro-F1 floor of the seventh development set (0.870 when it was added, 0.887 at the end of
/// stop 48).
const DEV12_MICRO_F1_FLOOR: f64 = 0.80;
/// Documents of the seventh development set whose date the extractor gets wrong (two reports the gold
/// dates by the dateline's day, the extractor by the issue's): more is a regression.
const DEV12_MAX_METADATA_ERRORS: usize = 2;

#[test]
fn dev12_entities_meet_the_floors() {
    held_out_set_meets_the_floors("dev12", &DEV12_FLOORS, DEV12_MICRO_F1_FLOOR, DEV12_MAX_METADATA_ERRORS);
}

/// Floors of the eighth development set (seventeen news reports and a communiqué, 1956-2024, stop 49):
/// its end-of-stop scores minus 0.05, rounded down to 0.05; none for the kinds it holds five or fewer
/// of (treaties, projects, initiatives).
const DEV13_FLOORS: [(Kind, f64, f64); 6] = [
    (Kind::Country, 0.95, 0.90),
    (Kind::Leader, 0.95, 0.75),
    (Kind::Treaty, 0.0, 0.0),
    (Kind::Organization, 0.55, 0.70),
    (Kind::Project, 0.0, 0.0),
    (Kind::Initiative, 0.0, 0.0),
];
/// Entity micro-F1 floor of the eighth development set (0.848 when it was added, 0.884 at the end of
/// stop 49).
const DEV13_MICRO_F1_FLOOR: f64 = 0.80;
/// Documents of the eighth development set whose date the extractor gets wrong (none): more is a
/// regression.
const DEV13_MAX_METADATA_ERRORS: usize = 0;

#[test]
fn dev13_entities_meet_the_floors() {
    held_out_set_meets_the_floors("dev13", &DEV13_FLOORS, DEV13_MICRO_F1_FLOOR, DEV13_MAX_METADATA_ERRORS);
}

/// Floors of the ninth development set (seventeen reports and a joint statement, 1997-2025, stop 50):
/// its end-of-stop scores minus 0.05, rounded down to 0.05; none for the kinds it holds five or fewer
/// of (treaties, projects, initiatives).
const DEV14_FLOORS: [(Kind, f64, f64); 6] = [
    (Kind::Country, 0.95, 0.90),
    (Kind::Leader, 0.95, 0.90),
    (Kind::Treaty, 0.0, 0.0),
    (Kind::Organization, 0.85, 0.65),
    (Kind::Project, 0.0, 0.0),
    (Kind::Initiative, 0.0, 0.0),
];
/// Entity micro-F1 floor of the ninth development set (0.930 when it was added, 0.944 at the end of
/// stop 50).
const DEV14_MICRO_F1_FLOOR: f64 = 0.85;
/// Documents of the ninth development set whose title or date the extractor gets wrong (a statement the
/// gold titles by its dateline, two reports the gold dates by the dateline's day, the extractor by the
/// page's): more is a regression.
const DEV14_MAX_METADATA_ERRORS: usize = 3;

#[test]
fn dev14_entities_meet_the_floors() {
    held_out_set_meets_the_floors("dev14", &DEV14_FLOORS, DEV14_MICRO_F1_FLOOR, DEV14_MAX_METADATA_ERRORS);
}

/// Floors of the tenth development set (twenty-two reports of visits and meetings and a joint
/// declaration, 1984-2024, stop 51): its end-of-stop scores minus 0.05, rounded down to 0.05; none for
/// the kinds it holds five or fewer of (treaties, projects, initiatives).
const DEV15_FLOORS: [(Kind, f64, f64); 6] = [
    (Kind::Country, 0.90, 0.90),
    (Kind::Leader, 0.90, 0.85),
    (Kind::Treaty, 0.0, 0.0),
    (Kind::Organization, 0.75, 0.75),
    (Kind::Project, 0.0, 0.0),
    (Kind::Initiative, 0.0, 0.0),
];
/// Entity micro-F1 floor of the tenth development set (0.910 when it was added, 0.938 at the end of
/// stop 51).
const DEV15_MICRO_F1_FLOOR: f64 = 0.85;
/// Documents of the tenth development set whose title or date the extractor gets wrong (a relayed
/// report the gold dates by its source's day, a headline whose last mark the extractor drops): more is
/// a regression.
const DEV15_MAX_METADATA_ERRORS: usize = 2;

#[test]
fn dev15_entities_meet_the_floors() {
    held_out_set_meets_the_floors("dev15", &DEV15_FLOORS, DEV15_MICRO_F1_FLOOR, DEV15_MAX_METADATA_ERRORS);
}

/// Scores the held-out set `set` (gold in `tests/gold/{set}`, texts in `tests/fixtures/{set}`) and
/// fails below its floors.
fn held_out_set_meets_the_floors(
    set: &str,
    floors: &[(Kind, f64, f64)],
    micro_floor: f64,
    max_metadata: usize,
) {
    let (gold, fixtures) = (format!("tests/gold/{set}"), format!("tests/fixtures/{set}"));
    let mut errors = Vec::new();
    check_pairs(&gold, &fixtures, &mut errors);
    let mut metadata = Vec::new();
    let scores = evaluate(&gold, &fixtures, false, &mut metadata);
    report(set, &scores);
    if !is_held_out(&gold) {
        for m in &metadata {
            println!("{set}: metadata: {m}");
        }
    }
    println!("{set}: {} documents with a wrong title or date", metadata.len());
    if metadata.len() > max_metadata {
        errors.push(format!(
            "{} documents with a wrong title or date, more than {max_metadata}",
            metadata.len()
        ));
    }
    for &(kind, p, r) in floors {
        let s = scores[&kind];
        if s.precision() < p || s.recall() < r {
            errors.push(format!(
                "{kind}: precision {:.3} recall {:.3} below the floor {p:.2}/{r:.2}",
                s.precision(),
                s.recall()
            ));
        }
    }
    let m = micro(&scores);
    if m.f1() < micro_floor {
        errors.push(format!("micro F1 {:.3} below the floor {micro_floor:.2}", m.f1()));
    }
    assert!(errors.is_empty(), "{set}: {}", errors.join("\n"));
}
