//! SPARQL over the store and the formats its answers are written in.
//!
//! The entry point is [`run`]. Stores opened for querying hold the merge of all document graphs as
//! their default graph, so one query sees every document, each statement once.

use crate::vocab;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{Term, Variable};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{
    CancellationToken, QueryEvaluationError, QueryResults, QuerySolution, SparqlEvaluator,
};
use oxigraph::store::Store;
use std::fmt;
use std::io::Write;
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

mod bind;
mod needs;
pub mod remote;
mod table;

pub use needs::Needs;

pub use table::{write_table, TableWriter, TABLE_WINDOW};

/// How query answers are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultFormat {
    /// An aligned text table (CJK-aware widths); graphs as Turtle.
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
}

impl ResultFormat {
    /// Every format, in help order.
    pub const ALL: [ResultFormat; 5] = [Self::Table, Self::Csv, Self::Tsv, Self::Json, Self::Xml];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Self::Table => "table",
            Self::Csv => "csv",
            Self::Tsv => "tsv",
            Self::Json => "json",
            Self::Xml => "xml",
        }
    }

    /// The media type of SELECT/ASK answers in this format.
    pub fn media_type(self) -> &'static str {
        match self {
            Self::Table => "text/plain",
            Self::Csv => "text/csv",
            Self::Tsv => "text/tab-separated-values",
            Self::Json => "application/sparql-results+json",
            Self::Xml => "application/sparql-results+xml",
        }
    }

    fn results_format(self) -> Option<QueryResultsFormat> {
        match self {
            Self::Table => None,
            Self::Csv => Some(QueryResultsFormat::Csv),
            Self::Tsv => Some(QueryResultsFormat::Tsv),
            Self::Json => Some(QueryResultsFormat::Json),
            Self::Xml => Some(QueryResultsFormat::Xml),
        }
    }

    /// The RDF format of CONSTRUCT/DESCRIBE answers in this format.
    pub fn graph_format(self) -> RdfFormat {
        match self {
            Self::Xml => RdfFormat::RdfXml,
            Self::Csv | Self::Tsv | Self::Json => RdfFormat::NTriples,
            Self::Table => RdfFormat::Turtle,
        }
    }
}

impl fmt::Display for ResultFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for ResultFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|f| f.name().eq_ignore_ascii_case(s)).ok_or_else(|| {
            let names: Vec<&str> = Self::ALL.iter().map(|f| f.name()).collect();
            format!("unknown format `{s}` (expected one of {})", names.join(", "))
        })
    }
}

/// Why a query failed.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    #[error("invalid SPARQL: {0}")]
    Syntax(String),
    #[error("query failed: {0}")]
    Evaluation(String),
    #[error("the query ran longer than the limit of {0} s")]
    Timeout(f64),
    #[error("the query was cancelled")]
    Cancelled,
    #[error("{0}")]
    Unsupported(String),
    #[error("the answer is {0}, which the requested formats cannot express")]
    NotAcceptable(&'static str),
    #[error("cannot write the answer: {0}")]
    Io(#[from] std::io::Error),
    /// A remote endpoint could not be reached, refused the query or sent a broken answer.
    #[error("endpoint `{url}`: {message}")]
    Remote { url: String, message: String },
}

/// Prefixes known to every query and used to shorten IRIs in tables.
pub const PREFIXES: &[(&str, &str)] = &[
    ("dg", vocab::DG),
    ("country", "https://w3id.org/diplograph/id/country/"),
    ("leader", "https://w3id.org/diplograph/id/leader/"),
    ("treaty", "https://w3id.org/diplograph/id/treaty/"),
    ("org", "https://w3id.org/diplograph/id/org/"),
    ("project", "https://w3id.org/diplograph/id/project/"),
    ("initiative", "https://w3id.org/diplograph/id/initiative/"),
    ("doc", "https://w3id.org/diplograph/id/doc/"),
    ("id", vocab::ID),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("wd", vocab::WIKIDATA),
];

/// `sparql` spelled one way (full IRIs; no prefix declarations, comments or layout), as
/// [`Sparql::evaluate`] reads it with the [`PREFIXES`]: two texts of one query give the same
/// spelling. The names the parser makes up for aggregates (up to 32 random hex digits, new at each
/// parse) are numbered in order of appearance. `None` when it does not parse.
pub fn canonical(sparql: &str) -> Option<String> {
    static MADE_UP: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"\?[0-9a-f]{20,32}\b").expect("made-up variable"));
    let spelled = bind::parser()?.parse_query(sparql).ok()?.to_string();
    let mut seen: Vec<String> = Vec::new();
    Some(
        MADE_UP
            .replace_all(&spelled, |caps: &regex::Captures<'_>| {
                let name = caps[0].to_owned();
                let n = seen.iter().position(|s| *s == name).unwrap_or_else(|| {
                    seen.push(name);
                    seen.len() - 1
                });
                format!("?aggregate{n}")
            })
            .into_owned(),
    )
}

