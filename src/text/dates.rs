//! Dates in Chinese text: Arabic and Chinese numerals, ranges (27日至28日, 6月5日至7日).
//!
//! The entry point is [`find_dates`], which scans normalized text.

use crate::model::Date;
use regex::Regex;
use std::sync::LazyLock;

/// A date or date range found in text, with its byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub date: Date,
    /// The last day of a range (`27日至28日`), if any.
    pub until: Option<Date>,
}

const CN_DIGITS: &str = "〇○零O０一二三四五六七八九";
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let y = format!("[0-9]{{4}}|[{CN_DIGITS}]{{4}}");
    let n = "[0-9]{1,2}|[一二三四五六七八九十]{1,3}";
    Regex::new(&format!(
        r"(?P<y>{y})年(?:(?P<m>{n})月(?:(?P<d>{n})日)?)?(?:(?:至|到|-|—|–|~)(?:(?P<m2>{n})月)?(?P<d2>{n})日)?"
    ))
    .expect("date pattern")
});
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    let n = "[0-9]{1,2}|[一二三四五六七八九十]{1,3}";
    Regex::new(&format!(r"(?P<m>{n})月(?P<d>{n})日")).expect("month-day pattern")
});

/// A date a file's path names: `YYYYMMDD`, `YYYY-MM-DD`, `YYYY_MM_DD`, `YYYY.MM.DD` or folders
/// `YYYY/MM/DD`, not inside a longer run of digits.
static PATH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])((?:1[89]|20)[0-9]{2})[-_./]?(0[1-9]|1[0-2])[-_./]?(0[1-9]|[12][0-9]|3[01])(?:[^0-9]|$)")
        .expect("path date")
});

/// The date a file's path gives (`rmrb/20191014-02-02.txt`, `2019/10/14/page.html`): archives file
/// documents by their issue or publication date. The last one in the path wins, so the file's own
/// name speaks before its folders.
pub fn date_in_path(path: &str) -> Option<Date> {
    let mut found = None;
    let mut at = 0;
    while let Some(caps) = PATH_DATE.captures_at(path, at) {
        let number = |i: usize| caps[i].parse::<u32>().ok();
        if let (Some(y), Some(m), Some(d)) = (number(1), number(2), number(3)) {
            found = Date::ymd(y as i32, m, d).or(found);
        }
        // The boundary after a date may start the next one (`20191014-20191015`).
        at = caps.get(3).map_or(path.len(), |m| m.end());
    }
    found
}

/// Calendars other than the Gregorian whose dates the text may give beside it (回历1444年12月13日
/// (即2022年12月7日), 农历正月初一, 佛历2567年): their years and months are no Gregorian date.
const OTHER_CALENDARS: [&str; 13] = [
    "回历",
    "伊历",
    "伊斯兰历",
    "希吉来历",
    "希吉拉历",
    "农历",
    "阴历",
    "夏历",
    "佛历",
    "藏历",
    "波斯历",
    "伊朗历",
    "犹太历",
];

/// Every dated expression in `text` (normalized), in order; dates of other calendars are none.
pub fn find_dates(text: &str) -> Vec<DateMention> {
    let mut found = Vec::new();
    for caps in DATE.captures_iter(text) {
        let whole = caps.get(0).expect("whole match");
        if OTHER_CALENDARS.iter().any(|c| text[..whole.start()].ends_with(c)) {
            continue;
        }
        let Some(year) = parse_year(&caps["y"]) else { continue };
        let month = caps.name("m").and_then(|m| parse_number(m.as_str()));
        let day = caps.name("d").and_then(|d| parse_number(d.as_str()));
        let date = match (month, day) {
            (Some(m), Some(d)) => match Date::ymd(year, m, d) {
                Some(date) => date,
                None => continue,
            },
            (Some(m), None) if (1..=12).contains(&m) => Date { year, month: Some(m), day: None },
            (Some(_), _) => continue,
            _ => Date { year, month: None, day: None },
        };
        let until = caps.name("d2").and_then(|d2| {
            let m2 = caps.name("m2").and_then(|m| parse_number(m.as_str())).or(month)?;
            Date::ymd(year, m2, parse_number(d2.as_str())?)
        });
        found.push(DateMention { start: whole.start(), end: whole.end(), date, until });
    }
    found
}

