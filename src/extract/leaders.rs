//! Leaders named with an office: 俄罗斯联邦总统普京, 国务院总理李克强, 蒙古国总统乌赫那·呼日勒苏赫,
//! 尊敬的拉马福萨总统, 同呼日勒苏赫总统; then every other occurrence of a name found once.
//!
//! Names need no gazetteer entry: a transliterated name (parts joined by `·`, initials allowed) after
//! an office, or a two-to-four character name after an office that a country or body qualifies.

use super::compiled::{Offices, HONORIFICS};
use super::lexicon::Lexicon;
use super::ministries::{field_opens_title, is_ministry_field, joins_fields, names_a_ministry, qualifies};
use super::name_bounds::{
    acts_alone, heads_longer_name, is_han, is_stop_at, listed_after, name_after, never_starts, Stops,
    JOINERS, MALAY_HONORIFICS, TITLE_CONTINUATIONS,
};
use super::name_forms::{
    japanese_surname, link_to_full_forms, link_to_gazetteer, name_key, propagate, separate_namesakes,
};
use super::officials::{abbreviated_qualifier, country_of, envoy_country, heads_no_government};
use super::spans::Covered;
use super::{Key, Kind, Mention};
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

/// Bytes a greeting reaches back from its office: the longest opening word (尊敬的) and a name of
/// 16 characters of up to 4 bytes each. Greetings are searched only around the offices found: a
/// greeting's office overlaps one of them, so searching there finds what searching the text would.
const GREETING_REACH: usize = "尊敬的".len() + 16 * 4;

/// Greetings as (name start, name end, office), searched in the windows around `offices`.
fn greetings<'t>(
    text: &'t str,
    offices: Vec<(usize, usize)>,
    titles: &Offices,
) -> Vec<(usize, usize, &'t str)> {
    let windows = Covered::around(text, offices, GREETING_REACH, titles.longest);
    windows
        .spans()
        .iter()
        .flat_map(|&(from, to)| {
            let window = &text[from..to];
            titles.greeting.captures_iter(window).filter_map(move |caps| {
                let name = caps.name("name").expect("name group");
                let office = caps.name("office").expect("office group");
                // 有机会见到总书记: 会见 inside 机会 is no verb, and 书记 inside 总书记 no office after a name.
                let opening = caps.get(0).expect("whole match").start();
                let inside_longer = window[name.start()..name.end()].char_indices().skip(1).any(|(k, _)| {
                    let at = name.start() + k;
                    titles.at_start.find(&window[at..]).is_some_and(|t| at + t.end() == office.end())
                });
                // 和大平前外相: 前 before the office says "former", it ends no name.
                let name_end = match name.as_str().strip_suffix('前') {
                    Some(rest) if rest.chars().count() >= 2 => name.start() + rest.len(),
                    _ => name.end(),
                };
                (!window[..opening].ends_with('机') && !inside_longer)
                    .then(|| (from + name.start(), from + name_end, office.as_str()))
            })
        })
        .collect()
}

/// Offices that a company or a local bureau has as often as a state: a leader's only when the body
/// named right before them is a party or an organ of state.
const BODY_OFFICES: [&str; 4] = ["总裁", "副总裁", "办公室主任", "办公厅主任"];

/// Offices of a province, a state or a city (and their party's): their holders are listed with guests of any country.
const LOCAL_OFFICES: [&str; 6] = ["省长", "副省长", "市长", "州长", "省委书记", "市委书记"];

/// How far (in bytes) before an office the country or body qualifying it may end: a government word
/// and a ministry's field stand between (南非国际关系与合作部长: nine characters).
const QUALIFIER_REACH: usize = 27;

/// What the leader recognizer adds, and which gazetteer matches it withdraws.
#[derive(Debug, Default)]
pub struct Found {
    pub added: Vec<Mention>,
    /// Short (two-character) gazetteer names never confirmed by an office or a longer form: these
    /// are more likely parts of ordinary words (他信 in 其他信息) than the leader.
    pub withdrawn: Vec<(usize, usize)>,
    /// Gazetteer names found right after an office: (start, end, office, country the office's
    /// qualifier gives), so resolution can check the leader against them.
    pub offices: Vec<(usize, usize, String, Option<usize>)>,
}

