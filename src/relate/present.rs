//! Visits told by presence: a leader who holds talks in a place of another country with a leader of
//! that country is visiting it (习近平同印度总理莫迪在金奈举行会晤, 埃尔多安与美国副总统彭斯在安卡拉举行
//! 会晤, 金正恩与普京去年9月在俄罗斯东方航天发射场会晤), though no word of visiting is said.

use super::guests::countries_of_places_in;
use super::hosts::HERE;
use super::Sentences;
use crate::extract::lexicon::{Entry, Lexicon};
use crate::model::{Date, Fact, FactDetail, FactKind, Kind, Role};
use std::ops::Range;

/// The most characters between the subject and the 在 of the place (10日晚, 今天上午, 去年9月).
const SUBJECT_GAP: usize = 12;

/// The visits the document's meetings imply and its `facts` do not already state: for each meeting
/// held at a place (of a country the document names), each of its subjects whose country is another.
/// The visit is dated the month of the meeting, the most its words say of when it was; undated
/// talks imply none.
pub(super) fn visits_of_meetings(s: &Sentences<'_>, facts: &[Fact], lexicon: &Lexicon) -> Vec<Fact> {
    let visiting = |f: &Fact, visitor: usize, host: usize| {
        f.kind == FactKind::Visit
            && f.with_role(Role::Visitor).any(|v| v == visitor)
            && f.with_role(Role::HostCountry).any(|h| h == host)
    };
    let mut found: Vec<Fact> = Vec::new();
    for meeting in facts.iter().filter(|f| f.kind == FactKind::Meeting) {
        // 克林顿总统和江泽民主席去年11月在西雅图的会晤是…: talks named by their place, told as a
        // thing of the past, not someone's presence.
        let Some(place) = meeting.place.as_deref().filter(|p| !p.ends_with('的')) else { continue };
        // Talks the text does not date (在阿根廷举行重要会晤后) say nothing of when the visit was.
        if meeting.start.is_none() {
            continue;
        }
        let Some(host) = country_of(s, place, lexicon) else { continue };
        let host_iri = &s.entities[host].iri;
        // 特朗普总统和习近平主席在阿根廷举行会晤: two guests of a summit somewhere else are no one's
        // visit there that the talks tell; a leader of the place's country receiving them is.
        let received =
            meeting.with_role(Role::Participant).any(|p| s.entities[p].country.as_ref() == Some(host_iri));
        if !received {
            continue;
        }
        let (subjects, sentence) = subjects_before(s, meeting, place);
        for subject in subjects {
            let visitor = s.entity(subject);
            if s.entities[visitor].country.as_ref().is_none_or(|c| c == host_iri)
                || facts.iter().chain(&found).any(|f| visiting(f, visitor, host))
            {
                continue;
            }
            let mut visit = Fact::new(FactKind::Visit, sentence.clone());
            visit.roles = vec![(Role::Visitor, visitor), (Role::HostCountry, host)];
            visit.evidence = vec![subject];
            visit.detail = FactDetail::Visit { visit_type: "访问".to_owned() };
            visit.start = meeting.start.map(Date::without_day);
            visit.recollected = meeting.recollected;
            found.push(visit);
        }
    }
    found
}

/// The country entity of a meeting's place: the country it opens with (俄罗斯东方航天发射场), else the
/// country of the first known place in it (新德里下榻的饭店).
fn country_of(s: &Sentences<'_>, place: &str, lexicon: &Lexicon) -> Option<usize> {
    let g = lexicon.gazetteer;
    let named = lexicon.find(place).into_iter().find_map(|h| match h.entry {
        Entry::Country(i) if h.start == 0 => Some(crate::vocab::entity("country", &g.countries[i].id)),
        _ => None,
    });
    let iri = named.or_else(|| countries_of_places_in(place, lexicon).into_iter().next())?;
    s.place_country_entity(&iri, g)
}

