//! The typed vocabulary at the edges: names chosen on the command line (kinds, relations,
//! formats, dates), one-line usage errors, output to a closed pipe, and the facts' typed details
//! as the store holds them.

use crate::common::{query_csv, run, seeds_store_dir, stderr, stdout, workspace_with_seeds_store};
use std::io::Read;
use std::process::Stdio;

/// Runs `args` against the seeds store and gives (exit code, stdout, stderr).
fn on_seeds(args: &[&str]) -> (Option<i32>, String, String) {
    let o = run(seeds_store_dir(), args);
    (o.status.code(), stdout(&o), stderr(&o))
}

#[test]
fn unknown_names_are_one_line_errors_listing_the_valid_ones() {
    let cases: &[(&[&str], &str, &str)] = &[
        (&["analyze", "--kinds", "Contry"], "'Contry' for '--kinds <KINDS>'", "Organization"),
        (&["analyze", "--relations", "vistied"], "'vistied' for '--relations <RELATIONS>'", "partnerOf"),
        (&["export", "--kinds", "Country,Leeder"], "'Leeder'", "Initiative"),
        (&["query", "--format", "md", "documents"], "'md' for '--format <FORMAT>'", "tsv"),
        (&["export", "--format", "xlsx"], "'xlsx' for '--format <FORMAT>'", "node-link"),
        (&["analyze", "--format", "yaml"], "'yaml' for '--format <FORMAT>'", "json"),
        (&["extract", "--format", "xml", "x.txt"], "'xml' for '--format <FORMAT>'", "jsonl"),
        (&["export", "--since", "2019-02-30"], "'2019-02-30' for '--since <DATE>'", "YYYY-MM"),
        (&["frobnicate"], "unrecognized subcommand 'frobnicate'", ""),
        (&["build"], "required arguments were not provided", "<PATHS>"),
    ];
    for (args, names, valid) in cases {
        let (code, out, err) = on_seeds(args);
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?} prints nothing on stdout: {out}");
        assert_eq!(err.lines().count(), 1, "{args:?} is one line: {err}");
        assert!(err.starts_with("diplograph: error: ") && err.contains(names), "{args:?}: {err}");
        assert!(err.contains(valid), "{args:?} lists the valid values: {err}");
    }
}

#[test]
fn names_are_taken_in_any_case_and_lists_with_spaces() {
    let table = |args: &[&str]| {
        let (code, out, err) = on_seeds(args);
        assert_eq!(code, Some(0), "{args:?}: {err}");
        out
    };
    let exact =
        table(&["analyze", "--format", "csv", "--kinds", "Country,Leader", "--relations", "visited,met"]);
    assert!(exact.lines().count() > 3, "{exact}");
    let loose =
        table(&["analyze", "--format", "CSV", "--kinds", "country, LEADER", "--relations", "Visited, met"]);
    assert_eq!(loose, exact);
    assert_eq!(
        table(&["query", "--format", "Json", "documents"]),
        table(&["query", "--format", "json", "documents"])
    );
}

