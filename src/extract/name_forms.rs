//! The forms of one leader's name in a document: a short form takes the key of the full form named
//! beside it or of the gazetteer leader it names, and every other occurrence of a form is a mention.

use super::lexicon::Lexicon;
use super::spans::Covered;
use super::{Key, Kind, Mention};
use aho_corasick::{AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::collections::BTreeMap;

/// The key that unites a name's forms: the last part of a transliterated name.
pub fn name_key(name: &str) -> String {
    name.rsplit('·').next().unwrap_or(name).to_owned()
}

/// A short name (辛格总理) takes the key of the known leader whose full form the document names
/// (曼莫汉·辛格): in one document the short form is that person.
pub(super) fn link_to_full_forms(found: &mut [Mention], existing: &[Mention]) {
    let known: Vec<(String, Key)> = existing
        .iter()
        .chain(found.iter())
        .filter(|m| m.kind == Kind::Leader && matches!(m.key, Key::Leader(_)) && m.surface.contains('·'))
        .map(|m| (name_key(&m.surface), m.key.clone()))
        .collect();
    for m in found.iter_mut() {
        if let Key::Name(name) = &m.key {
            if let Some((_, key)) = known.iter().find(|(short, _)| short == name) {
                m.key = key.clone();
            }
        }
    }
}

/// A pattern-found name that is a form of a gazetteer leader takes that leader's key.
pub(super) fn link_to_gazetteer(found: &mut [Mention], lexicon: &Lexicon) {
    for m in found.iter_mut() {
        let key = name_key(&m.surface);
        let hit = lexicon
            .gazetteer
            .leaders
            .iter()
            .position(|l| l.zh == key || l.zh == m.surface || l.names.contains(&m.surface));
        if let Some(i) = hit {
            m.key = Key::Leader(i);
        }
    }
}

/// Every other occurrence of a leader's name forms (the full form and its last part).
pub(super) fn propagate(text: &str, leaders: &[Mention]) -> Vec<Mention> {
    let mut forms: BTreeMap<String, Key> = BTreeMap::new();
    for m in leaders {
        forms.entry(m.surface.clone()).or_insert_with(|| m.key.clone());
        let short = name_key(&m.surface);
        if short.chars().count() >= 2 {
            forms.entry(short).or_insert_with(|| m.key.clone());
        }
    }
    if forms.is_empty() {
        return Vec::new();
    }
    let names: Vec<&String> = forms.keys().collect();
    let taken = Covered::new(leaders.iter().map(|m| (m.start, m.end)).collect());
    // Built per document for a few names: a contiguous NFA builds far faster than a DFA.
    let automaton = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(&names)
        .expect("names");
    automaton
        .find_iter(text)
        .filter(|hit| !taken.overlaps(hit.start(), hit.end()))
        .filter(|hit| !text[..hit.start()].ends_with('·') && !text[hit.end()..].starts_with('·'))
        .map(|hit| {
            Mention::new(
                text,
                Kind::Leader,
                hit.start(),
                hit.end(),
                forms[names[hit.pattern().as_usize()]].clone(),
            )
        })
        .collect()
}
