//! Stops of a tour: a country named as a trip's stop (首站先到以色列, 前往此行的最后一站新加坡,
//! 印尼为访问的第二站) is visited by the leader who makes the trip.

use super::guests::Guest;
use super::Sentences;
use crate::model::Kind;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A stop of a trip, the words that may join it to the place after it, and a stop after the place
/// (X为访问的第二站).
const STOP: &str = r"(?:首站|第[一二三四五六七八九十0-9]{1,2}站|最后一站|末站|下一站|最终站)";

/// The stop, then the host: 首站先到以色列, 最后一站新加坡, 第二站是马来西亚.
static STOP_THEN_HOST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"{STOP}(?:将是|便是|就是|是|为|:|,)?(?:先|将|则)?(?:到达|抵达|前往|来到|到|赴)?$"))
        .expect("stop then host")
});

/// The host, then the stop: 印尼为访问的第二站, 越南是此次出访的首站.
static HOST_THEN_STOP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?:是|为|成为|作为)[^,;。]{{0,10}}?{STOP}")).expect("host then stop")
});

/// The visits the sentence at `span` tells as stops of a trip: each country named as one, visited by
/// the last leader of another country before it in the sentence, else by the first leader of the
/// sentence before (a tour's traveller named once: 马克龙…。接着前往此行的最后一站新加坡).
pub fn stops(s: &Sentences<'_>, span: Range<usize>, earlier: Option<Range<usize>>) -> Vec<Guest> {
    let sentence = &s.text[span.clone()];
    if !sentence.contains('站') {
        return Vec::new();
    }
    let mut found = Vec::new();
    for m in s.of_kind(span.clone(), Kind::Country) {
        let mention = &s.mentions[m];
        let clause_start = s.text[span.start..mention.start]
            .rfind(['，', ',', '；', ';'])
            .map_or(span.start, |i| span.start + i + 1);
        let before = &s.text[clause_start..mention.start];
        let after = &s.text[mention.end..span.end];
        let stop = if STOP_THEN_HOST.is_match(before) {
            clause_start..mention.end
        } else if let Some(m) = HOST_THEN_STOP.find(after) {
            mention.start..mention.end + m.end()
        } else {
            continue;
        };
        let host = s.entity(m);
        let host_iri = s.entities[host].iri.as_str();
        let abroad = |l: &usize| s.entities[s.entity(*l)].country.as_deref() != Some(host_iri);
        let visitor =
            s.of_kind(span.start..mention.start, Kind::Leader).into_iter().rev().find(abroad).or_else(|| {
                earlier.clone().and_then(|e| s.of_kind(e, Kind::Leader).into_iter().find(abroad))
            });
        if let Some(visitor) = visitor {
            found.push(Guest { visitor, host, whole: stop });
        }
    }
    found
}
