//! Dossiers over a small hand-written store: who counts for a side, date order, errors.

use super::*;
use oxigraph::io::RdfFormat;
use oxigraph::model::{GraphName, Quad};
use oxigraph::store::Store;

const DATA: &str = r#"
@prefix dg: <https://w3id.org/diplograph/ontology#> .
@prefix country: <https://w3id.org/diplograph/id/country/> .
@prefix leader: <https://w3id.org/diplograph/id/leader/> .
@prefix treaty: <https://w3id.org/diplograph/id/treaty/> .
@prefix initiative: <https://w3id.org/diplograph/id/initiative/> .
@prefix doc: <https://w3id.org/diplograph/id/doc/> .
@prefix fact: <https://w3id.org/diplograph/id/doc/fact-> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
doc:ref {
  country:CN a dg:Country ; rdfs:label "中国"@zh .
  country:KZ a dg:Country ; rdfs:label "哈萨克斯坦"@zh .
  country:MN a dg:Country ; rdfs:label "蒙古国"@zh .
  leader:xi a dg:Leader ; rdfs:label "习近平"@zh ; dg:leaderOf country:CN .
  leader:tokayev a dg:Leader ; rdfs:label "托卡耶夫"@zh ; dg:leaderOf country:KZ .
  treaty:t a dg:Treaty ; rdfs:label "中哈联合声明"@zh ; dg:party country:CN, country:KZ .
  initiative:bri a dg:Initiative ; rdfs:label "一带一路"@zh .
}
doc:a {
  doc:a a dg:Document ; dg:sourceFile "a.txt" ; dg:date "2022-09-14"^^xsd:date .
  fact:a-visit a dg:Visit ; dg:visitor leader:xi ; dg:hostCountry country:KZ ; dg:visitType "国事访问" ;
    dg:statedIn doc:a ; dg:evidence [ dg:evidenceText "习近平访问哈萨克斯坦" ; dg:evidenceStart 10 ; dg:evidenceEnd 20 ] .
  fact:a-meeting a dg:Meeting ; dg:participant leader:xi, leader:tokayev ; dg:meetingType "会谈" ;
    dg:statedIn doc:a ; dg:evidence [ dg:evidenceText "两国元首会谈" ; dg:evidenceStart 30 ; dg:evidenceEnd 36 ] .
}
doc:c {
  doc:c a dg:Document ; dg:sourceFile "c.txt" ; dg:date "2022-09-15"^^xsd:date .
  fact:a-visit a dg:Visit ; dg:visitor leader:xi ; dg:hostCountry country:KZ ; dg:visitType "访问" ;
    dg:statedIn doc:c ; dg:evidence [ dg:evidenceText "习近平访问哈萨克斯坦回顾" ; dg:evidenceStart 5 ; dg:evidenceEnd 9 ] .
}
doc:b {
  doc:b a dg:Document ; dg:sourceFile "b.txt" .
  fact:b-signing a dg:Signing ; dg:treaty treaty:t ; dg:startDate "2019-06-05"^^xsd:date ;
    dg:statedIn doc:b ; dg:evidence [ dg:evidenceText "签署《联合声明》" ; dg:evidenceStart 0 ; dg:evidenceEnd 8 ] .
  fact:b-partnership a dg:Partnership ; dg:partner country:CN, country:KZ ; dg:level "永久全面战略伙伴关系" ;
    dg:statedIn doc:b ; dg:evidence [ dg:evidenceText "永久全面战略伙伴关系" ; dg:evidenceStart 9 ; dg:evidenceEnd 19 ] .
}
"#;

/// A store as `open_for_query` gives it: the named graphs, and their merge as the default graph.
fn store() -> Store {
    let store = Store::new().unwrap();
    store.load_from_reader(RdfFormat::TriG, DATA.as_bytes()).unwrap();
    let merged: Vec<Quad> = store
        .iter()
        .map(Result::unwrap)
        .map(|q| Quad::new(q.subject, q.predicate, q.object, GraphName::DefaultGraph))
        .collect();
    store.extend(merged).unwrap();
    store
}

fn timeline(a: &str, b: &str) -> Vec<(Option<String>, &'static str, String)> {
    let d = dossier(&store(), a, b).unwrap();
    d.entries.into_iter().map(|e| (e.date, e.kind.name(), e.detail)).collect()
}

fn entry(date: Option<&str>, kind: &'static str, detail: &str) -> (Option<String>, &'static str, String) {
    (date.map(str::to_owned), kind, detail.to_owned())
}

