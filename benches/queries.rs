//! Each named query, warm (the store loaded once, as `serve` holds it) and end to end as `query`
//! runs it (loading only what the query can match, then answering); and the graph `analyze` and
//! `export` project, warm, from the projection `build` keeps and from the documents, with the
//! scores `analyze` computes on it.
//!
//! The store is the seeds' unless `DIPLOGRAPH_BENCH_STORE` names a store file, e.g. one built from
//! `make_corpus 10` (1 M triples) or from a newspaper archive:
//! `DIPLOGRAPH_BENCH_STORE=/tmp/c10.nq cargo bench --bench queries`.

use criterion::{criterion_group, criterion_main, Criterion};
use diplograph::graph::{metrics, project, Projection};
use diplograph::queries::NAMED_QUERIES;
use diplograph::query::{self, Needs, QueryOptions, ResultFormat};
use diplograph::storage::{GraphStore, Selection};
use std::path::PathBuf;
use std::time::Duration;

/// The store file to measure on: the one named, else the seeds built into a temporary file.
fn store_file() -> (PathBuf, Option<tempfile::TempDir>) {
    if let Some(path) = std::env::var_os("DIPLOGRAPH_BENCH_STORE") {
        return (PathBuf::from(path), None);
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("seeds.nq");
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let config = diplograph::pipeline::BuildConfig {
        inputs: vec![seeds],
        store: path.clone(),
        jobs: 0,
        progress: false,
        push: None,
        metadata: None,
    };
    diplograph::pipeline::build(&config).unwrap();
    (path, Some(dir))
}

fn answer(store: &GraphStore, sparql: &str) -> usize {
    let options = QueryOptions { results: ResultFormat::Csv, ..QueryOptions::default() };
    let mut out = Vec::new();
    query::run_with(store.inner(), sparql, &options, &mut out).unwrap();
    out.len()
}

fn named_queries(c: &mut Criterion) {
    let (path, _dir) = store_file();
    let whole = GraphStore::open_for_query(&path).unwrap();
    let runnable: Vec<_> =
        NAMED_QUERIES.iter().filter(|q| !q.header().params.iter().any(|p| p.required)).collect();
    let mut warm = c.benchmark_group("warm");
    warm.sample_size(10).measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));
    for q in &runnable {
        warm.bench_function(q.name, |b| b.iter(|| answer(&whole, q.text)));
    }
    warm.finish();
    let mut graph = c.benchmark_group("graph");
    graph.sample_size(10).measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));
    let kept = Projection::default();
    // A date every dated document passes: about the same graph, read from the documents.
    let documents = Projection { since: diplograph::model::Date::parse("1000"), ..Projection::default() };
    graph
        .bench_function("project (kept)", |b| b.iter(|| project(whole.inner(), &kept).unwrap().node_count()));
    graph.bench_function("project (documents)", |b| {
        b.iter(|| project(whole.inner(), &documents).unwrap().node_count())
    });
    let projected = project(whole.inner(), &kept).unwrap();
    graph.bench_function("metrics", |b| b.iter(|| metrics(&projected).len()));
    graph.finish();
    drop(whole);
    let mut cold = c.benchmark_group("end-to-end");
    cold.sample_size(10).measurement_time(Duration::from_secs(5)).warm_up_time(Duration::from_secs(1));
    for q in &runnable {
        let needs = Needs::of(q.text);
        cold.bench_function(q.name, |b| {
            b.iter(|| {
                let selection =
                    Selection { wants: &|p, o| needs.wants(p, o), named_graphs: needs.named_graphs() };
                let store = match &needs {
                    Needs::Everything => GraphStore::open_for_query(&path).unwrap(),
                    _ => GraphStore::open_for_query_selecting(&path, &selection).unwrap(),
                };
                answer(&store, q.text)
            })
        });
    }
    cold.finish();
}

criterion_group!(benches, named_queries);
criterion_main!(benches);