#[test]
fn an_output_extension_must_name_the_format() {
    let dir = workspace_with_seeds_store();
    let o = run(dir.path(), &["export", "--output", "graph.xlsx"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("`graph.xlsx`") && err.contains(".graphml") && err.lines().count() == 1, "{err}");
    let o = run(dir.path(), &["export", "--format", "dot", "--output", "graph.graphml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("graphml, not of dot"), "{}", stderr(&o));
    assert!(!dir.path().join("graph.xlsx").exists() && !dir.path().join("graph.graphml").exists());
    // The extension alone chooses; --format agreeing with it, in any case, is fine.
    for args in [&["export", "--output", "g.gexf"][..], &["export", "--format", "GEXF", "--output", "h.GEXF"]]
    {
        let o = run(dir.path(), args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    }
    let gexf = std::fs::read_to_string(dir.path().join("g.gexf")).unwrap();
    assert!(gexf.contains("<gexf"), "{gexf}");
    assert_eq!(std::fs::read(dir.path().join("h.GEXF")).unwrap(), gexf.as_bytes());
}

#[test]
fn a_reader_that_closes_the_pipe_ends_the_output_quietly() {
    for args in [&["stats"][..], &["explain", "普京"], &["query", "documents"], &["analyze"], &["export"]] {
        let mut child = crate::common::bin()
            .current_dir(seeds_store_dir())
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Closed before the command has loaded the store, so its first write finds no reader.
        drop(child.stdout.take());
        let mut err = String::new();
        child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
        let status = child.wait().unwrap();
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(status.code(), Some(0), "{args:?}: {err}");
    }
}

#[test]
fn signings_have_no_stance_and_stances_are_plain_names() {
    let dir = seeds_store_dir();
    let store = "diplograph.nq";
    let signings_with_stance = query_csv(dir, store, "SELECT ?f WHERE { ?f a dg:Signing ; dg:stance ?s }");
    assert!(signings_with_stance.is_empty(), "{signings_with_stance:?}");
    let stances =
        query_csv(dir, store, "SELECT DISTINCT ?s WHERE { ?f a dg:Position ; dg:stance ?s } ORDER BY ?s");
    assert!(!stances.is_empty());
    for stance in &stances {
        assert!(["supports", "welcomes", "opposes", "proposes"].contains(&stance.as_str()), "{stances:?}");
    }
    let tagged = query_csv(dir, store, "SELECT ?s WHERE { ?f dg:stance ?s FILTER(LANG(?s) != \"\") }");
    assert!(tagged.is_empty(), "{tagged:?}");
}

#[test]
fn a_month_without_a_day_is_kept_as_a_year_and_month() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("statement.txt"),
        "中华人民共和国和哈萨克斯坦共和国联合声明\n\
         双方重申遵循2019年6月签署的《中华人民共和国和哈萨克斯坦共和国政府经济合作协定》。\n\
         双方一致认为,2019年9月中哈建立永久全面战略伙伴关系以来,两国政治互信达到高水平。\n",
    )
    .unwrap();
    let o = run(dir.path(), &["build", "statement.txt"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let dated = query_csv(
        dir.path(),
        "diplograph.nq",
        "SELECT ?p ?d (DATATYPE(?d) AS ?t) WHERE { ?s ?p ?d FILTER(?p IN (dg:signingDate, dg:signingYear, dg:startDate, dg:startYear)) } ORDER BY ?p ?d",
    );
    let month = "http://www.w3.org/2001/XMLSchema#gYearMonth";
    let year = "http://www.w3.org/2001/XMLSchema#gYear";
    let dg = "https://w3id.org/diplograph/ontology#";
    for expected in [
        format!("{dg}signingDate,2019-06,{month}"),
        format!("{dg}signingYear,2019,{year}"),
        format!("{dg}startDate,2019-09,{month}"),
        format!("{dg}startYear,2019,{year}"),
    ] {
        assert!(dated.contains(&expected), "{expected} in {dated:?}");
    }
}

#[test]
fn a_year_alone_is_a_start_date_of_that_precision() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("20191014-03-01.txt"),
        "中伊关系\n\n2016年，习近平主席对伊朗进行国事访问期间，两国建立全面战略伙伴关系。\n",
    )
    .unwrap();
    let o = run(dir.path(), &["build", "20191014-03-01.txt"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let dated = query_csv(
        dir.path(),
        "diplograph.nq",
        "SELECT ?p ?d (DATATYPE(?d) AS ?t) WHERE { ?v a dg:Visit ; ?p ?d FILTER(?p IN (dg:startDate, dg:startYear)) } ORDER BY ?p",
    );
    let year = "http://www.w3.org/2001/XMLSchema#gYear";
    let dg = "https://w3id.org/diplograph/ontology#";
    assert_eq!(dated, [format!("{dg}startDate,2016,{year}"), format!("{dg}startYear,2016,{year}")]);
}

#[test]
fn the_default_graph_holds_what_documents_say_and_reference_knowledge_stays_in_its_graphs() {
    let dir = seeds_store_dir();
    let store = "diplograph.nq";
    let (_, stats, _) = on_seeds(&["stats"]);
    let countries_in_stats = stats.lines().find(|l| l.trim_start().starts_with("Country")).unwrap();
    let counted = query_csv(dir, store, "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a dg:Country }");
    assert_eq!(countries_in_stats.split_whitespace().nth(1), counted.first().map(String::as_str), "{stats}");
    let argentina = query_csv(dir, store, "SELECT (COUNT(*) AS ?n) WHERE { country:AR ?p ?o }");
    assert_eq!(argentina, ["0"], "no document mentions Argentina");
    let iso = query_csv(dir, store, "SELECT ?iso WHERE { country:KZ dg:isoCode ?iso }");
    assert_eq!(iso, ["KZ"], "a mentioned entity keeps the gazetteer's description");
    let gazetteer = query_csv(
        dir,
        store,
        "SELECT (COUNT(?c) AS ?n) WHERE { GRAPH <https://w3id.org/diplograph/graph/gazetteer> { ?c a dg:Country } }",
    );
    assert!(gazetteer[0].parse::<usize>().unwrap() >= 193, "every UN member state: {gazetteer:?}");
    let ontology =
        query_csv(dir, store, "SELECT (COUNT(*) AS ?n) WHERE { dg:Country rdfs:subClassOf dg:Entity }");
    assert_eq!(ontology, ["0"], "the ontology is in its own graph");
}
