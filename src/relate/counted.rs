//! Visits told as a count or a list of dates (此前曾两次访问意大利, 曾于2004年和2010年访华, 访问中国
//! 不下30次): how many visits the words before the verb and after the host state, and their dates.

use crate::model::Date;
use crate::text::dates::parse_number;
use crate::text::find_dates;
use regex::Regex;
use std::sync::LazyLock;

/// How many visits of one visitor to one host some words state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Times {
    /// One visit (the words state no count): dated as any other.
    One,
    /// More than a text lists (多次, 不下30次, 先后五次): no visit can be told from another.
    Many,
    /// Visits the text tells apart: one per entry, each with the date listed for it, if any.
    Each(Vec<Option<Date>>),
}

/// The most visits a count may state and still be told one by one (两次, 三次) when no date is
/// listed for each: a larger one is a record of many (先后五次访华).
const MOST_COUNTED: usize = 3;

/// How far before the verb's end a count stands (两次对意大利, 两次来华进行国事访问).
const NEAR_VERB: usize = 10;

/// A count right before the verb (两次访问, 两度访华, 三次对…进行访问), not an ordinal (第二次访华).
static COUNT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^第0-9一二三四五六七八九十])(?P<n>[0-9]{1,2}|[一二三四五六七八九十两几多数]{1,3})(?:次|度)",
    )
    .expect("count before")
});

/// A count right after the host (访问中国两次, 访华不下30次, 多次).
static COUNT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<more>不下|超过|逾|近|约|共|已|先后)?(?P<n>[0-9]{1,3}|[一二三四五六七八九十两几多数]{1,3})次",
    )
    .expect("count after")
});

/// What may stand between two dates listed for visits (2004年和2010年, 2011年5月、2016年), the capacity
/// of the first visit included (2004年以副总统身份、2008年).
static LIST_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:以[^,;。、]{1,12}?身份)?(?:、|,|和|及|与|以及|还有)$").expect("list mark")
});

/// The visits stated by `before_verb` (the words between the visitor and the host, the verb among
/// them) and `after_host` (what follows the host): a count in either, or two or more dates listed
/// in `before_verb`, up to the document's date `document` (a date after it is a plan's).
pub fn times(before_verb: &str, after_host: &str, document: Option<Date>) -> Times {
    let after = COUNT_AFTER.captures(after_host);
    // A count before the verb stands right before it: 两次访问, 两次对…进行访问 (not 三次会见…后访问).
    let before = COUNT_BEFORE.captures_iter(before_verb).last().filter(|c| {
        let rest = &before_verb[c.get(0).map_or(0, |m| m.end())..];
        rest.chars().count() <= NEAR_VERB && !rest.contains([',', ';'])
    });
    let count = match &after {
        Some(c) => Some((c.name("more").is_some(), c.name("n").map_or("", |n| n.as_str()))),
        None => before.as_ref().map(|c| (false, c.name("n").map_or("", |n| n.as_str()))),
    };
    let count = match count {
        None => None,
        Some((true, _)) => return Times::Many,
        Some((false, n)) => match number(n) {
            Some(n) if n >= 2 => Some(n),
            Some(_) => None,
            None => return Times::Many,
        },
    };
    let dates = listed_dates(before_verb, document);
    match count {
        Some(n) if dates.len() == n => Times::Each(dates.into_iter().map(Some).collect()),
        Some(n) if n <= MOST_COUNTED => Times::Each(vec![None; n]),
        Some(_) => Times::Many,
        None if dates.len() >= 2 => Times::Each(dates.into_iter().map(Some).collect()),
        None => Times::One,
    }
}

/// A count's number (两 is 2; 几, 多, 数 are none).
fn number(n: &str) -> Option<usize> {
    if n == "两" {
        return Some(2);
    }
    if n.contains(['几', '多', '数', '两']) {
        return None;
    }
    parse_number(n).map(|n| n as usize)
}

/// The dates `text` lists one after another with only a list mark between them, when there are two
/// or more and none is after `document`.
fn listed_dates(text: &str, document: Option<Date>) -> Vec<Date> {
    let found = find_dates(text);
    let listed = found.windows(2).all(|pair| LIST_MARK.is_match(&text[pair[0].end..pair[1].start]));
    let past = found.iter().all(|d| document.is_none_or(|doc| d.date.year <= doc.year));
    if found.len() >= 2 && listed && past {
        found.into_iter().map(|d| d.date).collect()
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years(times: Times) -> Vec<String> {
        match times {
            Times::Each(dates) => {
                dates.iter().map(|d| d.map(|d| d.to_string()).unwrap_or_default()).collect()
            }
            other => vec![format!("{other:?}")],
        }
    }

    #[test]
    fn a_small_count_is_that_many_visits_and_a_large_one_many() {
        let doc = Date::parse("2019-03-21");
        assert_eq!(years(times("此前曾两次", "", doc)), ["", ""]);
        assert_eq!(years(times("曾三度", "", doc)), ["", "", ""]);
        assert_eq!(years(times("", "两次。", doc)), ["", ""]);
        assert_eq!(times("先后五次", "", doc), Times::Many);
        assert_eq!(times("", "不下30次", doc), Times::Many);
        assert_eq!(times("", "多次", doc), Times::Many);
        assert_eq!(times("曾多次", "", doc), Times::Many);
    }

    #[test]
    fn an_ordinal_or_no_count_is_one_visit() {
        let doc = Date::parse("2019-03-21");
        assert_eq!(times("第二次", "", doc), Times::One);
        assert_eq!(times("首次", "", doc), Times::One);
        assert_eq!(times("21日抵达罗马,开始", "", doc), Times::One);
        assert_eq!(times("曾于2011年", "", doc), Times::One);
    }

    #[test]
    fn dates_listed_are_one_visit_each() {
        let doc = Date::parse("2019-03-21");
        assert_eq!(years(times("此前曾于2011年和2016年两次", "", doc)), ["2011", "2016"]);
        assert_eq!(years(times("曾于2004年5月、2010年", "", doc)), ["2004-05", "2010"]);
        assert_eq!(years(times("一九七五年和一九七八年", "", doc)), ["1975", "1978"]);
        assert_eq!(years(times("曾于2004年以副总统身份、2008年以非国大领袖身份", "", doc)), ["2004", "2008"]);
        // A range is one span of time, not two visits; a plan's year is not a visit yet.
        assert_eq!(times("2013年至2019年", "", doc), Times::One);
        assert_eq!(times("2018年和2020年", "", doc), Times::One);
        // Four dates for a count of four tell four visits apart.
        assert_eq!(years(times("2001年、2004年、2010年和2014年四次", "", doc)).len(), 4);
    }
}
