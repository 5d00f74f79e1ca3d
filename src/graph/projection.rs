//! How the store becomes the graph: plain queries for the rows (documents and their dates,
//! mentions, stated relations), counted, grouped and sorted here rather than in SPARQL.
//!
//! Oxigraph groups and orders rows slowly: at a million triples the stated relations took 2.3 s
//! grouped and ordered by the query and 0.4 s fetched as they are, so only the relations the
//! store holds no triple for ([`Relation::DERIVED`], a few thousand rows) are grouped by SPARQL.
//! Every list is sorted here, so the same store gives the same graph. Start with [`project`].

use super::{Edge, EntityGraph, Node, Projection};
use crate::model::{Date, Kind, Relation};
use crate::query::Sparql;
use crate::vocab;
use petgraph::graph::NodeIndex;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Why a projection failed.
#[derive(Debug, thiserror::Error)]
#[error("graph projection failed: {0}")]
pub struct GraphError(pub String);

pub(super) type Row = BTreeMap<String, String>;

/// A SELECT's rows with every value as plain text (an IRI, or a literal's lexical form).
pub(super) fn rows(store: &dyn Sparql, sparql: &str) -> Result<Vec<Row>, GraphError> {
    let rows = crate::query::select(store, sparql).map_err(|e| GraphError(e.to_string()))?;
    let text = crate::query::plain_text;
    Ok(rows.into_iter().map(|row| row.iter().map(|(v, t)| (v.clone(), text(t))).collect()).collect())
}

/// The value of `column` in `row`, or "" when it is unbound.
pub(super) fn cell<'r>(row: &'r Row, column: &str) -> &'r str {
    row.get(column).map_or("", String::as_str)
}

fn date_filter(p: &Projection) -> String {
    let mut f = String::new();
    if let Some(s) = &p.since {
        f.push_str(&format!("FILTER(STR(?date) >= \"{s}\")"));
    }
    if let Some(u) = &p.until {
        // Until a month or a year includes its last day: compare as many characters as it has.
        let u = u.to_string();
        f.push_str(&format!("FILTER(SUBSTR(STR(?date), 1, {}) <= \"{u}\")", u.len()));
    }
    f
}

/// The documents a projection keeps (all, or those dated within its dates), each with its dates.
fn documents_query(date_clause: &str) -> String {
    format!("SELECT ?g ?date WHERE {{ GRAPH ?g {{ ?g a <{}Document> }} {date_clause} }}", vocab::DG)
}

/// The documents that support a node or an edge.
#[derive(Debug, Default)]
struct Support<'a> {
    documents: BTreeSet<&'a str>,
    first: Option<&'a str>,
    last: Option<&'a str>,
}

impl<'a> Support<'a> {
    fn add(&mut self, document: &'a str, dates: &[&'a str]) {
        self.documents.insert(document);
        for &date in dates {
            self.first = Some(self.first.map_or(date, |d| d.min(date)));
            self.last = Some(self.last.map_or(date, |d| d.max(date)));
        }
    }

    fn first(&self) -> Option<Date> {
        self.first.and_then(Date::parse)
    }

    fn last(&self) -> Option<Date> {
        self.last.and_then(Date::parse)
    }
}

/// One projected relation before its ends are looked up.
pub(super) struct Link {
    pub s: String,
    pub rel: String,
    pub o: String,
    pub weight: usize,
    pub first: Option<Date>,
    pub last: Option<Date>,
    pub document: Option<String>,
}

impl Link {
    fn supported(s: &str, rel: &str, o: &str, support: &Support<'_>) -> Self {
        Link {
            s: s.to_owned(),
            rel: rel.to_owned(),
            o: o.to_owned(),
            weight: support.documents.len(),
            first: support.first(),
            last: support.last(),
            document: support.documents.first().map(|d| (*d).to_owned()),
        }
    }
}

