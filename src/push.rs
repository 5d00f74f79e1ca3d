//! Pushing named graphs to a SPARQL 1.1 Graph Store Protocol endpoint: one PUT per graph.
//!
//! `PUT URL?graph=IRI` with the graph's triples as N-Triples replaces the graph on the server, so
//! pushing again after a rebuild replaces rather than duplicates; `DELETE URL?graph=IRI` removes a
//! graph whose document is gone. Any server that implements the protocol will do (Oxigraph's
//! `/store`, Fuseki's `/DATASET/data`, GraphDB's `/repositories/R/rdf-graphs/service`, …).
//! User name and password in the URL (`http://user:secret@host/store`) are sent as Basic auth.

use crate::storage::Snapshot;
use std::time::Duration;
use ureq::http::Uri;

/// Longest wait for one request.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(300);
/// Longest wait to connect.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Why a push failed.
#[derive(Debug, thiserror::Error)]
pub enum PushError {
    /// The endpoint is not a usable URL.
    #[error("push URL `{0}` is not an http:// or https:// URL with a host")]
    BadUrl(String),
    /// https without TLS support compiled in.
    #[error(
        "push URL `{0}` is https, but this diplograph was built without TLS (build with `--features tls`)"
    )]
    NoTls(String),
    /// The server could not be reached or the connection failed.
    #[error("cannot push graph <{graph}> to `{url}`: {message}")]
    Unreachable { url: String, graph: String, message: String },
    /// The server answered with an error status.
    #[error("`{url}` refused graph <{graph}>: HTTP {status} {message}")]
    Refused { url: String, graph: String, status: u16, message: String },
    /// The local store has no such graph.
    #[error("the store has no graph <{0}>")]
    NoGraph(String),
}

/// A Graph Store Protocol endpoint.
pub struct Endpoint {
    /// The URL requests go to (with any user name and password).
    target: String,
    shown: String,
    agent: ureq::Agent,
}

/// What a push sent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PushReport {
    pub graphs: usize,
    pub triples: usize,
    pub deleted: usize,
}

impl Endpoint {
    /// Checks the URL (without contacting the server).
    pub fn new(url: &str) -> Result<Self, PushError> {
        let shown = checked_url(url).map_err(|e| match e {
            UrlError::Bad(shown) => PushError::BadUrl(shown),
            UrlError::NoTls(shown) => PushError::NoTls(shown),
        })?;
        Ok(Self { target: url.to_owned(), shown, agent: agent(REQUEST_TIMEOUT) })
    }

    /// The URL as shown in messages (no password).
    pub fn url(&self) -> &str {
        &self.shown
    }

    /// Replaces graph `graph` on the server by `ntriples`.
    pub fn put_graph(&self, graph: &str, ntriples: &[u8]) -> Result<(), PushError> {
        let response = self
            .agent
            .put(&self.target)
            .query("graph", graph)
            .header("Content-Type", "application/n-triples")
            .send(ntriples);
        self.check(graph, response, &[])
    }

    /// Replaces the server's default graph by `ntriples`.
    pub fn put_default(&self, ntriples: &[u8]) -> Result<(), PushError> {
        let response = self
            .agent
            .put(&self.target)
            .query("default", "")
            .header("Content-Type", "application/n-triples")
            .send(ntriples);
        self.check("default graph", response, &[])
    }

    /// Removes graph `graph` from the server; a graph the server does not have is not an error.
    pub fn delete_graph(&self, graph: &str) -> Result<(), PushError> {
        let response = self.agent.delete(&self.target).query("graph", graph).call();
        self.check(graph, response, &[404])
    }

    fn check(
        &self,
        graph: &str,
        response: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
        also_fine: &[u16],
    ) -> Result<(), PushError> {
        let mut response = response.map_err(|e| PushError::Unreachable {
            url: self.shown.clone(),
            graph: graph.to_owned(),
            message: e.to_string(),
        })?;
        let status = response.status().as_u16();
        if response.status().is_success() || also_fine.contains(&status) {
            return Ok(());
        }
        let (status, message) = refusal(&mut response);
        Err(PushError::Refused { url: self.shown.clone(), graph: graph.to_owned(), status, message })
    }
}

/// Why a URL cannot be used; each holds the URL as shown (no password).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum UrlError {
    /// Not an http:// or https:// URL with a host.
    Bad(String),
    /// https, but built without the `tls` feature.
    NoTls(String),
}

