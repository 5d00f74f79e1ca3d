//! The emit stage: documents, entities and mentions as RDF quads, one named graph per document,
//! plus the reference graphs (ontology and gazetteer).

use crate::dg_term;
use crate::extract::lexicon::Lexicon;
use crate::model::{AnalyzedDocument, Date, Fact, FactDetail, FactKind, Kind, Precision, Relation, Role};
use crate::storage::{GraphLines, GraphLinesBuilder, QuadSink};
use crate::vocab;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphNameRef, LiteralRef, NamedNode, NamedNodeRef, Quad, QuadRef, TermRef};

/// The ontology in Turtle, compiled in.
pub const ONTOLOGY_TTL: &str = include_str!("../ontology/diplograph.ttl");

fn iri(s: &str) -> NamedNode {
    NamedNode::new_unchecked(s)
}

fn iri_ref(s: &str) -> NamedNodeRef<'_> {
    NamedNodeRef::new_unchecked(s)
}

/// Writes the quads of one named graph to a sink, borrowing the terms it is given.
struct GraphWriter<S> {
    graph: String,
    sink: S,
    /// Reused for the digits of integer literals.
    digits: String,
}

impl<S: QuadSink> GraphWriter<S> {
    fn new(graph: &str, sink: S) -> Self {
        Self { graph: graph.to_owned(), sink, digits: String::new() }
    }

    fn add<'a>(&mut self, s: &str, p: &str, o: impl Into<TermRef<'a>>) {
        let (object, graph): (TermRef<'_>, _) = (o.into(), GraphNameRef::NamedNode(iri_ref(&self.graph)));
        self.sink.push(QuadRef::new(iri_ref(s), iri_ref(p), object, graph));
    }

    fn link(&mut self, s: &str, p: &str, o: &str) {
        self.add(s, p, iri_ref(o));
    }

    fn zh(&mut self, s: &str, p: &str, text: &str) {
        self.add(s, p, LiteralRef::new_language_tagged_literal_unchecked(text, "zh"));
    }

    fn en(&mut self, s: &str, p: &str, text: &str) {
        self.add(s, p, LiteralRef::new_language_tagged_literal_unchecked(text, "en"));
    }

    fn typed(&mut self, s: &str, p: &str, value: &str, datatype: &str) {
        self.add(s, p, LiteralRef::new_typed_literal(value, iri_ref(datatype)));
    }

    fn integer(&mut self, s: &str, p: &str, n: usize) {
        use std::fmt::Write as _;
        let mut digits = std::mem::take(&mut self.digits);
        digits.clear();
        let _ = write!(digits, "{n}");
        self.typed(s, p, &digits, vocab::XSD_INTEGER);
        self.digits = digits;
    }

    fn string(&mut self, s: &str, p: &str, text: &str) {
        self.add(s, p, LiteralRef::new_simple_literal(text));
    }

    fn relation(&mut self, s: &str, relation: Relation, o: &str) {
        self.link(s, &vocab::dg(relation.name()), o);
    }

    /// A date as `date_property` at the precision the text gives (`xsd:date`, `xsd:gYearMonth`,
    /// `xsd:gYear`), and its year as `year_property` (`xsd:gYear`) when the day is not known.
    fn date(&mut self, s: &str, date: Date, date_property: &str, year_property: Option<&str>) {
        self.typed(s, date_property, &date.to_string(), date.xsd_datatype());
        if let Some(p) = year_property.filter(|_| date.precision() != Precision::Day) {
            self.typed(s, p, &format!("{:04}", date.year), vocab::XSD_GYEAR);
        }
    }
}

/// The class IRI of an entity kind.
pub fn class_iri(kind: Kind) -> String {
    vocab::dg(kind.name())
}

/// One document's named graph as its sorted statements (what `build` stores).
pub fn document_lines(doc: &AnalyzedDocument) -> GraphLines {
    // About what `write_document` writes: a few statements per mention and entity, more per fact.
    let statements = 6 * doc.mentions.len() + 8 * doc.entities.len() + 16 * doc.facts.len() + 16;
    write_document(doc, GraphLinesBuilder::with_capacity(statements)).finish()
}

/// Every quad of one document's named graph.
pub fn document_quads(doc: &AnalyzedDocument) -> Vec<Quad> {
    write_document(doc, Vec::new())
}

