//! Events, not reports: a visit several documents report is one fact with one IRI, stated in each
//! document's graph with that document's evidence, and the named queries list it once.

use crate::common::{query_csv, run, stdout, workspace};
use std::path::Path;

/// Writes three short news items of a newspaper archive: two reports of one state visit (an arrival
/// and a summary, dated a day apart) and a working visit of the same leader a month later.
fn archive(dir: &Path) {
    let issue = dir.join("news");
    std::fs::create_dir(&issue).unwrap();
    std::fs::write(
        issue.join("20230514-01-01.txt"),
        "\n托卡耶夫抵达北京\n\
         新华社北京5月13日电 应国家主席习近平邀请，哈萨克斯坦总统托卡耶夫13日乘专机抵达北京，开始对中国进行国事访问。\n",
    )
    .unwrap();
    std::fs::write(
        issue.join("20230516-03-02.txt"),
        "\n中哈元首共话合作\n\
         本报北京5月15日电 应国家主席习近平邀请，哈萨克斯坦总统托卡耶夫于5月13日至15日对中国进行国事访问。\
         访问期间，两国元首就双边关系深入交换意见。\n",
    )
    .unwrap();
    std::fs::write(
        issue.join("20230620-02-01.txt"),
        "\n托卡耶夫再次来京\n\
         新华社北京6月19日电 哈萨克斯坦总统托卡耶夫19日抵达北京，开始对中国进行工作访问。\n",
    )
    .unwrap();
    let built = run(dir, &["build", "--store", "x.nq", "news"]);
    assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
}

#[test]
fn two_reports_of_one_visit_are_one_event_and_a_visit_a_month_later_is_another() {
    let ws = workspace();
    let dir = ws.path();
    archive(dir);
    let visits = query_csv(
        dir,
        "x.nq",
        "SELECT ?v (COUNT(DISTINCT ?doc) AS ?stated) (COUNT(DISTINCT ?r) AS ?evidence) WHERE { \
           ?v a dg:Visit ; dg:visitor leader:kassym-jomart-tokayev ; dg:statedIn ?doc ; dg:evidence ?r . \
           ?r a dg:Evidence ; dg:inDocument ?doc ; dg:evidenceText ?t } GROUP BY ?v ORDER BY ?v",
    );
    let id = "https://w3id.org/diplograph/id/event/visit";
    assert_eq!(
        visits,
        [
            format!("{id}/2023-05/leader-kassym-jomart-tokayev/country-CN,2,2"),
            format!("{id}/2023-06/leader-kassym-jomart-tokayev/country-CN,1,1"),
        ]
    );
    // Each document's graph holds the event with its own evidence and its own dates.
    let reports = query_csv(
        dir,
        "x.nq",
        &format!(
            "SELECT ?start ?end ?s WHERE {{ GRAPH ?doc {{ <{id}/2023-05/leader-kassym-jomart-tokayev/country-CN> \
               dg:startDate ?start ; dg:endDate ?end ; dg:evidence ?r . ?r dg:evidenceStart ?s }} }} ORDER BY ?start ?end"
        ),
    );
    assert_eq!(reports.len(), 2, "{reports:?}");
    assert!(reports[0].starts_with("2023-05-13,2023-05-13,"), "{reports:?}");
    assert!(reports[1].starts_with("2023-05-13,2023-05-15,"), "{reports:?}");
}

#[test]
fn the_named_query_lists_a_visit_once_with_its_reports_and_explain_shows_both() {
    let ws = workspace();
    let dir = ws.path();
    archive(dir);
    let o = run(dir, &["query", "--store", "x.nq", "--format", "csv", "visits"]);
    let text = stdout(&o);
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(rows.len(), 2, "{text}");
    assert!(rows[0].starts_with("2023-05-13,2023-05-15,托卡耶夫,中国,国事访问,习近平,2,"), "{text}");
    assert!(rows[1].starts_with("2023-06-19,2023-06-19,托卡耶夫,中国,工作访问,,1,"), "{text}");
    let o = run(
        dir,
        &[
            "explain",
            "--store",
            "x.nq",
            "https://w3id.org/diplograph/id/event/visit/2023-05/leader-kassym-jomart-tokayev/country-CN",
        ],
    );
    let text = stdout(&o);
    assert!(text.contains("reported by 2 sentences"), "{text}");
    assert!(text.contains("news/20230514-01-01.txt") && text.contains("news/20230516-03-02.txt"), "{text}");
}

