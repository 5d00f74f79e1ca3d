//! Snapshots (insta) of what users read: `--help` of the binary and of every subcommand, and the
//! graph exports of a store built from one small fixture. On CI (`CI=true`) a difference fails the
//! test; locally, `INSTA_UPDATE=always cargo test --test it snapshots` rewrites the `.snap` files
//! under `tests/it/snapshots/` for review in the diff.

use crate::common::{bin, process_dir, root, stderr};
use std::path::Path;
use std::process::Output;
use std::sync::OnceLock;

/// Every subcommand, in the order `diplograph --help` lists them.
const SUBCOMMANDS: [&str; 9] =
    ["build", "query", "stats", "extract", "explain", "dossier", "serve", "analyze", "export"];

/// The graph formats `export --help` lists, but the RDF ones (those are the whole store, ontology and
/// gazetteer included: too large to read as a snapshot) and CSV, which writes two files.
const GRAPH_FORMATS: [&str; 5] = ["graphml", "gexf", "dot", "cytoscape", "node-link"];

/// Runs the binary in `dir` with nothing from the environment that could change its text: no forced
/// colours, no terminal size.
fn run_plain(dir: &Path, args: &[&str]) -> Output {
    bin()
        .current_dir(dir)
        .args(args)
        .env_remove("CLICOLOR_FORCE")
        .env_remove("COLUMNS")
        .env_remove("LINES")
        .output()
        .expect("the binary runs")
}

/// Standard output of a run that must succeed, after checking that a second run prints the same bytes.
fn stable_stdout(dir: &Path, args: &[&str]) -> String {
    let first = run_plain(dir, args);
    assert!(first.status.success(), "{args:?}: {}", stderr(&first));
    let second = run_plain(dir, args);
    assert!(first.stdout == second.stdout, "{args:?} prints different bytes on a second run");
    String::from_utf8(first.stdout).expect("UTF-8 output")
}

/// `--help`'s list of subcommands (less `help`).
fn listed_subcommands(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect()
}

#[test]
fn help_of_the_binary_and_every_subcommand() {
    let help = stable_stdout(root(), &["--help"]);
    assert_eq!(listed_subcommands(&help), SUBCOMMANDS, "a new subcommand gets a help snapshot here");
    insta::assert_snapshot!("help", help);
    for sub in SUBCOMMANDS {
        insta::assert_snapshot!(format!("help_{sub}"), stable_stdout(root(), &[sub, "--help"]));
    }
}

/// A store built once per process from the smallest fixture, `tests/fixtures/unseen/e_news.txt`,
/// copied beside it and built by its relative name: nothing in it depends on where it was built.
fn small_store() -> &'static Path {
    static STORE: OnceLock<std::path::PathBuf> = OnceLock::new();
    STORE.get_or_init(|| {
        let dir = process_dir("small-store-");
        std::fs::copy(root().join("tests/fixtures/unseen/e_news.txt"), dir.join("e_news.txt")).unwrap();
        let o = run_plain(&dir, &["build", "e_news.txt"]);
        assert!(o.status.success(), "{}", stderr(&o));
        dir.join("diplograph.nq")
    })
}

#[test]
fn graph_exports_of_a_small_store() {
    let store = small_store().to_str().unwrap();
    for format in GRAPH_FORMATS {
        let text = stable_stdout(root(), &["export", "--store", store, "--format", format]);
        insta::assert_snapshot!(format!("export_{format}"), text);
    }
}

#[test]
fn csv_export_of_a_small_store() {
    let store = small_store().to_str().unwrap();
    let out = tempfile::tempdir().unwrap();
    let read_both = || {
        let o = run_plain(out.path(), &["export", "--store", store, "--format", "csv", "--output", "g"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let read = |name: &str| std::fs::read_to_string(out.path().join(name)).unwrap();
        (read("g.nodes.csv"), read("g.edges.csv"))
    };
    let (nodes, edges) = read_both();
    assert!((nodes.clone(), edges.clone()) == read_both(), "a second export writes different bytes");
    insta::assert_snapshot!("export_csv_nodes", nodes);
    insta::assert_snapshot!("export_csv_edges", edges);
}
