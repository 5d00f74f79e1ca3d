//! Meetings: each verb of talks (会谈, 会见, 会晤) with the leaders of its own clause (X同Y举行会谈,
//! X会见了Y, X、Y分别会见, 两国元首举行会谈), one meeting per distinct group and date in a document.
//!
//! The entry point is [`find`]. A clause that names no subject before its verb (将与Y举行会谈) takes
//! the sentence's subject; a clause whose 会见 has no object (Z分别会见) takes the last guest. Which
//! mentions are one meeting is decided in `same_talks`; which leaders 两国元首 means, in `heads`.

use super::dating::{event_dates, or_paragraph_year, report_day, Dates};
use super::delegations;
use super::heads::{heads_of, Head};
use super::hosts::HERE;
use super::same_talks::{join_during_visits, names, one_undated_per_meeting, push_unique, within};
use super::Sentences;
use crate::extract::lexicon::{Entry, Lexicon};
use crate::model::{Date, Fact, FactDetail, FactKind, Kind, Role};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Verbs of talks: 会谈, 会见, 会晤, 会面, 接见, 茶叙, a discussion held (进行了…讨论, 进行了很好的谈话), a
/// summit held by two (与金正日举行战后首次高峰会, 与总统尹锡悦举行峰会), a headline's 晤 (习近平晤阿巴斯) and the heads'
/// exchange of views (两国元首就…交换意见); the last three only where [`verb_stands`] allows.
static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(会谈|会见|会晤|会面|见面|拜会|拜见|拜访|接见|晤谈|茶叙|共同主持|交换了?意见|进行了?[^,;:。]{0,12}?(?:讨论|交谈|谈话|交流)|举行了?[^,;:。]{0,10}?(?:高[峰峯]会|首脑会议)|举行了?(?:双边|首次)?峰会|晤)",
    )
    .expect("meeting")
});
/// A sentence opening on a meeting (会晤中，两国领导人…; 会谈时): the meeting just told, when one of
/// the same people was, not one of its own.
static ANAPHOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"^[“"「『]?(?:会谈|会晤|会见)(?:中|时|期间|上)"#).expect("anaphor"));
static PLACE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"在(\p{Han}{2,8}?)(?:举行|会见|会晤)").expect("place"));
/// 在金奈同莫迪举行会晤: a place before the one met, taken only when it is a country or a known place
/// (在双方共同关心的问题上 is none).
static PLACE_WITH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"在(\p{Han}{2,8}?)(?:同|与|和)").expect("place with"));
/// What keeps a leader named in a clause away from its meeting: their name is part of an envoy's title
/// (习近平主席特使, 普京总统的特别代表) or of a thing they said or wrote (习近平总书记重要回信精神座谈会).
static NOT_PRESENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:主席|总统|总理|国王|首相|总书记)?的?(?:特使|特别代表|重要)").expect("not present")
});
/// A count of talks right before the verb (多次会晤, 三次会晤, 第二次会晤 is one meeting).
static COUNTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^第0-9一二三四五六七八九十两几多数])(?:[0-9]+|[一二三四五六七八九十两几多数]+)次(?:举行)?$",
    )
    .expect("counted")
});
/// 出席中印领导人第二次非正式会晤: talks attended, named by their countries (a compound of their
/// one-character forms) and their leaders.
static NAMED_TALKS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:出席|参加)(?P<named>\p{Han}{2,4}?)(?:领导人|元首|首脑|总理|外长)[^,;。]{0,12}?(?:会谈|会晤)",
    )
    .expect("named talks")
});
/// Words of talks held apart (on the telephone, by video): no meeting.
const REMOTE: [&str; 3] = ["电话", "视频", "通话"];
/// Verbs of attending someone else's talks (刘鹤、王毅等参加会见, 陪同会见).
const ATTENDING: [&str; 6] = ["参加", "参加了", "出席", "陪同", "陪同了", "在座"];
/// 参加了两位领导人的最后七十五分钟的会谈: attending the talks of others, named after 的 with no 同 or 与
/// that would make the attendee a side of them.
static ATTENDED_TALKS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:参加|出席|列席|陪同)了?[^,;。同与和跟]{0,16}的[^,;。同与和跟]{0,12}$")
        .expect("attended talks")
});
/// Verbs of hoping for talks (他期待着在北京同朗伊见面, 他与苏林可望进行的公开会面, 其愿意与马克龙举行
/// 会晤): talks wished for or expected are not told.
const WISHES: [&str; 7] = ["期待", "希望", "盼望", "期盼", "可望", "有望", "愿意"];
/// Verbs that speak of talks held by others (高度评价…举行的会晤).
const REPORTING: [&str; 8] = ["评价", "赞赏", "称赞", "回顾", "表示", "指出", "谈到", "忆及"];
/// 他 or 她 as the other side of talks (同他举行会谈, 会见了她), not 他们 or 其他.
static HIM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:同|与|和|跟|会见了?|会晤了?|接见了?)(?:他|她)(?:[^们]|$)").expect("him")
});
/// Prepositions that introduce the other side of talks (同Y举行会谈) after an unstated subject.
pub(super) const WITH: [char; 4] = ['同', '与', '和', '跟'];

