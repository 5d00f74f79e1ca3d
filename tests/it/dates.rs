//! Dates from context: an archive's file names give the issue date, datelines give month and day,
//! and events take the most precise date their sentence and document support.

use crate::common::{query_csv, run, workspace};

#[test]
fn a_newspaper_archive_is_dated_by_its_file_names_and_datelines() {
    let dir = workspace();
    let issue = dir.path().join("2019-10");
    std::fs::create_dir(&issue).unwrap();
    // A report printed on 14 October: its dateline says 13 October and its sentences 12th and 13th.
    std::fs::write(
        issue.join("20191014-03-02.txt"),
        "\n习近平同尼泊尔总统班达里举行会谈\n\
         新华社加德满都10月13日电 国家主席习近平12日抵达加德满都，开始对尼泊尔进行国事访问。\
         13日，国家主席习近平在加德满都同尼泊尔总统班达里举行会谈。\n",
    )
    .unwrap();
    // A January issue: its December dateline is of the year before; 昨天 is the day before it.
    std::fs::write(
        issue.join("20200102-01-01.txt"),
        "\n新华社北京1月1日电 国家主席习近平昨天会见俄罗斯总统普京。\n",
    )
    .unwrap();
    let built = run(dir.path(), &["build", "--store", "x.nq", "2019-10"]);
    assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
    let documents = query_csv(
        dir.path(),
        "x.nq",
        "SELECT DISTINCT ?date WHERE { ?d a dg:Document ; dg:date ?date } ORDER BY ?date",
    );
    assert_eq!(documents, ["2019-10-13", "2020-01-01"]);
    let events = query_csv(
        dir.path(),
        "x.nq",
        // DISTINCT: the headline and the body report the same talks (one event, two evidence nodes).
        "SELECT DISTINCT ?kind ?start WHERE { ?f a ?kind ; dg:startDate ?start . \
         VALUES ?kind { dg:Visit dg:Meeting } } ORDER BY ?start ?kind",
    );
    assert_eq!(
        events,
        [
            "https://w3id.org/diplograph/ontology#Visit,2019-10-12",
            "https://w3id.org/diplograph/ontology#Meeting,2019-10-13",
            "https://w3id.org/diplograph/ontology#Meeting,2019-12-31",
        ]
    );
}
