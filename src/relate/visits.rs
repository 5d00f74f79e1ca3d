//! Visits: 应X邀请，Y于…对Z进行国事访问; Y将对Z进行访问; Y访华; Y结束对Z的国事访问; guests described
//! by their coming (`guests`) and the stops of a trip (`stops`).

use super::counted::{times, Times};
use super::dating::{event_dates, last_clause, or_paragraph_year, Dates};
use super::guests::listed_guests;
use super::hosts::{country_first, hosts_in, past_modifier, place_first};
use super::visit_patterns::{
    ARRIVED, ARRIVED_AT, ARRIVED_BRIEF, AT_HOST, CAME, DURING, ENDED, GUEST_ABROAD, GUEST_VISITING,
    INVITED_BETWEEN, TO_CHINA, TO_FORM, VISIT, VISITED, VISITED_LIST, WENT,
};
use super::visitors::{
    addressee, after_welcome, antecedent, each_visitor, elided_subject, inviter_of, is_me, quoted_speaker,
    visitor_in, wished, without_invitation, GLAD, INVITATION, PRONOUN,
};
use super::Sentences;
use crate::extract::lexicon::Lexicon;
use crate::model::{Date, Kind};
use crate::model::{Fact, FactDetail, FactKind, Role};
use std::ops::Range;

/// The words before the capacity a visitor comes in (我此次作为习近平主席的特使再次访问: 我, not the
/// leader who sent them), or all of `span` when none is named.
fn before_capacity(s: &Sentences<'_>, span: Range<usize>) -> Range<usize> {
    match s.text[span.clone()].find("作为") {
        Some(i) if i > 0 => span.start..span.start + i,
        _ => span,
    }
}