/// True when the words from `clause_start` to the first of the leaders `before` hold a preposition
/// of talks (与, 同), not the 和 of 共和国: every leader named is on its other side.
fn opens_with_with(s: &Sentences<'_>, clause_start: usize, before: &[usize]) -> bool {
    let Some(&first) = before.first() else { return false };
    s.text[clause_start..s.mentions[first].start].replace("共和", "").contains(WITH)
}

/// One clause's meetings as groups of leader mentions, plus the verb.
struct Groups {
    groups: Vec<Vec<usize>>,
    verb: String,
    /// True for an exchange of views (两国元首就…交换意见), which states talks only where the
    /// document names no other talks of the same leaders.
    weak: bool,
    /// Where the verb starts in the document.
    at: usize,
}

/// What the clauses before the current one said: who spoke, and who was met.
#[derive(Default)]
struct Carried {
    subject: Option<usize>,
    guests: Vec<usize>,
    /// The first leader of the next clause.
    next_subject: Option<usize>,
    /// Leaders listed together as the subject of a clause without talks (默克尔、奥朗德、普京和波罗申科
    /// 当天举行电话会议).
    together: Vec<usize>,
    /// Who 他 or 她 opening a clause may be: the leaders of the last sentence that named one and
    /// did not open on 他 or 她, the first most likely (see [`referent`]).
    named: Vec<usize>,
}

/// Two leaders, unnamed, holding talks (随后两位领导人举行首脑会谈, 两位总统在…会晤).
static TWO_HOLD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"两位(?:领导人|总统|总理|首相|元首|首脑)(?:还|又|随后|随即|将|即将|在[^,;。]{1,12}?)?(?:举行|进行|会谈|会晤|会面)")
        .expect("two hold")
});

/// A clause opening on 他 or 她 (此后,他在纽约同…会晤; 他说), not 他们 or 她们.
static PRONOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:(?:此后|随后|之后|后来|当天|同日|次日)[,，]?)?[他她](?:[^们]|$)").expect("pronoun")
});

/// Who 他 or 她 opening `clause` is, of the leaders `named` in the sentence before: not one the clause
/// names itself (她同黄华外长会谈: not 黄华), a woman for 她 (`she`) where one of them is named as one
/// (撒切尔夫人), else the first.
fn referent(s: &Sentences<'_>, named: &[usize], clause: Range<usize>, she: bool) -> Option<usize> {
    let here: Vec<usize> = s.of_kind(clause, Kind::Leader).into_iter().map(|m| s.entity(m)).collect();
    let mut candidates = named.iter().copied().filter(|&m| !here.contains(&s.entity(m))).peekable();
    let first = candidates.peek().copied();
    candidates.find(|&m| she && woman(s, m)).or(first)
}

/// True when the leader's mention `m` names a woman: 撒切尔夫人, 班达拉奈克夫人, …女士, 女王.
fn woman(s: &Sentences<'_>, m: usize) -> bool {
    let name = &s.text[s.mentions[m].start..s.mentions[m].end];
    let after = &s.text[s.mentions[m].end..];
    name.ends_with("夫人") || name.ends_with("女士") || after.starts_with("女士") || name.contains("女王")
}

/// The opening of a sentence or clause that leaves its subject out: times and adverbs, then a
/// preposition or a verb of going or meeting (今天上午曾在…, 同时与…, 随后会见…), or an office's party
/// with no name (总理一行).
static NO_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:(?:今天|昨天|前天|当天|当日|同日|次日|翌日|当晚|随后|此后|之后|其后|其间|接着|然后|稍后|上午|下午|中午|晚上|晚间|早上)[,，]?)*(?:同时|另外|此外|随即|曾|还|也|又|并|再|将|已|即|便|就|先)*(?:同|与|跟|会见|会晤|拜会|前往|在|于|赴)|^\s*(?:总统|总理|主席|首相|国王|女王|总书记|国务卿|外长)一行",
    )
    .expect("no subject")
});