/// A list of two-to-three-character names ending in 等, its last name joined by 、, 以及, 和 or 及, and
/// the act that may follow (等参加, 等陪同 …).
static ENUMERATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<list>(?:\p{Han}{2,3}、)+\p{Han}{2,3}(?:(?:以及|和|及)\p{Han}{2,3})?)等(?P<act>参加|出席|陪同|在座|会见|会谈)?",
    )
    .expect("enumeration")
});

/// Words that introduce a list of leaders named without offices (党政领导人朴成哲、李钟玉…等;
/// 领导同志有:黄永胜、张春桥…等).
const LEADER_GROUPS: [&str; 4] = ["领导人", "领导同志有:", "领导同志", "领导成员"];

/// Leader mentions in `text`, given the mentions already found (countries and bodies qualify offices).
pub fn find(text: &str, existing: &[Mention], lexicon: &Lexicon) -> Found {
    let (titles, chars) = (&lexicon.offices, &lexicon.words.chars);
    let stops = &Stops {
        words: &lexicon.words.leader_name_stops,
        chars: chars.name_stops,
        transliteration: chars.transliteration,
    };
    let mut found: Vec<Mention> = Vec::new();
    // 克里斯托弗·亚鲁马: a one-part gazetteer name right before a dot is someone else's given name
    // (a dotted one is the leader's name in a longer form: 穆罕默德·本·萨勒曼·阿勒沙特).
    let given_names: Vec<(usize, usize)> = existing
        .iter()
        .filter(|m| m.kind == Kind::Leader && matches!(m.key, Key::Leader(_)))
        .filter(|m| text[m.end..].starts_with('·') && !m.surface.contains('·'))
        .map(|m| (m.start, m.end))
        .collect();
    let leader_starts: BTreeSet<usize> = existing
        .iter()
        .filter(|m| m.kind == Kind::Leader && !given_names.contains(&(m.start, m.end)))
        .map(|m| m.start)
        .collect();
    let leader_at = |start: usize| leader_starts.contains(&start);
    // 同克里斯琴总统: a known short name (克里) at the start of a longer one bounded by its office
    // does not stop the longer name; the longest mention is kept.
    let leader_reaching = |start: usize, end: usize| {
        existing.iter().any(|m| {
            m.kind == Kind::Leader
                && m.start == start
                && m.end >= end
                && !given_names.contains(&(m.start, m.end))
        })
    };
    let others =
        Covered::new(existing.iter().filter(|m| m.kind != Kind::Leader).map(|m| (m.start, m.end)).collect());
    let clashes = |start: usize, end: usize| {
        others.overlaps(start, end) || text[start..].starts_with(|c| chars.not_name_start.contains(c))
    };
    let mut qualifier_ends: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, m) in existing.iter().enumerate() {
        if matches!(m.kind, Kind::Country | Kind::Organization) {
            qualifier_ends.entry(m.end).or_default().push(i);
        }
    }
    let found_offices: Vec<aho_corasick::Match> = titles.automaton.find_iter(text).collect();
    let mut offices = Vec::new();
    for office in &found_offices {
        let Some((start, end, dotted)) = name_after(text, office.end(), stops, titles) else { continue };
        // 国防部长卡特朱, 研究部长马拉维亚: a known name or a country that the name after an office
        // runs on past is only the head of that longer name.
        let heads = |m: &Mention| {
            matches!(m.kind, Kind::Leader | Kind::Country)
                && m.start == start
                && heads_longer_name(text, (office.start(), m.end, end), stops, titles)
        };
        let at_start =
            || existing.iter().filter(|m| matches!(m.kind, Kind::Leader | Kind::Country) && m.start == start);
        let longer_than_known = at_start().next().is_some() && at_start().all(heads);
        // The country heading the longer name is no clash; any other mention it overlaps is.
        let clashes_besides_head = || {
            let clash_free = existing
                .iter()
                .filter(|m| m.kind != Kind::Leader && m.start < end && start < m.end)
                .all(|m| m.kind == Kind::Country && heads(m));
            !clash_free || text[start..].starts_with(|c| chars.not_name_start.contains(c))
        };
        let clash = if longer_than_known { clashes_besides_head() } else { clashes(start, end) };
        if clash {
            continue;
        }
        // The first country or body (in `existing` order) ending at most nine characters before the
        // office, with only what may stand between them (see `qualifies`).
        let office_text = &text[office.range()];
        // 老挝副总理兼外长沙伦赛: an office held with another (兼) is qualified as that one is.
        let first = held_with(&found_offices, text, office.start()).unwrap_or(office.range());
        let qualifier = qualifier_ends
            .range(first.start.saturating_sub(QUALIFIER_REACH)..=first.start)
            .flat_map(|(_, indices)| indices.iter().copied())
            .filter(|&i| {
                qualifies(
                    &text[existing[i].end..first.start],
                    &text[first.clone()],
                    chars.office_qualifier_gap,
                )
            })
            .min()
            .map(|i| &existing[i])
            // 吉尔吉斯斯坦外交部长: a country's body whose name took the first characters of an office
            // naming that body (外交部 of 外交部长, not 部 of 部长) qualifies it, as does a country's
            // name that did so (瑞士联邦主席: 瑞士联邦 took 联邦 of 联邦主席).
            .or_else(|| {
                let names_body = text[first.clone()].chars().count() >= 4;
                existing.iter().filter(|_| names_body).find(|m| {
                    (m.kind == Kind::Organization && m.country.is_some() || m.kind == Kind::Country)
                        && m.start < first.start
                        && (first.start + 1..first.end).contains(&m.end)
                })
            });
        // 中英总理年度会晤, 中俄印外长会晤: an office two or more countries share is no one's title.
        if qualifier.is_some_and(|q| shared_by_countries(q, existing)) {
            continue;
        }
        // 德国驻华大使: an envoy is of the country sending them, not of the one qualifying the office.
        let envoy = envoy_country(text, office.start(), office_text, existing, lexicon);
        let qualifier_country = |q: Option<&Mention>, countries_only: bool| {
            envoy.unwrap_or_else(|| {
                q.filter(|q| !countries_only || q.kind == Kind::Country).and_then(|q| country_of(q, lexicon))
            })
        };
        // 总裁 and 办公室主任 are a party's or a state body's only when one stands right before them
        // (自民党副总裁, 越共中央办公室主任), not a company's (霍尼韦尔中国总裁, 航空公司副总裁什雷斯塔).
        let body_held = qualifier.is_some_and(|q| q.kind == Kind::Organization && q.end == first.start);
        if BODY_OFFICES.contains(&office_text) && !body_held {
            continue;
        }
        if leader_at(office.end()) && !longer_than_known {
            // 洪都拉斯总统卡斯特罗: a known name, with the office and country to check it against.
            if let Some(known) = existing.iter().find(|m| m.kind == Kind::Leader && m.start == office.end()) {
                // Only a country names the leader's: a ministry (外交部) may be of another's.
                let country = qualifier_country(qualifier, true);
                offices.push((known.start, known.end, text[office.range()].to_owned(), country));
            }
            continue;
        }
        // An office that names its body (国务院总理, 外交部长, 纺织工业部部长) needs no qualifier; a rank
        // (第一书记) does.
        let strong_office = office_text.chars().count() >= 4 && !office_text.starts_with("第一")
            || office_text == "部长" && names_a_ministry(&text[..office.start()])
            || matches!(office_text, "部长" | "大臣") && field_opens_title(text, office.start(), office_text);
        let abbreviated = qualifier
            .is_none()
            .then(|| abbreviated_qualifier(text, first.start, &text[first.clone()], lexicon))
            .flatten();
        // 韩国国会议长郑义和、国务总理郑烘原: an office listed right after another's holder is of the
        // same country, unless a country's form stands before it (和布外交部长: Burundi's).
        let previous = found
            .iter()
            .chain(existing.iter().filter(|m| m.kind == Kind::Leader))
            .filter(|m| m.end <= first.start)
            .max_by_key(|m| m.end);
        let listed_after_holder = previous.filter(|m| {
            let after_office = m.office.is_some() || office_next_to(text, m.start, m.end, titles);
            qualifier.is_none()
                && abbreviated.is_none()
                && text
                    .get(m.end..first.start)
                    .is_some_and(|gap| listed_after(gap, after_office, &text[first.clone()], stops))
                && !existing
                    .iter()
                    .any(|q| q.kind != Kind::Leader && q.start >= m.end && q.end <= first.start)
        });
        let listed =
            listed_after_holder.and_then(|m| country_of(m, lexicon).or_else(|| known_country(m, lexicon)));
        // 同参议长纳马尼和众议长马萨里等尼日利亚领导人: a foreign name of three characters or more, all of
        // them the characters of transliteration, is a name whoever's the office; not after an office
        // that is also a country's name (苏丹达尔富尔维和: Sudan's Darfur, not a sultan).
        let transliterated = || {
            let name = &text[start..end];
            name.chars().count() >= 3
                && name.chars().all(|c| stops.transliteration.contains(c))
                && !existing.iter().any(|m| m.kind == Kind::Country && m.start == office.start())
        };
        if !dotted
            && qualifier.is_none()
            && listed_after_holder.is_none()
            && abbreviated.is_none()
            && !strong_office
            && !transliterated()
        {
            continue;
        }
        // 作家协会主席, 驻村第一书记: the head of an association, a company or a village.
        if heads_no_government(text, office.start(), lexicon) {
            continue;
        }
        let mut m = Mention::new(text, Kind::Leader, start, end, Key::Name(name_key(&text[start..end])));
        m.office = Some(office_text.to_owned());
        // 中国驻爱尔兰大使岳晓勇、都柏林市长尼亚尔·林: a city's office listed after another's holder is
        // not of that holder's country.
        let listed = listed.filter(|_| !LOCAL_OFFICES.contains(&office_text));
        m.country = qualifier_country(qualifier, false).or(listed).or(abbreviated.flatten());
        found.push(m);
    }
    let mut office_spans: Vec<(usize, usize)> = found_offices.iter().map(|o| (o.start(), o.end())).collect();
    let honorifics: Vec<&str> = HONORIFICS.split('|').collect();
    for h in &honorifics {
        office_spans.extend(text.match_indices(h).map(|(i, _)| (i, i + h.len())));
    }
    office_spans.sort_unstable();
    for (name_start, name_end, office) in greetings(text, office_spans, titles) {
        let n = &text[name_start..name_end];
        // 共同落实好习主席…: 同 inside a word (共同, 协同, 如同, 合同) opens no greeting.
        if ["共同", "协同", "如同", "合同"].iter().any(|w| text[..name_start].ends_with(w)) {
            continue;
        }
        // 、自然资源与生态部长: 与 between two fields of one ministry joins them; what follows is a field.
        if joins_fields(text, name_start, name_end, office, existing) {
            continue;
        }
        let honorific = honorifics.contains(&office);
        // 先生 and 女士 follow anyone's name: only a transliterated one is taken for a dignitary's.
        if honorific && office != "阁下" && !n.contains('·') {
            continue;
        }
        // 和一体化部长维克托·许: when a name follows the office, what precedes it is the office's field.
        let office_end = name_end + office.len();
        if name_after(text, office_end, stops, titles).is_some() {
            continue;
        }
        let short_enough = if n.contains('·') { n.chars().count() <= 16 } else { n.chars().count() <= 4 };
        if !short_enough
            || is_stop_at(n, stops)
            || never_starts(n)
            || n.chars().any(|c| stops.chars.contains(c) && c != '·')
        {
            continue;
        }
        if stops.words.iter().any(|w| n.contains(w))
            || leader_reaching(name_start, name_end)
            || clashes(name_start, name_end)
        {
            continue;
        }
        let mut m = Mention::new(text, Kind::Leader, name_start, name_end, Key::Name(name_key(n)));
        m.office = (!honorific).then(|| office.to_owned());
        found.push(m);
    }
    // 应巴雷拉总统邀请: a foreign name before its office, as speeches name their hosts.
    let before_offices: Vec<Mention> = super::before_office::find(text, existing, lexicon)
        .into_iter()
        .filter(|(r, _)| !found.iter().any(|m| m.start < r.end && r.start < m.end))
        .map(|(r, office)| {
            let key = Key::Name(name_key(&text[r.clone()]));
            let mut m = Mention::new(text, Kind::Leader, r.start, r.end, key);
            m.office = Some(office.to_owned());
            m
        })
        .collect();
    found.extend(before_offices);
    link_to_gazetteer(&mut found, lexicon);
    link_to_full_forms(&mut found, existing);
    separate_namesakes(&mut found);
    let mut name_like: BTreeMap<String, bool> = BTreeMap::new();
    found.retain(|m| {
        !matches!(m.key, Key::Name(_))
            || m.surface.contains(JOINERS)
            || *name_like
                .entry(m.surface.clone())
                .or_insert_with(|| looks_like_name(text, &m.surface, titles, chars.not_name_end, stops))
    });
    let (listed, spans) = enumerated(text, existing, &found, &clashes);
    found.extend(listed);
    let known: Vec<&Mention> = existing
        .iter()
        .chain(&found)
        .filter(|m| m.kind == Kind::Leader && !given_names.contains(&(m.start, m.end)))
        .collect();
    // A name is confirmed by a form of it that is long, has an office, or stands by one.
    let strong_keys: BTreeSet<&Key> = known
        .iter()
        .filter(|k| {
            k.surface.chars().count() >= 3
                || k.office.is_some()
                || office_next_to(text, k.start, k.end, titles)
                || acts_alone(text, k.start, k.end)
        })
        .map(|k| &k.key)
        .collect();
    let spans: BTreeSet<(usize, usize)> = spans.into_iter().collect();
    // 胡耀邦彭真邓颖超分别会见: a headline runs Chinese leaders' names together; one touching a longer
    // one is a name (not 克里 in 提姆·布莱尔克里夫, a foreign name's part).
    let chinese = |m: &Mention| {
        let Key::Leader(i) = m.key else { return false };
        lexicon.gazetteer.leaders[i].country.as_deref() == Some("CN")
    };
    let long: Vec<&&Mention> =
        known.iter().filter(|k| k.surface.chars().count() >= 3 && chinese(k)).collect();
    // 会晤了江泽民与李鹏,: one joined to such a name by a conjunction or a list mark, and ending there
    // or at punctuation, is one too.
    let joined =
        |a: usize, b: usize| text.get(a..b).is_some_and(|gap| ["与", "和", "、", "及"].contains(&gap));
    let ends_word =
        |m: &Mention| text[m.end..].chars().next().is_none_or(|c| !is_han(c) || "与和及".contains(c));
    // 两位外长——让·弗朗索瓦—蓬塞和黄华: joined to any longer leader's name; 陈慕华副总理和黄华、申健:
    // listed after an office's holder.
    let longer: Vec<&&Mention> = known.iter().filter(|k| k.surface.chars().count() >= 3).collect();
    let after_office = |m: &Mention| {
        ["和", "、", "及", "与"].iter().any(|c| {
            let at = m.start.saturating_sub(c.len());
            text.get(at..m.start) == Some(*c) && office_next_to(text, at, at, titles)
        })
    };
    let listed = |m: &Mention| {
        let with_longer = longer.iter().any(|k| joined(k.end, m.start) || joined(m.end, k.start));
        // (`long` is part of `longer`: a Chinese name joined to a longer Chinese one is `with_longer`.)
        let run_together = long.iter().any(|k| k.end == m.start || k.start == m.end);
        chinese(m) && run_together || ends_word(m) && (with_longer || after_office(m))
    };
    let confirmed =
        |m: &Mention| spans.contains(&(m.start, m.end)) || strong_keys.contains(&m.key) || listed(m);
    let mut withdrawn: Vec<(usize, usize)> = existing
        .iter()
        .filter(|m| m.kind == Kind::Leader && matches!(m.key, Key::Leader(_)) && !confirmed(m))
        .map(|m| (m.start, m.end))
        .collect();
    withdrawn.extend(given_names);
    let all: Vec<Mention> = known.iter().filter(|m| confirmed(m)).map(|m| (*m).clone()).collect();
    // 茂木敏充…茂木这次访问马尼拉: a Japanese leader is named by the family name alone.
    let japan = lexicon.gazetteer.country_index("JP");
    let surname = |m: &Mention| {
        let country = m.country.or_else(|| known_country(m, lexicon));
        japan.filter(|_| country == japan).and_then(|_| japanese_surname(&m.surface))
    };
    found.extend(propagate(text, &all, &surname));
    Found { added: found, withdrawn, offices }
}

