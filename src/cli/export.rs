//! `diplograph export`: the graph for Gephi, Cytoscape, yEd, Graphviz and scripts, or the RDF.

use super::choice::choice;
use super::graph_args::ProjectionArgs;
use super::SourceArg;
use anyhow::Context;
use diplograph::export::{self, ExportFormat, GraphOptions, NodeLinkKey};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Export the graph (GraphML, GEXF, DOT, Cytoscape.js, node-link JSON, CSV) or the RDF
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Formats: graphml (networkx, igraph, yEd, Gephi, Cytoscape), gexf (Gephi, with date spells),\n\
dot (Graphviz: colours and shapes by kind, sfdp layout, isolated entities left out unless\n\
--keep-isolated), cytoscape (Cytoscape.js JSON), node-link (networkx JSON, edges under `edges`, or\n\
`links` with --node-link-key links), csv (OUTPUT.nodes.csv and OUTPUT.edges.csv), turtle, trig,\n\
ntriples, nquads, rdfxml (the RDF: all graphs, or --graph IRI). A .json output needs --format.\n\n\
With --push URL, the RDF goes to a SPARQL 1.1 Graph Store Protocol endpoint instead: one PUT per\n\
named graph (all of them, or --graph IRI), replacing what the server held under that name.\n\n\
Examples:\n  diplograph export --format gexf --output seeds.gexf\n  diplograph export --format dot --kinds Country,Leader | dot -Tsvg > graph.svg\n  diplograph export --format csv --output graph --since 2019-01-01\n  diplograph export --format turtle --graph https://w3id.org/diplograph/id/doc/01b2b3e88f8d2636\n  \
diplograph export --push http://127.0.0.1:7879/store   (an Oxigraph server: see build --help)"
)]
pub struct ExportArgs {
    /// Output format (default: from the --output extension, else graphml)
    #[arg(long, short, value_parser = choice::<ExportFormat>())]
    pub format: Option<ExportFormat>,
    /// Output file (default: standard output)
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// For node-link JSON: the key of the edge list (`edges` for networkx 3.4 and later, `links` for
    /// older readers)
    #[arg(long, value_name = "KEY", default_value = "edges", value_parser = choice::<NodeLinkKey>())]
    pub node_link_key: NodeLinkKey,
    /// For DOT: keep the entities with no relation (left out by default)
    #[arg(long)]
    pub keep_isolated: bool,
    /// For RDF formats: export only this document graph
    #[arg(long, value_name = "IRI")]
    pub graph: Option<String>,
    /// Send the named graphs to this Graph Store Protocol endpoint (PUT per graph, then the merged
    /// default graph unless --graph) instead
    #[arg(long, value_name = "URL", conflicts_with_all = ["format", "output", "endpoint"])]
    pub push: Option<String>,
    #[command(flatten)]
    pub projection: ProjectionArgs,
    #[command(flatten)]
    pub store: SourceArg,
}

/// Writes `path` whole or not at all.
fn write_file(
    path: &std::path::Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    diplograph::storage::write_atomically(path, write)
        .with_context(|| format!("cannot write `{}`", path.display()))
}