/// Visits stated in the document dated `document`, one per (visitor, host). `speaker` is the
/// leader whose speech the document is: 我 in it is that leader; `here` the country the document is
/// datelined in: 这里 and 此间 in it are there.
pub fn find(
    s: &Sentences<'_>,
    document: Option<Date>,
    speaker: Option<usize>,
    here: Option<usize>,
    lexicon: &Lexicon,
) -> Vec<Fact> {
    let mut facts: Vec<(Fact, Said)> = Vec::new();
    // Visits a count tells without a date for each (此前曾两次访问意大利).
    let mut counted: Vec<Fact> = Vec::new();
    for (index, span) in s.spans.iter().enumerate() {
        let sentence = &s.text[span.clone()];
        let document = s.report_day(span.start, document);
        // Every visit names its visitor, a leader of the sentence, the speaker, or the leader the
        // sentence's 他 or 她 stands for: without one, no pattern is tried.
        // 孙春兰将访问马达加斯加、纳米比亚、加纳。…对上述三国进行正式友好访问: without an invitation
        // naming them, 上述 are the countries of the sentence before.
        let earlier = index.checked_sub(1).map(|i| s.spans[i].clone());
        // 前来出席葬礼的万里: a guest come to attend, told without a word of visiting.
        if !["访", "邀请", "抵", "赴", "往", "转到", "来华", "到达", "之行", "站", "降落"]
            .iter()
            .any(|w| sentence.contains(w))
            && !super::guests::comes_to_attend(sentence)
        {
            continue;
        }
        // 习近平在贺电中指出,…今年6月,我对俄罗斯进行国事访问: 我 in reported words is the one reported.
        let voice = sentence
            .find('我')
            .and_then(|i| speaker.or_else(|| quoted_speaker(s, span.start + i).map(|m| s.entity(m))));
        let antecedent = PRONOUN.is_match(sentence).then(|| antecedent(s, index)).flatten();
        if !(voice.is_some()
            || speaker.is_some()
            || antecedent.is_some()
            || s.mentions_in(span.clone()).any(|(_, m)| m.kind == Kind::Leader))
        {
            continue;
        }
        let here = s.here_at(span.start, here, lexicon);
        // After a bare 访问 the host comes first (访问了法国); 访问必将载入哈中关系史册 is no visit.
        let attempts = VISIT
            .captures_iter(sentence)
            .chain(AT_HOST.captures_iter(sentence))
            .chain(INVITED_BETWEEN.captures_iter(sentence))
            .chain(ARRIVED.captures_iter(sentence))
            .chain(CAME.captures_iter(sentence))
            .chain(ENDED.captures_iter(sentence))
            .chain(ARRIVED_AT.captures_iter(sentence))
            .chain(ARRIVED_BRIEF.captures_iter(sentence))
            .chain(WENT.captures_iter(sentence))
            .chain(VISITED_LIST.captures_iter(sentence))
            .map(|c| (c, Shape::VisitorLast))
            .chain(DURING.captures_iter(sentence).map(|c| (c, Shape::VisitorFirst)))
            .chain(GUEST_ABROAD.captures_iter(sentence).map(|c| (c, Shape::Described)))
            .chain(GUEST_VISITING.captures_iter(sentence).map(|c| (c, Shape::Described)))
            .chain(VISITED.captures_iter(sentence).map(|c| (c, Shape::HostFirst)));
        for (caps, shape) in attempts {
            // 转到意大利、斯洛伐克: after a verb of going on to a country, as after a bare 访问, the list
            // starts at the host (飞往海参崴同俄罗斯外长…: a place's country is found as before).
            let host_first = shape == Shape::HostFirst
                || caps.name("brief").is_some()
                    && caps
                        .name("host")
                        .is_some_and(|h| country_first(s, span.start + h.start()..span.start + h.end()));
            let at = |name: &str| caps.name(name).map(|m| span.start + m.start()..span.start + m.end());
            let whole = caps.get(0).map_or(span.clone(), |m| span.start + m.start()..span.start + m.end());
            let Some(visitor_span) = at("visitor").map(|v| before_capacity(s, v)) else { continue };
            if caps.name("brief").is_some() && !at("host").is_some_and(|h| place_first(s, h, lexicon)) {
                continue;
            }
            // 正在俄罗斯进行国事访问的习近平 is the guest GUEST_ABROAD finds.
            if caps.name("modifies").is_some() {
                continue;
            }
            // 陪同新西兰贵宾来广州访问的农林部部长沙风: the one described escorts the guests.
            if shape == Shape::Described
                && last_clause(&sentence[..whole.start - span.start]).contains("陪同")
            {
                continue;
            }
            // 耿爽宣布:应…邀请,X总统将来华: a leader after the invitation is the visitor, not the one before.
            if at("gap").is_some_and(|g| !s.of_kind(g, Kind::Leader).is_empty()) {
                continue;
            }
            // 邀请X…进行访问 is an invitation to a future visit, not a visit, and so is 请X对印度进行友好访问的
            // 邀请.
            if without_invitation(&s.text[visitor_span.clone()]).contains("邀请")
                || s.text[whole.end..].starts_with("的邀请")
                || wished(&s.text[visitor_span.clone()])
            {
                continue;
            }
            // 我曾访问沙特阿拉伯: 我 and the adverbs of its verb.
            let speaking = is_me(&s.text[visitor_span.clone()]);
            let addressed = addressee(s, span.start, visitor_span.clone());
            // 此前他已经对喀麦隆…进行了国事访问: the leader of the sentence before (not its evidence).
            // 他从本月10日起出国访问,依序走访以色列、…: or the subject of the sentence's first clause.
            let subject_referred = PRONOUN.is_match(sentence.split([',', ';']).next().unwrap_or(""))
                && s.of_kind(span.start..visitor_span.end, Kind::Leader).is_empty();
            // 李显龙上次…是在2019年9月,他当时到纽约出席: 他 after the sentence's own subject is that one.
            let pronoun = PRONOUN.is_match(&s.text[visitor_span.clone()]);
            let own_subject =
                s.of_kind(span.start..visitor_span.start, Kind::Leader).first().copied().filter(|_| pronoun);
            let referred = own_subject.or(antecedent.filter(|_| pronoun || subject_referred));
            let found = match shape {
                Shape::VisitorFirst | Shape::Described => {
                    s.of_kind(visitor_span.clone(), Kind::Leader).first().copied()
                }
                _ => visitor_in(s, after_welcome(s, visitor_span.clone(), whole.clone())),
            };
            // 非常高兴应…邀请对英国进行国事访问: in a speech, a visit that names no visitor is the
            // speaker's, not the one the speech greets nor a leader of the clause before.
            let glad = GLAD.is_match(without_invitation(&s.text[visitor_span.clone()]).trim());
            let own = speaker.filter(|_| glad && found.is_none());
            // 习近平…离开南非,于当日晚,飞抵…毛里求斯: an arrival or visit whose clause names no one is
            // the sentence's subject's; else the one spoken to, else 我 or the leader 他 stands for.
            let named = match own {
                Some(_) => None,
                None => found
                    .or_else(|| elided_subject(s, span.start, visitor_span.clone(), &whole))
                    .or(addressed),
            };
            let unnamed = own.or(voice.filter(|_| speaking)).or(referred.map(|m| s.entity(m)));
            let visitor = match (named, unnamed) {
                (Some(m), _) => (s.entity(m), Some(m)),
                (None, Some(e)) => (e, None),
                (None, None) => continue,
            };
            let Some(host_span) = at("host").or(at("china")) else { continue };
            let host_span = if host_first { past_modifier(s, host_span) } else { host_span };
            let named_before = earlier.as_ref().map_or(span.start, |e| e.start)..host_span.start;
            let inviter = at("inviter").or(earlier.clone());
            let mut hosts = hosts_in(s, host_span.clone(), inviter, named_before, host_first, here, lexicon);
            // After a bare 访问 the host comes right after it, with those listed with it (出访新西兰、
            // 澳大利亚和马来西亚: three), or a place of the host does (访问了布达佩斯).
            let right_after = hosts.first().is_some_and(|(_, m)| match m {
                Some(m) => s.mentions[*m].start == host_span.start,
                None => place_first(s, host_span.clone(), lexicon),
            });
            if host_first && !right_after {
                hosts.clear();
            }
            let inviters = at("inviter").map(|r| s.of_kind(r, Kind::Leader)).unwrap_or_default();
            let visit_type = caps
                .name("kind")
                .map_or("访问".to_owned(), |k| format!("{}访问", k.as_str().replace("国是", "国事")));
            let listed = match shape {
                Shape::VisitorLast | Shape::HostFirst => {
                    each_visitor(s, visitor_span.clone(), &s.text[whole.clone()])
                }
                // 应印度政府邀请到印度访问的苏联部长会议主席布尔加宁和…赫鲁晓夫: each guest listed.
                Shape::Described => {
                    listed_guests(s, visitor_span.start..clause_end(s, visitor_span.start, span.end))
                }
                _ => Vec::new(),
            };
            let visitors: Vec<(usize, Option<usize>)> = match listed.len() {
                0 | 1 => vec![visitor],
                _ => listed.into_iter().map(|m| (s.entity(m), Some(m))).collect(),
            };
            let current = THIS.iter().any(|w| s.text[visitor_span.clone()].contains(w));
            // 习近平对尼泊尔的访问,让尼中两国的友谊提升: a visit named as a thing, not told as the day's
            // news, may be over by the report's day (结束对…的访问 is the news of its end).
            // 习近平抵达印度金奈: the day of an arrival is the visit's first; its last is not told.
            let arrival = caps.name("brief").is_some() || ARRIVING.iter().any(|w| caps[0].contains(w));
            let named_as_noun = caps.name("host").is_some_and(|h| sentence[h.end()..].starts_with('的'))
                && !caps[0].contains("结束");
            for ((host, host_mention), visitor) in
                hosts.into_iter().flat_map(|h| visitors.iter().map(move |v| (h, *v)))
            {
                let after_host = host_mention.map_or("", |m| &s.text[s.mentions[m].end..span.end]);
                let from = visitor.1.map_or(visitor_span.start, |m| s.mentions[m].end);
                let before_verb = s.text.get(from..host_span.start).unwrap_or("");
                let mut fact = Fact::new(FactKind::Visit, span.clone());
                fact.roles.push((Role::Visitor, visitor.0));
                fact.roles.push((Role::HostCountry, host));
                fact.evidence.extend(visitor.1.into_iter().chain(host_mention));
                if let Some(i) = inviter_of(s, &inviters, host) {
                    fact.roles.push((Role::InvitedBy, s.entity(i)));
                    fact.evidence.push(i);
                }
                fact.detail = FactDetail::Visit { visit_type: visit_type.clone() };
                let said = date_of(&mut fact, &s.text[whole.clone()], current, sentence, document);
                let said = framed(&mut fact, said, s.text, span.start, document);
                if named_as_noun && !said.stated && !said.planned {
                    month_only(&mut fact);
                }
                if arrival {
                    arrival_starts_only(&mut fact);
                }
                push_counted(
                    s,
                    (&mut facts, &mut counted),
                    fact,
                    said,
                    times(before_verb, after_host, document),
                );
            }
        }
        let came = super::guests::came(s, span.clone(), here);
        let stops = super::stops::stops(s, span.clone(), earlier.clone());
        for guest in super::guests::come(s, span.clone(), here, lexicon).into_iter().chain(came).chain(stops)
        {
            let mut fact = Fact::new(FactKind::Visit, span.clone());
            fact.roles.extend([(Role::Visitor, s.entity(guest.visitor)), (Role::HostCountry, guest.host)]);
            fact.evidence.push(guest.visitor);
            fact.detail = FactDetail::Visit { visit_type: "访问".to_owned() };
            let said = date_of(&mut fact, &s.text[guest.whole], false, sentence, document);
            let said = framed(&mut fact, said, s.text, span.start, document);
            push_unique(s, &mut facts, fact, said);
        }
        let china = s.china();
        // 古拜希访华,国务部长苏尔坦访华: each clause's visit.
        let to_china = TO_CHINA.captures_iter(sentence).map(|c| (c, china));
        let to_form = TO_FORM.captures_iter(sentence).filter_map(|c| {
            let form = c.name("form").or(c.name("went"))?.as_str().chars().next()?;
            let country = lexicon.gazetteer.countries.iter().find(|k| k.abbrev.first() == Some(&form))?;
            let iri = crate::vocab::entity("country", &country.id);
            Some((c, s.entities.iter().position(|e| e.iri == iri)))
        });
        for (caps, host) in to_china.chain(to_form) {
            let Some(host) = host else { continue };
            let r = caps.name("visitor").map(|m| span.start + m.start()..span.start + m.end());
            let whole = caps.get(0).map_or(span.clone(), |m| span.start + m.start()..span.start + m.end());
            // 邀请习近平主席再次访蒙 is an invitation, not a visit; 访华多次, many.
            let after = caps.get(0).map_or("", |m| &sentence[m.end()..]);
            if r.clone().is_some_and(|r| {
                without_invitation(&s.text[r.clone()]).contains("邀请") || wished(&s.text[r])
            }) {
                continue;
            }
            // 会见来华进行国事访问的法国总统马克龙: after a verb that takes a guest, the visitor is the
            // one the phrase describes (姆贝基总统去年11月访华的回访 keeps its subject).
            let before_guest = r.clone().is_some_and(|r| {
                let group = s.text[r].trim_end_matches(|c: char| !is_han(c));
                let group = group.strip_suffix('了').unwrap_or(group);
                GUEST_VERBS.iter().any(|v| group.ends_with(v))
            });
            let modifies = caps.name("modifies").or(caps.name("also")).or(caps.name("attending"));
            // 为了得罪预定三四月间访华的西德总理施密特: a leader right after 的, with only a country and an
            // office between, is the one the visit describes whatever the verb before.
            let leader_follows = modifies.is_some_and(|m| {
                let from = span.start + m.end();
                s.of_kind(from..span.end, Kind::Leader).first().is_some_and(|&l| {
                    let gap = &s.text[from..s.mentions[l].start];
                    gap.chars().count() <= 10 && gap.chars().all(is_han) && !gap.contains('的')
                })
            });
            let described = modifies.is_some() && (before_guest || leader_follows);
            // 普京来华出席论坛的消息: attending is a visit only of the guest a verb of meeting takes.
            if caps.name("attending").is_some() && !described {
                continue;
            }
            let r = match modifies.filter(|_| described) {
                Some(m) => Some(span.start + m.end()..clause_end(s, span.start + m.end(), span.end)),
                None => r.map(|r| after_welcome(s, r, whole.clone())),
            };
            let pick = |r: Range<usize>| match described {
                true => s.of_kind(r, Kind::Leader).first().copied(),
                false => visitor_in(s, r),
            };
            let addressed = r.clone().and_then(|r| addressee(s, span.start, r));
            let listed = match (&r, described) {
                (Some(r), false) => {
                    each_visitor(s, r.clone(), &sentence[caps.get(0).map_or(0..0, |m| m.range())])
                }
                (Some(r), true) => listed_guests(s, r.clone()),
                _ => Vec::new(),
            };
            let visitors: Vec<usize> = match listed.len() {
                0 | 1 => r.and_then(pick).or(addressed).into_iter().collect(),
                _ => listed,
            };
            for visitor in visitors {
                let mut fact = Fact::new(FactKind::Visit, span.clone());
                fact.roles.extend([(Role::Visitor, s.entity(visitor)), (Role::HostCountry, host)]);
                fact.evidence.push(visitor);
                // 尼克松应周恩来的邀请访华: the invitation's leader invited.
                let invitation =
                    caps.name("visitor").and_then(|v| INVITATION.find(v.as_str()).map(|i| (v, i)));
                let inviter = invitation.and_then(|(v, i)| {
                    let at = span.start + v.start();
                    s.of_kind(at + i.start()..at + i.end(), Kind::Leader).last().copied()
                });
                if let Some(i) = inviter {
                    fact.roles.push((Role::InvitedBy, s.entity(i)));
                    fact.evidence.push(i);
                }
                let visit_type = caps
                    .name("kind")
                    .map_or("访问".to_owned(), |k| format!("{}访问", k.as_str().replace("国是", "国事")));
                fact.detail = FactDetail::Visit { visit_type };
                // 曾两次访华: the words from the visitor to the verb's end hold the count; 佐科总统此次访韩
                // is the document's own visit, whatever earlier one the sentence dates.
                let from = s.mentions[visitor].end;
                let verb_end = span.start + caps.get(0).map_or(0, |m| m.end());
                let before_verb = s.text.get(from..verb_end).unwrap_or("");
                let said = match THIS.iter().any(|w| before_verb.contains(w)) {
                    true => date_of(&mut fact, &s.text[whole.clone()], true, sentence, document),
                    false => date(&mut fact, sentence, document),
                };
                let said = framed(&mut fact, said, s.text, span.start, document);
                push_counted(s, (&mut facts, &mut counted), fact, said, times(before_verb, after, document));
            }
        }
    }
    let facts: Vec<Fact> = facts.into_iter().map(|(fact, _)| fact).collect();
    let counted = beyond_dated(counted, &facts, document);
    facts.into_iter().chain(counted).collect()
}

