//! Calendar dates known to the day, the month or the year, and their `xsd:` forms.

use crate::vocab::{XSD_DATE, XSD_GYEAR, XSD_GYEAR_MONTH};
use std::fmt;

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A calendar date; `month` and `day` may be unknown (a day is only known with its month).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl Date {
    /// A full date, when the numbers make one.
    pub fn ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        let valid = (1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day);
        valid.then_some(Self { year, month: Some(month), day: Some(day) })
    }

    /// A month of a year, when `month` is one.
    pub fn ym(year: i32, month: u32) -> Option<Self> {
        (1..=12).contains(&month).then_some(Self { year, month: Some(month), day: None })
    }

    /// A year.
    pub fn y(year: i32) -> Self {
        Self { year, month: None, day: None }
    }

    /// How much of the date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// `YYYY-MM-DD` when the date is complete (an `xsd:date` lexical form).
    pub fn xsd(&self) -> Option<String> {
        Some(format!("{:04}-{:02}-{:02}", self.year, self.month?, self.day?))
    }

    /// The XML Schema datatype of [`Date::to_string`]'s form: `xsd:date`, `xsd:gYearMonth` or
    /// `xsd:gYear`.
    pub fn xsd_datatype(&self) -> &'static str {
        match self.precision() {
            Precision::Day => XSD_DATE,
            Precision::Month => XSD_GYEAR_MONTH,
            Precision::Year => XSD_GYEAR,
        }
    }

    /// True when year, month and day are known.
    pub fn is_complete(&self) -> bool {
        self.precision() == Precision::Day
    }

    /// The same date without its day: the month of a day, a month or a year as it is.
    pub fn without_day(self) -> Self {
        Date { day: None, ..self }
    }

    /// The complete date `days` days later (earlier when negative), for a complete date.
    pub fn shifted(&self, days: i32) -> Option<Self> {
        let (mut year, mut month, mut day) = (self.year, self.month?, self.day? as i32 + days);
        while day < 1 {
            (year, month) = if month == 1 { (year - 1, 12) } else { (year, month - 1) };
            day += days_in_month(year, month) as i32;
        }
        while day > days_in_month(year, month) as i32 {
            day -= days_in_month(year, month) as i32;
            (year, month) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
        }
        Self::ymd(year, month, day as u32)
    }

    /// Days from 1970-01-01 to a complete date (negative before it).
    pub fn day_number(&self) -> Option<i64> {
        // Counting years from March puts the leap day at the end of the year.
        let (month, day) = (i64::from(self.month?), i64::from(self.day?));
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        Some(era * 146_097 + day_of_era - 719_468)
    }

    /// The date on `month`/`day` nearest to `reference` (a year before, the same year or the
    /// next): a date without a year in a report is within months of the report.
    pub fn month_day_nearest(reference: Self, month: u32, day: u32) -> Option<Self> {
        let at = reference.day_number()?;
        [reference.year - 1, reference.year, reference.year + 1]
            .into_iter()
            .filter_map(|year| Self::ymd(year, month, day))
            .min_by_key(|d| d.day_number().map_or(i64::MAX, |n| (n - at).abs()))
    }

    /// The latest date on `day` of a month that is not after `reference` by more than `slack` days:
    /// the month and year a dateline's day alone (`21日电`) takes from the issue that printed it.
    pub fn day_before(reference: Self, day: u32, slack: i32) -> Option<Self> {
        let limit = reference.shifted(slack)?;
        let (mut year, mut month) = (limit.year, limit.month?);
        if day > limit.day? {
            (year, month) = if month == 1 { (year - 1, 12) } else { (year, month - 1) };
        }
        Self::ymd(year, month, day)
    }

    /// The latest date on `month`/`day` that is not after `reference` by more than `slack` days:
    /// the year a dateline's month and day (`10月12日电`) take from the issue that printed them.
    pub fn month_day_before(reference: Self, month: u32, day: u32, slack: i32) -> Option<Self> {
        let limit = reference.shifted(slack)?;
        let this_year = Self::ymd(limit.year, month, day);
        match this_year {
            Some(date) if date <= limit => Some(date),
            _ => Self::ymd(limit.year - 1, month, day),
        }
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (what [`Date::to_string`] writes).
    pub fn parse(text: &str) -> Option<Self> {
        let parts: Vec<&str> = text.split('-').collect();
        let digits = |part: &str, len: usize| {
            (part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse().ok())
                .flatten()
        };
        let year = digits(parts[0], 4)? as i32;
        match parts[1..] {
            [] => Some(Self::y(year)),
            [m] => Self::ym(year, digits(m, 2)?),
            [m, d] => Self::ymd(year, digits(m, 2)?, digits(d, 2)?),
            _ => None,
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (Some(m), Some(d)) => write!(f, "{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => write!(f, "{:04}-{m:02}", self.year),
            _ => write!(f, "{:04}", self.year),
        }
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifts_across_months_and_years_and_finds_the_year_of_a_month_day() {
        let d = |y, m, d| Date::ymd(y, m, d).unwrap();
        assert_eq!(d(2019, 10, 1).shifted(-1), Some(d(2019, 9, 30)));
        assert_eq!(d(2019, 1, 1).shifted(-2), Some(d(2018, 12, 30)));
        assert_eq!(d(2020, 2, 28).shifted(1), Some(d(2020, 2, 29)));
        assert_eq!(d(2019, 12, 31).shifted(1), Some(d(2020, 1, 1)));
        assert_eq!(Date::ym(2019, 10).unwrap().shifted(1), None, "only a complete date shifts");
        assert_eq!(Date::month_day_before(d(2019, 10, 14), 10, 12, 0), Some(d(2019, 10, 12)));
        assert_eq!(Date::month_day_before(d(2019, 1, 2), 12, 31, 0), Some(d(2018, 12, 31)));
        assert_eq!(Date::month_day_before(d(2019, 10, 14), 10, 15, 2), Some(d(2019, 10, 15)));
        assert_eq!(Date::month_day_before(d(2020, 3, 1), 2, 29, 0), Some(d(2020, 2, 29)));
        assert_eq!(Date::day_before(d(2019, 10, 22), 21, 1), Some(d(2019, 10, 21)));
        assert_eq!(Date::day_before(d(2019, 10, 3), 21, 1), Some(d(2019, 9, 21)));
        assert_eq!(
            Date::day_before(d(2019, 10, 14), 15, 1),
            Some(d(2019, 10, 15)),
            "a day after: a time zone"
        );
        assert_eq!(Date::day_before(d(1955, 1, 2), 19, 1), Some(d(1954, 12, 19)));
        assert_eq!(d(1970, 1, 1).day_number(), Some(0));
        assert_eq!(d(2000, 3, 1).day_number(), Some(11_017));
        assert_eq!(d(1969, 12, 31).day_number(), Some(-1));
        assert_eq!(d(2019, 10, 14).day_number().unwrap() - d(2019, 2, 1).day_number().unwrap(), 255);
        assert_eq!(Date::month_day_nearest(d(2019, 2, 20), 2, 27), Some(d(2019, 2, 27)), "announced");
        assert_eq!(Date::month_day_nearest(d(2020, 1, 2), 12, 30), Some(d(2019, 12, 30)));
        assert_eq!(Date::month_day_nearest(d(2019, 12, 30), 1, 3), Some(d(2020, 1, 3)));
    }

    #[test]
    fn each_precision_has_its_form_and_datatype() {
        let cases = [
            (Date::ymd(2024, 2, 29), "2024-02-29", Precision::Day, XSD_DATE),
            (Date::ym(2019, 6), "2019-06", Precision::Month, XSD_GYEAR_MONTH),
            (Some(Date::y(1994)), "1994", Precision::Year, XSD_GYEAR),
        ];
        for (date, text, precision, datatype) in cases {
            let date = date.expect("a valid date");
            assert_eq!(date.to_string(), text);
            assert_eq!(date.precision(), precision);
            assert_eq!(date.xsd_datatype(), datatype);
            assert_eq!(Date::parse(text), Some(date), "{text} parses back");
        }
    }

    #[test]
    fn impossible_or_malformed_dates_are_none() {
        assert_eq!(Date::ymd(2023, 2, 29), None);
        assert_eq!(Date::ym(2023, 13), None);
        for text in ["", "23", "2023-2", "2023-02-30", "2023-02-03-04", "2023--01", "abcd"] {
            assert_eq!(Date::parse(text), None, "{text}");
        }
    }
}