/// Checks that `url` is an http:// (or, with the `tls` feature, https://) URL with a host, without
/// contacting it; gives the URL as messages show it.
pub(crate) fn checked_url(url: &str) -> Result<String, UrlError> {
    let uri: Uri = url.parse().map_err(|_| UrlError::Bad(url.to_owned()))?;
    let shown = without_password(&uri);
    match uri.scheme_str() {
        Some("http") => {}
        Some("https") if cfg!(feature = "tls") => {}
        Some("https") => return Err(UrlError::NoTls(shown)),
        _ => return Err(UrlError::Bad(shown)),
    }
    if uri.host().is_none_or(str::is_empty) {
        return Err(UrlError::Bad(shown));
    }
    Ok(shown)
}

/// The HTTP client: statuses are answers, not errors; `timeout` bounds each whole request.
pub(crate) fn agent(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(timeout))
        .timeout_connect(Some(CONNECT_TIMEOUT))
        .user_agent(concat!("diplograph/", env!("CARGO_PKG_VERSION")))
        .build()
        .into()
}

/// An error answer's status and its first non-blank body line (else the status's reason), cut
/// to 200 characters: what a one-line message can show.
pub(crate) fn refusal(response: &mut ureq::http::Response<ureq::Body>) -> (u16, String) {
    let body = response.body_mut().with_config().limit(64 * 1024).read_to_string().unwrap_or_default();
    let reason = response.status().canonical_reason().unwrap_or("");
    let detail = body.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or(reason);
    (response.status().as_u16(), detail.chars().take(200).collect())
}

/// Sends each graph of `graphs` from `store` (PUT, replacing) and deletes each of `deleted` on the
/// server; then, when `default_view` is set, replaces the server's default graph by the store's
/// ([`Snapshot::default_view_ntriples`]: what a local query sees without `GRAPH`), so queries sent
/// with `--endpoint` see what they would see locally. `progress` is called after each graph with
/// the number done and the total.
pub fn push(
    endpoint: &Endpoint,
    store: &Snapshot,
    graphs: &[String],
    deleted: &[String],
    default_view: bool,
    mut progress: impl FnMut(usize, usize),
) -> Result<PushReport, PushError> {
    let mut report = PushReport::default();
    let total = graphs.len() + deleted.len();
    for graph in deleted {
        endpoint.delete_graph(graph)?;
        report.deleted += 1;
        progress(report.deleted, total);
    }
    for graph in graphs {
        let (ntriples, count) =
            store.graph_ntriples(graph).ok_or_else(|| PushError::NoGraph(graph.clone()))?;
        endpoint.put_graph(graph, &ntriples)?;
        report.graphs += 1;
        report.triples += count;
        progress(report.deleted + report.graphs, total);
    }
    if default_view {
        let (ntriples, _) = store.default_view_ntriples();
        endpoint.put_default(&ntriples)?;
    }
    Ok(report)
}

/// The URL with any password replaced by `***`, for messages.
fn without_password(uri: &Uri) -> String {
    let text = uri.to_string();
    match uri.authority().map(|a| a.as_str()) {
        Some(authority) if authority.contains('@') => {
            let (user, host) = authority.rsplit_once('@').unwrap_or(("", authority));
            let user = user.split(':').next().unwrap_or("");
            text.replacen(authority, &format!("{user}:***@{host}"), 1)
        }
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_checked_before_any_request() {
        assert!(Endpoint::new("http://127.0.0.1:7878/store").is_ok());
        assert!(matches!(Endpoint::new("ftp://example.org/store"), Err(PushError::BadUrl(_))));
        assert!(matches!(Endpoint::new("not a url"), Err(PushError::BadUrl(_))));
        assert!(matches!(Endpoint::new("/store"), Err(PushError::BadUrl(_))));
        if !cfg!(feature = "tls") {
            assert!(matches!(Endpoint::new("https://example.org/store"), Err(PushError::NoTls(_))));
        }
    }

    #[test]
    fn passwords_never_reach_messages() {
        let endpoint = Endpoint::new("http://ana:s3cret@127.0.0.1:1/store").unwrap();
        assert_eq!(endpoint.url(), "http://ana:***@127.0.0.1:1/store");
        let error = endpoint.put_graph("http://x/g", b"").unwrap_err().to_string();
        assert!(!error.contains("s3cret") && error.contains("<http://x/g>"), "{error}");
    }
}
