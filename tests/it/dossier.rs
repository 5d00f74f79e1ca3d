//! `dossier` on the seeds store: the China–Kazakhstan timeline in date order with evidence, formats,
//! one-line errors and the no-facts line.

use crate::common::{run, seeds_store_dir, stderr, stdout};
use serde_json::Value;

#[test]
fn china_and_kazakhstan_have_a_visit_and_a_signing_in_date_order_with_evidence() {
    let o = run(seeds_store_dir(), &["dossier", "中国", "哈萨克斯坦", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let entries: Vec<Value> = serde_json::from_str(&stdout(&o)).unwrap();
    for kind in ["visit", "signing"] {
        let e = entries.iter().find(|e| e["kind"] == kind).unwrap_or_else(|| panic!("a {kind}: {entries:?}"));
        assert!(!e["evidence"].as_str().unwrap().is_empty(), "{e}");
        assert!(e["source_file"].as_str().unwrap().starts_with("seeds/"), "{e}");
        assert!(e["end"].as_u64().unwrap() > e["start"].as_u64().unwrap(), "{e}");
    }
    let visit = entries.iter().find(|e| e["kind"] == "visit").unwrap();
    assert_eq!(visit["between"], "习近平 → 哈萨克斯坦");
    let dates: Vec<Option<&str>> = entries.iter().map(|e| e["date"].as_str()).collect();
    let dated = dates.iter().take_while(|d| d.is_some()).count();
    assert!(dates[dated..].iter().all(Option::is_none), "undated last: {dates:?}");
    assert!(dates[..dated].windows(2).all(|w| w[0] <= w[1]), "date order: {dates:?}");
}

#[test]
fn formats_are_chosen_in_any_case() {
    let csv = stdout(&run(seeds_store_dir(), &["dossier", "country:CN", "country:KZ", "--format", "CSV"]));
    assert!(csv.starts_with("date,date_source,kind,between,detail,source_file,start,end,evidence"), "{csv}");
    let table = stdout(&run(seeds_store_dir(), &["dossier", "呼日勒苏赫", "习近平"]));
    assert!(table.contains("国事访问") && table.contains("会谈"), "{table}");
}

#[test]
fn unknown_entity_is_a_one_line_error() {
    for args in [["dossier", "中国", "亚特兰蒂斯"], ["dossier", "中国", "一带一路"]] {
        let o = run(seeds_store_dir(), &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("diplograph: error: "), "{err}");
    }
}

#[test]
fn no_facts_says_so() {
    let o = run(seeds_store_dir(), &["dossier", "哈萨克斯坦", "蒙古国"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("no visits, meetings, signings"), "{}", stdout(&o));
}
