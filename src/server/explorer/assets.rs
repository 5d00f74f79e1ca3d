//! The explorer's static assets, compiled into the binary: its stylesheet, the graph view's script
//! and the vendored Cytoscape.js (3.35.0 from the npm registry, MIT, its licence beside it). Start
//! with [`asset`].

/// One asset: its name under `/assets/`, media type and bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Asset {
    pub name: &'static str,
    pub media_type: &'static str,
    pub bytes: &'static [u8],
}

/// Every asset.
pub const ASSETS: &[Asset] = &[
    Asset {
        name: "explorer.css",
        media_type: "text/css; charset=utf-8",
        bytes: include_bytes!("../assets/explorer.css"),
    },
    Asset {
        name: "graph.js",
        media_type: "text/javascript; charset=utf-8",
        bytes: include_bytes!("../assets/graph.js"),
    },
    Asset {
        name: "cytoscape.min.js",
        media_type: "text/javascript; charset=utf-8",
        bytes: include_bytes!("../assets/cytoscape.min.js"),
    },
    Asset {
        name: "cytoscape.LICENSE",
        media_type: "text/plain; charset=utf-8",
        bytes: include_bytes!("../assets/cytoscape.LICENSE"),
    },
];

/// The asset called `name`.
pub fn asset(name: &str) -> Option<&'static Asset> {
    ASSETS.iter().find(|a| a.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assets_are_found_by_name() {
        assert_eq!(asset("graph.js").map(|a| a.media_type), Some("text/javascript; charset=utf-8"));
        assert!(asset("cytoscape.min.js").is_some_and(|a| a.bytes.len() > 100_000));
        assert_eq!(asset("../Cargo.toml"), None);
    }
}
