//! Guests: a visit stated by describing the visitor where the host receives them (会见来访的肯尼亚总统,
//! 福雷在洛美会见到访的王毅), the host country being the receiver's.

use super::Sentences;
use crate::extract::lexicon::{Entry, Lexicon};
use crate::model::Kind;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// 来访的X, 到访的X, 应邀来访的X: a guest described by their coming, not by where they came; also come
/// to attend (前来出席葬礼的万里), or come to a place to attend (来莫斯科参加葬礼的中国外长黄华).
static COME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:来访|到访|前来访问|应邀访问|(?P<attend>(?:前来|来(?P<place>[^,;。的]{1,8}?))(?:出席|参加)[^,;。的]{1,30}))的(?P<visitor>[^,;。]{1,40})",
    )
    .expect("guest come")
});

/// True when `sentence` describes a guest come to attend something (前来出席葬礼的万里).
pub(super) fn comes_to_attend(sentence: &str) -> bool {
    (sentence.contains("参加") || sentence.contains("出席")) && COME.is_match(sentence)
}

/// A guest of the sentence at `span`: the visitor's mention, the host country (entity) and the span
/// of the words that state it.
pub struct Guest {
    pub visitor: usize,
    pub host: usize,
    pub whole: Range<usize>,
}

/// The guests the sentence at `span` describes as come to their host. The host is the country of the
/// leader receiving them (the last leader before the description of another country than the
/// guest's), else of a place the sentence names before it (在洛美), else China, the country of the
/// press these documents come from, for a guest of another country.
pub fn come(s: &Sentences<'_>, span: Range<usize>, here: Option<usize>, lexicon: &Lexicon) -> Vec<Guest> {
    let sentence = &s.text[span.clone()];
    let mut guests = Vec::new();
    for caps in COME.captures_iter(sentence) {
        let (Some(whole), Some(described)) = (caps.get(0), caps.name("visitor")) else { continue };
        // 来莫斯科参加: the place come to is the host's (来华: China's); 带来参加 names none.
        let place = caps.name("place").map(|p| match p.as_str() {
            "华" => vec![crate::vocab::entity("country", "CN")],
            p => countries_of_places_in(p, lexicon),
        });
        if place.as_ref().is_some_and(Vec::is_empty) {
            continue;
        }
        let described = span.start + described.start()..span.start + described.end();
        // 会见来访的肯尼亚总统齐贝吉和夫人: the first leader described is the guest, with each listed
        // after them (来访的老挝总理通伦、柬埔寨首相洪森: two).
        let visitors = listed_guests(s, described.clone());
        let Some(&visitor) = visitors.first() else { continue };
        if s.text[described.start..s.mentions[visitor].start].contains(['、', '和']) {
            continue;
        }
        let guest_country = s.entities[s.entity(visitor)].country.clone();
        let before = span.start..span.start + whole.start();
        let receiver = s.of_kind(before.clone(), Kind::Leader).into_iter().rev().find_map(|m| {
            let country = s.entities[s.entity(m)].country.clone()?;
            (Some(&country) != guest_country.as_ref()).then_some(country)
        });
        // A guest come to attend, where no one receiving them or place names the host, came where the
        // report is datelined (这里).
        let here = here
            .filter(|&h| caps.name("attend").is_some() && Some(&s.entities[h].iri) != guest_country.as_ref());
        let host = receiver
            .or_else(|| place.and_then(|mut p| p.pop()))
            .or_else(|| countries_of_places(s, before, lexicon).pop())
            .map(|iri| s.place_country_entity(&iri, lexicon.gazetteer))
            .unwrap_or(here)
            .or_else(|| {
                let china = crate::vocab::entity("country", "CN");
                (guest_country.as_ref() != Some(&china)).then_some(())?;
                s.place_country_entity(&china, lexicon.gazetteer)
            });
        let Some(host) = host else { continue };
        for visitor in visitors {
            guests.push(Guest { visitor, host, whole: span.start + whole.start()..described.end });
        }
    }
    guests
}

