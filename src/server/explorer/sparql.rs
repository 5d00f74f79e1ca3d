//! The query page: an editor with the named queries as examples, and answers for people — SELECT
//! as an HTML table with IRIs as links, ASK as true or false, CONSTRUCT and DESCRIBE as Turtle,
//! errors with their line and column marked — plus links that download the answer as CSV or JSON
//! from the SPARQL endpoint. The entry point is [`page`].
//!
//! An evaluation runs on a thread of its own under the server's time limit; at most `workers` run
//! at once for this page (beside the endpoint's own), and a cancelled one that runs on (Oxigraph
//! does not check its token inside some operators) keeps its place until it ends.

use super::html::{self, encode_value, escape, link};
use crate::queries::NAMED_QUERIES;
use crate::query::{display_term, QueryError, PREFIXES};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::Term;
use oxigraph::sparql::{CancellationToken, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

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

fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs `sparql` on `store` within `timeout`, with at most `workers` such runs at once.
pub fn evaluate(
    store: &Store,
    sparql: &str,
    timeout: Duration,
    workers: usize,
) -> Result<Outcome, QueryError> {
    if RUNNING.fetch_add(1, Ordering::SeqCst) >= 2 * workers.max(1) {
        RUNNING.fetch_sub(1, Ordering::SeqCst);
        return Err(QueryError::Evaluation(BUSY.into()));
    }
    let slot = Slot;
    let mut evaluator = SparqlEvaluator::new();
    for (prefix, iri) in PREFIXES {
        evaluator = evaluator.with_prefix(*prefix, *iri).map_err(|e| QueryError::Syntax(e.to_string()))?;
    }
    let token = CancellationToken::new();
    let prepared = evaluator
        .with_cancellation_token(token.clone())
        .parse_query(sparql)
        .map_err(|e| QueryError::Syntax(one_line(&e.to_string())))?;
    let (sender, receiver) = std::sync::mpsc::channel();
    let store = store.clone();
    let run_token = token.clone();
    std::thread::spawn(move || {
        let _slot = slot;
        let _ = sender.send(run(prepared.on_store(&store).execute(), &run_token));
    });
    match receiver.recv_timeout(timeout) {
        Ok(outcome) => outcome,
        Err(_) => {
            token.cancel();
            Err(QueryError::Timeout(timeout.as_secs_f64()))
        }
    }
}

fn run(
    results: Result<QueryResults<'_>, oxigraph::sparql::QueryEvaluationError>,
    token: &CancellationToken,
) -> Result<Outcome, QueryError> {
    let failed = |e: &dyn std::fmt::Display| QueryError::Evaluation(one_line(&e.to_string()));
    match results.map_err(|e| failed(&e))? {
        QueryResults::Solutions(solutions) => {
            let variables: Vec<String> =
                solutions.variables().iter().map(|v| v.as_str().to_owned()).collect();
            let mut rows = Vec::new();
            let mut more = false;
            for solution in solutions {
                if token.is_cancelled() {
                    return Err(QueryError::Cancelled);
                }
                let solution = solution.map_err(|e| failed(&e))?;
                if rows.len() == ROWS_SHOWN {
                    more = true;
                    break;
                }
                rows.push(variables.iter().map(|v| solution.get(v.as_str()).cloned()).collect());
            }
            Ok(Outcome::Table { variables, rows, more })
        }
        QueryResults::Boolean(b) => Ok(Outcome::Boolean(b)),
        QueryResults::Graph(triples) => {
            let mut serializer = RdfSerializer::from_format(RdfFormat::Turtle);
            for (prefix, iri) in PREFIXES {
                serializer = serializer.with_prefix(*prefix, *iri).map_err(|e| failed(&e))?;
            }
            let mut writer = serializer.for_writer(Vec::new());
            let mut more = false;
            for (i, triple) in triples.enumerate() {
                if token.is_cancelled() {
                    return Err(QueryError::Cancelled);
                }
                if i == TRIPLES_SHOWN {
                    more = true;
                    break;
                }
                writer.serialize_triple(&triple.map_err(|e| failed(&e))?)?;
            }
            let text = String::from_utf8_lossy(&writer.finish()?).into_owned();
            Ok(Outcome::Turtle { text, more })
        }
    }
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
    store: &Store,
    sparql: Option<&str>,
    example: Option<&str>,
    timeout: Duration,
    workers: usize,
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
        match evaluate(store, sparql, timeout, workers) {
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
            Err(e) => {
                status = match &e {
                    QueryError::Syntax(_) => 400,
                    QueryError::Timeout(_) | QueryError::Cancelled => 503,
                    QueryError::Evaluation(m) if m.starts_with(BUSY) => 503,
                    _ => 500,
                };
                let message = e.to_string();
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

    #[test]
    fn errors_are_shown_at_their_position() {
        assert_eq!(error_position("invalid SPARQL: error at 2:18: expected one of GRAPH"), Some((2, 18)));
        assert_eq!(error_position("query failed: no position"), None);
        let store = Store::new().unwrap();
        let (status, body) =
            page(&store, Some("SELECT ?x WHERE {\n ?x a <x> ; FOO }"), None, Duration::from_secs(5), 1);
        assert_eq!(status, 400);
        assert!(body.contains("<mark> ?x a &lt;x&gt; ; FOO }</mark>"), "{body}");
        assert!(body.contains("line 2, column"), "{body}");
    }

    #[test]
    fn answers_are_tables_booleans_or_turtle() {
        let store = Store::new().unwrap();
        let (status, body) = page(
            &store,
            Some("SELECT ?x WHERE { VALUES ?x { <https://w3id.org/diplograph/id/country/KZ> \"<b>\" } }"),
            None,
            Duration::from_secs(5),
            1,
        );
        assert_eq!(status, 200);
        assert!(body.contains("<a href=\"/id/country/KZ\">country:KZ</a>"), "{body}");
        assert!(body.contains("<td>&lt;b&gt;</td>"), "{body}");
        assert!(page(&store, Some("ASK {}"), None, Duration::from_secs(5), 1)
            .1
            .contains("<p class=\"boolean\">true</p>"));
        let (_, body) =
            page(&store, Some("CONSTRUCT { <x:a> <x:b> \"c\" } WHERE {}"), None, Duration::from_secs(5), 1);
        assert!(body.contains("<pre class=\"turtle\">"), "{body}");
        let (_, body) = page(&store, None, Some("visits"), Duration::from_secs(5), 1);
        assert!(body.contains("dg:Visit"), "the example is in the editor: {body}");
    }
}
