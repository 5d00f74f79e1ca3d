//! Treaty titles written without 《》: what a verb of signing takes (双方缔结了中华人民共和国和
//! 德意志民主共和国友好合作条约, 还签订了中德文化合作协定和…, 1994年9月3日签署的中俄国界西段协定, 签署「日菲
//! 物品劳务相互提供协定」): a title that names its parties (not 签订了“旅居养老合作框架协议”, a contract).
//! Start with [`find`].

use super::lexicon::{Entry, Lexicon};
use super::titles::describe;
use super::{Key, Kind, Mention};
use regex::Regex;
use std::sync::LazyLock;

/// A verb whose object is a document: signed, concluded, ratified, issued (not one of citing, 根据, 落实, whose
/// object is as often a law, a consensus or a spirit).
static VERB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:签署|签订|缔结|草签|批准|发表)(?:了|的)?").expect("verb"));

/// A date opening the object (1994年友好合作关系条约, 1994年9月3日签署的…): not part of the title.
static DATE_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[0-9]{4}|[〇零一二三四五六七八九]{4})年(?:[0-9一二三四五六七八九十]{1,2}月(?:[0-9一二三四五六七八九十]{1,3}日)?)?(?:签署|签订|缔结)?的?")
        .expect("date first")
});

/// What ends a title without brackets: the kinds of document that are named so.
const ENDINGS: [&str; 11] =
    ["联合声明", "联合公报", "条约", "协定", "协议", "议定书", "备忘录", "宣言", "公约", "宪章", "公报"];

/// Words that open a reference back or a count, not a name (该协定, 上述条约, 多项协议, 双方达成的协议).
const NOT_OPENING: [&str; 16] = [
    "该",
    "此",
    "这",
    "上述",
    "有关",
    "相关",
    "多项",
    "一系列",
    "若干",
    "一些",
    "各项",
    "双方",
    "两国",
    "其",
    "新",
    "本",
];

/// Words no title without brackets holds: a clause about a document, not its name.
const NOT_INSIDE: [&str; 6] = ["达成", "签署", "签订", "商定", "通过", "发表"];

/// The most characters of a title found without brackets.
const LONGEST: usize = 40;

/// Treaty mentions for titles without 《》 in `text` that no title of `existing` overlaps and no other
/// mention there crosses (a country may stand inside: 中华人民共和国和…友好合作条约).
pub fn find(text: &str, existing: &[Mention], lexicon: &Lexicon) -> Vec<Mention> {
    let covered = |start: usize, end: usize| {
        existing.iter().any(|m| {
            let overlaps = m.start < end && start < m.end;
            let inside = start <= m.start && m.end <= end;
            overlaps && (matches!(m.kind, Kind::Treaty | Kind::Initiative) || !inside)
        })
    };
    let mut found: Vec<(usize, usize)> = Vec::new();
    for verb in VERB.find_iter(text) {
        let mut at = verb.end();
        // 签订了文化合作协定和关于…协定: each title of a list.
        while let Some((start, end)) = title_at(text, at, lexicon) {
            found.push((start, end));
            let rest = &text[end..];
            let Some(joint) = ["以及", "和", "及", "、"].iter().find(|j| rest.starts_with(**j)) else {
                break;
            };
            at = end + joint.len();
        }
    }
    found.sort_unstable();
    found.dedup();
    let mut out: Vec<Mention> = Vec::new();
    for (start, end) in found {
        if covered(start, end) || out.iter().any(|m| m.start < end && start < m.end) {
            continue;
        }
        let mut m = Mention::new(text, Kind::Treaty, start, end, Key::Name(text[start..end].to_owned()));
        describe(&mut m, text, lexicon);
        out.push(m);
    }
    out
}

/// The title that starts at `at` (after a date that opens it), ending at the first ending of
/// [`ENDINGS`] that closes a name: its span.
fn title_at(text: &str, at: usize, lexicon: &Lexicon) -> Option<(usize, usize)> {
    let rest = &text[at..];
    let mut start = at + DATE_FIRST.find(rest).map_or(0, |m| m.end());
    // 签署「物品劳务相互提供协定」: a title in quotation marks ends at the closing one.
    let quote = ["「", "“"].into_iter().find(|q| text[start..].starts_with(q));
    start += quote.map_or(0, str::len);
    let run: String = text[start..].chars().take_while(|&c| is_title_char(c)).take(LONGEST).collect();
    let end = run
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .find(|&i| ENDINGS.iter().any(|e| run[..i].ends_with(e)))?;
    let title = &run[..end];
    let closed = |q: &str| text[start + end..].starts_with(if q == "「" { "」" } else { "”" });
    let quoted_whole = quote.is_none_or(|q| closed(q) && run.len() == end);
    (quoted_whole && is_title(title, lexicon) && names_a_party(title, lexicon))
        .then_some((start, start + end))
}

