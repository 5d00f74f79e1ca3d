//! A SPARQL 1.1 Protocol endpoint over the store: `/query` (GET and POST, urlencoded or
//! `application/sparql-query` bodies) with content negotiation, CORS, a time limit that holds, a
//! bounded set of evaluations, streamed answers, and limits on requests and idle connections;
//! read-only (updates refused, SERVICE refused). The entry point is [`Server::bind`].
//!
//! HTTP is the small strict layer in [`http`] over `std::net` (tiny_http offered no limit on
//! header size or count, no idle timeout, no `TCP_NODELAY` and took repeated `Content-Length`s).
//! One thread per connection (at most `max_connections`); each evaluation runs in a child process
//! that the time limit kills (see [`isolate`]).

mod answer;
pub mod explorer;
pub mod http;
mod isolate;
mod negotiate;

pub use negotiate::negotiate;

use answer::{text, Admission, CORS};
use oxigraph::store::Store;
use std::io::BufReader;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// How the endpoint runs.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Address to listen on (`127.0.0.1:7878`; port 0 picks a free port).
    pub bind: String,
    /// Longest a query may take, answer included.
    pub timeout: Duration,
    /// Largest request body accepted, in bytes.
    pub max_request_bytes: usize,
    /// Largest request line and headers together, in bytes (431 beyond).
    pub max_head_bytes: usize,
    /// Most header lines in a request (431 beyond).
    pub max_headers: usize,
    /// Queries evaluated at once; more get 503 with `Retry-After` at once.
    pub workers: usize,
    /// Connections open at once; more get 503 and are closed.
    pub max_connections: usize,
    /// A connection with no request coming for this long is closed.
    pub idle_timeout: Duration,
    /// Answer bytes held before committing to `200` and streaming (see [`answer`]).
    pub commit_bytes: usize,
    /// Memory one evaluation may allocate beyond the server's own, in bytes (503 past it).
    pub query_memory: u64,
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            bind: "127.0.0.1:7878".into(),
            timeout: Duration::from_secs(30),
            max_request_bytes: 1 << 20,
            max_head_bytes: 64 * 1024,
            max_headers: 100,
            workers: 4,
            max_connections: 64,
            idle_timeout: Duration::from_secs(5),
            commit_bytes: 256 * 1024,
            query_memory: 2 << 30,
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

/// What the connection threads share.
struct Shared {
    stopping: AtomicBool,
    connections: AtomicUsize,
    admission: Arc<Admission>,
}

/// The store a server answers from, and where a forked evaluation reopens it: an indexed store's
/// snapshot directory (a RocksDB handle and its open files do not survive into the child), or
/// nowhere for an in-memory store, which the child shares copy-on-write.
#[derive(Clone)]
pub struct Served {
    pub store: Store,
    pub reopen: Option<std::path::PathBuf>,
}

impl From<Store> for Served {
    fn from(store: Store) -> Self {
        Self { store, reopen: None }
    }
}

impl std::ops::Deref for Served {
    type Target = Store;

    fn deref(&self) -> &Store {
        &self.store
    }
}

/// The store a server answers from, which another thread may replace (a rebuilt store): each
/// request takes the store current when it starts, so no request sees two stores.
#[derive(Clone)]
pub struct SharedStore(Arc<std::sync::RwLock<Served>>);

impl SharedStore {
    /// The store to answer the next request from (a cheap handle on it).
    pub fn current(&self) -> Served {
        self.0.read().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
    }

    /// Answers later requests from `store`; requests in flight finish on the one they started on.
    pub fn replace(&self, store: impl Into<Served>) {
        *self.0.write().unwrap_or_else(|poisoned| poisoned.into_inner()) = store.into();
    }
}

/// A bound endpoint; [`Server::run`] serves until [`Server::stopper`] is called.
pub struct Server {
    listener: TcpListener,
    store: SharedStore,
    config: ServerConfig,
    shared: Arc<Shared>,
}

impl Server {
    /// Binds the address.
    pub fn bind(store: impl Into<Served>, config: ServerConfig) -> Result<Self, ServerError> {
        let error = |e: std::io::Error| ServerError { bind: config.bind.clone(), message: e.to_string() };
        let listener = TcpListener::bind(&config.bind).map_err(error)?;
        let shared = Arc::new(Shared {
            stopping: AtomicBool::new(false),
            connections: AtomicUsize::new(0),
            admission: Arc::default(),
        });
        let store = SharedStore(Arc::new(std::sync::RwLock::new(store.into())));
        Ok(Self { listener, store, config, shared })
    }

    /// A handle to replace the store the server answers from.
    pub fn store_handle(&self) -> SharedStore {
        self.store.clone()
    }

    /// The address it listens on.
    pub fn addr(&self) -> Option<SocketAddr> {
        self.listener.local_addr().ok()
    }

