//! When an event happened: the most precise date its sentence and its document support.
//!
//! News reports date events against their dateline: 「新华社加德满都10月13日电 国家主席习近平12日抵达」
//! names only a day, 「昨天」 a day before the report. In order: a full date in the sentence; a
//! month and day there (the year of the document, or the one 去年/今年/明年 names); a day alone (the
//! month of the document); a relative day (今天, 当天, 昨天, 前天); a day of the week (周二, 本周二至六:
//! see `weekdays`); a month with no day (今年3月, 去年11月,
//! 2018年4月: the month, with month precision); a relative month (上个月, 本月, 下月); a past year (去年,
//! 前年, 70年前: the year); a season of the document's year (今春: to come before it begins, else the
//! year); and else the document's own date, unless the words before the event (访问, 会谈 …) speak of
//! something still to come (将, 即将, 拟, 期待, 明年, 最早, 计划) or already past (此前, 曾, 不久前,
//! 80年代), or the event took days and only its end is reported. A length of stay (访华5日, 为期三天)
//! is no day: it gives the last day from the first. 今天 and 昨天 after a dateline count from its day.
//! Words after the event in its clause speak of it too
//! (「习近平主席的访问将成为一件大事」 is said before the visit), unless the sentence speaks of this one
//! (「这次访问必将开启新时代」).

use crate::model::{Date, Precision};
use crate::text::dates::parse_number;
use crate::text::find_dates;
use regex::Regex;
use std::sync::LazyLock;

/// The first and last day of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dates {
    pub start: Option<Date>,
    pub end: Option<Date>,
    /// The sentence says when (not only the document's date).
    pub stated: bool,
    /// The sentence speaks of the event as still to come (将, 即将, 拟), without a date.
    pub planned: bool,
}

impl Dates {
    fn stated(start: Date, end: Date) -> Self {
        Dates { start: Some(start), end: Some(end), stated: true, planned: false }
    }

    fn from_document(start: Option<Date>, end: Option<Date>) -> Self {
        Dates { start, end, stated: false, planned: false }
    }
}

const NUMBER: &str = "[0-9]{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]";

/// Years named relative to the document's.
const RELATIVE_YEAR: &str = "前年|去年|今年|明年";

/// `10月12日`, `10月12日至14日`, `9月30日至10月2日`, `5月7到8日`, `去年12月1日`, without a year number
/// before them (a day without 日 only opens a range: see [`month_day`]).
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:(?P<y>{RELATIVE_YEAR})|^|[^0-9年])(?P<m>{NUMBER})月(?P<d>{NUMBER})(?P<mark>日)?(?:(?:至|到|-|—|–|~)(?:(?P<m2>{NUMBER})月)?(?P<d2>{NUMBER})日)?"
    ))
    .expect("month and day")
});

/// The first month and day of `text` (a day written without 日 only where a range follows it).
fn month_day(text: &str) -> Option<regex::Captures<'_>> {
    MONTH_DAY.captures_iter(text).find(|c| c.name("mark").is_some() || c.name("d2").is_some())
}

/// `从本星期六(26日)开始,…至4月2日`, `于26日至4月2日`: a range from a day alone to a month's day, the
/// first day in the month of the last or the month before.
static DAY_TO_MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:从|自|于)(?:[^,;。]{{0,12}}?[^0-9月期数几一二三四五六七八九十])?(?P<d>{NUMBER})日[)）]?(?:起|开始)?[^;。]{{0,40}}?(?:至|到)(?P<m2>{NUMBER})月(?P<d2>{NUMBER})日"
    ))
    .expect("day to month and day")
});

/// The first and last day of a range [`DAY_TO_MONTH_DAY`] finds in `text`, the last nearest `document`.
fn day_to_month_day(text: &str, document: Date) -> Option<(Date, Date)> {
    let caps = DAY_TO_MONTH_DAY.captures(text)?;
    let number = |name: &str| parse_number(caps.name(name)?.as_str());
    let end = Date::month_day_nearest(document, number("m2")?, number("d2")?)?;
    let (d, d2, month) = (number("d")?, number("d2")?, end.month?);
    let (year, month) = match (d <= d2, month) {
        (true, _) => (end.year, month),
        (false, 1) => (end.year - 1, 12),
        (false, _) => (end.year, month - 1),
    };
    Some((Date::ymd(year, month, d)?, end)).filter(|(start, end)| start <= end)
}