/// Meetings and talks stated in the document (between its `parties` when it says 两国元首), in a
/// document dated `document` and datelined at `dateline` (在这里举行会晤 was held there).
pub fn find(
    s: &Sentences<'_>,
    parties: &[usize],
    document: Option<Date>,
    dateline: Option<&str>,
    lexicon: &Lexicon,
) -> Vec<Fact> {
    let g = lexicon.gazetteer;
    let mut facts: Vec<(Fact, bool)> = Vec::new();
    let mut views: Vec<(Fact, bool)> = Vec::new();
    let mut during_visits: Vec<Fact> = Vec::new();
    let year = document.map(|d| d.year);
    let mut carried = Carried::default();
    let mut last_named: Vec<usize> = Vec::new();
    for span in &s.spans {
        let sentence = &s.text[span.clone()];
        let document = s.report_day(span.start, document);
        let dateline = s.place_at(span.start, dateline);
        // 本扬同阮富仲举行会谈;与陈大光举行会晤;会见阮春福: a part after a semicolon keeps the subject
        // and the guests of the part before.
        if !s.text[..span.start].ends_with(';') {
            carried = Carried { named: last_named.clone(), ..Carried::default() };
        }
        // 他说,…: a sentence opening on 他 is still of the one he is.
        if !PRONOUN.is_match(sentence) {
            let named = s.of_kind(span.clone(), Kind::Leader);
            if !named.is_empty() {
                last_named = named;
            }
        }
        if !MEETING.is_match(sentence) {
            continue;
        }
        // The sentence's dates, for the year of both heads and for every meeting it tells.
        let dates = or_paragraph_year(event_dates(sentence, document), s.text, span.start, document);
        // 习近平与普京举行会晤,这是两国元首今年第三次会晤: the heads are those who met just before.
        let mut met_before: Option<Vec<usize>> = None;
        let parts = listed_on(s, clauses(span.clone(), sentence));
        for (k, clause) in parts.iter().enumerate() {
            // 会见X时,王毅表示: a clause of time takes the subject of the clause after it.
            carried.next_subject =
                parts.get(k + 1).and_then(|next| s.of_kind(next.clone(), Kind::Leader).first().copied());
            let Some(Groups { groups, verb, weak, at }) =
                clause_groups(s, span.start, clause.clone(), &mut carried)
            else {
                continue;
            };
            let mut met: Vec<(Vec<usize>, Vec<usize>)> =
                groups.into_iter().map(|g| (entities(s, &g), g)).collect();
            // 罗照辉介绍习近平即将赴印度出席中印领导人第二次非正式会晤: talks attended as a named event
            // are those of the leaders of the countries named in it, not of whoever the clause names.
            if let Some(named) = attended_talks(s, clause.clone()) {
                let people = heads_of(s, &named, Head::Either, year, g);
                met = if people.len() == named.len() { vec![(people, Vec::new())] } else { Vec::new() };
            } else if let Some(head) =
                met.iter().all(|(p, _)| p.len() < 2).then(|| Head::both_sides_in(s, span.clone())).flatten()
            {
                // 两国领导人…深化印中战略互信: the two countries the sentence names, else the parties,
                // else the two leaders of two countries the sentence before named (普京…应白俄罗斯总统
                // 卢卡申科邀请…。两国总统将于24日…举行正式会谈).
                let named = countries_in(s, span.clone());
                let year = dates.start.map_or(year, |d| Some(d.year));
                let both = match &met_before {
                    Some(people) => people.clone(),
                    None if named.len() == 2 => heads_of(s, &named, head, year, g),
                    None => Some(heads_of(s, parties, head, year, g))
                        .filter(|heads| heads.len() == 2)
                        .unwrap_or_else(|| two_of_two_countries(s, &carried.named)),
                };
                met = vec![(both, Vec::new())];
            }
            // 随后两位领导人举行首脑会谈: the two leaders, of two countries, named before in the sentence or
            // in the one before.
            if met.iter().all(|(p, _)| p.len() < 2) && TWO_HOLD.is_match(&s.text[clause.clone()]) {
                let here = s.of_kind(span.start..clause.start, Kind::Leader);
                let both = Some(two_of_two_countries(s, &here))
                    .filter(|b| !b.is_empty())
                    .unwrap_or_else(|| two_of_two_countries(s, &carried.named));
                met = vec![(both, Vec::new())];
            }
            if let Some((people, _)) = met.iter().find(|(p, _)| p.len() == 2) {
                met_before = Some(people.clone());
            }
            // 布什昨天已抵达悉尼,…,他会在明日会见胡锦涛: a day the meeting's own clause states is its.
            let own = event_dates(&s.text[clause.clone()], report_day(sentence, document));
            for (participants, group) in met {
                // 美国财政部长本特森、贸易代表坎特…都会晤了中国高级官员: leaders of one country, with
                // the other side unnamed, are one side of talks, not both.
                let country = |p: usize| s.entities[p].country.as_deref();
                let one_side = participants
                    .iter()
                    .all(|&p| country(p).is_some() && country(p) == country(participants[0]));
                if participants.len() < 2 || one_side {
                    continue;
                }
                let mut fact = Fact::new(FactKind::Meeting, span.clone());
                fact.roles.extend(participants.iter().map(|&p| (Role::Participant, p)));
                fact.evidence.extend(group);
                fact.detail = FactDetail::Meeting { meeting_type: verb.clone() };
                // 在莫斯科举行会谈 names a place; 在亲切友好气氛中举行会谈 does not.
                let known = |c: &regex::Captures<'_>| {
                    let place = c.get(1).map_or(0..0, |p| span.start + p.start()..span.start + p.end());
                    super::hosts::place_first(s, place, lexicon)
                };
                fact.place = PLACE
                    .captures(sentence)
                    .or_else(|| PLACE_WITH.captures(sentence).filter(known))
                    .map(|c| trim_adverbs(&c[1]).to_owned())
                    .filter(|p| !p.is_empty() && !p.contains("气氛") && !p.ends_with(['中', '下']))
                    // 在这里举行会晤: the place the report is datelined, when it names one.
                    .and_then(|p| match HERE.contains(&p.as_str()) {
                        true => dateline.map(str::to_owned),
                        false => Some(p),
                    });
                let Dates { start, end, stated, .. } = if own.stated { own } else { dates };
                // 两国领导人大阪会晤推动…: talks named by their place are past ones, not of the report's day.
                let named = !stated && named_by_place(s, clause.start..at, lexicon);
                (fact.start, fact.end) = if named { (None, None) } else { (start, end) };
                // 将于10月14日至17日访华并同…共同主持: the days are the visit's, told before the talks.
                let visit_first =
                    sentence.find('访').is_some_and(|v| MEETING.find_iter(sentence).any(|m| v < m.start()));
                let told = |f: &Fact| names(s, f) == names(s, &fact);
                if ANAPHOR.is_match(sentence) && facts.iter().any(|(f, _)| told(f)) {
                    continue;
                }
                if weak {
                    views.push((fact, stated));
                } else if visit_first && within(start, end).is_some() {
                    during_visits.push(fact);
                } else {
                    push_unique(s, &mut facts, fact, stated);
                }
            }
        }
    }
    // An exchange of views is the talks the document names elsewhere, if it names them.
    let people = |f: &Fact| {
        let mut p: Vec<usize> = f.with_role(Role::Participant).collect();
        p.sort_unstable();
        p
    };
    for (fact, stated) in views {
        if !facts.iter().any(|(f, _)| people(f) == people(&fact)) {
            push_unique(s, &mut facts, fact, stated);
        }
    }
    let mut out = one_undated_per_meeting(s, facts);
    join_during_visits(s, &mut out, during_visits);
    out
}

