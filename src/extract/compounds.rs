//! One-character country forms: compounds (中俄, 中蒙俄, 哈中, 中吉乌铁路) and `X方` forms (俄方, 中方).
//!
//! A run of one-character forms counts when it includes 中 or is followed by a word that compounds
//! take (关系, 两国, 建交 …); `X方` counts unless it is an ordinary word (西方, 南方, 比方). Which country
//! an ambiguous character (乌, 巴, 土) means is decided later, from the document's context.

use super::lexicon::{Entry, Hit, Lexicon};
use super::{Key, Kind, Mention};
use std::collections::BTreeSet;

/// True when `rest` (after a run of one-character forms) makes the run names of languages: 中俄文本,
/// 中英文写成, 中俄语 — but not 中俄文化, 中法文明 (a word that starts with 文).
fn languages_after(rest: &str) -> bool {
    let mut chars = rest.chars();
    match (chars.next(), chars.next()) {
        (Some('文'), next) => next.is_none_or(|c| "本字写版和、及,。两三".contains(c) || !is_word_char(c)),
        (Some('语'), next) => next.is_none_or(|c| "言种写版和、及,。两三".contains(c) || !is_word_char(c)),
        _ => false,
    }
}

fn is_word_char(c: char) -> bool {
    crate::text::normalize::is_cjk(c)
}

