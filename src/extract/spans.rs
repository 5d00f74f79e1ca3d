//! A set of byte spans that answers "is this byte inside one?" by binary search, for recognizers
//! that check many positions of a long document against many spans, and the windows of a text
//! around some hits, for patterns that can only match near a keyword.

/// The union of some byte spans, kept as sorted disjoint spans.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Covered {
    spans: Vec<(usize, usize)>,
}

impl Covered {
    /// The union of `spans` (start, end), ends exclusive; empty spans cover nothing.
    pub fn new(mut spans: Vec<(usize, usize)>) -> Self {
        spans.retain(|&(s, e)| s < e);
        spans.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
        for (s, e) in spans {
            match merged.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        Covered { spans: merged }
    }

    /// The parts of `text` from `before` bytes before each hit to `after` bytes after it (widened
    /// to character boundaries, clipped to the text), merged where they overlap.
    ///
    /// A pattern whose every match overlaps a hit and reaches at most `before` bytes before the
    /// hit's start and `after` bytes after its end matches, searched window by window, exactly
    /// what it matches in the whole text: each match lies wholly inside one window.
    pub fn around(
        text: &str,
        hits: impl IntoIterator<Item = (usize, usize)>,
        before: usize,
        after: usize,
    ) -> Self {
        let windows = hits
            .into_iter()
            .map(|(start, end)| {
                let mut from = start.saturating_sub(before);
                while !text.is_char_boundary(from) {
                    from -= 1;
                }
                let mut to = end.saturating_add(after).min(text.len());
                while !text.is_char_boundary(to) {
                    to += 1;
                }
                (from, to)
            })
            .collect();
        Self::new(windows)
    }

    /// The spans, sorted and disjoint.
    pub fn spans(&self) -> &[(usize, usize)] {
        &self.spans
    }

    /// True when some span holds `byte` (start ≤ byte < end).
    pub fn contains(&self, byte: usize) -> bool {
        let after = self.spans.partition_point(|&(s, _)| s <= byte);
        after > 0 && byte < self.spans[after - 1].1
    }

    /// True when some span overlaps `start..end`.
    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        let first = self.spans.partition_point(|&(_, e)| e <= start);
        first < self.spans.len() && self.spans[first].0 < end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_as_a_scan_of_the_spans_would() {
        let spans = vec![(5, 9), (0, 2), (7, 12), (20, 20), (12, 14), (30, 31)];
        let covered = Covered::new(spans.clone());
        for byte in 0..40 {
            let scan = spans.iter().any(|&(s, e)| s <= byte && byte < e);
            assert_eq!(covered.contains(byte), scan, "byte {byte}");
        }
        for start in 0..40 {
            for end in start + 1..42 {
                let scan = spans.iter().any(|&(s, e)| s < e && s < end && start < e);
                assert_eq!(covered.overlaps(start, end), scan, "{start}..{end}");
            }
        }
        assert!(!Covered::default().contains(0) && !Covered::default().overlaps(0, 9));
    }

    #[test]
    fn windows_around_hits_keep_to_characters_and_the_text() {
        let text = "一二三四五六七八九十";
        let windows = Covered::around(text, [(0, 3), (6, 9), (24, 27)], 4, 1);
        assert_eq!(windows.spans(), [(0, 12), (18, 30)]);
        assert!(windows.spans().iter().all(|&(s, e)| text.is_char_boundary(s) && text.is_char_boundary(e)));
        assert!(Covered::around(text, [], 4, 4).spans().is_empty());
    }
}
