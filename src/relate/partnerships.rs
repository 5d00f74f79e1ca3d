//! Partnership levels between two countries (中俄新时代全面战略协作伙伴关系, 两国全面战略伙伴关系,
//! 建立永久全面战略伙伴关系), with the date when the sentence says when it was established.

use super::Sentences;
use crate::model::{Date, Fact, FactDetail, FactKind, Kind, Role};
use crate::reference::Words;
use crate::text::dates::parse_number;
use crate::text::find_dates;
use crate::text::CharSet;
use regex::Regex;
use std::sync::LazyLock;

static LEVEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:新时代)?(?P<level>(?:全天候|永久|全方位|新型|建设性)?(?:全面)?(?:战略)?(?:协作|合作)?伙伴)(?P<relation>关系)?")
        .expect("level")
});

/// The years since a level was established, right after it (伙伴关系建立10年, 建立…伙伴关系15周年).
static ANNIVERSARY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<step>建立|确立|升级)?(?P<years>[0-9]{1,3}|[一二三四五六七八九十]{1,3})(?:周年|年)")
        .expect("anniversary")
});

/// Partnership levels stated in the document dated `document`, one per (pair, level, date), an
/// undated one only where the document dates no statement of that pair's level.
pub fn find(
    s: &Sentences<'_>,
    parties: &[usize],
    document: Option<Date>,
    words: &Words,
    abbrev_chars: &CharSet,
) -> Vec<Fact> {
    let mut facts: Vec<Fact> = Vec::new();
    for span in &s.spans {
        let sentence = &s.text[span.clone()];
        for caps in LEVEL.captures_iter(sentence) {
            // 全面战略协作伙伴 (without 关系) names the level too; a bare 战略伙伴 does not.
            let level = format!("{}关系", &caps["level"]);
            let full = caps.name("relation").is_some() || level.starts_with("全面战略");
            if !(level.contains("战略") || level.contains("全面")) || !full {
                continue;
            }
            let whole = caps.get(0).expect("match");
            let at = span.start + whole.start();
            // A level inside a cited title is that title's subject, not a statement of the text.
            if s.near(at..at + 1).iter().any(|m| m.kind == Kind::Treaty && m.start <= at && at < m.end) {
                continue;
            }
            // The pair: countries right before the level (中俄, 中哈), else the document's parties.
            let window = span.start.max(s.text[..at].char_indices().rev().nth(5).map_or(0, |(i, _)| i));
            let near: Vec<usize> =
                s.of_kind(window..at, Kind::Country).iter().map(|&m| s.entity(m)).collect();
            // 金砖战略伙伴关系: a partnership of an organization, not of two countries.
            if !s.of_kind(window..at, Kind::Organization).is_empty() {
                continue;
            }
            // 中非全面战略合作伙伴关系, 中拉: China and a region, whose compound names no country (中几,
            // 中阿 are the document's two countries: a one-character form of a country).
            let mut compound = s.text[window..at].chars().rev().take(2);
            let (other, first) = (compound.next(), compound.next());
            let region = match (first, other) {
                (Some('中'), Some(c)) | (Some(c), Some('中')) => {
                    !abbrev_chars.contains(c) && c != '国' && c != '方'
                }
                _ => false,
            };
            if near.len() < 2 && region {
                continue;
            }
            let mut pair: Vec<usize> = if near.len() >= 2 { near } else { parties.to_vec() };
            pair.sort_unstable();
            pair.dedup();
            if pair.len() != 2 {
                continue;
            }
            // 2018年6月中吉建立…: a date counts when 建立/提升/升级 follows it, with no title between.
            let head = &sentence[..whole.start()];
            let date = find_dates(head).into_iter().last().filter(|d| {
                let between = &head[d.end..];
                words.partnership_steps.iter().any(|w| between.contains(w)) && !between.contains(['《', '》'])
            });
            // 中越建立全面战略合作伙伴关系15周年, 中俄战略协作伙伴关系建立10年: the year that many before the
            // document's, or before the year the sentence gives (2018年是丹中建立…10周年: 2008).
            let since = ANNIVERSARY.captures(&sentence[whole.end()..]).filter(|c| {
                c.name("step").is_some() || words.partnership_steps.iter().any(|w| head.contains(w))
            });
            // 建立战略伙伴关系10周年(2013年6月~2023年6月): the first date the years are given with.
            let given = since.as_ref().and_then(|c| {
                let after = &sentence[whole.end() + c.get(0).map_or(0, |m| m.end())..];
                let inside = after.strip_prefix('(')?.split(')').next()?;
                find_dates(inside).into_iter().next().map(|d| d.date)
            });
            let years = since.and_then(|c| parse_number(&c["years"]));
            let date = match years {
                Some(n) => {
                    given.or_else(|| date.map(|d| d.date).or(document).map(|d| Date::y(d.year - n as i32)))
                }
                None => date.map(|d| d.date),
            };
            let mut fact = Fact::new(FactKind::Partnership, span.clone());
            fact.roles.extend(pair.iter().map(|&p| (Role::Partner, p)));
            fact.detail = FactDetail::Partnership { level };
            fact.start = date;
            let same = |f: &Fact| f.roles == fact.roles && f.detail == fact.detail && f.start == fact.start;
            if !facts.iter().any(same) {
                facts.push(fact);
            }
        }
    }
    // 2023年两国建立全面战略伙伴关系 … 深化全面战略伙伴关系: a level the document dates is the one it
    // names undated elsewhere, not a second partnership.
    let dated =
        |f: &Fact| facts.iter().any(|d| d.start.is_some() && d.roles == f.roles && d.detail == f.detail);
    let undated_twice: Vec<bool> = facts.iter().map(|f| f.start.is_none() && dated(f)).collect();
    facts.into_iter().zip(undated_twice).filter(|(_, twice)| !twice).map(|(f, _)| f).collect()
}