/// `今年3月`, `去年11月份`, `3月`: a month with no day, not after a year number or another month.
static MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?:(?P<y>{RELATIVE_YEAR})|^|[^0-9年月至到])(?P<m>{NUMBER})月(?:份)?(?:[^0-9一二三四五六七八九十日]|$)"))
        .expect("month")
});

/// The year a relative year word names, from the document's.
fn relative_year(word: &str, document: Date) -> i32 {
    document.year
        + match word {
            "前年" => -2,
            "去年" => -1,
            "明年" => 1,
            _ => 0,
        }
}

/// The words an event is told with: the words before the first of them say whether it is past,
/// present or still to come.
const EVENT_WORDS: [&str; 6] = ["访", "会谈", "会见", "会晤", "抵达", "出席"];

/// Where the first word of an event is in `sentence`: not the 访 of an interview (接受记者采访时表示,
/// 访谈), nor an event named as a topic of speech (在谈到两国总统会晤问题时表示).
fn first_event_word(sentence: &str) -> Option<usize> {
    EVENT_WORDS
        .iter()
        .flat_map(|w| sentence.match_indices(w).map(move |(at, _)| (at, at + w.len())))
        .filter(|&(at, end)| {
            !sentence[..at].ends_with('采')
                && !sentence[at..].starts_with("访谈")
                && !sentence[end..].starts_with("问题")
        })
        .map(|(at, _)| at)
        .min()
}

/// `12日`, `12日至14日`, `十二日`: a day of the document's month. Not after a month or a digit, and
/// not a length of time (为期三日).
static DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"{BEFORE_DAY}(?P<d>{NUMBER})日(?:(?:至|到|-|—|–|~)(?P<d2>{NUMBER})日)?"))
        .expect("day")
});

/// What may stand before a day alone: not a month, a digit or a word of length (为期三日).
const BEFORE_DAY: &str = "(?:^|[^0-9月期数几一二三四五六七八九十])";

/// The length of a stay after its verb (访华5日, 访问三天, 为期四天): its first day starts the count.
static STAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?:访\p{{Han}}{{0,2}}|为期)(?P<n>{NUMBER})(?:日|天)")).expect("stay")
});

/// Days relative to the document's date (前一天: the day before the report's).
const RELATIVE: [(&str, i32); 10] = [
    ("今天", 0),
    ("今日", 0),
    ("当天", 0),
    ("当日", 0),
    ("昨天", -1),
    ("昨日", -1),
    ("前天", -2),
    ("明天", 1),
    ("明日", 1),
    ("前一天", -1),
];

/// Months relative to the document's (上个月，我同总统先生在阿根廷成功会晤): longer words first.
const RELATIVE_MONTHS: [(&str, i32); 6] =
    [("上个月", -1), ("下个月", 1), ("这个月", 0), ("上月", -1), ("下月", 1), ("本月", 0)];

/// The month `n` months from `date`'s, with month precision.
fn month_shifted(date: Date, n: i32) -> Option<Date> {
    let index = date.year * 12 + i32::try_from(date.month?).ok()? - 1 + n;
    Date::ym(index.div_euclid(12), u32::try_from(index.rem_euclid(12) + 1).ok()?)
}

/// Words that put the event after the document: an announcement or a hope, not a report.
const TO_COME: [&str; 11] =
    ["将", "拟", "期待", "明年", "年内", "前夕", "最早", "计划", "打算", "准备", "预定"];

/// The seasons of the document's year (今春访华) and the month each starts in: one not yet begun is
/// to come, one begun or past dates the event in the year.
const SEASONS: [(&str, u32); 8] = [
    ("今春", 3),
    ("今年春", 3),
    ("今夏", 6),
    ("今年夏", 6),
    ("今秋", 9),
    ("今年秋", 9),
    ("今冬", 12),
    ("今年冬", 12),
];

/// Words that put the event at the time of the report: this visit, these talks.
const PRESENT: [&str; 3] = ["这次", "此次", "本次"];

/// Words that put the event before the document's day: a recollection, not the news.
const EARLIER: [&str; 9] = ["此前", "曾", "去年", "前年", "不久前", "前不久", "上次", "上一次", "年代"];

