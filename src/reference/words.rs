//! The word lists of `ontology/words/` (compiled into the binary): endings, stop words and other
//! words about the language that the recognizers and rules use. The entry point is
//! [`Words::embedded`].

use super::tsv::{read, ReferenceError, Row, Schema};
use crate::model::Stance;
use std::sync::LazyLock;

/// Every word list, each in the order of its file (where order matters, the file says so).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    /// Endings of bodies' names, a longer ending before a shorter one it contains (extract).
    pub org_suffixes: Vec<&'static str>,
    /// Words ending in a one-character body ending that are not bodies (extract).
    pub not_bodies: Vec<&'static str>,
    /// Prefixes of international bodies (extract).
    pub international_prefixes: Vec<&'static str>,
    /// Regions that name an undertaking as a country does (extract).
    pub undertaking_regions: Vec<&'static str>,
    /// Endings of projects' names, in priority order (extract).
    pub project_suffixes: Vec<&'static str>,
    /// Words that end a project's or body's name on its left (extract).
    pub name_left_stops: Vec<&'static str>,
    /// Words of plans and strategies: a quotation or one-party title ending so is an initiative.
    pub plan_words: Vec<&'static str>,
    /// The plan words that make a title an initiative when they follow its closing bracket.
    pub plan_words_after_title: Vec<&'static str>,
    /// Endings of documents concluded or issued by parties (extract).
    pub treaty_types: Vec<&'static str>,
    /// Words that mark a title as concluded between parties (extract).
    pub party_words: Vec<&'static str>,
    /// Words that end a leader's name (extract).
    pub leader_name_stops: Vec<&'static str>,
    /// Endings of bodies whose heads are not leaders: associations, companies, schools (extract).
    pub not_official_bodies: Vec<&'static str>,
    /// `X方` words that are not a country's side (extract).
    pub not_sides: Vec<&'static str>,
    /// Words after a compound of country forms that name a relation (extract).
    pub relation_context: Vec<&'static str>,
    /// Words an event's name ends with, in the order the pattern tries them (relate).
    pub event_endings: Vec<&'static str>,
    /// Words that end an event's name on its left (relate).
    pub event_left_words: Vec<&'static str>,
    /// Names ending in an event word that are not events (relate).
    pub not_events: Vec<&'static str>,
    /// Verbs of position with the stance they express, in the order they are tried (relate).
    pub stances: Vec<(&'static str, Stance)>,
    /// Words right before a title that make it neither signed nor cited (relate).
    pub not_signed_before: Vec<&'static str>,
    /// Words right after a title that make it neither signed nor cited (relate).
    pub not_signed_after: Vec<&'static str>,
    /// Words between a date and a partnership level that date it: establishing or raising (relate).
    pub partnership_steps: Vec<&'static str>,
    /// Title endings of a document that is what one leader said: a speech, a toast (relate).
    pub speech_endings: Vec<&'static str>,
    /// Sets of characters that end, break or continue a word (extract).
    pub chars: CharacterSets,
    /// Title endings of documents that are treaties their parties issue, first match wins (resolve).
    pub issued_endings: Vec<&'static str>,
    /// Endings of a line that is a whole title, not wrapped into the next (text: normalize).
    pub document_endings: Vec<&'static str>,
    /// Endings of a complete heading (text: segment).
    pub title_endings: Vec<&'static str>,
}

/// Sets of characters, each a string whose characters are the set (`ontology/words/character_sets.tsv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CharacterSets {
    /// Characters before 中 that make it part of another word (其中, 集中).
    pub before_zhong: &'static str,
    /// Characters that continue a one-character body ending into another word (部署, 局势).
    pub word_after_body: &'static str,
    /// Characters a body's name never contains.
    pub org_break: &'static str,
    /// Characters that end a leader's name.
    pub name_stops: &'static str,
    /// First characters that continue an office word rather than start a name (主席国, 任期).
    pub not_name_start: &'static str,
    /// Last characters of words for bodies and meetings, never of a name.
    pub not_name_end: &'static str,
    /// Characters between a country or body and the office it qualifies (政府, 联邦).
    pub office_qualifier_gap: &'static str,
    /// Characters between a proposer's name and the verb of proposing (an office).
    pub proposer_gap: &'static str,
    /// Characters besides function words that may stand before a surname and office (感谢习主席).
    pub before_surname_office: &'static str,
    /// Characters of transliterated foreign names (a longer run of them is one name).
    pub transliteration: &'static str,
    /// Common Chinese family names (廖 of 廖承志副委员长).
    pub chinese_surnames: &'static str,
}

impl CharacterSets {
    /// The sets of `character_sets.tsv`: every one this struct holds must be there.
    fn read() -> Result<Self, ReferenceError> {
        const FILE: &str = "words/character_sets.tsv";
        let schema = Schema {
            columns: &["name", "characters", "purpose"],
            required: &["name", "characters", "purpose"],
            key: Some("name"),
            flags: &[],
        };
        let source = include_str!("../../ontology/words/character_sets.tsv");
        let rows = read(FILE, source, &schema)?;
        let set = |name: &str| {
            rows.iter().find(|r| r.get(0) == name).map(|r| r.get(1)).ok_or_else(|| ReferenceError {
                file: FILE.to_owned(),
                // A missing row has no line of its own: the end of the file is named.
                line: source.lines().count(),
                message: format!("no row for the set `{name}`"),
            })
        };
        Ok(CharacterSets {
            before_zhong: set("before_zhong")?,
            word_after_body: set("word_after_body")?,
            org_break: set("org_break")?,
            name_stops: set("name_stops")?,
            not_name_start: set("not_name_start")?,
            not_name_end: set("not_name_end")?,
            office_qualifier_gap: set("office_qualifier_gap")?,
            proposer_gap: set("proposer_gap")?,
            before_surname_office: set("before_surname_office")?,
            transliteration: set("transliteration")?,
            chinese_surnames: set("chinese_surnames")?,
        })
    }
}

