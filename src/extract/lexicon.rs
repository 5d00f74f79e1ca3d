//! The gazetteer compiled into one aho-corasick automaton (leftmost-longest), built once.
//!
//! The entry point is [`Lexicon::get`]; [`Lexicon::find`] yields every known name in a text.

use crate::gazetteer::Gazetteer;
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

/// A well-known treaty cited without brackets (联合国宪章).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownTreaty {
    pub zh: String,
    pub en: String,
    pub wikidata: Option<String>,
}

/// A well-known initiative (一带一路) with its proposing country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownInitiative {
    pub zh: String,
    pub en: String,
    pub wikidata: Option<String>,
    pub proposer: Option<String>,
}

/// The automaton over every gazetteer name, plus the lists it points into.
pub struct Lexicon {
    pub gazetteer: &'static Gazetteer,
    pub treaties: Vec<KnownTreaty>,
    pub initiatives: Vec<KnownInitiative>,
    automaton: AhoCorasick,
    entries: Vec<Entry>,
    /// Every one-character country form (中, 俄, 蒙 …).
    pub abbrev_chars: CharSet,
    /// The blocklist alone, to find blocked words even inside longer names (巴黎 in 巴黎协定).
    blocked: AhoCorasick,
}

/// A known name found in a text (byte span).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub entry: Entry,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::build(Gazetteer::embedded()));

fn tsv(source: &str) -> impl Iterator<Item = Vec<&str>> {
    source
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

fn opt(s: Option<&&str>) -> Option<String> {
    s.map(|s| s.trim()).filter(|s| !s.is_empty()).map(str::to_owned)
}

impl Lexicon {
    /// The shared lexicon over the embedded gazetteer.
    pub fn get() -> &'static Lexicon {
        &LEXICON
    }

    fn build(gazetteer: &'static Gazetteer) -> Self {
        let mut names: Vec<(String, Entry)> = Vec::new();
        let mut add = |name: &str, entry: Entry| {
            let name = name.trim();
            if name.chars().count() >= 2 {
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
        // One pass over each file: the record, and every name that points at it.
        let mut treaties: Vec<KnownTreaty> = Vec::new();
        for (i, f) in tsv(include_str!("../../ontology/gazetteer/treaties.tsv")).enumerate() {
            add(f[0], Entry::Treaty(i));
            f.get(3).into_iter().flat_map(|n| n.split('|')).for_each(|n| add(n, Entry::Treaty(i)));
            treaties.push(KnownTreaty { zh: f[0].to_owned(), en: f[1].to_owned(), wikidata: opt(f.get(2)) });
        }
        let mut initiatives: Vec<KnownInitiative> = Vec::new();
        for (i, f) in tsv(include_str!("../../ontology/gazetteer/initiatives.tsv")).enumerate() {
            add(f[0], Entry::Initiative(i));
            f.get(3).into_iter().flat_map(|n| n.split('|')).for_each(|n| add(n, Entry::Initiative(i)));
            initiatives.push(KnownInitiative {
                zh: f[0].to_owned(),
                en: f[1].to_owned(),
                wikidata: opt(f.get(2)),
                proposer: opt(f.get(4)),
            });
        }
        // A place named after its country (俄罗斯远东) must not hide the country's name.
        let country_names: Vec<&str> = gazetteer
            .countries
            .iter()
            .flat_map(|c| std::iter::once(c.zh.as_str()).chain(c.names.iter().map(String::as_str)))
            .collect();
        for row in tsv(include_str!("../../ontology/gazetteer/places.tsv")) {
            let names = std::iter::once(row[0]).chain(row.get(4).into_iter().flat_map(|n| n.split('|')));
            for name in names.filter(|n| !country_names.iter().any(|c| n.starts_with(c))) {
                add(name, Entry::Place);
            }
        }
        let blocked_words: Vec<&str> =
            tsv(include_str!("../../ontology/gazetteer/blocklist.tsv")).map(|r| r[0]).collect();
        for word in &blocked_words {
            add(word, Entry::Blocked);
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
            .build(&blocked_words)
            .expect("blocklist automaton");
        Self { gazetteer, treaties, initiatives, automaton, entries, abbrev_chars, blocked }
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
