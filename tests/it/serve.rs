//! The real `diplograph serve` on a free port, talked to over HTTP.

use crate::common::{bin, seeds_store};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

struct Endpoint {
    child: Child,
    addr: String,
}

impl Drop for Endpoint {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(extra: &[&str]) -> Endpoint {
    let mut child = bin()
        .args(["serve", "--bind", "127.0.0.1:0", "--store", seeds_store().to_str().unwrap()])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let addr =
        line.split("http://").nth(1).and_then(|s| s.split('/').next()).expect("address line").to_owned();
    Endpoint { child, addr }
}

/// Sends one raw HTTP/1.1 request and returns (status, headers, body).
fn request(
    addr: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> (u16, String, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(body).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, head.to_owned(), body.to_owned())
}

fn encode(q: &str) -> String {
    form_urlencoded::Serializer::new(String::new()).append_pair("query", q).finish()
}

const VISITS: &str = "SELECT ?v WHERE { ?v a dg:Visit }";

#[test]
fn answers_get_and_post_in_every_format() {
    let e = start(&[]);
    let (status, head, body) = request(&e.addr, "GET", &format!("/query?{}", encode(VISITS)), &[], b"");
    assert_eq!(status, 200, "{body}");
    assert!(head.contains("application/sparql-results+json"), "{head}");
    assert_eq!(body.matches("\"type\":\"uri\"").count(), 10, "{body}");
    assert!(head.contains("Access-Control-Allow-Origin: *"), "{head}");
    for (accept, marker) in [
        ("application/sparql-results+xml", "<sparql"),
        ("text/csv", "v\r\n"),
        ("text/tab-separated-values", "?v"),
        ("application/sparql-results+json", "\"bindings\""),
    ] {
        let (status, head, body) = request(
            &e.addr,
            "POST",
            "/query",
            &[("Content-Type", "application/sparql-query"), ("Accept", accept)],
            VISITS.as_bytes(),
        );
        assert_eq!(status, 200, "{accept}: {body}");
        assert!(head.contains(accept), "{accept}: {head}");
        assert!(body.contains(marker), "{accept}: {body}");
    }
    let form = encode("ASK { ?c a dg:Country }");
    let (status, _, body) = request(
        &e.addr,
        "POST",
        "/query",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        form.as_bytes(),
    );
    assert_eq!(status, 200);
    assert!(body.contains("true"), "{body}");
    let construct = "CONSTRUCT { ?c rdfs:label ?l } WHERE { ?c a dg:Country ; rdfs:label ?l } LIMIT 5";
    for (accept, marker) in
        [("text/turtle", "@prefix"), ("application/n-triples", "<https://w3id.org/diplograph/id/country/")]
    {
        let (status, head, body) = request(
            &e.addr,
            "POST",
            "/query",
            &[("Content-Type", "application/sparql-query"), ("Accept", accept)],
            construct.as_bytes(),
        );
        assert_eq!(status, 200, "{body}");
        assert!(head.contains(accept), "{head}");
        assert!(body.contains(marker), "{accept}: {body}");
    }
    let (status, _, body) = request(&e.addr, "GET", "/", &[], b"");
    assert_eq!(status, 200);
    assert!(body.contains("<form") && body.contains("/query"), "{body}");
}

#[test]
fn refuses_bad_requests() {
    let e = start(&["--max-request-bytes", "2000"]);
    let (status, _, body) =
        request(&e.addr, "GET", &format!("/query?{}", encode("SELECT ?x WHERE { ?x")), &[], b"");
    assert_eq!(status, 400);
    assert!(body.contains("invalid SPARQL"), "{body}");
    let big = format!("SELECT * WHERE {{ ?s ?p ?o }} # {}", "x".repeat(5000));
    let (status, _, _) =
        request(&e.addr, "POST", "/query", &[("Content-Type", "application/sparql-query")], big.as_bytes());
    assert_eq!(status, 413);
    let (status, _, body) =
        request(&e.addr, "POST", "/update", &[("Content-Type", "application/sparql-update")], b"CLEAR ALL");
    assert_eq!(status, 403, "{body}");
    let (status, _, _) =
        request(&e.addr, "POST", "/query", &[("Content-Type", "application/sparql-update")], b"CLEAR ALL");
    assert_eq!(status, 403);
    let (status, _, _) =
        request(&e.addr, "POST", "/query", &[("Content-Type", "text/plain")], VISITS.as_bytes());
    assert_eq!(status, 415);
    let (status, head, _) =
        request(&e.addr, "OPTIONS", "/query", &[("Origin", "https://yasgui.example")], b"");
    assert_eq!(status, 204);
    assert!(head.contains("Access-Control-Allow-Methods"), "{head}");
    let (status, _, _) = request(&e.addr, "GET", "/nowhere", &[], b"");
    assert_eq!(status, 404);
}

#[test]
fn serves_concurrent_clients_and_stops_on_interrupt() {
    let mut e = start(&[]);
    let addr = e.addr.clone();
    let threads: Vec<_> = (0..8)
        .map(|i| {
            let addr = addr.clone();
            std::thread::spawn(move || {
                let q = format!("SELECT (COUNT(*) AS ?n) WHERE {{ ?d a dg:Document }} # client {i}");
                let (status, _, body) =
                    request(&addr, "GET", &format!("/query?{}", encode(&q)), &[("Accept", "text/csv")], b"");
                assert_eq!(status, 200);
                assert!(body.contains("15"), "{body}");
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let killed = Command::new("kill").args(["-INT", &e.child.id().to_string()]).status().unwrap();
    assert!(killed.success());
    let status = e.child.wait().unwrap();
    assert!(status.success(), "graceful shutdown exits 0: {status:?}");
}

#[test]
fn a_query_over_the_time_limit_is_stopped() {
    let e = start(&["--timeout", "1"]);
    let heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }";
    let started = std::time::Instant::now();
    let (status, _, body) = request(&e.addr, "GET", &format!("/query?{}", encode(heavy)), &[], b"");
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("limit"), "{body}");
    assert!(started.elapsed().as_secs() < 30, "the limit stops the query, not the client");
}
