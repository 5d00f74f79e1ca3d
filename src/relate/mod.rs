//! The relate stage: sentence rules turn a document's mentions into facts — visits, meetings,
//! signings, citations, partnership levels, positions on initiatives, cooperation within
//! organizations and participation in projects — each with the sentence it came from.
//!
//! The entry point is [`relate`]; roles point at the document's entities (after resolution).

mod counted;
mod dating;
mod delegations;
mod documents;
mod events;
mod guests;
mod heads;
mod hosts;
mod meetings;
mod partnerships;
mod positions;
mod present;
mod same_talks;
mod stops;
mod trips;
mod visit_patterns;
mod visitors;
mod visits;
mod weekdays;

use crate::extract::lexicon::Lexicon;
use crate::extract::Mention;
use crate::model::{Date, Entity, Fact, Kind};
use crate::reference::Gazetteer;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// What relate needs to know about the document besides its mentions.
#[derive(Debug, Clone, Default)]
pub struct DocumentContext {
    pub title: String,
    pub date: Option<Date>,
    /// A signature line closes the document.
    pub signed: bool,
    /// The entity of the document itself when it is a statement, communiqué or declaration, which
    /// its parties issue on its date.
    pub own_treaty: Option<usize>,
    /// Where the report is datelined (新华社喀布尔21日电: 喀布尔), the 这里 and 此间 of its text.
    pub place: Option<String>,
}

/// A name's original spelling in brackets right after it: (Kassym-Jomart Tokayev), (K.P. Sharma Oli).
static GLOSS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\([A-Za-z][A-Za-z .,'\-]{0,60}\)").expect("gloss"));

/// A dateline opening a line: the agency or paper, the place, the day, 电 (新华社北京10月9日电,
/// 【美联社巴黎十月十八日电】), followed by the bracket, a space, the reporters' bracket or a colon.
/// The place is what stands between the agency's last character (社, 处, 网, 报, 台) and the date.
static DISPATCH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)^[ \t]*[【\[]?(?:(?:据)?\p{Han}{1,6}?[社处网报台](?P<place>[^\s0-9一二三四五六七八九十。,;:【】\[\]]{0,8}?)(?:[0-9一二三四五六七八九十]{1,3}月)?[0-9一二三四五六七八九十]{1,3}|[^\s。,;:【】\[\]]{2,30}?)日电(?:[】\]( \t:]|$)",
    )
    .expect("dispatch")
});

/// 以下是…的讲话全文: a report saying that a speech follows whole.
static SPEECH_FOLLOWS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"以下是[^。:\n]{1,60}?(?:讲话|致辞|演讲|发言|祝酒辞|祝酒词)(?:全文|原文)[:。]?")
        .expect("speech follows")
});

/// The document's text with its mentions, resolved entities and sentences.
pub struct Sentences<'a> {
    pub text: &'a str,
    pub mentions: &'a [Mention],
    pub mention_entity: &'a [usize],
    pub entities: &'a [Entity],
    pub spans: Vec<Range<usize>>,
    /// True when the mentions are sorted by start.
    sorted: bool,
    /// The longest mention's length in bytes.
    longest: usize,
    /// Datelines opening a line (【美联社巴黎十月十八日电】): a page of agency dispatches holds several.
    datelines: Vec<Dateline<'a>>,
}

/// A dateline opening a line: where it stands and the place it names (巴黎).
struct Dateline<'a> {
    range: Range<usize>,
    place: Option<&'a str>,
}

