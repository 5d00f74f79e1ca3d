//! The extract stage: recognizers that turn a document's normalized text into [`Mention`]s.
//!
//! The entry point is [`extract`]. Recognizers: the gazetteer automaton ([`lexicon`]), one-character
//! country forms in compounds ([`compounds`]), 《titles》 ([`titles`]), leaders named with an office
//! ([`leaders`]) or by family name and office (邓副总理: `surname_offices`), and named organizations,
//! projects and initiatives found by pattern ([`named`]).

pub mod abbreviated;
mod bare_titles;
pub(crate) mod before_office;
mod compiled;
pub mod compounds;
pub mod leaders;
pub mod lexicon;
mod ministries;
mod name_bounds;
pub(crate) mod name_forms;
pub mod named;
mod officials;
pub mod proposers;
pub mod spans;
mod surname_offices;
pub mod titles;

use crate::model::Kind;
use lexicon::{Entry, Lexicon};

/// What a mention points to before resolution.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Key {
    /// A gazetteer country (index).
    Country(usize),
    /// A one-character country form, resolved from the document's context.
    Abbrev(char),
    /// A gazetteer organization (index).
    Organization(usize),
    /// A gazetteer leader (index).
    Leader(usize),
    /// A well-known treaty (index into the lexicon's treaties).
    Treaty(usize),
    /// A well-known initiative (index into the lexicon's initiatives).
    Initiative(usize),
    /// A name found by pattern.
    Name(String),
}

/// One occurrence of an entity in a document's normalized text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub kind: Kind,
    /// Byte span in the text given to [`extract`].
    pub start: usize,
    pub end: usize,
    /// The normalized surface (a title without its brackets, a name without its office).
    pub surface: String,
    pub key: Key,
    /// The office stated next to a leader's name.
    pub office: Option<String>,
    /// The country a leader or body belongs to, when the text says it (gazetteer index).
    pub country: Option<usize>,
    /// What the sentence says about a treaty or initiative.
    pub detail: Detail,
}

/// Facts a title or its sentence states: a treaty's type, parties and date; an initiative's proposer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Detail {
    /// The document type the title ends with (联合声明, 条约, 备忘录 …).
    pub doc_type: Option<String>,
    /// The countries the title names as parties.
    pub parties: Vec<Key>,
    /// The date the sentence gives (`2001年7月16日签署的《…》`, `1994年《…》`).
    pub date: Option<crate::model::Date>,
    /// The mention (index in the document's mention list) of who proposed an initiative.
    pub proposer: Option<usize>,
}

impl Mention {
    /// A mention of `text[start..end]`.
    pub fn new(text: &str, kind: Kind, start: usize, end: usize, key: Key) -> Self {
        let surface = text[start..end].to_owned();
        Mention { kind, start, end, surface, key, office: None, country: None, detail: Detail::default() }
    }

    fn len(&self) -> usize {
        self.end - self.start
    }

