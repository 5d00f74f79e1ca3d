//! What part of the store a query can read: the predicates and classes its patterns name.
//!
//! Two thirds of a store are mentions (`dg:Mention` nodes with six statements each), which most
//! queries never touch. A query whose every pattern names its predicate (and whose `rdf:type`
//! patterns name their class) can only match statements with those predicates, so loading just
//! those answers it the same, many times faster. A variable or negated predicate, a path that
//! steps through `rdf:type` to a variable class, `DESCRIBE` or `SERVICE` need everything.

use crate::vocab;
use spargebra::algebra::{Expression, GraphPattern, PropertyPathExpression};
use spargebra::term::{NamedNodePattern, TermPattern};
use std::collections::BTreeSet;

/// The statements a query can match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Needs {
    /// Any statement: load the whole store.
    Everything,
    /// Only statements with these predicates; `rdf:type` ones only with these classes, unless
    /// `all_types`. `named_graphs` when the query reads named graphs (`GRAPH`, `FROM`).
    Some { predicates: BTreeSet<String>, classes: BTreeSet<String>, all_types: bool, named_graphs: bool },
}

impl Needs {
    /// What `sparql` (with the predefined prefixes) can match; [`Needs::Everything`] when it does
    /// not parse (the evaluation reports the error).
    pub fn of(sparql: &str) -> Needs {
        let Some(Ok(query)) = super::bind::parser().map(|p| p.parse_query(sparql)) else {
            return Needs::Everything;
        };
        let (dataset, pattern) = match &query {
            spargebra::Query::Select { dataset, pattern, .. }
            | spargebra::Query::Construct { dataset, pattern, .. }
            | spargebra::Query::Ask { dataset, pattern, .. } => (dataset, pattern),
            spargebra::Query::Describe { .. } => return Needs::Everything,
        };
        let mut walk = Walk { named_graphs: dataset.is_some(), ..Walk::default() };
        if walk.pattern(pattern).is_none() {
            return Needs::Everything;
        }
        Needs::Some {
            predicates: walk.predicates,
            classes: walk.classes,
            all_types: walk.all_types,
            named_graphs: walk.named_graphs,
        }
    }

    /// What either `self` or `other` can match.
    pub fn union(self, other: Needs) -> Needs {
        match (self, other) {
            (
                Needs::Some { predicates, classes, all_types, named_graphs },
                Needs::Some { predicates: p, classes: c, all_types: a, named_graphs: n },
            ) => Needs::Some {
                predicates: predicates.into_iter().chain(p).collect(),
                classes: classes.into_iter().chain(c).collect(),
                all_types: all_types || a,
                named_graphs: named_graphs || n,
            },
            _ => Needs::Everything,
        }
    }

    /// Whether a statement with `predicate` (and `object`, for `rdf:type`) can match.
    pub fn wants(&self, predicate: &str, object: &str) -> bool {
        match self {
            Needs::Everything => true,
            Needs::Some { predicates, classes, all_types, .. } => {
                predicates.contains(predicate)
                    && (predicate != vocab::RDF_TYPE || *all_types || classes.contains(object))
            }
        }
    }

    /// Whether the query reads named graphs.
    pub fn named_graphs(&self) -> bool {
        match self {
            Needs::Everything => true,
            Needs::Some { named_graphs, .. } => *named_graphs,
        }
    }
}

/// The walk over a query's algebra; `None` from a step means "needs everything".
#[derive(Default)]
struct Walk {
    predicates: BTreeSet<String>,
    classes: BTreeSet<String>,
    all_types: bool,
    named_graphs: bool,
}

impl Walk {
    fn pattern(&mut self, pattern: &GraphPattern) -> Option<()> {
        match pattern {
            GraphPattern::Bgp { patterns } => {
                for triple in patterns {
                    let NamedNodePattern::NamedNode(predicate) = &triple.predicate else { return None };
                    self.predicates.insert(predicate.as_str().to_owned());
                    if predicate.as_str() == vocab::RDF_TYPE {
                        match &triple.object {
                            TermPattern::NamedNode(class) => {
                                self.classes.insert(class.as_str().to_owned());
                            }
                            _ => self.all_types = true,
                        }
                    }
                }
                Some(())
            }
            GraphPattern::Path { path, .. } => self.path(path),
            GraphPattern::Join { left, right }
            | GraphPattern::Union { left, right }
            | GraphPattern::Minus { left, right } => {
                self.pattern(left)?;
                self.pattern(right)
            }
            GraphPattern::LeftJoin { left, right, expression } => {
                self.pattern(left)?;
                self.pattern(right)?;
                expression.as_ref().map_or(Some(()), |e| self.expression(e))
            }
            GraphPattern::Filter { expr, inner } => {
                self.expression(expr)?;
                self.pattern(inner)
            }
            GraphPattern::Graph { inner, .. } => {
                self.named_graphs = true;
                self.pattern(inner)
            }
            GraphPattern::Extend { inner, expression, .. } => {
                self.expression(expression)?;
                self.pattern(inner)
            }
            GraphPattern::Values { .. } => Some(()),
            GraphPattern::OrderBy { inner, expression } => {
                for order in expression {
                    let (spargebra::algebra::OrderExpression::Asc(e)
                    | spargebra::algebra::OrderExpression::Desc(e)) = order;
                    self.expression(e)?;
                }
                self.pattern(inner)
            }
            GraphPattern::Project { inner, .. }
            | GraphPattern::Distinct { inner }
            | GraphPattern::Reduced { inner }
            | GraphPattern::Slice { inner, .. } => self.pattern(inner),
            GraphPattern::Group { inner, aggregates, .. } => {
                for (_, aggregate) in aggregates {
                    if let spargebra::algebra::AggregateExpression::FunctionCall { expr, .. } = aggregate {
                        self.expression(expr)?;
                    }
                }
                self.pattern(inner)
            }
            // SERVICE, LATERAL and whatever later versions add: be safe.
            _ => None,
        }
    }

