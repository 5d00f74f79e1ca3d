//! Loading a store file for one query: only the statements it can match, picked from the N-Quads
//! lines before they are parsed.
//!
//! The entry point is [`load_filtered`]. It gives the same default graph as
//! [`super::GraphStore::open_for_query`] (the merge of the document graphs, the analysis scores,
//! the gazetteer's description of mentioned entities) and the named graphs when asked, each
//! restricted to the statements `wants` keeps. A line it cannot take apart makes it give up
//! (`None`), and the caller loads the whole file.

use crate::vocab;
use std::collections::HashSet;

/// The terms of one N-Quads line, as slices of it.
struct Line<'a> {
    subject: &'a [u8],
    predicate: &'a [u8],
    object: &'a [u8],
    graph: Option<&'a [u8]>,
}

/// Which statements to keep: `wants(predicate IRI, object)` (the object as written: an IRI
/// without its brackets, or a literal with its quotes), and whether named graphs are read.
pub struct Selection<'f> {
    pub wants: &'f dyn Fn(&str, &str) -> bool,
    pub named_graphs: bool,
}

/// The N-Quads text to load for `selection` from a store file's `pieces` (the whole file, or the
/// graphs a build is about to save, each whole lines); `None` when a line is not plain N-Quads as
/// diplograph writes it.
pub fn load_filtered(pieces: &[&[u8]], selection: &Selection<'_>) -> Option<Vec<u8>> {
    let mut filter = Filter::new(selection);
    for piece in pieces {
        filter.feed(piece)?;
    }
    filter.finish()
}

/// [`load_filtered`] of what `reader` gives (a store file), read a block at a time: the file is
/// never held whole, only the statements kept.
pub fn load_filtered_from(
    reader: &mut impl std::io::Read,
    selection: &Selection<'_>,
) -> std::io::Result<Option<Vec<u8>>> {
    load_in_blocks(reader, selection, 4 << 20)
}

/// [`load_filtered_from`] reading `block` bytes at a time (more for a longer line).
fn load_in_blocks(
    reader: &mut impl std::io::Read,
    selection: &Selection<'_>,
    block: usize,
) -> std::io::Result<Option<Vec<u8>>> {
    let mut filter = Filter::new(selection);
    let mut buffer = vec![0u8; block];
    // The start of a line the previous block ended in.
    let mut carried = 0;
    loop {
        if carried == buffer.len() {
            buffer.resize(2 * buffer.len(), 0);
        }
        let n = match reader.read(&mut buffer[carried..]) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let filled = carried + n;
        if n == 0 {
            return Ok(filter.feed(&buffer[..filled]).and_then(|()| filter.finish()));
        }
        let whole = buffer[..filled].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        if filter.feed(&buffer[..whole]).is_none() {
            return Ok(None);
        }
        buffer.copy_within(whole..filled, 0);
        carried = filled - whole;
    }
}

/// The statements kept so far, and what is needed to keep the gazetteer's descriptions of the
/// entities that documents mention, which may come before the mentions.
struct Filter<'s, 'f> {
    selection: &'s Selection<'f>,
    gazetteer: String,
    mentions: String,
    out: Vec<u8>,
    mentioned: HashSet<Vec<u8>>,
    /// The gazetteer's statements, each line as written, kept until every mention is known.
    described: Vec<Vec<u8>>,
}

impl<'s, 'f> Filter<'s, 'f> {
    fn new(selection: &'s Selection<'f>) -> Self {
        Self {
            selection,
            gazetteer: format!("<{}>", vocab::gazetteer_graph()),
            mentions: format!("<{}>", crate::dg_term!("mentions")),
            out: Vec::new(),
            mentioned: HashSet::new(),
            described: Vec::new(),
        }
    }