impl<'a> Sentences<'a> {
    fn new(
        text: &'a str,
        mentions: &'a [Mention],
        mention_entity: &'a [usize],
        entities: &'a [Entity],
    ) -> Self {
        let mut spans = Vec::new();
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if matches!(c, '。' | '!' | '?' | ';' | '\n') {
                let end = i + c.len_utf8();
                if text[start..i].trim().chars().count() > 1 {
                    spans.push(start..end);
                }
                start = end;
            }
        }
        if text[start..].trim().chars().count() > 1 {
            spans.push(start..text.len());
        }
        let sorted = mentions.is_sorted_by_key(|m| m.start);
        let longest = mentions.iter().map(|m| m.end - m.start).max().unwrap_or(0);
        let datelines = DISPATCH
            .captures_iter(text)
            .map(|c| Dateline {
                range: c.get(0).expect("match").range(),
                place: c.name("place").map(|p| p.as_str()).filter(|p| !p.is_empty()),
            })
            .collect();
        Sentences { text, mentions, mention_entity, entities, spans, sorted, longest, datelines }
    }

    /// The day the report speaks from at `at`: the day of the last dateline opening a line before it
    /// (a later dispatch of a page of several counts from its own day), else the document's date.
    fn report_day(&self, at: usize, document: Option<Date>) -> Option<Date> {
        let dateline = self.dateline_before(at).map(|d| &self.text[d.range.clone()]);
        dateline.map_or(document, |d| dating::report_day(d, document))
    }

    /// The place the report at `at` is datelined (the 这里 of its text): the last dateline's before it,
    /// else `document`'s.
    fn place_at<'b>(&'b self, at: usize, document: Option<&'b str>) -> Option<&'b str> {
        self.dateline_before(at).and_then(|d| d.place).or(document)
    }

    /// The country of the place the report at `at` is datelined, else `document`'s.
    fn here_at(&self, at: usize, document: Option<usize>, lexicon: &Lexicon) -> Option<usize> {
        let place = self.dateline_before(at).and_then(|d| d.place);
        let iri = place.and_then(|p| guests::countries_of_places_in(p, lexicon).into_iter().next());
        iri.and_then(|iri| self.place_country_entity(&iri, lexicon.gazetteer)).or(document)
    }

    /// The last dateline opening a line at or before `at`.
    fn dateline_before(&self, at: usize) -> Option<&Dateline<'a>> {
        let before = self.datelines.partition_point(|d| d.range.start <= at);
        before.checked_sub(1).map(|i| &self.datelines[i])
    }

    /// Mentions (index) inside `range`, in order. Mentions come sorted by start (as `extract`
    /// gives them), so only those starting inside the range are looked at.
    fn mentions_in(&self, range: Range<usize>) -> impl Iterator<Item = (usize, &'a Mention)> + '_ {
        let sorted = self.sorted;
        let first = if sorted { self.mentions.partition_point(|m| m.start < range.start) } else { 0 };
        self.mentions[first..]
            .iter()
            .enumerate()
            .map(move |(i, m)| (first + i, m))
            .take_while(move |(_, m)| !sorted || m.start <= range.end)
            .filter(move |(_, m)| range.start <= m.start && m.end <= range.end)
    }

    /// The mentions that may overlap `range` (all that do, and some near it): with mentions
    /// sorted by start, those starting at most the longest mention's length before it.
    fn near(&self, range: Range<usize>) -> &'a [Mention] {
        if !self.sorted {
            return self.mentions;
        }
        let from = self.mentions.partition_point(|m| m.start + self.longest < range.start);
        let to = self.mentions.partition_point(|m| m.start <= range.end);
        &self.mentions[from..to.max(from)]
    }

    /// The country entity of the document with this IRI, if the document names that country.
    fn country_entity(&self, iri: &str) -> Option<usize> {
        self.entities.iter().position(|e| e.kind == Kind::Country && e.iri == iri)
    }

    /// China's entity, if the document names China (the host of 访华, 来华 and of guests come
    /// without a dateline).
    fn china(&self) -> Option<usize> {
        self.country_entity(&crate::vocab::entity("country", "CN"))
    }

    /// The country entity of the document for a place of the country `iri`: that country, else the
    /// one historical state the document names that held the place (莫斯科 in a report that names
    /// 苏联 and not 俄罗斯).
    fn place_country_entity(&self, iri: &str, gazetteer: &Gazetteer) -> Option<usize> {
        if let Some(e) = self.country_entity(iri) {
            return Some(e);
        }
        let mut states = gazetteer
            .countries
            .iter()
            .filter(|c| c.parts.iter().any(|p| crate::vocab::entity("country", p) == iri))
            .filter_map(|c| self.country_entity(&crate::vocab::entity("country", &c.id)));
        let state = states.next()?;
        states.next().is_none().then_some(state)
    }

    /// Mentions of `kind` inside `range`.
    fn of_kind(&self, range: Range<usize>, kind: Kind) -> Vec<usize> {
        self.mentions_in(range).filter(|(_, m)| m.kind == kind).map(|(i, _)| i).collect()
    }

    /// The text between mentions `a` and `b` (empty when they overlap), without the original spelling
    /// glossed after the first (托卡耶夫(Kassym-Jomart Tokayev)、联合国秘书长古特雷斯: the gloss is part
    /// of the name).
    fn between(&self, a: usize, b: usize) -> &'a str {
        let gap = self.text.get(self.mentions[a].end..self.mentions[b].start).unwrap_or("");
        GLOSS.find(gap).map_or(gap, |m| &gap[m.end()..])
    }

    fn entity(&self, mention: usize) -> usize {
        self.mention_entity[mention]
    }

    /// The leader whose speech, toast or remarks the document is (习近平在…上的演讲): the title starts
    /// with their name and ends with a word of speaking, or the report says the speech follows whole.
    fn speaker(&self, title: &str, lexicon: &Lexicon) -> Option<usize> {
        if !lexicon.words.speech_endings.iter().any(|w| title.trim_end().ends_with(w)) {
            return self.speech_quoted_whole();
        }
        // 国家主席习近平在…上的演讲: the speaker is named before 在.
        let head = title.split('在').next().unwrap_or_default();
        self.mentions
            .iter()
            .enumerate()
            .find(|(_, m)| m.kind == Kind::Leader && head.contains(m.surface.as_str()))
            .map(|(i, _)| self.entity(i))
            .or_else(|| self.speech_quoted_whole())
    }

    /// The leader whose speech a news report gives whole after saying so (以下是习近平主席在欢迎晚宴上的
    /// 致辞全文:): the first leader of that sentence.
    fn speech_quoted_whole(&self) -> Option<usize> {
        let at = SPEECH_FOLLOWS.find(self.text)?;
        self.mentions_in(at.range()).find(|(_, m)| m.kind == Kind::Leader).map(|(i, _)| self.entity(i))
    }

    /// The countries the document is between: those its title names, else the two it names most.
    fn parties(&self, title: &str, lexicon: &Lexicon) -> Vec<usize> {
        let from_title = crate::resolve::countries_in_title(title, lexicon);
        let by_iri = |iri: &str| self.entities.iter().position(|e| e.iri == iri);
        let mut parties: Vec<usize> = from_title.iter().filter_map(|iri| by_iri(iri)).collect();
        if parties.len() < 2 {
            let mut counts: Vec<(usize, usize)> = Vec::new();
            for (i, m) in self.mentions.iter().enumerate() {
                if m.kind == Kind::Country {
                    let e = self.entity(i);
                    match counts.iter_mut().find(|(x, _)| *x == e) {
                        Some((_, n)) => *n += 1,
                        None => counts.push((e, 1)),
                    }
                }
            }
            counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            for (e, _) in counts {
                if parties.len() >= 2 {
                    break;
                }
                if !parties.contains(&e) {
                    parties.push(e);
                }
            }
        }
        parties
    }
}

