//! Every named query in `queries/` answers the question its comment states, checked on the seeds.

use crate::common::{diplograph, seeds_store};
use std::path::Path;

fn answer(store: &Path, name: &str) -> String {
    let mut args = vec!["query", "--format", "csv", "--store", store.to_str().unwrap(), name];
    if name == "mentions" {
        args.extend(["--param", "entity=普京"]);
    }
    let o = diplograph(&args);
    assert!(o.status.success(), "{name}: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn named_queries_answer_on_the_seeds() {
    let store = seeds_store();
    // (query, a line or fragment its answer must hold, the least number of rows)
    let expectations: &[(&str, &str, usize)] = &[
        ("documents", "2022-11-28,北京,", 15),
        ("countries", "哈萨克斯坦,Kazakhstan,KZ,http://www.wikidata.org/entity/Q232", 7),
        ("entities", "Country", 100),
        ("leaders", "普京", 10),
        ("treaties", "中华人民共和国和俄罗斯联邦睦邻友好合作条约", 50),
        ("visits", "2024-01-23,2024-01-25,米尔济约耶夫,中国,国事访问,习近平,1", 8),
        ("meetings", "2023-03-20,习近平 / 普京,会谈,莫斯科,1", 10),
        ("signings", "中华人民共和国和哈萨克斯坦共和国建交30周年联合声明", 20),
        ("citations", "中华人民共和国和哈萨克斯坦共和国建交联合公报", 40),
        ("partnerships", "中国,哈萨克斯坦,永久全面战略伙伴关系", 8),
        ("initiatives", "一带一路", 10),
        ("organizations", "上海合作组织", 5),
        ("projects", "中蒙俄经济走廊,中国 / 蒙古国 / 俄罗斯", 10),
        ("mentions", "普京", 5),
        ("comentions", "中国,习近平", 50),
        ("wikidata", "Q148", 30),
    ];
    let listed = diplograph(&["query", "--list"]);
    let listed = String::from_utf8(listed.stdout).unwrap();
    let names: Vec<&str> = listed.lines().filter(|l| !l.starts_with(' ')).collect();
    assert_eq!(names.len(), expectations.len(), "every named query is checked here:\n{listed}");
    let documents = answer(store, "documents");
    let mongolia = documents.lines().find(|l| l.contains("2022-11-28,北京,")).unwrap();
    assert!(mongolia.contains("蒙古国") && mongolia.contains("中国"), "the statement's parties: {mongolia}");
    for (name, fragment, rows) in expectations {
        let text = answer(store, name);
        // Lists joined by GROUP_CONCAT come in the store's order: compare them sorted.
        let sorted = canonical(&text).join("\n");
        let fragment = canonical(fragment).concat();
        assert!(sorted.contains(&fragment), "{name} lacks `{fragment}`:\n{text}");
        assert!(
            text.lines().count() > *rows,
            "{name} has {} rows, expected more than {rows}",
            text.lines().count() - 1
        );
        assert!(listed.lines().any(|l| l.starts_with(name)), "{name} is listed");
    }
}

#[test]
fn the_list_gives_whole_descriptions_and_parameters() {
    let listed = String::from_utf8(diplograph(&["query", "--list"]).stdout).unwrap();
    let entities = listed.lines().skip_while(|l| *l != "entities").nth(1).unwrap();
    assert!(
        entities.trim_start().starts_with("Every entity") && entities.ends_with("most mentioned first."),
        "{entities}"
    );
    let mentions: Vec<&str> = listed.lines().skip_while(|l| *l != "mentions").take(3).collect();
    assert!(mentions[2].contains("--param entity=… (entity, required)"), "{mentions:?}");
}

#[test]
fn parameters_bind_entities_by_label_short_name_or_iri() {
    let store = seeds_store().to_str().unwrap();
    let rows = |entity: &str| {
        let o = diplograph(&["query", "--format", "csv", "--store", store, "mentions", "--param", entity]);
        assert!(o.status.success(), "{entity}: {}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8(o.stdout).unwrap()
    };
    let by_label = rows("entity=普京");
    // Evidence is quoted as the source has it, line breaks of a PDF's text included: read it as CSV.
    let records: Vec<csv::StringRecord> =
        csv::Reader::from_reader(by_label.as_bytes()).records().map(Result::unwrap).collect();
    assert!(records.len() > 5, "{by_label}");
    assert!(records.iter().all(|r| r.iter().any(|cell| cell.contains("普京"))), "{by_label}");
    assert_eq!(rows("entity=leader:vladimir-putin"), by_label);
    assert_eq!(rows("entity=https://w3id.org/diplograph/id/leader/vladimir-putin"), by_label);
    for (args, message) in [
        (&["mentions"][..], "the query needs --param entity=…"),
        (&["mentions", "--param", "who=普京"], "has no parameter `who` (it takes entity)"),
        (&["mentions", "--param", "entity=不存在的人"], "no entity or fact matches `不存在的人`"),
        (&["documents", "--param", "entity=普京"], "has no parameter `entity` (it takes none)"),
    ] {
        let mut all = vec!["query", "--store", store];
        all.extend_from_slice(args);
        let o = diplograph(&all);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(message) && err.lines().count() == 1, "{args:?}: {err}");
    }
}

#[test]
fn a_limit_cuts_rows_and_says_so_and_undated_visits_come_last() {
    let store = seeds_store().to_str().unwrap();
    let o = diplograph(&["query", "--format", "csv", "--store", store, "visits", "--limit", "3"]);
    assert!(o.status.success());
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 4, "a header and 3 rows");
    assert!(String::from_utf8_lossy(&o.stderr).contains("the first 3 rows shown"));
    let visits = answer(seeds_store(), "visits");
    let starts: Vec<bool> = visits.lines().skip(1).map(|l| !l.starts_with(',')).collect();
    let first_undated = starts.iter().position(|dated| !dated).expect("the seeds have undated visits");
    assert!(
        starts[..first_undated].len() > 5 && starts[first_undated..].iter().all(|dated| !dated),
        "{visits}"
    );
    let o = diplograph(&["query", "--store", store, "visits", "--limit", "1000"]);
    assert!(o.status.success() && o.stderr.is_empty(), "no note when nothing was left out");
}