/// `(month, day)` of a date without a year (`6月5日`, `九月十四日`).
pub fn find_month_day(text: &str) -> Option<(u32, u32)> {
    let caps = MONTH_DAY.captures(text)?;
    let m = parse_number(&caps["m"])?;
    let d = parse_number(&caps["d"])?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((m, d))
}

/// A four-digit year in Arabic or Chinese digits (二〇二二, 一九七二).
pub fn parse_year(s: &str) -> Option<i32> {
    let mut year = 0i32;
    for c in s.chars() {
        year = year * 10 + cn_digit(c)? as i32;
    }
    (1000..=2999).contains(&year).then_some(year)
}

fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '0'..='9' => c as u32 - '0' as u32,
        '〇' | '○' | '零' | 'O' | '０' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A number from 1 to 99 in Arabic digits or Chinese numerals (十一, 二十八, 三十).
pub fn parse_number(s: &str) -> Option<u32> {
    if s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        ['十', u] => Some(10 + cn_digit(*u)?),
        [t, '十'] => Some(cn_digit(*t)? * 10),
        [t, '十', u] => Some(cn_digit(*t)? * 10 + cn_digit(*u)?),
        [u] => cn_digit(*u).filter(|&n| n > 0),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str) -> (String, Option<String>) {
        let m = find_dates(text).into_iter().next().expect("a date");
        (m.date.to_string(), m.until.map(|d| d.to_string()))
    }

    #[test]
    fn parses_dates_and_ranges() {
        let cases = [
            ("于2022年11月27日至28日对", "2022-11-27", Some("2022-11-28")),
            ("二〇二二年十一月二十八日", "2022-11-28", None),
            ("二○○○年七月十八日", "2000-07-18", None),
            ("一九七二年二月二十八日", "1972-02-28", None),
            ("2019年6月5日至7日", "2019-06-05", Some("2019-06-07")),
            ("2019年6月30日至7月2日", "2019-06-30", Some("2019-07-02")),
            ("1994年", "1994", None),
            ("2023年7月再次当选", "2023-07", None),
        ];
        for (text, date, until) in cases {
            assert_eq!(first(text), (date.to_owned(), until.map(str::to_owned)), "{text}");
        }
    }

    #[test]
    fn skips_the_dates_of_other_calendars() {
        let text = "于回历1444年12月13日至15日(即2022年12月7日至9日)对沙特进行国事访问";
        let found: Vec<String> = find_dates(text).iter().map(|m| m.date.to_string()).collect();
        assert_eq!(found, ["2022-12-07"]);
        assert!(find_dates("佛历2567年").is_empty());
        assert_eq!(first("农历新年前,2024年2月9日"), ("2024-02-09".to_owned(), None));
    }

    #[test]
    fn reads_the_date_a_path_names() {
        let cases = [
            ("rmrb-2019/2019-10/20191014-02-02.txt", Some("2019-10-14")),
            ("archive/2019/10/14/page.html", Some("2019-10-14")),
            ("2018-12-31_statement.txt", Some("2018-12-31")),
            ("1998.06.05 声明.txt", Some("1998-06-05")),
            ("2019-10/20191301-01.txt", None),
            ("seeds/statement.txt", None),
            ("id-120191014999.txt", None),
            ("20190101/20191014-02.txt", Some("2019-10-14")),
        ];
        for (path, date) in cases {
            assert_eq!(date_in_path(path).map(|d| d.to_string()).as_deref(), date, "{path}");
        }
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(find_dates("2023年2月30日").is_empty());
        assert!(find_dates("2023年13月").is_empty());
        assert_eq!(find_month_day("新华社莫斯科6月5日电"), Some((6, 5)));
        assert_eq!(find_month_day("九月十四日"), Some((9, 14)));
        assert_eq!(parse_number("二十八"), Some(28));
        assert_eq!(parse_year("二〇二四"), Some(2024));
    }
}