pub fn run(args: ExportArgs) -> anyhow::Result<ExitCode> {
    if let Some(url) = &args.push {
        return push(url, args.graph.as_deref(), &args.store.store);
    }
    let format = output_format(args.format, args.output.as_deref())?;
    if let Some(rdf) = format.rdf_format() {
        let source = args.store.open()?;
        let graph = args.graph.as_deref();
        if let Some(g) = graph {
            anyhow::ensure!(source.has_graph(g)?, "the store has no graph `{g}`");
        }
        let quads = source.named_quads(graph)?;
        match &args.output {
            Some(path) => write_file(path, |w| export::write_quads(quads, rdf, w))?,
            None => {
                let mut out = std::io::BufWriter::new(std::io::stdout().lock());
                export::write_quads(quads, rdf, &mut out)?;
                out.flush()?;
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    anyhow::ensure!(args.graph.is_none(), "--graph applies to the RDF formats only");
    let g = args.store.project(&args.projection.projection())?;
    let options = GraphOptions { node_link_key: args.node_link_key, keep_isolated: args.keep_isolated };
    if format == ExportFormat::Dot && export::cjk_font_missing() {
        eprintln!(
            "diplograph: note: no font for Chinese is installed (`fc-list :lang=zh` lists none), so Graphviz \
             draws the labels as boxes: install one (Debian: apt-get install fonts-noto-cjk)"
        );
    }
    match (format, &args.output) {
        (ExportFormat::Csv, Some(path)) => {
            let stem = path.with_extension("");
            let nodes_path = stem.with_extension("nodes.csv");
            let edges_path = stem.with_extension("edges.csv");
            let mut nodes = Vec::new();
            let mut edges = Vec::new();
            export::write_graph(&g, format, &options, &mut edges, Some(&mut nodes))?;
            write_file(&nodes_path, |w| w.write_all(&nodes))?;
            write_file(&edges_path, |w| w.write_all(&edges))?;
            eprintln!("diplograph: wrote `{}` and `{}`", nodes_path.display(), edges_path.display());
        }
        (ExportFormat::Csv, None) => {
            anyhow::bail!("csv writes two files: give --output (OUTPUT.nodes.csv, OUTPUT.edges.csv)")
        }
        (_, Some(path)) => write_file(path, |w| export::write_graph(&g, format, &options, w, None))?,
        (_, None) => {
            // Buffered: the standard output writes each line on its own otherwise.
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            export::write_graph(&g, format, &options, &mut out, None)?;
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The format to write: `--format`, else the one the output's extension names, else GraphML. An
/// extension that names no format, or another one than `--format`, is an error (`x.xlsx`), and so
/// is `.json` without `--format`: it names two formats.
fn output_format(
    format: Option<ExportFormat>,
    output: Option<&std::path::Path>,
) -> anyhow::Result<ExportFormat> {
    let Some(extension) = output.and_then(|p| p.extension()).map(|e| e.to_string_lossy().into_owned()) else {
        return Ok(format.unwrap_or(ExportFormat::GraphMl));
    };
    let path = output.map(|p| p.display().to_string()).unwrap_or_default();
    let named = ExportFormat::with_extension(&extension);
    match (format, named.as_slice()) {
        (Some(f), _) if f.file_extension().eq_ignore_ascii_case(&extension) => Ok(f),
        (Some(f), [named, ..]) => anyhow::bail!(
            "`{path}` has the extension of {named}, not of {f} (`.{}`): change one of them",
            f.file_extension()
        ),
        (_, []) => {
            let mut known: Vec<&str> = ExportFormat::ALL.iter().map(|f| f.file_extension()).collect();
            known.dedup();
            anyhow::bail!(
                "`{path}`: `.{extension}` is not an export format's extension (one of .{})",
                known.join(", .")
            )
        }
        (None, [one]) => Ok(*one),
        (None, several) => {
            let names: Vec<&str> = several.iter().map(|f| f.name()).collect();
            anyhow::bail!(
                "`{path}`: `.{extension}` is the extension of {}: choose one with --format",
                names.join(" and ")
            )
        }
    }
}

/// Sends the store's named graphs (or one) to a Graph Store Protocol endpoint.
fn push(url: &str, graph: Option<&str>, store_path: &std::path::Path) -> anyhow::Result<ExitCode> {
    let endpoint = diplograph::push::Endpoint::new(url)?;
    let store = diplograph::storage::open_snapshot(store_path)?;
    let graphs = match graph {
        Some(g) => {
            anyhow::ensure!(store.has_graph(g), "the store has no graph `{g}`");
            vec![g.to_owned()]
        }
        None => store.graph_names().map(str::to_owned).collect(),
    };
    let report = diplograph::push::push(&endpoint, &store, &graphs, &[], graph.is_none(), |_, _| {})?;
    writeln!(
        std::io::stdout(),
        "pushed {} ({}) to {}",
        super::plural(report.graphs, "graph", "graphs"),
        super::plural(report.triples, "triple", "triples"),
        endpoint.url()
    )?;
    Ok(ExitCode::SUCCESS)
}
