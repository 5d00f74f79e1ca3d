//! Facts with their evidence for the entity and document pages: one query for the facts an entity
//! takes part in (or a document states) with their reports, one for their parties and attributes,
//! one for the mentions their evidence rests on; then each fact as an HTML card, an event once with
//! every report's sentence, the mentions highlighted and linked. Start with [`facts`] and [`card`].

use super::html::{self, escape, link};
use crate::query::{self, plain_text, QueryError, Row};
use crate::vocab;
use oxigraph::model::{NamedNode, Term};
use oxigraph::store::Store;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// The properties by which a fact names the entities taking part in it (the `dg:` roles of visits,
/// meetings, signings, partnerships, positions, citations, cooperation, participation and events).
/// An entity's facts are found through them rather than through every statement pointing at the
/// entity, most of which are its mentions.
const ROLES: [&str; 11] = [
    "visitor",
    "hostCountry",
    "invitedBy",
    "participant",
    "party",
    "partner",
    "treaty",
    "subject",
    "object",
    "organization",
    "project",
];

/// Which facts to list.
pub enum Selector<'a> {
    /// The facts an entity has a role in.
    Entity(&'a NamedNode),
    /// The facts a document states.
    Document(&'a NamedNode),
    /// One fact.
    Fact(&'a NamedNode),
}

/// An entity a fact or a text points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    pub iri: String,
    pub label: String,
    pub kind: String,
}

/// A mention the evidence rests on: character offsets into the source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub surface: String,
    pub entity: Party,
}

/// One fact (an event once, however many documents report it) with its reports.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fact {
    pub iri: String,
    /// The class's local name (`Visit`).
    pub class: String,
    /// The earliest date a report states, else the earliest of its documents'; `YYYY-MM-DD`,
    /// `YYYY-MM` or `YYYY`.
    pub date: Option<String>,
    pub date_stated: bool,
    /// Role (local name) and the entity in it.
    pub roles: Vec<(String, Party)>,
    /// Type word, level, stance, place …
    pub attributes: Vec<(String, String)>,
    /// The sentences stating it, by source file and span.
    pub reports: Vec<Report>,
}

/// One document's sentence stating a fact.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// The evidence node.
    pub iri: String,
    pub document: String,
    pub title: String,
    pub source_file: String,
    pub evidence: String,
    pub span: (usize, usize),
    pub marks: Vec<Mark>,
}

fn text(row: &Row, key: &str) -> String {
    row.get(key).map(plain_text).unwrap_or_default()
}

fn local(iri: &str) -> String {
    iri.rsplit(['#', '/']).next().unwrap_or(iri).to_owned()
}