/// A time within an office held before (担任法国总理时, 任内, 在任期间): a recollection, not the news.
static TENURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"担任[^,;。]{1,12}?(?:时|期间)|任内|在任(?:时|期间)").expect("the tenure pattern is valid")
});

/// A year written out before the event (2016年，习近平主席对伊朗进行国事访问期间).
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:1[89]|20)[0-9]{2})年").expect("the year pattern is valid"));

/// A count of years before the document's day (70年前, 二十年前), exact: not 70多年前 nor 多年前.
static YEARS_AGO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9多几数])([0-9]{1,3}|[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九两])年(?:以)?前")
        .expect("years ago")
});

/// Verbs of announcing an event: a date before them is the announcement's (发言人29日宣布).
const ANNOUNCING: [&str; 4] = ["宣布", "透露", "证实", "发布消息"];

/// A day followed by 就 (外交部28日就…举行吹风会, 发言人5日就…答记者问): the day of a statement.
static STATEMENT_DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"{BEFORE_DAY}(?:{NUMBER})日就")).expect("statement day"));

/// Verbs of saying: a date before them, and before any event is told, is the saying's (克里斯托弗
/// 今天说,…克林顿总统和江泽民主席去年11月在西雅图的会晤; 路透社12日报道,…届时将会见习近平).
const SAYING: [&str; 5] = ["说,", "表示,", "指出,", "说:", "报道,"];

/// What follows the first verb of announcing (or of saying, before the event's words), when it states
/// a date of its own (外交部发言人10月29日宣布:…将于10月30日…举行会晤 dates the talks the 30th) or
/// tells the event as still to come (8月28日,佩斯科夫…表示,会晤即将举行: not held on the 28th); else
/// the whole sentence.
fn after_announcement(sentence: &str) -> &str {
    let event = first_event_word(sentence).unwrap_or(sentence.len());
    let said = SAYING.iter().filter_map(|w| sentence.find(w).filter(|&at| at < event).map(|at| at + w.len()));
    let announced = ANNOUNCING.iter().filter_map(|w| sentence.find(w).map(|at| at + w.len()));
    // Without a date of its own, an event announced takes the announcement's day; one said to be
    // still to come does not.
    let (at, saying) = match (announced.min(), said.min()) {
        (Some(a), Some(s)) if s < a => (s, true),
        (Some(a), _) => (a, false),
        (None, Some(s)) => (s, true),
        (None, None) => return sentence,
    };
    let rest = &sentence[at..];
    let dated = !find_dates(rest).is_empty()
        || month_day(rest).is_some()
        || DAY.is_match(rest)
        || MONTH.is_match(rest);
    if dated || saying && told_to_come(rest) {
        rest
    } else {
        sentence
    }
}

/// True when the words said tell their event as still to come (会晤即将举行, 将举行会谈): the day of
/// the saying is not the event's.
fn told_to_come(said: &str) -> bool {
    let Some(event) = first_event_word(said) else { return false };
    let around: String = said[event..].chars().take(6).collect();
    let before = &said[..event];
    ["即将", "将"].iter().any(|w| around.contains(w) || before.contains(w))
}

/// A time since which something holds (自1988年4月就任总理以来, 2013年以来, 去年9月以来,
/// 去年2月全面入侵乌克兰以来), or after
/// which (岸田2021年10月就任首相后,首次访问菲律宾): not the event's date.
static SINCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:自|从)[^,;。]{1,30}?以来|(?:(?:1[89]|20)[0-9]{2}年|前年|去年|今年)(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?[^,;。年月日]{0,16}?以来|(?:(?:1[89]|20)[0-9]{2}年(?:[0-9]{1,2}月)?|[0-9]{1,2}月)(?:[0-9]{1,2}日)?(?:就任|上任|当选|就职|执政|接任)[^,;。]{0,12}?(?:以后|之后|后)",
    )
    .expect("since")
});

/// The span of years an anniversary counts, in brackets after it (建交68周年(1955年12月30日~2023年12月30日)),
/// or the start of it that ends the words looked at.
static ANNIVERSARY_SPAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(周年)\([^()]{1,40}(?:\)|$)").expect("anniversary span"));

