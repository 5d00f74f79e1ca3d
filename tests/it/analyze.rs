//! `analyze` on the seeds store: typed JSON, IRI columns, components by size, paths and ego networks
//! with their evidence, and the scored GraphML.

use crate::common::{run, seeds_store_dir, stderr, stdout};
use serde_json::Value;

fn json(args: &[&str]) -> Vec<Value> {
    let o = run(seeds_store_dir(), args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    serde_json::from_str::<Value>(&stdout(&o)).unwrap().as_array().unwrap().clone()
}

#[test]
fn scores_in_json_are_typed_with_iri_and_wikidata() {
    let rows = json(&["analyze", "--format", "json"]);
    let china = &rows[0];
    assert_eq!(china["entity"], "中国");
    assert_eq!(china["iri"], "https://w3id.org/diplograph/id/country/CN");
    assert_eq!(china["wikidata"], "Q148");
    for key in ["documents", "degree", "weighted", "component", "community"] {
        assert!(china[key].is_u64(), "{key} is an integer: {china}");
    }
    for key in ["pagerank", "betweenness", "closeness"] {
        assert!(china[key].is_f64(), "{key} is a float: {china}");
    }
    for row in &rows {
        assert!(row["weighted"].as_u64().is_some(), "weighted degree is a whole number, never -0: {row}");
    }
}

#[test]
fn component_zero_is_the_largest() {
    let rows = json(&["analyze", "--format", "json"]);
    let mut sizes = std::collections::BTreeMap::<u64, usize>::new();
    for row in &rows {
        *sizes.entry(row["component"].as_u64().unwrap()).or_default() += 1;
    }
    let by_number: Vec<usize> = sizes.values().copied().collect();
    assert!(by_number.windows(2).all(|w| w[0] >= w[1]), "components numbered by size: {sizes:?}");
    assert_eq!(rows[0]["component"], 0, "中国 is in the main component");
}

#[test]
fn csv_has_the_iri_column_and_the_table_leaves_it_out() {
    let csv = stdout(&run(seeds_store_dir(), &["analyze", "--format", "CSV", "--top", "1"]));
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().starts_with("entity,kind,iri,wikidata,"), "{csv}");
    assert!(lines.next().unwrap().contains("https://w3id.org/diplograph/id/country/CN"), "{csv}");
    let table = stdout(&run(seeds_store_dir(), &["analyze", "--top", "1"]));
    assert!(!table.contains("https://") && table.contains("中国"), "{table}");
}

#[test]
fn path_hops_carry_direction_dates_and_a_document() {
    let hops = json(&["analyze", "path", "呼日勒苏赫", "普京", "--format", "json"]);
    assert_eq!(hops.len(), 2, "{hops:?}");
    for hop in &hops {
        assert_eq!(hop["relation"], "met");
        assert!(hop["direction"] == "→" || hop["direction"] == "←", "{hop}");
        assert!(hop["first"].as_str().is_some_and(|d| d.len() == 10), "a date: {hop}");
        assert!(hop["documents"].as_u64().unwrap() >= 1);
        assert!(
            hop["document"].as_str().unwrap().starts_with("https://w3id.org/diplograph/id/doc/"),
            "{hop}"
        );
        assert!(hop["source"].as_str().unwrap().starts_with("seeds/"), "{hop}");
    }
    assert_eq!((hops[0]["from"].as_str(), hops[1]["to"].as_str()), (Some("呼日勒苏赫"), Some("普京")));
}

#[test]
fn ego_says_how_each_neighbour_is_connected() {
    let rows = json(&["analyze", "ego", "country:KZ", "--format", "json"]);
    assert_eq!(rows[0]["hops"], 0);
    let tokayev = rows.iter().find(|r| r["entity"] == "托卡耶夫").expect("托卡耶夫 is a neighbour");
    assert_eq!(
        (&tokayev["via"], &tokayev["relation"], &tokayev["direction"]),
        (&"哈萨克斯坦".into(), &"leaderOf".into(), &"←".into())
    );
    assert!(tokayev["first"].is_string() && tokayev["source"].is_string(), "{tokayev}");
}

#[test]
fn graphml_holds_every_entity_with_typed_scores() {
    let o = run(seeds_store_dir(), &["analyze", "--format", "graphml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    for key in [r#"attr.name="pagerank" attr.type="double""#, r#"attr.name="component" attr.type="int""#] {
        assert!(text.contains(key), "{key}");
    }
    let rows = json(&["analyze", "--format", "json"]);
    assert_eq!(text.matches("<node id=").count(), rows.len());
    let rows_again = run(seeds_store_dir(), &["analyze", "path", "中国", "普京", "--format", "graphml"]);
    assert_eq!(rows_again.status.code(), Some(2), "graphml is for the scores");
    assert_eq!(stderr(&rows_again).lines().count(), 1);
}
