//! `diplograph dossier`: the timeline of two countries or leaders, with the evidence for each fact.

use super::rows::{write_rows, Cell, RowFormat};
use super::{plural, SourceArg};
use diplograph::dossier::{dossier, Entry};
use std::io::Write;
use std::process::ExitCode;

/// The timeline of two countries or leaders: visits, meetings, signings, citations, partnership levels
#[derive(Debug, clap::Args)]
#[command(
    after_help = "A and B are labels (中国, 普京), short names (country:KZ, leader:vladimir-putin) or IRIs of countries or leaders.\n\
A country stands with its leaders (their visits and meetings count); a leader stands alone, with the signings,\n\
citations and partnership levels of their country only from documents reporting a visit or meeting of the two.\n\
Facts are in date order (date_source: stated by the fact, else the document's date), undated last, each once:\n\
an event several documents report shows its earliest report and the number of documents (reports); spans are\n\
character offsets into the source file. The table shortens the evidence; CSV and JSON hold it whole.\n\n\
Examples:\n  diplograph dossier 中国 哈萨克斯坦\n  diplograph dossier 习近平 普京 --format json\n  diplograph dossier country:CN country:MN --format csv > cn-mn.csv"
)]
pub struct DossierArgs {
    /// The first country or leader
    #[arg(value_name = "A")]
    pub a: String,
    /// The second country or leader
    #[arg(value_name = "B")]
    pub b: String,
    /// Output format (JSON keeps numbers as numbers)
    #[arg(long, short, value_enum, default_value_t = RowFormat::Table, ignore_case = true)]
    pub format: RowFormat,
    #[command(flatten)]
    pub store: SourceArg,
}

const HEADER: [&str; 12] = [
    "date",
    "date_source",
    "kind",
    "between",
    "detail",
    "source_file",
    "start",
    "end",
    "evidence",
    "fact",
    "document",
    "reports",
];

/// The evidence as the table shows it: at most this many characters.
const TABLE_EVIDENCE: usize = 60;

fn row(e: &Entry, format: RowFormat) -> Vec<Cell> {
    let evidence = if format == RowFormat::Table && e.evidence.chars().count() > TABLE_EVIDENCE {
        format!("{}…", e.evidence.chars().take(TABLE_EVIDENCE).collect::<String>())
    } else {
        e.evidence.clone()
    };
    vec![
        Cell::text(e.date.clone().unwrap_or_default()),
        Cell::text(e.date_source.map(|s| s.name()).unwrap_or_default()),
        Cell::text(e.kind.name()),
        Cell::text(&e.between),
        Cell::text(&e.detail),
        Cell::text(&e.source_file),
        Cell::Int(e.span.0),
        Cell::Int(e.span.1),
        Cell::text(evidence),
        Cell::text(&e.fact),
        Cell::text(&e.document),
        Cell::Int(e.reports as u64),
    ]
}

pub fn run(args: DossierArgs) -> anyhow::Result<ExitCode> {
    let source = args.store.open()?;
    let d = dossier(&source, &args.a, &args.b)?;
    let mut out = std::io::stdout().lock();
    let who = format!("{} <{}> and {} <{}>", d.a.label, d.a.iri, d.b.label, d.b.iri);
    if d.entries.is_empty() {
        let none = format!("no visits, meetings, signings, citations or partnership levels between {who}");
        if args.format == RowFormat::Table {
            writeln!(out, "{none}")?;
            return Ok(ExitCode::SUCCESS);
        }
        eprintln!("diplograph: {none}");
    } else {
        eprintln!("diplograph: {} between {who}", plural(d.entries.len(), "fact", "facts"));
    }
    let rows: Vec<Vec<Cell>> = d.entries.iter().map(|e| row(e, args.format)).collect();
    write_rows(&mut out, args.format, &HEADER, &rows, &["fact", "document"])?;
    Ok(ExitCode::SUCCESS)
}
