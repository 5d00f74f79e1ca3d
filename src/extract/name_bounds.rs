//! Where a person's name next to an office begins and ends: the words and characters that stop it,
//! transliterated names in parts (initials, hyphens, a gloss in Latin letters), regnal numbers, and
//! the list marks and conjunctions between one named leader and the next.

use super::compiled::Offices;
use regex::Regex;
use std::sync::LazyLock;

/// A transliterated name in parts: joined by `·` (initials allowed), or by a hyphen between Han parts
/// as Arabic and West African double names are written (阿库福-阿多, 阿卜杜勒-迈赫迪), or by a single dash
/// as older texts write French double names (让·弗朗索瓦—蓬塞; a double dash —— is punctuation).
static DOTTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\p{Han}{1,8}|[A-Z])(?:·(?:\p{Han}{1,8}|[A-Z])|[-—]\p{Han}{1,8})+").expect("dotted name")
});

/// The characters that join the parts of a transliterated name.
pub(super) const JOINERS: [char; 3] = ['·', '-', '—'];

/// What ends a leader's name: these words, or one of these characters; and the characters of
/// transliterated names, of which a run longer than a Chinese name may be one name.
pub(super) struct Stops<'w> {
    pub(super) words: &'w [&'static str],
    pub(super) chars: &'w str,
    pub(super) transliteration: &'w str,
}

/// True when a name cannot go on at the start of `text`: a stop character or a stop word, or a
/// modal before one (维克托·许会拜会: 会 and 又 are parts of names, as in 李会昌, but not before a verb).
pub(super) fn is_stop_at(text: &str, stops: &Stops) -> bool {
    let mut chars = text.chars();
    let first = chars.next();
    let modal = first.is_some_and(|c| MODALS.contains(c)) && {
        let next = chars.as_str();
        !next.is_empty() && is_stop_word_or_char(next, stops)
    };
    first.is_none_or(|c| !(c == '·' || is_han(c)))
        || modal
        || is_stop_word_or_char(text, stops)
        || DAY_AFTER.is_match(text)
}

/// A day written in Chinese numerals right after a name (施特劳斯十七日会见了毛泽东): the date of what
/// its bearer does, not part of the name.
static DAY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日").expect("day after a name")
});

/// Modals that stand between a subject and its verb (…许会拜会, …又会见).
const MODALS: &str = "会又";

fn is_stop_word_or_char(text: &str, stops: &Stops) -> bool {
    text.chars().next().is_some_and(|c| stops.chars.contains(c))
        || stops.words.iter().any(|w| text.starts_with(w))
}

pub(super) fn is_han(c: char) -> bool {
    crate::text::normalize::is_cjk(c)
}

/// Words no name starts with, though names may end before them: the aspect particle (会见了X), 其他
/// before an office (苏联其他领导人), 最高 after one (国家元首最高规格), the
/// party centre (中共中央总书记) and 后 after an office taken up (担任总书记后首赴). As stops they
/// would cut 韩长赋作了 to a four-character name. An election is no one's name either (总统大选,
/// 总统选举, 总统候选人, 总统竞选).
const NEVER_STARTS: [&str; 10] = ["了", "中央", "后", "其他", "其它", "最高", "大选", "选举", "候选", "竞选"];

pub(super) fn never_starts(text: &str) -> bool {
    NEVER_STARTS.iter().any(|w| text.starts_with(w))
}

/// Verbs a leader named bare does in the news (普京抵达新德里, 莫迪表示), and the prepositions of
/// talks after them (莫迪同…会谈).
const ACTS: [&str; 18] = [
    "抵达", "表示", "指出", "强调", "说", "会见", "会晤", "会谈", "举行", "宣布", "出席", "访问", "致辞",
    "签署", "同", "与", "在", "将",
];