    fn contains(&self, other: &Mention) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    fn overlaps(&self, other: &Mention) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// True when `c`, the character before a surname, a name or a one-character form, ends the word
/// before it: anything not Han (punctuation, a space), a function word that ends names (同, 与, 了 …)
/// or a verb of greeting (见, 迎, 谢 …).
fn ends_word(c: char, chars: &crate::reference::words::CharacterSets) -> bool {
    !name_bounds::is_han(c) || chars.name_stops.contains(c) || chars.before_surname_office.contains(c)
}

/// Words that tell a country by a pronoun (我国, 贵国, 该国): never a person's name.
const COUNTRY_PRONOUNS: [&str; 8] = ["我国", "贵国", "本国", "该国", "其国", "两国", "各国", "他国"];

/// Where the country `hit` ends: 柬埔寨国家元首 is 柬埔寨 and 国家元首, not 柬埔寨国 (a name of the
/// country ending in 国 that stands before 家, where the name without 国 is the same country's).
fn country_end(text: &str, hit: &lexicon::Hit, lexicon: &Lexicon) -> usize {
    let surface = &text[hit.start..hit.end];
    let Some(shorter) = surface.strip_suffix('国') else { return hit.end };
    if !text[hit.end..].starts_with('家') || shorter.chars().count() < 2 {
        return hit.end;
    }
    match lexicon.find(shorter)[..] {
        [only] if only.entry == hit.entry && only.end - only.start == shorter.len() => {
            hit.start + shorter.len()
        }
        _ => hit.end,
    }
}

/// Finds every mention in `text` (a document's normalized text), sorted by position, with the
/// names and words of `lexicon`.
pub fn extract(text: &str, lexicon: &Lexicon) -> Vec<Mention> {
    let hits = lexicon.find(text);
    let mut mentions: Vec<Mention> = hits
        .iter()
        .filter_map(|h| {
            let (kind, key) = match h.entry {
                Entry::Country(i) => (Kind::Country, Key::Country(i)),
                Entry::Organization(i) => (Kind::Organization, Key::Organization(i)),
                Entry::Leader(i) => (Kind::Leader, Key::Leader(i)),
                Entry::Treaty(i) => (Kind::Treaty, Key::Treaty(i)),
                Entry::Initiative(i) => (Kind::Initiative, Key::Initiative(i)),
                Entry::Blocked | Entry::Place => return None,
            };
            let end = if kind == Kind::Country { country_end(text, h, lexicon) } else { h.end };
            let mut m = Mention::new(text, kind, h.start, end, key);
            if let Entry::Organization(i) = h.entry {
                m.country = lexicon.gazetteer.organization_country(i);
            }
            Some(m)
        })
        .collect();
    let forms = compounds::find(text, &hits, lexicon);
    mentions.extend(titles::find(text, lexicon));
    let bare = bare_titles::find(text, &mentions, lexicon);
    mentions.extend(bare);
    mentions.extend(named::find(text, &hits, &forms, lexicon));
    mentions.extend(forms);
    let mut mentions = resolve_overlaps(mentions);
    let leaders = leaders::find(text, &mentions, lexicon);
    mentions.retain(|m| !(m.kind == Kind::Leader && leaders.withdrawn.contains(&(m.start, m.end))));
    for m in mentions.iter_mut().filter(|m| m.kind == Kind::Leader) {
        if let Some((_, _, office, country)) =
            leaders.offices.iter().find(|(s, e, _, _)| (*s, *e) == (m.start, m.end))
        {
            m.office.get_or_insert_with(|| office.clone());
            m.country = m.country.or(*country);
        }
    }
    // 天皇有史以来首次: a blocked phrase holds no name found by pattern either.
    let blocked = lexicon.blocked_spans(text);
    mentions.extend(
        leaders.added.into_iter().filter(|m| !blocked.iter().any(|&(s, e)| s <= m.start && m.end <= e)),
    );
    let named_by_office = surname_offices::find(text, &mentions, lexicon);
    mentions.extend(named_by_office);
    mentions.extend(abbreviated::find(text, lexicon));
    // 我国首相拿督斯里安华: a country told by a pronoun is nobody's name.
    mentions.retain(|m| !(m.kind == Kind::Leader && COUNTRY_PRONOUNS.contains(&m.surface.as_str())));
    let mut mentions = resolve_overlaps(mentions);
    mentions.sort_by_key(|m| (m.start, m.end, m.kind));
    proposers::link(text, &mut mentions, lexicon.words.chars.proposer_gap);
    mentions
}

/// Keeps the longest of overlapping mentions of one kind; drops anything inside a leader's name; lets
/// other kinds nest (a country inside a treaty title, a 〈title〉 inside a 《title》) but not cross.
fn resolve_overlaps(mut mentions: Vec<Mention>) -> Vec<Mention> {
    mentions.sort_by(|a, b| (b.len(), a.start, a.kind).cmp(&(a.len(), b.start, b.kind)));
    // The longest come first, so a kept mention that overlaps `m` starts less than the first
    // mention's length before it: only those are looked at (by start, in a sorted index).
    let longest = mentions.first().map_or(0, Mention::len);
    let mut kept: Vec<Mention> = Vec::new();
    let mut by_start: std::collections::BTreeSet<(usize, usize)> = std::collections::BTreeSet::new();
    for m in mentions {
        let near = by_start.range((m.start.saturating_sub(longest), 0)..(m.end, 0));
        let conflict = near.map(|&(_, i)| &kept[i]).any(|k| {
            if !k.overlaps(&m) {
                return false;
            }
            let nested = k.contains(&m);
            let same = k.start == m.start && k.end == m.end && k.kind == m.kind;
            same || !nested || (k.kind == m.kind && k.kind != Kind::Treaty) || k.kind == Kind::Leader
        });
        if !conflict {
            by_start.insert((m.start, kept.len()));
            kept.push(m);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(Kind, String)> {
        extract(text, Lexicon::get()).into_iter().map(|m| (m.kind, m.surface)).collect()
    }

    #[test]
    fn finds_countries_and_titles() {
        let f = found("中华人民共和国和俄罗斯联邦重申遵循《中俄睦邻友好合作条约》。");
        assert!(f.contains(&(Kind::Country, "中华人民共和国".into())));
        assert!(f.contains(&(Kind::Country, "俄罗斯联邦".into())));
        assert!(f.contains(&(Kind::Treaty, "中俄睦邻友好合作条约".into())));
    }

    #[test]
    fn a_name_ending_in_guo_before_jia_leaves_guojia_whole() {
        let f = found("柬埔寨国家元首西哈努克亲王访华。");
        assert!(f.contains(&(Kind::Country, "柬埔寨".into())), "{f:?}");
        // The name itself stays whole, and a one-character form is not cut out of 美国家庭.
        assert!(found("柬埔寨国的人民。").contains(&(Kind::Country, "柬埔寨国".into())));
        assert!(found("美国家庭收入下降。").contains(&(Kind::Country, "美国".into())));
    }

    #[test]
    fn a_country_told_by_a_pronoun_is_no_leader() {
        let f = found("在马来西亚,岸田将与我国首相拿督斯里安华举行会谈。");
        assert!(!f.iter().any(|(k, s)| *k == Kind::Leader && s == "我国"), "{f:?}");
    }

    #[test]
    fn blocked_places_are_not_countries() {
        let f = found("习近平乘专机离开努尔苏丹赴撒马尔罕。");
        assert!(!f.iter().any(|(k, s)| *k == Kind::Country && s == "苏丹"), "{f:?}");
    }

    #[test]
    fn a_broadcaster_named_for_its_country_is_no_mention_of_the_country() {
        let f = found("据德国之声中文网报道,美国之音也引述韩国国际广播电台的消息。");
        assert!(!f.iter().any(|(k, _)| *k == Kind::Country), "{f:?}");
        assert_eq!(f.iter().filter(|(k, _)| *k == Kind::Organization).count(), 3, "{f:?}");
    }

    #[test]
    fn a_partys_short_form_before_tong_is_the_word_together() {
        let parties = |text: &str| -> Vec<String> {
            found(text).into_iter().filter(|(k, _)| *k == Kind::Organization).map(|(_, s)| s).collect()
        };
        assert!(parties("中日共同声明发表,双方在合作中共同发展。").is_empty());
        assert_eq!(parties("日共委员长出席。"), ["日共"]);
    }
}
