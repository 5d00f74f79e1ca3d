//! Named SPARQL queries from `queries/`, compiled in so the binary answers them from any directory,
//! and the parameters a query file declares in its opening comment.
//!
//! Start with [`named`] and [`QueryHeader::parse`]; [`bind`] turns `name=value` pairs into the
//! variable bindings a query runs with.

use crate::explain::{resolve_target, ExplainError};
use crate::model::{Date, Precision};
use crate::vocab;
use oxigraph::model::{Literal, NamedNode, Term, Variable};

/// A named query: its file stem and its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NamedQuery {
    pub name: &'static str,
    pub text: &'static str,
}

impl NamedQuery {
    /// What its opening comment says: the question it answers and its parameters.
    pub fn header(&self) -> QueryHeader {
        QueryHeader::parse(self.text)
    }
}

/// Every named query.
pub const NAMED_QUERIES: &[NamedQuery] = &[
    NamedQuery { name: "citations", text: include_str!("../queries/citations.rq") },
    NamedQuery { name: "comentions", text: include_str!("../queries/comentions.rq") },
    NamedQuery { name: "countries", text: include_str!("../queries/countries.rq") },
    NamedQuery { name: "documents", text: include_str!("../queries/documents.rq") },
    NamedQuery { name: "entities", text: include_str!("../queries/entities.rq") },
    NamedQuery { name: "initiatives", text: include_str!("../queries/initiatives.rq") },
    NamedQuery { name: "leaders", text: include_str!("../queries/leaders.rq") },
    NamedQuery { name: "meetings", text: include_str!("../queries/meetings.rq") },
    NamedQuery { name: "mentions", text: include_str!("../queries/mentions.rq") },
    NamedQuery { name: "organizations", text: include_str!("../queries/organizations.rq") },
    NamedQuery { name: "partnerships", text: include_str!("../queries/partnerships.rq") },
    NamedQuery { name: "projects", text: include_str!("../queries/projects.rq") },
    NamedQuery { name: "signings", text: include_str!("../queries/signings.rq") },
    NamedQuery { name: "treaties", text: include_str!("../queries/treaties.rq") },
    NamedQuery { name: "visits", text: include_str!("../queries/visits.rq") },
    NamedQuery { name: "wikidata", text: include_str!("../queries/wikidata.rq") },
];

/// The named query called `name` (with or without `.rq`).
pub fn named(name: &str) -> Option<&'static NamedQuery> {
    let stem = name.strip_suffix(".rq").unwrap_or(name);
    NAMED_QUERIES.iter().find(|q| q.name == stem)
}

/// What a value given for a parameter is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    /// An entity: a label (普京), a short name (`country:KZ`) or an IRI, bound to its IRI.
    Entity,
    /// A date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), bound to an `xsd:date`, `xsd:gYearMonth` or
    /// `xsd:gYear` literal.
    Date,
    /// Any text, bound to a plain string literal.
    Text,
}

impl ParamKind {
    /// The name a query header gives the kind.
    pub fn name(self) -> &'static str {
        match self {
            Self::Entity => "entity",
            Self::Date => "date",
            Self::Text => "text",
        }
    }

    fn from_name(name: &str) -> Option<Self> {
        [Self::Entity, Self::Date, Self::Text].into_iter().find(|k| k.name() == name)
    }
}

/// A parameter a query declares: `# Parameter ?entity (entity, required): the entity whose … .`
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    /// The variable it binds, without `?`.
    pub name: String,
    pub kind: ParamKind,
    /// A query without it answers for every value; a required one must be given.
    pub required: bool,
    pub description: String,
}

/// The opening comment of a query: the question it answers and the parameters it takes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueryHeader {
    /// The comment lines before the parameters, joined.
    pub description: String,
    pub params: Vec<Param>,
}

impl QueryHeader {
    /// Reads the comment lines that open `text`; `# Parameter ?name (kind[, required]): text`
    /// lines declare parameters, `# Parameters: none.` says there are none.
    pub fn parse(text: &str) -> Self {
        let mut header = QueryHeader::default();
        let mut description: Vec<&str> = Vec::new();
        for line in text.lines().map_while(|l| l.trim_start().strip_prefix('#')).map(str::trim) {
            if let Some(param) = line.strip_prefix("Parameter ").and_then(parse_param) {
                header.params.push(param);
            } else if !line.starts_with("Parameters:") && !line.is_empty() {
                description.push(line);
            }
        }
        header.description = description.join(" ");
        header
    }
}

/// `?entity (entity, required): the entity …`
fn parse_param(line: &str) -> Option<Param> {
    let (head, description) = line.split_once(':')?;
    let (name, kind) = head.trim().strip_prefix('?')?.split_once('(')?;
    let mut words = kind.trim().strip_suffix(')')?.split(',').map(str::trim);
    let kind = ParamKind::from_name(words.next()?)?;
    let required = words.any(|w| w == "required");
    let name = name.trim();
    let valid = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    valid.then(|| Param { name: name.to_owned(), kind, required, description: description.trim().to_owned() })
}

/// Why parameters could not be bound.
#[derive(Debug, thiserror::Error)]
pub enum ParamError {
    #[error("`{0}` is not of the form NAME=VALUE")]
    Malformed(String),
    #[error("the query has no parameter `{given}` ({})", known_list(.known))]
    Unknown { given: String, known: Vec<String> },
    #[error("the query needs --param {0}=…")]
    Missing(String),
    #[error("`{value}` for `{name}` is not a date of the form YYYY-MM-DD, YYYY-MM or YYYY")]
    NotADate { name: String, value: String },
    #[error("`{name}`: {cause}")]
    Entity { name: String, cause: ExplainError },
}