#[test]
fn countries_stand_with_their_leaders_in_date_order_undated_last() {
    let expected = vec![
        entry(Some("2019-06-05"), "signing", "中哈联合声明"),
        entry(Some("2022-09-14"), "visit", "国事访问"),
        entry(Some("2022-09-14"), "meeting", "会谈"),
        entry(None, "partnership", "永久全面战略伙伴关系"),
    ];
    for (a, b) in [
        ("中国", "哈萨克斯坦"),
        ("country:CN", "https://w3id.org/diplograph/id/country/KZ"),
        ("中", "哈萨克"),
    ] {
        assert_eq!(timeline(a, b), expected, "{a} {b}");
    }
}

#[test]
fn leaders_keep_country_facts_only_from_documents_reporting_them_together() {
    let d = dossier(&store(), "习近平", "托卡耶夫").unwrap();
    let kinds: Vec<&str> = d.entries.iter().map(|e| e.kind.name()).collect();
    // The visit to the country Tokayev leads counts; the signing of document b (no visit or meeting) does not.
    assert_eq!(kinds, ["visit", "meeting"], "{d:#?}");
    let visit = &dossier(&store(), "习近平", "哈萨克斯坦").unwrap().entries[0];
    assert_eq!(
        (visit.between.as_str(), visit.source_file.as_str(), visit.span),
        ("习近平 → 哈萨克斯坦", "a.txt", (10, 20))
    );
    assert_eq!(visit.date_source, Some(DateSource::Document));
}

#[test]
fn an_event_two_documents_report_is_one_entry_with_two_reports() {
    let d = dossier(&store(), "习近平", "哈萨克斯坦").unwrap();
    let visits: Vec<&Entry> = d.entries.iter().filter(|e| e.kind == EntryKind::Visit).collect();
    assert_eq!(visits.len(), 1, "{d:#?}");
    assert_eq!(
        (visits[0].reports, visits[0].source_file.as_str()),
        (2, "a.txt"),
        "the earliest report shows"
    );
}

#[test]
fn errors_say_what_is_wrong() {
    let cases = [
        ("中国", "火星", "no country or leader matches `火星`"),
        ("中国", "一带一路", "`一带一路` is a Initiative"),
        ("中国", "country:CN", "names the same entity twice"),
    ];
    for (a, b, message) in cases {
        let error = dossier(&store(), a, b).unwrap_err().to_string();
        assert!(error.contains(message), "{a} {b}: {error}");
    }
}

#[test]
fn no_facts_is_an_empty_dossier() {
    assert!(dossier(&store(), "哈萨克斯坦", "蒙古国").unwrap().entries.is_empty());
}

/// A report of `fact` in `document`, dated `date`.
fn report(date: &str, kind: EntryKind, fact: &str, document: &str) -> Entry {
    Entry {
        date: Some(date.to_owned()),
        date_source: Some(DateSource::Stated),
        kind,
        between: "习近平 · 莫迪".to_owned(),
        detail: String::new(),
        evidence: String::new(),
        source_file: format!("{document}.txt"),
        span: (0, 1),
        fact: fact.to_owned(),
        document: document.to_owned(),
        reports: 1,
    }
}

#[test]
fn an_event_shows_its_day_and_a_recollection_by_year_counts_as_its_report() {
    let event = &format!("{}event/meeting/2018-04-27/xi+modi", vocab::ID);
    let entries = vec![
        report("2018-04", EntryKind::Meeting, event, "d1"),
        report("2018-04-27", EntryKind::Meeting, event, "d2"),
        report("2018", EntryKind::Meeting, "id:doc/d3/f/meeting-1-0", "d3"),
        report("2018", EntryKind::Visit, "id:doc/d3/f/visit-1-0", "d3"),
    ];
    let one = one_per_fact(entries.clone());
    let dates: Vec<(&str, usize)> = one.iter().map(|e| (e.date.as_deref().unwrap(), e.reports)).collect();
    // The meeting once, by its day, with three reports; the visit has no event of its year to join.
    assert_eq!(dates, [("2018", 1), ("2018-04-27", 3)]);
    assert_eq!(one[0].kind, EntryKind::Visit);
    // With two meetings dated in that year, the recollection could be either and stays.
    let mut two = entries;
    let other = format!("{}event/meeting/2018-06-09/xi+modi", vocab::ID);
    two.push(report("2018-06-09", EntryKind::Meeting, &other, "d4"));
    assert_eq!(one_per_fact(two).len(), 4);
}