/// The facts `selector` picks, dated first by date (then source file and span), undated last: the
/// `limit` after the first `offset`, with their parties and mentions, and how many there are in all.
pub fn facts(
    store: &Store,
    selector: Selector<'_>,
    offset: usize,
    limit: usize,
) -> Result<(Vec<Fact>, usize), QueryError> {
    let dg = vocab::DG;
    let pick = match selector {
        Selector::Entity(e) => {
            let roles: Vec<String> = ROLES.iter().map(|r| format!("<{dg}{r}>")).collect();
            format!("VALUES ?role {{ {} }} ?f ?role {e} .", roles.join(" "))
        }
        Selector::Document(d) => format!("?f <{dg}statedIn> {d} ."),
        Selector::Fact(f) => format!("BIND({f} AS ?f)"),
    };
    // A document's page shows the sentences of that document only.
    let own = match selector {
        Selector::Document(d) => format!("FILTER(?doc = {d})"),
        _ => String::new(),
    };
    let count = query::select(
        store,
        &format!("SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE {{ {pick} ?f <{dg}statedIn> ?doc }}"),
    )?;
    let total = count.first().map(|r| text(r, "n").parse().unwrap_or(0)).unwrap_or(0);
    // One page of facts, dated first by date (as text: a year before its months and days), then
    // source and span; then their reports.
    let heads = query::select(
        store,
        &format!(
            "SELECT ?f ?class ?r ?doc ?text ?s ?e ?sd ?sy ?title ?dd ?src WHERE {{
               {{ SELECT ?f (MIN(COALESCE(STR(?sd0), STR(?sy0), STR(?dd0))) AS ?date0) (MIN(?src0) AS ?first)
                   (MIN(?s0) AS ?at) WHERE {{ {pick} ?f <{dg}statedIn> ?d0 ; <{dg}evidence> ?r0 .
                   ?r0 <{dg}evidenceStart> ?s0 .
                   OPTIONAL {{ ?f <{dg}startDate> ?sd0 }} OPTIONAL {{ ?f <{dg}startYear> ?sy0 }}
                   OPTIONAL {{ ?d0 <{dg}date> ?dd0 }} OPTIONAL {{ ?d0 <{dg}sourceFile> ?src0 }} }} GROUP BY ?f
                 ORDER BY (!BOUND(?date0)) ?date0 ?first ?at ?f LIMIT {limit} OFFSET {offset} }}
               ?f a ?class ; <{dg}evidence> ?r .
               ?r <{dg}inDocument> ?doc ; <{dg}evidenceText> ?text ; <{dg}evidenceStart> ?s ; <{dg}evidenceEnd> ?e .
               {own}
               OPTIONAL {{ ?f <{dg}startDate> ?sd }} OPTIONAL {{ ?f <{dg}startYear> ?sy }}
               OPTIONAL {{ ?doc <{dg}title> ?title }} OPTIONAL {{ ?doc <{dg}date> ?dd }}
               OPTIONAL {{ ?doc <{dg}sourceFile> ?src }} }}"
        ),
    )?;
    let mut list: Vec<Fact> = Vec::new();
    let mut dates: BTreeMap<String, (Option<String>, Option<String>)> = BTreeMap::new();
    for row in &heads {
        let iri = text(row, "f");
        let (stated, documented) = dates.entry(iri.clone()).or_default();
        for (date, key) in [(stated, ["sd", "sy"].as_slice()), (documented, ["dd"].as_slice())] {
            for k in key {
                let d = text(row, k);
                if !d.is_empty() && date.as_ref().is_none_or(|old| d < *old) {
                    *date = Some(d);
                }
            }
        }
        let at = match list.iter().position(|f| f.iri == iri) {
            Some(at) => at,
            None => {
                list.push(Fact { class: local(&text(row, "class")), iri, ..Fact::default() });
                list.len() - 1
            }
        };
        let r = text(row, "r");
        if list[at].reports.iter().any(|report| report.iri == r) {
            continue;
        }
        let number = |k: &str| text(row, k).parse().unwrap_or(0);
        list[at].reports.push(Report {
            iri: r,
            document: text(row, "doc"),
            title: text(row, "title"),
            source_file: text(row, "src"),
            evidence: text(row, "text"),
            span: (number("s"), number("e")),
            marks: Vec::new(),
        });
    }
    for fact in &mut list {
        let (stated, documented) = dates.remove(&fact.iri).unwrap_or_default();
        fact.date_stated = stated.is_some();
        fact.date = stated.or(documented);
        fact.reports.sort_by(|x, y| (&x.source_file, x.span, &x.iri).cmp(&(&y.source_file, y.span, &y.iri)));
    }
    let first = |f: &Fact| f.reports.first().map(|r| (r.source_file.clone(), r.span)).unwrap_or_default();
    list.sort_by(|x, y| {
        (x.date.is_none(), &x.date, first(x), &x.iri).cmp(&(y.date.is_none(), &y.date, first(y), &y.iri))
    });
    list.truncate(limit);
    if !list.is_empty() {
        details(store, &mut list)?;
    }
    Ok((list, total))
}

/// Fills in the parties, attributes and mentions of `list`.
fn details(store: &Store, list: &mut [Fact]) -> Result<(), QueryError> {
    let dg = vocab::DG;
    let values: Vec<String> = list.iter().map(|f| format!("<{}>", f.iri)).collect();
    let values = values.join(" ");
    let index: BTreeMap<String, usize> = list.iter().enumerate().map(|(i, f)| (f.iri.clone(), i)).collect();
    let skip = ["statedIn", "evidence", "startDate", "startYear"];
    let props = query::select(
        store,
        &format!(
            "SELECT ?f ?p ?o WHERE {{ VALUES ?f {{ {values} }} ?f ?p ?o . FILTER(?p != <{}>) }} ORDER BY ?f ?p ?o",
            vocab::RDF_TYPE,
        ),
    )?;
    let mentions = query::select(
        store,
        &format!(
            "SELECT ?f ?r ?s ?e ?t ?x WHERE {{ VALUES ?f {{ {values} }} ?f <{dg}evidence> ?r . ?r <{dg}basedOn> ?m .
               ?m <{dg}start> ?s ; <{dg}end> ?e ; <{dg}refersTo> ?x ; <{dg}text> ?t }}"
        ),
    )?;
    let mut entities: BTreeSet<String> = mentions.iter().map(|r| text(r, "x")).collect();
    for row in &props {
        if let Some(Term::NamedNode(o)) = row.get("o") {
            if !skip.contains(&local(&text(row, "p")).as_str()) {
                entities.insert(o.as_str().to_owned());
            }
        }
    }
    let described = describe(store, &entities)?;
    let party = |iri: String| {
        let (kind, label) = described.get(&iri).cloned().unwrap_or_else(|| (String::new(), local(&iri)));
        Party { iri, label, kind }
    };
    for row in &props {
        let Some(&i) = index.get(&text(row, "f")) else { continue };
        let p = local(&text(row, "p"));
        if skip.contains(&p.as_str()) {
            continue;
        }
        let fact = &mut list[i];
        match row.get("o") {
            Some(Term::NamedNode(o)) => {
                let iri = o.as_str().to_owned();
                if !fact.roles.iter().any(|(r, e)| *r == p && e.iri == iri) {
                    fact.roles.push((p, party(iri)));
                }
            }
            Some(other) => fact.attributes.push((p, plain_text(other))),
            None => {}
        }
    }
    for row in &mentions {
        let Some(&i) = index.get(&text(row, "f")) else { continue };
        let mark = Mark {
            start: text(row, "s").parse().unwrap_or(0),
            end: text(row, "e").parse().unwrap_or(0),
            surface: text(row, "t"),
            entity: party(text(row, "x")),
        };
        let r = text(row, "r");
        let Some(report) = list[i].reports.iter_mut().find(|report| report.iri == r) else { continue };
        if !report.marks.contains(&mark) {
            report.marks.push(mark);
        }
    }
    Ok(())
}

