//! Named SPARQL queries from `queries/`, compiled in so the binary answers them from any directory.

/// A named query: its file stem, its text, and the question its opening comment states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NamedQuery {
    pub name: &'static str,
    pub text: &'static str,
}

impl NamedQuery {
    /// The question: the first comment line of the file.
    pub fn question(&self) -> &'static str {
        self.text.lines().next().and_then(|l| l.strip_prefix('#')).map_or("", str::trim)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_query_states_its_question_and_parses() {
        for q in NAMED_QUERIES {
            assert!(!q.question().is_empty(), "{} has a question", q.name);
            let store = oxigraph::store::Store::new().unwrap();
            crate::query::run(&store, q.text, crate::query::ResultFormat::Csv, &mut Vec::new())
                .unwrap_or_else(|e| panic!("{}: {e}", q.name));
        }
        assert_eq!(named("documents.rq").map(|q| q.name), Some("documents"));
    }
}
