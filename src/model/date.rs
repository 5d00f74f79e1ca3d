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
