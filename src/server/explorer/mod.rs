//! The explorer: HTML pages over the store for analysts who do not write SPARQL — search, entity
//! and document pages, pair dossiers, the graph view and a query page — served by `serve` beside
//! the SPARQL endpoint, with its assets compiled in. The entry points are [`route`] (every GET or
//! HEAD page), [`query_page`] (a browser's `/query`) and [`send`].
//!
//! `/id/…` negotiates: a client preferring HTML gets the page, an RDF client the statements about
//! the IRI in the format it asks for (the formats of [`super::negotiate`]). Pages are built from
//! fixed queries by IRI and escape everything they show; they carry
//! `Content-Security-Policy: default-src 'self'` and need no JavaScript except the graph view.

mod assets;
mod document;
mod dossier;
mod entity;
mod facts;
mod graph;
pub mod html;
mod search;
mod sparql;

use super::ServerConfig;
use crate::model::{Kind, Relation};
use crate::query::QueryError;
use crate::vocab;
use oxigraph::io::RdfSerializer;
use oxigraph::model::NamedNode;
use oxigraph::store::Store;
use std::io::Write;

/// A whole answer: status, media type, extra headers and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

const CSP: &str = "default-src 'self'";

impl Response {
    /// An HTML page.
    pub fn html(status: u16, title: &str, body: &str, scripts: &[&str]) -> Self {
        Self {
            status,
            content_type: "text/html; charset=utf-8",
            headers: vec![
                ("Content-Security-Policy", CSP.to_owned()),
                ("X-Content-Type-Options", "nosniff".to_owned()),
                ("Vary", "Accept".to_owned()),
            ],
            body: html::page(title, body, scripts).into_bytes(),
        }
    }

    /// A short plain-text answer.
    pub fn text(status: u16, message: &str) -> Self {
        Self {
            status,
            content_type: "text/plain; charset=utf-8",
            headers: vec![("X-Content-Type-Options", "nosniff".to_owned())],
            body: format!("{message}\n").into_bytes(),
        }
    }

    fn failed(e: &QueryError) -> Self {
        Self::html(500, "error", &format!("<p class=\"error\">{}</p>", html::escape(&e.to_string())), &[])
    }

    fn not_found(what: &str) -> Self {
        let body = format!("<h1>Not found</h1><p class=\"note\">{}</p>", html::escape(what));
        Self::html(404, "not found", &body, &[])
    }
}

/// Writes `response` (only its head for a HEAD request); says whether the connection may serve
/// another request.
pub fn send(out: &mut impl Write, head_only: bool, response: &Response, keep_alive: bool) -> bool {
    let mut headers: Vec<(&str, &str)> = vec![("Content-Type", response.content_type)];
    headers.extend(response.headers.iter().map(|(k, v)| (*k, v.as_str())));
    let written = if head_only {
        super::http::write_head(out, response.status, &headers, Some(response.body.len()), keep_alive)
            .and_then(|()| out.flush())
    } else {
        super::http::write_response(out, response.status, &headers, &response.body, keep_alive)
    };
    written.is_ok() && keep_alive
}

/// Whether `accept` ranks HTML at least as high as every other type it names (a browser's
/// `text/html,…,*/*;q=0.8`); a SPARQL or RDF client's list, `*/*` or none do not.
pub fn prefers_html(accept: &str) -> bool {
    let mut html: Option<f32> = None;
    let mut other: f32 = 0.0;
    for range in accept.split(',') {
        let mut parts = range.split(';');
        let media = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = parts
            .filter_map(|p| p.split_once('='))
            .find(|(k, _)| k.trim().eq_ignore_ascii_case("q"))
            .and_then(|(_, v)| v.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        match media.as_str() {
            "text/html" | "application/xhtml+xml" => html = Some(html.map_or(q, |h| h.max(q))),
            "*/*" | "text/*" | "application/*" | "" => {}
            _ => other = other.max(q),
        }
    }
    html.is_some_and(|h| h > 0.0 && h >= other)
}

fn param<'p>(params: &'p [(String, String)], name: &str) -> Option<&'p str> {
    params.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// Whether a `/query` request with `params` comes from the query page or a browser (HTML), not