/// What answers SPARQL: the local [`Store`] or a remote endpoint ([`remote::Endpoint`]). Library
/// code that only asks questions (explain, lookup, the graph projection, dossiers) takes
/// `&dyn Sparql`, so it runs the same against either.
pub trait Sparql {
    /// Evaluates `sparql` (the [`PREFIXES`] predefined); `token` cancels a local evaluation.
    fn evaluate(&self, sparql: &str, token: &CancellationToken) -> Result<QueryResults<'_>, QueryError>;
}

impl Sparql for Store {
    fn evaluate(&self, sparql: &str, token: &CancellationToken) -> Result<QueryResults<'_>, QueryError> {
        let mut evaluator = SparqlEvaluator::new().with_cancellation_token(token.clone());
        for (prefix, iri) in PREFIXES {
            evaluator =
                evaluator.with_prefix(*prefix, *iri).map_err(|e| QueryError::Syntax(e.to_string()))?;
        }
        let prepared =
            evaluator.parse_query(sparql).map_err(|e| QueryError::Syntax(one_line(&e.to_string())))?;
        prepared.on_store(self).execute().map_err(evaluation_error)
    }
}

/// Runs `sparql` on `store` and writes the answer to `out`. The store's default graph should hold
/// the merge of its named graphs (see [`crate::storage::GraphStore::open_for_query`]).
pub fn run(
    store: &dyn Sparql,
    sparql: &str,
    format: ResultFormat,
    out: &mut impl Write,
) -> Result<Answer, QueryError> {
    run_with(
        store,
        sparql,
        &QueryOptions { results: format, graph: format.graph_format(), ..QueryOptions::default() },
        out,
    )
}

/// What kind of answer a query gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// SELECT: written in the results format; `more` when `limit` left rows out.
    Solutions { more: bool },
    /// ASK: written in the results format.
    Boolean,
    /// CONSTRUCT or DESCRIBE: written in the graph format.
    Graph,
}

/// How to run a query and write its answer.
#[derive(Clone)]
pub struct QueryOptions {
    /// The format of SELECT and ASK answers.
    pub results: ResultFormat,
    /// The format of CONSTRUCT and DESCRIBE answers.
    pub graph: RdfFormat,
    /// Cancel the evaluation after this long.
    pub timeout: Option<std::time::Duration>,
    /// Values for variables of the query (its parameters).
    pub bindings: Vec<(Variable, Term)>,
    /// Write at most this many rows of a SELECT answer.
    pub limit: Option<usize>,
    /// Which kinds of answer the reader takes; another kind fails with
    /// [`QueryError::NotAcceptable`] before anything is written.
    pub acceptable: Acceptable,
    /// Cancels the evaluation from outside (a server stopping, a client gone); the time limit
    /// cancels it too.
    pub cancel: Option<CancellationToken>,
}

/// The kinds of answer a reader takes (content negotiation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Acceptable {
    /// SELECT and ASK answers.
    pub solutions: bool,
    /// CONSTRUCT and DESCRIBE answers.
    pub graph: bool,
}

impl Default for QueryOptions {
    fn default() -> Self {
        let results = ResultFormat::Table;
        QueryOptions {
            results,
            graph: results.graph_format(),
            timeout: None,
            bindings: Vec::new(),
            limit: None,
            acceptable: Acceptable { solutions: true, graph: true },
            cancel: None,
        }
    }
}

