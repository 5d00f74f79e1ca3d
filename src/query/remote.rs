//! A remote SPARQL 1.1 endpoint as the store (`--endpoint URL`): the queries diplograph asks go
//! to it with the SPARQL Protocol (POST, the query as an `application/sparql-query` body) and its
//! answers are parsed as they arrive. The entry point is [`Endpoint`], a [`Sparql`] like the local
//! store, so explain, lookups, dossiers, the graph projection and `query` run unchanged on it.
//!
//! The default graph. Locally, a query's default graph is what the documents say: the merge of the
//! document graphs (each statement once), the analysis scores and the gazetteer's description of
//! the entities documents mention. `build --push` and `export --push` send each graph as a named
//! graph and then that merge as the server's default graph, so a server started plainly
//! (`oxigraph serve`, no union default graph) answers every query as the local store does. A union
//! default graph is not used: Oxigraph's repeats each statement once per graph that holds it (a
//! count of countries gives 259 instead of 20 on the seeds, and joins multiply until the server
//! runs out of memory on a million triples), and any union shows the ontology and the whole
//! gazetteer. [`Endpoint::check`] refuses a server whose default graph is empty while its named
//! graphs hold documents, and warns when the default graph is a union.

use super::{one_line, QueryError, Sparql, PREFIXES};
use crate::push::{agent, checked_url, refusal, UrlError};
use crate::vocab;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsParser, ReaderQueryResultsParserOutput};
use oxigraph::sparql::{
    CancellationToken, QueryEvaluationError, QueryResults, QuerySolutionIter, QueryTripleIter,
};
use std::time::Duration;

/// How long one query may take when no timeout is given.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(600);

/// What SELECT and ASK answers are asked for: JSON, else XML.
const RESULTS_ACCEPT: &str = "application/sparql-results+json, application/sparql-results+xml;q=0.8";
/// What CONSTRUCT and DESCRIBE answers are asked for: N-Triples, else Turtle.
const GRAPH_ACCEPT: &str = "application/n-triples, text/turtle;q=0.8";

/// A SPARQL 1.1 Protocol query endpoint (Oxigraph's `/query`, Fuseki's `/DATASET/sparql`,
/// GraphDB's `/repositories/R`, QLever's root).
pub struct Endpoint {
    /// The URL requests go to (with any user name and password).
    target: String,
    shown: String,
    agent: ureq::Agent,
    timeout: Duration,
}

impl Endpoint {
    /// Checks the URL (without contacting the server); each query may take `timeout`.
    pub fn new(url: &str, timeout: Duration) -> Result<Self, QueryError> {
        let shown = checked_url(url).map_err(|e| match e {
            UrlError::Bad(url) => {
                QueryError::Remote { url, message: "not an http:// or https:// URL with a host".into() }
            }
            UrlError::NoTls(url) => QueryError::Remote {
                url,
                message: "https, but this diplograph was built without TLS (build with `--features tls`)"
                    .into(),
            },
        })?;
        Ok(Self { target: url.to_owned(), shown, agent: agent(timeout), timeout })
    }

    /// The URL as shown in messages (no password).
    pub fn url(&self) -> &str {
        &self.shown
    }

    /// Checks that the endpoint answers and that its default graph shows the documents: when it
    /// holds documents only in named graphs (a push by an older diplograph), every query would
    /// answer nothing, so that is an error saying what to do. An endpoint with no documents at all
    /// passes: its answers are just empty. Gives a warning when the default graph is the union of
    /// the named graphs (the ontology shows in it), since answers may then differ from the store's.
    pub fn check(&self) -> Result<Option<String>, QueryError> {
        let document = format!("<{}>", vocab::dg("Document"));
        if !super::ask(self, &format!("ASK {{ ?d a {document} }}"))? {
            if super::ask(self, &format!("ASK {{ GRAPH ?g {{ ?d a {document} }} }}"))? {
                return Err(self.error(
                    "its default graph holds no document but its named graphs do: push again \
                     (`diplograph export --push URL/store` fills the default graph with what queries see), \
                     or start the server with a union default graph",
                ));
            }
            return Ok(None);
        }
        let union = super::ask(self, &format!("ASK {{ {document} ?p ?o }}"))?;
        Ok(union.then(|| {
            format!(
                "the default graph of `{}` is the union of its named graphs (the ontology shows in it): \
                 counts may differ from the store's (Oxigraph repeats a statement once per graph); \
                 start it without --union-default-graph, a push fills its default graph",
                self.shown
            )
        }))
    }

    fn error(&self, message: impl Into<String>) -> QueryError {
        QueryError::Remote { url: self.shown.clone(), message: message.into() }
    }

