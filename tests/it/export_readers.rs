//! The graph exports opened by the tools' own readers: networkx (GraphML, GEXF, node-link), igraph
//! (GraphML) and Graphviz (DOT), with the counts `analyze` reports and the Chinese labels intact,
//! and the DOT render checked for boxes in place of Chinese characters (tofu).

use crate::common::{graphviz, pipe, png_pixels, python_with, run, seeds_store_dir, stderr};
use crate::export::expected_counts;
use std::path::Path;

/// Reads every export with networkx and igraph and prints, per reader, nodes, edges and whether a
/// node is labelled 联合国宪章 (a Chinese label that survived), as JSON.
const READERS: &str = r#"
import json, sys
import networkx as nx
import igraph as ig
d = sys.argv[1]
def report(nodes, edges, labels):
    return {"nodes": nodes, "edges": edges, "chinese": "联合国宪章" in labels}
out = {}
g = nx.read_graphml(d + "/g.graphml")
out["networkx graphml"] = report(g.number_of_nodes(), g.number_of_edges(), [a.get("label") for _, a in g.nodes(data=True)])
out["networkx graphml yEd shapes"] = sorted({a.get("shape_type") for _, a in g.nodes(data=True)})
g = nx.read_gexf(d + "/g.gexf")
out["networkx gexf"] = report(g.number_of_nodes(), g.number_of_edges(), [a.get("label") for _, a in g.nodes(data=True)])
out["networkx gexf colours"] = len({json.dumps(a["viz"]["color"], sort_keys=True) for _, a in g.nodes(data=True)})
with open(d + "/edges.json", encoding="utf-8") as f:
    g = nx.node_link_graph(json.load(f))
out["networkx node-link"] = report(g.number_of_nodes(), g.number_of_edges(), [a.get("label") for _, a in g.nodes(data=True)])
with open(d + "/links.json", encoding="utf-8") as f:
    g = nx.node_link_graph(json.load(f), edges="links")
out["networkx node-link links"] = report(g.number_of_nodes(), g.number_of_edges(), [a.get("label") for _, a in g.nodes(data=True)])
g = ig.Graph.Read_GraphML(d + "/g.graphml")
out["igraph graphml"] = report(g.vcount(), g.ecount(), g.vs["label"])
print(json.dumps(out))
"#;

#[test]
fn networkx_and_igraph_read_the_exports() {
    let Some(python) = python_with(&["networkx", "igraph"]) else { return };
    let store = seeds_store_dir();
    let (nodes, edges) = expected_counts(store, &[]);
    let dir = tempfile::tempdir().unwrap();
    let export = |args: &[&str], file: &str| {
        let o = run(store, &[args, &["--output", dir.path().join(file).to_str().unwrap()]].concat());
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    };
    export(&["export", "--format", "graphml"], "g.graphml");
    export(&["export", "--format", "gexf"], "g.gexf");
    export(&["export", "--format", "node-link"], "edges.json");
    export(&["export", "--format", "node-link", "--node-link-key", "links"], "links.json");
    let out = pipe(&python, &["-", dir.path().to_str().unwrap()], &[], READERS.as_bytes());
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    for reader in [
        "networkx graphml",
        "networkx gexf",
        "networkx node-link",
        "networkx node-link links",
        "igraph graphml",
    ] {
        let expected = serde_json::json!({ "nodes": nodes, "edges": edges, "chinese": true });
        assert_eq!(v[reader], expected, "{reader}");
    }
    assert_eq!(v["networkx gexf colours"], 6, "one viz colour per kind");
    assert_eq!(v["networkx graphml yEd shapes"].as_array().map(Vec::len), Some(6), "one yEd shape per kind");
}

/// A `FONTCONFIG_FILE` holding the fonts the render sees (`$FONTCONFIG_FILE`, else the system's)
/// less every font for Chinese: there, Chinese can only be drawn as boxes.
fn fonts_without_chinese(dir: &Path) -> std::path::PathBuf {
    let system = std::env::var("FONTCONFIG_FILE").unwrap_or_else(|_| "/etc/fonts/fonts.conf".to_owned());
    let path = dir.join("fonts-without-chinese.conf");
    let conf = format!(
        r#"<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">{system}</include>
  <selectfont><rejectfont><pattern><patelt name="lang"><string>zh-cn</string></patelt></pattern></rejectfont></selectfont>
</fontconfig>
"#
    );
    std::fs::write(&path, conf).unwrap();
    path
}

