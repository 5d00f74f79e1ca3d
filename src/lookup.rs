//! Finding what a user names: an IRI, a short name (`country:KZ`, `id:…`), or a label in Chinese
//! or English (exact, else contained; the entity most mentioned wins, then the smallest IRI).
//! `explain`, `dossier` and query parameters all find entities this way.
//!
//! Start with [`find`].

use crate::model::Kind;
use crate::query::{self, QueryError, Sparql};
use crate::vocab;
use oxigraph::model::Term;

/// The IRI a name spells out without looking at the store: a full IRI, `id:…` or `kind:key`.
pub fn explicit_iri(name: &str) -> Option<String> {
    let name = name.trim();
    if let Some(rest) = name.strip_prefix("id:") {
        return Some(format!("{}{rest}", vocab::ID));
    }
    if let Some(iri) = vocab::expand_short(name) {
        return Some(iri);
    }
    (name.starts_with("http://") || name.starts_with("https://")).then(|| name.to_owned())
}

/// How a label must match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// The whole label.
    Exact,
    /// Part of the label.
    Contained,
}

/// The entity whose label matches `label`, restricted to `kinds` (empty: any), the most mentioned
/// first; `None` when none does.
pub fn by_label(
    store: &dyn Sparql,
    label: &str,
    how: Match,
    kinds: &[Kind],
) -> Result<Option<String>, QueryError> {
    first_entity(store, &label_query(label, how, kinds))
}

/// The IRI in the column `e` of the first row of `sparql`'s answer.
fn first_entity(store: &dyn Sparql, sparql: &str) -> Result<Option<String>, QueryError> {
    let rows = query::select(store, sparql)?;
    Ok(rows.first().and_then(|r| match r.get("e") {
        Some(Term::NamedNode(n)) => Some(n.as_str().to_owned()),
        _ => None,
    }))
}

/// The query [`by_label`] asks: the entities of `kinds` (empty: any) whose label matches `label`,
/// the most mentioned first (the first row is the answer).
pub fn label_query(label: &str, how: Match, kinds: &[Kind]) -> String {
    let dg = vocab::DG;
    let text = label.trim().replace('\\', "\\\\").replace('"', "\\\"");
    let filter = match how {
        Match::Exact => format!("STR(?l) = \"{text}\""),
        Match::Contained => format!("CONTAINS(STR(?l), \"{text}\")"),
    };
    let kinds = if kinds.is_empty() {
        String::new()
    } else {
        let classes: Vec<String> = kinds.iter().map(|k| format!("<{dg}{}>", k.name())).collect();
        format!("VALUES ?k {{ {} }} ?e a ?k .", classes.join(" "))
    };
    format!(
        "SELECT ?e (COUNT(?m) AS ?n) WHERE {{ {kinds} ?e <{}> ?l FILTER({filter}) OPTIONAL {{ ?m <{dg}refersTo> ?e }} }}
         GROUP BY ?e ORDER BY DESC(?n) ?e LIMIT 1",
        vocab::RDFS_LABEL
    )
}

/// The query [`by_surname_and_office`] asks: the most mentioned leader among `candidates` (IRIs in
/// angle brackets).
fn most_mentioned_leader_query(candidates: &[String]) -> String {
    let dg = vocab::DG;
    format!(
        "SELECT ?e (COUNT(?m) AS ?n) WHERE {{ VALUES ?e {{ {} }} ?e a <{dg}Leader> OPTIONAL {{ ?m <{dg}refersTo> ?e }} }}
         GROUP BY ?e ORDER BY DESC(?n) ?e LIMIT 1",
        candidates.join(" ")
    )
}

/// What finding a name may read, so that a store file loads only that for a query's parameters.
pub fn needs() -> query::Needs {
    let label = query::Needs::of(&label_query("", Match::Exact, &[]));
    label.union(query::Needs::of(&most_mentioned_leader_query(&[format!("<{}x>", vocab::ID)])))
}

/// What `name` names: its explicit IRI, else the entity of `kinds` (empty: any) whose label is
/// `name`, else one whose label contains it.
pub fn find(store: &dyn Sparql, name: &str, kinds: &[Kind]) -> Result<Option<String>, QueryError> {
    if let Some(iri) = explicit_iri(name) {
        return Ok(Some(iri));
    }
    if let Some(iri) = by_label(store, name, Match::Exact, kinds)? {
        return Ok(Some(iri));
    }
    match by_label(store, name, Match::Contained, kinds)? {
        Some(iri) => Ok(Some(iri)),
        None => by_surname_and_office(store, name, kinds),
    }
}