/// `sentence` without the times since which something holds and the spans of anniversaries: 这是李鹏
/// 自1988年4月就任总理以来第二次访问泰国 does not date the visit in 1988, 此次访问恰逢两国建交68周年
/// (1955年12月30日~2023年12月30日) not in 1955.
fn without_since(sentence: &str) -> std::borrow::Cow<'_, str> {
    // 去年4月武汉会晤以来: an event told in the time since is itself dated by it.
    let since = |c: &regex::Captures<'_>| {
        let told = &c[0];
        let event = !told.starts_with(['自', '从']) && EVENT_WORDS.iter().any(|w| told.contains(w));
        if event {
            told.to_owned()
        } else {
            String::new()
        }
    };
    match SINCE.replace_all(sentence, since) {
        std::borrow::Cow::Borrowed(text) => ANNIVERSARY_SPAN.replace_all(text, "$1"),
        std::borrow::Cow::Owned(text) => {
            std::borrow::Cow::Owned(ANNIVERSARY_SPAN.replace_all(&text, "$1").into_owned())
        }
    }
}

/// What ends a clause within a sentence: commas, semicolons, colons (and a full stop in a quotation).
const CLAUSE_ENDS: [char; 7] = ['，', ',', '；', ';', '：', ':', '。'];

/// The last clause of `text`: what follows its last comma, semicolon or colon.
pub(super) fn last_clause(text: &str) -> &str {
    text.rsplit(CLAUSE_ENDS).next().unwrap_or(text)
}

/// The first clause of `text`: what comes before its first comma, semicolon or colon.
fn first_clause(text: &str) -> &str {
    text.split(CLAUSE_ENDS).next().unwrap_or(text)
}

/// What an event has already brought, right after its word (会晤共识, 会晤达成的重要共识, 访华成果):
/// not 会谈并达成共识, which tells the talks.
static BROUGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Han}{1,2}?(?:所?(?:达成|取得)的\p{Han}{0,4}?)?(?:共识|成果|精神)").expect("brought")
});

/// A time within an event (访问尼泊尔时, 访华期间, 会见的时候): not 小时, 同时, 历时, 时间, 时代 ….
static WITHIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"期间|[^小同当及届准历]时(?:[^间代刻期]|$)").expect("within"));

/// True when the event told after `head`, in `clause` (from its word to the clause's end), is spoken
/// of as past, so that the report's day is not its day: an event after which something else
/// happens (举行重要会晤后，两国经贸团队…), what it brought (阿根廷会晤共识, 会晤成果丰硕), or a time
/// within it its own subject names (莫迪总理访问武汉期间，习近平主席同他…; 杜特尔特访华期间表示): a
/// report of the day tells the event with its day and then 会见时 or 访问期间 of it, without a subject.
fn recalled(head: &str, clause: &str) -> bool {
    let phrase = first_clause(clause);
    let within = WITHIN.is_match(phrase);
    let subject = last_clause(head);
    let subject = subject.trim_matches(['“', '"', '「', '『']).trim_end_matches(['在', '于']);
    // 同卡拉会谈时，王岐山表示: the one met (after 同, 与, 跟) is not the subject.
    let named = subject.chars().count() >= 2 && !subject.starts_with(['同', '与', '跟']);
    ["后", "之后", "以后", "以来"].iter().any(|w| phrase.ends_with(w))
        || BROUGHT.is_match(clause)
        || within && named
}

/// The dates of an event stated in `sentence` of a document dated `document`. A day the sentence
/// gives an event it ends (10月13日晚，习近平在结束…访问后，回到北京) is its last: the first is not said.
pub fn event_dates(sentence: &str, document: Option<Date>) -> Dates {
    let sentence = &without_since(sentence);
    let dates = told_dates(sentence, document);
    match dates {
        Dates { start: Some(day), end: Some(last), stated: true, .. } if day == last && ended(sentence) => {
            Dates { start: None, ..dates }
        }
        _ => dates,
    }
}

/// Words of arriving somewhere: a sentence that ends one visit and tells the next (结束在英国的国事访问,
/// 乘专机抵达法国里昂) dates the next one's first day.
const ARRIVING: [&str; 5] = ["抵达", "到达", "前往", "飞往", "赴"];