/// The visits a count tells without a date, less one for each visit of the same visitor and host
/// the document dates before its own month: 2018年9月,伦古总统赴华出席… and 伦古总统就任以来两次访华 are
/// two visits, not three.
fn beyond_dated(counted: Vec<Fact>, facts: &[Fact], document: Option<Date>) -> Vec<Fact> {
    let month = document.map(Date::without_day);
    let earlier = |f: &&Fact| f.start.is_some_and(|d| month.is_none_or(|m| d.without_day() < m));
    let mut dated: Vec<_> = facts.iter().filter(earlier).map(visit_key).collect();
    counted
        .into_iter()
        .filter(|c| match dated.iter().position(|k| *k == visit_key(c)) {
            Some(i) => {
                dated.swap_remove(i);
                false
            }
            None => true,
        })
        .collect()
}

/// Pushes `fact` as the visits `times` says it is: one like any other (see [`push_unique`]), none
/// when they are many, or one per entry of a count, each with the date listed for it; those with
/// no date are told apart by nothing but the count, so none is merged with another.
fn push_counted(
    s: &Sentences<'_>,
    (facts, counted): (&mut Vec<(Fact, Said)>, &mut Vec<Fact>),
    fact: Fact,
    said: Said,
    times: Times,
) {
    match times {
        Times::One => push_unique(s, facts, fact, said),
        Times::Many => {}
        Times::Each(_) if visits_own_country(s, &fact) => {}
        Times::Each(dates) => {
            // Two patterns, or two sentences, may count the same visits (就任以来两次访华…他曾两次
            // 访问中国: two): undated ones are added only beyond those counted before.
            let before = counted.iter().filter(|c| visit_key(c) == visit_key(&fact)).count();
            let mut undated = 0;
            for date in dates {
                undated += usize::from(date.is_none());
                if date.is_none() && undated <= before {
                    continue;
                }
                let mut each = fact.clone();
                (each.start, each.end) = (date, date);
                each.recollected = date.is_none();
                match date {
                    Some(_) => push_unique(s, facts, each, Said { stated: true, ..Said::default() }),
                    None => counted.push(each),
                }
            }
        }
    }
}