/// The SPARQL for the edges the store holds no triple for ([`Relation::DERIVED`]), in the columns of
/// the stored edges. A document's own statement is the treaty it records as signed from its heading
/// (the signing whose evidence starts at the document's start and names no mention: the title): that
/// statement `citesTreaty` each treaty the document cites, and the statement's parties `signed` each
/// other treaty the document records. A document with no own statement (a speech, a news item)
/// gives neither: there is no entity to hang its citations on.
fn derived_edges(wanted: &[Relation], date_clause: &str) -> String {
    let dg = vocab::DG;
    let own = format!(
        "?g <{dg}startOffset> ?so . ?f a <{dg}Signing> ; <{dg}treaty> ?own ; <{dg}evidence> ?r .
         ?r <{dg}evidenceStart> ?so . FILTER NOT EXISTS {{ ?r <{dg}basedOn> ?m }}"
    );
    let mut branches = Vec::new();
    if wanted.contains(&Relation::CitesTreaty) {
        branches.push(format!(
            "{{ {own} ?g <{dg}cites> ?o BIND(?own AS ?s) BIND(\"{}\" AS ?rel) }}",
            Relation::CitesTreaty
        ));
    }
    if wanted.contains(&Relation::Signed) {
        branches.push(format!(
            "{{ {own} ?g <{dg}records> ?o . ?own <{dg}party> ?s FILTER(?o != ?own) BIND(\"{}\" AS ?rel) }}",
            Relation::Signed
        ));
    }
    format!(
        "SELECT ?s ?rel ?o (COUNT(DISTINCT ?g) AS ?w) (MIN(STR(?date)) AS ?first) (MAX(STR(?date)) AS ?last) (MIN(STR(?g)) AS ?doc) WHERE {{
           GRAPH ?g {{ ?g a <{dg}Document> {} }} {date_clause}
         }} GROUP BY ?s ?rel ?o",
        branches.join(" UNION ")
    )
}

/// The derived relations, sorted by their ends and name.
fn derived_links(store: &dyn Sparql, query: &str) -> Result<Vec<Link>, GraphError> {
    let mut links: Vec<Link> = rows(store, query)?
        .iter()
        .map(|r| Link {
            s: cell(r, "s").to_owned(),
            rel: cell(r, "rel").to_owned(),
            o: cell(r, "o").to_owned(),
            weight: r.get("w").and_then(|w| w.parse().ok()).unwrap_or(1),
            first: r.get("first").and_then(|d| Date::parse(d)),
            last: r.get("last").and_then(|d| Date::parse(d)),
            document: r.get("doc").cloned(),
        })
        .collect();
    links.sort_by(|a, b| (&a.s, &a.rel, &a.o).cmp(&(&b.s, &b.rel, &b.o)));
    Ok(links)
}

/// The stated relations among `wanted` (those the store holds triples for), each supported by
/// the kept documents that state it, sorted by subject, name and object.
fn stated_links(
    store: &dyn Sparql,
    queries: &[(Relation, String)],
    dates: &HashMap<&str, Vec<&str>>,
) -> Result<Vec<Link>, GraphError> {
    let mut triples: Vec<(String, Vec<Row>)> = Vec::new();
    for (relation, query) in queries {
        triples.push((relation.to_string(), rows(store, query)?));
    }
    let mut support: BTreeMap<(&str, &str, &str), Support<'_>> = BTreeMap::new();
    for (rel, rows) in &triples {
        for r in rows {
            let g = cell(r, "g");
            let Some(document_dates) = dates.get(g) else { continue };
            support.entry((cell(r, "s"), rel, cell(r, "o"))).or_default().add(g, document_dates);
        }
    }
    Ok(support.iter().map(|((s, rel, o), support)| Link::supported(s, rel, o, support)).collect())
}

/// The statements of one stated relation in the named graphs: one query per relation, so that
/// no row carries (and no store decodes) the predicate.
fn stated_query(relation: Relation) -> String {
    format!("SELECT ?s ?o ?g WHERE {{ GRAPH ?g {{ ?s <{}{relation}> ?o }} }}", vocab::DG)
}