/// True when `title` names a country (中华人民共和国和德意志民主共和国友好合作条约) or opens with the forms of
/// its parties (中俄国界西段协定): a document between parties, not a contract or a law (煤炭中长期贸易协议).
fn names_a_party(title: &str, lexicon: &Lexicon) -> bool {
    lexicon.find(title).iter().any(|h| matches!(h.entry, Entry::Country(_)))
        || title.chars().take(2).filter(|&c| lexicon.abbrev_chars.contains(c)).count() == 2
}

/// Han characters and the dashes and dots inside names.
fn is_title_char(c: char) -> bool {
    super::name_bounds::is_han(c) || c == '—' || c == '·'
}

/// True when `title` names a document: a name before its ending of three characters or more, or of
/// two that are the parties' forms (中俄联合声明); not a reference back or a clause about a document
/// (该协定, 双方达成的协议), and 的 only after 关于 (中俄关于…的联合声明).
fn is_title(title: &str, lexicon: &Lexicon) -> bool {
    let Some(ending) = ENDINGS.iter().find(|e| title.ends_with(**e)) else { return false };
    let name = &title[..title.len() - ending.len()];
    let chars = name.chars().count();
    (chars >= 3 || chars == 2 && name.chars().all(|c| lexicon.abbrev_chars.contains(c)))
        && !NOT_OPENING.iter().any(|w| name.starts_with(w))
        && !NOT_INSIDE.iter().any(|w| name.contains(w))
        && name.find('的').is_none_or(|de| name.find("关于").is_some_and(|about| about < de))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(text: &str) -> Vec<String> {
        find(text, &[], Lexicon::get()).into_iter().map(|m| m.surface).collect()
    }

    #[test]
    fn the_documents_a_verb_of_signing_takes_are_titles() {
        assert_eq!(
            titles("双方缔结了中华人民共和国和德意志民主共和国友好合作条约,还签订了中德文化合作协定和中德关于植物检疫合作协定。"),
            ["中华人民共和国和德意志民主共和国友好合作条约", "中德文化合作协定", "中德关于植物检疫合作协定"]
        );
        assert_eq!(
            titles("根据1994年签订的中蒙友好合作关系条约和1998年联合声明的精神"),
            ["中蒙友好合作关系条约"]
        );
        assert_eq!(titles("根据1994年9月3日签署的中俄国界西段协定进行的勘界工作"), ["中俄国界西段协定"]);
        assert_eq!(titles("江主席同叶利钦总统共同签署中俄联合声明。"), ["中俄联合声明"]);
        assert_eq!(titles("两国签署了中俄关于世界多极化的联合声明"), ["中俄关于世界多极化的联合声明"]);
        assert_eq!(titles("11日莫斯科发表了苏印联合公报。"), ["苏印联合公报"]);
        assert_eq!(titles("今天发表的中华人民共和国和锡兰联合公报说"), ["中华人民共和国和锡兰联合公报"]);
        assert_eq!(titles("两国政府发表了联合公报"), Vec::<String>::new(), "no title: its kind alone");
    }

    #[test]
    fn a_title_in_quotation_marks_is_a_title() {
        assert_eq!(titles("双方签署「日菲物品劳务相互提供协定」(ACSA)"), ["日菲物品劳务相互提供协定"]);
        assert_eq!(titles("双方签署“日菲物品劳务相互提供协定”"), ["日菲物品劳务相互提供协定"]);
        assert_eq!(
            titles("外界关注「日菲物品劳务相互提供协定」"),
            Vec::<String>::new(),
            "no verb of signing"
        );
        assert_eq!(titles("现场签订了“旅居养老合作框架协议”"), Vec::<String>::new(), "no party: a contract");
    }

    #[test]
    fn references_back_counts_and_clauses_are_not_titles() {
        for text in [
            "双方签署了合作协议。",
            "根据该协定的规定",
            "双方签署了多项合作协议",
            "根据双方达成的协议",
            "双方签署了两国政府间海运协定",
            "根据上述条约",
            "落实两国元首达成的重要共识和签署的协议",
            "双方签署了煤炭中长期贸易协议",
            "根据各自国家法律和双边条约",
        ] {
            assert_eq!(titles(text), Vec::<String>::new(), "{text}");
        }
    }
}