/// A visit's visitor and host.
fn visit_key(f: &Fact) -> (Option<usize>, Option<usize>) {
    (f.with_role(Role::Visitor).next(), f.with_role(Role::HostCountry).next())
}

/// True when the visitor of `fact` is a leader of its host: no visit.
fn visits_own_country(s: &Sentences<'_>, fact: &Fact) -> bool {
    let visitor = fact.with_role(Role::Visitor).next().map(|e| &s.entities[e]);
    let host = fact.with_role(Role::HostCountry).next().map(|e| &s.entities[e].iri);
    visitor.and_then(|v| v.country.as_ref()).is_some_and(|c| Some(c) == host)
}

/// Where a pattern puts the visitor and the host.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// The visitor is the last leader before the host (X对Y进行访问).
    VisitorLast,
    /// The visitor is the first leader after the host (在对Y进行访问期间,X…).
    VisitorFirst,
    /// The visitors are those a visit describes, listed after it (正在Y访问的X, 应邀到Y访问的X和Z).
    Described,
    /// The host follows a bare 访问 (X访问了Y).
    HostFirst,
}

/// Verbs whose object may be a visiting guest described by the phrase after them.
const GUEST_VERBS: [&str; 8] = ["会见", "会晤", "欢迎", "接见", "宴请", "同", "与", "和"];

