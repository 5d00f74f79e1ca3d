//! Where a visit goes: the countries its words name, the places that stand for them, the dateline's
//! 这里 and the bodies of a country.

use super::Sentences;
use crate::extract::lexicon::{Entry, Lexicon};
use crate::model::Kind;
use std::ops::Range;

/// Words of a territory after a country's name (巴勒斯坦自治区, 巴勒斯坦领土).
const TERRITORY: [&str; 4] = ["自治区", "地区", "领土", "被占领土"];

/// The host countries (entity, mention) in `span`: every country it names (对俄罗斯、德国进行), the
/// countries of the invitation (or of the sentence before) for 上述三国, the country `here` of the
/// dateline for 这里 and 此间, else the country of the first place it names (德里), else for 这个国家
/// the last country of `named_before` (the sentence, and the one before, up to the host).
pub(super) fn hosts_in(
    s: &Sentences<'_>,
    span: Range<usize>,
    inviter: Option<Range<usize>>,
    named_before: Range<usize>,
    host_first: bool,
    here: Option<usize>,
    lexicon: &Lexicon,
) -> Vec<(usize, Option<usize>)> {
    let text = &s.text[span.clone()];
    if HERE.iter().any(|w| text.starts_with(w)) {
        return here.map(|e| (e, None)).into_iter().collect();
    }
    let from = if text.starts_with("上述") { inviter.unwrap_or(span.clone()) } else { span.clone() };
    let from_start = from.start;
    let mut countries = s.of_kind(from, Kind::Country);
    // 抵达广岛…场边见英国首相印度总理: a country that names the office of one met is no host.
    countries.retain(|&m| {
        let before = &s.text[from_start..s.mentions[m].start];
        !(opens_an_office(&s.text[s.mentions[m].end..], lexicon)
            && MEETING.iter().any(|w| before.contains(w)))
    });
    // 对俄罗斯、德国进行: the country before the verb and those listed with it; 赴印度出席…后对尼泊尔进行
    // names Nepal alone. After a bare 访问 the list starts at the host instead (访问新加坡及出席…).
    // 上述三国 takes every country of the invitation.
    // 以色列、巴勒斯坦自治区、卡达: a territory's word may follow a country's name in the list.
    let listed = |a: usize, b: usize| {
        let gap = s.between(a, b);
        let gap = TERRITORY.iter().find_map(|w| gap.strip_prefix(w)).unwrap_or(gap);
        gap.chars().all(|c| "、和及与".contains(c))
    };
    if !text.starts_with("上述") {
        if host_first {
            let n = (1..countries.len())
                .find(|&k| !listed(countries[k - 1], countries[k]))
                .unwrap_or(countries.len());
            countries.truncate(n);
        } else {
            let n =
                (1..countries.len()).rev().find(|&k| !listed(countries[k - 1], countries[k])).unwrap_or(0);
            countries.drain(..n);
        }
    }
    let mut hosts: Vec<(usize, Option<usize>)> = Vec::new();
    for m in countries {
        if !hosts.iter().any(|(e, _)| *e == s.entity(m)) {
            hosts.push((s.entity(m), Some(m)));
        }
    }
    if !hosts.is_empty() {
        return hosts;
    }
    // 访问越南外交部: a visit to a country's body (its name opens with the country) is a visit to
    // the country.
    let body = s.of_kind(span.clone(), Kind::Organization).first().copied();
    if let Some(m) = body.filter(|&m| s.mentions[m].start == span.start) {
        let g = lexicon.gazetteer;
        let name = &s.text[s.mentions[m].start..s.mentions[m].end];
        let country =
            lexicon.find(name).into_iter().next().filter(|h| h.start == 0).and_then(|h| match h.entry {
                Entry::Organization(i) => g.organization_country(i),
                Entry::Country(i) if h.end < name.len() => Some(i),
                _ => None,
            });
        let iri = country.map(|i| crate::vocab::entity("country", &g.countries[i].id));
        let host = iri.and_then(|iri| s.country_entity(&iri));
        if let Some(host) = host {
            return vec![(host, Some(m))];
        }
    }
    // 对我国进行正式访问: the press's own country.
    let country = match text.contains("我国") {
        true => Some(crate::vocab::entity("country", "CN")),
        false => super::guests::countries_of_places(s, span, lexicon).into_iter().next(),
    };
    if let Some(e) = country.and_then(|iri| s.place_country_entity(&iri, lexicon.gazetteer)) {
        return vec![(e, None)];
    }
    // 应阿富汗政府的邀请对这个国家进行访问: the last country named before.
    if !THAT_COUNTRY.iter().any(|w| text.starts_with(w)) {
        return Vec::new();
    }
    s.of_kind(named_before, Kind::Country).last().map(|&m| (s.entity(m), Some(m))).into_iter().collect()
}