/// The country the gazetteer gives a known leader's mention.
fn known_country(m: &Mention, lexicon: &Lexicon) -> Option<usize> {
    let Key::Leader(i) = m.key else { return None };
    let g = lexicon.gazetteer;
    g.leaders[i].country.as_deref().and_then(|id| g.country_index(id))
}

/// The first of the offices one person holds with the one that starts at `start` (副总理兼外长: 副总理 for
/// 外长; 总理特使、前总统: 总理 for 总统; 内政部长兼律政部长: 部长 of 内政部长 for the second; 中央书记处
/// 书记、中央统战部部长: 书记 for 部长).
fn held_with(offices: &[aho_corasick::Match], text: &str, start: usize) -> Option<std::ops::Range<usize>> {
    // Only a title that continues another follows it with nothing between (总理特使, not 苏丹总统).
    let continues = TITLE_CONTINUATIONS.iter().any(|w| text[start..].starts_with(w));
    let earlier = OFFICE_JOINERS.iter().filter(|j| continues || !j.is_empty()).find_map(|joiner| {
        let before = start.checked_sub(joiner.len()).filter(|&at| text.get(at..start) == Some(*joiner))?;
        offices.iter().find(|o| o.end() == before)
    });
    // 计划部长兼水利和电力部长, 中央书记处书记、中央统战部部长: 兼 or a list mark, then the field of a
    // second ministry.
    let earlier = earlier.or_else(|| {
        let window = text[..start].char_indices().rev().nth(8).map_or(0, |(i, _)| i);
        let joiner = window + text[window..start].rfind(['兼', '、'])?;
        let field = &text[joiner + '兼'.len_utf8()..start];
        // After a list mark only a ministry named in full (not 主席、英国前外交大臣: another country's).
        if text[joiner..].starts_with('、') && !field.ends_with('部') {
            return None;
        }
        let office = offices.iter().find(|o| o.start() == start)?;
        is_ministry_field(field, &text[office.range()]).then_some(())?;
        offices.iter().find(|o| o.end() == joiner)
    })?;
    Some(held_with(offices, text, earlier.start()).unwrap_or(earlier.range()))
}