/// Runs `sparql` with `options`, writes the answer to `out` as it is produced and says which
/// kind it was.
///
/// Rows are written as the evaluation yields them (a table holds back at most [`TABLE_WINDOW`]
/// rows to measure its columns), so memory does not grow with the answer. A cancelled query (time
/// limit or [`QueryOptions::cancel`]) is an error, never a shorter answer: the evaluator may drop
/// the rows it could not compute once cancelled, so a cancelled token fails the query even when the
/// rows ran out, and the document is then left unfinished (no closing of the JSON or XML, no row
/// count), so what was written cannot pass for a whole answer.
pub fn run_with(
    store: &dyn Sparql,
    sparql: &str,
    options: &QueryOptions,
    out: &mut impl Write,
) -> Result<Answer, QueryError> {
    run_streaming(store, sparql, options, out, |_| ())
}

/// The form of an answer, known before any of it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// SELECT (in the results format).
    Solutions,
    /// ASK (in the results format).
    Boolean,
    /// CONSTRUCT or DESCRIBE (in the graph format).
    Graph,
}

/// [`run_with`], telling `on_start` the form of the answer before the first byte of it is written
/// (a server sends its media type first).
pub fn run_streaming(
    store: &dyn Sparql,
    sparql: &str,
    options: &QueryOptions,
    out: &mut impl Write,
    on_start: impl FnOnce(Form),
) -> Result<Answer, QueryError> {
    let token = options.cancel.clone().unwrap_or_default();
    let timed_out = Arc::new(AtomicBool::new(false));
    let (done, finished) = std::sync::mpsc::channel::<()>();
    if let Some(limit) = options.timeout {
        let token = token.clone();
        let timed_out = Arc::clone(&timed_out);
        std::thread::spawn(move || {
            if finished.recv_timeout(limit) == Err(std::sync::mpsc::RecvTimeoutError::Timeout) {
                timed_out.store(true, Ordering::SeqCst);
                token.cancel();
            }
        });
    }
    let answer = evaluate(store, sparql, options, &token, out, on_start);
    drop(done);
    match answer {
        Err(QueryError::Syntax(e)) => Err(QueryError::Syntax(e)),
        _ if timed_out.load(Ordering::SeqCst) => {
            Err(QueryError::Timeout(options.timeout.unwrap_or_default().as_secs_f64()))
        }
        _ if token.is_cancelled() => Err(QueryError::Cancelled),
        other => other,
    }
}

/// Fails once `token` is cancelled.
fn alive(token: &CancellationToken) -> Result<(), QueryError> {
    if token.is_cancelled() {
        Err(QueryError::Cancelled)
    } else {
        Ok(())
    }
}

/// The error an evaluation failure reports (SERVICE is refused, never attempted).
pub fn evaluation_error(e: QueryEvaluationError) -> QueryError {
    match e {
        QueryEvaluationError::Service(_)
        | QueryEvaluationError::UnboundService
        | QueryEvaluationError::InvalidServiceName(_)
        | QueryEvaluationError::UnsupportedService(_) => QueryError::Unsupported(
            "SERVICE is not supported: this endpoint never sends requests elsewhere".into(),
        ),
        other => QueryError::Evaluation(one_line(&other.to_string())),
    }
}

/// Pulls rows until the end or `limit`, checking `token` before each; says whether rows were left.
fn stream_rows(
    solutions: impl Iterator<Item = Result<QuerySolution, QueryEvaluationError>>,
    limit: usize,
    token: &CancellationToken,
    mut write: impl FnMut(&QuerySolution) -> Result<(), QueryError>,
) -> Result<bool, QueryError> {
    for (written, solution) in solutions.enumerate() {
        alive(token)?;
        let solution = solution.map_err(evaluation_error)?;
        if written == limit {
            return Ok(true);
        }
        write(&solution)?;
    }
    alive(token)?;
    Ok(false)
}