    /// Takes whole lines; `None` when one is not plain N-Quads.
    fn feed(&mut self, lines: &[u8]) -> Option<()> {
        let selection = self.selection;
        for raw in lines.split(|&b| b == b'\n') {
            let trimmed = raw.trim_ascii();
            if trimmed.is_empty() || trimmed.starts_with(b"#") {
                continue;
            }
            let line = split(trimmed)?;
            let Some(graph) = line.graph else {
                if wanted(&line, selection)? {
                    push(&mut self.out, &line, None);
                }
                continue;
            };
            let merged = graph
                .strip_prefix(b"<")
                .and_then(|g| g.strip_suffix(b">"))
                .and_then(|g| std::str::from_utf8(g).ok())
                .is_some_and(vocab::is_merged_graph);
            if merged && line.predicate == self.mentions.as_bytes() && !self.mentioned.contains(line.object) {
                self.mentioned.insert(line.object.to_vec());
            }
            if graph == self.gazetteer.as_bytes() {
                if selection.named_graphs && wanted(&line, selection)? {
                    push(&mut self.out, &line, Some(graph));
                }
                self.described.push(trimmed.to_vec());
                continue;
            }
            if !wanted(&line, selection)? {
                continue;
            }
            if merged {
                push(&mut self.out, &line, None);
            }
            if selection.named_graphs {
                push(&mut self.out, &line, Some(graph));
            }
        }
        Some(())
    }

    /// What to load: the statements kept, and the descriptions of the mentioned entities.
    fn finish(mut self) -> Option<Vec<u8>> {
        for raw in &self.described {
            let line = split(raw)?;
            if self.mentioned.contains(line.subject) && wanted(&line, self.selection)? {
                push(&mut self.out, &line, None);
            }
        }
        Some(self.out)
    }
}

fn wanted(line: &Line<'_>, selection: &Selection<'_>) -> Option<bool> {
    let predicate = std::str::from_utf8(line.predicate.strip_prefix(b"<")?.strip_suffix(b">")?).ok()?;
    let object = line.object.strip_prefix(b"<").and_then(|o| o.strip_suffix(b">")).unwrap_or(line.object);
    Some((selection.wants)(predicate, std::str::from_utf8(object).ok()?))
}

fn push(out: &mut Vec<u8>, line: &Line<'_>, graph: Option<&[u8]>) {
    for term in [line.subject, line.predicate, line.object].into_iter().chain(graph) {
        out.extend_from_slice(term);
        out.push(b' ');
    }
    out.extend_from_slice(b".\n");
}

/// Takes a line apart: three or four terms and the closing dot.
fn split(line: &[u8]) -> Option<Line<'_>> {
    let body = line.strip_suffix(b".")?.trim_ascii_end();
    let (subject, rest) = term(body)?;
    let (predicate, rest) = term(rest)?;
    let (object, rest) = term(rest)?;
    let graph = if rest.is_empty() {
        None
    } else {
        let (graph, rest) = term(rest)?;
        if !rest.is_empty() {
            return None;
        }
        Some(graph)
    };
    predicate.starts_with(b"<").then_some(Line { subject, predicate, object, graph })
}