fn is_han(c: char) -> bool {
    crate::text::normalize::is_cjk(c)
}

/// Where the clause holding `from` ends (a comma or semicolon), at most at `end`.
fn clause_end(s: &Sentences<'_>, from: usize, end: usize) -> usize {
    s.text[from..end].find([',', ';']).map_or(end, |i| from + i)
}

/// Words naming the document's own visit (此次习近平主席对韩国的国事访问).
const THIS: [&str; 3] = ["此次", "这次", "本次"];

/// Dates `fact` from its own words `own` when they say when, else as the document's own visit when
/// they call it 此次 (`current`), else from its sentence: 通过2013年朴槿惠总统对中国的国事访问和此次
/// 习近平主席对韩国的国事访问 dates only the first in 2013. True when the text states the date.
fn date_of(fact: &mut Fact, own: &str, current: bool, sentence: &str, document: Option<Date>) -> Said {
    let said = date(fact, own, document);
    if said.stated {
        return said;
    }
    let own_dates = (fact.start, fact.end);
    let from_sentence = date(fact, if current { "" } else { sentence }, document);
    // 回忆起1992年底…的会晤,期待着江泽民访问俄罗斯: a visit its own words speak of as to come takes no
    // earlier year the sentence gives another event.
    let earlier = fact.start.or(fact.end).zip(document).is_some_and(|(d, doc)| d.year < doc.year);
    if said.planned && from_sentence.stated && earlier {
        (fact.start, fact.end) = own_dates;
        return said;
    }
    from_sentence
}