    fn path(&mut self, path: &PropertyPathExpression) -> Option<()> {
        match path {
            PropertyPathExpression::NamedNode(predicate) => {
                self.predicates.insert(predicate.as_str().to_owned());
                // A class reached through a path is not named by it.
                if predicate.as_str() == vocab::RDF_TYPE {
                    self.all_types = true;
                }
                Some(())
            }
            PropertyPathExpression::Reverse(inner)
            | PropertyPathExpression::ZeroOrMore(inner)
            | PropertyPathExpression::OneOrMore(inner)
            | PropertyPathExpression::ZeroOrOne(inner) => self.path(inner),
            PropertyPathExpression::Sequence(a, b) | PropertyPathExpression::Alternative(a, b) => {
                self.path(a)?;
                self.path(b)
            }
            PropertyPathExpression::NegatedPropertySet(_) => None,
        }
    }

    fn expression(&mut self, expression: &Expression) -> Option<()> {
        match expression {
            Expression::Exists(pattern) => self.pattern(pattern),
            Expression::NamedNode(_)
            | Expression::Literal(_)
            | Expression::Variable(_)
            | Expression::Bound(_) => Some(()),
            Expression::Or(a, b)
            | Expression::And(a, b)
            | Expression::Equal(a, b)
            | Expression::SameTerm(a, b)
            | Expression::Greater(a, b)
            | Expression::GreaterOrEqual(a, b)
            | Expression::Less(a, b)
            | Expression::LessOrEqual(a, b)
            | Expression::Add(a, b)
            | Expression::Subtract(a, b)
            | Expression::Multiply(a, b)
            | Expression::Divide(a, b) => {
                self.expression(a)?;
                self.expression(b)
            }
            Expression::UnaryPlus(a) | Expression::UnaryMinus(a) | Expression::Not(a) => self.expression(a),
            Expression::In(a, list) => {
                self.expression(a)?;
                list.iter().try_for_each(|e| self.expression(e))
            }
            Expression::If(a, b, c) => {
                self.expression(a)?;
                self.expression(b)?;
                self.expression(c)
            }
            Expression::Coalesce(list) | Expression::FunctionCall(_, list) => {
                list.iter().try_for_each(|e| self.expression(e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(items: &[&str]) -> BTreeSet<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_parameter_lookup_adds_what_it_reads_to_what_the_query_reads() {
        let query = Needs::of("SELECT ?d WHERE { ?d a dg:Document ; dg:title ?t }");
        let both = query.clone().union(crate::lookup::needs());
        assert!(both.wants(vocab::RDF_TYPE, crate::dg_term!("Document")));
        assert!(both.wants(vocab::RDFS_LABEL, "x"), "the label the lookup matches");
        assert!(both.wants(crate::dg_term!("refersTo"), "x"), "the mentions the lookup counts");
        assert!(both.wants(vocab::RDF_TYPE, crate::dg_term!("Leader")), "leaders by surname and office");
        assert!(!both.wants(crate::dg_term!("evidenceText"), "x"), "{both:?}");
        assert_eq!(query.union(Needs::Everything), Needs::Everything);
    }

    #[test]
    fn names_the_predicates_and_classes_a_query_can_match() {
        let needs = Needs::of(
            "SELECT ?d ?t WHERE { ?d a dg:Document ; dg:title ?t \
             OPTIONAL { ?d dg:records/dg:party ?p FILTER NOT EXISTS { ?p dg:leaderOf ?c } } }",
        );
        let dg = |local: &str| vocab::dg(local);
        assert_eq!(
            needs,
            Needs::Some {
                predicates: set(&[
                    vocab::RDF_TYPE,
                    &dg("title"),
                    &dg("records"),
                    &dg("party"),
                    &dg("leaderOf")
                ]),
                classes: set(&[&dg("Document")]),
                all_types: false,
                named_graphs: false,
            }
        );
        assert!(needs.wants(&dg("title"), "anything"));
        assert!(needs.wants(vocab::RDF_TYPE, &dg("Document")));
        assert!(!needs.wants(vocab::RDF_TYPE, &dg("Mention")), "mentions stay out");
        assert!(!needs.wants(&dg("refersTo"), "x"));
    }

    #[test]
    fn what_cannot_be_narrowed_needs_everything() {
        for query in [
            "SELECT * WHERE { ?s ?p ?o }",
            "SELECT * WHERE { ?s !rdfs:label ?o }",
            "DESCRIBE country:CN",
            "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s dg:title ?o } }",
            "SELECT * WHERE { ?s dg:title ?o FILTER EXISTS { ?s ?p ?x } }",
            "not sparql",
        ] {
            assert_eq!(Needs::of(query), Needs::Everything, "{query}");
        }
    }

    #[test]
    fn paths_through_types_and_graphs_widen_what_is_needed() {
        let Needs::Some { all_types, named_graphs, .. } =
            Needs::of("SELECT * WHERE { ?x a/rdfs:subClassOf* dg:Treaty }")
        else {
            panic!("narrowed")
        };
        assert!(all_types && !named_graphs);
        let Needs::Some { all_types, named_graphs, .. } =
            Needs::of("SELECT * WHERE { GRAPH ?g { ?x a ?class } }")
        else {
            panic!("narrowed")
        };
        assert!(all_types && named_graphs);
    }
}