/// The first term of `text` (an IRI, a blank node or a literal with its tag or datatype) and what
/// follows it, spaces skipped.
fn term(text: &[u8]) -> Option<(&[u8], &[u8])> {
    let text = text.trim_ascii_start();
    let end = match text.first()? {
        b'<' => text.iter().position(|&b| b == b'>')? + 1,
        b'_' => text.iter().position(|b| b.is_ascii_whitespace()).unwrap_or(text.len()),
        b'"' => {
            let mut i = 1;
            loop {
                match text.get(i)? {
                    b'\\' => i += 2,
                    b'"' => break,
                    _ => i += 1,
                }
            }
            i += 1;
            match text.get(i) {
                Some(b'@') => {
                    i + text[i..].iter().position(|b| b.is_ascii_whitespace()).unwrap_or(text.len() - i)
                }
                Some(b'^') => i + 2 + text.get(i + 2..)?.iter().position(|&b| b == b'>')? + 1,
                _ => i,
            }
        }
        _ => return None,
    };
    Some((&text[..end], text[end..].trim_ascii_start()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = concat!(
        "<https://w3id.org/diplograph/id/doc/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/diplograph/ontology#Document> <https://w3id.org/diplograph/id/doc/a> .\n",
        "<https://w3id.org/diplograph/id/doc/a> <https://w3id.org/diplograph/ontology#title> \"中俄 \\\"联合\\\" 声明\"@zh <https://w3id.org/diplograph/id/doc/a> .\n",
        "<https://w3id.org/diplograph/id/doc/a> <https://w3id.org/diplograph/ontology#mentions> <https://w3id.org/diplograph/id/country/RU> <https://w3id.org/diplograph/id/doc/a> .\n",
        "<https://w3id.org/diplograph/id/doc/a/m/1-3-Country> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/diplograph/ontology#Mention> <https://w3id.org/diplograph/id/doc/a> .\n",
        "<https://w3id.org/diplograph/id/doc/a/m/1-3-Country> <https://w3id.org/diplograph/ontology#start> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> <https://w3id.org/diplograph/id/doc/a> .\n",
        "<https://w3id.org/diplograph/id/country/RU> <http://www.w3.org/2000/01/rdf-schema#label> \"俄罗斯\"@zh <https://w3id.org/diplograph/graph/gazetteer> .\n",
        "<https://w3id.org/diplograph/id/country/AR> <http://www.w3.org/2000/01/rdf-schema#label> \"阿根廷\"@zh <https://w3id.org/diplograph/graph/gazetteer> .\n",
    );

    fn lines(out: &[u8]) -> Vec<String> {
        let mut lines: Vec<String> =
            String::from_utf8(out.to_vec()).unwrap().lines().map(str::to_owned).collect();
        lines.sort();
        lines
    }

    #[test]
    fn keeps_the_wanted_statements_in_the_default_graph_and_the_mentioned_descriptions() {
        let wants = |p: &str, o: &str| {
            p.ends_with("#title")
                || p.ends_with("#label")
                || (p.ends_with("#type") && o.ends_with("#Document"))
        };
        let out =
            load_filtered(&[FILE.as_bytes()], &Selection { wants: &wants, named_graphs: false }).unwrap();
        assert_eq!(
            lines(&out),
            [
                "<https://w3id.org/diplograph/id/country/RU> <http://www.w3.org/2000/01/rdf-schema#label> \"俄罗斯\"@zh .",
                "<https://w3id.org/diplograph/id/doc/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/diplograph/ontology#Document> .",
                "<https://w3id.org/diplograph/id/doc/a> <https://w3id.org/diplograph/ontology#title> \"中俄 \\\"联合\\\" 声明\"@zh .",
            ]
        );
    }

    #[test]
    fn reading_a_block_at_a_time_keeps_what_reading_it_whole_keeps() {
        let all = |_: &str, _: &str| true;
        let some = |p: &str, _: &str| p.ends_with("#label") || p.ends_with("#title");
        for wants in [&all as &dyn Fn(&str, &str) -> bool, &some] {
            let selection = Selection { wants, named_graphs: true };
            let whole = load_filtered(&[FILE.as_bytes()], &selection).unwrap();
            // Blocks shorter than a line, and a last line without its line break.
            for (block, text) in
                [(16, FILE.to_owned()), (4 << 20, FILE.trim_end().to_owned()), (1, FILE.to_owned())]
            {
                let read = load_in_blocks(&mut text.as_bytes(), &selection, block).unwrap().unwrap();
                assert_eq!(lines(&read), lines(&whole), "block {block}");
            }
        }
        let odd = load_in_blocks(
            &mut &b"<a> <b> <c> .\n<a> \"p\" <c> .\n"[..],
            &Selection { wants: &all, named_graphs: true },
            8,
        );
        assert!(odd.unwrap().is_none(), "an odd line gives up");
    }

    #[test]
    fn named_graphs_keep_their_names_and_odd_lines_give_up() {
        let all = |_: &str, _: &str| true;
        let out = load_filtered(&[FILE.as_bytes()], &Selection { wants: &all, named_graphs: true }).unwrap();
        // Five document statements twice (named and merged), two gazetteer ones named, one described.
        assert_eq!(lines(&out).len(), 5 * 2 + 2 + 1);
        assert!(load_filtered(
            &[b"<a> <b> \"open literal .\n"],
            &Selection { wants: &all, named_graphs: true }
        )
        .is_none());
        assert!(
            load_filtered(&[b"<a> \"p\" <c> .\n"], &Selection { wants: &all, named_graphs: true }).is_none()
        );
    }
}
