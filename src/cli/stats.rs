//! `diplograph stats`: what the store holds.

use super::StoreArg;
use diplograph::extract::Kind;
use diplograph::stats::Stats;
use diplograph::storage::Snapshot;
use std::process::ExitCode;

/// Show documents, entities by kind, mentions, facts and triples in the store
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  diplograph stats --store corpus.nq")]
pub struct StatsArgs {
    #[command(flatten)]
    pub store: StoreArg,
}

pub fn run(args: StatsArgs) -> anyhow::Result<ExitCode> {
    let stats = Stats::of_snapshot(&Snapshot::open(&args.store.store, false)?);
    println!("store: {}", args.store.store.display());
    println!("documents: {}", stats.documents);
    println!("entities:");
    for kind in Kind::ALL {
        println!("  {:<14}{:>6}", kind.name(), stats.entities.get(&kind).copied().unwrap_or(0));
    }
    println!("mentions: {}", stats.mentions);
    println!("facts: {}", stats.facts);
    println!("triples: {}", stats.triples);
    Ok(ExitCode::SUCCESS)
}
