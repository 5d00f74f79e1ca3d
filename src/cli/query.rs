//! `diplograph query`: SPARQL text, a `.rq` file or a named query, answered in a chosen format.

use super::choice::choice;
use super::plural;
use super::SourceArg;
use anyhow::Context;
use diplograph::queries;
use diplograph::query::{self, ResultFormat};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Answer a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over the store
#[derive(Debug, clap::Args)]
#[command(after_help = "QUERY is SPARQL text, a path to a .rq file, or the name of a query in queries/.\n\
The default graph holds what the documents say (their graphs merged, each statement once, and the gazetteer's description of the entities they mention); GRAPH ?doc { … } reaches one document's graph, GRAPH <https://w3id.org/diplograph/graph/ontology> the ontology and …/graph/gazetteer all reference knowledge; prefixes dg:, country:, leader:, treaty:, org:, project:, initiative:, doc:, id:, rdf:, rdfs:, owl:, xsd:, wd: are predefined.\n\n\
A query's opening comment may declare parameters (`# Parameter ?entity (entity, required): …`, kinds entity, date or text); --param NAME=VALUE binds them (an entity by label, short name or IRI).\n\n\
Examples:\n  diplograph query documents\n  diplograph query mentions --param entity=普京\n  diplograph query visits --limit 10\n  diplograph query --format csv 'SELECT ?c ?l WHERE { ?c a dg:Country ; rdfs:label ?l }'\n  diplograph query my-question.rq --format json")]
pub struct QueryArgs {
    /// SPARQL text, a .rq file, or a named query (see --list)
    #[arg(value_name = "QUERY", required_unless_present = "list")]
    pub query: Option<String>,
    /// Output format (any case)
    #[arg(long, short, default_value = "table", value_parser = choice::<ResultFormat>())]
    pub format: ResultFormat,
    /// Bind a parameter the query declares (repeatable): NAME=VALUE
    #[arg(long = "param", short = 'p', value_name = "NAME=VALUE")]
    pub params: Vec<String>,
    /// Write at most N rows (a note on stderr says when rows were left out)
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// List the named queries with the questions they answer and their parameters
    #[arg(long)]
    pub list: bool,
    #[command(flatten)]
    pub store: SourceArg,
}

pub fn run(args: QueryArgs) -> anyhow::Result<ExitCode> {
    // Buffered: rows are written as the query yields them, not one system call per line.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.list {
        list(&mut out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let query = args.query.unwrap_or_default();
    let text = resolve_query(&query)?;
    let header = queries::QueryHeader::parse(&text);
    // Parameters are looked up by label: what that lookup reads is loaded too.
    let mut needs = query::Needs::of(&text);
    if !args.params.is_empty() {
        needs = needs.union(diplograph::lookup::needs());
    }
    let source = args.store.open_needing(&needs)?;
    let bindings =
        queries::bind(&source, &header, &args.params).with_context(|| format!("query `{query}`"))?;
    let options = query::QueryOptions {
        results: args.format,
        graph: args.format.graph_format(),
        bindings,
        limit: args.limit,
        ..query::QueryOptions::default()
    };
    let answer = query::run_with(&source, &text, &options, &mut out)?;
    out.flush()?;
    if let (query::Answer::Solutions { more: true }, Some(limit)) = (answer, args.limit) {
        eprintln!(
            "diplograph: the first {} shown; more were left out (--limit)",
            plural(limit, "row", "rows")
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Every named query: its name, its whole description, and its parameters.
fn list(out: &mut impl Write) -> std::io::Result<()> {
    for q in queries::NAMED_QUERIES {
        let header = q.header();
        writeln!(out, "{}", q.name)?;
        writeln!(out, "    {}", header.description)?;
        for p in &header.params {
            let required = if p.required { ", required" } else { "" };
            writeln!(out, "    --param {}=… ({}{required}): {}", p.name, p.kind.name(), p.description)?;
        }
    }
    Ok(())
}

fn resolve_query(query: &str) -> anyhow::Result<String> {
    let path = Path::new(query);
    if query.ends_with(".rq") || (path.is_file() && !query.contains('{')) {
        if path.is_file() {
            return std::fs::read_to_string(path)
                .with_context(|| format!("cannot read query file `{query}`"));
        }
        if let Some(named) = queries::named(query) {
            return Ok(named.text.to_owned());
        }
        anyhow::bail!("query file `{query}` does not exist");
    }
    if let Some(named) = queries::named(query) {
        return Ok(named.text.to_owned());
    }
    let word = !query.trim().is_empty() && query.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_');
    if word {
        anyhow::bail!(
            "`{query}` is neither SPARQL, a .rq file nor a named query (see `diplograph query --list`)"
        );
    }
    Ok(query.to_owned())
}
