//! The query page: an editor with the named queries as examples, and answers for people — SELECT
//! as an HTML table with IRIs as links, ASK as true or false, CONSTRUCT and DESCRIBE as Turtle,
//! errors with their line and column marked — plus links that download the answer as CSV or JSON
//! from the SPARQL endpoint. The entry point is [`page`].
//!
//! An evaluation runs in a child process like the endpoint's (see [`crate::server`]'s `isolate`):
//! the time limit kills it, and its memory is capped. At most `workers` run at once for this page
//! (beside the endpoint's own).

use super::super::isolate::{self, Failure, Message};
use super::html::{self, encode_value, escape, link};
use crate::queries::NAMED_QUERIES;
use crate::query::{display_term, QueryOptions, ResultFormat, PREFIXES};
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::Term;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsParser, SliceQueryResultsParserOutput};
use std::fmt::Write as _;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::RecvTimeoutError;
use std::time::{Duration, Instant};

/// Rows shown in a table at most (the downloads hold all).
const ROWS_SHOWN: usize = 1000;
/// Triples shown at most.
const TRIPLES_SHOWN: usize = 10_000;

/// Why a query was not run.
const BUSY: &str = "every worker is busy: try again shortly";

/// Evaluations of this page running, cancelled ones included.
static RUNNING: AtomicUsize = AtomicUsize::new(0);

/// What a query gave, ready to show.
#[derive(Debug)]
pub enum Outcome {
    Table { variables: Vec<String>, rows: Vec<Vec<Option<Term>>>, more: bool },
    Boolean(bool),
    Turtle { text: String, more: bool },
}

struct Slot;

impl Drop for Slot {
    fn drop(&mut self) {
        RUNNING.fetch_sub(1, Ordering::SeqCst);
    }
}

/// How an evaluation for this page runs: its time limit, how many at once, its memory cap.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub timeout: Duration,
    pub workers: usize,
    pub memory: u64,
}

/// Runs `sparql` on `store` in a child process within the limits; the answer comes back as
/// SPARQL JSON results (at most one row more than shown) or N-Triples and is read here.
pub fn evaluate(store: &crate::server::Served, sparql: &str, limits: Limits) -> Result<Outcome, Failure> {
    if RUNNING.fetch_add(1, Ordering::SeqCst) >= 2 * limits.workers.max(1) {
        RUNNING.fetch_sub(1, Ordering::SeqCst);
        return Err(Failure { status: 503, message: BUSY.into() });
    }
    let slot = Slot;
    let options = QueryOptions {
        results: ResultFormat::Json,
        graph: RdfFormat::NTriples,
        limit: Some(ROWS_SHOWN + 1),
        ..QueryOptions::default()
    };
    let started = Instant::now();
    let (sender, receiver) = std::sync::mpsc::sync_channel(4);
    let evaluation = isolate::start(store, sparql, &options, limits.memory, sender, move || drop(slot))
        .map_err(|e| Failure { status: 503, message: format!("cannot start an evaluation: {e}") })?;
    let mut bytes = Vec::new();
    let outcome = loop {
        let left = (started + limits.timeout).saturating_duration_since(Instant::now());
        match receiver.recv_timeout(left) {
            Ok(Message::Start(_)) => {}
            Ok(Message::Data(data)) => bytes.extend_from_slice(&data),
            Ok(Message::Done(done)) => break done,
            Err(RecvTimeoutError::Timeout) => {
                let limit = limits.timeout.as_secs_f64();
                break Err(Failure {
                    status: 503,
                    message: format!("the query ran longer than the limit of {limit} s"),
                });
            }
            Err(RecvTimeoutError::Disconnected) => {
                break Err(Failure {
                    status: 500,
                    message: "the evaluation stopped without an answer".into(),
                })
            }
        }
    };
    evaluation.kill();
    outcome?;
    read_answer(&bytes).map_err(|message| Failure { status: 500, message })
}

/// The child's answer: SPARQL JSON results, or N-Triples for a graph.
fn read_answer(bytes: &[u8]) -> Result<Outcome, String> {
    if bytes.first() != Some(&b'{') {
        return turtle(bytes);
    }
    let parsed = QueryResultsParser::from_format(QueryResultsFormat::Json).for_slice(bytes);
    match parsed.map_err(|e| e.to_string())? {
        SliceQueryResultsParserOutput::Boolean(b) => Ok(Outcome::Boolean(b)),
        SliceQueryResultsParserOutput::Solutions(solutions) => {
            let variables: Vec<String> =
                solutions.variables().iter().map(|v| v.as_str().to_owned()).collect();
            let mut rows = Vec::new();
            for solution in solutions {
                let solution = solution.map_err(|e| e.to_string())?;
                rows.push(variables.iter().map(|v| solution.get(v.as_str()).cloned()).collect());
            }
            let more = rows.len() > ROWS_SHOWN;
            rows.truncate(ROWS_SHOWN);
            Ok(Outcome::Table { variables, rows, more })
        }
    }
}

