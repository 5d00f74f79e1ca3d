//! `build --push` and `export --push` against a real, independent Graph Store Protocol server:
//! Oxigraph's own `oxigraph serve` (crate oxigraph-cli, installed by `.ci/run`) on 127.0.0.1.

use crate::common::{diplograph, seeds, seeds_store};
use std::collections::BTreeMap;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The `oxigraph` binary: `$OXIGRAPH_BIN`, else `oxigraph` on the PATH. None (test skipped) only
/// outside CI; on CI a missing server fails the test.
pub fn oxigraph_binary() -> Option<PathBuf> {
    let candidate = std::env::var_os("OXIGRAPH_BIN").map(PathBuf::from).unwrap_or_else(|| "oxigraph".into());
    let works = Command::new(&candidate).arg("--version").output().is_ok_and(|o| o.status.success());
    if works {
        return Some(candidate);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "the Oxigraph server is missing: .ci/run installs it (cargo install oxigraph-cli)"
    );
    eprintln!("skipped: no `oxigraph` server binary (cargo install oxigraph-cli, or set OXIGRAPH_BIN)");
    None
}

pub struct Server {
    child: Child,
    pub url: String,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(binary: &Path) -> Server {
        Server::start_with(binary, &[])
    }

    /// A server with `extra` options to `oxigraph serve` (`--union-default-graph`).
    pub fn start_with(binary: &Path, extra: &[&str]) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let bind = format!("127.0.0.1:{port}");
        let child = Command::new(binary)
            .args(["serve", "--location", dir.path().join("db").to_str().unwrap(), "--bind", &bind])
            .args(extra)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the oxigraph server starts");
        let started = Instant::now();
        while TcpStream::connect(&bind).is_err() {
            assert!(started.elapsed() < Duration::from_secs(60), "the oxigraph server did not listen");
            std::thread::sleep(Duration::from_millis(50));
        }
        Server { child, url: format!("http://{bind}"), _dir: dir }
    }

    pub fn store_url(&self) -> String {
        format!("{}/store", self.url)
    }

    /// The server's named graphs as sorted N-Quads lines (the default graph, the store's merged
    /// view that a push also sends, is left out).
    fn dump(&self) -> Vec<String> {
        let mut response =
            ureq::get(&self.store_url()).header("Accept", "application/n-quads").call().unwrap();
        let text = response.body_mut().with_config().limit(1 << 30).read_to_string().unwrap();
        named_quads(&text)
    }

    /// The statements of the server's default graph.
    pub fn default_graph_len(&self) -> usize {
        let text = self.csv("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
        text.lines().nth(1).unwrap().trim().parse().unwrap()
    }

    /// The server's CSV answer to `query`.
    fn csv(&self, query: &str) -> String {
        let mut response = ureq::get(&format!("{}/query", self.url))
            .query("query", query)
            .header("Accept", "text/csv")
            .call()
            .unwrap();
        response.body_mut().read_to_string().unwrap()
    }

    /// Triples per named graph, as the server counts them with SPARQL.
    fn counts(&self) -> BTreeMap<String, usize> {
        let text = self.csv("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g");
        text.lines()
            .skip(1)
            .filter_map(|l| l.split_once(','))
            .map(|(g, n)| (g.to_owned(), n.trim().parse().unwrap()))
            .collect()
    }
}

/// The quads of named graphs in an N-Quads text, as sorted lines.
fn named_quads(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::NQuads)
        .for_reader(text.as_bytes())
        .map(Result::unwrap)
        .filter(|q| !q.graph_name.is_default_graph())
        .map(|q| q.to_string())
        .collect();
    lines.sort();
    lines
}

/// The seeds copied into a fresh directory, so a test can change them.
fn seeds_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(seeds()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    dir
}

#[test]
fn build_push_mirrors_the_store_and_replaces_on_every_push() {
    let Some(binary) = oxigraph_binary() else { return };
    let server = Server::start(&binary);
    let seeds = seeds_copy();
    let work = tempfile::tempdir().unwrap();
    let store = work.path().join("s.nq");
    let store = store.to_str().unwrap();
    let url = server.store_url();
    let build = || diplograph(&["build", "--store", store, "--push", &url, seeds.path().to_str().unwrap()]);

    let first = build();
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let stdout = String::from_utf8_lossy(&first.stdout);
    assert!(stdout.contains("pushed 18 graphs"), "15 documents, ontology, gazetteer, summary: {stdout}");
    let local = named_quads(&std::fs::read_to_string(store).unwrap());
    assert_eq!(server.dump(), local, "the server holds exactly the saved store");
    let counts = server.counts();
    assert_eq!(counts.len(), 18);

    // Pushing again replaces each graph: nothing is doubled.
    assert!(build().status.success());
    assert_eq!(server.counts(), counts);

    // A changed file: its old document graph is deleted on the server, the new one arrives.
    let file = seeds.path().join("000_8485a5dca28439e8.txt");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("中蒙", "中国和蒙古国", 1)).unwrap();
    let again = build();
    assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stderr));
    assert!(String::from_utf8_lossy(&again.stdout).contains("deleted 1 there"));
    let local = named_quads(&std::fs::read_to_string(store).unwrap());
    assert_eq!(server.dump(), local, "the server follows the rebuilt store");
}

#[test]
fn export_push_sends_every_graph_or_one() {
    let Some(binary) = oxigraph_binary() else { return };
    let store = seeds_store().to_str().unwrap();

    let whole = Server::start(&binary);
    let out = diplograph(&["export", "--store", store, "--push", &whole.store_url()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(whole.dump(), named_quads(&std::fs::read_to_string(store).unwrap()));

    let one = Server::start(&binary);
    let graph = whole.counts().into_keys().find(|g| g.contains("/id/doc/")).unwrap();
    let out = diplograph(&["export", "--store", store, "--push", &one.store_url(), "--graph", &graph]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(one.counts().into_keys().collect::<Vec<_>>(), vec![graph.clone()]);
    assert_eq!(one.counts()[&graph], whole.counts()[&graph]);
}

#[test]
fn a_failed_push_is_one_line_and_keeps_the_saved_store() {
    let Some(binary) = oxigraph_binary() else { return };
    let server = Server::start(&binary);
    let seeds = seeds();
    let work = tempfile::tempdir().unwrap();
    let store = work.path().join("s.nq");
    let store = store.to_str().unwrap();

    // Nothing listens on this port.
    let closed = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("http://127.0.0.1:{closed}/store");
    let out = diplograph(&["build", "--store", store, "--push", &url, seeds.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains(&url) && stderr.contains("store was saved"), "{stderr}");
    assert!(diplograph(&["query", "--store", store, "documents"]).status.success());

    // The server answers, but not as a Graph Store: the status is reported.
    let wrong = format!("{}/no-such-service", server.url);
    let out = diplograph(&["export", "--store", store, "--push", &wrong]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("HTTP 404"), "{stderr}");

    let out = diplograph(&["export", "--store", store, "--push", "ftp://example.org/store"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ftp://example.org/store"));
}
