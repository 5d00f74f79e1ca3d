//! `diplograph extract`: what one file holds, for a quick look or for scripts (no store involved).

use anyhow::Context;
use diplograph::pipeline;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Print the documents and mentions found in a file (kind, surface, span, resolved entity)
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Spans are character offsets into the file's decoded text.\n\nExamples:\n  diplograph extract seeds/000_8485a5dca28439e8.txt\n  diplograph extract --format jsonl statement.txt | jq .surface"
)]
pub struct ExtractArgs {
    /// The file to read
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Output format (jsonl: one JSON object per mention)
    #[arg(long, short, value_enum, default_value_t = MentionFormat::Text, ignore_case = true)]
    pub format: MentionFormat,
}

/// How mentions are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MentionFormat {
    // A heading per document, a line per mention
    Text,
    // One JSON object per mention and line
    Jsonl,
}

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let path = args.file.display().to_string();
    let bytes = pipeline::read_file(&args.file)
        .map_err(|reason| anyhow::anyhow!("cannot read `{path}`: {reason}"))?;
    let documents = pipeline::analyze(&path, &bytes).with_context(|| format!("cannot read `{path}`"))?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for doc in &documents {
        if args.format == MentionFormat::Text {
            writeln!(
                out,
                "# document {} [{}..{}] {} ({})",
                doc.index,
                doc.span.start,
                doc.span.end,
                doc.title,
                doc.date.map_or_else(|| "no date".to_owned(), |d| d.to_string())
            )?;
        }
        for m in &doc.mentions {
            let e = &doc.entities[m.entity];
            if args.format == MentionFormat::Jsonl {
                let record = serde_json::json!({
                    "document": doc.index, "document_iri": doc.iri, "kind": e.kind.name(), "surface": m.surface,
                    "start": m.start, "end": m.end, "entity": e.iri, "label": e.label_zh, "label_en": e.label_en,
                    "wikidata": e.wikidata,
                });
                writeln!(out, "{record}")?;
            } else {
                writeln!(
                    out,
                    "{:<13}{:>6}..{:<6} {}  → {}",
                    e.kind.name(),
                    m.start,
                    m.end,
                    m.surface,
                    e.label_zh
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