fn evaluate(
    store: &dyn Sparql,
    sparql: &str,
    options: &QueryOptions,
    token: &CancellationToken,
    out: &mut impl Write,
    on_start: impl FnOnce(Form),
) -> Result<Answer, QueryError> {
    let format = options.results;
    let sparql = bind::with_bindings(sparql, &options.bindings);
    let results = store.evaluate(&sparql, token)?;
    let eval = |e: &dyn fmt::Display| QueryError::Evaluation(one_line(&e.to_string()));
    let kind = match &results {
        QueryResults::Graph(_) => "a graph (CONSTRUCT or DESCRIBE)",
        _ => "solutions (SELECT or ASK)",
    };
    let acceptable = match &results {
        QueryResults::Graph(_) => options.acceptable.graph,
        _ => options.acceptable.solutions,
    };
    if !acceptable {
        return Err(QueryError::NotAcceptable(kind));
    }
    on_start(match &results {
        QueryResults::Solutions(_) => Form::Solutions,
        QueryResults::Boolean(_) => Form::Boolean,
        QueryResults::Graph(_) => Form::Graph,
    });
    match results {
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            let limit = options.limit.unwrap_or(usize::MAX);
            let more = match format.results_format() {
                Some(f) => {
                    let mut s = QueryResultsSerializer::from_format(f)
                        .serialize_solutions_to_writer(&mut *out, variables)?;
                    let more = stream_rows(solutions, limit, token, |row| Ok(s.serialize(row)?))?;
                    s.finish()?;
                    more
                }
                None => {
                    let header: Vec<String> = variables.iter().map(|v| v.as_str().to_owned()).collect();
                    let mut table = TableWriter::new(&mut *out, header, TABLE_WINDOW);
                    let more = stream_rows(solutions, limit, token, |row| {
                        let cells = variables
                            .iter()
                            .map(|v| row.get(v).map(display_term).unwrap_or_default())
                            .collect();
                        Ok(table.push(cells)?)
                    })?;
                    table.finish()?;
                    more
                }
            };
            Ok(Answer::Solutions { more })
        }
        QueryResults::Boolean(value) => {
            alive(token)?;
            match format.results_format() {
                Some(f) => {
                    QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(&mut *out, value)?;
                }
                None => writeln!(out, "{value}")?,
            }
            Ok(Answer::Boolean)
        }
        QueryResults::Graph(triples) => {
            let mut serializer = RdfSerializer::from_format(options.graph);
            for (prefix, iri) in PREFIXES {
                serializer = serializer.with_prefix(*prefix, *iri).map_err(|e| eval(&e))?;
            }
            let mut writer = serializer.for_writer(&mut *out);
            for triple in triples {
                alive(token)?;
                writer.serialize_triple(&triple.map_err(evaluation_error)?)?;
            }
            alive(token)?;
            writer.finish()?;
            Ok(Answer::Graph)
        }
    }
}

/// One row of a SELECT answer: variable name → value.
pub type Row = std::collections::BTreeMap<String, Term>;

/// Runs a SELECT for library code (explain, the graph projection); other query forms give no rows.
pub fn select(store: &dyn Sparql, sparql: &str) -> Result<Vec<Row>, QueryError> {
    let QueryResults::Solutions(solutions) = store.evaluate(sparql, &CancellationToken::new())? else {
        return Ok(Vec::new());
    };
    solutions
        .map(|s| {
            s.map(|s| s.iter().map(|(v, t)| (v.as_str().to_owned(), t.clone())).collect())
                .map_err(evaluation_error)
        })
        .collect()
}

/// Runs an ASK for library code; another query form answers false.
pub fn ask(store: &dyn Sparql, sparql: &str) -> Result<bool, QueryError> {
    Ok(matches!(store.evaluate(sparql, &CancellationToken::new())?, QueryResults::Boolean(true)))
}

fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A term as plain text: an IRI whole, a literal's lexical form (for library code that reads rows).
pub fn plain_text(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => n.as_str().to_owned(),
        Term::Literal(l) => l.value().to_owned(),
        other => other.to_string(),
    }
}

