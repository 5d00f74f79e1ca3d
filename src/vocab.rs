//! The one home of IRIs: the `dg:` vocabulary contract, entity and graph IRIs.

/// The ontology namespace (`dg:`), as a literal for [`dg_term!`].
#[macro_export]
macro_rules! dg_namespace {
    () => {
        "https://w3id.org/diplograph/ontology#"
    };
}

/// A `dg:` term known when compiling, as a `&'static str` (no allocation): `dg_term!("Document")`.
#[macro_export]
macro_rules! dg_term {
    ($local:literal) => {
        concat!($crate::dg_namespace!(), $local)
    };
}

/// The ontology namespace (`dg:`).
pub const DG: &str = dg_namespace!();
/// Where entity and document IRIs live.
pub const ID: &str = "https://w3id.org/diplograph/id/";
/// Where the reference graphs live.
pub const GRAPH: &str = "https://w3id.org/diplograph/graph/";
pub const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
pub const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
pub const OWL_SAME_AS: &str = "http://www.w3.org/2002/07/owl#sameAs";
pub const XSD_DATE: &str = "http://www.w3.org/2001/XMLSchema#date";
pub const XSD_GYEAR: &str = "http://www.w3.org/2001/XMLSchema#gYear";
pub const XSD_GYEAR_MONTH: &str = "http://www.w3.org/2001/XMLSchema#gYearMonth";
pub const XSD_INTEGER: &str = "http://www.w3.org/2001/XMLSchema#integer";
pub const XSD_ANY_URI: &str = "http://www.w3.org/2001/XMLSchema#anyURI";
pub const WIKIDATA: &str = "http://www.wikidata.org/entity/";

/// The named graph holding the ontology.
pub fn ontology_graph() -> String {
    format!("{GRAPH}ontology")
}

/// The named graph holding the gazetteer (reference knowledge).
pub fn gazetteer_graph() -> String {
    format!("{GRAPH}gazetteer")
}

/// The named graph holding analysis scores (`diplograph analyze --write-back`).
pub fn analysis_graph() -> String {
    format!("{GRAPH}analysis")
}

/// The named graph holding what `build` computes over all documents (the strongest co-mentions).
pub fn summary_graph() -> String {
    format!("{GRAPH}summary")
}

/// True for the named graphs whose statements the default graph of a query merges: the document
/// graphs, the analysis scores and the build's summary (the reference graphs stay apart).
pub fn is_merged_graph(name: &str) -> bool {
    is_document_graph(name)
        || name.strip_prefix(GRAPH).is_some_and(|rest| rest == "analysis" || rest == "summary")
}

/// True for a document's named graph (its name is the document IRI).
pub fn is_document_graph(name: &str) -> bool {
    name.strip_prefix(ID).is_some_and(|rest| rest.starts_with("doc/"))
}

/// The node of the co-mention of two entities (in either order).
pub fn comention(a: &str, b: &str) -> String {
    let (first, second) = if a <= b { (a, b) } else { (b, a) };
    format!("{ID}comention/{}", short_hash(&format!("{first}\n{second}")))
}

/// The first 8 bytes of the SHA-256 of `text`, in hex: names for nodes that only stand for a pair
/// or a triple of IRIs, and for the files of kept answers ([`crate::answers`]).
pub fn short_hash(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes()).iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// The node of a link of the projected graph: `relation` (a `dg:` property's local name) from
/// `source` to `target`.
pub fn link(source: &str, relation: &str, target: &str) -> String {
    format!("{ID}link/{}", short_hash(&format!("{source}\n{relation}\n{target}")))
}

/// A `dg:` term.
pub fn dg(local: &str) -> String {
    format!("{DG}{local}")
}

/// An entity IRI from a `kind:key` short form (`country:KZ`), as queries and tables write them.
pub fn expand_short(short: &str) -> Option<String> {
    let (kind, key) = short.split_once(':')?;
    const KINDS: &[&str] = &["country", "leader", "treaty", "org", "project", "initiative", "doc"];
    (KINDS.contains(&kind) && !key.is_empty() && !key.starts_with('/')).then(|| format!("{ID}{kind}/{key}"))
}

/// A document IRI from its content hash.
pub fn document(hash: &str) -> String {
    format!("{ID}doc/{hash}")
}

