//! Who proposed an initiative, when the sentence says so: 中方提出的全球安全倡议,
//! 习近平主席提出的“一带一路”倡议, 乌兹别克斯坦总统倡议的“…”决议.

use super::{Kind, Mention};
use regex::Regex;
use std::sync::LazyLock;

/// The words between a proposer and the initiative: a verb of proposing, then 的, maybe a quote.
static PROPOSED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:所)?(?:提出|倡导|发起|倡议|首倡|宣布)的?[“「《]?$").expect("proposed"));

/// Sets `detail.proposer` of every initiative whose sentence names who proposed it.
/// `gap`: the characters that may stand between a proposer's name and the verb (an office).
pub fn link(text: &str, mentions: &mut [Mention], gap: &str) {
    for i in 0..mentions.len() {
        if mentions[i].kind != Kind::Initiative {
            continue;
        }
        let start = mentions[i].start;
        let window = text[..start].char_indices().rev().nth(11).map_or(0, |(k, _)| k);
        let Some(verb) = PROPOSED.find(&text[window..start]) else { continue };
        let verb_start = window + verb.start();
        let proposer = mentions[..i]
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, m)| matches!(m.kind, Kind::Country | Kind::Leader) && m.end <= verb_start)
            .find(|(_, m)| {
                text[m.end..verb_start].chars().all(|c| gap.contains(c)) && verb_start - m.end <= 12
            })
            .map(|(j, _)| j);
        mentions[i].detail.proposer = proposer;
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::{extract, lexicon::Lexicon};
    use crate::model::Kind;

    fn proposer_of(text: &str) -> Option<String> {
        let mentions = extract(text, Lexicon::get());
        let initiative = mentions.iter().find(|m| m.kind == Kind::Initiative)?;
        initiative.detail.proposer.map(|j| mentions[j].surface.clone())
    }

    #[test]
    fn finds_who_proposed() {
        assert_eq!(proposer_of("俄方高度评价中方提出的全球安全倡议。").as_deref(), Some("中方"));
        assert_eq!(proposer_of("国家主席习近平。习近平主席提出的“一带一路”倡议").as_deref(), Some("习近平"));
        assert_eq!(proposer_of("双方支持全球发展倡议。"), None);
    }
}
