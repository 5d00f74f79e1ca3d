//! Leaders named by surname and office, as Chinese news names them (习主席, 李总理, 金委员长): the
//! gazetteer leaders whose name starts with the surname and who held that office (not its deputy)
//! are the candidates, and the document's date picks among them when mentions are resolved
//! (`resolve::leaders`). Start with [`find`].

use super::lexicon::Lexicon;
use super::{Key, Kind, Mention};
use crate::reference::Leader;

/// The offices a surname is put before. Lower offices (部长) name too many people to link.
const TITLES: [&str; 6] = ["总书记", "委员长", "主席", "总理", "总统", "首相"];

/// Characters that make the office another word (总统府, 主席团, 主席台).
const WORD_AFTER: [char; 3] = ['府', '团', '台'];

/// The most characters of a surname: a Japanese family name has up to three (中曾根首相).
const SURNAME_CHARS: usize = 3;

/// True when `surface` is a surname and an office of [`TITLES`] that `leader` could be named by: the
/// surname opens the leader's name and is shorter than it (中曾根首相 is 中曾根康弘's, 习主席 习近平's).
pub fn abbreviates(surface: &str, leader: &Leader) -> bool {
    let Some(title) = TITLES.iter().find(|t| surface.ends_with(*t)) else { return false };
    let surname = &surface[..surface.len() - title.len()];
    (1..=SURNAME_CHARS).contains(&surname.chars().count())
        && leader.zh.starts_with(surname)
        && leader.zh.chars().count() > surname.chars().count()
        && !leader.zh.contains('·')
        && held_office(title, leader).is_some()
}

/// The gazetteer office of `leader` that `title` names (国家主席 for 主席), not its deputy.
fn held_office<'l>(title: &str, leader: &'l Leader) -> Option<&'l str> {
    let deputy = format!("副{title}");
    leader.offices.iter().map(String::as_str).find(|o| o.ends_with(title) && !o.ends_with(&deputy))
}

/// Every surname-and-office mention in `text` that some gazetteer leader could be named by, keyed to
/// the first such leader (the resolver chooses by date). The character before the surname must end
/// a word (a function word, punctuation, a verb of greeting: 同习主席, 感谢习主席), so 学习主席团 is
/// none; a one-character country form (巴总统: Pakistan's president) is no surname.
pub fn find(text: &str, lexicon: &Lexicon) -> Vec<Mention> {
    let g = lexicon.gazetteer;
    let chars = &lexicon.words.chars;
    let before = |c: char| super::ends_word(c, chars);
    let mut found = Vec::new();
    for title in TITLES {
        for (at, _) in text.match_indices(title) {
            let end = at + title.len();
            if text[end..].starts_with(WORD_AFTER) {
                continue;
            }
            // The surname, one to three Han characters after the end of a word; one character is no
            // country's form.
            let found_at = text[..at].char_indices().rev().take(SURNAME_CHARS).find_map(|(start, c)| {
                let one = start + c.len_utf8() == at;
                let stands = super::name_bounds::is_han(c)
                    && text[..start].chars().next_back().is_none_or(before)
                    && !(one && g.countries_with_abbrev(c).next().is_some());
                let surface = &text[start..end];
                stands
                    .then(|| g.leaders.iter().position(|l| abbreviates(surface, l)).map(|i| (start, i)))
                    .flatten()
            });
            if let Some((start, i)) = found_at {
                let mut m = Mention::new(text, Kind::Leader, start, end, Key::Leader(i));
                // The office in full, as the gazetteer names it: the title alone is a word, not an office.
                m.office = held_office(title, &g.leaders[i]).map(str::to_owned);
                found.push(m);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, String)> {
        let lexicon = Lexicon::get();
        let mut found = find(text, lexicon);
        found.sort_by_key(|m| m.start);
        found
            .iter()
            .map(|m| {
                let Key::Leader(i) = m.key else { panic!("{m:?}") };
                (m.surface.clone(), lexicon.gazetteer.leaders[i].zh.clone())
            })
            .collect()
    }

    #[test]
    fn a_surname_before_a_high_office_names_a_leader_who_held_it() {
        let got = found("感谢习主席的邀请。温总理同金委员长会晤。");
        let surfaces: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(surfaces, ["习主席", "温总理", "金委员长"], "{got:?}");
        assert_eq!(got[0].1, "习近平");
        let offices: Vec<Option<String>> =
            find("感谢习主席的邀请。", Lexicon::get()).into_iter().map(|m| m.office).collect();
        assert_eq!(offices, [Some("国家主席".to_owned())], "the office in full, never the bare title");
    }

    #[test]
    fn a_family_name_of_two_or_three_characters_before_its_office_names_a_leader() {
        let got = found("二阶堂进把中曾根首相的亲笔信交给胡耀邦。海部首相和宫泽首相出席。");
        let names: Vec<&str> = got.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(names, ["中曾根康弘", "海部俊树", "宫泽喜一"], "{got:?}");
        // A full name is no family name of itself, and a word before the family name hides it.
        assert!(found("习近平主席和李克强总理").is_empty());
        assert!(found("山中曾根首相").is_empty());
    }

    #[test]
    fn words_countries_and_deputies_are_no_surnames() {
        assert!(found("学习主席团的文件").is_empty(), "学习 is a word");
        assert!(found("巴总统和马总理").is_empty(), "one-character country forms");
        assert!(found("乌总统").is_empty());
        assert!(found("，韩主席说").is_empty(), "韩正 was vice-president (国家副主席) only");
    }
}