/// True when the talks whose verb ends `head` are named by their place (大阪会晤, 阿根廷会晤, 武汉非正式
/// 会晤): a country or a city of the gazetteer right before the verb, not where they are held (在大阪会晤).
fn named_by_place(s: &Sentences<'_>, head: Range<usize>, lexicon: &Lexicon) -> bool {
    let text = &s.text[head.clone()];
    let text = text.strip_suffix("非正式").unwrap_or(text);
    let named = |start: usize| !text[..start].ends_with(['在', '于', '赴', '到', '抵']);
    let end = head.start + text.len();
    let country = s.mentions.iter().any(|m| {
        m.kind == Kind::Country
            && m.start >= head.start
            && m.end == end
            && m.surface.chars().count() >= 2
            && named(m.start - head.start)
    });
    // Each of the head's last six endings is looked up alone: in the whole head a longer word
    // before the place (人大 of 领导人大阪) would hide it.
    let place = text.char_indices().rev().take(6).any(|(k, _)| {
        lexicon
            .find(&text[k..])
            .first()
            .is_some_and(|h| h.entry == Entry::Place && h.start == 0 && k + h.end == text.len() && named(k))
    });
    country || place
}

/// The clauses of a sentence (byte ranges of the document), split at commas, semicolons and colons.
fn clauses(span: Range<usize>, sentence: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in sentence.char_indices() {
        if matches!(c, ',' | ';' | ':') {
            out.push(span.start + start..span.start + i);
            start = i + c.len_utf8();
        }
    }
    out.push(span.start + start..span.end);
    out
}

/// What may stand between the leaders of a list that runs on past a comma: a connective, then an
/// office with its country or body (,老挝国会主席巴妮·雅陶都以及政府总理通伦·西苏里), nothing said.
static LIST_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:以及|和|及|与|、)?[^的是有在了也都说将已并称时]{0,14}$").expect("list gap")
});

