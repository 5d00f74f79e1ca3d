//! Leaders named by family name and office (邓副总理, 习主席, 周总理): the leader of the document whose
//! name starts with that family name, when only one does, or only one of them holds that office.

use super::lexicon::Lexicon;
use super::{Key, Kind, Mention};
use crate::text::normalize::is_cjk;

/// Offices written after a family name to name their holder.
const OFFICES: [&str; 18] = [
    "副委员长",
    "委员长",
    "总书记",
    "副主席",
    "主席",
    "副总理",
    "总理",
    "副总统",
    "总统",
    "首相",
    "外长",
    "部长",
    "议长",
    "国务卿",
    "秘书长",
    "大使",
    "元帅",
    "将军",
];

/// Characters that may stand right before a family name so named: a list mark, a conjunction, a
/// preposition or the last character of a verb that takes a person (会见, 拜会, 宴请, 欢迎, 陪同).
const BEFORE: &str = "、与同和及向对为请见了在由被把将给跟是说会晤迎谢陪祝致称";

/// The mentions of leaders named by family name and office in `text`, given the document's other
/// mentions `mentions`: each takes the key, country and office of the leader it names.
pub fn find(text: &str, mentions: &[Mention], lexicon: &Lexicon) -> Vec<Mention> {
    let named: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.kind == Kind::Leader && (2..=3).contains(&m.surface.chars().count()))
        .filter(|m| m.surface.chars().all(is_cjk))
        .collect();
    if named.is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        let Some(office) = OFFICES.iter().find(|o| text[end..].starts_with(**o)) else { continue };
        let free = text[..at].chars().next_back().is_none_or(|p| !is_cjk(p) || BEFORE.contains(p));
        // The family names of the document's leaders first: a cheap test before the mentions are scanned.
        if !free
            || !named.iter().any(|m| m.surface.starts_with(c))
            || mentions.iter().any(|m| m.start < end + office.len() && at < m.end)
        {
            continue;
        }
        let Some(holder) = holder(&named, c, office, lexicon) else { continue };
        let mut m = Mention::new(text, Kind::Leader, at, end, holder.key.clone());
        m.office = Some((*office).to_owned());
        m.country = holder.country;
        found.push(m);
    }
    found
}

/// The one leader of `named` whose name starts with `family`: the only one, else the only one who
/// holds `office` (said beside the name or in the gazetteer).
fn holder<'m>(named: &[&'m Mention], family: char, office: &str, lexicon: &Lexicon) -> Option<&'m Mention> {
    let mut keys: Vec<&Key> = Vec::new();
    let bearers: Vec<&Mention> = named
        .iter()
        .copied()
        .filter(|m| m.surface.starts_with(family))
        .filter(|m| {
            let new = !keys.contains(&&m.key);
            if new {
                keys.push(&m.key);
            }
            new
        })
        .collect();
    if bearers.len() == 1 {
        return bearers.first().copied();
    }
    let holds = |m: &&Mention| {
        let stated = m.office.as_deref().is_some_and(|o| o.ends_with(office));
        let listed = match m.key {
            Key::Leader(i) => lexicon.gazetteer.leaders[i].offices.iter().any(|o| o.ends_with(office)),
            _ => false,
        };
        (stated || listed)
            && !(office == "总理" && m.office.as_deref().is_some_and(|o| o.ends_with("副总理")))
    };
    let holding: Vec<&Mention> = bearers.into_iter().filter(holds).collect();
    (holding.len() == 1).then(|| holding[0])
}

#[cfg(test)]
mod tests {
    use crate::extract::extract;
    use crate::extract::lexicon::Lexicon;
    use crate::model::Kind;

    fn named_by_office(text: &str) -> Vec<(String, String)> {
        let lexicon = Lexicon::get();
        extract(text, lexicon)
            .into_iter()
            .filter(|m| m.kind == Kind::Leader && m.surface.chars().count() == 1)
            .map(|m| (m.surface.clone(), format!("{:?}", m.key)))
            .collect()
    }

    #[test]
    fn a_family_name_and_an_office_name_the_documents_one_leader_of_that_name() {
        let text = "国务院副总理邓小平今天会见日本首相大平正芳。邓副总理分别拜会田中前首相和大平首相。";
        let found = named_by_office(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "邓");
    }

    #[test]
    fn no_leader_of_that_name_or_two_of_them_name_no_one() {
        assert!(named_by_office("国务院总理李鹏会见外宾。王主席出席。").is_empty());
        // Two leaders named 李 with no office to tell them apart, and 总理 inside 国务院总理.
        let two = named_by_office("李鹏和李先念会见外宾。李主任表示欢迎。国务院总理李鹏说。");
        assert!(two.is_empty(), "{two:?}");
    }
}
