//! Graph algorithms on the undirected view of a graph: degree, PageRank, betweenness and closeness
//! centrality, connected components, Louvain communities, shortest paths and ego networks.

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use std::collections::{BTreeMap, VecDeque};

/// Undirected weighted adjacency: for each node, (neighbour, weight), merged over parallel edges.
pub fn adjacency<N, E>(graph: &DiGraph<N, E>, weight: impl Fn(&E) -> f64) -> Vec<Vec<(usize, f64)>> {
    let mut adj: Vec<BTreeMap<usize, f64>> = vec![BTreeMap::new(); graph.node_count()];
    for e in graph.edge_references() {
        let (a, b) = (e.source().index(), e.target().index());
        if a == b {
            continue;
        }
        *adj[a].entry(b).or_default() += weight(e.weight());
        *adj[b].entry(a).or_default() += weight(e.weight());
    }
    adj.into_iter().map(|m| m.into_iter().collect()).collect()
}

/// Number of distinct neighbours.
pub fn degree(adj: &[Vec<(usize, f64)>]) -> Vec<usize> {
    adj.iter().map(Vec::len).collect()
}

/// Sum of edge weights; `0` (never `-0`, which an empty float `sum()` gives) for isolated nodes.
pub fn weighted_degree(adj: &[Vec<(usize, f64)>]) -> Vec<f64> {
    adj.iter().map(|n| n.iter().fold(0.0, |total, (_, w)| total + w)).collect()
}

/// Weighted PageRank (damping 0.85) by power iteration; dangling nodes spread evenly. Sums to 1.
pub fn page_rank(adj: &[Vec<(usize, f64)>]) -> Vec<f64> {
    let n = adj.len();
    if n == 0 {
        return Vec::new();
    }
    let d = 0.85;
    let strength = weighted_degree(adj);
    let mut rank = vec![1.0 / n as f64; n];
    for _ in 0..100 {
        let dangling: f64 = (0..n).filter(|&i| strength[i] == 0.0).map(|i| rank[i]).sum();
        let mut next = vec![(1.0 - d) / n as f64 + d * dangling / n as f64; n];
        for (i, neighbours) in adj.iter().enumerate() {
            for &(j, w) in neighbours {
                next[j] += d * rank[i] * w / strength[i];
            }
        }
        let delta: f64 = next.iter().zip(&rank).map(|(a, b)| (a - b).abs()).sum();
        rank = next;
        if delta < 1e-12 {
            break;
        }
    }
    rank
}

/// Breadth-first searches from one node after another, reusing their buffers: at thousands of
/// nodes, allocating them for every search took more time than searching.
struct Searches {
    /// Hops from the source; `usize::MAX` where unreached.
    dist: Vec<usize>,
    /// Number of shortest paths from the source.
    sigma: Vec<f64>,
    /// Reached nodes in the order they were reached, the source first.
    order: Vec<usize>,
    queue: VecDeque<usize>,
}

impl Searches {
    fn new(n: usize) -> Self {
        Searches { dist: vec![usize::MAX; n], sigma: vec![0.0; n], order: Vec::new(), queue: VecDeque::new() }
    }

    /// Searches from `source`, forgetting the previous search (only the nodes it reached).
    fn run(&mut self, adj: &[Vec<(usize, f64)>], source: usize) {
        for &v in &self.order {
            self.dist[v] = usize::MAX;
            self.sigma[v] = 0.0;
        }
        self.order.clear();
        self.dist[source] = 0;
        self.sigma[source] = 1.0;
        self.queue.push_back(source);
        while let Some(v) = self.queue.pop_front() {
            self.order.push(v);
            for &(w, _) in &adj[v] {
                if self.dist[w] == usize::MAX {
                    self.dist[w] = self.dist[v] + 1;
                    self.queue.push_back(w);
                }
                if self.dist[w] == self.dist[v] + 1 {
                    self.sigma[w] += self.sigma[v];
                }
            }
        }
    }
}

/// Betweenness and closeness centrality of every node, in node order.
#[derive(Debug, Clone, PartialEq)]
pub struct Centrality {
    /// Brandes, unweighted, undirected, normalized by (n-1)(n-2).
    pub betweenness: Vec<f64>,
    /// Wasserman–Faust, for graphs that are not connected.
    pub closeness: Vec<f64>,
}

/// How many sources one block of searches covers.
const BLOCK: usize = 64;

