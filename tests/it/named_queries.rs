//! Every named query in `queries/` answers the question its comment states, checked on the seeds.

use crate::common::{diplograph, seeds_store};
use std::path::Path;

fn answer(store: &Path, name: &str) -> String {
    let o = diplograph(&["query", "--format", "csv", "--store", store.to_str().unwrap(), name]);
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
        ("visits", "2024-01-23,2024-01-25,米尔济约耶夫,中国,国事访问,习近平", 10),
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
    assert_eq!(listed.lines().count(), expectations.len(), "every named query is checked here:\n{listed}");
    let documents = answer(store, "documents");
    let mongolia = documents.lines().find(|l| l.contains("2022-11-28,北京,")).unwrap();
    assert!(mongolia.contains("蒙古国") && mongolia.contains("中国"), "the statement's parties: {mongolia}");
    for (name, fragment, rows) in expectations {
        let text = answer(store, name);
        assert!(text.contains(fragment), "{name} lacks `{fragment}`:\n{text}");
        assert!(
            text.lines().count() > *rows,
            "{name} has {} rows, expected more than {rows}",
            text.lines().count() - 1
        );
        assert!(listed.lines().any(|l| l.starts_with(name)), "{name} is listed");
    }
}