/// Verbs of meeting someone, whose object's office names no host.
const MEETING: [&str; 4] = ["见", "会谈", "晤", "会面"];

/// True when `rest` opens with an office of the gazetteer (总理, 首相, 外交部长): the words after a
/// country that name its officer.
fn opens_an_office(rest: &str, lexicon: &Lexicon) -> bool {
    lexicon.gazetteer.offices.iter().any(|o| o.zh.chars().count() >= 2 && rest.starts_with(&o.zh))
}

/// The place a report is datelined, as its text names it (到达这里, 抵达此间).
pub(super) const HERE: [&str; 2] = ["这里", "此间"];

/// One country named before (对这个国家进行友好访问, 对该国进行访问).
const THAT_COUNTRY: [&str; 3] = ["这个国家", "该国", "这一国家"];

/// True when `span` opens with a country or a place the gazetteer knows (抵悉尼, not 抵制).
pub(super) fn place_first(s: &Sentences<'_>, span: Range<usize>, lexicon: &Lexicon) -> bool {
    country_first(s, span.clone())
        || lexicon.find(&s.text[span]).first().is_some_and(|h| h.start == 0 && h.entry == Entry::Place)
}

/// True when a country's name opens `span`.
pub(super) fn country_first(s: &Sentences<'_>, span: Range<usize>) -> bool {
    s.of_kind(span.clone(), Kind::Country).first().is_some_and(|&m| s.mentions[m].start == span.start)
}

/// Words naming a country by its part before its name (目前东协的主席国柬埔寨, 东道国法国).
const ROLES: [&str; 5] = ["主席国", "东道国", "东道主", "邻国", "盟国"];
/// Words of the trip's own time or party, which describe no host (访问期间的会谈中,中方…).
const NOT_DESCRIBING: [&str; 7] = ["期间", "时的", "后的", "前的", "团", "结束", "行程"];

/// The host of a bare 访问 or 出访 past the words that describe it (出访主办亚太经合会的越南、泰国,
/// 出访目前东协的主席国柬埔寨): `span` from its first country when the words before that country end in 的
/// or a word of its part and name no country themselves; else `span`. Not a guest those words describe
/// (到访我国的中国国家副主席韩正, 访问并出席…的法国总统马克龙).
pub(super) fn past_modifier(s: &Sentences<'_>, span: Range<usize>) -> Range<usize> {
    let Some(&first) = s.of_kind(span.clone(), Kind::Country).first() else { return span };
    let country = &s.mentions[first];
    let words = &s.text[span.start..country.start];
    let describes = words.ends_with('的') || ROLES.iter().any(|w| words.ends_with(w));
    if words.is_empty()
        || !describes
        || words.chars().count() > 14
        || words.contains("国的")
        || words.starts_with(['并', '和', '及', '与', '同', '、'])
        || described_leader(s, country.end, span.end)
        || s.text[country.start..country.end].ends_with('方')
        || NOT_DESCRIBING.iter().any(|w| words.contains(w))
    {
        return span;
    }
    country.start..span.end
}

/// True when a leader's name follows `from` within a few characters of office (法国总统马克龙).
fn described_leader(s: &Sentences<'_>, from: usize, end: usize) -> bool {
    s.of_kind(from..end, Kind::Leader).first().is_some_and(|&m| {
        let gap = &s.text[from..s.mentions[m].start];
        gap.chars().count() <= 8 && !gap.contains([',', ';', '、', '的'])
    })
}