#[test]
fn an_announcement_with_no_date_is_the_visit_of_its_report_month() {
    let ws = workspace();
    let dir = ws.path();
    let issue = dir.join("news");
    std::fs::create_dir(&issue).unwrap();
    std::fs::write(
        issue.join("20230510-03-01.txt"),
        "\n托卡耶夫将访华\n\
         本报北京5月9日电 应国家主席习近平邀请，哈萨克斯坦总统托卡耶夫即将对中国进行国事访问。\n",
    )
    .unwrap();
    std::fs::write(
        issue.join("20230514-01-01.txt"),
        "\n托卡耶夫抵达北京\n\
         新华社北京5月13日电 应国家主席习近平邀请，哈萨克斯坦总统托卡耶夫13日乘专机抵达北京，开始对中国进行国事访问。\n",
    )
    .unwrap();
    let built = run(dir, &["build", "--store", "x.nq", "news"]);
    assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
    let visits = query_csv(
        dir,
        "x.nq",
        "SELECT ?v (COUNT(DISTINCT ?doc) AS ?reports) (MIN(?start) AS ?first) WHERE { \
           ?v a dg:Visit ; dg:visitor leader:kassym-jomart-tokayev ; dg:statedIn ?doc . \
           OPTIONAL { ?v dg:startDate ?start } } GROUP BY ?v",
    );
    let id = "https://w3id.org/diplograph/id/event/visit";
    assert_eq!(visits, [format!("{id}/2023-05/leader-kassym-jomart-tokayev/country-CN,2,2023-05-13")]);
    // The announcement's own graph gives the visit no date: the date is the arrival report's.
    let undated = query_csv(
        dir,
        "x.nq",
        &format!(
            "SELECT ?doc WHERE {{ GRAPH ?doc {{ <{id}/2023-05/leader-kassym-jomart-tokayev/country-CN> dg:evidence ?r \
               FILTER NOT EXISTS {{ <{id}/2023-05/leader-kassym-jomart-tokayev/country-CN> dg:startDate ?s }} }} }}"
        ),
    );
    assert_eq!(undated.len(), 1, "{undated:?}");
}

#[test]
fn the_named_query_counts_an_undated_announcement_as_a_report_of_the_visit_that_follows_it() {
    let ws = workspace();
    let dir = ws.path();
    let issue = dir.join("news");
    std::fs::create_dir(&issue).unwrap();
    let write = |name: &str, text: &str| std::fs::write(issue.join(name), text).unwrap();
    // Announced in late October with no date; the visit itself is in November, a month its IRI cannot
    // share with the announcement's.
    write(
        "20231029-03-02.txt",
        "\n外交部举行吹风会\n本报北京10月28日电 国务院总理李强将对乌兹别克斯坦进行正式访问。\n",
    );
    write(
        "20231102-01-01.txt",
        "\n李强抵达塔什干\n新华社塔什干11月1日电 国务院总理李强1日抵达塔什干，开始对乌兹别克斯坦进行正式访问。\n",
    );
    // An undated mention more than two months before a dated visit is not its report.
    write(
        "20230801-03-01.txt",
        "\n中蒙关系\n本报北京7月31日电 蒙古国总统呼日勒苏赫即将对中国进行国事访问。\n",
    );
    write(
        "20231020-01-01.txt",
        "\n呼日勒苏赫抵京\n新华社北京10月19日电 蒙古国总统呼日勒苏赫19日抵达北京，开始对中国进行国事访问。\n",
    );
    let built = run(dir, &["build", "--store", "x.nq", "news"]);
    assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
    let o = run(dir, &["query", "--store", "x.nq", "--format", "csv", "visits"]);
    let text = stdout(&o);
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(rows.len(), 3, "{text}");
    assert!(rows[0].starts_with("2023-10-19,2023-10-19,呼日勒苏赫,中国,国事访问,,1,"), "{text}");
    assert!(rows[1].starts_with("2023-11-01,2023-11-01,李强,乌兹别克斯坦,正式访问,,2,"), "{text}");
    assert!(rows[2].starts_with(",,呼日勒苏赫,中国,国事访问,,1,"), "{text}");
    // The graph keeps each report's own fact: the announcement stays undated where it was said.
    let undated = query_csv(
        dir,
        "x.nq",
        "SELECT ?v WHERE { ?v a dg:Visit ; dg:visitor ?who FILTER NOT EXISTS { ?v dg:startDate ?s } } ORDER BY ?v",
    );
    assert_eq!(undated.len(), 2, "{undated:?}");
}

/// Writes news items (file name, text) into `dir/news`.
fn write_news(dir: &Path, items: &[(&str, &str)]) {
    let issue = dir.join("news");
    std::fs::create_dir_all(&issue).unwrap();
    for (name, text) in items {
        std::fs::write(issue.join(name), text).unwrap();
    }
}