/// A term as a table shows it: literals by value, IRIs with a known prefix shortened (the first
/// matching prefix of [`PREFIXES`], which lists the longer namespaces first).
pub fn display_term(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => PREFIXES
            .iter()
            .find_map(|(p, iri)| n.as_str().strip_prefix(iri).map(|rest| format!("{p}:{rest}")))
            .unwrap_or_else(|| n.as_str().to_owned()),
        Term::Literal(l) => l.value().to_owned(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_query_spelled_two_ways_is_spelled_one_way() {
        let q = "SELECT ?c (COUNT(?d) AS ?n) WHERE { ?d dg:mentions ?c } GROUP BY ?c";
        let declared = "PREFIX dg: <https://w3id.org/diplograph/ontology#>\n# counted\nSELECT ?c (COUNT(?d) AS ?n)\nWHERE { ?d dg:mentions ?c }\nGROUP BY ?c";
        assert_eq!(canonical(q), canonical(declared));
        // Made-up aggregate names do not count, however many digits they have (a sixteenth of them
        // lose a leading zero): 200 parses meet short ones almost surely.
        for _ in 0..200 {
            assert_eq!(canonical(q), canonical(q));
        }
        assert_ne!(canonical(q), canonical(&q.replace("?d dg:mentions", "?d dg:cites")));
        assert_eq!(canonical("SELECT WHERE"), None);
    }

    #[test]
    fn formats_parse_by_name() {
        for f in ResultFormat::ALL {
            assert_eq!(f.name().parse::<ResultFormat>(), Ok(f));
        }
        assert!("yaml".parse::<ResultFormat>().unwrap_err().contains("unknown format `yaml`"));
    }

    #[test]
    fn malformed_queries_are_syntax_errors() {
        let store = Store::new().unwrap();
        let err = run(&store, "SELEKT ?x", ResultFormat::Table, &mut Vec::new()).unwrap_err();
        assert!(matches!(err, QueryError::Syntax(_)));
    }

    fn formatted(results: ResultFormat) -> QueryOptions {
        QueryOptions { results, graph: results.graph_format(), ..QueryOptions::default() }
    }

    #[test]
    fn a_cancelled_query_fails_and_leaves_the_document_unfinished() {
        let store = Store::new().unwrap();
        let token = CancellationToken::new();
        token.cancel();
        let options = QueryOptions { cancel: Some(token), ..formatted(ResultFormat::Json) };
        let mut out = Vec::new();
        let err =
            run_with(&store, "SELECT ?x WHERE { VALUES ?x { 1 2 3 } }", &options, &mut out).unwrap_err();
        assert!(matches!(err, QueryError::Cancelled), "{err}");
        let text = String::from_utf8(out).unwrap();
        assert!(!text.contains("]}"), "no closing that would pass for a whole answer: {text}");
    }

    #[test]
    fn limit_streams_the_first_rows_and_says_more_were_left() {
        let store = Store::new().unwrap();
        let options = QueryOptions { limit: Some(2), ..formatted(ResultFormat::Csv) };
        let mut out = Vec::new();
        let answer = run_with(&store, "SELECT ?x WHERE { VALUES ?x { 1 2 3 } }", &options, &mut out).unwrap();
        assert_eq!(answer, Answer::Solutions { more: true });
        assert_eq!(String::from_utf8(out).unwrap(), "x\r\n1\r\n2\r\n");
        let mut out = Vec::new();
        let options = QueryOptions { limit: Some(3), ..formatted(ResultFormat::Csv) };
        let answer = run_with(&store, "SELECT ?x WHERE { VALUES ?x { 1 2 3 } }", &options, &mut out).unwrap();
        assert_eq!(answer, Answer::Solutions { more: false });
    }

    #[test]
    fn an_unacceptable_kind_of_answer_writes_nothing() {
        let store = Store::new().unwrap();
        let options = QueryOptions {
            acceptable: Acceptable { solutions: false, graph: true },
            ..formatted(ResultFormat::Json)
        };
        let mut out = Vec::new();
        let err = run_with(&store, "ASK {}", &options, &mut out).unwrap_err();
        assert!(matches!(err, QueryError::NotAcceptable(_)), "{err}");
        assert!(out.is_empty());
    }
}
