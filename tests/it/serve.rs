//! The real `diplograph serve` on a free port, talked to over HTTP.

use crate::common::{bin, seeds_store};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Endpoint {
    pub child: Child,
    pub addr: String,
}

impl Drop for Endpoint {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(extra: &[&str]) -> Endpoint {
    let mut args = vec!["--store", seeds_store().to_str().unwrap()];
    args.extend_from_slice(extra);
    start_in(Path::new("."), &args)
}

/// `diplograph serve` on a free port in `dir`, with `args`; its address read from its first line.
pub fn start_in(dir: &Path, args: &[&str]) -> Endpoint {
    let mut child = bin()
        .current_dir(dir)
        .args(["serve", "--bind", "127.0.0.1:0"])
        .args(args)
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
pub fn request(
    addr: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> (u16, String, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    // A hang fails the test instead of stalling it.
    stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
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
    // Nine visits: Xi Jinping's 2022 visit to Kazakhstan, which two seeds report, is one event.
    assert_eq!(body.matches("\"type\":\"uri\"").count(), 9, "{body}");
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
    // A query that runs on past the interrupt is cancelled, not waited for.
    let running = std::thread::spawn(move || {
        let mut stream = TcpStream::connect(&addr).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        let q = encode(CROSS_PRODUCT);
        write!(stream, "GET /query?{q} HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        let _ = stream.read_to_end(&mut Vec::new());
    });
    std::thread::sleep(Duration::from_millis(300));
    let killed = Command::new("kill").args(["-INT", &e.child.id().to_string()]).status().unwrap();
    assert!(killed.success());
    let status = wait_exit(&mut e.child, Duration::from_secs(10)).expect("stops within 10 s of Ctrl-C");
    assert!(status.success(), "graceful shutdown exits 0: {status:?}");
    running.join().unwrap();
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

/// Waits up to `limit` for `child` to exit (polling, so a hang fails instead of stalling).
fn wait_exit(child: &mut Child, limit: Duration) -> Option<std::process::ExitStatus> {
    let started = Instant::now();
    while started.elapsed() < limit {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    None
}

/// Oxigraph does not check its cancellation token inside a cartesian product: this one never
/// notices a cancelled token on its own.
const CROSS_PRODUCT: &str = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";

#[test]
fn a_cross_product_gets_503_on_time_while_a_cheap_query_is_answered() {
    let e = start(&["--timeout", "2"]);
    let addr = e.addr.clone();
    let started = Instant::now();
    let heavy = std::thread::spawn(move || {
        request(&addr, "GET", &format!("/query?{}", encode(CROSS_PRODUCT)), &[], b"")
    });
    std::thread::sleep(Duration::from_millis(300));
    let cheap = "SELECT (COUNT(*) AS ?n) WHERE { ?d a dg:Document }";
    let (status, _, body) =
        request(&e.addr, "GET", &format!("/query?{}", encode(cheap)), &[("Accept", "text/csv")], b"");
    assert_eq!((status, body.trim()), (200, "n\r\n15"), "the cheap query is answered meanwhile");
    let (status, _, body) = heavy.join().unwrap();
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("limit of 2 s"), "{body}");
    // Bounded wait: about 2 s on loopback (see the changelog); 20 s means the limit did not hold.
    assert!(started.elapsed() < Duration::from_secs(20), "{:?}", started.elapsed());
}

#[test]
fn a_cancelled_query_answers_503_never_200_with_the_rows_found_so_far() {
    let e = start(&["--timeout", "1"]);
    for q in [
        "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } OFFSET 300000000 LIMIT 1",
        "SELECT ?x WHERE { { BIND(1 AS ?x) } UNION { BIND(2 AS ?x) } UNION \
         { SELECT (COUNT(*) AS ?x) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } } UNION { BIND(4 AS ?x) } }",
        "SELECT ?a WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?f LIMIT 1",
    ] {
        let (status, _, body) = request(&e.addr, "GET", &format!("/query?{}", encode(q)), &[], b"");
        assert_eq!(status, 503, "{q}: {body}");
    }
}

/// The processes whose parent is `pid` (a server's evaluations).
fn children_of(pid: u32) -> Vec<u32> {
    let mut children = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else { continue };
        // The fields after the command's closing parenthesis: state, then the parent's pid.
        let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
        if after.split_whitespace().nth(1).and_then(|p| p.parse().ok()) == Some(pid) {
            children.extend(entry.file_name().to_str().and_then(|n| n.parse::<u32>().ok()));
        }
    }
    children
}

/// Waits up to `limit` for the server `pid` to have no evaluation running.
fn no_evaluation_left(pid: u32, limit: Duration) -> bool {
    let started = Instant::now();
    while started.elapsed() < limit {
        if children_of(pid).is_empty() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

/// Grouping and sorting a cartesian product never read the store once their inputs are built, so
/// Oxigraph's cancellation cannot stop them: only killing the evaluation does.
#[test]
fn an_evaluation_past_the_limit_is_killed_and_its_memory_given_back() {
    let e = start(&["--timeout", "1"]);
    let pid = e.child.id();
    let before = vm_hwm_kib(pid);
    for q in [
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } GROUP BY ?c",
        "SELECT ?a WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?f ?i LIMIT 1",
        CROSS_PRODUCT,
    ] {
        let (status, _, body) = request(&e.addr, "GET", &format!("/query?{}", encode(q)), &[], b"");
        assert_eq!(status, 503, "{q}: {body}");
        assert!(no_evaluation_left(pid, Duration::from_secs(5)), "{q}: an evaluation still runs");
    }
    let grown = vm_hwm_kib(pid).saturating_sub(before);
    assert!(grown < 64 * 1024, "the server grew by {grown} KiB");
    let cheap = "SELECT (COUNT(*) AS ?n) WHERE { ?d a dg:Document }";
    let (status, _, body) =
        request(&e.addr, "GET", &format!("/query?{}", encode(cheap)), &[("Accept", "text/csv")], b"");
    assert_eq!((status, body.trim()), (200, "n\r\n15"), "every worker is free again");
}

#[test]
fn a_query_needing_more_than_the_memory_cap_gets_503_and_the_server_stays_small() {
    let e = start(&["--timeout", "60", "--query-memory", "64"]);
    let pid = e.child.id();
    let before = vm_hwm_kib(pid);
    let sorted = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f";
    let started = Instant::now();
    let (status, _, body) = request(&e.addr, "GET", &format!("/query?{}", encode(sorted)), &[], b"");
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("memory than the limit of 64 MiB"), "{body}");
    assert!(started.elapsed() < Duration::from_secs(60), "the cap ended it, not the time limit");
    assert!(no_evaluation_left(pid, Duration::from_secs(5)));
    let grown = vm_hwm_kib(pid).saturating_sub(before);
    assert!(grown < 64 * 1024, "the server grew by {grown} KiB");
}

fn vm_hwm_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

#[test]
fn a_huge_answer_streams_in_bounded_memory_and_a_cut_one_is_left_unfinished() {
    let e = start(&["--timeout", "3"]);
    let before = vm_hwm_kib(e.child.id());
    let mut stream = TcpStream::connect(&e.addr).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let q = encode("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }");
    write!(stream, "GET /query?{q} HTTP/1.1\r\nHost: x\r\nAccept: text/csv\r\n\r\n").unwrap();
    let (mut total, mut tail, mut buffer) = (0usize, Vec::new(), vec![0; 1 << 16]);
    loop {
        let n = stream.read(&mut buffer).expect("the server closes the cut answer");
        if n == 0 {
            break;
        }
        if total == 0 {
            let head = String::from_utf8_lossy(&buffer[..n]);
            assert!(head.starts_with("HTTP/1.1 200") && head.contains("chunked"), "{head}");
        }
        total += n;
        tail.extend_from_slice(&buffer[..n]);
        tail.drain(..tail.len().saturating_sub(16));
    }
    // About 250 MB in 3 s in release; collecting first would send nothing before the limit.
    assert!(total > 4 << 20, "streamed before the limit: {total} bytes");
    assert!(!tail.ends_with(b"0\r\n\r\n"), "a cut answer has no last chunk");
    // The store itself is some 80 MB; an answer holds 256 KiB before committing plus a few 64 KiB
    // chunks in flight, so 64 MiB of growth is room enough, and far below the answer's size.
    let grown = vm_hwm_kib(e.child.id()).saturating_sub(before);
    assert!(grown < 64 * 1024, "the server grew by {grown} KiB");
}

#[test]
fn refuses_what_it_cannot_answer_correctly() {
    let e = start(&[]);
    let big_header = "y".repeat(100 * 1024);
    let (status, _, _) = request(&e.addr, "GET", "/", &[("X-Big", &big_header)], b"");
    assert_eq!(status, 431);
    let many: Vec<(String, &str)> = (0..200).map(|i| (format!("X-{i}"), "1")).collect();
    let many: Vec<(&str, &str)> = many.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    assert_eq!(request(&e.addr, "GET", "/", &many, b"").0, 431);
    let ask = b"ASK {}";
    let (status, _, _) = request(
        &e.addr,
        "POST",
        "/query",
        &[("Content-Type", "application/sparql-query"), ("Content-Length", "6")],
        ask,
    );
    assert_eq!(status, 400, "a second Content-Length");
    let (status, _, _) = request(
        &e.addr,
        "POST",
        "/query",
        &[("Content-Type", "application/sparql-query"), ("Transfer-Encoding", "chunked")],
        ask,
    );
    assert_eq!(status, 501, "chunked request bodies");
    let two = format!("/query?{}&{}", encode("ASK {}"), encode("ASK { ?s ?p ?o }"));
    assert_eq!(request(&e.addr, "GET", &two, &[], b"").0, 400);
    let form = form_urlencoded::Serializer::new(String::new()).append_pair("update", "CLEAR ALL").finish();
    let urlencoded = [("Content-Type", "application/x-www-form-urlencoded")];
    let (status, _, body) = request(&e.addr, "POST", "/query", &urlencoded, form.as_bytes());
    assert_eq!(status, 403, "{body}");
    let service = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }";
    let (status, _, body) = request(&e.addr, "GET", &format!("/query?{}", encode(service)), &[], b"");
    assert_eq!(status, 501, "{body}");
    let (status, _, _) =
        request(&e.addr, "GET", &format!("/query?{}", encode(VISITS)), &[("Accept", "image/png")], b"");
    assert_eq!(status, 406);
    let graph = "CONSTRUCT { ?v a dg:Visit } WHERE { ?v a dg:Visit }";
    let (status, _, _) =
        request(&e.addr, "GET", &format!("/query?{}", encode(graph)), &[("Accept", "text/csv")], b"");
    assert_eq!(status, 406, "CSV cannot hold a graph");
}

#[test]
fn an_idle_connection_is_closed() {
    let e = start(&[]);
    let mut stream = TcpStream::connect(&e.addr).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let q = encode(VISITS);
    write!(stream, "GET /query?{q} HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    // Kept alive after the answer, then closed after 5 s of silence (well before the 30 s here).
    stream.read_to_end(&mut raw).expect("closed by the server, not by the read timeout");
    let raw = String::from_utf8_lossy(&raw);
    assert!(raw.starts_with("HTTP/1.1 200") && !raw.contains("Connection: close"), "{raw}");
}

#[test]
fn query_piped_into_head_ends_at_once() {
    let mut child = bin()
        .args(["query", "--store", seeds_store().to_str().unwrap(), "--format", "csv"])
        .arg("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let (sender, receiver) = std::sync::mpsc::channel();
    let pid = child.id();
    std::thread::spawn(move || {
        let mut line = String::new();
        let mut read = 0;
        // Ten megabytes of rows, as `head` would ask for a few: the answer is streamed, so memory
        // stays that of the store while it is written.
        while read < 10 << 20 && out.read_line(&mut line).unwrap_or(0) > 0 {
            read += line.len();
            line.clear();
        }
        let _ = sender.send(vm_hwm_kib(pid));
        drop(out);
    });
    // 460 million rows: collecting them first would write nothing for minutes.
    let hwm = receiver.recv_timeout(Duration::from_secs(60)).ok();
    let status = wait_exit(&mut child, Duration::from_secs(20));
    if status.is_none() {
        let _ = child.kill();
    }
    let hwm = hwm.expect("the first rows come at once");
    assert!(status.is_some(), "a closed pipe ends the query");
    assert!(hwm < 400 * 1024, "memory stays bounded: {hwm} KiB");
}

#[test]
fn serve_answers_from_a_rebuilt_store_without_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = crate::common::seeds();
    std::fs::copy(seeds.join("000_8485a5dca28439e8.txt"), dir.path().join("a.txt")).unwrap();
    std::fs::copy(seeds.join("001_fec78014c60057ef.txt"), dir.path().join("b.txt")).unwrap();
    let build = |file: &str| {
        let o = bin().current_dir(dir.path()).args(["build", file]).output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    build("a.txt");
    let endpoint = start_in(dir.path(), &[]);
    let documents = || {
        let q = encode("SELECT (COUNT(?d) AS ?n) WHERE { ?d a dg:Document }");
        let (status, _, body) =
            request(&endpoint.addr, "GET", &format!("/query?{q}"), &[("Accept", "text/csv")], b"");
        assert_eq!(status, 200, "{body}");
        body.lines().nth(1).unwrap_or_default().trim().to_owned()
    };
    assert_eq!(documents(), "1");
    build("b.txt");
    // The server looks at the store file every second and loads a new one beside the old.
    let started = Instant::now();
    while documents() != "2" {
        assert!(started.elapsed() < Duration::from_secs(30), "the rebuilt store is never answered from");
        std::thread::sleep(Duration::from_millis(200));
    }
}