/// from a SPARQL client: `format=html`, or no `format` and an `Accept` preferring HTML.
pub fn wants_query_page(accept: &str, params: &[(String, String)]) -> bool {
    match param(params, "format") {
        Some(format) => format == "html",
        None => prefers_html(accept),
    }
}

/// The `Accept` a `/query` request is answered by: a browser following the query page's download
/// links (a link cannot set `Accept`) gets the format its `format` parameter names; anyone else
/// keeps its own `Accept` (SPARQLWrapper sends `format=json` beside its `Accept`).
pub fn download_accept<'a>(accept: &'a str, params: &[(String, String)]) -> &'a str {
    if !prefers_html(accept) {
        return accept;
    }
    match param(params, "format") {
        Some("csv") => "text/csv",
        Some("tsv") => "text/tab-separated-values",
        Some("json") => "application/sparql-results+json",
        Some("xml") => "application/sparql-results+xml",
        Some("turtle") => "text/turtle",
        Some("ntriples") => "application/n-triples",
        _ => accept,
    }
}

/// The query page for a browser's `/query` with `params` (`query`, or `example` to load a named
/// query into the editor).
pub fn query_page(params: &[(String, String)], store: &super::Served, config: &ServerConfig) -> Response {
    let sparql = param(params, "query").filter(|q| !q.trim().is_empty());
    let (status, body) = sparql::page(
        store,
        sparql,
        param(params, "example"),
        sparql::Limits { timeout: config.timeout, workers: config.workers, memory: config.query_memory },
    );
    Response::html(status, "SPARQL", &body, &[])
}

/// The answer to a GET (or HEAD) of `path` with the query string `query`, or `None` when `path`
/// is none of the explorer's pages (`/query` included: see [`query_page`]).
pub fn route(path: &str, query: &str, accept: &str, store: &Store) -> Option<Response> {
    let params: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes()).into_owned().collect();
    let get = |name: &str| param(&params, name).unwrap_or("").to_owned();
    let answer = match path {
        "/" => {
            let (title, body) = search::home();
            Ok(Response::html(200, &title, &body, &[]))
        }
        "/search" => {
            search::page(store, &get("q")).map(|(title, body)| Response::html(200, &title, &body, &[]))
        }
        "/dossier" => {
            let from = get("from").parse().unwrap_or(0);
            let (status, title, body) = dossier::page(store, &get("a"), &get("b"), from);
            Ok(Response::html(status, &title, &body, &[]))
        }
        "/graph" | "/graph.json" => graph_route(path == "/graph.json", &params, store),
        _ => {
            if let Some(name) = path.strip_prefix("/assets/") {
                return Some(match assets::asset(name) {
                    Some(a) => Response {
                        status: 200,
                        content_type: a.media_type,
                        headers: vec![("Cache-Control", "public, max-age=3600".to_owned())],
                        body: a.bytes.to_vec(),
                    },
                    None => Response::text(404, "no such asset"),
                });
            }
            let rest = path.strip_prefix("/id/")?;
            let from = param(&params, "from").and_then(|n| n.parse().ok()).unwrap_or(0);
            id_route(rest, from, accept, store)
        }
    };
    Some(answer.unwrap_or_else(|e| Response::failed(&e)))
}

