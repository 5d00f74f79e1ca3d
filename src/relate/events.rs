//! Events: summits, forums, expos and conferences (第二十三届圣彼得堡国际经济论坛, 上海合作组织成员国元首
//! 理事会第十九次会议, 第二届中国国际进口博览会) with their host city and date when the sentence gives them.

use super::Sentences;
use crate::extract::lexicon::{Entry, Lexicon};
use crate::extract::spans::Covered;
use crate::model::{Fact, FactDetail, FactKind, Kind, Role};
use crate::reference::Words;
use crate::text::find_dates;
use aho_corasick::AhoCorasick;
use regex::Regex;
use std::sync::LazyLock;

/// The event pattern and the automata over the event word lists, built once with the lexicon.
pub(super) struct Matchers {
    /// An event's name, ending in one of the ending words (tried in list order).
    event: Regex,
    /// Where the ending words stand: the event pattern is searched only around them.
    endings: AhoCorasick,
    /// The words that end an event's name on its left, found in one pass (every occurrence,
    /// overlapping ones included).
    left_words: AhoCorasick,
}

impl Matchers {
    /// The matchers over `words`.
    pub(super) fn new(words: &Words) -> Self {
        let event = Regex::new(&format!(
            r"(?P<name>[\p{{Han}}“”·\-—0-9]{{2,30}}?(?:第[一二三四五六七八九十百0-9]{{1,4}}(?:届|次))?[\p{{Han}}“”·\-—]{{0,12}}?(?:{}))",
            words.event_endings.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|")
        ))
        .expect("event");
        Matchers {
            event,
            endings: AhoCorasick::new(&words.event_endings).expect("endings"),
            left_words: AhoCorasick::new(&words.event_left_words).expect("left words"),
        }
    }
}

/// Bytes an event name reaches before its ending word (48 characters of up to 4 bytes), and how
/// far an ending word reaches past one found inside or beside it.
const EVENT_REACH: usize = 48 * 4;
const ENDING_REACH: usize = 12;
static HOSTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"在(\p{Han}{2,8}?)(?:举行|举办|召开|成功举办)").expect("hosted"));

/// The spans the event pattern matches in `sentence`, searched only around the ending words: every
/// match ends in one, overlapping a word found, so it lies inside a window around that word.
fn event_spans(sentence: &str, matchers: &Matchers) -> Vec<(usize, usize)> {
    let hits = matchers.endings.find_iter(sentence).map(|h| (h.start(), h.end()));
    let windows = Covered::around(sentence, hits, EVENT_REACH + ENDING_REACH, ENDING_REACH);
    windows
        .spans()
        .iter()
        .flat_map(|&(from, to)| {
            matchers.event.find_iter(&sentence[from..to]).map(move |m| (from + m.start(), from + m.end()))
        })
        .collect()
}

/// Events named in the document, one per name.
pub(super) fn find(s: &Sentences<'_>, lexicon: &Lexicon, matchers: &Matchers) -> Vec<Fact> {
    let mut facts: Vec<Fact> = Vec::new();
    for span in &s.spans {
        let sentence = &s.text[span.clone()];
        for (m_start, m_end) in event_spans(sentence, matchers) {
            let mut name = &sentence[m_start..m_end];
            while let Some(cut) = matchers.left_words.find_overlapping_iter(name).map(|m| m.end()).max() {
                if cut >= name.len() {
                    break;
                }
                name = &name[cut..];
            }
            // The name starts at its first proper part: a place, body or country, an ordinal, a quote.
            let proper = lexicon
                .find(name)
                .iter()
                .filter(|h| matches!(h.entry, Entry::Place | Entry::Organization(_) | Entry::Country(_)))
                .map(|h| h.start)
                .chain(name.find(['第', '“']))
                .min();
            let name = proper.map_or(name, |p| &name[p..]).trim_matches(['“', '”']);
            let at = span.start + m_end - name.len();
            let hits = lexicon.find(name);
            let named = hits
                .iter()
                .any(|h| matches!(h.entry, Entry::Place | Entry::Organization(_) | Entry::Country(_)));
            let ordinal = name.contains('第');
            if name.chars().count() < 4
                || !(named || ordinal)
                || lexicon.words.not_events.iter().any(|w| name.ends_with(w))
            {
                continue;
            }
            if s.near(at..at + 1).iter().any(|t| t.kind == Kind::Treaty && t.start <= at && at < t.end) {
                continue; // inside a title
            }
            // 全国人民代表大会, 亚欧会议: a body whose name ends like a meeting is an organization.
            let body = |k: Kind| {
                s.near(at..at + 1).iter().any(|o| o.kind == k && o.start <= at && span.start + m_end <= o.end)
            };
            if body(Kind::Organization) {
                continue;
            }
            let mut fact = Fact::new(FactKind::Event, span.clone());
            fact.detail = FactDetail::Event { name: name.to_owned() };
            let host = HOSTED.captures(sentence).map(|c| c[1].to_owned()).map(|h| {
                let place = lexicon.find(&h).into_iter().find(|p| p.entry == Entry::Place);
                place.map_or(h.clone(), |p| h[p.start..p.end].to_owned())
            });
            fact.place = host.or_else(|| {
                hits.iter().find(|h| h.entry == Entry::Place).map(|h| name[h.start..h.end].to_owned())
            });
            fact.start = find_dates(sentence).into_iter().map(|d| d.date).find(|d| d.is_complete());
            for o in s.of_kind(at..span.start + m_end, Kind::Organization) {
                fact.roles.push((Role::Organization, s.entity(o)));
                fact.evidence.push(o);
            }
            if let Some(existing) = facts.iter_mut().find(|f| f.detail == fact.detail) {
                existing.place = existing.place.take().or(fact.place);
                existing.start = existing.start.or(fact.start);
            } else {
                facts.push(fact);
            }
        }
    }
    facts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_names_found_around_endings_are_those_found_in_the_sentence() {
        let filler = "双方一致认为应当进一步加强各领域务实合作".repeat(4);
        let sentences = [
            "习近平主席出席第二十三届圣彼得堡国际经济论坛全会并致辞。".to_owned(),
            format!("{filler}上海合作组织成员国元首理事会第十九次会议{filler}第二届中国国际进口博览会"),
            format!("{filler}“一带一路”国际合作高峰论坛和中国—中亚峰会、亚信峰会、博鳌亚洲论坛年会"),
            format!("{}会议", "𠀀".repeat(60)),
            filler.clone(),
        ];
        let matchers = &Matchers::new(Lexicon::get().words);
        for sentence in &sentences {
            let whole: Vec<(usize, usize)> =
                matchers.event.find_iter(sentence).map(|m| (m.start(), m.end())).collect();
            assert_eq!(event_spans(sentence, matchers), whole, "{sentence}");
        }
    }
}
