//! Splitting a file into documents and reading each one's title, date and place.
//!
//! The entry point is [`segment`]. A new document starts at a dateline (新华社莫斯科6月5日电), a
//! newspaper continuation mark (上接第一版), a headline followed by a byline (新华社记者 …), or after a
//! closing dateline or signature line. Lines that page extraction repeated are marked as repeats.

use super::dates::{find_dates, find_month_day, parse_number};
use super::normalize::is_terminal;
use crate::model::Date;
use crate::reference::Words;
use regex::Regex;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::LazyLock;

/// One document inside a file: a byte range of the normalized text plus what its heading says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Byte range in the normalized text.
    pub range: Range<usize>,
    /// Title from the heading, or the first sentence when there is no heading.
    pub title: String,
    /// The document's date, when stated or inferable.
    pub date: Option<Date>,
    /// Where it was issued or datelined.
    pub place: Option<String>,
    /// Byte ranges of lines that repeat earlier lines of the same document.
    pub repeats: Vec<Range<usize>>,
    /// Byte ranges of datelines, bylines and closing datelines: metadata, not content.
    pub metadata: Vec<Range<usize>>,
    /// True when a signature line (`本声明于…签署`, `二〇二四年一月二十四日于北京`) closes the document.
    pub signed: bool,
    /// True when the date's year is a guess from a year the body names (a dateline's month and day
    /// with no issue date): the leaders the document names may show it to be too early.
    pub year_from_body: bool,
}

impl Segment {
    /// The repeated lines and the metadata, to ask of many offsets whether they lie in one.
    pub fn skipped(&self) -> SkippedRanges {
        let mut ranges: Vec<Range<usize>> = self.repeats.iter().chain(&self.metadata).cloned().collect();
        ranges.sort_by_key(|r| r.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
        for r in ranges {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        SkippedRanges(merged)
    }
}

/// Byte ranges sorted and merged: an offset is looked up in logarithmic time, so a document with
/// thousands of repeated lines is not quadratic in its mentions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SkippedRanges(Vec<Range<usize>>);

impl SkippedRanges {
    /// True when `offset` lies in one of the ranges.
    pub fn contains(&self, offset: usize) -> bool {
        let after = self.0.partition_point(|r| r.start <= offset);
        after > 0 && offset < self.0[after - 1].end
    }
}

/// Who datelines a report: the agencies and papers by name, and any outlet whose name ends as
/// agencies, papers, sites and stations do (人民网, 中评社, 法新社, 中央社, 联合早报 …).
const NEWS: &str = "新华社|中新社|人民日报|本报|央视新闻|中国新闻社|\\p{Han}{1,5}(?:社|网|报|台|早报|日报)";
const CN_N: &str = "[0-9]{1,2}|[一二三四五六七八九十]{1,3}";

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:{NEWS})(?P<city>[^\s,()0-9]{{0,12}}?)(?:\([^()\s]{{1,8}}\))?(?:(?:{CN_N})月)?(?P<day>{CN_N})日(?:电|讯)"
    ))
    .expect("dateline")
});
static CLOSING_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\((?:{NEWS})(?P<city>[^\s,()0-9]{{0,12}}?)(?:(?:{CN_N})月)?(?P<day>{CN_N})日(?:电|讯)\)$"
    ))
    .expect("closing dateline")
});
static CONTINUED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\(上接(?:第)?[0-9一二三四五六七八九十]+版\)").expect("continued"));
static BYLINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^(?:(?:{NEWS})?记者|(?:{NEWS})特约记者)")).expect("byline"));
static REPORTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\([^()]{0,12}?(?:记者|通讯员|报道组)[^()]*\)").expect("reporter"));
static SIGNED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<date>(?:[0-9]{{4}}|[〇○零一二三四五六七八九]{{4}})年(?:{CN_N})月(?:{CN_N})日)(?:于|在)(?P<place>[^\s,。、;:()]{{2,8}}?)(?:签署|签订|发表|举行|$|,|。)"
    ))
    .expect("signature")
});
static HEADING_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<title>.*?)\((?P<date>(?:[0-9]{{4}}|[〇○零一二三四五六七八九]{{4}})年(?:{CN_N})月(?:{CN_N})日)[ ,、]?(?P<place>[^)]{{0,12}})\)$"
    ))
    .expect("heading date")
});
static MARKUP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:#+ ?|\*\*)?(?:全文 ?[|:])?|\*\*$").expect("markup"));

