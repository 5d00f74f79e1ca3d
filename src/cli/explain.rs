//! `diplograph explain`: the facts about an entity, or one fact, with their source sentences.

use super::{plural, SourceArg};
use diplograph::explain::explain;
use std::io::Write;
use std::process::ExitCode;

/// Show the facts about an entity (or one fact) with the sentences they come from
#[derive(Debug, clap::Args)]
#[command(
    after_help = "TARGET is a label (普京, 一带一路), a short name (country:KZ, leader:vladimir-putin) or a full IRI of an entity or fact.\n\
Evidence mentions are marked 【like this】; spans are character offsets into the source file's text\n\
(for an HTML, PDF or Word source, the text it was converted to, stored as the document's dg:text),\n\
with the PDF page and the source URL where known.\n\n\
Examples:\n  diplograph explain 呼日勒苏赫\n  diplograph explain country:KZ"
)]
pub struct ExplainArgs {
    /// The entity or fact to explain
    #[arg(value_name = "TARGET")]
    pub target: String,
    /// Show at most this many facts
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    #[command(flatten)]
    pub store: SourceArg,
}

pub fn run(args: ExplainArgs) -> anyhow::Result<ExitCode> {
    let source = args.store.open()?;
    let e = explain(&source, &args.target, args.limit)?;
    let mut out = std::io::stdout().lock();
    if e.label.is_empty() && e.mentions == 0 {
        // A fact (or an entity no document mentions): what it is, then its statements below.
        writeln!(out, "{} {}", e.kind, e.target)?;
    } else {
        writeln!(out, "{} ({}) {}", e.label, e.kind, e.target)?;
        writeln!(
            out,
            "mentioned {} in {}; {}",
            plural(e.mentions, "time", "times"),
            plural(e.documents, "document", "documents"),
            plural(e.fact_count, "fact", "facts")
        )?;
    }
    for f in &e.facts {
        writeln!(out)?;
        let attrs: Vec<String> = f.attributes.iter().map(|(k, v)| format!("{k}={v}")).collect();
        writeln!(out, "{} {}", f.kind, attrs.join(" "))?;
        for (role, names) in &f.roles {
            writeln!(out, "  {role}: {}", names.join(", "))?;
        }
        if f.reports.len() > 1 {
            writeln!(out, "  reported by {}", plural(f.reports.len(), "sentence", "sentences"))?;
        }
        for r in &f.reports {
            let page = r.page.map(|p| format!(" page {p}")).unwrap_or_default();
            writeln!(out, "  source: {}{page} [{}..{}] {}", r.source_file, r.span.0, r.span.1, r.title)?;
            if let Some(url) = &r.source_url {
                writeln!(out, "  url: {url}")?;
            }
            writeln!(out, "  “{}”", r.evidence)?;
        }
    }
    if e.fact_count > e.facts.len() {
        writeln!(out, "\n… {} more (use --limit)", e.fact_count - e.facts.len())?;
    }
    Ok(ExitCode::SUCCESS)
}
