//! Every export of the seed graph read back with a real parser: counts and Chinese labels survive.

use crate::common::{run, workspace_with_seeds_store};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::path::Path;

/// A copy of the seeds store as the default store of a temp dir: the tests write exports beside it,
/// and one writes analysis back into it.
fn built() -> tempfile::TempDir {
    workspace_with_seeds_store()
}

/// (nodes, edges) of the projection as `analyze` reports them.
pub(crate) fn expected_counts(dir: &Path, extra: &[&str]) -> (usize, usize) {
    let mut args = vec!["analyze", "--format", "csv"];
    args.extend_from_slice(extra);
    let o = run(dir, &args);
    let line = String::from_utf8_lossy(&o.stderr)
        .lines()
        .find(|l| l.contains("entities,"))
        .unwrap_or_default()
        .to_owned();
    let numbers: Vec<usize> =
        line.split(|c: char| !c.is_ascii_digit()).filter_map(|s| s.parse().ok()).collect();
    (numbers[0], numbers[1])
}

/// Counts start-or-empty elements named `name` and collects the values of attribute or text `label`.
fn xml_count(text: &str, name: &[u8]) -> usize {
    let mut reader = Reader::from_str(text);
    let mut count = 0;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == name => count += 1,
            Event::Eof => break,
            _ => {}
        }
    }
    count
}