/// Pairs of entities mentioned in the same kept documents, each pair once (the smaller IRI first).
fn comention_links<'a>(mentions: &'a [Row], dates: &HashMap<&str, Vec<&'a str>>) -> Vec<Link> {
    let mut entities_of: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for r in mentions {
        let g = cell(r, "g");
        if dates.contains_key(g) {
            entities_of.entry(g).or_default().insert(cell(r, "e"));
        }
    }
    let mut support: BTreeMap<(&str, &str), Support<'_>> = BTreeMap::new();
    for (g, entities) in &entities_of {
        let entities: Vec<&str> = entities.iter().copied().collect();
        for (i, s) in entities.iter().enumerate() {
            for o in &entities[i + 1..] {
                support.entry((s, o)).or_default().add(g, &dates[g]);
            }
        }
    }
    let rel = Relation::Comention.to_string();
    support.iter().map(|((s, o), support)| Link::supported(s, &rel, o, support)).collect()
}

/// Each entity's Chinese and English label and Wikidata id (the first of each, in IRI, language
/// and label order).
struct Labels<'r> {
    zh: HashMap<&'r str, &'r str>,
    en: HashMap<&'r str, &'r str>,
    wikidata: HashMap<&'r str, &'r str>,
}

impl<'r> Labels<'r> {
    fn query() -> String {
        format!(
            "SELECT DISTINCT ?e ?l ?lang ?wd WHERE {{ {}
               ?e <{}> ?l BIND(LANG(?l) AS ?lang) OPTIONAL {{ ?e <{}> ?wd }} }}",
            mentioned_entities(),
            vocab::RDFS_LABEL,
            vocab::OWL_SAME_AS
        )
    }

    fn of(rows: &'r mut [Row]) -> Self {
        rows.sort_by(|a, b| Self::order(a).cmp(&Self::order(b)));
        let mut labels = Labels { zh: HashMap::new(), en: HashMap::new(), wikidata: HashMap::new() };
        for r in rows.iter() {
            let e = cell(r, "e");
            let target = if cell(r, "lang") == "en" { &mut labels.en } else { &mut labels.zh };
            target.entry(e).or_insert(cell(r, "l"));
            if let Some(q) = r.get("wd") {
                labels.wikidata.entry(e).or_insert(q.rsplit('/').next().unwrap_or(q));
            }
        }
        labels
    }

    fn order(r: &Row) -> (&str, &str, &str, &str) {
        (cell(r, "e"), cell(r, "lang"), cell(r, "l"), cell(r, "wd"))
    }

    fn get(map: &HashMap<&str, &str>, e: &str) -> String {
        map.get(e).copied().unwrap_or_default().to_owned()
    }
}

/// The date condition on a document `?g` the projection's queries share: its date, if any, or one
/// within the projection's dates.
fn date_clause(p: &Projection) -> String {
    let dg = vocab::DG;
    let filter = date_filter(p);
    if filter.is_empty() {
        format!("OPTIONAL {{ ?g <{dg}date> ?date }}")
    } else {
        format!("?g <{dg}date> ?date {filter}")
    }
}

fn mentions_query() -> String {
    format!("SELECT ?g ?e WHERE {{ GRAPH ?g {{ ?g <{}mentions> ?e }} }}", vocab::DG)
}

/// The entities the documents mention, as a pattern binding `?e`.
fn mentioned_entities() -> String {
    format!("{{ SELECT DISTINCT ?e WHERE {{ GRAPH ?g {{ ?g <{}mentions> ?e }} }} }}", vocab::DG)
}

fn classes_query() -> String {
    format!("SELECT DISTINCT ?e ?class WHERE {{ {} ?e a ?class }}", mentioned_entities())
}

/// Every query a projection asks, built once for asking them and for [`needs`].
struct Queries {
    /// The documents kept, with their dates.
    documents: String,
    mentions: String,
    classes: String,
    labels: String,
    /// One per stated relation kept (none for co-mentions).
    stated: Vec<(Relation, String)>,
    /// The derived relations kept, if any.
    derived: Option<String>,
}

impl Queries {
    fn of(p: &Projection) -> Self {
        let dates = date_clause(p);
        let wanted: Vec<Relation> = Relation::PROJECTED
            .into_iter()
            .filter(|r| !p.comention && (p.relations.is_empty() || p.relations.contains(r)))
            .collect();
        Queries {
            documents: documents_query(&dates),
            mentions: mentions_query(),
            classes: classes_query(),
            labels: Labels::query(),
            stated: wanted.iter().filter(|r| !r.is_derived()).map(|r| (*r, stated_query(*r))).collect(),
            derived: wanted.iter().any(|r| r.is_derived()).then(|| derived_edges(&wanted, &dates)),
        }
    }