/// The kind (a `dg:` class's local name) and zh label (else en, else the IRI's last segment) of
/// each of `iris`. A UNION grouped by IRI, not OPTIONALs: Oxigraph may answer an OPTIONAL by
/// reading every label and type of the store.
pub fn describe(
    store: &Store,
    iris: &BTreeSet<String>,
) -> Result<BTreeMap<String, (String, String)>, QueryError> {
    if iris.is_empty() {
        return Ok(BTreeMap::new());
    }
    let values: Vec<String> = iris.iter().map(|e| format!("<{e}>")).collect();
    let rows = query::select(
        store,
        &format!(
            "SELECT ?e (SAMPLE(?k) AS ?kind) (SAMPLE(?zh) AS ?z) (SAMPLE(?en) AS ?n) WHERE {{ VALUES ?e {{ {} }}
               {{ ?e a ?k FILTER(STRSTARTS(STR(?k), \"{}\")) }}
               UNION {{ ?e <{label}> ?zh FILTER(LANG(?zh) = \"zh\") }} UNION {{ ?e <{label}> ?en FILTER(LANG(?en) = \"en\") }}
             }} GROUP BY ?e",
            values.join(" "),
            vocab::DG,
            label = vocab::RDFS_LABEL
        ),
    )?;
    Ok(rows
        .iter()
        .map(|r| {
            let e = text(r, "e");
            let label = [text(r, "z"), text(r, "n")].into_iter().find(|l| !l.is_empty());
            let label = label.unwrap_or_else(|| local(&e));
            (e, (local(&text(r, "kind")), label))
        })
        .collect())
}

/// `text` (which starts at character `offset` of its source file) as HTML with each of `marks`
/// highlighted and linked to its entity. A mark whose offsets do not hold its surface (evidence
/// text is normalized, its offsets are the original file's) is placed at the first free
/// occurrence of its surface instead; overlapping marks after the first are left out.
pub fn highlight(text: &str, offset: usize, marks: &[Mark], check_surface: bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut placed: Vec<(usize, usize, &Mark)> = Vec::new();
    let free = |placed: &[(usize, usize, &Mark)], s: usize, e: usize| {
        s < e && e <= chars.len() && placed.iter().all(|&(a, b, _)| e <= a || b <= s)
    };
    for mark in marks {
        let (s, e) = (mark.start.saturating_sub(offset), mark.end.saturating_sub(offset));
        let holds = mark.start >= offset && e <= chars.len() && {
            let at: String = chars[s.min(e)..e].iter().collect();
            !check_surface || at == mark.surface
        };
        if holds && free(&placed, s, e) {
            placed.push((s, e, mark));
            continue;
        }
        if check_surface && !mark.surface.is_empty() {
            let surface: Vec<char> = mark.surface.chars().collect();
            let found = (0..chars.len().saturating_sub(surface.len() - 1))
                .find(|&i| chars[i..i + surface.len()] == surface[..] && free(&placed, i, i + surface.len()));
            if let Some(i) = found {
                placed.push((i, i + surface.len(), mark));
            }
        }
    }
    placed.sort_by_key(|&(s, e, _)| (s, e));
    let mut out = String::with_capacity(text.len() * 2);
    let mut at = 0;
    for (s, e, mark) in placed {
        out.push_str(&escape(&chars[at..s].iter().collect::<String>()));
        let _ = write!(
            out,
            "<a class=\"mention {}\" href=\"{}\" title=\"{}\">{}</a>",
            escape(&html::kind_class(&mark.entity.kind)),
            escape(&html::href(&mark.entity.iri)),
            escape(&format!("{} ({})", mark.entity.label, mark.entity.kind)),
            escape(&chars[s..e].iter().collect::<String>())
        );
        at = e;
    }
    out.push_str(&escape(&chars[at..].iter().collect::<String>()));
    out
}

/// One fact as an `<article>`: date, kind, parties as links, attributes, the evidence sentence
/// with its mentions highlighted, and the source file, span and document.
pub fn card(fact: &Fact, show_document: bool) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<article class=\"fact f-{}\" id=\"{}\"><header><time>{}</time>{} <span class=\"class\">{}</span>",
        escape(&fact.class.to_ascii_lowercase()),
        escape(&format!("fact-{}", local(&fact.iri))),
        escape(fact.date.as_deref().filter(|_| fact.date_stated).unwrap_or("undated")),
        // No sentence dates it (a recollection, an announcement): the report's day is not the event's.
        match fact.date.as_deref().filter(|_| !fact.date_stated) {
            Some(reported) => format!("<small> · reported {}</small>", escape(reported)),
            None => String::new(),
        },
        escape(&fact.class)
    );
    out.push_str(" <a class=\"permalink\" href=\"");
    out.push_str(&escape(&html::href(&fact.iri)));
    out.push_str("\">¶</a></header>\n<dl class=\"roles\">");
    for (role, party) in &fact.roles {
        let _ = write!(
            out,
            "<dt>{}</dt><dd>{} {}</dd>",
            escape(role),
            link(&party.iri, &party.label),
            html::kind_tag(&party.kind)
        );
    }
    for (name, value) in &fact.attributes {
        let _ = write!(out, "<dt>{}</dt><dd>{}</dd>", escape(name), escape(value));
    }
    out.push_str("</dl>\n");
    if fact.reports.len() > 1 {
        let _ = writeln!(out, "<p class=\"reports\">{} reports</p>", fact.reports.len());
    }
    for report in &fact.reports {
        out.push_str("<blockquote class=\"evidence\">");
        out.push_str(&highlight(&report.evidence, report.span.0, &report.marks, true));
        let _ = write!(
            out,
            "</blockquote>\n<p class=\"source\"><code>{}</code> [{}–{}]",
            escape(&report.source_file),
            report.span.0,
            report.span.1
        );
        if show_document {
            let title = if report.title.is_empty() { "document" } else { &report.title };
            let _ = write!(out, " · {}", link(&report.document, title));
        }
        out.push_str("</p>\n");
    }
    out.push_str("</article>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, surface: &str) -> Mark {
        let entity =
            Party { iri: format!("{}leader/x", vocab::ID), label: "X".into(), kind: "Leader".into() };
        Mark { start, end, surface: surface.into(), entity }
    }

    #[test]
    fn a_fact_no_sentence_dates_shows_its_report_day_as_such() {
        let fact = |date_stated: bool| Fact {
            iri: format!("{}fact/x", vocab::ID),
            class: "Visit".into(),
            date: Some("2019-10-29".into()),
            date_stated,
            ..Fact::default()
        };
        assert!(card(&fact(true), false).contains("<time>2019-10-29</time>"));
        let undated = card(&fact(false), false);
        assert!(undated.contains("<time>undated</time><small> · reported 2019-10-29</small>"), "{undated}");
    }

    #[test]
    fn marks_go_at_their_offsets_or_where_their_surface_is() {
        let text = "普京会见<b>习近平";
        let html = highlight(text, 100, &[mark(100, 102, "普京"), mark(200, 203, "习近平")], true);
        assert_eq!(
            html,
            "<a class=\"mention k-leader\" href=\"/id/leader/x\" title=\"X (Leader)\">普京</a>会见&lt;b&gt;\
             <a class=\"mention k-leader\" href=\"/id/leader/x\" title=\"X (Leader)\">习近平</a>"
        );
        let overlapping = highlight("abcdef", 0, &[mark(0, 3, "abc"), mark(2, 4, "cd")], false);
        assert_eq!(overlapping.matches("<a ").count(), 1, "{overlapping}");
        assert_eq!(highlight("x<y", 0, &[mark(9, 12, "zzz")], true), "x&lt;y");
    }
}
