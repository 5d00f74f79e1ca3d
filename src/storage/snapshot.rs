//! The store file as text: its N-Quads statements grouped by named graph, for bulk building.
//!
//! `build` only replaces whole graphs and writes the file back, so it needs no indexes: a
//! [`Snapshot`] keeps each graph as its sorted statements, parsed (and so checked) by Oxigraph's
//! N-Quads parser when the file is read, and writes them back graph by graph (graphs in IRI
//! order, the default graph first), so saving is copying text. The bytes are those
//! [`super::GraphStore::save`] writes for the same quads. Start with [`Snapshot::open`] and
//! [`super::GraphLines::from_quads`].

use super::atomic::write_pieces_atomically;
use super::error::{read_store, StoreError};
use super::lines::{GraphLines, GraphLinesBuilder};
use super::sink::QuadSink;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, GraphNameRef, NamedOrBlankNode, Quad, QuadRef};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Below this many bytes a share of the file is not worth a thread.
const MIN_SHARE_BYTES: usize = 1 << 20;

/// Splits `bytes` into at most `parts` pieces of at least `min` bytes, each ending at a line end.
fn split_at_lines(bytes: &[u8], parts: usize, min: usize) -> Vec<&[u8]> {
    let size = bytes.len().div_ceil(parts.max(1)).max(min);
    let mut shares = Vec::new();
    let mut rest = bytes;
    while rest.len() > size {
        let end = rest[size..].iter().position(|&b| b == b'\n').map_or(rest.len(), |i| size + i + 1);
        let (share, tail) = rest.split_at(end);
        shares.push(share);
        rest = tail;
    }
    if !rest.is_empty() || shares.is_empty() {
        shares.push(rest);
    }
    shares
}

/// Parses one share of an N-Quads file into collectors by graph name.
fn parse_share(bytes: &[u8]) -> Result<BTreeMap<String, GraphLinesBuilder>, String> {
    let mut collectors: BTreeMap<String, GraphLinesBuilder> = BTreeMap::new();
    let mut last: Option<(String, GraphLinesBuilder)> = None;
    for quad in RdfParser::from_format(RdfFormat::NQuads).lenient().for_slice(bytes) {
        let quad = quad.map_err(|e| e.to_string().lines().next().unwrap_or_default().to_owned())?;
        let name = match &quad.graph_name {
            GraphName::NamedNode(n) => n.as_str(),
            GraphName::DefaultGraph => "",
            GraphName::BlankNode(_) => return Err("a graph is named by a blank node".into()),
        };
        // The file is sorted by subject, so one graph's statements come in runs.
        if last.as_ref().is_none_or(|(g, _)| g != name) {
            if let Some((g, c)) = last.take() {
                collectors.insert(g, c);
            }
            let collector = collectors.remove(name).unwrap_or_default();
            last = Some((name.to_owned(), collector));
        }
        if let Some((_, collector)) = &mut last {
            collector.push(quad.as_ref());
        }
    }
    if let Some((g, c)) = last {
        collectors.insert(g, c);
    }
    Ok(collectors)
}

/// The graphs of a store file, by graph IRI (the default graph, if the file has one, under `""`).
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    graphs: BTreeMap<String, GraphLines>,
    /// The named graphs of each `dg:sourceFile`, so replacing a file's graphs does not scan all.
    by_source: BTreeMap<String, BTreeSet<String>>,
}

impl Snapshot {
    /// Reads the store file at `path`; an absent file gives an empty snapshot when `create` is set.
    pub fn open(path: &Path, create: bool) -> Result<Self, StoreError> {
        let Some(bytes) = read_store(path, create)? else { return Ok(Self::default()) };
        Self::parse(&bytes).map_err(|message| StoreError::Corrupt { path: path.to_owned(), message })
    }