/// The relate stage's rules compiled over the lexicon's word lists: build once, use for every
/// document.
pub struct Rules<'l> {
    lexicon: &'l Lexicon,
    events: events::Matchers,
}

impl<'l> Rules<'l> {
    /// The rules over `lexicon`'s names and word lists.
    pub fn new(lexicon: &'l Lexicon) -> Self {
        Rules { lexicon, events: events::Matchers::new(lexicon.words) }
    }
}

/// Every fact the document states.
pub fn relate(
    text: &str,
    mentions: &[Mention],
    mention_entity: &[usize],
    entities: &[Entity],
    context: &DocumentContext,
    rules: &Rules<'_>,
) -> Vec<Fact> {
    let lexicon = rules.lexicon;
    let s = Sentences::new(text, mentions, mention_entity, entities);
    let parties = s.parties(&context.title, lexicon);
    let speaker = s.speaker(&context.title, lexicon);
    // 陈毅…到达这里, 抵达此间: the country of the place the report is datelined.
    let here = context.place.as_deref().and_then(|place| {
        let iri = guests::countries_of_places_in(place, lexicon).into_iter().next()?;
        s.place_country_entity(&iri, lexicon.gazetteer)
    });
    let mut facts = visits::find(&s, context.date, speaker, here, lexicon);
    trips::share_trip_dates(&s, &mut facts);
    facts.extend(meetings::find(&s, &parties, context.date, context.place.as_deref(), lexicon));
    same_talks::within_earlier_visits(&s, &mut facts, context.date);
    let present = present::visits_of_meetings(&s, &facts, lexicon);
    facts.extend(present);
    facts.extend(documents::find(&s, context, lexicon.words));
    facts.extend(partnerships::find(&s, &parties, context.date, lexicon.words, &lexicon.abbrev_chars));
    facts.extend(positions::find(&s, &parties, lexicon.words));
    facts.extend(events::find(&s, lexicon, &rules.events));
    facts
}

#[cfg(test)]
mod report_tests;
#[cfg(test)]
mod tests;