/// N-Triples as Turtle with the known prefixes, at most [`TRIPLES_SHOWN`] triples.
fn turtle(bytes: &[u8]) -> Result<Outcome, String> {
    let mut serializer = RdfSerializer::from_format(RdfFormat::Turtle);
    for (prefix, iri) in PREFIXES {
        serializer = serializer.with_prefix(*prefix, *iri).map_err(|e| e.to_string())?;
    }
    let mut writer = serializer.for_writer(Vec::new());
    let mut more = false;
    for (i, triple) in RdfParser::from_format(RdfFormat::NTriples).for_slice(bytes).enumerate() {
        if i == TRIPLES_SHOWN {
            more = true;
            break;
        }
        let quad = triple.map_err(|e| e.to_string())?;
        writer
            .serialize_triple(oxigraph::model::TripleRef::new(&quad.subject, &quad.predicate, &quad.object))
            .map_err(|e| e.to_string())?;
    }
    let text = String::from_utf8_lossy(&writer.finish().map_err(|e| e.to_string())?).into_owned();
    Ok(Outcome::Turtle { text, more })
}

/// The line and column (1-based) an Oxigraph syntax error names (`error at 2:18: …`).
pub fn error_position(message: &str) -> Option<(usize, usize)> {
    let rest = &message[message.find("error at ")? + "error at ".len()..];
    let (line, rest) = rest.split_once(':')?;
    let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((line.trim().parse().ok()?, column.parse().ok()?))
}

/// The query with the line of `position` marked and a caret under its column.
fn marked(sparql: &str, (line, column): (usize, usize)) -> String {
    let mut out = String::from("<pre class=\"query-error\">");
    for (i, text) in sparql.lines().enumerate() {
        if i + 1 == line {
            let _ = writeln!(out, "<mark>{}</mark>", escape(text));
            let _ = writeln!(
                out,
                "<span class=\"caret\">{}^ line {line}, column {column}</span>",
                " ".repeat(column.saturating_sub(1))
            );
        } else {
            let _ = writeln!(out, "{}", escape(text));
        }
    }
    out.push_str("</pre>");
    out
}

/// A cell: IRIs as links (shortened with the known prefixes), literals as text.
fn cell(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => link(n.as_str(), &display_term(term)),
        _ => escape(&display_term(term)),
    }
}

