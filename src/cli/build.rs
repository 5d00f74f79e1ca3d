//! `diplograph build`: read files and directories, store their documents.

use super::{plural, StoreArg};
use anyhow::Context;
use diplograph::model::Kind;
use diplograph::pipeline::{self, BuildConfig};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Build the graph from text, HTML, PDF and Word (.docx) files, or directories of them
///
/// A file's format is told by its content; directories give their .txt, .html/.htm, .pdf and .docx
/// files, recursively
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  diplograph build seeds\n  diplograph build --store corpus.nq statements/ extra.txt\n  \
diplograph build --metadata sources.csv pages/ statement.pdf\n  \
diplograph build seeds --push http://127.0.0.1:7879/store\n    (to an Oxigraph server started with `oxigraph serve --location db --bind 127.0.0.1:7879`,\n    a port other than diplograph serve's 7878; Fuseki: http://HOST:3030/DATASET/data)"
)]
pub struct BuildArgs {
    /// Files or directories to read
    #[arg(required = true, value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
    /// Files analysed in parallel (0: one per core)
    #[arg(long, short, default_value_t = 0)]
    pub jobs: usize,
    /// After saving, send each built document's graph (and the ontology and gazetteer graphs) to
    /// this SPARQL 1.1 Graph Store Protocol endpoint: one PUT per graph, replacing it; graphs of
    /// documents that are gone are deleted there; then the merged default graph, so `--endpoint`
    /// queries see what local ones do
    #[arg(long, value_name = "URL")]
    pub push: Option<String>,
    /// A CSV or JSON-lines file describing the sources: columns path (a path or glob, relative to
    /// this file), date, title, url, language; other columns become document properties. What it
    /// gives overrides what the text and the page say, and documents record that it did
    #[arg(long, value_name = "FILE")]
    pub metadata: Option<PathBuf>,
    #[command(flatten)]
    pub store: StoreArg,
}

pub fn run(args: BuildArgs) -> anyhow::Result<ExitCode> {
    use std::io::IsTerminal;
    let progress = std::io::stderr().is_terminal();
    let config = BuildConfig {
        inputs: args.paths,
        store: args.store.store.clone(),
        jobs: args.jobs,
        progress,
        push: args.push,
        metadata: args.metadata,
    };
    let report = pipeline::build(&config)
        .with_context(|| format!("build into `{}` failed", config.store.display()))?;
    for skipped in &report.skipped {
        eprintln!("diplograph: skipped `{}`: {}", skipped.path, skipped.reason);
    }
    let mut out = std::io::stdout().lock();
    let encodings: Vec<String> = report.encodings.iter().map(|(e, n)| format!("{e} ×{n}")).collect();
    writeln!(
        out,
        "built {} from {} ({}) into {}",
        plural(report.documents, "document", "documents"),
        plural(report.files, "file", "files"),
        encodings.join(", "),
        config.store.display()
    )?;
    writeln!(out, "{:<14}{:>10}{:>10}", "kind", "mentions", "entities")?;
    for kind in Kind::ALL {
        let mentions = report.mentions.get(&kind).copied().unwrap_or(0);
        let entities = report.entities.get(&kind).copied().unwrap_or(0);
        writeln!(out, "{:<14}{mentions:>10}{entities:>10}", kind.name())?;
    }
    writeln!(
        out,
        "facts: {}  triples: {}  skipped files: {}  seconds: {:.2}",
        report.facts,
        report.triples,
        report.skipped.len(),
        report.seconds
    )?;
    if let (Some(pushed), Some(url)) = (report.pushed, &config.push) {
        writeln!(
            out,
            "pushed {} ({}) to {}, deleted {} there",
            plural(pushed.graphs, "graph", "graphs"),
            plural(pushed.triples, "triple", "triples"),
            diplograph::push::Endpoint::new(url)?.url(),
            pushed.deleted
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