/// The mentions of the meeting's subjects and the sentence that names them at the place: the
/// participant named a few characters before 在 and the place (or 这里, the dateline's place), in the
/// same clause (习近平11日在金奈), with those joined to them before (习近平主席同莫迪总理在武汉: both).
/// The place may be told by a later report of the meeting than its first (a headline), so the whole
/// text is searched.
fn subjects_before(s: &Sentences<'_>, meeting: &Fact, place: &str) -> (Vec<usize>, Range<usize>) {
    let participant = |m: usize| meeting.with_role(Role::Participant).any(|p| p == s.entity(m));
    let close = |gap: &str| gap.chars().count() <= SUBJECT_GAP && !gap.contains([',', ';', ':', '。', '\n']);
    let last = std::iter::once(place).chain(HERE).find_map(|p| {
        s.text.match_indices(&format!("在{p}")).find_map(|(at, _)| {
            let before = s.of_kind(at.saturating_sub(SUBJECT_GAP * 8)..at, Kind::Leader);
            let leader = *before.last()?;
            (close(&s.text[s.mentions[leader].end..at]) && participant(leader)).then_some((before, leader))
        })
    });
    let Some((before, leader)) = last else { return (Vec::new(), meeting.sentence.clone()) };
    let at = s.mentions[leader].start;
    let sentence =
        s.spans.iter().find(|r| r.contains(&at)).cloned().unwrap_or_else(|| meeting.sentence.clone());
    let mut subjects = vec![leader];
    for &m in before.iter().rev().skip(1) {
        let gap = s.between(m, subjects[subjects.len() - 1]);
        if !(close(gap) && gap.contains(JOINED) && participant(m)) {
            break;
        }
        subjects.push(m);
    }
    (subjects, sentence)
}

/// What joins two subjects (A和B, A同B, A、B).
const JOINED: [char; 5] = ['和', '与', '同', '及', '、'];

#[cfg(test)]
mod tests {
    use crate::extract::{extract, lexicon::Lexicon};
    use crate::model::{Date, FactKind, Role};
    use crate::relate::{relate, DocumentContext, Rules};
    use crate::resolve::resolve;

    /// The visits of `text` in a document dated 2019-10-12: visitor→host and the start.
    fn visits(text: &str) -> Vec<String> {
        let lexicon = Lexicon::get();
        let mentions = extract(text, lexicon);
        let resolved = resolve(&mentions, lexicon);
        let context = DocumentContext { date: Date::parse("2019-10-12"), ..DocumentContext::default() };
        let label = |e: usize| resolved.entities[e].label_zh.clone();
        relate(text, &mentions, &resolved.mention_entity, &resolved.entities, &context, &Rules::new(lexicon))
            .iter()
            .filter(|f| f.kind == FactKind::Visit)
            .map(|f| {
                let who = f.with_role(Role::Visitor).map(label).collect::<String>();
                let host = f.with_role(Role::HostCountry).map(label).collect::<String>();
                format!("{who}→{host} {}", f.start.map(|d| d.to_string()).unwrap_or_default())
            })
            .collect()
    }

    #[test]
    fn a_leader_received_in_another_countrys_place_is_visiting_it() {
        let v = visits("国家主席习近平11日在金奈同印度总理莫迪举行会晤。");
        assert_eq!(v, ["习近平→印度 2019-10"]);
        // Both named before the place are there; the host country's own leader visits no one.
        let v = visits("去年4月,习近平主席同印度总理莫迪在武汉举行非正式会晤。");
        assert_eq!(v, ["莫迪→中国 2018-04"]);
    }

    #[test]
    fn no_visit_at_home_at_a_summit_elsewhere_or_in_undated_or_named_talks() {
        assert!(visits("国家主席习近平11日在北京会见印度总理莫迪。").is_empty());
        // Two guests of a summit in a third country: no host received them.
        assert!(visits("国家主席习近平1日在布宜诺斯艾利斯同美国总统特朗普举行会晤。").is_empty());
        assert!(visits("习近平主席同莫迪总理在武汉举行会晤后,两国关系稳定发展。").is_empty());
        assert!(visits("克林顿总统和江泽民主席去年11月在西雅图的会晤是新关系的证明。").is_empty());
    }

    #[test]
    fn a_visit_the_document_states_is_not_told_twice() {
        let v = visits(
            "国家主席习近平11日抵达金奈,开始对印度进行非正式访问。习近平11日在金奈同印度总理莫迪举行会晤。",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert!(v[0].starts_with("习近平→印度"), "{v:?}");
    }
}
