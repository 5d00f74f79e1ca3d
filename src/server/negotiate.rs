//! Content negotiation: which results and graph formats an `Accept` header allows ([`negotiate`]).

use crate::query::ResultFormat;
use oxigraph::io::RdfFormat;

/// The formats an `Accept` header allows: the first listed supported type of each kind wins (`q`
/// values only matter as `q=0`, which excludes); wildcards take the default of their range. `None`
/// for a kind means nothing listed can express it (406 for that kind of answer). An empty or absent
/// header allows the defaults, JSON results and Turtle graphs.
pub fn negotiate(accept: &str) -> (Option<ResultFormat>, Option<RdfFormat>) {
    if accept.trim().is_empty() {
        return (Some(ResultFormat::Json), Some(RdfFormat::Turtle));
    }
    let mut results = None;
    let mut graph = None;
    for range in accept.split(',') {
        let mut parts = range.split(';');
        let media = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let refused = parts.any(|p| {
            p.split_once('=').is_some_and(|(k, v)| {
                k.trim().eq_ignore_ascii_case("q") && v.trim().parse::<f32>().is_ok_and(|q| q <= 0.0)
            })
        });
        if refused {
            continue;
        }
        let (r, g) = match media.as_str() {
            "application/sparql-results+json" | "application/json" => (Some(ResultFormat::Json), None),
            "application/sparql-results+xml" | "application/xml" => (Some(ResultFormat::Xml), None),
            "text/csv" => (Some(ResultFormat::Csv), None),
            "text/tab-separated-values" => (Some(ResultFormat::Tsv), None),
            "text/turtle" => (None, Some(RdfFormat::Turtle)),
            "application/n-triples" => (None, Some(RdfFormat::NTriples)),
            "application/rdf+xml" => (None, Some(RdfFormat::RdfXml)),
            "application/n-quads" => (None, Some(RdfFormat::NQuads)),
            "application/trig" => (None, Some(RdfFormat::TriG)),
            "*/*" => (Some(ResultFormat::Json), Some(RdfFormat::Turtle)),
            "application/*" => (Some(ResultFormat::Json), Some(RdfFormat::NTriples)),
            "text/*" => (Some(ResultFormat::Csv), Some(RdfFormat::Turtle)),
            _ => (None, None),
        };
        results = results.or(r);
        graph = graph.or(g);
    }
    (results, graph)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiates_formats() {
        let table: [(&str, Option<ResultFormat>, Option<RdfFormat>); 9] = [
            ("", Some(ResultFormat::Json), Some(RdfFormat::Turtle)),
            ("text/csv", Some(ResultFormat::Csv), None),
            (
                "application/n-triples, application/sparql-results+xml;q=0.9",
                Some(ResultFormat::Xml),
                Some(RdfFormat::NTriples),
            ),
            ("text/html,*/*", Some(ResultFormat::Json), Some(RdfFormat::Turtle)),
            ("image/png", None, None),
            ("text/csv;q=0, image/png", None, None),
            ("text/*", Some(ResultFormat::Csv), Some(RdfFormat::Turtle)),
            ("application/*", Some(ResultFormat::Json), Some(RdfFormat::NTriples)),
            ("text/turtle, text/tab-separated-values", Some(ResultFormat::Tsv), Some(RdfFormat::Turtle)),
        ];
        for (accept, results, graph) in table {
            assert_eq!(negotiate(accept), (results, graph), "{accept}");
        }
    }
}