/// A fact its sentence (starting at `at`) does not date takes the year its paragraph opens with,
/// when one before the document's does: a recollection, not the news. True when it is dated so or
/// was stated.
fn framed(fact: &mut Fact, said: Said, text: &str, at: usize, document: Option<Date>) -> Said {
    let dates = Dates { start: fact.start, end: fact.end, stated: said.stated, planned: said.planned };
    let Dates { start, end, stated, planned } = or_paragraph_year(dates, text, at, document);
    (fact.start, fact.end) = (start, end);
    let earlier = stated && start.or(end).zip(document).is_some_and(|(d, doc)| d.year < doc.year);
    Said { stated, planned, earlier }
}

/// Verbs of arriving (a visit's first day).
const ARRIVING: [&str; 4] = ["抵达", "飞抵", "到达", "降落"];

/// An arrival's day as a visit's first day only: its end keeps the month of that day.
fn arrival_starts_only(fact: &mut Fact) {
    if fact.start.is_some_and(|d| d.day.is_some()) && fact.end == fact.start {
        fact.end = fact.end.map(Date::without_day);
    }
}

/// Keeps the month of a visit's dates and drops their day: a visit its words name as a thing
/// (对尼泊尔的访问) without a date of its own happened near its report, not on its report's day.
fn month_only(fact: &mut Fact) {
    fact.start = fact.start.map(Date::without_day);
    fact.end = fact.end.map(Date::without_day);
}

