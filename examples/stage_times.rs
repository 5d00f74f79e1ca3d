//! Times each stage of `build` on one thread over a corpus directory, in MB/s of input text.
//!
//! `cargo run --release --example stage_times -- /tmp/corpus10` (make the corpus with the
//! `make_corpus` example). The stages are those `diplograph build` runs on each file; `build`
//! runs them on every core, then saves. Times are summed over the files.

use diplograph::emit;
use diplograph::extract::{self, lexicon::Lexicon};
use diplograph::pipeline;
use diplograph::relate::{self, DocumentContext};
use diplograph::resolve;
use diplograph::storage::Snapshot;
use diplograph::text::{self, NormText};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The stages timed, in the order they are reported; the constants below index them.
const STAGES: [&str; 8] = [
    "decode",
    "normalize",
    "segment",
    "extract",
    "resolve",
    "relate",
    "analyze (all of the above, located)",
    "statements formatted and sorted",
];
const DECODE: usize = 0;
const NORMALIZE: usize = 1;
const SEGMENT: usize = 2;
const EXTRACT: usize = 3;
const RESOLVE: usize = 4;
const RELATE: usize = 5;
const ANALYZE: usize = 6;
const FORMAT: usize = 7;

fn main() {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: stage_times DIR");
        std::process::exit(2);
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let inputs: Vec<(String, Vec<u8>)> =
        files.iter().map(|p| (p.display().to_string(), std::fs::read(p).expect("readable file"))).collect();
    let bytes: usize = inputs.iter().map(|(_, b)| b.len()).sum();
    let started = Instant::now();
    let lexicon = Lexicon::get();
    let rules = relate::Rules::new(lexicon);
    let startup = started.elapsed();
    let mut times = [Duration::ZERO; STAGES.len()];
    let mut timed = |stage: usize, started: Instant| times[stage] += started.elapsed();
    for (_, raw) in &inputs {
        let t = Instant::now();
        let Ok((original, _)) = text::decode(raw) else { continue };
        timed(DECODE, t);
        let t = Instant::now();
        let norm = NormText::new(&original);
        timed(NORMALIZE, t);
        let t = Instant::now();
        let segments = text::segment(norm.as_str(), None);
        timed(SEGMENT, t);
        for segment in segments {
            let body = &norm.as_str()[segment.range.clone()];
            let t = Instant::now();
            let mentions = extract::extract(body, lexicon);
            timed(EXTRACT, t);
            let t = Instant::now();
            let resolved = resolve::resolve(&mentions, lexicon);
            timed(RESOLVE, t);
            let t = Instant::now();
            let context = DocumentContext {
                title: segment.title.clone(),
                date: segment.date,
                signed: segment.signed,
                own_treaty: None,
                place: segment.place.clone(),
            };
            relate::relate(body, &mentions, &resolved.mention_entity, &resolved.entities, &context, &rules);
            timed(RELATE, t);
        }
    }
    let mut snapshot = Snapshot::default();
    let mut triples = 0;
    for (path, raw) in &inputs {
        let t = Instant::now();
        let Ok(documents) = pipeline::analyze(path, raw) else { continue };
        timed(ANALYZE, t);
        let t = Instant::now();
        for doc in documents {
            let lines = emit::document_lines(&doc);
            triples += lines.len();
            snapshot.replace_graph(&doc.iri, lines);
        }
        timed(FORMAT, t);
    }
    let store = std::env::temp_dir().join(format!("stage_times-{}.nq", std::process::id()));
    let t = Instant::now();
    snapshot.save(&store).expect("saved snapshot");
    let save = t.elapsed();
    let t = Instant::now();
    let reloaded = Snapshot::open(&store, false).expect("reloaded snapshot");
    let load = t.elapsed();
    let stored = std::fs::metadata(&store).map_or(0, |m| m.len());
    let _ = std::fs::remove_file(&store);
    assert_eq!(reloaded.len(), snapshot.len());

    let mb = bytes as f64 / 1e6;
    println!(
        "{} files, {mb:.1} MB of text, {triples} triples, store {:.0} MB",
        inputs.len(),
        stored as f64 / 1e6
    );
    println!("gazetteer automata (once): {:.2} s", startup.as_secs_f64());
    let row = |name: &str, d: Duration| {
        println!("{name:<36} {:>7.2} s {:>8.1} MB/s", d.as_secs_f64(), mb / d.as_secs_f64());
    };
    for (name, time) in STAGES.iter().zip(times) {
        row(name, time);
    }
    let per_second = |d: Duration| triples as f64 / d.as_secs_f64() / 1e6;
    println!(
        "{:<36} {:>7.2} s {:>8.2} M triples/s",
        "snapshot save (with fsync)",
        save.as_secs_f64(),
        per_second(save)
    );
    println!("{:<36} {:>7.2} s {:>8.2} M triples/s", "snapshot load", load.as_secs_f64(), per_second(load));
}