/// `parts` with each clause that only lists more leaders joined to the one before it, when that one
/// ends on a leader met: 拜访老挝…总书记、国家主席本扬·沃拉吉,老挝国会主席巴妮·雅陶都以及政府总理
/// 通伦·西苏里 meets three.
fn listed_on(s: &Sentences<'_>, parts: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let ends_on_leader = |r: &Range<usize>| {
        let end = r.start + s.text[r.clone()].trim_end_matches(['。', ' ', '\n', '等']).len();
        s.of_kind(r.clone(), Kind::Leader).last().is_some_and(|&m| s.mentions[m].end == end)
    };
    let only_lists = |r: &Range<usize>| {
        let leaders = s.of_kind(r.clone(), Kind::Leader);
        let mut from = r.start;
        let gaps_list = leaders.iter().all(|&m| {
            let gap = s.text.get(from..s.mentions[m].start).unwrap_or("");
            from = s.mentions[m].end;
            LIST_GAP.is_match(gap) && !MEETING.is_match(gap)
        });
        !leaders.is_empty() && gaps_list && ends_on_leader(r)
    };
    // 先后会见了…总经理法利,反对党外交事务发言人皮考克,国家党领袖费希尔: after a verb met in turn, an item
    // naming no leader the document knows keeps the list going.
    let item = |r: &Range<usize>| {
        let text = &s.text[r.clone()];
        s.of_kind(r.clone(), Kind::Leader).is_empty() && LIST_ITEM.is_match(text) && !MEETING.is_match(text)
    };
    let mut out: Vec<Range<usize>> = Vec::new();
    for part in parts {
        match out.last_mut() {
            Some(last)
                if MEETING.is_match(&s.text[last.clone()])
                    && (ends_on_leader(last) && only_lists(&part)
                        || IN_TURN.is_match(&s.text[last.clone()]) && (only_lists(&part) || item(&part))) =>
            {
                last.end = part.end;
            }
            _ => out.push(part),
        }
    }
    out
}

/// Verbs of meeting several in turn (先后会见了, 分别会晤): the commas after them list those met.
static IN_TURN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:先后|分别)(?:会见|会晤|拜会|接见|拜访)").expect("in turn"));

/// A clause that is one item of a list: a title and a name, no verb (国家党领袖费希尔).
static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:以及|和|及|与|、)?[^的是有在了也都说将已并称时]{1,24}?等?[。;]?\s*$")
        .expect("list item")
});