    fn all(&self) -> impl Iterator<Item = &str> {
        [&self.documents, &self.mentions, &self.classes, &self.labels]
            .into_iter()
            .chain(self.stated.iter().map(|(_, q)| q))
            .chain(&self.derived)
            .map(String::as_str)
    }
}

/// What the queries of a projection from the documents read, so that a store file loads only
/// that ([`crate::query::Needs`]); a tenth of the statements at a million triples. Reading the
/// build's projection needs less ([`super::precomputed::needs`]).
pub fn needs(p: &Projection) -> crate::query::Needs {
    Queries::of(p)
        .all()
        .map(crate::query::Needs::of)
        .reduce(crate::query::Needs::union)
        .unwrap_or(crate::query::Needs::Everything)
}

/// Projects the document graphs of `store` (named graphs only) into a graph.
pub fn from_documents(store: &dyn Sparql, p: &Projection) -> Result<EntityGraph, GraphError> {
    let queries = Queries::of(p);
    let document_rows = rows(store, &queries.documents)?;
    let mut dates: HashMap<&str, Vec<&str>> = HashMap::new();
    for r in &document_rows {
        let entry = dates.entry(cell(r, "g")).or_default();
        if let Some(date) = r.get("date") {
            entry.push(date);
        }
    }
    let mentions = rows(store, &queries.mentions)?;
    let mut mentioned: BTreeMap<&str, Support<'_>> = BTreeMap::new();
    for r in &mentions {
        let g = cell(r, "g");
        if let Some(document_dates) = dates.get(g) {
            mentioned.entry(cell(r, "e")).or_default().add(g, document_dates);
        }
    }
    let mut graph = EntityGraph::new();
    let mut classes = rows(store, &queries.classes)?;
    let mut labels = rows(store, &queries.labels)?;
    let index = add_nodes(&mut graph, &mut classes, &mut labels, &mentioned, p);
    let links = if p.comention {
        comention_links(&mentions, &dates)
    } else {
        let mut links = stated_links(store, &queries.stated, &dates)?;
        if let Some(derived) = &queries.derived {
            links.extend(derived_links(store, derived)?);
        }
        links
    };
    add_links(&mut graph, &index, links, p);
    Ok(graph)
}

/// Adds a node for each entity `mentioned` with a class of an entity kind `p` keeps, in IRI
/// order, and gives each node's index by IRI. `classes` are rows of `?e ?class`, `labels` those
/// of [`Labels::query`].
fn add_nodes<'r>(
    graph: &mut EntityGraph,
    classes: &'r mut [Row],
    labels: &'r mut [Row],
    mentioned: &BTreeMap<&str, Support<'_>>,
    p: &Projection,
) -> HashMap<&'r str, NodeIndex> {
    classes.sort_by(|a, b| (cell(a, "e"), cell(a, "class")).cmp(&(cell(b, "e"), cell(b, "class"))));
    let labels = Labels::of(labels);
    let mut index: HashMap<&str, NodeIndex> = HashMap::new();
    for r in classes.iter() {
        let e = cell(r, "e");
        let Some(support) = mentioned.get(e) else { continue };
        let Some(kind) = cell(r, "class").rsplit('#').next().and_then(Kind::from_name) else {
            continue;
        };
        if (!p.kinds.is_empty() && !p.kinds.contains(&kind)) || index.contains_key(e) {
            continue;
        }
        let node = Node {
            iri: e.to_owned(),
            kind,
            zh: Labels::get(&labels.zh, e),
            en: Labels::get(&labels.en, e),
            wikidata: Labels::get(&labels.wikidata, e),
            documents: support.documents.len(),
            first: support.first(),
            last: support.last(),
        };
        index.insert(e, graph.add_node(node));
    }
    index
}