/// Dates `fact` from its sentence and document; says whether the sentence itself named a day.
fn date(fact: &mut Fact, sentence: &str, document: Option<Date>) -> Said {
    let Dates { start, end, stated, planned } = event_dates(sentence, document);
    (fact.start, fact.end) = (start, end);
    Said { stated, planned, earlier: false }
}

/// What a statement of a visit says of its date: whether its sentence states one, and whether it
/// speaks of the visit as still to come.
#[derive(Debug, Clone, Copy, Default)]
struct Said {
    stated: bool,
    planned: bool,
    /// The stated date is in a year before the document's.
    earlier: bool,
}

/// Keeps one visit per (visitor, host); a later statement adds what the first lacked, and a date
/// its sentence states replaces one taken from the document. A leader's own country is no host.
fn push_unique(s: &Sentences<'_>, facts: &mut Vec<(Fact, Said)>, fact: Fact, said: Said) {
    if visits_own_country(s, &fact) {
        return;
    }
    // Visits its sentences date in different years are different visits (此前,祖马曾于2004年访华).
    let other_year = |f: &Fact, f_said: Said| {
        let when = |f: &Fact| f.start.or(f.end);
        f_said.stated && said.stated && when(f).zip(when(&fact)).is_some_and(|(a, b)| a.year != b.year)
    };
    // 安倍晋三去年9月访问了中国…很可能会在今年秋天访问北京: a visit to come is not one of an earlier year.
    let to_come = |s: Said| s.planned && !s.stated;
    let apart = |f_said: Said| to_come(f_said) && said.earlier || to_come(said) && f_said.earlier;
    match facts
        .iter_mut()
        .find(|(f, f_said)| visit_key(f) == visit_key(&fact) && !other_year(f, *f_said) && !apart(*f_said))
    {
        Some((existing, existing_said)) => {
            let undated = |f: &Fact| f.start.is_none() && f.end.is_none();
            // 李克强将…对泰国进行正式访问…此访是李克强总理时隔6年再次正式访泰: a visit the document
            // announces takes no date from the document, only from a sentence that states one.
            let planned = (existing_said.planned || said.planned) && !existing_said.stated && !said.stated;
            if planned {
                (existing.start, existing.end) = (None, None);
                existing_said.planned = true;
            } else if undated(existing) || said.stated && !existing_said.stated {
                existing.start = fact.start;
                existing.end = fact.end;
                *existing_said = said;
            }
            // 托卡耶夫抵达北京 (a headline) says 访问; the sentence after it, 国事访问.
            let plain =
                |f: &Fact| matches!(&f.detail, FactDetail::Visit { visit_type } if visit_type == "访问");
            if plain(existing) && !plain(&fact) {
                existing.detail = fact.detail.clone();
            }
            if existing.with_role(Role::InvitedBy).next().is_none() {
                existing.roles.extend(fact.roles.iter().filter(|(r, _)| *r == Role::InvitedBy));
            }
        }
        None => facts.push((fact, said)),
    }
}