/// The groups of leader mentions meeting in `clause`, updating what later clauses inherit.
fn clause_groups(
    s: &Sentences<'_>,
    opening: usize,
    clause: Range<usize>,
    carried: &mut Carried,
) -> Option<Groups> {
    let text = &s.text[clause.clone()];
    if carried.subject.is_none() && PRONOUN.is_match(text) {
        carried.subject = referent(s, &carried.named, clause.clone(), text.contains('她'));
    }
    // 习近平主席特使王志刚: the leader who sends an envoy is not at the envoy's meetings, nor the one
    // whose words a meeting is about (接见参加贯彻习近平总书记重要回信精神座谈会的代表).
    // 随藤森总统访华的…部长许拜会了李岚清: the leader a guest came with is not at the guest's meeting.
    let accompanied = |m: usize| {
        let (start, end) = (s.mentions[m].start, s.mentions[m].end);
        let lead = &s.text[clause.start..start];
        (lead.ends_with('随') || lead.ends_with("随同")) && s.text[end..clause.end].contains('的')
    };
    let leaders: Vec<usize> = s
        .of_kind(clause.clone(), Kind::Leader)
        .into_iter()
        .filter(|&m| !NOT_PRESENT.is_match(&s.text[s.mentions[m].end..clause.end]) && !accompanied(m))
        .collect();
    // 会晤机制, 定期会晤委员会: the verb names a body or a mechanism, not talks held; 团拜会 is a
    // reception.
    let verb = MEETING.find_iter(text).find(|v| {
        let next: String = text[v.end()..].chars().take(5).collect();
        // 有机会见到: 会 of 机会 opens no verb.
        let of_chance = v.as_str().starts_with('会') && text[..v.start()].ends_with('机');
        !(next.contains("机制") || next.contains("委员会") || text[..v.start()].ends_with('团') || of_chance)
            && verb_stands(s, clause.start + v.start(), clause.start + v.end(), clause.clone(), &leaders)
    });
    let Some(verb) = verb else {
        // 应Y邀请 names the host, not who speaks next.
        if !text.contains("邀请") {
            if let Some(&first) = leaders.first() {
                carried.subject = Some(first);
            }
            // A clause naming others (南韩总统尹锡悦26日,分别与…) ends what the list before said.
            if !leaders.is_empty() {
                carried.together = if listed_together(s, &leaders) { leaders } else { Vec::new() };
            }
        }
        return None;
    };
    // 王毅、何立峰等参加会见: those who attend the talks of the clause before hold none of their own;
    // 期待着在北京同朗伊见面 hopes for talks, which no report yet tells.
    // 出席葬礼的万里会见了…: after the last 的 stands the one who meets, not the talks of others.
    let attended = ATTENDED_TALKS.find(&text[..verb.start()]).is_some_and(|m| {
        let of = clause.start + m.start() + m.as_str().rfind('的').unwrap_or(0);
        !leaders.iter().any(|&l| (of..clause.start + verb.start()).contains(&s.mentions[l].start))
    });
    if ATTENDING.iter().any(|w| text[..verb.start()].ends_with(w))
        || attended
        || WISHES.iter().any(|w| text[..verb.start()].contains(w))
    {
        return None;
    }
    let verb_at = clause.start + verb.start();
    // 同安倍首相多次会晤, 三次会晤: a count of talks is no one meeting.
    if COUNTED.is_match(&text[..verb.start()]) {
        return None;
    }
    let (mut before, mut after): (Vec<usize>, Vec<usize>) =
        leaders.iter().partition(|&&m| s.mentions[m].end <= verb_at);
    // 毛泽东接见了朝鲜民主主义人民共和国政府代表团: a delegation whose head the document named is met in
    // its head.
    if after.is_empty() {
        after.extend(delegations::head_met(s, clause.start + verb.end(), clause.end));
    }
    // 李克强总理将同他举行会谈, 也将会见他: 他 is the one met in the clause before, or, where none
    // was, its subject (二阶堂进…来访时,胡耀邦在武汉会见了他).
    let him = match carried.guests[..] {
        [guest] => Some(guest),
        [] => carried.subject,
        _ => None,
    };
    // 她同黄华外长会谈…,李先念副总理同她举行了会谈: 她 is the woman of those named before.
    let she = HIM.find(text).is_some_and(|m| m.as_str().contains('她'));
    let him = match she {
        true => {
            carried.subject.into_iter().chain(carried.guests.iter().copied()).find(|&m| woman(s, m)).or(him)
        }
        false => him,
    };
    if let Some(guest) = him.filter(|g| HIM.is_match(text) && !leaders.contains(g)) {
        after.push(guest);
    }
    // 拉加万高度评价习近平和莫迪去年举行的会晤: talks named as a thing (举行的会晤) are those of the
    // leaders after the verb that speaks of them, not of the one who speaks.
    if let Some(&last) = before.last() {
        let nominal = s.text[s.mentions[last].end..verb_at].contains('的');
        let spoken = before.iter().rposition(|&m| {
            let rest = &s.text[s.mentions[m].end..verb_at];
            REPORTING.iter().any(|w| rest.contains(w))
        });
        if let Some(k) = spoken.filter(|&k| nominal && k + 1 < before.len()) {
            before.drain(..=k);
        }
    }
    // 默克尔、奥朗德、普京和波罗申科…举行电话会议,决定于11日在明斯克举行会晤: talks that name no one are
    // those of the leaders listed together before them.
    let together =
        leaders.is_empty() && after.is_empty() && carried.together.len() > 1 && !HIM.is_match(text);
    if together {
        before.clone_from(&carried.together);
    }
    // 将与Y举行会谈, 并会见Y: the subject is the sentence's.
    let elided_subject = !together
        && before.first().is_none_or(|&m| {
            let lead = &s.text[clause.start..s.mentions[m].start];
            lead.contains(WITH)
        });
    if elided_subject {
        // 会见X时, 访问期间, 在与X的会谈中, 在与普京会晤之前: a clause of time, whose subject is the next
        // clause's.
        let of_time = text.ends_with('时')
            || text.ends_with("期间")
            || (text.starts_with('在')
                && (text.ends_with('中') || text.ends_with("之前") || text.ends_with("之后")));
        // 今天上午曾在…发表演说,同时与胡锦涛会面; 总理一行…前往会见通邢: a sentence that opens with
        // no subject, and a clause of it with none, are still of the one the last sentence opened on.
        let unnamed = !leaders.is_empty()
            && s.of_kind(opening..clause.start, Kind::Leader).is_empty()
            && NO_SUBJECT.is_match(&s.text[opening..clause.end])
            && (opening == clause.start || NO_SUBJECT.is_match(text));
        let subject = carried.subject.or(carried.next_subject.filter(|_| of_time)).or(carried
            .named
            .first()
            .copied()
            .filter(|_| unnamed));
        match subject.filter(|x| !leaders.contains(x)) {
            Some(subject) => before.insert(0, subject),
            // 正在协调与越南总理阮春福和印度尼西亚总统佐科等人的会谈: those after 与 are the other side
            // of talks whose subject no sentence names, not a meeting of their own.
            None if subject.is_none()
                && after.is_empty()
                && before.len() > 1
                && opens_with_with(s, clause.start, &before) =>
            {
                return None
            }
            None => {}
        }
    }
    // 刚果总统萨苏同胡锦涛举行会谈 with 萨苏 not known as a leader: 胡锦涛 is the one met, no subject.
    let subject_known = !elided_subject || before.first() != leaders.first();
    // Z分别会见 with nothing after the verb: the guests are those of the clause before.
    let object_elided = after.is_empty()
        && verb.as_str() == "会见"
        && text[verb.end()..].trim_matches(|c: char| c == '了' || c == '。' || c.is_whitespace()).is_empty();
    // 与A、B等多国领导人举行双边会见: bilateral talks are one meeting with each guest, as 分别 says.
    let bilateral = text[..verb.start()].ends_with("双边");
    let each = text
        .find("分别")
        .or_else(|| bilateral.then(|| text.find(['与', '同'])).flatten())
        .map(|at| clause.start + at);
    let (mut hosts, mut guests): (Vec<usize>, Vec<usize>) = match each {
        Some(at) => before.iter().chain(&after).partition(|&&m| s.mentions[m].end <= at),
        None => (before.clone(), after.clone()),
    };
    // 普京同托卡耶夫、米尔济约耶夫分别举行会谈, 他将同参议长纳马尼和众议长马萨里等领导人会晤: the one
    // before 同 or 与 (or a 和 after words of time and place: 将于16日在北京和习近平与李强会面) meets each
    // one after it.
    let one_by_one = each.is_some() || receives_each(text, verb.as_str());
    if one_by_one
        && guests.is_empty()
        && hosts.len() > 2
        && (each.is_some() || of_one_country(s, &hosts[1..], &verb))
    {
        let gap = &s.text[s.mentions[hosts[0]].end..s.mentions[hosts[1]].start];
        let with_and = gap.rfind('和').is_some_and(|at| gap[..at].contains(['将', '在', '于', '日']));
        if gap.contains(['同', '与']) || with_and {
            guests = hosts.split_off(1);
        }
    }
    if object_elided && guests.is_empty() {
        guests = carried.guests.clone();
    }
    // 王后陛下…接见了周恩来总理、陈毅副总理: guests received by a host the text does not name as a
    // leader met the host, not each other.
    if hosts.is_empty() && matches!(verb.as_str(), "会见" | "接见") {
        carried.guests = after;
        return None;
    }
    let groups: Vec<Vec<usize>> = if each.is_some() && hosts.len() > 1 && !guests.is_empty() {
        hosts.iter().map(|&h| [h].into_iter().chain(guests.iter().copied()).collect()).collect()
    } else if hosts.len() == 1
        && guests.len() > 1
        && one_by_one
        && (each.is_some() || of_one_country(s, &guests, &verb))
    {
        // 王毅分别会见A、B, 会见了桑帕约总统和伽马议长, 同参议长纳马尼和众议长马萨里等领导人会晤: one
        // meeting with each guest.
        guests.iter().map(|&g| vec![hosts[0], g]).collect()
    } else if hosts.len() > 1
        && guests.len() == 1
        && receives_each(text, verb.as_str())
        && of_one_country(s, &hosts, &verb)
    {
        // 江泽民和李鹏会见了恩赫巴亚尔总理: each host receives the guest.
        hosts.iter().map(|&h| vec![h, guests[0]]).collect()
    } else {
        vec![hosts.iter().chain(&guests).copied().collect()]
    };
    // Who is met here is met by the next clause that leaves its object out.
    if !after.is_empty() {
        carried.guests = after;
    } else if before.len() >= 2 {
        carried.guests = before[1..].to_vec();
    }
    if let Some(&first) = before.first().filter(|_| subject_known) {
        carried.subject = Some(first);
    }
    Some(Groups {
        groups,
        verb: meeting_type(verb.as_str()).to_owned(),
        weak: verb.as_str().starts_with("交换"),
        at: verb_at,
    })
}