/// X明天来访, X两年前…来访时: a guest's coming told as a verb. Not 来访的X (see [`COME`]).
static CAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?P<visitor>[^,;。]{1,40}?)来访(?P<described>的)?").expect("guest came"));

/// What follows the name of a leader who sends an envoy (首相特使, 总统的特别代表).
static ENVOY_OF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{Han}{0,3}?的?(?:特使|特别代表)").expect("envoy of"));

/// Words before 来访 that tell no coming: an invitation, a welcome or a hope (欢迎X来访, 期待X来访),
/// or a companion's (同我一起来访).
const NOT_COMING: [&str; 7] = ["邀请", "欢迎", "期待", "希望", "同", "与", "跟"];

/// The guests the sentence at `span` tells as coming (日本首相海部俊树明天来访): the first leader of
/// the clause before 来访, to the country the report is datelined in (`here`), else China, the
/// country of the press these documents come from; a guest of that country comes home, not on a visit.
pub fn came(s: &Sentences<'_>, span: Range<usize>, here: Option<usize>) -> Vec<Guest> {
    let sentence = &s.text[span.clone()];
    let mut guests = Vec::new();
    for caps in CAME.captures_iter(sentence) {
        let (Some(whole), Some(clause)) = (caps.get(0), caps.name("visitor")) else { continue };
        if caps.name("described").is_some() || NOT_COMING.iter().any(|w| clause.as_str().contains(w)) {
            continue;
        }
        let clause = span.start + clause.start()..span.start + clause.end();
        // 以中曾根首相特使的身份来访: the leader who sends an envoy does not come.
        let sends_envoy = |m: usize| ENVOY_OF.is_match(&s.text[s.mentions[m].end..clause.end]);
        let leaders = s.of_kind(clause.clone(), Kind::Leader);
        let Some(&visitor) = leaders.iter().find(|&&m| !sends_envoy(m)) else { continue };
        let host = here.or_else(|| s.china());
        let Some(host) = host else { continue };
        if s.entities[s.entity(visitor)].country.as_deref() == Some(s.entities[host].iri.as_str()) {
            continue;
        }
        guests.push(Guest { visitor, host, whole: span.start + whole.start()..span.start + whole.end() });
    }
    guests
}

/// The IRIs of the countries of the places (capitals and cities of the gazetteer) named in `range`,
/// in order.
pub(super) fn countries_of_places(s: &Sentences<'_>, range: Range<usize>, lexicon: &Lexicon) -> Vec<String> {
    countries_of_places_in(&s.text[range], lexicon)
}

/// The IRIs of the countries of the places (capitals and cities of the gazetteer) named in `text`,
/// in order.
pub(super) fn countries_of_places_in(text: &str, lexicon: &Lexicon) -> Vec<String> {
    let g = lexicon.gazetteer;
    lexicon
        .find(text)
        .into_iter()
        .filter(|h| h.entry == Entry::Place)
        .filter_map(move |h| {
            let name = &text[h.start..h.end];
            g.places.iter().find(|p| p.zh == name || p.names.iter().any(|n| n == name))
        })
        .filter_map(|p| p.country.as_deref())
        .map(|id| crate::vocab::entity("country", id))
        .collect()
}

/// The guests a phrase describes (会见来华出席论坛的吉尔吉斯斯坦第一副总理A、阿塞拜疆副总理B): the first
/// leader of `span` and each listed after it with only a conjunction, a country and an office between.
pub(super) fn listed_guests(s: &Sentences<'_>, span: Range<usize>) -> Vec<usize> {
    let leaders = s.of_kind(span, Kind::Leader);
    let mut guests: Vec<usize> = leaders.first().copied().into_iter().collect();
    for pair in leaders.windows(2) {
        if !LISTED_GUEST.is_match(s.between(pair[0], pair[1])) {
            break;
        }
        guests.push(pair[1]);
    }
    guests
}

/// What stands between two guests listed: a list mark or conjunction, then the next one's country
/// and office.
static LISTED_GUEST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:和|与|及|以及|、)\p{Han}{0,16}$").expect("listed guest"));
