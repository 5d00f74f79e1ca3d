//! One query's answer on a connection: admission to a bounded set of evaluations, the time limit,
//! and streaming that never lets a cut answer look whole. The entry point is [`answer`].
//!
//! The evaluation runs in a child process (see [`super::isolate`]) whose output arrives in chunks
//! through a bounded channel, so at most `commit_bytes` plus a few chunks of an answer are held. The
//! connection side keeps the time limit itself, whatever the evaluator does:
//!
//! - an answer that ends within `commit_bytes` is sent whole with a `Content-Length`;
//! - a longer one commits to `200` and goes out in chunks; if it is then cancelled (time limit,
//!   shutdown) or fails, the connection is closed without the last chunk and without the closing of
//!   the JSON or XML document, so a client sees a broken transfer, never a complete-looking answer;
//! - before the commit, a time limit reached answers `503` at once.
//!
//! When the connection is done with it (answered, cut or timed out), the child is killed, so
//! nothing keeps running or holding memory after a `503`.

use super::http::{self, ChunkedWriter};
use super::isolate::{self, Evaluation, Message};
use super::ServerConfig;
use crate::query::{Acceptable, Form, QueryOptions, ResultFormat};
use oxigraph::io::RdfFormat;
use std::net::{Shutdown, TcpStream};
use std::sync::mpsc::{sync_channel, Receiver, RecvTimeoutError};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// Longest a query waits for a free evaluation before its 503: a burst of cheap queries queues
/// briefly, a server held by long ones says so at once.
const ADMISSION_WAIT: Duration = Duration::from_secs(1);

/// Evaluations running at once: `live` ones a client waits for (at most `workers`) and all
/// `alive` ones including those killed but not yet reaped (at most `2 × workers`).
#[derive(Default)]
pub struct Admission {
    counts: Mutex<(usize, usize)>,
    freed: Condvar,
    running: Mutex<Vec<Arc<Evaluation>>>,
}

impl Admission {
    fn admit(self: &Arc<Self>, workers: usize) -> Option<(Live, Alive)> {
        let full = |c: &mut (usize, usize)| c.0 >= workers || c.1 >= 2 * workers;
        let counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        let (mut counts, _) =
            self.freed.wait_timeout_while(counts, ADMISSION_WAIT, full).unwrap_or_else(|e| e.into_inner());
        if full(&mut counts) {
            return None;
        }
        counts.0 += 1;
        counts.1 += 1;
        Some((Live(Arc::clone(self)), Alive(Arc::clone(self))))
    }

    /// Kills every running evaluation (the server is stopping).
    pub fn cancel_all(&self) {
        for evaluation in self.running.lock().unwrap_or_else(|e| e.into_inner()).drain(..) {
            evaluation.kill();
        }
    }

    fn register(&self, evaluation: &Arc<Evaluation>) {
        let mut running = self.running.lock().unwrap_or_else(|e| e.into_inner());
        running.retain(|e| e.running());
        running.push(Arc::clone(evaluation));
    }
}

/// A client waiting on an evaluation.
struct Live(Arc<Admission>);

impl Drop for Live {
    fn drop(&mut self) {
        self.0.counts.lock().unwrap_or_else(|e| e.into_inner()).0 -= 1;
        self.0.freed.notify_one();
    }
}

/// An evaluation process not yet reaped.
struct Alive(Arc<Admission>);

impl Drop for Alive {
    fn drop(&mut self) {
        self.0.counts.lock().unwrap_or_else(|e| e.into_inner()).1 -= 1;
        self.0.freed.notify_one();
    }
}

