//! The integration tests, in one binary (one link, one seeds store per run): the real `diplograph`
//! binary on the seeds, the fixtures and bad input, the gold scores, and snapshots of its output.
//!
//! Run one part with a filter: `cargo test --test it gold_entities -- --nocapture`.

mod analyze;
mod cli;
mod common;
mod dates;
mod dossier;
mod endpoint;
mod events;
mod explorer;
mod export;
mod export_readers;
mod gold_entities;
mod gold_relations;
mod indexed;
mod input_formats;
mod named_queries;
mod push;
mod robustness;
mod serve;
mod snapshots;
mod typed_values;