    /// Sends `sparql` and gives the answer's body with its media type.
    fn send(&self, sparql: &str, accept: &str) -> Result<(String, ureq::Body), QueryError> {
        let response = self
            .agent
            .post(&self.target)
            .header("Content-Type", "application/sparql-query; charset=utf-8")
            .header("Accept", accept)
            .send(with_prefixes(sparql).as_bytes());
        let mut response = response.map_err(|e| match e {
            ureq::Error::Timeout(_) => {
                self.error(format!("no answer within {} s (--endpoint-timeout)", self.timeout.as_secs_f64()))
            }
            e => self.error(format!("cannot connect: {}", one_line(&e.to_string()))),
        })?;
        if !response.status().is_success() {
            let (status, detail) = refusal(&mut response);
            // A Graph Store URL (`…/store`) or a wrong path: say what URL is wanted.
            let hint = if [404, 405, 415].contains(&status) {
                " (is it a SPARQL query endpoint? Oxigraph's is …/query, Fuseki's …/DATASET/sparql)"
            } else {
                ""
            };
            return Err(self.error(format!("HTTP {status} {}{hint}", one_line(&detail))));
        }
        let media_type =
            response.headers().get("Content-Type").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
        Ok((media_type, response.into_body()))
    }
}

/// Whether a query's answer is solutions (SELECT, ASK) or a graph (CONSTRUCT, DESCRIBE), from its
/// text; a query that does not parse is a syntax error here, before any request.
fn asks_for_graph(sparql: &str) -> Result<bool, QueryError> {
    let mut parser = spargebra::SparqlParser::new();
    for (prefix, iri) in PREFIXES {
        parser = parser.with_prefix(*prefix, *iri).map_err(|e| QueryError::Syntax(e.to_string()))?;
    }
    let query = parser.parse_query(sparql).map_err(|e| QueryError::Syntax(one_line(&e.to_string())))?;
    Ok(matches!(query, spargebra::Query::Construct { .. } | spargebra::Query::Describe { .. }))
}

/// The query with the [`PREFIXES`] declared before it, since the server does not know them (a
/// query's own declaration of the same prefix comes later and wins).
fn with_prefixes(sparql: &str) -> String {
    let mut text: String = PREFIXES.iter().map(|(p, iri)| format!("PREFIX {p}: <{iri}>\n")).collect();
    text.push_str(sparql);
    text
}

/// The media type without parameters, lower case.
fn essence(media_type: &str) -> String {
    media_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase()
}

impl Sparql for Endpoint {
    fn evaluate(&self, sparql: &str, _token: &CancellationToken) -> Result<QueryResults<'_>, QueryError> {
        let graph = asks_for_graph(sparql)?;
        let (media_type, body) = self.send(sparql, if graph { GRAPH_ACCEPT } else { RESULTS_ACCEPT })?;
        let shown = essence(&media_type);
        let url = self.shown.clone();
        let broken = move |e: &dyn std::fmt::Display| {
            QueryEvaluationError::Unexpected(
                format!("`{url}` sent a broken answer: {}", one_line(&e.to_string())).into(),
            )
        };
        if graph {
            let format = RdfFormat::from_media_type(&shown)
                .ok_or_else(|| self.error(format!("answered `{shown}`, not an RDF graph")))?;
            let triples = RdfParser::from_format(format)
                .for_reader(body.into_reader())
                .map(move |q| q.map(Into::into).map_err(|e| broken(&e)));
            return Ok(QueryResults::Graph(QueryTripleIter::new(triples)));
        }
        let format = QueryResultsFormat::from_media_type(&shown)
            .ok_or_else(|| self.error(format!("answered `{shown}`, not SPARQL results")))?;
        let parsed = QueryResultsParser::from_format(format)
            .for_reader(body.into_reader())
            .map_err(|e| self.error(format!("unparsable answer: {}", one_line(&e.to_string()))))?;
        Ok(match parsed {
            ReaderQueryResultsParserOutput::Boolean(value) => QueryResults::Boolean(value),
            ReaderQueryResultsParserOutput::Solutions(solutions) => {
                let variables = solutions.variables().to_vec().into();
                let rows = solutions.map(move |s| s.map_err(|e| broken(&e)));
                QueryResults::Solutions(QuerySolutionIter::new(variables, rows))
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::net::TcpListener;

    /// A one-request HTTP server on a free port answering `response` (status line, headers, body);
    /// gives its URL and, once joined, the request it received.
    fn serve_once(response: &'static str) -> (String, std::thread::JoinHandle<String>) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/query", listener.local_addr().unwrap());
        let handle = std::thread::spawn(move || {
            let (mut stream, _) = listener.accept().unwrap();
            let mut request = Vec::new();
            let mut buffer = [0; 4096];
            loop {
                let n = stream.read(&mut buffer).unwrap();
                request.extend_from_slice(&buffer[..n]);
                let text = String::from_utf8_lossy(&request);
                let Some(end) = text.find("\r\n\r\n") else { continue };
                let length = text
                    .lines()
                    .find_map(|l| {
                        l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().to_owned())
                    })
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(0);
                if request.len() >= end + 4 + length || n == 0 {
                    break;
                }
            }
            stream.write_all(response.as_bytes()).unwrap();
            String::from_utf8_lossy(&request).into_owned()
        });
        (url, handle)
    }

    fn endpoint(url: &str) -> Endpoint {
        Endpoint::new(url, Duration::from_secs(10)).unwrap()
    }

    #[test]
    fn a_select_is_posted_with_the_prefixes_and_its_json_answer_parsed() {
        let (url, server) = serve_once(
            "HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\nConnection: close\r\n\r\n\
             {\"head\":{\"vars\":[\"d\"]},\"results\":{\"bindings\":[{\"d\":{\"type\":\"uri\",\"value\":\"http://x/1\"}}]}}",
        );
        let rows = super::super::select(&endpoint(&url), "SELECT ?d WHERE { ?d a dg:Document }").unwrap();
        let request = server.join().unwrap().to_ascii_lowercase();
        assert!(request.starts_with("post /query "), "{request}");
        assert!(request.contains("application/sparql-query"), "{request}");
        assert!(request.contains("accept: application/sparql-results+json"), "{request}");
        assert!(request.contains(&format!("prefix dg: <{}>", vocab::DG.to_ascii_lowercase())), "{request}");
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0]["d"].to_string(), "<http://x/1>");
    }