    /// A handle that stops the server from another thread (a Ctrl-C handler): [`Server::run`]
    /// returns within a tenth of a second and running queries are cancelled.
    pub fn stopper(&self) -> impl Fn() + Send + Sync + 'static {
        let shared = Arc::clone(&self.shared);
        // `run` waits in a blocking accept (no polling delay for new connections): a connection
        // of our own wakes it to see the flag.
        let wake = self.addr().map(|mut addr| {
            match addr.ip() {
                std::net::IpAddr::V4(ip) if ip.is_unspecified() => {
                    addr.set_ip(std::net::Ipv4Addr::LOCALHOST.into())
                }
                std::net::IpAddr::V6(ip) if ip.is_unspecified() => {
                    addr.set_ip(std::net::Ipv6Addr::LOCALHOST.into())
                }
                _ => {}
            }
            addr
        });
        move || {
            shared.stopping.store(true, Ordering::SeqCst);
            shared.admission.cancel_all();
            if let Some(addr) = wake {
                let _ = TcpStream::connect_timeout(&addr, Duration::from_millis(100));
            }
        }
    }

    /// Accepts connections until stopped. Answers in flight are cut when the process then exits.
    pub fn run(self) {
        let store = self.store;
        let config = Arc::new(self.config);
        while !self.shared.stopping.load(Ordering::SeqCst) {
            let stream = match self.listener.accept() {
                Ok((stream, _)) => stream,
                // Out of descriptors or the like: let connections end before trying again.
                Err(_) => {
                    std::thread::sleep(Duration::from_millis(10));
                    continue;
                }
            };
            if self.shared.stopping.load(Ordering::SeqCst) {
                break;
            }
            let shared = Arc::clone(&self.shared);
            let (store, config) = (store.clone(), Arc::clone(&config));
            if shared.connections.fetch_add(1, Ordering::SeqCst) >= config.max_connections {
                shared.connections.fetch_sub(1, Ordering::SeqCst);
                let mut stream = stream;
                let _ = stream.set_nonblocking(false);
                let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
                text(
                    &mut stream,
                    503,
                    "too many connections: try again shortly",
                    false,
                    &[("Retry-After", "1")],
                );
                continue;
            }
            std::thread::spawn(move || {
                connection(stream, &store, &config, &shared);
                shared.connections.fetch_sub(1, Ordering::SeqCst);
            });
        }
        self.shared.admission.cancel_all();
    }
}

/// Serves the requests of one connection until it closes, idles or errs.
fn connection(stream: TcpStream, store: &SharedStore, config: &ServerConfig, shared: &Shared) {
    let setup = stream
        .set_nonblocking(false)
        .and_then(|()| stream.set_nodelay(true))
        .and_then(|()| stream.set_read_timeout(Some(config.idle_timeout)))
        .and_then(|()| stream.set_write_timeout(Some(config.timeout.max(Duration::from_secs(1)))));
    let (Ok(()), Ok(read)) = (setup, stream.try_clone()) else {
        return;
    };
    let mut reader = BufReader::new(read);
    let mut out = stream;
    let limits = http::Limits {
        max_head_bytes: config.max_head_bytes,
        max_headers: config.max_headers,
        max_body_bytes: config.max_request_bytes,
    };
    while !shared.stopping.load(Ordering::SeqCst) {
        let kept = match http::read_request(&mut reader, &limits) {
            Err(http::ReadError::Gone) => false,
            Err(http::ReadError::Refused(status, message)) => {
                text(&mut out, status, message, false, &[]);
                linger(&mut reader, &out);
                false
            }
            Ok(request) => {
                let keep_alive = request.keep_alive() && !shared.stopping.load(Ordering::SeqCst);
                respond(&request, &mut out, keep_alive, &store.current(), config, shared)
            }
        };
        if !kept {
            break;
        }
    }
}

/// After refusing a request the client may still be sending: closing with unread input would reset
/// the connection and lose the answer, so read and drop up to 1 MiB for up to a second first.
fn linger(reader: &mut BufReader<TcpStream>, out: &TcpStream) {
    let _ = out.shutdown(std::net::Shutdown::Write);
    let _ = reader.get_ref().set_read_timeout(Some(Duration::from_secs(1)));
    let _ = std::io::copy(&mut std::io::Read::take(reader, 1 << 20), &mut std::io::sink());
}

const READ_ONLY: &str = "updates are refused: this endpoint is read-only";

