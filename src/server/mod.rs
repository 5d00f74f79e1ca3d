//! A SPARQL 1.1 Protocol endpoint over the store: `/query` (GET and POST, urlencoded or
//! `application/sparql-query` bodies) with content negotiation, CORS, a query time limit, a request
//! size limit, read-only (updates refused). The entry point is [`Server::bind`].

use crate::query::{self, Answer, QueryError, QueryOptions, ResultFormat};
use oxigraph::io::RdfFormat;
use oxigraph::store::Store;
use std::io::Read;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tiny_http::{Header, Method, Request, Response};

/// How the endpoint runs.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Address to listen on (`127.0.0.1:7878`; port 0 picks a free port).
    pub bind: String,
    /// Longest a query may run.
    pub timeout: Duration,
    /// Largest request (URL or body) accepted, in bytes.
    pub max_request_bytes: usize,
    /// Requests served at once.
    pub workers: usize,
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            bind: "127.0.0.1:7878".into(),
            timeout: Duration::from_secs(30),
            max_request_bytes: 1 << 20,
            workers: 4,
        }
    }
}

/// Why the endpoint could not start.
#[derive(Debug, thiserror::Error)]
#[error("cannot listen on `{bind}`: {message}")]
pub struct ServerError {
    pub bind: String,
    pub message: String,
}

/// A bound endpoint; [`Server::run`] serves until [`Server::shutdown`].
pub struct Server {
    http: Arc<tiny_http::Server>,
    store: Store,
    config: ServerConfig,
    stopping: Arc<AtomicBool>,
}

const PAGE: &str = include_str!("page.html");

impl Server {
    /// Binds the address.
    pub fn bind(store: Store, config: ServerConfig) -> Result<Self, ServerError> {
        let http = tiny_http::Server::http(&config.bind)
            .map_err(|e| ServerError { bind: config.bind.clone(), message: e.to_string() })?;
        Ok(Self { http: Arc::new(http), store, config, stopping: Arc::new(AtomicBool::new(false)) })
    }

    /// The address it listens on.
    pub fn addr(&self) -> Option<SocketAddr> {
        self.http.server_addr().to_ip()
    }