/// What joins two offices one person holds: 兼 (副总理兼外长), a list mark (总理特使、前总统), or
/// nothing (总理特使).
const OFFICE_JOINERS: [&str; 4] = ["兼", "、前", "、", ""];

/// True when the one-character country form `q` follows another (中英, 中俄印): the office after it
/// belongs to several countries at once.
fn shared_by_countries(q: &Mention, existing: &[Mention]) -> bool {
    matches!(q.key, Key::Abbrev(_))
        && existing
            .iter()
            .any(|m| m.kind == Kind::Country && matches!(m.key, Key::Abbrev(_)) && m.end == q.start)
}

/// A word found once after an office (总统倡议, 外长战略) is a name only if it does not end like a
/// body and, where it recurs, mostly stands next to an office, before a word that ends names (王瑞杰表示,
/// 王瑞杰会见), before the day of what its bearer does (李洛渊13日, 李洛渊将于22日) or after a verb of
/// meeting (会见穆拉图): a name does, a common word does not. A word of three or more characters that
/// all spell foreign names (波罗申科) is a name wherever it stands.
fn looks_like_name(text: &str, name: &str, titles: &Offices, not_name_end: &str, stops: &Stops) -> bool {
    if name.ends_with(|c| not_name_end.contains(c)) {
        return false;
    }
    let occurrences: Vec<usize> = text.match_indices(name).map(|(i, _)| i).collect();
    let in_role = |i: usize| {
        let end = i + name.len();
        office_next_to(text, i, end, titles)
            || stops.words.iter().any(|w| text[end..].starts_with(w))
            || DAY_NEXT.is_match(&text[end..])
            || MET_BY.iter().any(|w| text[..i].ends_with(w))
    };
    let by_role = occurrences.iter().filter(|&&i| in_role(i)).count();
    let transliterated = name.chars().count() >= 3 && name.chars().all(|c| stops.transliteration.contains(c));
    occurrences.len() < 3 || transliterated || by_role * 2 >= occurrences.len()
}