/// A line of the normalized text.
#[derive(Debug, Clone)]
struct Line<'a> {
    text: &'a str,
    range: Range<usize>,
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for part in text.split('\n') {
        let range = start..start + part.len();
        start = range.end + 1;
        if !part.trim().is_empty() {
            out.push(Line { text: part, range });
        }
    }
    out
}

/// Splits normalized text into documents, each with its title, date and place. `issued` is the
/// date the file was issued or published, when known from outside the text (its path, a metadata
/// list): datelines without a year (`新华社加德满都10月12日电`) take their year from it, and
/// documents that state no date take it as theirs.
pub fn segment(text: &str, issued: Option<Date>) -> Vec<Segment> {
    let lines = lines(text);
    let mut groups: Vec<Vec<Line<'_>>> = Vec::new();
    let mut current: Vec<Line<'_>> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let next_is_byline = lines.get(i + 1).is_some_and(|l| BYLINE.is_match(l.text));
        // A date line right under a title (一九五四年六月二十九日于仰光) heads the document; only
        // one after its text closes it.
        let after_close = i > 0 && closes(lines[i - 1].text) && current.len() > 2;
        let dateline = DATELINE.is_match(line.text);
        let starts = dateline
            || CONTINUED.is_match(line.text)
            || (next_is_byline && line.text.chars().count() <= 40)
            || after_close;
        if starts && current.iter().any(|l| !closes(l.text)) {
            // The headline printed above a dateline belongs to the report it heads.
            let headline = if dateline { headline_lines(&current) } else { 0 };
            let mut next = current.split_off(current.len() - headline);
            if !current.is_empty() {
                groups.push(std::mem::take(&mut current));
            }
            current.append(&mut next);
        }
        current.push(line.clone());
    }
    if !current.is_empty() {
        groups.push(current);
    }
    // A few characters after a closing line (（完）, 责任编辑：…) are not a document of their own.
    let mut merged: Vec<Vec<Line<'_>>> = Vec::new();
    for group in groups {
        let size: usize = group.iter().map(|l| l.text.chars().count()).sum();
        let marked = DATELINE.is_match(group[0].text) || CONTINUED.is_match(group[0].text);
        match merged.last_mut() {
            Some(previous) if size < 20 && !marked => previous.extend(group),
            _ => merged.push(group),
        }
    }
    let groups = merged;
    let issued = issued.filter(Date::is_complete);
    let mut segments: Vec<Segment> = groups.iter().map(|g| describe(g, issued)).collect();
    infer_missing_years(&groups, &mut segments, issued);
    segments
}

/// The most bytes a line matched whole by the signature pattern can have: a date of at most 13
/// characters (3 bytes each), 于, a place of at most 8 characters (4 bytes each), an ending of 2.
const SIGNATURE_LINE_MAX_BYTES: usize = 13 * 3 + 3 + 8 * 4 + 2 * 3;

/// The most characters a headline line holds: a subtitle or a summary deck above the dateline may run
/// long (指出中美关系是…, 140; 老同志们对此表示感谢…, 228).
const HEADLINE_MAX_CHARS: usize = 300;
/// The most lines a headline takes above its dateline.
const HEADLINE_MAX_LINES: usize = 5;

/// How many lines at the end of `group` read as the headline of what follows: up to five lines
/// without a sentence's end (a headline over two lines, its subtitle, a summary of two points), when
/// something else comes before them or they are all there is.
fn headline_lines(group: &[Line<'_>]) -> usize {
    let is_headline = |l: &Line<'_>| {
        let text = l.text.trim();
        text.chars().count() <= HEADLINE_MAX_CHARS
            && !text.ends_with(['。', '!', '?', ';', ':'])
            && !closes(text)
    };
    group.iter().rev().take(HEADLINE_MAX_LINES).take_while(|l| is_headline(l)).count()
}

/// A line that closes a document: a closing dateline or a `date于place` signature line.
fn closes(line: &str) -> bool {
    CLOSING_DATELINE.is_match(line)
        || line.len() <= SIGNATURE_LINE_MAX_BYTES
            && SIGNED
                .captures(line)
                .is_some_and(|c| c.get(0).is_some_and(|m| m.start() == 0 && m.end() == line.len()))
}

