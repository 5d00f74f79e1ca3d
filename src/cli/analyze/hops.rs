//! `analyze path` and `analyze ego`: hops through the projected graph, each with the relations that
//! make it (direction, weight, first and last dates, one supporting document and its source file).

use super::super::rows::{write_rows, Cell, RowFormat};
use super::Action;
use diplograph::graph::{self, algo, Edge, EntityGraph};
use diplograph::query::Sparql;
use diplograph::vocab;
use oxigraph::model::Term;
use petgraph::graph::NodeIndex;
use std::collections::BTreeMap;
use std::io::Write;

fn node(graph: &EntityGraph, name: &str) -> anyhow::Result<NodeIndex> {
    graph::find_node(graph, name).ok_or_else(|| anyhow::anyhow!("no entity `{name}` in the projected graph"))
}

/// The source file of every document, by document IRI.
fn source_files(store: &dyn Sparql) -> anyhow::Result<BTreeMap<String, String>> {
    let rows = diplograph::query::select(
        store,
        &format!("SELECT DISTINCT ?d ?src WHERE {{ ?d <{}> ?src }}", vocab::dg("sourceFile")),
    )?;
    Ok(rows
        .iter()
        .filter_map(|r| match (r.get("d"), r.get("src")) {
            (Some(Term::NamedNode(d)), Some(Term::Literal(src))) => {
                Some((d.as_str().to_owned(), src.value().to_owned()))
            }
            _ => None,
        })
        .collect())
}

/// The relations between `a` and `b` in both directions: `→` from `a` to `b`, `←` from `b` to `a`,
/// ordered by relation name then direction.
fn connections(g: &EntityGraph, a: NodeIndex, b: NodeIndex) -> Vec<(&'static str, &Edge)> {
    let mut found: Vec<(&'static str, &Edge)> = g
        .edges_connecting(a, b)
        .map(|e| ("→", e.weight()))
        .chain(g.edges_connecting(b, a).map(|e| ("←", e.weight())))
        .collect();
    found.sort_by(|x, y| x.1.relation.name().cmp(y.1.relation.name()).then(x.0.cmp(y.0)));
    found
}

/// The cells that describe one relation: relation, direction, weight, first, last, document, source.
fn relation_cells(direction: &str, e: &Edge, sources: &BTreeMap<String, String>) -> Vec<Cell> {
    let document = e.document.clone().unwrap_or_default();
    let source = sources.get(&document).cloned().unwrap_or_default();
    vec![
        Cell::text(e.relation.name()),
        Cell::text(direction),
        Cell::Int(e.weight as u64),
        Cell::text(e.first.map(|d| d.to_string()).unwrap_or_default()),
        Cell::text(e.last.map(|d| d.to_string()).unwrap_or_default()),
        Cell::text(document),
        Cell::text(source),
    ]
}

const RELATION_COLUMNS: [&str; 7] =
    ["relation", "direction", "documents", "first", "last", "document", "source"];

/// Runs `path` or `ego` on the projected graph.
pub fn run(
    store: &dyn Sparql,
    g: &EntityGraph,
    action: &Action,
    format: RowFormat,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let adj = algo::adjacency(g, |e| e.weight as f64);
    let sources = source_files(store)?;
    let mut out = out;
    match action {
        Action::Path { from, to } => {
            let (a, b) = (node(g, from)?, node(g, to)?);
            let path = algo::shortest_path(&adj, a.index(), b.index())
                .ok_or_else(|| anyhow::anyhow!("`{from}` and `{to}` are not connected"))?;
            let mut rows = Vec::new();
            for (hop, pair) in path.windows(2).enumerate() {
                let (x, y) = (algo::ix(pair[0]), algo::ix(pair[1]));
                for (direction, e) in connections(g, x, y) {
                    let mut row = vec![Cell::Int(hop as u64 + 1), Cell::text(&g[x].zh)];
                    row.extend(relation_cells(direction, e, &sources));
                    row.insert(4, Cell::text(&g[y].zh));
                    rows.push(row);
                }
            }
            let header: Vec<&str> = ["hop", "from", "relation", "direction", "to"]
                .into_iter()
                .chain(RELATION_COLUMNS.into_iter().skip(2))
                .collect();
            write_rows(&mut out, format, &header, &rows, &["document"])?;
        }
        Action::Ego { entity, depth } => {
            let c = node(g, entity)?;
            let mut found = algo::ego(&adj, c.index(), *depth);
            found.sort_by_key(|(v, d)| (*d, g[algo::ix(*v)].iri.clone()));
            let hops: BTreeMap<usize, usize> = found.iter().copied().collect();
            let mut rows = Vec::new();
            for (v, d) in found {
                let n = &g[algo::ix(v)];
                let entity = [
                    Cell::Int(d as u64),
                    Cell::text(&n.zh),
                    Cell::text(n.kind.to_string()),
                    Cell::text(&n.iri),
                ];
                if d == 0 {
                    let mut row = entity.to_vec();
                    row.push(Cell::Empty);
                    row.extend(std::iter::repeat_n(Cell::Empty, RELATION_COLUMNS.len()));
                    rows.push(row);
                    continue;
                }
                // Every connection to a node one hop nearer the centre, nearest IRI first.
                let mut before: Vec<NodeIndex> = adj[v]
                    .iter()
                    .map(|&(u, _)| algo::ix(u))
                    .filter(|u| hops.get(&u.index()) == Some(&(d - 1)))
                    .collect();
                before.sort_by(|x, y| g[*x].iri.cmp(&g[*y].iri));
                for u in before {
                    for (direction, e) in connections(g, u, algo::ix(v)) {
                        let mut row = entity.to_vec();
                        row.push(Cell::text(&g[u].zh));
                        row.extend(relation_cells(direction, e, &sources));
                        rows.push(row);
                    }
                }
            }
            let header: Vec<&str> =
                ["hops", "entity", "kind", "iri", "via"].into_iter().chain(RELATION_COLUMNS).collect();
            write_rows(&mut out, format, &header, &rows, &["iri", "document"])?;
        }
    }
    Ok(())
}