    /// A handle that stops the server from another thread (a Ctrl-C handler).
    pub fn stopper(&self) -> impl Fn() + Send + Sync + 'static {
        let http = Arc::clone(&self.http);
        let stopping = Arc::clone(&self.stopping);
        let workers = self.config.workers;
        move || {
            stopping.store(true, Ordering::SeqCst);
            for _ in 0..workers {
                http.unblock();
            }
        }
    }

    /// Serves requests on `workers` threads until stopped; requests in flight finish first.
    pub fn run(self) {
        let threads: Vec<_> = (0..self.config.workers.max(1))
            .map(|_| {
                let http = Arc::clone(&self.http);
                let store = self.store.clone();
                let config = self.config.clone();
                let stopping = Arc::clone(&self.stopping);
                std::thread::spawn(move || {
                    while !stopping.load(Ordering::SeqCst) {
                        match http.recv() {
                            Ok(request) => handle(request, &store, &config),
                            Err(_) => break,
                        }
                    }
                })
            })
            .collect();
        for t in threads {
            let _ = t.join();
        }
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

fn with_cors<R: Read>(response: Response<R>) -> Response<R> {
    response
        .with_header(header("Access-Control-Allow-Origin", "*"))
        .with_header(header("Access-Control-Allow-Methods", "GET, POST, OPTIONS"))
        .with_header(header("Access-Control-Allow-Headers", "Content-Type, Accept"))
}

fn text(status: u16, message: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    with_cors(
        Response::from_data(format!("{message}\n").into_bytes())
            .with_status_code(status)
            .with_header(header("Content-Type", "text/plain; charset=utf-8")),
    )
}

fn handle(mut request: Request, store: &Store, config: &ServerConfig) {
    let response = respond(&mut request, store, config);
    let _ = request.respond(response);
}

fn respond(
    request: &mut Request,
    store: &Store,
    config: &ServerConfig,
) -> Response<std::io::Cursor<Vec<u8>>> {
    let url = request.url().to_owned();
    if url.len() > config.max_request_bytes {
        return text(414, "the request URL is larger than the limit");
    }
    let (path, query_string) = url.split_once('?').unwrap_or((&url, ""));
    match (request.method(), path) {
        (Method::Options, _) => with_cors(Response::from_data(Vec::new()).with_status_code(204)),
        (Method::Get, "/") => with_cors(
            Response::from_data(PAGE.as_bytes().to_vec())
                .with_header(header("Content-Type", "text/html; charset=utf-8")),
        ),
        (_, "/update") => text(403, "updates are refused: this endpoint is read-only"),
        (Method::Get, "/query") => match form_value(query_string.as_bytes(), "query") {
            Some(q) => answer(request, store, config, &q),
            None => text(400, "missing `query` parameter"),
        },
        (Method::Post, "/query") => {
            let declared = request.body_length().unwrap_or(0);
            if declared > config.max_request_bytes {
                return text(413, "the request body is larger than the limit");
            }
            let mut body = Vec::new();
            let limit = (config.max_request_bytes + 1) as u64;
            if request.as_reader().take(limit).read_to_end(&mut body).is_err() {
                return text(400, "cannot read the request body");
            }
            if body.len() > config.max_request_bytes {
                return text(413, "the request body is larger than the limit");
            }
            let content_type = header_value(request, "Content-Type").unwrap_or_default();
            let media = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
            let sparql = match media.as_str() {
                "application/sparql-query" => String::from_utf8(body).ok(),
                "application/x-www-form-urlencoded" => form_value(&body, "query"),
                "application/sparql-update" => {
                    return text(403, "updates are refused: this endpoint is read-only")
                }
                _ => return text(415, "send application/sparql-query or application/x-www-form-urlencoded"),
            };
            match sparql {
                Some(q) => answer(request, store, config, &q),
                None => text(400, "missing or undecodable query"),
            }
        }
        (_, "/query") => text(405, "use GET or POST"),
        _ => text(404, "not found: the endpoint is /query"),
    }
}

fn form_value(bytes: &[u8], key: &str) -> Option<String> {
    form_urlencoded::parse(bytes).find(|(k, _)| k == key).map(|(_, v)| v.into_owned())
}

fn header_value(request: &Request, name: &'static str) -> Option<String> {
    request.headers().iter().find(|h| h.field.equiv(name)).map(|h| h.value.as_str().to_owned())
}

/// Picks the result and graph formats from the Accept header (first supported type wins).
pub fn negotiate(accept: &str) -> (ResultFormat, RdfFormat) {
    let mut results = None;
    let mut graph = None;
    for media in accept.split(',').map(|m| m.split(';').next().unwrap_or("").trim().to_ascii_lowercase()) {
        let r = match media.as_str() {
            "application/sparql-results+json" | "application/json" => Some(ResultFormat::Json),
            "application/sparql-results+xml" | "application/xml" => Some(ResultFormat::Xml),
            "text/csv" => Some(ResultFormat::Csv),
            "text/tab-separated-values" => Some(ResultFormat::Tsv),
            _ => None,
        };
        let g = match media.as_str() {
            "text/turtle" => Some(RdfFormat::Turtle),
            "application/n-triples" => Some(RdfFormat::NTriples),
            "application/rdf+xml" => Some(RdfFormat::RdfXml),
            "application/n-quads" => Some(RdfFormat::NQuads),
            "application/trig" => Some(RdfFormat::TriG),
            _ => None,
        };
        results = results.or(r);
        graph = graph.or(g);
    }
    (results.unwrap_or(ResultFormat::Json), graph.unwrap_or(RdfFormat::Turtle))
}

fn answer(
    request: &Request,
    store: &Store,
    config: &ServerConfig,
    sparql: &str,
) -> Response<std::io::Cursor<Vec<u8>>> {
    let (results, graph) = negotiate(&header_value(request, "Accept").unwrap_or_default());
    let options = QueryOptions { results, graph, timeout: Some(config.timeout), ..QueryOptions::default() };
    let mut body = Vec::new();
    match query::run_with(store, sparql, &options, &mut body) {
        Ok(kind) => {
            let media = match kind {
                Answer::Graph => graph.media_type(),
                Answer::Solutions { .. } | Answer::Boolean => results.media_type(),
            };
            with_cors(
                Response::from_data(body)
                    .with_header(header("Content-Type", &format!("{media}; charset=utf-8"))),
            )
        }
        Err(e @ QueryError::Syntax(_)) => text(400, &e.to_string()),
        Err(e @ QueryError::Timeout(_)) => text(503, &e.to_string()),
        Err(e) => text(500, &e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiates_formats() {
        assert_eq!(negotiate(""), (ResultFormat::Json, RdfFormat::Turtle));
        assert_eq!(negotiate("text/csv"), (ResultFormat::Csv, RdfFormat::Turtle));
        assert_eq!(
            negotiate("application/n-triples, application/sparql-results+xml;q=0.9").1,
            RdfFormat::NTriples
        );
        assert_eq!(negotiate("application/sparql-results+xml;q=0.9").0, ResultFormat::Xml);
        assert_eq!(negotiate("text/html,*/*").0, ResultFormat::Json);
    }
}
