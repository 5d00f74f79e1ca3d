//! Transliterated names before a head's office (应巴雷拉总统邀请, 伦古总统就任以来, 同莫拉莱斯总理会谈): a
//! speech or an article names its host so, never with the country first; and Chinese names before an
//! office of China (廖承志副委员长、黄华外长), as older reports list officials. Start with [`find`].

use super::lexicon::Lexicon;
use super::Mention;
use std::ops::Range;

/// The offices a foreign name is put before, the longer first.
const OFFICES: [&str; 9] = ["副总统", "副总理", "总统", "总理", "首相", "国王", "女王", "议长", "外长"];

/// Characters that make the office another word (总统府, 总理级, 国王杯).
const WORD_AFTER: [char; 6] = ['府', '团', '台', '级', '杯', '位'];

/// The fewest and most characters of a name found so.
const NAME_CHARS: std::ops::RangeInclusive<usize> = 2..=5;

/// Offices of the states writing names in Chinese characters (China, Vietnam) a name is put before
/// (廖承志副委员长、黄华外长, 梁强国家主席、陈青敏国会主席), deputies' first (not 主席 alone, which
/// companies and societies have too: 董事局主席, 荣誉主席).
const CHINESE_OFFICES: [&str; 8] =
    ["副委员长", "委员长", "总书记", "副总理", "总理", "外长", "国家主席", "国会主席"];

/// The fewest and most characters of a Chinese name found so.
const CHINESE_NAME_CHARS: std::ops::RangeInclusive<usize> = 2..=3;

/// The span and office of every name of two to five transliteration characters right before an office
/// of [`OFFICES`], after the start of a word (punctuation, a function word, 应, a verb of greeting),
/// that no mention in `existing` covers (巴拿马总统 is a country's office, 普京总统 a known name).
pub fn find(text: &str, existing: &[Mention], lexicon: &Lexicon) -> Vec<(Range<usize>, &'static str)> {
    let chars = &lexicon.words.chars;
    let opens = |c: char| c == '应' || super::ends_word(c, chars);
    // 阿库福—阿多总统: the last part of a longer name is not a name.
    let foreign = runs_before(text, &OFFICES, &NAME_CHARS, |c| chars.transliteration.contains(c), opens)
        .filter(|run| !text[..run.start].ends_with(['-', '—', '·']));
    // The first a family name, none a character that ends or cannot open a name.
    let chinese = runs_before(
        text,
        &CHINESE_OFFICES,
        &CHINESE_NAME_CHARS,
        |c| super::name_bounds::is_han(c) && !opens(c),
        opens,
    )
    .filter(|run| {
        chars.chinese_surnames.contains(run.first)
            && !text[run.start..run.at]
                .chars()
                .any(|c| chars.name_stops.contains(c) || chars.not_name_start.contains(c))
    });
    let covered = |start: usize, end: usize| existing.iter().any(|m| m.start < end && start < m.end);
    let mut found: Vec<(Range<usize>, &'static str)> = Vec::new();
    for run in foreign.chain(chinese) {
        let end = run.at + run.office.len();
        if !covered(run.start, end) && !found.iter().any(|(r, _)| r.start < end && run.start < r.end) {
            found.push((run.start..run.at, run.office));
        }
    }
    found
}

/// A run of name characters right before an office.
struct Run {
    /// Where the run starts.
    start: usize,
    /// Its first character.
    first: char,
    /// Where the office starts (the run's end).
    at: usize,
    /// The office.
    office: &'static str,
}

/// For each of `offices` in `text`, in their order, that no character after makes another word (总统府)
/// and no 副 before makes a deputy's, the run of characters `in_name` right before it when it has a
/// length in `lengths` and starts a word (text start, or a character that `opens`).
fn runs_before<'t>(
    text: &'t str,
    offices: &'t [&'static str],
    lengths: &'t std::ops::RangeInclusive<usize>,
    in_name: impl Fn(char) -> bool + 't,
    opens: impl Fn(char) -> bool + 't,
) -> impl Iterator<Item = Run> + 't {
    offices
        .iter()
        .flat_map(move |&office| text.match_indices(office).map(move |(at, _)| (at, office)))
        .filter_map(move |(at, office)| {
            let end = at + office.len();
            if text[end..].starts_with(WORD_AFTER) || text[..at].ends_with('副') {
                return None;
            }
            let run: Vec<(usize, char)> = text[..at]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| in_name(c))
                .take(lengths.end() + 1)
                .collect();
            let &(start, first) = run.last()?;
            (lengths.contains(&run.len()) && text[..start].chars().next_back().is_none_or(&opens))
                .then_some(Run { start, first, at, office })
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    fn names(text: &str) -> Vec<String> {
        let lexicon = Lexicon::get();
        let others: Vec<Mention> =
            super::super::extract(text, lexicon).into_iter().filter(|m| m.kind != Kind::Leader).collect();
        let mut found = find(text, &others, lexicon);
        found.sort_by_key(|(r, _)| r.start);
        found.into_iter().map(|(r, office)| format!("{}:{office}", &text[r])).collect()
    }

    #[test]
    fn a_transliterated_name_before_a_heads_office_is_a_leader() {
        assert_eq!(names("应巴雷拉总统邀请,我将对巴拿马进行国事访问。"), ["巴雷拉:总统"]);
        assert_eq!(names("伦古总统就任以来两次访华。"), ["伦古:总统"]);
        assert_eq!(names("我同莫拉莱斯副总统举行了会谈。"), ["莫拉莱斯:副总统"]);
    }

    #[test]
    fn a_chinese_name_before_an_office_of_china_is_a_leader() {
        assert_eq!(names("邓副总理一行。廖承志副委员长、黄华外长陪同。"), ["廖承志:副委员长", "黄华:外长"]);
        assert_eq!(
            names("习近平分别会见梁强国家主席、陈青敏国会主席。"),
            ["梁强:国家主席", "陈青敏:国会主席"]
        );
        assert_eq!(names("欢迎朱德委员长。"), ["朱德:委员长"]);
        // No family name, a longer run, or a word's start inside: none.
        assert!(names("各国外长出席。").is_empty(), "{:?}", names("各国外长出席。"));
        assert!(names("由人大常委会委员长主持。").is_empty());
        assert!(names("双方总理举行会谈。").is_empty());
    }

    #[test]
    fn a_country_an_office_word_or_a_word_inside_is_none() {
        assert!(names("巴拿马总统和夫人出席。").is_empty(), "{:?}", names("巴拿马总统和夫人出席。"));
        assert!(names("他在总统府会见记者。").is_empty());
        assert!(names("东方卡拉总统府").is_empty());
        assert!(names("一位总统说。").is_empty());
        assert!(names("代表阿库福—阿多总统致辞。").is_empty());
        assert!(names("岸田将与我国首相拿督斯里安华举行会谈。").is_empty());
    }
}
