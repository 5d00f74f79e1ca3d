//! Days named by their day of the week (周二, 星期日, 本周二至六, 上周五, 下星期一): the day of that name
//! in the document's week (Monday first), the week before (上) or the week after (下).

use crate::model::Date;
use regex::Regex;
use std::sync::LazyLock;

/// A day of the week, a range of them, and the week they are of.
static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<week>上个?|下个?|本|这个?)?(?:星期|礼拜|周)(?P<d>[一二三四五六日天])(?:(?:至|到|-|—)(?:星期|礼拜|周)?(?P<d2>[一二三四五六日天]))?",
    )
    .expect("weekday")
});

/// Monday 0 to Sunday 6 of the day written `c`.
fn index(c: &str) -> Option<i64> {
    "一二三四五六日".chars().position(|d| c.starts_with(d)).or((c == "天").then_some(6)).map(|i| i as i64)
}

/// The first day of the week named in `sentence` and the last of its range, against `document` (a
/// complete date); `None` where no day of the week is named, or only a recurring one (每周一, 两周一次).
pub(super) fn weekday_dates(sentence: &str, document: Date) -> Option<(Date, Date)> {
    let at = document.day_number()?;
    let monday = at - (at + 3).rem_euclid(7);
    for caps in WEEKDAY.captures_iter(sentence) {
        let whole = caps.get(0)?;
        let week = caps.name("week").map(|w| w.as_str());
        let before = sentence[..whole.start()].chars().next_back();
        if before.is_some_and(|c| "每隔个两三几一".contains(c) || c.is_ascii_digit()) {
            continue;
        }
        let shift = match week {
            Some(w) if w.starts_with('上') => -7,
            Some(w) if w.starts_with('下') => 7,
            _ => 0,
        };
        let day = |name: &str| caps.name(name).and_then(|d| index(d.as_str())).map(|i| monday + shift + i);
        let start = day("d")?;
        let end = day("d2").filter(|&e| e >= start).unwrap_or(start);
        return Some((
            document.shifted(i32::try_from(start - at).ok()?)?,
            document.shifted(i32::try_from(end - at).ok()?)?,
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(sentence: &str, document: &str) -> Option<(String, String)> {
        let document = Date::parse(document).expect("date");
        weekday_dates(sentence, document).map(|(a, b)| (a.to_string(), b.to_string()))
    }

    fn both(a: &str, b: &str) -> Option<(String, String)> {
        Some((a.to_owned(), b.to_owned()))
    }

    #[test]
    fn a_day_of_the_week_is_of_the_documents_week() {
        // 2024-02-26 is a Monday.
        assert_eq!(
            days("比奥将于本周二至六对中国进行国事访问", "2024-02-26"),
            both("2024-02-27", "2024-03-02")
        );
        assert_eq!(days("俄罗斯政府周二宣布", "2024-06-27"), both("2024-06-25", "2024-06-25"));
        assert_eq!(days("两国外长星期日举行会谈", "2019-10-13"), both("2019-10-13", "2019-10-13"));
        assert_eq!(days("上周五抵达", "2024-02-26"), both("2024-02-23", "2024-02-23"));
        assert_eq!(days("下星期一访问", "2024-02-28"), both("2024-03-04", "2024-03-04"));
    }

    #[test]
    fn recurring_days_and_surnames_are_no_day() {
        assert_eq!(days("每周一举行例会", "2024-02-26"), None);
        assert_eq!(days("两周一次", "2024-02-26"), None);
        assert_eq!(days("周恩来总理访问印度", "2024-02-26"), None);
    }
}