/// Writes every quad of one document's named graph to `sink`, and gives the sink back.
pub fn write_document<S: QuadSink>(doc: &AnalyzedDocument, sink: S) -> S {
    let d = doc.iri.as_str();
    let mut w = GraphWriter::new(d, sink);
    w.link(d, vocab::RDF_TYPE, dg_term!("Document"));
    w.string(d, dg_term!("sourceFile"), &doc.source_file);
    w.zh(d, dg_term!("title"), &doc.title);
    if let Some(date) = doc.date.filter(Date::is_complete) {
        w.typed(d, dg_term!("date"), &date.to_string(), vocab::XSD_DATE);
    }
    if let Some(place) = &doc.place {
        w.zh(d, dg_term!("place"), place);
    }
    let source = &doc.provenance;
    // A PDF's or Word file's text has no encoding of its own to report.
    if !matches!(source.format, Some("pdf" | "docx")) {
        w.string(d, dg_term!("encoding"), doc.encoding.name());
    }
    w.integer(d, dg_term!("documentIndex"), doc.index);
    w.integer(d, dg_term!("startOffset"), doc.span.start);
    w.integer(d, dg_term!("endOffset"), doc.span.end);
    write_provenance(&mut w, doc);
    for entity in &doc.entities {
        let e = entity.iri.as_str();
        w.link(d, dg_term!("mentions"), e);
        w.link(e, vocab::RDF_TYPE, &class_iri(entity.kind));
        w.zh(e, vocab::RDFS_LABEL, &entity.label_zh);
        if let Some(en) = &entity.label_en {
            w.en(e, vocab::RDFS_LABEL, en);
        }
        if let Some(q) = &entity.wikidata {
            w.link(e, vocab::OWL_SAME_AS, &vocab::wikidata(q));
        }
        if let Some(country) = &entity.country {
            let relation = if entity.kind == Kind::Leader { Relation::LeaderOf } else { Relation::Country };
            w.relation(e, relation, country);
        }
        if let Some(office) = &entity.office {
            w.zh(e, dg_term!("office"), office);
        }
        let detail = &entity.detail;
        if let Some(t) = &detail.doc_type {
            w.zh(e, dg_term!("documentType"), t);
        }
        for party in &detail.parties {
            w.relation(e, Relation::Party, party);
        }
        if let Some(p) = &detail.proposer {
            w.relation(e, Relation::ProposedBy, p);
        }
        if let Some(date) = detail.date {
            w.date(e, date, dg_term!("signingDate"), Some(dg_term!("signingYear")));
        }
    }
    emit_facts(&mut w, doc);
    for m in &doc.mentions {
        let entity = &doc.entities[m.entity];
        let mi = vocab::mention(d, m.start, m.end, entity.kind.name());
        w.link(&mi, vocab::RDF_TYPE, dg_term!("Mention"));
        w.link(&mi, dg_term!("refersTo"), &entity.iri);
        w.string(&mi, dg_term!("text"), &m.surface);
        w.integer(&mi, dg_term!("start"), m.start);
        w.integer(&mi, dg_term!("end"), m.end);
        if let Some(page) = source.page_at(m.start) {
            w.integer(&mi, dg_term!("page"), page as usize);
        }
        w.link(&mi, dg_term!("inDocument"), d);
    }
    w.sink
}

/// Where a converted or described document came from: format, text, URL, pages, field sources
/// and the metadata file's other columns.
fn write_provenance<S: QuadSink>(w: &mut GraphWriter<S>, doc: &AnalyzedDocument) {
    let d = doc.iri.as_str();
    let source = &doc.provenance;
    if let Some(format) = source.format {
        w.string(d, dg_term!("sourceFormat"), format);
    }
    if let Some(text) = &source.text {
        w.string(d, dg_term!("text"), text);
    }
    if let Some(url) = &source.url {
        w.typed(d, dg_term!("sourceUrl"), url, vocab::XSD_ANY_URI);
    }
    if let Some(language) = &source.language {
        w.string(d, dg_term!("language"), language);
    }
    for (property, from) in [
        (dg_term!("titleSource"), source.title_source),
        (dg_term!("dateSource"), source.date_source),
        (dg_term!("sourceUrlSource"), source.url_source),
    ] {
        if let Some(from) = from {
            w.string(d, property, from);
        }
    }
    if let (Some(first), Some(last)) =
        (source.page_at(doc.span.start), source.page_at(doc.span.end.saturating_sub(1).max(doc.span.start)))
    {
        w.integer(d, dg_term!("startPage"), first as usize);
        w.integer(d, dg_term!("endPage"), last as usize);
    }
    for (name, value) in &source.properties {
        let p = vocab::source_property(d, name);
        w.link(d, dg_term!("property"), &p);
        w.link(&p, vocab::RDF_TYPE, dg_term!("SourceProperty"));
        w.string(&p, dg_term!("propertyName"), name);
        w.string(&p, dg_term!("propertyValue"), value);
    }
}