/// The query page: the editor holding `sparql` (else the example `example`), the examples and,
/// when `sparql` is given, its answer. The status is 400 for a malformed query, 503 past the limit.
pub fn page(
    store: &crate::server::Served,
    sparql: Option<&str>,
    example: Option<&str>,
    limits: Limits,
) -> (u16, String) {
    let named = example.and_then(crate::queries::named);
    let text = sparql.or(named.map(|q| q.text)).unwrap_or(
        "SELECT ?start ?visitor ?host WHERE {\n  ?v a dg:Visit ; dg:visitor/rdfs:label ?visitor ; dg:hostCountry/rdfs:label ?host .\n  \
         OPTIONAL { ?v dg:startDate ?start }\n  FILTER(LANG(?visitor) = \"zh\" && LANG(?host) = \"zh\")\n} ORDER BY ?start",
    );
    let mut body = String::from("<h1>SPARQL</h1>\n<div class=\"query-layout\"><div>");
    body.push_str("<form class=\"query\" action=\"/query\" method=\"post\"><input type=\"hidden\" name=\"format\" value=\"html\">");
    let _ = write!(
        body,
        "<textarea name=\"query\" spellcheck=\"false\" aria-label=\"SPARQL query\">{}</textarea>",
        escape(text)
    );
    body.push_str("<p><button type=\"submit\">运行 Run query</button> Prefixes <code>dg:</code>, <code>country:</code>, <code>leader:</code>, <code>rdfs:</code> … are predefined.</p></form>\n");
    let mut status = 200;
    if let Some(sparql) = sparql {
        let downloads = |body: &mut String| {
            let q = encode_value(sparql);
            let _ = write!(
                body,
                "<p class=\"downloads\">Download: <a download=\"results.csv\" href=\"/query?query={q}&amp;format=csv\">CSV</a> · \
                 <a download=\"results.json\" href=\"/query?query={q}&amp;format=json\">JSON</a></p>"
            );
        };
        match evaluate(store, sparql, limits) {
            Ok(Outcome::Table { variables, rows, more }) => {
                let _ = write!(
                    body,
                    "<h2>{} row{}{}</h2>",
                    rows.len(),
                    if rows.len() == 1 { "" } else { "s" },
                    if more { " (more left out: download them)" } else { "" }
                );
                downloads(&mut body);
                body.push_str("<table class=\"results\"><thead><tr>");
                for v in &variables {
                    let _ = write!(body, "<th>{}</th>", escape(v));
                }
                body.push_str("</tr></thead><tbody>\n");
                for row in &rows {
                    body.push_str("<tr>");
                    for value in row {
                        let _ = write!(body, "<td>{}</td>", value.as_ref().map(cell).unwrap_or_default());
                    }
                    body.push_str("</tr>\n");
                }
                body.push_str("</tbody></table>\n");
            }
            Ok(Outcome::Boolean(b)) => {
                let _ = write!(body, "<h2>Answer</h2><p class=\"boolean\">{b}</p>");
            }
            Ok(Outcome::Turtle { text, more }) => {
                let _ =
                    write!(body, "<h2>Graph{}</h2>", if more { " (the first 10,000 triples)" } else { "" });
                let q = encode_value(sparql);
                let _ = write!(body, "<p class=\"downloads\">Download: <a download=\"graph.ttl\" href=\"/query?query={q}&amp;format=turtle\">Turtle</a></p>");
                let _ = write!(body, "<pre class=\"turtle\">{}</pre>", escape(&text));
            }
            Err(failure) => {
                status = failure.status;
                let message = failure.message;
                let _ = write!(body, "<h2>Error</h2><p class=\"error\">{}</p>", escape(&message));
                if let Some(position) = error_position(&message) {
                    body.push_str(&marked(sparql, position));
                }
            }
        }
    }
    body.push_str("</div>\n<aside class=\"examples\"><h2>Examples</h2><ul>");
    for q in NAMED_QUERIES {
        let header = q.header();
        let _ = write!(
            body,
            "<li><a href=\"/query?example={}\">{}</a> <small>{}</small></li>",
            html::encode_value(q.name),
            escape(q.name),
            escape(&header.description)
        );
    }
    body.push_str("</ul></aside></div>\n");
    (status, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    // The admission count is one for the process, shared by the tests running beside these: room
    // for all of them, so none is refused as busy.
    const LIMITS: Limits = Limits { timeout: Duration::from_secs(5), workers: 16, memory: 1 << 30 };

    #[test]
    fn errors_are_shown_at_their_position() {
        assert_eq!(error_position("invalid SPARQL: error at 2:18: expected one of GRAPH"), Some((2, 18)));
        assert_eq!(error_position("query failed: no position"), None);
        let store: crate::server::Served = oxigraph::store::Store::new().unwrap().into();
        let (status, body) = page(&store, Some("SELECT ?x WHERE {\n ?x a <x> ; FOO }"), None, LIMITS);
        assert_eq!(status, 400);
        assert!(body.contains("<mark> ?x a &lt;x&gt; ; FOO }</mark>"), "{body}");
        assert!(body.contains("line 2, column"), "{body}");
    }

    #[test]
    fn answers_are_tables_booleans_or_turtle() {
        let store: crate::server::Served = oxigraph::store::Store::new().unwrap().into();
        let (status, body) = page(
            &store,
            Some("SELECT ?x WHERE { VALUES ?x { <https://w3id.org/diplograph/id/country/KZ> \"<b>\" } }"),
            None,
            LIMITS,
        );
        assert_eq!(status, 200);
        assert!(body.contains("<a href=\"/id/country/KZ\">country:KZ</a>"), "{body}");
        assert!(body.contains("<td>&lt;b&gt;</td>"), "{body}");
        assert!(page(&store, Some("ASK {}"), None, LIMITS).1.contains("<p class=\"boolean\">true</p>"));
        let (_, body) = page(&store, Some("CONSTRUCT { <x:a> <x:b> \"c\" } WHERE {}"), None, LIMITS);
        assert!(body.contains("<pre class=\"turtle\">"), "{body}");
        let (_, body) = page(&store, None, Some("visits"), LIMITS);
        assert!(body.contains("dg:Visit"), "the example is in the editor: {body}");
    }
}