    /// Parses N-Quads; the error is the parser's first line. Each core parses a share of the
    /// lines (a statement never spans lines in N-Quads).
    fn parse(bytes: &[u8]) -> Result<Self, String> {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let shares = split_at_lines(bytes, cores, MIN_SHARE_BYTES);
        let parsed: Vec<Result<BTreeMap<String, GraphLinesBuilder>, String>> = std::thread::scope(|scope| {
            let handles: Vec<_> =
                shares.iter().map(|share| scope.spawn(move || parse_share(share))).collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|_| Err("the parser panicked".into())))
                .collect()
        });
        let mut collectors: BTreeMap<String, GraphLinesBuilder> = BTreeMap::new();
        for share in parsed {
            for (name, collector) in share? {
                collectors.entry(name).or_default().append(collector);
            }
        }
        Ok(Self::from_graphs(collectors.into_iter().map(|(g, c)| (g, c.finish()))))
    }

    /// The graphs of the quads, grouped by graph name.
    pub fn from_quads<'a>(quads: impl IntoIterator<Item = QuadRef<'a>>) -> Self {
        let mut collectors: BTreeMap<String, GraphLinesBuilder> = BTreeMap::new();
        for quad in quads {
            let name = match quad.graph_name {
                GraphNameRef::NamedNode(n) => n.as_str().to_owned(),
                GraphNameRef::BlankNode(b) => b.to_string(),
                GraphNameRef::DefaultGraph => String::new(),
            };
            collectors.entry(name).or_default().push(quad);
        }
        Self::from_graphs(collectors.into_iter().map(|(g, c)| (g, c.finish())))
    }

    /// The named graphs of an Oxigraph store (an indexed store's default graph, the query view
    /// made from them, left out).
    pub fn of_store(store: &oxigraph::store::Store) -> Result<Self, StoreError> {
        let quads: Vec<Quad> = store
            .iter()
            .filter(|q| q.as_ref().is_ok_and(|q| !q.graph_name.is_default_graph()) || q.is_err())
            .collect::<Result<_, _>>()
            .map_err(|e| StoreError::Oxigraph(e.to_string()))?;
        Ok(Self::from_quads(quads.iter().map(Quad::as_ref)))
    }

    fn from_graphs(graphs: impl IntoIterator<Item = (String, GraphLines)>) -> Self {
        let mut snapshot = Self::default();
        for (name, lines) in graphs {
            snapshot.replace_graph(&name, lines);
        }
        snapshot
    }

    /// Replaces graph `name` (a named graph's IRI) by `lines`.
    pub fn replace_graph(&mut self, name: &str, lines: GraphLines) {
        if !name.is_empty() {
            for source in &lines.sources {
                self.by_source.entry(source.clone()).or_default().insert(name.to_owned());
            }
        }
        if let Some(old) = self.graphs.insert(name.to_owned(), lines) {
            self.forget_sources(name, &old);
        }
    }

    /// Drops the index entries of graph `name`'s old statements that its current ones lack.
    fn forget_sources(&mut self, name: &str, old: &GraphLines) {
        let current = self.graphs.get(name).map_or(&[][..], |g| &g.sources[..]);
        for source in old.sources.iter().filter(|s| !current.contains(s)) {
            if let Some(names) = self.by_source.get_mut(source) {
                names.remove(name);
                if names.is_empty() {
                    self.by_source.remove(source);
                }
            }
        }
    }

    /// Removes the named graphs of documents read from `source_file`, and gives their names.
    pub fn remove_graphs_of_source(&mut self, source_file: &str) -> Vec<String> {
        let names: Vec<String> =
            self.by_source.get(source_file).map(|n| n.iter().cloned().collect()).unwrap_or_default();
        for name in &names {
            if let Some(old) = self.graphs.remove(name) {
                self.forget_sources(name, &old);
            }
        }
        names
    }

    /// True when the snapshot holds the named graph `name`.
    pub fn has_graph(&self, name: &str) -> bool {
        !name.is_empty() && self.graphs.contains_key(name)
    }

    /// The names of the named graphs, sorted.
    pub fn graph_names(&self) -> impl Iterator<Item = &str> {
        self.graphs.keys().map(String::as_str).filter(|n| !n.is_empty())
    }

    /// The graphs, by name (the default graph under `""`).
    pub fn graphs(&self) -> impl Iterator<Item = (&str, &GraphLines)> {
        self.graphs.iter().map(|(n, g)| (n.as_str(), g))
    }

    /// Number of statements in all graphs.
    pub fn len(&self) -> usize {
        self.graphs.values().map(GraphLines::len).sum()
    }

    /// True when no graph has a statement.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The triples of named graph `name` as sorted N-Triples, and how many there are.
    pub fn graph_ntriples(&self, name: &str) -> Option<(Vec<u8>, usize)> {
        let graph = self.graphs.get(name).filter(|_| !name.is_empty())?;
        let suffix = format!(" <{name}> .\n");
        let mut out = Vec::with_capacity(graph.text.len());
        for line in graph.lines() {
            let triple = line.strip_suffix(suffix.as_str()).unwrap_or(line);
            out.extend_from_slice(triple.as_bytes());
            out.extend_from_slice(b" .\n");
        }
        Some((out, graph.count))
    }

    /// The IRIs of the entities that the merged graphs (documents, analysis, summary) say
    /// `dg:mentions` of: those whose gazetteer description joins the default graph.
    fn mentioned_entities(&self) -> BTreeSet<&str> {
        self.graphs
            .iter()
            .filter(|(name, _)| crate::vocab::is_merged_graph(name))
            .flat_map(|(_, lines)| lines.mentioned())
            .collect()
    }

    /// The default graph queries see, as [`super::GraphStore::open_for_query`] makes it: the merge
    /// of the document, analysis and summary graphs (each statement once) and the gazetteer's
    /// statements about the entities some document mentions; sorted N-Triples, and how many. A
    /// push sends it as the server's default graph, so a server answers as the local store does.
    pub fn default_view_ntriples(&self) -> (Vec<u8>, usize) {
        let gazetteer = crate::vocab::gazetteer_graph();
        let mentioned = self.mentioned_entities();
        let mut merged: BTreeSet<Vec<u8>> = BTreeSet::new();
        for name in self.graph_names().filter(|n| crate::vocab::is_merged_graph(n)) {
            let Some((triples, _)) = self.graph_ntriples(name) else { continue };
            merged.extend(triples.split_inclusive(|&b| b == b'\n').map(<[u8]>::to_vec));
        }
        if let Some((triples, _)) = self.graph_ntriples(&gazetteer) {
            for line in triples.split_inclusive(|&b| b == b'\n') {
                let text = String::from_utf8_lossy(line);
                let subject = text.split(' ').next().and_then(|s| s.strip_prefix('<')?.strip_suffix('>'));
                if subject.is_some_and(|s| mentioned.contains(s)) {
                    merged.insert(line.to_vec());
                }
            }
        }
        let count = merged.len();
        (merged.into_iter().flatten().collect(), count)
    }

    /// Every statement an indexed store holds for this snapshot, graph by graph: each named
    /// graph's, and beside each statement of the default graph queries see
    /// ([`Snapshot::default_view_ntriples`]) its copy there. A statement several graphs give is
    /// given as often, for a loader that keeps each once. Parsed a graph at a time, not all at once.
    pub fn quads_with_default_view(&self) -> impl Iterator<Item = Quad> + '_ {
        let gazetteer = crate::vocab::gazetteer_graph();
        let mentioned = std::rc::Rc::new(self.mentioned_entities());
        self.graphs.iter().flat_map(move |(name, lines)| {
            let merged = crate::vocab::is_merged_graph(name);
            let described = *name == gazetteer;
            let mentioned = std::rc::Rc::clone(&mentioned);
            lines.quads().into_iter().flat_map(move |quad| {
                let about_mentioned = || {
                    matches!(&quad.subject, NamedOrBlankNode::NamedNode(s) if mentioned.contains(s.as_str()))
                };
                let copy = (merged || described && about_mentioned()).then(|| {
                    Quad::new(quad.subject.clone(), quad.predicate.clone(), quad.object.clone(), GraphName::DefaultGraph)
                });
                std::iter::once(quad).chain(copy)
            })
        })
    }

    /// Writes every statement, graph by graph in name order, each graph's sorted: the bytes
    /// `GraphStore::save` writes for the same quads.
    pub fn write_nquads(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        self.graphs.values().try_for_each(|g| out.write_all(g.text.as_bytes()))
    }

    /// The N-Quads text of each graph, in name order: the pieces of [`Snapshot::write_nquads`].
    pub fn pieces(&self) -> Vec<&[u8]> {
        self.graphs.values().map(|g| g.text.as_bytes()).collect()
    }

    /// Writes the snapshot to `path` atomically: the bytes of [`Snapshot::write_nquads`].
    pub fn save(&self, path: &Path) -> Result<(), StoreError> {
        write_pieces_atomically(path, &self.pieces())
            .map_err(|cause| StoreError::Write { path: path.to_owned(), cause })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::GraphStore;
    use crate::vocab;
    use oxigraph::model::{BlankNode, Literal, NamedNode, Quad};

    fn dg(local: &str) -> NamedNode {
        NamedNode::new_unchecked(vocab::dg(local))
    }

    fn quads(graph: &str, file: &str) -> Vec<Quad> {
        let g = GraphName::NamedNode(NamedNode::new_unchecked(graph));
        let s = NamedNode::new_unchecked(format!("{graph}/doc"));
        vec![
            Quad::new(s.clone(), NamedNode::new_unchecked(vocab::RDF_TYPE), dg("Document"), g.clone()),
            Quad::new(s.clone(), dg("sourceFile"), Literal::new_simple_literal(file), g.clone()),
            Quad::new(
                BlankNode::new_unchecked("b1"),
                dg("title"),
                Literal::new_language_tagged_literal_unchecked("联合声明\n\"第二行\"", "zh"),
                g.clone(),
            ),
            // The same statement twice is one statement.
            Quad::new(s, dg("sourceFile"), Literal::new_simple_literal(file), g),
        ]
    }

    #[test]
    fn writes_the_bytes_the_oxigraph_store_writes_and_reads_them_back() {
        let store = GraphStore::new().unwrap();
        let mut snapshot = Snapshot::default();
        for (g, f) in [("http://x/g2", "b.txt"), ("http://x/g1", "a.txt"), ("http://x/g3", "a.txt")] {
            let q = quads(g, f);
            store.replace_graph(g, &q).unwrap();
            snapshot.replace_graph(g, GraphLines::from_quads(&q));
        }
        let mut expected = Vec::new();
        store.write_nquads(&mut expected).unwrap();
        let mut written = Vec::new();
        snapshot.write_nquads(&mut written).unwrap();
        assert_eq!(String::from_utf8(written.clone()).unwrap(), String::from_utf8(expected).unwrap());
        assert_eq!(snapshot.len(), 9);
        // Graph by graph: each graph's statements together, graphs in name order.
        let text = String::from_utf8(written.clone()).unwrap();
        let graphs: Vec<&str> = text.lines().map(|l| l.rsplit(' ').nth(1).unwrap()).collect();
        let mut grouped = graphs.clone();
        grouped.sort();
        assert_eq!(graphs, grouped);
        let mut reread = Vec::new();
        Snapshot::parse(&written).unwrap().write_nquads(&mut reread).unwrap();
        assert_eq!(reread, written);
    }

    #[test]
    fn removes_the_graphs_of_one_source_file() {
        let mut snapshot = Snapshot::default();
        for (g, f) in [("http://x/g1", "a.txt"), ("http://x/g2", "b.txt"), ("http://x/g3", "a.txt")] {
            snapshot.replace_graph(g, GraphLines::from_quads(&quads(g, f)));
        }
        // g3 now comes from b.txt: only g1 is still a.txt's.
        snapshot.replace_graph("http://x/g3", GraphLines::from_quads(&quads("http://x/g3", "b.txt")));
        assert_eq!(snapshot.remove_graphs_of_source("a.txt"), ["http://x/g1"]);
        assert!(snapshot.remove_graphs_of_source("a.txt").is_empty());
        assert_eq!(snapshot.remove_graphs_of_source("b.txt"), ["http://x/g2", "http://x/g3"]);
        snapshot.replace_graph("http://x/g2", GraphLines::from_quads(&quads("http://x/g2", "b.txt")));
        assert_eq!(snapshot.graphs().map(|(n, _)| n).collect::<Vec<_>>(), ["http://x/g2"]);
        let types: Vec<_> = snapshot.graphs().flat_map(|(_, g)| g.types().collect::<Vec<_>>()).collect();
        assert_eq!(types, [("<http://x/g2/doc>", vocab::dg("Document").as_str())]);
    }

    #[test]
    fn the_default_view_is_the_default_graph_a_local_query_sees() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.nq");
        let (id, dg) = (vocab::ID, vocab::DG);
        let (doc1, doc2) = (format!("{id}doc/1"), format!("{id}doc/2"));
        let (gaz, onto) = (vocab::gazetteer_graph(), vocab::ontology_graph());
        let text = format!(
            "<{doc1}> <{dg}mentions> <{id}country/KZ> <{doc1}> .
             <{id}f> <{dg}statedIn> <{doc1}> <{doc1}> .
             <{id}f> <{dg}statedIn> <{doc1}> <{doc2}> .
             <{doc2}> <{dg}title> \"a b\" <{doc2}> .
             <{id}country/KZ> <{dg}code> \"KZ\" <{gaz}> .
             <{id}country/RU> <{dg}code> \"RU\" <{gaz}> .
             <{dg}Country> <{dg}code> \"class\" <{onto}> .\n"
        );
        std::fs::write(&path, text.lines().map(|l| format!("{}\n", l.trim())).collect::<String>()).unwrap();
        let (ntriples, count) = Snapshot::open(&path, false).unwrap().default_view_ntriples();
        let store = GraphStore::open_for_query(&path).unwrap();
        let mut expected: Vec<String> = store
            .inner()
            .quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph))
            .map(|q| format!("{} .", oxigraph::model::Triple::from(q.unwrap())))
            .collect();
        expected.sort();
        let got: Vec<&str> = std::str::from_utf8(&ntriples).unwrap().lines().collect();
        assert_eq!(got, expected, "each statement once, KZ described (mentioned), RU and the ontology not");
        assert_eq!(count, 4);
    }

    #[test]
    fn gives_a_graph_as_ntriples() {
        let mut snapshot = Snapshot::default();
        snapshot.replace_graph("http://x/g1", GraphLines::from_quads(&quads("http://x/g1", "a.txt")));
        let (text, count) = snapshot.graph_ntriples("http://x/g1").unwrap();
        let text = String::from_utf8(text).unwrap();
        assert_eq!(count, 3);
        assert!(text.lines().all(|l| l.ends_with(" .") && !l.contains("<http://x/g1>")), "{text}");
        let parsed = RdfParser::from_format(RdfFormat::NTriples).for_slice(text.as_bytes()).count();
        assert_eq!(parsed, 3);
        assert!(snapshot.graph_ntriples("http://x/none").is_none());
    }

    #[test]
    fn files_split_at_line_ends_into_shares_that_cover_them() {
        let text = b"aaaa\nbb\ncccccc\nd\n";
        for parts in 1..6 {
            let shares = split_at_lines(text, parts, 1);
            assert!(shares.len() <= parts.max(1) && shares.iter().all(|s| s.ends_with(b"\n")), "{shares:?}");
            assert_eq!(shares.concat(), text);
        }
        assert_eq!(split_at_lines(b"", 2, 1), [b""]);
        assert_eq!(split_at_lines(b"no end", 2, 1).concat(), b"no end");
    }

    #[test]
    fn corrupt_text_is_an_error_naming_the_problem() {
        let error =
            Snapshot::parse(b"<http://x/a> <http://x/b> \"c\" <http://x/g> .\nnot n-quads\n").unwrap_err();
        assert!(!error.is_empty() && !error.contains('\n'), "{error}");
    }
}
