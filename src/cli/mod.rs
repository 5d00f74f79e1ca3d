//! Command-line interface: clap types, one file per subcommand. Only this module knows clap.

mod analyze;
mod build;
mod choice;
mod dossier;
mod explain;
mod export;
mod extract;
mod graph_args;
mod query;
mod rows;
mod serve;
mod stats;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// The default store file.
pub const DEFAULT_STORE: &str = "diplograph.nq";

/// Build a knowledge graph from Chinese-language diplomatic documents and query it with SPARQL.
#[derive(Debug, Parser)]
#[command(name = "diplograph", version, about, long_about = None, after_help = "Quick start:\n  diplograph build seeds\n  diplograph stats\n  diplograph query documents")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Build(build::BuildArgs),
    Query(query::QueryArgs),
    Stats(stats::StatsArgs),
    Extract(extract::ExtractArgs),
    Explain(explain::ExplainArgs),
    Dossier(dossier::DossierArgs),
    Serve(serve::ServeArgs),
    Analyze(analyze::AnalyzeArgs),
    Export(export::ExportArgs),
}

/// The `--store` option shared by every command that reads or writes the store.
#[derive(Debug, Clone, clap::Args)]
pub struct StoreArg {
    /// The store: an N-Quads file, or a directory (a path ending in `/`, e.g. archive.db/) for the
    /// indexed on-disk store of the `rocksdb` feature
    #[arg(long, value_name = "PATH", default_value = DEFAULT_STORE)]
    pub store: PathBuf,
}

/// Where the read-only commands find the graph: the store file, or a SPARQL endpoint.
#[derive(Debug, Clone, clap::Args)]
pub struct SourceArg {
    /// The store: an N-Quads file, or a directory (a path ending in `/`, e.g. archive.db/) for the
    /// indexed on-disk store of the `rocksdb` feature
    #[arg(long, value_name = "PATH", default_value = DEFAULT_STORE)]
    pub store: PathBuf,
    /// Ask this SPARQL 1.1 query endpoint instead of a store file: a server `build --push` filled
    /// (for `oxigraph serve`: http://HOST:PORT/query)
    #[arg(long, value_name = "URL", conflicts_with = "store")]
    pub endpoint: Option<String>,
    /// With --endpoint: the longest wait for one answer, in seconds [default: 600]
    #[arg(long, value_name = "SECONDS", requires = "endpoint")]
    pub endpoint_timeout: Option<u64>,
}

impl SourceArg {
    /// Like [`SourceArg::open`], but a store file loads only the statements `needs` names.
    pub fn open_needing(
        &self,
        needs: &diplograph::query::Needs,
    ) -> anyhow::Result<diplograph::source::Source> {
        use diplograph::storage::{GraphStore, Selection};
        if self.endpoint.is_some() || *needs == diplograph::query::Needs::Everything {
            return self.open();
        }
        let selection = Selection { wants: &|p, o| needs.wants(p, o), named_graphs: needs.named_graphs() };
        Ok(diplograph::source::Source::Local(GraphStore::open_for_query_selecting(&self.store, &selection)?))
    }

    /// The graph `p` projects from the store. A store file loads only what the projection reads:
    /// first what the build's projection of the whole store needs, and the documents' statements
    /// only when that does not answer `p` (dates, co-mentions, a store built before it was kept).
    pub fn project(
        &self,
        p: &diplograph::graph::Projection,
    ) -> anyhow::Result<diplograph::graph::EntityGraph> {
        use diplograph::graph;
        let source = self.open_needing(&graph::precomputed::needs())?;
        if let Some(projected) = graph::precomputed::read(&source, p)? {
            return Ok(projected);
        }
        if self.endpoint.is_none() && !diplograph::storage::is_indexed(&self.store) {
            let source = self.open_needing(&graph::needs(p))?;
            return Ok(graph::from_documents(&source, p)?);
        }
        Ok(graph::from_documents(&source, p)?)
    }

    /// Opens the store file for querying, or checks the endpoint (it answers, and its default
    /// graph shows the documents).
    pub fn open(&self) -> anyhow::Result<diplograph::source::Source> {
        use diplograph::source::Source;
        Ok(match &self.endpoint {
            Some(url) => {
                let timeout = self
                    .endpoint_timeout
                    .map(std::time::Duration::from_secs)
                    .unwrap_or(diplograph::query::remote::DEFAULT_TIMEOUT);
                let (source, warning) = Source::remote(url, timeout)?;
                if let Some(warning) = warning {
                    eprintln!("diplograph: warning: {warning}");
                }
                source
            }
            None => Source::local(&self.store)?,
        })
    }
}

/// A command-line error as one line, naming the argument and the valid values.
pub fn one_line_error(error: &clap::Error) -> String {
    choice::one_line(error)
}

/// `n` and the word for `n` things: `1 document`, `2 documents`, `0 documents`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Runs the parsed command.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Build(args) => build::run(args),
        Command::Query(args) => query::run(args),
        Command::Stats(args) => stats::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Dossier(args) => dossier::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Analyze(args) => analyze::run(args),
        Command::Export(args) => export::run(args),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