/// True when a two-character known name at `start..end` stands alone as a clause's subject or the
/// other side of talks: after the start of a clause (or 同, 与, 和) and before a verb of [`ACTS`]. Inside
/// a word (中韩正式, 一片汪洋, 他信以为真) it is no name.
pub(super) fn acts_alone(text: &str, start: usize, end: usize) -> bool {
    let opens =
        text[..start].chars().next_back().is_none_or(|c| !is_han(c) || matches!(c, '同' | '与' | '和'));
    opens && ACTS.iter().any(|verb| text[end..].starts_with(verb))
}

/// Words that make an office part of a longer title (总统助理, 总理特使): the name comes after them.
pub(super) const TITLE_CONTINUATIONS: [&str; 5] = ["助理", "特使", "特别代表", "顾问", "高级顾问"];

/// Malaysian honorifics between an office and a name (首相拿督斯里安华, 部长丹斯里…): not the name.
pub(super) const MALAY_HONORIFICS: [&str; 3] = ["拿督斯里", "丹斯里", "拿督"];

/// Five to seven characters before the name in Latin letters in brackets: a transliterated name.
static GLOSSED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\p{Han}{5,7})[(（][A-Z]").expect("glossed name"));

/// The name right after an office, if one stands there.
pub(super) fn name_after(
    text: &str,
    from: usize,
    stops: &Stops,
    titles: &Offices,
) -> Option<(usize, usize, bool)> {
    if let Some(w) =
        TITLE_CONTINUATIONS.iter().chain(&MALAY_HONORIFICS).find(|w| text[from..].starts_with(*w))
    {
        return name_after(text, from + w.len(), stops, titles);
    }
    let rest = &text[from..];
    // 总理与伊姆兰·汗总理: a function word after the office means no name stands right after it.
    let function_word = rest.chars().next().is_some_and(|c| c != '·' && stops.chars.contains(c))
        || stops.words.iter().any(|w| rest.starts_with(w))
        || never_starts(rest)
        // 苏丹总统助理费萨尔: a name never opens with an office; the next office has it.
        || titles.at_start.is_match(rest);
    if function_word {
        return None;
    }
    // 张三与约翰·史密斯: a function word before the first dot ends a plain name, not a dotted one.
    let dotted = DOTTED.find(rest).filter(|m| {
        let first = &rest[..m.as_str().find(JOINERS).unwrap_or(0)];
        !first.char_indices().any(|(i, _)| i > 0 && is_stop_at(&first[i..], stops))
    });
    if let Some(m) = dotted {
        // The last part of a transliterated name ends where a stop word or an office starts.
        let mut end = m.end();
        for (i, _) in rest[..m.end()].char_indices().rev() {
            if rest[..i].ends_with(JOINERS) {
                break;
            }
            if is_stop_at(&rest[i..], stops) || titles.at_start.is_match(&rest[i..]) {
                end = i;
            }
        }
        if !rest[..end].ends_with(JOINERS) {
            return Some((from, from + end, true));
        }
    }
    let mut end = from;
    // 防卫大臣小野寺五典: a Japanese family name of three characters leaves two for the given name.
    let longest = if super::name_forms::opens_with_three_character_surname(rest) { 5 } else { 4 };
    for (count, (i, c)) in rest.char_indices().enumerate() {
        // 阿尔贝二世: the regnal number follows the name (see below), it is not in it.
        let regnal = count >= 2 && REGNAL.is_match(&rest[i..]);
        if count >= longest || regnal || is_stop_at(&rest[i..], stops) && !ends_name(&rest[i..], count) {
            break;
        }
        end = from + i + c.len_utf8();
    }
    // 柯兹葛洛夫(Peter Cosgrove): a longer transliteration is a name where its original follows it.
    if let Some(name) = GLOSSED.captures(rest).and_then(|c| c.get(1)) {
        if !name.as_str().char_indices().any(|(i, _)| i > 0 && is_stop_at(&rest[i..], stops)) {
            return Some((from, from + name.end(), false));
        }
    }
    let chars = text[from..end].chars().count();
    // 约旦国王阿卜杜拉二世: a regnal number is part of the name.
    let end = REGNAL.find(&text[end..]).map_or(end, |m| end + m.end());
    if (2..=longest).contains(&chars) && is_stop_at(&text[end..], stops) {
        return Some((from, end, false));
    }
    // 斯里兰卡总理维克勒马辛哈: five to seven transliteration characters and a stop are one name.
    let run: usize =
        rest.chars().take_while(|&c| stops.transliteration.contains(c)).take(7).map(char::len_utf8).sum();
    let long = rest[..run].chars().count() >= 5 && is_stop_at(&rest[run..], stops);
    long.then_some((from, from + run, false))
}

/// A regnal number after a monarch's name (二世, 十六世).
static REGNAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[一二三四五六七八九十]{1,3}世").expect("regnal number"));

/// True when `gap`, between a leader's name and the next office, is a list mark or conjunction and at
/// most four characters of the office's body (、国务总理, 和副总统): the next office is listed after the
/// leader. After a leader named with an office, a comma lists too, as older reports list a
/// reception (印度总理尼赫鲁,内政部长潘特,教育部长阿扎德). A minister's body is the ministry's field,
/// which may be longer and join two fields (天然资源和科学研究部长).
pub(super) fn listed_after(gap: &str, after_office: bool, office: &str, stops: &Stops) -> bool {
    // 加纳总统阿库福-阿多和副总统巴武米亚: a conjunction lists as the list mark does; 与 joins two sides
    // (中国驻布隆迪大使李昌林与布外交部长尼比吉拉共同签署), not one side's officials.
    let marks: &[&str] =
        if after_office { &["、", "和", "及", "以及", ","] } else { &["、", "和", "及", "以及"] };
    let body = marks.iter().find_map(|mark| gap.strip_prefix(mark));
    let field = office.ends_with("部长");
    let (longest, joins) = if field { (10, "和与及") } else { (4, "") };
    body.is_some_and(|body| {
        body.chars().count() <= longest
            && !body.starts_with(|c| joins.contains(c))
            && body.chars().all(|c| is_han(c) && (!stops.chars.contains(c) || joins.contains(c)))
    })
}

/// True when a conjunction after `count` characters of a name is its last character (郑义和、国务总理):
/// a conjunction joins what follows, so one before a list mark or a stop is part of the name.
fn ends_name(rest: &str, count: usize) -> bool {
    let mut chars = rest.chars();
    let conjunction = chars.next().is_some_and(|c| "和与及同".contains(c));
    conjunction && (2..=3).contains(&count) && chars.next().is_some_and(|c| "、,;。".contains(c))
}

/// True when a name after the office at `office_start`, ending at `head_end`, is only the head of the
/// longer name running on to `name_end`: no stop follows the head, and the rest is transliteration
/// (马拉维亚, 克里斯蒂安·埃斯特罗西) or the office and its holder are an item of a list of officials (,国防部长卡特朱,交通部长),
/// not a word run on to a name (鲍威尔时, 陈毅元帅, 莫迪继续).
pub(super) fn heads_longer_name(
    text: &str,
    (office_start, head_end, name_end): (usize, usize, usize),
    stops: &Stops,
    titles: &Offices,
) -> bool {
    let transliterated = || {
        text[head_end..name_end].chars().all(|c| stops.transliteration.contains(c) || JOINERS.contains(&c))
    };
    let listed = || {
        let field = text[..office_start].chars().rev().take_while(|&c| is_han(c) && !stops.chars.contains(c));
        let field_len: usize = field.take(6).map(char::len_utf8).sum();
        let opens_item = text[..office_start - field_len].ends_with(LIST_MARKS);
        opens_item && office_listed_next(text, name_end, titles)
    };
    head_end < name_end && !is_stop_at(&text[head_end..], stops) && (transliterated() || listed())
}

/// The marks that part the items of a list of officials.
const LIST_MARKS: [char; 2] = ['、', ','];

/// True when a list mark at `at` is followed, within a ministry's field, by an office.
fn office_listed_next(text: &str, at: usize, titles: &Offices) -> bool {
    let Some(rest) = text[at..].strip_prefix(LIST_MARKS) else { return false };
    let window: String = rest.chars().take(8).collect();
    titles.automaton.find(&window).is_some()
}