/// True when `leaders` (two or more, in order) are listed one after another: only a list mark or 和, 与
/// or 及 and the next one's country and office stand between them (默克尔、法国总统奥朗德和…).
fn listed_together(s: &Sentences<'_>, leaders: &[usize]) -> bool {
    leaders.len() > 1
        && leaders.windows(2).all(|pair| {
            let gap = &s.text[s.mentions[pair[0]].end..s.mentions[pair[1]].start];
            gap.starts_with(['、', '和', '与', '及'])
                && gap.chars().count() <= 12
                && !gap.contains(['的', '在'])
        })
}

/// True when the verb at `start..end` of `clause` with `leaders` states talks: a headline's
/// bare 晤 only between two leaders' names (习近平晤阿巴斯), an exchange of views only by both heads
/// (两国元首就…交换意见) or with a leader (并同小渊惠三内阁总理大臣就…交换了意见), not on the telephone
/// or by video.
fn verb_stands(s: &Sentences<'_>, start: usize, end: usize, clause: Range<usize>, leaders: &[usize]) -> bool {
    let text = &s.text[clause.clone()];
    let verb = &s.text[start..end];
    if verb == "晤" {
        let leader_ends = s.mentions.iter().any(|m| m.kind == Kind::Leader && m.end == start);
        let leader_starts = s.mentions.iter().any(|m| m.kind == Kind::Leader && m.start == end);
        return leader_ends && leader_starts;
    }
    // 尼克松总统和周恩来总理…进行了…讨论: a discussion held in person, between leaders.
    if verb.starts_with("进行") {
        let remote = REMOTE.iter().any(|w| text.contains(w));
        return !remote && leaders.len() >= 2;
    }
    if verb.starts_with("交换") {
        let remote = REMOTE.iter().chain(&["致电", "信函"]).any(|w| text.contains(w));
        let with_leader = leaders.iter().map(|&m| &s.mentions[m]).any(|m| {
            s.text[..m.start].ends_with(['同', '与', '和'])
                && s.text.get(m.end..start).is_some_and(|t| t.contains('就'))
        });
        return !remote && (with_leader || Head::both_sides_in(s, clause).is_some());
    }
    true
}

