//! Throughput of each stage on the seeds (MB/s and triples/s): decode + normalize, extract,
//! resolve + relate, the whole analysis, statements formatted per graph (what `build` stores),
//! store insert, and snapshot save and load (the `build` path and the indexed query path).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use diplograph::extract::lexicon::Lexicon;
use diplograph::model::AnalyzedDocument;
use diplograph::pipeline;
use diplograph::storage::GraphStore;
use diplograph::storage::Snapshot;
use diplograph::text::{self, NormText};
use std::hint::black_box;

fn seeds() -> Vec<(String, Vec<u8>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| (e.path().display().to_string(), std::fs::read(e.path()).unwrap()))
        .collect();
    files.sort();
    files
}

fn stages(c: &mut Criterion) {
    let files = seeds();
    let bytes: u64 = files.iter().map(|(_, b)| b.len() as u64).sum();
    let lexicon = Lexicon::get();
    let mut group = c.benchmark_group("stages");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("decode+normalize+segment", |b| {
        b.iter(|| {
            for (_, bytes) in &files {
                let (t, _) = text::decode(bytes).unwrap();
                let n = NormText::new(&t);
                black_box(text::segment(n.as_str(), None));
            }
        })
    });
    let normalized: Vec<String> =
        files.iter().map(|(_, b)| NormText::new(&text::decode(b).unwrap().0).as_str().to_owned()).collect();
    group.bench_function("extract", |b| {
        b.iter(|| {
            for n in &normalized {
                black_box(diplograph::extract::extract(n, lexicon));
            }
        })
    });
    group.bench_function("analyze (all stages to facts)", |b| {
        b.iter(|| {
            for (name, bytes) in &files {
                black_box(pipeline::analyze(name, bytes).unwrap());
            }
        })
    });
    let docs: Vec<AnalyzedDocument> =
        files.iter().flat_map(|(name, bytes)| pipeline::analyze(name, bytes).unwrap()).collect();
    let quads: Vec<_> = docs.iter().map(|d| (d.iri.clone(), diplograph::emit::document_quads(d))).collect();
    let triples: u64 = quads.iter().map(|(_, q)| q.len() as u64).sum();
    group.throughput(Throughput::Elements(triples));
    group.bench_function("format statements per graph (triples)", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(diplograph::emit::document_lines(d));
            }
        })
    });
    group.bench_function("store insert (triples)", |b| {
        b.iter(|| {
            let store = GraphStore::new().unwrap();
            for (g, q) in &quads {
                store.replace_graph(g, q).unwrap();
            }
            black_box(store.len())
        })
    });
    let store = GraphStore::new().unwrap();
    for (g, q) in &quads {
        store.replace_graph(g, q).unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.nq");
    group.bench_function("indexed store save (triples)", |b| b.iter(|| store.save(&path).unwrap()));
    group.bench_function("indexed store load, for queries (triples)", |b| {
        b.iter(|| black_box(GraphStore::open(&path, false).unwrap().len()))
    });
    let mut snapshot = Snapshot::default();
    for d in &docs {
        snapshot.replace_graph(&d.iri, diplograph::emit::document_lines(d));
    }
    group.bench_function("build snapshot save (triples)", |b| b.iter(|| snapshot.save(&path).unwrap()));
    group.bench_function("build snapshot load (triples)", |b| {
        b.iter(|| black_box(Snapshot::open(&path, false).unwrap().len()))
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