/// Answers one request; says whether the connection may serve another.
fn respond(
    request: &http::Request,
    out: &mut TcpStream,
    keep_alive: bool,
    store: &Served,
    config: &ServerConfig,
    shared: &Shared,
) -> bool {
    let (path, query_string) = request.target.split_once('?').unwrap_or((&request.target, ""));
    let params = |bytes: &[u8]| form_urlencoded::parse(bytes).into_owned().collect::<Vec<(String, String)>>();
    let accept = request.header("Accept").unwrap_or("");
    let head_only = request.method == "HEAD";
    if request.method == "GET" || head_only {
        if let Some(page) = explorer::route(path, query_string, accept, store) {
            return explorer::send(out, head_only, &page, keep_alive);
        }
    }
    // A browser's /query (the query page's form, or a link) gets HTML; SPARQL clients the protocol.
    let form = match (request.method.as_str(), request.header("Content-Type")) {
        ("POST", Some(t))
            if t.trim().to_ascii_lowercase().starts_with("application/x-www-form-urlencoded") =>
        {
            params(&request.body)
        }
        _ => params(query_string.as_bytes()),
    };
    if path == "/query"
        && matches!(request.method.as_str(), "GET" | "HEAD" | "POST")
        && explorer::wants_query_page(accept, &form)
    {
        let page = explorer::query_page(&form, store, config);
        return explorer::send(out, head_only, &page, keep_alive);
    }
    if head_only {
        let mut page = explorer::Response::text(404, "not found");
        if path == "/query" {
            page = explorer::Response::text(405, "use GET or POST");
            page.headers.push(("Allow", "GET, POST, OPTIONS".to_owned()));
        }
        return explorer::send(out, true, &page, keep_alive);
    }
    let sparql = match (request.method.as_str(), path) {
        ("OPTIONS", _) => {
            return http::write_response(out, 204, &CORS, b"", keep_alive).is_ok() && keep_alive;
        }
        (_, "/update") => return text(out, 403, READ_ONLY, keep_alive, &[]),
        ("GET", "/query") => one_query(&params(query_string.as_bytes())),
        ("POST", "/query") => {
            let content_type = request.header("Content-Type").unwrap_or_default();
            let media = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
            let in_url = params(query_string.as_bytes());
            match media.as_str() {
                "application/sparql-query" if in_url.iter().any(|(k, _)| k == "query" || k == "update") => {
                    Err((400, "the query is in the body: the URL must not hold another"))
                }
                "application/sparql-query" => {
                    String::from_utf8(request.body.clone()).map_err(|_| (400, "the query is not UTF-8"))
                }
                "application/x-www-form-urlencoded" if !in_url.is_empty() => {
                    Err((400, "send the parameters in the body, not in the URL as well"))
                }
                "application/x-www-form-urlencoded" => one_query(&params(&request.body)),
                "application/sparql-update" => Err((403, READ_ONLY)),
                _ => Err((415, "send application/sparql-query or application/x-www-form-urlencoded")),
            }
        }
        (_, "/query") => {
            return text(out, 405, "use GET or POST", keep_alive, &[("Allow", "GET, POST, OPTIONS")])
        }
        _ => {
            return text(
                out,
                404,
                "not found: the explorer is at /, the SPARQL endpoint at /query",
                keep_alive,
                &[],
            )
        }
    };
    match sparql {
        Ok(sparql) => {
            // The query page's download links name their format, as a link cannot set Accept.
            let accept = explorer::download_accept(accept, &form);
            answer::answer(out, keep_alive, accept, sparql, store, config, &shared.admission)
        }
        Err((status, message)) => text(out, status, message, keep_alive, &[]),
    }
}

/// The one `query` parameter; an `update` one is refused (403), none or two are a bad request.
fn one_query(params: &[(String, String)]) -> Result<String, (u16, &'static str)> {
    if params.iter().any(|(k, _)| k == "update") {
        return Err((403, READ_ONLY));
    }
    // Ignoring them would answer over another dataset than the one asked for.
    if params.iter().any(|(k, _)| k == "default-graph-uri" || k == "named-graph-uri") {
        return Err((
            400,
            "default-graph-uri and named-graph-uri are not supported: use FROM or GRAPH in the query",
        ));
    }
    let mut queries = params.iter().filter(|(k, _)| k == "query");
    match (queries.next(), queries.next()) {
        (Some((_, q)), None) => Ok(q.clone()),
        (None, _) => Err((400, "missing `query` parameter")),
        (Some(_), Some(_)) => Err((400, "more than one `query` parameter")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(raw: &str) -> Vec<(String, String)> {
        form_urlencoded::parse(raw.as_bytes()).into_owned().collect()
    }

    #[test]
    fn takes_exactly_one_query_and_refuses_updates() {
        assert_eq!(one_query(&pairs("query=ASK%7B%7D")), Ok("ASK{}".to_owned()));
        assert_eq!(one_query(&pairs("query=ASK%7B%7D&query=ASK%7B%7D")).unwrap_err().0, 400);
        assert_eq!(one_query(&pairs("default-graph-uri=x")).unwrap_err().0, 400);
        assert_eq!(one_query(&pairs("query=ASK%7B%7D&named-graph-uri=x")).unwrap_err().0, 400);
        assert_eq!(one_query(&pairs("update=CLEAR%20ALL")).unwrap_err().0, 403);
        assert_eq!(one_query(&pairs("query=ASK%7B%7D&update=CLEAR%20ALL")).unwrap_err().0, 403);
    }
}