/// True when the first event `sentence` tells is one it says has ended (在结束…访问后, 结束了对苏联的
/// 访问), and it tells no arrival elsewhere after it.
fn ended(sentence: &str) -> bool {
    let Some(at) = first_event_word(sentence) else { return false };
    let (head, rest) = sentence.split_at(at);
    let rest: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
    // 到北京进行…访问 (not 回到北京): to a place, to visit it.
    let to_visit =
        rest.match_indices('到').any(|(i, _)| !rest[..i].ends_with('回') && rest[i..].contains('访'));
    let arrives = ARRIVING.iter().any(|w| rest.contains(w)) || to_visit;
    last_clause(head).contains("结束") && !arrives
}

/// The dates `sentence` tells of its event, see [`event_dates`].
fn told_dates(sentence: &str, document: Option<Date>) -> Dates {
    // A dateline (新华社北京1月1日电) dates the report, not the event; its day is the one 今天 and 昨天
    // after it count from (【美联社北京十二月二日电】…今天下午接见, in a page of the 3rd).
    let document = report_day(sentence, document);
    let sentence = sentence.find("日电").map_or(sentence, |at| &sentence[at + "日电".len()..]);
    let sentence = after_announcement(sentence);
    // 外交部28日就李克强…访问…举行吹风会: the day of a statement about the event, not the event's.
    let (sentence, spoken_of) = match STATEMENT_DAY.find(sentence) {
        Some(m) => (&sentence[m.end()..], true),
        None => (sentence, false),
    };
    let found = find_dates(sentence);
    if let Some(found) = found.iter().find(|d| d.date.is_complete()) {
        return Dates::stated(found.date, found.until.unwrap_or(found.date));
    }
    let Some(document) = document.filter(Date::is_complete) else {
        return Dates::from_document(None, None);
    };
    if let Some((start, end)) = day_to_month_day(sentence, document) {
        return Dates::stated(start, end);
    }
    if let Some(caps) = month_day(sentence) {
        let number = |name: &str| caps.name(name).and_then(|m| parse_number(m.as_str()));
        let start = number("m").zip(number("d")).and_then(|(m, d)| match caps.name("y") {
            Some(y) => Date::ymd(relative_year(y.as_str(), document), m, d),
            None => Date::month_day_nearest(document, m, d),
        });
        if let Some(start) = start {
            let end = number("d2")
                .and_then(|d2| Date::ymd(start.year, number("m2").unwrap_or(start.month?), d2))
                .filter(|end| *end >= start);
            return Dates::stated(start, end.unwrap_or(start));
        }
    }
    // 结束这项为期6天的海外访问: the length of a trip that ends is not counted from a day of its middle.
    let stay = STAY
        .captures(sentence)
        .filter(|c| !c.get(0).is_some_and(|m| last_clause(&sentence[..m.start()]).contains("结束")))
        .and_then(|c| parse_number(&c["n"]));
    let last_of_stay = |start: Date| stay.and_then(|n| start.shifted(n as i32 - 1)).unwrap_or(start);
    // 访华5日 is the length of a stay, not the fifth day of the month.
    let stays: Vec<usize> = STAY.find_iter(sentence).map(|m| m.end()).collect();
    let day = DAY.captures_iter(sentence).find(|c| !c.get(0).is_some_and(|m| stays.contains(&m.end())));
    if let Some(caps) = day {
        let number = |name: &str| caps.name(name).and_then(|m| parse_number(m.as_str()));
        let start = number("d").and_then(|d| day_nearest(document, d));
        if let Some(start) = start {
            let end =
                number("d2").and_then(|d2| Date::ymd(start.year, start.month?, d2)).filter(|e| *e >= start);
            return Dates::stated(start, end.unwrap_or_else(|| last_of_stay(start)));
        }
    }
    if let Some(day) =
        RELATIVE.iter().find(|(word, _)| sentence.contains(word)).and_then(|(_, n)| document.shifted(*n))
    {
        return Dates::stated(day, last_of_stay(day));
    }
    if let Some((start, end)) = super::weekdays::weekday_dates(sentence, document) {
        return Dates::stated(start, end);
    }
    if let Some(month) = found.iter().map(|d| d.date).find(|d| d.precision() == Precision::Month) {
        return Dates::stated(month, month);
    }
    if let Some(month) = RELATIVE_MONTHS
        .iter()
        .find(|(word, _)| sentence.contains(word))
        .and_then(|(_, n)| month_shifted(document, *n))
    {
        let dates = Dates::stated(month, month);
        return Dates { planned: month > document, ..dates };
    }
    let head = first_event_word(sentence).map_or(sentence, |at| &sentence[..at]);
    // 访问将增进…, 对此期待已久: what the event will bring is said before it happens, unless the
    // sentence speaks of this visit (这次访问必将开启…).
    let clause = &sentence[head.len()..];
    // A visit named as a noun (习近平主席对尼泊尔的访问，将…) is the subject of the clause after it.
    let noun = ["国事", "国是", "正式", "工作", "友好", "首次"]
        .iter()
        .fold(head, |h, w| h.strip_suffix(w).unwrap_or(h))
        .ends_with('的');
    let clauses = if noun { 2 } else { 1 };
    let clause = clause
        .match_indices(['，', ',', '；', ';', '。'])
        .nth(clauses - 1)
        .map_or(clause, |(end, _)| &clause[..end]);
    let present = PRESENT.iter().any(|word| head.contains(word));
    let to_come = TO_COME.iter().any(|word| head.contains(word) || !present && clause.contains(word));
    if let Some(caps) = MONTH.captures(sentence) {
        let month = caps.name("m").and_then(|m| parse_number(m.as_str()));
        let date = month.and_then(|m| match caps.name("y") {
            Some(y) => Date::ym(relative_year(y.as_str(), document), m),
            None => month_nearest(document, m, to_come),
        });
        if let Some(date) = date {
            return Dates::stated(date, date);
        }
    }
    // A past year the words before the event name (one after the document's is a plan's, 2030年议程).
    let written_year = YEAR
        .captures_iter(head)
        .filter_map(|c| c[1].parse::<i32>().ok())
        .filter(|&y| y <= document.year)
        .last();
    if let Some(year) = written_year.map(Date::y) {
        return Dates::stated(year, year);
    }
    // 切尼副总统今春访华 in a February report: a visit to come, of no day yet; in a later one, of the year.
    if let Some((_, starts)) = SEASONS.iter().find(|(w, _)| head.contains(w)) {
        if document.month.is_some_and(|m| m < *starts) {
            return Dates { planned: true, ..Dates::from_document(None, None) };
        }
        return Dates::stated(Date::y(document.year), Date::y(document.year));
    }
    if let Some(year) = ["前年", "去年"].iter().find(|w| head.contains(*w)) {
        let year = Date::y(relative_year(year, document));
        return Dates::stated(year, year);
    }
    // 70年前,毛泽东主席首次访问苏联: a count of years before the document's (not 70多年前, a round one).
    let ago = YEARS_AGO.captures(head).and_then(|c| parse_number(&c[1]));
    if let Some(year) = ago.and_then(|n| i32::try_from(n).ok()).map(|n| Date::y(document.year - n)) {
        return Dates::stated(year, year);
    }
    // 为落实习近平主席访问阿联酋成果, 会议审议了…访问…的情况报告: carrying out what an event brought,
    // or reviewing a report of it, speaks of a past one.
    let carried_out =
        ["落实", "审议"].iter().any(|w| last_clause(head).contains(w)) || !present && recalled(head, clause);
    // 外交部28日就…访问举行吹风会: a briefing (吹风会) is held before the event it is about.
    let briefed = spoken_of && sentence.contains("吹风会");
    let earlier = EARLIER.iter().any(|word| head.contains(word)) || TENURE.is_match(head);
    // 莫迪上次访问俄罗斯是在2019年: an earlier event's year may follow it in its clause.
    if earlier {
        let year_after =
            YEAR.captures_iter(clause).filter_map(|c| c[1].parse::<i32>().ok()).find(|&y| y < document.year);
        if let Some(year) = year_after.map(Date::y) {
            return Dates::stated(year, year);
        }
    }
    if to_come || carried_out || spoken_of || earlier {
        return Dates { planned: to_come || briefed, ..Dates::from_document(None, None) };
    }
    // 结束对…的访问: the report's day is the last one; the first is not said.
    if sentence.contains("结束") {
        return Dates::from_document(None, Some(document));
    }
    Dates::from_document(Some(document), Some(document))
}