/// Betweenness and closeness from one breadth-first search per node, on every core. The searches
/// run in blocks of [`BLOCK`] sources whose betweenness sums are added in block order, so the
/// scores do not depend on the number of cores.
pub fn centrality(adj: &[Vec<(usize, f64)>]) -> Centrality {
    let n = adj.len();
    let blocks: Vec<std::ops::Range<usize>> = (0..n).step_by(BLOCK).map(|s| s..(s + BLOCK).min(n)).collect();
    let jobs = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut betweenness = vec![0.0; n];
    let mut closeness = Vec::with_capacity(n);
    let added = crate::ordered::for_each_ordered(
        &blocks,
        jobs,
        2 * jobs,
        |sources| search_block(adj, sources.clone()),
        |_, (partial, close)| {
            for (total, part) in betweenness.iter_mut().zip(partial) {
                *total += part;
            }
            closeness.extend(close);
            Ok::<(), std::convert::Infallible>(())
        },
    );
    let Ok(()) = added;
    let norm = if n > 2 { ((n - 1) * (n - 2)) as f64 } else { 1.0 };
    Centrality { betweenness: betweenness.iter().map(|s| s / norm).collect(), closeness }
}

/// The unnormalized betweenness the searches from `sources` add up, and each source's closeness.
fn search_block(adj: &[Vec<(usize, f64)>], sources: std::ops::Range<usize>) -> (Vec<f64>, Vec<f64>) {
    let n = adj.len();
    let mut score = vec![0.0; n];
    let mut closeness = Vec::with_capacity(sources.len());
    let mut search = Searches::new(n);
    let mut delta = vec![0.0; n];
    for s in sources {
        search.run(adj, s);
        let Searches { dist, sigma, order, .. } = &search;
        let reached = order.len() - 1;
        let total: usize = order.iter().map(|&v| dist[v]).sum();
        closeness.push(if total == 0 || n < 2 {
            0.0
        } else {
            let r = reached as f64;
            (r / total as f64) * (r / (n - 1) as f64)
        });
        for &w in order {
            delta[w] = 0.0;
        }
        for &w in order.iter().rev() {
            // The predecessors of w on shortest paths: its neighbours one hop nearer the source.
            for &(v, _) in &adj[w] {
                if dist[v] != usize::MAX && dist[v] + 1 == dist[w] {
                    delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
                }
            }
            if w != s {
                score[w] += delta[w];
            }
        }
    }
    (score, closeness)
}

/// Connected component of each node, numbered by size: 0 is the largest (see [`number_by_size`]).
pub fn components(adj: &[Vec<(usize, f64)>]) -> Vec<usize> {
    let mut comp = vec![usize::MAX; adj.len()];
    let mut search = Searches::new(adj.len());
    let mut next = 0;
    for s in 0..adj.len() {
        if comp[s] != usize::MAX {
            continue;
        }
        search.run(adj, s);
        for &v in &search.order {
            comp[v] = next;
        }
        next += 1;
    }
    number_by_size(&comp)
}

/// Louvain community detection on the weighted undirected graph: local moving then aggregation,
/// repeated while modularity improves. Deterministic (nodes visited in index order). Communities are
/// numbered by size, 0 the largest (see [`number_by_size`]).
pub fn louvain(adj: &[Vec<(usize, f64)>]) -> Vec<usize> {
    let n = adj.len();
    let mut membership: Vec<usize> = (0..n).collect();
    let mut level: Vec<Vec<(usize, f64)>> = adj.to_vec();
    loop {
        let (moved, local) = one_level(&level);
        for m in membership.iter_mut() {
            *m = local[*m];
        }
        if !moved {
            break;
        }
        level = aggregate(&level, &local);
        if level.len() <= 1 {
            break;
        }
    }
    number_by_size(&membership)
}

/// Renumbers groups (any labels) from 0 by decreasing size; groups of equal size in the order of
/// their smallest node index. The projection adds nodes in IRI order, so ties go to the group
/// holding the smallest IRI, and the numbers do not depend on how the labels were found.
pub fn number_by_size(labels: &[usize]) -> Vec<usize> {
    let mut groups: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    for (node, &label) in labels.iter().enumerate() {
        let group = groups.entry(label).or_insert((0, node));
        group.0 += 1;
    }
    let mut order: Vec<(usize, usize, usize)> =
        groups.iter().map(|(&label, &(size, first))| (label, size, first)).collect();
    order.sort_by_key(|&(_, size, first)| (std::cmp::Reverse(size), first));
    let number: BTreeMap<usize, usize> =
        order.iter().enumerate().map(|(i, &(label, ..))| (label, i)).collect();
    labels.iter().map(|l| number[l]).collect()
}

