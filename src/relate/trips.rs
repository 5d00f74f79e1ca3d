//! Trips to several hosts dated once (将于10月11日至13日赴印度出席…并对尼泊尔进行国事访问): the days
//! are the whole trip's, so the first host's visit starts when the trip starts and the last host's
//! ends when it ends (a single day, 11日离开北京, is the trip's first); of the rest only the month is
//! said.

use super::Sentences;
use crate::model::{Date, Fact, FactKind, Role};

/// Narrows the dates of the visits that one sentence gives one visitor to several hosts with the
/// same days, in the order the sentence names the hosts.
pub(super) fn share_trip_dates(s: &Sentences<'_>, facts: &mut [Fact]) {
    let trip_key = |f: &Fact| {
        let days = f.start.zip(f.end).is_some_and(|(a, b)| a.day.is_some() && b.day.is_some());
        (f.kind == FactKind::Visit && days)
            .then(|| (f.sentence.clone(), f.with_role(Role::Visitor).next(), f.start, f.end))
    };
    let mut seen = vec![false; facts.len()];
    for i in 0..facts.len() {
        let Some(key) = trip_key(&facts[i]).filter(|_| !seen[i]) else { continue };
        let mut trip: Vec<usize> =
            (i..facts.len()).filter(|&j| trip_key(&facts[j]).as_ref() == Some(&key)).collect();
        for &j in &trip {
            seen[j] = true;
        }
        let mut hosts: Vec<usize> = trip.iter().filter_map(|&j| host(&facts[j])).collect();
        hosts.sort_unstable();
        hosts.dedup();
        if hosts.len() < 2 {
            continue;
        }
        trip.sort_by_key(|&j| host_named_at(s, &facts[j]));
        // 11日乘专机离开北京,分别赴印度…并对尼泊尔进行国事访问: one day is the trip's first.
        let one_day = key.2 == key.3;
        let last = trip.len() - 1;
        for (k, &j) in trip.iter().enumerate() {
            let fact = &mut facts[j];
            if k > 0 {
                fact.start = fact.start.map(Date::without_day);
            }
            if k < last || one_day {
                fact.end = fact.end.map(Date::without_day);
            }
        }
    }
}

fn host(fact: &Fact) -> Option<usize> {
    fact.with_role(Role::HostCountry).next()
}

/// Where the sentence names the visit's host: the first of the fact's mentions of it.
fn host_named_at(s: &Sentences<'_>, fact: &Fact) -> usize {
    let host = host(fact);
    fact.evidence
        .iter()
        .filter(|&&m| Some(s.entity(m)) == host)
        .map(|&m| s.mentions[m].start)
        .min()
        .unwrap_or(usize::MAX)
}