/// An entity IRI: `kind` is a path segment (`country`, `leader` …), `key` any text.
pub fn entity(kind: &str, key: &str) -> String {
    format!("{ID}{kind}/{}", slug(key))
}

/// A mention IRI inside its document.
pub fn mention(document: &str, start: usize, end: usize, kind: &str) -> String {
    format!("{document}/m/{start}-{end}-{kind}")
}

/// The IRI of a fact a document states on its own, the `n`th of its kind in the sentence at `start`.
pub fn fact(document: &str, kind: &str, start: usize, n: usize) -> String {
    format!("{document}/f/{}-{start}-{n}", kind.to_lowercase())
}

/// The node of one document's evidence for a fact (sentence span, text, mentions), named like the
/// fact it would be on its own.
pub fn evidence(document: &str, kind: &str, start: usize, n: usize) -> String {
    format!("{document}/e/{}-{start}-{n}", kind.to_lowercase())
}

/// The IRI of an event several documents may report: its kind, then its time (`2019-10`), groups of
/// entities (members joined by `+`, each an entity IRI's kind and key) and a worded detail, as
/// path segments. Never the document.
pub fn event(kind: &str, when: Option<&str>, groups: &[Vec<&str>], what: Option<&str>) -> String {
    let mut iri = format!("{ID}event/{}", kind.to_lowercase());
    if let Some(when) = when {
        iri.push('/');
        iri.push_str(when);
    }
    for group in groups {
        let members: Vec<String> = group.iter().map(|e| slug(e.strip_prefix(ID).unwrap_or(e))).collect();
        iri.push('/');
        iri.push_str(&members.join("+"));
    }
    if let Some(what) = what {
        iri.push('/');
        iri.push_str(&slug(what));
    }
    iri
}

/// The node of a metadata-file property of a document.
pub fn source_property(document: &str, name: &str) -> String {
    format!("{document}/property/{}", slug(name))
}

/// A Wikidata entity IRI.
pub fn wikidata(qid: &str) -> String {
    format!("{WIKIDATA}{qid}")
}

/// Keeps letters and digits of any script; every other run of characters becomes one `-`.
pub fn slug(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    for c in key.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_cjk_and_replace_iri_unsafe_characters() {
        assert_eq!(slug("援蒙古学校项目(二期)"), "援蒙古学校项目-二期");
        assert_eq!(slug("“安格连—帕普”铁路隧道"), "安格连-帕普-铁路隧道");
        assert_eq!(slug("CN"), "CN");
        assert!(oxigraph::model::NamedNode::new(entity("treaty", "《中〈俄〉条约》 <x>")).is_ok());
    }

    #[test]
    fn documents_analysis_and_summary_merge_into_the_default_graph_and_reference_does_not() {
        assert!(is_merged_graph(&document("0123abcd")));
        assert!(is_merged_graph(&analysis_graph()) && is_merged_graph(&summary_graph()));
        assert!(!is_merged_graph(&gazetteer_graph()) && !is_merged_graph(&ontology_graph()));
        assert!(!is_merged_graph(&entity("country", "CN")));
    }

    #[test]
    fn a_comention_is_the_same_node_in_either_order() {
        let (a, b) = (entity("country", "CN"), entity("leader", "普京"));
        assert_eq!(comention(&a, &b), comention(&b, &a));
        assert_ne!(comention(&a, &b), comention(&a, &entity("country", "RU")));
    }

    #[test]
    fn event_iris_name_who_and_when_but_no_document() {
        let xi = entity("leader", "xi-jinping");
        let np = entity("country", "NP");
        assert_eq!(
            event("Visit", Some("2019-10"), &[vec![&xi], vec![&np]], None),
            format!("{ID}event/visit/2019-10/leader-xi-jinping/country-NP")
        );
        let iri = event("Partnership", None, &[vec![&np, &xi]], Some("战略合作伙伴关系"));
        assert_eq!(iri, format!("{ID}event/partnership/country-NP+leader-xi-jinping/战略合作伙伴关系"));
        assert!(oxigraph::model::NamedNode::new(iri).is_ok());
    }

    #[test]
    fn terms_known_when_compiling_are_the_namespace_and_the_name() {
        assert_eq!(crate::dg_term!("Document"), dg("Document"));
        assert!(crate::dg_term!("sourceFile").starts_with(DG));
    }
}
