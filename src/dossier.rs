//! Dossiers: the timeline of two countries or leaders (or one of each) — visits, meetings, signings,
//! citations and partnership levels between them, in date order, each with its evidence sentence,
//! source file and span. The entry point is [`dossier`]; the CLI and the explorer print its result.
//!
//! Who counts for a side: a country stands with its leaders (`dg:leaderOf`), so a country's dossier
//! holds its leaders' visits and meetings too; a leader stands alone, and the country-level facts
//! (signings, citations, partnership levels) of the countries they lead count only when a document
//! that reports a visit or meeting of the two sides states them. Positions and cooperation within
//! organizations are left out (they are not between the two sides).

use crate::lookup;
use crate::model::Kind;
use crate::query::{self, QueryError, Row, Sparql};
use crate::vocab;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// One side of a dossier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    pub iri: String,
    pub label: String,
    pub kind: Kind,
    /// Who acts for this side: the entity, and a country's leaders.
    pub members: Vec<String>,
    /// The countries this side stands for: a country itself, or the countries a leader leads.
    pub countries: Vec<String>,
}

/// What kind of fact an entry is, in the order entries of one date are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntryKind {
    Visit,
    Meeting,
    Signing,
    Partnership,
    Citation,
}

impl EntryKind {
    pub const ALL: [EntryKind; 5] =
        [Self::Visit, Self::Meeting, Self::Signing, Self::Partnership, Self::Citation];

    /// The name shown (lower case).
    pub fn name(self) -> &'static str {
        match self {
            Self::Visit => "visit",
            Self::Meeting => "meeting",
            Self::Signing => "signing",
            Self::Partnership => "partnership",
            Self::Citation => "citation",
        }
    }

    /// The fact class in the store.
    fn class(self) -> &'static str {
        match self {
            Self::Visit => "Visit",
            Self::Meeting => "Meeting",
            Self::Signing => "Signing",
            Self::Partnership => "Partnership",
            Self::Citation => "Citation",
        }
    }

    /// Facts between the countries rather than between people.
    fn country_level(self) -> bool {
        matches!(self, Self::Signing | Self::Partnership | Self::Citation)
    }
}

impl fmt::Display for EntryKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Where an entry's date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSource {
    /// The fact states it (`dg:startDate`, `dg:startYear`).
    Stated,
    /// The fact states none; the date of the document reporting it.
    Document,
}

impl DateSource {
    pub fn name(self) -> &'static str {
        match self {
            Self::Stated => "stated",
            Self::Document => "document",
        }
    }
}

/// One fact of the timeline, once however many documents report it: shown as its earliest-dated
/// report (then by source file and span) states it, with the number of documents reporting it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `None` when neither the fact nor its document is dated.
    pub date: Option<String>,
    pub date_source: Option<DateSource>,
    pub kind: EntryKind,
    /// Who: `visitor → host` for visits, `a · b` for the others (side A first).
    pub between: String,
    /// Visit or meeting type, the treaty signed or cited, the partnership level.
    pub detail: String,
    pub evidence: String,
    pub source_file: String,
    /// Character offsets of the evidence sentence in the source file.
    pub span: (u64, u64),
    pub fact: String,
    pub document: String,
    /// How many documents report the fact (an event several documents report counts each).
    pub reports: usize,
}

/// The timeline of two parties.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dossier {
    pub a: Party,
    pub b: Party,
    /// Dated entries by date (a year before its months, a month before its days), undated last.
    pub entries: Vec<Entry>,
}