fn describe(group: &[Line<'_>], issued: Option<Date>) -> Segment {
    let range = group[0].range.start..group[group.len() - 1].range.end;
    let repeats = repeated_lines(group);
    let mut metadata: Vec<Range<usize>> = group
        .iter()
        .filter(|l| CLOSING_DATELINE.is_match(l.text) || BYLINE.is_match(l.text))
        .map(|l| l.range.clone())
        .collect();
    let mut place = None;
    let mut date = None;
    let mut title = String::new();
    let mut body = group;
    let mut first_sentence_of: Option<String> = None;
    let mut year_from_body = false;

    // The dateline opens the group, or follows the headline printed above it.
    let mut headline = None;
    let dateline = group.iter().take(HEADLINE_MAX_LINES + 1).position(|l| DATELINE.is_match(l.text));
    if let Some((at, caps)) = dateline.and_then(|at| Some((at, DATELINE.captures(group[at].text)?))) {
        let line = &group[at];
        place = Some(caps["city"].to_owned()).filter(|city| !city.is_empty());
        date = dateline_date(&caps);
        let rest = line.text[caps[0].len()..].trim_start_matches(['/', '|', ' ', '\u{3000}']);
        let rest = REPORTER.find(rest).map_or(rest, |m| &rest[m.end()..]);
        let start = line.range.start;
        metadata.push(start..start + line.text.len() - rest.len());
        if at > 0 {
            let lines = group[..at].iter().map(|l| MARKUP.replace_all(l.text.trim(), "").trim().to_owned());
            headline = Some(lines.collect::<String>());
        } else if !rest.trim().is_empty() {
            first_sentence_of = Some(rest.to_owned());
        }
        body = &group[at + 1..];
    } else if let Some(m) = CONTINUED.find(group[0].text) {
        first_sentence_of = Some(group[0].text[m.end()..].to_owned());
    }

    if let Some(headline) = headline {
        title = headline;
    } else if first_sentence_of.is_none() {
        let mut heading: Vec<String> = Vec::new();
        for line in body.iter().take(6) {
            let text = MARKUP.replace_all(line.text.trim(), "").trim().to_owned();
            if BYLINE.is_match(&text) || heading.contains(&text) && !heading.is_empty() {
                if BYLINE.is_match(&text) {
                    break;
                }
                continue;
            }
            if let Some(caps) = HEADING_DATE.captures(&text) {
                if !caps["title"].is_empty() {
                    heading.push(caps["title"].trim().to_owned());
                }
                date = find_dates(&caps["date"]).first().map(|d| d.date).or(date);
                let p = caps["place"].trim();
                if !p.is_empty() {
                    place = Some(p.to_owned());
                }
                break;
            }
            let ends_body = text.chars().last().is_some_and(|c| is_terminal(c) && c != '》' && c != '”');
            if text.chars().count() > 60 || ends_body {
                break;
            }
            let complete = heading
                .last()
                .is_some_and(|h| Words::embedded().title_endings.iter().any(|e| h.ends_with(e)));
            if complete && !text.starts_with("——") {
                break;
            }
            heading.push(text);
        }
        title = heading.concat();
        if title.is_empty() {
            first_sentence_of = body.first().map(|l| l.text.to_owned());
        }
    }
    if let Some(text) = first_sentence_of {
        title = first_sentence(&text);
    }

    if date.as_ref().is_none_or(|d| d.year == 0) {
        if let Some((d, p)) = signature(group) {
            date = Some(d);
            place = place.or(p);
        }
    }
    if date.is_none() {
        if let Some(caps) = group.iter().rev().take(3).find_map(|l| CLOSING_DATELINE.captures(l.text)) {
            place = place.or_else(|| Some(caps["city"].to_owned()).filter(|city| !city.is_empty()));
            date = dateline_date(&caps);
        }
    }
    match date {
        // With an issue date the year is the issue's ([`infer_missing_years`]): a text that names
        // the same day of another year (建国70周年: 1949年10月1日) tells of that day, not of itself.
        Some(d) if d.year == 0 && issued.is_none() => {
            let text: String = group.iter().map(|l| l.text).collect::<Vec<_>>().join("\n");
            date = year_from_text(&text, d);
            year_from_body = date.is_some_and(|d| d.year != 0);
        }
        // In a file with an issue date, a full date near the top more than a week away from it (a
        // biography's 2019年1月1日就职 in a report of October) dates something the text tells, not
        // the document; the issue date will. So does a range of days (a visit's), beside an issue date.
        None => {
            date = group
                .iter()
                .take(4)
                .flat_map(|l| find_dates(l.text))
                // 于2022年12月7日至9日对沙特进行国事访问: beside an issue date, a range of days is an
                // event's, not the document's.
                .filter(|m| issued.is_none() || m.until.is_none())
                .map(|m| m.date)
                .find(Date::is_complete)
                .filter(|d| issued.is_none_or(|i| days_apart(*d, i).is_some_and(|n| n <= ISSUE_SLACK_DAYS)))
        }
        _ => {}
    }
    let signed = signature(group).is_some();
    Segment { range, title, date, place, repeats, metadata, signed, year_from_body }
}

/// How many days a date found in a document's first lines may lie from its file's issue date and
/// still be the document's own date.
const ISSUE_SLACK_DAYS: i64 = 7;

/// The number of days between two dates to the day.
fn days_apart(a: Date, b: Date) -> Option<i64> {
    Some((a.day_number()? - b.day_number()?).abs())
}

/// The month and day of a dateline without its year (新华社莫斯科6月5日电), or its day alone
/// (新华社北京21日电, 新华社新德里十九日电: the month is the issue's), for the issue date to complete.
fn dateline_date(caps: &regex::Captures<'_>) -> Option<Date> {
    if let Some((m, d)) = find_month_day(&caps[0]) {
        return Some(Date { year: 0, month: Some(m), day: Some(d) });
    }
    let day = parse_number(&caps["day"]).filter(|d| (1..=31).contains(d))?;
    Some(Date { year: 0, month: None, day: Some(day) })
}

/// The date and place of a signature line near the end (`本声明于2022年9月14日在努尔苏丹签署`).
fn signature(group: &[Line<'_>]) -> Option<(Date, Option<String>)> {
    group.iter().rev().take(8).find_map(|line| {
        let caps = SIGNED.captures(line.text)?;
        let date = find_dates(&caps["date"]).first()?.date;
        Some((date, Some(caps["place"].to_owned())))
    })
}

/// Completes a month-day date with the year of a full date in the text on that same day, if any.
fn year_from_text(text: &str, partial: Date) -> Option<Date> {
    let same_day = find_dates(text).into_iter().find(|m| {
        let on = |d: Date| d.month == partial.month && d.day == partial.day;
        on(m.date) || m.until.is_some_and(on)
    });
    match same_day {
        Some(m) => Date::ymd(m.date.year, partial.month?, partial.day?),
        None => Some(partial),
    }
}

/// Documents of one file whose date lacks a year take it from the file's issue date (the latest
/// such day not after it), else borrow it from the nearest dated document (or, when no document of
/// the file has a full date, from the latest year their own text names); an undated document (a
/// continuation on a newspaper page) takes the date of the nearest one, else the issue date.
fn infer_missing_years(groups: &[Vec<Line<'_>>], segments: &mut [Segment], issued: Option<Date>) {
    if let Some(issued) = issued {
        for segment in segments.iter_mut() {
            match segment.date {
                // A dateline a day after the issue is a misprint or a time zone, not last year.
                Some(Date { year: 0, month: Some(m), day: Some(d) }) => {
                    segment.date = Date::month_day_before(issued, m, d, 1).or(segment.date);
                }
                Some(Date { year: 0, month: None, day: Some(d) }) => {
                    segment.date = Date::day_before(issued, d, 1).or(segment.date);
                }
                _ => {}
            }
        }
    }
    let complete = |segments: &[Segment]| -> Vec<(usize, Date)> {
        segments
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.date.filter(|d| d.year != 0).map(|d| (i, d)))
            .collect()
    };
    let nearest = |known: &[(usize, Date)], i: usize| {
        known.iter().min_by_key(|(j, _)| (j.abs_diff(i), *j)).map(|(_, d)| *d)
    };
    let with_year = |partial: Date, year: i32| Date::ymd(year, partial.month?, partial.day?);
    if complete(segments).is_empty() {
        for (i, segment) in segments.iter_mut().enumerate() {
            let Some(partial) = segment.date.filter(|d| d.year == 0) else { continue };
            let text: String = groups[i].iter().map(|l| l.text).collect();
            if let Some(year) = find_dates(&text).iter().map(|m| m.date.year).max() {
                segment.date = with_year(partial, year);
                segment.year_from_body = segment.date.is_some();
            }
        }
    }
    let known = complete(segments);
    for (i, segment) in segments.iter_mut().enumerate() {
        segment.date = match segment.date {
            // A dateline's day alone takes the month of the nearest dated document too.
            Some(Date { year: 0, month: None, day: Some(day) }) => {
                nearest(&known, i).and_then(|d| Date::day_before(d, day, 1))
            }
            Some(partial) if partial.year == 0 => nearest(&known, i).and_then(|d| with_year(partial, d.year)),
            None => nearest(&known, i).filter(Date::is_complete).or(issued),
            date => date,
        };
    }
}

/// The first sentence of `text`, at most 40 characters.
fn first_sentence(text: &str) -> String {
    let text = text.trim();
    let end = text.find(['。', '!', '?']).unwrap_or(text.len());
    text[..end].chars().take(40).collect()
}

/// Characters a line must have to count as repeated, and the length of the runs compared.
const REPEAT_MIN_CHARS: usize = 10;

/// Lines (10 characters or more) that repeat, or are contained in, an earlier line of the group.
///
/// A line can stand inside an earlier one only where its first 10 characters do: each earlier
/// line's runs of 10 characters are hashed as they roll by and looked up among the later lines'
/// first runs, so a document costs time in proportion to its length, not to its square.
fn repeated_lines(group: &[Line<'_>]) -> Vec<Range<usize>> {
    let mut by_first_run: HashMap<u64, Vec<usize>, BuildHasherDefault<Unhashed>> = HashMap::default();
    // One bit per low 16 bits of the first runs' hashes: most runs are ruled out without a look-up.
    let mut maybe = vec![0u64; 1 << 10];
    let bit = |hash: u64| ((hash as usize & 0xFFFF) / 64, 1u64 << (hash % 64));
    for (n, line) in group.iter().enumerate() {
        let run: Vec<char> = line.text.trim().chars().take(REPEAT_MIN_CHARS).collect();
        if run.len() == REPEAT_MIN_CHARS {
            let hash = RunHash::of(&run);
            let (word, mask) = bit(hash);
            maybe[word] |= mask;
            by_first_run.entry(hash).or_default().push(n);
        }
    }
    let mut repeated = vec![false; group.len()];
    if !by_first_run.is_empty() {
        for (earlier, line) in group.iter().enumerate() {
            let mut run = RunHash::default();
            let chars: Vec<(usize, char)> = line.text.char_indices().collect();
            for (k, &(_, c)) in chars.iter().enumerate() {
                let leaving = k.checked_sub(REPEAT_MIN_CHARS).map(|i| chars[i].1);
                run.roll(c, leaving);
                let (word, mask) = bit(run.0);
                if k + 1 < REPEAT_MIN_CHARS || maybe[word] & mask == 0 {
                    continue;
                }
                let Some(lines) = by_first_run.get(&run.0) else { continue };
                let at = chars[k + 1 - REPEAT_MIN_CHARS].0;
                for &later in lines.iter().filter(|&&n| n > earlier) {
                    if !repeated[later] && line.text[at..].starts_with(group[later].text.trim()) {
                        repeated[later] = true;
                    }
                }
            }
        }
    }
    group.iter().zip(repeated).filter(|(_, r)| *r).map(|(line, _)| line.range.clone()).collect()
}

/// A hash of the last 10 characters seen that is updated in constant time per character.
#[derive(Default)]
struct RunHash(u64);

impl RunHash {
    const BASE: u64 = 0x0100_0000_01b3;
    /// What the character leaving the run was multiplied by.
    const LEAVING: u64 = Self::BASE.wrapping_pow(REPEAT_MIN_CHARS as u32 - 1);

    fn of(run: &[char]) -> u64 {
        let mut hash = Self::default();
        for &c in run {
            hash.roll(c, None);
        }
        hash.0
    }

    /// Takes in `entering` and drops `leaving`, the character 10 places before it.
    fn roll(&mut self, entering: char, leaving: Option<char>) {
        if let Some(c) = leaving {
            self.0 = self.0.wrapping_sub(u64::from(c).wrapping_mul(Self::LEAVING));
        }
        self.0 = self.0.wrapping_mul(Self::BASE).wrapping_add(u64::from(entering));
    }
}

/// Keys that are hashes already.
#[derive(Default)]
struct Unhashed(u64);

impl Hasher for Unhashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::NormText;

    #[test]
    fn the_longest_signature_line_is_within_the_bound() {
        let longest = "二〇二四年二十一月二十一日于𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀签署";
        assert_eq!(longest.len(), SIGNATURE_LINE_MAX_BYTES);
        assert!(closes(longest));
        assert!(closes("2022年9月14日于努尔苏丹"));
        let one_more = "二〇二四年二十一月二十一日于𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀签署";
        assert!(SIGNED.captures(one_more).is_none_or(|c| c[0].len() < one_more.len()));
    }

    fn titles(raw: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let norm = NormText::new(raw);
        segment(norm.as_str(), None)
            .into_iter()
            .map(|s| (s.title, s.date.and_then(|d| d.xsd()), s.place))
            .collect()
    }

    #[test]
    fn reads_heading_with_date_in_parentheses() {
        let raw = "中华人民共和国和某国联合公报（一九七二年二月二十八日 上海）　　一、正文开始。";
        assert_eq!(
            titles(raw),
            vec![("中华人民共和国和某国联合公报".into(), Some("1972-02-28".into()), Some("上海".into()))]
        );
    }

    #[test]
    fn splits_at_datelines_and_continuations() {
        let raw = "新华社北京 3 月 5 日电\n中华人民共和国和某国\n联合声明\n双方于2021年3月4日会谈。\n\
                   新华社东京3月6日电（记者王某）当地时间6日，双方举行会谈。\n\
                   （上接第一版）会谈后，双方签署文件。\n";
        let found = titles(raw);
        assert_eq!(found.len(), 3);
        assert_eq!(found[0].0, "中华人民共和国和某国联合声明");
        assert_eq!(found[0].1.as_deref(), Some("2021-03-05"));
        assert_eq!(found[0].2.as_deref(), Some("北京"));
        assert_eq!(found[1].0, "当地时间6日,双方举行会谈");
        assert_eq!(found[1].1.as_deref(), Some("2021-03-06"));
        assert_eq!(found[2].0, "会谈后,双方签署文件");
    }

    #[test]
    fn headline_before_byline_and_signature_date() {
        let raw = "某国联合声明\n一、双方同意合作。\n二〇二四年一月二十四日于北京\n\
                   两国友谊历久弥新\n新华社记者 张三\n两国关系不断发展。\n（新华社北京1月25日电）\n";
        let found = titles(raw);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0], ("某国联合声明".into(), Some("2024-01-24".into()), Some("北京".into())));
        assert_eq!(found[1].0, "两国友谊历久弥新");
        assert_eq!(found[1].1.as_deref(), Some("2024-01-25"));
    }

    #[test]
    fn a_few_characters_after_a_closing_line_stay_with_the_document() {
        let raw = "某国联合声明\n一、双方同意加强各领域合作。\n二〇二四年一月二十四日于北京\n(完)\n";
        assert_eq!(titles(raw).len(), 1);
    }

    #[test]
    fn datelines_take_the_year_of_the_issue_and_undated_documents_its_date() {
        let raw = "新华社加德满都10月12日电 国家主席习近平12日抵达加德满都。文中提到2017年的事。\n\
                   （上接第一版）会谈后，双方签署文件。\n";
        let norm = NormText::new(raw);
        let dates = |issued| -> Vec<Option<String>> {
            segment(norm.as_str(), issued).iter().map(|s| s.date.map(|d| d.to_string())).collect()
        };
        // Without the issue date the year comes from the text, which names another year.
        assert_eq!(dates(None), [Some("2017-10-12".into()), Some("2017-10-12".into())]);
        let issued = Date::ymd(2019, 10, 13);
        assert_eq!(dates(issued), [Some("2019-10-12".into()), Some("2019-10-12".into())]);
        // The same day of another year in the text is an anniversary, not the dateline's year.
        let raw = "新华社北京10月1日电 1949年10月1日，中华人民共和国成立。各国领导人致电祝贺。\n";
        let norm = NormText::new(raw);
        let date = |issued| segment(norm.as_str(), issued)[0].date.map(|d| d.to_string());
        assert_eq!(date(Date::ymd(2019, 10, 2)).as_deref(), Some("2019-10-01"));
        assert_eq!(date(None).as_deref(), Some("1949-10-01"), "without an issue date the text's year");
        // A late-December dateline in a January issue is of the year before.
        let raw = "新华社北京12月30日电 某国总统访问中国。\n";
        let norm = NormText::new(raw);
        let date = segment(norm.as_str(), Date::ymd(2020, 1, 2))[0].date.map(|d| d.to_string());
        assert_eq!(date.as_deref(), Some("2019-12-30"));
        // A dateline without a city: 十九 is the day, not a city 十 and the day 九.
        let norm = NormText::new("新华社十九日讯 某国主席和另一国主席联合公报\n两国主席举行了会谈。\n");
        let segments = segment(norm.as_str(), Date::ymd(1964, 5, 20));
        assert_eq!(segments[0].date.map(|d| d.to_string()).as_deref(), Some("1964-05-19"));
        assert_eq!(segments[0].place, None, "no city is no place");
        // A document that states no date is dated by its issue.
        let norm = NormText::new("某国总统会见外宾。\n");
        let date = segment(norm.as_str(), Date::ymd(2019, 2, 3))[0].date.map(|d| d.to_string());
        assert_eq!(date.as_deref(), Some("2019-02-03"));
    }

    #[test]
    fn a_datelines_day_alone_takes_the_month_of_the_issue() {
        let date = |raw: &str, issued| {
            let norm = NormText::new(raw);
            let segments = segment(norm.as_str(), issued);
            (segments[0].date.map(|d| d.to_string()), segments[0].place.clone(), segments[0].title.clone())
        };
        let raw = "新华社北京21日电 国家主席习近平21日会见法国总统。\n";
        let (day, place, title) = date(raw, Date::ymd(2019, 10, 22));
        assert_eq!((day.as_deref(), place.as_deref()), (Some("2019-10-21"), Some("北京")));
        assert!(title.starts_with("国家主席习近平"), "the dateline is no title: {title}");
        // A day after the issue's is of the month before; Chinese numerals are days too.
        assert_eq!(date(raw, Date::ymd(2019, 10, 3)).0.as_deref(), Some("2019-09-21"));
        let raw = "新华社新德里十九日电 苏联领导人到达新德里。\n";
        assert_eq!(date(raw, Date::ymd(1955, 11, 20)).0.as_deref(), Some("1955-11-19"));
        assert_eq!(date(raw, Date::ymd(1955, 1, 2)).0.as_deref(), Some("1954-12-19"));
        // With no issue date a day alone dates nothing.
        assert_eq!(date(raw, None).0, None);
    }

    #[test]
    fn a_date_inside_a_paragraph_near_the_top_does_not_date_the_document() {
        let raw = "某国总统今起访华\n\
                   应邀请，某国总统将于10月24日至26日对中国进行国事访问。\n\
                   某国总统，男，1955年生。2018年10月当选总统，2019年1月1日就职，任期四年，曾任议员多年。\n";
        let norm = NormText::new(raw);
        let date = segment(norm.as_str(), Date::ymd(2019, 10, 24))[0].date.map(|d| d.to_string());
        assert_eq!(date.as_deref(), Some("2019-10-24"), "the issue date, not the inauguration");
        let date = segment(norm.as_str(), None)[0].date.map(|d| d.to_string());
        assert_eq!(date.as_deref(), Some("2019-01-01"), "with no issue date, the first full date");
        let norm = NormText::new("某国总统会见外宾\n2019年10月21日\n某国总统会见外宾。\n");
        let date = segment(norm.as_str(), Date::ymd(2019, 10, 24))[0].date.map(|d| d.to_string());
        assert_eq!(date.as_deref(), Some("2019-10-21"), "a date days before the issue");
    }

    #[test]
    fn a_long_subtitle_over_an_indented_dateline_heads_its_report() {
        let subtitle =
            "指出中美关系是当今世界最重要的双边关系之一。两国在维护世界和平稳定、促进全球发展繁荣方面\
                        肩负着重要责任,拥有广泛共同利益,合作是双方最好的选择";
        let raw = format!(
            "习近平会见美国贸易代表和财政部长\r\n{subtitle}\r\n\u{3000}\u{3000}本报北京2月15日电  国家主席习近平\
             15日在人民大会堂会见美国贸易代表。\r\n\u{3000}\u{3000}习近平指出,合作是双方最好的选择。\r\n"
        );
        let norm = NormText::new(&raw);
        let segments = segment(norm.as_str(), Date::ymd(2019, 2, 16));
        assert_eq!(segments.len(), 1, "one report, its headline with it");
        assert_eq!(segments[0].date.map(|d| d.to_string()).as_deref(), Some("2019-02-15"));
        assert_eq!(segments[0].place.as_deref(), Some("北京"));
        // Three lines of headline and two points of summary over the dateline.
        let deck =
            format!("\u{3000}\u{3000}■ 前进征程上{}", "我们要坚持中国共产党领导,坚持人民主体地位,".repeat(4));
        let raw = format!(
            "庆祝大会在京隆重举行\n天安门广场举行盛大阅兵仪式\n习近平发表重要讲话\n\u{3000}\u{3000}■ 70年来取得了伟大成就\n\
             {deck}\n\u{3000}\u{3000}本报北京10月1日电  大会在天安门广场隆重举行。\n"
        );
        let norm = NormText::new(&raw);
        let segments = segment(norm.as_str(), Date::ymd(2019, 10, 2));
        assert_eq!(segments.len(), 1, "one report under five lines of headline");
        assert_eq!(segments[0].date.map(|d| d.to_string()).as_deref(), Some("2019-10-01"));
    }

    #[test]
    fn a_range_of_days_beside_an_issue_date_dates_an_event_not_the_document() {
        let raw = "中沙峰会闭幕联合声明\n习近平于2022年12月7日至9日对沙特进行国事访问。\n双方举行会谈。\n";
        let norm = NormText::new(raw);
        let date = |issued| segment(norm.as_str(), issued)[0].date.map(|d| d.to_string());
        assert_eq!(date(Date::ymd(2022, 12, 9)).as_deref(), Some("2022-12-09"), "the issue date");
        assert_eq!(date(None).as_deref(), Some("2022-12-07"), "with no issue date, the first full date");
    }

    #[test]
    fn marks_repeated_lines() {
        let raw = "标题\n托卡耶夫向习近平授予勋章。两国元首合影留念。\n托卡耶夫向习近平授予勋章。两国元首合影留念。\n";
        let norm = NormText::new(raw);
        let segs = segment(norm.as_str(), None);
        assert_eq!(segs.len(), 1);
        assert_eq!(segs[0].repeats.len(), 1);
    }

    #[test]
    fn marks_lines_inside_earlier_lines_and_only_those() {
        let lines: Vec<Line<'_>> = [
            "人民日报 2019年6月6日 第3版 双方一致认为应当加强合作",
            "人民日报 2019年6月6日 第3版",
            "人民日报 2019年6月7日 第4版",
            "  双方一致认为应当加强合作  ",
            "加强合作",
            "民日报 2019年6月6日",
        ]
        .iter()
        .scan(0, |at, text| {
            let line = Line { text, range: *at..*at + text.len() };
            *at += text.len() + 1;
            Some(line)
        })
        .collect();
        let repeated: Vec<&str> = repeated_lines(&lines)
            .iter()
            .map(|r| lines.iter().find(|l| l.range == *r).unwrap().text)
            .collect();
        // Too short to count: 加强合作. Not inside any earlier line: the 7 June header.
        assert_eq!(
            repeated,
            ["人民日报 2019年6月6日 第3版", "  双方一致认为应当加强合作  ", "民日报 2019年6月6日"]
        );
    }

    #[test]
    fn skipped_ranges_answer_like_a_scan_of_the_lines() {
        let segment = Segment {
            range: 0..100,
            title: String::new(),
            date: None,
            place: None,
            repeats: vec![40..50, 10..20, 15..30],
            metadata: vec![0..3, 50..52],
            signed: false,
            year_from_body: false,
        };
        let skipped = segment.skipped();
        for offset in 0..60 {
            let scan = segment.repeats.iter().chain(&segment.metadata).any(|r| r.contains(&offset));
            assert_eq!(skipped.contains(offset), scan, "{offset}");
        }
    }
}