/// The leader a surname and office names (习主席, 李总理): of the gazetteer leaders it may stand
/// for, the one the store mentions most; `None` when it names none the store holds.
fn by_surname_and_office(
    store: &dyn Sparql,
    name: &str,
    kinds: &[Kind],
) -> Result<Option<String>, QueryError> {
    if !kinds.is_empty() && !kinds.contains(&Kind::Leader) {
        return Ok(None);
    }
    let leaders = &crate::extract::lexicon::Lexicon::get().gazetteer.leaders;
    let candidates: Vec<String> = leaders
        .iter()
        .filter(|l| crate::extract::abbreviated::abbreviates(name.trim(), l))
        .map(|l| format!("<{}>", vocab::entity("leader", &l.id)))
        .collect();
    if candidates.is_empty() {
        return Ok(None);
    }
    first_entity(store, &most_mentioned_leader_query(&candidates))
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::io::RdfFormat;
    use oxigraph::store::Store;

    fn store() -> Store {
        let store = Store::new().unwrap();
        let (id, dg, label) = (vocab::ID, vocab::DG, vocab::RDFS_LABEL);
        let data = format!(
            "<{id}leader/putin> a <{dg}Leader> ; <{label}> \"普京\"@zh , \"Vladimir Putin\"@en .
             <{id}leader/other> a <{dg}Leader> ; <{label}> \"普京娜\"@zh .
             <{id}country/RU> a <{dg}Country> ; <{label}> \"俄罗斯\"@zh .
             <{id}treaty/t> a <{dg}Treaty> ; <{label}> \"俄罗斯条约\"@zh .
             <{id}m/1> <{dg}refersTo> <{id}treaty/t> . <{id}m/2> <{dg}refersTo> <{id}treaty/t> ."
        );
        store.load_from_slice(RdfFormat::Turtle, data.as_bytes()).unwrap();
        store
    }

    #[test]
    fn names_are_found_by_iri_short_name_or_label() {
        let store = store();
        let iri = |n: &str, kinds: &[Kind]| find(&store, n, kinds).unwrap().map(|i| i.replace(vocab::ID, ""));
        assert_eq!(
            iri("普京", &[]).as_deref(),
            Some("leader/putin"),
            "an exact label before a containing one"
        );
        assert_eq!(iri("Vladimir Putin", &[]).as_deref(), Some("leader/putin"));
        assert_eq!(iri("country:KZ", &[]).as_deref(), Some("country/KZ"), "a short name is taken as it is");
        assert_eq!(iri("俄罗斯", &[]).as_deref(), Some("country/RU"));
        assert_eq!(iri("俄罗", &[]).as_deref(), Some("treaty/t"), "contained: the most mentioned");
        assert_eq!(iri("俄罗", &[Kind::Country]).as_deref(), Some("country/RU"), "kinds restrict");
        assert_eq!(iri("不存在", &[]), None);
        assert_eq!(iri("\"}) DROP", &[]), None, "quotes are escaped");
    }

    #[test]
    fn a_surname_and_office_is_the_most_mentioned_leader_it_may_stand_for() {
        let store = Store::new().unwrap();
        let (id, dg) = (vocab::ID, vocab::DG);
        let data = format!(
            "<{id}leader/li-peng> a <{dg}Leader> . <{id}leader/li-keqiang> a <{dg}Leader> .
             <{id}m/1> <{dg}refersTo> <{id}leader/li-keqiang> . <{id}m/2> <{dg}refersTo> <{id}leader/li-keqiang> .
             <{id}m/3> <{dg}refersTo> <{id}leader/li-peng> ."
        );
        store.load_from_slice(RdfFormat::Turtle, data.as_bytes()).unwrap();
        let iri = |n: &str, kinds: &[Kind]| find(&store, n, kinds).unwrap().map(|i| i.replace(vocab::ID, ""));
        assert_eq!(iri("李总理", &[]).as_deref(), Some("leader/li-keqiang"));
        assert_eq!(iri("李总理", &[Kind::Country]), None, "kinds restrict");
        assert_eq!(iri("习主席", &[]), None, "a leader the store does not hold");
    }
}