fn renumber(labels: &[usize]) -> Vec<usize> {
    let mut map: BTreeMap<usize, usize> = BTreeMap::new();
    for &l in labels {
        let next = map.len();
        map.entry(l).or_insert(next);
    }
    labels.iter().map(|l| map[l]).collect()
}

/// One local-moving phase; returns whether any node moved and each node's community (renumbered).
fn one_level(adj: &[Vec<(usize, f64)>]) -> (bool, Vec<usize>) {
    let n = adj.len();
    let k: Vec<f64> = adj.iter().map(|nb| nb.iter().map(|(_, w)| w).sum()).collect();
    let m2: f64 = k.iter().sum();
    let mut community: Vec<usize> = (0..n).collect();
    let mut total: Vec<f64> = k.clone();
    if m2 == 0.0 {
        return (false, (0..n).collect());
    }
    let mut moved_any = false;
    loop {
        let mut moved = false;
        for v in 0..n {
            let current = community[v];
            let mut links: BTreeMap<usize, f64> = BTreeMap::new();
            for &(u, w) in &adj[v] {
                if u != v {
                    *links.entry(community[u]).or_default() += w;
                }
            }
            total[current] -= k[v];
            let gain = |c: usize, w_in: f64| w_in - total[c] * k[v] / m2;
            let mut best = current;
            let mut best_gain = gain(current, links.get(&current).copied().unwrap_or(0.0));
            for (&c, &w_in) in &links {
                let g = gain(c, w_in);
                if g > best_gain + 1e-12 {
                    best = c;
                    best_gain = g;
                }
            }
            total[best] += k[v];
            if best != current {
                community[v] = best;
                moved = true;
                moved_any = true;
            }
        }
        if !moved {
            break;
        }
    }
    (moved_any, renumber(&community))
}

fn aggregate(adj: &[Vec<(usize, f64)>], community: &[usize]) -> Vec<Vec<(usize, f64)>> {
    let count = community.iter().max().map_or(0, |m| m + 1);
    let mut merged: Vec<BTreeMap<usize, f64>> = vec![BTreeMap::new(); count];
    for (v, neighbours) in adj.iter().enumerate() {
        for &(u, w) in neighbours {
            *merged[community[v]].entry(community[u]).or_default() += w;
        }
    }
    merged.into_iter().map(|m| m.into_iter().collect()).collect()
}

/// Newman modularity of a partition.
pub fn modularity(adj: &[Vec<(usize, f64)>], community: &[usize]) -> f64 {
    let k: Vec<f64> = adj.iter().map(|nb| nb.iter().map(|(_, w)| w).sum()).collect();
    let m2: f64 = k.iter().sum();
    if m2 == 0.0 {
        return 0.0;
    }
    let mut q = 0.0;
    for (v, neighbours) in adj.iter().enumerate() {
        for &(u, w) in neighbours {
            if community[u] == community[v] {
                q += w;
            }
        }
    }
    let mut tot: BTreeMap<usize, f64> = BTreeMap::new();
    for (v, kv) in k.iter().enumerate() {
        *tot.entry(community[v]).or_default() += kv;
    }
    q / m2 - tot.values().map(|t| (t / m2).powi(2)).sum::<f64>()
}

/// A shortest path (fewest hops) from `a` to `b`, both included.
pub fn shortest_path(adj: &[Vec<(usize, f64)>], a: usize, b: usize) -> Option<Vec<usize>> {
    let mut search = Searches::new(adj.len());
    search.run(adj, a);
    let dist = &search.dist;
    if dist[b] == usize::MAX {
        return None;
    }
    let mut path = vec![b];
    let mut v = b;
    while v != a {
        // The smallest of its predecessors: the neighbours one hop nearer `a`.
        v = adj[v]
            .iter()
            .map(|&(u, _)| u)
            .filter(|&u| dist[u] != usize::MAX && dist[u] + 1 == dist[v])
            .min()
            .expect("a reached node has a predecessor");
        path.push(v);
    }
    path.reverse();
    Some(path)
}

/// Nodes within `depth` hops of `center`, with their distance.
pub fn ego(adj: &[Vec<(usize, f64)>], center: usize, depth: usize) -> Vec<(usize, usize)> {
    let mut search = Searches::new(adj.len());
    search.run(adj, center);
    search.dist.iter().enumerate().filter(|(_, d)| **d <= depth).map(|(v, d)| (v, *d)).collect()
}

