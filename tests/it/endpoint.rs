//! `--endpoint URL` on `query`, `explain`, `analyze` and `export` against a real SPARQL server:
//! Oxigraph's `oxigraph serve` (installed by `.ci/run`) filled by `build --push`, answering as the
//! local store does.

use crate::common::{run, stderr, stdout, workspace};
use crate::push::{oxigraph_binary, Server};
use std::net::TcpListener;
use std::path::Path;

/// The seeds built in `dir` (store `diplograph.nq` there) and pushed to `server`.
fn build_and_push(dir: &Path, server: &Server) {
    let out = run(dir, &["build", "seeds", "--push", &server.store_url()]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// The same command's output on the local store and on the endpoint; both must succeed.
fn both(dir: &Path, endpoint: &str, args: &[&str]) -> (String, String) {
    let local = run(dir, args);
    assert!(local.status.success(), "local {args:?}: {}", stderr(&local));
    let mut remote_args = args.to_vec();
    remote_args.extend(["--endpoint", endpoint]);
    let remote = run(dir, &remote_args);
    assert!(remote.status.success(), "remote {args:?}: {}", stderr(&remote));
    (stdout(&local), stdout(&remote))
}

/// Nodes and edges of a GraphML document, counted by an XML parser (so it must parse).
fn graphml_counts(text: &str) -> (usize, usize) {
    let mut reader = quick_xml::Reader::from_str(text);
    let (mut nodes, mut edges) = (0, 0);
    loop {
        match reader.read_event().expect("well-formed GraphML") {
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                match e.name().as_ref() {
                    b"node" => nodes += 1,
                    b"edge" => edges += 1,
                    _ => {}
                }
            }
            quick_xml::events::Event::Eof => return (nodes, edges),
            _ => {}
        }
    }
}

#[test]
fn an_endpoint_filled_by_build_push_answers_as_the_local_store() {
    let Some(binary) = oxigraph_binary() else { return };
    let server = Server::start_with(&binary, &[]);
    let work = workspace();
    let dir = work.path();
    build_and_push(dir, &server);
    let endpoint = format!("{}/query", server.url);

    // The pushed default graph is the store's: counts agree, not only distinct rows.
    for count in
        ["SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "SELECT (COUNT(*) AS ?n) WHERE { ?c a dg:Country }"]
    {
        let (local, remote) = both(dir, &endpoint, &["query", "--format", "csv", count]);
        assert_eq!(remote, local, "{count}");
    }
    let all =
        both(dir, &endpoint, &["query", "--format", "csv", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"]).0;
    assert_eq!(all.lines().nth(1).unwrap().parse::<usize>().unwrap(), server.default_graph_len());

    let (local, remote) = both(dir, &endpoint, &["query", "documents", "--format", "csv"]);
    assert_eq!(local.lines().count(), 16, "a header and 15 documents: {local}");
    assert_eq!(remote, local, "the same rows");

    let (local, remote) = both(dir, &endpoint, &["explain", "普京"]);
    assert!(local.contains("facts") && local.contains("source: seeds/"), "{local}");
    assert_eq!(remote, local, "the same facts with the same evidence");

    let (local, remote) = both(dir, &endpoint, &["analyze", "--format", "csv"]);
    assert!(local.lines().count() > 100, "{local}");
    assert_eq!(remote, local, "the same scores");

    let (local, remote) = both(dir, &endpoint, &["export", "--format", "graphml"]);
    let counts = graphml_counts(&local);
    assert!(counts.0 > 100 && counts.1 > 100, "{counts:?}");
    assert_eq!(graphml_counts(&remote), counts, "the same nodes and edges");

    let (local, remote) = both(dir, &endpoint, &["export", "--format", "nquads"]);
    let sorted = |text: &str| {
        let mut lines: Vec<&str> = text.lines().collect();
        lines.sort_unstable();
        lines.into_iter().map(str::to_owned).collect::<Vec<_>>()
    };
    assert_eq!(sorted(&remote), sorted(&local), "every named graph, statement for statement");

    let (local, remote) =
        both(dir, &endpoint, &["query", "mentions", "--param", "entity=普京", "--format", "csv"]);
    assert_eq!(remote, local, "parameters are looked up on the endpoint");
}

/// One line on standard error, exit code 2, nothing on standard output.
fn fails_in_one_line(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stdout(&out));
    assert!(out.stdout.is_empty(), "{}", stdout(&out));
    let message = stderr(&out);
    assert_eq!(message.trim_end().lines().count(), 1, "{message}");
    message
}

#[test]
fn an_unusable_endpoint_is_one_line_naming_it() {
    let Some(binary) = oxigraph_binary() else { return };
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();

    // Nothing listens on this port.
    let closed = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let refused = format!("http://127.0.0.1:{closed}/query");
    for command in [&["query", "documents"][..], &["explain", "普京"], &["analyze"], &["export"]] {
        let mut args = command.to_vec();
        args.extend(["--endpoint", &refused]);
        let message = fails_in_one_line(dir, &args);
        assert!(message.contains(&refused) && message.contains("cannot connect"), "{message}");
    }

    // A server, but not a query endpoint at this path.
    let server = Server::start_with(&binary, &[]);
    let wrong = format!("{}/no-such-service", server.url);
    let message = fails_in_one_line(dir, &["query", "documents", "--endpoint", &wrong]);
    assert!(message.contains(&wrong) && message.contains("HTTP 404"), "{message}");

    // A document only in a named graph (one graph pushed, so no default graph): say what to do.
    let partial = Server::start_with(&binary, &[]);
    let work = workspace();
    build_and_push(work.path(), &server);
    let store = work.path().join("diplograph.nq");
    let text = std::fs::read_to_string(&store).unwrap();
    let graph = text.lines().find_map(|l| l.rsplit(' ').nth(1).filter(|g| g.contains("/id/doc/"))).unwrap();
    let graph = graph.trim_matches(['<', '>']);
    let out = run(work.path(), &["export", "--push", &partial.store_url(), "--graph", graph]);
    assert!(out.status.success(), "{}", stderr(&out));
    let endpoint = format!("{}/query", partial.url);
    let message = fails_in_one_line(dir, &["query", "documents", "--endpoint", &endpoint]);
    assert!(message.contains("push again") && message.contains(&endpoint), "{message}");

    // A union default graph works, with a warning that counts may differ.
    let union = Server::start_with(&binary, &["--union-default-graph"]);
    build_and_push(work.path(), &union);
    let out = run(dir, &["query", "documents", "--endpoint", &format!("{}/query", union.url)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("warning: the default graph of"), "{}", stderr(&out));

    let message = fails_in_one_line(dir, &["query", "documents", "--endpoint", &endpoint, "--store", "x.nq"]);
    assert!(message.contains("cannot be used with"), "{message}");
}