/// One `word` column, unique and required.
const WORD: Schema<'static> =
    Schema { columns: &["word"], required: &["word"], key: Some("word"), flags: &[] };

static EMBEDDED: LazyLock<Words> =
    LazyLock::new(|| Words::load().expect("the embedded word lists are valid (checked by a unit test)"));

/// The rows of an embedded file of `ontology/words/`.
macro_rules! rows {
    ($name:literal, $schema:expr) => {
        read(concat!("words/", $name), include_str!(concat!("../../ontology/words/", $name)), $schema)
    };
}

/// The words of a one-column file.
macro_rules! words {
    ($name:literal) => {
        rows!($name, &WORD).map(|rows| rows.iter().map(|r| r.get(0)).collect::<Vec<_>>())
    };
}

/// The first column of the rows whose flag column `i` is `yes`.
fn flagged(rows: &[Row<'static>], i: usize) -> Vec<&'static str> {
    rows.iter().filter(|r| r.flag(i)).map(|r| r.get(0)).collect()
}

impl Words {
    /// The word lists compiled into the binary.
    pub fn embedded() -> &'static Words {
        &EMBEDDED
    }

    /// Reads every file of `ontology/words/` compiled into the binary.
    pub fn load() -> Result<Words, ReferenceError> {
        let plans = rows!(
            "plan_words.tsv",
            &Schema {
                columns: &["word", "after_title"],
                required: &["word"],
                key: Some("word"),
                flags: &["after_title"]
            }
        )?;
        let columns = ["word", "issued", "ends_document", "ends_title"];
        let endings = rows!(
            "document_endings.tsv",
            &Schema { columns: &columns, required: &["word"], key: Some("word"), flags: &columns[1..] }
        )?;
        let signing = rows!(
            "signing_stop_words.tsv",
            &Schema {
                columns: &["word", "before", "after"],
                required: &["word"],
                key: Some("word"),
                flags: &["before", "after"]
            }
        )?;
        let stances = rows!(
            "stances.tsv",
            &Schema {
                columns: &["verb", "stance"],
                required: &["verb", "stance"],
                key: Some("verb"),
                flags: &[]
            }
        )?;
        let stances = stances
            .iter()
            .map(|row| match Stance::from_name(row.get(1)) {
                Some(stance) => Ok((row.get(0), stance)),
                None => Err(ReferenceError {
                    file: "words/stances.tsv".to_owned(),
                    line: row.line,
                    message: format!(
                        "`stance` should be one of {}, found `{}`",
                        Stance::ALL.map(Stance::name).join(", "),
                        row.get(1)
                    ),
                }),
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Words {
            org_suffixes: words!("org_suffixes.tsv")?,
            not_bodies: words!("not_bodies.tsv")?,
            international_prefixes: words!("international_prefixes.tsv")?,
            undertaking_regions: words!("undertaking_regions.tsv")?,
            project_suffixes: words!("project_suffixes.tsv")?,
            name_left_stops: words!("name_left_stops.tsv")?,
            plan_words: plans.iter().map(|r| r.get(0)).collect(),
            plan_words_after_title: flagged(&plans, 1),
            treaty_types: words!("treaty_types.tsv")?,
            party_words: words!("party_words.tsv")?,
            leader_name_stops: words!("leader_name_stops.tsv")?,
            not_official_bodies: words!("not_official_bodies.tsv")?,
            not_sides: words!("not_sides.tsv")?,
            relation_context: words!("relation_context.tsv")?,
            event_endings: words!("event_endings.tsv")?,
            event_left_words: words!("event_left_words.tsv")?,
            not_events: words!("not_events.tsv")?,
            stances,
            not_signed_before: flagged(&signing, 1),
            not_signed_after: flagged(&signing, 2),
            partnership_steps: words!("partnership_steps.tsv")?,
            speech_endings: words!("speech_endings.tsv")?,
            chars: CharacterSets::read()?,
            issued_endings: flagged(&endings, 1),
            document_endings: flagged(&endings, 2),
            title_endings: flagged(&endings, 3),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_word_list_loads() {
        let words = Words::load().expect("embedded word lists");
        assert_eq!(words.issued_endings[..2], ["联合声明", "联合公报"]);
        assert_eq!(words.event_endings.first(), Some(&"高峰论坛"));
        assert!(words.plan_words.contains(&"议程") && !words.plan_words_after_title.contains(&"议程"));
        assert!(words.not_signed_before.contains(&"修订") && words.not_signed_after.contains(&"修订"));
        assert_eq!(words.stances.first(), Some(&("支持", Stance::Supports)));
        assert!(words.chars.before_zhong.contains('其') && words.chars.org_break.contains('《'));
    }
}
