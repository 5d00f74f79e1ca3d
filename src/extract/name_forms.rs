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
/// (曼莫汉·辛格): in one document the short form is that person, and so is another full form of
/// the same given names (德·阿·梅德韦杰夫 beside 德米特里·梅德韦杰夫, see [`same_given_names`]).
/// 索尼娅·甘地 beside 拉吉夫·甘地 is another person.
pub(super) fn link_to_full_forms(found: &mut [Mention], existing: &[Mention]) {
    let known: Vec<(String, Key, String)> = existing
        .iter()
        .chain(found.iter())
        .filter(|m| m.kind == Kind::Leader && matches!(m.key, Key::Leader(_)) && m.surface.contains('·'))
        .map(|m| (name_key(&m.surface), m.key.clone(), m.surface.clone()))
        .collect();
    for m in found.iter_mut() {
        if let Key::Name(name) = &m.key {
            let same = |(short, _, full): &&(String, Key, String)| {
                short == name && (!m.surface.contains('·') || same_given_names(&m.surface, full))
            };
            // 国防大臣穆罕默德 beside 穆罕默德·本·萨勒曼: an Arab name's bearer is named by the first part.
            let first = |(_, _, full): &&(String, Key, String)| {
                !m.surface.contains('·') && patronymic(full) && full.split('·').next() == Some(name.as_str())
            };
            let key = known.iter().find(same).or_else(|| {
                let mut by_first = known.iter().filter(first);
                by_first.next().filter(|_| by_first.next().is_none())
            });
            if let Some((_, key, _)) = key {
                m.key = key.clone();
            }
        }
    }
}

/// True when a full form holds an Arab patronymic (穆罕默德·本·萨勒曼, 塔米姆·本·哈马德·阿勒萨尼).
fn patronymic(full: &str) -> bool {
    full.split('·').any(|p| matches!(p, "本" | "宾" | "伊本" | "本特" | "宾特"))
}

/// Full forms of unknown names that share a last part but not a given name (塔米姆·本·哈迈德·阿勒萨尼,
/// 阿卜杜拉·本·纳赛尔·本·哈利法·阿勒萨尼: the emir and the prime minister) are two people: each is keyed
/// by its full form, not by the last part they share.
pub(super) fn separate_namesakes(found: &mut [Mention]) {
    let full: Vec<(String, String)> = found
        .iter()
        .filter(|m| matches!(m.key, Key::Name(_)) && m.surface.contains('·'))
        .map(|m| (name_key(&m.surface), m.surface.clone()))
        .collect();
    for m in found.iter_mut() {
        if !matches!(m.key, Key::Name(_)) || !m.surface.contains('·') {
            continue;
        }
        let key = name_key(&m.surface);
        let other = |(k, f): &(String, String)| *k == key && !same_given_names(&m.surface, f);
        if full.iter().any(other) {
            m.key = Key::Name(m.surface.clone());
        }
    }
}

/// True when two full forms of names with the same last part may name one person: the first given
/// name of one is a given name of the other or its initial (德·阿·梅德韦杰夫, 德米特里·梅德韦杰夫;
/// 科林达·格拉巴尔 and 玛丽亚·科林达·格拉巴尔), or one is written with Latin initials.
fn same_given_names(a: &str, b: &str) -> bool {
    let given = |name: &str| -> Vec<String> {
        let parts: Vec<&str> = name.split('·').collect();
        parts[..parts.len().saturating_sub(1)].iter().map(|p| (*p).to_owned()).collect()
    };
    let (a, b) = (given(a), given(b));
    let latin = |parts: &[String]| parts.iter().any(|p| p.is_ascii());
    let starts = |x: &[String], y: &[String]| {
        x.first().is_some_and(|f| y.iter().any(|p| p.starts_with(f.as_str()) || f.starts_with(p.as_str())))
    };
    latin(&a) || latin(&b) || starts(&a, &b) || starts(&b, &a)
}

/// A pattern-found name that is a form of a gazetteer leader takes that leader's key: the leader
/// of that very form, else one of a full form with the same last part and given names (穆罕默德·萨勒曼
/// is 穆罕默德·本·萨勒曼, the crown prince), else the one known by the last part alone (萨勒曼, the king).
pub(super) fn link_to_gazetteer(found: &mut [Mention], lexicon: &Lexicon) {
    let leaders = &lexicon.gazetteer.leaders;
    for m in found.iter_mut() {
        let key = name_key(&m.surface);
        let hit = leaders
            .iter()
            .position(|l| l.zh == m.surface || l.names.contains(&m.surface))
            .or_else(|| leaders.iter().position(|l| full_form_of(&m.surface, l)))
            .or_else(|| leaders.iter().position(|l| l.zh == key));
        if let Some(i) = hit {
            m.key = Key::Leader(i);
        }
    }
}