/// A row with each ` / `-joined list sorted: GROUP_CONCAT's order follows the store's, which
/// SPARQL leaves open.
pub fn canonical(answer: &str) -> Vec<String> {
    let mut rows: Vec<String> = answer
        .lines()
        .map(|row| {
            row.split(',')
                .map(|cell| {
                    let mut items: Vec<&str> = cell.split(" / ").collect();
                    items.sort();
                    items.join(" / ")
                })
                .collect::<Vec<_>>()
                .join(",")
        })
        .collect();
    rows.sort();
    rows
}

/// `query` loads only the statements a query can match (mentions stay out of a query about
/// documents): every named query must answer as over the whole store.
#[test]
fn loading_only_what_a_query_can_match_gives_the_same_answers() {
    use diplograph::query::{self, Needs, QueryOptions, ResultFormat};
    use diplograph::storage::{GraphStore, Selection};
    let whole = GraphStore::open_for_query(seeds_store()).unwrap();
    let options = QueryOptions { results: ResultFormat::Csv, ..QueryOptions::default() };
    let mut narrowed_some = 0;
    for named in diplograph::queries::NAMED_QUERIES {
        if named.header().params.iter().any(|p| p.required) {
            continue;
        }
        let needs = Needs::of(named.text);
        let selection = Selection { wants: &|p, o| needs.wants(p, o), named_graphs: needs.named_graphs() };
        let part = GraphStore::open_for_query_selecting(seeds_store(), &selection).unwrap();
        if part.len() < whole.len() / 2 {
            narrowed_some += 1;
        }
        let run = |store: &GraphStore| {
            let mut out = Vec::new();
            query::run_with(store.inner(), named.text, &options, &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        let expected = run(&whole);
        assert!(expected.lines().count() > 1, "{} answers something", named.name);
        assert_eq!(canonical(&run(&part)), canonical(&expected), "{}", named.name);
    }
    assert!(narrowed_some >= 8, "most named queries load less than half the store: {narrowed_some}");
}