/// The day the report in `sentence` speaks from: its dateline's (新华社北京1月1日电), else the
/// document's.
pub fn report_day(sentence: &str, document: Option<Date>) -> Option<Date> {
    let dateline = sentence.find("日电").map(|at| &sentence[..at + "日".len()]);
    dateline.and_then(|d| dateline_day(d, document)).or(document)
}

/// The day a dateline (`新华社北京1月1日`, `【美联社北京十二月二日`) names, nearest the document's date;
/// none when it names no month and day, or the document has no full date.
fn dateline_day(dateline: &str, document: Option<Date>) -> Option<Date> {
    let document = document.filter(Date::is_complete)?;
    let caps = MONTH_DAY.captures_iter(dateline).last()?;
    let number = |name: &str| caps.name(name).and_then(|m| parse_number(m.as_str()));
    Date::month_day_nearest(document, number("m")?, number("d")?)
}

/// `dates`, or, when their sentence (starting at `at` in `text`) did not state them, the year of its
/// paragraph (see [`paragraph_year`]): talks and visits told without a date in a paragraph about an
/// earlier year are of that year.
pub fn or_paragraph_year(dates: Dates, text: &str, at: usize, document: Option<Date>) -> Dates {
    if dates.stated {
        return dates;
    }
    match paragraph_year(text, at, document).map(Date::y) {
        Some(year) => Dates::stated(year, year),
        None => dates,
    }
}

