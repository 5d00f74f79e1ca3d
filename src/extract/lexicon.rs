//! The reference data compiled for the stages: every gazetteer name in one aho-corasick automaton
//! (leftmost-longest), the word lists, and the matchers built from them, built once.
//!
//! [`Lexicon::new`] builds it; [`Lexicon::get`] is the one over the embedded data, for the pipeline's
//! entry and for tests; stages take it from their caller. [`Lexicon::find`] yields every known name.

use super::compiled::{NamedMatchers, Offices};
use crate::reference::{Gazetteer, Words};
pub use crate::reference::{KnownInitiative, KnownTreaty};
use crate::text::CharSet;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::LazyLock;

/// What a known name refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Country(usize),
    Organization(usize),
    Leader(usize),
    Treaty(usize),
    Initiative(usize),
    /// A place or word that contains a country name but is not one (努尔苏丹, 印度洋).
    Blocked,
    /// A city, province, sea or region (places.tsv): not an entity kind, but it keeps the names
    /// inside it from being read as countries and it can start a project's name (阿克套港).
    Place,
}

/// The automaton over every gazetteer name, plus the lists it points into.
pub struct Lexicon {
    pub gazetteer: &'static Gazetteer,
    pub words: &'static Words,
    pub treaties: Vec<KnownTreaty>,
    pub initiatives: Vec<KnownInitiative>,
    automaton: AhoCorasick,
    entries: Vec<Entry>,
    /// Every one-character country form (中, 俄, 蒙 …).
    pub abbrev_chars: CharSet,
    /// The blocklist alone, to find blocked words even inside longer names (巴黎 in 巴黎协定).
    blocked: AhoCorasick,
    /// Office titles as patterns and automata (leaders).
    pub(crate) offices: Offices,
    /// Matchers over the word lists of named bodies, projects and initiatives.
    pub(crate) named: NamedMatchers,
}

/// A known name found in a text (byte span).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub entry: Entry,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(Gazetteer::embedded(), Words::embedded()));

impl Lexicon {
    /// The shared lexicon over the embedded reference data. Only the pipeline's entry (and tests,
    /// benches, examples) call this; stages take the lexicon from their caller.
    pub fn get() -> &'static Lexicon {
        &LEXICON
    }

    /// The lexicon over `gazetteer` and `words`.
    pub fn new(gazetteer: &'static Gazetteer, words: &'static Words) -> Self {
        let mut names: Vec<(String, Entry)> = Vec::new();
        // A name as written and as the text normalizer writes it (大阪 is found as 大坂 in normalized
        // text, as traditional→simplified conversion writes 阪).
        let mut add = |name: &str, entry: Entry| {
            let name = name.trim();
            if name.chars().count() >= 2 {
                let normalized = crate::text::normalize::NormText::new(name).as_str().to_owned();
                if normalized != name {
                    names.push((normalized, entry));
                }
                names.push((name.to_owned(), entry));
            }
        };
        for (i, c) in gazetteer.countries.iter().enumerate() {
            add(&c.zh, Entry::Country(i));
            c.names.iter().for_each(|n| add(n, Entry::Country(i)));
        }
        // A country's government (俄罗斯联邦政府) stands for the country, not for a body of it.
        for (i, o) in gazetteer.organizations.iter().enumerate() {
            std::iter::once(&o.zh)
                .chain(&o.names)
                .filter(|n| !n.ends_with("政府"))
                .for_each(|n| add(n, Entry::Organization(i)));
        }
        for (i, l) in gazetteer.leaders.iter().enumerate() {
            add(&l.zh, Entry::Leader(i));
            l.names.iter().for_each(|n| add(n, Entry::Leader(i)));
        }
        // The record, and every name that points at it.
        for (i, t) in gazetteer.treaties.iter().enumerate() {
            add(&t.zh, Entry::Treaty(i));
            t.names.iter().for_each(|n| add(n, Entry::Treaty(i)));
        }
        for (i, t) in gazetteer.initiatives.iter().enumerate() {
            add(&t.zh, Entry::Initiative(i));
            t.names.iter().for_each(|n| add(n, Entry::Initiative(i)));
        }
        // A place named after its country (俄罗斯远东) must not hide the country's name.
        let country_names: Vec<&str> = gazetteer
            .countries
            .iter()
            .flat_map(|c| std::iter::once(c.zh.as_str()).chain(c.names.iter().map(String::as_str)))
            .collect();
        for place in &gazetteer.places {
            let names = std::iter::once(&place.zh).chain(&place.names);
            for name in names.filter(|n| !country_names.iter().any(|c| n.starts_with(c))) {
                add(name, Entry::Place);
            }
        }
        let blocked_words = &gazetteer.blocklist;
        for word in blocked_words {
            add(word, Entry::Blocked);
        }
        // 中日共同声明, 中美共同: a party's short form (日共, 美共) before 同 is the word 共同.
        let parties = gazetteer.organizations.iter().flat_map(|o| std::iter::once(&o.zh).chain(&o.names));
        for short in parties.filter(|n| n.chars().count() == 2 && n.ends_with('共')) {
            add(&format!("{short}同"), Entry::Blocked);
        }
        // The first entry of a duplicated name wins, so the order above is the priority.
        let mut seen = std::collections::HashSet::new();
        names.retain(|(n, _)| seen.insert(n.clone()));
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(names.iter().map(|(n, _)| n.as_str()))
            .expect("gazetteer automaton");
        let entries = names.into_iter().map(|(_, e)| e).collect();
        let abbrev_chars = gazetteer.countries.iter().flat_map(|c| c.abbrev.iter().copied()).collect();
        let blocked = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(blocked_words)
            .expect("blocklist automaton");
        Self {
            gazetteer,
            words,
            treaties: gazetteer.treaties.clone(),
            initiatives: gazetteer.initiatives.clone(),
            automaton,
            entries,
            abbrev_chars,
            blocked,
            offices: Offices::new(&gazetteer.offices),
            named: NamedMatchers::new(words),
        }
    }

    /// Every known name in `text`, leftmost-longest, non-overlapping.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        self.automaton
            .find_iter(text)
            .map(|m| Hit { start: m.start(), end: m.end(), entry: self.entries[m.pattern().as_usize()] })
            .collect()
    }

    /// Byte spans of blocklisted words in `text`.
    pub fn blocked_spans(&self, text: &str) -> Vec<(usize, usize)> {
        self.blocked.find_iter(text).map(|m| (m.start(), m.end())).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::NormText;

    #[test]
    fn names_are_found_as_the_normalizer_writes_them() {
        // Traditional→simplified conversion writes 大阪 as 大坂 and 王丙乾 as 王丙干.
        for name in ["大阪", "王丙乾"] {
            let text = NormText::new(&format!("他在{name}说")).as_str().to_owned();
            let hits = Lexicon::get().find(&text);
            assert!(hits.iter().any(|h| h.end - h.start == name.len()), "{name} in {text}: {hits:?}");
        }
    }
}