fn known_list(known: &[String]) -> String {
    if known.is_empty() {
        "it takes none".to_owned()
    } else {
        format!("it takes {}", known.join(", "))
    }
}

/// The bindings `given` (`name=value` pairs) make for a query with `header`, entities looked up
/// in `store`. Every required parameter must be given; an unknown one is an error.
pub fn bind(
    store: &dyn crate::query::Sparql,
    header: &QueryHeader,
    given: &[String],
) -> Result<Vec<(Variable, Term)>, ParamError> {
    let mut bindings = Vec::new();
    for pair in given {
        let (name, value) = pair.split_once('=').ok_or_else(|| ParamError::Malformed(pair.clone()))?;
        let (name, value) = (name.trim().trim_start_matches('?'), value.trim());
        let Some(param) = header.params.iter().find(|p| p.name == name) else {
            let known = header.params.iter().map(|p| p.name.clone()).collect();
            return Err(ParamError::Unknown { given: name.to_owned(), known });
        };
        let term: Term = match param.kind {
            ParamKind::Entity => resolve_target(store, value)
                .map(NamedNode::new_unchecked)
                .map_err(|cause| ParamError::Entity { name: name.to_owned(), cause })?
                .into(),
            ParamKind::Date => date_literal(value)
                .ok_or_else(|| ParamError::NotADate { name: name.to_owned(), value: value.to_owned() })?
                .into(),
            ParamKind::Text => Literal::new_simple_literal(value).into(),
        };
        bindings.push((Variable::new_unchecked(name), term));
    }
    if let Some(missing) =
        header.params.iter().find(|p| p.required && !bindings.iter().any(|(v, _)| v.as_str() == p.name))
    {
        return Err(ParamError::Missing(missing.name.clone()));
    }
    Ok(bindings)
}

fn date_literal(value: &str) -> Option<Literal> {
    let date = Date::parse(value)?;
    let datatype = match date.precision() {
        Precision::Day => vocab::XSD_DATE,
        Precision::Month => vocab::XSD_GYEAR_MONTH,
        Precision::Year => vocab::XSD_GYEAR,
    };
    Some(Literal::new_typed_literal(date.to_string(), NamedNode::new_unchecked(datatype)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::store::Store;

    #[test]
    fn every_named_query_states_its_question_and_parses() {
        for q in NAMED_QUERIES {
            assert!(!q.header().description.is_empty(), "{} has a description", q.name);
            let store = Store::new().unwrap();
            crate::query::run(&store, q.text, crate::query::ResultFormat::Csv, &mut Vec::new())
                .unwrap_or_else(|e| panic!("{}: {e}", q.name));
            for p in q.header().params {
                assert!(q.text.contains(&format!("?{}", p.name)), "{}: ?{} is used", q.name, p.name);
            }
        }
        assert_eq!(named("documents.rq").map(|q| q.name), Some("documents"));
        let mentions = named("mentions").unwrap().header();
        assert_eq!(
            mentions.params.iter().map(|p| (p.name.as_str(), p.required)).collect::<Vec<_>>(),
            [("entity", true)]
        );
    }

    #[test]
    fn headers_declare_parameters() {
        let header = QueryHeader::parse(
            "# Visits of one leader,\n# as a timeline.\n# Parameter ?who (entity, required): the visitor.\n\
             # Parameter ?since (date): the first day.\n# Parameter bad: no kind.\nSELECT * {}\n# not header",
        );
        assert_eq!(header.description, "Visits of one leader, as a timeline. Parameter bad: no kind.");
        let params: Vec<_> = header.params.iter().map(|p| (p.name.as_str(), p.kind, p.required)).collect();
        assert_eq!(params, [("who", ParamKind::Entity, true), ("since", ParamKind::Date, false)]);
    }

    #[test]
    fn bindings_are_typed_and_checked() {
        let store = Store::new().unwrap();
        let header =
            QueryHeader::parse("# Q.\n# Parameter ?since (date): from.\n# Parameter ?word (text): a word.\n");
        let b = bind(&store, &header, &["since=2019-06".into(), " word = 合作".into()]).unwrap();
        assert_eq!(b[0].1.to_string(), format!("\"2019-06\"^^<{}>", vocab::XSD_GYEAR_MONTH));
        assert_eq!(b[1], (Variable::new_unchecked("word"), Literal::new_simple_literal("合作").into()));
        let b = bind(&store, &header, &["since=country:KZ".into()]);
        assert!(matches!(b, Err(ParamError::NotADate { .. })), "{b:?}");
        let e = bind(&store, &header, &["until=2019".into()]).unwrap_err().to_string();
        assert_eq!(e, "the query has no parameter `until` (it takes since, word)");
        assert!(matches!(bind(&store, &header, &["since".into()]), Err(ParamError::Malformed(_))));
        let required = QueryHeader::parse("# Q.\n# Parameter ?entity (entity, required): who.\n");
        assert_eq!(bind(&store, &required, &[]).unwrap_err().to_string(), "the query needs --param entity=…");
        let b = bind(&store, &required, &["entity=country:KZ".into()]).unwrap();
        assert_eq!(b[0].1, NamedNode::new_unchecked(format!("{}country/KZ", vocab::ID)).into());
    }
}
