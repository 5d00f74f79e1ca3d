//! `diplograph analyze`: centralities, components and communities; shortest paths; ego networks.

use super::graph_args::ProjectionArgs;
use super::StoreArg;
use diplograph::graph::{self, algo, EntityGraph};
use diplograph::query::write_table;
use diplograph::storage::GraphStore;
use diplograph::{emit, vocab};
use std::io::Write;
use std::process::ExitCode;

/// Analyse the graph: degree, PageRank, betweenness, closeness, components, Louvain communities
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  diplograph analyze --top 10\n  diplograph analyze --kinds Country --comention --format csv\n  diplograph analyze path 呼日勒苏赫 普京\n  diplograph analyze ego country:KZ --depth 1\n  diplograph analyze --write-back   # then: ORDER BY DESC(?r) with ?e dg:pageRank ?r"
)]
pub struct AnalyzeArgs {
    #[command(subcommand)]
    pub action: Option<Action>,
    /// Output format
    #[arg(long, short, value_enum, default_value_t = RowFormat::Table, ignore_case = true, global = true)]
    pub format: RowFormat,
    /// Show only the N highest PageRank entities (0 shows all)
    #[arg(long, default_value_t = 0)]
    pub top: usize,
    /// Store the scores in the analysis graph of the store, for SPARQL
    #[arg(long)]
    pub write_back: bool,
    #[command(flatten)]
    pub projection: ProjectionArgs,
    #[command(flatten)]
    pub store: StoreArg,
}

/// How rows are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RowFormat {
    // An aligned text table
    Table,
    // Comma-separated values with a header line
    Csv,
    // An array of JSON objects
    Json,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// The shortest path between two entities, with the relation on each hop
    Path {
        /// Entity: label, short name (country:KZ) or IRI
        from: String,
        /// Entity: label, short name or IRI
        to: String,
    },
    /// The entities within DEPTH hops of an entity
    Ego {
        /// Entity: label, short name or IRI
        entity: String,
        /// Hops
        #[arg(long, default_value_t = 1)]
        depth: usize,
    },
}

fn emit_rows(format: RowFormat, header: &[&str], rows: Vec<Vec<String>>) -> anyhow::Result<()> {
    let header: Vec<String> = header.iter().map(|s| s.to_string()).collect();
    let mut out = std::io::stdout().lock();
    match format {
        RowFormat::Csv => {
            writeln!(out, "{}", header.join(","))?;
            for r in rows {
                let cells: Vec<String> = r.iter().map(|c| diplograph::export::csv_field(c)).collect();
                writeln!(out, "{}", cells.join(","))?;
            }
        }
        RowFormat::Json => {
            let objects: Vec<serde_json::Value> = rows
                .iter()
                .map(|r| {
                    serde_json::Value::Object(
                        header.iter().cloned().zip(r.iter().map(|c| serde_json::json!(c))).collect(),
                    )
                })
                .collect();
            writeln!(out, "{}", serde_json::to_string_pretty(&objects)?)?;
        }
        RowFormat::Table => write_table(&mut out, &header, &rows)?,
    }
    Ok(())
}

fn node(graph: &EntityGraph, name: &str) -> anyhow::Result<petgraph::graph::NodeIndex> {
    graph::find_node(graph, name).ok_or_else(|| anyhow::anyhow!("no entity `{name}` in the projected graph"))
}

pub fn run(args: AnalyzeArgs) -> anyhow::Result<ExitCode> {
    let store = GraphStore::open_for_query(&args.store.store)?;
    let g = graph::project(store.inner(), &args.projection.projection())?;
    let adj = algo::adjacency(&g, |e| e.weight as f64);
    match &args.action {
        Some(Action::Path { from, to }) => {
            let (a, b) = (node(&g, from)?, node(&g, to)?);
            let path = algo::shortest_path(&adj, a.index(), b.index())
                .ok_or_else(|| anyhow::anyhow!("`{from}` and `{to}` are not connected"))?;
            let mut rows = Vec::new();
            for pair in path.windows(2) {
                let (x, y) = (algo::ix(pair[0]), algo::ix(pair[1]));
                let relations: Vec<String> = g
                    .edges_connecting(x, y)
                    .map(|e| format!("{} →", e.weight().relation))
                    .chain(g.edges_connecting(y, x).map(|e| format!("← {}", e.weight().relation)))
                    .collect();
                rows.push(vec![g[x].zh.clone(), relations.join("; "), g[y].zh.clone()]);
            }
            emit_rows(args.format, &["from", "relations", "to"], rows)?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(Action::Ego { entity, depth }) => {
            let c = node(&g, entity)?;
            let mut found = algo::ego(&adj, c.index(), *depth);
            found.sort_by_key(|(v, d)| (*d, g[algo::ix(*v)].iri.clone()));
            let rows = found
                .into_iter()
                .map(|(v, d)| vec![d.to_string(), g[algo::ix(v)].kind.to_string(), g[algo::ix(v)].zh.clone()])
                .collect();
            emit_rows(args.format, &["hops", "kind", "entity"], rows)?;
            return Ok(ExitCode::SUCCESS);
        }
        None => {}
    }
    let mut metrics = graph::metrics(&g);
    if args.write_back {
        let quads = emit::analysis_quads(&g, &metrics);
        let store = GraphStore::open(&args.store.store, false)?;
        store.replace_graph(&vocab::analysis_graph(), &quads)?;
        store.save(&args.store.store)?;
        eprintln!(
            "diplograph: stored the scores of {} entities in <{}>",
            metrics.len(),
            vocab::analysis_graph()
        );
    }
    metrics.sort_by(|a, b| b.page_rank.total_cmp(&a.page_rank).then(g[a.node].iri.cmp(&g[b.node].iri)));
    if args.top > 0 {
        metrics.truncate(args.top);
    }
    let rows = metrics
        .iter()
        .map(|m| {
            let n = &g[m.node];
            vec![
                n.zh.clone(),
                n.kind.to_string(),
                n.documents.to_string(),
                m.degree.to_string(),
                format!("{:.0}", m.weighted_degree),
                format!("{:.4}", m.page_rank),
                format!("{:.4}", m.betweenness),
                format!("{:.4}", m.closeness),
                m.component.to_string(),
                m.community.to_string(),
            ]
        })
        .collect();
    eprintln!("diplograph: {} entities, {} relations", g.node_count(), g.edge_count());
    let header = [
        "entity",
        "kind",
        "documents",
        "degree",
        "weighted",
        "pagerank",
        "betweenness",
        "closeness",
        "component",
        "community",
    ];
    emit_rows(args.format, &header, rows)?;
    Ok(ExitCode::SUCCESS)
}