/// The day of an act right after its actor's name (13日, 于15至17日, 将于22日上午, 十九日).
static DAY_NEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:将于|于|在)?[0-9〇一二三四五六七八九十]{1,3}(?:日|至|—|-)").expect("day next")
});

/// Verbs whose object is a person met (在会见穆拉图时): a word after one stands where names do.
const MET_BY: [&str; 4] = ["会见", "会晤", "接见", "拜会"];

/// True when an office title stands right before or right after the span.
fn office_next_to(text: &str, start: usize, end: usize, titles: &Offices) -> bool {
    // 首相拿督斯里安华: an honorific stands between the office and the name.
    let start = MALAY_HONORIFICS.iter().find_map(|h| text[..start].strip_suffix(h)).map_or(start, str::len);
    let window = text[..start].char_indices().rev().nth(11).map_or(0, |(i, _)| i);
    let before = titles.automaton.find_iter(&text[window..start]).any(|m| window + m.end() == start);
    let after = titles.at_start.is_match(&text[end..]);
    before || after
}

/// Names listed with a known leader and an act (丁薛祥、杨洁篪、王毅、何立峰等参加) are leaders too; so
/// are names listed without an act after a word for leaders (党政领导人朴成哲、李钟玉、金永南…等) or
/// with two known leaders (黄永胜、张春桥、姚文元、李先念…以及吴德等).
fn enumerated(
    text: &str,
    existing: &[Mention],
    found: &[Mention],
    clashes: &dyn Fn(usize, usize) -> bool,
) -> (Vec<Mention>, Vec<(usize, usize)>) {
    let mut out = Vec::new();
    let mut spans = Vec::new();
    for caps in ENUMERATION.captures_iter(text) {
        let list = caps.name("list").expect("list group");
        let is_leader = |s: usize, e: usize| {
            existing.iter().chain(found).any(|m| m.kind == Kind::Leader && m.start == s && m.end == e)
        };
        let items = list_items(text, list.start(), list.end());
        let known = items.iter().filter(|&&(s, e)| is_leader(s, e)).count();
        let introduced = LEADER_GROUPS.iter().any(|g| text[..items[0].0].ends_with(g));
        let listed = if caps.name("act").is_some() { known >= 1 } else { known >= 2 || introduced };
        if !listed {
            continue;
        }
        for (s, e) in items {
            spans.push((s, e));
            if !is_leader(s, e) && !clashes(s, e) {
                out.push(Mention::new(text, Kind::Leader, s, e, Key::Name(text[s..e].to_owned())));
            }
        }
    }
    (out, spans)
}