/// The type of talks a verb names: 会谈, 会见 or 会晤.
fn meeting_type(verb: &str) -> &str {
    match verb {
        "接见" | "会面" | "拜会" | "拜见" | "拜访" => "会见",
        "晤" | "晤谈" | "茶叙" | "见面" => "会晤",
        "共同主持" => "会谈",
        v if v.starts_with("进行") => "会谈",
        v if v.starts_with("举行") => "会晤",
        v if v.starts_with("交换") => "会谈",
        v => v,
    }
}

/// True when the leaders listed on one side of a 会晤 or 会面 are of one country (参议长纳马尼和众议长马萨里):
/// one side's officials meet a guest one by one, while leaders of several countries (与法国总统马克龙、
/// 塞内加尔总统萨勒举行会晤) meet together. A 会见 receives each guest whatever their country.
fn of_one_country(s: &Sentences<'_>, listed: &[usize], verb: &regex::Match<'_>) -> bool {
    !matches!(verb.as_str(), "会晤" | "会面")
        || listed.windows(2).all(|w| countries_in(s, s.mentions[w[0]].end..s.mentions[w[1]].start).is_empty())
}

/// True when a 会见 (接见, 拜会, 拜访, 会晤, 会面) receives its guests one by one: a host receives a president
/// and a speaker separately unless the text says they were received together (集体会见, 共同会见,
/// 一起会见) or the meeting is one of three or more sides (三方会晤, 中俄蒙元首会晤, 峰会). Talks (会谈) of
/// two delegations are one meeting of the heads named.
fn receives_each(clause: &str, verb: &str) -> bool {
    let together = ["集体", "共同", "一起", "一同"].iter().any(|w| clause.contains(w));
    let sides = ["三方", "四方", "多方", "三国", "峰会", "元首会晤"].iter().any(|w| clause.contains(w));
    match verb {
        "会见" | "接见" | "拜会" | "拜见" | "拜访" => !together,
        "会晤" | "会面" => !together && !sides,
        _ => false,
    }
}

/// Adverbs between a place and its verb (在武汉首次举行): not part of the place.
const PLACE_ADVERBS: [&str; 12] =
    ["首次", "再次", "正式", "共同", "继续", "成功", "隆重", "亲切", "分别", "应约", "同", "又"];

/// The place without the adverbs that follow it.
fn trim_adverbs(mut place: &str) -> &str {
    while let Some(rest) = PLACE_ADVERBS.iter().find_map(|a| place.strip_suffix(a)) {
        place = rest;
    }
    place
}

/// A verb of attending (出席, 参加) before talks named by two or more countries and their leaders
/// (出席中印领导人第二次非正式会晤, 参加中美元首会晤) in `clause`: those countries.
fn attended_talks(s: &Sentences<'_>, clause: Range<usize>) -> Option<Vec<usize>> {
    let text = &s.text[clause.clone()];
    let caps = NAMED_TALKS.captures(text)?;
    let named = caps.name("named")?;
    let countries = countries_in(s, clause.start + named.start()..clause.start + named.end());
    (countries.len() >= 2).then_some(countries)
}

/// The distinct countries the mentions within `span` name, in order.
fn countries_in(s: &Sentences<'_>, span: Range<usize>) -> Vec<usize> {
    let mentions = s.of_kind(span, Kind::Country);
    entities(s, &mentions)
}

/// The two leaders `named` (mentions) stand for, when they are two, of two countries; else none.
fn two_of_two_countries(s: &Sentences<'_>, named: &[usize]) -> Vec<usize> {
    let people = entities(s, named);
    let country = |p: usize| s.entities[p].country.as_deref();
    match people[..] {
        [a, b] if country(a).is_some() && country(b).is_some() && country(a) != country(b) => people,
        _ => Vec::new(),
    }
}

/// The distinct entities of a group of mentions, in order.
fn entities(s: &Sentences<'_>, group: &[usize]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for &m in group {
        let e = s.entity(m);
        if !out.contains(&e) {
            out.push(e);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::trim_adverbs;

    #[test]
    fn places_lose_the_adverbs_after_them() {
        assert_eq!(trim_adverbs("武汉首次"), "武汉");
        assert_eq!(trim_adverbs("京分别"), "京");
        assert_eq!(trim_adverbs("莫斯科"), "莫斯科");
    }
}
