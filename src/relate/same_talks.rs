//! Which mentions of talks in one document are one meeting: the same participants on the same day,
//! an undated mention (a headline, 会晤中) with the talks dated near the report, and talks told with a
//! visit of several days with those dated within it.

use super::Sentences;
use crate::model::{Date, Fact, FactKind, Role};

/// The names of a meeting's participants, sorted: a headline's 塔米姆 and the lead's 卡塔尔埃米尔塔米姆
/// are one person even when resolved apart.
pub(super) fn names<'s>(s: &'s Sentences<'_>, f: &Fact) -> Vec<&'s str> {
    let mut people: Vec<&str> =
        f.with_role(Role::Participant).map(|e| s.entities[e].label_zh.as_str()).collect();
    people.sort_unstable();
    people
}

/// Talks of the same leaders that no sentence dates (a headline, 此次会晤, 会晤中) are the talks the
/// document dates within a week of its day, the latest of them when it dates several, else one
/// meeting: 习近平将同特朗普举行会晤 and 将于10月30日…举行会晤 are one.
pub(super) fn one_undated_per_meeting(s: &Sentences<'_>, facts: Vec<(Fact, bool)>) -> Vec<Fact> {
    let mut kept: Vec<(Fact, bool)> = Vec::new();
    let mut undated: Vec<Fact> = Vec::new();
    for (fact, stated) in facts {
        if stated {
            kept.push((fact, stated));
        } else {
            undated.push(fact);
        }
    }
    // Those the report dates first, then those it tells as past (会晤后, 会晤时达成的共识): an undated
    // mention of the same people joins a dated one.
    undated.sort_by_key(|f| f.start.is_none());
    for fact in undated {
        let same = kept
            .iter_mut()
            .filter(|(f, _)| names(s, f) == names(s, &fact) && near(fact.start, f.start))
            .max_by(|(a, sa), (b, sb)| (sa, a.start).cmp(&(sb, b.start)));
        match same {
            Some((f, _)) => f.place = f.place.take().or(fact.place),
            None => kept.push((fact, false)),
        }
    }
    let mut out: Vec<Fact> = kept.into_iter().map(|(f, _)| f).collect();
    out.sort_by_key(|f| f.sentence.start);
    out
}

/// Joins talks told with a visit of several days (`during`) to the talks the document dates within
/// those days, else to an undated mention of the same talks (同卡拉会谈时), else keeps them as talks
/// of the visit's month; then orders all by sentence.
pub(super) fn join_during_visits(s: &Sentences<'_>, out: &mut Vec<Fact>, during: Vec<Fact>) {
    let mut moved = false;
    for mut fact in during {
        // The talks the document dates within the visit's days, else talks of its month.
        let (first, last) = (fact.start, fact.end);
        let dated_within =
            |f: &Fact| f.start.is_some_and(|d| d.is_complete() && first <= Some(d) && Some(d) <= last);
        if let Some(f) = out.iter_mut().find(|f| names(s, f) == names(s, &fact) && dated_within(f)) {
            f.place = f.place.take().or(fact.place);
            continue;
        }
        (fact.start, fact.end) = (within(first, last), None);
        // 同卡拉会谈时: an undated mention of the same talks is this one.
        match out.iter_mut().find(|f| names(s, f) == names(s, &fact) && f.start.is_none()) {
            Some(f) => {
                fact.place = fact.place.or(f.place.take());
                *f = fact;
                moved = true;
            }
            None => {
                out.push(fact);
                moved = true;
            }
        }
    }
    // `out` comes ordered by sentence; only talks added or put in another's place need it ordered again.
    if moved {
        out.sort_by_key(|f| f.sentence.start);
    }
}

/// The date of talks held during a visit from `start` to `end` (days): one day of those, so only
/// their month is known, or their year when the visit runs across months. `None` when the visit's
/// dates are not a span of days.
pub(super) fn within(start: Option<Date>, end: Option<Date>) -> Option<Date> {
    let (first, last) = start.zip(end)?;
    (first != last && first.day.is_some() && last.day.is_some()).then_some(())?;
    match first.month.filter(|_| first.year == last.year && first.month == last.month) {
        Some(month) => Date::ym(first.year, month),
        None => Some(Date::y(first.year)),
    }
}

/// True when talks dated `undated` (the document's day, if any) may be those dated `dated`: an
/// undated sentence may speak of any; one dated by its document only of talks within a week of it
/// (not of a recollection of years before).
fn near(undated: Option<Date>, dated: Option<Date>) -> bool {
    let Some(day) = undated else { return true };
    let week = |n: i32| day.shifted(n);
    dated.is_some_and(|d| {
        d.is_complete() && week(-7).is_some_and(|a| d >= a) && week(7).is_some_and(|b| d <= b)
    })
}

/// Keeps one meeting per set of participants and dates: a headline and the report's lead, or the
/// talks and a later 会谈中 of the same day, state one meeting. `stated` is true when the sentence
/// gives the date (not only the document).
pub(super) fn push_unique(s: &Sentences<'_>, facts: &mut Vec<(Fact, bool)>, fact: Fact, stated: bool) {
    let key = |f: &Fact| (names(s, f), f.start, f.end);
    if let Some((existing, was_stated)) = facts.iter_mut().find(|(f, _)| key(f) == key(&fact)) {
        existing.place = existing.place.take().or(fact.place);
        *was_stated |= stated;
    } else {
        facts.push((fact, stated));
    }
}

/// Words opening a sentence that tells talks within a visit told before it, naming no one first.
const WITHIN_VISIT: [&str; 4] = ["访问期间", "在访问期间", "访华期间", "出访期间"];

/// Talks a sentence places within a visit told before it (访问期间,习近平主席分别同费利佩六世…举行会谈)
/// and does not date take that visit's dates when the visit is of a month before the document's: an
/// essay recalling a state visit tells talks of the visit, not of its own day.
pub(super) fn within_earlier_visits(s: &Sentences<'_>, facts: &mut [Fact], document: Option<Date>) {
    let Some(document) = document else { return };
    let earlier = |d: Date| {
        d.year < document.year
            || d.year == document.year && d.month.zip(document.month).is_some_and(|(a, b)| a < b)
    };
    let visits: Vec<(usize, usize, Date, Option<Date>)> = facts
        .iter()
        .filter(|f| f.kind == FactKind::Visit)
        .filter_map(|f| Some((f.sentence.end, f.with_role(Role::Visitor).next()?, f.start?, f.end)))
        .filter(|&(_, _, start, _)| earlier(start))
        .collect();
    for talks in facts.iter_mut().filter(|f| f.kind == FactKind::Meeting) {
        let opening = s.text[talks.sentence.clone()].trim_start();
        let of_the_day = talks.start == Some(document) && talks.end == Some(document);
        if !of_the_day || !WITHIN_VISIT.iter().any(|w| opening.starts_with(w)) {
            continue;
        }
        let visit = visits.iter().rev().find(|&&(end, visitor, ..)| {
            end <= talks.sentence.start && talks.with_role(Role::Participant).any(|p| p == visitor)
        });
        if let Some(&(_, _, start, end)) = visit {
            (talks.start, talks.end) = (Some(start), end.or(Some(start)));
        }
    }
}