/// Adds an edge for each link between two nodes that `p` keeps (its weight at least `p`'s).
pub(super) fn add_links(
    graph: &mut EntityGraph,
    index: &HashMap<&str, NodeIndex>,
    links: Vec<Link>,
    p: &Projection,
) {
    for link in links {
        let (Some(&a), Some(&b)) = (index.get(link.s.as_str()), index.get(link.o.as_str())) else { continue };
        if link.weight < p.min_weight.max(1) || a == b {
            continue;
        }
        let Some(relation) = Relation::from_name(&link.rel) else { continue };
        // The documents' queries ask only for the relations kept; the summary holds them all.
        if !p.comention && !p.relations.is_empty() && !p.relations.contains(&relation) {
            continue;
        }
        let edge = Edge {
            relation,
            weight: link.weight,
            first: link.first,
            last: link.last,
            document: link.document,
        };
        graph.add_edge(a, b, edge);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::io::RdfFormat;
    use oxigraph::store::Store;

    /// Two documents mention China and Russia and state that China's leader met Russia's; only
    /// the second is dated. Statements about documents and entities are in the default graph too,
    /// as in a built store.
    fn store() -> Store {
        let (dg, id, label) = (vocab::DG, vocab::ID, vocab::RDFS_LABEL);
        let doc = |n: &str, date: &str| {
            let date = if date.is_empty() { String::new() } else { format!("; <{dg}date> \"{date}\"") };
            let about = format!(
                "<{id}doc/{n}> a <{dg}Document> {date} .
                 <{id}doc/{n}> <{dg}mentions> <{id}country/CN>, <{id}country/RU> .
                 <{id}country/CN> <{dg}met> <{id}country/RU> ."
            );
            format!("<{id}doc/{n}> {{ {about} }} {about}")
        };
        let data = format!(
            "{} {}
             <{id}country/CN> a <{dg}Country> ; <{label}> \"中国\"@zh, \"China\"@en .
             <{id}country/RU> a <{dg}Country> ; <{label}> \"俄罗斯\"@zh .",
            doc("a", ""),
            doc("b", "2019-06-05")
        );
        let store = Store::new().unwrap();
        store.load_from_slice(RdfFormat::TriG, data.as_bytes()).unwrap();
        store
    }

    #[test]
    fn nodes_and_edges_count_their_documents_and_take_the_dates_there_are() {
        let graph = from_documents(&store(), &Projection::default()).unwrap();
        assert_eq!(graph.node_count(), 2);
        let china = &graph[NodeIndex::new(0)];
        assert_eq!((china.zh.as_str(), china.en.as_str(), china.documents), ("中国", "China", 2));
        assert_eq!(china.first, Date::parse("2019-06-05"), "the undated document adds no date");
        let edges: Vec<&Edge> = graph.edge_weights().collect();
        assert_eq!(edges.len(), 1);
        assert_eq!((edges[0].relation, edges[0].weight), (Relation::Met, 2));
        assert_eq!(edges[0].document.as_deref(), Some(format!("{}doc/a", vocab::ID).as_str()));
    }

    #[test]
    fn a_projection_needs_its_statements_and_not_the_evidence() {
        let all = needs(&Projection::default());
        assert!(all.wants(crate::dg_term!("mentions"), "x") && all.wants(crate::dg_term!("met"), "x"));
        assert!(all.wants(crate::dg_term!("evidenceStart"), "x"), "the derived relations read it");
        assert!(!all.wants(crate::dg_term!("evidenceText"), "x"), "{all:?}");
        let comention = needs(&Projection { comention: true, ..Projection::default() });
        assert!(!comention.wants(crate::dg_term!("met"), "x"), "{comention:?}");
    }

    #[test]
    fn dates_keep_only_the_documents_within_them() {
        let since = Projection { since: Date::parse("2019"), ..Projection::default() };
        let graph = from_documents(&store(), &since).unwrap();
        let edges: Vec<&Edge> = graph.edge_weights().collect();
        assert_eq!((edges.len(), edges[0].weight), (1, 1), "the undated document is left out");
        let comention = Projection { comention: true, min_weight: 2, ..Projection::default() };
        let graph = from_documents(&store(), &comention).unwrap();
        let edges: Vec<&Edge> = graph.edge_weights().collect();
        assert_eq!(edges.len(), 1);
        assert_eq!((edges[0].relation, edges[0].weight), (Relation::Comention, 2));
    }
}