/// Country mentions made of one-character forms, outside the spans of gazetteer `hits`.
///
/// A character counts when its country is named in full in `text` (中 always: the documents are
/// Chinese), or when the compound is followed by a word compounds take; an `X方` form counts when X
/// counts in that sense or appears in an accepted compound.
pub fn find(text: &str, hits: &[Hit], lexicon: &Lexicon) -> Vec<Mention> {
    // A known two-character name made of two forms (奥利) does not hide a compound (奥利关系 of
    // Austria and Liberia): the leaders' stage keeps it only where it stands as a name.
    let forms_only = |h: &&Hit| {
        let name = &text[h.start..h.end];
        matches!(h.entry, Entry::Leader(_))
            && name.chars().count() == 2
            && name.chars().all(|c| lexicon.abbrev_chars.contains(c))
    };
    let names = hits
        .iter()
        .filter(|h| !matches!(h.entry, Entry::Treaty(_) | Entry::Initiative(_)))
        .filter(|h| !forms_only(h));
    let mut spans: Vec<(usize, usize)> = names.map(|h| (h.start, h.end)).collect();
    spans.extend(lexicon.blocked_spans(text));
    let spans = super::spans::Covered::new(spans);
    let covered = |byte: usize| spans.contains(byte);
    let mut named: BTreeSet<char> = BTreeSet::from(['中']);
    for h in hits {
        if let Entry::Country(i) = h.entry {
            named.extend(lexicon.gazetteer.countries[i].abbrev.iter().copied());
        }
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte = |k: usize| chars.get(k).map_or(text.len(), |c| c.0);
    let is_form = |i: usize| lexicon.abbrev_chars.contains(chars[i].1) && !covered(chars[i].0);
    let mut compounds: Vec<Mention> = Vec::new();
    let mut sides: Vec<(usize, char)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_form(i) {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < chars.len() && is_form(end) {
            end += 1;
        }
        let mut start = i;
        if chars[start].1 == '中'
            && start > 0
            && lexicon.words.chars.before_zhong.contains(chars[start - 1].1)
        {
            start += 1;
        }
        let mut run_end = end;
        if end < chars.len() && chars[end].1 == '方' && start < end {
            let before = &text[byte(start.saturating_sub(1).min(end - 1))..byte(end + 1)];
            if !lexicon.words.not_sides.iter().any(|w| before.ends_with(w)) {
                sides.push((end - 1, chars[end - 1].1));
                run_end = end - 1;
            }
        }
        // 建立中乌: leading forms whose country the document does not name belong to the word before.
        while start + 2 < run_end && chars[start].1 != '中' && !named.contains(&chars[start].1) {
            start += 1;
        }
        let relation_after =
            |k: usize| lexicon.words.relation_context.iter().any(|w| text[byte(k)..].starts_with(w));
        // 中俄新时代, 中塔科技: trailing forms whose country the document does not name begin the next word,
        // unless the whole run is followed by a relation word (中蒙俄经济走廊).
        if !relation_after(run_end) {
            while run_end > start + 2 && !named.contains(&chars[run_end - 1].1) {
                run_end -= 1;
            }
        }
        // 尼泊尔总理奥利会谈: forms right after an office title are a name, not countries.
        let after_office = {
            let at = byte(start);
            let window = text[..at].char_indices().rev().nth(7).map_or(0, |(w, _)| w);
            lexicon.offices.automaton.find_iter(&text[window..at]).any(|m| window + m.end() == at)
        };
        let has_zhong_at = |k: usize| chars[k..run_end].iter().any(|(_, c)| *c == '中');
        if run_end >= start + 2 && (!after_office || has_zhong_at(start)) {
            let run = &chars[start..run_end];
            let all_named = run.iter().all(|(_, c)| named.contains(c));
            let has_zhong = run.iter().any(|(_, c)| *c == '中');
            let accepted =
                ((all_named && has_zhong) || relation_after(run_end) || (has_zhong && run.len() >= 3))
                    && !languages_after(&text[byte(run_end)..]);
            if accepted {
                for (k, &(_, c)) in chars.iter().enumerate().take(run_end).skip(start) {
                    compounds.push(Mention::new(text, Kind::Country, byte(k), byte(k + 1), Key::Abbrev(c)));
                }
            }
        }
        i = end.max(i + 1);
    }
    let in_compounds: BTreeSet<char> = compounds.iter().filter_map(|m| m.surface.chars().next()).collect();
    for (k, c) in sides {
        if named.contains(&c) || in_compounds.contains(&c) {
            let mut m = Mention::new(text, Kind::Country, byte(k), byte(k + 2), Key::Abbrev(c));
            m.surface = text[byte(k)..byte(k + 2)].to_owned();
            compounds.push(m);
        }
    }
    // 访华, 来华, 对华: 华 after a verb of movement or relation stands for China; 在华府, 抵华盛顿
    // are in Washington.
    for (k, w) in text.char_indices().filter(|(_, c)| *c == '华') {
        let before = text[..k].chars().next_back();
        let washington = text[k + w.len_utf8()..].starts_with(['府', '盛']);
        if before.is_some_and(|b| "访来赴在对输驻离抵旅".contains(b)) && !covered(k) && !washington
        {
            let mut m = Mention::new(text, Kind::Country, k, k + w.len_utf8(), Key::Abbrev('中'));
            m.surface = "华".to_owned();
            compounds.push(m);
        }
    }
    compounds.sort_by_key(|m| m.start);
    compounds
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(text: &str) -> Vec<String> {
        let lexicon = Lexicon::get();
        let hits = lexicon.find(text);
        find(text, &hits, lexicon).into_iter().map(|m| m.surface).collect()
    }

    #[test]
    fn compounds_and_sides() {
        let cases: &[(&str, &[&str])] = &[
            ("中蒙俄经济走廊", &["中", "蒙", "俄"]),
            ("哈萨克斯坦。哈中关系", &["哈", "中"]),
            ("建立中乌外长", &["中", "乌"]),
            ("俄罗斯。中俄新时代", &["中", "俄"]),
            ("建立以联合国为核心", &[]),
            ("俄罗斯,俄方支持中方立场", &["俄方", "中方"]),
            ("俄方支持中方立场", &["中方"]),
            ("美苏关系", &["美", "苏"]),
            ("中亚国家", &[]),
            ("保持中立", &[]),
            ("条约方面", &[]),
            ("俄罗斯,其中俄方表示", &["俄方"]),
            ("西方国家和各方", &[]),
            ("集中力量", &[]),
            ("中华人民共和国", &[]),
            ("习近平访华。尹锡悦在华府会谈", &["华"]),
            // Languages are not countries; a word starting with 文 is no language.
            ("俄罗斯联邦。中俄文本具有同等效力", &[]),
            ("俄罗斯联邦。用中俄文写成", &[]),
            ("俄罗斯联邦。中俄文化交流", &["中", "俄"]),
            // Forms right after an office are a name (奥利), not a compound.
            ("尼泊尔总理奥利会谈", &[]),
            ("奥地利和利比里亚。奥利关系", &["奥", "利"]),
        ];
        for (text, expected) in cases {
            assert_eq!(forms(text), expected.iter().map(|s| s.to_string()).collect::<Vec<_>>(), "{text}");
        }
    }
}
