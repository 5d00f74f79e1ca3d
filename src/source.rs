//! Where the read-only commands find the graph: the local store file, or a SPARQL 1.1 endpoint
//! (`--endpoint URL`, the server `build --push` filled). The entry point is [`Source`]; both kinds
//! answer SPARQL ([`Sparql`]), so `query`, `explain`, dossiers, the graph projection of `analyze`
//! and `export` run unchanged on either. How a server's default graph is made to match the
//! store's is told in [`crate::query::remote`].

use crate::query::remote::Endpoint;
use crate::query::{self, QueryError, Sparql};
use crate::storage::{GraphStore, StoreError};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Quad, Term};
use oxigraph::sparql::{CancellationToken, QueryResults};
use std::path::Path;
use std::time::Duration;

/// The local store opened for querying, or a remote endpoint.
pub enum Source {
    Local(GraphStore),
    Remote(Endpoint),
}

impl Source {
    /// The store file at `path`, opened for querying ([`GraphStore::open_for_query`]).
    pub fn local(path: &Path) -> Result<Self, StoreError> {
        Ok(Self::Local(GraphStore::open_for_query(path)?))
    }

    /// The endpoint at `url`, once it has answered and its default graph shows the documents
    /// ([`Endpoint::check`]), with the check's warning if any; each query may take `timeout`.
    pub fn remote(url: &str, timeout: Duration) -> Result<(Self, Option<String>), QueryError> {
        let endpoint = Endpoint::new(url, timeout)?;
        let warning = endpoint.check()?;
        Ok((Self::Remote(endpoint), warning))
    }

    /// True when the source holds the named graph `graph`.
    pub fn has_graph(&self, graph: &str) -> Result<bool, QueryError> {
        match self {
            Self::Local(store) => Ok(store.has_graph(graph)),
            Self::Remote(endpoint) => {
                let graph = NamedNode::new(graph).map_err(|e| QueryError::Syntax(e.to_string()))?;
                query::ask(endpoint, &format!("ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}"))
            }
        }
    }

    /// The statements of every named graph, or of `graph` only, with their graph (the default graph
    /// of a local store, the merge made for querying, is left out).
    pub fn named_quads(&self, graph: Option<&str>) -> Result<Vec<Quad>, QueryError> {
        let wanted = graph.map(NamedNode::new).transpose().map_err(|e| QueryError::Syntax(e.to_string()))?;
        match self {
            Self::Local(store) => Ok(store
                .inner()
                .iter()
                .filter_map(Result::ok)
                .filter(|q| match (&q.graph_name, &wanted) {
                    (GraphName::DefaultGraph, _) => false,
                    (GraphName::NamedNode(g), Some(w)) => g == w,
                    _ => true,
                })
                .collect()),
            Self::Remote(endpoint) => {
                let only = wanted.map(|g| format!("VALUES ?g {{ {g} }}")).unwrap_or_default();
                let rows = query::select(
                    endpoint,
                    &format!("SELECT ?g ?s ?p ?o WHERE {{ {only} GRAPH ?g {{ ?s ?p ?o }} }}"),
                )?;
                Ok(rows.into_iter().filter_map(quad).collect())
            }
        }
    }
}

/// The quad a `?g ?s ?p ?o` row spells, when its terms can make one.
fn quad(mut row: query::Row) -> Option<Quad> {
    let graph = match row.remove("g")? {
        Term::NamedNode(g) => GraphName::NamedNode(g),
        Term::BlankNode(b) => GraphName::BlankNode(b),
        _ => return None,
    };
    let subject: NamedOrBlankNode = match row.remove("s")? {
        Term::NamedNode(n) => n.into(),
        Term::BlankNode(b) => b.into(),
        _ => return None,
    };
    let Term::NamedNode(predicate) = row.remove("p")? else { return None };
    Some(Quad::new(subject, predicate, row.remove("o")?, graph))
}

impl Sparql for Source {
    fn evaluate(&self, sparql: &str, token: &CancellationToken) -> Result<QueryResults<'_>, QueryError> {
        match self {
            // An indexed store's snapshot answers from what its build kept, when it kept this query.
            Self::Local(store) => crate::answers::evaluate(store.inner(), store.snapshot(), sparql, token),
            Self::Remote(endpoint) => endpoint.evaluate(sparql, token),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{BlankNode, Literal};

    #[test]
    fn rows_of_four_terms_make_quads() {
        let n = |s: &str| Term::NamedNode(NamedNode::new_unchecked(s));
        let row = |g: Term, s: Term, p: Term| -> query::Row {
            [("g", g), ("s", s), ("p", p), ("o", Literal::new_simple_literal("o").into())]
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect()
        };
        let q = quad(row(n("http://x/g"), BlankNode::new_unchecked("b").into(), n("http://x/p"))).unwrap();
        assert_eq!(q.to_string(), "_:b <http://x/p> \"o\" <http://x/g>");
        assert!(
            quad(row(n("http://x/g"), n("http://x/s"), Literal::new_simple_literal("p").into())).is_none()
        );
        assert!(quad(query::Row::new()).is_none());
    }
}