/// Builds `store` from `dir/news` and answers the named query `name` as CSV.
fn built_answer(dir: &Path, store: &str, name: &str) -> String {
    let built = run(dir, &["build", "--store", store, "news"]);
    assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
    stdout(&run(dir, &["query", "--store", store, "--format", "csv", name]))
}

/// The named query `name` answered as CSV over a store built from the news items `items` alone.
fn answer(items: &[(&str, &str)], name: &str) -> String {
    let ws = workspace();
    write_news(ws.path(), items);
    built_answer(ws.path(), "x.nq", name)
}

/// Tokayev's arrival for a state visit in May 2023.
const ARRIVAL: (&str, &str) = (
    "20230514-01-01.txt",
    "\n托卡耶夫抵达北京\n新华社北京5月13日电 哈萨克斯坦总统托卡耶夫13日乘专机抵达北京，开始对中国进行国事访问。\n",
);

#[test]
fn talks_in_the_hosts_place_report_the_visit_and_the_day_it_began_stays() {
    // No word of a visit: the talks in Shanghai with China's premier place him in China that month.
    let talks = (
        "20230516-02-01.txt",
        "\n托卡耶夫会见李强\n新华社上海5月15日电 哈萨克斯坦总统托卡耶夫15日在上海会见国务院总理李强。\n",
    );
    let text = answer(&[ARRIVAL, talks], "visits");
    let rows: Vec<&str> = text.lines().skip(1).collect();
    // One visit with both reports, dated by the day of arrival, not by the talks' month.
    assert_eq!(rows.len(), 1, "{text}");
    assert!(rows[0].starts_with("2023-05-13,2023-05-13,托卡耶夫,中国,"), "{text}");
    assert!(rows[0].contains(",2,"), "{text}");
}

#[test]
fn a_visit_recalled_by_its_year_is_the_one_visit_of_that_year_and_no_row_of_its_own() {
    let ws = workspace();
    let dir = ws.path();
    let recalled = (
        "20240302-03-01.txt",
        "\n中哈关系稳步发展\n本报北京3月1日电 外交部发言人表示，哈萨克斯坦总统托卡耶夫去年访华，成果丰硕。\n",
    );
    write_news(dir, &[ARRIVAL, recalled]);
    let text = built_answer(dir, "x.nq", "visits");
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(rows.len(), 1, "{text}");
    assert!(rows[0].starts_with("2023-05-13,2023-05-13,托卡耶夫,中国,") && rows[0].contains(",2,"), "{text}");
    // With two visits dated in that year, the recollection could be either: it keeps its own row.
    let again = (
        "20230920-01-02.txt",
        "\n托卡耶夫再次来京\n新华社北京9月19日电 哈萨克斯坦总统托卡耶夫19日抵达北京，开始对中国进行工作访问。\n",
    );
    write_news(dir, &[again]);
    let text = built_answer(dir, "y.nq", "visits");
    assert_eq!(text.lines().skip(1).count(), 3, "{text}");
    assert!(text.lines().any(|l| l.starts_with("2023,")), "{text}");
}

#[test]
fn talks_recalled_by_their_year_are_the_one_meeting_of_that_year() {
    let talks = (
        "20230518-01-01.txt",
        "\n习近平同托卡耶夫会谈\n新华社西安5月17日电 国家主席习近平17日在西安同哈萨克斯坦总统托卡耶夫举行会谈。\n",
    );
    let recalled = (
        "20240302-03-01.txt",
        "\n中哈关系稳步发展\n本报北京3月1日电 外交部发言人表示，去年习近平主席同托卡耶夫总统在西安举行会谈，成果丰硕。\n",
    );
    let text = answer(&[talks, recalled], "meetings");
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(rows.len(), 1, "{text}");
    assert!(rows[0].starts_with("2023-05-17,") && rows[0].contains(",2,"), "{text}");
}

#[test]
fn a_trip_dated_once_starts_its_first_stop_and_ends_its_last_and_an_announcement_joins_its_stop() {
    let trip = (
        "20231026-01-05.txt",
        "\n外交部宣布\n新华社北京10月25日电 外交部发言人宣布：国务院总理李强将于11月1日至5日对乌兹别克斯坦、\
         泰国进行正式访问。\n",
    );
    let announced =
        ("20231029-03-02.txt", "\n吹风会\n本报北京10月28日电 国务院总理李强将对泰国进行正式访问。\n");
    let text = answer(&[trip, announced], "visits");
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(rows.len(), 2, "{text}");
    assert!(rows[0].starts_with("2023-11,2023-11-05,李强,泰国,正式访问,,2,"), "{text}");
    assert!(rows[1].starts_with("2023-11-01,2023-11,李强,乌兹别克斯坦,正式访问,,1,"), "{text}");
}