/// The IRI of a document's mention.
fn mention_iri(doc: &AnalyzedDocument, index: usize) -> String {
    let m = &doc.mentions[index];
    vocab::mention(&doc.iri, m.start, m.end, doc.entities[m.entity].kind.name())
}

/// The IRI of the event `fact` reports, when it is one several documents can report (see
/// [`crate::model::EventIdentity`]).
fn event_iri(doc: &AnalyzedDocument, fact: &Fact) -> Option<String> {
    let identity = fact.event_identity(
        |t| {
            let parties = &doc.entities[t].detail.parties;
            doc.entities
                .iter()
                .enumerate()
                .filter(|(_, e)| parties.contains(&e.iri))
                .map(|(i, _)| i)
                .collect()
        },
        doc.date,
    )?;
    let groups: Vec<Vec<&str>> = identity
        .groups
        .iter()
        .map(|group| {
            let mut iris: Vec<&str> = group.iter().map(|&e| doc.entities[e].iri.as_str()).collect();
            iris.sort_unstable();
            iris.dedup();
            iris
        })
        .collect();
    let when = identity.when.map(|d| d.to_string());
    Some(vocab::event(fact.kind.name(), when.as_deref(), &groups, identity.what))
}

/// Facts as nodes with roles, details and dates, each with its evidence in this document on a node of
/// its own, plus direct edges between the entities. An event several documents report has the IRI
/// of [`event_iri`]; any other fact one of this document.
fn emit_facts<S: QuadSink>(w: &mut GraphWriter<S>, doc: &AnalyzedDocument) {
    let d = doc.iri.as_str();
    let mut seen: Vec<(FactKind, usize)> = Vec::new();
    for located in &doc.facts {
        let fact = &located.fact;
        let at = (fact.kind, located.sentence.start);
        let n = seen.iter().filter(|s| **s == at).count();
        seen.push(at);
        let kind = fact.kind.name();
        let f = event_iri(doc, fact).unwrap_or_else(|| vocab::fact(d, kind, located.sentence.start, n));
        let r = vocab::evidence(d, kind, located.sentence.start, n);
        let iri_of = |e: usize| doc.entities[e].iri.as_str();
        w.link(&f, vocab::RDF_TYPE, &vocab::dg(kind));
        w.link(&f, dg_term!("statedIn"), d);
        for (role, e) in &fact.roles {
            w.link(&f, &vocab::dg(role.name()), iri_of(*e));
        }
        if let Some((p, text)) = fact.detail.zh_property() {
            w.zh(&f, &vocab::dg(p), text);
        }
        if let FactDetail::Position { stance } = fact.detail {
            w.string(&f, dg_term!("stance"), stance.name());
        }
        if let Some(start) = fact.start {
            w.date(&f, start, dg_term!("startDate"), Some(dg_term!("startYear")));
        }
        if let Some(end) = fact.end {
            w.date(&f, end, dg_term!("endDate"), None);
        }
        if let Some(place) = &fact.place {
            w.zh(&f, dg_term!("place"), place);
        }
        w.link(&f, dg_term!("evidence"), &r);
        w.link(&r, vocab::RDF_TYPE, dg_term!("Evidence"));
        w.link(&r, dg_term!("inDocument"), d);
        w.integer(&r, dg_term!("evidenceStart"), located.sentence.start);
        w.integer(&r, dg_term!("evidenceEnd"), located.sentence.end);
        if let Some(page) = doc.provenance.page_at(located.sentence.start) {
            w.integer(&r, dg_term!("evidencePage"), page as usize);
        }
        w.string(&r, dg_term!("evidenceText"), &located.text);
        for &m in &fact.evidence {
            w.link(&r, dg_term!("basedOn"), &mention_iri(doc, m));
        }
        for (s, relation, o) in fact.edges() {
            w.relation(iri_of(s), relation, iri_of(o));
        }
        if let Some(relation) = fact.document_relation() {
            for e in fact.with_role(Role::Document) {
                w.relation(d, relation, iri_of(e));
            }
        }
    }
}

