//! Reference data compiled for searching, built once with the lexicon: the office titles as
//! patterns and automata, and the word lists of named bodies and projects as automata and sets.
//!
//! It imports only the reference data, so the lexicon can hold these and the recognizers can use
//! them without importing each other.

use crate::reference::{Office, Words};
use crate::text::CharSet;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::Regex;

/// Honorifics that stand after a name as an office does (努尔兰·叶尔麦克巴耶夫阁下, 约翰·史密斯先生).
pub(crate) const HONORIFICS: &str = "阁下|先生|女士";

/// The office titles of the gazetteer as a pattern, automata and the greeting pattern around them.
pub struct Offices {
    /// The titles as one pattern, longest first (the automata below find the same matches).
    #[cfg(test)]
    pub(crate) pattern: Regex,
    /// The same titles in an automaton with the pattern's leftmost-first preference (the same
    /// matches), for the searches that need no more than the titles.
    pub(crate) automaton: AhoCorasick,
    /// The same titles, only at the start of the text searched.
    pub(crate) at_start: Regex,
    /// Bytes of the longest title.
    pub(crate) longest: usize,
    /// A name in a greeting or after a preposition, then its office (尊敬的拉马福萨总统).
    pub(crate) greeting: Regex,
}

impl Offices {
    /// The matchers over the office titles `offices`.
    pub(crate) fn new(offices: &[Office]) -> Self {
        // (escaped for the pattern, as written), longest first.
        let mut titles: Vec<(String, String)> = offices
            .iter()
            .filter(|o| !o.zh.is_empty())
            .map(|o| (regex::escape(&o.zh), o.zh.clone()))
            .collect();
        titles.sort_by(|a, b| b.0.chars().count().cmp(&a.0.chars().count()).then(a.0.cmp(&b.0)));
        titles.dedup();
        if titles.is_empty() {
            titles = ["国家主席", "总统", "总理"].map(|t| (t.to_owned(), t.to_owned())).into();
        }
        let alternation = titles.iter().map(|(escaped, _)| escaped.as_str()).collect::<Vec<_>>().join("|");
        let pattern = Regex::new(&format!("(?:{alternation})")).expect("office pattern");
        let greeting = Regex::new(&format!(
            r"(?:尊敬的|同|与|和|会见|会晤|陪同|邀请|感谢|祝贺|致电|致信|及)(?:了)?[“「]?(?P<name>[\p{{Han}}·A-Z]{{2,16}}?)[”」]?(?P<office>{}|{HONORIFICS})",
            pattern.as_str()
        ))
        .expect("greeting pattern");
        Offices {
            #[cfg(test)]
            pattern,
            // A few hundred short titles: a DFA builds in a millisecond and searches fastest.
            automaton: AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostFirst)
                .kind(Some(AhoCorasickKind::DFA))
                .build(titles.iter().map(|(_, title)| title))
                .expect("office automaton"),
            at_start: Regex::new(&format!("^(?:{alternation})")).expect("office pattern"),
            longest: alternation.split('|').map(str::len).max().unwrap_or(0),
            greeting,
        }
    }
}

/// The word lists of named bodies, projects and initiatives compiled for searching.
pub struct NamedMatchers {
    /// The last characters of the body endings and of the left stop words: a word can end at a
    /// character only if it is one of them, which spares comparing every word at every character.
    pub(crate) org_suffix_ends: CharSet,
    pub(crate) left_stop_ends: CharSet,
    /// The international prefixes, the regions and the project endings, in list order.
    pub(crate) international: AhoCorasick,
    pub(crate) regions: AhoCorasick,
    pub(crate) project_suffixes: AhoCorasick,
}

impl NamedMatchers {
    /// The matchers over `words`.
    pub(crate) fn new(words: &Words) -> Self {
        NamedMatchers {
            org_suffix_ends: last_chars(&words.org_suffixes),
            left_stop_ends: last_chars(&words.name_left_stops),
            international: AhoCorasick::new(&words.international_prefixes).expect("international prefixes"),
            regions: AhoCorasick::new(&words.undertaking_regions).expect("regions"),
            project_suffixes: AhoCorasick::new(&words.project_suffixes).expect("project suffixes"),
        }
    }
}

fn last_chars(words: &[&str]) -> CharSet {
    words.iter().filter_map(|w| w.chars().next_back()).collect()
}
