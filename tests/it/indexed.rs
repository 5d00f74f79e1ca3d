//! The indexed store (`--store DIR/`, the `rocksdb` feature): built from the seeds it answers as
//! the N-Quads store does, a first build loaded at once holds what builds file by file hold, a
//! rebuilt file replaces only its own graphs, `serve` answers from it
//! and follows its rebuilds, the named queries are answered from what the build kept beside its
//! snapshot; without the feature it is refused with the way to get it.

use crate::common::{run, stderr};

#[cfg(not(feature = "rocksdb"))]
#[test]
fn an_indexed_store_without_the_feature_says_how_to_get_it() {
    let dir = crate::common::workspace();
    for args in
        [&["build", "--store", "archive.db/", "seeds"][..], &["query", "--store", "archive.db/", "documents"]]
    {
        let o = run(dir.path(), args);
        assert!(!o.status.success(), "{args:?} refused");
        let err = stderr(&o);
        assert!(err.contains("--features rocksdb") && err.contains("libclang-dev"), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    }
    assert!(!dir.path().join("archive.db").exists(), "nothing is written");
}

#[cfg(feature = "rocksdb")]
mod with_rocksdb {
    use super::*;
    use crate::common::{query_csv, seeds, stdout, workspace};
    use std::path::Path;
    use std::time::{Duration, Instant};

    /// Every statement of every named graph, as sorted CSV rows.
    const NAMED: &str = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }";
    /// Every statement of the default graph (the query view).
    const DEFAULT: &str = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }";

    fn sorted(mut rows: Vec<String>) -> Vec<String> {
        rows.sort();
        rows
    }

    fn ok(dir: &Path, args: &[&str]) -> String {
        let o = run(dir, args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        stdout(&o)
    }

    #[test]
    fn the_seeds_answer_as_from_the_nquads_store() {
        let dir = workspace();
        let d = dir.path();
        ok(d, &["build", "seeds"]);
        let built = ok(d, &["build", "--store", "archive.db/", "seeds"]);
        assert!(built.contains("into archive.db/"), "{built}");
        for sparql in [NAMED, DEFAULT] {
            let (file, indexed) =
                (query_csv(d, "diplograph.nq", sparql), query_csv(d, "archive.db/", sparql));
            assert!(!file.is_empty());
            assert_eq!(sorted(file), sorted(indexed), "{sparql}");
        }
        let listed = ok(d, &["query", "--list"]);
        for name in listed.lines().filter(|l| !l.starts_with(' ')) {
            let mut args = vec!["query", "--format", "csv", name];
            if name == "mentions" {
                args.extend(["--param", "entity=普京"]);
            }
            let file = ok(d, &args);
            args.extend(["--store", "archive.db"]);
            let indexed = ok(d, &args);
            // Lists joined by GROUP_CONCAT come in the store's order: compared sorted.
            let canonical = crate::named_queries::canonical;
            assert_eq!(canonical(&file), canonical(&indexed), "{name}");
        }
        for args in [
            &["explain", "普京"][..],
            &["analyze", "--top", "5"],
            &["export", "--format", "graphml"],
            &["stats"],
            &["query", "ASK { GRAPH <https://w3id.org/diplograph/graph/ontology> { ?s ?p ?o } }"],
        ] {
            let file = ok(d, args);
            let indexed = ok(d, &[args, &["--store", "archive.db/"][..]].concat());
            assert_eq!(file.replace("diplograph.nq", "archive.db/"), indexed, "{args:?}");
        }
    }

    /// The directory of answers beside the store's current snapshot.
    fn kept_answers(store: &Path) -> std::path::PathBuf {
        let current = std::fs::read_to_string(store.join("current")).unwrap();
        store.join(format!("{}.answers", current.trim()))
    }

    #[test]
    fn named_queries_answer_from_what_the_build_kept_for_their_own_query_and_snapshot() {
        let dir = workspace();
        let d = dir.path();
        ok(d, &["build", "--store", "archive.db/", "seeds/000_8485a5dca28439e8.txt"]);
        let answers = kept_answers(&d.join("archive.db"));
        let kept: Vec<_> = std::fs::read_dir(&answers).unwrap().flatten().map(|e| e.path()).collect();
        let without_parameters = std::fs::read_dir(crate::common::root().join("queries"))
            .unwrap()
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "rq"))
            .filter(|e| !std::fs::read_to_string(e.path()).unwrap().contains("# Parameter ?"))
            .count();
        assert_eq!(kept.len(), without_parameters, "one answer per named query without parameters: {kept:?}");
        let documents = std::fs::read_to_string(crate::common::root().join("queries/documents.rq")).unwrap();
        // Another query (the same with a limit no archive reaches) is evaluated: the same rows.
        let evaluated = format!("{documents}\nLIMIT 100000000");
        // The same query spelled another way (a comment, a prefix declared) finds the kept answer.
        let respelled =
            format!("PREFIX dg: <https://w3id.org/diplograph/ontology#>\n# respelled\n{documents}");
        let query = |q: &str| ok(d, &["query", "--store", "archive.db/", "--format", "tsv", q]);
        let before = query("documents");
        assert!(before.contains("000_8485a5dca28439e8.txt"), "{before}");
        assert_eq!(before, query(&evaluated));
        // What is read is the kept file: changed, it changes the answer, and only for its text.
        for file in &kept {
            std::fs::write(file, "?document\n<http://example.org/kept>\n").unwrap();
        }
        assert_eq!(query("documents"), "?document\n<http://example.org/kept>\n");
        assert_eq!(query(&respelled), "?document\n<http://example.org/kept>\n");
        assert_eq!(query(&evaluated), before);
        // A new build publishes a new snapshot with answers of its own.
        ok(d, &["build", "--store", "archive.db/", "seeds/001_fec78014c60057ef.txt"]);
        assert_ne!(kept_answers(&d.join("archive.db")), answers);
        let after = query("documents");
        assert!(
            after.contains("000_8485a5dca28439e8.txt") && after.contains("001_fec78014c60057ef.txt"),
            "{after}"
        );
        assert_eq!(after, query(&evaluated));
    }

    #[test]
    fn rebuilding_a_file_replaces_its_graphs_and_only_them() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let seed = |name: &str| seeds().join(name);
        std::fs::copy(seed("000_8485a5dca28439e8.txt"), d.join("a.txt")).unwrap();
        std::fs::copy(seed("001_fec78014c60057ef.txt"), d.join("b.txt")).unwrap();
        // The same builds into both kinds of store: a.txt and b.txt, then a.txt with other content.
        let builds = |store: &str| {
            ok(d, &["build", "--store", store, "a.txt", "b.txt"]);
        };
        builds("s.nq");
        builds("s.db/");
        let b_graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?d dg:sourceFile \"b.txt\" } }";
        let before = query_csv(d, "s.db/", b_graphs);
        assert_eq!(before.len(), 1, "{before:?}");
        let a_documents = "SELECT ?d WHERE { ?d dg:sourceFile \"a.txt\" }";
        let old = query_csv(d, "s.db/", a_documents);
        assert_eq!(old.len(), 1, "{old:?}");
        std::fs::copy(seed("002_dcfbf6f175b4b9fa.txt"), d.join("a.txt")).unwrap();
        ok(d, &["build", "--store", "s.nq", "a.txt"]);
        ok(d, &["build", "--store", "s.db/", "a.txt"]);
        assert_eq!(query_csv(d, "s.db/", b_graphs), before, "b.txt's graph is left alone");
        let documents = "SELECT ?g WHERE { GRAPH ?g { ?g a dg:Document } }";
        assert_eq!(query_csv(d, "s.db/", documents).len(), 2, "a.txt's old graph is gone");
        for sparql in [NAMED, DEFAULT] {
            assert_eq!(
                sorted(query_csv(d, "s.nq", sparql)),
                sorted(query_csv(d, "s.db/", sparql)),
                "{sparql}"
            );
        }
        // The old document left the default graph too.
        let now = query_csv(d, "s.db/", a_documents);
        assert!(now.len() == 1 && now != old, "{now:?}");
        // stats reads the counts the rebuild kept, and counts a snapshot made without them.
        let stats = |store: &str| ok(d, &["stats", "--store", store]).replace(store, "STORE");
        assert_eq!(stats("s.nq"), stats("s.db/"));
        ok(d, &["analyze", "--store", "s.nq", "--write-back"]);
        ok(d, &["analyze", "--store", "s.db/", "--write-back"]);
        assert_eq!(stats("s.nq"), stats("s.db/"));
        // The snapshot that published the scores keeps answers too, and they are its own.
        assert!(kept_answers(&d.join("s.db")).is_dir());
        let leaders = |store: &str| ok(d, &["query", "--store", store, "--format", "csv", "leaders"]);
        assert_eq!(leaders("s.nq"), leaders("s.db/"));
    }

    #[test]
    fn a_first_build_loaded_at_once_holds_what_builds_file_by_file_hold() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let files = ["a.txt", "b.txt", "c.txt"];
        let seeds_used = ["000_8485a5dca28439e8.txt", "001_fec78014c60057ef.txt", "002_dcfbf6f175b4b9fa.txt"];
        for (file, seed) in files.iter().zip(seeds_used) {
            std::fs::copy(seeds().join(seed), d.join(file)).unwrap();
        }
        // A new store is loaded at the end of its first build; a later build writes each file in a
        // transaction of its own, which keeps the default graph up to date statement by statement.
        ok(d, &["build", "--store", "once.db/", "a.txt", "b.txt", "c.txt"]);
        ok(d, &["build", "--store", "steps.db/", "a.txt"]);
        ok(d, &["build", "--store", "steps.db/", "b.txt", "c.txt"]);
        for sparql in [NAMED, DEFAULT] {
            let once = sorted(query_csv(d, "once.db/", sparql));
            assert!(once.len() > 100, "{sparql}: {}", once.len());
            assert_eq!(once, sorted(query_csv(d, "steps.db/", sparql)), "{sparql}");
        }
        let stats = |store: &str| ok(d, &["stats", "--store", store]).replace(store, "STORE");
        assert_eq!(stats("once.db/"), stats("steps.db/"));
    }

    #[test]
    fn serve_answers_from_an_indexed_store_and_follows_its_rebuilds() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::copy(seeds().join("000_8485a5dca28439e8.txt"), d.join("a.txt")).unwrap();
        std::fs::copy(seeds().join("001_fec78014c60057ef.txt"), d.join("b.txt")).unwrap();
        ok(d, &["build", "--store", "s.db/", "a.txt"]);
        let endpoint = crate::serve::start_in(d, &["--store", "s.db/"]);
        let documents = || {
            let q = form_urlencoded::Serializer::new(String::new())
                .append_pair("query", "SELECT (COUNT(?d) AS ?n) WHERE { ?d a dg:Document }")
                .finish();
            let (status, _, body) = crate::serve::request(
                &endpoint.addr,
                "GET",
                &format!("/query?{q}"),
                &[("Accept", "text/csv")],
                b"",
            );
            assert_eq!(status, 200, "{body}");
            body.lines().nth(1).unwrap_or_default().trim().to_owned()
        };
        assert_eq!(documents(), "1");
        // The explorer reads the store in the server itself.
        let (status, _, body) =
            crate::serve::request(&endpoint.addr, "GET", "/search?q=%E6%99%AE%E4%BA%AC", &[], b"");
        assert_eq!(status, 200, "{body}");
        ok(d, &["build", "--store", "s.db/", "b.txt"]);
        let started = Instant::now();
        while documents() != "2" {
            assert!(started.elapsed() < Duration::from_secs(30), "the rebuilt store is never answered from");
            std::thread::sleep(Duration::from_millis(200));
        }
    }
}