#[test]
fn graph_exports_read_back() {
    let dir = built();
    let (nodes, edges) = expected_counts(dir.path(), &[]);
    assert!(nodes > 100 && edges > 100, "{nodes} {edges}");

    let graphml = String::from_utf8(run(dir.path(), &["export", "--format", "graphml"]).stdout).unwrap();
    assert_eq!(xml_count(&graphml, b"node"), nodes);
    assert_eq!(xml_count(&graphml, b"edge"), edges);
    assert!(graphml.contains(">哈萨克斯坦<") && graphml.contains(r#"attr.type="int""#));

    assert!(run(dir.path(), &["export", "--output", "g.gexf"]).status.success());
    let gexf = std::fs::read_to_string(dir.path().join("g.gexf")).unwrap();
    assert_eq!(xml_count(&gexf, b"node"), nodes);
    assert_eq!(xml_count(&gexf, b"edge"), edges);
    assert!(
        gexf.contains(r#"label="呼日勒苏赫""#) && xml_count(&gexf, b"spell") > nodes / 2,
        "nodes carry date spells"
    );

    for (format, nodes_key, edges_key) in [("cytoscape", "", ""), ("node-link", "nodes", "edges")] {
        let out = run(dir.path(), &["export", "--format", format]).stdout;
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let (n, e) = if format == "cytoscape" {
            (&v["elements"]["nodes"], &v["elements"]["edges"])
        } else {
            (&v[nodes_key], &v[edges_key])
        };
        assert_eq!(n.as_array().unwrap().len(), nodes, "{format}");
        assert_eq!(e.as_array().unwrap().len(), edges, "{format}");
        assert!(String::from_utf8_lossy(&out).contains("蒙古国"), "{format}");
    }
    let old = run(dir.path(), &["export", "--format", "node-link", "--node-link-key", "links"]).stdout;
    let v: serde_json::Value = serde_json::from_slice(&old).unwrap();
    assert_eq!(v["links"].as_array().map(Vec::len), Some(edges), "--node-link-key links for old readers");
    assert!(v.get("edges").is_none());

    assert!(run(dir.path(), &["export", "--format", "csv", "--output", "g.csv"]).status.success());
    let nodes_csv = std::fs::read_to_string(dir.path().join("g.nodes.csv")).unwrap();
    let edges_csv = std::fs::read_to_string(dir.path().join("g.edges.csv")).unwrap();
    assert_eq!(nodes_csv.lines().count(), nodes + 1);
    assert_eq!(edges_csv.lines().count(), edges + 1);
    assert!(nodes_csv.starts_with("id,label,label_en,kind,iri,wikidata,documents,first,last"));

    let dot = String::from_utf8(run(dir.path(), &["export", "--format", "dot"]).stdout).unwrap();
    assert!(dot.contains("WenQuanYi Zen Hei") && dot.contains("label=\"习近平\""));
    assert!(dot.contains("layout=sfdp") && dot.contains("fillcolor=\"#56B4E9\""), "styled by kind");
}

#[test]
fn json_output_needs_a_format() {
    let dir = built();
    let o = run(dir.path(), &["export", "--output", "g.json"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("cytoscape and node-link") && err.contains("--format"), "{err}");
    assert!(!dir.path().join("g.json").exists());
    for format in ["cytoscape", "node-link"] {
        let o = run(dir.path(), &["export", "--format", format, "--output", "g.json"]);
        assert!(o.status.success(), "{format}: {}", String::from_utf8_lossy(&o.stderr));
    }
}

/// 联合国宪章 is cited by eight seed documents but recorded by none: before citations were edges
/// of the projection it had degree 0. Its citers are the statements of the documents citing it.
#[test]
fn cited_and_signed_treaties_are_edges() {
    let dir = built();
    let out = run(dir.path(), &["export", "--format", "node-link"]).stdout;
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let id = |label: &str| {
        v["nodes"].as_array().unwrap().iter().find(|n| n["label"] == label).map(|n| n["id"].clone()).unwrap()
    };
    let charter = id("联合国宪章");
    let edges = v["edges"].as_array().unwrap();
    let citing: Vec<&serde_json::Value> =
        edges.iter().filter(|e| e["target"] == charter && e["relation"] == "citesTreaty").collect();
    assert!(citing.len() >= 5, "{citing:?}");
    let china = id("中国");
    assert!(
        edges.iter().any(|e| e["source"] == china && e["relation"] == "signed"),
        "the parties of a statement signed what the document records"
    );
    let only = expected_counts(dir.path(), &["--relations", "citesTreaty,signed"]);
    assert!(only.1 > 50, "{only:?}: the derived relations filter like the stored ones");
}

#[test]
fn projections_filter_and_are_deterministic() {
    let dir = built();
    let (all, _) = expected_counts(dir.path(), &[]);
    let (countries, _) = expected_counts(dir.path(), &["--kinds", "Country"]);
    assert!(countries > 5 && countries < all);
    let (_, recent) =
        expected_counts(dir.path(), &["--comention", "--since", "2022-01-01", "--min-weight", "2"]);
    let (_, every) = expected_counts(dir.path(), &["--comention"]);
    assert!(recent < every);
    let a = run(dir.path(), &["export", "--format", "graphml"]).stdout;
    let b = run(dir.path(), &["export", "--format", "graphml"]).stdout;
    assert_eq!(a, b);
    // A year or a month is the whole of it: since its first day, until its last.
    let year = expected_counts(dir.path(), &["--comention", "--since", "2022", "--min-weight", "2"]);
    assert_eq!(year.1, recent);
    let until_day = expected_counts(dir.path(), &["--comention", "--until", "2019-12-31"]);
    assert_eq!(expected_counts(dir.path(), &["--comention", "--until", "2019"]), until_day);
    assert_eq!(expected_counts(dir.path(), &["--comention", "--until", "2019-12"]), until_day);
    let o = run(dir.path(), &["export", "--since", "2022-13"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("'2022-13' for '--since <DATE>'") && err.lines().count() == 1, "{err}");
}

#[test]
fn rdf_exports_parse() {
    let dir = built();
    for (format, quads) in
        [("turtle", false), ("trig", true), ("ntriples", false), ("nquads", true), ("rdfxml", false)]
    {
        let out = run(dir.path(), &["export", "--format", format]).stdout;
        let rdf = oxigraph::io::RdfFormat::from_extension(match format {
            "turtle" => "ttl",
            "ntriples" => "nt",
            "nquads" => "nq",
            "rdfxml" => "rdf",
            other => other,
        })
        .unwrap();
        let parsed: Vec<_> =
            oxigraph::io::RdfParser::from_format(rdf).for_slice(&out).collect::<Result<_, _>>().unwrap();
        assert!(parsed.len() > 1000, "{format}: {}", parsed.len());
        assert_eq!(parsed.iter().any(|q| !q.graph_name.is_default_graph()), quads, "{format}");
        assert!(String::from_utf8_lossy(&out).contains("哈萨克斯坦"), "{format}");
    }
    let graph = String::from_utf8(
        run(
            dir.path(),
            &["query", "--format", "csv", "SELECT ?g WHERE { GRAPH ?g { ?g a dg:Document } } LIMIT 1"],
        )
        .stdout,
    )
    .unwrap();
    let g = graph.lines().nth(1).unwrap().trim().to_owned();
    let one = run(dir.path(), &["export", "--format", "ntriples", "--graph", &g]).stdout;
    let all = run(dir.path(), &["export", "--format", "ntriples"]).stdout;
    assert!(!one.is_empty() && one.len() < all.len());
    let o = run(dir.path(), &["export", "--format", "turtle", "--graph", "https://example.org/none"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn analysis_writes_back_for_sparql() {
    let dir = built();
    let o = run(dir.path(), &["analyze", "--write-back", "--top", "3"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let top = run(
        dir.path(),
        &["query", "--format", "csv", "SELECT ?l WHERE { ?e dg:pageRank ?r ; rdfs:label ?l FILTER(LANG(?l)=\"zh\") } ORDER BY DESC(?r) LIMIT 1"],
    );
    assert_eq!(String::from_utf8_lossy(&top.stdout).lines().nth(1), Some("中国"));
    let path = run(dir.path(), &["analyze", "path", "呼日勒苏赫", "普京", "--format", "csv"]);
    assert!(
        String::from_utf8_lossy(&path.stdout).contains("习近平"),
        "{}",
        String::from_utf8_lossy(&path.stdout)
    );
    let ego = run(dir.path(), &["analyze", "ego", "country:MN", "--depth", "1", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&ego.stdout).unwrap();
    assert!(v.as_array().unwrap().iter().any(|r| r["entity"] == "呼日勒苏赫"));
}

/// `build` keeps the projection in the store; without it (a store built before it was kept, or
/// a summary that is no graph) `analyze` and `export` read the documents and give the same bytes.
#[test]
fn the_kept_projection_gives_what_the_documents_give() {
    let dir = built();
    let store = dir.path().join("diplograph.nq");
    let asks: [&[&str]; 4] = [
        &["export", "--format", "graphml"],
        &["export", "--format", "node-link", "--kinds", "Country,Leader"],
        &["export", "--format", "gexf", "--relations", "met,visited,signed", "--min-weight", "2"],
        &["analyze", "--format", "csv"],
    ];
    let answers = |dir: &Path| -> Vec<Vec<u8>> {
        asks.iter()
            .map(|args| {
                let o = run(dir, args);
                assert!(o.status.success(), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
                o.stdout
            })
            .collect()
    };
    let kept = answers(dir.path());
    let text = std::fs::read_to_string(&store).unwrap();
    // As the predicate of a statement, not as the subject of the ontology's.
    let projection = " <https://w3id.org/diplograph/ontology#projection> ";
    assert_eq!(text.lines().filter(|l| l.contains(projection)).count(), 1, "build keeps one");
    let without: String =
        text.lines().filter(|l| !l.contains(projection)).map(|l| format!("{l}\n")).collect();
    std::fs::write(&store, without).unwrap();
    assert_eq!(answers(dir.path()), kept, "read from the documents");
    assert!(kept[0].len() > 1000 && kept[3].len() > 1000);
}