/// The tofu test: a one-node export with a Chinese label is rendered twice, with the machine's fonts
/// and with the same fonts less those for Chinese (where Graphviz can only draw boxes). With a CJK
/// font installed the two PNGs differ; without one both are the same boxes, and the test fails.
#[test]
fn dot_render_shows_chinese_not_boxes() {
    let Some(dot) = graphviz() else { return };
    let dir = tempfile::tempdir().unwrap();
    let one_node =
        run(seeds_store_dir(), &["export", "--format", "dot", "--kinds", "Country", "--keep-isolated"]);
    let text = String::from_utf8(one_node.stdout).unwrap();
    let header: Vec<&str> = text.lines().take_while(|l| !l.trim_start().starts_with('n')).collect();
    let node = text.lines().find(|l| l.contains("label=\"中国\"")).expect("中国 is a node");
    let graph = format!("{}\n{node}\n}}\n", header.join("\n"));
    let without = fonts_without_chinese(dir.path());
    let with_fonts = png_pixels(&pipe(dot, &["-Tpng"], &[], graph.as_bytes()));
    let boxes = png_pixels(&pipe(dot, &["-Tpng"], &[("FONTCONFIG_FILE", &without)], graph.as_bytes()));
    let differing = if (with_fonts.0, with_fonts.1) == (boxes.0, boxes.1) {
        with_fonts.2.chunks(4).zip(boxes.2.chunks(4)).filter(|(a, b)| a != b).count()
    } else {
        usize::MAX
    };
    let pixels = (with_fonts.0 * with_fonts.1) as usize;
    assert!(
        differing > pixels / 100,
        "the label 中国 renders as with no Chinese font ({differing} of {pixels} pixels differ): \
         install one (.ci/run installs fonts-wqy-zenhei)"
    );
}

#[test]
fn graphviz_reads_the_dot_export() {
    let Some(dot) = graphviz() else { return };
    let store = seeds_store_dir();
    let (nodes, edges) = expected_counts(store, &[]);
    let read = |args: &[&str]| {
        let o = run(store, &[&["export", "--format", "dot"], args].concat());
        assert!(o.status.success(), "{}", stderr(&o));
        let json = pipe(dot, &["-Tjson"], &[], &o.stdout);
        let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
        let labels: Vec<String> = v["objects"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["label"].as_str().unwrap().to_owned())
            .collect();
        (labels, v["edges"].as_array().map_or(0, Vec::len), v["bb"].as_str().unwrap().to_owned())
    };
    let (all, all_edges, _) = read(&["--keep-isolated"]);
    assert_eq!((all.len(), all_edges), (nodes, edges), "--keep-isolated keeps every node");
    let (connected, connected_edges, bb) = read(&[]);
    assert_eq!(connected_edges, edges);
    assert!(connected.len() < nodes && connected.contains(&"联合国宪章".to_owned()), "{}", connected.len());
    let size: Vec<f64> = bb.split(',').map(|n| n.parse().unwrap()).collect();
    let (width, height) = (size[2] - size[0], size[3] - size[1]);
    assert!(width < 4.0 * height && height < 4.0 * width, "a page, not a strip: {bb}");
}

#[test]
fn dot_export_notes_a_missing_chinese_font() {
    let dir = tempfile::tempdir().unwrap();
    let without = fonts_without_chinese(dir.path());
    let o = crate::common::bin()
        .current_dir(seeds_store_dir())
        .args(["export", "--format", "dot", "--kinds", "Country"])
        .env("FONTCONFIG_FILE", &without)
        .output()
        .unwrap();
    assert!(o.status.success(), "a missing font never fails the export: {}", stderr(&o));
    let has_fc_list = std::process::Command::new("fc-list").arg("--version").output().is_ok();
    if has_fc_list {
        let err = stderr(&o);
        assert!(err.contains("no font for Chinese") && err.lines().count() == 1, "{err}");
    }
    let o = run(seeds_store_dir(), &["export", "--format", "graphml"]);
    assert!(!stderr(&o).contains("font"), "only the DOT export speaks of fonts");
}
