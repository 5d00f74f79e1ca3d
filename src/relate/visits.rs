//! Visits: 应X邀请，Y于…对Z进行国事访问; Y将对Z进行访问; Y访华; Y结束对Z的国事访问.

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
            let Some(host) = at("host").and_then(|r| s.of_kind(r, Kind::Country).first().copied()) else {
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
            if let Some(visitor) = r.and_then(|r| s.of_kind(r, Kind::Leader).last().copied()) {
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