/// 「2018年是中菲关系发展史上具有里程碑意义的一年。习近平主席成功实现首次对菲律宾的国事访问」: the year
/// before the document's that opens the paragraph of the sentence starting at `at`, or the sentence
/// before it, which places the events it tells without a date of their own.
fn paragraph_year(text: &str, at: usize, document: Option<Date>) -> Option<i32> {
    let document = document?;
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let before = text[start..at].trim_start();
    // The paragraph's first sentence, or the one right before (a line the text joined to the paragraph
    // may stand first).
    let sentences: Vec<&str> = before.split_inclusive(['。', '!', '?', ';']).collect();
    let opening = |s: &&str| {
        let caps = OPENING_YEAR.captures(s.trim_start()).or_else(|| YEAR_OF.captures(s))?;
        caps.get(1)?.as_str().parse::<i32>().ok()
    };
    let year = sentences.first().and_then(opening).or_else(|| sentences.last().and_then(opening))?;
    (year < document.year).then_some(year)
}

/// A sentence calling a year the one of something (2018年是中菲关系…的一年), wherever it stands.
static YEAR_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})年是[^。;]*(?:一年|之年)").expect("year of something")
});

/// A paragraph opening with a year (2018年是…, 在2018年, 2018年,).
static OPENING_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:在|回顾)?((?:19|20)[0-9]{2})年(?:是|里|中|,)").expect("opening year"));

/// The month `month` nearest the document's on the side the sentence speaks of: the last one not
/// after the document's month for a report or a recollection (`3月` in October is last March), the
/// next one not before it for what is still to come (`将于3月` in October is next March).
fn month_nearest(document: Date, month: u32, ahead: bool) -> Option<Date> {
    let at = document.month?;
    let year = match (ahead, month > at, month < at) {
        (false, true, _) => document.year - 1,
        (true, _, true) => document.year + 1,
        _ => document.year,
    };
    Date::ym(year, month)
}

/// The date on `day` of the document's month, the month before or the month after that is nearest
/// to the document (`12日` in a report of the 13th; `30日` in one of the 2nd of the next month).
fn day_nearest(document: Date, day: u32) -> Option<Date> {
    let at = document.day_number()?;
    let month = document.month?;
    let before = if month == 1 { (document.year - 1, 12) } else { (document.year, month - 1) };
    let after = if month == 12 { (document.year + 1, 1) } else { (document.year, month + 1) };
    [before, (document.year, month), after]
        .into_iter()
        .filter_map(|(year, month)| Date::ymd(year, month, day))
        .min_by_key(|d| d.day_number().map_or(i64::MAX, |n| (n - at).abs()))
}

#[cfg(test)]
#[path = "dating_tests.rs"]
mod tests;