/// True when `surface`, a full form (费迪南德·罗穆亚尔德斯·马科斯), may be another writing of a full form
/// of `leader` (费迪南德·罗慕尔德斯·马科斯): the same last part and given names.
pub fn full_form_of(surface: &str, leader: &crate::reference::Leader) -> bool {
    let key = name_key(surface);
    let mut forms = std::iter::once(&leader.zh).chain(&leader.names);
    surface.contains('·')
        && forms.any(|f| f.contains('·') && name_key(f) == key && same_given_names(surface, f))
}

/// Japanese family names of three characters (中曾根康弘, 二阶堂进): the rest of a four-character name
/// is the given name, not two characters of each.
const THREE_CHARACTER_SURNAMES: [&str; 12] = [
    "中曾根",
    "二阶堂",
    "长谷川",
    "佐佐木",
    "小野寺",
    "宇都宫",
    "大久保",
    "小笠原",
    "伊集院",
    "东久迩",
    "五十岚",
    "武者小",
];

/// True when `text` opens with a Japanese family name of three characters (小野寺五典): its name may
/// run to five characters.
pub(super) fn opens_with_three_character_surname(text: &str) -> bool {
    THREE_CHARACTER_SURNAMES.iter().any(|s| text.starts_with(s))
}

/// The family name of a Japanese name written in full (茂木敏充: 茂木; 二阶堂进: 二阶堂), which reports
/// name its bearer by alone after the first mention; none for a three-character name (石破茂, 菅义伟),
/// whose split the characters do not tell.
pub(super) fn japanese_surname(name: &str) -> Option<String> {
    let chars: Vec<char> = name.chars().collect();
    if !chars.iter().all(|&c| crate::text::normalize::is_cjk(c)) || !(4..=5).contains(&chars.len()) {
        return None;
    }
    let three: String = chars[..3].iter().collect();
    match chars.len() {
        _ if THREE_CHARACTER_SURNAMES.contains(&three.as_str()) => Some(three),
        4 => Some(chars[..2].iter().collect()),
        _ => None,
    }
}

/// Every other occurrence of a leader's name forms (the full form, its last part, and the family
/// name `surname` gives for it).
pub(super) fn propagate(
    text: &str,
    leaders: &[Mention],
    surname: &dyn Fn(&Mention) -> Option<String>,
) -> Vec<Mention> {
    let mut forms: BTreeMap<String, Key> = BTreeMap::new();
    for m in leaders {
        forms.entry(m.surface.clone()).or_insert_with(|| m.key.clone());
        let short = name_key(&m.surface);
        if short.chars().count() >= 2 {
            forms.entry(short).or_insert_with(|| m.key.clone());
        }
        if let Some(family) = surname(m) {
            forms.entry(family).or_insert_with(|| m.key.clone());
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

#[cfg(test)]
mod tests {
    use super::same_given_names;

    #[test]
    fn a_japanese_family_name_is_two_characters_of_four_or_a_known_three() {
        use super::japanese_surname;
        assert_eq!(japanese_surname("茂木敏充").as_deref(), Some("茂木"));
        assert_eq!(japanese_surname("二阶堂进").as_deref(), Some("二阶堂"));
        assert_eq!(japanese_surname("中曾根康弘").as_deref(), Some("中曾根"));
        assert_eq!(japanese_surname("石破茂"), None);
        assert_eq!(japanese_surname("约翰·史密斯"), None);
    }

    #[test]
    fn full_forms_of_one_person_share_a_given_name_or_its_initial() {
        assert!(same_given_names("德·阿·梅德韦杰夫", "德米特里·梅德韦杰夫"));
        assert!(same_given_names("科林达·格拉巴尔", "玛丽亚·科林达·格拉巴尔"));
        assert!(same_given_names("乔治·W·布什", "乔治·布什"));
        assert!(same_given_names("J·克里", "约翰·克里"));
        assert!(!same_given_names("索尼娅·甘地", "拉吉夫·甘地"));
        assert!(!same_given_names("希拉里·克林顿", "比尔·克林顿"));
    }

    #[test]
    fn a_full_form_links_to_the_leader_of_its_given_names_before_the_one_of_its_last_part() {
        use crate::extract::{extract, lexicon::Lexicon, Key, Kind};
        let lexicon = Lexicon::get();
        let id = |text: &str, surface: &str| {
            let found = extract(text, lexicon);
            let m = found.iter().find(|m| m.kind == Kind::Leader && m.surface == surface).cloned();
            match m.map(|m| m.key) {
                Some(Key::Leader(i)) => lexicon.gazetteer.leaders[i].id.clone(),
                other => format!("{other:?}"),
            }
        };
        let text = "沙特国王萨勒曼以及首相穆罕默德·萨勒曼一同接待了中国领导人。";
        assert_eq!(id(text, "穆罕默德·萨勒曼"), "mohammed-bin-salman");
        assert_eq!(id(text, "萨勒曼"), "salman-of-saudi-arabia");
    }
}
