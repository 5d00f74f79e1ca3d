//! Which of a country's leaders a document means by 两国元首, 两国总理 or 两国领导人: one who holds an
//! office of that kind, in office at the document's date, and of those the most mentioned.

use super::Sentences;
use crate::model::{Entity, Kind};
use crate::reference::{Gazetteer, Leader, Office};
use std::ops::Range;

/// The kind of head that words naming both sides' leaders mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Head {
    /// 两国元首: presidents, monarchs and chairmen of state.
    State,
    /// 两国总理: premiers and prime ministers.
    Government,
    /// 两国外长: foreign ministers and secretaries of state.
    Foreign,
    /// 两国领导人, 两国首脑: either head.
    Either,
}

/// The words after 两国 (or two countries' one-character forms, 苏美) that name both sides' heads,
/// the most precise first.
const BOTH_SIDES: [(&str, Head); 8] = [
    ("元首", Head::State),
    ("总统", Head::State),
    ("总理", Head::Government),
    ("首相", Head::Government),
    ("外长", Head::Foreign),
    ("外交部长", Head::Foreign),
    ("首脑", Head::Either),
    ("领导人", Head::Either),
];

/// Foreign ministers' offices (the gazetteer ranks them with all ministers).
const FOREIGN_OFFICES: [&str; 4] = ["外长", "外交部长", "外交大臣", "国务卿"];

impl Head {
    /// The heads that `range` of the document names as both sides': 两国元首, 两国总统, 中泰两国总理, 两国外长, or
    /// two countries' one-character forms before the word (苏美领导人, 中美元首), not three (中俄印外长).
    /// `None` when it names none.
    pub(super) fn both_sides_in(s: &Sentences<'_>, range: Range<usize>) -> Option<Head> {
        let text = &s.text[range.clone()];
        let one_char_country = |end: usize| {
            s.near(end..end)
                .iter()
                .find(|m| m.kind == Kind::Country && m.end == end && m.surface.chars().count() == 1)
        };
        BOTH_SIDES.iter().find_map(|&(word, head)| {
            text.match_indices(word)
                .any(|(i, _)| {
                    let at = range.start + i;
                    s.text[..at].ends_with("两国")
                        || one_char_country(at).and_then(|m| one_char_country(m.start)).is_some_and(|m| {
                            // 中俄印外长会晤: three countries' talks are no two heads'.
                            one_char_country(m.start).is_none()
                        })
                })
                .then_some(head)
        })
    }

    /// True when an office `zh` of the gazetteer's `rank` is a head of this kind.
    fn takes(self, zh: &str, rank: &str) -> bool {
        match self {
            Head::State => matches!(rank, "head_of_state" | "monarch"),
            Head::Government => rank == "head_of_government",
            Head::Foreign => FOREIGN_OFFICES.contains(&zh),
            Head::Either => matches!(rank, "head_of_state" | "monarch" | "head_of_government"),
        }
    }
}

/// The leader of each of the `countries` (entity indices) that the document most likely means by
/// `head` in `year`: one whose stated or known office is of that kind (not the minister most quoted,
/// 姆努钦 for the United States), in office then (拉马福萨 in 2019, not 曼德拉), then the most
/// mentioned. A country without such a leader has none. `year` is the year the sentence gives its
/// event, else the document's.
pub(super) fn heads_of(
    s: &Sentences<'_>,
    countries: &[usize],
    head: Head,
    year: Option<i32>,
    g: &Gazetteer,
) -> Vec<usize> {
    countries
        .iter()
        .filter_map(|&country| {
            let iri = &s.entities[country].iri;
            let of_country =
                |e: &Entity| e.kind == Kind::Leader && e.country.as_deref() == Some(iri.as_str());
            s.entities
                .iter()
                .enumerate()
                .filter(|(_, e)| of_country(e))
                .filter_map(|(i, e)| {
                    let known = known_leader(e, g);
                    let offices = e.office.iter().chain(known.into_iter().flat_map(|l| &l.offices));
                    if !offices
                        .into_iter()
                        .any(|o| office_of(o, g).is_some_and(|k| head.takes(&k.zh, &k.rank)))
                    {
                        return None;
                    }
                    // A head of other years is none of these (曼德拉 in 2018): a year either side
                    // keeps one who took or left office then, after one in office all through.
                    if known.zip(year).is_some_and(|(l, y)| !l.in_office(y, 1)) {
                        return None;
                    }
                    let serving = known.zip(year).is_none_or(|(l, y)| l.in_office(y, 0));
                    let mentions = s.mention_entity.iter().filter(|&&x| x == i).count();
                    Some((i, (serving, mentions)))
                })
                .max_by_key(|&(i, rank)| (rank, std::cmp::Reverse(i)))
                .map(|(i, _)| i)
        })
        .collect()
}

/// The gazetteer's entry for a leader entity, by its IRI.
fn known_leader<'g>(e: &Entity, g: &'g Gazetteer) -> Option<&'g Leader> {
    let key = e.iri.rsplit_once('/')?.1;
    g.leader(key)
}

/// The gazetteer's office an office ends with, the longest (国务院总理 before 总理).
fn office_of<'g>(office: &str, g: &'g Gazetteer) -> Option<&'g Office> {
    g.offices.iter().filter(|o| office.ends_with(&o.zh)).max_by_key(|o| o.zh.len())
}

#[cfg(test)]
mod tests {
    use super::Head;

    #[test]
    fn offices_name_their_kind_of_head() {
        assert!(Head::State.takes("国王", "monarch") && !Head::State.takes("总理", "head_of_government"));
        assert!(Head::Either.takes("总理", "head_of_government") && !Head::Either.takes("外长", "minister"));
        assert!(Head::Foreign.takes("国务卿", "minister") && !Head::Foreign.takes("财政部长", "minister"));
    }
}
