//! Which of a country's leaders a document means by 两国元首, 两国总理 or 两国领导人: one who holds an
//! office of that kind, in office at the document's date, and of those the most mentioned.

use super::Sentences;
use crate::model::{Entity, Kind};
use crate::reference::{Gazetteer, Leader};

/// The kind of head that words naming both sides' leaders mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Head {
    /// 两国元首: presidents, monarchs and chairmen of state.
    State,
    /// 两国总理: premiers and prime ministers.
    Government,
    /// 两国领导人, 两国首脑: either.
    Either,
}

impl Head {
    /// The head that `text` names: 元首 a head of state, 总理 or 首相 a head of government, else either.
    pub(super) fn named_in(text: &str) -> Head {
        if text.contains("两国元首") {
            Head::State
        } else if text.contains("两国总理") || text.contains("两国首相") {
            Head::Government
        } else {
            Head::Either
        }
    }

    /// True when an office of the gazetteer's `rank` is a head of this kind.
    fn takes(self, rank: &str) -> bool {
        match self {
            Head::State => matches!(rank, "head_of_state" | "monarch"),
            Head::Government => rank == "head_of_government",
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
                    if !offices.into_iter().any(|o| rank_of(o, g).is_some_and(|r| head.takes(r))) {
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
    g.leaders.iter().find(|l| l.id == key)
}

/// The rank of an office: that of the longest office of the gazetteer it ends with (国务院总理, 总理).
fn rank_of<'g>(office: &str, g: &'g Gazetteer) -> Option<&'g str> {
    g.offices.iter().filter(|o| office.ends_with(&o.zh)).max_by_key(|o| o.zh.len()).map(|o| o.rank.as_str())
}

#[cfg(test)]
mod tests {
    use super::Head;

    #[test]
    fn words_for_both_sides_name_their_kind_of_head() {
        assert_eq!(Head::named_in("两国元首举行会谈"), Head::State);
        assert_eq!(Head::named_in("中泰两国总理举行会谈"), Head::Government);
        assert_eq!(Head::named_in("两国领导人举行会晤"), Head::Either);
        assert!(Head::State.takes("monarch") && !Head::State.takes("head_of_government"));
        assert!(Head::Either.takes("head_of_government") && !Head::Either.takes("minister"));
    }
}