/// `/id/REST`: the page of the IRI `…/id/REST` (its facts from the `from`th), or its statements
/// for an RDF client.
fn id_route(rest: &str, from: usize, accept: &str, store: &Store) -> Result<Response, QueryError> {
    let Some(iri) = html::decode_path(rest).and_then(|r| NamedNode::new(format!("{}{r}", vocab::ID)).ok())
    else {
        return Ok(Response::not_found("this is not an IRI of the graph"));
    };
    if !prefers_html(accept) {
        let Some(format) = super::negotiate(accept).1 else {
            return Ok(Response::text(
                406,
                "ask for text/html, text/turtle, application/n-triples, application/rdf+xml, application/n-quads or application/trig",
            ));
        };
        let triples =
            crate::query::select(store, &format!("SELECT ?p ?o WHERE {{ {iri} ?p ?o }} ORDER BY ?p ?o"))?;
        if triples.is_empty() {
            return Ok(Response::text(404, "the graph holds nothing about this IRI"));
        }
        let mut serializer = RdfSerializer::from_format(format);
        for (prefix, namespace) in crate::query::PREFIXES {
            serializer = serializer
                .with_prefix(*prefix, *namespace)
                .map_err(|e| QueryError::Evaluation(e.to_string()))?;
        }
        let mut writer = serializer.for_writer(Vec::new());
        for row in &triples {
            let (Some(oxigraph::model::Term::NamedNode(p)), Some(o)) = (row.get("p"), row.get("o")) else {
                continue;
            };
            writer.serialize_triple(oxigraph::model::TripleRef::new(iri.as_ref(), p.as_ref(), o.as_ref()))?;
        }
        let body = writer.finish()?;
        return Ok(Response {
            status: 200,
            content_type: format.media_type(),
            headers: vec![("Vary", "Accept".to_owned()), ("Access-Control-Allow-Origin", "*".to_owned())],
            body,
        });
    }
    let about = entity::About::of(store, &iri)?;
    if document::is_document(&about) {
        let (title, body) = document::page(store, &iri, &about)?;
        return Ok(Response::html(200, &title, &body, &[]));
    }
    Ok(match entity::page(store, &iri, from)? {
        Some((title, body)) => Response::html(200, &title, &body, &[]),
        None => Response::not_found(&format!("the graph holds nothing about {iri}")),
    })
}

/// `/graph` (the page) or `/graph.json` (its data) for `entity`, `depth`, `kind`s and `relation`s.
fn graph_route(json: bool, params: &[(String, String)], store: &Store) -> Result<Response, QueryError> {
    let entity = param(params, "entity").unwrap_or("").trim().to_owned();
    let bad = |message: String| Ok(Response::text(400, &message));
    let mut kinds = Vec::new();
    for (_, k) in params.iter().filter(|(k, v)| k == "kind" && !v.is_empty()) {
        match Kind::from_name(k) {
            Some(kind) => kinds.push(kind),
            None => return bad(format!("unknown kind `{k}`")),
        }
    }
    let mut relations = Vec::new();
    for (_, r) in params.iter().filter(|(k, v)| k == "relation" && !v.is_empty()) {
        match Relation::from_name(r).filter(|r| Relation::PROJECTED.contains(r) && !r.is_derived()) {
            Some(relation) => relations.push(relation),
            None => return bad(format!("unknown relation `{r}`")),
        }
    }
    let depth = match param(params, "depth").unwrap_or("1") {
        "1" | "" => 1,
        "2" => 2,
        other => return bad(format!("depth `{other}` is not 1 or 2")),
    };
    if entity.is_empty() {
        if json {
            return bad("give an entity".into());
        }
        return Ok(Response::html(200, "关系图 Graph", &graph::page(None, "", None, ""), &[]));
    }
    let center = crate::lookup::find(store, &entity, &[])?.and_then(|iri| NamedNode::new(iri).ok());
    let Some(center) = center else {
        if json {
            return Ok(Response::text(404, &format!("no entity matches `{entity}`")));
        }
        let body = graph::page(None, &entity, None, "")
            + &format!("<p class=\"error\">no entity matches “{}”</p>", html::escape(&entity));
        return Ok(Response::html(404, "关系图 Graph", &body, &[]));
    };
    let request = graph::EgoRequest { center, depth, kinds, relations };
    let ego = graph::ego(store, &request)?;
    if json {
        return Ok(Response {
            status: 200,
            content_type: "application/json",
            headers: vec![("X-Content-Type-Options", "nosniff".to_owned())],
            body: graph::elements(&ego).to_string().into_bytes(),
        });
    }
    let data_url = format!("/graph.json?{}", graph::data_query(&request));
    let title = format!("{} · 关系图", ego.nodes.first().map(|n| n.label.as_str()).unwrap_or(""));
    let body = graph::page(Some(&request), &entity, Some(&ego), &data_url);
    Ok(Response::html(200, &title, &body, &["cytoscape.min.js", "graph.js"]))
}

#[cfg(test)]
mod tests;