/// Why a dossier failed.
#[derive(Debug, thiserror::Error)]
pub enum DossierError {
    #[error("no country or leader matches `{0}` (give a label, a short name like country:KZ or an IRI)")]
    NotFound(String),
    #[error("`{name}` is a {kind}; a dossier is between countries and leaders")]
    NotAParty { name: String, kind: String },
    #[error("`{0}` names the same entity twice")]
    Same(String),
    #[error(transparent)]
    Query(#[from] QueryError),
}

fn text(row: &Row, key: &str) -> String {
    row.get(key).map(query::plain_text).unwrap_or_default()
}

fn iris(list: &[String]) -> String {
    list.iter().map(|i| format!("<{i}>")).collect::<Vec<_>>().join(" ")
}

/// The zh label of `iri`, else its last path segment.
fn label(store: &dyn Sparql, iri: &str) -> Result<String, DossierError> {
    let rows = query::select(
        store,
        &format!(
            "SELECT ?l WHERE {{ <{iri}> <{}> ?l FILTER(LANG(?l) = \"zh\") }} ORDER BY ?l LIMIT 1",
            vocab::RDFS_LABEL
        ),
    )?;
    Ok(rows.first().map(|r| text(r, "l")).unwrap_or_else(|| iri.rsplit('/').next().unwrap_or(iri).to_owned()))
}

/// Finds the country or leader `name` names: an IRI, a short name (`country:KZ`, `id:…`) or a zh or
/// en label (exact, else contained; the most mentioned wins, then the smallest IRI).
pub fn resolve(store: &dyn Sparql, name: &str) -> Result<Party, DossierError> {
    let dg = vocab::DG;
    let name = name.trim();
    // Countries and leaders first; any other entity then, to say what it is.
    let parties = [Kind::Country, Kind::Leader];
    let iri = match lookup::find(store, name, &parties)? {
        Some(iri) => iri,
        None => lookup::by_label(store, name, lookup::Match::Exact, &[])?
            .ok_or_else(|| DossierError::NotFound(name.to_owned()))?,
    };
    let classes = query::select(store, &format!("SELECT DISTINCT ?k WHERE {{ <{iri}> a ?k }} ORDER BY ?k"))?;
    let classes: Vec<String> = classes.iter().map(|r| text(r, "k")).collect();
    let kind = [Kind::Country, Kind::Leader].into_iter().find(|k| classes.contains(&vocab::dg(k.name())));
    let Some(kind) = kind else {
        return Err(match classes.first() {
            Some(k) => DossierError::NotAParty {
                name: name.to_owned(),
                kind: k.rsplit(['#', '/']).next().unwrap_or(k).to_owned(),
            },
            None => DossierError::NotFound(name.to_owned()),
        });
    };
    let related = |sparql: String| -> Result<Vec<String>, DossierError> {
        Ok(query::select(store, &sparql)?.iter().map(|r| text(r, "x")).collect())
    };
    let (members, countries) = match kind {
        Kind::Country => {
            let leaders =
                related(format!("SELECT DISTINCT ?x WHERE {{ ?x <{dg}leaderOf> <{iri}> }} ORDER BY ?x"))?;
            (std::iter::once(iri.clone()).chain(leaders).collect(), vec![iri.clone()])
        }
        _ => {
            let led =
                related(format!("SELECT DISTINCT ?x WHERE {{ <{iri}> <{dg}leaderOf> ?x }} ORDER BY ?x"))?;
            (vec![iri.clone()], led)
        }
    };
    Ok(Party { label: label(store, &iri)?, iri, kind, members, countries })
}

/// The dossier of `a` and `b` (each as [`resolve`] finds it) from a store opened for querying.
pub fn dossier(store: &dyn Sparql, a: &str, b: &str) -> Result<Dossier, DossierError> {
    let (a, b) = (resolve(store, a)?, resolve(store, b)?);
    if a.iri == b.iri {
        return Err(DossierError::Same(a.label));
    }
    let mut entries = Vec::new();
    let mut labels = BTreeMap::new();
    for kind in EntryKind::ALL {
        for row in query::select(store, &facts_query(kind, &a, &b))? {
            let mut name = |key: &str| -> Result<String, DossierError> {
                let iri = text(&row, key);
                if !labels.contains_key(&iri) {
                    labels.insert(iri.clone(), label(store, &iri)?);
                }
                Ok(labels[&iri].clone())
            };
            let between = match kind {
                EntryKind::Visit => format!("{} → {}", name("x")?, name("y")?),
                _ => format!("{} · {}", name("x")?, name("y")?),
            };
            let detail = if kind == EntryKind::Signing || kind == EntryKind::Citation {
                name("detail")?
            } else {
                text(&row, "detail")
            };
            let stated = [text(&row, "sd"), text(&row, "sy")].into_iter().find(|d| !d.is_empty());
            let document_date = Some(text(&row, "dd")).filter(|d| !d.is_empty());
            let (date, date_source) = match (stated, document_date) {
                (Some(d), _) => (Some(d), Some(DateSource::Stated)),
                (None, Some(d)) => (Some(d), Some(DateSource::Document)),
                (None, None) => (None, None),
            };
            let number = |key: &str| text(&row, key).parse().unwrap_or(0);
            entries.push(Entry {
                date,
                date_source,
                kind,
                between,
                detail,
                evidence: text(&row, "text"),
                source_file: text(&row, "src"),
                span: (number("s"), number("e")),
                fact: text(&row, "f"),
                document: text(&row, "doc"),
                reports: 1,
            });
        }
    }
    if a.kind == Kind::Leader || b.kind == Kind::Leader {
        let met: BTreeSet<String> =
            entries.iter().filter(|e| !e.kind.country_level()).map(|e| e.document.clone()).collect();
        entries.retain(|e| !e.kind.country_level() || met.contains(&e.document));
    }
    Ok(Dossier { a, b, entries: one_per_fact(entries) })
}

/// Each fact once: its first report in timeline order among those dating it most precisely (a
/// report's day before another's month: 习近平11日在金奈 before a report of the visit in October),
/// counting the documents reporting it. A statement that dates its visit or talks by the year alone
/// (去年…在武汉举行的非正式会晤) counts as a report of the one event of that kind between the same people
/// other reports date in that year, as the named queries count it.
fn one_per_fact(mut entries: Vec<Entry>) -> Vec<Entry> {
    sort(&mut entries);
    let mut documents: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut precision: BTreeMap<String, usize> = BTreeMap::new();
    for e in &entries {
        documents.entry(e.fact.clone()).or_default().insert(e.document.clone());
        let p = precision.entry(e.fact.clone()).or_default();
        *p = (*p).max(e.date.as_ref().map_or(0, String::len));
    }
    let mut seen = BTreeSet::new();
    entries.retain(|e| {
        let most = precision.get(&e.fact).copied().unwrap_or(0);
        e.date.as_ref().map_or(0, String::len) == most && seen.insert(e.fact.clone())
    });
    let folded: Vec<(usize, usize)> = (0..entries.len())
        .filter_map(|i| {
            let e = &entries[i];
            let year = e.date.as_deref().filter(|d| d.len() == 4 && !is_event(&e.fact))?;
            let mut events = (0..entries.len()).filter(|&j| {
                let x = &entries[j];
                x.kind == e.kind
                    && x.between == e.between
                    && is_event(&x.fact)
                    && x.date.as_deref().is_some_and(|d| d.len() > 4 && d.starts_with(year))
            });
            let event = events.next()?;
            events.next().is_none().then_some((i, event))
        })
        .collect();
    for &(i, event) in &folded {
        let moved: Vec<String> = documents.get(&entries[i].fact).into_iter().flatten().cloned().collect();
        documents.entry(entries[event].fact.clone()).or_default().extend(moved);
    }
    let gone: BTreeSet<usize> = folded.iter().map(|&(i, _)| i).collect();
    let mut entries: Vec<Entry> =
        entries.into_iter().enumerate().filter(|(i, _)| !gone.contains(i)).map(|(_, e)| e).collect();
    for e in &mut entries {
        e.reports = documents.get(&e.fact).map_or(1, BTreeSet::len);
    }
    entries
}

/// True when `fact` is an event several documents may report, not a statement of one document.
fn is_event(fact: &str) -> bool {
    fact.strip_prefix(vocab::ID).is_some_and(|rest| rest.starts_with("event/"))
}

/// Dated entries first by date, then kind, source file, span and fact IRI; undated entries last.
pub fn sort(entries: &mut [Entry]) {
    entries.sort_by(|x, y| {
        (x.date.is_none(), &x.date, x.kind, &x.source_file, x.span, &x.fact, &x.document).cmp(&(
            y.date.is_none(),
            &y.date,
            y.kind,
            &y.source_file,
            y.span,
            &y.fact,
            &y.document,
        ))
    });
}

/// The SELECT of the facts of `kind` between the two sides: `?x` on side A's part, `?y` on B's
/// (for visits `?x` is the visitor, either side), `?detail`, dates, evidence and source.
fn facts_query(kind: EntryKind, a: &Party, b: &Party) -> String {
    let dg = vocab::DG;
    let pattern = match kind {
        EntryKind::Visit => format!(
            "?f <{dg}visitor> ?x ; <{dg}hostCountry> ?y .
             {{ VALUES ?x {{ {} }} VALUES ?y {{ {} }} }} UNION {{ VALUES ?x {{ {} }} VALUES ?y {{ {} }} }}
             OPTIONAL {{ ?f <{dg}visitType> ?detail }}",
            iris(&a.members),
            iris(&b.countries),
            iris(&b.members),
            iris(&a.countries)
        ),
        EntryKind::Meeting => format!(
            "?f <{dg}participant> ?x, ?y . VALUES ?x {{ {} }} VALUES ?y {{ {} }} OPTIONAL {{ ?f <{dg}meetingType> ?detail }}",
            iris(&a.members),
            iris(&b.members)
        ),
        EntryKind::Signing | EntryKind::Citation => format!(
            "?f <{dg}treaty> ?detail . ?detail <{dg}party> ?x, ?y . VALUES ?x {{ {} }} VALUES ?y {{ {} }}",
            iris(&a.countries),
            iris(&b.countries)
        ),
        EntryKind::Partnership => format!(
            "?f <{dg}partner> ?x, ?y . VALUES ?x {{ {} }} VALUES ?y {{ {} }} OPTIONAL {{ ?f <{dg}level> ?detail }}",
            iris(&a.countries),
            iris(&b.countries)
        ),
    };
    format!(
        "SELECT ?f ?x ?y ?detail ?sd ?sy ?dd ?doc ?src ?text ?s ?e WHERE {{
           GRAPH ?doc {{ ?f a <{dg}{class}> ; <{dg}statedIn> ?doc ; <{dg}evidence> ?r .
             ?r <{dg}evidenceText> ?text ; <{dg}evidenceStart> ?s ; <{dg}evidenceEnd> ?e .
             OPTIONAL {{ ?f <{dg}startDate> ?sd }} OPTIONAL {{ ?f <{dg}startYear> ?sy }} }}
           {pattern}
           OPTIONAL {{ ?doc <{dg}sourceFile> ?src }} OPTIONAL {{ ?doc <{dg}date> ?dd }}
         }} ORDER BY ?f ?doc ?x ?y",
        class = kind.class()
    )
}

#[cfg(test)]
mod tests;
