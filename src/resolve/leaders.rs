//! Which known leader a name stands for in its document: the candidates sharing the name, kept by
//! the country the text gives and the document's year.

use crate::extract::abbreviated::abbreviates;
use crate::extract::lexicon::Lexicon;
use crate::extract::name_forms::full_form_of;
use crate::extract::{Key, Mention};
use crate::model::Date;
use std::collections::BTreeMap;

/// The mentions with each gazetteer leader checked against its context. The leaders sharing the
/// name (布什, 约翰逊, 卡斯特罗) are the candidates; a country the text gives (洪都拉斯总统卡斯特罗)
/// keeps those of that country, and the document's year picks the one in office then (约翰逊 in
/// 2019 is Boris Johnson, not Lyndon B. Johnson), else the one nearest in time: documents recall
/// past leaders with their offices (1954年周恩来总理访问印度), so time chooses among namesakes but
/// never unlinks the only one. Where no candidate is of the stated country, the name is a new
/// person (of the country the text gives).
pub(super) fn leaders_in_context(
    mentions: &[Mention],
    lexicon: &Lexicon,
    date: Option<Date>,
) -> Vec<Mention> {
    let g = lexicon.gazetteer;
    // A surname and office (李总理) is chosen apart from the full names sharing its first
    // candidate's key (李鹏 and the 李总理 of 2019 are two people).
    let abbreviation = |m: &Mention| match m.key {
        Key::Leader(i) if abbreviates(&m.surface, &g.leaders[i]) => Some(m.surface.clone()),
        _ => None,
    };
    let mut choice: BTreeMap<(usize, Option<String>), Option<usize>> = BTreeMap::new();
    for m in mentions {
        let Key::Leader(i) = m.key else { continue };
        let group = (i, abbreviation(m));
        if choice.contains_key(&group) {
            continue;
        }
        let same: Vec<&Mention> =
            mentions.iter().filter(|x| x.key == m.key && abbreviation(x) == group.1).collect();
        let country = same.iter().find_map(|x| x.country).map(|c| g.countries[c].id.as_str());
        let exact =
            same.iter().any(|x| g.leaders.iter().any(|l| l.zh == x.surface || l.names.contains(&x.surface)));
        let named = |j: usize| {
            let l = &g.leaders[j];
            match &group.1 {
                Some(surface) => abbreviates(surface, l),
                None if exact => {
                    l.zh == g.leaders[i].zh
                        || same.iter().any(|x| l.zh == x.surface || l.names.contains(&x.surface))
                }
                // Written otherwise than any known form (费迪南德·罗穆亚尔德斯·马科斯): every leader it
                // may be a form of (the father 1965–1986 and the son from 2022).
                None => l.zh == g.leaders[i].zh || same.iter().any(|x| full_form_of(&x.surface, l)),
            }
        };
        let mut candidates: Vec<usize> = (0..g.leaders.len()).filter(|&j| named(j)).collect();
        // The gazetteer's own choice first, so it wins among equals.
        candidates.sort_by_key(|&j| j != i);
        if let Some(c) = country {
            candidates.retain(|&j| g.leaders[j].country.as_deref() == Some(c));
        }
        // 李显龙总理…李总理: a surname and office names a leader in office that the document names in
        // full, if one does (the one named first), before any other holder of the office.
        if group.1.is_some() {
            let first_in_full = |j: usize| {
                let l = &g.leaders[j];
                if date.is_some_and(|d| !l.in_office(d.year, 1)) {
                    return None;
                }
                mentions
                    .iter()
                    .filter(|x| abbreviation(x).is_none())
                    .position(|x| l.zh == x.surface || l.names.contains(&x.surface))
            };
            if let Some(j) = candidates.iter().copied().filter_map(|j| Some((first_in_full(j)?, j))).min() {
                candidates = vec![j.1];
            }
        }
        let chosen = match date.map(|d| d.year) {
            Some(year) => match candidates.iter().find(|&&j| g.leaders[j].in_office(year, 1)) {
                Some(&j) => Some(j),
                None => candidates.iter().copied().min_by_key(|&j| years_apart(&g.leaders[j], year)),
            },
            None => candidates.first().copied(),
        };
        choice.insert(group, chosen);
    }
    mentions
        .iter()
        .map(|m| {
            let mut m = m.clone();
            if let Key::Leader(i) = m.key {
                m.key = match choice.get(&(i, abbreviation(&m))).copied().flatten() {
                    Some(j) => Key::Leader(j),
                    None => Key::Name(crate::extract::name_forms::name_key(&m.surface)),
                };
            }
            m
        })
        .collect()
}

/// The first year by which every known leader the mentions name had come to office (a namesake,
/// 约翰逊, by the earliest of its bearers): a document is not older than the leaders it names. A
/// surname with an office (李总理) is not a name and does not count.
pub(super) fn earliest_year(mentions: &[Mention], lexicon: &Lexicon) -> Option<i32> {
    let g = lexicon.gazetteer;
    // A namesake without a known start leaves the name's start unknown (`None` is the least).
    let start_of_name = |m: &Mention, i: usize| -> Option<i32> {
        if abbreviates(&m.surface, &g.leaders[i]) {
            return None;
        }
        let bearers = g.leaders.iter().enumerate();
        bearers
            .filter(|&(j, l)| j == i || l.zh == m.surface || l.names.contains(&m.surface))
            .map(|(_, l)| l.from)
            .min()
            .flatten()
    };
    mentions
        .iter()
        .filter_map(|m| match m.key {
            Key::Leader(i) => start_of_name(m, i),
            _ => None,
        })
        .max()
}

/// How many years lie between `year` and the leader's time in office.
fn years_apart(l: &crate::reference::Leader, year: i32) -> i32 {
    match (l.from, l.to) {
        (Some(from), _) if year < from => from - year,
        (_, Some(to)) if year > to => year - to,
        _ => 0,
    }
}
