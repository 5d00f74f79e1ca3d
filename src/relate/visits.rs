//! Visits (应X邀请，Y于…对Z进行国事访问; Y将对Z进行访问; Y访华; Y结束对Z的国事访问) and meetings
//! (X同Y举行会谈, X会见Y, 两国元首举行会谈).

use super::dating::{event_dates, Dates};
use super::Sentences;
use crate::model::{Date, Kind};
use crate::model::{Fact, FactDetail, FactKind, Role};
use regex::Regex;
use std::sync::LazyLock;

static VISIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:应(?P<inviter>[^,;。]{1,40}?)邀请,?)?(?P<visitor>[^,;。]{1,60}?)(?:将|拟|于[^,;。对]{0,30}?)?(?:对|赴)(?P<host>[^,;。]{1,30}?)进行(?:了)?(?:首次|再次|第[一二三四五六七八九十]{1,3}次|为期[^,;。]{1,6}的)?(?P<kind>国事|正式|工作|友好|私人|国事和工作)?访问")
        .expect("visit")
});
/// 习近平12日抵达加德满都,开始对尼泊尔进行国事访问: the news agencies' way to report an arrival.
static ARRIVED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<visitor>[^,;。]{1,60}?)抵达[^,;。]{1,20},(?:正式)?开始对(?P<host>[^,;。]{1,30}?)(?:的|进行)(?:首次|再次|第[一二三四五六七八九十]{1,3}次)?(?P<kind>国事|正式|工作|友好|私人|国事和工作)?访问")
        .expect("arrived")
});
static ENDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<visitor>[^,;。]{1,20}?)结束对(?P<host>[^,;。]{1,30}?)的(?P<kind>国事|正式|工作|友好)?访问",
    )
    .expect("ended visit")
});
static VISITED: LazyLock<Regex> = LazyLock::new(|| {
    // 访问的法国总统 is the visiting president, not a visit to France.
    Regex::new(r"(?P<visitor>[^,;。]{1,20}?)(?:首次|正式|再次|成功|将)?(?:访问|出访)(?P<host>[^,;。的][^,;。]{0,11})")
        .expect("visited")
});
static TO_CHINA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<visitor>[^,;。]{1,30}?)(?:将|于[^,;。]{0,20}?)?(?:访华|来华访问|访问中国)")
        .expect("to China")
});
static MEETING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(会谈|会见|会晤)").expect("meeting"));
static PLACE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"在(\p{Han}{2,8}?)(?:举行|会见|会晤)").expect("place"));

/// Visits stated in the document dated `document`, one per (visitor, host).
pub fn find(s: &Sentences<'_>, document: Option<Date>) -> Vec<Fact> {
    let mut facts: Vec<(Fact, bool)> = Vec::new();
    for span in &s.spans {
        let sentence = &s.text[span.clone()];
        // Every visit names its visitor, a leader of the sentence: without one, no pattern is tried.
        if !sentence.contains("访") || !s.mentions_in(span.clone()).any(|(_, m)| m.kind == Kind::Leader) {
            continue;
        }
        let china = s.entities.iter().position(|e| e.iri.ends_with("/country/CN"));
        let attempts = VISIT
            .captures_iter(sentence)
            .chain(ARRIVED.captures_iter(sentence))
            .chain(ENDED.captures_iter(sentence))
            .chain(VISITED.captures_iter(sentence));
        for caps in attempts {
            let at = |name: &str| caps.name(name).map(|m| span.start + m.start()..span.start + m.end());
            let last_leader = |r: Option<std::ops::Range<usize>>| {
                r.and_then(|r| s.of_kind(r, Kind::Leader).last().copied())
            };
            // 邀请X…进行访问 is an invitation to a future visit, not a visit.
            let invited_only = at("visitor").is_some_and(|r| s.text[r].contains("邀请"));
            let Some(visitor) = last_leader(at("visitor")).filter(|_| !invited_only) else { continue };
            // A leader visits another country: 这次访问正值中华人民共和国成立70周年 names no host.
            let Some(host) = at("host")
                .and_then(|r| s.of_kind(r, Kind::Country).into_iter().find(|&c| !leads(s, visitor, c)))
            else {
                continue;
            };
            let inviter = last_leader(at("inviter"));
            let mut fact = Fact::new(FactKind::Visit, span.clone());
            fact.roles.push((Role::Visitor, s.entity(visitor)));
            fact.roles.push((Role::HostCountry, s.entity(host)));
            fact.evidence.extend([visitor, host]);
            if let Some(i) = inviter {
                fact.roles.push((Role::InvitedBy, s.entity(i)));
                fact.evidence.push(i);
            }
            let visit_type = caps.name("kind").map_or("访问".to_owned(), |k| format!("{}访问", k.as_str()));
            fact.detail = FactDetail::Visit { visit_type };
            let stated = date(&mut fact, sentence, document);
            push_unique(&mut facts, fact, stated);
        }
        if let (Some(china), Some(caps)) = (china, TO_CHINA.captures(sentence)) {
            let r = caps.name("visitor").map(|m| span.start + m.start()..span.start + m.end());
            let visitor = r.and_then(|r| s.of_kind(r, Kind::Leader).last().copied());
            if let Some(visitor) = visitor
                .filter(|&v| s.entities[s.entity(v)].country.as_deref() != Some(&s.entities[china].iri))
            {
                let mut fact = Fact::new(FactKind::Visit, span.clone());
                fact.roles.extend([(Role::Visitor, s.entity(visitor)), (Role::HostCountry, china)]);
                fact.evidence.push(visitor);
                fact.detail = FactDetail::Visit { visit_type: "访问".to_owned() };
                let stated = date(&mut fact, sentence, document);
                push_unique(&mut facts, fact, stated);
            }
        }
    }
    facts.into_iter().map(|(fact, _)| fact).collect()
}