/// The items of the list `text[start..end]`: split at 、 and at the joiner before the last one; the
/// first item loses the end of a word for leaders it begins with (领导人吴德: 吴德).
fn list_items(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut items = Vec::new();
    let mut at = start;
    for item in text[start..end].split('、') {
        items.push((at, at + item.len()));
        at += item.len() + '、'.len_utf8();
    }
    if let Some(last) = items.pop() {
        let tail = &text[last.0..last.1];
        match ["以及", "和", "及"].iter().find_map(|j| tail.find(j).map(|k| (k, j.len()))) {
            Some((k, len)) if k >= 2 * 3 && last.1 - (last.0 + k + len) >= 2 * 3 => {
                items.push((last.0, last.0 + k));
                items.push((last.0 + k + len, last.1));
            }
            _ => items.push(last),
        }
    }
    let (first_start, first_end) = items[0];
    for group in LEADER_GROUPS {
        let opening = (1..group.len().min(first_end - first_start))
            .filter(|&n| group.is_char_boundary(group.len() - n))
            .find(|&n| {
                text[..first_start].ends_with(&group[..group.len() - n])
                    && text[first_start..].starts_with(&group[group.len() - n..])
            });
        if let Some(n) = opening {
            items[0].0 += n;
        }
    }
    items
}

#[cfg(test)]
#[path = "leaders_tests.rs"]
mod tests;