    #[test]
    fn a_construct_asks_for_n_triples_and_gets_triples() {
        let (url, server) = serve_once(
            "HTTP/1.1 200 OK\r\nContent-Type: application/n-triples\r\nConnection: close\r\n\r\n\
             <http://x/s> <http://x/p> \"o\" .\n",
        );
        let endpoint = endpoint(&url);
        let QueryResults::Graph(triples) =
            endpoint.evaluate("CONSTRUCT WHERE { ?s ?p ?o }", &CancellationToken::new()).unwrap()
        else {
            panic!("a graph")
        };
        assert_eq!(triples.map(Result::unwrap).count(), 1);
        assert!(server.join().unwrap().to_ascii_lowercase().contains("accept: application/n-triples"));
    }

    #[test]
    fn failures_are_one_line_naming_the_url() {
        let table: [(&'static str, &str); 3] = [
            ("HTTP/1.1 404 Not Found\r\nContent-Length: 24\r\nConnection: close\r\n\r\nno such page\nsecond line", "HTTP 404 no such page"),
            ("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<html>", "answered `text/html`, not SPARQL results"),
            ("HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\nConnection: close\r\n\r\n{oops", "unparsable answer"),
        ];
        for (response, expected) in table {
            let (url, server) = serve_once(response);
            let error =
                super::super::select(&endpoint(&url), "SELECT * { ?s ?p ?o }").unwrap_err().to_string();
            server.join().unwrap();
            assert!(error.starts_with(&format!("endpoint `{url}`: ")) && error.contains(expected), "{error}");
            assert_eq!(error.lines().count(), 1, "{error}");
        }
        let closed = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let url = format!("http://127.0.0.1:{closed}/query");
        let error = super::super::ask(&endpoint(&url), "ASK {}").unwrap_err().to_string();
        assert!(error.contains(&url) && error.contains("cannot connect"), "{error}");
    }

    #[test]
    fn a_silent_server_times_out_in_one_line() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/query", listener.local_addr().unwrap());
        let endpoint = Endpoint::new(&url, Duration::from_millis(300)).unwrap();
        let error = super::super::ask(&endpoint, "ASK {}").unwrap_err().to_string();
        assert_eq!(error, format!("endpoint `{url}`: no answer within 0.3 s (--endpoint-timeout)"));
        drop(listener);
    }

    #[test]
    fn bad_queries_and_urls_fail_before_any_request() {
        let e = endpoint("http://127.0.0.1:1/query");
        assert!(matches!(super::super::select(&e, "SELEKT ?x"), Err(QueryError::Syntax(_))));
        let bad = Endpoint::new("ftp://example.org/sparql", DEFAULT_TIMEOUT).err().unwrap().to_string();
        assert_eq!(bad, "endpoint `ftp://example.org/sparql`: not an http:// or https:// URL with a host");
        if !cfg!(feature = "tls") {
            let https =
                Endpoint::new("https://example.org/sparql", DEFAULT_TIMEOUT).err().unwrap().to_string();
            assert!(https.contains("--features tls"), "{https}");
        }
        let secret = Endpoint::new("http://ana:s3cret@127.0.0.1:1/query", DEFAULT_TIMEOUT).unwrap();
        assert!(!super::super::ask(&secret, "ASK {}").unwrap_err().to_string().contains("s3cret"));
    }
}