/// Whether the leader of mention `leader` leads the country of mention `country`.
fn leads(s: &Sentences<'_>, leader: usize, country: usize) -> bool {
    s.entities[s.entity(leader)].country.as_deref() == Some(s.entities[s.entity(country)].iri.as_str())
}

/// Dates `fact` from its sentence and document; says whether the sentence itself named a day.
fn date(fact: &mut Fact, sentence: &str, document: Option<Date>) -> bool {
    let Dates { start, end, stated } = event_dates(sentence, document);
    (fact.start, fact.end) = (start, end);
    stated
}

/// Keeps one visit per (visitor, host); a later statement adds what the first lacked, and a date
/// its sentence states replaces one taken from the document.
fn push_unique(facts: &mut Vec<(Fact, bool)>, fact: Fact, stated: bool) {
    let key = |f: &Fact| (f.with_role(Role::Visitor).next(), f.with_role(Role::HostCountry).next());
    match facts.iter_mut().find(|(f, _)| key(f) == key(&fact)) {
        Some((existing, existing_stated)) => {
            if existing.start.is_none() && existing.end.is_none() || stated && !*existing_stated {
                existing.start = fact.start;
                existing.end = fact.end;
                *existing_stated = stated;
            }
            if existing.with_role(Role::InvitedBy).next().is_none() {
                existing.roles.extend(fact.roles.iter().filter(|(r, _)| *r == Role::InvitedBy));
            }
        }
        None => facts.push((fact, stated)),
    }
}

/// Meetings and talks between leaders named in one sentence (or the two heads of state), in a
/// document dated `document`.
pub fn meetings(s: &Sentences<'_>, parties: &[usize], document: Option<Date>) -> Vec<Fact> {
    let mut facts = Vec::new();
    let heads: Vec<usize> = heads_of_state(s, parties);
    for span in &s.spans {
        let sentence = &s.text[span.clone()];
        let Some(kind) = MEETING.find(sentence) else { continue };
        if sentence.contains("机制") || sentence.contains("委员会") {
            continue;
        }
        let leaders = s.of_kind(span.clone(), Kind::Leader);
        let mut people: Vec<usize> = leaders.iter().map(|&m| s.entity(m)).collect();
        people.dedup();
        if people.len() < 2 && sentence.contains("两国元首") {
            people = heads.clone();
        }
        if people.len() < 2 {
            continue;
        }
        // 吴邦国、温家宝和贾庆林分别会见了穆沙拉夫: one meeting of each host with the guests.
        let each = sentence.find("分别").map(|at| span.start + at);
        let (hosts, guests): (Vec<usize>, Vec<usize>) = match each {
            Some(at) => leaders.iter().partition(|&&m| s.mentions[m].end <= at),
            None => (Vec::new(), Vec::new()),
        };
        let groups: Vec<Vec<usize>> = if hosts.len() > 1 && !guests.is_empty() {
            hosts.iter().map(|&h| [h].into_iter().chain(guests.iter().copied()).collect()).collect()
        } else {
            vec![leaders.clone()]
        };
        for group in groups {
            let mut participants: Vec<usize> = if group.len() == leaders.len() {
                people.clone()
            } else {
                group.iter().map(|&m| s.entity(m)).collect()
            };
            participants.dedup();
            if participants.len() < 2 {
                continue;
            }
            let mut fact = Fact::new(FactKind::Meeting, span.clone());
            fact.roles.extend(participants.iter().map(|&p| (Role::Participant, p)));
            fact.evidence.extend(group);
            fact.detail = FactDetail::Meeting { meeting_type: kind.as_str().to_owned() };
            // 在莫斯科举行会谈 names a place; 在亲切友好气氛中举行会谈 does not.
            fact.place = PLACE
                .captures(sentence)
                .map(|c| c[1].to_owned())
                .filter(|p| !p.contains("气氛") && !p.ends_with(['中', '下']));
            let Dates { start, end, .. } = event_dates(sentence, document);
            (fact.start, fact.end) = (start, end);
            facts.push(fact);
        }
    }
    facts
}

/// The most mentioned leader of each party country.
fn heads_of_state(s: &Sentences<'_>, parties: &[usize]) -> Vec<usize> {
    parties
        .iter()
        .filter_map(|&country| {
            let iri = &s.entities[country].iri;
            let mut best: Option<(usize, usize)> = None;
            for (i, e) in s.entities.iter().enumerate() {
                if e.kind == Kind::Leader && e.country.as_deref() == Some(iri.as_str()) {
                    let n = s.mention_entity.iter().filter(|&&x| x == i).count();
                    if best.is_none_or(|(_, m)| n > m) {
                        best = Some((i, n));
                    }
                }
            }
            best.map(|(i, _)| i)
        })
        .collect()
}
