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
    let rows = query::select(store, &label_query(label, how, kinds))?;
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

/// What `name` names: its explicit IRI, else the entity of `kinds` (empty: any) whose label is
/// `name`, else one whose label contains it.
pub fn find(store: &dyn Sparql, name: &str, kinds: &[Kind]) -> Result<Option<String>, QueryError> {
    if let Some(iri) = explicit_iri(name) {
        return Ok(Some(iri));
    }
    match by_label(store, name, Match::Exact, kinds)? {
        Some(iri) => Ok(Some(iri)),
        None => by_label(store, name, Match::Contained, kinds),
    }
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
}