/// The CORS headers every response carries.
pub const CORS: [(&str, &str); 3] = [
    ("Access-Control-Allow-Origin", "*"),
    ("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
    ("Access-Control-Allow-Headers", "Content-Type, Accept"),
];

/// Writes a short text answer; says whether the connection may serve another request.
pub fn text(
    out: &mut TcpStream,
    status: u16,
    message: &str,
    keep_alive: bool,
    extra: &[(&str, &str)],
) -> bool {
    let mut headers = CORS.to_vec();
    headers.push(("Content-Type", "text/plain; charset=utf-8"));
    headers.extend_from_slice(extra);
    http::write_response(out, status, &headers, format!("{message}\n").as_bytes(), keep_alive).is_ok()
        && keep_alive
}

/// Answers `sparql` on `out`; says whether the connection may serve another request.
pub fn answer(
    out: &mut TcpStream,
    keep_alive: bool,
    accept: &str,
    sparql: String,
    store: &super::Served,
    config: &ServerConfig,
    admission: &Arc<Admission>,
) -> bool {
    let started = Instant::now();
    let (results, graph) = super::negotiate::negotiate(accept);
    if results.is_none() && graph.is_none() {
        let message = "no format in Accept can express an answer: ask for application/sparql-results+json, \
                       application/sparql-results+xml, text/csv, text/tab-separated-values, text/turtle, \
                       application/n-triples, application/rdf+xml, application/n-quads or application/trig";
        return text(out, 406, message, keep_alive, &[]);
    }
    let Some((live, alive)) = admission.admit(config.workers) else {
        return text(
            out,
            503,
            "every worker is busy: try again shortly",
            keep_alive,
            &[("Retry-After", "1")],
        );
    };
    let options = QueryOptions {
        results: results.unwrap_or(ResultFormat::Json),
        graph: graph.unwrap_or(RdfFormat::Turtle),
        acceptable: Acceptable { solutions: results.is_some(), graph: graph.is_some() },
        ..QueryOptions::default()
    };
    let (sender, receiver) = sync_channel(4);
    let evaluation =
        match isolate::start(store, &sparql, &options, config.query_memory, sender, move || drop(alive)) {
            Ok(evaluation) => evaluation,
            Err(e) => {
                return text(
                    out,
                    503,
                    &format!("cannot start an evaluation: {e}"),
                    keep_alive,
                    &[("Retry-After", "1")],
                )
            }
        };
    admission.register(&evaluation);
    let media = |form: Form| match form {
        Form::Graph => graph.unwrap_or(RdfFormat::Turtle).media_type(),
        Form::Solutions | Form::Boolean => results.unwrap_or(ResultFormat::Json).media_type(),
    };
    let kept = relay(out, keep_alive, &receiver, started + config.timeout, config, media);
    evaluation.kill();
    drop(live);
    kept
}

/// Relays the evaluation's messages to the client (see the module docs for the rules).
fn relay(
    out: &mut TcpStream,
    keep_alive: bool,
    receiver: &Receiver<Message>,
    deadline: Instant,
    config: &ServerConfig,
    media: impl Fn(Form) -> &'static str,
) -> bool {
    let limit = format!("the query ran longer than the limit of {} s", config.timeout.as_secs_f64());
    let mut form = Form::Solutions;
    let mut held = Vec::new();
    let mut committed = false;
    loop {
        let message = receiver.recv_timeout(deadline.saturating_duration_since(Instant::now()));
        let content_type = format!("{}; charset=utf-8", media(form));
        let mut headers = CORS.to_vec();
        headers.push(("Content-Type", &content_type));
        match (message, committed) {
            (Ok(Message::Start(f)), _) => form = f,
            (Ok(Message::Data(data)), false) => {
                held.extend_from_slice(&data);
                if held.len() >= config.commit_bytes {
                    if http::write_head(out, 200, &headers, None, keep_alive).is_err()
                        || ChunkedWriter(&mut *out).chunk(&std::mem::take(&mut held)).is_err()
                    {
                        return false;
                    }
                    committed = true;
                }
            }
            (Ok(Message::Data(data)), true) => {
                // A client that reads slowly must not stretch the limit.
                let left = deadline.saturating_duration_since(Instant::now()).max(Duration::from_millis(1));
                if out.set_write_timeout(Some(left)).is_err()
                    || ChunkedWriter(&mut *out).chunk(&data).is_err()
                {
                    return false;
                }
            }
            (Ok(Message::Done(Ok(_))), false) => {
                return http::write_response(out, 200, &headers, &held, keep_alive).is_ok() && keep_alive;
            }
            (Ok(Message::Done(Ok(_))), true) => {
                return ChunkedWriter(&mut *out).finish().is_ok() && keep_alive
            }
            (Ok(Message::Done(Err(failure))), false) => {
                return text(out, failure.status, &failure.message, keep_alive, &[]);
            }
            (Err(RecvTimeoutError::Timeout), false) => return text(out, 503, &limit, keep_alive, &[]),
            (Err(RecvTimeoutError::Disconnected), false) => {
                return text(out, 500, "the evaluation stopped without an answer", false, &[]);
            }
            // Committed to 200 and then cut: close without the last chunk so it cannot look whole.
            (Ok(Message::Done(Err(_))) | Err(_), true) => {
                let _ = out.shutdown(Shutdown::Both);
                return false;
            }
        }
    }
}
