//! `diplograph analyze`: centralities, components and communities (as rows or scored GraphML);
//! shortest paths and ego networks with their evidence in [`hops`].

mod hops;

use super::graph_args::ProjectionArgs;
use super::rows::{write_rows, Cell, RowFormat};
use super::{plural, SourceArg};
use diplograph::graph::{self, EntityGraph, Metrics};
use diplograph::{emit, vocab};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Analyse the graph: degree, PageRank, betweenness, closeness, components, Louvain communities
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Components and communities are numbered by size: 0 is the largest. The table leaves out the iri and \
wikidata columns (CSV and JSON have them); JSON numbers are numbers.\n\
In path and ego rows, direction → reads from → to (path) or via → entity (ego), ← the other way.\n\n\
Examples:\n  diplograph analyze --top 10\n  diplograph analyze --kinds Country --comention --format csv\n  diplograph analyze --format graphml --output scores.graphml   # open in Gephi\n  diplograph analyze path 呼日勒苏赫 普京\n  diplograph analyze ego country:KZ --depth 1\n  diplograph analyze --write-back   # then: ORDER BY DESC(?r) with ?e dg:pageRank ?r"
)]
pub struct AnalyzeArgs {
    #[command(subcommand)]
    pub action: Option<Action>,
    /// Output format: JSON keeps numbers as numbers; graphml is the whole scored graph, for Gephi (scores only)
    #[arg(long, short, value_enum, default_value_t = AnalyzeFormat::Table, ignore_case = true, global = true)]
    pub format: AnalyzeFormat,
    /// Write to this file instead of standard output
    #[arg(long, short, value_name = "FILE", global = true)]
    pub output: Option<PathBuf>,
    /// Show only the N highest PageRank entities (0 shows all; GraphML always has every entity)
    #[arg(long, default_value_t = 0)]
    pub top: usize,
    /// Store the scores in the analysis graph of the store, for SPARQL
    #[arg(long, conflicts_with = "endpoint")]
    pub write_back: bool,
    #[command(flatten)]
    pub projection: ProjectionArgs,
    #[command(flatten)]
    pub store: SourceArg,
}

/// How the results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AnalyzeFormat {
    // An aligned text table
    Table,
    // Comma-separated values with a header line
    Csv,
    // An array of JSON objects, numbers as numbers
    Json,
    // The scored graph as GraphML (every entity, its scores as typed keys), for Gephi
    Graphml,
}

impl AnalyzeFormat {
    /// The row format, or an error for GraphML outside the scores.
    fn rows(self, what: &str) -> anyhow::Result<RowFormat> {
        Ok(match self {
            Self::Table => RowFormat::Table,
            Self::Csv => RowFormat::Csv,
            Self::Json => RowFormat::Json,
            Self::Graphml => {
                anyhow::bail!("`--format graphml` writes the scores; {what} are rows (table, csv or json)")
            }
        })
    }
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// The shortest path between two entities: each hop with its relations, their direction, first and
    /// last dates and a supporting document
    Path {
        /// Entity: label, short name (country:KZ) or IRI
        from: String,
        /// Entity: label, short name or IRI
        to: String,
    },
    /// The entities within DEPTH hops of an entity, each with how it is connected to the hop before
    Ego {
        /// Entity: label, short name or IRI
        entity: String,
        /// Hops
        #[arg(long, default_value_t = 1)]
        depth: usize,
    },
}

/// Standard output, or the `--output` file.
fn output(path: &Option<PathBuf>) -> anyhow::Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).map_err(|e| anyhow::anyhow!("cannot write `{}`: {e}", p.display()))?,
        )),
        None => Box::new(std::io::stdout().lock()),
    })
}

pub fn run(args: AnalyzeArgs) -> anyhow::Result<ExitCode> {
    let projection = args.projection.projection();
    if let Some(action) = &args.action {
        // Paths and ego networks look up more than the projection reads (documents, source files).
        let source = args.store.open()?;
        let g = graph::project(&source, &projection)?;
        let format = args.format.rows("paths and ego networks")?;
        let mut out = output(&args.output)?;
        hops::run(&source, &g, action, format, &mut out)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let g = args.store.project(&projection)?;
    let mut metrics = graph::metrics(&g);
    if args.write_back {
        let quads = emit::analysis_quads(&g, &metrics);
        diplograph::storage::store_graph(&args.store.store, &vocab::analysis_graph(), &quads)?;
        // The snapshot it published answers the named queries from what is kept, as a build's does.
        diplograph::answers::save_for_current(&args.store.store)?;
        eprintln!(
            "diplograph: stored the scores of {} in <{}>",
            plural(metrics.len(), "entity", "entities"),
            vocab::analysis_graph()
        );
    }
    let (nodes, edges) = (g.node_count(), g.edge_count());
    eprintln!(
        "diplograph: {}, {}",
        plural(nodes, "entity", "entities"),
        plural(edges, "relation", "relations")
    );
    let mut out = output(&args.output)?;
    if args.format == AnalyzeFormat::Graphml {
        let extra: Vec<Vec<String>> = metrics.iter().map(score_values).collect();
        diplograph::export::write_graphml_with(&g, SCORE_KEYS, &extra, &mut out)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    metrics.sort_by(|a, b| b.page_rank.total_cmp(&a.page_rank).then(g[a.node].iri.cmp(&g[b.node].iri)));
    if args.top > 0 {
        metrics.truncate(args.top);
    }
    let rows: Vec<Vec<Cell>> = metrics.iter().map(|m| score_row(&g, m)).collect();
    write_rows(&mut out, args.format.rows("scores")?, &SCORE_HEADER, &rows, &["iri", "wikidata"])?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

const SCORE_HEADER: [&str; 12] = [
    "entity",
    "kind",
    "iri",
    "wikidata",
    "documents",
    "degree",
    "weighted",
    "pagerank",
    "betweenness",
    "closeness",
    "component",
    "community",
];

/// The scores as GraphML keys, beside the entity keys the export writes.
const SCORE_KEYS: &[(&str, &str)] = &[
    ("degree", "int"),
    ("weighted_degree", "int"),
    ("pagerank", "double"),
    ("betweenness", "double"),
    ("closeness", "double"),
    ("component", "int"),
    ("community", "int"),
];

/// Weighted degree is a sum of document counts: a whole number.
fn weighted(m: &Metrics) -> u64 {
    m.weighted_degree.round().max(0.0) as u64
}

fn score_values(m: &Metrics) -> Vec<String> {
    vec![
        m.degree.to_string(),
        weighted(m).to_string(),
        (m.page_rank + 0.0).to_string(),
        (m.betweenness + 0.0).to_string(),
        (m.closeness + 0.0).to_string(),
        m.component.to_string(),
        m.community.to_string(),
    ]
}

fn score_row(g: &EntityGraph, m: &Metrics) -> Vec<Cell> {
    let n = &g[m.node];
    vec![
        Cell::text(&n.zh),
        Cell::text(n.kind.to_string()),
        Cell::text(&n.iri),
        Cell::text(&n.wikidata),
        Cell::Int(n.documents as u64),
        Cell::Int(m.degree as u64),
        Cell::Int(weighted(m)),
        Cell::Float(m.page_rank),
        Cell::Float(m.betweenness),
        Cell::Float(m.closeness),
        Cell::Int(m.component as u64),
        Cell::Int(m.community as u64),
    ]
}