/// Index helper for callers holding petgraph indices.
pub fn ix(i: usize) -> NodeIndex {
    NodeIndex::new(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(n: usize, edges: &[(usize, usize)]) -> Vec<Vec<(usize, f64)>> {
        let mut g: DiGraph<(), f64> = DiGraph::new();
        let nodes: Vec<_> = (0..n).map(|_| g.add_node(())).collect();
        for &(a, b) in edges {
            g.add_edge(nodes[a], nodes[b], 1.0);
        }
        adjacency(&g, |w| *w)
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    #[test]
    fn star() {
        let adj = graph(5, &[(0, 1), (0, 2), (0, 3), (0, 4)]);
        assert_eq!(degree(&adj), vec![4, 1, 1, 1, 1]);
        let Centrality { betweenness: b, closeness: c } = centrality(&adj);
        assert!(close(b[0], 1.0) && close(b[1], 0.0), "{b:?}");
        assert!(close(c[0], 1.0) && close(c[1], 4.0 / 7.0), "{c:?}");
        let pr = page_rank(&adj);
        assert!(close(pr.iter().sum::<f64>(), 1.0));
        assert!(pr[0] > pr[1] && close(pr[1], pr[4]));
    }

    #[test]
    fn path() {
        let adj = graph(4, &[(0, 1), (1, 2), (2, 3)]);
        assert_eq!(shortest_path(&adj, 0, 3), Some(vec![0, 1, 2, 3]));
        let b = centrality(&adj).betweenness;
        assert!(close(b[1], 2.0 / 3.0) && close(b[0], 0.0), "{b:?}");
        assert_eq!(ego(&adj, 0, 1), vec![(0, 0), (1, 1)]);
    }

    #[test]
    fn centralities_over_several_blocks_of_searches() {
        let n = 2 * BLOCK + 22;
        let edges: Vec<(usize, usize)> = (1..n).map(|i| (i - 1, i)).collect();
        let Centrality { betweenness, closeness } = centrality(&graph(n, &edges));
        let pairs = ((n - 1) * (n - 2)) as f64;
        for (i, &score) in betweenness.iter().enumerate() {
            // On a path, node i lies between the i nodes before it and the n-1-i after it.
            let expected = 2.0 * (i * (n - 1 - i)) as f64 / pairs;
            assert!(close(score, expected), "node {i}: {score}");
        }
        let end = (n - 1) as f64 / (1..n).sum::<usize>() as f64;
        assert!(close(closeness[0], end) && close(closeness[n - 1], end), "{closeness:?}");
        assert!(closeness[n / 2] > closeness[0]);
    }

    #[test]
    fn groups_are_numbered_by_size_then_smallest_node() {
        let cases: &[(&str, &[usize], &[usize])] = &[
            ("empty", &[], &[]),
            ("largest first", &[7, 3, 3, 7, 7], &[0, 1, 1, 0, 0]),
            ("ties by smallest node", &[5, 9, 9, 5], &[0, 1, 1, 0]),
            ("singletons in node order", &[4, 2, 1], &[0, 1, 2]),
            ("a late large group wins", &[0, 1, 2, 2, 2], &[1, 2, 0, 0, 0]),
        ];
        for (name, labels, expected) in cases {
            assert_eq!(number_by_size(labels), *expected, "{name}");
        }
    }

    #[test]
    fn component_zero_is_the_largest_and_isolated_nodes_weigh_zero() {
        // Node 0 is isolated; nodes 1..=3 form the largest component.
        let adj = graph(5, &[(1, 2), (2, 3)]);
        assert_eq!(components(&adj), vec![1, 0, 0, 0, 2]);
        let weighted = weighted_degree(&adj);
        assert!(weighted[0] == 0.0 && weighted[0].is_sign_positive(), "{weighted:?}");
        assert_eq!(format!("{:.0}", weighted[4]), "0");
    }

    #[test]
    fn two_cliques_joined_by_a_bridge() {
        let mut edges = Vec::new();
        for clique in [[0, 1, 2, 3], [4, 5, 6, 7]] {
            for i in 0..4 {
                for j in i + 1..4 {
                    edges.push((clique[i], clique[j]));
                }
            }
        }
        edges.push((3, 4));
        let adj = graph(9, &edges);
        let communities = louvain(&adj);
        assert_eq!(&communities[..8], &[0, 0, 0, 0, 1, 1, 1, 1], "{communities:?}");
        assert!(modularity(&adj, &communities) > 0.4);
        let comps = components(&adj);
        assert_eq!(comps[0], comps[7]);
        assert_ne!(comps[0], comps[8], "the isolated node is its own component");
        let b = centrality(&adj).betweenness;
        let top = (0..9).max_by(|&x, &y| b[x].partial_cmp(&b[y]).unwrap()).unwrap();
        assert!(top == 3 || top == 4, "a bridge end is most between: {b:?}");
    }
}