/// The ontology graph, parsed from the compiled-in Turtle.
pub fn ontology_quads() -> Vec<Quad> {
    let graph = vocab::ontology_graph();
    RdfParser::from_format(RdfFormat::Turtle)
        .without_named_graphs()
        .with_default_graph(iri(&graph))
        .for_slice(ONTOLOGY_TTL.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .expect("the compiled-in ontology is valid Turtle (checked by a unit test)")
}

/// The gazetteer graph: every country, organization, leader, treaty and initiative it knows.
pub fn gazetteer_quads(lexicon: &Lexicon) -> Vec<Quad> {
    let mut w = GraphWriter::new(&vocab::gazetteer_graph(), Vec::new());
    let g = lexicon.gazetteer;
    let entity = |w: &mut GraphWriter<Vec<Quad>>,
                  kind: Kind,
                  e: &str,
                  zh: &str,
                  en: &str,
                  wikidata: &Option<String>| {
        w.link(e, vocab::RDF_TYPE, &class_iri(kind));
        w.zh(e, vocab::RDFS_LABEL, zh);
        if !en.is_empty() {
            w.en(e, vocab::RDFS_LABEL, en);
        }
        if let Some(q) = wikidata {
            w.link(e, vocab::OWL_SAME_AS, &vocab::wikidata(q));
        }
    };
    for c in &g.countries {
        let e = vocab::entity("country", &c.id);
        entity(&mut w, Kind::Country, &e, &c.zh, &c.en, &c.wikidata);
        w.string(&e, dg_term!("isoCode"), &c.id);
    }
    for o in &g.organizations {
        let e = vocab::entity("org", &o.id);
        entity(&mut w, Kind::Organization, &e, &o.zh, &o.en, &o.wikidata);
        if let Some(c) = &o.country {
            w.link(&e, dg_term!("country"), &vocab::entity("country", c));
        }
    }
    for l in &g.leaders {
        let e = vocab::entity("leader", &l.id);
        entity(&mut w, Kind::Leader, &e, &l.zh, &l.en, &l.wikidata);
        if let Some(c) = &l.country {
            w.link(&e, dg_term!("leaderOf"), &vocab::entity("country", c));
        }
    }
    for t in &lexicon.treaties {
        let e = vocab::entity("treaty", &crate::resolve::treaty_key(&t.zh, lexicon));
        entity(&mut w, Kind::Treaty, &e, &t.zh, &t.en, &t.wikidata);
    }
    for i in &lexicon.initiatives {
        let e = vocab::entity("initiative", &i.zh);
        entity(&mut w, Kind::Initiative, &e, &i.zh, &i.en, &i.wikidata);
    }
    w.sink
}

/// The analysis graph: each node's scores as `dg:` properties, so SPARQL can rank by them.
pub fn analysis_quads(graph: &crate::graph::EntityGraph, metrics: &[crate::graph::Metrics]) -> Vec<Quad> {
    let mut w = GraphWriter::new(&vocab::analysis_graph(), Vec::new());
    const XSD_DOUBLE: &str = "http://www.w3.org/2001/XMLSchema#double";
    for m in metrics {
        let e = graph[m.node].iri.as_str();
        w.integer(e, dg_term!("degree"), m.degree);
        for (p, v) in [
            ("weightedDegree", m.weighted_degree),
            ("pageRank", m.page_rank),
            ("betweenness", m.betweenness),
            ("closeness", m.closeness),
        ] {
            w.typed(e, &vocab::dg(p), &format!("{v:.10e}"), XSD_DOUBLE);
        }
        w.integer(e, dg_term!("component"), m.component);
        w.integer(e, dg_term!("community"), m.community);
    }
    w.sink
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ontology_declares_the_contract() {
        let quads = ontology_quads();
        let declared = |local: &str| {
            let term = iri(&vocab::dg(local));
            quads
                .iter()
                .any(|q| q.subject == term.clone().into() && q.predicate.as_str() == vocab::RDFS_LABEL)
        };
        for term in [
            "Document",
            "sourceFile",
            "title",
            "date",
            "text",
            "Country",
            "Leader",
            "Treaty",
            "Organization",
            "Project",
            "Initiative",
            "Mention",
            "refersTo",
            "start",
            "end",
            "inDocument",
            "Visit",
            "visitor",
            "hostCountry",
            "startDate",
            "endDate",
            "invitedBy",
            "leaderOf",
            "statedIn",
            "evidence",
            "Evidence",
            "evidenceStart",
            "evidenceText",
            "basedOn",
        ] {
            assert!(declared(term), "dg:{term} is declared with labels");
        }
    }

    #[test]
    fn gazetteer_graph_has_every_country() {
        let lexicon = Lexicon::get();
        let quads = gazetteer_quads(lexicon);
        let countries = quads
            .iter()
            .filter(|q| {
                q.predicate.as_str() == vocab::RDF_TYPE && q.object == iri(dg_term!("Country")).into()
            })
            .count();
        assert_eq!(countries, lexicon.gazetteer.countries.len());
    }
}
