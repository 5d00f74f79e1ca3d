//! `diplograph stats`: what the store holds.

use super::StoreArg;
use diplograph::model::Kind;
use diplograph::stats::Stats;
use diplograph::storage;
use std::io::Write;
use std::process::ExitCode;

/// Show documents, entities by kind, mentions, facts and triples in the store
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  diplograph stats --store corpus.nq")]
pub struct StatsArgs {
    #[command(flatten)]
    pub store: StoreArg,
}

pub fn run(args: StatsArgs) -> anyhow::Result<ExitCode> {
    let path = &args.store.store;
    let kept = storage::counts_path(path).and_then(|p| std::fs::read_to_string(p).ok());
    let stats = if let Some(stats) = kept.as_deref().and_then(Stats::from_text) {
        stats
    } else if storage::is_indexed(path) {
        // Counted where it lies: making a snapshot of it first read every quad twice.
        let store = storage::GraphStore::open_for_query(path)?;
        Stats::of_store(store.inner())
            .map_err(|e| anyhow::anyhow!("cannot count `{}`: {e}", path.display()))?
    } else {
        Stats::of_snapshot(&storage::open_snapshot(path)?)
    };
    let mut out = std::io::stdout().lock();
    writeln!(out, "store: {}", args.store.store.display())?;
    writeln!(out, "documents: {}", stats.documents)?;
    writeln!(out, "entities:")?;
    for kind in Kind::ALL {
        writeln!(out, "  {:<14}{:>6}", kind.name(), stats.entities.get(&kind).copied().unwrap_or(0))?;
    }
    writeln!(out, "mentions: {}", stats.mentions)?;
    writeln!(out, "facts: {}", stats.facts)?;
    writeln!(out, "triples: {}", stats.triples)?;
    Ok(ExitCode::SUCCESS)
}
